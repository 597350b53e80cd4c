//! Load → parse → model: everything before rendering, shared by `build`, `check` and
//! `serve` (which keeps earlier parse results for pages a change does not touch).

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind};
use crate::i18n::{self, I18n};
use crate::lang::Lang;
use crate::load::theme::Theme;
use crate::load::{self, Slug};
use crate::parse::{self, Labels, ParsedPage};
use crate::urls::Urls;
use crate::{check, model, redirects, translations, tree};

/// The parsed site, ready to render: what `build` (and later `check` and `serve`) share.
pub struct Prepared {
    pub config: Config,
    pub site: model::Site,
    pub i18n: Arc<I18n>,
    pub theme: Theme,
    pub assets: Vec<load::Asset>,
    pub urls: Urls,
    /// The decision tree and every walk through it, when the site has a valid one.
    pub tree: Option<(tree::Tree, Vec<tree::AnswerPath>)>,
    /// Redirects, checked: one stub page per language each.
    pub redirects: Vec<redirects::Redirect>,
    /// The rules as read (redirection files and pages' `redirect_url`), kept for `serve`'s
    /// next rebuild: pages that are redirects are not in `site`.
    pub redirect_rules: Vec<load::redirects::Rule>,
}

/// Most walks a decision tree may have; each is a page per language.
const MAX_TREE_WALKS: usize = 5_000;

/// Runs load → parse → model; problems go into `diags`. Pages' markdown is freed once parsed.
pub fn prepare(config: Config, diags: &Diagnostics) -> Prepared {
    prepare_keeping(config, false, diags)
}

/// [`prepare`], keeping each page's markdown when `keep_text` (for `serve`'s re-parsing).
pub fn prepare_keeping(config: Config, keep_text: bool, diags: &Diagnostics) -> Prepared {
    let t = crate::timing::Timer::start("load");
    let loaded = load::load(&config, diags);
    t.stop();
    let t = crate::timing::Timer::start("locales, theme");
    let i18n = Arc::new(I18n::load(&config, diags));
    i18n.report_coverage(&config, diags);
    let theme = Theme::load(&config, diags);
    t.stop();
    prepare_with(
        config,
        loaded,
        i18n,
        theme,
        Reuse::default(),
        keep_text,
        diags,
    )
}

/// Parse results a rebuild may keep, by (language, slug): pages whose text and whose
/// neighbours did not change. Whatever is not here is parsed.
#[derive(Default)]
pub struct Reuse {
    pub parsed: HashMap<(Lang, Slug), ParsedPage>,
    pub fallbacks: HashMap<(Lang, Slug), ParsedPage>,
}

impl Reuse {
    /// Takes the parse results out of a prepared site, for the next rebuild.
    pub fn from_site(site: model::Site) -> Reuse {
        let mut reuse = Reuse::default();
        let slugs: Vec<Slug> = site.pages.iter().map(|p| p.source.slug.clone()).collect();
        for f in site.fallbacks {
            reuse
                .fallbacks
                .insert((f.lang, slugs[f.source].clone()), f.parsed);
        }
        for p in site.pages {
            reuse
                .parsed
                .insert((p.source.lang, p.source.slug), p.parsed);
        }
        reuse
    }

    /// Forgets what a change may have made stale.
    pub fn forget(&mut self, dirty: impl Fn(&Lang, &str) -> bool) {
        self.parsed.retain(|(l, s), _| !dirty(l, s));
        self.fallbacks.retain(|(l, s), _| !dirty(l, s));
    }
}

