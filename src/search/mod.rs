//! Search in every language on a static host: per language, an index of stemmed, folded
//! terms split into small shards by first letter, which `static/search.js` loads on demand.
//! Results stay in the reader's language; English originals of machine-translated pages are
//! indexed too, at a low weight, and decision-tree outcomes are searchable.

pub mod build;
pub mod fold;
pub mod stem;
pub mod words;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use build::{Body, Builder, Entry, Live};

use crate::lang::Lang;

/// (document, weight) pairs of one term.
pub type Postings = Vec<(u32, f32)>;

/// What a search result shows of one indexed page. Its keys in `index.js` are one letter
/// each, as search.js reads them: the list is sent to every reader who searches.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Doc {
    #[serde(rename = "t")]
    pub title: String,
    /// Link relative to the language's search page.
    #[serde(rename = "u")]
    pub href: String,
    /// The section's name, in the index's language.
    #[serde(rename = "s")]
    pub section: String,
    /// The opening of the page's text.
    #[serde(rename = "x")]
    pub excerpt: String,
}

/// A language's index: what `search/<lang>/index.js` and its shards hold.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LangIndex {
    pub lang: String,
    /// The light suffix table, for query words the corpus never has.
    pub suffixes: Vec<String>,
    pub min: usize,
    /// Stem alternations (`stem::Light::alternations`): (base ending, inflected ending).
    #[serde(default)]
    pub alternations: Vec<(String, String)>,
    pub docs: Vec<Doc>,
    /// Shard names (first letter of the term or form, as hex code point).
    pub shards: Vec<String>,
    /// Stem → postings.
    #[serde(skip)]
    pub terms: BTreeMap<String, Postings>,
    /// Every folded word form of the corpus whose stem is not the form itself → its stem.
    #[serde(skip)]
    pub forms: BTreeMap<String, String>,
}

pub fn shard_of(word: &str) -> String {
    format!("{:x}", word.chars().next().map_or(0, u32::from))
}

/// How a shard stores a form's stem: its length in characters when the stem begins the form
/// (nearly always), else the stem itself.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum FormStem {
    Prefix(usize),
    Other(String),
}

/// A shard file: the terms and the forms that begin with one letter.
#[derive(Deserialize, Default)]
struct Shard<'a> {
    #[serde(borrow)]
    t: BTreeMap<&'a str, Vec<u32>>,
    #[serde(borrow)]
    f: BTreeMap<&'a str, FormStem>,
}

/// Builds one language's index from its pages (see [`build::Builder`]).
pub fn build(
    lang: &Lang,
    entries: &[Entry],
    section_name: impl Fn(&str) -> String + Sync,
) -> LangIndex {
    Builder::build(lang, entries, section_name, false).into_index()
}

/// How a query word reaches the index: a form of the corpus (its stem), or a form the corpus
/// never has (what is left after the light suffix table, matched as a prefix).
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Known(String),
    Unknown(String),
}

/// Weight of a term reached by prefix instead of by the word's own stem.
const PREFIX: f32 = 0.5;
/// The shortest prefix that is looked up.
const MIN_PREFIX: usize = 3;
/// The shortest part a closed compound that reaches nothing is split into.
const MIN_PART: usize = 3;

