//! Markdown to HTML, done once per text at load time and reused by every
//! output (content format: messages, postmortems and details are Markdown).
//!
//! CommonMark plus tables, strikethrough and task lists (pulldown-cmark).
//! The HTML is then sanitized with `ammonia` (no scripts, styles, event
//! handlers or `javascript:` URLs; links get `rel="noopener noreferrer"`),
//! unless the site sets `allow_raw_html: true`.

use pulldown_cmark::{CowStr, Event, Options, Parser, html};

use crate::model::Markdown;

/// Render `source` to HTML; `allow_raw_html` skips sanitizing.
pub fn render(source: &str, allow_raw_html: bool) -> Markdown {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    let events = Parser::new_ext(source, options).map(|event| match event {
        // A task list's box says what it means, for screen readers (WCAG 4.1.2).
        Event::TaskListMarker(done) => Event::InlineHtml(CowStr::Borrowed(if done {
            r#"<input type="checkbox" disabled checked aria-label="Done"> "#
        } else {
            r#"<input type="checkbox" disabled aria-label="To do"> "#
        })),
        other => other,
    });
    html::push_html(&mut raw, events);
    let html = if allow_raw_html { raw } else { sanitize(&raw) };
    Markdown {
        source: source.to_string(),
        html,
    }
}

/// Keep the tags Markdown produces; drop everything that could run code.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("div", ["id", "class"])
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
