//! A `completed` update ends a maintenance whenever it was written (content
//! format, "Maintenance status and the clock"): the clock never reopens it,
//! and the API adds no automatic update after it. Built with the real
//! binary at pinned times before, during and after the window; the API is
//! parsed with serde_json and the page with scraper.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use allclear::render::api::shapes::{Incident, MaintenancesFile, Summary};
use common::{allclear, base_site_with, build_pinned, example_site};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The base fixture with two maintenances on `db`, both finished early:
/// `early` before its window (2026-12-01 02:00–04:00 UTC) even opened,
/// `short` halfway through its window (2026-12-02 02:00–04:00 UTC); and
/// `silent` on `web` (2026-12-03 02:00–04:00 UTC), which has no updates.
fn site(tmp: &Path) -> PathBuf {
    let site = base_site_with(tmp, "");
    let dir = site.join("maintenance");
    fs::remove_dir_all(&dir).unwrap();
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("early.yaml"),
        "title: Done before the window\ncomponents: [db]\n\
         scheduled_for: 2026-12-01T02:00:00Z\nscheduled_until: 2026-12-01T04:00:00Z\n\
         updates:\n  - at: 2026-11-22T10:00:00Z\n    status: scheduled\n    message: Planned.\n\
         \x20 - at: 2026-11-25T09:00:00Z\n    status: completed\n    message: Done ahead of time.\n",
    )
    .unwrap();
    fs::write(
        dir.join("short.yaml"),
        "title: Done within the window\ncomponents: [db]\n\
         scheduled_for: 2026-12-02T02:00:00Z\nscheduled_until: 2026-12-02T04:00:00Z\n\
         updates:\n  - at: 2026-12-02T02:00:00Z\n    status: in_progress\n    message: Started.\n\
         \x20 - at: 2026-12-02T03:00:00Z\n    status: completed\n    message: Finished early.\n",
    )
    .unwrap();
    fs::write(
        dir.join("silent.yaml"),
        "title: Never updated\ncomponents: [web]\n\
         scheduled_for: 2026-12-03T02:00:00Z\nscheduled_until: 2026-12-03T04:00:00Z\n",
    )
    .unwrap();
    site
}

fn build(site: &Path, out: &Path, now: &str) {
    allclear()
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--now", now])
        .assert()
        .success();
}

