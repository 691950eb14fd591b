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

/// Drop serde_yaml's " at line N column M" suffix: the diagnostic prints the
/// position itself.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// One step of a path into a YAML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A mapping key.
    Key(&'a str),
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
    let err = finder
        .deserialize(serde_yaml::Deserializer::from_str(text))
        .err()?;
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
        let Seg::Key(want) = self.path[0] else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let stop_at_key = self.on_key && self.path.len() == 1;
        while let Some(matched) = map.next_key_seed(KeySeed { want, stop_at_key })? {
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
/// [`FOUND`] on it when the key itself is the target.
struct KeySeed<'a> {
    want: &'a str,
    stop_at_key: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        let key = KeyText::deserialize(d)?;
        let matched = key.0 == self.want;
        if matched && self.stop_at_key {
            return Err(de::Error::custom(FOUND));
        }
        Ok(matched)
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
    fn ordered_map_keeps_file_order() {
        let m: OrderedMap<String> = parse("b: 1\na: 2\n").unwrap();
        assert_eq!(m.0[0].0, "b");
        assert_eq!(m.0[1].0, "a");
    }
}
