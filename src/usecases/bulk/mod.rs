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

mod dispatch;
pub mod journal;
mod ledger;
mod plan;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use futures_util::stream::LocalBoxStream;
use livectl_contract::ActionKind;

pub use dispatch::{rate_period, resume};
pub use plan::run;

use crate::error::CliError;
use crate::model::Item;

/// The slowest and fastest `--rate` a run takes, in actions a second.
pub const RATES: (f64, f64) = (0.001, 1_000_000.0);

/// How a bulk run goes.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Requests in flight at once.
    pub concurrency: u16,
    /// At most this many actions a second.
    pub rate: Option<f64>,
    /// Print the plan and send nothing.
    pub dry_run: bool,
    /// Where the journal goes; a new file in the state directory when None.
    pub journal: Option<PathBuf>,
    /// Confirmed already (`--yes`).
    pub yes: bool,
    /// The test hook LIVECTL_JOURNAL_LIMIT: the journal fails as a full disk would after this
    /// many bytes written by this process.
    pub journal_limit: Option<u64>,
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

    /// The actions it takes, for messages: `assign or reassign`.
    pub fn kinds_in_words(&self) -> String {
        let names: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
        names.join(" or ")
    }
}

/// What a run will do: its items arrive as a stream and are planned as they come.
pub struct Plan<'a> {
    pub command: Command,
    /// What it does, for the confirmation: `reassign to Ana Lima and Bo Chen`.
    pub describe: String,
    pub items: LocalBoxStream<'a, Result<Item, CliError>>,
    /// Selected by filters: a confirmation is needed whatever the count, and each item carries
    /// the version listed.
    pub by_filter: bool,
    /// Ids given more than once, dropped as they arrived; said once the plan is complete.
    pub repeats: Arc<AtomicU64>,
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
