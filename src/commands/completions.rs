//! `livectl completions SHELL`: the completion script committed under completions/, generated
//! from the command definitions.

use clap::Args;
use clap_complete::Shell;

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: Shell,
}

pub async fn exec(args: CompletionsArgs, ctx: &Ctx) -> Result<(), CliError> {
    let mut command = crate::cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "livectl", &mut script);
    ctx.ui.raw(&script)
}
