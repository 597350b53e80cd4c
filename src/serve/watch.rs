//! Watching the site's folders: notify's events, debounced so an editor's
//! save-rename-write is one change, sorted into what a rebuild needs to redo.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::session::Change;
use crate::config::CONFIG_FILE;
use crate::tree::TREE_FILE;

/// How long to wait for a burst of file events to settle.
pub const DEBOUNCE: Duration = Duration::from_millis(40);

pub type Watcher = Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>;

/// The folders of the site being watched. Folders that appear later are added by
/// [`Watching::refresh`].
pub struct Watching {
    root: PathBuf,
    debouncer: Mutex<Watcher>,
    watched: Mutex<BTreeSet<PathBuf>>,
}

const FOLDERS: [&str; 5] = ["content", "locales", "themes", "templates", "static"];

impl Watching {
    /// Starts watching; every settled batch of events is sent as one [`Change`].
    pub fn start(
        root: &Path,
        ignore: &Path,
        tx: Sender<Change>,
    ) -> Result<Watching, notify_debouncer_full::notify::Error> {
        let root_owned = root.to_path_buf();
        let ignore = ignore.to_path_buf();
        let mut debouncer = new_debouncer(
            DEBOUNCE,
            Some(Duration::from_millis(10)),
            move |result: DebounceEventResult| {
                let Ok(events) = result else { return };
                let paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
                    .flat_map(|e| e.event.paths.iter().cloned())
                    .collect();
                if let Some(change) = classify(&root_owned, &ignore, &paths) {
                    let _ = tx.send(change);
                }
            },
        )?;
        // site.yaml and new folders show up in the root, watched on its own.
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let watching = Watching {
            root: root.to_path_buf(),
            debouncer: Mutex::new(debouncer),
            watched: Mutex::default(),
        };
        watching.refresh();
        Ok(watching)
    }

    /// Watches the site's folders that exist and are not watched yet.
    pub fn refresh(&self) {
        let (Ok(mut debouncer), Ok(mut watched)) = (self.debouncer.lock(), self.watched.lock())
        else {
            return;
        };
        for dir in FOLDERS {
            let path = self.root.join(dir);
            if path.is_dir()
                && !watched.contains(&path)
                && debouncer.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                watched.insert(path);
            }
        }
    }
}

/// What a set of changed paths means for the site; `None` when none of them matter.
pub fn classify(root: &Path, ignore: &Path, paths: &[PathBuf]) -> Option<Change> {
    let mut change: Option<Change> = None;
    for path in paths {
        if path.starts_with(ignore) || is_editor_noise(path) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let this = match parts
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["content", TREE_FILE] => Change::Everything,
            ["content", _lang, .., last] if last.to_ascii_lowercase().ends_with(".md") => {
                Change::Pages(BTreeSet::from([path.clone()]))
            }
            ["content", ..] => Change::Everything,
            ["locales", lang, last] if last.ends_with(".ftl") => {
                Change::Locales(BTreeSet::from([lang.to_string()]))
            }
            ["locales", ..] | ["themes", ..] | ["templates", ..] | ["static", ..] => {
                Change::Everything
            }
            [name] if FOLDERS.contains(name) => Change::Everything,
            [name] if *name == CONFIG_FILE => Change::Everything,
            _ => continue,
        };
        change = Some(match change {
            None => this,
            Some(c) => c.merge(this),
        });
    }
    change
}

/// Swap and backup files editors write next to the real one.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name.ends_with(".tmp")
        || path.components().any(|c| c.as_os_str() == ".git")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_paths_into_changes() {
        let root = Path::new("/site");
        let ignore = Path::new("/tmp/out");
        let p = |s: &str| vec![root.join(s)];
        assert_eq!(
            classify(root, ignore, &p("content/nl/a.md")),
            Some(Change::Pages(BTreeSet::from(
                [root.join("content/nl/a.md")]
            )))
        );
        assert_eq!(
            classify(root, ignore, &p("locales/ru/ui.ftl")),
            Some(Change::Locales(BTreeSet::from(["ru".to_string()])))
        );
        assert_eq!(
            classify(root, ignore, &p("templates/page.html")),
            Some(Change::Everything)
        );
        assert_eq!(
            classify(root, ignore, &p("site.yaml")),
            Some(Change::Everything)
        );
        assert_eq!(
            classify(root, ignore, &p("content/who-handles-this.yaml")),
            Some(Change::Everything)
        );
        assert_eq!(classify(root, ignore, &p("content/nl/.a.md.swp")), None);
        assert_eq!(classify(root, ignore, &p("README.md")), None);
        assert_eq!(
            classify(
                root,
                ignore,
                &[root.join("content/nl/a.md"), root.join("content/ru/b.md")]
            ),
            Some(Change::Pages(BTreeSet::from([
                root.join("content/nl/a.md"),
                root.join("content/ru/b.md")
            ])))
        );
        assert_eq!(
            classify(
                root,
                ignore,
                &[root.join("content/nl/a.md"), root.join("locales/nl/ui.ftl")]
            ),
            Some(Change::Everything)
        );
    }
}
