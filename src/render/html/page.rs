//! One page: its path-dependent values, its key, and whether it is kept
//! from the previous build or rendered (see [`crate::render::key`]).

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;
use crate::model::Snapshot;
use crate::render::key::{KeyHasher, KeyedContext, PageKey};
use crate::render::state::{Freshness, Scope, State};
use crate::render::view::{TimeView, Views};
use crate::render::{KeyUse, OutputFile, Sink, links};

/// Renders one template to one output path, adding the path-dependent
/// values (`root`, `page_url`), the state of what the page shows
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
        // The 404 page is served at any depth, so its links are absolute.
        let root = if path == "404.html" {
            format!("{base}/")
        } else {
            links::root_from(path)
        };
        cx.insert("root", &root);
        cx.insert("page_url", &links::public_url(base, path));
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
