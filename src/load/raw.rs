//! The fields of an incident or maintenance entry as written, read from
//! its YAML tree with [`schema::Reader`]: every field that can be read is,
//! and every one that cannot is an error, so all of a file's mistakes are
//! reported together (content format, "An incident" and "A scheduled
//! maintenance").

use super::schema::Reader;
use super::yaml::{Node, Pos, Value};
use crate::model::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

/// A component named in an entry: its id, the position of the id, and its
/// status (`None` when the status was not valid; that is reported).
pub(crate) type RawComponent = (String, Pos, Option<ComponentStatus>);

pub(crate) struct RawIncident {
    pub title: Option<String>,
    pub impact: Option<Impact>,
    pub components: Vec<RawComponent>,
    pub started: Option<String>,
    /// `None` when missing or not a list (reported).
    pub updates: Option<Vec<RawIncidentUpdate>>,
    pub postmortem: Option<String>,
    pub postmortem_published_at: Option<String>,
}

pub(crate) struct RawIncidentUpdate {
    pub at: Option<String>,
    pub status: Option<IncidentStatus>,
    pub message: String,
    pub next_update: Option<String>,
    pub components: Vec<RawComponent>,
}

pub(crate) struct RawMaintenance {
    pub title: Option<String>,
    pub components: MaintenanceComponents,
    pub scheduled_for: Option<String>,
    pub scheduled_until: Option<String>,
    pub cancelled: bool,
    pub updates: Vec<RawMaintenanceUpdate>,
}

pub(crate) struct RawMaintenanceUpdate {
    pub at: Option<String>,
    pub status: Option<MaintenanceStatus>,
    pub message: String,
    pub scheduled_for: Option<String>,
    pub scheduled_until: Option<String>,
    /// `cancelled:` as written on the update (`Some(false)` is an error,
    /// reported by the loader).
    pub cancelled: Option<bool>,
}

/// A maintenance's `components`: a list of ids (each `under_maintenance`,
/// with each id's position) or a map id -> status.
pub(crate) enum MaintenanceComponents {
    List(Vec<(String, Pos)>),
    Map(Vec<RawComponent>),
}

const INCIDENT_KEYS: &[&str] = &[
    "source",
    "title",
    "impact",
    "components",
    "started",
    "updates",
    "postmortem",
    "postmortem_published_at",
];
const INCIDENT_UPDATE_KEYS: &[&str] = &["at", "status", "message", "next_update", "components"];
const MAINTENANCE_KEYS: &[&str] = &[
    "source",
    "title",
    "components",
    "scheduled_for",
    "scheduled_until",
    "cancelled",
    "updates",
];
const MAINTENANCE_UPDATE_KEYS: &[&str] = &[
    "at",
    "status",
    "message",
    "scheduled_for",
    "scheduled_until",
    "cancelled",
];

fn options<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<(&'static str, T)> {
    all.iter().map(|&v| (name(v), v)).collect()
}

fn impacts() -> Vec<(&'static str, Impact)> {
    use Impact::*;
    options(&[None, Minor, Major, Critical], Impact::as_str)
}

fn incident_statuses() -> Vec<(&'static str, IncidentStatus)> {
    use IncidentStatus::*;
    options(
        &[Investigating, Identified, Monitoring, Resolved],
        IncidentStatus::as_str,
    )
}

fn maintenance_statuses() -> Vec<(&'static str, MaintenanceStatus)> {
    use MaintenanceStatus::*;
    options(
        &[Scheduled, InProgress, Verifying, Completed],
        MaintenanceStatus::as_str,
    )
}

/// A `components` mapping of id to status, at `path`.
fn component_map(r: &mut Reader<'_>, node: &Node, path: &str) -> Vec<RawComponent> {
    let statuses = options(&ComponentStatus::ALL, ComponentStatus::as_str);
    let Some(pairs) = r.pairs(node, path) else {
        return Vec::new();
    };
    pairs
        .into_iter()
        .map(|(key, id, value)| {
            let status = r.choice(value, &format!("{path}.{id}"), &statuses);
            (id.to_string(), key.pos, status)
        })
        .collect()
}

/// The systems an entry's `source:` may name (`allclear import`).
const SOURCES: &[&str] = &["statuspage"];

