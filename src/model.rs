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
    /// The items done given to each agent, most first, where livectl chose the agent (a pool,
    /// or several agents named); empty otherwise. A resumed run's are its every session's, as
    /// `done` counts them.
    pub given: Vec<Given>,
}

/// How many items a run gave one agent.
#[derive(Debug, Clone, Serialize)]
pub struct Given {
    pub agent: String,
    pub name: Option<String>,
    pub items: u64,
}

impl Given {
    /// The items given to each agent (`counts`), most first, each named as `name_of` finds it.
    pub fn sorted(
        counts: HashMap<String, u64>,
        name_of: impl Fn(&str) -> Option<String>,
    ) -> Vec<Given> {
        let mut given: Vec<Given> = counts
            .into_iter()
            .map(|(agent, items)| Given {
                name: name_of(&agent),
                agent,
                items,
            })
            .collect();
        given.sort_by(|a, b| b.items.cmp(&a.items).then_with(|| a.agent.cmp(&b.agent)));
        given
    }

    /// Whether who got what is worth saying: where livectl chose the agent (a pool's pick, a
    /// spread over several: said even when one of them got every item, which one being news),
    /// or where items went to several. A run and its dry run ask the same.
    pub fn worth_saying(chooses: bool, agents: usize) -> bool {
        agents > 0 && (chooses || agents > 1)
    }

    /// `Dee Park (ag_5)`, or its id alone.
    pub fn who(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} ({})", self.agent),
            None => self.agent.clone(),
        }
    }

    /// Who got how many, as a run's line says it: `Dee Park (ag_5) 3, Bo Chen (ag_3) 2`; past
    /// `SAID` agents the rest counted, which `-o json` lists (a spread over 80 agents wrote one
    /// line of 3 KB: new user).
    pub fn said(given: &[Given]) -> String {
        const SAID: usize = 10;
        let each: Vec<String> = given
            .iter()
            .take(SAID)
            .map(|g| format!("{} {}", g.who(), g.items))
            .collect();
        match given.len().saturating_sub(SAID) {
            0 => each.join(", "),
            1 => format!(
                "{}, and 1 more agent (`-o json` lists each)",
                each.join(", ")
            ),
            more => format!(
                "{}, and {more} more agents (`-o json` lists each)",
                each.join(", ")
            ),
        }
    }
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
            given: Vec::new(),
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
        "given",
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
    /// The version listed, sent as If-Match (items chosen by filters, or NDJSON on stdin that
    /// carries one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub action: Action,
    /// Why the platform would refuse it as the intervention stands now, when a plan judged it
    /// before sending (a dry run, a confirmation: `bulk::check`; ids looked up, items listed
    /// judged as listed). Never journaled: the run sends it all the same, and the platform's
    /// answer is its result.
    #[serde(skip)]
    pub refused: Option<String>,
    /// The intervention as the plan knows it already (listed by filters, or looked up to
    /// spread it), so `bulk::check` does not ask for it again. Never journaled.
    #[serde(skip)]
    pub looked: Option<Looked>,
}

impl Item {
    /// For an item no agent had room for when it was planned, who that was (see `unplaced`).
    pub fn unplaced(&self) -> Option<NoRoom> {
        self.action.target().and_then(NoRoom::of_mark)
    }
}

/// An intervention as a plan knows it before sending (listed, or looked up), to spread it over
/// agents or to say whether the platform would refuse it (`bulk::check`): looked up once,
/// whichever needs it first, and not at all when it was listed.
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

/// Why items that no agent had room for are left where they are, in the summary counts and the
/// error that ends such a run (exit 3, as a failure would); each item's own reason names who
/// had no room (`NoRoom::reason`).
pub const NO_CAPACITY: &str = "no agent has capacity";

