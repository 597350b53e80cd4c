//! Translation QA: what machine translation broke, segment by segment.
//!
//! Every side-by-side pair (a translated segment and its English original) is checked the
//! way translation-QA tools check a bilingual file: numbers, inline code, link targets,
//! placeholders and `:::no-loc` text must come through unchanged, bold UI labels must keep
//! their count, a long segment must not be left in English or emptied, and glossary terms
//! must be translated as the language's glossary says. Findings are diagnostics at the
//! translated segment's file:line:col, each with the rule that found it.
//!
//! A plain translation (no spans) is checked the same way block by block, against the English
//! it was made from, when its blocks line up with the English page's ([`blocks`]).
//!
//! Runs after the model is built (it needs every page's segments) and before rendering (the
//! status report shows the counts).

pub mod blocks;
pub mod glossary;
pub mod markup;
pub mod numbers;
pub mod text;
pub mod tokens;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{Config, QaConfig, QaLevel};
use crate::diag::{Diagnostic, Diagnostics, Kind, LineIndex, Location};
use crate::lang::Lang;
use crate::load::{Origin, SourcePage};
use crate::model::{Page, Site};
use glossary::Glossary;
use tokens::Tokens;

pub use crate::diag::Rule;

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Numbers,
        Rule::Code,
        Rule::Urls,
        Rule::Placeholders,
        Rule::NoLoc,
        Rule::Bold,
        Rule::Untranslated,
        Rule::Empty,
        Rule::Glossary,
    ];

    fn level(self, qa: &QaConfig) -> QaLevel {
        let set = match self {
            Rule::Numbers => qa.numbers,
            Rule::Code => qa.code,
            Rule::Urls => qa.urls,
            Rule::Placeholders => qa.placeholders,
            Rule::NoLoc => qa.no_loc,
            Rule::Bold => qa.bold,
            Rule::Untranslated => qa.untranslated,
            Rule::Empty => qa.empty,
            Rule::Glossary => qa.glossary,
        };
        set.unwrap_or(QaLevel::Warning)
    }
}

/// One problem in one segment pair: which rule, and why, in a few words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub reason: String,
}

/// A translated segment and its English original, each read into its pieces once.
pub struct Pair<'a> {
    pub english: &'a str,
    pub local: &'a str,
    pub en: Tokens,
    pub lo: Tokens,
}

impl<'a> Pair<'a> {
    pub fn new(english: &'a str, local: &'a str) -> Pair<'a> {
        Pair {
            english,
            local,
            en: tokens::tokens(english),
            lo: tokens::tokens(local),
        }
    }
}

/// Every rule's findings on one pair. `terms` is the translation language's glossary.
pub fn check_pair(pair: &Pair, terms: &Glossary) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(f) = text::empty(pair) {
        // An empty translation has nothing else worth reporting.
        out.push(f);
        return out;
    }
    out.extend(text::untranslated(pair));
    out.extend(numbers::check(pair));
    out.extend(markup::code(pair));
    out.extend(markup::urls(pair));
    out.extend(markup::placeholders(pair));
    out.extend(markup::no_loc(pair));
    out.extend(markup::bold(pair));
    out.extend(glossary::check(pair, terms));
    out
}

/// Finding counts of one page, by rule id.
pub type Counts = BTreeMap<&'static str, usize>;

/// Runs every rule that is on over every translated page's segments; findings go to `diags`,
/// counts into each page's `qa`.
pub fn run(site: &mut Site, config: &Config, diags: &Diagnostics) {
    let qa = &config.qa;
    if qa.enabled == Some(false) {
        return;
    }
    let glossaries = glossary::load(&config.root, &config.languages, diags);
    let empty = Glossary::default();
    let en = config.lang("en");
    let results: Vec<(usize, Counts, Vec<Diagnostic>)> = site
        .pages
        .par_iter()
        .enumerate()
        .filter(|(_, p)| p.source.origin == Origin::Written && Some(p.lang()) != en)
        .filter_map(|(i, page)| {
            let terms = glossaries.get(page.lang()).unwrap_or(&empty);
            let mut counts = Counts::new();
            let mut found = Vec::new();
            let mut report = |f: Finding, pair: &Pair, at: &dyn Fn() -> Location| {
                let level = f.rule.level(qa);
                if level != QaLevel::Off {
                    *counts.entry(f.rule.id()).or_default() += 1;
                    found.push(diagnostic(level, at(), &f, pair));
                }
            };
            if !page.parsed.segments.is_empty() {
                for seg in &page.parsed.segments {
                    let pair = Pair::new(&seg.english, &seg.local);
                    for f in check_pair(&pair, terms) {
                        let at = || {
                            Location::new(&page.source.path, seg.line as usize, seg.column as usize)
                        };
                        report(f, &pair, &at);
                    }
                }
            } else {
                let english = en.and_then(|en| english_of(site, i, en))?;
                let body = page.source.body();
                let (en_blocks, lo_blocks) = (blocks::blocks(&english), blocks::blocks(body));
                let lines = LineIndex::new(&page.source.text);
                let at_offset = |offset: usize| {
                    lines.location(
                        &page.source.path,
                        &page.source.text,
                        page.source.body_offset + offset,
                    )
                };
                if let Some(k) = blocks::first_difference(&en_blocks, &lo_blocks) {
                    found.push(unaligned(page, &en_blocks, &lo_blocks, k, at_offset));
                    return Some((i, counts, found));
                }
                for (e, l) in en_blocks.iter().zip(&lo_blocks) {
                    // Code blocks only line the pages up: translated comments in code are
                    // localization, and the code itself is not checked word by word.
                    if e.kind == blocks::Kind::Code {
                        continue;
                    }
                    let pair = Pair::new(&english[e.range.clone()], &body[l.range.clone()]);
                    for f in check_pair(&pair, terms) {
                        report(f, &pair, &|| at_offset(l.range.start));
                    }
                }
            }
            Some((i, counts, found))
        })
        .collect();
    for (i, counts, found) in results {
        site.pages[i].qa = counts;
        for d in found {
            diags.push(d);
        }
    }
}

