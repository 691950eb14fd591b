//! The preview's builds, kept incremental: the site stays loaded
//! ([`LiveSite`]), an edit re-reads only the entry files it touched, and
//! only the pages that can show those entries are rendered again, with the
//! site-wide pages, feeds, API, calendars and badges. The other pages are
//! rendered again in the background once edits pause ([`Rebuilder::complete`]),
//! so that every page ends up as `allclear build` would write it.

use std::collections::{BTreeSet, HashMap};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::body::Bytes;

use super::{Generation, ServeOptions};
use crate::clock::Clock;
use crate::diagnostics::{Diagnostic, Severity};
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
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
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
                    "Built {} incidents and {} maintenances: {} in {:.2} s",
                    report.incidents,
                    report.maintenances,
                    report.rendered,
                    started.elapsed().as_secs_f64()
                );
                Generation {
                    id,
                    files: Arc::clone(&self.last_good),
                    error: None,
                }
            }
            Err(diagnostics) => self.failed(id, &diagnostics),
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
        let Ok(report) = self.render(Some(interrupted)) else {
            self.dirty = owed;
            return None;
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
    fn render(&mut self, interrupted: Option<&AtomicBool>) -> Result<Report, Vec<Diagnostic>> {
        let live = self.live.as_ref().expect("loaded by build");
        let loaded = live.loaded()?;
        let now = self.clock.now();
        let mut warnings = loaded.warnings.clone();
        warnings.extend(crate::check::future_updates(loaded, now));
        let site = loaded.site.as_of(now);
        let snapshot = Snapshot::new(&site, now);
        let shown = EntryPages::of(&snapshot);
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
            Some(flag) => render::render_pages_to(&snapshot, &Interruptible(&collected, flag), &pages)?,
            None => render::render_pages_to(&snapshot, &collected, &pages)?,
        }
        let rendered = collected.into_sorted();
        let count = rendered.len();
        let mut files: HashMap<String, Bytes> = match &pages {
            Pages::All => HashMap::with_capacity(rendered.len()),
            Pages::Some { entries, .. } => {
                let mut files = (*self.last_good).clone();
                for id in entries {
                    files.remove(&links::incident(id));
                    files.remove(&links::maintenance(id));
                }
                let now_shown: BTreeSet<&(i32, u32)> = shown.months.values().collect();
                for (year, month) in self.shown.months.values().filter(|m| !now_shown.contains(m)) {
                    files.remove(&links::history_month(*year, *month));
                }
                files
            }
        };
        files.extend(rendered.into_iter().map(|f| (f.path, Bytes::from(f.bytes))));
        self.print(&warnings);
        self.incomplete = pages != Pages::All;
        self.last_good = Arc::new(files);
        self.shown = shown;
        self.dirty = Dirty::Entries(BTreeSet::new());
        Ok(Report {
            incidents: site.incidents.len(),
            maintenances: site.maintenances.len(),
            rendered: if self.incomplete {
                format!("{count} files rendered again")
            } else {
                format!("{count} files")
            },
        })
    }

    fn failed(&self, id: String, diagnostics: &[Diagnostic]) -> Generation {
        self.print(diagnostics);
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let kept = if self.last_good.is_empty() {
            "nothing to serve until it builds"
        } else {
            "still serving the last good build"
        };
        eprintln!(
            "Build failed: {errors} error{}; {kept}",
            if errors == 1 { "" } else { "s" }
        );
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

/// A sink that refuses files once its flag is set, which stops rendering.
struct Interruptible<'a>(&'a render::Collect, &'a AtomicBool);

impl render::Sink for Interruptible<'_> {
    fn put(&self, file: render::OutputFile) -> Result<(), Diagnostic> {
        if self.1.load(Ordering::Relaxed) {
            return Err(Diagnostic::file_error("serve", "interrupted by an edit"));
        }
        self.0.put(file)
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
        let site = snap.site;
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
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;

    const NOW: &str = "2026-11-20T15:00:00Z";
    const URL: &str = "http://127.0.0.1:9/";
    const EMAIL: &str = "incidents/2026/11/2026-11-18-email-delivery-delays.yaml";
    const API: &str = "incidents/2026/11/2026-11-20-api-errors.md";

    /// A copy of the example site and a rebuilder on it, at a fixed time.
    fn preview() -> (tempfile::TempDir, PathBuf, Rebuilder) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        for entry in walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"))
            .into_iter()
            .filter_entry(|e| e.file_name() != "public")
        {
            let entry = entry.unwrap();
            let rel = entry
                .path()
                .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"));
            let target = dir.join(rel.unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
        let options = ServeOptions {
            site_dir: dir.clone(),
            bind: "127.0.0.1".into(),
            port: 0,
            open: false,
            poll: false,
            clock: Clock::Fixed(NOW.parse().unwrap()),
        };
        let rebuilder = Rebuilder::new(&options, URL);
        (tmp, dir, rebuilder)
    }

    /// What `allclear build` makes of the folder now, by path.
    fn full_build(dir: &Path) -> HashMap<String, Bytes> {
        let base = Some(URL.trim_end_matches('/').to_string());
        crate::build_files(dir, base, NOW.parse().unwrap())
            .unwrap()
            .files
            .into_iter()
            .map(|f| (f.path, Bytes::from(f.bytes)))
            .collect()
    }

    fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
        let path = dir.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// The paths whose bytes differ between two sets of files.
    fn differing(a: &HashMap<String, Bytes>, b: &HashMap<String, Bytes>) -> Vec<String> {
        let mut paths: Vec<String> = a
            .keys()
            .chain(b.keys())
            .filter(|p| a.get(*p) != b.get(*p))
            .cloned()
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    #[test]
    fn an_edit_renders_its_pages_at_once_and_the_rest_later() {
        let (_tmp, dir, mut rb) = preview();
        let first = rb.build(None);
        assert!(first.error.is_none());
        assert!(!rb.incomplete());
        assert_eq!(*first.files, full_build(&dir));

        // A resolved incident retitled: nothing site-wide changes, so the
        // pages rendered at once already make the whole site.
        edit(&dir, EMAIL, "Delayed transactional emails", "Slow emails");
        let second = rb.build(Some(&[PathBuf::from(EMAIL)]));
        assert!(rb.incomplete());
        assert_ne!(second.id, first.id);
        assert_eq!(differing(&second.files, &full_build(&dir)), Vec::<String>::new());
        let page = &second.files["incidents/2026-11-18-email-delivery-delays/index.html"];
        assert!(String::from_utf8_lossy(page).contains("Slow emails"));

        // The ongoing incident resolved: every page's state changes. The
        // entry's own pages are right at once; the rest after `complete`,
        // under the same generation.
        edit(
            &dir,
            API,
            "    next_update: 2026-11-20T15:30:00Z\n",
            "    next_update: 2026-11-20T15:30:00Z\n  - at: 2026-11-20T14:50:00Z\n    status: resolved\n    message: Fixed.\n",
        );
        let third = rb.build(Some(&[PathBuf::from(API)]));
        let full = full_build(&dir);
        for path in [
            "index.html",
            "incidents/2026-11-20-api-errors/index.html",
            "history.rss",
            "api/v2/summary.json",
        ] {
            assert_eq!(third.files.get(path), full.get(path), "{path}");
        }
        let stale = differing(&third.files, &full);
        assert!(!stale.is_empty(), "other pages carry the old state until completed");
        // An edit arriving stops the completion; it stays owed.
        assert!(rb.complete(&AtomicBool::new(true)).is_none());
        assert!(rb.incomplete());
        assert_eq!(rb.last_good, third.files);
        let completed = rb.complete(&AtomicBool::new(false)).expect("pages were owed");
        assert_eq!(completed.id, third.id);
        assert_eq!(differing(&completed.files, &full), Vec::<String>::new());
        assert!(!rb.incomplete());
        assert!(rb.complete(&AtomicBool::new(false)).is_none());
    }

    #[test]
    fn removed_moved_and_broken_entries() {
        let (_tmp, dir, mut rb) = preview();
        rb.build(None);

        // Moved to another month: both month pages change.
        edit(&dir, EMAIL, "2026-11-18T08:34:00Z", "2026-10-30T08:34:00Z");
        let moved = rb.build(Some(&[PathBuf::from(EMAIL)]));
        let full = full_build(&dir);
        for path in [
            "history/2026/10/index.html",
            "history/2026/11/index.html",
            "history/index.html",
        ] {
            assert_eq!(moved.files.get(path), full.get(path), "{path}");
        }

        // Broken: the last good files stay, with the error; fixed: the
        // edits made while broken are all there.
        edit(&dir, EMAIL, "impact: minor", "impact: huge");
        let broken = rb.build(Some(&[PathBuf::from(EMAIL)]));
        assert!(broken.error.as_deref().unwrap().contains("huge"));
        assert_eq!(broken.files, moved.files);
        assert!(!rb.incomplete(), "nothing is owed while the site has errors");
        assert!(rb.complete(&AtomicBool::new(false)).is_none());
        edit(&dir, EMAIL, "impact: huge", "impact: major");
        let fixed = rb.build(Some(&[PathBuf::from(EMAIL)]));
        assert!(fixed.error.is_none());
        rb.complete(&AtomicBool::new(false));
        assert_eq!(differing(&rb.last_good, &full_build(&dir)), Vec::<String>::new());

        // Removed: its page goes.
        fs::remove_file(dir.join(EMAIL)).unwrap();
        let removed = rb.build(Some(&[PathBuf::from(EMAIL)]));
        assert!(
            !removed
                .files
                .contains_key("incidents/2026-11-18-email-delivery-delays/index.html")
        );
        rb.complete(&AtomicBool::new(false));
        assert_eq!(differing(&rb.last_good, &full_build(&dir)), Vec::<String>::new());
    }

    /// A seeded run of random edits: retitled and re-rated incidents,
    /// removed and restored files, copies under new ids, and a broken file
    /// that comes and goes. After each, the edited entries' pages and the
    /// site-wide outputs are what a full build gives (or, while the site
    /// is broken, nothing changed); after each `complete`, every file is.
    #[test]
    fn random_edits_end_where_a_full_build_is() {
        let (_tmp, dir, mut rb) = preview();
        let mut files = rb.build(None).files;
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut pick = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut entries: Vec<String> = walkdir::WalkDir::new(dir.join("incidents"))
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        entries.sort();
        let mut removed: Vec<(String, String)> = Vec::new();
        let broken = "incidents/2026/11/2026-11-19-broken.yaml";
        let mut edited: Vec<String> = Vec::new();
        for step in 0..30 {
            let rel = entries[pick(entries.len())].clone();
            let exists = dir.join(&rel).is_file();
            let changed = match pick(5) {
                0 if exists => {
                    edit(&dir, &rel, "title: ", &format!("title: Step {step}, "));
                    rel
                }
                1 if exists => {
                    let text = fs::read_to_string(dir.join(&rel)).unwrap();
                    let impact = ["none", "minor", "major", "critical"][pick(4)];
                    let line = text.lines().find(|l| l.starts_with("impact: ")).unwrap();
                    fs::write(dir.join(&rel), text.replacen(line, &format!("impact: {impact}"), 1)).unwrap();
                    rel
                }
                2 => match removed.pop() {
                    Some((back, text)) => {
                        fs::write(dir.join(&back), text).unwrap();
                        back
                    }
                    None if exists => {
                        removed.push((rel.clone(), fs::read_to_string(dir.join(&rel)).unwrap()));
                        fs::remove_file(dir.join(&rel)).unwrap();
                        rel
                    }
                    None => continue,
                },
                3 if exists => {
                    let extension = rel.rsplit_once('.').unwrap().1;
                    let copy = format!("incidents/2026/11/2026-11-19-copy-{step}.{extension}");
                    fs::copy(dir.join(&rel), dir.join(&copy)).unwrap();
                    entries.push(copy.clone());
                    copy
                }
                4 => {
                    if dir.join(broken).is_file() {
                        fs::remove_file(dir.join(broken)).unwrap();
                    } else {
                        fs::write(dir.join(broken), "title: broken\n").unwrap();
                    }
                    broken.to_string()
                }
                _ => continue,
            };
            let generation = rb.build(Some(&[PathBuf::from(&changed)]));
            edited.push(changed.clone());
            let base = Some(URL.trim_end_matches('/').to_string());
            match crate::build_files(&dir, base, NOW.parse().unwrap()) {
                Err(_) => {
                    assert!(generation.error.is_some(), "step {step}: {changed}");
                    assert_eq!(generation.files, files, "step {step}: a failed build changes nothing");
                }
                Ok(built) => {
                    assert!(generation.error.is_none(), "step {step}: {changed}");
                    let full: HashMap<String, Bytes> = built
                        .files
                        .into_iter()
                        .map(|f| (f.path, Bytes::from(f.bytes)))
                        .collect();
                    // Every entry edited since the last good build, even while broken.
                    let mut paths: Vec<String> = edited
                        .drain(..)
                        .map(|rel| {
                            let id = rel.rsplit('/').next().unwrap().split('.').next().unwrap();
                            format!("incidents/{id}/index.html")
                        })
                        .collect();
                    paths.extend(
                        ["index.html", "history.rss", "updates.atom", "api/v2/incidents.json"].map(String::from),
                    );
                    for path in &paths {
                        assert_eq!(generation.files.get(path), full.get(path), "step {step}: {path}");
                    }
                    if step % 3 == 0 {
                        rb.complete(&AtomicBool::new(false));
                        assert_eq!(differing(&rb.last_good, &full), Vec::<String>::new(), "step {step}");
                    }
                }
            }
            files = Arc::clone(&rb.last_good);
        }
    }
}
