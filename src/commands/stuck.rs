//! `livectl stuck`: open interventions that need help, each with its reasons, and `--fix` to act
//! on them through the bulk engine.

use std::collections::HashMap;

use clap::{Args, ValueEnum};
use futures_util::TryStreamExt;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::{Ctx, print_list};
use crate::api::ActionBody;
use crate::api::models::{
    Agent, AgentStatus, AssignRequest, Intervention, InterventionState, ReasonRequest,
};
use crate::bulk::spread::spread;
use crate::bulk::{BulkArgs, Item};
use crate::error::CliError;
use crate::output::{Output, Row, age, parse_age};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Fix {
    /// Back to the general queue (assigned ones)
    Return,
    /// Cancel the takeovers
    Cancel,
    /// To the agents named by --to, spread evenly (queued ones are assigned)
    Reassign,
}

#[derive(Debug, Args)]
pub struct StuckArgs {
    /// A user waiting longer than this for an agent's reply is stuck
    #[arg(long, value_name = "DURATION", default_value = "15m", value_parser = parse_age)]
    pub no_reply: SignedDuration,
    /// An intervention waiting in the general queue longer than this is stuck
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = parse_age)]
    pub queued: SignedDuration,
    /// Act on what is stuck
    #[arg(long, value_enum)]
    pub fix: Option<Fix>,
    /// With --fix reassign: the agents to move them to
    #[arg(long, value_name = "AGENT", requires = "fix")]
    pub to: Vec<String>,
    /// With --fix: why, recorded in the events
    #[arg(long, requires = "fix")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// A stuck intervention and why.
#[derive(Debug, Clone, Serialize)]
pub struct Stuck {
    #[serde(flatten)]
    pub intervention: Intervention,
    pub reasons: Vec<String>,
}

impl Row for Stuck {
    const COLUMNS: &'static [&'static str] = &["id", "state", "owner", "user", "why"];
    const CSV: &'static [&'static str] = &[
        "id",
        "state",
        "owner",
        "user_id",
        "queued_at",
        "last_user_message_at",
        "reasons",
    ];
    fn id(&self) -> &str {
        &self.intervention.id
    }
    fn cells(&self, out: &Output) -> Vec<String> {
        let i = &self.intervention;
        vec![
            i.id.clone(),
            out.state(i.state),
            out.agent_name(&i.owner),
            i.user.name.clone(),
            self.reasons.join("; "),
        ]
    }
    fn record(&self) -> Vec<String> {
        let i = &self.intervention;
        vec![
            i.id.clone(),
            i.state.to_string(),
            i.owner.clone().unwrap_or_default(),
            i.user.id.clone(),
            i.queued_at.to_string(),
            i.last_user_message_at
                .map(|t| t.to_string())
                .unwrap_or_default(),
            self.reasons.join("; "),
        ]
    }
}

/// Why `i` needs help, if it does.
pub fn reasons(
    i: &Intervention,
    agents: &HashMap<String, Agent>,
    now: Timestamp,
    no_reply: SignedDuration,
    queued: SignedDuration,
) -> Vec<String> {
    let mut why = Vec::new();
    match i.state {
        InterventionState::Queued if now.duration_since(i.queued_at) > queued => {
            why.push(format!("queued for {}", age(i.queued_at, now)));
        }
        InterventionState::Assigned => {
            if let Some(owner) = i.owner.as_ref().and_then(|o| agents.get(o)) {
                if !owner.active {
                    why.push(format!("owner {} is inactive", owner.name));
                } else if owner.status != AgentStatus::Online {
                    why.push(format!("owner {} is {}", owner.name, owner.status));
                }
            }
            if let Some(user) = i.last_user_message_at {
                let answered = i.last_agent_message_at.is_some_and(|a| a >= user);
                if !answered && now.duration_since(user) > no_reply {
                    why.push(format!("user waiting {} for a reply", age(user, now)));
                }
            }
        }
        _ => {}
    }
    why
}

