//! A page's words, counted for the index in one pass over its rendered HTML and its other
//! texts: lowercased, split at anything that is not a letter or digit, one-letter words left
//! out. Words are numbered in a dictionary of the pages counted together, so a page's counts
//! are a list of numbers, not of strings (the build counts thousands of pages at once, and
//! every string per word and page showed up both in its time and in its peak memory).

use std::sync::OnceLock;

use crate::hashing::{Interner, Strings};

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
    dict: Interner,
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
            dict: Interner::with_capacity(4096),
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
        self.feed(text, field, true);
        self.end_word(field);
    }

    /// Counts the words of rendered HTML's text, read as [`html_pieces`] reads it, in one
    /// pass: each piece of text is fed knowing whether what follows it ends a word (a tag
    /// other than an inline one, an entity), so that a word before a tag is counted where
    /// it stands instead of through the buffer.
    fn html(&mut self, html: &str, field: Field) {
        let mut pending = "";
        walk_html(html, |piece| {
            match piece {
                Piece::Text(t) => {
                    self.feed(pending, field, false);
                    pending = t;
                }
                // Every entity the renderer writes stands for a character that ends a word.
                Piece::Entity(_) | Piece::Tag { ends_word: true } => {
                    self.feed(std::mem::take(&mut pending), field, true);
                    self.end_word(field);
                }
                Piece::Tag { ends_word: false } => {
                    self.feed(std::mem::take(&mut pending), field, false);
                }
            }
            true
        });
        self.feed(pending, field, true);
        self.end_word(field);
    }

    /// The words the pages' word numbers stand for.
    pub fn into_words(self) -> Strings {
        self.dict.into_strings()
    }

    /// Counts the words of `text`; a word at its end is counted then and there when
    /// `closed` (what follows ends it), else kept in the buffer to go on.
    fn feed(&mut self, text: &str, field: Field, closed: bool) {
        let bytes = text.as_bytes();
        let two = two_byte_letters();
        let mut i = 0;
        while i < bytes.len() {
            // Most words are already lowercase and end at an ASCII space or mark: counted
            // here, with nothing buffered, copied or looked up in Unicode's tables.
            if self.buf.is_empty() {
                let start = i;
                let mut twos = 0;
                while let Some(&b) = bytes.get(i) {
                    match CLASS[b as usize] {
                        ASCII_LOWER => i += 1,
                        LEAD_TWO if bytes.get(i + 1).is_some_and(|&next| as_is(b, next, two)) => {
                            i += 2;
                            twos += 1;
                        }
                        _ => break,
                    }
                }
                let ends = match bytes.get(i) {
                    Some(&b) => CLASS[b as usize] == ASCII_SPLIT,
                    None => closed,
                };
                if ends {
                    if i - start - twos >= 2 {
                        self.count(&text[start..i], field);
                    }
                    i += 1;
                    continue;
                }
                i = start;
            }
            // A run of letters and digits that need no Unicode tables: ASCII (most of every
            // page, even in Russian: markup, spaces, digits) and two-byte characters
            // (Latin with diacritics, Cyrillic, Greek).
            let start = i;
            let mut lower = true;
            // Two-byte letters in the run: its characters are its bytes less these.
            let mut twos = 0;
            let stop = loop {
                // Lowercase ASCII letters and digits, the bulk of every text, byte by byte
                // through one table.
                while i < bytes.len() && CLASS[bytes[i] as usize] == ASCII_LOWER {
                    i += 1;
                }
                let Some(&b) = bytes.get(i) else {
                    break Stop::End;
                };
                match CLASS[b as usize] {
                    ASCII_UPPER => {
                        lower = false;
                        i += 1;
                    }
                    ASCII_SPLIT => break Stop::Not(1),
                    LEAD_TWO => {
                        let Some(&next) = bytes.get(i + 1) else {
                            break Stop::Other;
                        };
                        let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                        match two[code as usize - 0x80] {
                            Letter::Lower(l) => {
                                lower &= l as u32 == code;
                                i += 2;
                                twos += 1;
                            }
                            Letter::Not => break Stop::Not(2),
                            Letter::Other => break Stop::Other,
                        }
                    }
                    _ => break Stop::Other,
                }
            };
            let chars = i - start - twos;
            let run = &text[start..i];
            // A whole word, already lowercase and ended within this text, is counted where
            // it stands; a word that goes on (into an inline tag's text, or past a
            // character for Unicode's tables) is gathered in the buffer first.
            if lower && self.buf.is_empty() && matches!(stop, Stop::Not(_)) {
                if chars >= 2 {
                    self.count(run, field);
                }
            } else if chars > 0 {
                if lower {
                    self.buf.push_str(run);
                } else {
                    self.push_lowered(run, two);
                }
                self.chars += chars;
            }
            match stop {
                Stop::End => {}
                Stop::Not(len) => {
                    if !self.buf.is_empty() {
                        self.end_word(field);
                    }
                    i += len;
                }
                Stop::Other => {
                    let Some(c) = text[i..].chars().next() else {
                        break;
                    };
                    i += c.len_utf8();
                    self.push_lowercase(c, field);
                }
            }
        }
    }

    /// Appends a run of ASCII letters and digits and two-byte letters, lowercased.
    fn push_lowered(&mut self, run: &str, two: &[Letter]) {
        for c in run.chars() {
            let code = c as usize;
            if code < 0x80 {
                self.buf.push(c.to_ascii_lowercase());
            } else if let Letter::Lower(l) = two[code - 0x80] {
                self.buf.push(l);
            }
        }
    }

    /// A character by the rules of [`Counter::feed`], through Unicode's tables.
    fn push_lowercase(&mut self, c: char, field: Field) {
        for l in c.to_lowercase() {
            if l.is_alphanumeric() {
                self.buf.push(l);
                self.chars += 1;
            } else {
                self.end_word(field);
            }
        }
    }

    fn end_word(&mut self, field: Field) {
        // One-letter words (Russian "о", "в", Dutch "u") carry no meaning to search by.
        if self.chars >= 2 {
            let buf = std::mem::take(&mut self.buf);
            self.count(&buf, field);
            self.buf = buf;
        }
        self.buf.clear();
        self.chars = 0;
    }

    /// Counts one occurrence of a (lowercased) word.
    fn count(&mut self, word: &str, field: Field) {
        let id = self.dict.intern(word);
        if id as usize == self.slots.len() {
            self.slots.push((Counts::default(), 0));
        }
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

/// Where a run of [`Counter::feed`] stopped: at the text's end, before a character that is
/// not part of a word (of that many bytes), or before one for Unicode's tables.
enum Stop {
    End,
    Not(usize),
    Other,
}

/// What a byte is to [`Counter::feed`]: a lowercase ASCII letter or a digit, an uppercase
/// ASCII letter, any other ASCII character (it ends a word), the first byte of a two-byte
/// character, or anything else.
const ASCII_LOWER: u8 = 0;
const ASCII_UPPER: u8 = 1;
const ASCII_SPLIT: u8 = 2;
const LEAD_TWO: u8 = 3;
const OTHER: u8 = 4;

static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            ASCII_LOWER
        } else if byte.is_ascii_uppercase() {
            ASCII_UPPER
        } else if byte.is_ascii() {
            ASCII_SPLIT
        } else if byte & 0xE0 == 0xC0 {
            LEAD_TWO
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// Whether the two-byte character `lead`, `next` is a letter that is its own lowercase.
fn as_is(lead: u8, next: u8, two: &[Letter]) -> bool {
    let code = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
    matches!(two[code as usize - 0x80], Letter::Lower(l) if l as u32 == code)
}

/// What a two-byte character (U+0080 to U+07FF) is to [`Counter::feed`].
#[derive(Clone, Copy)]
enum Letter {
    /// Not part of a word.
    Not,
    /// A letter or digit, lowercased.
    Lower(char),
    /// Lowercases to more than one character: handled one by one.
    Other,
}

/// Each two-byte character's [`Letter`], worked out once: a page's letters with diacritics
/// and its Cyrillic would otherwise each go through Unicode's tables.
fn two_byte_letters() -> &'static [Letter] {
    static TABLE: OnceLock<Vec<Letter>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x800u32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return Letter::Not;
                };
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l.is_alphanumeric() => Letter::Lower(l),
                    (Some(l), None) if !l.is_alphanumeric() => Letter::Not,
                    _ => Letter::Other,
                }
            })
            .collect()
    })
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
    walk_html(html, |piece| match piece {
        Piece::Text(t) => f(t),
        Piece::Entity(e) => f(e),
        Piece::Tag { ends_word } => !ends_word || f(" "),
    });
}

