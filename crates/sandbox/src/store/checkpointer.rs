//! Copies the write-ahead log back into the database on a thread of its own, so that no group
//! of writes waits for a checkpoint.
//!
//! The writer's connection does not checkpoint by itself (`wal_autocheckpoint = 0`): after a
//! commit it only counts the group. This thread, on its own connection, runs a PASSIVE
//! checkpoint whenever groups were committed since it last looked; a PASSIVE checkpoint never
//! waits for the writer or the readers, and one that could not copy everything (a reader still
//! on old pages) copies the rest the next time. Durability is the commit's, not the checkpoint's:
//! a committed group is in the log whether or not it was copied yet.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::Connection;

/// How often the checkpointer looks for committed groups.
const EVERY: Duration = Duration::from_millis(50);

pub(super) struct Checkpointer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    /// Groups committed, counted by the writer.
    committed: AtomicU64,
    stop: Mutex<bool>,
    wake: Condvar,
}

impl Checkpointer {
    /// Starts the thread on `conn`, a read-write connection to the writer's database.
    pub(super) fn start(conn: Connection) -> std::io::Result<Checkpointer> {
        let shared = Arc::new(Shared {
            committed: AtomicU64::new(0),
            stop: Mutex::new(false),
            wake: Condvar::new(),
        });
        let thread = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("sandbox-checkpoint".into())
                .spawn(move || run(&conn, &shared))?
        };
        Ok(Checkpointer {
            shared,
            thread: Some(thread),
        })
    }

    /// A group was committed: there is something to copy.
    pub(super) fn committed(&self) {
        self.shared.committed.fetch_add(1, Ordering::Relaxed);
    }
}

impl Drop for Checkpointer {
    /// Stops the thread and waits for it, so the writer can then checkpoint alone as it closes.
    fn drop(&mut self) {
        match self.shared.stop.lock() {
            Ok(mut stop) => *stop = true,
            Err(poisoned) => *poisoned.into_inner() = true,
        }
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(conn: &Connection, shared: &Shared) {
    let mut seen = 0;
    loop {
        let Ok(stop) = shared.stop.lock() else {
            return;
        };
        if *stop {
            return;
        }
        let Ok((stop, _)) = shared.wake.wait_timeout(stop, EVERY) else {
            return;
        };
        if *stop {
            return;
        }
        drop(stop);
        let committed = shared.committed.load(Ordering::Relaxed);
        if committed != seen {
            seen = committed;
            // What cannot be copied now is copied next time.
            let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        }
    }
}
