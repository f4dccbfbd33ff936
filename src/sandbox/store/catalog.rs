//! Agents, the catalog (departments, topics, outcomes, blocks) and users: created by key, so a
//! repeated creation is an upsert that changes nothing.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::{body_ref, decode_cursor, encode_cursor, opt_id, page_limit, paginate, word};
use crate::api::ids::Kind;
use crate::api::models::{
    Agent, AgentInput, Block, Department, NamedInput, Outcome, Page, Topic, TopicInput, User,
    UserInput,
};
use crate::sandbox::error::ApiError;

/// What a creation by key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Upserted {
    Created,
    Updated,
    Unchanged,
}

impl Upserted {
    pub fn as_str(self) -> &'static str {
        match self {
            Upserted::Created => "created",
            Upserted::Updated => "updated",
            Upserted::Unchanged => "unchanged",
        }
    }
}

impl std::str::FromStr for Upserted {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "created" => Ok(Upserted::Created),
            "updated" => Ok(Upserted::Updated),
            "unchanged" => Ok(Upserted::Unchanged),
            _ => Err(format!("`{s}` is not an upsert result")),
        }
    }
}

pub(super) fn require_text(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::Validation(format!("{field} must not be empty")));
    }
    if value.chars().count() > max {
        return Err(ApiError::Validation(format!(
            "{field} is longer than {max} characters"
        )));
    }
    Ok(())
}

fn require_email(field: &str, value: &str) -> Result<(), ApiError> {
    require_text(field, value, 320)?;
    match value.split_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => Ok(()),
        _ => Err(ApiError::Validation(format!(
            "{field} `{value}` is not an email address"
        ))),
    }
}

/// The tables whose rows are just a key and a name.
#[derive(Debug, Clone, Copy)]
pub enum Named {
    Department,
    Outcome,
    Block,
}

impl Named {
    fn kind(self) -> Kind {
        match self {
            Named::Department => Kind::Department,
            Named::Outcome => Kind::Outcome,
            Named::Block => Kind::Block,
        }
    }
    fn table(self) -> &'static str {
        match self {
            Named::Department => "departments",
            Named::Outcome => "outcomes",
            Named::Block => "blocks",
        }
    }
}

/// A key-and-name row in the shape of its resource.
pub trait NamedRow: Sized {
    const NAMED: Named;
    fn from_parts(id: String, key: Option<String>, name: String) -> Self;
    fn id(&self) -> &str;
}

impl NamedRow for Department {
    const NAMED: Named = Named::Department;
    fn from_parts(id: String, key: Option<String>, name: String) -> Self {
        Department { id, key, name }
    }
    fn id(&self) -> &str {
        &self.id
    }
}
impl NamedRow for Outcome {
    const NAMED: Named = Named::Outcome;
    fn from_parts(id: String, key: Option<String>, name: String) -> Self {
        Outcome { id, key, name }
    }
    fn id(&self) -> &str {
        &self.id
    }
}
impl NamedRow for Block {
    const NAMED: Named = Named::Block;
    fn from_parts(id: String, key: Option<String>, name: String) -> Self {
        Block { id, key, name }
    }
    fn id(&self) -> &str {
        &self.id
    }
}

fn named_from_row<T: NamedRow>(row: &Row<'_>) -> rusqlite::Result<T> {
    Ok(T::from_parts(
        T::NAMED.kind().id(row.get(0)?),
        row.get(1)?,
        row.get(2)?,
    ))
}

