//! Search in every language on a static host: per language, an index of stemmed, folded
//! terms split into small shards by first letter, which `static/search.js` loads on demand.
//! Results stay in the reader's language; English originals of machine-translated pages are
//! indexed too, at a low weight, and decision-tree outcomes are searchable.

pub mod build;
pub mod count;
pub mod fold;
pub mod stem;
pub mod words;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use build::{Builder, Live};
pub use count::{Body, Counted, Entry};

use crate::lang::Lang;

/// (document, weight) pairs of one term.
pub type Postings = Vec<(u32, f32)>;

/// One of a language's index files: `index.js`, `openings.js`, an excerpt file (its number
/// and pages), a shard (its name).
#[derive(Clone, Copy)]
enum FilePart<'a> {
    Index,
    Openings,
    Excerpts(usize, &'a [Doc]),
    Shard(&'a str),
}

/// What a search result shows of one indexed page. Its keys in `index.js` are one letter
/// each, as search.js reads them: the list is sent to every reader who searches. The excerpt
/// is not in `index.js` but in `x-<n>.js`, [`EXCERPTS`] pages a file, loaded only for the
/// results shown (and an edit in `serve` rewrites one of them, not the list); its first words
/// are in `openings.js` too ([`opening`]).
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
    #[serde(skip)]
    pub excerpt: String,
}

/// Pages per excerpt file: small enough that the results shown load little more than their
/// own excerpts, large enough that a page of results needs a handful of files.
pub const EXCERPTS: usize = 64;

/// Characters of a page's opening in `openings.js` (whole words, at most this many). The
/// browser loads that file with `index.js`, so the results are listed with an excerpt at
/// once; the excerpt around the words found follows from `x-<n>.js`. Long enough for two
/// lines of a result, short enough that all the pages' openings weigh about as much as
/// `index.js` (375 kB against 320 kB for 2,500 Dutch pages).
pub const OPENING_CHARS: usize = 150;

/// The first whole words of `excerpt`, [`OPENING_CHARS`] characters at most (a prefix of
/// it: an excerpt's words are joined by single spaces).
pub fn opening(excerpt: &str) -> &str {
    let Some((cut, _)) = excerpt.char_indices().nth(OPENING_CHARS) else {
        return excerpt;
    };
    if excerpt[cut..].starts_with(' ') {
        return &excerpt[..cut];
    }
    // A word longer than the whole opening is cut inside.
    &excerpt[..excerpt[..cut].rfind(' ').unwrap_or(cut)]
}

/// A language's index: what `search/<lang>/index.js`, its excerpt files and its shards hold.
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
    /// Pages per excerpt file ([`EXCERPTS`]): document `d`'s excerpt is item `d % n` of
    /// `x-<d / n>.js`.
    #[serde(rename = "excerpts", default = "excerpts_per_file")]
    pub excerpts_per_file: usize,
    /// Shard names ([`shard_of`] the terms and forms they hold).
    pub shards: Vec<String>,
    /// Stem → postings.
    #[serde(skip)]
    pub terms: BTreeMap<String, Postings>,
    /// Every folded word form of the corpus whose stem is not the form itself → its stem.
    #[serde(skip)]
    pub forms: BTreeMap<String, String>,
}

fn excerpts_per_file() -> usize {
    EXCERPTS
}

/// The shard a term or form is in: its first two letters, as hex code points joined by `-`
/// (`ab` → `61-62`; a one-letter term has a shard of its own). Two letters, not one: an
/// edit in `serve` rewrites the shards of the words whose postings changed, and a query
/// loads its words' shards, so each should be a small part of the index.
pub fn shard_of(word: &str) -> String {
    let mut out = String::with_capacity(12);
    for (i, c) in word.chars().take(2).enumerate() {
        if i > 0 {
            out.push('-');
        }
        // Lower-case hex without leading zeros, by hand: this runs for every term and form.
        let n = u32::from(c);
        let digits = (32 - n.leading_zeros()).div_ceil(4).max(1);
        for k in (0..digits).rev() {
            out.push(char::from_digit((n >> (4 * k)) & 0xf, 16).unwrap_or('0'));
        }
    }
    out
}

/// The letters a shard's name stands for ([`shard_of`] backwards).
pub fn shard_prefix(shard: &str) -> String {
    shard
        .split('-')
        .filter_map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
        .collect()
}

