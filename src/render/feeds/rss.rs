//! RSS 2.0 writer (the `rss` crate), in Statuspage's shape: guid and link
//! per item, RFC 822 dates, and a non-namespaced `<maintenanceEndDate>` on
//! maintenance items.
//!
//! The channel's `pubDate` and `lastBuildDate` are never later than the
//! build's reference time (`--now`, UTC): a scheduled maintenance's item is
//! dated by its (future) start, as Statuspage does, but the channel was not
//! published in the future.

use std::collections::BTreeMap;

use rss::extension::{Extension, ExtensionMap};
use rss::{ChannelBuilder, GuidBuilder, Item as RssItem, ItemBuilder};

use super::{Feed, Item};
use crate::render::{OutputFile, format};

/// `FEED.rss`.
pub(super) fn write(feed: &Feed) -> OutputFile {
    // Items are newest first; a scheduled maintenance may be dated ahead of
    // the build, so the channel's date is capped at the reference time.
    let newest = feed.items.first().map_or(feed.built, |i| i.date).min(feed.built);
    let channel = ChannelBuilder::default()
        .title(feed.title.clone())
        .link(feed.page_url.clone())
        .description(feed.description.clone())
        .language(Some(feed.language.clone()))
        .pub_date(Some(format::rfc822(newest)))
        .last_build_date(Some(format::rfc822(feed.built)))
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
