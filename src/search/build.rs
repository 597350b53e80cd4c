//! Building one language's index from its counted pages ([`super::count`]), and keeping it
//! up to date page by page (`serve`: an edit replaces that page's postings and rewrites only
//! the shards they touch).
//!
//! The chunks' dictionaries are merged, each distinct word is folded and stemmed once
//! (Snowball is the costly part), and each page's counts are summed per stem into postings.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::count::{Counted, Entry};
use super::stem::{self, Stemmer};
use super::words::{Counter, Counts, PageWords};
use super::{Doc, LangIndex, Postings, fold, rounded, shard_of};
use crate::hashing::{FastMap, HashMapExt, Interner, Strings};
use crate::lang::Lang;
use crate::timing::Timer;

/// Bonus for a word in the title or a heading, added to the damped count in the text.
const TITLE: f32 = 3.0;
const HEADING: f32 = 1.0;
/// Length normalization of the text's weight: 0 none, 1 full; and the page length (words
/// of text) that counts as typical. Chosen by bench/search_eval.mjs: 0.5 lifted MRR in every
/// language, 0.75 lost some of it again.
const LENGTH_NORM: f32 = 0.5;
const TYPICAL_WORDS: f32 = 400.0;
/// A distinct word of the language.
struct Word {
    term: u32,
    /// Its folded form, when that is not its stem (the form table maps it).
    form: Option<Box<str>>,
    /// Pages that have it.
    pages: u32,
}

/// A language's index as it is built, and as `serve` keeps it to follow edits.
pub struct Builder {
    lang: Lang,
    stemmer: Stemmer,
    dict: Interner,
    words: Vec<Word>,
    term_ids: FastMap<Box<str>, u32>,
    term_names: Vec<Box<str>>,
    postings: Vec<Postings>,
    /// Form → stem → pages: a form that two words fold to keeps the more common stem.
    form_terms: FastMap<Box<str>, FastMap<u32, u32>>,
    docs: Vec<Doc>,
    /// Each page's words, kept only when the index follows edits.
    page_words: Vec<PageWords>,
}

/// What an update changed: terms whose postings moved, and forms whose stem may have.
#[derive(Default, Debug)]
pub struct Touched {
    pub terms: BTreeSet<Box<str>>,
    pub forms: BTreeSet<Box<str>>,
}

impl Counted {
    /// The index of the pages counted; `keep` keeps each page's words so that
    /// [`Builder::update`] can replace them later.
    pub fn into_builder(self, keep: bool) -> Builder {
        let t = Timer::start("  search merge");
        let mut b = Builder {
            stemmer: stem::stemmer(self.lang.as_str()),
            lang: self.lang,
            dict: Interner::with_capacity(1 << 16),
            words: Vec::new(),
            term_ids: FastMap::with_capacity(1 << 15),
            term_names: Vec::new(),
            postings: Vec::new(),
            form_terms: FastMap::new(),
            docs: Vec::with_capacity(self.pages),
            page_words: Vec::new(),
        };
        // Merge the chunks' dictionaries: each chunk gets its words' numbers in the
        // language's; its pages keep the chunk's numbers, which index small tables (a
        // chunk's words and their terms) where the language's would be large ones.
        let mut chunks: Vec<(Vec<u32>, Vec<PageWords>)> = Vec::with_capacity(self.chunks.len());
        for (words, chunk_pages) in self.chunks {
            let ids = global_ids(&mut b.dict, &words);
            let pages = chunk_pages
                .into_iter()
                .map(|(doc, page)| {
                    b.docs.push(doc);
                    page
                })
                .collect();
            chunks.push((ids, pages));
        }
        t.stop();
        let t = Timer::start("  search stems");
        // New words are stemmed all at once, in parallel.
        b.add_words();
        b.count_pages(&chunks);
        t.stop();
        let t = Timer::start("  search postings");
        b.postings = if keep {
            let postings = b.postings_of(chunks.iter());
            b.page_words = chunks
                .into_iter()
                .flat_map(|(ids, pages)| {
                    pages.into_iter().map(move |mut page| {
                        for (id, _) in &mut page.words {
                            *id = ids[*id as usize];
                        }
                        page
                    })
                })
                .collect();
            postings
        } else {
            // Each chunk's pages go as their weights come, so the two are never all held
            // at once.
            b.postings_of(chunks.into_iter())
        };
        t.stop();
        b
    }
}

