//! Reading a seed file and checking all of it before anything is sent: every error names the
//! file, the line and the field.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::format::{ActionSeed, SeedFile};
use crate::api::models::Sender;
use crate::error::CliError;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

/// Parses and checks a seed file; the error lists every problem found.
pub fn load(path: &Path) -> Result<SeedFile, CliError> {
    let text = std::fs::read(path).map_err(|e| {
        CliError::usage(format!("cannot read the seed file {}: {e}", path.display()))
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        CliError::usage(format!(
            "{} is not a text file; a seed file is YAML or JSON",
            path.display()
        ))
    })?;
    let file = parse(path, &text).map_err(|p| report(path, &[p]))?;
    let problems = check(&file, &text);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(report(path, &problems))
    }
}

fn report(path: &Path, problems: &[Problem]) -> CliError {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let at = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            let field = if p.field.is_empty() {
                String::new()
            } else {
                format!(" {}:", p.field)
            };
            format!("{}{at}:{field} {}", path.display(), p.message)
        })
        .collect();
    CliError::usage(format!(
        "the seed file is not valid ({} problem{}); nothing was sent\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        lines.join("\n")
    ))
    .hint("the format is described in docs/seed.md and docs/seed.schema.json")
}

/// YAML or JSON, by extension, else by the first character.
pub fn parse(path: &Path, text: &str) -> Result<SeedFile, Problem> {
    let json = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => true,
        Some("yaml" | "yml") => false,
        _ => text.trim_start().starts_with('{'),
    };
    let result = if json {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let line = e.inner().line();
            (e.path().to_string(), e.into_inner().to_string(), Some(line))
        })
    } else {
        if let Some(n) = text
            .lines()
            .position(|l| l.trim_start_matches(' ').starts_with('\t'))
        {
            return Err(Problem {
                line: Some(n + 1),
                field: String::new(),
                message: "a tab indents this line; YAML indents with spaces".into(),
            });
        }
        serde_path_to_error::deserialize(serde_yaml_ng::Deserializer::from_str(text)).map_err(|e| {
            let line = e.inner().location().map(|l| l.line());
            let path = e.path().to_string();
            // The YAML error repeats the path and the place; say each once.
            let mut message = e.into_inner().to_string();
            if let Some((prefix, rest)) = message.split_once(": ")
                && path.starts_with(prefix)
            {
                message = rest.to_owned();
            }
            if let Some(cut) = message.rfind(" at line ") {
                message.truncate(cut);
            }
            (path, message, line)
        })
    };
    result.map_err(|(path, message, mut line)| {
        // Serde reports a repeated field where its mapping starts; point at the repeat instead.
        if let Some(name) = message.strip_prefix("duplicate field `").and_then(|m| m.split('`').next()) {
            let starts = |l: &&str| {
                let t = l.trim_start().trim_start_matches("- ");
                t.starts_with(&format!("{name}:")) || t.starts_with(&format!("\"{name}\":"))
            };
            if let Some((n, _)) = text.lines().enumerate().filter(|(_, l)| starts(l)).nth(1) {
                line = Some(n + 1);
            }
        }
        let message = if message.contains("expected struct SeedFile") || message.contains("invalid type: string") && path == "." {
            format!("{message}; a seed file is a YAML or JSON mapping with departments, agents, topics, outcomes, blocks, users and conversations")
        } else {
            message
        };
        Problem { line, field: if path == "." { String::new() } else { path }, message }
    })
}

/// Where a value stands in the text: the first line at or after `anchor`'s that holds `value`
/// as a whole word.
struct Text<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        Text {
            lines: text.lines().collect(),
        }
    }

    fn find(&self, value: &str, from: usize, skip: usize) -> Option<usize> {
        let whole = |line: &str| {
            line.match_indices(value).any(|(i, _)| {
                let before = line[..i].chars().next_back();
                let after = line[i + value.len()..].chars().next();
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
                };
                !word(before) && !word(after)
            })
        };
        self.lines
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(_, l)| whole(l))
            .nth(skip)
            .map(|(n, _)| n)
    }

    /// 1-based line of `value` within the entry whose key is `anchor`.
    fn line(&self, anchor: &str, value: &str) -> Option<usize> {
        let start = self.find(anchor, 0, 0).unwrap_or(0);
        self.find(value, start, 0).map(|n| n + 1)
    }

    /// 1-based line of the `n`th (0-based) appearance of `value`.
    fn nth(&self, value: &str, n: usize) -> Option<usize> {
        self.find(value, 0, n).map(|l| l + 1)
    }
}

