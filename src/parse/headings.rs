//! Heading ids and the table of contents.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A URL-fragment-friendly id from heading text: letters of any script kept, lowercased,
/// everything else folded into single dashes.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        // ASCII first: Unicode's tables are slow, and most headings are mostly ASCII.
        let keep = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if keep {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    if out.is_empty() { "section".into() } else { out }
}

/// Hands out ids that are unique within one page; the first claimant of an id keeps it.
#[derive(Debug, Default)]
pub struct IdSet {
    used: HashSet<String>,
    /// Per wanted id, the next number to try, so a thousand equal headings stay linear.
    next: HashMap<String, usize>,
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
        assert_eq!(slugify("Een serviceaanvraag indienen"), "een-serviceaanvraag-indienen");
        assert_eq!(slugify("Поддержка клиентов: обзор"), "поддержка-клиентов-обзор");
        assert_eq!(slugify("Zażółć gęślą jaźń!"), "zażółć-gęślą-jaźń");
        assert_eq!(slugify("What's new?"), "whats-new");
        assert_eq!(slugify("!!!"), "section");
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
