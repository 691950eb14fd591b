//! Markdown as plain text, for outputs that cannot show Markdown or HTML:
//! iCalendar's DESCRIPTION is TEXT (RFC 5545 §3.3.11), which calendar
//! clients show as written, so `**bold**` or `## Heading` would reach
//! subscribers as asterisks and hashes.
//!
//! The text is read with the same parser and extensions as every other
//! Markdown (pulldown-cmark, [`crate::markdown`]), and written back as
//! what a reader of the rendered page sees:
//!
//! - paragraphs, headings, code blocks, quotes, tables and footnotes are
//!   separated by a blank line; a soft line break is a space, a hard one a
//!   line break;
//! - emphasis, strong, strikethrough and code spans keep their text only;
//! - list items start with `- ` (or their number, `1. `), nested ones
//!   indented by two spaces per level; task items with `[x] ` or `[ ] `;
//! - a link keeps its text, followed by its address in parentheses when
//!   the text is not the address itself; an image is its alt text;
//! - table cells are separated by ` | `, one row a line;
//! - a footnote reference is `[LABEL]`, its note `[LABEL]: text`;
//! - raw HTML is left out (its text between tags stays);
//! - a thematic break (`---`) is a blank line.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// `source` (Markdown) as plain text, by the rules above; no leading or
/// trailing white space, and never more than one blank line in a row.
pub fn plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    // One entry per open list: the next item's number, or None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Links open now: their address, and where their text starts in `out`.
    let mut links: Vec<(String, usize)> = Vec::new();
    for event in Parser::new_ext(source, crate::markdown::OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => blank_line(&mut out),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(label) => {
                out.push('[');
                out.push_str(&label);
                out.push(']');
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_) => {
                    if out.ends_with("]: ") {
                        // The first paragraph of a footnote follows its label.
                    } else if lists.is_empty() {
                        blank_line(&mut out);
                    } else if !out.ends_with(' ') {
                        line_break(&mut out);
                    }
                }
                Tag::List(start) => {
                    line_break(&mut out);
                    lists.push(start);
                }
                Tag::Item => {
                    line_break(&mut out);
                    out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                    match lists.last_mut() {
                        Some(Some(n)) => {
                            out.push_str(&format!("{n}. "));
                            *n += 1;
                        }
                        _ => out.push_str("- "),
                    }
                }
                Tag::FootnoteDefinition(label) => {
                    blank_line(&mut out);
                    out.push('[');
                    out.push_str(&label);
                    out.push_str("]: ");
                }
                Tag::Link { dest_url, .. } => links.push((dest_url.to_string(), out.len())),
                Tag::TableRow | Tag::TableHead => line_break(&mut out),
                Tag::TableCell if !out.ends_with('\n') && !out.is_empty() => out.push_str(" | "),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::List(_) => {
                    lists.pop();
                    line_break(&mut out);
                }
                TagEnd::Link => {
                    if let Some((url, start)) = links.pop() {
                        let text = out[start..].trim();
                        let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                        if !url.is_empty() && text != url && text != bare {
                            out.push_str(&format!(" ({url})"));
                        }
                    }
                }
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table
                    if lists.is_empty() =>
                {
                    blank_line(&mut out)
                }
                _ => {}
            },
        }
    }
    tidy(&out)
}

/// End the current line, unless the text is empty or already at a line
/// start.
fn line_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// End the current line and leave one blank line.
fn blank_line(out: &mut String) {
    line_break(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// Trailing spaces cut from every line, at most one blank line in a row,
/// no blank lines at either end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markup_goes_and_text_stays() {
        let md = "## Schedule\n\nWe move this to **8 December, 02:00**\nBerlin time. See [the plan](https://example.com/plan) or <https://example.com>.\n\n- first\n- `second`\n  1. nested\n\n> quoted *text*\n\n```\ncode **kept**\n```\n\n- [x] done\n- [ ] to do\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^n] <b>bold</b>.\n\n[^n]: The note.\n";
        let text = plain_text(md);
        assert_eq!(
            text,
            "Schedule\n\nWe move this to 8 December, 02:00 Berlin time. See the plan (https://example.com/plan) or https://example.com.\n\n- first\n- second\n  1. nested\n\nquoted text\n\ncode **kept**\n\n- [x] done\n- [ ] to do\n\na | b\n1 | 2\n\nNote[n] bold.\n\n[n]: The note."
        );
    }

    #[test]
    fn empty_and_plain() {
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("  Just words.  \n"), "Just words.");
    }
}
