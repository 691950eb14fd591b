//! A site published in several languages (site.yaml's `languages:`, issue
//! 15): the example site built with the real binary in English with German
//! as a further language. `/de/` holds the pages, feeds, calendars and
//! badges (parsed with `scraper`, `rss`, `atom_syndication`, `serde_json`
//! and `icalendar`), the API and static files stay at the root, every
//! page links every language's same page (`hreflang` and the switcher),
//! texts left in English are marked `lang="en"`, and the English pages
//! differ from a one-language build only by those links. `serve` answers
//! `/de/` on loopback.

use crate::common;
use crate::serve_harness;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use scraper::{Html, Selector};

use common::{build_pinned, copy_tree, example_site};

const BASE: &str = "https://status.lumen.example";

/// The example site copied to `tmp` with `languages: [de]` added, and its
/// output built at the reference time; plus the example built as it is.
fn built(tmp: &Path) -> (PathBuf, PathBuf) {
    let site = tmp.join("site");
    copy_tree(&example_site(), &site);
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(yaml.contains("\nlanguage: en\n"), "the example says `language: en`");
    fs::write(
        site.join("site.yaml"),
        yaml.replace("\nlanguage: en\n", "\nlanguage: en\nlanguages: [de]\n"),
    )
    .unwrap();
    let out = tmp.join("out");
    build_pinned(&site, Some(&out)).assert().success();
    let single = tmp.join("single");
    build_pinned(example_site(), Some(&single)).assert().success();
    (out, single)
}

