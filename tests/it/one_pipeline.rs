//! `build`, `check`, `serve` and `notify` see the same site at the same
//! reference time (`allclear::pipeline::prepare`), run as the real binary
//! on one site: an ongoing incident whose latest update is at `now` and
//! whose resolving update is dated after it, and an incident that starts
//! after `now`. Cut at `now`, the page is `major` with the first incident
//! ongoing; without the cut it would be `critical` (the later incident) or
//! show the first resolved.
//!
//! - The site's own `index.html` prints a digest of what the templates are
//!   given (status, ongoing incidents, component statuses); a copy whose
//!   `index.html` throws the digest as an error shows what `check` (which
//!   renders into no output) and `build` were given.
//! - `serve` answers the status page and the API with the bytes `build`
//!   writes for the same base URL.
//! - `notify` posts the update at `now` with the incident object and page
//!   status of `build`'s API files.

use crate::{notify_support, serve_harness};
use std::fs;
use std::path::Path;

use crate::common::{NOW, allclear, build_pinned, copy_tree, fixture, git};
use serde_json::Value;

/// An ongoing incident: its latest published update is at `NOW`; the one
/// that resolves it is dated an hour later.
const ONGOING: &str = "---
title: Elevated API errors
impact: major
components:
  api: partial_outage
updates:
  - at: 2026-11-20T14:00:00Z
    status: investigating
    message: We are seeing errors on the API.
  - at: 2026-11-20T15:00:00Z
    status: identified
    message: A bad deploy; rolling back.
    next_update: 2026-11-20T15:30:00Z
  - at: 2026-11-20T16:00:00Z
    status: resolved
    message: Rolled back.
---
";

/// An incident that has not started at `NOW`.
const LATER: &str = "---
title: Database down
impact: critical
components:
  db: major_outage
updates:
  - at: 2026-11-21T09:00:00Z
    status: investigating
    message: The database is down.
---
";

/// The updates dated after `NOW`: (file, line of their `at`).
const HIDDEN: [(&str, usize); 2] = [("incidents/2026-11-20-api.md", 14), ("incidents/2026-11-21-db.md", 7)];

/// What the templates are given, as one line.
const DIGEST: &str = "{% set digest %}{{ status.indicator }} {{ status.description }};\
{% for e in ongoing %} {{ e.id }}={{ e.status.key }}@{{ e.latest.at.iso }}{% endfor %};\
{% for g in groups %}{% for c in g.components %} {{ c.id }}={{ c.status.key }}{% endfor %}{% endfor %}; \
upcoming={{ upcoming_maintenance | length }}{% endset %}";

/// The digest of the site at `NOW`, cut: the resolving update and the
/// later incident are not published yet.
const EXPECTED: &str = "major Partial System Outage; 2026-11-20-api=identified@2026-11-20T15:00:00Z; \
api=partial_outage web=operational db=operational; upcoming=1";

/// A git repository whose `status/` folder holds the base site (first
/// commit), then the two incidents and the digest template (second
/// commit). Returns (temp dir, site).
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let site = repo.join("status");
    copy_tree(&fixture("base-site"), &site);
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    fs::write(site.join("incidents/2026-11-20-api.md"), ONGOING).unwrap();
    fs::write(site.join("incidents/2026-11-21-db.md"), LATER).unwrap();
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(
        site.join("templates/index.html"),
        format!("{DIGEST}<!DOCTYPE html>\n<html><body><pre id=\"digest\">{{{{ digest }}}}</pre></body></html>\n"),
    )
    .unwrap();
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "incidents"]);
    (tmp, site)
}

/// The digest on a status page.
fn digest_of_page(html: &str) -> &str {
    let start = html
        .find("<pre id=\"digest\">")
        .unwrap_or_else(|| panic!("no digest in\n{html}"))
        + 17;
    let end = start + html[start..].find("</pre>").unwrap();
    &html[start..end]
}