impl Builder {
    /// Builds one language's index; `keep` keeps each page's words so that
    /// [`Builder::update`] can replace them later.
    pub fn build(
        lang: &Lang,
        entries: &[Entry],
        section_name: impl Fn(&str) -> String + Sync,
        keep: bool,
    ) -> Builder {
        Counted::count(lang, entries, section_name).into_builder(keep)
    }

    /// The postings of the pages of `chunks` (each chunk's word numbers in the language's,
    /// and its pages), numbered in order from 0: each term's list made at its full size
    /// first, from its words' page counts (a page that has one of them has at most one
    /// posting), so that none grows, moves or is copied.
    fn postings_of<C: Borrow<(Vec<u32>, Vec<PageWords>)>>(
        &self,
        chunks: impl Iterator<Item = C>,
    ) -> Vec<Postings> {
        let mut sizes = vec![0usize; self.term_names.len()];
        for word in &self.words {
            sizes[word.term as usize] += word.pages as usize;
        }
        let mut postings: Vec<Postings> = sizes.into_iter().map(Vec::with_capacity).collect();
        let mut slots = Vec::new();
        let mut doc = 0u32;
        for chunk in chunks {
            let (ids, pages) = chunk.borrow();
            let terms: Vec<u32> = ids.iter().map(|&id| self.words[id as usize].term).collect();
            for page in pages {
                self.weights_in(
                    page,
                    |id| terms[id as usize],
                    &mut slots,
                    |term, w| {
                        postings[term as usize].push((doc, w));
                    },
                );
                doc += 1;
            }
        }
        postings
    }

