//! How a bulk run stops when asked to (Ctrl-C, SIGTERM or SIGHUP): what it waits for, how to
//! leave it at once, and what it says of how the items in flight ended.

use std::cell::RefCell;

use livectl_client::Client;

use super::Again;
use crate::error::{CliError, ErrorKind};
use crate::model::ItemOutcome;
use crate::ui::Ui;

/// How a Ctrl-C (or SIGTERM, SIGHUP) stops a run: after the first, no item is started and no request
/// retried, and the items in flight end as their answers come; a second leaves them without
/// one. Their starts are in the journal with their keys and their ends are not, so a resume
/// sends them again under the same keys, which the platform answers with what it did, if it
/// did: none is done twice.
#[derive(Default)]
pub struct Stopping {
    /// The items in flight now: sent, their answers not read yet.
    pub flying: RefCell<std::collections::HashSet<u64>>,
    /// How the items in flight when the run was asked to stop ended.
    pub finished: std::cell::Cell<Finished>,
    /// A second Ctrl-C left the items in `flying` without their answers.
    pub left: std::cell::Cell<bool>,
}

/// How the items in flight at a Ctrl-C ended.
#[derive(Debug, Default, Clone, Copy)]
pub struct Finished {
    done: u64,
    skipped: u64,
    failed: u64,
    /// Of the failed ones, those that failed for a passing reason: a resume sends them again.
    pub passing: u64,
}

impl Finished {
    pub fn ended(self) -> u64 {
        self.done + self.skipped + self.failed
    }
}

impl Stopping {
    /// An item that was in flight when the run was asked to stop ended so (`retry`: failed
    /// for a passing reason).
    pub fn ended(&self, outcome: ItemOutcome, retry: bool) {
        let mut f = self.finished.get();
        match outcome {
            ItemOutcome::Done => f.done += 1,
            ItemOutcome::Skipped => f.skipped += 1,
            ItemOutcome::Failed => {
                f.failed += 1;
                f.passing += u64::from(retry);
            }
        }
        self.finished.set(f);
    }

    /// Resolves at a second Ctrl-C. At the first, retries are called off (the requests in
    /// flight end with their own answers or errors) and what the run waits for is said, with
    /// how to leave it.
    pub async fn watch(&self, client: &Client, ui: &Ui, again: &Again) {
        crate::signals::interrupted().await;
        client.stop_retrying();
        let n = self.flying.borrow().len();
        if n > 0 {
            let rest = match again {
                Again::Resume(resume) => format!("`{resume}` sends what is left"),
                Again::Restart(_) => again.step(),
            };
            ui.note(format!(
                "stopping: waiting for {} in flight (Ctrl-C again to stop now; {rest})",
                crate::ui::counted(n as u64, "request", "requests")
            ));
        }
        crate::signals::insisted().await;
    }

    /// What an interrupted run says of how it ended: the items in flight when it was asked to
    /// stop, `unanswered` of which a second Ctrl-C left, the `unsent` ones, and those failed
    /// for a passing reason whose next pass the stop `called_off`.
    pub fn said(&self, unsent: u64, unanswered: u64, called_off: u64) -> CliError {
        let f = self.finished.get();
        let in_flight = f.ended() + unanswered;
        let items = crate::ui::counted(in_flight, "item", "items");
        let ended = if in_flight == 0 {
            "nothing was in flight".to_owned()
        } else if f.done == in_flight {
            format!("the {items} in flight finished")
        } else if unanswered == in_flight {
            format!("the {items} in flight did not finish")
        } else {
            let parts: Vec<String> = [
                (f.done, "finished"),
                (f.skipped, "were skipped"),
                (f.failed, "failed"),
                (unanswered, "did not finish"),
            ]
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, how)| format!("{count} {how}"))
            .collect();
            format!("of the {items} in flight, {}", parts.join(", "))
        };
        let rest = if unsent > 0 {
            let were = if unsent == 1 { "was" } else { "were" };
            format!(
                "; {} {were} not sent",
                crate::ui::counted(unsent, "item", "items")
            )
        } else {
            String::new()
        };
        let retries = if called_off > 0 {
            format!(
                "; {} that had failed for a passing reason {} not sent again",
                crate::ui::counted(called_off, "item", "items"),
                if called_off == 1 { "was" } else { "were" }
            )
        } else {
            String::new()
        };
        let mut e = CliError::new(
            ErrorKind::Interrupted,
            format!("interrupted: {ended}{rest}{retries}"),
        );
        if unanswered > 0 {
            e = e.hint(format!(
                "the {unanswered} that did not finish were sent and left without an answer: a resume sends them again with the same Idempotency-Keys, so the platform does none of them twice"
            ));
        }
        if f.passing > 0 {
            e = e.hint(format!(
                "{} that failed did for a passing reason: a resume sends them again",
                f.passing
            ));
        }
        e
    }
}
