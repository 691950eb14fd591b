//! Which updates are new or changed between two versions of a site.
//!
//! Updates are compared by identity, not by text: an update is its entry's
//! id and its time ([`ids::update_key`]), the key its API id and feed ids
//! derive from. An update whose identity is not in the old site is new; one
//! whose identity is there but whose content differs is changed. The content
//! is what a reader is told: the status, the message, the promised next
//! update and the component statuses (for a maintenance update, its window).
//! Reformatting a file, moving it to another folder or reordering its
//! updates changes nothing; removed updates are not reported.
//!
//! An incident's postmortem counts as one more update of the incident,
//! `ID@postmortem`, at its publication time, whose content is its text and
//! that time: adding one is new, editing it (or its time) is a change.
//!
//! A maintenance without any update is announced by its file alone: it
//! counts as one update, its *announcement*, at `scheduled_for`, whose
//! content is the title, the window, the components and `cancelled`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::model::{ComponentIdx, ComponentStatus, Site};
use crate::{format, ids};

/// Which folder an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Incident,
    Maintenance,
}

/// How an update differs from the old site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Its identity is not in the old site.
    New,
    /// Same identity, different content: the author edited it.
    Changed,
}

impl Change {
    /// `new` or `changed`, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
        }
    }
}

/// One update of a site, with what is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub kind: EntryKind,
    pub entry_id: String,
    /// The update's time (for an announcement, the window's start).
    pub at: DateTime<Utc>,
    /// Which of the entry's updates at that same second this is, from 0.
    pub occurrence: usize,
    /// The identity: [`ids::update_key`], with `#2`, `#3` appended for
    /// further updates at the same second.
    pub key: String,
    /// True for the announcement of a maintenance that has no updates.
    pub announcement: bool,
    /// True for an incident's postmortem: `at` is its publication time and
    /// the key is `ENTRY_ID@postmortem`, one per incident whatever the time.
    pub postmortem: bool,
    /// The content, as canonical JSON text: equal text, equal content.
    pub content: String,
}

impl Update {
    /// A short, stable digest of the content (12 base-36 characters), as
    /// the ledger stores it.
    pub fn content_hash(&self) -> String {
        ids::api_id("content", &self.content)
    }
}

/// An update of the current site that the old site did not have, or had
/// with other content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub update: Update,
    pub change: Change,
}

/// The updates of `new` that are new or changed compared with `old`
/// (`None`: nothing existed), oldest first, then by entry id.
pub fn changes(old: Option<&Site>, new: &Site) -> Vec<Found> {
    let before: HashMap<String, Update> = old
        .map(updates)
        .unwrap_or_default()
        .into_iter()
        .map(|u| (u.key.clone(), u))
        .collect();
    let mut out: Vec<Found> = updates(new)
        .into_iter()
        .filter_map(|u| {
            let change = match before.get(&u.key) {
                None => Change::New,
                Some(b) if b.content != u.content => Change::Changed,
                Some(_) => return None,
            };
            Some(Found { update: u, change })
        })
        .collect();
    out.sort_by(|a, b| (a.update.at, &a.update.key).cmp(&(b.update.at, &b.update.key)));
    out
}

/// Every update of `site`, each with its identity and content.
pub fn updates(site: &Site) -> Vec<Update> {
    let comp_id = |c: ComponentIdx| site.components[c].id.clone();
    let statuses = |list: &[(ComponentIdx, ComponentStatus)], into: &mut BTreeMap<String, &'static str>| {
        for &(c, s) in list {
            into.insert(comp_id(c), s.as_str());
        }
    };
    let mut out = Vec::new();
    for inc in &site.incidents {
        let mut keys = Keys::default();
        for (k, u) in inc.updates.iter().enumerate() {
            // The first update carries the entry's initial component
            // statuses, as its `affected_components` in the API do.
            let mut components = BTreeMap::new();
            if k == 0 {
                statuses(&inc.components, &mut components);
            }
            statuses(&u.components, &mut components);
            let content = json!({
                "status": u.status.as_str(),
                "message": u.message.source.trim(),
                "next_update": u.next_update.map(format::iso_utc),
                "components": components,
            });
            out.push(keys.update(EntryKind::Incident, &inc.id, u.at, false, content));
        }
        if let (Some(body), Some(at)) = (&inc.postmortem, inc.postmortem_published_at) {
            let content = json!({
                "postmortem": body.source.trim(),
                "published_at": format::iso_utc(at),
            });
            out.push(Update {
                kind: EntryKind::Incident,
                entry_id: inc.id.clone(),
                at,
                occurrence: 0,
                key: format!("{}@postmortem", inc.id),
                announcement: false,
                postmortem: true,
                content: content.to_string(),
            });
        }
    }
    for m in &site.maintenances {
        let mut keys = Keys::default();
        if m.updates.is_empty() {
            let mut components = BTreeMap::new();
            statuses(&m.components, &mut components);
            let content = json!({
                "title": m.title.trim(),
                "scheduled_for": format::iso_utc(m.scheduled_for),
                "scheduled_until": format::iso_utc(m.scheduled_until),
                "components": components,
                "cancelled": m.cancelled,
            });
            out.push(keys.update(EntryKind::Maintenance, &m.id, m.scheduled_for, true, content));
        }
        for u in &m.updates {
            let mut content = json!({
                "status": u.status.as_str(),
                "message": u.message.source.trim(),
                "scheduled_for": u.scheduled_for.map(format::iso_utc),
                "scheduled_until": u.scheduled_until.map(format::iso_utc),
            });
            // Only when set, so the content of every other update (and the
            // ledger's record of it) stays what it was.
            if u.cancels {
                content["cancelled"] = json!(true);
            }
            out.push(keys.update(EntryKind::Maintenance, &m.id, u.at, false, content));
        }
    }
    out
}

