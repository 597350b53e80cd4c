//! Search (per-language sharded index, light stemmers, folding): real queries on the shared
//! corpus and on the seed site, read back through `LangIndex::read` and ranked by
//! `LangIndex::query`, which ranks like `static/search.js`; and `node` running the folding,
//! stemming and ranking code of `search.js` itself against the same index files.
//!
//! The query tables print what each query finds (top 3 titles, branch, score) so a reviewer
//! can judge the answers; expected titles were picked by reading the corpus pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use signpost::search::{LangIndex, Lookup, fold, stem};

use crate::common::*;

const SITE_LANGS: [&str; 4] = ["en", "nl", "ru", "pl"];

// ---------------------------------------------------------------------------------------------
// The two sites, built once.

/// The shared corpus as one site (`common::corpus_built`, shared with `corpus.rs`).
fn corpus_site() -> &'static Built {
    corpus_built()
}

/// The seed site (repo root: en, nl, ru, pl pages and the decision tree). No base URL.
fn default_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build_ok(&repo(), None))
}

fn read_index(site: &Built, lang: &str) -> LangIndex {
    let dir = site.out.join("search").join(lang);
    LangIndex::read(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn corpus_indexes() -> &'static BTreeMap<String, LangIndex> {
    static IDX: OnceLock<BTreeMap<String, LangIndex>> = OnceLock::new();
    IDX.get_or_init(|| {
        CORPUS_LANGS
            .iter()
            .map(|l| (l.to_string(), read_index(corpus_site(), l)))
            .collect()
    })
}

fn default_indexes() -> &'static BTreeMap<String, LangIndex> {
    static IDX: OnceLock<BTreeMap<String, LangIndex>> = OnceLock::new();
    IDX.get_or_init(|| {
        SITE_LANGS
            .iter()
            .map(|l| (l.to_string(), read_index(default_site(), l)))
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/// Whitespace runs (NBSP included: titles hold `2020\u{a0}r.`) folded to one space.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Site path of the file a doc's link names: links are relative to `<lang>/search/`.
fn doc_target(lang: &str, href: &str) -> String {
    let mut parts: Vec<&str> = vec![lang, "search"];
    for seg in href.split(['#', '?']).next().unwrap().split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || path.is_empty() {
        path.push_str(if path.is_empty() {
            "index.html"
        } else {
            "/index.html"
        });
    }
    path
}

/// `live` or `live-sxs` for a corpus doc, the page's slug otherwise.
fn where_from(lang: &str, href: &str) -> String {
    let target = doc_target(lang, href);
    target.split('/').nth(1).unwrap_or("?").to_string()
}

/// Simple messages of a Fluent file (`id = text` on one line).
fn ftl(lang: &str, file: &str) -> BTreeMap<String, String> {
    let path = repo().join("locales").join(lang).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// (outcome id, title key) of the seed tree, read from its YAML.
fn outcomes() -> Vec<(String, String)> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(repo().join("content/who-handles-this.yaml")).unwrap(),
    )
    .unwrap();
    let nodes = yaml["nodes"].as_sequence().expect("tree nodes");
    let out: Vec<(String, String)> = nodes
        .iter()
        .filter_map(|n| {
            Some((
                n["id"].as_str()?.to_string(),
                n["outcome"]["title"].as_str()?.to_string(),
            ))
        })
        .collect();
    assert!(out.len() >= 6, "outcomes read from the tree: {out:?}");
    out
}

// ---------------------------------------------------------------------------------------------
// The query tables.

enum Expect {
    /// The first result has one of these titles (variants: the live and live-sxs branches
    /// translate some titles differently).
    First(&'static [&'static str]),
    /// One of the first three results has one of these titles: several pages fit the query
    /// about equally, or the page has a twin on the other branch.
    Top3(&'static [&'static str]),
    /// The first result's title contains this text (case-insensitive): several pages are
    /// named after the query about equally.
    FirstTitleHas(&'static str),
    /// No result at all.
    Nothing,
}
use Expect::*;

struct Row {
    lang: &'static str,
    query: &'static str,
    expect: Expect,
    /// What the row checks, for the printed table.
    why: &'static str,
}

const fn row(lang: &'static str, query: &'static str, expect: Expect, why: &'static str) -> Row {
    Row {
        lang,
        query,
        expect,
        why,
    }
}

const MFA_NL: &[&str] = &[
    "Multi-Factor Authentication (MFA) voor uw partner-tenant verplichten",
    "Meervoudige verificatie (MFA) voor uw partner-tenant verplichten",
];
const AZURE_TRANSFER_NL: &[&str] = &[
    "Een Azure-abonnement overdragen naar een andere partner",
    "Een Azure-abonnement overdragen aan een andere partner",
];
const PRIVATE_MARKETPLACE_NL: &[&str] = &[
    "Privé-Azure Marketplace maken en beheren in de Azure Portal",
    "Privé-Azure Marketplace maken en beheren in Azure Portal",
];
const PAYOUT_ACCOUNT_NL: &[&str] = &[
    "Uitbetalings- en belastingprofielen voor de commerciële marketplace instellen",
    "Uitbetalingsaccount instellen & belastingformulieren - Commerciële marketplace van Microsoft",
];
const CREDIT_NL: &[&str] = &[
    "Een tegoed aanvragen bij Microsoft",
    "Request an SLA credit from Microsoft (Een SLA-tegoed aanvragen van Microsoft)",
];
const TRANSFER_PL: &[&str] = &["Przenoszenie subskrypcji platformy Azure do innego partnera"];
const PLAN_BILLING_PL: &[&str] = &[
    "Rozliczenia planu platformy Azure — pliki & ponownego rozliczania",
    "Rozliczenia planu platformy Azure — pliki & i pliki rekonfigurowane",
];
const TRANSFER_RU: &[&str] = &["Перенос подписки Azure на другого партнера"];

/// The corpus (nl, ru, pl). Each row can fail: a `First` row fails when another page ranks
/// first, a `Top3` row when the page drops out of the first three, a `Nothing` row on any hit.
fn corpus_rows() -> Vec<Row> {
    vec![
        // Dutch.
        row(
            "nl",
            "abonnement",
            FirstTitleHas("abonnement"),
            "several titles say abonnement(en)",
        ),
        row(
            "nl",
            "abonnementen",
            FirstTitleHas("abonnement"),
            "plural meets singular",
        ),
        row(
            "nl",
            "ABONNEMENTEN",
            FirstTitleHas("abonnement"),
            "upper case",
        ),
        row(
            "nl",
            "azure-abonnement overdragen",
            First(AZURE_TRANSFER_NL),
            "hyphenated + multi-word",
        ),
        row(
            "nl",
            "prive marketplace",
            Top3(PRIVATE_MARKETPLACE_NL),
            "no é: prive finds privé; the PowerShell quickstart for it may rank first",
        ),
        row(
            "nl",
            "commerciele marketplace belasting",
            First(PAYOUT_ACCOUNT_NL),
            "no ë: commerciele finds commerciële; three words",
        ),
        row(
            "nl",
            "uitbetalingsschema",
            First(&["Uitbetalingsschema's en-processen"]),
            "compound word in the title",
        ),
        row(
            "nl",
            "servicestatus",
            First(&["Service health voor een klant controleren"]),
            "the Dutch name of Service health, used in the body",
        ),
        row(
            "nl",
            "meervoudige verificatie",
            First(MFA_NL),
            "the live title is English (Multi-Factor…), the sxs one Dutch",
        ),
        row(
            "nl",
            "kaizala",
            First(&["Kaizala Pro-abonnementen migreren naar Microsoft 365"]),
            "rare product name",
        ),
        row(
            "nl",
            "aankondigingen juli 2021",
            First(&["Aankondigingen van juli 2021"]),
            "digits are words",
        ),
        row(
            "nl",
            "resellerrelatie verwijderen",
            First(&["Resellerrelatie met een klant verwijderen"]),
            "multi-word; the request page shares one word",
        ),
        row(
            "nl",
            "problemen rapporteren namens klant",
            First(&["Problemen rapporteren namens een klant"]),
            "four words",
        ),
        row("nl", "tegoed aanvragen", First(CREDIT_NL), "multi-word"),
        row(
            "nl",
            "partner tegoed",
            First(&["Partnertegoed - overzicht"]),
            "two words meet the compound they form (without: Een tegoed aanvragen)",
        ),
        row(
            "nl",
            "uitbetaling schema",
            First(&["Uitbetalingsschema's en-processen"]),
            "… also with the linking s of Dutch compounds",
        ),
        row(
            "nl",
            "autopilotprofiel",
            First(&["De out-of-box-ervaring van een apparaat aanpassen"]),
            "a closed compound no page has is split: the page says Autopilot-profiel",
        ),
        row(
            "nl",
            "klantmachtiging",
            First(&["Klanten machtigingen geven om hun eigen producten en services te kopen"]),
            "a compound no page has that reaches klantmachtigingen by prefix stays whole",
        ),
        row(
            "nl",
            "klantenserviceprobleem",
            First(&["Problemen rapporteren namens een klant"]),
            "a word only in the page's description",
        ),
        row("nl", "qwxzv", Nothing, "not a word anywhere"),
        // Russian.
        row("ru", "подписка", Top3(TRANSFER_RU), "nominative"),
        row("ru", "подписки", Top3(TRANSFER_RU), "genitive"),
        row("ru", "подписку", Top3(TRANSFER_RU), "accusative"),
        row("ru", "ПОДПИСКА", Top3(TRANSFER_RU), "upper-case Cyrillic"),
        row("ru", "перенос подписки", First(TRANSFER_RU), "multi-word"),
        row(
            "ru",
            "расписание выплат",
            First(&["Расписания и процессы выплат"]),
            "inflected: расписание/расписания",
        ),
        row(
            "ru",
            "работоспособность службы",
            First(&["Проверка работоспособности службы для клиента"]),
            "inflected: работоспособность/работоспособности",
        ),
        row(
            "ru",
            "объявления июль 2021",
            First(&["Объявления за июль 2021 года"]),
            "digits; title has a no-break space",
        ),
        row(
            "ru",
            "удаление связи торгового посредника",
            First(&["Удаление связи между торговыми посредниками с клиентом"]),
            "four inflected words",
        ),
        row(
            "ru",
            "налоговые формы",
            First(&[
                "Настройка счета для выплат и налоговых форм — коммерческая платформа Майкрософт",
            ]),
            "adjective + noun, inflected",
        ),
        row(
            "ru",
            "Kaizala",
            First(&["Перенос подписок Kaizala Pro в Microsoft 365"]),
            "Latin word in Russian text",
        ),
        row(
            "ru",
            "отчёт о навыках",
            First(&["Отчет о навыках в Центре партнеров"]),
            "ё in the query finds е in the page",
        ),
        row(
            "ru",
            "сообщение о проблемах от имени",
            First(&["Сообщение о проблемах от имени пользователя"]),
            "one-letter word о in the query",
        ),
        row(
            "ru",
            "многофакторная проверка подлинности",
            Top3(&["Требование многофакторной проверки подлинности (MFA) для арендатора партнера"]),
            "ranks 3rd: Требования к безопасности… uses the words more often",
        ),
        row(
            "ru",
            "продавец",
            First(&[
                "Настройка счета для выплат и налоговых форм — коммерческая платформа Майкрософт",
            ]),
            "mobile e: the page has продавца, which Snowball stems apart",
        ),
        row("ru", "щзщзщ", Nothing, "not a word anywhere"),
        // Polish.
        row("pl", "subskrypcja", Top3(TRANSFER_PL), "nominative"),
        row("pl", "subskrypcji", Top3(TRANSFER_PL), "genitive"),
        row("pl", "subskrypcję", Top3(TRANSFER_PL), "accusative with ę"),
        row("pl", "SUBSKRYPCJĘ", Top3(TRANSFER_PL), "upper case with Ę"),
        row(
            "pl",
            "przenoszenie subskrypcji",
            First(TRANSFER_PL),
            "multi-word",
        ),
        row(
            "pl",
            "platnosci zgodnie z uzyciem",
            First(&[
                "Plan platformy Azure — kupowanie platformy Azure ze stawkami płatności zgodnie z użyciem",
            ]),
            "no diacritics: płatności, użyciem",
        ),
        row(
            "pl",
            "faktur",
            First(PLAN_BILLING_PL),
            "genitive plural of faktura; the Azure plan invoice page",
        ),
        row(
            "pl",
            "rozliczen",
            FirstTitleHas("rozliczenia"),
            "rozliczeń without ń, meets Rozliczenia (two titles begin with it)",
        ),
        row(
            "pl",
            "harmonogram wyplat",
            First(&["Harmonogramy i procesy wypłaty"]),
            "no ł; inflected",
        ),
        row(
            "pl",
            "zglaszanie problemow",
            First(&["Zgłaszanie problemów w imieniu klienta"]),
            "no ł, ó",
        ),
        row(
            "pl",
            "KONDYCJA USLUGI",
            First(&["Sprawdzanie kondycji usługi dla klienta"]),
            "upper case, no ł, inflected",
        ),
        row(
            "pl",
            "uwierzytelnianie wieloskładnikowe",
            First(&[
                "Upoważnianie uwierzytelniania wieloskładnikowego (MFA) dla dzierżawy partnera",
            ]),
            "two long inflected words",
        ),
        row(
            "pl",
            "lipca 2021",
            First(&["Ogłoszenia z lipca 2021 r."]),
            "month in the genitive + year",
        ),
        row(
            "pl",
            "usuwanie relacji",
            First(&["Usuwanie relacji odsprzedawcy z klientem"]),
            "multi-word; the request page shares relacji",
        ),
        row(
            "pl",
            "cennik",
            First(&[
                "Cennik planu platformy Azure dla partnerów CSP",
                "Cennik planu platformy Azure dla partnerów programu CSP",
            ]),
            "title word against announcements that mention it",
        ),
        row(
            "pl",
            "lipiec",
            First(&["Ogłoszenia z lipca 2021 r."]),
            "mobile e: lipiec meets lipca (without: only the list of months that says Lipiec)",
        ),
        row(
            "pl",
            "zazolc gesla jazn",
            Nothing,
            "folded pangram: no page has these words",
        ),
    ]
}

/// English on the seed site: one page and the twelve outcomes.
fn english_rows() -> Vec<Row> {
    vec![
        row(
            "en",
            "subscriptions",
            First(&["Your partner changes your subscriptions"]),
            "outcome title",
        ),
        row(
            "en",
            "subscription",
            First(&["Your partner changes your subscriptions"]),
            "singular meets plural",
        ),
        row(
            "en",
            "billing questions",
            First(&["Your partner answers billing questions"]),
            "multi-word",
        ),
        row(
            "en",
            "Azure service request",
            First(&["Submit an Azure service request to Microsoft"]),
            "three words; the M365 request outcome lacks Azure",
        ),
        row(
            "en",
            "publisher",
            First(&["The publisher supports the product"]),
            "one outcome has it",
        ),
        row(
            "en",
            "own tenant",
            First(&["Your own tenant is not covered"]),
            "multi-word",
        ),
        row(
            "en",
            "Office 365 admin center",
            First(&[
                "Customer self-support through Microsoft Office 365 admin center or through the Azure portal",
            ]),
            "the rebuilt English page",
        ),
        row("en", "kangaroo", Nothing, "not a word anywhere"),
        row(
            "en",
            "SERVICE HEALTH",
            First(&["Follow the known problem in Service health"]),
            "upper case; the outcome's title",
        ),
        row(
            "en",
            "indirect reseller",
            First(&["Your indirect provider takes it to Microsoft"]),
            "the indirect-provider outcome",
        ),
        row(
            "en",
            "bills",
            First(&["Your partner answers billing questions"]),
            "plural meets the stem of billing",
        ),
    ]
}

/// Runs the rows, prints the table, and returns the failures.
fn run_rows(indexes: &BTreeMap<String, LangIndex>, rows: &[Row], title: &str) -> Vec<String> {
    let mut failures = Vec::new();
    eprintln!("\n=== {title}: query → top 3 (title [where] score) ===");
    for r in rows {
        let idx = &indexes[r.lang];
        let hits = idx.query(r.query);
        let titles: Vec<String> = hits
            .iter()
            .map(|(d, _)| norm(&idx.docs[*d].title))
            .collect();
        let top: Vec<String> = hits
            .iter()
            .take(3)
            .map(|(d, s)| {
                format!(
                    "{} [{}] {s:.2}",
                    norm(&idx.docs[*d].title),
                    where_from(r.lang, &idx.docs[*d].href)
                )
            })
            .collect();
        let (ok, want) = match &r.expect {
            First(t) => (
                titles
                    .first()
                    .is_some_and(|f| t.iter().any(|w| norm(w) == *f)),
                format!("first: {}", t.join(" | ")),
            ),
            Top3(t) => (
                titles
                    .iter()
                    .take(3)
                    .any(|f| t.iter().any(|w| norm(w) == *f)),
                format!("top 3: {}", t.join(" | ")),
            ),
            FirstTitleHas(t) => (
                titles
                    .first()
                    .is_some_and(|f| f.to_lowercase().contains(&t.to_lowercase())),
                format!("first title containing {t:?}"),
            ),
            Nothing => (hits.is_empty(), "nothing".to_string()),
        };
        eprintln!(
            "{} {} {:?} ({} hits; {})",
            if ok { "ok  " } else { "FAIL" },
            r.lang,
            r.query,
            hits.len(),
            r.why
        );
        for (i, t) in top.iter().enumerate() {
            eprintln!("       {}. {t}", i + 1);
        }
        if !ok {
            eprintln!("       expected {want}");
            failures.push(format!(
                "{} {:?}: expected {want}; got {:?}",
                r.lang, r.query, top
            ));
        }
    }
    failures
}

#[test]
fn corpus_queries_find_the_best_page_in_nl_ru_pl() {
    let indexes = corpus_indexes();
    let rows = corpus_rows();
    for lang in CORPUS_LANGS {
        let n = rows.iter().filter(|r| r.lang == lang).count();
        assert!(n >= 10, "{lang}: {n} rows");
        assert!(
            rows.iter()
                .any(|r| r.lang == lang && matches!(r.expect, Nothing)),
            "{lang}: no empty-result row"
        );
    }
    let failures = run_rows(indexes, &rows, "corpus");
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn english_queries_find_the_best_page_on_the_seed_site() {
    let rows = english_rows();
    assert!(rows.len() >= 5);
    let failures = run_rows(default_indexes(), &rows, "seed site, en");
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// The same results, in the same order, for every form of a word: inflections, case, and
/// spelling without diacritics.
#[test]
fn inflected_upper_case_and_diacritic_free_forms_find_the_same_pages() {
    let groups: &[(&str, &[&str])] = &[
        (
            "pl",
            &[
                "subskrypcja",
                "subskrypcji",
                "subskrypcję",
                "subskrypcje",
                "SUBSKRYPCJĘ",
                "Subskrypcjami",
            ],
        ),
        ("pl", &["płatności", "platnosci", "PŁATNOŚCI", "PLATNOSCI"]),
        (
            "pl",
            &[
                "zgłaszanie problemów",
                "zglaszanie problemow",
                "ZGŁASZANIA PROBLEMÓW",
            ],
        ),
        ("pl", &["rozliczeń", "rozliczen", "ROZLICZEŃ"]),
        ("pl", &["faktur", "faktura", "faktury", "fakturę"]),
        (
            "ru",
            &[
                "подписка",
                "подписки",
                "подписку",
                "подпиской",
                "ПОДПИСКА",
                "Подписке",
            ],
        ),
        (
            "ru",
            &["учётной записи", "учетной записи", "УЧЁТНОЙ ЗАПИСИ"],
        ),
        (
            "nl",
            &["abonnement", "abonnementen", "ABONNEMENTEN", "Abonnement"],
        ),
        ("nl", &["privé", "prive", "PRIVÉ"]),
        ("nl", &["commerciële", "commerciele", "Commerciële"]),
    ];
    let indexes = corpus_indexes();
    let mut problems = Vec::new();
    for (lang, forms) in groups {
        let idx = &indexes[*lang];
        let results: Vec<Vec<usize>> = forms
            .iter()
            .map(|q| idx.query(q).into_iter().map(|(d, _)| d).collect())
            .collect();
        assert!(
            !results[0].is_empty(),
            "{lang} {:?} finds nothing",
            forms[0]
        );
        for (form, r) in forms.iter().zip(&results).skip(1) {
            if *r != results[0] {
                problems.push(format!(
                    "{lang}: {form:?} finds {} pages, {:?} finds {} (or in another order)",
                    r.len(),
                    forms[0],
                    results[0].len()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Outcomes, languages, originals.

#[test]
fn tree_outcomes_are_searchable_under_the_trees_name() {
    let indexes = default_indexes();
    let site = default_site();
    let mut problems = Vec::new();
    let mut checked = 0;
    for lang in SITE_LANGS {
        let idx = &indexes[lang];
        let texts = ftl(lang, "who-handles-this.ftl");
        let section = texts
            .get("who-title")
            .unwrap_or_else(|| panic!("no who-title in locales/{lang}"));
        for (id, key) in outcomes() {
            let title = &texts[&key];
            let hits = idx.query(title);
            let Some(&(first, _)) = hits.first() else {
                problems.push(format!("{lang}: the outcome title {title:?} finds nothing"));
                continue;
            };
            let doc = &idx.docs[first];
            let target = doc_target(lang, &doc.href);
            checked += 1;
            if doc.title != *title
                || target != format!("{lang}/who-handles-this/{id}/index.html")
                || doc.section != *section
            {
                problems.push(format!("{lang}: {title:?} → first {:?} in {:?} at {target}; want the outcome {id} in {section:?}", doc.title, doc.section));
            }
            if !site.exists(&target) {
                problems.push(format!(
                    "{lang}: outcome link {} → {target}, which was not written",
                    doc.href
                ));
            }
        }
    }
    // One word of an outcome's title, as a reader would type it.
    for (lang, q, key) in [
        ("nl", "abonnementen", "who-o-partner-subscriptions"),
        ("nl", "factuur", "who-o-partner-billing"),
        ("ru", "подписки", "who-o-partner-subscriptions"),
        ("ru", "издатель", "who-o-publisher"),
        ("pl", "subskrypcję", "who-o-partner-subscriptions"),
        ("pl", "wydawca", "who-o-publisher"),
    ] {
        let idx = &indexes[lang];
        let texts = ftl(lang, "who-handles-this.ftl");
        let first = idx
            .query(q)
            .first()
            .map(|(d, _)| (idx.docs[*d].title.clone(), idx.docs[*d].section.clone()));
        eprintln!("{lang} {q:?} → {first:?}");
        checked += 1;
        if first != Some((texts[key].clone(), texts["who-title"].clone())) {
            problems.push(format!(
                "{lang} {q:?}: first result {first:?}, want {:?} in {:?}",
                texts[key], texts["who-title"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked >= 4 * 6, "{checked}");
}

#[test]
fn results_stay_in_the_readers_language_and_skip_fallbacks() {
    let mut problems = Vec::new();
    for (name, site, indexes, langs) in [
        ("corpus", corpus_site(), corpus_indexes(), &CORPUS_LANGS[..]),
        (
            "seed site",
            default_site(),
            default_indexes(),
            &SITE_LANGS[..],
        ),
    ] {
        for lang in langs {
            let idx = &indexes[*lang];
            assert_eq!(idx.lang, *lang);
            assert!(!idx.docs.is_empty(), "{name}: {lang} index is empty");
            for doc in &idx.docs {
                let target = doc_target(lang, &doc.href);
                if !target.starts_with(&format!("{lang}/")) {
                    problems.push(format!(
                        "{name}: {lang} index links {} → {target}",
                        doc.href
                    ));
                } else if !site.exists(&target) {
                    problems.push(format!(
                        "{name}: {lang} index links {} → {target}, which was not written",
                        doc.href
                    ));
                }
            }
        }
    }
    // The corpus: one doc per page, every page of the language.
    for lang in CORPUS_LANGS {
        let pages = ["live", "live-sxs"]
            .iter()
            .map(|b| {
                walk(&shared().join("corpus").join(lang).join(b))
                    .iter()
                    .filter(|p| p.ends_with(".md"))
                    .count()
            })
            .sum::<usize>();
        assert_eq!(
            corpus_indexes()[lang].docs.len(),
            pages,
            "corpus {lang}: docs in the index vs pages"
        );
    }
    // The seed site: report-problems-on-behalf-of-a-customer and provide-technical-support exist
    // only in nl; the other languages show them as fallbacks, which are not indexed.
    let d = default_indexes();
    let outcomes = outcomes().len();
    let own: BTreeMap<String, usize> = default_site()
        .summary
        .pages_per_language
        .iter()
        .map(|(l, n)| (l.to_string(), *n))
        .collect();
    for lang in SITE_LANGS {
        let own_pages = own[lang];
        let idx = &d[lang];
        assert_eq!(
            idx.docs.len(),
            own_pages + outcomes,
            "seed {lang}: own pages + outcomes: {:?}",
            idx.docs.iter().map(|x| &x.title).collect::<Vec<_>>()
        );
        for slug in [
            "report-problems-on-behalf-of-a-customer",
            "provide-technical-support",
        ] {
            let has = idx
                .docs
                .iter()
                .any(|x| x.href.contains(&format!("/{slug}/")));
            if has != (lang == "nl") {
                problems.push(format!(
                    "seed {lang}: doc for {slug} {}",
                    if has {
                        "indexed (a fallback)"
                    } else {
                        "missing"
                    }
                ));
            }
        }
    }
    // A Dutch word of the fallback page: found in nl, nowhere else.
    for (lang, want) in [("nl", true), ("ru", false), ("pl", false), ("en", false)] {
        let hits = d[lang].query("rapporteren namens");
        if hits.is_empty() == want {
            problems.push(format!(
                "seed {lang}: `rapporteren namens` finds {} docs",
                hits.len()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Words of one letter (ru в, и, о, с; pl w, z; nl u) are not indexed: every page has them, and
/// a query's "every word first" rule would rank pages by prepositions. Stems are never shorter
/// than two letters either.
#[test]
fn one_letter_words_are_not_indexed() {
    let mut problems = Vec::new();
    for (name, indexes) in [
        ("corpus", corpus_indexes()),
        ("seed site", default_indexes()),
    ] {
        for (lang, idx) in indexes {
            let short: Vec<&String> = idx.terms.keys().filter(|t| t.chars().count() < 2).collect();
            if !short.is_empty() {
                problems.push(format!("{name} {lang}: one-letter terms {short:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The index's word counter reads a page's HTML in one pass, with fast paths for words
/// before tags and entities. On every built page of the corpus and the seed site (inline
/// tags inside words, entities, hidden English originals, Cyrillic and Polish capitals), it
/// must count exactly the words of the text `html_pieces` reads, split by the plain rule:
/// lowercase, split at anything not a letter or digit, one-letter words left out.
#[test]
fn the_counter_counts_the_words_of_each_pages_text() {
    use signpost::search::words::{Counter, Field, Part, html_pieces};
    let mut pages = 0;
    let mut problems = Vec::new();
    for site in [corpus_site(), default_site()] {
        for file in walk(&site.out)
            .into_iter()
            .filter(|f| f.ends_with("index.html"))
        {
            let html = std::fs::read_to_string(site.out.join(&file)).unwrap();
            let (Some(start), Some(end)) = (html.find("<main"), html.find("</main>")) else {
                continue;
            };
            let main = &html[start..end];
            let mut text = String::new();
            html_pieces(main, |piece| {
                text.push_str(piece);
                true
            });
            let mut want: BTreeMap<String, f32> = BTreeMap::new();
            let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
            for w in lowered
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
            {
                *want.entry(w.to_string()).or_default() += 1.0;
            }
            let mut counter = Counter::new();
            let page = counter.page([(Part::Html(main), Field::Body(1.0))]);
            let words = counter.into_words();
            let got: BTreeMap<String, f32> = page
                .words
                .iter()
                .map(|(id, c)| (words.get(*id).to_string(), c.tf))
                .collect();
            if got != want {
                let differ: Vec<_> = want
                    .keys()
                    .chain(got.keys())
                    .filter(|w| got.get(*w) != want.get(*w))
                    .take(5)
                    .map(|w| {
                        format!(
                            "{w}: {:?} counted, {:?} in the text",
                            got.get(w),
                            want.get(w)
                        )
                    })
                    .collect();
                problems.push(format!("{file}: {differ:?}"));
            }
            pages += 1;
        }
    }
    assert!(pages > 800, "only {pages} pages read");
    assert!(
        problems.is_empty(),
        "{}",
        problems[..problems.len().min(10)].join("\n")
    );
}

#[test]
fn english_originals_are_found_at_a_lower_weight() {
    let idx = &default_indexes()["nl"];
    let page = idx
        .docs
        .iter()
        .position(|d| d.href.contains("/customer-self-support/"))
        .expect("nl customer-self-support indexed");
    // "purchased" stands only in the hidden English originals of nl/customer-self-support.md.
    let nl_src =
        std::fs::read_to_string(repo().join("content/nl/customer-self-support.md")).unwrap();
    let mut localized = String::new();
    let mut rest = nl_src.as_str();
    while let Some(i) = rest.find("<span class=\"sxs-lookup\">") {
        localized.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = rest.find("</span></span>").map_or("", |j| &rest[j + 14..]);
    }
    localized.push_str(rest);
    assert!(
        nl_src.contains("purchased") && !localized.contains("purchased"),
        "`purchased` should stand only in the English originals"
    );
    for other in walk(&repo().join("content")) {
        if other != "nl/customer-self-support.md" && other.ends_with(".md") {
            let text = std::fs::read_to_string(repo().join("content").join(&other)).unwrap();
            let is_nl = other.starts_with("nl/");
            assert!(
                !is_nl || !text.contains("purchased"),
                "{other} also has `purchased`"
            );
        }
    }

    let hits = idx.query("purchased");
    assert_eq!(
        hits.iter().map(|h| h.0).collect::<Vec<_>>(),
        vec![page],
        "nl `purchased` should find only nl customer-self-support"
    );
    assert!(
        !idx.docs[page].excerpt.contains("purchased"),
        "the excerpt shows the Dutch text, not the originals"
    );
    // Weight: "purchased" twice in the originals vs "gekocht" (its translation) once in the text.
    let weight = |word: &str| {
        let Lookup::Known(term) = idx.lookup(word) else {
            return None;
        };
        idx.terms
            .get(&term)
            .and_then(|p| p.iter().find(|(d, _)| *d as usize == page))
            .map(|(_, w)| *w)
    };
    let (orig, text) = (
        weight("purchased").expect("posting for purchased"),
        weight("gekocht").expect("posting for gekocht"),
    );
    eprintln!("nl customer-self-support: purchased (2× original) {orig}, gekocht (1× text) {text}");
    assert!(
        orig < text,
        "an English original should weigh less than the Dutch text: {orig} vs {text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Turning search off.

fn assert_no_search(out: &Path, how: &str) {
    let files = walk(out);
    let mut problems = Vec::new();
    if out.join("search").exists() {
        problems.push("search/ written".to_string());
    }
    for lang in SITE_LANGS {
        if out.join(lang).join("search").exists() {
            problems.push(format!("{lang}/search/ written"));
        }
    }
    let mut pages = 0;
    for f in files.iter().filter(|f| f.ends_with(".html")) {
        pages += 1;
        let html = std::fs::read_to_string(out.join(f)).unwrap();
        for needle in [
            "role=\"search\"",
            "sp-search",
            "search.js",
            "search/index.html",
            "type=\"search\"",
        ] {
            if html.contains(needle) {
                problems.push(format!("{f}: has `{needle}`"));
                break;
            }
        }
    }
    assert!(pages > 20, "{how}: only {pages} pages written");
    assert!(
        problems.is_empty(),
        "{how}: {} problem(s):\n{}",
        problems.len(),
        problems
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The seed site copied to a temp folder, with `extra` appended to its site.yaml.
fn seed_copy(extra: &str) -> Fixture {
    let f = Fixture::new(&[]);
    for dir in ["content", "locales"] {
        for rel in walk(&repo().join(dir)) {
            let to = f.root().join(dir).join(&rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(repo().join(dir).join(&rel), to).unwrap();
        }
    }
    let yaml = std::fs::read_to_string(repo().join("site.yaml")).unwrap();
    std::fs::write(
        f.root().join("site.yaml"),
        format!("{}\n{extra}\n", yaml.trim_end()),
    )
    .unwrap();
    f
}

#[test]
fn search_on_by_default_writes_index_pages_and_header_boxes() {
    let site = default_site();
    for lang in SITE_LANGS {
        assert!(
            site.exists(&format!("search/{lang}/index.js")),
            "search/{lang}/index.js"
        );
        let page = site.page(&format!("{lang}/search/index.html"));
        assert_eq!(page.select("#sp-search-q").len(), 1, "{lang}: search box");
        assert!(!page.select(".sp-az-list a").is_empty(), "{lang}: A–Z list");
        let content = site.page(&format!("{lang}/customer-self-support/index.html"));
        assert_eq!(
            content.attr("form[role=search]", "action"),
            vec![format!("../../{lang}/search/index.html")],
            "{lang}: header search box"
        );
    }
}

#[test]
fn search_false_in_site_yaml_writes_no_search() {
    let f = seed_copy("search: false");
    let built = build_ok(f.root(), None);
    assert_no_search(&built.out, "search: false");
}

#[test]
fn no_search_flag_writes_no_search() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let output = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--root")
        .arg(repo())
        .args(["build", "--no-search", "--output"])
        .arg(&out)
        .output()
        .expect("run signpost");
    assert!(
        output.status.success(),
        "signpost build --no-search: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    assert_no_search(&out, "--no-search");
}

// ---------------------------------------------------------------------------------------------
// Parity with the browser: node runs search.js's own code.

/// Loads `static/search.js` in node (it exports its folding, stemming and ranking when it
/// finds `module`), binds it to a real written index and prints what it computes. Nothing is
/// re-implemented here.
const PARITY_JS: &str = r#"
"use strict";
const fs = require("fs");
const path = require("path");
const [jsPath, inputPath] = process.argv.slice(2);
const search = require(jsPath);
const input = JSON.parse(fs.readFileSync(inputPath, "utf8"));
const out = {};
for (const [key, dir] of Object.entries(input.indexes)) {
  // Each file is a script `signpostSearchData("name",{…});` around its JSON.
  const data = (file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    return JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(");")));
  };
  const index = data("index.js");
  const shards = {};
  for (const s of index.shards) shards[s] = data(`s-${s}.js`);
  const f = search.make(index, shards);
  out[key] = {
    folded: input.texts.map((t) => f.fold(t)),
    stems: input.texts.map((t) => f.splitWords(t).map(f.lookup)),
    ranks: (input.queries[key] || []).map((q) => f.rank(f.queryWords(q)).slice(0, 10)),
  };
}
process.stdout.write(JSON.stringify(out));
"#;

/// Words for the folding and stemming comparison: every language's diacritics, ё and й,
/// ł, upper case, digits, hyphens, apostrophes, and a few oddities of Unicode case mapping.
const PARITY_TEXTS: &[&str] = &[
    "Zażółć gęślą jaźń",
    "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
    "Łódź",
    "subskrypcja subskrypcji subskrypcję SUBSKRYPCJĘ Subskrypcjami",
    "płatności rozliczeń faktur fakturę",
    "wieloskładnikowego uwierzytelniania",
    "Przenoszenie",
    "odsprzedawca-klient",
    "ПОДПИСКА подписки подписку подпиской",
    "Ёлка ещё ЁЖ",
    "Йошкар-Ола йод мой",
    "отчёт отчеты учётной записи",
    "многофакторной работоспособности",
    "Майкрософт CSP—партнер",
    "связи торгового посредника",
    "coöperatie Beïnvloede Categorieën geëxporteerd",
    "Één privé-abonnementen",
    "uitbetalingsschema's en-processen",
    "Azure-abonnement overdragen",
    "commerciële ABONNEMENTEN",
    "Customer self-support purchased subscriptions",
    "Résumé naïve café",
    "Straße ẞ",
    "İstanbul Ørsted Đakovo",
    "Office 365 Windows 10/11 x64_86 2020-aankondigingen MFA-2021",
    "½ ٣ Ⅻ",
    "ǅemal ﬁle",
    "e\u{301}te\u{301}",
    "Å K Ω",
    "ΣΊΣΥΦΟΣ Ωμέγα",
    "😀 smile 😀",
    "Ｆｕｌｌｗｉｄｔｈ",
    "a",
    "ab",
    "abc",
    "",
];

/// Runs PARITY_JS on `indexes` (key → index folder) with the queries per key.
fn run_parity_js(
    indexes: &BTreeMap<String, PathBuf>,
    queries: &BTreeMap<String, Vec<String>>,
) -> serde_json::Value {
    let tmp = tempfile::tempdir().unwrap();
    let script = tmp.path().join("parity.cjs");
    std::fs::write(&script, PARITY_JS).unwrap();
    let input = tmp.path().join("input.json");
    let json = serde_json::json!({ "indexes": indexes, "texts": PARITY_TEXTS, "queries": queries });
    std::fs::write(&input, serde_json::to_string(&json).unwrap()).unwrap();
    let output = Command::new("node")
        .arg(&script)
        .arg(repo().join("themes/default/static/search.js"))
        .arg(&input)
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "node parity script failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("node printed JSON")
}

#[test]
fn browser_folds_stems_and_ranks_like_rust() {
    if !require_tool("search.js parity", "node", on_path("node")) {
        return;
    }
    let mut dirs = BTreeMap::new();
    let mut queries: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rust: BTreeMap<String, &LangIndex> = BTreeMap::new();
    for lang in CORPUS_LANGS {
        let key = format!("corpus-{lang}");
        dirs.insert(key.clone(), corpus_site().out.join("search").join(lang));
        queries.insert(
            key.clone(),
            corpus_rows()
                .iter()
                .filter(|r| r.lang == lang)
                .map(|r| r.query.to_string())
                .collect(),
        );
        rust.insert(key, &corpus_indexes()[lang]);
    }
    for lang in SITE_LANGS {
        let key = format!("seed-{lang}");
        dirs.insert(key.clone(), default_site().out.join("search").join(lang));
        let mut q: Vec<String> = english_rows()
            .iter()
            .filter(|r| r.lang == lang)
            .map(|r| r.query.to_string())
            .collect();
        q.extend(
            [
                "abonnementen",
                "подписку",
                "subskrypcję",
                "factuur",
                "purchased",
                "servic",
                "subskr",
                "подпис",
            ]
            .map(String::from),
        );
        queries.insert(key.clone(), q);
        rust.insert(key, &default_indexes()[lang]);
    }
    let js = run_parity_js(&dirs, &queries);

    let mut problems = Vec::new();
    let mut compared = (0, 0, 0);
    for (key, idx) in &rust {
        let lang = key.rsplit('-').next().unwrap();
        let stemmer = stem::light(lang);
        assert_eq!(
            idx.suffixes,
            stemmer
                .suffixes
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
            "{key}: the index carries the stemmer's table"
        );
        assert_eq!(idx.min, stemmer.min, "{key}");
        let got = &js[key.as_str()];
        for (i, text) in PARITY_TEXTS.iter().enumerate() {
            compared.0 += 1;
            let js_fold = got["folded"][i].as_str().unwrap();
            let rs_fold = fold::fold(text);
            if js_fold != rs_fold {
                problems.push(format!(
                    "{key}: fold({text:?}): js {js_fold:?}, rust {rs_fold:?}"
                ));
            }
            // How each word reaches the index: [known form?, stem or prefix].
            let js_stems: Vec<(bool, String)> = got["stems"][i]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| (s[0].as_bool().unwrap(), s[1].as_str().unwrap().to_string()))
                .collect();
            let rs_stems: Vec<(bool, String)> = fold::words(text)
                .filter(|w| w.chars().nth(1).is_some())
                .map(|w| match idx.lookup(&w) {
                    Lookup::Known(t) => (true, t),
                    Lookup::Unknown(p) => (false, p),
                })
                .collect();
            if js_stems != rs_stems {
                problems.push(format!(
                    "{key}: stems({text:?}): js {js_stems:?}, rust {rs_stems:?}"
                ));
            }
        }
        for (i, q) in queries[key].iter().enumerate() {
            compared.1 += 1;
            let js_rank: Vec<usize> = got["ranks"][i]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.as_u64().unwrap() as usize)
                .collect();
            let rs_rank: Vec<usize> = idx.query(q).into_iter().take(10).map(|(d, _)| d).collect();
            compared.2 += rs_rank.len();
            if js_rank != rs_rank {
                let names = |r: &[usize]| {
                    r.iter()
                        .map(|d| norm(&idx.docs[*d].title))
                        .collect::<Vec<_>>()
                };
                problems.push(format!(
                    "{key}: {q:?} ranks differently:\n    js   {:?}\n    rust {:?}",
                    names(&js_rank),
                    names(&rs_rank)
                ));
            }
        }
    }
    eprintln!(
        "parity: {} texts folded and stemmed, {} queries ranked ({} results) in node and Rust",
        compared.0, compared.1, compared.2
    );
    assert!(
        problems.is_empty(),
        "{} difference(s) between search.js and Rust:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(compared.2 > 100, "{compared:?}");
}

/// Real inflected forms of the corpus (each occurs in its pages) reach the same stem through
/// the built index's form table, as typed: with or without diacritics, ё or е, any case.
#[test]
fn corpus_inflections_reach_the_same_stem_through_the_index() {
    let groups: &[(&str, &[&str])] = &[
        ("ru", &["германия", "Германии"]),
        ("ru", &["подписка", "подписки", "подписку", "подпиской"]),
        ("ru", &["отчет", "отчеты", "отчета", "отчёт"]),
        ("ru", &["клиент", "клиента", "клиентов", "клиентам"]),
        ("ru", &["выплата", "выплаты", "выплат"]),
        (
            "pl",
            &["subskrypcja", "subskrypcji", "subskrypcję", "SUBSKRYPCJE"],
        ),
        ("pl", &["płatność", "płatności", "platnosci", "platnosc"]),
        (
            "pl",
            &["klient", "klienta", "klientów", "klientow", "klientem"],
        ),
        ("pl", &["rezerwacja", "rezerwacji", "rezerwacje"]),
        ("pl", &["powiadomienia", "powiadomień", "powiadomien"]),
        ("nl", &["abonnement", "abonnementen"]),
        ("nl", &["klant", "klanten"]),
        ("nl", &["reservering", "reserveringen"]),
        ("nl", &["rapport", "rapporten"]),
        ("nl", &["financiële", "financiele"]),
    ];
    let mut problems = Vec::new();
    for (lang, forms) in groups {
        let idx = &corpus_indexes()[*lang];
        let text: String = walk(&shared().join("corpus").join(lang).join("live"))
            .iter()
            .map(|p| {
                std::fs::read_to_string(shared().join("corpus").join(lang).join("live").join(p))
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let corpus_words: std::collections::HashSet<String> = fold::words(&text).collect();
        let reached: Vec<Lookup> = forms
            .iter()
            .map(|f| {
                let w = fold::fold(f);
                assert!(
                    corpus_words.contains(&w),
                    "{lang}: {f:?} does not occur in the corpus"
                );
                idx.lookup(&w)
            })
            .collect();
        if !matches!(reached[0], Lookup::Known(_)) || reached.windows(2).any(|w| w[0] != w[1]) {
            problems.push(format!("{lang}: {forms:?} → {reached:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A word's rarity counts every page it reaches: a rare compound reached by prefix
/// (`klantaccount`, 4 pages) must not outweigh the word typed (`klant`, in most pages), so a
/// page with `klant` in its title comes first.
#[test]
fn a_prefix_match_is_no_rarer_than_the_word_typed() {
    let idx = &corpus_indexes()["nl"];
    let hits = idx.query("klant");
    let first = idx.docs[hits[0].0].title.to_lowercase();
    assert!(
        fold::words(&first).any(|w| w == "klant" || w == "klanten"),
        "first result for `klant`: {first:?}"
    );
}

/// Only a word that reaches nothing is split into two words of the pages.
#[test]
fn closed_compounds_are_split_only_when_they_reach_nothing() {
    let idx = &corpus_indexes()["nl"];
    assert_eq!(
        idx.query_words("autopilotprofiel"),
        ["autopilot", "profiel"]
    );
    // Near misses: a compound of the pages (service + status) and one reached by prefix.
    assert_eq!(idx.query_words("servicestatus"), ["servicestatus"]);
    assert_eq!(idx.query_words("klantmachtiging"), ["klantmachtiging"]);
    assert_eq!(idx.query_words("qwxzvklant"), ["qwxzvklant"]);
}

/// A second word with the same stem ("abonnement … abonnementen") counts once, in Rust as in
/// the browser: it must not change the ranking or the "every word" count.
#[test]
fn repeated_query_words_count_once_like_the_browser() {
    let idx = &default_indexes()["nl"];
    let once = idx.query("abonnement klant");
    let repeated = idx.query("abonnement klant abonnementen");
    let ids = |r: &[(usize, f32)]| r.iter().map(|h| h.0).collect::<Vec<_>>();
    assert_eq!(
        ids(&repeated),
        ids(&once),
        "a repeated word must not change the ranking"
    );
}

/// The light stemmers cut an inflection ending off some base forms (pl `problem` → `probl`, but
/// `problemy` → `problem`; ru `отчет` → `отч`, but `отчеты` → `отчет`). A query therefore also
/// looks the word up as written: the base form must find every page its inflections find.
#[test]
fn base_forms_find_what_their_inflections_find() {
    let mut problems = Vec::new();
    for (lang, base, inflected) in [
        ("pl", "problem", "problemy"),
        ("pl", "system", "systemy"),
        ("ru", "отчет", "отчеты"),
        ("ru", "ответ", "ответы"),
    ] {
        let idx = &corpus_indexes()[lang];
        let pages = |q: &str| {
            idx.query(q)
                .into_iter()
                .map(|(d, _)| d)
                .collect::<std::collections::BTreeSet<_>>()
        };
        let (a, b) = (pages(base), pages(inflected));
        eprintln!(
            "{lang} corpus: `{base}` finds {} pages, `{inflected}` {}, {} of them not found by `{base}`",
            a.len(),
            b.len(),
            b.difference(&a).count()
        );
        if b.is_empty() || !b.is_subset(&a) {
            problems.push(format!(
                "{lang} corpus: `{base}` misses {} of the {} pages `{inflected}` finds",
                b.difference(&a).count(),
                b.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
