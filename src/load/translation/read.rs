//! Reading one translation file (`NAME.LANG.md`, `.yaml`, `.yml`) into
//! [`EntryTexts`]: its text keys checked one by one against the original
//! entry (every `at` one of its updates' times), each fact key refused.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{Original, TranslationFile};
use crate::diagnostics::Diagnostic;
use crate::load::entry::{EntryContext, shown_time, split_front_matter};
use crate::load::schema::suggest;
use crate::load::source::Source;
use crate::load::yaml::{Node, Pos, Value};
use crate::load::{EntryFile, Kind, entry_bytes, not_utf8, without_bom};
use crate::model::{EntryTexts, Markdown};

pub(super) fn extension(file: &EntryFile) -> &str {
    file.rel.extension().and_then(|e| e.to_str()).unwrap_or("md")
}

/// Keys that are facts of an entry: never in a translation.
const FACT_KEYS: &[&str] = &[
    "impact",
    "components",
    "started",
    "postmortem_published_at",
    "scheduled_for",
    "scheduled_until",
    "cancelled",
    "status",
    "next_update",
];

/// Read one translation file. `original` is the entry's file as shown and
/// `data` what it loaded as (`None` when it failed: its errors are
/// reported, and the `at`s are not matched).
pub(super) fn read_one(
    t: &TranslationFile,
    original: Option<&Path>,
    data: Option<&Original>,
    cx: &EntryContext<'_>,
    text: Option<&String>,
) -> Result<EntryTexts, Vec<Diagnostic>> {
    let file = &t.file;
    let bytes = entry_bytes(file, text)?;
    let text = String::from_utf8(bytes).map_err(|e| vec![not_utf8(&file.shown, e.as_bytes(), e.utf8_error())])?;
    let text = without_bom(text);
    let (yaml, body, line_offset) = if file.markdown {
        let (yaml, body) = split_front_matter(&file.shown, &text).map_err(|d| vec![d])?;
        (yaml, Some(body), 1)
    } else {
        (text.clone(), None, 0)
    };
    let src = Source::new(file.shown.clone(), text.clone(), yaml, line_offset);
    let root = src.tree().map_err(|d| vec![d])?;
    let mut r = Reading {
        src: &src,
        file,
        original: original.map_or_else(|| format!("`{}`", file.id), |p| p.display().to_string()),
        errors: Vec::new(),
    };
    let body_key = (file.kind == Kind::Incident && !file.markdown).then_some("postmortem");
    let mut allowed = vec!["title", "updates"];
    allowed.extend(body_key);
    let mut out = EntryTexts {
        path: file.rel.clone(),
        ..EntryTexts::default()
    };
    let mut yaml_body = None;
    for (key, name, value) in r.mapping(root, "", &allowed) {
        match name {
            "title" => {
                if let Some(title) = r.text(value, "title") {
                    if title.trim().is_empty() {
                        r.errors.push(
                            src.error(Some(value.pos), "`title` is empty").with_help(
                                "write the title in this language, or remove the line to show the original's",
                            ),
                        );
                    } else {
                        out.title = Some(title);
                    }
                }
            }
            "updates" => out.updates = r.updates(value, data, cx),
            _ => yaml_body = r.text(value, name).map(|t| (t, key.pos)),
        }
    }
    let body = match (body, yaml_body) {
        (Some(b), _) if !b.trim().is_empty() => {
            let line = text[..text.len() - b.len()].matches('\n').count() + 1;
            Some((b, Diagnostic::at(&file.shown, &text, line, 1, "")))
        }
        (_, Some((b, pos))) if !b.trim().is_empty() => Some((b, src.error(Some(pos), ""))),
        _ => None,
    };
    if let Some((b, at)) = body {
        let what = if file.kind == Kind::Incident {
            "postmortem"
        } else {
            "details"
        };
        if data.is_some_and(|d| !d.has_body) {
            r.errors.push(
                Diagnostic {
                    message: format!("this translates a {what}, but {} has none", r.original),
                    ..at
                }
                .with_help(format!(
                    "write the {what} in the original entry first, or remove it here"
                )),
            );
        } else if b.len() > crate::load::limits::MESSAGE_BYTES {
            r.errors.push(
                Diagnostic {
                    message: format!("this text is {} KiB; a {what} may be at most 64 KiB", b.len() / 1024),
                    ..at
                }
                .with_help("shorten it, or link to a longer document"),
            );
        } else {
            out.body = Some(markdown(&b, cx));
        }
    }
    if r.errors.is_empty() { Ok(out) } else { Err(r.errors) }
}

