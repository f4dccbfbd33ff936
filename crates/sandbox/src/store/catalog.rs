//! Agents, the catalog (departments, topics, outcomes, blocks) and users: rows created by key,
//! so creating the same key again is an upsert. One generic upsert, get and list serve them all;
//! each resource says only its columns, how a row reads and how an input is checked.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use super::{decode_cursor, encode_cursor, opt_id, paginate, reference, word};
use crate::error::ApiError;
use livectl_contract::limits::{self, Limit};
use livectl_contract::seed::plan::CatalogInput;
use livectl_contract::{
    Agent, AgentInput, Block, Department, Kind, NamedInput, Outcome, Page, Topic, TopicInput,
    UpsertResult, User, UserInput,
};

/// A table of rows created by key.
pub trait Resource: Sized + Send + 'static {
    /// What creates or updates a row.
    type Input;
    const KIND: Kind;
    const TABLE: &'static str;
    /// The columns after `id`, `key` first: what `values` gives and `from_row` reads from 1 on.
    const COLUMNS: &'static [&'static str];
    /// Columns the store keeps itself, read after `COLUMNS` and never written from an input.
    const KEPT: &'static [&'static str] = &[];

    /// A row (its id at 0, then `COLUMNS`) as the resource.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;

    /// The input checked against the limits and the references resolved, as `COLUMNS` values.
    fn values(tx: &Transaction, input: &Self::Input) -> Result<Vec<Value>, ApiError>;

    /// Creates or updates by key on behalf of a caller: a resource whose change is an event
    /// (an agent's status) writes it here.
    fn upsert_by(
        tx: &Transaction,
        input: &Self::Input,
        _change: &Change<'_>,
    ) -> Result<(Self, UpsertResult), ApiError> {
        upsert::<Self>(tx, input)
    }
}

/// Who makes a change, when, and under which `Idempotency-Key`: what its event records.
pub struct Change<'a> {
    pub actor: i64,
    pub at: Timestamp,
    pub key: Option<&'a str>,
}

/// Every column a row is read from: `id`, `COLUMNS`, then `KEPT`.
fn selected<R: Resource>() -> String {
    std::iter::once("id")
        .chain(R::COLUMNS.iter().copied())
        .chain(R::KEPT.iter().copied())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text within its limit, or a 422 naming the field.
/// `field` is formatted only when the value is refused (a batch checks thousands of messages).
pub(super) fn text(
    field: impl std::fmt::Display,
    value: &str,
    limit: Limit,
) -> Result<(), ApiError> {
    limit
        .text(value)
        .map_err(|e| ApiError::Validation(format!("{field} {e}")))
}

fn email(field: &str, value: &str) -> Result<(), ApiError> {
    limits::email(value).map_err(|e| ApiError::Validation(format!("{field} {e}")))
}

/// A key within its limit that a command line can name its resource by (`Kind::key_refusal`),
/// and a name within its limit.
fn key_and_name(kind: Kind, prefix: &str, key: &str, name: &str) -> Result<(), ApiError> {
    text(format_args!("{prefix}key"), key, Limit::KeyLength)?;
    if let Some(why) = kind.key_refusal(key) {
        return Err(ApiError::Validation(format!("{prefix}key {why}")));
    }
    text(format_args!("{prefix}name"), name, Limit::NameLength)
}

/// Creates the row with the input's key, or updates it; says which (or that nothing changed).
pub fn upsert<R: Resource>(
    tx: &Transaction,
    input: &R::Input,
) -> Result<(R, UpsertResult), ApiError> {
    let values = R::values(tx, input)?;
    let columns = R::COLUMNS.join(", ");
    let existing: Option<(i64, Vec<Value>)> = tx
        .prepare_cached(&format!(
            "SELECT id, {columns} FROM {} WHERE key = ?1",
            R::TABLE
        ))?
        .query_row([&values[0]], |row| {
            let stored = (1..=R::COLUMNS.len())
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((row.get(0)?, stored))
        })
        .optional()?;
    let (id, result) = match existing {
        Some((id, stored)) if stored == values => (id, UpsertResult::Unchanged),
        Some((id, _)) => {
            let sets: Vec<String> = R::COLUMNS
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            tx.prepare_cached(&format!(
                "UPDATE {} SET {} WHERE key = ?1",
                R::TABLE,
                sets.join(", ")
            ))?
            .execute(params_from_iter(&values))?;
            (id, UpsertResult::Updated)
        }
        None => {
            let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
            tx.prepare_cached(&format!(
                "INSERT INTO {} ({columns}) VALUES ({})",
                R::TABLE,
                marks.join(", ")
            ))?
            .execute(params_from_iter(&values))?;
            (tx.last_insert_rowid(), UpsertResult::Created)
        }
    };
    let row = by_row::<R>(tx, id)?.ok_or_else(|| ApiError::Internal("a row vanished".into()))?;
    Ok((row, result))
}

/// A creation of the catalog from a seed plan, by `change.actor`; returns the new row's id.
pub fn upsert_input(
    tx: &Transaction,
    input: &CatalogInput,
    change: &Change<'_>,
) -> Result<(String, UpsertResult), ApiError> {
    fn id<R: Resource + HasId>((row, result): (R, UpsertResult)) -> (String, UpsertResult) {
        (row.id().to_owned(), result)
    }
    Ok(match input {
        CatalogInput::Department(x) => id(upsert::<Department>(tx, x)?),
        CatalogInput::Agent(x) => id(Agent::upsert_by(tx, x, change)?),
        CatalogInput::Topic(x) => id(upsert::<Topic>(tx, x)?),
        CatalogInput::Outcome(x) => id(upsert::<Outcome>(tx, x)?),
        CatalogInput::Block(x) => id(upsert::<Block>(tx, x)?),
    })
}

/// The row with this number, if any.
pub fn by_row<R: Resource>(conn: &Connection, n: i64) -> Result<Option<R>, ApiError> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id = ?1",
            selected::<R>(),
            R::TABLE
        ))?
        .query_row([n], R::from_row)
        .optional()?)
}

