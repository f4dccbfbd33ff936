//! The contract's intervention query as SQL: each filter a clause, each value bound.

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::error::ApiError;
use crate::store::{ms, reference};
use livectl_contract::limits::normalize_tag;
use livectl_contract::{InterventionQuery, InterventionState, Kind, Owner};

/// ` AND ...` clauses and the values they bind, in order.
#[derive(Debug, Default)]
pub(super) struct Where {
    pub(super) sql: String,
    pub(super) values: Vec<Value>,
}

impl Where {
    fn and(&mut self, clause: &str, value: Option<Value>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(clause);
        self.values.extend(value);
    }

    /// Checks the query's ids and words: a malformed one is a 400, an unknown one a 422.
    pub(super) fn of(conn: &Connection, q: &InterventionQuery) -> Result<Where, ApiError> {
        let mut w = Where::default();
        if !q.state.is_all() {
            // The states are the contract's words, never the caller's text: spelled in the SQL,
            // in the contract's order whatever the caller's, `state IN ('queued', 'assigned')`
            // is the term of the partial indexes of the open interventions (schema.rs), which
            // the planner then uses instead of reading the finished ones. With no owner named,
            // the term is spelled `+i.state`, as `interventions_open` is: the `+` keeps SQLite
            // from `interventions_by_state`, whose two ranges it would read whole and sort for
            // every page; an owner's open ones are `interventions_open_by_owner`'s.
            let words: Vec<String> = InterventionState::ALL
                .iter()
                .filter(|s| q.state.as_slice().contains(s))
                .map(|s| format!("'{}'", s.as_str()))
                .collect();
            let open = words == ["'queued'", "'assigned'"];
            let column = if open && q.owner.is_none() {
                "+i.state"
            } else {
                "i.state"
            };
            // One state is spelled `=`, as the partial index of the queued ones is
            // (`interventions_queued`, which a page in `queued_at` order reads).
            match words.as_slice() {
                [one] => w.and(&format!("{column} = {one}"), None),
                _ => w.and(&format!("{column} IN ({})", words.join(", ")), None),
            }
        }
        match &q.owner {
            None => {}
            Some(Owner::Nobody) => w.and("i.owner_id IS NULL", None),
            Some(Owner::Agent(owner)) => {
                let n = Kind::Agent.parse(owner).ok_or_else(|| {
                    ApiError::BadRequest(format!(
                        "owner must be an agent id such as ag_2, or `none`, not `{owner}`"
                    ))
                })?;
                reference(conn, Kind::Agent, owner)?;
                w.and("i.owner_id = ?", Some(Value::Integer(n)));
            }
        }
        if let Some(department) = &q.department {
            if Kind::Department.parse(department).is_none() {
                return Err(ApiError::BadRequest(format!(
                    "department must be a department id such as dp_1, not `{department}`"
                )));
            }
            let n = reference(conn, Kind::Department, department)?;
            w.and("i.department_id = ?", Some(Value::Integer(n)));
        }
        if let Some(tag) = &q.tag {
            let tag = normalize_tag(tag).map_err(ApiError::BadRequest)?;
            w.and(
                "EXISTS (SELECT 1 FROM json_each(i.tags) WHERE json_each.value = ?)",
                Some(Value::Text(tag)),
            );
        }
        for (value, clause) in [
            (q.queued_before, "i.queued_at < ?"),
            (q.queued_after, "i.queued_at > ?"),
            (q.updated_after, "i.updated_at > ?"),
        ] {
            if let Some(t) = value {
                w.and(clause, Some(Value::Integer(ms(t))));
            }
        }
        Ok(w)
    }
}
