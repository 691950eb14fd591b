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
//!   date ([`Snapshot::stale_after`]); `zone`: the site's IANA time zone,
//!   whose days the uptime bars count (the script moves them on to the
//!   real day, adding "no data" days after the build).
//! - `pin`: present (`true`) only with `pin_browser_clock: true` in
//!   `site.yaml`: the script then takes `built` as the time on any day.
//!
//! A page's state therefore grows with what the page shows, and the site's
//! output grows linearly with its components, not with their square.

use serde_json::{Map, Value, json};

use super::format;
use crate::model::{ComponentIdx, EntryRef, Snapshot};

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
    /// Per maintenance: whether the clock can still open or close it.
    open: Vec<bool>,
    /// Per component: the open maintenances touching it, in site order.
    touching: Vec<Vec<usize>>,
}

impl<'a, 's> State<'a, 's> {
    /// Index the open maintenances of `snap`, once per render.
    pub fn new(snap: &'a Snapshot<'s>) -> Self {
        let site = snap.site;
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
            open,
            touching,
        }
    }

    /// The JSON `scope` of the state, with `<` escaped so that it is safe
    /// inside `<script>`.
    pub fn json(&self, scope: Scope<'_>) -> String {
        let site = self.snap.site;
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
            .map(|&c| {
                (
                    site.components[c].id.clone(),
                    self.snap.incident_statuses[c].as_str().into(),
                )
            })
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
        let state = json!({
            "built": self.built,
            "ongoing": !self.snap.ongoing.is_empty(),
            "base": self.snap.incident_indicator.as_str(),
            "comps": statuses,
            "maint": maint,
            "stale": self.snap.stale_after().num_seconds(),
            "zone": site.config.time_zone.name(),
        });
        let mut state = state;
        if site.config.pin_browser_clock {
            state["pin"] = json!(true);
        }
        serde_json::to_string(&state)
            .expect("always serializes")
            .replace('<', "\\u003c")
    }
}
