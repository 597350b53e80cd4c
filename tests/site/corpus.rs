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
        format!(
            "{}/{}",
            self.branch,
            self.rel.strip_suffix(".md").unwrap_or(&self.rel)
        )
    }

    /// Where the page must land in the output.
    fn site_path(&self) -> String {
        format!("{}/{}/index.html", self.lang, self.slug())
    }
}

struct Corpus {
    built: &'static Built,
    sources: Vec<Source>,
    /// What the tests read from each output HTML file, by site path: every file is parsed
    /// once (html5ever is slow in debug builds), in parallel.
    facts: BTreeMap<String, Facts>,
}

impl Corpus {
    fn sources(&self, lang: &str, branch: &str) -> impl Iterator<Item = &Source> {
        let (lang, branch) = (lang.to_string(), branch.to_string());
        self.sources
            .iter()
            .filter(move |s| s.lang == lang && s.branch == branch)
    }

    /// The facts of the page built from `src`.
    fn page(&self, src: &Source) -> &Facts {
        let path = src.site_path();
        self.facts
            .get(&path)
            .unwrap_or_else(|| panic!("{path} was not built"))
    }
}

/// One output HTML file, read once.
struct Facts {
    /// `Page::visible_text`, whitespace folded.
    visible: String,
    /// `common::leaks`.
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

fn read_facts(built: &Built, path: &str) -> Facts {
    let page = built.page(path);
    let text = |e: &scraper::ElementRef| e.text().collect::<String>();
    let title_sel = scraper::Selector::parse(".sp-alert-title").unwrap();
    Facts {
        visible: norm(&page.visible_text()),
        leaks: leaks(&page),
        ids: page
            .select("[id]")
            .iter()
            .map(|e| {
                (
                    e.value().attr("id").unwrap().to_string(),
                    e.value().name().to_string(),
                )
            })
            .collect(),
        heading_ids: page.attr(".sp-content :is(h1, h2, h3, h4, h5, h6)", "id"),
        anchors_in_headings: page
            .select(".sp-content :is(h1, h2, h3, h4, h5, h6) a[name]")
            .len(),
        content_hrefs: page.attr(".sp-content a[href]", "href"),
        refs: page
            .attr("a[href], link[href]", "href")
            .into_iter()
            .chain(page.attr("img[src], script[src]", "src"))
            .collect(),
        alerts: page
            .select(".sp-content .sp-alert")
            .iter()
            .map(|a| {
                let kind = a
                    .value()
                    .classes()
                    .find_map(|c| c.strip_prefix("sp-alert-"))
                    .unwrap_or("?")
                    .to_string();
                (
                    kind,
                    a.select(&title_sel)
                        .next()
                        .map(|t| text(&t).trim().to_string()),
                )
            })
            .collect(),
        missing_images: page
            .select(".sp-content .sp-image-missing")
            .iter()
            .map(|e| norm(&text(e)))
            .collect(),
    }
}

fn read_all_facts(built: &Built) -> BTreeMap<String, Facts> {
    let files = built.html_files();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| (p.clone(), read_facts(built, p)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

/// The corpus, built once for all tests (shared with the search tests), with its sources.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut sources = Vec::new();
        for lang in CORPUS_LANGS {
            for branch in CORPUS_BRANCHES {
                let from = corpus_dir().join(lang).join(branch);
                for rel in walk(&from).into_iter().filter(|r| r.ends_with(".md")) {
                    let text = std::fs::read_to_string(from.join(&rel)).unwrap();
                    sources.push(Source {
                        lang: lang.into(),
                        branch: branch.into(),
                        rel,
                        text,
                    });
                }
            }
        }
        let built = corpus_built();
        let facts = read_all_facts(built);
        Corpus {
            built,
            sources,
            facts,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Reading the markdown sources (no regex crate here: small hand-written scanners).

/// 1-based (line number, line) pairs outside fenced code blocks.
fn lines_outside_fences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line
            .trim_start()
            .trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let t = t.trim_start_matches(|c: char| {
            c == '-' || c == '*' || c.is_ascii_digit() || c == '.' || c == ' '
        });
        let fence_char = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = fence_char.map_or(0, |c| t.chars().take_while(|x| *x == c).count());
        match (fence, fence_char) {
            (None, Some(c)) if run >= 3 => fence = Some((c, run)),
            (Some((c, n)), Some(d))
                if c == d && run >= n && t[run * c.len_utf8()..].trim().is_empty() =>
            {
                fence = None
            }
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
    let t = line
        .strip_prefix("   ")
        .or_else(|| line.strip_prefix("  "))
        .or_else(|| line.strip_prefix(' '))
        .unwrap_or(line);
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
    after
        .trim_start()
        .starts_with("</a>")
        .then(|| rest[..end].to_string())
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
        let Some(id_end) = rest.find("\">") else {
            break;
        };
        let id = &rest[..id_end];
        let body = &rest[id_end + 2..];
        let Some(mid) = body.find(MID) else { continue };
        let localized = &body[..mid];
        let after = &body[mid + MID.len()..];
        let Some(after) = after.strip_prefix(id).and_then(|a| a.strip_prefix("\">")) else {
            continue;
        };
        let Some(end) = after.find("</span></span>") else {
            continue;
        };
        let english = &after[..end];
        if !localized.contains("<span") && !english.contains("<span") {
            out.push((localized.to_string(), english.to_string()));
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
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Destinations of inline markdown links `[text](dest "title")` in one line.
fn md_link_dests(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let dest: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ')')
            .collect();
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
    let dir = Path::new(site_path)
        .parent()
        .map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/"));
    let mut file = join_path(&dir, &percent_decode(target))?;
    if target.is_empty() || target.ends_with('/') {
        file = if file.is_empty() {
            "index.html".into()
        } else {
            format!("{file}/index.html")
        };
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

// ---------------------------------------------------------------------------------------------

#[test]
fn whole_corpus_builds_with_one_page_per_file_and_clear_warnings() {
    let c = corpus();
    let expected_count = CORPUS_LANGS
        .iter()
        .flat_map(|l| {
            CORPUS_BRANCHES
                .iter()
                .map(move |b| corpus_dir().join(l).join(b))
        })
        .map(|dir| walk(&dir).iter().filter(|p| p.ends_with(".md")).count())
        .sum::<usize>();
    assert_eq!(c.sources.len(), expected_count);
    assert!(expected_count > 0);

    // Every corpus file is a page at <lang>/<branch>/<path>/index.html …
    let missing: Vec<String> = c
        .sources
        .iter()
        .map(Source::site_path)
        .filter(|p| !c.built.exists(p))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {expected_count} pages missing:\n{}",
        missing.len(),
        first_30(&missing)
    );
    // … and nothing else lands under the branch folders.
    let expected: HashSet<String> = c.sources.iter().map(Source::site_path).collect();
    let extra: Vec<String> = c
        .built
        .html_files()
        .into_iter()
        .filter(|p| {
            CORPUS_BRANCHES.iter().any(|b| {
                CORPUS_LANGS
                    .iter()
                    .any(|l| p.starts_with(&format!("{l}/{b}/")))
            })
        })
        .filter(|p| !expected.contains(p))
        .collect();
    assert!(extra.is_empty(), "unexpected pages:\n{}", first_30(&extra));
    for lang in CORPUS_LANGS {
        let want = c.sources.iter().filter(|s| s.lang == lang).count();
        let got = c
            .built
            .summary
            .pages_per_language
            .iter()
            .find(|(l, _)| l.as_str() == lang)
            .map(|(_, n)| *n);
        assert!(
            got.is_some_and(|n| n >= want),
            "{lang}: {got:?} pages reported, {want} sources"
        );
    }

    // The warnings, grouped by kind.
    let diags = &c.built.summary.diagnostics;
    assert!(
        diags.iter().all(|d| !d.is_error()),
        "a successful build reported errors"
    );
    let mut by_kind: BTreeMap<String, Vec<&signpost::diag::Diagnostic>> = BTreeMap::new();
    for d in diags {
        by_kind.entry(format!("{:?}", d.kind)).or_default().push(d);
    }
    eprintln!(
        "corpus build: {expected_count} pages, {} warning(s) in {:?}",
        diags.len(),
        c.built.summary.elapsed
    );
    for (kind, list) in &by_kind {
        let mut messages: BTreeMap<String, usize> = BTreeMap::new();
        for d in list {
            // Group by the message with its quoted part left out: `broken link … no page …`.
            let shape: String = d
                .message
                .split('`')
                .enumerate()
                .map(|(i, p)| if i % 2 == 1 { "…" } else { p })
                .collect();
            *messages.entry(shape).or_default() += 1;
        }
        eprintln!("  {kind}: {}", list.len());
        for (shape, n) in &messages {
            eprintln!("    {n:>5} × {shape}");
        }
        eprintln!(
            "    e.g. {}",
            list[0].to_string().replace('\n', "\n         ")
        );
    }

    // Every warning is a clear one: it names a content file that exists, and a line in it.
    let by_path: HashMap<String, &Source> =
        c.sources.iter().map(|s| (s.content_path(), s)).collect();
    let mut unclear = Vec::new();
    for d in diags {
        let Some(loc) = &d.location else {
            unclear.push(format!("no location: {d}"));
            continue;
        };
        let path = loc.path.to_string_lossy().replace('\\', "/");
        if !path.starts_with("content/") || loc.line < 1 || loc.column < 1 {
            unclear.push(format!("bad location: {d}"));
            continue;
        }
        match by_path.get(&path) {
            Some(src) if loc.line <= src.text.lines().count() => {
                // A warning that quotes a link or image names the line that has it.
                if let Some(quoted) = d.message.split('`').nth(1).filter(|q| !q.is_empty()) {
                    let line = src.text.lines().nth(loc.line - 1).unwrap_or("");
                    if !line.contains(quoted) {
                        unclear.push(format!(
                            "`{quoted}` is not on the line named: {d}\n      line: {line}"
                        ));
                    }
                }
            }
            Some(_) => unclear.push(format!("line past the end of the file: {d}")),
            None => unclear.push(format!("not a page of the corpus: {d}")),
        }
    }
    assert!(
        unclear.is_empty(),
        "{} unclear warning(s):\n{}",
        unclear.len(),
        first_30(&unclear)
    );
}

#[test]
fn no_markup_leaks_into_any_corpus_page() {
    let c = corpus();
    assert!(
        c.facts.len() > c.sources.len(),
        "pages and the home, 404 and chooser pages"
    );
    let found: Vec<String> = c
        .facts
        .values()
        .flat_map(|f| f.leaks.iter().cloned())
        .collect();
    assert!(
        found.is_empty(),
        "{} leak(s):\n{}",
        found.len(),
        first_30(&found)
    );
}

#[test]
fn alerts_get_localized_labels_one_callout_per_marker() {
    let c = corpus();
    let mut problems = Vec::new();
    // (lang, variant) pairs checked, so the test cannot pass by finding no alerts.
    let mut seen: BTreeSet<(String, &str)> = BTreeSet::new();
    let mut checked = 0;
    for src in &c.sources {
        let markers: Vec<(&str, &str)> = lines_outside_fences(&src.text)
            .into_iter()
            .filter_map(|(_, line)| alert_marker(line).map(|k| (k, line)))
            .collect();
        for (_, line) in &markers {
            let t = line.trim_start();
            if t.starts_with(">[!") {
                seen.insert((src.lang.clone(), "no-space"));
            }
            if t.contains("[!Note]") || t.contains("[!Important]") {
                seen.insert((src.lang.clone(), "mixed-case"));
            }
            if line.starts_with(' ') {
                seen.insert((src.lang.clone(), "indented"));
            }
        }
        let alerts = &c.page(src).alerts;
        let want: Vec<&str> = markers.iter().map(|(k, _)| *k).collect();
        let got: Vec<&str> = alerts.iter().map(|(k, _)| k.as_str()).collect();
        if got != want {
            problems.push(format!(
                "{}: alert kinds {got:?}, source markers {want:?}",
                src.content_path()
            ));
            continue;
        }
        for ((kind, title), want) in alerts.iter().zip(&want) {
            checked += 1;
            let label = alert_label(&src.lang, want);
            if title.as_deref() != Some(label) {
                problems.push(format!(
                    "{}: {kind} alert titled {title:?}, want {label:?}",
                    src.content_path()
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        first_30(&problems)
    );
    eprintln!("alerts: {checked} checked");
    for lang in CORPUS_LANGS {
        for variant in ["no-space", "mixed-case", "indented"] {
            assert!(
                seen.contains(&(lang.to_string(), variant)),
                "no {variant} alert checked in {lang}: {seen:?}"
            );
        }
    }
}

#[test]
fn side_by_side_pages_show_localized_text_and_no_english_original() {
    let c = corpus();
    let mut checked_english = 0;
    let mut checked_localized = 0;
    let mut problems = Vec::new();
    for lang in CORPUS_LANGS {
        for src in c.sources(lang, "live-sxs") {
            let pairs = sxs_pairs(&src.text);
            assert!(
                !pairs.is_empty() || !src.text.contains("sxs-lookup"),
                "{}: spans not recognised",
                src.content_path()
            );
            let localized_all: Vec<String> = pairs.iter().map(|(l, _)| norm(l)).collect();
            let visible = &c.page(src).visible;
            for (localized, english) in &pairs {
                let (l, e) = (norm(localized), norm(english));
                if is_plain(&l) && l.chars().count() > 40 {
                    checked_localized += 1;
                    if !visible.contains(&l) {
                        problems.push(format!(
                            "{}: localized text missing: {l}",
                            src.content_path()
                        ));
                    }
                }
                // An English sentence that also stands in some localized segment may show.
                if is_plain(&e)
                    && e.chars().count() > 40
                    && e != l
                    && !localized_all.iter().any(|x| x.contains(&e))
                {
                    checked_english += 1;
                    if visible.contains(&e) {
                        problems.push(format!(
                            "{}: English original shown: {e}",
                            src.content_path()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        first_30(&problems)
    );
    eprintln!(
        "side-by-side: {checked_localized} localized and {checked_english} English sentences checked"
    );
    assert!(
        checked_english >= 100 && checked_localized >= 100,
        "{checked_english} / {checked_localized}"
    );
}

#[test]
fn heading_anchors_become_unique_heading_ids() {
    let c = corpus();
    let mut problems = Vec::new();
    let (mut anchors_checked, mut duplicates_checked) = (0, 0);
    for src in &c.sources {
        let anchors: Vec<String> = lines_outside_fences(&src.text)
            .into_iter()
            .filter_map(|(_, l)| heading_anchor(l))
            .collect();
        if anchors.is_empty() {
            continue;
        }
        let f = c.page(src);
        let here = src.content_path();
        let mut uses: HashMap<&str, Vec<&str>> = HashMap::new();
        for (id, tag) in &f.ids {
            uses.entry(id.as_str()).or_default().push(tag.as_str());
        }
        let mut dupes: Vec<&&str> = uses
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(k, _)| k)
            .collect();
        dupes.sort();
        if !dupes.is_empty() {
            problems.push(format!("{here}: ids used more than once: {dupes:?}"));
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for a in &anchors {
            *counts.entry(a.as_str()).or_default() += 1;
        }
        for (a, n) in counts {
            anchors_checked += 1;
            match uses.get(a).map(|v| v[0]) {
                Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {}
                Some(other) => {
                    problems.push(format!("{here}: id {a:?} is on a <{other}>, not a heading"))
                }
                None => problems.push(format!("{here}: no element with id {a:?}")),
            }
            // The headings that wanted `a`: it and its numbered variants `a-1`, `a-2`…
            let family: Vec<&String> = f
                .heading_ids
                .iter()
                .filter(|id| {
                    id.as_str() == a
                        || id
                            .strip_prefix(a)
                            .and_then(|r| r.strip_prefix('-'))
                            .is_some_and(|r| r.parse::<u32>().is_ok())
                })
                .collect();
            if family.first().map(|s| s.as_str()) != Some(a) {
                problems.push(format!(
                    "{here}: the first heading of {a:?} is {:?}",
                    family.first()
                ));
            }
            if n > 1 {
                duplicates_checked += 1;
                if family.len() < n {
                    problems.push(format!(
                        "{here}: {n} headings anchored {a:?}, ids {family:?}"
                    ));
                }
            }
        }
        if f.anchors_in_headings > 0 {
            problems.push(format!(
                "{here}: {} <a name> left inside headings",
                f.anchors_in_headings
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        first_30(&problems)
    );
    eprintln!(
        "heading ids: {anchors_checked} anchors, {duplicates_checked} repeated within their page"
    );
    assert!(anchors_checked > 1000, "{anchors_checked}");
    assert!(
        duplicates_checked > 0,
        "the corpus's tab groups repeat anchors; none found"
    );
}

/// `(page, alt text as a reader should see it, whether the source wrote it with entities)` for
/// every `:::image` of the corpus.
fn docfx_image_alts(c: &Corpus) -> Vec<(&Source, String, bool)> {
    let mut out = Vec::new();
    for src in &c.sources {
        for (_, l) in lines_outside_fences(&src.text) {
            if let Some(alt) = l
                .find(":::image")
                .and_then(|i| attr_value(&l[i..], "alt-text"))
            {
                out.push((src, norm(&decode_entities(&alt)), alt.contains('&')));
            }
        }
    }
    out
}

fn check_image_alts<'a>(
    c: &Corpus,
    alts: impl Iterator<Item = &'a (&'a Source, String, bool)>,
) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (src, alt, _) in alts {
        checked += 1;
        let f = c.page(src);
        let label = image_missing_label(&src.lang);
        let want = format!("{label} {alt}");
        if !f.missing_images.contains(&want) {
            let near = f
                .missing_images
                .iter()
                .find(|m| alt.starts_with(m.trim_start_matches(label).trim()));
            problems.push(format!(
                "{}: no `.sp-image-missing` {want:?}; closest: {near:?}",
                src.content_path()
            ));
        }
    }
    (checked, problems)
}

#[test]
fn docfx_images_show_their_alt_text_and_no_loc_shows_its_text() {
    let c = corpus();
    let alts = docfx_image_alts(c);
    // Machine translation wrote quotes as `&quot;` inside some alt texts; those are read whole.
    let with_entities = alts.iter().filter(|(_, _, entities)| *entities).count();
    let (images, mut problems) = check_image_alts(c, alts.iter());
    let mut no_locs = 0;
    let with_images: HashSet<String> = alts.iter().map(|(s, _, _)| s.content_path()).collect();
    for src in &c.sources {
        let f = c.page(src);
        if with_images.contains(&src.content_path()) && f.visible.contains(":::") {
            problems.push(format!("{}: `:::` shown", src.content_path()));
        }
        let no_loc = lines_outside_fences(&src.text)
            .into_iter()
            .flat_map(|(_, l)| l.match_indices(":::no-loc").map(move |(i, _)| &l[i..]))
            .filter_map(|s| attr_value(s, "text"))
            .map(|t| norm(&decode_entities(&t)));
        for text in no_loc {
            no_locs += 1;
            if !f.visible.contains(text.as_str()) {
                problems.push(format!(
                    "{}: no-loc text {text:?} not shown",
                    src.content_path()
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        first_30(&problems)
    );
    eprintln!(
        "images: {images} :::image alt texts ({with_entities} with entities), {no_locs} :::no-loc texts checked"
    );
    assert!(
        images > 50 && with_entities >= 10 && no_locs > 10,
        "{images} / {with_entities} / {no_locs}"
    );
}

#[test]
fn relative_md_links_between_corpus_pages_point_at_those_pages() {
    let c = corpus();
    // Pages by (lang, path in the language folder with `.md`).
    let pages: HashSet<(String, String)> = c
        .sources
        .iter()
        .map(|s| (s.lang.clone(), format!("{}.md", s.slug())))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for lang in CORPUS_LANGS {
        for src in c.sources(lang, "live") {
            let dir = Path::new(&src.slug())
                .parent()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let mut wanted = BTreeSet::new();
            for (_, line) in lines_outside_fences(&src.text) {
                for dest in md_link_dests(line) {
                    let path = dest.split(['#', '?']).next().unwrap_or("");
                    if !is_relative(&dest)
                        || !path.ends_with(".md")
                        || path.contains('%')
                        || path.contains('\\')
                    {
                        continue;
                    }
                    let Some(joined) = join_path(&dir, path) else {
                        continue;
                    };
                    if pages.contains(&(lang.to_string(), joined.clone())) {
                        wanted.insert(format!(
                            "{lang}/{}/index.html",
                            joined.strip_suffix(".md").unwrap()
                        ));
                    }
                }
            }
            let site_path = src.site_path();
            let got: BTreeSet<String> = c
                .page(src)
                .content_hrefs
                .iter()
                .filter(|h| is_relative(h))
                .filter_map(|h| resolve_href(&site_path, h))
                .collect();
            for w in &wanted {
                checked += 1;
                if !got.contains(w) {
                    problems.push(format!("{site_path}: no link to {w}"));
                } else if !c.built.exists(w) {
                    problems.push(format!("{site_path}: link to {w}, which was not written"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        first_30(&problems)
    );
    eprintln!("links: {checked} links between corpus pages checked");
    assert!(checked > 50, "{checked}");
}

#[test]
fn every_relative_href_in_the_corpus_build_resolves() {
    let c = corpus();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, f) in &c.facts {
        for href in f.refs.iter().filter(|h| is_relative(h)) {
            checked += 1;
            match resolve_href(path, href) {
                Some(file) if c.built.exists(&file) => {}
                Some(file) => broken.push(format!("{path}: {href} → {file} does not exist")),
                None => broken.push(format!("{path}: {href} climbs out of the site")),
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken of {checked}:\n{}",
        broken.len(),
        first_30(&broken)
    );
    eprintln!("hrefs: {checked} relative hrefs resolve");
    assert!(checked > 1000, "{checked}");
}
