//! Conversations, interventions and the five actions of the state machine.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use super::catalog::agent_by_row;
use super::{
    Caller, body_ref, decode_cursor, encode_cursor, ms, opt_id, opt_ts, page_limit, paginate, ts,
    word,
};
use crate::api::ids::Kind;
use crate::api::models::{
    AgentStatus, AssignRequest, CompleteRequest, Completion, EventAction, Intervention,
    InterventionQuery, InterventionState, Page, ReasonRequest, UserSummary,
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

pub(super) fn intervention_by_row(
    conn: &Connection,
    n: i64,
) -> Result<Option<Intervention>, ApiError> {
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
pub(super) struct NewEvent<'a> {
    pub(super) at: Timestamp,
    pub(super) intervention: i64,
    pub(super) actor: i64,
    pub(super) action: EventAction,
    pub(super) from_owner: Option<i64>,
    pub(super) to_owner: Option<i64>,
    pub(super) reason: Option<&'a str>,
    pub(super) key: Option<&'a str>,
}

pub(super) fn insert_event(tx: &Transaction, e: NewEvent<'_>) -> Result<(), ApiError> {
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
