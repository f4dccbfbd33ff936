//! Reading a journal back: what it says so far (to resume), the plan again (to dispatch), and
//! the items that did not go well (for the summary), each as a stream over the file.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use livectl_contract::Action;
use serde::Deserialize;

use super::results::{Notable, Where};
use super::write::{Sink, hold};
use super::{FORMAT, Header, Journal, Line, OLDEST, VERSION, damaged};
use crate::error::CliError;
use crate::model::{Item, ItemOutcome, NoRoom, NoRooms};
use crate::ui::Reach;
use crate::usecases::bulk::ledger::{Ledger, Mark};
use crate::usecases::bulk::{Again, Command};

/// A header is a short line; version 1 held the whole plan in it, so no more than this is read
/// to tell which version a journal is.
const HEADER_MAX: u64 = 64 * 1024;
pub(super) const BUFFER: usize = 64 * 1024;

/// What a journal says so far.
/// Where an item routed to a pool was sent: its agent, and the version its If-Match named.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub agent: String,
    pub version: Option<i64>,
}

pub struct Scan {
    /// Where each planned item stands.
    pub ledger: Ledger,
    /// Where the plan's first line starts.
    pub plan_at: u64,
    /// The ends of items that were skipped or failed, in the order they were written.
    pub notable: Vec<Notable>,
    /// The agent (and If-Match) each item was last sent to from a pool, while it may have been
    /// done: items without an end, and those failed for a passing reason.
    pub picks: HashMap<u64, Pick>,
    /// What the sessions before gave each agent (`Records::given`), and whether any of it was
    /// a pool's pick.
    pub given: HashMap<String, u64>,
    pub routed: bool,
    /// The items the sessions before left where they were for want of room, and who had
    /// none: a resume's end says them as the first session's did.
    pub no_room: u64,
    pub full: NoRooms,
    /// The run stopped while its plan still streamed: its plan is the items it had planned;
    /// the targets it had not listed were never planned.
    pub cut_short: bool,
    /// That plan is not closed yet: `close_short` closes it before anything is sent.
    pub unclosed: bool,
}

impl Scan {
    /// A journal just planned: nothing started.
    pub fn fresh(items: u64, plan_at: u64) -> Scan {
        Scan {
            ledger: Ledger::new(items),
            plan_at,
            notable: Vec::new(),
            picks: HashMap::new(),
            given: HashMap::new(),
            routed: false,
            no_room: 0,
            full: NoRooms::default(),
            cut_short: false,
            unclosed: false,
        }
    }

    /// Closes the plan of a run that stopped while its plan streamed, at the items it had
    /// planned, marked so every later resume still says the rest was never planned. Only once
    /// the resume is sure to go on (right workspace, right agent): a refused resume changes
    /// nothing but a torn last line, which `open` drops for any resume.
    pub fn close_short(&mut self, journal: &Journal) -> Result<(), CliError> {
        if !self.unclosed {
            return Ok(());
        }
        let line = Line::Planned {
            items: self.ledger.len(),
            cut_short: true,
        };
        if journal.record(&line).is_none() {
            return Err(CliError::failure(format!(
                "cannot close the plan of {}: {}; nothing was sent",
                journal.path().display(),
                journal.failure().unwrap_or_default()
            ))
            .hint("the journal is as it was: free some space, then resume again"));
        }
        self.unclosed = false;
        Ok(())
    }
}

/// The start of a version 1 header.
const V1_START: &[u8] = br#"{"journal":"livectl-bulk-journal","version":1,"#;

fn version_1(path: &Path) -> CliError {
    CliError::usage(format!(
        "{} is a journal of version 1, written by an earlier livectl; this one reads version {VERSION} and cannot resume it",
        path.display()
    ))
    .hint("finish it with the livectl that started it, or see what is left with `livectl list` and start a new run")
}

/// What `--resume` takes, for a journal that is not where it was said to be.
const WHICH_RUN: &str =
    "give a run id or journal that `livectl runs` lists, or the path printed when the run started";

/// The command whose run wrote the journal at `path` (`stuck --fix return`), read from its
/// header alone: a command that takes what to do from the journal (`stuck --resume`).
pub fn action(path: &Path) -> Result<String, CliError> {
    Ok(header(path)?.action)
}

/// The header of the journal at `path`, read alone (the file neither held nor changed): what
/// a resume must reach before it opens the journal (`Header::target`).
pub fn header(path: &Path) -> Result<Header, CliError> {
    let file = File::open(path).map_err(|e| {
        CliError::usage(format!("cannot read the journal {}: {e}", path.display())).hint(WHICH_RUN)
    })?;
    read_header(path, &mut BufReader::new(file))
}

