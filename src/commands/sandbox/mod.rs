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

impl Db {
    /// Whether it is the user's demo workspace: the embedded sandbox's file, by whatever path
    /// it is named.
    fn demo(&self) -> bool {
        let default = crate::config::default_sandbox_db();
        self.own
            || match (self.path.canonicalize(), default.canonicalize()) {
                (Ok(path), Ok(default)) => path == default,
                _ => self.path == default,
            }
    }
}

impl DbArg {
    /// The database named (or the embedded sandbox's), judged alike by every command before
    /// anything is opened, served or deleted: a directory, a path through a file, one the user
    /// may not reach or read, a link to nothing, or a file that is no sandbox's database
    /// (notes, an export, another program's database) is a path given wrong (exit 2), and so
    /// is one that is not there, or holds nothing yet, where it is read. `reset --db /tmp` said
    /// "disk I/O error" (exit 1), `serve` and `token` SQLite's words (new user).
    fn judged(self, to: Use) -> Result<Db, CliError> {
        use livectl_sandbox::store::files::{Holds, holds};
        let own = self.db.is_none();
        let path = self.db.unwrap_or_else(crate::config::default_sandbox_db);
        let named = if own {
            format!("the embedded sandbox's database {}", path.display())
        } else {
            format!("--db {}", path.display())
        };
        let wrong = |problem: String, hint: &str| {
            CliError::usage(format!("{named}: {problem}")).hint(hint.to_owned())
        };
        // A link to nothing: SQLite would make its target, readable by others (review).
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            && std::fs::metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
            let target = std::fs::read_link(&path).unwrap_or_default();
            return Err(wrong(
                format!("a link to {}, which is not there", target.display()),
                "give --db the file itself, or remove the link",
            ));
        }
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if to == Use::Read {
                    return Err(no_database(&path));
                }
                return Ok(Db { path, own });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                return Err(wrong(
                    "a part of it is a file, not a directory".to_owned(),
                    "choose a path in a directory",
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(wrong(
                    format!("you may not reach it ({e})"),
                    "choose a database in a directory you may reach",
                ));
            }
            Err(e) => {
                return Err(wrong(
                    format!("cannot look at it ({e})"),
                    "choose another path",
                ));
            }
        };
        // A device, a FIFO or a socket: SQLite reads /dev/null as an empty database, a FIFO
        // blocks the look (review).
        if !meta.is_dir() && !meta.is_file() {
            return Err(wrong(
                "not a regular file, so no database".to_owned(),
                "give --db a database file",
            ));
        }
        if meta.is_dir() {
            return Err(if own {
                wrong(
                    "that is a directory".to_owned(),
                    "remove it, or give --db the database to use",
                )
            } else {
                crate::files::is_a_directory(&named, &path, "sandbox.db")
            });
        }
        if let Err(e) = std::fs::File::open(&path) {
            return Err(if e.kind() == std::io::ErrorKind::PermissionDenied {
                wrong(
                    format!("you may not read it ({e})"),
                    "choose a database you may read and write",
                )
            } else {
                CliError::failure(format!("cannot open {}: {e}", path.display()))
            });
        }
        // The embedded sandbox's own file is livectl's, whatever it holds (damaged even).
        if own {
            return Ok(Db { path, own });
        }
        let not_served = "give --db the database a sandbox serves (`livectl sandbox serve --db PATH`), or leave it out for the embedded sandbox's";
        match holds(&path) {
            Ok(Holds::Sandbox) => Ok(Db { path, own }),
            // Nothing yet: served as a new one, deleted as one; not read before a sandbox made
            // it (one starting on it may be making it now).
            Ok(Holds::Nothing) if to != Use::Read => Ok(Db { path, own }),
            Ok(Holds::Nothing) => Err(wrong(
                "it holds no sandbox yet (empty, or a sandbox is still making it)".to_owned(),
                &format!(
                    "start one with `livectl sandbox serve --db {}`, or wait for one starting with `livectl sandbox wait`",
                    crate::ui::shell_word(&path.display().to_string())
                ),
            )),
            Ok(Holds::Other) => {
                let (then, hint) = match to {
                    Use::Serve => (
                        "; nothing was served",
                        "give --db a sandbox's database, or a new file's path for a new one",
                    ),
                    Use::Read => ("", not_served),
                    Use::Reset => ("; nothing was deleted", not_served),
                };
                Err(CliError::usage(format!(
                    "{} is not a livectl sandbox database{then}",
                    path.display()
                ))
                .hint(hint))
            }
            // Not a question of the path given: SQLite could not read it (its words name it).
            Err(e) => Err(CliError::failure(e)),
        }
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
