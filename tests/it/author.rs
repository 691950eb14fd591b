//! The authoring commands on temporary copies of fixture sites: what they
//! write, byte for byte, and what they refuse.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{NOW, allclear, copy_tree, fixture};

fn base_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    (tmp, site)
}

fn run(site: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    allclear()
        .arg("--site")
        .arg(site)
        .args(args)
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .assert()
}

#[test]
fn init_makes_a_site_that_builds_right_away() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("status");
    allclear()
        .arg("init")
        .arg(&dir)
        .args(["--title", "Acme: Status", "--base-url", "https://status.acme.example"])
        .assert()
        .success();
    for file in [
        "site.yaml",
        "incidents/.gitkeep",
        "maintenance/.gitkeep",
        ".gitignore",
        ".github/workflows/status.yml",
        ".gitlab-ci.yml",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let site_yaml = fs::read_to_string(dir.join("site.yaml")).unwrap();
    assert!(site_yaml.contains("title: 'Acme: Status'"), "{site_yaml}");
    assert!(site_yaml.contains("group: Core services"));
    assert!(
        site_yaml.lines().filter(|l| l.starts_with('#')).count() >= 5,
        "commented"
    );
    for ci in [".github/workflows/status.yml", ".gitlab-ci.yml"] {
        let text = fs::read_to_string(dir.join(ci)).unwrap();
        let _: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{ci}: {e}"));
        // The release binary or image, checked in detail in tests/it/init.rs.
        assert!(text.contains("allclear-dev/allclear"), "{ci} installs allclear");
    }
    assert!(fs::read_to_string(dir.join(".gitignore")).unwrap().contains("/public/"));

    allclear()
        .arg("build")
        .arg(&dir)
        .args(["--now", NOW])
        .assert()
        .success();
    assert!(
        fs::read_to_string(dir.join("public/index.html"))
            .unwrap()
            .contains("All Systems Operational")
    );
    // What the build wrote (the output and its lock file) is ignored by git.
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    let untracked = git(&["status", "--porcelain", "--untracked-files=all"]);
    let mut untracked: Vec<&str> = untracked.lines().collect();
    untracked.sort();
    assert_eq!(
        untracked,
        [
            "?? .github/workflows/status.yml",
            "?? .gitignore",
            "?? .gitlab-ci.yml",
            "?? incidents/.gitkeep",
            "?? maintenance/.gitkeep",
            "?? site.yaml"
        ]
    );
    allclear()
        .arg("check")
        .arg(&dir)
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .success();
    allclear()
        .arg("init")
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not empty"));
}

