//! A site read in one of its languages (content format, "Languages"): the
//! texts that `site.yaml`'s `translations:` and the entry translation files
//! (`NAME.LANG.md`, `NAME.LANG.yaml`) give, put in place of the default
//! language's, and a mark on every text left in the default language.
//!
//! Translations hold text only; the facts (times, statuses, components)
//! are the original entry's, so a site in any language has the same
//! entries, updates and states in the same order.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::site::{Incident, IncidentUpdate, Maintenance, MaintenanceUpdate, Markdown, Site};

/// Every translation of a site, by language (BCP 47 tags as written in
/// `languages:`). Empty for a site with one language.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    /// `site.yaml`'s `translations:`, by language.
    pub site: BTreeMap<String, SiteTexts>,
    /// The entry translation files, by language, then by entry id.
    pub entries: BTreeMap<String, BTreeMap<String, EntryTexts>>,
}

/// The site's own texts in one language (`translations: {LANG: …}` in
/// `site.yaml`). `None` and absent keys keep the default language's text.
#[derive(Debug, Clone, Default)]
pub struct SiteTexts {
    pub title: Option<String>,
    pub description: Option<String>,
    /// By component id.
    pub components: BTreeMap<String, ComponentTexts>,
    /// By the group's name in the default language.
    pub groups: BTreeMap<String, String>,
    /// By the link's title in the default language.
    pub links: BTreeMap<String, String>,
}

/// A component's name and description in one language.
#[derive(Debug, Clone, Default)]
pub struct ComponentTexts {
    pub name: Option<String>,
    pub description: Option<String>,
}

/// One entry translation file (`NAME.LANG.md` or `NAME.LANG.yaml`): text
/// only. The loader has checked that every update it translates exists.
#[derive(Debug, Clone, Default)]
pub struct EntryTexts {
    /// Path inside the site folder, e.g. `incidents/2026/x.de.md`.
    pub path: PathBuf,
    pub title: Option<String>,
    /// Update messages by the original update's `at` (UTC).
    pub updates: BTreeMap<DateTime<Utc>, Markdown>,
    /// The Markdown body (`.md`) or `postmortem:`/`body:` (`.yaml`): an
    /// incident's postmortem, a maintenance's details.
    pub body: Option<Markdown>,
}

/// Which texts of an entry are not in the language of the page they are
/// on: each `Some(tag)` names the language the text is in (the site's
/// default language), so the page marks its element with `lang` (and
/// `dir` when the direction differs) and screen readers switch voice.
/// Set only by [`Site::in_language`]; empty in the default language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fallback {
    pub title: Option<String>,
    /// The postmortem (incidents) or the details (maintenance).
    pub body: Option<String>,
}

impl Site {
    /// The site's default language: `language` in `site.yaml`, published
    /// at the root of the output.
    pub fn default_language(&self) -> &str {
        self.config.languages.first().unwrap_or(&self.config.language)
    }

    /// The site read in `lang`, one of [`crate::model::SiteConfig::languages`]:
    /// `config.language` becomes `lang`, and each text that has a
    /// translation in `lang` takes its place. A text without one stays in
    /// the default language and is marked ([`Fallback`], and each update's
    /// `fallback`). Facts, order and indices are unchanged, so a
    /// [`crate::model::Snapshot`] of the site holds for the copy too. The
    /// copy holds no [`Translations`] of its own. Pure; the entries are
    /// copied on every core (a 10k site is tens of megabytes of text). In
    /// the default language, a plain copy.
    pub fn in_language(&self, lang: &str) -> Site {
        use rayon::prelude::*;
        let default = self.default_language();
        if lang == default {
            return self.clone();
        }
        let none = BTreeMap::new();
        let entries = self.translations.entries.get(lang).unwrap_or(&none);
        let mut site = Site {
            config: self.config.clone(),
            components: self.components.clone(),
            groups: self.groups.clone(),
            incidents: self
                .incidents
                .par_iter()
                .map(|i| translated_incident(i, entries.get(&i.id), default))
                .collect(),
            maintenances: self
                .maintenances
                .par_iter()
                .map(|m| translated_maintenance(m, entries.get(&m.id), default))
                .collect(),
            theme: self.theme.clone(),
            translations: Translations::default(),
            next_publication: self.next_publication,
        };
        site.config.language = lang.to_string();
        if let Some(texts) = self.translations.site.get(lang) {
            site.translate_texts(texts);
        }
        site
    }

