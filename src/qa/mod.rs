//! Translation QA: what machine translation broke, segment by segment.
//!
//! Every side-by-side pair (a translated segment and its English original) is checked the
//! way translation-QA tools check a bilingual file: numbers, inline code, link targets,
//! placeholders and `:::no-loc` text must come through unchanged, bold UI labels must keep
//! their count, a long segment must not be left in English or emptied, and glossary terms
//! must be translated as the language's glossary says. Findings are diagnostics at the
//! translated segment's file:line:col, each with the rule that found it.
//!
//! Runs after the model is built (it needs every page's segments) and before rendering (the
//! status report shows the counts).

pub mod glossary;
pub mod markup;
pub mod numbers;
pub mod text;
pub mod tokens;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{Config, QaConfig, QaLevel};
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::load::Origin;
use crate::model::Site;
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
    let results: Vec<(usize, Counts, Vec<Diagnostic>)> = site
        .pages
        .par_iter()
        .enumerate()
        .filter(|(_, p)| p.source.origin == Origin::Written && !p.parsed.segments.is_empty())
        .map(|(i, page)| {
            let terms = glossaries.get(page.lang()).unwrap_or(&empty);
            let mut counts = Counts::new();
            let mut found = Vec::new();
            for seg in &page.parsed.segments {
                let pair = Pair::new(&seg.english, &seg.local);
                for f in check_pair(&pair, terms) {
                    let level = f.rule.level(qa);
                    if level == QaLevel::Off {
                        continue;
                    }
                    *counts.entry(f.rule.id()).or_default() += 1;
                    let at =
                        Location::new(&page.source.path, seg.line as usize, seg.column as usize);
                    found.push(diagnostic(level, at, &f, &pair));
                }
            }
            (i, counts, found)
        })
        .collect();
    for (i, counts, found) in results {
        site.pages[i].qa = counts;
        for d in found {
            diags.push(d);
        }
    }
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
