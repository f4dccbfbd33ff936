//! Idempotency keys: a POST repeated with the same key and body is answered from the stored
//! response and acts no more; the same key with another body is refused.
//!
//! The stored answers are appended to a table in the order they come, with no index of keys:
//! the writer finds them through `Keys`, an index in its memory from a hash of (agent, key) to
//! the rows, loaded at start. A unique index in the table cost every keyed action a B-tree
//! probe, an entry written in key order (a page of the log each) and its share of the
//! checkpoint; the writer is the only one that stores answers, so it keeps the index itself.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

use jiff::{SignedDuration, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::{Caller, Store, hex, ms, parse_word};
use crate::error::ApiError;
use crate::faults;
use livectl_contract::UpsertResult;

/// How long a stored response is kept (the contract promises at least 24 hours).
const KEEP: SignedDuration = SignedDuration::from_hours(48);

/// What identifies "the same request": method, path and the body as the request it reads as,
/// written as JSON by its type: key order, a null for a field left out, or a default written
/// out do not make another request (`{"reason": null}` and `{}` were two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn new(method: &str, path: &str, body: &impl serde::Serialize) -> Fingerprint {
        let mut hasher = Sha256::new();
        hasher.update(method.as_bytes());
        hasher.update(b" ");
        hasher.update(path.as_bytes());
        hasher.update(b"\n");
        // As a JSON value, whose members are ordered by name: equal requests serialize
        // equally, and a request written without nulls or defaults (as livectl writes them)
        // hashes as the JSON it was, so answers stored before this reading still match.
        // Written straight into the digest (writing into it cannot fail).
        let value = serde_json::to_value(body).unwrap_or_default();
        let _ = serde_json::to_writer(&mut hasher, &value);
        Fingerprint(hex(&hasher.finalize()))
    }
}

/// How a repeated Idempotency-Key is matched with the request that first used it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KeyCheck {
    /// The contract: the same key with another request is refused (422 `idempotency_conflict`).
    #[default]
    Request,
    /// Broken on purpose, for testing conformance suites: the stored answer is replayed
    /// whatever the request, as an implementation that forgot the fingerprint would.
    KeyOnly,
}

/// A successful answer to a POST, as sent and as stored for replay.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    /// The intervention's version, sent as the ETag.
    pub etag: Option<i64>,
    pub upsert: Option<UpsertResult>,
    /// True when this answer was replayed for a repeated Idempotency-Key.
    pub replayed: bool,
}

impl Reply {
    pub fn new(status: u16, body: &impl serde::Serialize) -> Result<Reply, ApiError> {
        Ok(Reply {
            status,
            body: serde_json::to_string(body).map_err(|e| ApiError::Internal(e.to_string()))?,
            etag: None,
            upsert: None,
            replayed: false,
        })
    }
}

impl Store {
    /// Runs a POST: authenticates, replays or refuses a known Idempotency-Key (as `check`
    /// says), otherwise runs `op` and stores its answer under the key, all in one write of the
    /// writer's next group; answered once that group committed.
    pub async fn post(
        &self,
        token: String,
        idempotency: Option<(String, Fingerprint)>,
        check: KeyCheck,
        mut op: impl FnMut(&Transaction, Caller, Timestamp) -> Result<Reply, ApiError> + Send + 'static,
    ) -> Result<Reply, ApiError> {
        let tokens = self.tokens.clone();
        self.write_keyed(move |tx, keys| {
            let caller = tokens.caller(tx, &token)?;
            let now = Timestamp::now();
            let Some((key, fingerprint)) = &idempotency else {
                return op(tx, caller, now);
            };
            if let Some(stored) = keys.find(tx, caller, key)? {
                return stored.replay(key, fingerprint, check);
            }
            let reply = op(tx, caller, now)?;
            tx.prepare_cached(
                "INSERT INTO idempotency (agent_id, key, fingerprint, status, body, etag, upsert, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                caller.agent_id,
                key,
                fingerprint.0,
                reply.status,
                reply.body,
                reply.etag,
                reply.upsert.map(|u| u.as_str()),
                ms(now)
            ])?;
            keys.stored(caller, key, tx.last_insert_rowid());
            faults::after_write(tx, key);
            Ok(reply)
        })
        .await
    }
}

