//! Interventions: how a row reads, one by id, and pages of them by the contract's query. The
//! state machine lives in `machine`, the query's SQL in `query`, the queues in `queues`.

mod machine;
mod query;
mod queues;

pub use machine::{act, judge};
pub use queues::queues;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

use super::{
    Caller, decode_cursor, encode_cursor, opt_id, opt_ts, page_limit, paginate, ts, user_summary,
    visibility, word,
};
use crate::error::ApiError;
use livectl_contract::{Completion, Intervention, InterventionQuery, InterventionRef, Kind, Page};

/// The columns of an `Intervention` (`intervention_from_row`), its user's summary joined.
const INTERVENTION_SELECT: &str = "SELECT i.id, i.conversation_id, i.user_id, u.name, u.channel, \
    i.summary, i.department_id, i.state, i.owner_id, i.queued_at, i.assigned_at, i.closed_at, \
    i.last_user_message_at, i.last_agent_message_at, i.tags, i.topic_id, i.outcome_id, i.block_id, \
    i.completed_by, i.version, i.updated_at FROM interventions i JOIN users u ON u.id = i.user_id";

/// The columns of an `InterventionRef` (`ref_from_row`): the row alone, nothing joined.
const REF_SELECT: &str =
    "SELECT i.id, i.department_id, i.state, i.owner_id, i.version FROM interventions i";

fn ref_from_row(row: &Row<'_>) -> rusqlite::Result<InterventionRef> {
    Ok(InterventionRef {
        id: Kind::Intervention.id(row.get(0)?),
        department: opt_id(Kind::Department, row.get(1)?),
        state: word(row, 2)?,
        owner: opt_id(Kind::Agent, row.get(3)?),
        version: row.get(4)?,
    })
}

fn intervention_from_row(row: &Row<'_>) -> rusqlite::Result<Intervention> {
    let tags_json: String = row.get(14)?;
    let tags: Vec<String> = serde_json::from_str(&tags_json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(14, rusqlite::types::Type::Text, e.into())
    })?;
    let completion = match (
        row.get::<_, Option<i64>>(15)?,
        row.get::<_, Option<i64>>(16)?,
    ) {
        (Some(topic), Some(outcome)) => Some(Completion {
            topic: Kind::Topic.id(topic),
            outcome: Kind::Outcome.id(outcome),
            tags: tags.clone(),
            block: opt_id(Kind::Block, row.get(17)?),
            completed_by: Kind::Agent.id(row.get(18)?),
        }),
        _ => None,
    };
    Ok(Intervention {
        id: Kind::Intervention.id(row.get(0)?),
        conversation_id: Kind::Conversation.id(row.get(1)?),
        user: user_summary(row, 2)?,
        summary: row.get(5)?,
        department: opt_id(Kind::Department, row.get(6)?),
        state: word(row, 7)?,
        owner: opt_id(Kind::Agent, row.get(8)?),
        queued_at: ts(row.get(9)?),
        assigned_at: opt_ts(row.get(10)?),
        closed_at: opt_ts(row.get(11)?),
        last_user_message_at: opt_ts(row.get(12)?),
        last_agent_message_at: opt_ts(row.get(13)?),
        tags,
        completion,
        version: row.get(19)?,
        updated_at: ts(row.get(20)?),
    })
}

pub(in crate::store) fn intervention_by_row(
    conn: &Connection,
    n: i64,
) -> Result<Option<Intervention>, ApiError> {
    // Spelled once: every action reads its intervention (a completion twice), and a batch
    // thousands of times.
    static BY_ROW: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("{INTERVENTION_SELECT} WHERE i.id = ?1"));
    Ok(conn
        .prepare_cached(&BY_ROW)?
        .query_row([n], intervention_from_row)
        .optional()?)
}

/// The SQL of a page of interventions read as `select` says: the filter's terms after the
/// cursor, in id order, over each range the caller may see (`visibility::narrow`); several
/// ranges are read side by side in id order and merged (SQLite's MERGE of a UNION ALL), so the
/// page stops at its size. Binds, for each range: the cursor, the filter's values, the range's
/// value; then the limit.
fn page_sql(select: &str, filter: &query::Where, ranges: &[&str]) -> String {
    let ranges: Vec<String> = ranges
        .iter()
        .map(|range| format!("{select} WHERE i.id > ?{}{range}", filter.sql))
        .collect();
    format!("{} ORDER BY 1 LIMIT ?", ranges.join(" UNION ALL "))
}

pub fn get_intervention(conn: &Connection, id: &str) -> Result<Intervention, ApiError> {
    let not_found = || ApiError::NotFound(format!("intervention `{id}` does not exist"));
    let n = Kind::Intervention.parse(id).ok_or_else(not_found)?;
    intervention_by_row(conn, n)?.ok_or_else(not_found)
}

/// A page of interventions matching the query, in id order (the cursor is the last id, so a
/// page never skips or repeats one while others change).
/// An agent's page holds only what it may see (`visibility`).
pub fn list_interventions(
    conn: &Connection,
    caller: Caller,
    q: &InterventionQuery,
) -> Result<Page<Intervention>, ApiError> {
    page(
        conn,
        caller,
        q,
        INTERVENTION_SELECT,
        intervention_from_row,
        |i| &i.id,
    )
}

