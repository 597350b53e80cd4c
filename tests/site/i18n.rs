//! UI strings through Fluent: CLDR plural forms and localized dates, from the real locale files.

use signpost::config::{Config, Overrides};
use signpost::date::Date;
use signpost::diag::Diagnostics;
use signpost::i18n::{Arg, I18n};

use crate::common::*;

fn i18n() -> (I18n, Config) {
    let config = Config::load(&repo(), &Overrides::default()).unwrap();
    let diags = Diagnostics::default();
    let i18n = I18n::load(&config, &diags);
    let problems = diags.take_sorted();
    assert!(problems.is_empty(), "{problems:?}");
    (i18n, config)
}

fn say(i18n: &I18n, config: &Config, lang: &str, key: &str, var: &str, n: u32) -> String {
    i18n.text(
        config.lang(lang).unwrap(),
        key,
        &[(var, Arg::Num(f64::from(n)))],
    )
    .unwrap()
}

const COUNTS: [u32; 11] = [0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111];

#[test]
fn russian_plurals_one_few_many() {
    let (i, c) = i18n();
    let got: Vec<String> = COUNTS
        .iter()
        .map(|&n| say(&i, &c, "ru", "reading-time", "minutes", n))
        .collect();
    let want = [
        "0 минут чтения",
        "1 минута чтения",
        "2 минуты чтения",
        "5 минут чтения",
        "11 минут чтения",
        "12 минут чтения",
        "21 минута чтения",
        "22 минуты чтения",
        "25 минут чтения",
        "101 минута чтения",
        "111 минут чтения",
    ];
    assert_eq!(got, want);
    let pages: Vec<String> = COUNTS
        .iter()
        .map(|&n| say(&i, &c, "ru", "page-count", "count", n))
        .collect();
    assert_eq!(
        pages,
        [
            "0 страниц",
            "1 страница",
            "2 страницы",
            "5 страниц",
            "11 страниц",
            "12 страниц",
            "21 страница",
            "22 страницы",
            "25 страниц",
            "101 страница",
            "111 страниц",
        ]
    );
}

#[test]
fn polish_plurals_one_few_many() {
    let (i, c) = i18n();
    let got: Vec<String> = COUNTS
        .iter()
        .map(|&n| say(&i, &c, "pl", "reading-time", "minutes", n))
        .collect();
    let want = [
        "0 minut czytania",
        "1 minuta czytania",
        "2 minuty czytania",
        "5 minut czytania",
        "11 minut czytania",
        "12 minut czytania",
        "21 minut czytania",
        "22 minuty czytania",
        "25 minut czytania",
        "101 minut czytania",
        "111 minut czytania",
    ];
    assert_eq!(got, want);
    let pages: Vec<String> = COUNTS
        .iter()
        .map(|&n| say(&i, &c, "pl", "page-count", "count", n))
        .collect();
    assert_eq!(
        pages,
        [
            "0 stron",
            "1 strona",
            "2 strony",
            "5 stron",
            "11 stron",
            "12 stron",
            "21 stron",
            "22 strony",
            "25 stron",
            "101 stron",
            "111 stron",
        ]
    );
}

#[test]
fn dutch_and_english_plurals() {
    let (i, c) = i18n();
    assert_eq!(say(&i, &c, "nl", "page-count", "count", 1), "1 pagina");
    assert_eq!(say(&i, &c, "nl", "page-count", "count", 2), "2 pagina's");
    assert_eq!(
        say(&i, &c, "en", "reading-time", "minutes", 1),
        "1 minute read"
    );
    assert_eq!(
        say(&i, &c, "en", "reading-time", "minutes", 21),
        "21 minutes read"
    );
}

#[test]
fn dates_use_each_languages_month_forms() {
    let (i, c) = i18n();
    let d = Date::new(2020, 5, 5).unwrap();
    let got: Vec<String> = ["en", "nl", "ru", "pl"]
        .iter()
        .map(|l| i.date(c.lang(l).unwrap(), d))
        .collect();
    assert_eq!(
        got,
        ["May 5, 2020", "5 mei 2020", "5 мая 2020 г.", "5 maja 2020"]
    );
    let march = Date::new(2019, 3, 26).unwrap();
    assert_eq!(i.date(c.lang("ru").unwrap(), march), "26 марта 2019 г.");
    assert_eq!(i.date(c.lang("pl").unwrap(), march), "26 marca 2019");
}

