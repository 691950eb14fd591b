//! `cargo dev …` (the alias in `.cargo/config.toml`): allclear's developer
//! tools. Exit codes: 0 success, 1 a failure (or with `bench --check`, a
//! missed target), 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use allclear_dev::bench::{self, BenchOptions};

/// allclear's developer tools: a synthetic site and the build benchmark (docs/performance.md).
#[derive(Debug, Parser)]
#[command(name = "cargo dev", bin_name = "cargo dev", disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: DevCommand,
}

#[derive(Debug, Subcommand)]
enum DevCommand {
    /// Write a deterministic synthetic site that builds cleanly at 2026-11-20T15:00:00Z.
    #[command(after_help = "Example:\n  cargo dev gen-site /tmp/site --incidents 10000 --seed 1\n")]
    GenSite(GenSiteArgs),

    /// Time the release build of allclear on synthetic sites and compare it with the I/O floor.
    #[command(after_help = "Example:\n  cargo dev bench --sizes 1000,10000 --runs 3 --check\n")]
    Bench(BenchArgs),
}

#[derive(Debug, Args)]
struct GenSiteArgs {
    /// The folder to write (new or empty).
    dir: PathBuf,

    /// How many incidents (maintenances: one per 20).
    #[arg(long)]
    incidents: usize,

    /// The same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// A second language, German: `languages: [de]`, the site's texts translated, and a translation file for every other incident.
    #[arg(long)]
    translations: bool,
}

#[derive(Debug, Args)]
struct BenchArgs {
    /// Site sizes in incidents, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    sizes: Vec<usize>,

    /// Builds per size; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,

    /// Keep the sites and outputs in DIR (a site already there is reused).
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,

    /// The generator's seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Exit 1 when a target is missed (10k: 0.5 s, 300 MiB, 3x the I/O floor, serve 100 ms; 100k: 6 s, 2 GiB; growth 12x).
    #[arg(long)]
    check: bool,

    /// Edits to time in `allclear serve` per size, from saving the file to the changed page; 0 skips.
    #[arg(long, default_value_t = 5)]
    edits: usize,

    /// Time sites with a second language (gen-site --translations).
    #[arg(long)]
    translations: bool,

    /// The allclear binary to time [default: this workspace's, built first with cargo build --release -p allclear].
    #[arg(long, value_name = "PATH")]
    exe: Option<PathBuf>,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        DevCommand::GenSite(a) => match allclear_dev::gen_site(&a.dir, a.incidents, a.seed, a.translations) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        DevCommand::Bench(a) => bench::command(&BenchOptions {
            exe: a.exe,
            sizes: a.sizes,
            runs: a.runs,
            keep: a.keep,
            seed: a.seed,
            check: a.check,
            edits: a.edits,
            translations: a.translations,
        }),
    }
}
