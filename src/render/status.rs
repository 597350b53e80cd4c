//! The translation status report: pages × languages, and UI string coverage.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::i18n::I18n;
use crate::load::{Origin, TranslationType};
use crate::model::Site;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Written by people (`ms.translationtype: HT`, or no marker).
    Human,
    /// Machine translated (`ms.translationtype: MT`).
    Machine,
    /// English rebuilt from a translation's side-by-side originals.
    Reconstructed,
    /// Missing; another language's page is shown.
    Fallback,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub state: State,
    /// Made from an older English revision than another translation.
    pub stale: bool,
    /// For fallbacks and reconstructed pages: the language the text comes from.
    pub from: Option<String>,
    /// Site path of the page.
    pub path: String,
    /// For a stale side-by-side translation: its segments against the newest English.
    pub segments: Option<Segments>,
    /// Translation-QA findings on the page, by rule id.
    pub qa: BTreeMap<&'static str, usize>,
    /// All translation-QA findings on the page.
    pub qa_total: usize,
}

/// A stale translation's segments: how many it has, and how many changed in English, are
/// new there, or were removed.
#[derive(Debug, Serialize)]
pub struct Segments {
    pub total: usize,
    pub changed: usize,
    pub new: usize,
    pub removed: usize,
    /// The revision differs but no segment's English does.
    pub text_unchanged: bool,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub slug: String,
    pub title: String,
    pub cells: BTreeMap<String, Cell>,
}

#[derive(Debug, Default, Serialize)]
pub struct Totals {
    pub human: usize,
    pub machine: usize,
    pub reconstructed: usize,
    pub fallback: usize,
    pub stale: usize,
    /// Translation-QA findings in the language, by rule id.
    pub qa: BTreeMap<&'static str, usize>,
    pub qa_total: usize,
}

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub messages: usize,
    pub missing: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub languages: Vec<String>,
    pub rows: Vec<Row>,
    pub totals: BTreeMap<String, Totals>,
    pub ui_strings: BTreeMap<String, Coverage>,
}

pub fn report(site: &Site, config: &Config, i18n: &I18n) -> Report {
    let mut totals: BTreeMap<String, Totals> = config
        .languages
        .iter()
        .map(|l| (l.to_string(), Totals::default()))
        .collect();
    let mut rows = Vec::new();
    for (slug, langs) in &site.translations {
        let mut cells = BTreeMap::new();
        let title_page = std::iter::once(&config.default_language)
            .chain(&config.languages)
            .find_map(|l| langs.get(l))
            .or_else(|| langs.values().next())
            .map(|&i| &site.pages[i]);
        for lang in &config.languages {
            let path = crate::urls::Urls::page_path(lang, slug);
            let cell = if let Some(&i) = langs.get(lang) {
                let p = &site.pages[i];
                let (state, from) = match &p.source.origin {
                    Origin::Reconstructed { from } => {
                        (State::Reconstructed, Some(from.to_string()))
                    }
                    Origin::Written
                        if p.source.front.translation_type == Some(TranslationType::Machine) =>
                    {
                        (State::Machine, None)
                    }
                    Origin::Written => (State::Human, None),
                };
                Cell {
                    state,
                    stale: p.outdated(),
                    from,
                    path,
                    segments: p.drift.as_ref().map(|d| Segments {
                        total: d.total,
                        changed: d.changed.len(),
                        new: d.new.len(),
                        removed: d.removed.len(),
                        text_unchanged: d.text_unchanged(),
                    }),
                    qa: p.qa.clone(),
                    qa_total: p.qa.values().sum(),
                }
            } else if let Some(f) = site.fallback(slug, lang) {
                Cell {
                    state: State::Fallback,
                    stale: false,
                    from: Some(site.pages[f.source].lang().to_string()),
                    path,
                    segments: None,
                    qa: BTreeMap::new(),
                    qa_total: 0,
                }
            } else {
                continue;
            };
            let t = totals.entry(lang.to_string()).or_default();
            match cell.state {
                State::Human => t.human += 1,
                State::Machine => t.machine += 1,
                State::Reconstructed => t.reconstructed += 1,
                State::Fallback => t.fallback += 1,
            }
            t.stale += usize::from(cell.stale);
            for (rule, n) in &cell.qa {
                *t.qa.entry(rule).or_default() += n;
            }
            t.qa_total += cell.qa_total;
            cells.insert(lang.to_string(), cell);
        }
        rows.push(Row {
            slug: slug.clone(),
            title: title_page.map(|p| p.title.clone()).unwrap_or_default(),
            cells,
        });
    }
    let ui_strings = config
        .languages
        .iter()
        .map(|l| {
            let messages = i18n.ids().get(l).map_or(0, |ids| ids.len());
            (
                l.to_string(),
                Coverage {
                    messages,
                    missing: i18n.missing_in(l),
                },
            )
        })
        .collect();
    Report {
        languages: config.languages.iter().map(ToString::to_string).collect(),
        rows,
        totals,
        ui_strings,
    }
}
