//! Target `spans`: `translations::reconstruct::english_text`, the side-by-side span extractor
//! that rebuilds English pages, on strings made of span tags, text and markdown.

use proptest::prelude::*;
use signpost::translations::reconstruct::english_text;

use crate::common::*;

const OPEN_LOCAL: &str = "<span data-ttu-id=";

/// What must hold for any text: no panic; the output only removes (never adds) text and
/// side-by-side markup; text without a localized span comes back unchanged; and applying it
/// to its own output changes nothing when that output holds no pair any more.
pub fn check(text: &str) -> String {
    let out = english_text(text);
    assert!(out.len() <= text.len(), "output longer than input: {out:?}");
    if !text.contains(OPEN_LOCAL) {
        assert_eq!(out, text, "text without side-by-side spans changed");
    }
    for m in SXS_MARKERS {
        assert!(
            out.matches(m).count() <= text.matches(m).count(),
            "`{m}` added: {out:?}"
        );
    }
    let again = english_text(&out);
    if !out.contains("sxs-lookup") || !out.contains(OPEN_LOCAL) {
        assert_eq!(again, out, "not idempotent");
    }
    out
}

/// A corpus file: arbitrary text through [`check`].
pub fn check_bytes(bytes: &[u8]) {
    check(&String::from_utf8_lossy(bytes));
}

/// Pieces of side-by-side text, balanced or not.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => pick(&[r#"<span data-ttu-id="x">"#, "</span>", r#"<span class="sxs-lookup">"#, r#"<span data-stu-id="y">"#]),
        1 => pick(&[r#"<span data-ttu-id="ec97b-103">"#, r#"<span data-ttu-id='a'>"#, "<span data-ttu-id=", r#"<span data-ttu-id="x""#, r#"<span class="sxs-lookup"#, r#"<span data-stu-id="y""#, "<span>", "<span", "</span", "</SPAN>", "<SPAN CLASS=\"sxs-lookup\">", r#"<span id="z">"#, r#"<span data-ttu-id="a"/>"#, ">", "<", "</", r#"<span class="sxs-lookup x">"#, r#"<span  data-stu-id="y">"#]),
        1 => pick(&["**Van toepassing op**", "[link](x.md)", "![img](media/a.png)", "`code`", "\n", "\n\n", "- ", "> [!NOTE]\n> ", "# ", "| a | b |\n|---|---|\n", ":::image source=\"a.png\" alt-text=\"a\":::", "<a name=\"x\"></a>", "<br>", "&lt;", "\u{a0}"]),
        2 => words(),
    ]
}

/// One well-formed pair: localized text and its English original, closed with one or two
/// `</span>` (exports write both).
fn pair() -> impl Strategy<Value = (String, String)> {
    let text = || {
        prop_oneof![
            words(),
            pick(&[
                "**Van toepassing op**",
                "[link](x.md)",
                "`x`",
                "",
                "a > b",
                "<br>",
                "<b>vet</b>"
            ])
        ]
    };
    // A pair never spans a blank line (an unclosed span must not swallow the next paragraph).
    let text = move || text().prop_map(|t| t.replace('\n', "\n "));
    (pick(&["a-1", "ec97b-103", "", "x\"y"]), text(), text(), prop::bool::ANY).prop_map(|(id, local, english, double)| {
        let close = if double { "</span></span>" } else { "</span>" };
        (format!(r#"<span data-ttu-id="{id}">{local}</span><span class="sxs-lookup"><span data-stu-id="{id}">{english}{close}"#), english)
    })
}

/// A text of well-formed pairs and plain pieces, with the English it must become.
fn well_formed() -> impl Strategy<Value = (String, String)> {
    let item = prop_oneof![
        pair(),
        prop_oneof![
            words(),
            pick(&["\n", "\n\n", "- ", "# ", "> [!NOTE]\n> ", "| ", " |"])
        ]
        .prop_map(|t| (t.clone(), t)),
    ];
    proptest::collection::vec(item, 0..16).prop_map(|items| {
        let (input, english): (Vec<String>, Vec<String>) = items.into_iter().unzip();
        (input.concat(), english.concat())
    })
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn fragment_soup(parts in proptest::collection::vec(fragment(), 0..40)) {
        progress("spans::fragment_soup");
        check(&parts.concat());
    }

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        progress("spans::arbitrary_text");
        check(&text);
    }

    #[test]
    fn well_formed_pairs_become_their_english((input, english) in well_formed()) {
        progress("spans::well_formed_pairs_become_their_english");
        let out = check(&input);
        prop_assert_eq!(&out, &english);
        for m in SXS_MARKERS {
            prop_assert!(!out.contains(m), "`{}` left in {:?}", m, out);
        }
        prop_assert_eq!(english_text(&out), out);
    }
}

#[test]
fn corpus() {
    run_corpus("spans", check_bytes);
}
