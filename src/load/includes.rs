//! Includes, a step of their own between reading pages and parsing them (as mdBook runs its
//! preprocessors): every `[!INCLUDE [title](path)]` a page or an included file names is
//! resolved and read here, once per file, and each page records every file it pulls in,
//! directly or through other includes. The parser takes included text from here and never
//! touches the disk; `serve` uses the record to redo the pages an edited include shows in.
//!
//! Finding includes here is a plain text search, so it may also find one the parser will not
//! follow (inside a code block, say): such a file is read and counted as pulled in for nothing,
//! which costs a spare rebuild at most. The parser decides what is shown, and reports cycles.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::lang::Lang;
use crate::load::SourcePage;

/// Largest file an include may pull in.
const MAX_INCLUDE_BYTES: u64 = 1024 * 1024;

/// One included file, read and split.
#[derive(Debug)]
pub struct IncludedFile {
    /// Relative to the site root, as messages show it (`content/en/includes/part.md`).
    pub path: PathBuf,
    /// The whole file, normalized like a page's text, so offsets give lines and columns.
    pub text: String,
    /// Where the body starts (front matter is never shown).
    pub body_offset: usize,
    /// The file's folder inside the language folder, `/`-separated: the folder its own
    /// links and includes are written from (empty when the file is outside that folder).
    pub dir: String,
}

impl IncludedFile {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }
}

/// What an include names.
#[derive(Debug, Clone)]
pub enum Resolved {
    File(Arc<IncludedFile>),
    /// No file inside `content/` answers the path.
    NotFound,
    /// Not a regular UTF-8 text file of at most 1 MiB (a folder, a FIFO, a binary file…).
    Unreadable,
}

/// Every include of a site, resolved, by where and how it is written.
#[derive(Debug, Default)]
pub struct Includes {
    /// By (the page's language, the folder the include is written in, the target as written).
    resolved: HashMap<(Lang, String, String), (Resolved, PathBuf)>,
}

impl Includes {
    /// The file an include written as `target` in folder `dir` of language `lang` names.
    pub fn get(&self, lang: &Lang, dir: &str, target: &str) -> &Resolved {
        static NOT_FOUND: Resolved = Resolved::NotFound;
        self.resolved
            .get(&(lang.clone(), dir.to_string(), target.to_string()))
            .map_or(&NOT_FOUND, |(r, _)| r)
    }
}

/// Whether a paragraph's source is an include directive.
pub fn is_include(src: &str) -> bool {
    src.trim_start()
        .get(..9)
        .is_some_and(|p| p.eq_ignore_ascii_case("[!include"))
}

/// The path of `[!INCLUDE [title](path)]`, as written.
pub fn target(src: &str) -> &str {
    src.find("](")
        .and_then(|s| src[s + 2..].find(')').map(|e| &src[s + 2..s + 2 + e]))
        .unwrap_or("")
        .trim()
}

/// Resolves and reads every include of `pages` and of the files they include, and sets each
/// page's [`SourcePage::includes`] to the files it pulls in (those missing too, so that
/// creating one is noticed).
pub fn gather(config: &Config, pages: &mut [SourcePage]) -> Includes {
    let mut gatherer = Gatherer {
        content: config.content_dir.canonicalize().ok(),
        content_dir: &config.content_dir,
        root: config
            .root
            .canonicalize()
            .unwrap_or_else(|_| config.root.clone()),
        includes: Includes::default(),
        scanned: HashMap::new(),
    };
    for page in pages.iter_mut() {
        if !crate::find::contains_marker(page.body(), "[!") {
            page.includes.clear();
            continue;
        }
        let dir = page.dir();
        let mut seen = BTreeSet::new();
        let mut todo: Vec<(String, String)> = targets(page.body())
            .map(|t| (dir.clone(), t.to_string()))
            .collect();
        while let Some((dir, target)) = todo.pop() {
            let (resolved, path) = gatherer.resolve(&page.lang, &dir, &target);
            if !seen.insert(path) {
                continue;
            }
            if let Resolved::File(file) = resolved {
                todo.extend(gatherer.targets_of(&page.lang, &file));
            }
        }
        page.includes = seen.into_iter().collect();
    }
    gatherer.includes
}

