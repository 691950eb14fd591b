//! What the loader may read: symbolic links and hidden paths inside the
//! site folder.
//!
//! A site folder is usually a git checkout, and its hidden parts hold
//! secrets: `.git/config` carries the token that CI's checkout writes
//! (`extraheader = AUTHORIZATION: basic …`), and `.env` files hold keys.
//! Whatever the loader reads may be published (static files) or printed
//! (templates and entries in error messages), so these rules hold for every
//! file it reads:
//!
//! - nothing under a hidden name (one that starts with `.`) is read, except
//!   the `static/` paths that `site.yaml` lists in `publish_hidden`, and
//!   never anything under `.git/`;
//! - a symbolic link is followed only when its target, with every link on
//!   the way resolved, is inside the site folder and not under a hidden
//!   name (listed `static/` paths excepted); any other link is skipped with
//!   a warning that names it;
//! - entries (`incidents/`, `maintenance/`) are never read through a link:
//!   a link there is an error, since skipping it would silently drop an
//!   incident from the page (see `discover` in the parent module).

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// A name that starts with `.` (`.git`, `.env`, `.DS_Store`).
pub fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Why a link or a folder is not followed.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Its target is outside the site folder.
    Outside(PathBuf),
    /// Its target is under a hidden name of the site folder (shown relative
    /// to the site folder).
    Hidden(PathBuf),
    /// Its target cannot be resolved (a broken link, a loop, no permission).
    Unresolved(io::Error),
}

impl Refused {
    /// The warning's message for the link at a path.
    pub(crate) fn message(&self) -> String {
        match self {
            Refused::Outside(target) => format!(
                "symbolic link skipped: it leads outside the site folder, to {}",
                target.display()
            ),
            Refused::Hidden(target) => format!(
                "symbolic link skipped: it leads to {}, a hidden file or folder of the site (which may hold secrets, like .git/config)",
                target.display()
            ),
            Refused::Unresolved(e) => format!("symbolic link skipped: it cannot be followed ({e})"),
        }
    }

    /// What to do about it.
    pub(crate) fn help(&self) -> &'static str {
        match self {
            Refused::Outside(_) | Refused::Unresolved(_) => {
                "copy the file into the site folder instead of linking to it"
            }
            Refused::Hidden(_) => {
                "copy what should be published into static/; to publish a hidden path such as static/.well-known/, list it in `publish_hidden` in site.yaml"
            }
        }
    }
}

/// The site folder, resolved, and the hidden `static/` paths it publishes.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    /// The site folder with every link resolved.
    canonical: PathBuf,
    /// `publish_hidden` from `site.yaml`: paths relative to `static/`.
    publish_hidden: Vec<PathBuf>,
}

impl Root {
    /// The rules for the site in `site_dir`.
    pub(crate) fn new(site_dir: &Path, publish_hidden: &[String]) -> Root {
        Root {
            canonical: fs::canonicalize(site_dir).unwrap_or_else(|_| site_dir.to_path_buf()),
            publish_hidden: publish_hidden.iter().map(PathBuf::from).collect(),
        }
    }

    /// Whether a path relative to `static/` may be read although a part of
    /// it is hidden: it is a listed path, lies below one, or is a folder on
    /// the way to one. Nothing under `.git` ever is.
    pub(crate) fn publishes_hidden(&self, rel_to_static: &Path) -> bool {
        if rel_to_static.components().any(|c| c.as_os_str() == ".git") {
            return false;
        }
        self.publish_hidden
            .iter()
            .any(|listed| rel_to_static.starts_with(listed) || listed.starts_with(rel_to_static))
    }

    /// Whether a path relative to the site folder may be read: none of its
    /// parts is hidden, or it is a listed `static/` path.
    pub(crate) fn allows(&self, rel: &Path) -> bool {
        let hidden = rel.components().any(|c| is_hidden(c.as_os_str()));
        !hidden || rel.strip_prefix("static").is_ok_and(|r| self.publishes_hidden(r))
    }

    /// Resolve `path` (a link, or a folder reached through one) and check
    /// that the loader may read what it leads to.
    ///
    /// # Errors
    /// [`Refused`] when it leads outside the site folder, under a hidden
    /// name, or nowhere.
    pub(crate) fn check(&self, path: &Path) -> Result<PathBuf, Refused> {
        let target = fs::canonicalize(path).map_err(Refused::Unresolved)?;
        let Ok(rel) = target.strip_prefix(&self.canonical) else {
            return Err(Refused::Outside(target));
        };
        if !self.allows(rel) {
            return Err(Refused::Hidden(rel.to_path_buf()));
        }
        Ok(target)
    }
}

/// A `publish_hidden` item is a relative path under `static/` with no `..`
/// and nothing under `.git`.
pub(crate) fn is_publishable(item: &str) -> bool {
    let path = Path::new(item);
    !item.is_empty()
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && !path.components().any(|c| c.as_os_str() == ".git")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_static_paths_need_listing() {
        let root = Root::new(Path::new("."), &[".well-known".into(), "x/.nojekyll".into()]);
        assert!(root.allows(Path::new("static/logo.svg")));
        assert!(root.allows(Path::new("static/.well-known/security.txt")));
        assert!(root.allows(Path::new("static/x/.nojekyll")));
        assert!(root.allows(Path::new("static/x")), "a folder on the way");
        assert!(!root.allows(Path::new("static/.env")));
        assert!(!root.allows(Path::new(".git/config")));
        assert!(
            !root.allows(Path::new(".well-known/security.txt")),
            "only under static/"
        );
        assert!(!root.allows(Path::new("static/.well-known/.git/config")));
        assert!(is_publishable(".well-known") && is_publishable("a/.b"));
        for bad in ["", "/etc", "../x", ".git", "a/.git/config", "a/../b"] {
            assert!(!is_publishable(bad), "{bad}");
        }
    }
}
