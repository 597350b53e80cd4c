//! The pieces of a segment's markdown that translation must carry over unchanged: inline
//! code, link targets and URLs, `{{placeholders}}`, `:::no-loc` text, bold labels, numbers.

/// What one segment holds, read once and compared by every rule.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tokens {
    pub code: Vec<String>,
    pub urls: Vec<String>,
    pub placeholders: Vec<String>,
    pub no_loc: Vec<String>,
    /// `**…**` pairs.
    pub bold: usize,
    /// Links with no text (`[](target)`): the reader cannot see or follow them.
    pub empty_links: usize,
    /// Numbers with locale digit grouping removed: `1,000`, `1 000` and `1.000` are `1000`;
    /// a decimal comma reads as a point (`1,5` is `1.5`).
    pub numbers: Vec<String>,
    /// The text with code, URLs, placeholders and markup removed: the words a reader reads.
    pub prose: String,
}

/// Whether a byte can start a piece [`tokens`] looks for; every other byte is plain text,
/// copied to the prose in runs (the scan stops only at these, which keeps it to a few
/// instructions a byte: QA reads every segment of the site twice).
fn may_start_markup(c: u8) -> bool {
    matches!(
        c,
        b'`' | b'{' | b'[' | b']' | b':' | b'h' | b'<' | b'*' | b'\\'
    )
}

pub fn tokens(markdown: &str) -> Tokens {
    let mut t = Tokens::default();
    let mut prose = String::with_capacity(markdown.len());
    let b = markdown.as_bytes();
    let mut i = 0;
    // Start of the plain text not yet copied to `prose`.
    let mut plain = 0;
    while i < b.len() {
        if !may_start_markup(b[i]) {
            i += 1;
            continue;
        }
        // `i` is at an ASCII byte, so a char boundary.
        let rest = &markdown[i..];
        let Some((skip, spaced)) = piece(rest, &mut t) else {
            i += 1;
            continue;
        };
        prose.push_str(&markdown[plain..i]);
        if spaced {
            prose.push(' ');
        }
        i += skip;
        plain = i;
    }
    prose.push_str(&markdown[plain..]);
    t.bold /= 2;
    t.numbers = if prose.bytes().any(|c| c.is_ascii_digit()) {
        numbers(&prose)
    } else {
        Vec::new()
    };
    t.prose = prose;
    t
}

/// The piece of markup at the start of `rest`, recorded in `t`: how many bytes it takes, and
/// whether it stands as a space in the prose. `None`: plain text.
fn piece(rest: &str, t: &mut Tokens) -> Option<(usize, bool)> {
    if rest.starts_with('`') {
        let ticks = rest.bytes().take_while(|&c| c == b'`').count();
        let fence = &rest[..ticks];
        if let Some(end) = rest[ticks..].find(fence) {
            let code = rest[ticks..ticks + end].trim();
            if !code.is_empty() {
                t.code.push(code.to_string());
            }
            return Some((ticks + end + ticks, true));
        }
        // An unclosed run of backticks is dropped.
        return Some((ticks, false));
    }
    if rest.starts_with("{{") {
        if let Some(end) = rest.find("}}") {
            t.placeholders.push(rest[..end + 2].to_string());
            return Some((end + 2, true));
        }
    }
    // `{customer-id}`, `{serialNumber}`: a single-brace name in a path or a format.
    if let Some(inner) = rest.strip_prefix('{') {
        let name = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .filter(|&e| e > 0 && inner[e..].starts_with('}'));
        if let Some(e) = name {
            t.placeholders.push(rest[..e + 2].to_string());
            return Some((e + 2, true));
        }
    }
    if rest.starts_with("[](") {
        // Counted, and read on as plain text (the `](` comes next).
        t.empty_links += 1;
        return None;
    }
    if rest.starts_with(":::no-loc") {
        if let Some(end) = rest[3..].find(":::") {
            let inner = &rest[..end + 6];
            if let Some(q) = inner.find("text=\"") {
                let v = &inner[q + 6..];
                t.no_loc
                    .push(v[..v.find('"').unwrap_or(v.len())].to_string());
            }
            return Some((end + 6, true));
        }
    }
    if rest.starts_with("](") {
        let end = rest.find(')').unwrap_or(rest.len());
        let target = rest[2..end].split_whitespace().next().unwrap_or("");
        if !target.is_empty() {
            t.urls.push(target.to_string());
        }
        return Some((end.max(1), false));
    }
    if rest.starts_with("http://") || rest.starts_with("https://") {
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '<' | '>' | '"' | '\'' | ']'))
            .unwrap_or(rest.len());
        let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        // `\*` in a bare URL is a markdown escape: the reader sees `*`.
        t.urls.push(url.replace('\\', ""));
        return Some((url.len().max(1), true));
    }
    if rest.starts_with('<') {
        // Raw HTML tags are markup, not words.
        if let Some(end) = rest.find('>').filter(|&e| !rest[1..e].contains('<')) {
            return Some((end + 1, true));
        }
    }
    if rest.starts_with("**") {
        t.bold += 1;
        return Some((2, true));
    }
    // Exports escape some bold markers (`\*\* Update\*\*`); the page shows them bold all
    // the same, so they count.
    if rest.starts_with("\\*\\*") {
        t.bold += 1;
        return Some((4, true));
    }
    None
}

