//! The ledger: which update went to which target, so that `notify` never
//! posts the same update twice.
//!
//! It is a small JSON file in the repository's git folder
//! (`.git/allclear-notify.json`), outside the work tree and never
//! committed. A record is keyed by the target, the update's identity and
//! the hash of its content: an edited update has another hash and is
//! posted again. Targets are stored as a hash of their URL, never the URL
//! itself, because webhook URLs are secrets.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::redact;
use crate::ids;

/// The file name inside the git folder.
pub const FILE_NAME: &str = "allclear-notify.json";

/// The ledger's contents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    /// Format version, 1.
    pub version: u32,
    pub posted: Vec<Record>,
}

/// One successful post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// [`target_id`] of the URL.
    pub target: String,
    /// The URL's host ([`redact::Redacted::host`]), for people reading the
    /// file.
    pub host: String,
    /// The update's identity (`entry-id@2026-11-20T14:25:00Z`).
    pub update: String,
    /// The hash of the update's content.
    pub content: String,
    /// The reference time of the run that posted it (RFC 3339, UTC).
    pub posted_at: String,
}

/// The id a target URL is stored under.
pub fn target_id(url: &str) -> String {
    ids::api_id("target", url)
}

impl Ledger {
    /// Read the ledger at `path`; a missing file is an empty ledger.
    ///
    /// # Errors
    /// A message when the file cannot be read or is not a ledger.
    pub fn load(path: &Path) -> Result<Ledger, String> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Ledger {
                    version: 1,
                    posted: Vec::new(),
                });
            }
            Err(e) => return Err(format!("cannot read the notify ledger {}: {e}", path.display())),
        };
        serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "the notify ledger {} is damaged ({e}); remove it to start afresh (updates already posted may then be posted again)",
                path.display()
            )
        })
    }

    /// True when this update, with this content, already went to `url`.
    pub fn contains(&self, url: &str, update: &str, content: &str) -> bool {
        let target = target_id(url);
        self.posted
            .iter()
            .any(|r| r.target == target && r.update == update && r.content == content)
    }

    /// Note a successful post.
    pub fn record(&mut self, url: &str, update: &str, content: &str, posted_at: &str) {
        self.posted.push(Record {
            target: target_id(url),
            host: redact::redact(url).host.unwrap_or_default(),
            update: update.into(),
            content: content.into(),
            posted_at: posted_at.into(),
        });
    }

    /// Write the ledger to `path`, atomically (a temporary file renamed
    /// over it).
    ///
    /// # Errors
    /// The I/O error.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut tmp = PathBuf::from(path);
        tmp.set_extension(format!("json.tmp-{}", std::process::id()));
        let mut bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        bytes.push(b'\n');
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, path).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lookup() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        let mut ledger = Ledger::load(&path).unwrap();
        assert!(ledger.posted.is_empty());
        ledger.record(
            "https://hooks.example/secret",
            "a@2026-11-20T14:00:00Z",
            "h1",
            "2026-11-20T15:00:00Z",
        );
        ledger.save(&path).unwrap();
        let back = Ledger::load(&path).unwrap();
        assert_eq!(back, ledger);
        assert!(back.contains("https://hooks.example/secret", "a@2026-11-20T14:00:00Z", "h1"));
        assert!(!back.contains("https://hooks.example/secret", "a@2026-11-20T14:00:00Z", "h2"));
        assert!(!back.contains("https://hooks.example/other", "a@2026-11-20T14:00:00Z", "h1"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.contains("secret"), "the URL is not stored");
        fs::write(&path, "not json").unwrap();
        assert!(Ledger::load(&path).is_err());
    }
}
