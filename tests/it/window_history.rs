//! `allclear check` warns (`window-edited`) when a maintenance window
//! differs from the one at git's `HEAD` without a rescheduling update
//! (issue 12, item 6). Real git repositories in temporary folders, the
//! site in a sub-folder of the repository, the real binary.

use crate::common;

use common::git;

use std::fs;
use std::path::{Path, PathBuf};

use common::{NOW, allclear, copy_tree, example_site};

const DB: &str = "2026-12-01-database-upgrade";
const DB_FILE: &str = "maintenance/2026/12/2026-12-01-database-upgrade.yaml";
const JOBS_FILE: &str = "maintenance/2026/11/2026-11-24-jobs-scheduler-migration.md";

/// A repository holding the example site in `status/`, committed.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let site = repo.join("status");
    copy_tree(&example_site(), &site);
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "site"]);
    (tmp, site)
}

/// `check --format json`: the `window-edited` findings as (file, line, message).
fn window_warnings(site: &Path) -> Vec<(String, usize, String)> {
    let out = allclear()
        .arg("check")
        .arg(site)
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    findings
        .iter()
        .filter(|f| f["code"] == "window-edited")
        .map(|f| {
            assert_eq!(f["severity"], "warning");
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap() as usize,
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {file}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_window_edited_in_place_warns_and_a_reschedule_does_not() {
    let (_tmp, site) = repo();
    assert_eq!(window_warnings(&site), []);

    edit(
        &site,
        DB_FILE,
        "scheduled_for: 2026-12-01T02:00:00Z",
        "scheduled_for: 2026-12-01T03:00:00Z",
    );
    let found = window_warnings(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    let (file, line, message) = &found[0];
    assert!(file.ends_with(DB_FILE), "{file}");
    assert_eq!(*line, 3, "the scheduled_for line");
    assert!(
        message.contains("Dec 1, 2026 03:00 CET – Dec 1, 2026 05:00 CET at HEAD"),
        "{message}"
    );
    // The human output gives the command that records the move.
    allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", NOW])
        .assert()
        .success()
        .stderr(predicates::str::contains(format!(
            "allclear reschedule {DB} --from \"2026-12-01T04:00:00+01:00\" --until \"2026-12-01T05:00:00+01:00\""
        )));
    // --deny-warnings makes it fail CI.
    allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .code(1);

    // Put it back and reschedule the right way: no warning, committed or not.
    edit(
        &site,
        DB_FILE,
        "scheduled_for: 2026-12-01T03:00:00Z",
        "scheduled_for: 2026-12-01T02:00:00Z",
    );
    allclear()
        .args(["--site"])
        .arg(&site)
        .args([
            "--now",
            NOW,
            "reschedule",
            DB,
            "--from",
            "2026-12-01 04:00",
            "--until",
            "2026-12-01 06:00",
        ])
        .assert()
        .success();
    assert_eq!(window_warnings(&site), []);
    git(site.parent().unwrap(), &["commit", "-q", "-a", "-m", "reschedule"]);
    assert_eq!(window_warnings(&site), []);
}

#[test]
fn an_edited_or_removed_rescheduling_update_warns() {
    let (_tmp, site) = repo();
    edit(
        &site,
        JOBS_FILE,
        "    scheduled_until: 2026-12-08 04:00",
        "    scheduled_until: 2026-12-08 05:00",
    );
    let found = window_warnings(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.ends_with(JOBS_FILE) && found[0].1 == 22, "{found:?}");
    assert!(found[0].2.contains("gives another window than at HEAD"), "{found:?}");

    edit(
        &site,
        JOBS_FILE,
        "    scheduled_for: 2026-12-08 02:00\n    scheduled_until: 2026-12-08 05:00\n",
        "",
    );
    let found = window_warnings(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .2
            .contains("of Nov 19, 2026 10:00 CET no longer moves the window"),
        "{found:?}"
    );

    // The whole update removed.
    let path = site.join(JOBS_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("  - at: 2026-11-19T09:00:00Z").unwrap();
    fs::write(&path, format!("{}---\n", &text[..start])).unwrap();
    let found = window_warnings(&site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].2.contains("of Nov 19, 2026 10:00 CET is gone"), "{found:?}");
}

#[test]
fn no_warning_outside_git_or_for_a_new_entry() {
    // Outside a repository: the same edit says nothing.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    edit(
        &site,
        DB_FILE,
        "scheduled_for: 2026-12-01T02:00:00Z",
        "scheduled_for: 2026-12-01T03:00:00Z",
    );
    assert_eq!(window_warnings(&site), []);

    // A maintenance new since HEAD has no window to compare with.
    let (_tmp, site) = repo();
    let new = site.join("maintenance/2026-12-20-new.yaml");
    fs::write(
        &new,
        "title: New\ncomponents: [api]\nscheduled_for: 2026-12-20T02:00:00Z\nscheduled_until: 2026-12-20T03:00:00Z\n",
    )
    .unwrap();
    assert_eq!(window_warnings(&site), []);
    // A repository without commits neither.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    git(&site, &["init", "-q"]);
    assert_eq!(window_warnings(&site), []);
}

#[test]
fn a_comparison_that_cannot_be_made_is_a_warning_not_silence() {
    // HEAD holds a broken site (an unknown impact); the working tree is
    // fixed and moves a window in place. Nothing can be compared, and
    // `check` says so instead of saying nothing.
    let (_tmp, site) = repo();
    let repo = site.parent().unwrap().to_path_buf();
    let incident = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let good = fs::read_to_string(&incident).unwrap();
    assert!(good.contains("impact: "), "the example incident has an impact");
    let broken = good.replacen("impact: ", "impact: huge #", 1);
    fs::write(&incident, &broken).unwrap();
    git(&repo, &["commit", "-q", "-am", "broken"]);
    fs::write(&incident, &good).unwrap();
    edit(
        &site,
        DB_FILE,
        "scheduled_for: 2026-12-01T02:00:00Z",
        "scheduled_for: 2026-12-01T03:00:00Z",
    );
    let out = allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let unavailable: Vec<_> = findings
        .iter()
        .filter(|f| f["code"] == "window-history-unavailable")
        .collect();
    assert_eq!(unavailable.len(), 1, "{findings:#?}");
    assert_eq!(unavailable[0]["severity"], "warning");
    let message = unavailable[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "maintenance windows were not compared with git's HEAD: the site at HEAD does not load (1 error;"
        ),
        "{message}"
    );
    assert_eq!(window_warnings(&site), []);
}
