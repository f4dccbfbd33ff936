//! Request bodies, and the answers of creations.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::models::{AgentStatus, Channel, Intervention, Role, Sender};

/// Text as a seed document or a creation body writes it: a string, never a boolean, a number
/// or null taken for the words they look like (YAML hands `name: true` to a string field as
/// "true"). Each of those is refused as JSON refuses it, `invalid type: boolean `true`, expected
/// a string`, which the seed reader says in the document's words.
pub(crate) mod text {
    use serde::de::{Deserialize, Deserializer, Error, Unexpected, Visitor};

    struct Text(String);

    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
            struct Strict;
            impl Visitor<'_> for Strict {
                type Value = Text;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a string")
                }
                fn visit_str<E: Error>(self, v: &str) -> Result<Text, E> {
                    Ok(Text(v.to_owned()))
                }
                fn visit_string<E: Error>(self, v: String) -> Result<Text, E> {
                    Ok(Text(v))
                }
                // Beyond 64 bits, and null, said as the others are (serde's defaults would say
                // "as u128" and "unit value").
                fn visit_i128<E: Error>(self, v: i128) -> Result<Text, E> {
                    Err(refused(Unexpected::Other(&format!("integer `{v}`"))))
                }
                fn visit_u128<E: Error>(self, v: u128) -> Result<Text, E> {
                    Err(refused(Unexpected::Other(&format!("integer `{v}`"))))
                }
                fn visit_unit<E: Error>(self) -> Result<Text, E> {
                    Err(refused(Unexpected::Other("null")))
                }
            }
            // By what the value is, so that YAML's `true` is a boolean here as anywhere.
            d.deserialize_any(Strict)
        }
    }

    /// What is not text, refused where text is expected: `invalid type: ..., expected a
    /// string`.
    pub(crate) fn refused<E: Error>(what: Unexpected) -> E {
        E::invalid_type(what, &"a string")
    }

    pub(crate) fn required<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Text::deserialize(d).map(|t| t.0)
    }

    /// Null is left out, as for any optional field.
    pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Option::<Text>::deserialize(d).map(|t| t.map(|t| t.0))
    }

    pub(crate) fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Vec::<Text>::deserialize(d).map(|l| l.into_iter().map(|t| t.0).collect())
    }
}

/// Body of `assign` and `reassign`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    /// The agent who will own the intervention.
    pub agent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::openapi::reason)]
    pub reason: Option<String>,
}

/// Body of `return` and `cancel` (may be empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::openapi::reason)]
    pub reason: Option<String>,
}

/// Body of `complete`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteRequest {
    pub topic: String,
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(schema_with = crate::openapi::tags)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
}

/// An agent, created or updated by its key. Seed files write the same, with keys for ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgentInput {
    #[schema(schema_with = crate::openapi::key)]
    #[serde(deserialize_with = "text::required")]
    pub key: String,
    #[schema(schema_with = crate::openapi::name)]
    #[serde(deserialize_with = "text::required")]
    pub name: String,
    #[schema(schema_with = crate::openapi::email)]
    #[serde(deserialize_with = "text::required")]
    pub email: String,
    /// `agent` when left out.
    #[serde(default = "default_role")]
    pub role: Role,
    /// Its department: an id (a key in a seed file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub department: Option<String>,
    /// `online` when left out.
    #[serde(default = "default_status")]
    pub status: AgentStatus,
    /// When that status began, to seed a workspace whose agents went away or offline earlier:
    /// RFC 3339 (a seed file also takes `now-3h`). It counts when the upsert creates the agent
    /// or changes its status, and dates the change's `status` event; now when left out. An
    /// upsert that leaves the status as it was keeps the agent's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::openapi::status_since_input)]
    pub status_since: Option<crate::seed::Instant>,
    /// A deactivated agent receives no work; active when left out.
    #[serde(default = "default_active")]
    pub active: bool,
    /// How many assigned interventions it takes at most: 0 to the limit; no limit when left
    /// out or null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::openapi::max_load_input)]
    pub max_load: Option<MaxLoadInput>,
}

/// An agent's `max_load` as written: any value, so that one that is negative, too large or not
/// a whole number is a 422 (or a seed file's problem on its line) naming the field, rather than
/// a body that does not parse. `check` says whether it is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct MaxLoadInput(pub serde_json::Value);

