//! Stage 4, render: tera templates with Fluent strings, every page kind into HTML.

pub mod context;
pub mod drift;
pub mod feedback;
pub mod hosting;
pub mod redirects;
pub mod search;
pub mod share;
pub mod sitemap;
pub mod status;
mod t_function;
mod template_error;
pub mod tree;
pub mod twins;
mod views;

use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context as TeraContext, Tera};

use crate::config::Config;
use crate::diag::Diagnostics;
use crate::i18n::I18n;
use crate::lang::Lang;
use crate::load::theme::Theme;
use crate::model::Site;
use crate::urls::Urls;
use template_error::template_error;

/// Where rendered files go, by `/`-separated site path. `write::Output` is the one a build
/// uses (a staging folder, the output folder, or nowhere for `check`); render only hands files
/// over, so it need not know the stage above it that writes them.
pub trait FileSink: Sync {
    fn write(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics);

    /// Writes `parts` one after another into one file (a twin's front matter and body).
    fn write_parts(&self, site_path: &str, parts: &[&[u8]], diags: &Diagnostics) {
        self.write(site_path, &parts.concat(), diags);
    }

    /// Writes a file into a folder that holds another file already (a page's HTML beside
    /// its twin), so a sink may skip making sure of the folder.
    fn write_beside(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics) {
        self.write(site_path, bytes, diags);
    }
}

pub struct Renderer<'a> {
    tera: Tera,
    /// Template name → (source, file), to name the file a template error is in.
    templates: std::collections::BTreeMap<String, (String, std::path::PathBuf)>,
    /// `serve` adds its live-reload script to every page; `build` never does.
    pub live_reload: bool,
    /// Pages link the decision tree when the site has one.
    has_tree: bool,
    config: &'a Config,
    i18n: Arc<I18n>,
    urls: &'a Urls,
    /// Name under `static/` → the name pages link (fingerprinted stylesheets and scripts).
    /// Templates see it as `assets`, in tera's global context.
    pub assets: std::collections::BTreeMap<String, String>,
    /// Per site language, what its pages show the same way, made once.
    lang_values: Vec<context::LangValues>,
    /// `share.image`, the same on every page.
    share_image: Option<String>,
    /// Dates formatted for pages, by language.
    dates: std::sync::RwLock<crate::hashing::FastMap<(Lang, crate::date::Date), String>>,
}

#[derive(Debug, thiserror::Error)]
#[error("template error")]
pub struct TemplateFailed;

impl<'a> Renderer<'a> {
    pub fn new(
        config: &'a Config,
        theme: &Theme,
        i18n: Arc<I18n>,
        urls: &'a Urls,
        has_tree: bool,
        diags: &Diagnostics,
    ) -> Result<Self, TemplateFailed> {
        let mut tera = Tera::new();
        t_function::register(&mut tera, &i18n);
        let sources = theme
            .templates
            .iter()
            .map(|(name, (source, _))| (name.as_str(), source.as_str()));
        if let Err(e) = tera.add_raw_templates(sources) {
            diags.push(template_error(&theme.templates, "templates", &e));
            return Err(TemplateFailed);
        }
        let brand_css = config
            .brand
            .as_ref()
            .and_then(|b| b.palette.as_ref())
            .map(crate::brand::stylesheet);
        let assets = hosting::asset_names(
            theme
                .statics
                .iter()
                .map(|(n, b)| (n.as_str(), b.as_slice()))
                .chain(
                    brand_css
                        .as_ref()
                        .map(|c| (crate::brand::STYLESHEET, c.as_bytes())),
                ),
        );
        tera.global_context().insert("assets", &assets);
        let mut renderer = Renderer {
            tera,
            templates: theme.templates.clone(),
            live_reload: false,
            has_tree,
            config,
            i18n,
            urls,
            assets,
            lang_values: Vec::new(),
            dates: Default::default(),
            share_image: share::image(config),
        };
        renderer.lang_values = config
            .languages
            .iter()
            .map(|l| renderer.lang_values_for(l))
            .collect();
        Ok(renderer)
    }

