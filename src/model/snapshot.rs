//! The derived state of a site at one instant, `now`: what every renderer
//! reads, so the pages, feeds and API never disagree (content format,
//! "Derived state").

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use super::reliability::{self, Reliability};
use super::site::{Incident, Maintenance, Site, Window};
use super::types::{ComponentStatus, IncidentStatus, Indicator, MaintenanceStatus};
use super::uptime::{self, TaggedSegment, Uptime};

/// An incident or a maintenance, by index into the site's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryRef {
    Incident(usize),
    Maintenance(usize),
}

/// The page's overall status. Its words (Statuspage's description, like
/// "Partial System Outage") are the renderers' ([`Indicator::description`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageStatus {
    pub indicator: Indicator,
}

/// A component's state at `now`.
#[derive(Debug, Clone)]
pub struct ComponentState {
    pub status: ComponentStatus,
    pub uptime: Uptime,
    /// Outages, MTTR and MTBF over the uptime's twelve months.
    pub reliability: Reliability,
}

/// An incident's state at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncidentState {
    /// The latest update's status.
    pub status: IncidentStatus,
    pub ongoing: bool,
    pub resolved_at: Option<DateTime<Utc>>,
    /// The next update an ongoing incident's latest update promises
    /// (`next_update`); `None` once resolved or when none is promised.
    pub promise: Option<Promise>,
}

/// A promised next update, and whether it is overdue at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promise {
    /// The time the next update was promised by (UTC).
    pub by: DateTime<Utc>,
    /// `now` has reached `by` (at that very instant too, so that the
    /// rebuild `next-change.json` asks for at `by` shows it) and no newer
    /// update is published.
    pub overdue: bool,
}

/// A maintenance's state at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaintenanceState {
    /// `completed` when its latest update says so, whenever that was
    /// written; otherwise from the newest of: its latest update, and the
    /// clock's transitions (`in_progress` at the window start, `completed`
    /// at its end).
    pub status: MaintenanceStatus,
    pub window: Window,
    pub cancelled: bool,
    /// Ended by an author's `completed` update (its latest): the clock no
    /// longer opens or closes it, even if the window is still ahead.
    pub finished: bool,
}

impl MaintenanceState {
    /// In progress or verifying, and not cancelled: its components are
    /// under maintenance now.
    pub fn is_active(&self) -> bool {
        !self.cancelled && self.status.is_active()
    }

    /// Scheduled and not cancelled.
    pub fn is_upcoming(&self) -> bool {
        !self.cancelled && self.status == MaintenanceStatus::Scheduled
    }

    /// Whether the clock still moves it: neither cancelled nor ended by a
    /// `completed` update.
    pub fn follows_clock(&self) -> bool {
        !self.cancelled && !self.finished
    }
}

/// One month of the history archive.
#[derive(Debug, Clone)]
pub struct Month {
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    /// Newest first.
    pub entries: Vec<EntryRef>,
}

/// One calendar day (site zone) with the entries that started on it.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: NaiveDate,
    /// Newest first.
    pub entries: Vec<EntryRef>,
}

/// Something the clock alone will change on the page after `now`
/// (see [`Snapshot::next_changes`]). Facts only: the renderers word them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClockChange {
    /// Maintenance `site.maintenances[m]`'s window opens.
    MaintenanceStarts(usize),
    /// Maintenance `site.maintenances[m]`'s window closes.
    MaintenanceEnds(usize),
    /// The next update that ongoing incident `site.incidents[i]`'s latest
    /// update promises falls due.
    UpdateDue(usize),
    /// An update dated in the future ([`Site::next_publication`]) is
    /// published.
    Publication,
    /// Midnight in the site's zone: the day bars and the past seven days
    /// move on.
    NewDay,
}

/// Everything derived from a [`Site`] at one instant.
#[derive(Debug)]
pub struct Snapshot<'s> {
    /// The site as it stood at `now` ([`Site::as_of`]): borrowed when
    /// nothing in it is dated after `now`, a cut copy otherwise. Indices in
    /// the fields below point into this site, not the one given to
    /// [`Snapshot::new`].
    pub site: Cow<'s, Site>,
    /// The build's one reference time.
    pub now: DateTime<Utc>,
    /// The day of `now` in the site's zone.
    pub today: NaiveDate,
    pub status: PageStatus,
    /// Parallel to `site.components`.
    pub components: Vec<ComponentState>,
    /// Parallel to `site.incidents`.
    pub incidents: Vec<IncidentState>,
    /// Parallel to `site.maintenances`.
    pub maintenances: Vec<MaintenanceState>,
    /// Ongoing incidents, newest first.
    pub ongoing: Vec<usize>,
    /// Maintenances in progress or verifying, soonest end first.
    pub active_maintenance: Vec<usize>,
    /// Scheduled maintenances, soonest first.
    pub upcoming_maintenance: Vec<usize>,
    /// Per component: the entries that affect it, newest first.
    pub by_component: Vec<Vec<EntryRef>>,
    /// Every month with entries, newest first.
    pub history: Vec<Month>,
    /// The past 7 days, today first, quiet days included.
    pub recent_days: Vec<Day>,
    /// The last time anything on the page changed, at or before `now`: an
    /// update, or a maintenance window opening or closing by the clock.
    /// `None` for a site with no entries.
    pub last_change: Option<DateTime<Utc>>,
}

