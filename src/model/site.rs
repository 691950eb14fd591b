//! What a site's files say, checked and resolved, but with nothing derived
//! from the clock: that is [`crate::model::Snapshot`]'s job.
//!
//! All instants are UTC; the site's zone is kept for display and for
//! calendar-day arithmetic. Components are referred to by their index in
//! [`Site::components`] (display order).
//!
//! Entries ([`Incident`], [`Maintenance`] and what they hold) derive serde's
//! traits for the load cache only (`src/load/cache.rs`): a cached entry
//! deserializes to exactly what parsing its file gives. A change to these
//! types must bump the cache's `FORMAT`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::types::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

/// Index of a component in [`Site::components`].
pub type ComponentIdx = usize;

/// A whole site: `site.yaml`, every entry, and the theme files to use.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// In `site.yaml` order, which is display order.
    pub components: Vec<Component>,
    /// Groups in first-appearance order, each with its components in order.
    /// Components without a group form a group with `name: None`, placed
    /// where their first member appears.
    pub groups: Vec<Group>,
    /// Sorted by start, then id.
    pub incidents: Vec<Incident>,
    /// Sorted by (effective) window start, then id.
    pub maintenances: Vec<Maintenance>,
    pub theme: Theme,
    /// The texts in the site's further languages
    /// ([`SiteConfig::languages`]); [`Site::in_language`] puts them in place.
    pub translations: super::translation::Translations,
    /// Set by [`Site::as_of`]: when the earliest update it hid becomes
    /// published.
    pub next_publication: Option<DateTime<Utc>>,
}

/// The page-level keys of `site.yaml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    /// Absolute `http(s)` URL without a trailing slash.
    pub base_url: String,
    pub description: Option<String>,
    pub time_zone: Tz,
    /// The language of the site's text and pages, a BCP 47 tag: `language`
    /// in `site.yaml` (default `en`), or the language a copy made by
    /// [`Site::in_language`] is in.
    pub language: String,
    /// Every language the site is published in: the default language
    /// (`language` in `site.yaml`, at the output's root) first, then
    /// `languages:` in the order written (each under `/TAG/`). Never
    /// empty once loaded; the same in every [`Site::in_language`] copy.
    pub languages: Vec<String>,
    pub theme: String,
    /// Days of uptime history shown (default 90).
    pub uptime_days: u32,
    /// `stale_after`: once the status page is this much older than its
    /// build, its script says so (see [`crate::render::state::stale_after`]
    /// for the shorter limit during an incident). Default 36 h; from 1 min
    /// to 366 days.
    pub stale_after: std::time::Duration,
    pub links: Vec<Link>,
    /// Path under `static/`.
    pub logo: Option<String>,
    /// Path under `static/`.
    pub favicon: Option<String>,
    /// A CSS colour as the author wrote it.
    pub accent_color: Option<String>,
    pub allow_raw_html: bool,
    /// `pin_browser_clock: true`: the page script takes the build's
    /// reference time (`--now`) as the time, not the reader's clock, so the
    /// page shows the build's state on any day. For example sites and
    /// tests only (docs/content-format.md); a real page moves on.
    pub pin_browser_clock: bool,
}

/// A `{title, url}` link for the header and footer.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A component of the service, as `site.yaml` lists it.
#[derive(Debug, Clone)]
pub struct Component {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub group: Option<String>,
    /// Uptime is not counted before this day (in the site's zone).
    pub start_date: Option<NaiveDate>,
}

/// A display group of components.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: Option<String>,
    pub members: Vec<ComponentIdx>,
}

/// Text written in Markdown, with its HTML rendered once at load time
/// (sanitized unless the site allows raw HTML).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Markdown {
    pub source: String,
    pub html: String,
}

impl Markdown {
    /// True when the author wrote nothing but white space.
    pub fn is_empty(&self) -> bool {
        self.source.trim().is_empty()
    }
}

