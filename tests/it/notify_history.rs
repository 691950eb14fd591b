//! `allclear notify` when `--since` names a commit whose site does not
//! load, and the `--max-posts` guard against posting the whole history
//! (issue 11, item 8). Real git repositories, a loopback receiver, the real
//! binary.

use crate::common;
use crate::notify_support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{copy_tree, example_site, fixture};
use notify_support::*;

/// A resolved incident on `api` with two updates on 2026-11-19, at
/// `HH:00` and `HH:30`.
fn incident(title: &str, hour: u32) -> String {
    format!(
        "---
title: {title}
impact: minor
components:
  api: degraded_performance
updates:
  - at: 2026-11-19T{hour:02}:00:00Z
    status: investigating
    message: We are looking into {title}.
  - at: 2026-11-19T{hour:02}:30:00Z
    status: resolved
    message: {title} is fixed.
---
"
    )
}

/// The API ids of the two updates of [`incident`] `entry` at `hour`.
fn incident_updates(entry: &str, hour: u32) -> [String; 2] {
    [
        update_id(entry, &format!("2026-11-19T{hour:02}:00:00Z")),
        update_id(entry, &format!("2026-11-19T{hour:02}:30:00Z")),
    ]
}

/// What the receiver got at `path`: the id of each post's update.
fn posted(server: &Server, path: &str) -> BTreeSet<String> {
    let bodies = webhooks(server, path);
    let ids: BTreeSet<String> = bodies
        .iter()
        .map(|b| b.incident.incident_updates[0].id.clone())
        .collect();
    assert_eq!(ids.len(), bodies.len(), "no update posted twice");
    ids
}

/// Break `site.yaml` so that the site does not load (a second `title`).
fn break_site(site: &Path) {
    let path = site.join("site.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("title: [\n");
    fs::write(path, text).unwrap();
}

fn head(repo: &Path, rev: &str) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["rev-parse", rev])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim()[..12].to_string()
}

/// The case: the example site (113 updates), then a commit that
/// breaks `site.yaml` and adds an incident (CI never built it, so nothing
/// was posted from it), then a commit that fixes it and adds another.
/// `--since HEAD~1` must compare with the commit before the broken one and
/// post the four new updates, not the whole history.
#[test]
fn a_since_that_does_not_load_walks_back_to_the_newest_commit_that_does() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    copy_tree(&example_site(), &repo);
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "the example site");
    let good = head(&repo, "HEAD");

    let yaml = fs::read_to_string(repo.join("site.yaml")).unwrap();
    break_site(&repo);
    fs::write(repo.join("incidents/2026-11-19-broken.md"), incident("Slow search", 8)).unwrap();
    commit_all(&repo, "a broken site.yaml, and an incident");
    fs::write(repo.join("site.yaml"), &yaml).unwrap();
    fs::write(repo.join("incidents/2026-11-19-fixed.md"), incident("Slow builds", 10)).unwrap();
    commit_all(&repo, "fixed, and another incident");

    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    let out = notify(&repo, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = stderr(&out);
    let expected: BTreeSet<String> = incident_updates("2026-11-19-broken", 8)
        .into_iter()
        .chain(incident_updates("2026-11-19-fixed", 10))
        .collect();
    assert_eq!(posted(&server, "/hook"), expected, "{err}");
    assert!(err.contains("the site at HEAD~1 ("), "{err}");
    assert!(err.contains("does not load (site.yaml:"), "{err}");
    assert!(
        err.contains(&format!(
            "comparing with {good} (\"the example site\"), the newest commit before it (following first parents, 1 back)"
        )),
        "says which commit it used: {err}"
    );
    assert!(err.contains("Posted 4 updates to 1 target"), "{err}");
}

/// A merge's first parent is the branch that was deployed; its second
/// parent is merged work that never was. `--since` names a broken merge:
/// the walk must go to the first parent, so the merged branch's incident
/// is posted and the deployed branch's is not.
#[test]
fn the_walk_follows_first_parents_through_merges() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let site = repo.join("status");
    copy_tree(&fixture("base-site"), &site);
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "base");
    git(&repo, &["checkout", "-q", "-b", "side"]);
    fs::write(site.join("incidents/2026-11-19-side.md"), incident("Side work", 8)).unwrap();
    commit_all(&repo, "side: an incident");
    git(&repo, &["checkout", "-q", "main"]);
    fs::write(site.join("incidents/2026-11-19-main.md"), incident("Main work", 10)).unwrap();
    commit_all(&repo, "main: an incident");
    let first_parent = head(&repo, "HEAD");
    git(&repo, &["merge", "-q", "--no-ff", "--no-commit", "side"]);
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    break_site(&site);
    commit_all(&repo, "merge side, breaking site.yaml");
    fs::write(site.join("site.yaml"), yaml).unwrap();
    commit_all(&repo, "fix site.yaml");

    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    let out = notify(&site, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = stderr(&out);
    let side: BTreeSet<String> = incident_updates("2026-11-19-side", 8).into_iter().collect();
    assert_eq!(posted(&server, "/hook"), side, "{err}");
    assert!(
        err.contains(&format!("comparing with {first_parent} (\"main: an incident\")")),
        "{err}"
    );
}

