//! Target `tree`: the "who handles this?" loader and validator on random trees: random ids,
//! options leading to missing nodes, cycles, duplicates, bad values, and YAML spoiled on top.

use proptest::prelude::*;
use signpost::BuildError;

use crate::common::*;

pub const TREE: &str = "content/who-handles-this.yaml";

const FTL: &str = "k-q = Question?\nk-h = Hint\nk-a = A\nk-b = B\nk-c = C\nk-t = Title\nk-s = Summary\nk-step = Step\nk-sev = Severity\n";

/// A site with the tree `yaml`; its Fluent keys exist in both languages.
pub fn site_with(yaml: &[u8]) -> Site {
    Site::new(&[
        ("site.yaml", b"languages: [en, nl]\n"),
        ("content/nl/a.md", b"# A\n"),
        ("content/en/b.md", b"# B\n"),
        (TREE, yaml),
        ("locales/en/tree.ftl", FTL.as_bytes()),
        ("locales/nl/tree.ftl", FTL.as_bytes()),
    ])
}

/// No panic, done in time; a failed build reports only errors that name the tree file and a
/// line in it; a build that succeeds wrote the tree's first page in every language.
pub fn check(yaml: &[u8]) {
    let site = site_with(yaml);
    // Lines as YAML counts them (a lone CR ends one too; see regressions.rs for what that
    // does to the validator's lines).
    let lines = String::from_utf8_lossy(yaml)
        .replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        + 1;
    match site.build(false) {
        Ok(_) => {
            for lang in ["en", "nl"] {
                let first = site.out().join(lang).join("who-handles-this/index.html");
                assert!(
                    first.is_file(),
                    "the build succeeded without {}",
                    first.display()
                );
            }
        }
        Err(BuildError::Failed(diags)) => {
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            assert!(!errors.is_empty(), "failed without an error");
            for d in errors {
                let loc = d
                    .location
                    .as_ref()
                    .unwrap_or_else(|| panic!("error without a location: {d}"));
                assert_eq!(
                    loc.path,
                    std::path::Path::new(TREE),
                    "error names another file: {d}"
                );
                assert!(loc.line >= 1 && loc.column >= 1, "{d}");
                // End of input is reported on the line after the last.
                assert!(
                    loc.line <= lines + 1,
                    "line {} of a {lines}-line file: {d}",
                    loc.line
                );
            }
        }
        Err(e) => panic!("build failed: {e}"),
    }
}

const IDS: &[&str] = &["q0", "q1", "q2", "q3", "q4", "q5", "o0", "o1", "o2"];
const BAD_IDS: &[&str] = &[
    "p",
    "overview",
    "\"\"",
    "a b",
    "x/y",
    "../up",
    "a.b",
    "ü",
    "\"#\"",
    "\"?\"",
    "-",
    "1",
    "null",
    "~",
    "true",
    "yes",
    "\"q0 \"",
    "Q0",
    "[q0]",
    "{a: b}",
    "&x q0",
    "*x",
    "!!str q0",
    "who-handles-this",
    "index",
    "x\\y",
    "\"q\\u0000\"",
];
const KEYS: &[&str] = &[
    "k-q", "k-h", "k-a", "k-b", "k-c", "k-t", "k-s", "k-step", "k-sev",
];
const BAD_KEYS: &[&str] = &[
    "k-missing",
    "\"\"",
    "k q",
    "-k",
    "{ $x }",
    "[k-a]",
    "null",
    "1",
];
const HANDLERS: &[&str] = &[
    "you",
    "partner",
    "indirect-provider",
    "microsoft",
    "publisher",
    "not-covered",
];
const BAD_HANDLERS: &[&str] = &["nobody", "Partner", "\"\"", "[you]", "1"];

fn id() -> impl Strategy<Value = String> + Clone {
    prop_oneof![12 => pick(IDS), 1 => pick(BAD_IDS), 1 => "[a-z0-9-]{1,6}"]
}

fn key() -> impl Strategy<Value = String> + Clone {
    prop_oneof![12 => pick(KEYS), 1 => pick(BAD_KEYS)]
}

#[derive(Debug, Clone)]
struct Option_ {
    text: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Clone)]
enum Body {
    Question {
        question: Option<String>,
        hint: Option<String>,
        options: Vec<Option_>,
    },
    Outcome {
        handler: String,
        title: Option<String>,
        summary: Option<String>,
        steps: Vec<String>,
        pages: Vec<String>,
        times: Vec<(String, String, String)>,
        contact: Option<String>,
        options: Vec<Option_>,
    },
    Both,
    Neither,
}

#[derive(Debug, Clone)]
struct NodeDesc {
    id: Option<String>,
    body: Body,
    extra: Option<String>,
}

fn option_() -> impl Strategy<Value = Option_> + Clone {
    (
        prop::option::weighted(0.95, key()),
        prop::option::weighted(0.95, id()),
    )
        .prop_map(|(text, next)| Option_ { text, next })
}

