//! Property test: whatever text an author writes (control characters,
//! `]]>`, `&`, `<`, emoji, right-to-left text, template syntax, 10 KB
//! messages), every output stays well-formed: the feeds parse as RSS and
//! Atom, the API and JSON Feed as JSON (the API into its strict shapes),
//! the calendars as iCalendar, the badges as XML, and no author text
//! becomes markup.

use crate::common;

use std::fs;
use std::path::Path;

use allclear::render::OutputFile;
use allclear::render::api::shapes::{IncidentsFile, Summary};
use proptest::prelude::*;
use serde_json::json;

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("]]>".to_string()),
        Just("&amp; & < > \" ' &#0; &bogus;".to_string()),
        Just("<script>alert(1)</script><img src=x onerror=alert(1)>".to_string()),
        Just("\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{fffe}\u{ffff}".to_string()),
        Just("🚨🔥👩‍💻 ǅ ß".to_string()),
        Just("עברית ومرحبا \u{202e}txet\u{202c} \u{200f}".to_string()),
        Just("line\r\nbreak, ; \\ \\n :".to_string()),
        Just("{{ site.title }} {% if x %} {# c #}".to_string()),
        "[a-zA-Z ]{0,20}",
    ]
}

/// Author text: never blank (a blank title is a build error by design).
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..6).prop_map(|parts| format!("x{}", parts.concat()))
}

/// A message, sometimes over 10 KB.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![4 => text(), 1 => text().prop_map(|t| t.repeat(10_240 / t.len() + 1))]
}

fn write_yaml(path: &Path, value: &serde_json::Value) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, serde_yaml::to_string(value).unwrap()).unwrap();
}

/// A site whose every author field holds generated text; built in memory.
fn build(title: &str, name: &str, description: &str, message: &str) -> Vec<OutputFile> {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    write_yaml(
        &site.join("site.yaml"),
        &json!({
            "title": title, "description": description, "base_url": "https://status.example.com",
            "time_zone": "Europe/Berlin",
            "links": [{"title": name, "url": "https://example.com/?q=<x>&y"}],
            "components": [{"id": "api", "name": name, "description": description, "group": title}],
        }),
    );
    write_yaml(
        &site.join("incidents/2026-11-20-x.yaml"),
        &json!({
            "title": title, "impact": "major", "components": {"api": "major_outage"},
            "updates": [
                {"at": "2026-11-20T14:00:00Z", "status": "investigating", "message": message, "next_update": "2026-11-20T16:00:00Z"},
                {"at": "2026-11-20T14:30:00Z", "status": "identified", "message": description},
            ],
            "postmortem": message,
        }),
    );
    write_yaml(
        &site.join("maintenance/2026-11-30-x.yaml"),
        &json!({
            "title": title, "components": ["api"],
            "scheduled_for": "2026-11-30T02:00:00Z", "scheduled_until": "2026-11-30T03:00:00Z",
            "updates": [{"at": "2026-11-19T10:00:00Z", "status": "scheduled", "message": message}],
        }),
    );
    let now = chrono::DateTime::parse_from_rfc3339(common::NOW).unwrap().to_utc();
    match allclear::build_files(site, None, now) {
        Ok(built) => built.files,
        Err(e) => panic!("the generated site must build: {:#?}", e.diagnostics),
    }
}

/// XML 1.0 text: no control characters but tab, newline and return.
fn strip_controls(s: &str) -> String {
    s.chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .filter(|&c| c != '\u{fffe}' && c != '\u{ffff}')
        .collect()
}

fn check(files: &[OutputFile], title: &str) {
    for file in files {
        let text = std::str::from_utf8(&file.bytes).ok();
        let path = file.path.as_str();
        if path.ends_with(".rss") {
            let channel = rss::Channel::read_from(&file.bytes[..]).unwrap_or_else(|e| panic!("{path}: {e}"));
            if path == "history.rss" {
                let item = channel
                    .items()
                    .iter()
                    .find(|i| i.link().unwrap().contains("/incidents/"))
                    .unwrap();
                // The rss crate's reader trims white space (U+0085 included).
                assert_eq!(
                    item.title().map(str::trim),
                    Some(strip_controls(title).trim()),
                    "{path}: the title survives"
                );
            }
        } else if path.ends_with(".atom") {
            atom_syndication::Feed::read_from(&file.bytes[..]).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if path.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(&file.bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if path.ends_with(".ics") {
            let unfolded = icalendar::parser::unfold(text.unwrap());
            icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if path.ends_with(".svg") {
            common::assert_well_formed_xml(path, text.unwrap());
        } else if path.ends_with(".html") {
            let html = text.unwrap();
            assert!(!html.contains("<script>alert"), "{path}: author text became a script");
            assert!(!html.contains("<img src=x"), "{path}: author text became markup");
        }
    }
    let find = |name: &str| files.iter().find(|f| f.path == name).unwrap();
    let summary: Summary = serde_json::from_slice(&find("api/v2/summary.json").bytes).expect("strict API shape");
    assert_eq!(summary.page.name, title, "JSON carries the text exactly");
    let _: IncidentsFile = serde_json::from_slice(&find("api/v2/incidents.json").bytes).expect("strict API shape");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_author_text_gives_well_formed_outputs(
        title in text(), name in text(), description in text(), message in message()
    ) {
        let files = build(&title, &name, &description, &message);
        check(&files, &title);
    }
}

#[test]
fn the_nastiest_fixed_case() {
    let nasty = "x]]>&<script>alert(1)</script>\u{0}\u{1b}🚨 עברית\u{202e}\r\n{{ x }}";
    let files = build(nasty, nasty, nasty, &nasty.repeat(400));
    check(&files, nasty);
}

#[test]
#[should_panic(expected = "not well-formed")]
fn the_xml_check_rejects_mismatched_tags() {
    common::assert_well_formed_xml("broken", "<svg><g></svg>");
}

#[test]
#[should_panic(expected = "not well-formed")]
fn the_xml_check_rejects_a_raw_ampersand() {
    common::assert_well_formed_xml("broken", "<svg><title>a & b</title></svg>");
}

#[test]
#[should_panic(expected = "not well-formed")]
fn the_xml_check_rejects_an_unclosed_root() {
    common::assert_well_formed_xml("broken", "<svg><title>a</title>");
}

#[test]
#[should_panic(expected = "undeclared entity &nbsp;")]
fn the_xml_check_rejects_an_html_entity() {
    common::assert_well_formed_xml("broken", "<svg><title>a&nbsp;b</title></svg>");
}

#[test]
#[should_panic(expected = "text outside the root")]
fn the_xml_check_rejects_text_after_the_root() {
    common::assert_well_formed_xml("broken", "<svg/>trailing");
}

#[test]
fn the_xml_check_accepts_references_and_a_declaration() {
    common::assert_well_formed_xml(
        "fine",
        "<?xml version=\"1.0\"?>\n<svg a=\"&quot;x&#39;\"><title>a &amp; b &#x1F680;</title><g/></svg>\n",
    );
}
