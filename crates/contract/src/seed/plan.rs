//! The plan of a seed load: the catalog in dependency order, then the conversations with their
//! interventions' actions, in batches. `livectl seed` sends this plan through the API; the
//! sandbox applies the same plan through its store when it starts with `--seed` (the demo
//! workspace included), so both load a document the same way.

use std::collections::HashMap;
use std::io::Write;

use jiff::Timestamp;
use serde::Serialize;

use super::format::{ActionSeed, ConversationSeed, Instant, SeedFile};
use crate::action::Action;
use crate::batch::{ActionOp, BatchOp, BatchOutcome, BatchRequest, BatchResult};
use crate::ids::Kind;
use crate::limits::Limit;
use crate::requests::{
    AgentInput, AssignRequest, CompleteRequest, ConversationInput, InterventionInput, MessageInput,
    NamedInput, ReasonRequest, TopicInput, UpsertResult, UserInput,
};

/// Operations in one batch: a conversation and all its actions always fit one.
pub const BATCH_OPERATIONS: usize = 800;

const _: () = assert!(
    BATCH_OPERATIONS <= Limit::BatchOperations.max()
        && Limit::ActionsPerIntervention.max() < Limit::BatchOperations.max()
);

/// Bytes of one batch's body, leaving room below the body limit.
const BATCH_BYTES: usize = Limit::BodyBytes.max() - 16 * 1024;

/// A plan that names a key it has no id for: the document was not checked, or the catalog
/// step that defines the key was not applied first.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the seed plan needs the id of {kind} `{key}`, which was not created first")]
pub struct PlanError {
    pub kind: Kind,
    pub key: String,
}

/// The ids the catalog's keys got, recorded as each creation answers.
#[derive(Debug, Default)]
pub struct Ids {
    map: HashMap<(Kind, String), String>,
    placeholders: bool,
}

impl Ids {
    /// Every key resolves to an id as long as any real one, to measure requests before anything
    /// exists.
    pub fn placeholders() -> Ids {
        Ids {
            map: HashMap::new(),
            placeholders: true,
        }
    }

    pub fn record(&mut self, kind: Kind, key: &str, id: String) {
        self.map.insert((kind, key.to_owned()), id);
    }

    pub fn get(&self, kind: Kind, key: &str) -> Result<String, PlanError> {
        if self.placeholders {
            return Ok(kind.id(i64::MAX));
        }
        self.map
            .get(&(kind, key.to_owned()))
            .cloned()
            .ok_or_else(|| PlanError {
                kind,
                key: key.to_owned(),
            })
    }

    fn optional(&self, kind: Kind, key: Option<&str>) -> Result<Option<String>, PlanError> {
        key.map(|k| self.get(kind, k)).transpose()
    }
}

/// A creation of the catalog, with the ids it names resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CatalogInput {
    Department(NamedInput),
    Agent(AgentInput),
    Topic(TopicInput),
    Outcome(NamedInput),
    Block(NamedInput),
}

impl CatalogInput {
    pub fn kind(&self) -> Kind {
        match self {
            CatalogInput::Department(_) => Kind::Department,
            CatalogInput::Agent(_) => Kind::Agent,
            CatalogInput::Topic(_) => Kind::Topic,
            CatalogInput::Outcome(_) => Kind::Outcome,
            CatalogInput::Block(_) => Kind::Block,
        }
    }

    pub fn key(&self) -> &str {
        match self {
            CatalogInput::Department(x) | CatalogInput::Outcome(x) | CatalogInput::Block(x) => {
                &x.key
            }
            CatalogInput::Agent(a) => &a.key,
            CatalogInput::Topic(t) => &t.key,
        }
    }
}

/// A batch of the plan: its operations and how many conversations they carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub operations: Vec<BatchOp>,
    pub conversations: usize,
}

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub created: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Actions run on interventions (none when the document was loaded before).
    pub actions: usize,
    /// What was kept as it was though the document said otherwise (`BatchResult::kept`).
    pub kept: Vec<String>,
}

impl Tally {
    /// Its fields as JSON: what `--json` may name, checked before anything is sent.
    pub const FIELDS: &'static [&'static str] =
        &["created", "changed", "unchanged", "actions", "kept"];

    /// What one operation of a batch did.
    pub fn record(&mut self, result: &BatchResult) {
        self.count(result.result);
        self.kept.extend(result.kept.iter().cloned());
    }

    fn count(&mut self, outcome: BatchOutcome) {
        match outcome {
            BatchOutcome::Created => self.created += 1,
            BatchOutcome::Updated => self.changed += 1,
            BatchOutcome::Unchanged => self.unchanged += 1,
            BatchOutcome::Applied => self.actions += 1,
            BatchOutcome::Skipped => {}
        }
    }

    pub fn upserted(&mut self, result: UpsertResult) {
        self.count(result.into());
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} created, {} changed, {} unchanged, {} actions",
            self.created, self.changed, self.unchanged, self.actions
        )
    }
}

