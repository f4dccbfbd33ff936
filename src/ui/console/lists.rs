//! What the panes list: the selected queue's interventions through the filters and the search,
//! the stuck ones, and what an action acts on.

use livectl_contract::{Intervention, InterventionState};

use super::{App, Pane, Queue};
use crate::model::Stuck;

impl App {
    /// The queue the list shows.
    pub(super) fn queue_choice(&self) -> Queue {
        match self.queue.selected().unwrap_or(0) {
            0 => Queue::AllOpen,
            n => match self.queues.get(n - 1).and_then(|q| q.agent.clone()) {
                Some(agent) => Queue::Agent(agent),
                None => Queue::General,
            },
        }
    }

    /// Whether an intervention passes the filters and the search.
    pub(super) fn shown(&self, i: &Intervention) -> bool {
        self.filter.matches(i) && self.found(i)
    }

    pub(super) fn found(&self, i: &Intervention) -> bool {
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
    pub(super) fn listed(&self) -> Vec<&Intervention> {
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
    pub(super) fn stuck_listed(&self) -> Vec<&Stuck> {
        self.stuck
            .iter()
            .filter(|s| self.shown(&s.intervention))
            .collect()
    }

    /// The intervention the keys act on: the stuck pane's selection when it has the keys,
    /// else the list's.
    pub(super) fn current(&self) -> Option<&Intervention> {
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
    pub(super) fn list_index(&self, listed: &[&Intervention]) -> Option<usize> {
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
    pub(super) fn targets(&self) -> Vec<Intervention> {
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
