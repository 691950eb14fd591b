//! `allclear serve`: the real binary on a free loopback port, on a copy of
//! `tests/fixtures/base-site`, talked to with a tiny HTTP/1.1 client
//! (`serve_harness`).

use crate::common;
use crate::serve_harness;

use std::fs;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::NOW;
use predicates::prelude::*;
use predicates::str::contains;
use serve_harness::*;

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

/// `GET path` with the raw header lines `headers` (each ending in CRLF).
fn get_as(server: &Server, path: &str, headers: &str) -> Response {
    let head = format!("GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n");
    try_request(server.port, &head).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", server.log()))
}

#[test]
fn requests_for_other_hosts_are_refused() {
    let (_tmp, site) = site_copy();
    let server = Server::start(&site, &[]);
    let port = server.port;

    // What a DNS rebinding page's requests look like: refused, the event
    // stream too, with what to pass instead.
    for path in ["/", INCIDENT_PAGE, "/no/such/page", "/__allclear/events"] {
        let refused = get_as(&server, path, "Host: evil.example\r\n");
        assert_eq!(refused.status, 403, "{path}: {}", refused.body);
        assert_eq!(refused.header("content-type"), Some("text/plain; charset=utf-8"));
        assert!(refused.body.contains("--allow-host evil.example"), "{}", refused.body);
        assert!(!refused.body.contains(SCRIPT) && !refused.body.contains("Fixture Status"));
    }
    let with_port = get_as(&server, "/", &format!("Host: Evil.Example:{port}\r\n"));
    assert_eq!(with_port.status, 403);
    assert!(
        with_port.body.contains("--allow-host evil.example"),
        "{}",
        with_port.body
    );
    server.wait_for_log("refused a request for host `evil.example` (403)");
    assert_eq!(
        server.log().matches("refused a request for host").count(),
        1,
        "told once per name:\n{}",
        server.log()
    );

    // Names that cannot be rebound, at any port: loopback, IP addresses,
    // localhost and the names below it.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        "192.0.2.7:8080".to_string(),
        format!("localhost:{port}"),
        "LocalHost".to_string(),
        format!("preview.localhost:{port}"),
    ] {
        let page = get_as(&server, "/", &format!("Host: {host}\r\n"));
        assert_eq!(page.status, 200, "Host: {host}");
        assert!(page.body.contains("<title>Fixture Status</title>"), "Host: {host}");
    }
    let events = get_as(&server, "/__allclear/missing", &format!("Host: localhost:{port}\r\n"));
    assert_eq!(events.status, 404);

    // No Host at all (HTTP/1.0), a name that only looks like localhost,
    // two Host headers, a user name, and a request line naming another
    // host (which wins over the Host header).
    let http10 = try_request(port, "GET / HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(http10.status, 403);
    assert!(http10.body.contains("without a Host header"), "{}", http10.body);
    for (what, head) in [
        (
            "a look-alike",
            "GET / HTTP/1.1\r\nHost: localhost.evil.example\r\n".to_string(),
        ),
        (
            "two Host headers",
            format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nHost: evil.example\r\n"),
        ),
        (
            "a user name",
            "GET / HTTP/1.1\r\nHost: localhost@evil.example\r\n".to_string(),
        ),
        (
            "the absolute form",
            format!("GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"),
        ),
    ] {
        let response = try_request(port, &format!("{head}Connection: close\r\n\r\n")).unwrap();
        assert_eq!(response.status, 403, "{what}: {}", response.body);
        assert!(!response.body.contains("Fixture Status"), "{what}");
    }
    let absolute_ok = try_request(
        port,
        &format!("GET http://localhost:{port}/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"),
    )
    .unwrap();
    assert_eq!(absolute_ok.status, 200, "the request line's host is the one checked");
}

#[test]
fn allow_host_and_bind_names_are_answered() {
    let (_tmp, site) = site_copy();
    let server = Server::start(
        &site,
        &["--allow-host", "Status.Example.test", "--allow-host", ".tunnel.test"],
    );
    for host in [
        "status.example.test",
        "status.example.test:443",
        "tunnel.test",
        "a1.tunnel.test:80",
    ] {
        assert_eq!(get_as(&server, "/", &format!("Host: {host}\r\n")).status, 200, "{host}");
    }
    for host in ["example.test", "other.example.test", "xtunnel.test"] {
        assert_eq!(get_as(&server, "/", &format!("Host: {host}\r\n")).status, 403, "{host}");
    }

    // On every address the machine's own addresses are not known in
    // advance: any IP address is answered, and names still are not.
    let everywhere = Server::start(&site, &["--bind", "0.0.0.0"]);
    for host in ["203.0.113.9:1111", "[2001:db8::1]:1111", "127.0.0.1"] {
        assert_eq!(
            get_as(&everywhere, "/", &format!("Host: {host}\r\n")).status,
            200,
            "{host}"
        );
    }
    assert_eq!(get_as(&everywhere, "/", "Host: evil.example\r\n").status, 403);
    everywhere.wait_for_log("to open it by a host name, serve with --allow-host NAME");
    // `--bind NAME` names where the user means to reach it.
    let named = Server::start(&site, &["--bind", "localhost"]);
    assert_eq!(get_as(&named, "/", "Host: localhost\r\n").status, 200);
}

#[test]
fn allow_host_takes_host_names_only() {
    let (_tmp, site) = site_copy();
    for (value, says) in [
        ("http://status.example.test/", "without scheme or path"),
        ("status.example.test:8080", "give the name alone"),
        ("*.example.test", "write `.example.test`"),
        ("a b", "is not a host name"),
    ] {
        common::allclear()
            .arg("serve")
            .arg(&site)
            .args(["--port", "0", "--allow-host", value])
            .timeout(Duration::from_secs(30))
            .assert()
            .code(2)
            .stderr(contains("--allow-host").and(contains(says)));
    }
}

#[test]
fn folder_redirects_stay_on_this_server() {
    let (_tmp, site) = site_copy();
    let server = Server::start(&site, &[]);
    let base = url::Url::parse(&format!("http://127.0.0.1:{}/", server.port)).unwrap();
    for (path, to) in [
        ("/history", "/history/"),
        ("//history", "/history/"),
        ("///history?x=1", "/history/?x=1"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 307, "{path}");
        let location = response.header("location").expect("a Location");
        // Resolved as a browser would, against the URL it asked for.
        let asked = url::Url::parse(&format!("http://127.0.0.1:{}{path}", server.port)).unwrap();
        assert_eq!(asked.path(), path.split('?').next().unwrap());
        let target = asked.join(location).unwrap();
        assert_eq!(target.origin(), base.origin(), "{path} -> {location}");
        assert_eq!(&target[url::Position::BeforePath..], to, "{path} -> {location}");
    }
}
