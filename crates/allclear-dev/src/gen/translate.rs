//! The second language of a generated site (`cargo dev gen-site
//! --translations`): German texts for `site.yaml`'s `translations:` and
//! translation files (`NAME.de.md`) as the content format describes them
//! ("Languages and translations"). The German is a stand-in of the same
//! length as the English, marked `[de]`: what a build costs depends on
//! how much text there is, not on what it says.

use std::fmt::Write as _;

use super::Member;

/// The texts of one generated incident, as its file writes them.
#[derive(Debug, Clone, Default)]
pub(super) struct Texts {
    pub title: String,
    /// Each update's `at` exactly as written, and its message.
    pub updates: Vec<(String, String)>,
    pub postmortem: Option<String>,
}

/// `languages: [de]` and the German `translations:` of the site's own
/// texts: title, description, the link, and every component and group.
pub(super) fn site_texts(groups: &[(&str, [Member; 5])]) -> String {
    let mut s = String::from(
        "languages: [de]\n\
         translations:\n  de:\n    title: Synthetischer Status\n    \
         description: Eine erzeugte Seite für Messungen und Tests.\n    \
         links:\n      Support: Hilfe\n    groups:\n",
    );
    for (group, _) in groups {
        let _ = writeln!(s, "      {group}: \"[de] {group}\"");
    }
    s.push_str("    components:\n");
    for (_, members) in groups {
        for (id, name, description) in members {
            let _ = writeln!(
                s,
                "      {id}: {{ name: \"[de] {name}\", description: \"[de] {description}\" }}"
            );
        }
    }
    s
}

/// Where the German translation of the entry at `path` goes: `x.md` or
/// `x.yaml` becomes `x.de.md`.
pub(super) fn path(path: &str) -> String {
    let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
    format!("{stem}.de.md")
}

/// The German translation file of an incident: title, every update's
/// message (matched by its `at`) and the postmortem as the body.
pub(super) fn incident(texts: &Texts) -> String {
    let mut s = format!("---\ntitle: \"[de] {}\"\nupdates:\n", texts.title);
    for (at, message) in &texts.updates {
        let _ = writeln!(s, "  - at: {at}");
        s.push_str("    message: ");
        super::block(&mut s, 6, &format!("[de] {message}"));
    }
    s.push_str("---\n");
    if let Some(p) = &texts.postmortem {
        s.push_str("[de] ");
        s.push_str(p);
    }
    s
}
