//! What each key does: moves, marks, filters, pop-ups, and the actions, which come out as
//! intents for the use case to run.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use livectl_contract::{Action, ActionKind, Owner, ReasonRequest};

use super::actions::{allowed, assign_kind, to_agent};
use super::forms::{Entry, Filled, Picked, Picker, Popup};
use super::{App, Input, Intent, Pane, forms};

/// How many rows PageUp and PageDown move.
const PAGE: usize = 10;

impl App {
    /// A key (or a resize) from the terminal; an intent when it asks for one.
    pub fn on_input(&mut self, input: Input) -> Option<Intent> {
        match input.0 {
            // Only presses: with some keyboards a release arrives too, and would act twice.
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(key),
            _ => None,
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Option<Intent> {
        // In raw mode Ctrl-C is a key, not a signal: it leaves from anywhere.
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return matches!(key.code, KeyCode::Char('c')).then_some(Intent::Quit);
        }
        // Nothing to see what a key would do: it waits for a terminal large enough.
        if self.too_small {
            return (key.code == KeyCode::Char('q')).then_some(Intent::Quit);
        }
        if let Some(popup) = self.popup.take() {
            return self.popup_key(popup, key);
        }
        if self.searching {
            match key.code {
                KeyCode::Enter => self.searching = false,
                KeyCode::Esc => {
                    self.searching = false;
                    self.search.clear();
                }
                _ => forms::edit(&mut self.search, key),
            }
            self.selected = None;
            return None;
        }
        self.message = None;
        match key.code {
            KeyCode::Char('q') => return self.quit(),
            KeyCode::Char('?') => self.popup = Some(Popup::Help),
            KeyCode::Tab => self.focus = next_pane(self.focus, true),
            KeyCode::BackTab => self.focus = next_pane(self.focus, false),
            KeyCode::Up | KeyCode::Char('k') => self.step(-1),
            KeyCode::Down | KeyCode::Char('j') => self.step(1),
            KeyCode::PageUp => self.step(-(PAGE as i64)),
            KeyCode::PageDown => self.step(PAGE as i64),
            KeyCode::Home => self.step(i64::MIN),
            KeyCode::End => self.step(i64::MAX),
            KeyCode::Enter if self.focus == Pane::Queues => self.focus = Pane::Interventions,
            KeyCode::Char(' ') => self.mark(),
            KeyCode::Esc => self.unwind(),
            KeyCode::Char('/') => self.searching = true,
            KeyCode::Char('d') => self.popup = Some(Popup::Department(self.department_picker())),
            KeyCode::Char('o') => self.popup = Some(Popup::Owner(self.owner_picker())),
            KeyCode::Char('a') => return self.assign_to_me(),
            KeyCode::Char('t') => self.pick_agent(),
            KeyCode::Char('r') => {
                let targets = self.targets();
                return self.plan(
                    ActionKind::Return,
                    "return to the general queue".into(),
                    &targets,
                    |i| {
                        allowed(i, ActionKind::Return)
                            .map(|()| Action::Return(ReasonRequest::default()))
                    },
                );
            }
            KeyCode::Char('x') => {
                let targets = self.targets();
                return self.plan(ActionKind::Cancel, "cancel".into(), &targets, |i| {
                    allowed(i, ActionKind::Cancel)
                        .map(|()| Action::Cancel(ReasonRequest::default()))
                });
            }
            KeyCode::Char('c') => self.complete(),
            KeyCode::Char('h') => return self.open_history(),
            _ => {}
        }
        None
    }

    /// `q`: leave, after a yes when a bulk run would be cut short, or an action's answer is
    /// still to come (leaving then said nothing of it: on-call check).
    fn quit(&mut self) -> Option<Intent> {
        let waiting = self.on_their_way();
        let question = if self.bulk_running() {
            "A bulk run is in progress. Leave and stop it? Its journal resumes what is left, \
             with the same keys, so nothing acts twice."
                .to_owned()
        } else if !waiting.is_empty() {
            let (what, ids): (Vec<String>, Vec<&str>) = waiting.into_iter().unzip();
            match ids.as_slice() {
                [id] => format!(
                    "{} is on its way and its answer has not come. Leave anyway? It may be \
                     done or not: look with `livectl show {id}`.",
                    what.join(", ")
                ),
                _ => format!(
                    "{} are on their way and their answers have not come. Leave anyway? Each \
                     may be done or not: look at each with `livectl show ID`.",
                    what.join(", ")
                ),
            }
        } else {
            return Some(Intent::Quit);
        };
        self.popup = Some(Popup::Confirm {
            question,
            intent: Intent::Quit,
        });
        None
    }

    /// Esc: drop the marks, else the search, else the message.
    fn unwind(&mut self) {
        if !self.marked.is_empty() {
            self.marked.clear();
        } else {
            self.search.clear();
        }
    }

    /// Moves the selection of the pane that has the keys by `by` rows (clamped).
    fn step(&mut self, by: i64) {
        let moved = |at: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (at as i64).saturating_add(by).clamp(0, len as i64 - 1) as usize
        };
        match self.focus {
            Pane::Queues => {
                let at = moved(self.queue.selected().unwrap_or(0), self.queues.len() + 1);
                if Some(at) != self.queue.selected() {
                    self.queue.select(Some(at));
                    self.selected = None;
                    self.list.select(Some(0));
                }
            }
            Pane::Interventions => {
                let listed = self.listed();
                let at = moved(self.list_index(&listed).unwrap_or(0), listed.len());
                self.selected = listed.get(at).map(|i| i.id.clone());
                self.list.select(Some(at));
            }
            Pane::Stuck => {
                let len = self.stuck_listed().len();
                let at = moved(self.stuck_table.selected().unwrap_or(0), len);
                self.stuck_table.select(Some(at));
            }
        }
    }

