//! `allclear serve`: the real binary on a free loopback port, on a copy of
//! `tests/fixtures/base-site`, talked to with a tiny HTTP/1.1 client. Every
//! wait is a poll with a deadline, and every server is killed on drop.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{NOW, copy_tree, fixture};
use predicates::str::contains;

/// How long a server may take to answer its first request.
const STARTUP: Duration = Duration::from_secs(10);
/// How long an edit may take to show (the bound).
const EDIT: Duration = Duration::from_secs(2);
/// The same with `--poll` (500 ms polls, then the debounce).
const POLLED_EDIT: Duration = Duration::from_secs(5);

const INCIDENT: &str = "incidents/2026-11-01-ok.md";
const INCIDENT_PAGE: &str = "/incidents/2026-11-01-ok/";
const SCRIPT: &str = "new EventSource(\"/__allclear/events\")";
const OVERLAY: &str = "id=\"allclear-error\"";

/// A running `allclear serve`; killed when dropped.
struct Server {
    child: Child,
    port: u16,
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
    fn start(site: &Path, extra: &[&str]) -> Server {
        let port = free_port();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("allclear"))
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

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Polls what it printed until it holds `text` (the reader threads may
    /// lag behind the server's answers), for at most 5 s.
    fn wait_for_log(&self, text: &str) {
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

    fn get(&self, path: &str) -> Response {
        try_get(self.port, path).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", self.log()))
    }

    /// Polls `path` until `done` holds of the response, for at most `limit`.
    fn wait_for(&self, path: &str, limit: Duration, what: &str, done: impl Fn(&Response) -> bool) -> Response {
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
    fn interrupt(&mut self) -> std::process::ExitStatus {
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
fn collect(from: impl Read + Send + 'static, log: &Arc<Mutex<String>>) {
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
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A copy of `tests/fixtures/base-site` in a temporary folder.
fn site_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    (tmp, site)
}

/// Rewrites `file` with `from` replaced by `to`.
fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", file.display());
    fs::write(file, text.replace(from, to)).unwrap();
}

#[derive(Debug)]
struct Response {
    status: u16,
    /// Names in lower case.
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn connect(port: u16) -> std::io::Result<TcpStream> {
    let stream = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    Ok(stream)
}

/// `GET path` over HTTP/1.1 with `Connection: close`.
fn try_get(port: u16, path: &str) -> std::io::Result<Response> {
    let mut stream = connect(port)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
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

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
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
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Events {
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
    fn next(&mut self) -> String {
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
fn page_generation(html: &str) -> &str {
    let start = html.find("const g=\"").expect("the reload script") + "const g=\"".len();
    let len = html[start..].find('"').unwrap();
    &html[start..start + len]
}

#[test]
fn serve_previews_edits_shows_errors_and_recovers() {
    let (_tmp, site) = site_copy();
    let mut server = Server::start(&site, &[]);
    // Loopback by default.
    server.wait_for_log(&format!(
        "Serving {} at http://127.0.0.1:{}/ (Ctrl-C to stop)",
        site.display(),
        server.port
    ));

    // The status page, with the reload script and no overlay.
    let index = server.get("/");
    assert_eq!(index.status, 200);
    assert_eq!(index.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(index.header("cache-control"), Some("no-store"));
    assert!(index.body.contains("<title>Fixture Status</title>"), "{}", index.body);
    assert!(index.body.contains(SCRIPT), "{}", index.body);
    assert_eq!(index.body.matches(SCRIPT).count(), 1, "the reload script is added once");
    assert!(!index.body.contains(OVERLAY));
    let script_at = index.body.find(SCRIPT).unwrap();
    assert!(
        index.body[script_at..].contains("</body>"),
        "the script goes inside <body>"
    );

    // The event stream starts with the generation the page was served with.
    let mut events = Events::open(server.port);
    let first = events.next();
    assert_eq!(first, page_generation(&index.body));

    // An edit shows within the bound, and the stream announces it.
    let page = server.get(INCIDENT_PAGE);
    assert!(page.body.contains("A valid incident"), "{}", page.body);
    let started = Instant::now();
    edit(
        &site.join(INCIDENT),
        "title: A valid incident",
        "title: A retitled incident",
    );
    let page = server.wait_for(INCIDENT_PAGE, EDIT, "the new title", |r| {
        r.body.contains("A retitled incident")
    });
    eprintln!("edit shown after {:?}", started.elapsed());
    let second = events.next();
    assert_ne!(second, first);
    assert_eq!(page_generation(&page.body), second);

    // A broken edit: the overlay with the file and line, on the last good build.
    edit(&site.join(INCIDENT), "impact: minor", "impact: huge");
    let broken = server.wait_for(INCIDENT_PAGE, EDIT, "the error overlay", |r| r.body.contains(OVERLAY));
    assert_eq!(broken.status, 200);
    assert!(
        broken
            .body
            .contains(&format!("{INCIDENT}:3:9: `huge` is not a valid value for `impact`")),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("help: write one of: none, minor, major, critical"));
    assert!(
        broken.body.contains("A retitled incident"),
        "the last good build stays served"
    );
    assert!(broken.body.contains(SCRIPT));
    let third = events.next();
    assert_ne!(third, second, "a failed build reloads the pages too");
    let not_found = server.get("/no/such/page");
    assert!(not_found.body.contains(OVERLAY), "every page shows it");
    server.wait_for_log("Build failed: 1 error; still serving the last good build");
    server.wait_for_log("`huge` is not a valid value for `impact`");

    // Fixed: the overlay is gone.
    edit(&site.join(INCIDENT), "impact: huge", "impact: major");
    let fixed = server.wait_for(INCIDENT_PAGE, EDIT, "the overlay gone", |r| !r.body.contains(OVERLAY));
    assert!(fixed.body.contains("A retitled incident"));
    assert_ne!(events.next(), third);

    // Unknown paths get the built 404 page with status 404.
    let missing = server.get("/no/such/page");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(missing.body.contains("Page not found") && missing.body.contains(SCRIPT));
    // Its links are absolute: in the preview they point at the preview.
    let local_css = format!("href=\"http://127.0.0.1:{}/style.css\"", server.port);
    assert!(missing.body.contains(&local_css), "{}", missing.body);

    // Content types by extension, and no script outside HTML.
    for (path, content_type) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/history.rss", "application/rss+xml"),
        ("/history.atom", "application/atom+xml"),
        ("/feed.json", "application/json"),
        ("/api/v2/summary.json", "application/json"),
        ("/maintenance.ics", "text/calendar; charset=utf-8"),
        ("/badges/status.svg", "image/svg+xml"),
        ("/history/index.html", "text/html; charset=utf-8"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some(content_type), "{path}");
        assert_eq!(response.header("cache-control"), Some("no-store"), "{path}");
        assert_eq!(
            response.body.contains("__allclear"),
            content_type.starts_with("text/html"),
            "{path}"
        );
    }

    // A folder without its slash is sent to it, so relative links work.
    let redirect = server.get("/history");
    assert_eq!(redirect.status, 307);
    assert_eq!(redirect.header("location"), Some("/history/"));

    // Ctrl-C stops it cleanly, event stream open or not.
    #[cfg(unix)]
    {
        let status = server.interrupt();
        assert!(status.success(), "exit status {status}:\n{}", server.log());
    }
}

#[test]
fn poll_mode_sees_edits() {
    let (_tmp, site) = site_copy();
    let server = Server::start(&site, &["--poll"]);
    assert!(server.get(INCIDENT_PAGE).body.contains("A valid incident"));
    edit(
        &site.join(INCIDENT),
        "title: A valid incident",
        "title: A polled incident",
    );
    server.wait_for(INCIDENT_PAGE, POLLED_EDIT, "the new title with --poll", |r| {
        r.body.contains("A polled incident")
    });
}

#[test]
fn a_site_that_never_built_shows_its_errors_until_fixed() {
    let (_tmp, site) = site_copy();
    edit(&site.join(INCIDENT), "impact: minor", "impact: huge");
    let server = Server::start(&site, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains(OVERLAY) && page.body.contains(SCRIPT),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("{INCIDENT}:3:9")), "{}", page.body);
    server.wait_for_log("Build failed: 1 error; nothing to serve until it builds");
    edit(&site.join(INCIDENT), "impact: huge", "impact: minor");
    let page = server.wait_for("/", EDIT, "the site once fixed", |r| r.status == 200);
    assert!(!page.body.contains(OVERLAY));
}

#[test]
fn writes_to_the_output_folder_and_hidden_files_do_not_rebuild() {
    let (_tmp, site) = site_copy();
    let server = Server::start(&site, &[]);
    let before = page_generation(&server.get("/").body).to_string();
    fs::create_dir_all(site.join("public")).unwrap();
    fs::write(site.join("public/index.html"), "stale").unwrap();
    fs::write(site.join("incidents/.draft.md.swp"), "x").unwrap();
    fs::write(site.join("incidents/notes.md~"), "x").unwrap();
    // Longer than the debounce and a build.
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(page_generation(&server.get("/").body), before, "{}", server.log());
    assert!(!server.log().contains("Changed:"), "{}", server.log());
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let (_tmp, site) = site_copy();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    common::allclear()
        .arg("serve")
        .arg(&site)
        .args(["--port", &port, "--now", NOW])
        .timeout(Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(contains(format!(
            "error: cannot listen on 127.0.0.1:{port}: the port is in use"
        )));
}

#[test]
fn build_output_has_no_reload_script() {
    let (tmp, site) = site_copy();
    let out = tmp.path().join("out");
    common::build_pinned(&site, Some(&out)).assert().success();
    let mut pages = 0;
    for (path, bytes) in common::snapshot_tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__allclear"), "{} has the serve script", path.display());
        assert!(!text.contains("EventSource"), "{}", path.display());
        pages += usize::from(path.extension().is_some_and(|e| e == "html"));
    }
    assert!(pages > 5, "only {pages} pages built");
}
