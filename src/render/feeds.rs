//! `history.rss`: RSS 2.0 in Statuspage's shape (reference:
//! `statuspage-api-v2.md`, "history.rss"), written with the `rss` crate.
//!
//! One item per incident or maintenance, newest first, at most
//! [`FEED_LIMIT`]. Link and guid are the entry's public URL; pubDate is its
//! newest update (a scheduled maintenance: its start), in RFC 822; the
//! description is HTML, escaped in the XML, with every update newest first.
//! Maintenance items add a non-namespaced `<maintenanceEndDate>`. Control
//! characters, which XML 1.0 cannot carry, are stripped from all text.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rss::extension::{Extension, ExtensionMap};
use rss::{ChannelBuilder, GuidBuilder, Item, ItemBuilder};

use super::{OutputFile, format, links};
use crate::model::{MaintenanceStatus, Snapshot};

/// Most items in a feed: the newest entries. Older ones stay in the
/// history pages.
pub const FEED_LIMIT: usize = 250;

/// The title feeds use: `{name} Status - Incident History`, without
/// doubling a title that already ends in "Status".
pub fn feed_title(site_title: &str) -> String {
    let name = site_title.trim();
    if name.to_lowercase().ends_with("status") {
        format!("{name} - Incident History")
    } else {
        format!("{name} Status - Incident History")
    }
}

/// Render `history.rss`.
pub fn render(snap: &Snapshot<'_>) -> Vec<OutputFile> {
    let c = &snap.site.config;
    let mut items: Vec<(DateTime<Utc>, Item)> = Vec::new();
    for i in 0..snap.site.incidents.len() {
        items.push(incident_item(snap, i));
    }
    for m in 0..snap.site.maintenances.len() {
        items.push(maintenance_item(snap, m));
    }
    items.sort_by_key(|e| std::cmp::Reverse(e.0));
    items.truncate(FEED_LIMIT);
    let newest = items.first().map(|(t, _)| *t).unwrap_or(snap.now);
    let description = c
        .description
        .clone()
        .unwrap_or_else(|| format!("Incidents and maintenance of {}", c.title));
    let channel = ChannelBuilder::default()
        .title(xml_text(&feed_title(&c.title)))
        .link(format!("{}/", c.base_url))
        .description(xml_text(&description))
        .language(Some(c.language.clone()))
        .pub_date(Some(format::rfc822(newest)))
        .last_build_date(Some(format::rfc822(snap.now)))
        .generator(Some("allclear".to_string()))
        .items(items.into_iter().map(|(_, item)| item).collect::<Vec<_>>())
        .build();
    vec![OutputFile {
        path: "history.rss".into(),
        bytes: channel.to_string().into_bytes(),
    }]
}

fn incident_item(snap: &Snapshot<'_>, i: usize) -> (DateTime<Utc>, Item) {
    let inc = &snap.site.incidents[i];
    let zone = snap.site.config.time_zone;
    let mut previous = None;
    let mut paragraphs: Vec<String> = inc
        .updates
        .iter()
        .map(|u| {
            let label = if previous == Some(u.status) {
                "Update"
            } else {
                u.status.label()
            };
            previous = Some(u.status);
            update_paragraph(u.at, zone, label, &u.message.html)
        })
        .collect();
    paragraphs.reverse();
    let url = links::public_url(&snap.site.config.base_url, &links::incident(&inc.id));
    let pub_date = inc.updated_at();
    (
        pub_date,
        item(&inc.title, url, pub_date, paragraphs.concat(), ExtensionMap::default()),
    )
}

fn maintenance_item(snap: &Snapshot<'_>, m: usize) -> (DateTime<Utc>, Item) {
    let mt = &snap.site.maintenances[m];
    let state = snap.maintenances[m];
    let zone = snap.site.config.time_zone;
    let mut previous = None;
    let mut paragraphs: Vec<String> = mt
        .updates
        .iter()
        .map(|u| {
            let label = if previous == Some(u.status) {
                "Update"
            } else {
                u.status.label()
            };
            previous = Some(u.status);
            update_paragraph(u.at, zone, label, &u.message.html)
        })
        .collect();
    paragraphs.reverse();
    if paragraphs.is_empty() {
        let text = format!(
            "<p>Scheduled for {} until {}.</p>",
            format::date_time(state.window.from, zone),
            format::date_time(state.window.until, zone)
        );
        paragraphs.push(text);
    }
    let pub_date = if state.status == MaintenanceStatus::Scheduled {
        state.window.from
    } else {
        mt.updated_at().max(state.window.from)
    };
    let url = links::public_url(&snap.site.config.base_url, &links::maintenance(&mt.id));
    let end = Extension {
        name: "maintenanceEndDate".into(),
        value: Some(format::rfc822(state.window.until)),
        ..Extension::default()
    };
    let mut ext: ExtensionMap = BTreeMap::new();
    ext.entry(String::new())
        .or_default()
        .insert("maintenanceEndDate".into(), vec![end]);
    (pub_date, item(&mt.title, url, pub_date, paragraphs.concat(), ext))
}

fn item(title: &str, url: String, pub_date: DateTime<Utc>, description: String, extensions: ExtensionMap) -> Item {
    ItemBuilder::default()
        .title(Some(xml_text(title)))
        .link(Some(url.clone()))
        .guid(Some(GuidBuilder::default().value(url).permalink(true).build()))
        .pub_date(Some(format::rfc822(pub_date)))
        .description(Some(xml_text(&description)))
        .extensions(extensions)
        .build()
}

/// One update as Statuspage writes it: the time in the page's zone, the
/// status in bold, " - ", the message.
fn update_paragraph(at: DateTime<Utc>, zone: chrono_tz::Tz, label: &str, message_html: &str) -> String {
    let local = at.with_timezone(&zone);
    format!(
        "<p><small>{} <var data-var='date'>{}</var>, <var data-var='time'>{}</var> {}</small><br><strong>{}</strong> - {}</p>",
        local.format("%b"),
        local.format("%-d"),
        local.format("%H:%M"),
        local.format("%Z"),
        label,
        inline(message_html)
    )
}

/// Message HTML fitted into Statuspage's one-paragraph-per-update shape:
/// the outer paragraph is dropped and paragraphs are joined with line
/// breaks; other blocks (lists, tables) are kept as they are.
fn inline(html: &str) -> String {
    let trimmed = html.trim();
    match trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) => inner.replace("</p>\n<p>", "<br><br>"),
        None => trimmed.to_string(),
    }
}

/// Text with the characters XML 1.0 forbids removed (C0 controls other than
/// tab, newline and carriage return; U+FFFE and U+FFFF).
pub fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| (c >= ' ' || matches!(c, '\t' | '\n' | '\r')) && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_xml_forbidden_characters() {
        assert_eq!(xml_text("a\u{0}b\u{7}c\td\n"), "abc\td\n");
    }

    #[test]
    fn titles() {
        assert_eq!(feed_title("Lumen Status"), "Lumen Status - Incident History");
        assert_eq!(feed_title("Acme"), "Acme Status - Incident History");
    }
}
