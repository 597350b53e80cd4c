//! Redirect rules as writers already keep them: DocFX's `.openpublishing.redirection.json`
//! files anywhere under `content/`, and a `redirect_url` front matter key on a page.
//!
//! A rule moves a page path (a slug, the same in every language) somewhere else. This stage
//! only reads and places the rules; whether their targets exist, chain or loop is decided
//! once the site is known (`crate::redirects`).

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::diag::{Diagnostic, Diagnostics, Kind, LineIndex, Location, display_path};
use crate::load::{Slug, SourcePage};

/// The front matter key that turns a page into a redirect.
pub const FRONT_MATTER_KEY: &str = "redirect_url";

/// Whether a file name is a DocFX redirection file (`.openpublishing.redirection.json`, or
/// one of the `.openpublishing.redirection.<area>.json` files big repositories split into).
pub fn is_redirection_file(name: &str) -> bool {
    name.starts_with(".openpublishing.redirection") && name.ends_with(".json")
}

/// One redirect as written: from a page path to a URL, not yet checked against the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The old page's slug, in every language.
    pub from: Slug,
    /// The old page as written (`source_path`, or the page's file), for messages.
    pub source: String,
    /// `redirect_url` as written: a docs-root path, a relative path or an absolute URL.
    pub to: String,
    /// Slug of the folder relative targets start from (the old page's folder).
    pub dir: String,
    /// Slug of the folder docs-root targets (`/a/b`) start from: the redirection file's
    /// folder inside its language folder, or the language root.
    pub docs_root: String,
    /// Where the rule's source is written (`source_path`, or the page's front matter line).
    pub from_at: Location,
    /// Where its `redirect_url` is written.
    pub to_at: Location,
    /// The page that carries the rule in its front matter; `None` for redirection files.
    pub page: Option<PathBuf>,
}

/// Reads one redirection file. `folder` is the file's folder inside a language folder
/// (`live` for `content/nl/live/x.json`), or empty for a file directly in `content/`.
pub fn read_file(root: &Path, path: &Path, folder: &str, diags: &Diagnostics) -> Vec<Rule> {
    let shown = display_path(root, path);
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            diags.push(
                Diagnostic::error(
                    Kind::Content,
                    Some(Location::new(&shown, 1, 1)),
                    "this redirection file is not valid UTF-8",
                )
                .with_hint("save it as UTF-8"),
            );
            return Vec::new();
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                Kind::Io,
                Some(Location::new(&shown, 1, 1)),
                format!("cannot read this redirection file: {e}"),
            ));
            return Vec::new();
        }
    };
    parse(&text, &shown, folder, diags)
}

