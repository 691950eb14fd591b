//! A postmortem is published (issue 12, item 8): it gets its own item in
//! the per-update feeds (parsed with `rss`, `atom_syndication` and
//! `serde_json`), Statuspage's `postmortem_body` / `postmortem_published_at`
//! in the API, one `notify` post, and stays hidden from a build whose `now`
//! is before its publication time.

use crate::common;
use crate::notify_support;

use std::fs;
use std::path::{Path, PathBuf};

use allclear::ids;
use common::{allclear, build_pinned, copy_tree, fixture};
use notify_support::*;

const INCIDENT: &str = "incidents/2026-11-01-ok.md";
const BODY: &str = "## What happened\n\nA bad config change broke the API.\n";
const PAGE: &str = "https://status.fixture.example/incidents/2026-11-01-ok/";

/// The base site in `tmp/site`, its incident given `front` (extra front
/// matter lines) and `body`.
fn site_with(tmp: &Path, front: &str, body: &str) -> PathBuf {
    let site = tmp.join("site");
    copy_tree(&fixture("base-site"), &site);
    let path = site.join(INCIDENT);
    let text = fs::read_to_string(&path).unwrap();
    let (head, _) = text.rsplit_once("---\n").unwrap();
    fs::write(&path, format!("{head}{front}---\n{body}")).unwrap();
    site
}

fn build(site: &Path, now: &str) -> (PathBuf, String) {
    let out = site.parent().unwrap().join("public");
    let output = allclear()
        .arg("build")
        .arg(site)
        .arg("--out")
        .arg(&out)
        .args(["--now", now])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    (out, stderr)
}

fn rss(out: &Path) -> rss::Channel {
    rss::Channel::read_from(&fs::read(out.join("updates.rss")).unwrap()[..]).unwrap()
}

fn atom(out: &Path) -> atom_syndication::Feed {
    atom_syndication::Feed::read_from(&fs::read(out.join("updates.atom")).unwrap()[..]).unwrap()
}

fn json(out: &Path, path: &str) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join(path)).unwrap()).unwrap()
}

