//! Issue 14: sentence-level staleness and translation QA, on the seeds, fixtures, hostile
//! pages and the shared corpus.

use std::sync::OnceLock;

use signpost::diag::{Diagnostic, Severity};

use crate::common::*;

fn seeds() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&repo(), Some("https://example.org/support/")))
}

fn check(root: &std::path::Path) -> Vec<Diagnostic> {
    signpost::check(root).unwrap()
}

fn in_file<'a>(diags: &'a [Diagnostic], file: &str) -> Vec<&'a Diagnostic> {
    diags
        .iter()
        .filter(|d| d.location.as_ref().is_some_and(|l| l.path.ends_with(file)))
        .collect()
}

/// A side-by-side pair as the exports write it.
fn pair(id: usize, local: &str, english: &str) -> String {
    format!(
        r#"<span data-ttu-id="x-{id}">{local}</span><span class="sxs-lookup"><span data-stu-id="x-{id}">{english}</span></span>"#
    )
}

fn front(lang: &str, hash: &str, handoff: &str) -> String {
    format!(
        "---\ntitle: T {lang}\nms.translationtype: MT\nms.contentlocale: {lang}\nms.openlocfilehash: {hash}\nms.lasthandoff: {handoff}\n---\n"
    )
}

#[test]
fn seeds_nl_and_pl_report_exactly_the_changed_role_lines() {
    let diags = check(&repo());
    for lang in ["nl", "pl"] {
        let file = format!("{lang}/customer-self-support.md");
        let changed: Vec<_> = in_file(&diags, &file)
            .into_iter()
            .filter(|d| d.message.starts_with("segment"))
            .collect();
        let said: Vec<(usize, &str)> = changed
            .iter()
            .map(|d| (d.location.as_ref().unwrap().line, d.message.as_str()))
            .collect();
        assert_eq!(changed.len(), 2, "{lang}: {said:#?}");
        assert!(changed.iter().all(|d| d.severity == Severity::Note));
        // The "Applies to" line (21) and the "Appropriate roles" line (25), at the
        // translation's first character.
        let text = std::fs::read_to_string(repo().join("content").join(&file)).unwrap();
        for (d, english) in changed
            .iter()
            .zip(["**Applies to**", "**Appropriate roles**"])
        {
            let at = d.location.as_ref().unwrap();
            let line = text.lines().nth(at.line - 1).unwrap();
            assert!(
                line.contains(&format!(">{english}<")),
                "{lang}: {at} is {line}"
            );
            let from: String = line.chars().skip(at.column - 1).take(2).collect();
            assert_eq!(
                from, "**",
                "{lang}: column {} points at the translation",
                at.column
            );
            assert!(d.message.contains("now \""), "{}", d.message);
        }
        assert!(changed[0].message.contains(
            "Applies to: Partner Center | Partner Center for Microsoft Cloud for US Government"
        ));
        assert!(
            changed[1]
                .message
                .contains("Appropriate roles: Helpdesk agent")
        );
        let summary: Vec<_> = in_file(&diags, &file)
            .into_iter()
            .filter(|d| {
                d.message
                    .contains("2 of 13 segments changed, 0 removed, 0 new")
            })
            .collect();
        assert_eq!(summary.len(), 1, "{lang}");
    }
    // ru is the newest revision: nothing stale about it.
    assert!(
        in_file(&diags, "ru/customer-self-support.md")
            .iter()
            .all(|d| !d.message.contains("older English") && !d.message.starts_with("segment")),
    );
}

