//! Builds into one output folder take turns: real `allclear build`
//! processes started together both succeed and the output always holds the
//! marker and every file; a build waits for the lock (or fails clearly
//! after `--lock-timeout`), never touches the staging folder of a build
//! that is still running, and removes what ended builds left.

#![cfg(unix)]

use crate::common;

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{NOW, build_pinned, example_site, snapshot_tree};
use predicates::prelude::PredicateBooleanExt;

/// A synthetic site of `incidents` incidents in `dir` (`cargo dev
/// gen-site`'s generator, seed 1).
fn generated_site(dir: &Path, incidents: usize) {
    allclear_dev::generate(
        dir,
        &allclear_dev::GenOptions {
            incidents,
            seed: 1,
            translations: false,
        },
    )
    .unwrap();
}

/// `allclear build SITE --out OUT --now NOW ARGS`, started, its standard
/// error piped.
fn spawn_build(site: &Path, out: &Path, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("allclear"))
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(["--now", NOW])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for `child`; its standard error, and whether it succeeded.
fn finish(mut child: Child) -> (String, bool) {
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    (stderr, child.wait().unwrap().success())
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The staging folders of builds into `parent/public`.
fn staging_folders(parent: &Path) -> Vec<String> {
    names(parent)
        .into_iter()
        .filter(|n| n.starts_with(".public.allclear-new-"))
        .collect()
}

/// Wait until `child`, a build into `parent/public`, has made its staging
/// folder: it is then writing, and holds the lock.
fn until_writing(parent: &Path, child: &mut Child) {
    while staging_folders(parent).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before its staging folder was seen"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Hold the lock of `parent/public` as a running build does (`flock`,
/// exclusive), until the file is dropped.
fn hold_lock(parent: &Path) -> File {
    let file = File::options()
        .append(true)
        .create(true)
        .open(parent.join(".public.allclear-lock"))
        .unwrap();
    fs4::FileExt::lock(&file).unwrap();
    file
}

/// Read `child`'s standard error up to the line saying it waits for the
/// lock; panics with what it said if it ends without waiting.
fn until_waiting(child: &mut Child) -> BufReader<std::process::ChildStderr> {
    let mut reader = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("the build ended without waiting for the lock; it said:\n{said}");
        }
        said.push_str(&line);
        if line.starts_with("Waiting for another allclear build") {
            return reader;
        }
    }
}

