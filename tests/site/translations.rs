//! Translations as first-class citizens (issue 3), on the seed pages and the corpus.

use std::sync::OnceLock;

use crate::common::*;

fn site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&repo(), Some("https://example.org/support/")))
}

fn status() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(site().out.join("status.json")).unwrap()).unwrap()
}

#[test]
fn nl_and_pl_self_support_are_stale_against_ru() {
    for lang in ["nl", "pl"] {
        let page = site().page(&format!("{lang}/customer-self-support/index.html"));
        let notice = page.select(".sp-notice-stale");
        assert_eq!(notice.len(), 1, "{lang}: no stale notice");
        assert_eq!(
            page.attr(".sp-notice-stale a", "href"),
            vec!["../../ru/customer-self-support/"],
            "{lang}"
        );
        assert_eq!(page.attr(".sp-notice-stale a", "hreflang"), vec!["ru"]);
    }
    let ru = site().page("ru/customer-self-support/index.html");
    assert!(
        ru.select(".sp-notice-stale").is_empty(),
        "ru is the newest revision"
    );
    let s = status();
    let cells = &s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == "customer-self-support")
        .unwrap()["cells"];
    assert_eq!(cells["nl"]["stale"], true);
    assert_eq!(cells["pl"]["stale"], true);
    assert_eq!(cells["ru"]["stale"], false);
}

#[test]
fn english_is_rebuilt_from_the_newest_translation() {
    let en = site().page("en/customer-self-support/index.html");
    let ru = site().page("ru/customer-self-support/index.html");
    assert_eq!(en.attr("html", "lang"), vec!["en"]);
    assert_eq!(en.select(".sp-notice-reconstructed").len(), 1);
    assert_eq!(
        en.attr(".sp-notice-reconstructed a", "hreflang"),
        vec!["ru"],
        "rebuilt from ru, the newest revision"
    );
    // Clean English: no Cyrillic left in the text, no leaked markup.
    let text = en
        .select(".sp-content")
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect::<String>();
    assert!(
        !text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "Cyrillic in rebuilt English: {text}"
    );
    assert!(leaks(&en).is_empty(), "{:?}", leaks(&en));
    assert!(text.contains("To purchase additional subscriptions or cancel their subscriptions, customers should contact their Cloud Solution Provider partner."), "{text}");
    // The same headings (by id) and the same links as the page it was rebuilt from.
    let ids = |p: &Page| p.attr(".sp-content h1, .sp-content h2, .sp-content h3", "id");
    assert_eq!(ids(&en), ids(&ru));
    let links = |p: &Page| {
        let inside_originals = p.attr(".sp-orig a[href]", "href");
        let mut all = p.attr(".sp-content a[href]", "href");
        for l in inside_originals {
            let i = all.iter().position(|x| *x == l).unwrap();
            all.remove(i);
        }
        all
    };
    assert_eq!(links(&en), links(&ru));
    assert_eq!(
        en.text_of("title"),
        vec![
            "Customer self-support through Microsoft Office 365 admin center or through the Azure portal · Support"
        ]
    );
    let home = site().page("en/index.html");
    assert!(
        home.text_of(".sp-page-list a")
            .iter()
            .any(|t| t.starts_with("Customer self-support"))
    );
}

#[test]
fn missing_pages_are_fallbacks_in_the_readers_language() {
    for (lang, notice_word) in [
        ("ru", "нидерландском"),
        ("pl", "niderlandzka"),
        ("en", "Dutch"),
    ] {
        let path = format!("{lang}/report-problems-on-behalf-of-a-customer/index.html");
        let page = site().page(&path);
        assert_eq!(
            page.attr("html", "lang"),
            vec![lang.to_string()],
            "{path}: chrome in the reader's language"
        );
        assert_eq!(
            page.attr(".sp-content", "lang"),
            vec!["nl"],
            "{path}: content marked with its real language"
        );
        let notice = page.text_of(".sp-notice-fallback").join(" ");
        assert!(notice.contains(notice_word), "{path}: {notice}");
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            vec!["https://example.org/support/nl/report-problems-on-behalf-of-a-customer/"]
        );
        assert!(
            page.select("link[rel=alternate]").is_empty(),
            "{path}: a fallback is no alternate"
        );
        // Links lead to the reader's language, marked with the language the target is in.
        assert!(
            page.attr("a.sp-link-other-lang", "href")
                .iter()
                .all(|h| !h.contains("/nl/"))
        );
    }
    let nl = site().page("nl/report-problems-on-behalf-of-a-customer/index.html");
    assert!(nl.select(".sp-notice-fallback").is_empty());
}

