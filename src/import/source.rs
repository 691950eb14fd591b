//! What a source says, in one shape for every importer: the page, its
//! components and groups, incidents and maintenances with their updates,
//! and the notes about what could not be mapped exactly. Each importer
//! (`statuspage.rs`; cState and the management API later) fills it; the
//! writer (`write.rs`) turns it into entry files. It holds facts, with the
//! source's own ids, never our file names.

use chrono::{DateTime, FixedOffset};

use crate::model::{ComponentStatus, Impact, IncidentStatus, MaintenanceStatus};

/// Everything read from a source.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The source system's name, as `source:` lines write it (`statuspage`).
    pub system: &'static str,
    pub page: Page,
    /// In display order; groups are named on their members.
    pub components: Vec<Component>,
    pub incidents: Vec<Incident>,
    pub maintenances: Vec<Maintenance>,
    /// What could not be mapped exactly, in the order found.
    pub notes: Vec<Note>,
}

/// The page itself.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub name: Option<String>,
    /// The page's address (`page.url`).
    pub url: Option<String>,
    /// An IANA zone name, as the source gives it (not checked yet).
    pub time_zone: Option<String>,
}

/// A component as the source lists it.
#[derive(Debug, Clone)]
pub struct Component {
    /// The source's id (Statuspage's `id`).
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    /// The display name of its group.
    pub group: Option<String>,
    /// The day it went live (`YYYY-MM-DD`), as written.
    pub start_date: Option<String>,
}

/// A component an entry names: the source's id where it has one, and its
/// name (incidents without a components list are matched by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentRef {
    pub key: Option<String>,
    pub name: String,
}

/// An incident, with every update, oldest first.
#[derive(Debug, Clone)]
pub struct Incident {
    /// The source's id: the entry's `source: SYSTEM:KEY`.
    pub key: String,
    pub title: String,
    pub impact: Impact,
    /// When it started (Statuspage's `started_at`, else `created_at`):
    /// names the file.
    pub started: DateTime<FixedOffset>,
    /// The components' statuses from the first update on.
    pub components: Vec<(ComponentRef, ComponentStatus)>,
    pub updates: Vec<IncidentUpdate>,
    /// Markdown.
    pub postmortem: Option<String>,
    pub postmortem_published_at: Option<DateTime<FixedOffset>>,
}

/// One update of an incident.
#[derive(Debug, Clone)]
pub struct IncidentUpdate {
    /// With the source's offset.
    pub at: DateTime<FixedOffset>,
    pub status: IncidentStatus,
    /// Markdown.
    pub message: String,
    /// The components whose status this update changes.
    pub components: Vec<(ComponentRef, ComponentStatus)>,
}

/// A scheduled maintenance, with its window and updates, oldest first.
#[derive(Debug, Clone)]
pub struct Maintenance {
    pub key: String,
    pub title: String,
    pub scheduled_for: DateTime<FixedOffset>,
    pub scheduled_until: DateTime<FixedOffset>,
    pub components: Vec<ComponentRef>,
    pub updates: Vec<MaintenanceUpdate>,
}

/// One update of a maintenance.
#[derive(Debug, Clone)]
pub struct MaintenanceUpdate {
    pub at: DateTime<FixedOffset>,
    pub status: MaintenanceStatus,
    pub message: String,
}

/// Something that could not be mapped exactly: where (a file, a URL or an
/// item's id) and what was done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub origin: String,
    pub message: String,
}

impl Imported {
    /// Record a note.
    pub fn note(&mut self, origin: impl Into<String>, message: impl Into<String>) {
        self.notes.push(Note {
            origin: origin.into(),
            message: message.into(),
        });
    }
}
