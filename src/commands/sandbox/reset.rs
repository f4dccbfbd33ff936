//! `livectl sandbox reset --yes`: delete a sandbox database and start again.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::error::{CliError, ErrorKind};

#[derive(Debug, Args)]
pub struct ResetArgs {
    #[command(flatten)]
    pub db: super::DbArg,
    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,
}

pub fn exec(args: ResetArgs, ctx: &Ctx) -> Result<(), CliError> {
    // The embedded sandbox's file is livectl's own: whatever it holds, damaged even, reset
    // deletes it (the new user could not: a damaged one was refused as no sandbox database,
    // with a hint to leave out the --db already left out).
    // Only a sandbox's database is deleted: a path given wrong (a file of notes, an export)
    // is refused (`DbArg::judged`), and one where nothing is said so (the new-user check: both
    // "deleted"), exit 0: a reset before a run leaves nothing whether or not there was one.
    let super::Db { path: db, own } = args.db.judged(super::Use::Reset)?;
    if !db.exists() {
        ctx.ui.note(format!(
            "no sandbox database at {}: nothing was deleted",
            db.display()
        ));
        return Ok(());
    }
    if !args.yes {
        return Err(CliError::usage(format!(
            "resetting deletes {} and everything in it",
            db.display()
        ))
        .hint("run again with --yes to delete it"));
    }
    // Deleting files a server has open would leave it writing to nothing. A damaged file of
    // the embedded sandbox's, which SQLite cannot open, is in use by nothing livectl runs.
    let in_use = match livectl_sandbox::store::files::in_use(&db) {
        Ok(in_use) => in_use,
        Err(_) if own && !livectl_sandbox::store::files::is_sandbox(&db).unwrap_or(false) => false,
        Err(e) => return Err(CliError::failure(e)),
    };
    // Exit 6, as a journal another livectl holds: nothing is wrong with the command.
    if in_use {
        return Err(CliError::new(
            ErrorKind::Conflict,
            format!(
                "the sandbox database {} is in use by another process, so it was not deleted",
                db.display()
            ),
        )
        .hint(
            "stop the `livectl sandbox serve` (Ctrl-C) or the livectl command that uses it, then \
             reset again",
        ));
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CliError::failure(format!(
                    "cannot delete {}: {e}",
                    PathBuf::from(path).display()
                )));
            }
        }
    }
    ctx.ui
        .note(format!("deleted the sandbox database {}", db.display()));
    Ok(())
}
