//! Output: the only code that writes the built site to disk.
//!
//! A build is written into a temporary sibling of the output folder
//! (`.NAME.allclear-new-PID`), then swapped in: on Linux with one atomic
//! `renameat2(RENAME_EXCHANGE)`, elsewhere with two renames. Readers and web
//! servers see the old site or the new one, never a mix; a build that fails
//! or is killed before the swap leaves the old site untouched, and its
//! leftovers are removed by the next build.
//!
//! Builds into one output folder take turns: each holds the folder's lock
//! ([`lock`], the file `.NAME.allclear-lock` next to it) from before it
//! looks at the folder until its site is swapped in, so no build removes
//! another's staging folder or swaps in over it, and every staging folder
//! found while holding the lock was left by a build that has ended.
//!
//! The site a swap replaces is kept next to the output folder
//! (`.NAME.allclear-kept`, see `output/kept.rs`) when it shares files with
//! the new one, and the next build updates it in place into its staging
//! folder: only the files that changed are written, and nothing is deleted
//! but the files that went away.
//!
//! allclear only ever replaces or deletes a folder that holds its marker
//! file, [`MARKER`], or that has the exact name of its own staging folders,
//! so a mistyped `--out` cannot wipe someone's files; and it refuses an
//! output folder inside the folders a build reads ([`check_out_dir`]).

mod claim;
mod kept;
mod keys;
pub mod lock;
mod place;
mod reuse;
mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use rayon::prelude::*;

use crate::render::OutputFile;
pub use claim::Claim;
pub use lock::{DEFAULT_LOCK_TIMEOUT, OutputLock};
pub use place::check_out_dir;
use place::split;
use reuse::{create_new, same_bytes};
use swap::swap_in;

/// The marker file allclear writes at the root of every output folder.
pub const MARKER: &str = ".allclear-output";

/// `PARENT/.NAME.allclear-cache`: where `build` keeps the load cache for
/// the output folder `out` (see [`crate::load::cache`]); `None` for an
/// `out` that [`check_out_dir`] refuses (`/`, `..`).
pub fn cache_path(out: &Path) -> Option<PathBuf> {
    let (parent, name) = split(out).ok()?;
    Some(parent.join(format!(".{name}.allclear-cache")))
}