pub fn upsert_named<T: NamedRow>(
    tx: &Transaction,
    input: &NamedInput,
) -> Result<(T, Upserted), ApiError> {
    require_text("key", &input.key, 200)?;
    require_text("name", &input.name, 200)?;
    let table = T::NAMED.table();
    let existing: Option<(i64, String)> = tx
        .prepare_cached(&format!("SELECT id, name FROM {table} WHERE key = ?1"))?
        .query_row([&input.key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (id, upserted) = match existing {
        Some((id, name)) if name == input.name => (id, Upserted::Unchanged),
        Some((id, _)) => {
            tx.execute(
                &format!("UPDATE {table} SET name = ?2 WHERE id = ?1"),
                params![id, input.name],
            )?;
            (id, Upserted::Updated)
        }
        None => {
            tx.execute(
                &format!("INSERT INTO {table} (key, name) VALUES (?1, ?2)"),
                params![input.key, input.name],
            )?;
            (tx.last_insert_rowid(), Upserted::Created)
        }
    };
    Ok((get_named(tx, &T::NAMED.kind().id(id))?, upserted))
}

pub fn get_named<T: NamedRow>(conn: &Connection, id: &str) -> Result<T, ApiError> {
    let kind = T::NAMED.kind();
    let not_found = || ApiError::NotFound(format!("{kind} `{id}` does not exist"));
    let n = kind.parse(id).ok_or_else(not_found)?;
    conn.prepare_cached(&format!(
        "SELECT id, key, name FROM {} WHERE id = ?1",
        T::NAMED.table()
    ))?
    .query_row([n], named_from_row)
    .optional()?
    .ok_or_else(not_found)
}

pub fn list_named<T: NamedRow>(
    conn: &Connection,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<T>, ApiError> {
    let kind = T::NAMED.kind();
    let sql = format!(
        "SELECT id, key, name FROM {} WHERE id > ?1 ORDER BY id LIMIT ?2",
        T::NAMED.table()
    );
    list_by_id(
        conn,
        kind,
        &sql,
        limit,
        cursor,
        named_from_row::<T>,
        |t: &T| id_of(kind, t),
    )
}

/// Generic id-ordered list: the cursor is the last id seen, so inserts never shift a page.
fn list_by_id<T>(
    conn: &Connection,
    kind: Kind,
    sql: &str,
    limit: Option<u32>,
    cursor: Option<&str>,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    id: impl Fn(&T) -> i64,
) -> Result<Page<T>, ApiError> {
    let limit = page_limit(limit)?;
    let after = match cursor {
        Some(c) => decode_cursor::<1>(kind.prefix(), c)?[0],
        None => 0,
    };
    let items = conn
        .prepare_cached(sql)?
        .query_map(params![after, limit as i64 + 1], map)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |t| {
        encode_cursor(kind.prefix(), &[id(t)])
    }))
}

fn id_of<T: NamedRow>(kind: Kind, t: &T) -> i64 {
    kind.parse(t.id()).unwrap_or(0)
}

// ---- agents ----

const AGENT_COLUMNS: &str = "id, key, name, email, role, department_id, status, active";

fn agent_from_row(row: &Row<'_>) -> rusqlite::Result<Agent> {
    Ok(Agent {
        id: Kind::Agent.id(row.get(0)?),
        key: row.get(1)?,
        name: row.get(2)?,
        email: row.get(3)?,
        role: word(row, 4)?,
        department: opt_id(Kind::Department, row.get(5)?),
        status: word(row, 6)?,
        active: row.get(7)?,
    })
}

pub fn upsert_agent(tx: &Transaction, input: &AgentInput) -> Result<(Agent, Upserted), ApiError> {
    require_text("key", &input.key, 200)?;
    require_text("name", &input.name, 200)?;
    require_email("email", &input.email)?;
    let department = input
        .department
        .as_deref()
        .map(|d| body_ref(tx, Kind::Department, d))
        .transpose()?;
    let clash: Option<String> = tx
        .prepare_cached(
            "SELECT key FROM agents WHERE lower(email) = lower(?1) AND (key IS NULL OR key <> ?2)",
        )?
        .query_row(params![input.email, input.key], |r| r.get(0))
        .optional()?
        .map(|k: Option<String>| k.unwrap_or_else(|| "the built-in admin".into()));
    if let Some(other) = clash {
        return Err(ApiError::Validation(format!(
            "email `{}` already belongs to agent `{other}`",
            input.email
        )));
    }
    let existing = tx
        .prepare_cached(&format!(
            "SELECT {AGENT_COLUMNS} FROM agents WHERE key = ?1"
        ))?
        .query_row([&input.key], agent_from_row)
        .optional()?;
    let values = params![
        input.key,
        input.name,
        input.email,
        input.role.as_str(),
        department,
        input.status.as_str(),
        input.active
    ];
    let upserted = match existing {
        Some(a)
            if a.name == input.name
                && a.email == input.email
                && a.role == input.role
                && a.department == input.department
                && a.status == input.status
                && a.active == input.active =>
        {
            Upserted::Unchanged
        }
        Some(_) => {
            tx.execute(
                "UPDATE agents SET name = ?2, email = ?3, role = ?4, department_id = ?5, status = ?6, active = ?7 WHERE key = ?1",
                values,
            )?;
            Upserted::Updated
        }
        None => {
            tx.execute(
                "INSERT INTO agents (key, name, email, role, department_id, status, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                values,
            )?;
            Upserted::Created
        }
    };
    let agent = tx
        .prepare_cached(&format!(
            "SELECT {AGENT_COLUMNS} FROM agents WHERE key = ?1"
        ))?
        .query_row([&input.key], agent_from_row)?;
    Ok((agent, upserted))
}

pub fn get_agent(conn: &Connection, id: &str) -> Result<Agent, ApiError> {
    let not_found = || ApiError::NotFound(format!("agent `{id}` does not exist"));
    let n = Kind::Agent.parse(id).ok_or_else(not_found)?;
    agent_by_row(conn, n)?.ok_or_else(not_found)
}

pub fn agent_by_row(conn: &Connection, n: i64) -> Result<Option<Agent>, ApiError> {
    Ok(conn
        .prepare_cached(&format!("SELECT {AGENT_COLUMNS} FROM agents WHERE id = ?1"))?
        .query_row([n], agent_from_row)
        .optional()?)
}

pub fn list_agents(
    conn: &Connection,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<Agent>, ApiError> {
    let sql = format!("SELECT {AGENT_COLUMNS} FROM agents WHERE id > ?1 ORDER BY id LIMIT ?2");
    list_by_id(
        conn,
        Kind::Agent,
        &sql,
        limit,
        cursor,
        agent_from_row,
        |a| Kind::Agent.parse(&a.id).unwrap_or(0),
    )
}

/// An agent by id, email or key (for `sandbox token --agent`).
pub fn find_agent(conn: &Connection, agent: &str) -> Result<i64, ApiError> {
    if let Some(n) = Kind::Agent.parse(agent)
        && agent_by_row(conn, n)?.is_some()
    {
        return Ok(n);
    }
    conn.prepare_cached("SELECT id FROM agents WHERE lower(email) = lower(?1) OR key = ?1 LIMIT 1")?
        .query_row([agent], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "no agent has the id, email or key `{agent}`; list them with `livectl agents`"
            ))
        })
}