    /// Stems the words the dictionary got since the last call (numbered from
    /// `self.words.len()`).
    fn add_words(&mut self) {
        let (stemmer, dict) = (&self.stemmer, &self.dict);
        let stemmed: Vec<(String, String)> = (self.words.len()..dict.len())
            .into_par_iter()
            .map(|id| {
                let w = dict.get(id as u32);
                (fold::fold(w), stemmer.term(w))
            })
            .collect();
        for (form, term) in stemmed {
            let id = match self.term_ids.get(term.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.term_names.len() as u32;
                    self.term_names.push(term.as_str().into());
                    self.term_ids.insert(term.as_str().into(), id);
                    self.postings.push(Vec::new());
                    id
                }
            };
            self.words.push(Word {
                term: id,
                form: (form != term).then(|| form.into()),
                pages: 0,
            });
        }
    }

    /// [`Builder::count_in`] for every page of a build at once (`chunks` as in
    /// [`Builder::postings_of`]): words counted by number first, so that each form is
    /// looked up once per word, not once per page.
    fn count_pages(&mut self, chunks: &[(Vec<u32>, Vec<PageWords>)]) {
        for (ids, pages) in chunks {
            for page in pages {
                for (id, _) in &page.words {
                    let word = &mut self.words[ids[*id as usize] as usize];
                    word.pages = word.pages.saturating_add(1);
                }
            }
        }
        for word in &self.words {
            if let Some(form) = &word.form
                && word.pages > 0
            {
                let stems = self.form_terms.entry(form.clone()).or_default();
                let pages = stems.entry(word.term).or_default();
                *pages = pages.saturating_add(word.pages);
            }
        }
    }

    /// Adds (`by` 1) or takes away (`by` -1) one page's words from the page counts.
    fn count_in(&mut self, page: &PageWords, by: i32) {
        for (id, _) in &page.words {
            let word = &mut self.words[*id as usize];
            word.pages = word.pages.saturating_add_signed(by);
            if let Some(form) = &word.form {
                // Looked up before it is copied: most forms are met on many pages.
                let stems = match self.form_terms.get_mut(form) {
                    Some(stems) => stems,
                    None => self.form_terms.entry(form.clone()).or_default(),
                };
                let pages = stems.entry(word.term).or_default();
                *pages = pages.saturating_add_signed(by);
            }
        }
    }

    /// A page's weight per term.
    fn weights(&self, page: &PageWords) -> Vec<(u32, f32)> {
        let mut out = Vec::with_capacity(page.words.len());
        let term_of = |id: u32| self.words[id as usize].term;
        self.weights_in(page, term_of, &mut Vec::new(), |term, w| {
            out.push((term, w))
        });
        out
    }

    /// [`Builder::weights`] with a scratch table by term (left as it was found), so that
    /// the words that share a stem add up without sorting or hashing; `term_of` gives the
    /// term of a word number of the page.
    fn weights_in(
        &self,
        page: &PageWords,
        term_of: impl Fn(u32) -> u32,
        slots: &mut Vec<(Counts, bool)>,
        mut weight: impl FnMut(u32, f32),
    ) {
        if slots.len() < self.term_names.len() {
            slots.resize(self.term_names.len(), (Counts::default(), false));
        }
        let mut terms: Vec<u32> = Vec::with_capacity(page.words.len());
        // In the page's order, so the sums are the same however the words are numbered.
        for (id, c) in &page.words {
            let term = term_of(*id);
            let (sum, seen) = &mut slots[term as usize];
            if !*seen {
                *seen = true;
                terms.push(term);
            }
            sum.tf += c.tf;
            sum.title |= c.title;
            sum.heading |= c.heading;
        }
        // Long pages (monthly announcements that touch every subject) would otherwise
        // win on sheer volume: the text's share is damped by length, as in BM25.
        let norm = 1.0 - LENGTH_NORM + LENGTH_NORM * (page.len / TYPICAL_WORDS);
        for term in terms {
            let (c, _) = std::mem::take(&mut slots[term as usize]);
            let w = 1.0
                + ln_1p(c.tf) / norm
                + if c.title { TITLE } else { 0.0 }
                + if c.heading { HEADING } else { 0.0 };
            weight(term, rounded(w * 10.0) as f32 / 10.0);
        }
    }

    /// Pages indexed, by href, in document order.
    pub fn hrefs(&self) -> impl Iterator<Item = &str> {
        self.docs.iter().map(|d| d.href.as_str())
    }

    /// Replaces document `doc`'s words and postings with `entry`'s (its href stays);
    /// returns the terms and forms that changed. Needs a builder built with `keep`.
    pub fn update(
        &mut self,
        doc: usize,
        entry: &Entry,
        section_name: impl Fn(&str) -> String,
    ) -> Touched {
        let mut touched = Touched::default();
        let old = std::mem::take(&mut self.page_words[doc]);
        // Only the postings whose weight changed are touched: a small edit leaves most of
        // the page's weights (rounded to tenths) as they were, and so most shards.
        let before: FastMap<u32, f32> = self.weights(&old).into_iter().collect();
        self.count_in(&old, -1);
        let mut counter = Counter::new();
        let mut page = counter.page(entry.parts());
        let ids = global_ids(&mut self.dict, &counter.into_words());
        self.add_words();
        for (id, _) in &mut page.words {
            *id = ids[*id as usize];
        }
        self.count_in(&page, 1);
        let after: FastMap<u32, f32> = self.weights(&page).into_iter().collect();
        for (&term, &w) in &before {
            if after.get(&term) != Some(&w) {
                let p = &mut self.postings[term as usize];
                p.retain(|p| p.0 as usize != doc);
                touched.terms.insert(self.term_names[term as usize].clone());
            }
        }
        for (&term, &w) in &after {
            if before.get(&term) != Some(&w) {
                let p = &mut self.postings[term as usize];
                let at = p.partition_point(|x| (x.0 as usize) < doc);
                p.insert(at, (doc as u32, w));
                touched.terms.insert(self.term_names[term as usize].clone());
            }
        }
        for (id, _) in old.words.iter().chain(&page.words) {
            if let Some(form) = &self.words[*id as usize].form {
                touched.forms.insert(form.clone());
            }
        }
        self.docs[doc] = entry.doc(section_name);
        self.page_words[doc] = page;
        touched
    }

    /// The stem a form stands for: the one most pages have it as, ties to the first stem.
    fn form_stem(&self, stems: &FastMap<u32, u32>) -> Option<&str> {
        let (term, _) = stems.iter().filter(|(_, n)| **n > 0).max_by(|a, b| {
            a.1.cmp(b.1)
                .then(self.term_names[*b.0 as usize].cmp(&self.term_names[*a.0 as usize]))
        })?;
        Some(&self.term_names[*term as usize])
    }

    /// The index as written: stems with their postings, forms with their stems.
    pub fn index(&self) -> LangIndex {
        let terms = self
            .term_names
            .iter()
            .zip(&self.postings)
            .filter(|(_, p)| !p.is_empty())
            .map(|(t, p)| (t.to_string(), p.clone()))
            .collect();
        self.finish(terms, self.docs.clone())
    }

    /// [`Builder::index`] without copying the postings (a build's last step).
    pub fn into_index(mut self) -> LangIndex {
        // The builder's own strings become the index's: a build's last step copies none.
        let forms = std::mem::take(&mut self.form_terms)
            .into_iter()
            .filter_map(|(form, stems)| Some((form.into_string(), self.form_stem(&stems)?.into())))
            .collect();
        let postings = std::mem::take(&mut self.postings);
        let terms = std::mem::take(&mut self.term_names)
            .into_iter()
            .zip(postings)
            .filter(|(_, p)| !p.is_empty())
            .map(|(t, p)| (t.into_string(), p))
            .collect();
        let docs = std::mem::take(&mut self.docs);
        self.assemble(terms, forms, docs)
    }

    fn finish(&self, terms: BTreeMap<String, Postings>, docs: Vec<Doc>) -> LangIndex {
        let forms = self
            .form_terms
            .iter()
            .filter_map(|(form, stems)| Some((form.to_string(), self.form_stem(stems)?.into())))
            .collect();
        self.assemble(terms, forms, docs)
    }

    fn assemble(
        &self,
        terms: BTreeMap<String, Postings>,
        forms: BTreeMap<String, String>,
        docs: Vec<Doc>,
    ) -> LangIndex {
        let mut index = LangIndex {
            lang: self.lang.to_string(),
            suffixes: self
                .stemmer
                .light
                .suffixes
                .iter()
                .map(|s| s.to_string())
                .collect(),
            min: self.stemmer.light.min,
            alternations: self
                .stemmer
                .light
                .alternations
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            docs,
            excerpts_per_file: super::EXCERPTS,
            shards: Vec::new(),
            terms,
            forms,
        };
        index.shards = shard_names(&index);
        index
    }
}

