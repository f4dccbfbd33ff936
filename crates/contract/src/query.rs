//! Query parameters of the lists. `InterventionQuery` is the one place the intervention filters
//! are spelled: the CLI sends it, the sandbox turns it into SQL, and the event stream matches
//! events with it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::models::{Event, EventAction, Intervention, InterventionState};

/// A list query: its filters and the page wanted.
pub trait Paged: Serialize + Clone {
    fn set_page(&mut self, limit: u32, cursor: Option<String>);
}

macro_rules! paged {
    ($($ty:ty),*) => {$(
        impl Paged for $ty {
            fn set_page(&mut self, limit: u32, cursor: Option<String>) {
                self.limit = Some(limit);
                self.cursor = cursor;
            }
        }
    )*};
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::page_size)]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::cursor)]
    pub cursor: Option<String>,
}

/// A set of states, written as a comma-separated list (`queued,assigned`); empty means every
/// state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct States(Vec<InterventionState>);

impl States {
    pub fn new(states: impl IntoIterator<Item = InterventionState>) -> States {
        let mut set = States::default();
        for s in states {
            if !set.0.contains(&s) {
                set.0.push(s);
            }
        }
        set
    }

    /// The open ones: queued and assigned.
    pub fn open() -> States {
        States::new([InterventionState::Queued, InterventionState::Assigned])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether every state is in the set (an empty set means every state too).
    pub fn is_all(&self) -> bool {
        self.0.is_empty() || InterventionState::ALL.iter().all(|s| self.0.contains(s))
    }

    pub fn contains(&self, state: InterventionState) -> bool {
        self.is_all() || self.0.contains(&state)
    }

    pub fn as_slice(&self) -> &[InterventionState] {
        &self.0
    }
}

impl std::str::FromStr for States {
    type Err = String;
    fn from_str(s: &str) -> Result<States, String> {
        let states = s
            .split(',')
            .map(|w| w.trim().parse::<InterventionState>())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(States::new(states))
    }
}

impl std::fmt::Display for States {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words: Vec<&str> = self.0.iter().map(|s| s.as_str()).collect();
        f.write_str(&words.join(","))
    }
}

impl Serialize for States {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for States {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<States, D::Error> {
        let text = String::deserialize(d)?;
        // The field's name is the caller's to add (the sandbox's query says `state: …`).
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Whose interventions: an agent's, or nobody's (the general queue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Nobody,
    Agent(String),
}

/// The word for no one or nothing where a value could name one: the owner of the general queue's
/// interventions (`?owner=none`, `--owner none`), a completion without a closing block
/// (`--block none`).
pub const NONE: &str = "none";

impl Serialize for Owner {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Owner::Nobody => s.serialize_str(NONE),
            Owner::Agent(id) => s.serialize_str(id),
        }
    }
}

impl<'de> Deserialize<'de> for Owner {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Owner, D::Error> {
        let text = String::deserialize(d)?;
        Ok(if text == NONE {
            Owner::Nobody
        } else {
            Owner::Agent(text)
        })
    }
}

/// The filters of `GET /v1/interventions`, and the page wanted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InterventionQuery {
    #[serde(default, skip_serializing_if = "States::is_empty")]
    #[param(schema_with = crate::openapi::states)]
    pub state: States,
    /// An agent id, or `none` for interventions without an owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::owner_filter)]
    pub owner: Option<Owner>,
    /// A department id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::department_filter)]
    pub department: Option<String>,
    /// A tag, compared as stored: trimmed and lower-cased (one that no tag could be is 400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::timestamp)]
    pub queued_before: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::timestamp)]
    pub queued_after: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::timestamp)]
    pub updated_after: Option<Timestamp>,
    /// The order of the pages: by id when left out; `queued_at`, longest waiting first, for the
    /// queued interventions alone (`state=queued`).
    #[serde(default, skip_serializing_if = "InterventionOrder::is_by_id")]
    #[param(inline)]
    pub order: InterventionOrder,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::page_size)]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::cursor)]
    pub cursor: Option<String>,
}

