//! `livectl sandbox token [--agent A]`: a new bearer token for an agent of a sandbox database.

use clap::Args;
use livectl_sandbox::error::ApiError;
use livectl_sandbox::store::Store;

use super::Ctx;
use crate::error::{CliError, ErrorKind};
use crate::usecases::lookup;

#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(flatten)]
    pub db: super::DbArg,
    /// The agent (id, key, email or unique name); the built-in admin when left out
    #[arg(long)]
    pub agent: Option<String>,
}

pub fn exec(args: TokenArgs, ctx: &Ctx) -> Result<(), CliError> {
    let db = args.db.judged(super::Use::Read)?.path;
    let store = Store::open(&db).map_err(CliError::failure)?;
    // Named as every AGENT is, among the agents of this database.
    let agent = match &args.agent {
        None => None,
        Some(text) => {
            let agents = store.agents().map_err(refused)?;
            let listing = listing(&agents);
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

/// The agents of the database, as `--agent` takes them (a key, else an id): said here, from the
/// file itself. It told how to list them through a server, "served at" the default address
/// where another port served it (new user).
fn listing(agents: &[livectl_contract::Agent]) -> String {
    // Enough for a team; a hint of hundreds helps nobody.
    const SHOWN: usize = 20;
    // A deactivated agent gets no token: not offered.
    let active: Vec<&livectl_contract::Agent> = agents.iter().filter(|a| a.active).collect();
    let named: Vec<String> = active
        .iter()
        .take(SHOWN)
        .map(|a| livectl_contract::ids::shown_key(a.key.as_deref().unwrap_or(&a.id)).into_owned())
        .collect();
    let more = match active.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("this database's agents are: {}{more}", named.join(", "))
}
