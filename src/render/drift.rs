//! A stale side-by-side translation, marked where its English changed: each block whose
//! originals were rewritten or dropped in the newest English gets a visible, labelled note
//! (the current English, `lang="en"`) in front of its hidden original.

use std::collections::BTreeMap;

use crate::parse::{self, Segment};
use crate::translations::Drift;

/// The tag that opens each block's hidden English original, as the parser writes it.
const ORIGINAL_OPEN: &str = r#"<span class="sp-orig" lang="en" hidden>"#;

/// What one marked block says: the current English of its changed segments, or, when its
/// English is only gone, nothing more than the label.
#[derive(Default)]
struct Mark {
    now: Vec<String>,
    removed: bool,
}

/// The page's HTML with each block whose English changed marked in place. `changed_label`
/// and `removed_label` are in the reader's language.
pub fn mark(
    html: &str,
    segments: &[Segment],
    drift: &Drift,
    changed_label: &str,
    removed_label: &str,
) -> String {
    let mut marks: BTreeMap<u32, Mark> = BTreeMap::new();
    for (i, english) in &drift.changed {
        if let Some(s) = segments.get(*i) {
            marks
                .entry(s.block)
                .or_default()
                .now
                .push(parse::markdown_plain_text(english));
        }
    }
    for i in &drift.removed {
        if let Some(s) = segments.get(*i) {
            marks.entry(s.block).or_default().removed = true;
        }
    }
    if marks.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + marks.len() * 200);
    let mut rest = html;
    let mut block = 0u32;
    while let Some(at) = rest.find(ORIGINAL_OPEN) {
        out.push_str(&rest[..at]);
        if let Some(m) = marks.get(&block) {
            out.push_str(&note(m, changed_label, removed_label));
        }
        out.push_str(ORIGINAL_OPEN);
        rest = &rest[at + ORIGINAL_OPEN.len()..];
        block += 1;
    }
    out.push_str(rest);
    out
}

/// ` <span class="sp-changed"><strong>Changed in English. Now:</strong> <span lang="en">…</span></span>`
fn note(m: &Mark, changed_label: &str, removed_label: &str) -> String {
    let e = parse::escape;
    if m.now.is_empty() {
        return format!(
            r#" <span class="sp-changed sp-changed-removed"><strong class="sp-changed-label">{}</strong></span>"#,
            e(removed_label)
        );
    }
    format!(
        r#" <span class="sp-changed"><strong class="sp-changed-label">{}</strong> <span lang="en">{}</span></span>"#,
        e(changed_label),
        e(&m.now.join(" "))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(block: u32) -> Segment {
        Segment {
            local: String::new(),
            english: String::new(),
            line: 1,
            column: 1,
            block,
        }
    }

    #[test]
    fn changed_blocks_get_the_current_english_in_front_of_their_original() {
        let html = format!(
            "<p>Een{ORIGINAL_OPEN}One</span></p><p>Twee{ORIGINAL_OPEN}Two</span></p><p>Drie{ORIGINAL_OPEN}Three</span></p>"
        );
        let drift = Drift {
            total: 3,
            changed: vec![(1, "**Two** & more".into())],
            removed: vec![2],
            new: vec![],
        };
        let out = mark(&html, &[seg(0), seg(1), seg(2)], &drift, "Nu:", "Weg.");
        assert!(
            out.starts_with(&format!("<p>Een{ORIGINAL_OPEN}One")),
            "{out}"
        );
        assert!(out.contains(r#"<p>Twee <span class="sp-changed"><strong class="sp-changed-label">Nu:</strong> <span lang="en">Two &amp; more</span></span><span class="sp-orig""#), "{out}");
        assert!(out.contains(r#"<p>Drie <span class="sp-changed sp-changed-removed"><strong class="sp-changed-label">Weg.</strong></span><span"#), "{out}");
    }
}
