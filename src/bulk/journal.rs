//! The journal of a bulk run: NDJSON, one header with the plan, then a line before each item's
//! first attempt (with its idempotency key) and a line when it ends, each flushed at once. A run
//! killed at any point resumes from it: what ended is not redone, what was in flight is replayed
//! with its key, so nothing is acted on twice.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::Item;
use crate::error::CliError;

pub const FORMAT: &str = "livectl-bulk-journal";

/// The first line: what the run is, against whom, and its plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub version: u32,
    pub run_id: String,
    pub action: String,
    pub api_url: String,
    /// The agent the run acts as; a resume must act as the same one.
    pub agent: String,
    pub created_at: jiff::Timestamp,
    pub items: Vec<Item>,
}

/// How an item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Skipped,
    Failed,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Line {
    /// Written before the first attempt.
    Start { id: String, key: String },
    /// Written when the item ended. `retry` marks a failure worth another try on resume.
    End {
        id: String,
        outcome: Outcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        #[serde(default)]
        retry: bool,
    },
}

/// What a journal says so far.
#[derive(Debug, Default)]
pub struct State {
    pub started: HashMap<String, String>,
    pub ended: HashMap<String, (Outcome, Option<String>, bool)>,
}

pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    /// A new journal with its header.
    pub fn create(path: &Path, header: &Header) -> Result<Journal, CliError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| CliError::failure(format!("cannot create {}: {e}", dir.display())))?;
        }
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| {
                CliError::usage(format!("cannot create the journal {}: {e}", path.display()))
                    .hint("name a new file with --journal, or continue that run with --resume")
            })?;
        let journal = Journal {
            path: path.to_owned(),
            file: Mutex::new(file),
        };
        journal.write(header)?;
        Ok(journal)
    }

    /// Opens a journal to continue it: its header and what it recorded.
    pub fn open(path: &Path) -> Result<(Journal, Header, State), CliError> {
        let file = File::open(path).map_err(|e| {
            CliError::usage(format!("cannot read the journal {}: {e}", path.display()))
                .hint("give the path printed when the run started")
        })?;
        let mut lines = BufReader::new(file).lines().enumerate().peekable();
        let not_journal = |detail: String| {
            CliError::usage(format!(
                "{} is not a livectl journal: {detail}",
                path.display()
            ))
        };
        let header: Header = match lines.next() {
            Some((_, Ok(text))) => {
                serde_json::from_str(&text).map_err(|e| not_journal(format!("line 1: {e}")))?
            }
            Some((_, Err(e))) => return Err(not_journal(e.to_string())),
            None => return Err(not_journal("it is empty".into())),
        };
        if header.journal != FORMAT || header.version != 1 {
            return Err(not_journal(format!(
                "its format is {} version {}",
                header.journal, header.version
            )));
        }
        let mut state = State::default();
        while let Some((n, text)) = lines.next() {
            let text = text.map_err(|e| not_journal(e.to_string()))?;
            if text.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Line>(&text) {
                Ok(Line::Start { id, key }) => {
                    state.started.insert(id, key);
                }
                Ok(Line::End {
                    id,
                    outcome,
                    reason,
                    retry,
                }) => {
                    state.ended.insert(id, (outcome, reason, retry));
                }
                // A last line cut short by a kill is expected; anything else is damage.
                Err(_) if lines.peek().is_none() => {}
                Err(e) => {
                    return Err(CliError::usage(format!(
                        "the journal {} is damaged at line {}: {e}",
                        path.display(),
                        n + 1
                    ))
                    .hint("it cannot be resumed safely; compare `livectl list` with what you meant to do"));
                }
            }
        }
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| CliError::failure(format!("cannot append to {}: {e}", path.display())))?;
        // A torn last line must not glue itself to the next record.
        let journal = Journal {
            path: path.to_owned(),
            file: Mutex::new(file),
        };
        journal.raw(b"\n")?;
        Ok((journal, header, state))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn record(&self, line: &Line) -> Result<(), CliError> {
        self.write(line)
    }

    fn write(&self, value: &impl Serialize) -> Result<(), CliError> {
        let mut bytes = serde_json::to_vec(value).map_err(|e| CliError::failure(e.to_string()))?;
        bytes.push(b'\n');
        self.raw(&bytes)
    }

    /// One write call per record, so a record is never interleaved with another.
    fn raw(&self, bytes: &[u8]) -> Result<(), CliError> {
        let mut file = self
            .file
            .lock()
            .map_err(|_| CliError::failure("the journal is poisoned"))?;
        file.write_all(bytes)
            .and_then(|()| file.flush())
            .map_err(|e| {
                CliError::failure(format!(
                    "cannot write the journal {}: {e}",
                    self.path.display()
                ))
            })
    }
}
