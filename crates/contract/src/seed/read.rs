//! Reading a seed file: YAML or JSON parsed into the document, every error naming the file,
//! the line and the field; then checked whole (`validate`) before anything is sent.

use std::path::{Path, PathBuf};

use super::format::SeedFile;
use super::validate::{check, max_load_problem};
use crate::written::Written;
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
pub fn load(path: &Path, now: jiff::Timestamp) -> Result<SeedFile, Invalid> {
    let bytes = std::fs::File::open(path)
        .and_then(|file| read_whole(path, file))
        .map_err(|e| Invalid {
            path: path.to_owned(),
            problems: Vec::new(),
            reason: Some(format!("cannot read the seed file {}: {e}", path.display())),
        })??;
    read_bytes(path, bytes, now)
}

/// A seed document read from `name` (a file, or `stdin`) to its end, unless it is larger than
/// `limits::SEED_BYTES`.
pub fn read_whole(
    name: &Path,
    reader: impl std::io::Read,
) -> std::io::Result<Result<Vec<u8>, Invalid>> {
    Ok(
        crate::limits::read_at_most(reader, crate::limits::SEED_BYTES)?.ok_or_else(|| Invalid {
            path: name.to_owned(),
            problems: Vec::new(),
            reason: Some(format!(
                "{} is larger than the {} a seed document may be; split it into several",
                name.display(),
                crate::limits::bytes_said(crate::limits::SEED_BYTES)
            )),
        }),
    )
}

/// Parses and checks a seed document read from `name` (a file, or `stdin`).
pub fn read_bytes(name: &Path, bytes: Vec<u8>, now: jiff::Timestamp) -> Result<SeedFile, Invalid> {
    let text = String::from_utf8(bytes).map_err(|_| Invalid {
        path: name.to_owned(),
        problems: Vec::new(),
        reason: Some(format!(
            "{} is not a text file; a seed document is YAML or JSON",
            name.display()
        )),
    })?;
    read(name, &text, now)
}

/// Parses and checks the text of a seed file named `path`. A byte order mark before it (as
/// some Windows editors save UTF-8) is not part of the document.
pub fn read(path: &Path, text: &str, now: jiff::Timestamp) -> Result<SeedFile, Invalid> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Nothing to read (an empty or truncated file, a YAML file of comments) read as a seed of
    // nothing: exit 0 with "0 created", which a pipeline cannot tell from a seed applied.
    if holds_nothing(is_json(path, text), text) {
        let what = if path == Path::new("stdin") {
            "stdin".to_owned()
        } else {
            format!("the seed file {}", path.display())
        };
        return Err(Invalid {
            path: path.to_owned(),
            problems: Vec::new(),
            reason: Some(format!(
                "{what} holds no seed data (it is empty, comments or null); nothing was sent"
            )),
        });
    }
    let invalid = |problems: Vec<Problem>| Invalid {
        path: path.to_owned(),
        problems,
        reason: None,
    };
    let file = parse(path, text).map_err(|first| {
        // Serde stops at the first problem; each entry read alone shows the others.
        let mut problems = vec![first];
        for more in entry_problems(is_json(path, text), text) {
            if !problems.iter().any(|p| p.field == more.field) {
                problems.push(more);
            }
        }
        problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        invalid(problems)
    })?;
    let problems = check(&file, text, now);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(invalid(problems))
    }
}

/// No seed data at all: only white space, or YAML of comments, document markers and null
/// alone (`{}` is a document, of nothing). Read line by line: a seed is parsed once.
fn holds_nothing(json: bool, text: &str) -> bool {
    if json {
        return text.trim().is_empty();
    }
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty()
            || line.starts_with('#')
            || matches!(line, "---" | "..." | "~" | "null" | "Null" | "NULL")
    })
}

/// JSON by extension, else by the first character; YAML otherwise.
fn is_json(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => true,
        Some("yaml" | "yml") => false,
        _ => text.trim_start().starts_with('{'),
    }
}