/// An incident entry.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Incident {
    pub id: String,
    /// Path inside the site folder, e.g. `incidents/2026/2026-11-20-api.md`.
    pub path: PathBuf,
    pub title: String,
    pub impact: Impact,
    /// `started`, or the first update's time.
    pub started: DateTime<Utc>,
    /// Affected components and their status from `started` on, in the
    /// order written.
    pub components: Vec<(ComponentIdx, ComponentStatus)>,
    /// Never empty; sorted by `at` (stable for equal times).
    pub updates: Vec<IncidentUpdate>,
    /// The Markdown body (`.md`) or `postmortem:` (`.yaml`).
    pub postmortem: Option<Markdown>,
    /// When the postmortem is published (UTC): `postmortem_published_at`,
    /// or by default the time of the incident's last update. `Some` exactly
    /// when [`Incident::postmortem`] is; [`Site::as_of`] hides a postmortem
    /// published after `now`. Statuspage's `postmortem_published_at`.
    pub postmortem_published_at: Option<DateTime<Utc>>,
    /// The texts left in the default language in a translated copy
    /// ([`Site::in_language`]); never cached.
    #[serde(skip)]
    pub fallback: super::translation::Fallback,
}

/// One update of an incident.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct IncidentUpdate {
    /// Position of the update in the file's `updates` list (0-based), for
    /// pointing diagnostics at it.
    pub index: usize,
    pub at: DateTime<Utc>,
    pub status: IncidentStatus,
    pub message: Markdown,
    pub next_update: Option<DateTime<Utc>>,
    /// Component statuses from this update on, merged over earlier ones.
    pub components: Vec<(ComponentIdx, ComponentStatus)>,
    /// In a translated copy ([`Site::in_language`]): the language the
    /// message is in, when it has no translation. Never cached.
    #[serde(skip)]
    pub fallback: Option<String>,
}

impl Incident {
    /// The time the incident was resolved: the time of its last `resolved`
    /// update, if its latest update is `resolved`; `None` while ongoing.
    pub fn resolved_at(&self) -> Option<DateTime<Utc>> {
        let last = self.updates.last()?;
        (last.status == IncidentStatus::Resolved).then_some(last.at)
    }

    /// The latest update (an incident always has one).
    pub fn latest(&self) -> &IncidentUpdate {
        self.updates.last().expect("an incident has at least one update")
    }

    /// The time of the newest update.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.latest().at
    }

    /// Every affected component with the intervals in which it had each
    /// status: `(component, from, until, status)`, `until` being `None`
    /// while the incident is ongoing. Operational stretches are left out.
    pub fn component_segments(&self) -> Vec<Segment> {
        let end = self.resolved_at();
        let mut current: Vec<(ComponentIdx, ComponentStatus, DateTime<Utc>)> =
            self.components.iter().map(|&(c, s)| (c, s, self.started)).collect();
        let mut out = Vec::new();
        for update in &self.updates {
            if end.is_some_and(|e| update.at >= e) {
                break;
            }
            for &(c, status) in &update.components {
                match current.iter_mut().find(|(k, ..)| *k == c) {
                    Some(entry) if entry.1 != status => {
                        push_segment(&mut out, c, entry.2, Some(update.at), entry.1);
                        *entry = (c, status, update.at);
                    }
                    Some(_) => {}
                    None => current.push((c, status, update.at)),
                }
            }
        }
        for (c, status, from) in current {
            push_segment(&mut out, c, from, end, status);
        }
        out
    }

    /// Each affected component's status as of the latest update (after
    /// merging every update's changes), in first-mention order.
    pub fn current_components(&self) -> Vec<(ComponentIdx, ComponentStatus)> {
        let mut current = self.components.clone();
        for update in &self.updates {
            for &(c, status) in &update.components {
                match current.iter_mut().find(|(k, _)| *k == c) {
                    Some(entry) => entry.1 = status,
                    None => current.push((c, status)),
                }
            }
        }
        current
    }

    /// Each affected component's worst status at any point of the incident,
    /// in first-mention order: what a resolved incident did at its peak.
    pub fn peak_components(&self) -> Vec<(ComponentIdx, ComponentStatus)> {
        let mut peak = self.components.clone();
        for update in &self.updates {
            for &(c, status) in &update.components {
                match peak.iter_mut().find(|(k, _)| *k == c) {
                    Some(entry) => entry.1 = entry.1.max(status),
                    None => peak.push((c, status)),
                }
            }
        }
        peak
    }

    /// Every component the incident touches at any time, in first-mention
    /// order.
    pub fn affected(&self) -> Vec<ComponentIdx> {
        self.current_components().into_iter().map(|(c, _)| c).collect()
    }
}

/// A stretch of time in which an incident held a component in one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub component: ComponentIdx,
    pub from: DateTime<Utc>,
    /// `None`: still going on.
    pub until: Option<DateTime<Utc>>,
    pub status: ComponentStatus,
}

