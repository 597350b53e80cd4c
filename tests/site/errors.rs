//! Bad input gets a clear error naming file, line and column; the old output stays.

use signpost::BuildError;

use crate::common::*;

fn errors_of(result: Result<Built, BuildError>) -> Vec<String> {
    match result {
        Err(BuildError::Failed(d)) => d
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect(),
        Err(e) => vec![e.to_string()],
        Ok(_) => Vec::new(),
    }
}

#[test]
fn yaml_syntax_error_is_reported_at_its_line_in_the_file() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [nl, ru]\n"),
        ("content/nl/ok.md", "---\ntitle: Goed\n---\n# Goed\n"),
        (
            "content/ru/x.md",
            "---\ntitle: Страница\ndescription: [не закрыто\nauthor: x\n---\n# Текст\n",
        ),
    ]);
    let errors = errors_of(build_site(f.root(), None));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    // The YAML parser finds the fault on the 4th line of the file (3rd line of the YAML + 1 for `---`).
    assert!(
        e.starts_with("content/ru/x.md:4:7: error: front matter:"),
        "{e}"
    );
    assert!(e.contains("front matter"), "{e}");
}

#[test]
fn every_broken_page_is_listed_not_just_the_first() {
    let f = Fixture::new(&[
        ("content/nl/a.md", "---\ntitle: ok\nauthor: a: b\n---\n"),
        ("content/nl/b.md", "---\ntitle: ok\n"),
        ("content/nl/c.md", "---\n- a list\n---\n"),
        ("content/nl/d.md", "---\ntitle: fine\n---\nbody\n"),
    ]);
    let errors = errors_of(build_site(f.root(), None));
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/nl/a.md:3:10:")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/nl/b.md:1:1") && e.contains("never ends")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/nl/c.md:") && e.contains("must be a map")),
        "{errors:?}"
    );
}

#[test]
fn unknown_site_yaml_key_names_key_and_line() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [nl]\nbase_ulr: https://x.org/\n"),
        ("content/nl/a.md", "# A\n"),
    ]);
    let errors = errors_of(build_site(f.root(), None));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("site.yaml:2:"), "{}", errors[0]);
    assert!(errors[0].contains("base_ulr"), "{}", errors[0]);
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let f = Fixture::new(&[("content/nl/a.md", "---\ntitle: A\n---\n# A\n")]);
    let out = f.root().join("public");
    build_into(f.root(), &out, None).unwrap();
    let before: Vec<(String, Vec<u8>)> = walk(&out)
        .into_iter()
        .map(|p| {
            let b = std::fs::read(out.join(&p)).unwrap();
            (p, b)
        })
        .collect();
    std::fs::write(
        f.root().join("content/nl/a.md"),
        "---\ntitle: [broken\n---\n",
    )
    .unwrap();
    assert!(build_into(f.root(), &out, None).is_err());
    let after: Vec<(String, Vec<u8>)> = walk(&out)
        .into_iter()
        .map(|p| {
            let b = std::fs::read(out.join(&p)).unwrap();
            (p, b)
        })
        .collect();
    assert_eq!(before, after);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let f = Fixture::new(&[
        ("content/nl/a.md", "# A\n"),
        ("public/precious.txt", "keep me"),
    ]);
    let err = build_into(f.root(), &f.root().join("public"), None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("not made by signpost"), "{err}");
    assert_eq!(
        std::fs::read_to_string(f.root().join("public/precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn content_that_looks_like_template_syntax_is_shown_as_written() {
    let f = Fixture::new(&[(
        "content/nl/a.md",
        "---\ntitle: A\n---\nGebruik {{CorrelationId}} en {% if x %}.\n",
    )]);
    let b = build_ok(f.root(), None);
    let text = b.page("nl/a/index.html").visible_text();
    assert!(
        text.contains("{{CorrelationId}}") && text.contains("{% if x %}"),
        "{text}"
    );
}

#[test]
fn one_bad_link_or_image_does_not_stop_the_page() {
    let f = Fixture::new(&[
        (
            "content/pl/a.md",
            "# A\n\n[x](javascript:alert(1)) i ![obraz](brak.png) i [](b.md)\n",
        ),
        ("content/pl/b.md", "---\ntitle: Strona B\n---\n"),
    ]);
    let b = build_ok(f.root(), None);
    let page = b.page("pl/a/index.html");
    assert!(!page.raw.contains("javascript:"));
    assert_eq!(page.text_of(".sp-image-missing").len(), 1);
    // Empty link text takes the target's title.
    assert!(
        page.text_of(".sp-content a")
            .contains(&"Strona B".to_string()),
        "{:?}",
        page.text_of(".sp-content a")
    );
}
