//! signpost: a static site generator for multilingual support documentation.
//!
//! A build runs five stages, each in its own module:
//! [`load`] (walk content, split front matter) → [`parse`] (markdown, spans, alerts, links) →
//! [`model`] (pages by slug × language) → [`render`] (tera + Fluent) → [`write`].

pub mod brand;
pub mod builtin;
pub mod check;
pub mod config;
pub mod date;
pub mod diag;
pub mod find;
pub mod hashing;
pub mod i18n;
pub mod init;
pub mod lang;
pub mod load;
pub mod model;
pub mod parse;
pub mod pipeline;
pub mod prepare;
pub mod progress;
pub mod qa;
pub mod redirects;
pub mod render;
pub mod search;
pub mod serve;
pub mod timing;
pub mod translations;
pub mod tree;
pub mod urls;
pub mod write;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use config::{Config, Overrides};
use diag::{Diagnostic, Diagnostics};
use lang::Lang;
pub use prepare::{Prepared, prepare};

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

/// Builds the site at `opts.root` into its output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let start = Instant::now();
    let config = Config::load(&opts.root, &opts.overrides)?;
    let diags = Diagnostics::default();
    // Begun before the parse, which writes each page's markdown twin into it at once.
    let output = write::Output::begin(&config.output_dir, opts.force)?;
    let prepared = prepare(config, &output, &diags);
    if diags.has_errors() {
        output.abandon();
        // Templates too, so one run lists every error, not just the content's.
        let _ = render::Renderer::new(
            &prepared.config,
            &prepared.theme,
            Arc::clone(&prepared.i18n),
            &prepared.urls,
            false,
            &diags,
        );
        return Err(BuildError::Failed(diags.take_sorted()));
    }
    render_into(&prepared, &output, &diags);
    if diags.has_errors() {
        output.abandon();
        return Err(BuildError::Failed(diags.take_sorted()));
    }
    progress::finish();
    let t = timing::Timer::start("commit");
    output.commit()?;
    t.stop();
    let pages_per_language = prepared
        .config
        .languages
        .iter()
        .map(|l| (l.clone(), prepared.site.pages_in(l).count()))
        .collect();
    let output_dir = prepared.config.output_dir.clone();
    // Freeing every parsed page takes a noticeable share of a big build; nobody waits for it.
    std::thread::spawn(move || drop(prepared));
    Ok(BuildSummary {
        output: output_dir,
        pages_per_language,
        diagnostics: diags.take_sorted(),
        elapsed: start.elapsed(),
    })
}

/// Everything `build` checks, without writing anything: every diagnostic, sorted.
pub fn check(root: &std::path::Path) -> Result<Vec<Diagnostic>, config::ConfigError> {
    let config = Config::load(root, &Overrides::default())?;
    let diags = Diagnostics::default();
    let out = write::Output::discard();
    let prepared = prepare(config, &out, &diags);
    render_into(&prepared, &out, &diags);
    Ok(diags.take_sorted())
}

/// Renders the prepared site and copies assets and static files into `out`.
pub fn render_into(p: &Prepared, out: &write::Output, diags: &Diagnostics) {
    pipeline::render(p, out, &pipeline::Work::Everything, false, diags);
}
