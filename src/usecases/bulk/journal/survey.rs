//! A journal read to say where its run stands, without taking it over (`livectl runs`): opened
//! to read only, never locked past a glance, a last line torn by a kill left as it is (and not
//! counted, as a resume drops it).

use std::fs::File;
use std::io::{BufReader, Seek};
use std::path::Path;

use super::Header;
use super::read::{BUFFER, Records, never_sent, read_header, records, unreadable};
use super::write::in_use;
use crate::error::CliError;
use crate::usecases::bulk::ledger::Mark;

/// Where a journal's run stands, by its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Items in its plan.
    pub total: u64,
    pub done: u64,
    pub skipped: u64,
    /// Failed for good: a resume does not send them again.
    pub failed: u64,
    /// What a resume sends: never sent, in flight when the run stopped, or failed for a
    /// reason that may pass.
    pub left: u64,
    /// The run stopped while its plan still streamed: the targets it had not listed were
    /// never planned. `unclosed`: no resume has said so in the journal yet (one will).
    pub cut_short: bool,
    pub unclosed: bool,
}

impl Standing {
    /// Whether a resume would still do something: send what is left, or close a plan cut
    /// short.
    pub fn unfinished(&self) -> bool {
        self.left > 0 || self.unclosed
    }
}

/// What one journal says.
pub struct Survey {
    /// Its header, when its first line is one livectl reads.
    pub header: Option<Header>,
    /// Where its run stands, or why it cannot be resumed.
    pub standing: Result<Standing, CliError>,
    /// Another livectl holds it: its run goes on.
    pub in_use: bool,
}

/// Reads the journal at `path` through, checked as a resume checks it (but for the action of
/// each item, which only the command resuming it knows).
pub fn survey(path: &Path) -> Survey {
    let failed = |e| Survey {
        header: None,
        standing: Err(e),
        in_use: false,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return failed(unreadable(path, e)),
    };
    let in_use = in_use(&file);
    let mut reader = BufReader::with_capacity(BUFFER, file);
    let header = match read_header(path, &mut reader) {
        Ok(header) => header,
        Err(e) => {
            return Survey {
                in_use,
                ..failed(e)
            };
        }
    };
    let standing = reader
        .stream_position()
        .map_err(|e| unreadable(path, e))
        .and_then(|plan_at| records(path, &mut reader, None, plan_at))
        .and_then(|records| {
            if !records.planned && !records.recorded {
                return Err(never_sent(path));
            }
            Ok(Standing::of(&records))
        });
    Survey {
        header: Some(header),
        standing,
        in_use,
    }
}

impl Standing {
    fn of(records: &Records) -> Standing {
        let ledger = &records.ledger;
        Standing {
            total: ledger.len(),
            done: ledger.count(Mark::Done),
            skipped: ledger.count(Mark::Skipped),
            failed: ledger.count(Mark::Failed),
            left: ledger.left(),
            cut_short: !records.planned || records.closed_short,
            unclosed: !records.planned,
        }
    }
}
