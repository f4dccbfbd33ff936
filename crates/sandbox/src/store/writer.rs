//! The one writer: a thread that owns the write connection and commits together the writes
//! waiting at each moment (group commit).
//!
//! The writer takes every write queued when it looks (up to `GROUP_CAP`), opens one
//! `BEGIN IMMEDIATE` transaction, runs the writes one after the other, commits, and only then
//! answers them all and wakes the event streams once. A write that fails or panics is answered
//! with its own error and nothing of it is kept; the others of its group commit. Writes refused
//! by their checks change nothing, so they need no savepoint; when a write failed after it
//! changed something, the group is rolled back and run again with a savepoint per write (see
//! `commit`), which is why a write is a closure that may run twice.
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
use super::idempotency::Keys;
use super::shutting_down;
use crate::error::ApiError;

/// The most writes one transaction commits: a bound on the time a group holds the others.
const GROUP_CAP: usize = 512;

/// How many pages the write-ahead log holds before the writer copies it into the database.
const CHECKPOINT_PAGES: i64 = 40_000;

/// How often old idempotency records are forgotten, between groups.
const EXPIRE_EVERY: Duration = Duration::from_secs(600);

/// What a write does in the group's transaction: any closure of the transaction, or one that
/// also stores idempotency keys' answers (`Keyed`).
pub(super) trait Job<T>: Send {
    fn run(&mut self, tx: &Transaction, keys: &mut Keys) -> Result<T, ApiError>;
}

impl<T, F: FnMut(&Transaction) -> Result<T, ApiError> + Send> Job<T> for F {
    fn run(&mut self, tx: &Transaction, _: &mut Keys) -> Result<T, ApiError> {
        self(tx)
    }
}

/// A write that finds and stores idempotency keys' answers through the writer's `Keys`.
pub(super) struct Keyed<F>(pub F);

impl<T, F: FnMut(&Transaction, &mut Keys) -> Result<T, ApiError> + Send> Job<T> for Keyed<F> {
    fn run(&mut self, tx: &Transaction, keys: &mut Keys) -> Result<T, ApiError> {
        (self.0)(tx, keys)
    }
}

/// A write waiting for the writer, with its answer.
trait Pending: Send {
    /// Runs the write in the group's transaction; false when it failed. It runs again, from
    /// the start, when its group is run again with savepoints.
    fn run(&mut self, tx: &Transaction, keys: &mut Keys) -> bool;
    /// Answers the write once its group committed (`Ok`) or could not (the reason).
    fn answer(self: Box<Self>, group: Result<(), &GroupFailure>);
    /// Why the write failed, once it ran and failed.
    fn failure(&self) -> Option<String>;
}

struct Write<F, T, A> {
    f: F,
    result: Option<Result<T, ApiError>>,
    answer: A,
}

