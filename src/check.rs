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
//! | `window-edited` | a maintenance window differs from the one at git's `HEAD` without a rescheduling update ([`crate::window_history`]) |
//! | `window-history-unavailable` | the site has a commit, but its windows could not be compared with `HEAD` (git failed, or the site at `HEAD` does not load) |

use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use crate::diagnostics::Diagnostic;
use crate::format;
use crate::load::Loaded;
use crate::load::yaml::Seg;
use crate::model::{ComponentStatus, Incident, IncidentStatus, Maintenance, MaintenanceStatus};

/// How long an incident may stay open before `check` asks about it.
pub const LONG_INCIDENT: Duration = Duration::hours(72);

/// Everything `build` would report for the site in `site_dir` at `now`
/// (load and render errors, without writing anything), plus the warnings
/// above. Ordered by file and line, errors first within a line.
pub fn check_site(site_dir: &Path, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let loaded = match crate::load::load(site_dir, &crate::load::LoadOptions::default()) {
        Ok(l) => l,
        Err(errors) => return errors,
    };
    let mut out = loaded.warnings.clone();
    let mut found = warnings(&loaded, now);
    found.extend(crate::window_history::warnings(site_dir, &loaded));
    found.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    out.extend(found);
    let site = loaded.site.as_of(now);
    let snapshot = crate::model::Snapshot::new(&site, now);
    // Render everything, keep nothing: only the errors matter here.
    if let Err(errors) = crate::render::render_to(&snapshot, &crate::render::Discard) {
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

/// Every warning for the loaded site at `now`, ordered by file and line.
pub fn warnings(loaded: &Loaded, now: DateTime<Utc>) -> Vec<Diagnostic> {
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
    for incident in &loaded.site.incidents {
        incident_warnings(loaded, incident, now, &mut out);
    }
    for maintenance in &loaded.site.maintenances {
        maintenance_warnings(loaded, maintenance, now, &mut out);
    }
    out.extend(future_updates(loaded, now));
    out.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    out
}

/// Updates dated after `now`: they are left out of the build until then.
/// `build` prints these too.
pub fn future_updates(loaded: &Loaded, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let zone = loaded.site.config.time_zone;
    let dated = loaded
        .site
        .incidents
        .iter()
        .flat_map(|i| i.updates.iter().map(move |u| (&i.path, u.index, u.at)))
        .chain(
            loaded
                .site
                .maintenances
                .iter()
                .flat_map(|m| m.updates.iter().map(move |u| (&m.path, u.index, u.at))),
        );
    dated
        .filter(|&(_, _, at)| at > now)
        .map(|(path, index, at)| {
            let message = format!(
                "this update is dated {}, {} after now; it is not published until then",
                format::date_time(at, zone),
                format::duration(at - now)
            );
            loaded
                .warning_at(path, &update_key(index, "at"), false, "update-in-future", message)
                .with_help(
                    "check the date and the time zone (a time without an offset is read in the site's time_zone)",
                )
        })
        .chain(future_postmortems(loaded, now))
        .collect()
}

/// Postmortems published after `now`: hidden until then, like updates.
fn future_postmortems(loaded: &Loaded, now: DateTime<Utc>) -> impl Iterator<Item = Diagnostic> + '_ {
    let zone = loaded.site.config.time_zone;
    loaded.site.incidents.iter().filter_map(move |i| {
        let at = i.postmortem_published_at.filter(|&at| at > now)?;
        let message = format!(
            "the postmortem is published {}, {} after now; it is not shown until then",
            format::date_time(at, zone),
            format::duration(at - now)
        );
        // Without the key, the postmortem goes out with the last update:
        // point there.
        let last = i.updates.last().filter(|u| u.at == at);
        let (key, help) = match last {
            Some(u) => (
                update_key(u.index, "at").to_vec(),
                "a postmortem without `postmortem_published_at` is published with the last update; give `postmortem_published_at` to say when",
            ),
            None => (
                vec![Seg::Key("postmortem_published_at")],
                "check the date and the time zone (a time without an offset is read in the site's time_zone)",
            ),
        };
        let written = loaded.warning_at(&i.path, &key, false, "postmortem-in-future", message);
        Some(written.with_help(help))
    })
}

fn update_key(index: usize, key: &str) -> [Seg<'_>; 3] {
    [Seg::Key("updates"), Seg::Index(index), Seg::Key(key)]
}

fn incident_warnings(loaded: &Loaded, incident: &Incident, now: DateTime<Utc>, out: &mut Vec<Diagnostic>) {
    let zone = loaded.site.config.time_zone;
    let path = &incident.path;
    let id = &incident.id;
    for &(c, status) in &incident.components {
        if status == ComponentStatus::Operational {
            let comp = &loaded.site.components[c].id;
            out.push(
                loaded
                    .warning_at(
                        path,
                        &[Seg::Key("components"), Seg::Key(comp)],
                        true,
                        "operational-in-incident",
                        format!("`{comp}` is listed as operational: an incident lists the components it affects"),
                    )
                    .with_help("give its status during the incident (degraded_performance, partial_outage or major_outage), or remove it"),
            );
        }
    }
    let published: Vec<_> = incident.updates.iter().filter(|u| u.at <= now).collect();
    let Some(latest) = published.last() else { return };
    if latest.status == IncidentStatus::Resolved {
        if latest.message.is_empty() {
            out.push(
                loaded
                    .warning_at(
                        path,
                        &update_key(latest.index, "status"),
                        false,
                        "resolved-without-message",
                        "the resolving update has no message",
                    )
                    .with_help("say what was fixed and whether anything is still affected"),
            );
        }
        return;
    }
    match latest.next_update {
        // Overdue from its very instant on, as the pages show it
        // (`model::Promise::overdue`).
        Some(next) if next <= now => out.push(
            loaded
                .warning_at(
                    path,
                    &update_key(latest.index, "next_update"),
                    false,
                    "next-update-overdue",
                    format!(
                        "the next update was promised for {}, {} ago",
                        format::time_of_day(next, zone),
                        format::duration(now - next)
                    ),
                )
                .with_help(format!(
                    "post one now: allclear update {id} --status {} --message \"…\" --next-update 30m",
                    latest.status.as_str()
                )),
        ),
        Some(_) => {}
        None => out.push(
            loaded
                .warning_at(
                    path,
                    &update_key(latest.index, "at"),
                    false,
                    "next-update-missing",
                    "the latest update of this ongoing incident promises no next update",
                )
                .with_help(format!(
                    "say when readers hear from you next: allclear update {id} --status {} --next-update 30m",
                    latest.status.as_str()
                )),
        ),
    }
    if now - incident.started > LONG_INCIDENT {
        out.push(
            loaded
                .warning_at(
                    path,
                    &[Seg::Key("title")],
                    false,
                    "ongoing-too-long",
                    format!(
                        "this incident has been ongoing for {}",
                        format::duration(now - incident.started)
                    ),
                )
                .with_help(format!(
                    "if it is over, resolve it: allclear resolve {id} --message \"…\""
                )),
        );
    }
}

fn maintenance_warnings(loaded: &Loaded, maintenance: &Maintenance, now: DateTime<Utc>, out: &mut Vec<Diagnostic>) {
    let window = maintenance.window();
    completed_before_window(loaded, maintenance, now, out);
    let completed = maintenance
        .updates
        .iter()
        .any(|u| u.status == MaintenanceStatus::Completed);
    if maintenance.is_cancelled() || completed || now <= window.until {
        return;
    }
    let zone = loaded.site.config.time_zone;
    out.push(
        loaded
            .warning_at(
                &maintenance.path,
                &[Seg::Key("scheduled_until")],
                false,
                "maintenance-overdue",
                format!(
                    "the window ended {} ({} ago) and no update says the work is completed",
                    format::date_time(window.until, zone),
                    format::duration(now - window.until)
                ),
            )
            .with_help(format!(
                "confirm it: allclear resolve {} --message \"…\"",
                maintenance.id
            )),
    );
}

/// A published `completed` update, the latest, dated before the window
/// starts: it ends the maintenance for good (content format, "Maintenance
/// status and the clock"), which is what a cancelling update is for.
fn completed_before_window(loaded: &Loaded, maintenance: &Maintenance, now: DateTime<Utc>, out: &mut Vec<Diagnostic>) {
    let Some(latest) = maintenance.updates.iter().rev().find(|u| u.at <= now) else {
        return;
    };
    let window = maintenance.window();
    if maintenance.is_cancelled() || latest.status != MaintenanceStatus::Completed || latest.at >= window.from {
        return;
    }
    let zone = loaded.site.config.time_zone;
    out.push(
        loaded
            .warning_at(
                &maintenance.path,
                &update_key(latest.index, "status"),
                false,
                "completed-before-window",
                format!(
                    "this update marks the maintenance completed on {}, before its window starts on {}; did you mean to cancel it?",
                    format::date_time(latest.at, zone),
                    format::date_time(window.from, zone)
                ),
            )
            .with_help(
                "if it will not happen, add `cancelled: true` to this update; if the work was done early, give this update the window it really had (`scheduled_for:` and `scheduled_until:`)",
            ),
    );
}
