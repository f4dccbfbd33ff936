//! The autopilot's judgement, with no I/O: given the agents, the queues and the open
//! interventions as they are now, what to do about each one a rule covers, and when to look
//! again.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use livectl_contract::{
    Action, Agent, AgentStatus, AssignRequest, Intervention, InterventionState, Limit, Queues,
    ReasonRequest,
};

use super::rules::{Rule, Settings};
use crate::model::{Decision, Item, NoRoom, with_room};
// Reasons and ages as `stuck` and every other view say them (`2h 5m`), and the user's wait
// as `stuck` counts it.
use crate::model::StuckReason;
use crate::ui::stuck_reason;
use crate::usecases::pool::Pool;
use crate::usecases::spread::{Spreader, To, takes_work};
use crate::usecases::stuck::{limit_ends, unanswered, waited_longer};

/// What the platform looks like now.
pub struct World<'a> {
    pub agents: &'a [Agent],
    pub queues: &'a Queues,
    pub open: &'a [Intervention],
    pub now: Timestamp,
    /// The agent the autopilot acts as (`Options::me`), left out of a pool.
    pub me: &'a str,
}

/// A decision, and the item the bulk engine sends for it (None: nothing to send).
pub struct Decided {
    pub decision: Decision,
    pub item: Option<Item>,
}