#[test]
fn seeds_stale_pages_say_how_much_changed_and_mark_it_in_place() {
    let notices = [
        ("nl", "2 van de 13 passages zijn in het Engels gewijzigd"),
        ("pl", "zmieniono 2 z 13 fragmentów"),
    ];
    for (lang, says) in notices {
        let page = seeds().page(&format!("{lang}/customer-self-support/index.html"));
        let notice = page.text_of(".sp-notice-stale").join(" ");
        assert!(notice.contains(says), "{lang}: {notice}");
        // Two blocks marked, each with a text label and the current English in lang="en".
        let marks = page.select(".sp-changed");
        assert_eq!(marks.len(), 2, "{lang}");
        let english = page.text_of(".sp-changed [lang=en]");
        assert_eq!(
            english,
            vec![
                "Applies to: Partner Center | Partner Center for Microsoft Cloud for US Government",
                "Appropriate roles: Helpdesk agent"
            ]
        );
        assert_eq!(page.select(".sp-changed .sp-changed-label").len(), 2);
        // Shown without JavaScript: not hidden, in the page's own text.
        assert!(page.select(".sp-changed[hidden]").is_empty());
        assert!(
            page.visible_text().contains("Applies to: Partner Center |"),
            "{lang}"
        );
        // Marked where the changed block is: the "Applies to" paragraph.
        let p = page.text_of("p:has(> .sp-changed)");
        assert_eq!(p.len(), 2, "{p:?}");
    }
    let ru = seeds().page("ru/customer-self-support/index.html");
    assert!(
        ru.select(".sp-notice-stale, .sp-changed").is_empty(),
        "ru is not stale"
    );
    let status: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seeds().out.join("status.json")).unwrap())
            .unwrap();
    let row = status["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == "customer-self-support")
        .unwrap();
    for lang in ["nl", "pl"] {
        let s = &row["cells"][lang]["segments"];
        assert_eq!(
            (
                s["total"].as_u64(),
                s["changed"].as_u64(),
                s["new"].as_u64(),
                s["removed"].as_u64()
            ),
            (Some(13), Some(2), Some(0), Some(0)),
            "{lang}"
        );
    }
    assert!(row["cells"]["ru"]["segments"].is_null());
    let html = std::fs::read_to_string(seeds().out.join("status/index.html")).unwrap();
    assert!(
        html.contains("13 segments: 2 changed, 0 new, 0 removed"),
        "status page"
    );
}

/// Two translations of one page from different revisions whose English is the same.
#[test]
fn revision_differs_text_unchanged_shows_no_notice() {
    let body = format!(
        "{}\n\n{}\n",
        pair(1, "Een zin hier.", "One sentence here."),
        pair(2, "Nog een.", "Another one.")
    );
    let ru = format!(
        "{}\n\n{}\n",
        pair(1, "Одно предложение.", "One sentence here."),
        pair(2, "Ещё одно.", "Another one.")
    );
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, ru]\n"),
        (
            "content/nl/a.md",
            &(front("nl-NL", "aaa", "01/01/2021") + &body),
        ),
        (
            "content/ru/a.md",
            &(front("ru-RU", "bbb", "02/01/2021") + &ru),
        ),
    ]);
    let diags = check(f.root());
    let notes = in_file(&diags, "nl/a.md");
    assert!(
        notes
            .iter()
            .any(|d| d.message.contains("revision differs from ru")
                && d.message.contains("text unchanged")),
        "{notes:#?}"
    );
    assert!(notes.iter().all(|d| !d.message.starts_with("segment")));
    let built = build_ok(f.root(), None);
    let nl = built.page("nl/a/index.html");
    assert!(nl.select(".sp-notice-stale, .sp-changed").is_empty());
}

