//! The only code that knows terminals: formats, tables, colours, prompts, progress bars, pagers
//! and the sanitising of outside text, done here at write time so no path can forget it. Data
//! goes to stdout, messages to stderr; a closed stdout ends the output quietly.

/// A row whose JSON is its own serialization.
macro_rules! json_is_serde {
    () => {
        fn json(&self, w: &mut dyn std::io::Write) -> serde_json::Result<()> {
            serde_json::to_writer(w, self)
        }
    };
}

mod autopilot;
pub mod console;
mod counted;
mod fields;
mod jq;
mod json;
mod list;
mod outage;
mod pager;
mod profiles;
pub mod progress;
pub mod prompt;
mod reports;
mod rows;
mod runs;
mod sanitize;
mod shape;
mod style;
mod suggest;
mod time;
pub mod timeline;

use std::io::{IsTerminal, Write};

use jiff::Timestamp;

use crate::error::CliError;
use crate::model::Names;

pub use counted::counted;
pub use list::{ListWriter, Row, View};
pub use outage::StreamNotes;
/// Why an intervention is stuck, in the sentence `stuck` and the autopilot both write.
pub use reports::reason as stuck_reason;
pub use reports::stuck_json;
pub use rows::standing;
pub use sanitize::sanitize;
pub use shape::{Dest, Shape};
pub use style::{Color, Span, Text};
pub use suggest::{Reach, near, nearness, shell_word};
pub use time::{age, elapsed};

/// `-o/--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    /// A table with more columns.
    Wide,
    Json,
    Ndjson,
    Csv,
    Ids,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How this run prints: decided once from the flags, the environment and the terminals.
#[derive(Debug, Clone)]
pub struct Ui {
    /// None: the default (a table on a TTY, plain lines otherwise).
    pub format: Option<Format>,
    pub color: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    /// LIVECTL_FORCE_TTY: behave as on a terminal without one (no pager, no terminal size).
    pub forced_tty: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub verbose: u8,
    pub width: Option<u16>,
    /// "Now", for ages; LIVECTL_NOW fixes it (tests, reproducible reports).
    pub now: Timestamp,
    /// `--json`, `--jq` and `--sort`.
    pub shape: Shape,
    /// The zone times are shown in to people: the system's (TZ), or UTC with --utc (`in_utc`).
    /// Machine output is always RFC 3339 in UTC. Looked up when a time is first shown: finding
    /// the system's reads the zone database (1-2 ms that a bulk run or a script never needs).
    zone: std::sync::OnceLock<jiff::tz::TimeZone>,
    /// A bulk run's summary is not printed: the caller reports each item itself (autopilot).
    pub muted: bool,
}

