//! `allclear notify` against a real git repository and a small HTTP server
//! on the loopback interface that records what it is sent.

use crate::common;
use crate::notify_support;

use std::collections::BTreeSet;
use std::fs;

use allclear::ids;
use common::{copy_tree, fixture};
use notify_support::*;

#[test]
fn posts_exactly_the_new_updates_once() {
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack];

    let out = notify(&site, &args).assert().success().get_output().clone();
    assert!(
        stderr(&out).contains("Posted 3 updates to 2 targets"),
        "{}",
        stderr(&out)
    );

    let bodies = webhooks(&server, "/hook");
    assert_eq!(bodies.len(), 3, "one webhook per new update");
    let first_updates: BTreeSet<String> = bodies
        .iter()
        .map(|b| b.incident.incident_updates[0].id.clone())
        .collect();
    assert_eq!(first_updates, expected_new(), "incident_updates[0] is the new update");
    for b in &bodies {
        let u = &b.incident.incident_updates[0];
        assert_eq!(u.incident_id, b.incident.id);
        assert_eq!(b.page.id, ids::api_id("page", "https://status.fixture.example"));
        assert!(b.meta.unsubscribe.is_none() && b.meta.documentation.is_none());
    }
    let identified = bodies
        .iter()
        .find(|b| b.incident.incident_updates[0].status == "identified")
        .expect("the identified update was posted");
    assert_eq!(identified.incident.name, "Elevated API errors");
    assert_eq!(
        identified.incident.incident_updates[0].body,
        "A bad deploy; rolling back."
    );
    assert_eq!(
        identified.incident.incident_updates.len(),
        2,
        "the incident as of that update"
    );
    assert_eq!(identified.page.status_indicator, "major");
    let investigating = bodies
        .iter()
        .find(|b| b.incident.incident_updates[0].status == "investigating")
        .unwrap();
    assert_eq!(investigating.incident.incident_updates.len(), 1);

    let texts: Vec<String> = slacks(&server, "/slack").into_iter().map(|s| s.text).collect();
    assert_eq!(texts.len(), 3, "one Slack message per new update");
    let text = texts
        .iter()
        .find(|t| t.starts_with("*[Identified] Elevated API errors*"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(text.contains("A bad deploy; rolling back."), "{text}");
    assert!(
        text.contains("https://status.fixture.example/incidents/2026-11-20-api/"),
        "{text}"
    );
    assert!(texts.iter().any(|t| t.starts_with("*[Resolved] A valid incident*")));

    // The same command again posts nothing: the ledger in .git knows.
    assert!(repo.join(".git/allclear-notify.json").is_file());
    let before = server.count();
    let again = notify(&site, &args).assert().success().get_output().clone();
    assert_eq!(server.count(), before, "a second run posts nothing");
    assert!(
        stderr(&again).contains("Posted 0 updates to 0 targets; 6 posts skipped, already made"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn an_edited_update_is_posted_again_as_changed() {
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    notify(&site, &["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack])
        .assert()
        .success();
    assert_eq!(server.count(), 6);

    let path = site.join("incidents/2026-11-20-api.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("rolling back.", "rolled back at 14:20.")).unwrap();
    commit_all(&repo, "edit");
    notify(&site, &["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack])
        .assert()
        .success()
        .stderr(predicates::str::contains("Posted 1 update to 2 targets"));
    let bodies = webhooks(&server, "/hook");
    assert_eq!(bodies.len(), 4, "only the edited update is posted again");
    let edited = &bodies[3].incident.incident_updates[0];
    assert_eq!(edited.id, update_id("2026-11-20-api", "2026-11-20T14:25:00Z"));
    assert_eq!(edited.body, "A bad deploy; rolled back at 14:20.");
    let texts = slacks(&server, "/slack");
    assert!(texts[3].text.contains("(edited)"), "{}", texts[3].text);

    // A wider range now finds all three, and the ledger has posted each.
    let before = server.count();
    notify(&site, &["--since", "HEAD~2", "--webhook", &hook, "--slack", &slack])
        .assert()
        .success();
    assert_eq!(server.count(), before);
}

#[test]
fn dry_run_prints_and_neither_posts_nor_records() {
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    let out = notify(
        &site,
        &["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack, "--dry-run"],
    )
    .assert()
    .success()
    .get_output()
    .clone();
    assert_eq!(server.count(), 0, "a dry run posts nothing");
    assert!(!repo.join(".git/allclear-notify.json").exists(), "and writes no ledger");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("POST webhook").count(), 3, "{stdout}");
    assert_eq!(stdout.matches("POST slack").count(), 3, "{stdout}");
    assert!(stdout.contains("2026-11-20-api@2026-11-20T14:25:00Z"), "{stdout}");
    assert!(stdout.contains("\"incident_updates\""), "{stdout}");
    assert!(stdout.contains("*[Identified] Elevated API errors*"), "{stdout}");
    assert!(
        stderr(&out).contains("Would post 3 updates to 2 targets"),
        "{}",
        stderr(&out)
    );

    // What the dry run showed is then really posted.
    notify(&site, &["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack])
        .assert()
        .success();
    assert_eq!(server.count(), 6);
}

#[test]
fn a_failing_target_is_retried_then_reported_and_the_others_still_get_posts() {
    let (_tmp, _repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (fail, slack) = (server.url("/fail"), server.url("/slack"));
    let args = ["--since", "HEAD~1", "--webhook", &fail, "--slack", &slack];
    let out = notify(&site, &args).assert().code(1).get_output().clone();
    let err = stderr(&out);
    // One try and three retries for the first update; later updates are
    // held back so that the receiver never gets them out of order.
    assert_eq!(server.to("/fail").len(), 4, "{err}");
    assert_eq!(server.to("/slack").len(), 3, "the other target got every update");
    assert!(err.contains("3 posts failed"), "{err}");
    assert!(err.contains("2026-11-01-ok@2026-11-01T12:00:00Z: HTTP 500"), "{err}");
    assert!(err.contains("after 4 attempts"), "{err}");
    assert!(err.contains("webhook http://127.0.0.1:"), "{err}");

    // The next run tries the failed target again, and only it.
    notify(&site, &args).assert().code(1);
    assert_eq!(server.to("/fail").len(), 8);
    assert_eq!(server.to("/slack").len(), 3);
}

#[test]
fn a_revision_that_does_not_exist_is_bad_usage() {
    let (_tmp, _repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    notify(&site, &["--since", "no-such-rev", "--webhook", &hook])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`no-such-rev` is not a commit"));
    notify(&site, &["--since=--output=x", "--webhook", &hook])
        .assert()
        .code(2);
    assert_eq!(server.count(), 0);
}

#[test]
fn a_site_outside_git_and_bad_urls_are_bad_usage() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    notify(&site, &["--since", "HEAD~1", "--webhook", "http://127.0.0.1:9/"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not in a git repository"));
    let (_tmp, _repo, site) = repo_with_updates();
    notify(&site, &["--since", "HEAD~1", "--slack", "ftp://example.com/x"])
        .assert()
        .code(2);
    notify(&site, &["--since", "HEAD~1"]).assert().code(2);
}

#[test]
fn an_old_revision_that_does_not_load_counts_as_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().to_path_buf();
    copy_tree(&fixture("base-site"), &repo);
    let yaml = fs::read_to_string(repo.join("site.yaml")).unwrap();
    fs::write(
        repo.join("site.yaml"),
        yaml.replace("title: Fixture Status", "title: ["),
    )
    .unwrap();
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "broken");
    fs::write(repo.join("site.yaml"), yaml).unwrap();
    commit_all(&repo, "fixed");
    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    notify(&repo, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .success()
        .stderr(predicates::str::contains("does not load"));
    // Every update of the site: the incident's two and the maintenance's
    // announcement.
    let bodies = webhooks(&server, "/hook");
    assert_eq!(bodies.len(), 3);
    let maintenance = bodies
        .iter()
        .find(|b| b.incident.impact == "maintenance")
        .expect("the maintenance is announced");
    assert!(maintenance.incident.scheduled_for.is_some());
}

/// Upgrading from 0.1, whose ledger keyed targets by a short FNV id
/// (`ids::api_id("target", url)`, as 0.1's `target_id` did): nothing is
/// posted again, and the next post to a target moves its records to the
/// SHA-256 id.
#[test]
fn a_ledger_written_by_0_1_posts_nothing_again() {
    use allclear::notify::ledger::{legacy_target_id, target_id};
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack];
    notify(&site, &args).assert().success();
    assert_eq!(server.count(), 6);

    // The ledger as 0.1 would have written it for these posts.
    let path = repo.join(".git/allclear-notify.json");
    let mut ledger: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    for record in ledger["posted"].as_array_mut().unwrap() {
        let target = record["target"].as_str().unwrap();
        let url = [&hook, &slack]
            .into_iter()
            .find(|u| target_id(u) == target)
            .expect("a SHA-256 id");
        record["target"] = legacy_target_id(url).into();
    }
    fs::write(&path, serde_json::to_string_pretty(&ledger).unwrap()).unwrap();

    let again = notify(&site, &args).assert().success().get_output().clone();
    assert_eq!(server.count(), 6, "nothing is posted again: {}", stderr(&again));
    assert!(
        stderr(&again).contains("6 posts skipped, already made"),
        "{}",
        stderr(&again)
    );

    // A new update: one post per target, and their records move.
    let path_md = site.join("incidents/2026-11-20-api.md");
    let text = fs::read_to_string(&path_md).unwrap().replace(
        "    message: A bad deploy; rolling back.\n",
        "    message: A bad deploy; rolling back.\n  - at: 2026-11-20T14:50:00Z\n    status: monitoring\n    message: Watching.\n",
    );
    fs::write(&path_md, text).unwrap();
    commit_all(&repo, "monitoring");
    notify(&site, &["--since", "HEAD~2", "--webhook", &hook, "--slack", &slack])
        .assert()
        .success();
    assert_eq!(server.count(), 8, "only the new update, to each target");
    let ledger: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let targets: BTreeSet<&str> = ledger["posted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        BTreeSet::from([target_id(&hook).as_str(), target_id(&slack).as_str()])
    );
}
