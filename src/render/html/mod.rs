//! HTML pages, rendered with Tera 2 from the theme's templates.
//!
//! Pages: `index.html`, one per incident, maintenance and component, the
//! history archive (`history/index.html` and one page per month), and
//! `404.html`. Each page's context holds `site`, `built_at`, `status`,
//! `root` (relative way back to the root of the page's language),
//! `site_root` (relative way back to the output root, where the static
//! files and the API are), `page_url` (public URL), `alternates` and
//! `languages` (the same page in every language, see `page.rs`),
//! `state_json` (what the page's script needs, see [`super::state`]),
//! `live` and `changed_at` (whether the page shows live state, and else
//! when it last changed: see [`Freshness`]) and the page's own data; see
//! `themes/default/templates/` for their use.

mod prep;

use rayon::prelude::*;
use serde::Serialize;
use std::sync::Arc;

use tera::Tera;

use super::key::{KeyHasher, KeyedContext, built_at_only_when_live};
use super::languages::Language;
use super::state::{Freshness, Scope, State};
use super::view::{EntryView, GroupView, Views};
use super::{Pages, Sink, links};
use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;
use crate::model::{EntryRef, Link, Snapshot};
use crate::timing::phase;

mod page;
use page::{Page, template_error};

/// Most entries listed on a component page, newest first; the history
/// archive has the rest.
pub const COMPONENT_ENTRIES: usize = 50;

/// The site-wide values every page sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    /// The public URL of the page language's root, without a trailing
    /// slash: `base_url` in the default language, `BASE/TAG` in a further
    /// one ([`links::language_url`]).
    base_url: String,
    /// The public URL of the output's root (`base_url` in `site.yaml`),
    /// where the files that exist only once are: the API, `embed.js`.
    root_url: &'a str,
    /// `<html lang>`: the interface's language
    /// ([`crate::i18n::Catalogue::language`]), which the page script formats its
    /// times in, not site.yaml's `language` while the interface has no
    /// strings in it.
    language: &'a str,
    /// Whether that language is written right to left (Arabic, Hebrew …,
    /// by CLDR's character order as `unic-langid` holds it): the pages then
    /// say `<html dir="rtl">` and the layout mirrors.
    rtl: bool,
    /// IANA name, e.g. `Europe/Berlin`.
    time_zone: &'a str,
    links: &'a [Link],
    logo: Option<&'a str>,
    favicon: Option<&'a str>,
    accent_color: Option<&'a str>,
}

/// A month in the history archive's navigation.
#[derive(Serialize)]
struct MonthLink {
    name: String,
    url: String,
    count: usize,
}

/// Compile the theme's templates (site overrides already laid over them).
///
/// # Errors
/// A template that does not parse, named with Tera's message.
pub fn compile(snap: &Snapshot<'_>) -> Result<Tera, Vec<Diagnostic>> {
    let cat = Arc::new(Catalogue::new(&snap.site.theme.messages, &snap.site.config.language));
    compile_keyed(snap, cat).map(|(tera, _)| tera)
}

