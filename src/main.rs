use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use signpost::config::Overrides;
use signpost::diag::{Diagnostic, Severity};
use signpost::{BuildError, BuildOptions, build};

// A build makes millions of small, short-lived allocations on every core (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `arena_eager_commit` option (index 4 in both its v2 and v3 headers).
#[cfg(target_os = "linux")]
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// Memory is committed as pages are touched rather than a whole arena at once: a 10,000-page
/// build peaks ~20 MiB lower and spends less time in the kernel zeroing pages it never uses.
/// It must run before the first allocation creates the arena, and the runtime allocates
/// before `main`: so it runs from the ELF initializers, like mimalloc's own setup.
#[cfg(target_os = "linux")]
extern "C" fn tune_allocator() {
    // SAFETY: sets one integer option before any thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

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
        /// Leave out the search index and search pages.
        #[arg(long)]
        no_search: bool,
    },
    /// Build, serve on localhost and rebuild on every save; open pages reload themselves.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but localhost exposes the site to your network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Leave out the search index and search pages.
        #[arg(long)]
        no_search: bool,
    },
    /// List every problem in the site without writing anything; exit status 1 on errors.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if std::env::var_os("SIGNPOST_TIMINGS").is_some() {
        signpost::timing::enable();
    }
    match cli.command {
        Command::Build {
            output,
            base_url,
            force,
            no_search,
        } => {
            let opts = BuildOptions {
                root: cli.root,
                overrides: Overrides {
                    output,
                    base_url,
                    no_search,
                },
                force,
            };
            run_build(&opts)
        }
        Command::Check { format } => run_check(&cli.root, format),
        Command::Serve {
            port,
            bind,
            open,
            no_search,
        } => {
            let opts = signpost::serve::ServeOptions {
                root: cli.root,
                bind,
                port,
                open,
                no_search,
            };
            match signpost::serve::serve(&opts, std::sync::Arc::new(print_serve_event)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `serve`'s events, one line each. The address goes to stdout (tests and scripts read it
/// there to find the port); the rest to stderr.
fn print_serve_event(event: signpost::serve::ServeEvent) {
    use signpost::serve::ServeEvent;
    match event {
        ServeEvent::Built(outcome) => print_outcome(&outcome, "built"),
        ServeEvent::Rebuilt(outcome) => print_outcome(&outcome, "rebuilt"),
        ServeEvent::Listening(addr) => println!("serving http://{addr}/ (Ctrl-C to stop)"),
        ServeEvent::SearchUpdated(took) => eprintln!(
            "search index updated in {:.1} ms",
            took.as_secs_f64() * 1000.0
        ),
        ServeEvent::NoBrowser { url } => eprintln!("could not open a browser; visit {url}"),
        ServeEvent::Stopped => eprintln!("stopped"),
    }
}

/// A rebuild's errors with file:line:col, then one line: `rebuilt 3 page(s) in 41.2 ms: ok, …`.
fn print_outcome(outcome: &signpost::serve::RebuildSummary, verb: &str) {
    print_timings(&outcome.timings);
    for e in &outcome.errors {
        eprintln!("{e}");
    }
    let status = if outcome.errors.is_empty() {
        "ok".to_string()
    } else {
        format!(
            "{} error(s); serving the last good pages",
            outcome.errors.len()
        )
    };
    eprintln!(
        "{verb} {} page(s) in {:.1} ms: {status}, {} warning(s)",
        outcome.pages,
        outcome.elapsed.as_secs_f64() * 1000.0,
        outcome.warnings
    );
}

/// Stage timings, when `SIGNPOST_TIMINGS` is set (the library collects them then).
fn print_timings(timings: &[signpost::timing::StageTime]) {
    for t in timings {
        eprintln!(
            "timing: {:<16} {:>8.1} ms  (from {:.1} ms)",
            t.name,
            t.took.as_secs_f64() * 1000.0,
            t.began.as_secs_f64() * 1000.0
        );
    }
}

/// A progress bar on stderr, for builds run at a terminal.
struct Bar(indicatif::ProgressBar);

impl signpost::progress::Progress for Bar {
    fn stage(&self, name: &'static str, total: u64) {
        self.0.set_position(0);
        self.0.set_length(total);
        self.0.set_prefix(name);
    }

    fn tick(&self) {
        self.0.inc(1);
    }

    fn more(&self, n: u64) {
        self.0.inc_length(n);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn run_build(opts: &BuildOptions) -> ExitCode {
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        // Short builds end before the bar would draw; it only shows on builds that last.
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        signpost::progress::install(Box::new(Bar(bar)));
    }
    let result = build(opts);
    signpost::progress::finish();
    print_timings(&signpost::timing::take());
    match result {
        Ok(summary) => {
            print_diagnostics(&summary.diagnostics, false);
            let per_lang: Vec<String> = summary
                .pages_per_language
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            eprintln!(
                "built {} in {:.2?}: pages {}; {}, 0 errors",
                summary.output.display(),
                summary.elapsed,
                per_lang.join(", "),
                counts(&summary.diagnostics),
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Failed(diags)) => {
            print_diagnostics(&diags, false);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "build failed: {errors} error(s), {}; the previous output was left untouched",
                counts(&diags)
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            if let BuildError::Config(signpost::config::ConfigError::Invalid {
                hint: Some(h),
                ..
            }) = &e
            {
                eprintln!("  hint: {h}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run_check(root: &std::path::Path, format: Format) -> ExitCode {
    let checked = signpost::check(root);
    print_timings(&signpost::timing::take());
    let diags = match checked {
        Ok(d) => d,
        Err(e) => vec![e.into_diagnostic()],
    };
    let errors = diags.iter().filter(|d| d.is_error()).count();
    match format {
        Format::Json => {
            let report = serde_json::json!({
                "errors": errors,
                "warnings": diags.iter().filter(|d| d.severity == Severity::Warning).count(),
                "notes": diags.iter().filter(|d| d.severity == Severity::Note).count(),
                "diagnostics": diags,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        Format::Text => {
            print_diagnostics(&diags, true);
            eprintln!("check: {errors} error(s), {}", counts(&diags));
        }
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn counts(diags: &[Diagnostic]) -> String {
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let notes = diags
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .count();
    format!("{warnings} warning(s), {notes} note(s)")
}

/// Errors in full. `build` shows the first warnings and counts the rest by kind; `check`
/// shows every warning and note.
fn print_diagnostics(diags: &[Diagnostic], all: bool) {
    const SHOW_WARNINGS: usize = 20;
    let color = std::io::stderr().is_terminal();
    let errors = diags.iter().filter(|d| d.is_error());
    let warnings: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    for d in errors {
        eprintln!("{}", paint(d, color));
    }
    let shown = if all { warnings.len() } else { SHOW_WARNINGS };
    for d in warnings.iter().take(shown) {
        eprintln!("{}", paint(d, color));
    }
    if warnings.len() > shown {
        let mut by_kind = std::collections::BTreeMap::new();
        for d in &warnings {
            *by_kind.entry(format!("{:?}", d.kind)).or_insert(0usize) += 1;
        }
        let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        eprintln!(
            "… and {} more warning(s) ({}); `signpost check` lists them all",
            warnings.len() - shown,
            kinds.join(", ")
        );
    }
    if all {
        for d in diags.iter().filter(|d| d.severity == Severity::Note) {
            eprintln!("{}", paint(d, color));
        }
    }
}

fn paint(d: &Diagnostic, color: bool) -> String {
    let text = d.to_string();
    if !color {
        return text;
    }
    let (code, word) = match d.severity {
        Severity::Error => ("31", "error:"),
        Severity::Warning => ("33", "warning:"),
        Severity::Note => ("36", "note:"),
    };
    text.replacen(word, &format!("\x1b[1;{code}m{word}\x1b[0m"), 1)
}