impl<F, T, A> Pending for Write<F, T, A>
where
    F: Job<T>,
    T: Send,
    A: FnOnce(Result<T, ApiError>) + Send,
{
    fn run(&mut self, tx: &Transaction, keys: &mut Keys) -> bool {
        let mark = keys.mark();
        let result =
            catch_unwind(AssertUnwindSafe(|| self.f.run(tx, keys))).unwrap_or_else(|panic| {
                Err(ApiError::Internal(format!(
                    "the write failed ({}); nothing of it was kept",
                    panic_message(panic.as_ref())
                )))
            });
        let ok = result.is_ok();
        if !ok {
            // Refused: nothing of it is kept, the answers it stored neither.
            keys.undo(mark);
        }
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
    /// Starts the writer's thread with the write connection and the index of its stored
    /// answers, and the checkpointer's with `checkpoints`, a connection of its own; `changes` is
    /// bumped once per committed group.
    pub(super) fn start(
        conn: Connection,
        keys: Keys,
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
                .spawn(move || run(conn, keys, checkpointer, &shared, &changes))?
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
        F: Job<T> + 'static,
        T: Send + 'static,
        A: FnOnce(Result<T, ApiError>) + Send + 'static,
    {
        let write = Box::new(Write {
            f,
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
    mut keys: Keys,
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
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                commit(&mut conn, &mut keys, &mut group)
            }))
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
            let _ = keys.expire(&conn, jiff::Timestamp::now());
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

/// One transaction for the whole group. A write alone in its group (a seeding client sends one
/// batch at a time) is its transaction: refused, the transaction is rolled back. Many writes
/// run one after the other without savepoints: a savepoint copies every page a write touches
/// (without them the writer spends 15% less on a keyed action, 6% less on a plain one), and a
/// refused write has almost always changed nothing, as its checks come first. When one did
/// change something before it failed (or panicked), the transaction is rolled back and the
/// group runs again, each write in its own savepoint, so that write is undone alone. That
/// second run costs the whole group again (up to `GROUP_CAP` writes, a seed's load or a batch
/// among them); only a write refused part-way pays it (a batch refused at one of its
/// operations, a panic, SQLite's own error): single actions check before they change.
fn commit(
    conn: &mut Connection,
    keys: &mut Keys,
    group: &mut [Box<dyn Pending>],
) -> Result<(), GroupFailure> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    keys.begin(&tx)?;
    if let [write] = group {
        let ok = write.run(&tx, keys);
        if tx.is_autocommit() {
            return Err(rolled_back(write.as_ref()));
        }
        // A refused write is answered with its own problem; nothing of it is kept.
        if ok {
            tx.commit()?;
            keys.committed();
        } else {
            tx.rollback()?;
        }
        return Ok(());
    }
    let mut undone = false;
    for write in group.iter_mut() {
        // Rows inserted, updated or deleted so far, by this connection.
        let before = tx.total_changes();
        let ok = write.run(&tx, keys);
        if tx.is_autocommit() {
            return Err(rolled_back(write.as_ref()));
        }
        if !ok && tx.total_changes() != before {
            undone = true;
            break;
        }
    }
    if !undone {
        tx.commit()?;
        keys.committed();
        return Ok(());
    }
    tx.rollback()?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    keys.begin(&tx)?;
    for write in group.iter_mut() {
        tx.prepare_cached("SAVEPOINT write")?.execute([])?;
        let ok = write.run(&tx, keys);
        if tx.is_autocommit() {
            return Err(rolled_back(write.as_ref()));
        }
        if !ok {
            tx.prepare_cached("ROLLBACK TO write")?.execute([])?;
        }
        tx.prepare_cached("RELEASE write")?.execute([])?;
    }
    tx.commit()?;
    keys.committed();
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::store::wal_connection;

    /// A writer on a fresh database with a table `t (x)`.
    fn writer(dir: &tempfile::TempDir) -> (Writer, Connection) {
        let path = dir.path().join("t.db");
        let conn = wal_connection(&path);
        // The stored answers' table (and `meta`) as far as the writer's index reads them.
        conn.execute_batch(
            "CREATE TABLE t (x INTEGER PRIMARY KEY);
             CREATE TABLE idempotency (id INTEGER PRIMARY KEY, agent_id INTEGER, key TEXT);
             CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )
        .expect("tables");
        let keys = Keys::load(&conn).expect("keys");
        let writer = Writer::start(
            conn,
            keys,
            wal_connection(&path),
            Arc::new(watch::channel(0).0),
        )
        .expect("start");
        (writer, wal_connection(&path))
    }

    /// How one write of a test group behaves.
    #[derive(Clone, Copy)]
    enum Does {
        /// Inserts its row.
        Insert,
        /// Refused by a check before changing anything.
        Refuse,
        /// Inserts its row, then fails.
        InsertThenFail,
        /// Inserts its row, then panics.
        InsertThenPanic,
    }

    /// Runs `writes` as one group (the writer is held by a first write until all are queued);
    /// returns each write's answer and how many times it ran.
    fn group(writer: &Writer, writes: &[(i64, Does)]) -> Vec<(Result<(), ApiError>, usize)> {
        let (release, held) = mpsc::channel::<()>();
        let (started, running) = mpsc::channel::<()>();
        let held = Mutex::new(held);
        writer
            .submit(
                move |_tx: &Transaction| {
                    let _ = started.send(());
                    let _ = held.lock().map(|h| h.recv());
                    Ok(())
                },
                |_: Result<(), ApiError>| {},
            )
            .expect("holding write");
        running.recv().expect("the holding write runs");
        let answers: Vec<_> = writes
            .iter()
            .map(|&(x, does)| {
                let runs = Arc::new(AtomicUsize::new(0));
                let (answer, answered) = mpsc::sync_channel(1);
                let counted = runs.clone();
                writer
                    .submit(
                        move |tx: &Transaction| {
                            counted.fetch_add(1, Ordering::SeqCst);
                            if let Does::Refuse = does {
                                return Err(ApiError::Validation("refused".into()));
                            }
                            tx.execute("INSERT INTO t (x) VALUES (?1)", [x])?;
                            match does {
                                Does::InsertThenFail => Err(ApiError::Validation("late".into())),
                                Does::InsertThenPanic => panic!("after inserting"),
                                _ => Ok(()),
                            }
                        },
                        move |result| {
                            let _ = answer.send(result);
                        },
                    )
                    .expect("submit");
                (answered, runs)
            })
            .collect();
        release.send(()).expect("release");
        answers
            .into_iter()
            .map(|(answered, runs)| {
                let answer = answered.recv().expect("answered");
                (answer, runs.load(Ordering::SeqCst))
            })
            .collect()
    }

    fn rows(conn: &Connection) -> Vec<i64> {
        conn.prepare("SELECT x FROM t ORDER BY x")
            .expect("select")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    }

    #[test]
    fn a_refused_write_in_a_group_runs_once_and_the_others_commit() {
        let dir = tempfile::tempdir().expect("dir");
        let (writer, reader) = writer(&dir);
        let answers = group(
            &writer,
            &[(1, Does::Insert), (2, Does::Refuse), (3, Does::Insert)],
        );
        assert!(answers[0].0.is_ok() && answers[2].0.is_ok(), "{answers:?}");
        assert!(matches!(answers[1].0, Err(ApiError::Validation(_))));
        assert_eq!(
            answers.iter().map(|a| a.1).collect::<Vec<_>>(),
            [1, 1, 1],
            "no second run"
        );
        assert_eq!(rows(&reader), [1, 3]);
    }

    #[test]
    fn a_write_that_failed_after_changing_something_is_undone_alone() {
        let dir = tempfile::tempdir().expect("dir");
        let (writer, reader) = writer(&dir);
        let answers = group(
            &writer,
            &[
                (1, Does::Insert),
                (2, Does::InsertThenFail),
                (3, Does::Insert),
                (4, Does::InsertThenPanic),
                (5, Does::Insert),
            ],
        );
        assert!(matches!(answers[1].0, Err(ApiError::Validation(_))));
        assert!(matches!(answers[3].0, Err(ApiError::Internal(_))));
        for n in [0, 2, 4] {
            assert!(answers[n].0.is_ok(), "{n}: {answers:?}");
        }
        // The first pass stopped at the failure after a change; the second ran every write.
        assert_eq!(
            answers.iter().map(|a| a.1).collect::<Vec<_>>(),
            [2, 2, 1, 1, 1]
        );
        assert_eq!(rows(&reader), [1, 3, 5]);
        // A panic after a change in the first pass sends the group round again too.
        let answers = group(
            &writer,
            &[
                (6, Does::Insert),
                (7, Does::InsertThenPanic),
                (8, Does::Insert),
            ],
        );
        assert!(matches!(answers[1].0, Err(ApiError::Internal(_))));
        assert!(answers[0].0.is_ok() && answers[2].0.is_ok(), "{answers:?}");
        assert_eq!(answers.iter().map(|a| a.1).collect::<Vec<_>>(), [2, 2, 1]);
        assert_eq!(rows(&reader), [1, 3, 5, 6, 8]);
    }
}
