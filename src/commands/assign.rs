//! `livectl assign TARGETS [--to AGENT|POOL]`: take queued interventions, or give them to an
//! agent, or spread them over a pool.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, ActionKind, AssignRequest};

use super::Ctx;
use super::act::{AwayArgs, Targets, spread_plan};
use crate::error::CliError;
use crate::usecases::bulk;
use crate::usecases::spread::{self, Spreader};

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The agent who will own it: an id, a key, an email, a unique name or `me`; several (repeated,
    /// or separated by commas) spread the items evenly, least-loaded first; or a pool (@online,
    /// @department, @department:NAME), least loaded first, never above an agent's max_load
    #[arg(long, value_name = "AGENT", value_delimiter = ',', default_value = "me", conflicts_with = "resume", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: Vec<String>,
    #[command(flatten)]
    pub away: AwayArgs,
}

pub async fn exec(args: AssignArgs, ctx: &Ctx) -> Result<(), CliError> {
    let command = bulk::Command::of(ActionKind::Assign);
    args.away.not_on_resume(&args.targets.bulk)?;
    if args.targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    // Spread as the items pass, one agent too: within its max_load as it stands, so a dry run
    // says which items would find no room, as a real run would leave them (a pool, or several
    // agents, least loaded first). One agent is taken at their word otherwise (`spread::to`).
    let to = spread::to(client, &ctx.ui, &args.to, args.away.include_away, "--to").await?;
    let spreader = Spreader::new(client, &to).await?;
    let selection = args.targets.select(ctx, ActionKind::Assign).await?;
    let plan = spread_plan(client, command, &to, selection, spreader, |agent| {
        Action::Assign(AssignRequest {
            agent,
            reason: None,
        })
    });
    args.targets.perform(ctx, plan).await
}
