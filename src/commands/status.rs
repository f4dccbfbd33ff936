//! `livectl status [online|away|offline] [--agent AGENT]`: an agent's status, shown or set. A
//! change is a `status` event on the stream, with who made it.

use clap::Args;
use livectl_contract::{Agent, AgentStatus, StatusRequest};

use super::Ctx;
use crate::error::CliError;
use crate::ui::{Format, Row, age};
use crate::usecases::lookup;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The status to set; without it, the status is shown
    #[arg(value_name = "STATUS", value_parser = ["online", "away", "offline"])]
    pub status: Option<String>,
    /// Whose status: an id, a key, an email, a unique name or `me` (another's needs an admin's token)
    #[arg(long, value_name = "AGENT", default_value = "me")]
    pub agent: String,
    /// Why, recorded on the status event
    #[arg(long, value_name = "TEXT", requires = "status")]
    pub reason: Option<String>,
}

pub async fn exec(args: StatusArgs, ctx: &Ctx) -> Result<(), CliError> {
    // Before a change is sent, not after.
    if ctx.ui.shape.is_json() {
        ctx.ui.shape.check(<Agent as Row>::FIELDS)?;
    }
    super::filters::check_reason(args.reason.as_deref())?;
    let client = ctx.client().await?;
    let agent = lookup::agent(client, &args.agent, "--agent").await?;
    let (agent, from) = match &args.status {
        None => (agent, None),
        Some(word) => {
            let status: AgentStatus = word.parse().map_err(CliError::usage)?;
            let request = StatusRequest {
                status,
                reason: args.reason.clone(),
            };
            let from = agent.status;
            (client.set_status(&agent.id, &request).await?, Some(from))
        }
    };
    let ui = &ctx.ui;
    if matches!(ui.format, Some(Format::Json | Format::Ndjson)) || ui.shape.is_json() {
        return ui.json(&agent);
    }
    let since = age(agent.status_since, ui.now);
    let line = match from {
        Some(from) if from != agent.status => {
            format!("{} ({}): {from} -> {}", agent.name, agent.id, agent.status)
        }
        Some(_) => format!(
            "{} ({}) is already {}, for {since}",
            agent.name, agent.id, agent.status
        ),
        None => format!(
            "{} ({}) is {}, for {since}",
            agent.name, agent.id, agent.status
        ),
    };
    ui.line(&line)
}
