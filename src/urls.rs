//! Output paths and the URLs between them.
//!
//! Every link inside the site is relative, so the output works from any folder of any static
//! host (and from `file://`) without knowing where it will live. Absolute URLs (canonical,
//! hreflang, sitemap) need the configured base URL.

use percent_encoding::{AsciiSet, percent_decode_str, utf8_percent_encode};

use crate::lang::Lang;

/// Characters besides the controls that cannot stand raw in a URL path segment.
const SEGMENT_BYTES: &[u8] = b" \"#%<>?`{}\\^|[]'";

/// Characters that cannot stand raw in a URL path segment, as the `percent-encoding` crate's
/// set: the reference [`ENCODED`] is tested against.
#[cfg(test)]
const SEGMENT: &AsciiSet = &{
    let mut set = percent_encoding::CONTROLS.union(AsciiSet::EMPTY);
    let mut i = 0;
    while i < SEGMENT_BYTES.len() {
        set = set.add(SEGMENT_BYTES[i]);
        i += 1;
    }
    set
};

/// Bytes that [`push_encoded`] escapes: the controls, [`SEGMENT_BYTES`] and every byte of a
/// non-ASCII character, one lookup per byte.
const ENCODED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || b < 0x20 || b == 0x7f;
        b += 1;
    }
    let mut i = 0;
    while i < SEGMENT_BYTES.len() {
        t[SEGMENT_BYTES[i] as usize] = true;
        i += 1;
    }
    t
};

#[derive(Debug, Clone)]
pub struct Urls {
    /// `https://example.org/support/`, always ending in `/`.
    base_url: Option<String>,
    /// Links name `index.html` explicitly, so a site opened from disk navigates; on a real host
    /// (a base URL is set) links end in `/`.
    explicit_index: bool,
}

impl Urls {
    pub fn new(base_url: Option<String>) -> Self {
        let explicit_index = base_url.is_none();
        Urls {
            base_url,
            explicit_index,
        }
    }

    /// For `serve`, which always answers directory URLs.
    pub fn with_directory_links(mut self) -> Self {
        self.explicit_index = false;
        self
    }

    /// The site path of a page's folder: `nl/a/b/`, or `nl/` for the language home.
    pub fn page_path(lang: &Lang, slug: &str) -> String {
        // Pushed, not `format!`ed: this runs for every link of every page.
        let mut path = String::with_capacity(lang.as_str().len() + slug.len() + 2);
        path.push_str(lang.as_str());
        path.push('/');
        if !slug.is_empty() {
            path.push_str(slug);
            path.push('/');
        }
        path
    }

    /// A link from the page whose folder is `from` (a site path like `nl/a/`) to the site
    /// path `to` (`ru/b/`, `static/style.css`, or `` for the root).
    pub fn relative(&self, from: &str, to: &str) -> String {
        let mut out = self.up_from(from, to.len() + 10);
        push_encoded(&mut out, to);
        if self.explicit_index && (to.is_empty() || to.ends_with('/')) {
            out.push_str("index.html");
        }
        if out.is_empty() { "./".into() } else { out }
    }

    /// `relative(from, &Urls::page_path(lang, slug))` without building the page path first.
    pub fn relative_to_page(&self, from: &str, lang: &Lang, slug: &str) -> String {
        let mut out = self.up_from(from, lang.as_str().len() + slug.len() + 12);
        push_encoded(&mut out, lang.as_str());
        out.push('/');
        if !slug.is_empty() {
            push_encoded(&mut out, slug);
            out.push('/');
        }
        if self.explicit_index {
            out.push_str("index.html");
        }
        out
    }

    /// `../` for each folder of `from`, in a string with room for `more`.
    fn up_from(&self, from: &str, more: usize) -> String {
        let depth = depth(from);
        let mut out = String::with_capacity(depth * 3 + more);
        for _ in 0..depth {
            out.push_str("../");
        }
        out
    }