    /// Put the site's own texts of one language in place.
    fn translate_texts(&mut self, texts: &SiteTexts) {
        let config = &mut self.config;
        if let Some(title) = &texts.title {
            config.title.clone_from(title);
        }
        if texts.description.is_some() {
            config.description.clone_from(&texts.description);
        }
        for link in &mut config.links {
            if let Some(title) = texts.links.get(&link.title) {
                link.title.clone_from(title);
            }
        }
        for component in &mut self.components {
            if let Some(t) = texts.components.get(&component.id) {
                if let Some(name) = &t.name {
                    component.name.clone_from(name);
                }
                if t.description.is_some() {
                    component.description.clone_from(&t.description);
                }
            }
            if let Some(group) = &mut component.group {
                if let Some(name) = texts.groups.get(group.as_str()) {
                    group.clone_from(name);
                }
            }
        }
        for group in &mut self.groups {
            if let Some(name) = &mut group.name {
                if let Some(translated) = texts.groups.get(name.as_str()) {
                    name.clone_from(translated);
                }
            }
        }
    }
}

/// `text`'s mark when it stays in the default language `default`: none
/// for an empty text, which has nothing to read aloud.
fn mark(text: &Markdown, default: &str) -> Option<String> {
    (!text.is_empty()).then(|| default.to_string())
}

/// An incident read with its translation `t`, if any ([`Site::in_language`]).
fn translated_incident(i: &Incident, t: Option<&EntryTexts>, default: &str) -> Incident {
    let mut i = i.clone();
    let texts = EntryTextsMut {
        title: &mut i.title,
        body: i.postmortem.as_mut(),
        fallback: &mut i.fallback,
    };
    texts.translate(&mut i.updates, t, default);
    i
}

/// A maintenance read with its translation `t`, if any ([`Site::in_language`]).
fn translated_maintenance(m: &Maintenance, t: Option<&EntryTexts>, default: &str) -> Maintenance {
    let mut m = m.clone();
    let texts = EntryTextsMut {
        title: &mut m.title,
        body: m.body.as_mut(),
        fallback: &mut m.fallback,
    };
    texts.translate(&mut m.updates, t, default);
    m
}

/// The texts of one entry, an incident's or a maintenance's, to translate.
struct EntryTextsMut<'a> {
    title: &'a mut String,
    body: Option<&'a mut Markdown>,
    fallback: &'a mut Fallback,
}

/// An update's time, and its message with its mark.
trait UpdateText {
    fn at(&self) -> DateTime<Utc>;
    fn message_mut(&mut self) -> (&mut Markdown, &mut Option<String>);
}

impl UpdateText for IncidentUpdate {
    fn at(&self) -> DateTime<Utc> {
        self.at
    }
    fn message_mut(&mut self) -> (&mut Markdown, &mut Option<String>) {
        (&mut self.message, &mut self.fallback)
    }
}

impl UpdateText for MaintenanceUpdate {
    fn at(&self) -> DateTime<Utc> {
        self.at
    }
    fn message_mut(&mut self) -> (&mut Markdown, &mut Option<String>) {
        (&mut self.message, &mut self.fallback)
    }
}

impl EntryTextsMut<'_> {
    /// Put `t`'s texts in place of the entry's (its title, each update's
    /// message by `at`, its body), and mark each text left in `default`.
    fn translate<U: UpdateText>(self, updates: &mut [U], t: Option<&EntryTexts>, default: &str) {
        match t.and_then(|t| t.title.clone()) {
            Some(title) => *self.title = title,
            None => self.fallback.title = Some(default.to_string()),
        }
        for update in updates {
            let at = update.at();
            let (message, fallback) = update.message_mut();
            match t.and_then(|t| t.updates.get(&at)) {
                Some(translated) => message.clone_from(translated),
                None => *fallback = mark(message, default),
            }
        }
        if let Some(body) = self.body {
            match t.and_then(|t| t.body.clone()) {
                Some(translated) => *body = translated,
                None => self.fallback.body = mark(body, default),
            }
        }
    }
}

#[cfg(test)]
mod tests;
