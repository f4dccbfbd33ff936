//! Events: the audit log, the timeline and the live stream. Every change writes exactly one, in
//! the transaction that makes the change.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction, params, params_from_iter};

use super::{
    agents, decode_cursor, encode_cursor, ms, opt_id, page_limit, paginate, reference, ts, word,
};
use crate::error::ApiError;
use livectl_contract::{AuditQuery, Event, EventAction, Kind, Page, StreamEvent};

/// One change to record, in the transaction that makes it.
pub(in crate::store) struct NewEvent<'a> {
    pub(in crate::store) at: Timestamp,
    pub(in crate::store) intervention: i64,
    pub(in crate::store) actor: i64,
    pub(in crate::store) action: EventAction,
    pub(in crate::store) from_owner: Option<i64>,
    pub(in crate::store) to_owner: Option<i64>,
    pub(in crate::store) reason: Option<&'a str>,
    pub(in crate::store) key: Option<&'a str>,
}

pub(in crate::store) fn insert_event(tx: &Transaction, e: NewEvent<'_>) -> Result<(), ApiError> {
    tx.prepare_cached(
        "INSERT INTO events (at, intervention_id, actor_id, action, from_owner, to_owner, reason, idempotency_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        ms(e.at),
        e.intervention,
        e.actor,
        e.action.as_str(),
        e.from_owner,
        e.to_owner,
        e.reason,
        e.key
    ])?;
    Ok(())
}

const EVENT_SELECT: &str = "SELECT seq, at, intervention_id, actor_id, action, from_owner, to_owner, reason, idempotency_key FROM events";

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        seq: row.get(0)?,
        at: ts(row.get(1)?),
        intervention_id: Kind::Intervention.id(row.get(2)?),
        actor: opt_id(Kind::Agent, row.get(3)?).unwrap_or_else(|| "system".into()),
        action: word(row, 4)?,
        from_owner: opt_id(Kind::Agent, row.get(5)?),
        to_owner: opt_id(Kind::Agent, row.get(6)?),
        reason: row.get(7)?,
        idempotency_key: row.get(8)?,
    })
}

/// Events of both kinds (interventions' changes and agents' status changes) with a seq above
/// `after`, oldest first, at most `limit`: the first `limit` of each, merged by seq.
pub fn events_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<StreamEvent>, ApiError> {
    let interventions = conn
        .prepare_cached(&format!(
            "{EVENT_SELECT} WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?
        .query_map(params![after, limit as i64], event_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let statuses = agents::status_events_after(conn, after, limit)?;
    let mut merged: Vec<StreamEvent> = interventions
        .into_iter()
        .map(StreamEvent::Intervention)
        .chain(statuses.into_iter().map(StreamEvent::Status))
        .collect();
    merged.sort_by_key(StreamEvent::seq);
    merged.truncate(limit);
    Ok(merged)
}

pub fn audit(conn: &Connection, q: &AuditQuery) -> Result<Page<Event>, ApiError> {
    let limit = page_limit(q.limit)?;
    let mut after = q.after.unwrap_or(0);
    if let Some(c) = &q.cursor {
        after = after.max(decode_cursor::<1>("ev", c)?[0]);
    }
    let intervention = match &q.intervention_id {
        Some(id) => {
            if Kind::Intervention.parse(id).is_none() {
                return Err(ApiError::BadRequest(format!(
                    "intervention_id must be an intervention id such as iv_1, not `{id}`"
                )));
            }
            Some(reference(conn, Kind::Intervention, id)?)
        }
        None => None,
    };
    let actor = match q.actor.as_deref() {
        None => None,
        Some("system") => Some(0),
        Some(id) => {
            if Kind::Agent.parse(id).is_none() {
                return Err(ApiError::BadRequest(format!(
                    "actor must be an agent id such as ag_1 or `system`, not `{id}`"
                )));
            }
            Some(reference(conn, Kind::Agent, id)?)
        }
    };
    // Only the filters given are in the SQL, so one intervention's events are sought in its
    // index rather than found by reading the whole log.
    let mut sql = format!("{EVENT_SELECT} WHERE seq > ?");
    let mut values: Vec<Value> = vec![after.into()];
    for (clause, value) in [
        (" AND intervention_id = ?", intervention.map(Value::from)),
        (" AND coalesce(actor_id, 0) = ?", actor.map(Value::from)),
        (
            " AND action = ?",
            q.action.map(|a| Value::from(a.as_str().to_owned())),
        ),
    ] {
        if let Some(value) = value {
            sql.push_str(clause);
            values.push(value);
        }
    }
    sql.push_str(" ORDER BY seq LIMIT ?");
    values.push((limit as i64 + 1).into());
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values), event_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |e| encode_cursor("ev", &[e.seq])))
}
