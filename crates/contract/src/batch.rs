//! `POST /v1/batch`: creations and actions in one transaction, for seeding.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{
    AdditionalProperties, Array, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType,
    Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::limits::Limit;

use crate::action::{Action, ActionKind};
use crate::requests::{ConversationInput, UpsertResult};

/// One operation of `POST /v1/batch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum BatchOp {
    /// Create or update a conversation by key, as `POST /v1/conversations`.
    Conversation { body: ConversationInput },
    /// Run an action on the intervention of a conversation.
    Action(ActionOp),
}

/// An action of a batch, on the intervention of the conversation with the key `conversation`.
/// `index` is the action's place in that intervention's life (0 for its first action): an
/// action whose place is already taken (the intervention's version is past it) is skipped, so a
/// batch sent again changes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ActionOpWire", into = "ActionOpWire")]
pub struct ActionOp {
    pub conversation: String,
    pub index: u32,
    pub action: Action,
    /// When it happened (seeding history); now when left out.
    pub at: Option<Timestamp>,
    /// The agent id it is recorded as done by, with that agent's rights; the caller when left
    /// out.
    pub actor: Option<String>,
}

/// An action of a batch as written: its name and body beside the other fields.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionOpWire {
    conversation: String,
    /// A whole number; written `3.0` it is 3 all the same, as JSON Schema counts it.
    #[serde(deserialize_with = "whole_number")]
    index: u32,
    action: ActionKind,
    /// The action's request body, as `POST /v1/interventions/{id}/{action}` takes it.
    #[serde(default)]
    body: serde_json::Value,
    /// When it happened (seeding history); now when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<Timestamp>,
    /// The agent id it is recorded as done by, with that agent's rights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actor: Option<String>,
}

/// A `u32` written as any JSON number with no fraction: `3` and `3.0` alike.
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    struct Whole;
    impl serde::de::Visitor<'_> for Whole {
        type Value = u32;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a whole number from 0 to {}", u32::MAX)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::custom(format!("{v} is out of range: {}", Whole)))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::custom(format!("{v} is out of range: {}", Whole)))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<u32, E> {
            if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                Ok(v as u32)
            } else {
                Err(E::invalid_type(serde::de::Unexpected::Float(v), &self))
            }
        }
    }
    impl std::fmt::Display for Whole {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            serde::de::Visitor::expecting(self, f)
        }
    }
    d.deserialize_any(Whole)
}

impl TryFrom<ActionOpWire> for ActionOp {
    type Error = String;
    fn try_from(w: ActionOpWire) -> Result<ActionOp, String> {
        Ok(ActionOp {
            conversation: w.conversation,
            index: w.index,
            action: Action::from_parts(w.action, w.body)?,
            at: w.at,
            actor: w.actor,
        })
    }
}

impl From<ActionOp> for ActionOpWire {
    fn from(op: ActionOp) -> ActionOpWire {
        ActionOpWire {
            conversation: op.conversation,
            index: op.index,
            action: op.action.kind(),
            body: serde_json::to_value(op.action.body()).unwrap_or_default(),
            at: op.at,
            actor: op.actor,
        }
    }
}

/// Body of `POST /v1/batch`: up to 1000 operations, applied in order in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    #[schema(schema_with = operations_schema)]
    pub operations: Vec<BatchOp>,
}

fn operations_schema() -> Array {
    ArrayBuilder::new()
        .items(Ref::from_schema_name("BatchOp"))
        .max_items(Some(Limit::BatchOperations.max()))
        .build()
}

