//! Derived state (content format, "Derived state") of the fixture
//! `tests/fixtures/clock-site` at several clock values, against numbers
//! worked out by hand. All fixture times are UTC.

use crate::common;

use allclear::load::{LoadOptions, load};
use allclear::model::{ComponentStatus, EntryRef, IncidentStatus, Indicator, MaintenanceStatus, Site, Snapshot};
use chrono::{DateTime, NaiveDate, Utc};

fn site() -> Site {
    load(&common::fixture("clock-site"), &LoadOptions::default())
        .expect("the fixture loads")
        .site
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Status of component `id` at `now`.
fn status(site: &Site, now: &str, id: &str) -> ComponentStatus {
    let site = site.as_of(at(now));
    let snap = Snapshot::new(&site, at(now));
    let c = site.components.iter().position(|c| c.id == id).unwrap();
    snap.components[c].status
}

fn indicator(site: &Site, now: &str) -> (Indicator, &'static str) {
    let site = site.as_of(at(now));
    let snap = Snapshot::new(&site, at(now));
    (snap.status.indicator, snap.status.indicator.description())
}

#[test]
fn during_the_critical_outage_the_page_is_critical() {
    let site = site();
    assert_eq!(
        status(&site, "2026-11-18T10:10:00Z", "api"),
        ComponentStatus::MajorOutage
    );
    assert_eq!(
        indicator(&site, "2026-11-18T10:10:00Z"),
        (Indicator::Critical, "Major Service Outage")
    );
    // After the 10:25 update the API is only partly down; the impact stays critical.
    assert_eq!(
        status(&site, "2026-11-18T10:30:00Z", "api"),
        ComponentStatus::PartialOutage
    );
    assert_eq!(indicator(&site, "2026-11-18T10:30:00Z").0, Indicator::Critical);
}

#[test]
fn entries_after_now_are_not_published_yet() {
    let site = site();
    let now = at("2026-11-18T10:10:00Z");
    let past = site.as_of(now);
    let ids: Vec<&str> = past.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["2026-11-18-outage"], "later incidents do not exist yet");
    assert_eq!(past.incidents[0].updates.len(), 1, "later updates are hidden");
    assert_eq!(
        status(&site, "2026-11-18T10:10:00Z", "web"),
        ComponentStatus::Operational
    );
    assert_eq!(site.future_updates(now).len(), 12);
}

#[test]
fn all_clear_between_incidents() {
    let site = site();
    for id in ["api", "web", "db", "search"] {
        assert_eq!(
            status(&site, "2026-11-19T06:00:00Z", id),
            ComponentStatus::Operational,
            "{id}"
        );
    }
    assert_eq!(
        indicator(&site, "2026-11-19T06:00:00Z"),
        (Indicator::None, "All Systems Operational")
    );
}

#[test]
fn ongoing_incident_and_clock_driven_maintenance() {
    let site = site();
    // 11:00: the website incident is ongoing (monitoring); the database work is upcoming.
    let now = at("2026-11-20T11:00:00Z");
    let s = site.as_of(now);
    let snap = Snapshot::new(&s, now);
    assert_eq!(snap.ongoing.len(), 1);
    let web = &s.incidents[snap.ongoing[0]];
    assert_eq!(web.id, "2026-11-20-web");
    assert_eq!(snap.incidents[snap.ongoing[0]].status, IncidentStatus::Monitoring);
    assert_eq!(
        web.started,
        at("2026-11-20T08:45:00Z"),
        "`started` wins over the first update"
    );
    assert_eq!(
        status(&site, "2026-11-20T11:00:00Z", "web"),
        ComponentStatus::DegradedPerformance
    );
    assert_eq!(
        indicator(&site, "2026-11-20T11:00:00Z"),
        (Indicator::Minor, "Minor Service Outage")
    );
    let upcoming: Vec<&str> = snap
        .upcoming_maintenance
        .iter()
        .map(|&m| s.maintenances[m].id.as_str())
        .collect();
    assert_eq!(upcoming, ["2026-11-20-db", "2026-11-22-moved"]);
    assert!(snap.active_maintenance.is_empty());

    // 13:00: the clock has moved the maintenance to in progress; db is under maintenance.
    let now = at("2026-11-20T13:00:00Z");
    let s = site.as_of(now);
    let snap = Snapshot::new(&s, now);
    let db = s.maintenances.iter().position(|m| m.id == "2026-11-20-db").unwrap();
    assert_eq!(snap.maintenances[db].status, MaintenanceStatus::InProgress);
    assert_eq!(snap.active_maintenance, vec![db]);
    assert_eq!(
        status(&site, "2026-11-20T13:00:00Z", "db"),
        ComponentStatus::UnderMaintenance
    );
    // The incident still outranks maintenance for the page.
    assert_eq!(indicator(&site, "2026-11-20T13:00:00Z").0, Indicator::Minor);

    // 15:00: past the window with no `completed` update: completed by the clock.
    let now = at("2026-11-20T15:00:00Z");
    let s = site.as_of(now);
    let snap = Snapshot::new(&s, now);
    assert_eq!(snap.maintenances[db].status, MaintenanceStatus::Completed);
    assert_eq!(
        status(&site, "2026-11-20T15:00:00Z", "db"),
        ComponentStatus::Operational
    );
}

