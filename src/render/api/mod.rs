//! `api/v2/`: Atlassian Statuspage's public v2 API as static JSON files, so
//! aggregators, exporters, bots and client libraries work against an
//! allclear site unchanged (reference: the Status API documentation every
//! Statuspage page serves at `/api`, e.g. <https://www.githubstatus.com/api>).
//!
//! Files: `summary.json`, `status.json`, `components.json`,
//! `incidents.json` (50 most recent), `incidents/unresolved.json`,
//! `scheduled-maintenances.json` (50 most recent),
//! `scheduled-maintenances/upcoming.json` and `.../active.json`, plus
//! allclear's `uptime.json`; and, at the output root, `embed-status.js`
//! (`status.json` as a script, for `embed.js` on other origins).
//!
//! Choices where Statuspage's behaviour has no allclear equivalent:
//! - ids are [`ids::api_id`] of our ids, so they are stable;
//! - an update's `body` is the author's Markdown source;
//! - a resolved incident with a published postmortem has status
//!   `postmortem`; an incident with one carries Statuspage's manage-API
//!   fields `postmortem_body` (Markdown source) and
//!   `postmortem_published_at`, and its `updated_at` counts that time;
//! - a maintenance the clock moved on gets Statuspage's automatic updates
//!   ("Scheduled maintenance is currently in progress...") unless an
//!   author's update is dated at or after that step, and none at all once
//!   the author's latest update says `completed` (early or not);
//! - a cancelled maintenance is `completed`, and never upcoming or active.

pub mod shapes;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{OutputFile, links};
use crate::model::{ComponentStatus, IncidentStatus, MaintenanceStatus, Snapshot};
use crate::{format, ids};
use shapes::{AffectedComponent, Component, Incident, IncidentUpdate, Page};

/// How many entries `incidents.json` and `scheduled-maintenances.json` hold.
pub const RECENT: usize = 50;

/// Statuspage's automatic update bodies, always English in the API; the
/// pages show them in their language (messages `maintenance-auto-*`).
pub(crate) const AUTO_IN_PROGRESS: &str =
    "Scheduled maintenance is currently in progress. We will provide updates as necessary.";
pub(crate) const AUTO_COMPLETED: &str = "The scheduled maintenance has been completed.";

/// Render every API file.
pub fn render(snap: &Snapshot<'_>) -> Vec<OutputFile> {
    let api = Api::new(snap);
    let incidents = |idx: &[usize]| idx.iter().map(|&i| api.incident(i)).collect::<Vec<_>>();
    let maintenances = |idx: &[usize]| idx.iter().map(|&m| api.maintenance(m)).collect::<Vec<_>>();

    let mut recent_incidents: Vec<usize> = (0..snap.site.incidents.len()).collect();
    recent_incidents.sort_by_key(|&i| std::cmp::Reverse((snap.site.incidents[i].started, i)));
    recent_incidents.truncate(RECENT);
    let mut recent_maintenance: Vec<usize> = (0..snap.site.maintenances.len()).collect();
    recent_maintenance.sort_by_key(|&m| std::cmp::Reverse((snap.maintenances[m].window.from, m)));
    recent_maintenance.truncate(RECENT);
    let mut current_maintenance = snap.active_maintenance.clone();
    current_maintenance.extend(&snap.upcoming_maintenance);

    let page = api.page.clone();
    let status = shapes::Status {
        indicator: snap.status.indicator.as_str().into(),
        description: snap.status.indicator.description().into(),
    };
    vec![
        json(
            "summary.json",
            &shapes::Summary {
                page: page.clone(),
                components: api.components.clone(),
                incidents: incidents(&snap.ongoing),
                scheduled_maintenances: maintenances(&current_maintenance),
                status: status.clone(),
            },
        ),
        json(
            "status.json",
            &shapes::StatusFile {
                page: page.clone(),
                status: status.clone(),
            },
        ),
        json(
            "components.json",
            &shapes::ComponentsFile {
                page: page.clone(),
                components: api.components.clone(),
            },
        ),
        json(
            "incidents.json",
            &shapes::IncidentsFile {
                page: page.clone(),
                incidents: incidents(&recent_incidents),
            },
        ),
        json(
            "incidents/unresolved.json",
            &shapes::IncidentsFile {
                page: page.clone(),
                incidents: incidents(&snap.ongoing),
            },
        ),
        json(
            "scheduled-maintenances.json",
            &shapes::MaintenancesFile {
                page: page.clone(),
                scheduled_maintenances: maintenances(&recent_maintenance),
            },
        ),
        json(
            "scheduled-maintenances/upcoming.json",
            &shapes::MaintenancesFile {
                page: page.clone(),
                scheduled_maintenances: maintenances(&snap.upcoming_maintenance),
            },
        ),
        json(
            "scheduled-maintenances/active.json",
            &shapes::MaintenancesFile {
                page: page.clone(),
                scheduled_maintenances: maintenances(&snap.active_maintenance),
            },
        ),
        json("uptime.json", &api.uptime()),
        embed_status(&shapes::StatusFile { page, status }, snap),
    ]
}

