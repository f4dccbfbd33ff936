//! `livectl reassign TARGETS --to AGENT...`: move assigned interventions to other agents' My
//! Queues; several `--to` spread them evenly, least-loaded first.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, AssignRequest};

use super::Ctx;
use super::act::Targets;
use crate::error::CliError;
use crate::usecases::spread;

#[derive(Debug, Args)]
pub struct ReassignArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The new owner: an id, an email, a unique name or `me`; several spread the items evenly,
    /// least-loaded first
    #[arg(long, value_name = "AGENT", required_unless_present = "resume", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: Vec<String>,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

pub async fn exec(args: ReassignArgs, ctx: &Ctx) -> Result<(), CliError> {
    if args.targets.resumed(ctx, "reassign").await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    let agents = spread::agents(client, &ctx.ui, &args.to).await?;
    let (mut list, source) = args.targets.resolve(ctx).await?;
    let to = spread::assignees(client, &mut list, source, &agents).await?;
    let names: Vec<&str> = agents.iter().map(|a| a.name.as_str()).collect();
    let describe = format!("reassign to {}", names.join(" and "));
    args.targets
        .perform(ctx, "reassign", describe, (list, source), |n| {
            Action::Reassign(AssignRequest {
                agent: to[n].clone(),
                reason: args.reason.clone(),
            })
        })
        .await
}
