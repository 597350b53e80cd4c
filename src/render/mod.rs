//! Stage 4, render: tera templates with Fluent strings, every page kind into HTML.

pub mod context;
pub mod sitemap;
pub mod theme;

use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context as TeraContext, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location};
use crate::i18n::{Arg, I18n};
use crate::lang::Lang;
use crate::model::{Page, Site};
use crate::urls::Urls;
use crate::write::Output;
use context::*;
use theme::Theme;

pub struct Renderer<'a> {
    tera: Tera,
    config: &'a Config,
    i18n: Arc<I18n>,
    urls: &'a Urls,
}

#[derive(Debug, thiserror::Error)]
#[error("template error")]
pub struct TemplateFailed;

impl<'a> Renderer<'a> {
    pub fn new(config: &'a Config, theme: &Theme, i18n: Arc<I18n>, urls: &'a Urls, diags: &Diagnostics) -> Result<Self, TemplateFailed> {
        let mut tera = Tera::new();
        let fl = Arc::clone(&i18n);
        tera.register_function("t", move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang: String = state.get("lang")?.unwrap_or_else(|| "en".to_string());
            let mut args = Vec::new();
            for (k, v) in kwargs.iter() {
                let Some(name) = k.as_str() else { continue };
                if name == "key" {
                    continue;
                }
                let arg = match v.as_f64().or_else(|| v.as_i64().map(|n| n as f64)) {
                    Some(n) => Arg::Num(n),
                    None => Arg::Str(v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())),
                };
                args.push((name.to_string(), arg));
            }
            let borrowed: Vec<(&str, Arg)> = args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
            fl.text(&Lang::new_unchecked(&lang), &key, &borrowed).map_err(|e| tera::Error::message(e.to_string()))
        });
        let sources = theme.templates.iter().map(|(name, (source, _))| (name.as_str(), source.as_str()));
        if let Err(e) = tera.add_raw_templates(sources) {
            // tera names the template in its message; point at the file it came from.
            let path = theme.templates.iter().find(|(name, _)| e.to_string().contains(&format!("'{name}'")))
                .map_or_else(|| std::path::PathBuf::from("templates"), |(_, (_, p))| p.clone());
            diags.push(template_error(&path, &e));
            return Err(TemplateFailed);
        }
        Ok(Renderer { tera, config, i18n, urls })
    }

    fn render(&self, template: &str, ctx: &TeraContext, diags: &Diagnostics) -> Option<String> {
        match self.tera.render(template, ctx) {
            Ok(html) => Some(html),
            Err(e) => {
                diags.push(template_error(std::path::Path::new(&format!("templates/{template}")), &e));
                None
            }
        }
    }

    /// Renders every page kind and hands each file to `out`.
    pub fn render_site(&self, site: &Site, out: &Output, diags: &Diagnostics) {
        site.pages.par_iter().for_each(|page| {
            let dir = Urls::page_path(page.lang(), page.slug());
            let ctx = self.page_context(site, page, &dir);
            if let Some(html) = self.render("page.html", &ctx, diags) {
                out.write(&format!("{dir}index.html"), html.as_bytes(), diags);
            }
        });
        self.config.languages.par_iter().for_each(|lang| {
            let dir = Urls::page_path(lang, "");
            if site.translation("", lang).is_none() {
                let ctx = self.home_context(site, lang, &dir);
                if let Some(html) = self.render("home.html", &ctx, diags) {
                    out.write(&format!("{dir}index.html"), html.as_bytes(), diags);
                }
            }
            let ctx = self.not_found_context(lang);
            if let Some(html) = self.render("404.html", &ctx, diags) {
                out.write(&format!("{dir}404.html"), html.as_bytes(), diags);
            }
        });
        let ctx = self.chooser_context(site);
        if let Some(html) = self.render("chooser.html", &ctx, diags) {
            out.write("index.html", html.as_bytes(), diags);
        }
        let ctx = self.not_found_context(&self.config.default_language);
        if let Some(html) = self.render("404.html", &ctx, diags) {
            out.write("404.html", html.as_bytes(), diags);
        }
        out.write("sitemap.xml", sitemap::sitemap(site, self.config, self.urls).as_bytes(), diags);
        out.write("robots.txt", sitemap::robots(self.urls).as_bytes(), diags);
        for (lang, key) in self.i18n.take_missing() {
            diags.push(Diagnostic::warning(Kind::Locale, Some(Location::new(std::path::Path::new("locales").join(lang.as_str()), 1, 1)),
                format!("UI string `{key}` missing in {lang}; English shown")).with_hint(format!("add `{key}` to a .ftl file in locales/{lang}/")));
        }
    }

    fn common(&self, lang: &Lang, title: String, from: &str, switcher: Vec<SwitchItem>, alternates: Vec<Alternate>) -> Common {
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
        }
    }

    fn context(&self, common: &Common) -> TeraContext {
        let mut ctx = TeraContext::from_serialize(common).unwrap_or_default();
        ctx.insert("site_title", &self.i18n.label(&Lang::new_unchecked(&common.lang), "site-title"));
        ctx
    }

    fn page_context(&self, site: &Site, page: &Page, dir: &str) -> TeraContext {
        let lang = page.lang();
        let translations = site.translations.get(page.slug());
        let has = |l: &Lang| translations.is_some_and(|t| t.contains_key(l));
        let switcher = self.config.languages.iter().map(|l| SwitchItem {
            lang: l.to_string(),
            name: l.autonym().to_string(),
            href: has(l).then(|| self.urls.relative(dir, &Urls::page_path(l, page.slug()))),
            current: l == lang,
        }).collect();
        let mut alternates: Vec<Alternate> = self.config.languages.iter().filter(|l| has(l)).map(|l| Alternate {
            hreflang: l.to_string(),
            href: self.urls.absolute(&Urls::page_path(l, page.slug())),
        }).collect();
        let x_default = [&self.config.default_language].into_iter().chain(self.config.languages.iter()).find(|l| has(l));
        if let Some(l) = x_default {
            alternates.push(Alternate { hreflang: "x-default".into(), href: self.urls.absolute(&Urls::page_path(l, page.slug())) });
        }
        let mut common = self.common(lang, page.title.clone(), dir, switcher, alternates);
        common.description = page.source.front.description.clone();
        let mut crumbs = vec![Crumb { title: self.i18n.label(lang, "breadcrumb-home"), href: Some(common.home_url.clone()) }];
        let parts: Vec<&str> = page.slug().split('/').collect();
        for n in 1..parts.len() {
            let parent = parts[..n].join("/");
            if let Some(p) = site.translation(&parent, lang) {
                crumbs.push(Crumb { title: p.title.clone(), href: Some(self.urls.relative(dir, &Urls::page_path(lang, &parent))) });
            }
        }
        crumbs.push(Crumb { title: page.title.clone(), href: None });
        let view = PageView {
            slug: page.slug(),
            content: &page.parsed.html,
            show_title: page.parsed.h1.is_none(),
            toc: &page.parsed.toc,
            updated: page.source.front.date.map(|d| DateView { iso: d.iso(), text: self.i18n.date(lang, d) }),
            reading_minutes: page.reading_minutes(self.config.reading_speed),
            breadcrumbs: crumbs,
            section: &page.section,
            meta: &page.source.front.extra,
        };
        let mut ctx = self.context(&common);
        ctx.insert("page", &view);
        ctx
    }

    fn home_context(&self, site: &Site, lang: &Lang, dir: &str) -> TeraContext {
        let switcher = self.config.languages.iter().map(|l| SwitchItem {
            lang: l.to_string(),
            name: l.autonym().to_string(),
            href: Some(self.urls.relative(dir, &Urls::page_path(l, ""))),
            current: l == lang,
        }).collect();
        let mut alternates: Vec<Alternate> = self.config.languages.iter().map(|l| Alternate {
            hreflang: l.to_string(),
            href: self.urls.absolute(&Urls::page_path(l, "")),
        }).collect();
        alternates.push(Alternate { hreflang: "x-default".into(), href: self.urls.absolute("") });
        let title = self.i18n.label(lang, "home-title");
        let common = self.common(lang, title, dir, switcher, alternates);
        let sections: Vec<SectionView> = self.config.sections.iter().map(|rule| {
            let mut pages: Vec<&Page> = site.pages_in(lang).filter(|p| p.section == rule.id && !p.slug().is_empty()).collect();
            pages.sort_by_key(|p| p.title.to_lowercase());
            SectionView {
                id: rule.id.clone(),
                pages: pages.into_iter().map(|p| PageLink {
                    title: p.title.clone(),
                    description: p.source.front.description.clone(),
                    href: self.urls.relative(dir, &Urls::page_path(lang, p.slug())),
                }).collect(),
            }
        }).collect();
        let mut ctx = self.context(&common);
        ctx.insert("sections", &sections);
        ctx
    }

    fn chooser_context(&self, site: &Site) -> TeraContext {
        let lang = &self.config.default_language;
        let languages: Vec<ChooserItem> = self.config.languages.iter().map(|l| ChooserItem {
            lang: l.to_string(),
            name: l.autonym().to_string(),
            href: self.urls.relative("", &Urls::page_path(l, "")),
            page_count: site.pages_in(l).count(),
        }).collect();
        let alternates = self.config.languages.iter().map(|l| Alternate { hreflang: l.to_string(), href: self.urls.absolute(&Urls::page_path(l, "")) })
            .chain(std::iter::once(Alternate { hreflang: "x-default".into(), href: self.urls.absolute("") })).collect();
        let common = self.common(lang, self.i18n.label(lang, "site-title"), "", Vec::new(), alternates);
        let mut ctx = self.context(&common);
        ctx.insert("languages", &languages);
        // Each language's card greets the reader in that language.
        let titles: std::collections::BTreeMap<String, (String, String)> = self.config.languages.iter()
            .map(|l| (l.to_string(), (self.i18n.label(l, "site-title"), self.i18n.label(l, "chooser-title")))).collect();
        ctx.insert("greetings", &titles);
        ctx
    }

    /// 404 pages are served at any URL, so their links start from the host's root.
    fn not_found_context(&self, lang: &Lang) -> TeraContext {
        let root = self.urls.root_path();
        let switcher = self.config.languages.iter().map(|l| SwitchItem {
            lang: l.to_string(),
            name: l.autonym().to_string(),
            href: Some(format!("{root}{}", Urls::page_path(l, ""))),
            current: l == lang,
        }).collect();
        let mut common = self.common(lang, self.i18n.label(lang, "not-found-title"), "", switcher, Vec::new());
        common.canonical = None;
        common.root_url = root.clone();
        common.home_url = format!("{root}{}", Urls::page_path(lang, ""));
        common.static_url = format!("{root}static/");
        common.robots = Some("noindex");
        self.context(&common)
    }
}

fn template_error(path: &std::path::Path, e: &tera::Error) -> Diagnostic {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error(Kind::Template, Some(Location::new(path, 1, 1)), message)
        .with_hint("fix the template; the built-in ones in themes/default/templates show the variables available")
}
