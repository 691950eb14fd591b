//! `allclear import statuspage`: saved JSON folders, a page's URL (a
//! loopback server), second runs, edited entries, and the round trip of the
//! example site's own `/api/v2/` output.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/statuspage/folder")
}

fn import(source: &str, site: &Path) -> assert_cmd::Command {
    let mut cmd = common::allclear();
    cmd.args(["import", "statuspage", source, "--site"]).arg(site);
    cmd
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A loopback HTTP server answering each GET with `answer(path)` (status,
/// body) until the test ends. Returns its root URL.
fn serve(answer: impl Fn(&str) -> (u16, Vec<u8>) + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap() == 0 || h == "\r\n" {
                    break;
                }
            }
            let (status, body) = answer(&path);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    url
}

/// Serve the files of `dir` (404 for others).
fn serve_dir(dir: PathBuf) -> String {
    serve(move |path| match fs::read(dir.join(path.trim_start_matches('/'))) {
        Ok(bytes) => (200, bytes),
        Err(_) => (404, b"{}".to_vec()),
    })
}

#[test]
fn a_folder_import_builds_checks_and_maps_the_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = import(folder().to_str().unwrap(), &site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("2 components, 2 incidents, 6 updates and 1 maintenance"),
        "{err}"
    );
    assert!(err.contains("`verifying` written as `monitoring`"), "{err}");
    common::allclear().arg("check").arg(&site).assert().success();
    common::build_pinned(&site, Some(&tmp.path().join("out")))
        .assert()
        .success();
    let site_yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(site_yaml.contains("title: Acme Status"), "{site_yaml}");
    assert!(site_yaml.contains("    group: Core"), "{site_yaml}");
    assert!(site_yaml.contains("    start_date: 2026-02-01"), "{site_yaml}");
    // The duplicate with the newest updated_at (incidents/x0ljvc9m1wxj.json) wins.
    let api = fs::read_to_string(site.join("incidents/2026-10-05-api-outage.md")).unwrap();
    assert!(api.contains("source: statuspage:x0ljvc9m1wxj"), "{api}");
    assert!(api.contains("at: 2026-10-05T16:00:00-04:00"), "{api}");
    assert!(
        !site
            .join("incidents/2026-10-05-old-title-of-the-api-outage.md")
            .exists()
    );
    // HTML bodies became Markdown.
    assert!(api.contains("message: We are **investigating** errors."), "{api}");
    let slow = fs::read_to_string(site.join("incidents/2026-09-01-slow-website.md")).unwrap();
    assert!(slow.contains("The cache was *cold*."), "{slow}");
    assert!(!slow.contains("<p>"), "{slow}");
    assert!(slow.contains("postmortem_published_at: 2026-09-02T10:00:00Z"), "{slow}");
    assert!(slow.contains("    components:\n      website: operational"), "{slow}");
}

#[test]
fn a_second_run_changes_nothing_and_edited_entries_are_kept_until_force() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let src = folder();
    import(src.to_str().unwrap(), &site).assert().success();
    let before = common::snapshot_tree(&site);
    let out = import(src.to_str().unwrap(), &site).output().unwrap();
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("0 created, 0 updated, 3 unchanged, 0 kept"),
        "{}",
        stderr(&out)
    );
    assert_eq!(common::snapshot_tree(&site), before);
    // Without the ledger, the entries are found by their `source:` lines.
    fs::remove_file(site.join(".allclear-import.json")).unwrap();
    let out = import(src.to_str().unwrap(), &site).output().unwrap();
    assert!(
        stderr(&out).contains("0 created, 0 updated, 3 unchanged, 0 kept"),
        "{}",
        stderr(&out)
    );
    assert_eq!(common::snapshot_tree(&site), before);

    // A file the import did not write is never touched.
    let mine = site.join("incidents/2026-10-05-api-outage-notes.md");
    let my_text = "---\ntitle: API outage\nimpact: minor\ncomponents: {}\nupdates:\n  - at: 2026-10-05T18:00:00Z\n    status: resolved\n    message: Our own note.\n---\n";
    fs::write(&mine, my_text).unwrap();
    let edited = site.join("incidents/2026-10-05-api-outage.md");
    let text = fs::read_to_string(&edited)
        .unwrap()
        .replace("title: API outage", "title: API outage (edited)");
    fs::write(&edited, &text).unwrap();
    let out = import(src.to_str().unwrap(), &site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("was edited or deleted since the last import"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&edited).unwrap(), text);
    let out = import(src.to_str().unwrap(), &site).arg("--force").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read_to_string(&edited).unwrap().contains("title: API outage\n"));
    assert_eq!(fs::read_to_string(&mine).unwrap(), my_text);
}

