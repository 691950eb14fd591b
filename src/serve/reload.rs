//! What `serve` adds to HTML responses, and only there: the live-reload
//! script and, while the site has errors, the error overlay.
//!
//! `allclear build` never calls this module, so built sites carry neither.
//!
//! The script is a few hundred bytes, with no dependency and no request
//! other than to this server: it opens an `EventSource` on [`EVENTS_PATH`],
//! which sends the current build generation on connect and after every
//! build, and reloads the page as soon as that differs from the generation
//! the page was served with. Comparing with the page's own generation, not
//! waiting for a change, means a build that finished between serving the
//! page and opening the stream still reloads it.

/// The Server-Sent Events stream of build generations.
pub(super) const EVENTS_PATH: &str = "/__allclear/events";

/// `html` with the reload script for `generation`, and the overlay for
/// `error` (the rendered diagnostics, plain text) when there is one, added
/// before the last `</body>` (or at the end when there is none).
pub(super) fn inject(html: &[u8], generation: &str, error: Option<&str>) -> Vec<u8> {
    // The built page's Content-Security-Policy allows only its own inline
    // script; the preview's reload script and overlay are not in it.
    let html = &without_csp(html);
    let mut snippet = String::new();
    if let Some(error) = error {
        snippet.push_str(&overlay(error));
    }
    snippet.push_str(&script(generation));
    let at = body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// `html` without its Content-Security-Policy `<meta>`.
fn without_csp(html: &[u8]) -> Vec<u8> {
    const CSP: &[u8] = b"<meta http-equiv=\"Content-Security-Policy\"";
    let Some(start) = html.windows(CSP.len()).position(|w| w == CSP) else {
        return html.to_vec();
    };
    let end = html[start..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(html.len(), |e| start + e + 1);
    [&html[..start], &html[end..]].concat()
}

/// A whole page for when no build has succeeded yet: nothing to show but
/// the errors, and the script that reloads once they are fixed.
pub(super) fn placeholder(generation: &str, error: Option<&str>) -> Vec<u8> {
    let page = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>allclear serve</title></head>\n<body>\n<p>The site has not been built yet.</p>\n</body>\n</html>\n";
    inject(page.as_bytes(), generation, error)
}

/// The live-reload script. `generation` is the server's own token
/// (letters, digits and `-`), so it needs no escaping in a JS string.
fn script(generation: &str) -> String {
    debug_assert!(generation.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    format!(
        "<script>/* allclear serve: live reload */(()=>{{const g=\"{generation}\",s=new EventSource(\"{EVENTS_PATH}\");s.onmessage=e=>{{if(e.data!==g){{s.close();location.reload()}}}}}})()</script>\n"
    )
}

/// A panel fixed over the top of the page with the rendered diagnostics;
/// the last good build stays visible below it, and a button hides it.
fn overlay(error: &str) -> String {
    format!(
        concat!(
            "<div id=\"allclear-error\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;",
            "max-height:75vh;overflow:auto;box-sizing:border-box;margin:0;padding:1rem 1.5rem;",
            "background:#1e1e1e;color:#f0f0f0;border-bottom:4px solid #e5484d;box-shadow:0 4px 16px rgba(0,0,0,.4);",
            "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left\">",
            "<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit\">Hide</button>",
            "<p style=\"margin:0 0 .75rem;font-weight:bold;color:#ff9592\">allclear: the site has errors. ",
            "This page is the last good build; it reloads when the files are fixed.</p>",
            "<pre style=\"margin:0;white-space:pre-wrap;font:inherit\">{}</pre></div>\n"
        ),
        crate::escape::html(error)
    )
}

/// Where the last `</body` starts, ignoring ASCII case.
fn body_end(html: &[u8]) -> Option<usize> {
    const TAG: &[u8] = b"</body";
    html.windows(TAG.len()).rposition(|w| w.eq_ignore_ascii_case(TAG))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>x</p><!-- </body> --></BODY></html>";
        let out = String::from_utf8(inject(html, "abc-1", None)).unwrap();
        let script = out.find("<script>").unwrap();
        assert!(script > out.find("<!-- </body> -->").unwrap(), "{out}");
        assert!(out[script..].contains("</BODY></html>"), "{out}");
        assert!(out.contains("const g=\"abc-1\""), "{out}");
        assert!(out.contains(EVENTS_PATH), "{out}");
        assert!(!out.contains("allclear-error"), "{out}");
    }

    #[test]
    fn without_a_body_tag_the_script_is_appended() {
        let out = String::from_utf8(inject(b"<p>fragment</p>", "g-2", None)).unwrap();
        assert!(out.starts_with("<p>fragment</p><script>"), "{out}");
    }

    #[test]
    fn the_overlay_escapes_the_diagnostics() {
        let error = "error: incidents/a.md:2:9: `<b>` & \"x\" is not valid";
        let out = String::from_utf8(inject(b"<body></body>", "g-3", Some(error))).unwrap();
        assert!(out.contains("id=\"allclear-error\""), "{out}");
        assert!(
            out.contains("error: incidents/a.md:2:9: `&lt;b&gt;` &amp; &quot;x&quot; is not valid"),
            "{out}"
        );
        assert!(!out.contains("<b>"), "{out}");
        assert!(out.find("allclear-error").unwrap() < out.find("<script>").unwrap());
    }

    #[test]
    fn the_placeholder_is_a_page_with_the_errors() {
        let out = String::from_utf8(placeholder("g-1", Some("error: site.yaml: missing"))).unwrap();
        assert!(out.starts_with("<!doctype html>"));
        assert!(out.contains("error: site.yaml: missing") && out.contains("<script>"));
    }
}
