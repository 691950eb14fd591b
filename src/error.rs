//! How a command fails: one error type for every command, its exit code
//! and how it is printed.
//!
//! Exit codes (README, "Exit codes"; `allclear --help`): 0 success, 1 the
//! site has errors (or warnings with `check --deny-warnings`) or something
//! could not be done (an output, a post, a lock), 2 bad usage. Clap's own
//! usage errors exit 2 too. [`Error::exit_code`] is the one place that
//! decides which.

use allclear::author::AuthorError;
use allclear::diagnostics::{Diagnostic, color_on_stderr, count_errors};
use allclear::import::ImportError;
use allclear::notify::NotifyError;
use allclear::plural::plural;
use allclear::serve::ServeError;

/// Exit code for bad usage (clap's too).
const USAGE: u8 = 2;

/// Exit code for everything else that fails.
const FAILURE: u8 = 1;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Arguments that do not fit together (two site folders, `init
    /// --site`): exit 2.
    #[error("{0}")]
    Usage(String),
    /// A flag or environment variable with a value allclear refuses
    /// (`--now`, `SOURCE_DATE_EPOCH`, `--base-url`), as a diagnostic whose
    /// file is the flag or variable and whose help says what to write:
    /// exit 2.
    #[error("{}: {}", .0.file.display(), .0.message)]
    BadValue(Box<Diagnostic>),
    /// `build` failed: the site's errors, or the output could not be
    /// written or locked. Exit 1.
    #[error(
        "Build failed: {} error{}; the output folder was not changed",
        count_errors(.0),
        plural(count_errors(.0))
    )]
    Build(Vec<Diagnostic>),
    /// `check` found errors, or warnings with `--deny-warnings`; its
    /// findings are printed already. Exit 1.
    #[error("{errors} error{}, {warnings} warning{}", plural(*.errors), plural(*.warnings))]
    Findings { errors: usize, warnings: usize },
    /// `new`, `update`, `resolve`, `reschedule`, `cancel` or `init`:
    /// exit 2 for a bad argument, else 1.
    #[error(transparent)]
    Author(#[from] AuthorError),
    /// `notify`: exit 2 for bad usage, else 1.
    #[error(transparent)]
    Notify(#[from] NotifyError),
    /// `import`: a source that cannot be read (exit 1), or as the authoring
    /// commands.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// `serve`: exit 1.
    #[error(transparent)]
    Serve(#[from] ServeError),
    /// Standard output or a file could not be written (`completions`,
    /// `man`): exit 1. `what` completes "could not …".
    #[error("could not {what}: {source}")]
    Output { what: String, source: std::io::Error },
}

impl Error {
    /// A [`Error::BadValue`] about `source` (a flag such as `--now`, or an
    /// environment variable), with what to write instead.
    pub fn bad_value(source: &str, message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::BadValue(Box::new(Diagnostic::file_error(source, message).with_help(help)))
    }

    /// A [`Error::Output`]: `what` completes "could not …".
    pub fn output(what: impl Into<String>, source: std::io::Error) -> Self {
        Error::Output {
            what: what.into(),
            source,
        }
    }

    /// The process exit code: 2 for bad usage, 1 for every other failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_)
            | Error::BadValue(_)
            | Error::Author(AuthorError::Usage { .. })
            | Error::Import(ImportError::Author(AuthorError::Usage { .. }))
            | Error::Notify(NotifyError::Usage(_)) => USAGE,
            Error::Build(_)
            | Error::Findings { .. }
            | Error::Author(AuthorError::Invalid(_) | AuthorError::Io { .. })
            | Error::Notify(
                NotifyError::Site(_) | NotifyError::PostsFailed(_) | NotifyError::Failed(_) | NotifyError::Ledger(_),
            )
            | Error::Import(
                ImportError::Source { .. } | ImportError::Author(AuthorError::Invalid(_) | AuthorError::Io { .. }),
            )
            | Error::Serve(_)
            | Error::Output { .. } => FAILURE,
        }
    }

    /// Print the failure to standard error: the diagnostics it carries
    /// (each with its file, line and help), then one line saying what
    /// failed, and what to write instead when there is such advice.
    pub fn report(&self) {
        print_diagnostics(self.diagnostics());
        match self {
            // The findings are printed, with their count, by `check`.
            Error::Findings { .. } => {}
            // The diagnostic is the whole message.
            Error::BadValue(_) => {}
            // A summary after the diagnostics, not an error of its own.
            Error::Build(_)
            | Error::Author(AuthorError::Invalid(_))
            | Error::Import(ImportError::Author(AuthorError::Invalid(_))) => eprintln!("{self}"),
            Error::Import(ImportError::Source { help, .. }) => {
                eprintln!("error: {self}");
                eprintln!("  = help: {help}");
            }
            Error::Author(AuthorError::Usage { help: Some(help), .. })
            | Error::Import(ImportError::Author(AuthorError::Usage { help: Some(help), .. })) => {
                eprintln!("error: {self}");
                eprintln!("  = help: {help}");
            }
            _ => eprintln!("error: {self}"),
        }
    }

    /// The diagnostics printed before the message.
    fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::BadValue(d) => std::slice::from_ref(d),
            Error::Build(d)
            | Error::Author(AuthorError::Invalid(d))
            | Error::Import(ImportError::Author(AuthorError::Invalid(d)))
            | Error::Notify(NotifyError::Site(d)) => d,
            _ => &[],
        }
    }
}

