//! One page: its path-dependent values, its key, and whether it is kept
//! from the previous build or rendered (see [`crate::render::key`]).

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;
use crate::model::Snapshot;
use crate::render::key::{KeyHasher, KeyedContext, PageKey};
use crate::render::languages::Language;
use crate::render::state::{Freshness, Scope, State};
use crate::render::view::{TimeView, Views};
use crate::render::{KeyUse, OutputFile, Sink, links};

/// Renders one template to one output path, adding the path-dependent
/// values (`root`, `site_root`, `page_url`, and on a site with several
/// languages `alternates` and `languages`, the same page in each), the state of what the page shows
/// (`state_json`) and its freshness: `live` (true: the footer gives the
/// build time, `built_at`) and `changed_at` (a fixed page's last change,
/// as a time view, or none); `with_words`, whether the page carries the
/// script's words (`script_words`, see [`crate::i18n::script_words`]).
pub(super) struct Page<'a, 's> {
    pub(super) tera: &'a Tera,
    pub(super) snap: &'a Snapshot<'s>,
    /// The page language's messages.
    pub(super) cat: &'a Catalogue,
    pub(super) state: &'a State<'a, 's>,
    pub(super) sink: &'a dyn Sink,
    /// Every language of the site, the default first.
    pub(super) langs: &'a [Language],
    /// The page language's folder: `""` or `TAG/`.
    pub(super) prefix: String,
    /// The digest of the templates and global values (see [`crate::render::key`]).
    pub(super) base: KeyHasher,
    pub(super) built_at: TimeView,
    /// Whether a page that is not live cannot show `built_at`.
    pub(super) built_at_only_when_live: bool,
}

impl Page<'_, '_> {
    /// Render `template` to `path` with the values `cx`, unless the
    /// previous build's page at `path` was made from the same inputs (see
    /// [`super::key`]).
    pub(super) fn render(
        &self,
        template: &str,
        path: &str,
        mut cx: KeyedContext,
        scope: Scope<'_>,
        freshness: Freshness,
    ) -> Result<(), Vec<Diagnostic>> {
        let live = self.page_values(&mut cx, path, scope, freshness);
        let key = self.key(template, path, live, cx.hash);
        if self.kept(path, key.as_ref())? {
            return Ok(());
        }
        self.emit(template, path, cx.cx.unwrap_or_default(), key.as_ref())
    }

    /// [`Page::render`] for a page that is usually kept: `fill` inserts its
    /// values. What is made depends on the sink ([`Sink::key_use`]): when a
    /// previous page may be kept, the values go first only into the key,
    /// and into a Tera context only when the page is rendered after all;
    /// otherwise they are made once, into the context and (when the sink
    /// stores keys) the key together.
    pub(super) fn render_kept(
        &self,
        template: &str,
        path: &str,
        fill: &dyn Fn(&mut KeyedContext),
        scope: Scope<'_>,
        freshness: Freshness,
    ) -> Result<(), Vec<Diagnostic>> {
        let key = match self.sink.key_use(path) {
            KeyUse::Compared => {
                let mut probe = KeyedContext::key_only();
                fill(&mut probe);
                let live = self.page_values(&mut probe, path, scope, freshness);
                let key = self.key(template, path, live, probe.hash);
                if self.kept(path, key.as_ref())? {
                    return Ok(());
                }
                key
            }
            KeyUse::Stored => {
                let mut cx = KeyedContext::new();
                fill(&mut cx);
                let live = self.page_values(&mut cx, path, scope, freshness);
                let key = self.key(template, path, live, cx.hash);
                return self.emit(template, path, cx.cx.unwrap_or_default(), key.as_ref());
            }
            KeyUse::Unused => None,
        };
        let mut cx = KeyedContext::untracked();
        fill(&mut cx);
        self.page_values(&mut cx, path, scope, freshness);
        self.emit(template, path, cx.cx.unwrap_or_default(), key.as_ref())
    }

    /// Insert the values that depend on the page's path and freshness;
    /// whether the page is live.
    fn page_values(&self, cx: &mut KeyedContext, path: &str, scope: Scope<'_>, freshness: Freshness) -> bool {
        let base = &self.snap.site.config.base_url;
        let url = links::language_url(&self.snap.site);
        // The 404 page is served at any depth, so its links are absolute.
        let (root, site_root) = if path == "404.html" {
            (format!("{url}/"), format!("{base}/"))
        } else {
            let root = links::root_from(path);
            let site_root = format!("{root}{}", links::root_from(&self.prefix));
            (root, site_root)
        };
        cx.insert("page_url", &links::public_url(&url, path));
        cx.insert("alternates", &self.alternates(path));
        cx.insert("languages", &self.switcher(path, &site_root));
        cx.insert("root", &root);
        cx.insert("site_root", &site_root);
        cx.insert("state_json", &self.state.json(scope, freshness));
        let views = Views {
            snap: self.snap,
            cat: self.cat,
        };
        let (live, changed_at) = match freshness {
            Freshness::Live => (true, None),
            Freshness::Fixed(at) => (false, at.map(|t| views.time(t))),
        };
        cx.insert("live", &live);
        cx.insert("changed_at", &changed_at);
        // The page script's words (`script_words`) go only where the
        // script can show one: a page with live state, or one whose
        // maintenances or components the clock can move. A fixed page
        // without either (a resolved incident's, 404) stays lighter.
        cx.insert("with_words", &(live || !matches!(scope, Scope::Nothing)));
        live
    }

