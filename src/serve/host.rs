//! The Host check: the preview answers only to names that cannot be turned
//! against it by DNS rebinding.
//!
//! In DNS rebinding a web page on `evil.example` makes its own name
//! resolve to 127.0.0.1, then reads the preview as a same-origin page: the
//! browser sends `Host: evil.example`. So every request whose host is not
//! one of these gets 403, before any route (the live-reload stream too):
//!
//! - an IP address (`127.0.0.1`, `[::1]`, `192.168.1.20`): no name was
//!   resolved, so nothing was rebound. This is also what makes
//!   `--bind 0.0.0.0` work from other machines, whose addresses for this
//!   one are not known in advance;
//! - `localhost` and names below it (`site.localhost`), which always
//!   resolve to the loopback address (RFC 6761, section 6.3);
//! - the name given with `--bind`, when it is a name;
//! - the names given with `--allow-host`: `NAME` allows that name,
//!   `.NAME` allows it and every name below it.
//!
//! The rule is Vite's `server.allowedHosts` and webpack-dev-server's
//! `allowedHosts: "auto"`. The port is not compared (a tunnel or proxy may
//! change it; rebinding is about names), names are compared in lower case
//! and in their ASCII (punycode) form, as browsers send them. A request
//! without a Host header is refused too (HTTP/1.1 requires one, and every
//! browser sends one). For a request in absolute form (`GET http://a/ …`)
//! the host in the request line is the one checked, and its Host header is
//! ignored (RFC 9112, section 3.2.2).

use std::collections::BTreeSet;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, HOST, X_CONTENT_TYPE_OPTIONS};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Host;

use super::ServeError;

/// How many refused names are told in the terminal, each once.
const TOLD_MAX: usize = 32;

/// A host name for `--allow-host`, as the check compares it: `NAME` or
/// `.NAME` (that name and every name below it), in lower case and ASCII
/// (an international name becomes its punycode form, `xn--…`).
///
/// # Errors
/// A message that says what to write instead: for a URL, a port, a
/// wildcard (`*.example.com`: write `.example.com`), or anything that is
/// not a host name.
pub fn allowed_host_name(value: &str) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.contains("://") || trimmed.contains('/') {
        return Err(format!(
            "`{value}` is not a host name: give the name alone, without scheme or path, like `status.example.test`"
        ));
    }
    if let Some(rest) = trimmed.strip_prefix("*.") {
        return Err(format!(
            "`{value}`: write `.{rest}` to allow {rest} and every name below it"
        ));
    }
    let (dot, name) = match trimmed.strip_prefix('.') {
        Some(name) => (".", name),
        None => ("", trimmed),
    };
    let is_ipv6 = name.starts_with('[');
    if name.contains(':') && !is_ipv6 {
        return Err(format!(
            "`{value}` has a port: give the name alone (any port is accepted), like `{}`",
            name.split(':').next().unwrap_or_default()
        ));
    }
    match Host::parse(name) {
        Ok(Host::Domain(domain)) if !domain.is_empty() && !domain.contains('*') => Ok(format!("{dot}{domain}")),
        Ok(Host::Ipv4(_) | Host::Ipv6(_)) if dot.is_empty() => Ok(name.to_ascii_lowercase()),
        _ => Err(format!(
            "`{value}` is not a host name: write a name such as `status.example.test`, or `.example.test` for every name below it"
        )),
    }
}

/// The names the server answers to besides IP addresses and `localhost`.
#[derive(Debug)]
pub(super) struct HostGuard {
    /// Exact names, in [`allowed_host_name`]'s form.
    names: BTreeSet<String>,
    /// `.NAME` entries: that name and every name below it.
    suffixes: Vec<String>,
    /// Refused names already told in the terminal.
    told: Mutex<BTreeSet<String>>,
}

/// Why a request was refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// No Host header and no host in the request line.
    Missing,
    /// More than one Host header.
    Several,
    /// A Host header that is not `host[:port]`.
    Malformed(String),
    /// A host name that is not allowed, in lower case.
    NotAllowed(String),
}

impl HostGuard {
    /// The guard for a server listening on `bind` (an address or a name)
    /// that also answers to `allowed` (values for [`allowed_host_name`]).
    ///
    /// # Errors
    /// [`ServeError::AllowedHost`] for the first name in `allowed` that is
    /// not valid.
    pub(super) fn new(bind: &str, allowed: &[String]) -> Result<Self, ServeError> {
        let mut names = BTreeSet::new();
        let mut suffixes = Vec::new();
        for value in allowed {
            let name = allowed_host_name(value).map_err(|e| ServeError::AllowedHost(format!("--allow-host {e}")))?;
            if name.starts_with('.') {
                suffixes.push(name);
            } else {
                names.insert(name);
            }
        }
        // `--bind` names where the user expects to reach the server.
        if let Ok(Host::Domain(name)) = Host::parse(bind.trim_matches(['[', ']'])) {
            names.insert(name);
        }
        Ok(HostGuard {
            names,
            suffixes,
            told: Mutex::new(BTreeSet::new()),
        })
    }