/// The decisions due now, and the instant the next one's wait ends, due at any look after it
/// (None: none pending).
pub fn decide(
    settings: &Settings,
    to: &To,
    world: &World<'_>,
) -> (Vec<Decided>, Option<Timestamp>) {
    let agents: HashMap<&str, &Agent> = world.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    // A pool is drawn from the others: the agent the autopilot acts as (a service account,
    // the person on call) is given no work by it. Agents `--to` names are taken as named (the
    // spreader reads those, not this list).
    let others: Vec<Agent> = world
        .agents
        .iter()
        .filter(|a| a.id != world.me)
        .cloned()
        .collect();
    let mut spreader = Spreader::over(
        &fresh(to, world.agents, settings.include_away),
        &others,
        world.queues,
    );
    let mut next: Option<Timestamp> = None;
    // Due once it waited longer than `wait` since `since`, as `stuck` counts it; until then,
    // looked at again when its wait ends (any look is later than that).
    let due = |since: Timestamp, wait: SignedDuration, next: &mut Option<Timestamp>| {
        if waited_longer(since, wait, world.now) {
            return true;
        }
        if let Some(end) = limit_ends(since, wait) {
            *next = Some(next.map_or(end, |n| n.min(end)));
        }
        false
    };
    let name = |id: &str| match agents.get(id) {
        Some(a) => format!("{} ({id})", a.name),
        None => id.to_owned(),
    };
    // The one agent `--to` names owns it already: reassigning it there is refused ("already
    // owns it"), so it is not picked, and why is said. A cron's `--rule no-reply --to bo`
    // failed Bo's own waiting users at every look, exit 3, where its dry run said "would be
    // done" (new user).
    let owns = |spreader: &Spreader, owner: &str| {
        (spreader.only() == Some(owner)).then(|| crate::model::NoRoom::owns_already(&name(owner)))
    };
    let mut out = Vec::new();
    // Those waiting longest first, so work short of room goes to them (the queue is served as
    // a queue, as a bulk run serves it: `InterventionQuery::served_in_order`); ties by id.
    let mut open: Vec<&Intervention> = world.open.iter().collect();
    open.sort_by_key(|i| i.queued_at);
    for i in open {
        let owner = i.owner.as_deref().and_then(|o| agents.get(o).copied());
        let found = match (i.state, owner) {
            (InterventionState::Assigned, Some(owner)) => {
                absent(settings, owner)
                    .and_then(|(rule, since)| {
                        // A deactivation is an admin's act, not a status that flaps: due at
                        // once. Counted from when this autopilot first saw it (the contract
                        // dates no deactivation), `--once` never saw one end its grace
                        // (automation check).
                        let now_due = match since {
                            None => true,
                            Some(since) => due(since, settings.grace, &mut next),
                        };
                        now_due.then(|| {
                            // Said as `stuck` says it.
                            let reason = match since {
                                None => StuckReason::OwnerInactive {
                                    owner: name(&owner.id),
                                },
                                Some(since) => StuckReason::OwnerAbsent {
                                    owner: name(&owner.id),
                                    status: owner.status,
                                    since,
                                },
                            };
                            let why = stuck_reason(&reason, world.now);
                            // To the pool, or back to the general queue when nobody has room
                            // (or the one agent named is its owner).
                            let owned = owns(&spreader, &owner.id);
                            let picked = match owned {
                                Some(_) => None,
                                None => spreader.pick(Some(&owner.id), i.department.as_deref()),
                            };
                            match picked {
                                Some(agent) => (rule, why, Some(reassign(agent, rule)), None),
                                None => {
                                    let left = owned.unwrap_or_else(|| {
                                        left_why_of(to, i, &agents, settings.include_away)
                                    });
                                    (
                                        rule,
                                        format!("{why}; {left}"),
                                        Some(Action::Return(ReasonRequest {
                                            // Agents named may be many: the platform takes
                                            // a reason of a bounded length.
                                            reason: Some(
                                                Limit::ReasonLength
                                                    .fit(format!("autopilot: {rule}, {left}")),
                                            ),
                                        })),
                                        None,
                                    )
                                }
                            }
                        })
                    })
                    .or_else(|| {
                        if !settings.has(Rule::NoReply) {
                            return None;
                        }
                        let reason = unanswered(i)?;
                        let since = reason.since()?;
                        due(since, settings.no_reply, &mut next).then(|| {
                            let why = stuck_reason(&reason, world.now);
                            let owned = owns(&spreader, &owner.id);
                            let action = match owned {
                                Some(_) => None,
                                None => spreader
                                    .pick(Some(&owner.id), i.department.as_deref())
                                    .map(|agent| reassign(agent, Rule::NoReply)),
                            };
                            (Rule::NoReply, why, action, owned)
                        })
                    })
            }
            (InterventionState::Queued, _) if settings.has(Rule::Queued) => {
                due(i.queued_at, settings.queued, &mut next).then(|| {
                    let why = stuck_reason(&StuckReason::Queued { since: i.queued_at }, world.now);
                    let action = spreader.pick(None, i.department.as_deref()).map(|agent| {
                        Action::Assign(AssignRequest {
                            agent,
                            reason: Some(format!("autopilot: {}", Rule::Queued)),
                        })
                    });
                    (Rule::Queued, why, action, None)
                })
            }
            _ => None,
        };
        if let Some((rule, why, action, left)) = found {
            let left = left.unwrap_or_else(|| left_why_of(to, i, &agents, settings.include_away));
            out.push(decided(i, rule, why, action, world.now, left));
        }
    }
    (out, next)
}

/// Agents named by `--to` as they are now: only the active ones who are online (or away, with
/// `--include-away`) take work. A pool is looked at afresh by the spreader itself.
fn fresh(to: &To, agents: &[Agent], include_away: bool) -> To {
    match to {
        To::Agents(named) => To::Agents(
            agents
                .iter()
                .filter(|a| named.iter().any(|n| n.id == a.id))
                .filter(|a| takes_work(a, include_away))
                .cloned()
                .collect(),
        ),
        pool => pool.clone(),
    }
}

fn reassign(agent: String, rule: Rule) -> Action {
    Action::Reassign(AssignRequest {
        agent,
        reason: Some(format!("autopilot: {rule}")),
    })
}

