use std::collections::BTreeMap;

use super::*;
use crate::model::Snapshot;

/// A two-update incident with a postmortem, in a site with two components
/// in a group, loaded from real files.
fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: Example\nbase_url: https://status.example.com\ndescription: Our services\nlinks:\n  - { title: Docs, url: https://docs.example.com }\ncomponents:\n  - { id: api, name: API, group: Core }\n  - { id: web, name: Website, group: Core }\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("incidents")).unwrap();
    std::fs::write(
        dir.path().join("incidents/x.md"),
        "---\ntitle: API down\nimpact: major\ncomponents: { api: major_outage }\nupdates:\n  - { at: 2026-11-03T09:15:00Z, status: investigating, message: Requests fail. }\n  - { at: 2026-11-03T10:00:00Z, status: resolved, message: Fixed. }\n---\nWhat happened.\n",
    )
    .unwrap();
    let mut site = crate::load::load(dir.path(), &Default::default()).unwrap().site;
    site.config.languages.push("de".into());
    site
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn translated_texts_take_the_place_of_the_originals() {
    let mut site = site();
    let texts = SiteTexts {
        title: Some("Beispiel".into()),
        description: None,
        components: BTreeMap::from([(
            "api".into(),
            ComponentTexts {
                name: Some("Schnittstelle".into()),
                description: Some("Die API".into()),
            },
        )]),
        groups: BTreeMap::from([("Core".into(), "Kern".into())]),
        links: BTreeMap::from([("Docs".into(), "Doku".into())]),
    };
    site.translations.site.insert("de".into(), texts);
    let entry = EntryTexts {
        path: "incidents/x.de.md".into(),
        title: Some("API nicht erreichbar".into()),
        updates: BTreeMap::from([(
            at("2026-11-03T09:15:00Z"),
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

    let de = site.in_language("de");
    assert_eq!(de.config.language, "de");
    assert_eq!(de.config.languages, ["en", "de"]);
    assert_eq!(de.config.title, "Beispiel");
    assert_eq!(de.config.description.as_deref(), Some("Our services"));
    assert_eq!(de.config.links[0].title, "Doku");
    assert_eq!(de.components[0].name, "Schnittstelle");
    assert_eq!(de.components[0].description.as_deref(), Some("Die API"));
    assert_eq!(de.components[1].name, "Website");
    assert_eq!(de.components[1].group.as_deref(), Some("Kern"));
    assert_eq!(de.groups[0].name.as_deref(), Some("Kern"));

    let i = &de.incidents[0];
    assert_eq!(i.title, "API nicht erreichbar");
    assert_eq!(i.fallback.title, None);
    assert_eq!(i.updates[0].message.source, "Anfragen schlagen fehl.");
    assert_eq!(i.updates[0].fallback, None);
    // Untranslated: the default language's text, marked.
    assert_eq!(i.updates[1].message.source, "Fixed.");
    assert_eq!(i.updates[1].fallback.as_deref(), Some("en"));
    assert_eq!(i.fallback.body.as_deref(), Some("en"));
    // The facts are the original's.
    assert_eq!(i.updates.len(), site.incidents[0].updates.len());
    assert_eq!(i.components, site.incidents[0].components);

    // The default language is a plain copy, with nothing marked.
    let en = site.in_language("en");
    assert_eq!(en.incidents[0].title, "API down");
    assert_eq!(en.incidents[0].fallback, Fallback::default());
    assert!(en.incidents[0].updates.iter().all(|u| u.fallback.is_none()));
}

#[test]
fn a_language_without_translations_marks_every_entry_text() {
    let site = site();
    let snap = Snapshot::new(&site, at("2026-11-04T00:00:00Z"));
    let de = snap.in_language("de");
    let i = &de.site.incidents[0];
    assert_eq!(i.title, "API down");
    assert_eq!(i.fallback.title.as_deref(), Some("en"));
    assert!(i.updates.iter().all(|u| u.fallback.as_deref() == Some("en")));
    assert_eq!(de.site.config.title, "Example");
    assert_eq!(de.incidents, snap.incidents);
}
