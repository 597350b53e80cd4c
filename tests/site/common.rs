//! Helpers: build a site into a temp folder, read its pages with an HTML parser.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use signpost::config::Overrides;
use signpost::{BuildError, BuildOptions, BuildSummary, build};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    repo().join("../shared")
}

/// A built site in a temp folder that lives as long as this value.
pub struct Built {
    pub _tmp: tempfile::TempDir,
    pub out: PathBuf,
    pub summary: BuildSummary,
}

impl Built {
    pub fn page(&self, site_path: &str) -> Page {
        read_page(&self.out, site_path)
    }

    pub fn exists(&self, site_path: &str) -> bool {
        self.out.join(site_path).exists()
    }

    /// Every HTML file of the output, by site path.
    pub fn html_files(&self) -> Vec<String> {
        walk(&self.out)
            .into_iter()
            .filter(|p| p.ends_with(".html"))
            .collect()
    }
}

/// The HTML file at `site_path` of the output folder `out`, parsed.
pub fn read_page(out: &Path, site_path: &str) -> Page {
    let path = out.join(site_path);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Page {
        path: site_path.to_string(),
        html: Html::parse_document(&text),
        raw: text,
    }
}

pub fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            out.push(
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    out.sort();
    out
}

pub struct Page {
    pub path: String,
    pub html: Html,
    pub raw: String,
}

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.html.select(&sel).collect()
    }

    pub fn text_of(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    pub fn attr(&self, css: &str, name: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    }

    /// The text a reader sees: everything but scripts, styles, code and hidden elements.
    pub fn visible_text(&self) -> String {
        let mut out = String::new();
        collect_visible(self.html.root_element(), &mut out);
        out
    }
}

fn collect_visible(el: scraper::ElementRef, out: &mut String) {
    for child in el.children() {
        if let Some(t) = child.value().as_text() {
            out.push_str(t);
        } else if let Some(e) = scraper::ElementRef::wrap(child) {
            let v = e.value();
            if matches!(v.name(), "script" | "style" | "code" | "pre" | "head")
                || v.attr("hidden").is_some()
            {
                continue;
            }
            collect_visible(e, out);
            out.push(' ');
        }
    }
}

/// Builds the site at `root` into `out`: the one place the tests call `signpost::build`.
pub fn build_into(
    root: &Path,
    out: &Path,
    base_url: Option<&str>,
) -> Result<BuildSummary, BuildError> {
    build(&BuildOptions {
        root: root.to_path_buf(),
        overrides: Overrides {
            output: Some(out.to_path_buf()),
            base_url: base_url.map(str::to_string),
            no_search: false,
        },
        force: false,
    })
}

/// Builds the site at `root` into a fresh temp folder.
pub fn build_site(root: &Path, base_url: Option<&str>) -> Result<Built, BuildError> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_into(root, &out, base_url).map(|summary| Built {
        _tmp: tmp,
        out,
        summary,
    })
}

pub fn build_ok(root: &Path, base_url: Option<&str>) -> Built {
    match build_site(root, base_url) {
        Ok(b) => b,
        Err(BuildError::Failed(d)) => panic!(
            "build failed:\n{}",
            d.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Err(e) => panic!("build failed: {e}"),
    }
}

/// A site in a temp folder: `<tmp>/site` is its root, and `<tmp>/out/public` the output
/// folder for tests that build into a place of their own (`out`). Built once, or edited and
/// built again.
pub struct Fixture {
    /// Shared with whatever a build hands back, so a site outlives the statement that built it.
    pub tmp: std::sync::Arc<tempfile::TempDir>,
    root: PathBuf,
    /// What failure messages call the site.
    pub name: String,
}

impl Fixture {
    /// A site of (path, text) pairs.
    pub fn new(files: &[(&str, &str)]) -> Fixture {
        let site = Fixture::empty("fixture");
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    /// A site with only an empty `content/` folder.
    pub fn empty(name: &str) -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        Fixture {
            tmp: std::sync::Arc::new(tmp),
            root,
            name: name.to_string(),
        }
    }

    /// A copy of the folder `from` (a site kept in `tests/fixtures/`).
    pub fn copy_of(from: &Path, name: &str) -> Fixture {
        let site = Fixture::empty(name);
        assert!(from.is_dir(), "no fixture at {}", from.display());
        for entry in walkdir::WalkDir::new(from).min_depth(1) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(from).unwrap();
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

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out/public")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Fixture {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        self
    }

    /// Removes a file and hands back its bytes, to put back later.
    pub fn take(&self, rel: &str) -> Vec<u8> {
        let p = self.path(rel);
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        std::fs::remove_file(&p).unwrap();
        bytes
    }

    #[cfg(unix)]
    pub fn symlink(&self, rel: &str, target: &str) -> &Fixture {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, &p).unwrap();
        self
    }
}

/// The default site (the repository's `content/`) built once per test run, with the base URL
/// `https://example.org/support/`, for every test that only reads its output.
pub fn default_built() -> &'static Built {
    static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| build_ok(&repo(), Some("https://example.org/support/")))
}