impl LangIndex {
    /// (file name, script) of the index and its shards, under `search/<lang>/`. Each is a
    /// script that hands its JSON to `signpostSearchData(name, data)`, so the browser can load
    /// it with a `<script>` element, from a server and from disk alike.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut out = vec![self.index_file()];
        out.extend(self.shards.iter().map(|s| self.shard_file(s)));
        out
    }

    /// `index.js`: the pages, the suffix table and the shards' names.
    pub fn index_file(&self) -> (String, String) {
        (
            "index.js".to_string(),
            as_script("index", &serde_json::to_string(self).unwrap_or_default()),
        )
    }

    /// One shard's file, `s-<shard>.js`: the terms and the forms that begin with its letter.
    /// Postings are compact: per term a flat list of (gap to the previous document, weight
    /// in tenths) — about half the size of (document, weight) pairs. Written by hand: terms
    /// and forms are letters and digits only, so they need no JSON escaping.
    pub fn shard_file(&self, shard: &str) -> (String, String) {
        let first = shard_letter(shard);
        let mut entry = String::new();
        shard_script(
            shard,
            from(&self.terms, &first)
                .take_while(|(t, _)| t.starts_with(first.as_str()))
                .map(|(t, p)| {
                    entry.clear();
                    term_entry(&mut entry, t, p);
                    entry.clone()
                }),
            from(&self.forms, &first)
                .take_while(|(f, _)| f.starts_with(first.as_str()))
                .map(|(f, t)| form_entry(f, t)),
        )
    }

    /// Reads a written index back (`search/<lang>/` of a built site), shards included.
    pub fn read(dir: &std::path::Path) -> std::io::Result<LangIndex> {
        let text = std::fs::read_to_string(dir.join("index.js"))?;
        let mut index: LangIndex =
            serde_json::from_str(script_json(&text)).map_err(std::io::Error::other)?;
        for shard in index.shards.clone() {
            let text = std::fs::read_to_string(dir.join(format!("s-{shard}.js")))?;
            let content: Shard =
                serde_json::from_str(script_json(&text)).map_err(std::io::Error::other)?;
            index
                .terms
                .extend(content.t.into_iter().map(|(term, flat)| {
                    let mut doc = 0;
                    let postings = flat
                        .chunks(2)
                        .map(|pair| {
                            doc += pair[0];
                            (doc, pair.get(1).copied().unwrap_or(0) as f32 / 10.0)
                        })
                        .collect();
                    (term.to_string(), postings)
                }));
            index
                .forms
                .extend(content.f.into_iter().map(|(form, stem)| {
                    let term = match stem {
                        FormStem::Prefix(n) => form.chars().take(n).collect(),
                        FormStem::Other(t) => t,
                    };
                    (form.to_string(), term)
                }));
        }
        Ok(index)
    }

    /// How a folded query word reaches the index (`search.js`'s `lookup`).
    pub fn lookup(&self, word: &str) -> Lookup {
        if let Some(term) = self.forms.get(word) {
            return Lookup::Known(term.clone());
        }
        if self.terms.contains_key(word) {
            return Lookup::Known(word.to_string());
        }
        Lookup::Unknown(self.light_stem(word))
    }

    /// A word that reaches nothing, as the two words of the pages it is written together
    /// from (a closed compound: `autopilotprofiel` → `autopilot profiel`, a linking s
    /// dropped), the longest first part first; else the word (`search.js`'s `split`).
    pub fn split(&self, word: &str) -> Vec<String> {
        if !self.candidates(word).is_empty() {
            return vec![word.to_string()];
        }
        let chars: Vec<char> = word.chars().collect();
        let known = |w: &str| matches!(self.lookup(w), Lookup::Known(_));
        for i in (MIN_PART..=chars.len().saturating_sub(MIN_PART)).rev() {
            let a: String = chars[..i].iter().collect();
            if !known(&a) {
                continue;
            }
            let b: String = chars[i..].iter().collect();
            if known(&b) {
                return vec![a, b];
            }
            if let Some(rest) = b.strip_prefix('s')
                && rest.chars().count() >= MIN_PART
                && known(rest)
            {
                return vec![a, rest.to_string()];
            }
        }
        vec![word.to_string()]
    }

    /// A query's words, folded, without one-letter words, closed compounds that reach
    /// nothing split, and without a second word that reaches the index the same way
    /// (`search.js`'s `queryWords`).
    pub fn query_words(&self, q: &str) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut seen: Vec<Lookup> = Vec::new();
        let typed: Vec<String> = fold::words(q)
            .filter(|w| w.chars().nth(1).is_some())
            .flat_map(|w| self.split(&w))
            .collect();
        for w in typed {
            let l = self.lookup(&w);
            if !seen.contains(&l) {
                seen.push(l);
                words.push(w);
            }
        }
        words
    }

    /// The terms a query word matches, with how much each counts.
    pub fn candidates(&self, word: &str) -> Vec<(&str, f32)> {
        let mut out: Vec<(&str, f32)> = Vec::new();
        let prefix = match self.lookup(word) {
            Lookup::Known(term) => {
                if let Some((t, _)) = self.terms.get_key_value(&term) {
                    out.push((t.as_str(), 1.0));
                }
                term
            }
            Lookup::Unknown(rest) => rest,
        };
        // The other side of a stem alternation (lipiec → lipca) is the same word.
        let pairs = self
            .alternations
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()));
        for alt in stem::alternates(pairs, word, &prefix) {
            if let Lookup::Known(term) = self.lookup(&alt)
                && let Some((t, _)) = self.terms.get_key_value(&term)
                && !out.iter().any(|(o, _)| *o == t.as_str())
            {
                out.push((t.as_str(), 1.0));
            }
        }
        // A stem found exactly does not stop the prefix match: derivations
        // (samoobsług → samoobsługow) and compounds (klant → klantovereenkomst) count too.
        if prefix.chars().count() >= MIN_PREFIX {
            // Terms and forms that begin with the stem: derivations (samoobsług →
            // samoobsługowa) and half-typed words.
            for (t, _) in self
                .terms
                .range(prefix.clone()..)
                .take_while(|(t, _)| t.starts_with(prefix.as_str()))
            {
                if !out.iter().any(|(o, _)| *o == t.as_str()) {
                    out.push((t.as_str(), PREFIX));
                }
            }
            for (_, t) in self
                .forms
                .range(prefix.clone()..)
                .take_while(|(f, _)| f.starts_with(prefix.as_str()))
            {
                if let Some((t, _)) = self.terms.get_key_value(t)
                    && !out.iter().any(|(o, _)| *o == t.as_str())
                {
                    out.push((t.as_str(), PREFIX));
                }
            }
        }
        out
    }

    /// The terms query word `i` matches: its own `candidates`, and the compound it forms
    /// with a neighbour in the order typed, written together or with a linking s (Dutch
    /// `partner tegoed` → `partnertegoed`, `uitbetaling schema` → `uitbetalingsschema`), when
    /// the pages have that compound (`search.js`'s `wordCandidates`).
    pub fn word_candidates(&self, words: &[String], i: usize) -> Vec<(&str, f32)> {
        let mut out = self.candidates(&words[i]);
        let pairs = [
            i.checked_sub(1).map(|p| (&words[p], &words[i])),
            words.get(i + 1).map(|n| (&words[i], n)),
        ];
        for (a, b) in pairs.into_iter().flatten() {
            for joined in [format!("{a}{b}"), format!("{a}s{b}")] {
                if let Lookup::Known(term) = self.lookup(&joined)
                    && let Some((t, _)) = self.terms.get_key_value(&term)
                {
                    match out.iter_mut().find(|(o, _)| *o == t.as_str()) {
                        Some(c) => c.1 = 1.0,
                        None => out.push((t.as_str(), 1.0)),
                    }
                }
            }
        }
        out
    }

    /// The same ranking as `search.js`: documents with every query word first, then by
    /// the sum of each word's best weight × rarity over the terms it matches. A word's
    /// rarity is counted over every page it reaches (its stem, alternations, compounds and
    /// prefix matches), so a rare derivation does not outweigh the word itself.
    pub fn query(&self, q: &str) -> Vec<(usize, f32)> {
        let words = self.query_words(q);
        let n = self.docs.len() as f32;
        let mut scores: HashMap<u32, (usize, f32)> = HashMap::new();
        for i in 0..words.len() {
            // Best weight × factor per page; the pages matched are the pages the word reaches.
            let mut matched: HashMap<u32, f32> = HashMap::new();
            for (term, factor) in self.word_candidates(&words, i) {
                for &(doc, w) in &self.terms[term] {
                    let s = matched.entry(doc).or_insert(0.0);
                    *s = s.max(w * factor);
                }
            }
            let idf = (1.0 + n / matched.len().max(1) as f32).ln();
            for (doc, s) in matched {
                let e = scores.entry(doc).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += s * idf;
            }
        }
        let mut ranked: Vec<(usize, (usize, f32))> =
            scores.into_iter().map(|(d, s)| (d as usize, s)).collect();
        ranked.sort_by(|a, b| {
            b.1.0
                .cmp(&a.1.0)
                .then(b.1.1.total_cmp(&a.1.1))
                .then(a.0.cmp(&b.0))
        });
        ranked.into_iter().map(|(d, (_, s))| (d, s)).collect()
    }

    fn light_stem(&self, word: &str) -> String {
        let len = word.chars().count();
        for suffix in &self.suffixes {
            if word.ends_with(suffix.as_str()) && len - suffix.chars().count() >= self.min {
                return word[..word.len() - suffix.len()].to_string();
            }
        }
        word.to_string()
    }
}

