//! The markdown twin of a page body: the page as clean markdown for machines (partners'
//! chatbots, readers' AI assistants), published beside its HTML at `/<lang>/<slug>/index.md`.
//!
//! It is the author's own markdown, line by line, with what only makes sense in the source
//! taken out: side-by-side spans resolved to the translation (the English copy dropped),
//! `[!INCLUDE]` lines replaced by the included text, and links rewritten to lead from the
//! twin's folder to other twins and files of the built site. It is a text pass, without a
//! second markdown parse, so it costs little next to the page's real parse.

use super::html::{self, RawTag};
use super::links::{self, Target};
use super::{Context, MAX_INCLUDE_DEPTH, MAX_INCLUDES};
use crate::lang::Lang;
use crate::load::SourcePage;
use crate::load::includes::{self, Resolved};
use crate::urls::Urls;

/// The twin of `page`'s body, as seen from the folder of language `reader`.
/// `known` holds what the page's parse resolved: (offset of a destination in the body,
/// its target).
pub fn markdown(
    page: &SourcePage,
    reader: &Lang,
    cx: &Context,
    mut known: Vec<(usize, Target)>,
) -> String {
    known.sort_by_key(|(at, _)| *at);
    known.dedup_by_key(|(at, _)| *at);
    let body = page.body();
    let mut twin = Twin {
        cx,
        lang: &page.lang,
        reader,
        up: "../".repeat(Urls::page_path(reader, &page.slug).matches('/').count()),
        includes: 0,
        known,
        body_at: body.as_ptr() as usize,
    };
    // Links grow by a few bytes each; without the room a page's twin would double its
    // buffer. (`serve` holds every twin until its page is rendered; a build writes each
    // as soon as its page is parsed.)
    let mut out = String::with_capacity(page.body().len() + page.body().len() / 8);
    let dir = page.dir();
    twin.body(page.body(), &dir, 0, &mut out);
    out.shrink_to_fit();
    out
}

struct Twin<'a> {
    cx: &'a Context<'a>,
    /// The content's language (its folder holds the includes).
    lang: &'a Lang,
    reader: &'a Lang,
    /// From the twin's folder up to the site's root: `../../` for `nl/a/`.
    up: String,
    includes: usize,
    /// Targets the page's parse found, by offset in the page's body.
    known: Vec<(usize, Target)>,
    body_at: usize,
}

impl Twin<'_> {
    /// `body` written in folder `dir` (relative to the language folder).
    ///
    /// Most lines need nothing but their links rewritten, so runs of such lines go to
    /// [`Twin::links`] in one piece; only lines that open or sit in a code fence, start with
    /// `[` (includes, reference definitions) or hold a span are looked at on their own.
    fn body(&mut self, body: &str, dir: &str, depth: usize, out: &mut String) {
        // Checked once per body: most pages have no spans, and then no line needs a look.
        // Found by jumping between `<`s, which a page has few of: a substring searcher cost
        // more to set up than this whole scan.
        let has_spans = crate::find::contains_marker(body, "<span");
        let mut fence: Option<u8> = None;
        let mut run_start = 0;
        let mut at = 0;
        for line in crate::find::lines(body) {
            let line_start = at;
            at += line.len();
            // Most lines start with neither a space nor a tab: no trimming to do.
            let first = match line.as_bytes().first() {
                Some(b' ' | b'\t') => line.trim_start_matches([' ', '\t']).as_bytes().first(),
                b => b,
            }
            .copied();
            let special = fence.is_some()
                || matches!(first, Some(b'`' | b'~' | b'['))
                || (has_spans && crate::find::find_tag_ci(line, b"span").is_some());
            if !special {
                continue;
            }
            let trimmed = line.trim_start_matches([' ', '\t']);
            self.links(&body[run_start..line_start], dir, out);
            run_start = at;
            if let Some(f) = fence {
                if first == Some(f) && trimmed.as_bytes().starts_with(&[f; 3]) {
                    fence = None;
                }
                out.push_str(line);
                continue;
            }
            match first {
                Some(f @ (b'`' | b'~')) if trimmed.as_bytes().starts_with(&[f; 3]) => {
                    fence = Some(f);
                    out.push_str(line);
                }
                Some(b'[')
                    if trimmed
                        .get(..9)
                        .is_some_and(|p| p.eq_ignore_ascii_case("[!include")) =>
                {
                    self.include(trimmed, dir, depth, out);
                }
                _ if has_spans && crate::find::find_tag_ci(line, b"span").is_some() => {
                    self.links(&spans_resolved(line), dir, out);
                }
                _ => self.links(line, dir, out),
            }
        }
        self.links(&body[run_start..], dir, out);
    }

    /// `[!INCLUDE [title](path)]`: the included file's body, front matter left out.
    fn include(&mut self, line: &str, dir: &str, depth: usize, out: &mut String) {
        if depth >= MAX_INCLUDE_DEPTH || self.includes >= MAX_INCLUDES {
            return; // the page's parse has already reported it
        }
        self.includes += 1;
        // Read once for the whole site, in load; a missing one was reported by the parse.
        let Resolved::File(file) = self.cx.includes.get(self.lang, dir, includes::target(line))
        else {
            return;
        };
        self.body(file.body(), &file.dir, depth + 1, out);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }

    /// Copies `text`, each inline link's or image's destination (`](dest)`), and a reference
    /// definition (`[id]: dest`) it starts with, rewritten for the twin's folder.
    fn links(&self, line: &str, dir: &str, out: &mut String) {
        let mut rest = line;
        if let Some(def) = reference_definition(line) {
            out.push_str(&line[..def]);
            rest = &line[def..];
            let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
            self.push_dest(&rest[..end], dir, out);
            rest = &rest[end..];
        }
        while let Some(i) = crate::find::find_marker(rest, "](") {
            out.push_str(&rest[..i + 2]);
            rest = &rest[i + 2..];
            let (dest, after) = match rest.strip_prefix('<') {
                Some(r) => match r.find('>') {
                    Some(e) => (&r[..e], &r[e + 1..]),
                    None => break,
                },
                None => {
                    let end = dest_end(rest);
                    (&rest[..end], &rest[end..])
                }
            };
            self.push_dest(dest, dir, out);
            rest = after;
        }
        out.push_str(rest);
    }

    fn push_dest(&self, dest: &str, dir: &str, out: &mut String) {
        // The page's own lines were resolved by its parse; included text and lines rewritten
        // for spans are resolved here.
        let at = (dest.as_ptr() as usize).wrapping_sub(self.body_at);
        let known = self
            .known
            .binary_search_by_key(&at, |(o, _)| *o)
            .ok()
            .map(|i| &self.known[i].1);
        let resolved;
        let target = match known {
            Some(t) => t,
            None => {
                resolved = links::resolve(self.cx.index, self.reader, dir, dest, self.cx.docs_root);
                &resolved.target
            }
        };
        match target {
            Target::Page {
                lang,
                slug,
                fragment,
            } => {
                out.push_str(&self.up);
                crate::urls::push_encoded(out, lang.as_str());
                out.push('/');
                if !slug.is_empty() {
                    crate::urls::push_encoded(out, slug);
                    out.push('/');
                }
                out.push_str("index.md");
                if let Some(f) = fragment {
                    out.push('#');
                    crate::urls::push_encoded(out, f);
                }
            }
            Target::Asset(path) => {
                out.push_str(&self.up);
                crate::urls::push_encoded(out, path);
            }
            Target::External(url) => out.push_str(url),
            // No page answers it, or it could run script: the text stays, the link goes
            // nowhere.
            Target::Unsafe | Target::Missing => out.push('#'),
            Target::Fragment(_) => out.push_str(dest),
        }
    }
}

