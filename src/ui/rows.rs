//! How each resource prints as a row: its table cells for people, its CSV record, its JSON.

use super::{Color, Row, Span, View, age};
use crate::model::Names;
use livectl_contract::time::rfc3339;
use livectl_contract::{
    Agent, AgentStatus, Block, Department, Event, HistoryRecord, Intervention, InterventionState,
    Outcome, Topic,
};

pub(super) fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

pub(super) fn time(t: &Option<jiff::Timestamp>) -> String {
    t.map(rfc3339).unwrap_or_default()
}

/// An intervention's state, coloured.
/// Where an intervention stands, in words with its owner's name: `assigned to Bo Chen, version
/// 5`, `queued, version 3`.
pub fn standing(names: &Names, intervention: &Intervention) -> String {
    let owner = intervention
        .owner
        .as_deref()
        .map(|o| format!(" to {}", names.of(o)))
        .unwrap_or_default();
    let owner = if intervention.state == InterventionState::Assigned {
        owner
    } else {
        String::new()
    };
    format!(
        "{}{owner}, version {}",
        intervention.state, intervention.version
    )
}

/// Since when an open intervention waits, as the WAITING column counts it: a queued one since
/// it was queued (again), an assigned one since it was assigned (or, not knowing that, since it
/// was queued); None for a closed one. The console orders its list by it.
pub fn waiting_since(intervention: &Intervention) -> Option<jiff::Timestamp> {
    match intervention.state {
        InterventionState::Queued => Some(intervention.queued_at),
        InterventionState::Assigned => intervention.assigned_at.or(Some(intervention.queued_at)),
        _ => None,
    }
}

pub fn state(state: InterventionState) -> Span {
    let color = match state {
        InterventionState::Queued => Color::Yellow,
        InterventionState::Assigned => Color::Green,
        InterventionState::Completed => Color::Blue,
        InterventionState::Cancelled => Color::Grey,
    };
    Span::painted(state.as_str(), color)
}

/// An intervention's fields in the order of its JSON, and those a row adds after them (a stuck
/// one's `reasons`): one list for every row that is an intervention.
macro_rules! intervention_fields {
    ($($more:literal),*) => {
        &[
            "id",
            "conversation_id",
            "user",
            "summary",
            "department",
            "state",
            "owner",
            "queued_at",
            "assigned_at",
            "closed_at",
            "last_user_message_at",
            "last_agent_message_at",
            "tags",
            "completion",
            "version",
            "updated_at",
            $($more,)*
        ]
    };
}
pub(super) use intervention_fields;

impl Row for Intervention {
    const WIDE: &'static [&'static str] = &[
        "id",
        "state",
        "owner",
        "user",
        "waiting",
        "department",
        "tags",
        "queued",
        "summary",
    ];
    const FIELDS: &'static [&'static str] = intervention_fields!();
    const COLUMNS: &'static [&'static str] =
        &["id", "state", "owner", "user", "waiting", "summary"];
    // WAITING counts from queued_at or assigned_at, whichever the state says: no one field,
    // so its key is the instant it counts from (`shown`), the longest waiting first.
    const TITLED: &'static [(&'static str, &'static str)] =
        &[("queued", "queued_at"), ("waiting", "waiting")];
    const CSV: &'static [&'static str] = &[
        "id",
        "state",
        "owner",
        "user_id",
        "user_name",
        "channel",
        "department",
        "summary",
        "queued_at",
        "assigned_at",
        "closed_at",
        "tags",
        "version",
    ];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        let since = waiting_since(self);
        vec![
            self.id.as_str().into(),
            state(self.state),
            view.agent(self.owner.as_deref()).into(),
            self.user.name.as_str().into(),
            since
                .map(|t| age(t, view.ui.now))
                .unwrap_or_else(|| "-".into())
                .into(),
            self.summary.as_str().into(),
        ]
    }
    fn wide(&self, view: &View) -> Vec<Span> {
        let mut cells = self.cells(view);
        let summary = cells.pop().unwrap_or_else(|| Span::plain(""));
        cells.push(view.agent(self.department.as_deref()).into());
        cells.push(self.tags.join(", ").into());
        cells.push(view.ui.time(self.queued_at).into());
        cells.push(summary);
        cells
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.state.to_string(),
            opt(&self.owner),
            self.user.id.clone(),
            self.user.name.clone(),
            self.user.channel.to_string(),
            opt(&self.department),
            self.summary.clone(),
            rfc3339(self.queued_at),
            time(&self.assigned_at),
            time(&self.closed_at),
            self.tags.join(";"),
            self.version.to_string(),
        ]
    }
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        match field {
            "user" => Some(self.user.name.clone()),
            "owner" => self.owner.as_deref().map(|id| view.names.of(id)),
            "department" => self.department.as_deref().map(|id| view.names.of(id)),
            "waiting" => waiting_since(self).map(rfc3339),
            _ => None,
        }
    }
    json_is_serde!();
}

