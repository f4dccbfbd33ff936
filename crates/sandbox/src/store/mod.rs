//! The sandbox's storage: one SQLite database in WAL mode.
//!
//! Writes go through one connection owned by the writer's thread (`writer`), which commits the
//! writes waiting at each moment in one `BEGIN IMMEDIATE` transaction, so every change and its
//! event commit together, and nothing of a refused write is kept while it takes no other down
//! (savepoints only when a write failed after changing rows); a write is answered only once
//! committed. Reads use a small pool of connections that
//! never wait for the writer. `synchronous = NORMAL` in WAL mode keeps every acknowledged commit
//! across a crash of the process (kill -9); only a power cut could lose the last transactions.

pub mod agents;
pub mod batch;
pub mod catalog;
mod checkpoints;
pub mod conversations;
pub mod events;
pub mod files;
pub mod history;
mod idempotency;
pub mod interventions;
mod schema;
mod tokens;
pub mod visibility;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::Timestamp;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};
use tokio::sync::watch;

use crate::error::ApiError;
use livectl_contract::limits::Limit;
use livectl_contract::{Agent, Kind, Role, Workspace};

pub use idempotency::{Fingerprint, KeyCheck, Reply};

/// The id of the built-in admin every sandbox has.
pub const BUILTIN_ADMIN: i64 = 1;

/// The agent a request acts as, from its bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    pub agent_id: i64,
    pub role: Role,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "only an admin may do this: use an admin's token, or {}",
                livectl_contract::Role::ASK_AN_ADMIN
            )))
        }
    }
}

pub struct Store {
    path: PathBuf,
    /// The thread that owns the write connection and commits writes in groups.
    writer: writer::Writer,
    readers: Mutex<Readers>,
    /// Signalled whenever a read connection comes back.
    returned: Condvar,
    changes: Arc<watch::Sender<u64>>,
    /// Set when the store begins to close: event streams end.
    closing: AtomicBool,
    /// Set once closed: reads and writes are refused.
    closed: AtomicBool,
    /// Who each bearer token is, until agents or tokens change.
    tokens: Arc<tokens::TokenCache>,
}

/// The pool of read connections.
#[derive(Default)]
struct Readers {
    idle: Vec<Connection>,
    /// Connections lent to a read now.
    lent: usize,
}

/// How many idle read connections the pool keeps.
const IDLE_READERS: usize = 8;

/// How much of the database file each connection maps into memory.
const MMAP_BYTES: i64 = 1 << 30;
/// The writer's page cache, in KiB (negative: SQLite's spelling of a size, not a page count).
/// Seeding 100,000 interventions is as fast with 16 MiB as with 64 MiB (11.7 s) and 5% slower
/// with SQLite's 2 MiB. Not more: splitting a B-tree page parks a page at the lock-byte page's
/// number (262,145), so the commit after it sweeps the cache's whole hash table, whose size
/// follows the cache's (16,384 slots at 64 MiB: 3 to 7% of the writer under wrk).
const WRITER_CACHE_KIB: i64 = -16 * 1024;

