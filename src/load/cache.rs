//! The load cache: what loading each entry file gave at the last build, so
//! that a rebuild parses and checks only the entry files that changed
//! (issue 13: parsing 10,000 entries is most of a rebuild's load).
//!
//! `build` keeps it in one file next to the output folder,
//! `PARENT/.NAME.allclear-cache` (`.public.allclear-cache` for `public`),
//! written after a successful swap only. It holds, per entry file that
//! loaded without an error, the file's path inside the site folder, the
//! SHA-256 of its bytes and the [`Incident`](crate::model::Incident) or
//! [`Maintenance`](crate::model::Maintenance) that loading it gave. Loading
//! one entry file reads nothing but its bytes, its path (which gives its
//! kind and id) and `site.yaml` (components, time zone, `allow_raw_html`),
//! and the code that reads it; so a file's cached value is used when:
//!
//! - its bytes have the SHA-256 recorded for its path, and
//! - the cache's site key matches: the SHA-256 of allclear's version,
//!   [`FORMAT`], the running executable's size and modification time (a
//!   rebuilt allclear of the same version may parse differently), and the
//!   whole text of `site.yaml`.
//!
//! Files with errors are never cached, so every error is found again, with
//! the same message, on every build; every check across files (duplicate
//! ids, the theme, references to static files) runs on every build too. A
//! cached file's text is still read and kept in [`super::Loaded`], so
//! warnings about it have lines and columns.
//!
//! Nothing in the file is trusted: it ends with the SHA-256 of everything
//! before it, and a cache that is missing, unreadable, truncated, corrupt,
//! from another version or for another `site.yaml` is ignored (every file
//! is parsed) and replaced after the build. It is never an error.
//!
//! The encoding is `postcard` (a compact serde format): 10,000 incidents
//! decode in a few tens of milliseconds (docs/performance.md).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Entry;
use crate::model::{Incident, Maintenance};

/// The version of the cache's layout and of the types it holds: bump it
/// whenever [`Incident`], [`Maintenance`] or anything they hold changes.
pub const FORMAT: u32 = 1;

/// The first field of every cache file.
const MAGIC: &str = "allclear load cache";

/// A SHA-256 digest.
pub(crate) type Sha = [u8; 32];

/// The SHA-256 of `bytes`.
pub(crate) fn sha(bytes: &[u8]) -> Sha {
    Sha256::digest(bytes).into()
}

/// What a cache file starts with; the entries follow.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    magic: String,
    version: String,
    format: u32,
    site_key: Sha,
}

/// One cached entry file, as read.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Stored {
    /// Path inside the site folder, e.g. `incidents/2026/x.md`.
    pub rel: PathBuf,
    /// SHA-256 of the file's bytes.
    pub digest: Sha,
    pub entry: Entry,
}

/// One entry file to cache, as written (the same encoding as [`Stored`]).
#[derive(Serialize)]
struct StoredRef<'a> {
    rel: &'a Path,
    digest: &'a Sha,
    entry: EntryRef<'a>,
}

