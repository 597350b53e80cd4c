//! What `serve` keeps between rebuilds, and how a change is rebuilt: a page edit re-parses
//! and re-renders that page in every language and the pages that link it; an `.ftl` edit
//! redoes its language; anything else (templates, site.yaml, the tree, media) redoes all.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::{Config, Overrides};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::load::{self, Loaded, Origin, SourcePage};
use crate::prepare::{Prepared, Reuse, prepare_keeping, prepare_with};
use crate::render::Renderer;
use crate::urls::Urls;
use crate::write::Output;

/// What changed on disk, as the watcher sorted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Markdown pages under `content/<lang>/` (edited, created or deleted).
    Pages(BTreeSet<PathBuf>),
    /// `.ftl` files of these languages.
    Locales(BTreeSet<String>),
    Everything,
}

impl Change {
    /// One change that covers both.
    pub fn merge(self, other: Change) -> Change {
        match (self, other) {
            (Change::Pages(mut a), Change::Pages(b)) => {
                a.extend(b);
                Change::Pages(a)
            }
            (Change::Locales(mut a), Change::Locales(b)) => {
                a.extend(b);
                Change::Locales(a)
            }
            _ => Change::Everything,
        }
    }
}

/// How a rebuild went.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub elapsed: Duration,
    /// Errors (the last good pages keep being served until they are fixed).
    pub errors: Vec<Diagnostic>,
    pub warnings: usize,
    /// Pages re-rendered (own and fallback).
    pub pages: usize,
}

pub struct Session {
    root: PathBuf,
    out_dir: PathBuf,
    no_search: bool,
    /// The model of the last build that reached the output; `None` until one has.
    state: Option<Prepared>,
    /// Errors that stand until their file is fixed, whichever file changes meanwhile.
    standing: Vec<Diagnostic>,
    search_stale: bool,
}

