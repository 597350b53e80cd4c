//! Templates and static files: the built-in default theme, then `themes/<name>/` on disk,
//! then the site's own `templates/` and `static/`; a later file replaces an earlier one of
//! the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Kind, Location, display_path};

pub struct Theme {
    /// name → (source, where it came from, for messages).
    pub templates: BTreeMap<String, (String, PathBuf)>,
    /// path under the output's `static/` → bytes.
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    pub fn load(config: &Config, diags: &Diagnostics) -> Theme {
        let mut templates: BTreeMap<String, (String, PathBuf)> = crate::builtin::TEMPLATES
            .iter()
            .map(|(n, s)| {
                (
                    n.to_string(),
                    (s.to_string(), Path::new("themes/default/templates").join(n)),
                )
            })
            .collect();
        let mut statics: BTreeMap<String, Vec<u8>> = crate::builtin::STATIC
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_vec()))
            .collect();
        let theme_dir = config.root.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            let text = std::fs::read_to_string(config.root.join("site.yaml")).unwrap_or_default();
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("theme:"))
                .map_or(1, |i| i + 1);
            diags.push(
                Diagnostic::error(
                    Kind::Config,
                    Some(Location::new("site.yaml", line, 1)),
                    format!(
                        "theme `{}` not found at {}",
                        config.theme,
                        display_path(&config.root, &theme_dir).display()
                    ),
                )
                .with_hint(
                    "create the folder, or remove `theme` from site.yaml for the built-in theme",
                ),
            );
        }
        for dir in [theme_dir.join("templates"), config.root.join("templates")] {
            for (name, path) in files_under(&dir) {
                if !name.ends_with(".html") && !name.ends_with(".xml") && !name.ends_with(".txt") {
                    continue;
                }
                match std::fs::read_to_string(&path) {
                    Ok(src) => {
                        templates.insert(name, (src, display_path(&config.root, &path)));
                    }
                    Err(e) => diags.push(Diagnostic::error(
                        Kind::Template,
                        Some(Location::new(display_path(&config.root, &path), 1, 1)),
                        format!("cannot read template: {e}"),
                    )),
                }
            }
        }
        for dir in [theme_dir.join("static"), config.root.join("static")] {
            for (name, path) in files_under(&dir) {
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        statics.insert(name, bytes);
                    }
                    Err(e) => diags.push(Diagnostic::error(
                        Kind::Io,
                        Some(Location::new(display_path(&config.root, &path), 1, 1)),
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
        Theme { templates, statics }
    }
}

/// Files below `dir`, by their `/`-separated path relative to it.
fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.path().to_path_buf())
        })
        .collect()
}
