//! The "who handles this?" decision tree (issue 4): validation faults, a crawl of every
//! language's tree through plain links, outcomes, the contact card and the overview.

use std::collections::{BTreeSet, VecDeque};

use signpost::BuildError;

use crate::common::*;

fn site() -> &'static Built {
    default_built()
}

/// Outcome ids of the default tree, read from its YAML.
fn outcome_ids() -> BTreeSet<String> {
    let yaml = std::fs::read_to_string(repo().join("content/who-handles-this.yaml")).unwrap();
    let mut ids = BTreeSet::new();
    let mut current = None;
    for line in yaml.lines() {
        if let Some(id) = line.trim_start().strip_prefix("- id: ") {
            current = Some(id.trim().to_string());
        }
        if line.trim_start() == "outcome:" {
            ids.extend(current.clone());
        }
    }
    assert!(ids.len() >= 6, "{ids:?}");
    ids
}

/// Resolves a relative href against a site path of a folder page (`nl/who-handles-this/`).
fn join(dir: &str, href: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let href = href
        .split('#')
        .next()
        .unwrap()
        .trim_end_matches("index.html");
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if !out.is_empty() {
        out.push('/');
    }
    out
}

#[test]
fn every_outcome_is_reached_by_plain_links_in_every_language() {
    let s = site();
    let want = outcome_ids();
    for lang in ["en", "nl", "ru", "pl"] {
        let start = format!("{lang}/who-handles-this/");
        let mut queue = VecDeque::from([start.clone()]);
        let mut seen = BTreeSet::from([start.clone()]);
        let mut outcomes = BTreeSet::new();
        while let Some(dir) = queue.pop_front() {
            let page = s.page(&format!("{dir}index.html"));
            assert_eq!(page.attr("html", "lang"), vec![lang.to_string()], "{dir}");
            let is_outcome = !page.select("main.sp-tree-outcome").is_empty();
            let is_start = dir == start;
            if is_outcome {
                let canonical = page.attr("link[rel=canonical]", "href").pop().unwrap();
                let id = canonical
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string();
                outcomes.insert(id);
            }
            if !is_start {
                // Every step after the first offers "start again" (and, with answers, "back").
                let nav = page.attr(".sp-tree-nav a", "href");
                assert!(
                    nav.iter().any(|h| join(&dir, h) == start),
                    "{dir}: no start-again link in {nav:?}"
                );
                if dir.contains("/p/") {
                    assert!(
                        !page.select(".sp-tree-answers dd a").is_empty(),
                        "{dir}: answers with change links"
                    );
                    assert!(
                        page.text_of(".sp-tree-nav a").len() >= 3,
                        "{dir}: back, start again, overview"
                    );
                }
            }
            // Only plain <a href> within the tree's walk is followed.
            for href in page.attr("main a.sp-tree-option", "href") {
                let next = join(&dir, &href);
                assert!(
                    next.starts_with(&format!("{lang}/who-handles-this/")),
                    "{dir} → {next}"
                );
                if seen.insert(next.clone()) {
                    queue.push_back(next);
                }
            }
        }
        assert_eq!(
            outcomes, want,
            "{lang}: outcomes reached by clicking through"
        );
    }
}

#[test]
fn outcomes_have_stable_urls_and_link_their_pages() {
    let s = site();
    for id in outcome_ids() {
        let page = s.page(&format!("nl/who-handles-this/{id}/index.html"));
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            vec![format!(
                "https://example.org/support/nl/who-handles-this/{id}/"
            )]
        );
        assert_eq!(
            page.select(".sp-tree-handler strong").len(),
            1,
            "{id}: names who handles it"
        );
        let pages = page.attr(".sp-tree-pages a", "href");
        assert!(!pages.is_empty(), "{id}: links the pages that explain it");
        for href in pages {
            assert!(
                s.exists(&format!(
                    "{}index.html",
                    join(&format!("nl/who-handles-this/{id}/"), &href)
                )),
                "{id}: {href}"
            );
        }
    }
}

