//! How a run shapes its data for scripts, as gh does: `--json FIELDS` keeps those fields,
//! `--jq EXPR` filters the JSON through a jq program, `--sort FIELD` orders a list.

use std::io::Write;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::jq::{Jq, Stop};
use crate::error::CliError;

#[derive(Debug, Clone, Default)]
pub struct Shape {
    /// `--json`: the fields to keep; empty when none were named (then the run lists them).
    pub fields: Option<Vec<String>>,
    pub jq: Option<Arc<Jq>>,
    pub sort: Option<Sort>,
}

/// `--sort [-]FIELD`: the field a list is ordered by, and whether the other way (a leading
/// `-`, as in `--sort -queued`). What has no value comes last either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub field: String,
    pub descending: bool,
}

impl Sort {
    /// The flag's value read: `-` before the field turns the order (`--sort -owner` reaches
    /// here joined to its flag, `cli::join_hyphen_values`).
    pub fn parse(given: &str) -> Result<Sort, CliError> {
        let (field, descending) = match given.strip_prefix('-') {
            Some(field) => (field, true),
            None => (given, false),
        };
        if field.is_empty() {
            return Err(CliError::usage(format!("--sort: `{given}` names no field"))
                .hint("such as --sort queued, or --sort -queued for the newest first"));
        }
        Ok(Sort {
            field: field.to_owned(),
            descending,
        })
    }
}

impl Shape {
    /// From the flags; a jq expression that does not compile is a usage error here, before
    /// anything is sent.
    pub fn new(
        json: Option<&str>,
        jq: Option<&str>,
        sort: Option<&str>,
    ) -> Result<Shape, CliError> {
        // A field named twice is kept once, where it was first named (`id,state,id`).
        let fields = json.map(|list| {
            let mut fields: Vec<String> = Vec::new();
            for field in list.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                if !fields.iter().any(|f| f == field) {
                    fields.push(field.to_owned());
                }
            }
            fields
        });
        let jq = jq
            .map(|expr| {
                Jq::compile(expr).map(Arc::new).map_err(|e| {
                    CliError::usage(e.to_string())
                        .hint("see https://jqlang.org/manual/ for the language")
                })
            })
            .transpose()?;
        Ok(Shape {
            fields,
            jq,
            sort: sort.map(Sort::parse).transpose()?,
        })
    }

    /// Whether the output is JSON shaped by these flags.
    pub fn is_json(&self) -> bool {
        self.fields.is_some() || self.jq.is_some()
    }

    /// The named fields and the sort key must be among `known`; `--json` with none lists them.
    pub fn check(&self, known: &[&str]) -> Result<(), CliError> {
        self.check_titled(known, &[])
    }

    /// As `check`, the sort key may also be the title of a column of `titled` (a list's
    /// `Row::TITLED`), whose key need not be a field (`waiting`).
    pub fn check_titled(&self, known: &[&str], titled: &[(&str, &str)]) -> Result<(), CliError> {
        let valid = || known.join(", ");
        if let Some(fields) = &self.fields {
            if fields.is_empty() {
                let such = known.iter().take(2).copied().collect::<Vec<_>>().join(",");
                return Err(CliError::usage(format!("--json needs fields: {}", valid()))
                    .hint(format!("name them comma-separated, such as --json {such}")));
            }
            if let Some(bad) = fields.iter().find(|f| !known.contains(&f.as_str())) {
                return Err(CliError::usage(format!(
                    "--json: unknown field `{bad}`; the fields are: {}",
                    valid()
                )));
            }
        }
        if let Some(sort) = self.sort_field(titled)
            && !known.contains(&sort)
            && !titled.iter().any(|(_, key)| *key == sort)
        {
            // The columns' titles sort too: said beside the fields when there are any.
            let titles: Vec<&str> = titled.iter().map(|(title, _)| *title).collect();
            let titles = if titles.is_empty() {
                String::new()
            } else {
                format!("; or a column's title: {}", titles.join(", "))
            };
            return Err(CliError::usage(format!(
                "--sort: unknown field `{sort}`; the fields are: {}{titles}",
                valid()
            )));
        }
        Ok(())
    }

    /// One item with only the fields asked for (keys in their sorted order, as gh prints them).
    pub fn project(&self, value: Value) -> Value {
        match (&self.fields, value) {
            (Some(fields), Value::Object(mut map)) if !fields.is_empty() => Value::Object(
                fields
                    .iter()
                    .map(|f| (f.clone(), map.remove(f).unwrap_or(Value::Null)))
                    .collect(),
            ),
            (_, value) => value,
        }
    }

    /// Orders items by the sort field: numbers by value, ids of one kind by number, other text
    /// as text (instants too: they are written at one length), lists item by item, missing
    /// and null last, in either direction. A field the table shows by name comes keyed by it
    /// (`Row::shown`).
    pub fn sort<T>(&self, items: &mut [(Value, T)]) {
        match &self.sort {
            Some(Sort {
                descending: true, ..
            }) => items.sort_by(|(a, _), (b, _)| match (a, b) {
                (Value::Null, _) | (_, Value::Null) => order(a, b),
                _ => order(b, a),
            }),
            Some(_) => items.sort_by(|(a, _), (b, _)| order(a, b)),
            None => {}
        }
    }

    /// The field `--sort` orders by: the one named, or the one the column so titled shows.
    pub fn sort_field<'s>(&'s self, titled: &[(&str, &'s str)]) -> Option<&'s str> {
        let sort = self.sort.as_ref()?.field.as_str();
        Some(
            titled
                .iter()
                .find(|(title, _)| title.eq_ignore_ascii_case(sort))
                .map_or(sort, |(_, field)| *field),
        )
    }

    /// The sort key of an item.
    pub fn key(&self, item: &Value) -> Value {
        match &self.sort {
            Some(sort) => item.get(&sort.field).cloned().unwrap_or(Value::Null),
            None => Value::Null,
        }
    }

    /// Writes the document (a list or one object): through the jq program when there is one,
    /// each output a line (strings raw, as gh does: exact to a pipe, made safe for a
    /// terminal; in a file whose name promised JSON, one JSON document, the list of them); else as JSON, pretty
    /// on a terminal (unless it is an item of a stream: a line each). JSON is escaped for a
    /// terminal wherever it goes (`json::Safe`: the same text to a parser); a raw string is
    /// not JSON, so not.
    pub fn write(&self, out: &mut dyn Write, document: &Value, to: Dest) -> Result<(), CliError> {
        let mut json = super::json::Safe(&mut *out);
        let written = match &self.jq {
            // A file named for JSON holds one document: the list of the outputs, however many
            // (one output written bare read, to a script, as a list of outputs when it was a
            // list itself, and `.[] | select(…)` changed shape with the data: hostile-input
            // check).
            Some(jq) if to == Dest::File => {
                let outputs = jq.run(document).map_err(CliError::failure)?;
                serde_json::to_writer(&mut json, &Value::Array(outputs))
                    .map_err(Into::into)
                    .and_then(|()| writeln!(json))
            }
            // Each output written as it comes, none held: a program that gives outputs for ever
            // writes for ever, as jq does, in no more memory.
            Some(jq) => {
                let safe = matches!(to, Dest::Terminal | Dest::Stream { terminal: true });
                let written = jq.each(document, |v| {
                    match v {
                        Value::String(s) if safe => {
                            writeln!(json.0, "{}", super::sanitize::sanitize(&s, true))
                        }
                        Value::String(s) => writeln!(json.0, "{s}"),
                        other => serde_json::to_writer(&mut json, &other)
                            .map_err(Into::into)
                            .and_then(|()| writeln!(json)),
                    }
                    .map_err(Stop::Write)
                });
                match written {
                    Ok(()) => Ok(()),
                    Err(Stop::Jq(said)) => return Err(CliError::failure(said)),
                    Err(Stop::Write(e)) => Err(e),
                }
            }
            None if to == Dest::Terminal => serde_json::to_writer_pretty(&mut json, document)
                .map_err(Into::into)
                .and_then(|()| writeln!(json)),
            None => serde_json::to_writer(&mut json, document)
                .map_err(Into::into)
                .and_then(|()| writeln!(json)),
        };
        written.map_err(CliError::output)
    }
}

/// Where shaped output goes, which decides how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dest {
    /// People read it: JSON pretty, a string made safe.
    Terminal,
    /// A program reads it: a string exact, as `jq -r` writes it.
    Pipe,
    /// A file named for JSON (`--out x.json`): one JSON document.
    File,
    /// An item of a stream that never ends (`watch`, `list --watch`): a line each, strings
    /// made safe on a terminal.
    Stream { terminal: bool },
}

