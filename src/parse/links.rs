//! Link targets in content: which page, asset or outside address a link points at.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::hashing::{FastMap, FastSet};

use crate::lang::Lang;
use crate::load::{Asset, Slug, SourcePage};
use crate::urls::{decode, decode_cow};

/// What the parser needs to know about the whole site to resolve links.
#[derive(Debug, Default)]
pub struct LinkIndex {
    /// slug → languages that have it, with the page's title there.
    pages: FastMap<Slug, BTreeMap<Lang, String>>,
    /// lowercased slug → slug, for links that differ from a file name only in case.
    folded: FastMap<String, Slug>,
    /// Asset paths relative to `content/`, with `/` separators.
    assets: FastSet<String>,
    /// Languages in the order to look for a page missing in the reader's language.
    preference: Vec<Lang>,
}

impl LinkIndex {
    pub fn new(pages: &[SourcePage], assets: &[Asset], preference: Vec<Lang>) -> Self {
        let mut index = LinkIndex {
            preference,
            ..Default::default()
        };
        for p in pages {
            let title = p.front.title.clone().unwrap_or_else(|| p.slug.clone());
            index
                .pages
                .entry(p.slug.clone())
                .or_default()
                .insert(p.lang.clone(), title);
            index.folded.insert(p.slug.to_lowercase(), p.slug.clone());
        }
        for a in assets {
            index
                .assets
                .insert(a.rel.to_string_lossy().replace('\\', "/"));
        }
        index
    }

    pub fn title(&self, lang: &Lang, slug: &str) -> Option<&str> {
        self.pages.get(slug)?.get(lang).map(String::as_str)
    }

    pub fn has_asset(&self, rel: &str) -> bool {
        self.assets.contains(rel)
    }
}

/// Where a link in content goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Left as written: `https:`, `mailto:`, a docs-root link with no configured base.
    External(String),
    /// Another page of the site, in `lang` (the reader's own, or another when theirs lacks it).
    Page {
        lang: Lang,
        slug: Slug,
        fragment: Option<String>,
    },
    /// A heading on the same page.
    Fragment(String),
    /// A file under `content/`, by its path there.
    Asset(String),
    /// Nothing in the site answers this link.
    Missing,
    /// `javascript:`, `data:` and the like: never a link in the output.
    Unsafe,
}

/// Something about a link the writer should fix, even though it resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNote {
    /// Matched a page only when ignoring letter case.
    CaseMismatch { written: String, actual: Slug },
    /// Used `\` as a path separator.
    Backslashes,
    /// Not in the page's language; linked to another language's page.
    OtherLanguage,
    /// A docs-root link (`/azure/...`) with no `docs_root_url` configured.
    DocsRootUnresolved,
}

pub struct Resolved {
    pub target: Target,
    pub notes: Vec<LinkNote>,
}

/// Resolves `dest` written in a page of `lang` whose file sits in folder `dir` (relative to
/// the language folder, `/`-separated, `` at its top).
pub fn resolve(
    index: &LinkIndex,
    lang: &Lang,
    dir: &str,
    dest: &str,
    docs_root: Option<&str>,
) -> Resolved {
    let mut notes = Vec::new();
    let dest = dest.trim();
    if is_script_like(dest) {
        return Resolved {
            target: Target::Unsafe,
            notes,
        };
    }
    if dest.is_empty() {
        return Resolved {
            target: Target::Missing,
            notes,
        };
    }
    if let Some(frag) = dest.strip_prefix('#') {
        return Resolved {
            target: Target::Fragment(decode(frag)),
            notes,
        };
    }
    if has_scheme(dest) || dest.starts_with("//") {
        return Resolved {
            target: Target::External(dest.to_string()),
            notes,
        };
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        let target = match docs_root {
            Some(root) => Target::External(format!("{root}{dest}")),
            None => {
                notes.push(LinkNote::DocsRootUnresolved);
                Target::External(dest.to_string())
            }
        };
        return Resolved { target, notes };
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(decode(f))),
        None => (dest, None),
    };
    let path_part = path_part.split_once('?').map_or(path_part, |(p, _)| p);
    let mut path = decode_cow(path_part);
    if path.contains('\\') {
        notes.push(LinkNote::Backslashes);
        path = Cow::Owned(path.replace('\\', "/"));
    }
    let Some(joined) = join(dir, &path) else {
        return Resolved {
            target: Target::Missing,
            notes,
        };
    };
    let is_page = is_md(&joined);
    if !is_page {
        let in_lang = format!("{lang}/{joined}");
        if index.has_asset(&in_lang) {
            return Resolved {
                target: Target::Asset(in_lang),
                notes,
            };
        }
        // Media often exist only in one language's folder; share them like DocFX does.
        for other in &index.preference {
            let candidate = format!("{other}/{joined}");
            if index.has_asset(&candidate) {
                return Resolved {
                    target: Target::Asset(candidate),
                    notes,
                };
            }
        }
        let dir_slug = joined.trim_end_matches('/');
        if let Some(langs) = index.pages.get(dir_slug) {
            return page_target(index, langs, lang, dir_slug.to_string(), fragment, notes);
        }
        return Resolved {
            target: Target::Missing,
            notes,
        };
    }
    let slug = page_slug(joined);
    if let Some(langs) = index.pages.get(&slug) {
        return page_target(index, langs, lang, slug, fragment, notes);
    }
    if let Some(actual) = index.folded.get(&slug.to_lowercase()) {
        notes.push(LinkNote::CaseMismatch {
            written: slug.clone(),
            actual: actual.clone(),
        });
        let langs = &index.pages[actual];
        return page_target(index, langs, lang, actual.clone(), fragment, notes);
    }
    Resolved {
        target: Target::Missing,
        notes,
    }
}

