//! Issue 12, items 1 and 3, at build time: a promised next update that is
//! overdue says so on the pages built after its time, and every page tells
//! its script how old it may get before it says it is out of date
//! (`stale_after`, shorter during an incident).
//!
//! The example site's ongoing incident "Elevated error rates on the API"
//! promises its next update by 15:30 UTC (16:30 in the site's zone,
//! Europe/Berlin). The real binary builds it at pinned times; the pages are
//! read back with an HTML parser.

use crate::common;

use std::fs;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

const INCIDENT: &str = "incidents/2026-11-20-api-errors/index.html";
const PROMISE: &str = "2026-11-20T15:30:00Z";

/// Build `site` at `now` into a fresh folder; the folder.
fn build_at(site: &Path, now: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    common::allclear()
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out.path())
        .args(["--now", now])
        .assert()
        .success();
    out
}

fn page(out: &Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(out.join(path)).unwrap())
}

fn text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every element carrying the promise of the API incident: (classes, text).
fn promises(doc: &Html) -> Vec<(Vec<String>, String)> {
    let sel = Selector::parse(&format!(r#"[data-promise="{PROMISE}"]"#)).unwrap();
    doc.select(&sel)
        .map(|e| (e.value().classes().map(str::to_string).collect(), text(e)))
        .collect()
}

fn state(doc: &Html) -> Value {
    let sel = Selector::parse("script#allclear-state").unwrap();
    serde_json::from_str(&doc.select(&sel).next().expect("the page embeds its state").inner_html()).unwrap()
}

#[test]
fn before_its_time_the_promise_is_a_plain_promise() {
    let out = build_at(&common::example_site(), common::NOW);
    for path in ["index.html", INCIDENT] {
        let found = promises(&page(out.path(), path));
        assert!(!found.is_empty(), "{path}: the promise is not shown");
        for (classes, text) in found {
            assert!(!classes.contains(&"overdue".to_string()), "{path}: {classes:?} {text}");
            assert_eq!(text, "Next update expected by Nov 20, 2026 16:30 CET", "{path}");
        }
    }
}

#[test]
fn at_the_promised_minute_the_build_marks_it_overdue() {
    // `next-change.json` asks for a rebuild at 15:30 exactly: that build
    // must show it, or the page never would.
    let out = build_at(&common::example_site(), PROMISE);
    let found = promises(&page(out.path(), "index.html"));
    assert!(!found.is_empty());
    for (classes, text) in found {
        assert!(classes.contains(&"overdue".to_string()), "{classes:?}");
        assert_eq!(text, "Next update was expected by Nov 20, 2026 16:30 CET (now)");
    }
}

#[test]
fn a_quarter_hour_late_every_page_showing_the_promise_says_by_how_long() {
    let out = build_at(&common::example_site(), "2026-11-20T15:45:00Z");
    for path in ["index.html", INCIDENT, "components/api/index.html"] {
        let found = promises(&page(out.path(), path));
        assert!(!found.is_empty(), "{path}: the promise is not shown");
        for (classes, text) in found {
            assert!(classes.contains(&"overdue".to_string()), "{path}: {classes:?}");
            assert_eq!(
                text, "Next update was expected by Nov 20, 2026 16:30 CET (15 min ago)",
                "{path}"
            );
        }
    }
    // The incident page's facts hold the duration so far for the script.
    let doc = page(out.path(), INCIDENT);
    let since = Selector::parse("dd [data-since]").unwrap();
    let e = doc.select(&since).next().expect("the duration so far is marked");
    assert_eq!(e.value().attr("data-since"), Some("2026-11-20T14:03:00Z"));
    assert_eq!(text(e), "1 h 42 min");
}

#[test]
fn a_resolved_incident_shows_no_promise() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::example_site(), &site);
    let file = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let md = fs::read_to_string(&file).unwrap().replace(
        "    next_update: 2026-11-20T15:30:00Z\n---",
        "    next_update: 2026-11-20T15:30:00Z\n  - at: 2026-11-20T15:10:00Z\n    status: resolved\n    message: Fixed.\n---",
    );
    fs::write(&file, md).unwrap();
    let out = build_at(&site, "2026-11-20T15:45:00Z");
    for path in ["index.html", INCIDENT] {
        assert_eq!(promises(&page(out.path(), path)), vec![], "{path}");
    }
}

#[test]
fn pages_embed_their_staleness_threshold_and_zone() {
    // During the incident: 15 minutes.
    let out = build_at(&common::example_site(), common::NOW);
    let s = state(&page(out.path(), "index.html"));
    assert_eq!(
        (s["stale"].as_i64(), s["zone"].as_str()),
        (Some(900), Some("Europe/Berlin"))
    );

    // Without one: the default, 36 hours, or the site's `stale_after`.
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "");
    let out = build_at(&site, common::NOW);
    for path in ["index.html", "components/api/index.html"] {
        assert_eq!(
            state(&page(out.path(), path))["stale"].as_i64(),
            Some(36 * 3600),
            "{path}"
        );
    }
    // A page without live state is never stale (README, "In the browser").
    assert_eq!(state(&page(out.path(), "404.html")).get("stale"), None);
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "stale_after: 2d 12h");
    let out = build_at(&site, common::NOW);
    assert_eq!(
        state(&page(out.path(), "index.html"))["stale"].as_i64(),
        Some(60 * 3600)
    );

    // A site that asks for less than 15 minutes gets it during an incident too.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::example_site(), &site);
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    fs::write(site.join("site.yaml"), format!("{yaml}\nstale_after: 5m\n")).unwrap();
    let out = build_at(&site, common::NOW);
    assert_eq!(state(&page(out.path(), "index.html"))["stale"].as_i64(), Some(300));
}
