//! Segments machine translation left alone: emptied, or still in English.

use super::{Finding, Pair, Rule};

/// Fewest words an English segment needs before an identical translation counts as left
/// untranslated; shorter ones are often names that stay as they are.
const MIN_WORDS: usize = 5;
/// Fewest words of four letters or more starting with a small letter: a sentence has them;
/// a product name ("Microsoft 365 A5 eDiscovery and Audit for faculty") has few.
const MIN_SMALL_WORDS: usize = 3;

/// The words of a text: whitespace-separated tokens made of letters (with inner hyphens or
/// apostrophes) once punctuation around them is trimmed. Ids, paths and codes are not words.
fn words(prose: &str) -> Vec<&str> {
    prose
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        })
        .collect()
}

pub fn empty(pair: &Pair) -> Option<Finding> {
    let english_has_words = pair.en.prose.chars().any(char::is_alphabetic);
    let local_empty = pair.local.trim().is_empty();
    (english_has_words && local_empty).then(|| Finding {
        rule: Rule::Empty,
        reason: "empty translation".into(),
    })
}

pub fn untranslated(pair: &Pair) -> Option<Finding> {
    let en = words(&pair.en.prose);
    let small = en
        .iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if en.len() < MIN_WORDS || small < MIN_SMALL_WORDS {
        return None;
    }
    let lo = words(&pair.lo.prose);
    let same = lo.len() == en.len()
        && lo
            .iter()
            .zip(&en)
            .all(|(a, b)| a.to_lowercase() == b.to_lowercase());
    same.then(|| Finding {
        rule: Rule::Untranslated,
        reason: format!(
            "left in English ({} words, identical to the original)",
            en.len()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real segments from ../shared/corpus.
    #[test]
    fn untranslated() {
        let s = "Extraneous data will cause the upload to fail.";
        assert!(super::untranslated(&Pair::new(s, s)).is_some());
        // Product names and ids stay as they are.
        let s = "Microsoft 365 A5 eDiscovery and Audit for faculty | 5d7c0030-c2e9-4a8c-bed3-5a6dbf1e4449";
        assert_eq!(super::untranslated(&Pair::new(s, s)), None);
        let s = "{baseURL}/v1/customers/{customer-tenant-id}/transfers";
        assert_eq!(super::untranslated(&Pair::new(s, s)), None);
    }

    #[test]
    fn empty() {
        let en = "Extraneous data will cause the upload to fail.";
        assert!(super::empty(&Pair::new(en, "  ")).is_some());
        assert_eq!(
            super::empty(&Pair::new(
                en,
                "Nadmiarowe dane spowodują niepowodzenie przekazywania."
            )),
            None
        );
        assert_eq!(super::empty(&Pair::new("", "")), None);
    }
}
