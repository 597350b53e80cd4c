//! The allow-list HTML sanitizer (ammonia) that raw HTML from content passes through.

use std::sync::OnceLock;

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        // Our own markup (alerts, figures, table wrappers, anchors) shares the fragment with
        // the author's HTML, so its attributes must pass; none of them can run script.
        b.add_generic_attributes(["id", "class", "role", "hidden", "tabindex", "dir"]);
        b.add_tag_attributes("a", ["name"]);
        b.add_tag_attributes("time", ["datetime"]);
        b.add_tags(["figure", "figcaption", "time"]);
        // `rel` would land on `<a name>` anchors too (invalid HTML); ammonia already drops
        // `target`, so there is no window to protect.
        b.link_rel(None);
        // An empty href would make a focusable link with no name.
        b.attribute_filter(|_element, attribute, value| {
            if attribute == "href" && value.trim().is_empty() {
                None
            } else {
                Some(value.into())
            }
        });
        b
    })
}

/// Cleans an HTML fragment: scripts, event handlers and script URLs are removed.
pub fn clean(html: &str) -> String {
    cleaner().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn removes_script_and_handlers_keeps_corpus_markup() {
        let out = clean(
            r#"<p onclick="x()">a<script>alert(1)</script><img src="x" onerror="y()"><a href="javascript:z()">l</a></p>"#,
        );
        assert!(
            !out.contains("script")
                && !out.contains("onerror")
                && !out.contains("onclick")
                && !out.contains("javascript"),
            "{out}"
        );
        let keep = r#"<table><tbody><tr><td>a<br>b<sup>1</sup></td></tr></tbody></table><pre><code>x</code></pre>"#;
        assert_eq!(clean(keep), keep);
        assert!(
            clean(r#"<div class="sp-alert" role="note"><h2 id="x">t</h2></div>"#)
                .contains(r#"id="x""#)
        );
    }
}