/// `embed-status.js` (at the output root): what `status.json` holds, as a
/// script that `embed.js` loads with a `<script>` element. A script runs
/// from any origin, where `fetch` of `status.json` from another origin
/// needs the host to send `Access-Control-Allow-Origin`; the file
/// dispatches an `allclear-status` event, its detail the `status.json`
/// object, on its own `<script>` element, so two embeds of two status
/// sites on one page stay apart (no global names).
///
/// The detail also has a `clock` (see [`embed_clock`]) when the clock
/// alone can change the status before the next build, so that the embed
/// moves on as the page does (issue 12, item 2).
fn embed_status(status: &shapes::StatusFile, snap: &Snapshot<'_>) -> OutputFile {
    // JSON is a JavaScript expression (ES2019 allows U+2028 and U+2029 in
    // strings), and an external script has no `</script>` to avoid.
    #[derive(Serialize)]
    struct Detail<'a> {
        #[serde(flatten)]
        status: &'a shapes::StatusFile,
        #[serde(skip_serializing_if = "Option::is_none")]
        clock: Option<serde_json::Value>,
    }
    let detail = Detail {
        status,
        clock: embed_clock(snap),
    };
    let json = serde_json::to_string(&detail).expect("API shapes always serialize");
    OutputFile {
        path: "embed-status.js".into(),
        bytes: format!(
            "// allclear: this site's status (as api/v2/status.json) for embed.js.\n\
             (function (s) {{ if (s) s.dispatchEvent(new CustomEvent(\"allclear-status\", {{ detail: {json} }})); }})(document.currentScript);\n"
        )
        .into_bytes(),
    }
}

/// What `embed.js` needs to move the status on between builds by the
/// page script's rule (`themes/default/templates/allclear.js`): a window
/// that opened after `built` is in progress, one that closed after it
/// completed; while one is in progress or verifying the status is
/// `maintenance`, otherwise `none`.
///
/// ```json
/// {"built": "2026-11-20T15:00:00Z",
///  "windows": [{"from": "…", "until": "…", "status": "scheduled"}],
///  "none": {"indicator": "none", "description": "All Systems Operational"},
///  "maintenance": {"indicator": "maintenance", "description": "Service Under Maintenance"}}
/// ```
///
/// Times are RFC 3339 UTC; `windows` are the maintenances the clock still
/// moves (neither cancelled, nor ended by a `completed` update, nor over).
/// `None` when the clock cannot change the status: an ongoing incident
/// outranks maintenance, and with no such window nothing moves.
fn embed_clock(snap: &Snapshot<'_>) -> Option<serde_json::Value> {
    use crate::model::Indicator;
    if super::state::IncidentsAlone::of(snap).indicator != Indicator::None {
        return None;
    }
    let windows: Vec<serde_json::Value> = snap
        .maintenances
        .iter()
        .filter(|s| s.follows_clock() && s.window.until > snap.now)
        .map(|s| {
            serde_json::json!({
                "from": format::iso_utc(s.window.from),
                "until": format::iso_utc(s.window.until),
                "status": s.status.as_str(),
            })
        })
        .collect();
    let status = |i: Indicator| serde_json::json!({"indicator": i.as_str(), "description": i.description()});
    (!windows.is_empty()).then(|| {
        serde_json::json!({
            "built": format::iso_utc(snap.now),
            "windows": windows,
            "none": status(Indicator::None),
            "maintenance": status(Indicator::Maintenance),
        })
    })
}

/// The `page` object of the API files, for `snap`.
pub fn page(snap: &Snapshot<'_>) -> Page {
    Api::new(snap).page
}

