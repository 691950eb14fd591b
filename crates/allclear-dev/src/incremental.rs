//! The incremental scenario of `cargo dev bench` (issue 13, "Deploy
//! only what changed"): after the full builds of a size, add one update to
//! the site's newest ongoing incident, rebuild into the first run's output
//! at a later reference time on the same day, and count what changed: the
//! files a size-and-mtime sync tool (`rsync`, `aws s3 sync`) would upload,
//! and their bytes. The rebuild's wall time is compared with the full
//! builds into empty folders measured just before, in the same run.
//!
//! The incident file is restored afterwards, so that a site kept with
//! `--keep` is still the generated one.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use chrono::Duration as Span;

use super::r#gen::reference_now;

/// What one update's rebuild changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incremental {
    /// Wall time of the rebuild into the previous output.
    pub wall: Duration,
    /// Files in the new output.
    pub files: usize,
    /// Files whose size or modification time differ from the previous
    /// output's (new files included): what a size-and-mtime sync uploads.
    pub changed: usize,
    /// Their total size in bytes.
    pub changed_bytes: u64,
    /// Files of the previous output that are gone.
    pub removed: usize,
}

/// Minutes after the reference time (plus the round's `shift`) at which
/// the update is dated, and the rebuild made (the same day in every zone
/// the generator uses).
const UPDATE_AFTER: i64 = 5;
const REBUILD_AFTER: i64 = 20;

/// Minutes between two rounds of [`measure`]: each round's update and
/// rebuild come this much later than the round before's (the bench makes
/// `--runs` + 1 rounds: with 3 runs the last rebuild is 80 minutes after
/// the reference time, still the same day in every zone the generator
/// uses).
pub const ROUND_SHIFT: i64 = 20;

/// Run the scenario on `site` (generated with `incidents` incidents), whose
/// full build is in `out`; `build` runs `allclear build SITE --out OUT
/// --now NOW` and returns its wall time. `shift` (minutes) moves the
/// update and the rebuild later, so that a second round into the same
/// `out` (which then has the previous build's kept site and load cache
/// beside it) sees a new update and a new time.
///
/// # Errors
/// A message when the ongoing incident cannot be found, the update or the
/// rebuild fails, or a file cannot be read.
pub fn measure(
    exe: &Path,
    site: &Path,
    out: &Path,
    incidents: usize,
    shift: i64,
    build: impl Fn(&Path, &Path, &str) -> Result<Duration, String>,
) -> Result<Incremental, String> {
    let file = ongoing_incident(site, incidents)?;
    let id = file
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: not a file name", file.display()))?
        .to_string();
    let original = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let before = stat_tree(out)?;
    let at = |minutes: i64| {
        (reference_now() + Span::minutes(shift + minutes))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let result = (|| {
        let status = Command::new(exe)
            .args(["update", &id, "--status", "monitoring", "--message"])
            .arg("The fix is holding; we keep watching error rates.")
            .arg("--site")
            .arg(site)
            .args(["--now", &at(UPDATE_AFTER)])
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
        if !status.success() {
            return Err(format!("`allclear update {id}` failed"));
        }
        build(site, out, &at(REBUILD_AFTER))
    })();
    // Put the generated site back, whatever happened.
    fs::write(&file, &original).map_err(|e| format!("cannot restore {}: {e}", file.display()))?;
    let wall = result?;
    let after = stat_tree(out)?;
    let changed: Vec<u64> = after
        .iter()
        .filter(|(path, stat)| before.get(*path) != Some(stat))
        .map(|(_, &(size, _))| size)
        .collect();
    Ok(Incremental {
        wall,
        files: after.len(),
        changed: changed.len(),
        changed_bytes: changed.iter().sum(),
        removed: before.keys().filter(|p| !after.contains_key(*p)).count(),
    })
}

/// The newest incident the generator writes, ongoing at the reference
/// time: the one whose id ends with `-{incidents - 1}` (a `.md` or `.yaml`
/// file).
fn ongoing_incident(site: &Path, incidents: usize) -> Result<PathBuf, String> {
    let suffix = format!("-{}", incidents - 1);
    walkdir::WalkDir::new(site.join("incidents"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_type().is_file()
                && e.path()
                    .file_stem()
                    .is_some_and(|stem| stem.to_string_lossy().ends_with(&suffix))
        })
        .map(|e| e.into_path())
        .ok_or_else(|| format!("no incident file whose name ends in {suffix} in {}", site.display()))
}

/// Every file under `dir`: its size and modification time, by path.
fn stat_tree(dir: &Path) -> Result<HashMap<PathBuf, (u64, SystemTime)>, String> {
    let mut out = HashMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entry.file_type().is_file() {
            let meta = entry
                .metadata()
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let mtime = meta
                .modified()
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            out.insert(
                entry.path().strip_prefix(dir).expect("under dir").to_path_buf(),
                (meta.len(), mtime),
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{GenOptions, generate};

    #[test]
    fn finds_the_ongoing_incident_whatever_its_extension() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        // With seed 1, the newest of 1,000 incidents is written as YAML.
        generate(
            &site,
            &GenOptions {
                incidents: 1000,
                seed: 1,
                translations: false,
            },
        )
        .unwrap();
        let file = ongoing_incident(&site, 1000).unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(stem.starts_with("2026-11-20-") && stem.ends_with("-999"), "{stem}");
        assert_eq!(file.extension().unwrap(), "yaml");
        let text = fs::read_to_string(&file).unwrap();
        assert!(!text.contains("status: resolved"), "it is ongoing");
    }
}
