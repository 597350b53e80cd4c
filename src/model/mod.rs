//! Stage 3, the site model: pages by slug × language, and what each page's template needs to
//! know about its translations and neighbours.

pub mod sections;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::Config;
use crate::lang::Lang;
use crate::load::{Origin, Slug, SourcePage};
use crate::parse::ParsedPage;

pub struct Page {
    pub source: SourcePage,
    pub parsed: ParsedPage,
    pub title: String,
    pub description: Option<String>,
    pub section: String,
    /// The page (index into `Site::pages`) made from a newer English revision than this one.
    pub newer: Option<usize>,
    /// For a stale side-by-side translation: which segments' English changed since.
    pub drift: Option<crate::translations::Drift>,
    /// Translation-QA findings on this page, by rule id (filled in by the QA stage, which
    /// runs after the model is built).
    pub qa: BTreeMap<&'static str, usize>,
}

impl Page {
    /// Readers should be told this translation is out of date: it is stale, and its English
    /// segments (when it has them) really differ from the newest English.
    pub fn outdated(&self) -> bool {
        self.newer.is_some() && !self.drift.as_ref().is_some_and(|d| d.text_unchanged())
    }
}

/// A page missing in `lang`, shown there from another language's page.
pub struct Fallback {
    pub lang: Lang,
    /// Index into `Site::pages` of the page shown.
    pub source: usize,
    /// The shown page parsed again so its links lead to the reader's language.
    pub parsed: ParsedPage,
}

impl Page {
    pub fn lang(&self) -> &Lang {
        &self.source.lang
    }

    pub fn slug(&self) -> &str {
        &self.source.slug
    }

    pub fn reading_minutes(&self, words_per_minute: u32) -> usize {
        self.parsed.words.div_ceil(words_per_minute as usize).max(1)
    }
}

/// A page's title: its front matter's, else its first heading, else its slug's last part.
pub fn title(source: &SourcePage, parsed: &ParsedPage) -> String {
    source
        .front
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| parsed.h1.clone())
        .unwrap_or_else(|| {
            source
                .slug
                .rsplit('/')
                .next()
                .unwrap_or("")
                .replace('-', " ")
        })
}

/// A page's description, from its front matter; a rebuilt English page has only its first
/// heading to describe it.
pub fn description(source: &SourcePage, parsed: &ParsedPage) -> Option<String> {
    source
        .front
        .description
        .clone()
        .or_else(|| match source.origin {
            Origin::Reconstructed { .. } => parsed.h1.clone(),
            Origin::Written => None,
        })
}

pub struct Site {
    pub pages: Vec<Page>,
    /// slug → language → index into `pages`.
    pub translations: BTreeMap<Slug, BTreeMap<Lang, usize>>,
    pub fallbacks: Vec<Fallback>,
}

impl Site {
    pub fn new(config: &Config, pages: Vec<(SourcePage, ParsedPage)>) -> Site {
        let sections = sections::Sections::new(&config.sections);
        let mut pages: Vec<Page> = pages
            .into_par_iter()
            .map(|(source, parsed)| {
                let title = title(&source, &parsed);
                let section = sections.classify(&source).to_string();
                let description = description(&source, &parsed);
                Page {
                    source,
                    parsed,
                    title,
                    description,
                    section,
                    newer: None,
                    drift: None,
                    qa: Default::default(),
                }
            })
            .collect();
        pages.par_sort_by(|a, b| (a.lang(), a.slug()).cmp(&(b.lang(), b.slug())));
        let sources: Vec<&SourcePage> = pages.iter().map(|p| &p.source).collect();
        let stale = crate::translations::staleness(&sources);
        let drifts: Vec<(usize, usize, Option<crate::translations::Drift>)> = stale
            .into_par_iter()
            .map(|(stale, newer)| {
                let newest = crate::translations::english_segments(&pages[newer].parsed);
                let drift = crate::translations::drift(&pages[stale].parsed, &newest);
                (stale, newer, drift)
            })
            .collect();
        for (stale, newer, drift) in drifts {
            pages[stale].newer = Some(newer);
            pages[stale].drift = drift;
        }
        let mut translations: BTreeMap<Slug, BTreeMap<Lang, usize>> = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            translations
                .entry(p.source.slug.clone())
                .or_default()
                .insert(p.lang().clone(), i);
        }
        Site {
            pages,
            translations,
            fallbacks: Vec::new(),
        }
    }

    /// The fallback shown for `slug` in `lang`, if the page is missing there.
    pub fn fallback(&self, slug: &str, lang: &Lang) -> Option<&Fallback> {
        self.fallbacks
            .iter()
            .find(|f| &f.lang == lang && self.pages[f.source].slug() == slug)
    }

    /// This page in another language, if it was translated.
    pub fn translation(&self, slug: &str, lang: &Lang) -> Option<&Page> {
        self.translations
            .get(slug)?
            .get(lang)
            .map(|&i| &self.pages[i])
    }

    pub fn pages_in<'a>(&'a self, lang: &'a Lang) -> impl Iterator<Item = &'a Page> + 'a {
        self.pages.iter().filter(move |p| p.lang() == lang)
    }
}
