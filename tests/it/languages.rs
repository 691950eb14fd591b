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

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use scraper::{Html, Selector};

use common::{build_pinned, example_site};

const BASE: &str = "https://status.lumen.example";

/// The example site (English, and German under `de/`) built at the
/// reference time; plus the example in English only
/// ([`common::one_language_example`]) built alike.
fn built(tmp: &Path) -> (PathBuf, PathBuf) {
    let out = tmp.join("out");
    build_pinned(example_site(), Some(&out)).assert().success();
    let site = tmp.join("single-site");
    common::one_language_example(&site, "en");
    let single = tmp.join("single");
    build_pinned(&site, Some(&single)).assert().success();
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
    let mut marks = BTreeSet::new();
    for (de, en) in atom.entries().iter().zip(english.entries()) {
        assert_ne!(de.id(), en.id(), "each language's items have ids of their own");
        assert!(de.links()[0].href().starts_with(&format!("{BASE}/de/")));
        // A message left in English says so; a translated one needs no mark.
        let lang = de.content().unwrap().lang();
        assert!(matches!(lang, None | Some("en")), "{lang:?}");
        marks.insert(lang.map(str::to_string));
        assert_eq!(en.content().unwrap().lang(), None);
    }
    assert_eq!(marks.len(), 2, "translated and untranslated updates: {marks:?}");
    let json: serde_json::Value = serde_json::from_slice(&fs::read(out.join("de/feed.json")).unwrap()).unwrap();
    assert_eq!(json["language"], "de");
    assert_eq!(json["feed_url"], format!("{BASE}/de/feed.json"));
    // Items whose messages are left in English say so; translated ones
    // are in the feed's language.
    let items = json["items"].as_array().unwrap();
    assert!(items.iter().all(|i| i["language"].is_null() || i["language"] == "en"));
    assert!(items.iter().any(|i| i["language"] == "en"));
    assert!(items.iter().any(|i| i["language"].is_null()));
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

/// The `lang` of each element `css` selects on `page` of `out`.
fn langs(out: &Path, page: &str, css: &str) -> Vec<Option<String>> {
    let doc = Html::parse_document(&fs::read_to_string(out.join(page)).unwrap());
    doc.select(&sel(css))
        .map(|e| e.attr("lang").map(str::to_string))
        .collect()
}

/// The visible text of the first element `css` selects on `page` of `out`.
fn text_of(out: &Path, page: &str, css: &str) -> String {
    let doc = Html::parse_document(&fs::read_to_string(out.join(page)).unwrap());
    let e = doc
        .select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("{page}: no {css}"));
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// On the German pages, a translated text is German and unmarked; a text
/// without translation is English, marked `lang="en"` (German and English
/// run the same way: no `dir`). The example translates one incident fully
/// (postmortem included), one partly (its title and first update) and
/// leaves others untranslated.
#[test]
fn translated_texts_replace_the_originals_and_the_rest_is_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, _) = built(tmp.path());
    let full = "incidents/2026-10-06-database-outage/index.html";
    let partly = "incidents/2026-11-05-storage-listing-slow/index.html";
    let none = "incidents/2026-11-18-email-delivery-delays/index.html";
    let unmarked = |n: usize| vec![None; n];

    // Fully translated: German title, updates and postmortem, no mark.
    assert_eq!(
        text_of(&out, &format!("de/{full}"), "h1"),
        "Ausfall der primären Datenbank"
    );
    assert_eq!(langs(&out, &format!("de/{full}"), "h1"), unmarked(1));
    let updates = langs(&out, &format!("de/{full}"), ".timeline .prose");
    assert!(updates.len() >= 3);
    assert_eq!(updates, unmarked(updates.len()));
    assert_eq!(langs(&out, &format!("de/{full}"), ".postmortem .prose"), unmarked(1));
    assert!(text_of(&out, &format!("de/{full}"), ".timeline").contains("Write-Ahead-Log"));

    // Partly: the title and the first update German, the last English, marked.
    assert_eq!(
        text_of(&out, &format!("de/{partly}"), "h1"),
        "Langsames Auflisten sehr großer Buckets"
    );
    assert_eq!(langs(&out, &format!("de/{partly}"), "h1"), unmarked(1));
    // The timeline is newest first.
    assert_eq!(
        langs(&out, &format!("de/{partly}"), ".timeline .prose"),
        [Some("en".to_string()), None]
    );

    // Untranslated: every text English and marked.
    assert_eq!(langs(&out, &format!("de/{none}"), "h1"), [Some("en".to_string())]);
    let updates = langs(&out, &format!("de/{none}"), ".timeline .prose");
    assert!(!updates.is_empty());
    assert!(updates.iter().all(|l| l.as_deref() == Some("en")), "{updates:?}");

    // The English pages carry no mark at all.
    for page in [full, partly, none] {
        for css in ["h1", ".timeline .prose", ".postmortem .prose"] {
            assert!(langs(&out, page, css).iter().all(Option::is_none), "{page} {css}");
        }
    }

    // The German history lists translated titles unmarked, the others marked.
    let titles: Vec<(String, Option<String>)> = {
        let doc = Html::parse_document(&fs::read_to_string(out.join("de/history/2026/11/index.html")).unwrap());
        doc.select(&sel(".entry__title a"))
            .map(|a| (a.text().collect::<String>(), a.attr("lang").map(str::to_string)))
            .collect()
    };
    assert!(
        titles.contains(&("Langsames Auflisten sehr großer Buckets".to_string(), None)),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|(_, lang)| lang.as_deref() == Some("en")),
        "{titles:?}"
    );
    // The interface's own words are German, unmarked.
    assert_eq!(langs(&out, "de/index.html", "#overall-status"), unmarked(1));
    // The boxes of the postmortem's task list are labelled in the page's
    // language (Markdown is rendered once, with English labels).
    let boxes = |page: &str| -> Vec<String> {
        let doc = Html::parse_document(&fs::read_to_string(out.join(page)).unwrap());
        doc.select(&sel(".postmortem input[type=checkbox]"))
            .map(|e| e.attr("aria-label").unwrap_or_default().to_string())
            .collect()
    };
    let german = boxes(&format!("de/{full}"));
    assert!(!german.is_empty());
    assert!(german.iter().all(|l| l == "Erledigt" || l == "Offen"), "{german:?}");
    let english = boxes(full);
    assert!(english.iter().all(|l| l == "Done" || l == "To do"), "{english:?}");
    // The site's own texts come from `translations:`.
    assert_eq!(text_of(&out, "de/components/jobs/index.html", "h1"), "Hintergrundjobs");
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
