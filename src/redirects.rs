//! Redirects, checked against the site (part of the model stage): every rule's target is a
//! page of the site or an outside URL, chains are collapsed to their last target, and loops,
//! missing targets and rules that would hide a real page are reported at their file:line.

use crate::hashing::{FastMap, FastSet, HashMapExt, HashSetExt};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind};
use crate::load::Slug;
use crate::load::redirects::{Rule, join, page_slug};
use crate::model::Site;

/// Where a redirect sends readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page of this site, in the reader's language.
    Page {
        slug: Slug,
        fragment: Option<String>,
    },
    /// An absolute `http(s)` URL.
    External(String),
}

/// A checked redirect: one stub page per language at `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub from: Slug,
    pub to: Target,
}

/// Slugs signpost writes pages at by itself, besides the content pages.
fn reserved(slug: &str, config: &Config) -> bool {
    let first = slug.split('/').next().unwrap_or("");
    slug.is_empty()
        || (first == "search" && config.search)
        || (first == "status" && config.status)
        || first == "who-handles-this"
        || first == "404.html"
}

/// What a rule's target is, before chains are followed.
enum First {
    Target(Target),
    Missing { hint: &'static str },
    Refused,
}

fn first_target(rule: &Rule, site: &Site, rules: &FastMap<&str, &Rule>, config: &Config) -> First {
    let to = rule.to.as_str();
    if let Some((scheme, _)) = to.split_once(':')
        && !scheme.contains(['/', '?', '#'])
    {
        let scheme = scheme.to_ascii_lowercase();
        let clean = !to.contains(|c: char| c.is_whitespace() || c.is_control());
        return if (scheme == "http" || scheme == "https") && clean {
            First::Target(Target::External(to.to_string()))
        } else {
            First::Refused
        };
    }
    if to.starts_with("//") {
        return First::Refused;
    }
    let (path, fragment) = match to.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string()).filter(|f| !f.is_empty())),
        None => (to, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let docs_root = path.starts_with('/');
    let joined = if docs_root {
        join(&rule.docs_root, path)
    } else {
        join(&rule.dir, path)
    };
    let slug = joined.as_deref().and_then(page_slug);
    if let Some(slug) = slug
        && (site.translations.contains_key(&slug) || rules.contains_key(slug.as_str()))
    {
        return First::Target(Target::Page { slug, fragment });
    }
    if docs_root {
        if let Some(root) = &config.docs_root_url {
            return First::Target(Target::External(format!("{root}{to}")));
        }
        return First::Missing {
            hint: "point it at a page of this site, or set docs_root_url in site.yaml to send readers to the docs site",
        };
    }
    First::Missing {
        hint: "point it at a page of this site (a path from the old page's folder, or /path from the redirection file's folder)",
    }
}

