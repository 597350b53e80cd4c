//! Redirects on a small site: a DocFX redirection file and a `redirect_url` front matter key
//! make a stub page per language and `_redirects` lines; chains, loops, missing targets,
//! collisions and refused URLs are reported at the line that says them.

use crate::common::*;

const REDIRECTION: &str = r#"{
  "redirections": [
    { "source_path": "old.md", "redirect_url": "/new" },
    { "source_path": "gone/away.md", "redirect_url": "https://example.com/x?a=1" },
    { "source_path": "first.md", "redirect_url": "old.md#part" },
    { "source_path": "l1.md", "redirect_url": "/l2" },
    { "source_path": "l2.md", "redirect_url": "/l1" },
    { "source_path": "nowhere.md", "redirect_url": "/nope" },
    { "source_path": "kept.md", "redirect_url": "/new" },
    { "source_path": "evil.md", "redirect_url": "javascript:alert(1)" },
    { "source_path_from_root": "/deep/index.md", "redirect_url": "/new", "redirect_document_id": true }
  ]
}
"#;

fn site() -> Fixture {
    Fixture::new(&[
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/.openpublishing.redirection.json", REDIRECTION),
        (
            "content/en/new.md",
            "---\ntitle: New home\n---\n## Part\n\nText.\n",
        ),
        (
            "content/nl/new.md",
            "---\ntitle: Nieuw thuis\n---\n## Deel\n\nTekst.\n",
        ),
        ("content/en/kept.md", "---\ntitle: Kept\n---\nStill here.\n"),
        (
            "content/en/moved.md",
            "---\ntitle: Moved\nredirect_url: new.md\n---\nOld text.\n",
        ),
    ])
}

fn refresh_of(page: &Page) -> String {
    let content = page.attr("meta[http-equiv=refresh]", "content");
    assert_eq!(content.len(), 1, "{}: {}", page.path, page.raw);
    content[0]
        .strip_prefix("0; url=")
        .unwrap_or_else(|| panic!("{}", content[0]))
        .to_string()
}