/// What [`walk_html`] meets in rendered HTML, in order.
enum Piece<'h> {
    /// Text without entities, never empty.
    Text(&'h str),
    /// One of the five entities the renderer writes, decoded, or a bare `&`.
    Entity(&'static str),
    /// A tag: whether it ends a word (an inline tag does not, nor the span of a hidden
    /// original, whose text is left out).
    Tag { ends_word: bool },
}

/// Calls `f` with the pieces of rendered HTML outside hidden English originals
/// (`<span class="sp-orig">`), until it returns false. Text after a `<` with no `>` is left
/// out.
fn walk_html<'h>(html: &'h str, mut f: impl FnMut(Piece<'h>) -> bool) {
    let mut rest = html;
    let mut skip_depth = 0usize;
    loop {
        let bytes = rest.as_bytes();
        let at = if skip_depth > 0 {
            memchr::memchr(b'<', bytes)
        } else {
            memchr::memchr2(b'<', b'&', bytes)
        };
        let Some(at) = at else {
            if skip_depth == 0 && !rest.is_empty() {
                f(Piece::Text(rest));
            }
            return;
        };
        if skip_depth == 0 && at > 0 && !f(Piece::Text(&rest[..at])) {
            return;
        }
        if bytes[at] == b'&' {
            let (len, decoded) = entity(&rest[at..]);
            if !f(Piece::Entity(decoded)) {
                return;
            }
            rest = &rest[at + len..];
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &bytes[at..]) else {
            return;
        };
        let tag = &rest[at..at + gt + 1];
        if skip_depth > 0 {
            if tag.starts_with("<span") {
                skip_depth += 1;
            } else if tag == "</span>" {
                skip_depth -= 1;
            }
        } else if tag.starts_with("<span class=\"sp-orig\"") {
            skip_depth = 1;
            if !f(Piece::Tag { ends_word: false }) {
                return;
            }
        } else if !f(Piece::Tag {
            ends_word: !inline(tag),
        }) {
            return;
        }
        rest = &rest[at + gt + 1..];
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

/// The entity at the start of `text` (one of the five the renderer writes): its length and
/// the character it stands for; a bare `&` stands for itself.
fn entity(text: &str) -> (usize, &'static str) {
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ]
    .iter()
    .find(|(e, _)| text.starts_with(e))
    .map_or((1, "&"), |(e, d)| (e.len(), *d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain rule the fast paths must keep: lowercase each character, split at anything
    /// that is not a letter or digit, leave out one-letter words.
    fn reference_words(text: &str) -> Vec<String> {
        let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
        lowered
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_string)
            .collect()
    }

    fn counted(page: PageWords, words: &Strings) -> Vec<(String, f32)> {
        let mut out: Vec<(String, f32)> = page
            .words
            .iter()
            .map(|(id, c)| (words.get(*id).to_string(), c.tf))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    fn tally(words: Vec<String>) -> Vec<(String, f32)> {
        let mut map: std::collections::BTreeMap<String, f32> = Default::default();
        for w in words {
            *map.entry(w).or_default() += 1.0;
        }
        map.into_iter().collect()
    }

    /// Real pages in Russian, Polish and Dutch (../shared/corpus), and text made to hit every
    /// branch: capitals, Cyrillic and Polish capitals, `İ` (two characters when lowercased),
    /// CJK, digits, a word split by an inline tag, words ending a text.
    #[test]
    fn counts_what_the_plain_rule_counts() {
        let mut texts: Vec<String> = vec![
            "Klient ANULUJE Subskrypcję; ŁÓDŹ, Żółć i ĘĄ. Отмена ПОДПИСКИ Ёлка ёж 2024r x".into(),
            "İstanbul İİ straße ΣΟΦΊΑ 東京 alpha東京beta Zo'n café-bar naïve 42 a b".into(),
            "kon".into(),
            "cluding".into(),
        ];
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        for lang in ["ru", "pl", "nl"] {
            let files = walkdir::WalkDir::new(corpus.join(lang))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
                .take(25);
            for f in files {
                texts.push(std::fs::read_to_string(f.path()).expect("corpus page"));
            }
        }
        assert!(
            texts.len() > 60,
            "the corpus was not found at {}",
            corpus.display()
        );
        let mut counter = Counter::new();
        let mut pages = Vec::new();
        for t in &texts {
            pages.push(counter.page([(Part::Text(t), Field::Body(1.0))]));
        }
        // A word split by `<strong>` counts as one; other tags split words.
        let html = "<p>Kun<strong>NEN</strong> wij<br>zij Отме<em>НА</em></p>";
        pages.push(counter.page([(Part::Html(html), Field::Body(1.0))]));
        let words = std::mem::take(&mut counter).into_words();
        let mut expected: Vec<Vec<String>> = texts.iter().map(|t| reference_words(t)).collect();
        expected.push(
            ["kunnen", "wij", "zij", "отмена"]
                .map(String::from)
                .to_vec(),
        );
        for (page, want) in pages.into_iter().zip(expected) {
            assert_eq!(counted(page, &words), tally(want));
        }
    }
}
