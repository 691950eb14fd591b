//! Reading the times and dates authors write (content format, "Times").
//!
//! A time is RFC 3339 with an offset (`2026-11-20T14:03:00Z`,
//! `2026-11-20T15:03:00+01:00`) or a local time without offset
//! (`2026-11-20 14:03`, seconds optional, `T` or a space between date and
//! time) read in the site's IANA time zone. A local time that falls in a DST
//! gap does not exist and one in a DST overlap is ambiguous: both are
//! rejected, with the offsets that would make them valid.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Why a time could not be read; `Display` says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("`{0}` is not a time")]
    Unparsable(String),
    #[error("`{text}` does not exist in {zone}: the clocks skip that hour (daylight saving time starts)")]
    Nonexistent { text: String, zone: String },
    #[error("`{text}` happens twice in {zone}: the clocks go back that hour (daylight saving time ends)")]
    Ambiguous {
        text: String,
        zone: String,
        earlier: String,
        later: String,
    },
    #[error("`{0}` names a leap second (`:60`), which JavaScript, Python and most feed readers reject")]
    LeapSecond(String),
    #[error("`{0}` is outside the times allclear can write (1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z)")]
    OutOfRange(String),
}

impl TimeError {
    /// What to write instead.
    pub fn help(&self) -> String {
        match self {
            TimeError::Unparsable(_) => "write RFC 3339 with an offset, like `2026-11-20T14:03:00Z`, or a local time in the site's time zone, like `2026-11-20 14:03`".into(),
            TimeError::Nonexistent { .. } => "write the time with an explicit offset, or a local time outside the skipped hour".into(),
            TimeError::Ambiguous { earlier, later, .. } => {
                format!("write it with an offset: `{earlier}` (the first time) or `{later}` (the second)")
            }
            TimeError::LeapSecond(_) => "write `:59` or the next minute's `:00` instead".into(),
            TimeError::OutOfRange(_) => {
                "feeds, calendars and the API write times in RFC 3339, whose years have four digits: check the year".into()
            }
        }
    }
}

/// Local formats accepted without an offset, most common first.
const LOCAL_FORMATS: [&str; 4] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
];

/// Read `text` as an instant; local times are read in `zone`.
///
/// # Errors
/// [`TimeError`] when it is neither form, a local time that does not exist
/// or exists twice in `zone`, a leap second (`14:00:60`: chrono accepts
/// one, but it would reach every output as a time that RFC 3339 parsers in
/// JavaScript and Python reject), or a time outside the range the build's
/// own clock accepts ([`crate::clock::EARLIEST`] to
/// [`crate::clock::LATEST`]), since later ones would be written with a
/// five-digit year.
pub fn parse_time(text: &str, zone: Tz) -> Result<DateTime<Utc>, TimeError> {
    use chrono::Timelike;
    let text = text.trim();
    let t = parse_any(text, zone)?;
    if t.nanosecond() >= 1_000_000_000 {
        return Err(TimeError::LeapSecond(text.to_string()));
    }
    if !(crate::clock::EARLIEST..=crate::clock::LATEST).contains(&t) {
        return Err(TimeError::OutOfRange(text.to_string()));
    }
    Ok(t)
}

fn parse_any(text: &str, zone: Tz) -> Result<DateTime<Utc>, TimeError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Some(t) = parse_offset_without_seconds(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = LOCAL_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .ok_or_else(|| TimeError::Unparsable(text.to_string()))?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(TimeError::Nonexistent {
            text: text.to_string(),
            zone: zone.name().to_string(),
        }),
        LocalResult::Ambiguous(a, b) => Err(TimeError::Ambiguous {
            text: text.to_string(),
            zone: zone.name().to_string(),
            earlier: a.fixed_offset().to_rfc3339(),
            later: b.fixed_offset().to_rfc3339(),
        }),
    }
}

/// `2026-11-20T14:03Z` / `2026-11-20 14:03+01:00`: an offset but no seconds,
/// which RFC 3339 forbids and people write anyway.
fn parse_offset_without_seconds(text: &str) -> Option<DateTime<FixedOffset>> {
    let normalized = text.replacen(' ', "T", 1).replace('z', "Z");
    let with_z = normalized.strip_suffix('Z').map(|s| format!("{s}+00:00"));
    let candidate = with_z.as_deref().unwrap_or(&normalized);
    DateTime::parse_from_str(candidate, "%Y-%m-%dT%H:%M%:z").ok()
}

/// Read a calendar date, `YYYY-MM-DD`.
///
/// # Errors
/// [`TimeError::Unparsable`] when it is not such a date.
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| TimeError::Unparsable(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn reads_rfc3339_and_offsets() {
        assert_eq!(
            parse_time("2026-11-20T14:03:00Z", Berlin),
            Ok(utc("2026-11-20T14:03:00Z"))
        );
        assert_eq!(
            parse_time("2026-11-20T15:03:00+01:00", Berlin),
            Ok(utc("2026-11-20T14:03:00Z"))
        );
        assert_eq!(parse_time("2026-11-20T14:03Z", Berlin), Ok(utc("2026-11-20T14:03:00Z")));
    }

    #[test]
    fn reads_local_times_in_the_site_zone() {
        // Winter: CET is UTC+1; summer: CEST is UTC+2.
        assert_eq!(parse_time("2026-11-20 15:03", Berlin), Ok(utc("2026-11-20T14:03:00Z")));
        assert_eq!(
            parse_time("2026-07-01T12:00:30", Berlin),
            Ok(utc("2026-07-01T10:00:30Z"))
        );
    }

    #[test]
    fn rejects_dst_gaps_and_overlaps() {
        // 2026-03-29 02:30 does not exist in Berlin; 2026-10-25 02:30 happens twice.
        assert!(matches!(
            parse_time("2026-03-29 02:30", Berlin),
            Err(TimeError::Nonexistent { .. })
        ));
        let err = parse_time("2026-10-25 02:30", Berlin).unwrap_err();
        assert!(err.help().contains("2026-10-25T02:30:00+02:00"), "{}", err.help());
        assert!(err.help().contains("2026-10-25T02:30:00+01:00"), "{}", err.help());
    }

    #[test]
    fn rejects_nonsense() {
        assert!(matches!(parse_time("tomorrow", Berlin), Err(TimeError::Unparsable(_))));
        assert!(matches!(
            parse_time("2026-02-30 10:00", Berlin),
            Err(TimeError::Unparsable(_))
        ));
        assert!(parse_date("2026-09-01").is_ok());
        for far in ["9999-12-31T20:00:00-05:00", "9999-12-31 12:00", "1969-12-31T23:59:59Z"] {
            assert_eq!(parse_time(far, Berlin), Err(TimeError::OutOfRange(far.into())), "{far}");
        }
        assert!(parse_time("9999-12-30T23:59:59Z", Berlin).is_ok());
        for leap in [
            "2026-11-20T14:00:60Z",
            "2026-11-20 14:00:60",
            "2026-11-20T15:00:60+01:00",
        ] {
            assert_eq!(
                parse_time(leap, Berlin),
                Err(TimeError::LeapSecond(leap.into())),
                "{leap}"
            );
        }
        assert!(parse_date("2026-9-1x").is_err());
    }
}
