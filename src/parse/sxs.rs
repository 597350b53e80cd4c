//! Side-by-side pairs kept apart from the text around them.
//!
//! A translated segment and its English original stand in one paragraph, so CommonMark's
//! inline pass reads them as one text: the `*` in `Reken 2*3 uit` pairs with the `*` in
//! `Compute 2*3 now`, emphasis opens in the shown translation and closes inside the hidden
//! original, and the original's end spills into view (backticks and brackets do the same).
//! Each half of a pair is a unit of its own and must not pair with anything outside it. When
//! one is tangled with its surroundings, the page is parsed again with that half replaced by
//! an opaque raw HTML tag of the same length (markdown reads nothing inside it), and the half
//! is parsed alone, in the same position on a line, its events put in the tag's place.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag, TagEnd};

use super::html::{self, RawTag};
use super::options;

pub(super) type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// The events of a page body. `masked` receives the text the page was parsed from when a
/// half of a pair had to be set apart; the events borrow it.
pub(super) fn events<'a>(body: &'a str, masked: &'a mut String) -> Events<'a> {
    let mut parser = Parser::new_ext(body, options()).into_offset_iter();
    let mut plain: Events<'a> = Vec::with_capacity(body.len() / 16);
    merge_text(parser.by_ref(), &mut plain);
    let tangled = tangled(&halves(body), &plain);
    if tangled.is_empty() {
        return plain;
    }
    let mut bytes = body.as_bytes().to_vec();
    for t in &tangled {
        mask(&mut bytes[t.clone()]);
    }
    // Only whole characters were replaced, by ASCII: every half starts with `<`, ends with `>`.
    let Ok(text) = String::from_utf8(bytes) else {
        return plain;
    };
    *masked = text;
    let masked: &'a str = masked;
    let mut parsed: Events<'a> = Vec::with_capacity(plain.len());
    merge_text(
        Parser::new_ext(masked, options()).into_offset_iter(),
        &mut parsed,
    );
    let refs = parser.reference_definitions();
    let mut out = Vec::with_capacity(parsed.len() + tangled.len() * 8);
    let mut next = tangled.iter().peekable();
    for (ev, range) in parsed {
        match next.peek() {
            Some(t) if **t == range && matches!(ev, Event::InlineHtml(_)) => {
                next.next();
                let Some(alone) = parse_alone(body, range, refs) else {
                    return plain;
                };
                out.extend(alone);
            }
            // The tag did not stay inline (it opened an HTML block, or a code span took it):
            // the page as first parsed is the better answer.
            Some(t) if range.start >= t.start && !is_container(&ev) => return plain,
            _ => out.push((ev, range)),
        }
    }
    if next.peek().is_some() {
        return plain;
    }
    out
}

/// Appends the events to `out`, each run of consecutive texts made one text, as
/// pulldown-cmark's `TextMergeWithOffset` does (a merged run that is empty is dropped). Done
/// in place in the vector: the adapter moved every event through an `Option` twice, about a
/// tenth of the parse's instructions, to merge texts that pulldown-cmark rarely splits.
fn merge_text<'a>(events: impl Iterator<Item = (Event<'a>, Range<usize>)>, out: &mut Events<'a>) {
    // Whether `out`'s last event is texts merged into one.
    let mut merged = false;
    for (ev, range) in events {
        if let Event::Text(next) = &ev
            && let Some((Event::Text(last), last_range)) = out.last_mut()
        {
            let mut joined = std::mem::replace(last, CowStr::Borrowed("")).into_string();
            joined.push_str(next);
            *last = CowStr::Boxed(joined.into_boxed_str());
            last_range.end = range.end;
            merged = true;
            continue;
        }
        drop_empty_merge(out, merged);
        merged = false;
        out.push((ev, range));
    }
    drop_empty_merge(out, merged);
}

fn drop_empty_merge(out: &mut Events, merged: bool) {
    if merged && matches!(out.last(), Some((Event::Text(t), _)) if t.is_empty()) {
        out.pop();
    }
}

