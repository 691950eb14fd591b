//! Issue 12, item 6: a rescheduled or cancelled maintenance reaches
//! calendar subscribers. `allclear reschedule` and `allclear cancel` run as
//! the real binary on a copy of the example site; every `.ics` the site
//! builds is parsed back with the `icalendar` crate's parser, before and
//! after, and SEQUENCE, DTSTAMP, DTSTART/DTEND, STATUS and DESCRIPTION of
//! the real events are compared.

use crate::common;

use common::git;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{NOW, allclear, build_pinned, copy_tree, example_site};
use icalendar::parser::{read_calendar, unfold};

const DB: &str = "2026-12-01-database-upgrade";
const DB_FILE: &str = "maintenance/2026/12/2026-12-01-database-upgrade.yaml";
const JOBS: &str = "2026-11-24-jobs-scheduler-migration";
const JOBS_FILE: &str = "maintenance/2026/11/2026-11-24-jobs-scheduler-migration.md";
/// NOW in iCalendar's UTC form.
const NOW_ICS: &str = "20261120T150000Z";

/// One event's properties (the first value of each), unescaped.
type Event = BTreeMap<String, String>;

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    (tmp, site)
}

fn run(site: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    allclear()
        .arg("--site")
        .arg(site)
        .args(["--now", NOW])
        .args(args)
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .assert()
}

/// Build `site` at NOW and parse every `.ics` under the output: the events
/// by calendar path, then maintenance id.
fn calendars(site: &Path) -> BTreeMap<String, BTreeMap<String, Event>> {
    let out = site.parent().unwrap().join("out");
    let _ = fs::remove_dir_all(&out);
    build_pinned(site, Some(&out)).assert().success();
    let mut calendars = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "ics") {
            continue;
        }
        let rel = entry.path().strip_prefix(&out).unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(entry.path()).unwrap();
        let unfolded = unfold(&text);
        let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{rel} does not parse: {e}"));
        let mut events = BTreeMap::new();
        for c in cal.components.iter().filter(|c| c.name.as_str() == "VEVENT") {
            let mut props = Event::new();
            for p in &c.properties {
                props
                    .entry(p.name.as_str().to_string())
                    .or_insert_with(|| p.val.as_str().to_string());
            }
            let id = props["UID"].split('@').next().unwrap().to_string();
            events.insert(id, props);
        }
        calendars.insert(rel, events);
    }
    assert!(calendars.len() > 5, "the site calendar and one per component");
    calendars
}

/// The event of maintenance `id` in the default language's
/// `maintenance.ics`, checked to be the same in every component calendar of
/// that language that holds it.
fn event(calendars: &BTreeMap<String, BTreeMap<String, Event>>, id: &str) -> Event {
    event_in(calendars, "", id)
}

/// [`event`] in the calendars of the language published under `prefix`
/// (`""` for the default language, `de/` for German).
fn event_in(calendars: &BTreeMap<String, BTreeMap<String, Event>>, prefix: &str, id: &str) -> Event {
    let main = calendars[&format!("{prefix}maintenance.ics")][id].clone();
    for (path, events) in calendars {
        let language = path.split_once('/').map_or("", |(first, _)| first);
        let same = if prefix.is_empty() {
            !calendars.contains_key(&format!("{language}/maintenance.ics"))
        } else {
            path.starts_with(prefix)
        };
        if let Some(e) = events.get(id).filter(|_| same) {
            assert_eq!(e, &main, "{path} and {prefix}maintenance.ics disagree on {id}");
        }
    }
    main
}