/// Who had no room for an item a run leaves where it is: the agents `--to` named (each at its
/// `max_load`, or the item's own owner), or a pool. A plan keeps it in the item's mark
/// (`unplaced`), a run finds it when the platform refuses an agent for want of room (409
/// `at_capacity`); both say it with `reason`, and the run's hint follows from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoRoom {
    Agents(Vec<Full>),
    /// A pool as written (`@online`, `@department:dp_2`), widened or not to agents who are away.
    Pool {
        pool: String,
        include_away: bool,
    },
    /// `@department` for an intervention that has no department: no agent is of its
    /// department, whatever their room.
    NoDepartment,
}

/// An agent that had no room: by id and name when known, and its capacity when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Full {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_load: Option<u32>,
    /// It owns the item, so it cannot be given it (rather than having no room).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub owns: bool,
}

impl Full {
    /// `Bo Chen (ag_3)`, or what is known of it.
    pub fn who(&self) -> String {
        match (&self.name, &self.id) {
            (Some(name), Some(id)) => format!("{name} ({id})"),
            (Some(name), None) => name.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => "the agent".into(),
        }
    }
}

impl NoRoom {
    /// A pool that is not widened to agents who are away.
    pub fn pool(pool: &str) -> NoRoom {
        NoRoom::Pool {
            pool: pool.to_owned(),
            include_away: false,
        }
    }

    /// Who had no room for an item owned by `owner`: the agent named that owns it is said to.
    pub fn for_item(&self, owner: Option<&str>) -> NoRoom {
        let mut who = self.clone();
        if let NoRoom::Agents(agents) = &mut who {
            for agent in agents {
                agent.owns = owner.is_some() && agent.id.as_deref() == owner;
            }
        }
        who
    }

    /// An agent given what it owns: `Bo Chen owns it already`, the one wording of the dry run,
    /// a run's summary, the autopilot and one action's refusal.
    pub fn owns_already(who: &str) -> String {
        format!("{who} owns it already")
    }

    /// Why the item was not given, as a sentence: `Bo Chen (ag_3) is at its max_load of 2`,
    /// `no agent of @online is online with room under its max_load` (nobody online, or each
    /// at its max_load: the pool is judged by both).
    pub fn why(&self) -> String {
        match self {
            NoRoom::Agents(agents) if let [one] = agents.as_slice() => match one.max_load {
                _ if one.owns => NoRoom::owns_already(&one.who()),
                Some(max) => format!("{} is at its max_load of {max}", one.who()),
                None => format!("{} is at its max_load", one.who()),
            },
            NoRoom::Agents(agents) => format!(
                "{} can take it: each is at its max_load{}",
                none_of(&agents.iter().map(Full::who).collect::<Vec<_>>()),
                if agents.iter().any(|a| a.owns) {
                    " or owns it"
                } else {
                    ""
                }
            ),
            NoRoom::Pool { pool, include_away } => {
                format!("no agent of {pool} is {}", with_room(*include_away))
            }
            NoRoom::NoDepartment => {
                format!("it has no department, so {DEPARTMENT_POOL} has no agent for it")
            }
        }
    }

    /// The reason an item left where it is ends with, as a run reports it and a dry run shows
    /// it: `Bo Chen (ag_3) is at its max_load of 2; left where it is`.
    pub fn reason(&self) -> String {
        format!("{}; left where it is", self.why())
    }

    /// Who it was, as people read it: `Bo Chen (ag_3)`, `Ana Lima (ag_2) and Bo Chen (ag_3)`,
    /// `@online (and away)`.
    pub fn who(&self) -> String {
        match self {
            NoRoom::Agents(agents) => listed(&agents.iter().map(Full::who).collect::<Vec<_>>()),
            NoRoom::Pool { pool, include_away } => pool_words(pool, *include_away),
            NoRoom::NoDepartment => DEPARTMENT_POOL.to_owned(),
        }
    }

