//! The request summary at the end of a decision-tree walk (issue 13): the reader's copy and
//! the hand-off language's copy, the `request:` checklist, the "Send to …" `mailto:` link,
//! validation of the new keys, the output's size, and hostile names and answers.
//!
//! Expected texts come from `locales/<lang>/who-handles-this.ftl` and the tree's YAML, read
//! here on their own, so a summary that drops, reorders or mistranslates a line fails.

use std::path::Path;
use std::sync::OnceLock;

use signpost::BuildError;

use crate::common::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The default site (`content/`, with its tree) under a `site.yaml` of the test's own.
fn default_site_with(site_yaml: &str) -> Fixture {
    let f = Fixture::new(&[("site.yaml", site_yaml)]);
    copy_dir(&repo().join("content"), &f.root().join("content"));
    f
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

const PARTNER_SITE: &str = "languages: [en, nl, ru, pl]\nbase_url: https://example.org/support/\npartner:\n  name: Contoso Cloud\n  email: help@contoso.example\n";

/// The default site with a partner who has an e-mail address, built once.
fn partner_site() -> &'static Built {
    static SITE: OnceLock<(Fixture, Built)> = OnceLock::new();
    let (_, built) = SITE.get_or_init(|| {
        let f = default_site_with(PARTNER_SITE);
        let b = build_ok(f.root(), None);
        (f, b)
    });
    built
}

/// The default site as it is (no partner in site.yaml), built once.
fn plain_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&repo(), None))
}

/// A one-line message of `locales/<lang>/who-handles-this.ftl`.
fn ftl(lang: &str, key: &str) -> String {
    let path = repo().join(format!("locales/{lang}/who-handles-this.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .find_map(|l| {
            let (id, value) = l.split_once(" = ")?;
            (id.trim() == key).then(|| value.trim().to_string())
        })
        .unwrap_or_else(|| panic!("no one-line message `{key}` in {}", path.display()))
}

/// A message with `{ $name }` filled in.
fn ftl_with(lang: &str, key: &str, name: &str, value: &str) -> String {
    ftl(lang, key).replace(&format!("{{ ${name} }}"), value)
}

/// The `request:` keys of an outcome of the default tree, read from its YAML.
fn request_keys(outcome: &str) -> Vec<String> {
    let yaml = std::fs::read_to_string(repo().join("content/who-handles-this.yaml")).unwrap();
    let start = yaml
        .find(&format!("- id: {outcome}\n"))
        .unwrap_or_else(|| panic!("no outcome {outcome}"));
    let rest = &yaml[start..];
    let end = rest[1..].find("- id: ").map_or(rest.len(), |i| i + 1);
    let line = rest[..end]
        .lines()
        .find_map(|l| l.trim().strip_prefix("request: ["))
        .unwrap_or_else(|| panic!("{outcome} has no request: list"));
    line.trim_end_matches(']')
        .split(',')
        .map(|k| k.trim().to_string())
        .collect()
}

/// (lang attribute, plain text) of each copy of the summary on a page.
fn copies_of(page: &Page) -> Vec<(String, String)> {
    page.select(".sp-handoff-copy")
        .iter()
        .map(|c| {
            let lang = c.value().attr("lang").unwrap_or_default().to_string();
            let pre = c
                .select(&scraper::Selector::parse("pre").unwrap())
                .next()
                .expect("a <pre> in each copy");
            (lang, pre.text().collect::<String>())
        })
        .collect()
}

/// The "Send to …" link of the summary, if the page has one.
fn send_link(page: &Page) -> Option<(String, String)> {
    let links = page.select(".sp-handoff a[href^='mailto:']");
    assert!(links.len() <= 1, "{}: more than one send link", page.path);
    links.first().map(|a| {
        (
            a.value().attr("href").unwrap().to_string(),
            a.text().collect::<String>(),
        )
    })
}

/// Percent-decoding written here, not signpost's: `%XX` only; anything else is taken as is.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("the decoded mailto is UTF-8")
}