/// How long closing waits for reads in progress.
const CLOSE_WAIT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A new
    /// database is private to its owner: its directory 0700, the file (and so its -wal and
    /// -shm, which SQLite creates with the file's mode) 0600.
    pub fn open(path: &Path) -> Result<Store, String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            files::private_dir(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        files::private_file(path)
            .map_err(|e| format!("cannot create the database {}: {e}", path.display()))?;
        let mut writer = open_connection(path, false)
            .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
        schema::migrate(&mut writer)
            .map_err(|e| format!("cannot prepare the database {}: {e}", path.display()))?;
        let mut keys = idempotency::Keys::load(&writer)
            .map_err(|e| format!("cannot read the database {}: {e}", path.display()))?;
        keys.expire(&writer, Timestamp::now())
            .map_err(|e| format!("cannot clean the database {}: {e}", path.display()))?;
        create_workspace(&mut writer)
            .map_err(|e| format!("cannot prepare the database {}: {e}", path.display()))?;
        let changes = Arc::new(watch::channel(0).0);
        let checkpoints = open_connection(path, false)
            .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
        let writer = writer::Writer::start(writer, keys, checkpoints, changes.clone())
            .map_err(|e| format!("cannot start the database writer: {e}"))?;
        Ok(Store {
            path: path.to_owned(),
            writer,
            readers: Mutex::new(Readers::default()),
            returned: Condvar::new(),
            changes,
            closing: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            tokens: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a read connection (each statement sees a consistent snapshot).
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let pooled = {
            let mut readers = self.readers.lock().map_err(poisoned)?;
            if self.closed.load(Ordering::SeqCst) {
                return Err(shutting_down());
            }
            readers.lent += 1;
            readers.idle.pop()
        };
        let lent = match pooled {
            Some(conn) => Ok(conn),
            None => open_connection(&self.path, true).map_err(ApiError::from),
        }
        .map(|conn| (f(&conn), conn));
        let mut readers = self.readers.lock().map_err(poisoned)?;
        readers.lent -= 1;
        let result = match lent {
            Ok((result, conn)) => {
                // A closed store closes what comes back.
                if !self.closed.load(Ordering::SeqCst) && readers.idle.len() < IDLE_READERS {
                    readers.idle.push(conn);
                }
                result
            }
            Err(e) => Err(e),
        };
        drop(readers);
        self.returned.notify_all();
        result
    }

    /// Runs `f` in the next group's write transaction, kept only when it returns Ok; blocks
    /// until that group committed. `f` may run twice (see `writer`): all it does is in `tx`.
    pub fn write<T: Send + 'static>(
        &self,
        f: impl FnMut(&Transaction) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (answer, answered) = std::sync::mpsc::sync_channel(1);
        self.writer.submit(f, move |result| {
            let _ = answer.send(result);
        })?;
        answered.recv().map_err(|_| writer::stopped())?
    }

    /// `write` for async code: awaits the group's commit without holding a thread; `f` may
    /// run twice, as for `write`.
    pub async fn write_async<T: Send + 'static>(
        &self,
        f: impl FnMut(&Transaction) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.writer.submit(f, move |result| {
            let _ = answer.send(result);
        })?;
        answered.await.map_err(|_| writer::stopped())?
    }

    /// `write_async` for a write that finds and stores idempotency keys' answers through the
    /// writer's index of them (`idempotency::Keys`).
    async fn write_keyed<T: Send + 'static>(
        &self,
        f: impl FnMut(&Transaction, &mut idempotency::Keys) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.writer.submit(writer::Keyed(f), move |result| {
            let _ = answer.send(result);
        })?;
        answered.await.map_err(|_| writer::stopped())?
    }

    /// Whether the store is closing: event streams end.
    pub fn is_closing(&self) -> bool {
        self.closing.load(Ordering::SeqCst)
    }

    /// Begins to close: event streams end at their next wake, which this gives them; other
    /// requests still read and write until `close`.
    pub fn begin_close(&self) {
        self.closing.store(true, Ordering::SeqCst);
        self.changes.send_modify(|n| *n += 1);
    }

    /// Closes the database whole: the read connections first, then the writer, after a
    /// checkpoint that empties the write-ahead log. The last connection to the database (no
    /// other process has it open) removes the -wal and -shm files as it closes, so a stopped
    /// sandbox is one file. Reads and writes are refused from now on.
    pub fn close(&self) -> Result<(), String> {
        self.begin_close();
        if let Ok(mut readers) = self.readers.lock() {
            // Under the pool's lock, so no read starts after this.
            self.closed.store(true, Ordering::SeqCst);
            readers.idle.clear();
            // Reads in progress give their connection back (and it is closed) shortly.
            let _ = self
                .returned
                .wait_timeout_while(readers, CLOSE_WAIT, |r| r.lent > 0);
        }
        self.writer.close()
    }

    /// A receiver that wakes whenever this process commits a change.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changes.subscribe()
    }

    /// The caller a bearer token belongs to, remembered until agents or tokens change.
    pub fn caller(&self, conn: &Connection, token: &str) -> Result<Caller, ApiError> {
        self.tokens.caller(conn, token)
    }

    /// The caller a bearer token belongs to, read from the database. A deactivated agent's
    /// tokens are refused until it is active again.
    pub fn authenticate(conn: &Connection, token: &str) -> Result<Caller, ApiError> {
        let found = conn
            .prepare_cached(
                "SELECT a.id, a.role, a.active FROM tokens t JOIN agents a ON a.id = t.agent_id WHERE t.hash = ?1",
            )?
            .query_row([token_hash(token)], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?))
            });
        match found {
            Ok((agent_id, role, true)) => Ok(Caller { agent_id, role: parse_word(&role)? }),
            Ok((agent_id, _, false)) => Err(deactivated(agent_id)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(ApiError::InvalidToken(
                "the bearer token is not known to this sandbox; create one with `livectl sandbox token`, giving the --db it serves".into(),
            )),
            Err(e) => Err(e.into()),
        }
    }

    /// Every agent, in id order: the built-in admin and deactivated agents too. For a name as
    /// people give it (`sandbox token --agent`), which livectl looks up as it looks up every
    /// AGENT, among the agents as the API lists them.
    pub fn agents(&self) -> Result<Vec<Agent>, ApiError> {
        let mut agents = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = self.read(|conn| {
                catalog::list::<Agent>(conn, Some(Limit::PageSize.max() as u32), cursor.as_deref())
            })?;
            agents.extend(page.items);
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => return Ok(agents),
            }
        }
    }

    /// Creates a bearer token for the agent with this id (the built-in admin when None) and
    /// returns it; only its hash is stored.
    pub fn create_token(&self, agent: Option<&str>) -> Result<String, ApiError> {
        let token = new_token()?;
        let hash = token_hash(&token);
        let agent = agent.map(str::to_owned);
        self.write(move |tx| {
            let agent_id = match &agent {
                None => BUILTIN_ADMIN,
                Some(agent) => catalog::agent_row(tx, agent)?,
            };
            let active: bool = tx
                .prepare_cached("SELECT active FROM agents WHERE id = ?1")?
                .query_row([agent_id], |r| r.get(0))?;
            if !active {
                return Err(ApiError::Validation(format!(
                    "{} is deactivated, and a deactivated agent's tokens are refused; {ACTIVATE} first",
                    Kind::Agent.id(agent_id)
                )));
            }
            tx.execute(
                "INSERT INTO tokens (hash, agent_id, created_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![hash, agent_id, ms(Timestamp::now())],
            )?;
            Ok(())
        })?;
        Ok(token)
    }

    pub fn meta(conn: &Connection, name: &str) -> rusqlite::Result<Option<String>> {
        use rusqlite::OptionalExtension;
        conn.prepare_cached("SELECT value FROM meta WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()
    }

    /// The saved token when it still authenticates, else a new one for the built-in admin.
    pub fn keep_or_create_token(&self, saved: Option<&str>) -> Result<(String, bool), ApiError> {
        if let Some(saved) = saved
            && self.read(|conn| Store::authenticate(conn, saved)).is_ok()
        {
            return Ok((saved.to_owned(), false));
        }
        Ok((self.create_token(None)?, true))
    }

    /// The workspace this database holds, made when the database was created.
    pub fn workspace(conn: &Connection) -> Result<Workspace, ApiError> {
        match (
            Store::meta(conn, WORKSPACE_ID)?,
            Store::meta(conn, WORKSPACE_NAME)?,
        ) {
            (Some(id), Some(name)) => Ok(Workspace { id, name }),
            _ => Err(ApiError::Internal(
                "the database has no workspace id; open it with `livectl sandbox serve` once"
                    .into(),
            )),
        }
    }

    pub fn set_meta(tx: &Transaction, name: &str, value: &str) -> Result<(), ApiError> {
        tx.execute(
            "INSERT INTO meta (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [name, value],
        )?;
        Ok(())
    }
}