/// YAML or JSON, by extension, else by the first character.
pub fn parse(path: &Path, text: &str) -> Result<SeedFile, Problem> {
    let json = is_json(path, text);
    let result = if json {
        if let Some(problem) = json_not_a_mapping(text) {
            return Err(problem);
        }
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de)
            .map_err(|e| {
                let line = e.inner().line();
                // The line is said before the message; its column is of no help.
                let message = without_place(e.inner().to_string());
                (e.path().to_string(), message, Some(line))
            })
            .and_then(|seed| {
                // Whatever follows the document (a second one, a fragment) would be dropped
                // unread: the file is refused instead, as a YAML file with two documents is.
                de.end()
                    .map(|()| seed)
                    .map_err(|e| (".".to_owned(), MORE_THAN_ONE.to_owned(), Some(e.line())))
            })
    } else {
        serde_path_to_error::deserialize(serde_yaml_ng::Deserializer::from_str(text)).map_err(|e| {
            let line = e.inner().location().map(|l| l.line());
            // A tab where the line's indentation is: said as such, not as the parser's token.
            // A tab inside a block of text (pasted code) is text, and loads.
            if let Some(n) = line
                && text
                    .lines()
                    .nth(n.saturating_sub(1))
                    .is_some_and(|l| l.trim_start_matches(' ').starts_with('\t'))
            {
                return (".".to_owned(), TAB_INDENTS.to_owned(), line);
            }
            let path = e.path().to_string();
            // The YAML error repeats the path and the place; say each once.
            let mut message = e.into_inner().to_string();
            if let Some((prefix, rest)) = message.split_once(": ")
                && path.starts_with(prefix)
            {
                message = rest.to_owned();
            }
            (path, without_place(message), line)
        })
    };
    result.map_err(|(path, message, mut line)| {
        // YAML's parser reports a repeated field where its mapping starts; point at the repeat
        // instead: the second line from there naming it at the column of the first (the second
        // line of that name in the whole file was said, another entry's: new user). JSON's
        // reports the repeat itself.
        if !json
            && let Some(name) = message
                .strip_prefix("duplicate field `")
                .and_then(|m| m.split('`').next())
        {
            let column = |l: &str| {
                let t = l.trim_start().trim_start_matches("- ");
                (t.starts_with(&format!("{name}:")) || t.starts_with(&format!("\"{name}\":")))
                    .then(|| l.len() - t.len())
            };
            let from = line.unwrap_or(1).saturating_sub(1);
            let mut named = text
                .lines()
                .enumerate()
                .skip(from)
                .filter_map(|(n, l)| column(l).map(|c| (n, c)));
            if let Some((_, first)) = named.next()
                && let Some((n, _)) = named.find(|(_, c)| *c == first)
            {
                line = Some(n + 1);
            }
        }
        // The whole document is not a mapping: say what it is instead.
        let message = match message.strip_prefix("invalid type: ") {
            Some(rest) if path == "." && rest.ends_with(", expected struct SeedFile") => {
                let unexpected = rest.trim_end_matches(", expected struct SeedFile");
                format!("{NOT_A_MAPPING}; found {}", found(unexpected))
            }
            _ => as_text::not_text(&Text::new(text), &path, line, &message)
                .unwrap_or_else(|| in_words(&message)),
        };
        Problem {
            line,
            field: if path == "." { String::new() } else { path },
            message,
        }
    })
}

const MORE_THAN_ONE: &str = "more follows the document here; a seed file holds one document (load each file with a seed of its own)";
const TAB_INDENTS: &str = "a tab indents this line; YAML indents with spaces";

const NOT_A_MAPPING: &str = "a seed file is a YAML or JSON mapping with departments, agents, topics, outcomes, blocks, users and conversations";

/// A JSON document that is not an object (serde would read `[1, 2]` as a struct's fields).
fn json_not_a_mapping(text: &str) -> Option<Problem> {
    if text.trim_start().starts_with('{') {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let found = match value {
        serde_json::Value::Object(_) => return None,
        serde_json::Value::Array(_) => "a list".to_owned(),
        serde_json::Value::String(s) => format!("the text {:?}", s),
        serde_json::Value::Number(n) => format!("the number {n}"),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Null => "nothing".to_owned(),
    };
    Some(Problem {
        line: Some(1),
        field: String::new(),
        message: format!("{NOT_A_MAPPING}; found {found}"),
    })
}

/// What serde names an unexpected value (`sequence`, `integer `1``), in the document's words.
fn found(unexpected: &str) -> String {
    let quoted = |what: &str| {
        unexpected
            .strip_prefix(what)
            .map(|v| v.trim_matches('`').to_owned())
    };
    if let Some(text) = unexpected.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        format!("the number {n}")
    } else if let Some(b) = quoted("boolean ") {
        b
    } else {
        match unexpected {
            "sequence" => "a list".to_owned(),
            "map" => "a mapping".to_owned(),
            "unit value" => "nothing".to_owned(),
            other => other.to_owned(),
        }
    }
}

