//! Plain translations (no side-by-side spans) checked block by block against the English.
//!
//! Machine translation keeps a page's markdown structure: the same headings, paragraphs, list
//! items, table cells and code blocks, in the same order. When a translation's blocks line up
//! with the English page's that way, each pair of blocks is checked like a side-by-side
//! segment pair. When they do not (a block added, lost or split), pairing by position would
//! compare unrelated texts, so the page is left out.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::translations::reconstruct::is_inline_tag;

/// What a block is; two pages line up when their blocks' kinds match one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Paragraph,
    /// Text directly in a list item (a tight list).
    Item,
    Cell,
    Code,
    Html,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Heading(_) => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Item => "list item",
            Kind::Cell => "table cell",
            Kind::Code => "code block",
            Kind::Html => "HTML block",
        }
    }
}

/// One block: its kind and the source range of its text (inline markdown, or a code block's
/// code), in the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// The blocks of a markdown text that hold text, in reading order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    // The open block-level tags; `None` for containers without text of their own (lists,
    // quotes, tables, rows).
    let mut open: Vec<Option<Kind>> = Vec::new();
    let mut run: Option<Block> = None;
    for (ev, range) in Parser::new_ext(text, crate::parse::options()).into_offset_iter() {
        let inline = match &ev {
            Event::Start(tag) => is_inline_tag(&tag.to_end()),
            Event::End(tag) => is_inline_tag(tag),
            Event::Text(_)
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => true,
            Event::Rule | Event::TaskListMarker(_) => false,
        };
        if inline {
            let Some(kind) = open.iter().rev().find_map(|k| *k) else {
                continue;
            };
            match &mut run {
                Some(b) if b.kind == kind => b.range.end = b.range.end.max(range.end),
                _ => {
                    out.extend(run.take());
                    run = Some(Block { kind, range });
                }
            }
            continue;
        }
        out.extend(run.take());
        match ev {
            Event::Start(tag) => open.push(match tag {
                Tag::Heading { level, .. } => Some(Kind::Heading(level as u8)),
                Tag::Paragraph => Some(Kind::Paragraph),
                Tag::Item => Some(Kind::Item),
                Tag::TableCell => Some(Kind::Cell),
                Tag::CodeBlock(_) => Some(Kind::Code),
                Tag::HtmlBlock => Some(Kind::Html),
                _ => None,
            }),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    out.extend(run);
    out
}

impl Kind {
    /// Whether blocks of these kinds line up. A list item's text is a paragraph when the list
    /// has blank lines between its items: translations add or drop those, the text is the same.
    fn lines_up_with(self, other: Kind) -> bool {
        let loose = |k| if k == Kind::Item { Kind::Paragraph } else { k };
        loose(self) == loose(other)
    }
}

/// Where two block lists first differ in kind (or length): `None` when they line up.
pub fn first_difference(english: &[Block], local: &[Block]) -> Option<usize> {
    let n = english.len().min(local.len());
    (0..n)
        .find(|&i| !english[i].kind.lines_up_with(local[i].kind))
        .or((english.len() != local.len()).then_some(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        blocks(text)
            .into_iter()
            .map(|b| (b.kind, &text[b.range]))
            .collect()
    }

    #[test]
    fn blocks_in_reading_order() {
        let text = "# <a name=\"x\"></a>Title\n\nOne **two** [three](x.md).\n\n- item *a*\n- item b\n\n  loose\n\n| h |\n|---|\n| cell |\n\n```\ncode\n```\n\n> [!NOTE]\n> quoted\n";
        assert_eq!(
            kinds(text),
            [
                (Kind::Heading(1), "<a name=\"x\"></a>Title"),
                (Kind::Paragraph, "One **two** [three](x.md)."),
                (Kind::Paragraph, "item *a*"),
                (Kind::Paragraph, "item b"),
                (Kind::Paragraph, "loose"),
                (Kind::Cell, "h"),
                (Kind::Cell, "cell"),
                (Kind::Code, "code\n"),
                (Kind::Paragraph, "quoted"),
            ]
        );
        assert_eq!(
            kinds("- tight a\n- tight b\n"),
            [(Kind::Item, "tight a"), (Kind::Item, "tight b")]
        );
    }

    #[test]
    fn structures_line_up_or_not() {
        let en = blocks("# A\n\nB\n\n- c\n");
        assert_eq!(first_difference(&en, &blocks("# X\n\nY\n\n- z\n")), None);
        assert_eq!(
            first_difference(&en, &blocks("# X\n\n## Y\n\n- z\n")),
            Some(1)
        );
        // A lost paragraph: the list item's text takes its place, the count differs.
        assert_eq!(first_difference(&en, &blocks("# X\n\n- z\n")), Some(2));
        // A loose list lines up with a tight one.
        assert_eq!(
            first_difference(&en, &blocks("# X\n\nY\n\n- z\n\n  w\n")),
            Some(3)
        );
        let tight = blocks("- a\n- b\n");
        assert_eq!(first_difference(&tight, &blocks("- a\n\n- b\n")), None);
        assert_eq!(
            first_difference(&en, &blocks("# X\n\nY\n\n- z\n\nW\n")),
            Some(3)
        );
    }
}
