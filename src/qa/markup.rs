//! What must pass through translation verbatim: inline code, link targets and URLs,
//! `{{placeholders}}`, `:::no-loc` text; and bold UI labels, whose count must match.

use super::{Finding, Pair, Rule, listed, missing};

pub fn code(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.code, &pair.lo.code);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::Code,
        reason: format!(
            "inline code translated or changed: English {} is not in the translation",
            listed(&lost)
        ),
    })
}

/// A link target with its locale folder (`/en-us/`, `/nl-nl/`) taken out: pointing a
/// translation at its own language's docs is localization, not damage.
fn unlocalized(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (n, part) in url.split('/').enumerate() {
        let b = part.as_bytes();
        let locale = b.len() == 5
            && b[2] == b'-'
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[3..].iter().all(u8::is_ascii_alphabetic);
        if n > 0 {
            out.push('/');
        }
        if !locale {
            out.push_str(&part.to_ascii_lowercase());
        }
    }
    out
}

pub fn urls(pair: &Pair) -> Option<Finding> {
    let en: Vec<String> = pair.en.urls.iter().map(|u| unlocalized(u)).collect();
    let lo: Vec<String> = pair.lo.urls.iter().map(|u| unlocalized(u)).collect();
    let lost = missing(&en, &lo);
    if lost.is_empty() {
        return None;
    }
    let reason = if pair.lo.urls.is_empty() {
        format!("link lost: the translation has no link, English links {}", listed(&lost))
    } else {
        format!("link target changed: English {} is not in the translation", listed(&lost))
    };
    Some(Finding {
        rule: Rule::Urls,
        reason,
    })
}

pub fn placeholders(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.placeholders, &pair.lo.placeholders);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::Placeholders,
        reason: format!("placeholder altered: {} is not in the translation", listed(&lost)),
    })
}

pub fn no_loc(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.no_loc, &pair.lo.no_loc);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::NoLoc,
        reason: format!(
            "do-not-translate text altered: :::no-loc {} is not in the translation",
            listed(&lost)
        ),
    })
}

pub fn bold(pair: &Pair) -> Option<Finding> {
    (pair.en.bold != pair.lo.bold).then(|| Finding {
        rule: Rule::Bold,
        reason: format!(
            "bold UI labels: English has {}, the translation {}",
            pair.en.bold, pair.lo.bold
        ),
    })
}
