//! The build's one reference time, "now" (content format, "Times").
//!
//! In order: `--now TIME` (RFC 3339), else the `SOURCE_DATE_EPOCH`
//! environment variable (seconds since the Unix epoch, as the
//! reproducible-builds.org specification defines it), else the system
//! clock. It is read once per build and passed down; nothing else reads the
//! clock.

use chrono::{DateTime, Utc};

/// Why the reference time could not be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("--now `{0}` is not an RFC 3339 time")]
    BadNow(String),
    #[error("SOURCE_DATE_EPOCH `{0}` is not a whole number of seconds since 1970-01-01T00:00:00Z")]
    BadEpoch(String),
}

impl ClockError {
    /// What to write instead.
    pub fn help(&self) -> &'static str {
        match self {
            ClockError::BadNow(_) => "write it like `2026-11-20T15:00:00Z` or `2026-11-20T16:00:00+01:00`",
            ClockError::BadEpoch(_) => "set it to an integer such as `1795791600`, or unset it",
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
    /// A `--now` or `SOURCE_DATE_EPOCH` that does not parse.
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
/// A `--now` or `SOURCE_DATE_EPOCH` that does not parse.
pub fn resolve_now(flag: Option<&str>, source_date_epoch: Option<&str>) -> Result<DateTime<Utc>, ClockError> {
    if let Some(text) = flag {
        return DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| ClockError::BadNow(text.to_string()));
    }
    if let Some(text) = source_date_epoch.filter(|s| !s.is_empty()) {
        let secs: i64 = text
            .trim()
            .parse()
            .map_err(|_| ClockError::BadEpoch(text.to_string()))?;
        return DateTime::from_timestamp(secs, 0).ok_or_else(|| ClockError::BadEpoch(text.to_string()));
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
        assert!(resolve_now(None, Some("12.5")).is_err());
    }
}
