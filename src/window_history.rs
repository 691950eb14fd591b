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
//! in a repository without commits, for a maintenance new since `HEAD`,
//! or when the site at `HEAD` does not load (there is then no window to
//! compare with; `check` on that commit reported its errors).
//!
//! The files at `HEAD` are read with `git` as `notify` reads them
//! ([`crate::notify::git::Repo`]), into a temporary folder, and loaded
//! with the same loader.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::diagnostics::Diagnostic;
use crate::load::yaml::Seg;
use crate::load::{self, LoadOptions, Loaded};
use crate::model::{Maintenance, Site};
use crate::notify::git::Repo;
use crate::render::format;

/// The `window-edited` warnings for `loaded` (the site in `site_dir`),
/// compared with the site at `HEAD`; none when there is nothing to compare
/// with (see the module).
pub fn warnings(site_dir: &Path, loaded: &Loaded) -> Vec<Diagnostic> {
    let Some(head) = site_at_head(site_dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in &loaded.site.maintenances {
        if let Some(before) = head.maintenances.iter().find(|h| h.id == m.id) {
            compare(loaded, before, m, &mut out);
        }
    }
    out
}

/// The site as committed at `HEAD`, or `None` (not a repository, no
/// commit, git failing, or a site that does not load there).
fn site_at_head(site_dir: &Path) -> Option<Site> {
    let repo = Repo::open(site_dir).ok()?;
    let head = repo.resolve("HEAD").ok()?;
    let tmp = tempfile::tempdir().ok()?;
    repo.write_tree_at(&head, tmp.path()).ok()?;
    load::load(tmp.path(), &LoadOptions::default()).ok().map(|l| l.site)
}

fn compare(loaded: &Loaded, head: &Maintenance, now: &Maintenance, out: &mut Vec<Diagnostic>) {
    let zone = loaded.site.config.time_zone;
    let span = |from: DateTime<Utc>, until: DateTime<Utc>| {
        format!("{} – {}", format::date_time(from, zone), format::date_time(until, zone))
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
                        format::date_time(old.at, zone)
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
