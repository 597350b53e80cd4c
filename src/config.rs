//! `site.yaml`: the site's typed configuration. Every key is optional; unknown keys are errors
//! that name the key and its line, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Kind, Location};
use crate::lang::{Lang, looks_like_lang_code};

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Absolute URL the site is published at, e.g. `https://example.org/support/`.
    pub base_url: Option<String>,
    /// Languages in the order the switcher shows them. Default: folders under `content/`.
    pub languages: Option<Vec<String>>,
    /// The language of `x-default` alternates. Default: `en` when present, else the first.
    pub default_language: Option<String>,
    /// How pages are grouped on each language's home page; first matching rule wins.
    pub sections: Option<Vec<SectionRule>>,
    /// Where docs-root links (`/azure/...`) point, e.g. `https://learn.microsoft.com/`.
    pub docs_root_url: Option<String>,
    /// Theme folder name under `themes/` (the built-in `default` theme needs no folder).
    pub theme: Option<String>,
    /// Words per minute for the reading-time estimate.
    pub reading_speed: Option<u32>,
    /// Per language, which languages stand in for a missing page, in order.
    /// Default: the default language, then English, then the others.
    pub fallbacks: Option<BTreeMap<String, Vec<String>>>,
    /// Write the translation status report (`status/`, `status.json`) and link it in the footer.
    pub status: Option<bool>,
    /// The hosting partner's contact details, shown where the decision tree sends a reader
    /// to "your partner".
    pub partner: Option<Partner>,
    /// Build the search index and search pages (default: on).
    pub search: Option<bool>,
    /// The language a decision-tree request summary is repeated in for whoever receives it
    /// (default: `en`).
    pub handoff_language: Option<String>,
    /// Pass raw HTML from content through unsanitized. Only for content you wrote yourself:
    /// scripts in it will run in readers' browsers.
    pub trust_html: Option<bool>,
    /// Where readers' "Was this page helpful?" answers and translation reports go.
    pub feedback: Option<FeedbackRaw>,
    /// "Edit this page" link pattern with `{lang}` and `{path}`, for hand-written pages.
    pub edit_url: Option<String>,
    /// Image for share previews (Open Graph, Twitter cards): an absolute URL, or a path under
    /// the site's `static/` folder.
    pub share_image: Option<String>,
    /// Write `/<lang>/llms.txt` and a markdown twin of every page (default: on).
    pub twins: Option<bool>,
    /// The hosting partner's brand: name, logo, accent colour, favicon, footer links.
    pub brand: Option<crate::brand::settings::RawBrand>,
    /// Translation QA: which checks of machine-translated segments run, and how loudly.
    pub qa: Option<QaConfig>,
}

/// `feedback:` as written: exactly one of its keys.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FeedbackRaw {
    pub url: Option<String>,
    pub email: Option<String>,
    pub issue_url: Option<String>,
}

/// Where feedback goes, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    /// An endpoint the partner owns; answers travel as query parameters.
    Url(String),
    /// A `mailto:` with subject and body filled in.
    Email(String),
    /// A repository host's "new issue" address; title and body travel as query parameters.
    IssueUrl(String),
}

/// `qa:` in site.yaml. Every rule is a warning unless set otherwise.
#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QaConfig {
    /// Run translation QA at all (default: yes).
    pub enabled: Option<bool>,
    pub numbers: Option<QaLevel>,
    pub code: Option<QaLevel>,
    pub urls: Option<QaLevel>,
    pub placeholders: Option<QaLevel>,
    pub no_loc: Option<QaLevel>,
    pub bold: Option<QaLevel>,
    pub untranslated: Option<QaLevel>,
    pub empty: Option<QaLevel>,
    pub glossary: Option<QaLevel>,
}

/// How a translation-QA rule reports what it finds.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QaLevel {
    Off,
    Note,
    Warning,
    Error,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    pub support_url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Free text, e.g. "Mon–Fri 08:00–18:00 CET".
    pub hours: Option<String>,
    /// Language codes the partner's support speaks.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Whether the partner charges for support.
    pub paid: Option<bool>,
}

