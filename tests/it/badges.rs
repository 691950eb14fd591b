//! The status badges: build the example site and check every SVG under
//! `badges/` is well-formed XML that says what the status page says.

use crate::common;

use std::fs;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use common::{build_pinned, copy_tree, example_site, fixture};

/// The example site's component ids, in `site.yaml` order.
const COMPONENTS: [&str; 11] = [
    "api",
    "dashboard",
    "auth",
    "database",
    "storage",
    "search",
    "webhooks",
    "jobs",
    "cdn",
    "email",
    "sms",
];

/// What a badge says, read back with an XML parser.
#[derive(Debug, Default)]
struct Badge {
    aria_label: String,
    title: String,
    /// The text of every `<text>`, shadows included, in document order.
    texts: Vec<String>,
    /// `width` of the root `<svg>`.
    width: u32,
}

/// Read back what `svg` says, once [`common::assert_well_formed_xml`] has
/// passed it (the tests' one XML checker), with the root checked to be
/// `<svg>`.
fn parse(name: &str, svg: &str) -> Badge {
    common::assert_well_formed_xml(name, svg);
    let mut reader = Reader::from_str(svg);
    let mut badge = Badge::default();
    let mut open: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event().unwrap();
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let tag = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                if open.is_empty() {
                    assert_eq!(tag, "svg", "{name}: the root element");
                }
                for attr in e.attributes() {
                    let attr = attr.unwrap();
                    let value = attr.normalized_value(XmlVersion::Implicit1_0).unwrap();
                    if tag == "svg" {
                        match attr.key.as_ref() {
                            b"aria-label" => badge.aria_label = value.into_owned(),
                            b"width" => badge.width = value.parse().unwrap(),
                            _ => {}
                        }
                    }
                }
                if matches!(event, Event::Start(_)) {
                    if tag == "text" {
                        badge.texts.push(String::new());
                    }
                    open.push(tag);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) => push_text(&mut badge, &open, &t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::unescape(&format!("&{};", r.decode().unwrap()))
                        .unwrap()
                        .into_owned(),
                };
                push_text(&mut badge, &open, &text);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::Comment(_) => {}
            other => panic!("{name}: unexpected {other:?}"),
        }
    }
    badge
}

fn push_text(badge: &mut Badge, open: &[String], text: &str) {
    match open.last().map(String::as_str) {
        Some("title") => badge.title.push_str(text),
        Some("text") => badge.texts.last_mut().unwrap().push_str(text),
        _ => {}
    }
}

fn read_badge(out: &Path, path: &str) -> Badge {
    let svg = fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(path, &svg)
}

/// Label and message of a badge: the title is `LABEL: MESSAGE`, and each
/// text is drawn twice (shadow, then text).
fn says(badge: &Badge, label: &str, message: &str) {
    assert_eq!(badge.aria_label, format!("{label}: {message}"));
    assert_eq!(badge.title, badge.aria_label, "<title> and aria-label agree");
    assert_eq!(badge.texts, [label, label, message, message]);
}

/// The example site's build time, as badges the clock can change say it.
const AS_OF: &str = "as of Nov 20, 2026 16:00 CET";

/// [`says`], for a badge the clock can change before the next build: its
/// title and aria-label end in `(as of …)`; its drawn text does not.
fn says_as_of(badge: &Badge, label: &str, message: &str, as_of: &str) {
    assert_eq!(badge.aria_label, format!("{label}: {message} ({as_of})"));
    assert_eq!(badge.title, badge.aria_label, "<title> and aria-label agree");
    assert_eq!(badge.texts, [label, label, message, message]);
}

/// Issue 12, item 2: a badge cannot move on between builds as the page's
/// script does, so a badge a maintenance window can change before the next
/// build says when it was true; the others do not.
#[test]
fn badges_the_clock_can_change_say_as_of_when() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    // The search migration ends at 17:00; the database upgrade starts on
    // 1 December; the jobs migration on 8 December.
    says_as_of(
        &read_badge(&out, "badges/search.svg"),
        "Search",
        "Under maintenance",
        AS_OF,
    );
    says_as_of(
        &read_badge(&out, "badges/database.svg"),
        "Primary database",
        "Operational",
        AS_OF,
    );
    says_as_of(
        &read_badge(&out, "badges/jobs.svg"),
        "Background jobs",
        "Operational",
        AS_OF,
    );
    // The API's ongoing incident outranks the upgrade's maintenance; the CDN
    // has no maintenance ahead; the webhooks' one is cancelled; an ongoing
    // incident decides the page status; uptime badges follow builds.
    says(&read_badge(&out, "badges/api.svg"), "API", "Degraded performance");
    says(&read_badge(&out, "badges/cdn.svg"), "CDN", "Operational");
    says(&read_badge(&out, "badges/webhooks.svg"), "Webhooks", "Operational");
    says(
        &read_badge(&out, "badges/status.svg"),
        "Lumen Status",
        "Partial System Outage",
    );
    assert!(!read_badge(&out, "badges/search-uptime.svg").title.contains("as of"));

    // Without the incident, the windows decide the page status too.
    let site = tmp.path().join("quiet");
    copy_tree(&example_site(), &site);
    fs::remove_file(site.join("incidents/2026/11/2026-11-20-api-errors.md")).unwrap();
    // Its German translation goes with it: a translation needs its entry.
    fs::remove_file(site.join("incidents/2026/11/2026-11-20-api-errors.de.md")).unwrap();
    let out = tmp.path().join("quiet-public");
    build_pinned(&site, Some(&out)).assert().success();
    says_as_of(
        &read_badge(&out, "badges/status.svg"),
        "Lumen Status",
        "Service Under Maintenance",
        AS_OF,
    );
    says_as_of(&read_badge(&out, "badges/api.svg"), "API", "Operational", AS_OF);
}

