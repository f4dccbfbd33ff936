//! The one writer: a thread that owns the write connection and commits together the writes
//! waiting at each moment (group commit).
//!
//! The writer takes every write queued when it looks (up to `GROUP_CAP`), opens one
//! `BEGIN IMMEDIATE` transaction, runs each write in its own SAVEPOINT, commits, and only then
//! answers them all and wakes the event streams once. A write that fails or panics is rolled
//! back to its savepoint alone and answered with its own error; the others of its group commit.
//! A write alone in its group needs no savepoint: the transaction is rolled back instead.
//! When the group cannot commit (an I/O error, a lost transaction), every write of the group is
//! answered with a 5xx and the writer goes on with the next group. One commit of many writes is
//! what makes the sandbox fast: a commit's cost (the lock, the log's pages, the syscalls) is
//! shared by the whole group, while a write still waits for nothing but the commit before it.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use tokio::sync::watch;

use super::checkpoints::Checkpointer;
use super::{idempotency, shutting_down};
use crate::error::ApiError;

/// The most writes one transaction commits: a bound on the time a group holds the others.
const GROUP_CAP: usize = 512;

/// How many pages the write-ahead log holds before the writer copies it into the database.
const CHECKPOINT_PAGES: i64 = 40_000;

/// How often old idempotency records are forgotten, between groups.
const EXPIRE_EVERY: Duration = Duration::from_secs(600);

/// A write waiting for the writer, with its answer.
trait Pending: Send {
    /// Runs the write in the group's transaction; false when it failed (its savepoint is then
    /// rolled back).
    fn run(&mut self, tx: &Transaction) -> bool;
    /// Answers the write once its group committed (`Ok`) or could not (the reason).
    fn answer(self: Box<Self>, group: Result<(), &GroupFailure>);
    /// Why the write failed, once it ran and failed.
    fn failure(&self) -> Option<String>;
}

struct Write<F, T, A> {
    f: Option<F>,
    result: Option<Result<T, ApiError>>,
    answer: A,
}

