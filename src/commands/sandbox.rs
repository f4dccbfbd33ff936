//! `livectl sandbox`: serve the API locally, mint tokens, reset, print the OpenAPI document.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::error::CliError;
use crate::sandbox::faults::FaultSpec;
use crate::sandbox::store::Store;
use crate::sandbox::{Knobs, Seed, ServeOptions};

#[derive(Debug, Args)]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub command: SandboxCommand,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the Live Conversations API from a local database
    Serve(ServeArgs),
    /// Print a new bearer token for an agent of a sandbox database
    Token(TokenArgs),
    /// Delete a sandbox database and start again
    Reset(ResetArgs),
    /// Print the OpenAPI document of the API
    #[command(hide = true)]
    Openapi,
    /// Print the JSON Schema of seed files
    #[command(hide = true)]
    SeedSchema,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the address is printed on stderr)
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Load data at start: `demo` for the demo workspace, or a seed FILE (YAML or JSON);
    /// without it the sandbox starts empty but for the built-in admin
    #[arg(long, value_parser = parse_seed)]
    pub seed: Option<Seed>,
    /// Allow at most N requests per second per token (429 beyond)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: Option<u32>,
    /// Inject faults, e.g. error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7
    #[arg(long, value_name = "SPEC", value_parser = parse_faults)]
    pub faults: Option<FaultSpec>,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// The agent (id, email or key); the built-in admin when left out
    #[arg(long)]
    pub agent: Option<String>,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,
}

fn parse_seed(s: &str) -> Result<Seed, String> {
    match s {
        "demo" => Ok(Seed::Demo),
        path if std::path::Path::new(path).is_file() => Ok(Seed::File(path.into())),
        _ => Err(format!(
            "`{s}` is neither `demo` nor a seed file (YAML or JSON)"
        )),
    }
}

fn parse_faults(s: &str) -> Result<FaultSpec, String> {
    s.parse()
}

pub fn run(args: SandboxArgs) -> Result<(), CliError> {
    match args.command {
        SandboxCommand::Serve(a) => {
            let options = ServeOptions {
                addr: a.addr,
                db: a.db.unwrap_or_else(crate::config::default_sandbox_db),
                seed: a.seed,
                knobs: Knobs {
                    rate_limit: a.rate_limit,
                    faults: a.faults,
                },
            };
            runtime()?.block_on(crate::sandbox::serve(options))
        }
        SandboxCommand::Token(a) => {
            let db = a.db.unwrap_or_else(crate::config::default_sandbox_db);
            if !db.exists() {
                return Err(
                    CliError::usage(format!("no sandbox database at {}", db.display())).hint(
                        "start one with `livectl sandbox serve --db PATH`, or name it with --db",
                    ),
                );
            }
            let store = Store::open(&db).map_err(CliError::failure)?;
            let token = store.create_token(a.agent.as_deref()).map_err(|e| {
                let kind = match e {
                    crate::sandbox::error::ApiError::NotFound(_) => {
                        crate::error::ExitKind::NotFound
                    }
                    _ => crate::error::ExitKind::Failure,
                };
                CliError::new(kind, e.to_string())
            })?;
            println!("{token}");
            Ok(())
        }
        SandboxCommand::Reset(a) => {
            let db = a.db.unwrap_or_else(crate::config::default_sandbox_db);
            if !a.yes {
                return Err(CliError::usage(format!(
                    "resetting deletes {} and everything in it",
                    db.display()
                ))
                .hint("run again with --yes to delete it"));
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
            eprintln!("deleted the sandbox database {}", db.display());
            Ok(())
        }
        SandboxCommand::SeedSchema => {
            print!("{}", crate::seed::format::schema());
            Ok(())
        }
        SandboxCommand::Openapi => {
            print!("{}", crate::sandbox::http::openapi::document());
            Ok(())
        }
    }
}

pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::failure(format!("cannot start the async runtime: {e}")))
}
