//! `sitemap.xml` with hreflang alternates, and `robots.txt`.

use std::fmt::Write;

use crate::config::Config;
use crate::model::Site;
use crate::parse::escape;
use crate::urls::Urls;

pub fn sitemap(site: &Site, config: &Config, urls: &Urls) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (slug, langs) in &site.translations {
        let alternates: Vec<(String, String)> = config
            .languages
            .iter()
            .filter(|l| langs.contains_key(*l))
            .map(|l| (l.to_string(), urls.absolute(&Urls::page_path(l, slug))))
            .collect();
        let x_default = std::iter::once(&config.default_language)
            .chain(&config.languages)
            .find(|l| langs.contains_key(*l));
        for (lang, &i) in langs {
            let page = &site.pages[i];
            let _ = write!(
                xml,
                "  <url>\n    <loc>{}</loc>\n",
                escape(&urls.absolute(&Urls::page_path(lang, slug)))
            );
            if let Some(d) = page.source.front.date {
                let _ = writeln!(xml, "    <lastmod>{}</lastmod>", d.iso());
            }
            for (hreflang, href) in &alternates {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    escape(href)
                );
            }
            if let Some(l) = x_default {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&urls.absolute(&Urls::page_path(l, slug)))
                );
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(urls: &Urls) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        urls.absolute("sitemap.xml")
    )
}
