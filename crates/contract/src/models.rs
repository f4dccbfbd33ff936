//! The resources of the Live Conversations API v1, shared by the client and the sandbox.
//!
//! Field names are the contract's; the OpenAPI document is generated from these types.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Agent,
    Admin,
}

impl Role {
    /// What an agent sees, in the words every message about it uses.
    pub const AGENT_SEES: &str = "an agent sees the queued interventions and its own";

    /// What a refusal for the caller's role says to do, at its end: a client adds no hint
    /// saying it again when a refusal's detail ends so.
    pub const ASK_AN_ADMIN: &str = "ask an admin";

    /// Whether this role sees every intervention (an admin's), rather than some (`sees`).
    pub fn sees_every(self) -> bool {
        self == Role::Admin
    }

    /// Whether agent `me`, of this role, may see an intervention in `state` owned by `owner`
    /// (docs/contract.md, "Roles"): an admin sees every one; an agent the queued ones and its
    /// own, in any state. The sandbox's handlers and event stream ask it, and so does the CLI
    /// of a filter (`InterventionQuery::unseen_by`).
    pub fn sees(self, me: &str, state: InterventionState, owner: Option<&str>) -> bool {
        self.sees_every() || state == InterventionState::Queued || owner == Some(me)
    }

    /// Whether agent `me`, of this role, sees the work `owner` holds (`sees` of an assigned
    /// one): a filter by that owner, a picker of owners, a colleague's My Queue.
    pub fn sees_owner(self, me: &str, owner: &str) -> bool {
        self.sees(me, InterventionState::Assigned, Some(owner))
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum AgentStatus {
    Online,
    Away,
    Offline,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Web,
    Whatsapp,
    Messenger,
    Teams,
    Sms,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Sender {
    User,
    Bot,
    Agent,
    System,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum InterventionState {
    Queued,
    Assigned,
    Completed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventAction {
    Started,
    Assigned,
    Reassigned,
    Returned,
    Cancelled,
    Completed,
    Tagged,
}

/// A person who answers users, and maybe supervises other agents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Agent {
    pub id: String,
    /// The caller-chosen key it was created with (null for the built-in admin).
    pub key: Option<String>,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub department: Option<String>,
    pub status: AgentStatus,
    /// When its status last changed (when it was created, for one whose status never changed).
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub status_since: Timestamp,
    /// How many assigned interventions it takes at most (its My Queue's count); null for no
    /// limit. An assign or reassign that would take it past this is 409 `at_capacity`.
    #[schema(schema_with = crate::openapi::max_load)]
    pub max_load: Option<u32>,
    /// A deactivated agent receives no work.
    pub active: bool,
}

/// The workspace a token belongs to: every resource of the API lives in one. Its id never
/// changes, so a client can tell one workspace from another whatever address it is reached at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Workspace {
    /// `ws_` and 24 random hex digits, made once when the workspace is created.
    pub id: String,
    pub name: String,
}

/// `GET /v1/me`: the agent the token belongs to, and the workspace it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Me {
    #[serde(flatten)]
    pub agent: Agent,
    pub workspace: Workspace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Department {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
}

/// A wrap-up topic; its department is where conversations on it are routed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Topic {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
    pub department: Option<String>,
}

/// An outcome (and, with the same shape, a closing block).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Outcome {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
}

/// A content block the bot sends to the user when a takeover is completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Block {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
}

/// The person chatting to the bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub id: String,
    pub key: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UserSummary {
    pub id: String,
    pub name: String,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Message {
    pub id: String,
    pub sender: Sender,
    /// The agent's id, for agent messages.
    pub agent: Option<String>,
    pub text: String,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Conversation {
    pub id: String,
    pub key: Option<String>,
    pub user: UserSummary,
    pub channel: Channel,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub started_at: Timestamp,
    pub messages: Vec<Message>,
}

/// The wrap-up of a completed intervention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Completion {
    pub topic: String,
    pub outcome: String,
    pub tags: Vec<String>,
    pub block: Option<String>,
    pub completed_by: String,
}

/// A human takeover of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Intervention {
    pub id: String,
    pub conversation_id: String,
    pub user: UserSummary,
    pub summary: String,
    pub department: Option<String>,
    pub state: InterventionState,
    /// The owning agent's id, or null while queued or cancelled from the queue.
    pub owner: Option<String>,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub queued_at: Timestamp,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub assigned_at: Option<Timestamp>,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub closed_at: Option<Timestamp>,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub last_user_message_at: Option<Timestamp>,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub last_agent_message_at: Option<Timestamp>,
    pub tags: Vec<String>,
    pub completion: Option<Completion>,
    /// +1 on every change; also the ETag.
    pub version: i64,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub updated_at: Timestamp,
}

