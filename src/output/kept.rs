//! The kept site: after a swap, the site it replaced is not deleted but
//! kept next to the output folder as `.NAME.allclear-kept`, and the next
//! build updates that folder in place into its staging folder instead of
//! writing every file and folder anew (issue 13, "Reuse makes the rebuild
//! fast too"). Removing 10,000 pages and making them again is most of a
//! rebuild's time; a kept site shares its unchanged files with the live
//! one (hard links), so it costs only the files that changed.
//!
//! Nothing in a kept site is trusted but the identity of its files:
//!
//! - it is listed while the output's lock is held (from before the site
//!   is loaded, see [`super::Claim`]) and taken by renaming it to the
//!   build's staging name (`.NAME.allclear-new-PID`) before any file is
//!   placed in it, so a build
//!   that fails or is killed leaves no half-updated kept site, only a
//!   staging folder that the build itself or the next one removes (the
//!   rebuild after it writes everything, as without a kept site);
//! - anything in it that is neither a plain file nor a folder (a symbolic
//!   link, a socket) is removed before a file is placed, so nothing is
//!   ever written through a link;
//! - every file of the new site is placed: a file the live site holds with
//!   the same bytes is left alone when the kept site's file is that very
//!   file (same device and inode), and otherwise hard-linked from the live
//!   site; every other file is written new. A file that is replaced is
//!   made under a temporary name and renamed over the old one, never
//!   opened for writing, so a file shared with the live site never
//!   changes;
//! - files and folders the new site does not have are removed before the
//!   swap.
//!
//! So the staging folder ends up holding exactly the new site, as a build
//! into an empty folder would, with every unchanged file the live site's
//! own inode and modification time.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::MARKER;

/// `PARENT/.NAME.allclear-kept`: where the site replaced by the last swap
/// is kept.
pub(super) fn path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.allclear-kept"))
}

/// A kept site being updated in place in the staging folder.
#[derive(Debug)]
pub(super) struct Kept {
    /// Its plain files when it was taken, as paths under the staging
    /// folder with `/` separators.
    files: HashSet<String>,
    /// Its folders, likewise.
    dirs: HashSet<String>,
    /// The paths the new site has, as they are placed.
    placed: Mutex<HashSet<String>>,
}

/// The kept site's files and folders, as [`survey`] lists them.
type Listing = io::Result<(HashSet<String>, HashSet<String>)>;

/// The kept site being listed on a thread of its own, started when a build
/// takes the output's lock (see [`super::Claim`]), so that listing it,
/// 10,000 folders for 10,000 incidents, overlaps loading the site.
#[derive(Debug)]
pub(super) struct Survey {
    kept: PathBuf,
    listing: Option<std::thread::JoinHandle<Option<Listing>>>,
}

/// The listing of the kept site `kept` ([`survey`]); `None` when there is
/// no kept site of ours: `kept` missing, a link, or without allclear's
/// marker.
fn list(kept: &Path) -> Option<Listing> {
    let meta = fs::symlink_metadata(kept).ok()?;
    if !meta.is_dir() || !kept.join(MARKER).is_file() {
        return None;
    }
    Some(survey(kept))
}

impl Survey {
    /// Start listing the kept site `kept`. Called with the output's lock
    /// held, which no other build takes before [`Survey::take`] or the drop:
    /// the listing is still the folder's when it is renamed.
    pub fn start(kept: PathBuf) -> Survey {
        let path = kept.clone();
        let listing = std::thread::Builder::new()
            .name("allclear-kept-site".into())
            .spawn(move || list(&path))
            .ok();
        Survey { kept, listing }
    }

    /// Rename the kept site to `root`, the staging folder, with its listing.
    /// `None` (with nothing at `root`) when there is no kept site of ours,
    /// or when it cannot be listed (it is then removed) or renamed.
    pub fn take(mut self, root: &Path) -> Option<Kept> {
        let listing = match self.listing.take() {
            Some(thread) => thread.join().ok().flatten(),
            // No thread could be started: listed here instead.
            None => list(&self.kept),
        }?;
        match listing {
            Ok((files, dirs)) => {
                fs::rename(&self.kept, root).ok()?;
                Some(Kept {
                    files,
                    dirs,
                    placed: Mutex::default(),
                })
            }
            Err(_) => {
                let _ = fs::remove_dir_all(&self.kept);
                None
            }
        }
    }
}

impl Drop for Survey {
    /// A build that stops before [`Survey::take`] (its site had errors)
    /// waits for the listing, so that no thread outlives its lock.
    fn drop(&mut self) {
        if let Some(thread) = self.listing.take() {
            let _ = thread.join();
        }
    }
}

