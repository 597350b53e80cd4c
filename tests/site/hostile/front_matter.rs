//! Front matter: errors with the YAML parser's position, in the file's own lines.

use super::harness::*;

#[test]
fn invalid_yaml_is_an_error_at_its_position_and_keeps_the_previous_output() {
    let site = fixture("fm-invalid-yaml");
    let bad = site.take("content/en/bad.md");
    let o = site.fails_over_previous_output(|s| {
        s.write("content/en/bad.md", &bad);
    });
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    // `description: [never closed` is line 3; the parser notices at `author:` on line 4.
    let e = o.error("content/en/bad.md:4:7", &["front matter", "flow sequence"]);
    assert!(e.hint.is_some(), "{e}");
}

#[test]
fn tab_indentation_in_yaml_is_an_error_on_the_tab_line() {
    let o = fixture("fm-tabs").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/tabs.md:3:1", &["front matter", "tab"]);
}

#[test]
fn duplicate_front_matter_key_is_an_error() {
    let o = fixture("fm-duplicate-keys").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(location(e).starts_with("content/en/dup.md:"), "{e}");
    assert!(
        has_words(&e.message, &["front matter", "duplicate", "title"]),
        "{e}"
    );
}

#[test]
fn duplicate_front_matter_key_points_at_the_repeat() {
    let o = fixture("fm-duplicate-keys").build().failed();
    // `title:` first stands on line 4 and is repeated on line 6.
    o.error("content/en/dup.md:6:1", &["duplicate", "title"]);
}

#[test]
fn yaml_alias_bomb_fails_fast() {
    let o = fixture("fm-alias-bomb").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(location(e).starts_with("content/en/bomb.md:"), "{e}");
    assert!(has_words(&e.message, &["front matter", "limit"]), "{e}");
    assert!(o.elapsed < Duration::from_secs(10), "took {:?}", o.elapsed);
}

#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    let site = empty("fm-deep-yaml");
    let deep = format!(
        "---\ntitle: Deep\nnested: {}{}\n---\n# Deep\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    site.write("content/en/deep.md", deep)
        .write("content/en/good.md", "# Good\n");
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(location(e).starts_with("content/en/deep.md:3:"), "{e}");
    assert!(
        has_words(&e.message, &["front matter", "recursion limit"]),
        "{e}"
    );
}

#[test]
fn front_matter_that_is_not_a_map_is_an_error() {
    let o = fixture("fm-not-a-map").build().failed();
    assert_eq!(o.errors().len(), 2, "{}", o.listing());
    o.error(
        "content/en/list.md:2:1",
        &["front matter", "must be a map", "a list"],
    );
    o.error(
        "content/en/scalar.md:2:1",
        &["front matter", "must be a map", "line of text"],
    );
}

#[test]
fn unclosed_front_matter_is_an_error_at_its_opening_line() {
    let o = fixture("fm-unclosed").build().failed();
    assert_eq!(o.errors().len(), 2, "{}", o.listing());
    o.error(
        "content/en/unclosed.md:1:1",
        &["front matter", "never ends"],
    );
    o.error(
        "content/en/only-fence.md:1:1",
        &["front matter", "never ends"],
    );
}

#[test]
fn missing_or_empty_front_matter_is_fine() {
    let o = fixture("fm-missing").build().built();
    let title = |p: &str| o.page(p).text_of("title")[0].clone();
    assert!(title("en/no-front-matter/index.html").starts_with("Heading gives the title"));
    assert!(title("en/empty-front-matter/index.html").starts_with("Empty front matter"));
    assert!(title("en/no-title-at-all/index.html").starts_with("no title at all"));
    let hr = o.page("en/thematic-break/index.html");
    assert_eq!(
        hr.select(".sp-content hr").len(),
        1,
        "`----` is a thematic break"
    );
    assert_shows(&hr, &["Four dashes are a thematic break"]);
}
