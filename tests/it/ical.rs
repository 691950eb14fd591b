//! End-to-end: the iCalendar outputs (`maintenance.ics`,
//! `components/ID/maintenance.ics`), parsed back with the `icalendar`
//! crate's parser.

use crate::common;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use common::{build_pinned, copy_tree, example_site, fixture};
use icalendar::parser::{Component, read_calendar, unfold};

const HOST: &str = "status.lumen.example";

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of the first property `name` of `c`, unescaped.
fn prop<'a>(c: &'a Component<'_>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("no {name} in {}", c.name.as_str()))
        .val
        .as_str()
}

/// Every value of the (repeatable) property `name` of `c`.
fn props<'a>(c: &'a Component<'_>, name: &str) -> Vec<&'a str> {
    c.properties
        .iter()
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str())
        .collect()
}

/// The VEVENT of the maintenance `id` (UID `id@HOST`).
fn event<'a>(events: &'a [Component<'a>], id: &str) -> &'a Component<'a> {
    let prefix = format!("{id}@");
    events
        .iter()
        .find(|e| prop(e, "UID").starts_with(&prefix))
        .unwrap_or_else(|| panic!("no event {prefix}HOST"))
}

/// Checks that hold for every calendar file: CRLF line ends, physical
/// lines of at most 75 octets (RFC 5545 §3.1), no control characters.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "CRLF line ends"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "a control character: {line:?}"
        );
    }
}

#[test]
fn maintenance_ics_has_every_maintenance_as_an_event() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let text = read(&out, "maintenance.ics");
    assert_well_formed(&text);

    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).expect("a valid calendar");
    let calprop = |name: &str| {
        cal.properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .val
            .as_str()
    };
    assert_eq!(calprop("VERSION"), "2.0");
    assert_eq!(calprop("PRODID"), "-//allclear//Status calendar//EN");
    assert_eq!(calprop("CALSCALE"), "GREGORIAN");
    assert_eq!(calprop("NAME"), "Lumen Status maintenance");
    assert_eq!(calprop("X-WR-CALNAME"), "Lumen Status maintenance");
    assert!(calprop("X-WR-CALDESC").contains("https://status.lumen.example/"));
    assert_eq!(calprop("X-PUBLISHED-TTL"), "PT1H");
    assert!(text.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
    assert!(!text.contains("METHOD"), "a published calendar has no METHOD");

    let events = &cal.components;
    assert!(events.iter().all(|e| e.name.as_str() == "VEVENT"));
    assert_eq!(events.len(), 8, "one event per maintenance");
    let uids: HashSet<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), 8, "UIDs are unique");
    assert!(uids.iter().all(|u| u.ends_with(&format!("@{HOST}"))), "{uids:?}");
    let cdn = event(events, "2026-06-10-cdn-provider-migration");
    assert_eq!(prop(cdn, "UID"), format!("2026-06-10-cdn-provider-migration@{HOST}"));

    let cancelled = event(events, "2026-11-27-webhooks-cluster-move");
    assert_eq!(prop(cancelled, "STATUS"), "CANCELLED");
    assert!(prop(cancelled, "DESCRIPTION").starts_with("This maintenance was cancelled"));
    // `cancelled: true` with no cancelling update still revises the event
    // subscribers got: a cancelled event never has SEQUENCE 0.
    assert_eq!(prop(cancelled, "SEQUENCE"), "1");

    let moved = event(events, "2026-11-24-jobs-scheduler-migration");
    assert_eq!(prop(moved, "SEQUENCE"), "1", "one update moved the window");
    assert_eq!(prop(moved, "DTSTART"), "20261208T010000Z");
    assert_eq!(prop(moved, "DTEND"), "20261208T030000Z");
    assert_eq!(prop(moved, "STATUS"), "CONFIRMED");
    assert_eq!(prop(moved, "DTSTAMP"), "20261119T090000Z", "the newest update");
    assert_eq!(prop(moved, "LAST-MODIFIED"), "20261119T090000Z");

    let db = event(events, "2026-12-01-database-upgrade");
    assert_eq!(prop(db, "SUMMARY"), "Primary database upgrade");
    assert_eq!(prop(db, "DTSTART"), "20261201T020000Z");
    assert_eq!(prop(db, "DTEND"), "20261201T040000Z");
    assert_eq!(prop(db, "DTSTAMP"), "20261117T100000Z");
    assert_eq!(prop(db, "SEQUENCE"), "0");
    assert_eq!(prop(db, "STATUS"), "CONFIRMED");
    assert_eq!(
        prop(db, "URL"),
        "https://status.lumen.example/maintenance/2026-12-01-database-upgrade/"
    );
    let categories = props(db, "CATEGORIES");
    assert!(categories.contains(&"Primary database"), "{categories:?}");
    assert!(categories.contains(&"API"), "{categories:?}");
    let description = prop(db, "DESCRIPTION");
    assert!(
        description.contains("the API may be read-only for up to 15 minutes per region,"),
        "the update's text, unescaped: {description}"
    );
    // Calendar clients show TEXT as written: no Markdown markup (issue 12).
    for markup in ["**", "##", "](", "`"] {
        assert!(!description.contains(markup), "{markup} in {description}");
    }
    assert!(description.contains("Affected components: Primary database, API"));
    assert!(
        !description.contains("<p>") && !description.contains("<strong>"),
        "no HTML"
    );
}