/// Numbers standing alone in `text`, as their parts: `1,000` is `1000` (digit grouping),
/// `1.5` and `1,5` are `1` and `5`, `2020-02-12` and `12.02.2020` are `2020`, `2`, `12`.
/// Numbers glued to letters (`Office365`, `x64`, `4k`, `3rd`, `6pm`) are names, units and
/// ordinals that translation rightly rewrites; they are left out.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // The whole run of digits and separators between them.
        let start = i;
        if let Some(len) = idiom(&chars[start..]) {
            i = start + len;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || joins(&chars[j..])) {
            j += 1;
        }
        let glued = (start > 0 && is_wordish(chars[start - 1]))
            || chars.get(j).is_some_and(|&c| is_wordish(c));
        if !glued {
            let mut found = parts(&chars[start..j]);
            twenty_four_hour(&chars[start..j], &chars[j..], &mut found);
            out.extend(found);
        }
        // Past the word it is glued to, if any.
        while j < chars.len() && is_wordish(chars[j]) {
            j += 1;
        }
        i = j.max(i + 1);
    }
    out.sort();
    out
}

/// `7:30 PM` is `19:30` in most of Europe: a clock time before AM/PM counts as its 24-hour
/// hour.
fn twenty_four_hour(run: &[char], after: &[char], parts: &mut [String]) {
    let is_time = run.contains(&':') && parts.len() == 2;
    let rest: String = after
        .iter()
        .take(4)
        .collect::<String>()
        .to_ascii_lowercase();
    let rest = rest.trim_start();
    let pm = rest.starts_with("pm") || rest.starts_with("p.m");
    let am = rest.starts_with("am") || rest.starts_with("a.m");
    if !is_time || !(pm || am) {
        return;
    }
    if let Ok(h) = parts[0].parse::<u32>() {
        let h24 = match (h, pm) {
            (12, false) => 0,
            (h, true) if h < 12 => h + 12,
            (h, _) => h,
        };
        parts[0] = h24.to_string();
    }
}

/// `24/7`, `24 x 7` and `1:1` say "always" and "one to one": translations rightly put words.
/// The idiom's length in characters.
fn idiom(from: &[char]) -> Option<usize> {
    let text: String = from.iter().take(6).collect::<String>().to_lowercase();
    ["24/7", "24x7", "24 x 7", "1:1"]
        .into_iter()
        .find(|i| {
            text.starts_with(i)
                && !from
                    .get(i.chars().count())
                    .is_some_and(|c| c.is_ascii_digit())
        })
        .map(|i| i.chars().count())
}

