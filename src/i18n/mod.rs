//! UI strings through Fluent: one bundle per language, built-in files first, the site's
//! `locales/<lang>/*.ftl` on top. A key missing in a language falls back to English and is
//! reported; a key missing everywhere is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Kind, LineIndex, Location};
use crate::lang::Lang;

/// How many missing keys a language's warning names before it only counts the rest.
const NAMED_MISSING: usize = 5;

/// A value passed into a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Num(f64),
    Str(String),
}

#[derive(Debug, thiserror::Error)]
#[error("UI string `{key}` exists in no language")]
pub struct MissingKey {
    pub key: String,
}

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    /// The built-in strings alone, by language: what readers see when a site's own message
    /// cannot be formatted.
    builtin: HashMap<Lang, FluentBundle<FluentResource>>,
    /// Where the message each bundle uses is defined, by language, so a broken one can be
    /// pointed at.
    defined: HashMap<Lang, HashMap<String, Location>>,
    fallback: Lang,
    /// Message ids per language, for coverage reports.
    ids: BTreeMap<Lang, BTreeSet<String>>,
    /// Messages that failed to format (a reference cycle, a missing message reference):
    /// reported after rendering, once per language and message.
    broken: Mutex<BTreeMap<(Lang, String), Broken>>,
    /// Messages without variables, formatted once: templates ask for them on every page.
    /// By language, then id, so a lookup needs no allocation.
    plain: HashMap<String, HashMap<String, String>>,
}

struct Source {
    shown: PathBuf,
    text: String,
    overriding: bool,
}

/// Why a message failed to format, and what readers see instead.
#[derive(Debug)]
struct Broken {
    error: FluentError,
    shown: Shown,
}

/// The text readers see in place of a message that cannot be formatted.
#[derive(Debug)]
enum Shown {
    /// Fluent's own output: the errors only cut it short (too many placeables) or are a
    /// variable the calling template did not pass, which a stand-in would lack as well.
    Partial,
    /// The built-in message of this language.
    BuiltIn(Lang),
    /// The site's message in the fallback language.
    Fallback(Lang),
    Nothing,
}