/// Days the front page looks back ("past 7 days").
pub const RECENT_DAYS: u64 = 7;

impl<'s> Snapshot<'s> {
    /// Derive the state of `site` at `now`: first cut the site at `now`
    /// ([`Site::as_of`]: what is dated later is not published yet), then
    /// derive every state from the cut site. Pure; cost linear in the number
    /// of entries and updates. The commands reach this through
    /// [`crate::pipeline::prepare`].
    pub fn new(site: &'s Site, now: DateTime<Utc>) -> Self {
        Self::derive(site.as_of(now), now)
    }

    /// This snapshot with its site read in `lang` ([`Site::in_language`]):
    /// the derived state is kept as it is, since a translation changes
    /// texts only, never a fact, an order or an index. Costs one copy of
    /// the site.
    pub fn in_language(&self, lang: &str) -> Snapshot<'s> {
        Snapshot {
            site: Cow::Owned(self.site.in_language(lang)),
            now: self.now,
            today: self.today,
            status: self.status,
            components: self.components.clone(),
            incidents: self.incidents.clone(),
            maintenances: self.maintenances.clone(),
            ongoing: self.ongoing.clone(),
            active_maintenance: self.active_maintenance.clone(),
            upcoming_maintenance: self.upcoming_maintenance.clone(),
            by_component: self.by_component.clone(),
            history: self.history.clone(),
            recent_days: self.recent_days.clone(),
            last_change: self.last_change,
        }
    }

    /// [`Snapshot::new`] for a site already cut at `now`.
    fn derive(cut: Cow<'s, Site>, now: DateTime<Utc>) -> Self {
        let site: &Site = &cut;
        let zone = site.config.time_zone;
        let today = now.with_timezone(&zone).date_naive();
        let incidents: Vec<IncidentState> = site.incidents.iter().map(|i| incident_state(i, now)).collect();
        let maintenances: Vec<MaintenanceState> = site.maintenances.iter().map(|m| maintenance_state(m, now)).collect();

        let mut ongoing: Vec<usize> = (0..incidents.len()).filter(|&i| incidents[i].ongoing).collect();
        ongoing.sort_by_key(|&i| std::cmp::Reverse((site.incidents[i].updated_at(), i)));
        let mut active_maintenance: Vec<usize> = (0..maintenances.len())
            .filter(|&i| maintenances[i].is_active())
            .collect();
        active_maintenance.sort_by_key(|&i| maintenances[i].window.until);
        let mut upcoming_maintenance: Vec<usize> = (0..maintenances.len())
            .filter(|&i| maintenances[i].is_upcoming())
            .collect();
        upcoming_maintenance.sort_by_key(|&i| maintenances[i].window.from);

        let statuses = component_statuses(site, &ongoing, &active_maintenance);
        let status = PageStatus {
            indicator: page_indicator(site, &ongoing, &active_maintenance, &statuses),
        };
        let uptimes = uptimes(site, now);
        let components = statuses
            .into_iter()
            .zip(uptimes)
            .map(|(status, (uptime, reliability))| ComponentState {
                status,
                uptime,
                reliability,
            })
            .collect();

        let (history, recent_days) = history(site, &maintenances, today);
        let last_change = last_change(site, &maintenances, now);
        let by_component = by_component(site);
        Snapshot {
            site: cut,
            now,
            today,
            status,
            components,
            incidents,
            by_component,
            maintenances,
            ongoing,
            active_maintenance,
            upcoming_maintenance,
            history,
            recent_days,
            last_change,
        }
    }

    /// Everything that will change the page by the clock alone, after
    /// `now`, soonest first: maintenance windows opening and closing,
    /// promised updates falling due, hidden updates being published, and
    /// the next midnight in the site's zone (the day bars and the past
    /// seven days move on).
    ///
    /// Changes at the same instant come in the order of [`ClockChange`]'s
    /// variants, then by index.
    pub fn next_changes(&self) -> Vec<(DateTime<Utc>, ClockChange)> {
        let site: &Site = &self.site;
        let mut out: Vec<(DateTime<Utc>, ClockChange)> = Vec::new();
        for (m, state) in self.maintenances.iter().enumerate() {
            if !state.follows_clock() {
                continue;
            }
            out.push((state.window.from, ClockChange::MaintenanceStarts(m)));
            out.push((state.window.until, ClockChange::MaintenanceEnds(m)));
        }
        for &i in &self.ongoing {
            if let Some(next) = site.incidents[i].latest().next_update {
                out.push((next, ClockChange::UpdateDue(i)));
            }
        }
        if let Some(t) = site.next_publication {
            out.push((t, ClockChange::Publication));
        }
        let midnight = uptime::start_of_day(self.today + Days::new(1), site.config.time_zone);
        out.push((midnight, ClockChange::NewDay));
        out.retain(|(t, _)| *t > self.now);
        out.sort();
        out
    }

    /// When an entry started: an incident's start, a maintenance's window
    /// start.
    pub fn entry_start(&self, entry: EntryRef) -> DateTime<Utc> {
        match entry {
            EntryRef::Incident(i) => self.site.incidents[i].started,
            EntryRef::Maintenance(m) => self.maintenances[m].window.from,
        }
    }
}