fn body() -> impl Strategy<Value = Body> {
    let question = (
        prop::option::weighted(0.95, key()),
        prop::option::of(key()),
        proptest::collection::vec(option_(), 0..4),
    )
        .prop_map(|(question, hint, options)| Body::Question {
            question,
            hint,
            options,
        });
    let time = (pick(&["A", "B", "C", "other", "\"\"", "x"]), key(), prop_oneof![8 => pick(&["hours: 2", "days: 1", "days: null", "hours: 2\n          days: 3", "hours: 0"]), 1 => pick(&["hours: -1", "hours: 4294967296", "hours: 1.5", "hours: x", "minutes: 5"])])
        .prop_map(|(s, l, t)| (s, l, t));
    let outcome = (
        prop_oneof![12 => pick(HANDLERS), 1 => pick(BAD_HANDLERS)],
        prop::option::weighted(0.95, key()),
        prop::option::weighted(0.95, key()),
        proptest::collection::vec(key(), 0..3),
        proptest::collection::vec(
            pick(&[
                "a",
                "b",
                "missing",
                "../a",
                "\"\"",
                "nl/a",
                "A",
                "a.md",
                "who-handles-this",
            ]),
            0..3,
        ),
        proptest::collection::vec(time, 0..3),
        prop::option::of(
            prop_oneof![8 => pick(&["true", "false"]), 1 => pick(&["yes", "\"true\"", "1", "[x]"])],
        ),
        prop::option::weighted(0.05, proptest::collection::vec(option_(), 1..3)),
    )
        .prop_map(
            |(handler, title, summary, steps, pages, times, contact, options)| Body::Outcome {
                handler,
                title,
                summary,
                steps,
                pages,
                times,
                contact,
                options: options.unwrap_or_default(),
            },
        );
    prop_oneof![8 => question, 8 => outcome, 1 => Just(Body::Both), 1 => Just(Body::Neither)]
}

fn node() -> impl Strategy<Value = NodeDesc> {
    (
        prop::option::weighted(0.97, id()),
        body(),
        prop::option::weighted(
            0.05,
            pick(&[
                "colour: red",
                "options: x",
                "id: again",
                "outcome: ~",
                "question:",
                "<<: *a",
            ]),
        ),
    )
        .prop_map(|(id, body, extra)| NodeDesc { id, body, extra })
}

fn render_options(out: &mut String, options: &[Option_]) {
    if options.is_empty() {
        return;
    }
    out.push_str("    options:\n");
    for o in options {
        let mut first = true;
        let mut item = |line: String| {
            out.push_str(if first { "      - " } else { "        " });
            out.push_str(&line);
            out.push('\n');
            first = false;
        };
        if let Some(t) = &o.text {
            item(format!("text: {t}"));
        }
        if let Some(n) = &o.next {
            item(format!("next: {n}"));
        }
        if first {
            out.push_str("      - {}\n");
        }
    }
}

fn render(start: &Option<String>, nodes: &[NodeDesc]) -> String {
    let mut out = String::new();
    if let Some(s) = start {
        out.push_str(&format!("start: {s}\n"));
    }
    out.push_str("nodes:\n");
    for n in nodes {
        let mut lines = Vec::new();
        if let Some(id) = &n.id {
            lines.push(format!("id: {id}"));
        }
        let mut options_block = String::new();
        match &n.body {
            Body::Question {
                question,
                hint,
                options,
            } => {
                lines.extend(question.iter().map(|q| format!("question: {q}")));
                lines.extend(hint.iter().map(|h| format!("hint: {h}")));
                render_options(&mut options_block, options);
            }
            Body::Outcome {
                handler,
                title,
                summary,
                steps,
                pages,
                times,
                contact,
                options,
            } => {
                let mut o = format!("outcome:\n      handler: {handler}\n");
                if let Some(t) = title {
                    o.push_str(&format!("      title: {t}\n"));
                }
                if let Some(s) = summary {
                    o.push_str(&format!("      summary: {s}\n"));
                }
                if !steps.is_empty() {
                    o.push_str(&format!("      steps: [{}]\n", steps.join(", ")));
                }
                if !pages.is_empty() {
                    o.push_str(&format!("      pages: [{}]\n", pages.join(", ")));
                }
                if !times.is_empty() {
                    o.push_str("      response_times:\n");
                    for (s, l, t) in times {
                        o.push_str(&format!(
                            "        - severity: {s}\n          label: {l}\n          {t}\n"
                        ));
                    }
                }
                if let Some(c) = contact {
                    o.push_str(&format!("      contact: {c}\n"));
                }
                lines.push(o.trim_end().to_string());
                render_options(&mut options_block, options);
            }
            Body::Both => {
                lines.push("question: k-q".into());
                lines.push(
                    "outcome:\n      handler: you\n      title: k-t\n      summary: k-s".into(),
                );
            }
            Body::Neither => {}
        }
        lines.extend(n.extra.clone());
        if lines.is_empty() && options_block.is_empty() {
            out.push_str("  - {}\n");
            continue;
        }
        for (i, l) in lines.iter().enumerate() {
            out.push_str(if i == 0 { "  - " } else { "    " });
            out.push_str(l);
            out.push('\n');
        }
        if lines.is_empty() {
            out.push_str("  -\n");
        }
        out.push_str(&options_block);
    }
    out
}

