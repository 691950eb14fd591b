//! `api/v2/`: every file deserializes into the typed Statuspage shapes
//! (which deny unknown fields) and says what the example site says at the
//! pinned time.

use crate::common;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use allclear::render::api::shapes::{
    Component, ComponentsFile, Incident, IncidentsFile, MaintenancesFile, StatusFile, Summary, UptimeFile,
};
use common::{build_pinned, copy_tree, example_site, fixture};
use serde::de::DeserializeOwned;

fn load<T: DeserializeOwned>(out: &Path, name: &str) -> T {
    let bytes = fs::read(out.join("api/v2").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name} does not match the Statuspage shape: {e}"))
}

fn built_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    (tmp, out)
}

/// ISO 8601 with milliseconds and an offset, as Statuspage writes them.
fn assert_timestamp(t: &str) {
    chrono::DateTime::parse_from_rfc3339(t).unwrap_or_else(|_| panic!("not ISO 8601: {t}"));
    let fraction = &t[19..23];
    assert!(
        fraction.starts_with('.') && fraction[1..].bytes().all(|b| b.is_ascii_digit()),
        "no milliseconds in {t}"
    );
    assert!(t.ends_with('Z') || t[23..].starts_with(['+', '-']), "no offset in {t}");
}

fn assert_id(id: &str) {
    assert_eq!(id.len(), 12, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()), "{id}");
}

fn check_incident(i: &Incident) {
    assert_id(&i.id);
    for t in [&i.created_at, &i.updated_at, &i.started_at] {
        assert_timestamp(t);
    }
    assert!(
        !i.incident_updates.is_empty(),
        "{}: incident_updates is never empty",
        i.name
    );
    let times: Vec<_> = i
        .incident_updates
        .iter()
        .map(|u| chrono::DateTime::parse_from_rfc3339(&u.created_at).unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "{}: updates newest first",
        i.name
    );
    for u in &i.incident_updates {
        assert_eq!(u.incident_id, i.id);
        assert_id(&u.id);
        assert_timestamp(&u.display_at);
    }
    for c in &i.components {
        assert_id(&c.id);
        assert!(!c.group, "incident components are components, not groups");
    }
}

#[test]
fn every_file_has_statuspage_shape() {
    let (_tmp, out) = built_example();
    let summary: Summary = load(&out, "summary.json");
    let status: StatusFile = load(&out, "status.json");
    let components: ComponentsFile = load(&out, "components.json");
    let incidents: IncidentsFile = load(&out, "incidents.json");
    let unresolved: IncidentsFile = load(&out, "incidents/unresolved.json");
    let maintenances: MaintenancesFile = load(&out, "scheduled-maintenances.json");
    let upcoming: MaintenancesFile = load(&out, "scheduled-maintenances/upcoming.json");
    let active: MaintenancesFile = load(&out, "scheduled-maintenances/active.json");

    assert_eq!(summary.page.name, "Lumen Status");
    assert_eq!(summary.page.url, "https://status.lumen.example");
    assert_eq!(summary.page.time_zone, "Europe/Berlin");
    assert_eq!(
        summary.page.updated_at, "2026-11-20T15:25:00.000+01:00",
        "the live incident's last update"
    );
    assert_id(&summary.page.id);
    for page in [&status.page, &components.page, &incidents.page, &active.page] {
        assert_eq!(page, &summary.page);
    }
    assert_eq!(
        (status.status.indicator.as_str(), status.status.description.as_str()),
        ("major", "Partial System Outage")
    );
    assert_eq!(summary.status, status.status);

    assert_eq!(incidents.incidents.len(), 27);
    assert_eq!(unresolved.incidents.len(), 1);
    assert_eq!(summary.incidents, unresolved.incidents);
    assert_eq!(maintenances.scheduled_maintenances.len(), 8);
    let names = |f: &MaintenancesFile| {
        f.scheduled_maintenances
            .iter()
            .map(|m| m.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&upcoming),
        ["Primary database upgrade", "Background job scheduler migration"]
    );
    assert_eq!(names(&active), ["Search index migration"]);
    assert_eq!(summary.scheduled_maintenances.len(), 3);
    for i in incidents.incidents.iter().chain(&maintenances.scheduled_maintenances) {
        check_incident(i);
    }
    let ids: HashSet<&str> = incidents
        .incidents
        .iter()
        .chain(&maintenances.scheduled_maintenances)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids.len(), 35, "ids are unique");
}

#[test]
fn groups_are_components_with_their_children() {
    let (_tmp, out) = built_example();
    let list: ComponentsFile = load(&out, "components.json");
    let groups: Vec<&Component> = list.components.iter().filter(|c| c.group).collect();
    assert_eq!(
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Core platform", "Data", "Delivery", "Notifications"]
    );
    assert_eq!(groups.iter().map(|g| g.position).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(list.components.len(), 4 + 11);
    for g in &groups {
        let children = g.components.as_ref().expect("a group lists its children");
        for (k, child_id) in children.iter().enumerate() {
            let child = list
                .components
                .iter()
                .find(|c| &c.id == child_id)
                .expect("child listed");
            assert_eq!(child.group_id.as_deref(), Some(g.id.as_str()));
            assert_eq!(
                child.position as usize,
                k + 1,
                "children are numbered within their group"
            );
            assert!(!child.group && child.components.is_none());
        }
    }
    let data = groups[1];
    assert_eq!(data.status, "under_maintenance", "a group shows its worst member");
    let search = list.components.iter().find(|c| c.name == "Search").unwrap();
    assert_eq!(search.start_date.as_deref(), Some("2026-09-01"));
    assert_eq!(search.status, "under_maintenance");
    let ids: HashSet<&str> = list.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), list.components.len());
    for c in &list.components {
        assert_id(&c.id);
        assert_timestamp(&c.created_at);
        assert_timestamp(&c.updated_at);
        assert_eq!(c.page_id, list.page.id);
    }
}

