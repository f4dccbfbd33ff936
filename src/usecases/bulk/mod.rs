//! The bulk engine behind every action with more than one target. It streams, so a million
//! items run in bounded memory, in three phases:
//!
//! 1. plan: the targets arrive one by one (ids, stdin, or a listing page by page) and each
//!    becomes a numbered plan line of the journal, with its action and the version it was listed
//!    at (for If-Match);
//! 2. confirm: the count and a sample; declined (or `--dry-run`, which prints the plan as it
//!    streams) leaves no journal behind;
//! 3. dispatch: the plan is read back from the journal and sent with bounded concurrency, an
//!    optional rate and idempotency keys derived from (run, item, action); each start and end
//!    is journaled by plan number, so a resume holds one byte per item and streams the plan again.
//!
//! A run chosen by filters and confirmed already (`--yes`) has nothing to count first: phases 1
//! and 3 overlap, the plan written as the listing arrives and read back as it grows, so the
//! first items are sent while the rest are listed. Killed while planning, its resume sends what
//! was planned and says the rest was not.

mod check;
mod dispatch;
pub mod journal;
mod ledger;
mod plan;
pub mod runs;
mod stopping;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use futures_util::stream::LocalBoxStream;
use livectl_contract::ActionKind;

pub use dispatch::{rate_period, resume};
pub use plan::run;

use crate::error::CliError;
use crate::model::{Item, ItemResult, Summary};
use crate::ui::{Reach, Ui};
use crate::usecases::targets::Source;

/// Refuses `--json` and `--sort` fields that a run's output does not have, before anything is
/// sent: found only when the output is written, they would fail a run that had done its work.
/// With JSON it is the summary, shaped only by --json and --jq (as `Ui::json` does); else the
/// items that were skipped or failed, as a list is.
fn check_shape(ui: &Ui) -> Result<(), CliError> {
    if ui.format != Some(crate::ui::Format::Json) {
        return ui.shape.check(<ItemResult as crate::ui::Row>::FIELDS);
    }
    if ui.shape.is_json() {
        return ui.shape.check(Summary::FIELDS);
    }
    Ok(())
}

/// The slowest and fastest `--rate` a run takes, in actions a second.
pub const RATES: (f64, f64) = (0.001, 1_000_000.0);
/// The most requests in flight a run takes (`--concurrency`, from 1).
pub const MAX_CONCURRENCY: u16 = 256;
/// The most end-of-run passes a run takes (`--retries`).
pub const MAX_RETRIES: u32 = 10;

/// How a bulk run goes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The pace given on the command line; what is not given comes from the journal on a
    /// resume, else from `Pace::default()`.
    pub pace: PaceArgs,
    /// Print the plan and send nothing.
    pub dry_run: bool,
    /// Where the journal goes; a new file in the state directory when None.
    pub journal: Option<PathBuf>,
    /// Confirmed already (`--yes`).
    pub yes: bool,
    /// The test hook LIVECTL_JOURNAL_LIMIT: the journal fails as a full disk would after this
    /// many bytes written by this process.
    pub journal_limit: Option<u64>,
    /// The flags that reached the platform (`connect::reach`), repeated in the `--resume`
    /// command a run suggests.
    pub reach: Reach,
    /// How a command typed now reaches a journal's platform, its flags said (`connect::reach_named`), for the
    /// hint of a resume that reached another workspace.
    pub reach_to: Option<fn(&str) -> Reach>,
    /// The run's id, when its journal was named after it already (the autopilot's batches, in
    /// a directory of their own or the runs directory); a new one when None.
    pub run_id: Option<String>,
}

/// The pace flags as given (`--concurrency`, `--rate`, `--retries`), None when left out.
#[derive(Debug, Clone, Copy, Default)]
pub struct PaceArgs {
    pub concurrency: Option<u16>,
    pub rate: Option<f64>,
    pub retries: Option<u32>,
}

/// How fast a run goes and how hard it tries; recorded in its journal so a resume keeps it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pace {
    /// Requests in flight at once.
    pub concurrency: u16,
    /// At most this many actions a second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
    /// Passes at the end of the run over items that failed for a passing reason.
    pub retries: u32,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            concurrency: DEFAULT_CONCURRENCY,
            rate: None,
            retries: DEFAULT_RETRIES,
        }
    }
}

/// Requests in flight at once unless `--concurrency` says otherwise (bench/bulk.sh measured 8
/// to 64 alike on a 2-core sandbox; 16 keeps that pace and is gentle with a real platform).
pub const DEFAULT_CONCURRENCY: u16 = 16;
/// End-of-run passes over transient failures unless `--retries` says otherwise.
pub const DEFAULT_RETRIES: u32 = 2;

impl std::fmt::Display for Pace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "concurrency {}, ", self.concurrency)?;
        match self.rate {
            Some(rate) => write!(f, "at most {rate} a second, ")?,
            None => f.write_str("no rate limit, ")?,
        }
        write!(f, "{} end-of-run retries", self.retries)
    }
}

impl Pace {
    /// Why a pace read from a journal is not one the flags could give, when it is not.
    pub fn wrong(&self) -> Option<String> {
        let (slowest, fastest) = RATES;
        if !(1..=MAX_CONCURRENCY).contains(&self.concurrency) {
            Some(format!(
                "its concurrency {} is not from 1 to {MAX_CONCURRENCY}",
                self.concurrency
            ))
        } else if self.retries > MAX_RETRIES {
            Some(format!(
                "its retries {} are more than {MAX_RETRIES}",
                self.retries
            ))
        } else if let Some(rate) = self.rate
            && !(slowest..=fastest).contains(&rate)
        {
            Some(format!(
                "its rate {rate} is not from {slowest} to {fastest}"
            ))
        } else {
            None
        }
    }
}

