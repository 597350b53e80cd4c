//! Languages: a [`Lang`] is a code checked against the site's configured languages.

use std::fmt;
use std::sync::Arc;

/// A language code of this site (`nl`, `ru`, …). Only [`crate::config::Config`] makes them,
/// from the languages it knows, so holding a `Lang` means the site has that language.
///
/// Shared rather than owned: every page, link and template context holds one, and cloning
/// must not allocate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(Arc<str>);

impl Lang {
    pub(crate) fn new_unchecked(code: &str) -> Self {
        Lang(Arc::from(code.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language's name in itself, shown in switchers and choosers.
    pub fn autonym(&self) -> &str {
        match &*self.0 {
            "en" => "English",
            "nl" => "Nederlands",
            "ru" => "Русский",
            "pl" => "Polski",
            "de" => "Deutsch",
            "fr" => "Français",
            "es" => "Español",
            "it" => "Italiano",
            "pt" => "Português",
            "uk" => "Українська",
            "cs" => "Čeština",
            "sv" => "Svenska",
            "da" => "Dansk",
            "fi" => "Suomi",
            "nb" => "Norsk bokmål",
            "tr" => "Türkçe",
            "ja" => "日本語",
            "zh" => "中文",
            "ko" => "한국어",
            other => other,
        }
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a folder name looks like a language code (`nl`, `pt-br`), used when no `site.yaml`
/// lists the languages.
pub fn looks_like_lang_code(name: &str) -> bool {
    let mut parts = name.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
