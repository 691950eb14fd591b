//! The interface's words in Fluent message files (issue 15): the default
//! theme's `themes/default/i18n/*.ftl`, a site's `i18n/LANG.ftl` laid over
//! them message by message, English where a language lacks a message,
//! and English with a warning for a language without messages. Real
//! builds and checks with the real binary; pages read with `scraper`.

use crate::common;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{NOW, allclear, build_pinned, fixture};

fn theme_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// The message ids of a Fluent file: every line that starts a message
/// (`id =`), read without allclear's code.
fn ids_of(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// Every file under `dir` but allclear's marker: path → text.
fn texts(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".allclear-output")
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (path, String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned())
        })
        .collect()
}

fn select(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel).map(|e| e.text().collect::<String>()).collect()
}

/// Every `t(key="…")` of the default theme's templates names a message of
/// `en.ftl`, and no template builds a key from parts the scan cannot see.
#[test]
fn every_message_the_templates_use_is_in_en_ftl() {
    let en = ids_of(&fs::read_to_string(theme_dir().join("i18n/en.ftl")).unwrap());
    let mut used = BTreeSet::new();
    for entry in fs::read_dir(theme_dir().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for (i, _) in text.match_indices("t(key=") {
            let rest = &text[i + "t(key=".len()..];
            assert!(
                rest.starts_with('"'),
                "{}: a key that is not a literal: {}",
                path.display(),
                &rest[..40.min(rest.len())]
            );
            let id = rest[1..].split('"').next().unwrap();
            let after = &rest[1 + id.len() + 1..];
            assert!(
                !after.trim_start().starts_with('~'),
                "{}: a key built from parts: {id}",
                path.display()
            );
            used.insert(id.to_string());
        }
    }
    assert!(used.len() > 80, "only {} ids found", used.len());
    let missing: Vec<_> = used.difference(&en).collect();
    assert!(missing.is_empty(), "used by templates, missing in en.ftl: {missing:?}");
}

/// Every shipped language has every message of `en.ftl` and parses (a
/// build with it as the page language gives no warning).
#[test]
fn every_shipped_language_has_every_english_message() {
    let en = ids_of(&fs::read_to_string(theme_dir().join("i18n/en.ftl")).unwrap());
    let mut languages = Vec::new();
    for entry in fs::read_dir(theme_dir().join("i18n")).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(
            path.extension().and_then(|e| e.to_str()),
            Some("ftl"),
            "{}",
            path.display()
        );
        let ids = ids_of(&fs::read_to_string(&path).unwrap());
        let missing: Vec<_> = en.difference(&ids).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", path.display());
        languages.push(path.file_stem().unwrap().to_string_lossy().into_owned());
    }
    assert!(languages.contains(&"en".to_string()));
    for language in languages {
        let tmp = tempfile::tempdir().unwrap();
        let site = common::base_site_with(tmp.path(), &format!("language: {language}"));
        let out = allclear()
            .args(["check"])
            .arg(&site)
            .args(["--now", NOW])
            .assert()
            .success()
            .get_output()
            .clone();
        let all = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        assert!(
            !all.contains("message-missing") && !all.contains("no interface messages"),
            "{language}: {all}"
        );
    }
}

/// A site's `i18n/en.ftl` with one message changes that text on the pages
/// and nothing else: every file equals the theme's build with the one
/// string replaced.
#[test]
fn a_site_message_overrides_that_message_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = tmp.path().join("plain");
    build_pinned(fixture("base-site"), Some(&plain)).assert().success();
    let site = tmp.path().join("site");
    common::copy_tree(&fixture("base-site"), &site);
    fs::create_dir_all(site.join("i18n")).unwrap();
    fs::write(site.join("i18n/en.ftl"), "# Our word.\nnav-history = Past events\n").unwrap();
    let out = tmp.path().join("out");
    build_pinned(&site, Some(&out)).assert().success();
    let (before, after) = (texts(&plain), texts(&out));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    let mut changed = 0;
    for (path, text) in &before {
        let want = text
            .replace(">History</a>", ">Past events</a>")
            .replace("› History</nav>", "› Past events</nav>")
            // The page script's words (#allclear-words) hold it too.
            .replace(r#""history":"History""#, r#""history":"Past events""#);
        changed += usize::from(want != *text);
        assert!(after[path] == want, "{path}: more than the one message changed");
    }
    assert!(changed > 5, "the message shows on {changed} files only");
    assert_eq!(select(&after["index.html"], ".site-nav a")[1], "Past events");
}

