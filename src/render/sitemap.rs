//! `sitemap.xml` with hreflang alternates, and `robots.txt`.

use std::fmt::Write;

use crate::config::Config;
use crate::lang::Lang;
use crate::model::Site;
use crate::parse::escape;
use crate::urls::Urls;

pub fn sitemap(site: &Site, config: &Config, urls: &Urls) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    xml.reserve(site.pages.len() * (130 + 110 * config.languages.len()));
    for (slug, langs) in &site.translations {
        // Every <url> of the page lists the URLs of all its languages: each is made and
        // escaped once.
        let hrefs: Vec<(&Lang, String)> = config
            .languages
            .iter()
            .filter(|l| langs.contains_key(*l))
            .map(|l| (l, escape(&urls.absolute(&Urls::page_path(l, slug)))))
            .collect();
        let x_default = std::iter::once(&config.default_language)
            .chain(&config.languages)
            .find(|l| langs.contains_key(*l))
            .and_then(|l| hrefs.iter().find(|(h, _)| *h == l));
        for (lang, &i) in langs {
            let page = &site.pages[i];
            xml.push_str("  <url>\n    <loc>");
            match hrefs.iter().find(|(h, _)| *h == lang) {
                Some((_, href)) => xml.push_str(href),
                None => xml.push_str(&escape(&urls.absolute(&Urls::page_path(lang, slug)))),
            }
            xml.push_str("</loc>\n");
            if let Some(d) = page.source.front.date {
                let _ = writeln!(xml, "    <lastmod>{}</lastmod>", d.iso());
            }
            for (hreflang, href) in &hrefs {
                link(&mut xml, hreflang.as_str(), href);
            }
            if let Some((_, href)) = x_default {
                link(&mut xml, "x-default", href);
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `<xhtml:link rel="alternate" …/>` for an escaped `href`.
fn link(xml: &mut String, hreflang: &str, href: &str) {
    xml.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
    xml.push_str(hreflang);
    xml.push_str("\" href=\"");
    xml.push_str(href);
    xml.push_str("\"/>\n");
}

pub fn robots(urls: &Urls) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        urls.absolute("sitemap.xml")
    )
}
