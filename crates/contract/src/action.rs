//! The five actions of the state machine, as one type: the client sends it, the bulk engine
//! plans and journals it, `/v1/batch` and seeding carry it, and the sandbox runs it.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::models::{EventAction, InterventionState};
use crate::requests::{AssignRequest, CompleteRequest, ReasonRequest};

/// An action's name: the last segment of `POST /v1/interventions/{id}/{action}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    Assign,
    Reassign,
    Return,
    Cancel,
    Complete,
}

crate::words!(ActionKind {
    Assign => "assign",
    Reassign => "reassign",
    Return => "return",
    Cancel => "cancel",
    Complete => "complete",
});

/// Who may run an action on an intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Any agent for itself, an admin for anyone.
    ToSelfOrAdmin,
    /// The owner or an admin (nobody owns a queued intervention, so only an admin).
    OwnerOrAdmin,
}

impl Permission {
    /// Whether an agent may run the action: an admin always; any other agent as the rule says,
    /// the caller compared with the agent the action gives the intervention `to` (assign) or
    /// with its `owner` as it stands (nobody owns a queued one). The one judgement, for the
    /// sandbox, a seed file's checks, a bulk run's dry run and the console's agent picker,
    /// each with its own kind of id.
    pub fn allows<A: PartialEq + ?Sized>(
        self,
        admin: bool,
        caller: &A,
        to: Option<&A>,
        owner: Option<&A>,
    ) -> bool {
        admin
            || match self {
                Permission::ToSelfOrAdmin => to == Some(caller),
                Permission::OwnerOrAdmin => owner == Some(caller),
            }
    }
}

/// Why an agent may not run an action (a 403), as `Permission::allows` judged it: the one
/// sentence the sandbox answers, a seed file's checks and a bulk run's dry run say, each with
/// its own names for agents (`Refusal::naming`). It speaks of the intervention as "it": each
/// caller says which one around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// An agent assigning to another agent: an admin's.
    AssignsOnlyToItself,
    /// An agent acting on what another agent owns.
    NotItsOwner(ActionKind),
    /// An agent acting on what nobody owns (a queued intervention).
    NobodyOwnsIt(ActionKind),
}

impl Refusal {
    /// The sentence, naming `me`, the agent refused, and `to`, the agent an assign names (said
    /// only for an assign), as the caller names agents: ids, or a seed file's keys.
    pub fn naming<M: fmt::Display, T: fmt::Display>(self, me: M, to: T) -> Refused<M, T> {
        Refused {
            refusal: self,
            me,
            to,
        }
    }
}

/// A `Refusal` in words, with the agents named (`Refusal::naming`).
#[derive(Debug, Clone, Copy)]
pub struct Refused<M, T> {
    refusal: Refusal,
    me: M,
    to: T,
}

impl<M: fmt::Display, T: fmt::Display> fmt::Display for Refused<M, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Refused { refusal, me, to } = self;
        match refusal {
            Refusal::AssignsOnlyToItself => write!(
                f,
                "an agent may assign only to itself ({me}); only an admin may assign to {to}"
            ),
            Refusal::NotItsOwner(kind) => {
                write!(f, "only its owner or an admin may {kind} it")
            }
            Refusal::NobodyOwnsIt(kind) => {
                write!(f, "nobody owns it, so only an admin may {kind} it")
            }
        }
    }
}