#[test]
fn sitemap_lists_no_fallback() {
    let xml = std::fs::read_to_string(site().out.join("sitemap.xml")).unwrap();
    assert!(xml.contains("/nl/report-problems-on-behalf-of-a-customer/"));
    for lang in ["en", "ru", "pl"] {
        assert!(
            !xml.contains(&format!("/{lang}/report-problems-on-behalf-of-a-customer/")),
            "{lang} fallback in sitemap"
        );
    }
    assert!(
        xml.contains("<loc>https://example.org/support/en/customer-self-support/</loc>"),
        "rebuilt English is a real page"
    );
}

#[test]
fn machine_translated_pages_offer_the_english_original_per_block() {
    let page = site().page("pl/customer-self-support/index.html");
    assert_eq!(page.select(".sp-notice-mt").len(), 1);
    assert_eq!(
        page.select(".sp-notice-mt input#sp-orig-toggle[type=checkbox]")
            .len(),
        1
    );
    assert_eq!(page.attr("label[for=sp-orig-toggle]", "for").len(), 1);
    let originals = page.select(".sp-content .sp-orig[lang=en][hidden]");
    assert!(originals.len() >= 10, "{}", originals.len());
    // Per heading, per list item, per paragraph.
    assert!(!page.select(".sp-content h1 .sp-orig").is_empty());
    assert!(!page.select(".sp-content li .sp-orig").is_empty());
    assert!(!page.select(".sp-content p .sp-orig").is_empty());
    let english: String = originals
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        english.contains("Customers can sign into their own Microsoft Office 365 admin center"),
        "{english}"
    );
    // Hidden by default: the reader sees only Polish.
    assert!(!page.visible_text().contains("Customers can sign into"));
    // A page without spans has no toggle.
    let plain = site().page("nl/provide-technical-support/index.html");
    assert_eq!(plain.select(".sp-notice-mt").len(), 1);
    assert!(plain.select("#sp-orig-toggle").is_empty());
}

#[test]
fn translation_delivery_date_is_localized() {
    let page = site().page("ru/customer-self-support/index.html");
    assert_eq!(
        page.text_of(".sp-delivered"),
        vec!["Перевод получен 19 мая 2021 г."]
    );
    assert_eq!(page.attr(".sp-delivered", "datetime"), vec!["2021-05-19"]);
}

#[test]
fn status_report_has_matrix_totals_and_ui_coverage() {
    let s = status();
    assert_eq!(s["languages"], serde_json::json!(["en", "nl", "ru", "pl"]));
    let row = |slug: &str| {
        s["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == slug)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("customer-self-support")["cells"]["en"]["state"],
        "reconstructed"
    );
    assert_eq!(row("customer-self-support")["cells"]["en"]["from"], "ru");
    assert_eq!(
        row("customer-self-support")["cells"]["nl"]["state"],
        "machine"
    );
    assert_eq!(
        row("report-problems-on-behalf-of-a-customer")["cells"]["ru"]["state"],
        "fallback"
    );
    assert_eq!(s["totals"]["en"]["reconstructed"], 1);
    assert_eq!(s["totals"]["nl"]["machine"], 3);
    assert_eq!(s["totals"]["ru"]["fallback"], 2);
    assert_eq!(s["ui_strings"]["ru"]["missing"], serde_json::json!([]));
    let html = site().page("status/index.html");
    assert!(html.select("table.sp-status-matrix tbody tr").len() == 3);
    let footer = site().page("nl/index.html");
    assert_eq!(footer.attr(".sp-footer a", "href"), vec!["../status/"]);
}

#[test]
fn status_can_be_turned_off_and_missing_ui_strings_are_listed() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\nstatus: false\n"),
        ("content/nl/a.md", "# A\n"),
    ]);
    let b = build_ok(f.root(), None);
    assert!(!b.exists("status.json") && !b.exists("status/index.html"));
    assert!(b.page("nl/a/index.html").select(".sp-footer a").is_empty());

    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("locales/nl/extra.ftl", "site-title = Hulp\n"),
        ("locales/en/extra.ftl", "only-in-english = Only here\n"),
    ]);
    let b = build_ok(f.root(), None);
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(b.out.join("status.json")).unwrap()).unwrap();
    assert_eq!(
        s["ui_strings"]["nl"]["missing"],
        serde_json::json!(["only-in-english"])
    );
    assert_eq!(b.page("nl/a/index.html").text_of(".sp-brand"), vec!["Hulp"]);
}

