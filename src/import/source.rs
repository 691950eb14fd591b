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
    /// The page's own facts.
    pub page: Page,
    /// In display order; groups are named on their members.
    pub components: Vec<Component>,
    /// In the order the source lists them.
    pub incidents: Vec<Incident>,
    /// In the order the source lists them.
    pub maintenances: Vec<Maintenance>,
    /// What could not be mapped exactly, in the order found.
    pub notes: Vec<Note>,
}

/// The page itself.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The page's name (`site.yaml`'s `title`).
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
    /// Its display name.
    pub name: String,
    /// One line or more, as written.
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
    /// The source's id of the component, when the source gives it.
    pub key: Option<String>,
    /// The component's name as the entry gives it.
    pub name: String,
}

/// An incident, with every update, oldest first.
#[derive(Debug, Clone)]
pub struct Incident {
    /// The source's id: the entry's `source: SYSTEM:KEY`.
    pub key: String,
    /// The entry's `title`.
    pub title: String,
    /// The entry's `impact`.
    pub impact: Impact,
    /// When it started (Statuspage's `started_at`, else `created_at`):
    /// names the file, and is the entry's `started` when it comes before
    /// the first update.
    pub started: DateTime<FixedOffset>,
    /// The components' statuses from the first update on.
    pub components: Vec<(ComponentRef, ComponentStatus)>,
    /// Oldest first; at least one.
    pub updates: Vec<IncidentUpdate>,
    /// Markdown.
    pub postmortem: Option<String>,
    /// When the postmortem was published, with the source's offset.
    pub postmortem_published_at: Option<DateTime<FixedOffset>>,
}

/// One update of an incident.
#[derive(Debug, Clone)]
pub struct IncidentUpdate {
    /// With the source's offset.
    pub at: DateTime<FixedOffset>,
    /// Mapped to ours (docs/import.md).
    pub status: IncidentStatus,
    /// Markdown.
    pub message: String,
    /// The components whose status this update changes.
    pub components: Vec<(ComponentRef, ComponentStatus)>,
}

/// A scheduled maintenance, with its window and updates, oldest first.
#[derive(Debug, Clone)]
pub struct Maintenance {
    /// The source's id: the entry's `source: SYSTEM:KEY`.
    pub key: String,
    /// The entry's `title`.
    pub title: String,
    /// The window's start, with the source's offset; names the file.
    pub scheduled_for: DateTime<FixedOffset>,
    /// The window's end, with the source's offset.
    pub scheduled_until: DateTime<FixedOffset>,
    /// The components under maintenance.
    pub components: Vec<ComponentRef>,
    /// Oldest first; may be empty.
    pub updates: Vec<MaintenanceUpdate>,
}

/// One update of a maintenance.
#[derive(Debug, Clone)]
pub struct MaintenanceUpdate {
    /// With the source's offset.
    pub at: DateTime<FixedOffset>,
    /// Mapped to ours (docs/import.md).
    pub status: MaintenanceStatus,
    /// Markdown.
    pub message: String,
}

/// Something that could not be mapped exactly: where (a file, a URL or an
/// item's id) and what was done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// A file, a URL or `FILE (incident ID)`.
    pub origin: String,
    /// What was done instead, as one sentence.
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
