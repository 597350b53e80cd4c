//! Where a reader's answer goes: the links behind "Was this page helpful?", its reasons, and
//! the translation reports, for each kind of `feedback:` destination.
//!
//! Every answer is a plain link, so it works on any static host without a script or a
//! service: a query string to the partner's endpoint, a prefilled `mailto:`, or a prefilled
//! "new issue" form. Values are percent-encoded as query components (RFC 3986 unreserved
//! characters only), which also suits `mailto:` (RFC 6068 wants `%20`, never `+`).

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::config::Feedback;

/// Everything but RFC 3986's unreserved characters is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Why a reader answered "No", in the order the page lists them. Each id is also the
/// `reason=` value and names the Fluent string `feedback-reason-<id>`.
pub const REASONS: [&str; 5] = [
    "inaccurate",
    "hard-to-understand",
    "translation",
    "missing-information",
    "other",
];

/// A passage's texts are cut to this many characters in a report, so the link stays within
/// what browsers and mail programs accept (a few thousand characters in all).
const MAX_PASSAGE_CHARS: usize = 300;

/// The page an answer is about.
pub struct About<'a> {
    pub slug: &'a str,
    /// The reader's language (the folder the page is in).
    pub lang: &'a str,
    /// Absolute URL of the page (host-rooted without a base URL).
    pub url: &'a str,
    /// Mail subject / issue title, already in the reader's language.
    pub subject: &'a str,
}

/// The links the page's feedback box shows.
#[derive(Debug, Serialize)]
pub struct Links {
    /// `url`, `email` or `issue`: the script sends `url` answers in the background.
    pub mode: &'static str,
    pub yes: String,
    /// Reason id → link, for "No".
    pub reasons: std::collections::BTreeMap<&'static str, String>,
}

pub fn mode(fb: &Feedback) -> &'static str {
    match fb {
        Feedback::Url(_) => "url",
        Feedback::Email(_) => "email",
        Feedback::IssueUrl(_) => "issue",
    }
}

/// Links for "Yes" and each reason of "No".
pub fn links(fb: &Feedback, about: &About) -> Links {
    Links {
        mode: mode(fb),
        yes: answer(fb, about, "yes", None, &[]),
        reasons: REASONS
            .iter()
            .map(|r| (*r, answer(fb, about, "no", Some(r), &[])))
            .collect(),
    }
}

/// "Report a translation problem" for the whole page.
pub fn translation_report(fb: &Feedback, about: &About) -> String {
    answer(fb, about, "no", Some("translation"), &[])
}

/// A report about one passage: its translation and the English it was made from.
pub fn passage_report(fb: &Feedback, about: &About, translation: &str, english: &str) -> String {
    let translation = cut(translation);
    let english = cut(english);
    answer(
        fb,
        about,
        "no",
        Some("translation"),
        &[("passage", &translation), ("english", &english)],
    )
}

/// The opening tag the parser gives each English original it shows. Content cannot forge it:
/// raw HTML from content goes through the sanitizer, which writes `hidden=""`.
const ORIGINAL_OPEN: &str = r#"<span class="sp-orig" lang="en" hidden>"#;