/// An intervention in part: what a bulk run plans from (`GET /v1/interventions/refs`), the
/// same fields as in an `Intervention`. A run over many thousands would otherwise have the
/// platform write, and itself read, the user, the timestamps and the tags for nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InterventionRef {
    pub id: String,
    pub department: Option<String>,
    pub state: InterventionState,
    /// The owning agent's id, or null while queued or cancelled from the queue.
    pub owner: Option<String>,
    /// +1 on every change; also the ETag.
    pub version: i64,
}

impl From<&Intervention> for InterventionRef {
    fn from(i: &Intervention) -> InterventionRef {
        InterventionRef {
            id: i.id.clone(),
            department: i.department.clone(),
            state: i.state,
            owner: i.owner.clone(),
            version: i.version,
        }
    }
}

/// One change to an intervention: the audit log, the timeline and the live stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub seq: i64,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub at: Timestamp,
    pub intervention_id: String,
    /// An agent id, or `system`.
    pub actor: String,
    pub action: EventAction,
    pub from_owner: Option<String>,
    pub to_owner: Option<String>,
    pub reason: Option<String>,
    pub idempotency_key: Option<String>,
}

/// One message of a user's history, with the conversation it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HistoryRecord {
    pub id: String,
    pub conversation_id: String,
    pub user: UserSummary,
    pub channel: Channel,
    #[schema(schema_with = crate::openapi::timestamp)]
    #[serde(with = "crate::time::exact")]
    pub at: Timestamp,
    pub sender: Sender,
    pub agent: Option<String>,
    pub text: String,
}

/// A page of a list: follow `next_cursor` until it is null.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GeneralQueue {
    pub count: i64,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub oldest_queued_at: Option<Timestamp>,
    /// Seconds the oldest queued intervention has waited.
    pub oldest_wait_seconds: Option<i64>,
}

/// One agent's My Queue: the assigned interventions it owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AgentQueue {
    pub agent: String,
    pub name: String,
    pub status: AgentStatus,
    pub active: bool,
    /// Its capacity: how many assigned interventions it takes at most; null for no limit.
    #[schema(schema_with = crate::openapi::max_load)]
    pub max_load: Option<u32>,
    pub count: i64,
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    #[serde(default, with = "crate::time::exact_or_null")]
    pub oldest_assigned_at: Option<Timestamp>,
    pub oldest_wait_seconds: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Queues {
    pub general: GeneralQueue,
    pub agents: Vec<AgentQueue>,
}

words!(Role { Agent => "agent", Admin => "admin" });
words!(AgentStatus { Online => "online", Away => "away", Offline => "offline" });
words!(Channel { Web => "web", Whatsapp => "whatsapp", Messenger => "messenger", Teams => "teams", Sms => "sms" });
words!(Sender { User => "user", Bot => "bot", Agent => "agent", System => "system" });
words!(InterventionState { Queued => "queued", Assigned => "assigned", Completed => "completed", Cancelled => "cancelled" });
words!(EventAction {
    Started => "started",
    Assigned => "assigned",
    Reassigned => "reassigned",
    Returned => "returned",
    Cancelled => "cancelled",
    Completed => "completed",
    Tagged => "tagged",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// An intervention with every field set, read as a ref: the same values as its ref, so a
    /// field renamed in one of the two breaks this rather than the promise that the refs are
    /// the listing's items in part.
    #[test]
    fn a_ref_reads_the_same_fields_of_an_intervention() {
        let at: Timestamp = "2026-11-28T12:00:00Z".parse().unwrap();
        let full = Intervention {
            id: "iv_7".into(),
            conversation_id: "cv_1".into(),
            user: UserSummary {
                id: "us_1".into(),
                name: "Zoé".into(),
                channel: Channel::Web,
            },
            summary: "refund".into(),
            department: Some("dp_2".into()),
            state: InterventionState::Assigned,
            owner: Some("ag_3".into()),
            queued_at: at,
            assigned_at: Some(at),
            closed_at: None,
            last_user_message_at: Some(at),
            last_agent_message_at: None,
            tags: vec!["vip".into()],
            completion: None,
            version: 9,
            updated_at: at,
        };
        let json = serde_json::to_string(&full).unwrap();
        let read: InterventionRef = serde_json::from_str(&json).unwrap();
        assert_eq!(read, InterventionRef::from(&full));
        assert_eq!(
            (
                read.id.as_str(),
                read.department.as_deref(),
                read.owner.as_deref(),
                read.version
            ),
            ("iv_7", Some("dp_2"), Some("ag_3"), 9)
        );
    }
}
