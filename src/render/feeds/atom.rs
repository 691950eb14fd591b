//! Atom 1.0 writer (RFC 4287, the `atom_syndication` crate): the twin of
//! each RSS feed, with the same items and tag-URI ids.

use atom_syndication::{Content, Entry, Feed as AtomFeed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Utc};

use super::{Feed, Item};
use crate::render::OutputFile;

/// `FEED.atom`.
pub(super) fn write(feed: &Feed) -> OutputFile {
    let updated = feed.items.iter().map(|i| i.updated).max().unwrap_or(feed.built);
    let mut out = AtomFeed::default();
    out.set_title(Text::plain(feed.title.clone()));
    out.set_id(feed.tag.clone());
    out.set_updated(fixed(updated));
    out.set_subtitle(Some(Text::plain(feed.description.clone())));
    out.set_lang(Some(feed.language.clone()));
    out.set_authors(vec![Person {
        name: feed.author.clone(),
        ..Person::default()
    }]);
    let self_url = format!("{}/{}.atom", feed.base_url, feed.path);
    out.set_links(vec![
        link(&feed.page_url, "alternate", "text/html"),
        link(&self_url, "self", "application/atom+xml"),
    ]);
    out.set_entries(feed.items.iter().map(entry).collect::<Vec<_>>());
    OutputFile {
        path: format!("{}.atom", feed.path),
        bytes: out.to_string().into_bytes(),
    }
}

fn entry(i: &Item) -> Entry {
    let mut e = Entry::default();
    e.set_title(Text::plain(i.title.clone()));
    e.set_id(i.tag.clone());
    e.set_published(Some(fixed(i.published)));
    e.set_updated(fixed(i.updated));
    e.set_links(vec![link(&i.link, "alternate", "text/html")]);
    let mut content = Content::default();
    content.set_content_type(Some("html".to_string()));
    content.set_value(Some(i.html.clone()));
    content.set_lang(i.lang.clone());
    e.set_content(Some(content));
    e
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    Link {
        href: href.into(),
        rel: rel.into(),
        mime_type: Some(mime.into()),
        ..Link::default()
    }
}

fn fixed(t: DateTime<Utc>) -> FixedDateTime {
    t.fixed_offset()
}
