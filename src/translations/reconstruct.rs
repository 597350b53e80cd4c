//! English pages rebuilt from the side-by-side originals a translation carries.

use std::sync::Arc;

use crate::config::Config;
use crate::lang::Lang;
use crate::load::{FrontMatter, Origin, SourcePage};

/// The English markdown of a side-by-side text: every
/// `<span data-ttu-id>LOCAL</span><span class="sxs-lookup"><span data-stu-id>EN</span></span>`
/// becomes `EN`. Text outside such pairs (`:::image` alt text, code) stays as it was.
pub fn english_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    let mut rest = text;
    while let Some(start) = rest.find("<span data-ttu-id=") {
        out.push_str(&rest[..start]);
        let pair = &rest[start..];
        match original_of(pair) {
            Some((english, len)) => {
                out.push_str(english);
                rest = &pair[len..];
            }
            None => {
                // Not a well-formed pair: keep the tag; the parser hides what it must.
                let tag_end = pair.find('>').map_or(pair.len(), |i| i + 1);
                out.push_str(&pair[..tag_end]);
                rest = &pair[tag_end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The English of the pair at the start of `pair`, and the pair's length.
fn original_of(pair: &str) -> Option<(&str, usize)> {
    // A pair never spans a blank line: an unclosed span must not swallow the next paragraph.
    let pair = pair.split("\n\n").next().unwrap_or(pair);
    let open_end = pair.find('>')? + 1;
    let local_end = open_end + pair[open_end..].find("</span>")? + "</span>".len();
    let after = &pair[local_end..];
    let lookup_end = after.find('>')? + 1;
    if !after.starts_with("<span") || !after[..lookup_end].contains("sxs-lookup") {
        return None;
    }
    let inner = &after[lookup_end..];
    let id_end = inner.find('>')? + 1;
    if !inner.starts_with("<span") || !inner[..id_end].contains("data-stu-id") {
        return None;
    }
    let english_start = local_end + lookup_end + id_end;
    let english_len = pair[english_start..].find("</span>")?;
    let closing = &pair[english_start + english_len..];
    let close_len = "</span>".len();
    let end = if closing.get(close_len..).is_some_and(|c| c.starts_with("</span>")) { 2 * close_len } else { close_len };
    Some((&pair[english_start..english_start + english_len], english_start + english_len + end))
}

/// English pages for every slug that has side-by-side translations but no English page,
/// made from the translation delivered last (the newest English revision).
pub fn reconstruct(pages: &[SourcePage], config: &Config) -> Vec<SourcePage> {
    let Some(en) = config.lang("en").cloned() else { return Vec::new() };
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
                a.front.last_handoff.cmp(&b.front.last_handoff)
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
            origin: Origin::Reconstructed { from: source.lang.clone() },
        });
    }
    out
}

fn lang_rank(config: &Config, lang: &Lang) -> usize {
    config.languages.iter().position(|l| l == lang).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::english_text;

    #[test]
    fn pairs_become_their_english() {
        let t = r#"# <a name="x"></a><span data-ttu-id="a-1">Zelfondersteuning</span><span class="sxs-lookup"><span data-stu-id="a-1">Customer self-support</span></span>"#;
        assert_eq!(english_text(t), r#"# <a name="x"></a>Customer self-support"#);
        let t = r#"- <span data-ttu-id="a-2">**Van toepassing op**</span><span class="sxs-lookup"><span data-stu-id="a-2">**Applies to**</span></span> en [link](x.md)"#;
        assert_eq!(english_text(t), "- **Applies to** en [link](x.md)");
    }

    #[test]
    fn malformed_pairs_are_left_for_the_parser() {
        let t = r#"<span data-ttu-id="a">alleen lokaal</span> tekst"#;
        assert_eq!(english_text(t), t);
        assert_eq!(english_text("geen spans"), "geen spans");
    }
}
