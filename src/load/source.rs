//! A file being loaded, and the diagnostics that point into it.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::yaml::{self, Node, Pos, Seg, YamlError};
use crate::diagnostics::Diagnostic;

/// The text of one file and where its YAML part starts, so that positions in
/// the YAML become positions in the whole file (front matter included).
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The path shown in diagnostics.
    pub shown: PathBuf,
    pub text: String,
    /// The YAML part: the whole file, or the front matter of a `.md`.
    pub yaml: String,
    /// Lines of the file before the YAML part (1 for front matter).
    pub line_offset: usize,
    /// The YAML part read into a tree on first use, and dropped by
    /// [`Source::forget_tree`] once the file is loaded (a later warning
    /// that needs a position reads it again).
    tree: OnceLock<Result<Node, YamlError>>,
}

impl Source {
    /// A file whose YAML part is `yaml`, starting after `line_offset` lines
    /// of `text`.
    pub fn new(shown: PathBuf, text: String, yaml: String, line_offset: usize) -> Self {
        Source {
            shown,
            text,
            yaml,
            line_offset,
            tree: OnceLock::new(),
        }
    }

    /// The YAML part as a [`Node`] tree (read on first use).
    ///
    /// # Errors
    /// The syntax error that stops the file, as a diagnostic with help.
    pub fn tree(&self) -> Result<&Node, Diagnostic> {
        match self.tree.get_or_init(|| yaml::tree(&self.yaml)) {
            Ok(node) => Ok(node),
            Err(e) => Err(self.yaml_error(e.clone())),
        }
    }

    /// Drop the tree read by [`Source::tree`]: a loaded site keeps every
    /// entry's text for the lines its warnings show, but a tree, several
    /// times the size of its text, is needed again only for a warning's
    /// position, and is then read again.
    pub fn forget_tree(&mut self) {
        self.tree = OnceLock::new();
    }

    /// An error at a position inside the YAML part (or at the file's first
    /// line without one).
    pub fn error(&self, pos: Option<Pos>, message: impl Into<String>) -> Diagnostic {
        let pos = pos.unwrap_or(Pos { line: 1, col: 1 });
        Diagnostic::at(&self.shown, &self.text, pos.line + self.line_offset, pos.col, message)
    }

    /// An error at the node `path` (its key with `on_key`), found with
    /// [`yaml::locate`]; at the file's start when it cannot be found.
    pub fn error_at(&self, path: &[Seg<'_>], on_key: bool, message: impl Into<String>) -> Diagnostic {
        let pos = self.tree().ok().and_then(|t| {
            t.find(path, on_key)
                .or_else(|| t.find(&path[..path.len().saturating_sub(1)], false))
        });
        self.error(pos, message)
    }

    fn yaml_error(&self, e: YamlError) -> Diagnostic {
        let (message, help) = humanize(&e.message);
        let d = self.error(e.pos, message);
        match help {
            Some(h) => d.with_help(h),
            None => d,
        }
    }
}

/// A YAML error (a syntax error, or a character YAML does not allow) in
/// words an author can act on, with help. Schema errors never come here:
/// [`super::schema`] words them itself.
fn humanize(message: &str) -> (String, Option<String>) {
    if message.starts_with(yaml::CONTROL_CHARACTER) {
        return (
            message.to_string(),
            Some("delete it: editors often do not show it (it is drawn as a symbol like ␇ above); it usually comes from pasting terminal output".into()),
        );
    }
    if let Some(syntax) = syntax_error(message) {
        return syntax;
    }
    (message.to_string(), None)
}

/// libyaml's scanner and parser messages, in words an author can act on.
fn syntax_error(message: &str) -> Option<(String, Option<String>)> {
    let indent_help = "indent each key with spaces exactly like the keys above it, and put text that contains `: ` or starts with a special character in quotes";
    let (text, help) = if message.contains("tab character") {
        (
            "a tab is used for indentation",
            "YAML indents with spaces only: replace the tab with spaces",
        )
    } else if message.contains("while parsing a block")
        || message.contains("mapping values are not allowed")
        || message.contains("did not find expected key")
    {
        ("the indentation or structure is off here", indent_help)
    } else if message.contains("while scanning a quoted scalar") {
        (
            "a quoted text is never closed",
            "close the quote on the same value, or escape quotes inside it",
        )
    } else if message.contains("recursion limit exceeded") {
        (
            "lists and mappings nest too deep here",
            "an entry needs only a few levels of nesting: look for stray `[` or `{`",
        )
    } else if message.contains("while parsing a flow") || message.contains("while scanning") {
        ("this YAML cannot be read", indent_help)
    } else {
        return None;
    };
    Some((format!("{text} ({})", message.trim()), Some(help.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_syntax_errors() {
        let (m, h) = humanize("found a tab character that violates indentation, while scanning a plain scalar");
        assert!(m.starts_with("a tab is used for indentation ("), "{m}");
        assert!(h.unwrap().contains("spaces only"));
        let (m, _) = humanize("a control character is not allowed in YAML (U+0007)");
        assert_eq!(m, "a control character is not allowed in YAML (U+0007)");
    }
}
