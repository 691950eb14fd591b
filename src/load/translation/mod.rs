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

mod site_texts;

pub(crate) use site_texts::{languages_without_messages, read as site_texts};

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::entry::{EntryContext, shown_time, split_front_matter};
use super::schema::suggest;
use super::source::Source;
use super::yaml::{Node, Pos, Value};
use super::{EntryFile, Kind, entry_bytes, not_utf8, without_bom};
use crate::diagnostics::{Diagnostic, closest};
use crate::model::{EntryTexts, Incident, Maintenance, Markdown};

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

fn extension(file: &EntryFile) -> &str {
    file.rel.extension().and_then(|e| e.to_str()).unwrap_or("md")
}

/// Keys that are facts of an entry: never in a translation.
const FACT_KEYS: &[&str] = &[
    "impact",
    "components",
    "started",
    "postmortem_published_at",
    "scheduled_for",
    "scheduled_until",
    "cancelled",
    "status",
    "next_update",
];

/// Read one translation file. `original` is the entry's file as shown and
/// `data` what it loaded as (`None` when it failed: its errors are
/// reported, and the `at`s are not matched).
fn read_one(
    t: &TranslationFile,
    original: Option<&Path>,
    data: Option<&Original>,
    cx: &EntryContext<'_>,
    text: Option<&String>,
) -> Result<EntryTexts, Vec<Diagnostic>> {
    let file = &t.file;
    let bytes = entry_bytes(file, text)?;
    let text = String::from_utf8(bytes).map_err(|e| vec![not_utf8(&file.shown, e.as_bytes(), e.utf8_error())])?;
    let text = without_bom(text);
    let (yaml, body, line_offset) = if file.markdown {
        let (yaml, body) = split_front_matter(&file.shown, &text).map_err(|d| vec![d])?;
        (yaml, Some(body), 1)
    } else {
        (text.clone(), None, 0)
    };
    let src = Source::new(file.shown.clone(), text.clone(), yaml, line_offset);
    let root = src.tree().map_err(|d| vec![d])?;
    let mut r = Reading {
        src: &src,
        file,
        original: original.map_or_else(|| format!("`{}`", file.id), |p| p.display().to_string()),
        errors: Vec::new(),
    };
    let body_key = (file.kind == Kind::Incident && !file.markdown).then_some("postmortem");
    let mut allowed = vec!["title", "updates"];
    allowed.extend(body_key);
    let mut out = EntryTexts {
        path: file.rel.clone(),
        ..EntryTexts::default()
    };
    let mut yaml_body = None;
    for (key, name, value) in r.mapping(root, "", &allowed) {
        match name {
            "title" => {
                if let Some(title) = r.text(value, "title") {
                    if title.trim().is_empty() {
                        r.errors.push(
                            src.error(Some(value.pos), "`title` is empty").with_help(
                                "write the title in this language, or remove the line to show the original's",
                            ),
                        );
                    } else {
                        out.title = Some(title);
                    }
                }
            }
            "updates" => out.updates = r.updates(value, data, cx),
            _ => yaml_body = r.text(value, name).map(|t| (t, key.pos)),
        }
    }
    let body = match (body, yaml_body) {
        (Some(b), _) if !b.trim().is_empty() => {
            let line = text[..text.len() - b.len()].matches('\n').count() + 1;
            Some((b, Diagnostic::at(&file.shown, &text, line, 1, "")))
        }
        (_, Some((b, pos))) if !b.trim().is_empty() => Some((b, src.error(Some(pos), ""))),
        _ => None,
    };
    if let Some((b, at)) = body {
        let what = if file.kind == Kind::Incident {
            "postmortem"
        } else {
            "details"
        };
        if data.is_some_and(|d| !d.has_body) {
            r.errors.push(
                Diagnostic {
                    message: format!("this translates a {what}, but {} has none", r.original),
                    ..at
                }
                .with_help(format!(
                    "write the {what} in the original entry first, or remove it here"
                )),
            );
        } else if b.len() > super::limits::MESSAGE_BYTES {
            r.errors.push(
                Diagnostic {
                    message: format!("this text is {} KiB; a {what} may be at most 64 KiB", b.len() / 1024),
                    ..at
                }
                .with_help("shorten it, or link to a longer document"),
            );
        } else {
            out.body = Some(markdown(&b, cx));
        }
    }
    if r.errors.is_empty() { Ok(out) } else { Err(r.errors) }
}

fn markdown(text: &str, cx: &EntryContext<'_>) -> Markdown {
    crate::markdown::render(text, cx.allow_raw_html)
}

/// Reads one translation file's YAML, collecting every problem.
struct Reading<'a> {
    src: &'a Source,
    file: &'a EntryFile,
    /// The original entry's file as shown, for messages.
    original: String,
    errors: Vec<Diagnostic>,
}