#[test]
fn each_component_has_a_calendar_of_its_maintenance() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();

    let text = read(&out, "components/search/maintenance.ics");
    assert_well_formed(&text);
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).unwrap();
    let uids: Vec<&str> = cal.components.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, ["2026-11-20-search-index-migration@status.lumen.example"]);
    assert!(text.contains("X-WR-CALNAME;VALUE=TEXT:Lumen Status maintenance: Search\r\n"));

    let text = read(&out, "components/api/maintenance.ics");
    let unfolded = unfold(&text);
    let cal = read_calendar(&unfolded).unwrap();
    let uids: Vec<&str> = cal.components.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, ["2026-12-01-database-upgrade@status.lumen.example"]);

    // A component without maintenance still has its calendar (without
    // events), so a subscription to it keeps working.
    for id in [
        "dashboard",
        "auth",
        "webhooks",
        "jobs",
        "cdn",
        "email",
        "sms",
        "storage",
        "database",
    ] {
        assert!(out.join(format!("components/{id}/maintenance.ics")).is_file(), "{id}");
    }
}

#[test]
fn maintenance_pages_link_to_the_calendar() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let page = read(&out, "maintenance/2026-12-01-database-upgrade/index.html");
    assert!(page.contains(r#"<a href="../../maintenance.ics" type="text/calendar">Add to calendar</a>"#));
}

#[test]
fn hostile_text_is_escaped_folded_and_parses_back() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    // YAML double-quoted escapes: `\\` a backslash, `\n` a line break, `\a`
    // the BEL control character, `\U0001F525` an emoji.
    fs::write(
        site.join("maintenance/2026-12-02-hostile.yaml"),
        concat!(
            "title: \"Hostile, title; with a C:\\\\path\\\\to\\\\it\\n",
            "second line \\U0001F525 and a bell\\a here, long enough to be folded \\U0001F525\\U0001F525\"\n",
            "components: [db, api]\n",
            "scheduled_for: 2026-12-02T02:00:00Z\n",
            "scheduled_until: 2026-12-02T03:00:00Z\n",
        ),
    )
    .unwrap();
    build_pinned(&site, None).assert().success();
    let out = site.join("public");
    let text = read(&out, "maintenance.ics");
    assert_well_formed(&text);

    let expected = "Hostile, title; with a C:\\path\\to\\it\nsecond line \u{1F525} and a bell here, \
                    long enough to be folded \u{1F525}\u{1F525}";
    let unfolded = unfold(&text);
    assert!(
        unfolded.contains(
            "\r\nSUMMARY:Hostile\\, title\\; with a C:\\\\path\\\\to\\\\it\\nsecond line \u{1F525} \
             and a bell here\\, long enough to be folded \u{1F525}\u{1F525}\r\n"
        ),
        "escaped as RFC 5545 §3.3.11 says: {unfolded}"
    );
    let cal = read_calendar(&unfolded).unwrap();
    let hostile = event(&cal.components, "2026-12-02-hostile");
    assert_eq!(prop(hostile, "SUMMARY"), expected);
    assert_eq!(prop(hostile, "UID"), "2026-12-02-hostile@status.fixture.example");
    assert_eq!(props(hostile, "CATEGORIES"), ["Database", "API"]);
}

