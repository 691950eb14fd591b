//! `allclear completions SHELL` and `allclear man`: the shell completion
//! scripts (clap_complete) and the roff manual pages (clap_mangen), both
//! generated from the same clap definition as `--help`, so they never
//! drift from it.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Error;

/// Print the completion script for `shell` to standard output.
///
/// # Errors
/// [`Error::Output`] when standard output cannot be written (a closed pipe
/// included).
pub fn completions(shell: Shell) -> Result<(), Error> {
    let mut cmd = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut cmd, "allclear", &mut buffer);
    write_stdout(&buffer)
}

/// Print allclear(1) to standard output, or with `out` write allclear.1
/// and one page per visible command (`allclear-build.1`,
/// `allclear-new-incident.1`, …) into that folder, creating it. `help`
/// gets no page (a manual page is the help; `allclear help CMD` is
/// `CMD --help`).
///
/// # Errors
/// [`Error::Output`], naming the folder, when it cannot be created or
/// written, or when standard output cannot be written.
pub fn man(out: Option<&Path>) -> Result<(), Error> {
    let cmd = Cli::command().mut_subcommand("help", |help| help.hide(true));
    match out {
        None => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buffer)
                .map_err(|e| Error::output("render the manual page", e))?;
            write_stdout(&buffer)
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .and_then(|()| clap_mangen::generate_to(cmd, dir))
                .map_err(|e| Error::output(format!("write the manual pages into {}", dir.display()), e))?;
            eprintln!("Wrote the manual pages into {}", dir.display());
            Ok(())
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::output("write to standard output", e))
}