    /// The `hreflang` links of the page at `path`: its public URL in every
    /// language, then `x-default`, the default language's (Google's
    /// "Tell Google about localized versions of your page"); none on a
    /// site with one language.
    fn alternates(&self, path: &str) -> Vec<Alternate> {
        if self.langs.len() < 2 {
            return Vec::new();
        }
        let base = &self.snap.site.config.base_url;
        let url = |l: &Language| links::public_url(format!("{base}/{}", l.prefix).trim_end_matches('/'), path);
        let mut all: Vec<Alternate> = self
            .langs
            .iter()
            .map(|l| Alternate {
                hreflang: l.tag.clone(),
                href: url(l),
            })
            .collect();
        all.push(Alternate {
            hreflang: "x-default".into(),
            href: url(&self.langs[0]),
        });
        all
    }

    /// The language switcher's links from the page at `path`, whose way
    /// back to the output root is `site_root`: the same page in each
    /// language, by the language's own name; none on a site with one
    /// language.
    fn switcher(&self, path: &str, site_root: &str) -> Vec<Switch> {
        if self.langs.len() < 2 {
            return Vec::new();
        }
        // The page's direction, as its `<html dir>` says it.
        let rtl = self.cat.right_to_left();
        self.langs
            .iter()
            .map(|l| Switch {
                tag: l.tag.clone(),
                name: l.name.clone(),
                href: format!("{site_root}{}{path}", l.prefix),
                current: l.prefix == self.prefix,
                dir: (l.rtl != rtl).then_some(if l.rtl { "rtl" } else { "ltr" }),
            })
            .collect()
    }

    /// The page's key from the digest of its own values, `own`.
    fn key(&self, template: &str, path: &str, live: bool, own: Option<KeyHasher>) -> Option<PageKey> {
        own.map(|own| {
            let mut key = self.base.clone();
            if live || !self.built_at_only_when_live {
                key.json("built_at", &self.built_at);
            }
            key.bytes(template.as_bytes());
            key.bytes(path.as_bytes());
            key.bytes(&own.finish());
            key.finish()
        })
    }

    /// Whether the previous build's page at `path` was kept for `key`.
    fn kept(&self, path: &str, key: Option<&PageKey>) -> Result<bool, Vec<Diagnostic>> {
        match key {
            Some(key) => self.sink.reuse(path, key).map_err(|d| vec![d]),
            None => Ok(false),
        }
    }

    /// Render the page and hand it to the sink with its key.
    fn emit(
        &self,
        template: &str,
        path: &str,
        cx: tera::Context,
        key: Option<&PageKey>,
    ) -> Result<(), Vec<Diagnostic>> {
        let html = self
            .tera
            .render(template, &cx)
            .map_err(|e| vec![template_error(template, &e)])?;
        let file = OutputFile {
            path: path.to_string(),
            bytes: html.into_bytes(),
        };
        match key {
            Some(key) => self.sink.put_keyed(file, key),
            None => self.sink.put(file),
        }
        .map_err(|d| vec![d])
    }
}

/// One `<link rel="alternate" hreflang href>` of a page.
#[derive(serde::Serialize)]
struct Alternate {
    /// A language's tag, or `x-default`.
    hreflang: String,
    /// The page's public URL in that language.
    href: String,
}

/// One link of the language switcher.
#[derive(serde::Serialize)]
struct Switch {
    /// The language's tag (`hreflang` and `lang` of the link).
    tag: String,
    /// The language's name in itself.
    name: String,
    /// The same page in that language, relative (absolute from the 404 page).
    href: String,
    /// Whether it is the page's own language (`aria-current="page"`).
    current: bool,
    /// `ltr` or `rtl` when the name is written the other way than the page.
    dir: Option<&'static str>,
}

pub(super) fn template_error(template: &str, e: &tera::Error) -> Diagnostic {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::file_error(format!("template {template}"), message)
        .with_help("fix the template (a site's own templates/ folder overrides the theme's files of the same name)")
}
