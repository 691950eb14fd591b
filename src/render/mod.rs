//! Render: pure functions from a [`Snapshot`] to output files. One module
//! per output kind; each returns the files it produces and none reads the
//! disk. Adding an output is a new module and one line in [`render`].

pub mod api;
pub mod badges;
pub mod color;
pub mod feeds;
pub mod html;
pub mod ical;
pub mod key;
pub mod languages;
pub mod links;
pub mod plain;
pub mod schedule;
pub mod state;
pub mod statics;
pub mod view;

use std::collections::HashSet;
use std::sync::Mutex;

use crate::diagnostics::Diagnostic;
use crate::model::Snapshot;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path under the output root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where rendered files go, one at a time and from any thread: straight to
/// disk ([`crate::output::Staging`]) or into memory ([`Collect`]). Pages are
/// handed over as soon as they are rendered, so a build never holds the
/// whole site in memory.
pub trait Sink: Sync {
    /// Take one file.
    ///
    /// # Errors
    /// The file cannot be stored (a write error, as a diagnostic about the
    /// output folder); rendering stops.
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;

    /// What the sink does with the key of the page at `path` (see
    /// [`KeyUse`]), so that a page computes only what will be used. By
    /// default keys are unused.
    fn key_use(&self, _path: &str) -> KeyUse {
        KeyUse::Unused
    }

    /// Keep the previous build's file at `path` when it was made from the
    /// same inputs, `key` (see [`key`]): `Ok(true)` when the file is now in
    /// the new output and the page need not be rendered, `Ok(false)` when
    /// it must be rendered and given to [`Sink::put_keyed`]. By default
    /// nothing is kept.
    ///
    /// # Errors
    /// As [`Sink::put`].
    fn reuse(&self, _path: &str, _key: &key::PageKey) -> Result<bool, Diagnostic> {
        Ok(false)
    }

    /// [`Sink::put`] for a page made from the inputs `key`, so that a
    /// later build can keep it. By default the key is dropped.
    ///
    /// # Errors
    /// As [`Sink::put`].
    fn put_keyed(&self, file: OutputFile, _key: &key::PageKey) -> Result<(), Diagnostic> {
        self.put(file)
    }
}

/// What a [`Sink`] does with a page's key ([`key`]), asked before the page
/// is made: computing a key costs as much as a third of making a page, and
/// looking for a kept page costs making its values twice when it is not
/// kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyUse {
    /// Keys are dropped ([`Collect`], [`Discard`], the preview): no key is
    /// computed and [`Sink::reuse`] is never asked.
    Unused,
    /// The key is stored for a later build, but there is no previous page
    /// at this path to keep (a build into an empty folder): the page is
    /// rendered, its key computed on the way.
    Stored,
    /// A previous page at this path may be kept: the key is computed first
    /// and [`Sink::reuse`] asked, and the page is rendered only when it is
    /// not kept.
    Compared,
}

/// A [`Sink`] that keeps every file in memory.
#[derive(Debug, Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files collected, sorted by path.
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
        Ok(())
    }
}

/// A [`Sink`] that drops every file: for checking that a site renders.
#[derive(Debug, Default, Clone, Copy)]
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _file: OutputFile) -> Result<(), Diagnostic> {
        Ok(())
    }
}

/// Every output of the site in memory, sorted by path.
///
/// # Errors
/// As [`render_to`].
pub fn render(snap: &Snapshot<'_>) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let files = Collect::default();
    render_to(snap, &files)?;
    Ok(files.into_sorted())
}

/// Which pages a render writes. The history and update feeds, the API,
/// badges, schedule and static files are always written; component feeds
/// and calendars follow the selection as [`Pages::Some`] says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Pages {
    /// Every page.
    #[default]
    All,
    /// The pages that can show the given entries, for a preview after an
    /// edit: the site-wide pages (index, history index, 404, embed), the
    /// pages of these entries (by id; ids the site does not have are
    /// skipped), these history months (`(year, month)`) and the pages of
    /// these components (by id). Component feeds follow the component
    /// pages, and the calendars are written only when an entry is not one
    /// of the site's incidents.
    Some {
        entries: Vec<String>,
        months: Vec<(i32, u32)>,
        components: Vec<String>,
    },
}

impl Pages {
    /// Whether the page of component `id` is written.
    pub fn has_component(&self, id: &str) -> bool {
        match self {
            Pages::All => true,
            Pages::Some { components, .. } => components.iter().any(|c| c == id),
        }
    }

    /// Whether maintenance calendars can have changed: always, unless only
    /// incidents of `snap` were edited.
    fn has_calendars(&self, snap: &Snapshot<'_>) -> bool {
        match self {
            Pages::All => true,
            Pages::Some { entries, .. } => entries
                .iter()
                .any(|id| !snap.site.incidents.iter().any(|i| &i.id == id)),
        }
    }
}

