//! `site.yaml`: the page's settings and its components (content format,
//! "site.yaml").

use std::collections::HashMap;
use std::time::Duration;

use chrono_tz::Tz;

use super::schema::Reader;
use super::source::Source;
use super::time;
use super::yaml::{Node, Seg};
use super::{ID_HELP, is_valid_id};
use crate::diagnostics::{Diagnostic, closest};
use crate::model::{Component, Group, Link, SiteConfig};

/// `site.yaml` as written; every field read that failed is reported.
struct RawSite {
    title: Option<String>,
    base_url: Option<String>,
    description: Option<String>,
    time_zone: Option<String>,
    language: Option<String>,
    /// `languages:`, with each item's index in the list, for positions.
    languages: Vec<(usize, String)>,
    theme: Option<String>,
    /// A number (any, as YAML resolves it) so that `-1` and `1e26` reach
    /// the range check below; `Err(())` when it is not a number (reported
    /// there, with the same message).
    uptime_days: Result<Option<f64>, ()>,
    /// With each link's index in the list, for positions.
    links: Vec<(usize, Link)>,
    /// A humantime duration (`36h`, `2d`, `90m`), checked below.
    stale_after: Option<String>,
    logo: Option<String>,
    favicon: Option<String>,
    accent_color: Option<String>,
    allow_raw_html: bool,
    pin_browser_clock: bool,
    /// With each item's index in the list, for positions.
    publish_hidden: Vec<(usize, String)>,
    components: Vec<RawComponent>,
}

struct RawComponent {
    /// Its index in the list, for positions.
    index: usize,
    id: String,
    name: String,
    description: Option<String>,
    group: Option<String>,
    start_date: Option<String>,
}

const SITE_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "time_zone",
    "language",
    "languages",
    "translations",
    "theme",
    "uptime_days",
    "stale_after",
    "links",
    "logo",
    "favicon",
    "accent_color",
    "allow_raw_html",
    "pin_browser_clock",
    "publish_hidden",
    "components",
];

/// Read the fields of `site.yaml` from `root`; `None` when it is not a
/// mapping at all. Links and components that lack a required key are
/// reported and left out.
fn read_site(r: &mut Reader<'_>, root: &Node) -> Option<RawSite> {
    let f = r.fields(root, "", SITE_KEYS)?;
    let title = r.required_text(&f, "title");
    let uptime_days = match f.get("uptime_days") {
        None => Ok(None),
        Some(n) => n.resolve::<f64>().map(Some).ok_or(()),
    };
    let mut links = Vec::new();
    for (i, item) in f
        .get("links")
        .and_then(|n| r.list(n, "links"))
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let Some(l) = r.fields(item, &format!("links[{i}]"), &["title", "url"]) else {
            continue;
        };
        if let (Some(title), Some(url)) = (r.required_text(&l, "title"), r.required_text(&l, "url")) {
            links.push((i, Link { title, url }));
        }
    }
    let publish_hidden = f
        .get("publish_hidden")
        .and_then(|n| r.list(n, "publish_hidden"))
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, item)| r.text(item, &format!("publish_hidden[{i}]")).map(|t| (i, t)))
        .collect();
    let languages = f
        .get("languages")
        .and_then(|n| r.list(n, "languages"))
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, item)| r.text(item, &format!("languages[{i}]")).map(|t| (i, t)))
        .collect();
    let mut components = Vec::new();
    let items = r.required(&f, "components").and_then(|n| r.list(n, "components"));
    for (i, item) in items.unwrap_or_default().iter().enumerate() {
        let keys = ["id", "name", "description", "group", "start_date"];
        let Some(c) = r.fields(item, &format!("components[{i}]"), &keys) else {
            continue;
        };
        let (id, name) = (r.required_text(&c, "id"), r.required_text(&c, "name"));
        let (description, group) = (r.optional_text(&c, "description"), r.optional_text(&c, "group"));
        let start_date = r.optional_text(&c, "start_date");
        if let (Some(id), Some(name)) = (id, name) {
            components.push(RawComponent {
                index: i,
                id,
                name,
                description,
                group,
                start_date,
            });
        }
    }
    Some(RawSite {
        title,
        base_url: r.optional_text(&f, "base_url"),
        description: r.optional_text(&f, "description"),
        time_zone: r.optional_text(&f, "time_zone"),
        language: r.optional_text(&f, "language"),
        languages,
        theme: r.optional_text(&f, "theme"),
        uptime_days,
        stale_after: r.optional_text(&f, "stale_after"),
        links,
        logo: r.optional_text(&f, "logo"),
        favicon: r.optional_text(&f, "favicon"),
        accent_color: r.optional_text(&f, "accent_color"),
        allow_raw_html: f
            .get("allow_raw_html")
            .and_then(|n| r.flag(n, "allow_raw_html"))
            .unwrap_or(false),
        pin_browser_clock: f
            .get("pin_browser_clock")
            .and_then(|n| r.flag(n, "pin_browser_clock"))
            .unwrap_or(false),
        publish_hidden,
        components,
    })
}

