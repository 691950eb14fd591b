//! The `allclear` binary: parse arguments, run, print diagnostics, exit.
//!
//! Exit codes: 0 success, 1 the site has errors or could not be written,
//! 2 bad usage.

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use allclear::diagnostics::{Diagnostic, Severity};
use allclear::{BuildOptions, clock};
use cli::{BuildArgs, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let started = Instant::now();
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let now = match clock::resolve_now(args.now.as_deref(), epoch.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            let source = if args.now.is_some() {
                "--now"
            } else {
                "SOURCE_DATE_EPOCH"
            };
            print_diagnostics(&[Diagnostic::file_error(source, e.to_string()).with_help(e.help())]);
            return ExitCode::from(2);
        }
    };
    let options = BuildOptions {
        site_dir: args.site,
        out_dir: args.out,
        base_url: args.base_url,
        now,
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