/// The API object of incident `i` (an index into `snap.site.incidents`),
/// field for field as `incidents.json` has it: for webhooks that must say
/// exactly what the API says.
pub fn incident_object(snap: &Snapshot<'_>, i: usize) -> Incident {
    Api::new(snap).incident(i)
}

/// The API object of maintenance `m` (an index into
/// `snap.site.maintenances`), as `scheduled-maintenances.json` has it.
pub fn maintenance_object(snap: &Snapshot<'_>, m: usize) -> Incident {
    Api::new(snap).maintenance(m)
}

fn json<T: Serialize>(name: &str, value: &T) -> OutputFile {
    OutputFile {
        path: format!("api/v2/{name}"),
        bytes: serde_json::to_vec(value).expect("API shapes always serialize"),
    }
}

/// What every API object is built from: the snapshot, the page, and the
/// component objects (built once; incidents embed copies).
struct Api<'a, 's> {
    snap: &'a Snapshot<'s>,
    zone: Tz,
    page: Page,
    /// Groups and components in display order.
    components: Vec<Component>,
    /// For each component index, its object in `components`.
    component_slot: Vec<usize>,
}

impl<'a, 's> Api<'a, 's> {
    fn new(snap: &'a Snapshot<'s>) -> Self {
        let c = &snap.site.config;
        let zone = c.time_zone;
        let page = Page {
            id: ids::api_id("page", &c.base_url),
            name: c.title.clone(),
            url: c.base_url.clone(),
            time_zone: zone.name().into(),
            updated_at: format::iso_millis(snap.last_change.unwrap_or(snap.now), zone),
        };
        let mut api = Api {
            snap,
            zone,
            page,
            components: Vec::new(),
            component_slot: vec![0; snap.site.components.len()],
        };
        api.build_components();
        api
    }

    fn time(&self, t: DateTime<Utc>) -> String {
        format::iso_millis(t, self.zone)
    }

    /// The flat component list: each group followed by its children;
    /// positions count top-level items, and children within their group.
    fn build_components(&mut self) {
        let site = &self.snap.site;
        let mut top = 0;
        for group in &site.groups {
            let Some(name) = &group.name else {
                for &c in &group.members {
                    top += 1;
                    self.push_component(c, top, None);
                }
                continue;
            };
            top += 1;
            let group_id = ids::api_id("group", name);
            let members: Vec<Component> = group.members.iter().map(|&c| self.component(c, 0, None)).collect();
            let worst = group.members.iter().map(|&c| self.snap.components[c].status).max();
            self.components.push(Component {
                id: group_id.clone(),
                name: name.clone(),
                status: worst.unwrap_or(ComponentStatus::Operational).as_str().into(),
                created_at: members.iter().map(|m| m.created_at.clone()).min().unwrap_or_default(),
                updated_at: members.iter().map(|m| m.updated_at.clone()).max().unwrap_or_default(),
                position: top,
                description: None,
                showcase: true,
                start_date: None,
                group_id: None,
                page_id: self.page.id.clone(),
                group: true,
                only_show_if_degraded: false,
                components: Some(members.iter().map(|m| m.id.clone()).collect()),
            });
            for (k, &c) in group.members.iter().enumerate() {
                self.push_component(c, k as u32 + 1, Some(group_id.clone()));
            }
        }
    }

    fn push_component(&mut self, c: usize, position: u32, group_id: Option<String>) {
        self.component_slot[c] = self.components.len();
        let object = self.component(c, position, group_id);
        self.components.push(object);
    }

    fn component(&self, c: usize, position: u32, group_id: Option<String>) -> Component {
        let snap = self.snap;
        let comp = &snap.site.components[c];
        let first_entry = snap.by_component[c].last().map(|&e| snap.entry_start(e));
        let created = comp
            .start_date
            .map(|d| crate::model::uptime::start_of_day(d, self.zone))
            .or(first_entry)
            .or(snap.site.incidents.first().map(|i| i.started))
            .unwrap_or(snap.now);
        let updated = snap.by_component[c]
            .iter()
            .filter_map(|&e| {
                let t = match e {
                    crate::model::EntryRef::Incident(i) => snap.site.incidents[i].updated_at(),
                    crate::model::EntryRef::Maintenance(m) => snap.site.maintenances[m].updated_at(),
                };
                (t <= snap.now).then_some(t)
            })
            .max()
            .unwrap_or(created);
        Component {
            id: ids::api_id("component", &comp.id),
            name: comp.name.clone(),
            status: snap.components[c].status.as_str().into(),
            created_at: self.time(created),
            updated_at: self.time(updated.max(created)),
            position,
            description: comp.description.clone(),
            showcase: true,
            start_date: comp.start_date.map(|d| d.to_string()),
            group_id,
            page_id: self.page.id.clone(),
            group: false,
            only_show_if_degraded: false,
            components: None,
        }
    }

