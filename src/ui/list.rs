//! Lists in every format, streamed item by item where the format allows it (a `--sort` or a
//! `--json`/`--jq` list is gathered first).

use std::io::Write;

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde_json::Value;

use super::json::safe;
use super::shape::Dest;
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
    /// Column titles of `-o wide`, when it shows more than the table.
    const WIDE: &'static [&'static str] = &[];
    /// Whether its table is fitted to the terminal, cells cut short with an ellipsis; a row
    /// that holds a command to paste is written whole instead, as kubectl writes rows, and a
    /// line the terminal is too narrow for wraps there.
    const FITTED: bool = true;
    /// Column titles of CSV output: raw values, documented in the README.
    const CSV: &'static [&'static str];
    /// The fields of its JSON, for `--json` and `--sort`.
    const FIELDS: &'static [&'static str];
    /// The columns whose title is not the name of the field they show, with that field:
    /// `--sort` takes the title a person reads in the table as well (`for`, `status_since`).
    /// A column no one field holds names a key of its own, which `shown` gives (an
    /// intervention's `waiting`).
    const TITLED: &'static [(&'static str, &'static str)] = &[];
    fn id(&self) -> &str;
    /// The cells for people: names, ages, short forms.
    fn cells(&self, view: &View) -> Vec<Span>;
    /// The cells of `-o wide` (the table's when it has no more to show).
    fn wide(&self, view: &View) -> Vec<Span> {
        self.cells(view)
    }
    /// The CSV record: ids and RFC 3339 instants.
    fn record(&self) -> Vec<String>;
    /// What the table shows for a field whose JSON is an id or an object (an owner's name, a
    /// user's), which `--sort` orders by; for a key of `TITLED` that is no field, what orders
    /// its column (the instant WAITING counts from); None for a field shown as it is, or empty.
    fn shown(&self, _field: &str, _view: &View) -> Option<String> {
        None
    }
    /// The item as JSON, in the contract's field names.
    fn json(&self, w: &mut dyn Write) -> serde_json::Result<()>;

    /// The item as a JSON value.
    fn value(&self) -> Value {
        let mut bytes = Vec::new();
        match self.json(&mut bytes) {
            Ok(()) => serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            Err(_) => Value::Null,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Table,
    Wide,
    Plain,
    Json,
    Ndjson,
    Csv,
    Ids,
    /// `--json FIELDS` or `--jq`: gathered, projected, filtered at the end.
    Shaped,
}

/// One item as its format writes it.
enum Entry {
    Cells(Vec<String>),
    Text(Vec<u8>),
    Record(Vec<String>),
    Value(Value),
}

/// Writes a list as it arrives; `finish` closes it (the table is drawn then).
pub struct ListWriter<'a, W: Write, T: Row> {
    view: View<'a>,
    mode: Mode,
    /// The output; inside `csv` in CSV mode.
    writer: Option<W>,
    csv: Option<csv::Writer<W>>,
    /// Whether what is written lands on a terminal (ids and CSV are sanitized then).
    terminal: bool,
    /// A file whose name promised JSON (`in_file`): what `--jq` gives is one JSON document.
    file: bool,
    /// Items waiting for the end: table rows, a sorted list, a shaped document.
    held: Vec<(Value, Entry)>,
    hold: bool,
    /// How many of the sorted list are written, at most (`keep_first`): the rest are dropped
    /// as they come, so a sorted page holds no more than twice that.
    keep: Option<usize>,
    /// A table that lands on the run's stdout may go through the pager.
    paged: bool,
    /// A list that never ends (`list --watch`): each item is written whole and flushed as it
    /// comes, JSON as JSON lines, `--json`/`--jq` applied to each item alone.
    live: bool,
    /// Whether JSON's `[` or CSV's header is written: with the first item or at the end, so a
    /// list whose first page fails leaves nothing (a header alone read as an empty export).
    opened: bool,
    count: usize,
    _row: std::marker::PhantomData<T>,
}

impl<'a, W: Write, T: Row> ListWriter<'a, W, T> {
    /// A writer to stdout in the format the run asks for.
    pub fn new(view: View<'a>, writer: W) -> Result<Self, CliError> {
        let ui = view.ui;
        let format = match ui.format {
            Some(f) => Some(f),
            None if ui.stdout_tty => Some(Format::Table),
            None => None,
        };
        Self::build(view, format, writer, ui.stdout_tty, false)
    }

