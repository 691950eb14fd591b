//! Markdown to HTML, done once per text at load time and reused by every
//! output (content format: messages, postmortems and details are Markdown).
//!
//! CommonMark plus tables, strikethrough, task lists and footnotes
//! (pulldown-cmark). Unless the site sets `allow_raw_html: true`, the HTML
//! is safe to embed: no scripts, styles, event handlers or `javascript:`
//! URLs, and links get `rel="noopener noreferrer"`.
//!
//! Most messages are plain Markdown: paragraphs, lists, emphasis, code and
//! links to web or mail addresses. pulldown-cmark escapes all their text, so
//! their HTML is safe as written, and only links need their `rel`; such a
//! text skips the sanitizer, which would parse the HTML again for nothing.
//! Anything else (raw HTML, another URL scheme, footnotes) goes through
//! `ammonia`. `tests` below check that both ways give the same document.
//!
//! Ids in author text never take an id of the page: every one starts with
//! [`ID_PREFIX`], which no id of the theme does. A footnote is named
//! `user-content-fn-TAG-LABEL` (its reference links there), TAG being the
//! first 8 hex digits of the text's SHA-256, so that two texts on one page
//! with the same labels keep their notes apart (as GitHub does). Any other
//! id that survives the sanitizer (`<div id="x">`) gets the prefix too.

use std::borrow::Cow;
use std::cell::OnceCell;

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, html};

use crate::model::Markdown;

/// The start of every `id` in HTML made from author text, GitHub's
/// `user-content-`; the theme's own ids (`main`, `allclear-state`, …)
/// never start with it.
pub const ID_PREFIX: &str = "user-content-";

/// The Markdown extensions every text is read with: CommonMark plus
/// tables, strikethrough, task lists and footnotes.
pub(crate) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// Render `source` to HTML; `allow_raw_html` skips sanitizing.
pub fn render(source: &str, allow_raw_html: bool) -> Markdown {
    let events = events(source);
    let html = if allow_raw_html {
        to_html(events)
    } else if is_plain(&events) {
        to_html(events.into_iter().map(plain_form))
    } else {
        sanitize(&to_html(events))
    };
    Markdown {
        source: source.to_string(),
        html,
    }
}

/// The events of `source` as this module writes them: task boxes labelled,
/// footnotes named apart from the page's ids.
fn events(source: &str) -> Vec<Event<'_>> {
    let tag = OnceCell::new();
    let tag = || tag.get_or_init(|| text_tag(source)).as_str();
    Parser::new_ext(source, OPTIONS)
        .map(label_task_boxes)
        .map(|event| match event {
            Event::FootnoteReference(label) => Event::FootnoteReference(footnote_id(tag(), &label).into()),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Event::Start(Tag::FootnoteDefinition(footnote_id(tag(), &label).into()))
            }
            other => other,
        })
        .collect()
}

/// The id of footnote `label` in the text tagged `tag`; pulldown-cmark
/// writes it as the note's `id` and as its references' `href="#…"`.
fn footnote_id(tag: &str, label: &str) -> String {
    format!("{ID_PREFIX}fn-{tag}-{label}")
}

