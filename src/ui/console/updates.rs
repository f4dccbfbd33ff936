//! What the use case tells the console: data as it is now, events, and what came of its
//! intents; and what the console holds that the use case reads back.

use std::collections::HashSet;

use jiff::Timestamp;
use livectl_contract::{
    Agent, Event, HistoryRecord, Intervention, Queues, States, StatusEvent, StreamEvent,
};

use super::forms::Popup;
use super::{App, FEED, Link, Message, Progress, held, popups};
use crate::model::{Item, QueueRow, Stuck};

impl App {
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
        self.feed.push_front(StreamEvent::Intervention(event));
        self.feed.truncate(FEED);
    }

    /// An agent's status change: in the feed, and at once in its My Queue's row and in what
    /// decides whether its interventions are stuck (no request: the event says it all).
    pub fn status(&mut self, change: StatusEvent) {
        let mut active = true;
        if let Some(a) = self.agents.iter_mut().find(|a| a.id == change.agent) {
            a.status = change.to;
            a.status_since = change.at;
            active = a.active;
        }
        for q in &mut self.queues {
            if active && q.agent.as_deref() == Some(change.agent.as_str()) {
                q.status = Some(change.to.to_string());
            }
        }
        self.feed.push_front(StreamEvent::Status(change));
        self.feed.truncate(FEED);
    }

    /// The general queue and every agent's My Queue as they are now; the agents' status too.
    pub fn set_queues(&mut self, queues: Queues) {
        for q in &queues.agents {
            if let Some(a) = self.agents.iter_mut().find(|a| a.id == q.agent) {
                // The queues say the status, not since when: a change missed by the stream
                // counts from now, so an absence is never shown longer than it is.
                if a.status != q.status {
                    a.status_since = self.ui.now;
                }
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
        // In the order of the WAITING column, longest first (an assignment or a return starts
        // the wait again, at the back).
        use crate::ui::rows::waiting_since;
        let at = self.open.partition_point(|o| {
            (waiting_since(o), o.id.as_str()) < (waiting_since(&i), i.id.as_str())
        });
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

    /// The open interventions known, longest waiting first (`rows::waiting_since`).
    pub fn open(&self) -> &[Intervention] {
        &self.open
    }

    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    // ---- what came of an intent ----

    /// An action went through: the row as it is now, and a line saying so.
    pub fn acted(&mut self, item: &Item, now: Intervention) {
        // An agent given work while not online is said to be, as the command line warns.
        let how = |id: &str| {
            self.agents
                .iter()
                .find(|a| a.id == id)
                .filter(|a| a.status != livectl_contract::AgentStatus::Online)
                .map(|a| format!(", who is {}", a.status))
                .unwrap_or_default()
        };
        let to = item
            .action
            .target()
            .map(|a| format!(" to {}{}", self.names.of(a), how(a)))
            .unwrap_or_default();
        let text = format!("{} {}{to}", item.id, item.action.kind().event());
        self.asked.remove(&item.id);
        self.upsert(now);
        self.say(text);
    }

    /// An agent picked had no room (409 `at_capacity`): said as a run says it (`NoRoom`), not
    /// in the platform's words beside a table of what changed, where nothing had (new user).
    pub fn no_room(&mut self, item: &Item) {
        let agent = item.action.target();
        let known = agent.and_then(|id| self.agents.iter().find(|a| a.id == id));
        let full = crate::model::Full {
            id: agent.map(str::to_owned),
            name: known.map(|a| a.name.clone()),
            max_load: known.and_then(|a| a.max_load),
            owns: false,
        };
        let why = crate::model::NoRoom::Agents(vec![full]).why();
        self.failed(format!("{why}; {} is left where it is", item.id));
    }

    /// An action was refused because the intervention changed or is in another state: what the
    /// console showed when the key was pressed beside what it is now, then the row as it is now.
    pub fn conflict(&mut self, item: &Item, status: u16, detail: &str, current: Intervention) {
        // The row may show the change already (the event stream can be quicker than the
        // refusal): compare with what the action was asked on.
        let shown = self
            .asked
            .remove(&item.id)
            .or_else(|| self.open.iter().find(|o| o.id == item.id).cloned());
        self.upsert(current.clone());
        // In the list shown, or in the stuck pane, which the queue in view does not narrow
        // (and which is worked out again later: one closed has left it already).
        let listed = self.listed().iter().any(|i| i.id == item.id)
            || (is_open(&current)
                && self
                    .stuck_listed()
                    .iter()
                    .any(|s| s.intervention.id == item.id));
        let conflict =
            popups::Conflict::new(&self.names, item, status, detail, shown, &current, listed);
        // The line said "sent, waiting for the answer…" after the answer came (new user).
        self.failed(conflict.title.clone());
        self.popup = Some(Popup::Conflict(conflict));
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
        // One key, two runs (queued ones assigned, assigned ones reassigned): both said, each
        // with its first failure (`Ui::bulk_summary` keeps it among the ends).
        let ended = held::take_ended();
        if ended.len() > 1 {
            self.say(ended.join(" · "));
        }
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
    pub(super) fn absorb(&mut self) {
        let kept = held::take();
        if let Some(last) = kept.lines.last() {
            self.say(last.clone());
        }
        if let (Some(bulk), Some((done, total))) = (&mut self.bulk, kept.progress) {
            bulk.done = done;
            bulk.total = total;
        }
    }

    /// A single action went out: said until its answer comes, which may take a while from a
    /// platform that hangs (nothing showed for a minute: on-call check).
    pub fn sending(&mut self, item: &Item) {
        let what = item.action.name().to_owned();
        self.say(format!("{what} {}: sent, waiting for the answer…", item.id));
        self.sending.push((what, item.id.clone()));
    }

    /// The answer of a single action came, whatever it says.
    pub fn answered(&mut self, item: &Item) {
        if let Some(at) = self.sending.iter().position(|(_, id)| *id == item.id) {
            self.sending.remove(at);
        }
    }

    /// The single actions whose answer has not come, as "cancel iv_14", with their ids.
    pub(super) fn on_their_way(&self) -> Vec<(String, &str)> {
        self.sending
            .iter()
            .map(|(what, id)| (format!("{what} {id}"), id.as_str()))
            .collect()
    }

    /// The error the console ends with, with what it leaves behind as its hints (a token
    /// refused ended it with none of it said: review).
    pub fn leaving(&self, error: crate::error::CliError) -> crate::error::CliError {
        self.left_behind()
            .into_iter()
            .fold(error, |error, line| error.hint(line))
    }

    /// What leaving now leaves behind, said once the terminal is given back, whether the
    /// console ends by a key or by an error: actions whose answer had not come, and a bulk run
    /// in progress, stopped with its journal kept. Leaving by `q` or Ctrl-C said nothing of
    /// the run (new user), nor of the actions (review).
    pub fn left_behind(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .on_their_way()
            .into_iter()
            .map(|(what, id)| {
                format!("{what} was on its way: look with `livectl show {id}` whether it was done")
            })
            .collect();
        if self.bulk_running() {
            lines.push(
                "a bulk run was stopped: `livectl runs` lists it with its --resume command".into(),
            );
        }
        lines
    }

    pub fn bulk_running(&self) -> bool {
        self.bulk.is_some()
    }
}

/// Queued or assigned: what the lists hold.
pub(super) fn is_open(i: &Intervention) -> bool {
    States::open().contains(i.state)
}
