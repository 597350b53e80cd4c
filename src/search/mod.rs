//! Search in every language on a static host: per language, an index of stemmed, folded
//! terms split into small shards by first letter, which `static/search.js` loads on demand.
//! Results stay in the reader's language; English originals of machine-translated pages are
//! indexed too, at a low weight, and decision-tree outcomes are searchable.

pub mod fold;
pub mod stem;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// Bonus for a word in the title or a heading, added to the damped count in the text.
const TITLE: f32 = 3.0;
const HEADING: f32 = 1.0;
/// How much one occurrence counts: in the page's own text, and in its English originals.
const BODY: f32 = 1.0;
const ORIGINAL: f32 = 0.3;

#[derive(Clone, Copy)]
enum Field {
    Title,
    Heading,
    Body(f32),
}
/// Characters of body text kept per page for result excerpts.
const EXCERPT_CHARS: usize = 700;

/// (document, weight) pairs of one term.
pub type Postings = Vec<(u32, f32)>;

/// A page or outcome to index, with its text by kind.
pub struct Entry {
    pub title: String,
    /// Site path relative to the language's search page (`../customer-self-support/`).
    pub href: String,
    /// Fluent key of the section name shown with the result.
    pub section: String,
    pub headings: Vec<String>,
    pub body: String,
    /// English originals (side-by-side pages), found with a lower rank.
    pub originals: String,
}

/// What a search result shows of one indexed page. Its keys in `index.json` are one letter
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

/// A language's index: what `search/<lang>/index.json` and its shards hold.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LangIndex {
    pub lang: String,
    pub suffixes: Vec<String>,
    pub min: usize,
    pub docs: Vec<Doc>,
    /// Shard names (first letter of the stem, as hex code point).
    pub shards: Vec<String>,
    #[serde(skip)]
    pub terms: BTreeMap<String, Vec<(u32, f32)>>,
}

pub fn shard_of(stem: &str) -> String {
    format!("{:x}", stem.chars().next().map_or(0, u32::from))
}

/// Builds one language's index. `section_name` turns a section key into words.
pub fn build(
    lang: &Lang,
    entries: Vec<Entry>,
    section_name: impl Fn(&str) -> String + Sync,
) -> LangIndex {
    let stemmer = stem::stemmer(lang.as_str());
    let per_doc: Vec<(Doc, Vec<(String, f32)>)> = entries
        .into_par_iter()
        .map(|e| {
            // Per term: how often in the text (damped), plus a bonus for standing in the title
            // or a heading, so a page about a word beats a page that repeats it.
            let mut weights: HashMap<&str, (f32, bool, bool)> = HashMap::with_capacity(1024);
            let mut bufs = [String::new(), String::new(), String::new(), String::new()];
            let [title, headings, body, originals] = &mut bufs;
            let joined = e.headings.join(" ");
            let parts: [(&mut String, &str, Field); 4] = [
                (title, e.title.as_str(), Field::Title),
                (headings, &joined, Field::Heading),
                (body, e.body.as_str(), Field::Body(BODY)),
                (originals, e.originals.as_str(), Field::Body(ORIGINAL)),
            ];
            let mut stemmed: Vec<(&str, Field)> = Vec::with_capacity(e.body.len() / 5);
            for (buf, text, field) in parts {
                // One-letter words (Russian "о", "в", Dutch "u") carry no meaning to search by.
                for word in fold::words_into(text, buf).filter(|w| w.chars().nth(1).is_some()) {
                    stemmed.push((stemmer.stem_str(word), field));
                }
            }
            for (stem, field) in stemmed {
                let w = weights.entry(stem).or_insert((0.0, false, false));
                match field {
                    Field::Title => w.1 = true,
                    Field::Heading => w.2 = true,
                    Field::Body(x) => w.0 += x,
                }
            }
            let weights: Vec<(String, f32)> = weights
                .into_iter()
                .map(|(t, (tf, in_title, in_heading))| {
                    let w = 1.0
                        + tf.ln_1p()
                        + if in_title { TITLE } else { 0.0 }
                        + if in_heading { HEADING } else { 0.0 };
                    (t.to_string(), (w * 10.0).round() / 10.0)
                })
                .collect();
            (
                Doc {
                    title: e.title.clone(),
                    href: e.href.clone(),
                    section: section_name(&e.section),
                    excerpt: excerpt(&e.body),
                },
                weights,
            )
        })
        .collect();
    let mut terms: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
    let mut docs = Vec::with_capacity(per_doc.len());
    for (i, (doc, weights)) in per_doc.into_iter().enumerate() {
        docs.push(doc);
        for (term, w) in weights {
            terms.entry(term).or_default().push((i as u32, w));
        }
    }
    let terms: BTreeMap<String, Vec<(u32, f32)>> = terms.into_iter().collect();
    let mut shards: Vec<String> = terms.keys().map(|t| shard_of(t)).collect();
    shards.dedup();
    LangIndex {
        lang: lang.to_string(),
        suffixes: stemmer.suffixes.iter().map(|s| s.to_string()).collect(),
        min: stemmer.min,
        docs,
        shards,
        terms,
    }
}

