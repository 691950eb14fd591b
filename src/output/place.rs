//! Where an output folder may be: the checks made before anything is
//! written.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{MARKER, OutputError, io_err};

/// The folders of a site that a build reads (content format, "A site
/// folder"), with what they hold.
const READ_FOLDERS: [(&str, &str); 6] = {
    use crate::load::layout::{ENTRY_FOLDERS, THEME_FOLDERS, THEMES};
    [
        (ENTRY_FOLDERS[0], "its incidents"),
        (ENTRY_FOLDERS[1], "its maintenances"),
        (THEME_FOLDERS[1], "its files, to copy them into the site"),
        (THEME_FOLDERS[0], "its templates"),
        (THEME_FOLDERS[2], "its interface messages"),
        (THEMES, "its themes"),
    ]
};

/// Why a folder the build reads cannot hold the output.
fn read_by_builds(what: &str) -> String {
    format!("which every build reads for {what}, so each build would read the previous one's output")
}

/// Refuse an output folder that replacing would destroy more than a
/// built site: the site folder itself, a folder that contains it, the file
/// system root or the home folder; and one inside a folder the build reads
/// (`incidents/`, `maintenance/`, `static/`, `templates/`, `i18n/`,
/// `themes/`, or a theme linked from there), where every build would read
/// the previous one's output, or inside a hidden folder of the site (`.git/`), which
/// allclear never writes into. `SITE/public`, the default, and any other
/// folder of its own are allowed. Paths are compared after resolving `.`,
/// `..` and symbolic links of the parts that exist.
///
/// # Errors
/// [`OutputError::Unsafe`] naming what the folder is, or
/// [`OutputError::InsideSource`] naming the folder it is in.
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
    if let Some(what) = what {
        return Err(OutputError::Unsafe {
            path: out.to_path_buf(),
            what,
        });
    }
    match source_folder_around(&out_abs, site_dir, &site_abs) {
        Some((folder, what)) => Err(OutputError::InsideSource {
            path: out.to_path_buf(),
            folder,
            what,
        }),
        None => Ok(()),
    }
}

/// The folder of the site that a build reads, or the hidden folder, that
/// holds `out_abs` (or is it), as shown under `site_dir`, with what it is.
fn source_folder_around(out_abs: &Path, site_dir: &Path, site_abs: &Path) -> Option<(PathBuf, String)> {
    if let Ok(rel) = out_abs.strip_prefix(site_abs)
        && let Some(Component::Normal(first)) = rel.components().next()
    {
        let first = first.to_string_lossy();
        if let Some((name, what)) = READ_FOLDERS.iter().find(|(name, _)| *name == first) {
            return Some((site_dir.join(name), read_by_builds(what)));
        }
        if first.starts_with('.') {
            return Some((
                site_dir.join(first.as_ref()),
                "a hidden folder of the site, and allclear never writes into hidden folders such as .git".to_string(),
            ));
        }
    }
    // The same folders when they are symbolic links to elsewhere, and the
    // themes linked from themes/.
    let themes = fs::read_dir(site_dir.join(crate::load::layout::THEMES))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| (e.path(), "its theme"));
    READ_FOLDERS
        .iter()
        .map(|(name, what)| (site_dir.join(name), *what))
        .chain(themes)
        .find(|(folder, _)| out_abs.starts_with(resolve(folder)))
        .map(|(folder, what)| (folder, read_by_builds(what)))
}

/// `path` made absolute with `.` and `..` folded, then with symbolic links
/// resolved for the longest part that exists.
fn resolve(path: &Path) -> PathBuf {
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

/// `(parent folder, final name)` of `out`; `/`, `..` and the like are
/// refused.
pub(super) fn split(out: &Path) -> Result<(PathBuf, String), OutputError> {
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
/// the marker. A symbolic link is never replaced, even to such a folder:
/// the swap would replace the link, not the folder it points to.
pub(super) fn check_replaceable(out: &Path) -> Result<(), OutputError> {
    let meta = match fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(out)(e)),
    };
    if meta.is_symlink() {
        let target = fs::read_link(out).map_err(io_err(out))?;
        // A relative target is relative to the link's folder.
        let real = match out.parent() {
            Some(dir) if target.is_relative() => dir.join(&target),
            _ => target.clone(),
        };
        return Err(OutputError::Symlink {
            path: out.to_path_buf(),
            target,
            real,
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[cfg(unix)]
    #[test]
    fn refuses_folders_the_build_reads_also_through_links() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        let assets = tmp.path().join("assets");
        let shared_theme = tmp.path().join("shared-theme");
        fs::create_dir_all(site.join("themes")).unwrap();
        fs::create_dir_all(&assets).unwrap();
        fs::create_dir_all(&shared_theme).unwrap();
        std::os::unix::fs::symlink(&assets, site.join("static")).unwrap();
        std::os::unix::fs::symlink(&shared_theme, site.join("themes/corp")).unwrap();
        let folder = |out: &Path| match check_out_dir(out, &site) {
            Err(OutputError::InsideSource { folder, .. }) => Some(folder),
            _ => None,
        };
        assert_eq!(folder(&site.join("incidents")), Some(site.join("incidents")));
        assert_eq!(folder(&site.join("maintenance/x")), Some(site.join("maintenance")));
        assert_eq!(folder(&site.join("templates/a/b")), Some(site.join("templates")));
        assert_eq!(folder(&site.join("themes/x")), Some(site.join("themes")));
        assert_eq!(folder(&site.join(".git/out")), Some(site.join(".git")));
        assert_eq!(folder(&site.join("public/../static/x")), Some(site.join("static")));
        assert_eq!(
            folder(&assets.join("x")),
            Some(site.join("static")),
            "static/ is a link"
        );
        assert_eq!(folder(&shared_theme), Some(site.join("themes/corp")), "a linked theme");
        for fine in ["public", "dist", "out/static", "public/incidents"] {
            assert!(check_out_dir(&site.join(fine), &site).is_ok(), "{fine}");
        }
        assert!(check_out_dir(&tmp.path().join("www"), &site).is_ok());
    }

    #[test]
    fn refuses_root_like_paths() {
        assert!(matches!(split(Path::new("/")), Err(OutputError::BadPath(_))));
        assert!(matches!(split(Path::new("..")), Err(OutputError::BadPath(_))));
    }
}
