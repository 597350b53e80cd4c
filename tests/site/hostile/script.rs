//! Script: never reaches the output.

use super::harness::*;

#[test]
fn unsafe_markdown_links_are_removed_with_a_warning_each() {
    let o = fixture("unsafe-links").build().built();
    let page = o.page("en/links/index.html");
    assert_safe(&page);
    let expected = [
        ("6:4", "javascript:alert(1)"),
        ("7:4", "JaVaScRiPt:alert(2)"),
        ("8:4", "javascript:alert(3)"),
        ("9:4", "ascript:alert(4)"),
        ("10:4", "javascript:alert(5)"),
        ("11:4", "javascript:alert(6)"),
        ("12:4", "data:text/html"),
        ("13:4", "vbscript:msgbox(8)"),
        ("14:4", "javascript:alert(9)"),
        ("15:5", "javascript:alert(10)"),
        ("16:5", "file:///etc/passwd"),
    ];
    for (at, dest) in expected {
        o.warning(&format!("content/en/links.md:{at}"), &["unsafe link", dest]);
    }
    assert_shows(
        &page,
        &[
            "plain one",
            "mixed case two",
            "leading space three",
            "entity tab four",
            "entity letters five",
            "colon entity six",
            "data seven",
            "vbscript eight",
            "reference ten",
            "file eleven",
            "safe twelve",
        ],
    );
    assert_eq!(
        page.attr(".sp-content a", "href"),
        vec!["https://example.org/".to_string()]
    );
}

#[test]
fn unsafe_raw_html_links_lose_their_href() {
    let o = fixture("unsafe-raw-html").build().built();
    let page = o.page("en/raw/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "raw one",
            "raw two",
            "raw three",
            "raw four",
            "raw five",
            "raw six",
            "raw seven",
            "raw eight",
            "raw nine",
            "raw ten",
            "raw eleven",
            "raw twelve",
            "Text after the links.",
        ],
    );
    assert_eq!(
        page.attr(".sp-content a[href]", "href"),
        vec!["https://example.org/".to_string()]
    );
}

#[test]
fn unsafe_images_are_removed_and_their_description_shown() {
    let o = fixture("unsafe-images").build().built();
    let page = o.page("en/images/index.html");
    assert_safe(&page);
    for at in ["6:1", "8:1", "10:1", "12:1"] {
        o.warning(&format!("content/en/images.md:{at}"), &["unsafe image"]);
    }
    let missing = page.text_of(".sp-image-missing");
    for alt in [
        "markdown script image",
        "markdown data image",
        "directive script image",
        "directive \"quoted\" image",
    ] {
        assert!(
            missing.iter().any(|m| m.ends_with(alt)),
            "{alt:?} not among {missing:?}"
        );
    }
    assert_eq!(
        page.attr(".sp-content img[alt='real image']", "src"),
        vec!["../../en/media/pixel.svg".to_string()]
    );
    assert_shows(&page, &["Text after the images."]);
}

#[test]
fn scripts_and_event_handlers_never_reach_the_page() {
    let o = fixture("script-tags").build().built();
    let page = o.page("en/scripts/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "Inline and done.",
            "bold",
            "div text",
            "button text",
            "Note with inside.",
            "cell",
            "Heading text",
            "link in list",
            "title attribute",
            "Final words stay.",
        ],
    );
    assert_eq!(page.select(".sp-content h2").len(), 1);
}

#[test]
fn unsafe_raw_html_is_reported() {
    let o = fixture("script-tags").build().built();
    o.warning("content/en/scripts.md:6:1", &["script"]);
    let raw = fixture("unsafe-raw-html").build().built();
    raw.warning("content/en/raw.md:6:1", &["javascript"]);
}

#[test]
fn mutation_xss_payloads_stay_inert() {
    let o = fixture("mxss").build().built();
    let page = o.page("en/mxss/index.html");
    assert_safe(&page);
    assert_shows(&page, &["encoded", "Closing words."]);
    // Whatever the payloads turned into, nothing the reader can see carries a live handler.
    assert!(page.select(".sp-content img[onerror]").is_empty());
}

