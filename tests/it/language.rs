//! site.yaml's `language` with the default theme's shipped messages
//! (issue 15): the example site built in German and in Japanese with the
//! real binary. The index keeps no English interface string (every
//! message of `en.ftl` is checked against the page's visible text, read
//! with `scraper` and the messages with `fluent-syntax`, not allclear's
//! code), writes its days and times in the language's CLDR medium form,
//! says `<html lang>` and the feeds declare the language; a language
//! without messages builds the English site byte for byte. Each language's
//! formats are unit-tested in `src/format/locale.rs`; the message files'
//! ids and syntax in `i18n.rs`.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use fluent_syntax::ast;
use scraper::{Html, Node};

use common::build_pinned;

/// Stands for a `{ placeable }` of a message and for a cut-out site text:
/// a private-use character, so that no run of words spans one.
const GAP: char = '\u{E000}';

/// The example site copied to `tmp` with `language: LANGUAGE`, built at
/// the reference time without a warning: the site's folder and the output
/// folder.
fn build_in(tmp: &Path, language: &str) -> (PathBuf, PathBuf) {
    let (site, out, stderr) = build_any(tmp, language);
    assert!(!stderr.contains("warning"), "{language}: {stderr}");
    (site, out)
}

/// [`build_in`], whatever the build warns: its standard error too.
fn build_any(tmp: &Path, language: &str) -> (PathBuf, PathBuf, String) {
    let site = tmp.join(format!("site-{language}"));
    common::one_language_example(&site, language);
    let out = tmp.join(format!("out-{language}"));
    let built = build_pinned(&site, Some(&out)).assert().success().get_output().clone();
    (site, out, String::from_utf8_lossy(&built.stderr).into_owned())
}

/// `text` with every run of white space made one space, trimmed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a reader of the page sees or hears of it: every text node outside
/// `<script>` and `<style>`, and every `title`, `aria-label` and `alt`
/// attribute, each squeezed; plus the words the page script shows (the
/// string values of the `#allclear-words` JSON block).
fn interface_text(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut pieces = Vec::new();
    for node in doc.root_element().descendants() {
        match node.value() {
            Node::Text(text) => {
                let hidden = node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "script" | "style"))
                });
                if !hidden {
                    pieces.push(squeeze(text));
                }
            }
            Node::Element(element) => {
                for name in ["title", "aria-label", "alt"] {
                    if let Some(value) = element.attr(name) {
                        pieces.push(squeeze(value));
                    }
                }
            }
            _ => {}
        }
    }
    let words = scraper::Selector::parse("script#allclear-words").unwrap();
    let json: String = doc.select(&words).next().expect("#allclear-words").text().collect();
    let json: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
    pieces.extend(json.values().map(|v| squeeze(v.as_str().unwrap())));
    // An address (`webcal://…/maintenance.ics`) is a name, not words.
    pieces.retain(|p| !p.is_empty() && (p.contains(' ') || url::Url::parse(p).is_err()));
    pieces
}

/// The texts a site brings, squeezed: `names` are shown whole (site.yaml's
/// title, links and components, an entry's title), `prose` is Markdown
/// (an update's `message`, a `postmortem`, a Markdown file's body) and
/// shows as text nodes that are each a part of it. Every string of
/// site.yaml and of every entry counts (docs/content-format.md), but ids
/// and values of a closed set (`api`, `partial_outage`: lower-case ASCII,
/// digits, `-`, `_`) and times, whose words the page shows, not them.
struct SiteTexts {
    names: Vec<String>,
    prose: Vec<String>,
}

