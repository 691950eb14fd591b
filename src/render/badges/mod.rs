//! `badges/*.svg`: status badges to embed in READMEs, wikis and dashboards,
//! drawn in shields.io's "flat" style so they sit well beside other badges.
//!
//! - `badges/status.svg`: the site title, then the page status
//!   (`Partial System Outage`), coloured by the indicator;
//! - `badges/ID.svg` for every component: its name, then its status label
//!   (`Degraded performance`), coloured by the status;
//! - `badges/ID-uptime.svg` for every component: `NAME uptime`, then its
//!   uptime over the window as the pages show it (`99.93%`, or `no data`),
//!   coloured by shields.io's thresholds.
//!
//! The geometry is shields.io's (`badge-maker/lib/badge-renderers.js`,
//! class `Flat`): a 20px-high badge clipped to a 3px radius, a `#555` label
//! part and a coloured message part, a faint vertical gradient over both,
//! and white 11px text with a shadow copy 1px lower at 30% opacity. Each
//! part is its text's width plus 5px on either side; the text width comes
//! from a table of Verdana's advance widths ([`text_width`]), rounded down
//! to whole pixels and then up to an odd number, and is pinned with
//! `textLength` so the badge looks the same whichever font draws it. Text is
//! drawn at 10× size (`font-size="110"`) under `transform="scale(.1)"`, so
//! positions are in tenths of a pixel. Every badge carries `role="img"`, an
//! `aria-label` and a `<title>` reading `LABEL: MESSAGE`.
//!
//! A badge cannot run a script, so it cannot move on between builds as the
//! pages and the embed do when a maintenance window opens or closes (issue
//! 12, item 2). A status badge the clock alone can change before the next
//! build therefore says when it was true: its `<title>` and `aria-label`
//! read `LABEL: MESSAGE (as of Nov 20, 2026 16:00 CET)`, the build time in
//! the site's zone ([`AsOf`]). Its drawn text stays short, as badges are;
//! the others, which only a rebuild can change, carry no time.
//!
//! Output depends only on the snapshot: no ids or randomness, and a date
//! only in the titles above.

mod width;

pub use width::{UNITS_PER_EM, badge_text_width, text_width};

use super::OutputFile;
use crate::escape::{self, xml_text};
use crate::i18n::Catalogue;
use crate::model::{ComponentStatus, Indicator, Snapshot};

/// Height of a badge, in px.
pub const HEIGHT: u32 = 20;

/// Space between a part's edge and its text, in px, on either side.
pub const PADDING: u32 = 5;

/// Font size the widths are measured at, in px.
pub const FONT_SIZE: f64 = 11.0;

/// Background of the label (left) part: shields.io's grey.
pub const LABEL_COLOR: &str = "#555";

/// The message colours. They are the default theme's status colours
/// (`--ok`, `--minor`, `--partial`, `--major`, `--maint`), each dark enough
/// for white text (contrast 5:1 or more).
pub mod colors {
    /// Operational, no indicator, uptime of 99.9% and more.
    pub const GREEN: &str = "#17803d";
    /// Uptime from 99% up to 99.9% (shields.io's "green" step).
    pub const OLIVE: &str = "#4d7c0f";
    /// Degraded performance, a minor indicator, uptime from 97% up to 99%.
    pub const AMBER: &str = "#a15c00";
    /// Partial outage, a major indicator, uptime from 95% up to 97%.
    pub const ORANGE: &str = "#c2410c";
    /// Major outage, a critical indicator, uptime below 95%.
    pub const RED: &str = "#c11f1f";
    /// Under maintenance, the maintenance indicator.
    pub const BLUE: &str = "#2458c6";
    /// Uptime without data (nothing counted in the window).
    pub const GREY: &str = "#6b7280";
}

/// Output path of the page status badge.
pub const STATUS_PATH: &str = "badges/status.svg";

/// Output path of a component's status badge: `badges/ID.svg`.
pub fn component_path(id: &str) -> String {
    format!("badges/{id}.svg")
}

/// Output path of a component's uptime badge: `badges/ID-uptime.svg`.
pub fn uptime_path(id: &str) -> String {
    format!("badges/{id}-uptime.svg")
}

