//! Readers talk back (issue 17): "Was this page helpful?" links for each `feedback:` kind,
//! translation reports per passage, "Edit this page", share previews, the root page's
//! language pick, and the machine-readable twins (`llms.txt`, `index.md`).

use std::collections::BTreeMap;

use crate::common::*;

/// The seed pages plus a hand-written English page, with `site.yaml` set to `yaml`.
fn seeds_with(yaml: &str) -> Fixture {
    let f = Fixture::new(&[
        ("site.yaml", yaml),
        (
            "content/en/hand-written.md",
            "---\ntitle: Written by hand\ndescription: An English page written here.\nms.date: 2024-03-01\n---\n\n# Written by hand\n\nSee [self-support](customer-self-support.md#top) and ![logo](media/none.png).\n\n[!INCLUDE [shared](includes/shared.md)]\n",
        ),
        (
            "content/en/includes/shared.md",
            "---\ntitle: shared\n---\nIncluded text with a [link](../customer-self-support.md).\n",
        ),
    ]);
    copy_dir(&repo().join("content"), &f.root().join("content"));
    f
}

const LANGS: &str = "languages: [en, nl, ru, pl]\ndefault_language: en\n";

/// Every content page of a built site: (site path, language, slug).
fn content_pages(site: &Built) -> Vec<(String, String, String)> {
    site.html_files()
        .into_iter()
        .filter(|p| !site.page(p).select("article.sp-article").is_empty())
        .map(|p| {
            let dir = p.trim_end_matches("index.html").trim_end_matches('/');
            let (lang, slug) = dir.split_once('/').unwrap_or((dir, ""));
            (p.clone(), lang.to_string(), slug.to_string())
        })
        .collect()
}

fn query(url: &str) -> BTreeMap<String, String> {
    let q = url.split_once('?').map_or("", |(_, q)| q);
    q.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .into_owned()
}

#[test]
fn feedback_url_links_carry_page_and_language_on_every_content_page() {
    let f = seeds_with(&format!(
        "{LANGS}feedback:\n  url: https://feedback.example.org/collect\n"
    ));
    let site = build_ok(f.root(), None);
    let pages = content_pages(&site);
    // 5 slugs (4 seed pages and the hand-written one) × 4 languages, fallbacks included.
    assert_eq!(pages.len(), 20, "{pages:?}");
    for (path, lang, slug) in &pages {
        let page = site.page(path);
        let yes = page.attr(".sp-feedback a[data-answer=yes]", "href");
        assert_eq!(yes.len(), 1, "{path}: one Yes link");
        assert!(yes[0].starts_with("https://feedback.example.org/collect?"));
        let q = query(&yes[0]);
        assert_eq!(
            (q["page"].as_str(), q["lang"].as_str(), q["answer"].as_str()),
            (slug.as_str(), lang.as_str(), "yes"),
            "{path}: {}",
            yes[0]
        );
        // "No" opens the reasons in the page: a plain link, no script needed.
        assert_eq!(
            page.attr(".sp-feedback a[data-answer=no]", "href"),
            ["#feedback-reasons"],
            "{path}"
        );
        let reasons = page.attr("#feedback-reasons a", "href");
        let ids: Vec<String> = reasons.iter().map(|r| query(r)["reason"].clone()).collect();
        assert_eq!(
            ids,
            [
                "inaccurate",
                "hard-to-understand",
                "translation",
                "missing-information",
                "other"
            ],
            "{path}"
        );
        for r in &reasons {
            let q = query(r);
            assert_eq!(
                (q["page"].as_str(), q["lang"].as_str(), q["answer"].as_str()),
                (slug.as_str(), lang.as_str(), "no"),
                "{path}: {r}"
            );
        }
        // Every word in the reader's language: the question differs per language.
        let question = page.text_of("#sp-feedback-title");
        let expected = match lang.as_str() {
            "en" => "Was this page helpful?",
            "nl" => "Was deze pagina nuttig?",
            "ru" => "Была ли эта страница полезной?",
            _ => "Czy ta strona była pomocna?",
        };
        assert_eq!(question, [expected], "{path}");
        // Linked by its fingerprinted name (static/feedback.<hash>.js).
        assert!(
            page.attr("script", "src")
                .iter()
                .any(|src| src.contains("static/feedback.") && src.ends_with(".js")),
            "{path}: feedback.js"
        );
    }
    // Machine-translated pages offer a translation report in their notice.
    let nl = site.page("nl/provide-technical-support/index.html");
    let report = nl.attr(".sp-notice-mt a.sp-report-translation", "href");
    assert_eq!(report.len(), 1);
    assert_eq!(query(&report[0])["reason"], "translation");
}