fn api_incident(out: &Path) -> serde_json::Value {
    let all = json(out, "api/v2/incidents.json");
    all["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "A valid incident")
        .unwrap()
        .clone()
}

fn postmortem_tag() -> String {
    format!(
        "tag:status.fixture.example,2005:IncidentPostmortem/{}",
        ids::api_id("incident", "2026-11-01-ok")
    )
}

#[test]
fn a_postmortem_gets_a_feed_item_and_api_fields() {
    let without = tempfile::tempdir().unwrap();
    let (plain, _) = build(&site_with(without.path(), "", ""), common::NOW);
    let with = tempfile::tempdir().unwrap();
    let site = site_with(with.path(), "postmortem_published_at: 2026-11-03T09:00:00Z\n", BODY);
    let (out, _) = build(&site, common::NOW);

    // RSS: one more item, the postmortem, dated its publication time.
    let (before, after) = (rss(&plain), rss(&out));
    assert!(
        before
            .items()
            .iter()
            .all(|i| !i.title().unwrap().contains("Postmortem"))
    );
    assert_eq!(after.items().len(), before.items().len() + 1);
    let item = after
        .items()
        .iter()
        .find(|i| i.title() == Some("[Postmortem] A valid incident"))
        .expect("a postmortem item in updates.rss");
    assert_eq!(item.pub_date(), Some("Tue, 03 Nov 2026 09:00:00 +0000"));
    assert_eq!(item.link(), Some(&*format!("{PAGE}#h-postmortem")));
    let guid = item.guid().unwrap();
    assert!(!guid.is_permalink());
    assert_eq!(guid.value(), postmortem_tag());
    assert!(
        item.description()
            .unwrap()
            .contains("A bad config change broke the API.")
    );
    // Newest first: the postmortem (3 Nov) comes before the updates (1 Nov).
    assert_eq!(after.items()[0].title(), item.title());

    // Atom: the same item.
    let feed = atom(&out);
    let entry = feed
        .entries()
        .iter()
        .find(|e| e.id() == postmortem_tag())
        .expect("a postmortem entry in updates.atom");
    assert_eq!(entry.updated().to_rfc3339(), "2026-11-03T09:00:00+00:00");
    assert_eq!(entry.title().as_str(), "[Postmortem] A valid incident");
    assert_eq!(feed.entries().len(), atom(&plain).entries().len() + 1);

    // JSON Feed.
    let items = json(&out, "feed.json")["items"].as_array().unwrap().clone();
    let j = items
        .iter()
        .find(|i| i["id"] == postmortem_tag().as_str())
        .expect("a postmortem item in feed.json");
    assert_eq!(j["title"], "[Postmortem] A valid incident");
    assert_eq!(
        chrono::DateTime::parse_from_rfc3339(j["date_published"].as_str().unwrap())
            .unwrap()
            .to_rfc3339(),
        "2026-11-03T09:00:00+00:00"
    );
    assert_eq!(
        items.len(),
        json(&plain, "feed.json")["items"].as_array().unwrap().len() + 1
    );

    // API: Statuspage's fields, in the page's zone (Europe/Berlin).
    let inc = api_incident(&out);
    assert_eq!(inc["status"], "postmortem");
    assert_eq!(inc["postmortem_body"], BODY.trim());
    assert_eq!(inc["postmortem_published_at"], "2026-11-03T10:00:00.000+01:00");
    assert_eq!(inc["updated_at"], "2026-11-03T10:00:00.000+01:00");
    let bare = api_incident(&plain);
    assert_eq!(bare["status"], "resolved");
    assert!(bare.get("postmortem_body").is_none() && bare.get("postmortem_published_at").is_none());
    assert_eq!(bare["updated_at"], "2026-11-01T12:00:00.000+01:00");
}

#[test]
fn without_a_time_the_postmortem_is_published_with_the_last_update() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, stderr) = build(&site_with(tmp.path(), "", BODY), common::NOW);
    assert!(!stderr.contains("warning"), "{stderr}");
    let item = rss(&out)
        .items()
        .iter()
        .find(|i| i.title() == Some("[Postmortem] A valid incident"))
        .cloned()
        .expect("a postmortem item");
    assert_eq!(item.pub_date(), Some("Sun, 01 Nov 2026 11:00:00 +0000"));
    assert_eq!(
        api_incident(&out)["postmortem_published_at"],
        "2026-11-01T12:00:00.000+01:00"
    );

    // Built while the incident was still open, the postmortem written with
    // the resolution is not there yet.
    let tmp = tempfile::tempdir().unwrap();
    let (out, _) = build(&site_with(tmp.path(), "", BODY), "2026-11-01T10:30:00Z");
    let page = fs::read_to_string(out.join("incidents/2026-11-01-ok/index.html")).unwrap();
    assert!(!page.contains("A bad config change"), "a postmortem before its time");
    assert!(api_incident(&out).get("postmortem_body").is_none());
}

#[test]
fn before_its_publication_time_the_postmortem_is_not_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with(tmp.path(), "postmortem_published_at: 2026-11-03T09:00:00Z\n", BODY);
    // Resolved on 1 Nov, postmortem on 3 Nov; built on 2 Nov.
    let (out, stderr) = build(&site, "2026-11-02T00:00:00Z");
    assert!(
        stderr.contains("incidents/2026-11-01-ok.md:13:26: the postmortem is published Nov 3, 2026 10:00 CET")
            && stderr.contains("it is not shown until then"),
        "{stderr}"
    );
    let page = fs::read_to_string(out.join("incidents/2026-11-01-ok/index.html")).unwrap();
    assert!(!page.contains("h-postmortem") && !page.contains("A bad config change"));
    let inc = api_incident(&out);
    assert_eq!(inc["status"], "resolved");
    assert!(inc.get("postmortem_body").is_none(), "{inc}");
    assert!(
        rss(&out)
            .items()
            .iter()
            .all(|i| i.guid().unwrap().value() != postmortem_tag())
    );

    // From its publication time on, it is there.
    let (out, stderr) = build(&site, "2026-11-03T09:00:00Z");
    assert!(!stderr.contains("postmortem"), "{stderr}");
    let page = fs::read_to_string(out.join("incidents/2026-11-01-ok/index.html")).unwrap();
    assert!(page.contains("A bad config change"));
    assert_eq!(api_incident(&out)["status"], "postmortem");
}