/// A `mailto:` taken apart, after checking it is well-formed: nothing but unreserved
/// characters and `%XX` in the values, exactly the `subject` and `body` fields, CRLF line
/// breaks. Returns (address, subject, body with LF breaks).
fn parse_mailto(href: &str) -> (String, String, String) {
    let rest = href.strip_prefix("mailto:").expect("starts with mailto:");
    let (address, query) = rest.split_once('?').expect("a ?subject=…&body=… query");
    let is_value_char =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '%');
    assert!(
        address
            .chars()
            .all(|c| is_value_char(c) || c == '@' || c == '+'),
        "address {address:?}"
    );
    let fields: Vec<(&str, &str)> = query
        .split('&')
        .map(|f| f.split_once('=').expect("name=value"))
        .collect();
    assert_eq!(
        fields.iter().map(|f| f.0).collect::<Vec<_>>(),
        ["subject", "body"],
        "{href}"
    );
    for (name, value) in &fields {
        assert!(
            value.chars().all(is_value_char),
            "{name} has a raw character that could end it: {value}"
        );
        for (i, _) in value.match_indices('%') {
            assert!(
                value
                    .get(i + 1..i + 3)
                    .is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit())),
                "{name}: a % that starts no %XX at {i}"
            );
        }
    }
    let subject = percent_decode(fields[0].1);
    assert!(
        !subject.contains(['\r', '\n']),
        "one-line subject: {subject:?}"
    );
    let body = percent_decode(fields[1].1);
    assert!(
        !body.replace("\r\n", "").contains(['\r', '\n']),
        "line breaks in a mailto body are CRLF"
    );
    (percent_decode(address), subject, body.replace("\r\n", "\n"))
}

/// The lines a walk's answers make in a copy: `- <question>` then `  <answer>`.
fn answer_lines(lang: &str, steps: &[(&str, &str)]) -> String {
    steps
        .iter()
        .map(|(q, a)| format!("- {}\n  {}\n", ftl(lang, q), ftl(lang, a)))
        .collect()
}

/// The partner walk of issue 13: customer → something isn't working → no known incident.
const PARTNER_WALK: &str = "1-3-2";
const PARTNER_STEPS: &[(&str, &str)] = &[
    ("who-q-role", "who-a-role-customer"),
    ("who-q-customer-need", "who-a-customer-not-working"),
    ("who-q-service-health", "who-a-service-health-no"),
];

/// Partner → technical → cannot fix → direct → Azure.
const AZURE_WALK: &str = "2-1-2-2-1";

// ---------------------------------------------------------------------------------------------
// The summary
// ---------------------------------------------------------------------------------------------

#[test]
fn polish_partner_walk_has_a_polish_and_an_english_summary_of_that_walk() {
    let page = partner_site().page(&format!("pl/who-handles-this/p/{PARTNER_WALK}/index.html"));
    let copies = copies_of(&page);
    assert_eq!(
        copies.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["pl", "en"],
        "the reader's copy, then English marked lang=en"
    );
    let keys = request_keys("partner-support");
    for (lang, text) in &copies {
        let title = ftl(lang, "who-o-partner-support");
        let first_lines = format!(
            "{}\n{}: {} (Contoso Cloud)\n",
            ftl_with(lang, "who-handoff-subject", "title", &title),
            ftl(lang, "who-handled-by"),
            ftl(lang, "who-handler-partner"),
        );
        assert!(text.starts_with(&first_lines), "{lang}: {text}");
        let answers = format!(
            "{}:\n{}",
            ftl(lang, "who-your-answers"),
            answer_lines(lang, PARTNER_STEPS)
        );
        assert!(
            text.contains(&answers),
            "{lang}: the walk's answers in order:\n{answers}\nin:\n{text}"
        );
        let checklist: String = keys
            .iter()
            .map(|k| format!("[ ] {}: ", ftl(lang, k)))
            .collect::<Vec<_>>()
            .join("________________\n");
        assert!(
            text.contains(&format!(
                "{}:\n{checklist}",
                ftl(lang, "who-handoff-include")
            )),
            "{lang}: the checklist from request: in the YAML:\n{text}"
        );
        // The walk's own address, in the copy's language.
        assert!(
            text.ends_with(&format!(
                "{}: https://example.org/support/{lang}/who-handles-this/p/{PARTNER_WALK}/",
                ftl(lang, "who-handoff-walk")
            )),
            "{lang}: {text}"
        );
        // No answer of another walk slipped in.
        assert!(!text.contains(&ftl(lang, "who-a-service-health-yes")));
    }
    // The same outcome's own page has the summary too, without answers.
    let stable = partner_site().page("pl/who-handles-this/partner-support/index.html");
    let own = copies_of(&stable);
    assert_eq!(own.len(), 2);
    assert!(!own[0].1.contains(&ftl("pl", "who-your-answers")));
    assert!(own[0].1.contains(&ftl("pl", &keys[0])));
}

