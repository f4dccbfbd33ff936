//! `livectl completions SHELL` and `livectl man DIR`: what is committed under completions/ and
//! man/, generated from the command definitions.

use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;

use crate::error::CliError;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write the pages to
    #[arg(default_value = "man")]
    pub dir: PathBuf,
}

pub fn completions(args: CompletionsArgs) -> Result<(), CliError> {
    let mut command = crate::cli::command();
    clap_complete::generate(args.shell, &mut command, "livectl", &mut std::io::stdout());
    Ok(())
}

/// One page for the tool and one per command (`livectl-assign.1`, `livectl-sandbox-serve.1`).
pub fn man(args: ManArgs) -> Result<(), CliError> {
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", args.dir.display())))?;
    let command = crate::cli::command();
    write_pages(&command, "livectl", &args.dir)
}

fn write_pages(command: &clap::Command, name: &str, dir: &std::path::Path) -> Result<(), CliError> {
    let page = command
        .clone()
        .name(name.to_owned())
        .bin_name(name.replace('-', " "));
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut bytes)
        .map_err(|e| CliError::failure(format!("cannot render the man page of {name}: {e}")))?;
    let path = dir.join(format!("{name}.1"));
    crate::config::write_atomically(&path, &bytes, None)?;
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
