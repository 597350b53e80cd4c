//! Site-wide checks that need every page parsed: `#fragment` links against real ids, UI
//! strings nothing uses, and the state of translations. `build` and `check` both run them.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::i18n::I18n;
use crate::load::Origin;
use crate::load::theme::Theme;
use crate::model::Site;
use crate::tree::Tree;

/// Every `page.md#fragment` and `#fragment` link must name an id on its target page.
pub fn fragments(site: &Site, diags: &Diagnostics) {
    for page in site
        .pages
        .iter()
        .filter(|p| p.source.origin == Origin::Written)
    {
        for link in &page.parsed.links {
            let Some(fragment) = link
                .fragment
                .as_deref()
                .filter(|f| !f.is_empty() && !f.starts_with("tab/"))
            else {
                continue;
            };
            let target = match &link.lang {
                Some(lang) => site.translation(&link.slug, lang),
                None => Some(page),
            };
            let Some(target) = target else { continue };
            if target
                .parsed
                .ids
                .binary_search_by(|id| id.as_str().cmp(fragment))
                .is_ok()
            {
                continue;
            }
            let at = link.location.clone();
            let same_but_case = target
                .parsed
                .ids
                .iter()
                .find(|id| id.eq_ignore_ascii_case(fragment));
            let d = match same_but_case {
                Some(id) => Diagnostic::warning(
                    Kind::BrokenLink,
                    at,
                    format!(
                        "link `{}`: `#{fragment}` matches the id `{id}` only when ignoring case",
                        link.written
                    ),
                )
                .with_hint(format!("write `#{id}`")),
                None => Diagnostic::warning(
                    Kind::BrokenLink,
                    at,
                    format!(
                        "link `{}`: no heading or anchor `#{fragment}` on {}",
                        link.written,
                        target.source.path.display()
                    ),
                )
                .with_hint(
                    "link a heading that exists; headings keep the id of their `<a name>` anchor",
                ),
            };
            diags.push(d);
        }
    }
}

/// Message ids the code asks for by name (templates and the tree name theirs in their text).
const CODE_KEYS: &[&str] = &[
    "alert-caution",
    "alert-important",
    "alert-note",
    "alert-tip",
    "alert-warning",
    "breadcrumb-home",
    "changed-in-english",
    "chooser-title",
    "date-long",
    "feedback-mail-subject",
    "feedback-report-passage",
    "home-title",
    "image-missing",
    "link-other-language",
    "link-unavailable",
    "redirect-text",
    "redirect-title",
    "not-found-title",
    "removed-in-english",
    "search-title",
    "site-tagline",
    "site-title",
    "status-title",
    "who-handoff-cut",
    "who-handoff-cut-link",
    "who-handoff-include",
    "who-handoff-severity",
    "who-handoff-subject",
    "who-handoff-walk",
    "who-overview-title",
    "who-within-days",
    "who-within-hours",
];

/// Prefixes of ids made from data: `month-5`, `section-<id>`, `status-<state>`, `who-handler-<handler>`.
const DYNAMIC_PREFIXES: &[&str] = &["month-", "section-", "status-", "who-handler-"];