/// A home-page group: pages whose path or front matter match go here. A rule with no
/// conditions matches every page, so it belongs last as the catch-all.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SectionRule {
    /// Used for the heading's Fluent key `section-<id>` and the intro `section-<id>-intro`.
    pub id: String,
    /// Glob patterns on the page's slug (`*self-support*`, `marketplace/*`).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Values of `ms.subservice` that belong here.
    #[serde(default)]
    pub subservices: Vec<String>,
    /// Values of `ms.topic` that belong here.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// The resolved configuration every stage reads.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
    pub base_url: Option<String>,
    pub languages: Vec<Lang>,
    pub default_language: Lang,
    pub sections: Vec<SectionRule>,
    pub docs_root_url: Option<String>,
    pub theme: String,
    pub reading_speed: u32,
    pub fallbacks: BTreeMap<Lang, Vec<Lang>>,
    pub status: bool,
    pub partner: Option<Partner>,
    pub search: bool,
    pub trust_html: bool,
    pub feedback: Option<Feedback>,
    pub edit_url: Option<String>,
    pub share_image: Option<String>,
    pub twins: bool,
    pub qa: QaConfig,
    /// The second language of a request summary: a site language, or English, which is
    /// always there.
    pub handoff_language: Lang,
    pub brand: Option<crate::brand::Brand>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{location}: {message}")]
    Invalid {
        location: Location,
        message: String,
        hint: Option<String>,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no content folder at {0}")]
    NoContent(PathBuf),
}

impl ConfigError {
    /// The error as a diagnostic, at its line in site.yaml when it has one.
    pub fn into_diagnostic(self) -> Diagnostic {
        match self {
            ConfigError::Invalid {
                location,
                message,
                hint,
            } => {
                let d = Diagnostic::error(Kind::Config, Some(location), message);
                match hint {
                    Some(h) => d.with_hint(h),
                    None => d,
                }
            }
            other => Diagnostic::error(Kind::Config, None, other.to_string()),
        }
    }

    fn invalid(
        path: &Path,
        line: usize,
        column: usize,
        message: String,
        hint: Option<&str>,
    ) -> Self {
        ConfigError::Invalid {
            location: Location::new(path, line, column),
            message,
            hint: hint.map(str::to_string),
        }
    }
}

pub fn default_sections() -> Vec<SectionRule> {
    vec![
        SectionRule {
            id: "self-support".into(),
            paths: vec![
                "*self-support*".into(),
                "*self-help*".into(),
                "*service-health*".into(),
            ],
            subservices: vec![],
            topics: vec![],
        },
        SectionRule {
            id: "escalation".into(),
            paths: vec![],
            subservices: vec![],
            topics: vec![],
        },
    ]
}

/// Command-line choices that override `site.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    /// `--no-search`.
    pub no_search: bool,
}

