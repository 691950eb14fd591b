//! YAML text written by the authoring commands, without a YAML
//! serializer's rewrite of the file: one scalar at a time ([`scalar`]), and
//! a new update appended to an entry's `updates:` list
//! ([`insert_update`]).
//!
//! The new item goes after the last item of `updates:`, with the same
//! indentation as the items already there. Nothing else in the file
//! changes: comments, key order, quoting and line endings stay as written.
//! Positions come from [`crate::load::yaml::locate`], the loader's parser.

use super::AuthorError;
use crate::load::yaml::{self, Seg};

/// `text` as one YAML scalar that reads back as exactly `text`: plain when
/// that is safe, quoted otherwise (serde_yaml decides), never spanning
/// lines. For authoring commands that write entries.
pub(crate) fn scalar(text: &str) -> String {
    let out = serde_yaml::to_string(text).expect("a string always serializes");
    let out = out.trim_end_matches('\n');
    if out.contains('\n') {
        // serde_yaml chose a block scalar; a double-quoted one stays on a line.
        serde_json::to_string(text).expect("a string always serializes")
    } else {
        out.to_string()
    }
}

/// The fields of a new update, already formatted.
pub(super) struct Item<'a> {
    pub at: String,
    pub status: &'a str,
    pub message: &'a str,
    pub next_update: Option<String>,
    pub components: Vec<(String, &'static str)>,
    /// A maintenance's new window, as written (both or neither).
    pub window: Option<(String, String)>,
    /// `cancelled: true`: the update calls the maintenance off.
    pub cancels: bool,
}

impl Item<'_> {
    /// The item's lines: the first starts with `- ` at column `dash`, the
    /// others at column `content`.
    pub(super) fn lines(&self, dash: usize, content: usize) -> Vec<String> {
        let pad = " ".repeat(content);
        // `-` then spaces up to the content column, as the author's items have it.
        let gap = " ".repeat(content.saturating_sub(dash + 1).max(1));
        let mut out = vec![format!("{}-{gap}at: {}", " ".repeat(dash), self.at)];
        out.push(format!("{pad}status: {}", self.status));
        if self.cancels {
            out.push(format!("{pad}cancelled: true"));
        }
        out.extend(message_lines(self.message, &pad));
        if let Some(next) = &self.next_update {
            out.push(format!("{pad}next_update: {next}"));
        }
        if let Some((from, until)) = &self.window {
            out.push(format!("{pad}scheduled_for: {from}"));
            out.push(format!("{pad}scheduled_until: {until}"));
        }
        if !self.components.is_empty() {
            out.push(format!("{pad}components:"));
            for (id, status) in &self.components {
                out.push(format!("{pad}  {id}: {status}"));
            }
        }
        out
    }
}

/// `message:` as one scalar, or a literal block for longer or multi-line
/// text (which reads best in the file and in diffs).
pub(crate) fn message_lines(message: &str, pad: &str) -> Vec<String> {
    let multi = message.contains('\n') || message.chars().count() > 72;
    let block_safe =
        !message.starts_with([' ', '\t']) && !message.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    if multi && block_safe {
        let mut out = vec![format!("{pad}message: |")];
        out.extend(message.trim_end().lines().map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("{pad}  {l}")
            }
        }));
        out
    } else {
        vec![format!("{pad}message: {}", scalar(message))]
    }
}

