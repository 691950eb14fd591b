//! The load cache: what loading each entry file gave at the last build, so
//! that a rebuild parses and checks only the entry files that changed
//! (issue 13: parsing 10,000 entries is most of a rebuild's load).
//!
//! `build` keeps it in one file next to the output folder,
//! `PARENT/.NAME.allclear-cache` (`.public.allclear-cache` for `public`),
//! written after a successful swap only, with the output's lock held. It
//! holds, per entry file that loaded without an error, the file's path
//! inside the site folder, the SHA-256 of its bytes and the [`Incident`]
//! or [`Maintenance`] that loading it gave. Loading one entry file reads
//! nothing but its bytes, its path (which gives its
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
//! warnings about it have lines and columns. Loading one file gives no
//! warnings today (those about entries, like an update dated after the
//! build, come from the pipeline on every build); a per-file warning added
//! to loading would have to be cached with the value, and [`FORMAT`]
//! bumped.
//!
//! Translation files (`NAME.LANG.md`, `load::translation`) are not
//! entry files and are never cached: they are read and checked against
//! the loaded entries on every load, so an edited translation, or an
//! original whose update times moved, is never served stale.
//!
//! Nothing in the file is trusted: it ends with the SHA-256 of everything
//! before it, and a cache that is missing, unreadable, truncated, corrupt,
//! from another version or for another `site.yaml` is ignored (every file
//! is parsed) and replaced after the build. It is never an error.
//!
//! The layout: a header (magic, version, [`FORMAT`], site key), the
//! entries' values one after the other, an index (path, SHA-256 and length
//! of each value, in the same order), the index's length, then the SHA-256
//! of all of it; each part in `postcard`, a compact serde format. It is
//! written as a stream, so a build holds no second copy of its entries. A value is decoded only for a file whose bytes
//! match, and an unchanged one is written back as the bytes it was read
//! as, so a rebuild after one edit encodes one entry. At 10,000 incidents
//! the file is 21 MB, read and checked in about 15 ms and written in about
//! 50 ms (docs/performance.md).
//!
//! Writing it is skipped while it is nearly current ([`LoadCache::write`]):
//! when it is for the same site key and at most one in [`SLACK_SHARE`] of
//! the entry files (at least [`SLACK_MIN`]) were parsed rather than taken
//! from it, and as few of its values went unused, the file stays as it is. The
//! next build parses those few files again (about 30 µs each), which costs
//! far less than writing 21 MB after every update.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Entry;
use crate::model::{Incident, Maintenance};

/// The version of the cache's layout and of the types it holds: bump it
/// whenever [`Incident`], [`Maintenance`] or anything they hold changes.
pub const FORMAT: u32 = 1;

/// How many entry files a cache may miss and still be left as it is, as a
/// share of the site's entry files: one in a hundred (see the module's
/// documentation).
pub const SLACK_SHARE: usize = 100;

/// How many entry files a cache may always miss and still be left as it is.
pub const SLACK_MIN: usize = 16;

/// The first field of every cache file.
const MAGIC: &str = "allclear load cache";

/// A SHA-256 digest.
pub(crate) type Sha = [u8; 32];

/// The SHA-256 of `bytes`.
pub(crate) fn sha(bytes: &[u8]) -> Sha {
    Sha256::digest(bytes).into()
}

/// What a cache file starts with; the entries' encoded values and their
/// [`Index`] follow.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    magic: String,
    version: String,
    format: u32,
    site_key: Sha,
}

/// One cached entry file: its path inside the site folder (e.g.
/// `incidents/2026/x.md`), the SHA-256 of its bytes, and the length in
/// bytes of its encoded [`Entry`], the values being in the index's order. An entry is decoded only when its file is used: an unchanged
/// entry is written back as the very bytes it was read as.
#[derive(Debug, Serialize, Deserialize)]
struct Index {
    rel: PathBuf,
    digest: Sha,
    len: u64,
}

/// [`Entry`] by reference, to encode: the same variants in the same order.
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

