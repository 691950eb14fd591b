//! Statuspage's public API, v2 (`/api/v2/*.json`; the shapes in
//! Statuspage's API reference, which allclear's own `/api/v2/` output
//! follows): saved JSON files, a folder of them, or a live page's URL,
//! read into [`Imported`]. docs/import.md lists the mapping field by field.
//!
//! The public API returns only the newest 50 incidents; every incident
//! needs the management API (`/v1/pages/{id}/incidents`, a later part).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::ImportError;
use super::json::{self, Documents};
use super::source::{
    Component, ComponentRef, Imported, Incident, IncidentUpdate, Maintenance, MaintenanceUpdate, Page,
};
use crate::model::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

/// The public endpoints read from a page's URL, under `/api/v2/`.
pub const ENDPOINTS: [&str; 4] = [
    "summary.json",
    "components.json",
    "incidents.json",
    "scheduled-maintenances.json",
];

/// Read `source`: a page's URL (`http://` or `https://`), a JSON file or a
/// folder of them.
///
/// # Errors
/// [`ImportError::Source`] for a file or URL that cannot be read, is not
/// JSON, or answers with an error status.
pub fn read(source: &str) -> Result<Imported, ImportError> {
    let docs = if source.starts_with("http://") || source.starts_with("https://") {
        fetch(source)?
    } else {
        json::files(
            Path::new(source),
            "give a Statuspage JSON file, a folder of them, or a page's URL",
            "save the API's answer unchanged (e.g. `curl -o incidents.json https://PAGE/api/v2/incidents.json`), or remove the file from the folder",
        )?
    };
    Ok(convert(&docs))
}

/// The four public endpoints of the page at `url`.
fn fetch(url: &str) -> Result<Documents, ImportError> {
    let mut base = url::Url::parse(url).map_err(|e| ImportError::Source {
        origin: url.to_string(),
        message: format!("not a URL: {e}"),
        help: "give the page's address, like https://www.githubstatus.com".into(),
    })?;
    // `https://x/`, `https://x/api/v2` and `https://x/api/v2/` all mean the page.
    let path = base
        .path()
        .trim_end_matches('/')
        .trim_end_matches("/api/v2")
        .to_string();
    base.set_path(&format!("{path}/api/v2/"));
    let agent = json::agent();
    let help = "check the address (a Statuspage page's root, like https://www.githubstatus.com) and your connection, or save the page's /api/v2/*.json files and import the folder";
    let mut docs = Vec::new();
    for endpoint in ENDPOINTS {
        let at = base.join(endpoint).expect("a relative path joins").to_string();
        docs.push(json::get(&agent, &at, help)?);
    }
    Ok(docs)
}

/// An item with its origin, for merging by id.
struct Found<'a> {
    origin: &'a str,
    item: &'a Value,
    updated: Option<DateTime<FixedOffset>>,
}

/// Keep, per id, the item with the newest `updated_at` (the first one read
/// on a tie). Items without an id are noted and left out.
fn merge<'a>(
    out: &mut BTreeMap<String, Found<'a>>,
    order: &mut Vec<String>,
    notes: &mut Vec<(String, String)>,
    origin: &'a str,
    items: &'a [Value],
) {
    for item in items {
        let Some(id) = item.get("id").and_then(Value::as_str) else {
            notes.push((origin.to_string(), "an item without an `id` was left out".into()));
            continue;
        };
        let updated = time(item, "updated_at");
        let newer = match out.get(id) {
            None => {
                order.push(id.to_string());
                true
            }
            Some(old) => updated > old.updated,
        };
        if newer {
            out.insert(id.to_string(), Found { origin, item, updated });
        }
    }
}

fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn time(v: &Value, key: &str) -> Option<DateTime<FixedOffset>> {
    text(v, key).and_then(|t| DateTime::parse_from_rfc3339(t).ok())
}