#[test]
fn hostile_side_by_side_originals_stay_inert_in_the_translation_and_the_rebuilt_english() {
    let o = fixture("side-by-side-hostile").build().built();
    let nl = o.page("nl/sxs/index.html");
    assert_safe(&nl);
    assert_shows(
        &nl,
        &[
            "Eerste zin.",
            "Tweede zin.",
            "Derde zin.",
            "Vierde zin.",
            "Slot.",
        ],
    );
    assert_hides(&nl, &["First", "Second", "Third", "Fourth"]);
    let en = o.page("en/sxs/index.html");
    assert_safe(&en);
    assert_shows(
        &en,
        &[
            "First sentence.",
            "Second link sentence.",
            "Third sentence.",
            "Fourth raw sentence.",
            "Fifth {{ 7*7 }} sentence.",
        ],
    );
}

#[test]
fn hostile_front_matter_values_are_escaped() {
    let o = fixture("hostile-front-matter").build().built();
    let a = o.page("en/a/index.html");
    let b = o.page("en/b/index.html");
    let home = o.page("en/index.html");
    for p in [&a, &b, &home] {
        assert_safe(p);
    }
    assert!(
        a.text_of("title")[0].starts_with("<script>alert(1)</script> Title"),
        "{:?}",
        a.text_of("title")
    );
    assert_eq!(
        a.text_of("article h1"),
        vec!["<script>alert(1)</script> Title".to_string()]
    );
    assert_eq!(
        a.attr("meta[name=description]", "content"),
        vec![r#""><img src=x onerror=alert(2)> description"#.to_string()]
    );
    // An empty link takes the target's title, as text.
    assert_eq!(
        a.text_of(".sp-content a"),
        vec!["<img src=x onerror=alert(5)> B title".to_string()]
    );
    let home_text = page_text(&home);
    assert!(
        home_text.contains("<script>alert(1)</script> Title")
            && home_text.contains(r#"<a href="javascript:alert(6)">described</a>"#),
        "{home_text}"
    );
}

#[test]
fn template_syntax_in_content_is_shown_as_written() {
    let o = fixture("template-syntax").build().built();
    let page = o.page("en/curly/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "Curly {{ 7*7 }} heading",
            r#"Body with {{ 7*7 }} and {% include "base.html" %} and {# a comment #} and {{CorrelationId}}."#,
            "Second {% raw %} heading {{ page }}",
            "{{ code }}",
            "{% for x in y %}{{ x }}{% endfor %}",
            r#"A note about {{ t(key="site-title") }}."#,
            "{{ a }}",
            "{% b %}",
            "{{ c }}",
            "{%- d -%}",
        ],
    );
    assert!(
        !content_text(&page).contains("49"),
        "a template expression was evaluated"
    );
    assert!(page.text_of("title")[0].starts_with("Curly {{ 7*7 }} title {% if true %}"));
    assert_eq!(
        page.attr("meta[name=description]", "content"),
        vec!["{{ config }} and {% include 'base.html' %}".to_string()]
    );
    assert_eq!(
        page.text_of(".sp-toc a"),
        vec!["Second {% raw %} heading {{ page }}".to_string()]
    );
}

#[test]
fn hostile_ui_strings_are_escaped_and_bounded() {
    let o = fixture("hostile-ui-strings").build().built();
    let page = o.page("en/a/index.html");
    assert_safe(&page);
    assert_eq!(
        page.text_of(".sp-brand"),
        vec!["<script>alert(1)</script> Site".to_string()]
    );
    assert_eq!(
        page.text_of(".sp-alert-title"),
        vec!["<img src=x onerror=alert(2)> Note".to_string()]
    );
    assert_eq!(
        page.text_of("#sp-toc-title"),
        vec![r#"<a href="javascript:alert(3)">On this page</a>"#.to_string()]
    );
    // Ten levels of ten references would be ten billion `lol`s; Fluent stops early.
    assert!(page.raw.len() < 200_000, "{} bytes", page.raw.len());
    assert!(page_text(&page).contains("Made with lol"));
}

#[test]
fn ui_string_that_cannot_be_formatted_is_reported() {
    let o = fixture("hostile-ui-strings").build().built();
    let found = o.diags.iter().any(|d| {
        location(d).starts_with("locales/en/hostile.ftl:")
            && (d.message.contains("skip-to-content") || d.message.contains("cycle"))
    });
    assert!(
        found,
        "no diagnostic names the cyclic UI string:\n{}",
        o.listing()
    );
    assert!(!page_text(&o.page("en/a/index.html")).contains("{cycle-a}"));
}
