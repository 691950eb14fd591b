//! Each command run: its options from [`crate::options`], the library's
//! command, and what it prints when it succeeds. Failures are returned as
//! [`Error`], which `main` prints and turns into the exit code.

use std::path::Path;
use std::time::Instant;

use allclear::author;
use allclear::check::Finding;
use allclear::clock::Clock;
use allclear::diagnostics::count_errors;
use allclear::plural::{count, plural};
use allclear::{import, notify, serve};

use crate::cli::{CheckArgs, Cli, Command, Format, ImportCommand, NewCommand};
use crate::error::{Error, print_diagnostics};
use crate::manual;
use crate::options::{Global, Request};

/// Run the command `cli` names.
///
/// # Errors
/// The command's failure; its message is not printed yet.
pub fn run(cli: Cli) -> Result<(), Error> {
    let global = Global::of(&cli);
    // These read no site and no clock: a bad SOURCE_DATE_EPOCH must not stop them.
    match &cli.command {
        Command::Completions(args) => return manual::completions(args.shell),
        Command::Man(args) => return manual::man(args.out.as_deref()),
        _ => {}
    }
    let clock = global.clock()?;
    match cli.command {
        Command::Build(args) => {
            let site_dir = global.site_dir(args.site.clone())?;
            build(&args.options(site_dir, clock)?)
        }
        Command::Check(args) => check(&global.site_dir(args.site.clone())?, &args, clock),
        Command::Serve(args) => {
            let site_dir = global.site_dir(args.site.clone())?;
            Ok(serve::run(args.options(site_dir, clock))?)
        }
        Command::Notify(args) => {
            let backoff = std::env::var(notify::BACKOFF_ENV).ok();
            let options = args.options(global.site_dir(None)?, clock, backoff.as_deref())?;
            Ok(notify::run(&options)?)
        }
        Command::Init(args) => {
            global.check_init(&args)?;
            let files = author::init(&args.dir, &args.title, &args.base_url)?;
            for f in &files {
                eprintln!("  created {}", f.display());
            }
            let git = author::git_init(&args.dir);
            eprint!("{}", author::next_steps(&args.dir, &git));
            Ok(())
        }
        Command::New(NewCommand::Incident(args)) => {
            let cx = global.author_context(clock);
            match args.request()? {
                (Request::Translation(t), message) => translate(&cx, &t, message),
                (Request::Entry(request), message) => {
                    let w = author::new_incident(&cx, &request, |what| author::read_message(message, what))?;
                    println!("{}", w.path.display());
                    eprintln!("Started incident {} in {}", w.id, w.path.display());
                    Ok(())
                }
            }
        }
        Command::New(NewCommand::Maintenance(args)) => {
            let cx = global.author_context(clock);
            match args.request()? {
                (Request::Translation(t), message) => translate(&cx, &t, message),
                (Request::Entry(request), message) => {
                    let w = author::new_maintenance(&cx, &request, |what| author::read_message(message, what))?;
                    println!("{}", w.path.display());
                    eprintln!("Scheduled maintenance {} in {}", w.id, w.path.display());
                    Ok(())
                }
            }
        }
        Command::Update(args) => {
            let cx = global.author_context(clock);
            match args.request()? {
                (Request::Translation(t), message) => translate(&cx, &t, message),
                (Request::Entry(request), message) => {
                    let w = author::update(&cx, &request, |what| author::read_message(message, what))?;
                    let status = request.status.as_str();
                    eprintln!("Added an update ({status}) to {} in {}", w.id, w.path.display());
                    Ok(())
                }
            }
        }
        Command::Resolve(args) => {
            let cx = global.author_context(clock);
            match args.request() {
                (Request::Translation(t), message) => translate(&cx, &t, message),
                (Request::Entry(id), message) => {
                    let w = author::resolve(&cx, &id, |what| author::read_message(message, what))?;
                    eprintln!("Resolved {} ({})", w.id, w.path.display());
                    Ok(())
                }
            }
        }
        Command::Reschedule(args) => {
            let (request, message) = args.request();
            let w = author::reschedule(&global.author_context(clock), &request, |default| {
                Ok(message.unwrap_or_else(|| default.to_string()))
            })?;
            eprintln!("Rescheduled {} ({})", w.id, w.path.display());
            Ok(())
        }
        Command::Cancel(args) => {
            let message = args.message;
            let w = author::cancel(&global.author_context(clock), &args.id, |default| {
                Ok(message.unwrap_or_else(|| default.to_string()))
            })?;
            eprintln!("Cancelled {} ({})", w.id, w.path.display());
            Ok(())
        }
        Command::Help(args) => help(args.command),
        Command::Import(ImportCommand::Statuspage(args)) => {
            let site_dir = global.site_dir(None)?;
            let imported = import::statuspage::read(&args.source)?;
            let options = import::ImportOptions { force: args.force };
            let report = import::write(&site_dir, imported, &options)?;
            import_report(&site_dir, &args.source, &report);
            Ok(())
        }
        Command::Completions(_) | Command::Man(_) => unreachable!("run before the clock is read"),
    }
}

