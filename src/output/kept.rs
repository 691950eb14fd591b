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
//! - it is taken by renaming it to the build's staging name
//!   (`.NAME.allclear-new-PID`) before anything in it changes, so a build
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

impl Kept {
    /// Rename the kept site `kept` to `root`, the staging folder, and list
    /// it, removing what is neither a plain file nor a folder. `None`
    /// (with nothing at `root`) when there is no kept site of ours: `kept`
    /// missing, a link, or without allclear's marker; or when it cannot be
    /// renamed or read (it is then removed).
    pub fn take(kept: &Path, root: &Path) -> Option<Kept> {
        let meta = fs::symlink_metadata(kept).ok()?;
        if !meta.is_dir() || !kept.join(MARKER).is_file() {
            return None;
        }
        fs::rename(kept, root).ok()?;
        match survey(root) {
            Ok((files, dirs)) => Some(Kept {
                files,
                dirs,
                placed: Mutex::default(),
            }),
            Err(_) => {
                let _ = fs::remove_dir_all(root);
                None
            }
        }
    }

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

/// Whether `a` and `b` are the same file (device and inode).
#[cfg(unix)]
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.is_file() && a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub(super) fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// The plain files and folders under `root` (not following links), and
/// remove every other kind of entry. Paths are relative, with `/`.
fn survey(root: &Path) -> io::Result<(HashSet<String>, HashSet<String>)> {
    let (mut files, mut dirs) = (HashSet::new(), HashSet::new());
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.map_err(io::Error::from)?;
        let rel = entry.path().strip_prefix(root).map_err(io::Error::other)?;
        let Some(rel) = rel.to_str().map(|r| r.replace(std::path::MAIN_SEPARATOR, "/")) else {
            // Never a name allclear writes: not a path of the new site.
            remove_any(entry.path(), entry.file_type().is_dir())?;
            continue;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            dirs.insert(rel);
        } else if kind.is_file() {
            files.insert(rel);
        } else {
            remove_any(entry.path(), false)?;
        }
    }
    Ok((files, dirs))
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