#[test]
fn new_incident_writes_a_first_update_at_now() {
    let (_tmp, site) = base_site();
    run(
        &site,
        &[
            "new",
            "incident",
            "Elevated API errors: EU",
            "--impact",
            "major",
            "--component",
            "api=partial_outage",
            "--component",
            "web=degraded_performance",
            "--message",
            "We are seeing errors and are investigating.",
            "--next-update",
            "30m",
            "--now",
            "2026-11-20T14:03:00Z",
        ],
    )
    .success()
    .stdout(format!(
        "{}\n",
        site.join("incidents/2026-11-20-elevated-api-errors-eu.md").display()
    ));
    let text = fs::read_to_string(site.join("incidents/2026-11-20-elevated-api-errors-eu.md")).unwrap();
    assert_eq!(
        text,
        "---\ntitle: 'Elevated API errors: EU'\nimpact: major\ncomponents:\n  api: partial_outage\n  web: degraded_performance\nupdates:\n  - at: 2026-11-20T15:03:00+01:00\n    status: investigating\n    message: We are seeing errors and are investigating.\n    next_update: 2026-11-20T15:33:00+01:00\n---\n"
    );
    // The same title on the same day gets a new id.
    run(
        &site,
        &[
            "new",
            "incident",
            "Elevated API errors: EU",
            "--impact",
            "minor",
            "-m",
            "Again.",
            "--now",
            "2026-11-20T18:00:00Z",
        ],
    )
    .success();
    assert!(site.join("incidents/2026-11-20-elevated-api-errors-eu-2.md").is_file());

    allclear()
        .arg("build")
        .arg(&site)
        .args(["--now", "2026-11-20T15:00:00Z"])
        .assert()
        .success();
    let index = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(index.contains("Elevated API errors: EU"));
    assert!(
        index.contains(r#"<time datetime="2026-11-20T14:33:00Z">"#),
        "the promised update is on the page"
    );
}

#[test]
fn update_keeps_comments_and_formatting_byte_for_byte() {
    let (_tmp, site) = base_site();
    let path = site.join("incidents/2026-11-20-checkout.md");
    let original = fs::read_to_string(fixture("commented-incident.md")).unwrap();
    fs::write(&path, &original).unwrap();
    run(
        &site,
        &[
            "update",
            "2026-11-20-checkout",
            "--status",
            "identified",
            "--message",
            "A bad deploy.\n\nWe are rolling it back.",
            "--component",
            "api=degraded_performance",
            "--next-update",
            "2026-11-20 16:30",
            "--now",
            "2026-11-20T14:25:00Z",
        ],
    )
    .success();
    let expected = original.replace(
        "        # A comment inside the list stays where it is.\n",
        "        # A comment inside the list stays where it is.\n    -   at: 2026-11-20T15:25:00+01:00\n        status: identified\n        message: |\n          A bad deploy.\n\n          We are rolling it back.\n        next_update: 2026-11-20T16:30:00+01:00\n        components:\n          api: degraded_performance\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    run(
        &site,
        &[
            "resolve",
            "2026-11-20-checkout",
            "--message",
            "Fixed: the deploy is rolled back.",
            "--now",
            "2026-11-20T15:00:00Z",
        ],
    )
    .success();
    let resolved = fs::read_to_string(&path).unwrap();
    assert!(resolved.starts_with(&expected[..expected.find("# A comment after").unwrap()]));
    assert!(resolved.contains("    -   at: 2026-11-20T16:00:00+01:00\n        status: resolved\n        message: 'Fixed: the deploy is rolled back.'\n# A comment after the list"));
    assert!(resolved.ends_with("## Notes\n\nA body that must stay.\n"));
    allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", "2026-11-20T15:00:00Z", "--deny-warnings"])
        .assert()
        .success();
}

#[test]
fn maintenance_is_scheduled_updated_and_completed() {
    let (_tmp, site) = base_site();
    run(
        &site,
        &[
            "new",
            "maintenance",
            "Database upgrade",
            "--from",
            "2026-12-02 02:00",
            "--until",
            "2026-12-02 04:00",
            "--component",
            "db",
            "--component",
            "api",
            "-m",
            "The API may be read-only.",
            "--now",
            NOW,
        ],
    )
    .success();
    // Named by the window's day, not by today's (issue 12, item 9).
    assert!(!site.join("maintenance/2026-11-20-database-upgrade.md").exists());
    let path = site.join("maintenance/2026-12-02-database-upgrade.md");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "---\ntitle: Database upgrade\ncomponents: [db, api]\nscheduled_for: 2026-12-02T02:00:00+01:00\nscheduled_until: 2026-12-02T04:00:00+01:00\nupdates:\n  - at: 2026-11-20T16:00:00+01:00\n    status: scheduled\n    message: The API may be read-only.\n---\n"
    );
    // The base site's maintenance has no `updates:` yet; resolving adds it.
    run(
        &site,
        &[
            "update",
            "2026-12-01-ok",
            "--status",
            "in_progress",
            "-m",
            "Started.",
            "--now",
            "2026-12-01T02:00:00Z",
        ],
    )
    .success();
    run(
        &site,
        &[
            "resolve",
            "2026-12-01-ok",
            "-m",
            "Done.",
            "--now",
            "2026-12-01T03:30:00Z",
        ],
    )
    .success();
    let yaml = fs::read_to_string(site.join("maintenance/2026-12-01-ok.yaml")).unwrap();
    assert!(yaml.ends_with("updates:\n  - at: 2026-12-01T03:00:00+01:00\n    status: in_progress\n    message: Started.\n  - at: 2026-12-01T04:30:00+01:00\n    status: completed\n    message: Done.\n"), "{yaml}");
    allclear()
        .arg("build")
        .arg(&site)
        .args(["--now", "2026-12-01T05:00:00Z"])
        .assert()
        .success();
}

/// The window's day is the site's (Europe/Berlin here, +01:00 in
/// December), not UTC's: 23:30 UTC on Dec 1 is already Dec 2 on the page.
#[test]
fn a_maintenance_file_is_dated_by_the_windows_day_in_the_sites_zone() {
    let (_tmp, site) = base_site();
    run(
        &site,
        &[
            "new",
            "maintenance",
            "Late night",
            "--from",
            "2026-12-01T23:30:00Z",
            "--until",
            "2026-12-02T01:00:00Z",
            "--component",
            "db",
            "-m",
            "",
            "--now",
            NOW,
        ],
    )
    .success();
    assert!(site.join("maintenance/2026-12-02-late-night.md").is_file());
}

