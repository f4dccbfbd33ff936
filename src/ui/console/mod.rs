//! `livectl console`: the live view of one workspace, as state that draws itself.
//!
//! `App` holds what is shown (queues, interventions, stuck ones, the latest events), the
//! selection, the filters and the pop-ups. It is pure: the use case feeds it data and events,
//! `render` draws it into any ratatui frame (the terminal, or a test backend), and a key returns
//! at most an `Intent` (an action to run, a history to load, leaving) that the use case carries
//! out through the client. Nothing here talks to the platform. `Screen` is the terminal itself.

mod actions;
mod forms;
mod held;
mod keys;
mod lists;
mod popups;
mod render;
mod screen;
#[cfg(test)]
mod tests;
mod updates;
mod wrap;

use std::collections::{HashMap, HashSet, VecDeque};

use jiff::Timestamp;
use livectl_contract::{
    ActionKind, Agent, Block, Department, Intervention, InterventionQuery, Outcome, Queues,
    StreamEvent, Topic,
};
use ratatui::widgets::TableState;

use super::Ui;
use crate::model::{Item, Names, QueueRow, Stuck};

pub(crate) use held::{holds_terminal, keep_line, keep_progress, keep_run_end};
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

/// A queue's size, and an agent's capacity beside it when it has one: `3/5`.
fn load(count: i64, max_load: Option<u32>) -> String {
    match max_load {
        Some(max) => format!("{count}/{max}"),
        None => count.to_string(),
    }
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
    /// Interventions' changes and agents' status changes, newest first.
    feed: VecDeque<StreamEvent>,
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
    /// Each single action in flight: the intervention as it was shown when it was asked for.
    asked: HashMap<String, Intervention>,
    /// The single actions sent whose answer has not come: what and on which (`q` asks first).
    sending: Vec<(String, String)>,
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
            asked: HashMap::new(),
            sending: Vec::new(),
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
}
