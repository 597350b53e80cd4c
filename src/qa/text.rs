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
fn words(prose: &str) -> impl Iterator<Item = &str> {
    prose
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        })
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

pub fn empty(pair: &Pair) -> Option<Finding> {
    // The translation first: it is almost never empty, and the check is cheap.
    let local_empty = pair.local.trim().is_empty();
    (local_empty && pair.en.prose.chars().any(char::is_alphabetic)).then(|| Finding {
        rule: Rule::Empty,
        reason: "empty translation".into(),
    })
}

pub fn untranslated(pair: &Pair) -> Option<Finding> {
    // Word by word, stopping at the first difference: a translated segment differs in its
    // first words, so this reads a word or two of most segments rather than all of both.
    let (mut en, mut lo) = (words(&pair.en.prose), words(&pair.lo.prose));
    let (mut count, mut small) = (0, 0);
    loop {
        match (en.next(), lo.next()) {
            (None, None) => break,
            (Some(a), Some(b)) if same_ignoring_case(a, b) => {
                count += 1;
                let sentence_word =
                    a.chars().count() >= 4 && a.chars().next().is_some_and(char::is_lowercase);
                small += usize::from(sentence_word);
            }
            _ => return None,
        }
    }
    (count >= MIN_WORDS && small >= MIN_SMALL_WORDS).then(|| Finding {
        rule: Rule::Untranslated,
        reason: format!("left in English ({count} words, identical to the original)"),
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