impl Dest {
    /// A terminal or not.
    pub fn of(terminal: bool) -> Dest {
        if terminal { Dest::Terminal } else { Dest::Pipe }
    }
}

/// How a text sorts: an id as its prefix then its number (`iv_2` before `iv_10`, as the API
/// orders them), other text as itself. One key for every text, so the order is total (a
/// comparison that took ids by number only against ids went round in a circle with
/// `us_5z`, and the sort could panic); an id comes before the texts its prefix begins.
fn text_key(text: &str) -> (&str, bool, i64) {
    match livectl_contract::Kind::of(text) {
        Some(kind) => {
            let number = kind.parse(text).unwrap_or_default();
            (text.split('_').next().unwrap_or(text), false, number)
        }
        None => (text, true, 0),
    }
}

fn order<'a>(a: &'a Value, b: &'a Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Greater,
        (_, Value::Null) => Ordering::Less,
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Value::String(x), Value::String(y)) => text_key(x).cmp(&text_key(y)),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        // Tags, or a name with its id: item by item, as the table shows them; an object member
        // by member, in the order of their names (as JSON text, 72 came after 3975). Each is
        // in turn, the shorter first where one begins the other.
        (Value::Array(x), Value::Array(y)) => x.iter().map(Sorted).cmp(y.iter().map(Sorted)),
        (Value::Object(x), Value::Object(y)) => {
            let members = |o: &'a Map<String, Value>| o.iter().map(|(k, v)| (k, Sorted(v)));
            members(x).cmp(members(y))
        }
        (x, y) => x.to_string().cmp(&y.to_string()),
    }
}

