//! Claiming an output folder: its lock taken, what ended builds left
//! removed, and its kept site (see [`super::kept`]) being listed, before
//! the staging folder is made ([`super::Staging::from_claim`]).
//!
//! `build` claims an output it built before before loading the site when
//! no other build holds the lock ([`Claim::try_now`]), so that listing the kept site
//! overlaps loading; otherwise it claims it after loading, waiting for the
//! lock as `--lock-timeout` says ([`super::Staging::create`]), so a site
//! with errors is reported at once even while another build writes.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::kept;
use super::place::{check_replaceable, split};
use super::swap::remove_leftovers;
use super::{MARKER, OutputError, OutputLock, io_err};

/// An output folder whose lock this build holds, with its kept site being
/// listed. Dropped, it waits for the listing and releases the lock; the
/// kept site stays as it was (less anything in it that is neither a plain
/// file nor a folder).
#[derive(Debug)]
pub struct Claim {
    pub(super) out: PathBuf,
    pub(super) parent: PathBuf,
    pub(super) name: String,
    pub(super) survey: Option<kept::Survey>,
    // Dropped after the survey: the listing is done under the lock.
    pub(super) lock: OutputLock,
}

impl Claim {
    /// Check that `out` may be replaced, take its lock (see
    /// [`super::lock`]; when another build holds it, call `waiting` with
    /// the lock file's path and wait up to `lock_timeout`), check again,
    /// remove what ended builds left, and start listing the kept site when
    /// `out` holds a site of ours.
    ///
    /// # Errors
    /// As [`super::Staging::create`].
    pub fn acquire(out: &Path, lock_timeout: Duration, waiting: impl FnOnce(&Path)) -> Result<Claim, OutputError> {
        let (parent, name) = split(out)?;
        check_replaceable(out)?;
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let lock = OutputLock::acquire(&parent, &name, lock_timeout, waiting)?;
        // The build that held the lock may have changed `out`.
        check_replaceable(out)?;
        remove_leftovers(&parent, &name);
        let survey = out
            .join(MARKER)
            .is_file()
            .then(|| kept::Survey::start(kept::path(&parent, &name)));
        Ok(Claim {
            out: out.to_path_buf(),
            parent,
            name,
            survey,
            lock,
        })
    }

    /// [`Claim::acquire`] without waiting, for a folder built into before
    /// (its lock file exists, so claiming it creates nothing: a build whose
    /// site has errors leaves everything as it was). `None` for a first
    /// build, when another build holds the lock, or when the claim fails
    /// for any other reason (the same claim made again later reports it).
    pub fn try_now(out: &Path) -> Option<Claim> {
        let (parent, name) = split(out).ok()?;
        if !super::lock::lock_path(&parent, &name).is_file() {
            return None;
        }
        Claim::acquire(out, Duration::ZERO, |_| {}).ok()
    }
}
