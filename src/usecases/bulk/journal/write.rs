//! Writing a journal: the plan through a buffer (it reaches the file whole, or the file is
//! removed), then each record in one write. A confirmed run streams its plan instead: each
//! plan line waits in memory and reaches the file in the same write as the next record, so the
//! plan line of an item is always in the file before any record of it; the end of an item done
//! waits the same way (`Journal::defer`). The starts of several items may share a write
//! (`Journal::record_all`), each written before its item is sent.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use livectl_contract::ActionKind;
use livectl_contract::action::ActionBody;
use serde::Serialize;

use super::{Header, Line};
use crate::error::CliError;
use crate::model::Item;
use crate::usecases::bulk;

/// The name of run `run_id`'s journal in the runs directory.
pub fn file_name(run_id: &str) -> String {
    format!("{run_id}.ndjson")
}

/// `$XDG_STATE_HOME/livectl/runs`, where journals go by default, as it is (`runs_dir` makes
/// it).
pub fn runs_path() -> PathBuf {
    crate::config::state_dir().join("runs")
}

/// `$XDG_STATE_HOME/livectl/runs`, where journals go by default: created private (0700 on
/// unix), and made private again if it was not.
pub fn runs_dir() -> Result<PathBuf, CliError> {
    let dir = runs_path();
    let fail = |e: io::Error| CliError::failure(format!("cannot create {}: {e}", dir.display()));
    crate::config::create_private_dir(&dir).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dir).map_err(fail)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).map_err(fail)?;
        }
    }
    Ok(dir)
}

/// The journal's file. With a byte budget (the test hook LIVECTL_JOURNAL_LIMIT) it fails as a
/// full disk does once the budget is spent, after writing what still fitted.
pub(super) struct Sink {
    file: File,
    left: Option<u64>,
}

impl Sink {
    pub(super) fn new(file: File, limit: Option<u64>) -> Sink {
        Sink { file, left: limit }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(left) = self.left else {
            return self.file.write(buf);
        };
        if left == 0 && !buf.is_empty() {
            return Err(no_space());
        }
        let fits = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
        let written = self.file.write(&buf[..fits])?;
        self.left = Some(left - written as u64);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// What a full disk answers.
fn no_space() -> io::Error {
    if cfg!(unix) {
        io::Error::from_raw_os_error(28) // ENOSPC
    } else {
        io::ErrorKind::StorageFull.into()
    }
}

/// A plan line, written from the item as it is.
#[derive(Serialize)]
struct PlanRecord<'a> {
    event: &'static str,
    n: u64,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i64>,
    action: ActionKind,
    body: ActionBody<'a>,
}

impl PlanRecord<'_> {
    fn of(n: u64, item: &Item) -> PlanRecord<'_> {
        PlanRecord {
            event: "plan",
            n,
            id: &item.id,
            version: item.version,
            action: item.action.kind(),
            body: item.action.body(),
        }
    }
}

/// How long a journal's lock is asked for again before its run is said to go on: `livectl
/// runs` glances at each lock (`in_use`) for microseconds, a run holds it for its whole length.
#[cfg(unix)]
const GLANCE: std::time::Duration = std::time::Duration::from_millis(250);

/// Takes the lock of the journal `file` (advisory, the whole file, released when the process
/// ends): the run that writes a journal holds it, so a `--resume` of that journal while the run
/// goes on is refused rather than cutting and interleaving lines the run is writing. A lock
/// held only for `GLANCE` (`livectl runs` looking at the same moment) is waited for. Unix only:
/// elsewhere such a lock is mandatory and would keep the run from reading its own plan back.
///
/// The wait blocks the thread it runs on: it comes before the run sends anything, and lasts
/// only while a lock is held.
#[cfg(unix)]
pub(super) fn hold(file: &File, path: &Path) -> Result<(), CliError> {
    match waited_out(|| file.try_lock()) {
        // A file system without locks (some network ones) runs without: the lock only keeps a
        // second livectl from writing the same journal.
        Ok(()) | Err(std::fs::TryLockError::Error(_)) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(CliError::new(
            crate::error::ErrorKind::Conflict,
            format!(
                "the journal {} is in use: its run is still going in another livectl",
                path.display()
            ),
        )
        .hint("let that run end (or stop it with Ctrl-C), then resume what it left")),
    }
}

/// The lock `try_lock` takes, asked again while it is held for up to `GLANCE`.
#[cfg(unix)]
fn waited_out(
    mut try_lock: impl FnMut() -> Result<(), std::fs::TryLockError>,
) -> Result<(), std::fs::TryLockError> {
    let asked = std::time::Instant::now();
    loop {
        match try_lock() {
            Err(std::fs::TryLockError::WouldBlock) if asked.elapsed() < GLANCE => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            taken => return taken,
        }
    }
}