/// A language's index as `serve` keeps it: the builder, and each shard entry and page as
/// written, so that an edit rewrites only the files it changed (a shard by copying the
/// entries it did not touch).
pub struct Live {
    /// How many of the documents are pages (the rest are the tree's outcomes), for the
    /// caller to see when pages came or went.
    pub pages: usize,
    builder: Builder,
    /// `{"lang":…,"suffixes":…,"min":…,"alternations":…,` of `index.js`.
    head: String,
    /// Each document as `index.js` lists it, its excerpt and its opening (JSON strings).
    docs: Vec<String>,
    excerpts: Vec<String>,
    openings: Vec<String>,
    per_file: usize,
    terms: BTreeMap<String, String>,
    forms: BTreeMap<String, String>,
    shards: BTreeSet<String>,
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

impl Live {
    /// Keeps `builder` (built with `keep`) and what it writes.
    pub fn new(builder: Builder) -> Live {
        let index = builder.index();
        let head = format!(
            "{{\"lang\":{},\"suffixes\":{},\"min\":{},\"alternations\":{},",
            json(&index.lang),
            json(&index.suffixes),
            index.min,
            json(&index.alternations)
        );
        Live {
            pages: 0,
            head,
            docs: index.docs.iter().map(json).collect(),
            excerpts: index.docs.iter().map(|d| json(&d.excerpt)).collect(),
            openings: index
                .docs
                .iter()
                .map(|d| json(&super::opening(&d.excerpt)))
                .collect(),
            per_file: index.excerpts_per_file.max(1),
            terms: index
                .terms
                .iter()
                .map(|(t, p)| {
                    let mut e = String::new();
                    super::term_entry(&mut e, t, p);
                    (t.clone(), e)
                })
                .collect(),
            forms: index
                .forms
                .iter()
                .map(|(f, t)| (f.clone(), super::form_entry(f, t)))
                .collect(),
            shards: index.shards.into_iter().collect(),
            builder,
        }
    }

    /// Pages indexed, by href, in document order.
    pub fn hrefs(&self) -> impl Iterator<Item = &str> {
        self.builder.hrefs()
    }