impl PaceArgs {
    /// The pace of a new run: what was given, over the defaults.
    pub fn fresh(self) -> Pace {
        self.over(Pace::default())
    }

    /// What was given, over what the run recorded, over the defaults.
    pub fn over(self, recorded: Pace) -> Pace {
        Pace {
            concurrency: self.concurrency.unwrap_or(recorded.concurrency),
            rate: self.rate.or(recorded.rate),
            retries: self.retries.unwrap_or(recorded.retries),
        }
    }
}

/// The command a run belongs to, as its journal records it (`reassign`, `stuck --fix return`),
/// and the actions its items may take: a resume refuses a journal whose items take another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: String,
    pub kinds: Vec<ActionKind>,
}

impl Command {
    pub fn new(name: impl Into<String>, kinds: &[ActionKind]) -> Command {
        Command {
            name: name.into(),
            kinds: kinds.to_vec(),
        }
    }

    /// The command of one action: `cancel` cancels.
    pub fn of(kind: ActionKind) -> Command {
        Command::new(kind.as_str(), &[kind])
    }

    /// The autopilot's batches of moves. No command resumes their journals: an autopilot
    /// started again decides from the platform as it is.
    pub fn autopilot(kinds: &[ActionKind]) -> Command {
        Command::new(AUTOPILOT, kinds)
    }

    /// How what a run of this command left is carried on, said in its hints.
    pub fn again(&self, reach: &Reach, journal: &Path) -> Again {
        Again::of(&self.name, reach, journal)
    }

    /// The actions it takes, for messages: `assign or reassign`.
    pub fn kinds_in_words(&self) -> String {
        let names: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
        names.join(" or ")
    }
}

/// The name the autopilot's batches record in their journals (`Command::autopilot`).
const AUTOPILOT: &str = "autopilot";

/// How what a run left (items not sent, failures worth another try) is carried on: the
/// command that resumes its journal, or for the autopilot's batches, the autopilot started
/// again, which decides from the platform as it is. Every hint that says so comes from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Again {
    /// `livectl ACTION --resume JOURNAL`, with the flags that reached the platform.
    Resume(String),
    /// `livectl autopilot`, with the flags that reached the platform, started again.
    Restart(String),
}

impl Again {
    /// For the run recorded as `action` (a journal's header) in `journal`.
    pub fn of(action: &str, reach: &Reach, journal: &Path) -> Again {
        if action == AUTOPILOT {
            return Again::Restart(reach.command(AUTOPILOT));
        }
        Again::Resume(format!(
            "{} --resume {}",
            reach.command(action),
            crate::ui::shell_word(&journal.display().to_string())
        ))
    }

    /// What to do with a journal given to another command, as a hint says it: "resume it with
    /// `livectl cancel --resume FILE`".
    pub fn elsewhere(&self) -> String {
        match self {
            Again::Resume(resume) => format!("resume it with `{resume}`"),
            restart @ Again::Restart(_) => format!("no command resumes it; {}", restart.step()),
        }
    }

    /// What to do, as a hint says it: "continue with `livectl cancel --resume FILE`".
    pub fn step(&self) -> String {
        match self {
            Again::Resume(command) => format!("continue with `{command}`"),
            Again::Restart(command) => format!(
                "start `{command}` again with its rules and agents: it decides from the platform as it is"
            ),
        }
    }
}

/// The flag that names where a run of `action` writes its journal: `--journal`, or the
/// autopilot's `--journal-dir`.
pub fn journal_flag(action: &str) -> &'static str {
    if action == AUTOPILOT {
        "--journal-dir"
    } else {
        "--journal"
    }
}

/// What a run will do: its items arrive as a stream and are planned as they come.
pub struct Plan<'a> {
    pub command: Command,
    /// What it does, for the confirmation: `reassign to Ana Lima and Bo Chen`.
    pub describe: String,
    pub items: LocalBoxStream<'a, Result<Item, CliError>>,
    /// Where the targets came from. Selected by filters, a confirmation is needed whatever the
    /// count, and each item carries the version listed.
    pub source: Source,
    /// Ids given more than once, dropped as they arrived; said once the plan is complete.
    pub repeats: Arc<AtomicU64>,
    /// livectl chooses each item's agent (`To::chooses`): the summary says who got what.
    pub chooses: bool,
}

/// The key of an item in run `run_id`: the same on every attempt and every resume.
pub fn key(run_id: &str, item: &Item) -> String {
    format!("{run_id}:{}:{}", item.action.name(), item.id)
}

/// A new run id: the time and some randomness, readable in file names.
pub fn new_run_id() -> String {
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    format!("{now}-{:06x}", fastrand::u32(..) & 0xff_ffff)
}

/// Why `id` is not a run id as `new_run_id` spells them (`20261124T120000Z-3f2a1c`), when
/// it is not: the keys of a journal's items are made of it, so an edited one is refused
/// before it reaches a header.
pub fn wrong_run_id(id: &str) -> Option<String> {
    let ok = id.len() == 23
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 => b == b'T',
            15 => b == b'Z',
            16 => b == b'-',
            17.. => b.is_ascii_hexdigit() && !b.is_ascii_uppercase(),
            _ => b.is_ascii_digit(),
        });
    (!ok).then(|| {
        format!("its run id `{id}` is not one livectl writes (such as 20261124T120000Z-3f2a1c), and the items' keys are made of it")
    })
}
