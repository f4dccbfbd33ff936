//! Ages for people ("2h 5m") and durations from flags ("30m").

use jiff::{SignedDuration, Timestamp};

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

/// `90s`, `30m`, `2h`, `1d`, `1h30m`: a duration given on the command line.
pub fn parse_age(s: &str) -> Result<SignedDuration, String> {
    let bad =
        || format!("`{s}` is not a duration; use a number with s, m, h or d, such as 30m or 1h30m");
    let mut total = 0i64;
    let mut digits = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        // Ten years is plenty; beyond that the number is a typo.
        total = n
            .checked_mul(unit)
            .and_then(|secs| total.checked_add(secs))
            .filter(|t| *t <= 10 * 366 * 86_400)
            .ok_or_else(|| format!("`{s}` is longer than ten years"))?;
    }
    if !digits.is_empty() || total <= 0 {
        return Err(bad());
    }
    Ok(SignedDuration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn durations_from_flags() {
        assert_eq!(parse_age("30m").unwrap(), SignedDuration::from_mins(30));
        assert_eq!(parse_age("1h30m").unwrap(), SignedDuration::from_mins(90));
        assert_eq!(parse_age("2d").unwrap(), SignedDuration::from_hours(48));
        for bad in [
            "",
            "30",
            "m",
            "3x",
            "-5m",
            "0m",
            "999999999999999999d",
            "9223372036854775807s",
        ] {
            assert!(parse_age(bad).is_err(), "{bad}");
        }
    }
}