impl LangIndex {
    /// (file name, JSON) of the index and its shards, under `search/<lang>/`.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut out = vec![(
            "index.json".to_string(),
            serde_json::to_string(self).unwrap_or_default(),
        )];
        // Shards are compact: per term a flat list of (gap to the previous document,
        // weight in tenths) — about half the size of (document, weight) pairs.
        let mut by_shard: BTreeMap<String, BTreeMap<&str, Vec<u32>>> = BTreeMap::new();
        for (term, postings) in &self.terms {
            let mut flat = Vec::with_capacity(postings.len() * 2);
            let mut prev = 0;
            for &(doc, w) in postings {
                flat.push(doc - prev);
                flat.push((w * 10.0).round() as u32);
                prev = doc;
            }
            by_shard
                .entry(shard_of(term))
                .or_default()
                .insert(term, flat);
        }
        for (shard, terms) in by_shard {
            out.push((
                format!("s-{shard}.json"),
                serde_json::to_string(&terms).unwrap_or_default(),
            ));
        }
        out
    }

    /// Reads a written index back (`search/<lang>/` of a built site), shards included.
    pub fn read(dir: &std::path::Path) -> std::io::Result<LangIndex> {
        let text = std::fs::read_to_string(dir.join("index.json"))?;
        let mut index: LangIndex = serde_json::from_str(&text).map_err(std::io::Error::other)?;
        for shard in index.shards.clone() {
            let text = std::fs::read_to_string(dir.join(format!("s-{shard}.json")))?;
            let terms: BTreeMap<String, Vec<u32>> =
                serde_json::from_str(&text).map_err(std::io::Error::other)?;
            index.terms.extend(terms.into_iter().map(|(term, flat)| {
                let mut doc = 0;
                let postings = flat
                    .chunks(2)
                    .map(|pair| {
                        doc += pair[0];
                        (doc, pair.get(1).copied().unwrap_or(0) as f32 / 10.0)
                    })
                    .collect();
                (term, postings)
            }));
        }
        Ok(index)
    }

    /// The same ranking as `search.js`: documents with every query word first, then by
    /// the sum of each word's weight × rarity. A word with no exact stem matches the stems
    /// it begins (at half weight), so a half-typed word already finds something.
    /// A query's words, folded, without one-letter words and without a second word with
    /// the same stem (`search.js`'s `queryWords`).
    pub fn query_words(&self, q: &str) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        for w in fold::words(q).filter(|w| w.chars().nth(1).is_some()) {
            let stem = self.stem_with_tables(&w);
            if !stems.contains(&stem) {
                stems.push(stem);
                words.push(w);
            }
        }
        words
    }

    pub fn query(&self, q: &str) -> Vec<(usize, f32)> {
        let words = self.query_words(q);
        let n = self.docs.len() as f32;
        let mut scores: HashMap<u32, (usize, f32)> = HashMap::new();
        for word in &words {
            // The stem, and the word as written: a light stemmer sometimes cuts a base form
            // ("problem") shorter than its inflections ("problemy" → "problem").
            let stem = self.stem_with_tables(word);
            let mut keys = vec![stem.clone()];
            if word != &stem {
                keys.push(word.clone());
            }
            let mut matched: HashMap<u32, f32> = HashMap::new();
            for key in &keys {
                let candidates: Vec<(&Vec<(u32, f32)>, f32)> = match self.terms.get(key) {
                    Some(p) => vec![(p, 1.0)],
                    None if key == &stem && key.chars().count() >= 3 => self
                        .terms
                        .range(key.clone()..)
                        .take_while(|(t, _)| t.starts_with(key.as_str()))
                        .map(|(_, p)| (p, 0.5))
                        .collect(),
                    None => Vec::new(),
                };
                for (postings, factor) in candidates {
                    let idf = (1.0 + n / postings.len() as f32).ln();
                    for &(doc, w) in postings {
                        let s = matched.entry(doc).or_insert(0.0);
                        *s = s.max(w * idf * factor);
                    }
                }
            }
            for (doc, s) in matched {
                let e = scores.entry(doc).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += s;
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

    fn stem_with_tables(&self, word: &str) -> String {
        let len = word.chars().count();
        for suffix in &self.suffixes {
            if word.ends_with(suffix.as_str()) && len - suffix.chars().count() >= self.min {
                return word[..word.len() - suffix.len()].to_string();
            }
        }
        word.to_string()
    }
}

/// The first words of a page's text, for result excerpts.
fn excerpt(body: &str) -> String {
    let mut out = String::with_capacity(EXCERPT_CHARS + 16);
    let mut chars = 0;
    for word in body.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        chars += word.chars().count() + 1;
        if chars >= EXCERPT_CHARS {
            break;
        }
    }
    out
}

/// Plain text of rendered content, without the hidden English originals.
pub fn text_of_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_depth = 0usize;
    while let Some(lt) = rest.find('<') {
        if skip_depth == 0 {
            push_text(&mut out, &rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt + 1];
        if skip_depth > 0 {
            if tag.starts_with("<span") {
                skip_depth += 1;
            } else if tag == "</span>" {
                skip_depth -= 1;
            }
        } else if tag.starts_with("<span class=\"sp-orig\"") {
            skip_depth = 1;
        } else if !tag.starts_with("<a")
            && !tag.starts_with("</a")
            && !tag.starts_with("<strong")
            && !tag.starts_with("</strong")
            && !tag.starts_with("<em")
            && !tag.starts_with("</em")
            && !tag.starts_with("<code")
            && !tag.starts_with("</code")
        {
            out.push(' ');
        }
        rest = &rest[lt + gt + 1..];
    }
    if skip_depth == 0 {
        push_text(&mut out, rest);
    }
    out
}

fn push_text(out: &mut String, text: &str) {
    if !text.contains('&') {
        out.push_str(text);
        return;
    }
    out.push_str(
        &text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    );
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
            body: body.into(),
            originals: String::new(),
        };
        let idx = build(
            &lang,
            vec![
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
