//! Exit codes are public interface (README, `allclear --help`; CI
//! pipelines branch on them): 0 success, 1 the site has errors (or
//! warnings with `--deny-warnings`) or something could not be done, 2 bad
//! usage. Each kind of failure is run here through the real binary, and
//! its exit code and what it printed are checked whole, so that a change
//! to how commands fail shows up as a diff of these expectations.

use crate::common;
use std::fs;
use std::net::TcpListener;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use crate::common::{NOW, allclear, copy_tree, fixture};
use crate::notify_support::{Server, notify, ok_except_fail, repo_with_updates};

/// Run `cmd`; assert its exit code and return its standard error with
/// `dir` written as `DIR`.
fn fails(cmd: &mut assert_cmd::Command, code: i32, dir: &Path) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    stderr.replace(&dir.display().to_string(), "DIR")
}

/// A copy of the base fixture in a temporary folder: (temp dir, site).
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    (tmp, site)
}

#[test]
fn a_folder_without_site_yaml_exits_1_and_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(
        allclear()
            .current_dir(tmp.path())
            .args(["build", "nosuch", "--out", "out", "--now", NOW]),
        1,
        tmp.path(),
    );
    assert_eq!(
        err,
        "error: nosuch/site.yaml: no site.yaml here: is this a site folder?\n  = help: a site folder holds site.yaml (title, base_url, components), incidents/ and maintenance/; see docs/content-format.md\n\nBuild failed: 1 error; the output folder was not changed\n"
    );
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn a_site_with_errors_exits_1_with_file_line_and_help() {
    let (tmp, site) = site();
    let entry = site.join("incidents/2026-11-01-ok.md");
    let text = fs::read_to_string(&entry).unwrap();
    assert!(text.contains("impact: "), "{text}");
    let broken: String = text
        .lines()
        .map(|l| if l.starts_with("impact: ") { "impact: majr" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&entry, broken + "\n").unwrap();
    let err = fails(allclear().arg("build").arg(&site).args(["--now", NOW]), 1, tmp.path());
    assert!(err.starts_with("error: DIR/site/incidents/2026-11-01-ok.md:"), "{err}");
    assert!(err.contains("majr"), "{err}");
    assert!(err.contains("help: "), "{err}");
    assert!(
        err.ends_with("\n\nBuild failed: 1 error; the output folder was not changed\n"),
        "{err}"
    );
    assert!(!site.join("public").exists());
}

#[test]
fn an_output_that_cannot_be_written_exits_1() {
    let (tmp, site) = site();
    let err = fails(
        allclear()
            .arg("build")
            .arg(&site)
            .arg("--out")
            .arg(site.join("incidents/out"))
            .args(["--now", NOW]),
        1,
        tmp.path(),
    );
    assert!(
        err.starts_with(
            "error: DIR/site/incidents/out: refusing to write the site into DIR/site/incidents/out: it is inside DIR/site/incidents,"
        ),
        "{err}"
    );
    assert!(err.contains("  = help: give --out a folder of its own"), "{err}");
    assert!(
        err.ends_with("\n\nBuild failed: 1 error; the output folder was not changed\n"),
        "{err}"
    );
}

#[test]
fn a_held_lock_exits_1() {
    let (tmp, site) = site();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.join(".public.allclear-lock"))
        .unwrap();
    fs4::FileExt::lock(&lock).unwrap();
    let err = fails(
        allclear()
            .arg("build")
            .arg(&site)
            .args(["--now", NOW, "--lock-timeout", "0"]),
        1,
        tmp.path(),
    );
    assert!(
        err.contains(
            "another allclear build is writing DIR/site/public (it holds the lock DIR/site/.public.allclear-lock); not waiting, as --lock-timeout is 0"
        ),
        "{err}"
    );
    assert!(err.contains("wait longer with --lock-timeout"), "{err}");
    assert!(
        err.ends_with("Build failed: 1 error; the output folder was not changed\n"),
        "{err}"
    );
    drop(lock);
}

