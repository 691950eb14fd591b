//! allclear's developer tools, run as `cargo dev …` (the alias in
//! `.cargo/config.toml`): a synthetic site generator ([`gen`]), the build
//! benchmark ([`bench`](mod@bench), printed by [`report`]), its incremental scenario
//! ([`incremental`]) and the preview's edit latency ([`preview`]). See
//! `docs/performance.md`.
//!
//! Not published and not part of the `allclear` binary: the benchmark
//! times the product binary as a child process, built by `cargo build
//! --release` or given with `--exe`.

pub mod bench;
pub mod incremental;
pub mod preview;
pub mod report;
// `gen` is a reserved word in Rust 2024, hence `r#gen`; its items are
// re-exported here.
pub mod r#gen;

pub use r#gen::{GenOptions, GenSummary, REFERENCE_NOW, generate, reference_now};

use std::path::Path;

use allclear::plural::count;

/// `cargo dev gen-site DIR --incidents N --seed S`: generate the site and
/// say what was written, and how to build it, on standard error.
///
/// # Errors
/// A message when the folder is not empty or a file cannot be written.
pub fn gen_site(dir: &Path, incidents: usize, seed: u64, translations: bool) -> Result<(), String> {
    let summary = generate(
        dir,
        &GenOptions {
            incidents,
            seed,
            translations,
        },
    )
    .map_err(|e| format!("cannot generate a site in {}: {e}", dir.display()))?;
    eprintln!(
        "Generated {} and {} in {} ({} files, {} bytes). Build it with:\n  allclear build {} --now {}",
        count(summary.incidents, "incident"),
        count(summary.maintenances, "maintenance"),
        dir.display(),
        summary.files,
        summary.bytes,
        dir.display(),
        REFERENCE_NOW
    );
    Ok(())
}
