//! The audit log of events and users' history of messages.

use rusqlite::{Connection, Row, params};

use super::{body_ref, decode_cursor, encode_cursor, ms, opt_id, page_limit, paginate, ts, word};
use crate::api::ids::Kind;
use crate::api::models::{AuditQuery, Event, HistoryQuery, HistoryRecord, Page, UserSummary};
use crate::sandbox::error::ApiError;

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

/// Events with a seq above `after`, oldest first, at most `limit`.
pub fn events_after(conn: &Connection, after: i64, limit: usize) -> Result<Vec<Event>, ApiError> {
    Ok(conn
        .prepare_cached(&format!(
            "{EVENT_SELECT} WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?
        .query_map(params![after, limit as i64], event_from_row)?
        .collect::<Result<Vec<_>, _>>()?)
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
            Some(body_ref(conn, Kind::Intervention, id)?)
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
            Some(body_ref(conn, Kind::Agent, id)?)
        }
    };
    let items = conn
        .prepare_cached(&format!(
            "{EVENT_SELECT} WHERE seq > ?1 AND (?2 IS NULL OR intervention_id = ?2) \
             AND (?3 IS NULL OR coalesce(actor_id, 0) = ?3) AND (?4 IS NULL OR action = ?4) \
             ORDER BY seq LIMIT ?5"
        ))?
        .query_map(
            params![
                after,
                intervention,
                actor,
                q.action.map(|a| a.as_str()),
                limit as i64 + 1
            ],
            event_from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |e| encode_cursor("ev", &[e.seq])))
}

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<HistoryRecord> {
    Ok(HistoryRecord {
        id: Kind::Message.id(row.get(0)?),
        conversation_id: Kind::Conversation.id(row.get(1)?),
        user: UserSummary {
            id: Kind::User.id(row.get(2)?),
            name: row.get(3)?,
            channel: word(row, 4)?,
        },
        channel: word(row, 5)?,
        at: ts(row.get(6)?),
        sender: word(row, 7)?,
        agent: opt_id(Kind::Agent, row.get(8)?),
        text: row.get(9)?,
    })
}

/// History records (messages) in time order, for one user or for everyone.
pub fn history(
    conn: &Connection,
    user: Option<&str>,
    q: &HistoryQuery,
) -> Result<Page<HistoryRecord>, ApiError> {
    let limit = page_limit(q.limit)?;
    if let (Some(since), Some(until)) = (q.since, q.until)
        && since >= until
    {
        return Err(ApiError::BadRequest(format!(
            "since ({since}) must be before until ({until})"
        )));
    }
    let user = match user {
        Some(id) => {
            let n = Kind::User
                .parse(id)
                .ok_or_else(|| ApiError::NotFound(format!("user `{id}` does not exist")))?;
            body_ref(conn, Kind::User, id)
                .map_err(|_| ApiError::NotFound(format!("user `{id}` does not exist")))?;
            Some(n)
        }
        None => None,
    };
    // The sort key (at, id) never changes, so a cursor neither skips nor repeats a record.
    let (after_at, after_id) = match &q.cursor {
        Some(c) => {
            let [at, id] = decode_cursor::<2>("h", c)?;
            (at, id)
        }
        None => (i64::MIN, 0),
    };
    let since = q.since.map(ms).unwrap_or(i64::MIN);
    let until = q.until.map(ms).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT m.id, m.conversation_id, m.user_id, u.name, u.channel, c.channel, m.at, m.sender, m.agent_id, m.text \
         FROM messages m JOIN users u ON u.id = m.user_id JOIN conversations c ON c.id = m.conversation_id \
         WHERE {} (m.at, m.id) > (?2, ?3) AND m.at >= ?4 AND m.at < ?5 \
         ORDER BY m.at, m.id LIMIT ?6",
        if user.is_some() {
            "m.user_id = ?1 AND"
        } else {
            "?1 IS NULL AND"
        }
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(
            params![user, after_at, after_id, since, until, limit as i64 + 1],
            record_from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |r| {
        encode_cursor("h", &[ms(r.at), Kind::Message.parse(&r.id).unwrap_or(0)])
    }))
}
