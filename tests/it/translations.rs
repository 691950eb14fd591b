//! Translations (issue 15): `site.yaml`'s `translations:` and the entry
//! translation files `NAME.LANG.md|yaml|yml`, loaded through the real
//! binary (`allclear check`, `allclear build`) and through `LiveSite`
//! (what `serve` keeps): what loads, what is an error, the
//! `translation-missing` warning, and that neither the load cache nor
//! `serve` ever keeps a stale translation.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use allclear::check::Finding;
use allclear::load::{self, Changed, LiveSite, LoadOptions};
use common::{NOW, allclear, base_site_with};

/// The base fixture site in German and Japanese too, with an ongoing
/// incident (two updates, the newest translated into German only).
fn site(tmp: &Path) -> PathBuf {
    let site = base_site_with(
        tmp,
        "languages: [de, ja]\nlinks:\n  - {title: Docs, url: https://docs.fixture.example}\ntranslations:\n  de:\n    title: Fixture-Status\n    components:\n      api: {name: Schnittstelle, description: Die öffentliche API}\n    groups:\n      Core: Kern\n    links:\n      Docs: Dokumentation",
    );
    fs::write(
        site.join("incidents/2026-11-20-open.md"),
        "---\ntitle: Slow API\nimpact: minor\ncomponents: {api: degraded_performance}\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking into it.\n    next_update: 2026-11-20T18:00:00Z\n  - at: 2026-11-20 12:00\n    status: identified\n    message: Found it.\n    next_update: 2026-11-20T18:00:00Z\n---\n",
    )
    .unwrap();
    // `at` in another offset than the original's: compared as instants
    // (12:00 in Berlin is 11:00Z).
    fs::write(
        site.join("incidents/2026-11-20-open.de.yaml"),
        "title: Langsame API\nupdates:\n  - at: 2026-11-20T11:00:00Z\n    message: Gefunden.\n",
    )
    .unwrap();
    fs::write(
        site.join("incidents/2026-11-01-ok.de.md"),
        "---\ntitle: Ein gültiger Vorfall\nupdates:\n  - at: 2026-11-01T10:00:00Z\n    message: Wir sehen nach.\n---\n",
    )
    .unwrap();
    site
}

fn check(site: &Path) -> (Option<i32>, Vec<Finding>) {
    let out = allclear()
        .arg("check")
        .arg(site)
        .args(["--now", NOW, "--format", "json"])
        .output()
        .unwrap();
    (out.status.code(), serde_json::from_slice(&out.stdout).unwrap())
}

fn with_code<'a>(findings: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn a_site_with_translations_loads_and_warns_about_the_untranslated_newest_update() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let (code, findings) = check(&site);
    assert_eq!(code, Some(0), "{findings:#?}");
    assert!(findings.iter().all(|f| f.severity == "warning"), "{findings:#?}");
    let missing = with_code(&findings, "translation-missing");
    // Japanese only: the German file translates the newest update.
    assert_eq!(missing.len(), 1, "{findings:#?}");
    let f = missing[0];
    assert!(f.file.ends_with("incidents/2026-11-20-open.md"), "{f:?}");
    assert_eq!((f.line, f.column), (10, 9), "at the newest update's `at`: {f:?}");
    assert!(f.message.contains("`ja`"), "{f:?}");

    // The help names the file to write and the command.
    let out = allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", NOW])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("incidents/2026-11-20-open.ja.md"), "{text}");
    assert!(
        text.contains("allclear update 2026-11-20-open --lang ja --message"),
        "{text}"
    );

    // Translated into Japanese too: no warning left.
    fs::write(
        site.join("incidents/2026-11-20-open.ja.md"),
        "---\nupdates:\n  - at: 2026-11-20T12:00:00+01:00\n    message: 原因を特定しました。\n---\n",
    )
    .unwrap();
    let (code, findings) = check(&site);
    assert_eq!(code, Some(0), "{findings:#?}");
    assert!(with_code(&findings, "translation-missing").is_empty(), "{findings:#?}");

    // A resolved incident is not ongoing: no warning for it either.
    assert!(
        findings.iter().all(|f| !f.file.ends_with("2026-11-01-ok.md")),
        "{findings:#?}"
    );
}