fn assert_published(out: &Path, expected: &[(PathBuf, Vec<u8>)], what: &str) {
    assert!(out.join(".allclear-output").is_file(), "{what}: the marker is gone");
    let now = snapshot_tree(out);
    if now != expected {
        let paths = |t: &[(PathBuf, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        let (now, expected) = (paths(&now), paths(expected));
        let missing: Vec<_> = expected.iter().filter(|p| !now.contains(p)).take(5).collect();
        let extra: Vec<_> = now.iter().filter(|p| !expected.contains(p)).take(5).collect();
        panic!("{what}: the output is not the site: missing {missing:?}, extra {extra:?}, or changed bytes");
    }
}

#[test]
fn builds_started_together_take_turns_and_publish_the_whole_site() {
    let tmp = tempfile::tempdir().unwrap();
    let (big, small) = (tmp.path().join("big"), tmp.path().join("small"));
    generated_site(&big, 400);
    common::copy_tree(&example_site(), &small);
    let parent = tmp.path().join("www");
    fs::create_dir(&parent).unwrap();
    let out = parent.join("public");
    build_pinned(&small, Some(&out)).assert().success();
    let small_site = snapshot_tree(&out);

    // A quick build starts while a long one is writing. It waits for the
    // lock, then replaces the long one's site with its own; it must not
    // remove the long build's staging folder and publish first (after
    // which the long build would publish what it wrote after that, without
    // the marker, over it).
    for trial in 1..=3 {
        let mut long = spawn_build(&big, &out, &[]);
        until_writing(&parent, &mut long);
        let quick = spawn_build(&small, &out, &[]);
        let (long_said, long_ok) = finish(long);
        let (quick_said, quick_ok) = finish(quick);
        assert!(long_ok, "trial {trial}: the long build failed:\n{long_said}");
        assert!(quick_ok, "trial {trial}: the quick build failed:\n{quick_said}");
        assert_published(&out, &small_site, &format!("trial {trial}"));
        let left: Vec<String> = names(&parent)
            .into_iter()
            .filter(|n| {
                ![
                    ".public.allclear-lock",
                    ".public.allclear-kept",
                    ".public.allclear-cache",
                ]
                .contains(&n.as_str())
            })
            .collect();
        assert_eq!(
            left,
            ["public"],
            "trial {trial}: no staging folder left (the kept site may be)"
        );
    }

    // Started at the same moment, as `build & build` in a shell.
    for trial in 1..=6 {
        let a = spawn_build(&small, &out, &[]);
        let b = spawn_build(&small, &out, &[]);
        for (said, ok) in [finish(a), finish(b)] {
            assert!(ok, "trial {trial}: a build failed:\n{said}");
        }
        assert_published(&out, &small_site, &format!("trial {trial} at once"));
    }
}

#[test]
fn a_held_lock_makes_the_build_wait_or_fail_clearly_after_lock_timeout() {
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().to_path_buf();
    let out = parent.join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let before = snapshot_tree(&out);
    let lock_file = parent.join(".public.allclear-lock");

    let held = hold_lock(&parent);
    build_pinned(example_site(), Some(&out))
        .args(["--lock-timeout", "0"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "another allclear build is writing {} (it holds the lock {}); not waiting, as --lock-timeout is 0",
            out.display(),
            lock_file.display()
        )))
        .stderr(predicates::str::contains("wait longer with --lock-timeout"))
        .stderr(predicates::str::contains("the output folder was not changed"))
        .stderr(predicates::str::contains("Waiting").not());
    build_pinned(example_site(), Some(&out))
        .args(["--lock-timeout", "1s"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "Waiting for another allclear build to finish writing {} (it holds the lock {}); giving up after 1s (--lock-timeout)",
            out.display(),
            lock_file.display()
        )))
        .stderr(predicates::str::contains("gave up after waiting 1s"));
    assert!(snapshot_tree(&out) == before, "the output is unchanged");
    assert_eq!(
        names(&parent),
        [".public.allclear-cache", ".public.allclear-lock", "public"],
        "nothing left behind"
    );

    // With the default timeout, it waits, and builds once the lock is free.
    let mut waiting = spawn_build(&example_site(), &out, &[]);
    let mut rest = until_waiting(&mut waiting);
    drop(held);
    let mut said = String::new();
    rest.read_to_string(&mut said).unwrap();
    assert!(waiting.wait().unwrap().success(), "{said}");
    assert!(said.contains("Built "), "{said}");
    assert!(snapshot_tree(&out) == before, "the same site, built again");
}

#[test]
fn a_site_with_errors_creates_nothing_next_to_a_new_output() {
    // A first build claims its output folder only once the site has loaded:
    // one whose site has errors makes no folder and no lock file.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&example_site(), &site);
    let ongoing = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let text = fs::read_to_string(&ongoing).unwrap();
    fs::write(&ongoing, text.replacen("impact: ", "impact: enormous\nx_impact: ", 1)).unwrap();
    let out = tmp.path().join("new/deeper/public");
    build_pinned(&site, Some(&out)).assert().failure();
    assert!(!tmp.path().join("new").exists(), "the failed build made folders");
    let parent = tmp.path().join("existing");
    fs::create_dir(&parent).unwrap();
    build_pinned(&site, Some(&parent.join("public"))).assert().failure();
    assert_eq!(names(&parent), Vec::<String>::new(), "the failed build left files");
}