    /// A writer to stdout in the format the run asks for, of a list that never ends: never
    /// held, each item flushed as it is written (`live`). Not for tables, which are drawn whole.
    pub fn live(view: View<'a>, writer: W) -> Result<Self, CliError> {
        let ui = view.ui;
        let format = match ui.format {
            Some(Format::Json) => Some(Format::Ndjson),
            other => other,
        };
        Self::build(view, format, writer, ui.stdout_tty, true)
    }

    /// A writer in `format`; `terminal` when it lands on one.
    pub fn with_format(
        view: View<'a>,
        format: Format,
        writer: W,
        terminal: bool,
    ) -> Result<Self, CliError> {
        Self::build(view, Some(format), writer, terminal, false)
    }

    fn build(
        view: View<'a>,
        format: Option<Format>,
        writer: W,
        terminal: bool,
        live: bool,
    ) -> Result<Self, CliError> {
        let shape = &view.ui.shape;
        shape.check_titled(T::FIELDS, T::TITLED)?;
        let mode = if shape.is_json() {
            Mode::Shaped
        } else {
            match format {
                None => Mode::Plain,
                Some(Format::Table) => Mode::Table,
                Some(Format::Wide) => Mode::Wide,
                Some(Format::Json) => Mode::Json,
                Some(Format::Ndjson) => Mode::Ndjson,
                Some(Format::Csv) => Mode::Csv,
                Some(Format::Ids) => Mode::Ids,
            }
        };
        // `--json` fields alone go out as they come (a list exported with them held every
        // record: 110 MB for 97,000, hostile-input check); a jq program takes the whole list,
        // and a terminal gets it pretty, so those are held.
        let shaped_whole = shape.jq.is_some() || terminal;
        let hold = !live
            && (matches!(mode, Mode::Table | Mode::Wide)
                || mode == Mode::Shaped && shaped_whole
                || shape.sort.is_some());
        let (writer, csv) = if mode == Mode::Csv {
            (None, Some(csv::Writer::from_writer(writer)))
        } else {
            (Some(writer), None)
        };
        Ok(ListWriter {
            view,
            mode,
            writer,
            csv,
            terminal,
            file: false,
            held: Vec::new(),
            keep: None,
            hold,
            paged: false,
            live,
            opened: false,
            count: 0,
            _row: std::marker::PhantomData,
        })
    }

    /// A list written to a regular file the user named (`--out`): what `--jq` gives is written
    /// as one JSON document there, as the file's name promised.
    pub fn in_file(mut self) -> Self {
        self.file = true;
        self
    }

    fn dest(&self) -> Dest {
        if self.file {
            Dest::File
        } else {
            Dest::of(self.terminal)
        }
    }

    /// A table of this list, written to the run's stdout, may go through the pager.
    pub fn paged(mut self) -> Self {
        self.paged = true;
        self
    }

    /// The output, in every mode but CSV.
    fn out(&mut self) -> Result<&mut W, CliError> {
        self.writer
            .as_mut()
            .ok_or_else(|| CliError::failure("the list has no output"))
    }

    pub fn count(&self) -> usize {
        self.count
    }

    fn render(&self, item: &T) -> Result<Entry, CliError> {
        let view = &self.view;
        let color = view.ui.color;
        Ok(match self.mode {
            Mode::Table => Entry::Cells(
                item.cells(view)
                    .iter()
                    .map(|c| c.render(color, false))
                    .collect(),
            ),
            Mode::Wide => Entry::Cells(
                item.wide(view)
                    .iter()
                    .map(|c| c.render(color, false))
                    .collect(),
            ),
            Mode::Plain => {
                // Ids, not names, whatever names were looked up (for `--sort`, which orders a
                // field the table shows by name by that name): a pipe gets the id.
                let no_names = Names::default();
                let ids = View {
                    ui: view.ui,
                    names: &no_names,
                };
                let cells: Vec<String> = item
                    .cells(&ids)
                    .into_iter()
                    .map(|c| Span::plain(c.text.replace('\t', " ")).render(false, false))
                    .collect();
                Entry::Text(format!("{}\n", cells.join("\t")).into_bytes())
            }
            Mode::Json | Mode::Ndjson => {
                let mut bytes = Vec::with_capacity(256);
                item.json(&mut bytes)
                    .map_err(|e| CliError::output(e.into()))?;
                Entry::Text(safe(bytes))
            }
            Mode::Ids if self.terminal => {
                Entry::Text(format!("{}\n", sanitize(item.id(), false)).into_bytes())
            }
            Mode::Ids => Entry::Text(format!("{}\n", item.id()).into_bytes()),
            Mode::Csv if self.terminal => Entry::Record(
                item.record()
                    .into_iter()
                    .map(|f| sanitize(&inert(f), false).into_owned())
                    .collect(),
            ),
            Mode::Csv => Entry::Record(item.record().into_iter().map(inert).collect()),
            Mode::Shaped => Entry::Value(view.ui.shape.project(item.value())),
        })
    }

