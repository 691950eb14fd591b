//! site.yaml's `language` while the interface has strings in English only
//! (issue 15): pages, badges, calendars and the API are the English build's
//! byte for byte (`<html lang="en">`, English dates and percentages), so a
//! page is never in two languages; only the feeds say the site's language.
//! Dates, times and percentages in German and Japanese are unit-tested in
//! `src/format/locale.rs`.

use crate::common;

use std::fs;
use std::path::Path;

use common::{build_pinned, copy_tree, example_site, snapshot_tree};

/// The example site with `language: LANG`, built at the reference time.
fn build_in(tmp: &Path, language: &str) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let site = tmp.join(format!("site-{language}"));
    copy_tree(&example_site(), &site);
    let yaml = fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(yaml.contains("\nlanguage: en\n"), "the example says `language: en`");
    fs::write(
        site.join("site.yaml"),
        yaml.replace("\nlanguage: en\n", &format!("\nlanguage: {language}\n")),
    )
    .unwrap();
    let out = tmp.join(format!("out-{language}"));
    build_pinned(&site, Some(&out)).assert().success();
    snapshot_tree(&out)
}

#[test]
fn a_language_without_interface_strings_changes_only_the_feeds_language() {
    let tmp = tempfile::tempdir().unwrap();
    let en = build_in(tmp.path(), "en");
    for language in ["de", "ja"] {
        let other = build_in(tmp.path(), language);
        assert_eq!(
            en.iter().map(|f| &f.0).collect::<Vec<_>>(),
            other.iter().map(|f| &f.0).collect::<Vec<_>>(),
            "{language}: the same files"
        );
        let mut feeds = 0;
        for ((path, en_bytes), (_, bytes)) in en.iter().zip(&other) {
            let name = path.to_string_lossy();
            let is_feed = name.ends_with(".rss") || name.ends_with(".atom") || name.ends_with("feed.json");
            if !is_feed {
                assert!(en_bytes == bytes, "{language}: {name} differs from the English build's");
                continue;
            }
            feeds += 1;
            let (en_text, text) = (String::from_utf8_lossy(en_bytes), String::from_utf8_lossy(bytes));
            let declared = match name.rsplit('.').next() {
                Some("rss") => (format!("<language>{language}</language>"), "<language>en</language>"),
                Some("atom") => (format!("xml:lang=\"{language}\""), "xml:lang=\"en\""),
                _ => (format!("\"language\": \"{language}\""), "\"language\": \"en\""),
            };
            assert!(text.contains(&declared.0), "{language}: {name} declares {}", declared.0);
            // Nothing else differs: the feed with its language put back is the English one.
            assert_eq!(text.replace(&declared.0, declared.1), en_text, "{language}: {name}");
        }
        assert!(feeds >= 3, "{language}: {feeds} feeds compared");
        let index = other.iter().find(|f| f.0 == Path::new("index.html")).unwrap();
        let html = String::from_utf8_lossy(&index.1);
        let doc = scraper::Html::parse_document(&html);
        let root = doc.root_element();
        assert_eq!(
            root.value().attr("lang"),
            Some("en"),
            "{language}: the interface's language"
        );
    }
}