#[test]
fn feedback_email_decodes_to_the_page_and_the_answer() {
    let f = seeds_with(&format!("{LANGS}feedback:\n  email: docs@example.org\n"));
    let site = build_ok(f.root(), Some("https://example.org/help/"));
    for (path, lang, slug) in content_pages(&site) {
        let page = site.page(&path);
        let yes = &page.attr(".sp-feedback a[data-answer=yes]", "href")[0];
        let (to, rest) = yes.split_once('?').unwrap();
        assert_eq!(to, "mailto:docs@example.org", "{path}");
        assert!(!rest.contains(' ') && !rest.contains('+'), "{path}: {yes}");
        let q = query(yes);
        let body = &q["body"];
        assert!(
            body.contains(&format!("page: {slug}\r\n")),
            "{path}: {body}"
        );
        assert!(
            body.contains(&format!("lang: {lang}\r\n")),
            "{path}: {body}"
        );
        assert!(body.contains("answer: yes\r\n"), "{path}: {body}");
        assert!(
            body.contains(&format!("url: https://example.org/help/{lang}/{slug}/")),
            "{path}: {body}"
        );
        let title = page.select("title")[0].text().collect::<String>();
        let page_title = title.split(" · ").next().unwrap();
        assert!(
            q["subject"].contains(page_title),
            "{path}: {:?}",
            q["subject"]
        );
        let no = &page.attr("#feedback-reasons a", "href")[0];
        let body = &query(no)["body"];
        assert!(
            body.contains("answer: no\r\nreason: inaccurate\r\n"),
            "{path}: {body}"
        );
    }
}

#[test]
fn per_passage_reports_carry_the_translation_and_its_english() {
    let f = seeds_with(&format!(
        "{LANGS}feedback:\n  issue_url: https://git.example.org/docs/issues/new\n"
    ));
    let site = build_ok(f.root(), None);
    for lang in ["ru", "pl", "nl"] {
        let path = format!("{lang}/customer-self-support/index.html");
        let page = site.page(&path);
        let originals = page.select(".sp-content .sp-orig");
        assert!(
            originals.len() >= 5,
            "{path}: {} originals",
            originals.len()
        );
        for orig in originals {
            let links: Vec<_> = orig
                .select(&scraper::Selector::parse("a.sp-passage-report").unwrap())
                .collect();
            assert_eq!(links.len(), 1, "{path}: one report link per original");
            let link = links[0];
            assert_eq!(link.value().attr("lang"), Some(lang), "{path}");
            let href = link.value().attr("href").unwrap();
            assert!(href.starts_with("https://git.example.org/docs/issues/new?title="));
            let body = &query(href)["body"];
            // The English the reader sees in this original is what the report carries.
            let shown: String = orig
                .text()
                .collect::<String>()
                .replace(&link.text().collect::<String>(), "");
            let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            let english = body
                .lines()
                .find_map(|l| l.strip_prefix("english: "))
                .unwrap_or_else(|| panic!("{path}: no english in {body}"));
            let passage = body
                .lines()
                .find_map(|l| l.strip_prefix("passage: "))
                .unwrap_or_else(|| panic!("{path}: no passage in {body}"));
            assert!(!english.is_empty() && !passage.is_empty(), "{body}");
            assert!(
                shown.starts_with(english.trim_end_matches('…')),
                "{path}: report says {english:?}, the page shows {shown:?}"
            );
            // The passage is the translation, not the English.
            assert_ne!(passage, english, "{path}");
            assert!(body.contains("page: customer-self-support\r\n"), "{body}");
            assert!(body.contains(&format!("lang: {lang}\r\n")), "{body}");
        }
    }
    // The Russian heading's passage is the Russian heading.
    let ru = site.page("ru/customer-self-support/index.html");
    let h1 = ru.attr("h1 a.sp-passage-report", "href");
    let body = &query(&h1[0])["body"];
    assert!(
        body.contains("passage: Самостоятельная поддержка клиентов"),
        "{body}"
    );
}

#[test]
fn nothing_of_feedback_without_the_key() {
    let f = seeds_with(LANGS);
    let site = build_ok(f.root(), None);
    for (path, _, _) in content_pages(&site) {
        let page = site.page(&path);
        for sel in [
            ".sp-feedback",
            "a.sp-passage-report",
            "a.sp-report-translation",
            ".sp-edit",
        ] {
            assert!(
                page.select(sel).is_empty(),
                "{path}: {sel} without feedback:"
            );
        }
        assert!(!page.raw.contains("feedback.js"), "{path}");
    }
}

