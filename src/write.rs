//! Stage 5, write: files go into a staging folder beside the output, which replaces the
//! output only when the whole build succeeded. A failed build leaves the old site as it was.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Kind, Location};

/// Marks a folder as signpost's output, so a build never replaces a folder it did not make.
pub const MARKER: &str = ".signpost-output";

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "{0} exists and was not made by signpost; refusing to replace it (use --force, or choose another --output)"
    )]
    NotOurs(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Makes sure folder `dir` exists: one `mkdir` when its parent does (a page's folder in its
/// language's), the whole chain only when that fails. `create_dir_all` alone compares the
/// path's components before it starts, which cost more than the `mkdir`.
fn ensure_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => Ok(()),
        // Something else of that name makes the file's creation fail, and that is reported.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(_) => std::fs::create_dir_all(dir),
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub struct Output {
    target: PathBuf,
    staging: PathBuf,
    /// Renders everything but keeps nothing (`signpost check`).
    discard: bool,
}

impl Output {
    /// Prepares a fresh staging folder; checks up front that the target may be replaced.
    pub fn begin(target: &Path, force: bool) -> Result<Output, WriteError> {
        if target.exists() && !force && !target.join(MARKER).exists() && !is_empty_dir(target) {
            return Err(WriteError::NotOurs(target.to_path_buf()));
        }
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        std::fs::write(
            staging.join(MARKER),
            b"This folder is written by signpost build; it is replaced on every build.\n",
        )
        .map_err(io(&staging))?;
        Ok(Output {
            target: target.to_path_buf(),
            staging,
            discard: false,
        })
    }

    /// Writes straight into `dir` (for `serve`, which updates single pages in place).
    pub fn direct(dir: &Path) -> Output {
        Output {
            target: dir.to_path_buf(),
            staging: dir.to_path_buf(),
            discard: false,
        }
    }

    /// An output that throws every file away, for checking that everything renders.
    pub fn discard() -> Output {
        Output {
            target: PathBuf::new(),
            staging: PathBuf::new(),
            discard: true,
        }
    }

    /// Writes one file at a `/`-separated site path.
    pub fn write(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics) {
        self.write_parts(site_path, &[bytes], diags);
    }

    /// Writes `parts` one after another into one file, in one vectored write, without
    /// joining them first (a twin's front matter and body).
    pub fn write_parts(&self, site_path: &str, parts: &[&[u8]], diags: &Diagnostics) {
        if self.discard {
            return;
        }
        let path = self.staging.join(site_path);
        let result = path
            .parent()
            .map_or(Ok(()), ensure_dir)
            .and_then(|()| std::fs::File::create(&path))
            .and_then(|mut file| write_all_parts(&mut file, parts));
        self.report(site_path, result, diags);
    }

    /// Writes one file into a folder that another file was written to already (a page's
    /// HTML beside its twin): the file is opened at once, and the folder made only when it
    /// turns out to be missing.
    pub fn write_beside(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics) {
        use std::io::Write;
        if self.discard {
            return;
        }
        let path = self.staging.join(site_path);
        let create = || std::fs::File::create(&path);
        let result = match create() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => path
                .parent()
                .map_or(Ok(()), ensure_dir)
                .and_then(|()| create()),
            other => other,
        }
        .and_then(|mut file| file.write_all(bytes));
        self.report(site_path, result, diags);
    }

    fn report(&self, site_path: &str, result: std::io::Result<()>, diags: &Diagnostics) {
        if let Err(e) = result {
            diags.push(Diagnostic::error(
                Kind::Io,
                Some(Location::new(self.target.join(site_path), 1, 1)),
                format!("cannot write: {e}"),
            ));
        }
    }

    pub fn copy(&self, site_path: &str, source: &Path, diags: &Diagnostics) {
        if self.discard {
            return;
        }
        let path = self.staging.join(site_path);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::copy(source, &path).map(|_| ()));
        if let Err(e) = result {
            diags.push(Diagnostic::error(
                Kind::Io,
                Some(Location::new(source, 1, 1)),
                format!("cannot copy to the output: {e}"),
            ));
        }
    }

    /// Swaps the staging folder in for the output.
    pub fn commit(self) -> Result<(), WriteError> {
        let old = self.staging.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(io(&self.target))?;
        }
        if let Err(source) = std::fs::rename(&self.staging, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(WriteError::Io {
                path: self.target.clone(),
                source,
            });
        }
        if had_old {
            remove_tree(&old).map_err(io(&old))?;
        }
        Ok(())
    }

    /// Throws the staging folder away; the output is untouched.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// Removes a whole folder with its top-level entries in parallel: the previous output of a
