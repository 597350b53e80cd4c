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
    /// Per word: the stamp of the last page it was counted in, and where it stands in that
    /// page's list.
    dict: Interner<(u32, u32)>,
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
    }

    /// The page counted since [`Counter::begin`], its list copied at its size: the list
    /// counted into is kept for the next page, not grown from nothing page after page.
    fn finish(&mut self) -> PageWords {
        let page = PageWords {
            words: self.current.words.as_slice().to_vec(),
            len: self.current.len,
        };
        self.current.words.clear();
        self.current.len = 0.0;
        page
    }

    /// Counts the words of plain text.
    fn text(&mut self, text: &str, field: Field) {
        self.scan::<false>(text, field);
    }

    /// Counts the words of rendered HTML's text, read as [`html_pieces`] reads it, in one
    /// pass over its bytes: tags and entities are met where they stand, so a word before a
    /// tag that ends it (any but an inline one) is counted where it stands, not through the
    /// buffer, and no call is made per piece of text (a page has hundreds).
    fn html(&mut self, html: &str, field: Field) {
        self.scan::<true>(html, field);
    }

    /// The words the pages' word numbers stand for.
    pub fn into_words(self) -> Strings {
        self.dict.into_strings()
    }

    /// Counts the words of `text`, read as HTML (tags, entities, hidden originals) when
    /// `HTML`, else as plain text.
    fn scan<const HTML: bool>(&mut self, text: &str, field: Field) {
        let bytes = text.as_bytes();
        let two = two_byte_letters();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match class::<HTML>(b) {
                ASCII_SPLIT => {
                    if !self.buf.is_empty() {
                        self.end_word(field);
                    }
                    i += 1;
                }
                // Every entity the renderer writes stands for a character that ends a word.
                AMP => {
                    self.end_word(field);
                    i += entity(&text[i..]).0;
                }
                LT => match tag_at(&bytes[i..]) {
                    None => break,
                    Some((len, Tag::EndsWord)) => {
                        self.end_word(field);
                        i += len;
                    }
                    Some((len, Tag::Inline)) => i += len,
                    Some((len, Tag::Original)) => match skip_original(bytes, i + len) {
                        Some(end) => i = end,
                        None => break,
                    },
                },
                _ => i = self.word::<HTML>(text, i, field, two),
            }
        }
        self.end_word(field);
    }

    /// Reads a word (or the next part of one) from `i`, which is not an ASCII mark, and
    /// returns where reading stopped: at an ASCII mark, or at the text's end.
    fn word<const HTML: bool>(
        &mut self,
        text: &str,
        mut i: usize,
        field: Field,
        two: &[Letter],
    ) -> usize {
        let bytes = text.as_bytes();
        // Most words are already lowercase and end at an ASCII space or mark, or at a tag
        // that ends them: counted here, with nothing buffered, copied or looked up in
        // Unicode's tables.
        if self.buf.is_empty() {
            loop {
                let start = i;
                let (end, twos) = lower_run(bytes, i, two);
                let ends = match bytes.get(end) {
                    None => true,
                    Some(&b) => match class::<HTML>(b) {
                        ASCII_SPLIT | AMP => true,
                        LT => ends_word(&bytes[end..]),
                        _ => false,
                    },
                };
                if !ends {
                    break;
                }
                if end - start - twos >= 2 {
                    self.count(&text[start..end], field);
                }
                i = end;
                // Words one space apart are read on here.
                match bytes.get(i..i + 2) {
                    Some(&[b' ', next]) if CLASS[next as usize] == ASCII_LOWER => i += 1,
                    _ => return i,
                }
            }
        }
        // A run of letters and digits that need no Unicode tables: ASCII (most of every
        // page, even in Russian: markup, spaces, digits) and two-byte characters (Latin with
        // diacritics, Cyrillic, Greek), gathered in the buffer.
        let start = i;
        // Whether its two-byte letters are lowercase, and its ASCII letters too.
        let (mut two_lower, mut ascii_lower) = (true, true);
        // Two-byte letters in the run: its characters are its bytes less these.
        let mut twos = 0;
        let stop = loop {
            while i < bytes.len() && CLASS[bytes[i] as usize] == ASCII_LOWER {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break Stop::End;
            };
            match CLASS[b as usize] {
                ASCII_UPPER => {
                    ascii_lower = false;
                    i += 1;
                }
                LEAD_TWO => {
                    let Some(&next) = bytes.get(i + 1) else {
                        break Stop::Other;
                    };
                    let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                    match two[code as usize - 0x80] {
                        Letter::Lower(l) => {
                            two_lower &= l as u32 == code;
                            i += 2;
                            twos += 1;
                        }
                        Letter::Not => break Stop::Not,
                        Letter::Other => break Stop::Other,
                    }
                }
                OTHER => break Stop::Other,
                // An ASCII mark: what it is, the caller sees.
                _ => break Stop::End,
            }
        };
        let chars = i - start - twos;
        if chars > 0 {
            let run = &text[start..i];
            if two_lower {
                // Capitals in ASCII only (the usual capital letter starting a sentence):
                // lowercased where they now stand in the buffer.
                let at = self.buf.len();
                self.buf.push_str(run);
                if !ascii_lower {
                    self.buf[at..].make_ascii_lowercase();
                }
            } else {
                self.push_lowered(run, two);
            }
            self.chars += chars;
        }
        match stop {
            Stop::End => i,
            Stop::Not => {
                self.end_word(field);
                i + 2
            }
            Stop::Other => {
                let Some(c) = text[i..].chars().next() else {
                    return text.len();
                };
                self.push_lowercase(c, field);
                i + c.len_utf8()
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

    /// A character by the rules of [`Counter::scan`], through Unicode's tables.
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
        let (id, (stamp, at)) = self.dict.entry(word);
        if *stamp != self.page {
            *stamp = self.page;
            *at = self.current.words.len() as u32;
            self.current.words.push((id, Counts::default()));
        }
        let counts = &mut self.current.words[*at as usize].1;
        match field {
            Field::Title => counts.title = true,
            Field::Heading => counts.heading = true,
            Field::Body(x) => {
                counts.tf += x;
                self.current.len += x;
            }
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
        self.finish()
    }
}

/// Where a run of [`Counter::word`] stopped: at the text's end or an ASCII mark, before a
/// two-byte character that is not part of a word, or before one for Unicode's tables.
enum Stop {
    End,
    Not,
    Other,
}

/// What a byte is to [`Counter::scan`]: a lowercase ASCII letter or a digit, an uppercase
/// ASCII letter, any other ASCII character (it ends a word), the first byte of a two-byte
/// character, anything else; and in HTML, the start of a tag or an entity.
const ASCII_LOWER: u8 = 0;
const ASCII_UPPER: u8 = 1;
const ASCII_SPLIT: u8 = 2;
const LEAD_TWO: u8 = 3;
const OTHER: u8 = 4;
const LT: u8 = 5;
const AMP: u8 = 6;

/// A byte's class, `<` and `&` being plain marks outside HTML.
#[inline(always)]
fn class<const HTML: bool>(b: u8) -> u8 {
    let c = CLASS[b as usize];
    if !HTML && c >= LT { ASCII_SPLIT } else { c }
}

static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte == b'<' {
            LT
        } else if byte == b'&' {
            AMP
        } else if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
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

/// The end of the run of lowercase ASCII letters, digits and lowercase two-byte letters
/// that starts at `i`, and how many of the two-byte letters it has. Eight bytes at a time
/// where it can: most of a page's bytes are in words.
#[inline(always)]
fn lower_run(bytes: &[u8], mut i: usize, two: &[Letter]) -> (usize, usize) {
    let mut twos = 0;
    loop {
        if let Some(eight) = eight_at(bytes, i) {
            let n = ascii_lower_bytes(eight);
            i += n;
            if n == 8 {
                continue;
            }
            if CLASS[bytes[i] as usize] == LEAD_TWO {
                let k = eight_at(bytes, i).map_or(0, cyrillic_lower_pairs);
                if k > 0 {
                    i += 2 * k;
                    twos += k;
                    continue;
                }
            }
        }
        match bytes.get(i) {
            Some(&b) if CLASS[b as usize] == ASCII_LOWER => i += 1,
            Some(&b)
                if CLASS[b as usize] == LEAD_TWO
                    && bytes.get(i + 1).is_some_and(|&next| as_is(b, next, two)) =>
            {
                i += 2;
                twos += 1;
            }
            _ => return (i, twos),
        }
    }
}

/// The eight bytes from `i`, as one number (the first byte lowest).
#[inline(always)]
fn eight_at(bytes: &[u8], i: usize) -> Option<u64> {
    let eight: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// How many of eight bytes (first byte lowest), from the first, are lowercase ASCII letters
/// or digits. Each byte's range test is an addition that sets its high bit, on the low
/// seven bits only, so no carry crosses into the next byte.
#[inline(always)]
fn ascii_lower_bytes(x: u64) -> usize {
    let low = x & !HIGHS;
    let from_a = low + ONES * u64::from(0x80 - b'a');
    let past_z = low + ONES * u64::from(0x7F - b'z');
    let from_0 = low + ONES * u64::from(0x80 - b'0');
    let past_9 = low + ONES * u64::from(0x7F - b'9');
    let word = ((from_a & !past_z) | (from_0 & !past_9)) & !x & HIGHS;
    ((!word & HIGHS).trailing_zeros() / 8) as usize
}

/// How many of eight bytes, read as four two-byte characters from the first, are lowercase
/// Cyrillic letters а–я (D0 B0–BF, D1 80–8F) from the first: Russian words four letters at
/// a time. A pair is one by its lead byte and its second byte's high half; a 16-bit lane is
/// tested for zero without a carry into the next.
#[inline(always)]
fn cyrillic_lower_pairs(x: u64) -> usize {
    const PAIRS: u64 = 0x0001_0001_0001_0001;
    const MASK: u64 = 0xF0FF * PAIRS;
    const LOW: u64 = 0x7FFF * PAIRS;
    const HIGH: u64 = 0x8000 * PAIRS;
    let masked = x & MASK;
    let nonzero = |z: u64| (((z & LOW) + LOW) | z) & HIGH;
    let not_a_to_p = nonzero(masked ^ (0xB0D0 * PAIRS));
    let not_r_to_ya = nonzero(masked ^ (0x80D1 * PAIRS));
    ((not_a_to_p & not_r_to_ya).trailing_zeros() / 16) as usize
}

/// Whether the two-byte character `lead`, `next` is a letter that is its own lowercase.
fn as_is(lead: u8, next: u8, two: &[Letter]) -> bool {
    let code = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
    matches!(two[code as usize - 0x80], Letter::Lower(l) if l as u32 == code)
}

/// What a two-byte character (U+0080 to U+07FF) is to [`Counter::scan`].
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
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr::memchr2(b'<', b'&', &bytes[i..]) {
        let at = i + at;
        if at > i && !f(Piece::Text(&html[i..at])) {
            return;
        }
        let (next, piece) = if bytes[at] == b'&' {
            let (len, decoded) = entity(&html[at..]);
            (Some(at + len), Piece::Entity(decoded))
        } else {
            match tag_at(&bytes[at..]) {
                None => return,
                Some((len, Tag::EndsWord)) => (Some(at + len), Piece::Tag { ends_word: true }),
                Some((len, Tag::Inline)) => (Some(at + len), Piece::Tag { ends_word: false }),
                Some((len, Tag::Original)) => (
                    skip_original(bytes, at + len),
                    Piece::Tag { ends_word: false },
                ),
            }
        };
        if !f(piece) {
            return;
        }
        let Some(next) = next else {
            return;
        };
        i = next;
    }
    if i < html.len() {
        f(Piece::Text(&html[i..]));
    }
}

/// What a tag is to the text around it.
enum Tag {
    /// It ends a word.
    EndsWord,
    /// It stands inside a word's text.
    Inline,
    /// It opens a hidden English original, whose text is left out.
    Original,
}

const ORIGINAL: &[u8] = b"<span class=\"sp-orig\"";

/// The tag at the start of `html` (which starts with `<`): its length and kind; `None` when
/// no `>` ends it.
fn tag_at(html: &[u8]) -> Option<(usize, Tag)> {
    let gt = memchr::memchr(b'>', html)?;
    let kind = if html.starts_with(ORIGINAL) {
        Tag::Original
    } else if inline(html) {
        Tag::Inline
    } else {
        Tag::EndsWord
    };
    Some((gt + 1, kind))
}

/// Whether the tag at the start of `html` ends a word before it, read from the tag's name
/// alone (a tag with no `>` ends the text; the caller finds that out).
fn ends_word(html: &[u8]) -> bool {
    !inline(html) && !html.starts_with(ORIGINAL)
}

/// Where the hidden original whose opening tag ends before `from` ends: after its closing
/// `</span>` (spans inside it counted); `None` when the text ends first.
fn skip_original(html: &[u8], mut from: usize) -> Option<usize> {
    let mut depth = 1usize;
    loop {
        let at = from + memchr::memchr(b'<', &html[from..])?;
        let (len, _) = tag_at(&html[at..])?;
        let tag = &html[at..at + len];
        if tag.starts_with(b"<span") {
            depth += 1;
        } else if tag == b"</span>" {
            depth -= 1;
            if depth == 0 {
                return Some(at + len);
            }
        }
        from = at + len;
    }
}

/// Tags that stand inside a word's text, by the name at the start of `tag`.
fn inline(tag: &[u8]) -> bool {
    let name = tag
        .strip_prefix(b"</")
        .or_else(|| tag.strip_prefix(b"<"))
        .unwrap_or(tag);
    name.starts_with(b"a")
        || name.starts_with(b"strong")
        || name.starts_with(b"em")
        || name.starts_with(b"code")
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

    /// The eight-byte tests agree with a byte-by-byte reading on every mix of bytes that
    /// matter to them: range ends of letters and digits, high bytes, Cyrillic lead and
    /// second bytes on both sides of the lowercase ranges.
    #[test]
    fn eight_byte_runs_match_byte_by_byte() {
        let ascii = [
            b'0', b'9', b'a', b'z', b'/', b':', b'`', b'{', b'A', b' ', 0x7F, 0x80, 0xE1,
        ];
        let pairs: [[u8; 2]; 9] = [
            [0xD0, 0xB0],
            [0xD0, 0xBF],
            [0xD1, 0x80],
            [0xD1, 0x8F],
            [0xD0, 0xAF],
            [0xD0, 0xC0],
            [0xD1, 0x91],
            [0xD1, 0x7F],
            [0xC5, 0x82],
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let r = next();
            let mut a = [0u8; 8];
            let mut c = [0u8; 8];
            for k in 0..8 {
                a[k] = ascii[((r >> (4 * k)) % ascii.len() as u64) as usize];
            }
            for k in 0..4 {
                let p = pairs[((r >> (8 * k + 32)) % pairs.len() as u64) as usize];
                c[2 * k..2 * k + 2].copy_from_slice(&p);
            }
            let want_a = a
                .iter()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                .count();
            assert_eq!(ascii_lower_bytes(u64::from_le_bytes(a)), want_a, "{a:?}");
            let want_c = c
                .chunks(2)
                .take_while(|p| matches!(p, [0xD0, 0xB0..=0xBF] | [0xD1, 0x80..=0x8F]))
                .count();
            assert_eq!(
                cyrillic_lower_pairs(u64::from_le_bytes(c)),
                want_c,
                "{c:x?}"
            );
        }
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
