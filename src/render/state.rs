//! The state a page embeds for its script (`<script type="application/json"
//! id="allclear-state">`, read by `themes/default/templates/allclear.js`):
//! what the script needs to keep that page true between builds, and only
//! for what that page shows.
//!
//! ```json
//! {"base": "major", "built": "2026-11-20T15:00:00Z", "ongoing": true,
//!  "comps": {"api": "degraded_performance"},
//!  "maint": [{"id": "…", "from": "…", "until": "…", "status": "in_progress",
//!             "comps": {"search": "under_maintenance"}}]},
//!  "stale": 900, "zone": "Europe/Berlin"}
//! ```
//!
//! - `built`: the reference time, RFC 3339 UTC; `ongoing`: whether an
//!   incident is; `base`: the page indicator from incidents alone.
//! - `comps`: each component the page shows a status of (`data-component`),
//!   with its status from incidents alone: every component on the status
//!   page, its own on a component's page, none elsewhere.
//! - `maint`: each maintenance still to open or close (neither cancelled
//!   nor over) that the page shows (`data-maintenance`) or whose components
//!   it shows, with its window and, of its components, those in `comps`:
//!   all on the status page, those touching the component on its page, the
//!   listed ones on a maintenance or history page.
//!
//! - `stale`: seconds after `built` when the page says it may be out of
//!   date ([`stale_after`]); `zone`: the site's IANA time zone,
//!   whose days the uptime bars count (the script moves them on to the
//!   real day, adding "no data" days after the build).
//! - `pin`: present only with `pin_browser_clock: true` in `site.yaml`,
//!   and only on live pages (below): the build's reference time (RFC 3339,
//!   UTC), which the script then takes as the time on any day. Fixed pages
//!   carry none, so that pinning does not put the build time back into
//!   them; nothing on them moves with the clock but times in words within
//!   the hour after their last change.
//!
//! A page whose content no longer changes with the clock ([`Freshness`]:
//! a resolved incident, a finished or cancelled maintenance, a history
//! month or the archive without an open entry, the 404 and embed pages)
//! embeds no build time, so that a rebuild leaves its bytes alone: its
//! `built` is the time of its own last change (absent when it has none),
//! and it has no `ongoing`, `base` or `stale`, so the script never calls it
//! out of date.
//!
//! A page's state therefore grows with what the page shows, and the site's
//! output grows linearly with its components, not with their square.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::format;
use crate::model::{ComponentIdx, ComponentStatus, EntryRef, Indicator, Snapshot, component_statuses, page_indicator};

/// The longest a status page may go unrebuilt during an incident before
/// its script says so: 15 minutes, the usual promise of the next update
/// (content format, "Derived state", staleness).
pub const STALE_DURING_INCIDENT: chrono::Duration = chrono::Duration::minutes(15);

/// How old the status page may get before its script says it is out of
/// date (`stale`): the site's `stale_after` (default 36 h), but at most
/// [`STALE_DURING_INCIDENT`] while an incident is ongoing, when every
/// minute of news counts (content format, "site.yaml").
pub fn stale_after(snap: &Snapshot<'_>) -> chrono::Duration {
    let configured = chrono::Duration::from_std(snap.site.config.stale_after).unwrap_or(chrono::Duration::MAX);
    if snap.ongoing.is_empty() {
        configured
    } else {
        configured.min(STALE_DURING_INCIDENT)
    }
}

/// The state from the ongoing incidents alone, before maintenance is laid
/// over it: what a page's script (and the clock-driven parts of the API
/// and badges) starts from when the clock opens or closes a maintenance
/// window after the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentsAlone {
    /// Parallel to `site.components` (`comps`).
    pub statuses: Vec<ComponentStatus>,
    /// The page indicator (`base`).
    pub indicator: Indicator,
}

impl IncidentsAlone {
    /// The state of `snap` with no maintenance in progress
    /// ([`component_statuses`] and [`page_indicator`] over its ongoing
    /// incidents).
    pub fn of(snap: &Snapshot<'_>) -> Self {
        let statuses = component_statuses(&snap.site, &snap.ongoing, &[]);
        let indicator = page_indicator(&snap.site, &snap.ongoing, &[], &statuses);
        IncidentsAlone { statuses, indicator }
    }
}

/// Whether a page shows live state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The page shows state the clock moves (the status page, component
    /// pages, ongoing incidents, upcoming or active maintenance, a history
    /// month with one of these): it carries the build time, for the stale
    /// notice ("Page built …" and `built`).
    Live,
    /// The page's content depends only on its entries: it carries the time
    /// of its last change (UTC), or no time at all when it shows no entry,
    /// so that a rebuild writes the same bytes ("Last updated …").
    Fixed(Option<DateTime<Utc>>),
}

impl Freshness {
    /// The freshness of a page listing `entries`: live when one of them is
    /// an ongoing incident or a maintenance the clock still moves, else
    /// fixed at the newest of their last changes ([`changed_at`]).
    pub fn of(snap: &Snapshot<'_>, entries: &[EntryRef]) -> Freshness {
        let live = entries.iter().any(|&e| match e {
            EntryRef::Incident(i) => snap.incidents[i].ongoing,
            EntryRef::Maintenance(m) => {
                snap.maintenances[m].follows_clock() && snap.maintenances[m].window.until > snap.now
            }
        });
        if live {
            Freshness::Live
        } else {
            Freshness::Fixed(entries.iter().filter_map(|&e| changed_at(snap, e)).max())
        }
    }
}

