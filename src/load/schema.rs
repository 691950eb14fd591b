//! Reading a YAML [`Node`] tree against the content format, field by field.
//!
//! Each read that fails records a diagnostic at the node (or key) at fault
//! and goes on, so one run reports every unknown key, bad value and
//! missing key of a file, not only the first. The messages are allclear's
//! own: none is derived from the wording of a serde or YAML library error.

use super::source::Source;
use super::yaml::{Node, Pos, Value};
use crate::diagnostics::{Diagnostic, closest};

/// Reads nodes of one file, collecting a diagnostic for each problem.
pub(crate) struct Reader<'a> {
    pub src: &'a Source,
    pub errors: Vec<Diagnostic>,
}

/// A mapping checked against its allowed keys: the node and where it is,
/// as messages name it (`updates[0]`; empty at the top of the file).
pub(crate) struct Fields<'n> {
    node: &'n Node,
    pairs: &'n [(Node, Node)],
    path: String,
}

impl<'n> Fields<'n> {
    /// The value of `key` (its first occurrence), or `None` when the key is
    /// absent or its value is null (`key:`, `~`, `null`), as for a key not
    /// written.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.pairs
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// The message path of `key` in this mapping: `updates[0].status`.
    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

/// `parent.key`, or `key` at the top.
fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The help for text that YAML read as a list or mapping.
const QUOTE_HELP: &str = "put text that starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%` or `@`, or contains `: `, in quotes, like `title: \"[EU] API errors\"`";

impl Reader<'_> {
    pub(crate) fn push(&mut self, pos: Pos, message: String, help: String) {
        self.errors.push(self.src.error(Some(pos), message).with_help(help));
    }

    /// "`path` must be WANT, but it is KIND", at `node`.
    fn wrong_kind(&mut self, node: &Node, path: &str, want: &str) {
        let what = if path.is_empty() {
            "the file".to_string()
        } else {
            format!("`{path}`")
        };
        let got = match node.text() {
            Some(text) if !matches!(want, "text") => format!("`{text}`"),
            _ => node.kind().to_string(),
        };
        let help = if node.is_null() {
            format!("write {want} after the colon")
        } else if matches!(node.value, Value::Seq(_) | Value::Map(_)) && want == "text" {
            QUOTE_HELP.to_string()
        } else {
            "check the value's indentation and quoting".to_string()
        };
        self.push(node.pos, format!("{what} must be {want}, but it is {got}"), help);
    }