// ---- topics ----

fn topic_from_row(row: &Row<'_>) -> rusqlite::Result<Topic> {
    Ok(Topic {
        id: Kind::Topic.id(row.get(0)?),
        key: row.get(1)?,
        name: row.get(2)?,
        department: opt_id(Kind::Department, row.get(3)?),
    })
}

pub fn upsert_topic(tx: &Transaction, input: &TopicInput) -> Result<(Topic, Upserted), ApiError> {
    require_text("key", &input.key, 200)?;
    require_text("name", &input.name, 200)?;
    let department = input
        .department
        .as_deref()
        .map(|d| body_ref(tx, Kind::Department, d))
        .transpose()?;
    let existing = tx
        .prepare_cached("SELECT id, key, name, department_id FROM topics WHERE key = ?1")?
        .query_row([&input.key], topic_from_row)
        .optional()?;
    let upserted = match existing {
        Some(t) if t.name == input.name && t.department == input.department => Upserted::Unchanged,
        Some(_) => {
            tx.execute(
                "UPDATE topics SET name = ?2, department_id = ?3 WHERE key = ?1",
                params![input.key, input.name, department],
            )?;
            Upserted::Updated
        }
        None => {
            tx.execute(
                "INSERT INTO topics (key, name, department_id) VALUES (?1, ?2, ?3)",
                params![input.key, input.name, department],
            )?;
            Upserted::Created
        }
    };
    let topic = tx
        .prepare_cached("SELECT id, key, name, department_id FROM topics WHERE key = ?1")?
        .query_row([&input.key], topic_from_row)?;
    Ok((topic, upserted))
}