pub async fn run(args: StuckArgs, mut ctx: Ctx) -> Result<(), CliError> {
    if args.fix.is_none()
        && (args.bulk.dry_run || args.bulk.resume.is_some() || args.bulk.journal.is_some())
    {
        return Err(CliError::usage(
            "--dry-run, --journal and --resume go with --fix",
        ));
    }
    if args.fix == Some(Fix::Reassign) && args.to.is_empty() && args.bulk.resume.is_none() {
        return Err(CliError::usage(
            "--fix reassign needs --to AGENT (one or more)",
        ));
    }
    let action = args.fix.map(|f| {
        format!(
            "stuck --fix {}",
            f.to_possible_value()
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default()
        )
    });
    if let (Some(action), Some(_)) = (&action, &args.bulk.resume) {
        return crate::bulk::run(&ctx, action, Vec::new(), &args.bulk, "", true).await;
    }
    let agents: HashMap<String, Agent> = ctx
        .client
        .agents()
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let open: Vec<Intervention> = ctx
        .client
        .all(
            "/v1/interventions",
            vec![("state".into(), "queued,assigned".into())],
            1000,
        )
        .try_collect()
        .await?;
    let now = ctx.out.now;
    let stuck: Vec<Stuck> = open
        .into_iter()
        .filter_map(|i| {
            let reasons = reasons(&i, &agents, now, args.no_reply, args.queued);
            (!reasons.is_empty()).then_some(Stuck {
                intervention: i,
                reasons,
            })
        })
        .collect();
    let (Some(fix), Some(action)) = (args.fix, action) else {
        ctx.out.names = agents
            .values()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        if stuck.is_empty() {
            ctx.out.note("nothing is stuck");
            return if ctx.out.format == Some(crate::output::Format::Json) {
                ctx.out.json(&stuck).map_err(super::io)
            } else {
                Ok(())
            };
        }
        return print_list(&ctx.out, &stuck);
    };
    let items = plan(&ctx, fix, &args, &stuck).await?;
    let describe = match fix {
        Fix::Return => "return to the queue".to_owned(),
        Fix::Cancel => "cancel".to_owned(),
        Fix::Reassign => format!("move to {}", args.to.join(" and ")),
    };
    crate::bulk::run(&ctx, &action, items, &args.bulk, &describe, true).await
}

async fn plan(
    ctx: &Ctx,
    fix: Fix,
    args: &StuckArgs,
    stuck: &[Stuck],
) -> Result<Vec<Item>, CliError> {
    let reason = args.reason.clone();
    Ok(match fix {
        Fix::Cancel => stuck
            .iter()
            .map(|s| {
                Item::new(
                    s.intervention.id.clone(),
                    Some(s.intervention.version),
                    &ActionBody::Cancel(ReasonRequest {
                        reason: reason.clone(),
                    }),
                )
            })
            .collect(),
        Fix::Return => {
            let (assigned, queued): (Vec<&Stuck>, Vec<&Stuck>) = stuck
                .iter()
                .partition(|s| s.intervention.state == InterventionState::Assigned);
            if !queued.is_empty() {
                ctx.out.note(format!(
                    "{} stuck in the general queue already; not returned",
                    queued.len()
                ));
            }
            assigned
                .iter()
                .map(|s| {
                    Item::new(
                        s.intervention.id.clone(),
                        Some(s.intervention.version),
                        &ActionBody::Return(ReasonRequest {
                            reason: reason.clone(),
                        }),
                    )
                })
                .collect()
        }
        Fix::Reassign => {
            let targets = super::act::target_agents(ctx, &args.to).await?;
            let ids: Vec<String> = targets.iter().map(|a| a.id.clone()).collect();
            let load: HashMap<String, i64> = ctx
                .client
                .queues()
                .await?
                .agents
                .into_iter()
                .map(|q| (q.agent, q.count))
                .collect();
            let owners: Vec<Option<String>> =
                stuck.iter().map(|s| s.intervention.owner.clone()).collect();
            let picks = spread(&owners, &ids, &load);
            stuck
                .iter()
                .zip(picks)
                .map(|(s, pick)| {
                    let request = AssignRequest {
                        agent: ids[pick].clone(),
                        reason: reason.clone(),
                    };
                    let body = if s.intervention.state == InterventionState::Queued {
                        ActionBody::Assign(request)
                    } else {
                        ActionBody::Reassign(request)
                    };
                    Item::new(
                        s.intervention.id.clone(),
                        Some(s.intervention.version),
                        &body,
                    )
                })
                .collect()
        }
    })
}
