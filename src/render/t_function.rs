//! The `t()` template function: Fluent strings in the page's language (`lang`).

use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult};

use crate::hashing::FastMap;
use crate::i18n::{Arg, I18n};
use crate::lang::Lang;

/// Registers `t(key=…, name=value…)`, which formats a UI string in the context's `lang`.
pub(super) fn register(tera: &mut Tera, i18n: &Arc<I18n>) {
    let fl = Arc::clone(i18n);
    // Strings without variables go to templates as ready tera values: a page asks for
    // a few dozen, and a clone of a ready value does not allocate.
    let mut plain: FastMap<String, FastMap<String, tera::Value>> = FastMap::default();
    for (lang, key, text) in i18n.plain_texts() {
        plain
            .entry(lang.to_string())
            .or_default()
            .insert(key.to_string(), tera::Value::from(text));
    }
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
                args.push((name.to_string(), arg));
            }
            let borrowed: Vec<(&str, Arg)> =
                args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
            fl.text(&Lang::new_unchecked(lang), key, &borrowed)
                .map(tera::Value::from)
                .map_err(|e| tera::Error::message(e.to_string()))
        },
    );
}