/// `allclear help COMMAND…`: parse `allclear COMMAND… --help`, so clap
/// prints that help (exit 0), or its error for an unknown command (exit 2).
fn help(command: Vec<String>) -> ! {
    use clap::Parser;
    let words = ["allclear".to_string()]
        .into_iter()
        .chain(command)
        .chain(["--help".to_string()]);
    match Cli::try_parse_from(words) {
        Err(e) => e.exit(),
        Ok(_) => unreachable!("--help always ends parsing"),
    }
}

/// `--lang` on `new`, `update` or `resolve`: write the translation, print
/// its file on standard output (as `new` prints the entry's), and say what
/// was written and what to do next on standard error.
fn translate(cx: &author::Context, t: &author::Translation, message: Option<String>) -> Result<(), Error> {
    let w = author::translate(cx, t, |what| author::read_message(message, what))?;
    println!("{}", w.path.display());
    let verb = if w.created { "Created" } else { "Updated" };
    let title = if t.title.is_some() { " and the title" } else { "" };
    eprintln!(
        "{verb} {}: the {} translation of the update at {}{title} of {}",
        w.path.display(),
        w.lang,
        w.at,
        w.id
    );
    eprintln!(
        "Next: `allclear check`, then `allclear serve` shows it under /{}/",
        w.lang
    );
    Ok(())
}

/// `import`'s closing report, on standard error: what was written, the
/// counts, the entries kept, and every note.
fn import_report(site_dir: &Path, source: &str, r: &import::ImportReport) {
    for f in &r.created_site {
        eprintln!("  created {}", f.display());
    }
    for f in &r.created {
        eprintln!("  created {}", site_dir.join(f).display());
    }
    for f in &r.updated {
        eprintln!("  updated {}", site_dir.join(f).display());
    }
    for f in &r.kept {
        eprintln!(
            "warning: {} was edited or deleted since the last import: kept as it is (--force writes it again)",
            site_dir.join(f).display()
        );
    }
    for n in &r.notes {
        eprintln!("note: {}: {}", n.origin, n.message);
    }
    if source.starts_with("http://") || source.starts_with("https://") {
        eprintln!(
            "note: a page's public API holds only its newest 50 incidents; older ones need the management API (--api-key, coming) or saved JSON files"
        );
    }
    eprintln!(
        "Imported {}, {}, {} and {} into {}: {} created, {} updated, {} unchanged, {} kept",
        count(r.components, "component"),
        count(r.incidents, "incident"),
        count(r.updates, "update"),
        count(r.maintenances, "maintenance"),
        site_dir.display(),
        r.created.len(),
        r.updated.len(),
        r.unchanged,
        r.kept.len()
    );
}

/// `build`: print its warnings and a summary.
fn build(options: &allclear::BuildOptions) -> Result<(), Error> {
    let started = Instant::now();
    let report = allclear::build(options).map_err(|e| Error::Build(e.diagnostics))?;
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
    Ok(())
}

/// `check`: print every finding (text or JSON); fail on errors, or on
/// warnings with `--deny-warnings`.
fn check(site_dir: &Path, args: &CheckArgs, clock: Clock) -> Result<(), Error> {
    let found = allclear::check::check_site(site_dir, clock.now());
    let errors = count_errors(&found);
    let warnings = found.len() - errors;
    match args.format {
        Format::Json => {
            let rows: Vec<Finding> = found.iter().map(Into::into).collect();
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
        Err(Error::Findings { errors, warnings })
    } else {
        Ok(())
    }
}

fn human_bytes(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}