/// Whether another process holds the lock of the journal `file` (`hold`): its run goes on.
/// Asked with a shared lock, let go at once, so a resume starting meanwhile is not kept out
/// for longer than the asking.
#[cfg(unix)]
pub(super) fn in_use(file: &File) -> bool {
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(std::fs::TryLockError::WouldBlock) => true,
        // A file system without locks: no run can be told from its lock.
        Err(std::fs::TryLockError::Error(_)) => false,
    }
}

/// No lock where locks are mandatory (see the Unix `hold`): no run is told in use.
#[cfg(not(unix))]
pub(super) fn in_use(_: &File) -> bool {
    false
}

/// No lock where locks are mandatory (see the Unix `hold`).
#[cfg(not(unix))]
pub(super) fn hold(_: &File, _: &Path) -> Result<(), CliError> {
    Ok(())
}

/// A journal being planned: the header, then the plan, one item at a time. Any failure to
/// write removes the file, so a journal never holds half a plan.
pub struct Planner {
    path: PathBuf,
    /// The run's command, as its header records it.
    action: String,
    out: BufWriter<Sink>,
    items: u64,
    /// Where the plan's first line starts: after the header's line.
    plan_at: u64,
}

/// A journal that cannot be made at `path`, with what would help: a new file, or the run it
/// holds resumed.
fn cannot_create(path: &Path, action: &str, why: impl std::fmt::Display) -> CliError {
    let error = CliError::usage(format!(
        "cannot create the journal {}: {why}",
        path.display()
    ));
    let flag = bulk::journal_flag(action);
    let resumes = matches!(
        bulk::Again::of(action, &Default::default(), path),
        bulk::Again::Resume(_)
    );
    // What is there: a run to continue only if it is a file with something in it.
    let there = std::fs::metadata(path).ok();
    error.hint(match there {
        // No run's journal: one to resume holds at least its header (new user).
        Some(m) if m.is_file() && m.len() == 0 => {
            format!(
                "it is empty, no run's journal: name a new file with {flag}, or remove it first"
            )
        }
        Some(m) if m.is_file() && resumes => {
            format!("name a new file with {flag}, or continue that run with --resume")
        }
        Some(m) if m.is_file() => format!("name a new file with {flag}"),
        // A device or a FIFO: it said to continue "that run" (new user).
        Some(_) => {
            format!("it is no file, so no run's journal: name a new file with {flag}")
        }
        // Nothing there, and nothing could be made: no run to continue either.
        _ => format!("name a directory you can write to with {flag}"),
    })
}