impl I18n {
    pub fn load(config: &Config, diags: &Diagnostics) -> I18n {
        let fallback = config
            .lang("en")
            .cloned()
            .unwrap_or_else(|| Lang::new_unchecked("en"));
        let mut langs = config.languages.clone();
        if !langs.contains(&fallback) {
            langs.push(fallback.clone());
        }
        let mut bundles = HashMap::new();
        let mut builtin = HashMap::new();
        let mut defined = HashMap::new();
        let mut ids = BTreeMap::new();
        for lang in langs {
            let mut sources: Vec<Source> = crate::builtin::LOCALES
                .iter()
                .filter(|(l, _, _)| *l == lang.as_str())
                .map(|(l, name, text)| Source {
                    shown: Path::new("locales").join(l).join(name).join("(built-in)"),
                    text: text.to_string(),
                    overriding: false,
                })
                .collect();
            sources.extend(site_files(&config.root, &lang, diags));
            let langid: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid.clone()]);
            bundle.set_use_isolating(false);
            let mut own = FluentBundle::new_concurrent(vec![langid]);
            own.set_use_isolating(false);
            for (_, _, text) in crate::builtin::LOCALES
                .iter()
                .filter(|(l, _, _)| *l == lang.as_str())
            {
                // Syntax errors in built-in files are reported below, with the site's bundle.
                let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
                let _ = own.add_resource(resource);
            }
            let mut lang_ids = BTreeSet::new();
            let mut lang_defined: HashMap<String, Location> = HashMap::new();
            for src in sources {
                let resource = match FluentResource::try_new(src.text) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let text = std::fs::read_to_string(config.root.join(&src.shown))
                                .unwrap_or_default();
                            diags.push(
                                Diagnostic::error(
                                    Kind::Locale,
                                    Some(Location::at_offset(
                                        &src.shown,
                                        &text,
                                        e.slice.as_ref().map_or(e.pos.start, |s| s.start),
                                    )),
                                    format!("Fluent syntax error: {}", e.kind),
                                )
                                .with_hint(
                                    "see https://projectfluent.org/fluent/guide/ for the syntax",
                                ),
                            );
                        }
                        r
                    }
                };
                let lines = LineIndex::new(resource.source());
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        lang_ids.insert(m.id.name.to_string());
                        let at = || {
                            lines.location(
                                &src.shown,
                                resource.source(),
                                offset_in(resource.source(), m.id.name),
                            )
                        };
                        // Mirrors the bundle: a site file replaces a message, a built-in one
                        // does not replace the first definition.
                        if src.overriding {
                            lang_defined.insert(m.id.name.to_string(), at());
                        } else {
                            lang_defined.entry(m.id.name.to_string()).or_insert_with(at);
                        }
                    }
                }
                if src.overriding {
                    bundle.add_resource_overriding(resource);
                } else if let Err(errs) = bundle.add_resource(resource) {
                    for e in errs {
                        diags.push(Diagnostic::warning(
                            Kind::Locale,
                            Some(Location::new(&src.shown, 1, 1)),
                            format!("{e}"),
                        ));
                    }
                }
            }
            ids.insert(lang.clone(), lang_ids);
            defined.insert(lang.clone(), lang_defined);
            builtin.insert(lang.clone(), own);
            bundles.insert(lang, bundle);
        }
        let mut i18n = I18n {
            bundles,
            builtin,
            defined,
            fallback,
            ids,
            broken: Mutex::default(),
            plain: HashMap::new(),
        };
        i18n.plain = i18n.format_plain();
        i18n
    }

    /// The message `key` in `lang`, falling back to English.
    pub fn text(&self, lang: &Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, MissingKey> {
        if let Some(s) = self.format(lang, key, args) {
            return Ok(s);
        }
        // A key the language lacks is counted by `report_coverage`, once per language.
        if let Some(s) = self.format(&self.fallback, key, args) {
            return Ok(s);
        }
        Err(MissingKey {
            key: key.to_string(),
        })
    }

    /// Like [`I18n::text`], for strings the code itself needs; a missing key shows as the key.
    pub fn label(&self, lang: &Lang, key: &str) -> String {
        self.text(lang, key, &[])
            .unwrap_or_else(|_| key.to_string())
    }

    fn format_plain(&self) -> HashMap<String, HashMap<String, String>> {
        let mut plain: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (lang, ids) in &self.ids {
            let Some(bundle) = self.bundles.get(lang) else {
                continue;
            };
            for id in ids {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, None, &mut errors);
                // Any error but a missing variable (a cycle, a missing reference) is the
                // message's own fault, reported even if no template uses the message.
                let text = match self.repair(lang, id, None, &errors) {
                    Some((text, shown, e)) => {
                        self.note_broken(lang, id, e, shown);
                        text
                    }
                    None => {
                        if let Some(e) = errors.iter().find(|e| !is_missing_variable(e)) {
                            self.note_broken(lang, id, e, Shown::Partial);
                        }
                        out.into_owned()
                    }
                };
                // A message that needs variables reports them missing; it is formatted per call.
                if !errors.iter().any(is_missing_variable) {
                    plain
                        .entry(lang.to_string())
                        .or_default()
                        .insert(id.clone(), text);
                }
            }
        }
        plain
    }

    fn format(&self, lang: &Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        if args.is_empty() {
            if let Some(s) = self.plain_text(lang.as_str(), key) {
                return Some(s.to_string());
            }
        }
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            }
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if let Some((text, shown, e)) = self.repair(lang, key, Some(&fargs), &errors) {
            self.note_broken(lang, key, e, shown);
            return Some(text);
        }
        if let Some(e) = errors.first() {
            self.note_broken(lang, key, e, Shown::Partial);
        }
        Some(out.into_owned())
    }

    /// A stand-in for a message whose formatting left `{placeholders}` in its text (`None`
    /// when it did not): the built-in message in the reader's language, else the site's
    /// message in the fallback language, else the built-in one there, else nothing. A
    /// stand-in may lack variables the call did not pass, as the message itself would.
    fn repair<'e>(
        &self,
        lang: &Lang,
        key: &str,
        args: Option<&FluentArgs>,
        errors: &'e [FluentError],
    ) -> Option<(String, Shown, &'e FluentError)> {
        let error = errors.iter().find(|e| leaves_placeholder(e))?;
        let clean = |bundle: Option<&FluentBundle<FluentResource>>| {
            let pattern = bundle?.get_message(key)?.value()?;
            let mut errors = Vec::new();
            let out = bundle?.format_pattern(pattern, args, &mut errors);
            errors
                .iter()
                .all(is_missing_variable)
                .then(|| out.into_owned())
        };
        let found = clean(self.builtin.get(lang))
            .map(|s| (s, Shown::BuiltIn(lang.clone())))
            .or_else(|| {
                (*lang != self.fallback)
                    .then(|| clean(self.bundles.get(&self.fallback)))?
                    .map(|s| (s, Shown::Fallback(self.fallback.clone())))
            })
            .or_else(|| {
                (*lang != self.fallback)
                    .then(|| clean(self.builtin.get(&self.fallback)))?
                    .map(|s| (s, Shown::BuiltIn(self.fallback.clone())))
            });
        let (text, shown) = found.unwrap_or((String::new(), Shown::Nothing));
        Some((text, shown, error))
    }

    fn note_broken(&self, lang: &Lang, key: &str, error: &FluentError, shown: Shown) {
        self.broken
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((lang.clone(), key.to_string()))
            .or_insert_with(|| Broken {
                error: error.clone(),
                shown,
            });
    }

    /// Reports each message that failed to format since the last call, at its definition.
    pub fn report_broken(&self, diags: &Diagnostics) {
        let broken = std::mem::take(&mut *self.broken.lock().unwrap_or_else(|e| e.into_inner()));
        for ((lang, key), b) in broken {
            let at = self
                .defined
                .get(&lang)
                .and_then(|d| d.get(&key))
                .cloned()
                .unwrap_or_else(|| Location::new(Path::new("locales").join(lang.as_str()), 1, 1));
            let instead = match &b.shown {
                Shown::Partial => String::new(),
                Shown::BuiltIn(l) => format!("; readers see the built-in {l} text instead"),
                Shown::Fallback(l) => format!("; readers see the {l} text instead"),
                Shown::Nothing => "; readers see nothing in its place".to_string(),
            };
            let hint = match &b.error {
                FluentError::ResolverError(ResolverError::Cyclic) =>
                    "a message must not refer to itself, directly or through the messages it refers to".to_string(),
                FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable { .. })) =>
                    "a template passes this message too few variables; keep the message's { $variables } as they are in English".to_string(),
                FluentError::ResolverError(ResolverError::Reference(_) | ResolverError::NoValue(_)) =>
                    format!("define what the message refers to in a .ftl file in locales/{lang}/, or remove the reference"),
                FluentError::ResolverError(ResolverError::TooManyPlaceables) =>
                    "a message may expand to at most 100 placeables; use fewer references".to_string(),
                _ => "fix the message in its .ftl file".to_string(),
            };
            diags.push(
                Diagnostic::warning(
                    Kind::Locale,
                    Some(at),
                    format!(
                        "UI string `{key}` in {lang} cannot be formatted: {}{instead}",
                        b.error
                    ),
                )
                .with_hint(hint),
            );
        }
    }

    /// A message without variables, already formatted, by language code.
    pub fn plain_text(&self, lang: &str, key: &str) -> Option<&str> {
        self.plain.get(lang)?.get(key).map(String::as_str)
    }

    /// Every message without variables, formatted: (language, key, text).
    pub fn plain_texts(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.plain.iter().flat_map(|(lang, texts)| {
            texts
                .iter()
                .map(move |(k, t)| (lang.as_str(), k.as_str(), t.as_str()))
        })
    }

    /// A full date in the language's own form: `5 mei 2020`, `5 мая 2020 г.`.
    pub fn date(&self, lang: &Lang, date: Date) -> String {
        let month = self.label(lang, &format!("month-{}", date.month));
        self.text(
            lang,
            "date-long",
            &[
                ("day", Arg::Num(f64::from(date.day))),
                ("month", Arg::Str(month)),
                ("year", Arg::Str(date.year.to_string())),
            ],
        )
        .unwrap_or_else(|_| date.iso())
    }

    /// Whether `lang` itself has message `key` (no fallback).
    pub fn has(&self, lang: &Lang, key: &str) -> bool {
        self.ids.get(lang).is_some_and(|ids| ids.contains(key))
    }

    /// Message ids each language has.
    pub fn ids(&self) -> &BTreeMap<Lang, BTreeSet<String>> {
        &self.ids
    }

    /// Keys the fallback language has and `lang` lacks.
    pub fn missing_in(&self, lang: &Lang) -> Vec<String> {
        let (Some(all), Some(have)) = (self.ids.get(&self.fallback), self.ids.get(lang)) else {
            return Vec::new();
        };
        all.difference(have).cloned().collect()
    }

    /// Reports languages that lack keys English has: one warning per language, however many
    /// it lacks, so a new language does not bury everything else. The warning names a few
    /// keys; all of them are in its details (`check --format json`) and on the status page.
    pub fn report_coverage(&self, config: &Config, diags: &Diagnostics) {
        for lang in &config.languages {
            let missing = self.missing_in(lang);
            if missing.is_empty() {
                continue;
            }
            let total = self.ids.get(&self.fallback).map_or(0, BTreeSet::len);
            let files: Vec<String> = self
                .english_files(&missing)
                .iter()
                .map(|f| format!("locales/{lang}/{f}"))
                .collect();
            let own = self.ids.get(lang).is_some_and(|ids| !ids.is_empty());
            let (message, hint) = if own {
                let named = if missing.len() > NAMED_MISSING {
                    format!(
                        "{} and {} more",
                        missing[..NAMED_MISSING].join(", "),
                        missing.len() - NAMED_MISSING
                    )
                } else {
                    missing.join(", ")
                };
                (
                    format!(
                        "{} of {total} UI string(s) missing in {lang}, English is shown for them: {named}",
                        missing.len()
                    ),
                    format!(
                        "add them to {}, translated from the English file of the same name; the status page lists them all",
                        files.join(" or ")
                    ),
                )
            } else {
                (
                    format!(
                        "{lang} has no UI strings of its own: all {} are shown in English",
                        missing.len()
                    ),
                    format!(
                        "create {}: copy the English files (locales/en/ in signpost's source) and translate them; the status page lists what is still missing",
                        files.join(" and ")
                    ),
                )
            };
            diags.push(
                Diagnostic::warning(
                    Kind::Locale,
                    Some(Location::new(
                        Path::new("locales").join(lang.as_str()),
                        1,
                        1,
                    )),
                    message,
                )
                .with_hint(hint)
                .with_details(missing),
            );
        }
    }

    /// The names of the English `.ftl` files that define `keys` (`ui.ftl`), in order.
    fn english_files(&self, keys: &[String]) -> BTreeSet<String> {
        let Some(defined) = self.defined.get(&self.fallback) else {
            return BTreeSet::new();
        };
        keys.iter()
            .filter_map(|k| defined.get(k))
            .filter_map(|at| {
                // Built-in files are shown as `locales/en/ui.ftl/(built-in)`.
                let path = if at.path.ends_with("(built-in)") {
                    at.path.parent()?
                } else {
                    &at.path
                };
                Some(path.file_name()?.to_string_lossy().into_owned())
            })
            .collect()
    }
}

