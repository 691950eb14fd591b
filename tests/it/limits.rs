//! Limits that keep a broken or hostile entry from exhausting the machine:
//! each is an error with the file (and line), never a hang or a crash.

use crate::common;

use std::fs;
use std::time::{Duration, Instant};

use common::{build_pinned, copy_tree, fixture};

fn site_with(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::write(site.join("incidents").join(name), text).unwrap();
    (tmp, site)
}

fn head() -> String {
    "title: Big\nimpact: minor\ncomponents: {}\nupdates:\n".to_string()
}

#[test]
fn an_entry_over_1_mib_is_refused_unread() {
    let mut text = head();
    text.push_str("  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: |\n");
    while text.len() < 1_100_000 {
        text.push_str("      A long line of text that goes on and on.\n");
    }
    let (_tmp, site) = site_with("big.yaml", &text);
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "big.yaml: this file is 1.0 MiB; an entry may be at most 1 MiB",
        ));
}

#[test]
fn a_message_over_64_kib_is_refused_at_its_line() {
    let message = "word ".repeat(14_000);
    let text = format!(
        "{}  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: {message}\n",
        head()
    );
    let (_tmp, site) = site_with("long.yaml", &text);
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "long.yaml:7:14: this text is 68 KiB; a message may be at most 64 KiB",
        ));
}

#[test]
fn more_than_ten_thousand_updates_are_refused_quickly() {
    let mut text = head();
    for i in 0..10_001 {
        text.push_str(&format!(
            "  - at: 2026-11-20T10:00:{:02}Z\n    status: investigating\n",
            i % 60
        ));
    }
    let (_tmp, site) = site_with("many.yaml", &text);
    let started = Instant::now();
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "many.yaml:4:1: 10001 updates; an entry may have at most 10,000",
        ));
    assert!(started.elapsed() < Duration::from_secs(30), "bounded work");
}

#[test]
fn yaml_alias_bombs_and_deep_nesting_fail_fast() {
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    bomb.push_str("title: *a9\nimpact: minor\ncomponents: {}\nupdates: []\n");
    let deep = format!("title: {}{}\nimpact: minor\n", "[".repeat(5000), "]".repeat(5000));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::write(site.join("incidents/bomb.yaml"), bomb).unwrap();
    fs::write(site.join("incidents/deep.yaml"), deep).unwrap();
    let started = Instant::now();
    build_pinned(&site, None)
        .assert()
        .code(1)
        // At the alias that would copy too much, and where the nesting
        // passes 128 levels.
        .stderr(predicates::str::contains(
            "incidents/bomb.yaml:4:30: aliases (`*name`) repeat the same nodes too many times",
        ))
        .stderr(predicates::str::contains(
            "incidents/deep.yaml:1:263: lists and mappings nest too deep here",
        ));
    assert!(started.elapsed() < Duration::from_secs(10), "no expansion blow-up");
}

#[cfg(unix)]
#[test]
fn links_leading_outside_the_site_are_never_published() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    let secret = tmp.path().join("secret.txt");
    fs::write(&secret, "password=hunter2\n").unwrap();
    fs::create_dir_all(site.join("static/docs")).unwrap();
    fs::write(site.join("static/inside.txt"), "public\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.join("static/secret.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.join("static/docs/passwd")).unwrap();
    std::os::unix::fs::symlink(site.join("static/inside.txt"), site.join("static/alias.txt")).unwrap();
    build_pinned(&site, None)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "static/secret.txt: symbolic link skipped: it leads outside the site folder",
        ))
        .stderr(predicates::str::contains(
            "static/docs/passwd: symbolic link skipped: it leads outside the site folder",
        ));
    let out = site.join("public");
    assert!(!out.join("secret.txt").exists() && !out.join("docs/passwd").exists());
    assert_eq!(
        fs::read_to_string(out.join("alias.txt")).unwrap(),
        "public\n",
        "a link inside the site is fine"
    );
    let all: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        !all.iter()
            .any(|text| text.contains("hunter2") || text.contains("root:x:0")),
        "no outside content anywhere"
    );
}

#[cfg(unix)]
#[test]
fn memory_stays_bounded_under_ulimit() {
    // An alias bomb, a 5,000-deep nesting and a 1 MiB file together, under
    // a 1 GiB address-space limit: the build reports errors and exits 1,
    // it does not abort for lack of memory.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 10].join(", ")
        ));
    }
    bomb.push_str("title: Bomb\nimpact: minor\ncomponents: {}\nupdates: *a9\n");
    fs::write(site.join("incidents/bomb.yaml"), bomb).unwrap();
    fs::write(
        site.join("incidents/deep.yaml"),
        format!(
            "title: x\nimpact: minor\ncomponents: {{}}\nupdates: {}{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        ),
    )
    .unwrap();
    fs::write(site.join("incidents/big.yaml"), "x".repeat(1_100_000)).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("allclear");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" build \"$1\" --now 2026-11-20T15:00:00Z")
        .arg(&binary)
        .arg(&site)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for file in ["bomb.yaml", "deep.yaml", "big.yaml"] {
        assert!(stderr.contains(&format!("incidents/{file}")), "{file}: {stderr}");
    }
}