impl Ui {
    pub fn new(
        format: Option<Format>,
        color: ColorChoice,
        quiet: bool,
        no_input: bool,
        verbose: u8,
    ) -> Ui {
        // LIVECTL_FORCE_TTY=1 makes livectl behave as on a terminal (tests drive it this way).
        let forced = std::env::var_os("LIVECTL_FORCE_TTY").is_some_and(|v| v == "1");
        let stdout_tty = forced || std::io::stdout().is_terminal();
        let stderr_tty = forced || std::io::stderr().is_terminal();
        let stdin_tty = std::io::stdin().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && !no_color,
        };
        // A forced terminal has no size to ask: 120 columns unless COLUMNS says otherwise.
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .or(forced.then_some(120));
        let now = std::env::var("LIVECTL_NOW")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(Timestamp::now);
        Ui {
            format,
            color,
            stdout_tty,
            stderr_tty,
            stdin_tty,
            forced_tty: forced,
            quiet,
            no_input,
            verbose,
            width,
            now,
            shape: Shape::default(),
            zone: std::sync::OnceLock::new(),
            muted: false,
        }
    }

    /// An instant for people: `2026-11-24 10:00 +01:00`, in the run's zone.
    pub fn time(&self, t: Timestamp) -> String {
        self.format(t, "%Y-%m-%d %H:%M %:z")
    }

    /// The time of day for people, in the run's zone: `10:00:05`.
    pub fn clock(&self, t: Timestamp) -> String {
        self.format(t, "%H:%M:%S")
    }

    /// An instant in the run's zone, in a strftime format.
    pub fn format(&self, t: Timestamp, format: &str) -> String {
        let zone = self
            .zone
            .get_or_init(|| jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC));
        t.to_zoned(zone.clone()).strftime(format).to_string()
    }

    /// Times shown to people in UTC (`--utc`).
    pub fn in_utc(&mut self) {
        self.zone = std::sync::OnceLock::from(jiff::tz::TimeZone::UTC);
    }

    /// A quiet ui for work nobody watches (shell completion).
    pub fn silent() -> Ui {
        Ui::new(None, ColorChoice::Never, true, true, 0)
    }

    /// Silent, and a bulk run's summary is not printed either: for code that runs the bulk
    /// engine and reports each item its own way.
    pub fn muted() -> Ui {
        Ui {
            muted: true,
            ..Ui::silent()
        }
    }

    /// Prompts only when a person is there to answer them, and a terminal to draw them on:
    /// they are drawn on stderr (`2>file` on a terminal failed every prompt, exit 1).
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stdout_tty && self.stderr_tty && !self.no_input
    }

    /// A table when asked for, or by default on a terminal.
    pub fn tables(&self) -> bool {
        if self.shape.is_json() {
            return false;
        }
        match self.format {
            Some(Format::Table | Format::Wide) => true,
            None => self.stdout_tty,
            _ => false,
        }
    }

    /// Whether a list needs the names of the ids it holds: for a table, or for `--sort`,
    /// which orders a field the table shows by name by that name in every format.
    pub fn needs_names(&self) -> bool {
        self.tables() || self.shape.sort.is_some()
    }

    /// Human-readable lines rather than data: no format asked for, on a terminal.
    pub fn for_people(&self) -> bool {
        self.tables()
    }

    // ---- stderr: messages ----

    /// A message for the person at the terminal, on stderr (not with --quiet).
    pub fn note(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            self.stderr_line(&message.to_string());
        }
    }

    /// A warning that --quiet does not silence: what others could read of the user's files
    /// (a file of tokens rewritten private said nothing under `-q`: review). Code that reports
    /// its own way (`muted`, the autopilot's engine) is not spoken over.
    pub fn warn(&self, message: impl std::fmt::Display) {
        if !self.muted {
            self.stderr_line(&format!("warning: {message}"));
        }
    }

    /// The line that ends a bulk run (a note): the console, which may start two runs for one
    /// key, says every run's (it said only the last: new user).
    pub fn run_ended(&self, line: &str) {
        if !self.quiet && !console::keep_run_end(line) {
            self.stderr_line(line);
        }
    }

    /// A line of `-v` logging.
    pub fn log(&self, message: &str) {
        self.stderr_line(&format!("livectl: {message}"));
    }

    /// The error that ends the run, with its hints: always shown, even with --quiet. A line
    /// is cut in its middle past `REPORT_LINE_CHARS`: what a user gave is quoted in errors, and
    /// a 10 MB id was quoted whole (hostile-input check).
    pub fn report(&self, error: &CliError) {
        if error.is_closed_pipe() {
            return;
        }
        // A token pasted where something else was asked is quoted by the error about it
        // (`livectl login lvs_…`): taken out, as every token is (`redacted`).
        let cut = |text: &str| {
            livectl_contract::token::redacted(text)
                .split('\n')
                .map(|line| shortened(line, REPORT_LINE_CHARS))
                .collect::<Vec<_>>()
                .join("\n")
        };
        // A choice the person made is no error: said as it is.
        let error_said = if error.kind == crate::error::ErrorKind::Declined {
            cut(&error.message)
        } else {
            format!("error: {}", cut(&error.message))
        };
        self.stderr_line(&error_said);
        for hint in &error.hints {
            self.stderr_line(&format!("hint: {}", cut(hint)));
        }
    }

    /// A message written whole before any run has a ui (a usage error of the command line):
    /// every control character escaped but its lines and tabs, and any token taken out.
    pub fn escaped_to_stderr(text: &str) {
        let _ = std::io::stderr()
            .lock()
            .write_all(sanitize(&livectl_contract::token::redacted(text), true).as_bytes());
    }

    fn stderr_line(&self, text: &str) {
        // The console holds the terminal: it shows the line itself.
        if console::keep_line(text) {
            return;
        }
        // A line after the first is indented, so text from outside cannot begin a line of its
        // own that reads as livectl's (`hint: run this`).
        let mut line = String::new();
        for (n, part) in text.split('\n').enumerate() {
            if n > 0 {
                line.push_str("\n  ");
            }
            line.push_str(&sanitize(part, false));
        }
        line.push('\n');
        // Nowhere left to say it when stderr is closed.
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }

    // ---- stdout: data ----

    /// Writes one value as JSON (pretty on a terminal), or as one NDJSON line; shaped by
    /// `--json` and `--jq` when given.
    pub fn json<T: serde::Serialize>(&self, value: &T) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        if self.shape.is_json() {
            let value = serde_json::to_value(value)
                .map_err(|e| CliError::failure(format!("cannot encode: {e}")))?;
            let projected = match &value {
                serde_json::Value::Object(map) => {
                    let known: Vec<&str> = map.keys().map(String::as_str).collect();
                    self.shape.check(&known)?;
                    self.shape.project(value)
                }
                serde_json::Value::Array(items) => {
                    let known: Vec<&str> = items
                        .first()
                        .and_then(|i| i.as_object())
                        .map(|m| m.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    if !known.is_empty() {
                        self.shape.check(&known)?;
                    }
                    serde_json::Value::Array(
                        items
                            .iter()
                            .map(|i| self.shape.project(i.clone()))
                            .collect(),
                    )
                }
                _ => value,
            };
            return self.shape.write(
                &mut std::io::stdout().lock(),
                &projected,
                Dest::of(self.stdout_tty),
            );
        }
        let mut out = json::Safe(std::io::stdout().lock());
        let written = if self.format == Some(Format::Ndjson) {
            serde_json::to_writer(&mut out, value)
        } else {
            serde_json::to_writer_pretty(&mut out, value)
        };
        written.map_err(|e| CliError::output(e.into()))?;
        writeln!(out).map_err(CliError::output)?;
        out.flush().map_err(CliError::output)
    }

    /// One value as one compact JSON line, flushed at once (a live stream).
    pub fn json_line<T: serde::Serialize>(&self, value: &T) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        let mut out = json::Safe(std::io::stdout().lock());
        serde_json::to_writer(&mut out, value).map_err(|e| CliError::output(e.into()))?;
        writeln!(out)
            .and_then(|()| out.flush())
            .map_err(CliError::output)
    }

    /// One item of a stream that never ends, shaped alone by `--json` and `--jq`: fields it
    /// lacks (another kind of item's) are null, never refused.
    pub fn shaped_line(&self, value: serde_json::Value) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        let projected = self.shape.project(value);
        let mut out = std::io::stdout().lock();
        let to = Dest::Stream {
            terminal: self.stdout_tty,
        };
        self.shape.write(&mut out, &projected, to)?;
        out.flush().map_err(CliError::output)
    }

    /// Styled text for people, sanitized and painted; through the pager when it is long.
    pub fn text(&self, text: &Text) -> Result<(), CliError> {
        let rendered = text.render(self.color);
        self.page(&rendered)
    }

    /// Text for people on stdout, through `$PAGER` when it is taller than the terminal.
    pub fn page(&self, rendered: &str) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        if pager::show(self, rendered)? {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        out.write_all(rendered.as_bytes())
            .and_then(|()| out.flush())
            .map_err(CliError::output)
    }

    /// A plain line of data (`whoami`, `config get`), sanitized.
    pub fn line(&self, text: &str) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", sanitize(text, false))
            .and_then(|()| out.flush())
            .map_err(CliError::output)
    }

    /// Text from outside (an answer's body that is not JSON) for stdout: the bytes as they
    /// came into a pipe or a file, as gh does; made safe for a terminal.
    pub fn outside_text(&self, bytes: &[u8]) -> Result<(), CliError> {
        if console::holds_terminal() {
            return Ok(());
        }
        if !self.stdout_tty {
            return self.raw(bytes);
        }
        // Its lines (CRLF or LF) and tabs kept; any other control character shown escaped.
        let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", sanitize(text.trim_end_matches('\n'), true))
            .and_then(|()| out.flush())
            .map_err(CliError::output)
    }

    /// Bytes for stdout as they are (generated completions, an OpenAPI document).
    pub fn raw(&self, bytes: &[u8]) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(CliError::output)
    }

    /// A whole list of rows in the run's format.
    pub fn list<T: Row>(&self, names: &Names, items: &[T]) -> Result<(), CliError> {
        // Data has nowhere to go while the console holds the terminal.
        if console::holds_terminal() {
            return Ok(());
        }
        let mut writer = self.list_writer(names, std::io::stdout().lock())?.paged();
        for item in items {
            writer.item(item)?;
        }
        drop(writer.finish()?);
        Ok(())
    }

    /// A list written to stdout as it arrives.
    pub fn stream<'a, T: Row>(
        &'a self,
        names: &'a Names,
    ) -> Result<ListWriter<'a, std::io::StdoutLock<'static>, T>, CliError> {
        Ok(self.list_writer(names, std::io::stdout().lock())?.paged())
    }

    /// A list that never ends (`list --watch`), written to stdout item by item as it arrives,
    /// for scripts (`!tables()`: a table is drawn whole).
    pub fn stream_live<'a, T: Row>(
        &'a self,
        names: &'a Names,
    ) -> Result<ListWriter<'a, std::io::StdoutLock<'static>, T>, CliError> {
        ListWriter::live(View { ui: self, names }, std::io::stdout().lock())
    }

    /// A list written to stdout as it arrives, in `format` whatever the run's default.
    pub fn stream_in<'a, T: Row>(
        &'a self,
        names: &'a Names,
        format: Format,
    ) -> Result<ListWriter<'a, std::io::StdoutLock<'static>, T>, CliError> {
        ListWriter::with_format(
            View { ui: self, names },
            format,
            std::io::stdout().lock(),
            self.stdout_tty,
        )
    }

    /// A list written to stderr as it arrives, in `format` (`--out /dev/stderr`), beside the
    /// run's messages.
    pub fn stream_to_stderr<'a, T: Row>(
        &'a self,
        names: &'a Names,
        format: Format,
    ) -> Result<ListWriter<'a, std::io::StderrLock<'static>, T>, CliError> {
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
        ListWriter::with_format(
            View { ui: self, names },
            format,
            std::io::stderr().lock(),
            terminal,
        )
    }

    /// A list written as it arrives, to stdout or a file.
    pub fn list_writer<'a, T: Row, W: Write>(
        &'a self,
        names: &'a Names,
        writer: W,
    ) -> Result<ListWriter<'a, W, T>, CliError> {
        ListWriter::new(View { ui: self, names }, writer)
    }
}

/// Longest line of an error's report, in characters.
const REPORT_LINE_CHARS: usize = 2_000;

/// `text` cut in the middle to `most` characters, keeping its start (what went wrong, on what)
/// and its end (with what), and saying how much was left out.
pub fn shortened(text: &str, most: usize) -> String {
    let count = text.chars().count();
    if count <= most {
        return text.to_owned();
    }
    let head: String = text.chars().take(most * 2 / 3).collect();
    let tail: String = text.chars().skip(count - most / 3).collect();
    format!(
        "{head} … ({} characters left out) … {tail}",
        count - head.chars().count() - tail.chars().count()
    )
}
