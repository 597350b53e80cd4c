//! Stage 2, parse: markdown body → HTML, with the page's headings, originals and word count.
//!
//! pulldown-cmark's event stream is rewritten in one pass: DocFX alerts become callouts,
//! side-by-side spans are split into the localized text (shown) and the English original
//! (kept aside per block), links are resolved against the site, and DocFX directives are
//! rendered. Raw HTML we do not recognise sends the page through the sanitizer.

pub mod directives;
pub mod headings;
pub mod html;
pub mod links;
pub mod sanitize;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use crate::diag::{Diagnostic, Diagnostics, Kind};
use crate::lang::Lang;
use crate::load::SourcePage;
use crate::urls::Urls;
use directives::Piece;
use headings::{slugify, IdSet, TocEntry};
use html::RawTag;
use links::{LinkIndex, LinkNote, Target};

/// UI words the parser writes into content, already in the page's language.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
    pub image_missing: String,
    pub link_unavailable: String,
    /// Tooltip for a link to a page in another language, by that language.
    pub other_language: BTreeMap<Lang, String>,
}

/// The English original of one block (paragraph, list item, table cell, heading).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Original {
    pub html: String,
    pub text: String,
}

/// A link from this page to a page of the site, kept so checks can follow it later.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PageLink {
    /// Byte offset of the link in the file.
    pub offset: usize,
    pub written: String,
    pub slug: String,
    /// `None` for a link within the same page.
    pub lang: Option<Lang>,
    pub fragment: Option<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ParsedPage {
    pub html: String,
    /// Plain text of the first level-1 heading, which the body shows itself.
    pub h1: Option<String>,
    pub toc: Vec<TocEntry>,
    pub heading_ids: Vec<String>,
    pub words: usize,
    /// English originals of side-by-side pages, in reading order.
    pub originals: Vec<Original>,
    /// Every id on the page (headings and anchors), sorted, for checking `#fragment` links.
    pub ids: Vec<String>,
    /// Links to pages of the site and to fragments of this page.
    pub links: Vec<PageLink>,
    /// Slugs of `.md` links no page answers yet; a page created there changes this page.
    pub wanted: Vec<String>,
}

impl ParsedPage {
    pub fn has_originals(&self) -> bool {
        !self.originals.is_empty()
    }
}

/// What parsing one page needs from the rest of the site.
pub struct Context<'a> {
    pub index: &'a LinkIndex,
    pub urls: &'a Urls,
    pub labels: &'a Labels,
    pub docs_root: Option<&'a str>,
    pub content_dir: &'a Path,
    pub diags: &'a Diagnostics,
    /// Show each block's English original after it, hidden until asked for.
    pub emit_originals: bool,
    /// `trust_html` in site.yaml: raw HTML is not sanitized.
    pub trust_html: bool,
    /// Report nothing: the page was parsed before (a fallback copy) or has no file of its
    /// own whose lines a message could name (an English page rebuilt from spans).
    pub quiet: bool,
}

const MAX_INCLUDE_DEPTH: usize = 8;

/// Parses a page for its own URL.
pub fn parse_page(page: &SourcePage, cx: &Context) -> ParsedPage {
    parse_page_as(page, &page.lang, cx)
}

/// Parses a page for the URL of language `reader`: a fallback page shows another language's
/// content under the reader's folder, and its links lead to the reader's pages.
pub fn parse_page_as(page: &SourcePage, reader: &Lang, cx: &Context) -> ParsedPage {
    let run = Run {
        cx,
        page,
        text: &page.text,
        base: page.body_offset,
        lang: &page.lang,
        reader,
        source_dir: source_dir(&page.path, &page.lang, &page.slug),
        page_dir: Urls::page_path(reader, &page.slug),
        depth: 0,
    };
    run.parse(page.body())
}

/// The folder of a page's file inside its language folder, `/`-separated: the path's last
/// components, as many as the slug says (`a/index.md` has slug `a` and folder `a`).
fn source_dir(path: &Path, lang: &Lang, slug: &str) -> String {
    let is_index = path.file_stem().is_some_and(|s| s.eq_ignore_ascii_case("index"));
    let _ = lang;
    if is_index {
        return slug.to_string();
    }
    slug.rsplit_once('/').map_or(String::new(), |(dir, _)| dir.to_string())
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

struct Run<'p> {
    cx: &'p Context<'p>,
    page: &'p SourcePage,
    /// The text offsets count in (the whole file, or an included file).
    text: &'p str,
    base: usize,
    /// The content's language.
    lang: &'p Lang,
    /// The language whose folder the page is written to, and whose pages links lead to.
    reader: &'p Lang,
    source_dir: String,
    page_dir: String,
    depth: usize,
}