#[test]
fn edit_link_only_on_hand_written_pages() {
    let f = seeds_with(&format!(
        "{LANGS}edit_url: https://git.example.org/docs/edit/main/content/{{lang}}/{{path}}\n"
    ));
    let site = build_ok(f.root(), None);
    let mut with_link = Vec::new();
    for (path, _, _) in content_pages(&site) {
        let links = site.page(&path).attr(".sp-edit a", "href");
        if !links.is_empty() {
            with_link.push((path, links[0].clone()));
        }
    }
    // Not the machine translations (nl, pl, ru), not the English rebuilt from spans
    // (en/customer-self-support), not the fallbacks (*/hand-written in nl, ru, pl).
    let edit = "https://git.example.org/docs/edit/main/content/en";
    assert_eq!(
        with_link,
        [
            (
                "en/hand-written/index.html".to_string(),
                format!("{edit}/hand-written.md")
            ),
            (
                "en/includes/shared/index.html".to_string(),
                format!("{edit}/includes/shared.md")
            )
        ]
    );
    let text = site
        .page("en/hand-written/index.html")
        .text_of(".sp-edit a");
    assert_eq!(text, ["Edit this page"]);
}

#[test]
fn share_previews_on_every_page_type() {
    let f = seeds_with(&format!("{LANGS}share_image: share.png\n"));
    let site = build_ok(f.root(), Some("https://example.org/help/"));
    let files = site.html_files();
    assert!(files.len() > 50);
    for path in &files {
        let page = site.page(path);
        let og = |p: &str| page.attr(&format!("meta[property=\"{p}\"]"), "content");
        let lang = page.attr("html", "lang")[0].clone();
        assert_eq!(og("og:title").len(), 1, "{path}: og:title");
        assert!(!og("og:title")[0].is_empty(), "{path}");
        assert_eq!(og("og:locale").len(), 1, "{path}");
        assert!(og("og:locale")[0].starts_with(&lang), "{path}");
        assert_eq!(
            og("og:image"),
            ["https://example.org/help/static/share.png"],
            "{path}"
        );
        assert_eq!(
            page.attr("meta[name=\"twitter:card\"]", "content"),
            ["summary_large_image"],
            "{path}"
        );
        // With a base URL, og:url is the canonical URL.
        assert_eq!(
            og("og:url"),
            page.attr("link[rel=canonical]", "href"),
            "{path}"
        );
    }
    let ru = site.page("ru/customer-self-support/index.html");
    let alternates = ru.attr("meta[property=\"og:locale:alternate\"]", "content");
    assert_eq!(alternates, ["en_US", "nl_NL", "pl_PL"]);
    assert_eq!(
        ru.attr("meta[property=\"og:type\"]", "content"),
        ["article"]
    );
    assert!(
        !ru.attr("meta[property=\"og:description\"]", "content")[0].is_empty(),
        "content pages describe themselves"
    );
    // Without a base URL there is no absolute URL to give, nor an image address.
    let site = build_ok(f.root(), None);
    let page = site.page("nl/index.html");
    assert!(page.select("meta[property=\"og:url\"]").is_empty());
    assert!(page.select("meta[property=\"og:image\"]").is_empty());
    assert_eq!(
        page.attr("meta[name=\"twitter:card\"]", "content"),
        ["summary"]
    );
}

#[test]
fn root_page_loads_the_language_pick_script() {
    let site = build_ok(&repo(), None);
    let root = site.page("index.html");
    let src = root.attr("script", "src");
    assert_eq!(src.len(), 1, "{src:?}");
    assert!(
        src[0].starts_with("static/chooser.") && src[0].ends_with(".js"),
        "{src:?}"
    );
    assert!(site.exists(&src[0]));
    // Without the script the chooser is all there is: a plain link per language.
    assert_eq!(
        root.attr(".sp-chooser-list a", "hreflang"),
        ["en", "nl", "ru", "pl"]
    );
}

