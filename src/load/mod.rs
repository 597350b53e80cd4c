//! Stage 1, load: walk `content/`, read each page and split off its front matter.
//!
//! A page that cannot be read or whose front matter is broken is reported and left out;
//! the other pages still load, so one build lists every fault.

pub mod frontmatter;
pub mod includes;
pub mod redirects;
pub mod theme;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location, display_path};
use crate::lang::{Lang, looks_like_lang_code};
pub use frontmatter::{FrontMatter, TranslationType};

/// A page's path inside its language folder, without `.md`: `a/b` for `content/nl/a/b.md`,
/// and the empty string for `content/nl/index.md`.
pub type Slug = String;

/// One markdown file, read and split.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path relative to the site root, as messages show it (`content/ru/x.md`).
    pub path: PathBuf,
    pub lang: Lang,
    pub slug: Slug,
    /// The whole file, BOM removed and line endings normalized to LF, so byte offsets into it
    /// give the same line and column as the file on disk.
    pub text: Arc<str>,
    pub body_offset: usize,
    pub front: FrontMatter,
    pub origin: Origin,
    /// Every file the page's includes pull in, directly or through other includes, and the
    /// paths of those that are missing (set by [`includes::gather`]).
    pub includes: Vec<PathBuf>,
}

/// Where a page's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file under `content/`.
    Written,
    /// English rebuilt from the side-by-side originals of this language's translation.
    Reconstructed { from: Lang },
}

impl SourcePage {
    /// Whether the text carries side-by-side English originals.
    pub fn has_side_by_side(&self) -> bool {
        self.origin == Origin::Written && crate::find::contains(&self.text, "sxs-lookup")
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// The folder of the page's file inside its language folder, `/`-separated, which its
    /// links and includes are written from (`a/index.md` has slug `a` and folder `a`).
    pub fn dir(&self) -> String {
        let is_index = self
            .path
            .file_stem()
            .is_some_and(|s| s.eq_ignore_ascii_case("index"));
        if is_index {
            return self.slug.clone();
        }
        self.slug
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| dir.to_string())
    }
}

/// A file under `content/` that is not a page (images and other media), copied as is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Path relative to `content/`, which is also its path in the output.
    pub rel: PathBuf,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub pages: Vec<SourcePage>,
    pub assets: Vec<Asset>,
    /// Rules from the redirection files under `content/` (not from pages' front matter).
    pub redirects: Vec<redirects::Rule>,
}

/// Largest page we read; bigger files are refused rather than risking the build's memory.
const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

pub fn load(config: &Config, diags: &Diagnostics) -> Loaded {
    let root = &config.root;
    crate::progress::stage("reading", 0);
    // Pages are read while the walk goes on: one worker at a time takes the walk's next file
    // (the walk itself is one sequence of system calls), the others read what it found.
    let found: Vec<(Found, Option<SourcePage>)> = ContentWalk::new(config, diags)
        .par_bridge()
        .map(|found| {
            let page = match &found {
                Found::Page { path, lang, slug } => {
                    read_page(root, path, lang.clone(), slug.clone(), diags)
                }
                Found::Asset(_) | Found::Redirects { .. } => None,
            };
            if matches!(found, Found::Page { .. }) {
                crate::progress::tick();
            }
            (found, page)
        })
        .collect();
    let mut found = found;
    // Back to the walk's order (by file name, folder by folder), whatever order the workers
    // finished in: duplicates are reported against the first file, as a reader sees them.
    found.sort_by(|a, b| a.0.path().cmp(b.0.path()));
    let mut md_files = Vec::new();
    let (mut pages, mut assets, mut redirect_files) = (Vec::new(), Vec::new(), Vec::new());
    for (f, page) in found {
        match f {
            Found::Page { path, lang, slug } => md_files.push((path, lang, slug)),
            Found::Asset(a) => assets.push(a),
            Found::Redirects { path, folder } => redirect_files.push((path, folder)),
        }
        pages.extend(page);
    }
    report_duplicate_slugs(root, &md_files, diags);
    let redirects = redirect_files
        .par_iter()
        .flat_map_iter(|(path, folder)| redirects::read_file(root, path, folder, diags))
        .collect();
    Loaded {
        pages,
        assets,
        redirects,
    }
}

