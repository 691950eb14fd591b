//! Webhook URLs are secrets: Slack's, Discord's, Mattermost's and most
//! receivers' carry their token in the path or the query, and anyone who
//! reads a CI log could post to the channel. Everything `notify` prints,
//! logs or stores about a URL goes through [`redact`]:
//!
//! - at most the scheme, the host (with a port that is not the scheme's
//!   default) and the first path segment, and that segment only when
//!   further path segments follow it (a lone segment is often the token
//!   itself, as in `https://webhook.site/<uuid>`);
//! - never credentials (`user:password@`), the rest of the path, the query
//!   or the fragment: what is left out shows as `…`;
//! - a text that is no URL with a recognisable host (a mistyped or missing
//!   scheme still counts; a bare token, a single word in the host's place
//!   or an unparsable host does not) shows at most its scheme.
//!
//! URLs are taken apart by the `url` crate (the WHATWG URL Standard), not
//! by hand. [`printable`] makes text that came back from a receiver, or
//! from the HTTP library, safe to print next to it.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use url::{Host, ParseError, Position, Url};

/// What stands for the parts of a URL that are not shown.
pub const HIDDEN: &str = "…";

/// Parts of a URL shorter than this (in bytes) are not searched for in a
/// receiver's answer: they are path words such as `hooks`, not tokens. The
/// whole URL and its whole path are always searched for.
const MIN_SECRET_LEN: usize = 6;

/// A target URL as given on the command line. Its `Display` and `Debug`
/// show only [`redact`]'s form; [`SecretUrl::expose`] gives the text, for
/// sending and for the ledger's hash.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SecretUrl(String);

impl SecretUrl {
    /// Wrap `url`, surrounding white space removed.
    pub fn new(url: impl Into<String>) -> SecretUrl {
        let url = url.into();
        SecretUrl(url.trim().to_string())
    }

    /// The URL itself. Never print it: print the `SecretUrl`.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redact(&self.0).fmt(f)
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretUrl({:?})", redact(&self.0).to_string())
    }
}

/// Any text is accepted (clap would print a rejected value whole); `notify`
/// checks it and reports problems in redacted form.
impl FromStr for SecretUrl {
    type Err = Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(SecretUrl::new(s))
    }
}

/// The parts of a URL that may be printed; its `Display` is the printed
/// form, e.g. `https://hooks.slack.com/services/…`, `http://127.0.0.1:8080/`,
/// `hooks.example/services/…` (no scheme given), `htps://…` or `…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The scheme, lowercase, when the text has one in front of `://` (or
    /// the URL parses with a host).
    pub scheme: Option<String>,
    /// The host, as the URL Standard normalises it: lowercase, IPv6 in
    /// brackets. `None` when there is no recognisable host.
    pub host: Option<String>,
    /// The port, when given and not the scheme's default.
    pub port: Option<u16>,
    /// The first path segment, when further segments follow it.
    pub first_segment: Option<String>,
    /// True when anything was left out.
    pub hidden: bool,
}

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(scheme) = &self.scheme {
            write!(f, "{scheme}://")?;
        }
        if let Some(host) = &self.host {
            f.write_str(host)?;
            if let Some(port) = self.port {
                write!(f, ":{port}")?;
            }
            f.write_str("/")?;
            if let Some(segment) = &self.first_segment {
                write!(f, "{segment}/")?;
            }
        }
        if self.hidden || self.host.is_none() {
            f.write_str(HIDDEN)?;
        }
        Ok(())
    }
}

/// The printable parts of `text`, a URL or what was meant to be one (see
/// the module's rules). Surrounding white space is ignored.
pub fn redact(text: &str) -> Redacted {
    let text = text.trim();
    match Url::parse(text) {
        Ok(url) if recognisable(&url) => from_url(&url),
        Ok(_) => nothing(text),
        Err(ParseError::RelativeUrlWithoutBase) => match without_scheme(text) {
            Some(url) => Redacted {
                scheme: None,
                ..from_url(&url)
            },
            None => nothing(text),
        },
        Err(_) => nothing(text),
    }
}