/// Reports English message ids that no template, tree or code uses.
pub fn unused_ui_strings(
    i18n: &I18n,
    theme: &Theme,
    tree: Option<&Tree>,
    config: &Config,
    diags: &Diagnostics,
) {
    let Some(en) = config
        .lang("en")
        .cloned()
        .or_else(|| Some(crate::lang::Lang::new_unchecked("en")))
    else {
        return;
    };
    let Some(all) = i18n.ids().get(&en) else {
        return;
    };
    let mut used: BTreeSet<String> = CODE_KEYS.iter().map(|k| k.to_string()).collect();
    for (source, _) in theme.templates.values() {
        let mut rest = source.as_str();
        while let Some(i) = rest.find("key=\"") {
            rest = &rest[i + 5..];
            if let Some(end) = rest.find('"') {
                used.insert(rest[..end].to_string());
            }
        }
    }
    match tree {
        Some(tree) => used.extend(tree.keys().into_iter().map(|(_, k)| k.to_string())),
        // A site without a tree does not use the built-in tree strings; that is no fault.
        None => used.extend(all.iter().filter(|k| k.starts_with("who-")).cloned()),
    }
    let unused: Vec<&String> = all
        .iter()
        .filter(|k| !used.contains(*k) && !DYNAMIC_PREFIXES.iter().any(|p| k.starts_with(p)))
        .collect();
    if !unused.is_empty() {
        diags.push(
            Diagnostic::warning(
                Kind::Locale,
                Some(Location::new("locales/en", 1, 1)),
                format!(
                    "{} UI string(s) are not used by any template, the tree or signpost: {}",
                    unused.len(),
                    unused
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .with_hint("remove them from the .ftl files, or use them in a template"),
        );
    }
}

/// Notes on translations writers may want to act on: missing, stale, rebuilt.
pub fn translations(site: &Site, diags: &Diagnostics) {
    for page in &site.pages {
        let at = Some(Location::new(&page.source.path, 1, 1));
        if let (Some(newer), Some(drift)) = (page.newer, &page.drift) {
            drift_notes(page, &site.pages[newer], drift, diags);
        } else if let Some(newer) = page.newer {
            let newer = &site.pages[newer];
            diags.push(
                Diagnostic::note(
                    Kind::Translation,
                    at.clone(),
                    format!(
                        "{} was translated from an older English text than {} ({})",
                        page.lang(),
                        newer.lang(),
                        newer.source.path.display()
                    ),
                )
                .with_hint(
                    "request a new translation; readers see a notice that it may be out of date",
                ),
            );
        }
        if let Origin::Reconstructed { from } = &page.source.origin {
            diags.push(Diagnostic::note(Kind::Translation, at.clone(),
                format!("en/{} has no English page; it is rebuilt from the {from} translation's originals", page.slug()))
                .with_hint(format!("add content/en/{}.md to replace it", page.slug())));
        }
    }
    for f in &site.fallbacks {
        let shown = &site.pages[f.source];
        diags.push(Diagnostic::note(
            Kind::Translation,
            Some(Location::new(&shown.source.path, 1, 1)),
            format!(
                "not translated into {}; readers of /{}/{}/ see the {} page",
                f.lang,
                f.lang,
                shown.slug(),
                shown.lang()
            ),
        ));
    }
}

/// A stale side-by-side translation, segment by segment: each segment whose English changed
/// or went, at its place in the file, and what the newest English has that it lacks.
fn drift_notes(
    page: &crate::model::Page,
    newer: &crate::model::Page,
    drift: &crate::translations::Drift,
    diags: &Diagnostics,
) {
    let path = &page.source.path;
    let at = |i: usize| {
        page.parsed
            .segments
            .get(i)
            .map(|s| Location::new(path, s.line as usize, s.column as usize))
    };
    let short = |s: &str| -> String {
        let s = crate::parse::markdown_plain_text(s);
        match s.char_indices().nth(100) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s,
        }
    };
    if drift.text_unchanged() {
        diags.push(
            Diagnostic::note(
                Kind::Translation,
                Some(Location::new(path, 1, 1)),
                format!(
                    "{}: revision differs from {} ({}), text unchanged: all {} segments have the same English",
                    page.lang(),
                    newer.lang(),
                    newer.source.path.display(),
                    drift.total
                ),
            )
            .with_hint("readers see no out-of-date notice; a new translation can wait"),
        );
        return;
    }
    // The English this translation was made from, segment by segment.
    let english_of = |i: usize| {
        page.parsed
            .segments
            .get(i)
            .map_or("", |s| s.english.as_str())
    };
    for (i, now) in &drift.changed {
        let was = english_of(*i);
        diags.push(Diagnostic::note(
            Kind::Translation,
            at(*i),
            format!(
                "segment changed in English since this translation: was \"{}\", now \"{}\" ({})",
                short(was),
                short(now),
                newer.source.path.display()
            ),
        ));
    }
    for i in &drift.removed {
        let was = english_of(*i);
        diags.push(Diagnostic::note(
            Kind::Translation,
            at(*i),
            format!(
                "segment no longer in the English text: \"{}\" ({})",
                short(was),
                newer.source.path.display()
            ),
        ));
    }
    if !drift.new.is_empty() {
        diags.push(Diagnostic::note(
            Kind::Translation,
            Some(Location::new(path, 1, 1)),
            format!(
                "{} English passage(s) missing from this translation: {}",
                drift.new.len(),
                drift
                    .new
                    .iter()
                    .map(|s| format!("\"{}\"", short(s)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    diags.push(
        Diagnostic::note(
            Kind::Translation,
            Some(Location::new(path, 1, 1)),
            format!(
                "{} was translated from an older English text than {} ({}): {} of {} segments changed, {} removed, {} new",
                page.lang(),
                newer.lang(),
                newer.source.path.display(),
                drift.changed.len(),
                drift.total,
                drift.removed.len(),
                drift.new.len()
            ),
        )
        .with_hint("request a new translation; readers see which passages changed"),
    );
}