/// Checks the rules against the site; problems go into `diags` as warnings, and the rules
/// they concern are left out. The result is sorted by `from`.
pub fn resolve(rules: &[Rule], site: &Site, config: &Config, diags: &Diagnostics) -> Vec<Redirect> {
    let warn = |at: &crate::diag::Location, message: String, hint: &str| {
        diags
            .push(Diagnostic::warning(Kind::BrokenLink, Some(at.clone()), message).with_hint(hint));
    };
    // One rule per old path: the first written wins; a repeat that agrees is no fault (the
    // same file is often kept per language or per branch). Hash maps, and one sort at the
    // end: a site may carry tens of thousands of rules.
    let mut by_from: FastMap<&str, &Rule> = FastMap::with_capacity(rules.len());
    let mut order: Vec<&str> = Vec::with_capacity(rules.len());
    for rule in rules {
        if let Some(page) = site
            .translations
            .get(&rule.from)
            .and_then(|t| t.values().next())
        {
            warn(
                &rule.from_at,
                format!(
                    "redirect of `{}` collides with the page {}; the page is kept and nothing is redirected",
                    rule.source,
                    site.pages[*page].source.path.display()
                ),
                "remove the redirect, or move or delete the page",
            );
            continue;
        }
        if reserved(&rule.from, config) {
            warn(
                &rule.from_at,
                format!(
                    "redirect of `{}` collides with a page signpost writes itself (`/{}/`); it is skipped",
                    rule.source, rule.from
                ),
                "redirect only old content pages",
            );
            continue;
        }
        match by_from.get(rule.from.as_str()) {
            None => {
                by_from.insert(&rule.from, rule);
                order.push(&rule.from);
            }
            Some(first) if first.to == rule.to && first.docs_root == rule.docs_root => {}
            Some(first) => warn(
                &rule.from_at,
                format!(
                    "`{}` is redirected twice; the first, at {} to `{}`, is used",
                    rule.source, first.to_at, first.to
                ),
                "keep one redirect per old page",
            ),
        }
    }
    order.sort_unstable();
    let mut first: FastMap<&str, Option<Target>> = FastMap::with_capacity(order.len());
    for &from in &order {
        let rule = by_from[from];
        let t = match first_target(rule, site, &by_from, config) {
            First::Target(t) => Some(t),
            First::Missing { hint } => {
                warn(
                    &rule.to_at,
                    format!(
                        "redirect target `{}` is not a page of this site; the redirect is skipped",
                        rule.to
                    ),
                    hint,
                );
                None
            }
            First::Refused => {
                warn(
                    &rule.to_at,
                    format!(
                        "redirect target `{}` is neither an http(s) URL nor a page path; it is skipped",
                        rule.to
                    ),
                    "write https://… or a path to a page",
                );
                None
            }
        };
        first.insert(from, t);
    }
    let mut out = Vec::with_capacity(order.len());
    for &from in &order {
        let rule = by_from[from];
        let Some(mut target) = first[from].clone() else {
            continue;
        };
        // Follow redirects to redirects until a page or an outside URL. Most targets are
        // pages: nothing is allocated for them.
        let mut path: Vec<&str> = Vec::new();
        let mut seen: FastSet<&str> = FastSet::new();
        let mut broken = false;
        // A fragment asked for on the way holds when the last page names none of its own.
        let mut carried: Option<String> = None;
        while let Target::Page { slug, fragment } = &target {
            if fragment.is_some() {
                carried.clone_from(fragment);
            }
            let Some((&next_from, next_target)) = first.get_key_value(slug.as_str()) else {
                break;
            };
            if path.is_empty() {
                path.push(from);
                seen.insert(from);
            }
            path.push(next_from);
            if !seen.insert(next_from) {
                warn(
                    &rule.to_at,
                    format!(
                        "redirect to `{}` loops: {}; no redirect is written for `{}`",
                        rule.to,
                        arrows(&path),
                        rule.source
                    ),
                    "point one of them at a real page",
                );
                broken = true;
                break;
            }
            match next_target {
                Some(t) => target = t.clone(),
                None => {
                    broken = true;
                    break;
                }
            }
        }
        if broken {
            continue;
        }
        if let Target::Page { fragment, .. } = &mut target
            && fragment.is_none()
        {
            *fragment = carried;
        }
        if path.len() > 1 {
            let last = match &target {
                Target::Page { slug, .. } => format!("/{slug}/"),
                Target::External(u) => u.clone(),
            };
            path.push(last.as_str());
            warn(
                &rule.to_at,
                format!(
                    "redirect to `{}` is a chain: {}; readers are sent straight to the last",
                    rule.to,
                    arrows(&path)
                ),
                "point the redirect at the final page",
            );
        }
        out.push(Redirect {
            from: from.to_string(),
            to: target,
        });
    }
    out
}

fn arrows(path: &[&str]) -> String {
    path.iter()
        .map(|p| {
            if p.contains("://") || p.starts_with('/') {
                p.to_string()
            } else {
                format!("/{p}/")
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}
