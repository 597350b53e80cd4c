//! The event pass: one walk over pulldown-cmark's events that writes the page's HTML and
//! collects its headings, words and English originals. Markup handling (raw HTML, spans,
//! links, images, alerts, includes) is in [`markup`].

mod markup;

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::directives::{self, Piece};
use super::headings::{IdSet, TocEntry, slugify};
use super::html::{self, RawTag};
use super::{
    Context, Original, PageLink, ParsedPage, Passage, Segment, escape, push_escaped, sanitize,
};
use crate::diag::{Diagnostic, Kind};
use crate::lang::Lang;
use crate::load::SourcePage;
use markup::{ev_kind_was_none, strip_inline_alert_marker};

/// One pass over a text's events (the page's, or an included file's, which gets a pass of its
/// own), with where it stands: which page, which languages, how deep in includes.
pub(super) struct EventPass<'p> {
    cx: &'p Context<'p>,
    page: &'p SourcePage,
    /// The file messages name, and the text offsets count in: the page's, or an included
    /// file's.
    path: &'p std::path::Path,
    text: &'p str,
    base: usize,
    /// The content's language.
    lang: &'p Lang,
    /// The language whose folder the page is written to, and whose pages links lead to.
    reader: &'p Lang,
    source_dir: String,
    page_dir: String,
    depth: usize,
    /// Includes pulled in so far by the page (shared with the included runs).
    includes: std::rc::Rc<std::cell::Cell<usize>>,
    /// The included files this run is inside, outermost first (a cycle is named by it).
    chain: Vec<&'p std::path::Path>,
    /// Line starts of `text`, made on the first message that needs a line number.
    lines: std::cell::OnceCell<crate::diag::LineIndex>,
}

/// Where events go: the page, or a buffer (a heading being collected, an English original).
enum Sink {
    Heading {
        level: HeadingLevel,
        anchor: Option<String>,
        text: String,
        tab: bool,
    },
    Original,
    Image {
        src: Option<String>,
        title: String,
    },
}

#[derive(Default)]
struct State<'a> {
    out: Vec<Event<'a>>,
    sinks: Vec<(Sink, Vec<Event<'a>>)>,
    /// What each open markdown link closes with.
    link_closers: Vec<&'static str>,
    /// Open `<span>`s from content and what each was.
    spans: Vec<RawTag>,
    /// Blockquotes open, and whether each became an alert.
    quotes: Vec<bool>,
    anchor_open: bool,
    in_code: bool,
    /// Inside a raw-text element from content (`<script>`, `<style>`…): everything up to its
    /// end tag, or the end of the block, is dropped, like the sanitizer would.
    raw_text: Option<String>,
    needs_sanitize: bool,
    ids: IdSet,
    toc: Vec<TocEntry>,
    h1: Option<String>,
    words: usize,
    pending: Vec<Original>,
    originals: Vec<Original>,
    /// The shown text of the block so far: on pages that show originals (for passage
    /// reports), and on hand-written English pages (for their sentences).
    block_text: String,
    passages: Vec<Passage>,
    /// Offsets of link destinations in the body, with their targets, for the twin.
    link_targets: Vec<(usize, super::links::Target)>,
    /// Where the body starts and its length, to find a destination's offset. (Pages parsed
    /// from a masked copy leave their twin to resolve links itself.)
    body_at: (usize, usize),
    links: Vec<PageLink>,
    linked: Vec<String>,
    wanted: Vec<String>,
    /// The side-by-side pair being read: where its two halves start and end in the body.
    pair: PairMarks,
    /// Pairs read so far: translation, English, block.
    pairs: Vec<(Range<usize>, Range<usize>, u32)>,
    /// English-original groups flushed so far: the block number of the next pair.
    flushed: u32,
    /// The end of the last leaf event, where a pair left open by a malformed export ends.
    at: usize,
    /// Hand-written English pages: their sentences.
    sentences: Vec<String>,
    /// Pairs after an unclosed comment, read by a run of their own.
    segments_from_tail: Vec<Segment>,
}

