//! `--jq EXPR`: a jq program (jaq, in process) compiled once, run on the JSON a command prints.

use std::fmt;
use std::ops::Range;

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, compile, data, load};
use jaq_json::Val;

type D = data::JustLut<Val>;

/// A compiled jq program.
pub struct Jq {
    filter: jaq_core::Filter<D>,
}

impl fmt::Debug for Jq {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Jq")
    }
}

/// An expression that does not compile, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    expr: String,
    problems: Vec<(String, Range<usize>)>,
}

impl Jq {
    pub fn compile(expr: &str) -> Result<Jq, CompileError> {
        // jaq's parser recurses once a bracket: 5,000 nested overflowed the stack (a new user).
        let mut depth = 0usize;
        for (at, c) in expr.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > MOST_NESTED {
                return Err(CompileError {
                    expr: expr.to_owned(),
                    problems: vec![(
                        format!("brackets nested deeper than {MOST_NESTED}"),
                        at..at + 1,
                    )],
                });
            }
        }
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        // No `env`: it would print LIVECTL_TOKEN, which livectl never writes (a new user's
        // `--jq 'env.LIVECTL_TOKEN'`); nothing livectl's JSON needs comes from the environment.
        let funs = jaq_core::funs()
            .chain(jaq_std::funs().filter(|(name, ..)| *name != "env"))
            .chain(jaq_json::funs())
            .chain(tabular());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let modules = loader
            .load(
                &arena,
                File {
                    code: expr,
                    path: (),
                },
            )
            .map_err(|errs| load_error(expr, errs))?;
        // Modules would read files: --jq takes one expression.
        load::import(
            &modules,
            |_| Err("modules are not supported in --jq".into()),
        )
        .map_err(|errs| load_error(expr, errs))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errs| compile_error(expr, errs))?;
        Ok(Jq { filter })
    }

    /// Every output of the program on `input`, or the first error (jq stops there too); at
    /// most `MOST_OUTPUTS` of them, held together.
    pub fn run(&self, input: &serde_json::Value) -> Result<Vec<serde_json::Value>, String> {
        let mut out = Vec::new();
        self.each(input, |v| {
            if out.len() >= MOST_OUTPUTS {
                return Err(Stop::Jq(format!(
                    "jq: the program gave more than {MOST_OUTPUTS} outputs, which are written as one document"
                )));
            }
            out.push(v);
            Ok(())
        })
        .map_err(|stop| match stop {
            Stop::Jq(said) => said,
            Stop::Write(e) => e.to_string(),
        })?;
        Ok(out)
    }

    /// Gives `each` every output of the program on `input` as it comes, none held, and ends at
    /// the first error (jq stops there too, after writing the outputs before it). A program
    /// that never ends is stopped by Ctrl-C or SIGTERM at once where no claim is held
    /// (`signals::at_once`).
    pub fn each(
        &self,
        input: &serde_json::Value,
        mut each: impl FnMut(serde_json::Value) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        use serde::Deserialize;
        let input = Val::deserialize(input).map_err(|e| Stop::Jq(format!("jq: the input: {e}")))?;
        let ctx = Ctx::<D>::new(&self.filter.lut, Vars::new([]));
        let _stoppable = crate::signals::at_once();
        for result in self.filter.id.run((ctx, input)) {
            match result {
                Ok(v) => each(to_json(&v).map_err(Stop::Jq)?)?,
                Err(exn) => {
                    return Err(Stop::Jq(match exn.get_err() {
                        // jaq's message holds the values it was given, whole: a page of
                        // interventions would be one line of tens of kilobytes.
                        Ok(err) => format!("jq: {}", shorten(&err.to_string())),
                        Err(exn) => match exn.get_halt() {
                            Ok(code) => format!("jq: halted with exit code {code}"),
                            Err(_) => "jq: an exception escaped the program".into(),
                        },
                    }));
                }
            }
        }
        Ok(())
    }
}

/// The deepest brackets a program may nest: far beyond any written by hand.
const MOST_NESTED: usize = 256;

