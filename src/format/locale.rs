//! Dates, times and numbers for people, in one language, from CLDR
//! (ICU4X's compiled data): `Nov 20, 2026` / `20. Nov. 2026` /
//! `2026年11月20日`, `99.93%` / `99,93 %`.
//!
//! A [`Locale`] holds its formatters, built once and shared: times are
//! formatted tens of thousands of times per build. [`Locale::get`] keeps one
//! per language for the life of the process.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;
use fixed_decimal::Decimal;
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{M, T, YM, YMD};
use icu_datetime::input::{Date, Time};
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};

/// The formatters of one language (a BCP 47 tag such as `en`, `de`, `ja`,
/// as site.yaml's `language` holds it).
///
/// Forms (ICU4X field sets and lengths over CLDR data, Gregorian calendar):
/// - a day, CLDR's medium date: `Nov 20, 2026`, `20.11.2026`, `2026/11/20`;
/// - a time of day, hours and minutes: `15:03`. English asks for the hour cycle `h23`
///   (the 24-hour clock the pages have always used); other languages keep
///   CLDR's default hour cycle (24-hour for de, fr, ja);
/// - a month, CLDR's long year-month: `November 2026`, `2026年11月`; a
///   month alone, CLDR's abbreviated stand-alone name: `Nov`, `11月`;
/// - a percentage: the number from CLDR's decimal symbols (`99.93`,
///   `99,93`) in CLDR's percent pattern (see [`Locale::percent`]);
/// - the glue of a list of names, CLDR's wide unit list pattern (see
///   [`Locale::list_glue`]).
///
/// The zone's abbreviation after a time (`CET`) is the tz database's, as
/// before, in every language.
pub struct Locale {
    tag: String,
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    short_month: FixedCalendarDateTimeFormatter<Gregorian, M>,
    time: NoCalendarFormatter<T>,
    /// [`Locale::times`].
    times: OnceLock<Box<[String]>>,
    decimal: DecimalFormatter,
    percent: PercentPattern,
    list: ListFormatter,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).finish_non_exhaustive()
    }
}

/// Why a language cannot be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocaleError {
    /// Not a BCP 47 language tag (`de`, `pt-BR`).
    #[error("`{0}` is not a BCP 47 language tag (write one such as `en`, `de` or `pt-BR`)")]
    Tag(String),
    /// CLDR has no data for a form in this language.
    #[error("no CLDR data to format dates in `{tag}`: {reason}")]
    Data { tag: String, reason: String },
}