    /// The mark that stands for the agent of an item no agent had room for (see `unplaced`):
    /// the agents as data, or the pool as people read it.
    pub fn mark(&self) -> String {
        let who = match self {
            NoRoom::Agents(agents) => serde_json::to_string(agents).unwrap_or_default(),
            NoRoom::Pool { .. } => self.who(),
            NoRoom::NoDepartment => NO_DEPARTMENT.to_owned(),
        };
        format!("{UNPLACED}{who}")
    }

    /// Who a mark names; None for an agent (or anything else). Journals written before the
    /// mark held agents as data hold what `--to` said (`Ana Lima and Bo Chen`), read as names.
    pub fn of_mark(agent: &str) -> Option<NoRoom> {
        let who = agent.strip_prefix(UNPLACED)?;
        if who == NO_DEPARTMENT {
            return Some(NoRoom::NoDepartment);
        }
        if who.starts_with('@') {
            let away = who.strip_suffix(AWAY_WORDS);
            return Some(NoRoom::Pool {
                pool: away.unwrap_or(who).to_owned(),
                include_away: away.is_some(),
            });
        }
        if let Ok(agents) = serde_json::from_str::<Vec<Full>>(who) {
            return Some(NoRoom::Agents(agents));
        }
        let named = |name: &str| Full {
            id: None,
            name: Some(name.to_owned()),
            max_load: None,
            owns: false,
        };
        Some(NoRoom::Agents(who.split(" and ").map(named).collect()))
    }
}

/// Who had no room for the items a run leaves where they are, each once: what a run's last
/// message and a dry run's count say (`why`), and what the hint reads (`each`). An agent whose
/// max_load changed between a run's sessions is one agent, said with its latest max_load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoRooms(Vec<NoRoom>);

impl NoRooms {
    pub fn add(&mut self, who: NoRoom) {
        match self.0.iter_mut().find(|seen| seen.same_as(&who)) {
            Some(seen) => seen.learn(who),
            None => self.0.push(who),
        }
    }

    /// Who had no room, when it was one agent (or set of agents, or pool) all along; else the
    /// words for many (each item's own reason names its own).
    pub fn why(&self) -> String {
        match self.0.as_slice() {
            [who] => who.why(),
            _ => NO_CAPACITY.to_owned(),
        }
    }

    pub fn each(&self) -> &[NoRoom] {
        &self.0
    }
}

impl NoRoom {
    /// The same agents (whatever their max_load was then, however much of them was known), or
    /// the same pool.
    fn same_as(&self, other: &NoRoom) -> bool {
        match (self, other) {
            (NoRoom::Agents(these), NoRoom::Agents(those)) => {
                these.len() == those.len() && these.iter().zip(those).all(|(a, b)| a.is(b))
            }
            _ => self == other,
        }
    }

    /// The same agents said again: what is known of each now, where it is known.
    fn learn(&mut self, again: NoRoom) {
        match (self, again) {
            (NoRoom::Agents(these), NoRoom::Agents(those)) => {
                for (this, that) in these.iter_mut().zip(those) {
                    this.id = that.id.or(this.id.take());
                    this.name = that.name.or(this.name.take());
                    this.max_load = that.max_load.or(this.max_load);
                    this.owns |= that.owns;
                }
            }
            (this, again) => *this = again,
        }
    }
}

impl Full {
    /// The same agent: by id when both know it, else by name.
    fn is(&self, other: &Full) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b,
            _ => self.name.is_some() && self.name == other.name,
        }
    }
}

/// The topics a picker offers to wrap up interventions of `departments`: those of no department,
/// and those of their department when they share one (a Support topic does not fit a Billing
/// intervention); every topic when that leaves none. The CLI's picker and the console's offer
/// these (the console offered every topic: new user).
pub fn topics_offered<'a>(
    topics: &'a [livectl_contract::Topic],
    departments: &[Option<&str>],
) -> Vec<&'a livectl_contract::Topic> {
    let fits = |t: &livectl_contract::Topic| {
        t.department.is_none() || departments.iter().all(|d| *d == t.department.as_deref())
    };
    let offered: Vec<_> = topics.iter().filter(|t| fits(t)).collect();
    if offered.is_empty() {
        topics.iter().collect()
    } else {
        offered
    }
}

