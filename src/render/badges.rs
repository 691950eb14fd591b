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

use super::OutputFile;
use crate::escape::{self, xml_text};
use crate::format;
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

/// The message of an uptime badge when nothing in the window is counted.
pub const NO_DATA: &str = "no data";

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
pub fn render(snap: &Snapshot<'_>) -> Vec<OutputFile> {
    let mut out = Vec::with_capacity(1 + 2 * snap.site.components.len());
    let status = snap.status;
    let as_of = AsOf::new(snap);
    out.push(file(
        STATUS_PATH.to_string(),
        &snap.site.config.title,
        status.description,
        indicator_color(status.indicator),
        as_of.page.then_some(as_of.text.as_str()),
    ));
    for (c, (comp, state)) in snap.site.components.iter().zip(&snap.components).enumerate() {
        out.push(file(
            component_path(&comp.id),
            &comp.name,
            state.status.label(),
            status_color(state.status),
            as_of.components[c].then_some(as_of.text.as_str()),
        ));
        let uptime = state
            .uptime
            .overall
            .map_or_else(|| NO_DATA.to_string(), format::percent);
        out.push(file(
            uptime_path(&comp.id),
            &format!("{} uptime", comp.name),
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
    pub fn new(snap: &Snapshot<'_>) -> Self {
        let site = snap.site;
        let mut components = vec![false; site.components.len()];
        let mut any = false;
        for (m, state) in site.maintenances.iter().zip(&snap.maintenances) {
            if !state.follows_clock() || state.window.until <= snap.now {
                continue;
            }
            any = true;
            for &(c, status) in &m.components {
                components[c] |= snap.incident_statuses[c] < status;
            }
        }
        AsOf {
            text: format!("as of {}", format::date_time(snap.now, site.config.time_zone)),
            page: any && snap.incident_indicator == Indicator::None,
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
/// [`format::percent`] rounds down to hundredths, so colour and text agree.
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

/// The width a badge gives `text`, in whole px: [`text_width`] rounded
/// down, then up to an odd number, as shields.io does ("to increase the
/// chances of pixel grid alignment").
pub fn badge_text_width(text: &str) -> u32 {
    let w = u32::try_from(text_units(text) * 11 / UNITS_PER_EM).unwrap_or(u32::MAX - 1);
    if w % 2 == 0 { w + 1 } else { w }
}

/// The width of `text` set in 11px Verdana, in px: the sum of the glyphs'
/// advance widths (no kerning, as shields.io measures).
pub fn text_width(text: &str) -> f64 {
    text_units(text) as f64 * FONT_SIZE / UNITS_PER_EM as f64
}

/// The width of `text` in font units (see [`UNITS_PER_EM`]).
fn text_units(text: &str) -> u64 {
    text.chars().map(|c| u64::from(advance(c))).sum()
}

/// Verdana's font units: 2048 to the em, so a glyph of `u` units is
/// `u × 11 / 2048` px wide at 11px.
pub const UNITS_PER_EM: u64 = 2048;

/// Advance widths of printable ASCII, U+0020 (space) to U+007E (`~`), in
/// Verdana's font units. Source: the 11px Verdana widths shields.io
/// measures badges with (badges/shields `measure-text.js`, later the
/// `anafanafo` package's `verdana-11px-normal.json`), which are exactly
/// these units × 11 / 2048: the space 3.8671875 px = 720 units, a digit
/// 6.9931640625 px = 1302, `@` 11 px = 2048.
#[rustfmt::skip]
const ASCII_UNITS: [u16; 95] = [
    //  sp     !     "     #     $     %     &     '     (     )     *     +     ,     -     .     /
       720,  806,  940, 1676, 1302, 2204, 1488,  550,  930,  930, 1302, 1676,  745,  930,  745,  930,
    //   0     1     2     3     4     5     6     7     8     9     :     ;     <     =     >     ?
      1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302,  930,  930, 1676, 1676, 1676, 1117,
    //   @     A     B     C     D     E     F     G     H     I     J     K     L     M     N     O
      2048, 1400, 1404, 1430, 1578, 1295, 1177, 1588, 1539,  862,  931, 1419, 1140, 1726, 1532, 1612,
    //   P     Q     R     S     T     U     V     W     X     Y     Z     [     \     ]     ^     _
      1235, 1612, 1424, 1400, 1262, 1499, 1400, 2025, 1403, 1260, 1403,  930,  930,  930, 1676, 1302,
    //   `     a     b     c     d     e     f     g     h     i     j     k     l     m     n     o
      1302, 1230, 1276, 1067, 1276, 1220,  720, 1276, 1296,  562,  705, 1212,  562, 1992, 1296, 1243,
    //   p     q     r     s     t     u     v     w     x     y     z     {     |     }     ~
      1276, 1276,  874, 1067,  807, 1296, 1212, 1676, 1212, 1212, 1076, 1300,  930, 1300, 1676,
];

/// Advance widths of Latin-1 Supplement, U+00A0 (no-break space) to U+00FF
/// (`ÿ`), in Verdana's font units. Source: Verdana's metrics in thousandths
/// of an em as the Perl PDF::Builder distribution ships them
/// (`PDF/Builder/Resource/Font/CoreFont/verdana.pm`, table `wx`), times
/// 2.048, rounded. Where those metrics make a glyph as wide as an ASCII one
/// it takes that glyph's exact units: accented letters their base letter
/// (`é` = `e`), `×` = `+`, `©` = `@`, no-break space = space. U+00AD (soft
/// hyphen) is not drawn: 0.
#[rustfmt::skip]
const LATIN1_UNITS: [u16; 96] = [
    // nbsp    ¡     ¢     £     ¤     ¥     ¦     §     ¨     ©     ª     «     ¬    shy    ®     ¯
       720,  806, 1302, 1302, 1302, 1302,  930, 1302, 1302, 2048, 1117, 1319, 1676,    0, 2048, 1302,
    //   °     ±     ²     ³     ´     µ     ¶     ·     ¸     ¹     º     »     ¼     ½     ¾     ¿
      1108, 1676, 1108, 1108, 1302, 1309, 1302,  745, 1302, 1108, 1117, 1319, 2048, 2048, 2048, 1117,
    //   À     Á     Â     Ã     Ä     Å     Æ     Ç     È     É     Ê     Ë     Ì     Í     Î     Ï
      1400, 1400, 1400, 1400, 1400, 1400, 2015, 1430, 1295, 1295, 1295, 1295,  862,  862,  862,  862,
    //   Ð     Ñ     Ò     Ó     Ô     Õ     Ö     ×     Ø     Ù     Ú     Û     Ü     Ý     Þ     ß
      1588, 1532, 1612, 1612, 1612, 1612, 1612, 1676, 1612, 1499, 1499, 1499, 1499, 1260, 1239, 1270,
    //   à     á     â     ã     ä     å     æ     ç     è     é     ê     ë     ì     í     î     ï
      1230, 1230, 1230, 1230, 1230, 1230, 1956, 1067, 1220, 1220, 1220, 1220,  562,  562,  562,  562,
    //   ð     ñ     ò     ó     ô     õ     ö     ÷     ø     ù     ú     û     ü     ý     þ     ÿ
      1251, 1296, 1243, 1243, 1243, 1243, 1243, 1676, 1243, 1296, 1296, 1296, 1296, 1212, 1276, 1212,
];

/// Guess for a character the tables do not cover (Cyrillic, Greek, Latin
/// Extended, symbols): a digit's width, 0.64 em, a little over the average
/// Verdana letter in those scripts (Greek lower case averages 0.6 em,
/// Cyrillic upper case 0.69 em). A guess a little too wide only spaces the
/// text out (it is pinned with `textLength`); one too narrow would squeeze
/// the glyphs together.
const OTHER_UNITS: u16 = 1302;

/// East Asian wide and full-width characters (CJK ideographs, kana,
/// Hangul): one em, as CJK fonts draw them.
const WIDE_UNITS: u16 = 2048;

/// Emoji: colour emoji fonts draw them about 1.25 em wide (Noto Color
/// Emoji advances 2550 units of 2048).
const EMOJI_UNITS: u16 = 2560;

/// The advance width of `c` in Verdana's font units (estimated outside
/// ASCII and Latin-1).
fn advance(c: char) -> u16 {
    let cp = u32::from(c);
    match cp {
        0x20..=0x7E => ASCII_UNITS[(cp - 0x20) as usize],
        0xA0..=0xFF => LATIN1_UNITS[(cp - 0xA0) as usize],
        // C0 and C1 controls, combining marks, zero-width spaces and
        // joiners, bidi controls, variation selectors, BOM, emoji skin-tone
        // modifiers and tags: no advance of their own.
        0x00..=0x1F
        | 0x7F..=0x9F
        | 0x0300..=0x036F
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0xFE00..=0xFE0F
        | 0xFEFF
        | 0x1F3FB..=0x1F3FF
        | 0xE0000..=0xE007F => 0,
        0x1F000..=0x1FAFF => EMOJI_UNITS,
        0x1100..=0x115F
        | 0x2600..=0x27BF
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => WIDE_UNITS,
        _ => OTHER_UNITS,
    }
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
    fn wide_characters_are_wider() {
        let latin = text_width("Zurich");
        assert_eq!(text_width("Zürich"), latin, "ü is as wide as u");
        assert!(text_width("東京") > text_width("ab"));
        assert_eq!(text_width("東京"), 22.0);
        assert!(text_width("🚀") > text_width("東"));
        assert_eq!(text_width("👍🏽"), text_width("👍"), "a skin-tone modifier adds nothing");
        assert_eq!(
            text_width("é"),
            text_width("e\u{301}"),
            "a combining accent adds nothing"
        );
        assert!(text_width("Привет") > 6.0 * 6.0, "other scripts get a generous guess");
    }

    #[test]
    fn uptime_colours_follow_the_shown_value() {
        assert_eq!(uptime_color(None), colors::GREY);
        assert_eq!(uptime_color(Some(1.0)), colors::GREEN);
        assert_eq!(uptime_color(Some(0.999)), colors::GREEN);
        assert_eq!(uptime_color(Some(0.99899)), colors::OLIVE, "shown as 99.89%");
        assert_eq!(format::percent(0.99899), "99.89%");
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
    fn output_is_deterministic() {
        assert_eq!(
            svg("API", "Operational", colors::GREEN),
            svg("API", "Operational", colors::GREEN)
        );
    }
}
