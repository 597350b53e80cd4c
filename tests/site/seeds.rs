//! The default site (`content/`, the seed pages exactly as exported), built and read back.

use std::collections::BTreeSet;

use crate::common::*;

/// Built once for all tests here and in `tree.rs`; the build itself is under test in every
/// one of them.
fn site() -> &'static Built {
    default_built()
}

#[test]
fn every_language_gets_a_home_and_the_seed_pages() {
    let s = site();
    for lang in ["en", "nl", "ru", "pl"] {
        let home = s.page(&format!("{lang}/index.html"));
        assert_eq!(home.attr("html", "lang"), vec![lang.to_string()]);
        assert!(s.exists(&format!("{lang}/404.html")), "{lang}/404.html");
    }
    for path in [
        "nl/customer-self-support/index.html",
        "ru/customer-self-support/index.html",
        "pl/customer-self-support/index.html",
        "nl/provide-technical-support/index.html",
        "nl/report-problems-on-behalf-of-a-customer/index.html",
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
    ] {
        assert!(s.exists(path), "missing {path}");
    }
}

#[test]
fn no_markup_leaks_into_any_page() {
    let s = site();
    let leaks: Vec<String> = s
        .html_files()
        .iter()
        .flat_map(|p| leaks(&s.page(p)))
        .collect();
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn side_by_side_pages_show_the_localized_text_only() {
    let page = site().page("ru/customer-self-support/index.html");
    let text = page.visible_text();
    assert!(
        text.contains("Самостоятельная поддержка") || text.contains("самостоятельн"),
        "{text}"
    );
    assert!(
        !text.contains("Customer self-support through"),
        "English original leaked"
    );
    // Markdown inside the spans is rendered: the bold "Applies to" line.
    assert!(!page.select(".sp-content strong").is_empty());
}

#[test]
fn heading_ids_come_from_the_a_name_anchors() {
    let page = site().page("nl/report-problems-on-behalf-of-a-customer/index.html");
    let ids: BTreeSet<String> = page
        .attr(".sp-content h1, .sp-content h2, .sp-content h3", "id")
        .into_iter()
        .collect();
    assert!(
        ids.contains(
            "report-a-service-problem-on-behalf-of-a-customer---including-when-and-how-to-do-so"
        ),
        "{ids:?}"
    );
    assert!(
        ids.contains("submit-a-service-request-for-a-customer"),
        "{ids:?}"
    );
    // The anchors themselves are gone from the heading.
    assert!(page.select(".sp-content h2 a[name]").is_empty());
    // The table of contents lists h2/h3 by those ids.
    let toc = page.attr(".sp-toc a", "href");
    assert!(
        toc.contains(&"#submit-a-service-request-for-a-customer".to_string()),
        "{toc:?}"
    );
}

#[test]
fn alerts_become_labelled_callouts() {
    let page = site().page("nl/report-problems-on-behalf-of-a-customer/index.html");
    let labels: BTreeSet<String> = page.text_of(".sp-alert-title").into_iter().collect();
    for want in ["Opmerking", "Belangrijk", "Tip"] {
        assert!(labels.contains(want), "{labels:?}");
    }
    assert!(!page.select(".sp-alert-note").is_empty());
    assert!(!page.select(".sp-alert-important").is_empty());
    assert!(!page.select(".sp-alert-tip").is_empty());
}

#[test]
fn hreflang_alternates_list_real_translations_and_x_default() {
    let page = site().page("nl/customer-self-support/index.html");
    let mut langs = page.attr("link[rel=alternate][hreflang]", "hreflang");
    langs.sort();
    // en is the page rebuilt from the spans: a real English page, so it is an alternate.
    assert_eq!(langs, vec!["en", "nl", "pl", "ru", "x-default"]);
    assert_eq!(
        page.attr("link[rel=alternate][hreflang=x-default]", "href"),
        vec!["https://example.org/support/en/customer-self-support/"]
    );
    let hrefs = page.attr("link[rel=alternate][hreflang=ru]", "href");
    assert_eq!(
        hrefs,
        vec!["https://example.org/support/ru/customer-self-support/"]
    );
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        vec!["https://example.org/support/nl/customer-self-support/"]
    );
    // A page only nl has lists only nl.
    let single = site().page("nl/provide-technical-support/index.html");
    let mut langs = single.attr("link[rel=alternate][hreflang]", "hreflang");
    langs.sort();
    assert_eq!(langs, vec!["nl", "x-default"]);
}

#[test]
fn language_switcher_marks_targets_that_are_not_translated() {
    let page = site().page("ru/customer-self-support/index.html");
    assert_eq!(
        page.attr(".sp-langs a", "lang"),
        vec!["en", "nl", "ru", "pl"]
    );
    assert!(page.select(".sp-langs a.sp-lang-fallback").is_empty());
    assert_eq!(
        page.attr(".sp-langs a[aria-current]", "hreflang"),
        vec!["ru"]
    );
    // Only nl has this page: the other languages lead to fallbacks, visibly marked.
    let page = site().page("nl/provide-technical-support/index.html");
    assert_eq!(
        page.attr(".sp-langs a.sp-lang-fallback", "lang"),
        vec!["en", "ru", "pl"]
    );
    let marker = page.text_of(".sp-langs a.sp-lang-fallback .sp-visually-hidden");
    assert_eq!(marker, vec!["(nog niet vertaald)"; 3]);
}

