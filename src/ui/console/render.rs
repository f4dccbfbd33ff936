//! Drawing the panes: the header, the queues, the stuck ones, the selected queue's
//! interventions, the feed of events and the status line. Every piece of outside text is
//! sanitized on its way into a cell.

use livectl_contract::StreamEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, HighlightSpacing, Paragraph, Row, Table};

use super::wrap::{fitted, wrapped};
use super::{App, Link, MIN_SIZE, Pane, load, popups};
use crate::model::{QueueRow, Stuck};
use crate::ui::{Row as _, View, age, sanitize, timeline};

/// The most rows a message on the status line takes.
const STATUS_ROWS: usize = 3;

/// Outside text, safe for the terminal: control characters shown, not obeyed.
pub(super) fn clean(text: &str) -> String {
    sanitize(text, false).into_owned()
}

/// The columns of the interventions' table (`Intervention::COLUMNS`), a width each or the
/// rest of the row; a cell wider is cut with an ellipsis.
const LIST_WIDTHS: [Option<u16>; 6] = [Some(7), Some(9), Some(12), Some(14), Some(7), None];

/// The same for the stuck table (`Stuck::COLUMNS`), of which a narrow pane shows some.
const STUCK_WIDTHS: [Option<u16>; 5] = [Some(7), Some(9), Some(12), Some(12), None];

const _: () = assert!(
    LIST_WIDTHS.len() == <livectl_contract::Intervention as crate::ui::Row>::COLUMNS.len()
        && STUCK_WIDTHS.len() == <Stuck as crate::ui::Row>::COLUMNS.len()
);

/// A column's constraint: its width, or what the row leaves.
fn width(of: Option<u16>) -> Constraint {
    of.map_or(Constraint::Fill(1), Constraint::Length)
}

/// The columns each cell of a table drawn in `area` is fitted to: its width, or for the one
/// that takes the rest, what the box's borders, the selection's `> `, the other columns and a
/// space between each leave (the summary and why were cut with no `…`: review). A table's
/// first column is its one-column mark, which `widths` leaves out.
fn fits(area: Rect, widths: impl Iterator<Item = Option<u16>> + Clone) -> Vec<usize> {
    let columns = widths.clone().count() + 1;
    let taken: usize = 1 + widths.clone().flatten().map(usize::from).sum::<usize>();
    let rest = usize::from(area.width).saturating_sub(2 + 2 + taken + (columns - 1));
    widths.map(|w| w.map_or(rest, usize::from)).collect()
}

/// livectl's own colours, in ratatui's words.
fn color(c: crate::ui::Color) -> Color {
    match c {
        crate::ui::Color::Red => Color::Red,
        crate::ui::Color::Green => Color::Green,
        crate::ui::Color::Yellow => Color::Yellow,
        crate::ui::Color::Blue => Color::Blue,
        crate::ui::Color::Grey => Color::DarkGray,
    }
}

