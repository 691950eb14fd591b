//! allclear: a static status-page generator.
//!
//! A build is one pipeline:
//!
//! ```text
//! site folder --load--> Loaded --pipeline::prepare(loaded, now)--> Snapshot --render--> files --output--> --out
//! ```
//!
//! - [`load`] reads and checks the files (and only it reads them);
//! - [`pipeline`] cuts the site at one instant and derives its state
//!   ([`model`], purely), the same for `build`, `check`, `serve` and
//!   `notify`;
//! - [`render`] turns the snapshot into files, one module per output kind;
//! - [`output`] swaps them into the output folder atomically.
//!
//! Shared by all of them: [`ids`] (stable ids, slugs, anchors),
//! [`escape`] (text for XML and HTML) and [`format`](mod@format) (times, durations and
//! percentages as outputs and messages write them).

// Diagnostics are the error type of the whole load path. They are built only
// when something is wrong, so their size (a path, a message, a help and a
// source line) costs nothing worth boxing for.
#![allow(clippy::result_large_err)]
// No `unsafe` in the product (issue 14): system calls go through rustix,
// and the developer tools that needed libc live in crates/allclear-dev.
#![forbid(unsafe_code)]

pub mod author;
pub mod check;
pub mod clock;
pub mod diagnostics;
pub mod escape;
pub mod format;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod notify;
pub mod output;
pub mod pipeline;
pub mod plural;
pub mod render;
pub mod serve;
pub mod timing;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use diagnostics::Diagnostic;
use render::OutputFile;

/// What a build needs.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `site.yaml`).
    pub site_dir: PathBuf,
    /// The output folder; `None` means `SITE/public`.
    pub out_dir: Option<PathBuf>,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// The reference time (see [`clock::resolve_now`]).
    pub now: DateTime<Utc>,
    /// How long to wait while another build writes the same output folder
    /// before failing with [`output::OutputError::Locked`]; zero fails at
    /// once. [`output::DEFAULT_LOCK_TIMEOUT`] is what the command line uses.
    pub lock_timeout: std::time::Duration,
    /// Whether to use and refresh the load cache next to the output folder
    /// (`.NAME.allclear-cache`, see [`load::cache`]): `false` with
    /// `--no-cache` or `ALLCLEAR_NO_CACHE`, and every entry file is parsed.
    pub load_cache: bool,
}

impl BuildOptions {
    /// The output folder this build writes.
    pub fn out_dir(&self) -> PathBuf {
        self.out_dir.clone().unwrap_or_else(|| self.site_dir.join("public"))
    }
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Files whose bytes were those of the previous output, kept with their
    /// modification time (see [`output::Staging::write`]).
    pub unchanged: usize,
    pub incidents: usize,
    pub maintenances: usize,
    pub warnings: Vec<Diagnostic>,
}

/// A failed build: every diagnostic found (errors and warnings).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the build failed with {}", plural::count(.diagnostics.iter().filter(|d| d.severity == diagnostics::Severity::Error).count(), "error"))]
pub struct BuildError {
    pub diagnostics: Vec<Diagnostic>,
}

/// A site built in memory.
#[derive(Debug, Clone)]
pub struct Built {
    /// Every output file, sorted by path.
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
    /// Incidents published at `now`.
    pub incidents: usize,
    pub maintenances: usize,
}

/// Build the site into memory: load, prepare ([`pipeline::prepare`]) and
/// render, no writing.
///
/// # Errors
/// [`BuildError`] with every diagnostic when the site has errors.
pub fn build_files(site_dir: &Path, base_url: Option<String>, now: DateTime<Utc>) -> Result<Built, BuildError> {
    let loaded = load_site(site_dir, base_url, None)?;
    let prepared = pipeline::prepare(&loaded, now);
    let files = render::Collect::default();
    render::render_to(&prepared.snapshot, &files).map_err(|diagnostics| BuildError { diagnostics })?;
    Ok(Built {
        files: files.into_sorted(),
        warnings: prepared.warnings(),
        incidents: prepared.snapshot.site.incidents.len(),
        maintenances: prepared.snapshot.site.maintenances.len(),
    })
}