/// Both halves of side-by-side pairs, each on one line and whole:
/// `<span data-ttu-id="…">LOCAL</span>` and
/// `<span class="sxs-lookup"><span data-stu-id="…">EN</span></span>`. Halves with spans or
/// footnote references inside are left to the ordinary parse.
fn halves(body: &str) -> Vec<Range<usize>> {
    let b = body.as_bytes();
    let mut out = Vec::new();
    // Each search remembers its answer, so thousands of unclosed spans stay linear.
    let (mut close, mut line_end, mut nested, mut footnote) = (
        Next::new(CLOSE),
        Next::new("\n"),
        Next::new("<span"),
        Next::new("[^"),
    );
    let mut from = 0;
    while let Some(p) = find_ci(&body[from..], "<span") {
        let start = from + p;
        from = start + 1;
        let Some(open) = span_open(b, start) else {
            continue;
        };
        let inner_start = match html::classify(&body[start..open]) {
            RawTag::LocalizedOpen => open,
            RawTag::OriginalOpen => match span_open(b, open) {
                Some(id) if html::classify(&body[open..id]) == RawTag::OriginalIdOpen => id,
                _ => continue,
            },
            _ => continue,
        };
        let Some(first_close) = close.at(body, inner_start) else {
            continue;
        };
        let closes = if inner_start == open { 1 } else { 2 };
        let end = first_close + closes * CLOSE.len();
        let inside = |next: &mut Next| next.at(body, inner_start).is_some_and(|n| n < first_close);
        if !b.get(first_close..end).is_some_and(|c| {
            c.chunks(CLOSE.len())
                .all(|c| c.eq_ignore_ascii_case(CLOSE.as_bytes()))
        }) || inside(&mut line_end)
            || inside(&mut nested)
            || inside(&mut footnote)
        {
            continue;
        }
        out.push(start..end);
        from = end;
    }
    out
}

const CLOSE: &str = "</span>";

/// The first occurrence of a needle at or after a position that only moves forward.
struct Next {
    needle: &'static str,
    /// Where the last search started, and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl Next {
    fn new(needle: &'static str) -> Next {
        Next { needle, last: None }
    }

    fn at(&mut self, text: &str, pos: usize) -> Option<usize> {
        match self.last {
            Some((from, found)) if from <= pos && found.is_none_or(|f| f >= pos) => found,
            _ => {
                let found = find_ci(&text[pos..], self.needle).map(|f| pos + f);
                self.last = Some((pos, found));
                found
            }
        }
    }
}

/// The end of the `<span …>` open tag at `at`, on one line and not self-closing.
fn span_open(b: &[u8], at: usize) -> Option<usize> {
    let rest = &b[at..];
    if rest.len() < 6
        || !rest[..5].eq_ignore_ascii_case(b"<span")
        || !(rest[5].is_ascii_whitespace() || rest[5] == b'>')
    {
        return None;
    }
    let end = 1 + rest[1..]
        .iter()
        .position(|&c| matches!(c, b'>' | b'<' | b'\n'))?;
    (rest[end] == b'>' && rest[end - 1] != b'/').then_some(at + end + 1)
}

