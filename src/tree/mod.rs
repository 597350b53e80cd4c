//! The "who handles this?" decision tree: questions lead by options to further questions
//! and finally to outcomes that name who handles the reader's problem.
//!
//! The structure lives in `content/who-handles-this.yaml`; every visible word is a Fluent key
//! (`locales/<lang>/who-handles-this.ftl`), so translators work in one format.

pub mod summary;
pub mod validate;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics, Kind, Location};

pub const TREE_FILE: &str = "who-handles-this.yaml";
/// The tree's folder in every language: `/<lang>/who-handles-this/`.
pub const TREE_SLUG: &str = "who-handles-this";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeFile {
    /// Id of the first question.
    pub start: String,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Fluent key of the question; a question node has this and `options`.
    pub question: Option<String>,
    /// Fluent key of a line of help under the question.
    pub hint: Option<String>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// An outcome node has this instead of a question.
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Fluent key of the answer's text.
    pub text: String,
    /// Id of the node this answer leads to.
    pub next: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Handler {
    You,
    Partner,
    IndirectProvider,
    Microsoft,
    Publisher,
    NotCovered,
}

impl Handler {
    pub fn key(self) -> &'static str {
        match self {
            Handler::You => "who-handler-you",
            Handler::Partner => "who-handler-partner",
            Handler::IndirectProvider => "who-handler-indirect-provider",
            Handler::Microsoft => "who-handler-microsoft",
            Handler::Publisher => "who-handler-publisher",
            Handler::NotCovered => "who-handler-not-covered",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub handler: Handler,
    /// Fluent keys: the outcome's heading and one paragraph under it.
    pub title: String,
    pub summary: String,
    /// Fluent keys of the next steps, in order.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Slugs of the pages that explain this outcome.
    #[serde(default)]
    pub pages: Vec<String>,
    /// First-response times by severity, shown as a table.
    #[serde(default)]
    pub response_times: Vec<ResponseTime>,
    /// Show the hosting partner's contact card.
    #[serde(default)]
    pub contact: bool,
    /// Fluent keys of what a good request to the handler names (customer, tenant, …): a
    /// checklist under the request summary. With `response_times`, the chosen severity is
    /// asked for last, with its times.
    #[serde(default)]
    pub request: Vec<String>,
    /// Where the request goes by e-mail, when not to the partner of site.yaml.
    pub email: Option<String>,
    /// Who reads that address, as shown in "Send to …"; the address itself when missing.
    pub email_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// Severity letter (A, B, C) or `other`.
    pub severity: String,
    /// Fluent key describing the severity.
    pub label: String,
    /// Hours to first response.
    pub hours: Option<u32>,
    /// Business days to first response, when not in hours.
    pub days: Option<u32>,
}

/// A loaded tree, with where each part stands in its file.
#[derive(Debug, Clone)]
pub struct Tree {
    pub file: TreeFile,
    pub path: PathBuf,
    pub source: String,
}

impl Tree {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.file.nodes.iter().find(|n| n.id == id)
    }

    /// Line of `id: <id>` in the file.
    pub fn node_line(&self, id: &str) -> usize {
        find_line(&self.source, 0, |l| yaml_value(l, "id") == Some(id)).unwrap_or(1)
    }

    /// Line of the `<key>: <value>` inside node `id`'s entry.
    pub fn line_in_node(&self, id: &str, key: &str, value: &str) -> usize {
        let start = self.node_line(id);
        let next_node =
            find_line(&self.source, start, |l| yaml_value(l, "id").is_some()).unwrap_or(usize::MAX);
        find_line(&self.source, start, |l| yaml_value(l, key) == Some(value))
            .filter(|&l| l < next_node)
            .unwrap_or(start)
    }

    /// Line inside node `id`'s entry that contains `text`, or the node's own line.
    pub fn line_containing(&self, id: &str, text: &str) -> usize {
        let start = self.node_line(id);
        let next_node =
            find_line(&self.source, start, |l| yaml_value(l, "id").is_some()).unwrap_or(usize::MAX);
        find_line(&self.source, start, |l| l.contains(text))
            .filter(|&l| l < next_node)
            .unwrap_or(start)
    }

    pub fn location(&self, line: usize) -> Location {
        Location::new(&self.path, line, 1)
    }

    /// Where the key or value `text` stands inside node `id`'s entry, down to the column (a
    /// whole word: `who-r-customer` is not found inside `who-r-customer-domain`); the node's
    /// own line when it is not there.
    pub fn location_of(&self, id: &str, text: &str) -> Location {
        let start = self.node_line(id);
        let next_node =
            find_line(&self.source, start, |l| yaml_value(l, "id").is_some()).unwrap_or(usize::MAX);
        let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        let found = self
            .source
            .lines()
            .enumerate()
            .skip(start.saturating_sub(1))
            .take_while(|(i, _)| i + 1 < next_node)
            .find_map(|(i, line)| {
                line.match_indices(text).find_map(|(at, _)| {
                    let before = line[..at].chars().next_back();
                    let after = line[at + text.len()..].chars().next();
                    (!before.is_some_and(is_word) && !after.is_some_and(is_word))
                        .then(|| (i + 1, line[..at].chars().count() + 1))
                })
            });
        let (line, column) = found.unwrap_or((start, 1));
        Location::new(&self.path, line, column)
    }

    /// Every Fluent key the tree uses, with the node it belongs to.
    pub fn keys(&self) -> Vec<(&str, &str)> {
        let mut keys = Vec::new();
        for n in &self.file.nodes {
            keys.extend(n.question.as_deref().map(|k| (n.id.as_str(), k)));
            keys.extend(n.hint.as_deref().map(|k| (n.id.as_str(), k)));
            keys.extend(n.options.iter().map(|o| (n.id.as_str(), o.text.as_str())));
            if let Some(o) = &n.outcome {
                keys.push((n.id.as_str(), o.title.as_str()));
                keys.push((n.id.as_str(), o.summary.as_str()));
                keys.extend(o.steps.iter().map(|s| (n.id.as_str(), s.as_str())));
                keys.extend(
                    o.response_times
                        .iter()
                        .map(|r| (n.id.as_str(), r.label.as_str())),
                );
                keys.extend(o.request.iter().map(|k| (n.id.as_str(), k.as_str())));
            }
        }
        keys
    }
}

/// `key: value` on a YAML line (also as a list item `- key: value`), unquoted.
fn yaml_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let l = line.trim_start().trim_start_matches("- ").trim_start();
    let rest = l.strip_prefix(key)?.strip_prefix(':')?;
    Some(rest.trim().trim_matches(['"', '\'']))
}

