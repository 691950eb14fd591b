//! `--lang` on `new`, `update` and `resolve`: the translation files they
//! write (read back with serde_yaml, an independent parser), what they
//! keep of an existing one, and what they refuse.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{allclear, base_site_with};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const ENTRY: &str = "incidents/2026/2026-11-20-api.md";
const TRANSLATION: &str = "incidents/2026/2026-11-20-api.de.md";
const ID: &str = "2026-11-20-api";

/// The entry: its first update's time written as a quoted local time, the
/// second's with an offset, so a translation must copy each as written; a
/// postmortem, which translations translate too.
const ENTRY_TEXT: &str = r#"---
title: API errors
impact: major
components:
  api: partial_outage
updates:
  - at: "2026-11-20 15:03"
    status: investigating
    message: Looking into it.
  - at: 2026-11-20T15:30:00+01:00
    status: identified
    message: Found it.
---
A postmortem follows.
"#;

const MAINTENANCE: &str = "maintenance/2026-12-03-db.yaml";
const MAINTENANCE_TEXT: &str = "title: Database upgrade
components: [db]
scheduled_for: 2026-12-03T02:00:00Z
scheduled_until: 2026-12-03T04:00:00Z
updates:
  - at: 2026-11-19T09:00:00Z
    status: scheduled
    message: We upgrade the database.
";

/// The base fixture published in English, German and Japanese, with the
/// incident [`ENTRY`] and the maintenance [`MAINTENANCE`].
fn lang_site(tmp: &Path) -> PathBuf {
    let site = base_site_with(tmp, "languages: [de, ja]");
    fs::create_dir_all(site.join("incidents/2026")).unwrap();
    fs::write(site.join(ENTRY), ENTRY_TEXT).unwrap();
    fs::write(site.join(MAINTENANCE), MAINTENANCE_TEXT).unwrap();
    site
}

fn run(site: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    run_at(site, "2026-11-20T16:00:00Z", args)
}

fn run_at(site: &Path, now: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    allclear()
        .arg("--site")
        .arg(site)
        .args(["--now", now])
        .args(args)
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .assert()
}

/// The front matter of a `.md` file, parsed by serde_yaml, and its body.
fn front_matter(text: &str) -> (serde_yaml::Value, String) {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (yaml, body) = rest.split_once("\n---\n").expect("closed front matter");
    (serde_yaml::from_str(yaml).unwrap(), body.to_string())
}

