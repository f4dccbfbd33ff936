//! The bulk engine behind every action with more than one target: a plan of items, bounded
//! concurrency, an optional rate, idempotency keys derived from (run, item, action), a journal
//! to resume from, a progress bar and a summary.

mod engine;
pub mod journal;

use std::path::PathBuf;

pub use engine::{resume, run};

use crate::model::Item;

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
}

/// What a run will do.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The command that runs it, as the journal records it: `reassign`, `stuck --fix return`.
    pub command: String,
    /// What it does, for the confirmation: `reassign to Ana Lima and Bo Chen`.
    pub describe: String,
    pub items: Vec<Item>,
    /// Selected by filters: a confirmation is needed whatever the count, and each item carries
    /// the version listed.
    pub by_filter: bool,
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
