//! English pages rebuilt from the side-by-side originals a translation carries.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::config::Config;
use crate::lang::Lang;
use crate::load::{FrontMatter, Origin, SourcePage};
use crate::parse::html::{RawTag, classify};

/// The English markdown of a side-by-side text: every
/// `<span data-ttu-id>LOCAL</span><span class="sxs-lookup"><span data-stu-id>EN</span></span>`
/// becomes `EN`. Text outside such pairs (`:::image` alt text, code) stays as it was.
///
/// Exports leave spans open. An unclosed translation ends where its original starts; an
/// unclosed original ends with its block (paragraph, table cell, list item, raw HTML block),
/// where the parser ends it on the translated page, never at a later pair's `</span>`.
pub fn english_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    let mut scan = Scan {
        text,
        blank_line: None,
        blocks: None,
    };
    let mut rest = 0;
    while let Some(found) = text[rest..].find(OPEN_LOCAL) {
        let start = rest + found;
        out.push_str(&text[rest..start]);
        match scan.original_of(start) {
            Some((english, end)) => {
                out.push_str(&text[english]);
                rest = end;
            }
            None => {
                // Not a well-formed pair: keep the tag; the parser hides what it must.
                let tag_end = text[start..]
                    .find('>')
                    .map_or(text.len(), |i| start + i + 1);
                out.push_str(&text[start..tag_end]);
                rest = tag_end;
            }
        }
    }
    out.push_str(&text[rest..]);
    out
}

const OPEN_LOCAL: &str = "<span data-ttu-id=";

/// What finding the pairs of one text needs, each worked out once.
struct Scan<'t> {
    text: &'t str,
    /// The next blank line after some position, and that position.
    blank_line: Option<(usize, usize)>,
    /// The text's blocks, parsed the first time a span never closes.
    blocks: Option<Vec<Range<usize>>>,
}

impl Scan<'_> {
    /// The English of the pair that starts at `start`, and where the pair ends.
    fn original_of(&mut self, start: usize) -> Option<(Range<usize>, usize)> {
        // A pair never spans a blank line: an unclosed span must not swallow the next paragraph.
        let limit = self.next_blank_line(start);
        let text = &self.text[..limit];
        let open_end = start + text[start..].find('>')? + 1;
        // The translation ends at its `</span>`, or, when that span never closes, where the
        // original begins.
        let (mut from, mut depth) = (open_end, 0usize);
        let lookup = loop {
            let (at, tag, end) = next_span_tag(text, from)?;
            match tag {
                RawTag::OriginalOpen => break at,
                RawTag::SpanClose if depth == 0 => match next_span_tag(text, end) {
                    Some((next, RawTag::OriginalOpen, _)) if next == end => break end,
                    _ => return None,
                },
                RawTag::SpanClose => depth -= 1,
                // Another translation begins: this one has no original.
                RawTag::LocalizedOpen => return None,
                RawTag::SelfClosingSpan => {}
                _ => depth += 1,
            }
            from = end;
        };
        let (_, _, lookup_end) = next_span_tag(text, lookup)?;
        let (english_start, closes) = match next_span_tag(text, lookup_end) {
            Some((at, RawTag::OriginalIdOpen, end)) if at == lookup_end => (end, 2),
            _ => (lookup_end, 1),
        };
        let (mut from, mut depth) = (english_start, 0usize);
        while let Some((at, tag, end)) = next_span_tag(text, from) {
            match tag {
                RawTag::SpanClose if depth == 0 => {
                    // `</span></span>` ends the id span and the lookup span.
                    let pair_end = match next_span_tag(text, end) {
                        Some((next, RawTag::SpanClose, close_end))
                            if closes == 2 && next == end =>
                        {
                            close_end
                        }
                        _ => end,
                    };
                    return Some((english_start..at, pair_end));
                }
                RawTag::SpanClose => depth -= 1,
                RawTag::SelfClosingSpan => {}
                _ => depth += 1,
            }
            from = end;
        }
        // The original never closes: it ends with its block, as the parser ends it, so a
        // table cell's English does not take the rest of the table with it.
        let end = self
            .block_end(english_start)
            .unwrap_or(limit)
            .min(limit)
            .max(english_start);
        Some((english_start..end, end))
    }

    fn next_blank_line(&mut self, from: usize) -> usize {
        if let Some((searched, found)) = self.blank_line {
            if searched <= from && from <= found {
                return found;
            }
        }
        let found = self.text[from..]
            .find("\n\n")
            .map_or(self.text.len(), |i| from + i);
        self.blank_line = Some((from, found));
        found
    }

    /// Where the block holding `at` ends: the end of a paragraph's, heading's, table cell's
    /// or list item's text, or of a raw HTML block.
    fn block_end(&mut self, at: usize) -> Option<usize> {
        let blocks = self.blocks.get_or_insert_with(|| blocks(self.text));
        let i = blocks.partition_point(|b| b.start <= at).checked_sub(1)?;
        (at <= blocks[i].end).then_some(blocks[i].end)
    }
}

/// The source ranges of each block's inline text and of each raw HTML block, in order.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut inline: Option<Range<usize>> = None;
    let mut in_code = false;
    for (ev, range) in Parser::new_ext(text, crate::parse::options()).into_offset_iter() {
        let is_inline = match &ev {
            Event::Start(tag) => is_inline_tag(&tag.to_end()),
            Event::End(tag) => is_inline_tag(tag),
            Event::Text(_) => !in_code,
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => true,
            _ => false,
        };
        if is_inline {
            let run = inline.get_or_insert(range.clone());
            run.end = run.end.max(range.end);
            continue;
        }
        out.extend(inline.take());
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::HtmlBlock) => out.push(range),
            _ => {}
        }
    }
    out.extend(inline);
    // In source order and apart, for the binary search.
    out.sort_by_key(|r| r.start);
    out.dedup_by(|later, earlier| later.start < earlier.end);
    out
}

