//! `POST /v1/batch`: creations and actions in one transaction, for seeding.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::action::{Action, ActionKind};
use crate::requests::{ConversationInput, UpsertResult};

/// One operation of `POST /v1/batch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum BatchOp {
    /// Create or update a conversation by key, as `POST /v1/conversations`.
    Conversation { body: ConversationInput },
    /// Run an action on the intervention of a conversation.
    Action(#[schema(inline)] ActionOp),
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

impl utoipa::PartialSchema for ActionOp {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        ActionOpWire::schema()
    }
}

impl utoipa::ToSchema for ActionOp {
    fn name() -> std::borrow::Cow<'static, str> {
        ActionOpWire::name()
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        ActionOpWire::schemas(schemas)
    }
}

/// An action of a batch as written: its name and body beside the other fields.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ActionOp)]
pub struct ActionOpWire {
    conversation: String,
    index: u32,
    action: ActionKind,
    /// The action's request body, as `POST /v1/interventions/{id}/{action}` takes it.
    #[serde(default)]
    #[schema(value_type = Object)]
    body: serde_json::Value,
    /// When it happened (seeding history); now when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    at: Option<Timestamp>,
    /// The agent id it is recorded as done by, with that agent's rights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actor: Option<String>,
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
    pub operations: Vec<BatchOp>,
}

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