#[test]
fn the_live_incident_field_by_field() {
    let (_tmp, out) = built_example();
    let unresolved: IncidentsFile = load(&out, "incidents/unresolved.json");
    let i = &unresolved.incidents[0];
    assert_eq!(i.name, "Elevated error rates on the API");
    assert_eq!((i.status.as_str(), i.impact.as_str()), ("identified", "major"));
    assert_eq!(
        i.shortlink,
        "https://status.lumen.example/incidents/2026-11-20-api-errors/"
    );
    assert_eq!(i.started_at, "2026-11-20T15:03:00.000+01:00");
    assert_eq!(i.resolved_at, None);
    assert_eq!(i.monitoring_at, None);
    assert_eq!(
        i.components.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["API", "Dashboard"]
    );
    assert_eq!(
        i.components[0].status, "degraded_performance",
        "full objects with the current status"
    );

    let [latest, first] = &i.incident_updates[..] else {
        panic!("two updates")
    };
    assert_eq!(latest.status, "identified");
    let change = latest.affected_components.as_ref().unwrap();
    assert_eq!(change.len(), 1);
    assert_eq!(
        (
            change[0].name.as_str(),
            change[0].old_status.as_str(),
            change[0].new_status.as_str()
        ),
        ("API", "partial_outage", "degraded_performance")
    );
    assert_eq!(change[0].code, i.components[0].id);
    let opening = first.affected_components.as_ref().unwrap();
    assert_eq!(
        opening.iter().map(|a| a.old_status.as_str()).collect::<Vec<_>>(),
        ["operational", "operational"]
    );
    assert!(first.body.starts_with("We are seeing"), "{}", first.body);
}

#[test]
fn maintenance_follows_the_clock_with_automatic_updates() {
    let (_tmp, out) = built_example();
    let all: MaintenancesFile = load(&out, "scheduled-maintenances.json");
    let find = |name: &str| all.scheduled_maintenances.iter().find(|m| m.name == name).unwrap();

    let active = find("Search index migration");
    assert_eq!(
        (active.status.as_str(), active.impact.as_str()),
        ("in_progress", "maintenance")
    );
    assert_eq!(active.scheduled_for.as_deref(), Some("2026-11-20T15:00:00.000+01:00"));
    assert_eq!(active.scheduled_until.as_deref(), Some("2026-11-20T18:00:00.000+01:00"));

    let moved = find("Background job scheduler migration");
    assert_eq!(
        moved.scheduled_for.as_deref(),
        Some("2026-12-08T02:00:00.000+01:00"),
        "the rescheduled window"
    );

    let cancelled = find("Webhook delivery cluster move");
    assert_eq!(cancelled.status, "completed", "Statuspage has no cancelled status");

    // A completed maintenance whose authors never wrote `completed` gets
    // Statuspage's automatic update at the end of the window (every example
    // maintenance that is over has its own `completed`, so this may be none;
    // tests/it/maintenance_completed.rs builds one).
    let auto: Vec<&Incident> = all
        .scheduled_maintenances
        .iter()
        .filter(|m| {
            m.incident_updates
                .iter()
                .any(|u| u.body == "The scheduled maintenance has been completed.")
        })
        .collect();
    for m in auto {
        assert_eq!(m.status, "completed");
        assert_eq!(m.incident_updates[0].created_at, m.scheduled_until.clone().unwrap());
        assert_eq!(m.resolved_at, m.scheduled_until);
    }
}

#[test]
fn uptime_extension() {
    let (_tmp, out) = built_example();
    let uptime: UptimeFile = load(&out, "uptime.json");
    let components: ComponentsFile = load(&out, "components.json");
    assert_eq!(uptime.window_days, 90);
    assert_eq!(uptime.components.len(), 11);
    for c in &uptime.components {
        assert_eq!(c.days.len(), 90);
        assert_eq!(c.days.last().unwrap().date, "2026-11-20");
        assert_eq!(c.months.len(), 12);
        assert_eq!(c.months.last().unwrap().month, "2026-11");
        assert!(components.components.iter().any(|k| k.id == c.id && k.name == c.name));
        if let Some(u) = c.uptime {
            assert!((0.0..=100.0).contains(&u));
        }
    }
    let search = uptime.components.iter().find(|c| c.code == "search").unwrap();
    assert_eq!(search.days[0].uptime, None, "not counted before its start_date");
    let api = uptime.components.iter().find(|c| c.code == "api").unwrap();
    assert!(api.outages >= 2 && api.mttr_seconds.is_some() && api.mtbf_seconds.is_some());
}

#[test]
fn incidents_json_holds_the_fifty_most_recent() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    for n in 1..=60 {
        let text = format!(
            "---\ntitle: Incident {n}\nimpact: minor\ncomponents: {{}}\nupdates:\n  - at: 2026-10-{:02}T{:02}:00:00Z\n    status: resolved\n---\n",
            n / 2 + 1,
            n % 2 * 12
        );
        fs::write(site.join(format!("incidents/i-{n}.md")), text).unwrap();
    }
    build_pinned(&site, None).assert().success();
    let list: IncidentsFile = load(&site.join("public"), "incidents.json");
    assert_eq!(list.incidents.len(), 50);
    assert_eq!(list.incidents[0].name, "A valid incident", "newest first");
    assert!(
        list.incidents.iter().all(|i| i.name != "Incident 1"),
        "the oldest are left out"
    );
}
