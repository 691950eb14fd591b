//! `allclear check`: what a reader would notice before a communicator does.
//!
//! Errors are the loader's (everything `build` rejects). On top of them,
//! warnings at the reference time `now`, each with a code:
//!
//! | code | what |
//! | --- | --- |
//! | `next-update-overdue` | an ongoing incident's promised update is late |
//! | `next-update-missing` | an ongoing incident's latest update promises none |
//! | `ongoing-too-long` | an incident has been ongoing for more than 72 hours |
//! | `update-in-future` | an update is dated after `now`, so it is not published |
//! | `resolved-without-message` | the resolving update says nothing |
//! | `maintenance-overdue` | a maintenance's window has ended without a `completed` update |
//! | `completed-before-window` | a maintenance's latest update says `completed` before its window starts |
//! | `operational-in-incident` | an incident lists a component as `operational` |
//! | `base-url-placeholder` | `base_url` is still `https://status.example.com`, the placeholder `allclear init` writes ([`crate::author::PLACEHOLDER_BASE_URL`]) |
//! | `raw-html-allowed` | `allow_raw_html: true` lets author HTML through unsanitized |
//! | `window-edited` | a maintenance window differs from the one at git's `HEAD` without a rescheduling update ([`window_history`]) |
//! | `language-without-messages` | no message file serves `language`: the pages are in English (also from `build`; [`crate::i18n::no_catalogue_warning`]) |
//! | `message-missing` | the page language's messages lack one that `en.ftl` has: the pages show the English one ([`crate::i18n::missing_warnings`]) |
//! | `message-unknown-variable` | a theme's or the site's message uses a variable (`{ $lable }`) that its English message does not, so allclear never passes it: the pages would show English there ([`crate::i18n::unknown_variable_warnings`]) |
//! | `translation-missing` | an ongoing incident's newest update has no translation in one of `languages:`: that language's pages show it in the default language |
//! | `window-history-unavailable` | the site has a commit, but its windows could not be compared with `HEAD` (git failed, or the site at `HEAD` does not load) |

mod entries;
pub mod window_history;

use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use crate::diagnostics::Diagnostic;
use crate::load::Loaded;
use crate::load::yaml::Seg;
use crate::model::Site;

/// How long an incident may stay open before `check` asks about it.
pub const LONG_INCIDENT: Duration = Duration::hours(72);

/// Everything `build` would report for the site in `site_dir` at `now`
/// (load and render errors, without writing anything), plus the warnings
/// above. The loader's warnings come first; then this module's and those
/// of [`crate::pipeline::prepare`] (updates dated after `now`), ordered by
/// file and line; then render errors. The site is prepared and rendered
/// exactly as `build` does it ([`crate::pipeline::prepare`]), into no
/// output.
pub fn check_site(site_dir: &Path, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let loaded = match crate::load::load(site_dir, &crate::load::LoadOptions::default()) {
        Ok(l) => l,
        Err(errors) => return errors,
    };
    let prepared = crate::pipeline::prepare(&loaded, now);
    let mut out = loaded.warnings.clone();
    let mut found = warnings(&loaded, &prepared.snapshot.site, now);
    found.extend(prepared.hidden.iter().cloned());
    found.extend(window_history::warnings(site_dir, &loaded));
    found.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    out.extend(found);
    // Render everything, keep nothing: only the errors matter here.
    if let Err(errors) = crate::render::render_to(&prepared.snapshot, &crate::render::Discard) {
        out.extend(errors);
    }
    out
}

/// One finding as `check --format json` prints it, for CI annotations.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub file: String,
    /// 1-based; 0 when the finding is about the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    /// `error` or `warning`.
    pub severity: String,
    pub code: String,
    pub message: String,
}

impl From<&Diagnostic> for Finding {
    fn from(d: &Diagnostic) -> Self {
        Finding {
            file: d.file.display().to_string(),
            line: d.line,
            column: d.col,
            severity: match d.severity {
                crate::diagnostics::Severity::Error => "error",
                crate::diagnostics::Severity::Warning => "warning",
            }
            .into(),
            code: d.code.into(),
            message: d.message.clone(),
        }
    }
}

/// `check`'s own warnings for the loaded site at `now`, in site order:
/// every code in the table above but `update-in-future` and
/// `postmortem-in-future` (what [`crate::pipeline::prepare`] reports, for
/// `build` too) and the window history's.
///
/// `site` is `loaded`'s site cut at `now` ([`Site::as_of`], as
/// [`crate::pipeline::prepare`] gives it): the entries are judged by what
/// is published at `now`, so an update dated later (a `completed`, a
/// cancel, a new window) changes no warning before its time. `loaded`
/// gives the lines and columns.
pub fn warnings(loaded: &Loaded, site: &Site, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if loaded.site.config.base_url == crate::author::PLACEHOLDER_BASE_URL {
        out.push(
            loaded
                .warning_at(
                    Path::new("site.yaml"),
                    &[Seg::Key("base_url")],
                    false,
                    "base-url-placeholder",
                    "`base_url` is still the placeholder `allclear init` wrote: feeds, calendars and the API would link to https://status.example.com",
                )
                .with_help("write the address the page is served from, like `base_url: https://status.acme.com`; the CI that init wrote builds with the platform's address until then"),
        );
    }
    if loaded.site.config.allow_raw_html {
        out.push(
            loaded
                .warning_at(
                    Path::new("site.yaml"),
                    &[Seg::Key("allow_raw_html")],
                    false,
                    "raw-html-allowed",
                    "`allow_raw_html: true` publishes HTML from entries as written, scripts included",
                )
                .with_help("only keep it if every author is trusted; without it, entries' HTML is sanitized"),
        );
    }
    // Built-in message files have no path of their own: their warnings
    // point at site.yaml, which chose the language.
    let site_yaml = loaded
        .sources
        .get(Path::new("site.yaml"))
        .map_or_else(|| Path::new("site.yaml").to_path_buf(), |s| s.shown.clone());
    for language in site
        .config
        .languages
        .iter()
        .chain((site.config.languages.is_empty()).then_some(&site.config.language))
    {
        out.extend(crate::i18n::missing_warnings(
            &site.theme.messages,
            language,
            &site_yaml,
        ));
    }
    out.extend(crate::i18n::unknown_variable_warnings(&site.theme.messages));
    for incident in &site.incidents {
        entries::incident_warnings(loaded, incident, now, &mut out);
    }
    for maintenance in &site.maintenances {
        entries::maintenance_warnings(loaded, maintenance, now, &mut out);
    }
    out
}
