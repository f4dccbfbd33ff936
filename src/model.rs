//! What livectl itself knows beside the contract's resources: the results of a bulk run, why an
//! intervention is stuck, a queue as a row, and the names ids stand for. Use cases produce
//! these; the ui renders them.

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::Timestamp;
use livectl_contract::{
    Action, AgentQueue, AgentStatus, Intervention, InterventionRef, InterventionState, Queues,
};
use serde::{Deserialize, Serialize};

/// How one item of a bulk run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemOutcome {
    Done,
    /// Changed by someone else since it was listed: never overwritten.
    Skipped,
    Failed,
}

/// One item's result.
#[derive(Debug, Clone, Serialize)]
pub struct ItemResult {
    pub id: String,
    pub result: ItemOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a bulk run did, as printed with `-o json` (beside the items that were skipped or
/// failed): counts, so a run of a million holds no list of what went well.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// None when nothing matched: no run was started, and no journal written.
    pub run_id: Option<String>,
    pub action: String,
    pub journal: Option<PathBuf>,
    /// Items in the plan.
    pub total: u64,
    pub done: u64,
    pub skipped: u64,
    pub failed: u64,
    /// Items still to send: after an interruption, or when the journal could not be written.
    pub not_sent: u64,
    pub interrupted: bool,
}

impl Summary {
    /// A run with nothing to do: no run, no journal, every count 0.
    pub fn nothing(action: &str) -> Summary {
        Summary {
            run_id: None,
            action: action.to_owned(),
            journal: None,
            total: 0,
            done: 0,
            skipped: 0,
            failed: 0,
            not_sent: 0,
            interrupted: false,
        }
    }

    /// The fields of a run's summary as `-o json` writes it, its skipped and failed `items`
    /// beside its counts: what `--json` may name, checked before anything is sent.
    pub const FIELDS: &'static [&'static str] = &[
        "run_id",
        "action",
        "journal",
        "total",
        "done",
        "skipped",
        "failed",
        "not_sent",
        "interrupted",
        "items",
    ];
}

/// A bulk run as its journal tells it (`livectl runs`). What the journal could not say is
/// None: a file that is not a journal has no run id, action or counts.
#[derive(Debug, Clone, Serialize)]
pub struct BulkRun {
    pub run_id: Option<String>,
    pub journal: PathBuf,
    /// The command that ran it: `reassign`, `stuck --fix return`.
    pub action: Option<String>,
    #[serde(with = "livectl_contract::time::exact_or_null")]
    pub created_at: Option<Timestamp>,
    /// Where it ran: the API address, or the embedded sandbox's database.
    pub target: Option<String>,
    pub workspace: Option<String>,
    pub agent: Option<String>,
    /// Items in its plan.
    pub total: Option<u64>,
    pub done: Option<u64>,
    pub skipped: Option<u64>,
    /// Failed for good: a resume does not send them again.
    pub failed: Option<u64>,
    /// What a resume sends: never sent, in flight when the run stopped, failed for a reason
    /// that may pass.
    pub left: Option<u64>,
    pub state: RunState,
    /// Why it cannot be resumed, or how else what it left is carried on.
    pub problem: Option<String>,
    /// The command that resumes it, when one does and there is something to resume.
    pub resume: Option<String>,
}

impl BulkRun {
    /// Its fields as `-o json` writes them, for `--json` and `--sort`.
    pub const FIELDS: &'static [&'static str] = &[
        "run_id",
        "journal",
        "action",
        "created_at",
        "target",
        "workspace",
        "agent",
        "total",
        "done",
        "skipped",
        "failed",
        "left",
        "state",
        "problem",
        "resume",
    ];
}

/// Where a bulk run stands, by its journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunState {
    /// Stopped with something left that a resume does.
    Unfinished,
    /// Another livectl holds its journal: it goes on.
    Running,
    /// Nothing left to do.
    Finished,
    /// Its journal cannot be resumed: not a journal, damaged, or a plan nothing was sent of.
    Unusable,
}

impl RunState {
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Unfinished => "unfinished",
            RunState::Running => "running",
            RunState::Finished => "finished",
            RunState::Unusable => "unusable",
        }
    }
}