    /// Space: marks (or unmarks) the current intervention and moves on.
    fn mark(&mut self) {
        if self.focus == Pane::Queues {
            return;
        }
        let Some(id) = self.current().map(|i| i.id.clone()) else {
            return;
        };
        if !self.marked.remove(&id) {
            self.marked.insert(id);
        }
        self.step(1);
    }

    fn department_picker(&self) -> Picker<Option<String>> {
        let mut entries = vec![Entry {
            label: "(every department)".into(),
            detail: String::new(),
            value: None,
        }];
        entries.extend(self.departments.iter().map(|d| Entry {
            label: d.name.clone(),
            detail: d.key.clone().unwrap_or_else(|| d.id.clone()),
            value: Some(d.id.clone()),
        }));
        Picker::new("Department", entries)
    }

    fn owner_picker(&self) -> Picker<Option<Owner>> {
        let mut entries = vec![
            Entry {
                label: "(any owner)".into(),
                detail: String::new(),
                value: None,
            },
            Entry {
                label: "(nobody: the general queue)".into(),
                detail: String::new(),
                value: Some(Owner::Nobody),
            },
        ];
        // Only owners whose work the caller sees (`Role::sees`, as `--owner` is judged): an
        // agent was offered colleagues, each an empty list the CLI refuses (new user).
        let seen = |a: &&livectl_contract::Agent| self.me.role.sees_owner(&self.me.id, &a.id);
        entries.extend(self.agents.iter().filter(seen).map(|a| Entry {
            label: a.name.clone(),
            detail: a.email.clone(),
            value: Some(Owner::Agent(a.id.clone())),
        }));
        Picker::new("Owner", entries)
    }

    fn popup_key(&mut self, popup: Popup, key: KeyEvent) -> Option<Intent> {
        match popup {
            Popup::Help => None,
            Popup::Agents {
                mut picker,
                targets,
            } => match picker.key(key) {
                Picked::Chosen(agent) => {
                    let kind = assign_kind(&targets, &agent);
                    let describe = format!("{kind} to {}", self.names.of(&agent));
                    self.plan(kind, describe, &targets, |i| to_agent(i, &agent))
                }
                Picked::Closed => None,
                Picked::Open => {
                    self.popup = Some(Popup::Agents { picker, targets });
                    None
                }
            },
            Popup::Department(mut picker) => {
                match picker.key(key) {
                    Picked::Chosen(department) => {
                        self.filter.department = department;
                        self.selected = None;
                    }
                    Picked::Closed => {}
                    Picked::Open => self.popup = Some(Popup::Department(picker)),
                }
                None
            }
            Popup::Owner(mut picker) => {
                match picker.key(key) {
                    Picked::Chosen(owner) => {
                        self.filter.owner = owner;
                        self.selected = None;
                    }
                    Picked::Closed => {}
                    Picked::Open => self.popup = Some(Popup::Owner(picker)),
                }
                None
            }
            Popup::Complete(mut form) => match form.key(key, &self.catalog) {
                Filled::Done(request) => {
                    let targets = std::mem::take(&mut form.targets);
                    self.plan(ActionKind::Complete, "complete".into(), &targets, |i| {
                        allowed(i, ActionKind::Complete).map(|()| Action::Complete(request.clone()))
                    })
                }
                Filled::Cancelled => {
                    self.say("nothing was completed");
                    None
                }
                Filled::Open => {
                    self.popup = Some(Popup::Complete(form));
                    None
                }
            },
            Popup::Confirm { question, intent } => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                    // The marks were the targets: they are spent.
                    if matches!(intent, Intent::Act { .. }) {
                        self.marked.clear();
                    }
                    Some(intent)
                }
                KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => {
                    self.say("nothing was changed");
                    None
                }
                _ => {
                    self.popup = Some(Popup::Confirm { question, intent });
                    None
                }
            },
            Popup::History(mut view) => {
                match key.code {
                    KeyCode::Esc | KeyCode::Char('q' | 'h') | KeyCode::Enter => return None,
                    KeyCode::Up | KeyCode::Char('k') => view.scroll = view.scroll.saturating_add(1),
                    KeyCode::Down | KeyCode::Char('j') => {
                        view.scroll = view.scroll.saturating_sub(1)
                    }
                    KeyCode::PageUp => view.scroll = view.scroll.saturating_add(PAGE),
                    KeyCode::PageDown => view.scroll = view.scroll.saturating_sub(PAGE),
                    KeyCode::End => view.scroll = 0,
                    KeyCode::Home => view.scroll = usize::MAX / 2,
                    _ => {}
                }
                self.popup = Some(Popup::History(view));
                None
            }
            Popup::Conflict(conflict) => {
                if !matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | ' ')
                ) {
                    self.popup = Some(Popup::Conflict(conflict));
                }
                None
            }
        }
    }
}

fn next_pane(pane: Pane, forward: bool) -> Pane {
    match (pane, forward) {
        (Pane::Queues, true) | (Pane::Stuck, false) => Pane::Interventions,
        (Pane::Interventions, true) | (Pane::Queues, false) => Pane::Stuck,
        (Pane::Stuck, true) | (Pane::Interventions, false) => Pane::Queues,
    }
}
