//! The decision tree's pages: one per question and outcome (stable URLs to share), one per
//! walk through the tree (with the answers so far, so back and "change" work without
//! JavaScript), and an overview with a diagram.

mod handoff;
mod svg;

use std::collections::HashMap;

use serde::Serialize;
use tera::Context as TeraContext;

use super::Renderer;
use super::context::Common;
use crate::diag::Diagnostics;
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::model::Site;
use crate::render::FileSink;
use crate::tree::{AnswerPath, Handler, Node, TREE_SLUG, Tree};
use crate::urls::Urls;

#[derive(Debug, Serialize)]
struct OptionView {
    text: String,
    href: String,
}

#[derive(Debug, Serialize)]
struct AnswerView {
    question: String,
    answer: String,
    change_href: String,
}

#[derive(Debug, Serialize)]
struct PageRef {
    title: String,
    href: String,
    lang: String,
}

#[derive(Debug, Serialize)]
struct TimeView {
    label: String,
    time: String,
}

#[derive(Debug, Serialize)]
struct ContactView {
    name: String,
    support_url: Option<String>,
    email: Option<String>,
    /// `mailto:` of `email`, encoded.
    email_href: Option<String>,
    phone: Option<String>,
    hours: Option<String>,
    languages: Vec<String>,
    paid: Option<bool>,
}

#[derive(Debug, Serialize)]
struct NodeView {
    id: String,
    is_outcome: bool,
    is_start: bool,
    /// Question text, or the outcome's title.
    heading: String,
    hint: Option<String>,
    options: Vec<OptionView>,
    handler: Option<String>,
    handler_kind: Option<String>,
    summary: Option<String>,
    steps: Vec<String>,
    pages: Vec<PageRef>,
    response_times: Vec<TimeView>,
    /// The outcome sends the reader to their partner.
    contact: bool,
    partner: Option<ContactView>,
    answers: Vec<AnswerView>,
    back_href: Option<String>,
    start_href: String,
    overview_href: String,
    /// The request summary, on outcome pages.
    handoff: Option<handoff::HandoffView>,
}

#[derive(Debug, Serialize)]
struct OverviewItem {
    id: String,
    text: String,
    href: String,
    is_outcome: bool,
    options: Vec<OverviewOption>,
}

/// One answer under a question in the overview's outline.
#[derive(Debug, Serialize)]
struct OverviewOption {
    /// The answer's text.
    answer: String,
    /// The text of the question or outcome it leads to, and its place in the outline.
    next: String,
    href: String,
}

/// A colour of the overview's diagram and the handler it stands for.
#[derive(Debug, Serialize)]
struct LegendItem {
    /// The handler's name in CSS classes (`sp-diagram-partner`).
    kind: String,
    label: String,
}

/// What every page of the tree is made from.
struct TreeInputs<'a> {
    site: &'a Site,
    tree: &'a Tree,
    /// The node each list of answers (a walk) leads to.
    by_choices: HashMap<&'a [usize], &'a str>,
}

/// One page of the tree: a node, at its stable URL or at the end of a walk.
#[derive(Clone, Copy)]
struct TreePage<'a> {
    node: &'a Node,
    /// The page's site path.
    dir: &'a str,
    /// The answers that led here, on a walk's page; `None` on the node's stable page.
    walk: Option<&'a [usize]>,
}

/// Site path of the tree's pages in `lang`.
pub fn tree_dir(lang: &Lang) -> String {
    Urls::page_path(lang, TREE_SLUG)
}

fn node_dir(lang: &Lang, tree: &Tree, id: &str) -> String {
    if id == tree.file.start {
        tree_dir(lang)
    } else {
        format!("{}{id}/", tree_dir(lang))
    }
}

fn walk_dir(lang: &Lang, walk: &[usize]) -> String {
    if walk.is_empty() {
        return tree_dir(lang);
    }
    let seg = AnswerPath {
        choices: walk.to_vec(),
        node: String::new(),
    }
    .segment();
    format!("{}p/{seg}/", tree_dir(lang))
}

