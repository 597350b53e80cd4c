//! The shared corpus (real localized Partner Center pages) as one site.
//!
//! `../shared/corpus/<lang>/<branch>/<path>.md` is copied to `content/<lang>/<branch>/<path>.md`
//! of one temp site (both branches side by side, so their relative links keep resolving) and
//! built once. Expectations are derived from the markdown sources themselves (alert markers,
//! `<a name>` anchors, side-by-side spans, `:::image` alt texts, relative `.md` links), so the
//! tests follow the corpus rather than hard-coded counts.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use crate::common::*;

const LANGS: [&str; 3] = ["nl", "ru", "pl"];
const BRANCHES: [&str; 2] = ["live", "live-sxs"];
const BASE_URL: &str = "https://example.org/support/";

/// One markdown file of the corpus.
struct Source {
    lang: String,
    branch: String,
    /// Path under the branch folder: `partner-center/announcements/TOC.md`.
    rel: String,
    text: String,
}

impl Source {
    /// `content/nl/live/partner-center/x.md`, as diagnostics name it.
    fn content_path(&self) -> String {
        format!("content/{}/{}/{}", self.lang, self.branch, self.rel)
    }

    /// The page's path inside its language folder, without `.md`: `live/partner-center/x`.
    fn slug(&self) -> String {
        format!("{}/{}", self.branch, self.rel.strip_suffix(".md").unwrap_or(&self.rel))
    }

    /// Where the page must land in the output.
    fn site_path(&self) -> String {
        format!("{}/{}/index.html", self.lang, self.slug())
    }
}

struct Corpus {
    built: Built,
    sources: Vec<Source>,
    /// What the tests read from each output HTML file, by site path: every file is parsed
    /// once (html5ever is slow in debug builds), in parallel.
    facts: BTreeMap<String, Facts>,
}

impl Corpus {
    fn sources(&self, lang: &str, branch: &str) -> impl Iterator<Item = &Source> {
        let (lang, branch) = (lang.to_string(), branch.to_string());
        self.sources.iter().filter(move |s| s.lang == lang && s.branch == branch)
    }

    /// The facts of the page built from `src`.
    fn page(&self, src: &Source) -> &Facts {
        let path = src.site_path();
        self.facts.get(&path).unwrap_or_else(|| panic!("{path} was not built"))
    }
}

/// One output HTML file, read once.
struct Facts {
    /// `Page::visible_text`, whitespace folded.
    visible: String,
    /// `common::leaks`, less the `**` the source escaped on purpose (see `escaped_stars`).
    leaks: Vec<String>,
    /// Every `id` attribute in document order, with its element's tag name.
    ids: Vec<(String, String)>,
    /// Ids of `.sp-content` headings, in document order.
    heading_ids: Vec<String>,
    /// `<a name>` left inside `.sp-content` headings.
    anchors_in_headings: usize,
    /// `href` of links in `.sp-content`.
    content_hrefs: Vec<String>,
    /// Every `href`/`src` of `a`, `link`, `img`, `script` in the file.
    refs: Vec<String>,
    /// `.sp-content .sp-alert`: (kind from the `sp-alert-<kind>` class, `.sp-alert-title` text).
    alerts: Vec<(String, Option<String>)>,
    /// `.sp-content .sp-image-missing` texts, whitespace folded.
    missing_images: Vec<String>,
}

fn read_facts(built: &Built, path: &str, source: Option<&Source>) -> Facts {
    let page = built.page(path);
    let mut leak_list = leaks(&page);
    if leak_list.iter().any(|l| l.contains("`**`")) {
        if let Some(src) = source {
            let snippets = escaped_stars(&strip_originals(&src.text));
            if !snippets.is_empty() {
                let mut raw = page.raw.clone();
                for s in &snippets {
                    raw = raw.replace(s.as_str(), &s.replace("**", ""));
                }
                let excused = Page { path: page.path.clone(), html: scraper::Html::parse_document(&raw), raw };
                leak_list = leaks(&excused);
            }
        }
    }
    let text = |e: &scraper::ElementRef| e.text().collect::<String>();
    let title_sel = scraper::Selector::parse(".sp-alert-title").unwrap();
    Facts {
        visible: norm(&page.visible_text()),
        leaks: leak_list,
        ids: page.select("[id]").iter().map(|e| (e.value().attr("id").unwrap().to_string(), e.value().name().to_string())).collect(),
        heading_ids: page.attr(".sp-content :is(h1, h2, h3, h4, h5, h6)", "id"),
        anchors_in_headings: page.select(".sp-content :is(h1, h2, h3, h4, h5, h6) a[name]").len(),
        content_hrefs: page.attr(".sp-content a[href]", "href"),
        refs: page.attr("a[href], link[href]", "href").into_iter().chain(page.attr("img[src], script[src]", "src")).collect(),
        alerts: page
            .select(".sp-content .sp-alert")
            .iter()
            .map(|a| {
                let kind = a.value().classes().find_map(|c| c.strip_prefix("sp-alert-")).unwrap_or("?").to_string();
                (kind, a.select(&title_sel).next().map(|t| text(&t).trim().to_string()))
            })
            .collect(),
        missing_images: page.select(".sp-content .sp-image-missing").iter().map(|e| norm(&text(e))).collect(),
    }
}