    /// Renders to bytes: the output goes straight to a file, so it is never checked as UTF-8
    /// a second time.
    fn render(&self, template: &str, ctx: &TeraContext, diags: &Diagnostics) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(32 * 1024);
        match self.tera.render_to(template, ctx, &mut out) {
            Ok(()) => Some(out),
            Err(e) => {
                diags.push(template_error(&self.templates, template, &e));
                None
            }
        }
    }

    /// Renders every page kind and hands each file to `out`.
    pub fn render_site(&self, site: &Site, out: &dyn FileSink, diags: &Diagnostics) {
        // The lists are independent of the pages: rendered alongside, they fill the cores
        // while the last pages finish.
        rayon::join(
            || self.render_pages(site, &|_, _| true, out, diags),
            || self.render_lists(site, out, diags),
        );
        self.report_ui_strings(diags);
    }

    /// The pages (own and fallback) whose (language, slug) `which` picks.
    pub fn render_pages(
        &self,
        site: &Site,
        which: &(dyn Fn(&Lang, &str) -> bool + Sync),
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        crate::progress::stage("rendering", site.pages.len() + site.fallbacks.len());
        site.pages
            .par_iter()
            .filter(|p| which(p.lang(), p.slug()))
            .for_each(|page| {
                crate::progress::tick();
                let ctx = self.page_context(site, page, page.lang(), &page.parsed);
                if let Some(html) = self.render("page.html", &ctx, diags) {
                    self.write_page(page.lang(), page.slug(), &html, out, diags);
                }
                self.write_twin(page, page.lang(), &page.parsed, out, diags);
            });
        site.fallbacks
            .par_iter()
            .filter(|f| which(&f.lang, site.pages[f.source].slug()))
            .for_each(|f| {
                crate::progress::tick();
                let page = &site.pages[f.source];
                let ctx = self.page_context(site, page, &f.lang, &f.parsed);
                if let Some(html) = self.render("page.html", &ctx, diags) {
                    self.write_page(&f.lang, page.slug(), &html, out, diags);
                }
                self.write_twin(page, &f.lang, &f.parsed, out, diags);
            });
    }

    /// A page's HTML, `<lang>/<slug>/index.html`.
    fn write_page(
        &self,
        lang: &Lang,
        slug: &str,
        html: &[u8],
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        let path = twins::page_file(lang, slug, "index.html");
        if self.config.twins {
            // A build wrote the page's twin, and so made its folder, while parsing: the
            // file is opened at once instead of making sure of the folder first.
            out.write_beside(&path, html, diags);
        } else {
            out.write(&path, html, diags);
        }
    }

    /// The page's markdown twin, when the site publishes them and the parse kept it (a
    /// one-shot build has written it already, right after the parse).
    fn write_twin(
        &self,
        page: &crate::model::Page,
        reader: &Lang,
        parsed: &crate::parse::ParsedPage,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        if let Some(body) = parsed.twin.as_deref().filter(|_| self.config.twins) {
            let front = twins::front_matter(
                &page.title,
                page.description.as_deref(),
                page.source.front.date,
            );
            twins::write(out, reader, page.slug(), &front, body, diags);
        }
    }

    /// Pages that list or sum up the whole site (language homes, 404s, the chooser, the
    /// status report, the sitemap), then what the UI strings lacked.
    pub fn render_shared(&self, site: &Site, out: &dyn FileSink, diags: &Diagnostics) {
        self.render_lists(site, out, diags);
        self.report_ui_strings(diags);
    }

    fn render_lists(&self, site: &Site, out: &dyn FileSink, diags: &Diagnostics) {
        let status = || {
            if !self.config.status {
                return;
            }
            let report = status::report(site, self.config, &self.i18n);
            out.write(
                "status.json",
                serde_json::to_string_pretty(&report)
                    .unwrap_or_default()
                    .as_bytes(),
                diags,
            );
            let ctx = self.status_context(&report);
            if let Some(html) = self.render("status.html", &ctx, diags) {
                out.write("status/index.html", &html, diags);
            }
        };
        let homes = || {
            self.config.languages.par_iter().for_each(|lang| {
                let dir = Urls::page_path(lang, "");
                if site.translation("", lang).is_none() {
                    let ctx = self.home_context(site, lang, &dir);
                    if let Some(html) = self.render("home.html", &ctx, diags) {
                        out.write(&format!("{dir}index.html"), &html, diags);
                    }
                }
                let ctx = self.not_found_context(lang);
                if let Some(html) = self.render("404.html", &ctx, diags) {
                    out.write(&format!("{dir}404.html"), &html, diags);
                }
                if self.config.twins {
                    let text = twins::llms_txt(site, self.config, &self.i18n, lang);
                    out.write(&format!("{dir}llms.txt"), text.as_bytes(), diags);
                }
            })
        };
        let root = || {
            let ctx = self.chooser_context(site);
            if let Some(html) = self.render("chooser.html", &ctx, diags) {
                out.write("index.html", &html, diags);
            }
            let ctx = self.not_found_context(&self.config.default_language);
            if let Some(html) = self.render("404.html", &ctx, diags) {
                out.write("404.html", &html, diags);
            }
            out.write(
                "sitemap.xml",
                sitemap::sitemap(site, self.config, self.urls).as_bytes(),
                diags,
            );
            out.write("robots.txt", sitemap::robots(self.urls).as_bytes(), diags);
        };
        rayon::join(status, || rayon::join(homes, root));
    }

    /// UI strings that could not be formatted. Those a language lacks were counted when the
    /// strings were loaded (`I18n::report_coverage`), once per language.
    fn report_ui_strings(&self, diags: &Diagnostics) {
        self.i18n.report_broken(diags);
    }
}