/// Parse → model from loaded pages, reusing what `reuse` holds. `keep_text` keeps each page's
/// markdown after parsing (`serve` parses pages again; a one-shot build does not).
pub fn prepare_with(
    config: Config,
    loaded: load::Loaded,
    i18n: Arc<I18n>,
    theme: Theme,
    mut reuse: Reuse,
    keep_text: bool,
    diags: &Diagnostics,
) -> Prepared {
    let urls = Urls::new(config.base_url.clone());
    let mut preference = vec![config.default_language.clone()];
    preference.extend(
        config
            .languages
            .iter()
            .filter(|l| **l != config.default_language)
            .cloned(),
    );
    let mut pages = loaded.pages;
    // A page with `redirect_url` is a redirect, not a page.
    let mut rules = loaded.redirects;
    pages.retain(|p| match load::redirects::from_page(p, diags) {
        Some(rule) => {
            rules.push(rule);
            false
        }
        None => true,
    });
    pages.extend(translations::reconstruct::reconstruct(&pages, &config));
    let t = crate::timing::Timer::start("includes");
    let includes = load::includes::gather(&config, &mut pages);
    t.stop();
    let t = crate::timing::Timer::start("link index");
    let index = parse::links::LinkIndex::new(&pages, &loaded.assets, preference);
    let labels: std::collections::HashMap<Lang, Labels> = config
        .languages
        .iter()
        .map(|l| (l.clone(), labels_for(&i18n, l, &config)))
        .collect();
    let cx_for = |page: &load::SourcePage, quiet: bool| parse::Context {
        index: &index,
        urls: &urls,
        labels: &labels[&page.lang],
        docs_root: config.docs_root_url.as_deref(),
        includes: &includes,
        diags,
        emit_originals: page.has_side_by_side(),
        trust_html: config.trust_html,
        quiet,
        twins: config.twins,
    };
    t.stop();
    let t = crate::timing::Timer::start("parse");
    // Fallback copies are parsed with their page, so a one-shot build can free each page's
    // markdown as soon as it is done with it.
    let plan = translations::fallback_plan(&config, &pages);
    type Copies = Vec<(Lang, Option<ParsedPage>)>;
    // Plain translations checked block by block need their markdown, and their English's,
    // after parsing.
    let qa_reads = crate::qa::texts_needed(&pages, &config);
    let with_reuse: Vec<(load::SourcePage, Option<ParsedPage>, Copies, bool)> = pages
        .into_iter()
        .zip(qa_reads)
        .map(|(p, qa_reads)| {
            let key = (p.lang.clone(), p.slug.clone());
            let kept = reuse.parsed.remove(&key);
            let copies = plan
                .get(&key)
                .into_iter()
                .flatten()
                .map(|reader| {
                    (
                        reader.clone(),
                        reuse.fallbacks.remove(&(reader.clone(), p.slug.clone())),
                    )
                })
                .collect();
            (p, kept, copies, qa_reads)
        })
        .collect();
    crate::progress::stage("parsing", with_reuse.len());
    let parsed: Vec<_> = with_reuse
        .into_par_iter()
        .map(|(mut page, kept, copies, qa_reads)| {
            let quiet = page.origin != load::Origin::Written;
            let parsed = kept.unwrap_or_else(|| parse::parse_page(&page, &cx_for(&page, quiet)));
            let copies: Vec<(Lang, ParsedPage)> = copies
                .into_iter()
                .map(|(reader, kept)| {
                    let parsed = kept.unwrap_or_else(|| {
                        parse::parse_page_as(&page, &reader, &cx_for(&page, true))
                    });
                    (reader, parsed)
                })
                .collect();
            if !keep_text && !qa_reads {
                page.text = Arc::from("");
                page.body_offset = 0;
            }
            crate::progress::tick();
            (page, parsed, copies)
        })
        .collect();
    t.stop();
    let t = crate::timing::Timer::start("model");
    let mut all_copies = Vec::new();
    let pages: Vec<_> = parsed
        .into_iter()
        .map(|(page, parsed, copies)| {
            all_copies.extend(
                copies
                    .into_iter()
                    .map(|(reader, p)| (reader, page.lang.clone(), page.slug.clone(), p)),
            );
            (page, parsed)
        })
        .collect();
    let mut site = model::Site::new(&config, pages);
    site.fallbacks = all_copies
        .into_iter()
        .filter_map(|(reader, from, slug, parsed)| {
            let source = *site.translations.get(&slug)?.get(&from)?;
            Some(model::Fallback {
                lang: reader,
                source,
                parsed,
            })
        })
        .collect();
    t.stop();
    let t = crate::timing::Timer::start("tree, checks");
    let tree = prepare_tree(&config, &site, &i18n, diags);
    check::fragments(&site, diags);
    if config.trust_html {
        diags.push(Diagnostic::warning(Kind::Config, Some(crate::diag::Location::new(crate::config::CONFIG_FILE, 1, 1)),
            "trust_html is on: raw HTML from content reaches readers unsanitized, scripts included")
            .with_hint("turn it off unless every page was written by people you trust"));
    }
    if let Some(brand) = &config.brand
        && let (Some(adjusted), Some(at), Some(written)) =
            (&brand.adjusted, &brand.color_at, &brand.color)
    {
        diags.push(
            Diagnostic::warning(Kind::Config, Some(at.clone()), adjusted.message(written))
                .with_hint("pick a darker colour to use it as it is; brand.strict_contrast: true makes this an error"),
        );
    }
    check::unused_ui_strings(&i18n, &theme, tree.as_ref().map(|(t, _)| t), &config, diags);
    check::translations(&site, diags);
    let redirects = redirects::resolve(&rules, &site, &config, diags);
    crate::qa::run(&mut site, &config, diags);
    t.stop();
    Prepared {
        config,
        site,
        i18n,
        theme,
        assets: loaded.assets,
        urls,
        tree,
        redirects,
        redirect_rules: rules,
    }
}

fn prepare_tree(
    config: &Config,
    site: &model::Site,
    i18n: &I18n,
    diags: &Diagnostics,
) -> Option<(tree::Tree, Vec<tree::AnswerPath>)> {
    let tree = tree::load(&config.content_dir, &config.root, diags)?;
    let valid = tree::validate::validate(
        &tree,
        |slug| site.translations.contains_key(slug),
        i18n,
        &config.languages,
        diags,
    );
    if !valid {
        return None;
    }
    match tree::answer_paths(&tree, MAX_TREE_WALKS) {
        Ok(paths) => Some((tree, paths)),
        Err(limit) => {
            diags.push(
                Diagnostic::error(
                    Kind::Tree,
                    Some(tree.location(1)),
                    format!("the decision tree has more than {limit} ways through it"),
                )
                .with_hint("join fewer branches back together, or split the tree"),
            );
            None
        }
    }
}

fn labels_for(i18n: &I18n, lang: &Lang, config: &Config) -> Labels {
    Labels {
        note: i18n.label(lang, "alert-note"),
        tip: i18n.label(lang, "alert-tip"),
        important: i18n.label(lang, "alert-important"),
        warning: i18n.label(lang, "alert-warning"),
        caution: i18n.label(lang, "alert-caution"),
        image_missing: i18n.label(lang, "image-missing"),
        link_unavailable: i18n.label(lang, "link-unavailable"),
        other_language: config
            .languages
            .iter()
            .map(|other| {
                let text = i18n
                    .text(
                        lang,
                        "link-other-language",
                        &[("language", i18n::Arg::Str(other.autonym().to_string()))],
                    )
                    .unwrap_or_default();
                (other.clone(), text)
            })
            .collect(),
    }
}
