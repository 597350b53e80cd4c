//! Machine-readable twins: each page as markdown at `/<lang>/<slug>/index.md`, and each
//! language's `llms.txt` (the llms.txt format: `# Title`, `> summary`, then `## Section`
//! lists of `- [title](url): description`) that points a chatbot or an AI assistant at them.
//! The twin's body is made while the page is parsed (`parse::twin`); here it gets its
//! front matter and goes to a file.

use std::fmt::Write as _;

use crate::config::Config;
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::model::{Page, Site};
use crate::urls::Urls;

/// Where a page's twin goes: `nl/a/index.md`.
pub fn twin_path(lang: &Lang, slug: &str) -> String {
    format!("{}index.md", Urls::page_path(lang, slug))
}

/// The twin file: front matter cut down to title, description and date, then the body.
pub fn twin_file(page: &Page, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 200);
    out.push_str("---\ntitle: ");
    push_yaml_string(&mut out, &page.title);
    if let Some(d) = &page.description {
        out.push_str("\ndescription: ");
        push_yaml_string(&mut out, d);
    }
    if let Some(date) = page.source.front.date {
        out.push_str("\ndate: ");
        out.push_str(&date.iso());
    }
    out.push_str("\n---\n\n");
    out.push_str(body.trim_start_matches('\n'));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A YAML double-quoted scalar; JSON's string syntax is a subset of it.
fn push_yaml_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::Value::String(text.to_string()).to_string());
}

/// `/<lang>/llms.txt`: the language's pages by home-page section, each linking its twin.
pub fn llms_txt(site: &Site, config: &Config, i18n: &I18n, urls: &Urls, lang: &Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", one_line(&i18n.label(lang, "site-title")));
    let _ = writeln!(out, "> {}\n", one_line(&i18n.label(lang, "site-tagline")));
    let dir = Urls::page_path(lang, "");
    for rule in &config.sections {
        let own = site.pages_in(lang);
        let others = site
            .fallbacks
            .iter()
            .filter(|f| &f.lang == lang)
            .map(|f| &site.pages[f.source]);
        let mut pages: Vec<&Page> = own.chain(others).filter(|p| p.section == rule.id).collect();
        if pages.is_empty() {
            continue;
        }
        pages.sort_by_cached_key(|p| (p.slug().is_empty(), p.title.to_lowercase()));
        let heading = i18n.label(lang, &format!("section-{}", rule.id));
        let _ = writeln!(out, "## {}\n", one_line(&heading));
        for p in pages {
            let target = twin_path(lang, p.slug());
            let href = match urls.base_url() {
                Some(base) => format!("{base}{}", crate::urls::encode_path(&target)),
                None => crate::urls::encode_path(&target[dir.len()..]),
            };
            let title = one_line(&p.title).replace(['[', ']'], "");
            let _ = write!(out, "- [{title}]({href})");
            if let Some(d) = p
                .description
                .as_deref()
                .map(one_line)
                .filter(|d| !d.is_empty())
            {
                let _ = write!(out, ": {d}");
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
