//! The bulk engine behind every action with more than one target: a plan of items, bounded
//! concurrency, an optional rate, idempotency keys derived from (run, item, action), a journal
//! to resume from, a progress bar and a summary.

pub mod journal;
mod run;
pub mod spread;
pub mod targets;

use std::path::PathBuf;

use clap::Args;
use serde::{Deserialize, Serialize};

use crate::api::ActionBody;

pub use run::{Summary, run};

/// Bulk options, shared by the five actions and `stuck --fix`.
#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// Requests in flight at once (bench/bulk.sh measured 8 to 64 alike on a 2-core sandbox,
    /// each within 1.25x of wrk; 16 keeps that pace and is gentle with a real platform)
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// At most N actions a second
    #[arg(long, value_name = "N", value_parser = parse_rate)]
    pub rate: Option<f64>,
    /// Print what would change and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Continue the run of this journal: only what is left, in-flight items replayed with their keys
    #[arg(long, value_name = "FILE", conflicts_with_all = ["journal", "dry_run"])]
    pub resume: Option<PathBuf>,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r > 0.0 && r.is_finite() => Ok(r),
        _ => Err(format!(
            "`{s}` is not a rate; give a number of actions a second above 0, such as 50"
        )),
    }
}

/// One planned action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    /// The version listed, sent as If-Match (filter-selected items only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    pub action: String,
    pub body: serde_json::Value,
}

impl Item {
    pub fn new(id: String, version: Option<i64>, body: &ActionBody) -> Item {
        Item {
            id,
            version,
            action: body.name().to_owned(),
            body: serde_json::to_value(body).unwrap_or_default(),
        }
    }

    /// The key of this item in run `run_id`: the same on every attempt and every resume.
    pub fn key(&self, run_id: &str) -> String {
        format!("{run_id}:{}:{}", self.action, self.id)
    }
}

/// A new run id: the time and some randomness, readable in file names.
pub fn new_run_id() -> String {
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    format!("{now}-{:06x}", fastrand::u32(..) & 0xff_ffff)
}