/// One planned item of a bulk run, as `--dry-run` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    /// The version listed, sent as If-Match (filter-selected items only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub action: Action,
    /// Why the platform would refuse it as the intervention stands now, when a plan by ids
    /// looked it up before sending (a dry run, a confirmation: `bulk::check`). Never journaled:
    /// the run sends it all the same, and the platform's answer is its result.
    #[serde(skip)]
    pub refused: Option<String>,
    /// The intervention as the plan looked it up already (to spread it over agents), so
    /// `bulk::check` does not ask for it again. Never journaled.
    #[serde(skip)]
    pub looked: Option<Looked>,
}

impl Item {
    /// For an item no agent of its pool had room for, what `--to` said (see `unplaced`).
    pub fn unplaced_in(&self) -> Option<&str> {
        self.action.target().and_then(unplaced_in)
    }
}

/// An intervention as a plan looked it up before sending, to spread it over agents or to say
/// whether the platform would refuse it (`bulk::check`): looked up once, whichever needs it
/// first.
#[derive(Debug, Clone, PartialEq)]
pub enum Looked {
    /// As it stands now.
    Now(InterventionRef),
    /// 404: no intervention has that id.
    Missing,
    /// 403: not the caller's to see; what the platform said.
    Hidden(String),
}

/// Why an item listed at one version is not acted on once it changed (412, If-Match): the
/// reason a run reports it skipped with, and a look before sending says it would be.
pub fn changed_since(now: Option<(i64, InterventionState)>) -> String {
    let now = now
        .map(|(version, state)| format!(" (now version {version}, {state})"))
        .unwrap_or_default();
    format!("changed by someone else since it was listed{now}")
}

/// Why an item that no agent of its pool had room for is left where it is; such items make a
/// run exit 3, as a failure would.
pub const NO_CAPACITY: &str = "no agent has capacity";

/// Why an item no agent of `to` (`@online`, `Ana Lima and Bo Chen`) had room for was not
/// sent, as a run reports it and a dry run shows it.
pub fn no_room_in(to: &str) -> String {
    format!("{NO_CAPACITY} in {to}; left where it is")
}

/// What an item's `agent` holds when no agent of its pool had room: the item is planned (so it
/// is counted and reported) but never sent. Real agent ids never start with `@`.
pub fn unplaced(to: &str) -> String {
    format!("{UNPLACED}{to}")
}

const UNPLACED: &str = "@none: ";

/// Whether an item's agent is the mark of `unplaced`.
pub fn is_unplaced(agent: &str) -> bool {
    agent.starts_with(UNPLACED)
}

/// For the mark of `unplaced`, what `--to` said (`@online`, `Ana Lima and Bo Chen`).
pub fn unplaced_in(agent: &str) -> Option<&str> {
    agent.strip_prefix(UNPLACED)
}

/// Why an intervention needs help.
#[derive(Debug, Clone, PartialEq)]
pub enum StuckReason {
    /// Waiting in the general queue since then.
    Queued { since: Timestamp },
    /// Its owner is deactivated.
    OwnerInactive { owner: String },
    /// Its owner is away or offline, since then.
    OwnerAbsent {
        owner: String,
        status: AgentStatus,
        since: Timestamp,
    },
    /// The user has waited for a reply since then.
    NoReply { since: Timestamp },
}

impl StuckReason {
    /// Its name for scripts: `queued_too_long`, `owner_inactive`, `owner_away`, `owner_offline`,
    /// `no_reply`.
    pub fn kind(&self) -> &'static str {
        match self {
            StuckReason::Queued { .. } => "queued_too_long",
            StuckReason::OwnerInactive { .. } => "owner_inactive",
            StuckReason::OwnerAbsent {
                status: AgentStatus::Offline,
                ..
            } => "owner_offline",
            StuckReason::OwnerAbsent { .. } => "owner_away",
            StuckReason::NoReply { .. } => "no_reply",
        }
    }

    /// Since when it holds, when the contract says (not for a deactivation).
    pub fn since(&self) -> Option<Timestamp> {
        match self {
            StuckReason::Queued { since }
            | StuckReason::NoReply { since }
            | StuckReason::OwnerAbsent { since, .. } => Some(*since),
            StuckReason::OwnerInactive { .. } => None,
        }
    }
}

/// A stuck intervention and why.
#[derive(Debug, Clone)]
pub struct Stuck {
    pub intervention: Intervention,
    pub reasons: Vec<StuckReason>,
    /// When it was found stuck: the reasons' ages count to then.
    pub now: Timestamp,
}