impl Config {
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, ConfigError> {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
                Err(e) => {
                    let valid =
                        String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()])
                            .into_owned();
                    return Err(ConfigError::Invalid {
                        location: Location::at_offset(CONFIG_FILE, &valid, valid.len()),
                        message: "site.yaml is not valid UTF-8".into(),
                        hint: Some("save it as UTF-8".into()),
                    });
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => return Err(ConfigError::Io { path, source }),
        };
        let raw = parse_raw(&text, Path::new(CONFIG_FILE))?;
        Config::from_raw(root, raw, overrides, &text)
    }

    fn from_raw(
        root: &Path,
        raw: RawConfig,
        ov: &Overrides,
        text: &str,
    ) -> Result<Config, ConfigError> {
        let content_dir = root.join("content");
        let file = Path::new(CONFIG_FILE);
        let line_of = |needle: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(needle))
                .map_or(1, |i| i + 1)
        };
        let languages: Vec<Lang> = match raw.languages {
            Some(list) => {
                let mut langs = Vec::new();
                for code in list {
                    if !looks_like_lang_code(&code.to_ascii_lowercase()) {
                        return Err(ConfigError::invalid(
                            file,
                            line_of("languages"),
                            1,
                            format!("`{code}` is not a language code"),
                            Some("use codes such as nl, ru, pl, en"),
                        ));
                    }
                    let lang = Lang::new_unchecked(&code);
                    if !langs.contains(&lang) {
                        langs.push(lang);
                    }
                }
                langs
            }
            None => languages_from_folders(&content_dir)?,
        };
        if languages.is_empty() {
            return Err(ConfigError::NoContent(content_dir));
        }
        let default_language = match raw.default_language {
            Some(code) => {
                let lang = Lang::new_unchecked(&code);
                if !languages.contains(&lang) {
                    return Err(ConfigError::invalid(
                        file,
                        line_of("default_language"),
                        1,
                        format!("default_language `{code}` is not one of the site's languages"),
                        Some("add it to `languages` or pick one of them"),
                    ));
                }
                lang
            }
            None => languages
                .iter()
                .find(|l| l.as_str() == "en")
                .unwrap_or(&languages[0])
                .clone(),
        };
        let base_url = ov
            .base_url
            .clone()
            .or(raw.base_url)
            .map(|u| normalize_base_url(&u));
        if let Some(url) = &base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(ConfigError::invalid(
                file,
                line_of("base_url"),
                1,
                format!("base_url `{url}` is not an absolute http(s) URL"),
                Some("write it in full, e.g. https://example.org/support/"),
            ));
        }
        if let Some(theme) = &raw.theme
            && (theme.is_empty()
                || theme.contains(['/', '\\'])
                || theme.starts_with('.')
                || Path::new(theme).is_absolute())
        {
            return Err(ConfigError::invalid(
                file,
                line_of("theme"),
                1,
                format!("theme `{theme}` must be the name of a folder in themes/"),
                Some("write just the folder's name, e.g. `theme: corporate` for themes/corporate/"),
            ));
        }
        let sections = raw.sections.unwrap_or_else(default_sections);
        if sections.is_empty() {
            return Err(ConfigError::invalid(
                file,
                line_of("sections"),
                1,
                "`sections` is empty".into(),
                Some("list at least one section, or remove the key for the defaults"),
            ));
        }
        for rule in &sections {
            for pattern in &rule.paths {
                if let Err(e) = globset::Glob::new(pattern) {
                    return Err(ConfigError::invalid(
                        file,
                        line_of(&format!("- {pattern}")).max(line_of("paths")),
                        1,
                        format!("bad path pattern `{pattern}` in section `{}`: {e}", rule.id),
                        None,
                    ));
                }
            }
        }
        let mut fallbacks = BTreeMap::new();
        for (code, order) in raw.fallbacks.unwrap_or_default() {
            let known = |c: &str| {
                languages
                    .iter()
                    .find(|l| l.as_str() == c.to_ascii_lowercase())
                    .cloned()
            };
            let unknown = |c: &str| {
                ConfigError::invalid(
                    file,
                    line_of(&format!("{c}:")).max(line_of("fallbacks")),
                    1,
                    format!("`{c}` in `fallbacks` is not one of the site's languages"),
                    Some("list only languages from `languages`"),
                )
            };
            let lang = known(&code).ok_or_else(|| unknown(&code))?;
            let order = order
                .iter()
                .map(|c| known(c).ok_or_else(|| unknown(c)))
                .collect::<Result<Vec<_>, _>>()?;
            fallbacks.insert(lang, order);
        }
        let feedback = match raw.feedback {
            None => None,
            Some(f) => Some(check_feedback(f, file, line_of("feedback"))?),
        };
        if let Some(pattern) = &raw.edit_url
            && !(is_http(pattern) && pattern.contains("{path}"))
        {
            return Err(ConfigError::invalid(
                file,
                line_of("edit_url"),
                1,
                format!("edit_url `{pattern}` must be an http(s) URL with `{{path}}` in it"),
                Some("e.g. https://github.com/org/docs/edit/main/content/{lang}/{path}"),
            ));
        }
        if let Some(image) = &raw.share_image
            && (image.trim().is_empty() || image.contains("..") || image.starts_with('/'))
        {
            return Err(ConfigError::invalid(
                file,
                line_of("share_image"),
                1,
                format!("share_image `{image}` must be an http(s) URL or a path under static/"),
                Some("e.g. `share_image: og.png` for static/og.png"),
            ));
        }
        let handoff_language = match raw.handoff_language {
            Some(code) => {
                let lang = Lang::new_unchecked(&code);
                if !languages.contains(&lang) && lang.as_str() != "en" {
                    return Err(ConfigError::invalid(
                        file,
                        line_of("handoff_language"),
                        1,
                        format!("handoff_language `{code}` is not one of the site's languages"),
                        Some("use one of `languages`, or `en`"),
                    ));
                }
                lang
            }
            None => Lang::new_unchecked("en"),
        };
        if let Some(email) = raw.partner.as_ref().and_then(|p| p.email.as_deref())
            && !crate::urls::looks_like_email(email)
        {
            let line = line_of("email:");
            let column = text
                .lines()
                .nth(line - 1)
                .and_then(|l| l.find(email).map(|i| l[..i].chars().count() + 1))
                .unwrap_or(1);
            return Err(ConfigError::invalid(
                file,
                line,
                column,
                format!("partner email `{email}` is not an e-mail address"),
                Some("write one address, such as `help@contoso.example`"),
            ));
        }
        let brand = match raw.brand {
            None => None,
            Some(b) => Some(
                crate::brand::settings::resolve(b, file, root, &languages, text).map_err(|p| {
                    ConfigError::Invalid {
                        location: Location::new(file, p.line, 1),
                        message: p.message,
                        hint: Some(p.hint.to_string()),
                    }
                })?,
            ),
        };
        Ok(Config {
            handoff_language,
            root: root.to_path_buf(),
            output_dir: ov.output.clone().unwrap_or_else(|| root.join("public")),
            content_dir,
            base_url,
            languages,
            default_language,
            sections,
            docs_root_url: raw
                .docs_root_url
                .map(|u| u.trim_end_matches('/').to_string()),
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            reading_speed: raw.reading_speed.unwrap_or(200).max(1),
            fallbacks,
            status: raw.status.unwrap_or(true),
            partner: raw.partner,
            search: raw.search.unwrap_or(true) && !ov.no_search,
            trust_html: raw.trust_html.unwrap_or(false),
            feedback,
            edit_url: raw.edit_url,
            share_image: raw.share_image,
            twins: raw.twins.unwrap_or(true),
            brand,
            qa: raw.qa.unwrap_or_default(),
        })
    }

    /// The site's language with this code, if it has one.
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        let code = code.to_ascii_lowercase();
        self.languages.iter().find(|l| l.as_str() == code)
    }
}