    /// The relative path from the page folder `from` up to the site's root, for building
    /// links to files (not folders): `../../` for `nl/a/`.
    pub fn up_to_root(from: &str) -> String {
        "../".repeat(depth(from))
    }

    /// The absolute URL of a site path, when the site has a base URL; otherwise a path from
    /// the host's root, the best a page can say without knowing where it is hosted.
    pub fn absolute(&self, to: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}{}", encode_path(to)),
            None => format!("/{}", encode_path(to)),
        }
    }

    /// The absolute URL of a site path, only when the site has a base URL: for text that
    /// leaves the site (a mail, a copied summary), where a path from the root means nothing.
    pub fn absolute_if_known(&self, to: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|base| format!("{base}{}", encode_path(to)))
    }

    /// URL path prefix (`/support/`) for pages like 404.html that are served at any URL.
    pub fn root_path(&self) -> String {
        match &self.base_url {
            Some(base) => {
                let after_scheme = base.split_once("://").map_or(base.as_str(), |(_, r)| r);
                match after_scheme.find('/') {
                    Some(i) => after_scheme[i..].to_string(),
                    None => "/".into(),
                }
            }
            None => "/".into(),
        }
    }
}

/// How many folders deep site path `from` is: its non-empty `/`-separated segments
/// (`nl/a/` is 2). Counted byte by byte: a page asks for it a dozen times.
fn depth(from: &str) -> usize {
    let mut n = 0;
    let mut in_segment = false;
    for &b in from.as_bytes() {
        if b == b'/' {
            in_segment = false;
        } else if !in_segment {
            in_segment = true;
            n += 1;
        }
    }
    n
}

pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    push_encoded(&mut out, path);
    out
}

/// Appends `path` percent-encoded (upper-case hex, as the `percent-encoding` crate writes
/// it); `/` is not escaped, so segments stay apart, and runs that need no escaping are copied
/// whole. By hand, not the crate's iterator: this runs for every link of every page, and the
/// iterator's piece-by-piece appends cost several times this loop.
pub fn push_encoded(out: &mut String, path: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = path.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if ENCODED[usize::from(b)] {
            // Unescaped bytes are ASCII, so a run of them starts and ends on char boundaries.
            if start < i {
                out.push_str(&path[start..i]);
            }
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push_str(&path[start..]);
    }
}

/// What may stand raw in a `mailto:` header value (RFC 3986 unreserved characters): all else,
/// every byte of a non-ASCII letter included, is percent-encoded, so `&`, `?`, `#`, `%`, `+`
/// and line breaks in a subject or body can never end the value or start another.
const MAIL_VALUE: &AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The address part of a `mailto:`: as the value, but `@` and `+` stay readable.
const MAIL_ADDRESS: &AsciiSet = &MAIL_VALUE.remove(b'@').remove(b'+');

/// One plain address (`name@host`): the link is built from it, so no spaces, no second `@`,
/// no control or invisible formatting characters. Whatever else is odd in it is percent-encoded anyway.
pub fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !text.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || is_invisible(c)
                || "<>()[]\\,;:\"?#&%/".contains(c)
        })
}

/// Zero-width and bidi formatting characters: in an address they only hide or reorder what
/// the reader sees.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// `mailto:<address>`, and `?subject=…&body=…` when either is given. Line breaks in the body
/// should already be CRLF, as RFC 6068 asks.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let mut out =
        String::with_capacity(16 + address.len() + mail_value_len(subject) + mail_value_len(body));
    out.push_str("mailto:");
    out.extend(utf8_percent_encode(address, MAIL_ADDRESS));
    let mut sep = '?';
    for (name, value) in [("subject", subject), ("body", body)] {
        if !value.is_empty() {
            out.push(sep);
            out.push_str(name);
            out.push('=');
            out.extend(utf8_percent_encode(value, MAIL_VALUE));
            sep = '&';
        }
    }
    out
}

/// How long `text` is once encoded as a `mailto:` value.
pub fn mail_value_len(text: &str) -> usize {
    utf8_percent_encode(text, MAIL_VALUE).map(str::len).sum()
}

