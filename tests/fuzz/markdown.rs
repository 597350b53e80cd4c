//! Target `markdown`: the whole markdown pipeline on generated pages that mix DocFX alerts,
//! side-by-side spans, links, images, directives, raw HTML, template syntax, deep nesting,
//! tables and code. Two properties: a full build of a small site (`site`), and the parser
//! alone on the same pages, in-process and much faster (`parse`).

use std::collections::HashMap;

use proptest::prelude::*;
use signpost::BuildError;
use signpost::config::{Config, Overrides};
use signpost::diag::Diagnostics;
use signpost::parse::links::LinkIndex;
use signpost::parse::{Context, Labels, parse_page, parse_page_as};
use signpost::urls::Urls;

use crate::common::*;

/// Where the generated page goes: in a subfolder, so `x.md` and `../y.md` both resolve.
pub const PAGE: &str = "content/nl/sub/page.md";

/// The rest of the site: pages and media the generated links can reach.
fn fixed_files() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("site.yaml", b"languages: [nl, en]\n"),
        ("content/nl/y.md", b"---\ntitle: Y\n---\n# Y\n\n## F\n"),
        ("content/nl/sub/x.md", b"# Sub X\n\n<a name=\"f\"></a>\n"),
        ("content/nl/sub/inc.md", b"Included **text** with <span data-ttu-id=\"i\">lokaal</span><span class=\"sxs-lookup\"><span data-stu-id=\"i\">English</span></span> and <script>alert(1)</script>.\n"),
        ("content/en/b.md", b"# B in English\n"),
        ("content/nl/sub/media/pic.png", b"\x89PNG\r\n\x1a\n"),
        ("content/nl/media/pic.png", b"\x89PNG\r\n\x1a\n"),
    ]
}

/// A site holding `page` at [`PAGE`].
pub fn site_with(page: &[u8]) -> Site {
    let mut files = fixed_files();
    files.push((PAGE, page));
    Site::new(&files)
}

/// Full build: no panic, done within the time limit, and every HTML file safe. A build may
/// fail only because of the generated page (say, broken front matter), and then says where.
pub fn check_build(page: &[u8]) {
    let site = site_with(page);
    match site.build(true) {
        Ok(_) => assert_safe_output(&site.out()),
        Err(BuildError::Failed(diags)) => {
            for d in diags.iter().filter(|d| d.is_error()) {
                let loc = d
                    .location
                    .as_ref()
                    .unwrap_or_else(|| panic!("error without a location: {d}"));
                assert_eq!(
                    loc.path,
                    std::path::Path::new(PAGE),
                    "error about another file: {d}"
                );
                assert!(loc.line >= 1 && loc.column >= 1, "{d}");
            }
        }
        Err(e) => panic!("build failed: {e}"),
    }
}

/// The parser alone: every page of the small site, the English rebuilt from spans, and the
/// page parsed for another language's readers; every fragment must be safe.
pub fn check_parse(page: &[u8]) {
    let site = site_with(page);
    let config = Config::load(site.root(), &Overrides::default()).expect("config");
    let diags = Diagnostics::default();
    let mut pages = signpost::load::load(&config, &diags).pages;
    pages.extend(signpost::translations::reconstruct::reconstruct(
        &pages, &config,
    ));
    let index = LinkIndex::new(&pages, &[], config.languages.clone());
    let urls = Urls::new(None);
    let labels: HashMap<_, _> = config
        .languages
        .iter()
        .map(|l| {
            (
                l.clone(),
                Labels {
                    note: "Note".into(),
                    tip: "Tip".into(),
                    important: "Important".into(),
                    warning: "Warning".into(),
                    caution: "Caution".into(),
                    image_missing: "Image:".into(),
                    link_unavailable: "Unavailable".into(),
                    other_language: Default::default(),
                },
            )
        })
        .collect();
    let includes = signpost::load::includes::gather(&config, &mut pages);
    for p in &pages {
        let cx = Context {
            index: &index,
            urls: &urls,
            labels: &labels[&p.lang],
            docs_root: None,
            includes: &includes,
            diags: &diags,
            emit_originals: p.has_side_by_side(),
            trust_html: false,
            quiet: false,
            twins: true,
            sentences: true,
        };
        let parsed = parse_page(p, &cx);
        let name = format!("{} ({})", p.path.display(), p.lang);
        let mut faults = html_faults(&name, &parsed.html, false);
        for other in config.languages.iter().filter(|l| **l != p.lang) {
            faults.extend(html_faults(
                &format!("{name} as {other}"),
                &parse_page_as(p, other, &cx).html,
                false,
            ));
        }
        assert!(faults.is_empty(), "unsafe fragment:\n{}", faults.join("\n"));
    }
}

