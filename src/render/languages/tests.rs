//! Translated texts on a further language's pages and feeds, with
//! `Site::translations` filled by hand (the loader of translation files is
//! elsewhere): translated texts carry no mark, untranslated ones
//! `lang="en"`, and an Arabic page marks English text `dir="ltr"` too.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use scraper::{Html, Selector};

use crate::model::{EntryTexts, Markdown, Site, SiteTexts, Snapshot};
use crate::render::{OutputFile, render};

/// A two-update incident with a postmortem, published in English, German
/// and Arabic, with its title and first update translated into German.
fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: Example\nbase_url: https://status.example.com\nlanguage: en\nlanguages: [de, ar]\ncomponents:\n  - { id: api, name: API }\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("incidents")).unwrap();
    std::fs::write(
        dir.path().join("incidents/x.md"),
        "---\ntitle: API down\nimpact: major\ncomponents: { api: major_outage }\nupdates:\n  - { at: 2026-11-03T09:15:00Z, status: investigating, message: Requests fail. }\n  - { at: 2026-11-03T10:00:00Z, status: resolved, message: Fixed. }\n---\nWhat happened.\n",
    )
    .unwrap();
    let mut site = crate::load::load(dir.path(), &Default::default()).unwrap().site;
    assert_eq!(site.config.languages, ["en", "de", "ar"]);
    let at: DateTime<Utc> = "2026-11-03T09:15:00Z".parse().unwrap();
    site.translations.site.insert(
        "de".into(),
        SiteTexts {
            title: Some("Beispiel".into()),
            ..SiteTexts::default()
        },
    );
    let entry = EntryTexts {
        path: "incidents/x.de.md".into(),
        title: Some("API nicht erreichbar".into()),
        updates: BTreeMap::from([(
            at,
            Markdown {
                source: "Anfragen schlagen fehl.".into(),
                html: "<p>Anfragen schlagen fehl.</p>".into(),
            },
        )]),
        body: None,
    };
    site.translations
        .entries
        .insert("de".into(), BTreeMap::from([("x".to_string(), entry)]));
    site
}

fn page(files: &[OutputFile], path: &str) -> Html {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path}"));
    Html::parse_document(std::str::from_utf8(&file.bytes).unwrap())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn translated_texts_are_unmarked_and_the_rest_marked_with_their_language() {
    let site = site();
    let snap = Snapshot::new(&site, "2026-11-04T00:00:00Z".parse().unwrap());
    let files = render(&snap).unwrap();

    let de = page(&files, "de/incidents/x/index.html");
    let h1 = de.select(&sel("h1")).next().unwrap();
    assert_eq!(h1.text().collect::<String>(), "API nicht erreichbar");
    assert_eq!(h1.attr("lang"), None);
    // Newest first: "Fixed." is left in English, the first is German.
    let prose: Vec<_> = de.select(&sel(".timeline .prose")).collect();
    assert_eq!(prose[0].text().collect::<String>().trim(), "Fixed.");
    assert_eq!(prose[0].attr("lang"), Some("en"));
    assert_eq!(prose[1].text().collect::<String>().trim(), "Anfragen schlagen fehl.");
    assert_eq!(prose[1].attr("lang"), None);
    let postmortem = de.select(&sel(".postmortem .prose")).next().unwrap();
    assert_eq!(postmortem.attr("lang"), Some("en"));
    assert_eq!(postmortem.attr("dir"), None);
    assert!(
        de.select(&sel("title"))
            .next()
            .unwrap()
            .inner_html()
            .contains("Beispiel")
    );

    // Arabic has no translation: English text, marked left to right.
    let ar = page(&files, "ar/incidents/x/index.html");
    assert_eq!(ar.select(&sel("html")).next().unwrap().attr("dir"), Some("rtl"));
    let h1 = ar.select(&sel("h1")).next().unwrap();
    assert_eq!((h1.attr("lang"), h1.attr("dir")), (Some("en"), Some("ltr")));
    // The switcher names each language in itself, Arabic right to left on
    // the English page.
    let en = page(&files, "incidents/x/index.html");
    let names: Vec<(String, Option<&str>)> = en
        .select(&sel("footer nav a[hreflang]"))
        .map(|a| (a.text().collect(), a.attr("dir")))
        .collect();
    assert_eq!(
        names,
        [
            ("English".to_string(), None),
            ("Deutsch".to_string(), None),
            ("العربية".to_string(), Some("rtl"))
        ]
    );

    // The German feed item of the translated update is not marked; the
    // other is.
    let feed = files.iter().find(|f| f.path == "de/feed.json").unwrap();
    let json: serde_json::Value = serde_json::from_slice(&feed.bytes).unwrap();
    let langs: Vec<Option<&str>> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.get("language").and_then(|l| l.as_str()))
        .collect();
    assert!(langs.contains(&None) && langs.contains(&Some("en")), "{langs:?}");
}
