//! Conversations with their messages, and the intervention a conversation may start.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::catalog::{self, text};
use super::events::{NewEvent, insert_event};
use super::interventions::intervention_by_row;
use super::{
    Caller, decode_cursor, encode_cursor, ms, opt_id, page_limit, paginate, reference, ts,
    user_summary, word,
};
use crate::error::ApiError;
use livectl_contract::limits::Limit;
use livectl_contract::{
    Conversation, ConversationCreated, ConversationInput, EventAction, Kind, Message, Page, Sender,
    UpsertResult, User,
};

fn message_from_row(row: &Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        id: Kind::Message.id(row.get(0)?),
        sender: word(row, 1)?,
        agent: opt_id(Kind::Agent, row.get(2)?),
        text: row.get(3)?,
        at: ts(row.get(4)?),
    })
}

fn messages_of(conn: &Connection, conversation: i64) -> Result<Vec<Message>, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT id, sender, agent_id, text, at FROM messages WHERE conversation_id = ?1 ORDER BY id",
        )?
        .query_map([conversation], message_from_row)?
        .collect::<Result<Vec<_>, _>>()?)
}

const CONVERSATION_SELECT: &str = "SELECT c.id, c.key, c.user_id, u.name, u.channel, c.channel, c.started_at \
    FROM conversations c JOIN users u ON u.id = c.user_id";

fn conversation_from_row(row: &Row<'_>) -> rusqlite::Result<Conversation> {
    Ok(Conversation {
        id: Kind::Conversation.id(row.get(0)?),
        key: row.get(1)?,
        user: user_summary(row, 2)?,
        channel: word(row, 5)?,
        started_at: ts(row.get(6)?),
        messages: Vec::new(),
    })
}

pub fn get_conversation(conn: &Connection, id: &str) -> Result<Conversation, ApiError> {
    let not_found = || ApiError::NotFound(format!("conversation `{id}` does not exist"));
    let n = Kind::Conversation.parse(id).ok_or_else(not_found)?;
    let mut c = conn
        .prepare_cached(&format!("{CONVERSATION_SELECT} WHERE c.id = ?1"))?
        .query_row([n], conversation_from_row)
        .optional()?
        .ok_or_else(not_found)?;
    c.messages = messages_of(conn, n)?;
    Ok(c)
}