    /// Replaces document `doc` with `entry` (see [`Builder::update`]); returns the names
    /// of the files to write again ([`Live::file`]): the shards whose entries changed (one
    /// that no longer exists among them), the document's excerpt file if its excerpt
    /// changed, `openings.js` if its opening did, and `index.js` if its list of documents or
    /// shards did.
    pub fn update(
        &mut self,
        doc: usize,
        entry: &Entry,
        section_name: impl Fn(&str) -> String,
    ) -> BTreeSet<String> {
        let touched = self.builder.update(doc, entry, section_name);
        let b = &self.builder;
        let mut shards = BTreeSet::new();
        for term in &touched.terms {
            let p = &b.postings[b.term_ids[term] as usize];
            if p.is_empty() {
                self.terms.remove(&**term);
            } else {
                let mut e = String::new();
                super::term_entry(&mut e, term, p);
                self.terms.insert(term.to_string(), e);
            }
            shards.insert(shard_of(term));
        }
        for form in &touched.forms {
            let now = b
                .form_terms
                .get(form)
                .and_then(|s| b.form_stem(s))
                .map(|stem| super::form_entry(form, stem));
            // Most forms keep their stem: their shard stays as it was.
            if self.forms.get(&**form) == now.as_ref() {
                continue;
            }
            match now {
                Some(e) => self.forms.insert(form.to_string(), e),
                None => self.forms.remove(&**form),
            };
            shards.insert(shard_of(form));
        }
        let mut files = BTreeSet::new();
        let mut index_changed = false;
        for shard in shards {
            let has = super::in_shard(&self.terms, &shard).next().is_some()
                || super::in_shard(&self.forms, &shard).next().is_some();
            index_changed |= if has {
                self.shards.insert(shard.clone())
            } else {
                self.shards.remove(&shard)
            };
            files.insert(format!("s-{shard}.js"));
        }
        let listed = json(&b.docs[doc]);
        if listed != self.docs[doc] {
            self.docs[doc] = listed;
            index_changed = true;
        }
        let excerpt = json(&b.docs[doc].excerpt);
        if excerpt != self.excerpts[doc] {
            self.excerpts[doc] = excerpt;
            files.insert(format!("x-{}.js", doc / self.per_file));
        }
        let opening = json(&super::opening(&b.docs[doc].excerpt));
        if opening != self.openings[doc] {
            self.openings[doc] = opening;
            files.insert("openings.js".to_string());
        }
        if index_changed {
            files.insert("index.js".to_string());
        }
        files
    }

    /// The script of file `name` as it is now: one [`Live::update`] named, or of
    /// [`Live::files`]; empty for a shard no entry is in any more (nothing points to it).
    pub fn file(&self, name: &str) -> String {
        let stem = name.strip_suffix(".js").unwrap_or(name);
        if stem == "index" {
            return self.index_file().1;
        }
        if stem == "openings" {
            return super::openings_file(self.openings.iter()).1;
        }
        if let Some(n) = stem
            .strip_prefix("x-")
            .and_then(|n| n.parse::<usize>().ok())
        {
            return self.excerpt_file(n).1;
        }
        match stem.strip_prefix("s-") {
            Some(shard) if self.shards.contains(shard) => self.shard_file(shard).1,
            _ => String::new(),
        }
    }

    /// `index.js`, as [`LangIndex::index_file`] writes it.
    fn index_file(&self) -> (String, String) {
        let shards: Vec<&String> = self.shards.iter().collect();
        let json = format!(
            "{}\"docs\":[{}],\"excerpts\":{},\"shards\":{}}}",
            self.head,
            self.docs.join(","),
            self.per_file,
            json(&shards)
        );
        ("index.js".to_string(), super::as_script("index", &json))
    }

    fn excerpt_file(&self, n: usize) -> (String, String) {
        let from = (n * self.per_file).min(self.excerpts.len());
        let to = (from + self.per_file).min(self.excerpts.len());
        super::excerpt_file(n, self.excerpts[from..to].iter())
    }

    fn shard_file(&self, shard: &str) -> (String, String) {
        super::shard_script(
            shard,
            super::in_shard(&self.terms, shard).map(|(_, e)| e.as_str()),
            super::in_shard(&self.forms, shard).map(|(_, e)| e.as_str()),
        )
    }