/// The newest English gained a passage, changed one and dropped one; a hand-written English
/// page is the newest revision.
#[test]
fn new_and_removed_passages_against_a_written_english_page() {
    let nl = [
        pair(
            1,
            "Eerste zin over de portal.",
            "First sentence about the portal.",
        ),
        pair(2, "Tweede zin die blijft.", "Second sentence that stays."),
        pair(
            3,
            "Derde zin die verdwijnt helemaal.",
            "Third sentence that goes away entirely.",
        ),
        pair(
            4,
            "Vierde zin over facturen.",
            "Fourth sentence about invoices.",
        ),
    ]
    .join("\n\n");
    let en = "---\ntitle: A\nms.openlocfilehash: new\n---\nFirst sentence about the portal. Second sentence that stays.\n\nA brand new passage nobody translated.\n\nFourth sentence about monthly invoices.\n";
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/en/a.md", en),
        (
            "content/nl/a.md",
            &(front("nl-NL", "old", "01/01/2021") + &nl),
        ),
    ]);
    let diags = check(f.root());
    let notes: Vec<String> = in_file(&diags, "nl/a.md")
        .iter()
        .map(|d| d.to_string())
        .collect();
    let joined = notes.join("\n");
    assert!(
        joined.contains("1 of 4 segments changed, 1 removed, 1 new"),
        "{joined}"
    );
    assert!(
        joined.contains("now \"Fourth sentence about monthly invoices.\""),
        "{joined}"
    );
    assert!(
        joined.contains("no longer in the English text: \"Third sentence"),
        "{joined}"
    );
    let built = build_ok(f.root(), None);
    let page = built.page("nl/a/index.html");
    let notice = page.text_of(".sp-notice-stale").join(" ");
    assert!(notice.contains("2 van de 4 passages zijn"), "{notice}");
    assert_eq!(page.attr(".sp-new-passages", "lang"), vec!["en"]);
    assert_eq!(
        page.text_of(".sp-new-passages li"),
        vec!["A brand new passage nobody translated."]
    );
    assert_eq!(page.select(".sp-changed").len(), 2);
    assert_eq!(page.select(".sp-changed-removed").len(), 1);
}

#[test]
fn qa_findings_carry_rule_ids_and_site_yaml_sets_their_level() {
    let body = [
        pair(1, "Reacties binnen 4 uur.", "Responses within 2 hours."),
        pair(
            2,
            "Voer `Installeer-Module` uit.",
            "Run `Install-Module` now.",
        ),
        pair(3, "Selecteer Klanten.", "Select **Customers**."),
        pair(4, "", "This sentence was never translated at all."),
        pair(
            5,
            "Go to the page and select the thing you need.",
            "Go to the page and select the thing you need.",
        ),
        pair(
            6,
            "Zie [de site](https://example.org/nl-nl/a).",
            "See [the site](https://example.org/en-us/a).",
        ),
    ]
    .join("\n\n");
    let glossary = "Partner Center: keep\ninvoice: factuur\n";
    let more = pair(
        7,
        "Open het partnercentrum voor uw rekening.",
        "Open Partner Center for your invoice.",
    );
    let page = front("nl-NL", "h", "01/01/2021") + &body + "\n\n" + &more + "\n";
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", &page),
        ("glossary/nl.yaml", glossary),
    ]);
    let diags = check(f.root());
    let rules: Vec<(&str, usize)> = diags
        .iter()
        .filter_map(|d| Some((d.rule_id()?, d.location.as_ref()?.line)))
        .collect();
    // Lines: the front matter has 7, so pairs sit on 8, 10, 12, …
    let expected = [
        ("numbers", 8),
        ("code", 10),
        ("bold", 12),
        ("empty", 14),
        ("untranslated", 16),
        ("glossary", 20),
        ("glossary", 20),
    ];
    let mut sorted = rules.clone();
    sorted.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(sorted, want, "the localized URL (line 18) is not a finding");
    for d in diags.iter().filter(|d| d.rule.is_some()) {
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            d.message.contains("English \"") && d.message.contains("translation \""),
            "{d}"
        );
    }
    // JSON carries the rule id.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--root"])
        .arg(f.root())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(
        ids.contains(&"numbers") && ids.contains(&"glossary"),
        "{ids:?}"
    );

    // Off, and raised to an error.
    std::fs::write(
        f.root().join("site.yaml"),
        "languages: [en, nl]\nqa:\n  numbers: off\n  code: error\n",
    )
    .unwrap();
    let diags = check(f.root());
    assert!(diags.iter().all(|d| d.rule_id() != Some("numbers")));
    let code: Vec<_> = diags
        .iter()
        .filter(|d| d.rule_id() == Some("code"))
        .collect();
    assert_eq!(code.len(), 1);
    assert!(code[0].is_error());
    assert!(
        build_site(f.root(), None).is_err(),
        "an error-level finding fails the build"
    );
    // The status page counts per page and language.
    std::fs::write(
        f.root().join("site.yaml"),
        "languages: [en, nl]\nqa:\n  enabled: true\n",
    )
    .unwrap();
    let built = build_ok(f.root(), None);
    let status: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(built.out.join("status.json")).unwrap())
            .unwrap();
    assert_eq!(status["totals"]["nl"]["qa_total"], 7);
    assert_eq!(status["rows"][0]["cells"]["nl"]["qa"]["glossary"], 2);
    // QA off: nothing.
    std::fs::write(
        f.root().join("site.yaml"),
        "languages: [en, nl]\nqa:\n  enabled: false\n",
    )
    .unwrap();
    assert!(check(f.root()).iter().all(|d| d.rule.is_none()));
}

