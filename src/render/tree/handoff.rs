//! The request summary on an outcome page: the reader's copy, the hand-off language's copy,
//! and the "Send to …" link when the handler has an e-mail address.

use serde::Serialize;

use super::{node_dir, walk_dir};
use crate::lang::Lang;
use crate::model::Site;
use crate::render::Renderer;
use crate::tree::summary::{self, MAILTO_LIMIT, PageLink, Sources, Summary};
use crate::tree::{Node, Tree};
use crate::urls::Urls;

#[derive(Debug, Serialize)]
pub(super) struct HandoffView {
    copies: Vec<CopyView>,
    send: Option<SendView>,
}

#[derive(Debug, Serialize)]
struct CopyView {
    lang: String,
    /// The language's own name, as the copy's heading.
    name: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct SendView {
    href: String,
    /// Who it goes to: a name, or the address itself.
    name: String,
    /// The mail holds a shortened summary.
    cut: bool,
}

impl Renderer<'_> {
    /// The summary of the walk `choices` (empty on an outcome's own page) ending at `node`.
    pub(super) fn handoff_view(
        &self,
        site: &Site,
        tree: &Tree,
        lang: &Lang,
        node: &Node,
        walk: Option<&[usize]>,
    ) -> Option<HandoffView> {
        let outcome = node.outcome.as_ref()?;
        let partner = self.config.partner.as_ref().filter(|_| outcome.contact);
        let (address, recipient) = match (&outcome.email, partner) {
            (Some(email), _) => (Some(email.as_str()), outcome.email_name.as_deref()),
            (None, Some(p)) => (p.email.as_deref(), Some(p.name.as_str())),
            (None, None) => (None, None),
        };
        let page = |slug: &str, l: &Lang| {
            let page = site
                .translation(slug, l)
                .or_else(|| site.fallback(slug, l).map(|f| &site.pages[f.source]))?;
            Some(PageLink {
                title: page.title.clone(),
                url: self.urls.absolute_if_known(&Urls::page_path(l, slug)),
            })
        };
        let walk_url = |l: &Lang| {
            self.urls.absolute_if_known(&match walk {
                Some(w) => walk_dir(l, w),
                None => node_dir(l, tree, &node.id),
            })
        };
        let sources = Sources {
            i18n: &self.i18n,
            page: &page,
            walk_url: &walk_url,
            recipient,
        };
        let choices = walk.unwrap_or(&[]);
        let handoff = &self.config.handoff_language;
        let mut copies: Vec<Summary> = vec![summary::summary(tree, choices, node, lang, &sources)?];
        if handoff != lang {
            copies.extend(summary::summary(tree, choices, node, handoff, &sources));
        }
        let send = address.map(|address| {
            let notes: Vec<String> = copies
                .iter()
                .map(|c| match walk_url(&c.lang) {
                    Some(url) => self
                        .i18n
                        .text(
                            &c.lang,
                            "who-handoff-cut-link",
                            &[("url", crate::i18n::Arg::Str(url))],
                        )
                        .unwrap_or_default(),
                    None => self.i18n.label(&c.lang, "who-handoff-cut"),
                })
                .collect();
            let mail = summary::mailto(address, &copies, &notes, MAILTO_LIMIT);
            SendView {
                href: mail.href,
                name: summary::one_line(recipient.unwrap_or(address)),
                cut: mail.cut,
            }
        });
        Some(HandoffView {
            copies: copies
                .into_iter()
                .map(|c| CopyView {
                    lang: c.lang.to_string(),
                    name: c.lang.autonym().to_string(),
                    text: c.text,
                })
                .collect(),
            send,
        })
    }
}