/// Where a bare link destination ends: at white space or `)`. Looked at byte by byte, as
/// destinations are nearly always ASCII; other characters are decoded to ask whether they
/// are white space.
fn dest_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // `char::is_whitespace` on ASCII: the usual five and the vertical tab.
            if b == b')' || b.is_ascii_whitespace() || b == 0x0b {
                return i;
            }
            i += 1;
        } else {
            let c = rest[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    bytes.len()
}

/// Where the destination starts in a reference definition line `[id]: dest`.
fn reference_definition(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let t = &line[indent..];
    if indent > 3 || !t.starts_with('[') || t.starts_with("[!") || t.starts_with("[^") {
        return None;
    }
    let close = t.find("]:")?;
    let after = &t[close + 2..];
    let dest = after.len() - after.trim_start().len();
    (!after.trim().is_empty()).then_some(indent + close + 2 + dest)
}

/// One line with its side-by-side pairs resolved: the English copy
/// (`<span class="sxs-lookup">…</span>`) dropped, the translation's own span unwrapped, and
/// meaningless `<span/>` tags removed. Other spans stay as written.
fn spans_resolved(line: &str) -> String {
    let stripped = html::strip_originals(line);
    let mut out = String::with_capacity(stripped.len());
    // For each open span: whether its tag was dropped (so its end tag goes too).
    let mut open: Vec<bool> = Vec::new();
    let mut rest: &str = &stripped;
    while let Some(i) = find_span_tag(rest) {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        match html::classify(tag) {
            RawTag::LocalizedOpen => open.push(true),
            RawTag::SelfClosingSpan => {}
            RawTag::SpanClose => {
                if !open.pop().unwrap_or(false) {
                    out.push_str(tag);
                }
            }
            RawTag::OtherSpanOpen | RawTag::OriginalIdOpen | RawTag::OriginalOpen => {
                open.push(false);
                out.push_str(tag);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// The next `<span` or `</span` (any case).
fn find_span_tag(text: &str) -> Option<usize> {
    match (
        crate::find::find_tag_ci(text, b"span"),
        crate::find::find_tag_ci(text, b"/span"),
    ) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_pairs_resolve_to_the_translation() {
        let line = r#"- <span data-ttu-id="a1">Klanten <b>zelf</b></span><span class="sxs-lookup"><span data-stu-id="a1">Customers themselves</span></span> <span class="x">kept</span><span/>"#;
        assert_eq!(
            spans_resolved(line),
            r#"- Klanten <b>zelf</b> <span class="x">kept</span>"#
        );
    }

    #[test]
    fn destinations_end_where_a_char_search_ends_them() {
        for rest in [
            "a.md) x",
            "a.md",
            "a.md \"t\")",
            "ä/ö.md)",
            "a\u{a0}b)",
            "a\u{85}b",
            "a\u{b}b",
            "a\u{3000}b",
            "",
            ")",
            "a\tb",
            "é",
        ] {
            let by_char = rest
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len());
            assert_eq!(dest_end(rest), by_char, "{rest:?}");
        }
    }

    #[test]
    fn reference_definitions_are_found() {
        assert_eq!(reference_definition("[a]: b.md\n"), Some(5));
        assert_eq!(reference_definition("[!NOTE]: x"), None);
        assert_eq!(reference_definition("text [a]: b"), None);
    }
}