impl Reading<'_> {
    fn push(&mut self, pos: Pos, message: String, help: String) {
        self.errors.push(self.src.error(Some(pos), message).with_help(help));
    }

    /// `node`'s pairs whose key is in `allowed` (each once); any other key
    /// is an error at the key: a fact, `postmortem` where it does not
    /// belong, or an unknown key (with the nearest allowed one).
    fn mapping<'n>(&mut self, node: &'n Node, path: &str, allowed: &[&str]) -> Vec<(&'n Node, &'n str, &'n Node)> {
        let pairs: &[(Node, Node)] = match &node.value {
            Value::Map(pairs) => pairs,
            _ if node.is_null() => &[],
            _ => {
                let what = if path.is_empty() {
                    "the front matter".to_string()
                } else {
                    format!("`{path}`")
                };
                self.push(
                    node.pos,
                    format!(
                        "{what} must be a mapping (`key: value` lines), but it is {}",
                        node.kind()
                    ),
                    "check the value's indentation and quoting".into(),
                );
                return Vec::new();
            }
        };
        let within = if path.is_empty() {
            String::new()
        } else {
            format!(" in `{path}`")
        };
        let mut out = Vec::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            let Some(name) = key.text() else {
                self.push(
                    key.pos,
                    format!("a key must be a word{within}"),
                    format!("a translation may hold: {}", allowed.join(", ")),
                );
                continue;
            };
            if allowed.contains(&name) {
                if pairs[..i].iter().any(|(k, _)| k.text() == Some(name)) {
                    self.push(
                        key.pos,
                        format!("`{name}` is given twice{within}"),
                        "keep one of the two lines: YAML would silently use only one of them".into(),
                    );
                } else if !value.is_null() {
                    out.push((key, name, value));
                }
            } else if FACT_KEYS.contains(&name) {
                self.push(
                    key.pos,
                    format!("`{name}` is a fact, and a translation holds only text"),
                    format!(
                        "remove this line: the original entry, {}, is the single source of facts; a translation may hold {}",
                        self.original,
                        if path.is_empty() { allowed_text(self.file) } else { "`at` and `message` in an update".into() }
                    ),
                );
            } else if name == "postmortem" && path.is_empty() {
                let help = if self.file.markdown {
                    "in a `.md` translation, write the postmortem as the Markdown body after the closing `---`"
                } else {
                    "a maintenance has no postmortem; translate its details as the Markdown body of a `.md` translation"
                };
                self.push(key.pos, "`postmortem` is not for this file".into(), help.into());
            } else {
                self.push(
                    key.pos,
                    format!("unknown key `{name}`{within} of a translation"),
                    suggest(name, allowed, "a translation may hold"),
                );
            }
        }
        out
    }

    fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        match node.text() {
            Some(t) => Some(t.to_string()),
            None => {
                self.push(
                    node.pos,
                    format!("`{path}` must be text, but it is {}", node.kind()),
                    "put text that starts with `[`, `{` or `*`, or contains `: `, in quotes".into(),
                );
                None
            }
        }
    }

    /// `updates:`: each `{at, message}`, by the original update's time.
    fn updates(
        &mut self,
        node: &Node,
        data: Option<&Original>,
        cx: &EntryContext<'_>,
    ) -> BTreeMap<DateTime<Utc>, Markdown> {
        let mut out = BTreeMap::new();
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            _ => {
                self.push(
                    node.pos,
                    format!("`updates` must be a list, but it is {}", node.kind()),
                    "write `- at: …` and `message: …` lines under `updates:`".into(),
                );
                return out;
            }
        };
        let times = || match data {
            Some(d) if !d.updates.is_empty() => d
                .updates
                .iter()
                .map(|t| format!("`{}`", shown_time(*t, cx.zone)))
                .collect::<Vec<_>>()
                .join(", "),
            _ => "none".into(),
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("updates[{i}]");
            let fields = self.mapping(item, &path, &["at", "message"]);
            let at = fields.iter().find(|(_, n, _)| *n == "at").map(|(_, _, v)| *v);
            let message = fields.iter().find(|(_, n, _)| *n == "message").map(|(_, _, v)| *v);
            let Some(at_node) = at else {
                self.push(
                    item.pos,
                    format!("this update has no `at` ({path})"),
                    format!(
                        "add `at:` with the time of the original's update it translates; {}'s updates are at {}",
                        self.original,
                        times()
                    ),
                );
                continue;
            };
            let Some(at_text) = self.text(at_node, &format!("{path}.at")) else {
                continue;
            };
            let at = match super::time::parse_time(&at_text, cx.zone) {
                Ok(t) => t,
                Err(e) => {
                    self.push(at_node.pos, e.to_string(), e.help());
                    continue;
                }
            };
            if data.is_some_and(|d| !d.updates.contains(&at)) {
                self.push(
                    at_node.pos,
                    format!("no update of {} is at `{at_text}`", self.original),
                    format!("`at` names the original update this translates, as a time (compared as an instant); its updates are at {}", times()),
                );
                continue;
            }
            if out.contains_key(&at) {
                self.push(
                    at_node.pos,
                    format!("the update at `{at_text}` is translated twice"),
                    "keep one translation per update: remove one of the two items".into(),
                );
                continue;
            }
            let Some(message_node) = message else {
                self.push(
                    item.pos,
                    format!("missing required key `message` in `{path}`"),
                    "add a line `message: …` with the update's message in this language".into(),
                );
                continue;
            };
            let Some(text) = self.text(message_node, &format!("{path}.message")) else {
                continue;
            };
            if text.len() > super::limits::MESSAGE_BYTES {
                self.push(
                    message_node.pos,
                    format!(
                        "this text is {} KiB; a message may be at most 64 KiB",
                        text.len() / 1024
                    ),
                    "shorten it, or link to a longer document".into(),
                );
                continue;
            }
            out.insert(at, markdown(&text, cx));
        }
        out
    }
}

/// The help's list of what a translation file may hold.
fn allowed_text(file: &EntryFile) -> String {
    let body = match (file.kind, file.markdown) {
        (_, true) => "the Markdown body after the front matter",
        (Kind::Incident, false) => "`postmortem`",
        (Kind::Maintenance, false) => "no body (a maintenance's details go in a `.md` translation's body)",
    };
    format!("`title`, `updates` (`at` and `message`) and {body}")
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
