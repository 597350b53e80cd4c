//! `signpost init [DIR]`: a ready-to-build partner site to start from: `site.yaml` with every
//! key written out and explained, one example page per language, the default decision tree
//! with its UI strings to edit, and a placeholder logo.

use std::path::{Path, PathBuf};

use crate::builtin;
use crate::tree::TREE_FILE;

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error(
        "{0} is not empty; signpost init only writes into an empty or new folder, so nothing of yours is overwritten"
    )]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

const SITE_YAML: &str = include_str!("../init/site.yaml");
const PAGES: &[(&str, &str)] = &[
    ("en", include_str!("../init/pages/en.md")),
    ("nl", include_str!("../init/pages/nl.md")),
    ("ru", include_str!("../init/pages/ru.md")),
    ("pl", include_str!("../init/pages/pl.md")),
];
const LOGO: &str = include_str!("../init/logo.svg");
const LOGO_DARK: &str = include_str!("../init/logo-dark.svg");
/// The example page's slug; the tree's outcomes point at it until there are real pages.
const EXAMPLE: &str = "getting-started";
const DEFAULT_TREE: &str = include_str!("../content/who-handles-this.yaml");

/// The default tree with its outcomes' `pages:` lists pointing at the example page (the
/// default tree's own pages are the seed pages, which a new site does not have).
fn tree() -> String {
    let mut out = String::from(
        "# The \"Who handles this?\" decision tree. Its words are in locales/<lang>/who-handles-this.ftl;\n\
         # `pages:` lists the slugs of pages that explain an outcome: put your own there.\n",
    );
    for line in DEFAULT_TREE.lines() {
        match line.find("pages: [") {
            Some(i) => {
                out.push_str(&line[..i]);
                out.push_str(&format!("pages: [{EXAMPLE}]"));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Every file `init` writes: (path inside the new site, contents).
pub fn files() -> Vec<(PathBuf, String)> {
    let mut files = vec![
        (PathBuf::from("site.yaml"), SITE_YAML.to_string()),
        (PathBuf::from("content").join(TREE_FILE), tree()),
        (PathBuf::from("static/logo.svg"), LOGO.to_string()),
        (PathBuf::from("static/logo-dark.svg"), LOGO_DARK.to_string()),
    ];
    for (lang, text) in PAGES {
        files.push((
            Path::new("content")
                .join(lang)
                .join(format!("{EXAMPLE}.md")),
            text.to_string(),
        ));
    }
    for (lang, name, text) in builtin::LOCALES {
        if *name == "who-handles-this.ftl" {
            files.push((Path::new("locales").join(lang).join(name), text.to_string()));
        }
    }
    files
}

/// Writes a new site into `dir`, which must be missing or empty. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(dir)(e)),
    }
    let mut written = Vec::new();
    for (rel, text) in files() {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&path, text).map_err(io(&path))?;
        written.push(rel);
    }
    Ok(written)
}
