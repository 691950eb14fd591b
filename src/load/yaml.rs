//! The only code that parses YAML. Everything else sees [`Node`] trees and
//! typed values, and [`YamlError`]s with 1-based line and column numbers.
//!
//! Two crates share the work, each for what it does well:
//!
//! - `serde_yaml` (the maintained `yaml_serde` fork, libyaml underneath)
//!   decides what is valid YAML: every text is first read by it, so its
//!   syntax errors (with their positions) are the ones reported, and its
//!   rules resolve plain scalars (`true`, `1e3`, `~`) to typed values.
//! - `saphyr-parser` (the YAML 1.2 event parser of the `saphyr` project)
//!   then reads the same text into a [`Node`] tree where every node and
//!   every mapping key carries its position (its events come with spans).
//!   The loader checks that tree field by field, so every schema error of a
//!   file is found in one run, each at its own node, and no message depends
//!   on the wording of an upstream error.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde::de::{DeserializeOwned, IgnoredAny};

/// A position in a YAML text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// A YAML parse or schema error, with the position serde_yaml reported (if
/// any) and its message with the trailing "at line N column M" removed.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub pos: Option<Pos>,
    pub message: String,
}

fn from_serde(e: &serde_yaml::Error) -> YamlError {
    let pos = e.location().map(|l| Pos {
        line: l.line(),
        col: l.column(),
    });
    YamlError {
        pos,
        message: strip_location(&e.to_string()),
    }
}

/// One node of a YAML document, with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the node starts: a scalar's first character (its quote, when
    /// quoted), a flow collection's bracket, a block mapping's first key, a
    /// block sequence's first `-`.
    pub pos: Pos,
    pub value: Value,
}

/// What a [`Node`] holds. Aliases are resolved (an alias node is a copy of
/// its anchor's node, at the alias's position); tags are ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar as written, after YAML's quoting and folding rules; `plain`
    /// when it was written without quotes or a block indicator (only plain
    /// scalars resolve to null, booleans and numbers).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Key and value nodes in file order; repeated keys are kept.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// Whether this is YAML's null: an empty value, `~` or `null` (plain).
    pub fn is_null(&self) -> bool {
        match &self.value {
            Value::Scalar { text, plain: true } => {
                text.is_empty()
                    || (text.len() <= 4
                        && text.starts_with(['~', 'n', 'N'])
                        && matches!(self.resolve::<serde_yaml::Value>(), Some(serde_yaml::Value::Null)))
            }
            _ => false,
        }
    }

    /// The text of a scalar that is not null.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// A plain scalar resolved to `T` by serde_yaml's rules (`true`, `90`,
    /// `1e3`); `None` for anything else or a value `T` does not accept.
    pub fn resolve<T: DeserializeOwned>(&self) -> Option<T> {
        match &self.value {
            Value::Scalar { text, plain: true } => serde_yaml::from_str(text).ok(),
            _ => None,
        }
    }

    /// What kind of value this is, in the words people use for YAML: `a
    /// list`, `a mapping (…)`, `empty`, `text`.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping (`key: value` lines)",
            Value::Scalar { .. } if self.is_null() => "empty",
            Value::Scalar { .. } => "text",
        }
    }

    /// Where the node at `path` below this one starts (its key with
    /// `on_key`, when the last step is a key), or `None` if there is none.
    pub fn find(&self, path: &[Seg<'_>], on_key: bool) -> Option<Pos> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        let child = match (first, &self.value) {
            (Seg::Index(i), Value::Seq(items)) => return items.get(*i)?.find(rest, on_key),
            (Seg::Key(k), Value::Map(pairs)) => pairs.iter().find(|(key, _)| key.text() == Some(k)),
            (Seg::Repeated(k, n), Value::Map(pairs)) => pairs.iter().filter(|(key, _)| key.text() == Some(k)).nth(*n),
            _ => None,
        }?;
        if rest.is_empty() && on_key {
            Some(child.0.pos)
        } else {
            child.1.find(rest, on_key)
        }
    }
}

/// Read `text` as one YAML document into a [`Node`] tree. An empty document
/// is a null scalar at line 1, column 1.
///
/// # Errors
/// The first syntax error (serde_yaml's, with its position), or a control
/// character YAML does not allow.
pub fn tree(text: &str) -> Result<Node, YamlError> {
    if let Some(e) = control_character(text) {
        return Err(e);
    }
    // libyaml decides what is YAML (and bounds nesting and alias expansion),
    // so the tree below is only built from text it accepted.
    serde_yaml::from_str::<IgnoredAny>(text).map_err(|e| from_serde(&e))?;
    let mut builder = Builder {
        events: Parser::new_from_str(text),
        anchors: HashMap::new(),
        read: 0,
        copied: 0,
        depth: 0,
    };
    builder.document()
}