/// See [`Snapshot::last_change`].
fn last_change(site: &Site, states: &[MaintenanceState], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let updates = site.incidents.iter().map(Incident::updated_at);
    let maintenance = site.maintenances.iter().zip(states).flat_map(|(m, s)| {
        let updated = m.updates.last().map(|u| u.at);
        // After a `completed` update, the window's times change nothing.
        let clock = (!s.cancelled).then_some([s.window.from, s.window.until]);
        let clock = clock
            .into_iter()
            .flatten()
            .filter(move |&t| !s.finished || updated.is_some_and(|u| t <= u));
        updated.into_iter().chain(clock)
    });
    updates.chain(maintenance).filter(|&t| t <= now).max()
}

fn incident_state(incident: &Incident, now: DateTime<Utc>) -> IncidentState {
    let latest = incident.latest();
    let ongoing = latest.status != IncidentStatus::Resolved;
    IncidentState {
        status: latest.status,
        ongoing,
        resolved_at: incident.resolved_at(),
        promise: latest
            .next_update
            .filter(|_| ongoing)
            .map(|by| Promise { by, overdue: now >= by }),
    }
}

/// A maintenance's status at `now` (content format: "Maintenance status and
/// the clock"). A latest update that says `completed` ends it whenever it
/// was written, even before the window opens: the clock never reopens it.
/// Otherwise, where the updates say nothing newer, the status follows the
/// clock; an update at the very instant of a transition wins over it.
pub fn maintenance_state(m: &Maintenance, now: DateTime<Utc>) -> MaintenanceState {
    let window = m.window();
    let finished = m
        .updates
        .last()
        .is_some_and(|u| u.status == MaintenanceStatus::Completed);
    let clock = if now >= window.until {
        Some((window.until, MaintenanceStatus::Completed))
    } else if now >= window.from {
        Some((window.from, MaintenanceStatus::InProgress))
    } else {
        None
    };
    let status = match (m.updates.last(), clock) {
        _ if finished => MaintenanceStatus::Completed,
        (Some(u), Some((t, s))) => {
            if u.at >= t {
                u.status
            } else {
                s
            }
        }
        (Some(u), None) => u.status,
        (None, Some((_, s))) => s,
        (None, None) => MaintenanceStatus::Scheduled,
    };
    MaintenanceState {
        status,
        window,
        cancelled: m.is_cancelled(),
        finished,
    }
}

/// Each component's status (parallel to `site.components`): the worst
/// status among the ongoing incidents `ongoing` and the maintenances in
/// progress `active` (indices into `site.incidents` and
/// `site.maintenances`) that list it, `operational` if none does (content
/// format, "Derived state"). With `active` empty: the statuses from
/// incidents alone, which a page's script lays maintenance windows over.
pub fn component_statuses(site: &Site, ongoing: &[usize], active: &[usize]) -> Vec<ComponentStatus> {
    let mut out = vec![ComponentStatus::Operational; site.components.len()];
    for &i in ongoing {
        for (c, s) in site.incidents[i].current_components() {
            out[c] = out[c].max(s);
        }
    }
    for &m in active {
        for &(c, s) in &site.maintenances[m].components {
            out[c] = out[c].max(s);
        }
    }
    out
}

