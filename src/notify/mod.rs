//! `allclear notify`: post the updates added or changed since a git
//! revision to webhooks and Slack-compatible incoming webhooks. It runs in
//! CI after a build.
//!
//! 1. The site is loaded as it is now, and as it was at `--since`: `git`
//!    writes the old revision's files into a temporary folder and the same
//!    [`crate::load::load`] reads them. When the old revision does not
//!    load, [`baseline`] walks back along first parents to the newest
//!    commit where it does, and says which.
//! 2. [`diff`] finds the new and changed updates, by identity (entry id and
//!    time), not by text.
//! 3. [`payload`] builds each update's bodies from the API's objects.
//! 4. Before anything is sent, the posts each target would receive are
//!    counted (leaving out those the ledger has): more than `--max-posts`
//!    to one target is refused, exit 2, unless `--force`.
//! 5. [`http`] posts them, with retries; the [`ledger`] in the git folder
//!    records each success, so running the same command again posts
//!    nothing. A target that fails is not sent later updates in this run,
//!    so receivers never see updates out of order; the run then exits 1
//!    naming what failed, after trying every other target.
//!
//! Updates dated after the reference time are not published yet and are
//! not posted. Webhook URLs are secrets: every message, the dry run's
//! output, the ledger and `Debug` show them through [`redact`] only.

pub mod baseline;
pub mod diff;
pub(crate) mod git;
pub mod http;
pub mod ledger;
pub mod payload;
pub mod redact;
pub mod target;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::diagnostics::{Diagnostic, count_errors};
use crate::format;
use crate::load::{LoadOptions, load};
use ledger::Ledger;
pub use redact::SecretUrl;
use target::TargetKind;

/// The environment variable that sets the wait before the first retry, in
/// milliseconds (tests make it short).
pub const BACKOFF_ENV: &str = "ALLCLEAR_NOTIFY_BACKOFF_MS";

/// The default of `--max-posts`: the most posts one target may receive in a
/// run without `--force`.
pub const DEFAULT_MAX_POSTS: usize = 20;

/// What `notify` needs. Its `Debug` shows URLs redacted.
#[derive(Debug, Clone)]
pub struct NotifyOptions {
    pub site_dir: PathBuf,
    /// A git revision: what changed since it is posted.
    pub since: String,
    /// Generic webhook URLs (Statuspage-style JSON).
    pub webhooks: Vec<SecretUrl>,
    /// Slack-compatible incoming-webhook URLs.
    pub slacks: Vec<SecretUrl>,
    /// Print what would be sent; send nothing, write no ledger.
    pub dry_run: bool,
    /// The reference time.
    pub now: DateTime<Utc>,
    /// The wait before the first retry (it doubles for each further one).
    pub backoff: Duration,
    /// The most posts (one per update) any one target may receive in this
    /// run; more are refused, before anything is sent, unless `force`.
    /// Posts the ledger says were made already do not count.
    pub max_posts: usize,
    /// Post even when a target would receive more than `max_posts`.
    pub force: bool,
}

/// Why `notify` did not succeed. The binary maps each kind to its exit
/// code (`src/error.rs`): 2 for bad usage, 1 for the others, as
/// `allclear notify --help` documents.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// Bad usage: an unknown revision, a bad URL or
    /// `ALLCLEAR_NOTIFY_BACKOFF_MS`, no git repository, or more than
    /// `--max-posts` without `--force`.
    #[error("{0}")]
    Usage(String),
    /// The current site has errors; the diagnostics are printed before
    /// this message.
    #[error("the site has {}; fix them before notifying", crate::plural::count(count_errors(.0), "error"))]
    Site(Vec<Diagnostic>),
    /// Posts failed, after every target was tried: one line per failure
    /// (target, update, why and after how many attempts).
    #[error(
        "{} post{} failed (they are posted by the next run):\n  {}",
        .0.len(),
        plural(.0.len()),
        .0.join("\n  ")
    )]
    PostsFailed(Vec<String>),
    /// Git failed, or a temporary folder could not be made.
    #[error("{0}")]
    Failed(String),
    /// The ledger could not be read or written.
    #[error(transparent)]
    Ledger(#[from] ledger::LedgerError),
}