/// Render every badge: the page status, then per component (in display
/// order) its status and its uptime.
pub fn render(snap: &Snapshot<'_>, cat: &Catalogue) -> Vec<OutputFile> {
    let mut out = Vec::with_capacity(1 + 2 * snap.site.components.len());
    let status = snap.status;
    let as_of = AsOf::new(snap, cat);
    let no_data = cat.text("badge-no-data");
    out.push(file(
        STATUS_PATH.to_string(),
        &snap.site.config.title,
        cat.indicator(status.indicator),
        indicator_color(status.indicator),
        as_of.page.then_some(as_of.text.as_str()),
    ));
    for (c, (comp, state)) in snap.site.components.iter().zip(&snap.components).enumerate() {
        out.push(file(
            component_path(&comp.id),
            &comp.name,
            cat.component_status(state.status),
            status_color(state.status),
            as_of.components[c].then_some(as_of.text.as_str()),
        ));
        let uptime = state
            .uptime
            .overall
            .map_or_else(|| no_data.clone(), |s| cat.locale().percent(s));
        out.push(file(
            uptime_path(&comp.id),
            &cat.text_with("badge-uptime", &[("component", comp.name.as_str().into())]),
            &uptime,
            uptime_color(state.uptime.overall),
            None,
        ));
    }
    out
}

/// Which status badges the clock alone can change before the next build,
/// and the note they carry: `as of Nov 20, 2026 16:00 CET` (the build time
/// in the site's zone).
///
/// The rule is the page script's (`themes/default/templates/allclear.js`):
/// a maintenance the clock still moves (neither cancelled, nor ended by a
/// `completed` update, nor over) opens or closes; it changes a component
/// whose status from incidents alone ranks below the one the maintenance
/// gives it, and the page status when no incident is ongoing.
pub struct AsOf {
    pub text: String,
    /// The page status badge can change.
    pub page: bool,
    /// Parallel to `site.components`: the component's badge can change.
    pub components: Vec<bool>,
}

impl AsOf {
    pub fn new(snap: &Snapshot<'_>, cat: &Catalogue) -> Self {
        let site = &snap.site;
        let alone = super::state::IncidentsAlone::of(snap);
        let mut components = vec![false; site.components.len()];
        let mut any = false;
        for (m, state) in site.maintenances.iter().zip(&snap.maintenances) {
            if !state.follows_clock() || state.window.until <= snap.now {
                continue;
            }
            any = true;
            for &(c, status) in &m.components {
                components[c] |= alone.statuses[c] < status;
            }
        }
        AsOf {
            text: cat.text_with(
                "badge-as-of",
                &[("time", cat.locale().date_time(snap.now, site.config.time_zone).into())],
            ),
            page: any && alone.indicator == Indicator::None,
            components,
        }
    }
}

fn file(path: String, label: &str, message: &str, color: &str, as_of: Option<&str>) -> OutputFile {
    OutputFile {
        path,
        bytes: svg_noted(label, message, color, as_of).into_bytes(),
    }
}

/// The colour of a component status.
pub fn status_color(status: ComponentStatus) -> &'static str {
    match status {
        ComponentStatus::Operational => colors::GREEN,
        ComponentStatus::UnderMaintenance => colors::BLUE,
        ComponentStatus::DegradedPerformance => colors::AMBER,
        ComponentStatus::PartialOutage => colors::ORANGE,
        ComponentStatus::MajorOutage => colors::RED,
    }
}

/// The colour of the page indicator; the same as the component status
/// that raises the page to it ([`Indicator::from_component`]).
pub fn indicator_color(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::None => colors::GREEN,
        Indicator::Maintenance => colors::BLUE,
        Indicator::Minor => colors::AMBER,
        Indicator::Major => colors::ORANGE,
        Indicator::Critical => colors::RED,
    }
}

/// The colour of an uptime share (0.0..=1.0, `None` without data), by
/// shields.io's percentage steps: 99.9% and more, 99%, 97%, 95%, below.
/// The steps apply to the value the badge shows, which
/// [`crate::format::Locale::percent`] rounds down to hundredths, so colour and text agree.
pub fn uptime_color(share: Option<f64>) -> &'static str {
    let Some(share) = share else {
        return colors::GREY;
    };
    let hundredths = (share * 10_000.0).floor();
    if hundredths >= 9_990.0 {
        colors::GREEN
    } else if hundredths >= 9_900.0 {
        colors::OLIVE
    } else if hundredths >= 9_700.0 {
        colors::AMBER
    } else if hundredths >= 9_500.0 {
        colors::ORANGE
    } else {
        colors::RED
    }
}

/// A flat badge as a complete SVG document (with a final newline): `label`
/// on grey, `message` on `color` (a CSS colour). Both texts are cleaned
/// first: characters XML cannot carry are removed and runs of spaces, tabs
/// and line breaks become one space, as SVG would show them. An empty
/// label leaves only the message part, as shields.io does.
pub fn svg(label: &str, message: &str, color: &str) -> String {
    svg_noted(label, message, color, None)
}

