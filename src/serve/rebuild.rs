//! The preview's builds, kept incremental: the site stays loaded
//! ([`LiveSite`]), an edit re-reads only the entry files it touched, and
//! only the pages that can show those entries are rendered again, with the
//! site-wide pages, feeds, API, calendars and badges. The other pages are
//! rendered again in the background once edits pause ([`Rebuilder::complete`]),
//! so that every page ends up as `allclear build` would write it.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::body::Bytes;

use super::{Generation, ServeOptions};
use crate::clock::Clock;
use crate::diagnostics::{Diagnostic, color_on_stderr, count_errors};
use crate::load::{Changed, LiveSite, LoadOptions};
use crate::model::{EntryRef, Snapshot};
use crate::render::{self, Pages, links};

/// What must be rendered again since the last good render.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dirty {
    /// Every page (the first build, or a change other than entries).
    All,
    /// The pages of these entries (ids), and the site-wide ones.
    Entries(BTreeSet<String>),
}

/// Runs the builds and keeps the last good files.
pub(super) struct Rebuilder {
    site_dir: PathBuf,
    base_url: String,
    clock: Clock,
    color: bool,
    /// Tells this process's generations from an earlier server's, so a page
    /// left open across a restart reloads too.
    session: String,
    count: u64,
    live: Option<LiveSite>,
    dirty: Dirty,
    /// Whether the last good build left pages unrendered.
    incomplete: bool,
    last_good: Arc<HashMap<String, Bytes>>,
    /// Where each entry of the last good build shows, by id.
    shown: EntryPages,
    current: Option<Generation>,
}

impl Rebuilder {
    pub(super) fn new(options: &ServeOptions, url: &str) -> Self {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Rebuilder {
            site_dir: options.site_dir.clone(),
            // Links that must be absolute (the 404 page's, the feeds') point
            // here, not at the public site.
            base_url: url.trim_end_matches('/').to_string(),
            clock: options.clock,
            color: color_on_stderr(),
            session: format!("{:x}{:x}", started.as_millis(), std::process::id()),
            count: 0,
            live: None,
            dirty: Dirty::All,
            incomplete: false,
            last_good: Arc::default(),
            shown: EntryPages::default(),
            current: None,
        }
    }

    /// Build the site at the clock's current time and report it in the
    /// terminal; `changed` are the paths (inside the site folder) that
    /// caused it, `None` for the first build.
    pub(super) fn build(&mut self, changed: Option<&[PathBuf]>) -> Generation {
        if let Some(changed) = changed {
            eprintln!("Changed: {}", describe_changes(changed));
        }
        let started = Instant::now();
        let reread = match (&mut self.live, changed) {
            (Some(live), Some(changed)) => live.update(changed),
            _ => {
                let options = LoadOptions {
                    base_url: Some(self.base_url.clone()),
                    ..LoadOptions::default()
                };
                self.live = Some(LiveSite::open(&self.site_dir, options));
                Changed::Everything
            }
        };
        match (&mut self.dirty, reread) {
            (Dirty::Entries(ids), Changed::Entries(more)) => ids.extend(more),
            (dirty, _) => *dirty = Dirty::All,
        }
        self.count += 1;
        let id = format!("{}-{}", self.session, self.count);
        let generation = match self.render(None) {
            Ok(report) => {
                eprintln!(
                    "Built {} and {}: {} in {:.2} s",
                    crate::plural::count(report.incidents, "incident"),
                    crate::plural::count(report.maintenances, "maintenance"),
                    report.rendered,
                    started.elapsed().as_secs_f64()
                );
                Generation {
                    id,
                    files: Arc::clone(&self.last_good),
                    error: None,
                }
            }
            Err(Unfinished::Failed(diagnostics)) => self.failed(id, &diagnostics),
            Err(Unfinished::Interrupted) => unreachable!("a first render cannot be interrupted"),
        };
        self.current = Some(generation.clone());
        generation
    }

    /// Whether pages are left to render since the last build (and that
    /// build succeeded: while the site has errors, nothing is owed).
    pub(super) fn incomplete(&self) -> bool {
        self.incomplete && self.current.as_ref().is_some_and(|g| g.error.is_none())
    }