const WORKSPACE_ID: &str = "workspace_id";
const WORKSPACE_NAME: &str = "workspace_name";

/// Gives a database its workspace id the first time it is opened, and never again: a random
/// `ws_` id that tells this workspace from any other, whichever address serves it.
fn create_workspace(conn: &mut Connection) -> Result<(), ApiError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if Store::meta(&tx, WORKSPACE_ID)?.is_none() {
        let mut bytes = [0u8; 12];
        getrandom::fill(&mut bytes)
            .map_err(|e| ApiError::Internal(format!("no randomness: {e}")))?;
        Store::set_meta(&tx, WORKSPACE_ID, &format!("ws_{}", hex(&bytes)))?;
    }
    if Store::meta(&tx, WORKSPACE_NAME)?.is_none() {
        Store::set_meta(&tx, WORKSPACE_NAME, "Sandbox")?;
    }
    tx.commit()?;
    Ok(())
}

fn open_connection(path: &Path, read_only: bool) -> Result<Connection, rusqlite::Error> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Pages of the database file are read through a mapping, not a syscall each.
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    if !read_only {
        // Statement journals (and a group's savepoints when it runs again) keep the pages they
        // copy in memory rather than in a temporary file; with the default, a second build
        // measured no faster.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // The writer keeps the indexes it updates in memory: pages changed since the last
        // checkpoint live in the log, which the mapping does not cover, and the default 2 MiB
        // made a seeding batch read them back a syscall each.
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
    }
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// A bare connection in WAL mode to the database at `path`: the store's unit tests drive the
/// writer and the checkpointer with it.
#[cfg(test)]
fn wal_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    conn
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