/// Opens a journal to continue it with `command`: its header and what it says so far. A last
/// line cut short by a kill (no newline at its end) is dropped from the file, so the records
/// appended now start on a line of their own and the journal stays resumable after every
/// interruption; `look` only (`--resume --dry-run`) leaves the file as it is. `reach` is the
/// flags that reached the platform (`connect::reach`), for the command a journal of another
/// run is resumed with.
pub fn open(
    path: &Path,
    command: &Command,
    reach: &Reach,
    limit: Option<u64>,
    look: bool,
) -> Result<(Journal, Header, Scan), CliError> {
    // Opened once, to read and then to append, and held: a run writing this journal holds it
    // too (`Planner::create`), so two livectl never write one journal at once.
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .open(path)
        .map_err(|e| match e.kind() {
            // A path given wrong.
            io::ErrorKind::NotFound | io::ErrorKind::IsADirectory => {
                CliError::usage(format!("cannot read the journal {}: {e}", path.display()))
                    .hint(WHICH_RUN)
            }
            // A journal this user may not write, a file system gone read-only.
            _ => CliError::failure(format!(
                "cannot open the journal {} to continue it (a resume reads it and appends to it): {e}",
                path.display()
            )),
        })?;
    hold(&file, path)?;
    let reading = file.try_clone().map_err(|e| unreadable(path, e))?;
    let mut reader = BufReader::with_capacity(BUFFER, reading);
    let header = read_header(path, &mut reader)?;
    if header.action != command.name {
        return Err(CliError::usage(format!(
            "{} is the journal of a run of `{}`, not `{}`",
            path.display(),
            header.action,
            command.name
        ))
        .hint(Again::of(&header.action, reach, path).elsewhere()));
    }
    let plan_at = reader.stream_position().map_err(|e| unreadable(path, e))?;
    let Records {
        ledger,
        planned,
        closed_short,
        recorded,
        notable,
        picks,
        given,
        routed,
        no_room,
        full,
        offset,
    } = records(path, &mut reader, Some(command), plan_at)?;
    if !planned && !recorded {
        return Err(never_sent(path));
    }
    if !look {
        file.set_len(offset)
            .map_err(|e| CliError::failure(format!("cannot append to {}: {e}", path.display())))?;
    }
    let journal = Journal::new(path.to_owned(), Sink::new(file, limit), offset);
    Ok((
        journal,
        header,
        Scan {
            ledger,
            plan_at,
            notable,
            picks,
            given,
            routed,
            no_room,
            full,
            cut_short: !planned || closed_short,
            unclosed: !planned,
        },
    ))
}

/// What the lines after a journal's header say.
pub(super) struct Records {
    /// Where each planned item stands.
    pub ledger: Ledger,
    /// The plan is closed (`planned`).
    pub planned: bool,
    /// Closed by an earlier resume after the run stopped while its plan streamed.
    pub closed_short: bool,
    /// Whether anything was sent: a plan that streamed takes records before it is complete.
    pub recorded: bool,
    pub notable: Vec<Notable>,
    pub picks: HashMap<u64, Pick>,
    /// The items done, given to each agent: by a pool's pick, or by the plan where it named
    /// the agent (a spread over several), so that a resume's summary says what the whole run
    /// gave, as its `done` counts the whole run (it said only the last session's).
    pub given: HashMap<String, u64>,
    /// Whether a pool picked any of them.
    pub routed: bool,
    /// Those left for want of room, and who had none (`Scan::no_room`).
    pub no_room: u64,
    pub full: NoRooms,
    /// Where the last whole line ends: a last line torn by a kill is not counted.
    pub offset: u64,
}

/// The agent each planned item goes to where the plan names one (assign and reassign over
/// agents, not a pool's route nor the mark of an item with no room), a small number an item and
/// nothing for a plan that names none, so that what a run gave can be counted as its items end.
#[derive(Default)]
struct PlannedAgents {
    names: Vec<String>,
    index: HashMap<String, u32>,
    of: Vec<u32>,
}

impl PlannedAgents {
    const NONE: u32 = u32::MAX;