/// Where events go: the page, or a buffer (a heading being collected, an English original).
enum Sink {
    Heading { level: HeadingLevel, anchor: Option<String>, text: String, tab: bool },
    Original,
    Image { src: Option<String>, title: String },
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
    needs_sanitize: bool,
    ids: IdSet,
    toc: Vec<TocEntry>,
    heading_ids: Vec<String>,
    h1: Option<String>,
    words: usize,
    pending: Vec<Original>,
    originals: Vec<Original>,
    links: Vec<PageLink>,
    wanted: Vec<String>,
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

impl<'p> Run<'p> {
    fn warn(&self, st: &State, offset: usize, message: String, hint: Option<&str>) {
        if st.capturing_original() || self.cx.quiet {
            return; // the same link or image is reported once, from the localized text
        }
        let mut d = Diagnostic::warning(Kind::Content, Some(crate::diag::Location::at_offset(&self.page.path, self.text, self.base + offset)), message);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        if d.message.contains("link") {
            d.kind = Kind::BrokenLink;
        }
        self.cx.diags.push(d);
    }

    fn parse(&self, body: &str) -> ParsedPage {
        let mut events: Vec<(Event, Range<usize>)> = Vec::with_capacity(body.len() / 16);
        events.extend(TextMergeWithOffset::new(Parser::new_ext(body, options()).into_offset_iter()));
        let mut st = State::default();
        let mut i = 0;
        while i < events.len() {
            let (ev, range) = &events[i];
            i += 1;
            match ev {
                Event::Start(Tag::Paragraph) if self.is_include(body, range) => {
                    let inner = self.include(body, range, &st);
                    st.html(inner);
                    st.needs_sanitize = true;
                    while i < events.len() && !matches!(events[i].0, Event::End(TagEnd::Paragraph)) {
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
                            if ev_kind_was_none(ev) {
                                i = strip_inline_alert_marker(&events, i, &mut st);
                            }
                        }
                        None => st.emit(ev.clone()),
                    }
                }
                Event::End(TagEnd::BlockQuote(_)) => {
                    self.flush_originals(&mut st);
                    if st.quotes.pop().unwrap_or(false) {
                        st.html("</div>");
                    } else {
                        st.emit(ev.clone());
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    self.flush_originals(&mut st);
                    st.sinks.push((Sink::Heading { level: *level, anchor: None, text: String::new(), tab: false }, Vec::new()));
                }
                Event::End(TagEnd::Heading(_)) => self.end_heading(&mut st),
                Event::Start(Tag::Link { dest_url, title, .. }) => {
                    let empty = matches!(events.get(i), Some((Event::End(TagEnd::Link), _)));
                    self.start_link(&mut st, dest_url, title, range.start, empty);
                }
                Event::End(TagEnd::Link) => {
                    let closer = st.link_closers.pop().unwrap_or("");
                    if !closer.is_empty() {
                        st.html(closer);
                    }
                }
                Event::Start(Tag::Image { dest_url, title, .. }) => {
                    let src = self.image_src(&st, dest_url, range.start);
                    st.sinks.push((Sink::Image { src, title: title.to_string() }, Vec::new()));
                }
                Event::End(TagEnd::Image) => self.end_image(&mut st),
                Event::Start(Tag::Table(_)) => {
                    st.html(r#"<div class="sp-table-wrap" tabindex="0">"#);
                    st.emit(ev.clone());
                }
                Event::End(TagEnd::Table) => {
                    st.emit(ev.clone());
                    st.html("</div>");
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    st.in_code = true;
                    st.emit(ev.clone());
                }
                Event::End(TagEnd::CodeBlock) => {
                    st.in_code = false;
                    st.emit(ev.clone());
                }
                Event::Start(Tag::List(_)) | Event::Start(Tag::Item) | Event::Start(Tag::TableCell) => {
                    self.flush_originals(&mut st);
                    st.emit(ev.clone());
                }
                Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::List(_)) => {
                    self.close_open_spans(&mut st);
                    self.flush_originals(&mut st);
                    st.emit(ev.clone());
                }
                Event::Text(text) => self.text(&mut st, text, range),
                Event::Code(code) => {
                    self.note_text(&mut st, code);
                    st.emit(ev.clone());
                }
                Event::InlineHtml(raw) => self.inline_html(&mut st, raw),
                Event::Html(raw) => self.block_html(&mut st, raw),
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
        let mut body_html = String::with_capacity(body.len() + body.len() / 2);
        pulldown_cmark::html::push_html(&mut body_html, st.out.into_iter());
        if st.needs_sanitize && !self.cx.trust_html {
            body_html = sanitize::clean(&body_html);
        }
        ParsedPage {
            html: body_html,
            h1: st.h1,
            toc: st.toc,
            heading_ids: st.heading_ids,
            words: st.words,
            originals: st.originals,
            ids: st.ids.into_sorted(),
            links: st.links,
            wanted: st.wanted,
        }
    }

    fn alert(&self, kind: BlockQuoteKind) -> (&'static str, &str) {
        let l = self.cx.labels;
        match kind {
            BlockQuoteKind::Note => ("note", &l.note),
            BlockQuoteKind::Tip => ("tip", &l.tip),
            BlockQuoteKind::Important => ("important", &l.important),
            BlockQuoteKind::Warning => ("warning", &l.warning),
            BlockQuoteKind::Caution => ("caution", &l.caution),
        }
    }

    /// `> [!NOTE] text on the same line`, which GFM does not treat as an alert but DocFX does.
    fn inline_alert(&self, events: &[(Event, Range<usize>)], i: usize) -> Option<BlockQuoteKind> {
        let (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(t), _))) = (events.get(i), events.get(i + 1)) else {
            return None;
        };
        alert_marker(t).map(|(kind, _)| kind)
    }

