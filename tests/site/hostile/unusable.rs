//! Files that cannot be used: errors, the old output stays.

use super::harness::*;

#[cfg(unix)]
#[test]
fn files_in_a_linked_folder_outside_content_are_skipped() {
    let site = empty("linked-folder");
    site.write("content/en/a.md", "# A\n")
        .write("elsewhere/deep/secret.md", "# OUTSIDE-SECRET\n");
    site.write("content/en/inside/real.md", "# Real\n");
    let outside = site.path("elsewhere");
    site.symlink("content/en/ext", outside.to_str().unwrap());
    // A link to a folder inside content/ is followed: the files really lie there.
    site.symlink("content/en/alias", "inside");
    let o = site.build().built();
    o.warning(
        "content/en/ext/deep/secret.md:1:1",
        &["symbolic link", "outside"],
    );
    assert_no_secrets(&o);
    assert!(o.exists("en/a/index.html") && o.exists("en/alias/real/index.html"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error_not_a_hang() {
    let site = empty("symlink-loop");
    site.write("content/en/a.md", "# A\n")
        .write("content/en/sub/b.md", "# B\n");
    let o = site.fails_over_previous_output(|s| {
        s.symlink("content/en/sub/loop", "..");
    });
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/sub/loop:1:1", &["symbolic link loop"]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let site = empty("unreadable");
    site.write("content/en/good.md", "# Good\n")
        .write("content/en/locked.md", "# Locked\n");
    let locked = site.path("content/en/locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!(
            "note: running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not block reads; skipping unreadable_file_is_an_error"
        );
        return;
    }
    let o = site.build().failed();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/locked.md:1:1", &["cannot read"]);
}

#[test]
fn two_files_with_one_url_are_an_error_naming_both() {
    let site = fixture("duplicate-url");
    let folder_index = site.take("content/en/a/index.md");
    let o = site.fails_over_previous_output(|s| {
        s.write("content/en/a/index.md", &folder_index);
        s.write("content/en/b.MD", "# B in capitals\n");
    });
    assert_eq!(o.errors().len(), 2, "{}", o.listing());
    let a = o
        .errors()
        .into_iter()
        .find(|d| d.message.contains("/en/a/"))
        .unwrap_or_else(|| panic!("{}", o.listing()));
    let both = format!("{} {}", location(a), a.message);
    assert!(
        both.contains("content/en/a.md")
            && both.contains("content/en/a/index.md")
            && location(a).ends_with(":1:1"),
        "{a}"
    );
    let b = o
        .errors()
        .into_iter()
        .find(|d| d.message.contains("/en/b/"))
        .unwrap_or_else(|| panic!("{}", o.listing()));
    let both = format!("{} {}", location(b), b.message);
    assert!(
        both.contains("content/en/b.md") && both.contains("content/en/b.MD"),
        "{b}"
    );
}

#[test]
fn language_folder_not_in_site_yaml_is_skipped_with_a_warning() {
    let o = fixture("unknown-language").build().built();
    o.warning("content/de:1:1", &["content/de", "not a language"]);
    o.warning("content/images:1:1", &["content/images", "not a language"]);
    let de = o
        .diags
        .iter()
        .find(|d| location(d) == "content/de:1:1")
        .unwrap();
    assert!(
        de.hint.as_deref().is_some_and(|h| h.contains("languages")),
        "{de}"
    );
    assert!(o.exists("en/a/index.html") && o.exists("nl/a/index.html"));
    assert!(!o.exists("de") && !o.exists("images"));
}

#[test]
fn fluent_syntax_errors_are_listed_with_file_and_line() {
    let site = fixture("ftl-syntax-error");
    let ftl = site.take("locales/nl/broken.ftl");
    let o = site.fails_over_previous_output(|s| {
        s.write("locales/nl/broken.ftl", &ftl);
    });
    assert_eq!(o.errors().len(), 3, "{}", o.listing());
    o.error("locales/nl/broken.ftl:4:1", &["Fluent syntax error"]);
    o.error(
        "locales/nl/broken.ftl:8:1",
        &["Fluent syntax error", "broken-term"],
    );
    o.error(
        "locales/nl/broken.ftl:9:1",
        &["Fluent syntax error", "missing-value"],
    );
}

#[test]
fn missing_theme_is_an_error() {
    let site = fixture("missing-theme");
    let config = site.take("site.yaml");
    site.write("site.yaml", "languages: [en]\n");
    let o = site.fails_over_previous_output(|s| {
        s.write("site.yaml", &config);
    });
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(location(e).starts_with("site.yaml:"), "{e}");
    assert!(
        has_words(&e.message, &["theme", "nope", "themes/nope"]),
        "{e}"
    );
}

#[test]
fn missing_theme_error_points_at_the_theme_line() {
    let o = fixture("missing-theme").build().failed();
    o.error("site.yaml:2:1", &["theme", "nope"]);
}

#[test]
fn theme_cannot_name_a_folder_outside_themes() {
    let o = fixture("theme-outside").build();
    assert_no_secrets(&o);
    assert!(!o.ok, "a theme outside themes/ was used");
    o.error("site.yaml:2:1", &["theme"]);
}

fn template_error_outcome(case: &str) -> BuildReport {
    let site = fixture(case);
    let template = site.take("templates/page.html");
    site.fails_over_previous_output(|s| {
        s.write("templates/page.html", &template);
    })
}

#[test]
fn template_with_unknown_filter_is_an_error_naming_the_template() {
    let o = template_error_outcome("template-unknown-filter");
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(
        has_words(&e.to_string(), &["page.html", "no_such_filter"]),
        "{e}"
    );
}

#[test]
fn template_syntax_error_is_an_error_naming_the_template() {
    let o = template_error_outcome("template-syntax-error");
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    assert!(
        has_words(&o.errors()[0].to_string(), &["page.html", "4:7"]),
        "{}",
        o.listing()
    );
}

#[test]
fn circular_template_include_is_an_error_not_a_stack_overflow() {
    let o = template_error_outcome("template-circular");
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    assert!(
        has_words(&o.errors()[0].to_string(), &["page.html", "circular"]),
        "{}",
        o.listing()
    );
}

#[test]
fn template_compile_errors_point_at_the_template_file_line_and_column() {
    let o = fixture("template-unknown-filter").build().failed();
    o.error("templates/page.html:4:15", &["no_such_filter"]);
    let o = fixture("template-syntax-error").build().failed();
    o.error("templates/page.html:4:7", &["expected"]);
}

#[test]
fn template_render_error_in_a_theme_is_an_error() {
    let o = fixture("template-error-in-theme").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    assert!(
        has_words(
            &o.errors()[0].to_string(),
            &["page.html", "no-such-ui-string"]
        ),
        "{}",
        o.listing()
    );
}

#[test]
fn template_render_error_in_a_theme_names_the_theme_file() {
    let o = fixture("template-error-in-theme").build().failed();
    o.error(
        "themes/corporate/templates/page.html:4:7",
        &["no-such-ui-string"],
    );
}

#[test]
fn broken_decision_tree_is_an_error_at_its_position() {
    let site = fixture("broken-tree");
    let tree = site.take("content/who-handles-this.yaml");
    let o = site.fails_over_previous_output(|s| {
        s.write("content/who-handles-this.yaml", &tree);
    });
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error(
        "content/who-handles-this.yaml:8:1",
        &["decision tree", "tab"],
    );
}

#[test]
fn decision_tree_loop_is_an_error_on_the_looping_line() {
    let o = fixture("tree-loop").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error(
        "content/who-handles-this.yaml:14:1",
        &["loops", "again", "start"],
    );
}

#[test]
fn decision_tree_with_exponentially_many_walks_fails_fast() {
    // 40 questions in a row, each with two answers leading to the next: 2^40 walks.
    let mut yaml = String::from("start: n0\nnodes:\n");
    for i in 0..40 {
        let next = if i == 39 {
            "done".to_string()
        } else {
            format!("n{}", i + 1)
        };
        yaml.push_str(&format!("  - id: n{i}\n    question: q-start\n    options:\n      - text: a-one\n        next: {next}\n      - text: a-two\n        next: {next}\n"));
    }
    yaml.push_str("  - id: done\n    outcome:\n      handler: partner\n      title: o-title\n      summary: o-summary\n");
    let site = fixture("tree-loop");
    site.write("content/who-handles-this.yaml", yaml);
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error(
        "content/who-handles-this.yaml:1:1",
        &["more than", "ways through it"],
    );
}

#[test]
fn site_yaml_that_is_not_utf8_is_an_error_at_its_position() {
    let site = empty("site-yaml-latin-1");
    site.write(
        "site.yaml",
        b"languages: [en]\nbase_url: https://caf\xe9.example/\n",
    )
    .write("content/en/a.md", "# A\n");
    let o = site.build();
    assert!(!o.ok);
    let message = o.other.clone().unwrap_or_else(|| o.listing());
    assert!(message.contains("site.yaml:2:22"), "{message}");
}

/// Adds pages that are not UTF-8 and binary to the `many-errors` fixture.
fn many_errors_site() -> Fixture {
    let site = fixture("many-errors");
    site.write("content/en/latin.md", b"# Caf\xe9\n")
        .write("content/nl/binary.md", b"\x00\x01\x02binary");
    site
}

#[test]
fn every_error_is_listed_in_one_run() {
    let o = many_errors_site().build().failed();
    o.error("content/en/bad-yaml.md:3:1", &["front matter"]);
    o.error("content/en/latin.md:1:6", &["not valid UTF-8"]);
    o.error("content/nl/binary.md:1:1", &["not a text file"]);
    o.error("content/nl/unclosed.md:1:1", &["never ends"]);
    o.error("locales/nl/broken.ftl:2:1", &["Fluent syntax error"]);
    let dup = o
        .errors()
        .into_iter()
        .find(|d| d.message.contains("/en/dup/"))
        .unwrap_or_else(|| panic!("{}", o.listing()));
    assert!(location(dup).starts_with("content/en/dup"), "{dup}");
    assert!(
        o.errors()
            .iter()
            .any(|d| location(d).starts_with("site.yaml:") && d.message.contains("nope")),
        "{}",
        o.listing()
    );
    // Every error names a file, line and column.
    for e in o.errors() {
        let loc = location(e);
        let parts: Vec<&str> = loc.rsplitn(3, ':').collect();
        assert!(
            parts.len() == 3
                && parts[0].parse::<usize>().is_ok()
                && parts[1].parse::<usize>().is_ok(),
            "no file:line:col: {e}"
        );
    }
}

#[test]
fn template_errors_are_listed_with_content_errors() {
    let o = many_errors_site().build().failed();
    assert!(
        o.errors()
            .iter()
            .any(|d| d.to_string().contains("no_such_filter")),
        "{}",
        o.listing()
    );
}
