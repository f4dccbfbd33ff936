//! Batches: creations and actions in one transaction, for seeding; and seed documents loaded
//! through the same plan `livectl seed` sends.

use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Transaction, params};

use super::catalog::{self, by_row};
use super::conversations::create_conversation;
use super::interventions::act;
use super::{BUILTIN_ADMIN, Caller, Store, reference};
use crate::error::ApiError;
use livectl_contract::limits::Limit;
use livectl_contract::seed::{Ids, Plan, SeedFile, Tally};
use livectl_contract::{
    Action, ActionKind, ActionOp, Agent, BatchOp, BatchOutcome, BatchResult, ConversationCreated,
    ConversationInput, Kind, Role,
};

/// The caller of a load at start: the built-in admin.
const ADMIN: Caller = Caller {
    agent_id: BUILTIN_ADMIN,
    role: Role::Admin,
};

/// Applies a batch in order, all in the caller's transaction: any refused operation refuses
/// the batch, naming it.
pub fn batch(
    tx: &Transaction,
    caller: Caller,
    ops: &[BatchOp],
    now: Timestamp,
) -> Result<Vec<BatchResult>, ApiError> {
    caller.require_admin()?;
    Limit::BatchOperations
        .count(ops.len(), "operations")
        .map_err(|_| {
            ApiError::Validation(format!(
                "a batch holds at most {} operations",
                Limit::BatchOperations.max()
            ))
        })?;
    let mut results = Vec::with_capacity(ops.len());
    // The agents named as actors, looked up once a batch: no operation changes who they are.
    let mut actors = HashMap::new();
    for (i, op) in ops.iter().enumerate() {
        let at = |e: ApiError| prefix(e, &format!("operations[{i}]: "));
        results.push(match op {
            BatchOp::Conversation { body } => {
                let (created, upserted) = create_conversation(tx, caller, body, now).map_err(at)?;
                BatchResult {
                    result: upserted.into(),
                    kept: kept(body, &created),
                    id: created.conversation_id,
                }
            }
            BatchOp::Action(op) => action(tx, caller, &mut actors, op, now).map_err(at)?,
        });
    }
    Ok(results)
}

/// What of the intervention a conversation asks for differs from the one it has: its summary
/// and department are those of its first load (changing them would be a change without an
/// event). Its queue time is left out, as a file's relative instants move with each load.
fn kept(conversation: &ConversationInput, created: &ConversationCreated) -> Option<String> {
    let (Some(asked), Some(has)) = (&conversation.intervention, &created.intervention) else {
        return None;
    };
    let mut kept = Vec::new();
    if asked.summary != has.summary {
        kept.push(format!("the summary `{}`", has.summary));
    }
    if asked.department != has.department {
        kept.push(match &has.department {
            Some(d) => format!("the department {d}"),
            None => "no department".to_owned(),
        });
    }
    (!kept.is_empty()).then(|| {
        format!(
            "conversation `{}`: intervention {} keeps what its first load gave it: {}",
            conversation.key,
            has.id,
            kept.join(" and ")
        )
    })
}