impl ActionKind {
    /// The states an intervention must be in for this action; any other is a 409.
    pub const fn allowed_from(self) -> &'static [InterventionState] {
        use InterventionState::*;
        match self {
            ActionKind::Assign => &[Queued],
            ActionKind::Reassign | ActionKind::Return | ActionKind::Complete => &[Assigned],
            ActionKind::Cancel => &[Queued, Assigned],
        }
    }

    /// The state the intervention is in afterwards.
    pub const fn leads_to(self) -> InterventionState {
        match self {
            ActionKind::Assign | ActionKind::Reassign => InterventionState::Assigned,
            ActionKind::Return => InterventionState::Queued,
            ActionKind::Cancel => InterventionState::Cancelled,
            ActionKind::Complete => InterventionState::Completed,
        }
    }

    pub const fn permission(self) -> Permission {
        match self {
            ActionKind::Assign => Permission::ToSelfOrAdmin,
            _ => Permission::OwnerOrAdmin,
        }
    }

    /// Why an agent may not run it, or None when it may (`Permission::allows`, with the same
    /// arguments): the refusal the sandbox answers 403 with, and that others foresee.
    pub fn refusal<A: PartialEq + ?Sized>(
        self,
        admin: bool,
        caller: &A,
        to: Option<&A>,
        owner: Option<&A>,
    ) -> Option<Refusal> {
        let permission = self.permission();
        if permission.allows(admin, caller, to, owner) {
            return None;
        }
        Some(match (permission, owner) {
            (Permission::ToSelfOrAdmin, _) => Refusal::AssignsOnlyToItself,
            (Permission::OwnerOrAdmin, Some(_)) => Refusal::NotItsOwner(self),
            (Permission::OwnerOrAdmin, None) => Refusal::NobodyOwnsIt(self),
        })
    }

    /// The event each action writes.
    pub const fn event(self) -> EventAction {
        match self {
            ActionKind::Assign => EventAction::Assigned,
            ActionKind::Reassign => EventAction::Reassigned,
            ActionKind::Return => EventAction::Returned,
            ActionKind::Cancel => EventAction::Cancelled,
            ActionKind::Complete => EventAction::Completed,
        }
    }

    /// Whether it can run from `state`.
    pub fn allowed(self, state: InterventionState) -> bool {
        self.allowed_from().contains(&state)
    }

    /// "queued or assigned", for messages.
    pub fn allowed_from_words(self) -> String {
        self.allowed_from()
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

/// One action with its body. On the wire, beside a name, it reads
/// `{"action": "reassign", "body": {"agent": "ag_3", "reason": "..."}}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Assign(AssignRequest),
    Reassign(AssignRequest),
    Return(ReasonRequest),
    Cancel(ReasonRequest),
    Complete(CompleteRequest),
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Assign(_) => ActionKind::Assign,
            Action::Reassign(_) => ActionKind::Reassign,
            Action::Return(_) => ActionKind::Return,
            Action::Cancel(_) => ActionKind::Cancel,
            Action::Complete(_) => ActionKind::Complete,
        }
    }

    pub fn name(&self) -> &'static str {
        self.kind().as_str()
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Action::Assign(r) | Action::Reassign(r) => r.reason.as_deref(),
            Action::Return(r) | Action::Cancel(r) => r.reason.as_deref(),
            Action::Complete(_) => None,
        }
    }

    /// The agent it hands the intervention to (assign and reassign).
    pub fn target(&self) -> Option<&str> {
        match self {
            Action::Assign(r) | Action::Reassign(r) => Some(&r.agent),
            _ => None,
        }
    }

    /// The same action handing the intervention to `agent` (assign and reassign; the others as
    /// they are): a pool's or a spread's item once its agent is picked.
    pub fn given_to(&self, agent: &str) -> Action {
        let to = |r: &AssignRequest| AssignRequest {
            agent: agent.to_owned(),
            reason: r.reason.clone(),
        };
        match self {
            Action::Assign(r) => Action::Assign(to(r)),
            Action::Reassign(r) => Action::Reassign(to(r)),
            other => other.clone(),
        }
    }

    /// The request body alone, as `POST /v1/interventions/{id}/{action}` takes it.
    pub fn body(&self) -> ActionBody<'_> {
        ActionBody(self)
    }

    /// An action from its name and its body as JSON; an empty or null body is `{}`.
    pub fn from_parts(kind: ActionKind, body: serde_json::Value) -> Result<Action, String> {
        let body = if body.is_null() {
            serde_json::Value::Object(Default::default())
        } else {
            body
        };
        let fit = |e: serde_json::Error| format!("the {kind} body does not fit: {e}");
        Ok(match kind {
            ActionKind::Assign => Action::Assign(serde_json::from_value(body).map_err(fit)?),
            ActionKind::Reassign => Action::Reassign(serde_json::from_value(body).map_err(fit)?),
            ActionKind::Return => Action::Return(serde_json::from_value(body).map_err(fit)?),
            ActionKind::Cancel => Action::Cancel(serde_json::from_value(body).map_err(fit)?),
            ActionKind::Complete => Action::Complete(serde_json::from_value(body).map_err(fit)?),
        })
    }
}

/// The body of an action, serialized without its name.
#[derive(Debug, Clone, Copy)]
pub struct ActionBody<'a>(&'a Action);

impl Serialize for ActionBody<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Action::Assign(b) | Action::Reassign(b) => b.serialize(s),
            Action::Return(b) | Action::Cancel(b) => b.serialize(s),
            Action::Complete(b) => b.serialize(s),
        }
    }
}

