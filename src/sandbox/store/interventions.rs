//! Conversations, interventions and the five actions of the state machine.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use super::catalog::{Upserted, agent_by_row, require_text, upsert_user};
use super::{
    Caller, body_ref, decode_cursor, encode_cursor, ms, opt_id, opt_ts, page_limit, paginate, ts,
    word,
};
use crate::api::ids::Kind;
use crate::api::models::{
    AgentStatus, AssignRequest, CompleteRequest, Completion, Conversation, ConversationCreated,
    ConversationInput, EventAction, Intervention, InterventionQuery, InterventionState, Message,
    Page, ReasonRequest, Sender, UserSummary,
};
use crate::sandbox::error::ApiError;

/// One of the five actions, with its body.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Assign(AssignRequest),
    Reassign(AssignRequest),
    Return(ReasonRequest),
    Cancel(ReasonRequest),
    Complete(CompleteRequest),
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Assign(_) => "assign",
            Action::Reassign(_) => "reassign",
            Action::Return(_) => "return",
            Action::Cancel(_) => "cancel",
            Action::Complete(_) => "complete",
        }
    }

    fn event(&self) -> EventAction {
        match self {
            Action::Assign(_) => EventAction::Assigned,
            Action::Reassign(_) => EventAction::Reassigned,
            Action::Return(_) => EventAction::Returned,
            Action::Cancel(_) => EventAction::Cancelled,
            Action::Complete(_) => EventAction::Completed,
        }
    }

    fn allowed_from(&self) -> &'static [InterventionState] {
        use InterventionState::*;
        match self {
            Action::Assign(_) => &[Queued],
            Action::Reassign(_) | Action::Return(_) | Action::Complete(_) => &[Assigned],
            Action::Cancel(_) => &[Queued, Assigned],
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Action::Assign(r) | Action::Reassign(r) => r.reason.as_deref(),
            Action::Return(r) | Action::Cancel(r) => r.reason.as_deref(),
            Action::Complete(_) => None,
        }
    }
}

const INTERVENTION_SELECT: &str = "SELECT i.id, i.conversation_id, i.user_id, u.name, u.channel, \
    i.summary, i.department_id, i.state, i.owner_id, i.queued_at, i.assigned_at, i.closed_at, \
    i.last_user_message_at, i.last_agent_message_at, i.tags, i.topic_id, i.outcome_id, i.block_id, \
    i.completed_by, i.version, i.updated_at FROM interventions i JOIN users u ON u.id = i.user_id";

fn intervention_from_row(row: &Row<'_>) -> rusqlite::Result<Intervention> {
    let tags_json: String = row.get(14)?;
    let tags: Vec<String> = serde_json::from_str(&tags_json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(14, rusqlite::types::Type::Text, e.into())
    })?;
    let completion = match (
        row.get::<_, Option<i64>>(15)?,
        row.get::<_, Option<i64>>(16)?,
    ) {
        (Some(topic), Some(outcome)) => Some(Completion {
            topic: Kind::Topic.id(topic),
            outcome: Kind::Outcome.id(outcome),
            tags: tags.clone(),
            block: opt_id(Kind::Block, row.get(17)?),
            completed_by: Kind::Agent.id(row.get(18)?),
        }),
        _ => None,
    };
    Ok(Intervention {
        id: Kind::Intervention.id(row.get(0)?),
        conversation_id: Kind::Conversation.id(row.get(1)?),
        user: UserSummary {
            id: Kind::User.id(row.get(2)?),
            name: row.get(3)?,
            channel: word(row, 4)?,
        },
        summary: row.get(5)?,
        department: opt_id(Kind::Department, row.get(6)?),
        state: word(row, 7)?,
        owner: opt_id(Kind::Agent, row.get(8)?),
        queued_at: ts(row.get(9)?),
        assigned_at: opt_ts(row.get(10)?),
        closed_at: opt_ts(row.get(11)?),
        last_user_message_at: opt_ts(row.get(12)?),
        last_agent_message_at: opt_ts(row.get(13)?),
        tags,
        completion,
        version: row.get(19)?,
        updated_at: ts(row.get(20)?),
    })
}