#[test]
fn a_misspelled_qa_rule_is_a_config_error_at_its_line() {
    let f = Fixture::new(&[
        (
            "site.yaml",
            "languages: [en, nl]\nqa:\n  numbers: warning\n  nubmers: off\n",
        ),
        ("content/nl/a.md", "# A\n"),
    ]);
    match signpost::check(f.root()) {
        Err(signpost::config::ConfigError::Invalid {
            location, message, ..
        }) => {
            assert_eq!((location.line, location.column), (4, 3), "{message}");
            assert!(message.contains("nubmers"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\nqa:\n  numbers: loud\n"),
        ("content/nl/a.md", "# A\n"),
    ]);
    assert!(matches!(
        signpost::check(f.root()),
        Err(signpost::config::ConfigError::Invalid { location, .. }) if location.line == 3
    ));
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("glossary/nl.yaml", "term: [not, text]\n"),
    ]);
    let diags = check(f.root());
    let bad: Vec<_> = diags
        .iter()
        .filter(|d| d.message.starts_with("glossary:"))
        .collect();
    assert_eq!(bad.len(), 1, "{diags:#?}");
    assert_eq!(bad[0].location.as_ref().unwrap().line, 1);
}

/// Spans that never close, spans inside spans, a translation with no original: each page
/// still builds, and only well-formed pairs are compared.
#[test]
fn hostile_mismatched_and_nested_spans() {
    let nl = [
        r#"<span data-ttu-id="a">Open zonder einde <span class="sxs-lookup"><span data-stu-id="a">Open without end"#.to_string(),
        r#"<span data-ttu-id="b">Buiten <span>binnen</span> klaar</span><span class="sxs-lookup"><span data-stu-id="b">Outer <span>inner</span> done 5</span></span>"#.to_string(),
        r#"<span data-ttu-id="c">Alleen vertaald</span> zonder origineel"#.to_string(),
        r#"</span></span><span class="sxs-lookup"><span data-stu-id="d">Original without translation</span></span>"#.to_string(),
        pair(5, "Gewone zin.", "Plain sentence."),
    ]
    .join("\n\n");
    let ru = [
        pair(1, "Другое", "Something else entirely"),
        pair(5, "Обычное.", "Plain sentence."),
    ]
    .join("\n\n");
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, ru]\n"),
        (
            "content/nl/a.md",
            &(front("nl-NL", "old", "01/01/2021") + &nl),
        ),
        (
            "content/ru/a.md",
            &(front("ru-RU", "new", "02/01/2021") + &ru),
        ),
    ]);
    let diags = check(f.root());
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    let built = build_ok(f.root(), None);
    let page = built.page("nl/a/index.html");
    assert!(leaks(&page).is_empty(), "{:?}", leaks(&page));
    assert_eq!(page.select(".sp-notice-stale").len(), 1);
    // The nested pair's number is checked against its own translation.
    assert!(
        diags
            .iter()
            .any(|d| d.rule_id() == Some("numbers") && d.location.as_ref().unwrap().line == 10)
    );
}

