//! An agent's status as something that changes: the request that changes it, the event each
//! change writes, and the event stream's two kinds of event (an intervention's change, an
//! agent's status change) in one `seq` space, so `Last-Event-ID` resumes across both.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::models::{AgentStatus, Event};

/// Why a status said to begin `at` cannot, `now`: it begins later, so it would never age (`stuck`
/// and the autopilot's grace would wait for it). A minute's leeway for a client's clock ahead of
/// the platform's. The one rule, for the API's upsert and a seed file's check alike.
pub fn began_later(at: Timestamp, now: Timestamp) -> Option<String> {
    (at > now + jiff::SignedDuration::from_mins(1)).then(|| {
        format!(
            "{} is in the future; a status began at or before now",
            crate::time::rfc3339(at)
        )
    })
}

/// Body of `POST /v1/agents/{id}/status`: an agent sets its own status, an admin anyone's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    pub status: AgentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::openapi::reason)]
    pub reason: Option<String>,
}

/// One change of an agent's status: who changed whose, from what to what, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatusEvent {
    /// In the same sequence as the interventions' events.
    pub seq: i64,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub at: Timestamp,
    /// The agent whose status changed.
    pub agent: String,
    /// Who changed it: the agent itself, an admin, or `system`.
    pub actor: String,
    pub from: AgentStatus,
    pub to: AgentStatus,
    pub reason: Option<String>,
    pub idempotency_key: Option<String>,
}

/// The response header of `GET /v1/events` that says the seq the stream starts after: a
/// client that saw no event before its connection dropped resumes from it.
pub const EVENTS_AFTER: &str = "events-after";

/// What `GET /v1/events` sends: each with its SSE `event:` type (`intervention` or `status`),
/// `id:` its seq.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent {
    Intervention(Event),
    Status(StatusEvent),
}

impl StreamEvent {
    /// The SSE `event:` type of an intervention's change.
    pub const INTERVENTION: &'static str = "intervention";
    /// The SSE `event:` type of an agent's status change.
    pub const STATUS: &'static str = "status";

    pub fn seq(&self) -> i64 {
        match self {
            StreamEvent::Intervention(e) => e.seq,
            StreamEvent::Status(e) => e.seq,
        }
    }

    /// Its SSE `event:` type.
    pub fn kind(&self) -> &'static str {
        match self {
            StreamEvent::Intervention(_) => StreamEvent::INTERVENTION,
            StreamEvent::Status(_) => StreamEvent::STATUS,
        }
    }

    /// Its `data:`, as JSON.
    pub fn data(&self) -> serde_json::Result<String> {
        match self {
            StreamEvent::Intervention(e) => serde_json::to_string(e),
            StreamEvent::Status(e) => serde_json::to_string(e),
        }
    }

    /// An event read from the stream: its `event:` type (an empty one is an intervention's, as
    /// before status events existed) and its `data:`.
    pub fn decode(kind: &str, data: &str) -> Result<StreamEvent, String> {
        match kind {
            "" | StreamEvent::INTERVENTION => serde_json::from_str(data)
                .map(StreamEvent::Intervention)
                .map_err(|e| e.to_string()),
            StreamEvent::STATUS => serde_json::from_str(data)
                .map(StreamEvent::Status)
                .map_err(|e| e.to_string()),
            other => Err(format!(
                "an event of a type this livectl does not know: `{other}`"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clock a little ahead is not a status from the future; two minutes is.
    #[test]
    fn a_status_may_begin_up_to_a_minute_ahead_of_now() {
        let now: Timestamp = "2026-11-24T12:00:00Z".parse().unwrap();
        let ahead = |secs| began_later(now + jiff::SignedDuration::from_secs(secs), now);
        assert_eq!(ahead(-3600), None);
        assert_eq!(ahead(60), None);
        assert_eq!(
            ahead(120).as_deref(),
            Some("2026-11-24T12:02:00.000Z is in the future; a status began at or before now")
        );
    }
}