/// Parses redirection-file text; `shown` is the path diagnostics name.
pub fn parse(text: &str, shown: &Path, folder: &str, diags: &Diagnostics) -> Vec<Rule> {
    let text = text.trim_start_matches('\u{feff}');
    let doc: Json = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    Kind::Content,
                    Some(Location::new(shown, e.line().max(1), e.column().max(1))),
                    format!("redirection file: {}", strip_json_position(&e.to_string())),
                )
                .with_hint(
                    "it is JSON: {\"redirections\": [{\"source_path\": \"…\", \"redirect_url\": \"…\"}]}",
                ),
            );
            return Vec::new();
        }
    };
    let Some(entries) = doc.get("redirections").and_then(Json::as_array) else {
        diags.push(
            Diagnostic::error(
                Kind::Content,
                Some(Location::new(shown, 1, 1)),
                "redirection file has no `redirections` list",
            )
            .with_hint("put the entries in {\"redirections\": [ … ]}"),
        );
        return Vec::new();
    };
    let lines = LineIndex::new(text);
    let keys = entry_keys(text);
    let at = |offset: usize| lines.location(shown, text, offset);
    let mut rules = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        // Positions come from a scan of the text; if the scan and the parser disagree about
        // the entries (they should not), the file's first line is the best we can say.
        let found = keys.get(i).filter(|_| keys.len() == entries.len());
        let key_at = |name: &str| {
            found
                .and_then(|k| k.keys.iter().find(|(n, _)| n == name))
                .map(|&(_, o)| at(o))
                .or_else(|| found.map(|k| at(k.start)))
                .unwrap_or_else(|| Location::new(shown, 1, 1))
        };
        let entry_at = found.map_or_else(|| Location::new(shown, 1, 1), |k| at(k.start));
        let Some(obj) = entry.as_object() else {
            diags.push(Diagnostic::warning(
                Kind::Content,
                Some(entry_at),
                "a redirection entry must be an object; it is skipped",
            ));
            continue;
        };
        let text_of = |key: &str| obj.get(key).and_then(Json::as_str);
        let (source, source_key) = match (text_of("source_path"), text_of("source_path_from_root"))
        {
            (Some(s), _) => (s, "source_path"),
            (None, Some(s)) => (s, "source_path_from_root"),
            (None, None) => {
                diags.push(
                    Diagnostic::warning(
                        Kind::Content,
                        Some(entry_at),
                        "redirection entry has no `source_path`; it is skipped",
                    )
                    .with_hint("name the old page: \"source_path\": \"folder/old-page.md\""),
                );
                continue;
            }
        };
        let Some(to) = text_of("redirect_url").filter(|t| !t.trim().is_empty()) else {
            diags.push(
                Diagnostic::warning(
                    Kind::Content,
                    Some(key_at(source_key)),
                    format!("redirection of `{source}` has no `redirect_url`; it is skipped"),
                )
                .with_hint("add \"redirect_url\": \"/folder/new-page\""),
            );
            continue;
        };
        if let Some(v) = obj.get("redirect_document_id")
            && !is_boolish(v)
        {
            diags.push(
                Diagnostic::warning(
                    Kind::Content,
                    Some(key_at("redirect_document_id")),
                    format!("`redirect_document_id` is `{v}`, not true or false; it is ignored"),
                )
                .with_hint("write true or false"),
            );
        }
        // Both keys name a path from the file's folder, the docset's root in DocFX.
        let joined = join(folder, source.trim_start_matches('/'));
        let Some(from) = joined.as_deref().and_then(page_slug) else {
            diags.push(
                Diagnostic::warning(
                    Kind::Content,
                    Some(key_at(source_key)),
                    format!(
                        "`{source}` is not a page path inside the language folder; it is skipped"
                    ),
                )
                .with_hint("name a .md (or .yml) file below the redirection file's folder"),
            );
            continue;
        };
        let dir = joined
            .as_deref()
            .and_then(|j| j.rsplit_once('/'))
            .map_or(String::new(), |(d, _)| d.to_string());
        rules.push(Rule {
            from,
            source: source.to_string(),
            to: to.trim().to_string(),
            dir,
            docs_root: folder.to_string(),
            from_at: key_at(source_key),
            to_at: key_at("redirect_url"),
            page: None,
        });
    }
    rules
}

/// The rule a page's `redirect_url` front matter key makes, if it has one. A value that is
/// not text is reported and the page stays a page.
pub fn from_page(page: &SourcePage, diags: &Diagnostics) -> Option<Rule> {
    let value = page.front.extra.get(FRONT_MATTER_KEY)?;
    let line = front_matter_line(&page.text[..page.body_offset], FRONT_MATTER_KEY);
    let at = Location::new(&page.path, line, 1);
    let Some(to) = value.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
        diags.push(
            Diagnostic::warning(
                Kind::FrontMatter,
                Some(at),
                format!(
                    "`{FRONT_MATTER_KEY}` must be a URL or a page path; the page is built as it is"
                ),
            )
            .with_hint("write e.g. redirect_url: ../new-page.md"),
        );
        return None;
    };
    let dir = Path::new(&page.path)
        .parent()
        .and_then(|p| {
            p.strip_prefix(Path::new("content").join(page.lang.as_str()))
                .ok()
        })
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    Some(Rule {
        from: page.slug.clone(),
        source: FRONT_MATTER_KEY.to_string(),
        to: to.to_string(),
        dir,
        docs_root: String::new(),
        from_at: at.clone(),
        to_at: at,
        page: Some(page.path.clone()),
    })
}