impl Renderer<'_> {
    pub fn render_tree(
        &self,
        site: &Site,
        tree: &Tree,
        paths: &[AnswerPath],
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        let inputs = TreeInputs {
            site,
            tree,
            by_choices: paths
                .iter()
                .map(|w| (w.choices.as_slice(), w.node.as_str()))
                .collect(),
        };
        rayon::scope(|scope| {
            for lang in &self.config.languages {
                let inputs = &inputs;
                scope.spawn(move |_| {
                    for node in &tree.file.nodes {
                        let dir = node_dir(lang, tree, &node.id);
                        // The start node's stable page is the tree's front page.
                        if node.id == tree.file.start {
                            continue;
                        }
                        let page = TreePage {
                            node,
                            dir: &dir,
                            walk: None,
                        };
                        self.emit_node(inputs, lang, page, out, diags);
                    }
                    for path in paths {
                        let Some(node) = tree.node(&path.node) else {
                            continue;
                        };
                        let dir = walk_dir(lang, &path.choices);
                        let page = TreePage {
                            node,
                            dir: &dir,
                            walk: Some(&path.choices),
                        };
                        self.emit_node(inputs, lang, page, out, diags);
                    }
                    let dir = format!("{}overview/", tree_dir(lang));
                    let ctx = self.overview_context(tree, lang, &dir);
                    self.emit(
                        "tree-overview.html",
                        &ctx,
                        &format!("{dir}index.html"),
                        out,
                        diags,
                    );
                });
            }
        });
    }

    /// A question or outcome page, at its stable address or along a walk.
    fn emit_node(
        &self,
        inputs: &TreeInputs,
        lang: &Lang,
        page: TreePage,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        let template = if page.node.outcome.is_some() {
            "tree-outcome.html"
        } else {
            "tree-question.html"
        };
        let path = format!("{}index.html", page.dir);
        let ctx = self.tree_context(inputs, lang, page);
        self.emit(template, &ctx, &path, out, diags);
    }

    fn emit(
        &self,
        template: &str,
        ctx: &TeraContext,
        path: &str,
        out: &dyn FileSink,
        diags: &Diagnostics,
    ) {
        if let Some(html) = self.render(template, ctx, diags) {
            out.write(path, &html, diags);
        }
    }

    fn tree_text(&self, lang: &Lang, key: &str) -> String {
        self.i18n.label(lang, key)
    }

    fn tree_common(
        &self,
        lang: &Lang,
        title: String,
        dir: &str,
        same_page_in: impl Fn(&Lang) -> String,
    ) -> Common {
        let switcher = self.switcher(lang, |l| (self.urls.relative(dir, &same_page_in(l)), false));
        self.common(lang, title, dir, switcher, Vec::new())
    }

    fn tree_context(&self, inputs: &TreeInputs, lang: &Lang, page: TreePage) -> TeraContext {
        let TreeInputs {
            site,
            tree,
            by_choices,
        } = inputs;
        let TreePage { node, dir, walk } = page;
        let rel = |to: &str| self.urls.relative(dir, to);
        let choices = walk.unwrap_or(&[]);
        let options = node
            .options
            .iter()
            .enumerate()
            .map(|(n, o)| {
                // From a stable page the walk starts over at this node.
                let href = match walk {
                    Some(w) => {
                        let mut next = w.to_vec();
                        next.push(n);
                        rel(&walk_dir(lang, &next))
                    }
                    None => rel(&node_dir(lang, tree, &o.next)),
                };
                OptionView {
                    text: self.tree_text(lang, &o.text),
                    href,
                }
            })
            .collect();
        let answers = (0..choices.len())
            .filter_map(|i| {
                let at = by_choices.get(&choices[..i])?;
                let asked = tree.node(at)?;
                let chosen = asked.options.get(choices[i])?;
                Some(AnswerView {
                    question: asked
                        .question
                        .as_deref()
                        .map(|k| self.tree_text(lang, k))
                        .unwrap_or_default(),
                    answer: self.tree_text(lang, &chosen.text),
                    change_href: rel(&walk_dir(lang, &choices[..i])),
                })
            })
            .collect();
        let outcome = node.outcome.as_ref();
        let heading = match (&node.question, outcome) {
            (Some(q), _) => self.tree_text(lang, q),
            (None, Some(o)) => self.tree_text(lang, &o.title),
            _ => node.id.clone(),
        };
        let pages = outcome
            .map(|o| {
                o.pages
                    .iter()
                    .filter_map(|slug| {
                        let page = site
                            .translation(slug, lang)
                            .or_else(|| site.fallback(slug, lang).map(|f| &site.pages[f.source]))?;
                        Some(PageRef {
                            title: page.title.clone(),
                            href: rel(&Urls::page_path(lang, slug)),
                            lang: page.lang().to_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let response_times = outcome
            .map(|o| {
                o.response_times
                    .iter()
                    .map(|r| TimeView {
                        label: self.tree_text(lang, &r.label),
                        time: match (r.hours, r.days) {
                            (Some(h), _) => self
                                .i18n
                                .text(
                                    lang,
                                    "who-within-hours",
                                    &[("hours", Arg::Num(f64::from(h)))],
                                )
                                .unwrap_or_default(),
                            (None, Some(d)) => self
                                .i18n
                                .text(lang, "who-within-days", &[("days", Arg::Num(f64::from(d)))])
                                .unwrap_or_default(),
                            (None, None) => String::new(),
                        },
                    })
                    .collect()
            })
            .unwrap_or_default();
        let partner = self.config.partner.as_ref().map(|p| ContactView {
            name: p.name.clone(),
            support_url: p.support_url.clone(),
            email: p.email.clone(),
            email_href: p.email.as_deref().map(|e| crate::urls::mailto(e, "", "")),
            phone: p.phone.clone(),
            hours: p.hours.clone(),
            languages: p
                .languages
                .iter()
                .map(|c| {
                    self.config
                        .lang(c)
                        .map_or_else(|| c.clone(), |l| l.autonym().to_string())
                })
                .collect(),
            paid: p.paid,
        });
        let view = NodeView {
            id: node.id.clone(),
            is_outcome: outcome.is_some(),
            is_start: node.id == tree.file.start && choices.is_empty(),
            heading: heading.clone(),
            hint: node.hint.as_deref().map(|k| self.tree_text(lang, k)),
            options,
            handler: outcome.map(|o| self.tree_text(lang, o.handler.key())),
            handler_kind: outcome.map(|o| {
                o.handler
                    .key()
                    .trim_start_matches("who-handler-")
                    .to_string()
            }),
            summary: outcome.map(|o| self.tree_text(lang, &o.summary)),
            steps: outcome
                .map(|o| o.steps.iter().map(|k| self.tree_text(lang, k)).collect())
                .unwrap_or_default(),
            pages,
            response_times,
            contact: outcome.is_some_and(|o| o.contact),
            partner,
            answers,
            back_href: (!choices.is_empty())
                .then(|| rel(&walk_dir(lang, &choices[..choices.len() - 1]))),
            start_href: rel(&tree_dir(lang)),
            overview_href: rel(&format!("{}overview/", tree_dir(lang))),
            handoff: self.handoff_view(site, tree, lang, node, walk),
        };
        let stable = node_dir(lang, tree, &node.id);
        let same_page_in = |l: &Lang| match walk {
            Some(w) => walk_dir(l, w),
            None => node_dir(l, tree, &node.id),
        };
        let mut common = self.tree_common(lang, heading, dir, same_page_in);
        common.canonical = Some(self.urls.absolute(&stable));
        if walk.is_some_and(|w| !w.is_empty()) {
            // Walk pages repeat the stable pages with answers; only those are indexed.
            common.robots = Some("noindex");
        } else {
            common.alternates = self
                .config
                .languages
                .iter()
                .map(|l| super::context::Alternate {
                    hreflang: l.to_string(),
                    href: self.urls.absolute(&node_dir(l, tree, &node.id)),
                })
                .collect();
        }
        let mut ctx = self.context(&common);
        ctx.insert("node", &view);
        ctx
    }

    fn overview_context(&self, tree: &Tree, lang: &Lang, dir: &str) -> TeraContext {
        let rel = |to: &str| self.urls.relative(dir, to);
        let labels: HashMap<String, svg::NodeLabel> = tree
            .file
            .nodes
            .iter()
            .map(|n| {
                let (text, kind) = match (&n.question, &n.outcome) {
                    (Some(q), _) => (self.tree_text(lang, q), "question".to_string()),
                    (None, Some(o)) => (
                        self.tree_text(lang, &o.title),
                        o.handler
                            .key()
                            .trim_start_matches("who-handler-")
                            .to_string(),
                    ),
                    _ => (n.id.clone(), "question".to_string()),
                };
                (
                    n.id.clone(),
                    svg::NodeLabel {
                        text,
                        href: rel(&node_dir(lang, tree, &n.id)),
                        kind,
                    },
                )
            })
            .collect();
        let title = self.tree_text(lang, "who-overview-title");
        let svg = svg::svg(
            tree,
            &labels,
            |id, n| {
                tree.node(id)
                    .and_then(|node| node.options.get(n))
                    .map(|o| self.tree_text(lang, &o.text))
                    .unwrap_or_default()
            },
            &title,
        );
        let items: Vec<OverviewItem> = tree
            .file
            .nodes
            .iter()
            .map(|n| OverviewItem {
                id: n.id.clone(),
                text: labels
                    .get(&n.id)
                    .map(|l| l.text.clone())
                    .unwrap_or_default(),
                href: rel(&node_dir(lang, tree, &n.id)),
                is_outcome: n.outcome.is_some(),
                options: n
                    .options
                    .iter()
                    .map(|o| OverviewOption {
                        answer: self.tree_text(lang, &o.text),
                        next: labels
                            .get(&o.next)
                            .map(|l| l.text.clone())
                            .unwrap_or_default(),
                        href: format!("#node-{}", o.next),
                    })
                    .collect(),
            })
            .collect();
        let mut common =
            self.tree_common(lang, title, dir, |l| format!("{}overview/", tree_dir(l)));
        common.alternates = self
            .config
            .languages
            .iter()
            .map(|l| super::context::Alternate {
                hreflang: l.to_string(),
                href: self.urls.absolute(&format!("{}overview/", tree_dir(l))),
            })
            .collect();
        let legend: Vec<LegendItem> = [
            Handler::You,
            Handler::Partner,
            Handler::IndirectProvider,
            Handler::Microsoft,
            Handler::Publisher,
            Handler::NotCovered,
        ]
        .iter()
        .filter(|h| {
            tree.file
                .nodes
                .iter()
                .any(|n| n.outcome.as_ref().is_some_and(|o| o.handler == **h))
        })
        .map(|h| LegendItem {
            kind: h.key().trim_start_matches("who-handler-").to_string(),
            label: self.tree_text(lang, h.key()),
        })
        .collect();
        let mut ctx = self.context(&common);
        ctx.insert("legend", &legend);
        ctx.insert("diagram", &svg);
        ctx.insert("items", &items);
        ctx.insert("start_href", &rel(&tree_dir(lang)));
        ctx
    }
}