/// The parts of `site.yaml` that entries are checked against.
pub(crate) struct LoadedSite {
    pub config: SiteConfig,
    /// `publish_hidden`: hidden paths under `static/` to publish anyway
    /// (see [`super::links`]).
    pub publish_hidden: Vec<String>,
    pub components: Vec<Component>,
    pub groups: Vec<Group>,
    /// `translations:`, by language (see [`super::translation`]).
    pub translations: std::collections::BTreeMap<String, crate::model::SiteTexts>,
}

/// Longest uptime history accepted, in days (ten years).
const MAX_UPTIME_DAYS: u32 = 3660;

/// `stale_after` when `site.yaml` does not set it: a day and a half. The
/// build asks for a rebuild at least at every midnight (`next-change.json`),
/// so a page older than that has missed one, with half a day to spare.
pub const DEFAULT_STALE_AFTER: Duration = Duration::from_secs(36 * 3600);

/// The shortest and longest `stale_after` accepted: a minute, a year.
const STALE_AFTER_RANGE: (Duration, Duration) = (Duration::from_secs(60), Duration::from_secs(366 * 86_400));

/// `stale_after`: how old the status page may get before its script says
/// so, from a humantime duration (`36h`, `2d`, `1h 30m`); the default
/// without the key. A value that does not parse or is out of range is an
/// error at the key, and the default stands in so other errors still show.
fn stale_after(src: &Source, text: Option<&str>, errors: &mut Vec<Diagnostic>) -> Duration {
    let Some(text) = text else { return DEFAULT_STALE_AFTER };
    let (min, max) = STALE_AFTER_RANGE;
    let problem = match humantime::parse_duration(text.trim()) {
        Ok(d) if (min..=max).contains(&d) => return d,
        Ok(_) => format!("`stale_after: {text}` is out of range: it must be from 1 minute to 366 days"),
        Err(e) => format!("`stale_after: {text}` is not a duration: {e}"),
    };
    errors.push(
        src.error_at(&[Seg::Key("stale_after")], false, problem)
            .with_help("write a duration like `36h` (the default), `2d` or `90m`"),
    );
    DEFAULT_STALE_AFTER
}

/// The most components a site may list. Statuspage's own pages show a few
/// dozen; every page carries each component's status, so a site with tens
/// of thousands would make every build slow and every page heavy.
pub const MAX_COMPONENTS: usize = 1000;