/// The wait before the first retry: `ALLCLEAR_NOTIFY_BACKOFF_MS` if set,
/// else [`http::DEFAULT_BACKOFF`].
///
/// # Errors
/// [`NotifyError::Usage`] naming the variable when the value is not a
/// whole number of milliseconds.
pub fn backoff_from_env(value: Option<&str>) -> Result<Duration, NotifyError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(http::DEFAULT_BACKOFF),
        Some(v) => v
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| NotifyError::Usage(format!("{BACKOFF_ENV} `{v}` is not a whole number of milliseconds"))),
    }
}

/// One update to post, and the targets it has not yet been posted to.
struct Planned<'a> {
    found: &'a diff::Found,
    bodies: payload::Payloads,
    hash: String,
    /// Indexes into the targets.
    pending: Vec<usize>,
}

/// Post every update added or changed since `options.since`.
///
/// Prints what it does to standard error, the bodies of a dry run to
/// standard output, and ends with a one-line summary. Before sending
/// anything it counts the posts each target would receive; more than
/// `max_posts` to any one target is refused unless `force` (a dry run
/// warns instead).
///
/// # Errors
/// [`NotifyError`]: bad usage (including the refusal), a site with errors,
/// or posts that failed (after every target was tried).
pub fn run(options: &NotifyOptions) -> Result<(), NotifyError> {
    let targets = target::targets(&options.webhooks, &options.slacks)?;
    if targets.is_empty() && !options.dry_run {
        return Err(NotifyError::Usage(
            "give at least one --webhook URL or --slack URL (or --dry-run to see what would be posted)".into(),
        ));
    }
    let repo = git::Repo::open(&options.site_dir)?;
    let commit = repo.resolve(&options.since)?;
    let current = load(&options.site_dir, &LoadOptions::default()).map_err(NotifyError::Site)?;
    let base = baseline::find(&repo, &options.since, &commit)?;

    let mut found = diff::changes(base.site.as_ref(), &current.site);
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
    if found.is_empty() {
        eprintln!("No new or changed updates since {}: nothing to post", base.label);
        return Ok(());
    }

    if targets.is_empty() {
        for f in &found {
            println!("{} ({})", f.update.key, f.change.as_str());
        }
        if found.len() > options.max_posts && !options.force {
            eprintln!(
                "warning: {}",
                too_many(
                    "a run with targets would refuse to post",
                    &[(found.len(), "each target".into())],
                    options,
                    &base
                )
            );
        }
        eprintln!(
            "Found {} new or changed update{} since {}; no target given (dry run)",
            found.len(),
            plural(found.len()),
            base.label
        );
        return Ok(());
    }
    let ledger_path = repo.common_dir.join(ledger::FILE_NAME);
    let mut ledger = Ledger::load(&ledger_path)?;
    let client = http::Client::new(options.backoff);
    let posted_at = format::iso_utc(options.now);

    let mut tally = Tally::default();
    let mut plan: Vec<Planned> = Vec::new();
    let mut per_target = vec![0usize; targets.len()];
    for f in &found {
        let Some(bodies) = payload::build(&current, f, options.now) else {
            continue;
        };
        let hash = f.update.content_hash();
        let mut pending = Vec::new();
        for (i, target) in targets.iter().enumerate() {
            if ledger.contains(target.url.expose(), &f.update.key, &hash) {
                tally.already += 1;
            } else {
                per_target[i] += 1;
                pending.push(i);
            }
        }
        plan.push(Planned {
            found: f,
            bodies,
            hash,
            pending,
        });
    }
    let over: Vec<(usize, String)> = per_target
        .iter()
        .zip(&targets)
        .filter(|(n, _)| **n > options.max_posts)
        .map(|(n, t)| (*n, t.label.clone()))
        .collect();
    let refused = !over.is_empty() && !options.force;
    if refused && !options.dry_run {
        return Err(NotifyError::Usage(too_many(
            "nothing was sent: refusing to post",
            &over,
            options,
            &base,
        )));
    }

    for planned in &plan {
        let (f, bodies, hash) = (planned.found, &planned.bodies, &planned.hash);
        let update = &f.update;
        for &i in &planned.pending {
            let target = &targets[i];
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
                    target.label,
                    update.key,
                    f.change.as_str()
                );
                tally.sent(i, update);
                continue;
            }
            if tally.broken.contains(&i) {
                tally.failures.push(format!(
                    "{} for {}: not sent, after an earlier update failed there",
                    target.label, update.key
                ));
                continue;
            }
            match client.post_json(target.url.expose(), &body) {
                Ok(_) => {
                    eprintln!("  sent {} ({}) to {}", update.key, f.change.as_str(), target.label);
                    ledger.record(target.url.expose(), &update.key, hash, &posted_at);
                    ledger.save(&ledger_path)?;
                    tally.sent(i, update);
                }
                Err(failure) => {
                    eprintln!(
                        "  failed {} ({}) to {}: {}",
                        update.key,
                        f.change.as_str(),
                        target.label,
                        failure.reason
                    );
                    tally.failures.push(format!(
                        "{} for {}: {} after {} attempt{}",
                        target.label,
                        update.key,
                        failure.reason,
                        failure.attempts,
                        plural(failure.attempts as usize)
                    ));
                    tally.broken.insert(i);
                }
            }
        }
    }
    if refused {
        eprintln!(
            "warning: {}",
            too_many("without --dry-run, notify would refuse to post", &over, options, &base)
        );
    }
    eprintln!("{}", tally.summary(options.dry_run));
    if tally.failures.is_empty() {
        Ok(())
    } else {
        Err(NotifyError::PostsFailed(tally.failures))
    }
}

