//! The data templates see: plain, serializable views of the snapshot with
//! every time already formatted in the site's zone and every link already
//! made. Templates only lay it out.
//!
//! Links (`url`) are relative to the output root; templates prefix them
//! with `root`, the way back to the root from the page being rendered.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::links;
use crate::i18n::Catalogue;
use crate::model::{
    ComponentStatus, EntryRef, IncidentStatus, IncidentUpdate, MaintenanceStatus, Snapshot, uptime::DayUptime,
};
use crate::{format, ids};

/// A time: machine form for `<time datetime>` and the text people read.
#[derive(Debug, Clone, Serialize)]
pub struct TimeView {
    /// RFC 3339, UTC.
    pub iso: String,
    /// `Nov 20, 2026 15:03 CET`.
    pub text: String,
    /// `15:03 CET`.
    pub time: String,
    /// `Nov 20, 2026`.
    pub date: String,
}

/// A status, impact or indicator: its API key (for CSS classes) and its
/// label in the page's language (from [`Catalogue`]).
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    pub key: &'static str,
    pub label: String,
}

/// A component named in an entry, with the status the entry gives it.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentRef {
    pub id: String,
    pub name: String,
    pub url: String,
    pub status: Label,
}

/// One update of an incident or maintenance.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateView {
    /// Fragment id on the entry's page (see [`ids::update_anchors`]).
    pub anchor: String,
    pub status: Label,
    pub at: TimeView,
    /// Sanitized HTML of the message.
    pub html: String,
    /// When the message is left in the default language on a page in
    /// another: that language (see [`LangMark`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangMark>,
    pub next_update: Option<TimeView>,
    /// Component changes this update makes.
    pub changes: Vec<ComponentRef>,
    /// A new window this update sets (maintenance).
    pub rescheduled_to: Option<(TimeView, TimeView)>,
}

/// An incident or maintenance as lists and pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// `incident` or `maintenance`.
    pub kind: &'static str,
    pub id: String,
    pub url: String,
    pub title: String,
    /// When the title is left in the default language (see [`LangMark`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<LangMark>,
    /// Incidents: the impact; maintenance: `maintenance`.
    pub impact: Label,
    /// Current status; for a cancelled maintenance, `cancelled`.
    pub status: Label,
    pub ongoing: bool,
    pub started: TimeView,
    /// Incidents: resolution time; maintenance: window end.
    pub ended: Option<TimeView>,
    /// `1 h 05 min` from start to resolution (or to now while ongoing).
    pub duration: String,
    /// Affected components: an ongoing incident's current statuses, a
    /// resolved one's worst status during the incident, a maintenance's
    /// status while in progress.
    pub components: Vec<ComponentRef>,
    /// The newest update, if any.
    pub latest: Option<UpdateView>,
    /// The promised next update of an ongoing incident.
    pub next_update: Option<TimeView>,
    /// When that promise is overdue at the build: how long ago it fell
    /// due, `15 min ago` ([`Catalogue::duration`] in message `time-ago`), or
    /// `now` (message `time-now`) within its first minute (as the page script's `Intl.RelativeTimeFormat` with
    /// `numeric: 'auto'` says it); `None` while it is not yet due.
    pub overdue_by: Option<String>,
    pub cancelled: bool,
    /// How many times the window moved (maintenance).
    pub reschedules: u32,
}

/// One day cell of an uptime bar.
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    pub iso: String,
    pub date: String,
    /// `99.97%`, or empty when the day is not counted.
    pub uptime: String,
    /// CSS level: `nodata`, `ok`, `minor`, `partial`, `major`.
    pub level: &'static str,
    /// A sentence for the day, e.g. `Nov 20, 2026: 97.22% uptime, partial outage`.
    pub summary: String,
    pub incidents: Vec<Named>,
}

/// A title with a link.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub title: String,
    pub url: String,
    /// When the title is left in the default language (see [`LangMark`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<LangMark>,
}

/// The mark of a text left in the site's default language on a page in
/// another (content format, "Languages"; [`crate::model::Fallback`]): the
/// element that holds it gets `lang` (HTML's "The lang and xml:lang
/// attributes", so that screen readers switch voice and hyphenation
/// follows the text), and `dir` when its direction differs from the page's.
#[derive(Debug, Clone, Serialize)]
pub struct LangMark {
    /// The text's language, a BCP 47 tag.
    pub lang: String,
    /// `ltr` or `rtl`, only when the page is written the other way.
    pub dir: Option<&'static str>,
}