/// The document's `BatchOp`: one closed object per operation, so that a field the server
/// refuses is one the schema refuses too. An action's `body` is that action's request body.
impl PartialSchema for BatchOp {
    fn schema() -> RefOr<Schema> {
        let op = |name: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([name]))
        };
        let conversation = ObjectBuilder::new()
            .description(Some(
                "Create or update a conversation by key, as `POST /v1/conversations`.",
            ))
            .property("op", op("conversation"))
            .property("body", Ref::from_schema_name("ConversationInput"))
            .required("op")
            .required("body")
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        let mut one_of = OneOfBuilder::new().item(conversation);
        for kind in ActionKind::ALL {
            let body: RefOr<Schema> = match kind {
                ActionKind::Assign | ActionKind::Reassign => {
                    Ref::from_schema_name("AssignRequest").into()
                }
                ActionKind::Complete => Ref::from_schema_name("CompleteRequest").into(),
                ActionKind::Return | ActionKind::Cancel => OneOfBuilder::new()
                    .item(ObjectBuilder::new().schema_type(Type::Null))
                    .item(Ref::from_schema_name("ReasonRequest"))
                    .into(),
            };
            let mut variant = ObjectBuilder::new()
                .description(Some(format!(
                    "Run `{kind}` on the intervention of the conversation with the key \
                     `conversation`, as `POST /v1/interventions/{{id}}/{kind}` would. `index` is \
                     the action's place in that intervention's life (0 for its first action): an \
                     action whose place is taken already is skipped, so a batch sent again \
                     changes nothing."
                )))
                .property("op", op("action"))
                .property(
                    "conversation",
                    ObjectBuilder::new().schema_type(Type::String),
                )
                .property(
                    "index",
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0))
                        .maximum(Some(u32::MAX)),
                )
                .property("action", op(kind.as_str()))
                .property("body", body)
                .property(
                    "at",
                    ObjectBuilder::from(crate::openapi::optional_timestamp()).description(Some(
                        "When it happened (seeding history); now when left out.",
                    )),
                )
                .property(
                    "actor",
                    ObjectBuilder::new()
                        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
                        .description(Some(
                            "The agent id it is recorded as done by, with that agent's rights; \
                             the caller when left out.",
                        )),
                )
                .required("op")
                .required("conversation")
                .required("index")
                .required("action")
                .additional_properties(Some(AdditionalProperties::FreeForm(false)));
            if !matches!(kind, ActionKind::Return | ActionKind::Cancel) {
                variant = variant.required("body");
            }
            one_of = one_of.item(variant);
        }
        one_of
            .description(Some("One operation of `POST /v1/batch`."))
            .into()
    }
}

impl ToSchema for BatchOp {}

/// What one operation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BatchOutcome {
    /// A conversation created.
    Created,
    /// A conversation changed.
    Updated,
    /// A conversation already as given.
    Unchanged,
    /// An action run.
    Applied,
    /// An action already run by an earlier batch.
    Skipped,
}

crate::words!(BatchOutcome {
    Created => "created",
    Updated => "updated",
    Unchanged => "unchanged",
    Applied => "applied",
    Skipped => "skipped",
});

impl From<UpsertResult> for BatchOutcome {
    fn from(u: UpsertResult) -> BatchOutcome {
        match u {
            UpsertResult::Created => BatchOutcome::Created,
            UpsertResult::Updated => BatchOutcome::Updated,
            UpsertResult::Unchanged => BatchOutcome::Unchanged,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchResult {
    pub result: BatchOutcome,
    /// The conversation's id, or the intervention's for an action.
    pub id: String,
    /// What the operation kept as it was though it asked otherwise: a started intervention's
    /// summary or department, which only its first load sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchResponse {
    pub results: Vec<BatchResult>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::AssignRequest;

    #[test]
    fn a_batch_action_keeps_its_wire_form_and_refuses_strangers() {
        let op = BatchOp::Action(ActionOp {
            conversation: "c1".into(),
            index: 0,
            action: Action::Assign(AssignRequest {
                agent: "ag_2".into(),
                reason: None,
            }),
            at: None,
            actor: None,
        });
        let json = serde_json::to_value(&op).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"op": "action", "conversation": "c1", "index": 0, "action": "assign", "body": {"agent": "ag_2"}})
        );
        assert_eq!(serde_json::from_value::<BatchOp>(json).unwrap(), op);
        let stranger = serde_json::json!({"op": "action", "conversation": "c1", "index": 0, "action": "assign", "body": {"agent": "ag_2"}, "colour": 1});
        assert!(serde_json::from_value::<BatchOp>(stranger).is_err());
        let misfit = serde_json::json!({"op": "action", "conversation": "c1", "index": 0, "action": "assign", "body": {}});
        let e = serde_json::from_value::<BatchOp>(misfit).unwrap_err();
        assert!(
            e.to_string().contains("the assign body does not fit"),
            "{e}"
        );
    }
}