fn load<T: DeserializeOwned>(out: &Path, name: &str) -> T {
    let bytes = fs::read(out.join("api/v2").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn statuses(m: &Incident) -> Vec<&str> {
    m.incident_updates.iter().map(|u| u.status.as_str()).collect()
}

/// `db`'s badge on the front page and the maintenances the page's script
/// may still open or close by the clock.
fn page_db_badge_and_open(out: &Path) -> (String, Vec<Value>) {
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let badge = scraper::Selector::parse(r#"li[data-component="db"] .component__head .badge"#).unwrap();
    let badge = doc.select(&badge).next().expect("db has a badge");
    let class = badge.value().attr("class").unwrap().to_string();
    let script = scraper::Selector::parse(r#"script#allclear-state[type="application/json"]"#).unwrap();
    let state: Value = serde_json::from_str(&doc.select(&script).next().unwrap().text().collect::<String>()).unwrap();
    (class, state["maint"].as_array().unwrap().clone())
}

#[test]
fn completed_before_the_window_stays_completed_before_during_and_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    for now in [
        "2026-11-30T12:00:00Z",
        "2026-12-01T02:00:00Z",
        "2026-12-01T03:00:00Z",
        "2026-12-01T05:00:00Z",
    ] {
        let out = tmp.path().join(format!("out-{}", now.replace(':', "")));
        build(&site, &out, now);
        let all: MaintenancesFile = load(&out, "scheduled-maintenances.json");
        let early = all
            .scheduled_maintenances
            .iter()
            .find(|m| m.name == "Done before the window")
            .unwrap();
        assert_eq!(early.status, "completed", "at {now}");
        assert_eq!(
            statuses(early),
            ["completed", "scheduled"],
            "at {now}: no automatic update after the author's `completed`"
        );
        assert_eq!(
            early.resolved_at.as_deref(),
            Some("2026-11-25T10:00:00.000+01:00"),
            "at {now}"
        );
        assert_eq!(early.updated_at, "2026-11-25T10:00:00.000+01:00", "at {now}");

        let active: MaintenancesFile = load(&out, "scheduled-maintenances/active.json");
        let upcoming: MaintenancesFile = load(&out, "scheduled-maintenances/upcoming.json");
        let names = |f: &MaintenancesFile| {
            f.scheduled_maintenances
                .iter()
                .map(|m| m.name.clone())
                .collect::<Vec<_>>()
        };
        assert!(!names(&active).contains(&early.name), "at {now}: not active");
        assert!(!names(&upcoming).contains(&early.name), "at {now}: not upcoming");

        let summary: Summary = load(&out, "summary.json");
        let db = summary.components.iter().find(|c| c.name == "Database").unwrap();
        assert_eq!(db.status, "operational", "at {now}");
        assert_eq!(summary.status.indicator, "none", "at {now}");

        let (badge, open) = page_db_badge_and_open(&out);
        assert!(badge.contains("badge--operational"), "at {now}: {badge}");
        assert!(
            open.iter().all(|m| m["id"] != "early"),
            "at {now}: the page's script must not open it: {open:?}"
        );
    }
}

#[test]
fn finished_early_in_its_window_gets_no_second_completed_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    for (now, db) in [
        ("2026-12-02T02:30:00Z", "under_maintenance"),
        ("2026-12-02T03:30:00Z", "operational"),
        ("2026-12-02T05:00:00Z", "operational"),
    ] {
        let out = tmp.path().join(format!("out-{}", now.replace(':', "")));
        build(&site, &out, now);
        let all: MaintenancesFile = load(&out, "scheduled-maintenances.json");
        let short = all
            .scheduled_maintenances
            .iter()
            .find(|m| m.name == "Done within the window")
            .unwrap();
        let summary: Summary = load(&out, "summary.json");
        let status = summary.components.iter().find(|c| c.name == "Database").unwrap();
        assert_eq!(status.status, db, "at {now}");
        let (badge, _) = page_db_badge_and_open(&out);
        assert!(badge.contains(&format!("badge--{db}")), "at {now}: {badge}");
        if db == "operational" {
            assert_eq!(short.status, "completed", "at {now}");
            assert_eq!(statuses(short), ["completed", "in_progress"], "at {now}");
            assert_eq!(short.resolved_at.as_deref(), Some("2026-12-02T04:00:00.000+01:00"));
        } else {
            assert_eq!(statuses(short), ["in_progress"], "at {now}");
        }
    }
}

#[test]
fn no_example_maintenance_has_two_completed_updates() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let all: MaintenancesFile = load(&out, "scheduled-maintenances.json");
    for m in &all.scheduled_maintenances {
        let completed = m.incident_updates.iter().filter(|u| u.status == "completed").count();
        assert!(completed <= 1, "{}: {:?}", m.name, statuses(m));
    }
}

#[test]
fn without_updates_the_clock_writes_both_automatic_updates() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("out");
    build(&site, &out, "2026-12-03T05:00:00Z");
    let all: MaintenancesFile = load(&out, "scheduled-maintenances.json");
    let silent = all
        .scheduled_maintenances
        .iter()
        .find(|m| m.name == "Never updated")
        .unwrap();
    assert_eq!(silent.status, "completed");
    assert_eq!(statuses(silent), ["completed", "in_progress"]);
    let times: Vec<&str> = silent.incident_updates.iter().map(|u| u.created_at.as_str()).collect();
    assert_eq!(
        times,
        ["2026-12-03T05:00:00.000+01:00", "2026-12-03T03:00:00.000+01:00"]
    );
    assert_eq!(silent.resolved_at.as_deref(), Some("2026-12-03T05:00:00.000+01:00"));
}