#[test]
fn bad_arguments_exit_2_with_what_to_write_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let base = fixture("base-site");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["build", "--bogus"],
            "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: allclear build [OPTIONS] [SITE]\n\nFor more information, try '--help'.\n",
        ),
        (
            vec!["build", "--now", "yesterday"],
            "error: --now: --now `yesterday` is not an RFC 3339 time\n  = help: write it like `2026-11-20T15:00:00Z` or `2026-11-20T16:00:00+01:00` (seconds from 00 to 59)\n\n",
        ),
        (
            vec!["build", "a", "--site", "b"],
            "error: two site folders given: a and --site b; give one\n",
        ),
        (
            vec!["build", "--base-url", "ftp://x"],
            "error: --base-url: `ftp://x` is not an absolute URL\n  = help: write the full address the site is served from, like `https://status.example.com`\n\n",
        ),
        (
            vec!["build", "--lock-timeout", "soon"],
            "error: invalid value 'soon' for '--lock-timeout <DURATION>': expected number at 0; write a duration like `0`, `90s`, `10m` or `1h`\n\nFor more information, try '--help'.\n",
        ),
        (
            vec!["init", "x", "--site", "y"],
            "error: init takes the new folder as its argument, not --site: write `allclear init DIR`\n",
        ),
        (
            vec!["init", "x", "--now", NOW],
            "error: init writes no dated file, so --now means nothing to it: leave it out\n",
        ),
        (
            vec!["init", "x", "--base-url", "status.example.com"],
            "error: --base-url: `status.example.com` is not an absolute URL\n  = help: write the full address the site is served from, like `https://status.example.com`\n\n",
        ),
        (
            vec!["help", "nosuch"],
            "error: unrecognized subcommand 'nosuch'\n\nUsage: allclear [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n",
        ),
        (
            vec!["notify", "--since", "HEAD", "http://secret.example/abc/SECRET"],
            "error: unexpected argument `http://secret.example/abc/…`: give a webhook's URL with --webhook URL, and a Slack URL with --slack URL\n",
        ),
    ];
    for (args, expected) in cases {
        let err = fails(allclear().current_dir(tmp.path()).args(&args), 2, tmp.path());
        assert_eq!(err, expected, "allclear {args:?}");
    }
    assert!(!tmp.path().join("x").exists(), "a refused init wrote its folder");
    // The base fixture was not built either.
    assert!(!base.join("public").exists());
}

#[test]
fn bad_environment_variables_exit_2_naming_the_variable() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(
        allclear()
            .current_dir(tmp.path())
            .env("SOURCE_DATE_EPOCH", "abc")
            .arg("build")
            .arg(fixture("base-site"))
            .args(["--out", "out"]),
        2,
        tmp.path(),
    );
    assert_eq!(
        err,
        "error: SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH `abc` is not a whole number of seconds since 1970-01-01T00:00:00Z\n  = help: set it to an integer such as `1795791600`, or unset it\n\n"
    );
    assert!(!tmp.path().join("out").exists());
    // Not UTF-8: the same error, the value shown lossily.
    let err = fails(
        allclear()
            .env("SOURCE_DATE_EPOCH", std::ffi::OsStr::from_bytes(b"1\xff"))
            .arg("check")
            .arg(fixture("base-site")),
        2,
        tmp.path(),
    );
    assert!(
        err.starts_with("error: SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH `1\u{fffd}` is not a whole number of seconds"),
        "{err}"
    );
    // Empty is unset: the system clock.
    allclear()
        .env("SOURCE_DATE_EPOCH", "")
        .arg("check")
        .arg(fixture("base-site"))
        .assert()
        .success();
    // --now wins over the variable, bad or not.
    allclear()
        .current_dir(tmp.path())
        .env("SOURCE_DATE_EPOCH", "abc")
        .arg("build")
        .arg(fixture("base-site"))
        .args(["--out", "out", "--now", NOW])
        .assert()
        .success();
    // Commands that read no clock ignore it.
    allclear()
        .env("SOURCE_DATE_EPOCH", "abc")
        .args(["completions", "bash"])
        .assert()
        .success();

    let err = fails(
        allclear()
            .current_dir(tmp.path())
            .env("ALLCLEAR_NOTIFY_BACKOFF_MS", "x")
            .args(["notify", "--since", "HEAD"]),
        2,
        tmp.path(),
    );
    assert_eq!(
        err,
        "error: ALLCLEAR_NOTIFY_BACKOFF_MS `x` is not a whole number of milliseconds\n"
    );
}

