//! Redirects in the output: a small HTML page at every old address, in every language, that
//! works on any static host without JavaScript (meta refresh, `rel=canonical`, `noindex` and
//! a visible link), and a `_redirects` file for hosts that answer with a real 301 (Netlify,
//! Cloudflare Pages).
//!
//! The pages are put together from pieces made once rather than by a template: a site may
//! carry tens of thousands of old addresses, four pages each, and each page is a few lines.
//! What does not depend on the language (the escaped link below the language folder) is made
//! once per redirect; what does not depend on the redirect (the head, the texts) once per
//! language. Writing the files is then most of the cost (see README, Redirects).

use rayon::prelude::*;

use crate::config::Config;
use crate::hashing::{FastMap, HashMapExt};
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::model::Site;
use crate::parse::escape;
use crate::redirects::{Redirect, Target};
use crate::urls::{Urls, encode_path, push_encoded};

/// The output file Netlify and Cloudflare Pages read redirect rules from.
pub const REDIRECTS_FILE: &str = "_redirects";

/// One language's parts of every redirect page.
struct LangParts<'a> {
    lang: &'a Lang,
    /// From `<!DOCTYPE html>` to the opening quote of the canonical link.
    head: String,
    /// From the `<h1>` to the opening quote of the visible link.
    body: String,
}

/// One redirect's parts, the same in every language. Paths are escaped for HTML already.
struct Parts<'a> {
    r: &'a Redirect,
    /// `../` for each folder from the old page's folder up to the site's root.
    up: String,
    /// After `<lang>/`: the target's path (percent-encoded, `index.html` when links name
    /// it) and its `#fragment`; or, for an outside URL, the whole URL.
    to: String,
    /// The target's path after `<lang>/`, for the canonical URL (no fragment).
    canonical: String,
}

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
    write_file(redirects, config, urls, out, diags);
    write_pages(
        redirects,
        &config.languages,
        (site, config, i18n, urls),
        out,
        diags,
    );
}

/// Writes the `_redirects` file.
pub fn write_file(
    redirects: &[Redirect],
    config: &Config,
    urls: &Urls,
    out: &dyn super::FileSink,
    diags: &crate::diag::Diagnostics,
) {
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

/// Writes the redirect pages of `redirects` in `languages` (`serve` rewrites the few a
/// change touched).
pub fn write_pages(
    redirects: &[Redirect],
    languages: &[Lang],
    (site, config, i18n, urls): (&Site, &Config, &I18n, &Urls),
    out: &dyn super::FileSink,
    diags: &crate::diag::Diagnostics,
) {
    if redirects.is_empty() {
        return;
    }
    let langs: Vec<LangParts> = languages
        .iter()
        .map(|lang| lang_parts(lang, i18n))
        .collect();
    // Without a base URL, a relative canonical still names the right page wherever the site
    // is hosted.
    let base = config.base_url.as_ref().map(|_| escape(&urls.absolute("")));
    let index = if urls.relative("a/", "b/").ends_with("index.html") {
        "index.html"
    } else {
        ""
    };
    let parts: Vec<Parts> = redirects
        .par_iter()
        .map(|r| redirect_parts(r, index))
        .collect();
    let titles = Titles::new(site);
    // Language by language, so that the two threads mostly fill different folders (a folder
    // takes one new entry at a time).
    let n = parts.len();
    (0..n * langs.len())
        .into_par_iter()
        .with_min_len(64)
        .for_each(|i| {
            let (l, p) = (&langs[i / n], &parts[i % n]);
            let (path, html) = stub(p, l, base.as_deref(), &titles);
            out.write(&path, html.as_bytes(), diags);
        });
}

fn lang_parts<'a>(lang: &'a Lang, i18n: &I18n) -> LangParts<'a> {
    let title = escape(&i18n.label(lang, "redirect-title"));
    let text = escape(&i18n.label(lang, "redirect-text"));
    LangParts {
        lang,
        // No stylesheet for a page seen for an instant, and no `color-scheme` either: the
        // browser's dark defaults draw a link colour made for a dark page, which tools that
        // check contrast measure against white (axe does).
        head: format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\""
        ),
        body: format!("\">\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text} <a href=\""),
    }
}

fn redirect_parts<'a>(r: &'a Redirect, index: &str) -> Parts<'a> {
    // The old page's folder is `<lang>/<from>/`: one level for the language, one per
    // segment of the slug.
    let depth = 1 + r.from.split('/').filter(|s| !s.is_empty()).count();
    let (to, canonical) = match &r.to {
        Target::Page { slug, fragment } => {
            let mut path = String::with_capacity(slug.len() + 12);
            if !slug.is_empty() {
                push_encoded(&mut path, slug);
                path.push('/');
            }
            let canonical = escape(&path);
            path.push_str(index);
            if let Some(f) = fragment {
                path.push('#');
                push_encoded(&mut path, f);
            }
            (escape(&path), canonical)
        }
        Target::External(url) => (escape(url), String::new()),
    };
    Parts {
        r,
        up: "../".repeat(depth),
        to,
        canonical,
    }
}

