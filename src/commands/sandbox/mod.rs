//! `livectl sandbox`: serve the API locally, mint tokens, back up, reset, print the generated
//! documents.

mod backup;
mod documents;
mod reset;
mod serve;
mod token;
mod wait;

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub command: SandboxCommand,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the Live Conversations API from a local database
    Serve(serve::ServeArgs),
    /// Print a new bearer token for an agent of a sandbox database
    Token(token::TokenArgs),
    /// Wait until a sandbox answers at an address (after `sandbox serve ... &` in a script)
    Wait(wait::WaitArgs),
    /// Copy a sandbox database whole, also while it is served
    Backup(backup::BackupArgs),
    /// Delete a sandbox database and start again
    Reset(reset::ResetArgs),
    /// Print the OpenAPI document of the API
    #[command(hide = true)]
    Openapi,
    /// Print the JSON Schema of seed files
    #[command(hide = true)]
    SeedSchema,
}

impl SandboxArgs {
    /// Whether this serves the API to other processes, on every core.
    pub fn serves(&self) -> bool {
        matches!(self.command, SandboxCommand::Serve(_))
    }

    /// Whether it prints a JSON document (`openapi`, `seed-schema`); the others print no
    /// data in a format.
    pub fn documents(&self) -> bool {
        matches!(
            self.command,
            SandboxCommand::Openapi | SandboxCommand::SeedSchema
        )
    }
}

/// `--db`: one definition for every command that takes a sandbox's database.
#[derive(Debug, Args)]
pub struct DbArg {
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
}

/// What a command does with the database it is given, which decides what it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Served: made when it is not there, or a file left empty for it (`: > x.db`).
    Serve,
    /// Read (`token`, `backup`): it must be there.
    Read,
    /// Deleted: one not there has nothing to delete, which is said, not refused.
    Reset,
}

/// The database a command was given, judged.
struct Db {
    path: PathBuf,
    /// The embedded sandbox's own (no `--db`): livectl's file, whatever it holds.
    own: bool,
}

impl DbArg {
    /// The database named (or the embedded sandbox's), judged alike by every command before
    /// anything is opened, served or deleted: a directory, or a file that is no sandbox's
    /// database (notes, an export, another program's database), is a path given wrong (exit
    /// 2), and so is one that is not there where it is read. `reset --db /tmp` said "disk I/O
    /// error" (exit 1), `serve` and `token` SQLite's words (new user).
    fn judged(self, to: Use) -> Result<Db, CliError> {
        let own = self.db.is_none();
        let path = self.db.unwrap_or_else(crate::config::default_sandbox_db);
        let meta = std::fs::metadata(&path);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            let named = format!("--db {}", path.display());
            return Err(crate::files::is_a_directory(&named, &path, "sandbox.db"));
        }
        let Ok(meta) = meta else {
            if to == Use::Read {
                return Err(no_database(&path));
            }
            return Ok(Db { path, own });
        };
        let empty = to == Use::Serve && meta.len() == 0;
        if !own
            && !empty
            && !livectl_sandbox::store::files::is_sandbox(&path).map_err(CliError::failure)?
        {
            let (then, hint) = match to {
                Use::Serve => (
                    "; nothing was served",
                    "give --db a sandbox's database, or a new file's path for a new one",
                ),
                Use::Read => (
                    "",
                    "give --db the database a sandbox serves (`livectl sandbox serve --db PATH`), or leave it out for the embedded sandbox's",
                ),
                Use::Reset => (
                    "; nothing was deleted",
                    "give --db the database a sandbox serves (`livectl sandbox serve --db PATH`), or leave it out for the embedded sandbox's",
                ),
            };
            return Err(CliError::usage(format!(
                "{} is not a livectl sandbox database{then}",
                path.display()
            ))
            .hint(hint));
        }
        Ok(Db { path, own })
    }
}

/// A database that is not there, where one is read.
fn no_database(path: &Path) -> CliError {
    CliError::usage(format!("no sandbox database at {}", path.display()))
        .hint("name it with --db, or start one with `livectl sandbox serve --db PATH`")
}

pub async fn exec(args: SandboxArgs, ctx: &Ctx) -> Result<(), CliError> {
    match args.command {
        SandboxCommand::Serve(a) => serve::exec(a, ctx).await,
        SandboxCommand::Token(a) => token::exec(a, ctx),
        SandboxCommand::Wait(a) => wait::exec(a, ctx).await,
        SandboxCommand::Backup(a) => backup::exec(a, ctx).await,
        SandboxCommand::Reset(a) => reset::exec(a, ctx),
        SandboxCommand::Openapi => documents::openapi(ctx),
        SandboxCommand::SeedSchema => documents::seed_schema(ctx),
    }
}