/// [`svg`], with `note` (when given) after the title and `aria-label` in
/// parentheses, not drawn: `LABEL: MESSAGE (NOTE)`.
pub fn svg_noted(label: &str, message: &str, color: &str, note: Option<&str>) -> String {
    let label = clean(label);
    let message = clean(message);
    let label_width = if label.is_empty() { 0 } else { badge_text_width(&label) };
    let message_width = badge_text_width(&message);
    let left = if label.is_empty() { 0 } else { label_width + 2 * PADDING };
    let right = message_width + 2 * PADDING;
    let width = left + right;
    // shields.io puts the label text 1px right of its part's centre and the
    // message text 1px left of its own; in tenths of a pixel.
    let label_x = 10 * (1 + PADDING) + 5 * label_width;
    let message_x = if label.is_empty() {
        10 * PADDING + 5 * message_width
    } else {
        10 * (left - 1 + PADDING) + 5 * message_width
    };
    let accessible = if label.is_empty() {
        message.clone()
    } else {
        format!("{label}: {message}")
    };
    let accessible = match note {
        Some(note) => format!("{accessible} ({})", clean(note)),
        None => accessible,
    };
    let accessible = escape::xml(&accessible);
    let color = escape::xml(color);

    let mut s = String::with_capacity(1200);
    s.push_str(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" role="img" aria-label="{accessible}"><title>{accessible}</title>"#
    ));
    s.push_str(r##"<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>"##);
    s.push_str(&format!(
        r##"<clipPath id="r"><rect width="{width}" height="{HEIGHT}" rx="3" fill="#fff"/></clipPath>"##
    ));
    s.push_str(&format!(
        r##"<g clip-path="url(#r)"><rect width="{left}" height="{HEIGHT}" fill="{LABEL_COLOR}"/><rect x="{left}" width="{right}" height="{HEIGHT}" fill="{color}"/><rect width="{width}" height="{HEIGHT}" fill="url(#s)"/></g>"##
    ));
    s.push_str(r##"<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">"##);
    if !label.is_empty() {
        push_text(&mut s, &label, label_x, label_width);
    }
    if !message.is_empty() {
        push_text(&mut s, &message, message_x, message_width);
    }
    s.push_str("</g></svg>\n");
    s
}

/// A text and its shadow, centred on `x` (tenths of a pixel), `width` px long.
fn push_text(s: &mut String, text: &str, x: u32, width: u32) {
    let text = escape::xml(text);
    let length = 10 * width;
    s.push_str(&format!(
        r##"<text aria-hidden="true" x="{x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="{length}">{text}</text><text x="{x}" y="140" transform="scale(.1)" fill="#fff" textLength="{length}">{text}</text>"##
    ));
}

/// Text as a badge shows it: without the characters XML 1.0 forbids
/// ([`xml_text`]), runs of spaces, tabs and line breaks as one space,
/// trimmed.
fn clean(s: &str) -> String {
    xml_text(s)
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of attribute `name` in the first element that has it.
    fn attr<'a>(svg: &'a str, name: &str) -> &'a str {
        let start = svg.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("no {name}")) + name.len() + 3;
        let len = svg[start..].find('"').unwrap();
        &svg[start..start + len]
    }

    #[test]
    fn width_grows_with_the_text() {
        assert!(text_width("API uptime") > text_width("API"));
        assert!(text_width("API") > text_width(""));
        assert!(
            text_width("WWW") > text_width("iii"),
            "proportional, not a fixed advance"
        );
        let short: u32 = attr(&svg("API", "Operational", colors::GREEN), "width")
            .parse()
            .unwrap();
        let long: u32 = attr(&svg("API", "Degraded performance", colors::AMBER), "width")
            .parse()
            .unwrap();
        assert!(long > short, "{long} > {short}");
        let longer: u32 = attr(&svg("API gateway", "Degraded performance", colors::AMBER), "width")
            .parse()
            .unwrap();
        assert!(longer > long, "{longer} > {long}");
    }

    #[test]
    fn a_known_string_keeps_its_width() {
        // shields.io's own `build | passing` badge: 27px + 41px of text,
        // parts of 37 and 51px, 88px in all.
        assert_eq!(text_width("build"), 4972.0 * 11.0 / 2048.0);
        assert_eq!(badge_text_width("build"), 27);
        assert_eq!(badge_text_width("passing"), 41);
        let s = svg("build", "passing", "#4c1");
        assert!(
            s.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="88" height="20""#),
            "{s}"
        );
        assert!(
            s.contains(
                r##"<rect width="37" height="20" fill="#555"/><rect x="37" width="51" height="20" fill="#4c1"/>"##
            ),
            "{s}"
        );
        assert!(
            s.contains(r##"x="195" y="140" transform="scale(.1)" fill="#fff" textLength="270">build</text>"##),
            "{s}"
        );
        assert!(
            s.contains(r##"x="615" y="140" transform="scale(.1)" fill="#fff" textLength="410">passing</text>"##),
            "{s}"
        );
        // And one of ours.
        assert_eq!(text_width("Degraded performance"), 23682.0 * 11.0 / 2048.0);
        assert_eq!(badge_text_width("Degraded performance"), 127);
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let s = svg(r#"<script>&"'"#, "a<b & c>d", colors::RED);
        assert!(!s.contains("<script>"), "{s}");
        let label = "&lt;script&gt;&amp;&quot;&apos;";
        let both = format!("{label}: a&lt;b &amp; c&gt;d");
        assert!(s.contains(&format!(r#"aria-label="{both}""#)), "{s}");
        assert!(s.contains(&format!("<title>{both}</title>")), "{s}");
        assert_eq!(s.matches(&format!(">{label}</text>")).count(), 2, "{s}");
        assert_eq!(s.matches(">a&lt;b &amp; c&gt;d</text>").count(), 2, "{s}");
        assert_eq!(
            s.matches('&').count(),
            s.matches("&amp;").count()
                + s.matches("&lt;").count()
                + s.matches("&gt;").count()
                + s.matches("&quot;").count()
                + s.matches("&apos;").count()
        );
    }

    #[test]
    fn control_characters_are_removed_and_spaces_collapsed() {
        let s = svg("A\u{0}P\u{7}I", " Major\n\toutage \u{FFFF}", colors::RED);
        assert!(s.contains(r#"aria-label="API: Major outage""#), "{s}");
        assert!(!s.contains('\u{0}') && !s.contains('\u{7}') && !s.contains('\u{FFFF}'));
        assert_eq!(
            svg("A\u{0}PI", "x", "#000"),
            svg("API", "x", "#000"),
            "removed before measuring"
        );
    }

    #[test]
    fn title_and_aria_label_agree() {
        let s = svg("Lumen Status", "Partial System Outage", colors::ORANGE);
        assert!(s.contains(r#"role="img" aria-label="Lumen Status: Partial System Outage"><title>Lumen Status: Partial System Outage</title>"#));
        let bare = svg("", "passing", colors::GREEN);
        assert!(
            bare.contains(r#"aria-label="passing"><title>passing</title>"#),
            "{bare}"
        );
        assert!(bare.contains(r#"<rect width="0" height="20""#), "no label part: {bare}");
    }

    #[test]
    fn uptime_colours_follow_the_shown_value() {
        assert_eq!(uptime_color(None), colors::GREY);
        assert_eq!(uptime_color(Some(1.0)), colors::GREEN);
        assert_eq!(uptime_color(Some(0.999)), colors::GREEN);
        assert_eq!(uptime_color(Some(0.99899)), colors::OLIVE, "shown as 99.89%");
        assert_eq!(crate::format::Locale::english().percent(0.99899), "99.89%");
        assert_eq!(uptime_color(Some(0.99)), colors::OLIVE);
        assert_eq!(uptime_color(Some(0.985)), colors::AMBER);
        assert_eq!(uptime_color(Some(0.96)), colors::ORANGE);
        assert_eq!(uptime_color(Some(0.5)), colors::RED);
    }

    #[test]
    fn colours_by_status_and_indicator() {
        for s in ComponentStatus::ALL {
            assert_eq!(status_color(s), indicator_color(Indicator::from_component(s)), "{s:?}");
        }
        assert_eq!(status_color(ComponentStatus::DegradedPerformance), colors::AMBER);
        assert_eq!(indicator_color(Indicator::Critical), colors::RED);
    }

    #[test]
    fn a_badge_is_exactly_the_flat_style() {
        // The whole document for shields.io's `build | passing` badge:
        // every element, attribute and coordinate, so a change to the
        // geometry, the gradient or the text placement shows here.
        let expected = concat!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="88" height="20" role="img" aria-label="build: passing"><title>build: passing</title>"##,
            r##"<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>"##,
            r##"<clipPath id="r"><rect width="88" height="20" rx="3" fill="#fff"/></clipPath>"##,
            r##"<g clip-path="url(#r)"><rect width="37" height="20" fill="#555"/><rect x="37" width="51" height="20" fill="#4c1"/><rect width="88" height="20" fill="url(#s)"/></g>"##,
            r##"<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">"##,
            r##"<text aria-hidden="true" x="195" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="270">build</text><text x="195" y="140" transform="scale(.1)" fill="#fff" textLength="270">build</text>"##,
            r##"<text aria-hidden="true" x="615" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="410">passing</text><text x="615" y="140" transform="scale(.1)" fill="#fff" textLength="410">passing</text>"##,
            "</g></svg>\n",
        );
        assert_eq!(svg("build", "passing", "#4c1"), expected);
        // A note reaches only the title and the label, never the drawing.
        let noted = svg_noted("build", "passing", "#4c1", Some("as of Nov 20"));
        assert_eq!(
            noted,
            expected.replace("build: passing", "build: passing (as of Nov 20)")
        );
    }
}