fn intervention_by_row(conn: &Connection, n: i64) -> Result<Option<Intervention>, ApiError> {
    Ok(conn
        .prepare_cached(&format!("{INTERVENTION_SELECT} WHERE i.id = ?1"))?
        .query_row([n], intervention_from_row)
        .optional()?)
}

pub fn get_intervention(conn: &Connection, id: &str) -> Result<Intervention, ApiError> {
    let not_found = || ApiError::NotFound(format!("intervention `{id}` does not exist"));
    let n = Kind::Intervention.parse(id).ok_or_else(not_found)?;
    intervention_by_row(conn, n)?.ok_or_else(not_found)
}

/// The filters of `GET /v1/interventions`, checked and ready to bind.
#[derive(Debug, Default)]
pub struct InterventionFilter {
    clauses: Vec<&'static str>,
    values: Vec<Value>,
}

impl InterventionFilter {
    pub fn parse(conn: &Connection, q: &InterventionQuery) -> Result<InterventionFilter, ApiError> {
        let mut f = InterventionFilter::default();
        if let Some(states) = &q.state {
            let mut parsed = Vec::new();
            for s in states.split(',').map(str::trim) {
                let state: InterventionState = s
                    .parse()
                    .map_err(|e: String| ApiError::BadRequest(format!("state: {e}")))?;
                parsed.push(state);
            }
            let words: Vec<&str> = parsed.iter().map(|s| s.as_str()).collect();
            f.clauses
                .push("i.state IN (SELECT value FROM json_each(?))");
            f.values.push(Value::Text(
                serde_json::to_string(&words).unwrap_or_default(),
            ));
        }
        if let Some(owner) = &q.owner {
            if owner == "none" {
                f.clauses.push("i.owner_id IS NULL");
            } else {
                let n = Kind::Agent.parse(owner).ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "owner must be an agent id such as ag_2, or `none`, not `{owner}`"
                    ))
                })?;
                body_ref(conn, Kind::Agent, owner)?;
                f.clauses.push("i.owner_id = ?");
                f.values.push(Value::Integer(n));
            }
        }
        if let Some(department) = &q.department {
            if Kind::Department.parse(department).is_none() {
                return Err(ApiError::BadRequest(format!(
                    "department must be a department id such as dp_1, not `{department}`"
                )));
            }
            let n = body_ref(conn, Kind::Department, department)?;
            f.clauses.push("i.department_id = ?");
            f.values.push(Value::Integer(n));
        }
        if let Some(tag) = &q.tag {
            let tag = normalize_tag(tag).map_err(ApiError::BadRequest)?;
            f.clauses
                .push("EXISTS (SELECT 1 FROM json_each(i.tags) WHERE json_each.value = ?)");
            f.values.push(Value::Text(tag));
        }
        for (value, clause) in [
            (q.queued_before, "i.queued_at < ?"),
            (q.queued_after, "i.queued_at > ?"),
            (q.updated_after, "i.updated_at > ?"),
        ] {
            if let Some(t) = value {
                f.clauses.push(clause);
                f.values.push(Value::Integer(ms(t)));
            }
        }
        Ok(f)
    }
}

pub fn list_interventions(
    conn: &Connection,
    filter: InterventionFilter,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<Intervention>, ApiError> {
    let limit = page_limit(limit)?;
    let after = match cursor {
        Some(c) => decode_cursor::<1>("iv", c)?[0],
        None => 0,
    };
    let mut sql = format!("{INTERVENTION_SELECT} WHERE i.id > ?");
    for clause in &filter.clauses {
        sql.push_str(" AND ");
        sql.push_str(clause);
    }
    sql.push_str(" ORDER BY i.id LIMIT ?");
    let mut values = Vec::with_capacity(filter.values.len() + 2);
    values.push(Value::Integer(after));
    values.extend(filter.values);
    values.push(Value::Integer(limit as i64 + 1));
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values), intervention_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |iv| {
        encode_cursor("iv", &[Kind::Intervention.parse(&iv.id).unwrap_or(0)])
    }))
}