impl App {
    /// A styled piece of livectl's output as a span: sanitized, then painted when colour is on.
    pub(super) fn span(&self, s: &crate::ui::Span) -> Span<'static> {
        match s.color {
            Some(c) if self.ui.color => Span::styled(clean(&s.text), color(c)),
            _ => Span::raw(clean(&s.text)),
        }
    }

    /// `style` with its colour kept only when colour is on.
    pub(super) fn paint(&self, style: Style) -> Style {
        if self.ui.color {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                ..style
            }
        }
    }

    /// Text that matters less: hints, times, details.
    pub(super) fn dim(&self) -> Style {
        self.paint(Style::new().fg(Color::DarkGray))
    }

    fn view(&self) -> View<'_> {
        View {
            ui: &self.ui,
            names: &self.names,
        }
    }

    /// Draws the whole screen from the state; a terminal too small for it says so instead.
    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.too_small = area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1;
        if self.too_small {
            let text = format!(
                "terminal too small: {}x{}, needs at least {}x{}",
                area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
            );
            let lines = vec![Line::from(text), Line::from("q quits")];
            let middle = area.centered_vertically(Constraint::Length(2));
            frame.render_widget(Paragraph::new(lines).centered(), middle);
            return;
        }
        let rows = area.height - 2;
        let top = rows * 8 / 22;
        let feed = rows * 5 / 22;
        let [header, top, list, feed, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(top),
            Constraint::Fill(1),
            Constraint::Length(feed),
            Constraint::Length(self.status_rows(area.width)),
        ])
        .areas(area);
        let [queues, stuck] = Layout::horizontal([
            Constraint::Length((area.width / 2).min(64)),
            Constraint::Fill(1),
        ])
        .areas(top);
        self.render_header(frame, header);
        self.render_queues(frame, queues);
        self.render_stuck(frame, stuck);
        self.render_list(frame, list);
        self.render_feed(frame, feed);
        self.render_status(frame, status);
        popups::render(self, frame);
    }

    /// A pane's frame, its title bright when it has the keys.
    fn pane(&self, title: String, pane: Option<Pane>) -> Block<'static> {
        let block = Block::bordered().title(format!(" {title} "));
        if pane == Some(self.focus) {
            block.border_style(self.paint(Style::new().fg(Color::Cyan)))
        } else {
            block
        }
    }

    /// How the selected row looks: reversed in the pane with the keys.
    fn highlight(&self, pane: Pane) -> Style {
        if pane == self.focus {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    fn render_header(&self, frame: &mut Frame, area: Rect) {
        let link = match &self.link {
            Link::Connecting => Span::raw(" connecting "),
            Link::Live => Span::styled(" ● live ", self.paint(Style::new().fg(Color::Green))),
            Link::Down { since, error } => Span::styled(
                format!(
                    " ○ disconnected since {}, reconnecting: {} ",
                    self.ui.clock(*since),
                    clean(error)
                ),
                self.paint(Style::new().fg(Color::Red))
                    .add_modifier(Modifier::BOLD),
            ),
        };
        let mut spans = vec![" livectl console ".bold().reversed(), link];
        if !matches!(self.link, Link::Down { .. }) {
            spans.push(Span::raw(format!(
                " {} ({}) on {}",
                clean(&self.me.name),
                self.me.role,
                clean(&self.target)
            )));
        }
        frame.render_widget(Line::from(spans), area);
    }

    fn render_queues(&mut self, frame: &mut Frame, area: Rect) {
        let now = self.ui.now;
        let oldest =
            |at: Option<jiff::Timestamp>| at.map_or_else(|| "-".to_owned(), |t| age(t, now));
        let mut rows = vec![Row::new([
            "all open".to_owned(),
            String::new(),
            self.open.len().to_string(),
            String::new(),
        ])];
        rows.extend(self.queues.iter().map(|q: &QueueRow| {
            let name = match &q.name {
                Some(name) => clean(name),
                None => "general queue".to_owned(),
            };
            Row::new([
                name,
                q.status.clone().unwrap_or_default(),
                load(q.count, q.max_load),
                oldest(q.oldest_at),
            ])
        }));
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(8),
                Constraint::Length(5),
                Constraint::Length(7),
            ],
        )
        .header(Row::new(["QUEUE", "STATUS", "LOAD", "OLDEST"]).bold())
        .block(self.pane("Queues".into(), Some(Pane::Queues)))
        .row_highlight_style(self.highlight(Pane::Queues))
        .highlight_symbol("> ")
        .highlight_spacing(HighlightSpacing::Always);
        frame.render_stateful_widget(table, area, &mut self.queue);
    }

    fn render_stuck(&mut self, frame: &mut Frame, area: Rect) {
        let view = self.view();
        // By the pane's own width, WHY kept at 30 characters or more (at 120 columns every
        // column left it 10, the duration never seen: on-call check): every column `livectl
        // stuck` prints, else the id, owner and why, else the id and why.
        let columns: &[usize] = match area.width {
            90.. => &[0, 1, 2, 3, 4],
            60.. => &[0, 2, 4],
            _ => &[0, 4],
        };
        let fit = fits(area, columns.iter().map(|&c| STUCK_WIDTHS[c]));
        let stuck = self.stuck_listed();
        let rows: Vec<Row> = stuck
            .iter()
            .map(|s: &&Stuck| {
                let cells = s.cells(&view);
                let marked = if self.marked.contains(&s.intervention.id) {
                    "*"
                } else {
                    " "
                };
                let mut row = vec![Line::from(marked)];
                row.extend(columns.iter().zip(&fit).filter_map(|(&c, &fit)| {
                    cells
                        .get(c)
                        .map(|cell| Line::from(fitted(self.span(cell), fit)))
                }));
                Row::new(row)
            })
            .collect();
        let count = rows.len();
        let widths: Vec<Constraint> = std::iter::once(Constraint::Length(1))
            .chain(columns.iter().map(|&c| width(STUCK_WIDTHS[c])))
            .collect();
        let header: Vec<String> = std::iter::once(String::new())
            .chain(
                columns
                    .iter()
                    .filter_map(|&c| Stuck::COLUMNS.get(c))
                    .map(|c| c.to_uppercase()),
            )
            .collect();
        let at = self.stuck_table.selected().unwrap_or(0);
        self.stuck_table
            .select(count.checked_sub(1).map(|last| at.min(last)));
        let table = Table::new(rows, widths)
            .header(Row::new(header).bold())
            .block(self.pane(self.stuck_title(count), Some(Pane::Stuck)))
            .row_highlight_style(self.highlight(Pane::Stuck))
            .highlight_symbol("> ")
            .highlight_spacing(HighlightSpacing::Always)
            .column_spacing(1);
        frame.render_stateful_widget(table, area, &mut self.stuck_table);
    }

    /// The stuck pane's title: how many, and of how many when the list's queue, filters or
    /// search narrow it too ("Stuck (1)" under a search read as one stuck in all: on-call
    /// check).
    fn stuck_title(&self, count: usize) -> String {
        let all = self.stuck.len();
        if count == all {
            format!("Stuck ({count})")
        } else {
            format!("Stuck ({count} of {all})")
        }
    }

    /// What the list shows, in words: `general queue`, `Bo Chen's My Queue`, `all open`.
    fn list_title(&self) -> String {
        let mut title = match self.queue_choice() {
            super::Queue::AllOpen => "All open interventions".to_owned(),
            super::Queue::General => "General queue".to_owned(),
            // A colleague's, to an agent: said not to be its to see, rather than seem empty
            // (it read "(0)" beside the queue's count: new user).
            super::Queue::Agent(a) if !self.me.role.sees_owner(&self.me.id, &a) => {
                format!(
                    "{}'s My Queue: not shown, {}",
                    clean(&self.names.of(&a)),
                    livectl_contract::Role::AGENT_SEES
                )
            }
            super::Queue::Agent(a) => format!("{}'s My Queue", clean(&self.names.of(&a))),
        };
        let mut narrowed = Vec::new();
        if let Some(d) = &self.filter.department {
            narrowed.push(format!("department {}", clean(&self.names.of(d))));
        }
        match &self.filter.owner {
            Some(livectl_contract::Owner::Nobody) => narrowed.push("owner none".into()),
            Some(livectl_contract::Owner::Agent(a)) => {
                narrowed.push(format!("owner {}", clean(&self.names.of(a))))
            }
            None => {}
        }
        if !self.search.is_empty() {
            narrowed.push(format!("search \"{}\"", clean(&self.search)));
        }
        if !narrowed.is_empty() {
            title.push_str(&format!(" · {}", narrowed.join(", ")));
        }
        title
    }

    fn render_list(&mut self, frame: &mut Frame, area: Rect) {
        let view = self.view();
        let fit = fits(area, LIST_WIDTHS.into_iter());
        let listed = self.listed();
        let index = self.list_index(&listed);
        let rows: Vec<Row> = listed
            .iter()
            .map(|i| {
                let marked = if self.marked.contains(&i.id) {
                    "*"
                } else {
                    " "
                };
                let mut cells = vec![Line::from(marked)];
                cells.extend(
                    i.cells(&view)
                        .iter()
                        .zip(&fit)
                        .map(|(c, &fit)| Line::from(fitted(self.span(c), fit))),
                );
                Row::new(cells)
            })
            .collect();
        let count = rows.len();
        let marked = if self.marked.is_empty() {
            String::new()
        } else {
            format!(", {} marked", self.marked.len())
        };
        let title = format!("{} ({count}{marked})", self.list_title());
        let mut header = vec![String::new()];
        header.extend(
            <livectl_contract::Intervention as crate::ui::Row>::COLUMNS
                .iter()
                .map(|c| c.to_uppercase()),
        );
        let table = Table::new(
            rows,
            std::iter::once(Constraint::Length(1)).chain(LIST_WIDTHS.map(width)),
        )
        .header(Row::new(header).bold())
        .block(self.pane(title, Some(Pane::Interventions)))
        .row_highlight_style(self.highlight(Pane::Interventions))
        .highlight_symbol("> ")
        .highlight_spacing(HighlightSpacing::Always);
        self.list.select(index);
        frame.render_stateful_widget(table, area, &mut self.list);
    }

    fn render_feed(&self, frame: &mut Frame, area: Rect) {
        let view = self.view();
        let shown = usize::from(area.height.saturating_sub(2));
        let lines: Vec<Line> = self
            .feed
            .iter()
            .take(shown)
            .map(|e| {
                let (at, subject, what) = match e {
                    StreamEvent::Intervention(e) => {
                        (e.at, &e.intervention_id, timeline::event(&view, e))
                    }
                    StreamEvent::Status(e) => (e.at, &e.agent, timeline::status(&view, e)),
                };
                Line::from(vec![
                    Span::styled(format!("{} ", self.ui.clock(at)), self.dim()),
                    Span::raw(format!("{:<7} ", clean(subject))).bold(),
                    Span::raw(clean(&what)),
                ])
            })
            .collect();
        let body = if lines.is_empty() {
            Paragraph::new(Line::styled(
                "no change since the console started",
                self.dim(),
            ))
        } else {
            Paragraph::new(lines)
        };
        frame.render_widget(body.block(self.pane("Latest events".into(), None)), area);
    }

    /// The message on the status line, wrapped to `width`: at most `STATUS_ROWS` lines, the
    /// last ending in `…` when it holds more.
    fn message_lines(&self, width: u16) -> Option<Vec<Line<'static>>> {
        let message = self.message.as_ref()?;
        let style = if message.error {
            self.paint(Style::new().fg(Color::Red))
        } else {
            Style::new()
        };
        let line = Line::from(Span::styled(format!(" {}", clean(&message.text)), style));
        let mut lines = wrapped(line, usize::from(width));
        if lines.len() > STATUS_ROWS {
            lines.truncate(STATUS_ROWS);
            if let Some(last) = lines.last_mut() {
                last.spans.push(Span::styled("…", style));
            }
        }
        Some(lines)
    }

    /// How many rows the status line takes: more than one only for a message longer than it.
    fn status_rows(&self, width: u16) -> u16 {
        let width = width.saturating_sub(if self.bulk.is_some() { 36 } else { 0 });
        match self.message_lines(width) {
            Some(lines) if !self.searching => lines.len() as u16,
            _ => 1,
        }
    }

    fn render_status(&self, frame: &mut Frame, area: Rect) {
        let [left, right] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(if self.bulk.is_some() { 36 } else { 0 }),
        ])
        .areas(area);
        let line = if self.searching {
            Line::from(vec![
                Span::raw("/").bold(),
                Span::raw(clean(&self.search)),
                Span::raw("█"),
                Span::styled("   Enter keeps it, Esc clears it", self.dim()),
            ])
        } else if let Some(lines) = self.message_lines(left.width) {
            frame.render_widget(Paragraph::new(lines), left);
            Line::default()
        } else {
            keys_line(left.width)
        };
        if !line.spans.is_empty() {
            frame.render_widget(line, left);
        }
        if let Some(bulk) = &self.bulk {
            let width = 12usize;
            let filled = (bulk.done.min(bulk.total) * width as u64)
                .checked_div(bulk.total)
                .unwrap_or(0) as usize;
            let bar = format!("{}{}", "█".repeat(filled), "░".repeat(width - filled));
            let text = format!(
                "{} {bar} {}/{}",
                clean(&bulk.describe),
                bulk.done,
                bulk.total
            );
            frame.render_widget(Line::from(text).right_aligned(), right);
        }
    }
}

