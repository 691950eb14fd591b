//! Errors and warnings about a site's files, each tied to a file, a line and
//! a column, and printed the way compilers print them:
//!
//! ```text
//! error: site/incidents/2026-11-20-api.md:7:13: unknown incident status `fixed`
//!   |
//! 7 |     status: fixed
//!   |             ^^^^^
//!   = help: write one of: investigating, identified, monitoring, resolved
//! ```
//!
//! Lines count from the top of the file, front matter included, from 1;
//! columns count characters from 1. Rendering uses `annotate-snippets`.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a [`Diagnostic`] is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a site, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, as the user names it (the site path they gave joined with
    /// the file's path inside the site).
    pub file: PathBuf,
    /// 1-based line in the whole file; 0 when the problem is the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub col: usize,
    /// What is wrong, in one sentence without a final period.
    pub message: String,
    /// What to write instead, when there is something to suggest.
    pub help: Option<String>,
    /// The text of line `line`, without its newline, shown under the message.
    pub source_line: Option<String>,
    /// How many characters from `col` the caret underlines (at least 1).
    pub span_len: usize,
    /// A stable name for the kind of problem, for machines (`check
    /// --format json`): `invalid` for content-format errors unless more
    /// specific, a warning's own name (`next-update-overdue`, ...).
    pub code: &'static str,
}

impl Diagnostic {
    /// An error about a whole file (or folder), with no line to show.
    pub fn file_error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
            help: None,
            source_line: None,
            span_len: 1,
            code: "invalid",
        }
    }

    /// An error at `line`:`col` of `text`, the content of `file`. The caret
    /// underlines the token that starts there.
    pub fn at(file: &Path, text: &str, line: usize, col: usize, message: impl Into<String>) -> Self {
        let source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        let span_len = source_line.as_deref().map(|l| token_len(l, col)).unwrap_or(1);
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line,
            col,
            message: message.into(),
            help: None,
            source_line,
            span_len,
            code: "invalid",
        }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic with a machine-readable code.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `FILE:LINE:COL`, or `FILE` for a whole-file problem.
    pub fn location(&self) -> String {
        match (self.line, self.col) {
            (0, _) => self.file.display().to_string(),
            (l, 0) => format!("{}:{l}", self.file.display()),
            (l, c) => format!("{}:{l}:{c}", self.file.display()),
        }
    }

    /// The full report: the `error: FILE:LINE:COL: message` line, the source
    /// line with a caret, and the help. `color` adds ANSI colours.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = format!("{}: {}", self.location(), self.message);
        let Some(source) = &self.source_line else {
            // Nothing to point at: the message and the help, without an empty gutter.
            let head = renderer_for(color).render(&[Group::with_title(level.primary_title(&title))]);
            return match &self.help {
                Some(help) => format!("{head}\n  = help: {help}"),
                None => head,
            };
        };
        let start = char_to_byte(source, self.col.saturating_sub(1));
        let end = char_to_byte(source, self.col.saturating_sub(1) + self.span_len).max(start);
        let mut report = vec![
            level.primary_title(&title).element(
                Snippet::source(source.as_str())
                    .line_start(self.line)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            ),
        ];
        if let Some(help) = &self.help {
            report.push(Group::with_title(Level::HELP.secondary_title(help)));
        }
        renderer_for(color).render(&report)
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `error: FILE:LINE:COL: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{word}: {}: {}", self.location(), self.message)
    }
}

fn renderer_for(color: bool) -> Renderer {
    if color { Renderer::styled() } else { Renderer::plain() }
}

/// The length in characters of the token starting at 1-based `col`: up to
/// the end of the line, or to a `:`, `,` or bracket that ends a YAML key or
/// flow item; at least 1.
fn token_len(line: &str, col: usize) -> usize {
    let rest: String = line.chars().skip(col.saturating_sub(1)).collect();
    let rest = rest.trim_end();
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
        && let Some(close) = rest[1..].find(quote)
    {
        return rest[..close + 2].chars().count();
    }
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            (c == ':' && (rest[i + 1..].starts_with([' ', '\t']) || i + 1 == rest.len()))
                || matches!(c, ',' | ']' | '}' | '#')
        })
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    rest[..end].trim_end().chars().count().max(1)
}

/// The byte offset of the `n`th character of `s` (or its length).
fn char_to_byte(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.len())
}

/// How many of `diagnostics` are errors (the rest are warnings): the count
/// a failed build, check or preview reports.
pub fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
}

/// Whether diagnostics printed to standard error are coloured: when it is
/// a terminal and `NO_COLOR` is not set (no-color.org).
pub fn color_on_stderr() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The best match for `word` among `candidates`, if one is close enough to be
/// a likely typo (Jaro-Winkler similarity of at least 0.8).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_line_and_caret() {
        let text = "---\ntitle: x\nimpact: huge\n---\n";
        let d = Diagnostic::at(Path::new("s/i.md"), text, 3, 9, "unknown impact `huge`")
            .with_help("write one of: none, minor, major, critical");
        let out = d.render(false);
        assert!(out.starts_with("error: s/i.md:3:9: unknown impact `huge`"), "{out}");
        assert!(out.contains("3 | impact: huge"), "{out}");
        assert!(out.contains("^^^^"), "{out}");
        assert!(out.contains("help: write one of"), "{out}");
    }

    #[test]
    fn token_len_stops_at_key_colon() {
        assert_eq!(token_len("  titel: x", 3), 5);
        assert_eq!(token_len("  at: 2026-11-20T14:03:00Z", 7), 20);
        assert_eq!(token_len("components: [api, web]", 14), 3);
        assert_eq!(token_len(r#"accent_color: "red; } x""#, 15), 10);
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("titel", ["title", "impact"]), Some("title"));
        assert_eq!(closest("zzz", ["title", "impact"]), None);
    }

    #[test]
    fn errors_are_counted_apart_from_warnings() {
        let e = Diagnostic::file_error("site.yaml", "bad");
        assert_eq!(count_errors(&[]), 0);
        assert_eq!(count_errors(&[e.clone(), e.clone().warning(), e]), 2);
    }
}
