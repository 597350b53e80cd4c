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
            _ => value
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()?
                .to_string(),
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
    // Lowercased once: ASCII lowercasing keeps byte positions, so indices carry over.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some(start) = find_original_open(&lower, pos) {
        out.push_str(&html[pos..start]);
        let open_end = lower[start..]
            .find('>')
            .map_or(lower.len(), |i| start + i + 1);
        let mut depth = 1usize;
        let mut i = open_end;
        while depth > 0 && i < lower.len() {
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
                _ => i = lower.len(),
            }
        }
        pos = i.min(lower.len());
    }
    out.push_str(&html[pos..]);
    out.into()
}

/// Start of the next `<span …sxs-lookup…>` at or after `from`, in lowercased text.
fn find_original_open(lower: &str, from: usize) -> Option<usize> {
    let mut from = from;
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

/// Elements whose content browsers (and the sanitizer) read as raw text to their end tag: a
/// stray one in content would swallow the rest of the page, so the tag itself is dropped.
pub fn is_raw_text_tag(html: &str) -> bool {
    let lower = html.trim_start().to_ascii_lowercase();
    let name = lower.trim_start_matches('<').trim_start_matches('/');
    [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "plaintext",
    ]
    .iter()
    .any(|t| {
        name.starts_with(t)
            && name[t.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
    })
}

/// The element name when `html` opens a raw-text element that it does not also close.
pub fn raw_text_open(html: &str) -> Option<String> {
    let lower = html.trim_start().to_ascii_lowercase();
    if lower.starts_with("</") || !is_raw_text_tag(&lower) {
        return None;
    }
    let name: String = lower[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let self_closed = lower.trim_end().ends_with("/>");
    (!self_closed && !lower.contains(&format!("</{name}"))).then_some(name)
}

/// Whether raw HTML carries something the sanitizer will remove for safety: scripts, event
/// handlers, script URLs. Reported, so writers know their export contains it.
pub fn looks_unsafe(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("<script")
        || lower.contains("javascript:")
        || lower.contains("vbscript:")
        || lower
            .split(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .any(|w| {
                w.starts_with("on")
                    && w.len() > 3
                    && w.contains('=')
                    && w[2..]
                        .split('=')
                        .next()
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphabetic()))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_side_by_side_spans_and_anchors() {
        assert_eq!(
            classify(r#"<span data-ttu-id="ec97b-103">"#),
            RawTag::LocalizedOpen
        );
        assert_eq!(
            classify(r#"<span class="sxs-lookup">"#),
            RawTag::OriginalOpen
        );
        assert_eq!(
            classify(r#"<span data-stu-id="ec97b-103">"#),
            RawTag::OriginalIdOpen
        );
        assert_eq!(classify("</span>"), RawTag::SpanClose);
        assert_eq!(classify(r#"<span id="x"/>"#), RawTag::SelfClosingSpan);
        assert_eq!(
            classify(r#"<a name="customer-self-support"></a>"#),
            RawTag::Anchor("customer-self-support".into())
        );
        assert_eq!(classify(r#"<a name="x">"#), RawTag::Anchor("x".into()));
        assert_eq!(classify(r#"<a href="x" name="y">"#), RawTag::Other);
        assert_eq!(classify("</br>"), RawTag::LineBreak);
        assert_eq!(classify("<spanx>"), RawTag::Other);
        assert_eq!(classify("<!-- note -->"), RawTag::Comment);
    }

    #[test]
    fn strips_english_from_raw_blocks() {
        let html = r#"<td><span data-ttu-id="a">Lokaal</span><span class="sxs-lookup"><span data-stu-id="a">English</span></span></td>"#;
        assert_eq!(
            strip_originals(html),
            r#"<td><span data-ttu-id="a">Lokaal</span></td>"#
        );
        assert_eq!(strip_originals("<p>plain</p>"), "<p>plain</p>");
        assert_eq!(
            strip_originals(r#"x<span class="sxs-lookup"><span>unclosed"#),
            "x"
        );
    }

    #[test]
    fn raw_text_tags_and_unsafe_html() {
        assert!(
            is_raw_text_tag("<style>")
                && is_raw_text_tag("</SCRIPT>")
                && is_raw_text_tag("<textarea rows=2>")
        );
        assert!(!is_raw_text_tag("<strong>") && !is_raw_text_tag("<styled>"));
        assert!(
            looks_unsafe(r#"<img src=x onerror=alert(1)>"#)
                && looks_unsafe("<a href='JavaScript:x'>")
        );
        assert!(!looks_unsafe("<td>one</td>") && !looks_unsafe(r#"<a name="only">"#));
    }

    #[test]
    fn attribute_values() {
        assert_eq!(attr(r#"<a name='x y'>"#, "name").as_deref(), Some("x y"));
        assert_eq!(attr(r#"<a NAME=bare>"#, "name").as_deref(), Some("bare"));
        assert_eq!(attr(r#"<a data-name="no">"#, "name"), None);
    }
}