impl MaxLoadInput {
    /// The capacity, or why the value is not one.
    pub fn check(&self) -> Result<u32, String> {
        match self.0.as_i64() {
            Some(n) => crate::limits::max_load(n),
            // A whole number written as a float (`1e2`, `100.0`) is that number.
            None => match self.0.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() <= 1e15 => crate::limits::max_load(f as i64),
                _ => Err(Self::refusal(&self.0.to_string())),
            },
        }
    }

    /// Why a value, shown as `written`, is not a capacity.
    pub fn refusal(written: &str) -> String {
        format!(
            "must be a whole number from 0 to {} (null for no limit), not {written}",
            crate::Limit::MaxLoad.max()
        )
    }
}

/// Any value reads, as JSON's: an integer beyond 64 bits (which YAML hands over whole, and a
/// JSON value cannot hold) as the nearest float, a float that is not a number as its text, so
/// that each is refused as a value out of range (`check`) and never read as no limit or as a
/// document that does not parse.
impl<'de> Deserialize<'de> for MaxLoadInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::written::Written::deserialize(deserializer).map(|w| MaxLoadInput(w.into_json()))
    }
}

impl From<u32> for MaxLoadInput {
    fn from(n: u32) -> MaxLoadInput {
        MaxLoadInput(n.into())
    }
}

impl JsonSchema for MaxLoadInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaxLoad".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["integer", "null"],
            "minimum": 0,
            "maximum": crate::Limit::MaxLoad.max(),
            "description": "How many assigned interventions the agent takes at most; no limit when null or left out"
        })
    }
}

impl AgentInput {
    /// The role of an agent whose `role` is left out.
    pub const DEFAULT_ROLE: Role = Role::Agent;
    /// The status of an agent whose `status` is left out.
    pub const DEFAULT_STATUS: AgentStatus = AgentStatus::Online;
    /// Whether an agent whose `active` is left out is active.
    pub const DEFAULT_ACTIVE: bool = true;
}

fn default_role() -> Role {
    AgentInput::DEFAULT_ROLE
}
fn default_status() -> AgentStatus {
    AgentInput::DEFAULT_STATUS
}
fn default_active() -> bool {
    AgentInput::DEFAULT_ACTIVE
}

/// A department, an outcome or a closing block, created or renamed by its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedInput {
    #[schema(schema_with = crate::openapi::key)]
    #[serde(deserialize_with = "text::required")]
    pub key: String,
    #[schema(schema_with = crate::openapi::name)]
    #[serde(deserialize_with = "text::required")]
    pub name: String,
}

/// A wrap-up topic, created or updated by its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicInput {
    #[schema(schema_with = crate::openapi::key)]
    #[serde(deserialize_with = "text::required")]
    pub key: String,
    #[schema(schema_with = crate::openapi::name)]
    #[serde(deserialize_with = "text::required")]
    pub name: String,
    /// Where conversations on this topic are routed: a department id (a key in a seed file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub department: Option<String>,
}

/// The person chatting to the bot, created with their first conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    #[schema(schema_with = crate::openapi::key)]
    #[serde(deserialize_with = "text::required")]
    pub key: String,
    #[schema(schema_with = crate::openapi::name)]
    #[serde(deserialize_with = "text::required")]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::optional_email)]
    #[serde(deserialize_with = "text::optional")]
    pub email: Option<String>,
    pub channel: Channel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    pub sender: Sender,
    #[serde(default)]
    pub agent: Option<String>,
    #[schema(schema_with = crate::openapi::message_text)]
    pub text: String,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    pub at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionInput {
    #[schema(schema_with = crate::openapi::summary)]
    pub summary: String,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::optional_timestamp)]
    pub queued_at: Option<Timestamp>,
}

/// Body to create a conversation, and start an intervention on it when `intervention` is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationInput {
    #[schema(schema_with = crate::openapi::key)]
    pub key: String,
    pub user: UserInput,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::optional_timestamp)]
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

/// What a creation by key did, as the `Upsert-Result` header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UpsertResult {
    Created,
    Updated,
    Unchanged,
}

crate::words!(UpsertResult {
    Created => "created",
    Updated => "updated",
    Unchanged => "unchanged",
});

impl UpsertResult {
    /// 201 for a creation, 200 otherwise.
    pub const fn status(self) -> u16 {
        match self {
            UpsertResult::Created => 201,
            _ => 200,
        }
    }
}