#[test]
fn stubs_in_every_language_and_redirects_file_under_the_sub_path() {
    let site = site();
    let built = build_ok(site.root(), Some("https://example.org/docs/"));
    for (lang, title) in [("en", "New home"), ("nl", "Nieuw thuis")] {
        let stub = built.page(&format!("{lang}/old/index.html"));
        let new = format!("../../{lang}/new/");
        assert_eq!(refresh_of(&stub), new);
        assert_eq!(stub.attr("main a", "href"), std::slice::from_ref(&new));
        assert_eq!(stub.text_of("main a"), [title]);
        assert_eq!(
            stub.attr("link[rel=canonical]", "href"),
            [format!("https://example.org/docs/{lang}/new/")]
        );
        assert_eq!(stub.attr("meta[name=robots]", "content"), ["noindex"]);
        assert_eq!(stub.attr("html", "lang"), [lang]);
        // The chain first → old → new is collapsed, and its fragment kept.
        assert_eq!(
            refresh_of(&built.page(&format!("{lang}/first/index.html"))),
            format!("{new}#part")
        );
        assert_eq!(
            refresh_of(&built.page(&format!("{lang}/gone/away/index.html"))),
            "https://example.com/x?a=1"
        );
        // The front matter key: the page is a redirect, not a page.
        assert_eq!(
            refresh_of(&built.page(&format!("{lang}/moved/index.html"))),
            new
        );
        assert_eq!(
            refresh_of(&built.page(&format!("{lang}/deep/index.html"))),
            new
        );
        for skipped in ["l1", "l2", "nowhere", "evil"] {
            assert!(
                !built.exists(&format!("{lang}/{skipped}/index.html")),
                "{skipped}"
            );
        }
    }
    assert!(built.page("en/kept/index.html").raw.contains("Still here."));
    assert_eq!(
        built.page("nl/old/index.html").text_of("h1"),
        ["Deze pagina is verplaatst"]
    );
    let redirects = std::fs::read_to_string(built.out.join("_redirects")).unwrap();
    for line in [
        "/docs/en/old/ /docs/en/new/ 301",
        "/docs/nl/old/ /docs/nl/new/ 301",
        "/docs/nl/first/ /docs/nl/new/#part 301",
        "/docs/en/gone/away/ https://example.com/x?a=1 301",
        "/docs/nl/moved/ /docs/nl/new/ 301",
        // The root sends a browser to the language it prefers, where the host can (Netlify).
        "/docs/ /docs/en/ 302! Language=en",
        "/docs/ /docs/nl/ 302! Language=nl",
    ] {
        assert!(
            redirects.lines().any(|l| l == line),
            "{line} in\n{redirects}"
        );
    }
    assert!(!redirects.contains("javascript"), "{redirects}");
    // The default language, which most browsers also accept, is matched last.
    let at = |rule: &str| redirects.lines().position(|l| l == rule);
    assert!(
        at("/docs/ /docs/nl/ 302! Language=nl") < at("/docs/ /docs/en/ 302! Language=en"),
        "{redirects}"
    );
    // Redirect pages are not in the sitemap.
    let sitemap = std::fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/old/") && !sitemap.contains("/moved/"));

    let file = "content/.openpublishing.redirection.json";
    let said = |at: &str, what: &str| {
        built.summary.diagnostics.iter().any(|d| {
            let s = d.to_string();
            s.starts_with(at) && s.contains(what)
        })
    };
    let all = built
        .summary
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        said(
            &format!("{file}:5:"),
            "redirect to `old.md#part` is a chain: /first/ → /old/ → /new/"
        ),
        "{all}"
    );
    assert!(
        said(&format!("{file}:6:"), "loops: /l1/ → /l2/ → /l1/"),
        "{all}"
    );
    assert!(said(&format!("{file}:7:"), "loops"), "{all}");
    assert!(
        said(
            &format!("{file}:8:"),
            "redirect target `/nope` is not a page of this site"
        ),
        "{all}"
    );
    assert!(
        said(
            &format!("{file}:9:"),
            "collides with the page content/en/kept.md"
        ),
        "{all}"
    );
    assert!(
        said(
            &format!("{file}:10:"),
            "`javascript:alert(1)` is neither an http(s) URL"
        ),
        "{all}"
    );
    // `check` says the same, without writing anything.
    let checked: Vec<String> = signpost::check(site.root())
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(checked.iter().any(|d| d.contains("loops")), "{checked:?}");
}

#[test]
fn from_disk_the_stub_names_index_html() {
    let built = build_ok(site().root(), None);
    let stub = built.page("en/old/index.html");
    assert_eq!(refresh_of(&stub), "../../en/new/index.html");
    assert_eq!(
        stub.attr("link[rel=canonical]", "href"),
        ["../../en/new/index.html"]
    );
    let redirects = std::fs::read_to_string(built.out.join("_redirects")).unwrap();
    assert!(
        redirects.lines().any(|l| l == "/en/old/ /en/new/ 301"),
        "{redirects}"
    );
}

#[test]
fn docs_root_targets_outside_the_site_go_to_docs_root_url() {
    let site = Fixture::new(&[
        (
            "site.yaml",
            "languages: [en]\ndocs_root_url: https://learn.microsoft.com/\n",
        ),
        (
            "content/en/.openpublishing.redirection.json",
            r#"{"redirections": [{"source_path": "a.md", "redirect_url": "/azure/b"}]}"#,
        ),
        ("content/en/x.md", "# X\n"),
    ]);
    let built = build_ok(site.root(), Some("https://example.org/"));
    assert_eq!(
        refresh_of(&built.page("en/a/index.html")),
        "https://learn.microsoft.com/azure/b"
    );
}

#[test]
fn broken_redirection_file_is_an_error_at_its_line() {
    let site = Fixture::new(&[
        ("site.yaml", "languages: [en]\n"),
        (
            "content/en/.openpublishing.redirection.json",
            "{\n  \"redirections\": [\n    { \"source_path\": \"a.md\" \"redirect_url\": \"/x\" }\n  ]\n}\n",
        ),
        ("content/en/x.md", "# X\n"),
    ]);
    let Err(signpost::BuildError::Failed(d)) = build_site(site.root(), None) else {
        panic!("the build should fail");
    };
    let first = d[0].to_string();
    assert!(
        first.starts_with("content/en/.openpublishing.redirection.json:3:"),
        "{first}"
    );
}
