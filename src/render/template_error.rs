//! Template errors as diagnostics at the template's file, line and column.

use crate::diag::{Diagnostic, Kind, Location};

/// A tera error as a diagnostic at the template file, line and column tera names
/// (` --> page.html:4:21`), with tera's source excerpt kept in the message.
pub(super) fn template_error(
    templates: &std::collections::BTreeMap<String, (String, std::path::PathBuf)>,
    fallback: &str,
    e: &tera::Error,
) -> Diagnostic {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    let position = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .and_then(|at| {
            let mut parts = at.rsplitn(3, ':');
            let column = parts.next()?.trim().parse::<usize>().ok()?;
            let line = parts.next()?.trim().parse::<usize>().ok()?;
            Some((parts.next()?.to_string(), line, column))
        });
    let (name, line, column) = position.unwrap_or_else(|| (fallback.to_string(), 1, 1));
    let path = templates.get(&name).map_or_else(
        || std::path::Path::new("templates").join(&name),
        |(_, p)| p.clone(),
    );
    let message = text.trim_start_matches("error: ").to_string();
    Diagnostic::error(Kind::Template, Some(Location::new(path, line, column)), format!("template: {message}"))
        .with_hint("fix the template; the built-in ones in themes/default/templates show the variables available")
}
