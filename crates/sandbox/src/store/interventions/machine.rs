//! The state machine: one action on one intervention, checked in the contract's order (404,
//! may the caller see it 403, If-Match 412, state 409, role 403, body 422), its change and its
//! one event written in the caller's transaction.

use jiff::Timestamp;
use rusqlite::{Connection, Transaction, params};

use super::{get_intervention, intervention_by_row};
use crate::error::ApiError;
use crate::store::catalog::by_row;
use crate::store::events::{NewEvent, insert_event};
use crate::store::{Caller, ms, reference, ts, visibility};
use livectl_contract::limits::{self, Limit};
use livectl_contract::{Action, Agent, Intervention, InterventionState, Kind};

/// The checks of an action `kind` on intervention `id` that its body has no part in, in the
/// contract's order: it exists (404), the caller may see it (403), `if_match` is its version
/// (412), its state allows the action (409). The intervention as it is, when all pass; an
/// incomplete body's 422 comes after them (`http::interventions::act`).
pub fn judge(
    tx: &Transaction,
    caller: Caller,
    id: &str,
    kind: livectl_contract::ActionKind,
    if_match: Option<i64>,
) -> Result<Intervention, ApiError> {
    let current = get_intervention(tx, id)?;
    // Before anything that answers with the intervention (a 409 or 412 carries it whole) or
    // names its owner: an agent learns nothing of one it may not see.
    visibility::intervention(caller, &current)?;
    if let Some(expected) = if_match
        && expected != current.version
    {
        return Err(ApiError::Precondition {
            expected,
            current: Box::new(current),
        });
    }
    if !kind.allowed(current.state) {
        return Err(ApiError::InvalidTransition {
            detail: format!(
                "cannot {kind} intervention {id}: it is {}; {kind} needs it {}",
                current.state,
                kind.allowed_from_words()
            ),
            current: Box::new(current),
        });
    }
    Ok(current)
}