/// Every `.ics` file under `dir`, relative path and text.
fn calendars(dir: &Path) -> Vec<(String, String)> {
    common::snapshot_tree(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "ics"))
        .map(|(p, b)| (p.display().to_string(), String::from_utf8(b).unwrap()))
        .collect()
}

/// The example site, and the base fixture without its one maintenance
/// (so that the site's calendar and every component's has no event),
/// built: the output folders.
fn built_sites(tmp: &Path) -> Vec<std::path::PathBuf> {
    let example = tmp.join("example");
    build_pinned(example_site(), Some(&example)).assert().success();
    let bare = tmp.join("bare");
    copy_tree(&fixture("base-site"), &bare);
    fs::remove_file(bare.join("maintenance/2026-12-01-ok.yaml")).unwrap();
    build_pinned(&bare, None).assert().success();
    let partial = tmp.join("partial");
    copy_tree(&fixture("base-site"), &partial);
    build_pinned(&partial, None).assert().success();
    vec![example, bare.join("public"), partial.join("public")]
}

/// Python's `icalendar` 7 (`pip install 'icalendar==7.*'`, as `.ci/run`
/// does) parses every calendar and finds it complete (`validate()`: a
/// PRODID, a VERSION and at least one component, RFC 5545 §3.4, §3.6).
#[test]
fn every_calendar_is_valid_for_python_icalendar_7() {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for out in built_sites(tmp.path()) {
        files.extend(calendars(&out).into_iter().map(|(p, _)| out.join(p)));
    }
    assert!(files.len() >= 12 + 4 + 4, "{} calendars", files.len());
    const SCRIPT: &str = r#"
import sys
import icalendar
if not icalendar.__version__.startswith("7."):
    sys.exit(f"icalendar {icalendar.__version__} is installed; the test needs 7.x: pip install 'icalendar==7.*'")
failed = 0
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        cal.validate()
        cal.to_ical()
    except Exception as e:
        failed += 1
        print(f"{path}: {type(e).__name__}: {e}")
sys.exit(1 if failed else 0)
"#;
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .args(&files)
        .output()
        .expect("python3 runs (the test needs Python 3 with `pip install 'icalendar==7.*'`)");
    assert!(
        output.status.success(),
        "icalendar 7 rejects calendars:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_calendar_without_maintenance_holds_only_a_utc_time_zone() {
    let tmp = tempfile::tempdir().unwrap();
    for out in built_sites(tmp.path()) {
        for (path, text) in calendars(&out) {
            assert_well_formed(&text);
            let unfolded = unfold(&text);
            let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{path}: {e}"));
            let events = cal.components.iter().filter(|c| c.name.as_str() == "VEVENT").count();
            let zones: Vec<&Component<'_>> = cal
                .components
                .iter()
                .filter(|c| c.name.as_str() == "VTIMEZONE")
                .collect();
            if events > 0 {
                assert!(zones.is_empty(), "{path}: events need no time zone (they are in UTC)");
                continue;
            }
            // RFC 5545 §3.6: at least one component. A VTIMEZONE shows
            // nothing in a calendar client, where a placeholder event or
            // to-do would.
            assert_eq!(cal.components.len(), 1, "{path}: {unfolded}");
            let zone = zones
                .first()
                .unwrap_or_else(|| panic!("{path}: no component: {unfolded}"));
            assert_eq!(prop(zone, "TZID"), "UTC");
            assert_eq!(zone.components.len(), 1);
            let standard = &zone.components[0];
            assert_eq!(standard.name.as_str(), "STANDARD");
            assert_eq!(
                ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"].map(|p| prop(standard, p)),
                ["19700101T000000", "+0000", "+0000", "UTC"]
            );
            assert!(
                !unfolded.contains("UID") && !unfolded.contains("DTSTAMP"),
                "{path}: {unfolded}"
            );
        }
    }
}