/// The order in which a list of interventions comes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InterventionOrder {
    /// By id: the order of creation.
    #[default]
    Id,
    /// By `queued_at`, then id: the order in which the general queue is served, longest
    /// waiting first. Only for the queued interventions, whose index holds it (a cost that
    /// stays flat), so only with `state=queued`.
    QueuedAt,
}

impl InterventionOrder {
    pub fn is_by_id(&self) -> bool {
        *self == InterventionOrder::Id
    }

    /// Why the query cannot come in this order, in the words of a 400.
    pub fn refusal(self, state: &States) -> Option<String> {
        (self == InterventionOrder::QueuedAt && state.as_slice() != [InterventionState::Queued])
            .then(|| {
                "order=queued_at lists the queued interventions alone: give state=queued".to_owned()
            })
    }
}

impl InterventionQuery {
    /// The query that lists the general queue in the order it is served, when these filters
    /// select queued interventions alone (longest waiting first); any other, as it is (by id).
    pub fn served_in_order(self) -> InterventionQuery {
        let order = if InterventionOrder::QueuedAt.refusal(&self.state).is_none() {
            InterventionOrder::QueuedAt
        } else {
            InterventionOrder::Id
        };
        InterventionQuery { order, ..self }
    }

    /// The agent these filters keep to, when it is not `me` and `me`'s role sees none of its
    /// interventions (`Role::sees`): an agent's filter for another agent's work, which is never
    /// queued (an owned intervention is not), so every page would come back empty.
    pub fn unseen_by(&self, role: crate::Role, me: &str) -> Option<&str> {
        match &self.owner {
            Some(Owner::Agent(owner)) if !role.sees_owner(me, owner) => Some(owner),
            _ => None,
        }
    }

    /// Whether an intervention passes the filters (the page fields aside).
    pub fn matches(&self, i: &Intervention) -> bool {
        self.state.contains(i.state)
            && match &self.owner {
                None => true,
                Some(Owner::Nobody) => i.owner.is_none(),
                Some(Owner::Agent(id)) => i.owner.as_deref() == Some(id),
            }
            && self
                .department
                .as_ref()
                .is_none_or(|d| i.department.as_ref() == Some(d))
            && self.tag.as_ref().is_none_or(|t| i.tags.contains(t))
            && self.queued_before.is_none_or(|t| i.queued_at < t)
            && self.queued_after.is_none_or(|t| i.queued_at > t)
            && self.updated_after.is_none_or(|t| i.updated_at > t)
    }

    /// Whether an agent's status change belongs with these filters: when `owner` names that
    /// agent (its My Queue is what the filters watch); the other filters describe interventions,
    /// which a status change is not.
    pub fn matches_status(&self, event: &crate::StatusEvent) -> bool {
        matches!(&self.owner, Some(Owner::Agent(id)) if *id == event.agent)
    }

    /// Whether a change is news to someone watching these filters: its intervention passes
    /// them as it is now (`now`, read after the change), or the change moved it into or out
    /// of the owner filtered on, whatever moved it on since (a watch on Sam sees items come to
    /// Sam and leave; a watch on the general queue sees items enter it and be taken from it).
    pub fn matches_event(&self, event: &Event, now: &Intervention) -> bool {
        if self.matches(now) {
            return true;
        }
        let Some(owner) = &self.owner else {
            return false;
        };
        let moved = match owner {
            // Into the general queue only by starting there or being returned to it (a cancel
            // or completion from an agent's queue ends it there); out of it by an assignment.
            Owner::Nobody => matches!(
                event.action,
                EventAction::Started | EventAction::Returned | EventAction::Assigned
            ),
            Owner::Agent(id) => {
                event.from_owner.as_ref() == Some(id) || event.to_owner.as_ref() == Some(id)
            }
        };
        let without_owner = InterventionQuery {
            owner: None,
            ..self.clone()
        };
        moved && without_owner.matches(now)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// Only records at or after this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::timestamp)]
    pub since: Option<Timestamp>,
    /// Only records before this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::timestamp)]
    pub until: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::page_size)]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::cursor)]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::intervention_filter)]
    pub intervention_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::actor_filter)]
    pub actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<EventAction>,
    /// Only events with a greater seq.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::page_size)]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::cursor)]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConversationQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::user_filter)]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::page_size)]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::openapi::cursor)]
    pub cursor: Option<String>,
}

