//! `check`'s warnings about one entry at `now`: an incident's promises
//! and age, a maintenance's overdue or early-completed window. The codes
//! are listed in the parent module.

use chrono::{DateTime, Utc};

use super::LONG_INCIDENT;
use crate::diagnostics::Diagnostic;
use crate::format;
use crate::load::Loaded;
use crate::load::yaml::Seg;
use crate::model::{ComponentStatus, Incident, IncidentStatus, Maintenance, MaintenanceStatus};
use crate::pipeline::update_key;

pub(super) fn incident_warnings(loaded: &Loaded, incident: &Incident, now: DateTime<Utc>, out: &mut Vec<Diagnostic>) {
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
    translation_missing(loaded, incident, latest.index, latest.at, out);
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
                        format::Locale::english().time_of_day(next, zone),
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

/// `translation-missing`: the newest update (`index`, at `at`) of an
/// ongoing incident has no translation in one of the site's further
/// languages, so that language's pages show it in the default language.
/// One warning per language, at the update.
fn translation_missing(
    loaded: &Loaded,
    incident: &Incident,
    index: usize,
    at: DateTime<Utc>,
    out: &mut Vec<Diagnostic>,
) {
    let site = &loaded.site;
    let id = &incident.id;
    for lang in site.config.languages.iter().skip(1) {
        let texts = site.translations.entries.get(lang).and_then(|t| t.get(id));
        if texts.is_some_and(|t| t.updates.contains_key(&at)) {
            continue;
        }
        // Next to the original, as the site folder is shown.
        let name = match texts {
            Some(t) => t
                .path
                .file_name()
                .map(std::ffi::OsStr::to_os_string)
                .unwrap_or_default(),
            None => {
                let ext = incident.path.extension().and_then(|e| e.to_str()).unwrap_or("md");
                format!("{id}.{lang}.{ext}").into()
            }
        };
        let original = loaded.sources.get(&incident.path).map_or(&incident.path, |s| &s.shown);
        let file = original.with_file_name(name);
        let written = at
            .with_timezone(&site.config.time_zone)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        out.push(
            loaded
                .warning_at(
                    &incident.path,
                    &update_key(index, "at"),
                    false,
                    "translation-missing",
                    format!("the newest update of this ongoing incident has no translation into `{lang}`: its `{lang}` pages show it in `{}`", site.default_language()),
                )
                .with_help(format!(
                    "add `- at: {written}` with its `message:` under `updates:` in {}, or run: allclear update {id} --lang {lang} --message \"…\"",
                    file.display()
                )),
        );
    }
}

pub(super) fn maintenance_warnings(
    loaded: &Loaded,
    maintenance: &Maintenance,
    now: DateTime<Utc>,
    out: &mut Vec<Diagnostic>,
) {
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
                    format::Locale::english().date_time(window.until, zone),
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
                    format::Locale::english().date_time(latest.at, zone),
                    format::Locale::english().date_time(window.from, zone)
                ),
            )
            .with_help(
                "if it will not happen, add `cancelled: true` to this update; if the work was done early, give this update the window it really had (`scheduled_for:` and `scheduled_until:`)",
            ),
    );
}
