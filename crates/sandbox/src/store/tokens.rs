//! Bearer tokens remembered: a token's caller is looked up once and kept until agents or tokens
//! change, in this process or in another one on the same database.
//!
//! The database marks those changes (`auth_generation`, a number drawn anew by triggers when an
//! agent's role or activity changes, an agent goes, or a token changes or goes). Each
//! authentication reads the mark in its own transaction or snapshot and trusts what it
//! remembers only when the mark is the one it remembered at; another mark starts the cache
//! afresh. A demoted admin is an agent from the next request on, whichever process demoted it;
//! a new token is simply not remembered yet. A write that reads its caller after an earlier
//! write of its group changed a role sees that group's own mark: if the group rolls back, that
//! mark is never seen again (it was random), so what was remembered under it is never used.

use std::collections::HashMap;
use std::sync::Mutex;

use rusqlite::Connection;

use super::{Caller, Store};
use crate::error::ApiError;

/// How many tokens are remembered; past it, the cache starts afresh.
const CAPACITY: usize = 10_000;

#[derive(Default)]
pub(super) struct TokenCache {
    remembered: Mutex<Remembered>,
}

#[derive(Default)]
struct Remembered {
    /// The mark of the state of agents and tokens these callers were read at.
    generation: i64,
    callers: HashMap<String, Caller>,
}

impl TokenCache {
    /// The caller a token belongs to, as `conn` sees the database now.
    pub(super) fn caller(&self, conn: &Connection, token: &str) -> Result<Caller, ApiError> {
        let generation: i64 = conn
            .prepare_cached("SELECT n FROM auth_generation")?
            .query_row([], |r| r.get(0))?;
        if let Ok(mut remembered) = self.remembered.lock() {
            if generation != remembered.generation {
                remembered.generation = generation;
                remembered.callers.clear();
            }
            if let Some(caller) = remembered.callers.get(token) {
                return Ok(*caller);
            }
        }
        let caller = Store::authenticate(conn, token)?;
        if let Ok(mut remembered) = self.remembered.lock()
            && remembered.generation == generation
        {
            if remembered.callers.len() >= CAPACITY {
                remembered.callers.clear();
            }
            remembered.callers.insert(token.to_owned(), caller);
        }
        Ok(caller)
    }
}