    /// Render every page of the last good build's site again, as the same
    /// generation (open pages are not reloaded: what they show did not
    /// change). `None` when nothing is owed or the site now fails.
    ///
    /// Stops early, rendering nothing, as soon as `interrupted` is set (an
    /// edit arrived): the edit is built first, and this is owed again.
    pub(super) fn complete(&mut self, interrupted: &AtomicBool) -> Option<Generation> {
        if !self.incomplete() {
            return None;
        }
        let current = self.current.clone()?;
        let owed = std::mem::replace(&mut self.dirty, Dirty::All);
        let started = Instant::now();
        let report = match self.render(Some(interrupted)) {
            Ok(report) => report,
            // The edit is built first; these pages are owed again after it.
            // A site that now fails is reported by that build.
            Err(Unfinished::Interrupted | Unfinished::Failed(_)) => {
                self.dirty = owed;
                return None;
            }
        };
        eprintln!(
            "Rendered the other pages: {} in {:.2} s",
            report.rendered,
            started.elapsed().as_secs_f64()
        );
        let generation = Generation {
            files: Arc::clone(&self.last_good),
            ..current
        };
        self.current = Some(generation.clone());
        Some(generation)
    }

    /// Render what is dirty and merge it into the last good files; give up
    /// when `interrupted` is set.
    fn render(&mut self, interrupted: Option<&AtomicBool>) -> Result<Report, Unfinished> {
        let live = self.live.as_ref().expect("loaded by build");
        let loaded = live.loaded().map_err(Unfinished::Failed)?;
        let prepared = crate::pipeline::prepare(loaded, self.clock.now());
        let snapshot = &prepared.snapshot;
        let shown = EntryPages::of(snapshot);
        let pages = match &self.dirty {
            Dirty::All => Pages::All,
            Dirty::Entries(ids) => {
                let mut months: BTreeSet<(i32, u32)> = BTreeSet::new();
                let mut components: BTreeSet<&str> = BTreeSet::new();
                for pages in [&shown, &self.shown] {
                    for id in ids {
                        months.extend(pages.months.get(id));
                        components.extend(pages.components.get(id).into_iter().flatten().map(String::as_str));
                    }
                }
                let before: BTreeSet<&(i32, u32)> = self.shown.months.values().collect();
                let after: BTreeSet<&(i32, u32)> = shown.months.values().collect();
                if before != after {
                    // A month appeared or went: its neighbours' links change.
                    months.extend(after.into_iter().copied());
                }
                Pages::Some {
                    entries: ids.iter().cloned().collect(),
                    months: months.into_iter().collect(),
                    components: components.into_iter().map(str::to_string).collect(),
                }
            }
        };
        let collected = render::Collect::default();
        match interrupted {
            Some(flag) => {
                let sink = Interruptible {
                    inner: &collected,
                    flag,
                    stopped: AtomicBool::new(false),
                };
                let result = render::render_pages_to(snapshot, &sink, &pages);
                if sink.stopped.load(Ordering::Relaxed) {
                    return Err(Unfinished::Interrupted);
                }
                result.map_err(Unfinished::Failed)?;
            }
            None => render::render_pages_to(snapshot, &collected, &pages).map_err(Unfinished::Failed)?,
        }
        let rendered = collected.into_sorted();
        let count = rendered.len();
        let mut files: HashMap<String, Bytes> = match &pages {
            Pages::All => HashMap::with_capacity(rendered.len()),
            Pages::Some { entries, .. } => {
                let mut files = (*self.last_good).clone();
                // An entry or month that went is gone in every language.
                let prefixes: Vec<String> = render::languages::of(&snapshot.site)
                    .into_iter()
                    .map(|l| l.prefix)
                    .collect();
                let now_shown: BTreeSet<&(i32, u32)> = shown.months.values().collect();
                for prefix in &prefixes {
                    for id in entries {
                        files.remove(&format!("{prefix}{}", links::incident(id)));
                        files.remove(&format!("{prefix}{}", links::maintenance(id)));
                    }
                    for (year, month) in self.shown.months.values().filter(|m| !now_shown.contains(m)) {
                        files.remove(&format!("{prefix}{}", links::history_month(*year, *month)));
                    }
                }
                files
            }
        };
        files.extend(rendered.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
        self.print(&prepared.warnings());
        self.incomplete = pages != Pages::All;
        self.last_good = Arc::new(files);
        self.shown = shown;
        self.dirty = Dirty::Entries(BTreeSet::new());
        Ok(Report {
            incidents: snapshot.site.incidents.len(),
            maintenances: snapshot.site.maintenances.len(),
            rendered: if self.incomplete {
                format!("{count} files rendered again")
            } else {
                format!("{count} files")
            },
        })
    }

    fn failed(&self, id: String, diagnostics: &[Diagnostic]) -> Generation {
        self.print(diagnostics);
        let errors = count_errors(diagnostics);
        let kept = if self.last_good.is_empty() {
            "nothing to serve until it builds"
        } else {
            "still serving the last good build"
        };
        eprintln!("Build failed: {}; {kept}", crate::plural::count(errors, "error"));
        let text: Vec<String> = diagnostics.iter().map(|d| d.render(false)).collect();
        Generation {
            id,
            files: Arc::clone(&self.last_good),
            error: Some(text.join("\n\n").into()),
        }
    }

    fn print(&self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            eprintln!("{}\n", d.render(self.color));
        }
    }
}

