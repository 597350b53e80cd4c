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
/// Length normalization of the text's weight: 0 none, 1 full; and the page length (words
/// of text) that counts as typical. Chosen by bench/search_eval.mjs: 0.5 lifted MRR in every
/// language, 0.75 lost some of it again.
const LENGTH_NORM: f32 = 0.5;
const TYPICAL_WORDS: f32 = 400.0;

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
#[derive(Serialize, Deserialize, Default)]
struct Shard<'a> {
    #[serde(borrow)]
    t: BTreeMap<&'a str, Vec<u32>>,
    #[serde(borrow)]
    f: BTreeMap<&'a str, FormStem>,
}

/// Per word of a page: count in the text (originals counting less), in the title, in a heading.
type Counts = (f32, bool, bool);

/// Builds one language's index. `section_name` turns a section key into words.
///
/// Words are counted per page first; then each distinct word of the language is folded and
/// stemmed once (Snowball is the costly part), and pages' counts are summed per stem.
pub fn build(
    lang: &Lang,
    entries: Vec<Entry>,
    section_name: impl Fn(&str) -> String + Sync,
) -> LangIndex {
    let stemmer = stem::stemmer(lang.as_str());
    let counted: Vec<(Doc, Vec<(String, Counts)>)> = entries
        .into_par_iter()
        .map(|e| {
            let mut seen: HashMap<String, Counts> = HashMap::with_capacity(1024);
            let joined = e.headings.join(" ");
            let parts: [(&str, Field); 4] = [
                (e.title.as_str(), Field::Title),
                (&joined, Field::Heading),
                (e.body.as_str(), Field::Body(BODY)),
                (e.originals.as_str(), Field::Body(ORIGINAL)),
            ];
            for (text, field) in parts {
                let lower = text.to_lowercase();
                // One-letter words (Russian "о", "в", Dutch "u") carry no meaning to search by.
                for word in lower
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().nth(1).is_some())
                {
                    let w = match seen.get_mut(word) {
                        Some(w) => w,
                        None => seen.entry(word.to_string()).or_insert((0.0, false, false)),
                    };
                    match field {
                        Field::Title => w.1 = true,
                        Field::Heading => w.2 = true,
                        Field::Body(x) => w.0 += x,
                    }
                }
            }
            let doc = Doc {
                title: e.title.clone(),
                href: e.href.clone(),
                section: section_name(&e.section),
                excerpt: excerpt(&e.body),
            };
            (doc, seen.into_iter().collect())
        })
        .collect();

    // The language's distinct words, with how many pages have each.
    let mut vocabulary: HashMap<&str, u32> = HashMap::new();
    for (_, words) in &counted {
        for (word, _) in words {
            *vocabulary.entry(word.as_str()).or_default() += 1;
        }
    }
    let vocabulary: Vec<(&str, u32)> = vocabulary.into_iter().collect();
    let stemmed: Vec<(String, String)> = vocabulary
        .par_iter()
        .map(|(word, _)| (fold::fold(word), stemmer.term(word)))
        .collect();
    let mut term_names: Vec<&str> = Vec::new();
    let mut term_ids: HashMap<&str, u32> = HashMap::new();
    let mut word_term: HashMap<&str, u32> = HashMap::with_capacity(vocabulary.len());
    // Form → stem → pages: a form that two words fold to keeps the more common stem.
    let mut form_terms: HashMap<&str, HashMap<u32, u32>> = HashMap::new();
    for ((word, pages), (form, term)) in vocabulary.iter().zip(&stemmed) {
        let id = *term_ids.entry(term.as_str()).or_insert_with(|| {
            term_names.push(term.as_str());
            term_names.len() as u32 - 1
        });
        word_term.insert(word, id);
        if form != term {
            *form_terms
                .entry(form.as_str())
                .or_default()
                .entry(id)
                .or_default() += pages;
        }
    }

    let per_doc: Vec<Vec<(u32, f32)>> = counted
        .par_iter()
        .map(|(_, words)| {
            let len: f32 = words.iter().map(|(_, c)| c.0).sum();
            let mut weights: HashMap<u32, Counts> = HashMap::with_capacity(words.len());
            for (word, (tf, in_title, in_heading)) in words {
                let w = weights
                    .entry(word_term[word.as_str()])
                    .or_insert((0.0, false, false));
                w.0 += tf;
                w.1 |= in_title;
                w.2 |= in_heading;
            }
            // Long pages (monthly announcements that touch every subject) would otherwise
            // win on sheer volume: the text's share is damped by length, as in BM25.
            let norm = 1.0 - LENGTH_NORM + LENGTH_NORM * (len / TYPICAL_WORDS);
            weights
                .into_iter()
                .map(|(t, (tf, in_title, in_heading))| {
                    let w = 1.0
                        + tf.ln_1p() / norm
                        + if in_title { TITLE } else { 0.0 }
                        + if in_heading { HEADING } else { 0.0 };
                    (t, (w * 10.0).round() / 10.0)
                })
                .collect()
        })
        .collect();
    let mut postings: Vec<Postings> = vec![Vec::new(); term_names.len()];
    for (i, weights) in per_doc.into_iter().enumerate() {
        for (term, w) in weights {
            postings[term as usize].push((i as u32, w));
        }
    }
    let forms: BTreeMap<String, String> = form_terms
        .into_iter()
        .filter_map(|(form, stems)| {
            let (term, _) = stems.into_iter().max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(term_names[b.0 as usize].cmp(term_names[a.0 as usize]))
            })?;
            Some((form.to_string(), term_names[term as usize].to_string()))
        })
        .collect();
    let terms: BTreeMap<String, Postings> = term_names
        .iter()
        .zip(postings)
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    let docs: Vec<Doc> = counted.into_iter().map(|(doc, _)| doc).collect();
    let mut shards: Vec<String> = terms
        .keys()
        .chain(forms.keys())
        .map(|t| shard_of(t))
        .collect();
    shards.sort();
    shards.dedup();
    LangIndex {
        lang: lang.to_string(),
        suffixes: stemmer
            .light
            .suffixes
            .iter()
            .map(|s| s.to_string())
            .collect(),
        min: stemmer.light.min,
        alternations: stemmer
            .light
            .alternations
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        docs,
        shards,
        terms,
        forms,
    }
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
        let mut out = vec![(
            "index.js".to_string(),
            as_script("index", &serde_json::to_string(self).unwrap_or_default()),
        )];
        // Postings are compact: per term a flat list of (gap to the previous document,
        // weight in tenths) — about half the size of (document, weight) pairs.
        let mut by_shard: BTreeMap<String, Shard> = BTreeMap::new();
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
                .t
                .insert(term, flat);
        }
        for (form, term) in &self.forms {
            let stem = match form.strip_prefix(term.as_str()) {
                Some(_) => FormStem::Prefix(term.chars().count()),
                None => FormStem::Other(term.clone()),
            };
            by_shard
                .entry(shard_of(form))
                .or_default()
                .f
                .insert(form, stem);
        }
        for (shard, content) in by_shard {
            let name = format!("s-{shard}");
            let json = serde_json::to_string(&content).unwrap_or_default();
            out.push((format!("{name}.js"), as_script(&name, &json)));
        }
        out
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

/// `signpostSearchData("name",{…});`: JSON is valid JavaScript (U+2028/9 included since
/// ES2019), so the data needs no other escaping.
fn as_script(name: &str, json: &str) -> String {
    format!("signpostSearchData(\"{name}\",{json});\n")
}

/// The JSON inside a script written by `as_script`.
pub fn script_json(script: &str) -> &str {
    let start = script.find(',').map_or(0, |i| i + 1);
    let end = script.rfind(");").unwrap_or(script.len());
    script.get(start..end).unwrap_or("")
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
