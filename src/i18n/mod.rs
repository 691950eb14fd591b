//! The interface's words, in Project Fluent message files
//! (<https://projectfluent.org>, syntax 1.0), one per language:
//! `themes/default/i18n/en.ftl` and its siblings, a named theme's
//! `i18n/LANG.ftl` and the site's own `i18n/LANG.ftl`.
//!
//! - **Layers.** The files of one language are read in layer order (the
//!   built-in theme's, a named theme's, the site's): a later file's
//!   message replaces an earlier one's of the same id, message by message,
//!   as the site's `templates/` override the theme's file by file; every
//!   other message still comes from the theme.
//! - **Which language.** `language:` of `site.yaml`: its own file, or else
//!   the file of its primary language subtag (`de` for `de-AT`). With
//!   neither, the pages are in English, `<html lang>` says `en` and `build`
//!   and `check` warn once ([`no_catalogue_warning`]): a page is never in
//!   two languages by accident.
//! - **Fallback.** A message missing in the page's language comes from
//!   English (`en.ftl`); `check` names each such message
//!   ([`missing_warnings`]).
//! - **Formatting.** `fluent-bundle` formats messages with their
//!   arguments and selects plural forms by the language's CLDR plural
//!   rules (`{ $count -> [one] … *[other] … }`). Unicode bidi isolation
//!   marks (U+2068/U+2069 around each argument) are off: the pages are
//!   HTML, where a template isolates right-to-left text with `<bdi>` or
//!   `dir`, and the marks would otherwise land in attributes, feeds and
//!   badges that do not expect them (and English output stays byte for
//!   byte what it was before the messages).
//! - **HTML.** A message's text is part of the page as the templates' own
//!   text is (HTML: the theme's translator writes `&amp;`, and may keep a
//!   link's or a `<time>`'s markup around the words); its arguments are
//!   escaped by the templates' `t()` (see [`tera_function`]). The code's
//!   own uses ([`Catalogue::text`]) are plain text that the templates,
//!   feed writers and calendar writer escape as any value (the feeds'
//!   update paragraphs excepted, which are HTML); `en.ftl` says which.

use std::path::Path;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::Diagnostic;
use crate::model::{ComponentStatus, Impact, IncidentStatus, Indicator, MaintenanceStatus, MessageFile};

pub mod list;
mod variables;

pub use variables::unknown_variable_warnings;

/// The language every message exists in, and the one missing messages
/// fall back to.
pub const ENGLISH: &str = "en";

/// A bundle that rayon's threads may share.
type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

/// Read one message file: `rel` is its path inside an `i18n/` folder,
/// `shown` how the user names it.
///
/// # Errors
/// A name that is not `LANG.ftl` with a language tag `unic-langid` reads
/// (BCP 47), text that is not UTF-8, and each Fluent syntax error at its
/// line and column.
pub fn message_file(shown: &Path, rel: &Path, bytes: Vec<u8>) -> Result<MessageFile, Vec<Diagnostic>> {
    let help_name = "name each message file after its language, as `i18n/de.ftl` or `i18n/pt-BR.ftl` (a BCP 47 language tag), directly in the `i18n/` folder";
    let language = match (rel.parent(), rel.extension(), rel.file_stem()) {
        (Some(p), Some(ext), Some(stem)) if p.as_os_str().is_empty() && ext == "ftl" => stem.to_string_lossy(),
        _ => {
            return Err(vec![
                Diagnostic::file_error(
                    shown,
                    "not a message file: the `i18n/` folder holds `LANG.ftl` files only",
                )
                .with_help(help_name),
            ]);
        }
    };
    if language.parse::<LanguageIdentifier>().is_err() {
        return Err(vec![
            Diagnostic::file_error(shown, format!("`{language}` is not a language tag")).with_help(help_name),
        ]);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(vec![
            Diagnostic::file_error(shown, "message file is not UTF-8 text").with_help("save it as UTF-8"),
        ]);
    };
    if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
        return Err(errors
            .into_iter()
            .map(|e| {
                let (line, col) = line_col(&text, e.pos.start);
                Diagnostic::at(shown, &text, line, col, format!("Fluent syntax error: {}", e.kind)).with_help(
                    "write each message as `id = text`, a variable as `{ $name }`, a plural as `{ $count ->` then `[one] …` and `*[other] …` lines, and `}` (https://projectfluent.org/fluent/guide/)",
                )
            })
            .collect());
    }
    Ok(MessageFile {
        language: language.into_owned(),
        text,
        source: Some(shown.to_path_buf()),
    })
}

