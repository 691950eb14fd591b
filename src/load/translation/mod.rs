//! Translations (content format, "Languages and translations"): the entry
//! translation files `NAME.LANG.md`, `NAME.LANG.yaml` and `NAME.LANG.yml`
//! next to an entry, read into [`EntryTexts`], and `site.yaml`'s
//! `translations:` ([`site_texts`]).
//!
//! A translation holds text only: `title`, `updates` (each `at`, the time
//! of the original's update it translates, and `message`) and the body
//! (the Markdown after the front matter in `.md`; `postmortem:` in an
//! incident's `.yaml`). Every other key is an error at the key: the
//! original entry is the single source of facts. Translation files are
//! read on every load, never from the load cache ([`super::cache`] keeps
//! entry files only), so an edited translation is never stale.

mod read;
mod site_texts;

use read::{extension, read_one};
pub(crate) use site_texts::{languages_without_messages, read as site_texts};

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::EntryFile;
use super::entry::EntryContext;
use crate::diagnostics::{Diagnostic, closest};
use crate::model::{EntryTexts, Incident, Maintenance};

/// A translation file found next to the entries: `file.id` is the NAME
/// of the entry it translates, `lang` the LANG of its name as written.
#[derive(Debug, Clone)]
pub(super) struct TranslationFile {
    pub file: EntryFile,
    pub lang: String,
}

/// `(NAME, LANG)` when the stem of an entry-like file (`x.de` of
/// `x.de.md`) names a translation: NAME a valid id and LANG not empty.
pub(super) fn split_stem(stem: &str) -> Option<(&str, &str)> {
    let (name, lang) = stem.rsplit_once('.')?;
    (super::is_valid_id(name) && !lang.is_empty()).then_some((name, lang))
}

/// What a translation is checked against: the original entry, loaded.
pub(super) struct Original {
    /// The times of its updates.
    updates: Vec<DateTime<Utc>>,
    /// Whether it has a body (an incident's postmortem, a maintenance's
    /// details).
    has_body: bool,
}

/// The loaded entries by id, as translations are checked against them.
pub(super) fn originals<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    maintenances: impl IntoIterator<Item = &'a Maintenance>,
) -> HashMap<String, Original> {
    let mut out = HashMap::new();
    for i in incidents {
        let o = Original {
            updates: i.updates.iter().map(|u| u.at).collect(),
            has_body: i.postmortem.is_some(),
        };
        out.insert(i.id.clone(), o);
    }
    for m in maintenances {
        let o = Original {
            updates: m.updates.iter().map(|u| u.at).collect(),
            has_body: m.body.is_some(),
        };
        out.insert(m.id.clone(), o);
    }
    out
}

/// Every translation, by language then entry id, and every problem found
/// in any file.
pub(super) type Loaded = (BTreeMap<String, BTreeMap<String, EntryTexts>>, Vec<Diagnostic>);