    fn emit(&mut self, entry: Entry) -> Result<(), CliError> {
        self.put(entry)?;
        if !self.live {
            return Ok(());
        }
        match self.csv.as_mut() {
            Some(csv) => csv.flush().map_err(CliError::output),
            None => self.out()?.flush().map_err(CliError::output),
        }
    }

    /// Writes what comes before the items: JSON's `[`, CSV's header.
    fn open(&mut self) -> Result<(), CliError> {
        if std::mem::replace(&mut self.opened, true) {
            return Ok(());
        }
        match (self.mode, self.csv.as_mut()) {
            (Mode::Json, _) => self.out()?.write_all(b"[").map_err(CliError::output),
            (Mode::Shaped, _) if !self.hold && !self.live => {
                self.out()?.write_all(b"[").map_err(CliError::output)
            }
            (Mode::Csv, Some(csv)) => csv.write_record(T::CSV).map_err(csv_error),
            _ => Ok(()),
        }
    }

    fn put(&mut self, entry: Entry) -> Result<(), CliError> {
        self.open()?;
        let first = self.count == 1;
        let mode = self.mode;
        match (mode, entry) {
            (Mode::Json, Entry::Text(bytes)) => {
                let separator: &[u8] = if first { b"\n" } else { b",\n" };
                let out = self.out()?;
                out.write_all(separator)
                    .and_then(|()| out.write_all(&bytes))
                    .map_err(CliError::output)
            }
            (Mode::Ndjson, Entry::Text(bytes)) => {
                let out = self.out()?;
                out.write_all(&bytes)
                    .and_then(|()| out.write_all(b"\n"))
                    .map_err(CliError::output)
            }
            (_, Entry::Text(bytes)) => self.out()?.write_all(&bytes).map_err(CliError::output),
            (_, Entry::Record(record)) => match self.csv.as_mut() {
                Some(csv) => csv.write_record(record).map_err(csv_error),
                None => Ok(()),
            },
            // A list that never ends shapes each item alone, a line each: its program gets it
            // as a list of one, so a list's program (`.[].id`) works on it.
            (_, Entry::Value(value)) if self.live => {
                let to = Dest::Stream {
                    terminal: self.terminal,
                };
                let ui = self.view.ui;
                let document = match ui.shape.jq {
                    Some(_) => Value::Array(vec![value]),
                    None => value,
                };
                ui.shape.write(self.out()?, &document, to)
            }
            // Compact, as the whole list would be written: the same bytes, none held.
            (Mode::Shaped, Entry::Value(value)) if !self.hold => {
                let out = self.out()?;
                let mut json = super::json::Safe(&mut *out);
                let separator: &[u8] = if first { b"" } else { b"," };
                json.0.write_all(separator).map_err(CliError::output)?;
                serde_json::to_writer(&mut json, &value).map_err(|e| CliError::output(e.into()))
            }
            (_, entry) => {
                // Table rows and shaped values of a list that ends are only ever held.
                self.held.push((Value::Null, entry));
                Ok(())
            }
        }
    }

    /// Whether rows may be given as the JSON the platform sent (`raw`): JSON lines or a JSON
    /// array, neither held for sorting nor shaped.
    pub fn takes_raw(&self) -> bool {
        matches!(self.mode, Mode::Json | Mode::Ndjson) && !self.hold
    }

    /// A row as the platform's JSON, written as it came but for the characters a terminal
    /// would obey, escaped as every JSON row is. Only when `takes_raw`.
    pub fn raw(&mut self, json: &serde_json::value::RawValue) -> Result<(), CliError> {
        if !self.takes_raw() {
            return Err(CliError::failure("this list cannot take raw rows"));
        }
        self.count += 1;
        self.emit(Entry::Text(safe(json.get().as_bytes().to_vec())))
    }

