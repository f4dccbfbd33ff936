//! How each resource prints as a row.

use comfy_table::Color;

use super::{Output, Row, age};
use crate::api::models::{
    Agent, AgentQueue, Block, Department, Event, HistoryRecord, Intervention, InterventionState,
    Outcome, Topic,
};

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn time(t: &Option<jiff::Timestamp>) -> String {
    t.map(|t| t.to_string()).unwrap_or_default()
}

impl Output {
    /// An agent's name where it is known (tables), else its id.
    pub fn agent_name(&self, id: &Option<String>) -> String {
        match id {
            Some(id) => self.names.get(id).cloned().unwrap_or_else(|| id.clone()),
            None => "-".into(),
        }
    }

    pub fn state(&self, state: InterventionState) -> String {
        let color = match state {
            InterventionState::Queued => Color::Yellow,
            InterventionState::Assigned => Color::Green,
            InterventionState::Completed => Color::Blue,
            InterventionState::Cancelled => Color::DarkGrey,
        };
        self.paint(state.as_str(), color)
    }
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
    fn cells(&self, out: &Output) -> Vec<String> {
        let since = match self.state {
            InterventionState::Queued => Some(self.queued_at),
            InterventionState::Assigned => self.assigned_at,
            _ => None,
        };
        vec![
            self.id.clone(),
            out.state(self.state),
            out.agent_name(&self.owner),
            self.user.name.clone(),
            since.map(|t| age(t, out.now)).unwrap_or_else(|| "-".into()),
            self.summary.clone(),
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
    fn cells(&self, out: &Output) -> Vec<String> {
        let status = match self.status {
            crate::api::models::AgentStatus::Online => out.paint("online", Color::Green),
            crate::api::models::AgentStatus::Away => out.paint("away", Color::Yellow),
            crate::api::models::AgentStatus::Offline => out.paint("offline", Color::DarkGrey),
        };
        vec![
            self.id.clone(),
            self.name.clone(),
            self.email.clone(),
            self.role.to_string(),
            self.department
                .as_ref()
                .map(|d| out.names.get(d).cloned().unwrap_or_else(|| d.clone()))
                .unwrap_or_else(|| "-".into()),
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
}

macro_rules! named_row {
    ($ty:ty) => {
        impl Row for $ty {
            const COLUMNS: &'static [&'static str] = &["id", "key", "name"];
            const CSV: &'static [&'static str] = &["id", "key", "name"];
            fn id(&self) -> &str {
                &self.id
            }
            fn cells(&self, _: &Output) -> Vec<String> {
                self.record()
            }
            fn record(&self) -> Vec<String> {
                vec![self.id.clone(), opt(&self.key), self.name.clone()]
            }
        }
    };
}

named_row!(Department);
named_row!(Outcome);
named_row!(Block);

impl Row for Topic {
    const COLUMNS: &'static [&'static str] = &["id", "key", "name", "department"];
    const CSV: &'static [&'static str] = &["id", "key", "name", "department"];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, out: &Output) -> Vec<String> {
        let mut cells = self.record();
        cells[3] = self
            .department
            .as_ref()
            .map(|d| out.names.get(d).cloned().unwrap_or_else(|| d.clone()))
            .unwrap_or_else(|| "-".into());
        cells
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            opt(&self.key),
            self.name.clone(),
            opt(&self.department),
        ]
    }
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
    fn cells(&self, out: &Output) -> Vec<String> {
        let sender = match &self.agent {
            Some(_) => out.agent_name(&self.agent),
            None => self.sender.to_string(),
        };
        vec![
            self.at.strftime("%Y-%m-%d %H:%M").to_string(),
            self.conversation_id.clone(),
            sender,
            self.text.clone(),
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
    fn cells(&self, out: &Output) -> Vec<String> {
        vec![
            self.seq.to_string(),
            self.at.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            self.intervention_id.clone(),
            self.action.to_string(),
            out.agent_name(&Some(self.actor.clone())),
            out.agent_name(&self.from_owner),
            out.agent_name(&self.to_owner),
            opt(&self.reason),
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
}

/// One line of `livectl queues`: the general queue or an agent's My Queue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QueueRow {
    pub queue: String,
    pub agent: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub count: i64,
    pub oldest_at: Option<jiff::Timestamp>,
}

impl From<&AgentQueue> for QueueRow {
    fn from(q: &AgentQueue) -> QueueRow {
        QueueRow {
            queue: "my".into(),
            agent: Some(q.agent.clone()),
            name: Some(q.name.clone()),
            status: Some(if q.active {
                q.status.to_string()
            } else {
                "inactive".into()
            }),
            count: q.count,
            oldest_at: q.oldest_assigned_at,
        }
    }
}

impl Row for QueueRow {
    const COLUMNS: &'static [&'static str] = &["queue", "agent", "status", "count", "oldest"];
    const CSV: &'static [&'static str] =
        &["queue", "agent", "name", "status", "count", "oldest_at"];
    fn id(&self) -> &str {
        self.agent.as_deref().unwrap_or("general")
    }
    fn cells(&self, out: &Output) -> Vec<String> {
        vec![
            if self.queue == "general" {
                "general".into()
            } else {
                "My Queue".into()
            },
            self.name.clone().unwrap_or_else(|| "-".into()),
            self.status.clone().unwrap_or_else(|| "-".into()),
            self.count.to_string(),
            self.oldest_at
                .map(|t| age(t, out.now))
                .unwrap_or_else(|| "-".into()),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.queue.clone(),
            opt(&self.agent),
            opt(&self.name),
            opt(&self.status),
            self.count.to_string(),
            time(&self.oldest_at),
        ]
    }
}