    fn plan(&mut self, n: u64, item: &Item) {
        let Some(agent) = item.action.target().filter(|to| {
            !crate::model::is_unplaced(to) && crate::usecases::pool::Route::decode(to).is_none()
        }) else {
            return;
        };
        let next = u32::try_from(self.names.len()).unwrap_or(Self::NONE);
        let at = *self.index.entry(agent.to_owned()).or_insert_with(|| {
            self.names.push(agent.to_owned());
            next
        });
        let Ok(n) = usize::try_from(n) else { return };
        if self.of.len() <= n {
            self.of.resize(n + 1, Self::NONE);
        }
        self.of[n] = at;
    }

    fn of(&self, n: u64) -> Option<&str> {
        let at = *self.of.get(usize::try_from(n).ok()?)?;
        self.names
            .get(usize::try_from(at).ok()?)
            .map(String::as_str)
    }
}

/// Reads the lines after the header (which ends at `plan_at`), each checked; the plan's items
/// also against `command` when it is known (a resume), else only as livectl writes them.
pub(super) fn records(
    path: &Path,
    reader: &mut BufReader<File>,
    command: Option<&Command>,
    plan_at: u64,
) -> Result<Records, CliError> {
    let mut offset = plan_at;
    let mut line_no = 1;
    let mut ledger = Ledger::new(0);
    let mut planned = false;
    let mut closed_short = false;
    let mut recorded = false;
    let mut notable = Vec::new();
    let mut picks: HashMap<u64, Pick> = HashMap::new();
    let mut planned_agents = PlannedAgents::default();
    let mut given: HashMap<String, u64> = HashMap::new();
    let mut routed = false;
    let mut no_room = 0;
    let mut full = NoRooms::default();
    // How the items started and not ended yet stood before their start, for a `withdrawn`:
    // only those in flight, so it stays small whatever the plan's size.
    let mut before_start: HashMap<u64, Mark> = HashMap::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let got = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| unreadable(path, e))?;
        // The end, or a last line torn by a kill: dropped.
        if got == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        line_no += 1;
        let at = offset;
        offset += got as u64;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line: Line = serde_json::from_slice(&buf).map_err(|e| damaged(path, line_no, e))?;
        // A record names an item planned on an earlier line.
        let known = |n: u64| match ledger.get(n) {
            Some(mark) => Ok(mark),
            None => Err(no_item(path, line_no, n)),
        };
        match line {
            line @ Line::Plan { .. } if !planned => {
                let item = plan_item(path, line_no, command, ledger.len(), line)?;
                planned_agents.plan(ledger.len(), &item);
                ledger.push();
            }
            Line::Planned { items, cut_short } if !planned => {
                if items != ledger.len() {
                    return Err(damaged(
                        path,
                        line_no,
                        format!(
                            "the plan has {}, not {items}",
                            crate::ui::counted(ledger.len(), "item", "items")
                        ),
                    ));
                }
                planned = true;
                closed_short = cut_short;
            }
            Line::Plan { .. } | Line::Planned { .. } => {
                return Err(damaged(path, line_no, "a plan line after the plan"));
            }
            Line::Start { n, .. } => {
                recorded = true;
                let mark = known(n)?;
                if mark.left() {
                    // In flight already (started by an earlier run, never ended), it stays so
                    // whatever becomes of this start.
                    if mark == Mark::InFlight {
                        before_start.remove(&n);
                    } else {
                        before_start.insert(n, mark);
                    }
                    ledger.set(n, Mark::InFlight);
                }
            }
            Line::Withdrawn { n } => {
                known(n)?;
                if let Some(mark) = before_start.remove(&n) {
                    ledger.set(n, mark);
                }
            }
            Line::Pick { n, agent, version } => {
                recorded = true;
                known(n)?;
                picks.insert(n, Pick { agent, version });
            }
            Line::End {
                n,
                outcome,
                retry,
                no_room: said,
                ..
            } => {
                recorded = true;
                known(n)?;
                before_start.remove(&n);
                if let Some(who) = said.as_deref().and_then(NoRoom::of_mark) {
                    no_room += 1;
                    full.add(who);
                }
                if outcome == ItemOutcome::Done {
                    let agent = match picks.get(&n) {
                        Some(pick) => {
                            routed = true;
                            Some(pick.agent.as_str())
                        }
                        None => planned_agents.of(n),
                    };
                    if let Some(agent) = agent {
                        *given.entry(agent.to_owned()).or_default() += 1;
                    }
                }
                // Failed for a passing reason, it may have been done (an answer lost after
                // the commit): a resume sends the same request, to the same agent, which its
                // key replays. Another agent under that key was refused as another request.
                if !(outcome == ItemOutcome::Failed && retry) {
                    picks.remove(&n);
                }
                ledger.set(
                    n,
                    match outcome {
                        ItemOutcome::Done => Mark::Done,
                        ItemOutcome::Skipped => Mark::Skipped,
                        ItemOutcome::Failed if retry => Mark::Retry,
                        ItemOutcome::Failed => Mark::Failed,
                    },
                );
                if outcome != ItemOutcome::Done {
                    notable.push(Notable {
                        n,
                        at: Where::Journal(at),
                    });
                }
            }
        }
    }
    Ok(Records {
        ledger,
        planned,
        closed_short,
        recorded,
        notable,
        picks,
        given,
        routed,
        no_room,
        full,
        offset,
    })
}

