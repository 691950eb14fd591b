//! `allclear completions SHELL` and `allclear man`: the shell completion
//! scripts (clap_complete) and the roff manual pages (clap_mangen), both
//! generated from the same clap definition as `--help`, so they never
//! drift from it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Print the completion script for `shell` to standard output. Exit 1
/// when standard output cannot be written (a closed pipe included).
pub fn completions(shell: Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut cmd, "allclear", &mut buffer);
    write_stdout(&buffer)
}

/// Print allclear(1) to standard output, or with `out` write allclear.1
/// and one page per visible command (`allclear-build.1`,
/// `allclear-new-incident.1`, …) into that folder, creating it. `help`
/// gets no page (a manual page is the help; `allclear help CMD` is
/// `CMD --help`). Exit 1, naming the folder, when it cannot be
/// created or written.
pub fn man(out: Option<&Path>) -> ExitCode {
    let cmd = Cli::command().mut_subcommand("help", |help| help.hide(true));
    match out {
        None => {
            let mut buffer = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buffer) {
                eprintln!("error: could not render the manual page: {e}");
                return ExitCode::from(1);
            }
            write_stdout(&buffer)
        }
        Some(dir) => {
            let written = std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir));
            match written {
                Ok(()) => {
                    eprintln!("Wrote the manual pages into {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: could not write the manual pages into {}: {e}", dir.display());
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write to standard output: {e}");
            ExitCode::from(1)
        }
    }
}