/// The entries of `map` in `shard`: the keys that begin with its two letters, or for a
/// one-letter shard that letter alone.
pub(crate) fn in_shard<'m, V>(
    map: &'m BTreeMap<String, V>,
    shard: &str,
) -> impl Iterator<Item = (&'m String, &'m V)> {
    let prefix = shard_prefix(shard);
    let one = prefix.chars().count() < 2;
    from(map, &prefix).take_while(move |(k, _)| {
        if one {
            **k == prefix
        } else {
            k.starts_with(prefix.as_str())
        }
    })
}

/// How a shard stores a form's stem: its length in characters when the stem begins the form
/// (nearly always), else the stem itself.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum FormStem {
    Prefix(usize),
    Other(String),
}

/// A shard file: the terms (with their postings, [`encode_postings`]) and the forms of its
/// two letters.
#[derive(Deserialize, Default)]
struct Shard<'a> {
    #[serde(borrow)]
    t: BTreeMap<&'a str, &'a str>,
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
    /// (file name, script) of the index, the openings, the excerpt files and the shards, under
    /// `search/<lang>/`. Each is a script that hands its JSON to
    /// `signpostSearchData(name, data)`, so the browser can load it with a `<script>`
    /// element, from a server and from disk alike.
    /// Made one at a time as they are taken, so a caller that writes each before it takes
    /// the next never holds a language's whole index as text.
    pub fn files(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.parts().map(|part| self.file(part))
    }

    /// [`LangIndex::files`], made and handed on in parallel (a build's last language has the
    /// cores to itself); each core holds the one file it is making.
    pub fn par_files(&self) -> impl ParallelIterator<Item = (String, String)> + '_ {
        self.parts()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|part| self.file(part))
    }

    /// The index's files, in the order [`LangIndex::files`] gives them.
    fn parts(&self) -> impl Iterator<Item = FilePart<'_>> {
        let n = self.excerpts_per_file.max(1);
        [FilePart::Index, FilePart::Openings]
            .into_iter()
            .chain(
                self.docs
                    .chunks(n)
                    .enumerate()
                    .map(|(i, docs)| FilePart::Excerpts(i, docs)),
            )
            .chain(self.shards.iter().map(|s| FilePart::Shard(s)))
    }

    fn file(&self, part: FilePart) -> (String, String) {
        match part {
            FilePart::Index => self.index_file(),
            FilePart::Openings => openings_file(
                self.docs
                    .iter()
                    .map(|d| serde_json::to_string(opening(&d.excerpt)).unwrap_or_default()),
            ),
            FilePart::Excerpts(i, docs) => excerpt_file(
                i,
                docs.iter()
                    .map(|d| serde_json::to_string(&d.excerpt).unwrap_or_default()),
            ),
            FilePart::Shard(s) => self.shard_file(s),
        }
    }

    /// `index.js`: the pages (without excerpts), the suffix table and the shards' names.
    pub fn index_file(&self) -> (String, String) {
        (
            "index.js".to_string(),
            as_script("index", &serde_json::to_string(self).unwrap_or_default()),
        )
    }

    /// One shard's file, `s-<shard>.js`: the terms and the forms of its letters.
    pub fn shard_file(&self, shard: &str) -> (String, String) {
        // Entries are written straight into the script: a build writes a million of them.
        shard_script_with(
            shard,
            |out| {
                for (i, (t, p)) in in_shard(&self.terms, shard).enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    term_entry(out, t, p);
                }
            },
            |out| {
                for (i, (f, t)) in in_shard(&self.forms, shard).enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_form_entry(out, f, t);
                }
            },
        )
    }

    /// Reads a written index back (`search/<lang>/` of a built site), excerpts and shards
    /// included.
    pub fn read(dir: &std::path::Path) -> std::io::Result<LangIndex> {
        let data = |name: &str| std::fs::read_to_string(dir.join(name));
        let json = |text: &str| -> std::io::Result<serde_json::Value> {
            serde_json::from_str(script_json(text)).map_err(std::io::Error::other)
        };
        let text = data("index.js")?;
        let mut index: LangIndex =
            serde_json::from_str(script_json(&text)).map_err(std::io::Error::other)?;
        let n = index.excerpts_per_file.max(1);
        for chunk in 0..index.docs.len().div_ceil(n) {
            let excerpts: Vec<String> =
                serde_json::from_value(json(&data(&format!("x-{chunk}.js"))?)?)
                    .map_err(std::io::Error::other)?;
            for (doc, x) in index.docs[chunk * n..].iter_mut().zip(excerpts) {
                doc.excerpt = x;
            }
        }
        for shard in index.shards.clone() {
            let text = data(&format!("s-{shard}.js"))?;
            let content: Shard =
                serde_json::from_str(script_json(&text)).map_err(std::io::Error::other)?;
            index.terms.extend(
                content
                    .t
                    .into_iter()
                    .map(|(term, code)| (term.to_string(), decode_postings(code))),
            );
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

/// Digits of the postings code: the printable ASCII characters that need no escaping in a
/// JSON string (`"` and backslash left out), 90 of them. Digits below [`BASE`] end a number,
/// the others are followed by more of it.
fn digit_char(d: u32) -> char {
    let c = 0x23 + d + u32::from(0x23 + d >= 0x5c);
    char::from_u32(c).unwrap_or('#')
}

fn char_digit(c: u8) -> u32 {
    u32::from(c) - 0x23 - u32::from(c > 0x5c)
}

const BASE: u32 = 45;

/// `n` in the postings code: base-45 digits, most significant first, all but the last from
/// the upper half of the digits.
fn push_number(out: &mut String, n: u32) {
    if n < BASE {
        out.push(digit_char(n));
        return;
    }
    let mut digits = [0u32; 8];
    let mut len = 0;
    let mut n = n;
    loop {
        digits[len] = n % BASE;
        len += 1;
        n /= BASE;
        if n == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(digit_char(digits[i] + if i > 0 { BASE } else { 0 }));
    }
}

/// `x.round()` for the weights in tenths (10 and more): the same number, without the call
/// to `roundf` that `round` is on x86-64's base instruction set (0.7 % of a build's time).
/// Exact from 0.5 up to 2^22, where adding 0.5 rounds nothing.
pub(crate) fn rounded(x: f32) -> u32 {
    debug_assert!((0.5..4_194_304.0).contains(&x), "{x}");
    (x + 0.5) as u32
}

/// A term's postings as a string of numbers (search.js decodes it only for the words a
/// query reaches): per posting the gap to the previous document, then the weight in tenths
/// less 1.0 (every weight is 1.0 and more: `1 + …`). Most postings take 2 characters, about
/// half of a JSON list of numbers.
pub fn encode_postings(out: &mut String, postings: &Postings) {
    let mut prev = 0;
    for &(doc, w) in postings {
        push_number(out, doc - prev);
        push_number(out, rounded(w * 10.0).saturating_sub(10));
        prev = doc;
    }
}

/// [`encode_postings`] backwards.
pub fn decode_postings(code: &str) -> Postings {
    let mut out = Vec::new();
    let (mut doc, mut n, mut gap) = (0, 0, true);
    for &c in code.as_bytes() {
        let d = char_digit(c);
        if d >= BASE {
            n = n * BASE + d - BASE;
            continue;
        }
        n = n * BASE + d;
        if gap {
            doc += n;
        } else {
            out.push((doc, (n + 10) as f32 / 10.0));
        }
        gap = !gap;
        n = 0;
    }
    out
}

/// A term's entry in its shard, `"term":"postings"` ([`encode_postings`]; written by hand:
/// terms are letters and digits only, so they need no JSON escaping).
pub fn term_entry(json: &mut String, term: &str, postings: &Postings) {
    json.push('"');
    json.push_str(term);
    json.push_str("\":\"");
    encode_postings(json, postings);
    json.push('"');
}

/// A form's entry in its shard: the stem's length in characters when it begins the form
/// (nearly always), else the stem.
pub fn form_entry(form: &str, term: &str) -> String {
    let mut out = String::with_capacity(form.len() + 8);
    push_form_entry(&mut out, form, term);
    out
}

fn push_form_entry(out: &mut String, form: &str, term: &str) {
    out.push('"');
    out.push_str(form);
    out.push_str("\":");
    if form.starts_with(term) {
        let mut digits = itoa::Buffer::new();
        out.push_str(digits.format(term.chars().count()));
    } else {
        out.push('"');
        out.push_str(term);
        out.push('"');
    }
}

/// A shard's script from its entries, in order.
pub fn shard_script<S: AsRef<str>>(
    shard: &str,
    terms: impl Iterator<Item = S>,
    forms: impl Iterator<Item = S>,
) -> (String, String) {
    let joined = |entries: &mut dyn Iterator<Item = S>, out: &mut String| {
        for (i, e) in entries.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(e.as_ref());
        }
    };
    let (mut terms, mut forms) = (terms, forms);
    shard_script_with(
        shard,
        |out| joined(&mut terms, out),
        |out| joined(&mut forms, out),
    )
}

/// A shard's script, its terms and forms written by the two callbacks (entries joined by
/// commas), framed as [`as_script`] frames it.
fn shard_script_with(
    shard: &str,
    terms: impl FnOnce(&mut String),
    forms: impl FnOnce(&mut String),
) -> (String, String) {
    let name = format!("s-{shard}");
    let mut out = String::with_capacity(4096);
    out.push_str("signpostSearchData(\"");
    out.push_str(&name);
    out.push_str("\",{\"t\":{");
    terms(&mut out);
    out.push_str("},\"f\":{");
    forms(&mut out);
    out.push_str("}});\n");
    (format!("{name}.js"), out)
}

/// `x-<n>.js`: the excerpts (JSON strings) of documents `n × EXCERPTS` on, as a list.
pub fn excerpt_file(n: usize, excerpts: impl Iterator<Item = impl AsRef<str>>) -> (String, String) {
    let json = json_list(excerpts, EXCERPTS * 1024);
    let name = format!("x-{n}");
    (format!("{name}.js"), as_script(&name, &json))
}

/// `openings.js`: every page's [`opening`] (JSON strings), in document order, as a list.
pub fn openings_file(openings: impl Iterator<Item = impl AsRef<str>>) -> (String, String) {
    let json = json_list(openings, 1 << 16);
    ("openings.js".to_string(), as_script("openings", &json))
}

/// A JSON list of `items`, each already JSON.
fn json_list(items: impl Iterator<Item = impl AsRef<str>>, capacity: usize) -> String {
    let mut json = String::with_capacity(capacity);
    json.push('[');
    for (i, x) in items.enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(x.as_ref());
    }
    json.push(']');
    json
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

    /// Weights in tenths round as `round` does: at every half (where the two ways could
    /// part), a step either side of it, and a spread of values between.
    #[test]
    fn weights_round_as_round_does() {
        let mut xs = Vec::new();
        for n in 10..5000u32 {
            let half = n as f32 + 0.5;
            xs.extend([half, half.next_down(), half.next_up(), n as f32]);
        }
        xs.extend((0..200_000).map(|i| 10.0 + i as f32 * 0.0137));
        for x in xs {
            assert_eq!(rounded(x), x.round() as u32, "{x}");
        }
    }

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

    /// An opening is whole words of the excerpt's beginning, at most [`OPENING_CHARS`]
    /// characters (counted as characters, not bytes: Cyrillic takes two bytes each).
    #[test]
    fn an_opening_is_the_excerpts_first_whole_words() {
        assert_eq!(opening("Kort."), "Kort.");
        let words = "подписка ".repeat(40);
        let ru = words.trim_end();
        let o = opening(ru);
        assert!(ru.starts_with(o) && !o.ends_with(' '), "{o}");
        assert_eq!(o.chars().count(), 16 * 9 - 1, "{o}");
        // Exactly OPENING_CHARS characters before a space: all of them.
        let exact = format!("{} rest", "a".repeat(OPENING_CHARS));
        assert_eq!(opening(&exact).len(), OPENING_CHARS);
        let long = "b".repeat(OPENING_CHARS + 10);
        assert_eq!(opening(&long).len(), OPENING_CHARS);
    }

    #[test]
    fn shards_are_named_by_two_letters_in_hex() {
        assert_eq!(shard_of("klant"), "6b-6c");
        assert_eq!(shard_of("подписка"), "43f-43e");
        assert_eq!(shard_of("м"), "43c");
        assert_eq!(shard_of("0x"), "30-78");
        assert_eq!(shard_of("\u{1F600}a"), "1f600-61");
        assert_eq!(shard_prefix(&shard_of("подписка")), "по");
    }

    /// Postings survive their code (one- to three-digit gaps, weights from 1.0 up), and the
    /// code needs no escaping in a JSON string (560 = 12 × 45 + 20 takes the digit that would
    /// be a backslash).
    #[test]
    fn postings_code_round_trips_without_escapes() {
        let mut doc = 0;
        let postings: Postings = [1, 44, 45, 2024, 2025, 91_125, 3, 57, 560, 58]
            .iter()
            .zip([1.0, 1.1, 5.5, 5.6, 40.0, 1.0, 12.3, 2.0, 3.0, 99.9])
            .map(|(gap, w)| {
                doc += gap;
                (doc, w)
            })
            .collect();
        let mut code = String::new();
        encode_postings(&mut code, &postings);
        assert!(!code.contains(['"', '\\']) && code.is_ascii(), "{code}");
        assert_eq!(decode_postings(&code), postings);
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json.len(), code.len() + 2, "{json}");
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