/// A journal whose run stopped while it planned, before anything was sent: nothing to resume.
pub(super) fn never_sent(path: &Path) -> CliError {
    CliError::usage(format!(
        "{} holds an unfinished plan: its run stopped while planning, before anything was sent",
        path.display()
    ))
    .hint("start the run again (and delete this file)")
}

pub(super) fn unreadable(path: &Path, e: io::Error) -> CliError {
    CliError::failure(format!("cannot read the journal {}: {e}", path.display()))
}

fn no_item(path: &Path, line: usize, n: u64) -> CliError {
    damaged(path, line, format!("there is no item {n} in the plan"))
}

/// Whether the file at `path` begins as a journal does (its header names the format), so a
/// directory's other files (a pid file, an export) are not listed as broken journals. One
/// named is read whatever it holds, and said not to be one.
pub fn looks_like_journal(path: &Path) -> bool {
    // Only a regular file is opened: a FIFO in the directory held `livectl runs` forever,
    // deaf to Ctrl-C, waiting for a writer (hostile-input check).
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut start = Vec::new();
    let read = File::open(path).and_then(|file| file.take(256).read_to_end(&mut start));
    read.is_ok()
        && start
            .windows(super::FORMAT.len())
            .any(|w| w == super::FORMAT.as_bytes())
}

/// The first line, checked: a journal of this version.
pub(super) fn read_header(path: &Path, reader: &mut BufReader<File>) -> Result<Header, CliError> {
    let not_journal = |detail: String| {
        CliError::usage(format!(
            "{} is not a livectl journal: {detail}",
            path.display()
        ))
    };
    let mut buf = Vec::new();
    let got = reader
        .by_ref()
        .take(HEADER_MAX)
        .read_until(b'\n', &mut buf)
        .map_err(|e| unreadable(path, e))?;
    if buf.last() != Some(&b'\n') {
        if buf.starts_with(V1_START) {
            return Err(version_1(path));
        }
        return Err(not_journal(
            if got == 0 {
                "it is empty"
            } else {
                "it has no complete first line"
            }
            .into(),
        ));
    }
    #[derive(Deserialize)]
    struct Probe {
        journal: String,
        version: u32,
    }
    // What serde says of a line that is not a header names its own types (`struct Probe`).
    let probe: Probe = serde_json::from_slice(&buf)
        .map_err(|_| not_journal("its first line is not a journal's header".into()))?;
    if probe.journal != FORMAT {
        return Err(not_journal(format!("its format is `{}`", probe.journal)));
    }
    match probe.version {
        OLDEST..=VERSION => {}
        1 => return Err(version_1(path)),
        other => {
            return Err(CliError::usage(format!(
                "{} is a journal of version {other}, which this livectl does not know (it reads versions {OLDEST} to {VERSION})",
                path.display()
            ))
            .hint("resume it with the livectl that wrote it"));
        }
    }
    let header: Header =
        serde_json::from_slice(&buf).map_err(|e| not_journal(format!("line 1: {e}")))?;
    if let Some(wrong) = crate::usecases::bulk::wrong_run_id(&header.run_id) {
        return Err(damaged(path, 1, wrong));
    }
    if let Some(wrong) = header.pace.wrong() {
        return Err(damaged(path, 1, wrong));
    }
    Ok(header)
}