/// A parser's message with the document's words for what was expected, where serde names its
/// Rust types (`expected struct MessageSeed`, `expected a sequence`).
fn in_words(message: &str) -> String {
    const WORDS: [(&str, &str); 12] = [
        (
            "struct MessageSeed",
            "a message: a mapping of `sender`, `text`, `agent` and `at`",
        ),
        (
            "struct ConversationSeed",
            "a conversation: a mapping of `key`, `user`, `started_at`, `messages` and `intervention`",
        ),
        (
            "struct InterventionSeed",
            "an intervention: a mapping of `summary`, `department`, `queued_at` and `actions`",
        ),
        (
            "struct AgentInput",
            "an agent: a mapping of `key`, `name`, `email`, `role`, `department`, `status`, `status_since`, `active` and `max_load`",
        ),
        ("struct NamedInput", "a mapping of `key` and `name`"),
        (
            "struct TopicInput",
            "a topic: a mapping of `key`, `name` and `department`",
        ),
        (
            "struct UserInput",
            "a user: a mapping of `key`, `name`, `email` and `channel`",
        ),
        (
            "struct ReassignSeed",
            "a mapping of `to`, `reason`, `at` and `by`",
        ),
        ("struct ReasonSeed", "a mapping of `reason`, `at` and `by`"),
        (
            "struct CompleteSeed",
            "a mapping of `topic`, `outcome`, `tags`, `block`, `at` and `by`",
        ),
        (
            "enum ActionSeed",
            "an action: `assign`, `reassign`, `return`, `cancel` or `complete`",
        ),
        ("a sequence", "a list"),
    ];
    match message.rsplit_once(", expected ") {
        Some((before, expected)) => {
            let expected = WORDS
                .iter()
                .find(|(rust, _)| *rust == expected)
                .map_or(expected, |(_, words)| words);
            format!("{before}, expected {expected}")
        }
        None => message.to_owned(),
    }
}

/// A parser's message without the place it ends with (` at line 3 column 7`): the problem's
/// line is said before it. Only that ending is cut, never words of the file's own.
fn without_place(mut message: String) -> String {
    let place = message.rsplit_once(" at line ").and_then(|(_, place)| {
        let (line, column) = place.split_once(" column ")?;
        let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (number(line) && number(column)).then_some(place.len() + " at line ".len())
    });
    if let Some(cut) = place {
        message.truncate(message.len() - cut);
    }
    message
}

/// The first problem of each entry of each section, every entry read alone: what a parse of
/// the whole file, which stops at its first problem, did not reach. Lines are found by the
/// entry's key and the field's name. Nothing when the file does not parse as YAML or JSON.
fn entry_problems(json: bool, text: &str) -> Vec<Problem> {
    let lines = Text::new(text);
    let mut found = Vec::new();
    if json {
        let Ok(serde_json::Value::Object(doc)) = serde_json::from_str(text) else {
            return found;
        };
        for (section, entries) in doc {
            let serde_json::Value::Array(entries) = entries else {
                continue;
            };
            for (n, entry) in entries.into_iter().enumerate() {
                // A key written as a number (`"key": 42`) still finds its line.
                let key = entry.get("key").and_then(|k| match k {
                    serde_json::Value::String(k) => Some(k.clone()),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                });
                let at = Entry {
                    section: &section,
                    n,
                    key: key.as_deref(),
                    lines: &lines,
                };
                found.extend(at.problem(entry));
            }
        }
    } else {
        let Ok(Written::Map(doc)) = serde_yaml_ng::from_str(text) else {
            return found;
        };
        for (section, entries) in doc {
            let (Written::Text(section), Written::List(entries)) = (section, entries) else {
                continue;
            };
            for (n, entry) in entries.into_iter().enumerate() {
                // A key written as a number (`key: 7`) still finds its line.
                let key = entry.key();
                let at = Entry {
                    section: &section,
                    n,
                    key: key.as_deref(),
                    lines: &lines,
                };
                // Read from text, as the whole file is: a plain `5` is then text where text is
                // expected, as it was there.
                let Ok(alone) = serde_yaml_ng::to_string(&entry) else {
                    continue;
                };
                found.extend(at.problem(serde_yaml_ng::Deserializer::from_str(&alone)));
            }
        }
    }
    found
}

/// One entry of a section, to read alone.
struct Entry<'a> {
    section: &'a str,
    n: usize,
    key: Option<&'a str>,
    lines: &'a Text<'a>,
}