#[test]
fn the_mailto_decodes_to_the_summary_with_the_english_copy_cut_first() {
    let page = partner_site().page(&format!("pl/who-handles-this/p/{PARTNER_WALK}/index.html"));
    let (href, label) = send_link(&page).expect("a send link: the partner has an e-mail");
    assert_eq!(
        label.trim(),
        ftl_with("pl", "who-handoff-send", "name", "Contoso Cloud")
    );
    assert!(href.len() <= 2000, "{} characters", href.len());
    let (address, subject, body) = parse_mailto(&href);
    assert_eq!(address, "help@contoso.example");
    let copies = copies_of(&page);
    let (pl, en) = (&copies[0].1, &copies[1].1);
    assert_eq!(
        subject,
        format!(
            "{} / {}",
            pl.lines().next().unwrap(),
            en.lines().next().unwrap()
        )
    );
    let full = format!("{pl}\n\n{en}");
    if body == full {
        return;
    }
    // Too long for one link: whole lines kept from the start, the Polish answers and
    // checklist first, then a note in both languages with the walk's address.
    let note = format!(
        "\n\n{}\n{}",
        ftl_with(
            "pl",
            "who-handoff-cut-link",
            "url",
            &format!("https://example.org/support/pl/who-handles-this/p/{PARTNER_WALK}/")
        ),
        ftl_with(
            "en",
            "who-handoff-cut-link",
            "url",
            &format!("https://example.org/support/en/who-handles-this/p/{PARTNER_WALK}/")
        ),
    );
    let kept = body
        .strip_suffix(&note)
        .unwrap_or_else(|| panic!("a cut mail ends with the note:\n{body}"));
    assert!(
        full.starts_with(kept),
        "kept lines are the summary's first lines:\n{kept}"
    );
    let checklist_end = pl
        .find(&ftl("pl", "who-r-tried"))
        .expect("the Polish checklist");
    assert!(
        kept.len() > checklist_end,
        "the Polish answers and checklist are all in the mail:\n{kept}"
    );
    assert!(
        page.select(".sp-handoff .sp-tree-hint").len() == 1,
        "the page says the mail is shortened"
    );
}

#[test]
fn a_summary_that_fits_goes_whole_into_the_mail() {
    let f = small_tree_site(
        "languages: [en, pl]\n",
        &SMALL_TREE.replace(
            "      handler: indirect-provider\n",
            "      handler: indirect-provider\n      email: desk@fabrikam.example\n      email_name: Fabrikam Distribution\n",
        ),
        SMALL_FTL,
    );
    let b = build_ok(f.root(), None);
    let page = b.page("pl/who-handles-this/p/2/index.html");
    let (href, label) = send_link(&page).expect("the outcome's own e-mail");
    assert_eq!(label.trim(), "Wyślij do: Fabrikam Distribution");
    let (address, subject, body) = parse_mailto(&href);
    assert_eq!(address, "desk@fabrikam.example");
    let copies = copies_of(&page);
    assert_eq!(body, format!("{}\n\n{}", copies[0].1, copies[1].1));
    assert_eq!(
        subject,
        "Zgłoszenie do pomocy technicznej: Dostawca / Support request: Provider"
    );
    assert!(
        copies[0]
            .1
            .contains("Twój dostawca pośredni (Fabrikam Distribution)")
    );
    assert!(
        page.select(".sp-handoff .sp-tree-hint").is_empty(),
        "not cut"
    );
}