/// The most outputs `Jq::run` holds at once: written as one document, they are held together;
/// a program that gives more (`range(1e9)`) took all the memory there was (new user).
const MOST_OUTPUTS: usize = 1_000_000;

/// Why a program's outputs stopped before their end: the program's error, or the writer's.
#[derive(Debug)]
pub enum Stop {
    Jq(String),
    Write(std::io::Error),
}

/// Longest error message from a run of the program, in characters.
const ERROR_CHARS: usize = 200;

fn shorten(text: &str) -> String {
    super::shortened(text, ERROR_CHARS)
}

/// jaq's value as JSON; numbers through their text so they stay exact.
fn to_json(v: &Val) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    let not_json = || format!("jq: the output is not JSON: {}", shorten(&v.to_string()));
    Ok(match v {
        Val::Null => J::Null,
        Val::Bool(b) => J::Bool(*b),
        Val::Num(n) => match serde_json::from_str::<J>(&n.to_string()) {
            Ok(j @ J::Number(_)) => j,
            _ => return Err(not_json()),
        },
        Val::TStr(b) => J::String(String::from_utf8_lossy(b).into_owned()),
        Val::BStr(_) => return Err(not_json()),
        Val::Arr(a) => J::Array(a.iter().map(to_json).collect::<Result<_, _>>()?),
        Val::Obj(o) => {
            let mut m = serde_json::Map::new();
            for (k, v) in o.iter() {
                let Val::TStr(k) = k else {
                    return Err(not_json());
                };
                m.insert(String::from_utf8_lossy(k).into_owned(), to_json(v)?);
            }
            J::Object(m)
        }
    })
}

fn load_error(expr: &str, errs: load::Errors<&str, ()>) -> CompileError {
    let mut problems = Vec::new();
    for (_, err) in errs {
        match err {
            load::Error::Io(es) => {
                for (path, msg) in es {
                    problems.push((format!("cannot load {path}: {msg}"), load::span(expr, path)));
                }
            }
            load::Error::Lex(es) => {
                for (expect, found) in es {
                    let one = found.chars().next().map_or(0, char::len_utf8);
                    let what = match found.chars().next() {
                        None => "the end".to_owned(),
                        Some(c) => format!("`{c}`"),
                    };
                    problems.push((
                        format!("expected {}, found {what}", expect.as_str()),
                        load::span(expr, &found[..one]),
                    ));
                }
            }
            load::Error::Parse(es) => {
                for (expect, found) in es {
                    let what = if found.is_empty() {
                        "the end".to_owned()
                    } else {
                        format!("`{found}`")
                    };
                    problems.push((
                        format!("expected {}, found {what}", expect.as_str()),
                        load::span(expr, found),
                    ));
                }
            }
        }
    }
    // Brackets left open at the end are each said there: the innermost, which is the one to
    // close first, is enough.
    let mut seen = std::collections::HashSet::new();
    problems.retain(|(_, span)| seen.insert((span.start, span.end)));
    CompileError {
        expr: expr.to_owned(),
        problems,
    }
}

fn compile_error(expr: &str, errs: compile::Errors<&str, ()>) -> CompileError {
    let mut problems = Vec::new();
    for (_, es) in errs {
        for (name, undefined) in es {
            let message = match undefined {
                compile::Undefined::Filter(arity) => format!("no filter {name}/{arity}"),
                other => format!("no {} {name}", other.as_str()),
            };
            problems.push((message, load::span(expr, name)));
        }
    }
    CompileError {
        expr: expr.to_owned(),
        problems,
    }
}

impl fmt::Display for CompileError {
    /// `--jq: expected term, found `)` at column 29` and the expression with a caret.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (n, (message, span)) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            let start = span.start.min(self.expr.len());
            let line_start = self.expr[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = self.expr[line_start..]
                .find('\n')
                .map_or(self.expr.len(), |i| line_start + i);
            let column = self.expr[line_start..start].chars().count() + 1;
            let width = self.expr[start..span.end.clamp(start, line_end)]
                .chars()
                .count()
                .max(1);
            writeln!(f, "--jq: {message} at column {column}")?;
            writeln!(f, "  {}", &self.expr[line_start..line_end])?;
            write!(f, "  {}{}", " ".repeat(column - 1), "^".repeat(width))?;
        }
        Ok(())
    }
}

