//! Swapping a finished staging folder in, keeping the site it replaces
//! (see [`super::kept`]), and removing what ended builds left.

use std::fs;
use std::io;
use std::path::Path;

use super::{MARKER, OutputError, io_err, kept};

/// Remove the staging and old folders (`.NAME.allclear-new-PID`,
/// `.NAME.allclear-old-PID`) left by builds that ended before cleaning up.
/// Called with the lock held, so no build that is still running owns one.
/// A folder with that exact name is removed even without its marker (a
/// build killed while making it); another `.NAME.allclear-*` folder only
/// when it holds the marker or is empty. The lock file, a file, stays, and
/// so does the kept site (`.NAME.allclear-kept`, see [`kept`]) when it
/// holds the marker; without it, it is removed. So is a temporary load
/// cache file (`.NAME.allclear-cache-tmp-*`, see [`crate::load::cache`])
/// of a build killed while writing it; the cache itself stays.
pub(super) fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.allclear-");
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        if rest.starts_with("cache-tmp-") && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
            continue;
        }
        // Not followed: a link is not a folder of ours.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        let staging_name = ["new-", "old-"].iter().any(|kind| {
            rest.strip_prefix(kind)
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if rest == "kept" {
            if !path.join(MARKER).is_file() {
                let _ = fs::remove_dir_all(&path);
            }
            continue;
        }
        let ours =
            staging_name || path.join(MARKER).is_file() || fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
        if ours {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

/// Put `staging` where `out` is. The previous site is kept as
/// `.NAME.allclear-kept` when `keep` is true (see [`kept`]), and removed
/// otherwise or when it cannot be moved there.
pub(super) fn swap_in(staging: &Path, out: &Path, parent: &Path, name: &str, keep: bool) -> Result<(), OutputError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(io_err(out));
    }
    let old = if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site.
        staging.to_path_buf()
    } else {
        let old = parent.join(format!(".{name}.allclear-old-{}", std::process::id()));
        fs::rename(out, &old).map_err(io_err(out))?;
        if let Err(e) = fs::rename(staging, out) {
            let _ = fs::rename(&old, out);
            return Err(io_err(out)(e));
        }
        old
    };
    if !(keep && fs::rename(&old, kept::path(parent, name)).is_ok()) {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Atomically exchange two paths (Linux `renameat2` with `RENAME_EXCHANGE`,
/// Linux 3.15 or newer).
///
/// Through rustix, which makes the system call itself: musl's libc (the
/// static release binaries) has no `renameat2` wrapper to link against.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange"))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::super::tests::{file, names};
    use super::super::{MARKER, MARKER_TEXT, write_site};

    #[test]
    fn leftovers_of_ended_builds_go_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let made = |rel: &str, marked: bool| {
            let dir = tmp.path().join(rel);
            fs::create_dir_all(dir.join("incidents/x")).unwrap();
            fs::write(dir.join("incidents/x/index.html"), "half").unwrap();
            if marked {
                fs::write(dir.join(MARKER), MARKER_TEXT).unwrap();
            }
        };
        // Killed builds' folders: staging with and without the marker, old.
        made(".public.allclear-new-4242", true);
        made(".public.allclear-new-15188", false);
        made(".public.allclear-old-77", false);
        made(".public.allclear-tmp", true);
        fs::create_dir(tmp.path().join(".public.allclear-empty")).unwrap();
        // Not ours: no marker and not a staging folder's name, another
        // output's staging folder, a link to a folder.
        made(".public.allclear-notes", false);
        made(".public.allclear-new-12x", false);
        made(".dist.allclear-new-4242", true);
        made("elsewhere", true);
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("elsewhere"), tmp.path().join(".public.allclear-new-9")).unwrap();

        write_site(&tmp.path().join("public"), &[file("index.html", "new")]).unwrap();
        let mut expected = vec![
            ".dist.allclear-new-4242",
            ".public.allclear-lock",
            ".public.allclear-new-12x",
            ".public.allclear-notes",
            "elsewhere",
            "public",
        ];
        if cfg!(unix) {
            expected.insert(3, ".public.allclear-new-9");
        }
        assert_eq!(names(tmp.path()), expected);
        assert!(tmp.path().join("elsewhere/incidents/x/index.html").is_file());
    }
}
