//! `allclear notify`: post the updates added or changed since a git
//! revision to webhooks and Slack-compatible incoming webhooks. It runs in
//! CI after a build.
//!
//! 1. The site is loaded as it is now, and as it was at `--since`: [`git`]
//!    writes the old revision's files into a temporary folder and the same
//!    [`crate::load::load`] reads them. An old revision that does not load
//!    counts as an empty site, with a warning.
//! 2. [`diff`] finds the new and changed updates, by identity (entry id and
//!    time), not by text.
//! 3. [`payload`] builds each update's bodies from the API's objects.
//! 4. [`http`] posts them, with retries; the [`ledger`] in the git folder
//!    records each success, so running the same command again posts
//!    nothing. A target that fails is not sent later updates in this run,
//!    so receivers never see updates out of order; the run then exits 1
//!    naming what failed, after trying every other target.
//!
//! Updates dated after the reference time are not published yet and are
//! not posted.

pub mod diff;
mod git;
pub mod http;
pub mod ledger;
pub mod payload;

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{LoadOptions, load};
use crate::model::Site;
use crate::render::format;
use ledger::Ledger;

/// The environment variable that sets the wait before the first retry, in
/// milliseconds (tests make it short).
pub const BACKOFF_ENV: &str = "ALLCLEAR_NOTIFY_BACKOFF_MS";

/// What `notify` needs.
#[derive(Debug, Clone)]
pub struct NotifyOptions {
    pub site_dir: PathBuf,
    /// A git revision: what changed since it is posted.
    pub since: String,
    /// Generic webhook URLs (Statuspage-style JSON).
    pub webhooks: Vec<String>,
    /// Slack-compatible incoming-webhook URLs.
    pub slacks: Vec<String>,
    /// Print what would be sent; send nothing, write no ledger.
    pub dry_run: bool,
    /// The reference time.
    pub now: DateTime<Utc>,
    /// The wait before the first retry (it doubles for each further one).
    pub backoff: Duration,
}

/// Why `notify` did not succeed.
#[derive(Debug, Clone)]
pub enum NotifyError {
    /// Bad usage: an unknown revision, a bad URL, no git repository (exit 2).
    Usage(String),
    /// The current site has errors (exit 1).
    Site(Vec<Diagnostic>),
    /// Posts failed, or git or the ledger did (exit 1).
    Failed(String),
}

impl NotifyError {
    /// The process exit code: 2 for bad usage, else 1.
    pub fn exit_code(&self) -> u8 {
        match self {
            NotifyError::Usage(_) => 2,
            NotifyError::Site(_) | NotifyError::Failed(_) => 1,
        }
    }
}

impl fmt::Display for NotifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotifyError::Usage(m) | NotifyError::Failed(m) => f.write_str(m),
            NotifyError::Site(d) => {
                let errors = d.iter().filter(|d| d.severity == Severity::Error).count();
                write!(f, "the site has {errors} error(s); fix them before notifying")
            }
        }
    }
}

/// The wait before the first retry: `ALLCLEAR_NOTIFY_BACKOFF_MS` if set,
/// else [`http::DEFAULT_BACKOFF`].
///
/// # Errors
/// A message when the value is not a whole number of milliseconds.
pub fn backoff_from_env(value: Option<&str>) -> Result<Duration, String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(http::DEFAULT_BACKOFF),
        Some(v) => v
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| format!("{BACKOFF_ENV} `{v}` is not a whole number of milliseconds")),
    }
}

/// What kind of receiver a URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Statuspage-style incident webhook JSON.
    Webhook,
    /// A Slack-compatible incoming webhook.
    Slack,
}

impl TargetKind {
    fn as_str(self) -> &'static str {
        match self {
            TargetKind::Webhook => "webhook",
            TargetKind::Slack => "slack",
        }
    }
}

/// A URL to post to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub url: String,
}

impl Target {
    /// The URL as printed: scheme, host and port only, since webhook URLs
    /// carry their secret in the path (`https://hooks.slack.com/…`).
    pub fn shown(&self) -> String {
        let (scheme, rest) = self.url.split_once("://").unwrap_or(("", &self.url));
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let more = rest.len() > authority.len() && rest[authority.len()..] != *"/";
        format!(
            "{} {scheme}://{authority}/{}",
            self.kind.as_str(),
            if more { "…" } else { "" }
        )
    }
}

