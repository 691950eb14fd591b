//! The templates, static files and message files a site is rendered with.
//!
//! Three layers: the built-in `default` theme (compiled into the binary,
//! so `allclear` is one self-contained file), a theme named in `site.yaml`
//! (`SITE/themes/NAME/templates`, `static` and `i18n`), and the site's own
//! `templates/`, `static/` and `i18n/` folders. Later layers win file by
//! file for templates and static files, and message by message for the
//! interface's messages (see [`crate::i18n`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::layout::{THEME_FOLDERS, THEMES};
use super::links::{Refused, Root, is_hidden};

const TEMPLATES: &str = THEME_FOLDERS[0];
const STATIC: &str = THEME_FOLDERS[1];
const I18N: &str = THEME_FOLDERS[2];
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{MessageFile, StaticFile, Theme};

/// The default theme's message files, by language (`themes/default/i18n/`):
/// every language the default theme ships (issue 15).
const DEFAULT_MESSAGES: &[(&str, &str)] = &[
    ("en", include_str!("../../themes/default/i18n/en.ftl")),
    ("de", include_str!("../../themes/default/i18n/de.ftl")),
    ("fr", include_str!("../../themes/default/i18n/fr.ftl")),
    ("es", include_str!("../../themes/default/i18n/es.ftl")),
    ("it", include_str!("../../themes/default/i18n/it.ftl")),
    ("pt-BR", include_str!("../../themes/default/i18n/pt-BR.ftl")),
    ("nl", include_str!("../../themes/default/i18n/nl.ftl")),
    ("pl", include_str!("../../themes/default/i18n/pl.ftl")),
    ("sv", include_str!("../../themes/default/i18n/sv.ftl")),
    ("tr", include_str!("../../themes/default/i18n/tr.ftl")),
    ("uk", include_str!("../../themes/default/i18n/uk.ftl")),
    ("ja", include_str!("../../themes/default/i18n/ja.ftl")),
    ("zh-Hans", include_str!("../../themes/default/i18n/zh-Hans.ftl")),
    ("ko", include_str!("../../themes/default/i18n/ko.ftl")),
    ("ar", include_str!("../../themes/default/i18n/ar.ftl")),
    ("he", include_str!("../../themes/default/i18n/he.ftl")),
];

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
    (
        "allclear-flip.js",
        include_bytes!("../../themes/default/static/allclear-flip.js"),
    ),
];

/// Build the layered theme for the site in `site_dir`, whose `site.yaml`
/// names theme `name` (a plain folder name, checked by `site.yaml`'s
/// loader), the page `language` and lists `publish_hidden`; `shown` is how
/// `site_dir` is displayed.
///
/// Returns the theme and its warnings (links skipped under the rules of
/// [`super::links`]; no message file for `language`, see
/// [`crate::i18n::no_catalogue_warning`]).
///
/// # Errors
/// A named theme that does not exist, a template, static file or folder
/// that cannot be read, or a message file that is not `LANG.ftl` or does
/// not parse as Fluent (at its line and column).
pub(crate) fn load_theme(
    site_dir: &Path,
    shown: &Path,
    name: &str,
    language: &str,
    publish_hidden: &[String],
) -> Result<(Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut messages: Vec<MessageFile> = DEFAULT_MESSAGES
        .iter()
        .map(|(language, text)| MessageFile {
            language: language.to_string(),
            text: text.to_string(),
            source: None,
        })
        .collect();
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
        let dir = site_dir.join(THEMES).join(name);
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

    let tree = Tree {
        site_dir,
        shown,
        root: Root::new(site_dir, publish_hidden),
    };
    for layer in &layers {
        for (rel, bytes) in tree.read(&layer.join(TEMPLATES), false, &mut errors) {
            let name = rel.to_string_lossy().replace('\\', "/");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    templates.insert(name, text);
                }
                Err(_) => errors.push(Diagnostic::file_error(shown.join(&rel), "template is not UTF-8 text")),
            }
        }
        let shown_static = shown.join(layer.strip_prefix(site_dir).unwrap_or(layer)).join(STATIC);
        for (rel, bytes) in tree.read(&layer.join(STATIC), true, &mut errors) {
            let source = shown_static.join(&rel);
            statics.insert(rel, (bytes, Some(source)));
        }
        let shown_i18n = shown.join(layer.strip_prefix(site_dir).unwrap_or(layer)).join(I18N);
        for (rel, bytes) in tree.read(&layer.join(I18N), false, &mut errors) {
            match crate::i18n::message_file(&shown_i18n.join(&rel), &rel, bytes) {
                Ok(file) => messages.push(file),
                Err(e) => errors.extend(e),
            }
        }
    }
    if errors.iter().all(|d| d.severity == Severity::Warning) {
        errors.extend(crate::i18n::no_catalogue_warning(
            &messages,
            language,
            &shown.join("site.yaml"),
        ));
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
        messages,
    };
    Ok((theme, warnings))
}

