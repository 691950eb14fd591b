//! Watching the site folder for changes.
//!
//! notify's native watcher (inotify, FSEvents, ReadDirectoryChangesW), or
//! with `--poll` its `PollWatcher` for network file systems where change
//! events do not arrive, behind notify-debouncer-full, so that the burst of
//! events one save makes becomes one rebuild.
//!
//! Only what can change the site counts. The site folder itself is watched
//! without recursion (for `site.yaml`), and each of its folders recursively,
//! except the output folder `public/` and hidden folders such as `.git`, so
//! a build, which writes nothing here, and a concurrent `allclear build`
//! never trigger a rebuild, and polling never walks the git history. Events
//! for hidden files and editors' temporary files are dropped, and so are
//! reads (the build's own reads raise inotify "open" events).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

/// Where batches of changes go: a channel, and a flag raised with each
/// batch that a long render checks to give way to the edit.
#[derive(Debug, Clone)]
pub(super) struct Changes {
    pub sender: Sender<Vec<PathBuf>>,
    pub pending: Arc<AtomicBool>,
}

impl Changes {
    fn send(&self, changed: Vec<PathBuf>) {
        self.pending.store(true, Ordering::SeqCst);
        // The receiver is gone only while the server stops.
        let _ = self.sender.send(changed);
    }
}

/// How long the folder must be quiet before a batch of changes is reported.
/// Editors write a file in one burst of events a few milliseconds long
/// (write, rename, change of attributes); this is long enough to see it as
/// one change, and short enough that an edit is on screen within 100 ms.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(20);

/// How often `--poll` looks at the files (their modification times and
/// contents).
pub(super) const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The output folder of `allclear build`, never watched.
const OUTPUT_DIR: &str = "public";

/// A running watch of one site folder. Dropping it stops the watch, and
/// with it the stream of changes.
pub(super) struct SiteWatcher {
    root: PathBuf,
    inner: Mutex<Inner>,
}

struct Inner {
    debouncer: AnyDebouncer,
    /// The site's folders watched recursively.
    watched: BTreeSet<PathBuf>,
}

enum AnyDebouncer {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

impl AnyDebouncer {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            AnyDebouncer::Native(d) => d.watch(path, mode),
            AnyDebouncer::Poll(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match self {
            AnyDebouncer::Native(d) => d.unwatch(path),
            AnyDebouncer::Poll(d) => d.unwatch(path),
        }
    }
}

impl SiteWatcher {
    /// Watch `site_dir` (by polling when `poll`). Each debounced batch of
    /// changes that can affect the site is sent on `changes`, as paths
    /// relative to the site folder; watch errors are printed as warnings.
    ///
    /// # Errors
    /// A message for the user when the folder cannot be watched.
    pub(super) fn start(site_dir: &Path, poll: bool, changes: Changes) -> Result<Self, String> {
        let root = fs::canonicalize(site_dir).map_err(|e| format!("cannot watch {}: {e}", site_dir.display()))?;
        let events_root = root.clone();
        let handler = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let changed = changed_paths(&events_root, &events);
                if !changed.is_empty() {
                    // The receiver is gone only while the server stops.
                    changes.send(changed);
                }
            }
            Err(errors) => {
                for e in errors {
                    eprintln!("warning: watching the site folder: {e}");
                }
            }
        };
        let failed = |e: notify::Error| {
            let hint = if poll { "" } else { "; try --poll" };
            format!("cannot watch {}: {e}{hint}", site_dir.display())
        };
        let debouncer = if poll {
            // notify 8 compares modification times in whole seconds, so a
            // second save within the same second would go unseen: compare
            // the contents too. Only the site's own folders are polled
            // (not `public/` or `.git`), so that is a few small files.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            AnyDebouncer::Poll(
                notify_debouncer_full::new_debouncer_opt(DEBOUNCE, None, handler, RecommendedCache::new(), config)
                    .map_err(failed)?,
            )
        } else {
            AnyDebouncer::Native(notify_debouncer_full::new_debouncer(DEBOUNCE, None, handler).map_err(failed)?)
        };
        let watcher = SiteWatcher {
            root,
            inner: Mutex::new(Inner {
                debouncer,
                watched: BTreeSet::new(),
            }),
        };
        {
            let mut inner = watcher.lock();
            inner
                .debouncer
                .watch(&watcher.root, RecursiveMode::NonRecursive)
                .map_err(failed)?;
        }
        watcher.refresh().map_err(failed)?;
        Ok(watcher)
    }

    /// Watch each folder of the site recursively that is not watched yet,
    /// and forget the ones that are gone. Called after every batch of
    /// changes, so a folder created while serving (say `templates/`) is
    /// watched from then on; the rebuild that follows reads what it
    /// already holds.
    ///
    /// # Errors
    /// The first folder that cannot be watched; the others still are.
    pub(super) fn refresh(&self) -> notify::Result<()> {
        let mut present = BTreeSet::new();
        if let Ok(entries) = fs::read_dir(&self.root) {
            for entry in entries.flatten() {
                let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                if is_dir && !is_ignored(Path::new(&entry.file_name())) {
                    present.insert(entry.path());
                }
            }
        }
        let mut inner = self.lock();
        let gone: Vec<PathBuf> = inner.watched.difference(&present).cloned().collect();
        for dir in gone {
            // The native watcher has usually dropped it already.
            let _ = inner.debouncer.unwatch(&dir);
            inner.watched.remove(&dir);
        }
        let mut result = Ok(());
        for dir in present {
            if inner.watched.contains(&dir) {
                continue;
            }
            match inner.debouncer.watch(&dir, RecursiveMode::Recursive) {
                Ok(()) => {
                    inner.watched.insert(dir);
                }
                Err(e) => {
                    if result.is_ok() {
                        result = Err(e);
                    }
                }
            }
        }
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The paths, relative to `root` and sorted, of `events` that can change
/// the site.
fn changed_paths(root: &Path, events: &[DebouncedEvent]) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for event in events.iter().filter(|e| is_change(&e.kind)) {
        for path in &event.paths {
            let rel = path.strip_prefix(root).unwrap_or(path);
            if !is_ignored(rel) {
                out.insert(rel.to_path_buf());
            }
        }
    }
    out.into_iter().collect()
}