/// 8 hex digits of the SHA-256 of `source`, telling one text's footnotes
/// from another's on the same page.
fn text_tag(source: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(source.as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn to_html<'a>(events: impl IntoIterator<Item = Event<'a>>) -> String {
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

/// The label of a done task's box as the HTML holds it: English, since
/// Markdown is rendered once, at load, in no language; pages put the
/// words of their language in its place (message `task-done`,
/// `crate::render::view::Views::html`).
pub const TASK_DONE_LABEL: &str = r#"aria-label="Done">"#;

/// The label of an open task's box as the HTML holds it (message
/// `task-todo`); see [`TASK_DONE_LABEL`].
pub const TASK_TODO_LABEL: &str = r#"aria-label="To do">"#;

/// A task list's box says what it means, for screen readers (WCAG 4.1.2).
fn label_task_boxes(event: Event<'_>) -> Event<'_> {
    match event {
        Event::TaskListMarker(done) => Event::InlineHtml(CowStr::Borrowed(if done {
            r#"<input type="checkbox" disabled="" checked="" aria-label="Done"> "#
        } else {
            r#"<input type="checkbox" disabled="" aria-label="To do"> "#
        })),
        other => other,
    }
}

/// Whether pulldown-cmark writes `events` as HTML the sanitizer would
/// keep as it is (after [`plain_form`]): no raw HTML (the task boxes are
/// ours), no footnotes (their classes), links and images only to `http`,
/// `https` or `mailto` addresses or to relative ones, and no link inside an
/// image's text (which becomes its `alt`).
fn is_plain(events: &[Event<'_>]) -> bool {
    let mut in_image = 0usize;
    events.iter().all(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => task_box(event),
        Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_)) => false,
        Event::Start(Tag::Link {
            link_type, dest_url, ..
        }) => in_image == 0 && (*link_type == LinkType::Email || safe_url(dest_url)),
        Event::Start(Tag::Image { dest_url, .. }) => {
            in_image += 1;
            safe_url(dest_url)
        }
        Event::End(pulldown_cmark::TagEnd::Image) => {
            in_image -= 1;
            true
        }
        _ => true,
    })
}

fn task_box(event: &Event<'_>) -> bool {
    matches!(event, Event::InlineHtml(CowStr::Borrowed(html)) if html.starts_with(r#"<input type="checkbox" disabled="""#))
}

/// The URL schemes allclear publishes links to without sanitizing them:
/// web pages and mail. The one allow-list for the site's `links`
/// (`site.yaml`) and for Markdown written as it is (the sanitizer-free fast path).
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `url` is a link allclear publishes: an address whose scheme is
/// in [`LINK_SCHEMES`] (any case), or a reference without a scheme (a path
/// on the site, `//host/…`, `?query`, `#fragment`). The scheme is read as a
/// browser reads it, by the WHATWG URL rules (the `url` crate, resolving
/// against a placeholder base), which drop tabs and line breaks anywhere
/// and spaces around the URL: `java\tscript:` is `javascript:` and is
/// refused. Control characters and URLs that do not parse (`http://`
/// without a host) are refused too.
pub fn is_safe_link(url: &str) -> bool {
    static BASE: std::sync::LazyLock<url::Url> =
        std::sync::LazyLock::new(|| url::Url::parse("https://base.invalid/").expect("a valid URL"));
    !url.chars().any(char::is_control)
        && BASE
            .join(url)
            .is_ok_and(|u| LINK_SCHEMES.iter().any(|s| u.scheme() == *s))
}

/// A link destination the fast path writes as it is: [`is_safe_link`],
/// and without white space, which the sanitizer would encode.
fn safe_url(url: &str) -> bool {
    !url.contains(char::is_whitespace) && is_safe_link(url)
}

/// A plain event as the sanitizer would leave it: links get their `rel`,
/// and the attributes it drops (a code block's language class, a table
/// column's inline alignment style) are not written.
fn plain_form(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => {
            let mut a = String::from(r#"<a href=""#);
            if link_type == LinkType::Email {
                a.push_str("mailto:");
            }
            pulldown_cmark_escape::escape_href(&mut a, &dest_url).expect("writing to a String cannot fail");
            if !title.is_empty() {
                a.push_str(r#"" title=""#);
                pulldown_cmark_escape::escape_html(&mut a, &title).expect("writing to a String cannot fail");
            }
            a.push_str(r#"" rel="noopener noreferrer">"#);
            Event::InlineHtml(a.into())
        }
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)),
        Event::Start(Tag::Table(columns)) => Event::Start(Tag::Table(vec![Alignment::None; columns.len()])),
        other => other,
    }
}

/// Keep the tags Markdown produces; drop everything that could run code.
fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// The sanitizer's allow-list, built once: building it allocates several
/// sets, which cost as much as cleaning a short message.
static SANITIZER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("div", ["id", "class"])
        .attribute_filter(|_element, attribute, value| Some(scoped_id(attribute, value)))
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// An `id` attribute's value with [`ID_PREFIX`] in front, unless it has it
/// already (a footnote's); any other attribute as it is. (ammonia's own
/// `id_prefix` would prefix footnote ids a second time, apart from the
/// links to them.)
fn scoped_id<'a>(attribute: &str, value: &'a str) -> Cow<'a, str> {
    if attribute == "id" && !value.starts_with(ID_PREFIX) {
        Cow::Owned(format!("{ID_PREFIX}{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_link_allow_list() {
        for ok in [
            "https://x.test/a?b=1",
            "HTTP://X.TEST",
            "mailto:ops@x.test",
            "/status/",
            "../a b.html",
            "//cdn.x.test/a",
            "#top",
            "?q=1",
            "a/b:c",
            " https://x.test ",
        ] {
            assert!(is_safe_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "tel:+123",
            "http://",
            "https://[::1",
            "/a\u{7}b",
        ] {
            assert!(!is_safe_link(bad), "{bad:?}");
        }
    }

    #[test]
    fn renders_lists_tables_and_tasks() {
        let md = render("- a\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", false);
        assert!(md.html.contains("<li>a</li>"), "{}", md.html);
        assert!(
            md.html
                .contains(r#"<input type="checkbox" disabled="" checked="" aria-label="Done">"#),
            "{}",
            md.html
        );
        assert!(md.html.contains("<table>"), "{}", md.html);
    }

    #[test]
    fn strips_scripts_unless_allowed() {
        let src = "hi <script>alert(1)</script> <a href=\"javascript:x()\">x</a>";
        let safe = render(src, false);
        assert!(!safe.html.contains("<script"), "{}", safe.html);
        assert!(!safe.html.contains("javascript:"), "{}", safe.html);
        let raw = render(src, true);
        assert!(raw.html.contains("<script>"), "{}", raw.html);
    }

    #[test]
    fn which_texts_skip_the_sanitizer() {
        let plain_text = |s: &str| is_plain(&events(s));
        assert!(plain_text(
            "We *fixed* it. See [notes](https://x.test/a?b=1) or <ops@x.test>.\n\n- [ ] ok"
        ));
        assert!(plain_text("[rel](../incidents/a/index.html) ![i](img.png)"));
        assert!(!plain_text("[x](javascript:alert(1))"));
        assert!(!plain_text("[x](JaVaScRiPt:alert(1))"));
        assert!(!plain_text("[x](java&#9;script:alert(1))"));
        assert!(!plain_text("[x](data:text/html,hi)"));
        assert!(!plain_text("a <b>raw</b> tag"));
        assert!(!plain_text("note[^1]\n\n[^1]: here"));
        assert!(!plain_text("![a [b](https://x.test) c](i.png)"));
    }

    #[test]
    fn plain_links_get_rel() {
        let md = render("[a](https://x.test/?a=1&b=\"2\" \"T\") <ops@x.test>", false);
        assert!(
            md.html
                .contains(r#"<a href="https://x.test/?a=1&amp;b=%222%22" title="T" rel="noopener noreferrer">a</a>"#),
            "{}",
            md.html
        );
        assert!(
            md.html
                .contains(r#"<a href="mailto:ops@x.test" rel="noopener noreferrer">ops@x.test</a>"#),
            "{}",
            md.html
        );
    }

    #[test]
    fn ids_in_author_text_are_scoped() {
        let source = "a[^main] b[^1]\n\n[^main]: m\n[^1]: one\n\n<div id=\"allclear-state\">x</div>";
        let tag = text_tag(source);
        for allow_raw_html in [false, true] {
            let html = render(source, allow_raw_html).html;
            for label in ["main", "1"] {
                let id = format!("user-content-fn-{tag}-{label}");
                assert!(html.contains(&format!(r##"href="#{id}""##)), "{html}");
                assert!(html.contains(&format!(r#"id="{id}""#)), "{html}");
            }
        }
        let sanitized = render(source, false).html;
        assert!(
            sanitized.contains(r#"<div id="user-content-allclear-state">"#),
            "{sanitized}"
        );
        assert_eq!(sanitized.matches("id=\"user-content-").count(), 3, "{sanitized}");
        let other = render("c[^main]\n\n[^main]: m", false).html;
        assert!(!other.contains(&tag), "another text, another tag: {other}");
    }

    /// The document `html` parses to, serialized the same way whichever
    /// way it was written.
    fn dom(html: &str) -> String {
        scraper::Html::parse_fragment(html).root_element().html()
    }

    /// Pieces of Markdown, safe and hostile, that the property test joins.
    const PIECES: &[&str] = &[
        "plain *em* **strong** ~~del~~ `code`",
        "\"quotes\" & 'apostrophes' < > &amp; &lt;b&gt;",
        "[web](https://example.test/a?b=1&c=2 \"title\")",
        "[rel](../x/index.html#frag)",
        "[mail](mailto:ops@example.test)",
        "<https://auto.example.test/path>",
        "<ops@example.test>",
        "![img](https://example.test/i.png \"t\")",
        "[bad](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "- [ ] open task\n- [x] done task",
        "1. one\n2. two",
        "3. starts at three",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "```sh\necho \"hi\" <b>\n```",
        "    indented code",
        "> a quote",
        "# Heading\n\n## Sub",
        "---",
        "line  \nbreak",
        "note[^1]\n\n[^1]: the note",
        "state[^allclear-state]\n\n[^allclear-state]: <b id=\"main\">x</b>",
        "<div id=\"main\">raw id</div>",
        "![alt with [link](https://x.test)](i.png)",
        "\u{202e}bidi \u{0} nul",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Skipping the sanitizer never changes the document: whatever the
        /// path, the HTML parses to what the sanitizer makes of it.
        #[test]
        fn skipping_the_sanitizer_changes_nothing(picks in proptest::collection::vec(0..PIECES.len(), 1..6)) {
            let source = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join("\n\n");
            let sanitized = sanitize(&to_html(events(&source)));
            let rendered = render(&source, false).html;
            prop_assert_eq!(dom(&rendered), dom(&sanitized), "source: {:?}", source);
        }
    }
}
