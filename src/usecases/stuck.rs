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
use crate::model::{Item, Looked, Stuck, StuckReason};
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
        InterventionState::Queued => {
            if waited_longer(i.queued_at, limits.queued, now) {
                why.push(StuckReason::Queued { since: i.queued_at });
            }
            // Handed back to the queue (an agent wrote before) with the user's last message
            // unanswered: the user waits for a reply whatever the queue's own wait, which a
            // return starts again. `stuck --fix return` made such users vanish from `stuck`
            // for the queue's threshold (hostile-input check).
            if i.last_agent_message_at.is_some() {
                why.extend(no_reply(i, limits, now));
            }
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
            why.extend(no_reply(i, limits, now));
        }
        _ => {}
    }
    why
}

/// The user of `i` waiting for a reply longer than the threshold allows, if so.
fn no_reply(i: &Intervention, limits: Thresholds, now: Timestamp) -> Option<StuckReason> {
    unanswered(i).filter(|reason| {
        reason
            .since()
            .is_some_and(|since| waited_longer(since, limits.no_reply, now))
    })
}

/// Whether what has waited since `since` has, at `now`, waited longer than `limit`: past the
/// instant its limit ends (`limit_ends`), not at it. The one rule of "too long" for `stuck`'s
/// thresholds and the autopilot's (`queued`, `no-reply`, the grace of an absent owner), which
/// their help words as "longer than".
pub fn waited_longer(since: Timestamp, limit: SignedDuration, now: Timestamp) -> bool {
    limit_ends(since, limit).is_some_and(|end| now > end)
}

/// The instant the wait of something waiting since `since` reaches `limit`: `waited_longer` at
/// any instant after it, which is when the autopilot looks again. None when that instant is
/// past the last one a time can be: it never waits too long.
pub fn limit_ends(since: Timestamp, limit: SignedDuration) -> Option<Timestamp> {
    since.checked_add(limit).ok()
}

/// How long the user of an assigned intervention has waited for its owner's reply, if the last
/// message is the user's (`StuckReason::NoReply`). The owner's wait starts when it got the
/// intervention: a user who waited for a former owner is not the new owner's delay (a
/// reassignment would otherwise be due again at once), so that is what a threshold counts, and
/// the user's whole wait is said beside it. The autopilot counts the same for the assigned
/// ones it acts on; `stuck` also lists a queued one an agent handed back unanswered.
///
/// Queued (handed back), no one owns it: the user's wait counts from their last message.
pub fn unanswered(i: &Intervention) -> Option<StuckReason> {
    let user = i.last_user_message_at?;
    let answered = i.last_agent_message_at.is_some_and(|a| a >= user);
    let owned_since = match i.state {
        InterventionState::Assigned => i.assigned_at,
        _ => None,
    };
    (!answered).then(|| StuckReason::NoReply {
        since: owned_since.map_or(user, |at| at.max(user)),
        user,
    })
}

