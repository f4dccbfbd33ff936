//! `livectl man [DIR]`: the man pages committed under man/, one for the tool and one per
//! command (`livectl-assign.1`, `livectl-sandbox-serve.1`), generated from the command
//! definitions with the examples, exit status, environment and files every page shares.

mod examples;
mod roff;

use std::path::{Path, PathBuf};

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::files::write_whole;

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write the pages to
    #[arg(default_value = "man", value_name = "DIR")]
    pub dir: PathBuf,
}

pub async fn exec(args: ManArgs, ctx: &Ctx) -> Result<(), CliError> {
    if args.dir.exists() && !args.dir.is_dir() {
        return Err(CliError::usage(format!(
            "{} is a file; man writes one page per command into a directory",
            args.dir.display()
        ))
        .hint("give a directory, such as `livectl man ~/.local/share/man/man1`"));
    }
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", args.dir.display())))?;
    let pages = pages();
    for (name, page) in &pages {
        write_whole(&args.dir.join(format!("{name}.1")), page.as_bytes(), None)?;
    }
    ctx.ui.note(format!(
        "wrote {} man pages to {}",
        pages.len(),
        args.dir.display()
    ));
    Ok(())
}

/// Every page, by name: the tool's and one per command that is shown in help.
pub fn pages() -> Vec<(String, String)> {
    let root = crate::cli::command();
    let mut pages = Vec::new();
    collect(&root, &[], &mut pages);
    pages
}

fn collect(command: &clap::Command, path: &[String], pages: &mut Vec<(String, String)>) {
    let mut words = vec!["livectl".to_owned()];
    words.extend(path.iter().cloned());
    pages.push((words.join("-"), roff::page(command, &words)));
    for sub in roff::shown(command) {
        let mut next = path.to_vec();
        next.push(sub.get_name().to_owned());
        collect(sub, &next, pages);
    }
}

/// The directory of pages named like `dir/livectl-NAME.1`.
pub fn page_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.1"))
}
