//! `livectl whoami`: who the token belongs to, in which workspace, and where.

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::ui::Format;

#[derive(Debug, Args)]
pub struct WhoamiArgs {}

pub async fn exec(_: WhoamiArgs, ctx: &Ctx) -> Result<(), CliError> {
    let connection = ctx.connection().await?;
    let me = connection.client.me().await?;
    if matches!(ctx.ui.format, Some(Format::Json | Format::Ndjson)) {
        return ctx.ui.json(&me);
    }
    let place = match (&connection.embedded, &connection.profile) {
        (Some(db), _) => format!("the embedded sandbox {}", db.display()),
        (None, Some(p)) => format!("{} (profile `{p}`)", connection.client.base()),
        (None, None) => connection.client.base().to_owned(),
    };
    // Where the token came from, as `gh auth status` says it: with LIVECTL_TOKEN set, the
    // profile named is the address's, not the token's.
    let token = if connection.token_from_env {
        ", token from LIVECTL_TOKEN"
    } else {
        ""
    };
    let (agent, workspace) = (&me.agent, &me.workspace);
    ctx.ui.line(&format!(
        "{} <{}> {} {} in workspace {} ({}) on {place}{token}",
        agent.name, agent.email, agent.role, agent.id, workspace.name, workspace.id
    ))
}
