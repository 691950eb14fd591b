//! RSS 2.0 writer (the `rss` crate), in Statuspage's shape: guid and link
//! per item, RFC 822 dates, and a non-namespaced `<maintenanceEndDate>` on
//! maintenance items.

use std::collections::BTreeMap;

use rss::extension::{Extension, ExtensionMap};
use rss::{ChannelBuilder, GuidBuilder, Item as RssItem, ItemBuilder};

use super::{Feed, Item};
use crate::render::{OutputFile, format};

/// `FEED.rss`.
pub(super) fn write(feed: &Feed) -> OutputFile {
    let newest = feed.items.first().map_or(feed.built, |i| i.date);
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