    /// Whether a request for `uri` with `headers` may be answered.
    ///
    /// # Errors
    /// Why not.
    pub(super) fn check(&self, uri: &Uri, headers: &HeaderMap) -> Result<(), Refusal> {
        let authority = match uri.authority() {
            // Absolute form: the request line names the host.
            Some(authority) => authority.as_str().to_string(),
            None => {
                let mut values = headers.get_all(HOST).iter();
                let value = values.next().ok_or(Refusal::Missing)?;
                if values.next().is_some() {
                    return Err(Refusal::Several);
                }
                let text = String::from_utf8_lossy(value.as_bytes());
                value
                    .to_str()
                    .map_err(|_| Refusal::Malformed(text.to_string()))?
                    .to_string()
            }
        };
        let malformed = || Refusal::Malformed(authority.clone());
        // A Host header is `host[:port]`: no user name (`a@b`).
        if authority.contains('@') {
            return Err(malformed());
        }
        let parsed = Authority::from_str(authority.trim()).map_err(|_| malformed())?;
        // `Authority` leaves the port unchecked until it is asked for.
        let port = &parsed.as_str()[parsed.host().len()..];
        if !port.trim_start_matches(':').bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        match Host::parse(parsed.host()).map_err(|_| malformed())? {
            Host::Ipv4(_) | Host::Ipv6(_) => Ok(()),
            Host::Domain(name) if self.allows(&name) => Ok(()),
            Host::Domain(name) => Err(Refusal::NotAllowed(name)),
        }
    }

    /// Whether the name `name` (lower case, ASCII) is allowed.
    fn allows(&self, name: &str) -> bool {
        name == "localhost"
            || name.ends_with(".localhost")
            || self.names.contains(name)
            || self
                .suffixes
                .iter()
                .any(|suffix| name.ends_with(suffix.as_str()) || name == &suffix[1..])
    }

    /// Say in the terminal, once per name, that a name was refused: the
    /// user who opens the preview by a new name learns what to pass.
    fn tell(&self, refusal: &Refusal) {
        let Refusal::NotAllowed(name) = refusal else { return };
        let mut told = self.told.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if told.len() < TOLD_MAX && told.insert(name.clone()) {
            eprintln!(
                "note: refused a request for host `{name}` (403): to open the preview by that name, serve with --allow-host {name}"
            );
        }
    }
}