/// Whether an event of this kind can mean new content: anything but a
/// read, though a file closed after writing counts.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether a change at `rel`, a path relative to the site folder, is left
/// alone: the output folder, anything hidden (`.git`, `.DS_Store`, the
/// output's temporary folders, vim's `.x.swp`, emacs's `.#x`) and editors'
/// temporary and backup files.
pub(super) fn is_ignored(rel: &Path) -> bool {
    let mut names = rel.components().filter_map(|c| match c {
        std::path::Component::Normal(name) => Some(name.to_string_lossy()),
        _ => None,
    });
    let Some(first) = names.next() else {
        return false;
    };
    if first == OUTPUT_DIR {
        return true;
    }
    let names: Vec<_> = std::iter::once(first).chain(names).collect();
    if names.iter().any(|n| n.starts_with('.')) {
        return true;
    }
    let file = names.last().map(|n| n.as_ref()).unwrap_or_default();
    const TEMP_EXTENSIONS: &[&str] = &[".swp", ".swo", ".swx", ".tmp", ".bak", ".crswap", ".kate-swp"];
    file.ends_with('~')
        || (file.starts_with('#') && file.ends_with('#'))
        || file == "4913" // vim's probe for a writable folder
        || TEMP_EXTENSIONS.iter().any(|ext| file.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind};

    #[test]
    fn the_output_hidden_and_temporary_files_are_ignored() {
        for path in [
            "public",
            "public/index.html",
            ".git/index",
            ".allclear-tmp-123/index.html",
            "incidents/.2026-11-20-api.md.swp",
            "incidents/.#2026-11-20-api.md",
            "incidents/2026-11-20-api.md~",
            "incidents/#2026-11-20-api.md#",
            "incidents/4913",
            "templates/index.html.tmp",
            "static/.DS_Store",
        ] {
            assert!(is_ignored(Path::new(path)), "{path} should be ignored");
        }
        for path in [
            "",
            "site.yaml",
            "incidents/2026-11-20-api.md",
            "incidents/2026/public/a.md",
            "maintenance/2026-12-01-db.yaml",
            "templates/index.html",
            "static/logo.svg",
            "themes/dark/static/style.css",
        ] {
            assert!(!is_ignored(Path::new(path)), "{path} should count");
        }
    }

    #[test]
    fn reads_do_not_count_but_writes_do() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Any)));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
    }
}