/// Item `expected` of the plan from its line, checked: in its place, and an action of the
/// run's command (a hand-edited journal must not make `assign --resume` cancel).
fn plan_item(
    path: &Path,
    line_no: usize,
    command: Option<&Command>,
    expected: u64,
    line: Line,
) -> Result<Item, CliError> {
    let Line::Plan {
        n,
        id,
        version,
        action,
        body,
    } = line
    else {
        return Err(damaged(path, line_no, "not a plan line"));
    };
    if n != expected {
        return Err(damaged(
            path,
            line_no,
            format!("item {n} where item {expected} belongs"),
        ));
    }
    // Edited in: livectl plans nothing else (a listed id is checked too, `targets::listed`),
    // and its key could not be sent either.
    if let Some(wrong) = crate::usecases::targets::wrong_id(&id) {
        return Err(damaged(path, line_no, wrong));
    }
    if let Some(command) = command
        && !command.kinds.contains(&action)
    {
        return Err(CliError::usage(format!(
            "the journal {} cannot be resumed: line {line_no} would {action} {id}, but it is the journal of a run of `{}`, whose items {}",
            path.display(),
            command.name,
            command.kinds_in_words()
        ))
        .hint("the journal was changed since livectl wrote it; compare `livectl list` with what you meant to do"));
    }
    let action = Action::from_parts(action, body).map_err(|e| damaged(path, line_no, e))?;
    Ok(Item {
        id,
        version,
        action,
        refused: None,
        looked: None,
    })
}

/// The plan of the journal at `path` again, item by item with its number: what dispatching
/// streams. Each line is checked as when the journal was opened.
pub fn plan_lines(path: &Path, plan_at: u64, command: &Command) -> Result<PlanLines, CliError> {
    let mut file = File::open(path).map_err(|e| unreadable(path, e))?;
    file.seek(SeekFrom::Start(plan_at))
        .map_err(|e| unreadable(path, e))?;
    Ok(PlanLines {
        reader: BufReader::with_capacity(BUFFER, file),
        path: path.to_owned(),
        command: command.clone(),
        line_no: 1,
        next: 0,
        done: false,
        buf: Vec::new(),
        short: false,
    })
}

pub struct PlanLines {
    reader: BufReader<File>,
    path: PathBuf,
    command: Command,
    line_no: usize,
    next: u64,
    done: bool,
    /// The line being read: it may end only after a later read, while the plan is written.
    buf: Vec<u8>,
    /// The plan of a run that stopped while it listed (`Scan::unclosed`), not closed yet: it
    /// ends at the end of the file.
    short: bool,
}

/// The next step through a plan that may still be being written.
pub enum Step {
    Item(u64, Item),
    /// The end of what the file holds, before the plan's end: more may come.
    Wait,
    /// The plan's end.
    End,
    Failed(CliError),
}

impl PlanLines {
    /// A plan whose run stopped while it listed, read without closing it first (a dry run of
    /// its resume): it ends where the file does.
    pub fn cut_short(mut self) -> PlanLines {
        self.short = true;
        self
    }

    /// The next item, or the end of the file reached before the plan ends (`Step::Wait`): a
    /// plan that streams is read as it is written.
    pub fn step(&mut self) -> Step {
        if self.done {
            return Step::End;
        }
        loop {
            let read = self.reader.read_until(b'\n', &mut self.buf);
            let failed = match read {
                Err(e) => unreadable(&self.path, e),
                Ok(_) if self.buf.last() != Some(&b'\n') => return Step::Wait,
                Ok(_) if self.buf.iter().all(u8::is_ascii_whitespace) => {
                    self.line_no += 1;
                    self.buf.clear();
                    continue;
                }
                Ok(_) => {
                    self.line_no += 1;
                    let line = serde_json::from_slice::<Line>(&self.buf);
                    self.buf.clear();
                    match line {
                        Ok(Line::Planned { .. }) => {
                            self.done = true;
                            return Step::End;
                        }
                        Ok(line @ Line::Plan { .. }) => {
                            let n = self.next;
                            self.next += 1;
                            match plan_item(&self.path, self.line_no, Some(&self.command), n, line)
                            {
                                Ok(item) => return Step::Item(n, item),
                                Err(e) => e,
                            }
                        }
                        // Records written while the plan streamed.
                        Ok(
                            Line::Start { .. }
                            | Line::Withdrawn { .. }
                            | Line::Pick { .. }
                            | Line::End { .. },
                        ) => continue,
                        Err(e) => damaged(&self.path, self.line_no, e),
                    }
                }
            };
            self.done = true;
            return Step::Failed(failed);
        }
    }
}

/// A plan read whole: the end of the file before the plan's end is damage.
impl Iterator for PlanLines {
    type Item = Result<(u64, Item), CliError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.step() {
            Step::Item(n, item) => Some(Ok((n, item))),
            Step::End => None,
            Step::Failed(e) => Some(Err(e)),
            // A plan cut short ends where the file does, as a resume closes it.
            Step::Wait if self.short => None,
            Step::Wait => {
                self.done = true;
                Some(Err(damaged(
                    &self.path,
                    self.line_no + 1,
                    "the plan ends early",
                )))
            }
        }
    }
}