/// Reads the template and static folders of one site.
struct Tree<'a> {
    site_dir: &'a Path,
    shown: &'a Path,
    root: Root,
}

impl Tree<'_> {
    /// Every regular file below `dir` as `(path relative to dir, bytes)`,
    /// sorted, following the rules of [`super::links`]: hidden names are
    /// passed over (in a `static` folder, unless `publish_hidden` lists
    /// them), and links are followed only to readable places inside the site
    /// folder; each link not followed is a warning. A file or folder that
    /// cannot be read is an error, never passed over.
    fn read(&self, dir: &Path, is_static: bool, errors: &mut Vec<Diagnostic>) -> Vec<(PathBuf, Vec<u8>)> {
        let shown = |path: &Path| self.shown.join(path.strip_prefix(self.site_dir).unwrap_or(path));
        let skipped = |path: &Path, why: Refused| {
            Diagnostic::file_error(shown(path), why.message())
                .warning()
                .with_help(why.help())
        };
        match fs::symlink_metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(e) => {
                errors.push(Diagnostic::file_error(shown(dir), format!("cannot read: {e}")));
                return Vec::new();
            }
            Ok(_) => {}
        }
        // The folder itself may be reached through a link (the folder, the
        // theme's folder or `themes/`): the same rules hold for it.
        if let Err(why) = self.root.check(dir) {
            errors.push(skipped(dir, why));
            return Vec::new();
        }
        if !dir.is_dir() {
            return Vec::new();
        }
        let visible = |e: &walkdir::DirEntry| {
            e.depth() == 0
                || !is_hidden(e.file_name())
                || (is_static
                    && self
                        .root
                        .publishes_hidden(e.path().strip_prefix(dir).unwrap_or(e.path())))
        };
        let mut out = Vec::new();
        let mut walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(visible);
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(walk_error(&e, &shown));
                    continue;
                }
            };
            let path = entry.path();
            if entry.path_is_symlink() {
                if let Err(why) = self.root.check(path) {
                    errors.push(skipped(path, why));
                    if entry.file_type().is_dir() {
                        walker.skip_current_dir();
                    }
                    continue;
                }
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
            match fs::read(path) {
                Ok(bytes) => out.push((rel, bytes)),
                Err(e) => errors.push(Diagnostic::file_error(shown(path), format!("cannot read: {e}"))),
            }
        }
        out
    }
}

/// A folder walk that failed (no permission, a link loop, a file gone
/// meanwhile), as an error that names the path.
pub(crate) fn walk_error(e: &walkdir::Error, shown: &dyn Fn(&Path) -> PathBuf) -> Diagnostic {
    let path = e.path().map(shown).unwrap_or_default();
    let what = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => format!("symbolic link loop: it leads back to {}", shown(ancestor).display()),
        (None, Some(io)) => format!("cannot read: {io}"),
        (None, None) => format!("cannot read: {e}"),
    };
    let d = Diagnostic::file_error(path, what);
    match e.io_error().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => d.with_help(
            "let the user who runs allclear read it (`chmod -R u+rX` or `chown`); nothing below it was read",
        ),
        _ => d,
    }
}
