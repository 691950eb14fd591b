//! The templates and static files a site is rendered with.
//!
//! Three layers, later ones winning file by file: the built-in `default`
//! theme (compiled into the binary, so `allclear` is one self-contained
//! file), a theme named in `site.yaml` (`SITE/themes/NAME/templates` and
//! `static`), and the site's own `templates/` and `static/` folders.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{StaticFile, Theme};

/// The default theme's templates, by name.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    (
        "incident.html",
        include_str!("../../themes/default/templates/incident.html"),
    ),
    (
        "maintenance.html",
        include_str!("../../themes/default/templates/maintenance.html"),
    ),
    (
        "component.html",
        include_str!("../../themes/default/templates/component.html"),
    ),
    (
        "history_index.html",
        include_str!("../../themes/default/templates/history_index.html"),
    ),
    (
        "history_month.html",
        include_str!("../../themes/default/templates/history_month.html"),
    ),
    ("404.html", include_str!("../../themes/default/templates/404.html")),
    ("embed.html", include_str!("../../themes/default/templates/embed.html")),
    (
        "allclear.js",
        include_str!("../../themes/default/templates/allclear.js"),
    ),
];

/// The default theme's static files, by path under the output root.
const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../themes/default/static/style.css")),
    ("embed.js", include_bytes!("../../themes/default/static/embed.js")),
];

/// Build the layered theme for the site in `site_dir`, whose `site.yaml`
/// names theme `name`; `shown` is how `site_dir` is displayed.
///
/// Returns the theme and its warnings (skipped links).
///
/// # Errors
/// A named theme that does not exist, or a template or static file that
/// cannot be read.
pub(crate) fn load_theme(
    site_dir: &Path,
    shown: &Path,
    name: &str,
) -> Result<(Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut templates: BTreeMap<String, String> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    // Path under the output root -> (bytes, the file as the user names it).
    let mut statics: BTreeMap<PathBuf, (Vec<u8>, Option<PathBuf>)> = DEFAULT_STATIC
        .iter()
        .map(|(p, b)| (PathBuf::from(p), (b.to_vec(), None)))
        .collect();
    let mut errors = Vec::new();

    let mut layers = Vec::new();
    if name != "default" {
        let dir = site_dir.join("themes").join(name);
        if !dir.is_dir() {
            return Err(vec![Diagnostic::file_error(
                shown.join("site.yaml"),
                format!("theme `{name}` not found: there is no folder {}", shown.join("themes").join(name).display()),
            )
            .with_help("remove `theme:` to use the built-in default theme, or create that folder with `templates/` and `static/`")]);
        }
        layers.push(dir);
    }
    layers.push(site_dir.to_path_buf());

    for layer in &layers {
        for (rel, bytes) in read_tree(site_dir, &layer.join("templates"), shown, &mut errors) {
            let name = rel.to_string_lossy().replace('\\', "/");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    templates.insert(name, text);
                }
                Err(_) => errors.push(Diagnostic::file_error(shown.join(&rel), "template is not UTF-8 text")),
            }
        }
        let shown_static = shown.join(layer.strip_prefix(site_dir).unwrap_or(layer)).join("static");
        for (rel, bytes) in read_tree(site_dir, &layer.join("static"), shown, &mut errors) {
            let source = shown_static.join(&rel);
            statics.insert(rel, (bytes, Some(source)));
        }
    }
    let (warnings, errors): (Vec<_>, Vec<_>) = errors.into_iter().partition(|d| d.severity == Severity::Warning);
    if !errors.is_empty() {
        return Err(errors);
    }
    let theme = Theme {
        templates: templates.into_iter().collect(),
        static_files: statics
            .into_iter()
            .map(|(path, (bytes, source))| StaticFile { path, bytes, source })
            .collect(),
    };
    Ok((theme, warnings))
}

/// Every regular file below `dir` as `(path relative to dir, bytes)`, sorted.
/// Hidden files are skipped, and so are symbolic links that lead outside
/// `site_dir` (so a build never publishes a file from elsewhere).
fn read_tree(site_dir: &Path, dir: &Path, shown: &Path, errors: &mut Vec<Diagnostic>) -> Vec<(PathBuf, Vec<u8>)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let root = fs::canonicalize(site_dir).unwrap_or_else(|_| site_dir.to_path_buf());
    let mut out = Vec::new();
    let walker = WalkDir::new(dir).follow_links(false).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name())) {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let rel = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        let shown_path = shown.join(path.strip_prefix(site_dir).unwrap_or(path));
        if entry.path_is_symlink() {
            match fs::canonicalize(path) {
                Ok(target) if target.starts_with(&root) && target.is_file() => {}
                _ => {
                    errors.push(
                        Diagnostic::file_error(&shown_path, "symbolic link leads outside the site folder")
                            .warning()
                            .with_help("copy the file into the site folder instead; the link is skipped"),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        match fs::read(path) {
            Ok(bytes) => out.push((rel, bytes)),
            Err(e) => errors.push(Diagnostic::file_error(&shown_path, format!("cannot read: {e}"))),
        }
    }
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}