/// The refusal: which targets would receive more than `--max-posts`, why
/// (when the baseline is not the site at `--since`), and how to go on.
/// `what` is how the message starts, e.g. `nothing was sent: refusing to
/// post`.
fn too_many(what: &str, over: &[(usize, String)], options: &NotifyOptions, base: &baseline::Baseline) -> String {
    let counts: Vec<String> = over
        .iter()
        .map(|(n, label)| format!("{n} update{} to {label}", plural(*n)))
        .collect();
    let most = over.iter().map(|(n, _)| *n).max().unwrap_or_default();
    let mut message = format!(
        "{what} {}: more than --max-posts {} to one target.",
        counts.join(", "),
        options.max_posts
    );
    if let Some(note) = &base.note {
        message.push_str(&format!(" {note}."));
    }
    message.push_str(&format!(
        "\n  To post them all, run again with --force (or --max-posts {most}). To post only what changed \
         since a later commit, give --since that commit."
    ));
    if !options.dry_run {
        message.push_str(" --dry-run shows every post.");
    }
    message
}

/// What a run did, for the summary.
#[derive(Default)]
struct Tally {
    updates: BTreeSet<String>,
    /// Indexes into the targets.
    targets: BTreeSet<usize>,
    already: usize,
    failures: Vec<String>,
    /// Targets that failed: later updates are not sent there.
    broken: BTreeSet<usize>,
}

impl Tally {
    fn sent(&mut self, target: usize, update: &diff::Update) {
        self.updates.insert(update.key.clone());
        self.targets.insert(target);
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

pub(crate) use crate::plural::plural;

#[cfg(test)]
mod tests {
    use super::*;

    fn options(webhooks: &[&str], slacks: &[&str]) -> NotifyOptions {
        NotifyOptions {
            site_dir: PathBuf::from("."),
            since: "HEAD~1".into(),
            webhooks: webhooks.iter().map(|u| SecretUrl::new(*u)).collect(),
            slacks: slacks.iter().map(|u| SecretUrl::new(*u)).collect(),
            dry_run: false,
            now: DateTime::UNIX_EPOCH,
            backoff: Duration::ZERO,
            max_posts: DEFAULT_MAX_POSTS,
            force: false,
        }
    }

    #[test]
    fn debug_output_never_holds_a_url_secret() {
        let o = options(
            &["https://hooks.example/services/SECRET"],
            &["htps://x.example/a/b/SECRET"],
        );
        let debug = format!("{o:?} {:?}", target::targets(&o.webhooks, &[]).unwrap());
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("hooks.example/services/…"), "{debug}");
    }

    #[test]
    fn backoff_comes_from_the_environment() {
        assert_eq!(backoff_from_env(None).unwrap(), http::DEFAULT_BACKOFF);
        assert_eq!(backoff_from_env(Some("5")).unwrap(), Duration::from_millis(5));
        let bad = backoff_from_env(Some("fast")).unwrap_err();
        assert!(matches!(bad, NotifyError::Usage(_)), "{bad:?}");
        assert!(bad.to_string().starts_with(BACKOFF_ENV), "{bad}");
    }
}