/// `text` read as a URL that lacks its `https://`, when that gives a
/// recognisable host: an IP address, `localhost` or a name with a dot.
pub(crate) fn without_scheme(text: &str) -> Option<Url> {
    let url = Url::parse(&format!("https://{text}")).ok()?;
    recognisable(&url).then_some(url)
}

/// True when `url` has a host that reads as one: an IP address,
/// `localhost` or a name with a dot. A single word in the host's place
/// (`https:///TOKEN` parses with the host `token`) may be a secret.
fn recognisable(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(name)) => name.contains('.') || name == "localhost",
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => true,
        None => false,
    }
}

fn from_url(url: &Url) -> Redacted {
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let first_segment = (segments.len() > 1).then(|| segments[0].to_string());
    let shown_segments = usize::from(first_segment.is_some());
    let hidden = segments.len() > shown_segments
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some();
    Redacted {
        scheme: Some(url.scheme().to_string()),
        host: url.host_str().map(str::to_string),
        port: url.port(),
        first_segment,
        hidden,
    }
}

/// Nothing but the scheme, when one stands in front of `://`.
fn nothing(text: &str) -> Redacted {
    let scheme = text.split_once("://").and_then(|(scheme, _)| {
        let mut chars = scheme.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        (valid && scheme.len() <= 16).then(|| scheme.to_ascii_lowercase())
    });
    Redacted {
        scheme,
        host: None,
        port: None,
        first_segment: None,
        hidden: true,
    }
}

/// The parts of `url` that [`redact`] hides, longest first, for
/// [`printable`] to look for: the URL itself, its normalised form, its
/// path with and without the query and fragment, and (when at least
/// [`MIN_SECRET_LEN`] long) its credentials, query, fragment, query values
/// and hidden path segments.
fn secret_parts(url: &str) -> Vec<String> {
    let url = url.trim();
    let mut parts = vec![url.to_string()];
    let parsed = Url::parse(url).ok().or_else(|| without_scheme(url));
    if let Some(parsed) = parsed {
        let shown = redact(url).first_segment;
        parts.push(parsed.as_str().to_string());
        if parsed.path() != "/" || parsed.query().is_some() || parsed.fragment().is_some() {
            // As a request line or a log has it: path and query, and each
            // with what follows.
            parts.push(parsed[Position::BeforePath..].to_string());
            parts.push(parsed[Position::BeforePath..Position::AfterQuery].to_string());
            parts.push(parsed.path().to_string());
        }
        parts.retain(|p| p != "/");
        let mut pieces: Vec<String> = vec![parsed.username().to_string()];
        pieces.extend(parsed.password().map(str::to_string));
        pieces.extend(parsed.query().map(str::to_string));
        pieces.extend(parsed.fragment().map(str::to_string));
        pieces.extend(parsed.query_pairs().map(|(_, v)| v.into_owned()));
        if let Some(segments) = parsed.path_segments() {
            pieces.extend(segments.filter(|s| shown.as_deref() != Some(*s)).map(str::to_string));
        }
        parts.extend(pieces.into_iter().filter(|p| p.len() >= MIN_SECRET_LEN));
    }
    parts.retain(|p| !p.is_empty());
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    parts.dedup();
    parts
}