paged!(
    PageQuery,
    InterventionQuery,
    HistoryQuery,
    AuditQuery,
    ConversationQuery
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventStreamQuery {
    /// Start after this seq (same as the `Last-Event-ID` header, which wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_and_write_as_a_comma_list() {
        let s: States = "queued, assigned,queued".parse().unwrap();
        assert_eq!(s.to_string(), "queued,assigned");
        assert!("queued,lost".parse::<States>().is_err());
        assert!(States::default().is_all());
        assert!(!States::open().is_all());
    }

    #[test]
    fn a_query_survives_the_query_string() {
        let q = InterventionQuery {
            state: States::open(),
            owner: Some(Owner::Nobody),
            tag: Some("vip".into()),
            ..Default::default()
        };
        let text = serde_json::to_value(&q).unwrap();
        assert_eq!(
            text,
            serde_json::json!({"state": "queued,assigned", "owner": "none", "tag": "vip"})
        );
        let back: InterventionQuery = serde_json::from_value(text).unwrap();
        assert_eq!(back, q);
    }

    /// A watch reads an intervention after its change: by then it may have moved on.
    #[test]
    fn a_change_into_or_out_of_the_owner_watched_is_news_whatever_came_after() {
        let event = |action: &str, from: Option<&str>, to: Option<&str>| -> Event {
            serde_json::from_value(serde_json::json!({
                "seq": 1, "at": "2026-11-24T10:00:00Z", "intervention_id": "iv_1",
                "actor": "ag_1", "action": action, "from_owner": from, "to_owner": to,
                "reason": null, "idempotency_key": null
            }))
            .unwrap()
        };
        // Read back owned by Bo, assigned: the change was to Sam, or Sam's, or the queue's.
        let now: Intervention = serde_json::from_value(serde_json::json!({
            "id": "iv_1", "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Una", "channel": "web"},
            "summary": "help", "department": null, "state": "assigned", "owner": "ag_3",
            "queued_at": "2026-11-24T09:00:00Z", "assigned_at": "2026-11-24T10:00:01Z",
            "closed_at": null, "last_user_message_at": null, "last_agent_message_at": null,
            "tags": [], "completion": null, "version": 3, "updated_at": "2026-11-24T10:00:01Z"
        }))
        .unwrap();
        let on = |owner: Owner| InterventionQuery {
            owner: Some(owner),
            ..InterventionQuery::default()
        };
        let sam = on(Owner::Agent("ag_4".into()));
        assert!(sam.matches_event(&event("assigned", None, Some("ag_4")), &now));
        assert!(sam.matches_event(&event("reassigned", Some("ag_4"), Some("ag_3")), &now));
        assert!(!sam.matches_event(&event("reassigned", Some("ag_2"), Some("ag_5")), &now));
        let queue = on(Owner::Nobody);
        assert!(queue.matches_event(&event("started", None, None), &now));
        assert!(queue.matches_event(&event("returned", Some("ag_2"), None), &now));
        assert!(queue.matches_event(&event("assigned", None, Some("ag_2")), &now));
        assert!(!queue.matches_event(&event("reassigned", Some("ag_2"), Some("ag_5")), &now));
        assert!(!queue.matches_event(&event("cancelled", Some("ag_2"), None), &now));
        assert!(!queue.matches_event(&event("completed", Some("ag_2"), None), &now));
        // The other filters still hold: another department's is not news.
        let elsewhere = InterventionQuery {
            department: Some("dp_9".into()),
            ..sam.clone()
        };
        assert!(!elsewhere.matches_event(&event("assigned", None, Some("ag_4")), &now));
    }
}