/// When the page of `entry` last changed, at or before the snapshot's
/// `now`: an incident's latest update or its postmortem's publication; a
/// maintenance's latest update, or the clock opening or closing its window
/// (for one neither cancelled nor ended by a `completed` update).
pub fn changed_at(snap: &Snapshot<'_>, entry: EntryRef) -> Option<DateTime<Utc>> {
    let times: Vec<DateTime<Utc>> = match entry {
        EntryRef::Incident(i) => {
            let inc = &snap.site.incidents[i];
            vec![Some(inc.updated_at()), inc.postmortem_published_at]
                .into_iter()
                .flatten()
                .collect()
        }
        EntryRef::Maintenance(m) => {
            let (mt, state) = (&snap.site.maintenances[m], &snap.maintenances[m]);
            let clock = state.follows_clock().then_some([state.window.from, state.window.until]);
            mt.updates
                .iter()
                .map(|u| u.at)
                .chain(clock.into_iter().flatten())
                .collect()
        }
    };
    times.into_iter().filter(|&t| t <= snap.now).max()
}

/// Which part of the site's state a page embeds.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The status page: every component and open maintenance.
    Site,
    /// A component's page: that component and the open maintenances
    /// touching it.
    Component(ComponentIdx),
    /// A page listing these entries (a maintenance's page, a history
    /// month): their open maintenances, no component.
    Entries(&'a [EntryRef]),
    /// A page that shows no live status (an incident's page, 404, …).
    Nothing,
}

/// The site's state at the snapshot, from which each page's is cut.
pub struct State<'a, 's> {
    snap: &'a Snapshot<'s>,
    built: String,
    alone: IncidentsAlone,
    /// Per maintenance: whether the clock can still open or close it.
    open: Vec<bool>,
    /// Per component: the open maintenances touching it, in site order.
    touching: Vec<Vec<usize>>,
}

impl<'a, 's> State<'a, 's> {
    /// Index the open maintenances of `snap`, once per render.
    pub fn new(snap: &'a Snapshot<'s>) -> Self {
        let site = &snap.site;
        let open: Vec<bool> = snap
            .maintenances
            .iter()
            .map(|s| s.follows_clock() && s.window.until > snap.now)
            .collect();
        let mut touching = vec![Vec::new(); site.components.len()];
        for (m, maintenance) in site.maintenances.iter().enumerate().filter(|&(m, _)| open[m]) {
            for &(c, _) in &maintenance.components {
                if touching[c].last() != Some(&m) {
                    touching[c].push(m);
                }
            }
        }
        State {
            snap,
            built: format::iso_utc(snap.now),
            alone: IncidentsAlone::of(snap),
            open,
            touching,
        }
    }

    /// The JSON `scope` of the state for a page of `freshness`, with `<`
    /// escaped so that it is safe inside `<script>`.
    pub fn json(&self, scope: Scope<'_>, freshness: Freshness) -> String {
        let site = &self.snap.site;
        let (comps, maint): (Vec<ComponentIdx>, Vec<usize>) = match scope {
            Scope::Site => (
                (0..site.components.len()).collect(),
                (0..site.maintenances.len()).filter(|&m| self.open[m]).collect(),
            ),
            Scope::Component(c) => (vec![c], self.touching[c].clone()),
            Scope::Entries(entries) => (
                Vec::new(),
                entries
                    .iter()
                    .filter_map(|e| match *e {
                        EntryRef::Maintenance(m) if self.open[m] => Some(m),
                        _ => None,
                    })
                    .collect(),
            ),
            Scope::Nothing => (Vec::new(), Vec::new()),
        };
        let shown = |c: ComponentIdx| matches!(scope, Scope::Site) || comps.contains(&c);
        let statuses: Map<String, Value> = comps
            .iter()
            .map(|&c| (site.components[c].id.clone(), self.alone.statuses[c].as_str().into()))
            .collect();
        let maint: Vec<Value> = maint
            .into_iter()
            .map(|m| {
                let (maintenance, state) = (&site.maintenances[m], &self.snap.maintenances[m]);
                let comps: Map<String, Value> = maintenance
                    .components
                    .iter()
                    .filter(|&&(c, _)| shown(c))
                    .map(|&(c, status)| (site.components[c].id.clone(), status.as_str().into()))
                    .collect();
                json!({
                    "id": maintenance.id,
                    "from": format::iso_utc(state.window.from),
                    "until": format::iso_utc(state.window.until),
                    "status": state.status.as_str(),
                    "comps": comps,
                })
            })
            .collect();
        let mut state = json!({
            "comps": statuses,
            "maint": maint,
            "zone": site.config.time_zone.name(),
        });
        let live = match freshness {
            Freshness::Live => json!({
                "built": self.built,
                "ongoing": !self.snap.ongoing.is_empty(),
                "base": self.alone.indicator.as_str(),
                "stale": stale_after(self.snap).num_seconds(),
            }),
            Freshness::Fixed(Some(at)) => json!({"built": format::iso_utc(at)}),
            Freshness::Fixed(None) => json!({}),
        };
        if let (Value::Object(state), Value::Object(live)) = (&mut state, live) {
            state.extend(live);
        }
        if site.config.pin_browser_clock && matches!(freshness, Freshness::Live) {
            state["pin"] = json!(self.built);
        }
        serde_json::to_string(&state)
            .expect("always serializes")
            .replace('<', "\\u003c")
    }
}