/// The resource with this id: 404 when there is none.
pub fn get<R: Resource>(conn: &Connection, id: &str) -> Result<R, ApiError> {
    let not_found = || ApiError::NotFound(format!("{} `{id}` does not exist", R::KIND));
    let n = R::KIND.parse(id).ok_or_else(not_found)?;
    by_row(conn, n)?.ok_or_else(not_found)
}

/// A page in id order: the cursor is the last id seen, so inserts never shift a page.
pub fn list<R: Resource + HasId>(
    conn: &Connection,
    limit: Option<u32>,
    cursor: Option<&str>,
) -> Result<Page<R>, ApiError> {
    let limit = limits::page_size(limit).map_err(ApiError::BadRequest)?;
    let prefix = R::KIND.prefix();
    let after = match cursor {
        Some(c) => decode_cursor::<1>(prefix, c)?[0],
        None => 0,
    };
    let items = conn
        .prepare_cached(&format!(
            "SELECT {} FROM {} WHERE id > ?1 ORDER BY id LIMIT ?2",
            selected::<R>(),
            R::TABLE
        ))?
        .query_map(params![after, limit as i64 + 1], R::from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |r| {
        encode_cursor(prefix, &[R::KIND.parse(r.id()).unwrap_or(0)])
    }))
}

/// The id a resource answers with.
pub trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($ty:ty),*) => {$( impl HasId for $ty { fn id(&self) -> &str { &self.id } } )*};
}
has_id!(Agent, Department, Topic, Outcome, Block, User);

/// Departments, outcomes and blocks: a key and a name.
macro_rules! key_and_name {
    ($ty:ident, $kind:ident, $table:literal) => {
        impl Resource for $ty {
            type Input = NamedInput;
            const KIND: Kind = Kind::$kind;
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &["key", "name"];

            fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
                Ok($ty {
                    id: Kind::$kind.id(row.get(0)?),
                    key: row.get(1)?,
                    name: row.get(2)?,
                })
            }

            fn values(_: &Transaction, input: &NamedInput) -> Result<Vec<Value>, ApiError> {
                key_and_name(Kind::$kind, "", &input.key, &input.name)?;
                Ok(vec![input.key.clone().into(), input.name.clone().into()])
            }
        }
    };
}
key_and_name!(Department, Department, "departments");
key_and_name!(Outcome, Outcome, "outcomes");
key_and_name!(Block, Block, "blocks");

