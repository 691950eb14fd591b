//! Watching the site folder for changes.
//!
//! notify's native watcher (inotify, FSEvents, ReadDirectoryChangesW), or
//! with `--poll` its `PollWatcher` for network file systems where change
//! events do not arrive, behind notify-debouncer-full, so that the burst of
//! events one save makes becomes one rebuild.
//!
//! Only what the build reads is watched ([`scope`]): each of those folders
//! on its own, never following a symbolic link out of the site folder and
//! never into hidden folders such as `.git` or the output folder `public/`.
//! So a build, which writes nothing here, and a concurrent `allclear build`
//! never trigger a rebuild, and a link to `/usr` costs nothing. Events for
//! hidden files and editors' temporary files are dropped, and so are reads
//! (the build's own reads raise inotify "open" events).
//!
//! A folder that cannot be read or watched is a warning, once, not the
//! end of the preview: the build reports what it cannot read, and the
//! watch picks the folder up once it can (by its change event, or by
//! looking again every [`RECHECK`], since a poll does not see a change of
//! permissions).

mod scope;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use scope::{OUTPUT_DIR, is_read_by_build};

use super::ServeError;

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

/// How often what the build reads but cannot be read (an unreadable
/// folder) is looked at again while there is such a thing.
pub(super) const RECHECK: Duration = Duration::from_secs(1);