/// The page indicator: the worst of the ongoing incidents' impacts and of
/// the components' `statuses` (from [`component_statuses`] with the same
/// `ongoing` and `active`); `maintenance` when maintenance in progress is
/// the only thing going on (content format, "Derived state"; Statuspage's
/// `status.indicator`: the public Status API documentation every
/// Statuspage page serves at `/api`, e.g. <https://www.githubstatus.com/api>).
pub fn page_indicator(site: &Site, ongoing: &[usize], active: &[usize], statuses: &[ComponentStatus]) -> Indicator {
    let from_incidents = ongoing
        .iter()
        .map(|&i| Indicator::from_impact(site.incidents[i].impact));
    let from_components = statuses.iter().map(|&s| Indicator::from_component(s));
    let mut indicator = from_incidents.chain(from_components).max().unwrap_or(Indicator::None);
    if indicator == Indicator::None && !active.is_empty() {
        indicator = Indicator::Maintenance;
    }
    indicator
}

/// Uptime and outage statistics of every component. Segments are gathered
/// in one pass over the incidents, keeping only those that reach into the
/// uptime span.
fn uptimes(site: &Site, now: DateTime<Utc>) -> Vec<(Uptime, Reliability)> {
    let zone = site.config.time_zone;
    let days = site.config.uptime_days;
    let today = now.with_timezone(&zone).date_naive();
    let window_start = uptime::start_of_day(uptime::span_start(today, days), zone);
    let mut per_component: Vec<Vec<TaggedSegment>> = vec![Vec::new(); site.components.len()];
    for (i, incident) in site.incidents.iter().enumerate() {
        if incident.resolved_at().is_some_and(|r| r < window_start) || incident.started > now {
            continue;
        }
        for seg in incident.component_segments() {
            if seg.until.is_none_or(|u| u > window_start) && seg.from < now {
                per_component[seg.component].push((i, seg));
            }
        }
    }
    per_component
        .iter()
        .zip(&site.components)
        .map(|(segs, c)| {
            let up = uptime::component_uptime(segs, c.start_date, days, zone, now);
            let since = up.months.first().map_or(window_start, |m| {
                let first = NaiveDate::from_ymd_opt(m.year, m.month, 1).expect("a month has a first day");
                uptime::start_of_day(first, zone)
            });
            (up, reliability::reliability(segs, &site.incidents, since))
        })
        .collect()
}

/// For each component, the entries that touch it, newest first.
fn by_component(site: &Site) -> Vec<Vec<EntryRef>> {
    let mut out: Vec<Vec<(DateTime<Utc>, EntryRef)>> = vec![Vec::new(); site.components.len()];
    for (i, incident) in site.incidents.iter().enumerate() {
        for c in incident.affected() {
            out[c].push((incident.started, EntryRef::Incident(i)));
        }
    }
    for (m, maintenance) in site.maintenances.iter().enumerate() {
        let from = maintenance.window().from;
        for &(c, _) in &maintenance.components {
            out[c].push((from, EntryRef::Maintenance(m)));
        }
    }
    out.into_iter()
        .map(|mut v| {
            v.sort_by_key(|e| std::cmp::Reverse(e.0));
            v.into_iter().map(|(_, e)| e).collect()
        })
        .collect()
}

/// The archive by month (site zone), newest first, and the past
/// [`RECENT_DAYS`] days. Upcoming maintenance is not history yet.
fn history(site: &Site, states: &[MaintenanceState], today: NaiveDate) -> (Vec<Month>, Vec<Day>) {
    let zone = site.config.time_zone;
    let mut dated: Vec<(DateTime<Utc>, EntryRef)> = site
        .incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| (inc.started, EntryRef::Incident(i)))
        .chain(
            states
                .iter()
                .enumerate()
                .filter(|(_, s)| s.status != MaintenanceStatus::Scheduled || s.cancelled)
                .map(|(m, s)| (s.window.from, EntryRef::Maintenance(m))),
        )
        .collect();
    dated.sort_by_key(|e| std::cmp::Reverse(e.0));

    let oldest_recent = today - Days::new(RECENT_DAYS - 1);
    let mut recent: Vec<Day> = (0..RECENT_DAYS)
        .map(|k| Day {
            date: today - Days::new(k),
            entries: Vec::new(),
        })
        .collect();
    let mut months: Vec<Month> = Vec::new();
    for (t, entry) in dated {
        let date = t.with_timezone(&zone).date_naive();
        if date >= oldest_recent && date <= today {
            let k = (today - date).num_days() as usize;
            recent[k].entries.push(entry);
        }
        match months.last_mut() {
            Some(m) if m.year == date.year() && m.month == date.month() => m.entries.push(entry),
            _ => months.push(Month {
                year: date.year(),
                month: date.month(),
                entries: vec![entry],
            }),
        }
    }
    (months, recent)
}
