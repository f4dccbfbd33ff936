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
use livectl_contract::{
    Completion, Intervention, InterventionOrder as Order, InterventionQuery, InterventionRef, Kind,
    Page,
};

/// What a read of interventions selects: the columns its row reader reads (the id first), from
/// `interventions i` and the tables `joined` to it.
struct Select {
    columns: &'static str,
    joined: &'static str,
}

/// The columns of an `Intervention` (`intervention_from_row`), its user's summary joined.
const INTERVENTION_SELECT: Select = Select {
    columns: "i.id, i.conversation_id, i.user_id, u.name, u.channel, i.summary, i.department_id, \
        i.state, i.owner_id, i.queued_at, i.assigned_at, i.closed_at, i.last_user_message_at, \
        i.last_agent_message_at, i.tags, i.topic_id, i.outcome_id, i.block_id, i.completed_by, \
        i.version, i.updated_at",
    joined: " JOIN users u ON u.id = i.user_id",
};

/// The columns of an `InterventionRef` (`ref_from_row`): the row alone, nothing joined.
const REF_SELECT: Select = Select {
    columns: "i.id, i.department_id, i.state, i.owner_id, i.version",
    joined: "",
};

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
    static BY_ROW: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let Select { columns, joined } = INTERVENTION_SELECT;
        format!("SELECT {columns} FROM interventions i{joined} WHERE i.id = ?1")
    });
    Ok(conn
        .prepare_cached(&BY_ROW)?
        .query_row([n], intervention_from_row)
        .optional()?)
}

/// The SQL of a page of interventions read as `select` says: the filter's terms after the
/// cursor, in the query's order, over each range the caller may see (`visibility::narrow`);
/// several ranges are read side by side in that order and merged (SQLite's MERGE of a UNION
/// ALL), so the page stops at its size. Binds, for each range: the cursor (an id, or a
/// `queued_at` and an id), the filter's values, the range's value; then the limit. In
/// `queued_at` order that instant is the last column, after `select`'s, and the page is read
/// from the queued interventions' index, which holds that order (the query is of them alone,
/// `InterventionOrder::refusal`): named, so the planner never sorts the queue instead.
fn page_sql(select: &Select, order: Order, filter: &query::Where, ranges: &[&str]) -> String {
    let Select { columns, joined } = select;
    let (after, extra, index, by) = match order {
        Order::Id => ("i.id > ?", "", "", "1".to_owned()),
        Order::QueuedAt => (
            "(i.queued_at, i.id) > (?, ?)",
            ", i.queued_at",
            " INDEXED BY interventions_queued",
            format!("{}, 1", columns.split(',').count() + 1),
        ),
    };
    let ranges: Vec<String> = ranges
        .iter()
        .map(|range| {
            format!(
                "SELECT {columns}{extra} FROM interventions i{index}{joined} WHERE {after}{}{range}",
                filter.sql
            )
        })
        .collect();
    format!("{} ORDER BY {by} LIMIT ?", ranges.join(" UNION ALL "))
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
        &INTERVENTION_SELECT,
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
    page(conn, caller, q, &REF_SELECT, ref_from_row, |i| &i.id)
}