struct Gatherer<'a> {
    /// `content/`, canonical; `None` when it cannot be resolved (then nothing is included).
    content: Option<PathBuf>,
    content_dir: &'a Path,
    root: PathBuf,
    includes: Includes,
    /// The includes each file names, by (language, file).
    scanned: HashMap<(Lang, PathBuf), Vec<(String, String)>>,
}

impl Gatherer<'_> {
    /// Resolves an include once; returns what it names and the path it stands for.
    fn resolve(&mut self, lang: &Lang, dir: &str, target: &str) -> (Resolved, PathBuf) {
        let key = (lang.clone(), dir.to_string(), target.to_string());
        if let Some((r, p)) = self.includes.resolved.get(&key) {
            return (r.clone(), p.clone());
        }
        let found = self.read(lang, dir, target);
        self.includes.resolved.insert(key, found.clone());
        found
    }

    fn read(&self, lang: &Lang, dir: &str, target: &str) -> (Resolved, PathBuf) {
        let lang_dir = self.content_dir.join(lang.as_str());
        let written = lang_dir.join(dir).join(crate::urls::decode(target));
        let Some(content) = &self.content else {
            return (Resolved::NotFound, written);
        };
        // Where a missing file would be, spelled as the file watcher will name it.
        let lexical = || {
            content
                .join(lang.as_str())
                .join(dir)
                .join(crate::urls::decode(target))
        };
        let Some(path) = written
            .canonicalize()
            .ok()
            .filter(|p| p.starts_with(content))
        else {
            return (Resolved::NotFound, normalize_lexically(&lexical()));
        };
        // Only a regular, reasonably small file: a FIFO or device would block the build.
        let regular =
            std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_INCLUDE_BYTES);
        let Some(text) = regular
            .then(|| std::fs::read_to_string(&path).ok())
            .flatten()
        else {
            return (Resolved::Unreadable, path);
        };
        let text = super::normalize(text);
        let body_offset = super::frontmatter::split(&text).map_or(0, |s| s.body_offset);
        let own_dir = path
            .parent()
            .and_then(|p| p.strip_prefix(content.join(lang.as_str())).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let file = IncludedFile {
            path: crate::diag::display_path(&self.root, &path),
            text,
            body_offset,
            dir: own_dir,
        };
        (Resolved::File(Arc::new(file)), path)
    }

    /// The includes a file names, as (folder, target) pairs; scanned once per language.
    fn targets_of(&mut self, lang: &Lang, file: &IncludedFile) -> Vec<(String, String)> {
        self.scanned
            .entry((lang.clone(), file.path.clone()))
            .or_insert_with(|| {
                targets(file.body())
                    .map(|t| (file.dir.clone(), t.to_string()))
                    .collect()
            })
            .clone()
    }
}

/// The target of every `[!include` in a text, in any case.
fn targets(text: &str) -> impl Iterator<Item = &str> {
    memchr::memmem::find_iter(text.as_bytes(), b"[!")
        .filter(|&at| is_include(&text[at..]))
        .map(move |at| {
            // Like the paragraph the parser sees, the directive ends at a blank line.
            let rest = &text[at..];
            let end = rest.find("\n\n").unwrap_or(rest.len());
            target(&rest[..end])
        })
}

/// `a/b/../c` → `a/c`, without asking the file system (the file may not exist).
fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_found_in_any_case_and_end_at_their_paragraph() {
        let text = "a\n\n[!INCLUDE [x](one.md)]\n\n[!include[y](sub/two.md)]\n\n[!Include [broken]\n\n[z](no.md)\n";
        assert_eq!(
            targets(text).collect::<Vec<_>>(),
            vec!["one.md", "sub/two.md", ""]
        );
        assert_eq!(target("[!INCLUDE [t]( a%20b.md )]"), "a%20b.md");
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        assert_eq!(
            normalize_lexically(Path::new("/s/content/en/a/../b/./c.md")),
            PathBuf::from("/s/content/en/b/c.md")
        );
    }
}
