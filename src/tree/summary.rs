//! The request summary at the end of a walk: what the reader answered, who handles it, what
//! the request must contain and the pages that explain it, as plain text in one language,
//! ready to copy, print or send; and the `mailto:` that carries it in two languages.
//!
//! Plain text on purpose: it goes to a mail program, a clipboard or a ticket form, and the
//! person who reads it may have nothing but a text box.

use super::{Node, Outcome, Tree};
use crate::i18n::{Arg, I18n};
use crate::lang::Lang;
use crate::urls;

/// Longest `mailto:` URL built. Common mail programs and browsers hand on links of about
/// 2,000 characters; longer ones are cut or refused without a word.
pub const MAILTO_LIMIT: usize = 2000;

/// A fill-in line after each checklist item.
const BLANK: &str = "________________";

/// One language's copy of the summary.
#[derive(Debug, Clone)]
pub struct Summary {
    pub lang: Lang,
    /// "Support request: <outcome>", one line.
    pub subject: String,
    /// Lines separated by `\n`.
    pub text: String,
}

/// A page that explains an outcome, as a summary names it.
pub struct PageLink {
    pub title: String,
    /// Its absolute URL, when the site has a base URL.
    pub url: Option<String>,
}

/// What a summary needs from the site around the tree.
pub struct Sources<'a> {
    pub i18n: &'a I18n,
    /// A page by slug, as read in a language.
    pub page: &'a dyn Fn(&str, &Lang) -> Option<PageLink>,
    /// The absolute URL of this walk (or of the outcome's own page) in a language, when the
    /// site has a base URL.
    pub walk_url: &'a dyn Fn(&Lang) -> Option<String>,
    /// Who receives the request by name (the partner of site.yaml, an outcome's
    /// `email_name`), shown after the handler.
    pub recipient: Option<&'a str>,
}

/// The (question, answer) Fluent keys of a walk, replayed from the start.
pub fn answers<'t>(tree: &'t Tree, choices: &[usize]) -> Vec<(&'t str, &'t str)> {
    let mut out = Vec::with_capacity(choices.len());
    let mut at = tree.node(&tree.file.start);
    for &c in choices {
        let Some(node) = at else { break };
        let Some(option) = node.options.get(c) else {
            break;
        };
        out.push((
            node.question.as_deref().unwrap_or_default(),
            option.text.as_str(),
        ));
        at = tree.node(&option.next);
    }
    out
}

/// The summary of the walk `choices` that ends at `node`, in `lang`; `None` when `node` is
/// not an outcome. What the recipient needs most comes first, since a mail that is too long
/// loses lines from the end: the outcome, the answers, the checklist, then the links.
pub fn summary(
    tree: &Tree,
    choices: &[usize],
    node: &Node,
    lang: &Lang,
    src: &Sources,
) -> Option<Summary> {
    let outcome = node.outcome.as_ref()?;
    let t = |key: &str| one_line(&src.i18n.label(lang, key));
    let ta = |key: &str, args: &[(&str, Arg)]| {
        one_line(&src.i18n.text(lang, key, args).unwrap_or_default())
    };
    let title = t(&outcome.title);
    let subject = ta("who-handoff-subject", &[("title", Arg::Str(title))]);
    let mut text = String::with_capacity(1024);
    let mut line = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    line(&subject);
    let mut handler = t(outcome.handler.key());
    if let Some(name) = src.recipient.map(one_line).filter(|n| !n.is_empty()) {
        handler = format!("{handler} ({name})");
    }
    line(&format!("{}: {handler}", t("who-handled-by")));

    let answers = answers(tree, choices);
    if !answers.is_empty() {
        line("");
        line(&format!("{}:", t("who-your-answers")));
        for (q, a) in answers {
            line(&format!("- {}", t(q)));
            line(&format!("  {}", t(a)));
        }
    }

    let checklist = checklist(outcome, lang, src.i18n);
    if !checklist.is_empty() {
        line("");
        line(&format!("{}:", t("who-handoff-include")));
        for item in checklist {
            line(&item);
        }
    }

    let pages: Vec<_> = outcome
        .pages
        .iter()
        .filter_map(|slug| (src.page)(slug, lang))
        .collect();
    if !pages.is_empty() {
        line("");
        line(&format!("{}:", t("who-read-more")));
        for page in pages {
            line(&format!("- {}", one_line(&page.title)));
            if let Some(url) = page.url {
                line(&format!("  {url}"));
            }
        }
    }

    if let Some(url) = (src.walk_url)(lang) {
        line("");
        line(&format!("{}: {url}", t("who-handoff-walk")));
    }
    text.pop();
    Some(Summary {
        lang: lang.clone(),
        subject,
        text,
    })
}