/// A stored answer, as found for a key.
struct Stored {
    fingerprint: String,
    status: u16,
    body: String,
    etag: Option<i64>,
    upsert: Option<String>,
}

impl Stored {
    /// The stored answer again, when the request is the same one (as `check` compares them).
    fn replay(
        self,
        key: &str,
        fingerprint: &Fingerprint,
        check: KeyCheck,
    ) -> Result<Reply, ApiError> {
        if self.fingerprint != fingerprint.0 && check == KeyCheck::Request {
            return Err(ApiError::IdempotencyConflict(format!(
                "Idempotency-Key `{key}` was already used for a different request; use a new key for a new request"
            )));
        }
        Ok(Reply {
            status: self.status,
            body: self.body,
            etag: self.etag,
            upsert: self.upsert.as_deref().map(parse_word).transpose()?,
            replayed: true,
        })
    }
}

/// The writer's index of stored answers: a 64-bit hash of (agent, key) to the row (rowid) that
/// holds the answer; the row is read, and its agent and key compared, before it is taken. Rows
/// stored by the group being written wait in `pending` until it commits, so a group rolled
/// back, or a write undone to its savepoint, leaves nothing behind.
///
/// Another process may serve the same file. When another connection committed (SQLite's
/// `data_version` says so), the rows it appended are read before the next group uses the index:
/// a new row's id is above every id there is, so above `seen`, as long as no answer was
/// forgotten meanwhile, since forgetting the newest could let an id come again. Forgetting
/// counts itself in the table `meta` (`FORGOTTEN`); when another process forgot answers, the
/// whole index is read again.
pub(super) struct Keys {
    rows: HashMap<u64, i64, BuildHasherDefault<Hashed>>,
    /// Further rows of a hash that came twice (two keys, one hash): almost always empty.
    more: HashMap<u64, Vec<i64>, BuildHasherDefault<Hashed>>,
    /// Stored by the group in its transaction, not committed yet.
    pending: Vec<(u64, i64)>,
    /// `PRAGMA data_version` when the index was last known to match the table.
    version: i64,
    /// The highest id the index has read or stored.
    seen: i64,
    /// How many times answers were forgotten (`FORGOTTEN`), when the index was last read.
    forgotten: Option<String>,
}

/// The name in `meta` of the count of times answers were forgotten.
const FORGOTTEN: &str = "idempotency_forgotten";

impl Keys {
    /// The index of every answer stored in the database of `conn`.
    pub(super) fn load(conn: &Connection) -> rusqlite::Result<Keys> {
        let mut keys = Keys {
            rows: HashMap::default(),
            more: HashMap::default(),
            pending: Vec::new(),
            version: 0,
            seen: 0,
            forgotten: None,
        };
        keys.read(conn, false)?;
        Ok(keys)
    }

    /// Reads the rows appended since the index last looked (`appended`), or all of them. The
    /// marks of what it read (`data_version`, the count of forgettings) are taken first: out
    /// of a transaction (at start, after forgetting), a commit that lands between them and the
    /// rows is then seen as a change by the next group, which reads again.
    fn read(&mut self, conn: &Connection, appended: bool) -> rusqlite::Result<()> {
        self.version = data_version(conn)?;
        self.forgotten = forgotten(conn)?;
        if !appended {
            self.rows.clear();
            self.more.clear();
            self.seen = 0;
        }
        let mut select = conn.prepare_cached(
            "SELECT id, agent_id, key FROM idempotency WHERE id > ?1 ORDER BY id",
        )?;
        let mut rows = select.query([self.seen])?;
        while let Some(row) = rows.next()? {
            let id = row.get(0)?;
            let key = row.get_ref(2)?.as_str()?;
            self.insert(hash(row.get(1)?, key), id);
            self.seen = id;
        }
        Ok(())
    }