/// The open interventions of `query` that need help now, and the agents by id.
pub async fn find(
    client: &Client,
    now: Timestamp,
    limits: Thresholds,
    query: InterventionQuery,
) -> Result<(Vec<Stuck>, HashMap<String, Agent>), CliError> {
    let agents: HashMap<String, Agent> = client
        .agents()
        .await?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    // Open ones only: every state (`--state all`, or none given) means the open ones; the
    // caller names no closed one (`stuck` refuses them).
    let query = InterventionQuery {
        state: if query.state.is_all() {
            States::open()
        } else {
            query.state
        },
        ..query
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

/// The items of a fix, each with the version found (a change meanwhile skips it); a pool is
/// resolved now in a plan `judged` for a person, to say who would get each (`Spreader::new`).
pub async fn plan(
    client: &Client,
    ui: &Ui,
    fix: &Fix,
    reason: Option<String>,
    stuck: &[Stuck],
    judged: bool,
) -> Result<Vec<Item>, CliError> {
    // As listed: a dry run or a confirmation judges it on that, asking for nothing more.
    let item = |s: &Stuck, action: Action| Item {
        id: s.intervention.id.clone(),
        version: Some(s.intervention.version),
        action,
        refused: None,
        looked: Some(Looked::Now((&s.intervention).into())),
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
            let mut spreader = Spreader::new(client, to, judged).await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    const SINCE: &str = "2026-11-24T12:00:00Z";

    fn intervention(state: &str, last_user_message_at: Option<&str>) -> Intervention {
        serde_json::from_value(serde_json::json!({
            "id": "iv_1", "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Ada", "channel": "web"},
            "summary": "s", "department": null, "state": state,
            "owner": (state == "assigned").then_some("ag_2"),
            "queued_at": SINCE, "assigned_at": (state == "assigned").then_some(SINCE),
            "closed_at": null, "last_user_message_at": last_user_message_at,
            "last_agent_message_at": null,
            "tags": [], "completion": null, "version": 2, "updated_at": SINCE
        }))
        .unwrap()
    }

    /// "Longer than 5m": not at the instant the wait reaches 5m, but the least time after.
    #[test]
    fn too_long_is_longer_than_the_threshold_not_as_long() {
        let since: Timestamp = SINCE.parse().unwrap();
        let limit = SignedDuration::from_mins(5);
        let end = limit_ends(since, limit).unwrap();
        assert_eq!(end, "2026-11-24T12:05:00Z".parse().unwrap());
        let ms = SignedDuration::from_millis(1);
        assert!(!waited_longer(since, limit, end - ms));
        assert!(!waited_longer(since, limit, end));
        assert!(waited_longer(since, limit, end + ms));

        // `stuck` counts both its thresholds so.
        let limits = Thresholds {
            no_reply: limit,
            queued: limit,
        };
        let agents = HashMap::new();
        for i in [
            intervention("queued", None),
            intervention("assigned", Some(SINCE)),
        ] {
            assert!(
                reasons(&i, &agents, end, limits).is_empty(),
                "{:?}",
                i.state
            );
            assert_eq!(
                reasons(&i, &agents, end + ms, limits).len(),
                1,
                "{:?}",
                i.state
            );
        }
    }

    /// A user left unanswered by an agent who handed the intervention back waits for a reply
    /// in the queue too, from their last message; one never answered by anyone waits in the
    /// queue only, counted by the queue's threshold.
    #[test]
    fn a_user_handed_back_unanswered_still_waits_for_a_reply() {
        let limits = Thresholds {
            no_reply: SignedDuration::from_mins(10),
            queued: SignedDuration::from_mins(30),
        };
        let agents = HashMap::new();
        let now: Timestamp = "2026-11-24T12:20:00Z".parse().unwrap();
        let mut returned = intervention("queued", Some("2026-11-24T12:05:00Z"));
        returned.last_agent_message_at = Some("2026-11-24T12:01:00Z".parse().unwrap());
        // Returned at 12:15: the queue's wait starts again.
        returned.queued_at = "2026-11-24T12:15:00Z".parse().unwrap();
        assert_eq!(
            reasons(&returned, &agents, now, limits),
            [StuckReason::NoReply {
                since: "2026-11-24T12:05:00Z".parse().unwrap(),
                user: "2026-11-24T12:05:00Z".parse().unwrap(),
            }]
        );
        // Answered since, it waits for nobody.
        returned.last_agent_message_at = Some("2026-11-24T12:06:00Z".parse().unwrap());
        assert!(reasons(&returned, &agents, now, limits).is_empty());
        // Never answered by anyone: the queue's threshold, not the reply's.
        let fresh = intervention("queued", Some("2026-11-24T12:05:00Z"));
        assert!(reasons(&fresh, &agents, now, limits).is_empty());
    }

    #[test]
    fn a_limit_past_the_last_time_is_never_reached() {
        let since: Timestamp = "9999-12-30T21:59:00Z".parse().unwrap();
        let limit = SignedDuration::from_hours(1);
        assert_eq!(limit_ends(since, limit), None);
        assert!(!waited_longer(since, limit, Timestamp::MAX));
    }
}
