//! Lists in every format, streamed item by item where the format allows it.

use std::io::Write;

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::json::Safe;
use super::{Format, Span, Ui, sanitize};
use crate::error::CliError;
use crate::model::Names;

/// What a row needs to be shown to people: the run's settings and the names of ids.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub ui: &'a Ui,
    pub names: &'a Names,
}

impl View<'_> {
    /// An agent's name where it is known, else its id; `-` for nobody.
    pub fn agent(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => self.names.of(id),
            None => "-".into(),
        }
    }
}

/// Something printed as one line of a list.
pub trait Row {
    /// Column titles of the table (and the order of plain output's fields).
    const COLUMNS: &'static [&'static str];
    /// Column titles of CSV output: raw values, documented in the README.
    const CSV: &'static [&'static str];
    fn id(&self) -> &str;
    /// The cells for people: names, ages, short forms.
    fn cells(&self, view: &View) -> Vec<Span>;
    /// The CSV record: ids and RFC 3339 instants.
    fn record(&self) -> Vec<String>;
    /// The item as JSON, in the contract's field names.
    fn json(&self, w: &mut dyn Write) -> serde_json::Result<()>;
}

enum Mode<W: Write> {
    Table(Vec<Vec<String>>),
    Plain,
    Json { first: bool },
    Ndjson,
    Csv(Box<csv::Writer<W>>),
    Ids,
}

/// Writes a list as it arrives; `finish` closes it (the table is drawn then).
pub struct ListWriter<'a, W: Write, T: Row> {
    view: View<'a>,
    mode: Mode<W>,
    writer: Option<W>,
    /// Whether what is written lands on a terminal (ids and CSV are sanitized then).
    terminal: bool,
    count: usize,
    _row: std::marker::PhantomData<T>,
}

impl<'a, W: Write, T: Row> ListWriter<'a, W, T> {
    /// A writer to stdout in the format the run asks for.
    pub fn new(view: View<'a>, writer: W) -> Result<Self, CliError> {
        let ui = view.ui;
        let format = match ui.format {
            Some(f) => f,
            None if ui.stdout_tty => Format::Table,
            None => return Ok(Self::with_mode(view, Mode::Plain, writer, ui.stdout_tty)),
        };
        Self::with_format(view, format, writer, ui.stdout_tty)
    }

    /// A writer in `format`; `terminal` when it lands on one.
    pub fn with_format(
        view: View<'a>,
        format: Format,
        mut writer: W,
        terminal: bool,
    ) -> Result<Self, CliError> {
        let mode = match format {
            Format::Table => Mode::Table(Vec::new()),
            Format::Json => {
                writer.write_all(b"[").map_err(CliError::output)?;
                Mode::Json { first: true }
            }
            Format::Ndjson => Mode::Ndjson,
            Format::Ids => Mode::Ids,
            Format::Csv => {
                let mut csv = csv::Writer::from_writer(writer);
                csv.write_record(T::CSV).map_err(csv_error)?;
                return Ok(ListWriter {
                    view,
                    mode: Mode::Csv(Box::new(csv)),
                    writer: None,
                    terminal,
                    count: 0,
                    _row: std::marker::PhantomData,
                });
            }
        };
        Ok(Self::with_mode(view, mode, writer, terminal))
    }

    fn with_mode(view: View<'a>, mode: Mode<W>, writer: W, terminal: bool) -> Self {
        ListWriter {
            view,
            mode,
            writer: Some(writer),
            terminal,
            count: 0,
            _row: std::marker::PhantomData,
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    pub fn item(&mut self, item: &T) -> Result<(), CliError> {
        self.count += 1;
        let view = self.view;
        let color = view.ui.color;
        let terminal = self.terminal;
        let written = match (&mut self.mode, self.writer.as_mut()) {
            (Mode::Table(rows), _) => {
                rows.push(
                    item.cells(&view)
                        .iter()
                        .map(|c| c.render(color, false))
                        .collect(),
                );
                Ok(())
            }
            (Mode::Plain, Some(w)) => {
                let cells: Vec<String> = item
                    .cells(&view)
                    .into_iter()
                    .map(|c| Span::plain(c.text.replace('\t', " ")).render(false, false))
                    .collect();
                writeln!(w, "{}", cells.join("\t"))
            }
            (Mode::Json { first }, Some(w)) => {
                let separator: &[u8] = if *first { b"\n" } else { b",\n" };
                *first = false;
                w.write_all(separator)
                    .and_then(|()| item.json(&mut Safe(&mut *w)).map_err(Into::into))
            }
            (Mode::Ndjson, Some(w)) => item
                .json(&mut Safe(&mut *w))
                .map_err(Into::into)
                .and_then(|()| w.write_all(b"\n")),
            (Mode::Ids, Some(w)) if terminal => writeln!(w, "{}", sanitize(item.id(), false)),
            (Mode::Ids, Some(w)) => writeln!(w, "{}", item.id()),
            (Mode::Csv(csv), _) => {
                let record = item.record();
                let result = if terminal {
                    csv.write_record(record.iter().map(|f| sanitize(f, false).into_owned()))
                } else {
                    csv.write_record(record)
                };
                return result.map_err(csv_error);
            }
            _ => Ok(()),
        };
        written.map_err(CliError::output)
    }

    /// Ends the list and hands back the writer.
    pub fn finish(mut self) -> Result<Option<W>, CliError> {
        let view = self.view;
        let ended = match (&mut self.mode, self.writer.as_mut()) {
            (Mode::Table(rows), Some(w)) => {
                if rows.is_empty() {
                    view.ui.note("nothing to show");
                    Ok(())
                } else {
                    let text = table(view.ui, T::COLUMNS, std::mem::take(rows));
                    w.write_all(text.as_bytes())
                }
            }
            (Mode::Json { first }, Some(w)) => w.write_all(if *first { b"]\n" } else { b"\n]\n" }),
            _ => Ok(()),
        };
        ended.map_err(CliError::output)?;
        match std::mem::replace(&mut self.mode, Mode::Ndjson) {
            Mode::Csv(csv) => {
                let w = csv
                    .into_inner()
                    .map_err(|e| CliError::output(e.into_error()))?;
                Ok(Some(w))
            }
            _ => {
                if let Some(w) = self.writer.as_mut() {
                    w.flush().map_err(CliError::output)?;
                }
                Ok(self.writer.take())
            }
        }
    }
}

fn csv_error(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => CliError::output(e),
        other => CliError::failure(format!("cannot write CSV: {other:?}")),
    }
}

/// A table fitted to the terminal, without borders, trailing spaces trimmed. Cells are already
/// sanitized and painted.
fn table(ui: &Ui, columns: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(columns.iter().map(|c| Cell::new(c.to_uppercase())));
    if let Some(width) = ui.width {
        t.set_width(width);
    } else if !ui.stdout_tty {
        t.set_width(120);
    }
    for row in rows {
        t.add_row(row);
    }
    let mut text = String::new();
    for line in t.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
