//! Checks a decision tree before it is rendered; every fault names its line in the file.

use std::collections::{BTreeSet, HashMap};

use super::Tree;
use crate::diag::{Diagnostic, Diagnostics, Kind};
use crate::i18n::I18n;
use crate::lang::Lang;

/// Reports every fault; returns whether the tree can be rendered.
pub fn validate(
    tree: &Tree,
    page_exists: impl Fn(&str) -> bool,
    i18n: &I18n,
    langs: &[Lang],
    diags: &Diagnostics,
) -> bool {
    let mut errors = 0;
    let mut error = |line: usize, message: String, hint: &str| {
        errors += 1;
        diags.push(
            Diagnostic::error(Kind::Tree, Some(tree.location(line)), message).with_hint(hint),
        );
    };
    let mut email_faults = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, node) in tree.file.nodes.iter().enumerate() {
        if matches!(node.id.as_str(), "p" | "overview")
            || node.id.is_empty()
            || node.id.contains(['/', '\\', '.', ' ', '?', '#'])
        {
            error(
                tree.node_line(&node.id),
                format!(
                    "`{}` cannot be a node id (it names a page of the tree or is not URL-safe)",
                    node.id
                ),
                "use lowercase words joined by dashes, other than `p` and `overview`",
            );
        }
        if ids.insert(node.id.as_str(), i).is_some() {
            error(
                tree.node_line(&node.id),
                format!("node id `{}` is used twice", node.id),
                "give every node its own id",
            );
        }
    }
    if !ids.contains_key(tree.file.start.as_str()) {
        let line = super::find_line(&tree.source, 0, |l| l.starts_with("start:")).unwrap_or(1);
        error(
            line,
            format!("`start` names `{}`, which is not a node", tree.file.start),
            "set `start` to the id of the first question",
        );
    }
    for node in &tree.file.nodes {
        let line = tree.node_line(&node.id);
        match (&node.question, &node.outcome) {
            (Some(_), Some(_)) => error(
                line,
                format!("node `{}` is both a question and an outcome", node.id),
                "split it into two nodes",
            ),
            (None, None) => error(
                line,
                format!(
                    "node `{}` is a dead end: neither a question nor an outcome",
                    node.id
                ),
                "give it a `question` with `options`, or an `outcome`",
            ),
            (Some(_), None) if node.options.len() < 2 => error(
                line,
                format!(
                    "question `{}` has {} option(s); a question needs at least two",
                    node.id,
                    node.options.len()
                ),
                "add options, or make this node an outcome",
            ),
            (None, Some(_)) if !node.options.is_empty() => error(
                line,
                format!("outcome `{}` has options", node.id),
                "outcomes end the walk; remove its options",
            ),
            _ => {}
        }
        for option in &node.options {
            if !ids.contains_key(option.next.as_str()) {
                error(
                    tree.line_in_node(&node.id, "next", &option.next),
                    format!(
                        "option `{}` of `{}` leads to `{}`, which is not a node",
                        option.text, node.id, option.next
                    ),
                    "fix `next`, or add the missing node",
                );
            }
        }
        if let Some(outcome) = &node.outcome {
            for slug in &outcome.pages {
                if !page_exists(slug) {
                    error(
                        tree.line_containing(&node.id, slug),
                        format!(
                            "outcome `{}` links page `{slug}`, which exists in no language",
                            node.id
                        ),
                        "list the slug of a page under content/<lang>/ (without .md)",
                    );
                }
            }
            if let Some(email) = &outcome.email
                && !crate::urls::looks_like_email(email)
            {
                email_faults.push((
                    tree.location_of(&node.id, email),
                    format!(
                        "outcome `{}` has `email: {email}`, which is not an e-mail address",
                        node.id
                    ),
                ));
            }
        }
    }
    if let Some((node, next)) = find_cycle(tree, &ids) {
        error(
            tree.line_in_node(&node, "next", &next),
            format!("the tree loops: `{node}` leads back to `{next}`"),
            "every walk must end at an outcome; point this option elsewhere",
        );
    }
    let reachable = reachable(tree, &ids);
    for node in &tree.file.nodes {
        if !reachable.contains(node.id.as_str()) {
            error(
                tree.node_line(&node.id),
                format!(
                    "node `{}` cannot be reached from `{}`",
                    node.id, tree.file.start
                ),
                "link it from an option, or remove it",
            );
        }
    }
    for (at, message) in email_faults {
        errors += 1;
        diags.push(
            Diagnostic::error(Kind::Tree, Some(at), message)
                .with_hint("write one address, such as `support@provider.example`"),
        );
    }
    let en = Lang::new_unchecked("en");
    // A language with none of the tree's strings (a language just added) is summed up in its
    // one UI-string warning (`I18n::report_coverage`); a language that has them but lacks a
    // key is a writer's slip, shown at the line that uses the key.
    let translated: Vec<&Lang> = langs
        .iter()
        .filter(|l| tree.keys().iter().any(|(_, key)| i18n.has(l, key)))
        .collect();
    for (node, key) in tree.keys() {
        let missing: Vec<&str> = translated
            .iter()
            .filter(|l| !i18n.has(l, key))
            .map(|l| l.as_str())
            .collect();
        if !missing.is_empty() && i18n.has(&en, key) {
            diags.push(
                Diagnostic::warning(
                    Kind::Tree,
                    Some(tree.location_of(node, key)),
                    format!(
                        "text `{key}` is missing in {}; English is shown",
                        missing.join(", ")
                    ),
                )
                .with_hint(format!(
                    "add `{key}` to locales/<lang>/who-handles-this.ftl"
                )),
            );
        }
        if !langs.iter().all(|l| i18n.has(l, key)) && !i18n.has(&en, key) {
            errors += 1;
            diags.push(
                Diagnostic::error(
                    Kind::Tree,
                    Some(tree.location_of(node, key)),
                    format!("text `{key}` exists in no language"),
                )
                .with_hint("add it to locales/en/who-handles-this.ftl"),
            );
        }
    }
    errors == 0
}

fn reachable<'a>(tree: &'a Tree, ids: &HashMap<&str, usize>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![tree.file.start.as_str()];
    while let Some(id) = stack.pop() {
        let Some(&i) = ids.get(id) else { continue };
        let node = &tree.file.nodes[i];
        if seen.insert(node.id.as_str()) {
            stack.extend(node.options.iter().map(|o| o.next.as_str()));
        }
    }
    seen
}

/// A (node, next) edge that closes a loop, if any.
fn find_cycle(tree: &Tree, ids: &HashMap<&str, usize>) -> Option<(String, String)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; tree.file.nodes.len()];
    for root in 0..tree.file.nodes.len() {
        if marks[root] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, index of the next option to follow).
        let mut stack = vec![(root, 0usize)];
        marks[root] = Mark::Open;
        while let Some(&mut (i, ref mut next)) = stack.last_mut() {
            let node = &tree.file.nodes[i];
            if let Some(option) = node.options.get(*next) {
                *next += 1;
                let Some(&j) = ids.get(option.next.as_str()) else {
                    continue;
                };
                match marks[j] {
                    Mark::Open => return Some((node.id.clone(), option.next.clone())),
                    Mark::New => {
                        marks[j] = Mark::Open;
                        stack.push((j, 0));
                    }
                    Mark::Done => {}
                }
            } else {
                marks[i] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}
