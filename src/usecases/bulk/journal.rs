//! The journal of a bulk run: NDJSON, one header with the plan, then a line before each item's
//! first attempt (with its idempotency key) and a line when it ends, each flushed at once. A run
//! killed at any point resumes from it: what ended is not redone, what was in flight is replayed
//! with its key, so nothing is acted on twice.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::CliError;
use crate::model::{Item, ItemOutcome};

pub const FORMAT: &str = "livectl-bulk-journal";

/// The first line: what the run is, against whom, and its plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub version: u32,
    pub run_id: String,
    /// The command that runs it: `reassign`, `stuck --fix return`.
    pub action: String,
    /// Where it ran: the API address, or the embedded sandbox's database.
    #[serde(alias = "api_url")]
    pub target: String,
    /// The agent the run acts as; a resume must act as the same one.
    pub agent: String,
    pub created_at: jiff::Timestamp,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Line {
    /// Written before the first attempt.
    Start { id: String, key: String },
    /// Written when the item ended. `retry` marks a failure worth another try on resume.
    End {
        id: String,
        outcome: ItemOutcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        #[serde(default)]
        retry: bool,
    },
}

/// What a journal says so far.
#[derive(Debug, Default)]
pub struct State {
    /// Items whose first attempt was recorded, with their keys.
    pub started: HashMap<String, String>,
    /// Items that ended: how, why, and whether a resume tries them again.
    pub ended: HashMap<String, (ItemOutcome, Option<String>, bool)>,
}

impl State {
    /// Items started and never ended: in flight when the run stopped.
    pub fn in_flight(&self) -> usize {
        self.started
            .keys()
            .filter(|id| !self.ended.contains_key(*id))
            .count()
    }
}

pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    /// A new journal with its header.
    pub fn create(path: &Path, header: &Header) -> Result<Journal, CliError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::config::create_private_dir(dir)
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

    /// Opens a journal to continue it: its header and what it recorded. A last line cut short
    /// by a kill (no newline at its end) is dropped from the file, so the records appended now
    /// start on a line of their own and the journal stays resumable after every interruption.
    pub fn open(path: &Path) -> Result<(Journal, Header, State), CliError> {
        let bytes = std::fs::read(path).map_err(|e| {
            CliError::usage(format!("cannot read the journal {}: {e}", path.display()))
                .hint("give the path printed when the run started")
        })?;
        let not_journal = |detail: String| {
            CliError::usage(format!(
                "{} is not a livectl journal: {detail}",
                path.display()
            ))
        };
        let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |n| n + 1);
        let mut lines = bytes[..complete].split(|b| *b == b'\n').enumerate();
        let header: Header = match lines.next() {
            Some((_, text)) if !text.is_empty() => {
                serde_json::from_slice(text).map_err(|e| not_journal(format!("line 1: {e}")))?
            }
            _ => return Err(not_journal("it has no complete first line".into())),
        };
        if header.journal != FORMAT || header.version != 1 {
            return Err(not_journal(format!(
                "its format is {} version {}",
                header.journal, header.version
            )));
        }
        let mut state = State::default();
        for (n, text) in lines {
            if text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Line>(text) {
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
            .write(true)
            .open(path)
            .and_then(|f| f.set_len(complete as u64).map(|()| f))
            .and_then(|mut f| {
                use std::io::Seek;
                f.seek(std::io::SeekFrom::End(0)).map(|_| f)
            })
            .map_err(|e| CliError::failure(format!("cannot append to {}: {e}", path.display())))?;
        Ok((
            Journal {
                path: path.to_owned(),
                file: Mutex::new(file),
            },
            header,
            state,
        ))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            journal: FORMAT.into(),
            version: 1,
            run_id: "r1".into(),
            action: "cancel".into(),
            target: "http://127.0.0.1:1".into(),
            agent: "ag_1".into(),
            created_at: jiff::Timestamp::UNIX_EPOCH,
            items: Vec::new(),
        }
    }

    #[test]
    fn a_torn_last_line_is_dropped_so_the_journal_resumes_again_and_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.ndjson");
        let journal = Journal::create(&path, &header()).unwrap();
        journal
            .record(&Line::Start {
                id: "iv_1".into(),
                key: "k1".into(),
            })
            .unwrap();
        drop(journal);
        // A kill in the middle of a record, cut inside a multi-byte character.
        let mut torn = std::fs::read(&path).unwrap();
        torn.extend_from_slice(
            "{\"event\":\"end\",\"id\":\"iv_1\",\"reason\":\"caf\u{e9}".as_bytes(),
        );
        torn.pop();
        std::fs::write(&path, torn).unwrap();
        for round in 0..3 {
            let (journal, _, state) =
                Journal::open(&path).unwrap_or_else(|e| panic!("round {round}: {}", e.message));
            assert_eq!(state.started.get("iv_1").map(String::as_str), Some("k1"));
            assert!(state.ended.is_empty(), "the torn end record does not count");
            journal
                .record(&Line::Start {
                    id: format!("iv_{}", round + 2),
                    key: "k".into(),
                })
                .unwrap();
        }
        let (_, _, state) = Journal::open(&path).unwrap();
        assert_eq!(state.started.len(), 4);
    }

    #[test]
    fn damage_before_the_last_line_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.ndjson");
        drop(Journal::create(&path, &header()).unwrap());
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("{oops\n{\"event\":\"start\",\"id\":\"iv_1\",\"key\":\"k\"}\n");
        std::fs::write(&path, text).unwrap();
        let e = Journal::open(&path).err().unwrap();
        assert!(e.message.contains("damaged at line 2"), "{}", e.message);
    }
}