/// The first letter a shard's name stands for.
pub fn shard_letter(shard: &str) -> String {
    u32::from_str_radix(shard, 16)
        .ok()
        .and_then(char::from_u32)
        .map(String::from)
        .unwrap_or_default()
}

/// A term's entry in its shard, `"term":[gap,weight,…]` (written by hand: terms are letters
/// and digits only, so they need no JSON escaping).
pub fn term_entry(json: &mut String, term: &str, postings: &Postings) {
    json.push('"');
    json.push_str(term);
    json.push_str("\":[");
    let mut prev = 0;
    let mut num = itoa::Buffer::new();
    for (j, &(doc, w)) in postings.iter().enumerate() {
        if j > 0 {
            json.push(',');
        }
        json.push_str(num.format(doc - prev));
        json.push(',');
        json.push_str(num.format((w * 10.0).round() as u32));
        prev = doc;
    }
    json.push(']');
}

/// A form's entry in its shard: the stem's length in characters when it begins the form
/// (nearly always), else the stem.
pub fn form_entry(form: &str, term: &str) -> String {
    if form.starts_with(term) {
        format!("\"{form}\":{}", term.chars().count())
    } else {
        format!("\"{form}\":\"{term}\"")
    }
}

/// A shard's script from its entries, in order.
pub fn shard_script<S: AsRef<str>>(
    shard: &str,
    terms: impl Iterator<Item = S>,
    forms: impl Iterator<Item = S>,
) -> (String, String) {
    let mut json = String::with_capacity(4096);
    json.push_str("{\"t\":{");
    for (i, t) in terms.enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(t.as_ref());
    }
    json.push_str("},\"f\":{");
    for (i, f) in forms.enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(f.as_ref());
    }
    json.push_str("}}");
    let name = format!("s-{shard}");
    (format!("{name}.js"), as_script(&name, &json))
}

