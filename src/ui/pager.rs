//! Long output through `$PAGER` on a terminal, as git does: only when stdout is a real
//! terminal and the text is taller than it; `PAGER=` or `PAGER=cat` turns it off.

use std::io::Write;
use std::process::{Command, Stdio};

use super::Ui;
use crate::error::CliError;

/// The pager to use for `text`, if any.
fn pager(ui: &Ui, text: &str) -> Option<String> {
    if !ui.stdout_tty || !ui.stdin_tty || ui.forced_tty {
        return None;
    }
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less".to_owned());
    if pager.trim().is_empty() || pager.trim() == "cat" {
        return None;
    }
    let (_, rows) = crossterm::terminal::size().ok()?;
    (rows > 0 && text.lines().count() >= usize::from(rows)).then_some(pager)
}

/// Writes `text` to stdout, through the pager when it is taller than the terminal. True when
/// a pager showed it.
pub fn show(ui: &Ui, text: &str) -> Result<bool, CliError> {
    let Some(pager) = pager(ui, text) else {
        return Ok(false);
    };
    let mut command = Command::new("sh");
    command.args(["-c", &pager]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        // Quit at once when it fits, keep colours, leave the text on the screen.
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        // No pager to run: the text goes to stdout as it would without one.
        return Ok(false);
    };
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            // Quitting the pager early closes its input: nothing is wrong, if it ends well.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.map_err(CliError::output)?,
        }
    }
    let status = child
        .wait()
        .map_err(|e| CliError::failure(format!("the pager `{pager}` failed: {e}")))?;
    // A pager that failed (not there: the shell's 127; not runnable: 126; or its own error):
    // the text is shown without it rather than lost, though a pager that showed some of it
    // before failing has it shown twice (a PAGER naming a program not installed showed
    // nothing, exit 0).
    if !status.success() {
        let how = status
            .code()
            .map_or_else(|| "it was killed".to_owned(), |c| format!("exit {c}"));
        ui.note(format!(
            "warning: the pager `{pager}` failed ({how}); shown without it (PAGER= turns paging off)"
        ));
        return Ok(false);
    }
    Ok(true)
}
