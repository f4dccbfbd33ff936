//! The seed document: everything a workspace needs, by key. YAML or JSON; described by the JSON
//! Schema in docs/seed.schema.json, generated from these types.

use std::borrow::Cow;

use jiff::{SignedDuration, Timestamp};
use schemars::JsonSchema;
use serde::de::Unexpected;
use serde::{Deserialize, Serialize};

use crate::action::ActionKind;
use crate::models::Sender;
use crate::requests::{AgentInput, NamedInput, TopicInput, UserInput, text};

/// A livectl seed file. Every entry has a `key`; loading the same file again changes nothing.
/// Departments, agents, topics, outcomes, blocks and users are written as the API's creation
/// bodies, but their references (an agent's department, a message's agent, an action's agent or
/// topic) name keys defined in the same file rather than ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    #[serde(default)]
    pub departments: Vec<NamedInput>,
    #[serde(default)]
    pub agents: Vec<AgentInput>,
    #[serde(default)]
    pub topics: Vec<TopicInput>,
    #[serde(default)]
    pub outcomes: Vec<NamedInput>,
    #[serde(default)]
    pub blocks: Vec<NamedInput>,
    /// The people chatting to the bot; created with their first conversation.
    #[serde(default)]
    pub users: Vec<UserInput>,
    #[serde(default)]
    pub conversations: Vec<ConversationSeed>,
}

impl SeedFile {
    /// The keys of users no conversation names: a user is created with its first
    /// conversation, so these are not created.
    pub fn users_without_a_conversation(&self) -> Vec<&str> {
        let named: std::collections::HashSet<&str> =
            self.conversations.iter().map(|c| c.user.as_str()).collect();
        self.users
            .iter()
            .map(|u| u.key.as_str())
            .filter(|k| !named.contains(k))
            .collect()
    }
}

/// An instant: RFC 3339 (`2026-11-24T10:00:00Z`), or `now` or `now-2h30m` (relative to when the
/// file is loaded: units d, h, m, s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instant {
    At(Timestamp),
    /// This long before the load's anchor ("now").
    BeforeNow(SignedDuration),
}

impl Instant {
    /// The instant for a load anchored at `now`.
    pub fn resolve(self, now: Timestamp) -> Timestamp {
        match self {
            Instant::At(t) => t,
            Instant::BeforeNow(d) => now.checked_sub(d).unwrap_or(Timestamp::MIN),
        }
    }
}

impl std::str::FromStr for Instant {
    type Err = String;
    fn from_str(s: &str) -> Result<Instant, String> {
        let text = s.trim();
        if text == "now" {
            return Ok(Instant::BeforeNow(SignedDuration::ZERO));
        }
        if let Some(ago) = text.strip_prefix("now-") {
            // A duration too long, negative or of no time says so (`now-10000d` was only
            // "give a duration"); only text that is no duration at all gets the example.
            return crate::duration::parse(ago)
                .map(Instant::BeforeNow)
                .map_err(|e| {
                    if e.contains("is not a duration") {
                        format!(
                            "`{s}` is not an instant: after `now-` give a duration such as 2h30m"
                        )
                    } else {
                        format!("`{s}` is not an instant: {e}")
                    }
                });
        }
        if crate::time::offset_out_of_range(text) {
            return Err(format!(
                "`{s}` is not an instant: an offset is at most +23:59 or -23:59"
            ));
        }
        text.parse::<Timestamp>().map(Instant::At).map_err(|_| {
            if crate::time::out_of_range(text) {
                crate::time::beyond(s)
            } else {
                format!("`{s}` is not an instant; use 2026-11-24T10:00:00Z, now or now-2h30m")
            }
        })
    }
}

impl std::fmt::Display for Instant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Instant::At(t) => write!(f, "{t}"),
            Instant::BeforeNow(d) if d.is_zero() => f.write_str("now"),
            Instant::BeforeNow(d) => write!(f, "now-{}", crate::duration::format(*d)),
        }
    }
}

impl Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        // Parsed inside the visitor, so a YAML error points at the value's own line.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Instant;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an instant: 2026-11-24T10:00:00Z, now or now-2h30m")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Instant, E> {
                text.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

impl JsonSchema for Instant {
    fn schema_name() -> Cow<'static, str> {
        "Instant".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "RFC 3339 (2026-11-24T10:00:00Z), or now or now-DURATION (such as now-2h30m) relative to when the file is loaded",
            "pattern": "^(now(-([0-9]+[dhms])+)?|[0-9]{4}-.+)$"
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationSeed {
    #[serde(deserialize_with = "text::required")]
    pub key: String,
    /// A user key.
    #[serde(deserialize_with = "text::required")]
    pub user: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Instant>,
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
    #[serde(deserialize_with = "text::optional")]
    pub agent: Option<String>,
    #[serde(deserialize_with = "text::required")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Instant>,
}

/// An intervention starts queued; its `actions` take it to any state through the real actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionSeed {
    #[serde(deserialize_with = "text::required")]
    pub summary: String,
    /// A department key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<Instant>,
    /// Written `- assign: bo` in YAML, `{"assign": "bo"}` in JSON.
    #[serde(default, with = "serde_yaml_ng::with::singleton_map_recursive")]
    #[schemars(with = "Vec<ActionSeed>")]
    pub actions: Vec<ActionSeed>,
}

/// One action, in order: `assign: AGENT` (or `{to, reason, at, by}`), `reassign: {to, reason}`,
/// `return: {reason}`, `cancel: {reason}`, `complete: {topic, outcome, tags, block}`. Each also
/// takes `at` (when it happened; the load's time when left out) and `by` (the agent key it is
/// recorded as done by, with that agent's rights; the loading admin when left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum ActionSeed {
    Assign(AssignSeed),
    Reassign(ReassignSeed),
    Return(#[serde(default)] ReasonSeed),
    Cancel(#[serde(default)] ReasonSeed),
    Complete(CompleteSeed),
}

/// `assign: AGENT`, or `assign: {to: AGENT, reason, at, by}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum AssignSeed {
    /// An agent key.
    To(String),
    With(ReassignSeed),
}