impl Row for Agent {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "email",
        "role",
        "department",
        "status",
        "status_since",
        "max_load",
        "active",
    ];
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "email",
        "role",
        "department",
        "status",
        "for",
        "max_load",
        "active",
    ];
    const CSV: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "email",
        "role",
        "department",
        "status",
        "max_load",
        "active",
        // Last: a column added after the others, so a script reading by position reads on.
        "status_since",
    ];
    const TITLED: &'static [(&'static str, &'static str)] = &[("for", "status_since")];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        let status = match self.status {
            AgentStatus::Online => Span::painted("online", Color::Green),
            AgentStatus::Away => Span::painted("away", Color::Yellow),
            AgentStatus::Offline => Span::painted("offline", Color::Grey),
        };
        vec![
            self.id.as_str().into(),
            self.key.as_deref().unwrap_or("-").into(),
            self.name.as_str().into(),
            self.email.as_str().into(),
            self.role.as_str().into(),
            view.agent(self.department.as_deref()).into(),
            status,
            age(self.status_since, view.ui.now).into(),
            self.max_load
                .map_or_else(|| "-".into(), |m| m.to_string())
                .into(),
            if self.active { "yes" } else { "no" }.into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.key),
            self.name.clone(),
            self.email.clone(),
            self.role.to_string(),
            opt(&self.department),
            self.status.to_string(),
            self.max_load.map(|m| m.to_string()).unwrap_or_default(),
            self.active.to_string(),
            rfc3339(self.status_since),
        ]
    }
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        department_shown(self.department.as_deref(), field, view)
    }
    json_is_serde!();
}

/// The name a `department` field shows, for `--sort` (an agent's, a topic's).
fn department_shown(department: Option<&str>, field: &str, view: &View) -> Option<String> {
    (field == "department")
        .then_some(department)
        .flatten()
        .map(|id| view.names.of(id))
}

macro_rules! key_and_name_row {
    ($ty:ty) => {
        impl Row for $ty {
            const FIELDS: &'static [&'static str] = &["id", "key", "name"];
            const COLUMNS: &'static [&'static str] = &["id", "key", "name"];
            const CSV: &'static [&'static str] = &["id", "key", "name"];
            fn id(&self) -> &str {
                &self.id
            }
            fn cells(&self, _: &View) -> Vec<Span> {
                self.record().into_iter().map(Span::plain).collect()
            }
            fn record(&self) -> Vec<String> {
                vec![self.id.clone(), opt(&self.key), self.name.clone()]
            }
            json_is_serde!();
        }
    };
}

key_and_name_row!(Department);
key_and_name_row!(Outcome);
key_and_name_row!(Block);

impl Row for Topic {
    const FIELDS: &'static [&'static str] = &["id", "key", "name", "department"];
    const COLUMNS: &'static [&'static str] = &["id", "key", "name", "department"];
    const CSV: &'static [&'static str] = &["id", "key", "name", "department"];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        vec![
            self.id.as_str().into(),
            opt(&self.key).into(),
            self.name.as_str().into(),
            view.agent(self.department.as_deref()).into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.key),
            self.name.clone(),
            opt(&self.department),
        ]
    }
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        department_shown(self.department.as_deref(), field, view)
    }
    json_is_serde!();
}

impl Row for HistoryRecord {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "conversation_id",
        "user",
        "channel",
        "at",
        "sender",
        "agent",
        "text",
    ];
    const COLUMNS: &'static [&'static str] = &["at", "conversation", "sender", "text"];
    const TITLED: &'static [(&'static str, &'static str)] = &[("conversation", "conversation_id")];
    const CSV: &'static [&'static str] = &[
        "id",
        "conversation_id",
        "user_id",
        "user_name",
        "channel",
        "at",
        "sender",
        "agent",
        "text",
    ];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        vec![
            view.ui.time(self.at).into(),
            self.conversation_id.as_str().into(),
            super::timeline::sender(view, self.sender, self.agent.as_deref()).into(),
            self.text.as_str().into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.conversation_id.clone(),
            self.user.id.clone(),
            self.user.name.clone(),
            self.channel.to_string(),
            rfc3339(self.at),
            self.sender.to_string(),
            opt(&self.agent),
            self.text.clone(),
        ]
    }
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        match field {
            "user" => Some(self.user.name.clone()),
            "agent" => self.agent.as_deref().map(|id| view.names.of(id)),
            _ => None,
        }
    }
    json_is_serde!();
}

