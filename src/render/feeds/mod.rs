//! Feeds: every way a feed reader can follow the page, from one list of
//! items built once from the snapshot.
//!
//! - `history.rss` / `history.atom`: one item per incident or maintenance
//!   (Statuspage's history feeds, `/history.rss` and `/history.atom`),
//!   newest first, at most [`FEED_LIMIT`];
//! - `updates.rss` / `updates.atom` / `feed.json` (JSON Feed 1.1): one item
//!   per update and per published postmortem (dated its
//!   `postmortem_published_at`), the newest [`UPDATES_LIMIT`], which is what
//!   makes a reader notify on every change;
//! - `components/ID/history.rss` / `.atom`: the history items that affect
//!   one component, the newest [`COMPONENT_FEED_LIMIT`] (as many as its page
//!   lists).
//!
//! Ids are stable: history items use the entry's page URL (RSS guid) and
//! `tag:HOST,2005:Incident/API_ID` (Atom); update items use
//! `tag:HOST,2005:IncidentUpdate/API_ID`, the update's id in the API, and a
//! postmortem `tag:HOST,2005:IncidentPostmortem/API_ID` (the incident's).
//! A further language's feeds (under `TAG/`) link its pages, `BASE/TAG/…`,
//! and put `TAG/` before the tag's path (`tag:HOST,2005:TAG/Incident/…`,
//! `tag:HOST,2005:/TAG/history`), so no two languages share an id.
//! Control characters, which XML 1.0 cannot carry, are stripped from text.

mod atom;
mod json;
mod rss;
mod updates;

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use std::sync::OnceLock;

use super::{OutputFile, links};
use crate::escape::xml_text;
use crate::i18n::Catalogue;
use crate::model::{EntryRef, MaintenanceStatus, Markdown, Snapshot};
use crate::{format, ids};

/// Most items in a history feed: the newest entries. Older ones stay in
/// the history pages.
pub const FEED_LIMIT: usize = 250;

/// Most items in a component's history feed: the entries its page lists.
pub const COMPONENT_FEED_LIMIT: usize = super::html::COMPONENT_ENTRIES;

/// Items in the per-update feeds.
pub const UPDATES_LIMIT: usize = 100;

/// One feed, in any format.
#[derive(Debug, Clone)]
pub(crate) struct Feed {
    /// Output path without extension, e.g. `history`, `components/api/history`.
    pub path: String,
    pub title: String,
    pub description: String,
    /// The page the feed follows (absolute).
    pub page_url: String,
    /// The public URL of the feed language's root, without a trailing
    /// slash: the site's `base_url`, or `BASE/TAG` in a further language.
    pub base_url: String,
    /// The feed's Atom id, `tag:HOST,2005:/history`.
    pub tag: String,
    pub language: String,
    /// The page's name, as the feed's author.
    pub author: String,
    /// The build's reference time: no date of the feed is later.
    pub built: DateTime<Utc>,
    /// Newest first.
    pub items: Vec<Item>,
}

/// One item of a feed.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub title: String,
    /// Absolute URL.
    pub link: String,
    /// RSS guid; a permalink when it is the URL itself.
    pub guid: String,
    pub guid_is_permalink: bool,
    /// Atom and JSON Feed id (a tag URI).
    pub tag: String,
    /// RSS pubDate and the order of the feed.
    pub date: DateTime<Utc>,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// HTML content.
    pub html: String,
    /// Maintenance only: the end of the window (`<maintenanceEndDate>`).
    pub maintenance_end: Option<DateTime<Utc>>,
    /// In a further language, when the item's messages are all left in the
    /// default language ([`crate::model::Fallback`]): that language, for
    /// Atom's `xml:lang` on the content and JSON Feed's item `language`.
    pub lang: Option<String>,
}

/// The language every one of an item's messages is left in, when each is a
/// fallback ([`crate::model::Fallback`]); `None` when any is translated or
/// there is none.
fn all_fallback<'a>(mut fallbacks: impl Iterator<Item = Option<&'a String>>) -> Option<String> {
    let first = fallbacks.next()??;
    fallbacks.all(|f| f == Some(first)).then(|| first.clone())
}

