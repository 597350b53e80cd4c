//! Colours and WCAG 2.1 contrast: relative luminance, contrast ratio, and the nearest shade of
//! a colour (same hue and saturation, another lightness) that reaches a ratio.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb` or `#rrggbb`, in any case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2.1 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    fn hsl(self) -> (f64, f64, f64) {
        let (r, g, b) = (
            f64::from(self.0) / 255.0,
            f64::from(self.1) / 255.0,
            f64::from(self.2) / 255.0,
        );
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let l = (max + min) / 2.0;
        if max == min {
            return (0.0, 0.0, l);
        }
        let d = max - min;
        let s = if l > 0.5 {
            d / (2.0 - max - min)
        } else {
            d / (max + min)
        };
        let h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h * 60.0, s, l)
    }

    fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
        let h = h.rem_euclid(360.0) / 360.0;
        let to = |t: f64, p: f64, q: f64| {
            let t = t.rem_euclid(1.0);
            if t < 1.0 / 6.0 {
                p + (q - p) * 6.0 * t
            } else if t < 0.5 {
                q
            } else if t < 2.0 / 3.0 {
                p + (q - p) * (2.0 / 3.0 - t) * 6.0
            } else {
                p
            }
        };
        let (r, g, b) = if s == 0.0 {
            (l, l, l)
        } else {
            let q = if l < 0.5 {
                l * (1.0 + s)
            } else {
                l + s - l * s
            };
            let p = 2.0 * l - q;
            (
                to(h + 1.0 / 3.0, p, q),
                to(h, p, q),
                to(h - 1.0 / 3.0, p, q),
            )
        };
        let byte = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        Rgb(byte(r), byte(g), byte(b))
    }

    /// The same hue and saturation at lightness `l` (0..1).
    pub fn with_lightness(self, l: f64) -> Rgb {
        let (h, s, _) = self.hsl();
        Rgb::from_hsl(h, s, l)
    }

    /// Lightness moved by `delta` (negative: darker).
    pub fn lighten(self, delta: f64) -> Rgb {
        let (h, s, l) = self.hsl();
        Rgb::from_hsl(h, s, (l + delta).clamp(0.0, 1.0))
    }

    /// Hue turned by `degrees`.
    pub fn turn(self, degrees: f64) -> Rgb {
        let (h, s, l) = self.hsl();
        Rgb::from_hsl(h + degrees, s, l)
    }
}

/// WCAG 2.1 contrast ratio, 1..21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The lowest ratio of `c` against any of `backgrounds`.
pub fn worst(c: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|&b| ratio(c, b))
        .fold(f64::INFINITY, f64::min)
}

/// `c` if it reaches `min` against every background; otherwise the shade of `c` (same hue and
/// saturation) nearest in lightness that does, looking darker first when `darker` (light
/// backgrounds) and lighter otherwise. Black or white as a last resort.
pub fn nearest_passing(c: Rgb, backgrounds: &[Rgb], min: f64, darker: bool) -> Rgb {
    if worst(c, backgrounds) >= min {
        return c;
    }
    let (_, _, l) = c.hsl();
    let step = if darker { -0.005 } else { 0.005 };
    let mut lightness = l;
    for _ in 0..=200 {
        lightness += step;
        if !(0.0..=1.0).contains(&lightness) {
            break;
        }
        let shade = c.with_lightness(lightness);
        if worst(shade, backgrounds) >= min {
            return shade;
        }
    }
    if darker {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_wcag_examples() {
        let white = Rgb(255, 255, 255);
        assert!((ratio(Rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((ratio(white, white) - 1.0).abs() < 1e-9);
        // The default theme's link on white, as its stylesheet's table says.
        assert!((ratio(Rgb::parse("#0b57b8").unwrap(), white) - 6.84).abs() < 0.01);
        assert!((ratio(Rgb::parse("#767676").unwrap(), white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn parses_hex_only() {
        assert_eq!(Rgb::parse("#FFF"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("#0b57b8"), Some(Rgb(11, 87, 184)));
        for bad in ["red", "#12", "#gggggg", "0b57b8", "#0b57b8ff"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn nearest_shade_passes_and_keeps_the_hue() {
        let yellow = Rgb::parse("#ffcc00").unwrap();
        let white = [Rgb(255, 255, 255)];
        let shade = nearest_passing(yellow, &white, 4.5, true);
        assert!(worst(shade, &white) >= 4.5);
        // Nearest: one step lighter would fail.
        assert!(worst(shade.lighten(0.01), &white) < 4.5, "{}", shade.hex());
        assert!(shade.0 > shade.2, "still yellowish: {}", shade.hex());
        let dark = [Rgb(0x11, 0x14, 0x18)];
        let navy = Rgb::parse("#001f5c").unwrap();
        let light = nearest_passing(navy, &dark, 4.5, false);
        assert!(worst(light, &dark) >= 4.5, "{}", light.hex());
    }
}