/// large site is tens of thousands of files, and their unlinks need not wait for each other.
/// A link is removed, never followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            remove_folder(&entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

/// The files a build writes into a page's folder.
const PAGE_FILES: [&str; 2] = ["index.html", "index.md"];

/// Removes a top-level folder of the output (a language's pages). A page's folder holds
/// the files a build writes there: they are unlinked by name and the folder removed, three
/// system calls, where listing the folder first takes seven or more. A folder that is not
/// empty then (more files, a deeper page) goes the long way. A link is removed, never
/// followed.
fn remove_folder(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type()?.is_dir() {
            std::fs::remove_file(&path)?;
            continue;
        }
        for name in PAGE_FILES {
            // One that is missing or not a file is left to `remove_dir_all`.
            let _ = std::fs::remove_file(path.join(name));
        }
        if std::fs::remove_dir(&path).is_err() {
            std::fs::remove_dir_all(&path)?;
        }
    }
    std::fs::remove_dir(dir)
}

/// `parts` written one after another with as few system calls as the kernel allows.
fn write_all_parts(file: &mut std::fs::File, parts: &[&[u8]]) -> std::io::Result<()> {
    use std::io::{ErrorKind, IoSlice, Write};
    let mut slices: Vec<IoSlice> = parts.iter().map(|p| IoSlice::new(p)).collect();
    let mut rest = &mut slices[..];
    IoSlice::advance_slices(&mut rest, 0);
    while !rest.is_empty() {
        match file.write_vectored(rest) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

impl crate::render::FileSink for Output {
    fn write(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics) {
        Output::write(self, site_path, bytes, diags);
    }

    fn write_parts(&self, site_path: &str, parts: &[&[u8]], diags: &Diagnostics) {
        Output::write_parts(self, site_path, parts, diags);
    }

    fn write_beside(&self, site_path: &str, bytes: &[u8], diags: &Diagnostics) {
        Output::write_beside(self, site_path, bytes, diags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_tree_removes_everything_below_and_never_follows_a_link() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("keep.txt"), "kept").unwrap();
        let old = tmp.path().join("old");
        for dir in ["en/a", "en/b", "nl/a", "nl/a/b", "search/nl"] {
            std::fs::create_dir_all(old.join(dir)).unwrap();
            std::fs::write(old.join(dir).join("index.html"), "x").unwrap();
        }
        // A twin, a file a build does not write, and a folder named like a page's file.
        std::fs::write(old.join("en/a/index.md"), "x").unwrap();
        std::fs::write(old.join("en/b/extra.txt"), "x").unwrap();
        std::fs::create_dir_all(old.join("en/c/index.md/d")).unwrap();
        std::fs::write(old.join("sitemap.xml"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, old.join("link")).unwrap();
        std::os::unix::fs::symlink(&outside, old.join("en/link")).unwrap();
        std::os::unix::fs::symlink(&outside, old.join("en/d")).unwrap();
        std::fs::create_dir_all(old.join("en/e")).unwrap();
        std::os::unix::fs::symlink(outside.join("keep.txt"), old.join("en/e/index.html")).unwrap();
        remove_tree(&old).unwrap();
        assert!(!old.exists());
        assert_eq!(
            std::fs::read_to_string(outside.join("keep.txt")).unwrap(),
            "kept"
        );
    }
}
