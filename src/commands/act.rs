//! The five actions: `assign`, `reassign`, `return`, `cancel`, `complete`. One id acts at once
//! and prints the intervention; more targets (ids, `-` for stdin, or filters) make a bulk run.

use std::collections::HashMap;

use clap::Args;
use clap_complete::engine::ArgValueCandidates;

use super::list::Filters;
use super::{Ctx, lookup, print_list};
use crate::api::models::{Agent, AgentStatus, AssignRequest, CompleteRequest, ReasonRequest};
use crate::api::{ActionBody, Post};
use crate::bulk::targets::{Source, Target, resolve};
use crate::bulk::{BulkArgs, Item, spread::spread};
use crate::error::CliError;

/// TARGETS: what an action acts on.
#[derive(Debug, Args)]
pub struct Targets {
    /// Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id")
    #[arg(value_name = "ID", add = ArgValueCandidates::new(crate::completion::interventions))]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The agent who will own it: an id, an email, a unique name or `me`
    #[arg(long, value_name = "AGENT", default_value = "me", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: String,
}

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

#[derive(Debug, Args)]
pub struct ReasonArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompleteArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// The topic: id, key or name (see `livectl topics`)
    #[arg(long)]
    pub topic: Option<String>,
    /// The outcome: id, key or name (see `livectl outcomes`)
    #[arg(long)]
    pub outcome: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// The block the bot sends to close: id, key or name (see `livectl blocks`)
    #[arg(long)]
    pub block: Option<String>,
}

/// Runs `action` on the targets: the body of each item comes from `body`.
async fn perform(
    ctx: &Ctx,
    targets: &Targets,
    action: &str,
    describe: &str,
    body: impl Fn(usize, &Target) -> ActionBody,
    selected: Option<(Vec<Target>, Source)>,
) -> Result<(), CliError> {
    if targets.bulk.resume.is_some() {
        if !targets.ids.is_empty() || targets.filters.is_set() {
            return Err(CliError::usage(
                "--resume takes the interventions from the journal; give no ids or filters",
            ));
        }
        return crate::bulk::run(ctx, action, Vec::new(), &targets.bulk, describe, false).await;
    }
    let (list, source) = match selected {
        Some(s) => s,
        None => resolve(ctx, &targets.ids, &targets.filters).await?,
    };
    let bulk = &targets.bulk;
    if list.len() == 1 && source == Source::Arguments && !bulk.dry_run && bulk.journal.is_none() {
        let intervention = ctx
            .client
            .act(&list[0].id, &body(0, &list[0]), Post::default())
            .await?;
        if ctx.out.format == Some(crate::output::Format::Json) {
            return ctx.out.json(&intervention).map_err(super::io);
        }
        return print_list(&ctx.out, &[intervention]);
    }
    let items = list
        .iter()
        .enumerate()
        .map(|(n, t)| Item::new(t.id.clone(), t.version, &body(n, t)))
        .collect();
    crate::bulk::run(
        ctx,
        action,
        items,
        bulk,
        describe,
        source == Source::Filters,
    )
    .await
}

pub async fn assign(args: AssignArgs, ctx: Ctx) -> Result<(), CliError> {
    let agent = if args.targets.bulk.resume.is_some() {
        None
    } else {
        Some(
            target_agents(&ctx, std::slice::from_ref(&args.to))
                .await?
                .remove(0),
        )
    };
    let describe = agent
        .as_ref()
        .map(|a| format!("assign to {}", a.name))
        .unwrap_or_default();
    let id = agent.map(|a| a.id).unwrap_or_default();
    perform(
        &ctx,
        &args.targets,
        "assign",
        &describe,
        |_, _| {
            ActionBody::Assign(AssignRequest {
                agent: id.clone(),
                reason: None,
            })
        },
        None,
    )
    .await
}