fn is_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// `feedback:` names exactly one destination, and each is checked for what it must be.
fn check_feedback(f: FeedbackRaw, file: &Path, line: usize) -> Result<Feedback, ConfigError> {
    let err =
        |message: String, hint: &str| Err(ConfigError::invalid(file, line, 1, message, Some(hint)));
    match (f.url, f.email, f.issue_url) {
        (Some(url), None, None) if is_http(&url) && !url.contains('#') => Ok(Feedback::Url(url)),
        (None, Some(email), None) if crate::urls::looks_like_email(&email) => {
            Ok(Feedback::Email(email))
        }
        (None, None, Some(url)) if is_http(&url) && !url.contains('#') => {
            Ok(Feedback::IssueUrl(url))
        }
        (None, None, None) => err(
            "`feedback` names no destination".into(),
            "give one of `url`, `email` or `issue_url`, or remove `feedback`",
        ),
        (Some(u), None, None) | (None, None, Some(u)) => err(
            format!("feedback address `{u}` is not an absolute http(s) URL without a #fragment"),
            "write it in full, e.g. https://feedback.example.org/collect",
        ),
        (None, Some(e), None) => err(
            format!("feedback email `{e}` is not an email address"),
            "write just the address, e.g. docs@example.org",
        ),
        _ => err(
            "`feedback` names more than one destination".into(),
            "keep one of `url`, `email` or `issue_url`",
        ),
    }
}

fn normalize_base_url(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// Parses `site.yaml` text; the YAML library's own messages name unknown keys and the line.
pub fn parse_raw(text: &str, file: &Path) -> Result<RawConfig, ConfigError> {
    if text.trim().is_empty() {
        return Ok(RawConfig::default());
    }
    serde_yaml::from_str::<RawConfig>(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let hint = if e.to_string().contains("unknown field") {
            Some("check the spelling; the README lists every key of site.yaml")
        } else {
            None
        };
        ConfigError::invalid(
            file,
            line,
            column,
            strip_yaml_position(&e.to_string()),
            hint,
        )
    })
}

/// serde_yaml puts " at line N column M" into messages; we print our own position first.
pub fn strip_yaml_position(message: &str) -> String {
    let Some(i) = message.find(" at line ") else {
        return message.to_string();
    };
    let rest = &message[i + " at line ".len()..];
    let after_numbers = rest
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(" column ")
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(rest);
    strip_yaml_position(&format!("{}{}", &message[..i], after_numbers))
}

fn languages_from_folders(content: &Path) -> Result<Vec<Lang>, ConfigError> {
    let entries = std::fs::read_dir(content).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ConfigError::NoContent(content.to_path_buf())
        } else {
            ConfigError::Io {
                path: content.to_path_buf(),
                source,
            }
        }
    })?;
    let mut langs: Vec<Lang> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| looks_like_lang_code(name))
        .map(|name| Lang::new_unchecked(&name))
        .collect();
    langs.sort();
    Ok(langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = parse_raw(
            "base_url: https://x.org/\nlanguagse: [nl]\n",
            Path::new("site.yaml"),
        )
        .unwrap_err();
        let ConfigError::Invalid {
            location, message, ..
        } = err
        else {
            panic!("{err:?}")
        };
        assert_eq!(location.line, 2, "{message}");
        assert!(message.contains("languagse"), "{message}");
    }

    #[test]
    fn yaml_positions_are_cut_from_messages() {
        assert_eq!(
            strip_yaml_position("did not find ',' at line 3 column 7, while parsing"),
            "did not find ',', while parsing"
        );
        assert_eq!(
            strip_yaml_position("unknown field `x` at line 2 column 1"),
            "unknown field `x`"
        );
    }

    #[test]
    fn base_url_gets_trailing_slash() {
        let raw = RawConfig {
            base_url: Some("https://example.org/support".into()),
            languages: Some(vec!["nl".into()]),
            ..Default::default()
        };
        let c = Config::from_raw(Path::new("/x"), raw, &Overrides::default(), "").unwrap();
        assert_eq!(c.base_url.as_deref(), Some("https://example.org/support/"));
        assert_eq!(c.default_language.as_str(), "nl");
    }
}
