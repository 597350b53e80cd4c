//! DocFX block directives written inside text: `:::image …:::` and `:::no-loc text="…":::`.

use super::html::attr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Image { source: String, alt: String },
    NoLoc(String),
    /// `:::image-end:::` and directives we do not render; dropped so `:::` never shows.
    Nothing,
}

/// Splits text into plain runs and the directives in it.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(":::") {
        let after = &rest[start + 3..];
        let Some(len) = after.find(":::") else { break };
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        let inner = &after[..len];
        out.push(directive(inner));
        rest = &after[len + 3..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

fn directive(inner: &str) -> Piece<'static> {
    let name: String = inner.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    // `attr` wants a tag-like string: a leading space makes the first attribute findable.
    let tag = format!(" {inner}");
    match name.to_ascii_lowercase().as_str() {
        "image" => Piece::Image {
            source: attr(&tag, "source").unwrap_or_default(),
            alt: attr(&tag, "alt-text").unwrap_or_default(),
        },
        "no-loc" => Piece::NoLoc(attr(&tag, "text").unwrap_or_default()),
        _ => Piece::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_and_noloc() {
        let t = r#"See :::image type="content" source="media/a.png" alt-text="Znaczek platformy Azure.":::  now"#;
        assert_eq!(
            split(t),
            vec![
                Piece::Text("See "),
                Piece::Image { source: "media/a.png".into(), alt: "Znaczek platformy Azure.".into() },
                Piece::Text("  now"),
            ]
        );
        assert_eq!(split(r#":::no-loc text="УНП":::"#), vec![Piece::NoLoc("УНП".into())]);
        assert_eq!(split(":::image-end:::"), vec![Piece::Nothing]);
        assert_eq!(split("a ::: b"), vec![Piece::Text("a ::: b")]);
    }
}