/// [`compile`], with the digest of the templates, of the interface's
/// messages and of every global value but `built_at` (see
/// [`super::key`]); `cat` holds the page language's messages.
fn compile_keyed(snap: &Snapshot<'_>, cat: Arc<Catalogue>) -> Result<(Tera, KeyHasher), Vec<Diagnostic>> {
    let mut base = KeyHasher::new();
    for (name, text) in &snap.site.theme.templates {
        base.bytes(name.as_bytes());
        base.bytes(text.as_bytes());
    }
    // Every message file, in layer order: a changed string (the theme's or
    // the site's) renders every page again.
    for m in &snap.site.theme.messages {
        base.bytes(m.language.as_bytes());
        base.bytes(m.text.as_bytes());
    }
    let c = &snap.site.config;
    let mut tera = Tera::new();
    tera.register_filter("plural", crate::plural::tera_filter);
    tera.register_function("t", crate::i18n::tera_function(Arc::clone(&cat)));
    tera.register_function("list_glue", crate::i18n::list::tera_function(Arc::clone(&cat)));
    // Indentation is dropped from the templates once, not from every page.
    let templates: Vec<(&str, String)> = snap
        .site
        .theme
        .templates
        .iter()
        .map(|(n, t)| {
            let text = if n.ends_with(".html") {
                prep::strip_indentation(t)
            } else {
                t.clone()
            };
            (n.as_str(), text)
        })
        .collect();
    tera.add_raw_templates(templates.iter().map(|(n, t)| (*n, t.as_str())))
        .map_err(|e| vec![template_error("templates", &e)])?;
    let site = SiteView {
        title: &c.title,
        description: c.description.as_deref(),
        base_url: links::language_url(&snap.site),
        root_url: &c.base_url,
        language: cat.language(),
        rtl: cat.right_to_left(),
        time_zone: c.time_zone.name(),
        links: &c.links,
        logo: c.logo.as_deref(),
        favicon: c.favicon.as_deref(),
        accent_color: c.accent_color.as_deref(),
    };
    let views = Views { snap, cat: &cat };
    let status = PageStatusView::new(snap, &cat);
    let global = tera.global_context();
    global.insert("site", &site);
    global.insert("built_at", &views.time(snap.now));
    global.insert("status", &status);
    let script = snap
        .site
        .theme
        .templates
        .iter()
        .find(|(n, _)| n == prep::SCRIPT)
        .map_or("", |(_, t)| t.as_str());
    let script = prep::compact_script(script);
    let words = crate::i18n::script_words(&cat);
    global.insert("script_words", &words);
    let style = accent_style(snap);
    let csp = prep::content_security_policy(&c.base_url, &script, style.as_deref());
    global.insert("csp", &csp);
    global.insert("script", &script);
    global.insert("accent_style", &style);
    let hashed = base.json("site", &site) && base.json("status", &status) && base.json("accent_style", &style);
    // Every value here serializes; should one ever not, the templates' own
    // text still differs, so the digest of an empty value is no risk.
    debug_assert!(hashed);
    base.bytes(script.as_bytes());
    base.bytes(words.as_bytes());
    base.bytes(csp.as_bytes());
    Ok((tera, base))
}

/// The `<style>` text that sets the site's accent, readable in both
/// schemes (see [`super::color`]); `None` without `accent_color`.
fn accent_style(snap: &Snapshot<'_>) -> Option<String> {
    let accent = snap.site.config.accent_color.as_deref()?;
    let (light, dark) = super::color::accents(accent).unwrap_or_else(|| (accent.to_string(), accent.to_string()));
    Some(format!(
        ":root {{ --accent: {light}; }} @media (prefers-color-scheme: dark) {{ :root {{ --accent: {dark}; }} }}"
    ))
}

/// The page's overall status: its indicator (`major`) and that in words.
#[derive(Serialize)]
struct PageStatusView {
    indicator: &'static str,
    description: String,
}

impl PageStatusView {
    fn new(snap: &Snapshot<'_>, cat: &Catalogue) -> Self {
        PageStatusView {
            indicator: snap.status.indicator.as_str(),
            description: cat.indicator(snap.status.indicator).to_string(),
        }
    }
}

