//! `new incident` and `new maintenance`: a new entry file, named
//! `YYYY-MM-DD-slug.md` after the day (in the site's zone) and the title:
//! the day an incident is started, the day a maintenance window starts.

use std::path::PathBuf;

use super::yaml_text;
use super::yaml_text::message_lines;
use super::{AuthorError, Context, Written, component_id, parse_component, parse_when, parse_window, written_time};
use crate::model::Impact;

/// What `new incident` writes.
#[derive(Debug, Clone)]
pub struct NewIncident {
    pub title: String,
    /// The incident's impact (`impact:` in the file).
    pub impact: Impact,
    /// `ID=STATUS`.
    pub components: Vec<String>,
    /// `30m`, a local time or RFC 3339.
    pub next_update: Option<String>,
}

/// What `new maintenance` writes.
#[derive(Debug, Clone, Default)]
pub struct NewMaintenance {
    pub title: String,
    pub from: String,
    pub until: String,
    /// Component ids.
    pub components: Vec<String>,
}

/// Start an incident with an `investigating` update at now.
///
/// # Errors
/// See [`AuthorError`]; nothing is written on error.
pub fn new_incident(
    cx: &Context,
    request: &NewIncident,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let zone = loaded.site.config.time_zone;
    let impact = request.impact;
    let components = request
        .components
        .iter()
        .map(|c| parse_component(c, &loaded, false))
        .collect::<Result<Vec<_>, _>>()?;
    let next_update = match &request.next_update {
        Some(t) => Some(written_time(parse_when(t, zone, cx.now, "--next-update")?, zone)),
        None => None,
    };
    check_title(&request.title)?;
    let text = message(&format!("the first update of \"{}\"", request.title))?;

    let mut lines = vec![
        "---".to_string(),
        format!("title: {}", yaml_text::scalar(request.title.trim())),
        format!("impact: {}", impact.as_str()),
    ];
    if components.is_empty() {
        lines.push("components: {}".into());
    } else {
        lines.push("components:".into());
        lines.extend(components.iter().map(|(id, s)| format!("  {id}: {}", s.as_str())));
    }
    lines.push("updates:".into());
    lines.push(format!("  - at: {}", written_time(cx.now, zone)));
    lines.push("    status: investigating".into());
    lines.extend(message_lines(&text, "    "));
    if let Some(next) = next_update {
        lines.push(format!("    next_update: {next}"));
    }
    lines.push("---".into());
    lines.push(String::new());
    let rel = new_path(cx, &loaded, "incidents", cx.now, &request.title);
    cx.commit(&rel, lines.join("\n"))
}

/// Schedule a maintenance, with a `scheduled` update at now carrying the
/// announcement (when there is one).
///
/// # Errors
/// See [`AuthorError`]; nothing is written on error.
pub fn new_maintenance(
    cx: &Context,
    request: &NewMaintenance,
    message: impl FnOnce(&str) -> Result<String, AuthorError>,
) -> Result<Written, AuthorError> {
    let loaded = cx.load(Default::default())?;
    let zone = loaded.site.config.time_zone;
    let (from, until) = parse_window(&request.from, &request.until, zone, cx.now)?;
    if request.components.is_empty() {
        return Err(AuthorError::usage(
            "a maintenance needs at least one --component",
            Some("name the affected components, like `--component database --component api`".to_string()),
        ));
    }
    let components = request
        .components
        .iter()
        .map(|c| component_id(c.trim(), &loaded))
        .collect::<Result<Vec<_>, _>>()?;
    check_title(&request.title)?;
    let text = message(&format!("the announcement of \"{}\"", request.title))?;

    let mut lines = vec![
        "---".to_string(),
        format!("title: {}", yaml_text::scalar(request.title.trim())),
        format!("components: [{}]", components.join(", ")),
        format!("scheduled_for: {}", written_time(from, zone)),
        format!("scheduled_until: {}", written_time(until, zone)),
        "updates:".to_string(),
        format!("  - at: {}", written_time(cx.now, zone)),
        "    status: scheduled".to_string(),
    ];
    lines.extend(message_lines(&text, "    "));
    lines.push("---".into());
    lines.push(String::new());
    // Named by the day the window starts (in the site's zone), not by
    // today: the file sorts and reads as the maintenance it describes.
    let rel = new_path(cx, &loaded, "maintenance", from, &request.title);
    cx.commit(&rel, lines.join("\n"))
}

fn check_title(title: &str) -> Result<(), AuthorError> {
    if title.trim().is_empty() {
        return Err(AuthorError::usage(
            "the title is empty",
            Some("say what users see, like \"Elevated error rates on the API\"".to_string()),
        ));
    }
    Ok(())
}

/// `FOLDER/YYYY-MM-DD-slug.md`, with `-2`, `-3` … when the id is taken.
/// The date is `day` in the site's time zone: now for an incident, the
/// window's start for a maintenance.
fn new_path(
    cx: &Context,
    loaded: &crate::load::Loaded,
    folder: &str,
    day: chrono::DateTime<chrono::Utc>,
    title: &str,
) -> PathBuf {
    let day = day.with_timezone(&loaded.site.config.time_zone).format("%Y-%m-%d");
    let slug = crate::ids::slug(title, 50);
    let base = if slug.is_empty() {
        format!("{day}")
    } else {
        format!("{day}-{slug}")
    };
    let taken = |id: &str| {
        loaded.site.incidents.iter().any(|i| i.id == id)
            || loaded.site.maintenances.iter().any(|m| m.id == id)
            || cx.site_dir.join(folder).join(format!("{id}.md")).exists()
    };
    let id = (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|id| !taken(id))
        .expect("some suffix is free");
    PathBuf::from(folder).join(format!("{id}.md"))
}
