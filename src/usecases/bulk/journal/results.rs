//! The items of a run that were skipped or failed, for its summary: the ends recorded as the
//! run went (an offset into the journal each), read back in plan order when it is printed.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::Line;
use super::read::{BUFFER, unreadable};
use crate::error::CliError;
use crate::model::ItemResult;
use crate::usecases::bulk::ledger::{Ledger, Mark};

/// An item that was skipped or failed, and where its end line is.
pub struct Notable {
    pub n: u64,
    pub at: Where,
}

pub enum Where {
    /// The offset of its end line in the journal.
    Journal(u64),
    /// Its end could not be written (the journal broke): kept here.
    Held(Box<ItemResult>),
}

/// The items that were skipped or failed, in plan order, each read back from its end line.
pub struct Results {
    reader: Option<BufReader<File>>,
    /// Where the reader is in the file.
    pos: u64,
    entries: std::vec::IntoIter<Notable>,
    path: PathBuf,
}

impl Results {
    /// From the ends recorded (of several ends of one item, the last counts), those of items
    /// the ledger says ended skipped or failed.
    pub fn new(path: &Path, mut notable: Vec<Notable>, ledger: &Ledger) -> Results {
        // In place, as there may be a million. The ends of one item sort in the order they were
        // written (offsets grow; an end held in memory came after the journal broke, so after
        // every written one); reversed, the last of them comes first and is the one kept.
        notable.sort_unstable_by_key(|e| {
            let written = match e.at {
                Where::Journal(at) => at,
                Where::Held(_) => u64::MAX,
            };
            (e.n, written)
        });
        notable.reverse();
        notable.dedup_by_key(|e| e.n);
        notable.reverse();
        notable.retain(|e| matches!(ledger.get(e.n), Some(Mark::Skipped | Mark::Failed)));
        Results {
            reader: File::open(path)
                .ok()
                .map(|f| BufReader::with_capacity(BUFFER, f)),
            pos: 0,
            entries: notable.into_iter(),
            path: path.to_owned(),
        }
    }

    fn read_at(&mut self, at: u64) -> Result<ItemResult, CliError> {
        let changed = || {
            CliError::failure(format!(
                "the journal {} changed while its summary was read",
                self.path.display()
            ))
        };
        let reader = self.reader.as_mut().ok_or_else(changed)?;
        let mut buf = Vec::new();
        let read = i64::try_from(at)
            .ok()
            .zip(i64::try_from(self.pos).ok())
            .ok_or_else(changed)
            .and_then(|(to, from)| {
                reader
                    .seek_relative(to - from)
                    .and_then(|()| reader.read_until(b'\n', &mut buf))
                    .map_err(|e| unreadable(&self.path, e))
            })?;
        self.pos = at + read as u64;
        match serde_json::from_slice::<Line>(&buf) {
            Ok(Line::End {
                id,
                outcome,
                reason,
                ..
            }) => Ok(ItemResult {
                id,
                result: outcome,
                reason,
            }),
            _ => Err(changed()),
        }
    }
}

impl Iterator for Results {
    type Item = Result<ItemResult, CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.entries.next()?;
        Some(match entry.at {
            Where::Held(result) => Ok(*result),
            Where::Journal(at) => self.read_at(at),
        })
    }
}
