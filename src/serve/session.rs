//! What `serve` keeps between rebuilds, and how a change is rebuilt: a page edit re-parses
//! and re-renders that page in every language and the pages that link it; an `.ftl` edit
//! redoes its language; anything else (templates, site.yaml, the tree, media) redoes all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::{Config, ConfigError, Overrides};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::load::{self, Loaded, Origin, SourcePage};
use crate::pipeline::{self, Work};
use crate::prepare::{Keep, Prepared, Reuse, prepare_keeping, prepare_with};
use crate::search;
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
pub struct RebuildSummary {
    pub elapsed: Duration,
    /// Errors (the last good pages keep being served until they are fixed).
    pub errors: Vec<Diagnostic>,
    pub warnings: usize,
    /// Pages re-rendered (own and fallback).
    pub pages: usize,
    /// How long each stage took (empty unless [`crate::timing::enable`]d).
    pub timings: Vec<crate::timing::StageTime>,
}

pub struct Session {
    root: PathBuf,
    out_dir: PathBuf,
    no_search: bool,
    /// The model of the last build that reached the output; `None` until one has.
    state: Option<Prepared>,
    /// Errors that stand until their file is fixed, whichever file changes meanwhile.
    standing: Vec<Diagnostic>,
    /// Per language, the search index as it follows edits: the builder (each page's words
    /// and postings) and the index as written.
    search: BTreeMap<Lang, search::Live>,
    /// Languages whose index must be built whole again (after a full build, an `.ftl` edit,
    /// a page that came or went), in the quiet after the pages are out.
    search_stale: BTreeSet<Lang>,
    /// How long the last page edit's index update took.
    search_updated: Option<Duration>,
}

impl Session {
    pub fn new(root: &Path, out_dir: &Path, no_search: bool) -> Session {
        Session {
            root: root.to_path_buf(),
            out_dir: out_dir.to_path_buf(),
            no_search,
            state: None,
            standing: Vec::new(),
            search: BTreeMap::new(),
            search_stale: BTreeSet::new(),
            search_updated: None,
        }
    }

