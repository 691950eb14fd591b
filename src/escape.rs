//! Text made safe for the language it is written into. One function per
//! target, each backed by a crate where escaping is involved, so that every
//! output (pages, feeds, badges, calendars, the `serve` overlay) escapes
//! the same way.

/// Text with the characters XML 1.0 forbids removed (C0 controls other than
/// tab, newline and carriage return; U+FFFE and U+FFFF; XML 1.0 §2.2
/// `Char`). Not an escaper: feeds and badges escape the result as they
/// write it.
pub fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| (c >= ' ' || matches!(c, '\t' | '\n' | '\r')) && c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

/// `s` escaped for XML text and for attribute values in either quote:
/// `&`, `<`, `>`, `"` and `'` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and
/// `&apos;` (the five predefined entities, XML 1.0 §4.6), by `quick-xml`.
/// Badges (SVG) use it; feeds are escaped by their writer crates.
pub fn xml(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// `s` escaped for HTML text and attribute values in either quote: `&`,
/// `<`, `>`, `"` and `'` as `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`,
/// by `pulldown-cmark-escape`, the escaper of the Markdown renderer, so
/// pages and the `serve` overlay escape alike.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_xml_characters_are_removed() {
        assert_eq!(xml_text("a\u{0}b\u{7}c\td\n\r\u{FFFE}\u{FFFF}é"), "abc\td\n\ré");
    }

    #[test]
    fn xml_escapes_the_five_entities_and_an_independent_parser_reads_them_back() {
        let text = r#"<b>"Tom's" & Jerry's</b> é"#;
        assert_eq!(
            xml(text),
            "&lt;b&gt;&quot;Tom&apos;s&quot; &amp; Jerry&apos;s&lt;/b&gt; é"
        );
        for doc in [
            format!("<r a=\"{}\">{}</r>", xml(text), xml(text)),
            format!("<r a='{}'/>", xml(text)),
        ] {
            let mut reader = quick_xml::Reader::from_str(&doc);
            let (quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) =
                reader.read_event().unwrap()
            else {
                panic!("{doc}");
            };
            let a = e.try_get_attribute("a").unwrap().unwrap();
            assert_eq!(
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap(),
                text,
                "{doc}"
            );
        }
    }

    #[test]
    fn html_escapes_what_ends_text_or_an_attribute_value() {
        assert_eq!(html(r#"`<b>` & "x" it's"#), "`&lt;b&gt;` &amp; &quot;x&quot; it&#39;s");
        let text = r#"<i>"a" & 'b'</i>"#;
        let doc = format!(r#"<p title="{0}" lang='{0}'>{0}</p>"#, html(text));
        let parsed = scraper::Html::parse_fragment(&doc);
        let p = parsed.select(&scraper::Selector::parse("p").unwrap()).next().unwrap();
        assert_eq!(p.value().attr("title"), Some(text));
        assert_eq!(p.value().attr("lang"), Some(text));
        assert_eq!(p.text().collect::<String>(), text);
    }
}
