//! Load: read a site folder into a [`Site`], checking it against the content
//! format (`docs/content-format.md`). Reads files and nothing else; never
//! looks at the clock.
//!
//! Every problem is reported, not just the first: each file is parsed on its
//! own, and within a file every semantic check runs (a file whose YAML does
//! not match the schema reports that one error).

pub mod cache;
mod entry;
pub mod front_matter;
pub mod layout;
mod links;
mod live;
mod raw;
mod schema;
mod site;
mod source;
mod theme;
pub mod time;
mod translation;
pub mod yaml;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::model::{Incident, Maintenance, Site};
use entry::EntryContext;
use source::Source;

pub use cache::LoadCache;
pub use live::{Changed, LiveSite};

pub use site::{BadBaseUrl, check_base_url};

/// What `load` needs besides the folder.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--base-url`: replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Files to read from memory instead of disk, by path inside the site
    /// folder (`incidents/x.md`); an entry that does not exist on disk yet
    /// is added. The authoring commands check an edit this way before
    /// writing it.
    pub overrides: std::collections::BTreeMap<PathBuf, String>,
}

/// A loaded site and the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
    /// Each file's text, by path inside the site folder (`site.yaml`,
    /// `incidents/x.md`), so later checks can point at a line.
    pub(crate) sources: HashMap<PathBuf, Source>,
}

impl Loaded {
    /// A warning at the node `path` of the YAML in `file` (a path inside the
    /// site folder), with a `code` for machine-readable output.
    pub(crate) fn warning_at(
        &self,
        file: &Path,
        path: &[yaml::Seg<'_>],
        on_key: bool,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        match self.sources.get(file) {
            Some(src) => src.error_at(path, on_key, message),
            None => Diagnostic::file_error(file, message),
        }
        .warning()
        .with_code(code)
    }
}

/// The rule for ids (content format): `[a-z0-9][a-z0-9-]*`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A valid id close to `id`: lowercase, with runs of other characters
/// turned into one hyphen.
pub(crate) fn suggest_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// How to write an id, for diagnostics.
pub(crate) const ID_HELP: &str =
    "ids use lowercase letters, digits and hyphens, and start with a letter or digit, like `2026-11-20-api-errors`";

/// Which folder an entry lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Incident,
    Maintenance,
}

/// Read the site in `site_dir`.
///
/// # Errors
/// Every diagnostic found, when there is at least one error.
pub fn load(site_dir: &Path, options: &LoadOptions) -> Result<Loaded, Vec<Diagnostic>> {
    LiveSite::open(site_dir, options.clone()).into_loaded()
}

/// [`load`], taking each entry file whose bytes (and `site.yaml`) have not
/// changed from `cache` instead of parsing it (see [`cache`]). The site and
/// every diagnostic are exactly [`load`]'s; `cache` then knows what to
/// write back ([`LoadCache::save`]), and with `ALLCLEAR_TIMINGS` set, how
/// many entries came from it is printed (`timing: load: 9999 of 10000
/// entries from cache`).
///
/// # Errors
/// As [`load`].
pub fn load_cached(site_dir: &Path, options: &LoadOptions, cache: &mut LoadCache) -> Result<Loaded, Vec<Diagnostic>> {
    LiveSite::open_cached(site_dir, options.clone(), Some(cache)).into_loaded()
}

