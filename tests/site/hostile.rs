//! Bad and hostile input (issue 7): one small site per case, each built on its own thread with
//! the default 2 MiB stack (what rayon's workers get) and a 20 s limit. A panic, a stack
//! overflow or a hang fails the case.
//!
//! # The rule
//!
//! **A problem confined to one page's content** — a bad link, unsafe HTML, a missing image, odd
//! markup — **is rendered safely, with a warning, and the rest of the site builds.** "Safely"
//! means nothing executable reaches the output (no `<script>` of the author's, no `on*`
//! attributes, no `javascript:`, `vbscript:` or `data:` URL in any `href` or `src`, whatever
//! case, whitespace or entity tricks were used), the reader sees the text that was written
//! (template-like text such as `{{ x }}` included, never evaluated), and no file outside the
//! site's `content/` is ever read, included or copied, whatever path a link or include names.
//! Where signpost drops or changes something the author wrote, a warning names
//! `file:line:col`. Markup it can repair without losing text (an unclosed or stray `</span>`,
//! a self-closing `<span/>`, a side-by-side pair whose ids differ) is repaired quietly, as the
//! README documents.
//!
//! **A problem that makes a file unusable** — front matter that is not valid YAML (or not a
//! map, or never closed), a page that is not UTF-8, a binary or unreadable file, two files with
//! the same URL, a template error, a broken `.ftl` file, a broken decision tree, a missing
//! theme, a symbolic-link loop — **is an error: the build fails, lists every error with
//! `file:line:col`, and leaves the previous output untouched.**
//!
//! Every case also finishes in bounded time: YAML alias bombs, 10 MB pages, 10,000 headings,
//! 200-deep lists and blockquotes, include loops and FIFOs must not hang or overflow the stack.
//!
//! Cases marked `#[ignore = "bug: …"]` state the rule as it should hold; the code does not
//! meet it yet. Run them with `cargo test --test site hostile -- --ignored`.
//!
//! Readable sites live in `tests/fixtures/hostile/<case>/`; binary, non-UTF-8, BOM, CRLF and
//! large inputs are generated here into a temp folder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html, Selector};
use signpost::config::Overrides;
use signpost::diag::{Diagnostic, Severity};
use signpost::{BuildError, BuildOptions};

use crate::common::{Page, repo, walk};

/// Longest a case's build may take; longer counts as a hang.
const TIME_LIMIT: Duration = Duration::from_secs(20);
/// The default stack of a spawned thread, and of rayon's workers.
const STACK: usize = 2 * 1024 * 1024;

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/hostile")
}

// ---------------------------------------------------------------------------------------------
// Harness: bounded builds, sites in temp folders, diagnostics and safety checks.
// ---------------------------------------------------------------------------------------------

