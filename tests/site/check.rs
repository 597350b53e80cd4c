//! `signpost check`: one fault per fixture site, in text and JSON, and the real corpus.

use std::process::Command;

use crate::common::*;

fn signpost(root: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(root: &std::path::Path) -> (i32, serde_json::Value) {
    let (code, stdout, stderr) = signpost(root, &["check", "--format", "json"]);
    (
        code,
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}")),
    )
}

/// The diagnostics of a JSON report whose message contains `needle`.
fn find<'a>(report: &'a serde_json::Value, needle: &str) -> Vec<&'a serde_json::Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains(needle))
        .collect()
}

const OK_PAGE: &str = "---\ntitle: Goed\n---\n# Goed\n\n## Eerste stap\n";

#[test]
fn a_clean_site_passes_with_status_0() {
    let f = Fixture::new(&[
        (
            "site.yaml",
            "languages: [en, nl]\nbase_url: https://x.org/\n",
        ),
        ("content/nl/a.md", OK_PAGE),
        ("content/en/a.md", "# Good\n\n## First step\n"),
    ]);
    let (code, report) = json(f.root());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 0, "{report:#}");
    // Nothing is written.
    assert!(!f.root().join("public").exists());
}

#[test]
fn front_matter_error_fails_with_status_1_and_location() {
    let f = Fixture::new(&[("content/nl/a.md", "---\ntitle: ok\nauthor: a: b\n---\n")]);
    let (code, report) = json(f.root());
    assert_eq!(code, 1);
    let d = find(&report, "front matter");
    assert_eq!(d.len(), 1, "{report:#}");
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["location"]["path"], "content/nl/a.md");
    assert_eq!(d[0]["location"]["line"], 3);
    assert_eq!(d[0]["location"]["column"], 10);
    let (code, _, text) = signpost(f.root(), &["check"]);
    assert_eq!(code, 1);
    assert!(
        text.contains("content/nl/a.md:3:10: error: front matter"),
        "{text}"
    );
}

#[test]
fn broken_link_and_missing_fragment_are_reported_with_hints() {
    let f = Fixture::new(&[
        (
            "content/nl/a.md",
            "# A\n\nZie [b](b.md#eerste-stap), [c](c.md), [d](b.md#Eerste-Stap) en [e](#nergens).\n",
        ),
        ("content/nl/b.md", OK_PAGE),
    ]);
    let (code, report) = json(f.root());
    assert_eq!(code, 0, "warnings only");
    let broken = find(&report, "broken link `c.md`");
    assert_eq!(broken.len(), 1, "{report:#}");
    assert_eq!(broken[0]["location"]["line"], 3);
    assert!(broken[0]["hint"].as_str().unwrap().len() > 10);
    let case = find(&report, "only when ignoring case");
    assert_eq!(case.len(), 1, "{report:#}");
    assert!(case[0]["hint"].as_str().unwrap().contains("#eerste-stap"));
    assert_eq!(find(&report, "#nergens").len(), 1, "{report:#}");
    assert!(
        find(&report, "b.md#eerste-stap").is_empty(),
        "a fragment that exists is fine"
    );
}

#[test]
fn case_only_and_backslash_links_get_a_suggested_fix() {
    let f = Fixture::new(&[
        ("content/nl/announcements/2020-October.md", OK_PAGE),
        (
            "content/nl/a.md",
            "# A\n\n[okt](announcements/2020-october.md) en [b](announcements\\2020-October.md)\n",
        ),
    ]);
    let (_, report) = json(f.root());
    let case = find(&report, "only when ignoring letter case");
    assert_eq!(case.len(), 1, "{report:#}");
    assert!(
        case[0]["hint"]
            .as_str()
            .unwrap()
            .contains("2020-October.md")
    );
    let slash = find(&report, "uses `\\`");
    assert_eq!(slash.len(), 1, "{report:#}");
    assert!(slash[0]["hint"].as_str().unwrap().contains('/'));
}

#[test]
fn link_to_a_page_missing_in_the_language_is_a_warning() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n\n[b](b.md)\n"),
        ("content/en/b.md", "# B\n"),
    ]);
    let (_, report) = json(f.root());
    let d = find(&report, "has no nl translation");
    assert_eq!(d.len(), 1, "{report:#}");
    assert_eq!(d[0]["severity"], "warning");
}

