//! Who may read what: the one place the rule of `docs/contract.md` ("Roles") is written. The
//! handlers and the event stream ask here; nothing else decides.
//!
//! - Any valid token: itself, the agents, departments, topics, outcomes, blocks and queues, and
//!   on the event stream every agent's status changes.
//! - An admin: everything.
//! - An agent: the interventions it *may see*, which are the queued ones and those it owns (in
//!   any state); through them, their conversations, their users with their history and their
//!   audit trail; on the event stream, the events of those interventions at the moment of the
//!   event.
//! - Every user, every conversation, everyone's history and the whole audit log: admins only.
//!
//! Checks take resources that exist: a handler answers 404 for an unknown id first (DESIGN.md
//! §9), then asks here (403).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

use super::Caller;
use crate::error::ApiError;
use livectl_contract::{EventAction, Intervention, InterventionState, Kind, States, StreamEvent};

/// The rule for one intervention, as SQL over `interventions i` with the agent bound at `?`.
/// `may_see` below is the same rule in Rust (the contract's `Role::sees`, which the CLI asks
/// of a filter too), `narrow` the same as disjoint ranges; keep them together.
const MAY_SEE_SQL: &str = "(i.state = 'queued' OR i.owner_id = ?)";

/// Whether `caller` may see an intervention as it is now.
pub fn may_see(caller: Caller, intervention: &Intervention) -> bool {
    caller.role.sees_every()
        || caller.role.sees(
            &Kind::Agent.id(caller.agent_id),
            intervention.state,
            intervention.owner.as_deref(),
        )
}

/// What a query over `interventions i` may return to the caller, as ranges whose union it is:
/// for each, the clause (` AND ...`) and the value it binds. An admin's is one range, with no
/// clause; an agent's are `MAY_SEE_SQL`'s two sides made disjoint: the queued interventions,
/// and its own that are not queued. Each is one index read in id order, so a page merges them
/// (`interventions::page_sql`) and costs its size; with the OR, SQLite read every queued
/// intervention after the cursor and sorted them, for every page an agent asked for. A query
/// of the queued interventions alone is every agent's whole (`states`), one range.
pub fn narrow(caller: Caller, states: &States) -> Vec<(&'static str, Option<Value>)> {
    if caller.role.sees_every() || states.as_slice() == [InterventionState::Queued] {
        return vec![("", None)];
    }
    vec![
        (" AND i.state = 'queued'", None),
        (
            " AND i.owner_id = ? AND i.state != 'queued'",
            Some(Value::Integer(caller.agent_id)),
        ),
    ]
}

/// Refuses an agent what is the admins' alone: lists of every user or conversation, everyone's
/// history, the whole audit log.
pub fn admin_only(caller: Caller, what: &str) -> Result<(), ApiError> {
    if caller.is_admin() {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "only an admin may read {what}; an agent reads the interventions it may see (queued ones \
         and its own) and what belongs to them"
    )))
}

/// 403 unless the caller may see this intervention.
pub fn intervention(caller: Caller, intervention: &Intervention) -> Result<(), ApiError> {
    if may_see(caller, intervention) {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "intervention {} is neither queued nor yours: {}; {}",
        intervention.id,
        livectl_contract::Role::AGENT_SEES,
        livectl_contract::Role::ASK_AN_ADMIN
    )))
}

/// 403 unless the caller may see an intervention of this existing conversation.
pub fn conversation(conn: &Connection, caller: Caller, id: &str) -> Result<(), ApiError> {
    if caller.is_admin() || any_seen(conn, caller, "i.conversation_id", Kind::Conversation, id)? {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "conversation {id} has no intervention you may see: an agent reads the conversations of \
         queued interventions and of its own; {}",
        livectl_contract::Role::ASK_AN_ADMIN
    )))
}

/// 403 unless the caller may see an intervention of this existing user.
pub fn user(conn: &Connection, caller: Caller, id: &str) -> Result<(), ApiError> {
    if caller.is_admin() || any_seen(conn, caller, "i.user_id", Kind::User, id)? {
        return Ok(());
    }
    Err(ApiError::Forbidden(format!(
        "user {id} has no intervention you may see: an agent reads the users of queued \
         interventions and of its own; {}",
        livectl_contract::Role::ASK_AN_ADMIN
    )))
}

/// The audit log: the admins', but an agent may ask for the events of one intervention it may
/// see. An `intervention_id` that is malformed or unknown is left to the query to refuse (400,
/// 422).
pub fn audit(
    conn: &Connection,
    caller: Caller,
    intervention_id: Option<&str>,
) -> Result<(), ApiError> {
    if caller.is_admin() {
        return Ok(());
    }
    let Some(id) = intervention_id else {
        return Err(ApiError::Forbidden(
            "only an admin may read the whole audit log; an agent asks for the events of one \
             intervention it may see with ?intervention_id="
                .into(),
        ));
    };
    let Some(n) = Kind::Intervention.parse(id) else {
        return Ok(());
    };
    let seen: Option<bool> = conn
        .prepare_cached(&format!(
            "SELECT {MAY_SEE_SQL} FROM interventions i WHERE i.id = ?"
        ))?
        .query_row(params![caller.agent_id, n], |r| r.get(0))
        .optional()?;
    if seen == Some(false) {
        return Err(ApiError::Forbidden(format!(
            "intervention {id} is neither queued nor yours: an agent reads the audit trail of \
             queued interventions and of its own; {}",
            livectl_contract::Role::ASK_AN_ADMIN
        )));
    }
    Ok(())
}

/// Whether an event goes to the caller's stream: an agent receives the events of the
/// interventions it may see at the moment of the event, just before or just after it. Queue
/// entries (started, returned) and exits (assigned or cancelled from the queue: no
/// `from_owner`), and every event whose `from_owner` or `to_owner` is the agent itself.
pub fn event(caller: Caller, event: &StreamEvent) -> bool {
    let event = match event {
        // Agents and their status are every token's to read, so are their changes.
        StreamEvent::Status(_) => return true,
        StreamEvent::Intervention(event) => event,
    };
    if caller.is_admin() {
        return true;
    }
    let me = Kind::Agent.id(caller.agent_id);
    event.from_owner.is_none()
        || matches!(event.action, EventAction::Started | EventAction::Returned)
        || event.from_owner.as_deref() == Some(me.as_str())
        || event.to_owner.as_deref() == Some(me.as_str())
}

/// Whether some intervention whose `column` is the resource `id` may be seen by the agent.
fn any_seen(
    conn: &Connection,
    caller: Caller,
    column: &str,
    kind: Kind,
    id: &str,
) -> Result<bool, ApiError> {
    let Some(n) = kind.parse(id) else {
        return Ok(false);
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT 1 FROM interventions i WHERE {column} = ? AND {MAY_SEE_SQL} LIMIT 1"
        ))?
        .exists(params![n, caller.agent_id])?)
}