/// A file the walk found in a language folder.
enum Found {
    Page {
        path: PathBuf,
        lang: Lang,
        slug: Slug,
    },
    Asset(Asset),
    /// A DocFX redirection file; `folder` is its folder inside the language folder.
    Redirects {
        path: PathBuf,
        folder: String,
    },
}

impl Found {
    fn path(&self) -> &Path {
        match self {
            Found::Page { path, .. } | Found::Redirects { path, .. } => path,
            Found::Asset(a) => &a.source,
        }
    }
}

/// The walk over `content/`, yielding the pages and assets of its language folders and
/// reporting what it skips.
struct ContentWalk<'a> {
    entries: walkdir::IntoIter,
    config: &'a Config,
    diags: &'a Diagnostics,
    /// linked[d]: the folder entered at depth d+1 was reached through a symbolic link, itself
    /// or above. Folders come before what they hold, so this replaces an lstat per ancestor.
    linked: Vec<bool>,
}

impl<'a> ContentWalk<'a> {
    fn new(config: &'a Config, diags: &'a Diagnostics) -> ContentWalk<'a> {
        let entries = walkdir::WalkDir::new(&config.content_dir)
            .follow_links(true)
            .sort_by_file_name()
            .min_depth(1)
            .into_iter();
        ContentWalk {
            entries,
            config,
            diags,
            linked: Vec::new(),
        }
    }

    /// What one entry of the walk is; `None` for folders and whatever is skipped.
    fn classify(&mut self, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Found> {
        let (config, diags, root) = (self.config, self.diags, &self.config.root);
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| display_path(root, p));
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop; this folder is skipped".to_string()
                } else {
                    format!(
                        "cannot read: {}",
                        e.io_error().map_or(e.to_string(), ToString::to_string)
                    )
                };
                diags.push(
                    Diagnostic::error(Kind::Io, path.map(|p| Location::new(p, 1, 1)), message)
                        .with_hint("remove the link or fix the file's permissions"),
                );
                return None;
            }
        };
        let through_link =
            entry.depth() > 1 && self.linked.get(entry.depth() - 2).copied().unwrap_or(false);
        if entry.file_type().is_dir() {
            self.linked.truncate(entry.depth() - 1);
            self.linked.push(through_link || entry.path_is_symlink());
            return None;
        }
        if !entry.file_type().is_file() {
            return None;
        }
        // A link may point anywhere on the machine; only what really lies in content/ is used.
        if entry.path_is_symlink() || through_link {
            let inside = match (
                entry.path().canonicalize(),
                config.content_dir.canonicalize(),
            ) {
                (Ok(p), Ok(c)) => p.starts_with(c),
                _ => false,
            };
            if !inside {
                diags.push(
                    Diagnostic::warning(
                        Kind::Io,
                        Some(Location::new(display_path(root, entry.path()), 1, 1)),
                        "skipped: a symbolic link to a file outside content/",
                    )
                    .with_hint("copy the file into content/ instead of linking it"),
                );
                return None;
            }
        }
        let rel = entry
            .path()
            .strip_prefix(&config.content_dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        let mut parts = rel.components();
        let first = parts
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("")
            .to_string();
        let in_lang_folder = parts.next().is_some();
        if entry
            .file_name()
            .to_str()
            .is_some_and(redirects::is_redirection_file)
        {
            // Directly in content/, a file speaks for every language folder's root.
            let folder = if in_lang_folder {
                rel.parent()
                    .and_then(|p| p.strip_prefix(&first).ok())
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            if in_lang_folder && config.lang(&first).is_none() {
                return None;
            }
            return Some(Found::Redirects {
                path: entry.into_path(),
                folder,
            });
        }
        let is_md = rel
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
        if !in_lang_folder {
            // Top-level files (the decision tree, shared data) belong to other stages.
            return None;
        }
        let Some(lang) = config.lang(&first).cloned() else {
            if is_md && entry.depth() == 2 {
                report_unknown_language(config, &first, diags);
            }
            return None;
        };
        if is_md {
            let slug = slug_of(rel.strip_prefix(&first).unwrap_or(&rel));
            crate::progress::more(1);
            Some(Found::Page {
                path: entry.into_path(),
                lang,
                slug,
            })
        } else {
            Some(Found::Asset(Asset {
                source: entry.into_path(),
                rel,
            }))
        }
    }
}

