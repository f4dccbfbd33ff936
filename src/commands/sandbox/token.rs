//! `livectl sandbox token [--agent A]`: a new bearer token for an agent of a sandbox database.

use std::path::{Path, PathBuf};

use clap::Args;
use livectl_sandbox::error::ApiError;
use livectl_sandbox::store::Store;

use super::Ctx;
use crate::error::{CliError, ErrorKind};
use crate::ui::shell_word;
use crate::usecases::lookup;

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The database file [default: $XDG_DATA_HOME/livectl/sandbox.db]
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// The agent (id, key, email or unique name); the built-in admin when left out
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
    let store = Store::open(&db).map_err(CliError::failure)?;
    // Named as every AGENT is, among the agents of this database.
    let agent = match &args.agent {
        None => None,
        Some(text) => {
            let agents = store.agents().map_err(refused)?;
            let listing = listing(&db);
            let agent = lookup::agent_in_database(&agents, text, "--agent", &listing)?;
            Some(agent.id.clone())
        }
    };
    let token = store.create_token(agent.as_deref()).map_err(refused)?;
    // The token is the data asked for: it goes to stdout, and nowhere else.
    ctx.ui.line(&token)
}

/// The store's refusal: a deactivated agent is usage (exit 2), as an inactive `--to` is.
fn refused(e: ApiError) -> CliError {
    let kind = match e {
        ApiError::NotFound(_) => ErrorKind::NotFound,
        ApiError::Validation(_) => ErrorKind::Usage,
        _ => ErrorKind::Failure,
    };
    CliError::new(kind, e.to_string())
}

/// How to list the agents of the database at `db`: the embedded sandbox's, through it
/// (`--sandbox`, which a profile or LIVECTL_* would otherwise send elsewhere); another served,
/// through its address, with a token made here.
fn listing(db: &Path) -> String {
    let default = crate::config::default_sandbox_db();
    let embedded = matches!(
        (std::fs::canonicalize(db), std::fs::canonicalize(&default)),
        (Ok(db), Ok(default)) if db == default
    );
    if embedded {
        return "`livectl --sandbox agents` lists this database's agents".to_owned();
    }
    let db = shell_word(&db.display().to_string());
    format!(
        "`LIVECTL_TOKEN=$(livectl sandbox token --db {db}) livectl --api-url URL agents` lists \
         its agents where it is served (`livectl sandbox serve --db {db}` serves it at http://{})",
        super::serve::DEFAULT_ADDR
    )
}
