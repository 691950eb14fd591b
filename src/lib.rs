//! allclear: a static status-page generator.
//!
//! A build is one pipeline:
//!
//! ```text
//! site folder --load--> Site --Snapshot::new(site, now)--> Snapshot --render--> files --output--> --out
//! ```
//!
//! - [`load`] reads and checks the files (and only it reads them);
//! - [`model`] derives the state at one instant, purely;
//! - [`render`] turns the snapshot into files, one module per output kind;
//! - [`output`] swaps them into the output folder atomically.

pub mod clock;
pub mod diagnostics;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use diagnostics::Diagnostic;
use model::Snapshot;
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
    pub incidents: usize,
    pub maintenances: usize,
    pub warnings: Vec<Diagnostic>,
}

/// A failed build: every diagnostic found (errors and warnings).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the build failed with {} error(s)", .diagnostics.iter().filter(|d| d.severity == diagnostics::Severity::Error).count())]
pub struct BuildError {
    pub diagnostics: Vec<Diagnostic>,
}

/// Build the site into memory: load, model and render, no writing.
///
/// Returns the files and the warnings.
///
/// # Errors
/// [`BuildError`] with every diagnostic when the site has errors.
pub fn build_files(site_dir: &Path, base_url: Option<String>, now: DateTime<Utc>) -> Result<(Vec<OutputFile>, Vec<Diagnostic>, (usize, usize)), BuildError> {
    let options = load::LoadOptions { base_url };
    let loaded = load::load(site_dir, &options).map_err(|diagnostics| BuildError { diagnostics })?;
    let snapshot = Snapshot::new(&loaded.site, now);
    let files = render::render(&snapshot).map_err(|diagnostics| BuildError { diagnostics })?;
    let counts = (loaded.site.incidents.len(), loaded.site.maintenances.len());
    Ok((files, loaded.warnings, counts))
}

/// Build the site and write it to its output folder.
///
/// # Errors
/// [`BuildError`] when the site has errors or the output cannot be written;
/// the output folder is then left exactly as it was.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (files, warnings, (incidents, maintenances)) = build_files(&options.site_dir, options.base_url.clone(), options.now)?;
    let out_dir = options.out_dir();
    let summary = output::write_site(&out_dir, &files).map_err(|e| {
        let help = e.help();
        let d = Diagnostic::file_error(&out_dir, e.to_string());
        BuildError {
            diagnostics: vec![match help {
                Some(h) => d.with_help(h),
                None => d,
            }],
        }
    })?;
    Ok(BuildReport {
        out_dir,
        files: summary.files,
        bytes: summary.bytes,
        incidents,
        maintenances,
        warnings,
    })
}