pub fn get_topic(conn: &Connection, id: &str) -> Result<Topic, ApiError> {
    let not_found = || ApiError::NotFound(format!("topic `{id}` does not exist"));
    let n = Kind::Topic.parse(id).ok_or_else(not_found)?;
    conn.prepare_cached("SELECT id, key, name, department_id FROM topics WHERE id = ?1")?
        .query_row([n], topic_from_row)
        .optional()?
        .ok_or_else(not_found)
}

pub fn list_topics(
    conn: &Connection,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<Topic>, ApiError> {
    list_by_id(
        conn,
        Kind::Topic,
        "SELECT id, key, name, department_id FROM topics WHERE id > ?1 ORDER BY id LIMIT ?2",
        limit,
        cursor,
        topic_from_row,
        |t| Kind::Topic.parse(&t.id).unwrap_or(0),
    )
}

// ---- users ----

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: Kind::User.id(row.get(0)?),
        key: row.get(1)?,
        name: row.get(2)?,
        email: row.get(3)?,
        channel: word(row, 4)?,
    })
}

pub fn upsert_user(tx: &Transaction, input: &UserInput) -> Result<(User, Upserted), ApiError> {
    require_text("user.key", &input.key, 200)?;
    require_text("user.name", &input.name, 200)?;
    if let Some(email) = &input.email {
        require_email("user.email", email)?;
    }
    let existing = tx
        .prepare_cached("SELECT id, key, name, email, channel FROM users WHERE key = ?1")?
        .query_row([&input.key], user_from_row)
        .optional()?;
    let values = params![input.key, input.name, input.email, input.channel.as_str()];
    let upserted = match existing {
        Some(u) if u.name == input.name && u.email == input.email && u.channel == input.channel => {
            Upserted::Unchanged
        }
        Some(_) => {
            tx.prepare_cached(
                "UPDATE users SET name = ?2, email = ?3, channel = ?4 WHERE key = ?1",
            )?
            .execute(values)?;
            Upserted::Updated
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO users (key, name, email, channel) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(values)?;
            Upserted::Created
        }
    };
    let user = tx
        .prepare_cached("SELECT id, key, name, email, channel FROM users WHERE key = ?1")?
        .query_row([&input.key], user_from_row)?;
    Ok((user, upserted))
}

pub fn get_user(conn: &Connection, id: &str) -> Result<User, ApiError> {
    let not_found = || ApiError::NotFound(format!("user `{id}` does not exist"));
    let n = Kind::User.parse(id).ok_or_else(not_found)?;
    conn.prepare_cached("SELECT id, key, name, email, channel FROM users WHERE id = ?1")?
        .query_row([n], user_from_row)
        .optional()?
        .ok_or_else(not_found)
}

pub fn list_users(
    conn: &Connection,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<User>, ApiError> {
    list_by_id(
        conn,
        Kind::User,
        "SELECT id, key, name, email, channel FROM users WHERE id > ?1 ORDER BY id LIMIT ?2",
        limit,
        cursor,
        user_from_row,
        |u| Kind::User.parse(&u.id).unwrap_or(0),
    )
}
