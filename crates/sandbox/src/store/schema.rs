//! The database schema, versioned in code through `PRAGMA user_version`.

use rusqlite::{Connection, Transaction};

/// One step of the schema.
enum Migration {
    Sql(&'static str),
    /// A step that reads the data it finds, as a function of its own.
    Run(fn(&Transaction) -> rusqlite::Result<()>),
}

/// Migration `i` brings the schema from version `i` to `i + 1`. Never edit one that has shipped:
/// append a new one.
const MIGRATIONS: &[Migration] = &[
    Migration::Sql(
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
    ),
    // Whether an agent may read a user asks for that user's interventions.
    Migration::Sql("CREATE INDEX interventions_by_user ON interventions(user_id, id);"),
    Migration::Sql(AGENT_CAPACITY_AND_STATUS_EVENTS),
    Migration::Run(flat_costs),
    Migration::Sql(IDEMPOTENCY_APPENDED),
    // The writer finds stored answers through its own index in memory (`idempotency::Keys`),
    // so no keyed action writes an entry of this one.
    Migration::Sql("DROP INDEX idempotency_by_key;"),
    // The open interventions in id order: a page of the open ones with no owner named (`list
    // --state open`, a bulk run chosen that way) seeks its cursor here; its term is spelled
    // `+state` as the query spells it (`interventions/query.rs`). Through
    // `interventions_by_state` each page read and sorted every open intervention after the
    // cursor, so listing a million took minutes.
    Migration::Sql(
        "CREATE INDEX interventions_open ON interventions(id) WHERE +state IN ('queued', 'assigned');",
    ),
];

/// Stored answers appended in the order they come (version 5). Keyed by (agent, key) in a
/// table without rowid, each answer (an intervention's JSON, about 500 bytes) was written at its
/// key's place among the others, so a group of writes dirtied and split pages all over the
/// table, and the index of ages was one more page each. Now the answers share the table's last
/// page, only the small index of keys is written in key order, and old answers are found by
/// rowid, the order they came in (`idempotency::expire`).
const IDEMPOTENCY_APPENDED: &str = r#"
CREATE TABLE idempotency_appended (
    id INTEGER PRIMARY KEY,
    agent_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    etag INTEGER,
    upsert TEXT,
    created_at INTEGER NOT NULL
);
INSERT INTO idempotency_appended (agent_id, key, fingerprint, status, body, etag, upsert, created_at)
    SELECT agent_id, key, fingerprint, status, body, etag, upsert, created_at FROM idempotency
    ORDER BY created_at;
DROP TABLE idempotency;
ALTER TABLE idempotency_appended RENAME TO idempotency;
CREATE UNIQUE INDEX idempotency_by_key ON idempotency(agent_id, key);
"#;

/// Costs that do not grow with the data (version 4). An existing database gets its queues'
/// sizes counted from the interventions it holds; from then on the triggers keep them.
fn flat_costs(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(FLAT_COSTS)?;
    tx.execute_batch(
        "INSERT INTO queue_sizes (queue, size)
             SELECT CASE state WHEN 'queued' THEN 0 ELSE owner_id END, count(*) FROM interventions
             WHERE state = 'queued' OR (state = 'assigned' AND owner_id IS NOT NULL) GROUP BY 1;",
    )
}

/// Costs that do not grow with the data: the queues' sizes kept by triggers (so `/v1/queues`
/// counts nothing), partial indexes that find the oldest waits and an owner's open
/// interventions (`list --owner X`, whose filter must spell the states as the index does)
/// without reading the finished ones, an index for expiring idempotency records, and the mark
/// of changes to agents and tokens that tells each process when its remembered tokens are stale
/// (`tokens.rs`): a random number drawn anew at each change, so that a change rolled back
/// never leaves a number that a later change could draw again. Queue 0 is the general queue
/// (`queued`), queue N agent N's My Queue (`assigned` to N), as `/v1/queues` counts them.
const FLAT_COSTS: &str = r#"
CREATE TABLE queue_sizes (queue INTEGER PRIMARY KEY, size INTEGER NOT NULL);
CREATE TRIGGER queue_sizes_insert AFTER INSERT ON interventions
    WHEN NEW.state = 'queued' OR (NEW.state = 'assigned' AND NEW.owner_id IS NOT NULL)
BEGIN
    INSERT INTO queue_sizes (queue, size)
        VALUES (CASE NEW.state WHEN 'queued' THEN 0 ELSE NEW.owner_id END, 1)
        ON CONFLICT (queue) DO UPDATE SET size = size + 1;
END;
CREATE TRIGGER queue_sizes_leave AFTER UPDATE OF state, owner_id ON interventions
    WHEN (OLD.state = 'queued' OR (OLD.state = 'assigned' AND OLD.owner_id IS NOT NULL))
        AND (OLD.state IS NOT NEW.state OR OLD.owner_id IS NOT NEW.owner_id)
BEGIN
    UPDATE queue_sizes SET size = size - 1
        WHERE queue = CASE OLD.state WHEN 'queued' THEN 0 ELSE OLD.owner_id END;
END;
CREATE TRIGGER queue_sizes_enter AFTER UPDATE OF state, owner_id ON interventions
    WHEN (NEW.state = 'queued' OR (NEW.state = 'assigned' AND NEW.owner_id IS NOT NULL))
        AND (OLD.state IS NOT NEW.state OR OLD.owner_id IS NOT NEW.owner_id)
BEGIN
    INSERT INTO queue_sizes (queue, size)
        VALUES (CASE NEW.state WHEN 'queued' THEN 0 ELSE NEW.owner_id END, 1)
        ON CONFLICT (queue) DO UPDATE SET size = size + 1;
END;
CREATE TRIGGER queue_sizes_delete AFTER DELETE ON interventions
    WHEN OLD.state = 'queued' OR (OLD.state = 'assigned' AND OLD.owner_id IS NOT NULL)
BEGIN
    UPDATE queue_sizes SET size = size - 1
        WHERE queue = CASE OLD.state WHEN 'queued' THEN 0 ELSE OLD.owner_id END;
END;
CREATE INDEX interventions_queued ON interventions(queued_at) WHERE state = 'queued';
CREATE INDEX interventions_assigned ON interventions(owner_id, assigned_at)
    WHERE state = 'assigned';
CREATE INDEX interventions_open_by_owner ON interventions(owner_id, id)
    WHERE state IN ('queued', 'assigned');
CREATE INDEX idempotency_by_age ON idempotency(created_at);
CREATE TABLE auth_generation (n INTEGER NOT NULL);
INSERT INTO auth_generation (n) VALUES (0);
CREATE TRIGGER auth_agent_changed AFTER UPDATE OF role, active ON agents
    WHEN OLD.role IS NOT NEW.role OR OLD.active IS NOT NEW.active
BEGIN
    UPDATE auth_generation SET n = random();
END;
CREATE TRIGGER auth_agent_removed AFTER DELETE ON agents
BEGIN
    UPDATE auth_generation SET n = random();
END;
CREATE TRIGGER auth_token_changed AFTER UPDATE ON tokens
BEGIN
    UPDATE auth_generation SET n = random();
END;
CREATE TRIGGER auth_token_removed AFTER DELETE ON tokens
BEGIN
    UPDATE auth_generation SET n = random();
END;
"#;

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
    for (i, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        match migration {
            Migration::Sql(sql) => tx.execute_batch(sql),
            Migration::Run(run) => run(&tx),
        }
        .map_err(|e| format!("migration {} failed: {e}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The queues' sizes as `/v1/queues` counted them before they were kept: by reading every
    /// intervention.
    fn counted(conn: &Connection) -> Vec<(i64, i64)> {
        conn.prepare(
            "SELECT CASE state WHEN 'queued' THEN 0 ELSE owner_id END, count(*) FROM interventions
             WHERE state = 'queued' OR (state = 'assigned' AND owner_id IS NOT NULL)
             GROUP BY 1 ORDER BY 1",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()
        })
        .expect("count")
    }

    fn kept(conn: &Connection) -> Vec<(i64, i64)> {
        conn.prepare("SELECT queue, size FROM queue_sizes WHERE size != 0 ORDER BY queue")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()
            })
            .expect("sizes")
    }