/// The page `slug`, which `langs` (its entry in the index) says which languages have.
fn page_target(
    index: &LinkIndex,
    langs: &BTreeMap<Lang, String>,
    lang: &Lang,
    slug: Slug,
    fragment: Option<String>,
    mut notes: Vec<LinkNote>,
) -> Resolved {
    let chosen = if langs.contains_key(lang) {
        lang.clone()
    } else {
        notes.push(LinkNote::OtherLanguage);
        index
            .preference
            .iter()
            .find(|l| langs.contains_key(*l))
            .or_else(|| langs.keys().next())
            .cloned()
            .unwrap_or_else(|| lang.clone())
    };
    Resolved {
        target: Target::Page {
            lang: chosen,
            slug,
            fragment,
        },
        notes,
    }
}

/// The slug a relative `.md` link names, whether or not a page has it.
pub fn would_be_slug(dir: &str, dest: &str) -> Option<Slug> {
    let path = dest.split(['#', '?']).next()?;
    let joined = join(dir, &decode(path).replace('\\', "/"))?;
    is_md(&joined).then(|| page_slug(joined))
}

/// Schemes that run code or read local files; browsers ignore whitespace and control
/// characters inside a scheme, so those are skipped before comparing.
fn is_script_like(dest: &str) -> bool {
    if !dest.contains(':') {
        return false;
    }
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

fn is_md(path: &str) -> bool {
    path.len() >= 3 && path.as_bytes()[path.len() - 3..].eq_ignore_ascii_case(b".md")
}

/// [`crate::load::slug_of`] for a joined, `/`-separated path to a `.md` file, without going
/// through `Path` (this runs for every link). The slug is a head of the path (the folder, or
/// the path without its extension), so the path's own string is cut down to it.
fn page_slug(mut joined: String) -> Slug {
    let (dir, file) = match memchr::memrchr(b'/', joined.as_bytes()) {
        Some(i) => (&joined[..i], &joined[i + 1..]),
        None => ("", joined.as_str()),
    };
    // As `Path::file_stem`: a leading dot alone does not start an extension.
    let stem = match memchr::memrchr(b'.', file.as_bytes()) {
        Some(0) | None => file,
        Some(i) => &file[..i],
    };
    let keep = match (dir.is_empty(), stem.eq_ignore_ascii_case("index")) {
        (_, true) => dir.len(),
        (true, false) => stem.len(),
        (false, false) => dir.len() + 1 + stem.len(),
    };
    joined.truncate(keep);
    joined
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) if i > 1 => dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)),
        _ => false,
    }
}