/// The title of a picker of `offered` among `all` topics: `Topic` when they are all; else whose
/// they are, `Topic (Support's, and those of no department)`, `name` naming a department by id.
pub fn topics_title(
    all: &[livectl_contract::Topic],
    offered: &[&livectl_contract::Topic],
    name: impl Fn(&str) -> String,
) -> String {
    if offered.len() == all.len() {
        return "Topic".to_owned();
    }
    let department = offered.iter().find_map(|t| t.department.as_deref());
    let shared = offered.iter().any(|t| t.department.is_none());
    match (department, shared) {
        (Some(d), true) => format!("Topic ({}'s, and those of no department)", name(d)),
        (Some(d), false) => format!("Topic ({}'s)", name(d)),
        (None, _) => "Topic (those of no department)".to_owned(),
    }
}

/// What an agent that would take work is: `online with room under its max_load`, or `online or
/// away …` where work may go to agents who are away.
pub fn with_room(include_away: bool) -> String {
    let status = if include_away {
        "online or away"
    } else {
        "online"
    };
    format!("{status} with room under its max_load")
}

/// Names as a sentence lists them: `Ana`, `Ana and Bo`, `Ana, Bo and Cy`.
pub fn listed<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [first @ .., last] => {
            let first: Vec<&str> = first.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", first.join(", "), last.as_ref())
        }
    }
}

/// Several names as the subject of what none of them does: `neither Ana nor Bo`, `none of
/// Ana, Bo and Cy` ("none of Ana and Bo" read wrong to a new user).
pub fn none_of<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [a, b] => format!("neither {} nor {}", a.as_ref(), b.as_ref()),
        _ => format!("none of {}", listed(names)),
    }
}

/// A pool as people read it, widened or not to agents who are away: `@online (and away)`.
pub fn pool_words(pool: &str, include_away: bool) -> String {
    let away = if include_away { AWAY_WORDS } else { "" };
    format!("{pool}{away}")
}

/// How `pool_words` says a pool is widened to agents who are away.
const AWAY_WORDS: &str = " (and away)";

/// The pool that gives each intervention to an agent of its own department.
pub const DEPARTMENT_POOL: &str = "@department";

/// The mark's words for an intervention `@department` has no agent for: it has no department.
const NO_DEPARTMENT: &str = "@department (no department)";

/// What an item's `agent` holds when no agent had room for it (`NoRoom::mark`): the item is
/// planned (so it is counted and reported) but never sent. Real agent ids never start with `@`.
const UNPLACED: &str = "@none: ";

/// Whether an item's agent is the mark of an item no agent had room for.
pub fn is_unplaced(agent: &str) -> bool {
    agent.starts_with(UNPLACED)
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
    /// The user has waited for its owner's reply since then (`since`, what the threshold
    /// counts: the assignment, when the user wrote before it; for a queued intervention an
    /// agent handed back, its message) and for any reply since `user` (its last message).
    NoReply { since: Timestamp, user: Timestamp },
}