/// Print diagnostics to standard error, each followed by a blank line; in
/// colour when standard error is a terminal and `NO_COLOR` is unset
/// (no-color.org).
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = color_on_stderr();
    for d in diagnostics {
        eprintln!("{}\n", d.render(color));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io() -> std::io::Error {
        std::io::Error::from(std::io::ErrorKind::PermissionDenied)
    }

    #[test]
    fn bad_usage_exits_2_and_every_other_failure_1() {
        let usage = [
            Error::Usage("two site folders".into()),
            Error::bad_value("--now", "bad", "write it like this"),
            Error::Author(AuthorError::Usage {
                message: "bad".into(),
                help: None,
            }),
            Error::Notify(NotifyError::Usage("bad".into())),
        ];
        for e in &usage {
            assert_eq!(e.exit_code(), 2, "{e:?}");
        }
        let failures = [
            Error::Build(vec![]),
            Error::Findings { errors: 0, warnings: 1 },
            Error::Author(AuthorError::Invalid(vec![])),
            Error::Author(AuthorError::Io {
                path: "x".into(),
                source: io(),
            }),
            Error::Notify(NotifyError::Site(vec![])),
            Error::Notify(NotifyError::PostsFailed(vec![
                "webhook https://hooks.example/… for a@x: HTTP 500".into(),
            ])),
            Error::Notify(NotifyError::Failed("git failed".into())),
            Error::Serve(ServeError::NoSiteFolder("x".into())),
            Error::output("write to standard output", io()),
        ];
        for e in &failures {
            assert_eq!(e.exit_code(), 1, "{e:?}");
        }
    }

    #[test]
    fn messages_say_what_failed() {
        let d = Diagnostic::file_error("incidents/a.md", "bad");
        assert_eq!(
            Error::Build(vec![d.clone(), d.clone()]).to_string(),
            "Build failed: 2 errors; the output folder was not changed"
        );
        assert_eq!(
            Error::Build(vec![d]).to_string(),
            "Build failed: 1 error; the output folder was not changed"
        );
        assert_eq!(
            Error::bad_value("SOURCE_DATE_EPOCH", "`x` is bad", "set it").to_string(),
            "SOURCE_DATE_EPOCH: `x` is bad"
        );
        assert_eq!(
            Error::output("write the manual pages into /m", io()).to_string(),
            format!("could not write the manual pages into /m: {}", io())
        );
    }
}
