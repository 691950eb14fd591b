//! What `serve` watches: exactly what `allclear build` reads, and nothing
//! outside the site folder.
//!
//! The build reads `site.yaml`, `incidents/`, `maintenance/`, `templates/`,
//! `static/` and each theme's `themes/NAME/templates/` and `static/` (see
//! `load::discover` and `load::theme`), skipping hidden files and folders.
//! So the watch is: the site folder itself, without recursion (for
//! `site.yaml` and folders that appear); `themes/` and each `themes/NAME/`,
//! without recursion (for themes and their folders that appear); and every
//! folder below those areas, each on its own, found by [`scan`].
//!
//! Symbolic links are followed only as far as the build follows them: never
//! inside `incidents/` and `maintenance/` (the build refuses them there),
//! and in `templates/` and `static/`, or for an area itself (`static` being
//! a link), only when the link leads to a place inside the site folder that
//! is neither hidden (`.git/`) nor the output folder `public/`. A link is
//! watched through its own path, so a change there is reported under the
//! name the build reads it by (`static/logo.svg`, not its target's).

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::fs;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

/// The output folder of `allclear build`, never watched.
pub(super) const OUTPUT_DIR: &str = "public";

// The loader's own names: the watch covers exactly what it reads.
use crate::load::layout::{ENTRY_FOLDERS as ENTRY_AREAS, SITE_FILE, THEME_FOLDERS as THEME_AREAS, THEMES, is_hidden};

/// What to watch in a site folder, as found by [`scan`] at one moment.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Scope {
    /// Each path to watch on its own (not recursively), absolute, as the
    /// build names it: the site folder, the folders of the areas, and
    /// files reached through symbolic links.
    pub paths: BTreeSet<PathBuf>,
    /// What the build may read but cannot be watched, by path relative to
    /// the site folder: the reason, for a warning.
    pub problems: BTreeMap<PathBuf, String>,
}

/// Which symbolic links below an area are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Links {
    /// None (`incidents/`, `maintenance/`).
    Never,
    /// Those that stay inside the site folder, out of hidden folders and
    /// `public/` (`templates/`, `static/`).
    InsideSite,
}

/// Find what to watch in the site folder `root` (absolute and canonical).
/// Never fails: what cannot be read is in [`Scope::problems`].
pub(super) fn scan(root: &Path) -> Scope {
    let mut scan = Scan {
        root,
        scope: Scope::default(),
        visited: BTreeSet::new(),
    };
    scan.scope.paths.insert(root.to_path_buf());
    for area in ENTRY_AREAS {
        scan.area(&root.join(area), Links::Never);
    }
    for area in THEME_AREAS {
        scan.area(&root.join(area), Links::InsideSite);
    }
    let themes = root.join(THEMES);
    if scan.area_root(&themes).is_some() {
        scan.scope.paths.insert(themes.clone());
        let names = match fs::read_dir(&themes) {
            Ok(entries) => entries.flatten().map(|e| e.file_name()).collect(),
            Err(e) => {
                scan.unreadable(&themes, &e);
                Vec::new()
            }
        };
        for name in names.into_iter().filter(|n| !is_hidden(n)) {
            let theme = themes.join(&name);
            if scan.area_root(&theme).is_some() {
                scan.scope.paths.insert(theme.clone());
                for area in THEME_AREAS {
                    scan.area(&theme.join(area), Links::InsideSite);
                }
            }
        }
    }
    scan.scope
}