/// The page body with a report link at the end of each English original, which shows with
/// it. Left as it is when the originals in the HTML and the parser's passages do not pair up
/// one to one (an include brought its own): a link must never carry another passage's text.
pub fn with_passage_links<'a>(
    html: &'a str,
    passages: &[crate::parse::Passage],
    href: impl Fn(&crate::parse::Passage) -> String,
    label: &str,
    lang: &str,
) -> Cow<'a, str> {
    if passages.is_empty() || html.matches(ORIGINAL_OPEN).count() != passages.len() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + passages.len() * 600);
    let mut rest = html;
    for passage in passages {
        let Some(start) = rest.find(ORIGINAL_OPEN) else {
            return Cow::Borrowed(html);
        };
        let inner = start + ORIGINAL_OPEN.len();
        let Some(close) = matching_close(&rest[inner..]) else {
            return Cow::Borrowed(html);
        };
        out.push_str(&rest[..inner + close]);
        out.push_str(r#" <a class="sp-passage-report" lang=""#);
        out.push_str(&escape(lang));
        out.push_str(r#"" href=""#);
        out.push_str(&escape(&href(passage)));
        out.push_str(r#"">"#);
        out.push_str(&escape(label));
        out.push_str("</a>");
        rest = &rest[inner + close..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Where the `</span>` that closes an already opened span is, in `html` after its tag.
fn matching_close(html: &str) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = 0;
    while i < html.len() {
        let next = html[i..].find("<")? + i;
        let t = &html[next..];
        if t.starts_with("</span>") {
            depth -= 1;
            if depth == 0 {
                return Some(next);
            }
        } else if t.starts_with("<span") {
            depth += 1;
        }
        i = next + 1;
    }
    None
}

fn escape(text: &str) -> String {
    crate::parse::escape(text)
}

fn answer(
    fb: &Feedback,
    about: &About,
    answer: &str,
    reason: Option<&str>,
    extra: &[(&str, &str)],
) -> String {
    let mut fields: Vec<(&str, &str)> = vec![
        ("page", about.slug),
        ("lang", about.lang),
        ("answer", answer),
    ];
    if let Some(r) = reason {
        fields.push(("reason", r));
    }
    fields.extend_from_slice(extra);
    match fb {
        Feedback::Url(url) => {
            let mut out = url.clone();
            for (i, (k, v)) in fields.iter().enumerate() {
                out.push(if i == 0 && !url.contains('?') {
                    '?'
                } else {
                    '&'
                });
                push_pair(&mut out, k, v);
            }
            out
        }
        Feedback::Email(address) => {
            let mut out = format!("mailto:{address}?");
            push_pair(&mut out, "subject", about.subject);
            out.push('&');
            push_pair(&mut out, "body", &body(about, &fields));
            out
        }
        Feedback::IssueUrl(url) => {
            let mut out = url.clone();
            out.push(if url.contains('?') { '&' } else { '?' });
            push_pair(&mut out, "title", about.subject);
            out.push('&');
            push_pair(&mut out, "body", &body(about, &fields));
            out
        }
    }
}

/// The message of a mail or issue: one `key: value` line per field, so writers (and their
/// scripts) read every report the same way whatever the reader's language.
fn body(about: &About, fields: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (k, v) in fields {
        out.push_str(k);
        out.push_str(": ");
        out.push_str(v);
        out.push_str("\r\n");
    }
    out.push_str("url: ");
    out.push_str(about.url);
    out.push_str("\r\n");
    out
}

fn push_pair(out: &mut String, key: &str, value: &str) {
    out.extend(utf8_percent_encode(key, COMPONENT));
    out.push('=');
    out.extend(utf8_percent_encode(value, COMPONENT));
}

fn cut(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(MAX_PASSAGE_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about() -> About<'static> {
        About {
            slug: "billing/invoices",
            lang: "ru",
            url: "https://example.org/ru/billing/invoices/",
            subject: "Отзыв: Счета & оплата",
        }
    }

    #[test]
    fn url_answers_carry_page_lang_and_answer_encoded() {
        let fb = Feedback::Url("https://fb.example/c".into());
        let l = links(&fb, &about());
        assert_eq!(
            l.yes,
            "https://fb.example/c?page=billing%2Finvoices&lang=ru&answer=yes"
        );
        assert!(l.reasons["inaccurate"].ends_with("&answer=no&reason=inaccurate"));
        let fb = Feedback::Url("https://fb.example/c?site=a".into());
        assert!(
            links(&fb, &about())
                .yes
                .starts_with("https://fb.example/c?site=a&page=")
        );
    }

    #[test]
    fn mail_body_names_page_and_answer() {
        let fb = Feedback::Email("docs@example.org".into());
        let m = passage_report(&fb, &about(), "Текст & <b>", "Text & more");
        assert!(
            m.starts_with("mailto:docs@example.org?subject=%D0%9E"),
            "{m}"
        );
        assert!(
            !m.contains(' ') && !m.contains('+') && !m.contains('<'),
            "{m}"
        );
        let body = m.split("&body=").nth(1).unwrap();
        let body = percent_encoding::percent_decode_str(body)
            .decode_utf8()
            .unwrap();
        assert!(body.contains("page: billing/invoices\r\n"), "{body}");
        assert!(
            body.contains("answer: no\r\nreason: translation\r\n"),
            "{body}"
        );
        assert!(body.contains("passage: Текст & <b>\r\nenglish: Text & more\r\n"));
    }

    #[test]
    fn each_original_gets_its_passage_link() {
        let passages = vec![
            crate::parse::Passage {
                translation: "Een".into(),
                english: "One".into(),
            },
            crate::parse::Passage {
                translation: "Twee".into(),
                english: "Two".into(),
            },
        ];
        let html = r#"<p>Een <span class="sp-orig" lang="en" hidden>One <span>x</span></span></p><h2>Twee<span class="sp-orig" lang="en" hidden>Two</span></h2>"#;
        let out = with_passage_links(
            html,
            &passages,
            |p| format!("?q={}&", p.english),
            "Meld",
            "nl",
        );
        assert_eq!(
            out,
            r#"<p>Een <span class="sp-orig" lang="en" hidden>One <span>x</span> <a class="sp-passage-report" lang="nl" href="?q=One&amp;">Meld</a></span></p><h2>Twee<span class="sp-orig" lang="en" hidden>Two <a class="sp-passage-report" lang="nl" href="?q=Two&amp;">Meld</a></span></h2>"#
        );
        // A count that does not pair up leaves the page as it was.
        assert_eq!(
            with_passage_links(html, &passages[..1], |_| String::new(), "x", "nl"),
            html
        );
    }

    #[test]
    fn long_passages_are_cut() {
        let long = "слово ".repeat(500);
        assert_eq!(cut(&long).chars().count(), MAX_PASSAGE_CHARS + 1);
    }
}
