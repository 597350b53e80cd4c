//! The `t()` template function: Fluent strings in the page's language (`lang`).

use std::fmt::Write as _;
use std::sync::{Arc, RwLock};

use tera::{Kwargs, State, Tera, TeraResult};

use crate::hashing::FastMap;
use crate::i18n::{Arg, I18n};
use crate::lang::Lang;

/// Registers `t(key=…, name=value…)`, which formats a UI string in the context's `lang`.
pub(super) fn register(tera: &mut Tera, i18n: &Arc<I18n>) {
    let fl = Arc::clone(i18n);
    // Strings without variables go to templates as ready tera values: a page asks for
    // a few dozen, and a clone of a ready value does not allocate. They are escaped here,
    // once, and marked safe, so no page escapes them again.
    let mut plain: FastMap<String, FastMap<String, tera::Value>> = FastMap::default();
    for (lang, key, text) in i18n.plain_texts() {
        plain
            .entry(lang.to_string())
            .or_default()
            .insert(key.to_string(), super::context::escaped(text));
    }
    // Strings with variables (a page's reading time, its date) repeat from page to page:
    // each (language, key, arguments) is formatted by Fluent once.
    let formatted: RwLock<FastMap<String, tera::Value>> = RwLock::default();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<tera::Value> {
            let key: &str = kwargs.must_get("key")?;
            let lang_value: Option<tera::Value> = state.get("lang")?;
            let lang = lang_value
                .as_ref()
                .and_then(tera::Value::as_str)
                .unwrap_or("en");
            if kwargs.iter().count() == 1
                && let Some(text) = plain.get(lang).and_then(|texts| texts.get(key))
            {
                return Ok(text.clone());
            }
            let mut args = Vec::new();
            let mut memo = format!("{lang}\u{0}{key}");
            for (k, v) in kwargs.iter() {
                let Some(name) = k.as_str() else { continue };
                if name == "key" {
                    continue;
                }
                let arg = match v.as_f64().or_else(|| v.as_i64().map(|n| n as f64)) {
                    Some(n) => Arg::Num(n),
                    None => Arg::Str(
                        v.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string()),
                    ),
                };
                // The arguments in the order tera keeps them; another order only makes
                // another entry.
                let _ = match &arg {
                    Arg::Num(n) => write!(memo, "\u{0}{name}\u{0}n{n}"),
                    Arg::Str(s) => write!(memo, "\u{0}{name}\u{0}s{s}"),
                };
                args.push((name.to_string(), arg));
            }
            if let Some(text) = formatted.read().ok().and_then(|m| m.get(&memo).cloned()) {
                return Ok(text);
            }
            let borrowed: Vec<(&str, Arg)> =
                args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
            let text = fl
                .text(&Lang::new_unchecked(lang), key, &borrowed)
                .map(|t| super::context::escaped(&t))
                .map_err(|e| tera::Error::message(e.to_string()))?;
            if let Ok(mut m) = formatted.write()
                && m.len() < MEMO_LIMIT
            {
                m.insert(memo, text.clone());
            }
            Ok(text)
        },
    );
}

/// At most this many formatted strings are kept (a site has a few per language and date).
const MEMO_LIMIT: usize = 100_000;