impl Session {
    pub fn new(root: &Path, out_dir: &Path, no_search: bool) -> Session {
        Session {
            root: root.to_path_buf(),
            out_dir: out_dir.to_path_buf(),
            no_search,
            state: None,
            standing: Vec::new(),
            search_stale: false,
        }
    }

    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    pub fn rebuild(&mut self, change: Change) -> Outcome {
        let start = Instant::now();
        let diags = Diagnostics::default();
        // Which standing errors this rebuild re-examined (and so replaces).
        type Redone = Box<dyn Fn(&Diagnostic) -> bool>;
        let (pages, redone): (usize, Redone) = match (change, self.state.is_some()) {
            (Change::Pages(paths), true) => {
                let shown: BTreeSet<PathBuf> = paths
                    .iter()
                    .map(|p| crate::diag::display_path(&self.root, p))
                    .collect();
                (
                    self.pages_changed(&paths, &diags),
                    Box::new(move |d: &Diagnostic| {
                        d.location.as_ref().is_some_and(|l| shown.contains(&l.path))
                    }),
                )
            }
            (Change::Locales(langs), true) => (
                self.locales_changed(&langs, &diags),
                Box::new(|d: &Diagnostic| d.kind == crate::diag::Kind::Locale),
            ),
            _ => (self.everything(&diags), Box::new(|_: &Diagnostic| true)),
        };
        let all = diags.take_sorted();
        // Errors of files this rebuild looked at are replaced; others still stand.
        self.standing.retain(|d| !redone(d));
        self.standing
            .extend(all.iter().filter(|d| d.is_error()).cloned());
        self.standing.sort_by(|a, b| a.location.cmp(&b.location));
        self.standing.dedup();
        Outcome {
            elapsed: start.elapsed(),
            warnings: all
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Warning)
                .count(),
            errors: self.standing.clone(),
            pages,
        }
    }

    fn config(&self) -> Result<Config, Diagnostic> {
        let overrides = Overrides {
            output: Some(self.out_dir.clone()),
            base_url: None,
            no_search: self.no_search,
        };
        Config::load(&self.root, &overrides).map_err(|e| match e {
            crate::config::ConfigError::Invalid {
                location,
                message,
                hint,
            } => Diagnostic {
                severity: crate::diag::Severity::Error,
                kind: crate::diag::Kind::Config,
                location: Some(location),
                message,
                hint,
                rule: None,
            },
            other => Diagnostic::error(crate::diag::Kind::Config, None, other.to_string()),
        })
    }

    /// A full build, swapped in whole only when it has no errors.
    fn everything(&mut self, diags: &Diagnostics) -> usize {
        let config = match self.config() {
            Ok(c) => c,
            Err(d) => {
                diags.push(d);
                return 0;
            }
        };
        let prepared = serve_urls(prepare_keeping(config, true, diags));
        // Until a full build reaches the output, every change is a full build: pages
        // rendered one by one into a half-empty folder would leave the rest missing.
        self.state = None;
        if diags.has_errors() {
            return 0;
        }
        match Output::begin(&self.out_dir, true) {
            Ok(out) => {
                render(&prepared, &out, &|_, _| true, Scope::Everything, diags);
                if diags.has_errors() {
                    out.abandon();
                    return 0;
                }
                if let Err(e) = out.commit() {
                    diags.push(Diagnostic::error(
                        crate::diag::Kind::Io,
                        None,
                        e.to_string(),
                    ));
                    return 0;
                }
            }
            Err(e) => {
                diags.push(Diagnostic::error(
                    crate::diag::Kind::Io,
                    None,
                    e.to_string(),
                ));
                return 0;
            }
        }
        let count = prepared.site.pages.len() + prepared.site.fallbacks.len();
        self.state = Some(prepared);
        count
    }

    fn pages_changed(&mut self, paths: &BTreeSet<PathBuf>, diags: &Diagnostics) -> usize {
        let Some(Prepared {
            config,
            site,
            i18n,
            theme,
            assets,
            ..
        }) = self.state.take()
        else {
            return 0;
        };
        let (mut sources, mut reuse) = split(site);
        let mut changed: BTreeSet<String> = BTreeSet::new();
        let mut deleted: Vec<(Lang, String)> = Vec::new();
        // Whether anything other pages show of these pages (title, existence, dates…) moved.
        let mut listed_changed = false;
        for path in paths {
            let Some((lang, slug)) = load::locate(&config, path) else {
                continue;
            };
            let old = sources
                .iter()
                .position(|p| p.lang == lang && p.slug == slug)
                .map(|i| sources.swap_remove(i));
            changed.insert(slug.clone());
            let new = if path.exists() {
                // A broken page is left out; its last good output keeps being served.
                load::read_one(&config, path, diags)
            } else {
                deleted.push((lang, slug));
                None
            };
            listed_changed |= match (&old, &new) {
                (Some(a), Some(b)) => listing(a) != listing(b),
                (None, None) => false,
                _ => true,
            };
            sources.extend(new);
        }
        // Pages that link a changed slug show its title and whether it exists.
        let linking: BTreeSet<(Lang, String)> = if listed_changed {
            reuse
                .parsed
                .iter()
                .filter(|(_, p)| {
                    p.linked.iter().any(|l| changed.contains(l))
                        || p.wanted.iter().any(|w| changed.contains(w))
                })
                .map(|(k, _)| k.clone())
                .collect()
        } else {
            BTreeSet::new()
        };
        let linking_slugs: BTreeSet<String> = linking.iter().map(|(_, s)| s.clone()).collect();
        let dirty = |l: &Lang, s: &str| {
            changed.contains(s)
                || linking.contains(&(l.clone(), s.to_string()))
                || linking_slugs.contains(s)
        };
        reuse.forget(dirty);
        let prepared = serve_urls(prepare_with(
            config,
            Loaded {
                pages: sources,
                assets,
            },
            i18n,
            theme,
            reuse,
            true,
            diags,
        ));
        let scope = if listed_changed {
            Scope::PagesAndLists
        } else {
            Scope::Pages
        };
        let count = render(
            &prepared,
            &Output::direct(&self.out_dir),
            &dirty,
            scope,
            diags,
        );
        // A deleted page's output goes in every language, unless a page still stands there.
        for (_, slug) in deleted {
            for lang in &prepared.config.languages {
                if prepared.site.translation(&slug, lang).is_none()
                    && prepared.site.fallback(&slug, lang).is_none()
                {
                    let _ = std::fs::remove_file(
                        self.out_dir
                            .join(Urls::page_path(lang, &slug))
                            .join("index.html"),
                    );
                }
            }
        }
        self.search_stale = prepared.config.search;
        self.state = Some(prepared);
        count
    }

    /// Whether the search index waits for the pages a rebuild changed.
    pub fn search_stale(&self) -> bool {
        self.search_stale
    }

    /// Rebuilds the search indexes, which a page edit leaves for after the reload: they
    /// take longer than the page itself, and readers of the edited page do not wait.
    /// One language at a time, asking `more_waiting` in between: a new edit stops the
    /// refresh (the index stays stale and is refreshed after that edit).
    pub fn refresh_search(&mut self, more_waiting: impl Fn() -> bool) {
        let Some(p) = &self.state else { return };
        let diags = Diagnostics::default();
        let Ok(renderer) = Renderer::new(
            &p.config,
            &p.theme,
            Arc::clone(&p.i18n),
            &p.urls,
            p.tree.is_some(),
            &diags,
        ) else {
            return;
        };
        for lang in &p.config.languages {
            if more_waiting() {
                return;
            }
            renderer.render_search_in(
                &p.site,
                p.tree.as_ref().map(|(t, _)| t),
                lang,
                &Output::direct(&self.out_dir),
                &diags,
            );
        }
        self.search_stale = false;
    }

    fn locales_changed(&mut self, langs: &BTreeSet<String>, diags: &Diagnostics) -> usize {
        let Some(Prepared {
            config,
            site,
            theme,
            assets,
            ..
        }) = self.state.take()
        else {
            return 0;
        };
        let i18n = Arc::new(I18n::load(&config, diags));
        i18n.report_coverage(&config, diags);
        let (sources, mut reuse) = split(site);
        // Alert labels and link tooltips are written while parsing, in the page's language.
        let dirty = |l: &Lang, _: &str| langs.contains(l.as_str());
        reuse.forget(dirty);
        let prepared = serve_urls(prepare_with(
            config,
            Loaded {
                pages: sources,
                assets,
            },
            i18n,
            theme,
            reuse,
            true,
            diags,
        ));
        let count = render(
            &prepared,
            &Output::direct(&self.out_dir),
            &dirty,
            Scope::PagesAndLists,
            diags,
        );
        self.search_stale = prepared.config.search;
        self.state = Some(prepared);
        count
    }
}

