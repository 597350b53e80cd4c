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

/// The twin's front matter, cut down to title, description and date; the body follows it.
pub fn front_matter(page: &Page) -> String {
    let mut out = String::with_capacity(200);
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
    // The language's own pages, then those shown from another language.
    let others = site
        .fallbacks
        .iter()
        .filter(|f| &f.lang == lang)
        .map(|f| &site.pages[f.source]);
    let mut pages: Vec<(String, &Page)> = site
        .pages_in(lang)
        .chain(others)
        .map(|p| (p.title.to_lowercase(), p))
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    for rule in &config.sections {
        let mut listed = pages
            .iter()
            .filter(|(_, p)| p.section == rule.id)
            .peekable();
        if listed.peek().is_none() {
            continue;
        }
        let heading = i18n.label(lang, &format!("section-{}", rule.id));
        let _ = writeln!(out, "## {}\n", one_line(&heading));
        for (_, p) in listed {
            out.push_str("- [");
            out.push_str(&one_line(&p.title).replace(['[', ']'], ""));
            out.push_str("](");
            let target = twin_path(lang, p.slug());
            match urls.base_url() {
                Some(base) => {
                    out.push_str(base);
                    crate::urls::push_encoded(&mut out, &target);
                }
                None => crate::urls::push_encoded(&mut out, &target[dir.len()..]),
            }
            out.push(')');
            if let Some(d) = p
                .description
                .as_deref()
                .map(one_line)
                .filter(|d| !d.is_empty())
            {
                out.push_str(": ");
                out.push_str(&d);
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