fn push_segment(
    out: &mut Vec<Segment>,
    component: ComponentIdx,
    from: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
    status: ComponentStatus,
) {
    if status != ComponentStatus::Operational && until.is_none_or(|u| u > from) {
        out.push(Segment {
            component,
            from,
            until,
            status,
        });
    }
}

/// A scheduled maintenance entry.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Maintenance {
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    /// Components and the status they take while the work is in progress
    /// (`under_maintenance` unless the entry maps them to another).
    pub components: Vec<(ComponentIdx, ComponentStatus)>,
    /// The window as first announced.
    pub scheduled_for: DateTime<Utc>,
    pub scheduled_until: DateTime<Utc>,
    /// `cancelled: true` at the top of the file. Whether the maintenance is
    /// cancelled is [`Maintenance::is_cancelled`], which also counts a
    /// cancelling update.
    pub cancelled: bool,
    /// Sorted by `at`; may be empty.
    pub updates: Vec<MaintenanceUpdate>,
    /// The Markdown body (details).
    pub body: Option<Markdown>,
    /// The texts left in the default language in a translated copy
    /// ([`Site::in_language`]); never cached.
    #[serde(skip)]
    pub fallback: super::translation::Fallback,
}

/// One update of a maintenance.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MaintenanceUpdate {
    /// Position of the update in the file's `updates` list (0-based).
    pub index: usize,
    pub at: DateTime<Utc>,
    pub status: MaintenanceStatus,
    pub message: Markdown,
    /// A new window start from this update on.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// A new window end from this update on.
    pub scheduled_until: Option<DateTime<Utc>>,
    /// `cancelled: true`: this update calls the maintenance off (its status
    /// is then `completed`, as Statuspage, which has no cancelled status,
    /// reports a called-off maintenance). What `allclear cancel` writes.
    pub cancels: bool,
    /// In a translated copy ([`Site::in_language`]): the language the
    /// message is in, when it has no translation. Never cached.
    #[serde(skip)]
    pub fallback: Option<String>,
}

/// A maintenance window after every reschedule, and how many updates
/// revised it: iCalendar's SEQUENCE (RFC 5545 §3.8.7.4), which a calendar
/// client compares to know an event changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Start, then end, of the window in force (UTC).
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Updates that moved the window (`scheduled_for`/`scheduled_until`
    /// different from the window before them) or called the maintenance
    /// off (`cancelled: true`), plus one for a top-level `cancelled: true`
    /// that no cancelling update announced: a cancelled event is always a
    /// revision of the one subscribers first received.
    pub reschedules: u32,
}

impl Maintenance {
    /// The window in force after all updates (content format: "the window is
    /// rescheduled from that update on"), with the number of revisions
    /// (see [`Window::reschedules`]). Only the updates in `self.updates`
    /// count: a build at `now` has already dropped those dated after it.
    pub fn window(&self) -> Window {
        let mut w = Window {
            from: self.scheduled_for,
            until: self.scheduled_until,
            reschedules: 0,
        };
        for u in &self.updates {
            let from = u.scheduled_for.unwrap_or(w.from);
            let until = u.scheduled_until.unwrap_or(w.until);
            if (from, until) != (w.from, w.until) || u.cancels {
                w = Window {
                    from,
                    until,
                    reschedules: w.reschedules + 1,
                };
            }
        }
        if self.cancelled && !self.updates.iter().any(|u| u.cancels) {
            w.reschedules += 1;
        }
        w
    }

    /// Whether the maintenance is called off: `cancelled: true` at the top
    /// of the file, or a (published) update with `cancelled: true`.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled || self.updates.iter().any(|u| u.cancels)
    }

    /// The time of the newest update, or the window start without updates.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updates.last().map(|u| u.at).unwrap_or(self.scheduled_for)
    }
}

/// The templates, static files and message files the site is rendered
/// with: the theme's, with the site's own `templates/`, `static/` and
/// `i18n/` laid over them.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// `(name, Tera source)`, e.g. `("index.html", "...")`.
    pub templates: Vec<(String, String)>,
    /// Sorted by path under the output root, one file per path.
    pub static_files: Vec<StaticFile>,
    /// The interface's message files (Fluent), layer by layer: the
    /// built-in theme's, a named theme's, the site's; within a layer
    /// sorted by name. A later file's message replaces an earlier one's of
    /// the same id and language (see [`crate::i18n`]). Each parsed at load.
    pub messages: Vec<MessageFile>,
}

