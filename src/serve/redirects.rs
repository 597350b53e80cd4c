//! `serve` keeps the redirect pages in step with every change: rules are checked against the
//! whole site on each rebuild (`prepare`), so a page created where a redirect starts, a page
//! deleted that a redirect hid, a target deleted or renamed, or a page given `redirect_url`
//! changes which redirects exist. Only the pages of redirects that changed are rewritten or
//! removed; a site may have tens of thousands of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::Diagnostics;
use crate::lang::Lang;
use crate::load::Slug;
use crate::prepare::Prepared;
use crate::redirects::{Redirect, Target};
use crate::render::redirects as pages;
use crate::urls::Urls;
use crate::write::Output;

/// Brings the redirect pages written for `before` in line with `p.redirects`. Redirects
/// whose target is among `changed` are rewritten too (they show its title); with
/// `languages`, every redirect page of those languages is (their UI strings changed).
pub fn refresh(
    before: &[Redirect],
    p: &Prepared,
    out_dir: &Path,
    changed: &BTreeSet<Slug>,
    languages: Option<&BTreeSet<String>>,
    diags: &Diagnostics,
) {
    let now: BTreeMap<&str, &Redirect> = p.redirects.iter().map(|r| (r.from.as_str(), r)).collect();
    let was: BTreeMap<&str, &Redirect> = before.iter().map(|r| (r.from.as_str(), r)).collect();
    let out = Output::direct(out_dir);
    // Gone: unless a page stands there now (one created where the redirect started).
    for (from, _) in was.iter().filter(|(f, r)| now.get(*f) != Some(*r)) {
        if now.contains_key(from) {
            continue;
        }
        for lang in &p.config.languages {
            if p.site.translation(from, lang).is_none() && p.site.fallback(from, lang).is_none() {
                let _ = std::fs::remove_file(
                    out_dir.join(Urls::page_path(lang, from)).join("index.html"),
                );
            }
        }
    }
    let redo: Vec<Redirect> = p
        .redirects
        .iter()
        .filter(|r| {
            was.get(r.from.as_str()) != Some(r)
                || matches!(&r.to, Target::Page { slug, .. } if changed.contains(slug))
        })
        .cloned()
        .collect();
    let cx = (&p.site, &p.config, &*p.i18n, &p.urls);
    pages::write_pages(&redo, &p.config.languages, cx, &out, diags);
    if let Some(langs) = languages {
        let langs: Vec<Lang> = p
            .config
            .languages
            .iter()
            .filter(|l| langs.contains(l.as_str()))
            .cloned()
            .collect();
        pages::write_pages(&p.redirects, &langs, cx, &out, diags);
    }
    if before != p.redirects.as_slice() {
        pages::write_file(&p.redirects, &p.config, &p.urls, &out, diags);
    }
}
