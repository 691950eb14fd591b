//! The languages a site is published in (content format, "Languages"):
//! the default language at the output's root, each further language under
//! `TAG/` with the same paths below it. Every page links the same page in
//! each language (`hreflang` links and the language switcher, see
//! [`super::html`]).

use serde::Serialize;

use super::{KeyUse, OutputFile, Sink, key};
use crate::diagnostics::Diagnostic;
use crate::i18n::{Catalogue, catalogue_language};
use crate::model::{MessageFile, Site};

/// One language of the site, as links to it need it.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// The BCP 47 tag as `site.yaml` writes it (`language`, `languages:`).
    pub tag: String,
    /// The language's name in itself (message `language-name` of its own
    /// message file, `Deutsch`), or the tag when no message file serves it
    /// (and on a site with one language, which shows no names).
    pub name: String,
    /// `""` for the default language, `TAG/` for a further one.
    pub prefix: String,
    /// Whether it is written right to left ([`crate::i18n::right_to_left`]).
    pub rtl: bool,
}

/// Every language `site` is published in, the default language first (see
/// [`crate::model::SiteConfig::languages`]); a site loaded without the list
/// (made in code) is in its `language` only.
pub fn of(site: &Site) -> Vec<Language> {
    let tags: Vec<&str> = if site.config.languages.is_empty() {
        vec![site.config.language.as_str()]
    } else {
        site.config.languages.iter().map(String::as_str).collect()
    };
    // A one-language site shows no names: no catalogue is made for them.
    let several = tags.len() > 1;
    tags.iter()
        .enumerate()
        .map(|(k, &tag)| Language {
            tag: tag.to_string(),
            name: if several {
                own_name(&site.theme.messages, tag)
            } else {
                tag.to_string()
            },
            prefix: if k == 0 { String::new() } else { format!("{tag}/") },
            rtl: crate::i18n::right_to_left(tag),
        })
        .collect()
}

/// `language-name` in `tag`'s own messages; the tag itself when no message
/// file serves it (the English catalogue would call it "English").
fn own_name(messages: &[MessageFile], tag: &str) -> String {
    if catalogue_language(messages, tag).is_some() {
        Catalogue::new(messages, tag).text("language-name")
    } else {
        tag.to_string()
    }
}

/// A [`Sink`] that puts every file of a further language under its
/// folder: `prefix` (`TAG/`) before each path, for the files, their keys
/// and the kept pages alike.
pub(super) struct Prefixed<'a> {
    pub(super) sink: &'a dyn Sink,
    pub(super) prefix: &'a str,
}

impl Prefixed<'_> {
    fn path(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }
}

impl Sink for Prefixed<'_> {
    fn put(&self, mut file: OutputFile) -> Result<(), Diagnostic> {
        file.path = self.path(&file.path);
        self.sink.put(file)
    }

    fn key_use(&self, path: &str) -> KeyUse {
        self.sink.key_use(&self.path(path))
    }

    fn reuse(&self, path: &str, key: &key::PageKey) -> Result<bool, Diagnostic> {
        self.sink.reuse(&self.path(path), key)
    }

    fn put_keyed(&self, mut file: OutputFile, key: &key::PageKey) -> Result<(), Diagnostic> {
        file.path = self.path(&file.path);
        self.sink.put_keyed(file, key)
    }
}

#[cfg(test)]
mod tests;
