//! The authoring commands: `init`, `new`, `update`, `resolve`,
//! `reschedule`, `cancel`, and `--lang` on `new`, `update` and `resolve`,
//! which writes a translation instead (`translate.rs`). They edit
//! the text of entry files (never re-serializing YAML, so comments, order
//! and formatting elsewhere stay as the author wrote them), check the result
//! with the same loader `build` uses before writing anything, and write
//! atomically (a temporary file in the same folder, then a rename).

mod edit;
pub(crate) mod init;
mod message;
mod new;
mod schedule;
mod translate;
mod translation_text;
pub(crate) mod yaml_text;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use chrono_tz::Tz;

use crate::diagnostics::{Diagnostic, closest};
use crate::load::{self, LoadOptions, Loaded, time};
use crate::model::{ComponentStatus, IncidentStatus, MaintenanceStatus};

pub use edit::{UpdateRequest, resolve, update};
pub use init::{GitSetup, PLACEHOLDER_BASE_URL, REPOSITORY, git_init, github_workflow, gitlab_ci, init, next_steps};
pub use message::read_message;
pub use new::{NewIncident, NewMaintenance, new_incident, new_maintenance};
pub use schedule::{Reschedule, cancel, reschedule};
pub use translate::{Target, Translation, TranslationWritten, translate};

/// What a command wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file, as shown to the user.
    pub path: PathBuf,
    /// The entry's id.
    pub id: String,
}