/// Render every HTML page into `sink`, each as soon as it is rendered.
///
/// # Errors
/// A template that fails to render (an unknown variable or filter in an
/// override, say), with Tera's message; the sink's errors.
pub fn render(
    snap: &Snapshot<'_>,
    cat: &Arc<Catalogue>,
    langs: &[Language],
    sink: &dyn Sink,
    pages: &Pages,
) -> Result<(), Vec<Diagnostic>> {
    let (tera, base) = phase("html: compile", || compile_keyed(snap, Arc::clone(cat)))?;
    let views = Views { snap, cat };
    let state = State::new(snap);
    let page = Page {
        tera: &tera,
        snap,
        cat,
        state: &state,
        sink,
        langs,
        prefix: links::language_prefix(&snap.site),
        base,
        built_at: views.time(snap.now),
        built_at_only_when_live: built_at_only_when_live(snap.site.theme.templates.iter().map(|(_, t)| t.as_str())),
    };
    let (incidents, maintenances, months) = selected(snap, pages);

    phase("html: index", || {
        page.render(
            "index.html",
            "index.html",
            index_context(&views),
            Scope::Site,
            Freshness::Live,
        )
    })?;
    // Entry and component pages are independent: render them on every core.
    phase("html: incidents", || {
        incidents.into_par_iter().try_for_each(|i| {
            let inc = &snap.site.incidents[i];
            let fill = |cx: &mut KeyedContext| {
                cx.insert("entry", &views.entry(EntryRef::Incident(i)));
                cx.insert("updates", &newest_first(views.incident_updates(i)));
                cx.insert("postmortem", &inc.postmortem.as_ref().map(|p| views.html(p)));
                cx.insert("postmortem_lang", &views.mark(inc.fallback.body.as_ref()));
            };
            let freshness = Freshness::of(snap, &[EntryRef::Incident(i)]);
            page.render_kept(
                "incident.html",
                &links::incident(&inc.id),
                &fill,
                Scope::Nothing,
                freshness,
            )
        })
    })?;
    maintenances.into_par_iter().try_for_each(|m| {
        let mt = &snap.site.maintenances[m];
        let fill = |cx: &mut KeyedContext| {
            cx.insert("entry", &views.entry(EntryRef::Maintenance(m)));
            cx.insert("updates", &newest_first(views.maintenance_updates(m)));
            cx.insert("details", &mt.body.as_ref().map(|b| views.html(b)));
            cx.insert("details_lang", &views.mark(mt.fallback.body.as_ref()));
            // Upcoming maintenance is listed on the front page, not in the
            // history archive (see `Snapshot::history`): the breadcrumb
            // says so.
            cx.insert("upcoming", &snap.maintenances[m].is_upcoming());
            cx.insert(
                "original_window",
                &(views.time(mt.scheduled_for), views.time(mt.scheduled_until)),
            );
        };
        let shown = [EntryRef::Maintenance(m)];
        page.render_kept(
            "maintenance.html",
            &links::maintenance(&mt.id),
            &fill,
            Scope::Entries(&shown),
            Freshness::of(snap, &shown),
        )
    })?;
    let components: Vec<usize> = (0..snap.site.components.len())
        .filter(|&c| pages.has_component(&snap.site.components[c].id))
        .collect();
    components.into_par_iter().try_for_each(|c| {
        let comp = &snap.site.components[c];
        let mut cx = KeyedContext::new();
        cx.insert("component", &views.component(c));
        cx.insert("group", &comp.group);
        let all = &snap.by_component[c];
        let entries: Vec<EntryView> = all.iter().take(COMPONENT_ENTRIES).map(|&e| views.entry(e)).collect();
        cx.insert("entries", &entries);
        cx.insert("total_entries", &all.len());
        page.render(
            "component.html",
            &links::component(&comp.id),
            cx,
            Scope::Component(c),
            Freshness::Live,
        )
    })?;
    phase("html: history", || history_pages(&page, &views, &months))?;
    let timeless = Freshness::Fixed(None);
    page.render("404.html", "404.html", KeyedContext::new(), Scope::Nothing, timeless)?;
    page.render(
        "embed.html",
        "embed.html",
        KeyedContext::new(),
        Scope::Nothing,
        timeless,
    )
}

