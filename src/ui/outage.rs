//! What a person is told while an event stream (or the platform an autopilot looks at) is down.
//! A platform stopped or throttling refuses the stream every second or so for up to five
//! minutes (`livectl_client::OUTAGE`): its first failure is said, and each different one; the
//! same failure again only once `REMIND` has passed, with how long and how many tries it has
//! been. At `-v` every failure is said.

use std::time::{Duration, Instant};

use super::Ui;

/// How often the same failure is said again while the stream stays down.
pub const REMIND: Duration = Duration::from_secs(30);

/// The notes of an event stream's failures (or the platform's), from its first failure to its
/// reconnect.
pub struct StreamNotes<'a> {
    ui: &'a Ui,
    down: Option<Down>,
    /// What is down (`the event stream`), how its first failure is said (`failed`) and what
    /// is done meanwhile (`reconnecting`): before it was ever up, and once it was.
    what: &'static str,
    first: &'static str,
    doing: &'static str,
    once_up: (&'static str, &'static str),
}

struct Down {
    since: Instant,
    tries: u32,
    /// The class of the failure said last, and when.
    said: String,
    said_at: Instant,
}

impl<'a> StreamNotes<'a> {
    /// The notes of an event stream; `was_up`: it was open once (a failure before is one to
    /// open it, tried again, not a reconnect).
    pub fn new(ui: &'a Ui, was_up: bool) -> Self {
        let mut notes = StreamNotes {
            ui,
            down: None,
            what: "the event stream",
            first: "could not open",
            doing: "trying again",
            once_up: ("failed", "reconnecting"),
        };
        if was_up {
            notes.up();
        }
        notes
    }

    /// The notes of the platform's failures to answer the autopilot's looks.
    pub fn platform(ui: &'a Ui) -> Self {
        StreamNotes {
            ui,
            down: None,
            what: "the platform",
            first: "is down",
            doing: "looking again until it is back",
            once_up: ("is down", "looking again until it is back"),
        }
    }

    /// The failures had an end: said with how long it was down (nothing when it was not).
    pub fn back(&mut self) {
        if let Some(down) = self.down.take() {
            self.ui.note(format!(
                "{} is back after {} down",
                self.what,
                super::elapsed(down.since.elapsed())
            ));
        }
    }

    /// The stream failed and reconnects; `class` tells this failure from another (the words of
    /// the same failure may change from one try to the next).
    pub fn failed(&mut self, error: &impl std::fmt::Display, class: &str) {
        if let Some(note) = self.note(error.to_string(), class, Instant::now()) {
            self.ui.note(note);
        }
    }

    /// The stream is up (again): a next failure starts a new outage, one of a stream that was
    /// open.
    pub fn up(&mut self) {
        self.down = None;
        (self.first, self.doing) = self.once_up;
    }

    /// What to say of a failure at `now`, if anything.
    fn note(&mut self, error: String, class: &str, now: Instant) -> Option<String> {
        let Some(down) = &mut self.down else {
            let note = format!("{} {} ({error}); {}", self.what, self.first, self.doing);
            self.down = Some(Down {
                since: now,
                tries: 1,
                said: class.to_owned(),
                said_at: now,
            });
            return Some(note);
        };
        down.tries += 1;
        let due = now.duration_since(down.said_at) >= REMIND;
        if down.said == class && !due && self.ui.verbose == 0 {
            return None;
        }
        let note = format!(
            "{} is still down after {} tries in {} ({error}); {}",
            self.what,
            down.tries,
            super::elapsed(now.duration_since(down.since)),
            self.doing
        );
        down.said = class.to_owned();
        down.said_at = now;
        Some(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same failure every 5 s for a minute and a half, then another, then up and down again.
    #[test]
    fn the_same_failure_is_said_again_only_every_thirty_seconds() {
        let ui = Ui::silent();
        let mut notes = StreamNotes::new(&ui, true);
        let start = Instant::now();
        let at = |secs: u64| start + Duration::from_secs(secs);
        let mut said = Vec::new();
        for secs in (0..=90).step_by(5) {
            said.extend(notes.note("connection refused".into(), "connect", at(secs)));
        }
        said.extend(notes.note("503 Service Unavailable".into(), "5xx", at(92)));
        said.extend(notes.note("500 Internal Server Error".into(), "5xx", at(93)));
        notes.up();
        said.extend(notes.note("connection refused".into(), "connect", at(100)));
        assert_eq!(
            said,
            [
                "the event stream failed (connection refused); reconnecting",
                "the event stream is still down after 7 tries in 30.0 s (connection refused); reconnecting",
                "the event stream is still down after 13 tries in 1m 00s (connection refused); reconnecting",
                "the event stream is still down after 19 tries in 1m 30s (connection refused); reconnecting",
                "the event stream is still down after 20 tries in 1m 32s (503 Service Unavailable); reconnecting",
                "the event stream failed (connection refused); reconnecting",
            ]
        );
    }

    /// A stream that never opened said "failed …; reconnecting", then gave up at once.
    #[test]
    fn a_stream_never_open_is_not_said_to_reconnect() {
        let ui = Ui::silent();
        let mut notes = StreamNotes::new(&ui, false);
        let now = Instant::now();
        assert_eq!(
            notes.note("connection refused".into(), "connect", now),
            Some("the event stream could not open (connection refused); trying again".into())
        );
        notes.up();
        assert_eq!(
            notes.note("connection refused".into(), "connect", now),
            Some("the event stream failed (connection refused); reconnecting".into())
        );
    }

    #[test]
    fn the_platform_is_said_down_in_its_own_words() {
        let ui = Ui::silent();
        let mut notes = StreamNotes::platform(&ui);
        let start = Instant::now();
        let said: Vec<String> = [0, 31]
            .into_iter()
            .filter_map(|secs| {
                notes.note(
                    "connection refused".into(),
                    "connect",
                    start + Duration::from_secs(secs),
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                "the platform is down (connection refused); looking again until it is back",
                "the platform is still down after 2 tries in 31.0 s (connection refused); looking again until it is back",
            ]
        );
    }
}
