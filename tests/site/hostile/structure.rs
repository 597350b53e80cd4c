//! Big and deep structure: unique ids, no stack overflow.

use super::harness::*;

fn assert_unique_heading_ids(page: &Page, expected: usize) {
    let ids = page.attr(".sp-content h2", "id");
    assert_eq!(ids.len(), expected);
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "heading ids repeat");
    // Every TOC link goes to one of them.
    let toc = page.attr(".sp-toc a", "href");
    assert_eq!(toc.len(), expected);
    assert!(toc.iter().all(|h| {
        h.strip_prefix('#')
            .is_some_and(|id| unique.contains(&id.to_string()))
    }));
}

#[test]
fn ten_thousand_headings_get_unique_ids() {
    // Mostly distinct headings, with a hundred repeats and texts that collide with the
    // numbered ids (`Overview 1` wants `overview-1`).
    let mut text = String::new();
    for i in 0..10_000 {
        let h = match i % 100 {
            0 => "Overview".to_string(),
            1 => format!("Overview {}", i / 100 + 1),
            _ => format!("Heading {i}"),
        };
        text.push_str(&format!("## {h}\n\nText {i}.\n\n"));
    }
    let site = empty("10k-headings");
    site.write("content/en/headings.md", text);
    let o = site.build().built();
    assert_unique_heading_ids(&o.page("en/headings/index.html"), 10_000);
}

#[test]
fn ten_thousand_identical_headings_get_unique_ids_quickly() {
    let site = empty("10k-same-headings");
    site.write("content/en/same.md", "## Same\n\ntext\n\n".repeat(10_000));
    let o = site.build().built();
    assert_unique_heading_ids(&o.page("en/same/index.html"), 10_000);
}

#[test]
fn lists_nested_200_deep_build_on_a_2_mib_stack() {
    let mut text = String::from("# Lists\n\n");
    for i in 0..200 {
        text.push_str(&format!("{}- item {i}\n", "  ".repeat(i)));
    }
    let site = empty("deep-lists");
    site.write("content/en/lists.md", text);
    let o = site.build().built();
    let page = o.page("en/lists/index.html");
    assert_eq!(page.select(".sp-content ul").len(), 200);
    assert_shows(&page, &["item 0", "item 199"]);
}

#[test]
fn blockquotes_nested_200_deep_build_on_a_2_mib_stack() {
    let mut text = String::from("# Quotes\n\n");
    text.push_str(&format!("{}deepest\n\n", "> ".repeat(200)));
    // And an alert at the bottom of a deep stack.
    text.push_str(&format!(
        "{}[!NOTE]\n{}Note at depth 150.\n",
        "> ".repeat(150),
        "> ".repeat(150)
    ));
    let site = empty("deep-quotes");
    site.write("content/en/quotes.md", text);
    let o = site.build().built();
    let page = o.page("en/quotes/index.html");
    assert!(
        page.select(".sp-content blockquote").len() >= 200 + 149,
        "{}",
        page.select(".sp-content blockquote").len()
    );
    assert_eq!(page.select(".sp-content .sp-alert-note").len(), 1);
    assert_shows(&page, &["deepest", "Note at depth 150."]);
}

#[test]
fn raw_html_nested_40000_deep_is_bounded() {
    let n = 40_000;
    let site = empty("deep-divs");
    site.write(
        "content/en/divs.md",
        format!(
            "# Divs\n\n{}deep{}\n\nAfter.\n",
            "<div>".repeat(n),
            "</div>".repeat(n)
        ),
    );
    let o = site.build().built();
    // Parsing this output would be as slow as the bug; look at the bytes instead.
    let raw = std::fs::read_to_string(o.out.join("en/divs/index.html")).unwrap();
    assert!(
        raw.contains("deep") && raw.contains("<p>After.</p>"),
        "text lost"
    );
    assert!(!raw.to_ascii_lowercase().contains("<script>"));
}

#[test]
fn thirty_thousand_broken_links_are_all_reported_in_bounded_time() {
    let n = 30_000;
    let text: String = (0..n)
        .map(|i| format!("Text [broken {i}](nope-{i}.md) and more words.\n\n"))
        .collect();
    let site = empty("many-broken-links");
    site.write("content/en/links.md", format!("# Links\n\n{text}"));
    let o = site.build().built();
    assert_eq!(
        o.warnings()
            .iter()
            .filter(|d| d.message.contains("broken link"))
            .count(),
        n
    );
    o.warning(
        &format!("content/en/links.md:{}:6", 3 + 2 * (n - 1)),
        &["broken link", &format!("nope-{}.md", n - 1)],
    );
}

#[test]
fn side_by_side_table_on_one_line_is_bounded() {
    let cells: String = (0..10_000)
        .map(|i| format!(r#"<tr><td><span data-ttu-id="a{i}">Cel {i}</span><span class="sxs-lookup"><span data-stu-id="a{i}">Cell {i}</span></span></td></tr>"#))
        .collect();
    let site = empty("sxs-one-line-table");
    site.write("site.yaml", "languages: [nl]\n").write(
        "content/nl/t.md",
        format!("# T\n\n<table>{cells}</table>\n\nNa de tabel.\n"),
    );
    let o = site.build().built();
    let page = o.page("nl/t/index.html");
    assert_shows(&page, &["Cel 9999", "Na de tabel."]);
    assert_hides(&page, &["Cell 9999"]);
}
