//! `allclear serve`: a live preview. Not implemented yet.

use std::path::PathBuf;

use crate::clock::Clock;

/// What `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site_dir: PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    pub clock: Clock,
}

/// Serve the site until Ctrl-C.
///
/// # Errors
/// A message for the user.
pub fn run(_options: ServeOptions) -> Result<(), String> {
    Err("serve is not available yet".into())
}
