//! The `brand:` key of site.yaml as written, and its checks: files exist and are images of
//! the kind their name says, the colour is a colour, names are given for site languages.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::contrast::Rgb;
use super::{Brand, FooterLink, palette};
use crate::lang::Lang;

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct RawBrand {
    /// One name, or one per language code.
    pub name: Option<Text>,
    /// A file in the site's `static/`, or `{light: …, dark: …}`.
    pub logo: Option<Logo>,
    /// The accent colour, `#rrggbb` or `#rgb`.
    pub color: Option<String>,
    /// A file in the site's `static/` (SVG, PNG or ICO).
    pub favicon: Option<String>,
    #[serde(default)]
    pub footer_links: Vec<RawFooterLink>,
    /// A colour that misses WCAG contrast fails the build instead of being adjusted.
    pub strict_contrast: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Text {
    One(String),
    PerLanguage(BTreeMap<String, String>),
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Logo {
    One(String),
    Themes(LogoThemes),
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LogoThemes {
    pub light: String,
    pub dark: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawFooterLink {
    pub label: Text,
    pub url: String,
}

/// A problem with the brand, at a line of site.yaml.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    pub hint: &'static str,
}

/// Line of `key:` inside the `brand:` block of site.yaml text (the `brand:` line itself when
/// the key is not found).
fn line_of(text: &str, key: &str) -> usize {
    let mut lines = text.lines().enumerate();
    let Some((start, _)) = lines.find(|(_, l)| l.starts_with("brand:")) else {
        return 1;
    };
    for (i, l) in text.lines().enumerate().skip(start + 1) {
        if !l.starts_with([' ', '\t', '#']) && !l.trim().is_empty() {
            break;
        }
        let t = l.trim_start().trim_start_matches("- ");
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with(':') {
            return i + 1;
        }
    }
    start + 1
}

/// Line of the first line inside the `brand:` block that contains `needle`, else the line of
/// `key:` there.
fn line_with(text: &str, key: &str, needle: &str) -> usize {
    let start = line_of(text, "\u{0}");
    text.lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.starts_with([' ', '\t', '#']) || l.trim().is_empty())
        .find(|(_, l)| !needle.is_empty() && l.contains(needle))
        .map_or_else(|| line_of(text, key), |(i, _)| i + 1)
}

/// Checks `raw` (read from `file`) against the site (its `static/` folder and languages).
pub fn resolve(
    raw: RawBrand,
    file: &Path,
    root: &Path,
    languages: &[Lang],
    text: &str,
) -> Result<Brand, Problem> {
    // Messages quote the value they are about; the line is the one that holds it.
    let problem = |key: &str, message: String, hint: &'static str| Problem {
        line: line_with(text, key, message.split('`').nth(1).unwrap_or("")),
        message,
        hint,
    };
    let per_language = |key: &str,
                        t: Text|
     -> Result<(Option<String>, BTreeMap<Lang, String>), Problem> {
        match t {
            Text::One(s) => Ok((Some(s), BTreeMap::new())),
            Text::PerLanguage(map) => {
                let mut out = BTreeMap::new();
                for (code, s) in map {
                    let Some(lang) = languages
                        .iter()
                        .find(|l| l.as_str() == code.to_ascii_lowercase())
                    else {
                        return Err(problem(
                            key,
                            format!("`{code}` in brand `{key}` is not one of the site's languages"),
                            "give texts for languages from `languages`, or one text for all",
                        ));
                    };
                    out.insert(lang.clone(), s);
                }
                Ok((None, out))
            }
        }
    };
    let (name, names) = match raw.name {
        Some(t) => per_language("name", t)?,
        None => (None, BTreeMap::new()),
    };
    let (logo, logo_dark) = match raw.logo {
        None => (None, None),
        Some(Logo::One(p)) => (Some(p), None),
        Some(Logo::Themes(t)) => (Some(t.light), t.dark),
    };
    let images = ["svg", "png", "webp"];
    if let Some(p) = &logo {
        check_image(root, p, &images).map_err(|m| problem("logo", m, IMAGE_HINT))?;
    }
    if let Some(p) = &logo_dark {
        check_image(root, p, &images).map_err(|m| problem("dark", m, IMAGE_HINT))?;
    }
    if let Some(p) = &raw.favicon {
        check_image(root, p, &["svg", "png", "ico"]).map_err(|m| {
            problem(
                "favicon",
                m,
                "put an SVG, PNG or ICO file in the site's static/ folder and name it here",
            )
        })?;
    }
    let mut footer_links = Vec::new();
    for link in raw.footer_links {
        let url = link.url.trim().to_string();
        let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        let allowed = match scheme.as_deref() {
            Some("http" | "https" | "mailto" | "tel") => true,
            Some(s) if !s.contains(['/', '?', '#']) => false,
            _ => !url.is_empty(),
        };
        if !allowed {
            return Err(problem(
                "url",
                format!("footer link `{url}` is not an http(s), mailto: or tel: URL or a path"),
                "write e.g. https://example.org/privacy",
            ));
        }
        let (label, labels) = per_language("label", link.label)?;
        footer_links.push(FooterLink { url, labels, label });
    }
    let color_line = line_of(text, "color");
    let (palette, adjusted, color_at) = match &raw.color {
        None => (None, None, None),
        Some(c) => {
            let Some(rgb) = Rgb::parse(c) else {
                return Err(problem(
                    "color",
                    format!("brand color `{c}` is not a colour"),
                    "write it as #rrggbb (or #rgb), e.g. color: \"#0b57b8\" (quoted: # starts a YAML comment)",
                ));
            };
            let (p, adj) = palette(rgb);
            if let Some(a) = &adj
                && raw.strict_contrast == Some(true)
            {
                return Err(problem(
                    "color",
                    a.message(c),
                    "pick a darker colour, or remove strict_contrast to let signpost use the shade",
                ));
            }
            (
                Some(p),
                adj,
                Some(crate::diag::Location::new(file, color_line, 1)),
            )
        }
    };
    Ok(Brand {
        names,
        name,
        logo,
        logo_dark,
        favicon: raw.favicon,
        footer_links,
        palette,
        adjusted,
        color: raw.color,
        color_at,
    })
}

const IMAGE_HINT: &str = "put an SVG, PNG or WebP file in the site's static/ folder and name it here (e.g. logo: logo.svg)";

/// `path` names a readable file under `<root>/static/` whose content is an image of one of
/// `kinds` (by extension, checked against the file's first bytes).
fn check_image(root: &Path, path: &str, kinds: &[&str]) -> Result<(), String> {
    let rel = Path::new(path);
    if path.is_empty()
        || rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(format!(
            "`{path}` must be a path inside the site's static/ folder"
        ));
    }
    let ext = rel
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !kinds.contains(&ext.as_str()) {
        return Err(format!(
            "`{path}` is not one of the image kinds allowed here ({})",
            kinds.join(", ")
        ));
    }
    let full = root.join("static").join(rel);
    let bytes = std::fs::read(&full).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!("`{path}` does not exist in the site's static/ folder")
        } else {
            format!("`{path}` cannot be read: {e}")
        }
    })?;
    let head = &bytes[..bytes.len().min(512)];
    let ok = match ext.as_str() {
        "png" => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        "webp" => head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP",
        "ico" => head.starts_with(&[0, 0, 1, 0]),
        "svg" => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
        _ => false,
    };
    if !ok {
        return Err(format!(
            "`{path}` is not a readable {} image",
            ext.to_ascii_uppercase()
        ));
    }
    Ok(())
}