/// A component with its state and uptime.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentView {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub url: String,
    pub status: Label,
    /// Overall uptime over the window, `99.95%`, or empty.
    pub uptime: String,
    pub uptime_days: u32,
    pub days: Vec<DayView>,
    /// The days of the window on which an incident touched the component.
    pub incident_days: Vec<DayView>,
}

/// A group of components.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub name: Option<String>,
    /// The worst status among its members.
    pub status: Label,
    pub components: Vec<ComponentView>,
}

/// A day of the "past incidents" list.
#[derive(Debug, Clone, Serialize)]
pub struct DayEntries {
    pub iso: String,
    pub date: String,
    pub entries: Vec<EntryView>,
}

/// Builds views from a snapshot; holds the zone and formatting, and the
/// interface's words in the page's language.
pub struct Views<'a, 's> {
    pub snap: &'a Snapshot<'s>,
    pub cat: &'a Catalogue,
}

impl Views<'_, '_> {
    /// The label of a component status.
    pub fn component_label(&self, s: ComponentStatus) -> Label {
        Label {
            key: s.as_str(),
            label: self.cat.component_status(s).to_string(),
        }
    }

    /// The label of an incident status.
    pub fn incident_label(&self, s: IncidentStatus) -> Label {
        Label {
            key: s.as_str(),
            label: self.cat.incident_status(s).to_string(),
        }
    }

    /// The label of a maintenance status.
    pub fn maintenance_label(&self, s: MaintenanceStatus) -> Label {
        Label {
            key: s.as_str(),
            label: self.cat.maintenance_status(s).to_string(),
        }
    }

    /// The label of a cancelled maintenance's status (key `cancelled`).
    fn cancelled_label(&self) -> Label {
        Label {
            key: "cancelled",
            label: self.cat.cancelled().to_string(),
        }
    }