    pub fn item(&mut self, item: &T) -> Result<(), CliError> {
        self.count += 1;
        let entry = self.render(item)?;
        if self.hold {
            let shape = &self.view.ui.shape;
            let field = shape.sort_field(T::TITLED);
            let mut key = field.map_or(Value::Null, |f| {
                item.value().get(f).cloned().unwrap_or(Value::Null)
            });
            if let Some(field) = field
                && let Some(name) = item.shown(field, &self.view)
            {
                // By the name the table shows, the id keeping two of one name apart.
                key = Value::Array(vec![Value::String(name), key]);
            }
            self.held.push((key, entry));
            if let Some(keep) = self.keep
                && self.held.len() >= 2 * keep.max(1)
            {
                shape.sort(&mut self.held);
                self.held.truncate(keep);
            }
            return Ok(());
        }
        self.emit(entry)
    }

    /// Of a sorted list, only the first `n` by the sort are written: a page sorted after it
    /// was cut (`list --sort waiting --limit 3`) gave the first three fetched, re-ordered, not
    /// the three that wait longest (new user).
    pub fn keep_first(&mut self, n: usize) {
        self.keep = Some(n);
    }

    /// Ends the list and hands back the writer.
    pub fn finish(mut self) -> Result<W, CliError> {
        let ui = self.view.ui;
        let mut held = std::mem::take(&mut self.held);
        ui.shape.sort(&mut held);
        if let Some(keep) = self.keep {
            held.truncate(keep);
        }
        match self.mode {
            Mode::Table | Mode::Wide => {
                let rows: Vec<Vec<String>> = held
                    .into_iter()
                    .filter_map(|(_, e)| match e {
                        Entry::Cells(cells) => Some(cells),
                        _ => None,
                    })
                    .collect();
                if rows.is_empty() {
                    ui.note("nothing to show");
                } else {
                    let columns = if self.mode == Mode::Wide && !T::WIDE.is_empty() {
                        T::WIDE
                    } else {
                        T::COLUMNS
                    };
                    let text = table(ui, columns, rows, T::FITTED);
                    if self.paged {
                        ui.page(&text)?;
                    } else {
                        self.out()?
                            .write_all(text.as_bytes())
                            .map_err(CliError::output)?;
                    }
                }
            }
            Mode::Shaped if !self.hold => {
                self.open()?;
                self.out()?.write_all(b"]\n").map_err(CliError::output)?;
            }
            Mode::Shaped => {
                let items: Vec<Value> = held
                    .into_iter()
                    .filter_map(|(_, e)| match e {
                        Entry::Value(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                let to = self.dest();
                ui.shape.write(self.out()?, &Value::Array(items), to)?;
            }
            _ => {
                self.open()?;
                let mut count = 0;
                for (_, entry) in held {
                    count += 1;
                    self.count = count;
                    self.emit(entry)?;
                }
                self.count = self.count.max(count);
                if self.mode == Mode::Json {
                    let end: &[u8] = if self.count == 0 { b"]\n" } else { b"\n]\n" };
                    self.out()?.write_all(end).map_err(CliError::output)?;
                }
            }
        }
        let mut writer = match self.csv.take() {
            Some(csv) => csv
                .into_inner()
                .map_err(|e| CliError::output(e.into_error()))?,
            None => self
                .writer
                .take()
                .ok_or_else(|| CliError::failure("the list has no output"))?,
        };
        writer.flush().map_err(CliError::output)?;
        Ok(writer)
    }
}

/// A CSV cell a spreadsheet would run as a formula (text from users and chats: a name
/// `=HYPERLINK(…)`, a message `@SUM(…)`) begins with `'`, as OWASP advises for CSV: shown as
/// the text it is. A phone number in international form written with spaces
/// (`+44 7700 900123`: `+`, then at least seven digits among spaces and brackets) is left as
/// it is; any other sign begins a formula (`-2+3` shows 1, `+1-555-123-4567` shows -5244).
/// JSON keeps the text exact.
fn inert(cell: String) -> String {
    let phone = |rest: &str| {
        rest.starts_with(|c: char| c.is_ascii_digit())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || " ()".contains(c))
            && rest.chars().filter(char::is_ascii_digit).count() >= 7
    };
    // Judged at its first sign after spaces: some spreadsheets drop them and run ` =1+1`.
    let start = cell.trim_start_matches(' ');
    let formula = match start.chars().next() {
        Some('=' | '@' | '-' | '\t' | '\r') => true,
        Some('+') => !phone(&start[1..]),
        _ => false,
    };
    if formula { format!("'{cell}") } else { cell }
}

fn csv_error(e: csv::Error) -> CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => CliError::output(e),
        other => CliError::failure(format!("cannot write CSV: {other:?}")),
    }
}