impl<F, T, A> Pending for Write<F, T, A>
where
    F: FnOnce(&Transaction) -> Result<T, ApiError> + Send,
    T: Send,
    A: FnOnce(Result<T, ApiError>) + Send,
{
    fn run(&mut self, tx: &Transaction) -> bool {
        let Some(f) = self.f.take() else {
            return false;
        };
        let result = catch_unwind(AssertUnwindSafe(|| f(tx))).unwrap_or_else(|panic| {
            Err(ApiError::Internal(format!(
                "the write failed ({}); nothing of it was kept",
                panic_message(panic.as_ref())
            )))
        });
        let ok = result.is_ok();
        self.result = Some(result);
        ok
    }

    fn failure(&self) -> Option<String> {
        match &self.result {
            Some(Err(e)) => Some(e.to_string()),
            _ => None,
        }
    }

    fn answer(self: Box<Self>, group: Result<(), &GroupFailure>) {
        let this = *self;
        let result = match group {
            Ok(()) => this
                .result
                .unwrap_or_else(|| Err(ApiError::Internal("the write never ran".into()))),
            Err(failure) => Err(failure.error()),
        };
        (this.answer)(result);
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic")
}

/// Why a whole group did not commit.
#[derive(Debug)]
struct GroupFailure {
    detail: String,
    /// The database was busy (another process held it too long): worth a retry.
    busy: bool,
}

impl GroupFailure {
    fn error(&self) -> ApiError {
        let detail = format!(
            "the database could not commit this change ({}); nothing was done",
            self.detail
        );
        if self.busy {
            ApiError::Unavailable(format!("{detail}; retry"))
        } else {
            ApiError::Internal(detail)
        }
    }
}

impl From<rusqlite::Error> for GroupFailure {
    fn from(e: rusqlite::Error) -> Self {
        let busy = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        GroupFailure {
            detail: e.to_string(),
            busy,
        }
    }
}

/// What the writer's thread is asked to do.
#[derive(Default)]
struct Queue {
    writes: VecDeque<Box<dyn Pending>>,
    /// Set by `close`: the writes queued before it still commit, then the writer closes the
    /// connection and answers here.
    close: Option<mpsc::SyncSender<Result<(), String>>>,
    /// No write is taken any more.
    closed: bool,
    /// The writer is asleep, waiting for a write (so a new one must wake it).
    idle: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

/// The handle the store keeps: queues writes for the writer's thread.
pub(super) struct Writer {
    shared: Arc<Shared>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Writer {
    /// Starts the writer's thread with the write connection, and the checkpointer's with
    /// `checkpoints`, a connection of its own; `changes` is bumped once per committed group.
    pub(super) fn start(
        conn: Connection,
        checkpoints: Connection,
        changes: Arc<watch::Sender<u64>>,
    ) -> std::io::Result<Writer> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
        });
        // Checkpoints are the checkpointer's (`checkpoints.rs`); SQLite's on commit stays as a
        // backstop, rarer than its default (1,000 pages): if the checkpointer falls behind, a
        // page rewritten by many groups is copied once per 40,000 pages of log (about 160 MB).
        conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)
            .map_err(std::io::Error::other)?;
        let checkpointer = Checkpointer::start(checkpoints)?;
        let thread = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("sandbox-writer".into())
                .spawn(move || run(conn, checkpointer, &shared, &changes))?
        };
        Ok(Writer {
            shared,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Queues `f` for the next group; `answer` gets its result after the group's commit. A
    /// closed writer refuses at once (and `answer` is not called).
    pub(super) fn submit<T, F, A>(&self, f: F, answer: A) -> Result<(), ApiError>
    where
        F: FnOnce(&Transaction) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
        A: FnOnce(Result<T, ApiError>) + Send + 'static,
    {
        let write = Box::new(Write {
            f: Some(f),
            result: None,
            answer,
        });
        let mut queue = self.shared.queue.lock().map_err(|_| stopped())?;
        if queue.closed || queue.close.is_some() {
            return Err(shutting_down());
        }
        queue.writes.push_back(write);
        let idle = queue.idle;
        drop(queue);
        // A busy writer finds the write when it next looks: no wake-up (and no syscall) needed.
        if idle {
            self.shared.wake.notify_one();
        }
        Ok(())
    }

    /// Commits what is queued, then checkpoints and closes the connection; later writes are
    /// refused. Closing twice is closing once.
    pub(super) fn close(&self) -> Result<(), String> {
        let (tx, rx) = mpsc::sync_channel(1);
        {
            let mut queue = self
                .shared
                .queue
                .lock()
                .map_err(|_| "the writer was poisoned")?;
            if queue.closed || queue.close.is_some() {
                return Ok(());
            }
            queue.close = Some(tx);
        }
        self.shared.wake.notify_one();
        let result = rx
            .recv()
            .unwrap_or_else(|_| Err("the database writer stopped unexpectedly".into()));
        if let Some(thread) = self.thread.lock().ok().and_then(|mut t| t.take()) {
            let _ = thread.join();
        }
        result
    }
}

/// Set on the writer's way out, however it leaves: no write is taken any more, and those
/// still queued are dropped, which answers each with `stopped()` rather than leaving it waiting.
struct Leaving<'a>(&'a Shared);

impl Drop for Leaving<'_> {
    fn drop(&mut self) {
        let mut queue = match self.0.queue.lock() {
            Ok(queue) => queue,
            Err(poisoned) => poisoned.into_inner(),
        };
        queue.closed = true;
        let writes = std::mem::take(&mut queue.writes);
        drop(queue);
        drop(writes);
    }
}