#[test]
fn a_site_with_errors_is_reported_at_once_while_another_build_holds_the_lock() {
    // A build takes the output's lock before loading only when it is free;
    // otherwise it loads first, so a communicator's typo is reported at
    // once, not after another build finishes.
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().to_path_buf();
    let out = parent.join("public");
    let site = parent.join("site");
    common::copy_tree(&example_site(), &site);
    build_pinned(&site, Some(&out)).assert().success();
    let ongoing = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let text = fs::read_to_string(&ongoing).unwrap();
    fs::write(&ongoing, text.replacen("impact: ", "impact: enormous\nx_impact: ", 1)).unwrap();

    let held = hold_lock(&parent);
    let started = std::time::Instant::now();
    build_pinned(&site, Some(&out))
        .args(["--lock-timeout", "30s"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("2026-11-20-api-errors.md"))
        .stderr(predicates::str::contains("Waiting").not());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "the build waited for the lock before reporting the site's errors"
    );
    drop(held);
}

#[test]
fn a_waiting_build_leaves_a_running_builds_staging_folder_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().to_path_buf();
    let out = parent.join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let expected = snapshot_tree(&out);

    // A build that is running: it holds the lock and writes its staging
    // folder (the marker first, as allclear does).
    let held = hold_lock(&parent);
    let running = parent.join(format!(".public.allclear-new-{}", std::process::id()));
    fs::create_dir_all(running.join("incidents")).unwrap();
    fs::write(running.join(".allclear-output"), "marker").unwrap();
    fs::write(running.join("incidents/index.html"), "half written").unwrap();

    let mut second = spawn_build(&example_site(), &out, &[]);
    let mut rest = until_waiting(&mut second);
    assert_eq!(
        fs::read_to_string(running.join("incidents/index.html")).unwrap(),
        "half written",
        "the running build's files are untouched while it holds the lock"
    );
    // The running build ends: it cleans up and lets go of the lock.
    fs::remove_dir_all(&running).unwrap();
    drop(held);
    let mut said = String::new();
    rest.read_to_string(&mut said).unwrap();
    assert!(second.wait().unwrap().success(), "{said}");
    assert_published(&out, &expected, "after waiting");
}

#[test]
fn what_ended_builds_left_is_removed_marker_or_not() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    generated_site(&site, 600);
    let parent = tmp.path().join("www");
    fs::create_dir(&parent).unwrap();
    let out = parent.join("public");
    build_pinned(&site, Some(&out)).assert().success();
    let expected = snapshot_tree(&out);

    // A real build killed while it writes: the system releases its lock.
    let mut killed = spawn_build(&site, &out, &[]);
    until_writing(&parent, &mut killed);
    killed.kill().unwrap();
    killed.wait().unwrap();
    // What a build killed before it wrote its marker leaves (issue 11 saw
    // `.o2.allclear-new-15188` stay forever), and an old site a build
    // killed mid-swap leaves (the two-rename swap outside Linux).
    let unmarked = parent.join(".public.allclear-new-15188");
    fs::create_dir_all(unmarked.join("feeds")).unwrap();
    fs::write(unmarked.join("feeds/history.atom"), "<feed").unwrap();
    let old = parent.join(".public.allclear-old-15187");
    fs::create_dir_all(&old).unwrap();
    fs::write(old.join("index.html"), "old").unwrap();
    // Not ours: a folder of that prefix without a staging folder's name
    // or the marker.
    let notes = parent.join(".public.allclear-notes");
    fs::create_dir_all(&notes).unwrap();
    fs::write(notes.join("todo.txt"), "keep").unwrap();
    // A load cache a build was killed while writing (the cache itself,
    // `.public.allclear-cache`, stays).
    fs::write(parent.join(".public.allclear-cache-tmp-Xy12Zq"), "half").unwrap();

    build_pinned(&site, Some(&out))
        .args(["--lock-timeout", "0"])
        .assert()
        .success();
    assert_published(&out, &expected, "after the leftovers");
    assert_eq!(
        names(&parent),
        [
            ".public.allclear-cache",
            ".public.allclear-kept",
            ".public.allclear-lock",
            ".public.allclear-notes",
            "public"
        ],
        "every staging and old folder of an ended build is gone; the replaced site is kept"
    );
    assert_eq!(fs::read_to_string(notes.join("todo.txt")).unwrap(), "keep");
}