/// Joins a relative path onto a folder, resolving `.` and `..`; `None` when it climbs out of
/// the language folder or is absolute.
fn join(dir: &str, rel: &str) -> Option<String> {
    if rel.starts_with('/') || rel.contains(':') {
        return None;
    }
    // Most links name a file beside the page: nothing to resolve, the two are put together.
    let plain_dir = dir.is_empty()
        || !(dir.starts_with('/') || dir.ends_with('/') || crate::find::contains(dir, "//"));
    if plain_dir
        && !matches!(rel, "" | "." | "..")
        && memchr::memchr(b'/', rel.as_bytes()).is_none()
    {
        let mut out = String::with_capacity(dir.len() + 1 + rel.len());
        if !dir.is_empty() {
            out.push_str(dir);
            out.push('/');
        }
        out.push_str(rel);
        return Some(out);
    }
    // Built in place, `..` cutting back to the last `/`: no list of parts per link.
    let mut out = String::with_capacity(dir.len() + rel.len() + 1);
    let push = |out: &mut String, seg: &str| {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(seg);
    };
    for seg in dir.split('/').filter(|s| !s.is_empty()) {
        push(&mut out, seg);
    }
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if out.is_empty() {
                    return None;
                }
                out.truncate(out.rfind('/').unwrap_or(0));
            }
            s => push(&mut out, s),
        }
    }
    if rel.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::FrontMatter;
    use std::sync::Arc;

    fn page(lang: &str, slug: &str) -> SourcePage {
        SourcePage {
            path: format!("content/{lang}/{slug}.md").into(),
            lang: Lang::new_unchecked(lang),
            slug: slug.into(),
            text: Arc::from(""),
            body_offset: 0,
            front: FrontMatter {
                title: Some(format!("{slug} in {lang}")),
                ..Default::default()
            },
            origin: crate::load::Origin::Written,
            includes: Vec::new(),
        }
    }

    fn index() -> LinkIndex {
        let pages = vec![
            page("nl", "a"),
            page("nl", "sub/b"),
            page("en", "only-en"),
            page("nl", "2020-October"),
        ];
        let assets = vec![Asset {
            source: "x".into(),
            rel: "en/media/pic.png".into(),
        }];
        LinkIndex::new(
            &pages,
            &assets,
            vec![Lang::new_unchecked("en"), Lang::new_unchecked("nl")],
        )
    }

    fn nl() -> Lang {
        Lang::new_unchecked("nl")
    }

    #[test]
    fn relative_md_links_resolve_to_pages() {
        let idx = index();
        let r = resolve(&idx, &nl(), "sub", "../a.md#frag", None);
        assert_eq!(
            r.target,
            Target::Page {
                lang: nl(),
                slug: "a".into(),
                fragment: Some("frag".into())
            }
        );
        let r = resolve(&idx, &nl(), "", "sub/b.md", None);
        assert_eq!(
            r.target,
            Target::Page {
                lang: nl(),
                slug: "sub/b".into(),
                fragment: None
            }
        );
    }

    #[test]
    fn other_language_case_and_backslash() {
        let idx = index();
        let r = resolve(&idx, &nl(), "", "only-en.md", None);
        assert_eq!(
            r.target,
            Target::Page {
                lang: Lang::new_unchecked("en"),
                slug: "only-en".into(),
                fragment: None
            }
        );
        assert_eq!(r.notes, vec![LinkNote::OtherLanguage]);
        let r = resolve(&idx, &nl(), "", "2020-october.md", None);
        assert!(matches!(r.target, Target::Page { ref slug, .. } if slug == "2020-October"));
        let r = resolve(&idx, &nl(), "", "sub\\b.md", None);
        assert!(r.notes.contains(&LinkNote::Backslashes));
        assert!(matches!(r.target, Target::Page { .. }));
    }

    /// The shortcut for a plain file name gives what resolving part by part gives.
    #[test]
    fn joins_resolve_dots_and_empty_parts() {
        for (dir, rel, joined) in [
            ("", "a.md", Some("a.md")),
            ("x/y", "a.md", Some("x/y/a.md")),
            ("x//y/", "a.md", Some("x/y/a.md")),
            ("/x", "a.md", Some("x/a.md")),
            ("x", "../a.md", Some("a.md")),
            ("x", "./b/", Some("x/b/")),
            ("x", "..", Some("")),
            ("", "..", None),
            ("", ".", Some("")),
            ("x", "", Some("x")),
            ("", "c:d", None),
            ("", "/abs.md", None),
        ] {
            assert_eq!(join(dir, rel).as_deref(), joined, "{dir:?} + {rel:?}");
        }
    }

    #[test]
    fn page_slugs_match_the_loaders() {
        for p in [
            "a.md",
            "sub/b.md",
            "sub/index.md",
            "INDEX.MD",
            "x/.md",
            "x/..md",
            "a.b.md",
            "Ünïcode/Страница.md",
            "d/e/f.MD",
        ] {
            assert_eq!(
                page_slug(p.to_string()),
                crate::load::slug_of(std::path::Path::new(p)),
                "{p}"
            );
        }
    }

    #[test]
    fn missing_traversal_unsafe_external_assets() {
        let idx = index();
        assert_eq!(
            resolve(&idx, &nl(), "", "nope.md", None).target,
            Target::Missing
        );
        assert_eq!(
            resolve(&idx, &nl(), "", "../../../etc/passwd", None).target,
            Target::Missing
        );
        assert_eq!(
            resolve(&idx, &nl(), "", "JavaScript:alert(1)", None).target,
            Target::Unsafe
        );
        assert_eq!(
            resolve(&idx, &nl(), "", " data:text/html,x", None).target,
            Target::Unsafe
        );
        assert_eq!(
            resolve(&idx, &nl(), "", "https://x.org/a", None).target,
            Target::External("https://x.org/a".into())
        );
        assert_eq!(
            resolve(
                &idx,
                &nl(),
                "",
                "/azure/x",
                Some("https://learn.microsoft.com")
            )
            .target,
            Target::External("https://learn.microsoft.com/azure/x".into())
        );
        assert_eq!(
            resolve(&idx, &nl(), "", "media/pic.png", None).target,
            Target::Asset("en/media/pic.png".into())
        );
        assert_eq!(
            resolve(&idx, &nl(), "", "#x", None).target,
            Target::Fragment("x".into())
        );
    }
}