pub fn decode(text: &str) -> String {
    decode_cow(text).into_owned()
}

/// [`decode`], borrowing the text when it has nothing to decode (most link targets).
pub fn decode_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('%') {
        return text.into();
    }
    percent_decode_str(text).decode_utf8_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_the_encoder_agree_on_every_character() {
        for c in (0u32..0x100)
            .filter_map(char::from_u32)
            .chain(['é', 'ж', '€', '😀'])
        {
            let s = c.to_string();
            let encoded: String = utf8_percent_encode(&s, SEGMENT).collect();
            let by_table = s.bytes().any(|b| ENCODED[usize::from(b)]);
            assert_eq!(by_table, encoded != s, "{c:?}");
            let mut pushed = String::new();
            push_encoded(&mut pushed, &format!("a/{s}b"));
            assert_eq!(pushed, format!("a/{encoded}b"), "{c:?}");
        }
    }

    #[test]
    fn depth_counts_non_empty_segments() {
        for from in [
            "",
            "/",
            "nl/",
            "nl/a/",
            "nl//a",
            "/nl/a/b",
            "search/nl/",
            "a",
        ] {
            let by_split = from.split('/').filter(|s| !s.is_empty()).count();
            assert_eq!(depth(from), by_split, "{from:?}");
        }
    }

    fn lang(code: &str) -> Lang {
        Lang::new_unchecked(code)
    }

    #[test]
    fn relative_links_between_pages() {
        let pretty = Urls::new(Some("https://example.org/support/".into()));
        assert_eq!(pretty.relative("nl/a/", "ru/a/"), "../../ru/a/");
        assert_eq!(
            pretty.relative("nl/x/y/", "static/style.css"),
            "../../../static/style.css"
        );
        assert_eq!(pretty.relative("", "nl/"), "nl/");
        assert_eq!(pretty.relative("nl/", ""), "../");
        let portable = Urls::new(None);
        assert_eq!(portable.relative("nl/a/", "nl/b/"), "../../nl/b/index.html");
        assert_eq!(portable.relative("", ""), "index.html");
        // Empty folder names (doubled or leading slashes) are not climbed.
        assert_eq!(portable.relative("/nl//a", "x.css"), "../../x.css");
    }

    #[test]
    fn page_links_match_relative_to_the_page_path() {
        for urls in [
            Urls::new(None),
            Urls::new(Some("https://example.org/".into())),
        ] {
            for from in ["", "nl/", "nl/a/b/"] {
                for (l, slug) in [("nl", ""), ("ru", "a b/ключ"), ("en", "x/y")] {
                    assert_eq!(
                        urls.relative_to_page(from, &lang(l), slug),
                        urls.relative(from, &Urls::page_path(&lang(l), slug))
                    );
                }
            }
        }
    }

    /// The escaping by hand agrees with the `percent-encoding` crate's on every byte value
    /// and on text mixing scripts.
    #[test]
    fn encoding_matches_the_crate() {
        let mut texts: Vec<String> = (0..=0x7f_u8).map(|b| format!("a{}z", b as char)).collect();
        texts.extend(
            [
                "",
                "ключ/слово",
                "a b/c%20d#e?f",
                "żółw/ü/€/𝄞",
                "\u{85}\u{a0}x",
                "plain/path/",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(
                encode_path(text),
                utf8_percent_encode(text, SEGMENT).to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn paths_and_absolute_urls() {
        assert_eq!(Urls::page_path(&lang("nl"), ""), "nl/");
        assert_eq!(Urls::page_path(&lang("nl"), "a/b"), "nl/a/b/");
        let u = Urls::new(Some("https://example.org/support/".into()));
        assert_eq!(
            u.absolute("nl/a b/"),
            "https://example.org/support/nl/a%20b/"
        );
        assert_eq!(u.root_path(), "/support/");
        assert_eq!(Urls::new(None).root_path(), "/");
    }
}