/// The writer's thread: group after group until closed. The checkpointer stops when it leaves.
fn run(
    mut conn: Connection,
    mut checkpointer: Checkpointer,
    shared: &Shared,
    changes: &watch::Sender<u64>,
) {
    let _leaving = Leaving(shared);
    let mut expired = Instant::now();
    loop {
        let (mut group, close) = {
            let Ok(mut queue) = shared.queue.lock() else {
                return;
            };
            while queue.writes.is_empty() && queue.close.is_none() {
                queue.idle = true;
                queue = match shared.wake.wait(queue) {
                    Ok(q) => q,
                    Err(_) => return,
                };
                queue.idle = false;
            }
            let n = queue.writes.len().min(GROUP_CAP);
            let group: Vec<_> = queue.writes.drain(..n).collect();
            let close = if queue.writes.is_empty() {
                let close = queue.close.take();
                queue.closed = close.is_some();
                close
            } else {
                None
            };
            (group, close)
        };
        if !group.is_empty() {
            let outcome = catch_unwind(AssertUnwindSafe(|| commit(&mut conn, &mut group)))
                .unwrap_or_else(|panic| {
                    Err(GroupFailure {
                        detail: format!("the writer failed: {}", panic_message(panic.as_ref())),
                        busy: false,
                    })
                });
            if !conn.is_autocommit() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            for write in group {
                write.answer(outcome.as_ref().map(|_| ()));
            }
            if outcome.is_ok() {
                changes.send_modify(|n| *n += 1);
                checkpointer.committed();
            }
        }
        if let Some(reply) = close {
            checkpointer.stop();
            let _ = reply.send(close_connection(conn));
            return;
        }
        if expired.elapsed() >= EXPIRE_EVERY {
            expired = Instant::now();
            // Forgetting old keys can wait for the next time if it fails now.
            let _ = idempotency::expire(&conn, jiff::Timestamp::now());
        }
    }
}

/// SQLite rolled the whole transaction back under a write (an I/O error, a full disk): the
/// writes of the group before it are gone too, and this write's own error says why.
fn rolled_back(write: &dyn Pending) -> GroupFailure {
    let cause = write
        .failure()
        .unwrap_or_else(|| "no error was reported".into());
    GroupFailure {
        detail: format!("the transaction was rolled back by the database: {cause}"),
        busy: false,
    }
}

/// One transaction for the whole group, one savepoint per write. A write alone in its group
/// (a seeding client sends one batch at a time) needs none: the transaction is its savepoint,
/// and each statement's own journal inside an open savepoint cost a batch of 1,000 creations
/// a fifth of its time.
fn commit(conn: &mut Connection, group: &mut [Box<dyn Pending>]) -> Result<(), GroupFailure> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let [write] = group {
        let ok = write.run(&tx);
        if tx.is_autocommit() {
            return Err(rolled_back(write.as_ref()));
        }
        // A refused write is answered with its own problem; nothing of it is kept.
        if ok {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        return Ok(());
    }
    for write in group.iter_mut() {
        tx.prepare_cached("SAVEPOINT write")?.execute([])?;
        let ok = write.run(&tx);
        if tx.is_autocommit() {
            return Err(rolled_back(write.as_ref()));
        }
        if !ok {
            tx.prepare_cached("ROLLBACK TO write")?.execute([])?;
        }
        tx.prepare_cached("RELEASE write")?.execute([])?;
    }
    tx.commit()?;
    Ok(())
}

/// Empties the write-ahead log into the database and closes the connection. The last
/// connection to the database (no other process has it open) removes the -wal and -shm files
/// as it closes.
fn close_connection(conn: Connection) -> Result<(), String> {
    let path = conn.path().unwrap_or_default().to_owned();
    let fail = |e: rusqlite::Error| format!("cannot close the database {path}: {e}");
    // Another process may be writing: then it checkpoints, not us.
    conn.busy_timeout(Duration::ZERO).map_err(fail)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(fail)?;
    conn.close().map_err(|(_, e)| fail(e))
}

pub(super) fn stopped() -> ApiError {
    ApiError::Internal("the database writer stopped; restart the sandbox".into())
}