/// Numbers the updates of one entry that share a second.
#[derive(Default)]
struct Keys {
    seen: HashMap<DateTime<Utc>, usize>,
}

impl Keys {
    fn update(
        &mut self,
        kind: EntryKind,
        entry_id: &str,
        at: DateTime<Utc>,
        announcement: bool,
        content: serde_json::Value,
    ) -> Update {
        let occurrence = {
            let n = self.seen.entry(at).or_insert(0);
            *n += 1;
            *n - 1
        };
        let base = ids::update_key(entry_id, at);
        let key = if occurrence == 0 {
            base
        } else {
            format!("{base}#{}", occurrence + 1)
        };
        Update {
            kind,
            entry_id: entry_id.to_string(),
            at,
            occurrence,
            key,
            announcement,
            postmortem: false,
            content: content.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load};
    use std::fs;
    use std::path::Path;

    fn site(dir: &Path, incident: &str) -> Site {
        fs::create_dir_all(dir.join("incidents")).unwrap();
        fs::write(
            dir.join("site.yaml"),
            "title: T\nbase_url: https://s.example\ncomponents:\n  - id: api\n    name: API\n",
        )
        .unwrap();
        fs::write(dir.join("incidents/2026-11-20-x.md"), incident).unwrap();
        load(dir, &LoadOptions::default()).unwrap().site
    }

    const ONE: &str = "---\ntitle: X\nimpact: minor\ncomponents:\n  api: degraded_performance\nupdates:\n  - at: 2026-11-20T14:00:00Z\n    status: investigating\n    message: Looking.\n---\n";

    #[test]
    fn same_site_has_no_changes_and_empty_old_makes_all_new() {
        let tmp = tempfile::tempdir().unwrap();
        let s = site(tmp.path(), ONE);
        assert!(changes(Some(&s), &s).is_empty());
        let all = changes(None, &s);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].change, Change::New);
        assert_eq!(all[0].update.key, "2026-11-20-x@2026-11-20T14:00:00Z");
    }

    #[test]
    fn edits_are_changes_and_reformatting_is_not() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let c = tempfile::tempdir().unwrap();
        let old = site(a.path(), ONE);
        let reformatted = site(
            b.path(),
            &ONE.replace("message: Looking.", "message: |\n      Looking.\n"),
        );
        assert!(changes(Some(&old), &reformatted).is_empty());
        let edited = site(c.path(), &ONE.replace("degraded_performance", "major_outage"));
        let found = changes(Some(&old), &edited);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].change, Change::Changed);
        assert_ne!(found[0].update.content_hash(), updates(&old)[0].content_hash());
    }

    #[test]
    fn updates_at_the_same_second_get_distinct_keys() {
        let tmp = tempfile::tempdir().unwrap();
        let front = ONE.trim_end_matches("---\n");
        let text =
            format!("{front}  - at: 2026-11-20T14:00:00Z\n    status: identified\n    message: Found it.\n---\n");
        let s = site(tmp.path(), &text);
        let keys: Vec<String> = updates(&s).into_iter().map(|u| u.key).collect();
        assert_eq!(
            keys,
            [
                "2026-11-20-x@2026-11-20T14:00:00Z",
                "2026-11-20-x@2026-11-20T14:00:00Z#2"
            ]
        );
    }
}
