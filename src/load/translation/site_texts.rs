//! `site.yaml`'s `translations:` (content format, "Languages and
//! translations"): the site's own texts in each further language, and the
//! check that every further language has interface messages.

use std::collections::BTreeMap;

use super::super::schema::{Reader, suggest};
use super::super::source::Source;
use super::super::yaml::{Node, Seg, Value};
use crate::diagnostics::Diagnostic;
use crate::model::{Component, ComponentTexts, Link, MessageFile, SiteTexts};

/// The keys of one language under `translations:`.
const LANGUAGE_KEYS: &[&str] = &["title", "description", "components", "groups", "links"];

/// The value of the top-level key `key` of `site.yaml`, if it is there.
fn top_level<'t>(root: &'t Node, key: &str) -> Option<&'t Node> {
    match &root.value {
        Value::Map(pairs) => pairs
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null()),
        _ => None,
    }
}

/// Read `translations:` of `site.yaml` (in `src`), by language. `languages`
/// is [`crate::model::SiteConfig::languages`] (the default first);
/// `components` and `links` are the site's, in the default language.
///
/// Every problem is pushed to `errors`, at its key: a language not in
/// `languages:` or the default language (with the nearest one), an
/// unknown component id, a group or link title the default language does
/// not have (each with the nearest), and any other key.
pub(crate) fn read(
    src: &Source,
    languages: &[String],
    components: &[Component],
    links: &[Link],
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, SiteTexts> {
    let mut out = BTreeMap::new();
    let Ok(root) = src.tree() else { return out };
    let Some(node) = top_level(root, "translations") else {
        return out;
    };
    let mut r = Reader {
        src,
        errors: Vec::new(),
    };
    let further: Vec<&str> = languages.iter().skip(1).map(String::as_str).collect();
    let default = languages.first().map_or("en", String::as_str);
    for (key, lang, value) in once(&mut r, node, "translations") {
        let path = format!("translations.{lang}");
        let Some(canonical) = further.iter().find(|l| l.eq_ignore_ascii_case(lang)) else {
            let (message, help) = if lang.eq_ignore_ascii_case(default) {
                (
                    format!("`{lang}` is the site's default language (`language`)"),
                    "the default language's texts are the ones at the top of site.yaml (title, description, components, links); translate them into the languages listed in `languages:`".to_string(),
                )
            } else if further.is_empty() {
                (
                    format!("`{lang}` is not one of the site's languages"),
                    format!("add `languages: [{lang}]` to site.yaml to publish the site in it too"),
                )
            } else {
                (
                    format!("`{lang}` is not one of the site's languages"),
                    format!(
                        "{}; add it to `languages:` to publish the site in it too",
                        suggest(lang, &further, "the further languages in `languages:` are")
                    ),
                )
            };
            r.errors.push(src.error(Some(key.pos), message).with_help(help));
            continue;
        };
        let Some(f) = r.fields(value, &path, LANGUAGE_KEYS) else {
            continue;
        };
        let mut texts = SiteTexts {
            title: r.optional_text(&f, "title"),
            description: r.optional_text(&f, "description"),
            ..SiteTexts::default()
        };
        if texts.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            r.errors.push(
                src.error_at(
                    &[Seg::Key("translations"), Seg::Key(lang), Seg::Key("title")],
                    false,
                    "`title` is empty",
                )
                .with_help("write the page's name in this language, or remove the line to keep the default language's"),
            );
        }
        if let Some(node) = f.get("components") {
            let ids: Vec<&str> = components.iter().map(|c| c.id.as_str()).collect();
            let within = f.path_of("components");
            for (key, id, value) in once(&mut r, node, &within) {
                if !ids.contains(&id) {
                    r.errors.push(
                        src.error(Some(key.pos), format!("unknown component `{id}` in `{within}`"))
                            .with_help(suggest(id, &ids, "the components in site.yaml are")),
                    );
                    continue;
                }
                let Some(c) = r.fields(value, &format!("{within}.{id}"), &["name", "description"]) else {
                    continue;
                };
                let t = ComponentTexts {
                    name: r.optional_text(&c, "name"),
                    description: r.optional_text(&c, "description"),
                };
                texts.components.insert(id.to_string(), t);
            }
        }
        let groups: Vec<&str> = {
            let mut g: Vec<&str> = Vec::new();
            for name in components.iter().filter_map(|c| c.group.as_deref()) {
                if !g.contains(&name) {
                    g.push(name);
                }
            }
            g
        };
        let titles: Vec<&str> = links.iter().map(|l| l.title.as_str()).collect();
        for (key, known, what, into) in [
            ("groups", &groups, "group", &mut texts.groups),
            ("links", &titles, "link title", &mut texts.links),
        ] {
            let Some(node) = f.get(key) else { continue };
            let within = f.path_of(key);
            for (k, name, value) in once(&mut r, node, &within) {
                if !known.contains(&name) {
                    let lead = format!("write the {what} as it is in the default language; they are");
                    r.errors.push(
                        src.error(Some(k.pos), format!("no {what} `{name}` in site.yaml, in `{within}`"))
                            .with_help(suggest(name, known, &lead)),
                    );
                    continue;
                }
                if let Some(text) = r.text(value, &format!("{within}.{name}")) {
                    into.insert(name.to_string(), text);
                }
            }
        }
        out.insert((*canonical).to_string(), texts);
    }
    errors.extend(r.errors);
    out
}

/// An error at each further language of `languages:` that has no
/// interface messages, neither the theme's `i18n/LANG.ftl` nor the site's
/// (see [`crate::i18n::catalogue_language`]): its pages would be in
/// English. `languages` is [`crate::model::SiteConfig::languages`].
pub(crate) fn languages_without_messages(
    src: &Source,
    languages: &[String],
    messages: &[MessageFile],
) -> Vec<Diagnostic> {
    let Ok(root) = src.tree() else { return Vec::new() };
    let Some(Value::Seq(items)) = top_level(root, "languages").map(|n| &n.value) else {
        return Vec::new();
    };
    let mut shipped: Vec<&str> = messages.iter().map(|m| m.language.as_str()).collect();
    shipped.sort_unstable();
    shipped.dedup();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(canonical) = item
            .text()
            .and_then(|t| t.trim().parse::<unic_langid::LanguageIdentifier>().ok())
            .map(|id| id.to_string())
        else {
            continue;
        };
        if !languages.iter().skip(1).any(|l| *l == canonical)
            || crate::i18n::catalogue_language(messages, &canonical).is_some()
        {
            continue;
        }
        out.push(
            src.error_at(
                &[Seg::Key("languages"), Seg::Index(i)],
                false,
                format!("no interface messages for language `{canonical}`: its pages would be in English"),
            )
            .with_help(format!(
                "the theme ships messages for {}; add i18n/{canonical}.ftl to the site folder with the messages of the theme's i18n/en.ftl in that language",
                shipped.join(", ")
            )),
        );
    }
    out
}

/// The `key: value` pairs of the mapping `node` at `path`
/// ([`Reader::pairs`]), each key once: a key given again is an error at its
/// second place (YAML would silently keep only one of the two) and left
/// out.
fn once<'n>(r: &mut Reader<'_>, node: &'n Node, path: &str) -> Vec<(&'n Node, &'n str, &'n Node)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (key, name, value) in r.pairs(node, path).unwrap_or_default() {
        if seen.insert(name) {
            out.push((key, name, value));
        } else {
            let d = r
                .src
                .error(Some(key.pos), format!("`{name}` is given twice in `{path}`"))
                .with_help("keep one of the two: YAML would silently use only the last");
            r.errors.push(d);
        }
    }
    out
}
