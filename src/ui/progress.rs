//! Progress on stderr (indicatif), drawn only on a terminal and not with --quiet.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Ui;

/// A bar or a counter; hidden when nobody is watching.
pub struct Progress(ProgressBar);

impl Progress {
    fn styled(ui: &Ui, len: Option<u64>, template: &str) -> Progress {
        // Under the console, counted for its status line rather than drawn.
        let hidden = ProgressBar::with_draw_target(len, ProgressDrawTarget::hidden());
        if super::console::keep_progress(&hidden) {
            return Progress(hidden);
        }
        if ui.quiet || !ui.stderr_tty {
            return Progress(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(template) {
            // A rate a person reads: `103/s`, not `102.6991/s`.
            let style = style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            );
            bar.set_style(style);
        }
        Progress(bar)
    }

    /// The items of a bulk run.
    pub fn items(ui: &Ui, len: u64) -> Progress {
        Progress::styled(
            ui,
            Some(len),
            "{bar:30} {pos}/{len}  {rate}  {elapsed} elapsed  eta {eta}  {msg}",
        )
    }

    /// The conversations of a seed load.
    pub fn conversations(ui: &Ui, len: u64) -> Progress {
        Progress::styled(
            ui,
            Some(len),
            "{bar:30} {pos}/{len} conversations  {rate}  eta {eta}",
        )
    }

    /// Steps of a run that says what it is doing (`what`: "rules").
    pub fn steps(ui: &Ui, len: u64, what: &str) -> Progress {
        Progress::styled(
            ui,
            Some(len),
            &format!("{{bar:30}} {{pos}}/{{len}} {what}  {{msg}}"),
        )
    }

    /// Records of an export, whose total is not known up front.
    pub fn records(ui: &Ui) -> Progress {
        Progress::styled(ui, None, "{spinner} {pos} records  {rate}  {elapsed}")
    }

    pub fn hidden() -> Progress {
        Progress(ProgressBar::hidden())
    }

    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }

    /// More to do than the bar said: items planned while a run goes on.
    pub fn grow(&self, n: u64) {
        self.0.inc_length(n);
    }

    pub fn message(&self, message: String) {
        self.0.set_message(message);
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