fn read_all_facts(built: &Built, sources: &[Source]) -> BTreeMap<String, Facts> {
    let by_path: HashMap<String, &Source> = sources.iter().map(|s| (s.site_path(), s)).collect();
    let files = built.html_files();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let by_path = &by_path;
                scope.spawn(move || {
                    part.iter().map(|p| (p.clone(), read_facts(built, p, by_path.get(p).copied()))).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}

fn corpus_dir() -> std::path::PathBuf {
    shared().join("corpus")
}

/// The corpus, arranged as one site and built once for all tests here.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let src = tempfile::tempdir().unwrap();
        std::fs::write(src.path().join("site.yaml"), "languages: [nl, ru, pl]\n").unwrap();
        let mut sources = Vec::new();
        for lang in LANGS {
            for branch in BRANCHES {
                let from = corpus_dir().join(lang).join(branch);
                assert!(from.is_dir(), "corpus folder {} is missing", from.display());
                for rel in walk(&from) {
                    let to = src.path().join("content").join(lang).join(branch).join(&rel);
                    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                    std::fs::copy(from.join(&rel), &to).unwrap();
                    if rel.ends_with(".md") {
                        let text = std::fs::read_to_string(from.join(&rel)).unwrap();
                        sources.push(Source { lang: lang.into(), branch: branch.into(), rel, text });
                    }
                }
            }
        }
        let built = build_ok(src.path(), Some(BASE_URL));
        // The sources are in memory; the copied site is no longer needed.
        drop(src);
        let facts = read_all_facts(&built, &sources);
        Corpus { built, sources, facts }
    })
}

// ---------------------------------------------------------------------------------------------
// Reading the markdown sources (no regex crate here: small hand-written scanners).

/// 1-based (line number, line) pairs outside fenced code blocks.
fn lines_outside_fences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start().trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let t = t.trim_start_matches(|c: char| c == '-' || c == '*' || c.is_ascii_digit() || c == '.' || c == ' ');
        let fence_char = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = fence_char.map_or(0, |c| t.chars().take_while(|x| *x == c).count());
        match (fence, fence_char) {
            (None, Some(c)) if run >= 3 => fence = Some((c, run)),
            (Some((c, n)), Some(d)) if c == d && run >= n && t[run * c.len_utf8()..].trim().is_empty() => fence = None,
            (None, _) => out.push((i + 1, line)),
            _ => {}
        }
    }
    out
}

/// The kind of a DocFX alert marker starting this line: `> [!NOTE]`, `>[!Note]`, `   > [!TIP]`.
fn alert_marker(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    let t = t.strip_prefix('>')?;
    let t = t.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    let rest = t.strip_prefix("[!")?;
    let end = rest.find(']')?;
    match rest[..end].to_ascii_lowercase().as_str() {
        "note" => Some("note"),
        "tip" => Some("tip"),
        "important" => Some("important"),
        "warning" => Some("warning"),
        "caution" => Some("caution"),
        _ => None,
    }
}

/// The label each alert kind gets, per language (locales/<lang>/ui.ftl).
fn alert_label(lang: &str, kind: &str) -> &'static str {
    match (lang, kind) {
        ("nl", "note") => "Opmerking",
        ("nl", "tip") => "Tip",
        ("nl", "important") => "Belangrijk",
        ("nl", "warning") => "Waarschuwing",
        ("nl", "caution") => "Let op",
        ("ru", "note") => "Примечание",
        ("ru", "tip") => "Совет",
        ("ru", "important") => "Важно",
        ("ru", "warning") => "Предупреждение",
        ("ru", "caution") => "Внимание",
        ("pl", "note") => "Uwaga",
        ("pl", "tip") => "Porada",
        ("pl", "important") => "Ważne",
        ("pl", "warning") => "Ostrzeżenie",
        ("pl", "caution") => "Przestroga",
        _ => panic!("no label for {lang}/{kind}"),
    }
}

fn image_missing_label(lang: &str) -> &'static str {
    match lang {
        "nl" => "Afbeelding:",
        "ru" => "Изображение:",
        "pl" => "Obraz:",
        _ => panic!("{lang}"),
    }
}

