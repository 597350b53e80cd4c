use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use signpost::config::Overrides;
use signpost::diag::{Diagnostic, Severity};
use signpost::{build, BuildError, BuildOptions};

/// signpost: multilingual support documentation, built into a static site.
#[derive(Parser)]
#[command(name = "signpost", version, about)]
struct Cli {
    /// The site's folder (with content/, and optionally site.yaml, locales/, templates/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: <root>/public).
    Build {
        #[arg(long)]
        output: Option<PathBuf>,
        /// Absolute URL the site is published at, e.g. https://example.org/support/
        #[arg(long)]
        base_url: Option<String>,
        /// Replace an output folder that signpost did not create.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { output, base_url, force } => {
            let opts = BuildOptions { root: cli.root, overrides: Overrides { output, base_url }, force };
            run_build(&opts)
        }
    }
}

fn run_build(opts: &BuildOptions) -> ExitCode {
    match build(opts) {
        Ok(summary) => {
            print_diagnostics(&summary.diagnostics);
            let per_lang: Vec<String> = summary.pages_per_language.iter().map(|(l, n)| format!("{l} {n}")).collect();
            let warnings = summary.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
            eprintln!(
                "built {} in {:.2?}: pages {}; {warnings} warning(s), 0 errors",
                summary.output.display(),
                summary.elapsed,
                per_lang.join(", "),
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Failed(diags)) => {
            print_diagnostics(&diags);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!("build failed: {errors} error(s), {} warning(s); the previous output was left untouched", diags.len() - errors);
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            if let BuildError::Config(signpost::config::ConfigError::Invalid { hint: Some(h), .. }) = &e {
                eprintln!("  hint: {h}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Errors in full; warnings in full when few, else counted by kind with the first few shown.
fn print_diagnostics(diags: &[Diagnostic]) {
    const SHOW_WARNINGS: usize = 20;
    let color = std::io::stderr().is_terminal();
    let (errors, warnings): (Vec<_>, Vec<_>) = diags.iter().partition(|d| d.is_error());
    for d in &errors {
        eprintln!("{}", paint(d, color));
    }
    for d in warnings.iter().take(SHOW_WARNINGS) {
        eprintln!("{}", paint(d, color));
    }
    if warnings.len() > SHOW_WARNINGS {
        let mut by_kind = std::collections::BTreeMap::new();
        for d in &warnings {
            *by_kind.entry(format!("{:?}", d.kind)).or_insert(0usize) += 1;
        }
        let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        eprintln!("… and {} more warning(s) ({}); `signpost check` lists them all", warnings.len() - SHOW_WARNINGS, kinds.join(", "));
    }
}

fn paint(d: &Diagnostic, color: bool) -> String {
    let text = d.to_string();
    if !color {
        return text;
    }
    let code = if d.is_error() { "31" } else { "33" };
    let word = if d.is_error() { "error:" } else { "warning:" };
    text.replacen(word, &format!("\x1b[1;{code}m{word}\x1b[0m"), 1)
}
