//! How the translations of one page relate: which revision is newest, which are stale,
//! which language stands in for a missing one, and the status report for writers.

pub mod align;
pub mod reconstruct;

use std::collections::{BTreeMap, HashMap};

use crate::config::Config;
use crate::lang::Lang;
use crate::load::{Origin, SourcePage};

/// For each page (by index into `pages`), the index of the page made from a newer English
/// revision, when it was made from an older one.
///
/// The newest revision is the hand-written English page's own `ms.openlocfilehash` when it
/// has one, else the hash of the translation delivered last (`ms.lasthandoff`).
pub fn staleness(pages: &[&SourcePage]) -> BTreeMap<usize, usize> {
    let mut by_slug: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        by_slug.entry(p.slug.as_str()).or_default().push(i);
    }
    let mut stale = BTreeMap::new();
    for group in by_slug.values() {
        let hashed: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| pages[i].front.source_hash.is_some() && pages[i].origin == Origin::Written)
            .collect();
        let english = hashed
            .iter()
            .copied()
            .find(|&i| pages[i].lang.as_str() == "en");
        let newest = english.or_else(|| {
            hashed
                .iter()
                .copied()
                .max_by_key(|&i| pages[i].front.last_handoff)
        });
        let Some(newest) = newest else { continue };
        let newest_hash = &pages[newest].front.source_hash;
        for &i in &hashed {
            if &pages[i].front.source_hash != newest_hash {
                stale.insert(i, newest);
            }
        }
    }
    stale
}

/// The languages to show, in order, when a page is missing in `lang`.
pub fn fallback_order(config: &Config, lang: &Lang) -> Vec<Lang> {
    if let Some(order) = config.fallbacks.get(lang) {
        return order.clone();
    }
    let mut order = vec![config.default_language.clone()];
    if let Some(en) = config.lang("en") {
        order.push(en.clone());
    }
    order.extend(config.languages.iter().cloned());
    let mut seen = Vec::new();
    order.retain(|l| {
        l != lang && !seen.contains(l) && {
            seen.push(l.clone());
            true
        }
    });
    order
}

/// For each page (language, slug), the languages that are missing it and show it instead.
pub fn fallback_plan(config: &Config, pages: &[SourcePage]) -> HashMap<(Lang, String), Vec<Lang>> {
    let mut available: BTreeMap<&str, Vec<&Lang>> = BTreeMap::new();
    for p in pages {
        available.entry(p.slug.as_str()).or_default().push(&p.lang);
    }
    let mut plan: HashMap<(Lang, String), Vec<Lang>> = HashMap::new();
    for (slug, langs) in available {
        for lang in &config.languages {
            if langs.contains(&lang) {
                continue;
            }
            if let Some(from) = fallback_for(config, lang, langs.iter().copied()) {
                plan.entry((from, slug.to_string()))
                    .or_default()
                    .push(lang.clone());
            }
        }
    }
    plan
}

/// The language whose page a reader of `lang` sees when `slug` is missing there.
pub fn fallback_for<'a>(
    config: &Config,
    lang: &Lang,
    available: impl Iterator<Item = &'a Lang> + Clone,
) -> Option<Lang> {
    fallback_order(config, lang)
        .into_iter()
        .find(|l| available.clone().any(|a| a == l))
        .or_else(|| available.clone().next().cloned())
}