/// Render every feed file (the component feeds of `pages`' components).
///
/// Items are built only for the entries and updates a feed shows (the
/// newest few hundred), however long the history, and once each: an item
/// shared by the history feed and component feeds is built once.
pub fn render(snap: &Snapshot<'_>, cat: &Catalogue, pages: &super::Pages) -> Vec<OutputFile> {
    let cx = Context::new(snap, cat);
    let items = EntryItems::new(&cx);
    let all_entries = (0..snap.site.incidents.len())
        .map(EntryRef::Incident)
        .chain((0..snap.site.maintenances.len()).map(EntryRef::Maintenance));
    let history = cx.feed(
        "history",
        feed_title(cat, &snap.site.config.title),
        items.newest(all_entries, FEED_LIMIT),
        FEED_LIMIT,
    );
    let updates = cx.feed(
        "updates",
        cat.text_with("feed-updates-title", &[("site", snap.site.config.title.trim().into())]),
        cx.update_items(UPDATES_LIMIT),
        UPDATES_LIMIT,
    );
    let components: Vec<Feed> = snap
        .site
        .components
        .par_iter()
        .enumerate()
        .filter(|(_, comp)| pages.has_component(&comp.id))
        .map(|(c, comp)| {
            let entries = snap.by_component[c].iter().take(COMPONENT_FEED_LIMIT).copied();
            let mut feed = cx.feed(
                &format!("components/{}/history", comp.id),
                cat.text_with(
                    "feed-component-title",
                    &[
                        ("feed", feed_title(cat, &snap.site.config.title).into()),
                        ("component", comp.name.as_str().into()),
                    ],
                ),
                items.newest(entries, COMPONENT_FEED_LIMIT),
                COMPONENT_FEED_LIMIT,
            );
            feed.page_url = links::public_url(&cx.url, &links::component(&comp.id));
            feed
        })
        .collect();

    let mut files = vec![json::write(&updates, "feed.json")];
    let xml: Vec<[OutputFile; 2]> = [&history, &updates]
        .into_par_iter()
        .chain(components.par_iter())
        .map(write_xml)
        .collect();
    files.extend(xml.into_iter().flatten());
    files
}

/// History items of entries, each built on first use and then shared.
struct EntryItems<'c, 'a, 's> {
    cx: &'c Context<'a, 's>,
    incidents: Vec<OnceLock<Item>>,
    maintenances: Vec<OnceLock<Item>>,
}