#[test]
fn translation_state_and_ui_strings_are_listed() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("locales/en/extra.ftl", "never-used = Nobody asks for me\n"),
    ]);
    let (_, report) = json(f.root());
    let missing = find(&report, "not translated into en");
    assert_eq!(missing.len(), 1, "{report:#}");
    assert_eq!(missing[0]["severity"], "note");
    let unused = find(&report, "not used by any template");
    assert_eq!(unused.len(), 1, "{report:#}");
    assert!(
        unused[0]["message"]
            .as_str()
            .unwrap()
            .contains("never-used")
    );
    let coverage = find(&report, "missing in nl");
    assert_eq!(coverage.len(), 1, "{report:#}");
}

#[test]
fn tree_fault_fails_check() {
    let f = Fixture::new(&[
        ("content/nl/a.md", "# A\n"),
        (
            "content/who-handles-this.yaml",
            "start: q\nnodes:\n  - id: q\n    question: who-q-role\n    options:\n      - text: who-a-role-customer\n        next: gone\n      - text: who-a-role-partner\n        next: q\n",
        ),
    ]);
    let (code, report) = json(f.root());
    assert_eq!(code, 1);
    assert_eq!(
        find(&report, "`gone`, which is not a node").len(),
        1,
        "{report:#}"
    );
    assert_eq!(find(&report, "loops").len(), 1, "{report:#}");
}

#[test]
fn template_error_is_found_without_writing() {
    let f = Fixture::new(&[
        ("content/nl/a.md", "# A\n"),
        (
            "templates/page.html",
            "{% extends \"base.html\" %}{% block body %}{{ page.content | nosuchfilter }}{% endblock body %}",
        ),
    ]);
    let (code, report) = json(f.root());
    assert_eq!(code, 1, "{report:#}");
    let d: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "template")
        .collect();
    assert!(!d.is_empty(), "{report:#}");
    assert!(!f.root().join("public").exists());
}

#[test]
fn build_lists_every_error_not_just_the_first() {
    let f = Fixture::new(&[
        ("content/nl/a.md", "---\ntitle: [x\nauthor: y\n---\n"),
        ("content/nl/b.md", "---\n- not a map\n---\n"),
    ]);
    let (code, _, stderr) = signpost(f.root(), &["build"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/nl/a.md:") && stderr.contains("content/nl/b.md:"),
        "{stderr}"
    );
    assert!(stderr.contains("2 error(s)"), "{stderr}");
}

#[test]
fn the_corpus_finishes_and_lists_its_real_broken_links() {
    let site = corpus_source();
    let (code, report) = json(site.root());
    assert_eq!(code, 0, "the corpus has warnings, not errors");
    // A link the corpus really has that points outside the sample: reported at its line.
    let broken = find(&report, "broken link");
    assert!(broken.len() > 100, "{}", broken.len());
    for d in &broken {
        let path = d["location"]["path"].as_str().unwrap();
        let line = d["location"]["line"].as_u64().unwrap() as usize;
        let written = d["message"].as_str().unwrap().split('`').nth(1).unwrap();
        let text = std::fs::read_to_string(site.root().join(path)).unwrap();
        let source_line = text.lines().nth(line - 1).unwrap_or("");
        assert!(
            source_line.contains(written),
            "{path}:{line} does not contain {written}"
        );
    }
    assert!(
        !find(&report, "only when ignoring letter case").is_empty(),
        "the corpus has case-only mismatches"
    );
    assert!(
        !find(&report, "uses `\\`").is_empty(),
        "the corpus has backslash links"
    );
}

/// English message ids of the built-in `.ftl` file `name`.
fn english_ids(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("locales/en").join(name)).unwrap();
    text.lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim())
        .filter(|id| !id.is_empty() && !id.starts_with(['#', '.', ' ', '-', '[', '*']))
        .map(str::to_string)
        .collect()
}

/// A partner adding Portuguese to the default site (its Dutch pages and tree), with no
/// `locales/pt-br/` yet.
fn portuguese_site(extra: &[(&str, &str)]) -> Fixture {
    let mut own: Vec<(String, String)> = walk(&repo().join("content/nl"))
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(repo().join("content/nl").join(&p)).unwrap();
            (format!("content/nl/{p}"), text)
        })
        .collect();
    own.push((
        "content/who-handles-this.yaml".into(),
        std::fs::read_to_string(repo().join("content/who-handles-this.yaml")).unwrap(),
    ));
    let mut files: Vec<(&str, &str)> = own.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    files.push((
        "site.yaml",
        "languages: [nl, pt-br]\nbase_url: https://x.org/\n",
    ));
    files.extend_from_slice(extra);
    Fixture::new(&files)
}

