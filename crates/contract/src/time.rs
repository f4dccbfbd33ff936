//! Instants as the API writes them: RFC 3339 in UTC with exactly three fractional digits
//! (`2026-11-24T10:00:00.000Z`), so that every instant has the same length and sorting them as
//! strings (`jq sort_by(.queued_at)`, `sort` on a CSV column) sorts them in time. jiff's own
//! format drops trailing zeros (`.8Z` after `.81Z` as strings). The platform keeps milliseconds;
//! anything RFC 3339 is read.

use jiff::Timestamp;
use jiff::fmt::temporal::DateTimePrinter;
use serde::{Deserialize, Deserializer, Serializer};

const PRINTER: DateTimePrinter = DateTimePrinter::new().precision(Some(3));

/// An instant as the API writes it.
pub fn rfc3339(t: Timestamp) -> String {
    PRINTER.timestamp_to_string(&t)
}

/// The first millisecond at or after `t`: the platform keeps milliseconds, so a bound given
/// finer is sent as the one that selects the same instants (`--since …15.0009Z` took in a
/// record of `…15.000Z` when cut down to it).
pub fn millis_up(t: Timestamp) -> Timestamp {
    let rem = t.subsec_nanosecond() % 1_000_000;
    let up = if rem > 0 { 1_000_000 - rem } else { -rem };
    t.checked_add(jiff::SignedDuration::from_nanos(i64::from(up)))
        .unwrap_or(t)
}

/// Whether an instant's text gives an offset past ±23:59, which RFC 3339 stops at and jiff
/// reads all the same (up to ±25:59): a typo that moved a window by a day unseen
/// (hostile-input check).
pub fn offset_out_of_range(text: &str) -> bool {
    let text = text.split('[').next().unwrap_or(text);
    let Some(time) = text.find(['T', 't', ' ']).map(|at| &text[at + 1..]) else {
        return false;
    };
    let Some(sign) = time.rfind(['+', '-']) else {
        return false;
    };
    let hours: String = time[sign + 1..]
        .chars()
        .take_while(char::is_ascii_digit)
        .take(2)
        .collect();
    hours.parse::<u8>().is_ok_and(|h| h > 23)
}

/// Whether `text` is a date or an instant written well but past the instants livectl holds
/// (jiff's, which stop short of the years ±10000 so that every offset's clock of them is a
/// date): `9999-12-31` was "not a date", which it plainly is. Said as `beyond`.
pub fn out_of_range(text: &str) -> bool {
    let Ok(pieces) = jiff::fmt::temporal::Pieces::parse(text.trim()) else {
        return false;
    };
    if pieces.date().year().abs() != 9999 {
        return false;
    }
    match pieces.time() {
        // A date alone: out of range when its midnight in UTC is.
        None => pieces.date().to_zoned(jiff::tz::TimeZone::UTC).is_err(),
        // A time: only one with an offset is an instant at all; without, the usual message.
        Some(_) => pieces.offset().is_some() && text.trim().parse::<Timestamp>().is_err(),
    }
}

/// What `out_of_range` text is told: the first and the last instant livectl holds.
pub fn beyond(text: &str) -> String {
    // To the second, as RFC 3339 writes them (ISO 8601's six-digit year for the first).
    let at = |t: Timestamp| {
        Timestamp::from_second(t.as_second()).map_or_else(|_| t.to_string(), |t| t.to_string())
    };
    format!(
        "`{text}` is past the instants livectl holds, {} to {}",
        at(Timestamp::MIN),
        at(Timestamp::MAX)
    )
}

/// `#[serde(with = "crate::time::exact")]`: an instant written with `rfc3339`.
pub mod exact {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&rfc3339(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        Timestamp::deserialize(d)
    }
}

/// `#[serde(default, with = "crate::time::exact_or_null")]`: an instant or null; left out, as
/// null (`default`: `with` alone would make the field required).
pub mod exact_or_null {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&rfc3339(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        Option::<Timestamp>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_finer_than_a_millisecond_goes_up_to_the_next() {
        let up = |s: &str| rfc3339(millis_up(s.parse().unwrap()));
        assert_eq!(up("2026-11-30T10:00:15.0009Z"), "2026-11-30T10:00:15.001Z");
        assert_eq!(up("2026-11-30T10:00:15.000Z"), "2026-11-30T10:00:15.000Z");
        assert_eq!(
            up("2026-11-30T10:00:15.999000001Z"),
            "2026-11-30T10:00:16.000Z"
        );
        assert_eq!(up("1969-12-31T23:59:59.9995Z"), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn an_offset_past_a_day_is_out_of_range() {
        for text in [
            "2026-11-30T10:00:00+25:00",
            "2026-11-30T10:00:00-24:00",
            "2026-11-30 10:00:00+2400",
            "2026-11-30T10:00:00+24:00[Europe/Paris]",
        ] {
            assert!(offset_out_of_range(text), "{text}");
        }
        for text in [
            "2026-11-30T10:00:00+23:59",
            "2026-11-30T10:00:00Z",
            "2026-11-30T10:00:00-05:00",
            "2026-11-30",
            "2026-11-30T10:00:00+01:00[Europe/Paris]",
        ] {
            assert!(!offset_out_of_range(text), "{text}");
        }
    }

    /// An answer that leaves out an optional instant, rather than sending null, still reads:
    /// `with` alone made the field required, and `list` failed on such a platform.
    #[test]
    fn an_optional_instant_left_out_reads_as_none() {
        let intervention: crate::Intervention = serde_json::from_value(serde_json::json!({
            "id": "iv_1", "conversation_id": "cv_1",
            "user": {"id": "us_1", "name": "Ada", "channel": "web"},
            "summary": "x", "department": null, "state": "queued", "owner": null,
            "queued_at": "2026-11-24T10:00:00Z", "tags": [], "completion": null,
            "version": 1, "updated_at": "2026-11-24T10:00:00Z"
        }))
        .unwrap();
        assert_eq!(intervention.assigned_at, None);
        assert_eq!(intervention.last_user_message_at, None);
        let general: crate::GeneralQueue =
            serde_json::from_value(serde_json::json!({"count": 0, "oldest_wait_seconds": null}))
                .unwrap();
        assert_eq!(general.oldest_queued_at, None);
    }

    #[test]
    fn every_instant_has_three_fractional_digits() {
        for (given, written) in [
            ("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.000Z"),
            ("2026-11-24T10:00:00.8Z", "2026-11-24T10:00:00.800Z"),
            ("2026-11-24T10:00:00.81Z", "2026-11-24T10:00:00.810Z"),
            (
                "2026-11-24T11:00:00.123456789+01:00",
                "2026-11-24T10:00:00.123Z",
            ),
        ] {
            let t: Timestamp = given.parse().unwrap();
            assert_eq!(rfc3339(t), written, "{given}");
        }
    }
}