impl<'c, 'a, 's> EntryItems<'c, 'a, 's> {
    fn new(cx: &'c Context<'a, 's>) -> Self {
        let site = &cx.snap.site;
        EntryItems {
            cx,
            incidents: (0..site.incidents.len()).map(|_| OnceLock::new()).collect(),
            maintenances: (0..site.maintenances.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    fn get(&self, e: EntryRef) -> Item {
        match e {
            EntryRef::Incident(i) => self.incidents[i].get_or_init(|| self.cx.incident_item(i)),
            EntryRef::Maintenance(m) => self.maintenances[m].get_or_init(|| self.cx.maintenance_item(m)),
        }
        .clone()
    }

    /// The items of the `limit` newest of `entries` by item date (and all
    /// that tie with the last), without building the others' items.
    fn newest(&self, entries: impl Iterator<Item = EntryRef>, limit: usize) -> Vec<Item> {
        let dated: Vec<(DateTime<Utc>, EntryRef)> = entries.map(|e| (self.cx.item_date(e), e)).collect();
        newest_with_ties(dated, limit)
            .into_iter()
            .map(|(_, e)| self.get(e))
            .collect()
    }
}

/// The `limit` newest of `dated` and every other one as new as the last of
/// them, newest first: a feed's final order breaks ties by id, so all of
/// these are candidates. A selection, not a sort of the whole history.
fn newest_with_ties<T>(mut dated: Vec<(DateTime<Utc>, T)>, limit: usize) -> Vec<(DateTime<Utc>, T)> {
    if limit == 0 {
        return Vec::new();
    }
    if dated.len() > limit {
        let cutoff = dated.select_nth_unstable_by(limit - 1, |a, b| b.0.cmp(&a.0)).1.0;
        dated.retain(|d| d.0 >= cutoff);
    }
    dated.sort_by_key(|d| std::cmp::Reverse(d.0));
    dated
}

fn write_xml(feed: &Feed) -> [OutputFile; 2] {
    [rss::write(feed), atom::write(feed)]
}

/// The title history feeds use: `{name} Status - Incident History`, without
/// doubling a title that already ends in "Status".
pub fn feed_title(cat: &Catalogue, site_title: &str) -> String {
    let name = site_title.trim();
    let status = if name.to_lowercase().ends_with("status") {
        "yes"
    } else {
        "no"
    };
    cat.text_with(
        "feed-history-title",
        &[("site", name.into()), ("ends_with_status", status.into())],
    )
}

/// What every item is built with.
struct Context<'a, 's> {
    snap: &'a Snapshot<'s>,
    cat: &'a Catalogue,
    zone: Tz,
    /// Dates and times in the interface's language.
    locale: &'static format::Locale,
    host: String,
    /// The public URL of the language's root ([`links::language_url`]).
    url: String,
    /// `""` in the default language, `TAG/` in a further one: the feeds'
    /// and items' tags of a further language start with it, so that each
    /// language's items have ids of their own.
    prefix: String,
}

impl<'a, 's> Context<'a, 's> {
    fn new(snap: &'a Snapshot<'s>, cat: &'a Catalogue) -> Self {
        Context {
            snap,
            cat,
            zone: snap.site.config.time_zone,
            locale: cat.locale(),
            host: ids::host(&snap.site.config.base_url),
            url: links::language_url(&snap.site),
            prefix: links::language_prefix(&snap.site),
        }
    }

    /// An item's title: its entry's title after the status (`[Resolved]
    /// API errors`, message `feed-item-title`).
    fn item_title(&self, label: &str, title: &str) -> String {
        self.cat
            .text_with("feed-item-title", &[("label", label.into()), ("title", title.into())])
    }

    fn tag(&self, what: &str) -> String {
        match what.strip_prefix('/') {
            Some(path) => format!("tag:{},2005:/{}{path}", self.host, self.prefix),
            None => format!("tag:{},2005:{}{what}", self.host, self.prefix),
        }
    }

    /// The feed at `path` of `items`, newest first (ties by tag), at most
    /// `limit` of them.
    fn feed(&self, path: &str, title: String, mut items: Vec<Item>, limit: usize) -> Feed {
        let c = &self.snap.site.config;
        items.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.tag.cmp(&b.tag)));
        items.truncate(limit);
        Feed {
            path: path.into(),
            title: xml_text(&title),
            description: xml_text(&c.description.clone().unwrap_or_else(|| {
                self.cat
                    .text_with("feed-description", &[("site", c.title.as_str().into())])
            })),
            page_url: format!("{}/", self.url),
            base_url: self.url.clone(),
            tag: self.tag(&format!("/{path}")),
            language: self.cat.language().to_string(),
            author: xml_text(&c.title),
            built: self.snap.now,
            items,
        }
    }

    /// Statuspage's update paragraphs, newest first; a status equal to the
    /// previous update's is labelled "Update".
    fn paragraphs<'m>(&self, updates: impl Iterator<Item = (DateTime<Utc>, &'a str, &'m Markdown)>) -> String {
        let mut previous = None;
        let same = self.cat.text("feed-update-same-status");
        let mut out: Vec<String> = updates
            .map(|(at, label, message)| {
                let shown = if previous == Some(label) { same.as_str() } else { label };
                previous = Some(label);
                update_paragraph(self.locale, at, self.zone, shown, &message.html)
            })
            .collect();
        out.reverse();
        out.concat()
    }

