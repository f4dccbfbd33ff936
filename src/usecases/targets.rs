//! TARGETS: ids as arguments, `-` for ids on stdin (one a line, or NDJSON objects with an `id`),
//! or the `list` filters.

use std::io::BufRead;

use futures_util::TryStreamExt;
use livectl_client::{Client, FULL_PAGE};
use livectl_contract::{Intervention, InterventionQuery, InterventionState};

use crate::error::CliError;
use crate::ui::Ui;

/// One selected intervention: its id and, when it was listed, the version seen.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub version: Option<i64>,
    /// The owner when it was listed (for spreading).
    pub owner: Option<String>,
    pub state: Option<InterventionState>,
}

impl Target {
    pub fn bare(id: String) -> Target {
        Target {
            id,
            version: None,
            owner: None,
            state: None,
        }
    }
}

/// Where the targets came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Arguments,
    Stdin,
    Filters,
}

/// Parses ids from a reader: blank lines are skipped, duplicates dropped (and counted); a line
/// starting with `{` is an NDJSON object whose `id` is taken.
pub fn read_ids(reader: impl BufRead) -> Result<(Vec<String>, usize), CliError> {
    let mut ids = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut duplicates = 0;
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| CliError::usage(format!("stdin line {}: {e}", n + 1)))?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let id = if text.starts_with('{') {
            let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
                CliError::usage(format!("stdin line {}: not valid JSON: {e}", n + 1)).hint(
                    "give one id a line, or NDJSON objects with an \"id\" (livectl list -o ndjson)",
                )
            })?;
            value
                .get("id")
                .and_then(|v| v.as_str())
                .ok_or_else(|| {
                    CliError::usage(format!(
                        "stdin line {}: the object has no string \"id\"",
                        n + 1
                    ))
                })?
                .to_owned()
        } else if text.split_whitespace().count() > 1 {
            return Err(
                CliError::usage(format!("stdin line {}: `{text}` is not one id", n + 1))
                    .hint("give one id a line, or NDJSON objects with an \"id\""),
            );
        } else {
            text.to_owned()
        };
        if seen.insert(id.clone()) {
            ids.push(id);
        } else {
            duplicates += 1;
        }
    }
    Ok((ids, duplicates))
}

impl From<Intervention> for Target {
    fn from(i: Intervention) -> Target {
        Target {
            id: i.id,
            version: Some(i.version),
            owner: i.owner,
            state: Some(i.state),
        }
    }
}

/// Resolves TARGETS into the interventions to act on: ids, `-` for stdin, or the interventions
/// a query selects (with the version listed, for If-Match).
pub async fn resolve(
    client: &Client,
    ui: &Ui,
    ids: &[String],
    query: Option<InterventionQuery>,
) -> Result<(Vec<Target>, Source), CliError> {
    if !ids.is_empty() && query.is_some() {
        return Err(CliError::usage("give ids or filters, not both"));
    }
    if ids.len() == 1 && ids[0] == "-" {
        let (ids, duplicates) = read_ids(std::io::stdin().lock())?;
        if duplicates > 0 {
            ui.note(format!("ignored {duplicates} repeated id(s) from stdin"));
        }
        if ids.is_empty() {
            return Err(CliError::usage("stdin held no ids"));
        }
        return Ok((ids.into_iter().map(Target::bare).collect(), Source::Stdin));
    }
    if ids.iter().any(|i| i == "-") {
        return Err(CliError::usage(
            "`-` reads ids from stdin and cannot be mixed with ids",
        ));
    }
    if !ids.is_empty() {
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<Target> = ids
            .iter()
            .filter(|i| seen.insert(i.as_str()))
            .map(|i| Target::bare(i.clone()))
            .collect();
        return Ok((unique, Source::Arguments));
    }
    let Some(query) = query else {
        return Err(CliError::usage(
            "name the interventions: ids, `-` to read them from stdin, or filters such as --owner or --older-than",
        ));
    };
    let listed: Vec<Intervention> = client.interventions(query, FULL_PAGE).try_collect().await?;
    Ok((
        listed.into_iter().map(Target::from).collect(),
        Source::Filters,
    ))
}

#[cfg(test)]
mod tests {
    use super::read_ids;

    #[test]
    fn stdin_ids_skip_blanks_and_repeats_and_read_ndjson() {
        let input = "iv_1\n\n  iv_2  \n{\"id\":\"iv_3\",\"state\":\"queued\"}\niv_1\n";
        let (ids, duplicates) = read_ids(input.as_bytes()).unwrap();
        assert_eq!(ids, ["iv_1", "iv_2", "iv_3"]);
        assert_eq!(duplicates, 1);
    }

    #[test]
    fn malformed_stdin_names_the_line() {
        let e = read_ids("iv_1\n{\"id\": \n".as_bytes()).unwrap_err();
        assert!(e.message.contains("stdin line 2"), "{}", e.message);
        let e = read_ids("{\"name\":\"x\"}\n".as_bytes()).unwrap_err();
        assert!(e.message.contains("no string \"id\""), "{}", e.message);
        let e = read_ids("iv_1 iv_2\n".as_bytes()).unwrap_err();
        assert!(e.message.contains("not one id"), "{}", e.message);
    }
}