fn site_texts(site: &Path) -> SiteTexts {
    fn strings(key: &str, value: &serde_yaml::Value, texts: &mut SiteTexts) {
        match value {
            serde_yaml::Value::String(s) if matches!(key, "message" | "postmortem") => texts.prose.push(squeeze(s)),
            serde_yaml::Value::String(s) => texts.names.push(squeeze(s)),
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| strings(key, v, texts)),
            serde_yaml::Value::Mapping(map) => {
                for (k, v) in map {
                    strings(k.as_str().unwrap_or(key), v, texts);
                }
            }
            serde_yaml::Value::Tagged(tagged) => strings(key, &tagged.value, texts),
            _ => {}
        }
    }
    let mut texts = SiteTexts {
        names: Vec::new(),
        prose: Vec::new(),
    };
    let files = walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "md")));
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let (yaml, body) = match text.strip_prefix("---\n").and_then(|t| t.split_once("\n---\n")) {
            Some((front, body)) if path.extension().unwrap() == "md" => (front.to_string(), body),
            _ => (text.clone(), ""),
        };
        let value: serde_yaml::Value =
            serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        strings("", &value, &mut texts);
        texts.prose.push(squeeze(body));
    }
    let closed_set = |s: &String| {
        s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c))
    };
    let time = |s: &String| DateTime::parse_from_rfc3339(s).is_ok();
    for list in [&mut texts.names, &mut texts.prose] {
        list.retain(|s| !s.is_empty() && !closed_set(s) && !time(s));
        list.sort_by_key(|s| std::cmp::Reverse(s.len()));
        list.dedup();
    }
    assert!(
        texts.names.len() > 60 && texts.prose.len() > 60,
        "only {} names and {} prose texts found",
        texts.names.len(),
        texts.prose.len()
    );
    texts
}

/// The interface's own text of a page: `pieces` without what the site
/// brings. The example's content is English, so it must not count as an
/// English interface string. Site texts come from the sources, not from
/// the English build, since an interface string left in English is in
/// both builds alike. A piece that is a name, or words of a prose text,
/// goes; in what is left (a tooltip that holds a date, a status and an
/// incident's title), every site text is cut out, leaving a gap no run
/// spans. Both compare case for case: an interface word that a title
/// happens to hold too stays unless it is the whole title.
fn without_site_texts(pieces: &[String], site: &SiteTexts) -> Vec<String> {
    let cut = |p: &String| {
        site.prose
            .iter()
            .chain(&site.names)
            .fold(p.clone(), |p, s| p.replace(s.as_str(), &GAP.to_string()))
    };
    pieces
        .iter()
        .filter(|p| !site.names.contains(p) && !site.prose.iter().any(|s| has_words(s, p)))
        .map(cut)
        .collect()
}

/// A Fluent pattern as text: its text elements and string literals as
/// they are, every other placeable as [`GAP`]; each variant of a select
/// expression goes to `out` as a text of its own.
fn flatten(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => text.push_str(value),
                ast::Expression::Select { variants, .. } => {
                    text.push(GAP);
                    variants.iter().for_each(|v| flatten(&v.value, out));
                }
                _ => text.push(GAP),
            },
        }
    }
    out.push(text);
}

/// The runs of literal words of a message: its texts read as HTML (the
/// messages hold markup and entities), every text node split at the
/// placeables, squeezed and trimmed of punctuation at either end.
fn runs(texts: &[String]) -> Vec<String> {
    let mut runs = Vec::new();
    for text in texts {
        let fragment = Html::parse_fragment(text);
        for node in fragment.root_element().descendants() {
            if let Node::Text(t) = node.value() {
                for run in t.split(GAP) {
                    let run = squeeze(run);
                    let run = run.trim_matches(|c: char| !c.is_alphanumeric());
                    if !run.is_empty() {
                        runs.push(run.to_string());
                    }
                }
            }
        }
    }
    runs
}

/// A message file of the default theme: each message's id with the texts
/// of its value (see [`flatten`]). Parsed with `fluent-syntax`, the
/// project's reference parser; the file must parse without error.
fn messages(language: &str) -> Vec<(String, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("themes/default/i18n/{language}.ftl"));
    let source = fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut texts = Vec::new();
            if let Some(value) = &message.value {
                flatten(value, &mut texts);
            }
            out.push((message.id.name.to_string(), texts));
        }
    }
    out
}

