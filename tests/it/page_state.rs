//! The state each page embeds for its script (`#allclear-state`): what
//! that page shows, no more. The status page holds every component; a
//! component's page only its own, so a page's size does not grow with
//! the number of components it does not show, and the site's output grows
//! linearly with the component count, not with its square.

use crate::common;

use std::fs;
use std::path::Path;

use serde_json::Value;

/// The base fixture with `n` more components `c0`… (groups of ten) and a
/// maintenance on `c1` and `c2` in progress at the pinned time, built in
/// memory: every HTML page's state, by path.
fn states(n: usize) -> Vec<(String, Value)> {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::fixture("base-site"), &site);
    let mut yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    for i in 0..n {
        yaml.push_str(&format!(
            "  - id: c{i}\n    name: Component {i}\n    group: Group {}\n",
            i / 10
        ));
    }
    fs::write(site.join("site.yaml"), yaml).unwrap();
    fs::write(
        site.join("maintenance/2026-11-20-work.yaml"),
        "title: Work\ncomponents: [c1, c2]\nscheduled_for: 2026-11-20T14:00:00Z\nscheduled_until: 2026-11-20T16:00:00Z\n",
    )
    .unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(common::NOW).unwrap().to_utc();
    let built = allclear::build_files(Path::new(&site), None, now).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    let selector = scraper::Selector::parse(r#"script#allclear-state[type="application/json"]"#).unwrap();
    built
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| {
            let doc = scraper::Html::parse_document(std::str::from_utf8(&f.bytes).unwrap());
            let script = doc
                .select(&selector)
                .next()
                .unwrap_or_else(|| panic!("{}: no state", f.path));
            let state = serde_json::from_str(&script.text().collect::<String>()).unwrap();
            (f.path.clone(), state)
        })
        .collect()
}

fn state<'a>(states: &'a [(String, Value)], path: &str) -> &'a Value {
    &states
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no page {path}"))
        .1
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn each_page_embeds_the_state_of_what_it_shows() {
    let states = states(30);
    let index = state(&states, "index.html");
    assert_eq!(keys(&index["comps"]).len(), 33, "the status page shows every component");
    assert_eq!(index["maint"].as_array().unwrap().len(), 2, "both open maintenances");
    assert_eq!(index["built"], "2026-11-20T15:00:00Z");

    let c1 = state(&states, "components/c1/index.html");
    assert_eq!(keys(&c1["comps"]), ["c1"], "{} components", keys(&c1["comps"]).len());
    let maint = c1["maint"].as_array().unwrap();
    assert_eq!(maint.len(), 1, "{c1}");
    assert_eq!(maint[0]["id"], "2026-11-20-work");
    assert_eq!(maint[0]["status"], "in_progress");
    assert_eq!(keys(&maint[0]["comps"]), ["c1"], "only the page's component");

    let c5 = state(&states, "components/c5/index.html");
    assert_eq!(keys(&c5["comps"]), ["c5"]);
    assert_eq!(c5["maint"], serde_json::json!([]), "no maintenance touches c5");

    let work = state(&states, "maintenance/2026-11-20-work/index.html");
    assert_eq!(work["maint"].as_array().unwrap().len(), 1, "its own badge moves on");
    assert_eq!(work["comps"], serde_json::json!({}), "it shows no component's status");

    // Pages without live state carry the time of their own last change,
    // or none, and no staleness: a rebuild leaves their bytes alone.
    let resolved = state(&states, "incidents/2026-11-01-ok/index.html");
    assert_eq!(keys(resolved), ["built", "comps", "maint", "zone"], "{resolved}");
    assert_eq!(resolved["built"], "2026-11-01T11:00:00Z", "its resolving update");
    assert_eq!(keys(state(&states, "404.html")), ["comps", "maint", "zone"]);
    // November lists the maintenance in progress: live.
    let fixed = ["incidents/2026-11-01-ok/index.html"];
    for (path, s) in &states {
        let live = !fixed.contains(&path.as_str()) && path != "404.html" && path != "embed.html";
        if live {
            assert_eq!(s["built"], "2026-11-20T15:00:00Z", "{path}");
            assert!(s["ongoing"].is_boolean() && s["base"].is_string(), "{path}: {s}");
            assert!(s["stale"].is_i64(), "{path}: {s}");
        } else {
            assert!(s.get("stale").is_none() && s.get("ongoing").is_none(), "{path}: {s}");
        }
        if !path.starts_with("components/") && path != "index.html" {
            assert_eq!(s["comps"], serde_json::json!({}), "{path} shows no component's status");
        }
    }
}

#[test]
fn a_component_pages_state_does_not_grow_with_the_other_components() {
    let small = states(20);
    let large = states(400);
    for path in [
        "components/c5/index.html",
        "components/c1/index.html",
        "incidents/2026-11-01-ok/index.html",
    ] {
        let (a, b) = (state(&small, path).to_string(), state(&large, path).to_string());
        assert!(
            a == b,
            "{path}: the same state whatever the number of other components: {} bytes with 20 more, {} with 400",
            a.len(),
            b.len()
        );
    }
    let size = |states: &[(String, Value)]| states.iter().map(|(_, s)| s.to_string().len()).sum::<usize>();
    let (small_pages, large_pages) = (small.len(), large.len());
    // 20 times the components: the states together grow about 20 times
    // (the status page and one page per component), not 400 times.
    assert!(
        size(&large) * small_pages < size(&small) * large_pages * 3,
        "{} bytes of state in {large_pages} pages against {} in {small_pages}",
        size(&large),
        size(&small)
    );
}