/// A cache file as read: its bytes, and where each entry's encoded value
/// is in them.
#[derive(Debug)]
pub(super) struct Previous {
    site_key: Sha,
    bytes: Vec<u8>,
    entries: HashMap<PathBuf, (Sha, Range<usize>)>,
}

impl Previous {
    /// The cached value of the entry file `rel` whose bytes have the
    /// SHA-256 `digest`, and where its encoding is; `None` when the cache
    /// has no such file with those bytes, or its value does not decode.
    pub fn get(&self, rel: &Path, digest: &Sha) -> Option<(Entry, Range<usize>)> {
        let (known, range) = self.entries.get(rel)?;
        if known != digest {
            return None;
        }
        let (entry, rest) = postcard::take_from_bytes::<Entry>(&self.bytes[range.clone()]).ok()?;
        rest.is_empty().then(|| (entry, range.clone()))
    }
}

/// A load cache file: the entries it held when read, and what this load
/// found, to write back after a successful build.
#[derive(Debug)]
pub struct LoadCache {
    file: PathBuf,
    /// What `file` held; `None` when it was missing or not to be trusted.
    previous: Option<Previous>,
    /// Set by the load: the site key and each entry file's digest.
    pub(super) fresh: Option<Fresh>,
}

/// What a load with the cache found.
#[derive(Debug, Default)]
pub(super) struct Fresh {
    pub site_key: Sha,
    /// Each entry file that loaded: its digest, and where in the previous
    /// cache's bytes its value's encoding is when it came from there.
    pub digests: HashMap<PathBuf, (Sha, Option<Range<usize>>)>,
    pub hits: usize,
    pub total: usize,
}