/// A value in the order `--sort` gives, for comparing lists of them in turn.
struct Sorted<'a>(&'a Value);

impl PartialEq for Sorted<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Sorted<'_> {}

impl Ord for Sorted<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        order(self.0, other.0)
    }
}

impl PartialOrd for Sorted<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn objects_sort_member_by_member() {
        let mut items: Vec<(Value, ())> = [3975, 72, 600]
            .into_iter()
            .map(|n| (json!({"kind": "no_reply", "seconds": n}), ()))
            .chain([(json!({"kind": "idle", "seconds": 9999}), ())])
            .collect();
        Shape::new(None, None, Some("x")).unwrap().sort(&mut items);
        let seconds: Vec<&Value> = items.iter().map(|(v, _)| &v["seconds"]).collect();
        assert_eq!(
            seconds,
            [&json!(9999), &json!(72), &json!(600), &json!(3975)]
        );
    }

    #[test]
    fn ids_sort_by_number_and_other_text_as_text() {
        let shape = Shape::new(None, None, Some("id")).unwrap();
        let mut items: Vec<(Value, ())> = ["iv_10", "iv_2", "ag_1", "x10", "x2", "iv_1"]
            .into_iter()
            .map(|id| (shape.key(&serde_json::json!({"id": id})), ()))
            .collect();
        shape.sort(&mut items);
        let ids: Vec<&str> = items.iter().map(|(v, _)| v.as_str().unwrap()).collect();
        assert_eq!(ids, ["ag_1", "iv_1", "iv_2", "iv_10", "x10", "x2"]);
        // Ids and text of the same prefix: ids first, by number. A comparison that took ids by
        // number only against ids gave us_5z, us_9, us_10 here (and went round in a circle).
        let mut mixed: Vec<(Value, ())> = ["us_5z", "us_9", "us_10"]
            .into_iter()
            .map(|id| (shape.key(&serde_json::json!({"id": id})), ()))
            .collect();
        shape.sort(&mut mixed);
        let mixed: Vec<&str> = mixed.iter().map(|(v, _)| v.as_str().unwrap()).collect();
        assert_eq!(mixed, ["us_9", "us_10", "us_5z"]);
    }

    #[test]
    fn tags_sort_tag_by_tag_as_the_table_shows_them() {
        let shape = Shape::new(None, None, Some("tags")).unwrap();
        let tags = [json!(["vip", "a"]), json!(["b"]), json!(["vip"]), json!([])];
        let mut items: Vec<(Value, ())> = tags
            .iter()
            .map(|t| (shape.key(&json!({ "tags": t })), ()))
            .collect();
        shape.sort(&mut items);
        let sorted: Vec<Value> = items.into_iter().map(|(v, _)| v).collect();
        // As text `["vip","a"]` came before `["vip"]`, and `[]` after them all.
        assert_eq!(
            sorted,
            [json!([]), json!(["b"]), json!(["vip"]), json!(["vip", "a"])]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(20261130),
            ..proptest::prelude::ProptestConfig::default()
        })]
        /// Ids and other text mixed (`us_9`, `us_10`, `us_5z`) sort in a total order: sorting
        /// never panics, and the result is in order pair by pair.
        #[test]
        fn text_and_ids_sort_in_a_total_order(texts in proptest::collection::vec("(us|iv)?_?[0-9]{0,3}[a-z_]{0,2}", 0..80)) {
            let shape = Shape::new(None, None, Some("k")).unwrap();
            let mut items: Vec<(Value, ())> =
                texts.iter().map(|t| (Value::from(t.as_str()), ())).collect();
            shape.sort(&mut items);
            for pair in items.windows(2) {
                proptest::prop_assert!(order(&pair[0].0, &pair[1].0) != std::cmp::Ordering::Greater);
            }
            for a in &texts {
                for b in &texts {
                    let (a, b) = (Value::from(a.as_str()), Value::from(b.as_str()));
                    proptest::prop_assert_eq!(order(&a, &b), order(&b, &a).reverse());
                }
            }
        }
    }

    #[test]
    fn only_the_fields_asked_for_are_kept_and_unknown_ones_named() {
        let shape = Shape::new(Some("state,id"), None, Some("id")).unwrap();
        let item = serde_json::json!({"id": "iv_1", "state": "queued", "summary": "x"});
        assert_eq!(
            serde_json::to_string(&shape.project(item)).unwrap(),
            r#"{"id":"iv_1","state":"queued"}"#
        );
        assert!(shape.check(&["id", "state"]).is_ok());
        let e = shape.check(&["id"]).unwrap_err();
        assert!(
            e.message
                .contains("unknown field `state`; the fields are: id"),
            "{}",
            e.message
        );
        let none = Shape::new(Some(""), None, None).unwrap();
        assert!(
            none.check(&["id"])
                .unwrap_err()
                .message
                .contains("--json needs fields: id")
        );
    }
}
