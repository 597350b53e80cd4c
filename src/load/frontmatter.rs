//! Front matter: the YAML between `---` lines at the top of a page.
//!
//! Real exports vary (`ms.custom` is a string or a list, numbers are quoted or not, keys have
//! spaces), so the typed fields are read leniently and every key is kept for templates.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::date::Date;

/// The split of a file into front matter and body, with the body's position in the file.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The YAML text, without the `---` fences; `None` when the file has no front matter.
    pub yaml: Option<&'a str>,
    /// 1-based line of the YAML's first line in the file.
    pub yaml_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening `---` with no closing one.
    Unclosed,
}

/// Splits front matter off. The text has had its BOM removed and CRLF turned into LF.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let no_fm = Split {
        yaml: None,
        yaml_line: 1,
        body: text,
        body_offset: 0,
    };
    let Some(rest) = text.strip_prefix("---") else {
        return Ok(no_fm);
    };
    // `---` must stand alone on the first line; `----` or `--- x` is a thematic break or text.
    let Some(first_nl) = rest.find('\n') else {
        return Ok(no_fm);
    };
    if !rest[..first_nl].trim().is_empty() {
        return Ok(no_fm);
    }
    let yaml_start = 3 + first_nl + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let bare = line.trim_end_matches('\n').trim_end();
        if bare == "---" || bare == "..." {
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml: Some(&text[yaml_start..offset]),
                yaml_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// Whether a translation was made by a machine or by people (`ms.translationtype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationType {
    Machine,
    Human,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    /// `ms.date`: when the page's content was last reviewed.
    pub date: Option<Date>,
    /// `ms.contentlocale`, e.g. `nl-NL`.
    pub content_locale: Option<String>,
    pub translation_type: Option<TranslationType>,
    /// `ms.openlocfilehash`: hash of the English revision the translation was made from.
    pub source_hash: Option<String>,
    /// `ms.lasthandoff`: when the translation was delivered.
    pub last_handoff: Option<Date>,
    pub author: Option<String>,
    pub topic: Option<String>,
    pub subservice: Option<String>,
    /// Every key as written, for templates (`page.meta["ms.custom"]`).
    pub extra: BTreeMap<String, Json>,
}

/// A problem with one front matter value; the page still builds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldWarning {
    /// 1-based line within the YAML text.
    pub yaml_line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line and column within the YAML text.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What to do about it, when the problem is specific enough to say.
    pub hint: Option<String>,
}

/// Parses front matter YAML into typed fields plus every key.
pub fn parse(yaml: &str) -> Result<(FrontMatter, Vec<FieldWarning>), YamlError> {
    if yaml.trim().is_empty() {
        return Ok((FrontMatter::default(), Vec::new()));
    }
    if let Some(pairs) = simple_pairs(yaml) {
        // Exports' usual front matter: straight to the fields, no YAML value in between.
        let mut fm = FrontMatter::default();
        let mut warnings = Vec::new();
        for (key, value) in pairs {
            set_field(&mut fm, &mut warnings, yaml, key, Some(value.trim()));
            fm.extra
                .insert(key.to_string(), Json::String(value.to_string()));
        }
        return Ok((fm, warnings));
    }
    let value = serde_yaml::from_str(yaml).map_err(|e| {
        repeated_key(yaml).unwrap_or_else(|| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            YamlError {
                line,
                column,
                message: crate::config::strip_yaml_position(&e.to_string()),
                hint: None,
            }
        })
    })?;
    let map = match value {
        serde_yaml::Value::Mapping(map) => map,
        serde_yaml::Value::Null => return Ok((FrontMatter::default(), Vec::new())),
        other => {
            return Err(YamlError {
                line: 1,
                column: 1,
                message: format!(
                    "it must be a map of `key: value` lines, found {}",
                    kind_name(&other)
                ),
                hint: None,
            });
        }
    };
    let mut fm = FrontMatter::default();
    let mut warnings = Vec::new();
    for (key, value) in map {
        let key = match key {
            serde_yaml::Value::String(s) => s,
            other => scalar_text(&other).unwrap_or_else(|| format!("{other:?}")),
        };
        let text = scalar_text(&value);
        set_field(&mut fm, &mut warnings, yaml, &key, text.as_deref());
        fm.extra.insert(key, yaml_to_json(value));
    }
    Ok((fm, warnings))
}