/// 1-based line and column (in characters) of byte `pos` in `text`; an
/// error at the very end (an unclosed `{`) is put after the last
/// character, on a line the file has.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.trim_end().len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The language of the message files that serve `language`: its own
/// (`de-AT.ftl`) or else its primary language subtag's (`de.ftl`); `None`
/// when there is neither. Tags compare as `unic-langid` reads them, so
/// `pt-br` finds `pt-BR.ftl`.
pub fn catalogue_language<'a>(messages: &'a [MessageFile], language: &str) -> Option<&'a str> {
    let wanted: LanguageIdentifier = language.parse().ok()?;
    let parsed = || {
        messages
            .iter()
            .filter_map(|m| Some((m.language.as_str(), m.language.parse::<LanguageIdentifier>().ok()?)))
    };
    parsed().find(|(_, id)| *id == wanted).map(|(l, _)| l).or_else(|| {
        parsed()
            .find(|(_, id)| id.language == wanted.language && id.script.is_none() && id.region.is_none())
            .map(|(l, _)| l)
    })
}

/// The warning `build` and `check` give once when no message file serves
/// `language` (see [`catalogue_language`]): the pages are then in English
/// with `<html lang="en">`. At `site_yaml`, the file that names it.
pub fn no_catalogue_warning(messages: &[MessageFile], language: &str, site_yaml: &Path) -> Option<Diagnostic> {
    if catalogue_language(messages, language).is_some() {
        return None;
    }
    Some(
        Diagnostic::file_error(
            site_yaml,
            format!(
                "no interface messages for language `{language}`: the pages are in English, with <html lang=\"en\">"
            ),
        )
        .warning()
        .with_code("language-without-messages")
        .with_help(format!(
            "add i18n/{language}.ftl with the messages of the theme's i18n/en.ftl in your language, or set `language: en`"
        )),
    )
}

/// One warning per message the page's language lacks and English has
/// (the page then shows the English one): `message-missing`, at the
/// language's last message file, naming the language and the id. None for
/// an English site or one without messages for its language.
pub fn missing_warnings(messages: &[MessageFile], language: &str, site_yaml: &Path) -> Vec<Diagnostic> {
    let Some(lang) = catalogue_language(messages, language) else {
        return Vec::new();
    };
    let english = ids(messages, ENGLISH);
    if lang == ENGLISH {
        return Vec::new();
    }
    let own = ids(messages, lang);
    let file = messages
        .iter()
        .rev()
        .find(|m| m.language == lang)
        .and_then(|m| m.source.clone())
        .unwrap_or_else(|| site_yaml.to_path_buf());
    english
        .iter()
        .filter(|id| !own.contains(*id))
        .map(|id| {
            Diagnostic::file_error(
                &file,
                format!("language `{lang}` has no message `{id}`: its pages show the English one"),
            )
            .warning()
            .with_code("message-missing")
            .with_help(format!(
                "add `{id} = …` to i18n/{lang}.ftl, translating the theme's i18n/en.ftl"
            ))
        })
        .collect()
}

/// The ids of every message of `language`'s files, sorted.
pub fn ids(messages: &[MessageFile], language: &str) -> std::collections::BTreeSet<String> {
    messages
        .iter()
        .filter(|m| m.language == language)
        .flat_map(|m| message_ids(&m.text))
        .collect()
}

/// The ids of the messages (not terms) of one Fluent source.
pub fn message_ids(text: &str) -> Vec<String> {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Why a message could not be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    /// Neither the page's language nor English has the id.
    #[error("no message `{0}` in the interface's messages (i18n/en.ftl and the site's i18n/)")]
    Missing(String),
    /// The message exists but did not format: an argument it names was
    /// not given, a reference to a missing message, ...
    #[error("message `{id}` did not format: {errors}")]
    Format { id: String, errors: String },
}

/// The interface's messages for one page language, with English beneath.
pub struct Catalogue {
    /// What `<html lang>` says: the site's `language` when a message file
    /// serves it, `en` otherwise.
    language: String,
    /// The page language's messages; `None` when that is English or has
    /// no messages.
    page: Option<Bundle>,
    english: Bundle,
    /// Every message id of the page's language and of English.
    ids: std::collections::BTreeSet<String>,
    labels: Labels,
    /// How dates, times and numbers are written in the page's language:
    /// the language whose messages serve the page (so that words and dates
    /// always agree), English when none do.
    locale: &'static crate::format::Locale,
}

/// The labels the views use for every status, impact and indicator,
/// formatted once per build (they are shown tens of thousands of times).
struct Labels {
    component: [String; 5],
    incident: [String; 4],
    maintenance: [String; 4],
    impact: [String; 4],
    indicator: [String; 5],
    cancelled: String,
    maintenance_impact: String,
}

