//! Feeds, each parsed by an independent library: `rss`, `atom_syndication`
//! and `serde_json` (JSON Feed 1.1).

use crate::common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{build_pinned, example_site};

fn built_example() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    (tmp, out)
}

fn atom(out: &Path, path: &str) -> atom_syndication::Feed {
    let bytes = fs::read(out.join(path)).unwrap();
    atom_syndication::Feed::read_from(&bytes[..]).unwrap_or_else(|e| panic!("{path} is not valid Atom: {e}"))
}

fn rss(out: &Path, path: &str) -> rss::Channel {
    let bytes = fs::read(out.join(path)).unwrap();
    rss::Channel::read_from(&bytes[..]).unwrap_or_else(|e| panic!("{path} is not valid RSS: {e}"))
}

const LIVE: &str = "https://status.lumen.example/incidents/2026-11-20-api-errors/";

#[test]
fn history_atom_is_the_twin_of_history_rss() {
    let (_tmp, out) = built_example();
    let feed = atom(&out, "history.atom");
    assert_eq!(feed.id(), "tag:status.lumen.example,2005:/history");
    assert_eq!(feed.title().as_str(), "Lumen Status - Incident History");
    assert_eq!(feed.authors()[0].name(), "Lumen Status");
    let rels: Vec<(&str, &str)> = feed.links().iter().map(|l| (l.rel(), l.href())).collect();
    assert!(rels.contains(&("alternate", "https://status.lumen.example/")));
    assert!(rels.contains(&("self", "https://status.lumen.example/history.atom")));
    assert_eq!(feed.entries().len(), 35);
    assert_eq!(feed.entries().len(), rss(&out, "history.rss").items().len());

    let ids: HashSet<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), 35, "entry ids are unique");
    assert!(
        ids.iter()
            .all(|id| id.starts_with("tag:status.lumen.example,2005:Incident/"))
    );

    let live = feed.entries().iter().find(|e| e.links()[0].href() == LIVE).unwrap();
    assert_eq!(
        live.published().unwrap().to_rfc3339(),
        "2026-11-20T14:03:00+00:00",
        "published = first update"
    );
    assert_eq!(
        live.updated().to_rfc3339(),
        "2026-11-20T14:25:00+00:00",
        "updated = newest update"
    );
    let content = live.content().unwrap();
    assert_eq!(content.content_type(), Some("html"));
    assert!(content.value().unwrap().contains("<strong>Identified</strong>"));
}

#[test]
fn updates_feeds_have_one_item_per_update() {
    let (_tmp, out) = built_example();
    let channel = rss(&out, "updates.rss");
    let feed = atom(&out, "updates.atom");
    assert_eq!(channel.items().len(), 100, "the newest 100 updates");
    assert_eq!(feed.entries().len(), 100);

    let newest = &channel.items()[0];
    assert_eq!(newest.title(), Some("[Identified] Elevated error rates on the API"));
    assert_eq!(newest.link(), Some(&*format!("{LIVE}#update-20261120t142500z")));
    assert_eq!(newest.pub_date(), Some("Fri, 20 Nov 2026 14:25:00 +0000"));
    let guid = newest.guid().unwrap();
    assert!(!guid.is_permalink());
    assert!(
        guid.value()
            .starts_with("tag:status.lumen.example,2005:IncidentUpdate/")
    );
    assert!(
        newest
            .description()
            .unwrap()
            .contains("Next update expected by Nov 20, 2026 16:30 CET")
    );

    let guids: HashSet<&str> = channel.items().iter().map(|i| i.guid().unwrap().value()).collect();
    assert_eq!(guids.len(), 100, "one id per update");
    assert_eq!(feed.entries()[0].id(), guid.value(), "RSS and Atom agree on ids");
    let dates: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // The page has the anchor the item links to.
    let page = fs::read_to_string(out.join("incidents/2026-11-20-api-errors/index.html")).unwrap();
    assert!(page.contains(r#"id="update-20261120t142500z""#));
}

#[test]
fn update_ids_survive_a_new_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&example_site(), &site);
    let out = tmp.path().join("a");
    build_pinned(&site, Some(&out)).assert().success();
    let before = rss(&out, "updates.rss");

    let path = site.join("incidents/2026/11/2026-11-20-api-errors.md");
    let text = fs::read_to_string(&path).unwrap();
    let added = text.replacen(
        "updates:\n",
        "updates:\n  - at: 2026-11-20T14:50:00Z\n    status: identified\n    message: Rollback half done.\n",
        1,
    );
    fs::write(&path, added).unwrap();
    let out2 = tmp.path().join("b");
    build_pinned(&site, Some(&out2)).assert().success();
    let after = rss(&out2, "updates.rss");
    assert_eq!(
        after.items()[0].title(),
        Some("[Identified] Elevated error rates on the API")
    );
    assert_eq!(after.items()[0].pub_date(), Some("Fri, 20 Nov 2026 14:50:00 +0000"));
    // The older updates keep their guid and link.
    let key = |c: &rss::Channel, n: usize| {
        (
            c.items()[n].guid().unwrap().value().to_string(),
            c.items()[n].link().unwrap().to_string(),
        )
    };
    assert_eq!(key(&before, 0), key(&after, 1));
}