/// `updates:` of a translation as (at, message) pairs.
fn updates(front: &serde_yaml::Value) -> Vec<(String, String)> {
    front["updates"]
        .as_sequence()
        .expect("updates: is a list")
        .iter()
        .map(|u| {
            let map = u.as_mapping().unwrap();
            assert_eq!(map.len(), 2, "only at and message: {u:?}");
            (
                u["at"].as_str().unwrap().to_string(),
                u["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(at: &str, message: &str) -> (String, String) {
    (at.to_string(), message.to_string())
}

#[test]
fn update_lang_creates_the_translation_of_the_newest_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    run(
        &site,
        &[
            "update",
            ID,
            "--lang",
            "de",
            "--title",
            "API-Fehler",
            "-m",
            "Ursache gefunden.",
        ],
    )
    .success()
    .stdout(contains("2026-11-20-api.de.md"))
    .stderr(contains("Created"))
    .stderr(contains(
        "the de translation of the update at 2026-11-20T15:30:00+01:00",
    ));
    let text = fs::read_to_string(site.join(TRANSLATION)).unwrap();
    let (front, body) = front_matter(&text);
    assert_eq!(front["title"].as_str(), Some("API-Fehler"));
    assert_eq!(front.as_mapping().unwrap().len(), 2, "title and updates only: {text}");
    assert_eq!(
        updates(&front),
        [pair("2026-11-20T15:30:00+01:00", "Ursache gefunden.")]
    );
    assert_eq!(body, "");
    // `at` is the original's text, not a rewrite of the same instant.
    assert!(text.contains("  - at: 2026-11-20T15:30:00+01:00\n"), "{text}");
    // The entry itself is untouched, and it is the only other file.
    assert_eq!(fs::read_to_string(site.join(ENTRY)).unwrap(), ENTRY_TEXT);
    let mut names: Vec<_> = fs::read_dir(site.join("incidents/2026"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["2026-11-20-api.de.md", "2026-11-20-api.md"]);
}

/// An existing translation, as a translator might have written it.
const EXISTING: &str = "---
# Übersetzt von Anna
title: API-Fehler # geprüft
updates:
  # die zweite Meldung
  - at: 2026-11-20T14:30:00Z
    message: Gefunden.
---
Eine Nachbetrachtung folgt.
";

#[test]
fn update_lang_edits_an_existing_file_in_time_order_and_keeps_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    fs::write(site.join(TRANSLATION), EXISTING).unwrap();
    // 15:03 in Berlin, written in UTC: the same instant as the first update.
    run(
        &site,
        &[
            "update",
            ID,
            "--lang",
            "de",
            "--at",
            "2026-11-20T14:03:00Z",
            "-m",
            "Wir prüfen das.\n\nMehr bald.",
        ],
    )
    .success()
    .stderr(contains("Updated"));
    let text = fs::read_to_string(site.join(TRANSLATION)).unwrap();
    let (front, body) = front_matter(&text);
    assert_eq!(
        updates(&front),
        [
            pair("2026-11-20 15:03", "Wir prüfen das.\n\nMehr bald.\n"),
            pair("2026-11-20T14:30:00Z", "Gefunden."),
        ]
    );
    assert_eq!(front["title"].as_str(), Some("API-Fehler"));
    assert_eq!(body, "Eine Nachbetrachtung folgt.\n");
    // Inserted before the later update and the comment above it; every
    // other line as it was.
    let inserted = "  - at: 2026-11-20 15:03\n    message: |\n      Wir prüfen das.\n\n      Mehr bald.\n";
    assert_eq!(
        text,
        EXISTING.replace(
            "  # die zweite Meldung\n",
            &format!("{inserted}  # die zweite Meldung\n")
        ),
    );

    // The newest again (14:30Z is 15:30+01:00): replaced, with the title.
    run(
        &site,
        &[
            "update",
            ID,
            "--lang",
            "de",
            "--title",
            "Fehler der API",
            "-m",
            "Ursache gefunden.",
        ],
    )
    .success();
    let text = fs::read_to_string(site.join(TRANSLATION)).unwrap();
    let (front, _) = front_matter(&text);
    assert_eq!(front["title"].as_str(), Some("Fehler der API"));
    assert_eq!(
        updates(&front),
        [
            pair("2026-11-20 15:03", "Wir prüfen das.\n\nMehr bald.\n"),
            pair("2026-11-20T15:30:00+01:00", "Ursache gefunden."),
        ]
    );
    assert!(
        text.starts_with("---\n# Übersetzt von Anna\ntitle: Fehler der API # geprüft\n"),
        "{text}"
    );
    assert!(
        text.contains("  # die zweite Meldung\n  - at: 2026-11-20T15:30:00+01:00\n"),
        "{text}"
    );
    assert!(text.ends_with("---\nEine Nachbetrachtung folgt.\n"), "{text}");
}

#[test]
fn an_existing_yaml_translation_is_edited_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    let yaml = site.join("incidents/2026/2026-11-20-api.ja.yaml");
    fs::write(&yaml, "# 翻訳\ntitle: APIエラー\nupdates: []\npostmortem: 後で。\n").unwrap();
    run(&site, &["update", ID, "--lang", "ja", "-m", "原因が判明しました。"])
        .success()
        .stdout(contains("2026-11-20-api.ja.yaml"));
    assert!(!site.join("incidents/2026/2026-11-20-api.ja.md").exists());
    let text = fs::read_to_string(&yaml).unwrap();
    assert_eq!(
        text,
        "# 翻訳\ntitle: APIエラー\nupdates:\n  - at: 2026-11-20T15:30:00+01:00\n    message: 原因が判明しました。\npostmortem: 後で。\n"
    );
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(
        updates(&value),
        [pair("2026-11-20T15:30:00+01:00", "原因が判明しました。")]
    );
}

#[test]
fn resolve_lang_translates_the_resolving_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    run(&site, &["resolve", ID, "--lang", "de", "-m", "Behoben."])
        .code(2)
        .stderr(contains(
            "is not resolved: its newest update (2026-11-20T15:30:00+01:00) is `identified`",
        ))
        .stderr(contains("resolve it first"));
    assert!(!site.join(TRANSLATION).exists());

    run(&site, &["resolve", ID, "-m", "Fixed."]).success();
    run(&site, &["resolve", ID, "--lang", "de", "-m", "Behoben."]).success();
    let (front, _) = front_matter(&fs::read_to_string(site.join(TRANSLATION)).unwrap());
    // The resolving update was written at --now, in the site's zone.
    assert_eq!(updates(&front), [pair("2026-11-20T17:00:00+01:00", "Behoben.")]);
    assert!(front.get("title").is_none());
}

#[test]
fn resolve_lang_translates_the_completing_update_of_a_maintenance() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    let after_window = "2026-12-03T04:05:00Z";
    let translation = site.join("maintenance/2026-12-03-db.ja.md");
    run_at(
        &site,
        after_window,
        &["resolve", "2026-12-03-db", "--lang", "ja", "-m", "完了しました。"],
    )
    .code(2)
    .stderr(contains("is not completed"))
    .stderr(contains("complete it first"));
    assert!(!translation.exists());
    run_at(&site, after_window, &["resolve", "2026-12-03-db", "-m", "Done."]).success();
    run_at(
        &site,
        after_window,
        &["resolve", "2026-12-03-db", "--lang", "ja", "-m", "完了しました。"],
    )
    .success();
    let (front, _) = front_matter(&fs::read_to_string(&translation).unwrap());
    assert_eq!(updates(&front), [pair("2026-12-03T05:05:00+01:00", "完了しました。")]);
}