    /// At the start of a group's transaction: when another connection committed since, what
    /// it stored is read (or the whole index again, when it forgot answers). What an earlier
    /// group left pending is dropped: it did not commit, or did though its commit reported an
    /// error, so the rows appended are read then too.
    pub(super) fn begin(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        let unsure = !self.pending.is_empty();
        self.pending.clear();
        if unsure || data_version(tx)? != self.version {
            let appended = forgotten(tx)? == self.forgotten;
            self.read(tx, appended)?;
        }
        Ok(())
    }

    /// How many rows are pending: undoing a write truncates back to this.
    pub(super) fn mark(&self) -> usize {
        self.pending.len()
    }

    /// A write was undone (to its savepoint, or refused): what it stored is not stored.
    pub(super) fn undo(&mut self, mark: usize) {
        self.pending.truncate(mark);
    }

    /// The group committed: what it stored is found from now on.
    pub(super) fn committed(&mut self) {
        for (hash, id) in std::mem::take(&mut self.pending) {
            self.insert(hash, id);
            self.seen = self.seen.max(id);
        }
    }

    fn insert(&mut self, hash: u64, id: i64) {
        if let Some(&first) = self.rows.get(&hash) {
            let more = self.more.entry(hash).or_default();
            if first != id && !more.contains(&id) {
                more.push(id);
            }
            if more.is_empty() {
                self.more.remove(&hash);
            }
        } else {
            self.rows.insert(hash, id);
        }
    }

    fn remove(&mut self, hash: u64, id: i64) {
        if self.rows.get(&hash) == Some(&id) {
            match self.more.get_mut(&hash).and_then(Vec::pop) {
                Some(next) => self.rows.insert(hash, next),
                None => self.rows.remove(&hash),
            };
        } else if let Some(more) = self.more.get_mut(&hash) {
            more.retain(|&other| other != id);
        }
        if self.more.get(&hash).is_some_and(Vec::is_empty) {
            self.more.remove(&hash);
        }
    }

    /// The answer stored for `key` by `caller`, committed or stored earlier in this group.
    fn find(
        &self,
        tx: &Transaction,
        caller: Caller,
        key: &str,
    ) -> Result<Option<Stored>, ApiError> {
        let hash = hash(caller.agent_id, key);
        let candidates = self
            .rows
            .get(&hash)
            .into_iter()
            .chain(self.more.get(&hash).into_iter().flatten())
            .chain(self.pending.iter().filter(|p| p.0 == hash).map(|p| &p.1));
        for &id in candidates {
            let row = tx
                .prepare_cached(
                    "SELECT agent_id, key, fingerprint, status, body, etag, upsert
                     FROM idempotency WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        Stored {
                            fingerprint: r.get(2)?,
                            status: r.get(3)?,
                            body: r.get(4)?,
                            etag: r.get(5)?,
                            upsert: r.get(6)?,
                        },
                    ))
                })
                .optional()?;
            if let Some((agent, stored_key, stored)) = row
                && agent == caller.agent_id
                && stored_key == key
            {
                return Ok(Some(stored));
            }
        }
        Ok(None)
    }

    /// Records that the write running now stored `key`'s answer for `caller` in row `id`.
    fn stored(&mut self, caller: Caller, key: &str, id: i64) {
        self.pending.push((hash(caller.agent_id, key), id));
    }

    /// Forgets stored responses older than the retention period, in the table and here, and
    /// counts the forgetting (`FORGOTTEN`) in the same transaction. Runs between groups.
    pub(super) fn expire(&mut self, conn: &Connection, now: Timestamp) -> rusqlite::Result<usize> {
        let cutoff = now.checked_sub(KEEP).unwrap_or(now);
        let tx = conn.unchecked_transaction()?;
        let gone = expire_before(&tx, ms(cutoff))?;
        if gone.is_empty() {
            return Ok(0);
        }
        let before = forgotten(&tx)?;
        // Forgetting the newest answers lets their ids come again: the next rows appended
        // (by another process too) are read from the highest id left.
        let top: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM idempotency", [], |r| {
            r.get(0)
        })?;
        let count: String = tx.query_row(
            "INSERT INTO meta (name, value) VALUES (?1, '1')
             ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1
             RETURNING value",
            [FORGOTTEN],
            |r| r.get(0),
        )?;
        tx.commit()?;
        if before != self.forgotten {
            // Another process forgot answers too, unseen so far: read the whole index again.
            self.read(conn, false)?;
            return Ok(gone.len());
        }
        self.forgotten = Some(count);
        self.seen = self.seen.min(top);
        for (id, agent, key) in &gone {
            self.remove(hash(*agent, key), *id);
        }
        Ok(gone.len())
    }
}