/// A document to load, with `now` for its relative instants (`now-2h`).
pub struct Plan<'a> {
    file: &'a SeedFile,
    now: Timestamp,
    users: HashMap<&'a str, &'a UserInput>,
}

impl<'a> Plan<'a> {
    pub fn new(file: &'a SeedFile, now: Timestamp) -> Plan<'a> {
        Plan {
            file,
            now,
            users: file.users.iter().map(|u| (u.key.as_str(), u)).collect(),
        }
    }

    /// What the document holds, in a sentence.
    pub fn describe(&self) -> String {
        let f = self.file;
        let with = f
            .conversations
            .iter()
            .filter(|c| c.intervention.is_some())
            .count();
        let actions: usize = f
            .conversations
            .iter()
            .filter_map(|c| c.intervention.as_ref())
            .map(|i| i.actions.len())
            .sum();
        // The users created: one no conversation names is not (the load warns of it).
        let users = f.users.len() - f.users_without_a_conversation().len();
        format!(
            "{}, {}, {}, {}, {}, {}, {} ({with} with an intervention, {})",
            counted(f.departments.len(), "department"),
            counted(f.agents.len(), "agent"),
            counted(f.topics.len(), "topic"),
            counted(f.outcomes.len(), "outcome"),
            counted(f.blocks.len(), "block"),
            counted(users, "user"),
            counted(f.conversations.len(), "conversation"),
            counted(actions, "action"),
        )
    }

    pub fn conversations(&self) -> usize {
        self.file.conversations.len()
    }

    /// The catalog in dependency order. Build each step's input only after the ids of the
    /// steps before it are recorded: agents and topics name departments.
    pub fn catalog(&self) -> impl Iterator<Item = CatalogStep<'a>> + use<'a> {
        let (f, now) = (self.file, self.now);
        let named = |kind: Kind, list: &'a [NamedInput]| {
            list.iter().map(move |x| CatalogStep::Named(kind, x))
        };
        named(Kind::Department, &f.departments)
            .chain(f.agents.iter().map(move |a| CatalogStep::Agent(a, now)))
            .chain(f.topics.iter().map(CatalogStep::Topic))
            .chain(named(Kind::Outcome, &f.outcomes))
            .chain(named(Kind::Block, &f.blocks))
    }

    /// A conversation and its intervention's actions, as batch operations.
    pub fn conversation_ops(
        &self,
        c: &ConversationSeed,
        ids: &Ids,
    ) -> Result<Vec<BatchOp>, PlanError> {
        self.ops(c, self.user_of(c)?, ids)
    }

    fn user_of(&self, c: &ConversationSeed) -> Result<&'a UserInput, PlanError> {
        self.users
            .get(c.user.as_str())
            .copied()
            .ok_or_else(|| PlanError {
                kind: Kind::User,
                key: c.user.clone(),
            })
    }

    /// A conversation of `user` and its intervention's actions, as batch operations.
    pub fn ops(
        &self,
        c: &ConversationSeed,
        user: &UserInput,
        ids: &Ids,
    ) -> Result<Vec<BatchOp>, PlanError> {
        let now = self.now;
        let messages = c
            .messages
            .iter()
            .map(|m| {
                Ok(MessageInput {
                    sender: m.sender,
                    agent: ids.optional(Kind::Agent, m.agent.as_deref())?,
                    text: m.text.clone(),
                    at: m.at.map(|t| t.resolve(now)),
                })
            })
            .collect::<Result<Vec<_>, PlanError>>()?;
        let intervention = c
            .intervention
            .as_ref()
            .map(|iv| {
                Ok(InterventionInput {
                    summary: iv.summary.clone(),
                    department: ids.optional(Kind::Department, iv.department.as_deref())?,
                    queued_at: iv.queued_at.map(|t| t.resolve(now)),
                })
            })
            .transpose()?;
        let mut ops = vec![BatchOp::Conversation {
            body: ConversationInput {
                key: c.key.clone(),
                user: user.clone(),
                started_at: c.started_at.map(|t| t.resolve(now)),
                messages,
                intervention,
            },
        }];
        let actions = c.intervention.iter().flat_map(|iv| iv.actions.iter());
        for (index, seed) in actions.enumerate() {
            let (at, by) = seed.done();
            ops.push(BatchOp::Action(ActionOp {
                conversation: c.key.clone(),
                index: index as u32,
                action: self.action(seed, ids)?,
                at: at.map(|t| t.resolve(now)),
                actor: ids.optional(Kind::Agent, by)?,
            }));
        }
        Ok(ops)
    }

    fn action(&self, seed: &ActionSeed, ids: &Ids) -> Result<Action, PlanError> {
        let reason = seed.reason().map(str::to_owned);
        let to = || ids.get(Kind::Agent, seed.to().unwrap_or_default());
        Ok(match seed {
            ActionSeed::Assign(_) => Action::Assign(AssignRequest {
                agent: to()?,
                reason,
            }),
            ActionSeed::Reassign(_) => Action::Reassign(AssignRequest {
                agent: to()?,
                reason,
            }),
            ActionSeed::Return(_) => Action::Return(ReasonRequest { reason }),
            ActionSeed::Cancel(_) => Action::Cancel(ReasonRequest { reason }),
            ActionSeed::Complete(done) => Action::Complete(CompleteRequest {
                topic: ids.get(Kind::Topic, &done.topic)?,
                outcome: ids.get(Kind::Outcome, &done.outcome)?,
                tags: done.tags.clone(),
                block: ids.optional(Kind::Block, done.block.as_deref())?,
            }),
        })
    }

    /// The document's conversations in batches within the operation and body limits, in
    /// document order (so the same document gives the same ids on a fresh workspace).
    pub fn batches<'p>(
        &'p self,
        ids: &'p Ids,
    ) -> impl Iterator<Item = Result<Batch, PlanError>> + 'p {
        let conversations = self.file.conversations.iter().map(|c| {
            let user = self.user_of(c)?;
            self.ops(c, user, ids)
        });
        batches(conversations)
    }
}

