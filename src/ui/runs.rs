//! How a bulk run prints as a row of `livectl runs`: every value from its journal (user data)
//! goes through the cells, sanitized as they are written, or JSON, escaped.

use super::rows::{opt, time};
use super::{Color, Row, Span, View, age};
use crate::model::{BulkRun, RunState};

/// A count a journal could not give is `-`.
fn count(n: Option<u64>) -> Span {
    n.map_or_else(|| "-".to_owned(), |n| n.to_string()).into()
}

fn record_count(n: Option<u64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl BulkRun {
    /// The run id, or for a file without a header, its name.
    fn name(&self) -> String {
        match &self.run_id {
            Some(id) => id.clone(),
            None => self
                .journal
                .file_name()
                .unwrap_or(self.journal.as_os_str())
                .to_string_lossy()
                .into_owned(),
        }
    }

    fn state_span(&self) -> Span {
        let color = match self.state {
            RunState::Unfinished => Color::Yellow,
            RunState::Running => Color::Blue,
            RunState::Finished => Color::Green,
            RunState::Unusable => Color::Red,
        };
        Span::painted(self.state.as_str(), color)
    }

    /// The command that resumes it; else why none does, or what to do instead; else `-`.
    fn next(&self) -> String {
        self.resume
            .clone()
            .or_else(|| self.problem.clone())
            .unwrap_or_else(|| "-".into())
    }
}

impl Row for BulkRun {
    const FIELDS: &'static [&'static str] = BulkRun::FIELDS;
    // Skipped beside done: a run that left half its items for want of room read as finished
    // with nothing failed (new user).
    const COLUMNS: &'static [&'static str] = &[
        "run", "action", "started", "done", "skipped", "failed", "left", "state", "resume",
    ];
    const WIDE: &'static [&'static str] = &[
        "run", "action", "started", "against", "agent", "total", "done", "skipped", "failed",
        "left", "state", "resume",
    ];
    const FITTED: bool = false;
    const CSV: &'static [&'static str] = BulkRun::FIELDS;
    const TITLED: &'static [(&'static str, &'static str)] = &[
        ("run", "run_id"),
        ("started", "created_at"),
        ("against", "target"),
    ];
    fn id(&self) -> &str {
        match &self.run_id {
            Some(id) => id,
            None => self.journal.to_str().unwrap_or_default(),
        }
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into()).into();
        vec![
            self.name().into(),
            dash(&self.action),
            self.created_at
                .map_or_else(|| "-".into(), |t| format!("{} ago", age(t, view.ui.now)))
                .into(),
            count(self.done),
            count(self.skipped),
            count(self.failed),
            count(self.left),
            self.state_span(),
            self.next().into(),
        ]
    }
    fn wide(&self, view: &View) -> Vec<Span> {
        let mut cells = self.cells(view);
        // After `started`: where it ran, the agent it acted as and its items.
        let rest = cells.split_off(3);
        // The instant it started, rather than how long ago.
        if let (Some(started), Some(t)) = (cells.get_mut(2), self.created_at) {
            *started = view.ui.time(t).into();
        }
        cells.push(self.target.clone().unwrap_or_else(|| "-".into()).into());
        cells.push(view.agent(self.agent.as_deref()).into());
        cells.push(count(self.total));
        cells.extend(rest);
        cells
    }
    fn record(&self) -> Vec<String> {
        vec![
            opt(&self.run_id),
            self.journal.display().to_string(),
            opt(&self.action),
            time(&self.created_at),
            opt(&self.target),
            opt(&self.workspace),
            opt(&self.agent),
            record_count(self.total),
            record_count(self.done),
            record_count(self.skipped),
            record_count(self.failed),
            record_count(self.left),
            self.state.as_str().to_owned(),
            opt(&self.problem),
            opt(&self.resume),
        ]
    }
    json_is_serde!();
}
