//! Drawing the pop-ups: keys, pickers, the completion form, a confirmation, a user's history
//! and what changed when an action met a conflict.

use livectl_contract::Intervention;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::App;
use super::forms::{CompleteForm, HistoryView, Picker, Popup, Step};
use super::render::clean;
use super::wrap::wrapped;
use crate::model::{Item, Names};
use crate::ui::{View, timeline};

/// What changed when an action was refused: the intervention as the console showed it beside
/// what it is now, and whether a pane in view still shows it (`listed`).
pub(super) struct Conflict {
    pub title: String,
    pub lines: Vec<String>,
}

impl Conflict {
    pub fn new(
        names: &Names,
        item: &Item,
        status: u16,
        detail: &str,
        before: Option<Intervention>,
        now: &Intervention,
        listed: bool,
    ) -> Conflict {
        let kind = item.action.kind();
        let id = &item.id;
        let first = if status == 412 {
            format!(
                "{id} changed after the console showed it, so the {kind} was not sent over the change."
            )
        } else if kind.allowed(now.state) {
            // Refused for another reason than its state (an agent at its max_load, the owner
            // already): the platform's words. "iv_1 is queued now; assign needs it queued"
            // contradicted itself (new user).
            format!("{}. Nothing was changed.", detail.trim_end_matches('.'))
        } else {
            format!(
                "{id} is {} now; {kind} needs it {}. Nothing was changed.",
                now.state,
                kind.allowed_from_words()
            )
        };
        let owner = |i: &Intervention| match &i.owner {
            Some(o) => names.of(o),
            None => "none (general queue)".to_owned(),
        };
        let row = |what: &str, shown: String, current: String| {
            let mark = if shown == current { " " } else { "*" };
            format!("{mark} {what:<9} {shown:<24} {current}")
        };
        let mut lines = vec![first, String::new()];
        lines.push(format!("  {:<9} {:<24} {}", "", "shown", "now"));
        match before {
            Some(b) => {
                lines.push(row("state", b.state.to_string(), now.state.to_string()));
                lines.push(row("owner", owner(&b), owner(now)));
                lines.push(row(
                    "version",
                    b.version.to_string(),
                    now.version.to_string(),
                ));
                if b.tags != now.tags {
                    lines.push(row("tags", b.tags.join(", "), now.tags.join(", ")));
                }
            }
            None => {
                lines.push(row("state", "-".into(), now.state.to_string()));
                lines.push(row("owner", "-".into(), owner(now)));
                lines.push(row("version", "-".into(), now.version.to_string()));
            }
        }
        lines.push(String::new());
        // One that has left the list in view has no row to look at: closed (new user), or
        // moved out of the queue or the filters shown (review).
        lines.push(if listed {
            "The row shows it as it is now. Esc closes.".into()
        } else if super::updates::is_open(now) {
            format!(
                "It is {} now and has left the list shown. Esc closes.",
                now.state
            )
        } else {
            format!("It is {} and has left the list. Esc closes.", now.state)
        });
        Conflict {
            title: format!("{id}: {kind} refused"),
            lines,
        }
    }
}