/// Conversations (each as its operations) gathered into batches within the operation and body
/// limits, in the order they come, as they come: memory holds one batch.
pub fn batches<I>(conversations: I) -> impl Iterator<Item = Result<Batch, PlanError>>
where
    I: Iterator<Item = Result<Vec<BatchOp>, PlanError>>,
{
    let mut conversations = conversations;
    // A conversation that did not fit the batch before opens the next one.
    let mut waiting: Option<(Vec<BatchOp>, usize)> = None;
    std::iter::from_fn(move || {
        let mut batch = Batch {
            operations: Vec::new(),
            conversations: 0,
        };
        let mut bytes = 0;
        loop {
            let (ops, size) = match waiting.take() {
                Some(next) => next,
                None => match conversations.next() {
                    None => break,
                    Some(Err(e)) => return Some(Err(e)),
                    Some(Ok(ops)) => {
                        let size = encoded_len(&ops);
                        (ops, size)
                    }
                },
            };
            let full =
                batch.operations.len() + ops.len() > BATCH_OPERATIONS || bytes + size > BATCH_BYTES;
            if full && !batch.operations.is_empty() {
                waiting = Some((ops, size));
                break;
            }
            bytes += size;
            batch.operations.extend(ops);
            batch.conversations += 1;
        }
        (!batch.operations.is_empty()).then_some(Ok(batch))
    })
}

/// One creation of the catalog, before its references are resolved.
#[derive(Debug, Clone, Copy)]
pub enum CatalogStep<'a> {
    /// A department, an outcome or a block.
    Named(Kind, &'a NamedInput),
    /// An agent, with the load's `now` for its relative `status_since`.
    Agent(&'a AgentInput, Timestamp),
    Topic(&'a TopicInput),
}

impl CatalogStep<'_> {
    pub fn input(&self, ids: &Ids) -> Result<CatalogInput, PlanError> {
        Ok(match *self {
            CatalogStep::Named(kind, x) => {
                let input = x.clone();
                match kind {
                    Kind::Department => CatalogInput::Department(input),
                    Kind::Outcome => CatalogInput::Outcome(input),
                    _ => CatalogInput::Block(input),
                }
            }
            CatalogStep::Agent(a, now) => CatalogInput::Agent(AgentInput {
                department: ids.optional(Kind::Department, a.department.as_deref())?,
                status_since: a.status_since.map(|at| Instant::At(at.resolve(now))),
                ..a.clone()
            }),
            CatalogStep::Topic(t) => CatalogInput::Topic(TopicInput {
                department: ids.optional(Kind::Department, t.department.as_deref())?,
                ..t.clone()
            }),
        })
    }
}

/// The size of operations in a batch body, without building it.
fn encoded_len(ops: &[BatchOp]) -> usize {
    struct Count(usize);
    impl Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    for op in ops {
        // An operation always encodes; a comma separates it from the next.
        let _ = serde_json::to_writer(&mut count, op);
        count.0 += 1;
    }
    count.0
}

/// The body of one batch.
pub fn request(batch: Batch) -> BatchRequest {
    BatchRequest {
        operations: batch.operations,
    }
}

/// `1 agent`, `2 agents`.
fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
