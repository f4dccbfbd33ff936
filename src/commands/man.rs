//! `livectl man [DIR]`: the man pages committed under man/, one for the tool and one per
//! command (`livectl-assign.1`, `livectl-sandbox-serve.1`), generated from the definitions.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::files::write_whole;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write the pages to
    #[arg(default_value = "man")]
    pub dir: PathBuf,
}

pub async fn exec(args: ManArgs, _: &Ctx) -> Result<(), CliError> {
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", args.dir.display())))?;
    write_pages(&crate::cli::command(), "livectl", &args.dir)
}

fn write_pages(command: &clap::Command, name: &str, dir: &Path) -> Result<(), CliError> {
    let page = command
        .clone()
        .name(name.to_owned())
        .bin_name(name.replace('-', " "));
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut bytes)
        .map_err(|e| CliError::failure(format!("cannot render the man page of {name}: {e}")))?;
    write_whole(&dir.join(format!("{name}.1")), &bytes, None)?;
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
