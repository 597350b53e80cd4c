//! Numbers must come through: a changed figure in a price, a time limit or a version is the
//! most expensive mistake machine translation makes. Locale formats are the same number.

use super::{Finding, Pair, Rule, listed, missing};

/// Small numbers a translation may spell out, by the stems of their words in Dutch, Russian
/// and Polish (cardinal and ordinal, any case): `6 months` → `zes maanden`.
const SPELLED: [(&str, &[&str]); 12] = [
    ("1", &["een", "eerste", "од", "перв", "jed", "pierw"]),
    (
        "2",
        &[
            "twee", "два", "две", "двух", "втор", "dwa", "dwie", "dwó", "drugi",
        ],
    ),
    ("3", &["drie", "derde", "три", "тре", "трё", "trzy", "trze"]),
    ("4", &["vier", "четыр", "четв", "czter", "czwart"]),
    ("5", &["vijf", "пят", "pięć", "pięci", "piąt"]),
    ("6", &["zes", "шест", "sześć", "sześci", "szóst"]),
    (
        "7",
        &[
            "zeven",
            "семь",
            "семи",
            "седьм",
            "siedem",
            "siedmi",
            "siódm",
        ],
    ),
    ("8", &["acht", "восем", "восьм", "osiem", "ośmi", "ósm"]),
    (
        "9",
        &["negen", "девят", "dziewięć", "dziewięci", "dziewiąt"],
    ),
    (
        "10",
        &["tien", "десят", "dziesięć", "dziesięci", "dziesiąt"],
    ),
    ("11", &["elf", "одиннадцат", "jedenaś"]),
    ("12", &["twaalf", "двенадцат", "dwanaś"]),
];

/// Month names by number, stems in Dutch, Russian and Polish: `2020-01-31` becomes
/// `31 января 2020`.
const MONTHS: [&[&str]; 12] = [
    &["januari", "январ", "stycz"],
    &["februari", "феврал", "lut"],
    &["maart", "март", "marz", "marc"],
    &["april", "апрел", "kwie"],
    &["mei", "мая", "май", "maj"],
    &["juni", "июн", "czerw"],
    &["juli", "июл", "lip"],
    &["augustus", "август", "sierp"],
    &["september", "сентябр", "wrze"],
    &["oktober", "октябр", "paźdz"],
    &["november", "ноябр", "listop"],
    &["december", "декабр", "grud"],
];

/// Whether the translation's words spell out `number`, as a number or a month.
fn spelled_out(number: &str, prose: &str) -> bool {
    let Some((n, stems)) = SPELLED.iter().enumerate().find(|(_, (n, _))| *n == number) else {
        return false;
    };
    let month = MONTHS[n];
    prose
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|w| stems.1.iter().chain(month).any(|s| w.starts_with(s)))
}

pub fn check(pair: &Pair) -> Option<Finding> {
    let mut lost = missing(&pair.en.numbers, &pair.lo.numbers);
    // A figure the translation still has once was only said once more briefly ("for 12
    // months … for 12 months"); a lone `1` ("in the last 1 month") often becomes an article.
    lost.retain(|n| {
        !spelled_out(n, &pair.lo.prose) && !pair.lo.numbers.iter().any(|m| m == n) && *n != "1"
    });
    let added = missing(&pair.lo.numbers, &pair.en.numbers);
    // A number only the translation has is usually a rewritten date, time or ordinal
    // ("6pm" → "18:00"): reported only next to one the translation lost.
    if lost.is_empty() {
        return None;
    }
    let mut reason = String::from("numbers differ:");
    if !lost.is_empty() {
        reason.push_str(&format!(
            " English has {} that the translation lacks",
            listed(&lost)
        ));
    }
    if !added.is_empty() {
        if !lost.is_empty() {
            reason.push(';');
        }
        reason.push_str(&format!(
            " the translation has {} that English lacks",
            listed(&added)
        ));
    }
    Some(Finding {
        rule: Rule::Numbers,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real segments from ../shared/corpus (pl/live-sxs/partner-center/announcements).
    #[test]
    fn a_figure_glued_to_a_word_is_lost() {
        let p = Pair::new(
            "Microsoft 365 Domestic Calling Plan (120 min) for students",
            "Microsoft 365nie wewnętrznego planu wywoływania (120 min) dla studentów",
        );
        let f = check(&p).expect("365 is gone");
        assert!(f.reason.contains("`365`"), "{}", f.reason);
    }

    #[test]
    fn clock_times_dates_and_spelled_numbers_are_the_same_figures() {
        for (en, lo) in [
            (
                "September 16 at 7:30 PM Pacific Time",
                "16 września o 19:30 czasu pacyficznego",
            ),
            ("Date: 2020-02-12", "Дата: 12.02.2020"),
            (
                "It will launch on December 1, 2020 and will be available for 6 months, until May 31, 2021.",
                "Deze wordt op 1 december 2020 gelanceerd en is zes maanden beschikbaar tot en met 31 mei 2021.",
            ),
            (
                "I will have an update Monday 2/10 on the ERP issues previously reported.",
                "Мы опубликуем обновление за понедельник, 10 февраля.",
            ),
        ] {
            assert_eq!(check(&Pair::new(en, lo)), None, "{en}");
        }
    }
}