/// The outcome's `request:` items as lines to fill in, then (when the outcome has response
/// times) the severity to choose, each with its first-response time.
fn checklist(outcome: &Outcome, lang: &Lang, i18n: &I18n) -> Vec<String> {
    if outcome.request.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = outcome
        .request
        .iter()
        .map(|key| format!("[ ] {}: {BLANK}", one_line(&i18n.label(lang, key))))
        .collect();
    if !outcome.response_times.is_empty() {
        out.push(format!(
            "[ ] {}:",
            one_line(&i18n.label(lang, "who-handoff-severity"))
        ));
        for r in &outcome.response_times {
            let time = match (r.hours, r.days) {
                (Some(h), _) => {
                    i18n.text(lang, "who-within-hours", &[("hours", Arg::Num(h.into()))])
                }
                (None, Some(d)) => {
                    i18n.text(lang, "who-within-days", &[("days", Arg::Num(d.into()))])
                }
                (None, None) => Ok(String::new()),
            }
            .unwrap_or_default();
            let label = one_line(&i18n.label(lang, &r.label));
            out.push(if time.is_empty() {
                format!("    ( ) {label}")
            } else {
                format!("    ( ) {label} — {}", one_line(&time))
            });
        }
    }
    out
}

/// Text that must stay on one line of the summary: line breaks, other control characters and
/// runs of spaces become one space, and explicit bidi embeddings, overrides and isolates are
/// dropped, so a name in any script cannot reorder or break the lines after it.
pub fn one_line(text: &str) -> String {
    // Most texts need nothing: no control byte, no lead byte of a non-ASCII space or bidi
    // control (U+0085/U+00A0, U+1680, U+2000–U+206F, U+3000), no doubled or outer space.
    let plain = !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3))
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ");
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// The copies as one text, the reader's language first: what "Copy summary" copies and the
/// mail's body holds.
pub fn joined(copies: &[Summary]) -> String {
    copies
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A `mailto:` link to send the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Mail {
    pub href: String,
    /// The body had to be shortened to stay under [`MAILTO_LIMIT`].
    pub cut: bool,
}

/// The `mailto:` for `copies` (the reader's language first), at most `limit` characters.
/// When the whole summary does not fit, lines are dropped from the end (so the last copy,
/// in the hand-off language, goes first) and `notes` (one line per language) say so.
pub fn mailto(address: &str, copies: &[Summary], notes: &[String], limit: usize) -> Mail {
    let mut subjects: Vec<&str> = Vec::new();
    for c in copies {
        if !subjects.contains(&c.subject.as_str()) {
            subjects.push(&c.subject);
        }
    }
    let subject = fit(&subjects.join(" / "), 300);
    let body = joined(copies);
    let full = urls::mailto(address, &subject, &crlf(&body));
    if full.len() <= limit {
        return Mail {
            href: full,
            cut: false,
        };
    }
    let note = notes
        .iter()
        .map(|n| one_line(n))
        .collect::<Vec<_>>()
        .join("\n");
    // `…&body=` plus the note after a blank line: what is left is for the summary's lines.
    const BREAK: usize = "%0D%0A".len();
    let fixed = urls::mailto(address, &subject, "x").len() - 1
        + urls::mail_value_len(&crlf(&note))
        + 2 * BREAK;
    let mut budget = limit.saturating_sub(fixed);
    let mut kept: Vec<String> = Vec::new();
    for line in body.split('\n') {
        let cost = urls::mail_value_len(line) + if kept.is_empty() { 0 } else { BREAK };
        if cost <= budget {
            budget -= cost;
            kept.push(line.to_string());
            continue;
        }
        // A line too long for what is left: the start of it, when it is the first.
        if kept.is_empty() {
            kept.push(fit(line, budget));
        }
        break;
    }
    while kept.last().is_some_and(|l| l.trim().is_empty()) {
        kept.pop();
    }
    let mut body = kept.join("\n");
    body.push_str("\n\n");
    body.push_str(&note);
    let href = urls::mailto(address, &subject, &crlf(&body));
    Mail { href, cut: true }
}

/// The longest start of `text` (whole characters, with `…`) whose encoded length is at most
/// `budget`.
fn fit(text: &str, budget: usize) -> String {
    if urls::mail_value_len(text) <= budget {
        return text.to_string();
    }
    let ellipsis = urls::mail_value_len("…");
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let cost = urls::mail_value_len(c.encode_utf8(&mut buf));
        if used + cost + ellipsis > budget {
            break;
        }
        used += cost;
        out.push(c);
    }
    if used + ellipsis <= budget {
        out.push('…');
    }
    out
}