/// Read every document into one [`Imported`].
fn convert(docs: &Documents) -> Imported {
    let mut out = Imported {
        system: "statuspage",
        ..Imported::default()
    };
    let mut notes = Vec::new();
    let (mut components, mut incidents, mut maintenances) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let (mut component_order, mut incident_order, mut maintenance_order) = (Vec::new(), Vec::new(), Vec::new());
    let mut page_updated = None;
    for (origin, doc) in docs {
        let mut shape = false;
        if let Some(page) = doc.get("page") {
            // `status.json` holds only the page and its overall status.
            shape = doc.get("status").is_some();
            let updated = time(page, "updated_at");
            if out.page.name.is_none() || updated > page_updated {
                page_updated = updated;
                out.page = Page {
                    name: text(page, "name").map(str::to_string),
                    url: text(page, "url").map(str::to_string),
                    time_zone: text(page, "time_zone").map(str::to_string),
                };
            }
        }
        if let Some(list) = doc.get("components").and_then(Value::as_array) {
            shape = true;
            merge(&mut components, &mut component_order, &mut notes, origin, list);
        }
        if let Some(list) = doc.get("incidents").and_then(Value::as_array) {
            shape = true;
            merge(&mut incidents, &mut incident_order, &mut notes, origin, list);
        }
        if let Some(one) = doc.get("incident") {
            shape = true;
            merge(
                &mut incidents,
                &mut incident_order,
                &mut notes,
                origin,
                std::slice::from_ref(one),
            );
        }
        if let Some(list) = doc.get("scheduled_maintenances").and_then(Value::as_array) {
            shape = true;
            merge(&mut maintenances, &mut maintenance_order, &mut notes, origin, list);
        }
        if !shape {
            notes.push((
                origin.clone(),
                "holds no Statuspage v2 shape (`incidents`, `incident`, `components`, `scheduled_maintenances`): not read".into(),
            ));
        }
    }
    for (origin, message) in notes {
        out.note(origin, message);
    }
    // Components: groups first collected by id, then members named with them.
    let groups: BTreeMap<&str, &str> = component_order
        .iter()
        .map(|id| &components[id])
        .filter(|f| f.item.get("group").and_then(Value::as_bool) == Some(true))
        .filter_map(|f| Some((text(f.item, "id")?, text(f.item, "name")?)))
        .collect();
    for id in &component_order {
        let f = &components[id];
        if groups.contains_key(id.as_str()) {
            continue;
        }
        let Some(name) = text(f.item, "name") else {
            out.note(
                format!("{} (component {id})", f.origin),
                "a component without a name was left out",
            );
            continue;
        };
        let group = text(f.item, "group_id").map(|g| match groups.get(g) {
            Some(name) => name.to_string(),
            None => g.to_string(),
        });
        if let Some(g) = text(f.item, "group_id")
            && !groups.contains_key(g)
        {
            out.note(
                format!("{} (component {id})", f.origin),
                format!("its group `{g}` is not in the source: the group is named by its id"),
            );
        }
        out.components.push(Component {
            key: id.clone(),
            name: name.to_string(),
            description: text(f.item, "description")
                .filter(|d| !d.trim().is_empty())
                .map(str::to_string),
            group,
            start_date: text(f.item, "start_date")
                .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
                .map(str::to_string),
        });
    }
    for id in &incident_order {
        let f = &incidents[id];
        if let Some(incident) = incident(&mut out, f, id) {
            out.incidents.push(incident);
        }
    }
    for id in &maintenance_order {
        let f = &maintenances[id];
        if let Some(m) = maintenance(&mut out, f, id) {
            out.maintenances.push(m);
        }
    }
    out
}

/// `affected_components` (or an incident's `components`) as references
/// with the new status.
fn affected(out: &mut Imported, origin: &str, update: &Value) -> Vec<(ComponentRef, ComponentStatus)> {
    let mut list = Vec::new();
    for c in update
        .get("affected_components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = text(c, "name") else { continue };
        let status = text(c, "new_status").unwrap_or("");
        match ComponentStatus::ALL.into_iter().find(|s| s.as_str() == status) {
            Some(s) => list.push((
                ComponentRef {
                    key: text(c, "code").map(str::to_string),
                    name: name.to_string(),
                },
                s,
            )),
            None => out.note(
                origin,
                format!("component `{name}`: status `{status}` is not one of ours: left out"),
            ),
        }
    }
    list
}

