//! The database schema, versioned in code through `PRAGMA user_version`.

use rusqlite::Connection;

/// Migration `i` brings the schema from version `i` to `i + 1`. Never edit one that has shipped:
/// append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE departments (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT NOT NULL);
CREATE TABLE agents (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id),
    status TEXT NOT NULL,
    active INTEGER NOT NULL
);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    department_id INTEGER REFERENCES departments(id)
);
CREATE TABLE outcomes (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT NOT NULL);
CREATE TABLE blocks (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT NOT NULL);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    email TEXT,
    channel TEXT NOT NULL
);
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    channel TEXT NOT NULL,
    started_at INTEGER NOT NULL
);
CREATE INDEX conversations_by_user ON conversations(user_id, id);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    user_id INTEGER NOT NULL,
    sender TEXT NOT NULL,
    agent_id INTEGER,
    text TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
CREATE INDEX messages_by_time ON messages(at, id);
CREATE INDEX messages_by_user ON messages(user_id, at, id);
CREATE TABLE interventions (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    user_id INTEGER NOT NULL,
    summary TEXT NOT NULL,
    department_id INTEGER,
    state TEXT NOT NULL,
    owner_id INTEGER,
    queued_at INTEGER NOT NULL,
    assigned_at INTEGER,
    closed_at INTEGER,
    last_user_message_at INTEGER,
    last_agent_message_at INTEGER,
    tags TEXT NOT NULL DEFAULT '[]',
    topic_id INTEGER,
    outcome_id INTEGER,
    block_id INTEGER,
    completed_by INTEGER,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX interventions_by_state ON interventions(state, id);
CREATE INDEX interventions_by_owner ON interventions(owner_id, id);
CREATE INDEX interventions_by_conversation ON interventions(conversation_id, id);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    intervention_id INTEGER NOT NULL,
    actor_id INTEGER,
    action TEXT NOT NULL,
    from_owner INTEGER,
    to_owner INTEGER,
    reason TEXT,
    idempotency_key TEXT
);
CREATE INDEX events_by_intervention ON events(intervention_id, seq);
CREATE TABLE idempotency (
    agent_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    etag INTEGER,
    upsert TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, key)
) WITHOUT ROWID;
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    agent_id INTEGER NOT NULL REFERENCES agents(id),
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO agents (id, key, name, email, role, department_id, status, active)
    VALUES (1, NULL, 'Sandbox Admin', 'admin@sandbox.invalid', 'admin', NULL, 'online', 1);
"#,
    // Whether an agent may read a user asks for that user's interventions.
    "CREATE INDEX interventions_by_user ON interventions(user_id, id);",
    AGENT_CAPACITY_AND_STATUS_EVENTS,
];

/// Agents gain a capacity (`max_load`, NULL for none) and the instant their status last changed
/// (`status_since`, in ms; agents that exist already count from the migration); status changes
/// get a table of their own. A status change takes its `seq` from the events' sequence (the
/// `sqlite_sequence` row of `events`, which AUTOINCREMENT keeps above every seq ever used), so
/// the stream orders and resumes both kinds by one number.
const AGENT_CAPACITY_AND_STATUS_EVENTS: &str = r#"
ALTER TABLE agents ADD COLUMN max_load INTEGER;
ALTER TABLE agents ADD COLUMN status_since INTEGER NOT NULL DEFAULT 0;
UPDATE agents SET status_since = CAST(unixepoch('subsec') * 1000 AS INTEGER);
CREATE TABLE status_events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    agent_id INTEGER NOT NULL REFERENCES agents(id),
    actor_id INTEGER,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    idempotency_key TEXT
);
CREATE INDEX status_events_by_agent ON status_events(agent_id, seq);
"#;

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database to the current schema; refuses one written by a newer livectl.
pub fn migrate(conn: &mut Connection) -> Result<(), String> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    let current: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if current > VERSION {
        return Err(format!(
            "the database has schema version {current}, newer than this livectl understands ({VERSION}); upgrade livectl"
        ));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| format!("migration {} failed: {e}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}
