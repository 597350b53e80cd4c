//! Redirects in the output: a small HTML page at every old address, in every language, that
//! works on any static host without JavaScript (meta refresh, `rel=canonical`, `noindex` and
//! a visible link), and a `_redirects` file for hosts that answer with a real 301 (Netlify,
//! Cloudflare Pages).
//!
//! The pages are written by code rather than a template: a site may carry tens of thousands
//! of old addresses, and each page is a few lines.

use rayon::prelude::*;

use crate::config::Config;
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::model::Site;
use crate::parse::escape;
use crate::redirects::{Redirect, Target};
use crate::urls::{Urls, encode_path};

/// The output file Netlify and Cloudflare Pages read redirect rules from.
pub const REDIRECTS_FILE: &str = "_redirects";

/// Writes every redirect page and the `_redirects` file.
pub fn write(
    redirects: &[Redirect],
    site: &Site,
    config: &Config,
    i18n: &I18n,
    urls: &Urls,
    out: &dyn super::FileSink,
    diags: &crate::diag::Diagnostics,
) {
    let texts: Vec<(Lang, String, String)> = config
        .languages
        .iter()
        .map(|l| {
            (
                l.clone(),
                escape(&i18n.label(l, "redirect-title")),
                escape(&i18n.label(l, "redirect-text")),
            )
        })
        .collect();
    // Without a base URL, a relative canonical still names the right page wherever the site
    // is hosted.
    let absolute = config.base_url.is_some();
    texts.par_iter().for_each(|(lang, title, text)| {
        redirects.par_iter().for_each(|r| {
            let (path, html) = stub(r, lang, (title, text), site, urls, absolute);
            out.write(&path, html.as_bytes(), diags);
        });
    });
    out.write(
        REDIRECTS_FILE,
        redirects_file(
            redirects,
            &config.languages,
            Some(&config.default_language),
            urls,
        )
        .as_bytes(),
        diags,
    );
}

/// The redirect page for `r` in `lang`: (site path, HTML).
fn stub(
    r: &Redirect,
    lang: &Lang,
    (title, text): (&str, &str),
    site: &Site,
    urls: &Urls,
    absolute: bool,
) -> (String, String) {
    let from = Urls::page_path(lang, &r.from);
    let (href, canonical, label) = match &r.to {
        Target::Page { slug, fragment } => {
            let to = Urls::page_path(lang, slug);
            let mut href = urls.relative(&from, &to);
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(&encode_path(f));
            }
            let canonical = if absolute {
                urls.absolute(&to)
            } else {
                href.clone()
            };
            (href, canonical, target_title(site, slug, lang))
        }
        Target::External(url) => (url.clone(), url.clone(), url.clone()),
    };
    let (href, canonical, label) = (escape(&href), escape(&canonical), escape(&label));
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
<link rel=\"canonical\" href=\"{canonical}\">\n\
<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n\
<main>\n<h1>{title}</h1>\n<p>{text} <a href=\"{href}\">{label}</a></p>\n</main>\n</body>\n</html>\n"
    );
    (format!("{from}index.html"), html)
}

/// The target page's title in `lang` (its own, or the page shown there in its stead).
fn target_title(site: &Site, slug: &str, lang: &Lang) -> String {
    if let Some(p) = site.translation(slug, lang) {
        return p.title.clone();
    }
    if let Some(f) = site.fallback(slug, lang) {
        return site.pages[f.source].title.clone();
    }
    site.translations
        .get(slug)
        .and_then(|t| t.values().next())
        .map_or_else(|| slug.to_string(), |&i| site.pages[i].title.clone())
}

/// `_redirects` lines: `/<base path><lang>/<old>/ <target> 301`, one per language. Paths
/// start from the host's root, so they carry the base URL's path (`/support/`).
pub fn redirects_file(
    redirects: &[Redirect],
    languages: &[Lang],
    default: Option<&Lang>,
    urls: &Urls,
) -> String {
    let root = urls.root_path();
    let mut s = String::with_capacity(64 + redirects.len() * languages.len() * 96);
    s.push_str("# Written by signpost: old addresses and where they moved (Netlify / Cloudflare Pages syntax).\n");
    // The root page is the language chooser. Netlify can send a browser that prefers one of
    // the site's languages straight to it (forced, `!`, since the chooser's file exists);
    // hosts without conditions (Cloudflare Pages) ignore a line with a fourth field.
    s.push_str(
        "# The root: a browser preferring one of the site's languages goes to it (Netlify).\n",
    );
    // A browser that accepts several of the site's languages gets the first rule it matches:
    // the default language, which most browsers also accept, comes last.
    let (defaults, others): (Vec<&Lang>, Vec<&Lang>) =
        languages.iter().partition(|l| Some(*l) == default);
    for lang in others.into_iter().chain(defaults) {
        s.push_str(&root);
        s.push(' ');
        s.push_str(&root);
        s.push_str(&encode_path(&Urls::page_path(lang, "")));
        s.push_str(" 302! Language=");
        s.push_str(lang.as_str());
        s.push('\n');
    }
    for r in redirects {
        for lang in languages {
            s.push_str(&root);
            s.push_str(&encode_path(&Urls::page_path(lang, &r.from)));
            s.push(' ');
            match &r.to {
                Target::Page { slug, fragment } => {
                    s.push_str(&root);
                    s.push_str(&encode_path(&Urls::page_path(lang, slug)));
                    if let Some(f) = fragment {
                        s.push('#');
                        s.push_str(&encode_path(f));
                    }
                }
                Target::External(url) => s.push_str(&url.replace(' ', "%20")),
            }
            s.push_str(" 301\n");
        }
    }
    s
}
