//! Per-language glossaries: `glossary/<lang>.yaml` maps an English term to the translation
//! it must get, or to `keep` for names that stay in English.
//!
//! ```yaml
//! Partner Center: keep
//! subscription: abonnement
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use super::{Finding, Pair, Rule};
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::lang::Lang;

/// One language's terms: English (lowercased), and the form the translation must hold
/// (lowercased; the term itself for `keep`).
#[derive(Debug, Default, Clone)]
pub struct Glossary {
    pub terms: Vec<(String, String, bool)>,
}

impl Glossary {
    /// Builds a glossary from `term → translation or keep` entries.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Glossary {
        let terms = entries
            .into_iter()
            .filter(|(en, _)| !en.trim().is_empty())
            .map(|(en, to)| {
                let keep = to.trim() == "keep";
                let required = if keep { en } else { to };
                (
                    en.trim().to_lowercase(),
                    required.trim().to_lowercase(),
                    keep,
                )
            })
            .collect();
        Glossary { terms }
    }
}

/// The glossaries in `<root>/glossary/`, by language. A file that cannot be read is
/// reported at its line and column and left out.
pub fn load(root: &Path, languages: &[Lang], diags: &Diagnostics) -> BTreeMap<Lang, Glossary> {
    let mut out = BTreeMap::new();
    for lang in languages {
        let rel = format!("glossary/{lang}.yaml");
        let Ok(text) = std::fs::read_to_string(root.join(&rel)) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match serde_yaml::from_str::<BTreeMap<String, String>>(&text) {
            Ok(map) => {
                out.insert(
                    lang.clone(),
                    Glossary::new(map.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
                );
            }
            Err(e) => {
                let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                diags.push(
                    Diagnostic::error(
                        Kind::Config,
                        Some(Location::new(&rel, line, column)),
                        format!(
                            "glossary: {}",
                            crate::config::strip_yaml_position(&e.to_string())
                        ),
                    )
                    .with_hint("write one `English term: translation` (or `: keep`) per line"),
                );
            }
        }
    }
    out
}

/// Whether `needle` occurs in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let at = from + p;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = at + needle.len().max(1);
    }
    false
}

pub fn check(pair: &Pair, glossary: &Glossary) -> Vec<Finding> {
    if glossary.terms.is_empty() {
        return Vec::new();
    }
    let en = pair.english.to_lowercase();
    let lo = pair.local.to_lowercase();
    glossary
        .terms
        .iter()
        // The required form may be a stem (`abonnement` for `abonnementen`): a prefix match.
        .filter(|(term, required, _)| has_words(&en, term) && !lo.contains(required.as_str()))
        .map(|(term, required, keep)| Finding {
            rule: Rule::Glossary,
            reason: if *keep {
                format!("glossary: `{term}` must stay in English")
            } else {
                format!("glossary: `{term}` must be translated as `{required}`")
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real segments from the seeds and ../shared/corpus.
    #[test]
    fn kept_names_and_required_translations() {
        let g = Glossary::new([("Partner Center", "keep"), ("subscriptions", "abonnement")]);
        let en = "Partner Center for Microsoft Cloud for US Government";
        let f = check(
            &Pair::new(en, "Partnercentrum voor Microsoft Cloud for US Government"),
            &g,
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].reason.contains("must stay in English"));
        let en =
            "The Partner Center software and license key fulfillment capability will be retired.";
        let lo = "De Partner Center software- en licentiesleutelafhandelingsmogelijkheid wordt ingetrokken.";
        assert!(check(&Pair::new(en, lo), &g).is_empty());
        let en = "Customers cannot change their own subscriptions directly with Microsoft.";
        let lo = "Klanten kunnen hun eigen abonnementen niet rechtstreeks wijzigen met Microsoft.";
        assert!(
            check(&Pair::new(en, lo), &g).is_empty(),
            "a stem matches inflected forms"
        );
        let lo =
            "Klanten kunnen hun eigen inschrijvingen niet rechtstreeks wijzigen met Microsoft.";
        assert_eq!(check(&Pair::new(en, lo), &g).len(), 1);
        // Whole words only: "subscriptionsX" is not the term.
        assert!(check(&Pair::new("mysubscriptions", "x"), &g).is_empty());
    }
}