    /// Every file, as [`LangIndex::files`] writes them.
    pub fn files(&self) -> Vec<(String, String)> {
        let mut out = vec![
            self.index_file(),
            super::openings_file(self.openings.iter()),
        ];
        out.extend((0..self.excerpts.len().div_ceil(self.per_file)).map(|n| self.excerpt_file(n)));
        out.extend(self.shards.iter().map(|s| self.shard_file(s)));
        out
    }
}

fn shard_names(index: &LangIndex) -> Vec<String> {
    let mut shards: Vec<String> = index
        .terms
        .keys()
        .chain(index.forms.keys())
        .map(|t| shard_of(t))
        .collect();
    shards.sort();
    shards.dedup();
    shards
}

/// `tf.ln_1p()`, from a table for the whole counts most words have (half a million calls
/// to `log1pf` per thousand pages otherwise).
fn ln_1p(tf: f32) -> f32 {
    const N: usize = 64;
    static TABLE: std::sync::OnceLock<[f32; N]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| std::array::from_fn(|n| (n as f32).ln_1p()));
    match table.get(tf as usize) {
        // `tf as usize` cut off any fraction: the table holds whole counts only.
        Some(&v) if (tf as usize) as f32 == tf => v,
        _ => tf.ln_1p(),
    }
}

/// The numbers in `dict` of a chunk's `words`, by their numbers in the chunk; words `dict`
/// did not have are added (numbered after the words it had, to be stemmed).
fn global_ids(dict: &mut Interner, words: &Strings) -> Vec<u32> {
    words.iter().map(|w| dict.intern(w)).collect()
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::count::Body;
    use super::*;

    /// The index's files one by one, as `serve` makes them, checked against the files a
    /// build makes in parallel.
    fn files(index: &LangIndex) -> Vec<(String, String)> {
        let files: Vec<_> = index.files().collect();
        let mut parallel: Vec<_> = index.par_files().collect();
        let mut sorted = files.clone();
        parallel.sort();
        sorted.sort();
        assert_eq!(parallel, sorted);
        files
    }

    fn entry(title: &str, body: &str) -> Entry<'static> {
        Entry {
            title: title.into(),
            href: title.into(),
            section: "s".into(),
            headings: vec![Cow::Borrowed("Kop")],
            body: Body::Html(Box::leak(body.to_string().into_boxed_str())),
            originals: vec!["Customers can cancel"],
        }
    }

    /// An edit followed page by page gives the same files as building the edited pages
    /// whole: postings, forms (a form's stem follows which stem most pages have it as)
    /// and the pages' excerpts.
    #[test]
    fn an_update_writes_what_a_whole_build_writes() {
        let lang = Lang::new_unchecked("pl");
        let before = [
            entry(
                "Anulowanie",
                "<p>Jak anulować <strong>subskrypcję</strong> w centrum.</p>",
            ),
            entry(
                "Faktury",
                "<p>Subskrypcja pojawia się na fakturze. Płatności.</p>",
            ),
            entry("Inne", "<p>Nic tu nie ma, tylko faktury i subskrypcje.</p>"),
        ];
        let edited = entry(
            "Faktury",
            "<p>Rezerwacja pojawia się na fakturach &amp; tyle.</p>",
        );
        let name = |s: &str| s.to_string();
        let mut builder = Builder::build(&lang, &before, name, true);
        let platn = |i: &LangIndex| i.terms.keys().any(|t| t.starts_with("platn"));
        assert!(platn(&builder.index()));
        let mut live = Live::new(Builder::build(&lang, &before, name, true));
        assert_eq!(live.files(), files(&builder.index()));
        builder.update(1, &edited, name);
        let shards = live.update(1, &edited, name);
        let [a, _, c] = before;
        let whole = Builder::build(&lang, &[a, edited, c], name, false).index();
        assert_eq!(files(&builder.index()), files(&whole));
        assert_eq!(live.files(), files(&whole));
        assert!(!platn(&whole) && whole.terms.keys().any(|t| t.starts_with("rezerwac")));
        // `płatność` went, so its shard is among those written again.
        assert!(
            shards.contains(&format!("s-{}.js", shard_of("platn"))),
            "{shards:?}"
        );
        // The page begins with other words: its opening is written again, with its excerpt.
        assert!(
            shards.contains("openings.js") && shards.contains("x-0.js"),
            "{shards:?}"
        );
    }
}