/// Every file under `dir`, by its path relative to it with `/`.
fn files(dir: &Path) -> BTreeMap<String, PathBuf> {
    common::snapshot_tree(dir)
        .into_iter()
        .map(|(rel, _)| (rel.to_string_lossy().replace('\\', "/"), dir.join(rel)))
        .filter(|(rel, _)| !rel.starts_with(".allclear"))
        .collect()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The output file a public URL names (`BASE/de/x/` is `de/x/index.html`).
fn file_of_url(url: &str) -> String {
    let rel = url.strip_prefix(BASE).expect("under base_url").trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// `href` relative to the page at `page` (an output path), normalized.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for c in Path::new(href.split('#').next().unwrap()).components() {
        match c {
            Component::ParentDir => {
                assert!(parts.pop().is_some(), "{href} from {page} leaves the output");
            }
            Component::Normal(p) => parts.push(p.to_str().unwrap()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn a_further_language_is_published_under_its_folder_with_its_feeds_calendars_and_badges() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, _) = built(tmp.path());
    let all = files(&out);
    // The same pages, feeds, calendars and badges under de/.
    for (rel, _) in all.iter().filter(|(r, _)| !r.starts_with("de/")) {
        let only_at_root = rel.starts_with("api/")
            || [
                "style.css",
                "favicon.svg",
                "logo.svg",
                "allclear-flip.js",
                "embed.js",
                "embed-status.js",
            ]
            .contains(&rel.as_str());
        assert_eq!(
            all.contains_key(&format!("de/{rel}")),
            !only_at_root,
            "de/{rel}: only the API and static files are at the root alone"
        );
    }
    assert!(!out.join("de/api").exists());

    // German pages: <html lang="de"> and German words.
    let index = Html::parse_document(&fs::read_to_string(out.join("de/index.html")).unwrap());
    let html = index.select(&sel("html")).next().unwrap();
    assert_eq!(html.attr("lang"), Some("de"));
    assert_eq!(html.attr("dir"), None);
    let nav: Vec<String> = index
        .select(&sel(".site-header nav a"))
        .map(|a| a.text().collect())
        .collect();
    assert!(nav.contains(&"Verlauf".to_string()), "{nav:?}");
    let canonical = index.select(&sel("link[rel=canonical]")).next().unwrap();
    assert_eq!(canonical.attr("href"), Some(&*format!("{BASE}/de/")));

    // Feeds: in German, linking the German pages, with ids of their own.
    let rss = rss::Channel::read_from(&fs::read(out.join("de/history.rss")).unwrap()[..]).unwrap();
    assert_eq!(rss.language(), Some("de"));
    assert_eq!(rss.link(), format!("{BASE}/de/"));
    assert!(!rss.items().is_empty());
    for item in rss.items() {
        assert!(
            item.link().unwrap().starts_with(&format!("{BASE}/de/")),
            "{:?}",
            item.link()
        );
        let page = file_of_url(item.link().unwrap());
        assert!(all.contains_key(&page), "{page}");
    }
    let atom = atom_syndication::Feed::read_from(&fs::read(out.join("de/updates.atom")).unwrap()[..]).unwrap();
    let english = atom_syndication::Feed::read_from(&fs::read(out.join("updates.atom")).unwrap()[..]).unwrap();
    assert_eq!(atom.lang(), Some("de"));
    assert_eq!(atom.entries().len(), english.entries().len());
    for (de, en) in atom.entries().iter().zip(english.entries()) {
        assert_ne!(de.id(), en.id(), "each language's items have ids of their own");
        assert!(de.links()[0].href().starts_with(&format!("{BASE}/de/")));
        // Every message is left in English: the content says so.
        assert_eq!(de.content().unwrap().lang(), Some("en"));
        assert_eq!(en.content().unwrap().lang(), None);
    }
    let json: serde_json::Value = serde_json::from_slice(&fs::read(out.join("de/feed.json")).unwrap()).unwrap();
    assert_eq!(json["language"], "de");
    assert_eq!(json["feed_url"], format!("{BASE}/de/feed.json"));
    assert!(json["items"].as_array().unwrap().iter().all(|i| i["language"] == "en"));
    let json_en: serde_json::Value = serde_json::from_slice(&fs::read(out.join("feed.json")).unwrap()).unwrap();
    assert!(
        json_en["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i.get("language").is_none())
    );

    // Calendars: German names, German pages.
    let text = fs::read_to_string(out.join("de/maintenance.ics")).unwrap();
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = calendar.components.iter().filter(|c| c.name == "VEVENT").collect();
    assert!(!events.is_empty());
    for event in events {
        let url = event.find_prop("URL").unwrap().val.to_string();
        assert!(url.starts_with(&format!("{BASE}/de/maintenance/")), "{url}");
        assert!(all.contains_key(&file_of_url(&url)), "{url}");
    }
    assert_ne!(text, fs::read_to_string(out.join("maintenance.ics")).unwrap());

    // Badges: the German words.
    let badge = fs::read_to_string(out.join("de/badges/status.svg")).unwrap();
    assert_ne!(badge, fs::read_to_string(out.join("badges/status.svg")).unwrap());
}

#[test]
fn every_page_links_every_language_by_hreflang_and_the_switcher() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, _) = built(tmp.path());
    let all = files(&out);
    let pages: Vec<&String> = all
        .keys()
        .filter(|p| p.ends_with(".html") && !p.starts_with("de/"))
        .collect();
    assert!(pages.len() > 40, "{}", pages.len());
    let alternate = sel("link[rel=alternate][hreflang]");
    let switcher = sel("footer nav a[hreflang]");
    for en in pages {
        let de = format!("de/{en}");
        for (page, own, label) in [(en.as_str(), "en", "Languages"), (de.as_str(), "de", "Sprachen")] {
            let doc = Html::parse_document(&fs::read_to_string(&all[page]).unwrap());
            // hreflang: each language and x-default, absolute, to the
            // same page in that language, an existing file.
            let links: Vec<(String, String)> = doc
                .select(&alternate)
                .map(|l| (l.attr("hreflang").unwrap().into(), l.attr("href").unwrap().into()))
                .collect();
            let tags: Vec<&str> = links.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(tags, ["en", "de", "x-default"], "{page}");
            let files: Vec<String> = links.iter().map(|(_, h)| file_of_url(h)).collect();
            assert_eq!(&files[0], en, "{page}");
            assert_eq!(files[1], de, "{page}");
            assert_eq!(&files[2], en, "{page}: x-default is the default language's");
            for f in &files {
                assert!(all.contains_key(f), "{page}: {f}");
            }
            // The switcher: relative links (absolute from 404.html) to the
            // same page in each language, with hreflang and lang, the
            // page's own marked current, inside a named nav.
            let nav = doc
                .select(&sel("footer nav"))
                .next()
                .unwrap_or_else(|| panic!("{page}"));
            assert_eq!(nav.attr("aria-label"), Some(label), "{page}");
            let entries: Vec<_> = doc.select(&switcher).collect();
            assert_eq!(entries.len(), 2, "{page}");
            for (a, (tag, name, target)) in entries
                .iter()
                .zip([("en", "English", en.as_str()), ("de", "Deutsch", &de)])
            {
                assert_eq!(a.attr("hreflang"), Some(tag));
                assert_eq!(a.attr("lang"), Some(tag));
                assert_eq!(a.text().collect::<String>(), name);
                assert_eq!(a.attr("aria-current"), (tag == own).then_some("page"), "{page}");
                let href = a.attr("href").unwrap();
                let resolved = if href.starts_with(BASE) {
                    file_of_url(href)
                } else {
                    resolve(page, href)
                };
                assert_eq!(resolved, target, "{page}: {href}");
            }
            // Links to files only at the root lead there, from any depth.
            for (css, attr) in [("link[rel=stylesheet]", "href"), ("#allclear-state", "data-flip")] {
                let href = doc.select(&sel(css)).next().unwrap().attr(attr).unwrap();
                let target = if href.starts_with(BASE) {
                    file_of_url(href)
                } else {
                    resolve(page, href)
                };
                assert!(all.contains_key(&target), "{page}: {href}");
            }
            for a in doc.select(&sel("a[href]")) {
                let href = a.attr("href").unwrap();
                if href.starts_with("http") || href.starts_with('#') || href.starts_with("mailto:") {
                    continue;
                }
                assert!(all.contains_key(&resolve(page, href)), "{page}: {href} is no file");
            }
        }
    }
}

#[test]
fn texts_left_in_the_default_language_are_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, _) = built(tmp.path());
    let page = "incidents/2026-10-06-database-outage/index.html";
    let de = Html::parse_document(&fs::read_to_string(out.join("de").join(page)).unwrap());
    let en = Html::parse_document(&fs::read_to_string(out.join(page)).unwrap());
    // No translation file on this branch: every entry text is English.
    for (css, at_least) in [("h1", 1), (".timeline .prose", 2), (".postmortem .prose", 1)] {
        let marked: Vec<_> = de.select(&sel(css)).collect();
        assert!(marked.len() >= at_least, "{css}");
        for e in marked {
            assert_eq!(e.attr("lang"), Some("en"), "{css}");
            assert_eq!(e.attr("dir"), None, "German and English run the same way");
        }
        for e in en.select(&sel(css)) {
            assert_eq!(e.attr("lang"), None, "{css} in English needs no mark");
        }
    }
    let index = Html::parse_document(&fs::read_to_string(out.join("de/index.html")).unwrap());
    let titles: Vec<_> = index.select(&sel(".entry__title a")).collect();
    assert!(!titles.is_empty());
    assert!(titles.iter().all(|a| a.attr("lang") == Some("en")));
    // The interface's own words are German, unmarked.
    let h1 = index.select(&sel("#overall-status")).next().unwrap();
    assert_eq!(h1.attr("lang"), None);
}

