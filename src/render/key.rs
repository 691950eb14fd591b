//! Page keys: a SHA-256 digest of everything a page's bytes depend on, so
//! that a rebuild into the same output folder can keep the previous
//! build's file instead of rendering the page again (see
//! [`super::Sink::reuse`] and [`crate::output::Staging`]).
//!
//! A key covers, in this order, each part length-prefixed or terminated
//! so that no two inputs share a key: allclear's version
//! ([`KEY_FORMAT`]), every template of the theme (with the site's
//! overrides) by name and text, the global values every page sees
//! (`site`, `status`, `csp`, `script`, `accent_style`), the build time
//! (`built_at`) unless the templates show it only on live pages (see
//! [`built_at_only_when_live`]) and the page is not live, the template's
//! name, the output path, and every value of the page's own context as
//! JSON (`serde_json`, which escapes control characters, so a NUL byte
//! ends each value unambiguously).

use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::Context;

/// A page's key: the SHA-256 digest of its inputs.
pub type PageKey = [u8; 32];

/// What keys are made of, changed whenever allclear changes: keys of
/// another version never match.
pub const KEY_FORMAT: &str = concat!("allclear ", env!("CARGO_PKG_VERSION"), " page key 1");

/// A digest being fed, with its length-prefixed parts.
#[derive(Clone)]
pub struct KeyHasher(Sha256);

impl KeyHasher {
    /// A hasher that has taken [`KEY_FORMAT`].
    pub fn new() -> Self {
        let mut h = KeyHasher(Sha256::new());
        h.bytes(KEY_FORMAT.as_bytes());
        h
    }

    /// Take `bytes`, after their length (u64, little-endian).
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// Take `value` as JSON after `name`, ended by a NUL byte. `false`
    /// when it cannot be serialized (the hasher is then unusable).
    pub fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> bool {
        self.bytes(name.as_bytes());
        // Serialized whole first: serde_json writes many small fragments,
        // and feeding each to the digest on its own costs more than the
        // digest itself.
        let ok = match serde_json::to_vec(value) {
            Ok(json) => {
                self.0.update(&json);
                true
            }
            Err(_) => false,
        };
        self.0.update([0]);
        ok
    }

    /// The digest.
    pub fn finish(self) -> PageKey {
        self.0.finalize().into()
    }
}

impl Default for KeyHasher {
    fn default() -> Self {
        Self::new()
    }
}

/// A page's Tera context together with the digest of what went into it:
/// use [`KeyedContext::insert`] instead of [`Context::insert`].
pub struct KeyedContext {
    /// `None` for a context that only computes the key
    /// ([`KeyedContext::key_only`]).
    pub(super) cx: Option<Context>,
    /// `None` for a context without a digest ([`KeyedContext::untracked`])
    /// and once a value could not be serialized: the page is then rendered
    /// and given to the sink without a key.
    pub(super) hash: Option<KeyHasher>,
}

impl KeyedContext {
    /// An empty context.
    pub fn new() -> Self {
        KeyedContext {
            cx: Some(Context::new()),
            hash: Some(KeyHasher(Sha256::new())),
        }
    }

    /// An empty context that only computes the digest, for a page that is
    /// probably kept: converting every value into Tera's values is most of
    /// the cost of a page's context, and is then done only for the pages
    /// that are rendered (same values, same digest).
    pub fn key_only() -> Self {
        KeyedContext {
            cx: None,
            hash: Some(KeyHasher(Sha256::new())),
        }
    }

    /// An empty context without a digest, for a page whose key is not
    /// needed (or already known): it is rendered and stored without one.
    pub fn untracked() -> Self {
        KeyedContext {
            cx: Some(Context::new()),
            hash: None,
        }
    }

    /// Insert `value` as `name` into the context and the digest.
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        let ok = self.hash.as_mut().is_none_or(|h| h.json(name, value));
        if !ok {
            self.hash = None;
        }
        if let Some(cx) = &mut self.cx {
            cx.insert(name, value);
        }
    }
}

impl Default for KeyedContext {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the templates show the build time (`built_at`) only inside
/// `{% if live %}` (with no other tag between it and the use), as the
/// default theme's footer does, and call no clock or randomness
/// (`now(`, `get_random`, `get_env`). When this is `false`, every page's key
/// holds the build time, so no page is kept from one build to the next
/// at another time: slower, never wrong.
pub fn built_at_only_when_live<'a>(templates: impl IntoIterator<Item = &'a str>) -> bool {
    const GUARD: &str = "{% if live %}";
    templates.into_iter().all(|text| {
        let calls = |tag: &str| ["now(", "get_random", "get_env"].iter().any(|f| tag.contains(f));
        if tags(text).any(calls) {
            return false;
        }
        text.match_indices("built_at").all(|(at, _)| {
            let before = &text[..at];
            before
                .rfind(GUARD)
                .is_some_and(|g| !before[g + GUARD.len()..].contains("{%"))
        })
    })
}

/// The text inside each Tera tag, `{{ … }}` and `{% … %}`, of `text` (an
/// unclosed tag runs to the end).
fn tags(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = [rest.find("{{"), rest.find("{%")].into_iter().flatten().min()?;
        let close = if rest[start..].starts_with("{{") { "}}" } else { "%}" };
        let inner = &rest[start + 2..];
        let end = inner.find(close).unwrap_or(inner.len());
        rest = &inner[end..];
        Some(&inner[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::built_at_only_when_live;

    #[test]
    fn the_build_time_counts_as_guarded_only_directly_inside_if_live() {
        assert!(built_at_only_when_live([
            "<p>{% if live %}Built {{ built_at.text }}. {% elif changed_at %}x{% endif %}</p>"
        ]));
        assert!(built_at_only_when_live(["no clock here"]));
        assert!(!built_at_only_when_live(["<p>{{ built_at.text }}</p>"]));
        assert!(!built_at_only_when_live([
            "{% if live %}a{% else %}{{ built_at.iso }}{% endif %}"
        ]));
        assert!(!built_at_only_when_live(["{{ now() }}"]));
        assert!(!built_at_only_when_live(["a {% set t = now( ) %}"]));
        assert!(
            built_at_only_when_live(["const now = Date.now();"]),
            "script text is no call"
        );
        assert!(!built_at_only_when_live(["ok", "{{ built_at }}"]));
    }
}