/// `site.yaml`, read and checked: the site's configuration and components,
/// and its text. `Ok(None)` when it has errors (pushed to `errors`: entries
/// are still checked, without their component ids).
///
/// # Errors
/// The one diagnostic when it cannot be read at all: nothing else is
/// checked then.
fn read_site_yaml(
    site_dir: &Path,
    shown: &Path,
    options: &LoadOptions,
    errors: &mut Vec<Diagnostic>,
) -> Result<Option<(site::LoadedSite, Source)>, Diagnostic> {
    let site_yaml = site_dir.join("site.yaml");
    let from_memory = options.overrides.get(Path::new("site.yaml")).cloned();
    if from_memory.is_none() && fs::symlink_metadata(&site_yaml).is_ok_and(|m| m.file_type().is_symlink()) {
        let root = links::Root::new(site_dir, &[]);
        if let Err(why) = root.check(&site_yaml) {
            return Err(Diagnostic::file_error(shown.join("site.yaml"), why.message())
                .with_help("make site.yaml a file of the site folder (a link may lead only to a file inside it)"));
        }
    }
    let text = match from_memory.map_or_else(|| fs::read_to_string(&site_yaml), Ok) {
        Ok(t) => t,
        Err(e) => {
            let what = if e.kind() == std::io::ErrorKind::NotFound {
                "no site.yaml here: is this a site folder?".to_string()
            } else {
                format!("cannot read site.yaml: {e}")
            };
            return Err(Diagnostic::file_error(shown.join("site.yaml"), what).with_help(
                "a site folder holds site.yaml (title, base_url, components), incidents/ and maintenance/; see docs/content-format.md",
            ));
        }
    };
    let text = without_bom(text);
    let src = Source::new(shown.join("site.yaml"), text.clone(), text, 0);
    match site::load_site(&src, options.base_url.as_deref()) {
        Ok(s) => Ok(Some((s, src))),
        Err(e) => {
            errors.extend(e);
            Ok(None)
        }
    }
}

/// The Unicode byte order mark, U+FEFF. Some Windows editors start UTF-8
/// files with it; YAML 1.2 (section 5.2) allows it there and it is not part
/// of the content.
pub const BOM: char = '\u{feff}';

/// `text` without a leading [`BOM`].
fn without_bom(text: String) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// How the site folder is shown in diagnostics: as given, but without a
/// leading `./` for the current folder.
fn shown_root(site_dir: &Path) -> PathBuf {
    if site_dir == Path::new(".") || site_dir.as_os_str().is_empty() {
        PathBuf::new()
    } else {
        site_dir.to_path_buf()
    }
}

/// An entry file found on disk.
#[derive(Debug, Clone)]
struct EntryFile {
    kind: Kind,
    id: String,
    /// Path inside the site folder.
    rel: PathBuf,
    /// Path as shown.
    shown: PathBuf,
    path: PathBuf,
    markdown: bool,
}

/// Every entry file under `incidents/` and `maintenance/`, sorted by path,
/// and every translation file there (`NAME.LANG.md`, checked by
/// [`translation::load`]).
/// Hidden files, editor leftovers, READMEs and other extensions are ignored
/// (content format, "A site folder"); a bad or duplicate id is an error.
/// So is a folder that cannot be read and a symbolic link (to a file or a
/// folder, or the entry folder itself): either would otherwise drop
/// entries from the page without a word (see [`links`]).
fn discover(
    site_dir: &Path,
    shown: &Path,
    overrides: &std::collections::BTreeMap<PathBuf, String>,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<EntryFile>, Vec<translation::TranslationFile>) {
    let mut candidates: Vec<(Kind, PathBuf)> = Vec::new();
    let shown_path = |path: &Path| shown.join(path.strip_prefix(site_dir).unwrap_or(path));
    let [incidents, maintenance] = layout::ENTRY_FOLDERS;
    for (folder, kind) in [(incidents, Kind::Incident), (maintenance, Kind::Maintenance)] {
        let walker = WalkDir::new(site_dir.join(folder))
            .follow_links(false)
            .follow_root_links(false)
            .sort_by_file_name();
        let visible = |e: &walkdir::DirEntry| e.depth() == 0 || !links::is_hidden(e.file_name());
        for entry in walker.into_iter().filter_entry(visible) {
            let entry = match entry {
                Ok(entry) => entry,
                // A missing entry folder is an empty one.
                Err(e)
                    if e.depth() == 0 && e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) =>
                {
                    continue;
                }
                Err(e) => {
                    errors.push(theme::walk_error(&e, &shown_path));
                    continue;
                }
            };
            if entry.path_is_symlink() {
                errors.push(
                    Diagnostic::file_error(
                        shown_path(entry.path()),
                        format!("is a symbolic link; allclear does not follow links in {folder}/"),
                    )
                    .with_help(
                        "replace the link with the file itself: a link would make the page depend on what it points to, so allclear neither follows one nor skips it",
                    ),
                );
                continue;
            }
            if entry.file_type().is_file() {
                candidates.push((
                    kind,
                    entry
                        .path()
                        .strip_prefix(site_dir)
                        .unwrap_or(entry.path())
                        .to_path_buf(),
                ));
            }
        }
        for rel in overrides.keys().filter(|rel| rel.starts_with(folder)) {
            if !candidates.iter().any(|(_, c)| c == rel) {
                candidates.push((kind, rel.clone()));
            }
        }
    }
    candidates.sort_by(|a, b| a.1.cmp(&b.1));

    let mut out: Vec<EntryFile> = Vec::new();
    let mut translations = Vec::new();
    let mut ids: HashMap<String, PathBuf> = HashMap::new();
    for (kind, rel) in candidates {
        let Some((stem, markdown)) = entry_stem(&rel) else {
            continue;
        };
        let shown_path = shown.join(&rel);
        if let Some((name, lang)) = translation::split_stem(&stem) {
            translations.push(translation::TranslationFile {
                lang: lang.to_string(),
                file: EntryFile {
                    kind,
                    id: name.to_string(),
                    path: site_dir.join(&rel),
                    rel,
                    shown: shown_path,
                    markdown,
                },
            });
            continue;
        }
        if !is_valid_id(&stem) {
            errors.push(
                Diagnostic::file_error(
                    &shown_path,
                    format!("`{stem}` is not a valid entry id (the file name is the id)"),
                )
                .with_help(format!("rename the file to `{}`; {ID_HELP}", suggest_id(&stem))),
            );
            continue;
        }
        if let Some(first) = ids.get(&stem) {
            errors.push(
                Diagnostic::file_error(
                    &shown_path,
                    format!(
                        "duplicate id `{stem}`: {} has the same id (its file name without the extension)",
                        first.display()
                    ),
                )
                .with_help("ids are unique across incidents and maintenance: rename one of the files"),
            );
            continue;
        }
        ids.insert(stem.clone(), shown_path.clone());
        out.push(EntryFile {
            kind,
            id: stem,
            path: site_dir.join(&rel),
            rel,
            shown: shown_path,
            markdown,
        });
    }
    (out, translations)
}

