//! How times, durations and percentages are written in outputs.
//!
//! Pages show times in the site's zone and name it (`Nov 20, 2026 15:03
//! CET`), in the interface's language from CLDR ([`Locale`]); machine
//! attributes (`<time datetime>`), the API, feeds' dates and calendars
//! keep fixed formats (RFC 3339, RFC 822, iCalendar), written here.

mod locale;

pub use locale::{Locale, LocaleError};

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;

/// RFC 3339 in UTC with a `Z`, whole seconds: `2026-11-20T14:03:00Z`.
pub fn iso_utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// ISO 8601 with milliseconds and the offset `zone` has at that instant,
/// as Statuspage's API writes timestamps: `2026-11-20T15:25:00.000+01:00`,
/// or `...Z` in UTC.
pub fn iso_millis(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// RFC 822 as RSS uses it and Statuspage writes it, in UTC with a
/// two-digit day and English day and month names (RFC 822 section 5.1):
/// `Tue, 01 Dec 2026 04:00:00 +0000`.
pub fn rfc822(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S +0000").to_string()
}

/// A duration for people, in English: `45 min`, `2 h 05 min`, `3 d 4 h`,
/// for the command line's messages (warnings of `build` and `check`).
/// Pages write durations in their own language with
/// [`crate::i18n::Catalogue::duration`], whose English messages give the
/// same text.
pub fn duration(d: chrono::Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{mins} min"),
        (0, h) => format!("{h} h {mins:02} min"),
        (d, h) => format!("{d} d {h} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let t = DateTime::parse_from_rfc3339("2026-11-20T14:03:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(iso_utc(t), "2026-11-20T14:03:00Z");
        assert_eq!(
            iso_millis(t, chrono_tz::Europe::Berlin),
            "2026-11-20T15:03:00.000+01:00"
        );
        assert_eq!(iso_millis(t, chrono_tz::UTC), "2026-11-20T14:03:00.000Z");
        assert_eq!(
            rfc822(t - chrono::Duration::days(19)),
            "Sun, 01 Nov 2026 14:03:00 +0000"
        );
        assert_eq!(duration(chrono::Duration::minutes(125)), "2 h 05 min");
        assert_eq!(duration(chrono::Duration::minutes(3 * 1440 + 250)), "3 d 4 h");
        assert_eq!(duration(chrono::Duration::minutes(-5)), "0 min");
        let july = t - chrono::Duration::days(130);
        assert_eq!(rfc822(july), "Mon, 13 Jul 2026 14:03:00 +0000");
        assert_eq!(
            rfc822(july + chrono::Duration::days(2)),
            "Wed, 15 Jul 2026 14:03:00 +0000"
        );
    }
}