/// `text` with `item` appended to its `updates:` list. `markdown` says the
/// YAML is front matter; `count` is how many updates the list has.
pub(super) fn insert_update(text: &str, markdown: bool, count: usize, item: &Item<'_>) -> Result<String, AuthorError> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (start, end) = yaml_region(&lines, markdown);
    let yaml: String = lines[start..end].concat();
    let to_file = |yaml_line: usize| start + yaml_line - 1;
    let inline = || {
        AuthorError::usage(
            "`updates:` is written inline (`[...]`) in this file, so a new update cannot be added without rewriting it",
            Some("write the list one item per line (`- at: …`), then run the command again".to_string()),
        )
    };

    let (insert_at, dash, content, replace_key_line) = match yaml::locate(&yaml, &[Seg::Key("updates")], true) {
        // No list yet: the key and the item go at the end of the YAML.
        None => (end, 2, 4, Some((usize::MAX, "updates:".to_string()))),
        Some(key) if count == 0 => {
            let key_line = to_file(key.line);
            let indent = key.col - 1;
            let line = lines[key_line].trim_end();
            let after = line.split_once(':').map_or("", |(_, v)| v.trim());
            if !(after.is_empty() || after == "[]" || after == "~" || after == "null" || after.starts_with('#')) {
                return Err(inline());
            }
            (
                key_line + 1,
                indent + 2,
                indent + 4,
                Some((key_line, format!("{}updates:", " ".repeat(indent)))),
            )
        }
        Some(key) => {
            let first = yaml::locate(&yaml, &[Seg::Key("updates"), Seg::Index(0)], false).ok_or_else(inline)?;
            let last = yaml::locate(&yaml, &[Seg::Key("updates"), Seg::Index(count - 1)], false).ok_or_else(inline)?;
            if first.line == key.line {
                return Err(inline());
            }
            let first_line = lines[to_file(first.line)];
            let content = first.col - 1;
            let dash = first_line[..first_line
                .char_indices()
                .nth(content)
                .map_or(first_line.len(), |(i, _)| i)]
                .rfind('-')
                .ok_or_else(inline)?;
            (end_of_list(&lines, to_file(last.line), end, dash), dash, content, None)
        }
    };

    let new_key = matches!(&replace_key_line, Some((usize::MAX, _)));
    let push = |out: &mut String| {
        if new_key {
            push_line(out, "updates:", newline);
        }
        push_item(out, item, dash, content, newline);
    };
    let mut out = String::with_capacity(text.len() + 256);
    for (i, line) in lines.iter().enumerate() {
        if i == insert_at {
            push(&mut out);
        }
        match &replace_key_line {
            Some((k, replacement)) if *k == i => {
                out.push_str(replacement);
                out.push_str(newline);
            }
            _ => {
                out.push_str(line);
                if i + 1 == insert_at && !line.ends_with('\n') {
                    out.push_str(newline);
                }
            }
        }
    }
    if insert_at >= lines.len() {
        push(&mut out);
    }
    Ok(out)
}

fn push_item(out: &mut String, item: &Item<'_>, dash: usize, content: usize, newline: &str) {
    for line in item.lines(dash, content) {
        push_line(out, &line, newline);
    }
}

fn push_line(out: &mut String, line: &str, newline: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(newline);
    }
    out.push_str(line);
    out.push_str(newline);
}

/// Lines `[start, end)` of the YAML: the front matter between the `---`
/// lines of a `.md` entry, or the whole file.
fn yaml_region(lines: &[&str], markdown: bool) -> (usize, usize) {
    if !markdown {
        return (0, lines.len());
    }
    // The entry loaded, so its front matter is closed; were it not, the
    // YAML would run to the end.
    crate::load::front_matter::locate(&lines.concat())
        .map_or((1, lines.len()), |fm| (fm.yaml_lines.start, fm.yaml_lines.end))
}