/// Why [`Rebuilder::render`] gave no files.
#[derive(Debug)]
enum Unfinished {
    /// The site has errors: every one found.
    Failed(Vec<Diagnostic>),
    /// An edit arrived while rendering: it stopped early, and what it was
    /// rendering is owed again.
    Interrupted,
}

/// A sink that refuses files once `flag` is set, which stops rendering,
/// and notes in `stopped` that it did: that, not the error it returns,
/// tells an interrupted render from a failed one.
struct Interruptible<'a> {
    inner: &'a render::Collect,
    flag: &'a AtomicBool,
    stopped: AtomicBool,
}

impl render::Sink for Interruptible<'_> {
    fn put(&self, file: render::OutputFile) -> Result<(), Diagnostic> {
        if self.flag.load(Ordering::Relaxed) {
            self.stopped.store(true, Ordering::Relaxed);
            // `Sink` stops a render only through an error; this one is
            // never shown (see `stopped`).
            return Err(Diagnostic::file_error("serve", "interrupted by an edit"));
        }
        self.inner.put(file)
    }
}

/// What a good build did, for the terminal.
struct Report {
    incidents: usize,
    maintenances: usize,
    rendered: String,
}

/// Where each entry shows besides its own page, by id: its history month
/// and the component pages that list it.
#[derive(Debug, Default)]
struct EntryPages {
    months: HashMap<String, (i32, u32)>,
    components: HashMap<String, Vec<String>>,
}

impl EntryPages {
    fn of(snap: &Snapshot<'_>) -> Self {
        let site = &snap.site;
        let id = |e: &EntryRef| match *e {
            EntryRef::Incident(i) => site.incidents[i].id.clone(),
            EntryRef::Maintenance(m) => site.maintenances[m].id.clone(),
        };
        let mut pages = EntryPages::default();
        for m in &snap.history {
            for e in &m.entries {
                pages.months.insert(id(e), (m.year, m.month));
            }
        }
        for (c, entries) in snap.by_component.iter().enumerate() {
            for e in entries {
                pages
                    .components
                    .entry(id(e))
                    .or_default()
                    .push(site.components[c].id.clone());
            }
        }
        pages
    }
}

/// `incidents/a.md`, or `incidents/a.md and 2 more`.
pub(super) fn describe_changes(changed: &[PathBuf]) -> String {
    let mut paths: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
    paths.sort();
    paths.dedup();
    match paths.as_slice() {
        [] => "the site folder".into(),
        [one] if one.is_empty() => "the site folder".into(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

#[cfg(test)]
mod tests;
