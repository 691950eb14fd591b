//! JSON Feed 1.1 writer (<https://jsonfeed.org/version/1.1>).

use serde::Serialize;

use super::Feed;
use crate::format;
use crate::render::OutputFile;

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    description: &'a str,
    language: &'a str,
    authors: [Author<'a>; 1],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    /// The item's language when it differs from the feed's (JSON Feed
    /// 1.1's item `language`): its messages left in the default language.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    date_published: String,
    date_modified: String,
}

/// `name` (e.g. `feed.json`) holding `feed`'s items.
pub(super) fn write(feed: &Feed, name: &str) -> OutputFile {
    let doc = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &feed.title,
        home_page_url: &feed.page_url,
        feed_url: format!("{}/{name}", feed.base_url),
        description: &feed.description,
        language: &feed.language,
        authors: [Author { name: &feed.author }],
        items: feed
            .items
            .iter()
            .map(|i| JsonItem {
                id: &i.tag,
                url: &i.link,
                title: &i.title,
                content_html: &i.html,
                language: i.lang.as_deref(),
                date_published: format::iso_utc(i.published),
                date_modified: format::iso_utc(i.updated),
            })
            .collect(),
    };
    OutputFile {
        path: name.into(),
        bytes: serde_json::to_vec_pretty(&doc).expect("a feed always serializes"),
    }
}
