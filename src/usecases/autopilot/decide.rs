//! The autopilot's judgement, with no I/O: given the agents, the queues and the open
//! interventions as they are now, what to do about each one a rule covers, and when to look
//! again.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use livectl_contract::{
    Action, Agent, AgentStatus, AssignRequest, Intervention, InterventionState, Queues,
    ReasonRequest,
};

use super::rules::{Rule, Settings};
use crate::model::{Decision, Item};
use crate::usecases::spread::{Spreader, To};

/// What the platform looks like now.
pub struct World<'a> {
    pub agents: &'a [Agent],
    pub queues: &'a Queues,
    pub open: &'a [Intervention],
    pub now: Timestamp,
    /// When this autopilot first saw each inactive agent inactive (the contract dates no
    /// deactivation).
    pub inactive_since: &'a HashMap<String, Timestamp>,
}

/// A decision, and the item the bulk engine sends for it (None: nothing to send).
pub struct Decided {
    pub decision: Decision,
    pub item: Option<Item>,
}

/// The decisions due now, and the next instant one will be (None: none pending).
pub fn decide(
    settings: &Settings,
    to: &To,
    world: &World<'_>,
) -> (Vec<Decided>, Option<Timestamp>) {
    let agents: HashMap<&str, &Agent> = world.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut spreader = Spreader::over(to, world.agents, world.queues);
    let mut next: Option<Timestamp> = None;
    let due = |at: Timestamp, next: &mut Option<Timestamp>| {
        if at <= world.now {
            true
        } else {
            *next = Some(next.map_or(at, |n| n.min(at)));
            false
        }
    };
    let name = |id: &str| match agents.get(id) {
        Some(a) => format!("{} ({id})", a.name),
        None => id.to_owned(),
    };
    let mut out = Vec::new();
    for i in world.open {
        let owner = i.owner.as_deref().and_then(|o| agents.get(o).copied());
        let found = match (i.state, owner) {
            (InterventionState::Assigned, Some(owner)) => {
                absent(settings, owner, world)
                    .and_then(|(rule, since, what)| {
                        due(since + settings.grace, &mut next).then(|| {
                            let why = format!(
                                "owner {} {what} for {}",
                                name(&owner.id),
                                age(since, world.now)
                            );
                            // To the pool, or back to the general queue when nobody has room.
                            match spreader.pick(Some(&owner.id), i.department.as_deref()) {
                                Some(agent) => (rule, why, Some(reassign(agent, rule))),
                                None => (
                                    rule,
                                    format!("{why}; no agent has capacity"),
                                    Some(Action::Return(ReasonRequest {
                                        reason: Some(format!(
                                            "autopilot: {rule}, no agent has capacity"
                                        )),
                                    })),
                                ),
                            }
                        })
                    })
                    .or_else(|| {
                        if !settings.has(Rule::NoReply) {
                            return None;
                        }
                        let since = waiting_since(i)?;
                        due(since + settings.no_reply, &mut next).then(|| {
                            let why =
                                format!("user waiting for a reply for {}", age(since, world.now));
                            let action = spreader
                                .pick(Some(&owner.id), i.department.as_deref())
                                .map(|agent| reassign(agent, Rule::NoReply));
                            (Rule::NoReply, why, action)
                        })
                    })
            }
            (InterventionState::Queued, _) if settings.has(Rule::Queued) => {
                due(i.queued_at + settings.queued, &mut next).then(|| {
                    let why = format!("queued for {}", age(i.queued_at, world.now));
                    let action = spreader.pick(None, i.department.as_deref()).map(|agent| {
                        Action::Assign(AssignRequest {
                            agent,
                            reason: Some(format!("autopilot: {}", Rule::Queued)),
                        })
                    });
                    (Rule::Queued, why, action)
                })
            }
            _ => None,
        };
        if let Some((rule, why, action)) = found {
            out.push(decided(i, rule, why, action, world.now, to));
        }
    }
    (out, next)
}

fn reassign(agent: String, rule: Rule) -> Action {
    Action::Reassign(AssignRequest {
        agent,
        reason: Some(format!("autopilot: {rule}")),
    })
}

/// The owner rule that covers `owner` now, since when, and its state in words.
fn absent(
    settings: &Settings,
    owner: &Agent,
    world: &World<'_>,
) -> Option<(Rule, Timestamp, &'static str)> {
    if !owner.active {
        let since = world
            .inactive_since
            .get(&owner.id)
            .copied()
            .unwrap_or(world.now);
        return settings.has(Rule::OwnerInactive).then_some((
            Rule::OwnerInactive,
            since,
            "inactive",
        ));
    }
    match owner.status {
        AgentStatus::Offline if settings.has(Rule::OwnerOffline) => {
            Some((Rule::OwnerOffline, owner.status_since, "offline"))
        }
        AgentStatus::Away if settings.has(Rule::OwnerAway) => {
            Some((Rule::OwnerAway, owner.status_since, "away"))
        }
        _ => None,
    }
}

/// Since when the user has waited for an answer (as `stuck` counts it), if unanswered.
fn waiting_since(i: &Intervention) -> Option<Timestamp> {
    let user = i.last_user_message_at?;
    let answered = i.last_agent_message_at.is_some_and(|a| a >= user);
    (!answered).then(|| i.assigned_at.map_or(user, |at| at.max(user)))
}

fn age(since: Timestamp, now: Timestamp) -> String {
    let secs = now.duration_since(since).max(SignedDuration::ZERO);
    livectl_contract::duration::format(SignedDuration::from_secs(secs.as_secs()))
}

fn decided(
    i: &Intervention,
    rule: Rule,
    why: String,
    action: Option<Action>,
    now: Timestamp,
    to: &To,
) -> Decided {
    let (name, target) = match &action {
        Some(a) => (a.name().to_owned(), a.target().map(str::to_owned)),
        None => ("none".to_owned(), None),
    };
    let left = action.is_none();
    Decided {
        decision: Decision {
            at: now,
            rule: rule.to_string(),
            intervention: i.id.clone(),
            version: i.version,
            action: name,
            from: i.owner.clone(),
            to: target,
            why,
            result: if left { "left".into() } else { String::new() },
            detail: left.then(|| format!("no agent has capacity in {}", to.describe())),
        },
        item: action.map(|action| Item {
            id: i.id.clone(),
            version: Some(i.version),
            action,
        }),
    }
}
