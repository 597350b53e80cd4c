//! Share previews: what a chat app or social site shows when a reader pastes a page's link
//! (Open Graph and Twitter card meta tags).

use std::borrow::Cow;

use serde::Serialize;

use super::context::Common;
use crate::config::Config;

/// `og:image`: the site's image when configured, else the partner's logo (either makes a
/// preview theirs); absolute, so a path under `static/` needs the base URL.
pub fn image(config: &Config) -> Option<String> {
    let configured = config
        .share_image
        .as_deref()
        .or_else(|| config.brand.as_ref().and_then(|b| b.logo.as_deref()));
    configured.and_then(|img| {
        if img.starts_with("https://") || img.starts_with("http://") {
            Some(img.to_string())
        } else {
            config
                .base_url
                .as_ref()
                .map(|base| format!("{base}static/{}", crate::urls::encode_path(img)))
        }
    })
}

#[derive(Debug, Serialize)]
pub struct Share<'a> {
    /// `og:type`.
    pub kind: &'static str,
    /// `og:locale`, `nl_NL`.
    pub locale: Cow<'static, str>,
    /// `og:locale:alternate`: the languages the page is also in.
    pub alternates: Vec<Cow<'static, str>>,
    /// `og:url`: only an absolute URL will do, so only with a base URL.
    pub url: Option<&'a str>,
    /// `og:image`, absolute.
    pub image: Option<&'a str>,
    /// `twitter:card`: a big picture only when there is one.
    pub card: &'static str,
}

/// The share preview of the page `common` describes; `image` is [`image`]'s, made once.
pub fn share<'a>(common: &'a Common, config: &Config, image: Option<&'a str>) -> Share<'a> {
    Share {
        kind: common.og_type,
        locale: og_locale(&common.lang),
        alternates: common
            .alternates
            .iter()
            .filter(|a| a.hreflang != "x-default" && a.hreflang != common.lang)
            .map(|a| og_locale(&a.hreflang))
            .collect(),
        url: config
            .base_url
            .is_some()
            .then_some(common.canonical.as_deref())
            .flatten(),
        card: if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
        image,
    }
}

/// Open Graph writes locales as `language_TERRITORY`; a bare language code gets the territory
/// its language is mostly read in.
fn og_locale(code: &str) -> Cow<'static, str> {
    if let Some((lang, region)) = code.split_once('-') {
        return format!(
            "{}_{}",
            lang.to_ascii_lowercase(),
            region.to_ascii_uppercase()
        )
        .into();
    }
    match code {
        "en" => "en_US".into(),
        "nl" => "nl_NL".into(),
        "ru" => "ru_RU".into(),
        "pl" => "pl_PL".into(),
        "de" => "de_DE".into(),
        "fr" => "fr_FR".into(),
        "uk" => "uk_UA".into(),
        _ => code.to_string().into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn locales_in_open_graph_form() {
        assert_eq!(super::og_locale("nl"), "nl_NL");
        assert_eq!(super::og_locale("pt-br"), "pt_BR");
    }
}
