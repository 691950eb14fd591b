//! The `allclear` binary: parse arguments, run, print diagnostics, exit.
//!
//! Exit codes: 0 success, 1 the site has errors (or warnings with
//! `--deny-warnings`) or an output could not be written, 2 bad usage.

mod cli;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use allclear::clock::Clock;
use allclear::diagnostics::{Diagnostic, Severity};
use allclear::{BuildOptions, notify, serve};
use cli::{BuildArgs, Cli, Command};

/// Exit code for bad usage (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let clock = match Clock::from_settings(cli.now.as_deref(), epoch.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            let source = if cli.now.is_some() {
                "--now"
            } else {
                "SOURCE_DATE_EPOCH"
            };
            print_diagnostics(&[Diagnostic::file_error(source, e.to_string()).with_help(e.help())]);
            return ExitCode::from(USAGE);
        }
    };
    let site = cli.site.clone();
    let result = match cli.command {
        Command::Build(args) => site_dir(args.site.clone(), site).map(|dir| build(dir, args, clock)),
        Command::Check(args) => site_dir(args.site.clone(), site).map(|dir| unavailable(&dir, "check")),
        Command::Serve(args) => site_dir(args.site.clone(), site).map(|site_dir| {
            let options = serve::ServeOptions {
                site_dir,
                bind: args.bind,
                port: args.port,
                open: args.open,
                poll: args.poll,
                clock,
            };
            report(serve::run(options))
        }),
        Command::Notify(args) => {
            notify::backoff_from_env(std::env::var(notify::BACKOFF_ENV).ok().as_deref()).map(|backoff| {
                let options = notify::NotifyOptions {
                    site_dir: site.unwrap_or_else(|| PathBuf::from(".")),
                    since: args.since,
                    webhooks: args.webhooks,
                    slacks: args.slacks,
                    dry_run: args.dry_run,
                    now: clock.now(),
                    backoff,
                };
                notify_report(notify::run(&options))
            })
        }
        Command::Init(_) | Command::New(_) | Command::Update(_) | Command::Resolve(_) => {
            Ok(unavailable(&site.unwrap_or_default(), "this command"))
        }
    };
    result.unwrap_or_else(|message| {
        eprintln!("error: {message}");
        ExitCode::from(USAGE)
    })
}

/// The site folder: the positional argument or `--site`, not two different ones.
fn site_dir(positional: Option<PathBuf>, flag: Option<PathBuf>) -> Result<PathBuf, String> {
    match (positional, flag) {
        (Some(a), Some(b)) if a != b => Err(format!(
            "two site folders given: {} and --site {}; give one",
            a.display(),
            b.display()
        )),
        (Some(dir), _) | (None, Some(dir)) => Ok(dir),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

fn unavailable(_site: &std::path::Path, what: &str) -> ExitCode {
    eprintln!("error: {what} is not available yet");
    ExitCode::from(1)
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

/// `notify`'s exit: 0, 1 for failed posts or site errors (printed), 2 for
/// bad usage.
fn notify_report(result: Result<(), notify::NotifyError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let notify::NotifyError::Site(diagnostics) = &e {
                print_diagnostics(diagnostics);
            }
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn build(site_dir: PathBuf, args: BuildArgs, clock: Clock) -> ExitCode {
    let started = Instant::now();
    let options = BuildOptions {
        site_dir,
        out_dir: args.out,
        base_url: args.base_url,
        now: clock.now(),
    };
    match allclear::build(&options) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!(
                "Built {} incidents and {} maintenances: {} files ({}) into {} in {:.2} s",
                report.incidents,
                report.maintenances,
                report.files,
                human_bytes(report.bytes),
                report.out_dir.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_diagnostics(&e.diagnostics);
            let errors = e.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            eprintln!(
                "Build failed: {errors} error{}; the output folder was not changed",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diagnostics {
        eprintln!("{}\n", d.render(color));
    }
}

fn human_bytes(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}
