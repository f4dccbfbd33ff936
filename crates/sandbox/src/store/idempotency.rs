//! Idempotency keys: a POST repeated with the same key and body is answered from the stored
//! response and acts no more; the same key with another body is refused.

use jiff::{SignedDuration, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::{Caller, Store, hex, ms, parse_word};
use crate::error::ApiError;
use crate::faults;
use livectl_contract::UpsertResult;

/// How long a stored response is kept (the contract promises at least 24 hours).
const KEEP: SignedDuration = SignedDuration::from_hours(48);

/// What identifies "the same request": method, path and the body as canonical JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn new(method: &str, path: &str, body: &serde_json::Value) -> Fingerprint {
        let mut hasher = Sha256::new();
        hasher.update(method.as_bytes());
        hasher.update(b" ");
        hasher.update(path.as_bytes());
        hasher.update(b"\n");
        // serde_json's map is ordered by key, so equal documents serialize equally; written
        // straight into the digest (writing into it cannot fail).
        let _ = serde_json::to_writer(&mut hasher, body);
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
        self.write_async(move |tx| {
            let caller = tokens.caller(tx, &token)?;
            let now = Timestamp::now();
            if let Some((key, fingerprint)) = &idempotency
                && let Some(stored) = lookup(tx, caller, key, fingerprint, check)?
            {
                return Ok(stored);
            }
            let reply = op(tx, caller, now)?;
            if let Some((key, fingerprint)) = &idempotency {
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
                faults::after_write(tx, key);
            }
            Ok(reply)
        })
        .await
    }
}

fn lookup(
    conn: &Connection,
    caller: Caller,
    key: &str,
    fingerprint: &Fingerprint,
    check: KeyCheck,
) -> Result<Option<Reply>, ApiError> {
    let row = conn
        .prepare_cached(
            "SELECT fingerprint, status, body, etag, upsert FROM idempotency WHERE agent_id = ?1 AND key = ?2",
        )?
        .query_row(params![caller.agent_id, key], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u16>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()?;
    let Some((stored, status, body, etag, upsert)) = row else {
        return Ok(None);
    };
    if stored != fingerprint.0 && check == KeyCheck::Request {
        return Err(ApiError::IdempotencyConflict(format!(
            "Idempotency-Key `{key}` was already used for a different request; use a new key for a new request"
        )));
    }
    Ok(Some(Reply {
        status,
        body,
        etag,
        upsert: upsert.as_deref().map(parse_word).transpose()?,
        replayed: true,
    }))
}

/// Forgets stored responses older than the retention period.
pub fn expire(conn: &Connection, now: Timestamp) -> rusqlite::Result<usize> {
    let cutoff = now.checked_sub(KEEP).unwrap_or(now);
    expire_before(conn, ms(cutoff))
}

/// Forgets the answers stored before the first one stored at or after `cutoff` (ms), reading
/// them in the order they came (rowid), so the cost is the forgotten ones, not the kept ones.
/// A clock that stepped back keeps an answer longer, never forgets one early.
pub(super) fn expire_before(conn: &Connection, cutoff: i64) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "DELETE FROM idempotency WHERE id < coalesce(
             (SELECT id FROM idempotency WHERE created_at >= ?1 ORDER BY id LIMIT 1),
             (SELECT max(id) + 1 FROM idempotency))",
    )?
    .execute([cutoff])
}
