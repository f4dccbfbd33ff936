//! Durations as people write them on command lines and in seed files: `90s`, `30m`, `2h`, `1d`,
//! `1h30m`.

use jiff::SignedDuration;

/// The longest duration accepted; beyond it the number is a typo.
const LONGEST_SECONDS: i64 = 10 * 366 * 86_400;

/// Parses a positive duration of whole days, hours, minutes and seconds.
pub fn parse(s: &str) -> Result<SignedDuration, String> {
    let text = s.trim();
    // `-5m` reads as a duration gone the wrong way: said so, rather than "not a duration".
    if let Some(unsigned) = text.strip_prefix('-')
        && seconds(s, unsigned).is_ok_and(|secs| secs > 0)
    {
        return Err(format!(
            "`{s}` is negative; give a duration of 1s or more, such as 30m"
        ));
    }
    let total = seconds(s, text)?;
    if total <= 0 {
        return Err(format!(
            "`{s}` is no time at all; give a duration of 1s or more, such as 30m"
        ));
    }
    Ok(SignedDuration::from_secs(total))
}

/// The seconds `text` (trimmed `s`) adds up to; a message naming `s` when it is no duration.
fn seconds(s: &str, text: &str) -> Result<i64, String> {
    let bad =
        || format!("`{s}` is not a duration; use a number with s, m, h or d, such as 30m or 1h30m");
    let mut total = 0i64;
    let mut digits = String::new();
    // The units come largest first, each once (`1h30m`): `1h1h` or `30m1h` is a slip.
    let mut last_unit = i64::MAX;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = match digits.parse() {
            Ok(n) => n,
            // Digits and more than i64 holds: a number, only far too long.
            Err(_) if !digits.is_empty() => return Err(format!("`{s}` is longer than ten years")),
            Err(_) => return Err(bad()),
        };
        digits.clear();
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        if unit >= last_unit {
            return Err(format!(
                "`{s}` gives its units out of order; each once, largest first, such as 1h30m"
            ));
        }
        last_unit = unit;
        total = n
            .checked_mul(unit)
            .and_then(|secs| total.checked_add(secs))
            .filter(|t| *t <= LONGEST_SECONDS)
            .ok_or_else(|| format!("`{s}` is longer than ten years"))?;
    }
    if !digits.is_empty() || text.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

/// The compact form `parse` reads back: `1d2h30m`, `45s`, `0s`.
pub fn format(d: SignedDuration) -> String {
    let secs = d.as_secs().max(0);
    let parts = [
        (secs / 86_400, 'd'),
        (secs % 86_400 / 3600, 'h'),
        (secs % 3600 / 60, 'm'),
        (secs % 60, 's'),
    ];
    let out: String = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if out.is_empty() { "0s".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_and_write() {
        assert_eq!(parse("30m").unwrap(), SignedDuration::from_mins(30));
        assert_eq!(parse("1h30m").unwrap(), SignedDuration::from_mins(90));
        assert_eq!(parse("2d").unwrap(), SignedDuration::from_hours(48));
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
            assert!(parse(bad).is_err(), "{bad}");
        }
        for text in ["1d2h30m", "45s", "2h", "1h0m5s"] {
            let d = parse(text).unwrap();
            assert_eq!(parse(&format(d)).unwrap(), d);
        }
        assert_eq!(format(SignedDuration::from_secs(93_605)), "1d2h5s");
        // Each unit once, largest first: `1h1h` was two hours.
        for slip in ["1h1h", "30m1h", "5s5s", "1d1m1h"] {
            assert_eq!(
                parse(slip).unwrap_err(),
                format!(
                    "`{slip}` gives its units out of order; each once, largest first, such as 1h30m"
                )
            );
        }
        // A minus sign: negative, whatever follows it that is a duration.
        for negative in ["-5m", " -1h30m", "-1s"] {
            assert_eq!(
                parse(negative).unwrap_err(),
                format!("`{negative}` is negative; give a duration of 1s or more, such as 30m")
            );
        }
        for not in ["-", "-0m", "--5m", "-5x", "--json"] {
            assert!(parse(not).unwrap_err().contains("not a duration"), "{not}");
        }
        assert_eq!(
            parse("0m").unwrap_err(),
            "`0m` is no time at all; give a duration of 1s or more, such as 30m"
        );
        // Too long, whether the number fits or not.
        for long in ["999999d", "9999999999999999999h"] {
            assert_eq!(
                parse(long).unwrap_err(),
                format!("`{long}` is longer than ten years")
            );
        }
    }
}