/// The owner rule that covers `owner` now, and since when its status says so (None for a
/// deactivation, which the contract does not date).
fn absent(settings: &Settings, owner: &Agent) -> Option<(Rule, Option<Timestamp>)> {
    if !owner.active {
        return settings
            .has(Rule::OwnerInactive)
            .then_some((Rule::OwnerInactive, None));
    }
    match owner.status {
        AgentStatus::Offline if settings.has(Rule::OwnerOffline) => {
            Some((Rule::OwnerOffline, Some(owner.status_since)))
        }
        AgentStatus::Away if settings.has(Rule::OwnerAway) => {
            Some((Rule::OwnerAway, Some(owner.status_since)))
        }
        _ => None,
    }
}

/// Why a decision is left where it is, for want of an agent of `to` with room: said as a bulk
/// run says it (`NoRoom`). Agents named are left out when they are not online too: one is said
/// as it stands now (`agents`), several are said to lack either (Fay "is not online with room"
/// was said of Fay online and full: review).
fn left_why(to: &To, agents: &HashMap<&str, &Agent>, include_away: bool) -> String {
    match &to.no_room() {
        NoRoom::Agents(named) if let [one] = named.as_slice() => {
            match one.id.as_deref().and_then(|id| agents.get(id)) {
                Some(a) if !a.active => format!("{} is inactive", one.who()),
                Some(a) if !takes_work(a, include_away) => format!("{} is {}", one.who(), a.status),
                Some(a) => NoRoom::Agents(vec![crate::model::Full {
                    max_load: a.max_load,
                    ..one.clone()
                }])
                .why(),
                None => format!("{} is not {}", one.who(), with_room(include_away)),
            }
        }
        NoRoom::Agents(named) => format!(
            "{} is {}",
            crate::model::none_of(&named.iter().map(|a| a.who()).collect::<Vec<_>>()),
            with_room(include_away)
        ),
        pool => pool.why(),
    }
}

/// Why this intervention is left where it is: `left_why`, unless `@department` has nobody for
/// it because it has no department.
fn left_why_of(
    to: &To,
    i: &Intervention,
    agents: &HashMap<&str, &Agent>,
    include_away: bool,
) -> String {
    match to {
        To::Pool {
            pool: Pool::Department,
            ..
        } if i.department.is_none() => NoRoom::NoDepartment.why(),
        _ => left_why(to, agents, include_away),
    }
}