/// Whether a change at `rel`, a path relative to the site folder, is in
/// what the build reads (hidden and temporary files aside, see
/// `super::is_ignored`): the site folder itself, `site.yaml`, anything in
/// `incidents/`, `maintenance/`, `templates/` and `static/`, `themes/`, a
/// theme's folder, and anything in a theme's `templates/` and `static/`.
pub(super) fn is_read_by_build(rel: &Path) -> bool {
    let names: Vec<&OsStr> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name),
            _ => None,
        })
        .collect();
    let is = |name: &OsStr, among: &[&str]| among.iter().any(|a| name == *a);
    match names.as_slice() {
        [] => true,
        [first, ..] if is(first, &ENTRY_AREAS) || is(first, &THEME_AREAS) => true,
        [only] => is(only, &[SITE_FILE, THEMES]),
        [themes, _] => is(themes, &[THEMES]),
        [themes, _, area, ..] => is(themes, &[THEMES]) && is(area, &THEME_AREAS),
    }
}

struct Scan<'a> {
    root: &'a Path,
    scope: Scope,
    /// The canonical folders walked, so that two links to one folder, or
    /// a link to a folder above it, walk it once.
    visited: BTreeSet<PathBuf>,
}

impl Scan<'_> {
    /// Watch the area at `path` and every folder below it, following links
    /// as `links` says.
    fn area(&mut self, path: &Path, links: Links) {
        if let Some(canonical) = self.area_root(path) {
            self.walk(path, &canonical, links);
        }
    }

    /// The canonical folder an area at `path` is read from: `None` when
    /// there is none (no such folder, or a file), or when it is a link
    /// that is not followed (a problem, then).
    fn area_root(&mut self, path: &Path) -> Option<PathBuf> {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                self.unreadable(path, &e);
                return None;
            }
        };
        if meta.is_dir() {
            return Some(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
        }
        if !meta.is_symlink() {
            return None;
        }
        match fs::canonicalize(path) {
            Ok(target) if target.is_dir() => match self.refusal(&target) {
                None => Some(target),
                Some(why) => {
                    let message = format!(
                        "is a symbolic link to {}, {why}: serve does not follow it, so changes there are not seen; \
                         move the folder into the site folder instead of linking to it",
                        target.display()
                    );
                    self.scope.problems.insert(self.rel(path), message);
                    None
                }
            },
            // A dangling link, or a link to a file: the build says what is
            // wrong with it, and the site folder's watch sees it change.
            _ => None,
        }
    }

    /// Watch `top` (as the build names it; canonically `canonical`) and
    /// the folders below it, skipping hidden ones and those already walked.
    fn walk(&mut self, top: &Path, canonical: &Path, links: Links) {
        if !self.visited.insert(canonical.to_path_buf()) {
            return;
        }
        let mut walker = WalkDir::new(top).follow_links(false).sort_by_file_name().into_iter();
        let mut unreadable = Vec::new();
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    if let Some(path) = e.path() {
                        let io = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                        unreadable.push((path.to_path_buf(), io));
                    }
                    continue;
                }
            };
            let path = entry.path();
            if entry.depth() == 0 {
                self.scope.paths.insert(path.to_path_buf());
                continue;
            }
            let is_dir = entry.file_type().is_dir();
            if is_hidden(entry.file_name()) {
                if is_dir {
                    walker.skip_current_dir();
                }
                continue;
            }
            if entry.path_is_symlink() {
                if links == Links::InsideSite {
                    self.follow(path);
                }
            } else if is_dir {
                // Reached through a link to a folder above it, it may be
                // the output folder, or a folder walked already.
                let inside = canonical.join(path.strip_prefix(top).unwrap_or(path));
                if self.refusal(&inside).is_some() || !self.visited.insert(inside) {
                    walker.skip_current_dir();
                } else {
                    self.scope.paths.insert(path.to_path_buf());
                }
            }
        }
        for (path, io) in unreadable {
            // Watching it would fail, or, when polling, fail at every poll.
            self.scope.paths.remove(&path);
            self.scope.problems.insert(self.rel(&path), unreadable_message(&io));
        }
    }

    /// Follow the link at `path` (in `templates/` or `static/`) when it
    /// stays inside the site folder. Links that do not are left alone: the
    /// build reports them.
    fn follow(&mut self, path: &Path) {
        let Ok(target) = fs::canonicalize(path) else { return };
        if self.refusal(&target).is_some() {
            return;
        }
        if target == self.root {
            // Its folders are watched already, under their own names.
            let message = "is a symbolic link to the site folder itself: serve does not follow it, so changes \
                           seen only through it (in the site folder's other files) are not seen";
            self.scope.problems.insert(self.rel(path), message.to_string());
        } else if target.is_dir() {
            self.walk(path, &target, Links::InsideSite);
        } else {
            // Watched through the link: the target file's changes are
            // reported under the link's name.
            self.scope.paths.insert(path.to_path_buf());
        }
    }

    /// Why a link to the canonical `target` is not followed, or `None`
    /// when it is.
    fn refusal(&self, target: &Path) -> Option<&'static str> {
        let Ok(rel) = target.strip_prefix(self.root) else {
            return Some("outside the site folder");
        };
        let mut names = rel.components().map(|c| c.as_os_str());
        if names.clone().next().is_some_and(|first| first == OUTPUT_DIR) {
            return Some("in the output folder public/");
        }
        if names.any(is_hidden) {
            return Some("in a hidden folder");
        }
        None
    }

    fn unreadable(&mut self, path: &Path, e: &std::io::Error) {
        let message = unreadable_message(&e.to_string());
        self.scope.problems.insert(self.rel(path), message);
    }

    fn rel(&self, path: &Path) -> PathBuf {
        path.strip_prefix(self.root).unwrap_or(path).to_path_buf()
    }
}

