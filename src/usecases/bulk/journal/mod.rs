//! The journal of a bulk run: NDJSON, version 4. A header says what the run is and whose (the
//! workspace and the agent, not the address: a resume may reach the same platform another way);
//! then the plan, one numbered line an item, closed by a `planned` line with the count; then a
//! `start` line before an item's first attempt (with its idempotency key) and an `end` line when
//! it ends, both by plan number. A start is written before its request goes out; the end of an
//! item done goes out with the next record, in the same write (a kill that loses it leaves the
//! item in flight, which a resume replays with its key), any other end at once. The starts of
//! several items may go out in one write, before the first of them is sent; one the run stopped
//! before sending is `withdrawn` when the run stops, so a resume counts it as never sent. The
//! end of an item left where it was for want of room names who had none (`no_room`), so a resume
//! ends as that session did:
//!
//! ```text
//! {"journal":"livectl-bulk-journal","version":4,"run_id":"20261124T120000Z-3f2a1c","action":"reassign","workspace":"ws_9c…","agent":"ag_1","target":"http://127.0.0.1:7000","created_at":"2026-11-24T12:00:00Z"}
//! {"event":"plan","n":0,"id":"iv_1","version":3,"action":"reassign","body":{"agent":"ag_3","reason":null}}
//! {"event":"plan","n":1,"id":"iv_2","version":5,"action":"reassign","body":{"agent":"ag_4","reason":null}}
//! {"event":"planned","items":2}
//! {"event":"start","n":0,"key":"20261124T120000Z-3f2a1c:reassign:iv_1"}
//! {"event":"end","n":0,"id":"iv_1","outcome":"done"}
//! ```
//!
//! A confirmed run chosen by filters (`--yes`) streams its plan: records come between plan
//! lines, each after its item's plan line, and `planned` comes when the targets end. Such a
//! run stopped while planning resumes the items it had planned: the resume closes the plan
//! there (once it is sure to go on) with `"cut_short":true`, so every later resume still says
//! that the targets it had not listed were never planned, nor touched.
//!
//! A run killed at any point resumes from it: what ended is not redone, what was in flight is
//! replayed with its key, so nothing is acted on twice. A last line cut short by the kill is
//! dropped. A plan that could not be written whole (a full disk) before a confirmation is
//! removed before anything is sent; a record that cannot be written stops the run, and the
//! journal stays resumable. The process writing a journal holds a lock on it (on Unix), so a
//! `--resume` while its run goes on is refused (exit 6) instead of writing beside it.
//!
//! Version 2 (no records before `planned`) is read as well; version 1 (the whole plan inside
//! the header) is refused with a message saying so.

mod read;
mod results;
mod survey;
mod write;

use std::path::Path;

use serde::{Deserialize, Serialize};

use livectl_contract::ActionKind;

use crate::error::CliError;
use crate::model::ItemOutcome;
use crate::usecases::bulk::Pace;

pub use read::{Pick, PlanLines, Scan, Step, action, header, looks_like_journal, open, plan_lines};
pub use results::{Notable, Results, Where};
pub use survey::{Standing, Survey, survey};
pub use write::{Journal, Planner, file_name, not_started, runs_dir, runs_path};

pub const FORMAT: &str = "livectl-bulk-journal";
/// The version written: 4 adds `withdrawn`; 3 lets a confirmed run's records follow its plan
/// lines before the plan is complete. Versions 2 (every plan complete before its first record)
/// and 3 are read as well.
pub const VERSION: u32 = 4;
/// The oldest version read.
pub const OLDEST: u32 = 2;

/// The first line: what the run is, and whose.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub version: u32,
    pub run_id: String,
    /// The command that runs it: `reassign`, `stuck --fix return`.
    pub action: String,
    /// The workspace it acts in; a resume must reach the same one.
    pub workspace: String,
    /// The agent the run acts as; a resume must act as the same one.
    pub agent: String,
    /// Where it ran, for people: the API address, or the embedded sandbox's database.
    pub target: String,
    #[serde(with = "livectl_contract::time::exact")]
    pub created_at: jiff::Timestamp,
    /// Its concurrency, rate and retries: a resume keeps them unless given again.
    #[serde(default)]
    pub pace: Pace,
    /// livectl chose each item's agent (among several named, or in a pool): the summary of
    /// every session says who got what. Absent (false) in journals written before it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chooses: bool,
}

/// Every line after the header.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Line {
    /// Item `n` of the plan: an intervention, the version it was listed at, its action.
    Plan {
        n: u64,
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<i64>,
        action: ActionKind,
        #[serde(default)]
        body: serde_json::Value,
    },
    /// The plan is complete: this many items. `cut_short`: closed by a resume, because the
    /// run stopped while its plan streamed; the targets it had not listed were never planned.
    Planned {
        items: u64,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        cut_short: bool,
    },
    /// Written before the first attempt.
    Start { n: u64, key: String },
    /// Its start went out ahead, in the write of another item's, and the run stopped before it
    /// was sent: it stands as it did before that start.
    Withdrawn { n: u64 },
    /// The agent of a pool an item is about to be sent to, and the version its If-Match
    /// names, written before that attempt: a resume sends an item in flight to the same agent
    /// with the same If-Match, the same request, so its key replays the answer.
    Pick {
        n: u64,
        agent: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<i64>,
    },
    /// Written when the item ended. `retry` marks a failure worth another try on resume.
    End {
        n: u64,
        id: String,
        outcome: ItemOutcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        retry: bool,
        /// Left where it is for want of room: who had none (`NoRoom::mark`), so that a resume
        /// counts it as the session that left it did (a resume of such a run exited 0: new
        /// user). Absent in journals written before it, whose resumes end as they did.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_room: Option<String>,
    },
}

/// A journal that cannot be resumed safely: a line that does not parse, or is out of place.
fn damaged(path: &Path, line: usize, detail: impl std::fmt::Display) -> CliError {
    CliError::usage(format!(
        "the journal {} is damaged at line {line}: {detail}",
        path.display()
    ))
    .hint("it cannot be resumed safely; compare `livectl list` with what you meant to do")
}

#[cfg(test)]
mod tests;
