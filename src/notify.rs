//! `allclear notify`: post new updates to webhooks. Not implemented yet.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

/// What `notify` needs.
#[derive(Debug, Clone)]
pub struct NotifyOptions {
    pub site_dir: PathBuf,
    pub since: String,
    pub webhooks: Vec<String>,
    pub slacks: Vec<String>,
    pub dry_run: bool,
    pub now: DateTime<Utc>,
}

/// Post every update added or changed since `since`.
///
/// # Errors
/// A message for the user.
pub fn run(_options: &NotifyOptions) -> Result<(), String> {
    Err("notify is not available yet".into())
}