/// One line of `livectl queues`: the general queue or an agent's My Queue.
#[derive(Debug, Clone, Serialize)]
pub struct QueueRow {
    pub queue: String,
    pub agent: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub count: i64,
    /// The agent's capacity (null: no limit, or the general queue).
    pub max_load: Option<u32>,
    #[serde(serialize_with = "livectl_contract::time::exact_or_null::serialize")]
    pub oldest_at: Option<Timestamp>,
}

impl QueueRow {
    /// The general queue first, then every agent's My Queue.
    pub fn all(queues: &Queues) -> Vec<QueueRow> {
        let mut rows = vec![QueueRow {
            queue: "general".into(),
            agent: None,
            name: None,
            status: None,
            count: queues.general.count,
            max_load: None,
            oldest_at: queues.general.oldest_queued_at,
        }];
        rows.extend(queues.agents.iter().map(QueueRow::from));
        rows
    }
}

impl From<&AgentQueue> for QueueRow {
    fn from(q: &AgentQueue) -> QueueRow {
        QueueRow {
            queue: "my".into(),
            agent: Some(q.agent.clone()),
            name: Some(q.name.clone()),
            status: Some(if q.active {
                q.status.to_string()
            } else {
                "inactive".into()
            }),
            count: q.count,
            max_load: q.max_load,
            oldest_at: q.oldest_assigned_at,
        }
    }
}

/// The names ids stand for (agents, departments, the catalog), for people reading a table.
#[derive(Debug, Clone, Default)]
pub struct Names(HashMap<String, String>);

impl Names {
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Names {
        Names(pairs.into_iter().collect())
    }

    pub fn extend(&mut self, pairs: impl IntoIterator<Item = (String, String)>) {
        self.0.extend(pairs);
    }

    pub fn get(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    /// The name when known, else the id.
    pub fn of(&self, id: &str) -> String {
        self.get(id).unwrap_or(id).to_owned()
    }
}

/// How one case of `livectl conformance` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Passed,
    /// The implementation broke the rule; the detail is the evidence.
    Failed,
    /// Not checked; the detail says why (a skipped case does not fail the run).
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Skipped => "skipped",
        }
    }
}

/// One case of the conformance suite: the rule it checks, its name, how it ended and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub rule: String,
    pub case: String,
    pub result: Verdict,
    pub detail: String,
}

/// One decision of `livectl autopilot`: which rule matched which intervention, what was done
/// about it and how that went. One log line each (an NDJSON object with `-o ndjson`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    #[serde(serialize_with = "livectl_contract::time::exact::serialize")]
    pub at: Timestamp,
    /// `owner-offline`, `owner-away`, `owner-inactive`, `queued` or `no-reply`.
    pub rule: String,
    pub intervention: String,
    /// The version it was seen at, sent as If-Match.
    pub version: i64,
    /// `reassign`, `assign`, `return`, or `none` when it is left where it is.
    pub action: String,
    /// Its owner when decided.
    pub from: Option<String>,
    /// The agent it goes to.
    pub to: Option<String>,
    /// Why, in words: `owner Sam Okafor (ag_4) offline for 2m10s`.
    pub why: String,
    /// `done`, `skipped`, `failed`, `dry run` (nothing sent) or `left` (no agent has capacity).
    pub result: String,
    /// What the platform said about a skipped or failed move, or why it was left.
    pub detail: Option<String>,
}

/// What an autopilot did, said when it stops.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AutopilotSummary {
    pub decisions: u64,
    pub done: u64,
    /// Changed by someone else first (another autopilot, a person): never moved twice.
    pub skipped: u64,
    pub failed: u64,
    /// No agent had room, so they stayed where they were.
    pub left: u64,
    /// With --dry-run: what would have been done.
    pub would: u64,
    pub seconds: u64,
}

/// A profile of config.toml as `livectl config profiles` lists it: whether a token is stored
/// for it, never the token.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileRow {
    pub name: String,
    /// The profile a run uses now (`--profile`, `LIVECTL_PROFILE`, else `default_profile`).
    pub current: bool,
    /// Whether it is the config's `default_profile`.
    pub default: bool,
    pub api_url: Option<String>,
    pub workspace: Option<String>,
    pub output: Option<String>,
    /// Whether the credentials file holds a token for it (`livectl login`).
    pub logged_in: bool,
}