/// What the action at `index` of intervention `n`'s life did, in words, when it is not what
/// `asked` would do (another kind, or another agent to own it): a load that skips it says so
/// rather than call the intervention loaded as the file says (a file changed from `assign: bob`
/// to `assign: cid` left Bob the owner, unsaid; hostile-input check).
fn other_than_done(
    tx: &Transaction,
    n: i64,
    index: i64,
    asked: &Action,
) -> Result<Option<String>, ApiError> {
    // The events the actions write, each action's own (`ActionKind::event`).
    let actions = ActionKind::ALL
        .iter()
        .map(|kind| format!("'{}'", kind.event().as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let done: Option<(String, Option<i64>)> = tx
        .prepare_cached(&format!(
            "SELECT action, to_owner FROM events
             WHERE intervention_id = ?1 AND action IN ({actions})
             ORDER BY seq LIMIT 1 OFFSET ?2"
        ))?
        .query_row(params![n, index], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((action, to)) = done else {
        return Ok(None);
    };
    let asked_to = match asked {
        Action::Assign(r) | Action::Reassign(r) => Kind::Agent.parse(&r.agent),
        _ => None,
    };
    if action == asked.kind().event().as_str() && (asked_to.is_none() || asked_to == to) {
        return Ok(None);
    }
    Ok(Some(match to {
        Some(to)
            if [ActionKind::Assign, ActionKind::Reassign]
                .iter()
                .any(|kind| action == kind.event().as_str()) =>
        {
            format!("{action} to {}", agent_named(tx, to)?)
        }
        _ => action,
    }))
}

/// An action in words, its agent by the key a file names it by: `assign to cid`, `complete`.
fn said(tx: &Transaction, action: &Action) -> Result<String, ApiError> {
    Ok(match action {
        Action::Assign(r) | Action::Reassign(r) => match Kind::Agent.parse(&r.agent) {
            Some(n) => format!("{} to {}", action.name(), agent_named(tx, n)?),
            None => format!("{} to {}", action.name(), r.agent),
        },
        _ => action.name().to_owned(),
    })
}

/// Agent `n` by its key, or its id when it has none (the built-in admin).
fn agent_named(tx: &Transaction, n: i64) -> Result<String, ApiError> {
    let key: Option<String> = tx
        .prepare_cached("SELECT key FROM agents WHERE id = ?1")?
        .query_row([n], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(key.unwrap_or_else(|| Kind::Agent.id(n)))
}

/// An action of a batch, skipped when its place in the intervention's life is taken.
fn action<'a>(
    tx: &Transaction,
    caller: Caller,
    actors: &mut HashMap<&'a str, Caller>,
    op: &'a ActionOp,
    now: Timestamp,
) -> Result<BatchResult, ApiError> {
    // The conversation's latest intervention, and how many actions it has had.
    let (n, version): (i64, i64) = tx
        .prepare_cached(
            "SELECT id, version FROM interventions
             WHERE conversation_id = (SELECT id FROM conversations WHERE key = ?1)
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row([&op.conversation], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| {
            ApiError::Validation(format!(
                "conversation `{}` has no intervention",
                op.conversation
            ))
        })?;
    let id = Kind::Intervention.id(n);
    let done = version - 1;
    let index = i64::from(op.index);
    if done > index {
        return Ok(BatchResult {
            result: BatchOutcome::Skipped,
            kept: match other_than_done(tx, n, index, &op.action)? {
                Some(was) => Some(format!(
                    "conversation `{}`: action {} of {id} keeps what its first load did, {was}, where this load asks {}",
                    op.conversation,
                    index + 1,
                    said(tx, &op.action)?
                )),
                None => None,
            },
            id,
        });
    }
    if done < index {
        return Err(ApiError::Validation(format!(
            "action {index} of {id} cannot run before its {index} earlier action(s)"
        )));
    }
    let actor = match &op.actor {
        None => caller,
        Some(agent) => match actors.get(agent.as_str()) {
            Some(actor) => *actor,
            None => {
                let n = reference(tx, Kind::Agent, agent)?;
                let found = by_row::<Agent>(tx, n)?.ok_or_else(|| {
                    ApiError::Validation(format!("agent `{agent}` does not exist"))
                })?;
                let actor = Caller {
                    agent_id: n,
                    role: found.role,
                };
                actors.insert(agent.as_str(), actor);
                actor
            }
        },
    };
    let at = op.at.unwrap_or(now);
    act(tx, actor, &id, &op.action, Some(version), None, at)?;
    Ok(BatchResult {
        result: BatchOutcome::Applied,
        id,
        kept: None,
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

impl Store {
    /// Loads a seed document as the built-in admin, in one transaction, through the plan
    /// `livectl seed` sends over HTTP: the catalog first, then the conversations in batches.
    /// Its relative instants (`now-2h`) count from `now`.
    pub fn load(&self, file: SeedFile, now: Timestamp) -> Result<Tally, ApiError> {
        self.write(move |tx| {
            let plan = Plan::new(&file, now);
            let mut tally = Tally::default();
            let mut ids = Ids::default();
            for step in plan.catalog() {
                let input = step.input(&ids).map_err(internal)?;
                let change = catalog::Change {
                    actor: ADMIN.agent_id,
                    at: now,
                    key: None,
                };
                let (id, result) = catalog::upsert_input(tx, &input, &change)?;
                ids.record(input.kind(), input.key(), id);
                tally.upserted(result);
            }
            for batch in plan.batches(&ids) {
                let batch = batch.map_err(internal)?;
                for result in self::batch(tx, ADMIN, &batch.operations, Timestamp::now())? {
                    tally.record(&result);
                }
            }
            Ok(tally)
        })
    }
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}