#[test]
fn new_lang_translates_the_title_and_the_first_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    run(
        &site,
        &[
            "new",
            "incident",
            "API-Fehler",
            "--lang",
            "de",
            "--of",
            ID,
            "-m",
            "Wir prüfen das.",
        ],
    )
    .success()
    .stdout(contains(TRANSLATION));
    let (front, _) = front_matter(&fs::read_to_string(site.join(TRANSLATION)).unwrap());
    assert_eq!(front["title"].as_str(), Some("API-Fehler"));
    assert_eq!(updates(&front), [pair("2026-11-20 15:03", "Wir prüfen das.")]);

    run(
        &site,
        &[
            "new",
            "maintenance",
            "Datenbank-Upgrade",
            "--lang",
            "de",
            "--of",
            "2026-12-03-db",
            "-m",
            "Wir aktualisieren die Datenbank.",
        ],
    )
    .success();
    let text = fs::read_to_string(site.join("maintenance/2026-12-03-db.de.md")).unwrap();
    let (front, _) = front_matter(&text);
    assert_eq!(front["title"].as_str(), Some("Datenbank-Upgrade"));
    assert_eq!(
        updates(&front),
        [pair("2026-11-19T09:00:00Z", "Wir aktualisieren die Datenbank.")]
    );

    // The kind must match: no new incident is a translation of a maintenance.
    run(
        &site,
        &[
            "new",
            "incident",
            "X",
            "--lang",
            "de",
            "--of",
            "2026-12-03-db",
            "-m",
            "x",
        ],
    )
    .code(2)
    .stderr(contains("`2026-12-03-db` is a maintenance"))
    .stderr(contains(
        "allclear new maintenance TITLE --lang LANG --of 2026-12-03-db",
    ));
}

#[test]
fn the_message_can_come_from_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    allclear()
        .arg("--site")
        .arg(&site)
        .args(["--now", "2026-11-20T16:00:00Z", "update", ID, "--lang", "de"])
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .write_stdin("Über die Standardeingabe.\n")
        .assert()
        .success();
    let (front, _) = front_matter(&fs::read_to_string(site.join(TRANSLATION)).unwrap());
    assert_eq!(
        updates(&front),
        [pair("2026-11-20T15:30:00+01:00", "Über die Standardeingabe.")]
    );
}

