//! YAML text written by the authoring commands, without a YAML
//! serializer's rewrite of the file: one scalar at a time ([`scalar`]), and
//! a new update appended to an entry's `updates:` list
//! ([`insert_update`]).
//!
//! The new item goes after the last item of `updates:`, with the same
//! indentation as the items already there. Nothing else in the file
//! changes: comments, key order, quoting and line endings stay as written.
//! Positions come from [`crate::load::yaml::locate`], the loader's parser.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::AuthorError;
use crate::diagnostics::Diagnostic;
use crate::load::yaml::{self, Node, Seg, Value};

/// `text` as one YAML scalar that reads back as exactly `text`: plain when
/// that is safe, quoted otherwise (serde_yaml decides), never spanning
/// lines. For authoring commands that write entries.
pub(super) fn scalar(text: &str) -> String {
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
pub(super) fn message_lines(message: &str, pad: &str) -> Vec<String> {
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
fn end_of_list(lines: &[&str], last: usize, end: usize, dash: usize) -> usize {
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

/// One update of a translation file (content format, "Languages"): `- at:
/// AT` with the dash at column `dash`, `message:` at column `content`. `at`
/// is written as given (the original update's time as its file writes it).
pub(super) fn translation_item(at: &str, message: &str, dash: usize, content: usize) -> Vec<String> {
    let gap = " ".repeat(content.saturating_sub(dash + 1).max(1));
    let mut out = vec![format!("{}-{gap}at: {at}", " ".repeat(dash))];
    out.extend(message_lines(message, &" ".repeat(content)));
    out
}

/// What `--lang` writes into a translation file: the title (when given)
/// and the translation of one update.
pub(super) struct Translated<'a> {
    pub title: Option<&'a str>,
    /// The original update's `at` as a YAML scalar (its file's text).
    pub at: &'a str,
    /// The same time, to compare with the times already in the file.
    pub instant: DateTime<Utc>,
    pub message: &'a str,
}

/// A new translation file holding `t`: front matter between `---` lines
/// when `markdown`, else plain YAML.
pub(super) fn new_translation(markdown: bool, t: &Translated<'_>) -> String {
    let mut lines = Vec::new();
    if markdown {
        lines.push("---".to_string());
    }
    if let Some(title) = t.title {
        lines.push(format!("title: {}", scalar(title.trim())));
    }
    lines.push("updates:".to_string());
    lines.extend(translation_item(t.at, t.message, 2, 4));
    if markdown {
        lines.push("---".to_string());
    }
    lines.push(String::new());
    lines.join("\n")
}

/// `text`, an existing translation file (`file` as shown, for errors),
/// with `t` written into it: `title:` replaced or added at the top; the
/// update whose `at` is the same instant as `t.instant` replaced, else a
/// new one inserted in time order (before the first later one, else after
/// the last). `instant` reads a written time in the site's zone. Every
/// other line stays as written: comments, key order, the body.
///
/// # Errors
/// [`AuthorError::Invalid`] at the line of a file that is not YAML, a
/// `.md` without front matter, `updates:` that is no list, an `at` that is
/// no time; [`AuthorError::Usage`] for a list written inline.
pub(super) fn edit_translation(
    text: &str,
    markdown: bool,
    file: &Path,
    t: &Translated<'_>,
    instant: impl Fn(&str) -> Option<DateTime<Utc>>,
) -> Result<String, AuthorError> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let invalid = |line: usize, col: usize, message: String, help: &str| {
        AuthorError::Invalid(vec![Diagnostic::at(file, text, line, col, message).with_help(help)])
    };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let (start, end) = if markdown {
        let fm = crate::load::front_matter::locate(text).map_err(|_| {
            invalid(
                1,
                1,
                "a translation in Markdown starts with front matter".to_string(),
                "start the file with a `---` line, then `updates:`, then a closing `---` line",
            )
        })?;
        (fm.yaml_lines.start, fm.yaml_lines.end)
    } else {
        (0, lines.len())
    };
    let yaml_text = lines[start..end].concat();
    let root = yaml::tree(&yaml_text).map_err(|e| {
        let pos = e.pos.unwrap_or(yaml::Pos { line: 1, col: 1 });
        invalid(
            start + pos.line,
            pos.col,
            e.message.clone(),
            "fix the YAML, then run the command again",
        )
    })?;
    // A YAML line (1-based) as an index into `lines`.
    let to_file = |yaml_line: usize| start + yaml_line - 1;
    let pairs: &[(Node, Node)] = match &root.value {
        Value::Map(pairs) => pairs,
        _ if root.is_null() => &[],
        _ => {
            return Err(invalid(
                start + root.pos.line,
                root.pos.col,
                format!("a translation is a mapping (`title:`, `updates:`), not {}", root.kind()),
                "write `updates:` with a list of `- at: …` and `message: …`",
            ));
        }
    };
    let key = |name: &str| pairs.iter().find(|(k, _)| k.text() == Some(name));
    // (first line, end line, new lines), applied from the bottom up.
    let mut edits: Vec<(usize, usize, Vec<String>)> = Vec::new();
    if let Some(title) = t.title {
        let title = scalar(title.trim());
        match key("title") {
            Some((k, v)) => {
                let line = to_file(k.pos.line);
                let indent = k.pos.col - 1;
                let block = block_end(&lines, line, end, indent);
                // A comment after a plain one-line title stays (a plain
                // scalar never holds ` #`, so the first one starts it).
                let comment = match &v.value {
                    Value::Scalar { plain: true, .. } if block == line + 1 && v.pos.line == k.pos.line => {
                        let written = lines[line].trim_end_matches(['\r', '\n']);
                        let from = written
                            .char_indices()
                            .nth(v.pos.col - 1)
                            .map_or(written.len(), |(i, _)| i);
                        written[from..].find(" #").map(|i| written[from + i..].to_string())
                    }
                    _ => None,
                };
                edits.push((
                    line,
                    block,
                    vec![format!(
                        "{}title: {title}{}",
                        " ".repeat(indent),
                        comment.unwrap_or_default()
                    )],
                ));
            }
            None => edits.push((start, start, vec![format!("title: {title}")])),
        }
    }
    let inline = || {
        AuthorError::usage(
            format!(
                "`updates:` is written inline (`[...]`) in {}, so an update cannot be added without rewriting it",
                file.display()
            ),
            Some("write the list one item per line (`- at: …`), then run the command again".to_string()),
        )
    };
    match key("updates") {
        None => {
            let mut new = vec!["updates:".to_string()];
            new.extend(translation_item(t.at, t.message, 2, 4));
            edits.push((end, end, new));
        }
        Some((k, v)) if v.is_null() || matches!(&v.value, Value::Seq(items) if items.is_empty()) => {
            let line = to_file(k.pos.line);
            let indent = k.pos.col - 1;
            let after = lines[line].trim_end().split_once(':').map_or("", |(_, v)| v.trim());
            if !(after.is_empty() || after == "[]" || after == "~" || after == "null" || after.starts_with('#')) {
                return Err(inline());
            }
            let mut new = vec![format!("{}updates:", " ".repeat(indent))];
            new.extend(translation_item(t.at, t.message, indent + 2, indent + 4));
            edits.push((line, line + 1, new));
        }
        Some((k, v)) => {
            let Value::Seq(items) = &v.value else {
                return Err(invalid(
                    start + v.pos.line,
                    v.pos.col,
                    format!("`updates` is {}, not a list", v.kind()),
                    "write a list of `- at: …` items, each with `message: …`",
                ));
            };
            if items[0].pos.line == k.pos.line {
                return Err(inline());
            }
            // Each item: its dash's line and the instant of its `at`.
            let mut found = Vec::with_capacity(items.len());
            for item in items {
                let line = to_file(item.pos.line);
                let content = item.pos.col - 1;
                let prefix: String = lines[line].chars().take(content).collect();
                let dash = prefix.rfind('-').ok_or_else(inline)?;
                let at_node = match &item.value {
                    Value::Map(fields) => fields.iter().find(|(k, _)| k.text() == Some("at")).map(|(_, v)| v),
                    _ => None,
                };
                let (pos, at) = match at_node {
                    Some(node) => (node.pos, node.text().unwrap_or_default().to_string()),
                    None => (item.pos, String::new()),
                };
                let when = instant(&at).ok_or_else(|| {
                    invalid(
                        start + pos.line,
                        pos.col,
                        format!("this update's `at` is not a time: `{at}`"),
                        "write the original update's time, as its file writes it",
                    )
                })?;
                found.push((line, dash, content, when));
            }
            let (_, dash, content, _) = found[0];
            let new = translation_item(t.at, t.message, dash, content);
            if let Some(&(line, dash, _, _)) = found.iter().find(|f| f.3 == t.instant) {
                edits.push((line, block_end(&lines, line, end, dash), new));
            } else if let Some(&(line, dash, _, _)) = found.iter().find(|f| f.3 > t.instant) {
                // Before the later update, and before the comments just above it.
                let mut at = line;
                while at > start && {
                    let prev = &lines[at - 1];
                    let trimmed = prev.trim_start();
                    trimmed.starts_with('#') && prev.len() - trimmed.len() == dash
                } {
                    at -= 1;
                }
                edits.push((at, at, new));
            } else {
                let &(last, dash, _, _) = found.last().expect("a list that is not empty");
                let after = end_of_list(&lines.iter().map(String::as_str).collect::<Vec<_>>(), last, end, dash);
                edits.push((after, after, new));
            }
        }
    }
    // From the bottom up, so earlier positions stay right; of two edits at
    // one line, the one made first ends up first.
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(edits[i].0), std::cmp::Reverse(i)));
    for i in order {
        let (from, to, new) = &edits[i];
        if *from > 0 && !lines[*from - 1].ends_with('\n') {
            lines[*from - 1].push_str(newline);
        }
        let new = new.iter().map(|l| format!("{l}{newline}"));
        lines.splice(*from..*to, new);
    }
    Ok(lines.concat())
}