#[test]
fn escalation_outcome_shows_response_times_with_plurals() {
    let page = site().page("ru/who-handles-this/escalate-azure/index.html");
    let times = page.text_of(".sp-tree-outcome td");
    assert_eq!(times.len(), 4, "{times:?}");
    assert!(
        times[0].contains('2') && times[2].contains('8') && times[3].contains('1'),
        "{times:?}"
    );
    let en = site().page("en/who-handles-this/escalate-azure/index.html");
    assert_eq!(
        en.text_of(".sp-tree-outcome td"),
        vec![
            "within 2 hours",
            "within 4 hours",
            "within 8 hours",
            "within 1 business day"
        ]
    );
}

#[test]
fn every_page_links_the_tree_and_the_overview_draws_every_node() {
    let s = site();
    for path in [
        "nl/customer-self-support/index.html",
        "ru/report-problems-on-behalf-of-a-customer/index.html",
        "pl/index.html",
    ] {
        let page = s.page(path);
        let dir = path.trim_end_matches("index.html");
        let links: Vec<String> = page
            .attr(".sp-tree-teaser a", "href")
            .iter()
            .map(|h| join(dir, h))
            .collect();
        assert!(
            links.iter().any(|l| l.ends_with("/who-handles-this/")),
            "{path}: {links:?}"
        );
    }
    let overview = s.page("pl/who-handles-this/overview/index.html");
    let svg_links = overview.attr("svg.sp-tree-diagram a", "href");
    let node_count = std::fs::read_to_string(repo().join("content/who-handles-this.yaml"))
        .unwrap()
        .matches("- id: ")
        .count();
    assert_eq!(svg_links.len(), node_count);
    for href in svg_links {
        assert!(
            s.exists(&format!(
                "{}index.html",
                join("pl/who-handles-this/overview/", &href)
            )),
            "{href}"
        );
    }
    assert!(overview.select(".sp-tree-outline li").len() >= node_count);
}

#[test]
fn contact_card_shows_the_partner_from_site_yaml() {
    let f = tree_fixture(
        "languages: [en, nl]\npartner:\n  name: Contoso Cloud\n  email: help@contoso.example\n  phone: \"+31 20 123 4567\"\n  languages: [nl, en]\n  paid: false\n",
        TREE_OK,
    );
    let b = build_ok(f.root(), None);
    let page = b.page("nl/who-handles-this/partner/index.html");
    assert_eq!(page.text_of(".sp-contact-name"), vec!["Contoso Cloud"]);
    assert_eq!(
        page.attr(".sp-contact-card a[href^='mailto:']", "href"),
        vec!["mailto:help@contoso.example"]
    );
    assert_eq!(
        page.attr(".sp-contact-card a[href^='tel:']", "href"),
        vec!["tel:+31201234567"]
    );
    // Without partner details: a neutral text, no card fields.
    let f = tree_fixture("languages: [en, nl]\n", TREE_OK);
    let b = build_ok(f.root(), None);
    let page = b.page("nl/who-handles-this/partner/index.html");
    assert!(page.select(".sp-contact-name").is_empty());
    assert_eq!(page.select(".sp-contact-card p").len(), 1);
}

const TREE_OK: &str = "start: q\nnodes:\n  - id: q\n    question: k-q\n    options:\n      - text: k-a\n        next: self\n      - text: k-b\n        next: partner\n  - id: self\n    outcome:\n      handler: you\n      title: k-t\n      summary: k-s\n      pages: [a]\n  - id: partner\n    outcome:\n      handler: partner\n      title: k-t\n      summary: k-s\n      contact: true\n";

const FTL: &str = "k-q = Question?\nk-a = A\nk-b = B\nk-t = Title\nk-s = Summary\nk-c = C\n";

fn tree_fixture(site_yaml: &str, tree: &str) -> Fixture {
    Fixture::new(&[
        ("site.yaml", site_yaml),
        ("content/nl/a.md", "# A\n"),
        ("content/who-handles-this.yaml", tree),
        ("locales/en/tree.ftl", FTL),
        ("locales/nl/tree.ftl", FTL),
    ])
}

fn tree_errors(tree: &str) -> Vec<String> {
    let f = tree_fixture("languages: [en, nl]\n", tree);
    match build_site(f.root(), None) {
        Err(BuildError::Failed(d)) => d
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect(),
        Err(e) => vec![e.to_string()],
        Ok(_) => Vec::new(),
    }
}