/// Tags are trimmed and lower-cased; they are words, not markup.
pub fn normalize_tag(tag: &str) -> Result<String, String> {
    let tag = tag.trim().to_lowercase();
    if tag.is_empty() {
        return Err("a tag must not be empty".into());
    }
    if tag.chars().count() > 50 {
        return Err(format!("tag `{tag}` is longer than 50 characters"));
    }
    if let Some(bad) = tag
        .chars()
        .find(|c| !(c.is_alphanumeric() || " -_.:/#+".contains(*c)))
    {
        return Err(format!(
            "tag `{tag}` has the character `{bad}`; tags hold letters, digits, spaces and - _ . : / # +"
        ));
    }
    Ok(tag)
}

/// One change to record, in the transaction that makes it.
struct NewEvent<'a> {
    at: Timestamp,
    intervention: i64,
    actor: i64,
    action: EventAction,
    from_owner: Option<i64>,
    to_owner: Option<i64>,
    reason: Option<&'a str>,
    key: Option<&'a str>,
}

fn insert_event(tx: &Transaction, e: NewEvent<'_>) -> Result<(), ApiError> {
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

/// Checks an agent named in an action body: it exists and may receive work.
fn target_agent(conn: &Connection, id: &str) -> Result<i64, ApiError> {
    let n = body_ref(conn, Kind::Agent, id)?;
    let agent = agent_by_row(conn, n)?
        .ok_or_else(|| ApiError::Validation(format!("agent `{id}` does not exist")))?;
    if !agent.active {
        return Err(ApiError::Validation(format!(
            "agent `{id}` ({}) is inactive and receives no work; choose an active agent",
            agent.name
        )));
    }
    Ok(n)
}

fn check_reason(reason: Option<&str>) -> Result<(), ApiError> {
    match reason {
        Some(r) if r.chars().count() > 500 => Err(ApiError::Validation(
            "reason is longer than 500 characters".into(),
        )),
        _ => Ok(()),
    }
}

/// Runs one action on one intervention, writing its one event in the same transaction.
pub fn act(
    tx: &Transaction,
    caller: Caller,
    id: &str,
    action: &Action,
    if_match: Option<i64>,
    key: Option<&str>,
    now: Timestamp,
) -> Result<Intervention, ApiError> {
    let current = get_intervention(tx, id)?;
    let n = Kind::Intervention.parse(id).unwrap_or(0);
    if let Some(expected) = if_match
        && expected != current.version
    {
        return Err(ApiError::Precondition {
            expected,
            current: Box::new(current),
        });
    }
    if !action.allowed_from().contains(&current.state) {
        return Err(ApiError::InvalidTransition {
            detail: format!(
                "cannot {} intervention {id}: it is {}; {} needs it {}",
                action.name(),
                current.state,
                action.name(),
                action
                    .allowed_from()
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            current: Box::new(current),
        });
    }
    let owner = current.owner.as_deref().and_then(|o| Kind::Agent.parse(o));
    let is_owner = owner == Some(caller.agent_id);
    check_reason(action.reason())?;
    let version = current.version + 1;
    let at = ms(now);
    let (from_owner, to_owner) = match action {
        Action::Assign(body) => {
            let target = target_agent(tx, &body.agent)?;
            if target != caller.agent_id && !caller.is_admin() {
                return Err(ApiError::Forbidden(format!(
                    "an agent may assign interventions only to themself ({}); only an admin may assign to {}",
                    Kind::Agent.id(caller.agent_id),
                    body.agent
                )));
            }
            tx.prepare_cached(
                "UPDATE interventions SET state = 'assigned', owner_id = ?2, assigned_at = ?3, version = ?4, updated_at = ?3 WHERE id = ?1",
            )?
            .execute(params![n, target, at, version])?;
            (None, Some(target))
        }
        Action::Reassign(body) => {
            if !is_owner && !caller.is_admin() {
                return Err(not_owner(action, id, owner));
            }
            let target = target_agent(tx, &body.agent)?;
            if Some(target) == owner {
                return Err(ApiError::InvalidTransition {
                    detail: format!(
                        "cannot reassign intervention {id}: {} already owns it",
                        body.agent
                    ),
                    current: Box::new(current),
                });
            }
            tx.prepare_cached(
                "UPDATE interventions SET owner_id = ?2, assigned_at = ?3, version = ?4, updated_at = ?3 WHERE id = ?1",
            )?
            .execute(params![n, target, at, version])?;
            (owner, Some(target))
        }
        Action::Return(_) => {
            if !is_owner && !caller.is_admin() {
                return Err(not_owner(action, id, owner));
            }
            tx.prepare_cached(
                "UPDATE interventions SET state = 'queued', owner_id = NULL, assigned_at = NULL, queued_at = ?2, version = ?3, updated_at = ?2 WHERE id = ?1",
            )?
            .execute(params![n, at, version])?;
            (owner, None)
        }
        Action::Cancel(_) => {
            if !is_owner && !caller.is_admin() {
                return Err(not_owner(action, id, owner));
            }
            tx.prepare_cached(
                "UPDATE interventions SET state = 'cancelled', closed_at = ?2, version = ?3, updated_at = ?2 WHERE id = ?1",
            )?
            .execute(params![n, at, version])?;
            (owner, None)
        }
        Action::Complete(body) => {
            if !is_owner && !caller.is_admin() {
                return Err(not_owner(action, id, owner));
            }
            let topic = body_ref(tx, Kind::Topic, &body.topic)?;
            let outcome = body_ref(tx, Kind::Outcome, &body.outcome)?;
            let block = body
                .block
                .as_deref()
                .map(|b| body_ref(tx, Kind::Block, b))
                .transpose()?;
            let mut tags = Vec::new();
            for tag in &body.tags {
                let tag = normalize_tag(tag).map_err(ApiError::Validation)?;
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            if tags.len() > 20 {
                return Err(ApiError::Validation("at most 20 tags may be given".into()));
            }
            let tags =
                serde_json::to_string(&tags).map_err(|e| ApiError::Internal(e.to_string()))?;
            tx.prepare_cached(
                "UPDATE interventions SET state = 'completed', closed_at = ?2, version = ?3, updated_at = ?2, \
                 tags = ?4, topic_id = ?5, outcome_id = ?6, block_id = ?7, completed_by = ?8 WHERE id = ?1",
            )?
            .execute(params![n, at, version, tags, topic, outcome, block, caller.agent_id])?;
            (owner, owner)
        }
    };
    insert_event(
        tx,
        NewEvent {
            at: now,
            intervention: n,
            actor: caller.agent_id,
            action: action.event(),
            from_owner,
            to_owner,
            reason: action.reason(),
            key,
        },
    )?;
    intervention_by_row(tx, n)?
        .ok_or_else(|| ApiError::Internal(format!("intervention {id} vanished")))
}

fn not_owner(action: &Action, id: &str, owner: Option<i64>) -> ApiError {
    ApiError::Forbidden(format!(
        "only the owner ({}) or an admin may {} intervention {id}",
        owner
            .map(|o| Kind::Agent.id(o))
            .unwrap_or_else(|| "nobody".into()),
        action.name()
    ))
}

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

// ---- queues ----

pub fn queues(conn: &Connection, now: Timestamp) -> Result<crate::api::models::Queues, ApiError> {
    use crate::api::models::{AgentQueue, GeneralQueue, Queues};
    let wait = |at: Option<i64>| at.map(|at| ((ms(now) - at) / 1000).max(0));
    let (count, oldest): (i64, Option<i64>) = conn
        .prepare_cached(
            "SELECT count(*), min(queued_at) FROM interventions WHERE state = 'queued'",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let agents = conn
        .prepare_cached(
            "SELECT a.id, a.name, a.status, a.active, count(i.id), min(i.assigned_at) FROM agents a \
             LEFT JOIN interventions i ON i.owner_id = a.id AND i.state = 'assigned' \
             GROUP BY a.id ORDER BY a.id",
        )?
        .query_map([], |r| {
            let oldest: Option<i64> = r.get(5)?;
            Ok(AgentQueue {
                agent: Kind::Agent.id(r.get(0)?),
                name: r.get(1)?,
                status: word::<AgentStatus>(r, 2)?,
                active: r.get(3)?,
                count: r.get(4)?,
                oldest_assigned_at: opt_ts(oldest),
                oldest_wait_seconds: wait(oldest),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Queues {
        general: GeneralQueue {
            count,
            oldest_queued_at: opt_ts(oldest),
            oldest_wait_seconds: wait(oldest),
        },
        agents,
    })
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
