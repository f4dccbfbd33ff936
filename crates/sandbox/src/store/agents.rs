//! An agent's status as it changes: each change stamps the agent's `status_since` and writes
//! one status event in the transaction that makes it, whether the agent set it itself (`POST
//! /v1/agents/{id}/status`) or an admin did (that route, or an upsert by key).

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::catalog::{Change, by_row, upsert as upsert_row};
use super::{Caller, ms, opt_id, ts, word};
use crate::error::ApiError;
use jiff::Timestamp;
use livectl_contract::seed::Instant;
use livectl_contract::{Agent, AgentInput, AgentStatus, Kind, Role, StatusEvent, UpsertResult};

/// Creates or updates an agent by key. A new agent's status counts from its `status_since`, or
/// now; a status changed by the update is a status change like any other, dated the same way.
pub fn upsert(
    tx: &Transaction,
    input: &AgentInput,
    change: &Change<'_>,
) -> Result<(Agent, UpsertResult), ApiError> {
    let since = status_since(input, change)?;
    let before: Option<(i64, String, String)> = tx
        .prepare_cached("SELECT id, status, role FROM agents WHERE key = ?1")?
        .query_row([&input.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let itself = before.as_ref().filter(|(id, ..)| *id == change.actor);
    // Its tokens would be refused from then on, this request's caller's included.
    if !input.active && itself.is_some() {
        return Err(ApiError::Validation(
            "an agent cannot deactivate itself: its tokens would be refused from then on; another admin can".into(),
        ));
    }
    // Nor may an admin make itself an agent: a seed file listing the admin loading it as an
    // agent left the load refused (403) part-way, its own role taken.
    if input.role != Role::Admin && itself.is_some_and(|(_, _, role)| role == Role::Admin.as_str())
    {
        return Err(ApiError::Validation(format!(
            "an admin cannot make itself {}: its admin requests would be refused from then on; another admin can",
            input.role.as_str()
        )));
    }
    let (agent, result) = upsert_row::<Agent>(tx, input)?;
    let n = Kind::Agent.parse(&agent.id).unwrap_or(0);
    let stamped = match before {
        None => {
            stamp(tx, n, since)?;
            true
        }
        Some((_, from, _)) if from != input.status.as_str() => {
            let from = super::parse_word(&from)?;
            stamp(tx, n, since)?;
            record(tx, n, from, input.status, None, change, since)?;
            true
        }
        Some(_) => false,
    };
    if !stamped {
        return Ok((agent, result));
    }
    let agent = by_row::<Agent>(tx, n)?.ok_or_else(|| vanished(n))?;
    Ok((agent, result))
}

/// Sets the status of an existing agent, as `caller` may: itself, or anyone for an admin. The
/// same status again changes nothing and writes no event. Answers the agent as it now is.
pub fn set_status(
    tx: &Transaction,
    caller: Caller,
    id: &str,
    to: AgentStatus,
    reason: Option<&str>,
    change: &Change<'_>,
) -> Result<Agent, ApiError> {
    let agent = super::catalog::get::<Agent>(tx, id)?;
    let n = Kind::Agent.parse(&agent.id).unwrap_or(0);
    if !caller.is_admin() && caller.agent_id != n {
        return Err(ApiError::Forbidden(format!(
            "an agent sets only its own status ({}); only an admin may set the status of {id}",
            Kind::Agent.id(caller.agent_id)
        )));
    }
    if let Some(reason) = reason {
        livectl_contract::Limit::ReasonLength
            .length(reason)
            .map_err(|e| ApiError::Validation(format!("reason {e}")))?;
    }
    if agent.status == to {
        return Ok(agent);
    }
    tx.prepare_cached("UPDATE agents SET status = ?2 WHERE id = ?1")?
        .execute(params![n, to.as_str()])?;
    stamp(tx, n, change.at)?;
    record(tx, n, agent.status, to, reason, change, change.at)?;
    by_row::<Agent>(tx, n)?.ok_or_else(|| vanished(n))
}

fn vanished(n: i64) -> ApiError {
    ApiError::Internal(format!("agent {} vanished", Kind::Agent.id(n)))
}

/// When an upsert's status began: the instant it gives, or the change's. A relative one (`now-3h`)
/// is a seed file's, resolved by its load before anything is sent.
fn status_since(input: &AgentInput, change: &Change<'_>) -> Result<Timestamp, ApiError> {
    match input.status_since {
        None => Ok(change.at),
        Some(Instant::At(at)) => match livectl_contract::status::began_later(at, change.at) {
            Some(why) => Err(ApiError::Validation(format!("status_since {why}"))),
            None => Ok(at),
        },
        Some(relative @ Instant::BeforeNow(_)) => Err(ApiError::Validation(format!(
            "status_since `{relative}` is relative, which only a seed file takes; give an RFC 3339 instant such as 2026-11-24T10:00:00Z"
        ))),
    }
}

/// The agent's status counts from `at`.
fn stamp(tx: &Transaction, n: i64, at: Timestamp) -> Result<(), ApiError> {
    tx.prepare_cached("UPDATE agents SET status_since = ?2 WHERE id = ?1")?
        .execute(params![n, ms(at)])?;
    Ok(())
}

/// Writes the status event, dated `at`, with the next seq of the events' sequence.
fn record(
    tx: &Transaction,
    n: i64,
    from: AgentStatus,
    to: AgentStatus,
    reason: Option<&str>,
    change: &Change<'_>,
    at: Timestamp,
) -> Result<(), ApiError> {
    let seq = next_seq(tx)?;
    tx.prepare_cached(
        "INSERT INTO status_events (seq, at, agent_id, actor_id, from_status, to_status, reason, idempotency_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        seq,
        ms(at),
        n,
        change.actor,
        from.as_str(),
        to.as_str(),
        reason,
        change.key
    ])?;
    Ok(())
}

/// The next number of the one sequence both kinds of event share: the events table's
/// AUTOINCREMENT counter in `sqlite_sequence`, which SQLite keeps above every seq it ever gave
/// and reads before it gives the next, so an intervention's event written after this takes a
/// higher one.
fn next_seq(tx: &Transaction) -> Result<i64, ApiError> {
    tx.prepare_cached(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'events', 0
         WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events')",
    )?
    .execute([])?;
    Ok(tx
        .prepare_cached(
            "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'events' RETURNING seq",
        )?
        .query_row([], |r| r.get(0))?)
}

/// The highest seq given so far, of either kind: where a stream without `Last-Event-ID` starts.
pub fn last_seq(conn: &Connection) -> Result<i64, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)",
        )?
        .query_row([], |r| r.get(0))?)
}

const STATUS_SELECT: &str = "SELECT seq, at, agent_id, actor_id, from_status, to_status, reason, idempotency_key FROM status_events";

fn status_from_row(row: &Row<'_>) -> rusqlite::Result<StatusEvent> {
    Ok(StatusEvent {
        seq: row.get(0)?,
        at: ts(row.get(1)?),
        agent: Kind::Agent.id(row.get(2)?),
        actor: opt_id(Kind::Agent, row.get(3)?).unwrap_or_else(|| "system".into()),
        from: word(row, 4)?,
        to: word(row, 5)?,
        reason: row.get(6)?,
        idempotency_key: row.get(7)?,
    })
}

/// Status events with a seq above `after`, oldest first, at most `limit`.
pub fn status_events_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<StatusEvent>, ApiError> {
    Ok(conn
        .prepare_cached(&format!(
            "{STATUS_SELECT} WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?
        .query_map(params![after, limit as i64], status_from_row)?
        .collect::<Result<Vec<_>, _>>()?)
}