fn markdown(text: &str, cx: &EntryContext<'_>) -> Markdown {
    crate::markdown::render(text, cx.allow_raw_html)
}

/// Reads one translation file's YAML, collecting every problem.
struct Reading<'a> {
    src: &'a Source,
    file: &'a EntryFile,
    /// The original entry's file as shown, for messages.
    original: String,
    errors: Vec<Diagnostic>,
}

impl Reading<'_> {
    fn push(&mut self, pos: Pos, message: String, help: String) {
        self.errors.push(self.src.error(Some(pos), message).with_help(help));
    }

    /// `node`'s pairs whose key is in `allowed` (each once); any other key
    /// is an error at the key: a fact, `postmortem` where it does not
    /// belong, or an unknown key (with the nearest allowed one).
    fn mapping<'n>(&mut self, node: &'n Node, path: &str, allowed: &[&str]) -> Vec<(&'n Node, &'n str, &'n Node)> {
        let pairs: &[(Node, Node)] = match &node.value {
            Value::Map(pairs) => pairs,
            _ if node.is_null() => &[],
            _ => {
                let what = if path.is_empty() {
                    "the front matter".to_string()
                } else {
                    format!("`{path}`")
                };
                self.push(
                    node.pos,
                    format!(
                        "{what} must be a mapping (`key: value` lines), but it is {}",
                        node.kind()
                    ),
                    "check the value's indentation and quoting".into(),
                );
                return Vec::new();
            }
        };
        let within = if path.is_empty() {
            String::new()
        } else {
            format!(" in `{path}`")
        };
        let mut out = Vec::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            let Some(name) = key.text() else {
                self.push(
                    key.pos,
                    format!("a key must be a word{within}"),
                    format!("a translation may hold: {}", allowed.join(", ")),
                );
                continue;
            };
            if allowed.contains(&name) {
                if pairs[..i].iter().any(|(k, _)| k.text() == Some(name)) {
                    self.push(
                        key.pos,
                        format!("`{name}` is given twice{within}"),
                        "keep one of the two lines: YAML would silently use only one of them".into(),
                    );
                } else if !value.is_null() {
                    out.push((key, name, value));
                }
            } else if FACT_KEYS.contains(&name) {
                self.push(
                    key.pos,
                    format!("`{name}` is a fact, and a translation holds only text"),
                    format!(
                        "remove this line: the original entry, {}, is the single source of facts; a translation may hold {}",
                        self.original,
                        if path.is_empty() { allowed_text(self.file) } else { "`at` and `message` in an update".into() }
                    ),
                );
            } else if name == "postmortem" && path.is_empty() {
                let help = if self.file.markdown {
                    "in a `.md` translation, write the postmortem as the Markdown body after the closing `---`"
                } else {
                    "a maintenance has no postmortem; translate its details as the Markdown body of a `.md` translation"
                };
                self.push(key.pos, "`postmortem` is not for this file".into(), help.into());
            } else {
                self.push(
                    key.pos,
                    format!("unknown key `{name}`{within} of a translation"),
                    suggest(name, allowed, "a translation may hold"),
                );
            }
        }
        out
    }

    fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        match node.text() {
            Some(t) => Some(t.to_string()),
            None => {
                self.push(
                    node.pos,
                    format!("`{path}` must be text, but it is {}", node.kind()),
                    "put text that starts with `[`, `{` or `*`, or contains `: `, in quotes".into(),
                );
                None
            }
        }
    }

    /// `updates:`: each `{at, message}`, by the original update's time.
    fn updates(
        &mut self,
        node: &Node,
        data: Option<&Original>,
        cx: &EntryContext<'_>,
    ) -> BTreeMap<DateTime<Utc>, Markdown> {
        let mut out = BTreeMap::new();
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            _ => {
                self.push(
                    node.pos,
                    format!("`updates` must be a list, but it is {}", node.kind()),
                    "write `- at: …` and `message: …` lines under `updates:`".into(),
                );
                return out;
            }
        };
        let times = || match data {
            Some(d) if !d.updates.is_empty() => d
                .updates
                .iter()
                .map(|t| format!("`{}`", shown_time(*t, cx.zone)))
                .collect::<Vec<_>>()
                .join(", "),
            _ => "none".into(),
        };
        for (i, item) in items.iter().enumerate() {
            let path = format!("updates[{i}]");
            let fields = self.mapping(item, &path, &["at", "message"]);
            let at = fields.iter().find(|(_, n, _)| *n == "at").map(|(_, _, v)| *v);
            let message = fields.iter().find(|(_, n, _)| *n == "message").map(|(_, _, v)| *v);
            let Some(at_node) = at else {
                self.push(
                    item.pos,
                    format!("this update has no `at` ({path})"),
                    format!(
                        "add `at:` with the time of the original's update it translates; {}'s updates are at {}",
                        self.original,
                        times()
                    ),
                );
                continue;
            };
            let Some(at_text) = self.text(at_node, &format!("{path}.at")) else {
                continue;
            };
            let at = match crate::load::time::parse_time(&at_text, cx.zone) {
                Ok(t) => t,
                Err(e) => {
                    self.push(at_node.pos, e.to_string(), e.help());
                    continue;
                }
            };
            if data.is_some_and(|d| !d.updates.contains(&at)) {
                self.push(
                    at_node.pos,
                    format!("no update of {} is at `{at_text}`", self.original),
                    format!("`at` names the original update this translates, as a time (compared as an instant); its updates are at {}", times()),
                );
                continue;
            }
            if out.contains_key(&at) {
                self.push(
                    at_node.pos,
                    format!("the update at `{at_text}` is translated twice"),
                    "keep one translation per update: remove one of the two items".into(),
                );
                continue;
            }
            let Some(message_node) = message else {
                self.push(
                    item.pos,
                    format!("missing required key `message` in `{path}`"),
                    "add a line `message: …` with the update's message in this language".into(),
                );
                continue;
            };
            let Some(text) = self.text(message_node, &format!("{path}.message")) else {
                continue;
            };
            if text.trim().is_empty() {
                self.push(
                    message_node.pos,
                    format!("the translation of the update at `{at_text}` is empty"),
                    "write the message in this language, or remove the item to show the original's (marked as such)"
                        .into(),
                );
                continue;
            }
            if text.len() > crate::load::limits::MESSAGE_BYTES {
                self.push(
                    message_node.pos,
                    format!(
                        "this text is {} KiB; a message may be at most 64 KiB",
                        text.len() / 1024
                    ),
                    "shorten it, or link to a longer document".into(),
                );
                continue;
            }
            out.insert(at, markdown(&text, cx));
        }
        out
    }
}

/// The help's list of what a translation file may hold.
fn allowed_text(file: &EntryFile) -> String {
    let body = match (file.kind, file.markdown) {
        (_, true) => "the Markdown body after the front matter",
        (Kind::Incident, false) => "`postmortem`",
        (Kind::Maintenance, false) => "no body (a maintenance's details go in a `.md` translation's body)",
    };
    format!("`title`, `updates` (`at` and `message`) and {body}")
}