/// 1-based line of `key:` in a page's front matter (line 1 when not found).
fn front_matter_line(head: &str, key: &str) -> usize {
    head.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

fn is_boolish(v: &Json) -> bool {
    v.is_boolean()
        || v.as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false"))
}

/// `folder` + `/` + `rel` with `.` and `..` worked out; `None` when it climbs out.
pub fn join(folder: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The slug of a page path written with its extension (`a/b.md`, `a/index.yml`), or as a
/// URL path (`a/b`, `a/b/`). `path` is joined already ([`join`]): no `.`, `..` or empty
/// segments, `/` between them; so the slug is made from the text, as `slug_of` would make
/// it from a path, without taking the path apart (tens of thousands of rules are common).
pub fn page_slug(path: &str) -> Option<Slug> {
    let path = path.trim_end_matches('/');
    let name_at = path.rfind('/').map_or(0, |i| i + 1);
    let lower = path[name_at..].to_ascii_lowercase();
    let ext = [".md", ".yml", ".yaml"]
        .iter()
        .find(|e| lower.ends_with(*e) && lower.len() > e.len());
    let s = match ext {
        Some(e) => &path[..path.len() - e.len()],
        None => path,
    };
    let name = &s[name_at..];
    let s = if name.eq_ignore_ascii_case("index") {
        s[..name_at].trim_end_matches('/')
    } else {
        s
    };
    Some(s.to_string())
}

/// serde_json ends messages with " at line N column M"; diagnostics say where first.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Where one entry of the `redirections` list and its keys start, by byte offset.
#[derive(Debug, Default)]
struct EntryKeys {
    start: usize,
    keys: Vec<(String, usize)>,
}

/// Scans JSON text for the objects directly inside the top-level `redirections` array and
/// the keys written in each. serde_json gives values but no positions; this gives positions
/// so every warning names its line.
fn entry_keys(text: &str) -> Vec<EntryKeys> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Containers entered so far: true for objects. The list sits at depth 2 (root object,
    // then the array), its entries at depth 3.
    let mut stack: Vec<bool> = Vec::new();
    let mut in_redirections = false;
    let mut last_key: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                let mut s = String::new();
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(t) = text.get(start + 1..i) {
                    s.push_str(t);
                }
                // A string followed by `:` is a key.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    if stack.len() == 1 {
                        last_key = Some(s.clone());
                    }
                    if stack.len() == 3
                        && in_redirections
                        && let Some(e) = out.last_mut()
                    {
                        let e: &mut EntryKeys = e;
                        e.keys.push((s, start));
                    }
                }
            }
            b'{' | b'[' => {
                let is_object = bytes[i] == b'{';
                if stack.len() == 1 && !is_object {
                    in_redirections = last_key.as_deref() == Some("redirections");
                }
                if stack.len() == 2 && in_redirections {
                    out.push(EntryKeys {
                        start: i,
                        keys: Vec::new(),
                    });
                }
                stack.push(is_object);
            }
            b'}' | b']' => {
                stack.pop();
                if stack.len() == 1 {
                    in_redirections = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str, folder: &str) -> (Vec<Rule>, Vec<Diagnostic>) {
        let diags = Diagnostics::default();
        let r = parse(text, Path::new("content/nl/r.json"), folder, &diags);
        (r, diags.take_sorted())
    }

    #[test]
    fn docfx_entries_with_their_lines() {
        let text = r#"{
  "redirections": [
    {
      "source_path": "partner-center/old.md",
      "redirect_url": "/partner-center/new",
      "redirect_document_id": "TRUE"
    },
    { "source_path_from_root": "/a/index.md", "redirect_url": "https://example.org/x" },
    { "source_path": "../../out.md", "redirect_url": "/x" }
  ]
}"#;
        let (r, d) = rules(text, "live");
        assert_eq!(r.len(), 2, "{d:?}");
        assert_eq!(r[0].from, "live/partner-center/old");
        assert_eq!(r[0].to, "/partner-center/new");
        assert_eq!(r[0].docs_root, "live");
        assert_eq!((r[0].from_at.line, r[0].to_at.line), (4, 5));
        assert_eq!(r[1].from, "live/a");
        assert_eq!(r[1].to_at.line, 8);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.as_ref().unwrap().line, 9, "{d:?}");
    }

    #[test]
    fn broken_json_is_an_error_at_its_line() {
        let (r, d) = rules("{\n \"redirections\": [\n  {,}\n ]\n}", "");
        assert!(r.is_empty());
        assert!(d[0].is_error());
        assert_eq!(d[0].location.as_ref().unwrap().line, 3, "{d:?}");
    }

    #[test]
    fn slugs_of_written_paths() {
        assert_eq!(page_slug("a/b.md").as_deref(), Some("a/b"));
        assert_eq!(page_slug("a/index.yml").as_deref(), Some("a"));
        assert_eq!(page_slug("a/b/").as_deref(), Some("a/b"));
        assert_eq!(page_slug("A/Index.MD").as_deref(), Some("A"));
        assert_eq!(page_slug("index.md").as_deref(), Some(""));
        assert_eq!(page_slug("index").as_deref(), Some(""));
        assert_eq!(page_slug("a/.md").as_deref(), Some("a/.md"));
        assert_eq!(page_slug("a.b/c.d.md").as_deref(), Some("a.b/c.d"));
        // As the loader names pages' files.
        for p in [
            "a/b.md",
            "a/index.yml",
            "x/y/Index.md",
            "c.d.yaml",
            "index.md",
        ] {
            assert_eq!(
                page_slug(p).unwrap(),
                crate::load::slug_of(Path::new(p)),
                "{p}"
            );
        }
        assert_eq!(join("live", "../x.md").as_deref(), Some("x.md"));
        assert_eq!(join("", "../x.md"), None);
    }
}
