//! `livectl console`: the live view of one workspace, as state that draws itself.
//!
//! `App` holds what is shown (queues, interventions, stuck ones, the latest events), the
//! selection, the filters and the pop-ups. It is pure: the use case feeds it data and events,
//! `render` draws it into any ratatui frame (the terminal, or a test backend), and a key returns
//! at most an `Intent` (an action to run, a history to load, leaving) that the use case carries
//! out through the client. Nothing here talks to the platform. `Screen` is the terminal itself.

mod forms;
mod held;
mod keys;
mod popups;
mod render;
mod screen;
#[cfg(test)]
mod tests;

use std::collections::{HashSet, VecDeque};

use jiff::Timestamp;
use livectl_contract::{
    ActionKind, Agent, Block, Department, Event, HistoryRecord, Intervention, InterventionQuery,
    InterventionState, Outcome, Queues, Topic,
};
use ratatui::widgets::TableState;

use super::Ui;
use crate::model::{Item, Names, QueueRow, Stuck};

pub(crate) use held::{holds_terminal, keep_line, keep_progress};
pub use screen::{Input, Screen, terminal_present};

use forms::Popup;

/// The smallest terminal the console draws in.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// How many events the feed keeps.
const FEED: usize = 200;

/// The catalog a completion picks from.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub topics: Vec<Topic>,
    pub outcomes: Vec<Outcome>,
    pub blocks: Vec<Block>,
}

/// What the console shows of a workspace when it starts.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Who the console acts as.
    pub me: Agent,
    pub agents: Vec<Agent>,
    pub departments: Vec<Department>,
    pub catalog: Catalog,
    pub queues: Queues,
    /// The open interventions (queued and assigned).
    pub open: Vec<Intervention>,
}

/// What a key asks the use case to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Run one action on each item, with If-Match: one item at once, more as a bulk run.
    Act {
        kind: ActionKind,
        /// What it does, in words: `reassign to Cy Diaz`.
        describe: String,
        items: Vec<Item>,
    },
    /// Load a user's history.
    History { user: String },
    /// Leave the console.
    Quit,
}

/// The event stream, as the header shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// Not connected yet.
    Connecting,
    Live,
    /// Dropped (or refused) since then; reconnecting with Last-Event-ID.
    Down {
        since: Timestamp,
        error: String,
    },
}

/// The pane that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Queues,
    Interventions,
    Stuck,
}

/// Which interventions the list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Queue {
    AllOpen,
    General,
    Agent(String),
}

/// The line at the bottom: what just happened.
#[derive(Debug, Clone, PartialEq)]
struct Message {
    text: String,
    error: bool,
}

/// A bulk run in progress, as the status line shows it.
#[derive(Debug, Clone, PartialEq)]
struct Progress {
    describe: String,
    done: u64,
    total: u64,
}

/// The console: everything on screen comes from here.
pub struct App {
    /// Times and names for people: the run's zone, and "now".
    ui: Ui,
    names: Names,
    me: Agent,
    agents: Vec<Agent>,
    departments: Vec<Department>,
    catalog: Catalog,
    queues: Vec<QueueRow>,
    open: Vec<Intervention>,
    stuck: Vec<Stuck>,
    /// Newest first.
    feed: VecDeque<Event>,
    link: Link,
    /// Owner and department, as `livectl list` spells them.
    filter: InterventionQuery,
    search: String,
    searching: bool,
    focus: Pane,
    queue: TableState,
    list: TableState,
    /// The intervention the list's selection is on, kept while rows move.
    selected: Option<String>,
    stuck_table: TableState,
    marked: HashSet<String>,
    popup: Option<Popup>,
    message: Option<Message>,
    bulk: Option<Progress>,
    /// Where requests go, for the header.
    target: String,
    /// The terminal was too small at the last drawing: only leaving works until it grows.
    too_small: bool,
}

impl App {
    pub fn new(ui: Ui, workspace: Workspace, filter: InterventionQuery, target: String) -> App {
        let Workspace {
            me,
            agents,
            departments,
            catalog,
            queues,
            open,
        } = workspace;
        let mut app = App {
            ui,
            names: Names::default(),
            me,
            agents,
            departments,
            catalog,
            queues: Vec::new(),
            open: Vec::new(),
            stuck: Vec::new(),
            feed: VecDeque::new(),
            link: Link::Connecting,
            filter,
            search: String::new(),
            searching: false,
            focus: Pane::Interventions,
            queue: TableState::default().with_selected(Some(0)),
            list: TableState::default(),
            selected: None,
            stuck_table: TableState::default(),
            marked: HashSet::new(),
            popup: None,
            message: None,
            bulk: None,
            target,
            too_small: false,
        };
        app.rename();
        app.set_queues(queues);
        for i in open {
            app.upsert(i);
        }
        app
    }