#[test]
fn json_feed_parses_and_matches_the_updates() {
    let (_tmp, out) = built_example();
    let doc: serde_json::Value = serde_json::from_slice(&fs::read(out.join("feed.json")).unwrap()).unwrap();
    assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(doc["home_page_url"], "https://status.lumen.example/");
    assert_eq!(doc["feed_url"], "https://status.lumen.example/feed.json");
    let items = doc["items"].as_array().unwrap();
    assert_eq!(items.len(), 100);
    assert_eq!(items[0]["title"], "[Identified] Elevated error rates on the API");
    assert_eq!(items[0]["date_published"], "2026-11-20T14:25:00Z");
    let atom = atom(&out, "updates.atom");
    assert_eq!(items[0]["id"], atom.entries()[0].id());
    for item in items {
        for key in ["id", "url", "title", "content_html", "date_published"] {
            assert!(item[key].is_string(), "{key} in {item}");
        }
    }
}

#[test]
fn component_feeds_hold_only_what_affects_the_component() {
    let (_tmp, out) = built_example();
    let search = rss(&out, "components/search/history.rss");
    assert_eq!(search.link(), "https://status.lumen.example/components/search/");
    let titles: Vec<&str> = search.items().iter().filter_map(|i| i.title()).collect();
    assert!(titles.contains(&"Search index migration"));
    assert!(titles.contains(&"Search unavailable"));
    assert!(!titles.contains(&"Elevated error rates on the API"));
    let atom = atom(&out, "components/search/history.atom");
    assert_eq!(atom.entries().len(), search.items().len());
    assert_eq!(atom.id(), "tag:status.lumen.example,2005:/components/search/history");
    for comp in fs::read_dir(out.join("components")).unwrap() {
        let dir = comp.unwrap().path();
        assert!(
            dir.join("history.rss").is_file() && dir.join("history.atom").is_file(),
            "{}",
            dir.display()
        );
    }
}