/// The keys the status line of the main view shows, the actions first, as many as fit.
pub(super) const STATUS_KEYS: [(&str, &str); 11] = [
    ("a", "to me"),
    ("t", "to agent"),
    ("r", "return"),
    ("x", "cancel"),
    ("c", "complete"),
    ("h", "history"),
    ("space", "mark"),
    ("/", "search"),
    ("d", "department"),
    ("o", "owner"),
    ("Tab", "pane"),
];

/// The keys the status line always shows.
pub(super) const ALWAYS_KEYS: [(&str, &str); 2] = [("?", "keys"), ("q", "quit")];

/// The keys of the main view, as many as `width` holds, and always `?` and `q`: a bulk run's
/// progress beside them had cut off `?` and `q` (review).
fn keys_line(width: u16) -> Line<'static> {
    // A key, a space, what it does and two spaces; the line begins with a space and the last
    // two spaces may fall off its end.
    let cost = |(key, what): &(&str, &str)| key.chars().count() + what.len() + 3;
    let mut room = (usize::from(width) + 1).saturating_sub(ALWAYS_KEYS.iter().map(cost).sum());
    let shown = STATUS_KEYS
        .iter()
        .take_while(|k| {
            let fits = cost(k) <= room;
            room = room.saturating_sub(cost(k));
            fits
        })
        .chain(&ALWAYS_KEYS);
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in shown {
        spans.push(Span::raw(*key).bold());
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans)
}