impl Entry<'_> {
    /// Its first problem, if any: read as its section's type.
    fn problem<'de, D>(&self, entry: D) -> Option<Problem>
    where
        D: serde::Deserializer<'de>,
    {
        use super::format::ConversationSeed;
        use crate::requests::{AgentInput, NamedInput, TopicInput, UserInput};
        match self.section {
            "departments" | "outcomes" | "blocks" => self.read::<NamedInput, D>(entry).err(),
            "agents" => {
                let agent = match self.read::<AgentInput, D>(entry) {
                    Ok(agent) => agent,
                    Err(problem) => return Some(problem),
                };
                // A value out of its range is the entry's problem as a wrong type is.
                let field = format!("agents[{}].max_load", self.n);
                max_load_problem(self.lines, &field, self.key?, agent.max_load.as_ref()?)
            }
            "topics" => self.read::<TopicInput, D>(entry).err(),
            "users" => self.read::<UserInput, D>(entry).err(),
            "conversations" => self.read::<ConversationSeed, D>(entry).err(),
            // An unknown section is the whole parse's problem.
            _ => None,
        }
    }

    fn read<'de, T, D>(&self, entry: D) -> Result<T, Problem>
    where
        T: serde::Deserialize<'de>,
        D: serde::Deserializer<'de>,
    {
        let error = match serde_path_to_error::deserialize::<D, T>(entry) {
            Ok(read) => return Ok(read),
            Err(error) => error,
        };
        let within = error.path().to_string();
        let mut message = in_words(&without_place(error.into_inner().to_string()));
        // A YAML error repeats the path: say it once.
        if let Some((prefix, rest)) = message.split_once(": ")
            && within.starts_with(prefix)
        {
            message = rest.to_owned();
        }
        let field = if within == "." {
            format!("{}[{}]", self.section, self.n)
        } else {
            format!("{}[{}].{within}", self.section, self.n)
        };
        // The line of the field's name (or of the unknown field a message names) within the
        // entry, found from the entry's key.
        let name = message
            .strip_prefix("unknown field `")
            .and_then(|m| m.split('`').next())
            .map(str::to_owned)
            .or_else(|| {
                within
                    .rsplit('.')
                    .next()
                    .map(|last| last.split('[').next().unwrap_or(last).to_owned())
                    .filter(|last| !last.is_empty() && last != ".")
            });
        // Walked by its path (JSON's members, YAML's indentation); otherwise (YAML in flow
        // style) the entry's key and the field's name find it, outside nested lists (where a
        // name repeats).
        let line = self
            .lines
            .locate(&field)
            .or_else(|| match (self.key, name) {
                _ if within.contains('[') => None,
                (Some(key), Some(name)) => self.lines.line(key, &name),
                (Some(key), None) => self.lines.line(key, key),
                _ => None,
            });
        let message = as_text::not_text(self.lines, &field, line, &message).unwrap_or(message);
        Err(Problem {
            line,
            field,
            message,
        })
    }
}

/// A line of YAML: its indentation, the column of its first key (after any `- ` marks), and
/// the text from that key on.
fn layout(line: &str) -> (usize, usize, &str) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut key = indent;
    let mut rest = &line[indent..];
    while let Some(after) = rest.strip_prefix("- ") {
        let spaces = after.len() - after.trim_start_matches(' ').len();
        key += 2 + spaces;
        rest = &after[spaces..];
    }
    (indent, key, rest)
}

/// A line that holds nothing: empty, or a comment.
fn blank(line: &str) -> bool {
    let text = line.trim_start();
    text.is_empty() || text.starts_with('#')
}

/// Where a value stands in the text: found by its path (YAML's indentation walked, JSON's
/// members and items), else the first line at or after `anchor`'s that holds `value` as a
/// whole word.
pub(super) struct Text<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    /// The line of every path of a JSON document, walked when first asked for (only a
    /// document with a problem is).
    json: std::cell::OnceCell<Option<std::collections::HashMap<String, usize>>>,
}

