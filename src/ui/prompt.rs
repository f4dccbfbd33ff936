//! Questions to the person at the terminal (dialoguer), asked only when the run is
//! interactive; callers decide what a missing answer means otherwise.

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, Input};

use super::{Ui, sanitize};
use crate::error::CliError;

/// Where a prompt leaves the cursor when it ends without an answer.
#[derive(Clone, Copy)]
enum Left {
    /// At the end of its line (a question, a line of text): ended here, so what is said next
    /// does not follow the question on its line.
    OnItsLine,
    /// At the start of the line below what it drew (a picker's list).
    BelowIt,
}

/// A prompt that ended without an answer (Ctrl-C, a read that failed). dialoguer leaves the
/// terminal as it was at that moment: the cursor hidden and, for a question, at the end of its
/// line. The cursor is shown again and the line ended here, for every prompt, so the error
/// starts a line of its own and the shell gets its cursor back. Nothing is written to a stderr
/// that is no terminal (dialoguer draws on none, and refuses to start).
fn failed(ui: &Ui, e: dialoguer::Error, left: Left) -> CliError {
    if ui.stderr_tty {
        let mut stderr = std::io::stderr();
        let _ = crossterm::execute!(stderr, crossterm::cursor::Show);
        if let Left::OnItsLine = left {
            let _ = crossterm::execute!(stderr, crossterm::style::Print("\r\n"));
        }
    }
    let dialoguer::Error::IO(io) = &e;
    // Ctrl-C at the prompt (the terminal in raw mode reports it as an interrupted read).
    if io.kind() == std::io::ErrorKind::Interrupted {
        return CliError::interrupted("interrupted at the prompt: nothing was changed");
    }
    CliError::failure(format!("the prompt failed: {e}"))
}

/// Colours only when the run has them (NO_COLOR, --color never).
fn theme(ui: &Ui) -> Box<dyn Theme> {
    if ui.color {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

/// A yes or no question; `default` is the answer to Enter, no the answer to Esc.
pub fn confirm(ui: &Ui, question: &str, default: bool) -> Result<bool, CliError> {
    Confirm::with_theme(theme(ui).as_ref())
        .with_prompt(sanitize(question, false))
        .default(default)
        .interact_opt()
        .map(|answer| answer.unwrap_or(false))
        .map_err(|e| failed(ui, e, Left::OnItsLine))
}

/// A choice among `labels`, filtered as the person types; the index chosen, None after Esc.
pub fn pick(ui: &Ui, title: &str, labels: &[String]) -> Result<Option<usize>, CliError> {
    let labels: Vec<String> = labels
        .iter()
        .map(|l| sanitize(l, false).into_owned())
        .collect();
    // The title may name what came from outside (a department's name): made safe as the labels.
    FuzzySelect::with_theme(theme(ui).as_ref())
        .with_prompt(sanitize(title, false))
        .items(&labels)
        .default(0)
        .interact_opt()
        .map_err(|e| failed(ui, e, Left::BelowIt))
}

/// A line of text that `check` accepts: what it refuses is said, and the question asked again.
pub fn text_checked(
    ui: &Ui,
    question: &str,
    mut check: impl FnMut(&str) -> Result<(), String>,
) -> Result<String, CliError> {
    Input::<String>::with_theme(theme(ui).as_ref())
        .with_prompt(question)
        .allow_empty(true)
        .validate_with(|text: &String| check(text).map_err(|e| sanitize(&e, false).into_owned()))
        .interact_text()
        .map_err(|e| failed(ui, e, Left::OnItsLine))
}

/// A secret typed without echo, read key by key with the terminal in raw mode, as every other
/// prompt reads: Ctrl-C is then a key that ends it (exit 130). dialoguer's reads a line with
/// echo off, where Ctrl-C is a signal, which the run's handler took while the read went on
/// until Enter.
pub fn secret(ui: &Ui, question: &str) -> Result<String, CliError> {
    use std::io::Write;

    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut drawn = String::new();
    let _ = theme(ui).format_input_prompt(&mut drawn, &sanitize(question, false), None);
    let mut stderr = std::io::stderr();
    let io = |e: std::io::Error| failed(ui, dialoguer::Error::IO(e), Left::OnItsLine);
    write!(stderr, "{drawn}")
        .and_then(|()| stderr.flush())
        .map_err(io)?;
    crossterm::terminal::enable_raw_mode().map_err(io)?;
    /// The terminal back as it was, however the read ends.
    struct Cooked;
    impl Drop for Cooked {
        fn drop(&mut self) {
            let _ = crossterm::terminal::disable_raw_mode();
        }
    }
    let cooked = Cooked;
    let mut typed = String::new();
    loop {
        let key = match crossterm::event::read().map_err(io)? {
            Event::Key(key) if key.kind != KeyEventKind::Release => key,
            Event::Paste(text) => {
                typed.push_str(&text);
                continue;
            }
            _ => continue,
        };
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        let ended =
            key.code == KeyCode::Esc || (control && matches!(key.code, KeyCode::Char('c' | 'd')));
        if ended {
            drop(cooked);
            return Err(io(std::io::ErrorKind::Interrupted.into()));
        }
        match key.code {
            KeyCode::Enter => break,
            KeyCode::Char('u') if control => typed.clear(),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) if !control => typed.push(c),
            _ => {}
        }
    }
    drop(cooked);
    let _ = writeln!(stderr);
    Ok(typed)
}