/// Sets the typed field `key` names, if any, from its value's text (trimmed; `None` for a
/// list or a map); a date that does not read is a warning on the key's line.
fn set_field(
    fm: &mut FrontMatter,
    warnings: &mut Vec<FieldWarning>,
    yaml: &str,
    key: &str,
    text: Option<&str>,
) {
    let owned = || text.map(str::to_string);
    match key {
        "title" => fm.title = owned(),
        "description" => fm.description = owned(),
        "author" => fm.author = owned(),
        "ms.topic" => fm.topic = owned(),
        "ms.subservice" => fm.subservice = owned(),
        "ms.contentlocale" => fm.content_locale = owned(),
        "ms.openlocfilehash" => fm.source_hash = owned(),
        "ms.translationtype" => {
            fm.translation_type = match text {
                Some(t) if t.eq_ignore_ascii_case("MT") => Some(TranslationType::Machine),
                Some(t) if t.eq_ignore_ascii_case("HT") => Some(TranslationType::Human),
                _ => None,
            }
        }
        "ms.date" | "ms.lasthandoff" => {
            let parsed = text.and_then(Date::parse);
            if parsed.is_none() {
                warnings.push(FieldWarning {
                    yaml_line: key_line(yaml, key),
                    message: format!("`{key}` is not a date: {}", text.unwrap_or("(not text)")),
                });
            }
            if key == "ms.date" {
                fm.date = parsed;
            } else {
                fm.last_handoff = parsed;
            }
        }
        _ => {}
    }
}

