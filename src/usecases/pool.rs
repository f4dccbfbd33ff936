//! Routing pools: where `--to` takes an agent it also takes a pool, resolved when items are
//! handed out, least loaded first and never above an agent's `max_load`.
//!
//! - `@online`: the active agents who are online;
//! - `@department`: the online agents of each intervention's own department (the department its
//!   topic routes to);
//! - `@department:NAME`: the online agents of that department (an id, a key or a name).
//!
//! `--include-away` widens a pool to agents who are away (never to those offline).

use std::fmt;
use std::str::FromStr;

use crate::model::DEPARTMENT_POOL;

/// The forms a pool takes, for messages.
pub const FORMS: &str = "@online, @department or @department:NAME";

/// A pool of agents, as written after `--to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pool {
    Online,
    /// Each intervention's own department.
    Department,
    /// One department, as named (resolved against the catalog later).
    DepartmentNamed(String),
}

impl Pool {
    /// Whether `--to` text names a pool rather than an agent.
    pub fn is_pool(text: &str) -> bool {
        text.trim_start().starts_with('@')
    }
}

impl FromStr for Pool {
    type Err = String;

    fn from_str(text: &str) -> Result<Pool, String> {
        let t = text.trim();
        match t {
            "@online" => Ok(Pool::Online),
            DEPARTMENT_POOL => Ok(Pool::Department),
            _ => match t.strip_prefix("@department:").map(str::trim) {
                Some(name) if !name.is_empty() => Ok(Pool::DepartmentNamed(name.to_owned())),
                Some(_) => Err(format!(
                    "`{t}` names no department; a pool is {FORMS} (such as @department:billing)"
                )),
                None => Err(format!("`{t}` is not a pool; a pool is {FORMS}")),
            },
        }
    }
}

impl fmt::Display for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pool::Online => f.write_str("@online"),
            Pool::Department => f.write_str(DEPARTMENT_POOL),
            Pool::DepartmentNamed(name) => write!(f, "@department:{name}"),
        }
    }
}

/// A pool as a bulk run's plan (and its journal) keeps it in an item's `agent`, resolved to an
/// agent only when the item is sent: `@online`, `@department`, `@department:dp_2` (a named
/// department by id), each followed by `+away` when widened to agents who are away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub pool: Pool,
    /// The department's id, for `@department:NAME`.
    pub department: Option<String>,
    pub include_away: bool,
}

const AWAY: &str = "+away";

impl Route {
    /// Its pool as written in the plan: `@online`, `@department:dp_2` (a named department by
    /// id), without whether it takes agents who are away.
    pub fn pool_text(&self) -> String {
        match (&self.pool, &self.department) {
            (Pool::DepartmentNamed(_), Some(id)) => format!("@department:{id}"),
            (pool, _) => pool.to_string(),
        }
    }

    /// The text kept in the plan.
    pub fn encode(&self) -> String {
        let away = if self.include_away { AWAY } else { "" };
        format!("{}{away}", self.pool_text())
    }

    /// A plan's text as a route; None for an agent (or anything else).
    pub fn decode(text: &str) -> Option<Route> {
        let (pool, include_away) = match text.strip_suffix(AWAY) {
            Some(pool) => (pool, true),
            None => (text, false),
        };
        let pool: Pool = pool.parse().ok()?;
        let department = match &pool {
            Pool::DepartmentNamed(id) => Some(id.clone()),
            _ => None,
        };
        Some(Route {
            pool,
            department,
            include_away,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_parse_and_print_back() {
        for text in ["@online", "@department", "@department:billing"] {
            let pool: Pool = text.parse().unwrap();
            assert_eq!(pool.to_string(), text);
        }
        assert_eq!(
            " @department: Billing team ".parse::<Pool>(),
            Ok(Pool::DepartmentNamed("Billing team".into()))
        );
    }

    #[test]
    fn routes_read_back_what_they_write() {
        for text in [
            "@online",
            "@online+away",
            "@department",
            "@department:dp_2+away",
        ] {
            let route = Route::decode(text).unwrap();
            assert_eq!(route.encode(), text);
        }
        assert_eq!(Route::decode("ag_3"), None);
        assert_eq!(
            Route::decode(&crate::model::NoRoom::pool("@online").mark()),
            None
        );
    }

    #[test]
    fn anything_else_names_the_valid_forms() {
        for text in ["@", "@offline", "@department:", "online", "@Online"] {
            let error = text.parse::<Pool>().unwrap_err();
            assert!(error.contains(FORMS), "{text}: {error}");
        }
    }
}
