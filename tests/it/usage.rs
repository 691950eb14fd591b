//! Bad usage exits 2 with a message that names the flag or variable and
//! says what to write instead, before anything is built or written.

use crate::common;

use common::{allclear, fixture};

/// `allclear build` of the base fixture into a temporary folder with `args`
/// and `SOURCE_DATE_EPOCH` set as given; returns (exit code, stderr) and
/// asserts that nothing was written.
fn build(args: &[&str], epoch: Option<&str>) -> (Option<i32>, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut cmd = allclear();
    cmd.arg("build")
        .arg(fixture("base-site"))
        .arg("--out")
        .arg(&out)
        .args(args);
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !out.exists(),
        "{args:?} {epoch:?}: a refused build wrote output\n{stderr}"
    );
    (output.status.code(), stderr)
}

#[test]
fn a_bad_base_url_flag_is_bad_usage() {
    for url in [
        "not a url",
        "status.example.com",
        "ftp://status.example.com",
        "https://",
    ] {
        let (code, stderr) = build(&["--now", common::NOW, "--base-url", url], None);
        assert_eq!(code, Some(2), "--base-url {url:?}\n{stderr}");
        assert!(
            stderr.contains(&format!("error: --base-url: `{url}` is not an absolute URL")),
            "{stderr}"
        );
        assert!(stderr.contains("help: write the full address"), "{stderr}");
    }
}

#[test]
fn init_with_a_bad_base_url_is_bad_usage_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new-site");
    allclear()
        .arg("init")
        .arg(&dir)
        .args(["--base-url", "status.example.com"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error: --base-url: `status.example.com` is not an absolute URL",
        ));
    assert!(!dir.exists());
}

#[test]
fn a_reference_time_past_year_9999_is_refused() {
    // chrono writes these as `+10000-01-01T…`, which is not RFC 3339.
    for epoch in ["253402300800", "253402300799", "999999999999"] {
        let (code, stderr) = build(&[], Some(epoch));
        assert_eq!(code, Some(2), "SOURCE_DATE_EPOCH={epoch}\n{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH `{epoch}` is outside the times allclear can write"
            )),
            "{stderr}"
        );
        assert!(stderr.contains("RFC 3339"), "{stderr}");
    }
    // A four-digit year whose offset puts it in year 10000 in UTC, the
    // last day (whose next midnight may be in year 10000), and before 1970.
    for now in [
        "9999-12-31T23:59:59-01:00",
        "9999-12-31T12:00:00Z",
        "1969-12-31T23:59:59Z",
    ] {
        let (code, stderr) = build(&["--now", now], None);
        assert_eq!(code, Some(2), "--now {now}\n{stderr}");
        assert!(
            stderr.contains(&format!(
                "error: --now: --now `{now}` is outside the times allclear can write"
            )),
            "{stderr}"
        );
    }
    let (code, stderr) = build(&[], Some("-1"));
    assert_eq!(code, Some(2), "a negative SOURCE_DATE_EPOCH\n{stderr}");
}

/// At the last time accepted, every time written, the next midnight in
/// the site's zone included, is still RFC 3339.
#[test]
fn the_last_accepted_time_writes_rfc_3339_everywhere() {
    let latest = allclear::clock::LATEST;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    allclear()
        .arg("build")
        .arg(fixture("base-site"))
        .arg("--out")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", latest.timestamp().to_string())
        .assert()
        .success();
    let next: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("api/allclear/next-change.json")).unwrap()).unwrap();
    assert_eq!(
        next["generated_at"],
        latest.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    assert!(
        next["next_change"].as_str().is_some_and(|t| t.starts_with("9999-12-3")),
        "{next}"
    );
    for (path, bytes) in common::snapshot_tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("+10000"), "{}: a year past 9999", path.display());
    }
}