#[test]
fn fallback_order_follows_site_yaml_and_hand_written_english_wins() {
    let sxs = |local: &str, english: &str, hash: &str, handoff: &str| {
        format!(
            "---\ntitle: T\nms.translationtype: MT\nms.openlocfilehash: {hash}\nms.lasthandoff: {handoff}\n---\n# <span data-ttu-id=\"a-1\">{local}</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">{english}</span></span>\n"
        )
    };
    let f = Fixture::new(&[
        (
            "site.yaml",
            "languages: [en, nl, ru, pl]\nfallbacks:\n  pl: [ru, nl]\n",
        ),
        (
            "content/nl/x.md",
            &sxs("Hallo", "Hello from nl", "aaa", "01/01/2021"),
        ),
        (
            "content/ru/x.md",
            &sxs("Привет", "Hello from ru", "bbb", "02/01/2021"),
        ),
        (
            "content/en/y.md",
            "---\ntitle: Y\nms.openlocfilehash: new\n---\n# Y, revised\n",
        ),
        ("content/nl/y.md", &sxs("Y nl", "Y", "old", "01/01/2021")),
    ]);
    let b = build_ok(f.root(), None);
    // pl has no x: its fallback order names ru first.
    assert_eq!(
        b.page("pl/x/index.html").attr(".sp-content", "lang"),
        vec!["ru"]
    );
    // en x is rebuilt from ru, delivered last.
    assert!(
        b.page("en/x/index.html")
            .visible_text()
            .contains("Hello from ru")
    );
    // A hand-written en y is kept, and its own hash makes nl y stale.
    let en_y = b.page("en/y/index.html");
    assert!(en_y.select(".sp-notice-reconstructed").is_empty());
    let nl_y = b.page("nl/y/index.html");
    assert_eq!(nl_y.attr(".sp-notice-stale a", "hreflang"), vec!["en"]);
}

#[test]
fn corpus_english_rebuilt_from_nl_and_pl_is_identical_for_the_same_revision() {
    use signpost::load::frontmatter;
    use signpost::translations::reconstruct::english_text;
    let root = shared().join("corpus");
    let mut compared = 0;
    for path in walk(&root.join("nl/live-sxs")) {
        if !path.ends_with(".md") {
            continue;
        }
        let nl = std::fs::read_to_string(root.join("nl/live-sxs").join(&path))
            .unwrap()
            .replace("\r\n", "\n");
        let Ok(pl) = std::fs::read_to_string(root.join("pl/live-sxs").join(&path)) else {
            continue;
        };
        let pl = pl.replace("\r\n", "\n");
        let hash = |t: &str| {
            t.lines()
                .find(|l| l.starts_with("ms.openlocfilehash:"))
                .map(str::to_string)
        };
        if hash(&nl).is_none() || hash(&nl) != hash(&pl) {
            continue;
        }
        let body = |t: &str| {
            let s = frontmatter::split(t).unwrap();
            strip_images(&english_text(s.body))
        };
        let (en_nl, en_pl) = (body(&nl), body(&pl));
        assert_eq!(
            en_nl, en_pl,
            "{path}: English rebuilt from nl and pl differs"
        );
        compared += 1;
    }
    assert!(
        compared >= 20,
        "only {compared} page pairs share a revision"
    );
}

/// `:::image` lines carry localized alt text with no English original (machine translation
/// sometimes pulls words of it out of the directive), so they are left out of the comparison.
fn strip_images(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains(":::image"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_corpus_page_with_spans_can_show_its_originals() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let corpus = shared().join("corpus");
    let mut expected = 0;
    for lang in ["nl", "ru", "pl"] {
        let from = corpus.join(lang).join("live-sxs");
        for rel in walk(&from) {
            let to = content.join(lang).join(&rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(from.join(&rel), &to).unwrap();
            if rel.ends_with(".md") && std::fs::read_to_string(&to).unwrap().contains("sxs-lookup")
            {
                expected += 1;
            }
        }
    }
    std::fs::write(
        tmp.path().join("site.yaml"),
        "languages: [en, nl, ru, pl]\n",
    )
    .unwrap();
    let b = build_ok(tmp.path(), None);
    let mut checked = 0;
    for lang in ["nl", "ru", "pl"] {
        for rel in walk(&content.join(lang)) {
            let Some(slug) = rel.strip_suffix(".md") else {
                continue;
            };
            let page = b.page(&format!("{lang}/{slug}/index.html"));
            if !page.raw.contains("sp-orig") {
                continue;
            }
            checked += 1;
            assert_eq!(
                page.select("#sp-orig-toggle").len(),
                1,
                "{lang}/{slug}: originals but no control"
            );
            assert!(page.select(".sp-orig:not([lang=en])").is_empty());
        }
    }
    assert_eq!(checked, expected, "every side-by-side page shows originals");
}
