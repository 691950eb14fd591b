//! `--lang LANG` on `update`, `resolve` and `new`: the translation of one
//! update (and of the title) written into the entry's translation file,
//! `NAME.LANG.md` next to `NAME.md` (content format, "Languages"). A
//! translation holds text only: the update is the original's, found by its
//! `at`, which is copied as the original file writes it.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::edit::{Found, find};
use super::translation_text::{self, Translated};
use super::yaml_text;
use super::{AuthorError, Context, written_time};
use crate::load::yaml::{self, Seg, Value};
use crate::load::{Loaded, time};

/// What `--lang` translates.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The entry's id.
    pub id: String,
    /// A language of `site.yaml`'s `languages:` (any case; the file is
    /// named with the tag as `languages:` gives it).
    pub lang: String,
    /// The entry's title in `lang`, when it is translated too.
    pub title: Option<String>,
    /// Which update.
    pub target: Target,
}

/// Which update of the entry a translation is of.
#[derive(Debug, Clone)]
pub enum Target {
    /// `update --lang`: the update at this time (`--at`: RFC 3339 or a
    /// local time in the site's zone, compared as an instant), else the
    /// newest.
    Update { at: Option<String> },
    /// `resolve --lang`: the newest update, which must resolve the incident
    /// (`resolved`) or complete the maintenance (`completed`).
    Resolution,
    /// `new incident|maintenance --lang --of ID`: the first update (the
    /// earliest), of an entry of this kind (`true`: an incident).
    First { incident: bool },
}

/// What a `--lang` command wrote.
#[derive(Debug, Clone)]
pub struct TranslationWritten {
    /// The translation file, as shown to the user.
    pub path: PathBuf,
    /// The entry's id.
    pub id: String,
    /// The language, as `languages:` writes it.
    pub lang: String,
    /// The translated update's time, as the entry's file writes it.
    pub at: String,
    /// Whether the file is new.
    pub created: bool,
}

/// One update of the original entry, as its file writes it.
struct Original {
    /// The `at` scalar's text.
    at: String,
    /// Whether `at` was written plain (no quotes), so it can be copied as is.
    plain: bool,
    instant: DateTime<Utc>,
    status: String,
    /// The message as written, shown in the editor to translate from.
    message: String,
}

/// Write the translation `request` describes, with the message `message`
/// gives (asked for once the arguments are known to be right, with a
/// description of the update for the editor).
///
/// # Errors
/// [`AuthorError::Usage`] for a language that is not one of the site's
/// further languages, an unknown id, an entry of the other kind, an `--at`
/// that matches no update, a `resolve` of an entry whose newest update
/// does not resolve it; [`AuthorError::Invalid`] when the translation file
/// does not read or the site would not load with it. Nothing is written on
/// error.
pub fn translate(
    cx: &Context,
    request: &Translation,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<TranslationWritten, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let lang = site_language(&loaded, &request.lang)?;
    let zone = loaded.site.config.time_zone;
    let entry = find(&loaded, &request.id)?;
    let updates = original_updates(cx, &entry, zone)?;
    let chosen = choose(&request.target, &entry, &request.id, &updates, zone)?;
    let at = if chosen.plain {
        chosen.at.clone()
    } else {
        yaml_text::scalar(&chosen.at)
    };
    if request.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(AuthorError::usage(
            "the title is empty",
            Some(
                "give the entry's title in the language, or leave the title out to keep the default language's"
                    .to_string(),
            ),
        ));
    }

    let (rel, markdown) = translation_file(cx, &entry.path, &lang);
    let path = cx.site_dir.join(&rel);
    let existing = match fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(AuthorError::Io { path, source }),
    };
    let write = |message: &str| -> Result<String, AuthorError> {
        let translated = Translated {
            title: request.title.as_deref(),
            at: &at,
            instant: chosen.instant,
            message,
        };
        let Some(original) = &existing else {
            return Ok(translation_text::new_translation(markdown, &translated));
        };
        // A byte order mark (some Windows editors write one) stays where it was.
        let (bom, body) = match original.strip_prefix(crate::load::BOM) {
            Some(rest) => ("\u{feff}", rest),
            None => ("", original.as_str()),
        };
        let edited = translation_text::edit_translation(body, markdown, &cx.shown(&rel), &translated, |t| {
            time::parse_time(t, zone).ok()
        })?;
        Ok(format!("{bom}{edited}"))
    };
    // A file that cannot be edited is refused before the message is asked for.
    write("")?;
    // The editor shows the original below the first line, as comments.
    let original: String = chosen
        .message
        .trim_end()
        .lines()
        .map(|l| format!("\n    {l}"))
        .collect();
    let what = format!(
        "the {lang} translation of the `{}` update of \"{}\" at {}, which says:\n{original}\n",
        chosen.status, entry.title, chosen.at
    );
    let edited = write(&message(&what)?)?;
    let created = existing.is_none();
    // The site as `build` would read it with the translation: once the
    // loader reads translation files, one it refuses is never written.
    cx.load([(rel.clone(), edited.clone())].into())?;
    super::write_atomically(&path, &edited)?;
    Ok(TranslationWritten {
        path: cx.shown(&rel),
        id: request.id.clone(),
        lang,
        at: chosen.at.clone(),
        created,
    })
}