/// The digest in an error message (the throwing template's).
fn digest_of_error(text: &str) -> &str {
    let start = text.find("<<").unwrap_or_else(|| panic!("no thrown digest in\n{text}")) + 2;
    let end = start + text[start..].find(">>").unwrap();
    &text[start..end]
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn build_check_serve_and_notify_see_the_same_snapshot() {
    let (tmp, site) = site();

    // build: the page's digest, and the API.
    let out = tmp.path().join("out");
    let built = build_pinned(&site, Some(&out)).output().unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(digest_of_page(&index), EXPECTED);
    let summary = read_json(&out.join("api/v2/summary.json"));
    assert_eq!(summary["status"]["indicator"], "major");
    let ids: Vec<&str> = summary["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["Elevated API errors"], "the unresolved incidents at NOW");
    // The updates the cut hid are warned about, where they are written.
    let warned = String::from_utf8_lossy(&built.stderr);
    for (file, line) in HIDDEN {
        assert!(
            warned.contains(&format!("{file}:{line}:9: this update is dated")),
            "{file}:{line} in\n{warned}"
        );
    }
    assert!(warned.contains("Built 2 incidents"), "{warned}");

    // check: the same hidden updates, and the same digest from the throwing
    // copy, which `build` reports alike.
    let checked = allclear()
        .current_dir(&site)
        .arg("check")
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        checked.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    let findings: Vec<allclear::check::Finding> = serde_json::from_slice(&checked.stdout).unwrap();
    let hidden: Vec<(&str, usize)> = findings
        .iter()
        .filter(|f| f.code == "update-in-future")
        .map(|f| (f.file.as_str(), f.line))
        .collect();
    assert_eq!(hidden, HIDDEN);
    let throwing = tmp.path().join("throwing");
    copy_tree(&site, &throwing);
    fs::write(
        throwing.join("templates/index.html"),
        format!("{DIGEST}{{{{ throw(message=\"<<\" ~ digest ~ \">>\") }}}}\n"),
    )
    .unwrap();
    let checked = allclear()
        .current_dir(&throwing)
        .arg("check")
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(1));
    let findings: Vec<allclear::check::Finding> = serde_json::from_slice(&checked.stdout).unwrap();
    let error = findings
        .iter()
        .find(|f| f.severity == "error")
        .expect("the template's error");
    assert_eq!(digest_of_error(&error.message), EXPECTED);
    let failed = build_pinned(&throwing, Some(&tmp.path().join("not-written")))
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(digest_of_error(&String::from_utf8_lossy(&failed.stderr)), EXPECTED);

    // serve: the bytes `build` writes for serve's own address.
    let server = serve_harness::Server::start(&site, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let local = tmp.path().join("local");
    build_pinned(&site, Some(&local))
        .args(["--base-url", &base])
        .assert()
        .success();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(digest_of_page(&page.body), EXPECTED);
    for file in [
        "api/v2/summary.json",
        "api/v2/incidents.json",
        "api/v2/components.json",
        "api/allclear/next-change.json",
    ] {
        let served = server.get(&format!("/{file}"));
        assert_eq!(served.status, 200, "{file}");
        assert_eq!(
            served.body,
            fs::read_to_string(local.join(file)).unwrap(),
            "{file} as served and as built"
        );
    }
    drop(server);

    // notify: the update at NOW goes out with build's incident object and
    // page status (a dry run prints each body after a `POST` line).
    let notified = notify_support::notify(
        &site,
        &[
            "--since",
            "HEAD~1",
            "--webhook",
            "https://hooks.example/status",
            "--dry-run",
        ],
    )
    .output()
    .unwrap();
    assert!(notified.status.success(), "{}", notify_support::stderr(&notified));
    let stdout = String::from_utf8(notified.stdout).unwrap();
    let bodies: Vec<Value> = stdout
        .split("\nPOST ")
        .filter_map(|block| block.split_once('\n'))
        .map(|(_, json)| serde_json::from_str(json.trim()).unwrap_or_else(|e| panic!("{e}:\n{json}")))
        .collect();
    assert_eq!(
        bodies.len(),
        2,
        "the two published updates, not the later ones:\n{stdout}"
    );
    let at_now = bodies
        .iter()
        .find(|b| b["incident"]["incident_updates"][0]["status"] == "identified")
        .expect("the update at NOW was posted");
    let incidents = read_json(&out.join("api/v2/incidents.json"));
    let built_incident = incidents["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "Elevated API errors")
        .unwrap();
    assert_eq!(&at_now["incident"], built_incident);
    assert_eq!(at_now["page"]["status_indicator"], summary["status"]["indicator"]);
    assert_eq!(at_now["page"]["status_description"], summary["status"]["description"]);
}
