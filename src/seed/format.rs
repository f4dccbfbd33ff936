//! The seed file: everything a workspace needs, by key. YAML or JSON; described by the JSON
//! Schema in docs/seed.schema.json, generated from these types.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::api::models::{AgentStatus, Channel, Role, Sender};

/// A livectl seed file. Every entry has a `key`; loading the same file again changes nothing.
/// References (an agent's department, a message's agent, an action's agent or topic) name keys
/// defined in the same file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    #[serde(default)]
    pub departments: Vec<Named>,
    #[serde(default)]
    pub agents: Vec<AgentSeed>,
    #[serde(default)]
    pub topics: Vec<TopicSeed>,
    #[serde(default)]
    pub outcomes: Vec<Named>,
    #[serde(default)]
    pub blocks: Vec<Named>,
    /// The people chatting to the bot; created with their first conversation.
    #[serde(default)]
    pub users: Vec<UserSeed>,
    #[serde(default)]
    pub conversations: Vec<ConversationSeed>,
}

/// A department, an outcome or a closing block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentSeed {
    pub key: String,
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A department key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AgentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicSeed {
    pub key: String,
    pub name: String,
    /// A department key: where conversations on this topic are routed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserSeed {
    pub key: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationSeed {
    pub key: String,
    /// A user key.
    pub user: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default)]
    pub messages: Vec<MessageSeed>,
    /// The human takeover of this conversation, if the bot could not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention: Option<InterventionSeed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageSeed {
    pub sender: Sender,
    /// An agent key, for agent messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// An intervention starts queued; its `actions` take it to any state through the real actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionSeed {
    pub summary: String,
    /// A department key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<Timestamp>,
    /// Written `- assign: bo` in YAML, `{"assign": "bo"}` in JSON.
    #[serde(default, with = "serde_yaml_ng::with::singleton_map_recursive")]
    #[schemars(with = "Vec<ActionSeed>")]
    pub actions: Vec<ActionSeed>,
}

/// One action, in order: `assign: AGENT`, `reassign: {to: AGENT, reason}`, `return: {reason}`,
/// `cancel: {reason}`, `complete: {topic, outcome, tags, block}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum ActionSeed {
    /// An agent key.
    Assign(String),
    Reassign(ReassignSeed),
    Return(#[serde(default)] ReasonSeed),
    Cancel(#[serde(default)] ReasonSeed),
    Complete(CompleteSeed),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignSeed {
    /// An agent key.
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonSeed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteSeed {
    /// A topic key.
    pub topic: String,
    /// An outcome key.
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A block key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
}

/// The JSON Schema of the seed file, as committed under docs/.
pub fn schema() -> String {
    let mut text =
        serde_json::to_string_pretty(&schemars::schema_for!(SeedFile)).unwrap_or_default();
    text.push('\n');
    text
}
