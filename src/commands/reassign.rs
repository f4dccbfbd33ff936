//! `livectl reassign TARGETS --to AGENT...`: move assigned interventions to other agents' My
//! Queues; several `--to` spread them evenly, least-loaded first.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, ActionKind, AssignRequest, Owner};

use super::Ctx;
use super::act::{AwayArgs, ReasonArg, Targets, spread_plan};
use crate::error::CliError;
use crate::usecases::bulk;
use crate::usecases::spread::{self, Spreader};

#[derive(Debug, Args)]
pub struct ReassignArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The new owner: an id, a key, an email, a unique name or `me`; several (repeated, or
    /// separated by commas) spread the items evenly, least-loaded first. Or a pool: @online,
    /// @department (each item's own) or @department:NAME, never above an agent's max_load (items
    /// that fit nowhere stay and are reported)
    #[arg(long, value_name = "AGENT", value_delimiter = ',', required_unless_present = "resume", conflicts_with = "resume", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: Vec<String>,
    #[command(flatten)]
    pub away: AwayArgs,
    #[command(flatten)]
    pub reason: ReasonArg,
}

pub async fn exec(args: ReassignArgs, ctx: &Ctx) -> Result<(), CliError> {
    let reason = args.reason.checked()?;
    let command = bulk::Command::of(ActionKind::Reassign);
    args.away.not_on_resume(&args.targets.bulk)?;
    if args.targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    let to = spread::to(client, &ctx.ui, &args.to, args.away.include_away, "--to").await?;
    let spreader = Spreader::new(client, &to, args.targets.judged(&ctx.global)).await?;
    let selection = args.targets.select(ctx, ActionKind::Reassign).await?;
    // Each would fail as the owner already: said once, before anything is sent.
    if let (Some(Owner::Agent(from)), spread::To::Agents(agents)) = (&selection.owner, &to)
        && let [only] = agents.as_slice()
        && only.id == *from
    {
        return Err(CliError::usage(format!(
            "--to {}: the interventions selected are {}'s already; nothing was sent",
            only.name, only.name
        ))
        .hint("name another agent with --to, or several to spread them"));
    }
    let plan = spread_plan(client, command, &to, selection, spreader, move |agent| {
        Action::Reassign(AssignRequest {
            agent,
            reason: reason.clone(),
        })
    });
    args.targets.perform(ctx, plan).await
}