pub fn check_bytes(bytes: &[u8]) {
    check_parse(bytes);
    check_build(bytes);
}

/// Where links and images point: pages that exist or not, media, fragments, and every way of
/// writing a script or data URL we know of.
const DESTS: &[&str] = &[
    "x.md",
    "../y.md#f",
    "../y.md",
    "x.md#f",
    "X.MD",
    "sub\\x.md",
    "missing.md",
    "../b.md",
    "media/pic.png",
    "../media/pic.png",
    "#frag",
    "#tab/a",
    "",
    "https://example.org/?q=<x>&a=\"b\"",
    "//evil.example/x",
    "/azure/x",
    "mailto:a@b.example",
    "x.md?q=1#f",
    "..",
    "../../../../etc/passwd",
    "%2e%2e/y.md",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "<javascript:alert(1)>",
    "<java\tscript:alert(1)>",
    "<java script:alert(1)>",
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java&#10;script:alert(1)",
    "javascript&colon;alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "%6Aavascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "javascript\u{200b}:alert(1)",
    "x.md \"title\"",
    "x.md 'title\" onclick=\"alert(1)'",
    "x.md \"\\\" onmouseover=alert(1) \\\"\"",
    "a.md#\"onmouseover=alert(1)",
];

/// Raw HTML as content brings it: tags we understand, and every classic way to run script.
const RAW_HTML: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<script src=\"../../static/search.js\"></script>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"javascript:alert(1)\">",
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a name=\"n\" onclick=\"alert(1)\">",
    "<a name=n onclick=alert(1)></a>",
    "<a id=y href=javascript:alert(1)>y</a>",
    "<a\nname=\"z\"\nonmouseover=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"x.swf\"></object>",
    "<embed src=x>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<span onclick=alert(1)>s</span>",
    "<span data-ttu-id=\"x\" onclick=\"alert(1)\">",
    "<span class=\"sxs-lookup\" onmouseover=\"alert(1)\">",
    "<span data-stu-id=\"y\" onfocus=alert(1)>",
    "<br onclick=alert(1)>",
    "<br/>",
    "</br>",
    "<br>",
    "<details open ontoggle=alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:/\">",
    "<link rel=stylesheet href=x.css>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?php x ?>",
    "<!DOCTYPE x>",
    "<textarea><script>alert(1)</script></textarea>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<table><td onclick=x>c</td></table>",
    "<span/>",
    "<span id=\"q\"/>",
    "</span>",
    "</a>",
    "<b>",
    "</b>",
    "<td>",
    "<p>",
    "<sup>1</sup>",
    "<font color=red>f</font>",
    "<x onclick=alert(1)>",
    "<a href=\"x.md\" onclick=\"alert(1)\">x</a>",
    "<img src=\"media/pic.png\" onload=\"alert(1)\">",
    "<a href=\"data:text/html,x\">d</a>",
];

const SPAN_TAGS: &[&str] = &[
    r#"<span data-ttu-id="ec97b-1">"#,
    "</span>",
    r#"<span class="sxs-lookup">"#,
    r#"<span data-stu-id="ec97b-1">"#,
];

fn dest() -> impl Strategy<Value = String> + Clone {
    prop_oneof![6 => pick(DESTS), 1 => "[a-z./#:%]{0,12}"]
}

fn raw_html() -> impl Strategy<Value = String> + Clone {
    pick(RAW_HTML)
}