/// The line after the last line of the list whose last item starts at
/// `last` and whose dashes stand in column `dash`: trailing blank lines and
/// comments that are not indented into the list stay after the new item.
pub(super) fn end_of_list(lines: &[&str], last: usize, end: usize, dash: usize) -> usize {
    let mut after = last + 1;
    for (i, line) in lines.iter().enumerate().take(end).skip(last + 1) {
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let in_list = indent > dash || (indent == dash && (trimmed.starts_with("- ") || trimmed.trim_end() == "-"));
        if !in_list {
            break;
        }
        after = i + 1;
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{Value, tree};

    fn item() -> Item<'static> {
        Item {
            at: "2026-11-20T15:25:00+01:00".into(),
            status: "identified",
            message: "Found it.",
            next_update: Some("2026-11-20T16:00:00+01:00".into()),
            components: vec![("api".into(), "degraded_performance")],
            window: None,
            cancels: false,
        }
    }

    #[test]
    fn appends_after_the_last_item_keeping_everything_else() {
        let text = "---\ntitle: X # keep me\nupdates:\n  # first\n  - at: 2026-11-20T14:03:00Z\n    status: investigating\n    message: |\n      Looking.\n\n      More.\n# trailing comment\nimpact: major\n---\nBody\n";
        let out = insert_update(text, true, 1, &item()).unwrap();
        assert_eq!(
            out,
            "---\ntitle: X # keep me\nupdates:\n  # first\n  - at: 2026-11-20T14:03:00Z\n    status: investigating\n    message: |\n      Looking.\n\n      More.\n  - at: 2026-11-20T15:25:00+01:00\n    status: identified\n    message: Found it.\n    next_update: 2026-11-20T16:00:00+01:00\n    components:\n      api: degraded_performance\n# trailing comment\nimpact: major\n---\nBody\n"
        );
    }

    #[test]
    fn follows_unindented_lists_and_crlf() {
        let text = "title: X\r\nupdates:\r\n- at: 2026-11-20T14:03:00Z\r\n  status: investigating\r\n";
        let out = insert_update(text, false, 1, &item()).unwrap();
        assert!(out.ends_with("  status: investigating\r\n- at: 2026-11-20T15:25:00+01:00\r\n  status: identified\r\n  message: Found it.\r\n  next_update: 2026-11-20T16:00:00+01:00\r\n  components:\r\n    api: degraded_performance\r\n"), "{out:?}");
    }

    #[test]
    fn adds_the_list_when_there_is_none() {
        let text = "title: M\nscheduled_for: 2026-12-01T02:00:00Z\nscheduled_until: 2026-12-01T04:00:00Z";
        let out = insert_update(text, false, 0, &item()).unwrap();
        assert!(out.starts_with("title: M\nscheduled_for: 2026-12-01T02:00:00Z\nscheduled_until: 2026-12-01T04:00:00Z\nupdates:\n  - at:"), "{out}");
        let empty = "title: M\nupdates: []\ncancelled: false\n";
        let out = insert_update(empty, false, 0, &item()).unwrap();
        assert!(
            out.starts_with("title: M\nupdates:\n  - at: 2026-11-20T15:25:00+01:00\n"),
            "{out}"
        );
        assert!(out.ends_with("cancelled: false\n"), "{out}");
    }

    #[test]
    fn refuses_inline_lists() {
        let text = "title: X\nupdates: [{at: 2026-11-20T14:03:00Z, status: investigating}]\n";
        assert!(matches!(
            insert_update(text, false, 1, &item()),
            Err(AuthorError::Usage { .. })
        ));
    }

    #[test]
    fn long_messages_become_literal_blocks() {
        let lines = message_lines("First line.\n\nSecond paragraph.", "    ");
        assert_eq!(
            lines,
            ["    message: |", "      First line.", "", "      Second paragraph."]
        );
        assert_eq!(message_lines("a: b", "  "), ["  message: 'a: b'"]);
    }

    #[test]
    fn scalars_read_back_exactly() {
        for text in [
            "plain words",
            "key: value",
            "- dash",
            "#hash",
            "yes",
            "null",
            "12",
            "a\nb",
            "'q' \"dq\"",
            " lead",
            "tab\t",
            "\u{7}bell",
            "",
        ] {
            let yaml = format!("v: {}\n", scalar(text));
            assert!(!yaml.trim_end().contains('\n'), "{yaml}");
            let back = tree(&yaml).unwrap();
            let Value::Map(pairs) = &back.value else {
                panic!("{yaml}")
            };
            let Value::Scalar { text: got, .. } = &pairs[0].1.value else {
                panic!("{yaml}")
            };
            assert_eq!(got, text, "{yaml}");
        }
    }
}
