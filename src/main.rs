//! The `allclear` binary: parse the arguments ([`cli`]), convert them
//! ([`options`]), run the command ([`run`]), and on failure print it and
//! exit with its code ([`error`]).
//!
//! Exit codes: 0 success, 1 the site has errors (or warnings with
//! `--deny-warnings`) or something could not be done, 2 bad usage.

mod cli;
mod error;
mod manual;
mod options;
mod run;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, DevCommand};
use error::Error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        // The hidden developer commands (`dev bench` reports its own exit code).
        Command::Dev(DevCommand::Bench(a)) => {
            return allclear::dev::bench::command(&allclear::dev::bench::BenchOptions {
                sizes: a.sizes,
                runs: a.runs,
                keep: a.keep,
                seed: a.seed,
                check: a.check,
                edits: a.edits,
            });
        }
        Command::Dev(DevCommand::GenSite(a)) => {
            allclear::dev::gen_site(&a.dir, a.incidents, a.seed).map_err(Error::Dev)
        }
        _ => run::run(cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            e.report();
            ExitCode::from(e.exit_code())
        }
    }
}

// mimalloc: builds allocate many small strings and values on every core,
// where it is markedly faster than the system allocator (see
// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