/// Where `Keys` files (agent, key): SipHash with fixed keys (`DefaultHasher::new`), kept only
/// in memory, so a change of the algorithm in a later Rust changes nothing stored.
fn hash(agent: i64, key: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    agent.hash(&mut hasher);
    key.hash(&mut hasher);
    hasher.finish()
}

/// The hasher of `Keys`' maps, whose keys are hashes already: each taken as it is.
#[derive(Default)]
pub(super) struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Changes when another connection commits to the database.
fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

/// How many times stored answers were forgotten, as `meta` counts it.
fn forgotten(conn: &Connection) -> rusqlite::Result<Option<String>> {
    Store::meta(conn, FORGOTTEN)
}

/// Forgets the answers stored before the first one stored at or after `cutoff` (ms), reading
/// them in the order they came (rowid), so the cost is the forgotten ones, not the kept ones.
/// A clock that stepped back keeps an answer longer, never forgets one early. Returns the
/// forgotten rows: their ids, agents and keys.
pub(super) fn expire_before(
    conn: &Connection,
    cutoff: i64,
) -> rusqlite::Result<Vec<(i64, i64, String)>> {
    conn.prepare_cached(
        "DELETE FROM idempotency WHERE id < coalesce(
             (SELECT id FROM idempotency WHERE created_at >= ?1 ORDER BY id LIMIT 1),
             (SELECT max(id) + 1 FROM idempotency))
         RETURNING id, agent_id, key",
    )?
    .query_map([cutoff], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
    .collect()
}

#[cfg(test)]
mod tests {
    use livectl_contract::Role;
    use rusqlite::TransactionBehavior;

    use super::*;

    /// A request read into its type hashes as the JSON it was sent as when written without
    /// nulls or defaults (as livectl writes requests): keys stored before requests were read
    /// into their types still match after an upgrade. `{"reason": null}` reads the same.
    #[test]
    fn a_typed_request_hashes_as_the_json_livectl_sends() {
        use livectl_contract::{AssignRequest, CompleteRequest};
        let path = "/v1/interventions/iv_1/complete?if-match=3";
        let typed = CompleteRequest {
            topic: "login".into(),
            outcome: "resolved".into(),
            tags: vec!["vip".into()],
            block: None,
        };
        let sent = serde_json::json!({"topic": "login", "outcome": "resolved", "tags": ["vip"]});
        assert_eq!(
            Fingerprint::new("POST", path, &typed),
            Fingerprint::new("POST", path, &sent)
        );
        let assign = AssignRequest {
            agent: "ag_2".into(),
            reason: None,
        };
        let with_null = serde_json::json!({"agent": "ag_2", "reason": null});
        let read: AssignRequest = serde_json::from_value(with_null).unwrap();
        assert_eq!(
            Fingerprint::new("POST", path, &assign),
            Fingerprint::new("POST", path, &read)
        );
        assert_eq!(
            Fingerprint::new("POST", path, &assign),
            Fingerprint::new("POST", path, &serde_json::json!({"agent": "ag_2"}))
        );
    }
    use crate::store::{schema, wal_connection};