/// `lang` as `languages:` writes it, if it is one of the site's further
/// languages; a usage error naming them otherwise.
fn site_language(loaded: &Loaded, lang: &str) -> Result<String, AuthorError> {
    let config = &loaded.site.config;
    let default = loaded.site.default_language();
    let lang = lang.trim();
    let further: Vec<&str> = config.languages.iter().skip(1).map(String::as_str).collect();
    if lang.eq_ignore_ascii_case(default) {
        let help = if further.is_empty() {
            "the entry's own file is in the default language: run the command without --lang".to_string()
        } else {
            format!(
                "translate into one of the site's further languages ({}), or run the command without --lang to write the entry itself",
                further.join(", ")
            )
        };
        return Err(AuthorError::usage(
            format!("`{lang}` is the site's default language (`language:` in site.yaml), which needs no translation"),
            Some(help),
        ));
    }
    if let Some(found) = further.iter().find(|l| l.eq_ignore_ascii_case(lang)) {
        return Ok((*found).to_string());
    }
    let help = if further.is_empty() {
        format!(
            "the site is published only in `{default}`: list `{lang}` in site.yaml's `languages:` first, like `languages: [{lang}]`"
        )
    } else {
        format!(
            "the site's further languages are: {}; to publish it in `{lang}` too, add it to `languages:` in site.yaml",
            further.join(", ")
        )
    };
    Err(AuthorError::usage(
        format!("`{lang}` is not one of the site's languages"),
        Some(help),
    ))
}

/// The updates of `entry` as its file writes them.
fn original_updates(cx: &Context, entry: &Found, zone: Tz) -> Result<Vec<Original>, AuthorError> {
    let path = cx.site_dir.join(&entry.path);
    let text = fs::read_to_string(&path).map_err(|source| AuthorError::Io {
        path: path.clone(),
        source,
    })?;
    let text = text.strip_prefix(crate::load::BOM).unwrap_or(&text);
    let front = if entry.markdown {
        // The entry loaded, so its front matter is there.
        crate::load::front_matter::locate(text).map_or("", |fm| &text[fm.yaml])
    } else {
        text
    };
    let root = yaml::tree(front).map_err(|e| AuthorError::Io {
        path: path.clone(),
        source: std::io::Error::other(e.message),
    })?;
    let mut out = Vec::new();
    for i in 0.. {
        let Some(pos) = root.find(&[Seg::Key("updates"), Seg::Index(i)], false) else {
            break;
        };
        let field = |name: &str| -> Option<(String, bool)> {
            let Value::Map(pairs) = &root_item(&root, i)?.value else {
                return None;
            };
            let (_, v) = pairs.iter().find(|(k, _)| k.text() == Some(name))?;
            match &v.value {
                Value::Scalar { text, plain } => Some((text.clone(), *plain)),
                _ => None,
            }
        };
        let (at, plain) = field("at").unwrap_or_default();
        let instant = time::parse_time(&at, zone).map_err(|e| AuthorError::Io {
            path: path.clone(),
            source: std::io::Error::other(format!("line {}: {e}", pos.line)),
        })?;
        let status = field("status").map(|(s, _)| s).unwrap_or_default();
        let message = field("message").map(|(m, _)| m).unwrap_or_default();
        out.push(Original {
            at,
            plain,
            instant,
            status,
            message,
        });
    }
    Ok(out)
}