#[test]
fn dates_are_localized_with_month_forms() {
    let s = site();
    let cases = [
        ("nl/customer-self-support/index.html", "5 mei 2020"),
        ("ru/customer-self-support/index.html", "5 мая 2020 г."),
        ("pl/customer-self-support/index.html", "5 maja 2020"),
    ];
    for (path, want) in cases {
        let page = s.page(path);
        let text = page.text_of(".sp-updated").join(" ");
        assert!(text.contains(want), "{path}: {text}");
        assert_eq!(page.attr(".sp-updated", "datetime"), vec!["2020-05-05"]);
    }
}

#[test]
fn reading_time_uses_plural_forms() {
    let s = site();
    let nl = s
        .page("nl/report-problems-on-behalf-of-a-customer/index.html")
        .text_of(".sp-reading")
        .join("");
    assert!(
        nl.ends_with("minuten leestijd") || nl.ends_with("minuut leestijd"),
        "{nl}"
    );
    let ru = s
        .page("ru/customer-self-support/index.html")
        .text_of(".sp-reading")
        .join("");
    let n: u32 = ru.split_whitespace().next().unwrap().parse().unwrap();
    let word = ru.split_whitespace().nth(1).unwrap();
    let expected = match (n % 10, n % 100) {
        (1, h) if h != 11 => "минута",
        (2..=4, h) if !(12..=14).contains(&h) => "минуты",
        _ => "минут",
    };
    assert_eq!(word, expected, "{ru}");
}

#[test]
fn internal_links_resolve_and_missing_ones_are_plain_text() {
    let s = site();
    for path in s.html_files() {
        let page = s.page(&path);
        let dir = std::path::Path::new(&path).parent().unwrap().to_path_buf();
        for href in page.attr("a[href], link[rel=stylesheet]", "href") {
            if href.contains("://")
                || href.starts_with('#')
                || href.starts_with("mailto:")
                || href.starts_with('/')
            {
                continue;
            }
            let target = href.split('#').next().unwrap();
            let mut file = dir.join(target);
            if target.ends_with('/') || target.is_empty() {
                file = file.join("index.html");
            }
            assert!(
                s.out.join(&file).exists(),
                "{path}: link {href} → {} does not exist",
                file.display()
            );
        }
    }
    // `customer-support.md` is not in the set: shown as text, with a warning naming file:line.
    let page = s.page("nl/report-problems-on-behalf-of-a-customer/index.html");
    assert!(!page.select(".sp-link-unavailable").is_empty());
    let warned = s.summary.diagnostics.iter().any(|d| {
        d.message.contains("customer-support.md")
            && d.location.as_ref().is_some_and(|l| {
                l.path
                    .ends_with("content/nl/report-problems-on-behalf-of-a-customer.md")
                    && l.line == 147
            })
    });
    assert!(warned, "{:#?}", s.summary.diagnostics);
}

#[test]
fn language_homes_group_pages_into_self_support_and_escalation() {
    let home = site().page("nl/index.html");
    let self_support = home.text_of("#s-self-support ~ .sp-page-list a, section[aria-labelledby=s-self-support] .sp-page-list a");
    assert_eq!(self_support, vec!["Zelfondersteuning voor klanten"]);
    let mut escalation = home.text_of("section[aria-labelledby=s-escalation] .sp-page-list a");
    escalation.sort();
    assert_eq!(
        escalation,
        vec![
            "Problemen rapporteren namens een klant",
            "Technische ondersteuning bieden aan klanten"
        ]
    );
}

#[test]
fn sitemap_has_hreflang_alternates() {
    let xml = std::fs::read_to_string(site().out.join("sitemap.xml")).unwrap();
    assert!(
        xml.contains("<loc>https://example.org/support/ru/customer-self-support/</loc>"),
        "{xml}"
    );
    assert!(xml.contains(r#"<xhtml:link rel="alternate" hreflang="pl" href="https://example.org/support/pl/customer-self-support/"/>"#));
    assert!(xml.contains(r#"hreflang="x-default""#));
    let robots = std::fs::read_to_string(site().out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/support/sitemap.xml"));
}

#[test]
fn sub_path_hosting_uses_relative_links_and_rooted_404() {
    let s = site();
    let page = s.page("nl/customer-self-support/index.html");
    assert_eq!(
        page.attr("link[rel=stylesheet]", "href"),
        vec!["../../static/style.css"]
    );
    let nf = s.page("nl/404.html");
    assert_eq!(
        nf.attr("link[rel=stylesheet]", "href"),
        vec!["/support/static/style.css"]
    );
    assert!(
        nf.attr("a.sp-button", "href")
            .contains(&"/support/nl/".to_string())
    );
}

#[test]
fn without_base_url_links_name_index_html_for_file_browsing() {
    let built = build_ok(&repo(), None);
    let chooser = built.page("index.html");
    let hrefs = chooser.attr(".sp-chooser-list a", "href");
    assert!(hrefs.contains(&"nl/index.html".to_string()), "{hrefs:?}");
}
