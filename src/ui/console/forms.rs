//! The pop-ups and what they hold: filterable pickers (agents, the catalog, the filters), the
//! completion form, a confirmation, a user's history and a conflict.

use crossterm::event::{KeyCode, KeyEvent};
use livectl_contract::{
    AgentStatus, CompleteRequest, HistoryRecord, Intervention, Owner, UserSummary,
};

use super::popups::Conflict;
use super::{Catalog, Intent};
use crate::model::Names;

/// The pop-up on top of the panes, if any.
pub(super) enum Popup {
    Help,
    /// The agent to assign or reassign the targets to.
    Agents {
        picker: Picker<String>,
        targets: Vec<Intervention>,
    },
    /// The department filter: `None` for every department.
    Department(Picker<Option<String>>),
    /// The owner filter: `None` for any owner.
    Owner(Picker<Option<Owner>>),
    Complete(CompleteForm),
    Confirm {
        question: String,
        intent: Intent,
    },
    History(HistoryView),
    Conflict(Conflict),
}

/// One choice of a picker.
pub(super) struct Entry<T> {
    pub label: String,
    /// Beside the label: an agent's status and load, a catalog entry's key.
    pub detail: String,
    pub value: T,
}

/// A list to choose from, narrowed by what is typed.
pub(super) struct Picker<T> {
    pub title: String,
    pub entries: Vec<Entry<T>>,
    pub filter: String,
    /// Among the entries shown.
    pub selected: usize,
}

/// What a key did to a picker.
pub(super) enum Picked<T> {
    Chosen(T),
    Closed,
    Open,
}

impl<T: Clone> Picker<T> {
    pub fn new(title: impl Into<String>, entries: Vec<Entry<T>>) -> Picker<T> {
        Picker {
            title: title.into(),
            entries,
            filter: String::new(),
            selected: 0,
        }
    }

    /// The entries whose label or detail holds the filter (ignoring case), those with a word
    /// of the label starting with it first: `bo` finds Bo Chen before Sandbox Admin.
    pub fn shown(&self) -> Vec<&Entry<T>> {
        let wanted = self.filter.to_lowercase();
        let mut shown: Vec<&Entry<T>> = self
            .entries
            .iter()
            .filter(|e| {
                e.label.to_lowercase().contains(&wanted)
                    || e.detail.to_lowercase().contains(&wanted)
            })
            .collect();
        shown.sort_by_key(|e| {
            !e.label
                .to_lowercase()
                .split_whitespace()
                .any(|word| word.starts_with(&wanted))
        });
        shown
    }

    pub fn key(&mut self, key: KeyEvent) -> Picked<T> {
        let count = self.shown().len();
        match key.code {
            KeyCode::Esc => return Picked::Closed,
            KeyCode::Enter => {
                return match self.shown().get(self.selected) {
                    Some(e) => Picked::Chosen(e.value.clone()),
                    None => Picked::Open,
                };
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(count.saturating_sub(1)),
            KeyCode::Backspace => {
                self.filter.pop();
                self.selected = 0;
            }
            KeyCode::Char(c) if !c.is_control() => {
                self.filter.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        Picked::Open
    }
}

/// Text typed on one line (the search, the tags).
pub(super) fn edit(text: &mut String, key: KeyEvent) {
    match key.code {
        KeyCode::Backspace => {
            text.pop();
        }
        KeyCode::Char(c) if !c.is_control() && text.chars().count() < 200 => text.push(c),
        _ => {}
    }
}

/// A catalog entry chosen: its id and its name.
#[derive(Debug, Clone)]
pub(super) struct Chosen {
    pub id: String,
    pub name: String,
}

/// Where the completion form is.
pub(super) enum Step {
    Topic(Picker<Chosen>),
    Outcome(Picker<Chosen>),
    Block(Picker<Option<Chosen>>),
    /// The tags typed, and why the platform's rule refuses them, said in the form and kept
    /// open (a refusal from the platform dropped the whole form: on-call check).
    Tags {
        text: String,
        refused: Option<String>,
    },
}

/// The wrap-up of a completion, asked one field after the other: topic, outcome, closing block,
/// tags.
pub(super) struct CompleteForm {
    pub targets: Vec<Intervention>,
    pub topic: Option<Chosen>,
    pub outcome: Option<Chosen>,
    pub block: Option<Option<Chosen>>,
    pub step: Step,
}

/// What a key did to the form.
pub(super) enum Filled {
    Open,
    Cancelled,
    Done(CompleteRequest),
}

/// Each entry of a list as a choice with its key (or id) beside the name.
fn choices<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str, Option<&'a str>)>,
) -> Vec<Entry<Chosen>> {
    entries
        .map(|(id, name, key)| Entry {
            label: name.to_owned(),
            detail: key.unwrap_or(id).to_owned(),
            value: Chosen {
                id: id.to_owned(),
                name: name.to_owned(),
            },
        })
        .collect()
}

impl CompleteForm {
    /// The form for `targets`, its topics those that fit `departments`, of the targets it may
    /// complete (`model::topics_offered`), as the CLI's picker offers them; `name` names a
    /// department by id for its title.
    pub fn new(
        targets: Vec<Intervention>,
        catalog: &Catalog,
        departments: &[Option<&str>],
        name: impl Fn(&str) -> String,
    ) -> CompleteForm {
        let offered = crate::model::topics_offered(&catalog.topics, departments);
        let title = crate::model::topics_title(&catalog.topics, &offered, name);
        let topics = choices(
            offered
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str(), t.key.as_deref())),
        );
        CompleteForm {
            targets,
            topic: None,
            outcome: None,
            block: None,
            step: Step::Topic(Picker::new(title, topics)),
        }
    }

