//! What to render, and rendering it: the one place that knows what a build renders and
//! what each kind of change `serve` sees asks to be rendered again (a page edit, an include
//! edit, an `.ftl` edit, anything else). `build` and `check` render [`Work::Everything`];
//! `serve` renders that first, then the [`Work`] of each change.
//!
//! A step that follows rendered pages (a search index kept up to date page by page) asks
//! [`Work::picks`] which pages were redone.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Kind};
use crate::lang::Lang;
use crate::load::Slug;
use crate::model::Site;
use crate::prepare::Prepared;
use crate::render::Renderer;
use crate::timing::Timer;
use crate::write::Output;

/// What a build or a change asks to be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Every page, home, list, tree page and search index, the static files and the assets:
    /// a build, or a change to templates, site.yaml, the tree or media.
    Everything,
    /// Every page and list of these languages: an `.ftl` edit (alert labels and link
    /// tooltips are written into pages while parsing, in the page's language).
    Languages(BTreeSet<String>),
    /// The pages with these slugs, in every language (fallback copies show them too); with
    /// `lists`, also what lists pages (homes, status, sitemap, the tree), for when a title
    /// or a page's existence changed.
    Pages { slugs: BTreeSet<Slug>, lists: bool },
}

impl Work {
    /// Whether the page `slug` in `lang` is redone (its earlier parse is stale).
    pub fn picks(&self, lang: &Lang, slug: &str) -> bool {
        match self {
            Work::Everything => true,
            Work::Languages(langs) => langs.contains(lang.as_str()),
            Work::Pages { slugs, .. } => slugs.contains(slug),
        }
    }

    fn lists(&self) -> bool {
        !matches!(self, Work::Pages { lists: false, .. })
    }
}

/// The pages that pull in one of `paths` (edited, created or deleted), through any chain
/// of includes.
pub fn including(site: &Site, paths: &BTreeSet<PathBuf>) -> BTreeSet<Slug> {
    site.pages
        .iter()
        .filter(|p| p.source.includes.iter().any(|i| paths.contains(i)))
        .map(|p| p.source.slug.clone())
        .collect()
}

/// The pages that link one of `slugs` or link where one now is: they show its title and
/// whether it exists.
pub fn linking<'a>(
    parsed: impl Iterator<Item = (&'a Slug, &'a crate::parse::ParsedPage)>,
    slugs: &BTreeSet<Slug>,
) -> BTreeSet<Slug> {
    parsed
        .filter(|(_, p)| {
            p.linked.iter().any(|l| slugs.contains(l)) || p.wanted.iter().any(|w| slugs.contains(w))
        })
        .map(|(s, _)| s.clone())
        .collect()
}

/// Renders `work` of the prepared site into `out`; returns how many pages (own and
/// fallback copies) were rendered. `live_reload` puts `serve`'s reload script in every page.
pub fn render(
    p: &Prepared,
    out: &Output,
    work: &Work,
    live_reload: bool,
    diags: &Diagnostics,
) -> usize {
    let t = Timer::start("templates");
    let Some(mut renderer) = renderer(p, diags) else {
        return 0;
    };
    t.stop();
    renderer.live_reload = live_reload;
    if *work == Work::Everything {
        everything(p, &renderer, out, live_reload, diags);
        return p.site.pages.len() + p.site.fallbacks.len();
    }
    let which = |lang: &Lang, slug: &str| work.picks(lang, slug);
    let t = Timer::start("render pages");
    renderer.render_pages(&p.site, &which, out, diags);
    t.stop();
    if work.lists() {
        let t = Timer::start("render lists");
        renderer.render_shared(&p.site, out, diags);
        if let Some((tree, walks)) = &p.tree {
            renderer.render_tree(&p.site, tree, walks, out, diags);
        }
        t.stop();
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

fn everything(
    p: &Prepared,
    renderer: &Renderer,
    out: &Output,
    live_reload: bool,
    diags: &Diagnostics,
) {
    let t = Timer::start("render pages");
    renderer.render_site(&p.site, out, diags);
    t.stop();
    let t = Timer::start("render tree");
    if let Some((tree, walks)) = &p.tree {
        renderer.render_tree(&p.site, tree, walks, out, diags);
    }
    t.stop();
    if p.config.search {
        let t = Timer::start("search index");
        renderer.render_search(&p.site, p.tree.as_ref().map(|(t, _)| t), out, diags);
        t.stop();
    }
    let t = Timer::start("statics, assets");
    // Stylesheets and scripts also go out under their fingerprinted names, which pages link;
    // the plain names stay for templates of a site's own that name them.
    for (name, bytes) in &p.theme.statics {
        out.write(&format!("static/{name}"), bytes, diags);
        if let Some(hashed) = renderer.assets.get(name) {
            out.write(&format!("static/{hashed}"), bytes, diags);
        }
    }
    p.assets.par_iter().for_each(|a| {
        out.copy(
            &a.rel.to_string_lossy().replace('\\', "/"),
            &a.source,
            diags,
        )
    });
    t.stop();
    if let Some(palette) = p.config.brand.as_ref().and_then(|b| b.palette.as_ref()) {
        let css = crate::brand::stylesheet(palette);
        out.write(
            &format!("static/{}", crate::brand::STYLESHEET),
            css.as_bytes(),
            diags,
        );
        if let Some(hashed) = renderer.assets.get(crate::brand::STYLESHEET) {
            out.write(&format!("static/{hashed}"), css.as_bytes(), diags);
        }
    }
    out.write(
        crate::render::hosting::HEADERS_FILE,
        crate::render::hosting::headers_file(&p.urls.root_path(), &renderer.assets).as_bytes(),
        diags,
    );
    let t = Timer::start("redirects");
    crate::render::redirects::write(
        &p.redirects,
        &p.site,
        &p.config,
        &p.i18n,
        &p.urls,
        out,
        diags,
    );
    t.stop();
    if p.config.base_url.is_none() && !live_reload {
        diags.push(
            Diagnostic::warning(
                Kind::Config,
                None,
                "no base_url: canonical and sitemap URLs start at the host's root",
            )
            .with_hint("pass --base-url https://your.host/path/ or set base_url in site.yaml"),
        );
    }
}

/// The renderer for a prepared site; `None` when its templates do not compile (the errors
/// are in `diags`).
pub(crate) fn renderer<'p>(p: &'p Prepared, diags: &Diagnostics) -> Option<Renderer<'p>> {
    Renderer::new(
        &p.config,
        &p.theme,
        Arc::clone(&p.i18n),
        &p.urls,
        p.tree.is_some(),
        diags,
    )
    .ok()
}