/// `X` of a heading line `## <a name="X"></a>Text`.
fn heading_anchor(line: &str) -> Option<String> {
    let t = line.strip_prefix("   ").or_else(|| line.strip_prefix("  ")).or_else(|| line.strip_prefix(' ')).unwrap_or(line);
    let hashes = t.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("<a name=\"")?;
    let end = rest.find('"')?;
    let after = rest[end + 1..].trim_start().strip_prefix('>')?;
    after.trim_start().starts_with("</a>").then(|| rest[..end].to_string())
}

/// The value of `name="…"` inside `s`.
fn attr_value(s: &str, name: &str) -> Option<String> {
    let at = s.find(&format!("{name}=\""))?;
    let rest = &s[at + name.len() + 2..];
    Some(rest[..rest.find('"')?].to_string())
}

/// `(localized, english)` segments of a side-by-side page:
/// `<span data-ttu-id="x">L</span><span class="sxs-lookup"><span data-stu-id="x">E</span></span>`.
fn sxs_pairs(text: &str) -> Vec<(String, String)> {
    const OPEN: &str = "<span data-ttu-id=\"";
    const MID: &str = "</span><span class=\"sxs-lookup\"><span data-stu-id=\"";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        rest = &rest[i + OPEN.len()..];
        let Some(id_end) = rest.find("\">") else { break };
        let id = &rest[..id_end];
        let body = &rest[id_end + 2..];
        let Some(mid) = body.find(MID) else { continue };
        let localized = &body[..mid];
        let after = &body[mid + MID.len()..];
        let Some(after) = after.strip_prefix(id).and_then(|a| a.strip_prefix("\">")) else { continue };
        let Some(end) = after.find("</span></span>") else { continue };
        let english = &after[..end];
        if !localized.contains("<span") && !english.contains("<span") {
            out.push((localized.to_string(), english.to_string()));
        }
    }
    out
}

/// `text` without the English originals (`<span class="sxs-lookup">…</span></span>`).
fn strip_originals(text: &str) -> String {
    const OPEN: &str = "<span class=\"sxs-lookup\">";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = rest.find("</span></span>").map_or("", |e| &rest[e + "</span></span>".len()..]);
    }
    out.push_str(rest);
    out
}

/// What escaped asterisks (`\*\*Leeg laten\*\*`) in a source show: CommonMark prints them as
/// written, so these `**` are the writer's, not leaked markup. Each snippet is the `**` with
/// a few plain characters of its neighbourhood, so only those very asterisks are excused.
fn escaped_stars(source: &str) -> Vec<String> {
    let stop = |c: char| "<>|*\\[]()\n\"&'\u{a0}".contains(c);
    let mut out = Vec::new();
    for (i, _) in source.match_indices("\\*\\*") {
        let after: String = source[i + 4..].chars().take_while(|c| !stop(*c)).take(30).collect();
        let before: String = source[..i].chars().rev().take_while(|c| !stop(*c)).take(30).collect::<Vec<_>>().into_iter().rev().collect();
        if after.trim().chars().count() >= 3 {
            out.push(format!("**{}", after.trim_end()));
        } else if before.trim().chars().count() >= 3 {
            out.push(format!("{}**", before.trim_start()));
        }
    }
    out
}

/// Text markdown shows exactly as written: no emphasis, links, code, HTML, entities, escapes.
fn is_plain(s: &str) -> bool {
    !s.contains(['*', '_', '[', ']', '`', '<', '>', '&', '\\', '|', '~', '#']) && !s.contains(":::")
}

/// Whitespace runs (including NBSP and newlines) folded to one space.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&nbsp;", "\u{a0}").replace("&amp;", "&")
}

/// Destinations of inline markdown links `[text](dest "title")` in one line.
fn md_link_dests(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let dest: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != ')').collect();
        if !dest.is_empty() {
            out.push(dest);
        }
    }
    out
}

/// `dir` + `rel` with `.` and `..` resolved; `None` when it climbs above `dir`'s root.
fn join_path(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
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

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The output file a relative `href` on the page at `site_path` names (`index.html` for
/// folder links); `None` when it climbs out of the site.
fn resolve_href(site_path: &str, href: &str) -> Option<String> {
    let target = href.split(['#', '?']).next().unwrap_or("");
    let dir = Path::new(site_path).parent().map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/"));
    let mut file = join_path(&dir, &percent_decode(target))?;
    if target.is_empty() || target.ends_with('/') {
        file = if file.is_empty() { "index.html".into() } else { format!("{file}/index.html") };
    }
    Some(file)
}

fn is_relative(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    !(href.is_empty()
        || href.starts_with('#')
        || href.starts_with('/')
        || lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:"))
}

fn first_30(list: &[String]) -> String {
    let mut s = list.iter().take(30).cloned().collect::<Vec<_>>().join("\n");
    if list.len() > 30 {
        s.push_str(&format!("\n… and {} more", list.len() - 30));
    }
    s
}