#[test]
fn pages_link_their_feeds_and_offer_subscriptions() {
    let (_tmp, out) = built_example();
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    for href in ["history.rss", "history.atom", "updates.atom", "feed.json"] {
        let linked = index
            .lines()
            .any(|l| l.starts_with(r#"<link rel="alternate""#) && l.contains(&format!(r#"href="{href}""#)));
        assert!(linked, "no <link rel=alternate> for {href}");
    }
    assert!(index.contains(r#"<h2 id="h-subscribe">Subscribe</h2>"#));
    assert!(index.contains("webcal://status.lumen.example/maintenance.ics"));
    assert!(index.contains(r#"href="api/v2/summary.json""#));
    let component = fs::read_to_string(out.join("components/api/index.html")).unwrap();
    assert!(component.contains(r#"href="../../components/api/history.atom""#));
    assert!(component.contains("Subscribe to API"));
    let incident = fs::read_to_string(out.join("incidents/2026-11-20-api-errors/index.html")).unwrap();
    assert!(
        incident.contains(r#"<link rel="alternate" type="application/atom+xml""#),
        "every page links the feeds"
    );
}

/// Every `.rss` file under `dir`, as paths relative to it.
fn rss_files(dir: &Path, base: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rss_files(&path, base, found);
        } else if path.extension().is_some_and(|e| e == "rss") {
            found.push(path.strip_prefix(base).unwrap().to_string_lossy().into_owned());
        }
    }
}

/// Issue 12, item 7: the example site has a maintenance scheduled for
/// December, whose item is dated by its start; the channel must still not
/// claim to be published after the build (`--now 2026-11-20T15:00:00Z`).
#[test]
fn no_rss_channel_is_dated_after_the_build() {
    let (_tmp, out) = built_example();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T15:00:00Z").unwrap();
    let mut files = Vec::new();
    rss_files(&out, &out, &mut files);
    assert!(files.contains(&"history.rss".to_string()));
    for path in files {
        let channel = rss(&out, &path);
        let date = |what: &str, v: Option<&str>| {
            let v = v.unwrap_or_else(|| panic!("{path} has no {what}"));
            chrono::DateTime::parse_from_rfc2822(v).unwrap_or_else(|e| panic!("{path} {what} {v:?}: {e}"))
        };
        let published = date("pubDate", channel.pub_date());
        let built = date("lastBuildDate", channel.last_build_date());
        assert!(
            published <= built,
            "{path}: pubDate {published} after lastBuildDate {built}"
        );
        assert!(built <= now, "{path}: lastBuildDate {built} after the build's time");
    }
}

/// `<maintenanceEndDate>` is in no namespace, as in Statuspage's feed,
/// while every RSS element stays in no namespace too (read with a
/// namespace-aware reader, independent of the `rss` crate).
#[test]
fn maintenance_end_date_is_unnamespaced_like_statuspage() {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let (_tmp, out) = built_example();
    let xml = fs::read_to_string(out.join("history.rss")).unwrap();
    let mut reader = quick_xml::NsReader::from_str(&xml);
    let mut ends = 0;
    loop {
        match reader.read_resolved_event().unwrap() {
            (ns, Event::Start(e)) if e.local_name().as_ref() == b"maintenanceEndDate" => {
                assert!(matches!(ns, ResolveResult::Unbound), "{ns:?}");
                assert_eq!(e.name().as_ref(), b"maintenanceEndDate", "no prefix");
                ends += 1;
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    assert!(ends > 0, "maintenance items carry maintenanceEndDate");
}

/// Each feed keeps its own number of items, newest first: the history feed
/// 250, the update feed 100, a component's feed 50 (as many as its page
/// lists). A site of 260 incidents, each of two updates, on `api`.
#[test]
fn each_feed_keeps_its_own_number_of_items() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::fixture("base-site"), &site);
    fs::remove_file(site.join("maintenance/2026-12-01-ok.yaml")).unwrap();
    fs::remove_file(site.join("incidents/2026-11-01-ok.md")).unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap();
    for n in 0..260 {
        let at = start + chrono::Duration::hours(n);
        let end = at + chrono::Duration::minutes(30);
        fs::write(
            site.join(format!("incidents/i{n:03}.md")),
            format!(
                "---\ntitle: Incident {n}\nimpact: minor\ncomponents:\n  api: degraded_performance\nupdates:\n  - at: {}\n    status: investigating\n    message: Looking.\n  - at: {}\n    status: resolved\n    message: Fixed.\n---\n",
                at.to_rfc3339(),
                end.to_rfc3339()
            ),
        )
        .unwrap();
    }
    let out = tmp.path().join("public");
    build_pinned(&site, Some(&out)).assert().success();
    let titles = |channel: rss::Channel| -> Vec<String> {
        channel
            .items()
            .iter()
            .map(|i| i.title().unwrap_or_default().to_string())
            .collect()
    };
    let history = titles(rss(&out, "history.rss"));
    assert_eq!(history.len(), 250);
    assert_eq!(history[0], "Incident 259");
    assert_eq!(atom(&out, "history.atom").entries().len(), 250);
    let updates = titles(rss(&out, "updates.rss"));
    assert_eq!(updates.len(), 100);
    assert_eq!(updates[0], "[Resolved] Incident 259");
    assert_eq!(atom(&out, "updates.atom").entries().len(), 100);
    let component = titles(rss(&out, "components/api/history.rss"));
    assert_eq!(component.len(), 50);
    assert_eq!(component[49], "Incident 210");
    assert_eq!(atom(&out, "components/api/history.atom").entries().len(), 50);
    let web = titles(rss(&out, "components/web/history.rss"));
    assert!(web.is_empty(), "{web:?}");
}
