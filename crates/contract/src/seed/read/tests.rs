//! `Text::locate` over the layouts people write: lists under their key or deeper, items on one
//! line, as flow maps or as nested blocks, comments and blank lines between them.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use super::Text;

/// How an action's fields are written.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// `- assign: bo` (assign only; other kinds as an empty flow map).
    Scalar,
    /// `- reassign: {to: bo, reason: to}`
    Flow,
    /// `- reassign:` and each field on a line of its own, this much deeper than the action.
    Block(usize),
}

#[derive(Debug, Clone)]
struct Action {
    kind: usize,
    form: Form,
    /// Blank or comment lines before it.
    noise: usize,
}

#[derive(Debug, Clone)]
struct Conversation {
    /// Items written at their key's column (`- ` under `actions:`), else this much deeper.
    step: usize,
    dash_under: bool,
    actions: Vec<Action>,
    noise: usize,
}

const KINDS: [&str; 5] = ["assign", "reassign", "return", "cancel", "complete"];

/// Each kind's fields; their values are words that are also keys, to mislead a search by word.
fn fields(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "assign" | "reassign" => &[("reason", "to"), ("to", "bo"), ("by", "return")],
        "complete" => &[("topic", "to"), ("outcome", "by"), ("by", "bo")],
        _ => &[("reason", "by"), ("by", "to")],
    }
}

fn form() -> impl Strategy<Value = Form> {
    prop_oneof![
        Just(Form::Scalar),
        Just(Form::Flow),
        (1usize..4).prop_map(Form::Block)
    ]
}

fn conversation() -> impl Strategy<Value = Conversation> {
    let action = (0..KINDS.len(), form(), 0usize..3).prop_map(|(kind, form, noise)| Action {
        kind,
        form,
        noise,
    });
    (
        1usize..4,
        any::<bool>(),
        proptest::collection::vec(action, 0..6),
        0usize..3,
    )
        .prop_map(|(step, dash_under, actions, noise)| Conversation {
            step,
            dash_under,
            actions,
            noise,
        })
}

/// The text, and the 1-based line each path must be found at.
struct Document {
    lines: Vec<String>,
    expected: Vec<(String, usize)>,
}

impl Document {
    fn push(&mut self, indent: usize, text: &str) -> usize {
        self.lines.push(format!("{}{text}", " ".repeat(indent)));
        self.lines.len()
    }

    /// Blank lines and comments, at any column.
    fn noise(&mut self, n: usize, indent: usize) {
        for i in 0..n {
            if i % 2 == 0 {
                self.push(0, "");
            } else {
                self.push(indent * (i % 3), "# to: by return");
            }
        }
    }

    fn write(conversations: &[Conversation], top_step: usize) -> Document {
        let mut doc = Document {
            lines: Vec::new(),
            expected: Vec::new(),
        };
        doc.push(0, "users: [{key: u1, name: Una, channel: web}]");
        doc.push(0, "conversations:");
        for (i, c) in conversations.iter().enumerate() {
            let at = format!("conversations[{i}]");
            doc.noise(c.noise, top_step);
            let item = top_step;
            let line = doc.push(item, &format!("- key: c{i}"));
            doc.expected.push((at.clone(), line));
            let inner = item + 2;
            let line = doc.push(inner, "user: u1");
            doc.expected.push((format!("{at}.user"), line));
            let line = doc.push(inner, "intervention:");
            doc.expected.push((format!("{at}.intervention"), line));
            let body = inner + c.step;
            let line = doc.push(body, "summary: to assign, return by reassign");
            doc.expected
                .push((format!("{at}.intervention.summary"), line));
            doc.push(body, "actions:");
            let dash = if c.dash_under { body } else { body + c.step };
            for (j, a) in c.actions.iter().enumerate() {
                doc.noise(a.noise, dash);
                let kind = KINDS[a.kind];
                let path = format!("{at}.intervention.actions[{j}]");
                let line = match a.form {
                    Form::Scalar if kind == "assign" => doc.push(dash, "- assign: bo"),
                    Form::Scalar => doc.push(dash, &format!("- {kind}: {{}}")),
                    Form::Flow => {
                        let written: Vec<String> = fields(kind)
                            .iter()
                            .map(|(k, v)| format!("{k}: {v}"))
                            .collect();
                        let line = doc.push(dash, &format!("- {kind}: {{{}}}", written.join(", ")));
                        for (k, _) in fields(kind) {
                            doc.expected.push((format!("{path}.{kind}.{k}"), line));
                        }
                        line
                    }
                    Form::Block(deeper) => {
                        let line = doc.push(dash, &format!("- {kind}:"));
                        for (n, (k, v)) in fields(kind).iter().enumerate() {
                            doc.noise(a.noise * (n % 2), dash + 2 + deeper);
                            let at = doc.push(dash + 2 + deeper, &format!("{k}: {v}"));
                            doc.expected.push((format!("{path}.{kind}.{k}"), at));
                        }
                        line
                    }
                };
                doc.expected.push((path.clone(), line));
                doc.expected.push((format!("{path}.{kind}"), line));
            }
        }
        doc
    }
}

fn config() -> Config {
    Config {
        cases: 512,
        rng_seed: RngSeed::Fixed(20261128),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Every field is found at its own line, however the lists and maps around it are laid
    /// out, and whatever words the lines before it hold.
    #[test]
    fn every_field_is_located_at_its_own_line(
        conversations in proptest::collection::vec(conversation(), 1..4),
        top_step in 0usize..3,
    ) {
        let doc = Document::write(&conversations, top_step);
        let text = doc.lines.join("\n");
        // What is located is a YAML document.
        prop_assert!(
            serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text).is_ok(),
            "not YAML:\n{}",
            text
        );
        let lines = Text::new(&text);
        for (path, line) in &doc.expected {
            prop_assert_eq!(lines.locate(path), Some(*line), "{} in\n{}", path, text);
        }
    }
}

#[test]
fn a_missing_field_is_not_found_in_the_next_item() {
    let text = "conversations:\n  - key: c1\n    intervention:\n      actions:\n        - assign: bo\n        - reassign:\n            to: bo\n";
    let lines = Text::new(text);
    assert_eq!(
        lines.locate("conversations[0].intervention.actions[0].assign.to"),
        None
    );
    assert_eq!(
        lines.locate("conversations[0].intervention.actions[1].reassign.to"),
        Some(7)
    );
}
