//! The ledger: which update went to which target, so that `notify` never
//! posts the same update twice.
//!
//! It is a small JSON file in the repository's git folder
//! (`.git/allclear-notify.json`), outside the work tree and never
//! committed. A record is keyed by the target, the update's identity and
//! the hash of its content: an edited update has another hash and is
//! posted again. Targets are stored as the SHA-256 of their URL, never the
//! URL itself, because webhook URLs are secrets.
//!
//! Ledgers written by allclear 0.1 keyed targets by a short FNV-1a id
//! ([`legacy_target_id`]). They are read as they are: a record under
//! either id counts, so an upgrade posts nothing again, and the records
//! of a target move to its SHA-256 id the next time something is posted
//! to it.

use std::fs;
use std::io::{self, Write};
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
    /// [`target_id`] of the URL ([`legacy_target_id`] in records written
    /// by allclear 0.1 that have not moved yet).
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

/// Why the ledger could not be read or written (`notify` exits 1).
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("cannot read the notify ledger {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "the notify ledger {} is damaged ({source}); remove it to start afresh (updates already posted may then be posted again)",
        path.display()
    )]
    Damaged { path: PathBuf, source: serde_json::Error },
    #[error("cannot write the ledger {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// The id a target URL is stored under: the SHA-256 of the URL as given,
/// 64 lowercase hex digits. A one-way hash, so the ledger does not reveal
/// the secret in a webhook URL (FIPS 180-4; the `sha2` crate).
pub fn target_id(url: &str) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(url.as_bytes()))
}

/// The id allclear 0.1 stored a target URL under: [`ids::api_id`] of kind
/// `target`, 12 base-36 characters (64-bit FNV-1a). Only read, to match
/// records written before the ledger moved to [`target_id`].
pub fn legacy_target_id(url: &str) -> String {
    ids::api_id("target", url)
}

impl Ledger {
    /// Read the ledger at `path`; a missing file is an empty ledger.
    ///
    /// # Errors
    /// [`LedgerError::Read`] when the file cannot be read,
    /// [`LedgerError::Damaged`] when it is not a ledger.
    pub fn load(path: &Path) -> Result<Ledger, LedgerError> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Ledger {
                    version: 1,
                    posted: Vec::new(),
                });
            }
            Err(source) => {
                return Err(LedgerError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes).map_err(|source| LedgerError::Damaged {
            path: path.to_path_buf(),
            source,
        })
    }

    /// True when this update, with this content, already went to `url`
    /// (recorded under [`target_id`] or [`legacy_target_id`]).
    pub fn contains(&self, url: &str, update: &str, content: &str) -> bool {
        let (target, legacy) = (target_id(url), legacy_target_id(url));
        self.posted
            .iter()
            .any(|r| (r.target == target || r.target == legacy) && r.update == update && r.content == content)
    }

    /// Note a successful post. Records of the same URL under its
    /// [`legacy_target_id`] move to its [`target_id`].
    pub fn record(&mut self, url: &str, update: &str, content: &str, posted_at: &str) {
        let (target, legacy) = (target_id(url), legacy_target_id(url));
        for r in self.posted.iter_mut().filter(|r| r.target == legacy) {
            r.target.clone_from(&target);
        }
        self.posted.push(Record {
            target,
            host: redact::redact(url).host.unwrap_or_default(),
            update: update.into(),
            content: content.into(),
            posted_at: posted_at.into(),
        });
    }

    /// Write the ledger to `path`, atomically: a temporary file in the
    /// same folder ([`tempfile::NamedTempFile`], removed if anything
    /// fails), flushed to disk and renamed over it. The file is readable by
    /// its owner only.
    ///
    /// # Errors
    /// [`LedgerError::Write`] with the I/O error.
    pub fn save(&self, path: &Path) -> Result<(), LedgerError> {
        self.write(path).map_err(|source| LedgerError::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    fn write(&self, path: &Path) -> io::Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        bytes.push(b'\n');
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::Builder::new()
            .prefix(".allclear-notify.")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        tmp.write_all(&bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map(drop).map_err(|e| e.error)
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
        assert!(text.contains(&target_id("https://hooks.example/secret")));
        assert_eq!(
            target_id("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "FIPS 180-2's example"
        );
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE_NAME], "no temporary file is left");
        fs::write(&path, "not json").unwrap();
        let damaged = Ledger::load(&path).unwrap_err();
        assert!(matches!(damaged, LedgerError::Damaged { .. }), "{damaged:?}");
        assert!(damaged.to_string().contains(&path.display().to_string()), "{damaged}");
        let unwritable = ledger
            .save(&tmp.path().join("no/such/folder").join(FILE_NAME))
            .unwrap_err();
        assert!(
            unwritable.to_string().starts_with("cannot write the ledger "),
            "{unwritable}"
        );
    }

    /// A ledger written by allclear 0.1 (tests/fixtures/notify-ledger-0.1,
    /// saved by that version's code), keyed by FNV ids: every record still
    /// counts, and a new post moves the target's records to SHA-256.
    #[test]
    fn a_ledger_of_0_1_keeps_working() {
        const HOOK: &str = "https://hooks.example/services/T000/B000/SECRET";
        const OTHER: &str = "https://other.example/hook?token=XYZ";
        const FIRST: &str = "2026-11-20-api-errors@2026-11-20T14:25:00Z";
        const SECOND: &str = "2026-11-20-api-errors@2026-11-20T15:10:00Z";
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        fs::copy(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/notify-ledger-0.1/allclear-notify.json"
            ),
            &path,
        )
        .unwrap();
        let mut ledger = Ledger::load(&path).unwrap();
        assert_eq!(
            ledger.posted[0].target,
            legacy_target_id(HOOK),
            "the fixture is keyed by 0.1's ids"
        );
        assert!(ledger.contains(HOOK, FIRST, "0f3a"));
        assert!(ledger.contains(HOOK, SECOND, "9c1d"));
        assert!(ledger.contains(OTHER, FIRST, "0f3a"));
        assert!(!ledger.contains(OTHER, SECOND, "9c1d"));
        assert!(!ledger.contains(HOOK, FIRST, "edited"));

        ledger.record(HOOK, "b@2026-11-21T09:00:00Z", "77aa", "2026-11-21T09:05:00Z");
        ledger.save(&path).unwrap();
        let back = Ledger::load(&path).unwrap();
        let targets: Vec<&str> = back.posted.iter().map(|r| r.target.as_str()).collect();
        let (hook, other) = (target_id(HOOK), legacy_target_id(OTHER));
        assert_eq!(targets, [hook.as_str(), hook.as_str(), other.as_str(), hook.as_str()]);
        for (url, update, content) in [(HOOK, FIRST, "0f3a"), (HOOK, SECOND, "9c1d"), (OTHER, FIRST, "0f3a")] {
            assert!(back.contains(url, update, content), "{url} {update}");
        }
        assert!(back.contains(HOOK, "b@2026-11-21T09:00:00Z", "77aa"));
    }
}