/// The English runs that must not show in `language`: for every message of
/// `en.ftl`, its runs of at least two words or eight characters (shorter
/// ones, "API", "RSS", "or", are names or too common to tell), less the
/// runs a translation of the message keeps ("JSON Feed" stays "JSON Feed"
/// in German). A message `language` lacks, or has word for word as in
/// English, keeps all its runs: the page would show English there.
/// (message id, run).
fn english_runs(language: &str) -> Vec<(String, String)> {
    let theirs = messages(language);
    let mut out = Vec::new();
    for (id, texts) in messages("en") {
        let translated = theirs
            .iter()
            .find(|(other, their)| *other == id && *their != texts)
            .map(|(_, texts)| runs(texts).join("\n"))
            .unwrap_or_default();
        for run in runs(&texts) {
            let long = run.split_whitespace().count() >= 2 || run.chars().count() >= 8;
            if long && !translated.contains(&run) {
                out.push((id.clone(), run));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `run` is in `piece` as words: an end of `run` that is an ASCII
/// letter or digit is not next to one in `piece` ("Calendar" is not in
/// "iCalendar"; "Status" is in "Status-API" and in "StatusのAPI").
fn has_words(piece: &str, run: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (first, last) = (word(run.chars().next()), word(run.chars().next_back()));
    piece.match_indices(run).any(|(at, _)| {
        let glued_before = first && word(piece[..at].chars().next_back());
        let glued_after = last && word(piece[at + run.len()..].chars().next());
        !glued_before && !glued_after
    })
}

/// The English runs (see [`english_runs`]) that `interface` holds, each
/// as `id: "run" in "piece"`. Compared case blind, so that a capitalised
/// or lower-cased copy counts too.
fn english_left(runs: &[(String, String)], interface: &[String]) -> Vec<String> {
    let interface: Vec<String> = interface.iter().map(|p| p.to_lowercase()).collect();
    let mut found = BTreeSet::new();
    for (id, run) in runs {
        let lower = run.to_lowercase();
        for piece in interface.iter().filter(|p| has_words(p, &lower)) {
            found.insert(format!("{id}: {run:?} in {piece:?}"));
        }
    }
    found.into_iter().collect()
}

/// A German and a Japanese build: no English interface string on the
/// index (issue 15's "Done when"). The English build of the same site,
/// read the same way, shows the check can fail: it finds most messages
/// of the front page there.
#[test]
fn the_german_and_japanese_index_keep_no_english_interface_string() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, en_out) = build_in(tmp.path(), "en");
    let site = site_texts(&site);
    let en_index = fs::read_to_string(en_out.join("index.html")).unwrap();
    let en_interface = without_site_texts(&interface_text(&en_index), &site);
    for language in ["de", "ja"] {
        let runs = english_runs(language);
        assert!(
            runs.len() > 100,
            "{language}: only {} English runs to look for",
            runs.len()
        );
        let in_english = english_left(&runs, &en_interface);
        let ids: BTreeSet<&str> = in_english.iter().map(|f| f.split(':').next().unwrap()).collect();
        assert!(
            ids.len() > 60,
            "the English index shows only {} messages: {ids:#?}",
            ids.len()
        );
        let (_, out) = build_in(tmp.path(), language);
        let index = fs::read_to_string(out.join("index.html")).unwrap();
        let pieces = interface_text(&index);
        let interface = without_site_texts(&pieces, &site);
        assert!(
            interface.len() * 2 > pieces.len(),
            "{language}: the site's texts took {} of {} pieces",
            pieces.len() - interface.len(),
            pieces.len()
        );
        let left = english_left(&runs, &interface);
        assert!(left.is_empty(), "{language}: English left on the index: {left:#?}");
    }
}

/// The strftime patterns (chrono) of CLDR's medium date and short time in
/// `language` (CLDR's `gregorian` `dateFormats/medium` and
/// `timeFormats/short`, as ICU4X's compiled data has them): German `dd.MM.y` and `HH:mm`, Japanese
/// `y/MM/dd` and `H:mm`. The issue names the abbreviated-month forms
/// ("20. Nov. 2026", "2026年11月20日"); the pages write the medium ones.
fn cldr_patterns(language: &str) -> (&'static str, &'static str) {
    match language {
        "de" => ("%d.%m.%Y", "%H:%M"),
        "ja" => ("%Y/%m/%d", "%-H:%M"),
        _ => unreachable!("{language}"),
    }
}

/// A German and a Japanese build: every `<time>` of the index says its
/// `datetime` in the language's CLDR medium date and short time, in the
/// site's zone with its abbreviation (Europe/Berlin, by chrono-tz);
/// every tooltip of the uptime bars starts with its day in that form; no
/// English month name is left. Also `<html lang>` and the feeds'
/// declared language.
#[test]
fn the_german_and_japanese_index_write_days_and_times_in_cldr_form() {
    let tmp = tempfile::tempdir().unwrap();
    let zone = chrono_tz::Europe::Berlin;
    for language in ["de", "ja"] {
        let (site, out) = build_in(tmp.path(), language);
        let (date_pattern, time_pattern) = cldr_patterns(language);
        let index = fs::read_to_string(out.join("index.html")).unwrap();
        let doc = Html::parse_document(&index);
        assert_eq!(doc.root_element().attr("lang"), Some(language));

        let times = scraper::Selector::parse("time").unwrap();
        let (mut days, mut instants, mut range_ends) = (0, 0, 0);
        let mut last_day = None;
        for time in doc.select(&times) {
            let iso = time.attr("datetime").expect("<time datetime>");
            let text = squeeze(&time.text().collect::<String>());
            if let Ok(day) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
                assert_eq!(text, day.format(date_pattern).to_string(), "{language}: {iso}");
                days += 1;
                continue;
            }
            let instant = DateTime::parse_from_rfc3339(iso)
                .unwrap_or_else(|e| panic!("{language}: datetime {iso:?}: {e}"))
                .with_timezone(&Utc)
                .with_timezone(&zone);
            let clock = format!("{} {}", instant.format(time_pattern), instant.format("%Z"));
            let full = format!("{} {clock}", instant.format(date_pattern));
            // The end of a window on its start's day says the time only.
            let range_end = text == clock && last_day == Some(instant.date_naive());
            assert!(
                text == full || range_end,
                "{language}: <time datetime={iso}> says {text:?}, not {full:?} (or {clock:?} after a time of its day)"
            );
            if range_end {
                range_ends += 1;
            } else {
                instants += 1;
            }
            last_day = Some(instant.date_naive());
        }
        assert!(
            days >= 20 && instants >= 10 && range_ends >= 2,
            "{language}: {days} days, {instants} times, {range_ends} range ends"
        );
        let (today, built) = match language {
            "de" => ("20.11.2026", "20.11.2026 16:00 CET"),
            _ => ("2026/11/20", "2026/11/20 16:00 CET"),
        };
        let texts: Vec<String> = doc.select(&times).map(|t| t.text().collect()).collect();
        assert!(texts.iter().any(|t| t == today), "{language}: {today}");
        assert!(texts.iter().any(|t| t == built), "{language}: {built}");

        let tooltips = scraper::Selector::parse("[title]").unwrap();
        let mut dated = 0;
        for tip in doc.select(&tooltips).filter_map(|e| e.attr("title")) {
            if tip.starts_with(|c: char| c.is_ascii_digit()) {
                let (day, _) = tip.split_once([':', '：']).expect(tip);
                NaiveDate::parse_from_str(day, date_pattern)
                    .unwrap_or_else(|e| panic!("{language}: {tip:?} does not start with a day {date_pattern}: {e}"));
                dated += 1;
            }
        }
        assert!(dated >= 10, "{language}: {dated} dated tooltips");

        let months: Vec<&str> = "January February March April May June July August September October November \
             December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
            .split_whitespace()
            .collect();
        let interface = without_site_texts(&interface_text(&index), &site_texts(&site));
        for piece in &interface {
            let english = piece.split(|c: char| !c.is_alphanumeric()).find(|w| months.contains(w));
            assert!(english.is_none(), "{language}: an English month in {piece:?}");
        }

        for (feed, declared) in [
            ("history.rss", format!("<language>{language}</language>")),
            ("history.atom", format!("xml:lang=\"{language}\"")),
            ("feed.json", format!("\"language\": \"{language}\"")),
        ] {
            let text = fs::read_to_string(out.join(feed)).unwrap();
            assert!(text.contains(&declared), "{language}: {feed} declares {declared}");
        }
    }
}

#[test]
fn a_language_without_interface_messages_builds_the_english_site() {
    // No message file serves `fi` or `eo`: the pages, feeds, calendars
    // and badges are the English site's, byte for byte (`<html lang="en">`
    // and the feeds' declared language included), so no page is ever in
    // two languages.
    let tmp = tempfile::tempdir().unwrap();
    // A language without messages warns (checked in i18n.rs).
    let built = |language: &str| common::snapshot_tree(&build_any(tmp.path(), language).1);
    let en = built("en");
    for language in ["fi", "eo"] {
        let other = built(language);
        assert_eq!(
            en.iter().map(|f| &f.0).collect::<Vec<_>>(),
            other.iter().map(|f| &f.0).collect::<Vec<_>>(),
            "{language}: the same files"
        );
        for ((path, en_bytes), (_, bytes)) in en.iter().zip(&other) {
            assert!(
                en_bytes == bytes,
                "{language}: {} differs from the English build's",
                path.display()
            );
        }
    }
}

/// The texts of the elements `selector` picks on the page at `path`
/// (below `out`), each squeezed, with the names of the links in each.
fn texts_and_links(out: &Path, path: &str, selector: &str) -> Vec<(String, Vec<String>)> {
    let html = fs::read_to_string(out.join(path)).unwrap();
    let doc = Html::parse_document(&html);
    let picked = scraper::Selector::parse(selector).unwrap();
    let hidden = scraper::Selector::parse(".visually-hidden").unwrap();
    let links = scraper::Selector::parse("a").unwrap();
    doc.select(&picked)
        .map(|e| {
            let skip: String = e.select(&hidden).map(|h| h.text().collect::<String>()).collect();
            let all: String = e.text().collect();
            let text = squeeze(all.strip_prefix(skip.as_str()).unwrap_or(&all));
            let names = e
                .select(&links)
                .map(|a| squeeze(&a.text().collect::<String>()))
                .collect();
            (text, names)
        })
        .collect()
}

/// The components an entry affects are listed with CLDR's unit list
/// pattern (CLDR 47 `listPatterns.json`, `listPattern-type-unit`):
/// Japanese `{0} {1}` throughout; German `{0}, {1}` for two, and for
/// three or more `{0}, {1}` with `{0} und {1}` before the last. A label and its value are joined by the message
/// `label-separator`, Japanese `：` (full width, no space): an
/// incident's component changes (`API：部分停止`), a component page's
/// description, and a day's tooltip in an uptime bar (`day：title`).
#[test]
fn lists_and_labels_are_glued_in_the_page_language() {
    let tmp = tempfile::tempdir().unwrap();
    for language in ["ja", "de"] {
        let (_, out) = build_in(tmp.path(), language);
        let mut lists = texts_and_links(&out, "index.html", ".entry__components");
        lists.extend(texts_and_links(
            &out,
            "history/2026/07/index.html",
            ".entry__components",
        ));
        let mut longest = 0;
        for (text, names) in &lists {
            let expected = match (language, names.as_slice()) {
                ("ja", _) => names.join(" "),
                (_, [first, second]) => format!("{first}, {second}"),
                (_, [.., last]) if names.len() > 2 => {
                    format!("{} und {last}", names[..names.len() - 1].join(", "))
                }
                _ => names.join(""),
            };
            assert_eq!(text, &expected, "{language}: the components of an entry");
            longest = longest.max(names.len());
        }
        assert!(
            lists.len() >= 5 && longest >= 3,
            "{language}: {} lists, longest {longest}",
            lists.len()
        );
        if language != "ja" {
            continue;
        }
        let changes = texts_and_links(
            &out,
            "incidents/2026-07-30-platform-outage/index.html",
            ".timeline__changes li",
        );
        assert!(changes.len() >= 2, "{changes:?}");
        for (text, names) in &changes {
            let (name, status) = text.split_once('：').unwrap_or_else(|| panic!("no ： in {text:?}"));
            assert_eq!(name, names[0]);
            assert!(
                !status.is_empty() && !status.contains(':') && !status.contains(' '),
                "{text:?}"
            );
        }
        let page = fs::read_to_string(out.join("components/api/index.html")).unwrap();
        let doc = Html::parse_document(&page);
        let meta = scraper::Selector::parse("meta[name=description]").unwrap();
        let description = doc.select(&meta).next().and_then(|m| m.attr("content")).unwrap();
        assert!(
            description.contains('：') && !description.contains(": "),
            "{description:?}"
        );
        let bar = scraper::Selector::parse(".uptime__bar a[title]").unwrap();
        let tips: Vec<&str> = doc.select(&bar).filter_map(|a| a.attr("title")).collect();
        assert!(!tips.is_empty());
        for tip in tips {
            assert!(tip.contains('：') && !tip.contains(": "), "{tip:?}");
        }
    }
}

/// The embed's snippet on embed.html, and its live example, give embed.js
/// the words of its fallback link in the page's language (`data-label`).
#[test]
fn the_embed_snippet_carries_its_fallback_words_in_the_page_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, out) = build_in(tmp.path(), "de");
    let embed = fs::read_to_string(out.join("embed.html")).unwrap();
    let doc = Html::parse_document(&embed);
    let code = scraper::Selector::parse("pre code").unwrap();
    let snippet: String = doc.select(&code).next().unwrap().text().collect();
    assert!(snippet.contains(r#"data-label="Statusseite""#), "{snippet}");
    let live = scraper::Selector::parse(r#"script[src$="embed.js"]"#).unwrap();
    let script = doc.select(&live).next().unwrap();
    assert_eq!(script.attr("data-label"), Some("Statusseite"));
}