impl LoadCache {
    /// Read the cache file `file`. Never fails: a cache that is missing or
    /// not to be trusted (see the module's documentation) holds nothing.
    pub fn open(file: &Path) -> LoadCache {
        let bytes = crate::timing::phase("load: read cache: file", || std::fs::read(file).ok());
        let previous = bytes.and_then(|bytes| crate::timing::phase("load: read cache: check", || decode(bytes)));
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

    /// Whether the cache file is for this load's site key and misses at
    /// most a few of its entry files, with as few of its own values unused
    /// (old versions of changed files, deleted files): then it is not
    /// written again (see the module's documentation).
    fn nearly_current(&self, fresh: &Fresh) -> bool {
        let Some(previous) = self.previous(&fresh.site_key) else {
            return false;
        };
        let slack = (fresh.total / SLACK_SHARE).max(SLACK_MIN);
        let parsed = fresh.total - fresh.hits;
        let unused = previous.entries.len().saturating_sub(fresh.hits);
        parsed <= slack && unused <= slack
    }

    /// The cached entries, when they are for `site_key`.
    pub(super) fn previous(&self, site_key: &Sha) -> Option<&Previous> {
        self.previous.as_ref().filter(|p| p.site_key == *site_key)
    }

    /// Write the cache for `loaded`, the site this cache's load gave:
    /// [`LoadCache::write`], then [`Written::persist`] (nothing when the
    /// cache is nearly current).
    ///
    /// # Errors
    /// As [`LoadCache::write`] and [`Written::persist`].
    pub fn save(&self, loaded: &super::Loaded) -> std::io::Result<()> {
        self.write(loaded)?.map_or(Ok(()), Written::persist)
    }

    /// Write the cache for `loaded`, the site this cache's load gave, to a
    /// temporary file next to the cache (`.NAME.allclear-cache-tmp-*`),
    /// which [`Written::persist`] renames over it, so a reader sees the old
    /// cache or the new one, whole; dropped without that, the file is
    /// removed and the cache stays as it was. `build` writes it while the
    /// site renders and persists it once the new site is in place. An
    /// entry that came from the cache is written back as the bytes it was
    /// read as; only the others are encoded. `None` when the load did not
    /// use the cache, or the cache is nearly current (at most one in
    /// [`SLACK_SHARE`] of the entry files, at least [`SLACK_MIN`], parsed
    /// rather than taken from it): it is then left as it is.
    ///
    /// # Errors
    /// I/O errors, and an entry path that is not UTF-8 (postcard writes
    /// paths as text).
    pub fn write(&self, loaded: &super::Loaded) -> std::io::Result<Option<Written>> {
        let Some(fresh) = &self.fresh else { return Ok(None) };
        if self.nearly_current(fresh) {
            return Ok(None);
        }
        let invalid = |e: postcard::Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        let site = &loaded.site;
        let mut entries: Vec<(&PathBuf, EntryRef<'_>)> = site
            .incidents
            .iter()
            .map(|i| (&i.path, EntryRef::Incident(i)))
            .chain(site.maintenances.iter().map(|m| (&m.path, EntryRef::Maintenance(m))))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let header = Header {
            magic: MAGIC.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            format: FORMAT,
            site_key: fresh.site_key,
        };
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
        let tmp = tempfile::Builder::new().prefix(&prefix).tempfile_in(parent)?;
        // Streamed, so that a build of 10,000 entries holds no second copy
        // of them: each value is written as it is encoded (or copied from
        // the previous cache), the index after them.
        let mut out = Hashed {
            file: std::io::BufWriter::with_capacity(1 << 20, tmp),
            sha: Sha256::new(),
        };
        out.write_all(&postcard::to_allocvec(&header).map_err(invalid)?)?;
        let mut index = Vec::with_capacity(entries.len());
        for (rel, entry) in &entries {
            let Some((digest, from)) = fresh.digests.get(*rel) else {
                continue;
            };
            let len = match (from, &self.previous) {
                (Some(range), Some(previous)) => {
                    out.write_all(&previous.bytes[range.clone()])?;
                    range.len()
                }
                _ => {
                    let value = postcard::to_allocvec(entry).map_err(invalid)?;
                    out.write_all(&value)?;
                    value.len()
                }
            };
            index.push(Index {
                rel: (*rel).clone(),
                digest: *digest,
                len: len as u64,
            });
        }
        let index = postcard::to_allocvec(&index).map_err(invalid)?;
        out.write_all(&index)?;
        out.write_all(&(index.len() as u64).to_le_bytes())?;
        let check: Sha = out.sha.finalize().into();
        let mut file = out.file;
        file.write_all(&check)?;
        let tmp = file.into_inner().map_err(std::io::IntoInnerError::into_error)?;
        Ok(Some(Written {
            tmp,
            file: self.file.clone(),
        }))
    }
}

/// A load cache written to its temporary file by [`LoadCache::write`], not
/// yet in place; dropped, the temporary file is removed.
#[derive(Debug)]
pub struct Written {
    tmp: tempfile::NamedTempFile,
    file: PathBuf,
}

impl Written {
    /// Rename the temporary file over the cache file.
    ///
    /// # Errors
    /// I/O errors of the rename; the temporary file is then removed.
    pub fn persist(self) -> std::io::Result<()> {
        // No fsync: a cache cut short by a crash fails its checksum and is
        // ignored, which costs one slower build, not a wrong one.
        self.tmp.persist(&self.file).map(|_| ()).map_err(|e| e.error)
    }
}

/// A writer that also hashes what goes through it.
struct Hashed<W> {
    file: W,
    sha: Sha256,
}

impl<W: Write> Hashed<W> {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.sha.update(bytes);
        self.file.write_all(bytes)
    }
}

/// A cache file's bytes, in one piece (for tests; [`LoadCache::save`]
/// streams the same layout): header, the entries' values, the index, the
/// index's length (8 bytes, little-endian), then the SHA-256 of all that.
#[cfg(test)]
fn encode(header: &Header, index: &[Index], values: &[u8]) -> Result<Vec<u8>, postcard::Error> {
    let mut bytes = postcard::to_allocvec(header)?;
    bytes.extend_from_slice(values);
    let index = postcard::to_allocvec(index)?;
    bytes.extend_from_slice(&index);
    bytes.extend_from_slice(&(index.len() as u64).to_le_bytes());
    let check = sha(&bytes);
    bytes.extend_from_slice(&check);
    Ok(bytes)
}

/// A cache file of this allclear, `None` for anything else (see the
/// module's documentation). Only its frame is read here: each entry's
/// value is decoded when it is used ([`Previous::get`]).
fn decode(mut bytes: Vec<u8>) -> Option<Previous> {
    let body_len = bytes.len().checked_sub(32)?;
    let (body, check) = bytes.split_at(body_len);
    if sha(body) != check {
        return None;
    }
    let index_end = body_len.checked_sub(8)?;
    let index_len = usize::try_from(u64::from_le_bytes(body[index_end..].try_into().ok()?)).ok()?;
    let index_start = index_end.checked_sub(index_len)?;
    let (header, rest): (Header, _) = postcard::take_from_bytes(&body[..index_start]).ok()?;
    if header.magic != MAGIC || header.version != env!("CARGO_PKG_VERSION") || header.format != FORMAT {
        return None;
    }
    let (index, left): (Vec<Index>, _) = postcard::take_from_bytes(&body[index_start..index_end]).ok()?;
    if !left.is_empty() {
        return None;
    }
    let mut at = index_start - rest.len();
    let mut entries = HashMap::with_capacity(index.len());
    for Index { rel, digest, len } in index {
        let end = at.checked_add(usize::try_from(len).ok()?)?;
        if end > index_start {
            return None;
        }
        entries.insert(rel, (digest, at..end));
        at = end;
    }
    if at != index_start {
        return None;
    }
    bytes.truncate(index_start);
    Some(Previous {
        site_key: header.site_key,
        bytes,
        entries,
    })
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

    fn ours() -> Vec<u8> {
        let index = [Index {
            rel: PathBuf::from("incidents/a.md"),
            digest: sha(b"a"),
            len: 3,
        }];
        encode(&header(env!("CARGO_PKG_VERSION"), FORMAT), &index, b"xyz").unwrap()
    }

    #[test]
    fn reads_back_only_its_own_version_and_format() {
        let previous = decode(ours()).expect("our own cache reads back");
        assert_eq!(previous.site_key, site_key("title: x\n"));
        let (digest, range) = &previous.entries[Path::new("incidents/a.md")];
        assert_eq!(*digest, sha(b"a"));
        assert_eq!(&previous.bytes[range.clone()], b"xyz");
        // Not an encoded entry: refused when used, not trusted.
        assert!(previous.get(Path::new("incidents/a.md"), &sha(b"a")).is_none());
        assert!(previous.get(Path::new("incidents/a.md"), &sha(b"b")).is_none());
        for other in [
            header("0.0.0-other", FORMAT),
            header(env!("CARGO_PKG_VERSION"), FORMAT + 1),
        ] {
            assert!(decode(encode(&other, &[], b"").unwrap()).is_none());
        }
    }

    #[test]
    fn refuses_damaged_bytes() {
        let ours = ours();
        assert!(decode(Vec::new()).is_none());
        assert!(decode(ours[..ours.len() - 1].to_vec()).is_none());
        let mut flipped = ours.clone();
        flipped[3] ^= 1;
        assert!(decode(flipped).is_none());
        // A valid checksum over bytes that are not a cache.
        let mut garbage = b"not a cache at all".to_vec();
        let check = sha(&garbage);
        garbage.extend_from_slice(&check);
        assert!(decode(garbage).is_none());
        // An index that claims more bytes than there are.
        let index = [Index {
            rel: PathBuf::from("incidents/a.md"),
            digest: sha(b"a"),
            len: 4,
        }];
        assert!(decode(encode(&header(env!("CARGO_PKG_VERSION"), FORMAT), &index, b"xyz").unwrap()).is_none());
    }

    #[test]
    fn site_key_covers_site_yaml() {
        assert_ne!(site_key("time_zone: UTC\n"), site_key("time_zone: Europe/Paris\n"));
        assert_eq!(site_key("a: 1\n"), site_key("a: 1\n"));
    }
}
