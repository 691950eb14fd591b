//! What the `notify` tests share: a small HTTP server on the loopback
//! interface that records what it is sent, real git repositories, and
//! `allclear notify` run as a process.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use allclear::ids;
use allclear::notify::payload::{SlackBody, WebhookBody};
use chrono::{DateTime, Utc};

use crate::common::{NOW, allclear, copy_tree, fixture};

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub body: String,
}

/// An HTTP/1.1 server on 127.0.0.1 that answers every POST and records it.
/// It stops when dropped, and on its own after a minute.
pub struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Answer with the status `status_for(path)` and the body `ok`.
    pub fn start(status_for: fn(&str) -> u16) -> Server {
        Server::answering(move |path| (status_for(path), b"ok".to_vec()))
    }

    /// Answer with `respond(path)`: a status and a body.
    pub fn answering(respond: impl Fn(&str) -> (u16, Vec<u8>) + Send + 'static) -> Server {
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
                        if let Some(request) = serve(stream, &respond) {
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

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The requests to `path` so far.
    pub fn to(&self, path: &str) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    pub fn count(&self) -> usize {
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
pub fn serve(stream: TcpStream, respond: &dyn Fn(&str) -> (u16, Vec<u8>)) -> Option<Request> {
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
    let (status, answer) = respond(&path);
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        answer.len()
    )
    .ok()?;
    stream.write_all(&answer).ok()?;
    Some(Request {
        path,
        body: String::from_utf8(body).ok()?,
    })
}

pub fn ok_except_fail(path: &str) -> u16 {
    if path == "/fail" { 500 } else { 200 }
}

pub use super::common::git;

pub fn commit_all(repo: &Path, message: &str) {
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", message]);
}

pub const NEW_INCIDENT: &str = "---
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

pub const OK_INCIDENT: &str = "incidents/2026-11-01-ok.md";

/// A repository whose `status/` folder holds the base site (first commit),
/// then an update added to its incident and a new incident (second
/// commit). Returns (temp dir, repo, site).
pub fn repo_with_updates() -> (tempfile::TempDir, PathBuf, PathBuf) {
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

pub fn notify(site: &Path, args: &[&str]) -> assert_cmd::Command {
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

pub fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The API id of update `(entry, at)`.
pub fn update_id(entry: &str, at: &str) -> String {
    ids::api_id("update", &ids::update_key(entry, t(at)))
}

pub fn expected_new() -> BTreeSet<String> {
    [
        ("2026-11-01-ok", "2026-11-01T12:00:00Z"),
        ("2026-11-20-api", "2026-11-20T14:00:00Z"),
        ("2026-11-20-api", "2026-11-20T14:25:00Z"),
    ]
    .iter()
    .map(|(e, at)| update_id(e, at))
    .collect()
}

pub fn webhooks(server: &Server, path: &str) -> Vec<WebhookBody> {
    server
        .to(path)
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not a webhook body: {e}\n{}", r.body)))
        .collect()
}

pub fn slacks(server: &Server, path: &str) -> Vec<SlackBody> {
    server
        .to(path)
        .iter()
        .map(|r| serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("not a Slack body: {e}\n{}", r.body)))
        .collect()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