#[test]
fn check_exits_1_on_errors_and_on_warnings_only_with_deny_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let check_site = fixture("check-site");
    let out = allclear()
        .arg("check")
        .arg(&check_site)
        .args(["--now", NOW])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = fails(
        allclear()
            .arg("check")
            .arg(&check_site)
            .args(["--now", NOW, "--deny-warnings"]),
        1,
        tmp.path(),
    );
    assert_eq!(err, String::from_utf8(out.stderr).unwrap(), "the same findings");
    assert!(
        err.ends_with(&format!("{}: 0 errors, 8 warnings\n", check_site.display())),
        "{err}"
    );
    // JSON on standard output; the exit code is the same.
    let out = allclear()
        .arg("check")
        .arg(&check_site)
        .args(["--now", NOW, "--deny-warnings", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 8);

    // A clean site passes --deny-warnings.
    allclear()
        .arg("check")
        .arg(fixture("base-site"))
        .args(["--now", NOW, "--deny-warnings"])
        .assert()
        .code(0);

    // Errors fail without it.
    let err = fails(
        allclear()
            .current_dir(tmp.path())
            .args(["check", "nosuch", "--now", NOW]),
        1,
        tmp.path(),
    );
    assert_eq!(
        err,
        "error: nosuch/site.yaml: no site.yaml here: is this a site folder?\n  = help: a site folder holds site.yaml (title, base_url, components), incidents/ and maintenance/; see docs/content-format.md\n\nnosuch: 1 error, 0 warnings\n"
    );
}

#[test]
fn serve_failures_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let err = fails(
        allclear().current_dir(tmp.path()).args(["serve", "nosuch"]),
        1,
        tmp.path(),
    );
    assert_eq!(err, "error: there is no site folder at nosuch\n");

    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let err = fails(
        allclear()
            .arg("serve")
            .arg(fixture("base-site"))
            .args(["--port", &port, "--now", NOW]),
        1,
        tmp.path(),
    );
    assert_eq!(
        err,
        format!(
            "error: cannot listen on 127.0.0.1:{port}: the port is in use (is another `allclear serve` running?); choose another with --port\n"
        )
    );
}

#[test]
fn authoring_failures_exit_2_for_arguments_and_1_for_the_site() {
    let (tmp, site) = site();
    let before = common::snapshot_tree(&site);
    let author = |args: &[&str]| {
        let mut cmd = allclear();
        cmd.arg("--site").arg(&site).args(["--now", NOW]).args(args);
        cmd
    };
    let usage: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["update", "nosuch", "--status", "identified", "-m", "hi"],
            "error: no incident or maintenance with the id `nosuch`\n  = help: the id is the entry's file name without the extension\n",
        ),
        (
            vec![
                "new",
                "incident",
                "X",
                "--impact",
                "major",
                "--component",
                "api=down",
                "-m",
                "hi",
            ],
            "error: `down` is not a component status here\n  = help: one of: degraded_performance, partial_outage, major_outage\n",
        ),
        (
            vec!["new", "incident", "", "--impact", "major", "-m", "hi"],
            "error: the title is empty\n  = help: say what users see, like \"Elevated error rates on the API\"\n",
        ),
        (
            vec!["new", "maintenance", "M", "--from", "2h", "--until", "1h", "-m", "hi"],
            "error: --until is not after --from\n  = help: the window starts 2026-11-20T18:00:00+01:00; give an end after it\n",
        ),
    ];
    for (args, expected) in usage {
        let err = fails(&mut author(&args), 2, tmp.path());
        assert_eq!(err, expected, "allclear {args:?}");
    }
    assert_eq!(common::snapshot_tree(&site), before, "a refused command wrote");

    // An edit that would break the site: exit 1, nothing written.
    fs::write(site.join("site.yaml"), "title: [\n").unwrap();
    let err = fails(
        &mut author(&["update", "2026-11-01-ok", "--status", "resolved", "-m", "hi"]),
        1,
        tmp.path(),
    );
    assert!(
        err.starts_with("error: DIR/site/site.yaml:2:1: this YAML cannot be read"),
        "{err}"
    );
    assert!(
        err.ends_with("\n\nNothing was written: the site would not build (see above)\n"),
        "{err}"
    );
}