impl Locale {
    /// Formatters for `tag`, built now.
    ///
    /// # Errors
    /// [`LocaleError`]: `tag` is not a language tag, or a form has no data.
    pub fn new(tag: &str) -> Result<Self, LocaleError> {
        let locale: icu_locale_core::Locale = tag.parse().map_err(|_| LocaleError::Tag(tag.to_string()))?;
        let mut prefs = DateTimeFormatterPreferences::from(&locale);
        if locale.id.language.as_str() == "en" && prefs.hour_cycle.is_none() {
            prefs.hour_cycle = Some(HourCycle::H23);
        }
        let data = |e: &dyn std::fmt::Display| LocaleError::Data {
            tag: tag.to_string(),
            reason: e.to_string(),
        };
        Ok(Self {
            tag: tag.to_string(),
            day: FixedCalendarDateTimeFormatter::try_new(prefs, YMD::medium()).map_err(|e| data(&e))?,
            month: FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).map_err(|e| data(&e))?,
            short_month: FixedCalendarDateTimeFormatter::try_new(prefs, M::medium()).map_err(|e| data(&e))?,
            time: NoCalendarFormatter::try_new(prefs, T::hm()).map_err(|e| data(&e))?,
            times: OnceLock::new(),
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).map_err(|e| data(&e))?,
            percent: PercentPattern::of(locale.id.language.as_str()),
            list: ListFormatter::try_new_unit(
                (&locale).into(),
                ListFormatterOptions::default().with_length(ListLength::Wide),
            )
            .map_err(|e| data(&e))?,
        })
    }

    /// The formatters for `tag`, built on first use and kept for the life
    /// of the process (one per language a build asks for).
    ///
    /// # Errors
    /// As [`Locale::new`].
    pub fn get(tag: &str) -> Result<&'static Self, LocaleError> {
        static ALL: OnceLock<RwLock<HashMap<String, &'static Locale>>> = OnceLock::new();
        let all = ALL.get_or_init(RwLock::default);
        if let Some(l) = all.read().unwrap_or_else(std::sync::PoisonError::into_inner).get(tag) {
            return Ok(l);
        }
        let mut all = all.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(l) = all.get(tag) {
            return Ok(l);
        }
        let l: &'static Self = Box::leak(Box::new(Self::new(tag)?));
        all.insert(tag.to_string(), l);
        Ok(l)
    }

    /// English (`en`), the interface's language when no other is available.
    pub fn english() -> &'static Self {
        static EN: OnceLock<&'static Locale> = OnceLock::new();
        EN.get_or_init(|| Self::get("en").expect("CLDR's compiled data has English"))
    }

    /// The language tag, as given.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// A calendar day in CLDR's medium date format: `Nov 20, 2026` (en),
    /// `20.11.2026` (de), `2026/11/20` (ja).
    pub fn date(&self, d: NaiveDate) -> String {
        match gregorian(d) {
            Some(date) => self.day.format(&date).to_string(),
            None => d.to_string(),
        }
    }

    /// A month: `November 2026` (CLDR's long year-month); empty for a month outside
    /// 1..=12.
    pub fn month(&self, year: i32, month: u32) -> String {
        match NaiveDate::from_ymd_opt(year, month, 1).and_then(gregorian) {
            Some(date) => self.month.format(&date).to_string(),
            None => String::new(),
        }
    }

    /// A month's short stand-alone name, `Nov` for November (`month0` = 10;
    /// CLDR's abbreviated stand-alone name).
    pub fn short_month(&self, month0: u32) -> String {
        let date = NaiveDate::from_ymd_opt(2000, month0 % 12 + 1, 1).and_then(gregorian);
        date.map(|d| self.short_month.format(&d).to_string())
            .unwrap_or_default()
    }

    /// `15:03 CET`: the time of day (hours and minutes, see [`Locale`]) and the
    /// zone's abbreviation at that instant (from the tz database, as
    /// strftime's `%Z` writes it).
    pub fn clock(&self, local: &DateTime<Tz>) -> String {
        let minute = (local.hour() * 60 + local.minute()) as usize;
        format!("{} {}", self.times()[minute], local.offset())
    }

    /// Every minute of the day formatted, `00:00` to `23:59`, made on
    /// first use: a build writes tens of thousands of times, and a table
    /// lookup costs a fraction of formatting each.
    fn times(&self) -> &[String] {
        self.times.get_or_init(|| {
            (0..24u8)
                .flat_map(|h| (0..60u8).map(move |m| (h, m)))
                .map(|(h, m)| {
                    let time = Time::try_new(h, m, 0, 0).expect("an hour and a minute of the day");
                    self.time.format(&time).to_string()
                })
                .collect()
        })
    }

    /// Time of day in `zone`, naming it: `15:03 CET`.
    pub fn time_of_day(&self, t: DateTime<chrono::Utc>, zone: Tz) -> String {
        self.clock(&t.with_timezone(&zone))
    }

    /// Date and time in `zone`, naming it: `Nov 20, 2026 15:03 CET`. The
    /// two are joined by a space, as the pages always have, rather than
    /// CLDR's date-time glue (`Nov 20, 2026, 15:03` in English).
    pub fn date_time(&self, t: DateTime<chrono::Utc>, zone: Tz) -> String {
        let local = t.with_timezone(&zone);
        format!("{} {}", self.date(local.date_naive()), self.clock(&local))
    }

    /// A whole number with CLDR's digits and grouping: `1,234` (en),
    /// `1.234` (de). For the counts in sentences whose words come from the
    /// interface's messages (durations, "3 updates"): ICU4X's stable API
    /// has no relative-time or duration formatter (both are in
    /// `icu_experimental`), so those sentences stay with the messages and
    /// only their numbers are formatted here.
    pub fn integer(&self, n: i64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// A share as a percentage with two decimals, rounded down so that any
    /// downtime never shows as `100.00%`: `0.972222` -> `97.22%` (en),
    /// `97,22 %` (de).
    pub fn percent(&self, share: f64) -> String {
        #[allow(clippy::cast_possible_truncation)] // a share is 0..=1
        let hundredths = (share * 10_000.0).floor() as i64;
        let mut number = Decimal::from(hundredths);
        number.multiply_pow10(-2);
        number.absolute.pad_end(-2);
        let number = self.decimal.format(&number);
        match self.percent {
            PercentPattern::Suffix(sep) => format!("{number}{sep}%"),
            PercentPattern::Prefix => format!("%{number}"),
        }
    }

    /// `items` as a list in plain text, with [`Locale::list_glue`]'s glue:
    /// `API, Web, DB` (en), `API, Web und DB` (de).
    pub fn list(&self, items: &[&str]) -> String {
        self.list.format(items.iter()).to_string()
    }

    /// The text around and between the `n` items of a list of names, as
    /// `n + 1` strings: before the first item, between each two, after the
    /// last (the first and last are empty in every shipped language).
    /// CLDR's *unit* list pattern, wide (`listPattern-type-unit`, UTS 35
    /// "List Patterns"): `A, B, C` in English, `A, B und C` in German,
    /// `A B C` in Japanese. The unit style, not the "and" style: the lists
    /// are of things (the components an incident affects), not a clause of
    /// a sentence, and English's unit pattern is the `, ` the pages have
    /// always written. The items stay with the caller (the templates write
    /// them as links); only the glue comes from here.
    pub fn list_glue(&self, n: usize) -> Vec<String> {
        if n == 0 {
            return vec![String::new()];
        }
        // Each item a NUL, which no CLDR list pattern holds: what stands
        // between them is the glue.
        let items = std::iter::repeat_n("\0", n);
        let list = self.list.format(items).to_string();
        list.split('\0').map(str::to_string).collect()
    }
}