/// A page of the query's interventions, each read from its row by `from_row` out of the
/// columns `select` names.
fn page<T>(
    conn: &Connection,
    caller: Caller,
    q: &InterventionQuery,
    select: &Select,
    from_row: fn(&Row<'_>) -> rusqlite::Result<T>,
    id: fn(&T) -> &str,
) -> Result<Page<T>, ApiError> {
    let limit = page_limit(q.limit)?;
    if let Some(why) = q.order.refusal(&q.state) {
        return Err(ApiError::BadRequest(why));
    }
    // Each order's cursor has a tag of its own, so one given for the other order is a 400.
    let after: Vec<i64> = match (q.order, &q.cursor) {
        (Order::Id, Some(c)) => decode_cursor::<1>(ID_CURSOR, c)?.to_vec(),
        (Order::QueuedAt, Some(c)) => decode_cursor::<2>(QUEUED_CURSOR, c)?.to_vec(),
        (Order::Id, None) => vec![0],
        (Order::QueuedAt, None) => vec![i64::MIN, 0],
    };
    let filter = query::Where::of(conn, q)?;
    let ranges = visibility::narrow(caller, &q.state);
    let sql = page_sql(
        select,
        q.order,
        &filter,
        &ranges.iter().map(|r| r.0).collect::<Vec<_>>(),
    );
    let mut values = Vec::with_capacity(ranges.len() * (filter.values.len() + 3) + 1);
    for (_, value) in ranges {
        values.extend(after.iter().map(|&k| Value::Integer(k)));
        values.extend(filter.values.iter().cloned());
        values.extend(value);
    }
    values.push(Value::Integer(limit as i64 + 1));
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values), |row| {
            // The instant the page is ordered by, when it is: the last column.
            let queued_at = match q.order {
                Order::Id => 0,
                Order::QueuedAt => row.get(row.as_ref().column_count() - 1)?,
            };
            Ok((from_row(row)?, queued_at))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let page = paginate(items, limit, |(item, queued_at)| {
        let n = Kind::Intervention.parse(id(item)).unwrap_or(0);
        match q.order {
            Order::Id => encode_cursor(ID_CURSOR, &[n]),
            Order::QueuedAt => encode_cursor(QUEUED_CURSOR, &[*queued_at, n]),
        }
    });
    Ok(Page {
        items: page.items.into_iter().map(|(item, _)| item).collect(),
        next_cursor: page.next_cursor,
    })
}

/// The tags of the two orders' cursors.
const ID_CURSOR: &str = "iv";
const QUEUED_CURSOR: &str = "ivq";

#[cfg(test)]
mod tests {
    use livectl_contract::{InterventionQuery, InterventionState, Owner, Role, States};

    use super::*;
    use crate::store::schema;

    /// How SQLite runs a page of each common filter: a seek at the cursor in an index that
    /// holds the page in id order, never a sort of everything after the cursor (a cost that
    /// grows with the data) nor a scan of the table. For an admin (who runs bulk runs and
    /// exports) one index, named; for an agent, the queued ones and its own merged, each a
    /// seek in id order (the queued ones alone, one seek).
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
            for (select, read) in [(&INTERVENTION_SELECT, "whole"), (&REF_SELECT, "refs")] {
                let what = format!("{what} ({read})");
                let plan = |role: Role| {
                    let ranges = visibility::narrow(Caller { agent_id: 2, role }, &q.state);
                    let sql = page_sql(
                        select,
                        Order::Id,
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
                // Every queued intervention is an agent's to see: one range, as an admin's.
                let ranges = if q.state.as_slice() == [InterventionState::Queued] {
                    1
                } else {
                    2
                };
                let merged = (ranges == 1 || agent.iter().any(|p| p == "MERGE (UNION ALL)"))
                    && !agent.iter().any(|p| p.contains("TEMP B-TREE"))
                    && seeks.len() == ranges
                    && seeks.iter().all(seek);
                assert!(merged, "{what}, an agent: {agent:#?}");
            }
        }
    }
    /// The general queue in the order it is served: a seek at the cursor in the queued
    /// interventions' own index, which holds them by `queued_at` then id, never a sort; for an
    /// agent too, whose own interventions are never queued.
    #[test]
    fn the_queue_in_queued_order_seeks_its_cursor_in_the_queued_index() {
        let mut conn = Connection::open_in_memory().expect("open");
        schema::migrate(&mut conn).expect("migrate");
        let q = InterventionQuery {
            state: "queued".parse().expect("states"),
            order: Order::QueuedAt,
            ..InterventionQuery::default()
        };
        let filter = query::Where::of(&conn, &q).expect("filter");
        for select in [&INTERVENTION_SELECT, &REF_SELECT] {
            for role in [Role::Admin, Role::Agent] {
                let ranges = visibility::narrow(Caller { agent_id: 2, role }, &q.state);
                let sql = page_sql(
                    select,
                    Order::QueuedAt,
                    &filter,
                    &ranges.iter().map(|r| r.0).collect::<Vec<_>>(),
                );
                let mut explain = conn
                    .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .expect("plan");
                let nulls = vec![Value::Null; explain.parameter_count()];
                let plan = explain
                    .query_map(params_from_iter(nulls), |r| r.get::<_, String>(3))
                    .expect("rows")
                    .collect::<Result<Vec<_>, _>>()
                    .expect("plan rows");
                assert!(
                    plan[0] == "SEARCH i USING INDEX interventions_queued (queued_at>?)"
                        && !plan
                            .iter()
                            .any(|p| p.contains("TEMP B-TREE") || p.contains("MERGE")),
                    "{role:?}: {plan:#?}"
                );
            }
        }
    }
}