/// `(id, is_markdown)` for an entry file, `None` for a file to ignore.
fn entry_stem(path: &Path) -> Option<(String, bool)> {
    let name = path.file_name()?.to_str()?;
    let (stem, ext) = name.rsplit_once('.')?;
    let markdown = match ext {
        "md" => true,
        "yaml" | "yml" => false,
        _ => return None,
    };
    if stem.eq_ignore_ascii_case("readme") || stem.starts_with(['#', '~']) {
        return None;
    }
    Some((stem.to_string(), markdown))
}

/// One entry file, loaded. (De)serialized for the load cache: see
/// [`cache::FORMAT`].
#[derive(Debug, serde::Serialize, serde::Deserialize)]
enum Entry {
    Incident(Incident),
    Maintenance(Maintenance),
}

impl Entry {
    fn path(&self) -> &Path {
        match self {
            Entry::Incident(i) => &i.path,
            Entry::Maintenance(m) => &m.path,
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Entry::Incident(_) => Kind::Incident,
            Entry::Maintenance(_) => Kind::Maintenance,
        }
    }
}

fn load_entry(
    file: &EntryFile,
    cx: &EntryContext<'_>,
    text: Option<&String>,
) -> Result<(Entry, Source), Vec<Diagnostic>> {
    parse_entry(file, cx, entry_bytes(file, text)?, None)
}

/// The bytes of an entry file: `text` when it is read from memory, else
/// the file's (see [`read_limited`]).
fn entry_bytes(file: &EntryFile, text: Option<&String>) -> Result<Vec<u8>, Vec<Diagnostic>> {
    match text {
        Some(t) if t.len() as u64 > limits::ENTRY_BYTES => Err(vec![too_big(&file.shown, t.len() as u64)]),
        Some(t) => Ok(t.clone().into_bytes()),
        None => read_limited(file),
    }
}