/// `@csv` and `@tsv`, which jaq keeps in jaq-fmts: only its tabular writer is taken.
fn tabular() -> impl Iterator<Item = jaq_core::native::Fun<D>> {
    use jaq_core::native::{Filter, bome, run, v};
    use jaq_core::{Error, RunPtr};
    use jaq_fmts::write::tabular::Row;
    fn write(value: &Val, csv: bool) -> Result<Val, Error<Val>> {
        let name = if csv { "@csv" } else { "@tsv" };
        let row =
            Row::try_from(value).map_err(|e| Error::str(format_args!("cannot {name}: {e}")))?;
        let mut out = Vec::new();
        let written = if csv {
            row.write_csv(&mut out)
        } else {
            row.write_tsv(&mut out)
        };
        written.map_err(|e| Error::str(format_args!("cannot {name}: {e}")))?;
        Ok(Val::utf8_str(out))
    }
    let filters: [Filter<RunPtr<D>>; 2] = [
        ("@csv", v(0), |cv| bome(write(&cv.1, true))),
        ("@tsv", v(0), |cv| bome(write(&cv.1, false))),
    ];
    filters.into_iter().map(run::<D>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_runs_and_a_bad_one_says_where() {
        let jq = Jq::compile(".[] | select(.state == \"queued\") | .id").unwrap();
        let input = serde_json::json!([{"id": "iv_1", "state": "queued"}, {"id": "iv_2", "state": "assigned"}]);
        assert_eq!(jq.run(&input).unwrap(), [serde_json::json!("iv_1")]);
        let e = Jq::compile(".items[] | select(.state == ) | .id")
            .unwrap_err()
            .to_string();
        assert!(e.contains("at column 29"), "{e}");
        assert!(e.contains("^"), "{e}");
        assert!(
            Jq::compile("nosuchfilter")
                .unwrap_err()
                .to_string()
                .contains("nosuchfilter")
        );
        assert!(
            Jq::compile("1 | .[]")
                .unwrap()
                .run(&serde_json::json!(null))
                .is_err()
        );
    }

    /// Brackets nested past any hand-written program are refused before jaq's parser, which
    /// overflowed its stack on 5,000 (a new user).
    #[test]
    fn a_program_nested_without_end_is_refused() {
        let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
        let refused = Jq::compile(&deep).unwrap_err().to_string();
        assert!(refused.contains("nested deeper than 256"), "{refused}");
        let fine = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert!(Jq::compile(&fine).is_ok());
    }

    /// Brackets left open are said once, by the one to close first; each was said with the
    /// expression and its caret again.
    #[test]
    fn brackets_left_open_are_said_once() {
        let e = Jq::compile("[.[] | {a: (.id").unwrap_err().to_string();
        assert!(
            e.starts_with("--jq: expected closing parenthesis, found the end at column 16"),
            "{e}"
        );
        assert_eq!(e.matches("expected").count(), 1, "{e}");
    }

    /// The environment, which holds LIVECTL_TOKEN, is not a program's to print.
    #[test]
    fn a_program_cannot_read_the_environment() {
        let refused = Jq::compile("env.LIVECTL_TOKEN").unwrap_err().to_string();
        assert!(refused.contains("env"), "{refused}");
        assert!(Jq::compile("$ENV").is_err());
    }

    #[test]
    fn an_error_on_a_large_input_stays_one_short_line() {
        let page: Vec<_> = (0..500)
            .map(|n| serde_json::json!({"id": format!("iv_{n}"), "summary": "ü".repeat(40)}))
            .collect();
        let e = Jq::compile(".foo")
            .unwrap()
            .run(&serde_json::json!(page))
            .unwrap_err();
        assert!(e.starts_with("jq: cannot index [{"), "{e}");
        assert!(e.ends_with(r#"with "foo""#), "{e}");
        assert!(e.chars().count() <= 260 && !e.contains('\n'), "{e}");
        assert!(e.contains("characters left out"), "{e}");
    }
}
