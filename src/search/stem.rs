//! Stemming for the search index. The build stems every word of the corpus with Snowball
//! (`pagefind_stem`: Dutch, Russian, Polish, English); the index then maps every folded word
//! form it saw to its stem, so the browser never stems a known word, it looks it up. For a
//! form the corpus never has (a query's own inflection, a half-typed word), both sides fall
//! back to a light suffix stripper whose tables travel inside each index, and match the forms
//! that begin with what is left.

use std::borrow::Cow;

use pagefind_stem::{Algorithm, Stemmer as Snowball};

use super::fold;

/// Endings (already folded), longest first, and the shortest stem left behind.
pub struct Light {
    pub suffixes: &'static [&'static str],
    pub min: usize,
    /// Stem alternations Snowball does not undo: (ending of the base form, what it becomes
    /// before an inflectional ending), folded. Polish and Russian drop a "mobile e" when the
    /// word is inflected (pl `lipiec` → `lipca`, `wniosek` → `wniosku`; ru `продавец` →
    /// `продавца`), so the two forms get different stems. A query word also matches the stem
    /// on the other side of such a pair, when the pages have it.
    pub alternations: &'static [(&'static str, &'static str)],
}

const EN: Light = Light {
    suffixes: &[
        "ational", "fulness", "ousness", "iveness", "ations", "ingly", "ation", "ments", "ness",
        "ings", "ment", "ies", "ied", "ing", "ers", "ed", "es", "er", "ly", "e", "s",
    ],
    min: 3,
    alternations: &[],
};

const NL: Light = Light {
    suffixes: &[
        "heden", "ingen", "elijk", "ende", "ing", "ens", "ers", "en", "es", "er", "e", "s",
    ],
    min: 3,
    alternations: &[],
};

const RU: Light = Light {
    suffixes: &[
        "ться", "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией",
        "ить", "ать", "ять", "еть", "уть", "ешь", "ишь", "ете", "ите", "ях", "ах", "ия", "ие",
        "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ом", "ем", "ам", "ям", "ов", "ев",
        "ую", "юю", "ть", "ет", "ют", "ит", "ят", "ут", "ся", "а", "я", "о", "е", "ы", "и", "у",
        "ю", "ь", "й",
    ],
    min: 3,
    // продавец/продавца, рынок/рынка, день/дня.
    alternations: &[("ец", "ц"), ("ок", "к"), ("ек", "к"), ("ень", "н")],
};

const PL: Light = Light {
    suffixes: &[
        "owania", "owanie", "owaniu", "owac", "ywac", "iwac", "ami", "ach", "owie", "owi", "ego",
        "emu", "ymi", "imi", "ych", "ich", "iej", "ow", "om", "em", "ie", "ia", "iu", "ac", "ic",
        "yc", "ec", "a", "e", "i", "y", "o", "u",
    ],
    min: 4,
    // lipiec/lipca, koniec/końca, wniosek/wniosku, sierpień/sierpnia, styczeń/stycznia.
    alternations: &[
        ("iec", "c"),
        ("ec", "c"),
        ("ek", "k"),
        ("ien", "n"),
        ("en", "n"),
    ],
};

/// The light suffix tables for a language code; languages without tables are only folded.
pub fn light(lang: &str) -> Light {
    match lang {
        "en" => EN,
        "nl" => NL,
        "ru" => RU,
        "pl" => PL,
        _ => Light {
            suffixes: &[],
            min: 1,
            alternations: &[],
        },
    }
}

/// A language's stemmer for index terms: Snowball where it has the language, else the light
/// tables.
pub struct Stemmer {
    snowball: Option<Snowball>,
    pub light: Light,
}

pub fn stemmer(lang: &str) -> Stemmer {
    let algorithm = match lang {
        "en" => Some(Algorithm::English),
        "nl" => Some(Algorithm::Dutch),
        "ru" => Some(Algorithm::Russian),
        "pl" => Some(Algorithm::Polish),
        _ => None,
    };
    Stemmer {
        snowball: algorithm.map(Snowball::create),
        light: light(lang),
    }
}