/// Load an entry file from its bytes: its text and front matter are always
/// read (for [`Loaded::sources`]); it is parsed and checked unless `known`
/// is what that gave before (from the load cache, for these very bytes).
fn parse_entry(
    file: &EntryFile,
    cx: &EntryContext<'_>,
    bytes: Vec<u8>,
    known: Option<Entry>,
) -> Result<(Entry, Source), Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| vec![not_utf8(&file.shown, e.as_bytes(), e.utf8_error())])?;
    let text = without_bom(text);
    let (yaml, body, line_offset) = if file.markdown {
        let (yaml, body) = entry::split_front_matter(&file.shown, &text).map_err(|d| vec![d])?;
        (yaml, Some(body), 1)
    } else {
        (text.clone(), None, 0)
    };
    let mut src = Source::new(file.shown.clone(), text, yaml, line_offset);
    if let Some(entry) = known {
        return Ok((entry, src));
    }
    let entry = match file.kind {
        Kind::Incident => entry::load_incident(&src, file.id.clone(), file.rel.clone(), body, cx).map(Entry::Incident),
        Kind::Maintenance => {
            entry::load_maintenance(&src, file.id.clone(), file.rel.clone(), body, cx).map(Entry::Maintenance)
        }
    }?;
    src.forget_tree();
    Ok((entry, src))
}

/// The bytes of an entry file, refused unread when it is over
/// [`limits::ENTRY_BYTES`] (the size comes from the open file, so a file
/// that grows meanwhile is still read only up to one byte past the limit).
fn read_limited(file: &EntryFile) -> Result<Vec<u8>, Vec<Diagnostic>> {
    use std::io::Read;
    let cannot = |e: std::io::Error| vec![Diagnostic::file_error(&file.shown, format!("cannot read: {e}"))];
    let f = fs::File::open(&file.path).map_err(cannot)?;
    let len = f.metadata().map_err(cannot)?.len();
    if len > limits::ENTRY_BYTES {
        return Err(vec![too_big(&file.shown, len)]);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(limits::ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limits::ENTRY_BYTES {
        return Err(vec![too_big(&file.shown, bytes.len() as u64)]);
    }
    Ok(bytes)
}

/// Limits that keep a broken or hostile entry from exhausting the machine.
pub mod limits {
    /// The largest entry file, in bytes (1 MiB).
    pub const ENTRY_BYTES: u64 = 1024 * 1024;
    /// The most updates one entry may have.
    pub const UPDATES: usize = 10_000;
    /// The longest message, postmortem or details text, in bytes (64 KiB).
    pub const MESSAGE_BYTES: usize = 64 * 1024;
}

fn too_big(shown: &Path, len: u64) -> Diagnostic {
    Diagnostic::file_error(
        shown,
        format!(
            "this file is {:.1} MiB; an entry may be at most 1 MiB",
            len as f64 / (1024.0 * 1024.0)
        ),
    )
    .with_help("split a long postmortem into a linked document, or move images to static/")
}

/// An error at the first byte that is not UTF-8, with its line and column.
fn not_utf8(shown: &Path, bytes: &[u8], e: std::str::Utf8Error) -> Diagnostic {
    let good = &bytes[..e.valid_up_to()];
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
    let text = String::from_utf8_lossy(bytes);
    Diagnostic::at(shown, &text, line, col, "not UTF-8 text")
        .with_help("save the file as UTF-8 (it looks like another encoding, such as Latin-1 or Windows-1252)")
}

/// `logo` and `favicon` name files under `static/`, and `publish_hidden`
/// files or folders there: they must exist.
fn check_static_refs(site_dir: &Path, shown: &Path, src: &Source, s: &site::LoadedSite, errors: &mut Vec<Diagnostic>) {
    for (i, item) in s.publish_hidden.iter().enumerate() {
        if fs::symlink_metadata(site_dir.join("static").join(item)).is_err() {
            errors.push(
                src.error_at(
                    &[yaml::Seg::Key("publish_hidden"), yaml::Seg::Index(i)],
                    false,
                    format!("`publish_hidden` names `{item}`, which is not in static/"),
                )
                .with_help(format!(
                    "put it at {} or remove it from the list",
                    shown.join("static").join(item).display()
                )),
            );
        }
    }
    for (key, value) in [("logo", &s.config.logo), ("favicon", &s.config.favicon)] {
        let Some(rel) = value else { continue };
        let inside = !rel.starts_with('/') && !rel.split(['/', '\\']).any(|part| part == "..");
        if !inside || !site_dir.join("static").join(rel).is_file() {
            errors.push(
                src.error_at(
                    &[yaml::Seg::Key(key)],
                    false,
                    format!("`{key}` names `{rel}`, which is not a file in static/"),
                )
                .with_help(format!(
                    "put the file at {} and write its path relative to static/",
                    shown.join("static").join("…").display()
                )),
            );
        }
    }
}
