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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_xml_characters_are_removed() {
        assert_eq!(xml_text("a\u{0}b\u{7}c\td\n\r\u{FFFE}\u{FFFF}é"), "abc\td\n\ré");
    }
}