/// The walk looks at most 100 commits back (commits that leave the site as
/// it was are not loaded again). Past that, every update counts as new and
/// `--max-posts` refuses the flood until `--force`.
#[test]
fn the_walk_stops_after_100_commits_and_max_posts_then_refuses_until_force() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().to_path_buf();
    copy_tree(&fixture("base-site"), &repo);
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "base");
    let yaml = fs::read_to_string(repo.join("site.yaml")).unwrap();
    break_site(&repo);
    commit_all(&repo, "broken");
    for i in 0..99 {
        git(
            &repo,
            &["commit", "-q", "--allow-empty", "-m", &format!("still broken {i}")],
        );
    }
    fs::write(repo.join("site.yaml"), &yaml).unwrap();
    commit_all(&repo, "fixed");

    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--max-posts", "2"];
    let out = notify(&repo, &args).assert().code(2).get_output().clone();
    let err = stderr(&out);
    assert_eq!(server.count(), 0, "nothing is sent: {err}");
    assert!(!repo.join(".git/allclear-notify.json").exists(), "no ledger is written");
    assert!(
        err.contains("nor at the 99 commits before it (following first parents); comparing with an empty site"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: nothing was sent: refusing to post 3 updates to webhook {}…: more than --max-posts 2 to one target.",
            server.url("/")
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "does not load, nor at the 99 commits before it (following first parents), so every update counts as new."
        ),
        "{err}"
    );
    assert!(err.contains("run again with --force (or --max-posts 3)"), "{err}");
    assert!(err.contains("give --since that commit"), "{err}");

    // From one commit further back, the loading commit is 99 commits
    // back: within the walk, and nothing is new.
    notify(&repo, &["--since", "HEAD~2", "--webhook", &hook, "--max-posts", "2"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "(following first parents, 99 back) where it loads",
        ))
        .stderr(predicates::str::contains("nothing to post"));
    assert_eq!(server.count(), 0);
    // --force posts them all.
    notify(&repo, &[&args[..], &["--force"]].concat())
        .assert()
        .success()
        .stderr(predicates::str::contains("Posted 3 updates to 1 target"));
    assert_eq!(server.count(), 3);
}

/// `--max-posts` counts the posts each target would receive, leaving out
/// those the ledger says were made: two targets with three updates each
/// pass `--max-posts 3`. A dry run over the limit shows everything and
/// warns instead of refusing.
#[test]
fn max_posts_counts_each_targets_pending_posts() {
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack];

    let out = notify(&site, &[&args[..], &["--max-posts", "2"]].concat())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "refusing to post 3 updates to webhook {}…, 3 updates to slack {}…: more than --max-posts 2",
            server.url("/"),
            server.url("/")
        )),
        "{err}"
    );
    assert!(!err.contains("The site"), "the site at --since loads: no note: {err}");
    assert_eq!(server.count(), 0);
    assert!(!repo.join(".git/allclear-notify.json").exists());

    let dry = notify(&site, &[&args[..], &["--max-posts", "2", "--dry-run"]].concat())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8_lossy(&dry.stdout).matches("POST ").count(), 6);
    assert!(
        stderr(&dry).contains("warning: without --dry-run, notify would refuse to post 3 updates"),
        "{}",
        stderr(&dry)
    );
    notify(&site, &["--since", "HEAD~1", "--dry-run", "--max-posts", "2"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "warning: a run with targets would refuse to post 3 updates to each target",
        ));
    assert_eq!(server.count(), 0);

    notify(&site, &[&args[..], &["--max-posts", "3"]].concat())
        .assert()
        .success();
    assert_eq!(
        server.count(),
        6,
        "3 posts to each of 2 targets is within --max-posts 3"
    );
    // Posts already made do not count.
    notify(&site, &[&args[..], &["--max-posts", "0"]].concat())
        .assert()
        .success()
        .stderr(predicates::str::contains("6 posts skipped, already made"));
    assert_eq!(server.count(), 6);
}

/// Without `--max-posts`, more than 20 posts to a target are refused: the
/// example site added in one commit has 112 published updates and 4
/// published postmortems.
#[test]
fn by_default_more_than_20_posts_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    fs::create_dir_all(&repo).unwrap();
    fs::write(repo.join("README"), "a repository\n").unwrap();
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "before the site");
    let site = repo.join("status");
    copy_tree(&example_site(), &site);
    commit_all(&repo, "the site");

    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    let out = notify(&site, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = stderr(&out);
    assert_eq!(server.count(), 0, "{err}");
    assert!(err.contains("refusing to post 116 updates to webhook"), "{err}");
    assert!(err.contains("more than --max-posts 20 to one target"), "{err}");
    assert!(
        err.contains("The site did not exist at HEAD~1 ("),
        "says why everything counts as new: {err}"
    );
}