/// `language: xx` with a site `i18n/xx.ftl` of one message: that message
/// shows, the rest is English, `<html lang="xx">`; `check` warns about
/// each missing message with the language and the id, `build` does not.
/// What `allclear check` prints about `site` (it must succeed): standard
/// output and standard error together.
fn check_output(site: &Path) -> String {
    let checked = allclear()
        .args(["check"])
        .arg(site)
        .args(["--now", NOW])
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8_lossy(&checked.stdout).into_owned() + &String::from_utf8_lossy(&checked.stderr)
}

#[test]
fn a_language_of_the_site_s_own_falls_back_to_english_per_message() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "language: xx");
    fs::create_dir_all(site.join("i18n")).unwrap();
    fs::write(site.join("i18n/xx.ftl"), "nav-status = Xtatus\n").unwrap();
    let out = tmp.path().join("out");
    let built = build_pinned(&site, Some(&out)).assert().success().get_output().clone();
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains(r#"<html lang="xx">"#));
    assert_eq!(select(&index, ".site-nav a")[..2], ["Xtatus", "History"]);
    let all = check_output(&site);
    assert!(all.contains("language `xx` has no message `nav-history`"), "{all}");
    assert!(!all.contains("no message `nav-status`"), "{all}");
    assert!(all.contains("i18n/xx.ftl"), "the warning names the file: {all}");
}

/// A language with no message file anywhere: the pages stay English and
/// say `lang="en"`; `build` and `check` warn once, naming the language
/// and how to add it.
#[test]
fn a_language_without_messages_stays_english_and_warns() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "language: fi");
    let out = tmp.path().join("out");
    let built = build_pinned(&site, Some(&out)).assert().success().get_output().clone();
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert_eq!(
        stderr.matches("no interface messages for language `fi`").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("i18n/fi.ftl"), "{stderr}");
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains(r#"<html lang="en">"#));
    assert_eq!(select(&index, ".site-nav a")[..2], ["Status", "History"]);
    let all = check_output(&site);
    assert_eq!(
        all.matches("no interface messages for language `fi`").count(),
        1,
        "{all}"
    );
}

/// Pages in a right-to-left language say so (`dir="rtl"`, by CLDR's
/// character order), in its words; left-to-right pages carry no `dir`.
#[test]
fn right_to_left_languages_mark_their_pages() {
    let tmp = tempfile::tempdir().unwrap();
    for (language, rtl) in [("ar", true), ("he", true), ("de", false), ("en", false)] {
        let dir = tmp.path().join(language);
        fs::create_dir_all(&dir).unwrap();
        let site = common::base_site_with(&dir, &format!("language: {language}"));
        let out = dir.join("out");
        build_pinned(&site, Some(&out)).assert().success();
        for page in ["index.html", "history/index.html", "404.html"] {
            let html = fs::read_to_string(out.join(page)).unwrap();
            let root = scraper::Html::parse_document(&html);
            let element = root.root_element();
            assert_eq!(element.value().attr("lang"), Some(language), "{language} {page}");
            let expected = rtl.then_some("rtl");
            assert_eq!(element.value().attr("dir"), expected, "{language} {page}");
        }
    }
}

/// A template that names a message no file has fails the build with the
/// template and the id, never an empty string.
#[test]
fn an_unknown_message_in_a_template_is_a_render_error() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&fixture("base-site"), &site);
    fs::create_dir_all(site.join("templates")).unwrap();
    let base = fs::read_to_string(theme_dir().join("templates/404.html")).unwrap();
    fs::write(
        site.join("templates/404.html"),
        base.replace("not-found-home", "not-found-homepage"),
    )
    .unwrap();
    build_pinned(&site, None)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("404.html"))
        .stderr(predicates::str::contains("no message `not-found-homepage`"));
}

/// A site message that uses a variable the code never passes (a typo,
/// `$lable`): `check` warns at its line and names the variables it can
/// use; the feeds show the English message there, never the message id.
#[test]
fn a_message_with_an_unknown_variable_warns_and_falls_back_to_english() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::base_site_with(tmp.path(), "language: de");
    fs::create_dir_all(site.join("i18n")).unwrap();
    fs::write(
        site.join("i18n/de.ftl"),
        "# Unsere Wörter.\nfeed-item-title = [{ $lable }] { $title }\n",
    )
    .unwrap();
    let all = check_output(&site);
    assert!(
        all.contains("i18n/de.ftl:2:") && all.contains("message `feed-item-title` uses `{ $lable }`"),
        "{all}"
    );
    assert!(all.contains("`{ $label }`"), "the help names the right variable: {all}");
    let out = tmp.path().join("out");
    build_pinned(&site, Some(&out)).assert().success();
    let feed = fs::read_to_string(out.join("history.atom")).unwrap();
    assert!(!feed.contains("<title>feed-item-title</title>"), "{feed}");
}