    fn end_heading(&self, st: &mut State) {
        self.close_open_spans(st);
        let Some((Sink::Heading { level, anchor, text, tab }, inner)) = st.sinks.pop() else { return };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = anchor.unwrap_or_else(|| slugify(&text));
        let id = st.ids.claim(&wanted);
        let n = level as usize;
        let class = if tab { r#" class="sp-tab-heading""# } else { "" };
        st.html(format!(r#"<h{n} id="{}"{class}>"#, escape(&id)));
        for ev in inner {
            st.emit(ev);
        }
        self.flush_originals(st);
        st.html(format!("</h{n}>"));
        if level == HeadingLevel::H1 && st.h1.is_none() {
            st.h1 = Some(text.clone());
        }
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) && !tab {
            st.toc.push(TocEntry { level: n as u8, id: id.clone(), text });
        }
        st.heading_ids.push(id);
    }

    fn start_link(&self, st: &mut State, dest: &str, title: &str, offset: usize, empty: bool) {
        if dest.starts_with("#tab/") {
            if let Some((Sink::Heading { tab, .. }, _)) = st.sinks.last_mut() {
                *tab = true;
            }
            st.link_closers.push("");
            return;
        }
        let resolved = links::resolve(self.cx.index, self.reader, &self.source_dir, dest, self.cx.docs_root);
        for note in &resolved.notes {
            match note {
                LinkNote::CaseMismatch { written, actual } => self.warn(st, offset,
                    format!("link `{dest}` matches page `{actual}` only when ignoring letter case"),
                    Some(&format!("write the file name as `{actual}.md` (not `{written}`)"))),
                LinkNote::Backslashes => self.warn(st, offset,
                    format!("link `{dest}` uses `\\` between folders"), Some("use `/` in links")),
                LinkNote::DocsRootUnresolved => self.warn(st, offset,
                    format!("docs-root link `{dest}` is left as written"), Some("set `docs_root_url` in site.yaml to where these pages live")),
                LinkNote::OtherLanguage => {}
            }
        }
        if !st.capturing_original() && self.depth == 0 {
            let record = match &resolved.target {
                Target::Page { lang, slug, fragment } => Some(PageLink { offset: self.base + offset, written: dest.to_string(), slug: slug.clone(), lang: Some(lang.clone()), fragment: fragment.clone() }),
                Target::Fragment(f) => Some(PageLink { offset: self.base + offset, written: dest.to_string(), slug: self.page.slug.clone(), lang: None, fragment: Some(f.clone()) }),
                _ => None,
            };
            st.links.extend(record);
        }
        if resolved.notes.contains(&LinkNote::OtherLanguage) {
            self.warn(st, offset, format!("link `{dest}`: the page has no {} translation; the reader is shown a fallback", self.reader),
                Some("translate the page, or link a page that exists in this language"));
        }
        let title_attr = if title.is_empty() { String::new() } else { format!(r#" title="{}""#, escape(title)) };
        let (open, closer, fill) = match resolved.target {
            Target::External(url) => (format!(r#"<a href="{}"{title_attr}>"#, escape(&url)), "</a>", None),
            Target::Fragment(frag) => (format!(r##"<a href="#{}"{title_attr}>"##, escape(&frag)), "</a>", None),
            Target::Asset(rel) => (format!(r#"<a href="{}"{title_attr}>"#, escape(&self.cx.urls.relative(&self.page_dir, &rel))), "</a>", None),
            Target::Page { lang, slug, fragment } => {
                // Every page exists in every language folder (a fallback shows another
                // language's text), so the reader stays in their language's chrome.
                let mut href = self.cx.urls.relative(&self.page_dir, &Urls::page_path(self.reader, &slug));
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    href.push('#');
                    href.push_str(&crate::urls::encode_path(&f));
                }
                let fill = empty.then(|| self.cx.index.title(&lang, &slug).unwrap_or(&slug).to_string());
                if &lang == self.reader {
                    (format!(r#"<a href="{}"{title_attr}>"#, escape(&href)), "</a>", fill)
                } else {
                    let tip = self.cx.labels.other_language.get(&lang).cloned().unwrap_or_default();
                    (format!(r#"<a href="{}" hreflang="{lang}" class="sp-link-other-lang" title="{}">"#, escape(&href), escape(&tip)), "</a>", fill)
                }
            }
            Target::Missing => {
                st.wanted.extend(links::would_be_slug(&self.source_dir, dest));
                self.warn(st, offset, format!("broken link `{dest}`: no page in any language answers it"),
                    Some("fix the path, or remove the link; the text is shown without it"));
                (format!(r#"<span class="sp-link-unavailable" title="{}">"#, escape(&self.cx.labels.link_unavailable)), "</span>", None)
            }
            Target::Unsafe => {
                self.warn(st, offset, format!("unsafe link `{}` removed", dest.chars().take(40).collect::<String>()),
                    Some("links may not run script; link to a page or an https address"));
                (String::new(), "", None)
            }
        };
        if !open.is_empty() {
            st.html(open);
        }
        if let Some(text) = fill {
            st.emit(Event::Text(text.into()));
        }
        st.link_closers.push(closer);
    }

    fn image_src(&self, st: &State, dest: &str, offset: usize) -> Option<String> {
        let resolved = links::resolve(self.cx.index, self.lang, &self.source_dir, dest, self.cx.docs_root);
        match resolved.target {
            Target::External(url) => Some(url),
            Target::Asset(rel) => Some(self.cx.urls.relative(&self.page_dir, &rel)),
            Target::Unsafe => {
                self.warn(st, offset, "unsafe image source removed".into(), None);
                None
            }
            _ => {
                self.warn(st, offset, format!("image `{dest}` not found; its description is shown instead"),
                    Some("add the image file next to the page, or fix the path"));
                None
            }
        }
    }

    fn end_image(&self, st: &mut State) {
        let Some((Sink::Image { src, title }, inner)) = st.sinks.pop() else { return };
        let alt = plain_text(&inner);
        self.emit_image(st, src.as_deref(), &alt, &title);
    }

    fn emit_image(&self, st: &mut State, src: Option<&str>, alt: &str, title: &str) {
        match src {
            Some(src) => {
                let title = if title.is_empty() { String::new() } else { format!(r#" title="{}""#, escape(title)) };
                st.html(format!(r#"<img src="{}" alt="{}"{title} loading="lazy">"#, escape(src), escape(alt)));
            }
            None if alt.trim().is_empty() => {}
            None => st.html(format!(
                r#"<span class="sp-image-missing"><span class="sp-image-missing-label">{} </span>{}</span>"#,
                escape(&self.cx.labels.image_missing),
                escape(alt)
            )),
        }
    }

    fn text(&self, st: &mut State<'p>, text: &CowStr<'p>, range: &Range<usize>) {
        let offset = range.start;
        // Even escaped (`\*\*`), a double asterisk in this content is a broken bold marker.
        if !st.in_code && text.contains("**") {
            self.stray_bold(st, text);
            return;
        }
        if st.in_code || !text.contains(":::") {
            if !st.in_code {
                self.note_text(st, text);
            }
            st.emit(Event::Text(text.clone()));
            return;
        }
        for piece in directives::split(text) {
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
                    let src = if source.is_empty() { None } else { self.image_src(st, &source, offset) };
                    self.note_text(st, &alt);
                    self.emit_image(st, src.as_deref(), &alt, "");
                }
                Piece::Nothing => {}
            }
        }
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
        if let Some((Sink::Heading { text: h, .. }, _)) = st.sinks.iter_mut().rev().find(|(s, _)| matches!(s, Sink::Heading { .. })) {
            h.push_str(text);
        }
        st.words += count_words(text);
    }

    fn inline_html(&self, st: &mut State<'p>, raw: &CowStr<'p>) {
        match html::classify(raw) {
            RawTag::LocalizedOpen => st.spans.push(RawTag::LocalizedOpen),
            RawTag::OriginalOpen => {
                st.spans.push(RawTag::OriginalOpen);
                st.sinks.push((Sink::Original, Vec::new()));
            }
            RawTag::OriginalIdOpen => st.spans.push(RawTag::OriginalIdOpen),
            RawTag::OtherSpanOpen => {
                st.spans.push(RawTag::OtherSpanOpen);
                st.needs_sanitize = true;
                st.emit(Event::InlineHtml(raw.clone()));
            }
            RawTag::SpanClose => match st.spans.pop() {
                Some(RawTag::OriginalOpen) => self.end_original(st),
                Some(RawTag::OtherSpanOpen) => st.html("</span>"),
                _ => {}
            },
            RawTag::SelfClosingSpan | RawTag::Comment => {}
            RawTag::Anchor(name) => {
                st.anchor_open = true;
                if let Some((Sink::Heading { anchor, .. }, _)) = st.sinks.last_mut() {
                    if anchor.is_none() {
                        *anchor = Some(name);
                        return;
                    }
                }
                if !st.ids.contains(&name) {
                    let id = st.ids.claim(&name);
                    st.html(format!(r#"<a id="{}"></a>"#, escape(&id)));
                }
            }
            RawTag::AnchorClose if st.anchor_open => st.anchor_open = false,
            RawTag::LineBreak => st.html("<br>"),
            RawTag::AnchorClose | RawTag::Other => {
                st.needs_sanitize = true;
                st.emit(Event::InlineHtml(raw.clone()));
            }
        }
    }

    fn block_html(&self, st: &mut State<'p>, raw: &CowStr<'p>) {
        match html::classify(raw) {
            RawTag::Comment | RawTag::SelfClosingSpan => {}
            RawTag::LineBreak => st.html("<br>"),
            RawTag::Anchor(name) if raw.trim().to_ascii_lowercase().ends_with("</a>") || !raw.contains("</a") => {
                if !st.ids.contains(&name) {
                    let id = st.ids.claim(&name);
                    st.emit(Event::Html(format!(r#"<a id="{}"></a>"#, escape(&id)).into()));
                }
            }
            _ => {
                st.needs_sanitize = true;
                st.emit(Event::Html(html::strip_originals(raw).into_owned().into()));
            }
        }
    }

    fn end_original(&self, st: &mut State) {
        let Some((Sink::Original, events)) = st.sinks.pop() else { return };
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
        let text = plain_text(&events);
        st.pending.push(Original { html, text });
    }

    /// Closes spans a block left open (malformed exports), so no English leaks past it.
    fn close_open_spans(&self, st: &mut State) {
        while let Some(tag) = st.spans.pop() {
            match tag {
                RawTag::OriginalOpen => self.end_original(st),
                RawTag::OtherSpanOpen => st.html("</span>"),
                _ => {}
            }
        }
    }

    /// Moves the English originals collected in the block just ended into the page model
    /// (and, when asked, into the page, hidden until the reader wants them).
    fn flush_originals(&self, st: &mut State) {
        if st.pending.is_empty() || st.capturing_original() {
            return;
        }
        let pending = std::mem::take(&mut st.pending);
        if self.cx.emit_originals {
            let html: Vec<&str> = pending.iter().map(|o| o.html.trim()).collect();
            let joined = html.join(" ");
            let inner = joined.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")).unwrap_or(&joined).to_string();
            st.html(format!(r#"<span class="sp-orig" lang="en" hidden>{inner}</span>"#));
        }
        st.originals.extend(pending);
    }

    fn is_include(&self, body: &str, range: &Range<usize>) -> bool {
        body.get(range.clone()).is_some_and(|s| s.trim_start().get(..9).is_some_and(|p| p.eq_ignore_ascii_case("[!include")))
    }

    /// `[!INCLUDE [title](path)]`: the included file's body, rendered in place.
    fn include(&self, body: &str, range: &Range<usize>, st: &State) -> String {
        let src = &body[range.clone()];
        let target = src.find("](").and_then(|s| src[s + 2..].find(')').map(|e| &src[s + 2..s + 2 + e])).unwrap_or("").trim();
        if self.depth >= MAX_INCLUDE_DEPTH {
            self.warn(st, range.start, format!("include `{target}` nested too deeply; not included"), Some("an include may be including itself"));
            return String::new();
        }
        let lang_dir = self.cx.content_dir.join(self.lang.as_str());
        let path = lang_dir.join(&self.source_dir).join(crate::urls::decode(target));
        let inside = match (path.canonicalize(), self.cx.content_dir.canonicalize()) {
            (Ok(p), Ok(root)) => p.starts_with(root).then_some(p),
            _ => None,
        };
        let Some(path) = inside else {
            self.warn(st, range.start, format!("include `{target}` not found inside content/"), Some("fix the include's path"));
            return String::new();
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            self.warn(st, range.start, format!("include `{target}` cannot be read as UTF-8 text"), None);
            return String::new();
        };
        let text = text.replace("\r\n", "\n");
        let body_start = crate::load::frontmatter::split(&text).map_or(0, |s| s.body_offset);
        let inc_dir = path.parent().and_then(|p| p.strip_prefix(lang_dir.canonicalize().ok()?).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
        let run = Run { text: &text, base: body_start, source_dir: inc_dir, page_dir: self.page_dir.clone(), depth: self.depth + 1, ..*self };
        run.parse(&text[body_start..]).html
    }
}

fn ev_kind_was_none(ev: &Event) -> bool {
    matches!(ev, Event::Start(Tag::BlockQuote(None)))
}

/// `[!NOTE]` and friends at the start of text, with the rest of the text after the marker.
fn alert_marker(text: &str) -> Option<(BlockQuoteKind, &str)> {
    let t = text.trim_start();
    let rest = t.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let kind = match rest[..end].trim().to_ascii_lowercase().as_str() {
        "note" => BlockQuoteKind::Note,
        "tip" => BlockQuoteKind::Tip,
        "important" => BlockQuoteKind::Important,
        "warning" => BlockQuoteKind::Warning,
        "caution" => BlockQuoteKind::Caution,
        _ => return None,
    };
    Some((kind, &rest[end + 1..]))
}

/// Emits the alert's first paragraph without its `[!KIND]` marker; returns the next index.
fn strip_inline_alert_marker<'a>(events: &[(Event<'a>, Range<usize>)], i: usize, st: &mut State<'a>) -> usize {
    if let (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(t), _))) = (events.get(i), events.get(i + 1)) {
        st.emit(Event::Start(Tag::Paragraph));
        let rest = alert_marker(t).map_or("", |(_, r)| r).trim_start();
        let mut next = i + 2;
        if rest.is_empty() {
            if matches!(events.get(next), Some((Event::SoftBreak, _))) {
                next += 1;
            }
        } else {
            st.emit(Event::Text(rest.to_string().into()));
        }
        return next;
    }
    i
}

/// Words as runs of non-space bytes: the reading-time estimate runs over every text event,
/// so this avoids `split_whitespace`'s char decoding.
fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
    }
    count
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for ev in events {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}