#[test]
fn check_warns_of_a_postmortem_published_later() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with(tmp.path(), "postmortem_published_at: 2026-11-03T09:00:00Z\n", BODY);
    let output = allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", "2026-11-02T00:00:00Z"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("incidents/2026-11-01-ok.md:13:26:"), "{all}");
    assert!(all.contains("the postmortem is published"), "{all}");

    // Without the key, the warning points at the last update, whose time it
    // takes, and says so.
    let tmp = tempfile::tempdir().unwrap();
    let site = site_with(tmp.path(), "", BODY);
    let output = allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", "2026-11-01T10:30:00Z"])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        all.contains("incidents/2026-11-01-ok.md:10:9: the postmortem is published Nov 1, 2026 12:00 CET"),
        "{all}"
    );
    assert!(
        all.contains("without `postmortem_published_at` is published with the last update"),
        "{all}"
    );
}

/// The base site committed, then `change` made to its incident and
/// committed. Returns (temp dir, repo, site).
fn repo_then(change: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let site = repo.join("status");
    copy_tree(&fixture("base-site"), &site);
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "base");
    change(&site);
    commit_all(&repo, "postmortem");
    (tmp, repo, site)
}

fn add_postmortem(site: &Path, body: &str) {
    let path = site.join(INCIDENT);
    let text = fs::read_to_string(fixture("base-site").join(INCIDENT)).unwrap();
    let (head, _) = text.rsplit_once("---\n").unwrap();
    fs::write(
        &path,
        format!("{head}postmortem_published_at: 2026-11-03T09:00:00Z\n---\n{body}"),
    )
    .unwrap();
}

#[test]
fn notify_posts_a_new_postmortem_once() {
    let (_tmp, repo, site) = repo_then(|site| add_postmortem(site, BODY));
    let server = Server::start(ok_except_fail);
    let (hook, slack) = (server.url("/hook"), server.url("/slack"));
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack];

    let out = notify(&site, &args).assert().success().get_output().clone();
    assert!(
        stderr(&out).contains("Posted 1 update to 2 targets"),
        "{}",
        stderr(&out)
    );
    let bodies = webhooks(&server, "/hook");
    assert_eq!(bodies.len(), 1, "the postmortem alone is new");
    let inc = &bodies[0].incident;
    assert_eq!(inc.name, "A valid incident");
    assert_eq!(inc.status, "postmortem");
    assert_eq!(inc.postmortem_body.as_deref(), Some(BODY.trim()));
    assert_eq!(
        inc.postmortem_published_at.as_deref(),
        Some("2026-11-03T10:00:00.000+01:00")
    );
    let texts = slacks(&server, "/slack");
    assert_eq!(texts.len(), 1);
    assert!(
        texts[0].text.starts_with("*[Postmortem] A valid incident*\n"),
        "{}",
        texts[0].text
    );
    assert!(texts[0].text.contains("A bad config change broke the API."));
    assert!(texts[0].text.contains(PAGE));

    // Again: nothing (the ledger knows).
    let again = notify(&site, &args).assert().success().get_output().clone();
    assert_eq!(server.count(), 2, "{}", stderr(&again));

    // An edited postmortem is posted again, marked edited.
    add_postmortem(&site, "## What happened\n\nA bad config change, reverted at 10:58.\n");
    commit_all(&repo, "edit the postmortem");
    notify(&site, &args)
        .assert()
        .success()
        .stderr(predicates::str::contains("Posted 1 update to 2 targets"));
    let texts = slacks(&server, "/slack");
    assert_eq!(texts.len(), 2);
    assert!(texts[1].text.contains("(edited)"), "{}", texts[1].text);
    assert!(texts[1].text.contains("reverted at 10:58"), "{}", texts[1].text);
}

#[test]
fn notify_does_not_post_a_postmortem_before_its_time() {
    let (_tmp, _repo, site) = repo_then(|site| {
        let path = site.join(INCIDENT);
        let text = fs::read_to_string(&path).unwrap();
        let (head, _) = text.rsplit_once("---\n").unwrap();
        fs::write(
            &path,
            format!("{head}postmortem_published_at: 2026-11-25T09:00:00Z\n---\n{BODY}"),
        )
        .unwrap();
    });
    let server = Server::start(ok_except_fail);
    let hook = server.url("/hook");
    let out = notify(&site, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(server.count(), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2026-11-01-ok@postmortem is dated 2026-11-25T09:00:00Z"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_example_site_publishes_its_postmortems() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(common::example_site(), Some(&out)).assert().success();
    let titles: Vec<String> = rss(&out)
        .items()
        .iter()
        .filter_map(|i| i.title().map(str::to_string))
        .filter(|t| t.starts_with("[Postmortem]"))
        .collect();
    assert!(
        titles.contains(&"[Postmortem] Primary database outage".to_string()),
        "{titles:?}"
    );
}
