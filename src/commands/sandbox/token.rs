//! `livectl sandbox token [--agent A]`: a new bearer token for an agent of a sandbox database.

use std::path::PathBuf;

use clap::Args;
use livectl_sandbox::error::ApiError;

use super::Ctx;
use crate::error::{CliError, ErrorKind};

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// The agent (id, email or key); the built-in admin when left out
    #[arg(long)]
    pub agent: Option<String>,
}

pub fn exec(args: TokenArgs, ctx: &Ctx) -> Result<(), CliError> {
    let db = args.db.unwrap_or_else(crate::config::default_sandbox_db);
    if !db.exists() {
        return Err(
            CliError::usage(format!("no sandbox database at {}", db.display()))
                .hint("start one with `livectl sandbox serve --db PATH`, or name it with --db"),
        );
    }
    let token = livectl_sandbox::token(&db, args.agent.as_deref()).map_err(|e| {
        let kind = match e {
            ApiError::NotFound(_) => ErrorKind::NotFound,
            ApiError::Validation(_) => ErrorKind::Usage,
            _ => ErrorKind::Failure,
        };
        CliError::new(kind, e.to_string())
    })?;
    // The token is the data asked for: it goes to stdout, and nowhere else.
    ctx.ui.line(&token)
}
