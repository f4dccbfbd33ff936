//! While the console holds the terminal, nothing else may write to it: a line meant for stderr
//! (a note, a `-v` log line, a bulk run's summary) is kept for the console's status line, data
//! meant for stdout has nowhere to go, and a progress bar is counted instead of drawn. The
//! terminal is one per process, so this is too.

use std::sync::{Mutex, MutexGuard};

use indicatif::ProgressBar;

/// How many kept lines are remembered.
const LINES: usize = 50;

#[derive(Default)]
struct Held {
    lines: Vec<String>,
    /// The lines that ended bulk runs since the last `take_ended`: a console action that is
    /// two runs (queued ones assigned, assigned ones reassigned) says both.
    ended: Vec<String>,
    progress: Option<ProgressBar>,
}

static HELD: Mutex<Option<Held>> = Mutex::new(None);

fn held() -> MutexGuard<'static, Option<Held>> {
    // A panic while holding it leaves plain data behind: still usable.
    HELD.lock().unwrap_or_else(|e| e.into_inner())
}

pub(super) fn hold() {
    *held() = Some(Held::default());
}

pub(super) fn release() {
    *held() = None;
}

/// Whether the console holds the terminal now.
pub(crate) fn holds_terminal() -> bool {
    held().is_some()
}

/// Keeps a line meant for stderr for the console to show; false when the terminal is free.
pub(crate) fn keep_line(line: &str) -> bool {
    let mut held = held();
    let Some(held) = held.as_mut() else {
        return false;
    };
    held.keep(line);
    true
}

impl Held {
    /// A line kept, the oldest dropped past `LINES`.
    fn keep(&mut self, line: &str) {
        self.lines.push(line.to_owned());
        let over = self.lines.len().saturating_sub(LINES);
        self.lines.drain(..over);
    }
}

/// Keeps the line that ended a bulk run (or said its first failure), as `keep_line` does, and
/// among the runs' ends.
pub(crate) fn keep_run_end(line: &str) -> bool {
    let mut held = held();
    let Some(held) = held.as_mut() else {
        return false;
    };
    held.ended.push(line.to_owned());
    held.keep(line);
    true
}

/// The lines that ended bulk runs since the last look.
pub(super) fn take_ended() -> Vec<String> {
    held()
        .as_mut()
        .map(|held| std::mem::take(&mut held.ended))
        .unwrap_or_default()
}

/// Counts a progress bar for the console instead of drawing it; false when the terminal is
/// free.
pub(crate) fn keep_progress(bar: &ProgressBar) -> bool {
    let mut held = held();
    let Some(held) = held.as_mut() else {
        return false;
    };
    held.progress = Some(bar.clone());
    true
}

/// What was kept since the last look: the lines, and how far a running bar is.
pub(super) struct Kept {
    pub lines: Vec<String>,
    pub progress: Option<(u64, u64)>,
}

pub(super) fn take() -> Kept {
    let mut held = held();
    let Some(held) = held.as_mut() else {
        return Kept {
            lines: Vec::new(),
            progress: None,
        };
    };
    if held.progress.as_ref().is_some_and(|b| b.is_finished()) {
        held.progress = None;
    }
    Kept {
        lines: std::mem::take(&mut held.lines),
        progress: held
            .progress
            .as_ref()
            .map(|b| (b.position(), b.length().unwrap_or(0))),
    }
}