/// The front matter's `key: value` pairs, in order, when every line is a `key: value` pair whose value can only be
/// text; `None` hands it to the YAML parser. Exports write front matter this way, and the
/// full parser costs more than reading and splitting the page. Anything YAML could read
/// otherwise (numbers, booleans, nulls, escapes, comments, flow or block structure, repeated
/// keys) goes to the parser, so both always agree (a unit test compares them on every
/// page of the seeds and the corpus).
fn simple_pairs(yaml: &str) -> Option<Vec<(&str, &str)>> {
    let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(16);
    for line in yaml.lines() {
        if line.is_empty() {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        let simple_key = key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        if !simple_key || maybe_not_text(key) {
            return None;
        }
        let text = text_value(value.trim_matches(' '))?;
        // A handful of keys: a scan costs less than hashing them.
        if pairs.iter().any(|&(k, _)| k == key) {
            return None;
        }
        pairs.push((key, text));
    }
    (!pairs.is_empty()).then_some(pairs)
}

/// A one-line value that YAML reads as exactly this text: quoted without escapes, or plain
/// with nothing that could start structure, a comment, or another type.
fn text_value(value: &str) -> Option<&str> {
    if value.chars().any(|c| c.is_control()) {
        return None;
    }
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            return (!inner.contains(quote) && !inner.contains('\\')).then_some(inner);
        }
    }
    let starts_structure = value.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`',
    ]);
    if value.is_empty()
        || starts_structure
        || value.contains(':')
        || value.contains(" #")
        || maybe_not_text(value)
    {
        return None;
    }
    Some(value)
}

/// Whether a plain scalar might be a null, a boolean or a number rather than text: a
/// superset of what the YAML parser resolves, so a doubtful value goes to the parser.
fn maybe_not_text(plain: &str) -> bool {
    let unsigned = plain.strip_prefix(['+', '-']).unwrap_or(plain);
    let starts = |prefix: &str| {
        unsigned
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    [
        "~", "null", "true", "false", "y", "n", "yes", "no", "on", "off", ".nan",
    ]
    .iter()
    .any(|word| plain.eq_ignore_ascii_case(word))
        || unsigned.eq_ignore_ascii_case(".inf")
        || ["0x", "0o", "0b", "inf", "nan"].iter().any(|p| starts(p))
        || (unsigned.bytes().any(|b| b.is_ascii_digit())
            && unsigned
                .bytes()
                .all(|b| b.is_ascii_digit() || b"._+-eE".contains(&b)))
}

fn kind_name(v: &serde_yaml::Value) -> &'static str {
    match v {
        serde_yaml::Value::Sequence(_) => "a list",
        serde_yaml::Value::String(_) => "a line of text",
        serde_yaml::Value::Number(_) => "a number",
        serde_yaml::Value::Bool(_) => "a true/false value",
        serde_yaml::Value::Tagged(_) => "a tagged value",
        _ => "something else",
    }
}

/// The text of a scalar (strings, numbers, booleans); lists and maps have none.
fn scalar_text(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.trim().to_string()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}

fn yaml_to_json(v: serde_yaml::Value) -> Json {
    match v {
        serde_yaml::Value::Null => Json::Null,
        serde_yaml::Value::Bool(b) => Json::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Json::Null, Json::Number)
            }
        }
        serde_yaml::Value::String(s) => Json::String(s),
        serde_yaml::Value::Sequence(seq) => {
            Json::Array(seq.into_iter().map(yaml_to_json).collect())
        }
        serde_yaml::Value::Mapping(map) => Json::Object(
            map.into_iter()
                .map(|(k, v)| (scalar_text(&k).unwrap_or_default(), yaml_to_json(v)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(t) => yaml_to_json(t.value),
    }
}

/// The first key that a mapping repeats, anywhere in the YAML, as an error at the repeat.
///
/// serde_norway reports a repeated key at the start of its mapping, which in front matter is
/// the first line, however far down the repeat is. Its parser does stamp an error with the
/// position of the scalar being read when the error is raised, so this walks the document
/// again and fails while reading the repeated key itself. Only called after a failed parse:
/// `None` when the failure was something else.
fn repeated_key(yaml: &str) -> Option<YamlError> {
    let found = Cell::new(None);
    let err = serde::de::DeserializeSeed::deserialize(
        RepeatedKeyScan {
            seen: None,
            found: &found,
        },
        serde_yaml::Deserializer::from_str(yaml),
    )
    .err()?;
    let key = found.take()?;
    let location = err.location()?;
    Some(YamlError {
        line: location.line(),
        column: location.column(),
        message: format!("duplicate key `{key}`: it is already set above"),
        hint: Some(format!(
            "a key may appear only once; keep one `{key}:` line and delete the other"
        )),
    })
}

/// One value of the document, read only to look for repeated keys. `seen` holds the keys read
/// so far when the value is a mapping key; the first repeat is written to `found`.
struct RepeatedKeyScan<'a> {
    seen: Option<&'a [serde_yaml::Value]>,
    found: &'a Cell<Option<String>>,
}

impl RepeatedKeyScan<'_> {
    /// A scalar key as `Value` would hold it, so repeats compare as they do in `Mapping`.
    fn scalar<E: serde::de::Error>(
        self,
        key: serde_yaml::Value,
    ) -> Result<Option<serde_yaml::Value>, E> {
        if let Some(seen) = self.seen
            && seen.contains(&key)
        {
            self.found.set(Some(
                scalar_text(&key).unwrap_or_else(|| "null".to_string()),
            ));
            // Raised inside the visitor, so the parser stamps it with this key's position.
            return Err(E::custom("duplicate key"));
        }
        Ok(Some(key))
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for RepeatedKeyScan<'_> {
    /// The key, when it is a scalar.
    type Value = Option<serde_yaml::Value>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for RepeatedKeyScan<'_> {
    type Value = Option<serde_yaml::Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Bool(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Number(v.into()))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Number(v.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Number(v.into()))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::String(v.to_string()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.scalar(serde_yaml::Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq
            .next_element_seed(RepeatedKeyScan {
                seen: None,
                found: self.found,
            })?
            .is_some()
        {}
        Ok(None)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key_seed(RepeatedKeyScan {
            seen: Some(&keys),
            found: self.found,
        })? {
            map.next_value_seed(RepeatedKeyScan {
                seen: None,
                found: self.found,
            })?;
            // Lists, maps and tagged values as keys are not compared: front matter has none.
            keys.extend(key);
        }
        Ok(None)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // A tagged value (`!tag value`): serde_norway hands the tag over as an enum variant.
        let (_, value) = data.variant::<serde::de::IgnoredAny>()?;
        serde::de::VariantAccess::newtype_variant_seed(
            value,
            RepeatedKeyScan {
                seen: None,
                found: self.found,
            },
        )?;
        Ok(None)
    }
}

/// 1-based line of `key:` at the start of a line in the YAML, or 1.
fn key_line(yaml: &str, key: &str) -> usize {
    yaml.lines()
        .position(|l| {
            let l = l.trim_start_matches(['"', '\'']);
            l.starts_with(key)
                && l[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':')
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every front matter the fast path takes must read exactly as the YAML parser reads it.
    fn agrees_with_the_parser(yaml: &str) -> bool {
        let Some(fast) = simple_pairs(yaml) else {
            return false;
        };
        let fast: serde_yaml::Mapping = fast
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        let full: serde_yaml::Value = serde_yaml::from_str(yaml)
            .unwrap_or_else(|e| panic!("fast path took invalid YAML {yaml:?}: {e}"));
        assert_eq!(serde_yaml::Value::Mapping(fast), full, "{yaml}");
        true
    }

    #[test]
    fn simple_front_matter_reads_as_the_yaml_parser_reads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut pages, mut fast) = (0, 0);
        for dir in [
            "content",
            "tests/fixtures",
            "../shared/seeds",
            "../shared/corpus",
        ] {
            for entry in walkdir::WalkDir::new(root.join(dir))
                .into_iter()
                .filter_map(Result::ok)
            {
                if entry.path().extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                let text = text.replace("\r\n", "\n");
                let Ok(Split {
                    yaml: Some(yaml), ..
                }) = split(text.trim_start_matches('\u{feff}'))
                else {
                    continue;
                };
                if serde_yaml::from_str::<serde_yaml::Value>(yaml).is_err() {
                    assert!(
                        simple_pairs(yaml).is_none(),
                        "fast path took invalid YAML in {}",
                        entry.path().display()
                    );
                    continue;
                }
                pages += 1;
                fast += usize::from(agrees_with_the_parser(yaml));
            }
        }
        assert!(pages > 0);
        // Real exports are simple: nearly all of them take the fast path.
        if root.join("../shared/corpus").is_dir() {
            assert!(
                fast * 10 >= pages * 9,
                "only {fast} of {pages} front matters took the fast path"
            );
        }
    }

    #[test]
    fn doubtful_values_go_to_the_parser() {
        for yaml in [
            "a: 1",
            "a: -1",
            "a: 1.5e3",
            "a: .5",
            "a: 0x1f",
            "a: 0o17",
            "a: true",
            "a: False",
            "a: null",
            "a: ~",
            "a: .inf",
            "a: -.INF",
            "a: .NaN",
            "a:",
            "a: [1, 2]",
            "a: {b: c}",
            "a: b: c",
            "a: x # comment",
            "a: 'it''s'",
            "a: \"x\\ty\"",
            "a: |",
            "a: >",
            "a: &anchor x",
            "a: *alias",
            "a: !tag x",
            "a: x\n  continued",
            "a: x\na: y",
            "1: x",
            "a b: x",
            "\"a\": x",
            "- a",
            "a: http://x.org",
            "a: yes",
            "a: inf",
            "a: nan",
        ] {
            assert!(simple_pairs(yaml).is_none(), "{yaml:?} took the fast path");
        }
        for yaml in [
            "title: Hallo wereld",
            "ms.date: 07/18/2024",
            "ms.openlocfilehash: 3a2415ab9833d5c574ad76d462f526a131c24f33",
            "ms.locfileid: \"111391195\"",
            "title: 'Szybki Start: PowerShell'",
            "a: 1a",
            "a: x-1",
            "a: e",
            "title: Ünïcode — тест",
            "a: x\n\nb: z",
            "a:   spaced   ",
        ] {
            assert!(
                agrees_with_the_parser(yaml),
                "{yaml:?} should take the fast path"
            );
        }
    }

    #[test]
    fn splits_front_matter_and_reports_body_offset() {
        let text = "---\ntitle: A\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, Some("title: A\n"));
        assert_eq!(s.body, "# Body\n");
        assert_eq!(&text[s.body_offset..], "# Body\n");
    }

    #[test]
    fn no_front_matter_and_unclosed() {
        assert!(split("# Just a page\n").unwrap().yaml.is_none());
        assert!(split("----\ntext").unwrap().yaml.is_none());
        assert_eq!(
            split("---\ntitle: x\n# no end\n").unwrap_err(),
            SplitError::Unclosed
        );
    }

    #[test]
    fn lenient_values_from_the_real_corpus() {
        let yaml = "title: X\nms.custom:\n  - a\n  - b\nms.locfileid: \"108284176\"\ncustomer intent: y\nms.date: 3/26/2019\nms.translationtype: MT\n";
        let (fm, warnings) = parse(yaml).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(fm.title.as_deref(), Some("X"));
        assert_eq!(fm.date, Date::parse("03/26/2019"));
        assert_eq!(fm.translation_type, Some(TranslationType::Machine));
        assert_eq!(fm.extra["ms.custom"], serde_json::json!(["a", "b"]));
        assert_eq!(fm.extra["customer intent"], serde_json::json!("y"));
    }

    #[test]
    fn syntax_error_has_line_inside_yaml() {
        let err = parse("title: ok\ndescription: [unclosed\nauthor: x\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn repeated_key_is_reported_at_the_repeat() {
        let err =
            parse("ms.topic: article\ntitle: One\nms.date: 05/05/2020\ntitle: Two\n").unwrap_err();
        assert_eq!((err.line, err.column), (4, 1), "{err:?}");
        assert!(
            err.message.contains("duplicate key `title`"),
            "{}",
            err.message
        );
        assert!(
            err.hint.as_deref().is_some_and(|h| h.contains("`title:`")),
            "{err:?}"
        );
    }

    #[test]
    fn repeated_key_in_a_nested_or_flow_map_is_reported_at_the_repeat() {
        let err = parse("title: x\nms.custom:\n  a: 1\n  b: 2\n  a: 3\n").unwrap_err();
        assert_eq!((err.line, err.column), (5, 3), "{err:?}");
        assert!(err.message.contains("`a`"), "{}", err.message);
        let err = parse("title: x\nmeta: {one: 1, two: 2, one: 3}\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 24), "{err:?}");
        // Keys compare as values, so `1` and `"1"` differ while `'t'` repeats `t`.
        assert!(parse("1: a\n\"1\": b\n").is_ok());
        let err = parse("t: a\n't': b\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1), "{err:?}");
    }

    #[test]
    fn other_yaml_errors_keep_their_own_message() {
        let err = parse("title: ok\ndescription: [unclosed\n").unwrap_err();
        assert!(!err.message.contains("duplicate"), "{}", err.message);
        assert_eq!(err.hint, None);
    }

    #[test]
    fn not_a_map_is_an_error() {
        let err = parse("- a\n- b\n").unwrap_err();
        assert!(err.message.contains("must be a map"), "{}", err.message);
    }

    #[test]
    fn bad_date_is_a_warning_on_its_line() {
        let (_, warnings) = parse("title: x\nms.date: someday\n").unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].yaml_line, 2);
    }
}
