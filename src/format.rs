//! How times, durations and percentages are written in outputs.
//!
//! Pages show times in the site's zone and name it (`Nov 20, 2026 15:03
//! CET`); machine attributes (`<time datetime>`) carry UTC in RFC 3339.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
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
/// two-digit day: `Tue, 01 Dec 2026 04:00:00 +0000`.
pub fn rfc822(t: DateTime<Utc>) -> String {
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} +0000",
        WEEKDAYS[t.weekday().num_days_from_monday() as usize],
        t.day(),
        MONTHS[t.month0() as usize],
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Date and time in `zone`, naming it: `Nov 20, 2026 15:03 CET`.
pub fn date_time(t: DateTime<Utc>, zone: Tz) -> String {
    let local = t.with_timezone(&zone);
    format!("{} {}", date(local.date_naive()), clock(&local))
}

/// Time of day in `zone`, naming it: `15:03 CET`.
pub fn time_of_day(t: DateTime<Utc>, zone: Tz) -> String {
    clock(&t.with_timezone(&zone))
}

/// `15:03 CET`: hours, minutes and the zone's abbreviation at that instant
/// (from the tz database, as strftime's `%Z` writes it).
pub fn clock(local: &DateTime<Tz>) -> String {
    format!("{:02}:{:02} {}", local.hour(), local.minute(), local.offset())
}

/// A calendar day: `Nov 20, 2026`.
pub fn date(d: chrono::NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// A month's short English name, `Nov` for November (`month0` = 10).
pub fn short_month(month0: u32) -> &'static str {
    MONTHS[month0 as usize % 12]
}

/// A month: `November 2026`.
pub fn month(year: i32, month: u32) -> String {
    match MONTH_NAMES.get((month as usize).wrapping_sub(1)) {
        Some(name) => format!("{name} {year}"),
        None => String::new(),
    }
}

// Written out rather than formatted with strftime patterns: times are
// formatted tens of thousands of times per build, and a pattern is parsed
// again on every use.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A duration for people: `45 min`, `2 h 05 min`, `3 d 4 h`.
pub fn duration(d: chrono::Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{mins} min"),
        (0, h) => format!("{h} h {mins:02} min"),
        (d, h) => format!("{d} d {h} h"),
    }
}

/// A share as a percentage with two decimals, rounded down so that any
/// downtime never shows as `100.00%`: `0.972222` -> `97.22%`.
pub fn percent(share: f64) -> String {
    let hundredths = (share * 10_000.0).floor() / 100.0;
    format!("{hundredths:.2}%")
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
        assert_eq!(date_time(t, chrono_tz::Europe::Berlin), "Nov 20, 2026 15:03 CET");
        assert_eq!(duration(chrono::Duration::minutes(125)), "2 h 05 min");
        assert_eq!(duration(chrono::Duration::minutes(3 * 1440 + 250)), "3 d 4 h");
        assert_eq!(percent(1400.0 / 1440.0), "97.22%");
        assert_eq!(percent(0.99999), "99.99%");
        assert_eq!(percent(1.0), "100.00%");
        assert_eq!(month(2026, 11), "November 2026");
        assert_eq!(month(2026, 13), "");
        // The abbreviation follows the instant: summer time in July.
        let july = t - chrono::Duration::days(130);
        assert_eq!(date_time(july, chrono_tz::Europe::Berlin), "Jul 13, 2026 16:03 CEST");
        assert_eq!(time_of_day(t, chrono_tz::Asia::Kolkata), "19:33 IST");
        assert_eq!(date_time(t, chrono_tz::America::Sao_Paulo), "Nov 20, 2026 11:03 -03");
        assert_eq!(rfc822(july), "Mon, 13 Jul 2026 14:03:00 +0000");
    }
}