/// The HTML elements whose tags make a body HTML (what Statuspage's
/// editor and hand-written bodies use).
const HTML_TAGS: &[&str] = &[
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// HTML in a body becomes Markdown (with `htmd`); Markdown and plain text
/// stay as written (trimmed). A body is HTML when it holds a tag of one of
/// `HTML_TAGS` (`<p>`, `<br/>`, `</a>`, `<a href=…>`), so that `a < b`
/// or `Vec<T>` in a Markdown body is not mistaken for one.
pub fn body(text: &str) -> String {
    let tag = text.match_indices('<').any(|(i, _)| {
        let rest = &text[i + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        let after = rest[name_len..].chars().next();
        HTML_TAGS.contains(&rest[..name_len].to_ascii_lowercase().as_str())
            && matches!(after, Some('>' | '/' | ' ' | '\t' | '\n'))
    });
    if tag {
        htmd::convert(text)
            .unwrap_or_else(|_| text.to_string())
            .trim()
            .to_string()
    } else {
        text.trim().to_string()
    }
}

/// An item's `name`, or `KIND ID` (with a note) when it has none: a title
/// is required.
fn title(out: &mut Imported, origin: &str, item: &Value, kind: &str, id: &str) -> String {
    match text(item, "name").map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_string(),
        None => {
            out.note(origin, format!("no `name`: titled `{kind} {id}`"));
            format!("{kind} {id}")
        }
    }
}

fn incident(out: &mut Imported, f: &Found<'_>, id: &str) -> Option<Incident> {
    let origin = format!("{} (incident {id})", f.origin);
    let item = f.item;
    let title = title(out, &origin, item, "Incident", id);
    let Some(started) = time(item, "started_at").or_else(|| time(item, "created_at")) else {
        out.note(
            origin,
            "no `started_at` or `created_at` time: the incident was left out",
        );
        return None;
    };
    let impact = match text(item, "impact").unwrap_or("none") {
        "none" => Impact::None,
        "minor" => Impact::Minor,
        "major" => Impact::Major,
        "critical" => Impact::Critical,
        other => {
            out.note(
                &origin,
                format!("impact `{other}` is not one of ours: written as `none`"),
            );
            Impact::None
        }
    };
    let mut raw: Vec<&Value> = item
        .get("incident_updates")
        .and_then(Value::as_array)
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    raw.sort_by_key(|u| time(u, "display_at").or_else(|| time(u, "created_at")));
    let mut updates = Vec::new();
    let mut postmortem = text(item, "postmortem_body").filter(|b| !b.trim().is_empty()).map(body);
    let mut postmortem_published_at = time(item, "postmortem_published_at");
    let mut first_components = None;
    let mut current: BTreeMap<String, ComponentStatus> = BTreeMap::new();
    for u in raw {
        let Some(at) = time(u, "display_at").or_else(|| time(u, "created_at")) else {
            out.note(&origin, "an update without a time was left out");
            continue;
        };
        let message = body(text(u, "body").unwrap_or(""));
        let status = match text(u, "status").unwrap_or("") {
            "investigating" => IncidentStatus::Investigating,
            "identified" => IncidentStatus::Identified,
            "monitoring" => IncidentStatus::Monitoring,
            "resolved" => IncidentStatus::Resolved,
            "verifying" => {
                out.note(
                    &origin,
                    format!("update at {at}: status `verifying` written as `monitoring`"),
                );
                IncidentStatus::Monitoring
            }
            "postmortem" => {
                out.note(
                    &origin,
                    format!("update at {at}: status `postmortem` became the postmortem (body and publication time)"),
                );
                if postmortem.is_none() && !message.is_empty() {
                    postmortem = Some(message);
                }
                postmortem_published_at.get_or_insert(at);
                continue;
            }
            other => {
                out.note(
                    &origin,
                    format!("update at {at}: status `{other}` is not an incident status: written as `investigating`"),
                );
                IncidentStatus::Investigating
            }
        };
        let changes: Vec<_> = affected(out, &origin, u)
            .into_iter()
            .filter(|(c, s)| current.insert(c.name.clone(), *s) != Some(*s))
            .collect();
        if first_components.is_none() {
            first_components = Some(changes);
            updates.push(IncidentUpdate {
                at,
                status,
                message,
                components: Vec::new(),
            });
        } else {
            updates.push(IncidentUpdate {
                at,
                status,
                message,
                components: changes,
            });
        }
    }
    if updates.is_empty() {
        out.note(origin, "no updates: the incident was left out");
        return None;
    }
    let mut components = first_components.unwrap_or_default();
    if current.is_empty() {
        // No update names a component: the incident's own list, at the
        // status its impact suggests.
        let status = match impact {
            Impact::None | Impact::Minor => ComponentStatus::DegradedPerformance,
            Impact::Major => ComponentStatus::PartialOutage,
            Impact::Critical => ComponentStatus::MajorOutage,
        };
        for c in item.get("components").and_then(Value::as_array).into_iter().flatten() {
            if let Some(name) = text(c, "name") {
                components.push((
                    ComponentRef {
                        key: text(c, "id").map(str::to_string),
                        name: name.to_string(),
                    },
                    status,
                ));
            }
        }
        if !components.is_empty() {
            out.note(
                &origin,
                format!(
                    "no update says how its components were affected: written as `{}` (from its impact)",
                    status.as_str()
                ),
            );
        }
    }
    if postmortem.is_none() && postmortem_published_at.is_some() {
        postmortem_published_at = None;
    }
    Some(Incident {
        key: id.to_string(),
        title,
        impact,
        started,
        components,
        updates,
        postmortem,
        postmortem_published_at,
    })
}

fn maintenance(out: &mut Imported, f: &Found<'_>, id: &str) -> Option<Maintenance> {
    let origin = format!("{} (maintenance {id})", f.origin);
    let item = f.item;
    let (Some(scheduled_for), Some(scheduled_until)) = (time(item, "scheduled_for"), time(item, "scheduled_until"))
    else {
        out.note(
            origin,
            "no `scheduled_for` and `scheduled_until`: the maintenance was left out",
        );
        return None;
    };
    let components = item
        .get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some(ComponentRef {
                key: text(c, "id").map(str::to_string),
                name: text(c, "name")?.to_string(),
            })
        })
        .collect();
    let mut raw: Vec<&Value> = item
        .get("incident_updates")
        .and_then(Value::as_array)
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    raw.sort_by_key(|u| time(u, "display_at").or_else(|| time(u, "created_at")));
    let mut updates = Vec::new();
    for u in raw {
        let Some(at) = time(u, "display_at").or_else(|| time(u, "created_at")) else {
            out.note(&origin, "an update without a time was left out");
            continue;
        };
        let status = match text(u, "status").unwrap_or("") {
            "scheduled" => MaintenanceStatus::Scheduled,
            "in_progress" => MaintenanceStatus::InProgress,
            "verifying" => MaintenanceStatus::Verifying,
            "completed" => MaintenanceStatus::Completed,
            other => {
                out.note(
                    &origin,
                    format!("update at {at}: status `{other}` is not a maintenance status: written as `scheduled`"),
                );
                MaintenanceStatus::Scheduled
            }
        };
        updates.push(MaintenanceUpdate {
            at,
            status,
            message: body(text(u, "body").unwrap_or("")),
        });
    }
    Some(Maintenance {
        key: id.to_string(),
        title: title(out, &origin, item, "Maintenance", id),
        scheduled_for,
        scheduled_until,
        components,
        updates,
    })
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn html_bodies_become_markdown_and_markdown_stays() {
        assert_eq!(body("<p>We are <strong>on it</strong>.</p>"), "We are **on it**.");
        assert_eq!(
            body("See <a href=\"https://x.example/\">the post</a>."),
            "See [the post](https://x.example/)."
        );
        assert_eq!(body("One<br/>two"), "One  \ntwo");
        for markdown in [
            "Latency is < 5 ms and **normal**.",
            "A `Vec<T>` grew; `a<b` holds.",
            "Write to <support@example.com>.",
            "  Plain text.  ",
        ] {
            assert_eq!(body(markdown), markdown.trim(), "{markdown}");
        }
    }
}