/// What other pages show of a page: when none of it changes, only the page is redone.
fn listing(p: &SourcePage) -> impl PartialEq {
    let f = &p.front;
    (
        f.title.clone(),
        f.description.clone(),
        f.date,
        f.last_handoff,
        f.translation_type,
        f.source_hash.clone(),
        f.subservice.clone(),
        f.topic.clone(),
        p.has_side_by_side(),
    )
}

/// How much a rebuild renders besides the pages it picks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Everything,
    /// And the pages that list pages: homes, status, sitemap, the tree.
    PagesAndLists,
    Pages,
}

/// `serve` answers folder URLs, so its links end in `/` like a hosted site's.
fn serve_urls(mut p: Prepared) -> Prepared {
    p.urls = Urls::new(None).with_directory_links();
    p
}

/// The written pages (rebuilt English pages are made again from them) and what can be reused.
fn split(site: crate::model::Site) -> (Vec<SourcePage>, Reuse) {
    let sources: Vec<SourcePage> = site
        .pages
        .iter()
        .filter(|p| p.source.origin == Origin::Written)
        .map(|p| p.source.clone())
        .collect();
    (sources, Reuse::from_site(site))
}

/// Renders the pages `which` picks and, by `scope`, what lists pages; returns how many pages.
fn render(
    p: &Prepared,
    out: &Output,
    which: &(dyn Fn(&Lang, &str) -> bool + Sync),
    scope: Scope,
    diags: &Diagnostics,
) -> usize {
    if scope == Scope::Everything {
        crate::render_into_live(p, out, diags);
        return p.site.pages.len() + p.site.fallbacks.len();
    }
    let Ok(mut renderer) = Renderer::new(
        &p.config,
        &p.theme,
        Arc::clone(&p.i18n),
        &p.urls,
        p.tree.is_some(),
        diags,
    ) else {
        return 0;
    };
    renderer.live_reload = true;
    renderer.render_pages(&p.site, which, out, diags);
    if scope == Scope::PagesAndLists {
        renderer.render_shared(&p.site, out, diags);
        if let Some((tree, walks)) = &p.tree {
            renderer.render_tree(&p.site, tree, walks, out, diags);
        }
    }
    p.site
        .pages
        .iter()
        .filter(|pg| which(pg.lang(), pg.slug()))
        .count()
        + p.site
            .fallbacks
            .iter()
            .filter(|f| which(&f.lang, p.site.pages[f.source].slug()))
            .count()
}