#[test]
fn every_language_has_every_english_key() {
    let (i, c) = i18n();
    for lang in &c.languages {
        assert_eq!(i.missing_in(lang), Vec::<String>::new(), "{lang}");
    }
}

#[test]
fn missing_key_falls_back_to_english_and_unknown_key_is_an_error() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("locales/en/extra.ftl", "only-english = Only in English\n"),
    ]);
    let config = Config::load(f.root(), &Overrides::default()).unwrap();
    let diags = Diagnostics::default();
    let i = I18n::load(&config, &diags);
    let nl = config.lang("nl").unwrap();
    assert_eq!(i.text(nl, "only-english", &[]).unwrap(), "Only in English");
    assert!(i.missing_in(nl).contains(&"only-english".to_string()));
    assert!(i.text(nl, "no-such-key", &[]).is_err());
}

#[test]
fn ftl_syntax_error_names_file_and_line() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        ("locales/nl/broken.ftl", "good = Goed\n\nbad = { $x\n"),
    ]);
    let errors: Vec<String> = match build_site(f.root(), None) {
        Err(signpost::BuildError::Failed(d)) => d
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect(),
        other => panic!("expected failure, got {:?}", other.map(|_| ())),
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("locales/nl/broken.ftl:3:"),
        "{}",
        errors[0]
    );
}

#[test]
fn message_that_cannot_be_formatted_is_replaced_and_reported_at_its_definition() {
    let f = Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/a.md", "# A\n"),
        (
            "locales/en/site.ftl",
            "custom = Own text\nlonely = { lonely }\n",
        ),
        (
            "locales/nl/site.ftl",
            "# Site overrides.\nskip-to-content = Sla { loop } over\nloop = { loop }\ncustom = Eigen { nergens }\n\
             reading-time = { $minutes } { -nergens }\n",
        ),
    ]);
    let config = Config::load(f.root(), &Overrides::default()).unwrap();
    let diags = Diagnostics::default();
    let i = I18n::load(&config, &diags);
    let (nl, en) = (config.lang("nl").unwrap(), config.lang("en").unwrap());
    // The built-in message in the reader's language, from the cache templates read and per call.
    assert_eq!(
        i.plain_text("nl", "skip-to-content"),
        Some("Direct naar de inhoud")
    );
    assert_eq!(
        i.text(nl, "skip-to-content", &[]).unwrap(),
        "Direct naar de inhoud"
    );
    // No built-in one: the site's English message.
    assert_eq!(i.text(nl, "custom", &[]).unwrap(), "Own text");
    // Broken in every language it exists in: nothing rather than `{lonely}`.
    assert_eq!(i.text(en, "lonely", &[]).unwrap(), "");
    // Messages with variables get the same stand-in, with the variables filled in.
    assert_eq!(
        i.text(nl, "reading-time", &[("minutes", Arg::Num(3.0))])
            .unwrap(),
        "3 minuten leestijd"
    );

    i.report_broken(&diags);
    let shown: Vec<String> = diags
        .take_sorted()
        .iter()
        .filter(|d| d.message.contains("cannot be formatted"))
        .map(ToString::to_string)
        .collect();
    let at = |prefix: &str, words: &[&str]| {
        assert!(
            shown
                .iter()
                .any(|d| d.starts_with(prefix) && words.iter().all(|w| d.contains(w))),
            "no {prefix} {words:?} in:\n{}",
            shown.join("\n")
        );
    };
    at(
        "locales/nl/site.ftl:2:1",
        &["`skip-to-content`", "built-in nl text"],
    );
    at("locales/nl/site.ftl:3:1", &["`loop`", "Cyclical"]);
    at(
        "locales/nl/site.ftl:4:1",
        &["`custom`", "nergens", "the en text"],
    );
    at(
        "locales/nl/site.ftl:5:1",
        &["`reading-time`", "-nergens", "built-in nl text"],
    );
    at("locales/en/site.ftl:2:1", &["`lonely`", "nothing"]);
    // Reported once per message, and taken: a second report adds nothing.
    assert_eq!(
        shown
            .iter()
            .filter(|d| d.contains("`skip-to-content`"))
            .count(),
        1
    );
    i.report_broken(&diags);
    assert!(diags.take_sorted().is_empty());
}