/// The entries of `map` from `first` on (those that begin with it come first).
pub(crate) fn from<'m, V>(
    map: &'m BTreeMap<String, V>,
    first: &str,
) -> std::collections::btree_map::Range<'m, String, V> {
    use std::ops::Bound;
    map.range::<str, _>((Bound::Included(first), Bound::Unbounded))
}

/// `signpostSearchData("name",{…});`: JSON is valid JavaScript (U+2028/9 included since
/// ES2019), so the data needs no other escaping.
pub fn as_script(name: &str, json: &str) -> String {
    format!("signpostSearchData(\"{name}\",{json});\n")
}

/// The JSON inside a script written by `as_script`.
pub fn script_json(script: &str) -> &str {
    let start = script.find(',').map_or(0, |i| i + 1);
    let end = script.rfind(");").unwrap_or(script.len());
    script.get(start..end).unwrap_or("")
}

/// Plain text of rendered content, without the hidden English originals.
pub fn text_of_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    words::html_pieces(html, |piece| {
        out.push_str(piece);
        true
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_without_originals() {
        let html = r#"<p>Klanten <strong>kunnen</strong> &amp; zo<span class="sp-orig" lang="en" hidden>Customers <a href="x">can</a></span></p><h2 id="a">Kop</h2>"#;
        let text = text_of_html(html);
        assert!(text.contains("Klanten kunnen & zo"), "{text}");
        assert!(
            text.contains("Kop") && !text.contains("Customers"),
            "{text}"
        );
    }

    #[test]
    fn ranks_title_matches_first_and_needs_every_word() {
        let lang = Lang::new_unchecked("pl");
        let entry = |t: &str, body: &str| Entry {
            title: t.into(),
            href: t.into(),
            section: "s".into(),
            headings: vec![],
            body: Body::Text(body.into()),
            originals: vec![],
        };
        let idx = build(
            &lang,
            &[
                entry(
                    "Anulowanie subskrypcji",
                    "Jak anulować subskrypcję w centrum.",
                ),
                entry("Faktury", "Subskrypcja pojawia się na fakturze."),
                entry("Inne", "Nic tu nie ma."),
            ],
            |s| s.to_string(),
        );
        let hits = idx.query("subskrypcja");
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(idx.query("zazolc").len(), 0);
        assert_eq!(
            idx.query("subskrypcja faktura")[0].0,
            1,
            "both words beat a stronger single word"
        );
        assert_eq!(
            idx.query("subskr")[0].0,
            0,
            "a half-typed word matches by prefix"
        );
    }
}