/// A table fitted to the terminal, without borders, trailing spaces trimmed. Cells are already
/// sanitized and painted.
fn table(ui: &Ui, columns: &[&str], rows: Vec<Vec<String>>, fitted: bool) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_truncation_indicator("…")
        .set_header({
            // A title too wide for its column ends in an ellipsis, as a cell does.
            let mut header =
                comfy_table::Row::from(columns.iter().map(|c| Cell::new(c.to_uppercase())));
            header.max_height(1);
            header
        });
    // A pipe has no width to fit: rows go whole, as kubectl writes them. A terminal that reports
    // no size (`script`, a serial console) is taken as 80 columns, not as none.
    if !fitted {
        t.set_content_arrangement(ContentArrangement::Disabled);
    } else if let Some(width) = ui.width {
        t.set_width(width);
    } else if !ui.stdout_tty {
        t.set_content_arrangement(ContentArrangement::Disabled);
    } else if t.width().is_none_or(|w| w < 20) {
        t.set_width(80);
    }
    // One line a row: what does not fit the terminal ends in an ellipsis instead of wrapping.
    for cells in rows {
        let mut row = comfy_table::Row::from(cells);
        row.max_height(1);
        t.add_row(row);
    }
    let mut text = String::new();
    for line in t.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::ui::shape::Shape;
    use livectl_contract::Department;

    /// What a list wrote so far, to look at before it ends.
    #[derive(Clone, Default)]
    struct Seen(Rc<RefCell<Vec<u8>>>);

    impl Write for Seen {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Seen {
        fn text(&self) -> String {
            String::from_utf8(self.0.borrow().clone()).unwrap()
        }
    }

    fn department(n: u32) -> Department {
        Department {
            id: format!("dp_{n}"),
            key: Some(format!("d{n}")),
            name: format!("Department {n}"),
        }
    }

    /// `--json` fields alone go out item by item, none held, as the same bytes the whole list
    /// would be (an export with them held every record: 110 MB for 97,000, hostile-input
    /// check); a jq program needs the whole list, so it is held until the end.
    #[test]
    fn json_fields_alone_are_written_as_they_come_and_a_jq_program_waits_for_the_whole() {
        let names = Names::default();
        // A list of departments shaped by `--json FIELDS` and `--jq PROGRAM`, and what it wrote.
        let writer = |ui: &mut Ui, fields: &str, jq: Option<&str>| {
            ui.shape = Shape::new(Some(fields), jq, None).unwrap();
            Seen::default()
        };
        fn list<'a>(ui: &'a Ui, names: &'a Names, seen: &Seen) -> ListWriter<'a, Seen, Department> {
            let view = View { ui, names };
            ListWriter::with_format(view, Format::Json, seen.clone(), false).unwrap()
        }
        let mut ui = Ui::silent();
        let seen = writer(&mut ui, "id,key", None);
        let mut fields = list(&ui, &names, &seen);
        fields.item(&department(1)).unwrap();
        assert_eq!(
            seen.text(),
            r#"[{"id":"dp_1","key":"d1"}"#,
            "written at once"
        );
        fields.item(&department(2)).unwrap();
        fields.finish().unwrap();
        let whole = serde_json::json!([{"id": "dp_1", "key": "d1"}, {"id": "dp_2", "key": "d2"}]);
        assert_eq!(seen.text(), format!("{whole}\n"));

        let seen = writer(&mut ui, "id,key", None);
        list(&ui, &names, &seen).finish().unwrap();
        assert_eq!(seen.text(), "[]\n", "an empty list is still one document");

        let seen = writer(&mut ui, "id", Some("map(.id)"));
        let mut program = list(&ui, &names, &seen);
        program.item(&department(1)).unwrap();
        assert_eq!(seen.text(), "", "held for the program");
        program.finish().unwrap();
        assert_eq!(seen.text(), "[\"dp_1\"]\n");
    }
}
