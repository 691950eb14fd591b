//! Incident and maintenance entries: a `.md` file with YAML front matter, or
//! a pure `.yaml`/`.yml` file (content format, "An incident" and "A
//! scheduled maintenance").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::raw::{self, MaintenanceComponents, RawComponent, RawMaintenanceUpdate};
use super::schema::Reader;
use super::source::Source;
use super::time::{self, TimeError};
use super::yaml::{Pos, Seg};
use crate::diagnostics::{Diagnostic, closest};
use crate::markdown;
use crate::model::{
    ComponentIdx, ComponentStatus, Incident, IncidentUpdate, Maintenance, MaintenanceStatus, MaintenanceUpdate,
    Markdown,
};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// What entries are checked against: the site's zone, its components and
/// whether raw HTML is allowed. `components` is `None` when `site.yaml`
/// itself failed, so ids cannot be checked.
pub(crate) struct EntryContext<'a> {
    pub zone: Tz,
    pub components: Option<&'a HashMap<&'a str, usize>>,
    pub allow_raw_html: bool,
}

/// Split a `.md` entry into its front matter and body.
///
/// Returns `(yaml, body)`; the YAML starts on the file's second line.
///
/// # Errors
/// A diagnostic when the file does not start with `---` or the front matter
/// is not closed.
pub(crate) fn split_front_matter(shown: &Path, text: &str) -> Result<(String, String), Diagnostic> {
    let fm = super::front_matter::locate(text).map_err(|missing| {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match missing {
            super::front_matter::Missing::NoOpening => {
                Diagnostic::at(shown, text, 1, 1, "an entry in Markdown must start with front matter")
                    .with_help("make the first line `---`, then the YAML keys (title, impact, …), then a closing `---` line, then the Markdown body")
            }
            super::front_matter::Missing::NotClosed => Diagnostic::at(shown, text, 1, 1, "the front matter is never closed")
                .with_help("add a line `---` after the last YAML key, before the Markdown body"),
        }
    })?;
    Ok((text[fm.yaml].to_string(), text[fm.body..].to_string()))
}

/// A time as diagnostics show it: in the site's zone, naming it.
pub(crate) fn shown_time(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z").to_string()
}

