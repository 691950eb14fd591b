//! End-to-end: run the `allclear` binary on real site folders and check
//! what it writes.

use crate::common;

use std::fs;
use std::path::Path;

use common::{NOW, allclear, build_pinned, copy_tree, example_site, fixture, snapshot_tree};

/// Build the example site at the pinned time into `out`.
fn build_example(out: &Path) {
    build_pinned(example_site(), Some(out)).assert().success();
}

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text of `html` between the element opening with `start` and `end`.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no `{start}`"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn index_shows_the_live_incident_maintenance_components_and_past_days() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let index = read(&out, "index.html");

    assert!(index.contains(r#"<h1 id="overall-status">Partial System Outage</h1>"#));
    let ongoing = section(&index, r#"id="h-ongoing""#, "</section>");
    assert!(ongoing.contains("Elevated error rates on the API"), "{ongoing}");
    assert!(ongoing.contains(r#"href="incidents/2026-11-20-api-errors/index.html""#));
    assert!(
        ongoing
            .contains(r#"Next update expected by <time datetime="2026-11-20T15:30:00Z">Nov 20, 2026 16:30 CET</time>"#),
        "{ongoing}"
    );
    assert_eq!(ongoing.matches("<article").count(), 1, "exactly one ongoing incident");

    let active = section(&index, r#"id="h-active""#, "</section>");
    assert!(active.contains("Search index migration"));
    let upcoming = section(&index, r#"id="h-upcoming""#, "</section>");
    assert!(upcoming.contains("Primary database upgrade"));
    assert!(upcoming.contains("Rescheduled"), "the moved maintenance says so");
    assert!(
        !upcoming.contains("Webhooks cluster"),
        "a cancelled maintenance is not upcoming"
    );

    let components = section(&index, r#"id="h-components""#, "</section>");
    assert_eq!(
        components.matches(r#"<li class="component" data-component=""#).count(),
        11
    );
    assert_eq!(components.matches(r#"class="group__name""#).count(), 4);
    let bars: Vec<&str> = components
        .split(r#"<div class="uptime__bar" aria-hidden="true" data-first="2026-08-23">"#)
        .skip(1)
        .map(|rest| &rest[..rest.find("</div>").unwrap()])
        .collect();
    assert_eq!(
        bars.len(),
        11,
        "one bar per component, starting 89 days before the build"
    );
    for bar in &bars {
        assert_eq!(
            bar.matches("<i").count() + bar.matches("<a ").count(),
            90,
            "90 day cells: {bar}"
        );
    }
    assert!(components.contains("Degraded performance"), "status as text");
    assert!(
        components.contains(r#"title="Nov 20, 2026: "#),
        "a day with an incident has its date and uptime in the cell"
    );
    assert!(
        components.contains("days with incidents</summary>"),
        "incident days are listed for keyboards and screen readers"
    );
    assert!(components.contains(r#"<li><time datetime="2026-11-20">Nov 20, 2026</time>: "#));

    let past = section(&index, r#"id="h-past""#, "</section>");
    assert_eq!(past.matches(r#"<h3 class="day__date">"#).count(), 7);
    assert!(past.contains(r#"<time datetime="2026-11-19">Nov 19, 2026</time></h3>"#));
    assert!(past.contains("No incidents reported."), "quiet days say so");
    assert!(
        past.contains("Webhook retries delayed") || past.contains("webhook"),
        "Nov 14 has its incident"
    );

    assert!(index.contains("Page built <time datetime=\"2026-11-20T15:00:00Z\">Nov 20, 2026 16:00 CET</time>"));
    assert!(index.contains("Times are shown in Europe/Berlin, or in your own time zone when scripts run."));
}

#[test]
fn every_entry_and_component_has_a_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let incidents = fs::read_dir(out.join("incidents")).unwrap().count();
    let maintenance = fs::read_dir(out.join("maintenance")).unwrap().count();
    let components = fs::read_dir(out.join("components")).unwrap().count();
    assert_eq!((incidents, maintenance, components), (27, 8, 11));

    let live = read(&out, "incidents/2026-11-20-api-errors/index.html");
    assert!(live.contains("<h1>Elevated error rates on the API</h1>"));
    assert!(live.contains("Ongoing"));
    assert_eq!(live.matches(r#"class="timeline__item"#).count(), 2);
    assert!(
        live.contains(r#"id="update-20261120t142500z""#),
        "anchors are stable, time-based"
    );

    let postmortem = read(&out, "incidents/2026-10-06-database-outage/index.html");
    assert!(postmortem.contains(r#"<h2 id="h-postmortem">Postmortem</h2>"#));
    assert!(postmortem.to_lowercase().contains("root cause"));
    assert!(postmortem.contains("Resolved</dt>") || postmortem.contains(">Resolved<"));
    // A resolved incident shows how bad it got, not the final all-clear.
    assert!(postmortem.contains(r#"Primary database</a> <span class="badge badge--major_outage">"#));
    assert!(postmortem.contains("Critical impact"));
    let quiet = read(&out, "incidents/2026-11-05-storage-listing-slow/index.html");
    assert!(quiet.contains("No impact"), "impact none reads as `No impact`");

    let cancelled = read(&out, "maintenance/2026-11-27-webhooks-cluster-move/index.html");
    assert!(cancelled.contains("was cancelled"));
    let moved = read(&out, "maintenance/2026-11-24-jobs-scheduler-migration/index.html");
    assert!(moved.contains("rescheduled"), "the window shows it moved");
    assert!(moved.contains("<del>"), "the first window is struck through");

    let search = read(&out, "components/search/index.html");
    assert!(search.contains("<h1>Search</h1>"));
    assert!(search.contains("Under maintenance"));
    assert!(search.contains("Search index migration"));

    let not_found = read(&out, "404.html");
    assert!(
        not_found.contains(r#"href="https://status.lumen.example/index.html""#),
        "404 links are absolute"
    );
    for asset in ["style.css", "favicon.svg", "logo.svg", ".allclear-output"] {
        assert!(out.join(asset).is_file(), "{asset}");
    }
}

#[test]
fn history_has_a_page_per_month_linked_both_ways() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let index = read(&out, "history/index.html");
    for month in ["05", "06", "07", "08", "09", "10", "11"] {
        assert!(
            index.contains(&format!(r#"href="../history/2026/{month}/index.html""#)),
            "month {month} listed"
        );
    }
    assert!(index.contains("November 2026</a> <span class=\"count\">"));

    let october = read(&out, "history/2026/10/index.html");
    assert!(october.contains("<h1>October 2026</h1>"));
    assert!(october.contains(r#"href="../../../history/2026/11/index.html" rel="next""#));
    assert!(october.contains(r#"href="../../../history/2026/09/index.html" rel="prev""#));
    assert!(october.contains("Primary database outage") || october.contains("database"));
    let newest = read(&out, "history/2026/11/index.html");
    assert!(!newest.contains(r#"rel="next""#), "no month after the newest");
    let oldest = read(&out, "history/2026/05/index.html");
    assert!(!oldest.contains(r#"rel="prev""#), "no month before the oldest");

    let listed: usize = ["05", "06", "07", "08", "09", "10", "11"]
        .iter()
        .map(|m| {
            read(&out, &format!("history/2026/{m}/index.html"))
                .matches("<article")
                .count()
        })
        .sum();
    // 27 incidents and every maintenance that has started (5) or was cancelled (1).
    assert_eq!(listed, 27 + 6);
}

#[test]
fn history_rss_parses_with_one_item_per_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let xml = fs::read(out.join("history.rss")).unwrap();
    let channel = rss::Channel::read_from(&xml[..]).expect("valid RSS 2.0");
    assert_eq!(channel.title(), "Lumen Status - Incident History");
    assert_eq!(channel.link(), "https://status.lumen.example/");
    assert_eq!(channel.items().len(), 27 + 8, "one item per incident or maintenance");

    let live = channel
        .items()
        .iter()
        .find(|i| i.link() == Some("https://status.lumen.example/incidents/2026-11-20-api-errors/"))
        .expect("the live incident");
    assert_eq!(
        live.pub_date(),
        Some("Fri, 20 Nov 2026 14:25:00 +0000"),
        "the newest update"
    );
    assert_eq!(live.guid().map(|g| g.value()), live.link());
    let description = live.description().unwrap();
    let identified = description.find("<strong>Identified</strong>").unwrap();
    let investigating = description.find("<strong>Investigating</strong>").unwrap();
    assert!(identified < investigating, "updates newest first");
    assert!(description.contains("<var data-var='time'>15:25</var> CET"));

    let text = String::from_utf8(xml).unwrap();
    assert!(text.contains("<maintenanceEndDate>Tue, 01 Dec 2026 04:00:00 +0000</maintenanceEndDate>"));
    assert_eq!(text.matches("<maintenanceEndDate>").count(), 8);
    let upcoming = channel
        .items()
        .iter()
        .find(|i| i.title() == Some("Primary database upgrade"))
        .unwrap();
    assert_eq!(
        upcoming.pub_date(),
        Some("Tue, 01 Dec 2026 02:00:00 +0000"),
        "a scheduled maintenance is dated at its start"
    );
}

#[test]
fn pinned_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_example(&a);
    allclear()
        .arg("build")
        .arg(example_site())
        .arg("--out")
        .arg(&b)
        .env("SOURCE_DATE_EPOCH", "1795186800") // 2026-11-20T15:00:00Z
        .assert()
        .success();
    let (left, right) = (snapshot_tree(&a), snapshot_tree(&b));
    assert_eq!(left.len(), right.len());
    for ((pa, ba), (pb, bb)) in left.iter().zip(&right) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{} differs between two pinned builds", pa.display());
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&example_site(), &site);
    let out = tmp.path().join("public");
    build_pinned(&site, Some(&out)).assert().success();
    let before = snapshot_tree(&out);

    fs::write(
        site.join("incidents/broken.md"),
        "---\ntitle: Broken\nimpact: catastrophic\n---\n",
    )
    .unwrap();
    build_pinned(&site, Some(&out))
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "broken.md:3:9: `catastrophic` is not a valid value for `impact`",
        ))
        .stderr(predicates::str::contains("the output folder was not changed"));
    assert!(before == snapshot_tree(&out), "the output changed after a failed build");
    let mut names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".public.allclear-cache", ".public.allclear-lock", "public", "site"],
        "no temporary folders left, only the output's load cache and lock file"
    );
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    build_pinned(example_site(), Some(&out))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("was not written by allclear"));
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(
        site.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Custom 404 for {{ site.title }}</p>{% endblock content %}",
    )
    .unwrap();
    fs::create_dir_all(site.join("static")).unwrap();
    fs::write(site.join("static/style.css"), "body { color: hotpink; }").unwrap();
    fs::write(site.join("static/robots.txt"), "User-agent: *\n").unwrap();
    build_pinned(&site, None).assert().success();
    let out = site.join("public");
    assert!(read(&out, "404.html").contains("<p>Custom 404 for Fixture Status</p>"));
    assert_eq!(read(&out, "style.css"), "body { color: hotpink; }");
    assert_eq!(read(&out, "robots.txt"), "User-agent: *\n");
    assert!(
        read(&out, "index.html").contains("All Systems Operational"),
        "other templates stay the theme's"
    );
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    allclear()
        .arg("build")
        .arg(fixture("base-site"))
        .arg("--out")
        .arg(&out)
        .args(["--now", NOW, "--base-url", "https://example.org/status/"])
        .assert()
        .success();
    let rss = read(&out, "history.rss");
    assert!(
        rss.contains("<link>https://example.org/status/incidents/2026-11-01-ok/</link>"),
        "{rss}"
    );
    assert!(read(&out, "index.html").contains(r#"<link rel="canonical" href="https://example.org/status/">"#));
}

#[test]
fn a_broken_template_override_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::create_dir_all(site.join("templates")).unwrap();
    fs::write(site.join("templates/index.html"), "{% if %}").unwrap();
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("index.html"));
    assert!(!site.join("public").exists());
}

#[test]
fn bad_usage_exits_2() {
    allclear()
        .args(["build", "--now", "yesterday"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not an RFC 3339 time"));
    allclear().args(["build", "--bogus"]).assert().code(2);
    allclear()
        .arg("build")
        .arg(fixture("does-not-exist"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no site.yaml here"));
}

#[test]
fn a_component_page_lists_the_newest_fifty_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    for day in 1..=28 {
        for (hour, id) in [(8, "a"), (14, "b")] {
            let text = format!(
                "---\ntitle: Incident {day}{id}\nimpact: minor\ncomponents:\n  web: degraded_performance\nupdates:\n  - at: 2026-10-{day:02}T{hour:02}:00:00Z\n    status: resolved\n---\n"
            );
            fs::write(site.join(format!("incidents/2026-10-{day:02}-{id}.md")), text).unwrap();
        }
    }
    build_pinned(&site, None).assert().success();
    let page = read(&site.join("public"), "components/web/index.html");
    assert_eq!(page.matches("<article").count(), 50);
    assert!(page.contains("Incident 28b"), "the newest is listed");
    assert!(!page.contains("Incident 1a<"), "the oldest is left to the history");
    assert!(page.contains("The newest 50 of 56 are shown."));
}

#[test]
fn a_theme_named_in_site_yaml_overrides_the_default_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "theme: plain");
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("theme `plain` not found"));
    fs::create_dir_all(site.join("themes/plain/templates")).unwrap();
    fs::create_dir_all(site.join("themes/plain/static")).unwrap();
    fs::write(
        site.join("themes/plain/templates/index.html"),
        "<p>{{ status.description }}</p>",
    )
    .unwrap();
    fs::write(site.join("themes/plain/static/plain.css"), "p {}").unwrap();
    build_pinned(&site, None).assert().success();
    let out = site.join("public");
    assert_eq!(read(&out, "index.html"), "<p>All Systems Operational</p>");
    assert!(out.join("plain.css").is_file());
    assert!(
        read(&out, "404.html").contains("Page not found"),
        "templates it lacks come from the default theme"
    );
}

#[test]
fn next_change_tells_ci_when_to_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let doc: serde_json::Value = serde_json::from_str(&read(&out, "api/allclear/next-change.json")).unwrap();
    assert_eq!(doc["generated_at"], "2026-11-20T15:00:00Z");
    assert_eq!(
        doc["next_change"], "2026-11-20T15:30:00Z",
        "the live incident's promised update"
    );
    let changes: Vec<(&str, &str)> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["at"].as_str().unwrap(), c["what"].as_str().unwrap()))
        .collect();
    assert!(changes.contains(&(
        "2026-11-20T17:00:00Z",
        "maintenance `2026-11-20-search-index-migration` ends"
    )));
    assert!(
        changes.contains(&("2026-11-20T23:00:00Z", "a new day begins in the site's time zone")),
        "midnight in Berlin"
    );
    assert!(changes.windows(2).all(|w| w[0].0 <= w[1].0), "soonest first");
}

#[test]
fn pages_embed_the_state_their_script_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    let index = read(&out, "index.html");
    let start = index
        .find(r#"<script type="application/json" id="allclear-state" data-flip="allclear-flip.js">"#)
        .expect("the state names the flip script, relative to the page");
    let json = &index[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let state: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(state["built"], "2026-11-20T15:00:00Z");
    assert_eq!(state["base"], "major", "the indicator from incidents alone");
    assert_eq!(
        state["comps"]["search"], "operational",
        "statuses before maintenance is laid over them"
    );
    assert_eq!(state["comps"]["api"], "degraded_performance");
    let maint = state["maint"].as_array().unwrap();
    let search = maint
        .iter()
        .find(|m| m["id"] == "2026-11-20-search-index-migration")
        .unwrap();
    assert_eq!(
        (search["status"].as_str(), search["until"].as_str()),
        (Some("in_progress"), Some("2026-11-20T17:00:00Z"))
    );
    assert!(
        !maint.iter().any(|m| m["id"] == "2026-11-27-webhooks-cluster-move"),
        "cancelled work never flips"
    );
    let script = &index[index.rfind("<script>").unwrap() + "<script>".len()..];
    let script = &script[..script.find("</script>").unwrap()];
    assert!(
        script.len() <= 6144,
        "the inline script stays within 6 KB: {} bytes",
        script.len()
    );
    assert!(!script.contains("// "), "comments are stripped");
}

#[test]
fn a_pale_accent_colour_is_made_readable_and_the_embed_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "accent_color: \"#ffff00\"");
    build_pinned(&site, None).assert().success();
    let out = site.join("public");
    let index = read(&out, "index.html");
    let style = &index[index.find(":root { --accent: ").unwrap()..];
    let light = &style[18..25];
    assert_ne!(light, "#ffff00", "yellow text on white fails WCAG; it is darkened");
    assert!(
        style.contains("@media (prefers-color-scheme: dark) { :root { --accent: #ffff00; } }"),
        "{style}"
    );

    let embed = read(&out, "embed.html");
    assert!(
        embed.contains(r#"<pre><code>&lt;script src="https://status.fixture.example/embed.js" data-label="Status page" async&gt;&lt;/script&gt;</code></pre>"#),
        "the snippet to paste: {embed}"
    );
    let js = read(&out, "embed.js");
    assert!(js.contains("embed-status.js"));
    // The status as a script, for embeds on other origins: the same object
    // as status.json, inside a call, with the `clock` that moves it on
    // between builds when the clock can.
    let status: serde_json::Value = serde_json::from_str(&read(&out, "api/v2/status.json")).unwrap();
    let script = read(&out, "embed-status.js");
    let detail = &script[script.find("{ detail: ").unwrap() + "{ detail: ".len()..script.rfind(" }));").unwrap()];
    let mut detail: serde_json::Value = serde_json::from_str(detail).unwrap();
    detail.as_object_mut().unwrap().remove("clock");
    assert_eq!(detail, status, "{script}");
}

#[test]
fn refuses_an_output_folder_that_would_destroy_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    for (out, what) in [
        (site.clone(), "the site folder itself"),
        (tmp.path().to_path_buf(), "a folder that contains the site"),
    ] {
        build_pinned(&site, Some(&out))
            .assert()
            .code(1)
            .stderr(predicates::str::contains(format!(
                "refusing to write the site into {}: it is {what}",
                out.display()
            )));
    }
    assert!(
        site.join("site.yaml").is_file() && site.join("incidents/2026-11-01-ok.md").is_file(),
        "nothing was touched"
    );
    build_pinned(&site, Some(Path::new("/")))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("the root of the file system"));
}

#[test]
fn a_content_security_policy_allows_only_the_pages_own_inline_script() {
    use base64::Engine;
    use sha2::Digest;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_example(&out);
    for page in ["index.html", "incidents/2026-11-20-api-errors/index.html", "404.html"] {
        let html = read(&out, page);
        // The policy as a browser reads it: the attribute unescaped.
        let doc = scraper::Html::parse_document(&html);
        let meta = scraper::Selector::parse(r#"meta[http-equiv="Content-Security-Policy"]"#).unwrap();
        let csp = doc.select(&meta).next().expect(page).value().attr("content").unwrap();
        let script = &html[html.rfind("<script>").unwrap() + 8..];
        let script = &script[..script.find("</script>").unwrap()];
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
        let own = "'self' https://status.lumen.example";
        assert!(
            csp.contains(&format!("script-src {own} 'sha256-{hash}'")),
            "{page}: {csp}"
        );
        assert!(
            csp.contains("object-src 'none'") && !csp.contains("unsafe-inline"),
            "{page}: {csp}"
        );
        let style = &html[html.find("<style>").unwrap() + 7..];
        let style = &style[..style.find("</style>").unwrap()];
        let style_hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
        assert!(
            csp.contains(&format!("style-src {own} 'sha256-{style_hash}'")),
            "the accent <style> only: {csp}"
        );
    }
}
