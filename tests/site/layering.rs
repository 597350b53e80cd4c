//! Data flows one way (README, "Project layout"): every `crate::` path in `src/` must lead to a
//! module of the same stage or a lower one. A module that is not in [`STAGES`] fails the test
//! too, so a new module gets a place in the order when it is added.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::*;

/// The stages, lowest first; each names the top-level modules of `src/` it holds.
const STAGES: &[(&str, &[&str])] = &[
    (
        "leaf values",
        &[
            "lang", "date", "diag", "config", "brand", "urls", "hashing", "find", "builtin",
            "progress", "timing",
        ],
    ),
    // Reading files: content, front matter, includes, the theme, the UI strings.
    ("load", &["load", "i18n"]),
    ("parse", &["parse"]),
    ("model", &["translations", "tree", "model", "redirects"]),
    // Translation QA reads the model's segment pairs; render shows its counts.
    ("qa", &["qa"]),
    ("search", &["search"]),
    ("render", &["render"]),
    ("write", &["write"]),
    // What runs the stages in order, and the commands built on them.
    (
        "pipeline",
        &[
            "prepare", "pipeline", "check", "serve", "init", "lib", "main",
        ],
    ),
];

fn stage_of(module: &str) -> Option<usize> {
    STAGES
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top-level module a file of `src/` belongs to: `src/render/tree/svg.rs` → `render`.
fn module_of(rel: &str) -> String {
    let first = rel.split('/').next().unwrap_or(rel);
    first.trim_end_matches(".rs").to_string()
}

/// The text without `//` comments (doc comments name other stages' items freely) and without
/// the contents of string literals.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_str && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '\'' && chars.get(i + 1) == Some(&'"') && chars.get(i + 2) == Some(&'\'') {
                // The character literal '"' opens no string.
                i += 3;
                continue;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                kept.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The top-level modules a file's code names through `crate::`, with the line of each: both
/// `crate::a::b` and every first name in `use crate::{a::b, c}`.
fn crate_references(code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            // `signpost::crate::` cannot occur; `$crate::` in a macro is the same crate.
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // Names at the group's top level; the group may span lines.
                let start = code.lines().take(n).map(|l| l.len() + 1).sum::<usize>()
                    + (line.len() - group.len());
                let mut depth = 1;
                let mut name = String::new();
                let mut expecting = true;
                for c in code[start..].chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        ',' if depth == 1 => expecting = true,
                        c if depth == 1 && expecting && (c.is_alphanumeric() || c == '_') => {
                            name.push(c)
                        }
                        _ if !name.is_empty() => {
                            found.push((std::mem::take(&mut name), n + 1));
                            expecting = false;
                        }
                        _ => {}
                    }
                }
                if !name.is_empty() {
                    found.push((name, n + 1));
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((name, n + 1));
                }
            }
        }
    }
    found
}

/// Every `crate::` reference of `src/` as (file, line, from module, to module).
fn references() -> Vec<(String, usize, String, String)> {
    let src = repo().join("src");
    let mut out = Vec::new();
    for rel in walk(&src).into_iter().filter(|p| p.ends_with(".rs")) {
        let from = module_of(&rel);
        let code = code_only(&std::fs::read_to_string(src.join(&rel)).unwrap());
        for (to, line) in crate_references(&code) {
            // Items of the crate root (`crate::build`, `crate::BuildError`) are the top stage's.
            let to = if src.join(format!("{to}.rs")).is_file() || src.join(&to).is_dir() {
                to
            } else {
                "lib".to_string()
            };
            if to != from {
                out.push((format!("src/{rel}"), line, from.clone(), to));
            }
        }
    }
    out
}

#[test]
fn every_module_has_a_stage() {
    let src = repo().join("src");
    let modules: BTreeSet<String> = walk(&src)
        .iter()
        .filter(|p| p.ends_with(".rs"))
        .map(|p| module_of(p))
        .collect();
    let unplaced: Vec<&String> = modules.iter().filter(|m| stage_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules of src/ without a stage: {unplaced:?}; add each to STAGES in {}",
        file!()
    );
    assert!(Path::new(&src.join("lib.rs")).is_file());
}

#[test]
fn no_module_imports_a_higher_stage() {
    let refs = references();
    assert!(
        refs.len() > 100,
        "only {} crate:: references found; the scan is broken",
        refs.len()
    );
    let mut faults = Vec::new();
    for (file, line, from, to) in &refs {
        let (Some(a), Some(b)) = (stage_of(from), stage_of(to)) else {
            continue;
        };
        if b > a {
            faults.push(format!(
                "{file}:{line}: {from} ({}) uses {to} ({}), a later stage",
                STAGES[a].0, STAGES[b].0
            ));
        }
    }
    assert!(
        faults.is_empty(),
        "arrows running back up the stages:\n{}",
        faults.join("\n")
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let mut uses: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    for (file, line, from, to) in references() {
        uses.entry((from, to)).or_insert((file, line));
    }
    let mut faults = Vec::new();
    for ((from, to), (file, line)) in &uses {
        if from < to
            && let Some((back_file, back_line)) = uses.get(&(to.clone(), from.clone()))
        {
            faults.push(format!(
                "{from} and {to} use each other: {file}:{line} and {back_file}:{back_line}"
            ));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_scan_sees_grouped_and_multi_line_imports() {
    let code = code_only(
        "use crate::{\n    diag::{Diagnostic, Kind},\n    lang::Lang,\n};\n// crate::render in a comment\nlet s = \"crate::write\";\nlet x = crate::urls::Urls::new(None);\n",
    );
    let names: Vec<String> = crate_references(&code)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["diag", "lang", "urls"]);
}