/// One side-by-side pair, the way exports write it.
fn pair(local: String, english: String) -> String {
    format!(
        r#"<span data-ttu-id="ec97b-103">{local}</span><span class="sxs-lookup"><span data-stu-id="ec97b-103">{english}</span></span>"#
    )
}

/// Inline content: text, emphasis, code, links, images, spans, raw HTML, template syntax.
fn inline() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        8 => words(),
        2 => pick(&["**", "** vet **", "**\u{a0}vet\u{a0}**", "*", "_", "__x__", "~~x~~", "`code`", "`<script>alert(1)</script>`", "``a`b``", "\\*", "&nbsp;", "&#0;", "&#x110000;", "&lt;script&gt;",
            "{{ \"sp\" ~ \"inj\" }}", "{% if true %}x{% endif %}", "{# c #}", "{{ config }}", "{% raw %}", "{{", "}}", "[^1]", "[x][r]", "[r]", "![alt][r]", "[](x.md)", "[](#frag)",
            "<https://example.org>", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<a@b.example>", "https://example.org/x", "www.example.org", "  \n", "\\\n", "\n", "[!NOTE]", "[!INCLUDE"]),
        3 => (words(), dest()).prop_map(|(t, d)| format!("[{t}]({d})")),
        1 => (words(), dest()).prop_map(|(t, d)| format!("![{t}]({d})")),
        1 => (words(), dest()).prop_map(|(t, d)| format!("[{t}](<{d}>)")),
        1 => (dest(), words()).prop_map(|(s, a)| format!(r#":::image type="content" source="{s}" alt-text="{a}":::"#)),
        1 => pick(&[r#":::image type="content" source="media/pic.png" alt-text="a "quoted" alt" lightbox="media/pic.png":::"#, r#":::image source="javascript:alert(1)" alt-text="<script>alert(1)</script>":::"#,
            r#":::no-loc text="<script>alert(1)</script>":::"#, r#":::no-loc text="УНП":::"#, ":::image-end:::", ":::zone target=\"x\":::", ":::", ":::image", r#":::image alt-text="" source="":::"#]),
        3 => (words(), words()).prop_map(|(l, e)| pair(l, e)),
        2 => pick(SPAN_TAGS),
        3 => raw_html(),
    ];
    // Nesting: emphasis, links and spans around inline content.
    leaf.prop_recursive(3, 24, 4, |inner| {
        let seq = proptest::collection::vec(inner, 1..4).prop_map(concat);
        prop_oneof![
            seq.clone(),
            seq.clone().prop_map(|s| format!("**{s}**")),
            (seq.clone(), dest()).prop_map(|(s, d)| format!("[{s}]({d})")),
            (seq.clone(), seq.clone()).prop_map(|(l, e)| pair(l, e)),
            seq.prop_map(|s| format!("<span>{s}</span>")),
        ]
    })
    .boxed()
}

fn line() -> BoxedStrategy<String> {
    proptest::collection::vec(inline(), 1..6)
        .prop_map(concat)
        .boxed()
}

const ALERTS: &[&str] = &[
    "> [!NOTE]\n> ",
    ">[!NOTE]\n>",
    ">[!tip]\n> ",
    "> [!Important] ",
    "> [!WARNING]\n>\n> ",
    "> [!CAUTION]\n> ",
    "> [!note]",
    "> [!UNKNOWN]\n> ",
    "> [!NOTE\n> ",
    "> [!]\n> ",
    ">  [!TIP]  ",
    "> > [!NOTE]\n> > ",
    "> [!INCLUDE [x](x.md)]\n> ",
];

/// Blocks of a page.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => line().prop_map(|l| format!("{l}\n")),
        2 => (1..7usize, prop::option::of(pick(&["<a name=\"h\"></a>", "<a name=\"x\"></a><a name=\"x\"></a>", "<a id=\"frag\"></a>"])), line())
            .prop_map(|(n, a, l)| format!("{} {}{l}\n", "#".repeat(n), a.unwrap_or_default())),
        3 => (pick(ALERTS), line(), prop::option::of(line())).prop_map(|(a, l, more)| match more {
            Some(m) => format!("{a}{l}\n> {m}\n"),
            None => format!("{a}{l}\n"),
        }),
        2 => (pick(&["- ", "1. ", "* ", "  - ", "    - "]), line(), pick(ALERTS), line()).prop_map(|(bullet, item, alert, l)| {
            let indent = " ".repeat(bullet.len());
            format!("{bullet}{item}\n\n{indent}{}{l}\n", alert.replace('\n', &format!("\n{indent}")))
        }),
        2 => proptest::collection::vec(line(), 1..5).prop_map(|cells| {
            let head = (0..cells.len()).map(|i| format!("h{i}")).collect::<Vec<_>>();
            format!("| {} |\n|{}|\n| {} |\n| {} |\n", head.join(" | "), vec!["---"; cells.len()].join("|"), cells.join(" | "), cells.join("<br>| "))
        }),
        2 => (pick(&["```", "```html", "~~~", "``` js", "    ```"]), pick(&["<script>alert(1)</script>", "<span class=\"sxs-lookup\">x</span>", "{{ config }}", "**not bold**", "> [!NOTE]", "a\n\n```"]))
            .prop_map(|(fence, code)| {
                let close = if fence.trim_start().starts_with('~') { "~~~" } else { "```" };
                format!("{fence}\n{code}\n{close}\n")
            }),
        2 => raw_html().prop_map(|h| format!("{h}\n")),
        1 => (raw_html(), line(), raw_html()).prop_map(|(a, l, b)| format!("<div>\n{a}{l}{b}\n</div>\n")),
        1 => (0..200usize, pick(&[">", "> ", "- ", "  ", "* ", "[", "**", "<div>", "<span>", "1. ", "<span data-ttu-id=\"d\">", "<span class=\"sxs-lookup\">"]), line())
            .prop_map(|(n, piece, l)| format!("{}{l}\n", piece.repeat(n))),
        1 => (0..60usize, line()).prop_map(|(n, l)| (0..n).map(|i| format!("{}- {l}\n", "  ".repeat(i))).collect()),
        1 => pick(&["---\n", "***\n", "[r]: javascript:alert(1)\n", "[r]: <javascript:alert(1)> \"t\"\n", "[r]: x.md\n", "[^1]: note <script>alert(1)</script>\n",
            "[!INCLUDE [x](inc.md)]\n", "[!INCLUDE [self](page.md)]\n", "[!include[t](../../../site.yaml)]\n", "[!INCLUDE [m](media/pic.png)]\n", "[!INCLUDE [n](nothere.md)]\n",
            "<!-- unclosed\n", "Setext\n===\n", "- [ ] task\n- [x] done\n", "    indented code <script>\n", "\n\n\n", "\t- tab\n"]),
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => Just("---\ntitle: Pagina\nms.date: 05/05/2020\nms.translationtype: MT\n---\n".to_string()),
        1 => pick(&["<script>alert(1)</script>", "\"\\\" onmouseover=\\\"alert(1)\"", "'{{ \"sp\" ~ \"inj\" }}'", "\"</title><script>alert(1)</script>\"", "javascript:alert(1)"])
            .prop_map(|v| format!("---\ntitle: {v}\ndescription: {v}\nms.date: 13/13/2020\n---\n")),
        1 => Just("\u{feff}---\r\ntitle: BOM\r\n---\r\n".to_string()),
    ]
}

/// A whole page.
pub fn page() -> impl Strategy<Value = String> {
    (
        front_matter(),
        proptest::collection::vec(block(), 0..12),
        prop::bool::ANY,
    )
        .prop_map(|(fm, blocks, tight)| fm + &blocks.join(if tight { "" } else { "\n" }))
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn parse(page in page()) {
        progress("markdown::parse");
        check_parse(page.as_bytes());
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn site(page in page()) {
        progress("markdown::site");
        check_build(page.as_bytes());
    }
}

#[test]
fn corpus() {
    run_corpus("markdown", check_bytes);
}
