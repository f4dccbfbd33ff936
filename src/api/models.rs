//! The resources of the Live Conversations API v1, shared by the client and the sandbox.
//!
//! Field names are the contract's; the OpenAPI document is generated from these types.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Agent,
    Admin,
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
    /// A deactivated agent receives no work.
    pub active: bool,
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
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Conversation {
    pub id: String,
    pub key: Option<String>,
    pub user: UserSummary,
    pub channel: Channel,
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
    pub queued_at: Timestamp,
    pub assigned_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub last_user_message_at: Option<Timestamp>,
    pub last_agent_message_at: Option<Timestamp>,
    pub tags: Vec<String>,
    pub completion: Option<Completion>,
    /// +1 on every change; also the ETag.
    pub version: i64,
    pub updated_at: Timestamp,
}

/// One change to an intervention: the audit log, the timeline and the live stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub seq: i64,
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
    pub count: i64,
    pub oldest_assigned_at: Option<Timestamp>,
    pub oldest_wait_seconds: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Queues {
    pub general: GeneralQueue,
    pub agents: Vec<AgentQueue>,
}

// ---- requests ----

/// Body of `assign` and `reassign`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    /// The agent who will own the intervention.
    pub agent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Body of `return` and `cancel` (may be empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Body of `complete`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteRequest {
    pub topic: String,
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentInput {
    pub key: String,
    pub name: String,
    pub email: String,
    #[serde(default = "default_role")]
    pub role: Role,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default = "default_status")]
    pub status: AgentStatus,
    #[serde(default = "default_true")]
    pub active: bool,
}

fn default_role() -> Role {
    Role::Agent
}
fn default_status() -> AgentStatus {
    AgentStatus::Online
}
fn default_true() -> bool {
    true
}

/// Body to create a department, an outcome or a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedInput {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicInput {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    pub sender: Sender,
    #[serde(default)]
    pub agent: Option<String>,
    pub text: String,
    #[serde(default)]
    pub at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionInput {
    pub summary: String,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub queued_at: Option<Timestamp>,
}

/// Body to create a conversation, and start an intervention on it when `intervention` is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationInput {
    pub key: String,
    pub user: UserInput,
    #[serde(default)]
    pub started_at: Option<Timestamp>,
    #[serde(default)]
    pub messages: Vec<MessageInput>,
    #[serde(default)]
    pub intervention: Option<InterventionInput>,
}

/// Answer to a conversation creation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConversationCreated {
    pub conversation_id: String,
    pub user_id: String,
    /// The intervention started on this conversation, if any.
    pub intervention: Option<Intervention>,
}

/// An RFC 9457 problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    /// The intervention as it is now, on 409 and 412.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<Intervention>>,
}

// ---- query parameters ----

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1 to 1000 (default 100).
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InterventionQuery {
    /// One state or a comma-separated list, e.g. `queued,assigned`.
    pub state: Option<String>,
    /// An agent id, or `none` for interventions without an owner.
    pub owner: Option<String>,
    pub department: Option<String>,
    pub tag: Option<String>,
    pub queued_before: Option<Timestamp>,
    pub queued_after: Option<Timestamp>,
    pub updated_after: Option<Timestamp>,
    /// 1 to 1000 (default 100).
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// Only records at or after this instant.
    pub since: Option<Timestamp>,
    /// Only records before this instant.
    pub until: Option<Timestamp>,
    /// 1 to 1000 (default 100).
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub intervention_id: Option<String>,
    pub actor: Option<String>,
    pub action: Option<EventAction>,
    /// Only events with a greater seq.
    pub after: Option<i64>,
    /// 1 to 1000 (default 100).
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConversationQuery {
    pub user: Option<String>,
    /// 1 to 1000 (default 100).
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventStreamQuery {
    /// Start after this seq (same as the `Last-Event-ID` header, which wins).
    pub after: Option<i64>,
}

/// `as_str`, `FromStr` and `Display` for the contract's enumerations, in their wire spelling.
macro_rules! words {
    ($ty:ident { $($var:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$var),+];
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$var => $s),+ }
            }
        }
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(format!("`{s}` is not one of: {}", [$($s),+].join(", "))),
                }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
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

/// One operation of `POST /v1/batch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum BatchOp {
    /// Create or update a conversation by key, as `POST /v1/conversations`.
    Conversation { body: ConversationInput },
    /// Run an action on the intervention of the conversation with this key. `index` is the
    /// action's place in that intervention's life (0 for its first action): an action whose
    /// place is already taken (the intervention's version is past it) is skipped, so a batch
    /// sent again changes nothing.
    Action {
        conversation: String,
        action: String,
        index: u32,
        #[serde(default)]
        body: serde_json::Value,
    },
}

/// Body of `POST /v1/batch`: up to 1000 operations, applied in order in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    pub operations: Vec<BatchOp>,
}

/// What one operation did: `created`, `updated`, `unchanged` (conversations), `applied` or
/// `skipped` (actions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchResult {
    pub result: String,
    /// The conversation's id, or the intervention's for an action.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchResponse {
    pub results: Vec<BatchResult>,
}
