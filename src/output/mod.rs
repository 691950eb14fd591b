//! Output: the only code that writes the built site to disk.
//!
//! A build is written into a temporary sibling of the output folder
//! (`.NAME.allclear-new-PID`), then swapped in: on Linux with one atomic
//! `renameat2(RENAME_EXCHANGE)`, elsewhere with two renames. Readers and web
//! servers see the old site or the new one, never a mix; a build that fails
//! or is killed before the swap leaves the old site untouched, and its
//! leftovers are removed by the next build.
//!
//! allclear only ever replaces or deletes a folder that holds its marker
//! file, [`MARKER`], so a mistyped `--out` cannot wipe someone's files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::render::OutputFile;

/// The marker file allclear writes at the root of every output folder.
pub const MARKER: &str = ".allclear-output";

const MARKER_TEXT: &str = "This folder was written by allclear and is replaced on every build.\n";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to replace {}: it is not empty and was not written by allclear (no {MARKER} file in it)", .0.display())]
    NotOurs(PathBuf),
    #[error("{} is not a folder", .0.display())]
    NotADirectory(PathBuf),
    #[error("{} cannot be an output folder", .0.display())]
    BadPath(PathBuf),
    #[error("refusing to write the site into {}: it is {what}", .path.display())]
    Unsafe { path: PathBuf, what: &'static str },
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
    pub fn help(&self) -> Option<&'static str> {
        match self {
            OutputError::NotOurs(_) => Some("choose another --out, or empty or remove that folder yourself"),
            OutputError::BadPath(_) => Some("give --out a folder name, like `public`"),
            OutputError::Unsafe { .. } => {
                Some("give --out a folder of its own, like `public` inside the site folder (the default)")
            }
            _ => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Refuse an output folder that replacing would destroy more than a
/// built site: the site folder itself, a folder that contains it, the file
/// system root or the home folder. Paths are compared after resolving `.`,
/// `..` and symbolic links of the parts that exist.
///
/// # Errors
/// [`OutputError::Unsafe`] naming what the folder is.
pub fn check_out_dir(out: &Path, site_dir: &Path) -> Result<(), OutputError> {
    let out_abs = resolve(out);
    let site_abs = resolve(site_dir);
    let home = std::env::var_os("HOME").map(|h| resolve(Path::new(&h)));
    let what = if out_abs.parent().is_none() {
        Some("the root of the file system")
    } else if home.as_deref() == Some(out_abs.as_path()) {
        Some("your home folder")
    } else if out_abs == site_abs {
        Some("the site folder itself")
    } else if site_abs.starts_with(&out_abs) {
        Some("a folder that contains the site")
    } else {
        None
    };
    match what {
        Some(what) => Err(OutputError::Unsafe {
            path: out.to_path_buf(),
            what,
        }),
        None => Ok(()),
    }
}

/// `path` made absolute with `.` and `..` folded, then with symbolic links
/// resolved for the longest part that exists.
fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut folded = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                folded.pop();
            }
            other => folded.push(other),
        }
    }
    let mut existing = folded.clone();
    while !existing.exists() && existing.pop() {}
    let rest = folded
        .strip_prefix(&existing)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    fs::canonicalize(&existing).unwrap_or(existing).join(rest)
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteSummary {
    pub files: usize,
    pub bytes: u64,
}

/// Replace the folder `out` with `files`, atomically.
///
/// # Errors
/// [`OutputError::NotOurs`] when `out` holds files but no marker; an I/O
/// error otherwise. Either way the previous content of `out` is unchanged.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<WriteSummary, OutputError> {
    let staging = Staging::create(out)?;
    files.par_iter().try_for_each(|file| staging.write(file))?;
    staging.commit()
}

/// A new site being written next to `out`, in a hidden folder
/// (`.NAME.allclear-new-PID`) that [`Staging::commit`] swaps in. Dropped
/// without a commit, it is removed, and `out` never changed.
///
/// Files can be written from every thread at once, in any order; their
/// folders are made as needed.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    root: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
}

impl Staging {
    /// Check that `out` may be replaced, remove what killed builds left,
    /// and make the staging folder with the marker in it (so that a
    /// half-written staging folder is recognisably ours).
    ///
    /// # Errors
    /// [`OutputError::NotOurs`], [`OutputError::NotADirectory`] or
    /// [`OutputError::BadPath`] for an `out` that cannot be replaced; I/O
    /// errors.
    pub fn create(out: &Path) -> Result<Staging, OutputError> {
        let (parent, name) = split(out)?;
        check_replaceable(out)?;
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        remove_leftovers(&parent, &name);
        let root = parent.join(format!(".{name}.allclear-new-{}", std::process::id()));
        if root.exists() {
            fs::remove_dir_all(&root).map_err(io_err(&root))?;
        }
        let staging = Staging {
            out: out.to_path_buf(),
            parent,
            name,
            root,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        };
        fs::create_dir_all(&staging.root).map_err(io_err(&staging.root))?;
        fs::write(staging.root.join(MARKER), MARKER_TEXT).map_err(io_err(&staging.root))?;
        Ok(staging)
    }

