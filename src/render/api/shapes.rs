//! The Statuspage v2 public API's JSON shapes, field for field (reference:
//! the Status API documentation every Statuspage page serves at `/api`,
//! e.g. <https://www.githubstatus.com/api>), plus allclear's own
//! `uptime.json`.
//!
//! These types write allclear's API files, and tests read the files back
//! into them. `deny_unknown_fields` makes that round trip strict.
//! Timestamps are strings in ISO 8601 with milliseconds and the page's
//! offset (`2026-11-20T15:25:00.000+01:00`); dates are `YYYY-MM-DD`.

use serde::{Deserialize, Serialize};

/// `page`: which status page this is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub name: String,
    pub url: String,
    /// IANA name.
    pub time_zone: String,
    pub updated_at: String,
}

/// `status`: the page indicator and its description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// none, minor, major, critical or maintenance.
    pub indicator: String,
    pub description: String,
}

/// A component, or a group of components (`group: true`). Groups and their
/// children sit side by side in one flat list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub name: String,
    /// operational, degraded_performance, partial_outage, major_outage or
    /// under_maintenance.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
    /// 1-based; children are numbered within their group.
    pub position: u32,
    pub description: Option<String>,
    pub showcase: bool,
    pub start_date: Option<String>,
    pub group_id: Option<String>,
    pub page_id: String,
    pub group: bool,
    pub only_show_if_degraded: bool,
    /// A group's children, by id; absent on components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<String>>,
}

/// A component change carried by an update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffectedComponent {
    /// The component's id.
    pub code: String,
    pub name: String,
    pub old_status: String,
    pub new_status: String,
}

/// One update of an incident or a scheduled maintenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentUpdate {
    pub id: String,
    pub status: String,
    /// Plain text (the author's Markdown source).
    pub body: String,
    pub incident_id: String,
    pub created_at: String,
    pub updated_at: String,
    pub display_at: String,
    pub affected_components: Option<Vec<AffectedComponent>>,
    pub deliver_notifications: bool,
    pub custom_tweet: Option<String>,
    pub tweet_id: Option<String>,
}

/// An incident, or a scheduled maintenance (which adds `scheduled_for` and
/// `scheduled_until`, and has impact `maintenance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: String,
    pub name: String,
    /// Incidents: investigating, identified, monitoring, resolved or
    /// postmortem. Maintenance: scheduled, in_progress, verifying or
    /// completed.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
    pub monitoring_at: Option<String>,
    pub resolved_at: Option<String>,
    /// none, minor, major, critical; `maintenance` for maintenance.
    pub impact: String,
    pub shortlink: String,
    pub started_at: String,
    pub page_id: String,
    /// Never empty; newest first.
    pub incident_updates: Vec<IncidentUpdate>,
    /// Full component objects.
    pub components: Vec<Component>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_for: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_until: Option<String>,
    /// Incidents with a published postmortem: its Markdown source, as
    /// Statuspage's manage API gives it. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmortem_body: Option<String>,
    /// When the postmortem was published (ISO 8601, UTC, like every time
    /// here). Absent without a published postmortem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmortem_published_at: Option<String>,
}

/// `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub page: Page,
    pub components: Vec<Component>,
    pub incidents: Vec<Incident>,
    pub scheduled_maintenances: Vec<Incident>,
    pub status: Status,
}

/// `status.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    pub page: Page,
    pub status: Status,
}

/// `components.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentsFile {
    pub page: Page,
    pub components: Vec<Component>,
}

/// `incidents.json` and `incidents/unresolved.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentsFile {
    pub page: Page,
    pub incidents: Vec<Incident>,
}

/// `scheduled-maintenances.json` and its `upcoming` and `active` subsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintenancesFile {
    pub page: Page,
    pub scheduled_maintenances: Vec<Incident>,
}

/// `uptime.json`, allclear's extension: uptime per component and day over
/// the page's window, per month over twelve months, and outage statistics
/// (see `model::reliability`). Uptime values are percentages (0 to 100,
/// rounded down to 4 decimals), `null` where nothing is counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UptimeFile {
    pub page: Page,
    /// Days in the `days` lists (`uptime_days` in site.yaml).
    pub window_days: u32,
    pub components: Vec<ComponentUptime>,
}

/// One component's entry in `uptime.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentUptime {
    /// The API id, as in `components.json`.
    pub id: String,
    /// The id in site.yaml.
    pub code: String,
    pub name: String,
    /// Over the window.
    pub uptime: Option<f64>,
    /// Oldest first, ending today (site zone).
    pub days: Vec<DayUptime>,
    /// Oldest first: twelve calendar months ending with this one.
    pub months: Vec<MonthUptime>,
    /// Partial and major outages that started in those months.
    pub outages: usize,
    /// Mean time to recovery, seconds.
    pub mttr_seconds: Option<i64>,
    /// Mean time between outage starts, seconds.
    pub mtbf_seconds: Option<i64>,
}

/// A day's uptime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayUptime {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub uptime: Option<f64>,
}

/// A month's uptime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthUptime {
    /// `YYYY-MM`.
    pub month: String,
    pub uptime: Option<f64>,
}