fn unreadable_message(io: &str) -> String {
    format!(
        "cannot be read ({io}), so changes in it are not seen; make it readable (the build reports it too), \
         or move it out of the site folder"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_build_reads_counts() {
        for path in [
            "",
            "site.yaml",
            "incidents",
            "incidents/2026/a.md",
            "maintenance/b.yaml",
            "templates/index.html",
            "static/img/logo.svg",
            "themes",
            "themes/dark",
            "themes/dark/templates/base.html",
            "themes/dark/static/style.css",
        ] {
            assert!(is_read_by_build(Path::new(path)), "{path} should count");
        }
        for path in [
            "README.md",
            "public/index.html",
            "node_modules/x/package.json",
            "drafts/a.md",
            "themes/dark/README.md",
            "themes/dark/docs/x.md",
            "site.yml",
        ] {
            assert!(!is_read_by_build(Path::new(path)), "{path} should not count");
        }
    }
}

#[cfg(all(test, unix))]
mod link_tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_followed_inside_the_site_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = fs::canonicalize(tmp.path()).unwrap().join("site");
        let outside = root.parent().unwrap().join("outside");
        for dir in [
            "incidents",
            "static/img",
            "assets/fonts/sub",
            ".git/objects",
            "public/x",
        ] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        fs::create_dir_all(outside.join("deep")).unwrap();
        fs::write(root.join("assets/logo.svg"), "<svg/>").unwrap();
        symlink("../assets/fonts", root.join("static/fonts")).unwrap();
        symlink("../assets/logo.svg", root.join("static/logo.svg")).unwrap();
        symlink("../.git", root.join("static/git")).unwrap();
        symlink("../public", root.join("static/public")).unwrap();
        symlink(&outside, root.join("static/out")).unwrap();
        symlink("..", root.join("static/up")).unwrap();
        symlink("../assets", root.join("incidents/assets")).unwrap();
        symlink(&outside, root.join("templates")).unwrap();

        let scope = scan(&root);
        let paths: Vec<String> = scope
            .paths
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            paths,
            [
                "",
                "incidents",
                "static",
                "static/fonts",
                "static/fonts/sub",
                "static/img",
                "static/logo.svg",
            ]
        );
        let problems: Vec<&Path> = scope.problems.keys().map(PathBuf::as_path).collect();
        assert_eq!(problems, [Path::new("static/up"), Path::new("templates")]);
        assert!(scope.problems[Path::new("templates")].contains("outside the site folder"));
    }
}