/// Target titles in each language: the page's own, or the page shown there in its stead.
struct Titles<'a> {
    site: &'a Site,
    /// (slug, reader's language) → the page a fallback copy shows.
    fallbacks: FastMap<(&'a str, &'a Lang), usize>,
}

impl<'a> Titles<'a> {
    fn new(site: &'a Site) -> Titles<'a> {
        let mut fallbacks = FastMap::with_capacity(site.fallbacks.len());
        for f in &site.fallbacks {
            fallbacks.insert((site.pages[f.source].slug(), &f.lang), f.source);
        }
        Titles { site, fallbacks }
    }

    /// The title readers of `lang` see for `slug`, and the language it is written in.
    fn get(&self, slug: &str, lang: &Lang) -> Option<(&'a str, &'a Lang)> {
        let site = self.site;
        let t = site.translations.get(slug)?;
        let page = t
            .get(lang)
            .or_else(|| self.fallbacks.get(&(slug, lang)))
            .or_else(|| t.values().next())
            .copied()?;
        let page = &site.pages[page];
        Some((page.title.as_str(), page.lang()))
    }
}

/// The redirect page for `p` in `l`: (site path, HTML).
fn stub(p: &Parts, l: &LangParts, base: Option<&str>, titles: &Titles) -> (String, String) {
    let lang = l.lang.as_str();
    let from = &p.r.from;
    let mut path = String::with_capacity(lang.len() + from.len() + 12);
    path.push_str(lang);
    path.push('/');
    path.push_str(from);
    path.push_str("/index.html");
    let mut html = String::with_capacity(l.head.len() + l.body.len() + 3 * p.to.len() + 300);
    let page_href = |html: &mut String| {
        html.push_str(&p.up);
        html.push_str(lang);
        html.push('/');
        html.push_str(&p.to);
    };
    html.push_str(&l.head);
    let (label, label_lang) = match &p.r.to {
        Target::Page { slug, .. } => {
            match base {
                Some(base) => {
                    html.push_str(base);
                    html.push_str(lang);
                    html.push('/');
                    html.push_str(&p.canonical);
                }
                None => page_href(&mut html),
            }
            html.push_str("\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
            page_href(&mut html);
            match titles.get(slug, l.lang) {
                Some((title, in_lang)) => (escape(title), Some(in_lang)),
                None => (escape(slug), None),
            }
        }
        Target::External(_) => {
            html.push_str(&p.to);
            html.push_str("\">\n<meta http-equiv=\"refresh\" content=\"0; url=");
            html.push_str(&p.to);
            (p.to.clone(), None)
        }
    };
    html.push_str(&l.body);
    match &p.r.to {
        Target::Page { .. } => page_href(&mut html),
        Target::External(_) => html.push_str(&p.to),
    }
    html.push('"');
    // A title shown from another language says so, for screen readers.
    if let Some(other) = label_lang.filter(|t| *t != l.lang) {
        html.push_str(" lang=\"");
        html.push_str(other.as_str());
        html.push('"');
    }
    html.push('>');
    html.push_str(&label);
    html.push_str("</a></p>\n</main>\n</body>\n</html>\n");
    (path, html)
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
    // Each rule's paths below the language folder are encoded once, not once per language.
    let below_lang = |slug: &str, s: &mut String| {
        if !slug.is_empty() {
            push_encoded(s, slug);
            s.push('/');
        }
    };
    let mut from = String::new();
    let mut to = String::new();
    for r in redirects {
        from.clear();
        below_lang(&r.from, &mut from);
        to.clear();
        match &r.to {
            Target::Page { slug, fragment } => {
                below_lang(slug, &mut to);
                if let Some(f) = fragment {
                    to.push('#');
                    push_encoded(&mut to, f);
                }
            }
            Target::External(url) => to.push_str(&url.replace(' ', "%20")),
        }
        for lang in languages {
            s.push_str(&root);
            push_encoded(&mut s, lang.as_str());
            s.push('/');
            s.push_str(&from);
            s.push(' ');
            if let Target::Page { .. } = &r.to {
                s.push_str(&root);
                push_encoded(&mut s, lang.as_str());
                s.push('/');
            }
            s.push_str(&to);
            s.push_str(" 301\n");
        }
    }
    s
}
