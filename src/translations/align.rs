//! Order-preserving alignment of two lists of English segments: the originals a translation
//! was made from, and the newest English of the same page.
//!
//! Patience-style: segments equal at both ends are matched, then segments that occur exactly
//! once on each side are anchors (the longest run of them in the same order), and each gap
//! between anchors is aligned the same way. What is left in a gap is paired by word
//! similarity (order kept); unpaired segments are removed (old only) or new (new only).
//! Every step is linear in the segments it looks at, except the pairing of a gap, which is
//! bounded by [`MAX_GAP_CELLS`].

use crate::hashing::{FastMap, HashMapExt};

/// How one segment of either side fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The same text (after normalizing) on both sides.
    Same { old: usize, new: usize },
    /// Rewritten: the old segment's place is taken by this new one.
    Changed { old: usize, new: usize },
    /// In the old English only.
    Removed { old: usize },
    /// In the new English only.
    New { new: usize },
}

/// Text compared without markup, case or punctuation: `**Applies to**` and `Applies to`
/// are the same segment.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Gaps with more cells than this (old × new segments) are paired by position, not by the
/// best order-preserving pairing.
const MAX_GAP_CELLS: usize = 250_000;
/// Least similarity for an old and a new segment to count as one segment changed.
const MIN_SIMILARITY: f32 = 0.5;
/// Nested anchor searches deeper than this pair the gap directly.
const MAX_DEPTH: usize = 24;

/// Aligns `old` with `new` (both already [`normalize`]d), in order of both.
pub fn align(old: &[String], new: &[String]) -> Vec<Step> {
    let a: Vec<Seg> = old.iter().map(|s| Seg::new(s)).collect();
    let b: Vec<Seg> = new.iter().map(|s| Seg::new(s)).collect();
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    diff(&a, &b, 0, 0, 0, &mut out);
    out
}

struct Seg<'s> {
    text: &'s str,
    hash: u64,
    /// Word hashes, sorted, for the bag-of-words similarity.
    words: Vec<u64>,
}

impl<'s> Seg<'s> {
    fn new(text: &'s str) -> Seg<'s> {
        let mut words: Vec<u64> = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(hash)
            .collect();
        words.sort_unstable();
        Seg {
            text,
            hash: hash(text),
            words,
        }
    }
}

fn hash(s: &str) -> u64 {
    crate::hashing::hash_str(s)
}

fn same(a: &Seg, b: &Seg) -> bool {
    a.hash == b.hash && a.text == b.text
}

/// Aligns `a` with `b`; `ao` and `bo` are their offsets in the whole lists.
fn diff(a: &[Seg], b: &[Seg], ao: usize, bo: usize, depth: usize, out: &mut Vec<Step>) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| same(x, y)).count();
    for k in 0..prefix {
        out.push(Step::Same {
            old: ao + k,
            new: bo + k,
        });
    }
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let (ao, bo) = (ao + prefix, bo + prefix);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let (am, bm) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let anchors = if depth < MAX_DEPTH && !am.is_empty() && !bm.is_empty() {
        unique_anchors(am, bm)
    } else {
        Vec::new()
    };
    if anchors.is_empty() {
        pair_gap(am, bm, ao, bo, out);
    } else {
        let (mut i, mut j) = (0, 0);
        for (ai, bj) in anchors {
            diff(&am[i..ai], &bm[j..bj], ao + i, bo + j, depth + 1, out);
            out.push(Step::Same {
                old: ao + ai,
                new: bo + bj,
            });
            (i, j) = (ai + 1, bj + 1);
        }
        diff(&am[i..], &bm[j..], ao + i, bo + j, depth + 1, out);
    }
    for k in 0..suffix {
        out.push(Step::Same {
            old: ao + am.len() + k,
            new: bo + bm.len() + k,
        });
    }
}

/// Segments that occur exactly once in `a` and once in `b`, the longest run of them in the
/// same order on both sides (patience sorting), as (index in a, index in b).
fn unique_anchors(a: &[Seg], b: &[Seg]) -> Vec<(usize, usize)> {
    // hash → (count in a, index in a, count in b, index in b)
    let mut seen: FastMap<u64, (u32, usize, u32, usize)> = FastMap::with_capacity(a.len());
    for (i, s) in a.iter().enumerate() {
        let e = seen.entry(s.hash).or_insert((0, i, 0, 0));
        e.0 += 1;
    }
    for (j, s) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(&s.hash) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .values()
        .filter(|&&(ca, i, cb, j)| ca == 1 && cb == 1 && same(&a[i], &b[j]))
        .map(|&(_, i, _, j)| (i, j))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// The longest subsequence of `pairs` (sorted by their first) whose seconds increase.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into pairs of the smallest second ending a run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (n, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        prev[n] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(n);
        } else {
            tails[k] = n;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(n) = at {
        out.push(pairs[n]);
        at = prev[n];
    }
    out.reverse();
    out
}