#[test]
fn mistakes_are_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["update", ID, "--lang", "fr", "-m", "x"],
            &[
                "`fr` is not one of the site's languages",
                "the site's further languages are: de, ja",
            ],
        ),
        (
            &["update", ID, "--lang", "en", "-m", "x"],
            &["`en` is the site's default language", "(de, ja)"],
        ),
        (
            &["update", "2026-11-20-apy", "--lang", "de", "-m", "x"],
            &["no incident or maintenance with the id `2026-11-20-apy`", ID],
        ),
        (
            &["update", ID, "--lang", "de", "--at", "2026-11-20 16:00", "-m", "x"],
            &[
                "`2026-11-20-api` has no update at 2026-11-20T16:00:00+01:00",
                "its updates are at: 2026-11-20 15:03, 2026-11-20T15:30:00+01:00",
            ],
        ),
        (
            &["update", ID, "--lang", "de", "--status", "resolved", "-m", "x"],
            &["--status cannot be used with --lang: a translation holds only text"],
        ),
        (
            &["update", ID, "--lang", "de", "--next-update", "30m", "-m", "x"],
            &["--next-update cannot be used with --lang: a translation holds only text"],
        ),
        (
            &[
                "update",
                ID,
                "--lang",
                "de",
                "--component",
                "api=operational",
                "-m",
                "x",
            ],
            &["--component cannot be used with --lang: a translation holds only text"],
        ),
        (
            &[
                "new", "incident", "T", "--lang", "de", "--of", ID, "--impact", "major", "-m", "x",
            ],
            &["--impact cannot be used with --lang: a translation holds only text"],
        ),
        (
            &[
                "new",
                "maintenance",
                "T",
                "--lang",
                "de",
                "--of",
                "2026-12-03-db",
                "--from",
                "2h",
                "-m",
                "x",
            ],
            &["--from cannot be used with --lang: a translation holds only text"],
        ),
        // clap: --at, --title and --of only with --lang; --lang on new only with --of.
        (
            &[
                "update",
                ID,
                "--status",
                "resolved",
                "--at",
                "2026-11-20 15:03",
                "-m",
                "x",
            ],
            &["--lang <LANG>"],
        ),
        (
            &["update", ID, "--status", "resolved", "--title", "T", "-m", "x"],
            &["--lang <LANG>"],
        ),
        (&["new", "incident", "T", "--lang", "de", "-m", "x"], &["--of <ID>"]),
        (
            &["new", "incident", "T", "--impact", "minor", "--of", ID, "-m", "x"],
            &["--lang <LANG>"],
        ),
    ];
    for (args, expected) in cases {
        let out = run(&site, args).code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        for e in *expected {
            assert!(stderr.contains(e), "{args:?}: expected {e:?} in {stderr}");
        }
        assert!(!site.join(TRANSLATION).exists(), "{args:?} wrote a translation");
        assert_eq!(fs::read_to_string(site.join(ENTRY)).unwrap(), ENTRY_TEXT, "{args:?}");
    }

    run(&site, &["update", ID, "--lang", "de", "--title", " ", "-m", "x"])
        .code(2)
        .stderr(contains("the title is empty"));
    assert!(!site.join(TRANSLATION).exists());

    // A translation file it cannot edit is refused before the message is
    // asked for (here standard input, empty: its error would come first).
    let inline = "---\nupdates: [{at: 2026-11-20T14:30:00Z, message: Gefunden.}]\n---\n";
    fs::write(site.join(TRANSLATION), inline).unwrap();
    run(&site, &["update", ID, "--lang", "de"])
        .code(2)
        .stderr(contains("`updates:` is written inline"))
        .stderr(contains("standard input").not());
    let broken = "---\nupdates:\n  - at: gestern\n    message: Gefunden.\n---\n";
    fs::write(site.join(TRANSLATION), broken).unwrap();
    run(&site, &["update", ID, "--lang", "de"])
        .code(1)
        .stderr(contains("2026-11-20-api.de.md:3:"))
        .stderr(contains("`gestern` is not a time"));
    assert_eq!(fs::read_to_string(site.join(TRANSLATION)).unwrap(), broken);

    // A site published in one language has nothing to translate into.
    let plain = tempfile::tempdir().unwrap();
    let one = base_site_with(plain.path(), "");
    run(&one, &["update", "2026-11-01-ok", "--lang", "de", "-m", "x"])
        .code(2)
        .stderr(contains("the site is published only in `en`"))
        .stderr(contains("languages: [de]"));
    assert!(!one.join("incidents/2026-11-01-ok.de.md").exists());
}

#[test]
fn a_translated_update_is_published_in_its_language() {
    let tmp = tempfile::tempdir().unwrap();
    let site = lang_site(tmp.path());
    run(
        &site,
        &["update", ID, "--lang", "de", "-m", "Die Ursache ist gefunden."],
    )
    .success();
    let out = tmp.path().join("out");
    common::build_pinned(&site, Some(&out)).assert().success();
    let page = fs::read_to_string(out.join(format!("de/incidents/{ID}/index.html"))).unwrap();
    let html = scraper::Html::parse_document(&page);
    let text: String = html.root_element().text().collect();
    assert!(text.contains("Die Ursache ist gefunden."), "{page}");
    // The untranslated first update stays English, marked as such.
    let english = scraper::Selector::parse("[lang=en]").unwrap();
    assert!(
        html.select(&english)
            .any(|e| e.text().collect::<String>().contains("Looking into it.")),
        "{page}"
    );
}