/// Whether `language` (a BCP 47 tag) is written right to left, by CLDR's
/// character order for its script (`unic-langid`'s layout table): `ar`,
/// `he`, `fa`, `ur` … A tag that does not parse counts as left to right.
pub fn right_to_left(language: &str) -> bool {
    language
        .parse::<LanguageIdentifier>()
        .is_ok_and(|id| id.character_direction() == unic_langid::CharacterDirection::RTL)
}

impl Catalogue {
    /// The catalogue of the theme's and site's `messages` for the site's
    /// `language` (see the module's rules).
    pub fn new(messages: &[MessageFile], language: &str) -> Self {
        let lang = catalogue_language(messages, language);
        let bundle = |of: &str, locale: &str| {
            let locale: LanguageIdentifier = locale.parse().unwrap_or_default();
            let mut b = Bundle::new_concurrent(vec![locale]);
            b.set_use_isolating(false);
            for m in messages.iter().filter(|m| m.language == of) {
                // Each file was checked to parse at load; a file made in
                // code with errors still gives its good messages.
                let r = FluentResource::try_new(m.text.clone()).unwrap_or_else(|(r, _)| r);
                b.add_resource_overriding(r);
            }
            b
        };
        let page = lang.filter(|l| *l != ENGLISH).map(|l| bundle(l, language));
        let mut all_ids = ids(messages, ENGLISH);
        if let Some(l) = lang {
            all_ids.extend(ids(messages, l));
        }
        let language = if lang.is_some() { language } else { ENGLISH };
        let mut cat = Catalogue {
            locale: crate::format::Locale::get(language).unwrap_or_else(|_| crate::format::Locale::english()),
            language: language.to_string(),
            page,
            english: bundle(ENGLISH, ENGLISH),
            ids: all_ids,
            labels: Labels {
                component: Default::default(),
                incident: Default::default(),
                maintenance: Default::default(),
                impact: Default::default(),
                indicator: Default::default(),
                cancelled: String::new(),
                maintenance_impact: String::new(),
            },
        };
        let labels = Labels {
            component: ComponentStatus::ALL.map(|s| cat.text(&format!("status-{}", s.as_str()))),
            incident: IncidentStatus::ALL.map(|s| cat.text(&format!("incident-status-{}", s.as_str()))),
            maintenance: MaintenanceStatus::ALL.map(|s| cat.text(&format!("maintenance-status-{}", s.as_str()))),
            impact: Impact::ALL.map(|i| cat.text(&format!("impact-{}", i.as_str()))),
            indicator: Indicator::ALL.map(|i| cat.text(&format!("indicator-{}", i.as_str()))),
            cancelled: cat.text("maintenance-status-cancelled"),
            maintenance_impact: cat.text("impact-maintenance"),
        };
        cat.labels = labels;
        cat
    }

    /// The language the pages are in (`<html lang>`): the site's
    /// `language`, or `en` when no message file serves it.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Whether the page's language is written right to left, by CLDR's
    /// character order for its script (`unic-langid`'s layout table):
    /// `ar`, `he`, `fa`, `ur` …
    pub fn right_to_left(&self) -> bool {
        right_to_left(&self.language)
    }

    /// A length of time in the page's language, in whole minutes (a
    /// negative one counts as none): `57 min`, `2 h 05 min`, `3 d 4 h`
    /// in English (messages `duration-minutes`, `duration-hours`,
    /// `duration-days`), its numbers written by the page's
    /// [`crate::format::Locale`].
    pub fn duration(&self, d: chrono::Duration) -> String {
        let minutes = d.num_minutes().max(0);
        let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        let n = |v: i64| FluentValue::from(self.locale.integer(v));
        match (days, hours) {
            (0, 0) => self.text_with("duration-minutes", &[("minutes", n(mins))]),
            (0, h) => {
                let padded = if mins < 10 {
                    self.locale.integer(0) + &self.locale.integer(mins)
                } else {
                    self.locale.integer(mins)
                };
                self.text_with("duration-hours", &[("hours", n(h)), ("minutes", padded.into())])
            }
            (d, h) => self.text_with("duration-days", &[("days", n(d)), ("hours", n(h))]),
        }
    }