/// A day of the Gregorian calendar for ICU4X; `None` outside its range.
fn gregorian(d: NaiveDate) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8).ok()
}

/// CLDR's standard percent pattern (`percentFormats-numberSystem-latn`,
/// CLDR 47 `numbers.json`). ICU4X's stable components have no percent
/// formatter (it is in `icu_experimental`, whose API is unstable), so the
/// pattern's one varying part, what stands around the number, is written
/// here for the languages whose pattern differs from the root locale's
/// `#,##0%`; every other language inherits the root's, as CLDR's own
/// inheritance does.
#[derive(Debug, Clone, Copy)]
enum PercentPattern {
    /// `#,##0` then this text then `%`.
    Suffix(&'static str),
    /// `%#,##0` (Turkish).
    Prefix,
}

impl PercentPattern {
    fn of(language: &str) -> Self {
        match language {
            // `#,##0 %` with U+00A0 NO-BREAK SPACE
            "de" | "es" | "sv" => Self::Suffix("\u{a0}"),
            // `#,##0 %` with U+202F NARROW NO-BREAK SPACE
            "fr" => Self::Suffix("\u{202f}"),
            // `%#,##0`
            "tr" => Self::Prefix,
            // The root locale's `#,##0%` (en, ja, and every language that
            // does not override it).
            _ => Self::Suffix(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn english() {
        let en = Locale::english();
        let t = at("2026-11-20T14:03:00Z");
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(en.date(t.date_naive()), "Nov 20, 2026");
        assert_eq!(en.date_time(t, berlin), "Nov 20, 2026 15:03 CET");
        assert_eq!(en.time_of_day(t, chrono_tz::Asia::Kolkata), "19:33 IST");
        // 24-hour clock in English too, hour cycle h23: midnight is 00.
        assert_eq!(en.time_of_day(at("2026-11-20T23:05:00Z"), berlin), "00:05 CET");
        assert_eq!(
            en.date_time(at("2026-07-13T14:03:00Z"), berlin),
            "Jul 13, 2026 16:03 CEST"
        );
        assert_eq!(en.date_time(t, chrono_tz::America::Sao_Paulo), "Nov 20, 2026 11:03 -03");
        assert_eq!(en.month(2026, 11), "November 2026");
        assert_eq!(en.month(2026, 13), "");
        assert_eq!(en.short_month(10), "Nov");
        assert_eq!(en.short_month(4), "May");
        assert_eq!(en.percent(1400.0 / 1440.0), "97.22%");
        assert_eq!(en.percent(0.99999), "99.99%");
        assert_eq!(en.percent(1.0), "100.00%");
        assert_eq!(en.percent(0.0), "0.00%");
        assert_eq!(en.percent(0.5), "50.00%");
        assert_eq!(en.integer(1234), "1,234");
        assert_eq!(en.integer(-5), "-5");
        assert_eq!(en.list_glue(0), [""]);
        assert_eq!(en.list_glue(1), ["", ""]);
        assert_eq!(en.list_glue(2), ["", ", ", ""]);
        assert_eq!(en.list_glue(3), ["", ", ", ", ", ""]);
    }

    #[test]
    fn german() {
        let de = Locale::new("de").unwrap();
        let t = at("2026-11-20T14:03:00Z");
        // CLDR's medium date in German is numeric (`dd.MM.y`).
        assert_eq!(de.date(t.date_naive()), "20.11.2026");
        assert_eq!(de.date_time(t, chrono_tz::Europe::Berlin), "20.11.2026 15:03 CET");
        assert_eq!(
            de.time_of_day(at("2026-11-20T23:05:00Z"), chrono_tz::Europe::Berlin),
            "00:05 CET"
        );
        assert_eq!(de.month(2026, 11), "November 2026");
        assert_eq!(de.month(2026, 3), "März 2026");
        assert_eq!(de.short_month(2), "Mär");
        assert_eq!(de.short_month(10), "Nov");
        assert_eq!(de.percent(0.9993), "99,93\u{a0}%");
        assert_eq!(de.percent(1.0), "100,00\u{a0}%");
        assert_eq!(de.integer(1234), "1.234");
        assert_eq!(de.list_glue(3), ["", ", ", " und ", ""]);
        assert_eq!(de.list(&["API", "Web", "DB"]), "API, Web und DB");
        assert_eq!(de.list(&["API"]), "API");
    }

    #[test]
    fn japanese() {
        let ja = Locale::new("ja").unwrap();
        let t = at("2026-11-20T14:03:00Z");
        // CLDR's medium date in Japanese: `y/MM/dd`.
        assert_eq!(ja.date(t.date_naive()), "2026/11/20");
        assert_eq!(ja.date_time(t, chrono_tz::Asia::Tokyo), "2026/11/20 23:03 JST");
        assert_eq!(ja.month(2026, 11), "2026年11月");
        assert_eq!(ja.short_month(10), "11月");
        assert_eq!(ja.percent(0.9993), "99.93%");
        assert_eq!(ja.integer(1234), "1,234");
        assert_eq!(ja.list_glue(3), ["", " ", " ", ""]);
    }

    #[test]
    fn french_and_errors() {
        let fr = Locale::new("fr").unwrap();
        assert_eq!(fr.percent(0.9993), "99,93\u{202f}%");
        assert_eq!(fr.date(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()), "20 nov. 2026");
        assert!(matches!(Locale::new("not a tag"), Err(LocaleError::Tag(_))));
        // Percent patterns that differ from the root's, and one inherited.
        assert_eq!(Locale::new("sv").unwrap().percent(0.5), "50,00\u{a0}%");
        assert_eq!(Locale::new("tr").unwrap().percent(0.9993), "%99,93");
        assert_eq!(Locale::new("pt-BR").unwrap().percent(0.9993), "99,93%");
        // One formatter set per language, shared.
        assert!(std::ptr::eq(Locale::get("en").unwrap(), Locale::english()));
    }
}