pub fn list_conversations(
    conn: &Connection,
    user: Option<&str>,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<Conversation>, ApiError> {
    let limit = page_limit(limit)?;
    let after = match cursor {
        Some(c) => decode_cursor::<1>("cv", c)?[0],
        None => 0,
    };
    let user = match user {
        Some(u) => {
            if Kind::User.parse(u).is_none() {
                return Err(ApiError::BadRequest(format!(
                    "user must be a user id such as us_1, not `{u}`"
                )));
            }
            Some(reference(conn, Kind::User, u)?)
        }
        None => None,
    };
    let mut items = conn
        .prepare_cached(&format!(
            "{CONVERSATION_SELECT} WHERE c.id > ?1 AND (?2 IS NULL OR c.user_id = ?2) ORDER BY c.id LIMIT ?3"
        ))?
        .query_map(params![after, user, limit as i64 + 1], conversation_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    for c in items.iter_mut().take(limit) {
        c.messages = messages_of(conn, Kind::Conversation.parse(&c.id).unwrap_or(0))?;
    }
    Ok(paginate(items, limit, |c| {
        encode_cursor("cv", &[Kind::Conversation.parse(&c.id).unwrap_or(0)])
    }))
}

struct NewMessage {
    sender: Sender,
    agent: Option<i64>,
    text: String,
    at: i64,
}

/// Creates (or, for a known key, updates) a conversation with its messages, and starts an
/// intervention on it when asked and none was started before.
pub fn create_conversation(
    tx: &Transaction,
    caller: Caller,
    input: &ConversationInput,
    now: Timestamp,
) -> Result<(ConversationCreated, UpsertResult), ApiError> {
    caller.require_admin()?;
    text("key", &input.key, Limit::KeyLength)?;
    Limit::MessagesPerConversation
        .count(input.messages.len(), "messages")
        .map_err(ApiError::Validation)?;
    let (user, user_upserted) = catalog::upsert::<User>(tx, &input.user)?;
    let user_id = Kind::User.parse(&user.id).unwrap_or(0);
    let existing: Option<(i64, i64, i64)> = tx
        .prepare_cached("SELECT id, user_id, started_at FROM conversations WHERE key = ?1")?
        .query_row([&input.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let started_at = input
        .started_at
        .map(ms)
        .or(existing.map(|e| e.2))
        .or_else(|| input.messages.first().and_then(|m| m.at).map(ms))
        .unwrap_or(ms(now));
    let mut messages = Vec::with_capacity(input.messages.len());
    let mut last_at = started_at;
    for (i, m) in input.messages.iter().enumerate() {
        text(
            format_args!("messages[{i}].text"),
            &m.text,
            Limit::MessageLength,
        )?;
        let agent = match (m.sender, &m.agent) {
            (Sender::Agent, Some(a)) => Some(reference(tx, Kind::Agent, a)?),
            (Sender::Agent, None) => {
                return Err(ApiError::Validation(format!(
                    "messages[{i}].agent is required when sender is agent"
                )));
            }
            (_, Some(_)) => {
                return Err(ApiError::Validation(format!(
                    "messages[{i}].agent is only allowed when sender is agent"
                )));
            }
            (_, None) => None,
        };
        let at = m.at.map(ms).unwrap_or(last_at);
        last_at = at;
        messages.push(NewMessage {
            sender: m.sender,
            agent,
            text: m.text.clone(),
            at,
        });
    }
    let department = match &input.intervention {
        Some(iv) => {
            text("intervention.summary", &iv.summary, Limit::SummaryLength)?;
            iv.department
                .as_deref()
                .map(|d| reference(tx, Kind::Department, d))
                .transpose()?
        }
        None => None,
    };

    let (conversation, mut upserted) = match existing {
        None => {
            tx.prepare_cached(
                "INSERT INTO conversations (key, user_id, channel, started_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![input.key, user_id, input.user.channel.as_str(), started_at])?;
            let id = tx.last_insert_rowid();
            insert_messages(tx, id, user_id, &messages)?;
            (id, UpsertResult::Created)
        }
        Some((id, old_user, old_started)) => {
            if old_user != user_id {
                return Err(ApiError::Validation(format!(
                    "conversation `{}` belongs to another user; a conversation's user cannot change",
                    input.key
                )));
            }
            let same_messages = {
                let old = messages_of(tx, id)?;
                old.len() == messages.len()
                    && old.iter().zip(&messages).all(|(o, n)| {
                        o.sender == n.sender
                            && o.agent.as_deref().and_then(|a| Kind::Agent.parse(a)) == n.agent
                            && o.text == n.text
                            && ms(o.at) == n.at
                    })
            };
            if old_user == user_id && old_started == started_at && same_messages {
                (id, UpsertResult::Unchanged)
            } else {
                tx.execute(
                    "UPDATE conversations SET user_id = ?2, channel = ?3, started_at = ?4 WHERE id = ?1",
                    params![id, user_id, input.user.channel.as_str(), started_at],
                )?;
                if !same_messages {
                    tx.execute("DELETE FROM messages WHERE conversation_id = ?1", [id])?;
                    insert_messages(tx, id, user_id, &messages)?;
                }
                (id, UpsertResult::Updated)
            }
        }
    };
    if upserted == UpsertResult::Unchanged && user_upserted != UpsertResult::Unchanged {
        upserted = UpsertResult::Updated;
    }

    let latest: Option<i64> = tx
        .prepare_cached("SELECT max(id) FROM interventions WHERE conversation_id = ?1")?
        .query_row([conversation], |r| r.get(0))?;
    let intervention = match (&input.intervention, latest) {
        (None, None) => None,
        (_, Some(n)) => intervention_by_row(tx, n)?,
        (Some(iv), None) => {
            let last_of = |sender: Sender| {
                messages
                    .iter()
                    .filter(|m| m.sender == sender)
                    .map(|m| m.at)
                    .max()
            };
            let queued_at = iv.queued_at.map(ms).unwrap_or(ms(now));
            tx.prepare_cached(
                "INSERT INTO interventions (conversation_id, user_id, summary, department_id, state, queued_at, \
                 last_user_message_at, last_agent_message_at, version, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?7, 1, ?8)",
            )?
            .execute(params![
                conversation,
                user_id,
                iv.summary,
                department,
                queued_at,
                last_of(Sender::User),
                last_of(Sender::Agent),
                ms(now)
            ])?;
            let n = tx.last_insert_rowid();
            // The event of the start is dated when the intervention entered the queue.
            insert_event(
                tx,
                NewEvent {
                    at: ts(queued_at),
                    intervention: n,
                    actor: caller.agent_id,
                    action: EventAction::Started,
                    from_owner: None,
                    to_owner: None,
                    reason: None,
                    key: None,
                },
            )?;
            if upserted == UpsertResult::Unchanged {
                upserted = UpsertResult::Updated;
            }
            intervention_by_row(tx, n)?
        }
    };
    Ok((
        ConversationCreated {
            conversation_id: Kind::Conversation.id(conversation),
            user_id: user.id,
            intervention,
        },
        upserted,
    ))
}

fn insert_messages(
    tx: &Transaction,
    conversation: i64,
    user: i64,
    messages: &[NewMessage],
) -> Result<(), ApiError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO messages (conversation_id, user_id, sender, agent_id, text, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for m in messages {
        insert.execute(params![
            conversation,
            user,
            m.sender.as_str(),
            m.agent,
            m.text,
            m.at
        ])?;
    }
    Ok(())
}