/// A running watch of one site folder. Dropping it stops the watch, and
/// with it the stream of changes.
pub(super) struct SiteWatcher {
    /// The site folder, canonical.
    root: PathBuf,
    /// The site folder as given, for messages.
    shown: PathBuf,
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    /// What [`scope::scan`] could not read or follow at the last refresh,
    /// relative to the site folder.
    scan_problems: BTreeSet<PathBuf>,
    debouncer: AnyDebouncer,
    /// The paths watched (absolute, each without recursion).
    watched: BTreeSet<PathBuf>,
    /// The warnings given for the problems still there, so each is given
    /// once.
    warned: BTreeSet<String>,
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
    /// relative to the site folder; the watcher's own errors are printed
    /// as warnings, each message once.
    ///
    /// Returns the watcher and the warnings about what it cannot watch
    /// (see [`SiteWatcher::refresh`]).
    ///
    /// # Errors
    /// [`ServeError::Watch`] when the site folder itself cannot be
    /// watched.
    pub(super) fn start(site_dir: &Path, poll: bool, changes: Changes) -> Result<(Self, Vec<String>), ServeError> {
        let root = std::fs::canonicalize(site_dir)
            .map_err(|e| ServeError::Watch(format!("cannot watch {}: {e}", site_dir.display())))?;
        let events_root = root.clone();
        let recheck_changes = changes.clone();
        let mut printed = HashSet::new();
        let handler = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let changed = changed_paths(&events_root, &events);
                if !changed.is_empty() {
                    changes.send(changed);
                }
            }
            Err(errors) => {
                for e in errors {
                    // A poll of a folder that went unreadable fails at every
                    // poll: say so once.
                    let message = e.to_string();
                    if printed.insert(message.clone()) {
                        eprintln!("warning: watching the site folder: {message}");
                    }
                }
            }
        };
        let failed = |e: notify::Error| {
            let hint = if poll { "" } else { "; try --poll" };
            ServeError::Watch(format!("cannot watch {}: {e}{hint}", site_dir.display()))
        };
        // Links are followed by the watch only as `scope` says, never by
        // notify itself (which would walk a link to `/` into `/proc`).
        let config = notify::Config::default().with_follow_symlinks(false);
        let debouncer = if poll {
            // notify 8 compares modification times in whole seconds, so a
            // second save within the same second would go unseen: compare
            // the contents too. Only what the build reads is polled (not
            // `public/` or `.git`), so that is a few small files.
            let config = config.with_poll_interval(POLL_INTERVAL).with_compare_contents(true);
            AnyDebouncer::Poll(
                notify_debouncer_full::new_debouncer_opt(DEBOUNCE, None, handler, RecommendedCache::new(), config)
                    .map_err(failed)?,
            )
        } else {
            AnyDebouncer::Native(
                notify_debouncer_full::new_debouncer_opt(DEBOUNCE, None, handler, RecommendedCache::new(), config)
                    .map_err(failed)?,
            )
        };
        let watcher = SiteWatcher {
            root,
            shown: site_dir.to_path_buf(),
            inner: Arc::new(Mutex::new(Inner {
                scan_problems: BTreeSet::new(),
                debouncer,
                watched: BTreeSet::new(),
                warned: BTreeSet::new(),
            })),
        };
        {
            let mut inner = watcher.lock();
            inner
                .debouncer
                .watch(&watcher.root, RecursiveMode::NonRecursive)
                .map_err(failed)?;
            inner.watched.insert(watcher.root.clone());
        }
        let warnings = watcher.refresh(&[]);
        let (root, inner) = (watcher.root.clone(), Arc::downgrade(&watcher.inner));
        std::thread::Builder::new()
            .name("allclear-recheck".into())
            .spawn(move || recheck(&root, &inner, &recheck_changes))
            .map_err(|source| ServeError::Start {
                what: "the watch",
                source,
            })?;
        Ok((watcher, warnings))
    }

    /// Bring the watch up to date with the site folder: watch what the
    /// build reads that is not watched yet (a folder created while
    /// serving), forget what is gone, and watch again what `changed`
    /// (paths relative to the site folder, from the last batch) replaced,
    /// since a watch follows the folder it was set on, not its name.
    /// Called after every batch of changes, before the rebuild, which reads
    /// what a new folder already holds.
    ///
    /// Returns the warnings not given before, one line each: what cannot
    /// be read or watched, and links that are not followed.
    pub(super) fn refresh(&self, changed: &[PathBuf]) -> Vec<String> {
        let scope = scope::scan(&self.root);
        let changed: Vec<PathBuf> = changed.iter().map(|rel| self.root.join(rel)).collect();
        let mut inner = self.lock();
        inner.scan_problems = scope.problems.keys().cloned().collect();
        let mut problems: Vec<(PathBuf, String)> = scope.problems.into_iter().collect();
        let gone: Vec<PathBuf> = inner.watched.difference(&scope.paths).cloned().collect();
        for path in gone {
            // The native watcher has usually dropped it already.
            let _ = inner.debouncer.unwatch(&path);
            inner.watched.remove(&path);
        }
        // A poll looks the path up anew each time: nothing to renew.
        let renew = !matches!(inner.debouncer, AnyDebouncer::Poll(_));
        for path in scope.paths {
            let replaced = renew && changed.iter().any(|c| path.starts_with(c));
            if inner.watched.contains(&path) && !replaced {
                continue;
            }
            if replaced {
                // Its watch may follow the old folder wherever it went.
                let _ = inner.debouncer.unwatch(&path);
            }
            match inner.debouncer.watch(&path, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    inner.watched.insert(path);
                }
                Err(e) => {
                    inner.watched.remove(&path);
                    let hint = if matches!(e.kind, notify::ErrorKind::MaxFilesWatch) {
                        "; raise the limit (on Linux, the sysctl fs.inotify.max_user_watches) or serve with --poll"
                    } else {
                        ""
                    };
                    let rel = path.strip_prefix(&self.root).unwrap_or(&path).to_path_buf();
                    problems.push((
                        rel,
                        format!("cannot be watched ({e}), so changes in it are not seen{hint}"),
                    ));
                }
            }
        }
        let messages: BTreeSet<String> = problems
            .into_iter()
            .map(|(rel, why)| format!("{} {why}", self.shown.join(rel).display()))
            .collect();
        let new = messages.difference(&inner.warned).cloned().collect();
        // A problem that is fixed and comes back is told again.
        inner.warned = messages;
        new
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        lock(&self.inner)
    }
}

fn lock(inner: &Mutex<Inner>) -> std::sync::MutexGuard<'_, Inner> {
    inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Every [`RECHECK`] while the watch lives: when what could not be read
/// can be now, report it as changed, so that the rebuild watches and reads
/// it. Ends once the watcher is dropped.
fn recheck(root: &Path, inner: &Weak<Mutex<Inner>>, changes: &Changes) {
    loop {
        std::thread::sleep(RECHECK);
        let Some(inner) = inner.upgrade() else { return };
        let unreadable = lock(&inner).scan_problems.clone();
        drop(inner);
        if unreadable.is_empty() {
            continue;
        }
        let still = scope::scan(root).problems;
        let readable: Vec<PathBuf> = unreadable.into_iter().filter(|p| !still.contains_key(p)).collect();
        if !readable.is_empty() {
            changes.send(readable);
        }
    }
}

/// The paths, relative to `root` and sorted, of `events` that can change
/// the site: in what the build reads, neither hidden nor temporary.
fn changed_paths(root: &Path, events: &[DebouncedEvent]) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for event in events.iter().filter(|e| is_change(&e.kind)) {
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            if is_read_by_build(rel) && !is_ignored(rel) {
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