#[test]
fn english_pages_differ_from_a_one_language_build_only_by_the_language_links() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, single) = built(tmp.path());
    let two = files(&out);
    let one = files(&single);
    let root: Vec<&String> = two.keys().filter(|p| !p.starts_with("de/")).collect();
    assert_eq!(root, one.keys().collect::<Vec<_>>());
    let mut differ = 0;
    for (rel, path) in &one {
        let a = fs::read(path).unwrap();
        let b = fs::read(&two[rel]).unwrap();
        if !rel.ends_with(".html") {
            assert_eq!(a, b, "{rel}");
            continue;
        }
        let b = String::from_utf8(b).unwrap();
        // Drop the hreflang lines and the switcher's nav.
        let mut kept = String::new();
        let mut in_nav = false;
        for line in b.split_inclusive('\n') {
            if line.starts_with("<link rel=\"alternate\" hreflang=") {
                continue;
            }
            if line.starts_with("<nav class=\"site-nav\" aria-label=\"Languages\">") {
                in_nav = true;
            }
            if !in_nav {
                kept.push_str(line);
            }
            if in_nav && line.starts_with("</nav>") {
                in_nav = false;
            }
        }
        assert_ne!(kept, b, "{rel} has language links");
        assert_eq!(kept.as_bytes(), &a[..], "{rel}");
        differ += 1;
    }
    assert!(differ > 40);
}

#[test]
fn serve_answers_each_language() {
    let (_tmp, site) = serve_harness::site_copy();
    let yaml = site.join("site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}\nlanguages: [de]\n")).unwrap();
    let server = serve_harness::Server::start(&site, &[]);
    let de = server.get("/de/");
    assert_eq!(de.status, 200);
    assert!(de.body.contains("<html lang=\"de\">"), "{}", de.body);
    let page = format!("/de{}", serve_harness::INCIDENT_PAGE);
    assert!(server.get(&page).body.contains("A valid incident"));
    // An edit shows in every language.
    serve_harness::edit(
        &site.join(serve_harness::INCIDENT),
        "title: A valid incident",
        "title: A retitled incident",
    );
    for path in [serve_harness::INCIDENT_PAGE, page.as_str()] {
        server.wait_for(path, serve_harness::EDIT, "the new title", |r| {
            r.body.contains("A retitled incident")
        });
    }
    assert_eq!(server.get("/de/api/v2/summary.json").status, 404);
}