#[test]
fn maintenance_alone_sets_the_maintenance_indicator() {
    let mut site = site();
    site.incidents.retain(|i| i.id != "2026-11-20-web");
    assert_eq!(
        indicator(&site, "2026-11-20T13:00:00Z"),
        (Indicator::Maintenance, "Service Under Maintenance")
    );
}

#[test]
fn cancelled_and_rescheduled_maintenance() {
    let site = site();
    let now = at("2026-11-21T03:00:00Z");
    let snap = Snapshot::new(&site, now);
    let cancelled = site
        .maintenances
        .iter()
        .position(|m| m.id == "2026-11-21-cancelled")
        .unwrap();
    assert!(snap.maintenances[cancelled].cancelled);
    assert!(
        !snap.active_maintenance.contains(&cancelled),
        "a cancelled maintenance never changes status"
    );
    assert_eq!(
        status(&site, "2026-11-21T03:00:00Z", "db"),
        ComponentStatus::Operational
    );

    let moved = site
        .maintenances
        .iter()
        .position(|m| m.id == "2026-11-22-moved")
        .unwrap();
    let w = snap.maintenances[moved].window;
    assert_eq!(
        (w.from, w.until, w.reschedules),
        (at("2026-11-25T02:00:00Z"), at("2026-11-25T03:00:00Z"), 1)
    );
    // At the original time it is still scheduled; in the new window it is in
    // progress and applies its mapped status (the web incident, still
    // ongoing, is degraded too, so check the maintenance's own state).
    let old_window = Snapshot::new(&site, at("2026-11-22T02:30:00Z"));
    assert_eq!(old_window.maintenances[moved].status, MaintenanceStatus::Scheduled);
    let new_window = Snapshot::new(&site, at("2026-11-25T02:30:00Z"));
    assert_eq!(new_window.maintenances[moved].status, MaintenanceStatus::InProgress);
    assert!(new_window.active_maintenance.contains(&moved));
    assert_eq!(
        site.maintenances[moved].components,
        vec![(1, ComponentStatus::DegradedPerformance)]
    );
}

/// Uptime of `id` on `date` when the site is built at `now`.
fn uptime_on(site: &Site, now: &str, id: &str, date: &str) -> Option<f64> {
    let snap = Snapshot::new(site, at(now));
    let c = site.components.iter().position(|c| c.id == id).unwrap();
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    snap.components[c]
        .uptime
        .days
        .iter()
        .find(|d| d.date == day)
        .expect("day in window")
        .uptime
}

#[test]
fn uptime_weights_partial_outages_and_counts_overlaps_once() {
    let site = site();
    let now = "2026-11-21T00:00:00Z";
    // Nov 18: 25 min major + 50 min partial = 25 + 0.3 * 50 = 40 min down.
    let nov18 = uptime_on(&site, now, "api", "2026-11-18").unwrap();
    assert!((nov18 - 1400.0 / 1440.0).abs() < 1e-9, "{nov18}");
    assert_eq!(allclear::format::Locale::english().percent(nov18), "97.22%");
    // Nov 19: partial 00:00-02:00 with a major outage 01:00-01:30 on top:
    // 60 min * 0.3 + 30 min + 30 min * 0.3 = 57 min down.
    let nov19 = uptime_on(&site, now, "api", "2026-11-19").unwrap();
    assert!((nov19 - 1383.0 / 1440.0).abs() < 1e-9, "{nov19}");
    // Degraded performance is not downtime.
    assert_eq!(uptime_on(&site, now, "web", "2026-11-20"), Some(1.0));
}

