//! RSS 2.0 writer (the `rss` crate), in Statuspage's shape: guid and link
//! per item, RFC 822 dates, and a non-namespaced `<maintenanceEndDate>` on
//! maintenance items.
//!
//! The channel's `pubDate` and `lastBuildDate` are never later than the
//! build's reference time (`--now`, UTC): a scheduled maintenance's item is
//! dated by its (future) start, as Statuspage does, but the channel was not
//! published in the future. `lastBuildDate` is, as RSS 2.0 defines it, "the
//! last time the content of the channel changed": the newest `updated` of
//! its items at or before the reference time, not the build time, so that
//! a rebuild that changes nothing in a feed writes the same bytes. A feed
//! without items has neither date.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use rss::extension::{Extension, ExtensionMap};
use rss::{ChannelBuilder, GuidBuilder, Item as RssItem, ItemBuilder};

use super::{Feed, Item};
use crate::format;
use crate::render::OutputFile;

/// `FEED.rss`.
pub(super) fn write(feed: &Feed) -> OutputFile {
    // A scheduled maintenance may be dated ahead of the build: the
    // channel's dates never are.
    let past = |t: &DateTime<Utc>| *t <= feed.built;
    // An item dated ahead (a scheduled maintenance) counts from when it
    // was published.
    let newest = feed
        .items
        .iter()
        .map(|i| i.date)
        .filter(past)
        .max()
        .or_else(|| feed.items.iter().map(|i| i.published).filter(past).max());
    let changed = feed.items.iter().map(|i| i.updated).filter(past).max().or(newest);
    let channel = ChannelBuilder::default()
        .title(feed.title.clone())
        .link(feed.page_url.clone())
        .description(feed.description.clone())
        .language(Some(feed.language.clone()))
        .pub_date(newest.map(format::rfc822))
        .last_build_date(changed.map(format::rfc822))
        .generator(Some("allclear".to_string()))
        .items(feed.items.iter().map(item).collect::<Vec<_>>())
        .build();
    OutputFile {
        path: format!("{}.rss", feed.path),
        bytes: channel.to_string().into_bytes(),
    }
}

fn item(i: &Item) -> RssItem {
    let mut extensions: ExtensionMap = BTreeMap::new();
    if let Some(end) = i.maintenance_end {
        let element = Extension {
            name: "maintenanceEndDate".into(),
            value: Some(format::rfc822(end)),
            ..Extension::default()
        };
        // Deliberately in no namespace, as in Statuspage's own history feed
        // (`https://{page}.statuspage.io/history.rss`, described in
        // Atlassian's Statuspage docs, "Subscribe to status updates": RSS
        // and Atom feeds): tools that watch maintenance windows look for the
        // bare `maintenanceEndDate` name, and a namespaced copy would not be
        // found by them. RSS 2.0 asks for extension elements in a namespace;
        // we follow Statuspage here because compatibility with its feed is
        // the point of this element.
        // The writer prints the element's own name; the map key is only
        // used for grouping, so the element stays non-namespaced.
        extensions
            .entry(String::new())
            .or_default()
            .insert(element.name.clone(), vec![element]);
    }
    ItemBuilder::default()
        .title(Some(i.title.clone()))
        .link(Some(i.link.clone()))
        .guid(Some(
            GuidBuilder::default()
                .value(i.guid.clone())
                .permalink(i.guid_is_permalink)
                .build(),
        ))
        .pub_date(Some(format::rfc822(i.date)))
        .description(Some(i.html.clone()))
        .extensions(extensions)
        .build()
}
