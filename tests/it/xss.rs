//! No script from author text: a corpus of XSS payloads (the OWASP
//! cheat-sheet kinds) goes into every author field at once, the site is
//! built, and every HTML page is parsed with an HTML5 parser (html5ever,
//! through `scraper`) and searched for what would run: script elements
//! other than the page's own, event-handler attributes, `javascript:`,
//! `vbscript:` and `data:` URLs, and frames, objects, forms, `<base>` and
//! refreshes. SVG badges must not contain markup from the text either.

use crate::common;

use allclear::render::OutputFile;
use scraper::{Html, Selector};
use serde_json::json;

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<body onload=alert(1)>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\" &#14; javascript:alert(1)\">x</a>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<base href=\"javascript:alert(1)//\">",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg><script>alert(1)</script></svg>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "{{ site.title }}{% raw %}<script>alert(1)</script>",
    "]]><script>alert(1)</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "javascript:alert(1)",
    "<img src=\"x` `<script>alert(1)</script>\"` `>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
];

/// The example-like site with `payload` in every author field, built in
/// memory at the pinned time.
fn build_with(payload: &str) -> Vec<OutputFile> {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    let text = format!("x {payload}");
    let write = |path: &str, value: serde_json::Value| {
        let path = site.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, serde_yaml::to_string(&value).unwrap()).unwrap();
    };
    write(
        "site.yaml",
        json!({
            "title": text, "description": text, "base_url": "https://status.example.com",
            "links": [{"title": text, "url": "https://example.com/help"}],
            "components": [{"id": "api", "name": text, "description": text, "group": text}],
        }),
    );
    write(
        "incidents/2026-11-20-x.yaml",
        json!({
            "title": text, "impact": "major", "components": {"api": "major_outage"},
            "updates": [{"at": "2026-11-20T14:00:00Z", "status": "investigating", "message": text, "next_update": "2026-11-20T16:00:00Z"}],
            "postmortem": text,
        }),
    );
    std::fs::create_dir_all(site.join("maintenance")).unwrap();
    std::fs::write(
        site.join("maintenance/2026-11-30-x.md"),
        format!(
            "---\n{}---\n{text}\n",
            serde_yaml::to_string(&json!({
                "title": text, "components": ["api"],
                "scheduled_for": "2026-11-30T02:00:00Z", "scheduled_until": "2026-11-30T03:00:00Z",
                "updates": [{"at": "2026-11-19T10:00:00Z", "status": "scheduled", "message": text}],
            }))
            .unwrap()
        ),
    )
    .unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(common::NOW).unwrap().to_utc();
    allclear::build_files(site, None, now)
        .unwrap_or_else(|e| panic!("{payload}: {:#?}", e.diagnostics))
        .files
}

/// Whether a URL attribute would run code.
fn dangerous_url(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

fn check_html(payload: &str, path: &str, html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut found = Vec::new();
    for el in doc.select(&Selector::parse("*").unwrap()) {
        let name = el.value().name();
        for (attr, value) in el.value().attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                found.push(format!("{path}: <{name} {attr}=…>"));
            }
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "data" | "xlink:href" | "poster" | "background"
            ) && dangerous_url(value)
            {
                found.push(format!("{path}: <{name} {attr}=\"{value}\">"));
            }
        }
        match name {
            "script" => {
                // The page's state and its script's words (#allclear-words).
                let own_state = matches!(el.value().attr("id"), Some("allclear-state" | "allclear-words"))
                    && el.value().attr("type") == Some("application/json");
                let text: String = el.text().collect();
                let own_script =
                    el.value().attrs().count() == 0 && text.starts_with("(() => {") && text.contains("allclear-state");
                let own_embed = el
                    .value()
                    .attr("src")
                    .is_some_and(|s| s.ends_with("embed.js") && !s.contains(':'));
                if own_state {
                    serde_json::from_str::<serde_json::Value>(&text)
                        .unwrap_or_else(|e| panic!("{payload}: {path}: state JSON broken: {e}"));
                } else if !own_script && !own_embed {
                    found.push(format!("{path}: a <script> from the text: {text:.60}"));
                }
            }
            "iframe" | "frame" | "frameset" | "object" | "embed" | "form" | "base" | "applet" | "isindex" | "math"
            | "svg" => {
                found.push(format!("{path}: <{name}>"));
            }
            "meta"
                if el
                    .value()
                    .attr("http-equiv")
                    .is_some_and(|h| h.eq_ignore_ascii_case("refresh")) =>
            {
                found.push(format!("{path}: <meta http-equiv=refresh>"));
            }
            "style" if !el.text().collect::<String>().starts_with(":root { --accent:") => {
                found.push(format!("{path}: <style>"))
            }
            "link" if el.value().attr("href").is_some_and(dangerous_url) => {
                found.push(format!("{path}: <link> to script"))
            }
            _ => {}
        }
    }
    found
}