/// Render every output of the site into `sink`: pages, feeds, API,
/// calendars, badges, the schedule, then the theme's static files. Each
/// further language of the site ([`crate::model::SiteConfig::languages`])
/// gets its pages, feeds, calendars and badges under `TAG/` (see
/// [`languages`]); the API, the schedule and the static files are only at
/// the root.
///
/// # Errors
/// Template errors, a static file that clashes with a generated output or
/// another static file (see [`statics`]), two outputs at one path, and the
/// sink's own errors. Files already handed to
/// the sink stay there: [`crate::output::Staging`] discards them unless
/// the build commits.
pub fn render_to(snap: &Snapshot<'_>, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
    render_pages_to(snap, sink, &Pages::All)
}

/// [`render_to`], writing only `pages` of the HTML pages.
///
/// # Errors
/// As [`render_to`].
pub fn render_pages_to(snap: &Snapshot<'_>, sink: &dyn Sink, pages: &Pages) -> Result<(), Vec<Diagnostic>> {
    let sink = Unique {
        sink,
        paths: Mutex::default(),
        clashes: Mutex::default(),
    };
    let langs = languages::of(&snap.site);
    // The default language at the root, with the API and the schedule;
    // then each further language under its folder, from the site read in
    // it (content format, "Languages"): the same pages, feeds, calendars
    // and badges, with the same selection of pages.
    render_language(snap, &langs, &sink, pages, true)?;
    for lang in &langs[1..] {
        let translated = crate::timing::phase("translate", || snap.in_language(&lang.tag));
        let prefixed = languages::Prefixed {
            sink: &sink,
            prefix: &lang.prefix,
        };
        render_language(&translated, &langs, &prefixed, pages, false)?;
    }
    let Unique { sink, paths, clashes } = sink;
    let generated = paths.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut errors = clashes.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    if let Err(clashes) = statics::put(&snap.site.theme.static_files, &generated, sink) {
        errors.extend(clashes);
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Render `snap` in the language its site is in (`snap.site.config.language`)
/// into `sink`: pages, feeds, calendars and badges, and with `root_only`
/// (the default language) the API and the schedule too.
fn render_language(
    snap: &Snapshot<'_>,
    langs: &[languages::Language],
    sink: &dyn Sink,
    pages: &Pages,
    root_only: bool,
) -> Result<(), Vec<Diagnostic>> {
    use crate::timing::phase;
    let put_all = |files: Vec<OutputFile>| files.into_iter().try_for_each(|f| sink.put(f).map_err(|d| vec![d]));
    // Pages on one side, the other outputs on the other: each side runs
    // on every core, and neither waits for the other.
    // The interface's words in the page's language, for every output.
    let cat = std::sync::Arc::new(crate::i18n::Catalogue::new(
        &snap.site.theme.messages,
        &snap.site.config.language,
    ));
    let (html, others) = rayon::join(
        || phase("render html", || html::render(snap, &cat, langs, sink, pages)),
        || {
            phase("render feeds", || put_all(feeds::render(snap, &cat, pages)))?;
            if root_only {
                phase("render api", || put_all(api::render(snap)))?;
            }
            if pages.has_calendars(snap) {
                phase("render ical", || put_all(ical::render(snap, &cat)))?;
            }
            phase("render badges", || put_all(badges::render(snap, &cat)))?;
            if root_only {
                phase("render schedule", || put_all(schedule::render(snap)))?;
            }
            Ok(())
        },
    );
    html?;
    others
}

/// Passes each path on once; a second file at a path is an error, kept
/// aside so that every clash is reported.
struct Unique<'a> {
    sink: &'a dyn Sink,
    paths: Mutex<HashSet<String>>,
    clashes: Mutex<Vec<Diagnostic>>,
}

impl Unique<'_> {
    /// Whether `path` is new; a second file at a path is kept as a clash.
    fn first(&self, path: &str) -> bool {
        let first = self
            .paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string());
        if !first {
            self.clashes
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(generated_twice(path));
        }
        first
    }
}

impl Sink for Unique<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if self.first(&file.path) {
            self.sink.put(file)
        } else {
            Ok(())
        }
    }

    fn key_use(&self, path: &str) -> KeyUse {
        self.sink.key_use(path)
    }

    fn reuse(&self, path: &str, key: &key::PageKey) -> Result<bool, Diagnostic> {
        // A page at a path already taken is rendered, and reported by `put`.
        let taken = self
            .paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .contains(path);
        if taken || !self.sink.reuse(path, key)? {
            return Ok(false);
        }
        self.first(path);
        Ok(true)
    }

    fn put_keyed(&self, file: OutputFile, key: &key::PageKey) -> Result<(), Diagnostic> {
        if self.first(&file.path) {
            self.sink.put_keyed(file, key)
        } else {
            Ok(())
        }
    }
}

/// Two outputs with the same path. Only badges can clash: their names come
/// from component ids (`badges/ID.svg`, `badges/ID-uptime.svg`) beside the
/// fixed `badges/status.svg`.
fn generated_twice(path: &str) -> Diagnostic {
    let d = Diagnostic::file_error("site.yaml", format!("two outputs would be written to `{path}`"));
    if path.starts_with("badges/") {
        d.with_help(
            "badges are named after component ids, `badges/ID.svg` and `badges/ID-uptime.svg`, beside the page's `badges/status.svg`; rename the component id that clashes (`status`, or `X-uptime` next to a component `X`)",
        )
    } else {
        d
    }
}