impl Iterator for ContentWalk<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let entry = self.entries.next()?;
            if let Some(found) = self.classify(entry) {
                return Some(found);
            }
        }
    }
}

/// The language and slug of a markdown file under `content/<lang>/`, if it is a page.
pub fn locate(config: &Config, path: &Path) -> Option<(Lang, Slug)> {
    let rel = path.strip_prefix(&config.content_dir).ok()?;
    if !rel
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
    {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_str()?;
    let lang = config.lang(first)?.clone();
    let inner = rel.strip_prefix(first).ok()?;
    Some((lang, slug_of(inner)))
}

/// Reads one page again (for `serve`); `None` when it is gone or broken (reported).
pub fn read_one(config: &Config, path: &Path, diags: &Diagnostics) -> Option<SourcePage> {
    let (lang, slug) = locate(config, path)?;
    if !path.is_file() {
        return None;
    }
    read_page(&config.root, path, lang, slug, diags)
}

fn report_unknown_language(config: &Config, folder: &str, diags: &Diagnostics) {
    let langs: Vec<&str> = config.languages.iter().map(Lang::as_str).collect();
    let hint = if looks_like_lang_code(folder) {
        format!(
            "add `{folder}` to `languages` in site.yaml (now: {})",
            langs.join(", ")
        )
    } else {
        format!("put pages under a language folder: {}", langs.join(", "))
    };
    diags.push(
        Diagnostic::warning(
            Kind::Config,
            Some(Location::new(Path::new("content").join(folder), 1, 1)),
            format!("`content/{folder}` is not a language of this site; its pages are skipped"),
        )
        .with_hint(hint),
    );
}

/// `a/b.md` → `a/b`; `a/index.md` → `a`; `index.md` → ``.
pub fn slug_of(rel: &Path) -> Slug {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        let stem = Path::new(last.as_str())
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        *last = stem;
    }
    if parts
        .last()
        .is_some_and(|l| l.eq_ignore_ascii_case("index"))
    {
        parts.pop();
    }
    parts.join("/")
}

fn report_duplicate_slugs(root: &Path, files: &[(PathBuf, Lang, Slug)], diags: &Diagnostics) {
    let mut seen: BTreeMap<(&Lang, &str), &Path> = BTreeMap::new();
    for (path, lang, slug) in files {
        if let Some(first) = seen.insert((lang, slug.as_str()), path) {
            diags.push(
                Diagnostic::error(
                    Kind::Content,
                    Some(Location::new(display_path(root, path), 1, 1)),
                    format!(
                        "this page has the same URL /{lang}/{slug}/ as {}",
                        display_path(root, first).display()
                    ),
                )
                .with_hint("rename or remove one of the two files"),
            );
        }
    }
}