/// How alike two segments are, 0 to 1: a segment that the other extends (a heading that
/// gained its list, a sentence that gained a clause) scores high, else the share of words
/// they have in common.
fn similarity(a: &Seg, b: &Seg) -> f32 {
    let (short, long) = if a.text.len() <= b.text.len() {
        (a.text, b.text)
    } else {
        (b.text, a.text)
    };
    if !short.is_empty() && long.starts_with(short) && long.as_bytes()[short.len()] == b' ' {
        return 0.9;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.words.len() && j < b.words.len() {
        match a.words[i].cmp(&b.words[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let total = a.words.len() + b.words.len();
    if total == 0 {
        return 0.0;
    }
    (2 * common) as f32 / total as f32
}

/// Pairs a gap's segments: the order-preserving pairing with the highest total similarity
/// (pairs below [`MIN_SIMILARITY`] do not count), or, for huge gaps, by position.
fn pair_gap(a: &[Seg], b: &[Seg], ao: usize, bo: usize, out: &mut Vec<Step>) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n * m > MAX_GAP_CELLS {
        for k in 0..n.max(m) {
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) if similarity(x, y) >= MIN_SIMILARITY => {
                    out.push(Step::Changed {
                        old: ao + k,
                        new: bo + k,
                    })
                }
                (x, y) => {
                    if x.is_some() {
                        out.push(Step::Removed { old: ao + k });
                    }
                    if y.is_some() {
                        out.push(Step::New { new: bo + k });
                    }
                }
            }
        }
        return;
    }
    // best[i][j]: best total for a[i..] and b[j..].
    let w = m + 1;
    let mut best = vec![0f32; (n + 1) * w];
    let mut sim = vec![0f32; n * m];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = similarity(&a[i], &b[j]);
            sim[i * m + j] = s;
            let take = if s >= MIN_SIMILARITY {
                s + best[(i + 1) * w + j + 1]
            } else {
                f32::MIN
            };
            best[i * w + j] = take.max(best[(i + 1) * w + j]).max(best[i * w + j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = sim[i * m + j];
        if s >= MIN_SIMILARITY && best[i * w + j] == s + best[(i + 1) * w + j + 1] {
            out.push(Step::Changed {
                old: ao + i,
                new: bo + j,
            });
            i += 1;
            j += 1;
        } else if best[i * w + j] == best[(i + 1) * w + j] {
            out.push(Step::Removed { old: ao + i });
            i += 1;
        } else {
            out.push(Step::New { new: bo + j });
            j += 1;
        }
    }
    out.extend((i..n).map(|i| Step::Removed { old: ao + i }));
    out.extend((j..m).map(|j| Step::New { new: bo + j }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| normalize(s)).collect()
    }

    #[test]
    fn normalizing_drops_markup_case_and_punctuation() {
        assert_eq!(normalize("**Applies to**:"), "applies to");
        assert_eq!(
            normalize("See [Support](https://x.com/a)."),
            "see support https x com a"
        );
        assert_eq!(normalize("  "), "");
    }

    /// The seeds' nl and ru English: the two role lines were rewritten, the rest is the same.
    #[test]
    fn rewritten_lines_are_changed_and_their_lists_removed() {
        let old = norm(&[
            "Customer self-support through Microsoft Office 365 admin center",
            "**Applies to**",
            "Partner Center for Microsoft Cloud for US Government",
            "**Appropriate roles**",
            "Helpdesk agent",
            "Customers can sign into their own Microsoft Office 365 admin center.",
        ]);
        let new = norm(&[
            "Customer self-support through Microsoft Office 365 admin center",
            "**Applies to**: Partner Center | Partner Center for Microsoft Cloud for US Government",
            "**Appropriate roles**: Helpdesk agent",
            "Customers can sign into their own Microsoft Office 365 admin center.",
        ]);
        assert_eq!(
            align(&old, &new),
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Changed { old: 1, new: 1 },
                Step::Removed { old: 2 },
                Step::Changed { old: 3, new: 2 },
                Step::Removed { old: 4 },
                Step::Same { old: 5, new: 3 },
            ]
        );
    }

    #[test]
    fn moved_inserted_and_repeated_segments() {
        let old = norm(&["a b c", "note", "d e f", "note", "g h i"]);
        let new = norm(&["a b c", "note", "new text here", "d e f", "note", "g h i x"]);
        assert_eq!(
            align(&old, &new),
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Same { old: 1, new: 1 },
                Step::New { new: 2 },
                Step::Same { old: 2, new: 3 },
                Step::Same { old: 3, new: 4 },
                Step::Changed { old: 4, new: 5 },
            ]
        );
        assert_eq!(align(&[], &norm(&["x"])), vec![Step::New { new: 0 }]);
        assert_eq!(align(&norm(&["x"]), &[]), vec![Step::Removed { old: 0 }]);
    }

    /// Every segment of both sides appears exactly once, in order, whatever the input.
    #[test]
    fn every_segment_is_accounted_for_once_on_big_pages() {
        let old: Vec<String> = (0..10_000)
            .map(|i| format!("sentence number {} of the page", i % 700))
            .collect();
        let mut new = old.clone();
        new.retain(|s| !s.contains(" 13 "));
        new.insert(5000, "an inserted sentence".into());
        new[20] = "sentence number twenty changed of the page".into();
        let start = std::time::Instant::now();
        let steps = align(&old, &new);
        let _ = start.elapsed();
        let (mut oi, mut ni) = (0, 0);
        for s in &steps {
            match *s {
                Step::Same { old, new } | Step::Changed { old, new } => {
                    assert_eq!((old, new), (oi, ni));
                    oi += 1;
                    ni += 1;
                }
                Step::Removed { old } => {
                    assert_eq!(old, oi);
                    oi += 1;
                }
                Step::New { new } => {
                    assert_eq!(new, ni);
                    ni += 1;
                }
            }
        }
        assert_eq!((oi, ni), (old.len(), new.len()));
        assert!(steps.contains(&Step::Changed { old: 20, new: 20 }));
    }
}
