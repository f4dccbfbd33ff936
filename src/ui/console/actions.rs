//! The actions a key starts: what they act on (the marks, else the current intervention),
//! which of those they fit, and whether to ask first.

use livectl_contract::{Action, ActionKind, AssignRequest, Intervention, InterventionState};

use super::forms::{CompleteForm, HistoryView, Picker, Popup};
use super::{App, Intent, forms};
use crate::model::Item;

impl App {
    /// How many interventions an agent's My Queue holds, and at most may hold.
    fn load(&self, agent: &str) -> (i64, Option<u32>) {
        self.queues
            .iter()
            .find(|q| q.agent.as_deref() == Some(agent))
            .map_or((0, None), |q| (q.count, q.max_load))
    }

    /// `a`: queued ones are assigned to me, others' are reassigned to me. One taken from a
    /// colleague's My Queue is asked first, as a cancel is: one key took a colleague's live
    /// conversation (on-call check).
    pub(super) fn assign_to_me(&mut self) -> Option<Intent> {
        let me = self.me.id.clone();
        let targets = self.targets();
        let kind = assign_kind(&targets, &me);
        let intent = self.plan(kind, "assign to me".into(), &targets, |i| to_agent(i, &me))?;
        let [one] = targets.as_slice() else {
            return Some(intent);
        };
        let Some(owner) = one.owner.as_deref().filter(|o| *o != me) else {
            return Some(intent);
        };
        let status = self
            .agents
            .iter()
            .find(|a| a.id == owner)
            .map(|a| format!(" ({})", a.status))
            .unwrap_or_default();
        self.popup = Some(Popup::Confirm {
            question: format!(
                "Take {} ({}) from {}{status} into your My Queue?",
                one.id,
                one.user.name,
                self.names.of(owner)
            ),
            intent,
        });
        None
    }

    /// `t`: the agent picker, for assigning or reassigning to another agent.
    pub(super) fn pick_agent(&mut self) {
        let targets = self.targets();
        if targets.is_empty() {
            self.failed("no intervention is selected");
            return;
        }
        // One intervention: its owner is not offered (reassigning to the owner is refused).
        let except = match targets.as_slice() {
            [one] => one.owner.clone(),
            _ => None,
        };
        // Only agents the caller may give every target to: an agent's token assigns a queued
        // one only to itself (the contract's `ActionKind::refusal`); it offered every agent,
        // each pick refused (new user). The first target that `agent` may not be given, and
        // why, in the contract's words.
        let refused = |agent: &str| {
            targets.iter().find_map(|i| {
                // One it would not move (already theirs, closed) is said when picked.
                let kind = to_agent(i, agent).ok()?.kind();
                self.refused(i, kind, Some(agent))
            })
        };
        let others = |a: &str| Some(a) != except.as_deref();
        let entries = forms::agent_entries(
            &self.agents,
            |a| self.load(a),
            &self.names,
            |a| others(a) && refused(a).is_none(),
        );
        if entries.is_empty() {
            // Why: the first agent there is, refused, in the contract's sentence; or nobody.
            let first = self
                .agents
                .iter()
                .filter(|a| a.active && others(&a.id))
                .find_map(|a| refused(&a.id));
            self.failed(match first {
                Some(why) => why,
                None => "no other active agent to give it to".to_owned(),
            });
            return;
        }
        // Named as the move is (a queued one assigned, an assigned one reassigned), as the
        // journal names it (`assign_kind`); it said "Assign" of an assigned one (new user).
        let assigned = targets
            .iter()
            .filter(|i| i.state == InterventionState::Assigned)
            .count();
        let verb = match assigned {
            0 => "Assign",
            n if n == targets.len() => "Reassign",
            _ => "Assign or reassign",
        };
        let title = match targets.as_slice() {
            [one] => format!("{verb} {} to", one.id),
            many => format!("{verb} {} interventions to", many.len()),
        };
        self.popup = Some(Popup::Agents {
            picker: Picker::new(title, entries),
            targets,
        });
    }

    /// Why the platform would refuse the caller `kind` on `i` as it is shown (given `to`, for
    /// a move), in the contract's words (`ActionKind::refusal`, the one judgement): "iv_1:
    /// nobody owns it, so only an admin may cancel it".
    fn refused(&self, i: &Intervention, kind: ActionKind, to: Option<&str>) -> Option<String> {
        let refusal = kind.refusal(
            self.me.role == livectl_contract::Role::Admin,
            self.me.id.as_str(),
            to,
            i.owner.as_deref(),
        )?;
        let to = to.map(|agent| self.names.of(agent)).unwrap_or_default();
        Some(format!("{}: {}", i.id, refusal.naming(&self.me.name, to)))
    }

    /// `c`: the completion form, for assigned ones.
    pub(super) fn complete(&mut self) {
        let targets = self.targets();
        if targets.is_empty() {
            self.failed("no intervention is selected");
            return;
        }
        if self.catalog.topics.is_empty() || self.catalog.outcomes.is_empty() {
            self.failed("the catalog has no topics or no outcomes; an admin must add them first");
            return;
        }
        // None it could complete (its state, or the caller's role: an agent on a colleague's
        // filled the whole form before hearing why: review): said before the form, as `plan`
        // would say it after.
        let kind = ActionKind::Complete;
        let (mut fit, mut why_not) = (Vec::new(), Vec::new());
        for i in &targets {
            match allowed(i, kind)
                .err()
                .or_else(|| self.refused(i, kind, None))
            {
                Some(why) => why_not.push(why),
                None => fit.push(i.department.as_deref()),
            }
        }
        if fit.is_empty() {
            self.failed(nothing_to(kind, &why_not));
            return;
        }
        // The topics of those it will complete: a colleague's Billing one marked beside its own
        // Support one narrowed them to the shared ones (review).
        let fit: Vec<Option<String>> = fit.into_iter().map(|d| d.map(str::to_owned)).collect();
        let departments: Vec<Option<&str>> = fit.iter().map(Option::as_deref).collect();
        let form = CompleteForm::new(targets, &self.catalog, &departments, |d| self.names.of(d));
        self.popup = Some(Popup::Complete(form));
    }