    fn component_object(&self, c: usize) -> Component {
        self.components[self.component_slot[c]].clone()
    }

    fn affected(&self, c: usize, old: ComponentStatus, new: ComponentStatus) -> AffectedComponent {
        let comp = &self.snap.site.components[c];
        AffectedComponent {
            code: ids::api_id("component", &comp.id),
            name: comp.name.clone(),
            old_status: old.as_str().into(),
            new_status: new.as_str().into(),
        }
    }

    fn update(
        &self,
        parent: &str,
        key: &str,
        at: DateTime<Utc>,
        status: &str,
        body: &str,
        affected: Vec<AffectedComponent>,
    ) -> IncidentUpdate {
        IncidentUpdate {
            id: ids::api_id("update", &ids::update_key(key, at)),
            status: status.into(),
            body: body.trim().into(),
            incident_id: parent.into(),
            created_at: self.time(at),
            updated_at: self.time(at),
            display_at: self.time(at),
            affected_components: (!affected.is_empty()).then_some(affected),
            deliver_notifications: true,
            custom_tweet: None,
            tweet_id: None,
        }
    }

    fn incident(&self, i: usize) -> Incident {
        let inc = &self.snap.site.incidents[i];
        let state = self.snap.incidents[i];
        let id = ids::api_id("incident", &inc.id);
        let mut current: Vec<(usize, ComponentStatus)> = Vec::new();
        let mut updates: Vec<IncidentUpdate> = inc
            .updates
            .iter()
            .enumerate()
            .map(|(k, u)| {
                let initial = if k == 0 { inc.components.as_slice() } else { &[] };
                let mut affected = Vec::new();
                for &(c, new) in initial.iter().chain(&u.components) {
                    let old = match current.iter_mut().find(|(x, _)| *x == c) {
                        Some(slot) => std::mem::replace(&mut slot.1, new),
                        None => {
                            current.push((c, new));
                            ComponentStatus::Operational
                        }
                    };
                    affected.push(self.affected(c, old, new));
                }
                self.update(&id, &inc.id, u.at, u.status.as_str(), &u.message.source, affected)
            })
            .collect();
        updates.reverse();
        let status = if !state.ongoing && inc.postmortem.is_some() {
            "postmortem"
        } else {
            state.status.as_str()
        };
        let monitoring_at = inc
            .updates
            .iter()
            .find(|u| u.status == IncidentStatus::Monitoring)
            .map(|u| self.time(u.at));
        Incident {
            shortlink: links::public_url(&self.snap.site.config.base_url, &links::incident(&inc.id)),
            name: inc.title.clone(),
            status: status.into(),
            created_at: self.time(inc.updates[0].at),
            updated_at: self.time(inc.updated_at().max(inc.postmortem_published_at.unwrap_or_default())),
            monitoring_at,
            resolved_at: state.resolved_at.map(|t| self.time(t)),
            impact: inc.impact.as_str().into(),
            started_at: self.time(inc.started),
            page_id: self.page.id.clone(),
            incident_updates: updates,
            components: inc.affected().into_iter().map(|c| self.component_object(c)).collect(),
            scheduled_for: None,
            scheduled_until: None,
            postmortem_body: inc.postmortem.as_ref().map(|p| p.source.trim().to_string()),
            postmortem_published_at: inc.postmortem_published_at.map(|t| self.time(t)),
            id,
        }
    }

