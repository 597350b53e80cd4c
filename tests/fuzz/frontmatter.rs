//! Target `frontmatter`: `load::frontmatter::split` and `parse` on arbitrary text and on
//! front matter that is almost right.

use proptest::prelude::*;
use signpost::load::frontmatter::{SplitError, parse, split};

use crate::common::*;

/// What must hold for any text: no panic; an `Ok` split's body starts at a char boundary and
/// is the rest of the text; its YAML lies between the fences, starting on `yaml_line`; every
/// error and warning names a line inside the YAML.
pub fn check(text: &str) {
    match split(text) {
        Ok(s) => {
            assert!(
                s.body_offset <= text.len() && text.is_char_boundary(s.body_offset),
                "body_offset {} is not a char boundary",
                s.body_offset
            );
            assert_eq!(s.body, &text[s.body_offset..]);
            match s.yaml {
                None => {
                    assert_eq!(s.body_offset, 0);
                    assert_eq!(s.yaml_line, 1);
                }
                Some(yaml) => {
                    assert!(text.starts_with("---"));
                    let start = yaml.as_ptr() as usize - text.as_ptr() as usize;
                    assert!(
                        start + yaml.len() <= s.body_offset,
                        "yaml runs into the body"
                    );
                    assert_eq!(&text[start..start + yaml.len()], yaml);
                    assert_eq!(
                        text[..start].matches('\n').count() + 1,
                        s.yaml_line,
                        "yaml_line"
                    );
                    let closing = text[start + yaml.len()..s.body_offset]
                        .trim_end_matches('\n')
                        .trim_end();
                    assert!(
                        closing == "---" || closing == "...",
                        "closing fence {closing:?}"
                    );
                    check_parse(yaml);
                }
            }
        }
        Err(SplitError::Unclosed) => {
            assert!(text.starts_with("---"), "Unclosed without an opening fence")
        }
    }
    check_parse(text);
}

/// Lines as YAML counts them: `\r\n`, `\r`, `\n` and (YAML 1.1, which the parser follows)
/// NEL, LS and PS each end one. The loader turns `\r` into `\n` before parsing.
fn yaml_lines(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        + 1
}

/// `parse` on any text: no panic, and errors and warnings name a line of the text.
pub fn check_parse(yaml: &str) {
    let lines = yaml_lines(yaml);
    match parse(yaml) {
        Ok((_, warnings)) => {
            for w in warnings {
                assert!(
                    w.yaml_line >= 1 && w.yaml_line <= lines,
                    "warning on line {} of {lines}: {}",
                    w.yaml_line,
                    w.message
                );
            }
        }
        Err(e) => {
            assert!(
                e.line >= 1 && e.column >= 1,
                "error at {}:{}: {}",
                e.line,
                e.column,
                e.message
            );
            // End of input is reported on the line after the last; in a page that is the
            // closing fence.
            assert!(
                e.line <= lines + 1,
                "error on line {} of {lines}: {}",
                e.line,
                e.message
            );
            assert!(!e.message.trim().is_empty());
        }
    }
}

/// A corpus file: as written, and as the loader hands it over (BOM off, CRLF → LF).
pub fn check_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    check(&text);
    let normalized = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    check(&normalized);
}

