//! The text of a translation file (`NAME.LANG.md`, `NAME.LANG.yaml`;
//! content format, "Languages") as `--lang` writes it: a new file
//! ([`new_translation`]), or one update and the title written into an
//! existing one ([`edit_translation`]) without a YAML serializer's rewrite,
//! so comments, key order, quoting, line endings and the body stay as the
//! translator wrote them. Scalars and messages are written as in entries
//! ([`super::yaml_text`]).

use std::path::Path;

use chrono::{DateTime, Utc};

use super::AuthorError;
use super::yaml_text::{end_of_list, message_lines, scalar};
use crate::diagnostics::Diagnostic;
use crate::load::yaml::{self, Node, Value};

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
