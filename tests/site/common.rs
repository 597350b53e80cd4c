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
        let path = self.out.join(site_path);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Page {
            path: site_path.to_string(),
            html: Html::parse_document(&text),
            raw: text,
        }
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

/// Builds the site at `root` into a fresh temp folder.
pub fn build_site(root: &Path, base_url: Option<&str>) -> Result<Built, BuildError> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let opts = BuildOptions {
        root: root.to_path_buf(),
        overrides: Overrides {
            output: Some(out.clone()),
            base_url: base_url.map(str::to_string),
            no_search: false,
        },
        force: false,
    };
    build(&opts).map(|summary| Built {
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

/// A small site written from (path, text) pairs into a temp folder.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new(files: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// Copies a folder with everything in it (a test site made from the seed pages).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
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
