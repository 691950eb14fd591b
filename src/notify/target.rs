//! The receivers `notify` posts to: `--webhook` and `--slack` URLs,
//! checked (with the `url` crate) before anything is loaded or sent, and
//! named in messages only by their redacted form ([`super::redact`]).

use url::{ParseError, Url};

use super::NotifyError;
use super::redact::{self, SecretUrl};

/// What kind of receiver a URL is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Statuspage-style incident webhook JSON.
    Webhook,
    /// A Slack-compatible incoming webhook.
    Slack,
}

impl TargetKind {
    /// `webhook` or `slack`, as the flag and messages name it.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Webhook => "webhook",
            TargetKind::Slack => "slack",
        }
    }
}

/// A URL to post to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub url: SecretUrl,
    /// How messages name it: the kind and the redacted URL
    /// (`slack https://hooks.slack.com/services/…`), with `(--slack #2)`
    /// added when another target would read the same.
    pub label: String,
}

impl Target {
    /// A target named by its kind and redacted URL.
    pub fn new(kind: TargetKind, url: SecretUrl) -> Target {
        let label = format!("{} {url}", kind.as_str());
        Target { kind, url, label }
    }
}

/// The targets of `--webhook` and `--slack`, webhooks first, each checked
/// to be an `http(s)` URL with a host; a URL given twice is one target.
///
/// # Errors
/// [`NotifyError::Usage`] naming the first bad URL, redacted, and what to
/// write instead.
pub fn targets(webhooks: &[SecretUrl], slacks: &[SecretUrl]) -> Result<Vec<Target>, NotifyError> {
    let all = (webhooks.iter().enumerate().map(|(i, u)| (TargetKind::Webhook, i, u)))
        .chain(slacks.iter().enumerate().map(|(i, u)| (TargetKind::Slack, i, u)));
    let mut out: Vec<(Target, usize)> = Vec::new();
    for (kind, position, url) in all {
        check_url(kind, url)?;
        if !out.iter().any(|(t, _)| t.kind == kind && t.url == *url) {
            out.push((Target::new(kind, url.clone()), position + 1));
        }
    }
    let labels: Vec<String> = out.iter().map(|(t, _)| t.label.clone()).collect();
    Ok(out
        .into_iter()
        .map(|(mut target, position)| {
            if labels.iter().filter(|l| **l == target.label).count() > 1 {
                target.label = format!("{} (--{} #{position})", target.label, target.kind.as_str());
            }
            target
        })
        .collect())
}

/// Check that `url` is an `http(s)` URL with a host that the HTTP client
/// accepts as it is.
fn check_url(kind: TargetKind, url: &SecretUrl) -> Result<(), NotifyError> {
    let flag = format!("--{}", kind.as_str());
    let text = url.expose();
    let fail = |why: String| Err(NotifyError::Usage(format!("{flag} `{url}` {why}")));
    let suggest = |u: &Url| {
        let mut shown = redact::redact(u.as_str());
        shown.scheme = Some("https".into());
        shown.to_string()
    };
    match Url::parse(text) {
        Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => {
            if !matches!(u.scheme(), "http" | "https") {
                return fail(format!(
                    "is not an http:// or https:// URL (its scheme is `{}`); write {}",
                    u.scheme(),
                    suggest(&u)
                ));
            }
            if text.parse::<ureq::http::Uri>().is_err() {
                return fail(
                    "holds characters a URL cannot carry as they are (a space, a quote, `<`, `>`, `{`, `}`, `|`, \
                     `\\`, `^`, a backtick or a non-ASCII letter); percent-encode them (a space is %20)"
                        .into(),
                );
            }
            Ok(())
        }
        Ok(_) => fail("is not an http:// or https:// URL with a host; write https://HOST/PATH".into()),
        Err(ParseError::RelativeUrlWithoutBase) => match redact::without_scheme(text) {
            Some(u) => fail(format!("has no scheme; write {}", suggest(&u))),
            None => fail("is not a URL; write https://HOST/PATH, as the receiver's settings show it".into()),
        },
        Err(e) => fail(format!(
            "is not a URL ({e}); write https://HOST/PATH, as the receiver's settings show it"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(texts: &[&str]) -> Vec<SecretUrl> {
        texts.iter().map(|u| SecretUrl::new(*u)).collect()
    }

    #[test]
    fn targets_are_labelled_without_their_secret_path() {
        let t = |url: &str| Target::new(TargetKind::Slack, SecretUrl::new(url)).label;
        assert_eq!(
            t("https://hooks.slack.com/services/T0/B0/secret"),
            "slack https://hooks.slack.com/services/…"
        );
        assert_eq!(t("http://127.0.0.1:8080"), "slack http://127.0.0.1:8080/");
        assert_eq!(t("https://user:pw@h.example/x"), "slack https://h.example/…");
    }

    #[test]
    fn targets_that_read_the_same_are_told_apart_by_position() {
        let labels: Vec<String> = targets(
            &urls(&["https://h.example/a/SECRET1", "https://h.example/b/SECRET"]),
            &urls(&[
                "https://h.example/a/SECRET2",
                "https://h.example/a/SECRET1",
                "https://h.example/a/SECRET2",
            ]),
        )
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
        assert_eq!(
            labels,
            [
                "webhook https://h.example/a/…",
                "webhook https://h.example/b/…",
                "slack https://h.example/a/… (--slack #1)",
                "slack https://h.example/a/… (--slack #2)",
            ]
        );
    }
}
