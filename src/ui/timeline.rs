//! Events and messages in words: the one renderer behind `show`, `watch` and `history`.

use jiff::Timestamp;

use super::rows::state;
use super::{Span, Text, View, age};
use livectl_contract::{
    Event, EventAction, HistoryRecord, Intervention, Message, Sender, StatusEvent,
};

/// An owner as `Name (id)`, or the general queue.
pub fn owner(view: &View, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("{} ({id})", view.names.of(id)),
        None => "none (general queue)".into(),
    }
}

/// Who wrote a message: the agent's name, else the sender.
pub fn sender(view: &View, sender: Sender, agent: Option<&str>) -> String {
    match agent {
        Some(a) => view.names.of(a),
        None => sender.to_string(),
    }
}

/// What an event did, its reason and who did it: `reassigned from Bo (ag_3) to Dee (ag_5)
/// (better suited), by Bo Chen`.
pub fn event(view: &View, e: &Event) -> String {
    let what = match e.action {
        EventAction::Assigned => format!("assigned to {}", owner(view, e.to_owner.as_deref())),
        EventAction::Reassigned => format!(
            "reassigned from {} to {}",
            owner(view, e.from_owner.as_deref()),
            owner(view, e.to_owner.as_deref())
        ),
        EventAction::Returned => format!(
            "returned to the queue from {}",
            owner(view, e.from_owner.as_deref())
        ),
        other => other.to_string(),
    };
    let reason = e
        .reason
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    format!("{what}{reason}, by {}", view.names.of(&e.actor))
}

/// A message in a timeline: `  2026-11-24 08:00 +00:00  Bo Chen: text`.
fn message_line(view: &View, at: Timestamp, who: String, text: &str) -> Vec<Span> {
    vec![
        Span::plain(format!("  {}  {who}: ", view.ui.time(at))),
        Span::plain(text),
    ]
}

/// `livectl show`: the intervention, its timeline and its last messages.
pub fn intervention(view: &View, i: &Intervention, events: &[Event], messages: &[Message]) -> Text {
    let now = view.ui.now;
    let when = |t: Timestamp| format!("{} ({} ago)", view.ui.time(t), age(t, now));
    let named = |id: &str| match view.names.get(id) {
        Some(n) => format!("{n} ({id})"),
        None => id.to_owned(),
    };
    let mut t = Text::new();
    t.line([
        Span::plain(format!("{}  ", i.id)),
        state(i.state),
        Span::plain(format!("  version {}", i.version)),
    ]);
    t.plain(format!(
        "User:        {} ({}, {})",
        i.user.name, i.user.id, i.user.channel
    ));
    t.plain(format!("Summary:     {}", i.summary));
    t.plain(format!("Owner:       {}", owner(view, i.owner.as_deref())));
    if let Some(d) = &i.department {
        t.plain(format!("Department:  {}", named(d)));
    }
    t.plain(format!("Queued:      {}", when(i.queued_at)));
    for (label, at) in [
        ("Assigned:    ", i.assigned_at),
        ("Closed:      ", i.closed_at),
        ("User wrote:  ", i.last_user_message_at),
        ("Agent wrote: ", i.last_agent_message_at),
    ] {
        if let Some(at) = at {
            t.plain(format!("{label}{}", when(at)));
        }
    }
    if !i.tags.is_empty() {
        t.plain(format!("Tags:        {}", i.tags.join(", ")));
    }
    if let Some(c) = &i.completion {
        let block = c
            .block
            .as_deref()
            .map(|b| format!(", block {}", named(b)))
            .unwrap_or_default();
        t.plain(format!(
            "Completion:  topic {}, outcome {}{block}, by {}",
            named(&c.topic),
            named(&c.outcome),
            view.names.of(&c.completed_by)
        ));
    }
    t.plain("");
    t.plain("Timeline:");
    for e in events {
        t.plain(format!("  {}  {}", view.ui.time(e.at), event(view, e)));
    }
    if !messages.is_empty() {
        t.plain("");
        t.plain("Last messages:");
        for m in messages {
            let who = sender(view, m.sender, m.agent.as_deref());
            t.line(message_line(view, m.at, who, &m.text));
        }
    }
    t
}

/// `livectl watch` on a terminal: one line a change, with the intervention's summary when known.
pub fn change(view: &View, e: &Event, summary: Option<&str>) -> Text {
    let summary = summary.map(|s| format!("  {s}")).unwrap_or_default();
    let mut t = Text::new();
    t.plain(format!(
        "{}  {:<8} {}{summary}",
        view.ui.clock(e.at),
        e.intervention_id,
        event(view, e)
    ));
    t
}

/// What a status change did and who did it: `Bo Chen online -> away (lunch), by Bo Chen`.
pub fn status(view: &View, e: &StatusEvent) -> String {
    let reason = e
        .reason
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    format!(
        "{} {} -> {}{reason}, by {}",
        view.names.of(&e.agent),
        e.from,
        e.to,
        view.names.of(&e.actor)
    )
}

/// `livectl watch` on a terminal: an agent's status change, `ag_3  Bo Chen online -> away,
/// by Bo Chen`.
pub fn status_change(view: &View, e: &StatusEvent) -> Text {
    let mut t = Text::new();
    t.plain(format!(
        "{}  {:<8} {}",
        view.ui.clock(e.at),
        e.agent,
        status(view, e)
    ));
    t
}

/// `livectl history` on a terminal: a heading for each conversation, then its messages.
pub fn history(view: &View, r: &HistoryRecord, new_conversation: bool) -> Text {
    let mut t = Text::new();
    if new_conversation {
        t.plain("");
        t.plain(format!(
            "{} ({}, {}), conversation {}",
            r.user.name, r.user.id, r.channel, r.conversation_id
        ));
    }
    let who = sender(view, r.sender, r.agent.as_deref());
    t.line(message_line(view, r.at, who, &r.text));
    t
}