/// The targets of `options`, webhooks first, each checked to be an
/// `http(s)` URL with a host.
fn targets(options: &NotifyOptions) -> Result<Vec<Target>, NotifyError> {
    let all = options
        .webhooks
        .iter()
        .map(|u| (TargetKind::Webhook, u))
        .chain(options.slacks.iter().map(|u| (TargetKind::Slack, u)));
    let mut out: Vec<Target> = Vec::new();
    for (kind, url) in all {
        let url = url.trim();
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
        let host_ok = rest.is_some_and(|r| !r.split(['/', '?', '#']).next().unwrap_or_default().is_empty());
        if !host_ok || url.parse::<ureq::http::Uri>().is_err() {
            return Err(NotifyError::Usage(format!(
                "--{} `{url}` is not an http:// or https:// URL",
                kind.as_str()
            )));
        }
        let target = Target {
            kind,
            url: url.to_string(),
        };
        if !out.contains(&target) {
            out.push(target);
        }
    }
    Ok(out)
}

/// Post every update added or changed since `options.since`.
///
/// Prints what it does to standard error, the bodies of a dry run to
/// standard output, and ends with a one-line summary.
///
/// # Errors
/// [`NotifyError`]: bad usage, a site with errors, or posts that failed
/// (after every target was tried).
pub fn run(options: &NotifyOptions) -> Result<(), NotifyError> {
    let targets = targets(options)?;
    if targets.is_empty() && !options.dry_run {
        return Err(NotifyError::Usage(
            "give at least one --webhook URL or --slack URL (or --dry-run to see what would be posted)".into(),
        ));
    }
    let repo = git::Repo::open(&options.site_dir)?;
    let commit = repo.resolve(&options.since)?;
    let current = load(&options.site_dir, &LoadOptions::default()).map_err(NotifyError::Site)?;
    let old = old_site(&repo, &options.since, &commit)?;

    let mut found = diff::changes(old.as_ref(), &current.site);
    found.retain(|f| {
        let future = f.update.at > options.now && !f.update.announcement;
        if future {
            eprintln!(
                "warning: {} is dated {}, after the reference time; it is not published yet and is not posted",
                f.update.key,
                format::iso_utc(f.update.at)
            );
        }
        !future
    });
    let short = &commit[..12.min(commit.len())];
    let shown_rev = if commit.starts_with(&options.since) {
        short.to_string()
    } else {
        format!("{} ({short})", options.since)
    };
    if found.is_empty() {
        eprintln!("No new or changed updates since {shown_rev}: nothing to post");
        return Ok(());
    }

    if targets.is_empty() {
        for f in &found {
            println!("{} ({})", f.update.key, f.change.as_str());
        }
        eprintln!(
            "Found {} new or changed update{} since {shown_rev}; no target given (dry run)",
            found.len(),
            plural(found.len())
        );
        return Ok(());
    }
    let ledger_path = repo.common_dir.join(ledger::FILE_NAME);
    let mut ledger = Ledger::load(&ledger_path).map_err(NotifyError::Failed)?;
    let client = http::Client::new(options.backoff);
    let posted_at = format::iso_utc(options.now);

    let mut tally = Tally::default();
    for f in &found {
        let Some(bodies) = payload::build(&current.site, f, options.now) else {
            continue;
        };
        let update = &f.update;
        let hash = update.content_hash();
        for target in &targets {
            if ledger.contains(&target.url, &update.key, &hash) {
                tally.already += 1;
                continue;
            }
            let body = match target.kind {
                TargetKind::Webhook => serde_json::to_vec(&bodies.webhook),
                TargetKind::Slack => serde_json::to_vec(&bodies.slack),
            }
            .expect("bodies always serialize");
            if options.dry_run {
                let pretty = match target.kind {
                    TargetKind::Webhook => serde_json::to_string_pretty(&bodies.webhook),
                    TargetKind::Slack => serde_json::to_string_pretty(&bodies.slack),
                }
                .expect("bodies always serialize");
                println!(
                    "POST {}: {} ({})\n{pretty}\n",
                    target.shown(),
                    update.key,
                    f.change.as_str()
                );
                tally.sent(target, update);
                continue;
            }
            if tally.broken.contains(&target.url) {
                tally.failures.push(format!(
                    "{} for {}: not sent, after an earlier update failed there",
                    target.shown(),
                    update.key
                ));
                continue;
            }
            match client.post_json(&target.url, &body) {
                Ok(_) => {
                    eprintln!("  sent {} ({}) to {}", update.key, f.change.as_str(), target.shown());
                    ledger.record(&target.url, &update.key, &hash, &posted_at);
                    ledger.save(&ledger_path).map_err(|e| {
                        NotifyError::Failed(format!("cannot write the ledger {}: {e}", ledger_path.display()))
                    })?;
                    tally.sent(target, update);
                }
                Err(failure) => {
                    eprintln!(
                        "  failed {} ({}) to {}: {}",
                        update.key,
                        f.change.as_str(),
                        target.shown(),
                        failure.reason
                    );
                    tally.failures.push(format!(
                        "{} for {}: {} after {} attempt{}",
                        target.shown(),
                        update.key,
                        failure.reason,
                        failure.attempts,
                        plural(failure.attempts as usize)
                    ));
                    tally.broken.insert(target.url.clone());
                }
            }
        }
    }
    eprintln!("{}", tally.summary(options.dry_run));
    if tally.failures.is_empty() {
        Ok(())
    } else {
        Err(NotifyError::Failed(format!(
            "{} post{} failed (they are posted by the next run):\n  {}",
            tally.failures.len(),
            plural(tally.failures.len()),
            tally.failures.join("\n  ")
        )))
    }
}

