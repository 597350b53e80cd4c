//! UI strings through Fluent: one bundle per language, built-in files first, the site's
//! `locales/<lang>/*.ftl` on top. A key missing in a language falls back to English and is
//! reported; a key missing everywhere is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::lang::Lang;
use crate::model::date::Date;

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
    fallback: Lang,
    /// Message ids per language, for coverage reports.
    ids: BTreeMap<Lang, BTreeSet<String>>,
    /// Keys looked up in a language that lacks them: reported once each after rendering.
    missing: Mutex<BTreeSet<(Lang, String)>>,
    /// Messages that failed to format (a reference cycle, a missing message reference):
    /// reported after rendering.
    broken: Mutex<BTreeSet<(Lang, String, String)>>,
    /// Messages without variables, formatted once: templates ask for them on every page.
    /// By language, then id, so a lookup needs no allocation.
    plain: HashMap<String, HashMap<String, String>>,
}

struct Source {
    shown: PathBuf,
    text: String,
    overriding: bool,
}

impl I18n {
    pub fn load(config: &Config, diags: &Diagnostics) -> I18n {
        let fallback = config.lang("en").cloned().unwrap_or_else(|| Lang::new_unchecked("en"));
        let mut langs = config.languages.clone();
        if !langs.contains(&fallback) {
            langs.push(fallback.clone());
        }
        let mut bundles = HashMap::new();
        let mut ids = BTreeMap::new();
        for lang in langs {
            let mut sources: Vec<Source> = crate::builtin::LOCALES
                .iter()
                .filter(|(l, _, _)| *l == lang.as_str())
                .map(|(l, name, text)| Source { shown: Path::new("locales").join(l).join(name).join("(built-in)"), text: text.to_string(), overriding: false })
                .collect();
            sources.extend(site_files(&config.root, &lang, diags));
            let langid: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut lang_ids = BTreeSet::new();
            for src in sources {
                let resource = match FluentResource::try_new(src.text) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            let text = std::fs::read_to_string(config.root.join(&src.shown)).unwrap_or_default();
                            diags.push(Diagnostic::error(Kind::Locale, Some(Location::at_offset(&src.shown, &text, e.slice.as_ref().map_or(e.pos.start, |s| s.start))),
                                format!("Fluent syntax error: {}", e.kind))
                                .with_hint("see https://projectfluent.org/fluent/guide/ for the syntax"));
                        }
                        r
                    }
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        lang_ids.insert(m.id.name.to_string());
                    }
                }
                if src.overriding {
                    bundle.add_resource_overriding(resource);
                } else if let Err(errs) = bundle.add_resource(resource) {
                    for e in errs {
                        diags.push(Diagnostic::warning(Kind::Locale, Some(Location::new(&src.shown, 1, 1)), format!("{e}")));
                    }
                }
            }
            ids.insert(lang.clone(), lang_ids);
            bundles.insert(lang, bundle);
        }
        let mut i18n = I18n { bundles, fallback, ids, missing: Mutex::default(), broken: Mutex::default(), plain: HashMap::new() };
        i18n.plain = i18n.format_plain();
        i18n
    }

    /// The message `key` in `lang`, falling back to English.
    pub fn text(&self, lang: &Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, MissingKey> {
        if let Some(s) = self.format(lang, key, args) {
            return Ok(s);
        }
        if let Some(s) = self.format(&self.fallback, key, args) {
            self.missing.lock().unwrap_or_else(|e| e.into_inner()).insert((lang.clone(), key.to_string()));
            return Ok(s);
        }
        Err(MissingKey { key: key.to_string() })
    }

    /// Like [`I18n::text`], for strings the code itself needs; a missing key shows as the key.
    pub fn label(&self, lang: &Lang, key: &str) -> String {
        self.text(lang, key, &[]).unwrap_or_else(|_| key.to_string())
    }

    fn format_plain(&self) -> HashMap<String, HashMap<String, String>> {
        let mut plain: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (lang, ids) in &self.ids {
            let Some(bundle) = self.bundles.get(lang) else { continue };
            for id in ids {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, None, &mut errors);
                // A message that needs variables reports them missing; it is formatted per call.
                // Any other error (a cycle, a missing reference) is the message's own fault.
                if errors.is_empty() {
                    plain.entry(lang.to_string()).or_default().insert(id.clone(), out.into_owned());
                } else if let Some(e) = errors.iter().find(|e| !matches!(e,
                    fluent_bundle::FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
                        fluent_bundle::resolver::errors::ReferenceKind::Variable { .. })))) {
                    self.broken.lock().unwrap_or_else(|e| e.into_inner()).insert((lang.clone(), id.clone(), e.to_string()));
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
        if let Some(e) = errors.first() {
            self.broken.lock().unwrap_or_else(|e| e.into_inner()).insert((lang.clone(), key.to_string(), e.to_string()));
        }
        Some(out.into_owned())
    }

    /// Messages that failed to format, with the reason.
    pub fn take_broken(&self) -> BTreeSet<(Lang, String, String)> {
        std::mem::take(&mut *self.broken.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// A message without variables, already formatted, by language code.
    pub fn plain_text(&self, lang: &str, key: &str) -> Option<&str> {
        self.plain.get(lang)?.get(key).map(String::as_str)
    }

    /// A full date in the language's own form: `5 mei 2020`, `5 мая 2020 г.`.
    pub fn date(&self, lang: &Lang, date: Date) -> String {
        let month = self.label(lang, &format!("month-{}", date.month));
        self.text(lang, "date-long", &[
            ("day", Arg::Num(f64::from(date.day))),
            ("month", Arg::Str(month)),
            ("year", Arg::Str(date.year.to_string())),
        ])
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
        let (Some(all), Some(have)) = (self.ids.get(&self.fallback), self.ids.get(lang)) else { return Vec::new() };
        all.difference(have).cloned().collect()
    }

    /// Reports languages that lack keys English has, once per language.
    pub fn report_coverage(&self, config: &Config, diags: &Diagnostics) {
        for lang in &config.languages {
            let missing = self.missing_in(lang);
            if !missing.is_empty() {
                diags.push(Diagnostic::warning(Kind::Locale, Some(Location::new(Path::new("locales").join(lang.as_str()), 1, 1)),
                    format!("{} UI string(s) missing in {lang}, English is shown instead: {}", missing.len(), missing.join(", ")))
                    .with_hint(format!("add them to a .ftl file in locales/{lang}/")));
            }
        }
    }

    /// Keys that templates looked up in a language lacking them.
    pub fn take_missing(&self) -> BTreeSet<(Lang, String)> {
        std::mem::take(&mut *self.missing.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

fn site_files(root: &Path, lang: &Lang, diags: &Diagnostics) -> Vec<Source> {
    let dir = root.join("locales").join(lang.as_str());
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl")).collect();
    files.sort();
    files.into_iter().filter_map(|path| {
        let shown = crate::diag::display_path(root, &path);
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(Source { shown, text: text.trim_start_matches('\u{feff}').to_string(), overriding: true }),
            Err(e) => {
                diags.push(Diagnostic::error(Kind::Locale, Some(Location::new(&shown, 1, 1)), format!("cannot read: {e}")));
                None
            }
        }
    }).collect()
}