    pub fn rebuild(&mut self, change: Change) -> RebuildSummary {
        let start = Instant::now();
        let diags = Diagnostics::default();
        // Which standing errors this rebuild re-examined (and so replaces).
        type Redone = Box<dyn Fn(&Diagnostic) -> bool>;
        let (pages, redone): (usize, Redone) = match (change, self.state.is_some()) {
            (Change::Pages(paths), true) => {
                let (count, examined) = self.pages_changed(&paths, &diags);
                let shown: BTreeSet<PathBuf> = paths
                    .iter()
                    .chain(&examined)
                    .map(|p| crate::diag::display_path(&self.root, p))
                    .collect();
                (
                    count,
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
        let mut all = diags.take_sorted();
        // A page that lost an include is a broken edit to the writer at work: it shows in the
        // page until fixed, like an error (a one-off build only warns).
        for d in &mut all {
            if d.kind == crate::diag::Kind::Include {
                d.severity = crate::diag::Severity::Error;
            }
        }
        // Errors of files this rebuild looked at are replaced; others still stand.
        self.standing.retain(|d| !redone(d));
        self.standing
            .extend(all.iter().filter(|d| d.is_error()).cloned());
        self.standing.sort_by(|a, b| a.location.cmp(&b.location));
        self.standing.dedup();
        RebuildSummary {
            elapsed: start.elapsed(),
            warnings: all
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Warning)
                .count(),
            errors: self.standing.clone(),
            pages,
            timings: crate::timing::take(),
        }
    }

    fn config(&self) -> Result<Config, Diagnostic> {
        let overrides = Overrides {
            output: Some(self.out_dir.clone()),
            base_url: None,
            no_search: self.no_search,
        };
        Config::load(&self.root, &overrides).map_err(ConfigError::into_diagnostic)
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
        let prepared = serve_urls(prepare_keeping(config, Keep::Text, diags));
        // Until a full build reaches the output, every change is a full build: pages
        // rendered one by one into a half-empty folder would leave the rest missing.
        self.state = None;
        if diags.has_errors() {
            return 0;
        }
        match Output::begin(&self.out_dir, true) {
            Ok(out) => {
                pipeline::render(&prepared, &out, &Work::Everything, true, diags);
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
        // The build wrote every index; the ones that follow edits are built in the quiet.
        self.search.clear();
        self.search_stale = if prepared.config.search {
            prepared.config.languages.iter().cloned().collect()
        } else {
            BTreeSet::new()
        };
        self.state = Some(prepared);
        count
    }

    /// Redoes the pages that changed and the pages that include a changed file; returns how
    /// many pages were rendered and the files whose messages this rebuild renewed.
    fn pages_changed(
        &mut self,
        paths: &BTreeSet<PathBuf>,
        diags: &Diagnostics,
    ) -> (usize, BTreeSet<PathBuf>) {
        let Some(Prepared {
            config,
            site,
            i18n,
            theme,
            assets,
            redirect_rules,
            redirects: before,
            ..
        }) = self.state.take()
        else {
            return (0, BTreeSet::new());
        };
        // Pages that pull in a changed, created or deleted file, through any chain of
        // includes.
        let including = pipeline::including(&site, paths);
        let mut examined: BTreeSet<PathBuf> = BTreeSet::new();
        for p in site
            .pages
            .iter()
            .filter(|p| including.contains(&p.source.slug))
        {
            examined.insert(self.root.join(&p.source.path));
            examined.extend(p.source.includes.iter().cloned());
        }
        let (mut sources, reuse) = split(site);
        // A changed page says afresh whether it is a redirect.
        let mut redirect_rules = redirect_rules;
        redirect_rules.retain(|r| {
            r.page
                .as_ref()
                .is_none_or(|p| !paths.iter().any(|c| c.ends_with(p)))
        });
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
        let mut slugs = changed.clone();
        slugs.extend(including);
        if listed_changed {
            slugs.extend(pipeline::linking(
                reuse.parsed.iter().map(|((_, s), p)| (s, p)),
                &changed,
            ));
        }
        let work = Work::Pages {
            slugs,
            lists: listed_changed,
        };
        let (prepared, count) = self.redo(
            config,
            Loaded {
                pages: sources,
                assets,
                redirects: redirect_rules,
            },
            (i18n, theme),
            reuse,
            &work,
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
        super::redirects::refresh(&before, &prepared, &self.out_dir, &changed, None, diags);
        // The files the redone pages pull in now (a restored include is among them).
        for p in prepared
            .site
            .pages
            .iter()
            .filter(|p| work.picks(p.lang(), p.slug()))
        {
            examined.extend(p.source.includes.iter().cloned());
        }
        if prepared.config.search {
            let start = Instant::now();
            self.update_search(&prepared, &work, diags);
            self.search_updated = Some(start.elapsed());
        }
        self.state = Some(prepared);
        (count, examined)
    }

    /// Follows the pages `work` redid in every language's index: their postings are
    /// replaced and only the shards they touch are written. A language without an index
    /// yet, or whose pages came or went, is left to [`Session::refresh_search`].
    fn update_search(&mut self, p: &Prepared, work: &Work, diags: &Diagnostics) {
        let Some(renderer) = pipeline::renderer(p, diags) else {
            return;
        };
        let out = Output::direct(&self.out_dir);
        let picks = |l: &Lang, s: &str| work.picks(l, s);
        for lang in &p.config.languages {
            let Some(live) = self.search.get_mut(lang) else {
                self.search_stale.insert(lang.clone());
                continue;
            };
            if renderer.update_search(&p.site, lang, &picks, live, &out, diags) {
                // Titles in the A–Z list of the search page.
                if matches!(work, Work::Pages { lists: true, .. }) {
                    renderer.render_search_page(&p.site, lang, &out, diags);
                }
            } else {
                self.search.remove(lang);
                self.search_stale.insert(lang.clone());
            }
        }
    }

    /// Whether a search index waits to be built whole again.
    pub fn search_stale(&self) -> bool {
        !self.search_stale.is_empty()
    }

    /// How long the last page edit took to reach the search index, once (then `None`).
    pub fn take_search_updated(&mut self) -> Option<Duration> {
        self.search_updated.take()
    }

    /// Builds the stale languages' search indexes whole, ready to follow edits, and
    /// writes them. One language at a time, asking `more_waiting` in between: a new change
    /// is rendered first (the rest stays stale until the next quiet moment).
    pub fn refresh_search(&mut self, more_waiting: impl Fn() -> bool) {
        let Some(p) = &self.state else { return };
        let diags = Diagnostics::default();
        let Some(renderer) = pipeline::renderer(p, &diags) else {
            return;
        };
        let out = Output::direct(&self.out_dir);
        for lang in p.config.languages.iter() {
            if !self.search_stale.contains(lang) {
                continue;
            }
            if more_waiting() {
                return;
            }
            let mut live = search::Live::new(renderer.search_builder(
                &p.site,
                p.tree.as_ref().map(|(t, _)| t),
                lang,
                true,
            ));
            for (name, json) in live.files() {
                out.write(&format!("search/{lang}/{name}"), json.as_bytes(), &diags);
            }
            renderer.render_search_page(&p.site, lang, &out, &diags);
            live.pages = p.site.pages_in(lang).count();
            self.search.insert(lang.clone(), live);
            self.search_stale.remove(lang);
        }
    }

    /// Prepares the site again from what was loaded, reusing every parse `work` does not
    /// redo, and renders what `work` picks into the served folder.
    fn redo(
        &self,
        config: Config,
        loaded: Loaded,
        (i18n, theme): (Arc<I18n>, crate::load::theme::Theme),
        mut reuse: Reuse,
        work: &Work,
        diags: &Diagnostics,
    ) -> (Prepared, usize) {
        reuse.forget(|l, s| work.picks(l, s));
        let prepared = serve_urls(prepare_with(
            config,
            loaded,
            i18n,
            theme,
            reuse,
            Keep::Text,
            diags,
        ));
        let count = pipeline::render(&prepared, &Output::direct(&self.out_dir), work, true, diags);
        (prepared, count)
    }

    fn locales_changed(&mut self, langs: &BTreeSet<String>, diags: &Diagnostics) -> usize {
        let Some(Prepared {
            config,
            site,
            theme,
            assets,
            redirect_rules,
            redirects: before,
            ..
        }) = self.state.take()
        else {
            return 0;
        };
        let i18n = Arc::new(I18n::load(&config, diags));
        i18n.report_coverage(&config, diags);
        let (sources, reuse) = split(site);
        let work = Work::Languages(langs.clone());
        let (prepared, count) = self.redo(
            config,
            Loaded {
                pages: sources,
                assets,
                redirects: redirect_rules,
            },
            (i18n, theme),
            reuse,
            &work,
            diags,
        );
        let none = BTreeSet::new();
        super::redirects::refresh(&before, &prepared, &self.out_dir, &none, Some(langs), diags);
        if prepared.config.search {
            for lang in langs {
                if let Some(lang) = prepared
                    .config
                    .languages
                    .iter()
                    .find(|l| l.as_str() == lang)
                {
                    self.search.remove(lang);
                    self.search_stale.insert(lang.clone());
                }
            }
        }
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