    const ANA: Caller = Caller {
        agent_id: 1,
        role: Role::Admin,
    };

    /// A database of the current schema in a new directory (kept while the test runs).
    fn database() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("k.db");
        let mut conn = wal_connection(&path);
        schema::migrate(&mut conn).expect("schema");
        (dir, path, conn)
    }

    fn store_row(conn: &Connection, key: &str) -> i64 {
        conn.execute(
            "INSERT INTO idempotency (agent_id, key, fingerprint, status, body, created_at)
             VALUES (1, ?1, 'f', 200, ?1, 0)",
            [key],
        )
        .expect("store");
        conn.last_insert_rowid()
    }

    /// A group's transaction in which a write stored `key`'s answer (its body is the key).
    fn storing<'c>(conn: &'c mut Connection, keys: &mut Keys, key: &str) -> Transaction<'c> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        keys.begin(&tx).expect("begin");
        keys.stored(ANA, key, store_row(&tx, key));
        tx
    }

    /// Whether the next group's writes find the answer stored for `key` (its body is the key).
    fn knows(conn: &mut Connection, keys: &mut Keys, key: &str) -> bool {
        found(conn, keys, key).as_deref() == Some(key)
    }

    /// What the next group's writes would find for `key`: its stored body.
    fn found(conn: &mut Connection, keys: &mut Keys, key: &str) -> Option<String> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        keys.begin(&tx).expect("begin");
        keys.find(&tx, ANA, key).expect("find").map(|s| s.body)
    }

    #[test]
    fn the_index_holds_what_committed_and_what_another_connection_stored() {
        let (_dir, path, mut conn) = database();
        store_row(&conn, "before");
        let mut keys = Keys::load(&conn).expect("load");
        assert!(knows(&mut conn, &mut keys, "before"));
        assert_eq!(found(&mut conn, &mut keys, "never"), None);

        // Stored by a group: found by the later writes of that group, and after its commit;
        // not after a rollback, nor once undone.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        keys.begin(&tx).expect("begin");
        let mark = keys.mark();
        keys.stored(ANA, "kept", store_row(&tx, "kept"));
        assert!(keys.find(&tx, ANA, "kept").expect("find").is_some());
        let undone = keys.mark();
        keys.stored(ANA, "undone", store_row(&tx, "undone"));
        keys.undo(undone);
        assert!(keys.find(&tx, ANA, "undone").expect("find").is_none());
        assert!(mark < undone);
        tx.commit().expect("commit");
        keys.committed();
        assert!(knows(&mut conn, &mut keys, "kept"));
        storing(&mut conn, &mut keys, "lost")
            .rollback()
            .expect("rollback");
        assert_eq!(found(&mut conn, &mut keys, "lost"), None, "rolled back");

        // Its own commits and another connection's checkpoint (PASSIVE, as the checkpointer's)
        // leave the index as it is (a row stored behind its back stays unknown: no reload)...
        store_row(&conn, "behind");
        let other = wal_connection(&path);
        other
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .expect("checkpoint");
        assert_eq!(found(&mut conn, &mut keys, "behind"), None, "no reload");
        // ...while another connection's commit makes it read the table again.
        store_row(&other, "elsewhere");
        assert!(knows(&mut conn, &mut keys, "elsewhere"));
        assert!(knows(&mut conn, &mut keys, "behind"));
    }

    /// Another process that forgot answers may let an id come again: the whole index is read
    /// again then, not only the rows above the last id seen.
    #[test]
    fn answers_forgotten_by_another_process_make_the_index_read_again() {
        let (_dir, path, mut conn) = database();
        store_row(&conn, "a");
        store_row(&conn, "b");
        let mut keys = Keys::load(&conn).expect("load");
        let other = wal_connection(&path);
        let mut theirs = Keys::load(&other).expect("load");
        assert_eq!(theirs.expire(&other, Timestamp::now()).expect("expire"), 2);
        assert_eq!(
            (store_row(&other, "c"), store_row(&other, "d")),
            (1, 2),
            "ids again"
        );
        assert!(knows(&mut conn, &mut keys, "c"));
        assert!(knows(&mut conn, &mut keys, "d"));
        assert_eq!(found(&mut conn, &mut keys, "a"), None);
        // Forgetting here too, after the other's: counted on top of it, and the index still
        // holds what the other stored.
        store_row(&other, "e");
        conn.execute("UPDATE idempotency SET created_at = 0 WHERE key = 'c'", [])
            .expect("age");
        conn.execute(
            "UPDATE idempotency SET created_at = ?1 WHERE key != 'c'",
            [ms(Timestamp::now())],
        )
        .expect("age");
        assert_eq!(keys.expire(&conn, Timestamp::now()).expect("expire"), 1);
        assert!(knows(&mut conn, &mut keys, "e"));
        assert_eq!(found(&mut conn, &mut keys, "c"), None);
    }

    /// Forgetting every answer here lets ids come again: what another process stores next,
    /// at ids below the highest this index saw, is found all the same.
    #[test]
    fn ids_that_come_again_after_forgetting_here_are_read() {
        let (_dir, path, mut conn) = database();
        let mut keys = Keys::load(&conn).expect("load");
        for key in ["a", "b", "c"] {
            keys.stored(ANA, key, store_row(&conn, key));
        }
        keys.committed();
        assert_eq!(keys.expire(&conn, Timestamp::now()).expect("expire"), 3);
        let other = wal_connection(&path);
        assert_eq!(store_row(&other, "x"), 1, "an id again");
        assert!(knows(&mut conn, &mut keys, "x"));
    }

    /// A group whose commit reported an error may have committed all the same: the next group
    /// reads the rows appended, so their keys are not acted on twice.
    #[test]
    fn a_group_left_pending_is_read_from_the_table() {
        let (_dir, _, mut conn) = database();
        let mut keys = Keys::load(&conn).expect("load");
        storing(&mut conn, &mut keys, "landed")
            .commit()
            .expect("commit");
        // No `committed()`: the writer did not hear that the commit landed.
        assert!(knows(&mut conn, &mut keys, "landed"));
    }

    #[test]
    fn expiring_forgets_in_the_index_too() {
        let (_dir, _, mut conn) = database();
        let mut keys = Keys::load(&conn).expect("load");
        for key in ["a", "b"] {
            keys.stored(ANA, key, store_row(&conn, key));
        }
        keys.committed();
        assert!(knows(&mut conn, &mut keys, "b"));
        assert_eq!(keys.expire(&conn, Timestamp::now()).expect("expire"), 2);
        assert!(
            keys.rows.is_empty() && keys.more.is_empty(),
            "all forgotten"
        );
        assert_eq!(found(&mut conn, &mut keys, "a"), None);
    }

    #[test]
    fn two_rows_of_one_hash_are_both_kept_and_forgotten_one_by_one() {
        let (_dir, _, conn) = database();
        let mut keys = Keys::load(&conn).expect("load");
        keys.insert(7, 1);
        keys.insert(7, 2);
        keys.insert(7, 2);
        assert_eq!((keys.rows[&7], keys.more[&7].as_slice()), (1, &[2][..]));
        keys.remove(7, 1);
        assert_eq!(keys.rows[&7], 2);
        assert!(keys.more.is_empty());
        keys.insert(7, 3);
        keys.remove(7, 3);
        assert_eq!(keys.rows[&7], 2);
        assert!(keys.more.is_empty());
        keys.remove(7, 2);
        assert!(keys.rows.is_empty());
    }
}
