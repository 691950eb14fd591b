//! site.yaml's `language` without interface messages for it (issue 15):
//! pages, feeds, badges, calendars and the API are the English build's
//! byte for byte (`<html lang="en">`, English dates and percentages), so a
//! page is never in two languages. Languages with messages are tested in
//! `tests/it/i18n.rs`; dates, times and percentages in German and Japanese
//! are unit-tested in `src/format/locale.rs`.

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
fn a_language_without_interface_messages_builds_the_english_site() {
    // No message file serves `fi` or `eo`: the pages, feeds, calendars
    // and badges are the English site's, byte for byte (`<html lang="en">`
    // and the feeds' declared language included), so no page is ever in
    // two languages.
    let tmp = tempfile::tempdir().unwrap();
    let en = build_in(tmp.path(), "en");
    for language in ["fi", "eo"] {
        let other = build_in(tmp.path(), language);
        assert_eq!(
            en.iter().map(|f| &f.0).collect::<Vec<_>>(),
            other.iter().map(|f| &f.0).collect::<Vec<_>>(),
            "{language}: the same files"
        );
        for ((path, en_bytes), (_, bytes)) in en.iter().zip(&other) {
            assert!(
                en_bytes == bytes,
                "{language}: {} differs from the English build's",
                path.display()
            );
        }
    }
}