#[test]
fn the_loaded_site_holds_the_translations() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let loaded = load::load(&site, &LoadOptions::default()).unwrap();
    let t = &loaded.site.translations;
    let de = &t.site["de"];
    assert_eq!(de.title.as_deref(), Some("Fixture-Status"));
    assert_eq!(de.components["api"].name.as_deref(), Some("Schnittstelle"));
    assert_eq!(de.groups["Core"], "Kern");
    assert_eq!(de.links["Docs"], "Dokumentation");
    assert!(!t.site.contains_key("ja"), "nothing written for ja");
    let open = &t.entries["de"]["2026-11-20-open"];
    assert_eq!(open.title.as_deref(), Some("Langsame API"));
    assert_eq!(open.path, Path::new("incidents/2026-11-20-open.de.yaml"));
    let at: chrono::DateTime<chrono::Utc> = "2026-11-20T11:00:00Z".parse().unwrap();
    assert!(open.updates[&at].html.contains("Gefunden."), "{open:?}");
    // The site in German, as the model puts it together.
    let german = loaded.site.in_language("de");
    assert_eq!(german.config.title, "Fixture-Status");
    let incident = german.incidents.iter().find(|i| i.id == "2026-11-20-open").unwrap();
    assert_eq!(incident.title, "Langsame API");
    assert_eq!(incident.updates[0].fallback.as_deref(), Some("en"));
    assert_eq!(incident.updates[1].fallback, None);
}

#[test]
fn translation_files_are_never_read_as_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = common::build_pinned(&site, Some(&tmp.path().join("out")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let incidents = fs::read_dir(tmp.path().join("out/incidents")).unwrap().count();
    // The base site's incident and the open one: no page for a translation.
    assert!(!tmp.path().join("out/incidents/2026-11-20-open.de").exists());
    assert!(incidents >= 2);
    let api = fs::read_to_string(tmp.path().join("out/api/v2/incidents.json")).unwrap();
    assert!(!api.contains("Langsame"), "the API stays in the default language");
}

#[test]
fn the_load_cache_never_serves_a_stale_translation() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let out = tmp.path().join("out");
    let build = || {
        allclear()
            .arg("build")
            .arg(&site)
            .arg("--out")
            .arg(&out)
            .args(["--now", NOW])
            .output()
            .unwrap()
    };
    assert_eq!(build().status.code(), Some(0));
    // The translation now names an update that does not exist: the next
    // build (with a load cache from the first) finds it.
    let file = site.join("incidents/2026-11-20-open.de.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("11:00:00Z", "11:30:00Z")).unwrap();
    let second = build();
    assert_eq!(second.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("no update of"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    fs::write(&file, &text).unwrap();
    assert_eq!(build().status.code(), Some(0));
    // The translation is unchanged, but its original's update moved: the
    // original is parsed again, the translation checked again.
    let original = site.join("incidents/2026-11-20-open.md");
    let o = fs::read_to_string(&original).unwrap();
    fs::write(&original, o.replace("at: 2026-11-20 12:00", "at: 2026-11-20 12:05")).unwrap();
    let third = build();
    assert_eq!(
        third.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    assert!(String::from_utf8_lossy(&third.stderr).contains("2026-11-20-open.de.yaml:3:9: no update of"));
}

#[test]
fn serve_brings_translations_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let site = site(tmp.path());
    let mut live = LiveSite::open(&site, LoadOptions::default());
    let title = |live: &LiveSite| {
        live.loaded().unwrap().site.translations.entries["de"]["2026-11-20-open"]
            .title
            .clone()
    };
    assert_eq!(title(&live).as_deref(), Some("Langsame API"));

    // Edited: the whole site is read again.
    let rel = PathBuf::from("incidents/2026-11-20-open.de.yaml");
    let file = site.join(&rel);
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("Langsame API", "Träge API")).unwrap();
    assert_eq!(live.update(std::slice::from_ref(&rel)), Changed::Everything);
    assert_eq!(title(&live).as_deref(), Some("Träge API"));

    // Broken, then removed.
    fs::write(&file, "title: x\nimpact: major\n").unwrap();
    assert_eq!(live.update(std::slice::from_ref(&rel)), Changed::Everything);
    let errors = live.loaded().unwrap_err();
    assert!(
        errors.iter().any(|d| d.message.contains("`impact` is a fact")),
        "{errors:?}"
    );
    fs::remove_file(&file).unwrap();
    assert_eq!(live.update(std::slice::from_ref(&rel)), Changed::Everything);
    let loaded = live.loaded().unwrap();
    assert!(!loaded.site.translations.entries["de"].contains_key("2026-11-20-open"));
    fs::write(&file, &text).unwrap();
    assert_eq!(live.update(std::slice::from_ref(&rel)), Changed::Everything);

    // An original edited on its own: its translations are checked again,
    // the others' kept.
    let original = PathBuf::from("incidents/2026-11-01-ok.md");
    let o = fs::read_to_string(site.join(&original)).unwrap();
    fs::write(
        site.join(&original),
        o.replace("2026-11-01T10:00:00Z", "2026-11-01T10:05:00Z"),
    )
    .unwrap();
    assert_eq!(
        live.update(std::slice::from_ref(&original)),
        Changed::Entries(vec!["2026-11-01-ok".into()])
    );
    let errors = live.loaded().unwrap_err();
    assert!(
        errors
            .iter()
            .any(|d| d.file.ends_with("2026-11-01-ok.de.md") && d.message.contains("no update of")),
        "{errors:?}"
    );
    fs::write(site.join(&original), o).unwrap();
    live.update(std::slice::from_ref(&original));
    assert_eq!(title(&live).as_deref(), Some("Langsame API"));
    let fresh = LiveSite::open(&site, LoadOptions::default());
    assert_eq!(
        format!("{:#?}", live.loaded().unwrap().site),
        format!("{:#?}", fresh.loaded().unwrap().site),
        "the same site as a fresh load"
    );
}

#[test]
fn a_stem_with_a_dot_is_an_entry_translation_not_an_invalid_id() {
    let tmp = tempfile::tempdir().unwrap();
    let site = base_site_with(tmp.path(), "");
    fs::write(site.join("incidents/2026-11-01-ok.v2.md"), "---\ntitle: X\n---\n").unwrap();
    let (code, findings) = check(&site);
    assert_eq!(code, Some(1));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0].message,
        "`v2` is not one of the site's languages (a file `NAME.LANG.md` translates the entry NAME into LANG)"
    );
    let out = allclear()
        .arg("check")
        .arg(&site)
        .args(["--now", NOW])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("rename it to `2026-11-01-ok-v2`"), "{text}");
}