impl<'a> Text<'a> {
    pub(super) fn new(text: &'a str) -> Text<'a> {
        Text {
            text,
            lines: text.lines().collect(),
            json: std::cell::OnceCell::new(),
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

    /// 1-based line of a field named by its path (`conversations[0].messages[1].sender`): in
    /// JSON, the line of its name (of its start, for an item of a list); in YAML written in
    /// blocks, walked by indentation: each name a key deeper than the one before, each index
    /// the item of that list. None when the document has no such path, or is not laid out so
    /// (YAML in flow style).
    pub(super) fn locate(&self, path: &str) -> Option<usize> {
        match self.json.get_or_init(|| json::places(self.text)) {
            Some(places) => places.get(path).copied(),
            None => self.walk(path),
        }
    }

    /// `locate` in YAML.
    fn walk(&self, path: &str) -> Option<usize> {
        let mut at = 0;
        // The column a key must be deeper than: its parent key's, or its item's `- `.
        let mut within: Option<usize> = None;
        // Where the walk stops in flow style (`{...}`, `[...]`): the line it reached holds
        // what it looks for, or starts it.
        let flow = |at: usize| {
            self.lines
                .get(at)
                .is_some_and(|l| l.contains('{') || l.contains('['))
                .then_some(at + 1)
        };
        for segment in path.split('.') {
            let (name, index) = match segment.split_once('[') {
                Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
                None => (segment, None),
            };
            // The key, deeper than its parent, before the parent ends.
            let line = self
                .lines
                .iter()
                .enumerate()
                .skip(at)
                .filter(|(_, line)| !blank(line))
                .map(|(n, line)| (n, layout(line)))
                .take_while(|(n, (indent, _, _))| *n == at || within.is_none_or(|w| *indent > w))
                .find(|(_, (_, key, rest))| {
                    within.is_none_or(|w| *key > w)
                        && rest.strip_prefix(name).is_some_and(|r| r.starts_with(':'))
                })
                .map(|(n, (_, key, _))| (n, key));
            let Some((line, key)) = line else {
                return if within.is_some() { flow(at) } else { None };
            };
            at = line;
            within = Some(key);
            let Some(index) = index else { continue };
            // The list's items: lines whose `- ` stands at one column, deeper than the key or
            // at its column (`- ` written under the key).
            let items = self
                .lines
                .iter()
                .enumerate()
                .skip(at + 1)
                .filter(|(_, line)| !blank(line))
                .map(|(n, line)| (n, layout(line).0, line.trim_start().starts_with("- ")))
                .take_while(|(_, indent, dash)| *indent > key || (*indent == key && *dash))
                .filter(|(_, _, dash)| *dash);
            let Some((_, column, _)) = items.clone().next() else {
                return flow(at);
            };
            let (line, _, _) = items
                .filter(|(_, indent, _)| *indent == column)
                .nth(index)?;
            at = line;
            within = Some(column);
        }
        Some(at + 1)
    }

    /// 1-based line of `field` found by its path (`locate`), or else of the nearest part of
    /// the document that holds it (the item of a field left out, the line a flow map starts);
    /// failing both, the first line at or after `anchor`'s that holds `value`.
    pub(super) fn place(&self, field: &str, anchor: &str, value: &str) -> Option<usize> {
        let mut path = field;
        loop {
            if let Some(line) = self.locate(path) {
                return Some(line);
            }
            match path.rsplit_once('.') {
                Some((parent, _)) => path = parent,
                None => return self.line(anchor, value),
            }
        }
    }

    /// The value of `name` as written on the 1-based `line` (`name: 1e3  # note`, or
    /// `"name": 1e3,` in JSON): a plain one, up to a comment or the next field.
    pub(super) fn value_at(&self, line: usize, name: &str) -> Option<&str> {
        self.written_at(line, name).filter(|v| !v.is_empty())
    }

    /// As `value_at`, and empty when nothing is written after the name (`name:  # note`). None
    /// when the line names it more than once (minified JSON: `{"max_load":20000},
    /// {"max_load":-7}`), whose value is whose the line cannot say: the second entry was said
    /// to be `not 20000`, the first's (new user).
    fn written_at(&self, line: usize, name: &str) -> Option<&str> {
        let text = self.lines.get(line.checked_sub(1)?)?;
        let (key, rest) = [format!("{name}:"), format!("\"{name}\":")]
            .into_iter()
            .find_map(|key| text.split_once(key.as_str()).map(|(_, rest)| (key, rest)))?;
        if rest.contains(key.as_str()) {
            return None;
        }
        let value = rest
            .split(" #")
            .next()?
            .split([',', '}', ']'])
            .next()?
            .trim();
        (!value.starts_with(['"', '\'', '{', '['])).then_some(value)
    }

    /// 1-based line of the `n`th (0-based) appearance of `value`.
    pub(super) fn nth(&self, value: &str, n: usize) -> Option<usize> {
        self.find(value, 0, n).map(|l| l + 1)
    }
}

mod as_text;
mod json;
#[cfg(test)]
mod tests;
