//! The `allclear` binary: parse arguments, run, print diagnostics, exit.
//!
//! Exit codes: 0 success, 1 the site has errors (or warnings with
//! `--deny-warnings`) or an output could not be written, 2 bad usage.

mod cli;
mod manual;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use allclear::clock::Clock;
use allclear::diagnostics::{Diagnostic, Severity};
use allclear::plural::{count, plural};
use allclear::{BuildOptions, author, notify, serve};
use cli::{BuildArgs, CheckArgs, Cli, Command, Format};

/// Exit code for bad usage (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // These read no site and no clock: a bad SOURCE_DATE_EPOCH must not stop them.
    match &cli.command {
        Command::Completions(args) => return manual::completions(args.shell),
        Command::Man(args) => return manual::man(args.out.as_deref()),
        _ => {}
    }
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
        Command::Check(args) => site_dir(args.site.clone(), site).map(|dir| check(&dir, &args, clock)),
        Command::Serve(args) => site_dir(args.site.clone(), site).map(|site_dir| {
            let options = serve::ServeOptions {
                site_dir,
                bind: args.bind,
                allowed_hosts: args.allowed_hosts,
                port: args.port,
                open: args.open,
                poll: args.poll,
                clock,
            };
            report(serve::run(options))
        }),
        Command::Notify(args) if !args.stray.is_empty() => Err(format!(
            "unexpected argument `{}`: give a webhook's URL with --webhook URL, and a Slack URL with --slack URL",
            args.stray[0]
        )),
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
                    max_posts: args.max_posts,
                    force: args.force,
                };
                notify_report(notify::run(&options))
            })
        }
        Command::Init(args) if let Err(why) = allclear::load::check_base_url(&args.base_url) => {
            Ok(bad_base_url(&args.base_url, why))
        }
        Command::Help(args) => {
            // Parse `allclear COMMAND… --help`: clap prints that help (exit 0),
            // or its error for an unknown command (exit 2).
            let words = ["allclear".to_string()]
                .into_iter()
                .chain(args.command)
                .chain(["--help".to_string()]);
            match Cli::try_parse_from(words) {
                Err(e) => e.exit(),
                Ok(_) => unreachable!("--help always ends parsing"),
            }
        }
        Command::Init(_) if site.is_some() => {
            Err("init takes the new folder as its argument, not --site: write `allclear init DIR`".to_string())
        }
        Command::Init(_) if cli.now.is_some() => {
            Err("init writes no dated file, so --now means nothing to it: leave it out".to_string())
        }
        Command::Init(args) => Ok(author_result(author::init(&args.dir, &args.title, &args.base_url).map(
            |files| {
                for f in &files {
                    eprintln!("  created {}", f.display());
                }
                let git = author::git_init(&args.dir);
                eprint!("{}", author::next_steps(&args.dir, &git));
            },
        ))),
        Command::New(cli::NewCommand::Incident(a)) => {
            let cx = author_context(site, clock);
            let request = author::NewIncident {
                title: a.title,
                impact: a.impact,
                components: a.components,
                next_update: a.next_update,
            };
            let message = a.message;
            Ok(author_result(
                author::new_incident(&cx, &request, |what| author::read_message(message, what)).map(|w| {
                    println!("{}", w.path.display());
                    eprintln!("Started incident {} in {}", w.id, w.path.display());
                }),
            ))
        }
        Command::New(cli::NewCommand::Maintenance(a)) => {
            let cx = author_context(site, clock);
            let request = author::NewMaintenance {
                title: a.title,
                from: a.from,
                until: a.until,
                components: a.components,
            };
            let message = a.message;
            Ok(author_result(
                author::new_maintenance(&cx, &request, |what| author::read_message(message, what)).map(|w| {
                    println!("{}", w.path.display());
                    eprintln!("Scheduled maintenance {} in {}", w.id, w.path.display());
                }),
            ))
        }
        Command::Update(a) => {
            let cx = author_context(site, clock);
            let request = author::UpdateRequest {
                id: a.id,
                status: a.status.clone(),
                next_update: a.next_update,
                components: a.components,
            };
            let message = a.message;
            Ok(author_result(
                author::update(&cx, &request, |what| author::read_message(message, what)).map(|w| {
                    eprintln!("Added an update ({}) to {} in {}", a.status, w.id, w.path.display());
                }),
            ))
        }
        Command::Dev(cli::DevCommand::GenSite(a)) => Ok(report(allclear::dev::gen_site(&a.dir, a.incidents, a.seed))),
        Command::Dev(cli::DevCommand::Bench(a)) => {
            Ok(allclear::dev::bench::command(&allclear::dev::bench::BenchOptions {
                sizes: a.sizes,
                runs: a.runs,
                keep: a.keep,
                seed: a.seed,
                check: a.check,
                edits: a.edits,
            }))
        }
        Command::Reschedule(a) => {
            let cx = author_context(site, clock);
            let request = author::Reschedule {
                id: a.id,
                from: a.from,
                until: a.until,
            };
            let message = a.message;
            Ok(author_result(
                author::reschedule(&cx, &request, |default| {
                    Ok(message.unwrap_or_else(|| default.to_string()))
                })
                .map(|w| {
                    eprintln!("Rescheduled {} ({})", w.id, w.path.display());
                }),
            ))
        }
        Command::Cancel(a) => {
            let cx = author_context(site, clock);
            let message = a.message;
            Ok(author_result(
                author::cancel(&cx, &a.id, |default| Ok(message.unwrap_or_else(|| default.to_string()))).map(|w| {
                    eprintln!("Cancelled {} ({})", w.id, w.path.display());
                }),
            ))
        }
        Command::Completions(_) | Command::Man(_) => unreachable!("handled before the clock is read"),
        Command::Resolve(a) => {
            let cx = author_context(site, clock);
            let message = a.message;
            Ok(author_result(
                author::resolve(&cx, &a.id, |what| author::read_message(message, what)).map(|w| {
                    eprintln!("Resolved {} ({})", w.id, w.path.display());
                }),
            ))
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

fn author_context(site: Option<PathBuf>, clock: Clock) -> author::Context {
    author::Context {
        site_dir: site.unwrap_or_else(|| PathBuf::from(".")),
        now: clock.now(),
    }
}

/// Print an authoring command's failure; exit 2 for bad arguments, 1 when
/// the site or the edit is invalid or a file could not be written.
fn author_result(result: Result<(), author::AuthorError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(author::AuthorError::Usage { message, help }) => {
            eprintln!("error: {message}");
            if let Some(help) = help {
                eprintln!("  = help: {help}");
            }
            ExitCode::from(USAGE)
        }
        Err(author::AuthorError::Invalid(diagnostics)) => {
            print_diagnostics(&diagnostics);
            eprintln!("Nothing was written: the site would not build (see above)");
            ExitCode::from(1)
        }
        Err(author::AuthorError::Io { path, source }) => {
            eprintln!("error: {}: {source}", path.display());
            ExitCode::from(1)
        }
    }
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

/// `check`: print every finding (text or JSON); exit 1 on errors, or on
/// warnings with `--deny-warnings`.
fn check(site_dir: &std::path::Path, args: &CheckArgs, clock: Clock) -> ExitCode {
    let found = allclear::check::check_site(site_dir, clock.now());
    let errors = found.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = found.len() - errors;
    match args.format {
        Format::Json => {
            let rows: Vec<allclear::check::Finding> = found.iter().map(Into::into).collect();
            println!("{}", serde_json::to_string_pretty(&rows).expect("JSON"));
        }
        Format::Text => {
            print_diagnostics(&found);
            eprintln!(
                "{}: {errors} error{}, {warnings} warning{}",
                site_dir.display(),
                plural(errors),
                plural(warnings)
            );
        }
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
    if let Some(url) = args.base_url.as_deref()
        && let Err(why) = allclear::load::check_base_url(url)
    {
        return bad_base_url(url, why);
    }
    let options = BuildOptions {
        site_dir,
        out_dir: args.out,
        base_url: args.base_url,
        now: clock.now(),
        lock_timeout: args.lock_timeout,
    };
    match allclear::build(&options) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!(
                "Built {} and {}: {} files ({}{}) into {} in {:.2} s",
                count(report.incidents, "incident"),
                count(report.maintenances, "maintenance"),
                report.files,
                human_bytes(report.bytes),
                if report.unchanged > 0 {
                    format!(", {} unchanged", report.unchanged)
                } else {
                    String::new()
                },
                report.out_dir.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            print_diagnostics(&e.diagnostics);
            let errors = e.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            eprintln!(
                "Build failed: {}; the output folder was not changed",
                count(errors, "error")
            );
            ExitCode::from(1)
        }
    }
}

/// A `--base-url` that `site.yaml` would refuse as `base_url`: bad usage,
/// found before anything is read or written.
fn bad_base_url(url: &str, why: allclear::load::BadBaseUrl) -> ExitCode {
    print_diagnostics(&[Diagnostic::file_error("--base-url", format!("`{url}` {why}"))
        .with_help("write the full address the site is served from, like `https://status.example.com`")]);
    ExitCode::from(USAGE)
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

// mimalloc: builds allocate many small strings and values on every core,
// where it is markedly faster than the system allocator (see
// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
