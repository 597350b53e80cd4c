//! A page's words, counted for the index in one pass over its rendered HTML and its other
//! texts: lowercased, split at anything that is not a letter or digit, one-letter words left
//! out. Words are numbered in a dictionary of the pages counted together, so a page's counts
//! are a list of numbers, not of strings (the build counts thousands of pages at once, and
//! every string per word and page showed up both in its time and in its peak memory).

use crate::hashing::{FastMap, HashMapExt};

/// Where a word stands in the page: title and headings lift it, the text counts occurrences
/// (the page's own text fully, its English originals less).
#[derive(Clone, Copy)]
pub enum Field {
    Title,
    Heading,
    Body(f32),
}

/// Per word of a page: count in the text (originals counting less), in the title, in a
/// heading.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub tf: f32,
    pub title: bool,
    pub heading: bool,
}

/// One page's words: (word number, counts) in the order of first occurrence, and the
/// length of its text (occurrences in the text, weighted like `tf`).
#[derive(Default, Clone, Debug)]
pub struct PageWords {
    pub words: Vec<(u32, Counts)>,
    pub len: f32,
}

/// Counts pages' words against one dictionary.
#[derive(Default)]
pub struct Counter {
    dict: FastMap<Box<str>, u32>,
    /// Per word number: its counts in the page being counted, and that page's stamp.
    slots: Vec<(Counts, u32)>,
    page: u32,
    current: PageWords,
    buf: String,
    chars: usize,
}

impl Counter {
    pub fn new() -> Counter {
        Counter {
            dict: FastMap::with_capacity(4096),
            ..Counter::default()
        }
    }

    /// Starts counting a new page.
    fn begin(&mut self) {
        self.page += 1;
        self.current = PageWords::default();
    }

    /// The page counted since [`Counter::begin`].
    fn finish(&mut self) -> PageWords {
        std::mem::take(&mut self.current)
    }

    /// Counts the words of plain text.
    fn text(&mut self, text: &str, field: Field) {
        self.feed(text, field);
        self.end_word(field);
    }

    /// Counts the words of rendered HTML's text (as [`html_pieces`] reads it).
    fn html(&mut self, html: &str, field: Field) {
        html_pieces(html, |piece| {
            self.feed(piece, field);
            true
        });
        self.end_word(field);
    }

    /// The dictionary's words by number.
    pub fn into_words(self) -> Vec<Box<str>> {
        let mut words: Vec<(Box<str>, u32)> = self.dict.into_iter().collect();
        words.sort_unstable_by_key(|(_, id)| *id);
        words.into_iter().map(|(w, _)| w).collect()
    }

    fn feed(&mut self, text: &str, field: Field) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII by the byte: most of every page, even in Russian (markup, spaces, digits).
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    self.buf.push(b.to_ascii_lowercase() as char);
                    self.chars += 1;
                } else {
                    self.end_word(field);
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if ('а'..='я').contains(&c) || c == 'ё' {
                self.buf.push(c);
                self.chars += 1;
            } else if ('А'..='Я').contains(&c) {
                // Basic Cyrillic capitals are 32 code points before their small letters.
                self.buf.push(char::from_u32(c as u32 + 32).unwrap_or(c));
                self.chars += 1;
            } else {
                for l in c.to_lowercase() {
                    if l.is_alphanumeric() {
                        self.buf.push(l);
                        self.chars += 1;
                    } else {
                        self.end_word(field);
                    }
                }
            }
        }
    }

    fn end_word(&mut self, field: Field) {
        // One-letter words (Russian "о", "в", Dutch "u") carry no meaning to search by.
        if self.chars >= 2 {
            let id = match self.dict.get(self.buf.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.slots.len() as u32;
                    self.dict.insert(self.buf.as_str().into(), id);
                    self.slots.push((Counts::default(), 0));
                    id
                }
            };
            let (counts, stamp) = &mut self.slots[id as usize];
            if *stamp != self.page {
                *stamp = self.page;
                *counts = Counts::default();
                self.current.words.push((id, Counts::default()));
            }
            match field {
                Field::Title => counts.title = true,
                Field::Heading => counts.heading = true,
                Field::Body(x) => {
                    counts.tf += x;
                    self.current.len += x;
                }
            }
        }
        self.buf.clear();
        self.chars = 0;
    }

    /// Copies the slots' counts into the page's list.
    fn settle(&mut self) {
        for (id, c) in &mut self.current.words {
            *c = self.slots[*id as usize].0;
        }
    }

    /// Counts one page from its parts and returns its words.
    pub fn page<'t>(&mut self, parts: impl IntoIterator<Item = (Part<'t>, Field)>) -> PageWords {
        self.begin();
        for (part, field) in parts {
            match part {
                Part::Text(t) => self.text(t, field),
                Part::Html(h) => self.html(h, field),
            }
        }
        self.settle();
        self.finish()
    }
}

/// A piece of a page to count: plain text, or rendered HTML.
#[derive(Clone, Copy)]
pub enum Part<'t> {
    Text(&'t str),
    Html(&'t str),
}

/// Calls `f` with the text of rendered HTML piece by piece, until it returns false, without the hidden English
/// originals (`<span class="sp-orig">`): text runs with `&lt;`, `&gt;`, `&quot;`, `&#39;`
/// and `&amp;` decoded, and a space for every tag other than a link, `strong`, `em` or `code`
/// (those stand inside words: `<strong>kun</strong>nen` is one word).
pub fn html_pieces(html: &str, mut f: impl FnMut(&str) -> bool) {
    let mut rest = html;
    let mut skip_depth = 0usize;
    while let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) {
        if skip_depth == 0 && !decoded(&rest[..lt], &mut f) {
            return;
        }
        let Some(gt) = memchr::memchr(b'>', &rest.as_bytes()[lt..]) else {
            rest = "";
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
        } else if !inline(tag) && !f(" ") {
            return;
        }
        rest = &rest[lt + gt + 1..];
    }
    if skip_depth == 0 {
        decoded(rest, &mut f);
    }
}

/// Tags that stand inside a word's text.
fn inline(tag: &str) -> bool {
    let name = tag
        .strip_prefix("</")
        .or_else(|| tag.strip_prefix('<'))
        .unwrap_or(tag);
    name.starts_with('a')
        || name.starts_with("strong")
        || name.starts_with("em")
        || name.starts_with("code")
}

/// Text with the five entities the renderer writes decoded (`&amp;lt;` stays `&lt;`);
/// false when `f` asked to stop.
fn decoded(text: &str, f: &mut impl FnMut(&str) -> bool) -> bool {
    let mut rest = text;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        let after = &rest[amp..];
        let (with, len) = [
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&amp;", "&"),
        ]
        .iter()
        .find(|(e, _)| after.starts_with(e))
        .map_or(("&", 1), |(e, d)| (*d, e.len()));
        if (amp > 0 && !f(&rest[..amp])) || !f(with) {
            return false;
        }
        rest = &rest[amp + len..];
    }
    rest.is_empty() || f(rest)
}