    /// The names of ids: agents, departments and the catalog.
    fn rename(&mut self) {
        let c = &self.catalog;
        self.names = Names::new(
            self.agents
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .chain(
                    self.departments
                        .iter()
                        .map(|d| (d.id.clone(), d.name.clone())),
                )
                .chain(c.topics.iter().map(|t| (t.id.clone(), t.name.clone())))
                .chain(c.outcomes.iter().map(|o| (o.id.clone(), o.name.clone())))
                .chain(c.blocks.iter().map(|b| (b.id.clone(), b.name.clone()))),
        );
    }

    // ---- data, fed by the use case ----

    /// The clock moved: ages and waits count to `now`.
    pub fn tick(&mut self, now: Timestamp) {
        self.ui.now = now;
    }

    pub fn now(&self) -> Timestamp {
        self.ui.now
    }

    pub fn set_link(&mut self, link: Link) {
        // A drop that goes on keeps the time it started.
        if let (Link::Down { since, .. }, Link::Down { error, .. }) = (&self.link, &link) {
            self.link = Link::Down {
                since: *since,
                error: error.clone(),
            };
            return;
        }
        self.link = link;
    }

    /// A change from the event stream, for the feed.
    pub fn event(&mut self, event: Event) {
        self.feed.push_front(event);
        self.feed.truncate(FEED);
    }

    /// The general queue and every agent's My Queue as they are now; the agents' status too.
    pub fn set_queues(&mut self, queues: Queues) {
        for q in &queues.agents {
            if let Some(a) = self.agents.iter_mut().find(|a| a.id == q.agent) {
                a.status = q.status;
                a.active = q.active;
            }
        }
        self.queues = QueueRow::all(&queues);
        let rows = self.queues.len() + 1;
        if self.queue.selected().is_none_or(|s| s >= rows) {
            self.queue.select(Some(0));
        }
    }

    /// An intervention as it is now: open ones are listed, closed ones leave the lists.
    pub fn upsert(&mut self, i: Intervention) {
        if let Some(n) = self.open.iter().position(|o| o.id == i.id) {
            // An answer older than what is shown changes nothing.
            if self.open[n].version > i.version {
                return;
            }
            self.open.remove(n);
        }
        if !is_open(&i) {
            self.marked.remove(&i.id);
            return;
        }
        // Oldest first; a return queues it again at the back.
        let at = self
            .open
            .partition_point(|o| (o.queued_at, &o.id) < (i.queued_at, &i.id));
        self.open.insert(at, i);
    }

    /// An intervention the console may no longer see (gone, or out of an agent's view).
    pub fn forget(&mut self, id: &str) {
        self.open.retain(|o| o.id != id);
        self.marked.remove(id);
    }

    /// Everything open, as loaded again.
    pub fn replace_open(&mut self, open: Vec<Intervention>) {
        let ids: HashSet<&str> = open.iter().map(|i| i.id.as_str()).collect();
        self.marked.retain(|m| ids.contains(m.as_str()));
        self.open = Vec::new();
        for i in open {
            self.upsert(i);
        }
    }

    pub fn set_stuck(&mut self, stuck: Vec<Stuck>) {
        self.stuck = stuck;
    }

    /// The open interventions known, oldest first.
    pub fn open(&self) -> &[Intervention] {
        &self.open
    }

    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    // ---- what came of an intent ----

    /// An action went through: the row as it is now, and a line saying so.
    pub fn acted(&mut self, item: &Item, now: Intervention) {
        let to = item
            .action
            .target()
            .map(|a| format!(" to {}", self.names.of(a)))
            .unwrap_or_default();
        let text = format!("{} {}{to}", item.id, item.action.kind().event());
        self.upsert(now);
        self.say(text);
    }

    /// An action was refused because the intervention changed or is in another state: what the
    /// console showed beside what it is now, then the row as it is now.
    pub fn conflict(&mut self, item: &Item, status: u16, current: Intervention) {
        let before = self.open.iter().find(|o| o.id == item.id).cloned();
        self.popup = Some(Popup::Conflict(popups::Conflict::new(
            &self.names,
            item,
            status,
            before,
            &current,
        )));
        self.upsert(current);
    }

