//! One build at a time into an output folder.
//!
//! Every build that writes `PARENT/NAME` first takes an exclusive advisory
//! lock (`flock(2)` on Unix, `LockFileEx` on Windows, through `fs4`) on the
//! file `PARENT/.NAME.allclear-lock`, and holds it until its new site is
//! swapped in or thrown away. A second build into the same folder waits for
//! the first, for at most its `--lock-timeout`.
//!
//! The operating system releases the lock when the process holding it ends,
//! however it ends (a crash or `kill -9` included), so a lock is never left
//! stale and nothing has to guess whether its holder is still alive. The
//! lock file itself stays: it is empty, hidden, and matched by the
//! `.gitignore` pattern `**/.*.allclear-*`. Deleting it while another build
//! waits on it would let a third build lock a new file of the same name, so
//! allclear never deletes it.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{OutputError, io_err};

/// How long a build waits for another build into the same folder by
/// default: 2 minutes. The lock is held only while a build writes its
/// files (a 100,000-incident site writes in seconds), so this is enough for
/// a few builds queued ahead to finish, and short enough that a CI job
/// stuck behind a hung build fails with a clear error instead of waiting
/// until the job's own time limit.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(120);

/// How often a waiting build tries the lock again.
const RETRY: Duration = Duration::from_millis(50);

/// The lock file of the output folder `PARENT/NAME`:
/// `PARENT/.NAME.allclear-lock`.
pub fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.allclear-lock"))
}

/// The exclusive lock on an output folder, held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    // Closing the file releases the lock.
    _file: File,
}

impl OutputLock {
    /// Take the lock of the output folder `PARENT/NAME` (`parent` must
    /// exist). When another build holds it, call `waiting` once with the
    /// lock file's path, then try again every 50 ms for up to `timeout`
    /// (`Duration::ZERO`: do not wait).
    ///
    /// # Errors
    /// [`OutputError::Locked`] when the lock is still held after `timeout`;
    /// [`OutputError::Io`] when the lock file cannot be opened or locked,
    /// or is not a regular file.
    pub fn acquire(
        parent: &Path,
        name: &str,
        timeout: Duration,
        waiting: impl FnOnce(&Path),
    ) -> Result<OutputLock, OutputError> {
        let path = lock_path(parent, name);
        // Opened for appending and never written: a lock file that is a
        // link to someone's file leaves that file unchanged.
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io_err(&path))?;
        if !file.metadata().map_err(io_err(&path))?.is_file() {
            return Err(io_err(&path)(std::io::Error::other(
                "the lock file is not a regular file; remove it",
            )));
        }
        let started = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            // Called as a trait function: `File::try_lock` of the standard
            // library needs Rust 1.89, and rust-version is 1.85.
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => return Ok(OutputLock { path, _file: file }),
                Err(fs4::TryLockError::WouldBlock) => {}
                Err(fs4::TryLockError::Error(e)) => return Err(io_err(&path)(e)),
            }
            let waited = started.elapsed();
            if waited >= timeout {
                return Err(OutputError::Locked {
                    out: parent.join(name),
                    lock: path,
                    timeout,
                });
            }
            if let Some(waiting) = waiting.take() {
                waiting(&path);
            }
            std::thread::sleep(RETRY.min(timeout - waited));
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_second_lock_waits_for_the_first_and_gets_it_once_released() {
        let tmp = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(tmp.path(), "public", Duration::ZERO, |_| panic!("free")).unwrap();
        assert_eq!(first.path(), tmp.path().join(".public.allclear-lock"));

        let called = Cell::new(0);
        let err =
            OutputLock::acquire(tmp.path(), "public", Duration::ZERO, |_| called.set(called.get() + 1)).unwrap_err();
        assert!(matches!(err, OutputError::Locked { .. }), "{err}");
        assert_eq!(called.get(), 0, "no wait announced when not waiting");

        let err = OutputLock::acquire(tmp.path(), "public", Duration::from_millis(120), |p| {
            assert_eq!(p, first.path());
            called.set(called.get() + 1);
        })
        .unwrap_err();
        assert!(matches!(err, OutputError::Locked { .. }), "{err}");
        assert_eq!(called.get(), 1, "the wait is announced once");

        // Another folder's lock is another lock.
        OutputLock::acquire(tmp.path(), "dist", Duration::ZERO, |_| panic!("free")).unwrap();

        let (tx, rx) = std::sync::mpsc::channel();
        let parent = tmp.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            OutputLock::acquire(&parent, "public", Duration::from_secs(600), |_| tx.send(()).unwrap()).map(|_| ())
        });
        rx.recv().unwrap();
        drop(first);
        waiter.join().unwrap().unwrap();
        assert!(
            tmp.path().join(".public.allclear-lock").is_file(),
            "the lock file stays"
        );
    }
}