/// The same page as `list_interventions`, each intervention read in part: what a bulk run
/// plans from, under a fifth of the bytes to write and to read.
pub fn list_intervention_refs(
    conn: &Connection,
    caller: Caller,
    q: &InterventionQuery,
) -> Result<Page<InterventionRef>, ApiError> {
    page(conn, caller, q, REF_SELECT, ref_from_row, |i| &i.id)
}

/// A page of the query's interventions, each read from its row by `from_row` out of the
/// columns `select` names.
fn page<T>(
    conn: &Connection,
    caller: Caller,
    q: &InterventionQuery,
    select: &str,
    from_row: fn(&Row<'_>) -> rusqlite::Result<T>,
    id: fn(&T) -> &str,
) -> Result<Page<T>, ApiError> {
    let limit = page_limit(q.limit)?;
    let after = match &q.cursor {
        Some(c) => decode_cursor::<1>("iv", c)?[0],
        None => 0,
    };
    let filter = query::Where::of(conn, q)?;
    let ranges = visibility::narrow(caller);
    let sql = page_sql(
        select,
        &filter,
        &ranges.iter().map(|r| r.0).collect::<Vec<_>>(),
    );
    let mut values = Vec::with_capacity(ranges.len() * (filter.values.len() + 2) + 1);
    for (_, value) in ranges {
        values.push(Value::Integer(after));
        values.extend(filter.values.iter().cloned());
        values.extend(value);
    }
    values.push(Value::Integer(limit as i64 + 1));
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values), from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paginate(items, limit, |item| {
        encode_cursor("iv", &[Kind::Intervention.parse(id(item)).unwrap_or(0)])
    }))
}

#[cfg(test)]
mod tests {
    use livectl_contract::{InterventionQuery, Owner, Role, States};

    use super::*;
    use crate::store::schema;

    /// How SQLite runs a page of each common filter: a seek at the cursor in an index that
    /// holds the page in id order, never a sort of everything after the cursor (a cost that
    /// grows with the data) nor a scan of the table. For an admin (who runs bulk runs and
    /// exports) one index, named; for an agent, the queued ones and its own merged, each a
    /// seek in id order.
    #[test]
    fn a_page_of_each_common_filter_seeks_its_cursor_in_id_order() {
        let mut conn = Connection::open_in_memory().expect("open");
        schema::migrate(&mut conn).expect("migrate");
        let states = |s: &str| s.parse().expect("states");
        // Each filter with the index that must hold its page in id order (the table itself,
        // walked by id from the cursor, would read every row of the other states).
        let filters = [
            ("open", States::open(), None, "interventions_open"),
            ("queued", states("queued"), None, "interventions_by_state"),
            (
                "assigned",
                states("assigned"),
                None,
                "interventions_by_state",
            ),
            (
                "completed",
                states("completed"),
                None,
                "interventions_by_state",
            ),
            (
                "open of an owner",
                States::open(),
                Some(Owner::Agent("ag_1".into())),
                "interventions_open_by_owner",
            ),
            (
                "open of nobody",
                States::open(),
                Some(Owner::Nobody),
                "interventions_open_by_owner",
            ),
        ];
        for (what, state, owner, index) in filters {
            let q = InterventionQuery {
                state,
                owner,
                ..InterventionQuery::default()
            };
            let filter = query::Where::of(&conn, &q).expect("filter");
            // Whole interventions and their refs: the same page, read the same way.
            for (select, read) in [(INTERVENTION_SELECT, "whole"), (REF_SELECT, "refs")] {
                let what = format!("{what} ({read})");
                let plan = |role: Role| {
                    let ranges = visibility::narrow(Caller { agent_id: 2, role });
                    let sql = page_sql(
                        select,
                        &filter,
                        &ranges.iter().map(|r| r.0).collect::<Vec<_>>(),
                    );
                    let mut explain = conn
                        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                        .expect("plan");
                    let nulls = vec![Value::Null; explain.parameter_count()];
                    explain
                        .query_map(params_from_iter(nulls), |r| r.get::<_, String>(3))
                        .expect("rows")
                        .collect::<Result<Vec<_>, _>>()
                        .expect("plan rows")
                };
                let admin = plan(Role::Admin);
                assert!(
                    !admin.iter().any(|p| p.contains("TEMP B-TREE"))
                        && admin[0].starts_with(&format!("SEARCH i USING INDEX {index} ("))
                        && admin[0].ends_with("id>?)"),
                    "{what}: {admin:#?}"
                );
                let agent = plan(Role::Agent);
                let seeks: Vec<&String> = agent.iter().filter(|p| p.contains(" i ")).collect();
                let seek =
                    |p: &&String| p.starts_with("SEARCH i USING INDEX ") && p.ends_with("id>?)");
                let merged = agent.iter().any(|p| p == "MERGE (UNION ALL)")
                    && !agent.iter().any(|p| p.contains("TEMP B-TREE"))
                    && seeks.len() == 2
                    && seeks.iter().all(seek);
                assert!(merged, "{what}, an agent: {agent:#?}");
            }
        }
    }
}
