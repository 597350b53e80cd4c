//! Real-browser tests: builds the seed site and runs the node:test files in `tests/browser/`
//! against it in Debian's Chromium, through playwright-core (browsers are never downloaded).
//! Screenshots go to `target/browser-shots/`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// The whole `node --test` run; it takes about two minutes on two CPUs, where node runs the
/// test files one after another.
const RUN_LIMIT: Duration = Duration::from_secs(300);

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

fn npm_ci(dir: &Path) {
    let installed = dir
        .join("node_modules/playwright-core/package.json")
        .is_file()
        && dir.join("node_modules/axe-core/axe.min.js").is_file();
    if installed {
        return;
    }
    eprintln!("tests/browser: node_modules missing, running `npm ci`");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "could not run `npm ci` in {}: {e} (is npm installed?)",
                dir.display()
            )
        });
    assert!(
        status.success(),
        "`npm ci` in {} failed ({status}); see its output above",
        dir.display()
    );
}

fn wait_with_limit(mut child: Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for node") {
            return status;
        }
        if start.elapsed() > limit {
            kill_group(&mut child);
            panic!("`node --test tests/browser/` did not finish within {limit:?}; it was killed");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Kills node with its test-file processes and their browsers.
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn browser_tests_pass_in_chromium() {
    let repo = repo();
    let chromium = chromium();
    if !require_tool("browser tests", "chromium", chromium.is_some())
        || !require_tool("browser tests", "node", on_path("node"))
    {
        return;
    }
    let chromium = chromium.unwrap();
    let dir = repo.join("tests/browser");
    npm_ci(&dir);

    let site = build_ok(&repo, None);
    // The seed site again, with page feedback on (feedback.test.mjs).
    let with_feedback = Fixture::new(&[(
        "site.yaml",
        "languages: [en, nl, ru, pl]\ndefault_language: en\nfeedback:\n  url: https://feedback.example.org/collect\n",
    )]);
    copy_dir(&repo.join("content"), &with_feedback.root().join("content"));
    let feedback_site = build_ok(with_feedback.root(), None);
    // The seed site with a partner's brand (tests/browser/brand.test.mjs), and the shade its
    // colour was moved to, from the build's warning.
    let branded_src = crate::brand::branded_site(crate::brand::BRAND_YAML);
    let branded = build_ok(branded_src.path(), None);
    let shade = branded
        .summary
        .diagnostics
        .iter()
        .find_map(|d| {
            d.message
                .split("so the shade ")
                .nth(1)?
                .split(' ')
                .next()
                .map(str::to_string)
        })
        .expect("the brand colour's contrast warning");
    // A site with a redirect page (pages-a11y.test.mjs checks it in both colour schemes).
    let redirecting = Fixture::new(&[
        ("site.yaml", "languages: [nl, ru]\n"),
        (
            "content/.openpublishing.redirection.json",
            r#"{"redirections": [{"source_path": "oud.md", "redirect_url": "/nieuw"}]}"#,
        ),
        (
            "content/nl/nieuw.md",
            "---\ntitle: Nieuwe pagina\n---\n\nHier staat het nu.\n",
        ),
    ]);
    let redirect_site = build_ok(redirecting.root(), None);
    let shots = repo.join("target/browser-shots");
    let mut cmd = Command::new("node");
    cmd.args(["--test", "--test-reporter=spec", "tests/browser/"])
        .current_dir(&repo)
        .env("SIGNPOST_SITE", &site.out)
        .env("SIGNPOST_FEEDBACK_SITE", &feedback_site.out)
        .env("SIGNPOST_BRANDED_SITE", &branded.out)
        .env("SIGNPOST_REDIRECT_SITE", &redirect_site.out)
        .env("SIGNPOST_BRAND_SHADE", &shade)
        .env("SIGNPOST_SHOTS", &shots)
        .env("SIGNPOST_CHROMIUM", &chromium)
        .stdin(Stdio::null())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("could not run node: {e}"));
    let status = wait_with_limit(child, RUN_LIMIT);
    assert!(
        status.success(),
        "browser tests failed ({status}); node's report is above, screenshots in {}",
        shots.display()
    );
}
