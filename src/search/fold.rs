//! Folding text for search: lowercase, Latin diacritics removed (`zażółć` → `zazolc`),
//! `ё` → `е`. One character in, one character out, so positions in the folded text are
//! positions in the original (the browser relies on that to highlight matches). The browser
//! folds the same way (`static/search.js`); a test runs both on the same words.

use unicode_normalization::char::decompose_canonical;

pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'ł' => 'l',
        'đ' => 'd',
        'ø' => 'o',
        'ß' => 's',
        'ё' => 'е',
        // Other Cyrillic letters keep their marks: й is not и.
        c if ('\u{0400}'..='\u{04FF}').contains(&c) => c,
        c if c.is_ascii() => c,
        c => {
            let mut base = c;
            let mut first = true;
            decompose_canonical(c, |d| {
                if first {
                    base = d;
                    first = false;
                }
            });
            base
        }
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Words of a text, folded: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(fold("Zażółć GĘŚLĄ jaźń"), "zazolc gesla jazn");
        assert_eq!(fold("Ещё Йод"), "еще йод");
        assert_eq!(fold("Één coöperatie"), "een cooperatie");
        assert_eq!(fold("zażółć").chars().count(), "zażółć".chars().count());
    }
}