    fn maintenance(&self, m: usize) -> Incident {
        let mt = &self.snap.site.maintenances[m];
        let state = self.snap.maintenances[m];
        let (now, window) = (self.snap.now, state.window);
        let id = ids::api_id("maintenance", &mt.id);
        let mut steps: Vec<(DateTime<Utc>, MaintenanceStatus, &str)> = mt
            .updates
            .iter()
            .map(|u| (u.at, u.status, u.message.source.as_str()))
            .collect();
        let covered = |from: DateTime<Utc>| mt.updates.iter().any(|u| u.at >= from);
        // An author's `completed` update ends it: no automatic step follows,
        // whenever that update was written.
        if state.follows_clock() {
            if window.from <= now && !covered(window.from) {
                steps.push((window.from, MaintenanceStatus::InProgress, AUTO_IN_PROGRESS));
            }
            if window.until <= now && !covered(window.until) {
                steps.push((window.until, MaintenanceStatus::Completed, AUTO_COMPLETED));
            }
        }
        if steps.is_empty() {
            steps.push((window.from.min(now), MaintenanceStatus::Scheduled, mt.title.as_str()));
        }
        steps.sort_by_key(|s| s.0);
        let affected: Vec<AffectedComponent> = mt
            .components
            .iter()
            .map(|&(c, s)| self.affected(c, ComponentStatus::Operational, s))
            .collect();
        let mut updates: Vec<IncidentUpdate> = steps
            .iter()
            .map(|&(at, status, body)| {
                let changes = if status == MaintenanceStatus::InProgress {
                    affected.clone()
                } else {
                    Vec::new()
                };
                self.update(&id, &mt.id, at, status.as_str(), body, changes)
            })
            .collect();
        updates.reverse();
        let completed_at =
            (state.status == MaintenanceStatus::Completed).then(|| steps.last().map_or(window.until, |s| s.0));
        let status = if state.cancelled {
            MaintenanceStatus::Completed
        } else {
            state.status
        };
        Incident {
            shortlink: links::public_url(&self.snap.site.config.base_url, &links::maintenance(&mt.id)),
            name: mt.title.clone(),
            status: status.as_str().into(),
            created_at: self.time(steps[0].0),
            updated_at: self.time(steps.last().map_or(window.from, |s| s.0)),
            monitoring_at: None,
            resolved_at: completed_at.map(|t| self.time(t)),
            impact: "maintenance".into(),
            started_at: self.time(window.from),
            page_id: self.page.id.clone(),
            incident_updates: updates,
            components: mt.components.iter().map(|&(c, _)| self.component_object(c)).collect(),
            scheduled_for: Some(self.time(window.from)),
            scheduled_until: Some(self.time(window.until)),
            postmortem_body: None,
            postmortem_published_at: None,
            id,
        }
    }

    fn uptime(&self) -> shapes::UptimeFile {
        let snap = self.snap;
        let percent = |share: Option<f64>| share.map(|s| (s * 1_000_000.0).floor() / 10_000.0);
        let components = snap
            .site
            .components
            .iter()
            .zip(&snap.components)
            .map(|(comp, state)| shapes::ComponentUptime {
                id: ids::api_id("component", &comp.id),
                code: comp.id.clone(),
                name: comp.name.clone(),
                uptime: percent(state.uptime.overall),
                days: state
                    .uptime
                    .days
                    .iter()
                    .map(|d| shapes::DayUptime {
                        date: d.date.to_string(),
                        uptime: percent(d.uptime),
                    })
                    .collect(),
                months: state
                    .uptime
                    .months
                    .iter()
                    .map(|m| shapes::MonthUptime {
                        month: format!("{:04}-{:02}", m.year, m.month),
                        uptime: percent(m.uptime),
                    })
                    .collect(),
                outages: state.reliability.outages,
                mttr_seconds: state.reliability.mttr.map(|d| d.num_seconds()),
                mtbf_seconds: state.reliability.mtbf.map(|d| d.num_seconds()),
            })
            .collect();
        shapes::UptimeFile {
            page: self.page.clone(),
            window_days: snap.site.config.uptime_days,
            components,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The pages (and `allclear-flip.js`, through `#allclear-words`) show
    /// the automatic updates of a maintenance in the page's language; in
    /// English they are the API's own words.
    #[test]
    fn the_pages_automatic_messages_are_the_api_s_words_in_english() {
        let en = crate::i18n::tests_support::english();
        assert_eq!(en.text("maintenance-auto-in_progress"), super::AUTO_IN_PROGRESS);
        assert_eq!(en.text("maintenance-auto-completed"), super::AUTO_COMPLETED);
        let words = crate::i18n::script_words(&en);
        for message in [super::AUTO_IN_PROGRESS, super::AUTO_COMPLETED] {
            assert!(words.contains(message), "#allclear-words lacks {message:?}");
        }
    }
}