/// Load the site, with `base_url` replacing the one in `site.yaml`, taking
/// unchanged entry files from `cache` when there is one.
fn load_site(
    site_dir: &Path,
    base_url: Option<String>,
    cache: Option<&mut load::LoadCache>,
) -> Result<load::Loaded, BuildError> {
    let options = load::LoadOptions {
        base_url,
        ..load::LoadOptions::default()
    };
    timing::phase("load", || match cache {
        Some(cache) => load::load_cached(site_dir, &options, cache),
        None => load::load(site_dir, &options),
    })
    .map_err(|diagnostics| BuildError { diagnostics })
}

/// Build the site and write it to its output folder.
///
/// The site is loaded and checked first; only then is a staging folder
/// made next to the output, and pages are written into it as they are
/// rendered, so memory stays flat however large the site. The staging
/// folder is swapped in when every file is written (see [`output`]).
///
/// Builds into one output folder take turns ([`output::lock`]): when
/// another build is writing it, this one says so on standard error and
/// waits up to `options.lock_timeout`.
///
/// # Errors
/// [`BuildError`] when the site has errors, the output folder is refused
/// ([`output::check_out_dir`]), another build keeps it locked, or it cannot
/// be written; the output folder is then left exactly as it was.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let out_dir = options.out_dir();
    let refuse = |e: output::OutputError| BuildError {
        diagnostics: vec![e.diagnostic(&out_dir)],
    };
    output::check_out_dir(&out_dir, &options.site_dir).map_err(refuse)?;
    // Claimed now when the folder was built into before and no other build
    // holds its lock, so that the kept site is listed while the site loads;
    // otherwise after loading (see `output::Claim`).
    let claim = output::Claim::try_now(&out_dir);
    let mut cache = options
        .load_cache
        .then(|| output::cache_path(&out_dir))
        .flatten()
        .map(|file| timing::phase("load: read cache", || load::LoadCache::open(&file)));
    let loaded = load_site(&options.site_dir, options.base_url.clone(), cache.as_mut())?;
    let prepared = pipeline::prepare(&loaded, options.now);
    let waiting = |lock: &Path| {
        eprintln!(
            "Waiting for another allclear build to finish writing {} (it holds the lock {}); giving up after {} (--lock-timeout)",
            out_dir.display(),
            lock.display(),
            humantime::format_duration(options.lock_timeout)
        );
    };
    let staging = timing::phase("stage", || match claim {
        Some(claim) => output::Staging::from_claim(claim),
        None => output::Staging::create(&out_dir, options.lock_timeout, waiting),
    })
    .map_err(refuse)?;
    // The load cache is written to a temporary file while the site renders
    // (on its own thread: rendering leaves a core idle at times), and put
    // in place only once the new site is (a failed build leaves it as it
    // was), with the lock still held.
    let (rendered, written) = std::thread::scope(|scope| {
        let writing = cache.as_ref().map(|cache| {
            let loaded = &loaded;
            scope.spawn(move || timing::phase("write cache", || cache.write(loaded)))
        });
        let rendered = render::render_to(&prepared.snapshot, &staging);
        let written = writing.map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        (rendered, written)
    });
    rendered.map_err(|diagnostics| BuildError { diagnostics })?;
    let (summary, saved) = timing::phase("swap", || {
        staging.commit_then(|| written.map(|w| w.and_then(|w| w.map_or(Ok(()), load::cache::Written::persist))))
    })
    .map_err(refuse)?;
    let mut warnings = prepared.warnings();
    // Failing to write the cache fails nothing, but is said.
    if let (Some(cache), Some(Err(e))) = (&cache, saved) {
        warnings.push(
            Diagnostic::file_error(cache.file(), format!("cannot write the load cache: {e}"))
                .warning()
                .with_help("the site was built; the next build parses every entry file again (`--no-cache` turns the cache off)"),
        );
    }
    Ok(BuildReport {
        out_dir,
        files: summary.files,
        bytes: summary.bytes,
        unchanged: summary.unchanged,
        incidents: prepared.snapshot.site.incidents.len(),
        maintenances: prepared.snapshot.site.maintenances.len(),
        warnings,
    })
}
