//! `livectl assign TARGETS [--to AGENT|POOL]`: take queued interventions, or give them to an
//! agent, or spread them over a pool.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_contract::{Action, ActionKind, AssignRequest};

use super::Ctx;
use super::act::{AwayArgs, ReasonArg, Targets, plan, spread_plan};
use crate::error::CliError;
use crate::usecases::bulk;
use crate::usecases::pool::Pool;
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
    #[command(flatten)]
    pub reason: ReasonArg,
}

pub async fn exec(args: AssignArgs, ctx: &Ctx) -> Result<(), CliError> {
    let reason = args.reason.checked()?;
    let command = bulk::Command::of(ActionKind::Assign);
    args.away.not_on_resume(&args.targets.bulk)?;
    if args.targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let client = ctx.client().await?;
    let names = args.to.as_slice();
    // Several agents or a pool: spread as the items pass, least loaded first, within each
    // max_load. One agent is taken at their word: every item is sent, and the platform refuses
    // what does not fit (409 `at_capacity`, skipped). Its dry run counts the agent's room as a
    // spread does, to say before which items would find none (it said all would be changed).
    let judged = args.targets.judged(&ctx.global);
    if names.len() > 1 || names.iter().any(|n| Pool::is_pool(n)) || judged {
        let to = spread::to(client, &ctx.ui, names, args.away.include_away, "--to").await?;
        let spreader = Spreader::new(client, &to, judged).await?;
        let selection = args.targets.select(ctx, ActionKind::Assign).await?;
        let plan = spread_plan(client, command, &to, selection, spreader, move |agent| {
            Action::Assign(AssignRequest {
                agent,
                reason: reason.clone(),
            })
        });
        return args.targets.perform(ctx, plan).await;
    }
    let agent = spread::agents(client, &ctx.ui, names, true, "--to")
        .await?
        .remove(0);
    let selection = args.targets.select(ctx, ActionKind::Assign).await?;
    let describe = format!("assign to {}", agent.name);
    let action = Action::Assign(AssignRequest {
        agent: agent.id,
        reason,
    });
    args.targets
        .perform(ctx, plan(command, describe, selection, action))
        .await
}