/// Warnings whose message or hint names `lang`.
fn warnings_naming<'a>(report: &'a serde_json::Value, lang: &str) -> Vec<&'a serde_json::Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "warning")
        .filter(|d| d.to_string().contains(lang))
        .collect()
}

#[test]
fn a_new_language_without_ui_strings_gets_one_warning() {
    let f = portuguese_site(&[]);
    let (code, report) = json(f.root());
    assert_eq!(code, 0, "{report:#}");
    let about = warnings_naming(&report, "pt-br");
    assert_eq!(about.len(), 1, "{report:#}");
    let w = about[0];
    let all: Vec<String> = [english_ids("ui.ftl"), english_ids("who-handles-this.ftl")].concat();
    let message = w["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("all {} are shown in English", all.len())),
        "{message}"
    );
    let hint = w["hint"].as_str().unwrap();
    for file in ["locales/pt-br/ui.ftl", "locales/pt-br/who-handles-this.ftl"] {
        assert!(hint.contains(file), "{hint}");
    }
    // The full list is in the JSON, not in the message.
    let mut details: Vec<String> = w["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    let mut want = all.clone();
    details.sort();
    want.sort();
    assert_eq!(details, want);
    assert!(!message.contains("alert-note"), "{message}");

    // The text output: one line about pt-br, no list of keys.
    let (_, _, stderr) = signpost(f.root(), &["check"]);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("pt-br")).collect();
    let warnings = lines.iter().filter(|l| l.contains("warning:")).count();
    assert_eq!(warnings, 1, "{stderr}");
    assert!(!stderr.contains("alert-note"), "{stderr}");
}

#[test]
fn a_language_missing_a_few_strings_names_them_in_one_warning() {
    // Portuguese has every general string (copied from English) but none of the tree's.
    let ui = std::fs::read_to_string(repo().join("locales/en/ui.ftl")).unwrap();
    let f = portuguese_site(&[("locales/pt-br/ui.ftl", ui.as_str())]);
    let (_, report) = json(f.root());
    let about = warnings_naming(&report, "pt-br");
    assert_eq!(about.len(), 1, "{report:#}");
    let tree_ids = english_ids("who-handles-this.ftl");
    let w = about[0];
    let message = w["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("{} of ", tree_ids.len()))
            && message.contains("missing in pt-br"),
        "{message}"
    );
    // A few are named, the rest counted.
    let mut sorted = tree_ids.clone();
    sorted.sort();
    assert!(message.contains(&sorted[0]), "{message}");
    assert!(
        message.contains(&format!("and {} more", tree_ids.len() - 5)),
        "{message}"
    );
    assert!(!message.contains(&sorted[sorted.len() - 1]), "{message}");
    let hint = w["hint"].as_str().unwrap();
    assert!(
        hint.contains("locales/pt-br/who-handles-this.ftl"),
        "{hint}"
    );
    assert!(!hint.contains("ui.ftl"), "{hint}");
    assert_eq!(w["details"].as_array().unwrap().len(), tree_ids.len());

    // The status page lists every one of them.
    let built = build_ok(f.root(), None);
    let status = built.page("status/index.html").text_of("td code").join(" ");
    for id in &tree_ids {
        assert!(status.contains(id.as_str()), "{id} not on the status page");
    }
}

#[test]
fn an_include_cycle_is_named_with_its_whole_chain() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [nl]\n"),
        (
            "content/nl/a.md",
            "# A\n\nTekst A.\n\n[!INCLUDE [b](includes/b.md)]\n",
        ),
        (
            "content/nl/includes/b.md",
            "Tekst B.\n\n[!INCLUDE [c](c.md)]\n",
        ),
        (
            "content/nl/includes/c.md",
            "Tekst C.\n\n[!include [terug](../a.md)]\n",
        ),
    ]);
    let (_, _, text) = signpost(f.root(), &["check"]);
    let line = "content/nl/includes/c.md:3:1: warning: include cycle: content/nl/a.md → content/nl/includes/b.md → content/nl/includes/c.md → content/nl/a.md";
    assert!(text.lines().any(|l| l == line), "no `{line}` in:\n{text}");
    // The page still shows each file once.
    let built = build_ok(f.root(), None);
    let body = built.page("nl/a/index.html").visible_text();
    for t in ["Tekst A.", "Tekst B.", "Tekst C."] {
        assert_eq!(body.matches(t).count(), 1, "{t} in {body}");
    }
}