    /// The HTML of `md` with its task boxes' labels ("Done", "To do", which
    /// Markdown rendering writes in English at load) in the page's
    /// language (messages `task-done`, `task-todo`). Borrowed when there is
    /// nothing to change: on English pages, and in text without task lists.
    pub fn html<'m>(&self, md: &'m crate::model::Markdown) -> std::borrow::Cow<'m, str> {
        use crate::markdown::{TASK_DONE_LABEL, TASK_TODO_LABEL};
        let has_boxes = md.html.contains(TASK_DONE_LABEL) || md.html.contains(TASK_TODO_LABEL);
        if !has_boxes || self.cat.language() == "en" {
            return std::borrow::Cow::Borrowed(&md.html);
        }
        let label = |key: &str| format!("aria-label=\"{}\">", crate::escape::html(&self.cat.text(key)));
        std::borrow::Cow::Owned(
            md.html
                .replace(TASK_DONE_LABEL, &label("task-done"))
                .replace(TASK_TODO_LABEL, &label("task-todo")),
        )
    }

    /// The mark of a text whose [`crate::model::Fallback`] language is
    /// `fallback`; `None` for a text in the page's language.
    pub fn mark(&self, fallback: Option<&String>) -> Option<LangMark> {
        let lang = fallback?;
        let rtl = crate::i18n::right_to_left(lang);
        Some(LangMark {
            lang: lang.clone(),
            dir: (rtl != self.cat.right_to_left()).then_some(if rtl { "rtl" } else { "ltr" }),
        })
    }

    /// The language dates, times and numbers are written in
    /// ([`Catalogue::locale`]).
    pub fn locale(&self) -> &'static format::Locale {
        self.cat.locale()
    }

    pub fn time(&self, t: DateTime<Utc>) -> TimeView {
        let local = t.with_timezone(&self.snap.site.config.time_zone);
        let date = self.locale().date(local.date_naive());
        let time = self.locale().clock(&local);
        TimeView {
            iso: format::iso_utc(t),
            text: format!("{date} {time}"),
            time,
            date,
        }
    }

    fn component_ref(&self, c: usize, status: ComponentStatus) -> ComponentRef {
        let comp = &self.snap.site.components[c];
        ComponentRef {
            id: comp.id.clone(),
            name: comp.name.clone(),
            url: links::component(&comp.id),
            status: self.component_label(status),
        }
    }

    /// Every update of incident `i`, oldest first.
    pub fn incident_updates(&self, i: usize) -> Vec<UpdateView> {
        let inc = &self.snap.site.incidents[i];
        let anchors = ids::update_anchors(inc.updates.iter().map(|u| u.at));
        inc.updates
            .iter()
            .zip(anchors)
            .map(|(u, anchor)| self.incident_update(u, anchor))
            .collect()
    }

    /// The newest update of incident `i`: only its view is built.
    fn latest_incident_update(&self, i: usize) -> Option<UpdateView> {
        let inc = &self.snap.site.incidents[i];
        let anchor = ids::update_anchors(inc.updates.iter().map(|u| u.at)).pop()?;
        Some(self.incident_update(inc.updates.last()?, anchor))
    }

    fn incident_update(&self, u: &IncidentUpdate, anchor: String) -> UpdateView {
        UpdateView {
            anchor,
            status: self.incident_label(u.status),
            at: self.time(u.at),
            html: self.html(&u.message).into_owned(),
            lang: self.mark(u.fallback.as_ref()),
            next_update: u.next_update.map(|t| self.time(t)),
            changes: u.components.iter().map(|&(c, s)| self.component_ref(c, s)).collect(),
            rescheduled_to: None,
        }
    }

    /// Every update of maintenance `m`, oldest first.
    pub fn maintenance_updates(&self, m: usize) -> Vec<UpdateView> {
        let mt = &self.snap.site.maintenances[m];
        let mut window = (mt.scheduled_for, mt.scheduled_until);
        let anchors = ids::update_anchors(mt.updates.iter().map(|u| u.at));
        mt.updates
            .iter()
            .zip(anchors)
            .map(|(u, anchor)| {
                let new = (
                    u.scheduled_for.unwrap_or(window.0),
                    u.scheduled_until.unwrap_or(window.1),
                );
                let moved = new != window;
                window = new;
                UpdateView {
                    anchor,
                    status: if u.cancels {
                        self.cancelled_label()
                    } else {
                        self.maintenance_label(u.status)
                    },
                    at: self.time(u.at),
                    html: self.html(&u.message).into_owned(),
                    lang: self.mark(u.fallback.as_ref()),
                    next_update: None,
                    changes: Vec::new(),
                    rescheduled_to: moved.then(|| (self.time(new.0), self.time(new.1))),
                }
            })
            .collect()
    }

    /// The latest update a maintenance's card shows: the author's latest,
    /// or the automatic update the API adds when the clock opened or closed
    /// the window after it (the same rule and message as `api/v2`, see
    /// `super::api`, its words in the page's language: messages
    /// `maintenance-auto-*`), so that a card never reads "In progress" once
    /// completed. The page's script shows the same when it flips a card.
    fn maintenance_latest(&self, m: usize) -> Option<UpdateView> {
        let (mt, state, now) = (
            &self.snap.site.maintenances[m],
            &self.snap.maintenances[m],
            self.snap.now,
        );
        let written = mt.updates.last().map(|u| u.at);
        let step = [
            (
                state.window.until,
                MaintenanceStatus::Completed,
                "maintenance-auto-completed",
            ),
            (
                state.window.from,
                MaintenanceStatus::InProgress,
                "maintenance-auto-in_progress",
            ),
        ]
        .into_iter()
        .find(|&(at, _, _)| at <= now && written.is_none_or(|w| w < at));
        match step {
            Some((at, status, message)) if state.follows_clock() => Some(UpdateView {
                anchor: String::new(),
                status: self.maintenance_label(status),
                at: self.time(at),
                html: format!("<p>{}</p>", self.cat.text(message)),
                lang: None,
                next_update: None,
                changes: Vec::new(),
                rescheduled_to: None,
            }),
            _ => self.maintenance_updates(m).pop(),
        }
    }

    /// The summary of an entry.
    pub fn entry(&self, e: EntryRef) -> EntryView {
        match e {
            EntryRef::Incident(i) => self.incident(i),
            EntryRef::Maintenance(m) => self.maintenance(m),
        }
    }

    fn incident(&self, i: usize) -> EntryView {
        let inc = &self.snap.site.incidents[i];
        let state = self.snap.incidents[i];
        let end = state.resolved_at.unwrap_or(self.snap.now);
        let latest = self.latest_incident_update(i);
        EntryView {
            kind: "incident",
            id: inc.id.clone(),
            url: links::incident(&inc.id),
            title: inc.title.clone(),
            title_lang: self.mark(inc.fallback.title.as_ref()),
            impact: Label {
                key: inc.impact.as_str(),
                label: self.cat.impact(inc.impact).to_string(),
            },
            status: self.incident_label(state.status),
            ongoing: state.ongoing,
            started: self.time(inc.started),
            ended: state.resolved_at.map(|t| self.time(t)),
            duration: self.cat.duration(end - inc.started),
            components: if state.ongoing {
                inc.current_components()
            } else {
                inc.peak_components()
            }
            .into_iter()
            .map(|(c, s)| self.component_ref(c, s))
            .collect(),
            next_update: state.promise.map(|p| self.time(p.by)),
            overdue_by: state.promise.filter(|p| p.overdue).map(|p| match self.snap.now - p.by {
                late if late.num_minutes() < 1 => self.cat.text("time-now"),
                late => self
                    .cat
                    .text_with("time-ago", &[("duration", self.cat.duration(late).into())]),
            }),
            latest,
            cancelled: false,
            reschedules: 0,
        }
    }

    fn maintenance(&self, m: usize) -> EntryView {
        let mt = &self.snap.site.maintenances[m];
        let state = self.snap.maintenances[m];
        let status = if state.cancelled {
            self.cancelled_label()
        } else {
            self.maintenance_label(state.status)
        };
        EntryView {
            kind: "maintenance",
            id: mt.id.clone(),
            url: links::maintenance(&mt.id),
            title: mt.title.clone(),
            title_lang: self.mark(mt.fallback.title.as_ref()),
            impact: Label {
                key: "maintenance",
                label: self.cat.maintenance_impact().to_string(),
            },
            status,
            ongoing: state.is_active(),
            started: self.time(state.window.from),
            ended: Some(self.time(state.window.until)),
            duration: self.cat.duration(state.window.until - state.window.from),
            components: mt.components.iter().map(|&(c, s)| self.component_ref(c, s)).collect(),
            latest: self.maintenance_latest(m),
            next_update: None,
            overdue_by: None,
            cancelled: state.cancelled,
            reschedules: state.window.reschedules,
        }
    }

    /// A component with its uptime bar.
    pub fn component(&self, c: usize) -> ComponentView {
        let comp = &self.snap.site.components[c];
        let state = &self.snap.components[c];
        ComponentView {
            id: comp.id.clone(),
            name: comp.name.clone(),
            description: comp.description.clone(),
            url: links::component(&comp.id),
            status: self.component_label(state.status),
            uptime: state
                .uptime
                .overall
                .map(|s| self.locale().percent(s))
                .unwrap_or_default(),
            uptime_days: self.snap.site.config.uptime_days,
            incident_days: state
                .uptime
                .days
                .iter()
                .rev()
                .filter(|d| !d.incidents.is_empty())
                .map(|d| self.day(d))
                .collect(),
            days: state.uptime.days.iter().map(|d| self.day(d)).collect(),
        }
    }

    fn day(&self, d: &DayUptime) -> DayView {
        let level = match (d.uptime, d.worst) {
            (None, _) => "nodata",
            (_, ComponentStatus::MajorOutage) => "major",
            (_, ComponentStatus::PartialOutage) => "partial",
            (_, ComponentStatus::DegradedPerformance) => "minor",
            _ => "ok",
        };
        let uptime = d.uptime.map(|s| self.locale().percent(s)).unwrap_or_default();
        let date = self.locale().date(d.date);
        let summary = match d.uptime {
            None => self
                .cat
                .text_with("day-summary-no-data", &[("date", date.clone().into())]),
            Some(_) => self.cat.text_with(
                "day-summary",
                &[
                    ("date", date.clone().into()),
                    ("uptime", uptime.clone().into()),
                    ("status", d.worst.as_str().into()),
                ],
            ),
        };
        DayView {
            iso: d.date.to_string(),
            date,
            uptime,
            level,
            summary,
            incidents: d
                .incidents
                .iter()
                .map(|&i| Named {
                    title: self.snap.site.incidents[i].title.clone(),
                    lang: self.mark(self.snap.site.incidents[i].fallback.title.as_ref()),
                    url: links::incident(&self.snap.site.incidents[i].id),
                })
                .collect(),
        }
    }

    /// Every group with its components, in display order.
    pub fn groups(&self) -> Vec<GroupView> {
        self.snap
            .site
            .groups
            .iter()
            .map(|g| {
                let worst = g
                    .members
                    .iter()
                    .map(|&c| self.snap.components[c].status)
                    .max()
                    .unwrap_or(ComponentStatus::Operational);
                GroupView {
                    name: g.name.clone(),
                    status: self.component_label(worst),
                    components: g.members.iter().map(|&c| self.component(c)).collect(),
                }
            })
            .collect()
    }

    /// A day with its entries.
    pub fn day_entries(&self, date: NaiveDate, entries: &[EntryRef]) -> DayEntries {
        DayEntries {
            iso: date.to_string(),
            date: self.locale().date(date),
            entries: entries.iter().map(|&e| self.entry(e)).collect(),
        }
    }
}
