//! Takeovers that need help, and the fixes for them.

use std::collections::HashMap;

use futures_util::TryStreamExt;
use jiff::{SignedDuration, Timestamp};
use livectl_client::{Client, FULL_PAGE};
use livectl_contract::{
    Action, Agent, AgentStatus, AssignRequest, Intervention, InterventionQuery, InterventionState,
    ReasonRequest, States,
};

use super::spread::{Spreader, To};
use crate::error::CliError;
use crate::model::{Item, Stuck, StuckReason};
use crate::ui::Ui;

/// How long is too long.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// A user waiting longer than this for an agent's reply.
    pub no_reply: SignedDuration,
    /// An intervention waiting in the general queue longer than this.
    pub queued: SignedDuration,
}

/// Why `i` needs help, if it does.
pub fn reasons(
    i: &Intervention,
    agents: &HashMap<String, Agent>,
    now: Timestamp,
    limits: Thresholds,
) -> Vec<StuckReason> {
    let mut why = Vec::new();
    match i.state {
        InterventionState::Queued if now.duration_since(i.queued_at) > limits.queued => {
            why.push(StuckReason::Queued { since: i.queued_at });
        }
        InterventionState::Assigned => {
            if let Some(owner) = i.owner.as_ref().and_then(|o| agents.get(o)) {
                if !owner.active {
                    why.push(StuckReason::OwnerInactive {
                        owner: owner.name.clone(),
                    });
                } else if owner.status != AgentStatus::Online {
                    why.push(StuckReason::OwnerAbsent {
                        owner: owner.name.clone(),
                        status: owner.status,
                        since: owner.status_since,
                    });
                }
            }
            if let Some(since) = unanswered_since(i)
                && now.duration_since(since) > limits.no_reply
            {
                why.push(StuckReason::NoReply { since });
            }
        }
        _ => {}
    }
    why
}

/// Since when the user of an assigned intervention has waited for its owner's reply, if the
/// last message is the user's. The owner's wait starts when it got the intervention: a user
/// who waited for a former owner is not the new owner's delay. The autopilot counts the same.
pub fn unanswered_since(i: &Intervention) -> Option<Timestamp> {
    let user = i.last_user_message_at?;
    let answered = i.last_agent_message_at.is_some_and(|a| a >= user);
    (!answered).then(|| i.assigned_at.map_or(user, |at| at.max(user)))
}

/// The open interventions that need help now, and the agents by id.
pub async fn find(
    client: &Client,
    now: Timestamp,
    limits: Thresholds,
) -> Result<(Vec<Stuck>, HashMap<String, Agent>), CliError> {
    let agents: HashMap<String, Agent> = client
        .agents()
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let query = InterventionQuery {
        state: States::open(),
        ..InterventionQuery::default()
    };
    let open: Vec<Intervention> = client.interventions(query, FULL_PAGE).try_collect().await?;
    let stuck = among(open, &agents, now, limits);
    Ok((stuck, agents))
}

/// The interventions of `open` that need help now, each with its reasons.
pub fn among(
    open: impl IntoIterator<Item = Intervention>,
    agents: &HashMap<String, Agent>,
    now: Timestamp,
    limits: Thresholds,
) -> Vec<Stuck> {
    open.into_iter()
        .filter_map(|i| {
            let reasons = reasons(&i, agents, now, limits);
            (!reasons.is_empty()).then_some(Stuck {
                intervention: i,
                reasons,
                now,
            })
        })
        .collect()
}

/// A fix for what is stuck.
#[derive(Debug, Clone)]
pub enum Fix {
    /// Back to the general queue (assigned ones).
    Return,
    /// Cancel the takeovers.
    Cancel,
    /// To these agents or this pool, spread evenly (queued ones are assigned), never above an
    /// agent's capacity.
    Reassign(To),
}

/// The items of a fix, each with the version found (a change meanwhile skips it).
pub async fn plan(
    client: &Client,
    ui: &Ui,
    fix: &Fix,
    reason: Option<String>,
    stuck: &[Stuck],
) -> Result<Vec<Item>, CliError> {
    let item = |s: &Stuck, action: Action| Item {
        id: s.intervention.id.clone(),
        version: Some(s.intervention.version),
        action,
        refused: None,
        looked: None,
    };
    let why = || ReasonRequest {
        reason: reason.clone(),
    };
    Ok(match fix {
        Fix::Cancel => stuck
            .iter()
            .map(|s| item(s, Action::Cancel(why())))
            .collect(),
        Fix::Return => {
            let (assigned, queued): (Vec<&Stuck>, Vec<&Stuck>) = stuck
                .iter()
                .partition(|s| s.intervention.state == InterventionState::Assigned);
            if !queued.is_empty() {
                ui.note(format!(
                    "{} stuck in the general queue already; not returned",
                    queued.len()
                ));
            }
            assigned
                .into_iter()
                .map(|s| item(s, Action::Return(why())))
                .collect()
        }
        Fix::Reassign(to) => {
            let mut spreader = Spreader::new(client, to).await?;
            stuck
                .iter()
                .map(|s| {
                    let i = &s.intervention;
                    let request = AssignRequest {
                        agent: spreader
                            .pick_or_unplaced(i.owner.as_deref(), i.department.as_deref()),
                        reason: reason.clone(),
                    };
                    let action = if i.state == InterventionState::Queued {
                        Action::Assign(request)
                    } else {
                        Action::Reassign(request)
                    };
                    item(s, action)
                })
                .collect()
        }
    })
}
