//! The only code that parses YAML. Everything else sees typed values and
//! [`YamlError`]s with 1-based line and column numbers.
//!
//! Parsing goes through `serde_yaml` (the maintained `yaml_serde` fork).
//! Errors found while deserializing (syntax, unknown keys, bad enum values,
//! missing keys) carry serde_yaml's own location. Errors found later, by
//! validation, find their place with [`locate`], which walks the document
//! again to the node at a key path and reads serde_yaml's position for it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

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

/// Parse `text` as one YAML document into `T`.
///
/// # Errors
/// The first syntax or schema error, with its position in `text`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(e) = control_character(text) {
        return Err(e);
    }
    serde_yaml::from_str(text).map_err(|e| {
        let pos = e.location().map(|l| Pos {
            line: l.line(),
            col: l.column(),
        });
        YamlError {
            pos,
            message: strip_location(&e.to_string()),
        }
    })
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

/// `text` as one YAML scalar that reads back as exactly `text`: plain when
/// that is safe, quoted otherwise (serde_yaml decides), never spanning
/// lines. For authoring commands that write entries.
pub fn scalar(text: &str) -> String {
    let out = serde_yaml::to_string(text).expect("a string always serializes");
    let out = out.trim_end_matches('\n');
    if out.contains('\n') {
        // serde_yaml chose a block scalar; a double-quoted one stays on a line.
        serde_json::to_string(text).expect("a string always serializes")
    } else {
        out.to_string()
    }
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
/// node. With `on_key`, the last step must be a [`Seg::Key`] and the position
/// is that of the key itself rather than of its value (where an unknown or
/// duplicate key should be pointed at).
///
/// Cost: one pass over the document, so it is only called for errors.
pub fn locate(text: &str, path: &[Seg<'_>], on_key: bool) -> Option<Pos> {
    let finder = Finder { path, on_key };
    let err = finder.deserialize(serde_yaml::Deserializer::from_str(text)).err()?;
    if !err.to_string().contains(FOUND) {
        return None;
    }
    err.location().map(|l| Pos {
        line: l.line(),
        col: l.column(),
    })
}

/// The marker error [`locate`] raises at the node it looks for; serde_yaml
/// attaches the node's position to it.
const FOUND: &str = "\u{1}allclear:found";

struct Finder<'p> {
    path: &'p [Seg<'p>],
    on_key: bool,
}

impl<'de> DeserializeSeed<'de> for Finder<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.path.is_empty() {
            d.deserialize_any(Found)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for Finder<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (want, mut skip) = match self.path[0] {
            Seg::Key(k) => (k, 0),
            Seg::Repeated(k, n) => (k, n),
            Seg::Index(_) => {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                return Ok(());
            }
        };
        let on_last = self.on_key && self.path.len() == 1;
        loop {
            let seed = KeySeed {
                want,
                stop_at_key: on_last && skip == 0,
            };
            let Some(matched) = map.next_key_seed(seed)? else { break };
            if matched && skip > 0 {
                skip -= 1;
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if matched {
                let rest = Finder {
                    path: &self.path[1..],
                    on_key: self.on_key,
                };
                return map.next_value_seed(rest);
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Seg::Index(want) = self.path[0] else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        for _ in 0..want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        let rest = Finder {
            path: &self.path[1..],
            on_key: self.on_key,
        };
        seq.next_element_seed(rest).map(|_| ())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Reads a mapping key; says whether it is the one wanted, or raises
/// [`FOUND`] on it when the key itself is the target. The marker is raised
/// inside the key's own visitor, so that serde_yaml stamps it with the
/// key's position rather than the mapping's.
struct KeySeed<'a> {
    want: &'a str,
    stop_at_key: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl KeySeed<'_> {
    fn check<E: de::Error>(&self, key: &str) -> Result<bool, E> {
        let matched = key == self.want;
        if matched && self.stop_at_key {
            return Err(E::custom(FOUND));
        }
        Ok(matched)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scalar key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.check(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.check("")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

/// A mapping key as text, whatever scalar type YAML gave it.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a scalar key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Raises [`FOUND`] on whatever node it is asked to read.
struct Found;

impl<'de> Visitor<'de> for Found {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FOUND)
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
}

/// A YAML mapping read in file order into `(key, value)` pairs. Keys are
/// text; repeated keys are kept (validation reports them with [`locate`]).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(KeyText(k)) = map.next_key()? {
                    pairs.push((k, map.next_value()?));
                }
                Ok(OrderedMap(pairs))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap(Vec::new()))
            }
        }
        d.deserialize_any(MapVisitor(PhantomData))
    }
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
        let err = parse::<serde::de::IgnoredAny>("title: x\nmessage: a\u{7}b\n").unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 2, col: 11 }));
        assert_eq!(err.message, "a control character is not allowed in YAML (U+0007)");
        assert!(parse::<serde::de::IgnoredAny>("a: \"tab\tand \u{e9}\u{1F600}\"\r\n").is_ok());
    }

    #[test]
    fn parse_errors_carry_positions() {
        #[derive(Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            title: String,
        }
        let err = parse::<T>("title: x\ntitel: y\n").unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 2, col: 1 }));
        assert!(err.message.starts_with("unknown field `titel`"), "{}", err.message);
    }

    #[test]
    fn scalars_read_back_exactly() {
        for text in [
            "plain words",
            "key: value",
            "- dash",
            "#hash",
            "yes",
            "null",
            "12",
            "a\nb",
            "'q' \"dq\"",
            " lead",
            "tab\t",
            "\u{7}bell",
            "",
        ] {
            let yaml = format!("v: {}\n", scalar(text));
            assert!(!yaml.trim_end().contains('\n'), "{yaml}");
            let back: std::collections::BTreeMap<String, String> = parse(&yaml).unwrap();
            assert_eq!(back["v"], text, "{yaml}");
        }
    }

    #[test]
    fn ordered_map_keeps_file_order() {
        let m: OrderedMap<String> = parse("b: 1\na: 2\n").unwrap();
        assert_eq!(m.0[0].0, "b");
        assert_eq!(m.0[1].0, "a");
    }
}
