//! signpost: a static site generator for multilingual support documentation.
//!
//! A build runs five stages, each in its own module:
//! [`load`] (walk content, split front matter) → [`parse`] (markdown, spans, alerts, links) →
//! [`model`] (pages by slug × language) → [`render`] (tera + Fluent) → [`write`].

pub mod builtin;
pub mod check;
pub mod config;
pub mod diag;
pub mod i18n;
pub mod lang;
pub mod load;
pub mod model;
pub mod parse;
pub mod render;
pub mod translations;
pub mod tree;
pub mod urls;
pub mod write;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use config::{Config, Overrides};
use diag::{Diagnostic, Diagnostics, Kind};
use i18n::I18n;
use lang::Lang;
use parse::Labels;
use urls::Urls;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub overrides: Overrides,
    /// Replace an output folder signpost did not create.
    pub force: bool,
}

/// What a finished build reports.
#[derive(Debug)]
pub struct BuildSummary {
    pub output: PathBuf,
    pub pages_per_language: Vec<(Lang, usize)>,
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Write(#[from] write::WriteError),
    /// The site has errors; every diagnostic is listed, errors first.
    #[error("the build failed with {} error(s); the previous output was left untouched", count_errors(.0))]
    Failed(Vec<Diagnostic>),
}

fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| d.is_error()).count()
}

/// The parsed site, ready to render: what `build` (and later `check` and `serve`) share.
pub struct Prepared {
    pub config: Config,
    pub site: model::Site,
    pub i18n: Arc<I18n>,
    pub theme: render::theme::Theme,
    pub assets: Vec<load::Asset>,
    pub urls: Urls,
    /// The decision tree and every walk through it, when the site has a valid one.
    pub tree: Option<(tree::Tree, Vec<tree::Walk>)>,
}

/// Most walks a decision tree may have; each is a page per language.
const MAX_TREE_WALKS: usize = 5_000;

/// Runs load → parse → model; problems go into `diags`.
pub fn prepare(config: Config, diags: &Diagnostics) -> Prepared {
    let urls = Urls::new(config.base_url.clone());
    let loaded = load::load(&config, diags);
    let i18n = Arc::new(I18n::load(&config, diags));
    i18n.report_coverage(&config, diags);
    let theme = render::theme::Theme::load(&config, diags);
    let mut preference = vec![config.default_language.clone()];
    preference.extend(config.languages.iter().filter(|l| **l != config.default_language).cloned());
    let mut pages = loaded.pages;
    pages.extend(translations::reconstruct::reconstruct(&pages, &config));
    let index = parse::links::LinkIndex::new(&pages, &loaded.assets, preference);
    let labels: std::collections::HashMap<Lang, Labels> = config.languages.iter().map(|l| (l.clone(), labels_for(&i18n, l, &config))).collect();
    let cx_for = |page: &load::SourcePage, quiet: bool| parse::Context {
        index: &index,
        urls: &urls,
        labels: &labels[&page.lang],
        docs_root: config.docs_root_url.as_deref(),
        content_dir: &config.content_dir,
        diags,
        emit_originals: page.has_side_by_side(),
        quiet,
    };
    let parsed: Vec<_> = pages.into_par_iter().map(|page| {
        let quiet = page.origin != load::Origin::Written;
        let parsed = parse::parse_page(&page, &cx_for(&page, quiet));
        (page, parsed)
    }).collect();
    let mut site = model::Site::new(&config, parsed);
    site.fallbacks = site.missing(&config).into_par_iter().map(|(lang, source)| {
        let page = &site.pages[source].source;
        let parsed = parse::parse_page_as(page, &lang, &cx_for(page, true));
        model::Fallback { lang, source, parsed }
    }).collect();
    let tree = prepare_tree(&config, &site, &i18n, diags);
    check::fragments(&site, diags);
    check::unused_ui_strings(&i18n, &theme, tree.as_ref().map(|(t, _)| t), &config, diags);
    check::translations(&site, &config, diags);
    Prepared { config, site, i18n, theme, assets: loaded.assets, urls, tree }
}

fn prepare_tree(config: &Config, site: &model::Site, i18n: &I18n, diags: &Diagnostics) -> Option<(tree::Tree, Vec<tree::Walk>)> {
    let tree = tree::load(&config.content_dir, &config.root, diags)?;
    let valid = tree::validate::validate(&tree, |slug| site.translations.contains_key(slug), i18n, &config.languages, diags);
    if !valid {
        return None;
    }
    match tree::walks(&tree, MAX_TREE_WALKS) {
        Ok(walks) => Some((tree, walks)),
        Err(limit) => {
            diags.push(Diagnostic::error(Kind::Tree, Some(tree.location(1)),
                format!("the decision tree has more than {limit} ways through it"))
                .with_hint("join fewer branches back together, or split the tree"));
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
        other_language: config.languages.iter().map(|other| {
            let text = i18n.text(lang, "link-other-language", &[("language", i18n::Arg::Str(other.autonym().to_string()))]).unwrap_or_default();
            (other.clone(), text)
        }).collect(),
    }
}

/// Builds the site at `opts.root` into its output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let start = Instant::now();
    let config = Config::load(&opts.root, &opts.overrides)?;
    let diags = Diagnostics::default();
    let prepared = prepare(config, &diags);
    if diags.has_errors() {
        return Err(BuildError::Failed(diags.take_sorted()));
    }
    let output = write::Output::begin(&prepared.config.output_dir, opts.force)?;
    render_into(&prepared, &output, &diags);
    if diags.has_errors() {
        output.abandon();
        return Err(BuildError::Failed(diags.take_sorted()));
    }
    output.commit()?;
    let pages_per_language = prepared.config.languages.iter()
        .map(|l| (l.clone(), prepared.site.pages_in(l).count()))
        .collect();
    Ok(BuildSummary {
        output: prepared.config.output_dir.clone(),
        pages_per_language,
        diagnostics: diags.take_sorted(),
        elapsed: start.elapsed(),
    })
}

/// Everything `build` checks, without writing anything: every diagnostic, sorted.
pub fn check(root: &std::path::Path) -> Result<Vec<Diagnostic>, config::ConfigError> {
    let config = Config::load(root, &Overrides::default())?;
    let diags = Diagnostics::default();
    let prepared = prepare(config, &diags);
    render_into(&prepared, &write::Output::discard(), &diags);
    Ok(diags.take_sorted())
}

/// Renders the prepared site and copies assets and static files into `out`.
pub fn render_into(p: &Prepared, out: &write::Output, diags: &Diagnostics) {
    let Ok(renderer) = render::Renderer::new(&p.config, &p.theme, Arc::clone(&p.i18n), &p.urls, p.tree.is_some(), diags) else { return };
    renderer.render_site(&p.site, out, diags);
    if let Some((tree, walks)) = &p.tree {
        renderer.render_tree(&p.site, tree, walks, out, diags);
    }
    for (name, bytes) in &p.theme.statics {
        out.write(&format!("static/{name}"), bytes, diags);
    }
    p.assets.par_iter().for_each(|a| out.copy(&a.rel.to_string_lossy().replace('\\', "/"), &a.source, diags));
    if p.config.base_url.is_none() {
        diags.push(Diagnostic::warning(Kind::Config, None, "no base_url: canonical and sitemap URLs start at the host's root")
            .with_hint("pass --base-url https://your.host/path/ or set base_url in site.yaml"));
    }
}
