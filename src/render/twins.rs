//! Machine-readable twins: each page as markdown at `/<lang>/<slug>/index.md`, and each
//! language's `llms.txt` (the llms.txt format: `# Title`, `> summary`, then `## Section`
//! lists of `- [title](url): description`) that points a chatbot or an AI assistant at them.
//! The twin's body is made while the page is parsed (`parse::twin`); here it gets its
//! front matter and goes to a file. A one-shot build writes it as soon as the page is parsed
//! (`prepare`), so no twin waits in memory for its page's HTML; `serve` keeps it with the
//! parsed page and writes it with the page's HTML.

use std::fmt::Write as _;

use super::FileSink;
use crate::config::Config;
use crate::date::Date;
use crate::diag::Diagnostics;
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::model::{Page, Site};
use crate::urls::Urls;

/// Where a page's twin goes: `nl/a/index.md`.
pub fn twin_path(lang: &Lang, slug: &str) -> String {
    page_file(lang, slug, "index.md")
}

/// `name` in the folder of page `slug` in `lang` (`nl/a/index.html`), in one allocation:
/// every page has two.
pub fn page_file(lang: &Lang, slug: &str, name: &str) -> String {
    let mut path = String::with_capacity(lang.as_str().len() + slug.len() + name.len() + 2);
    path.push_str(lang.as_str());
    path.push('/');
    if !slug.is_empty() {
        path.push_str(slug);
        path.push('/');
    }
    path.push_str(name);
    path
}

/// The twin's front matter, cut down to title, description and date; the body follows it.
pub fn front_matter(title: &str, description: Option<&str>, date: Option<Date>) -> String {
    let mut out = String::with_capacity(200);
    out.push_str("---\ntitle: ");
    push_yaml_string(&mut out, title);
    if let Some(d) = description {
        out.push_str("\ndescription: ");
        push_yaml_string(&mut out, d);
    }
    if let Some(date) = date {
        out.push_str("\ndate: ");
        out.push_str(&date.iso());
    }
    out.push_str("\n---\n\n");
    out
}

/// Writes the twin of page `slug` as read in language `reader`: `front` (from
/// [`front_matter`]), then the body the parse made.
pub fn write(
    out: &dyn FileSink,
    reader: &Lang,
    slug: &str,
    front: &str,
    body: &str,
    diags: &Diagnostics,
) {
    out.write_parts(
        &twin_path(reader, slug),
        &[front.as_bytes(), body.trim_start_matches('\n').as_bytes()],
        diags,
    );
}

/// A YAML double-quoted scalar.
fn push_yaml_string(out: &mut String, text: &str) {
    out.push('"');
    // Most titles need no escape: no quote, backslash or control character (C0, DEL, or
    // C1, which UTF-8 starts with 0xC2).
    if !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'"' | b'\\' | 0x7f | 0xc2))
    {
        out.push_str(text);
        out.push('"');
        return;
    }
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `/<lang>/llms.txt`: the language's pages by home-page section, each linking its twin.
pub fn llms_txt(site: &Site, config: &Config, i18n: &I18n, lang: &Lang) -> String {
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
            let title = one_line(&p.title);
            if title.contains(['[', ']']) {
                out.push_str(&title.replace(['[', ']'], ""));
            } else {
                out.push_str(&title);
            }
            out.push_str("](");
            let target = twin_path(lang, p.slug());
            match config.base_url.as_deref() {
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

/// Text on one line, runs of white space made one space; borrowed when it already is.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = !text.contains(['\n', '\r', '\t']) && !text.contains("  ") && text.trim() == text;
    if clean {
        text.into()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ").into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        let mut out = String::new();
        super::push_yaml_string(&mut out, "Say \"hi\" \\ now\n\u{1}");
        assert_eq!(out, r#""Say \"hi\" \\ now\n\u0001""#);
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, "Say \"hi\" \\ now\n\u{1}");
        for (text, yaml) in [
            ("Plain «quoted» ©", r#""Plain «quoted» ©""#),
            ("C1 \u{85} here", r#""C1 \u0085 here""#),
            ("del \u{7f}", r#""del \u007f""#),
        ] {
            out.clear();
            super::push_yaml_string(&mut out, text);
            assert_eq!(out, yaml);
        }
    }
}