    const STATES: [&str; 5] = ["queued", "assigned", "completed", "cancelled", "assigned"];

    /// A database of version 2 with interventions in it gets its sizes counted by the
    /// migration; then every insert, change of state or owner, and delete keeps them equal to
    /// a count.
    #[test]
    fn queue_sizes_are_counted_once_then_kept() {
        let mut conn = Connection::open_in_memory().expect("open");
        for migration in &MIGRATIONS[..2] {
            let Migration::Sql(sql) = migration else {
                panic!("versions 1 and 2 are SQL")
            };
            conn.execute_batch(sql).expect("old schema");
        }
        conn.pragma_update(None, "user_version", 2)
            .expect("version");
        conn.execute_batch(
            "INSERT INTO agents (id, name, email, role, status, active)
                 VALUES (2, 'a', 'a@x', 'agent', 'online', 1), (3, 'b', 'b@x', 'agent', 'online', 1);
             INSERT INTO users (id, name, channel) VALUES (1, 'u', 'web');
             INSERT INTO conversations (id, user_id, channel, started_at) VALUES (1, 1, 'web', 0);",
        )
        .expect("catalog");
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let insert = |conn: &Connection, state: &str, owner: Option<u64>| {
            conn.execute(
                "INSERT INTO interventions (conversation_id, user_id, summary, state, owner_id,
                     queued_at, version, updated_at) VALUES (1, 1, 's', ?1, ?2, 0, 1, 0)",
                rusqlite::params![state, owner.map(|o| o as i64)],
            )
            .expect("insert");
        };
        for _ in 0..40 {
            let owner = [None, Some(2), Some(3)][next(3) as usize];
            insert(&conn, STATES[next(5) as usize], owner);
        }
        migrate(&mut conn).expect("migrate");
        assert_eq!(kept(&conn), counted(&conn), "counted by the migration");
        for step in 0..400 {
            let id = 1 + next(50) as i64;
            let owner = [None, Some(2i64), Some(3)][next(3) as usize];
            match next(4) {
                0 => insert(&conn, STATES[next(5) as usize], owner.map(|o| o as u64)),
                1 => {
                    conn.execute("DELETE FROM interventions WHERE id = ?1", [id])
                        .expect("delete");
                }
                _ => {
                    conn.execute(
                        "UPDATE interventions SET state = ?1, owner_id = ?2 WHERE id = ?3",
                        rusqlite::params![STATES[next(5) as usize], owner, id],
                    )
                    .expect("update");
                }
            }
            assert_eq!(kept(&conn), counted(&conn), "after step {step}");
        }
    }

    /// Answers stored before version 5 are still replayed after it, and expiring forgets the
    /// old ones, by the order they came in, and keeps the others.
    #[test]
    fn stored_answers_move_to_the_appended_table_and_expire_in_order() {
        let mut conn = Connection::open_in_memory().expect("open");
        for migration in &MIGRATIONS[..4] {
            match migration {
                Migration::Sql(sql) => conn.execute_batch(sql),
                Migration::Run(run) => {
                    let tx = conn.transaction().expect("tx");
                    run(&tx).and_then(|()| tx.commit())
                }
            }
            .expect("old schema");
        }
        conn.pragma_update(None, "user_version", 4)
            .expect("version");
        let store = |conn: &Connection, key: &str, at: i64| {
            conn.execute(
                "INSERT INTO idempotency (agent_id, key, fingerprint, status, body, created_at)
                     VALUES (1, ?1, 'f', 200, '{}', ?2)",
                rusqlite::params![key, at],
            )
            .expect("store");
        };
        store(&conn, "new", 3_000);
        store(&conn, "old", 1_000);
        migrate(&mut conn).expect("migrate");
        store(&conn, "newer", 4_000);
        let keys = |conn: &Connection| -> Vec<String> {
            conn.prepare("SELECT key FROM idempotency ORDER BY id")
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .expect("keys")
        };
        assert_eq!(
            keys(&conn),
            ["old", "new", "newer"],
            "in the order they came"
        );
        let forgotten = |conn: &Connection, cutoff: i64| -> Vec<String> {
            super::super::idempotency::expire_before(conn, cutoff)
                .expect("expire")
                .into_iter()
                .map(|(_, _, key)| key)
                .collect()
        };
        assert_eq!(forgotten(&conn, 2_000), ["old"]);
        assert_eq!(keys(&conn), ["new", "newer"]);
        assert!(forgotten(&conn, 2_000).is_empty(), "again");
        assert_eq!(forgotten(&conn, 9_000), ["new", "newer"]);
        assert!(keys(&conn).is_empty());
        assert!(forgotten(&conn, 9_000).is_empty(), "empty");
    }

    /// Changes to agents' roles and to tokens move the count the token cache trusts.
    #[test]
    fn auth_generation_moves_with_roles_and_tokens() {
        let mut conn = Connection::open_in_memory().expect("open");
        migrate(&mut conn).expect("migrate");
        let generation = |conn: &Connection| -> i64 {
            conn.query_row("SELECT n FROM auth_generation", [], |r| r.get(0))
                .expect("generation")
        };
        let start = generation(&conn);
        conn.execute_batch(
            "INSERT INTO tokens (hash, agent_id, created_at) VALUES ('h', 1, 0);
             UPDATE agents SET status = 'away' WHERE id = 1;",
        )
        .expect("no change to who anyone is");
        assert_eq!(generation(&conn), start);
        conn.execute("UPDATE agents SET role = 'agent' WHERE id = 1", [])
            .expect("demote");
        let demoted = generation(&conn);
        assert_ne!(demoted, start);
        conn.execute("DELETE FROM tokens WHERE hash = 'h'", [])
            .expect("revoke");
        assert_ne!(generation(&conn), demoted);
    }
}