    /// `h`: the user's history, loaded by the use case.
    pub(super) fn open_history(&mut self) -> Option<Intent> {
        let user = self.current()?.user.clone();
        let intent = Intent::History {
            user: user.id.clone(),
        };
        self.popup = Some(Popup::History(HistoryView {
            user,
            records: None,
            scroll: 0,
        }));
        Some(intent)
    }

    /// The items of an action on its targets; those it does not apply to are left out, and
    /// said. Several items, or a cancel, ask first.
    pub(super) fn plan(
        &mut self,
        kind: ActionKind,
        describe: String,
        targets: &[Intervention],
        action: impl Fn(&Intervention) -> Result<Action, String>,
    ) -> Option<Intent> {
        if targets.is_empty() {
            self.failed("no intervention is selected");
            return None;
        }
        let mut items = Vec::new();
        let mut left_out = Vec::new();
        for i in targets {
            // One the caller may not act on is left out as one in another state is: an
            // agent's `x` on a queued one went out and failed (new user).
            let refused = |action: &Action| self.refused(i, action.kind(), action.target());
            match action(i).and_then(|action| match refused(&action) {
                Some(why) => Err(why),
                None => Ok(action),
            }) {
                Ok(action) => items.push(Item {
                    id: i.id.clone(),
                    version: Some(i.version),
                    action,
                    refused: None,
                    looked: None,
                }),
                Err(why) => left_out.push(why),
            }
        }
        if items.is_empty() {
            self.failed(nothing_to(kind, &left_out));
            return None;
        }
        let question = match items.as_slice() {
            // Marked several, one applies: ask all the same, saying what was left out.
            [_] if targets.len() > 1 => Some(bulk_question(&describe, &items, &left_out)),
            [one] if kind == ActionKind::Cancel => {
                let user = targets
                    .iter()
                    .find(|i| i.id == one.id)
                    .map(|i| i.user.name.clone())
                    .unwrap_or_default();
                Some(format!(
                    "Cancel the takeover of {} ({user})? The user goes back to the bot.",
                    one.id
                ))
            }
            [_] => None,
            many => Some(bulk_question(&describe, many, &left_out)),
        };
        if let [one] = items.as_slice()
            && let Some(shown) = targets.iter().find(|i| i.id == one.id)
        {
            self.asked.insert(one.id.clone(), shown.clone());
        }
        let intent = Intent::Act {
            kind,
            describe,
            items,
        };
        match question {
            Some(question) => {
                self.popup = Some(Popup::Confirm { question, intent });
                None
            }
            None => {
                self.marked.clear();
                Some(intent)
            }
        }
    }
}

/// Why `kind` has nothing to act on: the one reason, or the first and how many more.
fn nothing_to(kind: ActionKind, why_not: &[String]) -> String {
    match why_not {
        [] => format!("nothing to {kind}"),
        [one] => one.clone(),
        [first, rest @ ..] => format!("nothing to {kind}: {first}, and {} more", rest.len()),
    }
}

/// The question before a run on several: what, how many, a sample, what was left out.
fn bulk_question(describe: &str, items: &[Item], left_out: &[String]) -> String {
    let sample: Vec<&str> = items.iter().take(5).map(|i| i.id.as_str()).collect();
    let more = if items.len() > 5 { ", …" } else { "" };
    let skipped = match left_out {
        [] => String::new(),
        [one] => format!(" Left out: {one}."),
        [first, rest @ ..] => format!(" Left out: {first}, and {} more.", rest.len()),
    };
    let (count, run) = match items.len() {
        1 => ("1 intervention".to_owned(), ""),
        n => (format!("{n} interventions"), " A bulk run, with a journal."),
    };
    format!(
        "{describe}: {count} ({}{more})?{run}{skipped}",
        sample.join(", ")
    )
}

/// Whether `kind` may run on `i` as it is shown; if not, why, in words.
pub(super) fn allowed(i: &Intervention, kind: ActionKind) -> Result<(), String> {
    if kind.allowed(i.state) {
        Ok(())
    } else {
        Err(format!(
            "{} is {}; {kind} needs it {}",
            i.id,
            i.state,
            kind.allowed_from_words()
        ))
    }
}

/// Giving `i` to `agent`: assign when queued, reassign when someone else owns it.
pub(super) fn to_agent(i: &Intervention, agent: &str) -> Result<Action, String> {
    let request = AssignRequest {
        agent: agent.to_owned(),
        reason: None,
    };
    match i.state {
        InterventionState::Queued => Ok(Action::Assign(request)),
        InterventionState::Assigned if i.owner.as_deref() == Some(agent) => {
            Err(format!("{} is in that agent's My Queue already", i.id))
        }
        InterventionState::Assigned => Ok(Action::Reassign(request)),
        state => Err(format!("{} is {state}; only open ones change owner", i.id)),
    }
}

/// The command a move to `agent` is, as its journal names it: reassign when any item is one.
pub(super) fn assign_kind(targets: &[Intervention], agent: &str) -> ActionKind {
    if targets
        .iter()
        .any(|i| matches!(to_agent(i, agent), Ok(Action::Reassign(_))))
    {
        ActionKind::Reassign
    } else {
        ActionKind::Assign
    }
}