/// How deep collections may nest: libyaml's own limit, as serde_yaml
/// applies it.
const MAX_DEPTH: usize = 128;

/// Builds a [`Node`] tree from saphyr-parser's events.
///
/// An alias is expanded into a copy of its anchor's node. So that a few
/// lines of aliases of aliases (an "alias bomb") cannot make billions of
/// nodes, the nodes copied this way may number at most 1,000 plus 100 per
/// event read so far (serde_yaml's rule for the same attack); past that the
/// file is refused at the alias.
struct Builder<'a> {
    events: Parser<'a, saphyr_parser::StrInput<'a>>,
    /// Each anchor's node and how many nodes it holds.
    anchors: HashMap<usize, (Node, usize)>,
    read: usize,
    copied: usize,
    depth: usize,
}

/// How many nodes `node` holds, itself included.
fn size(node: &Node) -> usize {
    1 + match &node.value {
        Value::Scalar { .. } => 0,
        Value::Seq(items) => items.iter().map(size).sum(),
        Value::Map(pairs) => pairs.iter().map(|(k, v)| size(k) + size(v)).sum(),
    }
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), YamlError> {
        self.read += 1;
        match self.events.next_event() {
            Some(Ok(e)) => Ok(e),
            Some(Err(e)) => Err(YamlError {
                pos: Some(Pos {
                    line: e.marker().line(),
                    col: e.marker().col() + 1,
                }),
                message: e.info().to_string(),
            }),
            None => Ok((Event::StreamEnd, Span::default())),
        }
    }

    fn document(&mut self) -> Result<Node, YamlError> {
        let empty = Node {
            pos: Pos { line: 1, col: 1 },
            value: Value::Scalar {
                text: String::new(),
                plain: true,
            },
        };
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => {}
                Event::DocumentEnd | Event::StreamEnd => return Ok(empty),
                _ => return self.node(event, span),
            }
        }
    }

    fn node(&mut self, event: Event<'a>, span: Span) -> Result<Node, YamlError> {
        let pos = Pos {
            line: span.start.line(),
            col: span.start.col() + 1,
        };
        let collection = matches!(event, Event::SequenceStart(..) | Event::MappingStart(..));
        if collection {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(YamlError {
                    pos: Some(pos),
                    message: format!("lists and mappings nest more than {MAX_DEPTH} deep here"),
                });
            }
        }
        let (value, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => (
                Value::Scalar {
                    text: text.into_owned(),
                    plain: style == ScalarStyle::Plain && tag.is_none(),
                },
                anchor,
            ),
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::SequenceEnd | Event::StreamEnd) {
                        break;
                    }
                    items.push(self.node(event, span)?);
                }
                (Value::Seq(items), anchor)
            }
            Event::MappingStart(anchor, _) => {
                let mut pairs = Vec::new();
                loop {
                    let (event, span) = self.next()?;
                    if matches!(event, Event::MappingEnd | Event::StreamEnd) {
                        break;
                    }
                    let key = self.node(event, span)?;
                    let (event, span) = self.next()?;
                    pairs.push((key, self.node(event, span)?));
                }
                (Value::Map(pairs), anchor)
            }
            Event::Alias(id) => {
                let (node, n) = self.anchors.get(&id).ok_or_else(|| YamlError {
                    pos: Some(pos),
                    message: "an alias (`*name`) names no anchor (`&name`) defined before it".into(),
                })?;
                self.copied += n;
                if self.copied > 1000 + 100 * self.read {
                    return Err(YamlError {
                        pos: Some(pos),
                        message: "aliases (`*name`) repeat the same nodes too many times".into(),
                    });
                }
                let mut node = node.clone();
                node.pos = pos;
                return Ok(node);
            }
            _ => {
                return Err(YamlError {
                    pos: Some(pos),
                    message: "this YAML cannot be read".into(),
                });
            }
        };
        if collection {
            self.depth -= 1;
        }
        let node = Node { pos, value };
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), size(&node)));
        }
        Ok(node)
    }
}

/// The first character that YAML 1.2 does not allow in a stream (section
/// 5.1, `c-printable`: C0 controls other than tab and line breaks, DEL, C1
/// controls other than NEL, surrogates and U+FFFE/U+FFFF), with its line
/// and column. libyaml rejects them too, but reports a byte offset only.
fn control_character(text: &str) -> Option<YamlError> {
    let printable = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            || c >= '\u{10000}'
    };
    let (line_index, line) = text.split('\n').enumerate().find(|(_, l)| !l.chars().all(printable))?;
    let (col, c) = line.chars().enumerate().find(|&(_, c)| !printable(c))?;
    Some(YamlError {
        pos: Some(Pos {
            line: line_index + 1,
            col: col + 1,
        }),
        message: format!("{CONTROL_CHARACTER} (U+{:04X})", u32::from(c)),
    })
}

