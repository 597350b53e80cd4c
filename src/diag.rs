//! Diagnostics: problems found in the site's files, each tied to a file, line and column.
//!
//! Stages push diagnostics into a shared [`Diagnostics`] sink instead of stopping at the
//! first problem, so a build reports every fault at once. Only `main` decides how to print.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, not a fault: missing or stale translations. Shown by `check`.
    Note,
    Warning,
    Error,
}

/// Where in a file something is; lines and columns count from 1, from the top of the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line,
            column,
        }
    }

    /// Line and column of a byte offset in `text`, counted from the file's first line.
    pub fn at_offset(path: impl Into<PathBuf>, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        Location::new(path, line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// Where each line of a text starts, for turning many byte offsets into line:column without
/// rescanning the text each time.
#[derive(Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn location(&self, path: &Path, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        Location::new(path, line, text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// What a diagnostic is about, so tools (`check --format json`, summaries) can group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    FrontMatter,
    Content,
    Translation,
    BrokenLink,
    /// An include that cannot be followed (missing, unreadable, a cycle, too deep).
    Include,
    Config,
    Locale,
    Template,
    Tree,
    Io,
    /// Translation QA: what machine translation broke in a segment (numbers, code, links…).
    TranslationQa,
}

/// The translation-QA checks (src/qa/), by the id `check --format json` and `site.yaml` use.
/// Listed here, like [`Kind`], so a diagnostic can name one in a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Numbers,
    Code,
    Urls,
    Placeholders,
    NoLoc,
    Bold,
    Untranslated,
    Empty,
    Glossary,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Rule::Numbers => "numbers",
            Rule::Code => "code",
            Rule::Urls => "urls",
            Rule::Placeholders => "placeholders",
            Rule::NoLoc => "no-loc",
            Rule::Bold => "bold",
            Rule::Untranslated => "untranslated",
            Rule::Empty => "empty",
            Rule::Glossary => "glossary",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub location: Option<Location>,
    pub message: String,
    pub hint: Option<String>,
    /// The translation-QA rule that found it (`numbers`, `code`…), for tools and `site.yaml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Everything a message only counts (the UI strings a language lacks), for tools reading
    /// `check --format json`; the text output shows the message alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

impl Diagnostic {
    pub fn error(kind: Kind, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            location,
            message: message.into(),
            hint: None,
            rule: None,
            details: Vec::new(),
        }
    }

    pub fn note(kind: Kind, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            kind,
            location,
            message: message.into(),
            hint: None,
            rule: None,
            details: Vec::new(),
        }
    }

    pub fn warning(kind: Kind, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            kind,
            location,
            message: message.into(),
            hint: None,
            rule: None,
            details: Vec::new(),
        }
    }

    pub fn with_rule(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }

    /// The id of the translation-QA rule that found it, if one did.
    pub fn rule_id(&self) -> Option<&'static str> {
        self.rule.map(Rule::id)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_details(mut self, details: Vec<String>) -> Self {
        self.details = details;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{sev}: {}", self.message)?;
        if let Some(rule) = self.rule_id() {
            write!(f, " [{rule}]")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A thread-safe sink the stages report into; rendering runs in parallel.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Mutex<Vec<Diagnostic>>,
}

impl Diagnostics {
    pub fn push(&self, d: Diagnostic) {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .any(Diagnostic::is_error)
    }

    /// All diagnostics, errors first, then by file and position, without duplicates.
    pub fn take_sorted(&self) -> Vec<Diagnostic> {
        let mut items = std::mem::take(&mut *self.items.lock().unwrap_or_else(|e| e.into_inner()));
        items.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.location.cmp(&b.location))
                .then_with(|| a.message.cmp(&b.message))
        });
        items.dedup();
        items
    }
}

/// A path shown relative to the site root, so messages read `content/ru/x.md:3:5`.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