/// The elements and attributes of an SVG that could run code.
fn check_svg(path: &str, svg: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_lowercase();
                if matches!(name.as_str(), "script" | "foreignobject" | "iframe" | "a") {
                    found.push(format!("{path}: <{name}>"));
                }
                for attr in e.attributes().flatten() {
                    let key = String::from_utf8_lossy(attr.key.as_ref()).to_lowercase();
                    if key.starts_with("on")
                        || (key.ends_with("href") && dangerous_url(&String::from_utf8_lossy(&attr.value)))
                    {
                        found.push(format!("{path}: <{name} {key}=…>"));
                    }
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                found.push(format!("{path}: not well-formed: {e}"));
                break;
            }
            _ => {}
        }
    }
    found
}

#[test]
fn no_payload_survives_as_markup_in_any_output() {
    assert!(PAYLOADS.len() >= 40);
    let mut failures = Vec::new();
    for payload in PAYLOADS {
        for file in build_with(payload) {
            let path = file.path.as_str();
            let Ok(text) = std::str::from_utf8(&file.bytes) else {
                continue;
            };
            if path.ends_with(".html") {
                failures.extend(
                    check_html(payload, path, text)
                        .into_iter()
                        .map(|f| format!("{payload:?} -> {f}")),
                );
            } else if path.ends_with(".svg") {
                failures.extend(check_svg(path, text).into_iter().map(|f| format!("{payload:?} -> {f}")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let bad = r#"<html><body><img src=x onerror=alert(1)><a href=" JaVa script:x">x</a><script>alert(1)</script><iframe></iframe></body></html>"#;
    let found = check_html("self-test", "t.html", bad);
    assert!(found.iter().any(|f| f.contains("onerror")), "{found:?}");
    assert!(
        found.iter().any(|f| f.contains("a <script> from the text")),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.contains("<iframe>")), "{found:?}");
    assert!(
        dangerous_url(" JaVa\tscript:x") && dangerous_url("data:text/html,x") && !dangerous_url("https://x.example")
    );
    let svg = check_svg(
        "b.svg",
        r#"<svg onload="x"><script>1</script><title>&lt;img onerror=x&gt;</title></svg>"#,
    );
    assert_eq!(
        svg,
        ["b.svg: <svg onload=…>", "b.svg: <script>"],
        "escaped text is not markup"
    );
}

/// `base_url` values that the loader accepts (absolute, no white space)
/// and that try to break out of the attributes, the CSP and the script
/// they are written into.
/// Hostile `base_url`s. Load refuses those with quotes and angle brackets
/// (as written, before the URL parser could repair them); the others reach
/// every output, which must stay well-formed and inert.
const BASE_URLS: &[&str] = &[
    "https://status.example.com/a&b=1;c",
    "https://status.example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "https://status.example.com/&quot;&gt;&lt;script&gt;",
    "https://status.example.com\"><script>alert(1)</script>",
    "https://status.example.com/\"><script>alert(1)</script>",
    "https://st\"atus.example.com",
    "https://status.example.com/'onmouseover='alert(1)",
    "https://status.example.com/</title><script>alert(1)</script>",
    "https://status.example.com/</script><script>alert(1)</script>",
];

#[test]
fn base_url_cannot_break_out_of_any_output() {
    let mut failures = Vec::new();
    let mut accepted = 0;
    for base_url in BASE_URLS {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        common::copy_tree(&common::fixture("base-site"), &site);
        let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
        let quoted = serde_json::to_string(base_url).unwrap();
        let yaml = yaml.replace(
            "base_url: https://status.fixture.example",
            &format!("base_url: {quoted}"),
        );
        std::fs::write(site.join("site.yaml"), yaml).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339(common::NOW).unwrap().to_utc();
        let files = match allclear::build_files(&site, None, now) {
            Ok(built) => {
                accepted += 1;
                built.files
            }
            Err(e) => {
                let refused = e.diagnostics.iter().all(|d| {
                    d.line == 3
                        && d.message
                            .starts_with(&format!("`{base_url}` contains a space, quote, `<`, `>`"))
                });
                assert!(refused, "{base_url}: {:#?}", e.diagnostics);
                assert!(base_url.contains(['"', '\'', '<', '>']), "{base_url} is refused");
                continue;
            }
        };
        for file in files {
            let path = file.path.as_str();
            let Ok(text) = std::str::from_utf8(&file.bytes) else {
                continue;
            };
            let found = if path.ends_with(".html") {
                let mut found = check_html(base_url, path, text);
                let doc = Html::parse_document(text);
                let metas: Vec<_> = doc
                    .select(&Selector::parse("meta[http-equiv=Content-Security-Policy]").unwrap())
                    .collect();
                let csp = metas.first().and_then(|m| m.value().attr("content")).unwrap_or("");
                if metas.len() != 1 || !csp.starts_with("default-src 'self'") || !csp.ends_with("form-action 'none'") {
                    found.push(format!("{path}: the CSP is broken: {} <meta>, {csp:?}", metas.len()));
                }
                found
            } else if path.ends_with(".svg") {
                check_svg(path, text)
            } else if [".rss", ".atom", ".xml"].iter().any(|e| path.ends_with(e)) {
                let well_formed = std::panic::catch_unwind(|| common::assert_well_formed_xml(path, text));
                well_formed
                    .err()
                    .map(|_| format!("{path}: not well-formed XML"))
                    .into_iter()
                    .collect()
            } else if path.ends_with(".json") {
                serde_json::from_str::<serde_json::Value>(text)
                    .err()
                    .map(|e| format!("{path}: not JSON: {e}"))
                    .into_iter()
                    .collect()
            } else {
                Vec::new()
            };
            failures.extend(found.into_iter().map(|f| format!("{base_url:?} -> {f}")));
        }
    }
    assert_eq!(accepted, 3, "the URLs without quotes or angle brackets build");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The `id`s of `page` in document order, each with its element.
fn ids(doc: &Html) -> Vec<(String, scraper::ElementRef<'_>)> {
    doc.select(&Selector::parse("[id]").unwrap())
        .map(|el| (el.value().attr("id").unwrap().to_string(), el))
        .collect()
}

#[test]
fn author_ids_never_take_the_pages_ids_and_footnotes_still_link() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&common::fixture("base-site"), &site);
    // Two updates and a postmortem with the same footnote labels, labels
    // that are ids of the page (the state script's, the main landmark's),
    // and raw HTML ids.
    let note = |n: &str| {
        format!(
            "Update {n}[^allclear-state] and[^main] and[^1] and[^allclear-words].\n\n[^allclear-state]: state note {n}\n[^main]: main note {n}\n[^1]: one {n}\n[^allclear-words]: words note {n}\n\n<div id=\"allclear-banner\">raw {n}</div>"
        )
    };
    let yaml = serde_yaml::to_string(&json!({
        "title": "Footnotes", "impact": "major", "components": {"api": "major_outage"},
        "updates": [
            {"at": "2026-11-20T14:00:00Z", "status": "investigating", "message": note("a"), "next_update": "2026-11-20T16:00:00Z"},
            {"at": "2026-11-20T14:30:00Z", "status": "identified", "message": note("b"), "next_update": "2026-11-20T16:00:00Z"},
        ],
    }))
    .unwrap();
    std::fs::write(
        site.join("incidents/2026-11-20-footnotes.md"),
        format!("---\n{yaml}---\n{}\n", note("postmortem")),
    )
    .unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(common::NOW).unwrap().to_utc();
    let files = allclear::build_files(&site, None, now)
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics))
        .files;
    let mut failures = Vec::new();
    let mut links = 0;
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let path = &file.path;
        let doc = Html::parse_document(std::str::from_utf8(&file.bytes).unwrap());
        let ids = ids(&doc);
        // getElementById answers the first element with the id.
        for own in ["allclear-state", "allclear-words"] {
            let first = ids.iter().find(|(id, _)| id == own);
            if first.is_some_and(|(_, el)| el.value().name() != "script") {
                failures.push(format!("{path}: #{own} is a <{}>", first.unwrap().1.value().name()));
            }
        }
        for (id, el) in &ids {
            let in_text = el
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|a| a.value().has_class("prose", scraper::CaseSensitivity::CaseSensitive));
            if in_text != id.starts_with("user-content-") {
                failures.push(format!("{path}: id {id:?} (in author text: {in_text})"));
            }
        }
        // Every footnote link leads to its own note: the one in its text,
        // or the same note where the page shows the same text twice (the
        // index lists an ongoing incident's latest update on top and under
        // its day).
        let text = |el: scraper::ElementRef<'_>| el.text().collect::<String>();
        for prose in doc.select(&Selector::parse(".prose").unwrap()) {
            for a in prose.select(&Selector::parse(r##"a[href^="#"]"##).unwrap()) {
                links += 1;
                let target = &a.value().attr("href").unwrap()[1..];
                let own: Vec<_> = prose
                    .select(&Selector::parse("[id]").unwrap())
                    .filter(|el| el.value().attr("id") == Some(target))
                    .collect();
                let first = ids.iter().find(|(id, _)| id == target).map(|(_, el)| text(*el));
                if own.len() != 1 || first != Some(text(own[0])) {
                    failures.push(format!(
                        "{path}: footnote link #{target} does not lead to its own note ({} in its text)",
                        own.len()
                    ));
                }
            }
        }
    }
    assert!(links >= 9, "only {links} footnote links found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
