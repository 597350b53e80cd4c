//! Reading a language's pages for its index: each page's words counted, in parallel chunks
//! of pages each counted against a dictionary of its own (a page's words are numbers, not
//! strings), and the excerpt its result shows. This is the part of building an index that
//! reads every page; [`super::build`] makes the index from what it counted.

use std::borrow::Cow;

use rayon::prelude::*;

use super::Doc;
use super::words::{Counter, Field, PageWords, Part};
use crate::hashing::{FastMap, HashMapExt, Strings};
use crate::lang::Lang;
use crate::timing::Timer;

/// How much one occurrence counts: in the page's own text, and in its English originals.
const BODY: f32 = 1.0;
const ORIGINAL: f32 = 0.3;
/// Characters of body text kept per page for result excerpts.
const EXCERPT_CHARS: usize = 700;
/// Pages counted against one dictionary: large enough that most words of a chunk repeat,
/// small enough that both cores get many chunks.
const CHUNK: usize = 64;

/// A page or outcome to index, with its text by kind.
pub struct Entry<'a> {
    pub title: String,
    /// Site path relative to the language's search page (`../customer-self-support/`).
    pub href: String,
    /// Fluent key of the section name shown with the result.
    pub section: String,
    pub headings: Vec<Cow<'a, str>>,
    /// The page's text: its rendered HTML, or plain text (tree outcomes).
    pub body: Body<'a>,
    /// English originals (side-by-side pages), found with a lower rank.
    pub originals: Vec<&'a str>,
}

pub enum Body<'a> {
    Html(&'a str),
    Text(String),
}

impl Entry<'_> {
    pub(super) fn parts(&self) -> impl Iterator<Item = (Part<'_>, Field)> {
        let body = match &self.body {
            Body::Html(h) => Part::Html(h),
            Body::Text(t) => Part::Text(t),
        };
        std::iter::once((Part::Text(&self.title), Field::Title))
            .chain(
                self.headings
                    .iter()
                    .map(|h| (Part::Text(h), Field::Heading)),
            )
            .chain(std::iter::once((body, Field::Body(BODY))))
            .chain(
                self.originals
                    .iter()
                    .map(|o| (Part::Text(o), Field::Body(ORIGINAL))),
            )
    }

    pub(super) fn doc(&self, mut section_name: impl FnMut(&str) -> String) -> Doc {
        Doc {
            title: self.title.clone(),
            href: self.href.clone(),
            section: section_name(&self.section),
            excerpt: match &self.body {
                Body::Html(h) => excerpt_of_html(h),
                Body::Text(t) => excerpt(t),
            },
        }
    }
}

/// A chunk of pages counted together: its dictionary's words by number, and its pages.
pub(super) type Chunk = (Strings, Vec<(Doc, PageWords)>);

/// A language's pages counted, chunk by chunk, before their words are merged and stemmed:
/// the part of a build that reads every page, so that a build can count one language while
/// it finishes the one before.
pub struct Counted {
    pub(super) lang: Lang,
    pub(super) chunks: Vec<Chunk>,
    pub(super) pages: usize,
}

impl Counted {
    /// Counts the words of `entries`, in parallel chunks.
    pub fn count(
        lang: &Lang,
        entries: &[Entry],
        section_name: impl Fn(&str) -> String + Sync,
    ) -> Counted {
        let t = Timer::start("  search count");
        let chunks: Vec<Chunk> = entries
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut counter = Counter::new();
                let mut names: FastMap<String, String> = FastMap::new();
                let pages = chunk
                    .iter()
                    .map(|e| {
                        // A chunk's pages share a few sections: each name is looked up once.
                        let named = |key: &str| match names.get(key) {
                            Some(name) => name.clone(),
                            None => {
                                let name = section_name(key);
                                names.insert(key.to_string(), name.clone());
                                name
                            }
                        };
                        (e.doc(named), counter.page(e.parts()))
                    })
                    .collect();
                (counter.into_words(), pages)
            })
            .collect();
        t.stop();
        Counted {
            lang: lang.clone(),
            chunks,
            pages: entries.len(),
        }
    }
}

/// [`excerpt`] of rendered HTML's text, read in one pass and only as far as it needs: runs
/// of text between spaces are copied whole (a character at a time, this was a tenth of
/// counting a page).
fn excerpt_of_html(html: &str) -> String {
    let mut out = String::with_capacity(EXCERPT_CHARS + 16);
    // As `excerpt` counts: each word's characters and one for the space after it.
    let mut chars = 0;
    let mut word = 0;
    let mut copy = |run: &str, word: &mut usize| {
        if run.is_empty() {
            return;
        }
        if *word == 0 && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
        // Characters are the bytes that do not continue one.
        *word += run.bytes().filter(|b| b & 0xC0 != 0x80).count();
    };
    super::words::html_pieces(html, |piece| {
        let bytes = piece.as_bytes();
        let (mut i, mut start) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            let space = match SPACE_BYTE[b as usize] {
                NOT_SPACE => {
                    i += 1;
                    continue;
                }
                ASCII_SPACE => 1,
                _ => match piece[i..].chars().next() {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => {
                        i += 1;
                        continue;
                    }
                },
            };
            copy(&piece[start..i], &mut word);
            if word > 0 {
                chars += word + 1;
                word = 0;
                if chars >= EXCERPT_CHARS {
                    return false;
                }
            }
            i += space;
            start = i;
        }
        copy(&piece[start..], &mut word);
        true
    });
    out
}

/// What a byte is to [`excerpt_of_html`]: not (the start of) a space, an ASCII space
/// (`char::is_whitespace` in ASCII: `u8::is_ascii_whitespace` and U+000B), or the first
/// byte of a character that may be one (every space beyond ASCII starts with C2, E1, E2 or
/// E3). Cyrillic text was a character's decoding and a Unicode lookup per letter.
const NOT_SPACE: u8 = 0;
const ASCII_SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;

static SPACE_BYTE: [u8; 256] = {
    let mut table = [NOT_SPACE; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() || byte == 0x0B {
            ASCII_SPACE
        } else if matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            MAYBE_SPACE
        } else {
            NOT_SPACE
        };
        b += 1;
    }
    table
};

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt read from HTML is [`excerpt`] of the text `html_pieces` reads, on HTML
    /// made of words (Latin, Polish, Cyrillic, CJK), every kind of space (no-break, em,
    /// ideographic, Ogham, next-line, vertical tab), inline and other tags and entities,
    /// long enough to be cut.
    #[test]
    fn an_excerpt_of_html_is_the_excerpt_of_its_text() {
        let parts = [
            "klant",
            "Zażółć",
            "отмена",
            "東京",
            " ",
            "  ",
            "\u{a0}",
            "\u{2003}",
            "\u{3000}",
            "\u{1680}",
            "\u{85}",
            "\t",
            "\u{b}",
            "\n",
            "<p>",
            "</p>",
            "<strong>",
            "</strong>",
            "<a href=\"x\">",
            "</a>",
            "&amp;",
            "&lt;",
            "<br>",
            "é",
            "42",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..400 {
            let mut html = String::new();
            for _ in 0..(round * 3 % 900) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                html.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            let mut text = String::new();
            super::super::words::html_pieces(&html, |piece| {
                text.push_str(piece);
                true
            });
            assert_eq!(excerpt_of_html(&html), excerpt(&text), "{html}");
        }
    }
}
