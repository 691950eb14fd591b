//! `update` and `resolve`: append an update to an entry by editing its text
//! (the edit itself is [`super::yaml_text::insert_update`]).

use std::fs;
use std::path::PathBuf;

use super::yaml_text::{self, Item};
use super::{AnyStatus, AuthorError, Context, Written, parse_component, parse_when, suggestion, written_time};
use crate::diagnostics::closest;
use crate::load::Loaded;
use crate::model::{IncidentStatus, MaintenanceStatus};

/// What `update` adds.
#[derive(Debug, Clone)]
pub struct UpdateRequest {
    /// The entry's id.
    pub id: String,
    /// The update's status, of the entry's kind.
    pub status: AnyStatus,
    /// `30m`, a local time or RFC 3339 (incidents only).
    pub next_update: Option<String>,
    /// `ID=STATUS` changes (incidents only).
    pub components: Vec<String>,
}

/// Append an update to entry `request.id`. `message` is asked for only once
/// the arguments are known to be right; it gets a description of the
/// update for the editor.
///
/// # Errors
/// See [`AuthorError`]; nothing is written on error.
pub fn update(
    cx: &Context,
    request: &UpdateRequest,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let entry = find(&loaded, &request.id)?;
    let zone = loaded.site.config.time_zone;
    let status = entry_status(&entry, request.status)?;
    let is_incident = matches!(status, AnyStatus::Incident(_));
    if !is_incident && (request.next_update.is_some() || !request.components.is_empty()) {
        return Err(AuthorError::usage(
            "--next-update and --component are for incidents; a maintenance's components are set when it is scheduled",
            None,
        ));
    }
    let next_update = match &request.next_update {
        Some(t) => Some(written_time(parse_when(t, zone, cx.now, "--next-update")?, zone)),
        None => None,
    };
    let components = request
        .components
        .iter()
        .map(|c| parse_component(c, &loaded, true).map(|(id, s)| (id, s.as_str())))
        .collect::<Result<Vec<_>, _>>()?;
    let text = message(&format!("the `{}` update of \"{}\"", status.as_str(), entry.title))?;
    let item = Item {
        at: written_time(cx.now, zone),
        status: status.as_str(),
        message: &text,
        next_update,
        components,
        window: None,
        cancels: false,
    };
    append(cx, &entry, &item)
}

/// Append `item` to the `updates:` of `entry`'s file, check the site with
/// it and write the file atomically.
pub(super) fn append(cx: &Context, entry: &Found, item: &Item<'_>) -> Result<Written, AuthorError> {
    let path = cx.site_dir.join(&entry.path);
    let original = fs::read_to_string(&path).map_err(|source| AuthorError::Io {
        path: path.clone(),
        source,
    })?;
    // A byte order mark (some Windows editors write one) stays where it was.
    let (bom, body) = match original.strip_prefix(crate::load::BOM) {
        Some(rest) => ("\u{feff}", rest),
        None => ("", original.as_str()),
    };
    let edited = yaml_text::insert_update(body, entry.markdown, entry.updates, item)?;
    cx.commit(&entry.path, format!("{bom}{edited}"))
}

/// Resolve an incident (a `resolved` update) or complete a maintenance (a
/// `completed` update).
///
/// # Errors
/// See [`AuthorError`]; nothing is written on error.
pub fn resolve(
    cx: &Context,
    id: &str,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let entry = find(&loaded, id)?;
    let status = if entry.incident {
        AnyStatus::Incident(IncidentStatus::Resolved)
    } else {
        AnyStatus::Maintenance(MaintenanceStatus::Completed)
    };
    let request = UpdateRequest {
        id: id.to_string(),
        status,
        next_update: None,
        components: Vec::new(),
    };
    update(cx, &request, message)
}

/// An entry found by id.
pub(super) struct Found {
    pub path: PathBuf,
    pub title: String,
    pub incident: bool,
    pub markdown: bool,
    /// How many items its `updates:` list has.
    pub updates: usize,
}

/// The incident or maintenance `id`, or a usage error naming the nearest ids.
pub(super) fn find(loaded: &Loaded, id: &str) -> Result<Found, AuthorError> {
    let site = &loaded.site;
    let found = site
        .incidents
        .iter()
        .find(|i| i.id == id)
        .map(|i| (i.path.clone(), i.title.clone(), true, i.updates.len()))
        .or_else(|| {
            site.maintenances
                .iter()
                .find(|m| m.id == id)
                .map(|m| (m.path.clone(), m.title.clone(), false, m.updates.len()))
        });
    let Some((path, title, incident, updates)) = found else {
        let ids: Vec<&str> = site
            .incidents
            .iter()
            .map(|i| i.id.as_str())
            .chain(site.maintenances.iter().map(|m| m.id.as_str()))
            .collect();
        let mut near: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|c| strsim::jaro_winkler(id, c) >= 0.75 || c.contains(id))
            .collect();
        near.sort_by(|a, b| strsim::jaro_winkler(id, b).total_cmp(&strsim::jaro_winkler(id, a)));
        near.truncate(5);
        let help = match (closest(id, ids.iter().copied()), near.is_empty()) {
            (_, false) => format!("did you mean: {}", near.join(", ")),
            (Some(best), true) => format!("did you mean `{best}`?"),
            (None, true) => "the id is the entry's file name without the extension".to_string(),
        };
        return Err(AuthorError::usage(
            format!("no incident or maintenance with the id `{id}`"),
            Some(help),
        ));
    };
    let markdown = path.extension().is_some_and(|e| e == "md");
    Ok(Found {
        path,
        title,
        incident,
        markdown,
        updates,
    })
}

/// `status` if it is of `entry`'s kind, else a usage error listing the
/// statuses of that kind.
fn entry_status(entry: &Found, status: AnyStatus) -> Result<AnyStatus, AuthorError> {
    use clap::ValueEnum;
    let (fits, what, names): (bool, &str, Vec<&str>) = if entry.incident {
        let names = IncidentStatus::value_variants().iter().map(|s| s.as_str()).collect();
        (matches!(status, AnyStatus::Incident(_)), "an incident status", names)
    } else {
        let names = MaintenanceStatus::value_variants().iter().map(|s| s.as_str()).collect();
        (
            matches!(status, AnyStatus::Maintenance(_)),
            "a maintenance status",
            names,
        )
    };
    if fits {
        return Ok(status);
    }
    let text = status.as_str();
    Err(AuthorError::usage(
        format!("`{text}` is not {what}"),
        Some(suggestion(text, &names)),
    ))
}