/// One hostile build at a time: the machine's cores go to the build being timed, not to the
/// other cases (the wait does not count against the limit).
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` on a thread with a 2 MiB stack; fails the test if it panics or outlives TIME_LIMIT.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> (T, Duration) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let handle = std::thread::Builder::new()
        .name(format!("hostile {what}"))
        .stack_size(STACK)
        .spawn(move || {
            let value = f();
            let _ = tx.send(value);
        })
        .expect("spawn a build thread");
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(value) => {
            let _ = handle.join();
            (value, start.elapsed())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {TIME_LIMIT:?}; a hang is a failure")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let message = match handle.join() {
                Err(payload) => payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "(no message)".into()),
                Ok(()) => "(thread ended without a result)".into(),
            };
            panic!("{what}: the build panicked: {message}")
        }
    }
}

/// A site in a temp folder: `<tmp>/site` is the root, `<tmp>/out/public` the output.
struct Site {
    /// Shared with every [`Outcome`], so a site outlives the statement that built it.
    tmp: Arc<tempfile::TempDir>,
    name: String,
}

impl Site {
    /// A copy of `tests/fixtures/hostile/<case>/`.
    fn fixture(case: &str) -> Site {
        let site = Site::empty(case);
        let from = fixtures().join(case);
        assert!(from.is_dir(), "no fixture at {}", from.display());
        for entry in walkdir::WalkDir::new(&from).min_depth(1) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&from).unwrap();
            let to = site.root().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        site
    }

    /// A site with only an empty `content/` folder.
    fn empty(name: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("site/content")).unwrap();
        Site {
            tmp: Arc::new(tmp),
            name: name.to_string(),
        }
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    fn out(&self) -> PathBuf {
        self.tmp.path().join("out/public")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Site {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        self
    }

    /// Removes a file and hands back its bytes, to put back after a good build.
    fn take(&self, rel: &str) -> Vec<u8> {
        let p = self.path(rel);
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        std::fs::remove_file(&p).unwrap();
        bytes
    }

    #[cfg(unix)]
    fn symlink(&self, rel: &str, target: &str) -> &Site {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, &p).unwrap();
        self
    }

    /// Builds the site into its output folder, bounded in time and stack.
    fn build(&self) -> Outcome {
        let opts = BuildOptions {
            root: self.root(),
            overrides: Overrides {
                output: Some(self.out()),
                base_url: None,
                no_search: false,
            },
            force: false,
        };
        let (result, elapsed) = bounded(&self.name, move || signpost::build(&opts));
        let (ok, diags, other) = match result {
            Ok(summary) => (true, summary.diagnostics, None),
            Err(BuildError::Failed(d)) => (false, d, None),
            // A site.yaml fault stops the build before anything else: one error, located.
            Err(BuildError::Config(e @ signpost::config::ConfigError::Invalid { .. })) => {
                (false, vec![e.into_diagnostic()], None)
            }
            Err(e) => (false, Vec::new(), Some(e.to_string())),
        };
        Outcome {
            case: self.name.clone(),
            ok,
            diags,
            other,
            out: self.out(),
            elapsed,
            _site: Arc::clone(&self.tmp),
        }
    }

    /// Builds the site as it is (which must succeed), applies `change`, builds again (which
    /// must fail), and checks that the first build's output is still there byte for byte,
    /// with no staging folder left behind.
    fn fails_over_previous_output(&self, change: impl FnOnce(&Site)) -> Outcome {
        self.build().built();
        let before = snapshot(&self.out());
        assert!(!before.is_empty());
        change(self);
        let outcome = self.build().failed();
        let after = snapshot(&self.out());
        let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&before),
            names(&after),
            "{}: the failed build changed the output's files",
            self.name
        );
        assert!(
            before == after,
            "{}: the failed build changed a file's bytes",
            self.name
        );
        let leftovers: Vec<String> = std::fs::read_dir(self.out().parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public")
            .collect();
        assert!(
            leftovers.is_empty(),
            "{}: left behind next to the output: {leftovers:?}",
            self.name
        );
        outcome
    }
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// What one build did.
struct Outcome {
    case: String,
    ok: bool,
    diags: Vec<Diagnostic>,
    /// A failure other than `BuildError::Failed` (site.yaml, the output folder).
    other: Option<String>,
    out: PathBuf,
    elapsed: Duration,
    _site: Arc<tempfile::TempDir>,
}

impl Outcome {
    fn listing(&self) -> String {
        let mut s = self
            .diags
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(o) = &self.other {
            s.push_str(&format!("\n(other failure) {o}"));
        }
        s
    }

    /// The build succeeded with no errors.
    fn built(self) -> Outcome {
        assert!(
            self.ok && self.errors().is_empty(),
            "{}: expected a successful build, got:\n{}",
            self.case,
            self.listing()
        );
        self
    }

    /// The build failed with a list of diagnostics (not a site.yaml or output-folder error),
    /// errors first.
    fn failed(self) -> Outcome {
        assert!(
            !self.ok,
            "{}: expected the build to fail, it succeeded with:\n{}",
            self.case,
            self.listing()
        );
        assert!(
            self.other.is_none(),
            "{}: expected a list of errors, got: {}",
            self.case,
            self.listing()
        );
        assert!(
            !self.errors().is_empty(),
            "{}: failed without an error",
            self.case
        );
        let first_non_error = self
            .diags
            .iter()
            .position(|d| !d.is_error())
            .unwrap_or(self.diags.len());
        assert!(
            self.diags[first_non_error..].iter().all(|d| !d.is_error()),
            "{}: errors must come first:\n{}",
            self.case,
            self.listing()
        );
        self
    }

    fn errors(&self) -> Vec<&Diagnostic> {
        self.diags.iter().filter(|d| d.is_error()).collect()
    }

    fn warnings(&self) -> Vec<&Diagnostic> {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .collect()
    }

    /// The diagnostic of `severity` at exactly `at` (`file:line:col`) whose message has every
    /// one of `words` (ignoring case).
    fn expect(&self, severity: Severity, at: &str, words: &[&str]) -> &Diagnostic {
        self.diags
            .iter()
            .find(|d| d.severity == severity && location(d) == at && has_words(&d.message, words))
            .unwrap_or_else(|| {
                panic!(
                    "{}: no {severity:?} at {at} with {words:?}; the build said:\n{}",
                    self.case,
                    self.listing()
                )
            })
    }

    fn error(&self, at: &str, words: &[&str]) -> &Diagnostic {
        self.expect(Severity::Error, at, words)
    }

    fn warning(&self, at: &str, words: &[&str]) -> &Diagnostic {
        self.expect(Severity::Warning, at, words)
    }

    /// No diagnostic of any kind mentions all of `words`.
    fn none_about(&self, words: &[&str]) {
        let found: Vec<String> = self
            .diags
            .iter()
            .filter(|d| has_words(&d.message, words))
            .map(ToString::to_string)
            .collect();
        assert!(
            found.is_empty(),
            "{}: unexpected diagnostics about {words:?}:\n{}",
            self.case,
            found.join("\n")
        );
    }

    fn page(&self, site_path: &str) -> Page {
        let path = self.out.join(site_path);
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {}: {e}", self.case, path.display()));
        Page {
            path: site_path.to_string(),
            html: Html::parse_document(&raw),
            raw,
        }
    }

    fn exists(&self, site_path: &str) -> bool {
        self.out.join(site_path).exists()
    }

    /// Every file of the output, as (site path, bytes).
    fn files(&self) -> Vec<(String, Vec<u8>)> {
        snapshot(&self.out)
    }
}

fn location(d: &Diagnostic) -> String {
    d.location
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn has_words(message: &str, words: &[&str]) -> bool {
    let m = message.to_lowercase();
    words.iter().all(|w| m.contains(&w.to_lowercase()))
}

/// Attributes that hold a URL a browser may load or navigate to.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "srcset",
    "lowsrc",
    "dynsrc",
    "ping",
    "manifest",
    "codebase",
    "longdesc",
    "usemap",
    "icon",
];
/// Elements no content may put on a page.
const FORBIDDEN_IN_CONTENT: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
    "form", "style", "svg", "math", "template", "noscript",
];

fn squeeze(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_script_url(url: &str) -> bool {
    let u = squeeze(url);
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|s| u.starts_with(s))
}

/// The theme's own scripts: files from `static/`, never inline.
fn is_theme_script(el: &ElementRef) -> bool {
    let src = el.value().attr("src").unwrap_or("");
    let theme = ["static/signpost.js", "static/search.js", "static/tree.js"]
        .iter()
        .any(|s| src.ends_with(s));
    theme && !src.contains(':') && !src.starts_with("//") && el.text().all(|t| t.trim().is_empty())
}

fn in_content(el: &ElementRef) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().classes().any(|c| c == "sp-content"))
}

/// Nothing on the page can run script: see the module's rule.
fn assert_safe(page: &Page) {
    let mut problems = Vec::new();
    for el in page
        .html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let v = el.value();
        let name = v.name().to_ascii_lowercase();
        let content = in_content(&el);
        if name == "script" && (content || !is_theme_script(&el)) {
            problems.push(format!("<script> {:?}", el.html()));
        }
        if content && FORBIDDEN_IN_CONTENT.contains(&name.as_str()) && name != "script" {
            problems.push(format!("<{name}> in content: {}", el.html()));
        }
        for (attr, value) in v.attrs() {
            let a = attr.to_ascii_lowercase();
            if a.starts_with("on") {
                problems.push(format!("event handler {a}={value:?} on <{name}>"));
            }
            if URL_ATTRS.contains(&a.as_str()) && is_script_url(value) {
                problems.push(format!("script URL {a}={value:?} on <{name}>"));
            }
            if a == "srcdoc" {
                problems.push(format!("srcdoc on <{name}>"));
            }
            if a == "style"
                && (squeeze(value).contains("javascript:")
                    || squeeze(value).contains("expression("))
            {
                problems.push(format!("script in style={value:?} on <{name}>"));
            }
            if a == "http-equiv" && value.eq_ignore_ascii_case("refresh") {
                problems.push(format!("meta refresh on <{name}>"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}: unsafe output:\n{}",
        page.path,
        problems.join("\n")
    );
}

/// The text a reader sees in the page body (`.sp-content`), whitespace collapsed; code and
/// `pre` count, hidden elements, scripts and styles do not.
fn content_text(page: &Page) -> String {
    let sel = Selector::parse(".sp-content").unwrap();
    let mut out = String::new();
    for el in page.html.select(&sel) {
        visible(el, &mut out);
    }
    collapse(&out)
}

/// The same for the whole page.
fn page_text(page: &Page) -> String {
    let mut out = String::new();
    visible(page.html.root_element(), &mut out);
    collapse(&out)
}

/// Iterative, so deeply nested pages do not overflow the test's stack.
fn visible(el: ElementRef, out: &mut String) {
    for node in el.descendants().skip(1) {
        if let Some(t) = node.value().as_text() {
            let shown = node
                .ancestors()
                .take_while(|a| a.id() != el.id())
                .filter_map(ElementRef::wrap)
                .all(|a| {
                    let v = a.value();
                    !matches!(v.name(), "script" | "style" | "head" | "template")
                        && v.attr("hidden").is_none()
                });
            if shown {
                out.push_str(t);
            }
        } else if node.value().is_element() {
            out.push(' ');
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_shows(page: &Page, texts: &[&str]) {
    let text = content_text(page);
    for t in texts {
        assert!(
            text.contains(t),
            "{}: the reader should see {t:?}; the body reads:\n{text}",
            page.path
        );
    }
}

fn assert_hides(page: &Page, texts: &[&str]) {
    let text = content_text(page);
    for t in texts {
        assert!(
            !text.contains(t),
            "{}: the reader should not see {t:?}; the body reads:\n{text}",
            page.path
        );
    }
}

/// Resolves a relative link from the page at `site_path` to a path in the output; `None` when
/// it climbs out of the site.
fn resolve_in_output(out: &Path, site_path: &str, href: &str) -> Option<PathBuf> {
    let path = href.split(['#', '?']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .unwrap()
        .into_owned();
    let mut parts: Vec<String> = site_path.split('/').map(str::to_string).collect();
    parts.pop();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    let mut p = out.join(parts.join("/"));
    if decoded.ends_with('/') || decoded.is_empty() {
        p = p.join("index.html");
    }
    Some(p)
}

// ---------------------------------------------------------------------------------------------
// Front matter: errors with the YAML parser's position, in the file's own lines.
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_yaml_is_an_error_at_its_position_and_keeps_the_previous_output() {
    let site = Site::fixture("fm-invalid-yaml");
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
    let o = Site::fixture("fm-tabs").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/tabs.md:3:1", &["front matter", "tab"]);
}

#[test]
fn duplicate_front_matter_key_is_an_error() {
    let o = Site::fixture("fm-duplicate-keys").build().failed();
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
    let o = Site::fixture("fm-duplicate-keys").build().failed();
    // `title:` first stands on line 4 and is repeated on line 6.
    o.error("content/en/dup.md:6:1", &["duplicate", "title"]);
}

#[test]
fn yaml_alias_bomb_fails_fast() {
    let o = Site::fixture("fm-alias-bomb").build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    let e = o.errors()[0];
    assert!(location(e).starts_with("content/en/bomb.md:"), "{e}");
    assert!(has_words(&e.message, &["front matter", "limit"]), "{e}");
    assert!(o.elapsed < Duration::from_secs(10), "took {:?}", o.elapsed);
}

#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    let site = Site::empty("fm-deep-yaml");
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
    let o = Site::fixture("fm-not-a-map").build().failed();
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
    let o = Site::fixture("fm-unclosed").build().failed();
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
    let o = Site::fixture("fm-missing").build().built();
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

// ---------------------------------------------------------------------------------------------
// Encodings and odd files.
// ---------------------------------------------------------------------------------------------

#[test]
fn bom_and_crlf_keep_line_and_column_numbers() {
    let site = Site::empty("bom-crlf");
    site.write("content/en/bom.md", b"\xef\xbb\xbf[x](nope1.md) first line\r\n\r\nline 3 [y](nope2.md)\r\n")
        .write("content/en/crlf.md", "---\r\ntitle: CRLF\r\nms.date: someday\r\n---\r\n# Heading\r\n\r\nText on line seven [z](nope3.md)\r\n\r\n> [!NOTE]\r\n> Note [w](nope4.md)\r\n")
        .write("content/en/cr.md", "---\rtitle: CR only\r---\r# H\r\rline 6 [v](nope5.md)\r")
        .write("content/en/bom-front.md", b"\xef\xbb\xbf---\r\ntitle: BOM title\r\n---\r\n# Body\r\n");
    let o = site.build().built();
    o.warning("content/en/bom.md:1:1", &["broken link", "nope1.md"]);
    o.warning("content/en/bom.md:3:8", &["broken link", "nope2.md"]);
    o.warning("content/en/crlf.md:3:1", &["ms.date", "not a date"]);
    o.warning("content/en/crlf.md:7:20", &["broken link", "nope3.md"]);
    o.warning("content/en/crlf.md:10:8", &["broken link", "nope4.md"]);
    o.warning("content/en/cr.md:6:8", &["broken link", "nope5.md"]);
    for (slug, title) in [
        ("bom", "bom"),
        ("crlf", "CRLF"),
        ("cr", "CR only"),
        ("bom-front", "BOM title"),
    ] {
        let page = o.page(&format!("en/{slug}/index.html"));
        assert!(
            page.text_of("title")[0].starts_with(title),
            "{slug}: {:?}",
            page.text_of("title")
        );
        assert!(
            !page.raw.contains('\u{feff}') && !page.raw.contains('\r'),
            "{slug}: BOM or CR in the output"
        );
        assert_safe(&page);
    }
    assert_eq!(
        o.page("en/crlf/index.html").select(".sp-alert-note").len(),
        1
    );
}

#[test]
fn crlf_and_bom_front_matter_errors_have_the_lf_position() {
    let lf = "---\ntitle: Bad page\ndescription: [never closed\nauthor: someone\n---\n# Bad page\n";
    let site = Site::empty("crlf-yaml-error");
    site.write("content/en/lf.md", lf)
        .write("content/en/crlf.md", lf.replace('\n', "\r\n"))
        .write(
            "content/en/bom-crlf.md",
            format!("\u{feff}{}", lf.replace('\n', "\r\n")),
        );
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 3, "{}", o.listing());
    for f in ["lf", "crlf", "bom-crlf"] {
        o.error(&format!("content/en/{f}.md:4:7"), &["front matter"]);
    }
}

#[test]
fn non_utf8_page_is_an_error_at_the_first_bad_byte_and_keeps_the_previous_output() {
    let site = Site::empty("latin-1");
    site.write("content/en/good.md", "# Good\n");
    let o = site.fails_over_previous_output(|s| {
        // Latin-1 `é` (0xE9) on line 6, after `Caf`.
        s.write(
            "content/en/latin.md",
            b"---\ntitle: Latin\n---\n# Latin\n\nCaf\xe9 au lait\n",
        );
        // An overlong `/` and a UTF-16 surrogate written as UTF-8 are not UTF-8 either.
        s.write("content/en/overlong.md", b"# Overlong\n\nab\xc0\xaf\n");
        s.write("content/en/surrogate.md", b"# S\n\xed\xa0\x80\n");
    });
    assert_eq!(o.errors().len(), 3, "{}", o.listing());
    o.error("content/en/latin.md:6:4", &["not valid UTF-8"]);
    o.error("content/en/overlong.md:3:3", &["not valid UTF-8"]);
    o.error("content/en/surrogate.md:2:1", &["not valid UTF-8"]);
}

#[test]
fn binary_file_with_md_name_is_an_error() {
    let site = Site::empty("binary");
    let mut png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
            .to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    site.write("content/en/picture.md", png)
        .write("content/en/good.md", "# Good\n");
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/picture.md:1:1", &["not a text file"]);
}

#[test]
fn empty_and_blank_files_build() {
    let site = Site::empty("empty");
    site.write("content/en/empty-page.md", "")
        .write("content/en/blank.md", "\n\n   \n\t\n");
    let o = site.build().built();
    assert!(o.page("en/empty-page/index.html").text_of("title")[0].starts_with("empty page"));
    assert!(o.page("en/blank/index.html").text_of("title")[0].starts_with("blank"));
}

#[test]
fn page_larger_than_32_mib_is_refused_without_reading_it() {
    let site = Site::empty("huge");
    site.write("content/en/good.md", "# Good\n");
    let f = std::fs::File::create(site.path("content/en/huge.md")).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/huge.md:1:1", &["larger than 32 MiB"]);
}

/// A 10 MB page of ordinary DocFX markup: headings, links, bold, code, lists, alerts and
/// side-by-side table cells; `link` is the target of its many links.
fn ten_mb_page(link: &str) -> (String, usize) {
    let mut text = String::from("---\ntitle: Big\n---\n# Big page\n\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&format!(
            "## Section {n}\n\nSome text with a [link]({link}) and **bold** and `code`, then a list:\n\n- one\n- two\n  - nested {n}\n\n\
             > [!NOTE]\n> A note {n}.\n\n| a | b |\n|---|---|\n| <span data-ttu-id=\"x{n}\">Cel {n}</span><span class=\"sxs-lookup\"><span data-stu-id=\"x{n}\">Cell {n}</span></span> | 2 |\n\n"
        ));
        n += 1;
    }
    (text, n)
}

fn assert_10_mb_page_builds(case: &str, link: &str) {
    let (text, n) = ten_mb_page(link);
    let site = Site::empty(case);
    site.write("content/nl/big.md", &text)
        .write("content/nl/other.md", "# Top\n");
    let o = site.build().built();
    let raw = std::fs::read_to_string(o.out.join("nl/big/index.html")).unwrap();
    assert!(raw.len() > 10 * 1024 * 1024, "{} bytes", raw.len());
    let last = n - 1;
    assert!(
        raw.contains(&format!(r#"<h2 id="section-{last}">Section {last}</h2>"#)),
        "the last section is missing"
    );
    assert!(raw.contains(&format!("Cel {last}")));
    o.none_about(&["broken link"]);
    o.none_about(&["no heading or anchor"]);
}

#[test]
fn page_of_10_mb_builds_in_bounded_time() {
    assert_10_mb_page_builds("10mb", "other.md");
}

#[test]
fn page_of_10_mb_with_fragment_links_builds_in_bounded_time() {
    assert_10_mb_page_builds("10mb-fragments", "other.md#top");
}

// ---------------------------------------------------------------------------------------------
// Big and deep structure: unique ids, no stack overflow.
// ---------------------------------------------------------------------------------------------

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
    let site = Site::empty("10k-headings");
    site.write("content/en/headings.md", text);
    let o = site.build().built();
    assert_unique_heading_ids(&o.page("en/headings/index.html"), 10_000);
}

#[test]
fn ten_thousand_identical_headings_get_unique_ids_quickly() {
    let site = Site::empty("10k-same-headings");
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
    let site = Site::empty("deep-lists");
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
    let site = Site::empty("deep-quotes");
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
    let site = Site::empty("deep-divs");
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
    let site = Site::empty("many-broken-links");
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
    let site = Site::empty("sxs-one-line-table");
    site.write("site.yaml", "languages: [nl]\n").write(
        "content/nl/t.md",
        format!("# T\n\n<table>{cells}</table>\n\nNa de tabel.\n"),
    );
    let o = site.build().built();
    let page = o.page("nl/t/index.html");
    assert_shows(&page, &["Cel 9999", "Na de tabel."]);
    assert_hides(&page, &["Cell 9999"]);
}

// ---------------------------------------------------------------------------------------------
// Odd markup: repaired or shown safely.
// ---------------------------------------------------------------------------------------------

#[test]
fn unbalanced_and_self_closing_spans_are_repaired() {
    let o = Site::fixture("odd-spans").build().built();
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
    let o = Site::fixture("odd-spans").build().built();
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
    let o = Site::fixture("odd-spans").build().built();
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
    let site = Site::empty("sxs-emphasis");
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
    let site = Site::empty("sxs-emphasis-inside");
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
    let o = Site::fixture("unclosed-comment").build().built();
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
    let o = Site::fixture("unclosed-comment").build().built();
    o.warning("content/en/comment.md:6:1", &["comment"]);
    let page = o.page("en/comment/index.html");
    assert_hides(&page, &["## After heading"]);
}

#[test]
fn stray_raw_text_tags_are_safe() {
    let o = Site::fixture("stray-raw-text").build().built();
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
    let o = Site::fixture("stray-raw-text").build().built();
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

// ---------------------------------------------------------------------------------------------
// Script: never reaches the output.
// ---------------------------------------------------------------------------------------------

#[test]
fn unsafe_markdown_links_are_removed_with_a_warning_each() {
    let o = Site::fixture("unsafe-links").build().built();
    let page = o.page("en/links/index.html");
    assert_safe(&page);
    let expected = [
        ("6:4", "javascript:alert(1)"),
        ("7:4", "JaVaScRiPt:alert(2)"),
        ("8:4", "javascript:alert(3)"),
        ("9:4", "ascript:alert(4)"),
        ("10:4", "javascript:alert(5)"),
        ("11:4", "javascript:alert(6)"),
        ("12:4", "data:text/html"),
        ("13:4", "vbscript:msgbox(8)"),
        ("14:4", "javascript:alert(9)"),
        ("15:5", "javascript:alert(10)"),
        ("16:5", "file:///etc/passwd"),
    ];
    for (at, dest) in expected {
        o.warning(&format!("content/en/links.md:{at}"), &["unsafe link", dest]);
    }
    assert_shows(
        &page,
        &[
            "plain one",
            "mixed case two",
            "leading space three",
            "entity tab four",
            "entity letters five",
            "colon entity six",
            "data seven",
            "vbscript eight",
            "reference ten",
            "file eleven",
            "safe twelve",
        ],
    );
    assert_eq!(
        page.attr(".sp-content a", "href"),
        vec!["https://example.org/".to_string()]
    );
}

#[test]
fn unsafe_raw_html_links_lose_their_href() {
    let o = Site::fixture("unsafe-raw-html").build().built();
    let page = o.page("en/raw/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "raw one",
            "raw two",
            "raw three",
            "raw four",
            "raw five",
            "raw six",
            "raw seven",
            "raw eight",
            "raw nine",
            "raw ten",
            "raw eleven",
            "raw twelve",
            "Text after the links.",
        ],
    );
    assert_eq!(
        page.attr(".sp-content a[href]", "href"),
        vec!["https://example.org/".to_string()]
    );
}

#[test]
fn unsafe_images_are_removed_and_their_description_shown() {
    let o = Site::fixture("unsafe-images").build().built();
    let page = o.page("en/images/index.html");
    assert_safe(&page);
    for at in ["6:1", "8:1", "10:1", "12:1"] {
        o.warning(&format!("content/en/images.md:{at}"), &["unsafe image"]);
    }
    let missing = page.text_of(".sp-image-missing");
    for alt in [
        "markdown script image",
        "markdown data image",
        "directive script image",
        "directive \"quoted\" image",
    ] {
        assert!(
            missing.iter().any(|m| m.ends_with(alt)),
            "{alt:?} not among {missing:?}"
        );
    }
    assert_eq!(
        page.attr(".sp-content img[alt='real image']", "src"),
        vec!["../../en/media/pixel.svg".to_string()]
    );
    assert_shows(&page, &["Text after the images."]);
}

#[test]
fn scripts_and_event_handlers_never_reach_the_page() {
    let o = Site::fixture("script-tags").build().built();
    let page = o.page("en/scripts/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "Inline and done.",
            "bold",
            "div text",
            "button text",
            "Note with inside.",
            "cell",
            "Heading text",
            "link in list",
            "title attribute",
            "Final words stay.",
        ],
    );
    assert_eq!(page.select(".sp-content h2").len(), 1);
}

#[test]
fn unsafe_raw_html_is_reported() {
    let o = Site::fixture("script-tags").build().built();
    o.warning("content/en/scripts.md:6:1", &["script"]);
    let raw = Site::fixture("unsafe-raw-html").build().built();
    raw.warning("content/en/raw.md:6:1", &["javascript"]);
}

#[test]
fn mutation_xss_payloads_stay_inert() {
    let o = Site::fixture("mxss").build().built();
    let page = o.page("en/mxss/index.html");
    assert_safe(&page);
    assert_shows(&page, &["encoded", "Closing words."]);
    // Whatever the payloads turned into, nothing the reader can see carries a live handler.
    assert!(page.select(".sp-content img[onerror]").is_empty());
}

#[test]
fn hostile_side_by_side_originals_stay_inert_in_the_translation_and_the_rebuilt_english() {
    let o = Site::fixture("side-by-side-hostile").build().built();
    let nl = o.page("nl/sxs/index.html");
    assert_safe(&nl);
    assert_shows(
        &nl,
        &[
            "Eerste zin.",
            "Tweede zin.",
            "Derde zin.",
            "Vierde zin.",
            "Slot.",
        ],
    );
    assert_hides(&nl, &["First", "Second", "Third", "Fourth"]);
    let en = o.page("en/sxs/index.html");
    assert_safe(&en);
    assert_shows(
        &en,
        &[
            "First sentence.",
            "Second link sentence.",
            "Third sentence.",
            "Fourth raw sentence.",
            "Fifth {{ 7*7 }} sentence.",
        ],
    );
}

#[test]
fn hostile_front_matter_values_are_escaped() {
    let o = Site::fixture("hostile-front-matter").build().built();
    let a = o.page("en/a/index.html");
    let b = o.page("en/b/index.html");
    let home = o.page("en/index.html");
    for p in [&a, &b, &home] {
        assert_safe(p);
    }
    assert!(
        a.text_of("title")[0].starts_with("<script>alert(1)</script> Title"),
        "{:?}",
        a.text_of("title")
    );
    assert_eq!(
        a.text_of("article h1"),
        vec!["<script>alert(1)</script> Title".to_string()]
    );
    assert_eq!(
        a.attr("meta[name=description]", "content"),
        vec![r#""><img src=x onerror=alert(2)> description"#.to_string()]
    );
    // An empty link takes the target's title, as text.
    assert_eq!(
        a.text_of(".sp-content a"),
        vec!["<img src=x onerror=alert(5)> B title".to_string()]
    );
    let home_text = page_text(&home);
    assert!(
        home_text.contains("<script>alert(1)</script> Title")
            && home_text.contains(r#"<a href="javascript:alert(6)">described</a>"#),
        "{home_text}"
    );
}

#[test]
fn template_syntax_in_content_is_shown_as_written() {
    let o = Site::fixture("template-syntax").build().built();
    let page = o.page("en/curly/index.html");
    assert_safe(&page);
    assert_shows(
        &page,
        &[
            "Curly {{ 7*7 }} heading",
            r#"Body with {{ 7*7 }} and {% include "base.html" %} and {# a comment #} and {{CorrelationId}}."#,
            "Second {% raw %} heading {{ page }}",
            "{{ code }}",
            "{% for x in y %}{{ x }}{% endfor %}",
            r#"A note about {{ t(key="site-title") }}."#,
            "{{ a }}",
            "{% b %}",
            "{{ c }}",
            "{%- d -%}",
        ],
    );
    assert!(
        !content_text(&page).contains("49"),
        "a template expression was evaluated"
    );
    assert!(page.text_of("title")[0].starts_with("Curly {{ 7*7 }} title {% if true %}"));
    assert_eq!(
        page.attr("meta[name=description]", "content"),
        vec!["{{ config }} and {% include 'base.html' %}".to_string()]
    );
    assert_eq!(
        page.text_of(".sp-toc a"),
        vec!["Second {% raw %} heading {{ page }}".to_string()]
    );
}

#[test]
fn hostile_ui_strings_are_escaped_and_bounded() {
    let o = Site::fixture("hostile-ui-strings").build().built();
    let page = o.page("en/a/index.html");
    assert_safe(&page);
    assert_eq!(
        page.text_of(".sp-brand"),
        vec!["<script>alert(1)</script> Site".to_string()]
    );
    assert_eq!(
        page.text_of(".sp-alert-title"),
        vec!["<img src=x onerror=alert(2)> Note".to_string()]
    );
    assert_eq!(
        page.text_of("#sp-toc-title"),
        vec![r#"<a href="javascript:alert(3)">On this page</a>"#.to_string()]
    );
    // Ten levels of ten references would be ten billion `lol`s; Fluent stops early.
    assert!(page.raw.len() < 200_000, "{} bytes", page.raw.len());
    assert!(page_text(&page).contains("Made with lol"));
}

#[test]
fn ui_string_that_cannot_be_formatted_is_reported() {
    let o = Site::fixture("hostile-ui-strings").build().built();
    let found = o.diags.iter().any(|d| {
        location(d).starts_with("locales/en/hostile.ftl:")
            && (d.message.contains("skip-to-content") || d.message.contains("cycle"))
    });
    assert!(
        found,
        "no diagnostic names the cyclic UI string:\n{}",
        o.listing()
    );
    assert!(!page_text(&o.page("en/a/index.html")).contains("{cycle-a}"));
}

// ---------------------------------------------------------------------------------------------
// Paths: nothing outside content/ is read, included or copied.
// ---------------------------------------------------------------------------------------------

/// Markers of files outside the site that must never reach the output.
const SECRETS: &[&str] = &[
    "root:x:0:0",
    "OUTSIDE-SECRET",
    "for 16-bit app support",
    "[fonts]",
];

fn assert_no_secrets(o: &Outcome) {
    for (path, bytes) in o.files() {
        let text = String::from_utf8_lossy(&bytes);
        for s in SECRETS {
            assert!(!text.contains(s), "{}: {path} contains {s:?}", o.case);
        }
        let name = path.rsplit('/').next().unwrap_or("");
        assert!(
            !["passwd", "win.ini", "outside.md", "outside-secret.txt"].contains(&name),
            "{}: {path} was copied",
            o.case
        );
    }
}

#[test]
fn link_targets_outside_the_site_are_never_read_or_copied() {
    let o = Site::fixture("path-traversal").build().built();
    assert_no_secrets(&o);
    let page = o.page("en/docs/traversal/index.html");
    assert_safe(&page);
    let f = "content/en/docs/traversal.md";
    o.warning(&format!("{f}:6:1"), &["broken link", "../../../etc/passwd"]);
    o.warning(&format!("{f}:7:1"), &["docs-root link", "/etc/passwd"]);
    o.warning(&format!("{f}:8:1"), &["broken link", "win.ini"]);
    o.warning(&format!("{f}:9:1"), &["broken link", "passwd"]);
    o.warning(&format!("{f}:10:1"), &["unsafe link", "file:///etc/passwd"]);
    o.warning(&format!("{f}:11:1"), &["broken link", "%2e%2e/"]);
    o.warning(&format!("{f}:12:1"), &["broken link", "C:/Windows/win.ini"]);
    o.warning(&format!("{f}:13:1"), &["broken link", "secret.md"]);
    o.warning(
        &format!("{f}:14:1"),
        &["broken link", "../../../outside.md"],
    );
    o.warning(&format!("{f}:16:1"), &["image", "not found"]);
    o.warning(&format!("{f}:18:1"), &["image", "not found"]);
    o.warning(&format!("{f}:20:1"), &["image", "not found"]);
    let unavailable = page.text_of(".sp-link-unavailable");
    for t in [
        "up three",
        "windows",
        "backslashes",
        "encoded",
        "forward windows",
        "unc",
        "to the site root",
    ] {
        assert!(
            unavailable.contains(&t.to_string()),
            "{t:?} not among {unavailable:?}"
        );
    }
    assert_eq!(page.text_of(".sp-image-missing").len(), 3);
    // Links the parser made never climb out of the site.
    // Links the parser made never climb out of the site (raw HTML is not rewritten).
    for href in page
        .attr(".sp-content a[href]", "href")
        .into_iter()
        .chain(page.attr(".sp-content img[src]", "src"))
    {
        if href.starts_with("../") && href != "../../../../etc/passwd" {
            assert!(
                resolve_in_output(&o.out, "en/docs/traversal/index.html", &href).is_some(),
                "{href} climbs out of the site"
            );
        }
    }
    assert_shows(&page, &["Text after the links."]);
}

#[test]
fn includes_outside_content_are_never_included() {
    let o = Site::fixture("include-traversal").build().built();
    assert_no_secrets(&o);
    let page = o.page("en/docs/includes/index.html");
    assert_safe(&page);
    let f = "content/en/docs/includes.md";
    for (line, target) in [
        (6, "../../../../etc/passwd"),
        (8, "/etc/passwd"),
        (10, "%2e%2e/"),
        (12, "win.ini"),
        (14, "../../../outside.md"),
    ] {
        o.warning(
            &format!("{f}:{line}:1"),
            &["include", target, "not found inside content/"],
        );
    }
    assert_shows(
        &page,
        &[
            "Snippet text from content/shared.",
            "Text after the includes.",
        ],
    );
    assert_hides(&page, &["[!INCLUDE", "title: Snippet"]);
}

#[test]
fn include_bomb_is_bounded() {
    let o = Site::fixture("include-bomb").build().built();
    let page = o.page("en/page/index.html");
    assert_shows(&page, &["Loop text.", "Text after the bomb."]);
    assert!(
        o.warnings()
            .iter()
            .any(|d| location(d).starts_with("content/en/includes/loop.md:")
                || location(d).starts_with("content/en/page.md:6:1")),
        "the loop is not reported:\n{}",
        o.listing()
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_in_content_are_skipped_without_hanging() {
    let site = Site::empty("fifo-files");
    site.write("content/en/a.md", "# A\n");
    std::fs::create_dir_all(site.path("content/en/media")).unwrap();
    if !mkfifo(&site.path("content/en/pipe.md")) || !mkfifo(&site.path("content/en/media/pipe.png"))
    {
        eprintln!(
            "note: mkfifo is not available; skipping fifos_and_devices_in_content_are_skipped_without_hanging"
        );
        return;
    }
    site.symlink("content/en/zero.md", "/dev/zero");
    let o = site.build().built();
    assert!(o.exists("en/a/index.html"));
    assert!(
        !o.exists("en/pipe/index.html")
            && !o.exists("en/zero/index.html")
            && !o.exists("en/media/pipe.png")
    );
}

#[cfg(unix)]
#[test]
fn include_of_a_fifo_does_not_hang() {
    let site = Site::empty("include-fifo");
    site.write(
        "content/en/a.md",
        "# A\n\n[!INCLUDE [pipe](includes/pipe.md)]\n\nAfter.\n",
    );
    std::fs::create_dir_all(site.path("content/en/includes")).unwrap();
    if !mkfifo(&site.path("content/en/includes/pipe.md")) {
        eprintln!("note: mkfifo is not available; skipping include_of_a_fifo_does_not_hang");
        return;
    }
    let o = site.build();
    let at = "content/en/a.md:3:1";
    assert!(
        o.diags
            .iter()
            .any(|d| location(d) == at && d.message.contains("include")),
        "{}",
        o.listing()
    );
}

#[test]
fn included_file_with_bom_and_crlf_hides_its_front_matter() {
    let site = Site::empty("include-bom");
    site.write(
        "content/en/a.md",
        "# A\n\n[!INCLUDE [i](includes/bom.md)]\n\nAfter.\n",
    )
    .write(
        "content/en/includes/bom.md",
        "\u{feff}---\r\ntitle: Included\r\nms.topic: include\r\n---\r\nIncluded body text.\r\n",
    );
    let o = site.build().built();
    let page = o.page("en/a/index.html");
    assert_shows(&page, &["Included body text.", "After."]);
    assert_hides(&page, &["ms.topic", "title: Included"]);
    assert!(!page.raw.contains('\u{feff}'));
}

#[test]
fn names_with_spaces_cyrillic_and_emoji_get_working_urls() {
    let o = Site::fixture("unicode-names").build().built();
    for p in [
        "en/my page/index.html",
        "en/my folder/inner page/index.html",
        "en/😀 emoji/index.html",
        "en/страница/index.html",
        "en/папка/файл/index.html",
        "ru/страница/index.html",
        "en/media/a picture.svg",
    ] {
        assert!(o.exists(p), "{p} is missing");
    }
    o.none_about(&["broken link"]);
    o.none_about(&["not found"]);
    let mut checked = 0;
    for site_path in [
        "en/index.html",
        "en/my page/index.html",
        "en/my folder/inner page/index.html",
        "en/😀 emoji/index.html",
        "en/страница/index.html",
        "en/папка/файл/index.html",
        "ru/страница/index.html",
    ] {
        let page = o.page(site_path);
        assert_safe(&page);
        assert!(
            page.select(".sp-link-unavailable").is_empty(),
            "{site_path}"
        );
        let links = page
            .attr(".sp-content a[href]", "href")
            .into_iter()
            .chain(page.attr(".sp-content img[src]", "src"));
        for href in links {
            let target = resolve_in_output(&o.out, site_path, &href)
                .unwrap_or_else(|| panic!("{site_path}: {href} climbs out of the site"));
            assert!(
                target.is_file(),
                "{site_path}: {href} leads to {}, which does not exist",
                target.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "only {checked} links checked");
    // The fragment survives encoding and names a real heading.
    let home = o.page("en/index.html");
    assert!(
        home.attr(".sp-content a", "href")
            .iter()
            .any(|h| h.ends_with("inner%20page/index.html#section-two"))
    );
}

// ---------------------------------------------------------------------------------------------
// Files that cannot be used: errors, the old output stays.
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn files_in_a_linked_folder_outside_content_are_skipped() {
    let site = Site::empty("linked-folder");
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
    let site = Site::empty("symlink-loop");
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
    let site = Site::empty("unreadable");
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
    let site = Site::fixture("duplicate-url");
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
    let o = Site::fixture("unknown-language").build().built();
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
    let site = Site::fixture("ftl-syntax-error");
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
    let site = Site::fixture("missing-theme");
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
    let o = Site::fixture("missing-theme").build().failed();
    o.error("site.yaml:2:1", &["theme", "nope"]);
}

#[test]
fn theme_cannot_name_a_folder_outside_themes() {
    let o = Site::fixture("theme-outside").build();
    assert_no_secrets(&o);
    assert!(!o.ok, "a theme outside themes/ was used");
    o.error("site.yaml:2:1", &["theme"]);
}

fn template_error_outcome(case: &str) -> Outcome {
    let site = Site::fixture(case);
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
    let o = Site::fixture("template-unknown-filter").build().failed();
    o.error("templates/page.html:4:15", &["no_such_filter"]);
    let o = Site::fixture("template-syntax-error").build().failed();
    o.error("templates/page.html:4:7", &["expected"]);
}

#[test]
fn template_render_error_in_a_theme_is_an_error() {
    let o = Site::fixture("template-error-in-theme").build().failed();
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
    let o = Site::fixture("template-error-in-theme").build().failed();
    o.error(
        "themes/corporate/templates/page.html:4:7",
        &["no-such-ui-string"],
    );
}

#[test]
fn broken_decision_tree_is_an_error_at_its_position() {
    let site = Site::fixture("broken-tree");
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
    let o = Site::fixture("tree-loop").build().failed();
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
    let site = Site::fixture("tree-loop");
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
    let site = Site::empty("site-yaml-latin-1");
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
fn many_errors_site() -> Site {
    let site = Site::fixture("many-errors");
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
