//! Conversations with their messages, and the batches seeding sends: creations and actions
//! in one transaction.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::catalog::{Upserted, require_text, upsert_user};
use super::interventions::{Action, NewEvent, act, insert_event, intervention_by_row};
use super::{
    Caller, body_ref, decode_cursor, encode_cursor, ms, opt_id, page_limit, paginate, ts, word,
};
use crate::api::ids::Kind;
use crate::api::models::{
    Conversation, ConversationCreated, ConversationInput, EventAction, Message, Page, Sender,
    UserSummary,
};
use crate::sandbox::error::ApiError;

// ---- conversations ----

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
        user: UserSummary {
            id: Kind::User.id(row.get(2)?),
            name: row.get(3)?,
            channel: word(row, 4)?,
        },
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
            Some(body_ref(conn, Kind::User, u)?)
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
) -> Result<(ConversationCreated, Upserted), ApiError> {
    caller.require_admin()?;
    require_text("key", &input.key, 200)?;
    if input.messages.len() > 10_000 {
        return Err(ApiError::Validation(
            "at most 10000 messages may be given".into(),
        ));
    }
    let (user, user_upserted) = upsert_user(tx, &input.user)?;
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
        require_text(&format!("messages[{i}].text"), &m.text, 10_000)?;
        let agent = match (m.sender, &m.agent) {
            (Sender::Agent, Some(a)) => Some(body_ref(tx, Kind::Agent, a)?),
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
            require_text("intervention.summary", &iv.summary, 2_000)?;
            iv.department
                .as_deref()
                .map(|d| body_ref(tx, Kind::Department, d))
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
            (id, Upserted::Created)
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
                (id, Upserted::Unchanged)
            } else {
                tx.execute(
                    "UPDATE conversations SET user_id = ?2, channel = ?3, started_at = ?4 WHERE id = ?1",
                    params![id, user_id, input.user.channel.as_str(), started_at],
                )?;
                if !same_messages {
                    tx.execute("DELETE FROM messages WHERE conversation_id = ?1", [id])?;
                    insert_messages(tx, id, user_id, &messages)?;
                }
                (id, Upserted::Updated)
            }
        }
    };
    if upserted == Upserted::Unchanged && user_upserted != Upserted::Unchanged {
        upserted = Upserted::Updated;
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
            if upserted == Upserted::Unchanged {
                upserted = Upserted::Updated;
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

// ---- batches (seeding) ----

/// Applies a batch in order, all in the caller's transaction: any refused operation refuses
/// the batch, naming it.
pub fn batch(
    tx: &Transaction,
    caller: Caller,
    ops: &[crate::api::models::BatchOp],
    now: Timestamp,
) -> Result<Vec<crate::api::models::BatchResult>, ApiError> {
    use crate::api::models::{BatchOp, BatchResult};
    caller.require_admin()?;
    if ops.len() > 1000 {
        return Err(ApiError::Validation(
            "a batch holds at most 1000 operations".into(),
        ));
    }
    let mut results = Vec::with_capacity(ops.len());
    for (i, op) in ops.iter().enumerate() {
        let at = |e: ApiError| prefix(e, &format!("operations[{i}]: "));
        let result = match op {
            BatchOp::Conversation { body } => {
                let (created, upserted) = create_conversation(tx, caller, body, now).map_err(at)?;
                BatchResult {
                    result: upserted.as_str().to_owned(),
                    id: created.conversation_id,
                }
            }
            BatchOp::Action {
                conversation,
                action,
                index,
                body,
            } => {
                let n: Option<i64> = tx
                    .prepare_cached(
                        "SELECT max(i.id) FROM interventions i JOIN conversations c ON c.id = i.conversation_id WHERE c.key = ?1",
                    )?
                    .query_row([conversation], |r| r.get(0))?;
                let n = n.ok_or_else(|| {
                    at(ApiError::Validation(format!(
                        "conversation `{conversation}` has no intervention"
                    )))
                })?;
                let id = Kind::Intervention.id(n);
                let current = intervention_by_row(tx, n)?
                    .ok_or_else(|| ApiError::Internal("vanished".into()))?;
                let done = current.version - 1;
                if done > i64::from(*index) {
                    BatchResult {
                        result: "skipped".into(),
                        id,
                    }
                } else if done < i64::from(*index) {
                    return Err(at(ApiError::Validation(format!(
                        "action {index} of {id} cannot run before its {} earlier action(s)",
                        index
                    ))));
                } else {
                    let parsed = parse_action(action, body.clone()).map_err(at)?;
                    act(tx, caller, &id, &parsed, Some(current.version), None, now).map_err(at)?;
                    BatchResult {
                        result: "applied".into(),
                        id,
                    }
                }
            }
        };
        results.push(result);
    }
    Ok(results)
}

fn parse_action(action: &str, body: serde_json::Value) -> Result<Action, ApiError> {
    let body = if body.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        body
    };
    let bad =
        |e: serde_json::Error| ApiError::BadRequest(format!("the {action} body does not fit: {e}"));
    Ok(match action {
        "assign" => Action::Assign(serde_json::from_value(body).map_err(bad)?),
        "reassign" => Action::Reassign(serde_json::from_value(body).map_err(bad)?),
        "return" => Action::Return(serde_json::from_value(body).map_err(bad)?),
        "cancel" => Action::Cancel(serde_json::from_value(body).map_err(bad)?),
        "complete" => Action::Complete(serde_json::from_value(body).map_err(bad)?),
        other => {
            return Err(ApiError::BadRequest(format!(
                "`{other}` is not an action: assign, reassign, return, cancel or complete"
            )));
        }
    })
}

/// Puts `context` in front of an error's message, keeping its kind.
fn prefix(e: ApiError, context: &str) -> ApiError {
    match e {
        ApiError::BadRequest(m) => ApiError::BadRequest(format!("{context}{m}")),
        ApiError::Validation(m) => ApiError::Validation(format!("{context}{m}")),
        ApiError::NotFound(m) => ApiError::Validation(format!("{context}{m}")),
        ApiError::InvalidTransition { detail, current } => ApiError::InvalidTransition {
            detail: format!("{context}{detail}"),
            current,
        },
        ApiError::Precondition { expected, current } => ApiError::InvalidTransition {
            detail: format!(
                "{context}the intervention changed meanwhile (version {expected} expected)"
            ),
            current,
        },
        other => other,
    }
}
