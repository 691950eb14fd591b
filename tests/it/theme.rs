//! The default theme and the site's settings it shows: the accent colour
//! (any CSS colour, made readable) and counts through the messages'
//! plural forms. Real builds, pages read back with `scraper` or as text.

use crate::common;
use std::fs;
use std::path::Path;

use crate::common::{build_pinned, example_site, fixture};

/// The history pages count entries with the messages' CLDR plurals
/// (`history-entries`, `history-month-lede` in en.ftl): "1 entry" for a
/// month of one, "N entries" otherwise.
#[test]
fn history_counts_say_entry_for_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_pinned(fixture("base-site"), Some(&out)).assert().success();
    let text = |path: &str, selector: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(&std::fs::read_to_string(out.join(path)).unwrap());
        let sel = scraper::Selector::parse(selector).unwrap();
        doc.select(&sel).map(|e| e.text().collect::<String>()).collect()
    };
    assert_eq!(text("history/2026/11/index.html", "p.lede"), ["1 entry, newest first."]);
    assert!(text("history/index.html", ".count").contains(&"1 entry".to_string()));
    let example = tmp.path().join("example");
    build_pinned(example_site(), Some(&example)).assert().success();
    let doc = std::fs::read_to_string(example.join("history/index.html")).unwrap();
    assert!(doc.contains(r#"<span class="count">5 entries</span>"#), "{doc}");
}

/// `accent_color` takes any CSS colour csscolorparser reads; each is made
/// readable in both schemes and written as hex. `currentcolor` and system
/// colours are written as they are; a misspelt name is refused with the
/// nearest name.
#[test]
fn accent_colours_in_every_css_syntax() {
    let accent = |out: &Path| -> String {
        let html = fs::read_to_string(out.join("index.html")).unwrap();
        let start = html.find(":root { --accent: ").expect("an accent style") + ":root { --accent: ".len();
        html[start..].split(';').next().unwrap().to_string()
    };
    for (written, light) in [
        ("\"#4f46e5\"", "#4f46e5"),
        ("\"rgb(79 70 229)\"", "#4f46e5"),
        ("\"hsl(0 100% 50%)\"", "#e00000"),
        ("\"oklch(62.8% 0.2577 29.23)\"", "#e00000"),
        ("red", "#e00000"),
        ("currentcolor", "currentcolor"),
        ("AccentColor", "AccentColor"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let site = common::base_site_with(tmp.path(), &format!("accent_color: {written}"));
        let out = tmp.path().join("out");
        build_pinned(&site, Some(&out)).assert().success();
        assert_eq!(accent(&out), light, "{written}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "accent_color: tael");
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("`accent_color` `tael` is not a CSS colour"))
        .stderr(predicates::str::contains("did you mean `teal`?"));
}