#[test]
fn uptime_is_not_counted_before_start_date_and_today_runs_to_now() {
    let site = site();
    let now = "2026-11-19T06:00:00Z";
    assert_eq!(uptime_on(&site, now, "search", "2026-11-18"), None, "before start_date");
    // Nov 19 up to 06:00: 30 min of major outage in 360 counted minutes.
    let today = uptime_on(&site, now, "search", "2026-11-19").unwrap();
    assert!((today - 330.0 / 360.0).abs() < 1e-9, "{today}");
    let snap = Snapshot::new(&site, at(now));
    assert_eq!(snap.components[0].uptime.days.len(), 7, "uptime_days: 7");
}

#[test]
fn history_and_recent_days() {
    let site = site();
    let now = at("2026-11-20T15:00:00Z");
    let s = site.as_of(now);
    let snap = Snapshot::new(&s, now);
    assert_eq!((snap.history[0].year, snap.history[0].month), (2026, 11));
    // Incidents, plus the completed and the cancelled maintenance; the moved one is still upcoming.
    assert_eq!(snap.history[0].entries.len(), 6);
    assert_eq!(snap.recent_days.len(), 7);
    assert_eq!(snap.recent_days[0].date, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let nov19 = &snap.recent_days[1];
    assert_eq!(nov19.entries.len(), 2);
    assert!(nov19.entries.iter().all(|e| matches!(e, EntryRef::Incident(_))));
    assert!(snap.recent_days[3].entries.is_empty(), "Nov 17 is quiet");
}

#[test]
fn monthly_uptime_covers_twelve_months() {
    let site = site();
    let now = at("2026-11-21T00:00:00Z");
    let snap = Snapshot::new(&site, now);
    let api = &snap.components[0].uptime.months;
    assert_eq!(api.len(), 12);
    assert_eq!((api[0].year, api[0].month), (2025, 12));
    assert_eq!((api[11].year, api[11].month), (2026, 11));
    // November so far: 20 days = 28,800 min, of which 40 + 57 = 97 min down.
    let nov = api[11].uptime.unwrap();
    assert!((nov - (1.0 - 97.0 / 28_800.0)).abs() < 1e-9, "{nov}");
    assert_eq!(api[10].uptime, Some(1.0), "October had no outage");
    // Search only counts from its start_date, Nov 19: 2,880 min, 30 min down.
    let search = &snap.components[3].uptime.months;
    let nov = search[11].uptime.unwrap();
    assert!((nov - (1.0 - 30.0 / 2_880.0)).abs() < 1e-9, "{nov}");
    assert_eq!(search[10].uptime, None, "nothing counted before start_date");
}

#[test]
fn mttr_and_mtbf_of_partial_and_major_outages() {
    let site = site();
    let snap = Snapshot::new(&site, at("2026-11-21T00:00:00Z"));
    let api = snap.components[0].reliability;
    // Outages starting Nov 18 10:00 (75 min), Nov 19 00:00 (120 min), Nov 19 01:00 (30 min).
    assert_eq!(api.outages, 3);
    assert_eq!(api.mttr, Some(chrono::Duration::minutes(75)));
    // Gaps between starts: 14 h and 1 h.
    assert_eq!(api.mtbf, Some(chrono::Duration::minutes(450)));
    // The website was only ever degraded: no outage.
    let web = snap.components[1].reliability;
    assert_eq!((web.outages, web.mttr, web.mtbf), (0, None, None));
}

#[test]
fn last_change_is_the_newest_update_or_clock_transition() {
    let site = site();
    let last_change = |now: &str| {
        let past = site.as_of(at(now));
        Snapshot::new(&past, at(now)).last_change
    };
    assert_eq!(
        last_change("2026-11-20T13:00:00Z"),
        Some(at("2026-11-20T12:00:00Z")),
        "the maintenance started at 12:00"
    );
    assert_eq!(
        last_change("2026-11-20T11:00:00Z"),
        Some(at("2026-11-20T09:30:00Z")),
        "the web incident's last update"
    );
}