/// The start of the message for a character YAML does not allow.
pub(crate) const CONTROL_CHARACTER: &str = "a control character is not allowed in YAML";

/// Drop every " at line N column M" from a serde_yaml message: those count
/// lines inside the YAML part, and the diagnostic prints the position in the
/// whole file itself.
fn strip_location(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(after);
        match after[n..].strip_prefix(" column ") {
            Some(col) if n > 0 => rest = &col[digits(col)..],
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One step of a path into a YAML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A mapping key (its first occurrence).
    Key(&'a str),
    /// The `n`th occurrence (0-based) of a mapping key that is repeated.
    Repeated(&'a str, usize),
    /// A sequence index, 0-based.
    Index(usize),
}

/// Where the node at `path` starts in `text`, or `None` if there is no such
/// node (or `text` is not YAML). With `on_key`, the last step must be a
/// [`Seg::Key`] or [`Seg::Repeated`] and the position is that of the key
/// itself rather than of its value (where an unknown or duplicate key
/// should be pointed at). Parses `text`; to look up many paths, parse once
/// with [`tree`] and use [`Node::find`].
pub fn locate(text: &str, path: &[Seg<'_>], on_key: bool) -> Option<Pos> {
    tree(text).ok()?.find(path, on_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: A\nupdates:\n  - at: 2026-11-20T14:03:00Z\n    status: investigating\n  - at: bad\n    status: resolved\ncomponents:\n  api: partial_outage\n";

    #[test]
    fn locates_values_and_keys() {
        let at = locate(DOC, &[Seg::Key("updates"), Seg::Index(1), Seg::Key("at")], false);
        assert_eq!(at, Some(Pos { line: 5, col: 9 }));
        let key = locate(DOC, &[Seg::Key("components"), Seg::Key("api")], true);
        assert_eq!(key, Some(Pos { line: 8, col: 3 }));
        let missing = locate(DOC, &[Seg::Key("nope")], false);
        assert_eq!(missing, None);
    }

    #[test]
    fn locates_keys_after_the_first_and_repeated_keys() {
        let doc = "components:\n  api: a\n  web: b\n  api: c\n";
        let web = locate(doc, &[Seg::Key("components"), Seg::Key("web")], true);
        assert_eq!(web, Some(Pos { line: 3, col: 3 }));
        let second = locate(doc, &[Seg::Key("components"), Seg::Repeated("api", 1)], true);
        assert_eq!(second, Some(Pos { line: 4, col: 3 }));
    }

    #[test]
    fn strips_inner_positions() {
        assert_eq!(
            strip_location(
                "did not find expected '-' indicator at line 8 column 4, while parsing a block collection at line 6 column 3"
            ),
            "did not find expected '-' indicator, while parsing a block collection"
        );
    }

    #[test]
    fn control_characters_are_located() {
        let err = tree("title: x\nmessage: a\u{7}b\n").unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 2, col: 11 }));
        assert_eq!(err.message, "a control character is not allowed in YAML (U+0007)");
        assert!(tree("a: \"tab\tand \u{e9}\u{1F600}\"\r\n").is_ok());
    }

    #[test]
    fn syntax_errors_carry_libyamls_positions() {
        let err = tree("title: x\nupdates:\n  - at: 1\n   status: y\n").unwrap_err();
        assert_eq!(err.pos.map(|p| p.line), Some(4), "{err:?}");
    }

    #[test]
    fn trees_keep_repeated_keys_aliases_and_scalar_kinds() {
        let t = tree("a: &x [1, 2]\nb: *x\na: ~\nc: 'true'\nd: true\ne:\n").unwrap();
        let Value::Map(pairs) = &t.value else { panic!("{t:?}") };
        let keys: Vec<_> = pairs.iter().map(|(k, _)| k.text().unwrap()).collect();
        assert_eq!(keys, ["a", "b", "a", "c", "d", "e"]);
        assert_eq!(pairs[1].1.pos, Pos { line: 2, col: 4 });
        assert!(matches!(&pairs[1].1.value, Value::Seq(items) if items.len() == 2));
        assert!(pairs[2].1.is_null() && pairs[5].1.is_null());
        assert_eq!(pairs[3].1.resolve::<bool>(), None);
        assert_eq!(pairs[4].1.resolve::<bool>(), Some(true));
        assert_eq!(pairs[3].1.text(), Some("true"));
    }
}
