//! The page keys of an output folder (see [`crate::render::key`]), kept in
//! its marker file after the marker's text so that the next build into the
//! folder can keep a page whose inputs did not change without rendering
//! it. The marker is never published by the deploy recipes; its keys are
//! SHA-256 digests of public pages' inputs and say nothing the pages do
//! not.
//!
//! After the marker's text, the marker holds a line
//! `# page keys: FORMAT` ([`crate::render::key::KEY_FORMAT`]) and one line
//! per page, `KEY SIZE MTIME PATH`: the key in base64 (URL-safe, no
//! padding), the file's size in bytes, its modification time in
//! nanoseconds since the Unix epoch, and its path under the output folder.
//! A page is kept only when its key, size and modification time all match
//! (a file edited by hand in the output folder is rendered again); keys of
//! another format, or lines that do not parse, are ignored.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use base64::Engine;

use crate::render::key::{KEY_FORMAT, PageKey};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// What the marker says about one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub key: PageKey,
    /// Bytes.
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub mtime: u128,
}

/// The previous output's keys, and the new output's as pages are written.
#[derive(Debug, Default)]
pub(super) struct Keys {
    previous: HashMap<String, Entry>,
    next: Mutex<Vec<(String, Entry)>>,
}

/// A file's modification time in nanoseconds since the Unix epoch; `None`
/// before the epoch or where the platform has none.
pub(super) fn mtime(meta: &fs::Metadata) -> Option<u128> {
    meta.modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos())
}

impl Keys {
    /// The keys in the marker file `marker` (none when it cannot be read or
    /// holds keys of another format).
    pub fn read(marker: &Path) -> Keys {
        let text = fs::read_to_string(marker).unwrap_or_default();
        let header = format!("# page keys: {KEY_FORMAT}");
        let mut lines = text.lines().skip_while(|l| *l != header);
        let previous = if lines.next().is_some() {
            lines.filter_map(parse_line).collect()
        } else {
            HashMap::new()
        };
        Keys {
            previous,
            next: Mutex::default(),
        }
    }

    /// The previous output's entry for `path` when it has the key `key`.
    pub fn previous(&self, path: &str, key: &PageKey) -> Option<Entry> {
        self.previous.get(path).filter(|e| &e.key == key).copied()
    }

    /// Whether the previous output had a page at `path` with a key.
    pub fn has_previous(&self, path: &str) -> bool {
        self.previous.contains_key(path)
    }

    /// Note the new output's page at `path`.
    pub fn record(&self, path: &str, entry: Entry) {
        self.next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), entry));
    }

    /// The marker's text: `text`, then the new output's keys, by path.
    pub fn marker(&self, text: &str) -> String {
        let mut next = std::mem::take(&mut *self.next.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        next.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = format!("{text}\n# page keys: {KEY_FORMAT}\n");
        for (path, e) in next {
            out.push_str(&format!("{} {} {} {path}\n", B64.encode(e.key), e.size, e.mtime));
        }
        out
    }
}

fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.splitn(4, ' ');
    let key: PageKey = B64.decode(parts.next()?).ok()?.try_into().ok()?;
    let size = parts.next()?.parse().ok()?;
    let mtime = parts.next()?.parse().ok()?;
    let path = parts.next()?.to_string();
    Some((path, Entry { key, size, mtime }))
}

/// Whether `meta`, the previous output's file, is still as `entry` says.
pub(super) fn unchanged(meta: &fs::Metadata, entry: &Entry) -> bool {
    meta.is_file() && meta.len() == entry.size && mtime(meta) == Some(entry.mtime)
}