/// Line breaks as CRLF, which RFC 6068 asks for in a `mailto:` body.
fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(lang: &str, subject: &str, text: &str) -> Summary {
        Summary {
            lang: Lang::new_unchecked(lang),
            subject: subject.into(),
            text: text.into(),
        }
    }

    fn decode_body(href: &str) -> String {
        let body = href.split_once("body=").unwrap().1;
        urls::decode(body).replace("\r\n", "\n")
    }

    #[test]
    fn one_line_flattens_breaks_and_drops_bidi_controls() {
        assert_eq!(one_line("  a\r\nb\t\u{2028}c  "), "a b c");
        assert_eq!(one_line("x\u{202e}evil\u{2066}y"), "xevily");
        assert_eq!(one_line("שלום & <b>"), "שלום & <b>");
        assert_eq!(one_line("Zgłoszenie — żółć"), "Zgłoszenie — żółć");
        assert_eq!(one_line("a\u{a0}\u{a0}b\u{3000}c\u{85}d"), "a b c d");
    }

    #[test]
    fn a_short_summary_goes_whole() {
        let copies = [
            copy(
                "pl",
                "Zgłoszenie: ą",
                "Zgłoszenie: ą\n- Pytanie?\n  Tak & nie # 100%",
            ),
            copy("en", "Request: a", "Request: a\n- Question?\n  Yes"),
        ];
        let mail = mailto("help+x@contoso.example", &copies, &["cut".into()], 2000);
        assert!(!mail.cut);
        assert!(
            mail.href
                .starts_with("mailto:help+x@contoso.example?subject=")
        );
        // Nothing that could end a value stands raw after the `?`.
        let query = mail.href.split_once('?').unwrap().1;
        assert_eq!(query.matches('&').count(), 1, "{query}");
        assert!(!query.contains(['#', '?', '+', ' ', '\n', '\r']), "{query}");
        assert!(query.contains("%0D%0A"));
        assert_eq!(decode_body(&mail.href), joined(&copies));
        let subject = query
            .split('&')
            .next()
            .unwrap()
            .trim_start_matches("subject=");
        assert_eq!(urls::decode(subject), "Zgłoszenie: ą / Request: a");
    }

    #[test]
    fn a_long_summary_loses_the_second_copy_first_and_says_so() {
        let pl: String = (0..20).map(|i| format!("wiersz {i} żółć\n")).collect();
        let en: String = (0..40).map(|i| format!("line {i} text\n")).collect();
        let copies = [
            copy("pl", "S", pl.trim_end()),
            copy("en", "S", en.trim_end()),
        ];
        let notes = ["skrócono".to_string(), "shortened".to_string()];
        let mail = mailto("a@b.example", &copies, &notes, 1400);
        assert!(mail.cut);
        assert!(mail.href.len() <= 1400, "{}", mail.href.len());
        let body = decode_body(&mail.href);
        assert!(body.starts_with(pl.trim_end()), "{body}");
        assert!(body.ends_with("skrócono\nshortened"), "{body}");
        // Whole lines are kept, in order, from the English copy's start.
        let kept_en: Vec<&str> = body
            .trim_start_matches(pl.trim_end())
            .trim_end_matches("skrócono\nshortened")
            .trim()
            .lines()
            .collect();
        assert!(!kept_en.is_empty() && kept_en.len() < 40, "{kept_en:?}");
        assert!(en.starts_with(&kept_en.join("\n")));
        // Tighter still: the reader's copy is cut too, never past the limit.
        let mail = mailto("a@b.example", &copies, &notes, 300);
        assert!(mail.cut && mail.href.len() <= 300, "{}", mail.href.len());
        assert!(decode_body(&mail.href).starts_with("wiersz 0"));
    }

    #[test]
    fn one_huge_line_is_cut_inside_and_stays_valid_utf8() {
        let copies = [copy("ru", "Тема", &"я".repeat(2000))];
        let mail = mailto("a@b.example", &copies, &["сокращено".into()], 2000);
        assert!(mail.cut && mail.href.len() <= 2000);
        let body = decode_body(&mail.href);
        assert!(body.starts_with("яяя") && body.contains('…') && body.ends_with("сокращено"));
    }
}
