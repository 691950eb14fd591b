//! Breadcrumbs tell where a page is listed: parsed with `scraper` from the
//! built example site (pinned at 2026-11-20T15:00:00Z).

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{build_pinned, example_site};
use scraper::{Html, Selector};

/// The maintenance ids a page links to (hrefs like `…/maintenance/ID/index.html`).
fn linked_maintenances(html: &str, within: &str) -> BTreeSet<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(&format!("{within} a[href]")).unwrap();
    doc.select(&sel)
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            let rest = href.split("maintenance/").nth(1)?;
            Some(rest.split('/').next()?.to_string())
        })
        .collect()
}

fn html_files(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(fs::read_to_string(&path).unwrap());
        }
    }
}

/// Issue 12, item 9: a maintenance page's breadcrumb says "History" only
/// when the history archive lists it; an upcoming one is listed on the
/// front page under "Scheduled maintenance", and its breadcrumb leads there.
#[test]
fn a_maintenance_breadcrumb_names_the_page_that_lists_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();

    let mut history_pages = Vec::new();
    html_files(&out.join("history"), &mut history_pages);
    let in_history: BTreeSet<String> = history_pages
        .iter()
        .flat_map(|h| linked_maintenances(h, "main"))
        .collect();
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    let upcoming = linked_maintenances(&index, r#"section[aria-labelledby="h-upcoming"]"#);
    assert!(!upcoming.is_empty(), "the example site has upcoming maintenance");
    assert!(!in_history.is_empty(), "and maintenance in its history");
    assert!(upcoming.is_disjoint(&in_history), "{upcoming:?} vs {in_history:?}");

    let crumbs = Selector::parse("nav.breadcrumb a").unwrap();
    let mut seen = 0;
    for entry in fs::read_dir(out.join("maintenance")).unwrap() {
        let dir = entry.unwrap().path();
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        let doc = Html::parse_document(&fs::read_to_string(dir.join("index.html")).unwrap());
        let links: Vec<(String, String)> = doc
            .select(&crumbs)
            .map(|a| (a.text().collect(), a.value().attr("href").unwrap().to_string()))
            .collect();
        let expected = if in_history.contains(&id) {
            ("History".to_string(), "../../history/index.html".to_string())
        } else {
            assert!(upcoming.contains(&id), "{id} is listed somewhere");
            (
                "Scheduled maintenance".to_string(),
                "../../index.html#h-upcoming".to_string(),
            )
        };
        assert_eq!(links.len(), 2, "{id}: {links:?}");
        assert_eq!(links[1], expected, "{id}");
        seen += 1;
    }
    assert_eq!(seen, upcoming.len() + in_history.len());
    // The anchor the breadcrumb points at exists.
    let doc = Html::parse_document(&index);
    assert_eq!(doc.select(&Selector::parse("#h-upcoming").unwrap()).count(), 1);
}