#[test]
fn russian_azure_escalation_lists_severities_with_their_times_in_both_copies() {
    let page = plain_site().page(&format!("ru/who-handles-this/p/{AZURE_WALK}/index.html"));
    let copies = copies_of(&page);
    assert_eq!(copies.len(), 2);
    let want = |lang: &str, times: [&str; 4]| {
        let labels = [
            "who-severity-a",
            "who-severity-b",
            "who-severity-c",
            "who-severity-other",
        ];
        let mut block = format!("[ ] {}:\n", ftl(lang, "who-handoff-severity"));
        for (label, time) in labels.iter().zip(times) {
            block.push_str(&format!("    ( ) {} — {time}\n", ftl(lang, label)));
        }
        block
    };
    // Russian plurals: 2, 4 часов ("few" takes the genitive plural after «в течение»),
    // 8 часов ("many"), 1 рабочего дня ("one").
    let ru = want(
        "ru",
        [
            "в течение 2 часов",
            "в течение 4 часов",
            "в течение 8 часов",
            "в течение 1 рабочего дня",
        ],
    );
    let en = want(
        "en",
        [
            "within 2 hours",
            "within 4 hours",
            "within 8 hours",
            "within 1 business day",
        ],
    );
    assert_eq!(copies[0].0, "ru");
    assert!(copies[0].1.contains(&ru), "{ru}\nin:\n{}", copies[0].1);
    assert_eq!(copies[1].0, "en");
    assert!(copies[1].1.contains(&en), "{en}\nin:\n{}", copies[1].1);
    for key in request_keys("escalate-azure") {
        assert!(
            copies[0].1.contains(&format!("[ ] {}: _", ftl("ru", &key))),
            "{key}"
        );
        assert!(
            copies[1].1.contains(&format!("[ ] {}: _", ftl("en", &key))),
            "{key}"
        );
    }
    // Microsoft is reached through a service request, not by mail: no send link.
    assert_eq!(send_link(&page), None);
}

#[test]
fn an_outcome_without_an_email_has_no_send_link() {
    // The default site names no partner: no outcome page anywhere has a send link, but every
    // outcome page has its summary.
    let plain = plain_site();
    let mut outcomes = 0;
    for path in plain.html_files() {
        if !path.contains("/who-handles-this/") {
            continue;
        }
        let page = plain.page(&path);
        if page.select("main.sp-tree-outcome").is_empty() {
            continue;
        }
        outcomes += 1;
        assert_eq!(send_link(&page), None, "{path}");
        assert!(!copies_of(&page).is_empty(), "{path}: a summary");
    }
    assert!(outcomes > 40, "{outcomes} outcome pages");
    // With the partner's address: partner outcomes send, Microsoft's and the reader's own do not.
    let partner = partner_site();
    for (path, sends) in [
        ("en/who-handles-this/partner-support/index.html", true),
        ("nl/who-handles-this/p/1-2/index.html", true),
        ("en/who-handles-this/escalate-azure/index.html", false),
        ("ru/who-handles-this/p/2-1-2-1/index.html", false),
        ("pl/who-handles-this/self-service/index.html", false),
    ] {
        assert_eq!(send_link(&partner.page(path)).is_some(), sends, "{path}");
    }
    // A partner without an address: the card, but nothing to send to.
    let f = default_site_with(
        "languages: [en, nl]\npartner:\n  name: Contoso Cloud\n  phone: \"+31 20 123 4567\"\n",
    );
    let b = build_ok(f.root(), None);
    let page = b.page(&format!("nl/who-handles-this/p/{PARTNER_WALK}/index.html"));
    assert_eq!(page.text_of(".sp-contact-name"), vec!["Contoso Cloud"]);
    assert_eq!(send_link(&page), None);
}

#[test]
fn handoff_language_sets_the_second_copy() {
    let f = default_site_with("languages: [en, nl, ru, pl]\nhandoff_language: nl\n");
    let b = build_ok(f.root(), None);
    let ru = b.page(&format!("ru/who-handles-this/p/{PARTNER_WALK}/index.html"));
    let copies_ru = copies_of(&ru);
    assert_eq!(
        copies_ru.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["ru", "nl"]
    );
    assert!(copies_ru[1].1.contains(&answer_lines("nl", PARTNER_STEPS)));
    assert_eq!(
        ru.text_of(".sp-handoff-copy h3"),
        vec!["Русский", "Nederlands"]
    );
    // A reader in the hand-off language gets one copy.
    let nl = b.page(&format!("nl/who-handles-this/p/{PARTNER_WALK}/index.html"));
    assert_eq!(copies_of(&nl).len(), 1);
    // Not a language of the site: an error at its line.
    let f = default_site_with("languages: [en, nl]\nhandoff_language: de\n");
    match build_site(f.root(), None) {
        Err(e) => {
            let text = e.to_string();
            assert!(
                text.contains("site.yaml:2:1") && text.contains("handoff_language"),
                "{text}"
            );
        }
        Ok(_) => panic!("handoff_language: de should be refused"),
    }
}