#[test]
fn reschedule_moves_the_event_with_a_new_sequence_and_dtstamp() {
    let (_tmp, site) = site();
    let before = event(&calendars(&site), DB);
    assert_eq!(before["SEQUENCE"], "0");
    assert_eq!(before["DTSTAMP"], "20261117T100000Z");
    assert_eq!(before["DTSTART"], "20261201T020000Z");
    assert_eq!(before["DTEND"], "20261201T040000Z");
    assert_eq!(before["STATUS"], "CONFIRMED");

    let file = site.join(DB_FILE);
    let original = fs::read_to_string(&file).unwrap();
    run(
        &site,
        &[
            "reschedule",
            DB,
            "--from",
            "2026-12-08 02:00",
            "--until",
            "2026-12-08T04:30:00+01:00",
            "--message",
            "Moved a week: **the release freeze** ends on [7 December](https://example.com/freeze).",
        ],
    )
    .success()
    .stderr(predicates::str::contains(format!("Rescheduled {DB}")));

    // The history is in the file: everything before stays byte for byte,
    // one update is appended with the new window in the site's zone.
    let edited = fs::read_to_string(&file).unwrap();
    assert!(edited.starts_with(&original), "{edited}");
    assert_eq!(
        &edited[original.len()..],
        "  - at: 2026-11-20T16:00:00+01:00\n    status: scheduled\n    message: |\n      Moved a week: **the release freeze** ends on [7 December](https://example.com/freeze).\n    scheduled_for: 2026-12-08T02:00:00+01:00\n    scheduled_until: 2026-12-08T04:30:00+01:00\n"
    );

    let after = event(&calendars(&site), DB);
    assert_eq!(after["SEQUENCE"], "1", "one rescheduling update");
    assert_eq!(after["DTSTAMP"], NOW_ICS, "the time of the rescheduling update");
    assert_eq!(after["LAST-MODIFIED"], NOW_ICS);
    assert_eq!(after["DTSTART"], "20261208T010000Z");
    assert_eq!(after["DTEND"], "20261208T033000Z");
    assert_eq!(after["STATUS"], "CONFIRMED");
    assert_eq!(after["UID"], before["UID"], "the same event, revised");
    let description = &after["DESCRIPTION"];
    assert!(
        description.starts_with("Moved a week: the release freeze ends on 7 December (https://example.com/freeze)."),
        "{description}"
    );
    assert!(
        !description.contains("**") && !description.contains("]("),
        "{description}"
    );

    // The API's window is the one in force.
    let out = site.parent().unwrap().join("out");
    let api: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("api/v2/scheduled-maintenances.json")).unwrap()).unwrap();
    let db = api["scheduled_maintenances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["shortlink"].as_str().unwrap().contains(DB))
        .unwrap();
    assert_eq!(db["scheduled_for"], "2026-12-08T02:00:00.000+01:00");
    assert_eq!(db["scheduled_until"], "2026-12-08T04:30:00.000+01:00");

    // A second reschedule is a second revision.
    run(
        &site,
        &[
            "reschedule",
            DB,
            "--from",
            "2026-12-15 02:00",
            "--until",
            "2026-12-15 04:00",
        ],
    )
    .success();
    let again = event(&calendars(&site), DB);
    assert_eq!(again["SEQUENCE"], "2");
    assert_eq!(again["DTSTART"], "20261215T010000Z");
    assert_eq!(
        again["DESCRIPTION"].lines().next().unwrap(),
        "This maintenance is rescheduled to Dec 15, 2026 02:00 – 04:00 CET."
    );
}

#[test]
fn cancel_marks_the_event_cancelled_with_a_new_sequence_and_dtstamp() {
    let (_tmp, site) = site();
    let before = event(&calendars(&site), JOBS);
    assert_eq!(before["SEQUENCE"], "1", "rescheduled once in the example");
    assert_eq!(before["STATUS"], "CONFIRMED");
    assert_eq!(before["DTSTAMP"], "20261119T090000Z");

    run(&site, &["cancel", JOBS])
        .success()
        .stderr(predicates::str::contains(format!("Cancelled {JOBS}")));
    let text = fs::read_to_string(site.join(JOBS_FILE)).unwrap();
    assert!(
        text.ends_with("  - at: 2026-11-20T16:00:00+01:00\n    status: completed\n    cancelled: true\n    message: This maintenance was cancelled and will not take place.\n---\n"),
        "{text}"
    );

    let after = event(&calendars(&site), JOBS);
    assert_eq!(after["STATUS"], "CANCELLED");
    assert_eq!(after["SEQUENCE"], "2", "the reschedule and the cancel");
    assert_eq!(after["DTSTAMP"], NOW_ICS, "the time of the cancelling update");
    assert_eq!(after["DTSTART"], before["DTSTART"], "the window stays what it was");
    assert_eq!(after["DTEND"], before["DTEND"]);
    assert_eq!(
        after["DESCRIPTION"],
        "This maintenance was cancelled and will not take place.\n\nAffected components: Background jobs",
        "the notice once, not twice"
    );

    // The page says cancelled; the API, like Statuspage, completed.
    let out = site.parent().unwrap().join("out");
    let page = fs::read_to_string(out.join(format!("maintenance/{JOBS}/index.html"))).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("Cancelled"), "the page names the cancellation");
    let api: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("api/v2/scheduled-maintenances.json")).unwrap()).unwrap();
    let jobs = api["scheduled_maintenances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["shortlink"].as_str().unwrap().contains(JOBS))
        .unwrap();
    assert_eq!(jobs["status"], "completed");
}

