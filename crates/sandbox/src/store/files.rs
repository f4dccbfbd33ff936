//! The database as files: private to their owner (they hold users' data and token hashes),
//! copied whole while served, and whether another process has them open.

use std::io;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

/// Creates `dir` and any missing parent with mode 0700 (an existing one is left as it is).
pub fn private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates the database file with mode 0600 when it does not exist yet, before SQLite opens it:
/// SQLite gives its -wal and -shm files the mode of the database file. One that is there and
/// others may read (an empty file made with `: > x.db`, 0644) is made private too: it is about
/// to hold users' data and token hashes.
pub fn private_file(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Why a backup did not complete.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Database(String),
    #[error("the backup was interrupted")]
    Interrupted,
}

/// Copies the database at `db` into `into` (a new or empty file), whole and consistent: every
/// transaction committed before the copy began and nothing of one after, also while a server
/// writes the database. `cancel` completing interrupts the copy; `into` is then incomplete.
pub async fn backup(
    db: &Path,
    into: &Path,
    cancel: impl std::future::Future<Output = ()>,
) -> Result<(), BackupError> {
    let fail = |e: rusqlite::Error| BackupError::Database(format!("{}: {e}", db.display()));
    let target = into
        .to_str()
        .ok_or_else(|| BackupError::Database(format!("{} is not a UTF-8 path", into.display())))?
        .to_owned();
    // Read-write, never created: when it is the last connection to close, SQLite folds its
    // write-ahead log back in and removes the -wal and -shm it needed to read.
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(10)).map_err(fail)?;
    let interrupt = conn.get_interrupt_handle();
    let copy = tokio::task::spawn_blocking(move || {
        conn.execute("VACUUM INTO ?1", [target])
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    tokio::pin!(copy);
    tokio::select! {
        done = &mut copy => done
            .map_err(|e| BackupError::Database(format!("the database worker failed: {e}")))?
            .map_err(|e| BackupError::Database(format!("{}: {e}", db.display()))),
        () = cancel => {
            interrupt.interrupt();
            let _ = copy.await;
            Err(BackupError::Interrupted)
        }
    }
}

/// What a file given as a sandbox's database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// A sandbox's database: SQLite, with a schema version this or an earlier livectl wrote,
    /// and the sandbox's tables.
    Sandbox,
    /// Nothing yet: an empty file (`: > x.db`), or SQLite with no table at all, which a sandbox
    /// makes before its tables (one making it now, or stopped while it did).
    Nothing,
    /// Anything else: a file of notes, an export, another program's database; never served,
    /// nor deleted as a sandbox's.
    Other,
}

/// Whether the file at `db` is a sandbox's database (`Holds::Sandbox`).
pub fn is_sandbox(db: &Path) -> Result<bool, String> {
    Ok(holds(db)? == Holds::Sandbox)
}

/// What the file at `db` holds, read without changing it. Only a regular file may hold a
/// database: SQLite reads `/dev/null` as an empty one, and a FIFO would block the read
/// (review).
pub fn holds(db: &Path) -> Result<Holds, String> {
    match std::fs::metadata(db) {
        Ok(m) if !m.is_file() => return Ok(Holds::Other),
        Ok(m) if m.len() == 0 => return Ok(Holds::Nothing),
        _ => {}
    }
    let conn = match Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(conn) => conn,
        Err(e) => return Err(format!("cannot open {}: {e}", db.display())),
    };
    // A sandbox making its tables holds the file a moment: waited for, not said busy.
    let _ = conn.busy_timeout(Duration::from_secs(2));
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
    let tables = conn.query_row(
        "SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name IN ('interventions', 'agents', 'events')) FROM sqlite_master",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
    );
    match (version, tables) {
        (Ok(version), Ok((_, 3))) if version > 0 => Ok(Holds::Sandbox),
        (Ok(0), Ok((0, _))) => Ok(Holds::Nothing),
        (Ok(_), Ok(_)) => Ok(Holds::Other),
        (Err(e), _) | (_, Err(e)) => match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Ok(Holds::Other),
            _ => Err(format!("cannot read {}: {e}", db.display())),
        },
    }
}

/// Whether another process has the database at `db` open (a server, or a command on the
/// embedded sandbox): an exclusive lock, asked for without waiting, is refused. A file that is
/// not a database is in use by nobody.
pub fn in_use(db: &Path) -> Result<bool, String> {
    let fail = |e: rusqlite::Error| format!("cannot open {}: {e}", db.display());
    let conn = match Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(conn) => conn,
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::CannotOpen) => return Ok(false),
        Err(e) => return Err(fail(e)),
    };
    conn.busy_timeout(Duration::ZERO).map_err(fail)?;
    // Every connection of a WAL database holds a shared lock on it while open; an exclusive
    // locking mode asks for the exclusive lock and keeps the -shm out of it.
    let locked = conn
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .and_then(|()| conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"));
    match locked {
        Ok(()) => Ok(false),
        Err(e) => match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Ok(true),
            Some(ErrorCode::NotADatabase) => Ok(false),
            _ => Err(fail(e)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a sandbox's database is one: not another program's SQLite file, nor text.
    #[test]
    fn a_sandbox_database_is_told_from_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let sandbox = dir.path().join("sandbox.db");
        drop(crate::store::Store::open(&sandbox).unwrap());
        assert_eq!(is_sandbox(&sandbox), Ok(true));
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE interventions (x); PRAGMA user_version = 3;")
            .unwrap();
        assert_eq!(is_sandbox(&other), Ok(false));
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "important\n").unwrap();
        assert_eq!(is_sandbox(&notes), Ok(false));
        assert_eq!(holds(&notes), Ok(Holds::Other));
        assert_eq!(holds(&other), Ok(Holds::Other));
        assert_eq!(holds(&sandbox), Ok(Holds::Sandbox));
        // Nothing yet: an empty file, or SQLite in WAL mode without a table, as a sandbox
        // stopped while making its database leaves it (review).
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, "").unwrap();
        assert_eq!(holds(&empty), Ok(Holds::Nothing));
        let begun = dir.path().join("begun.db");
        Connection::open(&begun)
            .unwrap()
            .pragma_update(None, "journal_mode", "WAL")
            .unwrap();
        assert_eq!(holds(&begun), Ok(Holds::Nothing));
        // Not a regular file: never a database, nothing read from it (review).
        #[cfg(unix)]
        assert_eq!(holds(Path::new("/dev/null")), Ok(Holds::Other));
    }
}