/// How an action is written beside other fields (journals, batches).
#[derive(Deserialize)]
struct Wire {
    action: ActionKind,
    #[serde(default)]
    body: serde_json::Value,
}

impl Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Action", 2)?;
        st.serialize_field("action", &self.kind())?;
        st.serialize_field("body", &self.body())?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        let wire = Wire::deserialize(d)?;
        Action::from_parts(wire.action, wire.body).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_round_trips_as_name_and_body() {
        let action = Action::Reassign(AssignRequest {
            agent: "ag_3".into(),
            reason: Some("shift".into()),
        });
        let json = serde_json::to_value(&action).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"action": "reassign", "body": {"agent": "ag_3", "reason": "shift"}})
        );
        assert_eq!(serde_json::from_value::<Action>(json).unwrap(), action);
        assert_eq!(
            serde_json::to_value(action.body()).unwrap(),
            serde_json::json!({"agent": "ag_3", "reason": "shift"})
        );
        let cancel: Action =
            serde_json::from_value(serde_json::json!({"action": "cancel"})).unwrap();
        assert_eq!(cancel, Action::Cancel(ReasonRequest::default()));
    }

    #[test]
    fn a_body_that_does_not_fit_its_action_is_refused() {
        let e =
            Action::from_parts(ActionKind::Assign, serde_json::json!({"reason": "x"})).unwrap_err();
        assert!(e.contains("missing field `agent`"), "{e}");
        let e = serde_json::from_value::<Action>(serde_json::json!({"action": "escalate"}))
            .unwrap_err();
        assert!(e.to_string().contains("unknown variant `escalate`"), "{e}");
    }

    /// The table of who may act (docs/contract.md, "Roles"): an admin anything; an agent
    /// assigns to itself only, and acts only on what it owns.
    #[test]
    fn who_may_act_is_one_rule() {
        let (me, other) = ("ag_2", "ag_3");
        let assign = ActionKind::Assign.permission();
        assert!(assign.allows(false, me, Some(me), None));
        assert!(!assign.allows(false, me, Some(other), None));
        assert!(!assign.allows(false, me, None, None));
        assert!(assign.allows(true, me, Some(other), None));
        for kind in [
            ActionKind::Reassign,
            ActionKind::Return,
            ActionKind::Cancel,
            ActionKind::Complete,
        ] {
            let rule = kind.permission();
            assert!(rule.allows(false, me, Some(other), Some(me)), "{kind}");
            assert!(!rule.allows(false, me, Some(me), Some(other)), "{kind}");
            assert!(
                !rule.allows(false, me, None, None),
                "{kind}: nobody owns it"
            );
            assert!(rule.allows(true, me, None, None), "{kind}");
        }
    }

    /// The sentences of a refusal, with agents named as each caller names them.
    #[test]
    fn a_refusal_says_why_in_one_sentence() {
        let said = |kind: ActionKind, to, owner| {
            kind.refusal(false, "ag_2", to, owner)
                .map(|r| r.naming("ag_2", to.unwrap_or_default()).to_string())
        };
        assert_eq!(
            said(ActionKind::Assign, Some("ag_3"), None).as_deref(),
            Some("an agent may assign only to itself (ag_2); only an admin may assign to ag_3")
        );
        assert_eq!(
            said(ActionKind::Return, None, Some("ag_3")).as_deref(),
            Some("only its owner or an admin may return it")
        );
        assert_eq!(
            said(ActionKind::Cancel, None, None).as_deref(),
            Some("nobody owns it, so only an admin may cancel it")
        );
        assert_eq!(said(ActionKind::Assign, Some("ag_2"), None), None);
        assert_eq!(said(ActionKind::Complete, None, Some("ag_2")), None);
        // An admin is never refused; names are the caller's own (a seed file's keys here).
        assert_eq!(ActionKind::Cancel.refusal(true, "al", None, None), None);
        assert_eq!(
            Refusal::AssignsOnlyToItself
                .naming("`al`", "`bo`")
                .to_string(),
            "an agent may assign only to itself (`al`); only an admin may assign to `bo`"
        );
    }

    #[test]
    fn every_state_reached_by_an_action_is_left_only_as_the_table_says() {
        for kind in ActionKind::ALL {
            assert!(!kind.allowed_from().is_empty());
            let after = kind.leads_to();
            let finals = [InterventionState::Completed, InterventionState::Cancelled];
            if finals.contains(&after) {
                assert!(
                    ActionKind::ALL.iter().all(|k| !k.allowed(after)),
                    "{after} is final"
                );
            }
        }
    }
}
