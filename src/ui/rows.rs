//! How each resource prints as a row: its table cells for people, its CSV record, its JSON.

use super::{Color, Row, Span, View, age};
use livectl_contract::{
    Agent, AgentStatus, Block, Department, Event, HistoryRecord, Intervention, InterventionState,
    Outcome, Topic,
};

pub(super) fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

pub(super) fn time(t: &Option<jiff::Timestamp>) -> String {
    t.map(|t| t.to_string()).unwrap_or_default()
}

/// An intervention's state, coloured.
pub fn state(state: InterventionState) -> Span {
    let color = match state {
        InterventionState::Queued => Color::Yellow,
        InterventionState::Assigned => Color::Green,
        InterventionState::Completed => Color::Blue,
        InterventionState::Cancelled => Color::Grey,
    };
    Span::painted(state.as_str(), color)
}

impl Row for Intervention {
    const COLUMNS: &'static [&'static str] =
        &["id", "state", "owner", "user", "waiting", "summary"];
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
        let since = match self.state {
            InterventionState::Queued => Some(self.queued_at),
            InterventionState::Assigned => self.assigned_at,
            _ => None,
        };
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
            self.queued_at.to_string(),
            time(&self.assigned_at),
            time(&self.closed_at),
            self.tags.join(";"),
            self.version.to_string(),
        ]
    }
    json_is_serde!();
}

impl Row for Agent {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "name",
        "email",
        "role",
        "department",
        "status",
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
        "active",
    ];
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
            self.name.as_str().into(),
            self.email.as_str().into(),
            self.role.as_str().into(),
            view.agent(self.department.as_deref()).into(),
            status,
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
            self.active.to_string(),
        ]
    }
    json_is_serde!();
}

macro_rules! key_and_name_row {
    ($ty:ty) => {
        impl Row for $ty {
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
    json_is_serde!();
}

impl Row for HistoryRecord {
    const COLUMNS: &'static [&'static str] = &["at", "conversation", "sender", "text"];
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
            self.at.strftime("%Y-%m-%d %H:%M").to_string().into(),
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
            self.at.to_string(),
            self.sender.to_string(),
            opt(&self.agent),
            self.text.clone(),
        ]
    }
    json_is_serde!();
}

impl Row for Event {
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
            self.at.strftime("%Y-%m-%d %H:%M:%S").to_string().into(),
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
            self.at.to_string(),
            self.intervention_id.clone(),
            self.action.to_string(),
            self.actor.clone(),
            opt(&self.from_owner),
            opt(&self.to_owner),
            opt(&self.reason),
            opt(&self.idempotency_key),
        ]
    }
    json_is_serde!();
}
