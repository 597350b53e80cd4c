//! A partner's brand from `site.yaml`: name, logo, accent colour, favicon and footer links.
//!
//! The accent colour is checked, not trusted: every colour pair the theme draws with it
//! (link text on each background, button text on the button, the focus ring) is computed with
//! the WCAG 2.1 formula, and a colour that misses is moved to the nearest shade that passes.
//! The result is a stylesheet of CSS variables (`static/brand.css`), never inline styles.

pub mod contrast;
pub mod settings;

use std::collections::BTreeMap;

use contrast::{Rgb, nearest_passing, ratio};

use crate::diag::Location;
use crate::lang::Lang;

/// The stylesheet the build writes when the site has a brand colour.
pub const STYLESHEET: &str = "brand.css";

/// Minimum contrast for text (WCAG 2.1 AA, 1.4.3) and for focus rings (1.4.11).
pub const TEXT: f64 = 4.5;
pub const FOCUS: f64 = 3.0;

/// The default theme's backgrounds that links and focus rings sit on, light theme: page,
/// surface (header, table heads), code, and the five alert tints.
pub const LIGHT_BACKGROUNDS: [&str; 8] = [
    "#ffffff", "#f6f8fa", "#eff2f5", "#eef4fd", "#edf8f0", "#f4effd", "#fff7e0", "#fdeceb",
];
/// The same, dark theme.
pub const DARK_BACKGROUNDS: [&str; 8] = [
    "#111418", "#1a1f25", "#1f252c", "#0f2236", "#0f2718", "#231a38", "#2b2210", "#361816",
];

fn colours(list: &[&str]) -> Vec<Rgb> {
    list.iter().filter_map(|c| Rgb::parse(c)).collect()
}

/// The brand, resolved and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    /// The name per language; a language without one uses the `site-title` string.
    pub names: BTreeMap<Lang, String>,
    /// One name for every language.
    pub name: Option<String>,
    /// Paths under `static/`.
    pub logo: Option<String>,
    pub logo_dark: Option<String>,
    pub favicon: Option<String>,
    pub footer_links: Vec<FooterLink>,
    pub palette: Option<Palette>,
    /// Set when the given colour missed a contrast and a shade stands in for it.
    pub adjusted: Option<Adjustment>,
    /// `color` as written, and where in site.yaml.
    pub color: Option<String>,
    pub color_at: Option<Location>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FooterLink {
    pub url: String,
    /// The label per language, and the one for languages without their own.
    pub labels: BTreeMap<Lang, String>,
    pub label: Option<String>,
}

impl FooterLink {
    pub fn label_in(&self, lang: &Lang) -> Option<&str> {
        self.labels
            .get(lang)
            .or(self.label.as_ref())
            .map(String::as_str)
    }
}

impl Brand {
    /// The brand's name in `lang`, if it gives one.
    pub fn name_in(&self, lang: &Lang) -> Option<&str> {
        self.names
            .get(lang)
            .or(self.name.as_ref())
            .map(String::as_str)
    }
}

/// The colours one theme (light or dark) draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shades {
    pub link: Rgb,
    pub link_hover: Rgb,
    pub link_visited: Rgb,
    /// Button and header-bar colour, and the text on it.
    pub accent: Rgb,
    pub on_accent: Rgb,
    pub accent_hover: Rgb,
    pub focus: Rgb,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub light: Shades,
    pub dark: Shades,
}

/// The given colour, its worst contrast on the light backgrounds, and the shade used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Adjustment {
    pub given: Rgb,
    pub ratio: f64,
    pub used: Rgb,
    pub used_ratio: f64,
}

impl Adjustment {
    /// What the build says about it (the `given` colour quoted, as written in site.yaml).
    pub fn message(&self, written: &str) -> String {
        format!(
            "brand color `{written}` has a contrast of {:.2}:1 on the white page background; links and buttons need {TEXT}:1 on every background, so the shade {} ({:.2}:1) is used",
            self.ratio,
            self.used.hex(),
            self.used_ratio
        )
    }
}

