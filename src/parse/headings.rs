//! Heading ids and the table of contents.

use crate::hashing::{FastMap, FastSet};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A URL-fragment-friendly id from heading text: letters of any script kept, lowercased,
/// everything else folded into single dashes.
pub fn slugify(text: &str) -> String {
    if text.is_ascii() {
        return slugify_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        match lowered_letter(c) {
            Some(lower) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                match lower {
                    Lowered::One(l) => out.push(l),
                    Lowered::Unicode => out.extend(c.to_lowercase()),
                }
            }
            None if c != '\'' && c != '’' => dash = true,
            None => {}
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

/// [`slugify`] for ASCII text, byte by byte: most headings of English and Dutch pages, and
/// the general path decodes and classifies every char.
fn slugify_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

enum Lowered {
    One(char),
    /// Needs Unicode's tables (and may lowercase to more than one char).
    Unicode,
}

/// A letter or digit and its lowercase form; `None` for anything else. ASCII and basic
/// Cyrillic are answered without Unicode's tables, which cost ~100 instructions a char
/// and every heading of a Russian page goes through here.
fn lowered_letter(c: char) -> Option<Lowered> {
    match c {
        'a'..='z' | '0'..='9' | '\u{0430}'..='\u{045F}' => Some(Lowered::One(c)),
        'A'..='Z' => Some(Lowered::One(c.to_ascii_lowercase())),
        // А–Я lowercase 0x20 up, Ѐ–Џ 0x50 up.
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).map(Lowered::One),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).map(Lowered::One),
        _ if c.is_ascii() => None,
        _ if c.is_alphanumeric() => Some(Lowered::Unicode),
        _ => None,
    }
}

/// Hands out ids that are unique within one page; the first claimant of an id keeps it.
#[derive(Debug, Default)]
pub struct IdSet {
    used: FastSet<String>,
    /// Per wanted id, the next number to try, so a thousand equal headings stay linear.
    next: FastMap<String, usize>,
}

impl IdSet {
    pub fn claim(&mut self, wanted: &str) -> String {
        if self.used.insert(wanted.to_string()) {
            return wanted.to_string();
        }
        let mut n = self.next.get(wanted).copied().unwrap_or(1);
        loop {
            let candidate = format!("{wanted}-{n}");
            n += 1;
            if self.used.insert(candidate.clone()) {
                self.next.insert(wanted.to_string(), n);
                return candidate;
            }
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    pub fn into_sorted(self) -> Vec<String> {
        let mut ids: Vec<String> = self.used.into_iter().collect();
        ids.sort();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(
            slugify("Een serviceaanvraag indienen"),
            "een-serviceaanvraag-indienen"
        );
        assert_eq!(
            slugify("Поддержка клиентов: обзор"),
            "поддержка-клиентов-обзор"
        );
        assert_eq!(slugify("Zażółć gęślą jaźń!"), "zażółć-gęślą-jaźń");
        assert_eq!(slugify("What's new?"), "whats-new");
        assert_eq!(slugify("!!!"), "section");
    }

    #[test]
    fn ascii_slugs_match_the_general_path() {
        // The general path, which ASCII text skips.
        let general = |text: &str| {
            let mut with_accent = String::from("é");
            with_accent.push_str(text);
            slugify(&with_accent)
                .strip_prefix('é')
                .map(|s| s.trim_start_matches('-').to_string())
                .unwrap_or_default()
        };
        for text in [
            "What's new?",
            "  Two  words ",
            "A-B_c.d 9",
            "!!!",
            "",
            "Step 1: sign in (admin)",
            "x\ty\nz",
        ] {
            let want = match general(text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            assert_eq!(slugify_ascii(text), want, "{text:?}");
        }
    }

    #[test]
    fn fast_lowercasing_agrees_with_unicode() {
        for c in (0u32..0x0600).filter_map(char::from_u32) {
            let fast = lowered_letter(c).map(|l| match l {
                Lowered::One(l) => l.to_string(),
                Lowered::Unicode => c.to_lowercase().collect(),
            });
            let unicode = c
                .is_alphanumeric()
                .then(|| c.to_lowercase().collect::<String>());
            assert_eq!(fast, unicode, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = IdSet::default();
        assert_eq!(ids.claim("a"), "a");
        assert_eq!(ids.claim("a"), "a-1");
        assert_eq!(ids.claim("a"), "a-2");
        assert!(ids.contains("a-1"));
    }
}