#[test]
fn without_javascript_the_summary_is_text_and_the_buttons_wait_for_handoff_js() {
    let page = plain_site().page(&format!("en/who-handles-this/p/{PARTNER_WALK}/index.html"));
    // Copy and Print are buttons that only handoff.js makes visible; the theme hides them.
    let buttons = page.select(".sp-handoff button");
    assert_eq!(buttons.len(), 2);
    for b in &buttons {
        assert!(
            b.value().classes().any(|c| c == "sp-js-only"),
            "{}",
            b.html()
        );
    }
    let css = std::fs::read_to_string(repo().join("themes/default/static/style.css")).unwrap();
    assert!(css.contains(".sp-js-only { display: none; }"));
    assert!(css.contains(".sp-js .sp-js-only { display: inline-flex; }"));
    let js = std::fs::read_to_string(repo().join("themes/default/static/handoff.js")).unwrap();
    assert!(js.contains("classList.add(\"sp-js\")"));
    assert_eq!(
        page.attr("script[src$='handoff.js']", "src"),
        vec!["../../../../static/handoff.js"]
    );
    assert!(plain_site().exists("static/handoff.js"));
    // No inline script or style (the coming Content-Security-Policy).
    assert!(page.select("script:not([src])").is_empty());
    assert!(page.select("[style], style").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const SMALL_TREE: &str = "start: q\nnodes:\n  - id: q\n    question: k-q\n    options:\n      - text: k-a\n        next: self\n      - text: k-b\n        next: provider\n  - id: self\n    outcome:\n      handler: you\n      title: k-t\n      summary: k-s\n  - id: provider\n    outcome:\n      handler: indirect-provider\n      title: k-p\n      summary: k-s\n      request: [k-r1, k-r2]\n";

const SMALL_FTL: &str = "k-q = Question?\nk-a = A\nk-b = B\nk-t = Title\nk-p = Provider\nk-s = Summary\nk-r1 = Customer\nk-r2 = Domain\n";
const SMALL_FTL_PL: &str = "k-q = Pytanie?\nk-a = A\nk-b = B\nk-t = Tytuł\nk-p = Dostawca\nk-s = Podsumowanie\nk-r1 = Klient\nk-r2 = Domena\n";

fn small_tree_site(site_yaml: &str, tree: &str, ftl_en: &str) -> Fixture {
    Fixture::new(&[
        ("site.yaml", site_yaml),
        ("content/en/a.md", "# A\n"),
        ("content/who-handles-this.yaml", tree),
        ("locales/en/tree.ftl", ftl_en),
        ("locales/pl/tree.ftl", SMALL_FTL_PL),
    ])
}

fn diagnostics(f: &Fixture) -> Vec<String> {
    match build_site(f.root(), None) {
        Err(BuildError::Failed(d)) => d.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
        Ok(b) => b
            .summary
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect(),
    }
}

#[test]
fn the_small_tree_is_valid() {
    let f = small_tree_site("languages: [en, pl]\n", SMALL_TREE, SMALL_FTL);
    let b = build_ok(f.root(), None);
    let page = b.page("pl/who-handles-this/p/2/index.html");
    assert_eq!(
        copies_of(&page)[0].1,
        "Zgłoszenie do pomocy technicznej: Dostawca\nKto się tym zajmuje: Twój dostawca pośredni\n\nTwoje odpowiedzi:\n- Pytanie?\n  B\n\nPodaj w zgłoszeniu:\n[ ] Klient: ________________\n[ ] Domena: ________________"
    );
}

#[test]
fn a_request_key_in_no_language_is_an_error_at_its_column() {
    let f = small_tree_site(
        "languages: [en, pl]\n",
        &SMALL_TREE.replace("[k-r1, k-r2]", "[k-r1, k-nowhere]"),
        SMALL_FTL,
    );
    let d = diagnostics(&f);
    let errors: Vec<&String> = d.iter().filter(|d| d.contains(": error:")).collect();
    assert_eq!(errors.len(), 1, "{d:#?}");
    assert!(
        errors[0].starts_with("content/who-handles-this.yaml:20:23: error: text `k-nowhere`"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_request_key_missing_in_one_language_is_shown_in_english_with_a_warning() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, pl]\n"),
        ("content/en/a.md", "# A\n"),
        ("content/who-handles-this.yaml", SMALL_TREE),
        ("locales/en/tree.ftl", SMALL_FTL),
        (
            "locales/pl/tree.ftl",
            &SMALL_FTL_PL.replace("k-r2 = Domena\n", ""),
        ),
    ]);
    let b = build_ok(f.root(), None);
    let warning = b
        .summary
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .find(|d| d.contains("k-r2"))
        .expect("a warning naming k-r2");
    assert!(warning.contains("missing in pl"), "{warning}");
    let page = b.page("pl/who-handles-this/p/2/index.html");
    assert!(
        copies_of(&page)[0]
            .1
            .ends_with("[ ] Klient: ________________\n[ ] Domain: ________________")
    );
}

#[test]
fn an_outcome_email_that_is_no_address_is_an_error_at_its_column() {
    let f = small_tree_site(
        "languages: [en, pl]\n",
        &SMALL_TREE.replace(
            "      request:",
            "      email: \"desk@fabrikam.example?cc=x@y.example\"\n      request:",
        ),
        SMALL_FTL,
    );
    let d = diagnostics(&f);
    assert!(
        d.iter().any(|d| d.starts_with(
            "content/who-handles-this.yaml:20:15: error: outcome `provider` has `email:"
        )),
        "{d:#?}"
    );
}

#[test]
fn a_partner_email_that_is_no_address_is_an_error_at_its_column() {
    let f = default_site_with("languages: [en]\npartner:\n  name: X\n  email: not an address\n");
    let d = diagnostics(&f);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("site.yaml:4:10: partner email `not an address`"),
        "{}",
        d[0]
    );
}

