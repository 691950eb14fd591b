//! `pin_browser_clock: true` (site.yaml, for example sites and tests): the
//! state each page embeds for its script carries `"pin"`, the build's
//! time, which makes the script take it as the time (the browser side is
//! tests/browser/pinned.test.mjs). The example site sets it.

use crate::common;

use std::fs;
use std::path::Path;

use common::{base_site_with, build_pinned, example_site};

/// The JSON in `<script id="allclear-state">` of `page`, read with scraper.
fn state(page: &Path) -> serde_json::Value {
    let html = scraper::Html::parse_document(&fs::read_to_string(page).unwrap());
    let selector = scraper::Selector::parse("script#allclear-state").unwrap();
    let script = html.select(&selector).next().expect("a state script");
    serde_json::from_str(&script.text().collect::<String>()).unwrap()
}

#[test]
fn the_example_pins_its_pages_clock_and_other_sites_do_not() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("example");
    build_pinned(example_site(), Some(&out)).assert().success();
    for page in ["index.html", "components/api/index.html"] {
        let state = state(&out.join(page));
        assert_eq!(state["pin"], "2026-11-20T15:00:00Z", "{page}: {state}");
        assert_eq!(state["built"], "2026-11-20T15:00:00Z");
    }
    // A page that no longer changes with the clock (a resolved incident)
    // carries no pin: the build time stays out of it, and a rebuild leaves
    // it alone.
    let resolved = state(&out.join("incidents/2026-11-16-search-unavailable/index.html"));
    assert!(resolved.get("pin").is_none(), "{resolved}");

    let site = base_site_with(tmp.path(), "");
    let out = tmp.path().join("base");
    build_pinned(&site, Some(&out)).assert().success();
    assert!(state(&out.join("index.html")).get("pin").is_none());
}

#[test]
fn a_pin_that_is_not_a_boolean_is_an_error_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let site = base_site_with(tmp.path(), "pin_browser_clock: sometimes");
    let out = build_pinned(&site, Some(&tmp.path().join("out"))).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("site.yaml:"), "{stderr}");
    assert!(stderr.contains("pin_browser_clock: sometimes"), "{stderr}");
    assert!(!tmp.path().join("out").exists());
}
