//! Webhook URLs are secrets: `allclear notify` prints at most their scheme,
//! host and first path segment, whatever is wrong with them, and prints a
//! receiver's answer without control characters or the URL's secret parts
//! (issue 11, item 9). The real binary, a real git repository and a
//! loopback receiver.

use crate::notify_support;

use std::fs;

use notify_support::*;

/// Everything a run printed, both streams.
fn printed(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `text` holds none of the secret words (in any case) and no control
/// character but line breaks.
fn assert_clean(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            !text.to_lowercase().contains(&secret.to_lowercase()),
            "`{secret}` was printed:\n{text}"
        );
    }
    let bad: Vec<char> = text
        .chars()
        .filter(|c| (c.is_control() && *c != '\n') || ('\u{202A}'..='\u{202E}').contains(c))
        .collect();
    assert!(bad.is_empty(), "control characters {bad:?} were printed:\n{text}");
}

#[test]
fn a_bad_url_is_refused_without_printing_its_secret() {
    let (_tmp, _repo, site) = repo_with_updates();
    // (URL, what the message shows of it, what it says to write instead)
    let cases = [
        (
            "htps://hooks.example/services/T0/SECRET",
            "`htps://hooks.example/services/…` is not an http:// or https:// URL (its scheme is `htps`)",
            "write https://hooks.example/services/…",
        ),
        (
            "hooks.example/services/T0/SECRET",
            "`hooks.example/services/…` has no scheme",
            "write https://hooks.example/services/…",
        ),
        (
            "https://hooks example/SECRET",
            "`https://…` is not a URL (invalid international domain name)",
            "write https://HOST/PATH",
        ),
        (
            "https://hooks.example:99999/SECRET",
            "`https://…` is not a URL (invalid port number)",
            "write https://HOST/PATH",
        ),
        ("SECRET-token", "`…` is not a URL", "write https://HOST/PATH"),
        (
            "ftp://user:SECRET@hooks.example/x",
            "`ftp://hooks.example/…` is not an http:// or https:// URL (its scheme is `ftp`)",
            "write https://hooks.example/…",
        ),
        (
            "mailto:SECRET@hooks.example",
            "`…` is not an http:// or https:// URL with a host",
            "write https://HOST/PATH",
        ),
        (
            "https://hooks.example/services/a b/SECRET",
            "`https://hooks.example/services/…` holds characters a URL cannot carry",
            "percent-encode them",
        ),
    ];
    for (url, shown, instead) in cases {
        for flag in ["--webhook", "--slack"] {
            let out = notify(&site, &["--since", "HEAD~1", flag, url])
                .assert()
                .code(2)
                .get_output()
                .clone();
            let text = printed(&out);
            assert_clean(&text, &["SECRET"]);
            assert!(text.contains(&format!("error: {flag} {shown}")), "{url}: {text}");
            assert!(text.contains(instead), "{url}: {text}");
        }
    }
    // A URL given to --since by mistake.
    let out = notify(
        &site,
        &["--since", "https://hooks.example/services/T0/SECRET", "--dry-run"],
    )
    .assert()
    .code(2)
    .get_output()
    .clone();
    let text = printed(&out);
    assert_clean(&text, &["SECRET"]);
    assert!(
        text.contains("`https://hooks.example/services/…` is not a commit"),
        "{text}"
    );
    // A URL given without --webhook (clap would echo the whole word).
    let out = notify(
        &site,
        &["--since", "HEAD~1", "https://hooks.example/services/T0/SECRET"],
    )
    .assert()
    .code(2)
    .get_output()
    .clone();
    let text = printed(&out);
    assert_clean(&text, &["SECRET"]);
    assert!(
        text.contains(
            "error: unexpected argument `https://hooks.example/services/…`: give a webhook's URL with --webhook URL"
        ),
        "{text}"
    );
}

/// A receiver that answers 404 with a page that echoes the path (as
/// Express's `Cannot POST /path` does), terminal escapes, a bell and a
/// right-to-left override.
fn hostile_404(path: &str) -> (u16, Vec<u8>) {
    let body = format!("<pre>Cannot POST {path}</pre>\x1b]0;owned\x07\x1b[2J\r\n\t\u{202E}txt.exe\u{0085}done");
    (404, body.into_bytes())
}

#[test]
fn failures_progress_and_dry_runs_print_urls_redacted_and_answers_cleaned() {
    let (_tmp, repo, site) = repo_with_updates();
    let server = Server::answering(hostile_404);
    let port = server.url("");
    let hook = server.url("/services/T0001/B0001/SECRETTOKEN");
    let slack = format!(
        "http://user:PASSWORD@{}/chat/hooks?token=QUERYSECRET#FRAGMENTSECRET",
        port.trim_start_matches("http://")
    );
    let secrets = [
        "SECRETTOKEN",
        "PASSWORD",
        "QUERYSECRET",
        "FRAGMENTSECRET",
        "T0001",
        "B0001",
    ];
    let args = ["--since", "HEAD~1", "--webhook", &hook, "--slack", &slack];

    let out = notify(&site, &args).assert().code(1).get_output().clone();
    let text = printed(&out);
    assert_eq!(server.count(), 2, "one post to each, which fails at once: {text}");
    let requests = server.to("/services/T0001/B0001/SECRETTOKEN");
    assert_eq!(requests.len(), 1, "the secret URL itself was posted to: {text}");
    assert_clean(&text, &secrets);
    assert!(
        text.contains(&format!("failed 2026-11-01-ok@2026-11-01T12:00:00Z (new) to webhook {port}/services/…: HTTP 404: <pre>Cannot POST …</pre>]0;owned[2J txt.exe done")),
        "{text}"
    );
    assert!(
        text.contains(&format!("to slack {port}/chat/…: HTTP 404: <pre>Cannot POST …</pre>")),
        "{text}"
    );
    assert!(
        text.contains(&format!("webhook {port}/services/… for 2026-11-20-api@")),
        "{text}"
    );

    let dry = notify(&site, &[&args[..], &["--dry-run"]].concat())
        .assert()
        .success()
        .get_output()
        .clone();
    let text = printed(&dry);
    assert_clean(&text, &secrets);
    assert!(text.contains(&format!("POST webhook {port}/services/…: ")), "{text}");
    assert!(text.contains(&format!("POST slack {port}/chat/…: ")), "{text}");

    // A receiver that accepts: the progress lines and the ledger.
    let ok = Server::start(ok_except_fail);
    let hook = ok.url("/services/T0001/B0001/SECRETTOKEN");
    let out = notify(&site, &["--since", "HEAD~1", "--webhook", &hook])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = printed(&out);
    assert_clean(&text, &secrets);
    assert!(
        text.contains(&format!("to webhook {}/services/…", ok.url(""))),
        "{text}"
    );
    let ledger = fs::read_to_string(repo.join(".git/allclear-notify.json")).unwrap();
    assert_clean(&ledger.replace('\n', " "), &secrets);
    assert!(ledger.contains("\"host\": \"127.0.0.1\""), "{ledger}");
}
