//! What templates see: one typed struct per page kind, serialized into the tera context.

use serde::Serialize;

use crate::parse::headings::TocEntry;

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
    pub content: &'a str,
    /// The body has no level-1 heading of its own, so the template shows the title.
    pub show_title: bool,
    pub toc: &'a [TocEntry],
    pub updated: Option<DateView>,
    pub reading_minutes: usize,
    pub breadcrumbs: Vec<Crumb>,
    pub section: &'a str,
    /// Every front matter key, as written.
    pub meta: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct PageLink {
    pub title: String,
    pub description: Option<String>,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Serialize)]
pub struct ChooserItem {
    pub lang: String,
    pub name: String,
    pub href: String,
    pub page_count: usize,
}