/// Read and check every translation file. `entries` are the entry files
/// found, `originals` those that loaded ([`originals`]); `languages` is
/// [`crate::model::SiteConfig::languages`], `None` when `site.yaml` did
/// not load (LANG is then not checked); `overrides` as
/// [`super::LoadOptions::overrides`].
pub(super) fn load(
    files: &[TranslationFile],
    entries: &[EntryFile],
    originals: &HashMap<String, Original>,
    languages: Option<&[String]>,
    cx: &EntryContext<'_>,
    overrides: &BTreeMap<PathBuf, String>,
) -> Loaded {
    use rayon::prelude::*;
    let mut out: BTreeMap<String, BTreeMap<String, EntryTexts>> = BTreeMap::new();
    let mut errors = Vec::new();
    // Each entry file by its folder and id, for finding originals.
    let by_place: HashMap<(&Path, &str), &EntryFile> = entries
        .iter()
        .map(|e| ((e.rel.parent().unwrap_or(Path::new("")), e.id.as_str()), e))
        .collect();
    // (NAME's path without extension, language) -> the first file.
    let mut seen: HashMap<(PathBuf, String), &Path> = HashMap::new();
    // The files to read, with their language and original, in order.
    let mut jobs = Vec::with_capacity(files.len());
    for t in files {
        let file = &t.file;
        let lang = languages.and_then(|l| language(t, l, &mut errors));
        let folder = file.rel.parent().unwrap_or(Path::new(""));
        let original = by_place.get(&(folder, file.id.as_str())).copied();
        if original.is_none() {
            errors.push(no_original(t, entries, folder));
        }
        let key = (folder.join(&file.id), lang.clone().unwrap_or_else(|| t.lang.clone()));
        if let Some(first) = seen.get(&key) {
            errors.push(
                Diagnostic::file_error(
                    &file.shown,
                    format!(
                        "a second translation of `{}` into `{}`: {} translates it already",
                        file.id,
                        key.1,
                        first.display()
                    ),
                )
                .with_help("keep one of the two files: an entry has at most one translation per language"),
            );
            continue;
        }
        seen.insert(key, &file.shown);
        jobs.push((t, lang, original));
    }
    // Read and parsed on every core, like entries; reported in file order.
    let read: Vec<_> = jobs
        .par_iter()
        .map(|&(t, _, original)| {
            let original_data = original.and_then(|e| originals.get(&e.id));
            read_one(
                t,
                original.map(|e| e.shown.as_path()),
                original_data,
                cx,
                overrides.get(&t.file.rel),
            )
        })
        .collect();
    for ((t, lang, original), result) in jobs.into_iter().zip(read) {
        match result {
            Ok(texts) => {
                if let (Some(lang), Some(_)) = (lang, original) {
                    out.entry(lang).or_default().insert(t.file.id.clone(), texts);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    (out, errors)
}

/// LANG of `t` as written in `languages` (canonical), or an error: not
/// one of them (with the nearest), or the default language.
fn language(t: &TranslationFile, languages: &[String], errors: &mut Vec<Diagnostic>) -> Option<String> {
    let canonical = t
        .lang
        .parse::<unic_langid::LanguageIdentifier>()
        .map_or_else(|_| t.lang.clone(), |id| id.to_string());
    let default = languages.first().map_or("en", String::as_str);
    let further: Vec<&str> = languages.iter().skip(1).map(String::as_str).collect();
    if let Some(found) = further.iter().find(|l| l.eq_ignore_ascii_case(&canonical)) {
        return Some((*found).to_string());
    }
    let name = &t.file.id;
    let (message, help) = if canonical.eq_ignore_ascii_case(default) {
        (
            format!(
                "`{}` is the site's default language: the entry `{name}` itself is in it",
                t.lang
            ),
            format!(
                "write the text in the entry itself; translation files are for the languages in `languages:`{}",
                listed(&further)
            ),
        )
    } else {
        let as_entry = format!(
            "; or, if this is meant as an entry of its own, rename it to `{}` (ids have no dots)",
            super::suggest_id(&format!("{name}.{}", t.lang))
        );
        let lead = match closest(&t.lang, further.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? "),
            None => String::new(),
        };
        (
            format!(
                "`{}` is not one of the site's languages (a file `NAME.LANG.md` translates the entry NAME into LANG)",
                t.lang
            ),
            if further.is_empty() {
                format!(
                    "add `languages: [{}]` to site.yaml to publish the site in it{as_entry}",
                    t.lang
                )
            } else {
                format!(
                    "{lead}the further languages in `languages:` are {}; add `{}` there to publish the site in it{as_entry}",
                    further.join(", "),
                    t.lang
                )
            },
        )
    };
    errors.push(Diagnostic::file_error(&t.file.shown, message).with_help(help));
    None
}

/// ": de, ja" or nothing.
fn listed(languages: &[&str]) -> String {
    if languages.is_empty() {
        String::new()
    } else {
        format!(" ({})", languages.join(", "))
    }
}

/// The error for a translation whose entry is not in its folder, with the
/// nearest id there.
fn no_original(t: &TranslationFile, entries: &[EntryFile], folder: &Path) -> Diagnostic {
    let file = &t.file;
    let here: Vec<&str> = entries
        .iter()
        .filter(|e| e.rel.parent().unwrap_or(Path::new("")) == folder)
        .map(|e| e.id.as_str())
        .collect();
    let elsewhere = entries.iter().find(|e| e.id == file.id);
    let help = match (elsewhere, closest(&file.id, here.iter().copied())) {
        (Some(e), _) => format!(
            "the entry `{}` is {}: a translation lives in the same folder as its entry",
            file.id,
            e.shown.display()
        ),
        (None, Some(best)) => format!(
            "did you mean `{best}`? Name the file after the entry it translates: `{best}.{}.{}`",
            t.lang,
            extension(file)
        ),
        (None, None) => {
            "name the file after the entry it translates, in the same folder: `NAME.LANG.md` next to `NAME.md`".into()
        }
    };
    Diagnostic::file_error(
        &file.shown,
        format!(
            "no entry `{}` in {} for this translation",
            file.id,
            Path::new(&file.shown).parent().unwrap_or(Path::new("")).display()
        ),
    )
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::split_stem;

    #[test]
    fn translation_stems() {
        assert_eq!(split_stem("2026-11-20-api.de"), Some(("2026-11-20-api", "de")));
        assert_eq!(split_stem("x.pt-BR"), Some(("x", "pt-BR")));
        assert_eq!(split_stem("a.b.de"), None, "NAME must be an id");
        assert_eq!(split_stem("x."), None);
        assert_eq!(split_stem("x"), None);
        assert_eq!(split_stem("Bad.de"), None);
    }
}
