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
            "@department" => Ok(Pool::Department),
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
            Pool::Department => f.write_str("@department"),
            Pool::DepartmentNamed(name) => write!(f, "@department:{name}"),
        }
    }
}

/// What an item's `agent` holds when no agent of its pool had room: the item is planned (so it
/// is counted and reported) but never sent. Real agent ids never start with `@`.
pub fn unplaced(to: &str) -> String {
    format!("{UNPLACED}{to}")
}

const UNPLACED: &str = "@none: ";

/// Whether an item's agent is the mark of `unplaced`.
pub fn is_unplaced(agent: &str) -> bool {
    agent.starts_with(UNPLACED)
}

/// For the mark of `unplaced`, what `--to` said (`@online`, `Ana Lima and Bo Chen`).
pub fn unplaced_in(agent: &str) -> Option<&str> {
    agent.strip_prefix(UNPLACED)
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
    fn anything_else_names_the_valid_forms() {
        for text in ["@", "@offline", "@department:", "online", "@Online"] {
            let error = text.parse::<Pool>().unwrap_err();
            assert!(error.contains(FORMS), "{text}: {error}");
        }
    }
}