/// Which pages' markdown the QA stage reads after parsing, one flag per page: the plain
/// translations it checks block by block, and the side-by-side translations of the same slug
/// their English is rebuilt from. A one-shot build frees every other
/// page's markdown as soon as the page is parsed.
pub fn texts_needed(pages: &[SourcePage], config: &Config) -> Vec<bool> {
    let mut keep = vec![false; pages.len()];
    let Some(en) = config
        .lang("en")
        .filter(|_| config.qa.enabled != Some(false))
    else {
        return keep;
    };
    let mut by_slug: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        by_slug.entry(p.slug.as_str()).or_default().push(i);
    }
    for group in by_slug.values().filter(|g| g.len() > 1) {
        let sxs: Vec<bool> = group.iter().map(|&i| pages[i].has_side_by_side()).collect();
        let plain = group.iter().zip(&sxs).any(|(&i, &sxs)| {
            let p = &pages[i];
            p.origin == Origin::Written && p.lang != *en && !sxs
        });
        let english = sxs.iter().any(|&sxs| sxs);
        if plain && english {
            for &i in group {
                keep[i] = true;
            }
        }
    }
    keep
}

/// The English a plain translation (page `i`) was made from, as markdown: the English rebuilt
/// from a side-by-side translation of the same English revision (same `ms.openlocfilehash`).
/// `None` when there is none. The hand-written English page is not used: comparing with it
/// means parsing both pages again, which cost 1.4× the build on a site of English pages and
/// plain translations; that waits until the parse records each block's range.
fn english_of(site: &Site, i: usize, en: &Lang) -> Option<String> {
    let page = &site.pages[i].source;
    if page.has_side_by_side() {
        // Spans the parser could not pair: the page is neither plain nor checkable by segment.
        return None;
    }
    let langs = site.translations.get(&page.slug)?;
    let hash = page.front.source_hash.as_deref()?;
    let same_revision = langs
        .iter()
        .map(|(_, &j)| &site.pages[j].source)
        .find(|q| {
            q.lang != *en && q.front.source_hash.as_deref() == Some(hash) && q.has_side_by_side()
        })?;
    Some(crate::translations::reconstruct::english_text(
        same_revision.body(),
    ))
}

/// The one note for a plain translation whose blocks do not line up with the English: where
/// they first part, so a lost or added block can be found.
fn unaligned(
    page: &Page,
    english: &[blocks::Block],
    local: &[blocks::Block],
    k: usize,
    at_offset: impl Fn(usize) -> Location,
) -> Diagnostic {
    let what = |b: Option<&blocks::Block>| b.map_or("nothing more", |b| b.kind.name());
    let at = local
        .get(k)
        .or(local.last())
        .map_or_else(|| at_offset(0), |b| at_offset(b.range.start));
    Diagnostic::note(
        Kind::TranslationQa,
        Some(at),
        format!(
            "translation QA skipped this page: its blocks do not line up with the English ({} blocks here, {} in English; block {} is a {} here, a {} in English)",
            local.len(),
            english.len(),
            k + 1,
            what(local.get(k)),
            what(english.get(k)),
        ),
    )
    .with_hint(format!(
        "a block of the English may be missing or split in this translation ({}); QA pairs blocks only when both pages have the same headings, paragraphs, list items, table cells and code blocks in the same order",
        page.source.slug
    ))
}

fn diagnostic(level: QaLevel, at: Location, f: &Finding, pair: &Pair) -> Diagnostic {
    let message = format!(
        "{}: English \"{}\", translation \"{}\"",
        f.reason,
        short(pair.english),
        short(pair.local)
    );
    let d = match level {
        QaLevel::Error => Diagnostic::error(Kind::TranslationQa, Some(at), message),
        QaLevel::Note => Diagnostic::note(Kind::TranslationQa, Some(at), message),
        _ => Diagnostic::warning(Kind::TranslationQa, Some(at), message),
    };
    d.with_rule(f.rule).with_hint(format!(
        "fix the translation, or turn the rule off with `qa: {{ {}: off }}` in site.yaml",
        f.rule.id()
    ))
}

/// A segment for a one-line message: at most 120 characters, on one line.
fn short(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// Joins the items of a list for a reason: `` `a`, `b` ``.
fn listed(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Items of `a` that `b` lacks, counting repeats.
fn missing<'s>(a: &'s [String], b: &[String]) -> Vec<&'s str> {
    let mut left: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for x in a {
        match left.iter().position(|y| *y == x) {
            Some(p) => {
                left.swap_remove(p);
            }
            None => out.push(x.as_str()),
        }
    }
    out
}
