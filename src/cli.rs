//! The command line (clap). Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// allclear: a static status page from a folder of YAML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "allclear", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: pages, feeds and history into the output folder.
    ///
    /// The output folder is replaced atomically; a failed build leaves the
    /// previous site untouched.
    #[command(
        after_help = "Examples:\n  allclear build\n  allclear build example-site --now 2026-11-20T15:00:00Z\n  SOURCE_DATE_EPOCH=1795186800 allclear build my-status --out dist\n"
    )]
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder (holds site.yaml).
    #[arg(default_value = ".")]
    pub site: PathBuf,

    /// Where to write the site [default: SITE/public].
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Absolute URL the site is served from; overrides base_url in site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// The reference time, RFC 3339 [default: $SOURCE_DATE_EPOCH, else the current time].
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
}
