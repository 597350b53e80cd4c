//! What templates see: one typed struct per page kind, serialized into the tera context.

use serde::Serialize;
use tera::Value;

use crate::parse::headings::TocEntry;

/// A string for templates. Most (links, language codes, ids, titles) hold nothing HTML
/// escaping would change: those are marked safe, so tera does not scan them again when it
/// writes them; any with `& < > " '` stays a normal string, escaped where it is written.
/// Either way the page gets the same bytes.
pub fn text(s: &str) -> Value {
    if s.bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        Value::normal_string(s)
    } else {
        Value::safe_string(s)
    }
}

/// [`text`] or `none`.
pub fn opt_text(s: Option<&str>) -> Value {
    s.map_or_else(Value::none, text)
}

/// `s` escaped as tera escapes a value, marked safe: for strings made once and written on
/// many pages.
pub fn escaped(s: &str) -> Value {
    let mut out = Vec::with_capacity(s.len() + 8);
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(s, &mut out);
    Value::safe_string(&String::from_utf8_lossy(&out))
}

/// Fields every page template gets.
#[derive(Debug, Serialize)]
pub struct Common {
    /// The page's language (`lang` is also what the `t()` function reads).
    pub lang: String,
    pub title: String,
    pub description: Option<String>,
    /// Absolute (or, without a base URL, host-rooted) URL of this page.
    pub canonical: Option<String>,
    pub alternates: Vec<Alternate>,
    pub switcher: Vec<SwitchItem>,
    /// Relative links to the site's root, the language home and the stylesheet folder.
    pub root_url: String,
    pub home_url: String,
    pub static_url: String,
    pub robots: Option<&'static str>,
    /// Link to the translation status report, when the site has one.
    pub status_url: Option<String>,
    /// Link to the decision tree's first question, when the site has a tree.
    pub tree_url: Option<String>,
    /// Where the header's search form goes, when search is on.
    pub search_url: Option<String>,
    /// Open Graph type: `article` for content pages, `website` for the rest.
    pub og_type: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct SwitchItem {
    pub lang: String,
    pub name: String,
    /// None when the page does not exist in that language.
    pub href: Option<String>,
    pub current: bool,
    /// The target shows another language's page: not translated yet.
    pub fallback: bool,
}

/// A link to another page, with the language it is in.
#[derive(Debug, Serialize)]
pub struct LangLink {
    pub href: String,
    pub lang: String,
    pub name: String,
}

/// What the notices above a page's text say; each is `None`/false when it does not apply.
#[derive(Debug, Default, Serialize)]
pub struct Notices {
    /// `ms.translationtype: MT`.
    pub machine: bool,
    /// The page carries English originals the reader can reveal.
    pub originals: bool,
    /// A machine-translated page without inline originals: where English stands.
    pub english: Option<LangLink>,
    /// Made from an older English revision: the translation made from the newest one.
    pub stale: Option<LangLink>,
    /// For a stale page with side-by-side originals: how much of its English changed.
    pub drift: Option<DriftNotice>,
    /// The page is missing in the reader's language; this is the language shown.
    pub fallback_from: Option<String>,
    /// Rebuilt from a translation's originals: that translation.
    pub reconstructed_from: Option<LangLink>,
}

/// What the out-of-date notice says when the page's English can be compared segment by
/// segment.
#[derive(Debug, Serialize)]
pub struct DriftNotice {
    pub changed: usize,
    pub total: usize,
    /// Current English passages the translation lacks, as plain text.
    pub new: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Crumb {
    pub title: String,
    pub href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub slug: &'a str,
    /// The body, with a report link in each English original when feedback is on.
    pub content: std::borrow::Cow<'a, str>,
    /// The body has no level-1 heading of its own, so the template shows the title.
    pub show_title: bool,
    /// `level`, `id` and `text` of each heading ([`toc_value`]).
    pub toc: &'a [TocEntry],
    pub updated: Option<DateView>,
    pub reading_minutes: usize,
    pub breadcrumbs: Vec<Crumb>,
    pub section: &'a str,
    /// The language of the text (differs from `lang` on fallback pages).
    pub content_lang: &'a str,
    pub notices: Notices,
    /// When the translation was delivered (`ms.lasthandoff`).
    pub delivered: Option<DateView>,
    /// Every front matter key, as written.
    pub meta: &'a std::collections::BTreeMap<String, serde_json::Value>,
    /// "Was this page helpful?", when the site has `feedback:`.
    pub feedback: Option<PageFeedback>,
    /// "Edit this page", on hand-written pages when the site has `edit_url`.
    pub edit_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PageFeedback {
    #[serde(flatten)]
    pub links: super::feedback::Links,
    /// "Report a translation problem", on machine-translated pages.
    pub translation: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PageLink {
    pub title: String,
    pub description: Option<String>,
    pub href: String,
    /// The language of the title and description.
    pub lang: String,
    /// Not translated into the reader's language; the link shows a fallback.
    pub fallback: bool,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub pages: Vec<PageLink>,
    /// How many of the pages are in the reader's language.
    pub translated: usize,
}

#[derive(Debug, Serialize)]
pub struct ChooserItem {
    pub lang: String,
    pub name: String,
    pub href: String,
    pub page_count: usize,
}

/// How the chooser greets a reader of one language, in that language.
#[derive(Debug, Serialize)]
pub struct Greeting {
    pub site_title: String,
    pub chooser_title: String,
}

/// The partner's brand as templates see it (`brand`, only when site.yaml has one).
#[derive(Debug, Serialize)]
pub struct BrandView {
    /// Paths under `static/`.
    pub logo: Option<String>,
    pub logo_dark: Option<String>,
    pub favicon: Option<String>,
    pub favicon_type: Option<&'static str>,
    /// Whether `static/brand.css` exists (the site gives a colour).
    pub stylesheet: bool,
    pub footer_links: Vec<FooterLinkView>,
}

#[derive(Debug, Serialize)]
pub struct FooterLinkView {
    pub label: String,
    pub href: String,
}

impl BrandView {
    /// `up_to_root` leads from the page to the site's root (`../../`, or `/support/` on 404
    /// pages); footer links that are paths start there.
    pub fn new(b: &crate::brand::Brand, lang: &crate::lang::Lang, up_to_root: &str) -> BrandView {
        BrandView {
            logo: b.logo.clone(),
            logo_dark: b.logo_dark.clone(),
            favicon: b.favicon.clone(),
            favicon_type: b.favicon.as_deref().map(|f| {
                let f = f.to_ascii_lowercase();
                if f.ends_with(".svg") {
                    "image/svg+xml"
                } else if f.ends_with(".png") {
                    "image/png"
                } else {
                    "image/x-icon"
                }
            }),
            stylesheet: b.palette.is_some(),
            footer_links: b
                .footer_links
                .iter()
                .filter_map(|l| {
                    let label = l.label_in(lang)?.to_string();
                    let href = if l.url.contains(':') || l.url.starts_with('/') {
                        l.url.clone()
                    } else {
                        format!("{up_to_root}{}", crate::urls::encode_path(&l.url))
                    };
                    Some(FooterLinkView { label, href })
                })
                .collect(),
        }
    }
}

/// What every page in one language shows the same way, made into template values once.
pub struct LangValues {
    pub lang: crate::lang::Lang,
    /// `nl`: the page's `lang`, which `t()` reads.
    pub code: Value,
    pub site_title: Value,
}
