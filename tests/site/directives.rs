//! DocFX `:::` directives whose attribute values hold markup-looking text.

use crate::common::*;

/// The real line, from a Dutch page (`<alt-tekst>` is the translator's placeholder).
const REAL: &str = r#":::image type="content" source="media/shot.png" alt-text="<alt-tekst>":::"#;

/// Attribute values that markdown reads as HTML, emphasis, code, links or entities.
const HOSTILE: &[&str] = &[
    "<alt-tekst>",
    "<script>alert(1)</script>",
    "a < b > c",
    "Tom & Jerry",
    "*half* and **bold** and _under_",
    "`code` and [link](x.md) and ![img](y.png)",
    "<b>bold</b> \\*escaped\\*",
    "a ** b",
];

#[test]
fn image_directives_with_markup_in_their_attributes_stay_images() {
    let mut page = format!("# Beelden\n\nVoor {REAL} na.\n\n");
    for (n, alt) in HOSTILE.iter().enumerate() {
        page.push_str(&format!(
            ":::image type=\"content\" source=\"media/shot.png\" alt-text=\"{alt}\" lightbox=\"media/shot.png\":::\n\nRegel {n}.\n\n"
        ));
    }
    // A missing image shows its alt text as text: escaped, never markup.
    page.push_str(":::image type=\"content\" source=\"media/none.png\" alt-text=\"<b>geen</b> & *niets*\":::\n");
    let f = Fixture::new(&[
        ("site.yaml", "languages: [nl]\n"),
        ("content/nl/beelden.md", &page),
        ("content/nl/media/shot.png", "png"),
    ]);
    let built = build_ok(f.root(), None);
    let p = built.page("nl/beelden/index.html");
    assert!(leaks(&p).is_empty(), "{:?}", leaks(&p));
    let alts = p.attr("main img", "alt");
    let mut want = vec!["<alt-tekst>".to_string()];
    want.extend(HOSTILE.iter().map(|s| s.to_string()));
    assert_eq!(alts, want, "{}", p.raw);
    assert!(p.raw.contains(r#"alt="&lt;alt-tekst&gt;""#), "{}", p.raw);
    let text = p.visible_text();
    assert!(text.contains("Voor") && text.contains("na."), "{text}");
    for n in 0..HOSTILE.len() {
        assert!(text.contains(&format!("Regel {n}.")), "{text}");
    }
    assert_eq!(
        p.text_of(".sp-image-missing"),
        vec!["Afbeelding: <b>geen</b> & *niets*".to_string()],
        "{}",
        p.raw
    );
    assert!(p.select("main b, main script").is_empty(), "{}", p.raw);
}