fn shutting_down() -> ApiError {
    ApiError::Unavailable("the sandbox is shutting down".into())
}

fn poisoned<T>(_: T) -> ApiError {
    ApiError::Internal("a database connection was poisoned by an earlier panic".into())
}

fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("no randomness: {e}")))?;
    Ok(format!(
        "{}{}",
        livectl_contract::token::PREFIX,
        URL_SAFE_NO_PAD.encode(bytes)
    ))
}

/// Who a request comes from, for per-caller bookkeeping before it is authenticated: the hash of
/// its Authorization header (empty without one).
pub fn caller_of(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .map(|v| token_hash(&String::from_utf8_lossy(v.as_bytes())))
        .unwrap_or_default()
}

/// How a deactivated agent comes back, said where its tokens are refused or not made. The
/// whole record: an upsert of the key and `active` alone took the department and max_load
/// back to their defaults.
const ACTIVATE: &str = "an admin makes it active again with an upsert of its whole record setting \"active\": true (a field left out takes its default; `livectl agents -o json` shows the record)";

/// A deactivated agent's tokens are refused until it is active again.
fn deactivated(agent_id: i64) -> ApiError {
    ApiError::InvalidToken(format!(
        "the agent this token acts as ({}) is deactivated; {ACTIVATE}",
        Kind::Agent.id(agent_id)
    ))
}

/// SHA-256 of a token, hex: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lower-case hex, two digits a byte (a keyed POST spells two digests: who asks, and what).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

/// Milliseconds since the Unix epoch: how instants are stored.
pub fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

pub fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub fn opt_ts(ms: Option<i64>) -> Option<Timestamp> {
    ms.map(ts)
}

/// Parses a stored enumeration word.
pub fn parse_word<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, ApiError> {
    s.parse()
        .map_err(|e| ApiError::Internal(format!("stored value: {e}")))
}

