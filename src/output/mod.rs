//! The only place that knows about terminals: tables on a TTY, plain lines when piped, and
//! json, ndjson, csv or ids for scripts. Data goes to stdout, messages to stderr.

pub mod atomic;
mod list;
pub mod rows;
mod time;

use std::io::{IsTerminal, Write};

use jiff::Timestamp;

pub use list::{ListWriter, Row, table};
pub use time::{age, parse_age};

/// `-o/--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
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
pub struct Output {
    /// None: the default (a table on a TTY, plain lines otherwise).
    pub format: Option<Format>,
    pub color: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub width: Option<u16>,
    /// "Now", for ages; LIVECTL_NOW fixes it (tests, reproducible reports).
    pub now: Timestamp,
    /// Names of agents and departments by id, for tables.
    pub names: std::collections::HashMap<String, String>,
}

impl Output {
    pub fn new(format: Option<Format>, color: ColorChoice, quiet: bool, no_input: bool) -> Output {
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
        Output {
            format,
            color,
            stdout_tty,
            stderr_tty,
            stdin_tty,
            quiet,
            no_input,
            width,
            now,
            names: Default::default(),
        }
    }

    /// Prompts only when a person is there to answer them.
    pub fn interactive(&self) -> bool {
        self.stdin_tty && self.stdout_tty && !self.no_input
    }

    /// A table when asked for, or by default on a terminal.
    pub fn tables(&self) -> bool {
        match self.format {
            Some(Format::Table) => true,
            None => self.stdout_tty,
            _ => false,
        }
    }

    /// A message for the person at the terminal, on stderr (not with --quiet).
    pub fn note(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// Writes one value as JSON (pretty on a terminal), or as one NDJSON line.
    pub fn json<T: serde::Serialize>(&self, value: &T) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        if self.format == Some(Format::Ndjson) {
            serde_json::to_writer(&mut out, value)?;
        } else {
            serde_json::to_writer_pretty(&mut out, value)?;
        }
        writeln!(out)
    }

    /// Paints `text` when colour is on.
    pub fn paint(&self, text: &str, color: comfy_table::Color) -> String {
        if !self.color {
            return text.to_owned();
        }
        let code = match color {
            comfy_table::Color::Red => 31,
            comfy_table::Color::Green => 32,
            comfy_table::Color::Yellow => 33,
            comfy_table::Color::Blue => 34,
            comfy_table::Color::DarkGrey => 90,
            _ => 0,
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// Text from the platform (chat messages, names, problem details) made safe for a terminal:
/// control characters are shown escaped (`\u{1b}`), so a message cannot move the cursor, retitle
/// the window or hide what follows. Only plain colour codes (`ESC [ digits m`) pass, which is what
/// livectl itself paints with.
pub fn sanitize(text: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let harmless = |c: char| !c.is_control() || (keep_newlines && c == '\n');
    if text.chars().all(harmless) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' {
            let sgr = rest[1..].strip_prefix('[').and_then(|after| {
                let len = after.find(|ch: char| !(ch.is_ascii_digit() || ch == ';'))?;
                after[len..].starts_with('m').then_some(len + 3)
            });
            if let Some(len) = sgr {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if harmless(c) {
            out.push(c);
        } else {
            out.extend(c.escape_default());
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(sanitize("plain text", false), "plain text");
        assert_eq!(
            sanitize("\x1b[33mqueued\x1b[0m", false),
            "\x1b[33mqueued\x1b[0m"
        );
        assert_eq!(
            sanitize("hi\x1b]0;owned\x07 there", false),
            "hi\\u{1b}]0;owned\\u{7} there"
        );
        assert_eq!(sanitize("up\x1b[2Aover", false), "up\\u{1b}[2Aover");
        assert_eq!(sanitize("a\nb\rc", false), "a\\nb\\rc");
        assert_eq!(sanitize("a\nb", true), "a\nb");
    }
}
