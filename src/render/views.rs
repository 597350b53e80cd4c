//! View-model builders: the typed context each page kind's template gets.

use tera::{Context as TeraContext, Value};

use super::context::*;
use super::{Renderer, feedback, search, share, status, tree};
use crate::lang::Lang;
use crate::load::{Origin, TranslationType};
use crate::model::{Page, Site};
use crate::parse::ParsedPage;
use crate::urls::Urls;

impl Renderer<'_> {
    pub(super) fn common(
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
            og_type: "website",
        }
    }

    /// The tera context of `common`, with the share preview, the site's name and the brand.
    /// Built field by field with static keys: what is the same on every page of a language
    /// is cloned from [`LangValues`], made once.
    pub(super) fn context(&self, common: &Common) -> TeraContext {
        let lang = Lang::new_unchecked(&common.lang);
        let own;
        let lv = match self.lang_values.iter().find(|v| v.lang == lang) {
            Some(v) => v,
            None => {
                own = self.lang_values_for(&lang);
                &own
            }
        };
        let mut ctx = TeraContext::new();
        ctx.insert_value("lang", lv.code.clone());
        ctx.insert_value("title", text(&common.title));
        ctx.insert_value("description", opt_text(common.description.as_deref()));
        ctx.insert_value("canonical", opt_text(common.canonical.as_deref()));
        ctx.insert("alternates", &common.alternates);
        ctx.insert("switcher", &common.switcher);
        ctx.insert_value("root_url", text(&common.root_url));
        ctx.insert_value("home_url", text(&common.home_url));
        ctx.insert_value("static_url", text(&common.static_url));
        ctx.insert_value("robots", opt_text(common.robots));
        ctx.insert_value("status_url", opt_text(common.status_url.as_deref()));
        ctx.insert_value("tree_url", opt_text(common.tree_url.as_deref()));
        ctx.insert_value("search_url", opt_text(common.search_url.as_deref()));
        ctx.insert_value("og_type", Value::safe_string(common.og_type));
        ctx.insert(
            "share",
            &share::share(common, self.config, self.share_image.as_deref()),
        );
        ctx.insert_value("live_reload", Value::from(self.live_reload));
        ctx.insert_value("site_title", lv.site_title.clone());
        if let Some(brand) = &self.config.brand {
            let up_to_root = common
                .static_url
                .strip_suffix("static/")
                .unwrap_or(&common.static_url);
            ctx.insert("brand", &BrandView::new(brand, &lang, up_to_root));
        }
        ctx
    }

    /// A date as `lang` writes it; pages share few dates, so each is formatted once.
    fn date_text(&self, lang: &Lang, date: crate::date::Date) -> String {
        let key = (lang.clone(), date);
        if let Some(text) = self.dates.read().ok().and_then(|m| m.get(&key).cloned()) {
            return text;
        }
        let text = self.i18n.date(lang, date);
        if let Ok(mut m) = self.dates.write() {
            m.insert(key, text.clone());
        }
        text
    }

    /// What every page in `lang` shows the same way.
    pub(super) fn lang_values_for(&self, lang: &Lang) -> LangValues {
        LangValues {
            lang: lang.clone(),
            code: text(lang.as_str()),
            site_title: text(&self.site_title(lang)),
        }
    }

    /// The site's name in `lang`: the brand's, else the `site-title` string.
    pub(super) fn site_title(&self, lang: &Lang) -> String {
        self.config
            .brand
            .as_ref()
            .and_then(|b| b.name_in(lang))
            .map_or_else(|| self.i18n.label(lang, "site-title"), str::to_string)
    }

    /// The language switcher: an entry per site language; `link` gives each its href and
    /// whether that language shows a fallback there.
    pub(super) fn switcher(
        &self,
        current: &Lang,
        link: impl Fn(&Lang) -> (String, bool),
    ) -> Vec<SwitchItem> {
        self.config
            .languages
            .iter()
            .map(|l| {
                let (href, fallback) = link(l);
                SwitchItem {
                    lang: l.to_string(),
                    name: l.autonym().to_string(),
                    href: Some(href),
                    current: l == current,
                    fallback,
                }
            })
            .collect()
    }

    pub(super) fn lang_link(&self, from: &str, page: &Page) -> LangLink {
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
    pub(super) fn page_context(
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
        let switcher = self.switcher(reader, |l| {
            let href = self.urls.relative(dir, &Urls::page_path(l, page.slug()));
            (href, !has(l))
        });
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
        common.og_type = "article";
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
        let machine = front.translation_type == Some(TranslationType::Machine);
        let notices = Notices {
            machine,
            originals: parsed.has_originals(),
            english: en
                .filter(|en| {
                    front.translation_type == Some(TranslationType::Machine)
                        && !parsed.has_originals()
                        && *en != page.lang()
                })
                .and_then(|en| site.translation(page.slug(), en))
                .map(|p| self.lang_link(dir, p)),
            stale: page
                .newer
                .filter(|_| page.outdated())
                .map(|i| self.lang_link(dir, &site.pages[i])),
            drift: page
                .drift
                .as_ref()
                .filter(|_| page.outdated())
                .map(|d| DriftNotice {
                    changed: d.changed.len() + d.removed.len(),
                    total: d.total,
                    new: d
                        .new
                        .iter()
                        .map(|p| crate::parse::markdown_plain_text(p))
                        .collect(),
                }),
            fallback_from: is_fallback.then(|| page.lang().to_string()),
            reconstructed_from: match &page.source.origin {
                Origin::Reconstructed { from } => site
                    .translation(page.slug(), from)
                    .map(|p| self.lang_link(dir, p)),
                Origin::Written => None,
            },
        };
        let marked = page.drift.as_ref().filter(|_| page.outdated()).map(|d| {
            super::drift::mark(
                &parsed.html,
                &page.parsed.segments,
                d,
                &self.i18n.label(reader, "changed-in-english"),
                &self.i18n.label(reader, "removed-in-english"),
            )
        });
        let (content, feedback) = match &self.config.feedback {
            Some(fb) => {
                let subject = self
                    .i18n
                    .text(
                        reader,
                        "feedback-mail-subject",
                        &[("title", crate::i18n::Arg::Str(page.title.clone()))],
                    )
                    .unwrap_or_else(|_| page.title.clone());
                let url = self.urls.absolute(dir);
                let about = feedback::About {
                    slug: page.slug(),
                    lang: reader.as_str(),
                    url: &url,
                    subject: &subject,
                };
                let label = self.i18n.label(reader, "feedback-report-passage");
                let content = feedback::with_passage_links(
                    marked.as_deref().unwrap_or(&parsed.html),
                    &parsed.passages,
                    |p| feedback::passage_report(fb, &about, &p.translation, &p.english),
                    &label,
                    reader.as_str(),
                );
                let view = PageFeedback {
                    links: feedback::links(fb, &about),
                    translation: machine.then(|| feedback::translation_report(fb, &about)),
                };
                (content, Some(view))
            }
            None => (
                std::borrow::Cow::Borrowed(marked.as_deref().unwrap_or(&parsed.html)),
                None,
            ),
        };
        // An edit to a page that an export or the build made would be overwritten by the next
        // export or build: only pages written here get the link.
        let edit_url = self.config.edit_url.as_ref().filter(|_| {
            !is_fallback
                && page.source.origin == Origin::Written
                && front.translation_type.is_none()
        });
        let edit_url = edit_url.map(|pattern| {
            let path = source_path(&page.source.path, page.slug());
            pattern
                .replace("{lang}", page.lang().as_str())
                .replace("{path}", &crate::urls::encode_path(&path))
        });
        let view = PageView {
            slug: page.slug(),
            content,
            feedback,
            edit_url,
            show_title: parsed.h1.is_none(),
            toc: &parsed.toc,
            updated: front.date.map(|d| DateView {
                iso: d.iso(),
                text: self.date_text(reader, d),
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
                    text: self.date_text(reader, d),
                }),
            meta: &front.extra,
        };
        let mut ctx = self.context(&common);
        ctx.insert("page", &view);
        ctx
    }

    pub(super) fn home_context(&self, site: &Site, lang: &Lang, dir: &str) -> TeraContext {
        let switcher = self.switcher(lang, |l| {
            (self.urls.relative(dir, &Urls::page_path(l, "")), false)
        });
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

    pub(super) fn chooser_context(&self, site: &Site) -> TeraContext {
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
        let mut common = self.common(lang, self.site_title(lang), "", Vec::new(), alternates);
        common.description = Some(self.i18n.label(lang, "site-tagline"));
        let mut ctx = self.context(&common);
        ctx.insert("languages", &languages);
        // Each language's card greets the reader in that language.
        let greetings: std::collections::BTreeMap<String, Greeting> = self
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.to_string(),
                    Greeting {
                        site_title: self.site_title(l),
                        chooser_title: self.i18n.label(l, "chooser-title"),
                    },
                )
            })
            .collect();
        ctx.insert("greetings", &greetings);
        ctx
    }

    /// 404 pages are served at any URL, so their links start from the host's root.
    pub(super) fn not_found_context(&self, lang: &Lang) -> TeraContext {
        let root = self.urls.root_path();
        let switcher = self.switcher(lang, |l| {
            (format!("{root}{}", Urls::page_path(l, "")), false)
        });
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

    pub(super) fn status_context(&self, report: &status::Report) -> TeraContext {
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

/// A page's file inside its language folder, `/`-separated: `a/b.md`, `a/index.md`.
fn source_path(path: &std::path::Path, slug: &str) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "index.md".into(), |n| n.to_string_lossy());
    let is_index = path
        .file_stem()
        .is_some_and(|s| s.eq_ignore_ascii_case("index"));
    let dir = if is_index {
        slug
    } else {
        slug.rsplit_once('/').map_or("", |(d, _)| d)
    };
    if dir.is_empty() {
        name.into_owned()
    } else {
        format!("{dir}/{name}")
    }
}
