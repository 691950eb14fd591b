//! What the pages are prepared with before Tera renders them: the
//! templates without their indentation, the theme's page script compacted,
//! and the Content-Security-Policy that names that script and the accent
//! style by hash.

/// The Content-Security-Policy every page carries (in a `<meta>`), for a
/// site at `base_url` with the inline `script` and, when the site has an
/// accent colour, the inline `style`: only the site's own origin, and the
/// two inline texts by their SHA-256 (CSP Level 3, "hash-source"). No
/// plugins, no `<base>`, no forms.
pub(super) fn content_security_policy(base_url: &str, script: &str, style: Option<&str>) -> String {
    // The site's own origin as well as 'self': the 404 page links its
    // assets absolutely, and a mirror or preview may serve from elsewhere.
    let own = match origin(base_url) {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src {own}; script-src {own} 'sha256-{}'; style-src {own}{}; img-src {own} data: https:; connect-src {own}; object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256_base64(script),
        style
            .map(|s| format!(" 'sha256-{}'", sha256_base64(s)))
            .unwrap_or_default()
    )
}

/// The origin of `url` as a CSP host-source, `scheme://host[:port]`, as
/// the `url` crate serializes it (WHATWG URL Standard, "ASCII
/// serialization of an origin": an internationalized host in Punycode, as
/// CSP source expressions must be ASCII). `None` for a URL without a host
/// (load accepts only absolute `http(s)` URLs). The template still escapes
/// the policy like any other text.
fn origin(url: &str) -> Option<String> {
    let origin = url::Url::parse(url).ok()?.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// The base64 SHA-256 of `text`, as a Content-Security-Policy source
/// names an inline script or style (CSP Level 3, "hash-source").
fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The theme's page script, inlined in every page.
pub(super) const SCRIPT: &str = "allclear.js";

/// The page script without comment lines, indentation or blank lines, to
/// keep pages small. The script is written for this: no multi-line strings
/// and no `//` inside a line that starts with code.
pub(super) fn compact_script(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drop the indentation at the start of a template's lines, except inside
/// `<pre>` and `<textarea>`, where white space is content: pages come out
/// without the indentation that keeps templates readable.
pub(super) fn strip_indentation(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut verbatim = false;
    for line in html.split_inclusive('\n') {
        let (opens, closes) = verbatim_tags(line);
        out.push_str(if verbatim {
            line
        } else {
            line.trim_start_matches([' ', '\t'])
        });
        if opens && !closes {
            verbatim = true;
        } else if closes {
            verbatim = false;
        }
    }
    out
}

/// Whether `line` opens and whether it closes a `<pre>` or `<textarea>`;
/// one pass over the line's `<`s, as pages have thousands of lines.
fn verbatim_tags(line: &str) -> (bool, bool) {
    let (mut opens, mut closes) = (false, false);
    for (i, _) in line.match_indices('<') {
        let rest = &line[i + 1..];
        if rest.starts_with("pre") || rest.starts_with("textarea") {
            opens = true;
        } else if rest.starts_with("/pre>") || rest.starts_with("/textarea>") {
            closes = true;
        }
    }
    (opens, closes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_is_the_ascii_serialization() {
        let cases = [
            ("https://status.example.com", "https://status.example.com"),
            ("https://status.example.com/sub/path", "https://status.example.com"),
            ("http://Status.Example.com:8080/x", "http://status.example.com:8080"),
            ("https://status.example.com:443/", "https://status.example.com"),
            ("https://stätus.example/", "https://xn--sttus-hra.example"),
        ];
        for (url, want) in cases {
            assert_eq!(origin(url).as_deref(), Some(want), "{url}");
        }
        // WHATWG URL allows `"` in a host: the page escapes the policy.
        assert_eq!(
            origin("https://st\"atus.example.com").as_deref(),
            Some("https://st\"atus.example.com")
        );
        assert_eq!(origin("https://status.example.com\"><script>alert(1)</script>"), None);
        assert_eq!(origin("mailto:ops@example.com"), None);
    }

    #[test]
    fn indentation_goes_except_where_white_space_is_content() {
        let template = "<ul>\n    <li>a</li>\n\t<li>b</li>\n</ul>\n  <pre>\n    kept\n  </pre>\n  <p>x</p>\n<textarea>\n  kept too</textarea>\n  y\n";
        assert_eq!(
            strip_indentation(template),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>\n    kept\n  </pre>\n<p>x</p>\n<textarea>\n  kept too</textarea>\ny\n"
        );
    }

    #[test]
    fn the_script_loses_comments_indentation_and_blank_lines() {
        let js = "// header\nconst a = 1;\n\n    if (a) {\n      // why\n      go(\"//x\");\n    }\n";
        assert_eq!(compact_script(js), "const a = 1;\nif (a) {\ngo(\"//x\");\n}");
    }

    #[test]
    fn the_policy_names_the_inline_texts_by_hash() {
        // printf 'x' | openssl dgst -sha256 -binary | base64
        assert_eq!(sha256_base64("x"), "LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=");
        let csp = content_security_policy("https://status.example.com/sub", "x", None);
        assert!(
            csp.starts_with("default-src 'self' https://status.example.com; script-src 'self' https://status.example.com 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='; style-src 'self' https://status.example.com; "),
            "{csp}"
        );
        assert!(
            csp.ends_with("object-src 'none'; base-uri 'none'; form-action 'none'"),
            "{csp}"
        );
        let styled = content_security_policy("https://status.example.com", "x", Some("x"));
        assert!(
            styled.contains(
                "style-src 'self' https://status.example.com 'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=';"
            ),
            "{styled}"
        );
    }
}
