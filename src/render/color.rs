//! The site's accent colour, made readable: link text must reach a
//! contrast of 4.5:1 (WCAG 2.1, 1.4.3) on the theme's light and dark
//! backgrounds, so a brand colour that does not is darkened (light scheme)
//! or lightened (dark scheme) just enough.
//!
//! Reads every colour `csscolorparser` does (hex, names, `rgb()`, `hsl()`,
//! `oklch()`, …; the alpha channel is left out); the colours CSS resolves
//! itself (`currentcolor`, system colours) are used as written.

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

/// The sRGB colour of a CSS colour (`csscolorparser`), without its alpha.
fn parse(css: &str) -> Option<Rgb> {
    let [r, g, b, _] = csscolorparser::parse(css).ok()?.to_rgba8();
    Some(Rgb(r, g, b))
}

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
        assert_eq!(accents(" #4F46E5 ").unwrap().0, "#4f46e5");
        assert_eq!(accents("rgb(79, 70, 229)").unwrap().0, "#4f46e5");
        assert_eq!(accents("rebeccapurple").unwrap().0, "#663399");
        // hsl(243 75% 59%) is #4f46e5 rounded: within one step of it.
        assert!(accents("hsl(243 75% 59%)").is_some());
        assert!(accents("oklch(55% 0.2 275)").is_some());
        assert_eq!(accents("currentcolor"), None, "resolved by CSS: used as written");
        assert_eq!(accents("AccentColor"), None);
    }
}
