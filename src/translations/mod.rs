//! How the translations of one page relate: which revision is newest, which are stale,
//! which language stands in for a missing one, and the status report for writers.

pub mod align;
pub mod reconstruct;

use std::collections::{BTreeMap, HashMap};

use crate::config::Config;
use crate::lang::Lang;
use crate::load::{Origin, SourcePage};
use crate::parse::ParsedPage;

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

/// Which pages (by index into `pages`) a stale side-by-side translation is compared with,
/// segment by segment: the pages whose parse must keep its English sentences. Known from
/// the front matter alone, so it is settled before anything is parsed.
pub fn compared_with(pages: &[&SourcePage]) -> Vec<bool> {
    let mut compared = vec![false; pages.len()];
    for (stale, newer) in staleness(pages) {
        // Only a translation with spans has English segments to compare.
        if pages[stale].has_side_by_side() {
            compared[newer] = true;
        }
    }
    compared
}

/// How a stale translation's English differs from the newest English of its page, segment by
/// segment.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Drift {
    /// Segments the translation has.
    pub total: usize,
    /// The translation's segments (index into its `segments`) whose English was rewritten,
    /// with the current English (markdown).
    pub changed: Vec<(usize, String)>,
    /// The translation's segments whose English is gone.
    pub removed: Vec<usize>,
    /// Current English passages the translation lacks.
    pub new: Vec<String>,
}

impl Drift {
    /// The revision differs but every segment's English is as it was.
    pub fn text_unchanged(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty() && self.new.is_empty()
    }
}

/// The newest English of a page, segment by segment: a translation's originals, or a
/// hand-written English page's sentences.
pub fn english_segments(parsed: &ParsedPage) -> Vec<&str> {
    if parsed.segments.is_empty() {
        parsed.sentences.iter().map(String::as_str).collect()
    } else {
        parsed.segments.iter().map(|s| s.english.as_str()).collect()
    }
}

/// Compares a stale translation's originals with the newest English. `None` when either
/// side has no segments to compare (a plain translation without spans).
pub fn drift(stale: &ParsedPage, newest: &[&str]) -> Option<Drift> {
    // Segments without English words (an empty original, a lone symbol) say nothing
    // about the English; a side with none at all cannot be compared.
    let (kept, old): (Vec<usize>, Vec<String>) = stale
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| (i, align::normalize(&s.english)))
        .filter(|(_, n)| !n.is_empty())
        .unzip();
    let (newest, new): (Vec<&str>, Vec<String>) = newest
        .iter()
        .map(|s| (*s, align::normalize(s)))
        .filter(|(_, n)| !n.is_empty())
        .unzip();
    if old.is_empty() || new.is_empty() {
        return None;
    }
    let mut d = Drift {
        total: stale.segments.len(),
        ..Drift::default()
    };
    let steps = align::align(&old, &new);
    for (n, step) in steps.iter().enumerate() {
        match *step {
            align::Step::Same { .. } => {}
            align::Step::Changed { old, new } => {
                d.changed.push((kept[old], newest[new].to_string()))
            }
            align::Step::Removed { old: o } => {
                // A segment whose words now stand in a rewritten neighbour (a list item
                // joined to its heading line) was merged, not removed.
                let near = &steps[n.saturating_sub(2)..(n + 3).min(steps.len())];
                let merged = near.iter().any(|s| match *s {
                    align::Step::Changed { new: j, .. } => {
                        format!(" {} ", new[j]).contains(&format!(" {} ", old[o]))
                    }
                    _ => false,
                });
                if !merged {
                    d.removed.push(kept[o]);
                }
            }
            align::Step::New { new } => d.new.push(newest[new].to_string()),
        }
    }
    Some(d)
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
