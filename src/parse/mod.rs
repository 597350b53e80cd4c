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
mod run;
pub mod sanitize;
mod sxs;
mod twin;

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Options};

use crate::diag::Diagnostics;
use crate::lang::Lang;
use crate::load::SourcePage;
use crate::load::includes::Includes;
use crate::urls::Urls;
use headings::TocEntry;
use links::LinkIndex;
use run::EventPass;

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

/// A block whose English original the page shows: what the reader sees there, and the
/// English behind it, for reports about one passage.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Passage {
    pub translation: String,
    pub english: String,
}

/// One side-by-side pair as written: the translated segment and its English original, in
/// markdown, where the translation starts, and the block (the page's n-th English-original
/// group) it belongs to. The translation-QA rules and sentence-level staleness read these
/// after the page's text is freed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Segment {
    pub local: String,
    pub english: String,
    pub line: u32,
    pub column: u32,
    pub block: u32,
}

/// A `#fragment` link from this page (to itself or another page), kept so the fragment can be
/// checked once every page is parsed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PageLink {
    /// Where the link is: the check runs when the page's text may be gone.
    pub location: Option<crate::diag::Location>,
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
    pub words: usize,
    /// English originals of side-by-side pages, in reading order.
    pub originals: Vec<Original>,
    /// One per English original shown in `html` (`<span class="sp-orig" …>`), in order.
    pub passages: Vec<Passage>,
    /// The page as clean markdown (see [`twin`]), when the site publishes twins.
    pub twin: Option<String>,
    /// Where each link destination written in the body starts, with what it resolved to,
    /// so the twin need not resolve them again; handed to the twin and emptied.
    #[serde(skip)]
    pub link_targets: Vec<(usize, links::Target)>,
    /// Side-by-side pairs, in reading order (translated pages with spans).
    pub segments: Vec<Segment>,
    /// Sentences of a hand-written English page, in reading order: what translations'
    /// originals are compared with.
    pub sentences: Vec<String>,
    /// Every id on the page (headings and anchors), sorted, for checking `#fragment` links.
    pub ids: Vec<String>,
    /// Links with a `#fragment`, to pages of the site or to this page.
    pub links: Vec<PageLink>,
    /// Slugs of the site's pages this page links to (a slug may repeat).
    pub linked: Vec<String>,
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
    /// The site's includes, read by the load stage ([`crate::load::includes`]).
    pub includes: &'a Includes,
    pub diags: &'a Diagnostics,
    /// Show each block's English original after it, hidden until asked for.
    pub emit_originals: bool,
    /// `trust_html` in site.yaml: raw HTML is not sanitized.
    pub trust_html: bool,
    /// Report nothing: the page was parsed before (a fallback copy) or has no file of its
    /// own whose lines a message could name (an English page rebuilt from spans).
    pub quiet: bool,
    /// Make each page's markdown twin (`twins` in site.yaml).
    pub twins: bool,
    /// Record a hand-written English page's sentences: a stale side-by-side translation's
    /// English is compared with them ([`crate::translations::drift`]). Off for the other
    /// English pages, which would cut every block into sentences for nothing.
    pub sentences: bool,
}

const MAX_INCLUDE_DEPTH: usize = 8;
/// Includes one page may pull in, all together: a file including itself many times over
/// would otherwise multiply without end.
const MAX_INCLUDES: usize = 64;

/// Parses a page for its own URL.
pub fn parse_page(page: &SourcePage, cx: &Context) -> ParsedPage {
    parse_page_as(page, &page.lang, cx)
}

/// Parses a page for the URL of language `reader`: a fallback page shows another language's
/// content under the reader's folder, and its links lead to the reader's pages.
pub fn parse_page_as(page: &SourcePage, reader: &Lang, cx: &Context) -> ParsedPage {
    let run = EventPass::new(cx, page, reader, page.dir());
    let mut parsed = run.parse(page.body());
    if cx.twins {
        let known = std::mem::take(&mut parsed.link_targets);
        parsed.twin = Some(twin::markdown(page, reader, cx, known));
    }
    parsed
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
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
    push_escaped(&mut out, s);
    out
}

/// Appends `s` escaped as [`escape`] does. Tags written on every heading and link are built
/// with this and `push_str`: `format!` cost about 800 instructions a tag there.
pub fn push_escaped(out: &mut String, s: &str) {
    pulldown_cmark_escape::escape_html(out, s).ok();
}

/// The text a reader sees of a short piece of inline markdown (a segment): markup, link
/// targets and raw HTML tags dropped.
pub fn markdown_plain_text(markdown: &str) -> String {
    let events: Vec<Event> = pulldown_cmark::Parser::new_ext(markdown, options()).collect();
    let text = plain_text(&events);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