    fn incident_item(&self, i: usize) -> Item {
        let inc = &self.snap.site.incidents[i];
        let html = self.paragraphs(
            inc.updates
                .iter()
                .map(|u| (u.at, self.cat.incident_status(u.status), &u.message)),
        );
        let link = links::public_url(&self.url, &links::incident(&inc.id));
        Item {
            title: xml_text(&inc.title),
            guid: link.clone(),
            guid_is_permalink: true,
            tag: self.tag(&format!("Incident/{}", ids::api_id("incident", &inc.id))),
            link,
            date: inc.updated_at(),
            published: inc.updates[0].at,
            updated: inc.updated_at(),
            html: xml_text(&html),
            maintenance_end: None,
            lang: all_fallback(inc.updates.iter().map(|u| u.fallback.as_ref())),
        }
    }

    fn maintenance_item(&self, m: usize) -> Item {
        let mt = &self.snap.site.maintenances[m];
        let state = self.snap.maintenances[m];
        let mut html = self.paragraphs(
            mt.updates
                .iter()
                .map(|u| (u.at, self.cat.maintenance_status(u.status), &u.message)),
        );
        if html.is_empty() {
            let text = self.cat.text_with(
                "feed-scheduled-for",
                &[
                    ("from", self.locale.date_time(state.window.from, self.zone).into()),
                    ("until", self.locale.date_time(state.window.until, self.zone).into()),
                ],
            );
            html = format!("<p>{text}</p>");
        }
        let date = self.item_date(EntryRef::Maintenance(m));
        let link = links::public_url(&self.url, &links::maintenance(&mt.id));
        Item {
            title: xml_text(&mt.title),
            guid: link.clone(),
            guid_is_permalink: true,
            tag: self.tag(&format!("Incident/{}", ids::api_id("maintenance", &mt.id))),
            link,
            date,
            published: mt.updates.first().map_or(date, |u| u.at),
            updated: mt.updates.last().map_or(date, |u| u.at),
            html: xml_text(&html),
            maintenance_end: Some(state.window.until),
            lang: all_fallback(mt.updates.iter().map(|u| u.fallback.as_ref())),
        }
    }

    /// A history item's date: the last update of an incident; for a
    /// maintenance, the window's start while it is scheduled, else the
    /// later of its last update and its start.
    fn item_date(&self, e: EntryRef) -> DateTime<Utc> {
        match e {
            EntryRef::Incident(i) => self.snap.site.incidents[i].updated_at(),
            EntryRef::Maintenance(m) => {
                let state = self.snap.maintenances[m];
                if state.status == MaintenanceStatus::Scheduled {
                    state.window.from
                } else {
                    self.snap.site.maintenances[m].updated_at().max(state.window.from)
                }
            }
        }
    }
}

/// One update as Statuspage writes it: the time in the page's zone, the
/// status in bold, " - ", the message.
fn update_paragraph(locale: &format::Locale, at: DateTime<Utc>, zone: Tz, label: &str, message_html: &str) -> String {
    let local = at.with_timezone(&zone);
    format!(
        "<p><small>{} <var data-var='date'>{}</var>, <var data-var='time'>{:02}:{:02}</var> {}</small><br><strong>{}</strong> - {}</p>",
        locale.short_month(local.month0()),
        local.day(),
        local.hour(),
        local.minute(),
        local.offset(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_keeps_every_tie_with_the_last() {
        let t = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 1, h, 0, 0).unwrap();
        let dated = vec![
            (t(1), 'a'),
            (t(5), 'b'),
            (t(3), 'c'),
            (t(3), 'd'),
            (t(4), 'e'),
            (t(3), 'f'),
        ];
        let newest: Vec<char> = newest_with_ties(dated.clone(), 3).into_iter().map(|(_, c)| c).collect();
        assert_eq!(&newest[..2], ['b', 'e']);
        let mut tied = newest[2..].to_vec();
        tied.sort_unstable();
        assert_eq!(tied, ['c', 'd', 'f']);
        assert_eq!(newest_with_ties(dated.clone(), 2).len(), 2);
        assert_eq!(newest_with_ties(dated.clone(), 10).len(), 6);
        assert!(newest_with_ties(dated, 0).is_empty());
    }

    #[test]
    fn titles() {
        let en = crate::i18n::tests_support::english();
        assert_eq!(feed_title(&en, "Lumen Status"), "Lumen Status - Incident History");
        assert_eq!(feed_title(&en, "Acme"), "Acme Status - Incident History");
    }
}
