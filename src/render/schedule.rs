//! `api/allclear/next-change.json`: when the page next changes by the clock
//! alone, so that CI can schedule one rebuild exactly then instead of
//! polling (allclear's own file; see the README).
//!
//! ```json
//! {"generated_at": "2026-11-20T15:00:00Z", "next_change": "2026-11-20T15:30:00Z",
//!  "changes": [{"at": "2026-11-20T15:30:00Z", "what": "the next update of `x` is due"}]}
//! ```
//!
//! Times are UTC, RFC 3339. `changes` lists the next ten, soonest first.

use serde::Serialize;

use super::OutputFile;
use crate::format;
use crate::model::{ClockChange, Snapshot};

/// Output path.
pub const PATH: &str = "api/allclear/next-change.json";

#[derive(Serialize)]
struct NextChange {
    generated_at: String,
    next_change: Option<String>,
    changes: Vec<Change>,
}

#[derive(Serialize)]
struct Change {
    at: String,
    what: String,
}

/// Render [`PATH`].
pub fn render(snap: &Snapshot<'_>) -> Vec<OutputFile> {
    let mut all: Vec<(chrono::DateTime<chrono::Utc>, String)> = snap
        .next_changes()
        .into_iter()
        .map(|(t, change)| (t, what(snap, change)))
        .collect();
    // At one instant, in the order of the words: the file reads the same
    // whatever order the model lists simultaneous changes in.
    all.sort();
    let changes: Vec<Change> = all
        .into_iter()
        .take(10)
        .map(|(t, what)| Change {
            at: format::iso_utc(t),
            what,
        })
        .collect();
    let doc = NextChange {
        generated_at: format::iso_utc(snap.now),
        next_change: changes.first().map(|c| c.at.clone()),
        changes,
    };
    vec![OutputFile {
        path: PATH.into(),
        bytes: serde_json::to_vec_pretty(&doc).expect("always serializes"),
    }]
}

/// The `what` of a change: a sentence for the person reading the file.
fn what(snap: &Snapshot<'_>, change: ClockChange) -> String {
    let site = &snap.site;
    match change {
        ClockChange::MaintenanceStarts(m) => format!("maintenance `{}` starts", site.maintenances[m].id),
        ClockChange::MaintenanceEnds(m) => format!("maintenance `{}` ends", site.maintenances[m].id),
        ClockChange::UpdateDue(i) => format!("the next update of `{}` is due", site.incidents[i].id),
        ClockChange::Publication => "an update dated in the future is published".into(),
        ClockChange::NewDay => "a new day begins in the site's time zone".into(),
    }
}