/// Reads one page; `None` (with a diagnostic) when it cannot be used at all.
fn read_page(
    root: &Path,
    path: &Path,
    lang: Lang,
    slug: Slug,
    diags: &Diagnostics,
) -> Option<SourcePage> {
    let shown = display_path(root, path);
    let at_start = || Some(Location::new(&shown, 1, 1));
    let bytes = match read_bounded(path) {
        Ok(Some(b)) => b,
        Ok(None) => {
            diags.push(
                Diagnostic::error(
                    Kind::Content,
                    at_start(),
                    format!("page is larger than {} MiB", MAX_PAGE_BYTES >> 20),
                )
                .with_hint("split it into several pages"),
            );
            return None;
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(Kind::Io, at_start(), format!("cannot read this file: {e}"))
                    .with_hint("check that the file exists and is readable"),
            );
            return None;
        }
    };
    if memchr::memchr(0, &bytes).is_some() {
        diags.push(
            Diagnostic::error(
                Kind::Content,
                at_start(),
                "this is not a text file (it contains NUL bytes)",
            )
            .with_hint("only markdown text belongs in a .md file; rename or remove it"),
        );
        return None;
    }
    let Some(text) = utf8(&bytes) else {
        let offset = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |t| t.len());
        let valid = String::from_utf8_lossy(&bytes[..offset]).into_owned();
        diags.push(
            Diagnostic::error(
                Kind::Content,
                Some(Location::at_offset(&shown, &valid, offset)),
                "this file is not valid UTF-8",
            )
            .with_hint("save the file as UTF-8 (most editors offer it under 'Save with encoding')"),
        );
        return None;
    };
    // The page's text is kept shared, so it is copied once anyway: straight from the bytes
    // read when it needs no normalizing.
    let text: Arc<str> = match normalized(text) {
        Some(changed) => Arc::from(changed),
        None => Arc::from(text),
    };
    let split = match frontmatter::split(&text) {
        Ok(s) => s,
        Err(frontmatter::SplitError::Unclosed) => {
            diags.push(
                Diagnostic::error(
                    Kind::FrontMatter,
                    at_start(),
                    "front matter starts with `---` but never ends",
                )
                .with_hint("add a line with `---` after the last front matter key"),
            );
            return None;
        }
    };
    let (front, warnings) = match split.yaml.map(frontmatter::parse) {
        None => (FrontMatter::default(), Vec::new()),
        Some(Ok(parsed)) => parsed,
        Some(Err(e)) => {
            diags.push(
                Diagnostic::error(
                    Kind::FrontMatter,
                    Some(Location::new(&shown, e.line + split.yaml_line - 1, e.column)),
                    format!("front matter: {}", e.message),
                )
                .with_hint(e.hint.unwrap_or_else(|| {
                    "front matter is YAML: `key: value` lines; quote values that contain `: ` or start with a special character".to_string()
                })),
            );
            return None;
        }
    };
    for w in warnings {
        diags.push(
            Diagnostic::warning(
                Kind::FrontMatter,
                Some(Location::new(&shown, w.yaml_line + split.yaml_line - 1, 1)),
                w.message,
            )
            .with_hint("write dates as MM/DD/YYYY"),
        );
    }
    let body_offset = split.body_offset;
    Some(SourcePage {
        path: shown,
        lang,
        slug,
        text,
        body_offset,
        front,
        origin: Origin::Written,
        includes: Vec::new(),
    })
}

/// The file's bytes, or `None` when it is over [`MAX_PAGE_BYTES`]; one open and one stat.
fn read_bounded(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_PAGE_BYTES {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // The size can change under us; never read past the limit whatever it says now.
    file.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_PAGE_BYTES).then_some(bytes))
}

/// Removes a UTF-8 BOM and turns CRLF/CR line endings into LF. Line numbers stay the same.
pub(crate) fn normalize(text: String) -> String {
    normalized(&text).unwrap_or(text)
}

/// `text` without its BOM and with LF line endings, or `None` when it already is so (most
/// pages: one byte search tells).
fn normalized(text: &str) -> Option<String> {
    let bom = text.strip_prefix('\u{feff}');
    let rest = bom.unwrap_or(text);
    if memchr::memchr(b'\r', rest.as_bytes()).is_some() {
        Some(rest.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        bom.map(str::to_string)
    }
}

/// The bytes as text when they are valid UTF-8, checked with SIMD: a page's bytes are all
/// checked, and the standard library's check was 3 % of a build's instructions.
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_paths() {
        assert_eq!(
            slug_of(Path::new("customer-self-support.md")),
            "customer-self-support"
        );
        assert_eq!(slug_of(Path::new("a/b.md")), "a/b");
        assert_eq!(slug_of(Path::new("a/index.md")), "a");
        assert_eq!(slug_of(Path::new("index.md")), "");
    }

    #[test]
    fn normalizes_bom_and_crlf() {
        assert_eq!(
            normalize("\u{feff}---\r\na: b\r\n---\r\n".into()),
            "---\na: b\n---\n"
        );
    }
}