/// Stale plain translations (no spans) and a page whose spans hold no English: the blanket
/// notice, no segment counts, no panic.
#[test]
fn hostile_pages_with_no_english_at_all() {
    let empty_originals = [pair(1, "Iets", ""), pair(2, "Meer", "")].join("\n\n");
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, pl, ru]\n"),
        (
            "content/nl/a.md",
            &(front("nl-NL", "old", "01/01/2021") + "Gewone vertaalde tekst.\n"),
        ),
        (
            "content/pl/a.md",
            &(front("pl-PL", "new", "02/01/2021") + "Zwykły tekst.\n"),
        ),
        (
            "content/nl/b.md",
            &(front("nl-NL", "old", "01/01/2021") + &empty_originals),
        ),
        (
            "content/ru/b.md",
            &(front("ru-RU", "new", "02/01/2021") + &pair(1, "Что-то", "")),
        ),
    ]);
    let diags = check(f.root());
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    let built = build_ok(f.root(), None);
    let a = built.page("nl/a/index.html");
    assert_eq!(a.text_of(".sp-notice-stale p").len(), 1);
    assert!(
        a.text_of(".sp-notice-stale")
            .join("")
            .contains("mogelijk verouderd")
    );
    let b = built.page("nl/b/index.html");
    assert!(b.select(".sp-changed").is_empty());
    assert!(
        b.text_of(".sp-notice-stale")
            .join("")
            .contains("mogelijk verouderd")
    );
}

/// 10,000 segments on one page, every tenth changed in the newest revision: built, aligned
/// exactly, every change found.
#[test]
fn hostile_ten_thousand_segment_page() {
    let n = 10_000;
    let old: Vec<String> = (0..n)
        .map(|i| {
            pair(
                i,
                &format!("Zin {i} van de pagina."),
                &format!("Sentence {i} of the page about topic {}.", i % 37),
            )
        })
        .collect();
    let new: Vec<String> = (0..n)
        .map(|i| {
            let en = if i % 10 == 3 {
                format!(
                    "Sentence {i} of the page, rewritten, about topic {}.",
                    i % 37
                )
            } else {
                format!("Sentence {i} of the page about topic {}.", i % 37)
            };
            pair(i, &format!("Предложение {i}."), &en)
        })
        .collect();
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, ru]\nsearch: false\n"),
        (
            "content/nl/big.md",
            &(front("nl-NL", "old", "01/01/2021") + &old.join(" ")),
        ),
        (
            "content/ru/big.md",
            &(front("ru-RU", "new", "02/01/2021") + &new.join(" ")),
        ),
    ]);
    let start = std::time::Instant::now();
    let built = build_ok(f.root(), None);
    eprintln!("10,000-segment page built in {:?}", start.elapsed());
    let status: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(built.out.join("status.json")).unwrap())
            .unwrap();
    let s = &status["rows"][0]["cells"]["nl"]["segments"];
    assert_eq!(s["total"], n);
    assert_eq!(s["changed"], n / 10);
    assert_eq!(s["removed"], 0);
    assert_eq!(s["new"], 0);
}

/// The shared corpus: QA runs on all of it; the rules find real damage there.
#[test]
fn corpus_qa_runs_on_every_page_and_finds_real_damage() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = shared().join("corpus");
    let mut pages = 0;
    for lang in ["nl", "ru", "pl"] {
        for rel in walk(&corpus.join(lang)) {
            let to = tmp.path().join("content").join(lang).join(&rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(corpus.join(lang).join(&rel), to).unwrap();
            pages += usize::from(rel.ends_with(".md"));
        }
    }
    assert_eq!(pages, 360);
    std::fs::write(
        tmp.path().join("site.yaml"),
        "languages: [en, nl, ru, pl]\n",
    )
    .unwrap();
    let diags = check(tmp.path());
    let mut per_rule = std::collections::BTreeMap::new();
    for d in diags.iter().filter(|d| d.rule.is_some()) {
        *per_rule.entry(d.rule_id().unwrap()).or_insert(0) += 1;
        let at = d.location.as_ref().unwrap();
        let text = std::fs::read_to_string(tmp.path().join(&at.path)).unwrap();
        let line = text.lines().nth(at.line - 1).unwrap();
        let from: String = line.chars().skip(at.column - 1).collect();
        let _ = from;
        assert!(
            line.contains("data-ttu-id"),
            "{at} is not a translated segment"
        );
    }
    eprintln!("corpus QA findings per rule: {per_rule:?}");
    // Known real damage: bold UI labels lost, a URL broken by a space, a figure glued to a word.
    assert!(
        per_rule.get("bold").copied().unwrap_or(0) > 20,
        "{per_rule:?}"
    );
    assert!(
        per_rule.get("urls").copied().unwrap_or(0) >= 2,
        "{per_rule:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.rule_id() == Some("numbers") && d.message.contains("365nie"))
    );
    assert!(diags.iter().any(|d| {
        d.rule_id() == Some("untranslated")
            && d.message
                .contains("Extraneous data will cause the upload to fail.")
    }));
}