/// A centred box of at most `width` x `height` (less on a smaller screen), cleared.
fn boxed(app: &App, frame: &mut Frame, title: &str, width: u16, height: u16) -> Rect {
    let area = frame.area();
    let width = width.min(area.width.saturating_sub(4));
    let height = height.min(area.height.saturating_sub(2));
    let area = area.centered(Constraint::Length(width), Constraint::Length(height));
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {} ", clean(title)))
        .border_style(app.paint(Style::new().fg(Color::Cyan)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The pop-up on top, if any.
pub(super) fn render(app: &App, frame: &mut Frame) {
    let Some(popup) = &app.popup else { return };
    match popup {
        Popup::Help => help(app, frame),
        Popup::Agents { picker, .. } => pick(app, frame, &picker.title, picker, &[]),
        Popup::Department(picker) => pick(app, frame, &picker.title, picker, &[]),
        Popup::Owner(picker) => pick(app, frame, &picker.title, picker, &[]),
        Popup::Complete(form) => complete(app, frame, form),
        Popup::Confirm { question, .. } => {
            let inner = boxed(app, frame, "Are you sure?", 64, 8);
            let text = vec![
                Line::from(clean(question)),
                Line::from(""),
                Line::from(vec![
                    Span::raw("y").bold(),
                    Span::raw(" yes    "),
                    Span::raw("n").bold(),
                    Span::raw(" no"),
                ]),
            ];
            frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
        }
        Popup::History(view) => history(app, frame, view),
        Popup::Conflict(conflict) => {
            let height = conflict.lines.len() as u16 + 2;
            let inner = boxed(app, frame, &conflict.title, 76, height + 2);
            let lines: Vec<Line> = conflict
                .lines
                .iter()
                .map(|l| Line::from(clean(l)))
                .collect();
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
    }
}

const HELP: &[(&str, &str)] = &[
    ("↑ ↓  j k", "move in the pane; PgUp PgDn Home End"),
    ("Tab", "next pane: queues, interventions, stuck"),
    ("Enter", "on a queue: list its interventions"),
    ("a", "assign to me (asks first when another owns it)"),
    ("t", "assign or reassign to another agent: a picker"),
    ("r", "return to the general queue"),
    ("x", "cancel the takeover (the user goes back to the bot)"),
    ("c", "complete: topic, outcome, closing block, tags"),
    ("h", "the user's history"),
    ("space", "mark; an action on marks is a bulk run"),
    ("/", "search by id, user, summary or owner"),
    ("d  o", "filter by department, by owner"),
    ("Esc", "close a pop-up; drop the marks, then the search"),
    ("?", "these keys"),
    ("q  Ctrl-C", "leave"),
];

fn help(app: &App, frame: &mut Frame) {
    let inner = boxed(app, frame, "Keys", 70, HELP.len() as u16 + 4);
    let mut lines: Vec<Line> = HELP
        .iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::raw(format!(" {key:<10} ")).bold(),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(" Any key closes this.", app.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A picker's lines: what is typed, then a window of the entries around the selection.
fn picker_lines<T: Clone>(app: &App, picker: &Picker<T>, rows: usize) -> Vec<Line<'static>> {
    let shown = picker.shown();
    let mut lines = vec![Line::from(vec![
        Span::styled(" type to narrow: ", app.dim()),
        Span::raw(clean(&picker.filter)),
        Span::raw("█"),
    ])];
    if shown.is_empty() {
        lines.push(Line::styled("   nothing matches", app.dim()));
        return lines;
    }
    let rows = rows.max(1);
    let start = picker.selected.saturating_sub(rows - 1);
    let label_width = shown
        .iter()
        .map(|e| e.label.chars().count())
        .max()
        .unwrap_or(0)
        .min(28);
    for (n, entry) in shown.iter().enumerate().skip(start).take(rows) {
        let label = format!(
            "{} {:<label_width$}  ",
            if n == picker.selected { ">" } else { " " },
            clean(&entry.label)
        );
        let label = if n == picker.selected {
            Span::styled(label, app.paint(Style::new().fg(Color::Cyan)).reversed())
        } else {
            Span::raw(label)
        };
        lines.push(Line::from(vec![
            label,
            Span::styled(clean(&entry.detail), app.dim()),
        ]));
    }
    lines
}

/// A picker in its own box, below `above` (the form's answers so far).
fn pick<T: Clone>(
    app: &App,
    frame: &mut Frame,
    title: &str,
    picker: &Picker<T>,
    above: &[Line<'static>],
) {
    let entries = picker.shown().len().max(1) as u16;
    let height = (entries + 4 + above.len() as u16).clamp(8, 20);
    let inner = boxed(app, frame, title, 72, height);
    let rows = usize::from(inner.height).saturating_sub(2 + above.len());
    let mut lines = above.to_vec();
    lines.extend(picker_lines(app, picker, rows));
    lines.push(Line::styled(" Enter picks, Esc closes", app.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn complete(app: &App, frame: &mut Frame, form: &CompleteForm) {
    let answer = |label: &str, value: Option<String>| {
        Line::from(vec![
            Span::raw(format!(" {label:<14}")).bold(),
            Span::raw(value.map(|v| clean(&v)).unwrap_or_else(|| "…".into())),
        ])
    };
    let targets = match form.targets.as_slice() {
        [one] => format!("Complete {}", one.id),
        many => format!("Complete {} interventions", many.len()),
    };
    let above = vec![
        answer("Topic", form.topic.as_ref().map(|t| t.name.clone())),
        answer("Outcome", form.outcome.as_ref().map(|o| o.name.clone())),
        answer(
            "Closing block",
            form.block.as_ref().map(|b| {
                b.as_ref()
                    .map_or_else(|| "none".to_owned(), |b| b.name.clone())
            }),
        ),
        Line::from(""),
    ];
    match &form.step {
        Step::Topic(p) => pick(app, frame, &format!("{targets}: topic"), p, &above),
        Step::Outcome(p) => pick(app, frame, &format!("{targets}: outcome"), p, &above),
        Step::Block(p) => pick(app, frame, &format!("{targets}: closing block"), p, &above),
        Step::Tags { text, refused } => {
            let inner = boxed(app, frame, &format!("{targets}: tags"), 72, 10);
            let mut lines = above;
            lines.push(Line::from(vec![
                Span::raw(" Tags, comma-separated (optional): ").bold(),
                Span::raw(clean(text)),
                Span::raw("█"),
            ]));
            match refused {
                Some(why) => lines.push(Line::styled(
                    format!(" {}", clean(why)),
                    app.paint(Style::new().fg(Color::Red)),
                )),
                None => lines.push(Line::from("")),
            }
            lines.push(Line::styled(" Enter completes, Esc cancels", app.dim()));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
    }
}

fn history(app: &App, frame: &mut Frame, view: &HistoryView) {
    let area = frame.area();
    let user = &view.user;
    let title = format!("History of {} ({}, {})", user.name, user.id, user.channel);
    let inner = boxed(app, frame, &title, area.width - 8, area.height - 4);
    let rows = usize::from(inner.height).saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    match &view.records {
        None => lines.push(Line::styled(" loading…", app.dim())),
        Some(Err(error)) => lines.push(Line::styled(
            format!(" cannot read the history: {}", clean(error)),
            app.paint(Style::new().fg(Color::Red)),
        )),
        Some(Ok(records)) if records.is_empty() => {
            lines.push(Line::styled(" no history yet", app.dim()))
        }
        Some(Ok(records)) => {
            let people = View {
                ui: &app.ui,
                names: &app.names,
            };
            let mut last: Option<&str> = None;
            for r in records {
                let new_conversation = last != Some(r.conversation_id.as_str());
                last = Some(&r.conversation_id);
                for spans in timeline::history(&people, r, new_conversation).lines() {
                    let line = Line::from(spans.iter().map(|s| app.span(s)).collect::<Vec<_>>());
                    lines.extend(wrapped(line, usize::from(inner.width)));
                }
            }
        }
    }
    // The newest at the bottom; scrolling goes up from there.
    let end = lines
        .len()
        .saturating_sub(view.scroll.min(lines.len().saturating_sub(rows)));
    let start = end.saturating_sub(rows);
    let mut shown: Vec<Line> = lines.drain(start..end).collect();
    // The keys on the box's last row, where a short history leaves them too (they followed
    // the text, mid-box: a new user).
    shown.resize(rows, Line::default());
    shown.push(Line::styled(" ↑ ↓ PgUp PgDn scroll, Esc closes", app.dim()));
    frame.render_widget(Paragraph::new(shown), inner);
}

#[cfg(test)]
mod tests {
    /// The README's table of keys names every key the help pop-up does: it had left out Esc
    /// and the page keys (a review).
    #[test]
    fn the_readme_names_every_key_the_help_names() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        let table = readme
            .split("| key | does |")
            .nth(1)
            .and_then(|rest| rest.split("\n\n").next())
            .expect("the README has the console's table of keys");
        let help: Vec<&str> = super::HELP
            .iter()
            .flat_map(|(keys, _)| keys.split_whitespace())
            .collect();
        // The keys the first row names in its words.
        for key in help.iter().copied().chain(["PgUp", "PgDn", "Home", "End"]) {
            assert!(
                table.contains(&format!("`{key}`")),
                "the README's table of keys lacks `{key}`"
            );
        }
        // And the help names every key the status line does.
        for (key, _) in super::super::render::STATUS_KEYS
            .iter()
            .chain(&super::super::render::ALWAYS_KEYS)
        {
            assert!(help.contains(key), "the help pop-up lacks `{key}`");
        }
    }
}