/// In the German calendars (the example is published in German too, under
/// `de/`), `allclear cancel`'s default message (English, the update's text
/// in the entry file) is not repeated after the calendar's German notice; a
/// message of the author's own still is (above).
#[test]
fn a_german_calendar_says_the_default_cancellation_in_german_only() {
    let (_tmp, site) = site();
    run(&site, &["cancel", JOBS]).success();
    let text = fs::read_to_string(site.join(JOBS_FILE)).unwrap();
    assert!(
        text.contains("message: This maintenance was cancelled and will not take place.\n"),
        "{text}"
    );
    let jobs = event_in(&calendars(&site), "de/", JOBS);
    assert_eq!(jobs["STATUS"], "CANCELLED");
    assert_eq!(
        jobs["DESCRIPTION"],
        "Diese Wartung wurde abgesagt und findet nicht statt.\n\nBetroffene Komponenten: Hintergrundjobs",
    );
}

/// On a site whose default language is German, `allclear cancel` writes
/// the German notice as the update's message, and the calendar says it
/// once.
#[test]
fn cancel_writes_its_default_message_in_the_site_language() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::one_language_example(&site, "de");
    run(&site, &["cancel", JOBS]).success();
    let text = fs::read_to_string(site.join(JOBS_FILE)).unwrap();
    assert!(
        text.contains("message: Diese Wartung wurde abgesagt und findet nicht statt.\n"),
        "{text}"
    );
    let jobs = event(&calendars(&site), JOBS);
    assert_eq!(
        jobs["DESCRIPTION"],
        "Diese Wartung wurde abgesagt und findet nicht statt.\n\nBetroffene Komponenten: Background jobs",
    );
}

#[test]
fn a_cancelled_event_never_has_sequence_zero() {
    let (_tmp, site) = site();
    // A maintenance cancelled by its first revision.
    run(&site, &["cancel", DB, "--message", "Not needed: the vendor fixed it."]).success();
    let db = event(&calendars(&site), DB);
    assert_eq!(db["STATUS"], "CANCELLED");
    assert_eq!(db["SEQUENCE"], "1");
    assert_eq!(
        db["DESCRIPTION"].split("\n\n").nth(1),
        Some("Not needed: the vendor fixed it.")
    );
}

#[test]
fn refusals_write_nothing() {
    let (_tmp, site) = site();
    let snapshot = common::snapshot_tree(&site);
    let cases: &[(&[&str], &str)] = &[
        (&["cancel", "2026-11-20-api-errors"], "is an incident"),
        (
            &["reschedule", "2026-11-20-api-errors", "--from", "1d", "--until", "2d"],
            "is an incident",
        ),
        (&["cancel", "2026-11-27-webhooks-cluster-move"], "already cancelled"),
        (
            &[
                "reschedule",
                "2026-11-27-webhooks-cluster-move",
                "--from",
                "1d",
                "--until",
                "2d",
            ],
            "already cancelled",
        ),
        (
            &["cancel", "2026-11-08-storage-replication-upgrade"],
            "already completed",
        ),
        (
            &[
                "reschedule",
                "2026-11-08-storage-replication-upgrade",
                "--from",
                "1d",
                "--until",
                "2d",
            ],
            "already completed",
        ),
        (
            &[
                "reschedule",
                DB,
                "--from",
                "2026-12-08 04:00",
                "--until",
                "2026-12-08 02:00",
            ],
            "--until is not after --from",
        ),
        (
            &[
                "reschedule",
                DB,
                "--from",
                "2026-11-19 02:00",
                "--until",
                "2026-11-19 04:00",
            ],
            "which has passed",
        ),
        (
            &[
                "reschedule",
                DB,
                "--from",
                "2026-12-01T02:00:00Z",
                "--until",
                "2026-12-01T04:00:00Z",
            ],
            "already scheduled",
        ),
        (&["reschedule", DB, "--from", "soon", "--until", "2h"], "--from:"),
        (&["cancel", "2026-12-01-database-upgrad"], "did you mean"),
    ];
    for (args, says) in cases {
        run(&site, args).code(2).stderr(predicates::str::contains(*says));
        assert!(common::snapshot_tree(&site) == snapshot, "{args:?} wrote something");
    }
}

#[test]
fn notify_posts_a_cancellation_as_cancelled() {
    let (_tmp, site) = site();
    git(&site, &["init", "-q"]);
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-q", "-m", "site"]);
    run(&site, &["cancel", DB]).success();
    git(&site, &["commit", "-q", "-a", "-m", "cancel"]);
    let out = allclear()
        .arg("--site")
        .arg(&site)
        .args(["--now", NOW, "notify", "--since", "HEAD~1", "--dry-run"])
        .args(["--slack", "https://hooks.slack.com/services/T0/B0/x"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let body: serde_json::Value = serde_json::from_str(&stdout[stdout.find('{').unwrap()..]).unwrap();
    let text = body["text"].as_str().unwrap();
    assert!(
        text.starts_with("*[Cancelled] Primary database upgrade*\nThis maintenance was cancelled"),
        "{text}"
    );
}
