//! Search pages and indexes, one per language: every page in that language (its own
//! translations and rebuilt English pages, not fallbacks) and the decision tree's outcomes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::iter::ParallelIterator;
use serde::Serialize;

use super::Renderer;
use super::context::PageLink;
use crate::diag::Diagnostics;
use crate::lang::Lang;
use crate::model::Site;
use crate::render::FileSink;
use crate::search::{self, Body, Entry};
use crate::tree::Tree;
use crate::urls::Urls;

#[derive(Debug, Serialize)]
struct Letter {
    letter: String,
    pages: Vec<PageLink>,
}

pub fn search_dir(lang: &Lang) -> String {
    format!("{lang}/search/")
}

impl Renderer<'_> {
    pub fn render_search(
        &self,
        site: &Site,
        tree: Option<&Tree>,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        crate::progress::stage("indexing", self.config.languages.len());
        // Each language's pages are counted (every page read, in parallel) while the
        // language before is merged, stemmed and written, steps with serial parts that would
        // leave a core idle. Two languages at most are in flight: with every language at
        // once, the build's peak memory grew by a third (their words and postings all held
        // together).
        let finish = |counted: Option<(&Lang, search::Counted)>| {
            if let Some((lang, c)) = counted {
                let index = c.into_builder(false).into_index();
                self.write_search(site, lang, index, out, diags);
            }
        };
        let mut counted: Option<(&Lang, search::Counted)> = None;
        for lang in &self.config.languages {
            let previous = counted.take();
            let ((), next) = rayon::join(
                || finish(previous),
                || self.search_counted(site, tree, lang),
            );
            crate::progress::tick();
            counted = Some((lang, next));
        }
        finish(counted);
    }

    /// Writes a language's index files and its search page.
    fn write_search(
        &self,
        site: &Site,
        lang: &Lang,
        index: search::LangIndex,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        let t = crate::timing::Timer::start("  search write");
        rayon::join(
            || {
                index.par_files().for_each(|(name, json)| {
                    out.write(&format!("search/{lang}/{name}"), json.as_bytes(), diags)
                })
            },
            || self.render_search_page(site, lang, out, diags),
        );
        t.stop();
    }

    /// The search page of a language (the index is written apart from it).
    pub fn render_search_page(
        &self,
        site: &Site,
        lang: &Lang,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        let dir = search_dir(lang);
        let ctx = self.search_context(site, lang, &dir);
        if let Some(html) = self.render("search.html", &ctx, diags) {
            out.write(&format!("{dir}index.html"), &html, diags);
        }
    }

    /// One language's index; with `keep`, ready to follow edits (`serve`).
    pub fn search_builder(
        &self,
        site: &Site,
        tree: Option<&Tree>,
        lang: &Lang,
        keep: bool,
    ) -> search::Builder {
        self.search_counted(site, tree, lang).into_builder(keep)
    }

    /// One language's pages, counted for its index.
    fn search_counted(&self, site: &Site, tree: Option<&Tree>, lang: &Lang) -> search::Counted {
        let entries = self.search_entries(site, tree, lang);
        search::Counted::count(lang, &entries, |key| self.i18n.label(lang, key))
    }

    /// Keeps `live` (the index of `lang`) up to date with the pages `picks` chooses, and
    /// writes the files that changed (see [`search::Live::update`]). False when the language's pages are
    /// no longer the ones indexed (a page came or went): build it again then.
    pub fn update_search(
        &self,
        site: &Site,
        lang: &Lang,
        picks: &dyn Fn(&Lang, &str) -> bool,
        live: &mut search::Live,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) -> bool {
        let dir = search_dir(lang);
        let pages: Vec<_> = site.pages_in(lang).collect();
        if !pages.iter().any(|p| picks(lang, p.slug())) {
            // Nothing of this language was redone (an edited page shows here as a fallback
            // copy at most, which is not indexed).
            return pages.len() == live.pages;
        }
        let same = pages.len() == live.pages
            && pages.iter().zip(live.hrefs()).all(|(p, href)| {
                self.urls.relative(&dir, &Urls::page_path(lang, p.slug())) == href
            });
        if !same {
            return false;
        }
        let mut files = std::collections::BTreeSet::new();
        for (doc, p) in pages.iter().enumerate() {
            if !picks(lang, p.slug()) {
                continue;
            }
            let entry = self.page_entry(p, lang, &dir);
            files.extend(live.update(doc, &entry, |key| self.i18n.label(lang, key)));
        }
        // Only what changed: the shards of the postings that moved, the edited page's
        // excerpt file, `index.js` when its list changed.
        for name in files {
            let script = live.file(&name);
            out.write(&format!("search/{lang}/{name}"), script.as_bytes(), diags);
        }
        true
    }

    fn page_entry<'p>(&self, p: &'p crate::model::Page, lang: &Lang, dir: &str) -> Entry<'p> {
        Entry {
            title: p.title.clone(),
            href: self.urls.relative(dir, &Urls::page_path(lang, p.slug())),
            section: format!("section-{}", p.section),
            headings: p
                .parsed
                .toc
                .iter()
                .map(|t| Cow::Borrowed(t.text.as_str()))
                .chain(p.parsed.h1.as_deref().map(Cow::Borrowed))
                // The summary counts as a heading: it names what the page is about.
                .chain(p.description.as_deref().map(Cow::Borrowed))
                .collect(),
            body: Body::Html(&p.parsed.html),
            originals: p.parsed.originals.iter().map(|o| o.text.as_str()).collect(),
        }
    }

    /// What the index holds of a language: its pages, then the tree's outcomes.
    fn search_entries<'s>(
        &self,
        site: &'s Site,
        tree: Option<&Tree>,
        lang: &'s Lang,
    ) -> Vec<Entry<'s>> {
        let dir = search_dir(lang);
        let mut entries: Vec<Entry> = site
            .pages_in(lang)
            .map(|p| self.page_entry(p, lang, &dir))
            .collect();
        if let Some(tree) = tree {
            entries.extend(tree.file.nodes.iter().filter_map(|n| {
                let o = n.outcome.as_ref()?;
                let text = |k: &str| self.i18n.label(lang, k);
                Some(Entry {
                    title: text(&o.title),
                    href: self
                        .urls
                        .relative(&dir, &format!("{}{}/", super::tree::tree_dir(lang), n.id)),
                    section: "who-title".into(),
                    headings: vec![Cow::Owned(text(o.handler.key()))],
                    body: Body::Text(
                        std::iter::once(text(&o.summary))
                            .chain(o.steps.iter().map(|s| text(s)))
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                    originals: Vec::new(),
                })
            }));
        }
        entries
    }

    /// The search page: a search box for JavaScript, and an A–Z list of every page for
    /// readers without it.
    fn search_context(&self, site: &Site, lang: &Lang, dir: &str) -> tera::Context {
        let mut letters: BTreeMap<String, Vec<PageLink>> = BTreeMap::new();
        let own = site.pages_in(lang).map(|p| (p, false));
        let others = site
            .fallbacks
            .iter()
            .filter(|f| &f.lang == lang)
            .map(|f| (&site.pages[f.source], true));
        for (p, fallback) in own.chain(others).filter(|(p, _)| !p.slug().is_empty()) {
            let letter = p
                .title
                .chars()
                .find(|c| c.is_alphanumeric())
                .map_or("#".to_string(), |c| c.to_uppercase().collect());
            letters.entry(letter).or_default().push(PageLink {
                title: p.title.clone(),
                description: None,
                href: self.urls.relative(dir, &Urls::page_path(lang, p.slug())),
                lang: p.lang().to_string(),
                fallback,
            });
        }
        let letters: Vec<Letter> = letters
            .into_iter()
            .map(|(letter, mut pages)| {
                pages.sort_by_cached_key(|p| p.title.to_lowercase());
                Letter { letter, pages }
            })
            .collect();
        let switcher = self.switcher(lang, |l| (self.urls.relative(dir, &search_dir(l)), false));
        let mut common = self.common(
            lang,
            self.i18n.label(lang, "search-title"),
            dir,
            switcher,
            Vec::new(),
        );
        common.robots = Some("noindex");
        let mut ctx = self.context(&common);
        ctx.insert("letters", &letters);
        ctx.insert(
            "index_url",
            &format!("{}search/{lang}/", Urls::up_to_root(dir)),
        );
        ctx
    }
}
