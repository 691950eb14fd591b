//! The site's accent colour, made readable: link text must reach a
//! contrast of 4.5:1 (WCAG 2.1, 1.4.3) on the theme's light and dark
//! backgrounds, so a brand colour that does not is darkened (light scheme)
//! or lightened (dark scheme) just enough.
//!
//! Reads `#rgb`, `#rrggbb`, `rgb(r g b)` / `rgb(r, g, b)` and common colour
//! names; any other CSS colour is used as written.

/// The theme's backgrounds that links sit on, light scheme.
const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xf6, 0xf7, 0xf9), Rgb(0xff, 0xff, 0xff)];
/// The same, dark scheme.
const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x10, 0x14, 0x1c), Rgb(0x17, 0x1c, 0x26)];
/// WCAG AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// An sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `self` moved `t` (0..=1) of the way to `to`.
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

/// Contrast ratio between two colours (WCAG 2.1), 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The accent for the light and the dark scheme, each readable on that
/// scheme's backgrounds; `None` when the colour cannot be read (it is then
/// used as written, in both schemes).
pub fn accents(css: &str) -> Option<(String, String)> {
    let rgb = parse(css.trim())?;
    Some((
        readable(rgb, Rgb(0, 0, 0), &LIGHT_BACKGROUNDS).hex(),
        readable(rgb, Rgb(255, 255, 255), &DARK_BACKGROUNDS).hex(),
    ))
}

/// `rgb`, mixed toward `toward` in 2% steps until it reaches the contrast
/// on every background.
fn readable(rgb: Rgb, toward: Rgb, backgrounds: &[Rgb]) -> Rgb {
    (0..=50)
        .map(|step| rgb.mix(toward, f64::from(step) / 50.0))
        .find(|c| backgrounds.iter().all(|&bg| contrast(*c, bg) >= MIN_CONTRAST))
        .unwrap_or(toward)
}

fn parse(css: &str) -> Option<Rgb> {
    if let Some(hex) = css.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.as_slice() {
            [r, g, b] | [r, g, b, _] => Some(Rgb(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] | [r1, r2, g1, g2, b1, b2, _, _] => {
                Some(Rgb(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2))
            }
            _ => None,
        };
    }
    if let Some(args) = css
        .strip_prefix("rgb(")
        .or_else(|| css.strip_prefix("rgba("))
        .and_then(|a| a.strip_suffix(')'))
    {
        let parts: Vec<u8> = args
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .take(3)
            .map(|p| p.trim().parse::<f64>().ok().map(|v| v.clamp(0.0, 255.0) as u8))
            .collect::<Option<_>>()?;
        return match parts.as_slice() {
            [r, g, b] => Some(Rgb(*r, *g, *b)),
            _ => None,
        };
    }
    NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(css)).map(|&(_, c)| c)
}

/// Common CSS colour names.
const NAMES: &[(&str, Rgb)] = &[
    ("black", Rgb(0, 0, 0)),
    ("white", Rgb(255, 255, 255)),
    ("red", Rgb(255, 0, 0)),
    ("green", Rgb(0, 128, 0)),
    ("blue", Rgb(0, 0, 255)),
    ("yellow", Rgb(255, 255, 0)),
    ("orange", Rgb(255, 165, 0)),
    ("purple", Rgb(128, 0, 128)),
    ("teal", Rgb(0, 128, 128)),
    ("navy", Rgb(0, 0, 128)),
    ("maroon", Rgb(128, 0, 0)),
    ("olive", Rgb(128, 128, 0)),
    ("lime", Rgb(0, 255, 0)),
    ("aqua", Rgb(0, 255, 255)),
    ("cyan", Rgb(0, 255, 255)),
    ("fuchsia", Rgb(255, 0, 255)),
    ("magenta", Rgb(255, 0, 255)),
    ("silver", Rgb(192, 192, 192)),
    ("gray", Rgb(128, 128, 128)),
    ("grey", Rgb(128, 128, 128)),
    ("pink", Rgb(255, 192, 203)),
    ("gold", Rgb(255, 215, 0)),
    ("indigo", Rgb(75, 0, 130)),
    ("crimson", Rgb(220, 20, 60)),
    ("tomato", Rgb(255, 99, 71)),
    ("coral", Rgb(255, 127, 80)),
    ("salmon", Rgb(250, 128, 114)),
    ("turquoise", Rgb(64, 224, 208)),
    ("royalblue", Rgb(65, 105, 225)),
    ("rebeccapurple", Rgb(102, 51, 153)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_pale_brand_colour_is_darkened_for_light_and_kept_for_dark() {
        let (light, dark) = accents("#ffd700").unwrap();
        for bg in LIGHT_BACKGROUNDS {
            assert!(contrast(parse(&light).unwrap(), bg) >= MIN_CONTRAST, "{light}");
        }
        for bg in DARK_BACKGROUNDS {
            assert!(contrast(parse(&dark).unwrap(), bg) >= MIN_CONTRAST, "{dark}");
        }
        assert_eq!(dark, "#ffd700", "gold already reads on dark backgrounds");
        assert_ne!(light, "#ffd700");
    }

    #[test]
    fn a_dark_brand_colour_is_lightened_for_dark() {
        let (light, dark) = accents("navy").unwrap();
        assert_eq!(light, "#000080");
        assert!(contrast(parse(&dark).unwrap(), DARK_BACKGROUNDS[1]) >= MIN_CONTRAST);
        assert_eq!(accents("rgb(79 70 229)").unwrap().0, "#4f46e5");
        assert_eq!(accents("hsl(10 50% 50%)"), None, "other syntaxes are used as written");
    }
}