fn decided(
    i: &Intervention,
    rule: Rule,
    why: String,
    action: Option<Action>,
    now: Timestamp,
    left_why: String,
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
            detail: left.then_some(left_why),
        },
        item: action.map(|action| Item {
            id: i.id.clone(),
            version: Some(i.version),
            action,
            refused: None,
            looked: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use jiff::ToSpan;
    use serde_json::json;

    use super::*;

    const NOW: &str = "2026-11-24T12:00:00Z";

    fn agent(id: &str, status: &str, since: &str, max_load: Option<u32>) -> Agent {
        serde_json::from_value(json!({
            "id": id, "key": null, "name": id, "email": format!("{id}@x"), "role": "agent",
            "department": "dp_1", "status": status, "status_since": since,
            "max_load": max_load, "active": true
        }))
        .unwrap()
    }

    fn assigned(id: &str, owner: &str) -> Intervention {
        serde_json::from_value(json!({
            "id": id, "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Ada", "channel": "web"},
            "summary": "s", "department": "dp_1", "state": "assigned", "owner": owner,
            "queued_at": "2026-11-24T10:00:00Z", "assigned_at": "2026-11-24T10:00:00Z",
            "closed_at": null, "last_user_message_at": null, "last_agent_message_at": null,
            "tags": [], "completion": null, "version": 2, "updated_at": NOW
        }))
        .unwrap()
    }

    fn queues() -> Queues {
        serde_json::from_value(json!({
            "general": {"count": 0, "oldest_queued_at": null, "oldest_wait_seconds": null},
            "agents": []
        }))
        .unwrap()
    }

    fn settings() -> Settings {
        Settings::new(Default::default(), Default::default()).unwrap()
    }

    /// The pool `@online`.
    fn online() -> To {
        To::Pool {
            pool: Pool::Online,
            department: None,
            include_away: false,
        }
    }

    /// What the autopilot acting as `admin` with `settings` decides at NOW.
    fn decided_by(
        settings: &Settings,
        to: &To,
        queues: &Queues,
        agents: &[Agent],
        open: &[Intervention],
    ) -> (Vec<Decided>, Option<Timestamp>) {
        let world = World {
            agents,
            queues,
            open,
            now: NOW.parse().unwrap(),
            me: "admin",
        };
        decide(settings, to, &world)
    }

    fn run(
        agents: &[Agent],
        open: &[Intervention],
    ) -> (Vec<(String, Option<String>)>, Option<Timestamp>) {
        let (decided, next) = decided_by(&settings(), &online(), &queues(), agents, open);
        let decided = decided
            .into_iter()
            .map(|d| (d.decision.action, d.decision.to))
            .collect();
        (decided, next)
    }

    /// Work of an owner gone that no agent of the pool has room for goes back to the general
    /// queue, and says who had no room (it said "no agent has capacity").
    #[test]
    fn an_owner_s_work_no_one_has_room_for_is_returned_saying_who_had_none() {
        let long_ago = "2026-11-24T11:00:00Z";
        let agents = [
            agent("bo", "offline", long_ago, None),
            agent("cy", "online", NOW, Some(0)),
        ];
        let (decided, _) = decided_by(
            &settings(),
            &online(),
            &queues(),
            &agents,
            &[assigned("iv_1", "bo")],
        );
        let [d] = decided.as_slice() else {
            panic!("one decision, not {}", decided.len())
        };
        let room = "no agent of @online is online with room under its max_load";
        assert_eq!(
            d.decision.why,
            format!("owner bo (bo) offline for 1h; {room}")
        );
        let reason = match d.item.as_ref().map(|i| &i.action) {
            Some(Action::Return(r)) => r.reason.clone(),
            other => panic!("a return: {other:?}"),
        };
        assert_eq!(reason, Some(format!("autopilot: owner-offline, {room}")));
    }

    #[test]
    fn an_owner_within_the_grace_keeps_its_work_until_it_is_due() {
        let now: Timestamp = NOW.parse().unwrap();
        let since = now - 1.minute();
        let agents = [
            agent("bo", "offline", &since.to_string(), None),
            agent("cy", "online", NOW, None),
        ];
        let (decided, next) = run(&agents, &[assigned("iv_1", "bo")]);
        assert!(decided.is_empty());
        assert_eq!(
            next,
            Some(since + 2.minutes()),
            "looks again when the grace ends"
        );
    }

    /// The reasons say ages as `stuck` and every view do (the two largest units), not as a
    /// duration flag is written (`3m3s`), and the user's wait counts from the assignment, the
    /// user's whole wait said beside it (a new user read "waiting 1m" of a user waiting an hour).
    #[test]
    fn reasons_read_as_the_other_views_say_them() {
        let now: Timestamp = NOW.parse().unwrap();
        let agents = [
            agent("bo", "offline", &(now - 183.seconds()).to_string(), None),
            agent("cy", "online", NOW, None),
            agent("di", "online", NOW, None),
        ];
        let mut waiting = assigned("iv_2", "di");
        waiting.last_user_message_at = Some(now - 5.hours());
        waiting.assigned_at = Some(now - SignedDuration::from_secs(7507));
        let mut queued = assigned("iv_3", "di");
        queued.state = InterventionState::Queued;
        queued.owner = None;
        queued.queued_at = now - SignedDuration::from_secs(3630);
        let every_rule = Settings::new(
            super::super::rules::Given {
                queued: Some("30m".into()),
                no_reply: Some("15m".into()),
                ..Default::default()
            },
            Default::default(),
        )
        .unwrap();
        let (decided, _) = decided_by(
            &every_rule,
            &online(),
            &queues(),
            &agents,
            &[assigned("iv_1", "bo"), waiting, queued],
        );
        let whys: Vec<String> = decided.into_iter().map(|d| d.decision.why).collect();
        assert_eq!(
            whys,
            [
                "owner bo (bo) offline for 3m",
                "user waiting 5h for a reply, 2h 5m of it since assigned",
                "queued for 1h"
            ]
        );
    }

    /// With room for one, the one waiting longest is given it, whatever its id: the open
    /// interventions were looked at in id order, so a late id that had waited hours stayed.
    #[test]
    fn room_short_goes_to_the_longest_waiting() {
        let now: Timestamp = NOW.parse().unwrap();
        let agents = [agent("cy", "online", NOW, Some(1))];
        let queued = |id: &str, waited: i64| {
            let mut i = assigned(id, "cy");
            i.state = InterventionState::Queued;
            i.owner = None;
            i.queued_at = now - SignedDuration::from_secs(waited);
            i
        };
        let every_rule = Settings::new(
            super::super::rules::Given {
                queued: Some("30m".into()),
                ..Default::default()
            },
            Default::default(),
        )
        .unwrap();
        let (decided, _) = decided_by(
            &every_rule,
            &online(),
            &queues(),
            &agents,
            &[queued("iv_1", 3600), queued("iv_2", 7200)],
        );
        let given: Vec<(&str, Option<&str>)> = decided
            .iter()
            .map(|d| (d.decision.intervention.as_str(), d.decision.to.as_deref()))
            .collect();
        assert_eq!(given, [("iv_2", Some("cy")), ("iv_1", None)]);
    }

    /// The agent the autopilot acts as is online and the least loaded: a pool gives it
    /// nothing all the same (on the demo, Sam's work went to the built-in Sandbox Admin).
    #[test]
    fn a_pool_hands_work_on_to_the_others_not_to_the_autopilot_s_own_agent() {
        let long_ago = "2026-11-24T11:00:00Z";
        let agents = [
            agent("admin", "online", NOW, None),
            agent("bo", "offline", long_ago, None),
            agent("cy", "online", NOW, None),
        ];
        let mut busy = queues();
        busy.agents = serde_json::from_value(json!([{
            "agent": "cy", "name": "cy", "status": "online", "active": true, "max_load": null,
            "count": 5, "oldest_assigned_at": null, "oldest_wait_seconds": null
        }]))
        .unwrap();
        let given_to = |to: &To| {
            let (decided, _) =
                decided_by(&settings(), to, &busy, &agents, &[assigned("iv_1", "bo")]);
            decided
                .into_iter()
                .map(|d| d.decision.to)
                .collect::<Vec<_>>()
        };
        assert_eq!(given_to(&online()), [Some("cy".to_owned())]);
        // Named, it is taken at its word.
        assert_eq!(
            given_to(&To::Agents(vec![agents[0].clone()])),
            [Some("admin".to_owned())]
        );
    }

    /// Work left where it is says who had no room, as a bulk run says it; agents named that
    /// are not online are not said to be full.
    #[test]
    fn work_left_where_it_is_says_who_had_no_room() {
        let agents = [
            agent("bo", "offline", "2026-11-24T11:00:00Z", None),
            agent("cy", "offline", NOW, None),
        ];
        // Queued too long, and nobody to give it to: left in the queue (an owner's work goes
        // back to the queue instead).
        let mut queued = assigned("iv_1", "bo");
        queued.state = InterventionState::Queued;
        queued.owner = None;
        let queued_rule = queued_after_30m();
        let details = |to: &To, queued: &Intervention| {
            let (decided, _) = decided_by(
                &queued_rule,
                to,
                &queues(),
                &agents,
                std::slice::from_ref(queued),
            );
            decided
                .into_iter()
                .map(|d| d.decision.detail)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            details(&online(), &queued),
            [Some(
                "no agent of @online is online with room under its max_load".to_owned()
            )]
        );
        assert_eq!(
            details(&To::Agents(vec![agents[1].clone()]), &queued),
            [Some("cy (cy) is offline".to_owned())]
        );
        // Online, and at its max_load: said so, as a bulk run says it.
        let full = [agent("cy", "online", NOW, Some(0))];
        let (decided, _) = decided_by(
            &queued_rule,
            &To::Agents(full.to_vec()),
            &queues(),
            &full,
            std::slice::from_ref(&queued),
        );
        assert_eq!(
            decided[0].decision.detail.as_deref(),
            Some("cy (cy) is at its max_load of 0")
        );
        // Two: "neither … nor" (it read "none of bo (bo) and cy (cy)").
        assert_eq!(
            details(&To::Agents(agents.to_vec()), &queued),
            [Some(
                "neither bo (bo) nor cy (cy) is online with room under its max_load".to_owned()
            )]
        );
        // `@department` has nobody for an intervention with no department, whatever the room.
        queued.department = None;
        let by_department = To::Pool {
            pool: Pool::Department,
            department: None,
            include_away: false,
        };
        assert_eq!(
            details(&by_department, &queued),
            [Some(
                "it has no department, so @department has no agent for it".to_owned()
            )]
        );
    }

    /// Work left for want of the one agent named is said as that agent stands now, with and
    /// without `--include-away`; several are said to lack what the run asks of them ("online",
    /// or "online or away").
    #[test]
    fn the_one_agent_named_is_said_as_it_stands() {
        let mut queued = assigned("iv_1", "bo");
        queued.state = InterventionState::Queued;
        queued.owner = None;
        let left = |cy: Option<Agent>, include_away: bool| {
            let mut rule = queued_after_30m();
            rule.include_away = include_away;
            let named = cy
                .clone()
                .unwrap_or_else(|| agent("cy", "online", NOW, None));
            let listed: Vec<Agent> = cy.into_iter().collect();
            let (decided, _) = decided_by(
                &rule,
                &To::Agents(vec![named]),
                &queues(),
                &listed,
                std::slice::from_ref(&queued),
            );
            decided[0].decision.detail.clone().unwrap()
        };
        let mut inactive = agent("cy", "online", NOW, None);
        inactive.active = false;
        for (cy, include_away, said) in [
            (Some(inactive), false, "cy (cy) is inactive"),
            (
                Some(agent("cy", "offline", NOW, None)),
                true,
                "cy (cy) is offline",
            ),
            (
                Some(agent("cy", "away", NOW, None)),
                false,
                "cy (cy) is away",
            ),
            (
                Some(agent("cy", "away", NOW, Some(0))),
                true,
                "cy (cy) is at its max_load of 0",
            ),
            (
                Some(agent("cy", "online", NOW, Some(0))),
                false,
                "cy (cy) is at its max_load of 0",
            ),
            // Not in the listing (deleted meanwhile): what it would have needed.
            (
                None,
                false,
                "cy (cy) is not online with room under its max_load",
            ),
            (
                None,
                true,
                "cy (cy) is not online or away with room under its max_load",
            ),
        ] {
            assert_eq!(left(cy, include_away), said, "include_away {include_away}");
        }
        let mut rule = queued_after_30m();
        rule.include_away = true;
        let both = [
            agent("bo", "offline", NOW, None),
            agent("cy", "offline", NOW, None),
        ];
        let (decided, _) = decided_by(
            &rule,
            &To::Agents(both.to_vec()),
            &queues(),
            &both,
            std::slice::from_ref(&queued),
        );
        assert_eq!(
            decided[0].decision.detail.as_deref(),
            Some("neither bo (bo) nor cy (cy) is online or away with room under its max_load")
        );
    }

    /// The queued rule alone, at 30 minutes.
    /// A user waiting for a reply from the one agent `--to` names, its owner: left, said so.
    /// It was reassigned to its owner, refused ("already owns it") at every look, exit 3,
    /// where the dry run said "would be done" (new user). An owner gone whose one agent named
    /// is itself (away, with --include-away) goes back to the queue, said so.
    #[test]
    fn the_one_agent_named_is_not_given_what_it_owns() {
        let agents = [
            agent("bo", "online", NOW, None),
            agent("sam", "away", "2026-11-24T09:00:00Z", None),
        ];
        let mut waiting = assigned("iv_1", "bo");
        waiting.last_user_message_at = Some("2026-11-24T11:00:00Z".parse().unwrap());
        let rules = Settings::new(
            super::super::rules::Given {
                rules: Some(vec!["no-reply".into(), "owner-away".into()]),
                no_reply: Some("10m".into()),
                grace: Some("1m".into()),
                include_away: Some(true),
                ..Default::default()
            },
            Default::default(),
        )
        .unwrap();
        let only = |who: usize| To::Agents(vec![agents[who].clone()]);
        let (decided, _) = decided_by(&rules, &only(0), &queues(), &agents, &[waiting]);
        let d = &decided[0].decision;
        assert_eq!(
            (d.action.as_str(), d.result.as_str(), d.detail.as_deref()),
            ("none", "left", Some("bo (bo) owns it already"))
        );
        assert!(decided[0].item.is_none(), "nothing is sent");
        let (decided, _) = decided_by(
            &rules,
            &only(1),
            &queues(),
            &agents,
            &[assigned("iv_2", "sam")],
        );
        let d = &decided[0].decision;
        assert_eq!(d.action, "return", "{d:?}");
        assert!(d.why.ends_with("; sam (sam) owns it already"), "{}", d.why);
    }

    fn queued_after_30m() -> Settings {
        Settings::new(
            super::super::rules::Given {
                queued: Some("30m".into()),
                ..Default::default()
            },
            Default::default(),
        )
        .unwrap()
    }

    /// Due as `stuck` counts it (`stuck::waited_longer`): not when the wait is as long as the
    /// threshold, but the least time longer.
    #[test]
    fn a_wait_as_long_as_the_threshold_is_not_yet_due() {
        let now: Timestamp = NOW.parse().unwrap();
        let agents = [agent("cy", "online", NOW, None)];
        let queued_rule = queued_after_30m();
        let decide_at = |queued_at: Timestamp| {
            let mut queued = assigned("iv_1", "bo");
            queued.state = InterventionState::Queued;
            queued.owner = None;
            queued.queued_at = queued_at;
            let (decided, next) =
                decided_by(&queued_rule, &online(), &queues(), &agents, &[queued]);
            (decided.len(), next)
        };
        assert_eq!(decide_at(now - 30.minutes()), (0, Some(now)));
        assert_eq!(decide_at(now - 30.minutes() - 1.millisecond()), (1, None));
    }

    #[test]
    fn a_time_near_the_last_one_a_time_can_be_is_never_due() {
        let last = "9999-12-30T21:59:00Z";
        let agents = [
            agent("bo", "offline", last, None),
            agent("cy", "online", NOW, None),
        ];
        let mut queued = assigned("iv_2", "bo");
        queued.state = InterventionState::Queued;
        queued.owner = None;
        queued.queued_at = last.parse().unwrap();
        // A platform's odd times: nothing is decided, and nothing panics.
        let (decided, next) = run(&agents, &[assigned("iv_1", "bo"), queued]);
        assert!(decided.is_empty());
        assert_eq!(next, None);
    }

    #[test]
    fn past_the_grace_work_goes_to_the_pool_or_back_to_the_queue() {
        let long_ago = "2026-11-24T11:00:00Z";
        let agents = [
            agent("bo", "offline", long_ago, None),
            agent("cy", "online", NOW, Some(1)),
        ];
        let (decided, next) = run(&agents, &[assigned("iv_1", "bo"), assigned("iv_2", "bo")]);
        assert_eq!(
            decided,
            [
                ("reassign".to_owned(), Some("cy".to_owned())),
                ("return".to_owned(), None)
            ],
            "cy takes one, and nobody else has room"
        );
        assert_eq!(next, None);
    }
}