/// [`Entry`] by reference: the same variants in the same order.
#[derive(Serialize)]
enum EntryRef<'a> {
    Incident(&'a Incident),
    Maintenance(&'a Maintenance),
}

/// The site key (see the module's documentation) for `site.yaml`'s text.
pub(super) fn site_key(site_yaml: &str) -> Sha {
    let mut h = Sha256::new();
    for part in [
        MAGIC,
        env!("CARGO_PKG_VERSION"),
        &FORMAT.to_string(),
        &executable_identity(),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(site_yaml.as_bytes());
    h.finalize().into()
}

/// The running executable's size and modification time, or nothing when
/// they cannot be read (the version and [`FORMAT`] still count).
fn executable_identity() -> String {
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    match meta {
        Ok(m) => {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {modified}", m.len())
        }
        Err(_) => String::new(),
    }
}

/// A load cache file: the entries it held when read, and what this load
/// found, to write back after a successful build.
#[derive(Debug)]
pub struct LoadCache {
    file: PathBuf,
    /// The site key and entries read from `file`; `None` when it was
    /// missing or not to be trusted.
    previous: Option<(Sha, Vec<Stored>)>,
    /// Set by the load: the site key and each entry file's digest.
    pub(super) fresh: Option<Fresh>,
}

/// What a load with the cache found.
#[derive(Debug, Default)]
pub(super) struct Fresh {
    pub site_key: Sha,
    pub digests: HashMap<PathBuf, Sha>,
    pub hits: usize,
    pub total: usize,
}

impl LoadCache {
    /// Read the cache file `file`. Never fails: a cache that is missing or
    /// not to be trusted (see the module's documentation) holds nothing.
    pub fn open(file: &Path) -> LoadCache {
        let previous = std::fs::read(file).ok().and_then(|bytes| decode(&bytes));
        LoadCache {
            file: file.to_path_buf(),
            previous,
            fresh: None,
        }
    }

    /// Where the cache is kept.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// `(from the cache, entry files)` of the last load with it, `None`
    /// before one (or when `site.yaml` had errors, so the cache was not used).
    pub fn hits(&self) -> Option<(usize, usize)> {
        self.fresh.as_ref().map(|f| (f.hits, f.total))
    }

    /// The cached entries for `site_key`, taken out (empty for another key).
    pub(super) fn take(&mut self, site_key: &Sha) -> HashMap<PathBuf, Stored> {
        match self.previous.take() {
            Some((key, entries)) if key == *site_key => entries.into_iter().map(|s| (s.rel.clone(), s)).collect(),
            _ => HashMap::new(),
        }
    }

    /// Write the cache for `loaded`, the site this cache's load gave:
    /// atomically (a temporary file next to it, then renamed over it), so
    /// a reader sees the old cache or the new one, whole. Does nothing
    /// when the load did not use the cache.
    ///
    /// # Errors
    /// I/O errors, and an entry path that is not UTF-8 (postcard writes
    /// paths as text).
    pub fn save(&self, loaded: &super::Loaded) -> std::io::Result<()> {
        let Some(fresh) = &self.fresh else { return Ok(()) };
        let site = &loaded.site;
        let entries = site
            .incidents
            .iter()
            .map(|i| (&i.path, EntryRef::Incident(i)))
            .chain(site.maintenances.iter().map(|m| (&m.path, EntryRef::Maintenance(m))));
        let mut stored: Vec<StoredRef<'_>> = Vec::with_capacity(site.incidents.len() + site.maintenances.len());
        for (rel, entry) in entries {
            let Some(digest) = fresh.digests.get(rel) else { continue };
            stored.push(StoredRef {
                rel: rel.as_path(),
                digest,
                entry,
            });
        }
        stored.sort_by(|a, b| a.rel.cmp(b.rel));
        let bytes = encode(
            &Header {
                magic: MAGIC.to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                format: FORMAT,
                site_key: fresh.site_key,
            },
            &stored,
        )?;
        let parent = match self.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // `.NAME.allclear-cache-tmp-*`: a build killed while writing
        // leaves it, and the next build removes it (`output::swap`).
        let prefix = format!(
            "{}-tmp-",
            self.file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        );
        let mut tmp = tempfile::Builder::new().prefix(&prefix).tempfile_in(parent)?;
        tmp.write_all(&bytes)?;
        // No fsync: a cache cut short by a crash fails its checksum and is
        // ignored, which costs one slower build, not a wrong one.
        tmp.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The file's bytes: header, entries, then the SHA-256 of both.
fn encode(header: &Header, stored: &[StoredRef<'_>]) -> std::io::Result<Vec<u8>> {
    let invalid = |e: postcard::Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
    let mut bytes = postcard::to_allocvec(header).map_err(invalid)?;
    bytes.extend(postcard::to_allocvec(stored).map_err(invalid)?);
    let check = sha(&bytes);
    bytes.extend_from_slice(&check);
    Ok(bytes)
}

/// The site key and entries of a cache file of this allclear, `None` for
/// anything else (see the module's documentation).
fn decode(bytes: &[u8]) -> Option<(Sha, Vec<Stored>)> {
    let (body, check) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
    if sha(body) != check {
        return None;
    }
    let (header, rest): (Header, _) = postcard::take_from_bytes(body).ok()?;
    if header.magic != MAGIC || header.version != env!("CARGO_PKG_VERSION") || header.format != FORMAT {
        return None;
    }
    let (entries, rest): (Vec<Stored>, _) = postcard::take_from_bytes(rest).ok()?;
    rest.is_empty().then_some((header.site_key, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(version: &str, format: u32) -> Header {
        Header {
            magic: MAGIC.to_string(),
            version: version.to_string(),
            format,
            site_key: site_key("title: x\n"),
        }
    }

    #[test]
    fn reads_back_only_its_own_version_and_format() {
        let ours = encode(&header(env!("CARGO_PKG_VERSION"), FORMAT), &[]).unwrap();
        let (key, entries) = decode(&ours).expect("our own cache reads back");
        assert_eq!(key, site_key("title: x\n"));
        assert!(entries.is_empty());
        assert!(decode(&encode(&header("0.0.0-other", FORMAT), &[]).unwrap()).is_none());
        assert!(decode(&encode(&header(env!("CARGO_PKG_VERSION"), FORMAT + 1), &[]).unwrap()).is_none());
    }

    #[test]
    fn refuses_damaged_bytes() {
        let ours = encode(&header(env!("CARGO_PKG_VERSION"), FORMAT), &[]).unwrap();
        assert!(decode(&[]).is_none());
        assert!(decode(&ours[..ours.len() - 1]).is_none());
        let mut flipped = ours.clone();
        flipped[3] ^= 1;
        assert!(decode(&flipped).is_none());
        // A valid checksum over bytes that are not a cache.
        let mut garbage = b"not a cache at all".to_vec();
        let check = sha(&garbage);
        garbage.extend_from_slice(&check);
        assert!(decode(&garbage).is_none());
    }

    #[test]
    fn site_key_covers_site_yaml() {
        assert_ne!(site_key("time_zone: UTC\n"), site_key("time_zone: Europe/Paris\n"));
        assert_eq!(site_key("a: 1\n"), site_key("a: 1\n"));
    }
}
