//! Where each page lives in the output, and its public URL.
//!
//! Pages are `DIR/index.html` files. Links between pages are relative and
//! name `index.html` explicitly, so the site works from any sub-path, from
//! a bucket without index documents, and opened from disk. Public URLs
//! (feeds, canonical links) are absolute and end in `/`. Ids, anchors and
//! hosts are in [`crate::ids`].

use crate::model::Site;

/// Output path of an incident page.
pub fn incident(id: &str) -> String {
    format!("incidents/{id}/index.html")
}

/// Output path of a maintenance page.
pub fn maintenance(id: &str) -> String {
    format!("maintenance/{id}/index.html")
}

/// Output path of a component page.
pub fn component(id: &str) -> String {
    format!("components/{id}/index.html")
}

/// Output path of a history month page (`month` 1..=12).
pub fn history_month(year: i32, month: u32) -> String {
    format!("history/{year:04}/{month:02}/index.html")
}

/// Output path of the history index.
pub const HISTORY: &str = "history/index.html";

/// The relative prefix from `path` back to the output root: `""` for
/// `index.html`, `"../../"` for `incidents/x/index.html`.
pub fn root_from(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The public URL of an output path under `base_url`: `index.html` is
/// dropped, so `incidents/x/index.html` becomes `BASE/incidents/x/`.
pub fn public_url(base_url: &str, path: &str) -> String {
    let trimmed = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}/{trimmed}")
}

/// The path prefix of the language `site` is in: `""` for the default
/// language (published at the output root), `"TAG/"` for each further one
/// (content format, "Languages": each further language under `/TAG/`).
pub fn language_prefix(site: &Site) -> String {
    let lang = &site.config.language;
    if site.config.languages.len() < 2 || lang == site.default_language() {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The public URL of the root of the language `site` is in, without a
/// trailing slash: `base_url` for the default language, `BASE/TAG` for a
/// further one. Pages, feeds and calendars of that language live under it;
/// the API and static files only under `base_url`.
pub fn language_url(site: &Site) -> String {
    let prefix = language_prefix(site);
    match prefix.strip_suffix('/') {
        Some(tag) => format!("{}/{tag}", site.config.base_url),
        None => site.config.base_url.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots_and_public_urls() {
        assert_eq!(root_from("index.html"), "");
        assert_eq!(root_from(&incident("a")), "../../");
        assert_eq!(root_from(&history_month(2026, 11)), "../../../");
        assert_eq!(
            public_url("https://s.example", &incident("a")),
            "https://s.example/incidents/a/"
        );
        assert_eq!(public_url("https://s.example", "index.html"), "https://s.example/");
    }
}