    /// Something failed; the line says what.
    pub fn failed(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// A line for the person at the console.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// A user's history arrived (or could not be read).
    pub fn history(&mut self, user: &str, records: Result<Vec<HistoryRecord>, String>) {
        if let Some(Popup::History(h)) = &mut self.popup
            && h.user.id == user
        {
            h.records = Some(records);
        }
    }

    /// A bulk run of `total` items started.
    pub fn bulk_started(&mut self, describe: &str, total: u64) {
        self.bulk = Some(Progress {
            describe: describe.to_owned(),
            done: 0,
            total,
        });
    }

    /// The bulk run ended: its summary line is the message, with why it failed if it did.
    pub fn bulk_finished(&mut self, result: Result<(), String>) {
        self.absorb();
        self.bulk = None;
        if let Err(error) = result {
            let summary = self
                .message
                .take()
                .map(|m| format!("{}; ", m.text))
                .unwrap_or_default();
            self.failed(format!("{summary}{error}"));
        }
    }

    /// What code writing to the terminal said meanwhile (a bulk run's notes and summary, `-v`
    /// lines), and how far the bulk run is.
    fn absorb(&mut self) {
        let kept = held::take();
        if let Some(last) = kept.lines.last() {
            self.say(last.clone());
        }
        if let (Some(bulk), Some((done, total))) = (&mut self.bulk, kept.progress) {
            bulk.done = done;
            bulk.total = total;
        }
    }

    pub fn bulk_running(&self) -> bool {
        self.bulk.is_some()
    }

    // ---- what the panes list ----

    /// The queue the list shows.
    fn queue_choice(&self) -> Queue {
        match self.queue.selected().unwrap_or(0) {
            0 => Queue::AllOpen,
            n => match self.queues.get(n - 1).and_then(|q| q.agent.clone()) {
                Some(agent) => Queue::Agent(agent),
                None => Queue::General,
            },
        }
    }

    /// Whether an intervention passes the filters and the search.
    fn shown(&self, i: &Intervention) -> bool {
        self.filter.matches(i) && self.found(i)
    }

    fn found(&self, i: &Intervention) -> bool {
        if self.search.is_empty() {
            return true;
        }
        let wanted = self.search.to_lowercase();
        [
            i.id.as_str(),
            i.user.name.as_str(),
            i.user.id.as_str(),
            i.summary.as_str(),
        ]
        .iter()
        .any(|t| t.to_lowercase().contains(&wanted))
            || i.owner
                .as_deref()
                .is_some_and(|o| self.names.of(o).to_lowercase().contains(&wanted))
    }

    /// The interventions of the selected queue that pass the filters and the search.
    fn listed(&self) -> Vec<&Intervention> {
        let queue = self.queue_choice();
        self.open
            .iter()
            .filter(|i| match &queue {
                Queue::AllOpen => true,
                Queue::General => i.state == InterventionState::Queued,
                Queue::Agent(a) => {
                    i.state == InterventionState::Assigned && i.owner.as_deref() == Some(a)
                }
            })
            .filter(|i| self.shown(i))
            .collect()
    }

    /// The stuck interventions that pass the filters and the search.
    fn stuck_listed(&self) -> Vec<&Stuck> {
        self.stuck
            .iter()
            .filter(|s| self.shown(&s.intervention))
            .collect()
    }

    /// The intervention the keys act on: the stuck pane's selection when it has the keys,
    /// else the list's.
    fn current(&self) -> Option<&Intervention> {
        if self.focus == Pane::Stuck {
            let stuck = self.stuck_listed();
            return self
                .stuck_table
                .selected()
                .and_then(|n| stuck.get(n))
                .map(|s| &s.intervention);
        }
        let listed = self.listed();
        let n = self.list_index(&listed)?;
        listed.get(n).copied()
    }

    /// Where the list's selection is now: on the same intervention when it is still listed.
    fn list_index(&self, listed: &[&Intervention]) -> Option<usize> {
        if listed.is_empty() {
            return None;
        }
        if let Some(id) = &self.selected
            && let Some(n) = listed.iter().position(|i| &i.id == id)
        {
            return Some(n);
        }
        Some(self.list.selected().unwrap_or(0).min(listed.len() - 1))
    }

    /// What an action acts on: the marked interventions (in list order), else the current one.
    fn targets(&self) -> Vec<Intervention> {
        if self.marked.is_empty() {
            return self.current().cloned().into_iter().collect();
        }
        self.open
            .iter()
            .filter(|i| self.marked.contains(&i.id))
            .cloned()
            .collect()
    }
}

fn is_open(i: &Intervention) -> bool {
    matches!(
        i.state,
        InterventionState::Queued | InterventionState::Assigned
    )
}
