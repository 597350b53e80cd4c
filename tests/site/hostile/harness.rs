//! The hostile suite's harness: bounded builds of [`Fixture`] sites, what a build reported,
//! and the safety checks every page must pass. The cases `use super::harness::*`.

pub use std::path::{Path, PathBuf};
pub use std::sync::Arc;
use std::sync::mpsc;
pub use std::time::{Duration, Instant};

pub use scraper::{ElementRef, Selector};
use signpost::BuildError;
pub use signpost::diag::{Diagnostic, Severity};

pub use crate::common::*;

/// Longest a case's build may take; longer counts as a hang.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);
/// The default stack of a spawned thread, and of rayon's workers.
pub const STACK: usize = 2 * 1024 * 1024;

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/hostile")
}

/// One hostile build at a time: the machine's cores go to the build being timed, not to the
/// other cases (the wait does not count against the limit).
pub static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` on a thread with a 2 MiB stack; fails the test if it panics or outlives TIME_LIMIT.
pub fn bounded<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> (T, Duration) {
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

/// A copy of `tests/fixtures/hostile/<case>/`.
pub fn fixture(case: &str) -> Fixture {
    Fixture::copy_of(&fixtures().join(case), case)
}

/// A site with only an empty `content/` folder, called `case` in failure messages.
pub fn empty(case: &str) -> Fixture {
    Fixture::empty(case)
}

/// Builds bounded in time and stack (see [`bounded`]).
pub trait BoundedBuild {
    fn build(&self) -> BuildReport;
    fn fails_over_previous_output(&self, change: impl FnOnce(&Fixture)) -> BuildReport;
}

impl BoundedBuild for Fixture {
    /// Builds the site into its output folder, bounded in time and stack.
    fn build(&self) -> BuildReport {
        let (root, out) = (self.root().to_path_buf(), self.out());
        let (result, elapsed) = bounded(&self.name, move || build_into(&root, &out, None));
        let (ok, diags, other) = match result {
            Ok(summary) => (true, summary.diagnostics, None),
            Err(BuildError::Failed(d)) => (false, d, None),
            // A site.yaml fault stops the build before anything else: one error, located.
            Err(BuildError::Config(e @ signpost::config::ConfigError::Invalid { .. })) => {
                (false, vec![e.into_diagnostic()], None)
            }
            Err(e) => (false, Vec::new(), Some(e.to_string())),
        };
        BuildReport {
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
    fn fails_over_previous_output(&self, change: impl FnOnce(&Fixture)) -> BuildReport {
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

pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// What one build did.
pub struct BuildReport {
    pub case: String,
    pub ok: bool,
    pub diags: Vec<Diagnostic>,
    /// A failure other than `BuildError::Failed` (site.yaml, the output folder).
    pub other: Option<String>,
    pub out: PathBuf,
    pub elapsed: Duration,
    _site: Arc<tempfile::TempDir>,
}

impl BuildReport {
    pub fn listing(&self) -> String {
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
    pub fn built(self) -> BuildReport {
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
    pub fn failed(self) -> BuildReport {
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

    pub fn errors(&self) -> Vec<&Diagnostic> {
        self.diags.iter().filter(|d| d.is_error()).collect()
    }

    pub fn warnings(&self) -> Vec<&Diagnostic> {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .collect()
    }

    /// The diagnostic of `severity` at exactly `at` (`file:line:col`) whose message has every
    /// one of `words` (ignoring case).
    pub fn expect(&self, severity: Severity, at: &str, words: &[&str]) -> &Diagnostic {
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

    pub fn error(&self, at: &str, words: &[&str]) -> &Diagnostic {
        self.expect(Severity::Error, at, words)
    }

    pub fn warning(&self, at: &str, words: &[&str]) -> &Diagnostic {
        self.expect(Severity::Warning, at, words)
    }

    /// No diagnostic of any kind mentions all of `words`.
    pub fn none_about(&self, words: &[&str]) {
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

    pub fn page(&self, site_path: &str) -> Page {
        read_page(&self.out, site_path)
    }

    pub fn exists(&self, site_path: &str) -> bool {
        self.out.join(site_path).exists()
    }

    /// Every file of the output, as (site path, bytes).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        snapshot(&self.out)
    }
}

pub fn location(d: &Diagnostic) -> String {
    d.location
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

pub fn has_words(message: &str, words: &[&str]) -> bool {
    let m = message.to_lowercase();
    words.iter().all(|w| m.contains(&w.to_lowercase()))
}

/// Attributes that hold a URL a browser may load or navigate to.
pub const URL_ATTRS: &[&str] = &[
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
pub const FORBIDDEN_IN_CONTENT: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
    "form", "style", "svg", "math", "template", "noscript",
];

pub fn squeeze(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

pub fn is_script_url(url: &str) -> bool {
    let u = squeeze(url);
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|s| u.starts_with(s))
}

/// The theme's own scripts: files from `static/`, never inline.
pub fn is_theme_script(el: &ElementRef) -> bool {
    let src = el.value().attr("src").unwrap_or("");
    let theme = ["static/signpost.js", "static/search.js", "static/tree.js"]
        .iter()
        .any(|s| src.ends_with(s));
    theme && !src.contains(':') && !src.starts_with("//") && el.text().all(|t| t.trim().is_empty())
}

pub fn in_content(el: &ElementRef) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().classes().any(|c| c == "sp-content"))
}

/// Nothing on the page can run script: see the module's rule.
pub fn assert_safe(page: &Page) {
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
pub fn content_text(page: &Page) -> String {
    let sel = Selector::parse(".sp-content").unwrap();
    let mut out = String::new();
    for el in page.html.select(&sel) {
        visible(el, &mut out);
    }
    collapse(&out)
}

/// The same for the whole page.
pub fn page_text(page: &Page) -> String {
    let mut out = String::new();
    visible(page.html.root_element(), &mut out);
    collapse(&out)
}

/// Iterative, so deeply nested pages do not overflow the test's stack.
pub fn visible(el: ElementRef, out: &mut String) {
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

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn assert_shows(page: &Page, texts: &[&str]) {
    let text = content_text(page);
    for t in texts {
        assert!(
            text.contains(t),
            "{}: the reader should see {t:?}; the body reads:\n{text}",
            page.path
        );
    }
}

pub fn assert_hides(page: &Page, texts: &[&str]) {
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
pub fn resolve_in_output(out: &Path, site_path: &str, href: &str) -> Option<PathBuf> {
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

/// Markers of files outside the site that must never reach the output.
pub const SECRETS: &[&str] = &[
    "root:x:0:0",
    "OUTSIDE-SECRET",
    "for 16-bit app support",
    "[fonts]",
];

/// No file of the output holds a secret from outside the site, or is named like one.
pub fn assert_no_secrets(o: &BuildReport) {
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