fn corpus_file(rel: &str) -> String {
    std::fs::read_to_string(shared().join("corpus").join(rel)).unwrap()
}

/// A plain translation (no spans) next to a side-by-side one of the same English revision:
/// the English rebuilt from the spans is compared with the plain page block by block (real
/// pages from ../shared/corpus: the ru `live` branch and the nl `live-sxs` branch).
#[test]
fn plain_translations_are_checked_block_by_block() {
    let page = "partner-center/announcements/2020-december.md";
    let mfa = "partner-center/partner-security-requirements-mandating-mfa.md";
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, ru, pl]\n"),
        (
            "content/ru/dec.md",
            &corpus_file(&format!("ru/live/{page}")),
        ),
        (
            "content/nl/dec.md",
            &corpus_file(&format!("nl/live-sxs/{page}")),
        ),
        ("content/ru/mfa.md", &corpus_file(&format!("ru/live/{mfa}"))),
        (
            "content/nl/mfa.md",
            &corpus_file(&format!("nl/live-sxs/{mfa}")),
        ),
    ]);
    let diags = check(f.root());
    let qa = |file| -> Vec<&Diagnostic> {
        in_file(&diags, file)
            .into_iter()
            .filter(|d| d.kind == signpost::diag::Kind::TranslationQa)
            .collect()
    };
    // True hit: the bold label "**Testing**" became plain "Тестирование.", at the
    // translated block's line and column.
    let dec = qa("content/ru/dec.md");
    assert_eq!(dec.len(), 1, "{dec:#?}");
    let d = dec[0];
    assert_eq!(d.rule_id(), Some("bold"));
    assert_eq!(d.severity, Severity::Warning);
    let at = d.location.as_ref().unwrap();
    assert_eq!((at.line, at.column), (568, 1));
    assert!(d.message.contains("**Testing**") && d.message.contains("Тестирование"));
    // Near miss: bare URLs ending in an escaped `\*` in English and a plain `*` in the
    // translation are the same URL; every other block of the page passes too.
    assert!(
        qa("content/ru/mfa.md").is_empty(),
        "{:#?}",
        qa("content/ru/mfa.md")
    );
}

/// A plain translation of another English revision is left out quietly (its English changed
/// in places nobody knows); one whose blocks do not line up gets one note saying where.
#[test]
fn plain_translations_that_cannot_be_paired() {
    let page = "partner-center/announcements/2020-december.md";
    let ru = corpus_file(&format!("ru/live/{page}"));
    let nl = corpus_file(&format!("nl/live-sxs/{page}"));
    let other_revision = nl.replace("ms.openlocfilehash: ", "ms.openlocfilehash: 0");
    // A paragraph of the translation lost ("Тестирование." is one block).
    let lost = ru.replacen("Тестирование. \n", "", 1);
    assert_ne!(lost, ru);
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl, ru, pl]\n"),
        ("content/ru/a.md", &ru),
        ("content/nl/a.md", &other_revision),
        ("content/ru/b.md", &lost),
        ("content/nl/b.md", &nl),
    ]);
    let diags = check(f.root());
    let qa = |file| -> Vec<&Diagnostic> {
        in_file(&diags, file)
            .into_iter()
            .filter(|d| d.kind == signpost::diag::Kind::TranslationQa)
            .collect()
    };
    assert!(
        qa("content/ru/a.md").is_empty(),
        "{:#?}",
        qa("content/ru/a.md")
    );
    let b = qa("content/ru/b.md");
    assert_eq!(b.len(), 1, "{b:#?}");
    assert_eq!(b[0].severity, Severity::Note);
    assert!(b[0].message.contains("do not line up"), "{}", b[0].message);
    // Kinds alone place the parting where the kinds first differ: at or after the lost block.
    assert!(b[0].location.as_ref().unwrap().line >= 568);
}