/// Every problem a parsed file has that its types cannot say: unknown references, repeated
/// keys, states that the actions cannot reach.
pub fn check(file: &SeedFile, text: &str) -> Vec<Problem> {
    let t = Text::new(text);
    let mut problems = Vec::new();
    let mut problem = |line: Option<usize>, field: String, message: String| {
        problems.push(Problem {
            line,
            field,
            message,
        })
    };

    let mut keys = |section: &str, list: Vec<&str>| -> HashSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, key) in list.iter().enumerate() {
            let count = seen.entry(key).or_insert(0);
            if *count > 0 {
                problem(
                    t.nth(key, *count),
                    format!("{section}[{i}].key"),
                    format!("the key `{key}` is used twice in {section}"),
                );
            }
            *count += 1;
        }
        list.iter().map(|k| (*k).to_owned()).collect()
    };
    let departments = keys(
        "departments",
        file.departments.iter().map(|d| d.key.as_str()).collect(),
    );
    let agents = keys(
        "agents",
        file.agents.iter().map(|a| a.key.as_str()).collect(),
    );
    let topics = keys(
        "topics",
        file.topics.iter().map(|x| x.key.as_str()).collect(),
    );
    let outcomes = keys(
        "outcomes",
        file.outcomes.iter().map(|x| x.key.as_str()).collect(),
    );
    let blocks = keys(
        "blocks",
        file.blocks.iter().map(|x| x.key.as_str()).collect(),
    );
    let users = keys("users", file.users.iter().map(|x| x.key.as_str()).collect());
    keys(
        "conversations",
        file.conversations.iter().map(|x| x.key.as_str()).collect(),
    );
    // What the API refuses, checked here so a load never stops halfway.
    let email_ok = |e: &str| matches!(e.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty());
    let mut text_checks: Vec<(String, &str, &str, usize)> = Vec::new();
    for (section, list) in [
        ("departments", &file.departments),
        ("outcomes", &file.outcomes),
        ("blocks", &file.blocks),
    ] {
        for (n, x) in list.iter().enumerate() {
            text_checks.push((format!("{section}[{n}].key"), &x.key, &x.key, 200));
            text_checks.push((format!("{section}[{n}].name"), &x.key, &x.name, 200));
        }
    }
    for (n, a) in file.agents.iter().enumerate() {
        text_checks.push((format!("agents[{n}].key"), &a.key, &a.key, 200));
        text_checks.push((format!("agents[{n}].name"), &a.key, &a.name, 200));
    }
    for (n, x) in file.topics.iter().enumerate() {
        text_checks.push((format!("topics[{n}].key"), &x.key, &x.key, 200));
        text_checks.push((format!("topics[{n}].name"), &x.key, &x.name, 200));
    }
    for (n, u) in file.users.iter().enumerate() {
        text_checks.push((format!("users[{n}].key"), &u.key, &u.key, 200));
        text_checks.push((format!("users[{n}].name"), &u.key, &u.name, 200));
        if let Some(e) = u.email.as_deref().filter(|e| !email_ok(e)) {
            problem(
                t.line(&u.key, e),
                format!("users[{n}].email"),
                format!("`{e}` is not an email address"),
            );
        }
    }
    for (n, c) in file.conversations.iter().enumerate() {
        text_checks.push((format!("conversations[{n}].key"), &c.key, &c.key, 200));
        for (j, m) in c.messages.iter().enumerate() {
            text_checks.push((
                format!("conversations[{n}].messages[{j}].text"),
                &c.key,
                &m.text,
                10_000,
            ));
        }
        if let Some(iv) = &c.intervention {
            text_checks.push((
                format!("conversations[{n}].intervention.summary"),
                &c.key,
                &iv.summary,
                2_000,
            ));
            if iv.actions.len() > 900 {
                problem(
                    t.line(&c.key, "actions"),
                    format!("conversations[{n}].intervention.actions"),
                    "at most 900 actions per intervention".into(),
                );
            }
        }
    }
    for (field, anchor, value, max) in text_checks {
        if value.trim().is_empty() {
            problem(
                t.line(anchor, "").or(t.line(anchor, anchor)),
                field,
                "must not be empty".into(),
            );
        } else if value.chars().count() > max {
            problem(
                t.line(anchor, anchor),
                field,
                format!("is longer than {max} characters"),
            );
        }
    }
    let mut emails: HashMap<String, &str> = HashMap::new();
    for (n, a) in file.agents.iter().enumerate() {
        if let Some(first) = emails.insert(a.email.to_lowercase(), &a.key) {
            problem(
                t.line(&a.key, &a.email),
                format!("agents[{n}].email"),
                format!("`{}` is already the email of agent `{first}`", a.email),
            );
        }
    }
    let inactive: HashSet<&str> = file
        .agents
        .iter()
        .filter(|a| a.active == Some(false))
        .map(|a| a.key.as_str())
        .collect();

    let missing = |anchor: &str,
                   value: &str,
                   field: String,
                   what: &str,
                   known: &HashSet<String>|
     -> Option<Problem> {
        if known.contains(value) {
            return None;
        }
        let mut list: Vec<&str> = known.iter().map(String::as_str).collect();
        list.sort_unstable();
        let valid = if list.is_empty() {
            format!("the file defines no {what}s")
        } else {
            format!("the {what}s are: {}", list.join(", "))
        };
        Some(Problem {
            line: t.line(anchor, value),
            field,
            message: format!("no {what} has the key `{value}`; {valid}"),
        })
    };
    for (i, a) in file.agents.iter().enumerate() {
        if let Some(d) = &a.department {
            problems.extend(missing(
                &a.key,
                d,
                format!("agents[{i}].department"),
                "department",
                &departments,
            ));
        }
        if !email_ok(&a.email) {
            problems.push(Problem {
                line: t.line(&a.key, &a.email),
                field: format!("agents[{i}].email"),
                message: format!("`{}` is not an email address", a.email),
            });
        }
    }
    for (i, x) in file.topics.iter().enumerate() {
        if let Some(d) = &x.department {
            problems.extend(missing(
                &x.key,
                d,
                format!("topics[{i}].department"),
                "department",
                &departments,
            ));
        }
    }
    for (i, c) in file.conversations.iter().enumerate() {
        problems.extend(missing(
            &c.key,
            &c.user,
            format!("conversations[{i}].user"),
            "user",
            &users,
        ));
        for (j, m) in c.messages.iter().enumerate() {
            let field = format!("conversations[{i}].messages[{j}].agent");
            match (m.sender, &m.agent) {
                (Sender::Agent, Some(a)) => {
                    problems.extend(missing(&c.key, a, field, "agent", &agents))
                }
                (Sender::Agent, None) => problems.push(Problem {
                    line: t.line(&c.key, "agent"),
                    field,
                    message: "an agent message needs the agent's key".into(),
                }),
                (_, Some(a)) => problems.push(Problem {
                    line: t.line(&c.key, a),
                    field,
                    message: format!(
                        "only agent messages name an agent; this one is from the {}",
                        m.sender
                    ),
                }),
                (_, None) => {}
            }
        }
        let Some(iv) = &c.intervention else { continue };
        if let Some(d) = &iv.department {
            problems.extend(missing(
                &c.key,
                d,
                format!("conversations[{i}].intervention.department"),
                "department",
                &departments,
            ));
        }
        // Walk the state machine of DESIGN.md section 3.
        let mut state = "queued";
        let mut owner: Option<&str> = None;
        for (j, action) in iv.actions.iter().enumerate() {
            let field = format!("conversations[{i}].intervention.actions[{j}]");
            let (name, allowed): (&str, &[&str]) = match action {
                ActionSeed::Assign(_) => ("assign", &["queued"]),
                ActionSeed::Reassign(_) => ("reassign", &["assigned"]),
                ActionSeed::Return(_) => ("return", &["assigned"]),
                ActionSeed::Cancel(_) => ("cancel", &["queued", "assigned"]),
                ActionSeed::Complete(_) => ("complete", &["assigned"]),
            };
            if !allowed.contains(&state) {
                problems.push(Problem {
                    line: t.line(&c.key, name),
                    field: field.clone(),
                    message: format!("{name} cannot follow here: the intervention is {state} by then, and {name} needs it {}", allowed.join(" or ")),
                });
                break;
            }
            match action {
                ActionSeed::Assign(agent)
                | ActionSeed::Reassign(super::format::ReassignSeed { to: agent, .. }) => {
                    problems.extend(missing(
                        &c.key,
                        agent,
                        format!("{field}.{name}"),
                        "agent",
                        &agents,
                    ));
                    if inactive.contains(agent.as_str()) {
                        problems.push(Problem {
                            line: t.line(&c.key, agent),
                            field: format!("{field}.{name}"),
                            message: format!("agent `{agent}` is inactive and receives no work"),
                        });
                    }
                    if name == "reassign" && owner == Some(agent.as_str()) {
                        problems.push(Problem {
                            line: t.line(&c.key, agent),
                            field: format!("{field}.reassign.to"),
                            message: format!("`{agent}` already owns it by then"),
                        });
                    }
                    state = "assigned";
                    owner = Some(agent);
                }
                ActionSeed::Return(_) => {
                    state = "queued";
                    owner = None;
                }
                ActionSeed::Cancel(_) => state = "cancelled",
                ActionSeed::Complete(done) => {
                    problems.extend(missing(
                        &c.key,
                        &done.topic,
                        format!("{field}.complete.topic"),
                        "topic",
                        &topics,
                    ));
                    problems.extend(missing(
                        &c.key,
                        &done.outcome,
                        format!("{field}.complete.outcome"),
                        "outcome",
                        &outcomes,
                    ));
                    if let Some(b) = &done.block {
                        problems.extend(missing(
                            &c.key,
                            b,
                            format!("{field}.complete.block"),
                            "block",
                            &blocks,
                        ));
                    }
                    state = "completed";
                }
            }
        }
    }
    problems
}
