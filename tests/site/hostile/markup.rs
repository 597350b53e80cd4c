//! Odd markup: repaired or shown safely.

use super::harness::*;

#[test]
fn unbalanced_and_self_closing_spans_are_repaired() {
    let o = fixture("odd-spans").build().built();
    let page = o.page("nl/spans/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "Open een twee, nooit gesloten.",
            "Sluit extra drie.",
            "Voor na de zelfsluitende span.",
            "Ook kaal en hoofdletters.",
            "Lokale tekst rest.",
            "Alleen open",
            "Volgende alinea wordt getoond.",
            "Cel",
            "daarna",
            "Ruwe cel",
            "Einde.",
        ],
    );
    // English copies stay hidden, wherever their spans end.
    assert_hides(
        &page,
        &[
            "English original one",
            "English never closed",
            "Cell in English",
            "Raw cell English",
        ],
    );
    assert!(
        !content_text(&page).contains('<'),
        "markup shown as text: {}",
        content_text(&page)
    );
    assert_eq!(page.select(".sp-content table").len(), 2);
}

#[test]
fn side_by_side_pair_with_different_ids_shows_the_translation() {
    let o = fixture("odd-spans").build().built();
    let page = o.page("nl/spans/index.html");
    let originals = page.text_of(".sp-orig");
    assert!(
        originals.contains(&"English original one".to_string()),
        "{originals:?}"
    );
    assert_shows(&page, &["Lokale tekst rest."]);
}

#[test]
fn english_rebuilt_from_unbalanced_spans_keeps_its_blocks() {
    let o = fixture("odd-spans").build().built();
    let page = o.page("en/spans/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "English original one rest.",
            "English never closed",
            "Cell in English",
            "Raw cell English",
            "Einde.",
        ],
    );
    assert_hides(&page, &["Ruwe cel", "| daarna |"]);
    assert_eq!(page.select(".sp-content table").len(), 2);
}

#[test]
fn emphasis_does_not_pair_across_a_side_by_side_pair() {
    let site = empty("sxs-emphasis");
    site.write("site.yaml", "languages: [nl]\n").write(
        "content/nl/a.md",
        "# T\n\n<span data-ttu-id=\"a\">Reken 2*3 uit</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Compute 2*3 now</span></span>\n",
    );
    let o = site.build().built();
    let page = o.page("nl/a/index.html");
    assert_shows(&page, &["Reken 2*3 uit"]);
    assert_hides(&page, &["Compute", "now"]);
}

#[test]
fn emphasis_inside_either_side_of_a_pair_still_works() {
    let site = empty("sxs-emphasis-inside");
    site.write("site.yaml", "languages: [nl]\n").write(
        "content/nl/a.md",
        concat!(
            "# T\n\n",
            // Tangled by `2*3` on both sides, so each side is parsed on its own.
            "<span data-ttu-id=\"a\">Reken 2*3 *snel* uit</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Compute 2*3 *quickly*</span></span>\n\n",
            "<span data-ttu-id=\"b\">Een *b* en **c**</span><span class=\"sxs-lookup\"><span data-stu-id=\"b\">One *b* and **c**</span></span>\n",
        ),
    );
    let o = site.build().built();
    let page = o.page("nl/a/index.html");
    assert_shows(&page, &["Reken 2*3 snel uit", "Een b en c"]);
    assert_hides(&page, &["Compute", "quickly", "One"]);
    let shown = |css: &str| {
        page.select(css)
            .into_iter()
            .filter(|e| {
                !e.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| a.value().attr("hidden").is_some())
            })
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(".sp-content em"), vec!["snel", "b"]);
    assert_eq!(shown(".sp-content strong"), vec!["c"]);
    assert_eq!(page.text_of(".sp-orig em"), vec!["quickly", "b"]);
    assert_eq!(page.text_of(".sp-orig strong"), vec!["c"]);
}

#[test]
fn unclosed_comments_are_safe_and_keep_later_text() {
    let o = fixture("unclosed-comment").build().built();
    let block = o.page("en/comment/index.html");
    assert_safe(&block);
    assert_shows(&block, &["First paragraph.", "After one.", "After two."]);
    // Inline, `<!--` without an end is not a comment (CommonMark): it is text, shown as written.
    let inline = o.page("en/inline/index.html");
    assert_safe(&inline);
    assert_shows(
        &inline,
        &[
            "Text with <!-- an inline comment that never closes and more.",
            "Next paragraph.",
        ],
    );
}

#[test]
fn unclosed_block_comment_is_reported_and_the_rest_is_not_raw_markdown() {
    let o = fixture("unclosed-comment").build().built();
    o.warning("content/en/comment.md:6:1", &["comment"]);
    let page = o.page("en/comment/index.html");
    assert_hides(&page, &["## After heading"]);
}

#[test]
fn stray_raw_text_tags_are_safe() {
    let o = fixture("stray-raw-text").build().built();
    for tag in [
        "style", "script", "textarea", "title", "xmp", "iframe", "noscript", "template", "noembed",
    ] {
        let page = o.page(&format!("en/{tag}/index.html"));
        assert_safe(&page);
        assert_shows(&page, &["First paragraph."]);
        // The page's own chrome after the body is intact.
        assert_eq!(page.select("footer.sp-footer").len(), 1, "{tag}");
    }
}

#[test]
fn stray_raw_text_tags_do_not_swallow_the_rest_of_the_page() {
    let o = fixture("stray-raw-text").build().built();
    for tag in [
        "style", "script", "textarea", "title", "xmp", "iframe", "noscript", "template", "noembed",
    ] {
        let page = o.page(&format!("en/{tag}/index.html"));
        assert_shows(&page, &["After one.", "After two."]);
        assert_eq!(
            page.text_of(".sp-content h2"),
            vec!["After heading".to_string()],
            "{tag}"
        );
        assert!(
            !content_text(&page).contains("</p>"),
            "{tag}: markup shown as text: {}",
            content_text(&page)
        );
    }
}
