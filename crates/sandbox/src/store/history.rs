//! Users' history: their messages, in time order.

use rusqlite::{Connection, Row, params};

use super::{
    decode_cursor, encode_cursor, ms, opt_id, page_limit, paginate, reference, ts, user_summary,
    word,
};
use crate::error::ApiError;
use livectl_contract::{HistoryQuery, HistoryRecord, Kind, Page};

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<HistoryRecord> {
    Ok(HistoryRecord {
        id: Kind::Message.id(row.get(0)?),
        conversation_id: Kind::Conversation.id(row.get(1)?),
        user: user_summary(row, 2)?,
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
            reference(conn, Kind::User, id)
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
