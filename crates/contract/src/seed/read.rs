//! Reading a seed file: YAML or JSON parsed into the document, every error naming the file,
//! the line and the field; then checked whole (`validate`) before anything is sent.

use std::path::{Path, PathBuf};

use super::format::SeedFile;
use super::validate::check;
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

/// A seed file that cannot be loaded, with every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub path: PathBuf,
    /// Empty when the file could not be read at all (see `reason`).
    pub problems: Vec<Problem>,
    pub reason: Option<String>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(reason) = &self.reason {
            return f.write_str(reason);
        }
        write!(
            f,
            "the seed file is not valid ({} problem{}); nothing was sent",
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            let at = p.line.map(|l| format!(":{l}")).unwrap_or_default();
            let field = if p.field.is_empty() {
                String::new()
            } else {
                format!(" {}:", p.field)
            };
            write!(f, "\n{}{at}:{field} {}", self.path.display(), p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

/// Parses and checks a seed file; the error lists every problem found.
pub fn load(path: &Path) -> Result<SeedFile, Invalid> {
    let unreadable = |reason: String| Invalid {
        path: path.to_owned(),
        problems: Vec::new(),
        reason: Some(reason),
    };
    let bytes = std::fs::read(path)
        .map_err(|e| unreadable(format!("cannot read the seed file {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        unreadable(format!(
            "{} is not a text file; a seed file is YAML or JSON",
            path.display()
        ))
    })?;
    read(path, &text)
}

/// Parses and checks the text of a seed file named `path`.
pub fn read(path: &Path, text: &str) -> Result<SeedFile, Invalid> {
    let invalid = |problems: Vec<Problem>| Invalid {
        path: path.to_owned(),
        problems,
        reason: None,
    };
    let file = parse(path, text).map_err(|p| invalid(vec![p]))?;
    let problems = check(&file, text);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(invalid(problems))
    }
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
pub(super) struct Text<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Text<'a> {
    pub(super) fn new(text: &'a str) -> Text<'a> {
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
    pub(super) fn line(&self, anchor: &str, value: &str) -> Option<usize> {
        let start = self.find(anchor, 0, 0).unwrap_or(0);
        self.find(value, start, 0).map(|n| n + 1)
    }

    /// 1-based line of the `n`th (0-based) appearance of `value`.
    pub(super) fn nth(&self, value: &str, n: usize) -> Option<usize> {
        self.find(value, 0, n).map(|l| l + 1)
    }
}