    /// The topic picker's title and the names it offers, while it is the step.
    #[cfg(test)]
    pub fn topics(&self) -> (String, Vec<String>) {
        match &self.step {
            Step::Topic(picker) => (
                picker.title.clone(),
                picker.entries.iter().map(|e| e.label.clone()).collect(),
            ),
            _ => (String::new(), Vec::new()),
        }
    }

    pub fn key(&mut self, key: KeyEvent, catalog: &Catalog) -> Filled {
        match &mut self.step {
            Step::Topic(picker) => match picker.key(key) {
                Picked::Chosen(topic) => {
                    self.topic = Some(topic);
                    let outcomes = choices(
                        catalog
                            .outcomes
                            .iter()
                            .map(|o| (o.id.as_str(), o.name.as_str(), o.key.as_deref())),
                    );
                    self.step = Step::Outcome(Picker::new("Outcome", outcomes));
                }
                Picked::Closed => return Filled::Cancelled,
                Picked::Open => {}
            },
            Step::Outcome(picker) => match picker.key(key) {
                Picked::Chosen(outcome) => {
                    self.outcome = Some(outcome);
                    let mut blocks: Vec<Entry<Option<Chosen>>> = vec![Entry {
                        label: "(no closing block)".into(),
                        detail: String::new(),
                        value: None,
                    }];
                    blocks.extend(
                        choices(
                            catalog
                                .blocks
                                .iter()
                                .map(|b| (b.id.as_str(), b.name.as_str(), b.key.as_deref())),
                        )
                        .into_iter()
                        .map(|e| Entry {
                            label: e.label,
                            detail: e.detail,
                            value: Some(e.value),
                        }),
                    );
                    self.step = Step::Block(Picker::new("Closing block", blocks));
                }
                Picked::Closed => return Filled::Cancelled,
                Picked::Open => {}
            },
            Step::Block(picker) => match picker.key(key) {
                Picked::Chosen(block) => {
                    self.block = Some(block);
                    self.step = Step::Tags {
                        text: String::new(),
                        refused: None,
                    };
                }
                Picked::Closed => return Filled::Cancelled,
                Picked::Open => {}
            },
            Step::Tags { text, refused } => match key.code {
                KeyCode::Esc => return Filled::Cancelled,
                KeyCode::Enter => {
                    let (Some(topic), Some(outcome)) = (&self.topic, &self.outcome) else {
                        return Filled::Cancelled;
                    };
                    let given: Vec<String> = text
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                        .collect();
                    // The contract's own rule, before anything is sent.
                    if let Err(why) = livectl_contract::limits::tags(&given) {
                        *refused = Some(why);
                        return Filled::Open;
                    }
                    return Filled::Done(CompleteRequest {
                        topic: topic.id.clone(),
                        outcome: outcome.id.clone(),
                        tags: given,
                        block: self.block.clone().flatten().map(|b| b.id),
                    });
                }
                _ => {
                    *refused = None;
                    edit(text, key);
                }
            },
        }
        Filled::Open
    }
}

/// A user's history in a pop-up: loading, loaded, or why not.
pub(super) struct HistoryView {
    pub user: UserSummary,
    pub records: Option<Result<Vec<HistoryRecord>, String>>,
    /// Lines scrolled up from the newest.
    pub scroll: usize,
}

/// The agents an intervention can go to: active ones other than its owner, those online first,
/// those with room before those at capacity, and the least loaded first among them, each with
/// its status and load (`3/5` when it has a capacity).
pub(super) fn agent_entries(
    agents: &[livectl_contract::Agent],
    load: impl Fn(&str) -> (i64, Option<u32>),
    names: &Names,
    offered: impl Fn(&str) -> bool,
) -> Vec<Entry<String>> {
    let mut entries: Vec<((bool, bool, i64), Entry<String>)> = agents
        .iter()
        .filter(|a| a.active && offered(&a.id))
        .map(|a| {
            let (n, max) = load(&a.id);
            let full = max.is_some_and(|max| n >= i64::from(max));
            let department = a
                .department
                .as_deref()
                .map(|d| format!("  {}", names.of(d)))
                .unwrap_or_default();
            (
                (a.status != AgentStatus::Online, full, n),
                Entry {
                    label: a.name.clone(),
                    detail: format!(
                        "{:<7} {} in My Queue{}{department}",
                        a.status.as_str(),
                        super::load(n, max),
                        if full { " (full)" } else { "" }
                    ),
                    value: a.id.clone(),
                },
            )
        })
        .collect();
    entries.sort_by_key(|(rank, _)| *rank);
    entries.into_iter().map(|(_, e)| e).collect()
}
