//! `maintenance.ics` and `components/ID/maintenance.ics`: iCalendar
//! (RFC 5545) calendars of the scheduled maintenance, meant to be
//! subscribed to (`webcal://` and the site's address), written with the
//! `icalendar` crate, which escapes TEXT values (RFC 5545 §3.3.11) and
//! folds content lines at 75 octets (§3.1).
//!
//! One VEVENT per maintenance, cancelled ones included (`STATUS:CANCELLED`,
//! so subscribers see the call-off instead of a silently vanished event).
//! Every value comes from the site's files, none from the clock, so a
//! calendar only changes when an entry does:
//!
//! - `UID` is `ID@HOST` (§3.8.4.7), HOST being `base_url`'s host;
//! - `DTSTAMP` and `LAST-MODIFIED` (§3.8.7.3) are the time of the entry's
//!   latest update ([`Maintenance::updated_at`]): without a METHOD
//!   property, DTSTAMP is the last revision of the event (§3.8.7.2), so a
//!   rescheduling or cancelling update moves it;
//! - `DTSTART` / `DTEND` (§3.8.2.4, §3.8.2.2) are the window in force after
//!   every reschedule, in UTC (§3.3.5, form 2), and `SEQUENCE` (§3.8.7.4)
//!   counts the updates that rescheduled or cancelled the maintenance
//!   ([`crate::model::Window::reschedules`]): clients keep the event with
//!   the highest SEQUENCE, so without it they would keep the old time;
//! - `SUMMARY` is the title, `DESCRIPTION` plain text: the latest update's
//!   message and the details, their Markdown turned into the text a reader
//!   sees ([`super::plain::plain_text`]: no `**` or `##`), then the
//!   affected components, which are also its `CATEGORIES` (§3.8.1.2);
//! - `URL` is the maintenance page (§3.8.4.6);
//! - `STATUS` is `CONFIRMED`, or `CANCELLED` for a cancelled maintenance
//!   (a cancelling update or `cancelled: true`, §3.8.1.11);
//! - `TRANSP:TRANSPARENT` (§3.8.2.7): a maintenance window does not make a
//!   subscriber busy.
//!
//! Control characters, which TEXT cannot carry (§3.3.11), are stripped
//! from every text value.
//!
//! A calendar with no maintenance (a component's, before its first one)
//! is still written, so that the address can be subscribed to before the
//! first maintenance. A VCALENDAR must hold at least one component
//! (§3.6), so such a calendar holds [`NO_EVENTS`], a VTIMEZONE for UTC
//! (§3.6.5): calendar clients show nothing for a time zone, where a
//! placeholder event or to-do would appear, and strict parsers (Python's
//! `icalendar` 7) refuse a calendar without components.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use rayon::prelude::*;

use super::plain::plain_text;
use super::{OutputFile, links};
use crate::i18n::Catalogue;
use crate::model::{ComponentIdx, Maintenance, MaintenanceState, Snapshot};
use crate::{escape, ids};

/// Output path of the site's maintenance calendar.
pub const CALENDAR: &str = "maintenance.ics";

/// The calendar's product identifier (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//allclear//Status calendar//EN";

/// How often subscribers should fetch the calendar again: the
/// `REFRESH-INTERVAL` of RFC 7986 §5.7 and its de-facto predecessor
/// `X-PUBLISHED-TTL`.
pub const REFRESH: &str = "PT1H";

/// The one component of a calendar without events: the UTC time zone,
/// one STANDARD observance with offset zero (RFC 5545 §3.6.5: `TZID`, and
/// `DTSTART`, `TZOFFSETFROM`, `TZOFFSETTO` in the observance). Written as
/// text: the crate would give a component of its own a random `UID` and a
/// `DTSTAMP` of the system clock, and builds must be reproducible.
pub const NO_EVENTS: &str = "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// The English message `maintenance-cancelled`: what `allclear cancel`
/// wrote when given none before it wrote the site's language (see
/// [`cancelled_message`]); a cancelled maintenance's DESCRIPTION leaves it
/// out like that one.
pub const CANCELLED: &str = "This maintenance was cancelled and will not take place.";

/// The message `allclear cancel` writes when given none: the theme's
/// `maintenance-cancelled` in the site's default language (`This
/// maintenance was cancelled and will not take place.` in English), which
/// is also the first paragraph of a cancelled maintenance's DESCRIPTION in
/// that language. A cancelled maintenance's DESCRIPTION leaves this
/// message (and [`CANCELLED`]) out: its notice, in the calendar's
/// language, says the same.
pub fn cancelled_message(site: &crate::model::Site) -> String {
    Catalogue::new(&site.theme.messages, site.default_language()).text("maintenance-cancelled")
}