/// 1-based number of the first line after line `after` (1-based; 0 = from the top) that matches.
fn find_line(text: &str, after: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| pred(l))
        .map(|(i, _)| i + 1)
}

/// Reads `content/who-handles-this.yaml`; `None` when the site has no tree (or it is broken,
/// which is reported).
pub fn load(content_dir: &Path, root: &Path, diags: &Diagnostics) -> Option<Tree> {
    let full = content_dir.join(TREE_FILE);
    let path = crate::diag::display_path(root, &full);
    let source = match std::fs::read_to_string(&full) {
        Ok(s) => crate::load::normalize(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            diags.push(Diagnostic::error(
                Kind::Tree,
                Some(Location::new(&path, 1, 1)),
                format!("cannot read the decision tree: {e}"),
            ));
            return None;
        }
    };
    match serde_yaml::from_str::<TreeFile>(&source) {
        Ok(file) => Some(Tree { file, path, source }),
        Err(e) => {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            diags.push(
                Diagnostic::error(
                    Kind::Tree,
                    Some(Location::new(&path, line, column)),
                    format!(
                        "decision tree: {}",
                        crate::config::strip_yaml_position(&e.to_string())
                    ),
                )
                .with_hint("the README's decision tree section shows the file's shape"),
            );
            None
        }
    }
}

/// One way through the tree (a "walk" in the README): the options chosen (0-based), and the
/// node they lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerPath {
    pub choices: Vec<usize>,
    pub node: String,
}

impl AnswerPath {
    /// The URL segment naming this walk: `1-3-2` (answers counted from 1).
    pub fn segment(&self) -> String {
        self.choices
            .iter()
            .map(|c| (c + 1).to_string())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// Every walk from the start, shortest first. A validated tree has no cycles, so this ends;
/// `limit` bounds it for trees that branch and rejoin a great deal.
pub fn answer_paths(tree: &Tree, limit: usize) -> Result<Vec<AnswerPath>, usize> {
    let mut out = vec![AnswerPath {
        choices: Vec::new(),
        node: tree.file.start.clone(),
    }];
    let mut i = 0;
    while i < out.len() {
        let path = out[i].clone();
        i += 1;
        let Some(node) = tree.node(&path.node) else {
            continue;
        };
        for (n, option) in node.options.iter().enumerate() {
            let mut choices = path.choices.clone();
            choices.push(n);
            out.push(AnswerPath {
                choices,
                node: option.next.clone(),
            });
            if out.len() > limit {
                return Err(limit);
            }
        }
    }
    Ok(out)
}
