//! Progress on stderr (indicatif), drawn only on a terminal and not with --quiet.

use std::time::Duration;

use indicatif::{HumanDuration, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::Ui;

/// A bar or a counter; hidden when nobody is watching.
pub struct Progress(ProgressBar);

/// How fast items end, a second: those done over the time elapsed, never above `pace`, the
/// most a run sends a second (`--rate`). indicatif's own estimate is a moving average that
/// starts high, and a paced run sends its first item at once: `3/8 2/s` at 1 a second. None
/// before any time has passed.
fn rate(done: u64, elapsed: Duration, pace: Option<f64>) -> Option<f64> {
    let seconds = elapsed.as_secs_f64();
    if seconds <= 0.0 {
        return None;
    }
    let measured = done as f64 / seconds;
    Some(match pace {
        Some(pace) if pace > 0.0 => measured.min(pace),
        _ => measured,
    })
}

/// The time the `left` items take at the rate `rate` says, or at `pace` while nothing has
/// ended yet; None when neither tells (nothing ended, no pace).
fn eta(done: u64, left: u64, elapsed: Duration, pace: Option<f64>) -> Option<Duration> {
    if left == 0 {
        return Some(Duration::ZERO);
    }
    let rate = rate(done, elapsed, pace)
        .filter(|r| *r > 0.0)
        .or(pace.filter(|p| *p > 0.0))?;
    Duration::try_from_secs_f64(left as f64 / rate).ok()
}

/// A rate a person reads: `103/s`, `2/s`, `0.5/s`, not `102.6991/s`; `-/s` when unknown.
fn per_second(rate: Option<f64>) -> String {
    match rate {
        Some(r) if r >= 10.0 || r == 0.0 => format!("{r:.0}/s"),
        Some(r) => {
            let text = format!("{r:.1}");
            format!("{}/s", text.strip_suffix(".0").unwrap_or(&text))
        }
        None => "-/s".into(),
    }
}

/// `5s`, `2m`, as indicatif writes a duration; `-` when unknown.
fn time_left(eta: Option<Duration>) -> String {
    match eta {
        Some(eta) => format!("{:#}", HumanDuration(eta)),
        None => "-".into(),
    }
}

impl Progress {
    fn styled(ui: &Ui, len: Option<u64>, template: &str) -> Progress {
        Progress::paced(ui, len, template, None)
    }

    /// A bar whose rate and time left are measured (`rate`, `eta`), at most `pace` a second.
    fn paced(ui: &Ui, len: Option<u64>, template: &str, pace: Option<f64>) -> Progress {
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
            let style = style
                .with_key(
                    "rate",
                    move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let rate = rate(state.pos(), state.elapsed(), pace);
                        let _ = w.write_str(&per_second(rate));
                    },
                )
                .with_key(
                    "eta",
                    move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let left = state.len().map(|len| len.saturating_sub(state.pos()));
                        let eta =
                            left.and_then(|left| eta(state.pos(), left, state.elapsed(), pace));
                        let _ = w.write_str(&time_left(eta));
                    },
                );
            bar.set_style(style);
        }
        Progress(bar)
    }

    /// The items of a bulk run, sent at most `pace` a second (`--rate`).
    pub fn items(ui: &Ui, len: u64, pace: Option<f64>) -> Progress {
        Progress::paced(
            ui,
            Some(len),
            "{bar:30} {pos}/{len}  {rate}  {elapsed} elapsed  eta {eta}  {msg}",
            pace,
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{eta, per_second, rate, time_left};

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn a_paced_run_goes_at_its_pace_though_its_first_item_went_at_once() {
        // `--rate 1`, 3 of 8 done 2 s in (the first sent at once): 5 left take 5 s, not 2.
        assert_eq!(rate(3, secs(2), Some(1.0)), Some(1.0));
        assert_eq!(eta(3, 5, secs(2), Some(1.0)), Some(secs(5)));
        assert_eq!(
            (
                per_second(rate(3, secs(2), Some(1.0))),
                time_left(eta(3, 5, secs(2), Some(1.0)))
            ),
            ("1/s".to_owned(), "5s".to_owned())
        );
        // Before anything ended, the pace says it.
        assert_eq!(eta(0, 8, Duration::ZERO, Some(2.0)), Some(secs(4)));
        assert_eq!(eta(0, 8, secs(1), Some(2.0)), Some(secs(4)));
    }

    #[test]
    fn a_platform_slower_than_the_pace_sets_the_rate() {
        // `--rate 10`, but 2 items ended in 4 s: 0.5 a second, 3 left take 6 s.
        assert_eq!(rate(2, secs(4), Some(10.0)), Some(0.5));
        assert_eq!(eta(2, 3, secs(4), Some(10.0)), Some(secs(6)));
        assert_eq!(per_second(Some(0.5)), "0.5/s");
    }

    #[test]
    fn an_unpaced_run_goes_at_what_it_did_so_far() {
        assert_eq!(rate(30, secs(10), None), Some(3.0));
        assert_eq!(eta(30, 60, secs(10), None), Some(secs(20)));
        assert_eq!(time_left(eta(30, 600, secs(10), None)), "3m");
        // Nothing ended yet and no pace: not known, rather than 0 s.
        assert_eq!(eta(0, 8, secs(1), None), None);
        assert_eq!(rate(0, secs(1), None), Some(0.0));
        assert_eq!(rate(0, Duration::ZERO, None), None);
        assert_eq!(
            (per_second(None), time_left(None)),
            ("-/s".to_owned(), "-".to_owned())
        );
        assert_eq!(eta(8, 0, secs(3), None), Some(Duration::ZERO));
    }

    #[test]
    fn rates_read_as_people_read_them() {
        assert_eq!(per_second(Some(102.6991)), "103/s");
        assert_eq!(per_second(Some(2.0)), "2/s");
        assert_eq!(per_second(Some(2.34)), "2.3/s");
        assert_eq!(per_second(Some(0.0)), "0/s");
    }
}