impl Planner {
    /// Whether a new journal may be made at `path` for a run of `action`, said before anything
    /// is sent or asked: its directory is there, and nothing is at the path. A dry run judged
    /// none of it, and a real run only once confirmed (review).
    pub fn judge(path: &Path, action: &str) -> Result<(), CliError> {
        let flag = bulk::journal_flag(action);
        let named = format!("{flag} {}", path.display());
        // The default directory is made by `runs_dir`; one the user named must be there, as
        // for `--out`: a typo is not made into directories.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::files::existing_dir(&named, dir)?;
        }
        if path.is_dir() {
            return Err(crate::files::is_a_directory(&named, path, "journal.ndjson"));
        }
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(cannot_create(path, action, "it exists already"));
        }
        Ok(())
    }

    /// A new journal at `path` (never over an existing file), private to its owner, with its
    /// header.
    pub fn create(path: &Path, header: &Header, limit: Option<u64>) -> Result<Planner, CliError> {
        Planner::judge(path, &header.action)?;
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(path)
            .map_err(|e| cannot_create(path, &header.action, e))?;
        // Locked already, by a `--resume` that opened the new file in between: it is not ours
        // to write, nor left behind empty.
        if let Err(e) = hold(&file, path) {
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
        let action = header.action.clone();
        let header = serde_json::to_vec(header)
            .map_err(|e| CliError::failure(format!("cannot write the journal's header: {e}")))?;
        let mut planner = Planner {
            path: path.to_owned(),
            action,
            out: BufWriter::with_capacity(64 * 1024, Sink::new(file, limit)),
            items: 0,
            plan_at: header.len() as u64 + 1,
        };
        // Written at once: a run killed while its targets come (ids on a slow stdin) leaves a
        // journal `runs` lists and a resume closes, not an empty file no command reads.
        match planner
            .out
            .write_all(&header)
            .and_then(|()| planner.out.write_all(b"\n"))
            .and_then(|()| planner.out.flush())
        {
            Ok(()) => Ok(planner),
            Err(e) => Err(planner.fail(e)),
        }
    }

    /// Where the plan's first line starts.
    pub fn plan_at(&self) -> u64 {
        self.plan_at
    }

    /// Adds the next item of the plan.
    pub fn plan(self, item: &Item) -> Result<Planner, CliError> {
        let record = PlanRecord::of(self.items, item);
        let mut planner = self.line(&record)?;
        planner.items += 1;
        Ok(planner)
    }

    /// How many items are planned so far.
    pub fn items(&self) -> u64 {
        self.items
    }

    /// Closes the plan with its count and makes sure all of it reached the file: the journal
    /// then takes records. Until then nothing was sent.
    pub fn finish(self) -> Result<Journal, CliError> {
        let items = self.items;
        let mut planner = self.line(&Line::Planned {
            items,
            cut_short: false,
        })?;
        if let Err(e) = planner.out.flush() {
            return Err(planner.fail(e));
        }
        let Planner { path, out, .. } = planner;
        let (sink, _) = out.into_parts();
        let end = sink.file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok(Journal::new(path, sink, end))
    }

    /// The journal of a run that needs no confirmation, taking records while its plan goes on
    /// (`Journal::plan`, closed by `Journal::close_plan`): the first items are sent while the
    /// rest are still listed.
    pub fn stream(mut self) -> Result<Journal, CliError> {
        if let Err(e) = self.out.flush() {
            return Err(self.fail(e));
        }
        let Planner {
            path, out, items, ..
        } = self;
        let (sink, _) = out.into_parts();
        let end = sink.file.metadata().map(|m| m.len()).unwrap_or(0);
        let journal = Journal::new(path, sink, end);
        if let Ok(mut inner) = journal.inner.lock() {
            inner.planning = Some(items);
        }
        Ok(journal)
    }

    /// Removes the journal: the run does not start.
    pub fn abandon(self) {
        let Planner { path, out, .. } = self;
        // What is still buffered goes with the file, unwritten.
        drop(out.into_parts());
        let _ = std::fs::remove_file(&path);
    }

    fn line(mut self, value: &impl Serialize) -> Result<Planner, CliError> {
        let written = serde_json::to_writer(&mut self.out, value)
            .map_err(io::Error::from)
            .and_then(|()| self.out.write_all(b"\n"));
        match written {
            Ok(()) => Ok(self),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn fail(self, e: io::Error) -> CliError {
        let (path, action) = (self.path.clone(), self.action.clone());
        self.abandon();
        not_started(&path, e, &action)
    }
}

/// A journal that could not be written before anything was sent, and was removed.
pub fn not_started(path: &Path, why: impl std::fmt::Display, action: &str) -> CliError {
    CliError::failure(format!(
        "cannot write the journal {}: {why}; the run did not start and nothing was sent",
        path.display()
    ))
    .hint(format!(
        "the unfinished journal was removed; free some space, or name another place with {}",
        bulk::journal_flag(action)
    ))
}

/// A journal taking records: each in one write, so a record is never interleaved with another.
pub struct Journal {
    path: PathBuf,
    broken: AtomicBool,
    inner: Mutex<Inner>,
}

struct Inner {
    sink: Sink,
    /// Where the next record starts.
    end: u64,
    /// The first write that failed.
    error: Option<String>,
    /// The items planned so far while the plan streams; None once it is closed.
    planning: Option<u64>,
    /// Lines not in the file yet (plan lines, deferred ends): they go ahead of the next
    /// record, in its write.
    pending: Vec<u8>,
}

impl Inner {
    /// Appends what is pending, then `bytes`, in one write; says where `bytes` start. After
    /// the first failure nothing more is written, and the fragment it left is cut off.
    fn append(&mut self, bytes: &[u8], broken: &AtomicBool) -> Option<u64> {
        if self.error.is_some() {
            return None;
        }
        let before = self.end;
        let written = if self.pending.is_empty() {
            self.sink.write_all(bytes)
        } else {
            self.pending.extend_from_slice(bytes);
            let written = self.sink.write_all(&self.pending);
            self.end += (self.pending.len() - bytes.len()) as u64;
            self.pending.clear();
            written
        };
        match written {
            Ok(()) => {
                let at = self.end;
                self.end += bytes.len() as u64;
                Some(at)
            }
            Err(e) => {
                self.end = before;
                let _ = self.sink.file.set_len(before);
                self.error = Some(e.to_string());
                broken.store(true, Ordering::SeqCst);
                None
            }
        }
    }
}

/// Lines as the journal holds them, each ended by a newline.
fn encoded<L: std::borrow::Borrow<Line>>(lines: impl IntoIterator<Item = L>) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    for line in lines {
        serde_json::to_writer(&mut bytes, line.borrow()).ok()?;
        bytes.push(b'\n');
    }
    Some(bytes)
}

impl Journal {
    pub(super) fn new(path: PathBuf, sink: Sink, end: u64) -> Journal {
        Journal {
            path,
            broken: AtomicBool::new(false),
            inner: Mutex::new(Inner {
                sink,
                end,
                error: None,
                planning: None,
                pending: Vec::new(),
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record and says where it starts; None once the journal cannot be written.
    /// The first failure is kept (see `failure`), the fragment it left is cut off where the
    /// file system allows, and nothing is written after it, so the journal stays resumable.
    pub fn record(&self, line: &Line) -> Option<u64> {
        let bytes = encoded([line])?;
        self.lock()?.append(&bytes, &self.broken)
    }

    /// Appends records in one write, in order; false once the journal cannot be written. The
    /// starts of the items workers take next go out so, several for one write.
    pub fn record_all(&self, lines: impl IntoIterator<Item = Line>) -> bool {
        encoded(lines)
            .and_then(|bytes| self.lock()?.append(&bytes, &self.broken))
            .is_some()
    }

    /// Keeps `line` to go out ahead of the next record (or `flush`), in the same write, as a
    /// streaming plan's lines do: the end of an item done, which nothing waits for, so an item
    /// costs the run one write instead of two. Nothing is kept once the journal failed.
    pub fn defer(&self, line: &Line) {
        let Some(mut inner) = self.lock() else {
            return;
        };
        if inner.error.is_some() {
            return;
        }
        let Inner { pending, .. } = &mut *inner;
        if serde_json::to_writer(&mut *pending, line).is_ok() {
            pending.push(b'\n');
        }
    }

    /// Plans the next item of a streaming plan; its number, or None once the journal cannot
    /// be written (or the plan is closed). Its line reaches the file with the next record.
    pub fn plan(&self, item: &Item) -> Option<u64> {
        let mut inner = self.lock()?;
        let n = inner.planning.filter(|_| inner.error.is_none())?;
        let Inner { pending, .. } = &mut *inner;
        serde_json::to_writer(&mut *pending, &PlanRecord::of(n, item)).ok()?;
        pending.push(b'\n');
        inner.planning = Some(n + 1);
        Some(n)
    }

    /// Closes a streaming plan with its count; false when the journal cannot say so.
    pub fn close_plan(&self) -> bool {
        let Some(mut inner) = self.lock() else {
            return false;
        };
        let Some(items) = inner.planning else {
            return true;
        };
        let Some(bytes) = encoded([Line::Planned {
            items,
            cut_short: false,
        }]) else {
            return false;
        };
        let closed = inner.append(&bytes, &self.broken).is_some();
        if closed {
            inner.planning = None;
        }
        closed
    }

    /// Whether the plan is still streaming (not closed).
    pub fn is_planning(&self) -> bool {
        self.lock().is_some_and(|inner| inner.planning.is_some())
    }

    /// How many bytes of lines (plan lines, deferred ends) wait to be written.
    pub fn pending(&self) -> usize {
        self.lock().map_or(0, |inner| inner.pending.len())
    }

    /// Writes the lines still pending, so the file holds every item planned and every end
    /// deferred so far.
    pub fn flush(&self) {
        if let Some(mut inner) = self.lock()
            && !inner.pending.is_empty()
        {
            inner.append(&[], &self.broken);
        }
    }

    fn lock(&self) -> Option<std::sync::MutexGuard<'_, Inner>> {
        match self.inner.lock() {
            Ok(inner) => Some(inner),
            Err(_) => {
                self.broken.store(true, Ordering::SeqCst);
                None
            }
        }
    }

    /// Whether a record could not be written: dispatching stops then.
    pub fn is_broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// Why the journal could not be written, once it could not.
    pub fn failure(&self) -> Option<String> {
        match self.inner.lock() {
            Ok(inner) => inner.error.clone(),
            Err(_) => Some("the journal's lock was poisoned".into()),
        }
    }

    /// Removes the journal of a run that will not start (its confirmation was declined).
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A resume that started while `livectl runs` glanced at the journal's lock exited 6, "in
    /// use": a lock held that briefly is asked for again, and taken once let go.
    #[test]
    fn a_lock_held_for_a_glance_is_waited_for() {
        let mut held = 3;
        let taken = waited_out(|| {
            if held == 0 {
                return Ok(());
            }
            held -= 1;
            Err(std::fs::TryLockError::WouldBlock)
        });
        assert!(taken.is_ok());
        assert_eq!(held, 0, "asked until let go");
    }

    /// A lock held on (a run going on) is refused, as "in use", once the wait is over.
    #[test]
    fn a_lock_held_on_is_refused_as_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.ndjson");
        std::fs::write(&path, "").unwrap();
        // Each open is a lock of its own (flock), as another process's would be.
        let run = File::open(&path).unwrap();
        run.try_lock().unwrap();
        let resume = OpenOptions::new().write(true).open(&path).unwrap();
        let refused = hold(&resume, &path).unwrap_err();
        assert_eq!(refused.kind, crate::error::ErrorKind::Conflict);
        assert!(refused.message.contains("is in use"), "{}", refused.message);
    }
}