/// Pieces front matter is made of, in any order.
fn fm_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pick(&["---", "...", "\n", "\r\n", "---\n", "\n---\n", "\n...\n", " ", "\t", "\u{feff}", "- ", "  ", ":", ": ", "#", "\"", "'", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!binary ", "!!int ", "? ", "|", ">-", "%YAML 1.2\n", "<<: *a\n", "~", "null", "title", "ms.date", "description", "é", "Ж", "🙂", "\u{0}", "\u{85}", "\u{2028}"]),
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

/// A value as exports write them, and as they go wrong.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        pick(&[
            "Zelfondersteuning voor klanten",
            "\"quoted: with colon\"",
            "'single ''quoted'''",
            "\"unterminated",
            "'unterminated",
            "05/05/2020",
            "3/26/2019",
            "2020-05-05",
            "13/45/2020",
            "02/30/2020",
            "99999/1/1",
            "1/1/99999999999999999999",
            "0/0/0",
            "soon",
            "MT",
            "HT",
            "mt",
            "\"108284176\"",
            "108284176",
            "1e400",
            "-0",
            "0x1F",
            ".inf",
            ".nan",
            "~",
            "null",
            "true",
            "yes",
            "[a, b]",
            "[unclosed",
            "{a: 1}",
            "{unclosed",
            "&anchor value",
            "*anchor",
            "*missing",
            "!!binary aGVsbG8=",
            "!!int x",
            "!custom tag",
            "|\n  block\n  text",
            ">\n  folded",
            "\n  - a\n  - b",
            "\n  - a\n - b",
            "\n\t- tab",
            "a: b: c",
            "<script>alert(1)</script>",
            "\"\\u0000\"",
            "\"\\uD800\"",
            "\"\\x\""
        ]),
        "[^\\x00]{0,20}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pick(&["title", "description", "ms.date", "ms.lasthandoff", "ms.translationtype", "ms.contentlocale", "ms.openlocfilehash", "author", "ms.topic", "ms.subservice", "ms.custom", "customer intent", "ms.locfileid", "\"ms.date\"", "'title'", "? title", "- title", "<<", "1", "true", "null", "[a]", "{a: 1}", "*a", "&a title"]),
        1 => "[a-z. ]{1,10}",
    ]
}

/// How a structured front matter is spoiled.
#[derive(Debug, Clone)]
enum Mangle {
    None,
    /// Insert a piece at a position (a fraction of the text's length).
    Insert(f64, String),
    /// Cut the text at a position.
    Truncate(f64),
    /// Remove the closing fence.
    Unclose,
    /// Indent with tabs.
    Tabs,
    /// Write it with a BOM and CRLF line ends, as some exports do.
    BomCrlf,
    /// The same key twice.
    DuplicateKey,
}

fn mangle() -> impl Strategy<Value = Mangle> {
    prop_oneof![
        3 => Just(Mangle::None),
        3 => (0.0..1.0f64, fm_fragment()).prop_map(|(p, s)| Mangle::Insert(p, s)),
        1 => (0.0..1.0f64).prop_map(Mangle::Truncate),
        1 => Just(Mangle::Unclose),
        1 => Just(Mangle::Tabs),
        1 => Just(Mangle::BomCrlf),
        1 => Just(Mangle::DuplicateKey),
    ]
}

/// Cuts `text` at the char boundary nearest below `frac` of its length.
fn at(text: &str, frac: f64) -> usize {
    let mut i = ((text.len() as f64) * frac) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: String, m: &Mangle) -> String {
    match m {
        Mangle::None => text,
        Mangle::Insert(p, s) => {
            let i = at(&text, *p);
            format!("{}{s}{}", &text[..i], &text[i..])
        }
        Mangle::Truncate(p) => text[..at(&text, *p)].to_string(),
        Mangle::Unclose => text.replacen("\n---\n", "\n", 1),
        Mangle::Tabs => text.replace("\n  ", "\n\t"),
        Mangle::BomCrlf => format!("\u{feff}{}", text.replace('\n', "\r\n")),
        Mangle::DuplicateKey => text.replacen("---\n", "---\ntitle: one\ntitle: two\n", 1),
    }
}

fn structured() -> impl Strategy<Value = String> {
    let entries = proptest::collection::vec((key(), value()), 0..10);
    let body = prop_oneof![Just(String::new()), Just("# Body\n".to_string()), words()];
    (
        entries,
        body,
        proptest::collection::vec(mangle(), 0..3),
        prop::bool::ANY,
    )
        .prop_map(|(entries, body, mangles, dots)| {
            let mut text = String::from("---\n");
            for (k, v) in entries {
                let sep = if v.starts_with('\n') { ":" } else { ": " };
                text.push_str(&format!("{k}{sep}{v}\n"));
            }
            text.push_str(if dots { "...\n" } else { "---\n" });
            text.push_str(&body);
            mangles.iter().fold(text, apply)
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        progress("frontmatter::arbitrary_text");
        check(&text);
    }

    #[test]
    fn fence_shaped_text(parts in proptest::collection::vec(fm_fragment(), 0..40)) {
        progress("frontmatter::fence_shaped_text");
        check(&parts.concat());
    }

    #[test]
    fn mangled_front_matter(text in structured()) {
        progress("frontmatter::mangled_front_matter");
        check(&text);
        let normalized = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
        check(&normalized);
    }
}

#[test]
fn corpus() {
    run_corpus("frontmatter", check_bytes);
}
