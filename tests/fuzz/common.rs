//! What the fuzz targets share: case counts, the corpus, time-bounded builds and the checks
//! every built page must pass.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};
use scraper::{Html, Node};
use signpost::config::Overrides;
use signpost::{BuildError, BuildOptions, BuildSummary, build};

/// Cases per property: `PROPTEST_CASES` when set (fuzz/run.sh sets thousands), else `default`,
/// kept small so a plain `cargo test` stays fast.
pub fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // Next to the target's source: tests/fuzz/<target>.proptest-regressions.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

/// Counts the cases of a property; with `FUZZ_PROGRESS` set (fuzz/run.sh sets it), prints the
/// count every 250 cases, so a run the time bound stops still says how far it got.
pub fn progress(property: &'static str) {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static ON: OnceLock<bool> = OnceLock::new();
    static COUNTS: Mutex<Option<HashMap<&'static str, u64>>> = Mutex::new(None);
    if !*ON.get_or_init(|| std::env::var_os("FUZZ_PROGRESS").is_some()) {
        return;
    }
    let mut counts = COUNTS.lock().unwrap_or_else(|e| e.into_inner());
    let n = counts
        .get_or_insert_with(HashMap::new)
        .entry(property)
        .or_insert(0);
    *n += 1;
    if *n % 250 == 0 {
        eprintln!("progress {property}: {n} cases");
    }
}

/// The hand-picked inputs of one target: `tests/fuzz/corpus/<target>/*.txt`, by file name.
pub fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 10,
        "{}: only {} corpus files",
        dir.display(),
        out.len()
    );
    out
}

/// Runs `check` on every corpus file of `target`, naming the file that fails.
pub fn run_corpus(target: &str, check: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    let mut failed = Vec::new();
    for (name, bytes) in corpus(target) {
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| check(&bytes));
        if start.elapsed() > Duration::from_millis(500) {
            eprintln!("{target}/{name}: {:?}", start.elapsed());
        }
        if let Err(e) = result {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{target}/{name}: {msg}"));
        }
    }
    assert!(
        failed.is_empty(),
        "corpus inputs that fail:\n{}",
        failed.join("\n")
    );
}

/// Longest one build may take. Builds of a one-page site take well under a second, even in a
/// debug build on busy cores; `FUZZ_BUILD_LIMIT_MS` overrides.
pub fn build_limit() -> Duration {
    let ms = std::env::var("FUZZ_BUILD_LIMIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    Duration::from_millis(ms)
}

/// A site written from (path, bytes) pairs into a temp folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new(files: &[(&str, &[u8])]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Builds the site (no search index unless asked) within [`build_limit`]; a panic in the
    /// build fails the caller, and so does a build that runs too long.
    pub fn build(&self, search: bool) -> Result<BuildSummary, BuildError> {
        let opts = BuildOptions {
            root: self.root().to_path_buf(),
            overrides: Overrides {
                output: Some(self.out()),
                base_url: None,
                no_search: !search,
            },
            force: false,
        };
        let (tx, rx) = mpsc::channel();
        let start = Instant::now();
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(|| build(&opts));
            let _ = tx.send(result);
        });
        let limit = build_limit();
        match rx.recv_timeout(limit) {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panic!("the build panicked: {msg}")
            }
            // The build thread is left running; the test fails now with the input shown.
            Err(_) => panic!(
                "the build took longer than {limit:?} (started {:?} ago)",
                start.elapsed()
            ),
        }
    }
}

/// Every HTML file under `dir`, as (site path, text).
pub fn html_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html") {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

/// Attributes that hold a URL a browser may follow or load.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "background",
    "cite",
    "longdesc",
    "manifest",
    "ping",
    "xlink:href",
];
/// Elements that content must never bring into a page.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe", "object", "embed", "frame", "frameset", "base", "applet", "style", "link", "meta",
];
/// Side-by-side markup that must never reach a reader.
pub const SXS_MARKERS: &[&str] = &["sxs-lookup", "data-ttu-id", "data-stu-id"];
/// What `{{ "sp" ~ "inj" }}` in content would print if templates ever evaluated content.
pub const TEMPLATE_INJECTION: &str = "spinj";

/// A URL as a browser reads it for its scheme: no ASCII whitespace or control characters,
/// lowercase.
fn scheme_view(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn dangerous_url(url: &str) -> bool {
    let v = scheme_view(url);
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|s| v.starts_with(s))
}

