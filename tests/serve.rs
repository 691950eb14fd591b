//! `allclear serve`: the real binary on a free loopback port, on a copy of
//! `tests/fixtures/base-site`, talked to with a tiny HTTP/1.1 client
//! (`serve_harness`).

mod common;
mod serve_harness;

use std::fs;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::NOW;
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