/// Check `source:` when given: `SYSTEM:ID`, the entry `allclear import`
/// made from the source's item ID (content format, "Imported entries").
/// The build uses it for nothing else; the importer finds its entries by it.
fn source(r: &mut Reader<'_>, f: &super::schema::Fields<'_>) {
    let Some(node) = f.get("source") else { return };
    let Some(text) = r.text(node, "source") else { return };
    let ok = text.split_once(':').is_some_and(|(system, id)| {
        SOURCES.contains(&system)
            && !id.is_empty()
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    });
    if !ok {
        r.push(
            node.pos,
            format!("`source` must be `SYSTEM:ID`, but it is `{text}`"),
            "write it as `allclear import` does, like `source: statuspage:x0ljvc9m1wxj` (letters, digits, `-`, `_`), or remove the line".to_string(),
        );
    }
}

/// Read an incident's fields from `root`.
pub(crate) fn incident(r: &mut Reader<'_>, root: &Node) -> Option<RawIncident> {
    let f = r.fields(root, "", INCIDENT_KEYS)?;
    source(r, &f);
    let title = r.required_text(&f, "title");
    let impact = r.required(&f, "impact").and_then(|n| r.choice(n, "impact", &impacts()));
    let components = match r.required(&f, "components") {
        Some(n) => component_map(r, n, "components"),
        None => Vec::new(),
    };
    let started = r.optional_text(&f, "started");
    let updates = r
        .required(&f, "updates")
        .and_then(|n| r.list(n, "updates"))
        .map(|items| {
            let statuses = incident_statuses();
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = format!("updates[{i}]");
                let Some(u) = r.fields(item, &path, INCIDENT_UPDATE_KEYS) else {
                    continue;
                };
                out.push(RawIncidentUpdate {
                    at: r.required_text(&u, "at"),
                    status: r
                        .required(&u, "status")
                        .and_then(|n| r.choice(n, &u.path_of("status"), &statuses)),
                    message: r.optional_text(&u, "message").unwrap_or_default(),
                    next_update: r.optional_text(&u, "next_update"),
                    components: u
                        .get("components")
                        .map(|n| component_map(r, n, &u.path_of("components")))
                        .unwrap_or_default(),
                });
            }
            out
        });
    Some(RawIncident {
        title,
        impact,
        components,
        started,
        updates,
        postmortem: r.optional_text(&f, "postmortem"),
        postmortem_published_at: r.optional_text(&f, "postmortem_published_at"),
    })
}

/// Read a maintenance's fields from `root`.
pub(crate) fn maintenance(r: &mut Reader<'_>, root: &Node) -> Option<RawMaintenance> {
    let f = r.fields(root, "", MAINTENANCE_KEYS)?;
    source(r, &f);
    let title = r.required_text(&f, "title");
    let components = match r.required(&f, "components") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => MaintenanceComponents::List(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| r.text(item, &format!("components[{i}]")).map(|id| (id, item.pos)))
                .collect(),
        ),
        Some(n) => MaintenanceComponents::Map(component_map(r, n, "components")),
        None => MaintenanceComponents::List(Vec::new()),
    };
    let scheduled_for = r.required_text(&f, "scheduled_for");
    let scheduled_until = r.required_text(&f, "scheduled_until");
    let cancelled = f.get("cancelled").and_then(|n| r.flag(n, "cancelled")).unwrap_or(false);
    let statuses = maintenance_statuses();
    let mut updates = Vec::new();
    if let Some(items) = f.get("updates").and_then(|n| r.list(n, "updates")) {
        for (i, item) in items.iter().enumerate() {
            let path = format!("updates[{i}]");
            let Some(u) = r.fields(item, &path, MAINTENANCE_UPDATE_KEYS) else {
                continue;
            };
            updates.push(RawMaintenanceUpdate {
                at: r.required_text(&u, "at"),
                status: r
                    .required(&u, "status")
                    .and_then(|n| r.choice(n, &u.path_of("status"), &statuses)),
                message: r.optional_text(&u, "message").unwrap_or_default(),
                scheduled_for: r.optional_text(&u, "scheduled_for"),
                scheduled_until: r.optional_text(&u, "scheduled_until"),
                cancelled: u.get("cancelled").and_then(|n| r.flag(n, &u.path_of("cancelled"))),
            });
        }
    }
    Some(RawMaintenance {
        title,
        components,
        scheduled_for,
        scheduled_until,
        cancelled,
        updates,
    })
}