#[test]
fn notify_exits_1_when_a_post_fails_and_2_for_bad_usage() {
    let (tmp, _repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let fail = server.url("/fail");
    let out = notify(&site, &["--since", "HEAD~1", "--webhook", &fail])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let last = err.lines().rfind(|l| l.starts_with("error: ")).unwrap();
    assert!(last.starts_with("error: 3 posts failed"), "{err}");

    let err = fails(
        &mut notify(&site, &["--since", "no-such-rev", "--webhook", &fail]),
        2,
        tmp.path(),
    );
    assert!(err.starts_with("error: `no-such-rev` is not a commit"), "{err}");
    let err = fails(&mut notify(&site, &["--since", "HEAD~1"]), 2, tmp.path());
    assert_eq!(
        err,
        "error: give at least one --webhook URL or --slack URL (or --dry-run to see what would be posted)\n"
    );

    // The site has errors: they are printed, then the count.
    fs::write(site.join("site.yaml"), "title: [\n").unwrap();
    let err = fails(&mut notify(&site, &["--since", "HEAD~1", "--dry-run"]), 1, tmp.path());
    assert!(
        err.starts_with("error: DIR/repo/status/site.yaml:2:1: this YAML cannot be read"),
        "{err}"
    );
    assert!(
        err.ends_with("\n\nerror: the site has 1 error; fix them before notifying\n"),
        "{err}"
    );
    assert_eq!(server.to("/fail").len(), 4, "only the first run posted");
}

#[test]
fn man_into_a_folder_that_cannot_be_made_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    fs::write(&file, "").unwrap();
    let err = fails(allclear().arg("man").arg("--out").arg(file.join("man1")), 1, tmp.path());
    assert!(
        err.starts_with("error: could not write the manual pages into DIR/file/man1: "),
        "{err}"
    );
}

#[test]
fn a_misspelt_impact_or_status_exits_2_suggesting_the_closest() {
    let (tmp, site) = site();
    let before = common::snapshot_tree(&site);
    for (args, wrong, right) in [
        (
            vec!["new", "incident", "X", "--impact", "majr", "-m", "hi"],
            "majr",
            "major",
        ),
        (
            vec!["update", "2026-11-01-ok", "--status", "identifed", "-m", "hi"],
            "identifed",
            "identified",
        ),
    ] {
        let err = fails(
            allclear().arg("--site").arg(&site).args(["--now", NOW]).args(&args),
            2,
            tmp.path(),
        );
        assert!(
            err.contains(&format!("'{wrong}'")) || err.contains(&format!("`{wrong}`")),
            "{err}"
        );
        assert!(
            err.contains(&format!("'{right}'")) || err.contains(&format!("`{right}`")),
            "{err}"
        );
    }
    assert_eq!(common::snapshot_tree(&site), before, "a refused command wrote");

    // The spaces around a value are trimmed, as they always were.
    allclear()
        .arg("--site")
        .arg(&site)
        .args([
            "--now", NOW, "new", "incident", "Spaced", "--impact", " minor ", "-m", "x",
        ])
        .assert()
        .success();
    allclear()
        .arg("--site")
        .arg(&site)
        .args([
            "--now",
            NOW,
            "update",
            "2026-11-20-spaced",
            "--status",
            "identified ",
            "-m",
            "y",
        ])
        .assert()
        .success();
    let written = fs::read_to_string(site.join("incidents/2026-11-20-spaced.md")).unwrap();
    assert!(written.contains("impact: minor\n"), "{written}");
    assert!(written.contains("status: identified\n"), "{written}");
}