/// Why an intervention is stuck, by name: what `stuck --rule` chooses and the autopilot's rules
/// act on (`StuckReason::rule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Its owner is offline (the autopilot: longer than the grace period).
    OwnerOffline,
    /// Its owner is away (the same).
    OwnerAway,
    /// Its owner was deactivated.
    OwnerInactive,
    /// Waiting in the general queue longer than the `queued` threshold.
    Queued,
    /// A user waiting for a reply longer than the `no_reply` threshold.
    NoReply,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::OwnerOffline,
        Rule::OwnerAway,
        Rule::OwnerInactive,
        Rule::Queued,
        Rule::NoReply,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::OwnerOffline => "owner-offline",
            Rule::OwnerAway => "owner-away",
            Rule::OwnerInactive => "owner-inactive",
            Rule::Queued => "queued",
            Rule::NoReply => "no-reply",
        }
    }

    pub fn names() -> String {
        Rule::ALL.map(Rule::as_str).join(", ")
    }
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        Rule::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| format!("`{s}` is not a rule; the rules are {}", Rule::names()))
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl StuckReason {
    /// The rule it falls under (`stuck --rule`, the autopilot's).
    pub fn rule(&self) -> Rule {
        match self {
            StuckReason::Queued { .. } => Rule::Queued,
            StuckReason::OwnerInactive { .. } => Rule::OwnerInactive,
            StuckReason::OwnerAbsent {
                status: AgentStatus::Offline,
                ..
            } => Rule::OwnerOffline,
            StuckReason::OwnerAbsent { .. } => Rule::OwnerAway,
            StuckReason::NoReply { .. } => Rule::NoReply,
        }
    }

    /// Its name for scripts: `queued_too_long`, `owner_inactive`, `owner_away`, `owner_offline`,
    /// `no_reply`.
    pub fn kind(&self) -> &'static str {
        match self.rule() {
            Rule::Queued => "queued_too_long",
            Rule::OwnerInactive => "owner_inactive",
            Rule::OwnerOffline => "owner_offline",
            Rule::OwnerAway => "owner_away",
            Rule::NoReply => "no_reply",
        }
    }

    /// Since when it holds, when the contract says (not for a deactivation).
    pub fn since(&self) -> Option<Timestamp> {
        match self {
            StuckReason::Queued { since }
            | StuckReason::NoReply { since, .. }
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
    /// No agent had room (or the one agent named owns it), so they stayed where they were.
    pub left: u64,
    /// Why, each reason once, in the order first met (the decisions' `detail`): the summary
    /// and the exit's error say these, not what `--to` could have lacked (it said "none of Bo
    /// Chen is online with room" of work left because Bo owns it: new user).
    #[serde(skip)]
    pub left_why: Vec<String>,
    /// Sent, and stopped before its answer was recorded: done or not, the next look says.
    pub unknown: u64,
    /// With --dry-run: what would have been done.
    pub would: u64,
    pub seconds: u64,
}

impl AutopilotSummary {
    /// A decision left where it is, for `why` (said once however often it is met): at the look,
    /// or at the move, its agent full by then.
    pub fn leave(&mut self, why: Option<&str>) {
        self.left += 1;
        if let Some(why) = why
            && !self.left_why.iter().any(|w| w == why)
        {
            self.left_why.push(why.to_owned());
        }
    }
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
    /// Whether the credentials file holds a token for it (`livectl login`) that a run may
    /// send to its api_url: not one given for another address.
    pub logged_in: bool,
    /// A token is stored for it, but was given for another address than its api_url (the
    /// address changed since `livectl login`), so no run sends it.
    #[serde(skip)]
    pub token_elsewhere: bool,
    /// Whether its api_url may be plain http:// though not loopback (`--allow-insecure-http`,
    /// kept with that address). Last, so a script reading the CSV by position reads as before.
    pub allow_insecure_http: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bo(max_load: Option<u32>) -> Full {
        Full {
            id: Some("ag_3".into()),
            name: Some("Bo Chen".into()),
            max_load,
            owns: false,
        }
    }

    /// A spread over 80 agents wrote one line of 3 KB (new user): ten, then a count.
    #[test]
    fn who_was_given_what_is_said_for_ten_agents_then_counted() {
        let given = |n: usize| -> Vec<Given> {
            (1..=n)
                .map(|i| Given {
                    agent: format!("ag_{i}"),
                    name: (i == 1).then(|| "Ana".to_owned()),
                    items: 2,
                })
                .collect()
        };
        assert_eq!(Given::said(&given(2)), "Ana (ag_1) 2, ag_2 2");
        assert_eq!(
            Given::said(&given(10)),
            "Ana (ag_1) 2, ag_2 2, ag_3 2, ag_4 2, ag_5 2, ag_6 2, ag_7 2, ag_8 2, ag_9 2, ag_10 2"
        );
        assert!(
            Given::said(&given(11)).ends_with(", ag_10 2, and 1 more agent (`-o json` lists each)")
        );
        assert_eq!(
            Given::said(&given(80)),
            "Ana (ag_1) 2, ag_2 2, ag_3 2, ag_4 2, ag_5 2, ag_6 2, ag_7 2, ag_8 2, ag_9 2, ag_10 2, \
             and 70 more agents (`-o json` lists each)"
        );
    }

    #[test]
    fn who_had_no_room_reads_back_from_its_mark_and_says_one_sentence() {
        let one = NoRoom::Agents(vec![bo(Some(2))]);
        let two = NoRoom::Agents(vec![
            Full {
                id: Some("ag_2".into()),
                name: Some("Ana Lima".into()),
                max_load: None,
                owns: false,
            },
            bo(Some(2)),
        ]);
        let pool = NoRoom::Pool {
            pool: "@department:dp_2".into(),
            include_away: true,
        };
        for who in [&one, &two, &pool] {
            assert!(is_unplaced(&who.mark()));
            assert_eq!(NoRoom::of_mark(&who.mark()).as_ref(), Some(who));
        }
        assert_eq!(
            one.reason(),
            "Bo Chen (ag_3) is at its max_load of 2; left where it is"
        );
        assert_eq!(
            two.reason(),
            "neither Ana Lima (ag_2) nor Bo Chen (ag_3) can take it: each is at its max_load; \
             left where it is"
        );
        // "Or owns it" only for an item one of them owns (it was said of queued ones too).
        let owned = two.for_item(Some("ag_3"));
        assert_eq!(NoRoom::of_mark(&owned.mark()).as_ref(), Some(&owned));
        assert_eq!(
            owned.reason(),
            "neither Ana Lima (ag_2) nor Bo Chen (ag_3) can take it: each is at its max_load or \
             owns it; left where it is"
        );
        assert_eq!(two.for_item(Some("ag_9")), two);
        assert_eq!(
            NoRoom::Agents(vec![bo(Some(2))])
                .for_item(Some("ag_3"))
                .why(),
            "Bo Chen (ag_3) owns it already"
        );
        assert_eq!(
            pool.reason(),
            "no agent of @department:dp_2 is online or away with room under its max_load; left where it is"
        );
        // Not a mark: an agent, a pool's route.
        assert_eq!(NoRoom::of_mark("ag_3"), None);
        assert_eq!(NoRoom::of_mark("@online"), None);
    }

    /// A run whose agent's max_load changed between its sessions counted Bo twice, and its
    /// last message fell back to the words for many.
    #[test]
    fn who_had_no_room_is_each_agent_once_with_its_latest_max_load() {
        let mut full = NoRooms::default();
        assert_eq!(full.why(), NO_CAPACITY);
        full.add(NoRoom::Agents(vec![bo(Some(1))]));
        full.add(NoRoom::Agents(vec![bo(Some(2))]));
        assert_eq!(full.each().len(), 1);
        assert_eq!(full.why(), "Bo Chen (ag_3) is at its max_load of 2");
        // Known by id alone (a 409 when the agents could not be listed), or renamed: still Bo,
        // and what was known of him stays.
        let mut unnamed = bo(None);
        unnamed.name = None;
        full.add(NoRoom::Agents(vec![unnamed]));
        let mut renamed = bo(None);
        renamed.name = Some("Bo Chen-Ng".into());
        full.add(NoRoom::Agents(vec![renamed]));
        assert_eq!(full.each().len(), 1);
        assert_eq!(full.why(), "Bo Chen-Ng (ag_3) is at its max_load of 2");
        full.add(NoRoom::pool("@online"));
        full.add(NoRoom::pool("@online"));
        assert_eq!(full.each().len(), 2);
        assert_eq!(full.why(), NO_CAPACITY);
    }

    #[test]
    fn the_topics_offered_fit_the_department_and_the_title_says_whose() {
        let topic = |id: &str, department: Option<&str>| livectl_contract::Topic {
            id: id.into(),
            key: None,
            name: id.into(),
            department: department.map(str::to_owned),
        };
        let topics = [
            topic("tp_1", None),
            topic("tp_2", Some("dp_1")),
            topic("tp_3", Some("dp_2")),
        ];
        let ids = |offered: &[&livectl_contract::Topic]| -> Vec<String> {
            offered.iter().map(|t| t.id.clone()).collect()
        };
        let name = |id: &str| format!("<{id}>");
        let support = topics_offered(&topics, &[Some("dp_1")]);
        assert_eq!(ids(&support), ["tp_1", "tp_2"]);
        assert_eq!(
            topics_title(&topics, &support, name),
            "Topic (<dp_1>'s, and those of no department)"
        );
        // Two departments: only what fits both, the shared ones.
        let both = topics_offered(&topics, &[Some("dp_1"), Some("dp_2")]);
        assert_eq!(ids(&both), ["tp_1"]);
        assert_eq!(
            topics_title(&topics, &both, name),
            "Topic (those of no department)"
        );
        // None shared: the department's alone; none fitting: every topic.
        let own = [topic("tp_2", Some("dp_1")), topic("tp_3", Some("dp_2"))];
        let support = topics_offered(&own, &[Some("dp_1")]);
        assert_eq!(topics_title(&own, &support, name), "Topic (<dp_1>'s)");
        let nowhere = topics_offered(&own, &[None]);
        assert_eq!(ids(&nowhere), ["tp_2", "tp_3"]);
        assert_eq!(topics_title(&own, &nowhere, name), "Topic");
    }

    /// Two agents read "none of Ana and Bo", three "Ana and Bo and Cy" (new user).
    #[test]
    fn names_are_listed_as_a_sentence_lists_them() {
        assert_eq!(listed::<&str>(&[]), "");
        assert_eq!(listed(&["Ana"]), "Ana");
        assert_eq!(listed(&["Ana", "Bo"]), "Ana and Bo");
        assert_eq!(listed(&["Ana", "Bo", "Cy"]), "Ana, Bo and Cy");
        assert_eq!(none_of(&["Ana", "Bo"]), "neither Ana nor Bo");
        assert_eq!(none_of(&["Ana", "Bo", "Cy"]), "none of Ana, Bo and Cy");
        let named = |id: &str, name: &str| Full {
            id: Some(id.into()),
            name: Some(name.into()),
            ..bo(Some(1))
        };
        let three = NoRoom::Agents(vec![
            named("ag_2", "Ana"),
            named("ag_3", "Bo"),
            named("ag_4", "Cy"),
        ]);
        assert_eq!(
            three.why(),
            "none of Ana (ag_2), Bo (ag_3) and Cy (ag_4) can take it: each is at its max_load"
        );
    }

    #[test]
    fn a_mark_of_an_older_journal_names_what_to_said() {
        let names = |mark: &str| NoRoom::of_mark(mark).map(|who| who.why());
        assert_eq!(
            names("@none: Bo Chen").as_deref(),
            Some("Bo Chen is at its max_load")
        );
        assert_eq!(
            names("@none: Ana Lima and Bo Chen").as_deref(),
            Some("neither Ana Lima nor Bo Chen can take it: each is at its max_load")
        );
        assert_eq!(
            names("@none: @online (and away)").as_deref(),
            Some("no agent of @online is online or away with room under its max_load")
        );
    }
}