/// Where `needle` first occurs, ignoring ASCII case. Every needle here starts with an ASCII
/// byte that is no letter, which memchr's SIMD search finds.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let &first = needle.first()?;
    memchr::memchr_iter(first, hay).find(|&at| {
        hay[at..]
            .get(..needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The halves that markdown's inline pass did not keep whole: something opened outside closes
/// inside or the other way round, or a code span runs into them.
fn tangled(halves: &[Range<usize>], events: &Events) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    for t in halves {
        // Leaf events follow the text in order; containers are checked inside the half.
        while events
            .get(i)
            .is_some_and(|(ev, r)| is_container(ev) || r.end <= t.start)
        {
            i += 1;
        }
        let Some((ev, r)) = events.get(i) else { break };
        let intact = match ev {
            Event::InlineHtml(_) if r.start == t.start => self_contained(&events[i..], t),
            Event::Code(_) if r.start < t.start => false,
            // Inside a code block or an HTML block: not inline text.
            _ => true,
        };
        if !intact {
            out.push(t.clone());
        }
    }
    out
}

/// Whether the events from the half's first tag to its last all lie within it.
fn self_contained(events: &[(Event, Range<usize>)], t: &Range<usize>) -> bool {
    for (ev, r) in events {
        if r.start < t.start || r.end > t.end {
            return false;
        }
        if r.end == t.end && !is_container(ev) {
            return true;
        }
    }
    false
}

fn is_container(ev: &Event) -> bool {
    matches!(ev, Event::Start(_) | Event::End(_))
}

/// `<x y="…">`: raw HTML that stays inline (unless alone on its line), begins and ends as the
/// half did (so the flanking of delimiters next to it is unchanged), and says nothing to
/// markdown. Pipes and backslashes stay, so a table row splits into the same cells as before
/// (a pipe inside then breaks the tag, and the page's first parse wins).
fn mask(bytes: &mut [u8]) {
    const OPEN: &[u8] = b"<x y=\"";
    let n = bytes.len();
    for (i, c) in bytes.iter_mut().enumerate() {
        *c = match i {
            _ if i < OPEN.len() => OPEN[i],
            _ if i + 2 == n => b'"',
            _ if i + 1 == n => b'>',
            _ if *c == b'|' || *c == b'\\' => *c,
            _ => b' ',
        };
    }
}

/// The half's events from parsing it on its own, placed at its offsets in the page.
/// Reference links resolve against the page's definitions.
fn parse_alone<'a>(
    body: &'a str,
    range: Range<usize>,
    refs: &pulldown_cmark::RefDefs,
) -> Option<Events<'a>> {
    let text = &body[range.clone()];
    let lookup = |link: BrokenLink<'a>| {
        let def = refs.get(&link.reference)?;
        let title = def.title.as_deref().unwrap_or("");
        Some((
            CowStr::from(def.dest.to_string()),
            CowStr::from(title.to_string()),
        ))
    };
    let parser =
        Parser::new_with_broken_link_callback(text, options(), Some(lookup)).into_offset_iter();
    let mut events: Events<'a> = Vec::new();
    merge_text(
        parser.map(|(ev, r)| (ev, r.start + range.start..r.end + range.start)),
        &mut events,
    );
    // A line that starts with a span tag and goes on is a paragraph; its content is the
    // half, inline, as on the page.
    let one_paragraph = matches!(events.first(), Some((Event::Start(Tag::Paragraph), _)))
        && matches!(events.last(), Some((Event::End(TagEnd::Paragraph), _)))
        && events
            .iter()
            .filter(|(ev, _)| matches!(ev, Event::End(TagEnd::Paragraph)))
            .count()
            == 1;
    if !one_paragraph {
        return None;
    }
    events.pop();
    events.remove(0);
    Some(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(body: &str) -> String {
        let mut masked = String::new();
        let mut out = String::new();
        pulldown_cmark::html::push_html(
            &mut out,
            events(body, &mut masked).into_iter().map(|(ev, _)| ev),
        );
        out
    }

    #[test]
    fn texts_merge_as_pulldown_cmark_merges_them() {
        for body in [
            "plain *em* text",
            "esc\\*aped\\* and &amp; entities &#x41; `code` \\\\",
            "a [not a link and ]( stray ) ! [x] * _ ~",
            "line one\nline two  \nthree\\\nfour",
            "| a | b\\|c |\n|---|---|\n| \\| | &lt; |\n",
            "<span>x</span> &nbsp;&nbsp; [^1]\n\n[^1]: note",
            "",
            "&#0; \\\n",
        ] {
            let expected: Events = pulldown_cmark::TextMergeWithOffset::new(
                Parser::new_ext(body, options()).into_offset_iter(),
            )
            .collect();
            let mut ours = Vec::new();
            merge_text(
                Parser::new_ext(body, options()).into_offset_iter(),
                &mut ours,
            );
            assert_eq!(ours, expected, "{body:?}");
        }
    }

    const PAIR: &str = r#"<span data-ttu-id="a">Reken 2*3 uit</span><span class="sxs-lookup"><span data-stu-id="a">Compute 2*3 now</span></span>"#;

    #[test]
    fn emphasis_stays_on_its_side() {
        assert_eq!(
            html(PAIR),
            "<p><span data-ttu-id=\"a\">Reken 2*3 uit</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Compute 2*3 now</span></span></p>\n"
        );
        // Set apart, each side keeps its own emphasis.
        let both = r#"<span data-ttu-id="a">2*3 en *een*</span><span class="sxs-lookup"><span data-stu-id="a">2*3 and *one*</span></span>"#;
        let out = html(both);
        assert!(
            out.contains("2*3 en <em>een</em>") && out.contains("2*3 and <em>one</em>"),
            "{out}"
        );
    }

    #[test]
    fn code_spans_and_reference_links_stay_on_their_side() {
        let body = "<span data-ttu-id=\"a\">Voer `x uit</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Run `x [now][r]</span></span> en `y`\n\n[r]: https://example.com/\n";
        let out = html(body);
        assert!(out.contains("Voer `x uit"), "{out}");
        assert!(
            out.contains("Run `x <a href=\"https://example.com/\">now</a>"),
            "{out}"
        );
        assert!(out.contains(" en <code>y</code>"), "{out}");
    }

    #[test]
    fn untangled_pages_parse_as_before() {
        for body in [
            PAIR.replace('*', ""),
            format!("*{}*", PAIR.replace('*', "")),
            format!("```\n{PAIR}\n```\n"),
            format!("<div>\n{PAIR}\n</div>\n"),
            format!(
                "| a |\n|---|\n| {} |\n",
                PAIR.replace("2*3 now", "2*3 | now")
            ),
        ] {
            let mut plain = String::new();
            pulldown_cmark::html::push_html(&mut plain, Parser::new_ext(&body, options()));
            assert_eq!(html(&body), plain, "{body}");
        }
    }

    #[test]
    fn halves_are_found_whole_on_one_line() {
        assert_eq!(halves(PAIR), vec![0..42, 42..PAIR.len()]);
        assert!(
            halves("<span class=\"sxs-lookup\"><span data-stu-id=\"a\">two\nlines</span></span>")
                .is_empty()
        );
        assert!(
            halves("<span class=\"sxs-lookup\"><span data-stu-id=\"a\">never closed").is_empty()
        );
        assert!(halves("<span data-ttu-id=\"a\">a <span>nested</span></span>").is_empty());
        assert!(halves("sxs-lookup <span class=sxs-lookup/> <span data-ttu-id=x/>").is_empty());
    }
}