impl Row for Event {
    const FIELDS: &'static [&'static str] = &[
        "seq",
        "at",
        "intervention_id",
        "actor",
        "action",
        "from_owner",
        "to_owner",
        "reason",
        "idempotency_key",
    ];
    const COLUMNS: &'static [&'static str] = &[
        "seq",
        "at",
        "intervention",
        "action",
        "actor",
        "from",
        "to",
        "reason",
    ];
    const TITLED: &'static [(&'static str, &'static str)] = &[
        ("intervention", "intervention_id"),
        ("from", "from_owner"),
        ("to", "to_owner"),
    ];
    const CSV: &'static [&'static str] = &[
        "seq",
        "at",
        "intervention_id",
        "action",
        "actor",
        "from_owner",
        "to_owner",
        "reason",
        "idempotency_key",
    ];
    fn id(&self) -> &str {
        &self.intervention_id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        vec![
            self.seq.to_string().into(),
            view.ui.format(self.at, "%Y-%m-%d %H:%M:%S %:z").into(),
            self.intervention_id.as_str().into(),
            self.action.as_str().into(),
            view.agent(Some(&self.actor)).into(),
            view.agent(self.from_owner.as_deref()).into(),
            view.agent(self.to_owner.as_deref()).into(),
            opt(&self.reason).into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.seq.to_string(),
            rfc3339(self.at),
            self.intervention_id.clone(),
            self.action.to_string(),
            self.actor.clone(),
            opt(&self.from_owner),
            opt(&self.to_owner),
            opt(&self.reason),
            opt(&self.idempotency_key),
        ]
    }
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        match field {
            "actor" => Some(view.names.of(&self.actor)),
            "from_owner" => self.from_owner.as_deref().map(|id| view.names.of(id)),
            "to_owner" => self.to_owner.as_deref().map(|id| view.names.of(id)),
            _ => None,
        }
    }
    json_is_serde!();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, ItemOutcome, ItemResult, ProfileRow, QueueRow, Stuck};
    use livectl_contract::{Action, ReasonRequest};
    use serde_json::json;

    /// The keys of a row's JSON.
    fn keys<T: Row>(row: &T) -> Vec<String> {
        let mut keys: Vec<String> = row
            .value()
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn declared<T: Row>() -> Vec<String> {
        let mut fields: Vec<String> = T::FIELDS.iter().map(|f| (*f).to_owned()).collect();
        fields.sort();
        fields
    }

    fn from<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn the_fields_of_json_are_what_each_row_declares() {
        let t = "2026-11-24T10:00:00Z";
        let intervention: Intervention = from(json!({
            "id": "iv_1", "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Ada", "channel": "web"},
            "summary": "s", "department": null, "state": "queued", "owner": null,
            "queued_at": t, "assigned_at": null, "closed_at": null,
            "last_user_message_at": null, "last_agent_message_at": null,
            "tags": [], "completion": null, "version": 1, "updated_at": t
        }));
        assert_eq!(keys(&intervention), declared::<Intervention>());
        let agent: Agent = from(
            json!({"id": "ag_1", "key": null, "name": "A", "email": "a@b",
            "role": "admin", "department": null, "status": "online", "active": true,
            "status_since": t, "max_load": 3}),
        );
        assert_eq!(keys(&agent), declared::<Agent>());
        let topic: Topic = from(json!({"id": "tp_1", "key": "k", "name": "n", "department": null}));
        assert_eq!(keys(&topic), declared::<Topic>());
        let department: Department = from(json!({"id": "dp_1", "key": "k", "name": "n"}));
        assert_eq!(keys(&department), declared::<Department>());
        let record: HistoryRecord = from(json!({"id": "msg_1", "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Ada", "channel": "web"}, "channel": "web", "at": t,
            "sender": "user", "agent": null, "text": "hi"}));
        assert_eq!(keys(&record), declared::<HistoryRecord>());
        let event: Event = from(json!({"seq": 1, "at": t, "intervention_id": "iv_1",
            "actor": "ag_1", "action": "started", "from_owner": null, "to_owner": null,
            "reason": null, "idempotency_key": null}));
        assert_eq!(keys(&event), declared::<Event>());
        let queue = QueueRow {
            queue: "general".into(),
            agent: None,
            name: None,
            status: None,
            count: 0,
            max_load: None,
            oldest_at: None,
        };
        assert_eq!(keys(&queue), declared::<QueueRow>());
        let result = ItemResult {
            id: "iv_1".into(),
            result: ItemOutcome::Failed,
            reason: Some("x".into()),
        };
        assert_eq!(keys(&result), declared::<ItemResult>());
        let item = Item {
            id: "iv_1".into(),
            version: Some(1),
            action: Action::Cancel(ReasonRequest::default()),
            refused: None,
            looked: None,
        };
        assert_eq!(keys(&item), declared::<Item>());
        let unplaced = Item {
            id: "iv_1".into(),
            version: Some(1),
            action: Action::Assign(livectl_contract::AssignRequest {
                agent: crate::model::NoRoom::pool("@online").mark(),
                reason: None,
            }),
            refused: None,
            looked: None,
        };
        assert_eq!(keys(&unplaced), declared::<Item>());
        let stuck = Stuck {
            intervention,
            reasons: Vec::new(),
            now: t.parse().unwrap(),
        };
        assert_eq!(keys(&stuck), declared::<Stuck>());
        let profile = ProfileRow {
            name: "prod".into(),
            current: true,
            default: true,
            api_url: None,
            workspace: None,
            output: None,
            logged_in: false,
            token_elsewhere: false,
            allow_insecure_http: false,
        };
        assert_eq!(keys(&profile), declared::<ProfileRow>());
    }
}