    /// Write one file, making its folders when they are missing.
    ///
    /// # Errors
    /// [`OutputError::Escapes`] for a path that would leave the output
    /// folder (the last line of defence: paths come from ids and file names
    /// the loader checked); I/O errors.
    pub fn write(&self, file: &OutputFile) -> Result<(), OutputError> {
        if !stays_inside(&file.path) {
            return Err(OutputError::Escapes(file.path.clone()));
        }
        let path = self.root.join(&file.path);
        let written = match fs::write(&path, &file.bytes) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let dir = path.parent().unwrap_or(&self.root);
                fs::create_dir_all(dir).map_err(io_err(dir))?;
                fs::write(&path, &file.bytes)
            }
            other => other,
        };
        written.map_err(io_err(&path))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(file.bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Swap the new site in where `out` is and remove the old one.
    ///
    /// # Errors
    /// I/O errors; `out` is then unchanged.
    pub fn commit(mut self) -> Result<WriteSummary, OutputError> {
        swap_in(&self.root, &self.out, &self.parent, &self.name)?;
        self.committed = true;
        Ok(WriteSummary {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
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
}

/// `(parent folder, final name)` of `out`; `/`, `..` and the like are
/// refused.
fn split(out: &Path) -> Result<(PathBuf, String), OutputError> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty() && *n != "." && *n != "..")
        .ok_or_else(|| OutputError::BadPath(out.to_path_buf()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_string()))
}

/// `out` may be replaced if it does not exist, is an empty folder, or holds
/// the marker.
fn check_replaceable(out: &Path) -> Result<(), OutputError> {
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(out)(e)),
    };
    if !meta.is_dir() {
        return Err(OutputError::NotADirectory(out.to_path_buf()));
    }
    if out.join(MARKER).is_file() {
        return Ok(());
    }
    let mut entries = fs::read_dir(out).map_err(io_err(out))?;
    if entries.next().is_none() {
        Ok(())
    } else {
        Err(OutputError::NotOurs(out.to_path_buf()))
    }
}

/// Remove staging and old folders left by builds that were killed, if they
/// carry the marker.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.allclear-");
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else { continue };
        let path = entry.path();
        let ours = path.join(MARKER).is_file() || fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
        if n.starts_with(&prefix) && path.is_dir() && ours {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// A relative path of plain names: no root, no `..`, no drive prefix.
fn stays_inside(path: &str) -> bool {
    use std::path::Component;
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Put `staging` where `out` is, and remove the old content.
fn swap_in(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(io_err(out));
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.allclear-old-{}", std::process::id()));
    fs::rename(out, &old).map_err(io_err(out))?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(io_err(out)(e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Atomically exchange two paths (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them
    // relative to the current folder, as std::fs does.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_own_folder_and_refuses_others() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&out, &[file("index.html", "one"), file("a/b.html", "b")]).unwrap();
        write_site(&out, &[file("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!out.join("a").exists(), "stale files are gone");
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["public"], "no staging folders left");

        let theirs = tmp.path().join("docs");
        fs::create_dir(&theirs).unwrap();
        fs::write(theirs.join("thesis.tex"), "precious").unwrap();
        let err = write_site(&theirs, &[file("index.html", "x")]).unwrap_err();
        assert!(matches!(err, OutputError::NotOurs(_)));
        assert_eq!(fs::read_to_string(theirs.join("thesis.tex")).unwrap(), "precious");
    }

    #[test]
    fn refuses_to_replace_the_site_its_parents_root_or_home() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        fs::create_dir_all(&site).unwrap();
        let refused = |out: &Path| matches!(check_out_dir(out, &site), Err(OutputError::Unsafe { .. }));
        assert!(refused(&site));
        assert!(refused(&site.join(".")));
        assert!(refused(tmp.path()));
        assert!(refused(&site.join("sub/../..")));
        assert!(refused(Path::new("/")));
        assert!(check_out_dir(&site.join("public"), &site).is_ok());
        assert!(check_out_dir(&tmp.path().join("out"), &site).is_ok());
    }

    #[test]
    fn no_file_is_written_outside_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        for bad in ["../escape.html", "/etc/x", "a/../../b", ""] {
            assert!(
                matches!(write_site(&out, &[file(bad, "x")]), Err(OutputError::Escapes(_))),
                "{bad}"
            );
        }
        assert!(!out.exists() && !tmp.path().join("escape.html").exists());
        assert!(stays_inside("incidents/x/index.html"));
    }

    #[test]
    fn refuses_root_like_paths() {
        assert!(matches!(split(Path::new("/")), Err(OutputError::BadPath(_))));
        assert!(matches!(split(Path::new("..")), Err(OutputError::BadPath(_))));
    }
}
