//! Where the YAML front matter of a `.md` entry is: the one reading of it,
//! for load (which parses the YAML and renders the body) and for the
//! commands that edit an entry in place (`allclear update`, …).
//!
//! The rule (`docs/content-format.md`, "A site folder"): the first line is `---`
//! (after an optional UTF-8 byte order mark; trailing white space allowed),
//! the YAML follows, and the first later line that is `---` or `...` closes
//! it; the Markdown body is everything after that line. Lines end in `\n`
//! or `\r\n`.

use std::ops::Range;

/// Where the parts of a `.md` entry are, in the text given to [`locate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// Bytes of the YAML, without the `---` lines.
    pub yaml: Range<usize>,
    /// Lines of the YAML (0-based, as `text.split_inclusive('\n')` counts
    /// them): the opening `---` is line 0, so this starts at 1 and ends at
    /// the closing line.
    pub yaml_lines: Range<usize>,
    /// The first byte of the Markdown body (the text's length when there
    /// is none).
    pub body: usize,
}

/// Why a `.md` entry has no front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The first line is not `---`.
    NoOpening,
    /// No `---` or `...` line closes it.
    NotClosed,
}

/// Find the front matter of `text`, a whole `.md` entry.
///
/// # Errors
/// [`Missing`] says what is wrong.
pub fn locate(text: &str) -> Result<FrontMatter, Missing> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = text[bom..].split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Missing::NoOpening);
    }
    let start = bom + first.len();
    let mut at = start;
    for (n, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok(FrontMatter {
                yaml: start..at,
                yaml_lines: 1..n + 1,
                body: at + line.len(),
            });
        }
        at += line.len();
    }
    Err(Missing::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (&str, &str, Range<usize>) {
        let fm = locate(text).unwrap();
        (&text[fm.yaml], &text[fm.body..], fm.yaml_lines)
    }

    #[test]
    fn splits_yaml_and_body() {
        assert_eq!(
            parts("---\ntitle: X\nimpact: minor\n---\nBody\n"),
            ("title: X\nimpact: minor\n", "Body\n", 1..3)
        );
        assert_eq!(parts("---  \r\na: 1\r\n...\r\n"), ("a: 1\r\n", "", 1..2));
        assert_eq!(parts("\u{feff}---\n---\nB"), ("", "B", 1..1));
        assert_eq!(
            parts("---\na: |\n  --- not a line of its own\n---"),
            ("a: |\n  --- not a line of its own\n", "", 1..3)
        );
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(locate("title: X\n"), Err(Missing::NoOpening));
        assert_eq!(locate(""), Err(Missing::NoOpening));
        assert_eq!(locate(" ---\n---\n"), Err(Missing::NoOpening));
        assert_eq!(locate("---\ntitle: X\n"), Err(Missing::NotClosed));
    }
}