/// Runs one action on one intervention, writing its one event in the same transaction.
///
/// The answer is the intervention as read at the start with the columns each UPDATE sets set
/// beside it, not read again (a second read with its joins was about 4% of the server's CPU
/// under wrk); a completion, whose answer names its topic, outcome and block, is read again.
/// In debug builds (every test) the answer is compared with the row as stored.
pub fn act(
    tx: &Transaction,
    caller: Caller,
    id: &str,
    action: &Action,
    if_match: Option<i64>,
    key: Option<&str>,
    now: Timestamp,
) -> Result<Intervention, ApiError> {
    let kind = action.kind();
    let current = judge(tx, caller, id, kind, if_match)?;
    let n = Kind::Intervention.parse(id).unwrap_or(0);
    let owner = current.owner.as_deref().and_then(|o| Kind::Agent.parse(o));
    // Ids have one spelling (`Kind::parse`), so their numbers compare as the ids do.
    let to = action.target().and_then(|to| Kind::Agent.parse(to));
    // Checked after `visibility::intervention`: an agent gets here only for a queued one (no
    // owner) or its own, so no owner is ever named to it.
    if let Some(refusal) = kind.refusal(
        caller.is_admin(),
        &caller.agent_id,
        to.as_ref(),
        owner.as_ref(),
    ) {
        let me = Kind::Agent.id(caller.agent_id);
        let to = action.target().unwrap_or_default();
        return Err(ApiError::Forbidden(format!(
            "cannot {kind} intervention {id}: {}",
            refusal.naming(me, to)
        )));
    }
    if let Some(reason) = action.reason() {
        Limit::ReasonLength
            .length(reason)
            .map_err(|e| ApiError::Validation(format!("reason {e}")))?;
    }
    let target = action.target().map(|a| target_agent(tx, a)).transpose()?;
    if let (Action::Reassign(body), Some(t)) = (action, target)
        && Some(t) == owner
    {
        return Err(ApiError::InvalidTransition {
            detail: format!(
                "cannot reassign intervention {id}: {} already owns it",
                body.agent
            ),
            current: Box::new(current),
        });
    }
    if let Some(t) = target {
        at_capacity(tx, t, id, &current)?;
    }
    let version = current.version + 1;
    let at = ms(now);
    // The instant as stored: whole milliseconds.
    let stamp = ts(at);
    let mut answer = current;
    answer.version = version;
    answer.updated_at = stamp;
    // A completion's answer names its topic, outcome and block: read from their tables.
    let mut read_again = false;
    let (from_owner, to_owner) = match action {
        Action::Assign(_) => {
            tx.prepare_cached(
                "UPDATE interventions SET state = 'assigned', owner_id = ?2, assigned_at = ?3, version = ?4, updated_at = ?3 WHERE id = ?1",
            )?
            .execute(params![n, target, at, version])?;
            answer.state = InterventionState::Assigned;
            answer.owner = target.map(|t| Kind::Agent.id(t));
            answer.assigned_at = Some(stamp);
            (None, target)
        }
        Action::Reassign(_) => {
            tx.prepare_cached(
                "UPDATE interventions SET owner_id = ?2, assigned_at = ?3, version = ?4, updated_at = ?3 WHERE id = ?1",
            )?
            .execute(params![n, target, at, version])?;
            answer.owner = target.map(|t| Kind::Agent.id(t));
            answer.assigned_at = Some(stamp);
            (owner, target)
        }
        Action::Return(_) => {
            tx.prepare_cached(
                "UPDATE interventions SET state = 'queued', owner_id = NULL, assigned_at = NULL, queued_at = ?2, version = ?3, updated_at = ?2 WHERE id = ?1",
            )?
            .execute(params![n, at, version])?;
            answer.state = InterventionState::Queued;
            answer.owner = None;
            answer.assigned_at = None;
            answer.queued_at = stamp;
            (owner, None)
        }
        Action::Cancel(_) => {
            tx.prepare_cached(
                "UPDATE interventions SET state = 'cancelled', closed_at = ?2, version = ?3, updated_at = ?2 WHERE id = ?1",
            )?
            .execute(params![n, at, version])?;
            answer.state = InterventionState::Cancelled;
            answer.closed_at = Some(stamp);
            (owner, None)
        }
        Action::Complete(body) => {
            let topic = reference(tx, Kind::Topic, &body.topic)?;
            let outcome = reference(tx, Kind::Outcome, &body.outcome)?;
            let block = body
                .block
                .as_deref()
                .map(|b| reference(tx, Kind::Block, b))
                .transpose()?;
            let tags = limits::tags(&body.tags).map_err(ApiError::Validation)?;
            let tags =
                serde_json::to_string(&tags).map_err(|e| ApiError::Internal(e.to_string()))?;
            tx.prepare_cached(
                "UPDATE interventions SET state = 'completed', closed_at = ?2, version = ?3, updated_at = ?2, \
                 tags = ?4, topic_id = ?5, outcome_id = ?6, block_id = ?7, completed_by = ?8 WHERE id = ?1",
            )?
            .execute(params![n, at, version, tags, topic, outcome, block, caller.agent_id])?;
            read_again = true;
            (owner, owner)
        }
    };
    insert_event(
        tx,
        NewEvent {
            at: now,
            intervention: n,
            actor: caller.agent_id,
            action: kind.event(),
            from_owner,
            to_owner,
            reason: action.reason(),
            key,
        },
    )?;
    let stored = || {
        intervention_by_row(tx, n)?
            .ok_or_else(|| ApiError::Internal(format!("intervention {id} vanished")))
    };
    if read_again {
        return stored();
    }
    #[cfg(debug_assertions)]
    assert_eq!(
        answer,
        stored()?,
        "the answer to {kind} is the row as stored"
    );
    Ok(answer)
}

/// An agent named in an action body: it exists and may receive work.
fn target_agent(conn: &Connection, id: &str) -> Result<i64, ApiError> {
    let n = reference(conn, Kind::Agent, id)?;
    let agent = by_row::<Agent>(conn, n)?
        .ok_or_else(|| ApiError::Validation(format!("agent `{id}` does not exist")))?;
    if !agent.active {
        return Err(ApiError::Validation(format!(
            "agent `{id}` ({}) is inactive and receives no work; choose an active agent",
            agent.name
        )));
    }
    Ok(n)
}

/// 409 `at_capacity` when the agent already has as many assigned interventions as its
/// `max_load`: its capacity is never passed, whoever asks.
fn at_capacity(
    conn: &Connection,
    agent: i64,
    id: &str,
    current: &Intervention,
) -> Result<(), ApiError> {
    let (max_load, load): (Option<i64>, i64) = conn
        .prepare_cached(
            // The load is the agent's queue size, kept by triggers (schema.rs): counting the
            // agent's interventions on every assignment grew with its history.
            "SELECT a.max_load, coalesce((SELECT size FROM queue_sizes WHERE queue = a.id), 0) \
             FROM agents a WHERE a.id = ?1",
        )?
        .query_row([agent], |r| Ok((r.get(0)?, r.get(1)?)))?;
    match max_load {
        Some(max) if load >= max => Err(ApiError::AtCapacity {
            detail: format!(
                "cannot give intervention {id} to {}: it has {load} assigned intervention(s), its \
                 max_load is {max}; choose another agent",
                Kind::Agent.id(agent)
            ),
            current: Box::new(current.clone()),
        }),
        _ => Ok(()),
    }
}
