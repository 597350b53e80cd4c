//! Faults the fuzz targets and their corpus found, each reduced to a small input and named.
//! fix in `src/`; the fix removes the `ignore`.

/// A decision tree saved with lone CR line ends (classic Mac): YAML reads CR as a line break,
/// so the tree loads, but `tree::load` turns only CRLF into LF (pages also turn a lone CR into
/// LF, in `load::normalize`), and the validator counts lines with `str::lines`, which sees one
/// line: every validation error lands on line 1, while YAML syntax errors count CRs as lines.
/// Found by `tree::random_trees` (`"start: q0\nnodes:\n  - id: q\r0\n"` reports line 5 of a
/// 3-line file).
#[test]
fn tree_with_cr_line_ends_reports_the_right_line() {
    let tree = "start: q\nnodes:\n  - id: q\n    question: k-q\n    options:\n      - text: k-a\n        next: o\n      - text: k-b\n        next: nowhere\n  - id: o\n    outcome:\n      handler: you\n      title: k-t\n      summary: k-s\n"
        .replace('\n', "\r");
    let site = crate::tree::site_with(tree.as_bytes());
    let Err(signpost::BuildError::Failed(diags)) = site.build(false) else {
        panic!("the dangling `next` must fail the build")
    };
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("content/who-handles-this.yaml:9:"),
        "{}",
        errors[0]
    );
}