/// Reads one entry's fields, collecting every problem it finds.
struct Checker<'a> {
    src: &'a Source,
    cx: &'a EntryContext<'a>,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn time(&mut self, text: &str, path: &[Seg<'_>]) -> Option<DateTime<Utc>> {
        match time::parse_time(text, self.cx.zone) {
            Ok(t) => Some(t),
            Err(e) => {
                self.time_error(e, path);
                None
            }
        }
    }

    fn time_error(&mut self, e: TimeError, path: &[Seg<'_>]) {
        let help = e.help();
        self.errors
            .push(self.src.error_at(path, false, e.to_string()).with_help(help));
    }

    /// Resolve component ids to indices; unknown ids and repeats are errors
    /// (at the id). A component whose status was not valid (already
    /// reported) has its id checked too, and is left out.
    fn components(&mut self, pairs: &[RawComponent]) -> Vec<(ComponentIdx, ComponentStatus)> {
        let mut out: Vec<(ComponentIdx, ComponentStatus)> = Vec::with_capacity(pairs.len());
        for (k, (id, pos, status)) in pairs.iter().enumerate() {
            if pairs[..k].iter().any(|(other, _, _)| other == id) {
                self.errors.push(
                    self.src
                        .error(Some(*pos), format!("component `{id}` is listed twice"))
                        .with_help("keep one line per component"),
                );
                continue;
            }
            if let (Some(index), Some(status)) = (self.component(id, *pos), status) {
                out.push((index, *status));
            }
        }
        out
    }

    /// The index of component `id` (written at `pos`); an unknown id is an
    /// error, with the closest known id suggested.
    fn component(&mut self, id: &str, pos: Pos) -> Option<ComponentIdx> {
        let known = self.cx.components?;
        if let Some(&i) = known.get(id) {
            return Some(i);
        }
        let mut ids: Vec<&str> = known.keys().copied().collect();
        ids.sort_unstable();
        let help = match closest(id, ids.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}`? The components in site.yaml are: {}",
                ids.join(", ")
            ),
            None => format!("the components in site.yaml are: {}", ids.join(", ")),
        };
        self.errors.push(
            self.src
                .error(Some(pos), format!("unknown component `{id}`"))
                .with_help(help),
        );
        None
    }

    fn markdown(&self, text: &str) -> Markdown {
        markdown::render(text, self.cx.allow_raw_html)
    }

    /// A message that is too long is an error (and rendered as empty).
    fn message(&mut self, text: &str, path: &[Seg<'_>]) -> Markdown {
        if text.len() > super::limits::MESSAGE_BYTES {
            let kib = text.len() / 1024;
            self.errors.push(
                self.src
                    .error_at(
                        path,
                        false,
                        format!("this text is {kib} KiB; a message may be at most 64 KiB"),
                    )
                    .with_help("shorten it, or link to a longer document"),
            );
            return Markdown::default();
        }
        self.markdown(text)
    }

    /// More updates than [`super::limits::UPDATES`] is an error.
    fn count_updates(&mut self, count: usize) {
        if count > super::limits::UPDATES {
            self.errors.push(
                self.src
                    .error_at(
                        &[Seg::Key("updates")],
                        true,
                        format!("{count} updates; an entry may have at most 10,000"),
                    )
                    .with_help("start a new entry for a new incident"),
            );
        }
    }
}

/// Parse and check an incident.
///
/// # Errors
/// Every problem found (only the first one when the YAML does not match the
/// schema).
pub(crate) fn load_incident(
    src: &Source,
    id: String,
    path: PathBuf,
    body: Option<String>,
    cx: &EntryContext<'_>,
) -> Result<Incident, Vec<Diagnostic>> {
    let mut reader = Reader {
        src,
        errors: Vec::new(),
    };
    let raw = raw::incident(&mut reader, src.tree().map_err(|d| vec![d])?);
    let Some(raw) = raw else {
        return Err(reader.errors);
    };
    let mut ck = Checker {
        src,
        cx,
        errors: reader.errors,
    };
    let raw_updates = raw.updates.as_deref().unwrap_or_default();
    ck.count_updates(raw_updates.len());

    if raw.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        ck.errors.push(
            src.error_at(&[Seg::Key("title")], false, "`title` is empty")
                .with_help("say what users see, like `Elevated error rates on the API`"),
        );
    }
    let postmortem_text = match (body, raw.postmortem) {
        (Some(_), Some(_)) => {
            ck.errors.push(
                src.error_at(&[Seg::Key("postmortem")], true, "`postmortem` is for `.yaml` entries")
                    .with_help("in a `.md` entry, write the postmortem as the Markdown body after the closing `---`"),
            );
            None
        }
        (Some(b), None) | (None, Some(b)) => Some(b),
        (None, None) => None,
    };
    let components = ck.components(&raw.components);
    for (id, _, status) in &raw.components {
        if *status == Some(ComponentStatus::UnderMaintenance) {
            ck.errors.push(
                src.error_at(&[Seg::Key("components"), Seg::Key(id)], false, format!("an incident cannot put `{id}` under maintenance"))
                    .with_help("write degraded_performance, partial_outage or major_outage here; planned work belongs in maintenance/"),
            );
        }
    }
    if raw.updates.as_ref().is_some_and(Vec::is_empty) {
        ck.errors.push(
            src.error_at(&[Seg::Key("updates")], false, "an incident needs at least one update")
                .with_help("add `- at: …`, `status: investigating`, `message: …` under `updates:`"),
        );
    }
    let started = raw.started.as_deref().and_then(|s| ck.time(s, &[Seg::Key("started")]));

    let mut updates = Vec::with_capacity(raw_updates.len());
    for (i, u) in raw_updates.iter().enumerate() {
        let here = |key| [Seg::Key("updates"), Seg::Index(i), Seg::Key(key)];
        let at = u.at.as_deref().and_then(|t| ck.time(t, &here("at")));
        let next_update = u.next_update.as_deref().and_then(|t| ck.time(t, &here("next_update")));
        let changes = ck.components(&u.components);
        if let (Some(at), Some(started)) = (at, started)
            && at < started
        {
            ck.errors.push(
                src.error_at(
                    &here("at"),
                    false,
                    format!(
                        "this update is before the incident `started` ({})",
                        shown_time(started, cx.zone)
                    ),
                )
                .with_help(
                    "an update cannot come before the incident started: correct `at`, or move `started` earlier",
                ),
            );
        }
        if let (Some(at), Some(status)) = (at, u.status) {
            updates.push(IncidentUpdate {
                index: i,
                at,
                status,
                message: ck.message(&u.message, &here("message")),
                next_update,
                components: changes,
                fallback: None,
            });
        }
    }
    let postmortem_text = postmortem_text.filter(|t| !t.trim().is_empty());
    let published = raw
        .postmortem_published_at
        .as_deref()
        .and_then(|t| ck.time(t, &[Seg::Key("postmortem_published_at")]));
    if raw.postmortem_published_at.is_some() && postmortem_text.is_none() {
        ck.errors.push(
            src.error_at(&[Seg::Key("postmortem_published_at")], true, "`postmortem_published_at` is given, but there is no postmortem to publish")
                .with_help("write the postmortem as the Markdown body after the closing `---` (`postmortem:` in a `.yaml` entry), or remove this line"),
        );
    }
    let postmortem = postmortem_text.map(|t| ck.message(&t, &[Seg::Key("postmortem")]));
    let first = updates.iter().map(|u| u.at).min();
    if let (Some(published), Some(begin)) = (published, started.or(first))
        && published < begin
    {
        ck.errors.push(
            src.error_at(
                &[Seg::Key("postmortem_published_at")],
                false,
                format!(
                    "the postmortem is published before the incident started ({})",
                    shown_time(begin, cx.zone)
                ),
            )
            .with_help("give the time the postmortem goes out, after the incident: like `2026-11-21T10:00:00Z`"),
        );
    }
    if !ck.errors.is_empty() {
        return Err(ck.errors);
    }
    updates.sort_by_key(|u| u.at);
    let started = started.unwrap_or(updates[0].at);
    let last_update = updates[updates.len() - 1].at;
    let postmortem_published_at = postmortem.as_ref().map(|_| published.unwrap_or(last_update));
    let (Some(title), Some(impact)) = (raw.title, raw.impact) else {
        unreachable!("a missing title or impact is an error above")
    };
    Ok(Incident {
        id,
        path,
        title,
        impact,
        started,
        components,
        updates,
        postmortem,
        postmortem_published_at,
        fallback: Default::default(),
    })
}

/// Parse and check a scheduled maintenance.
///
/// # Errors
/// Every problem found (only the first one when the YAML does not match the
/// schema).
pub(crate) fn load_maintenance(
    src: &Source,
    id: String,
    path: PathBuf,
    body: Option<String>,
    cx: &EntryContext<'_>,
) -> Result<Maintenance, Vec<Diagnostic>> {
    let mut reader = Reader {
        src,
        errors: Vec::new(),
    };
    let raw = raw::maintenance(&mut reader, src.tree().map_err(|d| vec![d])?);
    let Some(raw) = raw else {
        return Err(reader.errors);
    };
    let mut ck = Checker {
        src,
        cx,
        errors: reader.errors,
    };
    ck.count_updates(raw.updates.len());
    if raw.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        ck.errors.push(
            src.error_at(&[Seg::Key("title")], false, "`title` is empty")
                .with_help("say what will happen, like `Database upgrade`"),
        );
    }
    let components = match &raw.components {
        MaintenanceComponents::Map(m) => ck.components(m),
        MaintenanceComponents::List(ids) => {
            let mut out = Vec::new();
            for (id, pos) in ids {
                if let Some(c) = ck.component(id, *pos) {
                    if out.iter().any(|&(k, _)| k == c) {
                        ck.errors.push(
                            src.error(Some(*pos), format!("component `{id}` is listed twice"))
                                .with_help("list each component once"),
                        );
                    } else {
                        out.push((c, ComponentStatus::UnderMaintenance));
                    }
                }
            }
            out
        }
    };
    let from = raw
        .scheduled_for
        .as_deref()
        .and_then(|t| ck.time(t, &[Seg::Key("scheduled_for")]));
    let until = raw
        .scheduled_until
        .as_deref()
        .and_then(|t| ck.time(t, &[Seg::Key("scheduled_until")]));
    if let (Some(f), Some(u)) = (from, until)
        && u <= f
    {
        ck.errors.push(
            src.error_at(
                &[Seg::Key("scheduled_until")],
                false,
                "`scheduled_until` is not after `scheduled_for`",
            )
            .with_help(format!(
                "the window must end after it starts ({}); check the date and the time zone",
                shown_time(f, cx.zone)
            )),
        );
    }
    let mut window = (from, until);
    let mut updates = Vec::with_capacity(raw.updates.len());
    for (i, u) in raw.updates.iter().enumerate() {
        let here = |key| [Seg::Key("updates"), Seg::Index(i), Seg::Key(key)];
        let at = u.at.as_deref().and_then(|t| ck.time(t, &here("at")));
        let new_from = u
            .scheduled_for
            .as_deref()
            .and_then(|t| ck.time(t, &here("scheduled_for")));
        let new_until = u
            .scheduled_until
            .as_deref()
            .and_then(|t| ck.time(t, &here("scheduled_until")));
        window = (new_from.or(window.0), new_until.or(window.1));
        if (new_from.is_some() || new_until.is_some())
            && let (Some(f), Some(e)) = window
            && e <= f
        {
            let key = if new_until.is_some() {
                "scheduled_until"
            } else {
                "scheduled_for"
            };
            ck.errors.push(
                src.error_at(
                    &here(key),
                    false,
                    "this reschedule makes the window end before it starts",
                )
                .with_help("give both `scheduled_for` and `scheduled_until` on the update, the end after the start"),
            );
        }
        let cancels = u.cancelled == Some(true);
        check_cancelling_update(&mut ck, u, i);
        if let (Some(at), Some(status)) = (at, u.status) {
            updates.push(MaintenanceUpdate {
                index: i,
                at,
                status,
                message: ck.message(&u.message, &here("message")),
                scheduled_for: new_from,
                scheduled_until: new_until,
                cancels,
                fallback: None,
            });
        }
    }
    updates.sort_by_key(|u| u.at);
    check_after_cancel(&mut ck, &updates);
    if !ck.errors.is_empty() {
        return Err(ck.errors);
    }
    let Some(title) = raw.title else {
        unreachable!("a missing title is an error above")
    };
    Ok(Maintenance {
        id,
        path,
        title,
        components,
        scheduled_for: from.expect("checked above"),
        scheduled_until: until.expect("checked above"),
        cancelled: raw.cancelled,
        updates,
        body: body
            .filter(|t| !t.trim().is_empty())
            .map(|t| ck.message(&t, &[Seg::Key("title")])),
        fallback: Default::default(),
    })
}

/// The rules of one update's `cancelled:` (content format, "Cancelling"):
/// only `true`, with `status: completed`, and no new window beside it.
fn check_cancelling_update(ck: &mut Checker<'_>, u: &RawMaintenanceUpdate, i: usize) {
    let here = |key| [Seg::Key("updates"), Seg::Index(i), Seg::Key(key)];
    match u.cancelled {
        None => {}
        Some(false) => ck.errors.push(
            ck.src
                .error_at(&here("cancelled"), true, "`cancelled: false` on an update means nothing")
                .with_help("leave `cancelled` out of updates that do not call the maintenance off; `cancelled: true` cancels it"),
        ),
        Some(true) => {
            if let Some(status) = u.status
                && status != MaintenanceStatus::Completed
            {
                ck.errors.push(
                    ck.src
                        .error_at(
                            &here("status"),
                            false,
                            format!("a cancelling update has the status `completed`, not `{}`", status.as_str()),
                        )
                        .with_help("write `status: completed`: a called-off maintenance is over, and the API reports it as completed, as Statuspage does"),
                );
            }
            if u.scheduled_for.is_some() || u.scheduled_until.is_some() {
                let key = if u.scheduled_for.is_some() {
                    "scheduled_for"
                } else {
                    "scheduled_until"
                };
                ck.errors.push(
                    ck.src
                        .error_at(&here(key), true, "an update cannot both cancel the maintenance and move its window")
                        .with_help("to move it, remove `cancelled: true` (`allclear reschedule`); to call it off, remove `scheduled_for` and `scheduled_until` (`allclear cancel`)"),
                );
            }
        }
    }
}

/// A cancelled maintenance stays cancelled: no update after the cancelling
/// one (`updates` sorted by time) cancels again, moves the window or takes
/// another status than `completed`.
fn check_after_cancel(ck: &mut Checker<'_>, updates: &[MaintenanceUpdate]) {
    let Some(first) = updates.iter().position(|u| u.cancels) else {
        return;
    };
    let cancelled_at = shown_time(updates[first].at, ck.cx.zone);
    for u in &updates[first + 1..] {
        let here = |key| [Seg::Key("updates"), Seg::Index(u.index), Seg::Key(key)];
        let problem = if u.cancels {
            Some(("cancelled", "this maintenance was already cancelled".to_string()))
        } else if u.scheduled_for.is_some() || u.scheduled_until.is_some() {
            let key = if u.scheduled_for.is_some() {
                "scheduled_for"
            } else {
                "scheduled_until"
            };
            Some((
                key,
                "this update moves the window of a cancelled maintenance".to_string(),
            ))
        } else if u.status != MaintenanceStatus::Completed {
            Some((
                "status",
                format!("this update reopens a cancelled maintenance as `{}`", u.status.as_str()),
            ))
        } else {
            None
        };
        if let Some((key, message)) = problem {
            ck.errors.push(
                ck.src
                    .error_at(&here(key), false, format!("{message} (cancelled by the update of {cancelled_at})"))
                    .with_help("a cancelled maintenance stays cancelled; schedule the work again as a new entry (`allclear new maintenance`), or remove the cancelling update"),
            );
        }
    }
}
