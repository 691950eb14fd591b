//! A file being loaded, and the diagnostics that point into it.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::yaml::{self, Node, Pos, Seg, YamlError};
use crate::diagnostics::{Diagnostic, closest};

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
    /// The YAML part read into a tree, once, on first use.
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

/// Rewrite serde's "unknown field", "unknown variant" and "missing field"
/// messages into allclear's words, with a suggestion; other messages are
/// kept as they are.
pub(crate) fn humanize(message: &str) -> (String, Option<String>) {
    let (path, body) = split_path(message);
    let ticked = backticked(body);
    let at = |what: &str| match path {
        Some(p) => format!("{what} in `{p}`"),
        None => what.to_string(),
    };
    if body.starts_with("unknown field") {
        let key = ticked.first().cloned().unwrap_or_default();
        let known: Vec<&str> = ticked.iter().skip(1).map(String::as_str).collect();
        return (
            at(&format!("unknown key `{key}`")),
            Some(suggest(&key, &known, "the keys allowed here are")),
        );
    }
    if body.starts_with("unknown variant") {
        let value = ticked.first().cloned().unwrap_or_default();
        let known: Vec<&str> = ticked.iter().skip(1).map(String::as_str).collect();
        let field = path.map(|p| format!(" for `{p}`")).unwrap_or_default();
        return (
            format!("`{value}` is not a valid value{field}"),
            Some(suggest(&value, &known, "write one of")),
        );
    }
    if body.starts_with("missing field") {
        let key = ticked.first().cloned().unwrap_or_default();
        return (
            at(&format!("missing required key `{key}`")),
            Some(format!("add a line `{key}: …`")),
        );
    }
    if let Some(rest) = body
        .strip_prefix("invalid type: ")
        .or_else(|| body.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another kind of value"));
        let what = path.map(|p| format!("`{p}`")).unwrap_or_else(|| "this value".into());
        // serde quotes numbers in backticks (`integer `-1``): name the value
        // itself then, since "a number" would not say what is wrong.
        let want = kind_name(expected);
        let got = match backticked(found).first() {
            Some(value) => format!("`{value}`"),
            None => kind_name(found),
        };
        let message = format!("{what} must be {want}, but it is {got}");
        let help = if found.starts_with("sequence") || found.starts_with("map") {
            "put text that starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%` or `@`, or contains `: `, in quotes, like `title: \"[EU] API errors\"`"
        } else {
            "check the value's indentation and quoting"
        };
        return (message, Some(help.into()));
    }
    if body.starts_with(yaml::CONTROL_CHARACTER) {
        return (
            body.to_string(),
            Some("delete it: editors often do not show it (it is drawn as a symbol like ␇ above); it usually comes from pasting terminal output".into()),
        );
    }
    if let Some(syntax) = syntax_error(body) {
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
    } else if message.contains("while parsing a flow") || message.contains("while scanning") {
        ("this YAML cannot be read", indent_help)
    } else {
        return None;
    };
    Some((format!("{text} ({})", message.trim()), Some(help.to_string())))
}

/// serde_yaml prefixes messages below the top level with the key path
/// (`updates[1].status: unknown variant …`).
fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') && !p.is_empty() => (Some(p), rest),
        _ => (None, message),
    }
}

/// serde's names for kinds of value, in words people use for YAML.
fn kind_name(serde_kind: &str) -> String {
    let k = serde_kind.trim();
    let word = |w: &str| k == w || k.starts_with(&format!("{w} ")) || k == format!("a {w}") || k == format!("an {w}");
    if word("sequence") {
        "a list".into()
    } else if word("map") || k.starts_with("struct") || k.contains("mapping") {
        "a mapping (`key: value` lines)".into()
    } else if word("string") || k.starts_with("string ") {
        "text".into()
    } else if word("boolean") {
        "true or false".into()
    } else if k.starts_with("unit") {
        "empty".into()
    } else if ["u8", "u16", "u32", "u64", "usize"].iter().any(|u| k.starts_with(u)) {
        "a whole number, 0 or more".into()
    } else if k.starts_with("integer") || k.starts_with("floating") {
        "a number".into()
    } else {
        k.to_string()
    }
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn suggest(word: &str, known: &[&str], lead: &str) -> String {
    let list = known.join(", ");
    match closest(word, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? {lead}: {list}"),
        None if known.is_empty() => "remove it".to_string(),
        None => format!("{lead}: {list}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn humanizes_serde_messages() {
        let (m, h) = humanize("unknown field `titel`, expected one of `title`, `impact`");
        assert_eq!(m, "unknown key `titel`");
        assert!(h.unwrap().starts_with("did you mean `title`?"));
        let (m, h) =
            humanize("updates[1].status: unknown variant `fixed`, expected one of `investigating`, `resolved`");
        assert_eq!(m, "`fixed` is not a valid value for `updates[1].status`");
        assert_eq!(h.unwrap(), "write one of: investigating, resolved");
        let (m, _) = humanize("missing field `impact`");
        assert_eq!(m, "missing required key `impact`");
        let (m, _) = humanize("retries: invalid type: string \"x\", expected u32");
        assert_eq!(m, "`retries` must be a whole number, 0 or more, but it is text");
        let (m, _) = humanize("retries: invalid value: integer `-1`, expected u32");
        assert_eq!(m, "`retries` must be a whole number, 0 or more, but it is `-1`");
        let (m, _) = humanize("retries: invalid type: floating point `1e26`, expected u32");
        assert_eq!(m, "`retries` must be a whole number, 0 or more, but it is `1e26`");
    }
}