impl Kept {
    /// Note that the new site has `rel`; whether the kept site has a file
    /// there (to be replaced, see [`Kept::replace`]).
    pub fn note(&self, root: &Path, rel: &str) -> io::Result<bool> {
        self.placed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(rel.to_string());
        // A folder where the file goes, and files where its folders go.
        if self.dirs.contains(rel) {
            remove_dir(&root.join(rel))?;
        }
        for (at, _) in rel.match_indices('/') {
            let folder = &rel[..at];
            if self.files.contains(folder) {
                remove_file_unless_dir(&root.join(folder))?;
            }
        }
        Ok(self.files.contains(rel))
    }

    /// Remove the kept site's files and folders that the new site does not
    /// have (every path was given to [`Kept::note`]).
    pub fn prune(&self, root: &Path) -> io::Result<()> {
        let placed = self.placed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut needed: HashSet<&str> = HashSet::new();
        for rel in placed.iter() {
            for (at, _) in rel.match_indices('/') {
                needed.insert(&rel[..at]);
            }
        }
        for rel in self.files.iter().filter(|f| !placed.contains(*f)) {
            remove_file_unless_dir(&root.join(rel))?;
        }
        let mut stale: Vec<&String> = self
            .dirs
            .iter()
            .filter(|d| !needed.contains(d.as_str()) && !placed.contains(*d))
            .collect();
        // Parents before their folders, which go with them.
        stale.sort();
        let mut gone: Option<&str> = None;
        for dir in stale {
            if gone.is_some_and(|g| dir.strip_prefix(g).is_some_and(|rest| rest.starts_with('/'))) {
                continue;
            }
            remove_dir(&root.join(dir))?;
            gone = Some(dir);
        }
        Ok(())
    }
}

/// Put a file made by `make` (called with a path that does not exist, in
/// the same folder) at `path` in place of the file there, by renaming it
/// over that file.
pub(super) fn replace(path: &Path, make: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".allclear-tmp-")
        .make_in(dir, |tmp| make(tmp))?
        .into_temp_path()
        .persist(path)
        .map_err(|e| e.error)
}

/// Whether `b` is the plain file whose metadata (from
/// `fs::symlink_metadata`) is `a` (same device and inode).
#[cfg(unix)]
pub(super) fn same_file(a: &fs::Metadata, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(b).is_ok_and(|b| a.is_file() && a.dev() == b.dev() && a.ino() == b.ino())
}

#[cfg(not(unix))]
pub(super) fn same_file(_: &fs::Metadata, _: &Path) -> bool {
    false
}

/// The plain files and folders under `root` (not following links), and
/// remove every other kind of entry. Paths are relative, with `/`.
///
/// Folders are read in parallel (rayon): a kept site of 10,000 incidents
/// has as many folders, and reading them one after another was a fifth of
/// a rebuild.
fn survey(root: &Path) -> io::Result<(HashSet<String>, HashSet<String>)> {
    let found = Mutex::new((HashSet::new(), HashSet::new()));
    survey_folder(root, "", &found)?;
    Ok(found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// [`survey`] the folder `rel` under `root` and, in parallel, its folders.
fn survey_folder(root: &Path, rel: &str, found: &Mutex<(HashSet<String>, HashSet<String>)>) -> io::Result<()> {
    use rayon::prelude::*;
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        // Not followed: the kind of the entry itself.
        let kind = entry.file_type()?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            // Never a name allclear writes: not a path of the new site.
            remove_any(&entry.path(), kind.is_dir())?;
            continue;
        };
        let path = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        if kind.is_dir() {
            dirs.push(path);
        } else if kind.is_file() {
            files.push(path);
        } else {
            remove_any(&entry.path(), false)?;
        }
    }
    {
        let mut found = found.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        found.0.extend(files);
        found.1.extend(dirs.iter().cloned());
    }
    dirs.par_iter().try_for_each(|dir| survey_folder(root, dir, found))
}

fn remove_any(path: &Path, dir: bool) -> io::Result<()> {
    if dir {
        remove_dir(path)
    } else {
        remove_file_unless_dir(path)
    }
}

/// Remove the folder `path` with its content; nothing when it is missing
/// or not a folder (any more).
fn remove_dir(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path).or_else(not_found_is_ok),
        _ => Ok(()),
    }
}

/// Remove the file (or link) `path`; nothing when it is missing or a
/// folder (another thread may have made one there).
fn remove_file_unless_dir(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) => {
            let _ = e;
            Ok(())
        }
        other => other.or_else(not_found_is_ok),
    }
}

fn not_found_is_ok(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(e)
    }
}
