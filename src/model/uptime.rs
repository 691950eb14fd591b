//! Uptime per component and calendar day (content format, "Derived state").
//!
//! A day is a calendar day in the site's time zone (23 or 25 hours long on
//! DST changes). Its uptime is the share of the counted part of the day not
//! covered by an incident in which the component was `major_outage` (full
//! weight) or `partial_outage` (weight 0.3); where incidents overlap, the
//! worst status counts once. The counted part starts at the component's
//! `start_date` and ends at `now`: today is measured up to now, and days
//! wholly before `start_date` are not counted at all.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::site::Segment;
use super::types::ComponentStatus;

/// One day of a component's uptime history.
#[derive(Debug, Clone, PartialEq)]
pub struct DayUptime {
    /// The calendar day in the site's zone.
    pub date: NaiveDate,
    /// Share of the counted time that was up, 0.0..=1.0; `None` when no part
    /// of the day is counted (before `start_date`, or in the future).
    pub uptime: Option<f64>,
    /// Seconds of the day that count (after `start_date`, up to `now`).
    pub counted_secs: f64,
    /// Downtime in seconds (weighted).
    pub downtime_secs: f64,
    /// The worst status any incident gave the component that day.
    pub worst: ComponentStatus,
    /// Indices of the incidents that touched the component that day.
    pub incidents: Vec<usize>,
}

/// One calendar month of a component's uptime (site zone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthUptime {
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    /// Share of the month's counted time that was up; `None` when nothing
    /// of the month is counted.
    pub uptime: Option<f64>,
}

/// A component's uptime: the day bar over the site's window, and the past
/// twelve calendar months.
#[derive(Debug, Clone, PartialEq)]
pub struct Uptime {
    /// Oldest day first; `uptime_days` entries ending today.
    pub days: Vec<DayUptime>,
    /// Share of all counted time in the window that was up; `None` when
    /// nothing is counted.
    pub overall: Option<f64>,
    /// Oldest first: the current month (up to `now`) and the eleven before.
    pub months: Vec<MonthUptime>,
}

/// How many calendar months [`Uptime::months`] covers.
pub const MONTHS: u32 = 12;

/// A segment with the incident it came from.
pub type TaggedSegment = (usize, Segment);

/// The first instant of `date` in `zone` (the earliest, if midnight falls in
/// a DST overlap; one hour later if it falls in a gap).
pub fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    zone.from_local_datetime(&midnight)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                .earliest()
        })
        .expect("a day has a first hour")
        .with_timezone(&Utc)
}

/// The first day of the uptime span for a window of `days` days ending on
/// `today`: the window's first day, or the first day of the oldest of the
/// [`MONTHS`] months, whichever is earlier. Segments ending before it do
/// not matter.
pub fn span_start(today: NaiveDate, days: u32) -> NaiveDate {
    let window = today - Days::new(u64::from(days.saturating_sub(1)));
    let month = today.with_day(1).expect("day 1 exists") - Months::new(MONTHS - 1);
    window.min(month)
}

/// Compute the uptime of one component: `days` days ending with the day of
/// `now`, and the past [`MONTHS`] months, from the segments of the incidents
/// that affected it.
pub fn component_uptime(
    segments: &[TaggedSegment],
    start_date: Option<NaiveDate>,
    days: u32,
    zone: Tz,
    now: DateTime<Utc>,
) -> Uptime {
    let today = now.with_timezone(&zone).date_naive();
    let first = span_start(today, days);
    let bar_first = today - Days::new(u64::from(days.saturating_sub(1)));
    let counted_from = start_date.map(|d| start_of_day(d, zone));
    let down = downtime_intervals(segments, now);

    let mut all = Vec::new();
    let mut date = first;
    while date <= today {
        all.push(day_uptime(
            date,
            zone,
            now,
            counted_from,
            segments,
            &down,
            date >= bar_first,
        ));
        date = date + Days::new(1);
    }
    let months = monthly(&all, today);
    let days: Vec<DayUptime> = all.into_iter().filter(|d| d.date >= bar_first).collect();
    Uptime {
        overall: share(days.iter()),
        days,
        months,
    }
}

/// One day's figures; `with_incidents` also lists the incidents that day
/// (only the bar needs them).
fn day_uptime(
    date: NaiveDate,
    zone: Tz,
    now: DateTime<Utc>,
    counted_from: Option<DateTime<Utc>>,
    segments: &[TaggedSegment],
    down: &[(DateTime<Utc>, DateTime<Utc>, f64)],
    with_incidents: bool,
) -> DayUptime {
    let day_start = start_of_day(date, zone);
    let day_end = start_of_day(date + Days::new(1), zone);
    let from = counted_from.map_or(day_start, |c| c.max(day_start));
    let until = day_end.min(now);
    let counted = secs(until - from).max(0.0);
    let mut day = DayUptime {
        date,
        uptime: None,
        counted_secs: counted,
        downtime_secs: 0.0,
        worst: ComponentStatus::Operational,
        incidents: Vec::new(),
    };
    if with_incidents {
        for (incident, seg) in segments {
            if overlap(seg.from, seg.until.unwrap_or(now), day_start, day_end) > 0.0 {
                day.worst = day.worst.max(seg.status);
                if !day.incidents.contains(incident) {
                    day.incidents.push(*incident);
                }
            }
        }
    }
    if counted > 0.0 {
        let d: f64 = down.iter().map(|&(s, e, w)| w * overlap(s, e, from, until)).sum();
        day.downtime_secs = d;
        day.uptime = Some((1.0 - d / counted).clamp(0.0, 1.0));
    }
    day
}