#[test]
fn the_example_site_has_a_badge_for_the_page_and_each_component() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();

    let raw = fs::read_to_string(out.join("badges/status.svg")).unwrap();
    assert!(raw.contains("Partial System Outage"));
    let status = read_badge(&out, "badges/status.svg");
    says(&status, "Lumen Status", "Partial System Outage");

    let mut names = Vec::new();
    for id in COMPONENTS {
        let badge = read_badge(&out, &format!("badges/{id}.svg"));
        let uptime = read_badge(&out, &format!("badges/{id}-uptime.svg"));
        let name = badge.texts[0].clone();
        assert_eq!(uptime.texts[0], format!("{name} uptime"), "{id}");
        assert_eq!(uptime.title, uptime.aria_label, "{id}");
        assert_eq!(badge.title, badge.aria_label, "{id}");
        let percent = &uptime.texts[2];
        assert!(percent.ends_with('%'), "{id}: {percent}");
        let page = fs::read_to_string(out.join(format!("components/{id}/index.html"))).unwrap();
        assert!(
            page.contains(&format!(
                r#"<span class="uptime__total">{percent} uptime<span class="visually-hidden">"#
            )),
            "{id}: the component page shows the same uptime, {percent}"
        );
        names.push(name);
    }
    assert!(names.contains(&"Primary database".to_string()), "{names:?}");

    says(&read_badge(&out, "badges/api.svg"), "API", "Degraded performance");
    says(&read_badge(&out, "badges/cdn.svg"), "CDN", "Operational");
    says_as_of(
        &read_badge(&out, "badges/search.svg"),
        "Search",
        "Under maintenance",
        AS_OF,
    );
    says(&read_badge(&out, "badges/api-uptime.svg"), "API uptime", "99.93%");

    let badges: Vec<_> = fs::read_dir(out.join("badges")).unwrap().collect();
    assert_eq!(badges.len(), 1 + 2 * COMPONENTS.len(), "nothing else under badges/");
}

#[test]
fn wider_text_makes_a_wider_badge() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_pinned(example_site(), Some(&out)).assert().success();
    let cdn = read_badge(&out, "badges/cdn.svg");
    let api = read_badge(&out, "badges/api.svg");
    let database = read_badge(&out, "badges/database.svg");
    assert!(
        api.width > cdn.width,
        "`Degraded performance` is longer than `Operational`"
    );
    assert!(database.width > cdn.width, "`Primary database` is longer than `CDN`");
}

#[test]
fn odd_names_are_escaped_and_still_well_formed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_tree(&fixture("base-site"), &site);
    fs::write(
        site.join("site.yaml"),
        "title: \"<b>Fish & \\\"Chips\\\"</b> 'Status'\\u0007\"\n\
         base_url: https://status.fixture.example\n\
         time_zone: Europe/Berlin\n\
         components:\n  \
           - id: api\n    name: \"API ]]> & <script>\\u0001\"\n  \
           - id: web\n    name: Zürich 東京 🚀\n  \
           - id: db\n    name: Database\n",
    )
    .unwrap();
    let out = tmp.path().join("public");
    build_pinned(&site, Some(&out)).assert().success();

    let status = read_badge(&out, "badges/status.svg");
    assert_eq!(
        status.texts[0], "<b>Fish & \"Chips\"</b> 'Status'",
        "control characters removed"
    );
    assert_eq!(status.title, status.aria_label);
    let api = read_badge(&out, "badges/api.svg");
    assert_eq!(api.texts[0], "API ]]> & <script>");
    let raw = fs::read_to_string(out.join("badges/api.svg")).unwrap();
    assert!(!raw.contains("<script>") && !raw.contains('\u{1}'), "{raw}");
    let web = read_badge(&out, "badges/web.svg");
    assert_eq!(web.texts[0], "Zürich 東京 🚀");
    read_badge(&out, "badges/web-uptime.svg");
}
