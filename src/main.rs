//! The `allclear` binary: parse the arguments ([`cli`]), convert them
//! ([`options`]), run the command ([`run`]), and on failure print it and
//! exit with its code ([`error`]).
//!
//! Exit codes: 0 success, 1 the site has errors (or warnings with
//! `--deny-warnings`) or something could not be done, 2 bad usage.

#![forbid(unsafe_code)]

mod cli;
mod error;
mod manual;
mod options;
mod run;

use std::process::ExitCode;

use clap::Parser;

use cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run::run(cli);
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
