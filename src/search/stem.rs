//! A light stemmer: the longest known inflection ending is cut off, as long as enough of
//! the word is left. Snowball has no Polish, and Polish inflects heavily
//! (subskrypcja/subskrypcji/subskrypcję), so every language gets the same simple scheme;
//! its tables travel inside each search index, so the browser stems queries exactly as the
//! build stemmed the pages.

/// Endings (already folded), longest first, and the shortest stem left behind.
pub struct Stemmer {
    pub suffixes: &'static [&'static str],
    pub min: usize,
}

const EN: Stemmer = Stemmer {
    suffixes: &[
        "ational", "fulness", "ousness", "iveness", "ations", "ingly", "ation", "ments", "ness",
        "ings", "ment", "ies", "ied", "ing", "ers", "ed", "es", "er", "ly", "e", "s",
    ],
    min: 3,
};

const NL: Stemmer = Stemmer {
    suffixes: &[
        "heden", "ingen", "elijk", "ende", "ing", "ens", "ers", "en", "es", "er", "e", "s",
    ],
    min: 3,
};

const RU: Stemmer = Stemmer {
    suffixes: &[
        "ться", "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией",
        "ить", "ать", "ять", "еть", "уть", "ешь", "ишь", "ете", "ите", "ях", "ах", "ия", "ие",
        "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ом", "ем", "ам", "ям", "ов", "ев",
        "ую", "юю", "ть", "ет", "ют", "ит", "ят", "ут", "ся", "а", "я", "о", "е", "ы", "и", "у",
        "ю", "ь", "й",
    ],
    min: 3,
};

const PL: Stemmer = Stemmer {
    suffixes: &[
        "owania", "owanie", "owaniu", "owac", "ywac", "iwac", "ami", "ach", "owie", "owi", "ego",
        "emu", "ymi", "imi", "ych", "ich", "iej", "ow", "om", "em", "ie", "ia", "iu", "ac", "ic",
        "yc", "ec", "a", "e", "i", "y", "o", "u",
    ],
    min: 4,
};

/// The stemmer for a language code; languages without tables are only folded.
pub fn stemmer(lang: &str) -> Stemmer {
    match lang {
        "en" => EN,
        "nl" => NL,
        "ru" => RU,
        "pl" => PL,
        _ => Stemmer {
            suffixes: &[],
            min: 1,
        },
    }
}

impl Stemmer {
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
    use crate::search::fold::fold;

    fn same(lang: &str, words: &[&str]) {
        let s = stemmer(lang);
        let stems: Vec<String> = words.iter().map(|w| s.stem(&fold(w))).collect();
        assert!(
            stems.windows(2).all(|w| w[0] == w[1]),
            "{lang}: {words:?} → {stems:?}"
        );
    }

    #[test]
    fn inflected_forms_meet() {
        same(
            "pl",
            &[
                "subskrypcja",
                "subskrypcji",
                "subskrypcję",
                "subskrypcje",
                "subskrypcjami",
            ],
        );
        same("pl", &["partner", "partnera", "partnerowi", "partnerem"]);
        same("ru", &["подписка", "подписки", "подписку", "подпиской"]);
        same("ru", &["отменить", "отмена", "отменять"]);
        same("nl", &["abonnement", "abonnementen"]);
        same("nl", &["partner", "partners"]);
        same("en", &["subscription", "subscriptions"]);
        same("en", &["partner", "partners"]);
    }
}