    /// How dates, times and numbers are written in the page's language.
    pub fn locale(&self) -> &'static crate::format::Locale {
        self.locale
    }

    /// Message `id` formatted with `args`: the page language's, or
    /// English's when it has none.
    ///
    /// # Errors
    /// [`MessageError::Missing`] when neither has it,
    /// [`MessageError::Format`] when it does not format (the page
    /// language's message is then not replaced by English's: the
    /// translator's mistake shows).
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Result<String, MessageError> {
        self.format_into(id, args, str::to_string)
    }

    /// [`Catalogue::format`], handing the text to `f` without copying it
    /// first.
    fn format_into<R>(
        &self,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        f: impl FnOnce(&str) -> R,
    ) -> Result<R, MessageError> {
        let (bundle, message) = self
            .page
            .iter()
            .chain(std::iter::once(&self.english))
            .find_map(|b| Some((b, b.get_message(id)?)))
            .ok_or_else(|| MessageError::Missing(id.to_string()))?;
        let Some(pattern) = message.value() else {
            return Err(MessageError::Format {
                id: id.to_string(),
                errors: "it has no value, only attributes".into(),
            });
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(f(&text))
        } else {
            Err(MessageError::Format {
                id: id.to_string(),
                errors: errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
            })
        }
    }

    /// Message `id` without arguments, for the code's own ids (each one
    /// is in `en.ftl`, which the tests check): the English message when
    /// the page language's fails to format, and the id itself should both
    /// fail, never an empty string.
    pub fn text(&self, id: &str) -> String {
        self.format(id, None)
            .or_else(|_| self.format_english(id, None))
            .unwrap_or_else(|_| id.to_string())
    }

    /// Message `id` from the English files alone: what a page shows when
    /// its language's message fails to format (a variable the code does not
    /// pass, which `check` reports as `message-unknown-variable`).
    fn format_english(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Result<String, MessageError> {
        let message = self
            .english
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| MessageError::Missing(id.to_string()))?;
        let mut errors = Vec::new();
        let text = self.english.format_pattern(message, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(MessageError::Missing(id.to_string()))
        }
    }

    /// Message `id` with `args` as `(name, value)` pairs, for the code's
    /// own ids: as [`Catalogue::text`].
    pub fn text_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        self.format(id, Some(&a))
            .or_else(|_| self.format_english(id, Some(&a)))
            .unwrap_or_else(|_| id.to_string())
    }

    /// Every message id of the page's language and of English.
    fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.ids.iter().cloned()
    }

    /// A component status's label (`status-partial_outage`).
    pub fn component_status(&self, s: ComponentStatus) -> &str {
        &self.labels.component[s as usize]
    }

    /// An incident status's label (`incident-status-monitoring`).
    pub fn incident_status(&self, s: IncidentStatus) -> &str {
        &self.labels.incident[s as usize]
    }

    /// A maintenance status's label (`maintenance-status-in_progress`).
    pub fn maintenance_status(&self, s: MaintenanceStatus) -> &str {
        &self.labels.maintenance[s as usize]
    }

    /// A cancelled maintenance's status label
    /// (`maintenance-status-cancelled`).
    pub fn cancelled(&self) -> &str {
        &self.labels.cancelled
    }

    /// An impact's label, as shown before "impact" (`impact-major`).
    pub fn impact(&self, i: Impact) -> &str {
        &self.labels.impact[i as usize]
    }

    /// The label of a maintenance where an incident shows its impact
    /// (`impact-maintenance`).
    pub fn maintenance_impact(&self) -> &str {
        &self.labels.maintenance_impact
    }

    /// The page's overall status in words (`indicator-major`).
    pub fn indicator(&self, i: Indicator) -> &str {
        &self.labels.indicator[i as usize]
    }
}

/// One of [`SCRIPT_WORDS`]: `(name in the script, message id, arguments
/// as (name, value))`.
pub type ScriptWord = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

/// The words the page scripts (`allclear.js`, `allclear-flip.js`) show,
/// as `(name in the script, message id, arguments)`: each argument is
/// given as `{name}`, which the script replaces with the value.
pub const SCRIPT_WORDS: &[ScriptWord] = &[
    ("operational", "status-operational", &[]),
    ("under_maintenance", "status-under_maintenance", &[]),
    ("degraded_performance", "status-degraded_performance", &[]),
    ("partial_outage", "status-partial_outage", &[]),
    ("major_outage", "status-major_outage", &[]),
    ("scheduled", "maintenance-status-scheduled", &[]),
    ("in_progress", "maintenance-status-in_progress", &[]),
    ("verifying", "maintenance-status-verifying", &[]),
    ("completed", "maintenance-status-completed", &[]),
    ("cancelled", "maintenance-status-cancelled", &[]),
    ("none", "indicator-none", &[]),
    ("maintenance", "indicator-maintenance", &[]),
    ("quiet", "no-incidents", &[]),
    ("before", "script-built-before-day", &[]),
    ("nodata", "day-summary-no-data", &[("date", "{date}")]),
    (
        "clean",
        "day-summary",
        &[("date", "{date}"), ("uptime", "{uptime}"), ("status", "operational")],
    ),
    (
        "overdue",
        "script-next-update-overdue",
        &[("time", "{time}"), ("ago", "{ago}")],
    ),
    ("stale", "script-stale", &[("ago", "{ago}")]),
    ("staleIncident", "script-stale-incident", &[("ago", "{ago}")]),
    ("active", "index-active-maintenance", &[]),
    ("autoInProgress", "maintenance-auto-in_progress", &[]),
    ("autoCompleted", "maintenance-auto-completed", &[]),
    ("history", "nav-history", &[]),
    ("durMinutes", "duration-minutes", &[("minutes", "{m}")]),
    ("durHours", "duration-hours", &[("hours", "{h}"), ("minutes", "{m}")]),
    ("durDays", "duration-days", &[("days", "{d}"), ("hours", "{h}")]),
];