#[test]
fn messages_can_come_from_standard_input() {
    let (_tmp, site) = base_site();
    allclear()
        .args(["--site"])
        .arg(&site)
        .args([
            "update",
            "2026-11-01-ok",
            "--status",
            "monitoring",
            "--now",
            "2026-11-01T12:00:00Z",
        ])
        .env_remove("EDITOR")
        .write_stdin("Watching the fix.\n")
        .assert()
        .success();
    assert!(
        fs::read_to_string(site.join("incidents/2026-11-01-ok.md"))
            .unwrap()
            .contains("message: Watching the fix.\n")
    );
    allclear()
        .args(["--site"])
        .arg(&site)
        .args(["update", "2026-11-01-ok", "--status", "resolved"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("standard input was empty"));
}

#[test]
fn mistakes_are_refused_and_nothing_is_written() {
    let (_tmp, site) = base_site();
    let path = site.join("incidents/2026-11-01-ok.md");
    let before = fs::read_to_string(&path).unwrap();
    run(
        &site,
        &["update", "2026-11-01-okk", "--status", "monitoring", "-m", "x"],
    )
    .code(2)
    .stderr(predicates::str::contains("did you mean: 2026-11-01-ok"));
    // Not a status at all: clap lists every one (ValueEnum).
    run(&site, &["update", "2026-11-01-ok", "--status", "fixed", "-m", "x"])
        .code(2)
        .stderr(predicates::str::contains(
            "invalid value 'fixed' for '--status <STATUS>'\n  [possible values: investigating, identified, monitoring, resolved, scheduled, in_progress, verifying, completed]",
        ));
    // A maintenance's status for an incident: the incident's four.
    run(
        &site,
        &["update", "2026-11-01-ok", "--status", "in_progress", "-m", "x"],
    )
    .code(2)
    .stderr(predicates::str::contains(
        "`in_progress` is not an incident status\n  = help: one of: investigating, identified, monitoring, resolved",
    ));
    run(
        &site,
        &[
            "update",
            "2026-11-01-ok",
            "--status",
            "identified",
            "--component",
            "apii=major_outage",
            "-m",
            "x",
        ],
    )
    .code(2)
    .stderr(predicates::str::contains("did you mean `api`?"));
    run(
        &site,
        &[
            "update",
            "2026-11-01-ok",
            "--status",
            "identified",
            "--next-update",
            "soonish",
            "-m",
            "x",
        ],
    )
    .code(2);
    run(&site, &["update", "2026-12-01-ok", "--status", "identified", "-m", "x"])
        .code(2)
        .stderr(predicates::str::contains("not a maintenance status"));
    // An update dated before the incident started would not build: refused.
    let started = before.replace(
        "title: A valid incident",
        "title: A valid incident\nstarted: 2026-11-01T09:00:00Z",
    );
    fs::write(&path, &started).unwrap();
    run(
        &site,
        &[
            "update",
            "2026-11-01-ok",
            "--status",
            "identified",
            "-m",
            "x",
            "--now",
            "2026-11-01T08:00:00Z",
        ],
    )
    .code(1)
    .stderr(predicates::str::contains("before the incident `started`"))
    .stderr(predicates::str::contains("Nothing was written"));
    assert_eq!(fs::read_to_string(&path).unwrap(), started);
    run(&site, &["new", "incident", "X", "--impact", "huge", "-m", "x"])
        .code(2)
        .stderr(predicates::str::contains(
            "invalid value 'huge' for '--impact <IMPACT>'\n  [possible values: none, minor, major, critical]",
        ));
    run(
        &site,
        &[
            "new",
            "maintenance",
            "X",
            "--from",
            "2h",
            "--until",
            "1h",
            "--component",
            "db",
            "-m",
            "x",
        ],
    )
    .code(2);
    let names: Vec<_> = fs::read_dir(site.join("incidents"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no new or temporary files: {names:?}");
}

/// Offsets from now are humantime durations: `1h30m` and `1h 30m` mean 90
/// minutes, `2h` two hours; one without a unit (`30`) or with an unknown
/// one is refused naming the flag, with examples, and nothing is written.
#[test]
fn offsets_from_now_are_durations() {
    let (_tmp, site) = base_site();
    let path = site.join("incidents/2026-11-01-ok.md");
    for (offset, written) in [
        ("1h30m", "17:30:00+01:00"),
        ("+1h 30m", "17:30:00+01:00"),
        ("2h", "18:00:00+01:00"),
    ] {
        run(
            &site,
            &[
                "update",
                "2026-11-01-ok",
                "--status",
                "monitoring",
                "--next-update",
                offset,
                "-m",
                "x",
                "--now",
                NOW,
            ],
        )
        .success();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.trim_end()
                .ends_with(&format!("next_update: 2026-11-20T{written}\n---")),
            "{offset}: {text}"
        );
    }
    let before = fs::read_to_string(&path).unwrap();
    for (offset, says) in [("30", "time unit needed"), ("2x", "unknown time unit")] {
        run(
            &site,
            &[
                "update",
                "2026-11-01-ok",
                "--status",
                "monitoring",
                "--next-update",
                offset,
                "-m",
                "x",
                "--now",
                NOW,
            ],
        )
        .code(2)
        .stderr(predicates::str::contains(format!(
            "--next-update: `{offset}` is not an offset from now: {says}"
        )))
        .stderr(predicates::str::contains(
            "write an offset like `--next-update 30m`, `--next-update 1h30m`",
        ));
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}
