//! Stage 4, render: tera templates with Fluent strings, every page kind into HTML.

pub mod context;
pub mod search;
pub mod sitemap;
pub mod theme;
pub mod tree;

use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context as TeraContext, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::hashing::FastMap;
use crate::i18n::{Arg, I18n};
use crate::lang::Lang;
use crate::load::{Origin, TranslationType};
use crate::model::{Page, Site};
use crate::parse::ParsedPage;
use crate::urls::Urls;
use crate::write::Output;
use context::*;
use theme::Theme;

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
        let fl = Arc::clone(&i18n);
        // Strings without variables go to templates as ready tera values: a page asks for
        // a few dozen, and a clone of a ready value does not allocate.
        let mut plain: FastMap<String, FastMap<String, tera::Value>> = FastMap::default();
        for (lang, key, text) in i18n.plain_texts() {
            plain
                .entry(lang.to_string())
                .or_default()
                .insert(key.to_string(), tera::Value::from(text));
        }
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> TeraResult<tera::Value> {
                let key: &str = kwargs.must_get("key")?;
                let lang_value: Option<tera::Value> = state.get("lang")?;
                let lang = lang_value
                    .as_ref()
                    .and_then(tera::Value::as_str)
                    .unwrap_or("en");
                if kwargs.iter().count() == 1
                    && let Some(text) = plain.get(lang).and_then(|texts| texts.get(key))
                {
                    return Ok(text.clone());
                }
                let mut args = Vec::new();
                for (k, v) in kwargs.iter() {
                    let Some(name) = k.as_str() else { continue };
                    if name == "key" {
                        continue;
                    }
                    let arg = match v.as_f64().or_else(|| v.as_i64().map(|n| n as f64)) {
                        Some(n) => Arg::Num(n),
                        None => Arg::Str(
                            v.as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| v.to_string()),
                        ),
                    };
                    args.push((name.to_string(), arg));
                }
                let borrowed: Vec<(&str, Arg)> =
                    args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
                fl.text(&Lang::new_unchecked(lang), key, &borrowed)
                    .map(tera::Value::from)
                    .map_err(|e| tera::Error::message(e.to_string()))
            },
        );
        let sources = theme
            .templates
            .iter()
            .map(|(name, (source, _))| (name.as_str(), source.as_str()));
        if let Err(e) = tera.add_raw_templates(sources) {
            diags.push(template_error(&theme.templates, "templates", &e));
            return Err(TemplateFailed);
        }
        Ok(Renderer {
            tera,
            templates: theme.templates.clone(),
            live_reload: false,
            has_tree,
            config,
            i18n,
            urls,
        })
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
    pub fn render_site(&self, site: &Site, out: &Output, diags: &Diagnostics) {
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
        out: &Output,
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
                    out.write(
                        &format!("{}index.html", Urls::page_path(page.lang(), page.slug())),
                        &html,
                        diags,
                    );
                }
            });
        site.fallbacks
            .par_iter()
            .filter(|f| which(&f.lang, site.pages[f.source].slug()))
            .for_each(|f| {
                crate::progress::tick();
                let page = &site.pages[f.source];
                let ctx = self.page_context(site, page, &f.lang, &f.parsed);
                if let Some(html) = self.render("page.html", &ctx, diags) {
                    out.write(
                        &format!("{}index.html", Urls::page_path(&f.lang, page.slug())),
                        &html,
                        diags,
                    );
                }
            });
    }

    /// Pages that list or sum up the whole site (language homes, 404s, the chooser, the
    /// status report, the sitemap), then what the UI strings lacked.
    pub fn render_shared(&self, site: &Site, out: &Output, diags: &Diagnostics) {
        self.render_lists(site, out, diags);
        self.report_ui_strings(diags);
    }

    fn render_lists(&self, site: &Site, out: &Output, diags: &Diagnostics) {
        let status = || {
            if !self.config.status {
                return;
            }
            let report = crate::translations::status::report(site, self.config, &self.i18n);
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

    /// UI strings that could not be formatted, or were missing and shown in English.
    fn report_ui_strings(&self, diags: &Diagnostics) {
        self.i18n.report_broken(diags);
        for (lang, key) in self.i18n.take_missing() {
            diags.push(
                Diagnostic::warning(
                    Kind::Locale,
                    Some(Location::new(
                        std::path::Path::new("locales").join(lang.as_str()),
                        1,
                        1,
                    )),
                    format!("UI string `{key}` missing in {lang}; English shown"),
                )
                .with_hint(format!("add `{key}` to a .ftl file in locales/{lang}/")),
            );
        }
    }

    fn common(
        &self,
        lang: &Lang,
        title: String,
        from: &str,
        switcher: Vec<SwitchItem>,
        alternates: Vec<Alternate>,
    ) -> Common {
        Common {
            lang: lang.to_string(),
            title,
            description: None,
            canonical: Some(self.urls.absolute(from)),
            alternates,
            switcher,
            root_url: self.urls.relative(from, ""),
            home_url: self.urls.relative(from, &Urls::page_path(lang, "")),
            static_url: format!("{}static/", Urls::up_to_root(from)),
            robots: None,
            status_url: self
                .config
                .status
                .then(|| self.urls.relative(from, "status/")),
            tree_url: self
                .has_tree
                .then(|| self.urls.relative(from, &tree::tree_dir(lang))),
            search_url: self
                .config
                .search
                .then(|| self.urls.relative(from, &search::search_dir(lang))),
        }
    }

    fn context(&self, common: &Common) -> TeraContext {
        let mut ctx = TeraContext::from_serialize(common).unwrap_or_default();
        ctx.insert("live_reload", &self.live_reload);
        ctx.insert(
            "site_title",
            &self
                .i18n
                .label(&Lang::new_unchecked(&common.lang), "site-title"),
        );
        ctx
    }

    fn switch_item(
        &self,
        l: &Lang,
        current: &Lang,
        href: Option<String>,
        fallback: bool,
    ) -> SwitchItem {
        SwitchItem {
            lang: l.to_string(),
            name: l.autonym().to_string(),
            href,
            current: l == current,
            fallback,
        }
    }

    fn lang_link(&self, from: &str, page: &Page) -> LangLink {
        LangLink {
            href: self
                .urls
                .relative(from, &Urls::page_path(page.lang(), page.slug())),
            lang: page.lang().to_string(),
            name: page.lang().autonym().to_string(),
        }
    }

    /// A page in the folder of language `reader`: its own translation, or a fallback showing
    /// another language's page (`parsed` is then the copy parsed for the reader's links).
    fn page_context(
        &self,
        site: &Site,
        page: &Page,
        reader: &Lang,
        parsed: &ParsedPage,
    ) -> TeraContext {
        let dir = Urls::page_path(reader, page.slug());
        let dir = dir.as_str();
        let is_fallback = page.lang() != reader;
        let translations = site.translations.get(page.slug());
        let has = |l: &Lang| translations.is_some_and(|t| t.contains_key(l));
        let switcher = self
            .config
            .languages
            .iter()
            .map(|l| {
                self.switch_item(
                    l,
                    reader,
                    Some(self.urls.relative(dir, &Urls::page_path(l, page.slug()))),
                    !has(l),
                )
            })
            .collect();
        // Alternates name real translations only; a fallback's canonical is the page it shows.
        let mut alternates = Vec::new();
        if !is_fallback {
            alternates = self
                .config
                .languages
                .iter()
                .filter(|l| has(l))
                .map(|l| Alternate {
                    hreflang: l.to_string(),
                    href: self.urls.absolute(&Urls::page_path(l, page.slug())),
                })
                .collect();
            let x_default = [&self.config.default_language]
                .into_iter()
                .chain(self.config.languages.iter())
                .find(|l| has(l));
            if let Some(l) = x_default {
                alternates.push(Alternate {
                    hreflang: "x-default".into(),
                    href: self.urls.absolute(&Urls::page_path(l, page.slug())),
                });
            }
        }
        let mut common = self.common(reader, page.title.clone(), dir, switcher, alternates);
        common.canonical = Some(
            self.urls
                .absolute(&Urls::page_path(page.lang(), page.slug())),
        );
        common.description = page.description.clone();
        let mut crumbs = vec![Crumb {
            title: self.i18n.label(reader, "breadcrumb-home"),
            href: Some(common.home_url.clone()),
        }];
        let parts: Vec<&str> = page.slug().split('/').collect();
        for n in 1..parts.len() {
            let parent = parts[..n].join("/");
            let shown = site.translation(&parent, reader).or_else(|| {
                site.fallback(&parent, reader)
                    .map(|f| &site.pages[f.source])
            });
            if let Some(p) = shown {
                crumbs.push(Crumb {
                    title: p.title.clone(),
                    href: Some(self.urls.relative(dir, &Urls::page_path(reader, &parent))),
                });
            }
        }
        crumbs.push(Crumb {
            title: page.title.clone(),
            href: None,
        });
        let front = &page.source.front;
        let en = self.config.lang("en");
        let notices = Notices {
            machine: front.translation_type == Some(TranslationType::Machine),
            originals: parsed.has_originals(),
            english: en
                .filter(|en| {
                    front.translation_type == Some(TranslationType::Machine)
                        && !parsed.has_originals()
                        && *en != page.lang()
                })
                .and_then(|en| site.translation(page.slug(), en))
                .map(|p| self.lang_link(dir, p)),
            stale: page.newer.map(|i| self.lang_link(dir, &site.pages[i])),
            fallback_from: is_fallback.then(|| page.lang().to_string()),
            reconstructed_from: match &page.source.origin {
                Origin::Reconstructed { from } => site
                    .translation(page.slug(), from)
                    .map(|p| self.lang_link(dir, p)),
                Origin::Written => None,
            },
        };
        let view = PageView {
            slug: page.slug(),
            content: &parsed.html,
            show_title: parsed.h1.is_none(),
            toc: &parsed.toc,
            updated: front.date.map(|d| DateView {
                iso: d.iso(),
                text: self.i18n.date(reader, d),
            }),
            reading_minutes: page.reading_minutes(self.config.reading_speed),
            breadcrumbs: crumbs,
            section: &page.section,
            content_lang: page.lang().as_str(),
            notices,
            delivered: front
                .last_handoff
                .filter(|_| front.translation_type.is_some())
                .map(|d| DateView {
                    iso: d.iso(),
                    text: self.i18n.date(reader, d),
                }),
            meta: &front.extra,
        };
        let mut ctx = self.context(&common);
        ctx.insert("page", &view);
        ctx
    }

    fn home_context(&self, site: &Site, lang: &Lang, dir: &str) -> TeraContext {
        let switcher = self
            .config
            .languages
            .iter()
            .map(|l| {
                self.switch_item(
                    l,
                    lang,
                    Some(self.urls.relative(dir, &Urls::page_path(l, ""))),
                    false,
                )
            })
            .collect();
        let mut alternates: Vec<Alternate> = self
            .config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.to_string(),
                href: self.urls.absolute(&Urls::page_path(l, "")),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: self.urls.absolute(""),
        });
        let title = self.i18n.label(lang, "home-title");
        let mut common = self.common(lang, title, dir, switcher, alternates);
        common.description = Some(self.i18n.label(lang, "site-tagline"));
        let sections: Vec<SectionView> = self
            .config
            .sections
            .iter()
            .map(|rule| {
                // The reader's own pages, then the pages only other languages have, shown as
                // the fallbacks a link leads to.
                let own = site.pages_in(lang).map(|p| (p, false));
                let others = site
                    .fallbacks
                    .iter()
                    .filter(|f| &f.lang == lang)
                    .map(|f| (&site.pages[f.source], true));
                let mut pages: Vec<(&Page, bool)> = own
                    .chain(others)
                    .filter(|(p, _)| p.section == rule.id && !p.slug().is_empty())
                    .collect();
                pages.sort_by_cached_key(|(p, fallback)| (*fallback, p.title.to_lowercase()));
                SectionView {
                    id: rule.id.clone(),
                    translated: pages.iter().filter(|(_, f)| !f).count(),
                    pages: pages
                        .into_iter()
                        .map(|(p, fallback)| PageLink {
                            title: p.title.clone(),
                            description: p.description.clone(),
                            href: self.urls.relative(dir, &Urls::page_path(lang, p.slug())),
                            lang: p.lang().to_string(),
                            fallback,
                        })
                        .collect(),
                }
            })
            .collect();
        let mut ctx = self.context(&common);
        ctx.insert("sections", &sections);
        ctx
    }

    fn chooser_context(&self, site: &Site) -> TeraContext {
        let lang = &self.config.default_language;
        let languages: Vec<ChooserItem> = self
            .config
            .languages
            .iter()
            .map(|l| ChooserItem {
                lang: l.to_string(),
                name: l.autonym().to_string(),
                href: self.urls.relative("", &Urls::page_path(l, "")),
                page_count: site.pages_in(l).count(),
            })
            .collect();
        let alternates = self
            .config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.to_string(),
                href: self.urls.absolute(&Urls::page_path(l, "")),
            })
            .chain(std::iter::once(Alternate {
                hreflang: "x-default".into(),
                href: self.urls.absolute(""),
            }))
            .collect();
        let mut common = self.common(
            lang,
            self.i18n.label(lang, "site-title"),
            "",
            Vec::new(),
            alternates,
        );
        common.description = Some(self.i18n.label(lang, "site-tagline"));
        let mut ctx = self.context(&common);
        ctx.insert("languages", &languages);
        // Each language's card greets the reader in that language.
        let titles: std::collections::BTreeMap<String, (String, String)> = self
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.to_string(),
                    (
                        self.i18n.label(l, "site-title"),
                        self.i18n.label(l, "chooser-title"),
                    ),
                )
            })
            .collect();
        ctx.insert("greetings", &titles);
        ctx
    }

    /// 404 pages are served at any URL, so their links start from the host's root.
    fn not_found_context(&self, lang: &Lang) -> TeraContext {
        let root = self.urls.root_path();
        let switcher = self
            .config
            .languages
            .iter()
            .map(|l| {
                self.switch_item(
                    l,
                    lang,
                    Some(format!("{root}{}", Urls::page_path(l, ""))),
                    false,
                )
            })
            .collect();
        let mut common = self.common(
            lang,
            self.i18n.label(lang, "not-found-title"),
            "",
            switcher,
            Vec::new(),
        );
        common.canonical = None;
        common.root_url = root.clone();
        common.home_url = format!("{root}{}", Urls::page_path(lang, ""));
        common.static_url = format!("{root}static/");
        common.robots = Some("noindex");
        common.status_url = None;
        common.tree_url = self
            .has_tree
            .then(|| format!("{root}{}", tree::tree_dir(lang)));
        common.search_url = self
            .config
            .search
            .then(|| format!("{root}{}", search::search_dir(lang)));
        self.context(&common)
    }

    fn status_context(&self, report: &crate::translations::status::Report) -> TeraContext {
        let lang = &self.config.default_language;
        let switcher = Vec::new();
        let mut common = self.common(
            lang,
            self.i18n.label(lang, "status-title"),
            "status/",
            switcher,
            Vec::new(),
        );
        common.robots = Some("noindex");
        let mut ctx = self.context(&common);
        ctx.insert("report", report);
        ctx
    }
}

/// A tera error as a diagnostic at the template file, line and column tera names
/// (` --> page.html:4:21`), with tera's source excerpt kept in the message.
fn template_error(
    templates: &std::collections::BTreeMap<String, (String, std::path::PathBuf)>,
    fallback: &str,
    e: &tera::Error,
) -> Diagnostic {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    let position = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .and_then(|at| {
            let mut parts = at.rsplitn(3, ':');
            let column = parts.next()?.trim().parse::<usize>().ok()?;
            let line = parts.next()?.trim().parse::<usize>().ok()?;
            Some((parts.next()?.to_string(), line, column))
        });
    let (name, line, column) = position.unwrap_or_else(|| (fallback.to_string(), 1, 1));
    let path = templates.get(&name).map_or_else(
        || std::path::Path::new("templates").join(&name),
        |(_, p)| p.clone(),
    );
    let message = text.trim_start_matches("error: ").to_string();
    Diagnostic::error(Kind::Template, Some(Location::new(path, line, column)), format!("template: {message}"))
        .with_hint("fix the template; the built-in ones in themes/default/templates show the variables available")
}