#[test]
fn twins_and_llms_txt_for_every_page() {
    let f = seeds_with(LANGS);
    let site = build_ok(f.root(), None);
    let pages = content_pages(&site);
    for (path, lang, slug) in &pages {
        let twin_path = path.replace("index.html", "index.md");
        let twin = std::fs::read_to_string(site.out.join(&twin_path))
            .unwrap_or_else(|e| panic!("{twin_path}: {e}"));
        for leak in [
            "sxs-lookup",
            "data-ttu-id",
            "data-stu-id",
            "[!INCLUDE",
            "[!include",
        ] {
            assert!(!twin.contains(leak), "{twin_path} contains {leak}");
        }
        let front = twin
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .unwrap_or_else(|| panic!("{twin_path}: no front matter"))
            .0;
        let keys: Vec<&str> = front
            .lines()
            .map(|l| l.split_once(':').unwrap().0)
            .collect();
        assert!(
            keys.iter()
                .all(|k| ["title", "description", "date"].contains(k)),
            "{twin_path}: {keys:?}"
        );
        let title = site.page(path).select("title")[0]
            .text()
            .collect::<String>();
        let title = title.split(" · ").next().unwrap().to_string();
        assert!(
            front.contains(&serde_json::Value::String(title.clone()).to_string()),
            "{twin_path}: title {title:?} in {front}"
        );
        let llms = std::fs::read_to_string(site.out.join(format!("{lang}/llms.txt"))).unwrap();
        assert!(
            llms.contains(&format!("]({slug}/index.md)")),
            "{lang}/llms.txt does not link {slug}:\n{llms}"
        );
    }
    // The side-by-side page keeps its translation and drops the English.
    let ru = std::fs::read_to_string(site.out.join("ru/customer-self-support/index.md")).unwrap();
    assert!(ru.contains("Клиенты могут войти"), "{ru}");
    assert!(!ru.contains("Customers can sign into"), "{ru}");
    // Includes expanded; links lead from the twin to twins and files of the built site.
    let hand = std::fs::read_to_string(site.out.join("en/hand-written/index.md")).unwrap();
    assert!(
        hand.contains("Included text with a [link](../../en/customer-self-support/index.md)"),
        "{hand}"
    );
    assert!(
        hand.contains("[self-support](../../en/customer-self-support/index.md#top)"),
        "{hand}"
    );
    assert!(
        site.out
            .join("en/hand-written/../../en/customer-self-support/index.md")
            .is_file()
    );
    let llms = std::fs::read_to_string(site.out.join("ru/llms.txt")).unwrap();
    let mut lines = llms.lines().filter(|l| !l.is_empty());
    assert_eq!(lines.next(), Some("# Поддержка"));
    assert!(lines.next().unwrap().starts_with("> "));
    assert!(lines.next().unwrap().starts_with("## "));
    assert!(
        llms.lines()
            .any(|l| l.starts_with("- [") && l.contains("): ")),
        "{llms}"
    );

    // twins: false turns both off.
    let off = seeds_with(&format!("{LANGS}twins: false\n"));
    let site = build_ok(off.root(), None);
    let files = walk(&site.out);
    assert!(
        !files
            .iter()
            .any(|f| f.ends_with(".md") || f.ends_with("llms.txt")),
        "{files:?}"
    );
}

#[test]
fn twins_of_the_corpus_hold_no_markup() {
    let corpus = shared().join("corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: no corpus");
        return;
    }
    let f = Fixture::new(&[("site.yaml", "languages: [nl, ru, pl]\nsearch: false\n")]);
    for lang in ["nl", "ru", "pl"] {
        copy_dir(&corpus.join(lang), &f.root().join("content").join(lang));
    }
    let site = build_site(f.root(), None).unwrap_or_else(|e| panic!("{e}"));
    let html = site.html_files();
    let mut twins = 0;
    for path in &html {
        if !site.page(path).select("article.sp-article").is_empty() {
            let twin_path = path.replace("index.html", "index.md");
            let twin = std::fs::read_to_string(site.out.join(&twin_path))
                .unwrap_or_else(|e| panic!("{twin_path}: {e}"));
            for leak in ["sxs-lookup", "data-ttu-id", "[!INCLUDE", "[!include"] {
                assert!(!twin.contains(leak), "{twin_path} contains {leak}");
            }
            twins += 1;
        }
    }
    assert!(twins > 100, "{twins} twins");
}

#[test]
fn feedback_config_errors_name_their_line() {
    for (yaml, line, says) in [
        (
            "languages: [nl]\nfeedback:\n  url: https://a.example/\n  email: a@b.example\n",
            2,
            "more than one",
        ),
        (
            "languages: [nl]\nfeedback:\n  mail: a@b.example\n",
            3,
            "unknown field `mail`",
        ),
        (
            "languages: [nl]\nfeedback:\n  url: /relative\n",
            2,
            "not an absolute",
        ),
        (
            "languages: [nl]\nedit_url: https://x.example/edit\n",
            2,
            "{path}",
        ),
    ] {
        let f = Fixture::new(&[("site.yaml", yaml), ("content/nl/a.md", "# A\n")]);
        let err = match build_site(f.root(), None) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{yaml}: built"),
        };
        assert!(err.contains(&format!("site.yaml:{line}:")), "{yaml}: {err}");
        assert!(err.contains(says), "{yaml}: {err}");
    }
}
