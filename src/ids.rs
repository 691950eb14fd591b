//! Ids every part of allclear derives the same way: Statuspage-style API
//! ids, update keys, update anchors, the host that names tag URIs and
//! calendar UIDs, and the slug of a title. Pure functions of their input,
//! so an id is the same on every build, in every command.

use chrono::{DateTime, Datelike, Timelike, Utc};

/// Fragment ids for an entry's updates, oldest first: `update-` and the
/// update's UTC time (`update-20261120t142500z`), so that a link to an
/// update keeps pointing at it when earlier updates are added. Updates at
/// the same second get `-2`, `-3`.
pub fn update_anchors(times: impl IntoIterator<Item = DateTime<Utc>>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for t in times {
        let base = format!(
            "update-{:04}{:02}{:02}t{:02}{:02}{:02}z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        );
        let repeats = seen.iter().filter(|b| **b == base).count();
        out.push(if repeats == 0 {
            base.clone()
        } else {
            format!("{base}-{}", repeats + 1)
        });
        seen.push(base);
    }
    out
}

/// The host of an absolute URL as the WHATWG URL rules parse it (the `url`
/// crate): lowercased, without scheme, user, port or path; an IPv6 literal
/// keeps its brackets and a non-ASCII domain is written in its ASCII
/// (punycode) form. This is the authority name of tag URIs (RFC 4151, which
/// allows DNS names only) and iCalendar UIDs. Empty when `url` has no host;
/// the site's `base_url` always has one (load checks it).
pub fn host(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The key an update is known by (entry id and UTC time), from which its
/// API id and feed ids derive: `2026-11-20-api-errors@2026-11-20T14:25:00Z`.
pub fn update_key(entry_id: &str, at: DateTime<Utc>) -> String {
    format!("{entry_id}@{}", crate::format::iso_utc(at))
}

/// A stable Statuspage-style id: 12 lowercase base-36 characters derived
/// from `kind` (`page`, `component`, `incident`, ...) and our `id`, the same
/// on every build and every version: the 64-bit FNV-1a hash (the `fnv`
/// crate) of `kind:id`, reduced to 36^12. Not for secrets: it is a short,
/// fast, public id, and an id published once must never change.
pub fn api_id(kind: &str, id: &str) -> String {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(kind.as_bytes());
    hasher.write(b":");
    hasher.write(id.as_bytes());
    let mut n = hasher.finish() % 36u64.pow(12);
    let mut out = [b'0'; 12];
    for slot in out.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(out.to_vec()).expect("ASCII")
}

/// The slug of a title, for file names and ids: lowercase ASCII words
/// joined by `-`, at most `max_len` bytes, cut between words. A first word
/// longer than `max_len` is kept, cut at [`LONGEST_SLUG`] bytes.
///
/// Letters outside ASCII are transliterated first (the `deunicode` crate:
/// `Café` -> `cafe`, `Straße` -> `strasse`, `Ошибка` -> `oshibka`,
/// `数据库` -> `shu-ju-ku`); emoji and symbols without a spelling of
/// letters and digits are dropped, so a title of only emoji has the empty
/// slug, which callers must replace. The result is always a valid entry id
/// (`docs/content-format.md`, "Ids") when it is not empty.
pub fn slug(title: &str, max_len: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in title.chars() {
        let spelled = if c.is_ascii() {
            None
        } else if is_letter_or_digit(c) {
            deunicode::deunicode_char(c)
        } else {
            Some(" ")
        };
        for c in spelled.map_or_else(|| vec![c], |s| s.chars().collect()) {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && out.len() + w.len() + 1 > max_len {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out.truncate(LONGEST_SLUG);
    out
}

/// The most bytes a slug has, even when its first word is longer than the
/// `max_len` given to [`slug`].
pub const LONGEST_SLUG: usize = 60;

/// Whether a non-ASCII character is a letter or digit (so transliterated
/// into a word) rather than an emoji or symbol (so a word break).
fn is_letter_or_digit(c: char) -> bool {
    c.is_alphanumeric() || c.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host("https://status.lumen.example"), "status.lumen.example");
        assert_eq!(host("https://Status.Example:8443/sub/path"), "status.example");
        assert_eq!(host("http://user:pw@example.org"), "example.org");
        assert_eq!(host("http://[::1]:8080/"), "[::1]");
        assert_eq!(host("https://Bücher.example/"), "xn--bcher-kva.example");
        assert_eq!(host("not a url"), "");
    }

    #[test]
    fn update_anchors_are_time_based_and_unique() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let anchors = update_anchors([
            t("2026-11-20T14:25:00Z"),
            t("2026-11-20T14:25:00Z"),
            t("2026-11-20T15:00:00Z"),
        ]);
        assert_eq!(
            anchors,
            [
                "update-20261120t142500z",
                "update-20261120t142500z-2",
                "update-20261120t150000z"
            ]
        );
    }

    #[test]
    fn api_ids_are_stable_base36() {
        let id = api_id("incident", "2026-11-20-api-errors");
        assert_eq!(id.len(), 12);
        assert!(id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        assert_eq!(id, api_id("incident", "2026-11-20-api-errors"));
        assert_ne!(id, api_id("component", "2026-11-20-api-errors"));
        assert_eq!(
            api_id("page", "x"),
            "cd2czlsdqcfo",
            "pinned: ids must never change between versions"
        );
        assert_eq!(
            api_id("target", "https://hooks.example/secret"),
            "vex7ng9mpztg",
            "pinned"
        );
    }

    #[test]
    fn ascii_slugs() {
        assert_eq!(slug("Elevated API errors (EU)", 50), "elevated-api-errors-eu");
        assert_eq!(slug("  --Database: 50% slower!--  ", 50), "database-50-slower");
        assert_eq!(slug("Elevated error rates on API", 40), "elevated-error-rates-on-api");
        assert_eq!(
            slug("Primary database returning errors for some customers", 40),
            "primary-database-returning-errors-for"
        );
        assert!(slug(&"word ".repeat(40), 50).len() <= 50);
        assert_eq!(slug(&"x".repeat(80), 50), "x".repeat(60));
        assert_eq!(slug("", 50), "");
    }

    #[test]
    fn other_scripts_are_transliterated_and_emoji_dropped() {
        assert_eq!(slug("Café déjà vu: 50% slower!", 50), "cafe-deja-vu-50-slower");
        assert_eq!(slug("Straße gesperrt", 50), "strasse-gesperrt");
        assert_eq!(slug("Ошибка API", 50), "oshibka-api");
        assert_eq!(slug("🚨", 50), "");
        assert_eq!(slug("🚨 API down 🔥", 50), "api-down");
        assert_eq!(slug("Łódź outage", 50), "lodz-outage");
    }

    /// `allclear new`'s slugifier before it moved here (0.1), which folded
    /// only a few accents: for ASCII titles the new one must agree.
    fn slug_0_1(title: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut word = String::new();
        for c in title.chars() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        let mut out = String::new();
        for w in words {
            if !out.is_empty() && out.len() + w.len() + 1 > 50 {
                break;
            }
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&w);
        }
        out.chars().take(60).collect()
    }

    proptest::proptest! {
        #[test]
        fn ascii_titles_keep_their_slugs(title in "[ -~]{0,120}", long in "[a-zA-Z0-9]{40,90}( [a-z]{1,9}){0,3}") {
            proptest::prop_assert_eq!(slug(&title, 50), slug_0_1(&title));
            proptest::prop_assert_eq!(slug(&long, 50), slug_0_1(&long));
        }
    }
}
