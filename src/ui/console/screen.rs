//! The terminal while the console runs: raw mode and the alternate screen, given back as they
//! were when the console ends, fails or panics (ratatui's hook restores before the panic's
//! message is printed); keys and resizes as they come.

use std::io::IsTerminal;

use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use ratatui::DefaultTerminal;

use super::{App, held};
use crate::error::CliError;

/// Whether a person is at a terminal: stdin and stdout both are one.
pub fn terminal_present() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// A key, a resize or another happening of the terminal.
#[derive(Debug, Clone)]
pub struct Input(pub(super) Event);

/// The terminal, held by the console until dropped.
pub struct Screen {
    terminal: DefaultTerminal,
    input: EventStream,
}

impl Screen {
    /// Takes the terminal: raw mode, the alternate screen, a panic hook that gives it back.
    pub fn open() -> Result<Screen, CliError> {
        let taken = |e: std::io::Error| {
            // Raw mode may be on even though the alternate screen failed.
            ratatui::restore();
            CliError::failure(format!("cannot take over the terminal: {e}"))
        };
        let mut terminal = ratatui::try_init().map_err(taken)?;
        // Cleared first: the first drawing writes only what differs from blank, and a terminal
        // that keeps the alternate screen's content (or shares it with the normal one) showed
        // a note written before through the header (new user).
        // The backend's own clear: the terminal's asks for the cursor's position, which a
        // terminal may never answer.
        {
            use ratatui::backend::{Backend, ClearType};
            let backend = terminal.backend_mut();
            backend
                .clear_region(ClearType::All)
                .and_then(|()| Backend::flush(backend))
                .map_err(taken)?;
        }
        held::hold();
        Ok(Screen {
            terminal,
            input: EventStream::new(),
        })
    }

    /// Draws the console at the terminal's size now (a resize is picked up here).
    pub fn draw(&mut self, app: &mut App) -> Result<(), CliError> {
        app.absorb();
        self.terminal
            .draw(|frame| app.render(frame))
            .map(|_| ())
            .map_err(|e| CliError::failure(format!("cannot draw the console: {e}")))
    }

    /// The next key or resize; None when the terminal has no more to say.
    pub async fn input(&mut self) -> Result<Option<Input>, CliError> {
        match self.input.next().await {
            Some(Ok(event)) => Ok(Some(Input(event))),
            Some(Err(e)) => Err(CliError::failure(format!("cannot read the terminal: {e}"))),
            None => Ok(None),
        }
    }
}

impl Drop for Screen {
    /// The terminal as it was: raw mode off, the normal screen back, the cursor shown.
    fn drop(&mut self) {
        held::release();
        ratatui::restore();
    }
}