/// Read and check `site.yaml`. `base_url_override` is `--base-url`.
///
/// # Errors
/// Every problem found, each located in the file.
pub(crate) fn load_site(src: &Source, base_url_override: Option<&str>) -> Result<LoadedSite, Vec<Diagnostic>> {
    let mut reader = Reader {
        src,
        errors: Vec::new(),
    };
    let raw = read_site(&mut reader, src.tree().map_err(|d| vec![d])?);
    let mut errors = reader.errors;
    let Some(raw) = raw else {
        return Err(errors);
    };

    let time_zone = match raw.time_zone.as_deref() {
        None => Tz::UTC,
        Some(name) => name.parse::<Tz>().unwrap_or_else(|_| {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name());
            let help = match closest(name, names) {
                Some(best) => format!("did you mean `{best}`? Use an IANA zone name like `Europe/Berlin` or `UTC`"),
                None => "use an IANA zone name like `Europe/Berlin`, `America/New_York` or `UTC`".into(),
            };
            errors.push(
                src.error_at(&[Seg::Key("time_zone")], false, format!("unknown time zone `{name}`"))
                    .with_help(help),
            );
            Tz::UTC
        }),
    };

    let base_url = match base_url_override.map(str::to_string).or(raw.base_url.clone()) {
        Some(url) => match check_base_url(&url) {
            Ok(()) => url.trim_end_matches('/').to_string(),
            Err(why) => {
                let message = format!("`{url}` {why}");
                let d = match base_url_override {
                    Some(_) => Diagnostic::file_error("--base-url", message),
                    None => src.error_at(&[Seg::Key("base_url")], false, message),
                };
                errors.push(
                    d.with_help("write the full address the site is served from, like `https://status.example.com`"),
                );
                String::new()
            }
        },
        None => {
            errors.push(
                src.error(None, "missing required key `base_url`")
                    .with_help("add `base_url: https://status.example.com` (feeds and the API need absolute links), or pass --base-url"),
            );
            String::new()
        }
    };

    let days = raw.uptime_days.map(|d| d.unwrap_or(90.0)).unwrap_or(f64::NAN);
    let uptime_days = if days.fract() == 0.0 && (1.0..=f64::from(MAX_UPTIME_DAYS)).contains(&days) {
        days as u32
    } else {
        errors.push(
            src.error_at(
                &[Seg::Key("uptime_days")],
                false,
                format!("`uptime_days` must be a whole number of days from 1 to {MAX_UPTIME_DAYS}"),
            )
            .with_help("the default, 90, matches Statuspage"),
        );
        90
    };
    let stale_after = stale_after(src, raw.stale_after.as_deref(), &mut errors);
    if raw.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        errors.push(
            src.error_at(&[Seg::Key("title")], false, "`title` is empty")
                .with_help("write the page's name, like `Acme Status`"),
        );
    }
    for (i, link) in &raw.links {
        let i = *i;
        let at = [Seg::Key("links"), Seg::Index(i), Seg::Key("url")];
        if link.url.trim().is_empty() {
            errors.push(src.error_at(&at, false, "link `url` is empty"));
        } else if !crate::markdown::is_safe_link(&link.url) {
            errors.push(
                src.error_at(&at, false, format!("`{}` is not a link allclear publishes", link.url))
                    .with_help("use an http:, https: or mailto: address, or a path on this site"),
            );
        }
    }

    if let Some(color) = raw.accent_color.as_deref()
        && !is_css_color(color)
    {
        errors.push(
            src.error_at(
                &[Seg::Key("accent_color")],
                false,
                format!("`accent_color` `{color}` is not a CSS colour allclear accepts"),
            )
            .with_help(color_help(color)),
        );
    }
    if let Some(theme) = raw.theme.as_deref()
        && !is_theme_name(theme)
    {
        errors.push(
            src.error_at(&[Seg::Key("theme")], false, format!("`{theme}` is not a theme name"))
                .with_help("a theme is a folder under themes/ in the site folder: write its name alone, like `theme: midnight` for themes/midnight/ (no paths, no `..`, no leading dot)"),
        );
    }
    for (i, item) in &raw.publish_hidden {
        let i = *i;
        if !super::links::is_publishable(item) {
            errors.push(
                src.error_at(
                    &[Seg::Key("publish_hidden"), Seg::Index(i)],
                    false,
                    format!("`{item}` is not a path allclear publishes"),
                )
                .with_help("list paths relative to static/, like `.well-known`; never `..`, an absolute path, or anything under .git"),
            );
        }
    }
    let language = raw.language.clone().unwrap_or_else(|| "en".into());
    let languages = site_languages(src, &language, &raw.languages, &mut errors);
    let components = load_components(src, &raw.components, &mut errors);
    if raw.components.len() <= MAX_COMPONENTS {
        check_reserved_ids(src, &raw.components, &mut errors);
    }
    let links: Vec<Link> = raw.links.iter().map(|(_, l)| l.clone()).collect();
    let translations = super::translation::site_texts(src, &languages, &components, &links, &mut errors);
    if components.is_empty() && errors.is_empty() {
        errors.push(
            src.error_at(&[Seg::Key("components")], false, "`components` is empty")
                .with_help("list at least one component, like `- {id: api, name: API}`"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let groups = group_components(&components);
    Ok(LoadedSite {
        publish_hidden: raw.publish_hidden.into_iter().map(|(_, p)| p).collect(),
        config: SiteConfig {
            title: raw.title.expect("a missing title is an error above"),
            base_url,
            description: raw.description,
            time_zone,
            languages,
            language,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            uptime_days,
            stale_after,
            links,
            logo: raw.logo,
            favicon: raw.favicon,
            accent_color: raw.accent_color,
            allow_raw_html: raw.allow_raw_html,
            pin_browser_clock: raw.pin_browser_clock,
        },
        components,
        groups,
        translations,
    })
}

/// The folders every build writes at the root of the output (see
/// [`crate::render::links`]), which a further language's folder must not
/// be. Only `api`, `badges` and `history` are well-formed language tags.
const OUTPUT_FOLDERS: [&str; 6] = ["api", "badges", "components", "history", "incidents", "maintenance"];

/// Every language the site is published in: `language` first, then each
/// of `languages:` in its canonical BCP 47 form (`pt-br` becomes `pt-BR`,
/// as unic-langid writes it), which is also the name of its output
/// folder. A tag that does not parse, the default language again, or a
/// language listed twice is an error at its item.
fn site_languages(src: &Source, language: &str, raw: &[(usize, String)], errors: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut out = vec![language.to_string()];
    for (i, tag) in raw {
        let at = [Seg::Key("languages"), Seg::Index(*i)];
        let Ok(id) = tag.trim().parse::<unic_langid::LanguageIdentifier>() else {
            errors.push(
                src.error_at(&at, false, format!("`{tag}` is not a language tag"))
                    .with_help("write a BCP 47 language tag, like `de`, `pt-BR` or `zh-Hans`"),
            );
            continue;
        };
        let canonical = id.to_string();
        if let Some(folder) = OUTPUT_FOLDERS.iter().find(|f| f.eq_ignore_ascii_case(&canonical)) {
            errors.push(
                src.error_at(&at, false, format!("`{tag}` is the name of the output's `{folder}/` folder"))
                    .with_help("a further language is published under /TAG/, beside the folders every build writes (api, badges, components, history, incidents, maintenance); this language cannot be one of the site's further languages"),
            );
        } else if canonical.eq_ignore_ascii_case(language) {
            errors.push(
                src.error_at(&at, false, format!("`{tag}` is the site's `language`"))
                    .with_help("`languages` lists the further languages, published under /TAG/; the default language is published at the root already"),
            );
        } else if out.iter().any(|l| l.eq_ignore_ascii_case(&canonical)) {
            errors.push(
                src.error_at(&at, false, format!("`{tag}` is listed twice in `languages`"))
                    .with_help("list each language once"),
            );
        } else {
            out.push(canonical);
        }
    }
    out
}

/// A theme name is one plain folder name under `themes/`: ASCII letters,
/// digits, `-`, `_` and `.`, starting with a letter or digit (so never a
/// path, `..` or a hidden folder).
fn is_theme_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn load_components(src: &Source, raw: &[RawComponent], errors: &mut Vec<Diagnostic>) -> Vec<Component> {
    if raw.len() > MAX_COMPONENTS {
        errors.push(
            src.error_at(
                &[Seg::Key("components")],
                true,
                format!(
                    "`components` lists {} components; a site may have at most {MAX_COMPONENTS}",
                    raw.len()
                ),
            )
            .with_help("list the parts your users tell apart (API, dashboard, each region), and describe finer parts in their `description`; or split the page into several sites"),
        );
        return Vec::new();
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(raw.len());
    for c in raw {
        let i = c.index;
        let here = |key| [Seg::Key("components"), Seg::Index(i), Seg::Key(key)];
        if !is_valid_id(&c.id) {
            errors.push(
                src.error_at(&here("id"), false, format!("`{}` is not a valid component id", c.id))
                    .with_help(ID_HELP),
            );
        }
        if let Some(first) = seen.insert(&c.id, i) {
            let first_line = src
                .tree()
                .ok()
                .and_then(|t| t.find(&[Seg::Key("components"), Seg::Index(first), Seg::Key("id")], false))
                .map(|p| format!("line {}", p.line + src.line_offset))
                .unwrap_or_else(|| format!("component {}", first + 1));
            errors.push(
                src.error_at(&here("id"), false, format!("duplicate component id `{}`", c.id))
                    .with_help(format!("{first_line} already uses it; component ids must be unique")),
            );
        }
        let start_date = c.start_date.as_deref().and_then(|d| match time::parse_date(d) {
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(
                    src.error_at(&here("start_date"), false, format!("`{d}` is not a date"))
                        .with_help("write it as `YYYY-MM-DD`, like `2026-09-01`"),
                );
                None
            }
        });
        out.push(Component {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            group: c.group.clone().filter(|g| !g.trim().is_empty()),
            start_date,
        });
    }
    out
}

/// Badges are named after component ids (`badges/ID.svg`,
/// `badges/ID-uptime.svg`) beside the page's `badges/status.svg`, so those
/// names must not clash.
fn check_reserved_ids(src: &Source, components: &[RawComponent], errors: &mut Vec<Diagnostic>) {
    for c in components {
        let clash = if c.id == "status" {
            Some("`status` is reserved: badges/status.svg is the page's own badge".to_string())
        } else {
            c.id.strip_suffix("-uptime")
                .filter(|base| components.iter().any(|other| other.id == *base))
                .map(|base| format!("`{}` clashes with the uptime badge of component `{base}`", c.id))
        };
        if let Some(message) = clash {
            errors.push(
                src.error_at(
                    &[Seg::Key("components"), Seg::Index(c.index), Seg::Key("id")],
                    false,
                    message,
                )
                .with_help("choose another id; badges are named badges/ID.svg and badges/ID-uptime.svg"),
            );
        }
    }
}

/// Groups in first-appearance order; consecutive ungrouped components share
/// an unnamed group.
fn group_components(components: &[Component]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, c) in components.iter().enumerate() {
        let existing = match &c.group {
            Some(name) => groups.iter_mut().find(|g| g.name.as_ref() == Some(name)),
            None => groups.last_mut().filter(|g| g.name.is_none()),
        };
        match existing {
            Some(g) => g.members.push(i),
            None => groups.push(Group {
                name: c.group.clone(),
                members: vec![i],
            }),
        }
    }
    groups
}

/// Whether `c` is a colour `accent_color` accepts (`docs/content-format.md`,
/// `site.yaml`): any CSS colour `csscolorparser` reads (hex with 3, 4, 6 or
/// 8 digits, the 148 CSS colour names and `transparent`, `rgb()`, `rgba()`,
/// `hsl()`, `hsla()`, `hwb()`, `lab()`, `lch()`, `oklab()`, `oklch()`,
/// `color()`, relative colours), or `currentcolor` or a CSS system colour
/// (CSS Color 4, §6.2), which are written as they are. Nothing else, so
/// nothing can close the style rule it is put in.
fn is_css_color(c: &str) -> bool {
    let c = c.trim();
    csscolorparser::parse(c).is_ok() || KEYWORD_COLORS.iter().any(|k| k.eq_ignore_ascii_case(c))
}

/// The colours CSS resolves by itself: `currentcolor` and the system
/// colours of CSS Color 4 (§6.2).
const KEYWORD_COLORS: [&str; 20] = [
    "currentcolor",
    "AccentColor",
    "AccentColorText",
    "ActiveText",
    "ButtonBorder",
    "ButtonFace",
    "ButtonText",
    "Canvas",
    "CanvasText",
    "Field",
    "FieldText",
    "GrayText",
    "Highlight",
    "HighlightText",
    "LinkText",
    "Mark",
    "MarkText",
    "SelectedItem",
    "SelectedItemText",
    "VisitedText",
];

/// The help for an `accent_color` that is not a colour: the nearest colour
/// name when it looks like a misspelt one.
fn color_help(c: &str) -> String {
    let word = c.trim().to_ascii_lowercase();
    let names = csscolorparser::NAMED_COLORS.keys().map(|k| k.as_str());
    match crate::diagnostics::closest(&word, names) {
        Some(name) if word.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            format!("did you mean `{name}`? Write a CSS colour: a name like `teal`, a hex colour like `#4f46e5`, or a function like `rgb(79 70 229)` or `oklch(55% 0.2 275)`")
        }
        _ => "write a CSS colour: a name like `teal`, a hex colour like `#4f46e5`, or a function like `rgb(79 70 229)` or `oklch(55% 0.2 275)`".to_string(),
    }
}