/// Output path of a component's maintenance calendar:
/// `components/ID/maintenance.ics`, next to the component's page.
pub fn component_calendar(id: &str) -> String {
    format!("components/{id}/{CALENDAR}")
}

/// Render [`CALENDAR`] with every maintenance, and one
/// [`component_calendar`] per component with the maintenances that
/// affect it (possibly none: the address stays valid for subscribers).
pub fn render(snap: &Snapshot<'_>, cat: &Catalogue) -> Vec<OutputFile> {
    let site = &snap.site;
    let c = &site.config;
    let host = ids::host(&c.base_url);
    // Pages of the calendar's language (a further language's under `/TAG/`).
    let url = links::language_url(site);
    let defaults = [CANCELLED.to_string(), cancelled_message(site)];
    let events: Vec<Event> = (0..site.maintenances.len())
        .into_par_iter()
        .map(|m| {
            event(
                snap,
                cat,
                &defaults,
                &host,
                &site.maintenances[m],
                &snap.maintenances[m],
            )
        })
        .collect();

    let mut files = vec![OutputFile {
        path: CALENDAR.into(),
        bytes: calendar(
            &cat.text_with("calendar-name", &[("site", c.title.as_str().into())]),
            &cat.text_with(
                "calendar-description",
                &[("site", c.title.as_str().into()), ("url", format!("{url}/").into())],
            ),
            events.iter().cloned(),
        ),
    }];
    files.par_extend(site.components.par_iter().enumerate().map(|(ci, component)| {
        let affecting = site
            .maintenances
            .iter()
            .zip(&events)
            .filter(|(m, _)| affects(m, ci))
            .map(|(_, e)| e.clone());
        let page = links::public_url(&url, &links::component(&component.id));
        OutputFile {
            path: component_calendar(&component.id),
            bytes: calendar(
                &cat.text_with(
                    "calendar-component-name",
                    &[
                        ("site", c.title.as_str().into()),
                        ("component", component.name.as_str().into()),
                    ],
                ),
                &cat.text_with(
                    "calendar-component-description",
                    &[
                        ("site", c.title.as_str().into()),
                        ("component", component.name.as_str().into()),
                        ("url", page.as_str().into()),
                    ],
                ),
                affecting,
            ),
        }
    }));
    files
}

fn affects(m: &Maintenance, component: ComponentIdx) -> bool {
    m.components.iter().any(|&(c, _)| c == component)
}

/// A VCALENDAR (RFC 5545 §3.4, §3.6) with the subscription properties,
/// serialized with CRLF line ends and folded lines; [`NO_EVENTS`] when
/// `events` is empty.
fn calendar(name: &str, description: &str, events: impl Iterator<Item = Event>) -> Vec<u8> {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        // NAME (RFC 7986 §5.1) and the X-WR- names are TEXT, but the crate
        // escapes only the properties it knows to be TEXT: say so.
        .append_property(text_property("NAME", name))
        .append_property(text_property("X-WR-CALNAME", name))
        .append_property(text_property("X-WR-CALDESC", description))
        .append_property(
            Property::new("REFRESH-INTERVAL", REFRESH)
                .add_parameter("VALUE", "DURATION")
                .done(),
        )
        .append_property(Property::new("X-PUBLISHED-TTL", REFRESH));
    let mut empty = true;
    for e in events {
        cal.push(e);
        empty = false;
    }
    let mut text = refold(&cal.to_string());
    if empty {
        const END: &str = "END:VCALENDAR\r\n";
        let body = text
            .strip_suffix(END)
            .expect("a calendar ends with END:VCALENDAR")
            .len();
        text.insert_str(body, NO_EVENTS);
    }
    text.into_bytes()
}

/// Limit of a physical line, line break excluded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// Fold again every physical line longer than [`LINE_OCTETS`]. The crate
/// folds, but leaves a last continuation line of 76 octets when exactly 75
/// remain for it (its `fold_line` compares the rest with 75, not with 74
/// plus the leading space; icalendar 0.17.6 to 0.17.17). Splitting a
/// physical line again at a character boundary is a valid fold (§3.1).
fn refold(ical: &str) -> String {
    let mut out = String::with_capacity(ical.len() + ical.len() / 64);
    for line in ical.split_inclusive("\r\n") {
        let (mut rest, end) = line.strip_suffix("\r\n").map_or((line, ""), |l| (l, "\r\n"));
        let mut limit = LINE_OCTETS;
        while rest.len() > limit {
            let cut = (1..=limit)
                .rev()
                .find(|&i| rest.is_char_boundary(i))
                .unwrap_or(rest.len());
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // The next piece is a continuation line: its space counts.
            limit = LINE_OCTETS - 1;
        }
        out.push_str(rest);
        out.push_str(end);
    }
    out
}