/// Share of counted time that was up over `days`.
fn share<'a>(days: impl Iterator<Item = &'a DayUptime>) -> Option<f64> {
    let (counted, down) = days.fold((0.0, 0.0), |(c, d), day| (c + day.counted_secs, d + day.downtime_secs));
    (counted > 0.0).then(|| (1.0 - down / counted).clamp(0.0, 1.0))
}

/// The [`MONTHS`] calendar months ending with the month of `today`.
fn monthly(days: &[DayUptime], today: NaiveDate) -> Vec<MonthUptime> {
    let this_month = today.with_day(1).expect("day 1 exists");
    (0..MONTHS)
        .rev()
        .map(|back| {
            let first = this_month - Months::new(back);
            let in_month = days
                .iter()
                .filter(|d| d.date.year() == first.year() && d.date.month() == first.month());
            MonthUptime {
                year: first.year(),
                month: first.month(),
                uptime: share(in_month),
            }
        })
        .collect()
}

/// Non-overlapping `(from, until, weight)` intervals of downtime: where
/// segments overlap, the heaviest weight holds. Ongoing segments end at
/// `now`.
pub fn downtime_intervals(segments: &[TaggedSegment], now: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>, f64)> {
    // Boundaries: +weight when a segment opens, -weight when it closes.
    let mut events: Vec<(DateTime<Utc>, i8, u8)> = Vec::new();
    for (_, seg) in segments {
        let level = match seg.status {
            ComponentStatus::MajorOutage => 2,
            ComponentStatus::PartialOutage => 1,
            _ => continue,
        };
        let end = seg.until.unwrap_or(now).min(now);
        if end > seg.from {
            events.push((seg.from, 1, level));
            events.push((end, -1, level));
        }
    }
    events.sort();
    let mut open = [0i32; 3];
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>, f64)> = Vec::new();
    let mut last: Option<DateTime<Utc>> = None;
    for (t, delta, level) in events {
        if let Some(prev) = last {
            let weight = if open[2] > 0 {
                1.0
            } else if open[1] > 0 {
                0.3
            } else {
                0.0
            };
            if t > prev && weight > 0.0 {
                match out.last_mut() {
                    Some(l) if l.1 == prev && l.2 == weight => l.1 = t,
                    _ => out.push((prev, t, weight)),
                }
            }
        }
        open[level as usize] += i32::from(delta);
        last = Some(t);
    }
    out
}

/// Seconds of overlap between `[a, b)` and `[c, d)`.
fn overlap(a: DateTime<Utc>, b: DateTime<Utc>, c: DateTime<Utc>, d: DateTime<Utc>) -> f64 {
    let start = a.max(c);
    let end = b.min(d);
    if end > start { secs(end - start) } else { 0.0 }
}

fn secs(d: chrono::Duration) -> f64 {
    d.num_milliseconds() as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Segment;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn seg(from: &str, until: &str, status: ComponentStatus) -> TaggedSegment {
        (
            0,
            Segment {
                component: 0,
                from: t(from),
                until: Some(t(until)),
                status,
            },
        )
    }

    #[test]
    fn a_dst_day_has_23_hours() {
        // 2026-03-29 in Berlin runs from 2026-03-28T23:00Z to 2026-03-29T22:00Z.
        let zone = chrono_tz::Europe::Berlin;
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        assert_eq!(start_of_day(day, zone), t("2026-03-28T23:00:00Z"));
        let outage = [seg(
            "2026-03-29T10:00:00Z",
            "2026-03-29T11:00:00Z",
            ComponentStatus::MajorOutage,
        )];
        // Built the next morning, so the 29th is a whole past day.
        let u = component_uptime(&outage, None, 2, zone, t("2026-03-30T06:00:00Z"));
        assert_eq!(u.days[0].date, day);
        let share = u.days[0].uptime.unwrap();
        assert!((share - (1.0 - 60.0 / 1380.0)).abs() < 1e-9, "{share}");
    }

    #[test]
    fn overlapping_segments_count_the_heaviest_once() {
        let segs = [
            seg(
                "2026-11-19T00:00:00Z",
                "2026-11-19T02:00:00Z",
                ComponentStatus::PartialOutage,
            ),
            seg(
                "2026-11-19T01:00:00Z",
                "2026-11-19T01:30:00Z",
                ComponentStatus::MajorOutage,
            ),
            seg(
                "2026-11-19T01:00:00Z",
                "2026-11-19T05:00:00Z",
                ComponentStatus::DegradedPerformance,
            ),
        ];
        let down = downtime_intervals(&segs, t("2026-11-20T00:00:00Z"));
        let total: f64 = down.iter().map(|&(a, b, w)| w * secs(b - a) / 60.0).sum();
        assert!((total - 57.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn an_ongoing_segment_runs_to_now() {
        let ongoing = [(
            0,
            Segment {
                component: 0,
                from: t("2026-11-20T10:00:00Z"),
                until: None,
                status: ComponentStatus::MajorOutage,
            },
        )];
        let u = component_uptime(&ongoing, None, 1, chrono_tz::UTC, t("2026-11-20T12:00:00Z"));
        let share = u.days[0].uptime.unwrap();
        assert!((share - (1.0 - 120.0 / 720.0)).abs() < 1e-9, "{share}");
    }
}