/// Inline markup, which stays inside its block.
pub(crate) fn is_inline_tag(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The next `<span …>` or `</span>` at or after `from`: where it starts, what it is, where
/// it ends.
fn next_span_tag(text: &str, from: usize) -> Option<(usize, RawTag, usize)> {
    let mut from = from;
    while let Some(p) = text.get(from..)?.find('<') {
        let at = from + p;
        let rest = &text.as_bytes()[at..];
        let is_span = rest.len() > 5
            && rest[1..5].eq_ignore_ascii_case(b"span")
            && matches!(rest[5], b'>' | b'/' | b' ' | b'\t' | b'\n');
        let is_close = rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"</span>");
        // A tag ends before the next `<`: scans stay linear on text full of `<span`.
        let end = text[at + 1..]
            .find(['>', '<'])
            .map(|e| at + 1 + e)
            .filter(|&e| text.as_bytes()[e] == b'>');
        if let (true, Some(end)) = (is_span || is_close, end) {
            return Some((at, classify(&text[at..=end]), end + 1));
        }
        from = at + 1;
    }
    None
}

/// English pages for every slug that has side-by-side translations but no English page,
/// made from the translation delivered last (the newest English revision).
pub fn reconstruct(pages: &[SourcePage], config: &Config) -> Vec<SourcePage> {
    let Some(en) = config.lang("en").cloned() else {
        return Vec::new();
    };
    let mut by_slug: std::collections::BTreeMap<&str, Vec<&SourcePage>> = Default::default();
    for p in pages {
        by_slug.entry(p.slug.as_str()).or_default().push(p);
    }
    let mut out = Vec::new();
    for (slug, group) in by_slug {
        if group.iter().any(|p| p.lang == en) {
            continue;
        }
        let best = group
            .iter()
            .filter(|p| p.has_side_by_side())
            .max_by(|a, b| {
                a.front
                    .last_handoff
                    .cmp(&b.front.last_handoff)
                    // On a tie, the language listed first in the config wins.
                    .then_with(|| lang_rank(config, &b.lang).cmp(&lang_rank(config, &a.lang)))
            });
        let Some(source) = best else { continue };
        let text = english_text(source.body());
        out.push(SourcePage {
            path: source.path.clone(),
            lang: en.clone(),
            slug: slug.to_string(),
            text: Arc::from(text),
            body_offset: 0,
            front: FrontMatter {
                title: None,
                description: None,
                date: source.front.date,
                content_locale: Some("en-US".into()),
                translation_type: None,
                source_hash: source.front.source_hash.clone(),
                last_handoff: source.front.last_handoff,
                author: source.front.author.clone(),
                topic: source.front.topic.clone(),
                subservice: source.front.subservice.clone(),
                extra: Default::default(),
            },
            origin: Origin::Reconstructed {
                from: source.lang.clone(),
            },
            includes: Vec::new(),
        });
    }
    out
}

fn lang_rank(config: &Config, lang: &Lang) -> usize {
    config
        .languages
        .iter()
        .position(|l| l == lang)
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::english_text;

    #[test]
    fn pairs_become_their_english() {
        let t = r#"# <a name="x"></a><span data-ttu-id="a-1">Zelfondersteuning</span><span class="sxs-lookup"><span data-stu-id="a-1">Customer self-support</span></span>"#;
        assert_eq!(
            english_text(t),
            r#"# <a name="x"></a>Customer self-support"#
        );
        let t = r#"- <span data-ttu-id="a-2">**Van toepassing op**</span><span class="sxs-lookup"><span data-stu-id="a-2">**Applies to**</span></span> en [link](x.md)"#;
        assert_eq!(english_text(t), "- **Applies to** en [link](x.md)");
    }

    #[test]
    fn an_unclosed_span_ends_with_its_block() {
        // The translation's span never closes: its text ends where the original starts.
        let t = "<span data-ttu-id=\"c\">Alleen open <span class=\"sxs-lookup\"><span data-stu-id=\"c\">English never closed\n\nVolgende <span data-ttu-id=\"d\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"d\">y</span></span>.\n";
        assert_eq!(english_text(t), "English never closed\n\nVolgende y.\n");
        // The original never closes: it ends with its table cell, and the table stays whole.
        let t = "| kop |\n|---|\n| <span data-ttu-id=\"d\">Cel</span><span class=\"sxs-lookup\"><span data-stu-id=\"d\">Cell in English |\n| daarna |\n";
        assert_eq!(
            english_text(t),
            "| kop |\n|---|\n| Cell in English |\n| daarna |\n"
        );
        // Raw HTML blocks hold pairs too.
        let t = "<table><tr><td><span data-ttu-id=\"e\">Ruwe cel</span><span class=\"sxs-lookup\"><span data-stu-id=\"f\">Raw cell</span></span></td></tr></table>\n";
        assert_eq!(
            english_text(t),
            "<table><tr><td>Raw cell</td></tr></table>\n"
        );
    }

    #[test]
    fn malformed_pairs_are_left_for_the_parser() {
        let t = r#"<span data-ttu-id="a">alleen lokaal</span> tekst"#;
        assert_eq!(english_text(t), t);
        assert_eq!(english_text("geen spans"), "geen spans");
    }
}