/// Why a text cannot be the site's address; `Display` completes "`URL` …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadBaseUrl {
    #[error("is not an absolute URL")]
    NotAbsolute,
    #[error("contains a space, quote, `<`, `>` or another character that a URL must not hold as written")]
    Character,
    #[error("is not a valid URL")]
    Invalid,
    #[error("holds a user name or password, which every page and feed would publish")]
    Credentials,
    #[error("has a query (`?`) or fragment (`#`), which page paths cannot follow")]
    QueryOrFragment,
}

/// Check `url` as the site's address (`base_url`, `--base-url`): an
/// absolute `http`/`https` URL with a host, parsed by the WHATWG URL rules
/// (the `url` crate), without what pages must not carry: credentials, a
/// query or fragment (page paths are appended to it), and characters that
/// would end the HTML attribute or CSP it is written into (`"`, `'`, `<`,
/// `>`, whitespace, controls). The parser would repair those silently, so
/// they are refused as written.
///
/// # Errors
/// [`BadBaseUrl`] naming the first problem.
pub fn check_base_url(url: &str) -> Result<(), BadBaseUrl> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .filter(|rest| !rest.is_empty() && !rest.starts_with('/'))
        .ok_or(BadBaseUrl::NotAbsolute)?;
    let unsafe_char = |c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^')
    };
    if rest.contains(unsafe_char) {
        return Err(BadBaseUrl::Character);
    }
    let parsed = url::Url::parse(url).map_err(|_| BadBaseUrl::Invalid)?;
    if parsed.host().is_none() {
        Err(BadBaseUrl::Invalid)
    } else if !parsed.username().is_empty() || parsed.password().is_some() {
        Err(BadBaseUrl::Credentials)
    } else if parsed.query().is_some() || parsed.fragment().is_some() {
        Err(BadBaseUrl::QueryOrFragment)
    } else {
        Ok(())
    }
}
