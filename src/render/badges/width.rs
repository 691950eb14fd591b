//! Text widths for the badges: the advance widths of 11px Verdana, as
//! shields.io measures badge text, in Verdana's font units, and the
//! estimates used outside ASCII and Latin-1 (see the parent module for how
//! a badge uses them).

use super::FONT_SIZE;

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
}