/// Item `i` of the root's `updates:`.
fn root_item(root: &yaml::Node, i: usize) -> Option<&yaml::Node> {
    let Value::Map(pairs) = &root.value else {
        return None;
    };
    let (_, updates) = pairs.iter().find(|(k, _)| k.text() == Some("updates"))?;
    match &updates.value {
        Value::Seq(items) => items.get(i),
        _ => None,
    }
}

/// The update `target` names, or a usage error saying why there is none.
fn choose<'u>(
    target: &Target,
    entry: &Found,
    id: &str,
    updates: &'u [Original],
    zone: Tz,
) -> Result<&'u Original, AuthorError> {
    // The newest; of two at one instant, the later in the file (as the loader orders them).
    let newest = updates
        .iter()
        .enumerate()
        .max_by_key(|(i, u)| (u.instant, *i))
        .map(|(_, u)| u);
    let none = || AuthorError::usage(format!("`{id}` has no updates to translate"), None);
    match target {
        Target::Update { at: None } => newest.ok_or_else(none),
        Target::Update { at: Some(at) } => {
            let times = || updates.iter().map(|u| u.at.as_str()).collect::<Vec<_>>().join(", ");
            let when = time::parse_time(at, zone).map_err(|e| {
                AuthorError::usage(
                    format!("--at: {e}"),
                    Some(format!("write the time of one of its updates: {}", times())),
                )
            })?;
            updates.iter().find(|u| u.instant == when).ok_or_else(|| {
                AuthorError::usage(
                    format!("`{id}` has no update at {}", written_time(when, zone)),
                    Some(format!("its updates are at: {}", times())),
                )
            })
        }
        Target::Resolution => {
            let newest = newest.ok_or_else(none)?;
            let (done, verb) = if entry.incident {
                ("resolved", "resolve")
            } else {
                ("completed", "complete")
            };
            if newest.status != done {
                return Err(AuthorError::usage(
                    format!(
                        "`{id}` is not {done}: its newest update ({}) is `{}`",
                        newest.at, newest.status
                    ),
                    Some(format!(
                        "{verb} it first (`allclear resolve {id}`), then translate that update with --lang"
                    )),
                ));
            }
            Ok(newest)
        }
        Target::First { incident } => {
            if *incident != entry.incident {
                let (is, other) = if entry.incident {
                    ("an incident", "incident")
                } else {
                    ("a maintenance", "maintenance")
                };
                return Err(AuthorError::usage(
                    format!("`{id}` is {is}"),
                    Some(format!(
                        "translate it with `allclear new {other} TITLE --lang LANG --of {id}`"
                    )),
                ));
            }
            updates
                .iter()
                .enumerate()
                .min_by_key(|(i, u)| (u.instant, *i))
                .map(|(_, u)| u)
                .ok_or_else(none)
        }
    }
}

/// The translation file of the entry at `entry` (a path inside the site)
/// in `lang`, and whether it is Markdown: an existing `NAME.LANG.yaml` or
/// `NAME.LANG.yml`, else `NAME.LANG.md` (existing or new).
fn translation_file(cx: &Context, entry: &Path, lang: &str) -> (PathBuf, bool) {
    let stem = entry
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = entry.parent().unwrap_or(Path::new(""));
    for ext in ["yaml", "yml"] {
        let rel = dir.join(format!("{stem}.{lang}.{ext}"));
        if cx.site_dir.join(&rel).is_file() {
            return (rel, false);
        }
    }
    (dir.join(format!("{stem}.{lang}.md")), true)
}