/// Faults of one page of output (`document`: a whole page with the theme's chrome, else a
/// fragment the parser made). The theme's own `<script src="…static/*.js">` and `<meta>`,
/// `<link>`, `<style>` in `<head>` are allowed in documents; nothing else that can run script.
pub fn html_faults(name: &str, raw: &str, document: bool) -> Vec<String> {
    let html = if document {
        Html::parse_document(raw)
    } else {
        Html::parse_fragment(raw)
    };
    let mut faults = Vec::new();
    let mut fault = |s: String| faults.push(format!("{name}: {s}"));
    if raw.contains(TEMPLATE_INJECTION) {
        fault("content was evaluated as a template".into());
    }
    // Depth-first with what each node is inside, without walking up from every node (pages
    // nested thousands deep would make that quadratic).
    let mut stack = vec![(html.tree.root(), false, false)];
    while let Some((node, in_code, in_head)) = stack.pop() {
        let (mut child_code, mut child_head) = (in_code, in_head);
        match node.value() {
            Node::Element(el) => {
                let tag = el.name();
                child_code |= matches!(tag, "code" | "pre");
                child_head |= tag == "head";
                if tag == "script" {
                    let src = el.attr("src").unwrap_or("");
                    let file = src.rsplit('/').next().unwrap_or("");
                    // Linked by their fingerprinted names: `tree.<16 hex digits>.js`.
                    let unhashed = match file.split('.').collect::<Vec<_>>()[..] {
                        [stem, hash, "js"]
                            if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
                        {
                            format!("{stem}.js")
                        }
                        _ => file.to_string(),
                    };
                    let theme_script = document
                        && src.contains("static/")
                        && matches!(
                            unhashed.as_str(),
                            "signpost.js"
                                | "search.js"
                                | "tree.js"
                                | "handoff.js"
                                | "feedback.js"
                                | "chooser.js"
                        )
                        && !src.contains(':')
                        && node.children().next().is_none();
                    if !theme_script {
                        fault(format!(
                            "<script src={src:?}> with {} child node(s)",
                            node.children().count()
                        ));
                    }
                }
                if FORBIDDEN_ELEMENTS.contains(&tag) && !(document && in_head) {
                    fault(format!("<{tag}> element"));
                }
                if tag == "meta" && el.attr("http-equiv").is_some() {
                    fault("<meta http-equiv>".into());
                }
                for (attr, value) in el.attrs() {
                    let lower = attr.to_ascii_lowercase();
                    if lower.starts_with("on") {
                        fault(format!("<{tag} {attr}={value:?}>: event handler attribute"));
                    }
                    if lower == "style" && scheme_view(value).contains("javascript:") {
                        fault(format!("<{tag} style={value:?}>"));
                    }
                    if URL_ATTRS.contains(&lower.as_str()) {
                        let urls: Vec<&str> = if lower == "srcset" {
                            value
                                .split(',')
                                .map(|c| c.trim().split(' ').next().unwrap_or(""))
                                .collect()
                        } else {
                            vec![value]
                        };
                        if urls.iter().any(|u| dangerous_url(u)) {
                            fault(format!("<{tag} {attr}={value:?}>: script or data URL"));
                        }
                    }
                    if lower == "data-ttu-id"
                        || lower == "data-stu-id"
                        || value.contains("sxs-lookup")
                    {
                        fault(format!("<{tag} {attr}={value:?}>: side-by-side markup"));
                    }
                }
            }
            Node::Text(text) if !in_code => {
                for m in SXS_MARKERS {
                    if text.contains(m) {
                        fault(format!("`{m}` in text: {:?}", excerpt(text, m)));
                    }
                }
            }
            _ => {}
        }
        stack.extend(node.children().map(|c| (c, child_code, child_head)));
    }
    faults
}

fn excerpt<'a>(text: &'a str, pat: &str) -> &'a str {
    let i = text.find(pat).unwrap_or(0);
    let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
    let to = text[i..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(j, _)| i + j);
    &text[from..to]
}

/// Checks every HTML file of a built site; panics with every fault found.
pub fn assert_safe_output(out: &Path) {
    let files = html_files(out);
    assert!(!files.is_empty(), "no HTML written to {}", out.display());
    let faults: Vec<String> = files
        .iter()
        .flat_map(|(name, raw)| html_faults(name, raw, true))
        .collect();
    assert!(faults.is_empty(), "unsafe output:\n{}", faults.join("\n"));
}

/// Chooses one of the given strings.
pub fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    proptest::sample::select(items).prop_map(str::to_string)
}

/// Short text from a mix of scripts, whitespace, punctuation markdown cares about and
/// arbitrary characters (which may be multi-byte, so every slice in the code is exercised).
pub fn words() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        4 => pick(&["Zelfondersteuning", "klanten", "Поддержка", "клиентов", "zażółć gęślą", "x", " ", "  ", "\u{a0}", "1.", "a_b", "é", "日本", "🙂", "\u{200b}", "\u{feff}", "-", "|", "!", "[", "]", "(", ")", ":", "\"", "'", "&amp;", "&#x3C;", "*", "_", "~", "#", "=", "\t"]),
        1 => "[^\\\\`<>\\x00]{0,12}",
    ]
}

/// Joins generated pieces.
pub fn concat(parts: Vec<String>) -> String {
    parts.concat()
}

#[test]
fn the_output_checks_catch_what_they_should() {
    let bad = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\" java\tscript:alert(1)\">x</a>",
        "<a href=\"data:text/html,x\">x</a>",
        "<iframe src=x></iframe>",
        "<p>Lokaal<span class=\"sxs-lookup\">English</span></p>",
        "<p>&lt;span data-ttu-id=\"a\"&gt;</p>",
        "<p>spinj</p>",
    ];
    for b in bad {
        assert!(!html_faults("bad", b, false).is_empty(), "not caught: {b}");
    }
    let good = "<html><head><meta charset=\"utf-8\"><link rel=stylesheet href=\"../static/style.css\"><style>p{}</style></head><body><p title=\"javascript:x\">javascript: is text here</p><pre><code>&lt;span class=\"sxs-lookup\"&gt;</code></pre><a href=\"../y/index.html#f\">y</a><script src=\"../static/search.js\" defer></script></body></html>";
    assert_eq!(html_faults("good", good, true), Vec::<String>::new());
    assert!(
        !html_faults(
            "inline theme script",
            "<html><body><script src=\"../static/search.js\">alert(1)</script></body></html>",
            true
        )
        .is_empty()
    );
}