/// Derives both themes' shades from the accent colour `c`.
pub fn palette(c: Rgb) -> (Palette, Option<Adjustment>) {
    let light_bgs = colours(&LIGHT_BACKGROUNDS);
    let dark_bgs = colours(&DARK_BACKGROUNDS);
    let white = Rgb(255, 255, 255);
    let ink = Rgb(0x11, 0x14, 0x18);

    let link = nearest_passing(c, &light_bgs, TEXT, true);
    // The message speaks of the page background, the pair a reader meets most; the shade is
    // chosen to pass on every background.
    let page = light_bgs[0];
    let adjusted = (link != c).then(|| Adjustment {
        given: c,
        ratio: ratio(c, page),
        used: link,
        used_ratio: ratio(link, page),
    });
    let hover = nearest_passing(link.lighten(-0.08), &light_bgs, TEXT, true);
    let light = Shades {
        link,
        link_hover: hover,
        link_visited: nearest_passing(link.turn(40.0), &light_bgs, TEXT, true),
        accent: link,
        on_accent: if ratio(white, link) >= ratio(ink, link) {
            white
        } else {
            ink
        },
        accent_hover: hover,
        focus: link,
    };

    let dark_link = nearest_passing(c, &dark_bgs, TEXT, false);
    let dark_hover = nearest_passing(dark_link.lighten(0.08), &dark_bgs, TEXT, false);
    let dark = Shades {
        link: dark_link,
        link_hover: dark_hover,
        link_visited: nearest_passing(dark_link.turn(40.0), &dark_bgs, TEXT, false),
        accent: dark_link,
        on_accent: if ratio(ink, dark_link) >= ratio(white, dark_link) {
            ink
        } else {
            white
        },
        accent_hover: dark_hover,
        focus: dark_link,
    };
    (Palette { light, dark }, adjusted)
}

/// One colour pair the theme draws: (what, foreground, background, minimum).
pub type Pair = (String, Rgb, Rgb, f64);

/// Every pair the brand colours are drawn in, for both themes.
pub fn pairs(p: &Palette) -> Vec<Pair> {
    let mut out = Vec::new();
    for (theme, s, bgs) in [
        ("light", &p.light, colours(&LIGHT_BACKGROUNDS)),
        ("dark", &p.dark, colours(&DARK_BACKGROUNDS)),
    ] {
        for bg in bgs {
            for (what, fg, min) in [
                ("link", s.link, TEXT),
                ("link hover", s.link_hover, TEXT),
                ("visited link", s.link_visited, TEXT),
                ("focus ring", s.focus, FOCUS),
            ] {
                out.push((format!("{theme}: {what} on {}", bg.hex()), fg, bg, min));
            }
        }
        out.push((
            format!("{theme}: button text on button"),
            s.on_accent,
            s.accent,
            TEXT,
        ));
        out.push((
            format!("{theme}: button text on hovered button"),
            s.on_accent,
            s.accent_hover,
            TEXT,
        ));
    }
    out
}

/// `static/brand.css`: the palette as the default theme's CSS variables. Screen only, so
/// the theme's black-on-white print colours stay.
pub fn stylesheet(p: &Palette) -> String {
    let vars = |s: &Shades| {
        format!(
            "--sp-link: {}; --sp-link-hover: {}; --sp-link-visited: {}; --sp-accent: {}; --sp-on-accent: {}; --sp-accent-hover: {}; --sp-focus: {};",
            s.link.hex(),
            s.link_hover.hex(),
            s.link_visited.hex(),
            s.accent.hex(),
            s.on_accent.hex(),
            s.accent_hover.hex(),
            s.focus.hex()
        )
    };
    format!(
        "/* Written by signpost from `brand.color` in site.yaml; every pair meets WCAG 2.1 AA. */\n\
@media screen {{ :root {{ {} }} }}\n\
@media screen and (prefers-color-scheme: dark) {{ :root {{ {} }} }}\n\
@media screen {{ .sp-content a:visited:not(.sp-button) {{ color: var(--sp-link-visited); }} }}\n",
        vars(&p.light),
        vars(&p.dark)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_passes_for_hard_colours() {
        for c in [
            "#ffcc00", "#00ff00", "#0b57b8", "#000000", "#ffffff", "#ff0000", "#7f7f7f", "#001f5c",
        ] {
            let (p, _) = palette(Rgb::parse(c).unwrap());
            for (what, fg, bg, min) in pairs(&p) {
                let r = ratio(fg, bg);
                assert!(
                    r >= min,
                    "{c}: {what}: {} on {} is {r:.2}",
                    fg.hex(),
                    bg.hex()
                );
            }
        }
    }

    #[test]
    fn a_passing_colour_is_kept_and_a_light_one_adjusted() {
        let (p, adj) = palette(Rgb::parse("#0b57b8").unwrap());
        assert_eq!(adj, None);
        assert_eq!(p.light.link.hex(), "#0b57b8");
        let (p, adj) = palette(Rgb::parse("#ffcc00").unwrap());
        let adj = adj.unwrap();
        assert!(adj.ratio < 2.0, "{}", adj.ratio);
        assert_eq!(adj.used, p.light.link);
        assert!(adj.used_ratio >= TEXT);
        // Yellow reads well on the dark backgrounds as it is.
        assert_eq!(p.dark.link.hex(), "#ffcc00");
        let css = stylesheet(&p);
        assert!(
            css.contains(&format!("--sp-link: {};", adj.used.hex())),
            "{css}"
        );
    }
}