// ---------------------------------------------------------------------------------------------
// Size and timings
// ---------------------------------------------------------------------------------------------

/// All walk pages of the default tree in four languages grow by at most 2× with the summary:
/// each page is measured with and without its summary section.
#[test]
fn walk_pages_grow_at_most_twofold() {
    let site = plain_site();
    let (mut with, mut without) = (0usize, 0usize);
    for path in site.html_files() {
        if !path.contains("/who-handles-this/p/") {
            continue;
        }
        let raw = site.page(&path).raw;
        with += raw.len();
        let section = raw
            .find("<section class=\"sp-handoff\"")
            .map_or(0, |start| {
                raw[start..].find("</section>").unwrap() + "</section>".len()
            });
        let script = raw
            .find("<script src=\"")
            .filter(|_| raw.contains("handoff.js\" defer></script>"))
            .map_or(0, |_| {
                "<script src=\"../../../../static/handoff.js\" defer></script>\n".len()
            });
        without += raw.len() - section - script;
    }
    assert!(without > 0);
    let ratio = with as f64 / without as f64;
    eprintln!("walk pages: {without} bytes without the summary, {with} with it ({ratio:.2}x)");
    assert!(ratio <= 2.0, "{ratio:.2}x");
}

#[test]
fn timings_still_name_the_tree_stage() {
    let out = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["--root"])
        .arg(repo())
        .args(["build", "--output"])
        .arg(out.path().join("public"))
        .env("SIGNPOST_TIMINGS", "1")
        .output()
        .unwrap();
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("timing: render tree") && l.contains(" ms")),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// Hostile names and answers: the mailto stays well-formed and nothing is injected
// ---------------------------------------------------------------------------------------------

/// Answers and names with quotes, ampersands, angle brackets, line breaks (a Fluent value
/// that goes on over several lines), bidi overrides and right-to-left text.
const HOSTILE_FTL: &str = "k-q = Question \"one\" & <b>two</b>?\nk-a = A\nk-b =\n    B & C <script>alert(1)</script>\n    second line %0D%0Abcc:evil@x.example ?body=x #frag 100%\nk-t = Title\nk-p = Provider \u{202e}gnp.exe \"quoted\"\nk-s = Summary\nk-r1 = Customer & <i>co</i>\nk-r2 = שם הדומיין\n";