/// The site as it was at `commit`, or `None` (with a warning) when it did
/// not exist or does not load.
fn old_site(repo: &git::Repo, since: &str, commit: &str) -> Result<Option<Site>, NotifyError> {
    let tmp = tempfile::Builder::new()
        .prefix("allclear-notify-")
        .tempdir()
        .map_err(|e| NotifyError::Failed(format!("cannot create a temporary folder: {e}")))?;
    let files = repo.write_tree_at(commit, tmp.path())?;
    if files == 0 {
        eprintln!("note: the site did not exist at {since}; every update counts as new");
        return Ok(None);
    }
    match load(tmp.path(), &LoadOptions::default()) {
        Ok(loaded) => Ok(Some(loaded.site)),
        Err(diagnostics) => {
            let first = diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .or(diagnostics.first())
                .map(|d| {
                    let file = d.file.strip_prefix(tmp.path()).unwrap_or(&d.file);
                    let line = if d.line > 0 {
                        format!(":{}", d.line)
                    } else {
                        String::new()
                    };
                    format!("{}{line}: {}", file.display(), d.message)
                })
                .unwrap_or_default();
            eprintln!(
                "warning: the site at {since} does not load ({first}); comparing with an empty site, so every update counts as new"
            );
            Ok(None)
        }
    }
}

/// What a run did, for the summary.
#[derive(Default)]
struct Tally {
    updates: BTreeSet<String>,
    targets: BTreeSet<String>,
    already: usize,
    failures: Vec<String>,
    /// Targets that failed: later updates are not sent there.
    broken: BTreeSet<String>,
}

impl Tally {
    fn sent(&mut self, target: &Target, update: &diff::Update) {
        self.updates.insert(update.key.clone());
        self.targets.insert(target.url.clone());
    }

    /// `Posted 3 updates to 2 targets`, with what was skipped or failed.
    fn summary(&self, dry_run: bool) -> String {
        let (u, t) = (self.updates.len(), self.targets.len());
        let mut line = format!(
            "{} {u} update{} to {t} target{}",
            if dry_run { "Would post" } else { "Posted" },
            plural(u),
            plural(t)
        );
        if self.already > 0 {
            line.push_str(&format!(
                "; {} post{} skipped, already made",
                self.already,
                plural(self.already)
            ));
        }
        if !self.failures.is_empty() {
            line.push_str(&format!(
                "; {} post{} failed",
                self.failures.len(),
                plural(self.failures.len())
            ));
        }
        if dry_run {
            line.push_str(" (dry run: nothing sent, ledger unchanged)");
        }
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_their_secret_path() {
        let t = |url: &str| Target {
            kind: TargetKind::Slack,
            url: url.into(),
        };
        assert_eq!(
            t("https://hooks.slack.com/services/T0/B0/secret").shown(),
            "slack https://hooks.slack.com/…"
        );
        assert_eq!(t("http://127.0.0.1:8080").shown(), "slack http://127.0.0.1:8080/");
        assert_eq!(t("https://user:pw@h.example/x").shown(), "slack https://h.example/…");
    }

    #[test]
    fn backoff_comes_from_the_environment() {
        assert_eq!(backoff_from_env(None), Ok(http::DEFAULT_BACKOFF));
        assert_eq!(backoff_from_env(Some("5")), Ok(Duration::from_millis(5)));
        assert!(backoff_from_env(Some("fast")).is_err());
    }
}
