//! `allclear check`'s `window-edited` warning: a maintenance window that
//! differs from the one at `HEAD` in git without a rescheduling update.
//!
//! Calendar clients keep an event whose SEQUENCE did not grow
//! (RFC 5545 §3.8.7.4), and SEQUENCE counts rescheduling updates
//! (`render::ical`), so editing `scheduled_for`/`scheduled_until` in place
//! leaves every subscriber with the old time, and the window's history is
//! lost from the file. For each maintenance that exists at `HEAD` (same
//! id), the warning is given when
//!
//! - its top-level `scheduled_for` or `scheduled_until` (the window first
//!   announced) differs from `HEAD`'s, or
//! - a rescheduling update at `HEAD` (one with `scheduled_for` or
//!   `scheduled_until`) is gone, no longer moves the window, or gives
//!   another window (updates are matched by their `at`).
//!
//! A new rescheduling update (`allclear reschedule`) is how a window
//! moves; it never warns. No warning is given outside a git repository,
//! in a repository without commits, or for a maintenance new since
//! `HEAD`. When the comparison cannot be made although there is a commit
//! (git fails, or the site at `HEAD` does not load), `check` says so with
//! the warning `window-history-unavailable` on the site folder, so that a
//! skipped comparison is never silent.
//!
//! The files at `HEAD` are read with `git` as `notify` reads them
//! (its `git::Repo`, private to `notify`), into a temporary folder, and loaded
//! with the same loader.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::diagnostics::Diagnostic;
use crate::format;
use crate::load::yaml::Seg;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Maintenance, Site};
use crate::notify::git::Repo;

/// The `window-edited` warnings for `loaded` (the site in `site_dir`),
/// compared with the site at `HEAD`; none when there is nothing to compare
/// with, and one `window-history-unavailable` warning when the comparison
/// could not be made (see the module).
pub fn warnings(site_dir: &Path, loaded: &Loaded) -> Vec<Diagnostic> {
    let head = match site_at_head(site_dir) {
        Ok(Some(head)) => head,
        Ok(None) => return Vec::new(),
        Err(why) => {
            return vec![
                Diagnostic::file_error(site_dir, format!("maintenance windows were not compared with git's HEAD: {why}"))
                    .with_help("run `git status` in the site folder; commit a site that `allclear check` accepts, so that edited windows can be found")
                    .with_code("window-history-unavailable")
                    .warning(),
            ];
        }
    };
    let mut out = Vec::new();
    for m in &loaded.site.maintenances {
        if let Some(before) = head.maintenances.iter().find(|h| h.id == m.id) {
            compare(loaded, before, m, &mut out);
        }
    }
    out
}

/// The site as committed at `HEAD`: `Ok(None)` outside a git repository
/// (or without git) and in a repository without commits; `Err` with the
/// reason when there is a commit but its site cannot be read or loaded.
fn site_at_head(site_dir: &Path) -> Result<Option<Site>, String> {
    let Ok(repo) = Repo::open(site_dir) else {
        return Ok(None);
    };
    let Ok(head) = repo.resolve("HEAD") else {
        return Ok(None);
    };
    let tmp = tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    repo.write_tree_at(&head, tmp.path()).map_err(|e| e.to_string())?;
    match load::load(tmp.path(), &LoadOptions::default()) {
        Ok(l) => Ok(Some(l.site)),
        Err(errors) => Err(format!(
            "the site at HEAD does not load ({}; run `allclear check` on that commit to see them)",
            crate::plural::count(errors.len(), "error")
        )),
    }
}

fn compare(loaded: &Loaded, head: &Maintenance, now: &Maintenance, out: &mut Vec<Diagnostic>) {
    let zone = loaded.site.config.time_zone;
    let span = |from: DateTime<Utc>, until: DateTime<Utc>| {
        format!(
            "{} – {}",
            format::Locale::english().date_time(from, zone),
            format::Locale::english().date_time(until, zone)
        )
    };
    let window = now.window();
    let help = format!(
        "put the window back as it was at HEAD, then record the move as an update, which calendars see as a new revision: allclear reschedule {} --from \"{}\" --until \"{}\"",
        now.id,
        written(window.from, zone),
        written(window.until, zone)
    );
    if (head.scheduled_for, head.scheduled_until) != (now.scheduled_for, now.scheduled_until) {
        let key = if head.scheduled_for != now.scheduled_for {
            "scheduled_for"
        } else {
            "scheduled_until"
        };
        out.push(
            loaded
                .warning_at(
                    &now.path,
                    &[Seg::Key(key)],
                    false,
                    "window-edited",
                    format!(
                        "the window was {} at HEAD and was edited without a rescheduling update; calendar subscribers keep the old time",
                        span(head.scheduled_for, head.scheduled_until)
                    ),
                )
                .with_help(help.clone()),
        );
    }
    for old in head
        .updates
        .iter()
        .filter(|u| u.scheduled_for.is_some() || u.scheduled_until.is_some())
    {
        let same = now.updates.iter().find(|u| u.at == old.at);
        if same.is_some_and(|u| (u.scheduled_for, u.scheduled_until) == (old.scheduled_for, old.scheduled_until)) {
            continue;
        }
        let (key, what) = match same {
            Some(u) if u.scheduled_for.is_none() && u.scheduled_until.is_none() => (
                vec![Seg::Key("updates"), Seg::Index(u.index), Seg::Key("at")],
                "no longer moves the window",
            ),
            Some(u) => (
                vec![
                    Seg::Key("updates"),
                    Seg::Index(u.index),
                    Seg::Key(if u.scheduled_for != old.scheduled_for {
                        "scheduled_for"
                    } else {
                        "scheduled_until"
                    }),
                ],
                "gives another window than at HEAD",
            ),
            None => (vec![Seg::Key("updates")], "is gone"),
        };
        out.push(
            loaded
                .warning_at(
                    &now.path,
                    &key,
                    false,
                    "window-edited",
                    format!(
                        "the rescheduling update of {} {what}; calendar subscribers keep the old time",
                        format::Locale::english().date_time(old.at, zone)
                    ),
                )
                .with_help(help.clone()),
        );
    }
}

/// A time as the authoring commands take it: RFC 3339 in the site's zone.
fn written(t: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    t.with_timezone(&zone)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