/// Read by what the value is (text or a map), so a map's own problem is the one said (an
/// unknown field, a missing `to`), where an untagged enum says only that no form matched.
impl<'de> Deserialize<'de> for AssignSeed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = AssignSeed;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an agent key (`assign: bo`) or a map of `to`, `reason`, `at` and `by`")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<AssignSeed, E> {
                Ok(AssignSeed::To(key.to_owned()))
            }

            // An agent key is text: a boolean, a number or null is refused as in any text
            // field.
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Bool(v)))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Signed(v)))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Unsigned(v)))
            }

            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Other(&format!("integer `{v}`"))))
            }

            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Other(&format!("integer `{v}`"))))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Float(v)))
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<AssignSeed, E> {
                Err(text::refused(Unexpected::Other("null")))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<AssignSeed, A::Error> {
                ReassignSeed::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(AssignSeed::With)
            }
        }
        deserializer.deserialize_any(Form)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignSeed {
    /// An agent key.
    #[serde(deserialize_with = "text::required")]
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub reason: Option<String>,
    /// When it happened; the load's time when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Instant>,
    /// An agent key: who did it, with that agent's rights; the loading admin when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonSeed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub reason: Option<String>,
    /// When it happened; the load's time when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Instant>,
    /// An agent key: who did it, with that agent's rights; the loading admin when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteSeed {
    /// A topic key.
    #[serde(deserialize_with = "text::required")]
    pub topic: String,
    /// An outcome key.
    #[serde(deserialize_with = "text::required")]
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "text::list")]
    pub tags: Vec<String>,
    /// A block key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub block: Option<String>,
    /// When it happened; the load's time when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Instant>,
    /// An agent key: who did it, with that agent's rights; the loading admin when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "text::optional")]
    pub by: Option<String>,
}

impl ActionSeed {
    pub fn kind(&self) -> ActionKind {
        match self {
            ActionSeed::Assign(_) => ActionKind::Assign,
            ActionSeed::Reassign(_) => ActionKind::Reassign,
            ActionSeed::Return(_) => ActionKind::Return,
            ActionSeed::Cancel(_) => ActionKind::Cancel,
            ActionSeed::Complete(_) => ActionKind::Complete,
        }
    }

    /// The agent key it hands the intervention to (assign, reassign).
    pub fn to(&self) -> Option<&str> {
        match self {
            ActionSeed::Assign(AssignSeed::To(to)) => Some(to),
            ActionSeed::Assign(AssignSeed::With(r)) | ActionSeed::Reassign(r) => Some(&r.to),
            _ => None,
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            ActionSeed::Assign(AssignSeed::To(_)) | ActionSeed::Complete(_) => None,
            ActionSeed::Assign(AssignSeed::With(r)) | ActionSeed::Reassign(r) => {
                r.reason.as_deref()
            }
            ActionSeed::Return(r) | ActionSeed::Cancel(r) => r.reason.as_deref(),
        }
    }

    /// When it happened and who did it, as written.
    pub fn done(&self) -> (Option<Instant>, Option<&str>) {
        match self {
            ActionSeed::Assign(AssignSeed::To(_)) => (None, None),
            ActionSeed::Assign(AssignSeed::With(r)) | ActionSeed::Reassign(r) => {
                (r.at, r.by.as_deref())
            }
            ActionSeed::Return(r) | ActionSeed::Cancel(r) => (r.at, r.by.as_deref()),
            ActionSeed::Complete(c) => (c.at, c.by.as_deref()),
        }
    }
}

/// The JSON Schema of the seed file, as committed under docs/.
pub fn schema() -> String {
    let schema = schemars::schema_for!(SeedFile);
    // A derived schema always serializes.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::Instant;

    #[test]
    fn an_instant_with_an_offset_past_a_day_is_refused() {
        let said = "2026-11-24T10:00:00+25:00".parse::<Instant>().unwrap_err();
        assert!(
            said.contains("an offset is at most +23:59 or -23:59"),
            "{said}"
        );
        let at = "2026-11-24T10:00:00+23:00".parse::<Instant>().unwrap();
        assert_eq!(at.to_string(), "2026-11-23T11:00:00Z");
    }

    /// What is wrong is said: a duration too long, an instant past the last one livectl holds
    /// (both were only "not an instant", with an example that was no help).
    #[test]
    fn an_instant_says_what_is_wrong_with_it() {
        for (given, said) in [
            (
                "now-10000d",
                "`now-10000d` is not an instant: `10000d` is longer than ten years",
            ),
            (
                "now-soon",
                "`now-soon` is not an instant: after `now-` give a duration such as 2h30m",
            ),
            (
                "9999-12-31T23:59:58Z",
                "`9999-12-31T23:59:58Z` is past the instants livectl holds, -009999-01-02T01:59:59Z to 9999-12-30T22:00:00Z",
            ),
            (
                "soon",
                "`soon` is not an instant; use 2026-11-24T10:00:00Z, now or now-2h30m",
            ),
        ] {
            assert_eq!(given.parse::<Instant>().unwrap_err(), said);
        }
        assert!("9999-12-30T21:00:00Z".parse::<Instant>().is_ok());
        // In range but no instant (no time, no offset): the usual words, not "past".
        for given in ["9999-06-01", "9999-06-01T10:00:00"] {
            let said = given.parse::<Instant>().unwrap_err();
            assert!(said.contains("is not an instant; use"), "{given}: {said}");
        }
    }
}