const MARKER_TEXT: &str = "This folder was written by allclear and is replaced on every build.\n";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to replace {}: it is not empty and was not written by allclear (no {MARKER} file in it)", .0.display())]
    NotOurs(PathBuf),
    #[error("refusing to replace {}: it is a file, not a folder", .0.display())]
    NotADirectory(PathBuf),
    #[error("refusing to replace {}: it is a symbolic link (to {}), and allclear never replaces a symbolic link", .path.display(), .target.display())]
    Symlink {
        path: PathBuf,
        /// What the link holds.
        target: PathBuf,
        /// The target as a path from the current folder.
        real: PathBuf,
    },
    #[error("{} cannot be an output folder", .0.display())]
    BadPath(PathBuf),
    #[error("refusing to write the site into {}: it is {what}", .path.display())]
    Unsafe { path: PathBuf, what: &'static str },
    #[error("refusing to write the site into {}: it is inside {}, {what}", .path.display(), .folder.display())]
    InsideSource {
        path: PathBuf,
        folder: PathBuf,
        what: String,
    },
    #[error(
        "another allclear build is writing {} (it holds the lock {}); {}",
        .out.display(),
        .lock.display(),
        if timeout.is_zero() { "not waiting, as --lock-timeout is 0".to_string() } else { format!("gave up after waiting {}", humantime::format_duration(*timeout)) }
    )]
    Locked {
        out: PathBuf,
        lock: PathBuf,
        timeout: Duration,
    },
    #[error("the new site in {} was removed or replaced by another program while it was written", .0.display())]
    StagingLost(PathBuf),
    #[error("an output path would leave the output folder: {0}")]
    Escapes(String),
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl OutputError {
    /// This error as a diagnostic about the output folder `out`, with
    /// [`OutputError::help`].
    pub fn diagnostic(&self, out: &Path) -> crate::diagnostics::Diagnostic {
        let d = crate::diagnostics::Diagnostic::file_error(out, self.to_string());
        match self.help() {
            Some(h) => d.with_help(h),
            None => d,
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> Option<String> {
        let help = match self {
            OutputError::NotOurs(_) => "choose another --out, or empty or remove that folder yourself".to_string(),
            OutputError::NotADirectory(_) => {
                "give --out the path of a folder (allclear makes it if it is missing)".to_string()
            }
            OutputError::Symlink { real, .. } => {
                format!("point --out at the real folder: --out {}", real.display())
            }
            OutputError::BadPath(_) => "give --out a folder name, like `public`".to_string(),
            OutputError::Unsafe { .. } => {
                "give --out a folder of its own, like `public` inside the site folder (the default)".to_string()
            }
            OutputError::InsideSource { .. } => "give --out a folder of its own outside incidents/, maintenance/, \
                 static/, templates/, themes/ and hidden folders, like `public` inside the site folder (the default)"
                .to_string(),
            OutputError::Locked { .. } => "builds into one folder take turns: build again when that one has \
                 finished, or wait longer with --lock-timeout (like `--lock-timeout 10m`); the lock is released \
                 as soon as its build ends, even if it is killed"
                .to_string(),
            OutputError::StagingLost(_) => {
                "the output folder was not changed; build again, and keep other programs out of allclear's \
                 hidden .NAME.allclear-* folders"
                    .to_string()
            }
            OutputError::Escapes(_) | OutputError::Io { .. } => return None,
        };
        Some(help)
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files in the new site (the marker not counted).
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    /// How many of them had the same bytes at the same path in the previous
    /// output, and were reused with their modification time (see
    /// [`Staging::write`]).
    pub unchanged: usize,
}

/// Replace the folder `out` with `files`, atomically, waiting up to
/// [`DEFAULT_LOCK_TIMEOUT`] for another build into `out` to finish.
///
/// # Errors
/// [`OutputError::NotOurs`] when `out` holds files but no marker,
/// [`OutputError::Locked`] when another build keeps it locked; an I/O
/// error otherwise. Either way the previous content of `out` is unchanged.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<WriteSummary, OutputError> {
    let staging = Staging::create(out, DEFAULT_LOCK_TIMEOUT, |_| {})?;
    files.par_iter().try_for_each(|file| staging.write(file))?;
    staging.commit()
}

/// A new site being written next to `out`, in a hidden folder
/// (`.NAME.allclear-new-PID`) that [`Staging::commit`] swaps in. Dropped
/// without a commit, it is removed, and `out` never changed.
///
/// Files can be written from every thread at once, in any order; their
/// folders are made as needed. The output folder's lock is held from
/// [`Staging::create`] until the staging is committed or dropped.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    root: PathBuf,
    /// The previous output, when it is a site of ours to reuse files from.
    previous: Option<PathBuf>,
    /// The previous output's page keys and the new ones (see [`keys`]).
    keys: keys::Keys,
    /// The kept site that the staging folder was made from, updated in
    /// place (see [`kept`]); `None` when the staging folder started empty.
    kept: Option<kept::Kept>,
    /// Whether a file was hard-linked from the previous output: only then
    /// is the site the swap replaces kept for the next build (on a file
    /// system without hard links it would be a whole copy).
    linked: AtomicBool,
    files: AtomicUsize,
    bytes: AtomicU64,
    unchanged: AtomicUsize,
    committed: bool,
    // Dropped after `Drop::drop` has removed an uncommitted `root`.
    _lock: OutputLock,
}

impl Staging {
    /// Check that `out` may be replaced, take its lock (see [`lock`];
    /// when another build holds it, call `waiting` with the lock file's
    /// path and wait up to `lock_timeout`), check again, remove what ended
    /// builds left, and make the staging folder with the marker in it (so
    /// that a half-written staging folder is recognisably ours): from the
    /// kept site when there is one and `out` holds a site of ours (see
    /// `output/kept.rs`), else empty.
    ///
    /// # Errors
    /// [`OutputError::NotOurs`], [`OutputError::NotADirectory`],
    /// [`OutputError::Symlink`] or [`OutputError::BadPath`] for an `out`
    /// that cannot be replaced (found before anything is made next to it);
    /// [`OutputError::Locked`] when another build still holds the lock
    /// after `lock_timeout`; I/O errors.
    pub fn create(out: &Path, lock_timeout: Duration, waiting: impl FnOnce(&Path)) -> Result<Staging, OutputError> {
        Staging::from_claim(Claim::acquire(out, lock_timeout, waiting)?)
    }

    /// [`Staging::create`] for an output folder already claimed.
    ///
    /// # Errors
    /// I/O errors.
    pub fn from_claim(claim: Claim) -> Result<Staging, OutputError> {
        let Claim {
            out,
            parent,
            name,
            survey,
            lock,
        } = claim;
        let root = parent.join(format!(".{name}.allclear-new-{}", std::process::id()));
        if fs::symlink_metadata(&root).is_ok() {
            fs::remove_dir_all(&root).map_err(io_err(&root))?;
        }
        // Checked when claimed: `out` is missing, empty or holds the marker.
        let previous = out.join(MARKER).is_file().then(|| out.clone());
        let keys = previous
            .as_ref()
            .map_or_else(keys::Keys::default, |p| keys::Keys::read(&p.join(MARKER)));
        let kept_path = kept::path(&parent, &name);
        let kept = match (&previous, survey) {
            (Some(_), Some(survey)) => survey.take(&root),
            _ => None,
        };
        if kept.is_none() && fs::symlink_metadata(&kept_path).is_ok_and(|m| m.is_dir()) {
            // Of no use without a site to link from; `remove_leftovers`
            // left it only because it holds the marker. Should this fail,
            // the swap removes the replaced site instead of keeping it,
            // and the next build tries again: never worth failing a build.
            let _ = fs::remove_dir_all(&kept_path);
        }
        let staging = Staging {
            out,
            parent,
            name,
            root,
            previous,
            keys,
            kept,
            linked: AtomicBool::new(false),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            unchanged: AtomicUsize::new(0),
            committed: false,
            _lock: lock,
        };
        fs::create_dir_all(&staging.root).map_err(io_err(&staging.root))?;
        // Reused like any file, so that sync tools skip it too.
        staging.place(MARKER, MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Write one file, making its folders when they are missing.
    ///
    /// A file whose bytes are exactly those of the previous output's file
    /// at the same path is not written again: it is hard-linked from the
    /// previous output, so it keeps its bytes, inode and modification time,
    /// and sync tools that compare size and modification time (`rsync`,
    /// `aws s3 sync`) skip it. Where a link cannot be made (a file system
    /// without hard links), the bytes are written and the previous
    /// modification time is copied onto the new file. Every other file is
    /// created new, never opened for writing over an existing one, so a
    /// file shared with the previous output is never changed in place.
    ///
    /// # Errors
    /// [`OutputError::Escapes`] for a path that would leave the output
    /// folder (the last line of defence: paths come from ids and file names
    /// the loader checked); I/O errors.
    pub fn write(&self, file: &OutputFile) -> Result<(), OutputError> {
        if !stays_inside(&file.path) {
            return Err(OutputError::Escapes(file.path.clone()));
        }
        let reused = self.place(&file.path, &file.bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(file.bytes.len() as u64, Ordering::Relaxed);
        if reused {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Put `bytes` at `rel` in the staging folder as [`Staging::write`]
    /// says; whether the previous output's file was reused.
    fn place(&self, rel: &str, bytes: &[u8]) -> Result<bool, OutputError> {
        let path = self.root.join(rel);
        let reused = self
            .previous
            .as_ref()
            .map(|p| p.join(rel))
            .and_then(|prev| same_bytes(&prev, bytes).map(|meta| (prev, meta)));
        let place = |path: &Path| match &reused {
            Some((prev, meta)) => match fs::hard_link(prev, path) {
                Ok(()) => {
                    self.linked.store(true, Ordering::Relaxed);
                    Ok(())
                }
                Err(_) => {
                    create_new(path, bytes)?;
                    fs::File::options()
                        .write(true)
                        .open(path)?
                        .set_modified(meta.modified()?)
                }
            },
            None => create_new(path, bytes),
        };
        let same = reused.as_ref().map(|(_, meta)| meta);
        self.put_at(rel, same, place)?.map_err(io_err(&path))?;
        Ok(reused.is_some())
    }

    /// Put at `rel` the file that `make` makes, given a path where nothing
    /// is: straight into a staging folder that started empty, and over the
    /// kept site's file by a temporary name and a rename (see [`kept`]).
    /// `same` is the metadata of the previous output's file when the new
    /// file is to be that file: when the kept site's file at `rel` already
    /// is it, nothing is done. The outer error is about the folders.
    fn put_at(
        &self,
        rel: &str,
        same: Option<&fs::Metadata>,
        make: impl Fn(&Path) -> io::Result<()>,
    ) -> Result<io::Result<()>, OutputError> {
        let path = self.root.join(rel);
        let Some(kept) = &self.kept else {
            return self.with_folders(&path, make);
        };
        if !kept.note(&self.root, rel).map_err(io_err(&path))? {
            return self.with_folders(&path, make);
        }
        if same.is_some_and(|prev| kept::same_file(prev, &path)) {
            self.linked.store(true, Ordering::Relaxed);
            return Ok(Ok(()));
        }
        self.with_folders(&path, |path| kept::replace(path, &make))
    }

    /// Run `make` on `path`; when its folder is missing, make the folders
    /// and run it again. The outer error is about the folders.
    fn with_folders(&self, path: &Path, make: impl Fn(&Path) -> io::Result<()>) -> Result<io::Result<()>, OutputError> {
        Ok(match make(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // Make the file's folders, but never the staging folder
                // again: one without its marker must not be swapped in.
                if !self.root.join(MARKER).is_file() {
                    return Err(OutputError::StagingLost(self.root.clone()));
                }
                let dir = path.parent().unwrap_or(&self.root);
                fs::create_dir_all(dir).map_err(io_err(dir))?;
                make(path)
            }
            other => other,
        })
    }

    /// Keep the previous output's page at `rel` without rendering it, when
    /// the previous build wrote it from the same inputs (`key`, see
    /// [`crate::render::key`]) and the file still has the size and
    /// modification time it had then: it is hard-linked, as
    /// [`Staging::write`] does for unchanged bytes. `false` when the page
    /// must be rendered (no such key, a changed file, or a file system
    /// without hard links).
    ///
    /// # Errors
    /// As [`Staging::write`].
    pub fn reuse(&self, rel: &str, key: &crate::render::key::PageKey) -> Result<bool, OutputError> {
        let (Some(previous), Some(entry)) = (&self.previous, self.keys.previous(rel, key)) else {
            return Ok(false);
        };
        if !stays_inside(rel) {
            return Err(OutputError::Escapes(rel.to_string()));
        }
        let prev = previous.join(rel);
        let Some(meta) = fs::symlink_metadata(&prev)
            .ok()
            .filter(|meta| keys::unchanged(meta, &entry))
        else {
            return Ok(false);
        };
        let link = |path: &Path| {
            fs::hard_link(&prev, path)?;
            self.linked.store(true, Ordering::Relaxed);
            Ok(())
        };
        if self.put_at(rel, Some(&meta), link)?.is_err() {
            return Ok(false);
        }
        self.keys.record(rel, entry);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(entry.size, Ordering::Relaxed);
        self.unchanged.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// [`Staging::write`] a page made from the inputs `key`, and note its
    /// key for the next build.
    ///
    /// # Errors
    /// As [`Staging::write`].
    pub fn write_keyed(&self, file: &OutputFile, key: &crate::render::key::PageKey) -> Result<(), OutputError> {
        self.write(file)?;
        let path = self.root.join(&file.path);
        let meta = fs::symlink_metadata(&path).map_err(io_err(&path))?;
        if let Some(mtime) = keys::mtime(&meta) {
            let size = meta.len();
            self.keys.record(&file.path, keys::Entry { key: *key, size, mtime });
        }
        Ok(())
    }

    /// Swap the new site in where `out` is, and keep the old one for the
    /// next build (see `output/kept.rs`) or remove it.
    ///
    /// # Errors
    /// [`OutputError::StagingLost`] when the staging folder lost its
    /// marker; I/O errors. `out` is then unchanged.
    pub fn commit(mut self) -> Result<WriteSummary, OutputError> {
        self.swap()
    }

    /// [`Staging::commit`], then `after` while the output's lock is still
    /// held (`build` writes its load cache there, so that builds into one
    /// folder take turns at that too); `after` runs only when the swap
    /// succeeded.
    ///
    /// # Errors
    /// As [`Staging::commit`].
    pub fn commit_then<T>(mut self, after: impl FnOnce() -> T) -> Result<(WriteSummary, T), OutputError> {
        let summary = self.swap()?;
        Ok((summary, after()))
    }

    fn swap(&mut self) -> Result<WriteSummary, OutputError> {
        if !self.root.join(MARKER).is_file() {
            return Err(OutputError::StagingLost(self.root.clone()));
        }
        if let Some(kept) = &self.kept {
            kept.prune(&self.root).map_err(io_err(&self.root))?;
        }
        // The marker with the new keys, put in place by a rename: the
        // marker may be a link to the previous output's.
        let marker = self.root.join(MARKER);
        let fresh = self.root.join(format!("{MARKER}.new"));
        fs::write(&fresh, self.keys.marker(MARKER_TEXT)).map_err(io_err(&fresh))?;
        fs::rename(&fresh, &marker).map_err(io_err(&marker))?;
        let keep = self.linked.load(Ordering::Relaxed);
        swap_in(&self.root, &self.out, &self.parent, &self.name, keep)?;
        self.committed = true;
        Ok(WriteSummary {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
    }

    /// The output folder this staging replaces.
    pub fn out(&self) -> &Path {
        &self.out
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

impl crate::render::Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), crate::diagnostics::Diagnostic> {
        self.write(&file).map_err(|e| e.diagnostic(&self.out))
    }

    fn key_use(&self, path: &str) -> crate::render::KeyUse {
        if self.previous.is_some() && self.keys.has_previous(path) {
            crate::render::KeyUse::Compared
        } else {
            crate::render::KeyUse::Stored
        }
    }

    fn reuse(&self, path: &str, key: &crate::render::key::PageKey) -> Result<bool, crate::diagnostics::Diagnostic> {
        Staging::reuse(self, path, key).map_err(|e| e.diagnostic(&self.out))
    }

    fn put_keyed(
        &self,
        file: OutputFile,
        key: &crate::render::key::PageKey,
    ) -> Result<(), crate::diagnostics::Diagnostic> {
        self.write_keyed(&file, key).map_err(|e| e.diagnostic(&self.out))
    }
}

/// A relative path of plain names: no root, no `..`, no drive prefix.
fn stays_inside(path: &str) -> bool {
    use std::path::Component;
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
pub(super) mod tests;