#[test]
fn the_example_site_loads_with_its_german_files() {
    let site = common::example_site();
    let (code, findings) = check(&site);
    assert_eq!(code, Some(0), "{findings:#?}");
    assert!(findings.iter().all(|f| f.severity == "warning"), "{findings:#?}");
    assert!(with_code(&findings, "translation-missing").is_empty(), "{findings:#?}");
    let loaded = load::load(&site, &LoadOptions::default()).unwrap();
    let s = &loaded.site;
    assert_eq!(s.config.languages, ["en", "de"]);
    let de = &s.translations.site["de"];
    assert!(de.title.is_some() && de.description.is_some());
    for c in &s.components {
        let t = &de.components[&c.id];
        assert!(t.name.is_some() && t.description.is_some(), "{} untranslated", c.id);
    }
    for g in s.groups.iter().filter_map(|g| g.name.as_ref()) {
        assert!(de.groups.contains_key(g), "group {g} untranslated");
    }
    for l in &s.config.links {
        assert!(de.links.contains_key(&l.title), "link {} untranslated", l.title);
    }
    let entries = &s.translations.entries["de"];
    let mut ids: Vec<&str> = entries.keys().map(String::as_str).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "2026-10-06-database-outage",
            "2026-11-05-storage-listing-slow",
            "2026-11-20-api-errors",
            "2026-11-20-search-index-migration"
        ]
    );
    // Fully translated, with its postmortem; partly translated; others not.
    let german = s.in_language("de");
    let by_id = |id: &str| german.incidents.iter().find(|i| i.id == id).unwrap();
    let outage = by_id("2026-10-06-database-outage");
    assert_eq!(outage.fallback, Default::default());
    assert!(outage.updates.iter().all(|u| u.fallback.is_none()));
    assert!(
        outage
            .postmortem
            .as_ref()
            .unwrap()
            .source
            .contains("## Zusammenfassung")
    );
    let partly = by_id("2026-11-05-storage-listing-slow");
    assert_eq!(partly.fallback.title, None);
    assert_eq!(partly.updates[0].fallback, None);
    assert!(partly.updates[1..].iter().all(|u| u.fallback.as_deref() == Some("en")));
    assert!(german.incidents.len() > 4);
    let untranslated = german.incidents.iter().filter(|i| i.fallback.title.is_some()).count();
    assert_eq!(untranslated, german.incidents.len() - 3);
    let search = german
        .maintenances
        .iter()
        .find(|m| m.id == "2026-11-20-search-index-migration")
        .unwrap();
    assert_eq!(search.title, "Umzug der Suchindizes");
    assert!(search.body.as_ref().unwrap().source.contains("drei Zonen"));
}
