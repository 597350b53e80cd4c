//! DocFX block directives written inside text: `:::image …:::` and `:::no-loc text="…":::`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Image {
        source: String,
        alt: String,
    },
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
    let name: String = inner
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let attrs = attributes(inner);
    let get = |key: &str| {
        attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    match name.to_ascii_lowercase().as_str() {
        "image" => Piece::Image {
            source: get("source"),
            alt: get("alt-text"),
        },
        "no-loc" => Piece::NoLoc(get("text")),
        _ => Piece::Nothing,
    }
}

/// `name="value"` pairs. Machine translation puts unescaped quotes inside values
/// (`alt-text="the "Private Marketplace" menu"`), so a value runs to the last quote before
/// the next ` name="` or the end.
fn attributes(inner: &str) -> Vec<(&str, &str)> {
    let starts: Vec<(usize, usize)> = attr_starts(inner);
    let mut out = Vec::new();
    for (n, &(name_at, value_at)) in starts.iter().enumerate() {
        let limit = starts.get(n + 1).map_or(inner.len(), |&(next, _)| next);
        let value_area = &inner[value_at..limit];
        let value = match value_area.rfind('"') {
            Some(end) => &value_area[..end],
            None => value_area.trim_end(),
        };
        let name = inner[name_at..value_at]
            .trim_end_matches("=\"")
            .trim_end_matches('=');
        out.push((name, value));
    }
    out
}

/// (start of name, start of value) of every ` name="` in the text.
fn attr_starts(inner: &str) -> Vec<(usize, usize)> {
    let bytes = inner.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = inner[i..].find("=\"") {
        let eq = i + p;
        let mut start = eq;
        while start > 0
            && (bytes[start - 1].is_ascii_alphanumeric()
                || bytes[start - 1] == b'-'
                || bytes[start - 1] == b'_')
        {
            start -= 1;
        }
        let preceded_by_space = start == 0 || bytes[start - 1].is_ascii_whitespace();
        if start < eq && preceded_by_space {
            out.push((start, eq + 2));
        }
        i = eq + 2;
    }
    out
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
                Piece::Image {
                    source: "media/a.png".into(),
                    alt: "Znaczek platformy Azure.".into()
                },
                Piece::Text("  now"),
            ]
        );
        assert_eq!(
            split(r#":::no-loc text="УНП":::"#),
            vec![Piece::NoLoc("УНП".into())]
        );
        assert_eq!(split(":::image-end:::"), vec![Piece::Nothing]);
        assert_eq!(split("a ::: b"), vec![Piece::Text("a ::: b")]);
    }

    #[test]
    fn quotes_inside_values_from_machine_translation() {
        let t = r#":::image type="content" source="media/a.png" alt-text="Отображение пункта меню "частный Marketplace" слева." lightbox="media/a.png":::"#;
        assert_eq!(
            split(t),
            vec![Piece::Image {
                source: "media/a.png".into(),
                alt: "Отображение пункта меню \"частный Marketplace\" слева.".into()
            }]
        );
    }
}