#[test]
fn hostile_names_and_answers_keep_the_mailto_well_formed() {
    let site_yaml = "languages: [en, pl]\nbase_url: https://example.org/support/\npartner:\n  name: \"Contoso \\\"Cloud\\\" & <Sons>\\nשירות \u{202e}evil\"\n  email: \"help+desk@contoso.example\"\n";
    let tree = SMALL_TREE.replace(
        "      handler: indirect-provider\n",
        "      handler: partner\n      contact: true\n",
    );
    let f = small_tree_site(site_yaml, &tree, HOSTILE_FTL);
    let b = build_ok(f.root(), None);
    for lang in ["en", "pl"] {
        let page = b.page(&format!("{lang}/who-handles-this/p/2/index.html"));
        // Nothing of the names or answers became markup.
        for tag in ["b", "i", "sons", "script:not([src])"] {
            assert!(page.select(tag).is_empty(), "{lang}: <{tag}> injected");
        }
        assert!(
            page.raw
                .contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || page.raw.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        let (href, label) = send_link(&page).expect("a send link");
        let (address, subject, body) = parse_mailto(&href);
        assert_eq!(address, "help+desk@contoso.example");
        assert!(href.len() <= 2000);
        let copies = copies_of(&page);
        let joined = copies
            .iter()
            .map(|c| c.1.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(body, joined, "{lang}: the mail holds the summary as shown");
        // The partner's name and the multi-line answer stay on one line each, without their
        // bidi override; the right-to-left text itself is kept. The hostile texts are the
        // English ones: the reader's copy in English, the second copy in Polish.
        let en = &copies.last().unwrap().1;
        let name_line = "(Contoso \"Cloud\" & <Sons> שירות evil)";
        assert!(copies[0].1.contains(name_line), "{}", copies[0].1);
        assert!(
            en.contains("  B & C <script>alert(1)</script> second line %0D%0Abcc:evil@x.example ?body=x #frag 100%\n"),
            "{en}"
        );
        assert!(en.contains("- Question \"one\" & <b>two</b>?\n"), "{en}");
        assert!(
            en.contains("[ ] Customer & <i>co</i>: ________________\n"),
            "{en}"
        );
        assert!(en.contains("[ ] שם הדומיין: ________________"), "{en}");
        for c in &copies {
            assert!(!c.1.contains(['\u{202e}', '\r']), "{lang}: {:?}", c.1);
        }
        assert!(
            !subject.contains('\u{202e}') && subject.contains("Provider gnp.exe \"quoted\""),
            "{subject}"
        );
        assert!(
            label.contains("Contoso \"Cloud\" & <Sons> שירות evil"),
            "{label}"
        );
    }
}

#[test]
fn hostile_addresses_are_refused_or_encoded() {
    // An address that would add a header or a field to the link is refused at its line.
    for email in [
        "help@contoso.example?bcc=evil@x.example",
        "help@contoso.example&body=x",
        "a@b.example\\r\\nbcc:evil@x.example",
        "\\u202eevil@x.example",
    ] {
        let site_yaml = format!("languages: [en]\npartner:\n  name: X\n  email: \"{email}\"\n");
        let f = small_tree_site(&site_yaml, SMALL_TREE, SMALL_FTL);
        let d = diagnostics(&f);
        assert!(
            d.len() == 1
                && d[0].starts_with("site.yaml:4:")
                && d[0].contains("not an e-mail address"),
            "{email}: {d:#?}"
        );
    }
    // What an address may hold beyond letters is encoded, the + and @ kept readable.
    let tree = SMALL_TREE.replace(
        "      handler: indirect-provider\n",
        "      handler: indirect-provider\n      email: \"o'brien!x+tag@fabrikam.example\"\n",
    );
    let f = small_tree_site("languages: [en]\n", &tree, SMALL_FTL);
    let b = build_ok(f.root(), None);
    let (href, label) = send_link(&b.page("en/who-handles-this/p/2/index.html")).unwrap();
    assert!(
        href.starts_with("mailto:o%27brien%21x+tag@fabrikam.example?subject="),
        "{href}"
    );
    assert_eq!(label.trim(), "Send to o'brien!x+tag@fabrikam.example");
    let (address, _, _) = parse_mailto(&href);
    assert_eq!(address, "o'brien!x+tag@fabrikam.example");
}