impl Stemmer {
    /// The index term of a lowercased (not folded) word: its stem, folded. Snowball wants
    /// the word with its diacritics (Polish endings carry them), and ё written as е, as the
    /// Russian pages write it.
    pub fn term(&self, lower: &str) -> String {
        let Some(snowball) = &self.snowball else {
            return self.light.stem(&fold::fold(lower));
        };
        let word: Cow<str> = if lower.contains('ё') {
            Cow::Owned(lower.replace('ё', "е"))
        } else {
            Cow::Borrowed(lower)
        };
        let stem = snowball.stem(&word);
        // Snowball can cut a short word to one letter (ru "ее" → "е"): such a stem would
        // match every word that begins with it, so the word stays whole.
        if stem.chars().nth(1).is_none() {
            return fold::fold(&word);
        }
        fold::fold(&stem)
    }
}

/// The other sides of the stem alternations (`Light::alternations`) a folded query word and
/// its stem can take part in: `lipiec` → `lipc`, and the stem `lipc` → `lipiec`, `lipec`.
/// Candidates only: the index keeps those its pages have. `search.js` has the same function.
pub fn alternates<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    word: &str,
    stem: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (base, inflected) in pairs {
        if let Some(rest) = word.strip_suffix(base) {
            out.push(format!("{rest}{inflected}"));
        }
        if let Some(rest) = stem.strip_suffix(inflected) {
            out.push(format!("{rest}{base}"));
        }
    }
    out.retain(|a| a.chars().count() >= 3 && a != word && a != stem);
    out
}

impl Light {
    /// Stems a folded word.
    pub fn stem(&self, word: &str) -> String {
        self.stem_str(word).to_string()
    }

    /// The stem as a prefix of the word.
    pub fn stem_str<'w>(&self, word: &'w str) -> &'w str {
        let Some(&last) = word.as_bytes().last() else {
            return word;
        };
        let len = word.chars().count();
        for suffix in self.suffixes {
            // Most endings fail on the last byte; checking it first keeps this cheap.
            if suffix.as_bytes().last() == Some(&last)
                && word.ends_with(suffix)
                && len - suffix.chars().count() >= self.min
            {
                return &word[..word.len() - suffix.len()];
            }
        }
        word
    }
}

#[cfg(test)]
mod tests {
    use super::stemmer;

    fn same(lang: &str, words: &[&str]) {
        let s = stemmer(lang);
        let stems: Vec<String> = words.iter().map(|w| s.term(&w.to_lowercase())).collect();
        assert!(
            stems.windows(2).all(|w| w[0] == w[1]),
            "{lang}: {words:?} → {stems:?}"
        );
    }

    /// Real inflected forms of the shared corpus (`../shared/corpus/<lang>/live`), each
    /// occurring there; `tests/site/search.rs` checks the same groups through a built index.
    #[test]
    fn inflected_forms_meet() {
        same("ru", &["германия", "германии"]);
        same("ru", &["подписка", "подписки", "подписку", "подпиской"]);
        same("ru", &["отчет", "отчеты", "отчета", "отчёт"]);
        same("ru", &["клиент", "клиента", "клиентов", "клиентам"]);
        same("ru", &["выплата", "выплаты", "выплат"]);
        same(
            "pl",
            &["subskrypcja", "subskrypcji", "subskrypcję", "subskrypcje"],
        );
        same("pl", &["płatność", "płatności"]);
        same("pl", &["klient", "klienta", "klientów", "klientem"]);
        same("pl", &["rezerwacja", "rezerwacji", "rezerwacje"]);
        same("pl", &["powiadomienia", "powiadomień"]);
        same("nl", &["abonnement", "abonnementen"]);
        same("nl", &["klant", "klanten"]);
        same("nl", &["reservering", "reserveringen"]);
        same("nl", &["rapport", "rapporten"]);
        same("en", &["subscription", "subscriptions"]);
        same("en", &["partner", "partners"]);
    }

    /// Mobile e: both directions, and nothing shorter than three letters.
    #[test]
    fn alternates_cover_the_mobile_e() {
        let pl = super::light("pl");
        let pairs = || pl.alternations.iter().copied();
        assert!(super::alternates(pairs(), "lipiec", "lipiec").contains(&"lipc".to_string()));
        assert!(super::alternates(pairs(), "lipca", "lipc").contains(&"lipiec".to_string()));
        assert!(super::alternates(pairs(), "wniosku", "wniosk").contains(&"wniosek".to_string()));
        assert!(!super::alternates(pairs(), "lek", "lek").contains(&"lk".to_string()));
        let ru = super::light("ru");
        let pairs = || ru.alternations.iter().copied();
        assert!(
            super::alternates(pairs(), "продавец", "продавец").contains(&"продавц".to_string())
        );
        assert!(super::light("nl").alternations.is_empty());
    }
}