    /// `node` as a mapping whose keys are among `keys` (listed in the
    /// content format's order, for the help). An unknown key (with the
    /// closest allowed one suggested), a key given twice and a key that is
    /// not text are each an error at the key; the other keys are still
    /// read. A null node is an empty mapping. `None`, with an error, when
    /// `node` is not a mapping.
    pub fn fields<'n>(&mut self, node: &'n Node, path: &str, keys: &[&str]) -> Option<Fields<'n>> {
        let pairs: &[(Node, Node)] = match &node.value {
            Value::Map(pairs) => pairs,
            _ if node.is_null() => &[],
            _ => {
                self.wrong_kind(node, path, "a mapping (`key: value` lines)");
                return None;
            }
        };
        let within = if path.is_empty() {
            String::new()
        } else {
            format!(" in `{path}`")
        };
        for (i, (key, _)) in pairs.iter().enumerate() {
            let Some(name) = key.text() else {
                self.push(
                    key.pos,
                    format!("a key must be a word{within}, but this one is {}", key.kind()),
                    format!("the keys allowed here are: {}", keys.join(", ")),
                );
                continue;
            };
            if !keys.contains(&name) {
                self.push(
                    key.pos,
                    format!("unknown key `{name}`{within}"),
                    suggest(name, keys, "the keys allowed here are"),
                );
            } else if pairs[..i].iter().any(|(k, _)| k.text() == Some(name)) {
                self.push(
                    key.pos,
                    format!("`{name}` is given twice{within}"),
                    "keep one of the two lines: YAML would silently use only one of them".into(),
                );
            }
        }
        Some(Fields {
            node,
            pairs,
            path: path.to_string(),
        })
    }

    /// The value of a required `key`, null included (the typed read that
    /// follows says what a null is worth); "missing required key" (at the
    /// mapping) when the key is absent.
    pub fn required<'n>(&mut self, f: &Fields<'n>, key: &str) -> Option<&'n Node> {
        let found = f.pairs.iter().find(|(k, _)| k.text() == Some(key)).map(|(_, v)| v);
        if found.is_none() {
            let within = if f.path.is_empty() {
                String::new()
            } else {
                format!(" in `{}`", f.path)
            };
            self.push(
                f.node.pos,
                format!("missing required key `{key}`{within}"),
                format!("add a line `{key}: …`"),
            );
        }
        found
    }

    /// `node` as text: any scalar that is not null (`2026`, `yes` and `1.5`
    /// are text too, as written).
    pub fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        match node.text() {
            Some(t) => Some(t.to_string()),
            None => {
                self.wrong_kind(node, path, "text");
                None
            }
        }
    }

    /// A required text field.
    pub fn required_text(&mut self, f: &Fields<'_>, key: &str) -> Option<String> {
        let node = self.required(f, key)?;
        self.text(node, &f.path_of(key))
    }

    /// An optional text field.
    pub fn optional_text(&mut self, f: &Fields<'_>, key: &str) -> Option<String> {
        let node = f.get(key)?;
        self.text(node, &f.path_of(key))
    }

    /// `node` as one of `options` (value as written, meaning); anything
    /// else is "`X` is not a valid value for `path`", with the allowed
    /// values (and the closest one) in the help.
    pub fn choice<T: Copy>(&mut self, node: &Node, path: &str, options: &[(&str, T)]) -> Option<T> {
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let Some(text) = node.text() else {
            self.wrong_kind(node, path, &format!("one of: {}", names.join(", ")));
            return None;
        };
        if let Some((_, value)) = options.iter().find(|(name, _)| *name == text) {
            return Some(*value);
        }
        self.push(
            node.pos,
            format!("`{text}` is not a valid value for `{path}`"),
            suggest(text, &names, "write one of"),
        );
        None
    }

    /// `node` as `true` or `false` (plain, as YAML resolves them).
    pub fn flag(&mut self, node: &Node, path: &str) -> Option<bool> {
        let value = node.resolve::<bool>();
        if value.is_none() {
            self.wrong_kind(node, path, "true or false");
        }
        value
    }

    /// `node` as a list; a null node is an empty list.
    pub fn list<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            _ if node.is_null() => Some(&[]),
            _ => {
                self.wrong_kind(node, path, "a list");
                None
            }
        }
    }

    /// `node` as a mapping of text keys to values, in file order (repeated
    /// keys kept); a null node is an empty mapping. Keys that are not text
    /// are errors and left out.
    pub fn pairs<'n>(&mut self, node: &'n Node, path: &str) -> Option<Vec<(&'n Node, &'n str, &'n Node)>> {
        let pairs: &[(Node, Node)] = match &node.value {
            Value::Map(pairs) => pairs,
            _ if node.is_null() => &[],
            _ => {
                self.wrong_kind(node, path, "a mapping (`key: value` lines)");
                return None;
            }
        };
        let mut out = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            match key.text() {
                Some(name) => out.push((key, name, value)),
                None => self.push(
                    key.pos,
                    format!("a key must be a word in `{path}`, but this one is {}", key.kind()),
                    "write one `id: status` line per component".into(),
                ),
            }
        }
        Some(out)
    }
}

/// "did you mean `best`? LEAD: a, b, c", or just the list.
pub(crate) fn suggest(word: &str, known: &[&str], lead: &str) -> String {
    let list = known.join(", ");
    match closest(word, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? {lead}: {list}"),
        None if known.is_empty() => "remove it".to_string(),
        None => format!("{lead}: {list}"),
    }
}
