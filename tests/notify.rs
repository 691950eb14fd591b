//! `allclear notify` against a real git repository and a small HTTP server
//! on the loopback interface that records what it is sent.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use allclear::notify::payload::{SlackBody, WebhookBody};
use allclear::render::links;
use chrono::{DateTime, Utc};
use common::{NOW, allclear, copy_tree, fixture};

/// One request the server received.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    body: String,
}

/// An HTTP/1.1 server on 127.0.0.1 that answers every POST with the status
/// `status_for(path)` and records it. It stops when dropped, and on its own
/// after a minute.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(status_for: fn(&str) -> u16) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log, flag) = (requests.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            while !flag.load(Ordering::Relaxed) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Some(request) = serve(stream, status_for) {
                            log.lock().unwrap().push(request);
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            port,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The requests to `path` so far.
    fn to(&self, path: &str) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    fn count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Read one request (with a Content-Length body), answer it, close.
fn serve(stream: TcpStream, status_for: fn(&str) -> u16) -> Option<Request> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    assert_eq!(method, "POST");
    let status = status_for(&path);
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
    )
    .ok()?;
    Some(Request {
        path,
        body: String::from_utf8(body).ok()?,
    })
}

fn ok_except_fail(path: &str) -> u16 {
    if path == "/fail" { 500 } else { 200 }
}

fn git(repo: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn commit_all(repo: &Path, message: &str) {
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", message]);
}

const NEW_INCIDENT: &str = "---
title: Elevated API errors
impact: major
components:
  api: partial_outage
updates:
  - at: 2026-11-20T14:00:00Z
    status: investigating
    message: We are seeing errors on the API.
    next_update: 2026-11-20T14:30:00Z
  - at: 2026-11-20T14:25:00Z
    status: identified
    message: A bad deploy; rolling back.
---
";

const OK_INCIDENT: &str = "incidents/2026-11-01-ok.md";

/// A repository whose `status/` folder holds the base site (first commit),
/// then an update added to its incident and a new incident (second
/// commit). Returns (temp dir, repo, site).
fn repo_with_updates() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let site = repo.join("status");
    copy_tree(&fixture("base-site"), &site);
    fs::write(repo.join("README"), "not the site\n").unwrap();
    git(&repo, &["init", "-q"]);
    commit_all(&repo, "base");
    let ok = site.join(OK_INCIDENT);
    let text = fs::read_to_string(&ok).unwrap().replace(
        "    message: Fixed.\n",
        "    message: Fixed.\n  - at: 2026-11-01T12:00:00Z\n    status: resolved\n    message: The postmortem is up.\n",
    );
    fs::write(&ok, text).unwrap();
    fs::write(site.join("incidents/2026-11-20-api.md"), NEW_INCIDENT).unwrap();
    commit_all(&repo, "updates");
    (tmp, repo, site)
}

fn notify(site: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = allclear();
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("ALLCLEAR_NOTIFY_BACKOFF_MS", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("--site")
        .arg(site)
        .args(["--now", NOW, "notify"])
        .args(args)
        .timeout(Duration::from_secs(120));
    cmd
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The API id of update `(entry, at)`.
fn update_id(entry: &str, at: &str) -> String {
    links::api_id("update", &links::update_key(entry, t(at)))
}

fn expected_new() -> BTreeSet<String> {
    [
        ("2026-11-01-ok", "2026-11-01T12:00:00Z"),
        ("2026-11-20-api", "2026-11-20T14:00:00Z"),
        ("2026-11-20-api", "2026-11-20T14:25:00Z"),
    ]
    .iter()
    .map(|(e, at)| update_id(e, at))
    .collect()
}

fn webhooks(server: &Server, path: &str) -> Vec<WebhookBody> {
    server
        .to(path)
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not a webhook body: {e}\n{}", r.body)))
        .collect()
}

fn slacks(server: &Server, path: &str) -> Vec<SlackBody> {
    server
        .to(path)
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not a Slack body: {e}\n{}", r.body)))
        .collect()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

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
        assert_eq!(b.page.id, links::api_id("page", "https://status.fixture.example"));
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