/// The incidents, maintenances and history months (indices) `pages` asks for.
fn selected(snap: &Snapshot<'_>, pages: &Pages) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let site = &snap.site;
    match pages {
        Pages::All => (
            (0..site.incidents.len()).collect(),
            (0..site.maintenances.len()).collect(),
            (0..snap.history.len()).collect(),
        ),
        Pages::Some { entries, months, .. } => {
            let wanted = |id: &String| entries.contains(id);
            (
                (0..site.incidents.len())
                    .filter(|&i| wanted(&site.incidents[i].id))
                    .collect(),
                (0..site.maintenances.len())
                    .filter(|&m| wanted(&site.maintenances[m].id))
                    .collect(),
                (0..snap.history.len())
                    .filter(|&k| months.contains(&(snap.history[k].year, snap.history[k].month)))
                    .collect(),
            )
        }
    }
}

fn index_context(views: &Views<'_, '_>) -> KeyedContext {
    let snap = views.snap;
    let mut cx = KeyedContext::new();
    let ongoing: Vec<EntryView> = snap
        .ongoing
        .iter()
        .map(|&i| views.entry(EntryRef::Incident(i)))
        .collect();
    let active: Vec<EntryView> = snap
        .active_maintenance
        .iter()
        .map(|&m| views.entry(EntryRef::Maintenance(m)))
        .collect();
    let upcoming: Vec<EntryView> = snap
        .upcoming_maintenance
        .iter()
        .map(|&m| views.entry(EntryRef::Maintenance(m)))
        .collect();
    let groups: Vec<GroupView> = views.groups();
    let days: Vec<_> = snap
        .recent_days
        .iter()
        .map(|d| views.day_entries(d.date, &d.entries))
        .collect();
    cx.insert("ongoing", &ongoing);
    cx.insert("active_maintenance", &active);
    cx.insert("upcoming_maintenance", &upcoming);
    cx.insert("groups", &groups);
    cx.insert("recent_days", &days);
    cx.insert("uptime_days", &snap.site.config.uptime_days);
    cx
}

/// The archive: an index of months and a page per month, each linking to
/// the next older and newer month that has entries.
fn history_pages(page: &Page<'_, '_>, views: &Views<'_, '_>, selected: &[usize]) -> Result<(), Vec<Diagnostic>> {
    let months = &views.snap.history;
    let link = |k: usize| MonthLink {
        name: views.locale().month(months[k].year, months[k].month),
        url: links::history_month(months[k].year, months[k].month),
        count: months[k].entries.len(),
    };
    let all: Vec<MonthLink> = (0..months.len()).map(link).collect();
    let mut years: Vec<(i32, Vec<&MonthLink>)> = Vec::new();
    for (k, m) in months.iter().enumerate() {
        match years.last_mut() {
            Some((y, list)) if *y == m.year => list.push(&all[k]),
            _ => years.push((m.year, vec![&all[k]])),
        }
    }
    let mut cx = KeyedContext::new();
    cx.insert("years", &years);
    cx.insert("total", &months.iter().map(|m| m.entries.len()).sum::<usize>());
    // The archive lists months and counts: it changes with its entries.
    let every: Vec<EntryRef> = months.iter().flat_map(|m| m.entries.iter().copied()).collect();
    let freshness = Freshness::of(views.snap, &every);
    page.render("history_index.html", links::HISTORY, cx, Scope::Nothing, freshness)?;

    selected.par_iter().try_for_each(|&k| {
        let m = &months[k];
        let fill = |cx: &mut KeyedContext| {
            let entries: Vec<EntryView> = m.entries.iter().map(|&e| views.entry(e)).collect();
            cx.insert("month", &all[k]);
            cx.insert("entries", &entries);
            cx.insert("newer", &k.checked_sub(1).map(link));
            cx.insert("older", &(k + 1 < months.len()).then(|| link(k + 1)));
        };
        page.render_kept(
            "history_month.html",
            &links::history_month(m.year, m.month),
            &fill,
            Scope::Entries(&m.entries),
            Freshness::of(views.snap, &m.entries),
        )
    })
}

fn newest_first<T>(mut v: Vec<T>) -> Vec<T> {
    v.reverse();
    v
}