pub async fn reassign(args: ReassignArgs, ctx: Ctx) -> Result<(), CliError> {
    if args.targets.bulk.resume.is_some() {
        return perform(
            &ctx,
            &args.targets,
            "reassign",
            "reassign",
            |_, _| unreachable_body(),
            None,
        )
        .await;
    }
    let agents = target_agents(&ctx, &args.to).await?;
    let (mut list, source) = resolve(&ctx, &args.targets.ids, &args.targets.filters).await?;
    let ids: Vec<String> = agents.iter().map(|a| a.id.clone()).collect();
    let load: HashMap<String, i64> = if ids.len() > 1 {
        ctx.client
            .queues()
            .await?
            .agents
            .into_iter()
            .map(|q| (q.agent, q.count))
            .collect()
    } else {
        HashMap::new()
    };
    if ids.len() > 1 && source != Source::Filters {
        // Spreading never hands an item to its own owner: learn the owners first.
        use futures_util::StreamExt;
        let owners: Vec<Option<String>> =
            futures_util::stream::iter(list.iter().map(|t| t.id.clone()))
                .map(|id| {
                    let ctx = &ctx;
                    async move {
                        ctx.client
                            .intervention(&id)
                            .await
                            .ok()
                            .and_then(|i| i.owner)
                    }
                })
                .buffered(16)
                .collect()
                .await;
        for (target, owner) in list.iter_mut().zip(owners) {
            target.owner = owner;
        }
    }
    let owners: Vec<Option<String>> = list.iter().map(|t| t.owner.clone()).collect();
    let picks = spread(&owners, &ids, &load);
    let names: Vec<&str> = agents.iter().map(|a| a.name.as_str()).collect();
    let describe = format!("reassign to {}", names.join(" and "));
    perform(
        &ctx,
        &args.targets,
        "reassign",
        &describe,
        |n, _| {
            ActionBody::Reassign(AssignRequest {
                agent: ids[picks[n]].clone(),
                reason: args.reason.clone(),
            })
        },
        Some((list, source)),
    )
    .await
}

pub async fn return_to_queue(args: ReasonArgs, ctx: Ctx) -> Result<(), CliError> {
    let reason = args.reason.clone();
    perform(
        &ctx,
        &args.targets,
        "return",
        "return to the queue",
        |_, _| {
            ActionBody::Return(ReasonRequest {
                reason: reason.clone(),
            })
        },
        None,
    )
    .await
}

pub async fn cancel(args: ReasonArgs, ctx: Ctx) -> Result<(), CliError> {
    let reason = args.reason.clone();
    perform(
        &ctx,
        &args.targets,
        "cancel",
        "cancel",
        |_, _| {
            ActionBody::Cancel(ReasonRequest {
                reason: reason.clone(),
            })
        },
        None,
    )
    .await
}

pub async fn complete(args: CompleteArgs, ctx: Ctx) -> Result<(), CliError> {
    if args.targets.bulk.resume.is_some() {
        return perform(
            &ctx,
            &args.targets,
            "complete",
            "complete",
            |_, _| unreachable_body(),
            None,
        )
        .await;
    }
    let (topics, outcomes, blocks) = (
        ctx.client.topics().await?,
        ctx.client.outcomes().await?,
        ctx.client.blocks().await?,
    );
    let interactive = ctx.out.interactive()
        && (args.topic.is_none() || args.outcome.is_none() || args.block.is_none());
    let body = if interactive {
        super::complete_prompt::ask(&ctx, &args, &topics, &outcomes, &blocks)?
    } else {
        let missing = |flag: &str, valid: String| {
            CliError::usage(format!("{flag} is required when not running interactively"))
                .hint(format!("valid values: {valid}"))
        };
        let topic = args
            .topic
            .as_deref()
            .ok_or_else(|| missing("--topic", lookup::valid(&topics)))?;
        let outcome = args
            .outcome
            .as_deref()
            .ok_or_else(|| missing("--outcome", lookup::valid(&outcomes)))?;
        Some(CompleteRequest {
            topic: lookup::pick(&topics, topic, "--topic")?.id.clone(),
            outcome: lookup::pick(&outcomes, outcome, "--outcome")?.id.clone(),
            tags: args.tags.clone(),
            block: args
                .block
                .as_deref()
                .map(|b| lookup::pick(&blocks, b, "--block").map(|b| b.id.clone()))
                .transpose()?,
        })
    };
    let Some(body) = body else {
        return Err(CliError::new(
            crate::error::ExitKind::Interrupted,
            "nothing was completed",
        ));
    };
    perform(
        &ctx,
        &args.targets,
        "complete",
        "complete",
        |_, _| ActionBody::Complete(body.clone()),
        None,
    )
    .await
}

/// With --resume the bodies come from the journal; this is never called.
fn unreachable_body() -> ActionBody {
    ActionBody::Return(ReasonRequest { reason: None })
}

/// The agents named by --to: each must exist and be active; an offline one is a warning.
pub async fn target_agents(ctx: &Ctx, names: &[String]) -> Result<Vec<Agent>, CliError> {
    let mut agents = Vec::new();
    for name in names {
        let agent = lookup::agent(ctx, name, "--to").await?;
        if !agent.active {
            return Err(CliError::usage(format!(
                "--to: {} ({}) is inactive and receives no work",
                agent.name, agent.id
            ))
            .hint("choose an active agent; see `livectl agents`"));
        }
        if agent.status != AgentStatus::Online {
            ctx.out.note(format!(
                "warning: {} ({}) is {}",
                agent.name, agent.id, agent.status
            ));
        }
        if !agents.iter().any(|a: &Agent| a.id == agent.id) {
            agents.push(agent);
        }
    }
    Ok(agents)
}
