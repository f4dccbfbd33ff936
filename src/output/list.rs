//! Lists in every format, streamed item by item where the format allows it.

use std::io::Write;

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde::Serialize;

use super::{Format, Output};

/// Something printed as one line of a list.
pub trait Row: Serialize {
    /// Column titles of the table (and the order of plain output's fields).
    const COLUMNS: &'static [&'static str];
    /// Column titles of CSV output: raw values, documented in the README.
    const CSV: &'static [&'static str];
    fn id(&self) -> &str;
    /// The cells for people: names, ages, short forms.
    fn cells(&self, out: &Output) -> Vec<String>;
    /// The CSV record: ids and RFC 3339 instants.
    fn record(&self) -> Vec<String>;
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
    out: &'a Output,
    mode: Mode<W>,
    writer: Option<W>,
    count: usize,
    _row: std::marker::PhantomData<T>,
}

impl<'a, W: Write, T: Row> ListWriter<'a, W, T> {
    /// A writer in the format `out` asks for.
    pub fn new(out: &'a Output, writer: W) -> std::io::Result<Self> {
        let format = match out.format {
            Some(f) => f,
            None if out.stdout_tty => Format::Table,
            None => return Ok(Self::with_mode(out, Mode::Plain, writer)),
        };
        Self::with_format(out, format, writer)
    }

    pub fn with_format(out: &'a Output, format: Format, mut writer: W) -> std::io::Result<Self> {
        let mode = match format {
            Format::Table => Mode::Table(Vec::new()),
            Format::Json => {
                writer.write_all(b"[")?;
                Mode::Json { first: true }
            }
            Format::Ndjson => Mode::Ndjson,
            Format::Ids => Mode::Ids,
            Format::Csv => {
                let mut csv = csv::Writer::from_writer(writer);
                csv.write_record(T::CSV)?;
                return Ok(ListWriter {
                    out,
                    mode: Mode::Csv(Box::new(csv)),
                    writer: None,
                    count: 0,
                    _row: std::marker::PhantomData,
                });
            }
        };
        Ok(Self::with_mode(out, mode, writer))
    }

    fn with_mode(out: &'a Output, mode: Mode<W>, writer: W) -> Self {
        ListWriter {
            out,
            mode,
            writer: Some(writer),
            count: 0,
            _row: std::marker::PhantomData,
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    pub fn item(&mut self, item: &T) -> std::io::Result<()> {
        self.count += 1;
        let out = self.out;
        match (&mut self.mode, self.writer.as_mut()) {
            (Mode::Table(rows), _) => rows.push(
                item.cells(out)
                    .iter()
                    .map(|c| super::sanitize(c, false).into_owned())
                    .collect(),
            ),
            (Mode::Plain, Some(w)) => {
                let cells: Vec<String> = item
                    .cells(out)
                    .iter()
                    .map(|c| super::sanitize(&c.replace('\t', " "), false).into_owned())
                    .collect();
                writeln!(w, "{}", cells.join("\t"))?;
            }
            (Mode::Json { first }, Some(w)) => {
                w.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *w, item)?;
            }
            (Mode::Ndjson, Some(w)) => {
                serde_json::to_writer(&mut *w, item)?;
                w.write_all(b"\n")?;
            }
            (Mode::Ids, Some(w)) => writeln!(w, "{}", item.id())?,
            (Mode::Csv(csv), _) => csv.write_record(item.record())?,
            _ => {}
        }
        Ok(())
    }

    /// Ends the list and hands back the writer.
    pub fn finish(mut self) -> std::io::Result<Option<W>> {
        let out = self.out;
        match (&mut self.mode, self.writer.as_mut()) {
            (Mode::Table(rows), Some(w)) => {
                if rows.is_empty() {
                    out.note("nothing to show");
                } else {
                    let text = table(out, T::COLUMNS, std::mem::take(rows));
                    w.write_all(text.as_bytes())?;
                }
            }
            (Mode::Json { first }, Some(w)) => {
                w.write_all(if *first { b"]\n" } else { b"\n]\n" })?;
            }
            _ => {}
        }
        match std::mem::replace(&mut self.mode, Mode::Ndjson) {
            Mode::Csv(csv) => {
                let w = csv
                    .into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                Ok(Some(w))
            }
            _ => {
                if let Some(w) = self.writer.as_mut() {
                    w.flush()?;
                }
                Ok(self.writer.take())
            }
        }
    }
}

/// A table fitted to the terminal, without borders, trailing spaces trimmed.
pub fn table(out: &Output, columns: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(columns.iter().map(|c| Cell::new(c.to_uppercase())));
    if let Some(width) = out.width {
        t.set_width(width);
    } else if !out.stdout_tty {
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