fn is_missing_variable(e: &FluentError) -> bool {
    matches!(
        e,
        FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable { .. }))
    )
}

/// Errors after which Fluent's output shows a `{reference}` in place of text it could not
/// resolve. Too many placeables only cuts the text short, and a missing variable is the
/// calling template's fault, which a stand-in message would share.
fn leaves_placeholder(e: &FluentError) -> bool {
    match e {
        FluentError::ResolverError(ResolverError::Reference(kind)) => {
            !matches!(kind, ReferenceKind::Variable { .. })
        }
        FluentError::ResolverError(r) => matches!(
            r,
            ResolverError::Cyclic | ResolverError::NoValue(_) | ResolverError::MissingDefault
        ),
        _ => false,
    }
}

/// Byte offset of `part` in `source`, when `part` is a slice of it. fluent-syntax's AST has
/// no spans, but its names borrow the parsed text, so their address gives their position.
fn offset_in(source: &str, part: &str) -> usize {
    part.as_ptr()
        .addr()
        .checked_sub(source.as_ptr().addr())
        .filter(|&o| o + part.len() <= source.len())
        .unwrap_or(0)
}

fn site_files(root: &Path, lang: &Lang, diags: &Diagnostics) -> Vec<Source> {
    let dir = root.join("locales").join(lang.as_str());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let shown = crate::diag::display_path(root, &path);
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(Source {
                    shown,
                    text: text.trim_start_matches('\u{feff}').to_string(),
                    overriding: true,
                }),
                Err(e) => {
                    diags.push(Diagnostic::error(
                        Kind::Locale,
                        Some(Location::new(&shown, 1, 1)),
                        format!("cannot read: {e}"),
                    ));
                    None
                }
            }
        })
        .collect()
}