/// The middleware: answer 403 to a request the guard refuses.
pub(super) async fn check_host(State(guard): State<Arc<HostGuard>>, request: Request, next: Next) -> Response {
    match guard.check(request.uri(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(refusal) => {
            guard.tell(&refusal);
            (
                StatusCode::FORBIDDEN,
                [
                    (CONTENT_TYPE, "text/plain; charset=utf-8"),
                    (X_CONTENT_TYPE_OPTIONS, "nosniff"),
                ],
                refusal_text(&refusal),
            )
                .into_response()
        }
    }
}

/// The 403 page: what was refused, why, and what to pass instead.
fn refusal_text(refusal: &Refusal) -> String {
    const WHY: &str = "allclear serve answers only to localhost, IP addresses and the names given with \
        --allow-host, so that other web sites cannot read the preview through DNS rebinding.";
    match refusal {
        Refusal::NotAllowed(name) => format!(
            "Blocked a request for host `{name}`.\n\n{WHY}\n\nTo open it by this name, serve with:\n\n    allclear serve --allow-host {name}\n"
        ),
        Refusal::Missing => format!(
            "Blocked a request without a Host header.\n\n{WHY}\n\nSend a Host header (HTTP/1.1 requires one), such as `Host: localhost`.\n"
        ),
        Refusal::Several => format!("Blocked a request with more than one Host header.\n\n{WHY}\n\nSend one.\n"),
        Refusal::Malformed(value) => format!(
            "Blocked a request whose Host header, `{}`, is not a host name with an optional port.\n\n{WHY}\n\nSend a Host header such as `Host: localhost:1111`.\n",
            value.escape_debug()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn check(guard: &HostGuard, host: &str) -> Result<(), Refusal> {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_str(host).unwrap());
        guard.check(&Uri::from_static("/"), &headers)
    }

    #[test]
    fn ip_addresses_and_localhost_are_allowed_at_any_port() {
        let guard = HostGuard::new("127.0.0.1", &[]).unwrap();
        for host in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]:1111",
            "[::1]",
            "192.168.1.20:8080",
            "localhost",
            "LOCALHOST:1111",
            "status.localhost:1111",
        ] {
            assert_eq!(check(&guard, host), Ok(()), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused() {
        let guard = HostGuard::new("127.0.0.1", &[]).unwrap();
        assert_eq!(
            check(&guard, "Evil.Example:1111"),
            Err(Refusal::NotAllowed("evil.example".into()))
        );
        assert_eq!(
            check(&guard, "localhost.evil.example"),
            Err(Refusal::NotAllowed("localhost.evil.example".into()))
        );
        assert_eq!(
            check(&guard, "notlocalhost"),
            Err(Refusal::NotAllowed("notlocalhost".into()))
        );
        for bad in ["localhost@evil.example", "evil.example:port", "[::1", ""] {
            assert!(matches!(check(&guard, bad), Err(Refusal::Malformed(_))), "{bad}");
        }
        assert_eq!(
            guard.check(&Uri::from_static("/"), &HeaderMap::new()),
            Err(Refusal::Missing)
        );
        let mut two = HeaderMap::new();
        two.append(HOST, HeaderValue::from_static("localhost"));
        two.append(HOST, HeaderValue::from_static("evil.example"));
        assert_eq!(guard.check(&Uri::from_static("/"), &two), Err(Refusal::Several));
    }

    #[test]
    fn the_request_line_host_wins_over_the_header() {
        let guard = HostGuard::new("127.0.0.1", &[]).unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_static("localhost"));
        let uri = Uri::from_static("http://evil.example/");
        assert_eq!(
            guard.check(&uri, &headers),
            Err(Refusal::NotAllowed("evil.example".into()))
        );
        assert_eq!(
            guard.check(&Uri::from_static("http://localhost:1/"), &HeaderMap::new()),
            Ok(())
        );
    }

    #[test]
    fn allowed_names_bind_names_and_suffixes() {
        let allowed = ["Status.Example.test".to_string(), ".tunnel.test".to_string()];
        let guard = HostGuard::new("devbox.lan", &allowed).unwrap();
        for host in [
            "status.example.test",
            "status.example.test:443",
            "devbox.lan:1111",
            "tunnel.test",
            "abc.tunnel.test",
            "a.b.tunnel.test",
        ] {
            assert_eq!(check(&guard, host), Ok(()), "{host}");
        }
        for host in ["example.test", "other.example.test", "xtunnel.test", "devbox"] {
            assert!(matches!(check(&guard, host), Err(Refusal::NotAllowed(_))), "{host}");
        }
    }

    #[test]
    fn allow_host_values_are_names() {
        assert_eq!(
            allowed_host_name("Status.Example.test").as_deref(),
            Ok("status.example.test")
        );
        assert_eq!(allowed_host_name(".Example.test").as_deref(), Ok(".example.test"));
        assert_eq!(
            allowed_host_name("bücher.example").as_deref(),
            Ok("xn--bcher-kva.example")
        );
        let url = allowed_host_name("http://status.example.test/").unwrap_err();
        assert!(url.contains("without scheme or path"), "{url}");
        let port = allowed_host_name("status.example.test:8080").unwrap_err();
        assert!(port.contains("like `status.example.test`"), "{port}");
        let wildcard = allowed_host_name("*.example.test").unwrap_err();
        assert!(wildcard.contains("write `.example.test`"), "{wildcard}");
        assert!(allowed_host_name("").is_err());
        assert!(allowed_host_name("a b").is_err());
        assert!(allowed_host_name(".").is_err());
    }

    #[test]
    fn the_refusal_says_what_to_pass() {
        let text = refusal_text(&Refusal::NotAllowed("evil.example".into()));
        assert!(text.contains("--allow-host evil.example"), "{text}");
        assert!(refusal_text(&Refusal::Missing).contains("Host header"));
    }

    #[test]
    fn a_bad_allowed_name_is_a_serve_error_naming_the_flag() {
        let Err(e) = HostGuard::new("127.0.0.1", &["https://status.example".into()]) else {
            panic!("a URL is not a host name");
        };
        assert!(matches!(e, ServeError::AllowedHost(_)), "{e:?}");
        assert!(
            e.to_string().starts_with("--allow-host `https://status.example`"),
            "{e}"
        );
    }
}