#[derive(Default)]
struct PairMarks {
    local: Option<(usize, Option<usize>)>,
    english: Option<(usize, Option<usize>)>,
}

impl<'a> State<'a> {
    fn emit(&mut self, ev: Event<'a>) {
        match self.sinks.last_mut() {
            Some((_, buf)) => buf.push(ev),
            None => self.out.push(ev),
        }
    }

    fn html(&mut self, s: impl Into<CowStr<'a>>) {
        self.emit(Event::InlineHtml(s.into()));
    }

    fn capturing_original(&self) -> bool {
        self.sinks.iter().any(|(s, _)| matches!(s, Sink::Original))
    }
}

impl<'p> EventPass<'p> {
    pub(super) fn new(
        cx: &'p Context<'p>,
        page: &'p SourcePage,
        reader: &'p Lang,
        source_dir: String,
    ) -> EventPass<'p> {
        EventPass {
            cx,
            page,
            path: &page.path,
            text: &page.text,
            base: page.body_offset,
            lang: &page.lang,
            reader,
            source_dir,
            page_dir: crate::urls::Urls::page_path(reader, &page.slug),
            depth: 0,
            includes: Default::default(),
            chain: Vec::new(),
            lines: Default::default(),
        }
    }

    /// Whether this run records side-by-side pairs: a translated page's own parse (not a
    /// fallback copy, not an included file).
    fn records_pairs(&self) -> bool {
        self.cx.emit_originals && !self.cx.quiet && self.depth == 0
    }

    /// Whether this run records sentences: a hand-written English page's own parse, when
    /// the build compares a translation with it ([`Context::sentences`]).
    fn records_sentences(&self) -> bool {
        self.cx.sentences
            && !self.cx.emit_originals
            && !self.cx.quiet
            && self.depth == 0
            && self.lang.as_str() == "en"
    }

    /// Where a body offset is in the file.
    fn location(&self, offset: usize) -> crate::diag::Location {
        self.lines
            .get_or_init(|| crate::diag::LineIndex::new(self.text))
            .location(self.path, self.text, self.base + offset)
    }

    fn warn(&self, st: &State, offset: usize, message: String, hint: Option<&str>) {
        if st.capturing_original() || self.cx.quiet {
            return; // the same link or image is reported once, from the localized text
        }
        let mut d = Diagnostic::warning(Kind::Content, Some(self.location(offset)), message);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        if message_is_about_an_include(&d.message) {
            d.kind = Kind::Include;
        } else if d.message.contains("link") {
            d.kind = Kind::BrokenLink;
        }
        self.cx.diags.push(d);
    }

    pub(super) fn parse(&self, body: &str) -> ParsedPage {
        let mut masked = String::new();
        let mut events = super::sxs::events(body, &mut masked);
        let mut st = State {
            out: Vec::with_capacity(events.len() + events.len() / 4),
            body_at: (body.as_ptr() as usize, body.len()),
            ..State::default()
        };
        let mut i = 0;
        while i < events.len() {
            // Each event is taken out as it is handled (later ones are still looked ahead
            // at), so it moves to the output instead of being copied there.
            let (ev, range) = std::mem::replace(&mut events[i], (Event::Rule, 0..0));
            let range = &range;
            i += 1;
            match &ev {
                Event::Start(_) | Event::End(_) => {}
                Event::SoftBreak | Event::HardBreak => {
                    st.at = range.end;
                    st.block_text.push(' ');
                }
                _ => st.at = range.end,
            }
            if st.raw_text.is_some() {
                match &ev {
                    Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => {
                        continue;
                    }
                    Event::InlineHtml(raw) | Event::Html(raw) => {
                        let closes = st.raw_text.as_ref().is_some_and(|name| {
                            raw.to_ascii_lowercase().contains(&format!("</{name}"))
                        });
                        if closes {
                            st.raw_text = None;
                        }
                        continue;
                    }
                    // A block ends the element: a stray tag never hides more than its block.
                    Event::End(_) => st.raw_text = None,
                    _ => {}
                }
            }
            match &ev {
                Event::Start(Tag::Paragraph) if self.is_include(body, range) => {
                    let inner = self.include(body, range, &st);
                    st.html(inner);
                    st.needs_sanitize = true;
                    while i < events.len() && !matches!(events[i].0, Event::End(TagEnd::Paragraph))
                    {
                        i += 1;
                    }
                    i += 1;
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    let kind = kind.or_else(|| self.inline_alert(&events, i));
                    st.quotes.push(kind.is_some());
                    match kind {
                        Some(kind) => {
                            let (class, label) = self.alert(kind);
                            st.html(format!(r#"<div class="sp-alert sp-alert-{class}" role="note"><p class="sp-alert-title">{}</p>"#, escape(label)));
                            if ev_kind_was_none(&ev) {
                                i = strip_inline_alert_marker(&events, i, &mut st);
                            }
                        }
                        None => st.emit(ev),
                    }
                }
                Event::End(TagEnd::BlockQuote(_)) => {
                    self.flush_originals(&mut st);
                    if st.quotes.pop().unwrap_or(false) {
                        st.html("</div>");
                    } else {
                        st.emit(ev);
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    self.flush_originals(&mut st);
                    st.sinks.push((
                        Sink::Heading {
                            level: *level,
                            anchor: None,
                            text: String::new(),
                            tab: false,
                        },
                        Vec::new(),
                    ));
                }
                Event::End(TagEnd::Heading(_)) => self.end_heading(&mut st),
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => {
                    let empty = matches!(events.get(i), Some((Event::End(TagEnd::Link), _)));
                    self.start_link(&mut st, dest_url, title, range.start, empty);
                }
                Event::End(TagEnd::Link) => {
                    let closer = st.link_closers.pop().unwrap_or("");
                    if !closer.is_empty() {
                        st.html(closer);
                    }
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let src = self.image_src(&st, dest_url, range.start);
                    st.sinks.push((
                        Sink::Image {
                            src,
                            title: title.to_string(),
                        },
                        Vec::new(),
                    ));
                }
                Event::End(TagEnd::Image) => self.end_image(&mut st),
                Event::Start(Tag::Table(_)) => {
                    st.html(r#"<div class="sp-table-wrap" tabindex="0">"#);
                    st.emit(ev);
                }
                Event::End(TagEnd::Table) => {
                    st.emit(ev);
                    st.html("</div>");
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    st.in_code = true;
                    // Focusable, so keyboard users can scroll a wide block sideways.
                    let lang = match kind {
                        pulldown_cmark::CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_string()
                        }
                        pulldown_cmark::CodeBlockKind::Indented => String::new(),
                    };
                    if lang.is_empty() {
                        st.html("<pre tabindex=\"0\"><code>");
                    } else {
                        let mut open = String::with_capacity(lang.len() + 48);
                        open.push_str(r#"<pre tabindex="0"><code class="language-"#);
                        push_escaped(&mut open, &lang);
                        open.push_str(r#"">"#);
                        st.html(open);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    st.in_code = false;
                    st.html("</code></pre>\n");
                }
                Event::Start(Tag::List(_))
                | Event::Start(Tag::Item)
                | Event::Start(Tag::TableCell) => {
                    self.flush_originals(&mut st);
                    st.emit(ev);
                }
                Event::End(
                    TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::List(_),
                ) => {
                    self.close_open_spans(&mut st);
                    self.flush_originals(&mut st);
                    st.emit(ev);
                }
                // Most text holds no `:` or `*`, so neither a directive nor a stray `**`.
                Event::Text(text) if st.in_code || !may_hold_markers(text) => {
                    if !st.in_code {
                        self.note_text(&mut st, text);
                    }
                    st.emit(ev);
                }
                Event::Text(text) => {
                    match self.split_directive(&mut st, body, (text, range), &events, i - 1) {
                        Some(next) => i = next,
                        None => self.text(&mut st, text, range),
                    }
                }
                Event::Code(code) => {
                    self.note_text(&mut st, code);
                    st.emit(ev);
                }
                Event::InlineHtml(raw) => self.inline_html(&mut st, raw, range.start),
                Event::Html(raw) => {
                    self.block_html(&mut st, raw, range.start);
                    if html::classify(raw) == RawTag::Comment
                        && !body[range.start..].contains("-->")
                    {
                        // An HTML comment that never closes would hide the rest of the page
                        // (browsers) or show it as raw lines (markdown): it ends at its line.
                        self.warn(&st, range.start, "unclosed HTML comment: it ends at its line, the rest of the page is shown".into(),
                            Some("close the comment with `-->`"));
                        let from = range.end.min(body.len());
                        self.close_open_spans(&mut st);
                        let rest = EventPass {
                            base: self.base + from,
                            includes: std::rc::Rc::clone(&self.includes),
                            chain: self.chain.clone(),
                            lines: Default::default(),
                            source_dir: self.source_dir.clone(),
                            page_dir: self.page_dir.clone(),
                            ..*self
                        };
                        let tail = rest.parse(&body[from..]);
                        st.html(tail.html);
                        st.words += tail.words;
                        st.toc.extend(tail.toc);
                        st.originals.extend(tail.originals);
                        st.passages.extend(tail.passages);
                        st.link_targets
                            .extend(tail.link_targets.into_iter().map(|(o, t)| (o + from, t)));
                        let flushed = st.flushed;
                        st.segments_from_tail
                            .extend(tail.segments.into_iter().map(|mut s| {
                                s.block += flushed;
                                s
                            }));
                        st.sentences.extend(tail.sentences);
                        st.links.extend(tail.links);
                        st.linked.extend(tail.linked);
                        st.wanted.extend(tail.wanted);
                        if st.h1.is_none() {
                            st.h1 = tail.h1;
                        }
                        break;
                    }
                }
                other => st.emit(other.clone()),
            }
        }
        self.close_open_spans(&mut st);
        while !st.sinks.is_empty() {
            // Only malformed input leaves a buffer open; keep its content.
            let (_, buf) = st.sinks.pop().unwrap_or((Sink::Original, Vec::new()));
            st.out.extend(buf);
        }
        self.flush_originals(&mut st);
        let body_html = if st.needs_sanitize && !self.cx.trust_html {
            render_sanitizing_blocks(st.out, body.len())
        } else {
            let mut html = String::with_capacity(body.len() + body.len() / 2);
            pulldown_cmark::html::push_html(&mut html, st.out.into_iter());
            html
        };
        let mut segments = self.segments(body, &st.pairs);
        segments.append(&mut st.segments_from_tail);
        ParsedPage {
            segments,
            sentences: st.sentences,
            // Every page's HTML is held until rendering: spare capacity would add up to a
            // quarter of a big build's memory.
            html: {
                let mut h = body_html;
                h.shrink_to_fit();
                h
            },
            h1: st.h1,
            toc: st.toc,
            words: st.words,
            originals: st.originals,
            passages: st.passages,
            twin: None,
            link_targets: st.link_targets,
            ids: st.ids.into_sorted(),
            links: st.links,
            linked: st.linked,
            wanted: st.wanted,
        }
    }

    /// The recorded pairs as text, with where each translation starts in the file.
    fn segments(&self, body: &str, pairs: &[(Range<usize>, Range<usize>, u32)]) -> Vec<Segment> {
        pairs
            .iter()
            .filter_map(|(local, english, block)| {
                let at = self.location(local.start);
                Some(Segment {
                    local: body.get(local.clone())?.to_string(),
                    english: body.get(english.clone())?.to_string(),
                    line: u32::try_from(at.line).unwrap_or(u32::MAX),
                    column: u32::try_from(at.column).unwrap_or(u32::MAX),
                    block: *block,
                })
            })
            .collect()
    }

    fn end_heading(&self, st: &mut State) {
        self.close_open_spans(st);
        let Some((
            Sink::Heading {
                level,
                anchor,
                text,
                tab,
            },
            inner,
        )) = st.sinks.pop()
        else {
            return;
        };
        let text = collapse_spaces(&text);
        let wanted = anchor.unwrap_or_else(|| slugify(&text));
        let id = st.ids.claim(&wanted);
        let n = level as usize;
        let class = if tab {
            r#" class="sp-tab-heading""#
        } else {
            ""
        };
        let mut open = String::with_capacity(id.len() + class.len() + 12);
        open.push_str(HEADING_OPEN[n]);
        push_escaped(&mut open, &id);
        open.push('"');
        open.push_str(class);
        open.push('>');
        st.html(open);
        for ev in inner {
            st.emit(ev);
        }
        self.flush_originals(st);
        st.html(HEADING_CLOSE[n]);
        if level == HeadingLevel::H1 && st.h1.is_none() {
            st.h1 = Some(text.clone());
        }
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) && !tab {
            st.toc.push(TocEntry {
                level: n as u8,
                id,
                text,
            });
        }
    }

    fn text(&self, st: &mut State<'p>, text: &CowStr<'p>, range: &Range<usize>) {
        let offset = range.start;
        // Directives first: their attributes may hold anything, `**` included.
        if !st.in_code && crate::find::contains_marker(text, ":::") {
            let pieces = directives::split(text);
            if pieces.iter().any(|p| !matches!(p, Piece::Text(_))) {
                for piece in pieces {
                    match piece {
                        Piece::Text(t) => {
                            let t = CowStr::from(t.to_string());
                            self.text(st, &t, &(offset..offset));
                        }
                        other => self.directive(st, other, offset),
                    }
                }
                return;
            }
        }
        // Even escaped (`\*\*`), a double asterisk in this content is a broken bold marker.
        if !st.in_code && crate::find::contains_marker(text, "**") {
            self.stray_bold(st, text);
            return;
        }
        if !st.in_code {
            self.note_text(st, text);
        }
        st.emit(Event::Text(text.clone()));
    }

    fn directive(&self, st: &mut State<'p>, piece: Piece, offset: usize) {
        match piece {
            Piece::Text(t) => {
                self.note_text(st, t);
                st.emit(Event::Text(t.to_string().into()));
            }
            Piece::NoLoc(t) => {
                self.note_text(st, &t);
                st.emit(Event::Text(t.into()));
            }
            Piece::Image { source, alt } => {
                let src = if source.is_empty() {
                    None
                } else {
                    self.image_src(st, &source, offset)
                };
                self.note_text(st, &alt);
                self.emit_image(st, src.as_deref(), &alt, "");
            }
            Piece::Nothing => {}
        }
    }

    /// A directive markdown cut into pieces: an attribute value holding `<tag>`, `*`, `` ` ``
    /// or an entity makes the parser end the text event inside the directive. When the text
    /// at `at` opens a directive it does not close, the directive is read from the source up
    /// to its closing `:::` on the same line, and the events it covers are skipped. Returns
    /// the index of the next event to handle, or `None` to treat the text as usual.
    fn split_directive(
        &self,
        st: &mut State<'p>,
        body: &str,
        (text, range): (&CowStr<'p>, &Range<usize>),
        events: &[(Event<'p>, Range<usize>)],
        at: usize,
    ) -> Option<usize> {
        // Most text events hold no `:::` at all; a substring searcher set up for each of them
        // cost more than the rest of this check.
        if st.in_code
            || !crate::find::contains_marker(text, ":::")
            || memchr::memmem::find_iter(text.as_bytes(), ":::").count() % 2 == 0
        {
            return None;
        }
        let src = body.get(range.clone())?;
        let open = range.start + src.rfind(":::")?;
        let name = body[open + 3..].trim_start();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let line_end = body[open..].find('\n').map_or(body.len(), |e| open + e);
        let close = open + 3 + body[open + 3..line_end].find(":::")? + 3;
        // The events the directive covers: balanced, ending in the text that closes it.
        let mut depth = 0i32;
        let mut last = at;
        for (j, (ev, r)) in events.iter().enumerate().skip(at + 1) {
            // An end event's range is its whole element's: one that closes an element open
            // before the directive ends the search.
            if r.start >= close || (depth == 0 && matches!(ev, Event::End(_))) {
                break;
            }
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            last = j;
        }
        if last == at {
            return None;
        }
        let (Event::Text(_), end) = &events[last] else {
            return None;
        };
        if depth != 0 || end.end < close {
            return None;
        }
        let before = &text[..text.rfind(":::")?];
        if !before.is_empty() {
            self.text(st, &CowStr::from(before.to_string()), range);
        }
        for piece in directives::split(&body[open..close]) {
            self.directive(st, piece, open);
        }
        let after = body.get(close..end.end).unwrap_or("");
        if !after.is_empty() {
            self.text(st, &CowStr::from(after.to_string()), &(close..end.end));
        }
        Some(last + 1)
    }

    /// Machine translation leaves `**` that CommonMark cannot pair (`** word **`, a lone
    /// `**`): pairs become bold, a leftover is dropped, so no asterisks reach the reader.
    fn stray_bold(&self, st: &mut State<'p>, text: &str) {
        let parts: Vec<&str> = text.split("**").collect();
        let pairs = (parts.len() - 1) / 2;
        for (n, part) in parts.iter().enumerate() {
            let bold = n % 2 == 1 && n <= pairs * 2;
            let part = if bold { part.trim() } else { part };
            if part.is_empty() {
                continue;
            }
            if bold {
                st.html("<strong>");
            }
            let owned = CowStr::from(part.to_string());
            self.text(st, &owned, &(0..0));
            if bold {
                st.html("</strong>");
            }
        }
    }

    /// Counts words and collects heading text, outside English originals.
    fn note_text(&self, st: &mut State, text: &str) {
        if st.capturing_original() {
            return;
        }
        if let Some((Sink::Heading { text: h, .. }, _)) = st
            .sinks
            .iter_mut()
            .rev()
            .find(|(s, _)| matches!(s, Sink::Heading { .. }))
        {
            h.push_str(text);
        }
        // One buffer serves both: what a block shows, for passage reports beside its original,
        // and a hand-written English page's sentences.
        if self.cx.emit_originals || self.records_sentences() {
            st.block_text.push_str(text);
        }
        st.words += count_words(text);
    }
}

/// Whether a text may hold a directive (`:::`) or a stray `**`: one SIMD search for both
/// bytes instead of one per marker.
fn may_hold_markers(text: &str) -> bool {
    memchr::memchr2(b':', b'*', text.as_bytes()).is_some()
}

/// A heading's tags by level (1–6), up to its id's value.
const HEADING_OPEN: [&str; 7] = [
    "",
    r#"<h1 id=""#,
    r#"<h2 id=""#,
    r#"<h3 id=""#,
    r#"<h4 id=""#,
    r#"<h5 id=""#,
    r#"<h6 id=""#,
];
const HEADING_CLOSE: [&str; 7] = ["", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>"];

fn message_is_about_an_include(message: &str) -> bool {
    message.starts_with("include ")
}

/// Separates top-level blocks in the rendered HTML; nothing in content can produce it.
const BLOCK_MARK: &str = "\u{E000}signpost-block\u{E000}";

/// Renders the page, then sanitizes each top-level block that holds content's raw HTML on
/// its own: hostile or broken markup (an unclosed `<textarea>`, mutation-XSS tricks) is
/// confined to its block instead of swallowing the rest of the page.
fn render_sanitizing_blocks(events: Vec<Event>, len: usize) -> String {
    let mut marked = Vec::with_capacity(events.len() + events.len() / 4);
    let mut raw_blocks = Vec::new();
    let (mut depth, mut raw) = (0usize, false);
    for ev in events {
        match &ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(_) => raw = true,
            _ => {}
        }
        marked.push(ev);
        if depth == 0 {
            marked.push(Event::InlineHtml(BLOCK_MARK.into()));
            raw_blocks.push(raw);
            raw = false;
        }
    }
    let mut html = String::with_capacity(len + len / 2);
    pulldown_cmark::html::push_html(&mut html, marked.into_iter());
    let mut out = String::with_capacity(html.len());
    for (i, block) in html.split(BLOCK_MARK).enumerate() {
        if raw_blocks.get(i).copied().unwrap_or(true) && nesting_depth(block) > MAX_RAW_DEPTH {
            // The HTML parser's cost grows with the square of nesting: absurdly deep raw HTML
            // is shown as text instead.
            out.push_str("<pre>");
            out.push_str(&escape(block));
            out.push_str("</pre>");
        } else if raw_blocks.get(i).copied().unwrap_or(true) {
            out.push_str(&sanitize::clean(block));
        } else {
            out.push_str(block);
        }
    }
    out
}

/// Deepest raw HTML nesting sanitized as HTML; real pages stay far below it.
const MAX_RAW_DEPTH: usize = 512;

/// How deeply tags nest in an HTML fragment (void and self-closing tags do not count).
fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 8] = ["br", "img", "hr", "input", "meta", "link", "col", "wbr"];
    let (mut depth, mut max) = (0usize, 0usize);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !tag.starts_with('!') && !tag.ends_with('/') {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !name.is_empty() && !VOID.contains(&name.as_str()) {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

/// `text` with each run of whitespace made one space, and none at either end.
pub(super) fn collapse_spaces(text: &str) -> String {
    // Most headings already are: single ASCII spaces between words, none at the ends, and
    // nothing but ASCII (so no other kind of white space) to decode.
    // One pass over the bytes: a space first (as if one came before the text), two in a
    // row or last, or any other white space or non-ASCII byte sends it the long way.
    let mut prev = b' ';
    let simple = text.bytes().all(|c| {
        let ok = c < 0x80
            && !matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
            && !(c == b' ' && prev == b' ');
        prev = c;
        ok
    });
    if simple && prev != b' ' {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words as runs of non-space bytes: the reading-time estimate runs over every text event,
/// so this avoids `split_whitespace`'s char decoding.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let space = |b: u8| (b == b' ') | (b == b'\n') | (b == b'\t') | (b == b'\r') | (b == 0x0c);
    // A word starts wherever a space is followed by a non-space. Counting those pairs in
    // byte-sized sums over short chunks has no branches, so it runs on SIMD lanes.
    let mut count = usize::from(!space(first));
    for (a, b) in bytes.chunks(255).zip(bytes[1..].chunks(255)) {
        count += usize::from(
            a.iter()
                .zip(b)
                .fold(0u8, |n, (&x, &y)| n + u8::from(space(x) & !space(y))),
        );
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_collapse_as_split_whitespace_has_them() {
        for text in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\u{b}b",
            "a\u{a0}b",
            "é  x",
            "Two words here",
        ] {
            let slow = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_spaces(text), slow, "{text:?}");
        }
    }

    #[test]
    fn words_are_counted_across_chunk_boundaries() {
        for text in [
            "",
            " ",
            "one",
            " one  two\tthree\n",
            "a b",
            "Zażółć gęślą jaźń — раз два",
        ] {
            assert_eq!(
                count_words(text),
                text.split_ascii_whitespace().count(),
                "{text:?}"
            );
        }
        let long = "word ".repeat(1000) + "x\n\ny  ";
        assert_eq!(count_words(&long), 1002);
        let dense = "a ".repeat(600);
        assert_eq!(count_words(&dense), 600);
    }
}