/// The line after the block that starts at line `first` with its key or
/// dash at column `indent`: the lines indented deeper (blank ones inside
/// it too, trailing blank lines not).
fn block_end<S: AsRef<str>>(lines: &[S], first: usize, end: usize, indent: usize) -> usize {
    let mut after = first + 1;
    for (i, line) in lines.iter().enumerate().take(end).skip(first + 1) {
        let line = line.as_ref();
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            continue;
        }
        if line.len() - trimmed.len() <= indent {
            break;
        }
        after = i + 1;
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::tree;

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

    fn translated<'a>(title: Option<&'a str>, at: &'a str, message: &'a str) -> Translated<'a> {
        let instant = DateTime::parse_from_rfc3339(at).unwrap().to_utc();
        Translated {
            title,
            at,
            instant,
            message,
        }
    }

    fn edit(text: &str, markdown: bool, t: &Translated<'_>) -> Result<String, AuthorError> {
        edit_translation(text, markdown, Path::new("x.de.md"), t, |at| {
            DateTime::parse_from_rfc3339(at).ok().map(|t| t.to_utc())
        })
    }

    #[test]
    fn a_new_translation_file() {
        let t = translated(Some("Fehler: API"), "2026-11-20T14:03:00Z", "Wir prüfen.");
        assert_eq!(
            new_translation(true, &t),
            "---\ntitle: 'Fehler: API'\nupdates:\n  - at: 2026-11-20T14:03:00Z\n    message: Wir prüfen.\n---\n"
        );
        let t = translated(None, "2026-11-20T14:03:00Z", "Wir prüfen.");
        assert_eq!(
            new_translation(false, &t),
            "updates:\n  - at: 2026-11-20T14:03:00Z\n    message: Wir prüfen.\n"
        );
    }

    const FILE: &str = "---\n# Übersetzt von Anna\ntitle: Alt # geprüft\nupdates:\n  # die erste\n  - at: 2026-11-20T14:03:00Z\n    message: |\n      Eins.\n\n      Zwei.\n  # die dritte\n  - at: 2026-11-20T15:30:00+01:00\n    message: Drei.\n# Ende\n---\nNachbetrachtung.\n";

    #[test]
    fn the_same_update_is_replaced_and_the_rest_kept() {
        // 15:30+01:00 is 14:30Z: the same instant, written differently.
        let t = translated(Some("Neu"), "2026-11-20T14:30:00Z", "Drei, neu.");
        assert_eq!(
            edit(FILE, true, &t).unwrap(),
            FILE.replace("title: Alt # geprüft", "title: Neu # geprüft").replace(
                "  - at: 2026-11-20T15:30:00+01:00\n    message: Drei.\n",
                "  - at: 2026-11-20T14:30:00Z\n    message: Drei, neu.\n"
            )
        );
        let t = translated(None, "2026-11-20T14:03:00Z", "Eins, neu.");
        assert_eq!(
            edit(FILE, true, &t).unwrap(),
            FILE.replace(
                "    message: |\n      Eins.\n\n      Zwei.\n",
                "    message: Eins, neu.\n"
            )
        );
    }

    #[test]
    fn a_new_update_goes_in_time_order() {
        let between = translated(None, "2026-11-20T14:10:00Z", "Zwischen.");
        assert_eq!(
            edit(FILE, true, &between).unwrap(),
            FILE.replace(
                "  # die dritte\n",
                "  - at: 2026-11-20T14:10:00Z\n    message: Zwischen.\n  # die dritte\n"
            )
        );
        let last = translated(None, "2026-11-20T16:00:00Z", "Zuletzt.");
        assert_eq!(
            edit(FILE, true, &last).unwrap(),
            FILE.replace(
                "# Ende\n",
                "  - at: 2026-11-20T16:00:00Z\n    message: Zuletzt.\n# Ende\n"
            )
        );
    }

    #[test]
    fn missing_keys_are_added() {
        let t = translated(Some("Titel"), "2026-11-20T14:03:00Z", "Eins.");
        assert_eq!(
            edit("---\n# nur ein Kommentar\n---\nText\n", true, &t).unwrap(),
            "---\ntitle: Titel\n# nur ein Kommentar\nupdates:\n  - at: 2026-11-20T14:03:00Z\n    message: Eins.\n---\nText\n"
        );
        assert_eq!(
            edit("title: T\r\nupdates: []\r\npostmortem: P", false, &t).unwrap(),
            "title: Titel\r\nupdates:\r\n  - at: 2026-11-20T14:03:00Z\r\n    message: Eins.\r\npostmortem: P"
        );
        assert_eq!(
            edit("title: T", false, &t).unwrap(),
            "title: Titel\nupdates:\n  - at: 2026-11-20T14:03:00Z\n    message: Eins.\n"
        );
    }

    #[test]
    fn files_it_cannot_edit_are_refused() {
        let t = translated(None, "2026-11-20T14:03:00Z", "Eins.");
        for (text, markdown) in [
            ("title: [unclosed\n", false),
            ("no front matter\n", true),
            ("updates: 3\n", false),
            ("updates:\n  - at: gestern\n    message: x\n", false),
        ] {
            assert!(
                matches!(edit(text, markdown, &t), Err(AuthorError::Invalid(_))),
                "{text}"
            );
        }
        assert!(matches!(
            edit("updates: [{at: 2026-11-20T14:03:00Z, message: x}]\n", false, &t),
            Err(AuthorError::Usage { .. })
        ));
    }
}
