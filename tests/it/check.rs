//! `allclear check`: every warning, its exact JSON, and the exit codes.

use crate::common;

use std::fs;

use common::{NOW, allclear, copy_tree, example_site, fixture};

#[test]
fn finds_each_warning_with_exact_json() {
    let output = allclear()
        .current_dir(fixture("check-site"))
        .args(["check", "--now", "2026-11-20T16:00:00Z", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "warnings alone do not fail");
    let expected = fs::read_to_string(fixture("check-expected.json")).unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    let findings: Vec<allclear::check::Finding> = serde_json::from_str(&expected).unwrap();
    let mut codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "completed-before-window",
            "maintenance-overdue",
            "next-update-missing",
            "next-update-overdue",
            "ongoing-too-long",
            "operational-in-incident",
            "raw-html-allowed",
            "resolved-without-message",
            "update-in-future",
        ]
    );
}

#[test]
fn deny_warnings_fails_and_text_shows_lines() {
    allclear()
        .current_dir(fixture("check-site"))
        .args(["check", "--now", "2026-11-20T16:00:00Z", "--deny-warnings"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "warning: incidents/2026-11-20-overdue.md:10:18: the next update was promised for 15:30 UTC, 30 min ago",
        ))
        .stderr(predicates::str::contains(
            "help: post one now: allclear update 2026-11-20-overdue",
        ))
        .stderr(predicates::str::contains(
            "warning: maintenance/2026-11-25-completed-early.yaml:10:13: this update marks the maintenance completed on Nov 20, 2026 11:00 UTC, before its window starts on Nov 25, 2026 10:00 UTC; did you mean to cancel it?",
        ))
        .stderr(predicates::str::contains(
            "help: if it will not happen, add `cancelled: true` to this update; if the work was done early, give this update the window it really had (`scheduled_for:` and `scheduled_until:`)",
        ))
        .stderr(predicates::str::contains("0 errors, 9 warnings"));
}

#[test]
fn the_example_site_is_clean_at_its_pinned_time() {
    allclear()
        .arg("check")
        .arg(example_site())
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .success()
        .stderr(predicates::str::contains("0 errors, 0 warnings"));
}

#[test]
fn a_promise_is_overdue_from_its_very_minute_as_on_the_page() {
    // The example site's API incident promises its next update by 15:30Z;
    // the page built at 15:30Z says it is overdue, and so does check.
    allclear()
        .arg("check")
        .arg(example_site())
        .args(["--now", "2026-11-20T15:30:00Z"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "the next update was promised for 16:30 CET, 0 min ago",
        ));
}

#[test]
fn errors_fail_and_are_in_the_json_too() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::write(
        site.join("incidents/broken.md"),
        "---\ntitle: Broken\nimpact: huge\ncomponents: {}\nupdates: []\n---\n",
    )
    .unwrap();
    let output = allclear()
        .current_dir(&site)
        .args(["check", "--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let findings: Vec<allclear::check::Finding> = serde_json::from_slice(&output.stdout).unwrap();
    // Both mistakes of the file, not only the first (issue 12, item 10).
    assert_eq!(findings.len(), 2);
    let f = &findings[0];
    assert_eq!(
        (f.file.as_str(), f.line, f.column, f.severity.as_str()),
        ("incidents/broken.md", 3, 9, "error")
    );
    assert_eq!(f.message, "`huge` is not a valid value for `impact`");
    let f = &findings[1];
    assert_eq!((f.line, f.column), (5, 10));
    assert_eq!(f.message, "an incident needs at least one update");
}

#[test]
fn a_broken_template_is_an_error_for_check_as_for_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(site.join("templates/index.html"), "{{ nope(").unwrap();
    allclear().arg("check").arg(&site).args(["--now", NOW]).assert().code(1);
}

#[test]
fn bad_usage_exits_2() {
    allclear().args(["check", "--format", "xml"]).assert().code(2);
    allclear()
        .args(["check", "a", "--site", "b"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("two site folders"));
}

/// The `error: …` lines of `stderr`.
fn error_lines(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn static_files_that_clash_with_outputs_are_errors_for_check_as_for_build() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    let put = |path: &str| {
        let path = site.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "mine").unwrap();
    };
    put("static/history");
    put("static/index.html/notes.txt");
    put("static/api/v2/summary.json");
    put("static/badges/status.svg/x.svg");
    put("static/logo.png");
    let check = allclear()
        .current_dir(tmp.path())
        .args(["check", "site", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let want = [
        "error: site/static/api/v2/summary.json: would overwrite the generated `api/v2/summary.json`",
        "error: site/static/badges/status.svg: is a folder where allclear writes the file `badges/status.svg`",
        "error: site/static/history: is a file where allclear writes the folder `history/`, which holds `history/2026/11/index.html`",
        "error: site/static/index.html: is a folder where allclear writes the file `index.html`",
    ];
    assert_eq!(error_lines(&check.stderr), want);
    assert!(String::from_utf8_lossy(&check.stderr).contains("site: 4 errors, 0 warnings"));

    let build = allclear()
        .current_dir(tmp.path())
        .args(["build", "site", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(build.status.code(), Some(1));
    assert_eq!(error_lines(&build.stderr), want, "build reports what check does");
    assert!(!site.join("public").exists());
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(!stderr.contains("allclear-new"), "no staging path: {stderr}");

    // Without the clashes, the other static file is published.
    for path in ["static/history", "static/index.html", "static/api", "static/badges"] {
        let path = site.join(path);
        if path.is_dir() {
            fs::remove_dir_all(path).unwrap();
        } else {
            fs::remove_file(path).unwrap();
        }
    }
    allclear()
        .current_dir(tmp.path())
        .args(["build", "site", "--now", NOW])
        .assert()
        .success();
    assert_eq!(fs::read(site.join("public/logo.png")).unwrap(), b"mine");
}

/// `check` judges each entry as the page shows it at `now`: an update
/// dated later (here a `completed` at 18:00Z for a window that ended at
/// 12:00Z) hides nothing from the warnings until its time, as it changes
/// nothing on the page before then.
#[test]
fn an_update_dated_after_now_changes_no_warning_before_its_time() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("check-site"), &site);
    let file = site.join("maintenance/2026-11-20-window-over.yaml");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("  - at: 2026-11-20T18:00:00Z\n    status: completed\n    message: Done.\n");
    fs::write(&file, text).unwrap();
    let codes_at = |now: &str| -> Vec<(String, String)> {
        let output = allclear()
            .arg("check")
            .arg(&site)
            .args(["--now", now, "--format", "json"])
            .output()
            .unwrap();
        let findings: Vec<allclear::check::Finding> = serde_json::from_slice(&output.stdout).unwrap();
        findings
            .into_iter()
            .filter(|f| f.file.ends_with("2026-11-20-window-over.yaml"))
            .map(|f| (f.code, f.message))
            .collect()
    };
    let before = codes_at("2026-11-20T16:00:00Z");
    let codes: Vec<&str> = before.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["maintenance-overdue", "update-in-future"], "{before:?}");
    assert!(
        before[0].1.contains("ended Nov 20, 2026 12:00 UTC (4 h 00 min ago)"),
        "{before:?}"
    );
    assert_eq!(codes_at("2026-11-20T18:00:00Z"), [], "completed at 18:00Z");
}
