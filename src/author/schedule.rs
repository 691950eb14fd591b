//! `reschedule` and `cancel`: the two updates that revise a maintenance's
//! calendar event (content format, "Rescheduling" and "Cancelling").
//!
//! Each appends one update to the entry's file, dated now, so the window's
//! history stays in the file (and in git), and every calendar subscriber
//! sees a new revision: SEQUENCE counts these updates and DTSTAMP is the
//! latest one's time (`render::ical`).
//!
//! - `reschedule ID --from T --until T` writes an update with
//!   `scheduled_for` and `scheduled_until` (both, in the site's zone with
//!   its offset). The times are read as `new maintenance` reads them: an
//!   offset from now (`2h`), a local time in the site's `time_zone`, or RFC
//!   3339. Its status is `scheduled` when the new window starts after now,
//!   else the maintenance's status now if the work is under way
//!   (`in_progress` or `verifying`), else `in_progress`.
//! - `cancel ID` writes `status: completed` with `cancelled: true`.
//!
//! Both refuse an incident, a cancelled maintenance and a completed one;
//! `reschedule` also refuses a window that does not end after it starts,
//! one that has already ended, and the window already in force.

use chrono::{DateTime, Utc};

use super::edit::{Found, append, find};
use super::yaml_text::Item;
use super::{AuthorError, Context, Written, parse_window, written_time};
use crate::format;
use crate::load::Loaded;
use crate::model::{MaintenanceState, MaintenanceStatus, maintenance_state};

/// What `reschedule` writes: the new window, as typed.
#[derive(Debug, Clone, Default)]
pub struct Reschedule {
    /// The maintenance's id.
    pub id: String,
    /// The new start: `2h`, a local time or RFC 3339.
    pub from: String,
    /// The new end, the same way.
    pub until: String,
}

/// Move maintenance `request.id` to a new window with an update dated now.
/// `message` gets the default text ("This maintenance is rescheduled to
/// …") and returns the update's message.
///
/// # Errors
/// See [`AuthorError`] and the module's refusals; nothing is written on
/// error.
pub fn reschedule(
    cx: &Context,
    request: &Reschedule,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let (entry, state) = maintenance(cx, &loaded, &request.id, "rescheduled")?;
    let zone = loaded.site.config.time_zone;
    let (from, until) = parse_window(&request.from, &request.until, zone, cx.now)?;
    if until <= cx.now {
        return Err(AuthorError::usage(
            format!(
                "the new window ends {}, which has passed",
                format::Locale::english().date_time(until, zone)
            ),
            Some(format!(
                "give a window that ends after now ({}); to end the maintenance, run `allclear resolve {}`",
                format::Locale::english().date_time(cx.now, zone),
                request.id
            )),
        ));
    }
    if (from, until) == (state.window.from, state.window.until) {
        return Err(AuthorError::usage(
            format!(
                "maintenance `{}` is already scheduled from {} to {}",
                request.id,
                format::Locale::english().date_time(from, zone),
                format::Locale::english().date_time(until, zone)
            ),
            Some("give the new --from and --until".to_string()),
        ));
    }
    let status = if cx.now < from {
        MaintenanceStatus::Scheduled
    } else if state.status.is_active() {
        state.status
    } else {
        MaintenanceStatus::InProgress
    };
    let default = format!("This maintenance is rescheduled to {}.", span(from, until, zone));
    let text = message(&default)?;
    let item = Item {
        at: written_time(cx.now, zone),
        status: status.as_str(),
        message: &text,
        next_update: None,
        components: Vec::new(),
        window: Some((written_time(from, zone), written_time(until, zone))),
        cancels: false,
    };
    append(cx, &entry, &item)
}

/// Call maintenance `id` off with a `completed` update, `cancelled: true`,
/// dated now. `message` gets the default text (the theme's
/// `maintenance-cancelled` in the site's default language,
/// [`crate::render::ical::cancelled_message`]) and returns the update's
/// message.
///
/// # Errors
/// See [`AuthorError`] and the module's refusals; nothing is written on
/// error.
pub fn cancel(
    cx: &Context,
    id: &str,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let (entry, _) = maintenance(cx, &loaded, id, "cancelled")?;
    let zone = loaded.site.config.time_zone;
    let text = message(&crate::render::ical::cancelled_message(&loaded.site))?;
    let item = Item {
        at: written_time(cx.now, zone),
        status: MaintenanceStatus::Completed.as_str(),
        message: &text,
        next_update: None,
        components: Vec::new(),
        window: None,
        cancels: true,
    };
    append(cx, &entry, &item)
}

/// The maintenance `id` and its state now, or why it cannot be `verb`
/// (`rescheduled`, `cancelled`): an incident, or a maintenance that is
/// cancelled or completed.
fn maintenance(cx: &Context, loaded: &Loaded, id: &str, verb: &str) -> Result<(Found, MaintenanceState), AuthorError> {
    let entry = find(loaded, id)?;
    if entry.incident {
        return Err(AuthorError::usage(
            format!("`{id}` is an incident; only a scheduled maintenance can be {verb}"),
            Some(format!(
                "to tell readers about an incident, add an update: allclear update {id} --status …"
            )),
        ));
    }
    let site = loaded.site.as_of(cx.now);
    let m = site.maintenances.iter().find(|m| m.id == id).expect("find() found it");
    let state = maintenance_state(m, cx.now);
    let zone = loaded.site.config.time_zone;
    let again = "to plan the work again, schedule a new maintenance: allclear new maintenance \"…\" --from … --until … --component …";
    if state.cancelled {
        return Err(AuthorError::usage(
            format!("maintenance `{id}` is already cancelled"),
            Some(again.to_string()),
        ));
    }
    if state.status == MaintenanceStatus::Completed {
        let when = ended(m.updates.last().map(|u| u.at), state, cx.now);
        return Err(AuthorError::usage(
            format!(
                "maintenance `{id}` is already completed ({})",
                format::Locale::english().date_time(when, zone)
            ),
            Some(again.to_string()),
        ));
    }
    Ok((entry, state))
}

/// When a completed maintenance ended: its `completed` update, else the
/// window's end.
fn ended(last_update: Option<DateTime<Utc>>, state: MaintenanceState, now: DateTime<Utc>) -> DateTime<Utc> {
    match last_update {
        Some(at) if state.finished => at,
        _ => state.window.until.min(now),
    }
}

/// A window as readers see it, in `zone`: `Dec 8, 2026 02:00 – 04:00 CET`
/// within one day, else both dates and times.
fn span(from: DateTime<Utc>, until: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let (start, end) = (from.with_timezone(&zone), until.with_timezone(&zone));
    if start.date_naive() == end.date_naive() && start.offset() == end.offset() {
        format!(
            "{} {} – {}",
            format::Locale::english().date(start.date_naive()),
            start.format("%H:%M"),
            format::Locale::english().clock(&end)
        )
    } else {
        format!(
            "{} – {}",
            format::Locale::english().date_time(from, zone),
            format::Locale::english().date_time(until, zone)
        )
    }
}