/// One Fluent message file (`i18n/LANG.ftl`), checked to parse at load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageFile {
    /// The language it is in, from its name: `en` for `en.ftl`, `pt-BR`
    /// for `pt-BR.ftl` (a BCP 47 language tag, as `unic-langid` reads it).
    pub language: String,
    /// The Fluent source (Project Fluent syntax 1.0).
    pub text: String,
    /// The file as the user names it (`site/i18n/de.ftl`); `None` for the
    /// built-in theme's.
    pub source: Option<PathBuf>,
}

/// A file copied as it is to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path under the output root (and under `static/`), e.g. `logo.svg`.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// The file as the user names it (`site/static/logo.svg`,
    /// `site/themes/NAME/static/style.css`); `None` for the built-in theme's.
    pub source: Option<PathBuf>,
}

/// An update or a postmortem dated after the build's `now`: hidden from
/// this build ([`Site::as_of`]) until then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FutureUpdate {
    /// The entry's file, inside the site folder.
    pub path: PathBuf,
    /// When it is published (UTC).
    pub at: DateTime<Utc>,
    pub what: Hidden,
}

/// What a [`FutureUpdate`] hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Update `index` (its position in the file's `updates` list,
    /// [`IncidentUpdate::index`] or [`MaintenanceUpdate::index`]).
    Update { index: usize },
    /// The postmortem of `site.incidents[incident]`, at its
    /// [`Incident::postmortem_published_at`].
    Postmortem { incident: usize },
}

impl Site {
    /// The site as it stood at `now`: updates dated after `now` are not
    /// published yet, and an incident whose first update is after `now` did
    /// not exist yet. A postmortem published after `now`
    /// ([`Incident::postmortem_published_at`]) is hidden. Maintenance
    /// entries stay (they are announced by their file), without their
    /// future updates. [`Site::next_publication`] says when the earliest
    /// hidden update comes out.
    ///
    /// Borrows when nothing is in the future, which is the usual case, and
    /// copies the site otherwise. [`crate::model::Snapshot::new`] cuts its
    /// site with this, so every derived state is of a cut site.
    pub fn as_of(&self, now: DateTime<Utc>) -> std::borrow::Cow<'_, Site> {
        if !self.has_future(now) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut cut = self.clone();
        cut.next_publication = self.future_updates(now).iter().map(|f| f.at).min();
        cut.incidents.retain_mut(|i| {
            i.updates.retain(|u| u.at <= now);
            if i.postmortem_published_at.is_some_and(|at| at > now) {
                i.postmortem = None;
                i.postmortem_published_at = None;
            }
            !i.updates.is_empty()
        });
        for m in &mut cut.maintenances {
            m.updates.retain(|u| u.at <= now);
        }
        std::borrow::Cow::Owned(cut)
    }

    fn has_future(&self, now: DateTime<Utc>) -> bool {
        self.incidents
            .iter()
            .any(|i| i.updated_at() > now || i.postmortem_published_at.is_some_and(|at| at > now))
            || self
                .maintenances
                .iter()
                .any(|m| m.updates.last().is_some_and(|u| u.at > now))
    }

    /// Every update, and every postmortem, dated after `now`, in site
    /// order: the incidents' updates (incidents in [`Site::incidents`]
    /// order, each one's updates in file order), then the maintenances'
    /// updates alike, then the incidents' postmortems.
    pub fn future_updates(&self, now: DateTime<Utc>) -> Vec<FutureUpdate> {
        let incidents = self
            .incidents
            .iter()
            .flat_map(|i| i.updates.iter().map(move |u| (&i.path, u.index, u.at)));
        let maintenances = self
            .maintenances
            .iter()
            .flat_map(|m| m.updates.iter().map(move |u| (&m.path, u.index, u.at)));
        let updates = incidents
            .chain(maintenances)
            .filter(|&(_, _, at)| at > now)
            .map(|(path, index, at)| FutureUpdate {
                path: path.clone(),
                at,
                what: Hidden::Update { index },
            });
        let postmortems = self.incidents.iter().enumerate().filter_map(|(incident, i)| {
            Some(FutureUpdate {
                path: i.path.clone(),
                at: i.postmortem_published_at.filter(|&at| at > now)?,
                what: Hidden::Postmortem { incident },
            })
        });
        updates.chain(postmortems).collect()
    }
}