fn assert_one_error(tree: &str, line: usize, words: &str) {
    let errors = tree_errors(tree);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let want = format!("content/who-handles-this.yaml:{line}:");
    assert!(
        errors[0].starts_with(&want),
        "expected {want}…, got {}",
        errors[0]
    );
    assert!(errors[0].contains(words), "{}", errors[0]);
}

#[test]
fn the_fixture_tree_is_valid() {
    assert_eq!(tree_errors(TREE_OK), Vec::<String>::new());
}

#[test]
fn validation_dangling_next() {
    let tree = TREE_OK.replace(
        "        next: partner\n",
        "        next: partner\n      - text: k-c\n        next: nowhere\n",
    );
    assert_one_error(&tree, 11, "`nowhere`, which is not a node");
}

#[test]
fn validation_cycle() {
    let tree = TREE_OK.replace("      title: k-t\n      summary: k-s\n      contact: true\n", "      title: k-t\n      summary: k-s\n")
        .replace("  - id: partner\n    outcome:\n      handler: partner\n      title: k-t\n      summary: k-s\n",
            "  - id: partner\n    question: k-q\n    options:\n      - text: k-a\n        next: q\n      - text: k-b\n        next: self\n");
    assert_one_error(&tree, 20, "loops");
}

#[test]
fn validation_unreachable_node() {
    let tree = format!(
        "{TREE_OK}  - id: lonely\n    outcome:\n      handler: you\n      title: k-t\n      summary: k-s\n"
    );
    assert_one_error(&tree, 22, "`lonely` cannot be reached");
}

#[test]
fn validation_question_with_one_option() {
    let tree = TREE_OK.replace("      - text: k-b\n        next: partner\n", "")
        .replace("  - id: partner\n    outcome:\n      handler: partner\n      title: k-t\n      summary: k-s\n      contact: true\n", "");
    assert_one_error(&tree, 3, "needs at least two");
}

#[test]
fn validation_dead_end_that_is_not_an_outcome() {
    let tree = TREE_OK.replace("  - id: partner\n    outcome:\n      handler: partner\n      title: k-t\n      summary: k-s\n      contact: true\n", "  - id: partner\n");
    assert_one_error(&tree, 16, "dead end");
}

#[test]
fn validation_link_to_missing_page() {
    assert_one_error(
        &TREE_OK.replace("pages: [a]", "pages: [no-such-page]"),
        15,
        "`no-such-page`",
    );
}

#[test]
fn validation_text_missing_in_a_language_warns_at_its_line_and_falls_back_to_english() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("content/who-handles-this.yaml", TREE_OK),
        ("locales/en/tree.ftl", FTL),
        ("locales/nl/tree.ftl", &FTL.replace("k-b = B\n", "")),
    ]);
    let b = build_ok(f.root(), None);
    // nl has the tree's strings but one: a slip shown where the key is used, and counted in
    // nl's one UI-string warning.
    let located = b
        .summary
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`k-b`") && d.location.as_ref().is_some_and(|l| l.line == 8))
        .expect("a warning for k-b at the tree's line 8");
    assert!(!located.is_error());
    assert!(located.message.contains("missing in nl"), "{located}");
    let summary = b
        .summary
        .diagnostics
        .iter()
        .find(|d| d.details.iter().any(|k| k == "k-b"))
        .expect("nl's UI-string warning lists k-b");
    assert!(summary.message.contains("missing in nl"), "{summary}");
    let page = b.page("nl/who-handles-this/index.html");
    assert_eq!(page.text_of(".sp-tree-option"), vec!["A", "B"]);
    // Missing everywhere: an error.
    let errors = tree_errors(&TREE_OK.replace("text: k-b", "text: k-nowhere"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("content/who-handles-this.yaml:8:")
            && errors[0].contains("k-nowhere"),
        "{}",
        errors[0]
    );
}

#[test]
fn validation_yaml_error_names_line() {
    assert_one_error(
        "start: q\nnodes:\n  - id: q\n    question: [broken\n",
        4,
        "decision tree",
    );
    assert_one_error(
        &TREE_OK.replace("handler: you", "handler: nobody"),
        12,
        "nobody",
    );
}
