//! Markup inside the event pass: raw HTML and side-by-side spans, links and images, DocFX
//! alerts and includes.

use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag};

use super::collapse_spaces;
use super::{EventPass, PairMarks, Sink, State};
use crate::load::includes::{self, Resolved};
use crate::parse::html::{self, RawTag};
use crate::parse::links::{self, LinkNote, Target};
use crate::parse::{
    MAX_INCLUDE_DEPTH, MAX_INCLUDES, Original, PageLink, Passage, escape, plain_text, push_escaped,
};
use crate::urls::Urls;

impl<'p> EventPass<'p> {
    pub(super) fn alert(&self, kind: BlockQuoteKind) -> (&'static str, &str) {
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
    pub(super) fn inline_alert(
        &self,
        events: &[(Event, Range<usize>)],
        i: usize,
    ) -> Option<BlockQuoteKind> {
        let (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(t), _))) =
            (events.get(i), events.get(i + 1))
        else {
            return None;
        };
        alert_marker(t).map(|(kind, _)| kind)
    }

    pub(super) fn start_link(
        &self,
        st: &mut State,
        dest: &str,
        title: &str,
        offset: usize,
        empty: bool,
    ) {
        if dest.starts_with("#tab/") {
            if let Some((Sink::Heading { tab, .. }, _)) = st.sinks.last_mut() {
                *tab = true;
            }
            st.link_closers.push("");
            return;
        }
        let resolved = links::resolve(
            self.cx.index,
            self.reader,
            &self.source_dir,
            dest,
            self.cx.docs_root,
        );
        for note in &resolved.notes {
            match note {
                LinkNote::CaseMismatch { written, actual } => self.warn(
                    st,
                    offset,
                    format!("link `{dest}` matches page `{actual}` only when ignoring letter case"),
                    Some(&format!(
                        "write the file name as `{actual}.md` (not `{written}`)"
                    )),
                ),
                LinkNote::Backslashes => self.warn(
                    st,
                    offset,
                    format!("link `{dest}` uses `\\` between folders"),
                    Some("use `/` in links"),
                ),
                LinkNote::DocsRootUnresolved => self.warn(
                    st,
                    offset,
                    format!("docs-root link `{dest}` is left as written"),
                    Some("set `docs_root_url` in site.yaml to where these pages live"),
                ),
                LinkNote::OtherLanguage => {}
            }
        }
        if self.cx.twins && self.depth == 0 && !st.capturing_original() {
            // A destination written plainly is a slice of the body: where it starts tells the
            // twin which link it is.
            let at = dest.as_ptr() as usize;
            let (base, len) = st.body_at;
            if at >= base && at + dest.len() <= base + len {
                st.link_targets.push((at - base, resolved.target.clone()));
            }
        }
        if !st.capturing_original() && self.depth == 0 {
            // Every page link is remembered by slug (serve follows them); only `#fragment`
            // links, checked once all pages are parsed, keep where and how they were written.
            match &resolved.target {
                Target::Page {
                    lang,
                    slug,
                    fragment,
                } => {
                    if st.linked.last() != Some(slug) {
                        st.linked.push(slug.clone());
                    }
                    if fragment.is_some() {
                        st.links.push(PageLink {
                            location: Some(self.location(offset)),
                            written: dest.to_string(),
                            slug: slug.clone(),
                            lang: Some(lang.clone()),
                            fragment: fragment.clone(),
                        });
                    }
                }
                Target::Fragment(f) => st.links.push(PageLink {
                    location: Some(self.location(offset)),
                    written: dest.to_string(),
                    slug: self.page.slug.clone(),
                    lang: None,
                    fragment: Some(f.clone()),
                }),
                _ => {}
            }
        }
        if resolved.notes.contains(&LinkNote::OtherLanguage) {
            self.warn(
                st,
                offset,
                format!(
                    "link `{dest}`: the page has no {} translation; the reader is shown a fallback",
                    self.reader
                ),
                Some("translate the page, or link a page that exists in this language"),
            );
        }
        let (open, closer, fill) = match resolved.target {
            // A link with no text would have no name for screen readers: it shows its address.
            Target::External(url) => (a_open("", &url, title), "</a>", empty.then(|| url.clone())),
            Target::Fragment(frag) => (
                a_open("#", &frag, title),
                "</a>",
                empty.then(|| frag.clone()),
            ),
            Target::Asset(rel) => (
                a_open("", &self.cx.urls.relative(&self.page_dir, &rel), title),
                "</a>",
                empty.then(|| rel.rsplit('/').next().unwrap_or(&rel).to_string()),
            ),
            Target::Page {
                lang,
                slug,
                fragment,
            } => {
                // Every page exists in every language folder (a fallback shows another
                // language's text), so the reader stays in their language's chrome.
                let mut href = self
                    .cx
                    .urls
                    .relative(&self.page_dir, &Urls::page_path(self.reader, &slug));
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    href.push('#');
                    href.push_str(&crate::urls::encode_path(&f));
                }
                let fill = empty.then(|| {
                    self.cx
                        .index
                        .title(&lang, &slug)
                        .unwrap_or(&slug)
                        .to_string()
                });
                if &lang == self.reader {
                    (a_open("", &href, title), "</a>", fill)
                } else {
                    let tip = self
                        .cx
                        .labels
                        .other_language
                        .get(&lang)
                        .cloned()
                        .unwrap_or_default();
                    (
                        format!(
                            r#"<a href="{}" hreflang="{lang}" class="sp-link-other-lang" title="{}">"#,
                            escape(&href),
                            escape(&tip)
                        ),
                        "</a>",
                        fill,
                    )
                }
            }
            Target::Missing => {
                st.wanted
                    .extend(links::would_be_slug(&self.source_dir, dest));
                self.warn(
                    st,
                    offset,
                    format!("broken link `{dest}`: no page in any language answers it"),
                    Some("fix the path, or remove the link; the text is shown without it"),
                );
                (
                    format!(
                        r#"<span class="sp-link-unavailable" title="{}">"#,
                        escape(&self.cx.labels.link_unavailable)
                    ),
                    "</span>",
                    None,
                )
            }
            Target::Unsafe => {
                self.warn(
                    st,
                    offset,
                    format!(
                        "unsafe link `{}` removed",
                        dest.chars().take(40).collect::<String>()
                    ),
                    Some("links may not run script; link to a page or an https address"),
                );
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

    pub(super) fn image_src(&self, st: &State, dest: &str, offset: usize) -> Option<String> {
        let resolved = links::resolve(
            self.cx.index,
            self.lang,
            &self.source_dir,
            dest,
            self.cx.docs_root,
        );
        match resolved.target {
            Target::External(url) => Some(url),
            Target::Asset(rel) => Some(self.cx.urls.relative(&self.page_dir, &rel)),
            Target::Unsafe => {
                self.warn(st, offset, "unsafe image source removed".into(), None);
                None
            }
            _ => {
                self.warn(
                    st,
                    offset,
                    format!("image `{dest}` not found; its description is shown instead"),
                    Some("add the image file next to the page, or fix the path"),
                );
                None
            }
        }
    }

    pub(super) fn end_image(&self, st: &mut State) {
        let Some((Sink::Image { src, title }, inner)) = st.sinks.pop() else {
            return;
        };
        let alt = plain_text(&inner);
        self.emit_image(st, src.as_deref(), &alt, &title);
    }

    pub(super) fn emit_image(&self, st: &mut State, src: Option<&str>, alt: &str, title: &str) {
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

    pub(super) fn inline_html(&self, st: &mut State<'p>, raw: &CowStr<'p>, offset: usize) {
        if let Some(name) = html::raw_text_open(raw) {
            self.warn(st, offset, format!("`{}` removed with its content", raw.trim()), Some("scripts, styles and the like never reach readers; remove them from the content"));
            st.raw_text = Some(name);
            return;
        }
        if html::is_raw_text_tag(raw) {
            if !raw.trim_start().starts_with("</") {
                self.warn(st, offset, format!("`{}` removed with its content", raw.trim()), Some("scripts, styles and the like never reach readers; remove them from the content"));
            }
            return;
        }
        let end = offset + raw.len();
        match html::classify(raw) {
            RawTag::LocalizedOpen => {
                st.spans.push(RawTag::LocalizedOpen);
                st.pair = PairMarks {
                    local: Some((end, None)),
                    english: None,
                };
            }
            RawTag::OriginalOpen => {
                st.spans.push(RawTag::OriginalOpen);
                st.sinks.push((Sink::Original, Vec::new()));
                // A translation left open ends where its original starts.
                if let Some((_, local_end @ None)) = &mut st.pair.local {
                    *local_end = Some(offset);
                }
                st.pair.english = Some((end, None));
            }
            RawTag::OriginalIdOpen => {
                st.spans.push(RawTag::OriginalIdOpen);
                if let Some((start, None)) = &mut st.pair.english {
                    *start = end;
                }
            }
            RawTag::OtherSpanOpen => {
                st.spans.push(RawTag::OtherSpanOpen);
                st.needs_sanitize = true;
                self.report_unsafe(st, raw, offset);
                // Content's own HTML travels as `Html`, ours as `InlineHtml`: only blocks
                // holding the former go through the sanitizer.
                st.emit(Event::Html(raw.clone()));
            }
            RawTag::SpanClose => match st.spans.pop() {
                Some(RawTag::LocalizedOpen) => {
                    if let Some((_, local_end @ None)) = &mut st.pair.local {
                        *local_end = Some(offset);
                    }
                }
                Some(RawTag::OriginalIdOpen) => {
                    if let Some((_, english_end @ None)) = &mut st.pair.english {
                        *english_end = Some(offset);
                    }
                }
                Some(RawTag::OriginalOpen) => self.end_original(st, offset),
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
                self.report_unsafe(st, raw, offset);
                // Content's own HTML travels as `Html`, ours as `InlineHtml`: only blocks
                // holding the former go through the sanitizer.
                st.emit(Event::Html(raw.clone()));
            }
        }
    }

    pub(super) fn block_html(&self, st: &mut State<'p>, raw: &CowStr<'p>, offset: usize) {
        if let Some(name) = html::raw_text_open(raw) {
            self.warn(st, offset, format!("`{}` removed with its content", raw.trim().lines().next().unwrap_or("")), Some("scripts, styles and the like never reach readers; remove them from the content"));
            st.raw_text = Some(name);
            return;
        }
        if html::is_raw_text_tag(raw) {
            if !raw.trim_start().starts_with("</") {
                self.warn(st, offset, format!("`{}` removed with its content", raw.trim().lines().next().unwrap_or("")), Some("scripts, styles and the like never reach readers; remove them from the content"));
            }
            return;
        }
        match html::classify(raw) {
            RawTag::Comment | RawTag::SelfClosingSpan => {}
            RawTag::LineBreak => st.html("<br>"),
            RawTag::Anchor(name)
                if raw.trim().to_ascii_lowercase().ends_with("</a>") || !raw.contains("</a") =>
            {
                if !st.ids.contains(&name) {
                    let id = st.ids.claim(&name);
                    st.emit(Event::Html(
                        format!(r#"<a id="{}"></a>"#, escape(&id)).into(),
                    ));
                }
            }
            _ => {
                st.needs_sanitize = true;
                self.report_unsafe(st, raw, offset);
                st.emit(Event::Html(html::strip_originals(raw).into_owned().into()));
            }
        }
    }

    /// Raw HTML the sanitizer will strip for safety is reported, so writers see it.
    fn report_unsafe(&self, st: &State, raw: &str, offset: usize) {
        if !self.cx.trust_html && html::looks_unsafe(raw) {
            let shown: String = raw.trim().chars().take(60).collect();
            self.warn(st, offset, format!("unsafe HTML removed: `{shown}`"), Some("scripts, event handlers and script URLs never reach readers; remove them from the content"));
        }
    }

    /// Ends the English original being captured; `end` is where its text ends at the latest.
    pub(super) fn end_original(&self, st: &mut State, end: usize) {
        let Some((Sink::Original, events)) = st.sinks.pop() else {
            return;
        };
        let marks = std::mem::take(&mut st.pair);
        if self.records_pairs()
            && let (Some((ls, Some(le))), Some((es, ee))) = (marks.local, marks.english)
        {
            let ee = ee.unwrap_or(end).max(es);
            st.pairs.push((ls..le.max(ls), es..ee, st.flushed));
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
        // An original can hold raw HTML from content too; it is shown, so it is cleaned.
        if !self.cx.trust_html && events.iter().any(|e| matches!(e, Event::Html(_))) {
            html = crate::parse::sanitize::clean(&html);
        }
        let text = plain_text(&events);
        st.pending.push(Original { html, text });
    }

    /// Closes spans a block left open (malformed exports), so no English leaks past it.
    pub(super) fn close_open_spans(&self, st: &mut State) {
        while let Some(tag) = st.spans.pop() {
            match tag {
                RawTag::OriginalOpen => {
                    let at = st.at;
                    self.end_original(st, at)
                }
                RawTag::OtherSpanOpen => st.html("</span>"),
                _ => {}
            }
        }
    }

    /// Moves the English originals collected in the block just ended into the page model
    /// (and, when asked, into the page, hidden until the reader wants them).
    pub(super) fn flush_originals(&self, st: &mut State) {
        if st.capturing_original() {
            return;
        }
        let shown = std::mem::take(&mut st.block_text);
        if self.records_sentences() && !shown.trim().is_empty() {
            st.sentences.extend(sentences(&shown));
        }
        if st.pending.is_empty() {
            return;
        }
        st.flushed += 1;
        let pending = std::mem::take(&mut st.pending);
        if self.cx.emit_originals {
            let english: Vec<&str> = pending.iter().map(|o| o.text.trim()).collect();
            st.passages.push(Passage {
                translation: collapse_spaces(&shown),
                english: english.join(" "),
            });
            let html: Vec<&str> = pending.iter().map(|o| o.html.trim()).collect();
            let joined = html.join(" ");
            let inner = joined
                .strip_prefix("<p>")
                .and_then(|s| s.strip_suffix("</p>"))
                .unwrap_or(&joined)
                .to_string();
            st.html(format!(
                r#"<span class="sp-orig" lang="en" hidden>{inner}</span>"#
            ));
        }
        st.originals.extend(pending);
    }

    pub(super) fn is_include(&self, body: &str, range: &Range<usize>) -> bool {
        body.get(range.clone()).is_some_and(includes::is_include)
    }

    /// `[!INCLUDE [title](path)]`: the included file's body (read by the load stage),
    /// rendered in place.
    pub(super) fn include(&self, body: &str, range: &Range<usize>, st: &State) -> String {
        let target = includes::target(&body[range.clone()]);
        if self.depth >= MAX_INCLUDE_DEPTH || self.includes.get() >= MAX_INCLUDES {
            self.warn(
                st,
                range.start,
                format!("include `{target}` not included: too many or too deeply nested includes"),
                Some("an include may be including itself"),
            );
            return String::new();
        }
        self.includes.set(self.includes.get() + 1);
        let file = match self.cx.includes.get(self.lang, &self.source_dir, target) {
            Resolved::File(file) => &**file,
            Resolved::NotFound => {
                self.warn(
                    st,
                    range.start,
                    format!("include `{target}` not found inside content/"),
                    Some("fix the include's path"),
                );
                return String::new();
            }
            Resolved::Unreadable => {
                self.warn(
                    st,
                    range.start,
                    format!(
                        "include `{target}` is not a readable UTF-8 text file of at most 1 MiB"
                    ),
                    None,
                );
                return String::new();
            }
        };
        if file.path == self.page.path || self.chain.contains(&file.path.as_path()) {
            let mut names: Vec<String> = std::iter::once(self.page.path.as_path())
                .chain(self.chain.iter().copied())
                .chain(std::iter::once(file.path.as_path()))
                .map(|p| p.display().to_string())
                .collect();
            // The chain starts where the cycle does.
            let first = names.iter().position(|n| *n == names[names.len() - 1]);
            names.drain(..first.unwrap_or(0));
            self.warn(
                st,
                range.start,
                format!("include cycle: {}", names.join(" → ")),
                Some("remove one of these includes; the cycle is shown once"),
            );
            return String::new();
        }
        let mut chain = self.chain.clone();
        chain.push(&file.path);
        let run = EventPass {
            path: &file.path,
            text: &file.text,
            base: file.body_offset,
            source_dir: file.dir.clone(),
            page_dir: self.page_dir.clone(),
            depth: self.depth + 1,
            includes: std::rc::Rc::clone(&self.includes),
            chain,
            lines: Default::default(),
            ..*self
        };
        run.parse(file.body()).html
    }
}

/// `<a href="…">` (with `title` when there is one), the href being `prefix` and `href`
/// escaped: written piece by piece, as it is for nearly every link of a page.
fn a_open(prefix: &str, href: &str, title: &str) -> String {
    let mut open = String::with_capacity(prefix.len() + href.len() + title.len() + 20);
    open.push_str(r#"<a href=""#);
    open.push_str(prefix);
    push_escaped(&mut open, href);
    open.push('"');
    if !title.is_empty() {
        open.push_str(r#" title=""#);
        push_escaped(&mut open, title);
        open.push('"');
    }
    open.push('>');
    open
}

pub(super) fn ev_kind_was_none(ev: &Event) -> bool {
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
pub(super) fn strip_inline_alert_marker<'a>(
    events: &[(Event<'a>, Range<usize>)],
    i: usize,
    st: &mut State<'a>,
) -> usize {
    if let (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(t), _))) =
        (events.get(i), events.get(i + 1))
    {
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

/// A block's text cut after each `.`, `?` or `!` that a space and a capital letter follow,
/// as translation exports cut it into segments.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let after = rest.trim_start();
        if after.len() < rest.len() && after.chars().next().is_some_and(char::is_uppercase) {
            let end = i + c.len_utf8();
            out.push(text[start..end].trim().to_string());
            start = end;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out.retain(|s| !s.is_empty());
    out
}
