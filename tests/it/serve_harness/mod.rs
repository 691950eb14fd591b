//! The harness of the `allclear serve` tests: the real binary on a free
//! loopback port, on a copy of `tests/fixtures/base-site`, talked to with a
//! tiny HTTP/1.1 client. Every wait is a poll with a deadline, and every
//! server is killed on drop.
#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{NOW, copy_tree, fixture};

/// How long a server may take to answer its first request.
pub const STARTUP: Duration = Duration::from_secs(10);
/// How long an edit may take to show (the bound).
pub const EDIT: Duration = Duration::from_secs(2);
/// The same with `--poll` (500 ms polls, then the debounce).
pub const POLLED_EDIT: Duration = Duration::from_secs(5);

pub const INCIDENT: &str = "incidents/2026-11-01-ok.md";
pub const INCIDENT_PAGE: &str = "/incidents/2026-11-01-ok/";
pub const SCRIPT: &str = "new EventSource(\"/__allclear/events\")";
pub const OVERLAY: &str = "id=\"allclear-error\"";

/// A running `allclear serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// Everything it printed, stdout and stderr.
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// `allclear serve SITE --port P --now NOW EXTRA...` on a free port,
    /// once it answers `/`.
    pub fn start(site: &Path, extra: &[&str]) -> Server {
        Server::start_with(site, extra, |_| {})
    }

    /// [`Server::start`], with `setup` applied to the command first (to
    /// run it as another user, say).
    pub fn start_with(site: &Path, extra: &[&str], setup: impl FnOnce(&mut Command)) -> Server {
        let port = free_port();
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("allclear"));
        setup(&mut command);
        let mut child = command
            .arg("serve")
            .arg(site)
            .args(["--port", &port.to_string(), "--now", NOW])
            .args(extra)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start allclear serve");
        let log = Arc::new(Mutex::new(String::new()));
        collect(child.stdout.take().unwrap(), &log);
        collect(child.stderr.take().unwrap(), &log);
        let mut server = Server { child, port, log };
        let started = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("allclear serve exited with {status}:\n{}", server.log());
            }
            if try_get(port, "/").is_ok() {
                break;
            }
            assert!(
                started.elapsed() < STARTUP,
                "no answer in {STARTUP:?}:\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Polls what it printed until it holds `text` (the reader threads may
    /// lag behind the server's answers), for at most 5 s.
    pub fn wait_for_log(&self, text: &str) {
        let started = Instant::now();
        while !self.log().contains(text) {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "expected `{text}` in the output:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn get(&self, path: &str) -> Response {
        try_get(self.port, path).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", self.log()))
    }

    /// Polls `path` until `done` holds of the response, for at most `limit`.
    pub fn wait_for(&self, path: &str, limit: Duration, what: &str, done: impl Fn(&Response) -> bool) -> Response {
        let started = Instant::now();
        loop {
            let response = self.get(path);
            if done(&response) {
                return response;
            }
            assert!(
                started.elapsed() < limit,
                "{what}: not within {limit:?}; last response:\n{}\n--- server log:\n{}",
                response.body,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends Ctrl-C (SIGINT) and returns the exit status, within 10 s.
    #[cfg(unix)]
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let sent = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "still running 10 s after Ctrl-C:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Appends what `from` prints to `log`, on a thread of its own.
pub fn collect(from: impl Read + Send + 'static, log: &Arc<Mutex<String>>) {
    let log = Arc::clone(log);
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines() {
            let Ok(line) = line else { break };
            let mut log = log.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
}

/// A port nobody listened on a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A copy of `tests/fixtures/base-site` in a temporary folder.
pub fn site_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    (tmp, site)
}

/// Rewrites `file` with `from` replaced by `to`.
pub fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", file.display());
    fs::write(file, text.replace(from, to)).unwrap();
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

pub fn connect(port: u16) -> std::io::Result<TcpStream> {
    let stream = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    Ok(stream)
}

/// `GET path` over HTTP/1.1 with `Connection: close`.
pub fn try_get(port: u16, path: &str) -> std::io::Result<Response> {
    try_request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `head` (a whole request, ending in an empty line) and reads the
/// response until the server closes the connection.
pub fn try_request(port: u16, head: &str) -> std::io::Result<Response> {
    let mut stream = connect(port)?;
    stream.write_all(head.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no header end"))?;
    let head = String::from_utf8(raw[..split].to_vec()).map_err(|_| bad("header not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body).ok_or_else(|| bad("bad chunked body"))?;
    }
    let body = String::from_utf8(body).map_err(|_| bad("body not UTF-8"))?;
    Ok(Response { status, headers, body })
}

pub fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size = usize::from_str_radix(std::str::from_utf8(&raw[..line_end]).ok()?.trim(), 16).ok()?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size + 2..)?;
    }
}

/// An open `/__allclear/events` stream.
pub struct Events(BufReader<TcpStream>);

impl Events {
    pub fn open(port: u16) -> Events {
        let mut stream = connect(port).unwrap();
        write!(
            stream,
            "GET /__allclear/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        Events(reader)
    }

    /// The next event's data (a build generation), within the read timeout.
    pub fn next(&mut self) -> String {
        loop {
            let mut line = String::new();
            let n = self.0.read_line(&mut line).expect("an event within 5 s");
            assert!(n > 0, "the event stream ended");
            if let Some(data) = line.strip_prefix("data: ") {
                return data.trim_end().to_string();
            }
        }
    }
}

/// The generation a served page was built for, from its reload script.
pub fn page_generation(html: &str) -> &str {
    let start = html.find("const g=\"").expect("the reload script") + "const g=\"".len();
    let len = html[start..].find('"').unwrap();
    &html[start..start + len]
}