/// A property whose value is escaped as TEXT (`VALUE=TEXT`, RFC 5545
/// §3.2.20), with control characters stripped.
fn text_property(key: &str, value: &str) -> Property {
    Property::new(key, text(value)).add_parameter("VALUE", "TEXT").done()
}

/// The VEVENT (RFC 5545 §3.6.1) of one maintenance.
/// `defaults` are the messages `allclear cancel` writes when given none
/// ([`CANCELLED`], [`cancelled_message`]).
fn event(
    snap: &Snapshot<'_>,
    cat: &Catalogue,
    defaults: &[String],
    host: &str,
    m: &Maintenance,
    state: &MaintenanceState,
) -> Event {
    let site = &snap.site;
    let window = state.window;
    let revised = m.updated_at();
    let names: Vec<&str> = m
        .components
        .iter()
        .map(|&(c, _)| site.components[c].name.as_str())
        .collect();
    let mut e = Event::new();
    e.uid(&format!("{}@{host}", m.id))
        .timestamp(revised)
        .last_modified(revised)
        .starts(window.from)
        .ends(window.until)
        .sequence(window.reschedules)
        .summary(&text(&m.title))
        .description(&text(&description(cat, defaults, m, state, &names)))
        .url(&links::public_url(
            &links::language_url(site),
            &links::maintenance(&m.id),
        ))
        .status(if state.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .add_property("TRANSP", "TRANSPARENT");
    for name in names {
        // One CATEGORIES property per component: a comma inside a name is
        // then escaped as text instead of splitting it (RFC 5545 §3.8.1.2).
        e.append_multi_property(Property::new("CATEGORIES", text(name)));
    }
    e.done()
}

/// DESCRIPTION (RFC 5545 §3.8.1.5) as plain text: a cancellation notice,
/// the latest update's message, the details (both from Markdown to plain
/// text), then the affected components (a list in the language's CLDR
/// unit pattern, [`crate::format::Locale::list`]), separated by blank lines.
fn description(
    cat: &Catalogue,
    defaults: &[String],
    m: &Maintenance,
    state: &MaintenanceState,
    components: &[&str],
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.cancelled {
        parts.push(cat.text("maintenance-cancelled"));
    }
    // `allclear cancel`'s default message (in the site's default language,
    // or English as it wrote before): the notice above, in the calendar's
    // language, says the same, so that message is not repeated after it.
    let default_cancel = |u: &&crate::model::MaintenanceUpdate| {
        state.cancelled && defaults.iter().any(|d| u.message.source.trim() == d.as_str())
    };
    if let Some(u) = m.updates.last().filter(|u| !u.message.is_empty() && !default_cancel(u)) {
        parts.push(plain_text(&u.message.source));
    }
    if let Some(body) = m.body.as_ref().filter(|b| !b.is_empty()) {
        parts.push(plain_text(&body.source));
    }
    if !components.is_empty() {
        parts.push(cat.text_with(
            "calendar-affected",
            &[("components", cat.locale().list(components).into())],
        ));
    }
    parts.retain(|p| !p.is_empty());
    // A message that says the notice word for word: once is enough.
    parts.dedup();
    parts.join("\n\n")
}

/// Text fit for an iCalendar TEXT value: [`escape::xml_text`] strips the C0
/// controls; line breaks become `\n` (escaped by the crate) and DEL goes too,
/// the other characters RFC 5545 §3.3.11 excludes.
fn text(s: &str) -> String {
    escape::xml_text(s)
        .replace("\r\n", "\n")
        .replace(['\r'], "\n")
        .replace('\u{7f}', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_loses_controls_and_keeps_line_breaks() {
        assert_eq!(text("a\u{7}b\u{7f}c\r\nd\re\tf"), "abc\nd\ne\tf");
    }

    #[test]
    fn refold_keeps_every_line_within_75_octets() {
        for n in 0..240 {
            let value = format!("{}{}", "x".repeat(n), "é🙂,".repeat(n % 9));
            let mut cal = Calendar::empty();
            cal.append_property(Property::new("SUMMARY", value));
            let raw = cal.to_string();
            let folded = refold(&raw);
            assert!(folded.split("\r\n").all(|l| l.len() <= LINE_OCTETS), "{folded}");
            assert_eq!(icalendar::parser::unfold(&folded), icalendar::parser::unfold(&raw));
        }
    }

    #[test]
    fn text_properties_are_escaped_and_folded() {
        let mut cal = Calendar::empty();
        cal.append_property(text_property("X-WR-CALNAME", "a, b; c\\d\ne"));
        let out = cal.to_string();
        assert!(
            out.contains("X-WR-CALNAME;VALUE=TEXT:a\\, b\\; c\\\\d\\ne\r\n"),
            "{out}"
        );
    }
}