/// How the YAML text is spoiled after rendering.
#[derive(Debug, Clone)]
enum Mangle {
    Insert(f64, String),
    DeleteLine(f64),
    DuplicateLine(f64),
    Truncate(f64),
    Tabs,
    BomCrlf,
    Anchors,
}

fn mangle() -> impl Strategy<Value = Mangle> {
    prop_oneof![
        3 => (0.0..1.0f64, pick(&["\t", " ", "\n", "-", ":", ": ", "\"", "'", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "#", "|", ">", "? ", "%TAG ! x\n", "\u{feff}", "é", "\u{0}", "\r"])).prop_map(|(p, s)| Mangle::Insert(p, s)),
        1 => (0.0..1.0f64).prop_map(Mangle::DeleteLine),
        1 => (0.0..1.0f64).prop_map(Mangle::DuplicateLine),
        1 => (0.0..1.0f64).prop_map(Mangle::Truncate),
        1 => Just(Mangle::Tabs),
        1 => Just(Mangle::BomCrlf),
        1 => Just(Mangle::Anchors),
    ]
}

fn at(text: &str, frac: f64) -> usize {
    let mut i = ((text.len() as f64) * frac) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: String, m: &Mangle) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let nth = |p: f64, len: usize| ((len as f64) * p) as usize % len.max(1);
    match m {
        Mangle::Insert(p, s) => {
            let i = at(&text, *p);
            format!("{}{s}{}", &text[..i], &text[i..])
        }
        Mangle::DeleteLine(p) if !lines.is_empty() => {
            lines.remove(nth(*p, lines.len()));
            lines.concat()
        }
        Mangle::DuplicateLine(p) if !lines.is_empty() => {
            let i = nth(*p, lines.len());
            lines.insert(i, lines[i]);
            lines.concat()
        }
        Mangle::Truncate(p) => text[..at(&text, *p)].to_string(),
        Mangle::Tabs => text.replacen("    ", "\t", 3),
        Mangle::BomCrlf => format!("\u{feff}{}", text.replace('\n', "\r\n")),
        // The first node becomes an anchor the others merge or repeat.
        Mangle::Anchors => text.replacen("  - id:", "  - &n id:", 1) + "  - *n\n",
        _ => text,
    }
}

/// A random tree: mostly well-formed in shape (so validation, not only YAML parsing, runs),
/// with the node list drawn from a small id pool so options often meet nodes, cycles form and
/// ids repeat.
fn tree_yaml() -> impl Strategy<Value = String> {
    (
        prop::option::weighted(0.95, id()),
        proptest::collection::vec(node(), 0..8),
        proptest::collection::vec(mangle(), 0..3),
    )
        .prop_map(|(start, nodes, mangles)| mangles.iter().fold(render(&start, &nodes), apply))
}

/// A valid tree: a chain of questions whose options lead forward (so there is no cycle), with
/// every dead end an outcome; then small changes may break it in one place.
fn valid_tree() -> impl Strategy<Value = String> {
    (2..6usize, proptest::collection::vec((0..6usize, 0..6usize), 6), prop::option::weighted(0.5, mangle())).prop_map(|(questions, targets, m)| {
        let mut out = String::from("start: q0\nnodes:\n");
        for (i, &(t, u)) in targets.iter().enumerate().take(questions) {
            out.push_str(&format!("  - id: q{i}\n    question: k-q\n    hint: k-h\n    options:\n"));
            if i + 1 < questions {
                // Forward only: to the next question, and maybe on to a later one.
                let later = i + 1 + t % (questions - i - 1);
                out.push_str(&format!("      - text: k-a\n        next: q{}\n      - text: k-b\n        next: q{later}\n      - text: k-c\n        next: o{}\n", i + 1, u % 3));
            } else {
                out.push_str("      - text: k-a\n        next: o0\n      - text: k-b\n        next: o1\n      - text: k-c\n        next: o2\n");
            }
        }
        for o in 0..3 {
            out.push_str(&format!("  - id: o{o}\n    outcome:\n      handler: {}\n      title: k-t\n      summary: k-s\n      steps: [k-step]\n      pages: [a]\n      response_times:\n        - severity: A\n          label: k-sev\n          hours: 2\n      contact: {}\n",
                ["you", "partner", "microsoft"][o], o == 1));
        }
        match m {
            Some(m) => apply(out, &m),
            None => out,
        }
    })
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn random_trees(yaml in tree_yaml()) {
        progress("tree::random_trees");
        check(yaml.as_bytes());
    }

    #[test]
    fn nearly_valid_trees(yaml in valid_tree()) {
        progress("tree::nearly_valid_trees");
        check(yaml.as_bytes());
    }
}

#[test]
fn corpus() {
    run_corpus("tree", check);
}
