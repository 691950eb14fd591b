//! The build's one reference time, "now" (content format, "Times").
//!
//! In order: `--now TIME` (RFC 3339), else the `SOURCE_DATE_EPOCH`
//! environment variable (seconds since the Unix epoch, as the
//! reproducible-builds.org specification defines it), else the system
//! clock. It is read once per build and passed down; nothing else reads the
//! clock.
//!
//! A pinned time must lie in [`EARLIEST`]..=[`LATEST`]: outputs write times
//! in RFC 3339, whose years have four digits (§5.6, `date-fullyear =
//! 4DIGIT`), and so must every time derived from "now", the next midnight
//! in the site's zone included (chrono would write `+10000-01-01T…`).
//! `SOURCE_DATE_EPOCH` counts from 1970 (reproducible-builds.org), so the
//! range starts there for `--now` too.

use chrono::{DateTime, Utc};

/// The earliest reference time accepted: 1970-01-01T00:00:00Z
/// (`SOURCE_DATE_EPOCH=0`).
pub const EARLIEST: DateTime<Utc> = DateTime::UNIX_EPOCH;

/// The latest reference time accepted: 9999-12-30T23:59:59Z
/// (`SOURCE_DATE_EPOCH=253402214399`), one day before the last second
/// RFC 3339 can write, so that the next midnight in any zone still fits.
pub const LATEST: DateTime<Utc> = match DateTime::from_timestamp(253_402_214_399, 0) {
    Some(t) => t,
    None => panic!("9999-12-30T23:59:59Z is a valid time"),
};

/// Why the reference time could not be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("--now `{0}` is not an RFC 3339 time")]
    BadNow(String),
    #[error("SOURCE_DATE_EPOCH `{0}` is not a whole number of seconds since 1970-01-01T00:00:00Z")]
    BadEpoch(String),
    /// `--now` parses, but lies outside [`EARLIEST`]..=[`LATEST`].
    #[error("--now `{0}` is outside the times allclear can write (1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z)")]
    NowOutOfRange(String),
    /// `SOURCE_DATE_EPOCH` parses, but lies outside [`EARLIEST`]..=[`LATEST`].
    #[error(
        "SOURCE_DATE_EPOCH `{0}` is outside the times allclear can write (0 to 253402214399, 1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z)"
    )]
    EpochOutOfRange(String),
}

impl ClockError {
    /// What to write instead.
    pub fn help(&self) -> &'static str {
        match self {
            ClockError::BadNow(_) => {
                "write it like `2026-11-20T15:00:00Z` or `2026-11-20T16:00:00+01:00` (seconds from 00 to 59)"
            }
            ClockError::BadEpoch(_) => "set it to an integer such as `1795791600`, or unset it",
            ClockError::NowOutOfRange(_) => {
                "pages, feeds and the API write times in RFC 3339, whose years have four digits; give a time in that range, like `2026-11-20T15:00:00Z`"
            }
            ClockError::EpochOutOfRange(_) => {
                "pages, feeds and the API write times in RFC 3339, whose years have four digits; set it to the seconds since 1970 of a time in that range, like `1795791600`, or unset it"
            }
        }
    }
}

/// The clock a command reads: a pinned instant, or the system clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// `--now` or `SOURCE_DATE_EPOCH`: every read gives this instant.
    Fixed(DateTime<Utc>),
    /// The system clock, read anew each time (a long-running `serve`).
    System,
}

impl Clock {
    /// From `--now`, then `SOURCE_DATE_EPOCH`, else the system clock.
    ///
    /// # Errors
    /// A `--now` or `SOURCE_DATE_EPOCH` that does not parse, or that lies
    /// outside [`EARLIEST`]..=[`LATEST`].
    pub fn from_settings(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<Self, ClockError> {
        if flag.is_none() && source_date_epoch.is_none_or(str::is_empty) {
            return Ok(Clock::System);
        }
        resolve_now(flag, source_date_epoch).map(Clock::Fixed)
    }

    /// The current reference time.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::Fixed(t) => *t,
            Clock::System => Utc::now(),
        }
    }
}

/// Resolve "now" from `--now`, then `SOURCE_DATE_EPOCH`, then the system
/// clock.
///
/// # Errors
/// A `--now` or `SOURCE_DATE_EPOCH` that does not parse, or that lies
/// outside [`EARLIEST`]..=[`LATEST`].
pub fn resolve_now(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<DateTime<Utc>, ClockError> {
    let in_range = |t: &DateTime<Utc>| (EARLIEST..=LATEST).contains(t);
    if let Some(text) = flag {
        // A leap second (`:60`) parses, but outputs would carry it.
        let t = DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .filter(|t| chrono::Timelike::nanosecond(t) < 1_000_000_000)
            .ok_or_else(|| ClockError::BadNow(text.to_string()))?;
        return Some(t)
            .filter(in_range)
            .ok_or_else(|| ClockError::NowOutOfRange(text.to_string()));
    }
    if let Some(text) = source_date_epoch.filter(|s| !s.is_empty()) {
        let secs: i64 = text
            .trim()
            .parse()
            .map_err(|_| ClockError::BadEpoch(text.to_string()))?;
        return DateTime::from_timestamp(secs, 0)
            .filter(in_range)
            .ok_or_else(|| ClockError::EpochOutOfRange(text.to_string()));
    }
    Ok(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_epoch() {
        let t = resolve_now(Some("2026-11-20T16:00:00+01:00"), Some("0")).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-20T15:00:00+00:00");
        let e = resolve_now(None, Some("1795791600")).unwrap();
        assert_eq!(e.timestamp(), 1_795_791_600);
        assert!(resolve_now(Some("yesterday"), None).is_err());
        assert_eq!(
            resolve_now(Some("2026-11-20T14:00:60Z"), None),
            Err(ClockError::BadNow("2026-11-20T14:00:60Z".into()))
        );
        assert!(resolve_now(None, Some("12.5")).is_err());
    }

    #[test]
    fn only_times_rfc_3339_can_write_are_accepted() {
        assert_eq!(resolve_now(None, Some("0")), Ok(EARLIEST));
        assert_eq!(resolve_now(None, Some("253402214399")), Ok(LATEST));
        assert_eq!(LATEST.to_rfc3339(), "9999-12-30T23:59:59+00:00");
        assert_eq!(
            resolve_now(None, Some("253402300800")),
            Err(ClockError::EpochOutOfRange("253402300800".into()))
        );
        assert_eq!(
            resolve_now(None, Some("-1")),
            Err(ClockError::EpochOutOfRange("-1".into()))
        );
        assert_eq!(
            resolve_now(None, Some("99999999999999999")),
            Err(ClockError::EpochOutOfRange("99999999999999999".into()))
        );
        // Four-digit years that are another year in UTC.
        for text in [
            "9999-12-31T23:59:59-01:00",
            "9999-12-31T00:00:00Z",
            "0000-01-01T00:00:00+01:00",
            "1969-12-31T23:59:59Z",
        ] {
            assert_eq!(
                resolve_now(Some(text), None),
                Err(ClockError::NowOutOfRange(text.into())),
                "{text}"
            );
        }
        assert!(resolve_now(Some("9999-12-30T23:59:59Z"), None).is_ok());
    }
}