/// Why an authoring command did nothing. The binary maps each kind to its
/// exit code (`src/error.rs`).
#[derive(Debug, thiserror::Error)]
pub enum AuthorError {
    /// A bad argument (unknown id, status or component, a time that does not
    /// parse): exit code 2. `help` says what to write instead.
    #[error("{message}")]
    Usage { message: String, help: Option<String> },
    /// The site, or the entry as edited, does not pass the checks `build`
    /// makes: nothing was written. Exit code 1. The diagnostics are printed
    /// before this message.
    #[error("Nothing was written: the site would not build (see above)")]
    Invalid(Vec<Diagnostic>),
    /// A file could not be read or written. Exit code 1.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl AuthorError {
    fn usage(message: impl Into<String>, help: impl Into<Option<String>>) -> Self {
        AuthorError::Usage {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Where and when a command runs.
#[derive(Debug, Clone)]
pub struct Context {
    pub site_dir: PathBuf,
    /// The reference time: updates are dated with it.
    pub now: DateTime<Utc>,
}

impl Context {
    /// Load the site, with `overrides` read from memory.
    fn load(&self, overrides: BTreeMap<PathBuf, String>) -> Result<Loaded, AuthorError> {
        let options = LoadOptions {
            overrides,
            ..LoadOptions::default()
        };
        load::load(&self.site_dir, &options).map_err(AuthorError::Invalid)
    }

    /// How a path inside the site is shown.
    fn shown(&self, rel: &Path) -> PathBuf {
        if self.site_dir == Path::new(".") {
            rel.to_path_buf()
        } else {
            self.site_dir.join(rel)
        }
    }

    /// Check the site with `rel` holding `text`, then write it atomically.
    fn commit(&self, rel: &Path, text: String) -> Result<Written, AuthorError> {
        let loaded = self.load(BTreeMap::from([(rel.to_path_buf(), text.clone())]))?;
        let id = rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        debug_assert!(
            loaded.site.incidents.iter().any(|i| i.id == id) || loaded.site.maintenances.iter().any(|m| m.id == id)
        );
        write_atomically(&self.site_dir.join(rel), &text)?;
        Ok(Written {
            path: self.shown(rel),
            id,
        })
    }
}

/// Write `text` to `path` through a temporary sibling and a rename, so a
/// reader (or a crash) never sees half a file: a [`tempfile::NamedTempFile`]
/// named `.NAME.allclear-XXXXXX` (hidden, so `serve` and the build never
/// read it; `.gitignore`'s `.*.allclear-*` matches it), removed if anything
/// fails, then persisted over `path`. The file keeps the permissions it
/// had; a new one gets those of any new file (0666 less the umask on
/// Unix), not the temporary file's owner-only ones.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<(), AuthorError> {
    use std::io::Write;
    let io_err = |source| AuthorError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.allclear-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    match fs::metadata(path) {
        Ok(meta) => {
            builder.permissions(meta.permissions());
        }
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let mut temp = builder.tempfile_in(dir).map_err(io_err)?;
    temp.write_all(text.as_bytes()).map_err(io_err)?;
    temp.persist(path).map(drop).map_err(|e| io_err(e.error))
}

/// A time in the site's zone with its offset, as commands write them:
/// `2026-11-20T15:25:00+01:00` (`Z` in UTC).
fn written_time(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A time from the command line: an offset from now (`30m`, `2h`, `1h30m`,
/// `1d`, optionally `+`), RFC 3339, or a local time in the site's zone.
/// `what` names the flag in errors.
fn parse_when(text: &str, zone: Tz, now: DateTime<Utc>, what: &str) -> Result<DateTime<Utc>, AuthorError> {
    match parse_offset(text) {
        Some(Ok(d)) => return Ok(now + d),
        Some(Err(e)) => {
            return Err(AuthorError::usage(
                format!("{what}: `{}` is not an offset from now: {e}", text.trim()),
                Some(format!(
                    "write an offset like `{what} 30m`, `{what} 1h30m` or `{what} 2d` (s, m, h, d), a local time like `2026-11-20 16:30`, or RFC 3339"
                )),
            ));
        }
        None => {}
    }
    time::parse_time(text, zone).map_err(|e| {
        AuthorError::usage(
            format!("{what}: {e}"),
            Some(
                "write an offset from now like `30m` or `2h`, a local time like `2026-11-20 16:30`, or RFC 3339"
                    .to_string(),
            ),
        )
    })
}

/// A maintenance window from `--from` and `--until` ([`parse_when`] each),
/// in UTC; a usage error when the end is not after the start.
fn parse_window(
    from: &str,
    until: &str,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), AuthorError> {
    let from = parse_when(from, zone, now, "--from")?;
    let until = parse_when(until, zone, now, "--until")?;
    if until <= from {
        return Err(AuthorError::usage(
            "--until is not after --from",
            Some(format!(
                "the window starts {}; give an end after it",
                written_time(from, zone)
            )),
        ));
    }
    Ok((from, until))
}

/// An offset from now, as humantime reads durations (`30m`, `2h`, `1h30m`,
/// `1h 30m`, `45s`, `1d`, `90min`, `1.5h`), with an optional leading `+`.
/// `None` when `text` is not written as one (it does not start with a
/// digit, or holds characters no duration has, like the `-` and `:` of a
/// date and time); the duration's error when it is written as one but is
/// not valid (`30`, `2x`).
fn parse_offset(text: &str) -> Option<Result<Duration, String>> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text).trim_start();
    let looks_like = text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '.');
    if !looks_like {
        return None;
    }
    Some(
        humantime::parse_duration(text)
            .map_err(|e| e.to_string())
            .and_then(|d| Duration::from_std(d).map_err(|_| "it is too long".to_string())),
    )
}

/// `ID=STATUS` for a component, checked against the site.
fn parse_component(
    arg: &str,
    loaded: &Loaded,
    allow_operational: bool,
) -> Result<(String, ComponentStatus), AuthorError> {
    let (id, status) = arg.split_once('=').ok_or_else(|| {
        AuthorError::usage(
            format!("--component `{arg}` has no status"),
            Some("write it as ID=STATUS, like `api=partial_outage`".to_string()),
        )
    })?;
    let id = component_id(id.trim(), loaded)?;
    let allowed: Vec<ComponentStatus> = ComponentStatus::ALL
        .into_iter()
        .filter(|s| {
            *s != ComponentStatus::UnderMaintenance && (allow_operational || *s != ComponentStatus::Operational)
        })
        .collect();
    let status = allowed
        .iter()
        .find(|s| s.as_str() == status.trim())
        .copied()
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
            AuthorError::usage(
                format!("`{status}` is not a component status here"),
                Some(suggestion(status, &names)),
            )
        })?;
    Ok((id, status))
}

/// A component id that exists in `site.yaml`.
fn component_id(id: &str, loaded: &Loaded) -> Result<String, AuthorError> {
    let ids: Vec<&str> = loaded.site.components.iter().map(|c| c.id.as_str()).collect();
    if ids.contains(&id) {
        Ok(id.to_string())
    } else {
        Err(AuthorError::usage(
            format!("unknown component `{id}`"),
            Some(suggestion(id, &ids)),
        ))
    }
}

/// "did you mean `x`? one of: a, b, c".
fn suggestion(word: &str, known: &[&str]) -> String {
    let list = known.join(", ");
    match closest(word, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? One of: {list}"),
        None => format!("one of: {list}"),
    }
}