// ---------------------------------------------------------------------------------------------
// The shared corpus (real localized Partner Center pages) as one site.

pub const CORPUS_LANGS: [&str; 3] = ["nl", "ru", "pl"];
pub const CORPUS_BRANCHES: [&str; 2] = ["live", "live-sxs"];
/// The base URL the corpus is built with by [`corpus_built`].
pub const CORPUS_BASE_URL: &str = "https://example.org/support/";

/// `../shared/corpus`: `<lang>/<branch>/<path>.md` and its media.
pub fn corpus_dir() -> PathBuf {
    shared().join("corpus")
}

/// The corpus as a site in a temp folder: `<lang>/<branch>/…` is copied to
/// `content/<lang>/<branch>/…` (both branches side by side, so their relative links keep
/// resolving), with `languages: [nl, ru, pl]`.
pub fn corpus_source() -> Fixture {
    let site = Fixture::new(&[("site.yaml", "languages: [nl, ru, pl]\n")]);
    for lang in CORPUS_LANGS {
        for branch in CORPUS_BRANCHES {
            let from = corpus_dir().join(lang).join(branch);
            assert!(from.is_dir(), "corpus folder {} is missing", from.display());
            for rel in walk(&from) {
                let to = site
                    .root()
                    .join("content")
                    .join(lang)
                    .join(branch)
                    .join(&rel);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(from.join(&rel), &to).unwrap();
            }
        }
    }
    site
}

/// The corpus site built once per test run with [`CORPUS_BASE_URL`], for every test that only
/// reads its output.
pub fn corpus_built() -> &'static Built {
    static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| build_ok(corpus_source().root(), Some(CORPUS_BASE_URL)))
}

/// Markers of DocFX and side-by-side markup that must never reach a reader.
pub const LEAKS_IN_TEXT: &[&str] = &[
    "[!NOTE",
    "[!TIP",
    "[!IMPORTANT",
    "[!WARNING",
    "[!CAUTION",
    "[!INCLUDE",
    ":::",
    "**",
    "<!--",
];
pub const LEAKS_IN_HTML: &[&str] = &["sxs-lookup", "data-ttu-id", "data-stu-id"];

/// Where a page leaks markup, as readable lines; empty when clean.
pub fn leaks(page: &Page) -> Vec<String> {
    let text = page.visible_text();
    let mut found = Vec::new();
    for pat in LEAKS_IN_TEXT {
        if let Some(i) = text.find(pat) {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            let to = text[i..]
                .char_indices()
                .nth(40)
                .map_or(text.len(), |(j, _)| i + j);
            found.push(format!(
                "{}: `{pat}` in text: …{}…",
                page.path,
                &text[from..to]
            ));
        }
    }
    for pat in LEAKS_IN_HTML {
        if page.raw.contains(pat) {
            found.push(format!("{}: `{pat}` in HTML", page.path));
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// Tools some suites need (chromium, node, nginx, java and the Nu Html Checker).

/// The suites skipped in this run for want of a tool: (suite, tool).
static SKIPPED: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

/// Whether a test may go on with `tool` (`found` says if it is installed). In CI (`CI` set,
/// as `.ci/run` runs) a missing tool fails the test. On a developer's machine the test is
/// skipped, and when the test binary exits it prints one line naming every suite skipped and
/// the command that installs everything: libtest hides a passing test's output, so a line
/// inside the test would never be seen.
#[must_use]
pub fn require_tool(suite: &str, tool: &str, found: bool) -> bool {
    if found {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is not installed, and CI is set: .ci/run installs it ({suite})");
    }
    eprintln!("skipped: {suite}: {tool} is not installed");
    let mut skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    if skipped.is_empty() {
        print_skipped_at_exit();
    }
    skipped.push((suite.to_string(), tool.to_string()));
    false
}

/// Whether `program --version` runs.
pub fn on_path(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Registers [`skipped_notice`] to run when the process exits, after libtest's summary (the
/// test binary's `main` belongs to libtest, so the C library's exit handlers are the one
/// place left that runs after it).
fn print_skipped_at_exit() {
    unsafe extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    extern "C" fn notice() {
        if let Some(line) = skipped_notice() {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "\n{line}");
        }
    }
    // SAFETY: `atexit` is the C library's; `notice` neither unwinds (it only formats and
    // writes to stderr) nor calls `exit`.
    unsafe {
        atexit(notice);
    }
}

/// The line printed at exit: every suite skipped, by the tool it lacked.
pub fn skipped_notice() -> Option<String> {
    let skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    if skipped.is_empty() {
        return None;
    }
    let mut by_suite: Vec<String> = skipped
        .iter()
        .map(|(suite, tool)| format!("{suite} (no {tool})"))
        .collect();
    by_suite.sort();
    by_suite.dedup();
    Some(format!(
        "NOTE: skipped, tools not installed: {}. To install them and run every test: bash .ci/run",
        by_suite.join(", ")
    ))
}
