//! Ages for people ("2h 5m").

use jiff::Timestamp;

/// How long ago `then` was, in the two largest units: `45s`, `12m`, `2h 5m`, `3d 4h`.
pub fn age(then: Timestamp, now: Timestamp) -> String {
    let secs = (now - then).get_seconds().max(0);
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, 0) => format!("{h}h"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, 0, _) => format!("{d}d"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// How long something took: `0.4 s`, `12.3 s` under a minute, then as an age (`2m 5s` is
/// written `2m`, as ages are).
pub fn elapsed(took: std::time::Duration) -> String {
    let secs = took.as_secs_f64();
    if secs < 60.0 {
        return format!("{secs:.1} s");
    }
    let m = took.as_secs() / 60;
    let s = took.as_secs() % 60;
    if m < 60 {
        format!("{m}m {s:02}s")
    } else {
        format!("{}h {:02}m", m / 60, m % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;

    #[test]
    fn ages_read_like_a_person_would_say_them() {
        let now: Timestamp = "2026-11-24T12:00:00Z".parse().unwrap();
        let ago = |s: i64| age(now - SignedDuration::from_secs(s), now);
        assert_eq!(
            [
                ago(5),
                ago(60),
                ago(3600),
                ago(3900),
                ago(86_400),
                ago(90_000),
                ago(-10)
            ],
            ["5s", "1m", "1h", "1h 5m", "1d", "1d 1h", "0s"]
        );
    }

    #[test]
    fn elapsed_times_keep_a_tenth_under_a_minute() {
        let took = |ms: u64| elapsed(std::time::Duration::from_millis(ms));
        assert_eq!(
            [took(420), took(12_340), took(125_000), took(3_725_000)],
            ["0.4 s", "12.3 s", "2m 05s", "1h 02m"]
        );
    }
}