impl Resource for Agent {
    type Input = AgentInput;
    const KIND: Kind = Kind::Agent;
    const TABLE: &'static str = "agents";
    const COLUMNS: &'static [&'static str] = &[
        "key",
        "name",
        "email",
        "role",
        "department_id",
        "status",
        "active",
        "max_load",
    ];
    const KEPT: &'static [&'static str] = &["status_since"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Agent> {
        Ok(Agent {
            id: Kind::Agent.id(row.get(0)?),
            key: row.get(1)?,
            name: row.get(2)?,
            email: row.get(3)?,
            role: word(row, 4)?,
            department: opt_id(Kind::Department, row.get(5)?),
            status: word(row, 6)?,
            active: row.get(7)?,
            max_load: row.get(8)?,
            status_since: super::ts(row.get(9)?),
        })
    }

    fn upsert_by(
        tx: &Transaction,
        input: &AgentInput,
        change: &Change<'_>,
    ) -> Result<(Agent, UpsertResult), ApiError> {
        super::agents::upsert(tx, input, change)
    }

    fn values(tx: &Transaction, input: &AgentInput) -> Result<Vec<Value>, ApiError> {
        key_and_name(Kind::Agent, "", &input.key, &input.name)?;
        email("email", &input.email)?;
        let max_load = input
            .max_load
            .as_ref()
            .map(livectl_contract::MaxLoadInput::check)
            .transpose()
            .map_err(|e| ApiError::Validation(format!("max_load {e}")))?;
        let department = input
            .department
            .as_deref()
            .map(|d| reference(tx, Kind::Department, d))
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
        Ok(vec![
            input.key.clone().into(),
            input.name.clone().into(),
            input.email.clone().into(),
            input.role.as_str().to_owned().into(),
            department.into(),
            input.status.as_str().to_owned().into(),
            i64::from(input.active).into(),
            max_load.map(i64::from).into(),
        ])
    }
}

impl Resource for Topic {
    type Input = TopicInput;
    const KIND: Kind = Kind::Topic;
    const TABLE: &'static str = "topics";
    const COLUMNS: &'static [&'static str] = &["key", "name", "department_id"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Topic> {
        Ok(Topic {
            id: Kind::Topic.id(row.get(0)?),
            key: row.get(1)?,
            name: row.get(2)?,
            department: opt_id(Kind::Department, row.get(3)?),
        })
    }

    fn values(tx: &Transaction, input: &TopicInput) -> Result<Vec<Value>, ApiError> {
        key_and_name(Kind::Topic, "", &input.key, &input.name)?;
        let department = input
            .department
            .as_deref()
            .map(|d| reference(tx, Kind::Department, d))
            .transpose()?;
        Ok(vec![
            input.key.clone().into(),
            input.name.clone().into(),
            department.into(),
        ])
    }
}

impl Resource for User {
    type Input = UserInput;
    const KIND: Kind = Kind::User;
    const TABLE: &'static str = "users";
    const COLUMNS: &'static [&'static str] = &["key", "name", "email", "channel"];

    fn from_row(row: &Row<'_>) -> rusqlite::Result<User> {
        Ok(User {
            id: Kind::User.id(row.get(0)?),
            key: row.get(1)?,
            name: row.get(2)?,
            email: row.get(3)?,
            channel: word(row, 4)?,
        })
    }

    fn values(_: &Transaction, input: &UserInput) -> Result<Vec<Value>, ApiError> {
        key_and_name(Kind::User, "user.", &input.key, &input.name)?;
        if let Some(e) = &input.email {
            email("user.email", e)?;
        }
        Ok(vec![
            input.key.clone().into(),
            input.name.clone().into(),
            input.email.clone().into(),
            input.channel.as_str().to_owned().into(),
        ])
    }
}

/// The row number of the agent with this id: 404 when there is none.
pub fn agent_row(conn: &Connection, id: &str) -> Result<i64, ApiError> {
    let not_found = || ApiError::NotFound(format!("agent `{id}` does not exist"));
    let n = Kind::Agent.parse(id).ok_or_else(not_found)?;
    by_row::<Agent>(conn, n)?.ok_or_else(not_found)?;
    Ok(n)
}