/// Whether the separator at the start of `rest` joins the digits around it into one run: a
/// space only groups thousands (`1 000`), other separators join dates, times and decimals.
fn joins(rest: &[char]) -> bool {
    let Some(&c) = rest.first() else { return false };
    if !is_separator(c) || !rest.get(1).is_some_and(char::is_ascii_digit) {
        return false;
    }
    if matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
        let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        return digits == 3;
    }
    true
}

fn is_separator(c: char) -> bool {
    matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '-' | '/' | ':')
}

/// The parts of one run of digits and separators; a separator followed by exactly three
/// digits (and no more) groups thousands, and digit groups join.
fn parts(run: &[char]) -> Vec<String> {
    let groups: Vec<(Option<char>, String)> = {
        let mut g: Vec<(Option<char>, String)> = vec![(None, String::new())];
        for &c in run {
            if c.is_ascii_digit() {
                g.last_mut().expect("a group").1.push(c);
            } else {
                g.push((Some(c), String::new()));
            }
        }
        g
    };
    let mut out: Vec<String> = Vec::new();
    for (k, (sep, digits)) in groups.iter().enumerate() {
        let grouping = k > 0
            && digits.len() == 3
            && matches!(sep, Some('.' | ',' | ' ' | '\u{a0}' | '\u{202f}'))
            && groups[k - 1].1.len() <= 3;
        let spaced = matches!(sep, Some(' ' | '\u{a0}' | '\u{202f}'));
        match out.last_mut() {
            Some(last) if grouping => last.push_str(digits),
            _ if spaced && k > 0 && !grouping => out.push(digits.clone()),
            _ => out.push(digits.clone()),
        }
    }
    out.into_iter()
        .map(|d| {
            let t = d.trim_start_matches('0');
            if t.is_empty() {
                "0".to_string()
            } else {
                t.to_string()
            }
        })
        .collect()
}

fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_found() {
        let t = tokens(
            "Run `Get-Foo` on [the site](https://a.example/en-us/x) with {{name}} and :::no-loc text=\"Azure\"::: for **OK** at 1,000 USD.",
        );
        assert_eq!(t.code, ["Get-Foo"]);
        assert_eq!(t.urls, ["https://a.example/en-us/x"]);
        assert_eq!(t.placeholders, ["{{name}}"]);
        assert_eq!(t.no_loc, ["Azure"]);
        assert_eq!(t.bold, 1);
        assert_eq!(tokens(r"April 1: \*\* Update\*\* - x").bold, 1);
        assert_eq!(t.numbers, ["1000"]);
        let t = tokens("{baseURL}/v1/customers/{customer_id}/orders and {not a name} or {}");
        assert_eq!(t.placeholders, ["{baseURL}", "{customer_id}"]);
        assert_eq!(tokens("1,000 and 12,5").numbers, ["1000", "12", "5"]);
    }

    #[test]
    fn locale_number_formats_are_one_number() {
        for s in ["1,000", "1 000", "1.000", "1\u{a0}000"] {
            assert_eq!(numbers(s), ["1000"], "{s}");
        }
        assert_eq!(numbers("1,5 i 1.5"), ["1", "1", "5", "5"]);
        assert_eq!(numbers("Office365 x64 H2 v1.16.2 4k 3rd (24)"), ["24"]);
        assert_eq!(numbers("2 4"), ["2", "4"]);
        assert_eq!(numbers("2020-02-12"), numbers("12.02.2020"));
        assert_eq!(numbers("July 07 2021"), ["2021", "7"]);
        assert_eq!(numbers("at 7:30 PM Pacific"), numbers("o 19:30 czasu"));
        assert_eq!(numbers("a 3-year term, 365-dagen"), ["3", "365"]);
        assert_eq!(
            numbers("24/7 support, 24 X 7 help, shared 1:1"),
            Vec::<String>::new()
        );
    }
}