/// True for the characters [`printable`] drops: control characters (C0,
/// DEL and C1, Unicode category Cc) and the bidirectional controls that
/// reorder what a terminal shows (U+061C, U+200E, U+200F, U+202A to U+202E,
/// U+2066 to U+2069).
fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` (a receiver's answer, or an error from the HTTP library about
/// `url`) made safe to print on one line:
///
/// 1. control characters and bidirectional controls are dropped (white
///    space among them becomes a space), so an answer cannot move the
///    cursor, recolour the terminal or hide text;
/// 2. every part of `url` that [`redact`] hides becomes `…`, so a receiver
///    that echoes its path (`Cannot POST /services/T0/B0/…`) does not leak
///    the token;
/// 3. runs of white space become one space;
/// 4. at most `max_chars` characters are kept, `…` marking a cut.
pub fn printable(text: &str, url: &str, max_chars: usize) -> String {
    let mut clean: String = text
        .chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if is_unprintable(c) {
                None
            } else {
                Some(c)
            }
        })
        .collect();
    for part in secret_parts(url) {
        clean = clean.replace(&part, HIDDEN);
    }
    let words: Vec<&str> = clean.split_whitespace().collect();
    let clean = words.join(" ");
    if clean.chars().count() <= max_chars {
        return clean;
    }
    let mut cut: String = clean.chars().take(max_chars).collect();
    cut.push_str(HIDDEN);
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(url: &str) -> String {
        redact(url).to_string()
    }

    #[test]
    fn well_formed_urls_show_scheme_host_and_first_segment() {
        assert_eq!(
            shown("https://hooks.slack.com/services/T0/B0/secret"),
            "https://hooks.slack.com/services/…"
        );
        assert_eq!(shown("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(shown("https://h.example:443/"), "https://h.example/");
        assert_eq!(shown("https://user:pw@h.example/x"), "https://h.example/…");
        assert_eq!(shown("https://webhook.site/5f1c-secret"), "https://webhook.site/…");
        assert_eq!(shown("https://h.example/hook?token=secret"), "https://h.example/…");
        assert_eq!(shown("https://h.example/#secret"), "https://h.example/…");
        assert_eq!(shown("HTTPS://Hooks.EXAMPLE/a/b"), "https://hooks.example/a/…");
        assert_eq!(shown("http://[::1]:9/a/b/c"), "http://[::1]:9/a/…");
        assert_eq!(shown("  https://h.example/  "), "https://h.example/");
    }

    #[test]
    fn malformed_urls_never_show_their_secret() {
        let cases = [
            (
                "htps://hooks.example/services/SECRET",
                "htps://hooks.example/services/…",
            ),
            ("hooks.example/services/SECRET", "hooks.example/services/…"),
            ("https://hooks example/services/SECRET", "https://…"),
            ("https://hooks.example:99999/SECRET", "https://…"),
            ("https:///SECRET", "https://…"),
            ("https://SECRET/x", "https://…"),
            ("http://localhost:8/a/SECRET", "http://localhost:8/a/…"),
            ("SECRET", "…"),
            ("xoxb-SECRET/path", "…"),
            ("htps:SECRET", "…"),
            ("mailto:SECRET@example.com", "…"),
            ("NOT A SCHEME://SECRET", "…"),
            ("", "…"),
        ];
        for (url, expected) in cases {
            let out = shown(url);
            assert_eq!(out, expected, "{url}");
            assert!(!out.contains("SECRET"), "{url} shown as {out}");
        }
    }

    #[test]
    fn secret_urls_print_redacted_in_debug_and_display() {
        let url: SecretUrl = " https://hooks.slack.com/services/T0/B0/SECRET ".parse().unwrap();
        assert_eq!(url.expose(), "https://hooks.slack.com/services/T0/B0/SECRET");
        assert_eq!(url.to_string(), "https://hooks.slack.com/services/…");
        let debug = format!("{:?} {:#?}", url, vec![url.clone()]);
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("hooks.slack.com"), "{debug}");
    }

    #[test]
    fn printable_drops_controls_and_secret_parts() {
        let url = "https://hooks.example/services/T0AB/B0CD/SECRETTOKEN?key=QUERYSECRET";
        let body = "Cannot POST /services/T0AB/B0CD/SECRETTOKEN\x1b[2J\x07 \u{202E}gnp.exe\r\n\tkey QUERYSECRET\u{85}!";
        let out = printable(body, url, 200);
        assert_eq!(out, "Cannot POST …[2J gnp.exe key … !");
        assert_eq!(printable("a  b\n\nc", url, 200), "a b c");
        assert_eq!(printable("abcdef", url, 3), "abc…");
        let echoed = printable(&format!("bad uri: {url} is missing host"), url, 200);
        assert_eq!(echoed, "bad uri: … is missing host");
        // Split by a control character, the token is still found.
        let split = printable("SECRET\x00TOKEN", url, 200);
        assert!(!split.contains("SECRETTOKEN"), "{split}");
    }
}