pub(crate) fn word<T: std::str::FromStr<Err = String>>(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

/// The user of a row: its id, name and channel in three columns from `first`.
pub(crate) fn user_summary(
    row: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<livectl_contract::UserSummary> {
    Ok(livectl_contract::UserSummary {
        id: Kind::User.id(row.get(first)?),
        name: row.get(first + 1)?,
        channel: word(row, first + 2)?,
    })
}

pub(crate) fn opt_id(kind: Kind, n: Option<i64>) -> Option<String> {
    n.map(|n| kind.id(n))
}

/// Page size: 1 to the limit, the default when not given.
pub fn page_limit(limit: Option<u32>) -> Result<usize, ApiError> {
    livectl_contract::limits::page_size(limit).map_err(ApiError::BadRequest)
}

/// An opaque cursor: a tag naming the list it belongs to and the sort key of the last item.
pub fn encode_cursor(tag: &str, keys: &[i64]) -> String {
    let text = std::iter::once(tag.to_owned())
        .chain(keys.iter().map(i64::to_string))
        .collect::<Vec<_>>()
        .join(":");
    URL_SAFE_NO_PAD.encode(text)
}

pub fn decode_cursor<const N: usize>(tag: &str, cursor: &str) -> Result<[i64; N], ApiError> {
    let bad = || {
        ApiError::BadRequest(format!(
            "cursor `{cursor}` is not valid for this list; use the next_cursor of a page of the same list"
        ))
    };
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let mut parts = text.split(':');
    if parts.next() != Some(tag) {
        return Err(bad());
    }
    let mut keys = [0i64; N];
    for key in keys.iter_mut() {
        *key = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    }
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(keys)
}

/// Cuts a list fetched with `limit + 1` rows into a page and the cursor that follows it.
pub fn paginate<T>(
    mut items: Vec<T>,
    limit: usize,
    cursor_of: impl Fn(&T) -> String,
) -> livectl_contract::Page<T> {
    let next_cursor = if items.len() > limit {
        items.truncate(limit);
        items.last().map(cursor_of)
    } else {
        None
    };
    livectl_contract::Page { items, next_cursor }
}

/// The row number of an id of `kind` that a request body or query refers to: 422 when unknown.
pub fn reference(conn: &Connection, kind: Kind, id: &str) -> Result<i64, ApiError> {
    let table = match kind {
        Kind::Agent => "agents",
        Kind::Department => "departments",
        Kind::Topic => "topics",
        Kind::Outcome => "outcomes",
        Kind::Block => "blocks",
        Kind::User => "users",
        Kind::Conversation => "conversations",
        Kind::Message => "messages",
        Kind::Intervention => "interventions",
    };
    let unknown = || ApiError::Validation(format!("{kind} `{id}` does not exist"));
    let n = kind.parse(id).ok_or_else(unknown)?;
    let exists = conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .exists([n])?;
    if exists { Ok(n) } else { Err(unknown()) }
}

#[cfg(test)]
mod tests {
    /// Tokens are stored by their digest in hex: the spelling must never change.
    #[test]
    fn hex_spells_every_byte_as_two_lower_case_digits() {
        let all: Vec<u8> = (0..=255).collect();
        let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(super::hex(&all), expected);
    }

    /// SQLite is built without memory statistics (`.cargo/config.toml`), whose mutex around
    /// every allocation cost the writer 5%: its count of memory in use stays at nothing.
    #[test]
    fn sqlite_keeps_no_memory_statistics() {
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(100000));")
            .expect("use memory");
        // SAFETY: reads a counter; callable at any time, from any thread.
        let used = unsafe { rusqlite::ffi::sqlite3_memory_used() };
        assert_eq!(
            used, 0,
            "SQLite counts its memory: LIBSQLITE3_FLAGS was not applied"
        );
    }
}