#[test]
fn a_page_url_is_read_over_http_and_failures_name_the_url() {
    let tmp = tempfile::tempdir().unwrap();
    // The fixture folder as a page: summary.json is components.json's shape.
    let page = tmp.path().join("page/api/v2");
    fs::create_dir_all(&page).unwrap();
    let f = folder();
    fs::copy(f.join("components.json"), page.join("summary.json")).unwrap();
    fs::copy(f.join("components.json"), page.join("components.json")).unwrap();
    fs::copy(f.join("incidents.json"), page.join("incidents.json")).unwrap();
    fs::copy(
        f.join("scheduled-maintenances.json"),
        page.join("scheduled-maintenances.json"),
    )
    .unwrap();
    let url = serve_dir(tmp.path().join("page"));
    let site = tmp.path().join("site");
    let out = import(&url, &site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("newest 50 incidents"), "{}", stderr(&out));
    assert!(
        site.join("incidents/2026-10-05-old-title-of-the-api-outage.md")
            .exists()
    );
    common::allclear().arg("check").arg(&site).assert().success();

    let failing = serve(|_| (500, b"oops".to_vec()));
    let out = import(&failing, &tmp.path().join("s2")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{failing}/api/v2/summary.json")) && err.contains("HTTP 500"),
        "{err}"
    );
    assert!(!tmp.path().join("s2").exists());

    let garbage = serve(|_| (200, b"<html>".to_vec()));
    let out = import(&garbage, &tmp.path().join("s3")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not JSON"), "{}", stderr(&out));
}

#[test]
fn invalid_json_in_a_folder_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("incidents.json"), "{\"incidents\": [").unwrap();
    let out = import(src.to_str().unwrap(), &tmp.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("incidents.json:1:"), "{}", stderr(&out));
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Incidents' titles with their update times (UTC, sorted), components'
/// names with their statuses, and the page's status object.
type Facts = (Vec<(String, Vec<String>)>, Vec<(String, String)>, Value);

/// Titles with their start and update times, and component statuses, from an
/// `api/v2` folder; and the index's overall status.
fn facts(api: &Path) -> Facts {
    let times = |u: &Value| {
        chrono::DateTime::parse_from_rfc3339(u["display_at"].as_str().unwrap())
            .unwrap()
            .to_utc()
            .to_rfc3339()
    };
    let mut incidents: Vec<(String, Vec<String>)> = json(&api.join("incidents.json"))["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let mut t: Vec<String> = i["incident_updates"].as_array().unwrap().iter().map(times).collect();
            t.sort();
            // When it started, which may be before its first update.
            let started = chrono::DateTime::parse_from_rfc3339(i["started_at"].as_str().unwrap())
                .unwrap()
                .to_utc()
                .to_rfc3339();
            t.insert(0, format!("started {started}"));
            (i["name"].as_str().unwrap().to_string(), t)
        })
        .collect();
    incidents.sort();
    let components = json(&api.join("components.json"))["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (incidents, components, json(&api.join("status.json"))["status"].clone())
}

#[test]
fn the_example_sites_own_api_round_trips_as_a_folder_and_as_a_url() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    common::build_pinned(common::example_site(), Some(&first))
        .assert()
        .success();
    let expected = facts(&first.join("api/v2"));
    assert!(expected.0.len() > 20);
    let url = serve_dir(first.clone());
    for (name, source) in [("folder", first.join("api/v2").display().to_string()), ("url", url)] {
        let site = tmp.path().join(format!("site-{name}"));
        let out = import(&source, &site).output().unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let again = tmp.path().join(format!("again-{name}"));
        common::build_pinned(&site, Some(&again)).assert().success();
        assert_eq!(facts(&again.join("api/v2")), expected, "{name}");
    }
}

#[test]
fn into_an_existing_site_components_match_by_name_and_its_files_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::fixture("base-site"), &site);
    let before = common::snapshot_tree(&site);
    let out = import(folder().to_str().unwrap(), &site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // site.yaml and the site's own entry are as they were.
    for (path, bytes) in &before {
        assert_eq!(&fs::read(site.join(path)).unwrap(), bytes, "{}", path.display());
    }
    // "Website" is the base site's `web`, not a new component.
    let slow = fs::read_to_string(site.join("incidents/2026-09-01-slow-website.md")).unwrap();
    assert!(slow.contains("components:\n  web: degraded_performance"), "{slow}");
    common::allclear().arg("check").arg(&site).assert().success();
}

#[test]
fn a_folder_that_is_no_site_and_not_empty_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let out = import(folder().to_str().unwrap(), tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("has no site.yaml and is not empty"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn what_cannot_be_mapped_exactly_is_reported_with_its_id() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("one.json");
    fs::write(
        &src,
        r#"{"incident": {"id": "e1", "name": "", "impact": "minor", "started_at": "2026-03-01T10:00:00Z",
            "incident_updates": [
              {"id": "a", "status": "verifying", "body": "Checking.", "display_at": "2026-03-01T10:00:00Z",
               "affected_components": [{"code": "zz", "name": "Edge API", "old_status": "operational", "new_status": "partial_outage"}]},
              {"id": "b", "status": "resolved", "body": "Done.", "display_at": "2026-03-01T11:00:00Z"}]}}"#,
    )
    .unwrap();
    let site = tmp.path().join("site");
    let out = import(src.to_str().unwrap(), &site).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("(incident e1): no `name`: titled `Incident e1`"), "{err}");
    assert!(
        err.contains("(incident e1): update at 2026-03-01 10:00:00 +00:00: status `verifying` written as `monitoring`"),
        "{err}"
    );
    assert!(err.contains("made from the names its entries mention"), "{err}");
    let entry = fs::read_to_string(site.join("incidents/2026-03-01-incident-e1.md")).unwrap();
    assert!(entry.contains("components:\n  edge-api: partial_outage"), "{entry}");
    common::allclear().arg("check").arg(&site).assert().success();
}
