//! Raw HTML in content: recognising the few tags we understand (side-by-side spans, `<a name>`
//! anchors, `<br>`) and stripping English copies out of raw HTML blocks.

/// What one inline HTML tag from the markdown parser is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawTag {
    /// `<span data-ttu-id="…">`: wraps the localized text of a segment.
    LocalizedOpen,
    /// `<span class="sxs-lookup">`: wraps the English original.
    OriginalOpen,
    /// `<span data-stu-id="…">`: inside the original's wrapper.
    OriginalIdOpen,
    /// Any other `<span …>`.
    OtherSpanOpen,
    SpanClose,
    /// `<span …/>`: meaningless in HTML (it would open a span that never closes).
    SelfClosingSpan,
    /// `<a name="x">` or `<a id="x">` with no href: an old deep-link target.
    Anchor(String),
    AnchorClose,
    /// `<br>`, `</br>`, `<br/>`.
    LineBreak,
    Comment,
    Other,
}

pub fn classify(html: &str) -> RawTag {
    let t = html.trim();
    if t.starts_with("<!--") {
        return RawTag::Comment;
    }
    let lower = t.to_ascii_lowercase();
    if lower == "</span>" {
        return RawTag::SpanClose;
    }
    if lower == "</a>" {
        return RawTag::AnchorClose;
    }
    if matches!(lower.as_str(), "<br>" | "</br>" | "<br/>" | "<br />") {
        return RawTag::LineBreak;
    }
    if let Some(rest) = lower.strip_prefix("<span") {
        if !rest.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            return RawTag::Other;
        }
        if rest.trim_end().ends_with("/>") {
            return RawTag::SelfClosingSpan;
        }
        if rest.contains("data-ttu-id") {
            return RawTag::LocalizedOpen;
        }
        if rest.contains("sxs-lookup") {
            return RawTag::OriginalOpen;
        }
        if rest.contains("data-stu-id") {
            return RawTag::OriginalIdOpen;
        }
        return RawTag::OtherSpanOpen;
    }
    if let Some(rest) = lower.strip_prefix("<a") {
        if rest.starts_with(char::is_whitespace) && !rest.contains("href") {
            if let Some(name) = attr(t, "name").or_else(|| attr(t, "id")) {
                return RawTag::Anchor(name);
            }
        }
    }
    RawTag::Other
}

/// The value of attribute `name` in one tag, quoted with `"` or `'` or bare.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let start = from + pos;
        from = start + name.len();
        let before_ok = lower[..start].ends_with(|c: char| c.is_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - after.len() + 1;
        let value = tag[value_start..].trim_start();
        return Some(match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split(q).next()?.to_string(),
            _ => value.split(|c: char| c.is_whitespace() || c == '>' || c == '/').next()?.to_string(),
        });
    }
    None
}

/// Removes `<span class="sxs-lookup">…</span>` (the English copy) from a raw HTML block,
/// keeping the localized text. Unbalanced input is cut at the end of the block.
pub fn strip_originals(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains("sxs-lookup") {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_original_open(rest) {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let open_end = after.find('>').map_or(after.len(), |i| i + 1);
        let mut depth = 1usize;
        let mut i = open_end;
        let lower = after.to_ascii_lowercase();
        while depth > 0 && i < after.len() {
            let next_open = lower[i..].find("<span").map(|p| p + i);
            let next_close = lower[i..].find("</span>").map(|p| p + i);
            match (next_open, next_close) {
                (Some(o), Some(c)) if o < c => {
                    depth += 1;
                    i = o + 5;
                }
                (_, Some(c)) => {
                    depth -= 1;
                    i = c + 7;
                }
                _ => i = after.len(),
            }
        }
        rest = &after[i.min(after.len())..];
    }
    out.push_str(rest);
    out.into()
}

fn find_original_open(html: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<span") {
        let start = from + p;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if lower[start..end].contains("sxs-lookup") {
            return Some(start);
        }
        from = start + 5;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_side_by_side_spans_and_anchors() {
        assert_eq!(classify(r#"<span data-ttu-id="ec97b-103">"#), RawTag::LocalizedOpen);
        assert_eq!(classify(r#"<span class="sxs-lookup">"#), RawTag::OriginalOpen);
        assert_eq!(classify(r#"<span data-stu-id="ec97b-103">"#), RawTag::OriginalIdOpen);
        assert_eq!(classify("</span>"), RawTag::SpanClose);
        assert_eq!(classify(r#"<span id="x"/>"#), RawTag::SelfClosingSpan);
        assert_eq!(classify(r#"<a name="customer-self-support"></a>"#), RawTag::Anchor("customer-self-support".into()));
        assert_eq!(classify(r#"<a name="x">"#), RawTag::Anchor("x".into()));
        assert_eq!(classify(r#"<a href="x" name="y">"#), RawTag::Other);
        assert_eq!(classify("</br>"), RawTag::LineBreak);
        assert_eq!(classify("<spanx>"), RawTag::Other);
        assert_eq!(classify("<!-- note -->"), RawTag::Comment);
    }

    #[test]
    fn strips_english_from_raw_blocks() {
        let html = r#"<td><span data-ttu-id="a">Lokaal</span><span class="sxs-lookup"><span data-stu-id="a">English</span></span></td>"#;
        assert_eq!(strip_originals(html), r#"<td><span data-ttu-id="a">Lokaal</span></td>"#);
        assert_eq!(strip_originals("<p>plain</p>"), "<p>plain</p>");
        assert_eq!(strip_originals(r#"x<span class="sxs-lookup"><span>unclosed"#), "x");
    }

    #[test]
    fn attribute_values() {
        assert_eq!(attr(r#"<a name='x y'>"#, "name").as_deref(), Some("x y"));
        assert_eq!(attr(r#"<a NAME=bare>"#, "name").as_deref(), Some("bare"));
        assert_eq!(attr(r#"<a data-name="no">"#, "name"), None);
    }
}
