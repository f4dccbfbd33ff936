//! The checkpointer: a thread with a connection of its own that copies the write-ahead log into
//! the database while the writer goes on committing.
//!
//! Copying the log (and the fsync of the database after it) was the writer's, inside the commit
//! of every group that pushed the log past SQLite's threshold, and every write of that group and
//! of the groups queued behind it waited for it: 5 to 10% of the writer's time, seeding or under
//! wrk. Now the writer only says that it committed; at most every `PAUSE`, this thread runs a
//! passive checkpoint, which never waits for the writer or a reader and copies what no reader
//! still needs (while it runs, a reader may retry for a read mark, and the writer's own
//! checkpoint skips). The log starts again from its beginning at the writer's next transaction
//! after a checkpoint that copied all of it (and no reader still reads from the log), so it
//! stays small, and SQLite's own checkpoint on commit (every `CHECKPOINT_PAGES`) is left as a
//! backstop: if this thread falls behind, the writer finishes the copy itself and the log cannot
//! grow without bound.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rusqlite::Connection;

/// The least time between two checkpoints: a page the writer changes in every group is copied
/// once per checkpoint, not once per group.
const PAUSE: Duration = Duration::from_millis(50);

#[derive(Default)]
struct State {
    /// Groups committed since the last checkpoint started.
    committed: bool,
    stop: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

/// The writer's handle on the checkpointer's thread; stops it when dropped.
pub(super) struct Checkpointer {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread with its connection to the same database.
    pub(super) fn start(conn: Connection) -> std::io::Result<Checkpointer> {
        let shared = Arc::new(Shared::default());
        let thread = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("sandbox-checkpoints".into())
                .spawn(move || run(&conn, &shared))?
        };
        Ok(Checkpointer {
            shared,
            thread: Some(thread),
        })
    }

    /// A group committed: the log has pages to copy.
    pub(super) fn committed(&self) {
        let Ok(mut state) = self.shared.state.lock() else {
            return;
        };
        if !state.committed {
            state.committed = true;
            drop(state);
            self.shared.wake.notify_one();
        }
    }

    /// Stops the thread and closes its connection (before the writer's last checkpoint, which
    /// empties the log and needs no other connection open to remove it).
    pub(super) fn stop(&mut self) {
        if let Ok(mut state) = self.shared.state.lock() {
            state.stop = true;
        }
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(conn: &Connection, shared: &Shared) {
    loop {
        {
            let Ok(state) = shared.state.lock() else {
                return;
            };
            let Ok(mut state) = shared.wake.wait_while(state, |s| !s.committed && !s.stop) else {
                return;
            };
            if state.stop {
                return;
            }
            state.committed = false;
        }
        // A checkpoint that cannot run now (another one runs, the database is busy) or fails is
        // tried again after the next commit; the writer's own checkpoint is the backstop.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        let Ok(state) = shared.state.lock() else {
            return;
        };
        if let Ok((state, _)) = shared.wake.wait_timeout_while(state, PAUSE, |s| !s.stop)
            && state.stop
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::wal_connection;
    use std::time::Instant;

    /// A committed group's pages reach the database file with no checkpoint from the writer
    /// (its own is off here), and a stopped checkpointer lets the writer empty the log.
    #[test]
    fn the_log_is_copied_into_the_database_while_the_writer_goes_on() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        let writer = wal_connection(&path);
        writer
            .pragma_update(None, "wal_autocheckpoint", 0)
            .expect("no checkpoint on commit");
        writer
            .execute_batch(
                "CREATE TABLE t (x TEXT);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                 INSERT INTO t SELECT printf('%.1000c', 'x') FROM n;",
            )
            .expect("rows");
        let size = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        assert!(
            size() < 100_000,
            "the rows are in the log, not the database"
        );
        let mut checkpointer = Checkpointer::start(wal_connection(&path)).expect("start");
        checkpointer.committed();
        let deadline = Instant::now() + Duration::from_secs(20);
        while size() < 2_000_000 {
            assert!(
                Instant::now() < deadline,
                "nothing was copied: {} bytes",
                size()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        checkpointer.stop();
        let (busy, log, copied): (i64, i64, i64) = writer
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .expect("truncate");
        assert_eq!((busy, log, copied), (0, 0, 0), "the log was emptied");
    }
}
