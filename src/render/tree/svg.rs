//! A layered drawing of the tree as SVG, made at build time: each node sits one layer below
//! the deepest question that leads to it, so every arrow points down.

use std::collections::HashMap;
use std::fmt::Write;

use crate::parse::escape;
use crate::tree::Tree;

const BOX_W: f64 = 180.0;
const GAP_X: f64 = 28.0;
const GAP_Y: f64 = 96.0;
const LINE_H: f64 = 17.0;
const PAD: f64 = 10.0;
const CHARS_PER_LINE: usize = 23;
/// Height of one answer label above a box.
const LABEL_H: f64 = 13.0;

/// What the drawing shows of one node, already in the reader's language.
pub struct NodeLabel {
    pub text: String,
    pub href: String,
    /// `question`, or the outcome's handler (`partner`, `microsoft`, …), used as a CSS class.
    pub kind: String,
}

struct Placed {
    x: f64,
    y: f64,
    h: f64,
    lines: Vec<String>,
}

/// Draws the tree. `labels` has an entry per node id; `option_text(node, n)` names an answer.
pub fn svg(
    tree: &Tree,
    labels: &HashMap<String, NodeLabel>,
    option_text: impl Fn(&str, usize) -> String,
    title: &str,
) -> String {
    let layers = layers(tree);
    let mut placed: HashMap<&str, Placed> = HashMap::new();
    let widest = layers.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let width = widest * (BOX_W + GAP_X) + GAP_X;
    let mut y = GAP_X / 2.0;
    for layer in &layers {
        let row_w = layer.len() as f64 * (BOX_W + GAP_X) - GAP_X;
        let mut x = (width - row_w) / 2.0;
        let mut row_h: f64 = 0.0;
        for id in layer {
            let text = labels.get(*id).map_or(id.to_string(), |l| l.text.clone());
            let lines = wrap(&text, CHARS_PER_LINE);
            let h = lines.len() as f64 * LINE_H + 2.0 * PAD;
            row_h = row_h.max(h);
            placed.insert(id, Placed { x, y, h, lines });
            x += BOX_W + GAP_X;
        }
        y += row_h + GAP_Y;
    }
    let height = y - GAP_Y + GAP_X / 2.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="sp-tree-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" aria-labelledby="sp-diagram-title"><title id="sp-diagram-title">{}</title>"#,
        escape(title)
    );
    out.push_str(r#"<defs><marker id="sp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="sp-diagram-arrowhead"/></marker></defs>"#);
    // Edges first, so boxes cover their ends. Each answer's label sits just above the box it
    // leads to: boxes in a layer are a box-width apart, so labels never overlap sideways, and
    // the labels of several answers leading to one box are stacked.
    let mut edge_labels = String::new();
    let mut incoming: HashMap<&str, usize> = HashMap::new();
    for node in &tree.file.nodes {
        let Some(from) = placed.get(node.id.as_str()) else {
            continue;
        };
        for (n, option) in node.options.iter().enumerate() {
            let Some(to) = placed.get(option.next.as_str()) else {
                continue;
            };
            let (x1, y1) = (from.x + BOX_W / 2.0, from.y + from.h);
            let (x2, y2) = (to.x + BOX_W / 2.0, to.y);
            let mid = (y1 + y2) / 2.0;
            let _ = write!(
                out,
                r#"<path class="sp-diagram-edge" d="M{x1:.1},{y1:.1} C{x1:.1},{mid:.1} {x2:.1},{mid:.1} {x2:.1},{:.1}" marker-end="url(#sp-arrow)"/>"#,
                y2 - 2.0
            );
            let k = incoming.entry(option.next.as_str()).or_insert(0);
            let ly = y2 - 10.0 - LABEL_H * *k as f64;
            *k += 1;
            let label = option_text(&node.id, n);
            let _ = write!(
                edge_labels,
                r#"<text class="sp-diagram-edge-label" x="{x2:.1}" y="{ly:.1}" text-anchor="middle">{}</text>"#,
                escape(&truncate(&label, 28))
            );
        }
    }
    for node in &tree.file.nodes {
        let Some(p) = placed.get(node.id.as_str()) else {
            continue;
        };
        let label = labels.get(&node.id);
        let href = label.map_or("", |l| l.href.as_str());
        let kind = label.map_or("question", |l| l.kind.as_str());
        let _ = write!(
            out,
            r#"<a href="{}" class="sp-diagram-node sp-diagram-{}"><rect x="{:.1}" y="{:.1}" width="{BOX_W}" height="{:.1}" rx="8"/>"#,
            escape(href),
            escape(kind),
            p.x,
            p.y,
            p.h
        );
        for (i, line) in p.lines.iter().enumerate() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                p.x + BOX_W / 2.0,
                p.y + PAD + LINE_H * (i as f64 + 0.8),
                escape(line)
            );
        }
        out.push_str("</a>");
    }
    out.push_str(&edge_labels);
    out.push_str("</svg>");
    out
}

/// Nodes by layer: a node's layer is the longest walk from the start to it. Within a layer,
/// nodes are ordered by the mean position of the nodes leading to them, which keeps most
/// arrows from crossing.
fn layers(tree: &Tree) -> Vec<Vec<&str>> {
    let mut depth: HashMap<&str, usize> = HashMap::new();
    depth.insert(tree.file.start.as_str(), 0);
    // Relax along edges; a validated tree is acyclic, so |nodes| rounds suffice.
    for _ in 0..tree.file.nodes.len() {
        let mut changed = false;
        for node in &tree.file.nodes {
            let Some(&d) = depth.get(node.id.as_str()) else {
                continue;
            };
            for o in &node.options {
                let e = depth.entry(o.next.as_str()).or_insert(0);
                if *e < d + 1 && tree.node(&o.next).is_some() {
                    *e = d + 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let max = depth.values().copied().max().unwrap_or(0);
    let mut layers: Vec<Vec<&str>> = vec![Vec::new(); max + 1];
    for node in &tree.file.nodes {
        if let Some(&d) = depth.get(node.id.as_str()) {
            layers[d].push(node.id.as_str());
        }
    }
    for l in 1..layers.len() {
        let position: HashMap<&str, f64> = layers[l - 1]
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i as f64))
            .collect();
        let mut keyed: Vec<(f64, usize, &str)> = layers[l]
            .iter()
            .enumerate()
            .map(|(order, id)| {
                // A parent's position, nudged by which of its answers leads here, so siblings
                // keep the order of the answers.
                let parents: Vec<f64> = tree
                    .file
                    .nodes
                    .iter()
                    .filter_map(|n| {
                        let k = n.options.iter().position(|o| o.next == *id)?;
                        let base = position.get(n.id.as_str())?;
                        Some(base + (k as f64 + 1.0) / (n.options.len() as f64 + 1.0))
                    })
                    .collect();
                let mean = if parents.is_empty() {
                    f64::MAX
                } else {
                    parents.iter().sum::<f64>() / parents.len() as f64
                };
                (mean, order, *id)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        layers[l] = keyed.into_iter().map(|(_, _, id)| id).collect();
    }
    layers
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > 4 {
        lines.truncate(4);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrap("Who handles this problem for me today", 12),
            vec!["Who handles", "this problem", "for me today"]
        );
    }
}
