//! `livectl assign TARGETS [--to AGENT]`: take queued interventions, or give them to an agent.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, ActionKind, AssignRequest};

use super::Ctx;
use super::act::{Targets, plan};
use crate::error::CliError;
use crate::usecases::{bulk, spread};

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The agent who will own it: an id, an email, a unique name or `me`
    #[arg(long, value_name = "AGENT", default_value = "me", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: String,
}

pub async fn exec(args: AssignArgs, ctx: &Ctx) -> Result<(), CliError> {
    let command = bulk::Command::of(ActionKind::Assign);
    if args.targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    let agent = spread::agents(client, &ctx.ui, std::slice::from_ref(&args.to), true)
        .await?
        .remove(0);
    let selection = args.targets.select(ctx).await?;
    let describe = format!("assign to {}", agent.name);
    let action = Action::Assign(AssignRequest {
        agent: agent.id,
        reason: None,
    });
    args.targets
        .perform(ctx, plan(command, describe, selection, action))
        .await
}