/// [`SCRIPT_WORDS`] in `catalogue`'s language, as the JSON object the
/// pages carry in `<script type="application/json" id="allclear-words">`
/// (`<` written `\u003c`, so no text ends the element).
pub fn script_words(catalogue: &Catalogue) -> String {
    let words: serde_json::Map<String, serde_json::Value> = SCRIPT_WORDS
        .iter()
        .map(|(name, id, args)| {
            let args: Vec<(&str, FluentValue<'_>)> = args.iter().map(|(n, v)| (*n, FluentValue::from(*v))).collect();
            (name.to_string(), catalogue.text_with(id, &args).into())
        })
        .collect();
    serde_json::Value::Object(words).to_string().replace('<', "\\u003c")
}

/// The templates' `t` function for `catalogue`:
/// `{{ t(key="status-" ~ c.status.key, count=3, name=c.name) }}`.
///
/// Every argument but `key` goes to the message: numbers as Fluent
/// numbers (plural selection by the page language's CLDR rules), other
/// values as strings. The message's own text is inserted as written (it
/// is the theme's HTML, like a template's text); each string argument is
/// escaped where the template escapes (`.html`) unless it is already safe
/// HTML (a component's output, a `{% set %}` block, `| safe`).
///
/// # Errors
/// A Tera error naming the message when it is missing in every language
/// or does not format (an argument it names not given), or when `key` is
/// not a string. Tera names the template.
pub fn tera_function(
    catalogue: Arc<Catalogue>,
) -> impl Fn(tera::Kwargs, &tera::State) -> tera::TeraResult<tera::Value> + Send + Sync + 'static {
    // Messages without arguments, formatted once: a page calls `t()` a
    // hundred times, mostly for these.
    let plain: std::collections::HashMap<String, tera::Value> = catalogue
        .ids()
        .filter_map(|id| {
            let text = catalogue.format(&id, None).ok()?;
            Some((id, tera::Value::safe_string(&text)))
        })
        .collect();
    move |kwargs: tera::Kwargs, state: &tera::State| {
        let id: &str = kwargs.must_get("key")?;
        if kwargs.iter().nth(1).is_none()
            && let Some(value) = plain.get(id)
        {
            return Ok(value.clone());
        }
        let mut args = FluentArgs::with_capacity(4);
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            if name == "key" {
                continue;
            }
            let value: FluentValue<'_> = match (value.as_f64(), value.as_str()) {
                (Some(n), _) if value.is_number() => FluentValue::from(n),
                // Text that escaping leaves as it is goes in without a copy
                // (pages pass the same few values hundreds of thousands of
                // times).
                (_, Some(text))
                    if value.is_safe()
                        || !state.autoescaping_enabled()
                        || !text.contains(['&', '<', '>', '"', '\'']) =>
                {
                    FluentValue::from(text)
                }
                _ => FluentValue::from(state.escape_if_needed(value)?),
            };
            args.set(name, value);
        }
        catalogue
            .format_into(id, Some(&args), tera::Value::safe_string)
            .map_err(|e| tera::Error::message(e.to_string()))
    }
}

#[cfg(test)]
mod tests;

/// The built-in English catalogue, for the other modules' unit tests.
#[cfg(test)]
pub(crate) mod tests_support {
    /// The built-in theme's `en.ftl` alone.
    pub(crate) fn english() -> super::Catalogue {
        let en = crate::model::MessageFile {
            language: super::ENGLISH.into(),
            text: include_str!("../../themes/default/i18n/en.ftl").into(),
            source: None,
        };
        super::Catalogue::new(&[en], super::ENGLISH)
    }
}