/// An update's status: an incident status or a maintenance status
/// (`update --status`); [`update`] refuses one of the other kind of entry.
///
/// Its clap values are the two enums' own, incidents' first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyStatus {
    Incident(IncidentStatus),
    Maintenance(MaintenanceStatus),
}

impl AnyStatus {
    /// Statuspage's API string, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnyStatus::Incident(s) => s.as_str(),
            AnyStatus::Maintenance(s) => s.as_str(),
        }
    }
}

impl clap::ValueEnum for AnyStatus {
    fn value_variants<'a>() -> &'a [Self] {
        use {IncidentStatus as I, MaintenanceStatus as M};
        &[
            AnyStatus::Incident(I::Investigating),
            AnyStatus::Incident(I::Identified),
            AnyStatus::Incident(I::Monitoring),
            AnyStatus::Incident(I::Resolved),
            AnyStatus::Maintenance(M::Scheduled),
            AnyStatus::Maintenance(M::InProgress),
            AnyStatus::Maintenance(M::Verifying),
            AnyStatus::Maintenance(M::Completed),
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            AnyStatus::Incident(s) => s.to_possible_value(),
            AnyStatus::Maintenance(s) => s.to_possible_value(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn atomic_writes_keep_permissions_and_leave_nothing_behind() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A new file: what fs::write would give it under this umask.
        let plain = dir.path().join("plain.md");
        fs::write(&plain, "x").unwrap();
        let new = dir.path().join("incidents/new.md");
        write_atomically(&new, "first\n").unwrap();
        assert_eq!(fs::read_to_string(&new).unwrap(), "first\n");
        assert_eq!(mode(&new), mode(&plain));
        // An existing file keeps its own.
        fs::set_permissions(&new, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&new, "second\n").unwrap();
        assert_eq!(fs::read_to_string(&new).unwrap(), "second\n");
        assert_eq!(mode(&new), 0o640);
        let names: Vec<_> = fs::read_dir(dir.path().join("incidents"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["new.md"]);
    }

    #[test]
    fn offsets() {
        let ok = |t: &str| parse_offset(t).unwrap().unwrap();
        assert_eq!(ok("30m"), Duration::minutes(30));
        assert_eq!(ok("+1h30m"), Duration::minutes(90));
        assert_eq!(ok(" + 1h 30m "), Duration::minutes(90));
        assert_eq!(ok("2h"), Duration::hours(2));
        assert_eq!(ok("2d"), Duration::days(2));
        assert_eq!(ok("45s"), Duration::seconds(45));
        assert!(parse_offset("30").unwrap().unwrap_err().contains("time unit needed"));
        assert!(parse_offset("2x").unwrap().unwrap_err().contains("unknown time unit"));
        assert!(parse_offset("99999999999999d").unwrap().is_err());
        for time in [
            "soon",
            "2026-11-20",
            "2026-11-20 16:30",
            "2026-11-20T14:25:00Z",
            "16:30",
            "",
        ] {
            assert_eq!(parse_offset(time), None, "{time}");
        }
    }

    #[test]
    fn command_line_names_are_the_api_strings() {
        use clap::ValueEnum;
        let names = |values: Vec<Option<clap::builder::PossibleValue>>| -> Vec<String> {
            values.into_iter().map(|v| v.unwrap().get_name().to_string()).collect()
        };
        let statuses: Vec<&str> = AnyStatus::value_variants().iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names(
                AnyStatus::value_variants()
                    .iter()
                    .map(ValueEnum::to_possible_value)
                    .collect()
            ),
            statuses
        );
        assert_eq!(statuses.len(), 8);
        assert!(statuses.contains(&"in_progress"), "{statuses:?}");
        let impacts: Vec<&str> = crate::model::Impact::value_variants()
            .iter()
            .map(|i| i.as_str())
            .collect();
        assert_eq!(
            names(
                crate::model::Impact::value_variants()
                    .iter()
                    .map(ValueEnum::to_possible_value)
                    .collect()
            ),
            impacts
        );
        assert_eq!(impacts, ["none", "minor", "major", "critical"]);
    }

    #[test]
    fn written_times_carry_the_zone_offset() {
        let t = DateTime::parse_from_rfc3339("2026-11-20T14:25:00Z").unwrap().to_utc();
        assert_eq!(written_time(t, chrono_tz::Europe::Berlin), "2026-11-20T15:25:00+01:00");
        assert_eq!(written_time(t, chrono_tz::UTC), "2026-11-20T14:25:00Z");
    }
}
