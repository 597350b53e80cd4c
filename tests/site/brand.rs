//! A partner's brand from site.yaml on the default site: name per language, logo with a dark
//! variant, a light accent colour that fails contrast (adjusted, with a warning that names it
//! and its ratio), favicon and footer links, on every page type; and the errors a bad brand
//! gets, at its site.yaml line.

use crate::common::*;

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32"><rect width="32" height="32" rx="6" fill="#8a6d00"/><text x="40" y="22" font-family="sans-serif" font-size="16" fill="#1b1f24">Contoso</text></svg>"##;
const LOGO_DARK: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32"><rect width="32" height="32" rx="6" fill="#ffcc00"/><text x="40" y="22" font-family="sans-serif" font-size="16" fill="#e6e8eb">Contoso</text></svg>"##;

pub const BRAND_YAML: &str = r##"languages: [en, nl, ru, pl]
default_language: en
docs_root_url: https://learn.microsoft.com/
brand:
  name:
    en: Contoso Help
    nl: Contoso Hulp
    ru: Помощь Contoso
  logo:
    light: contoso/logo.svg
    dark: contoso/logo-dark.svg
  color: "#ffcc00"
  favicon: contoso/logo.svg
  footer_links:
    - label: { en: Privacy, nl: Privacy, ru: Конфиденциальность, pl: Prywatność }
      url: https://contoso.example/privacy
    - label: Contact
      url: contact/
"##;

/// The repository's default site (seeds and decision tree) with a brand.
pub fn branded_site(site_yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for rel in walk(&repo().join("content")) {
        let to = dir.path().join("content").join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(repo().join("content").join(&rel), to).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("static/contoso")).unwrap();
    std::fs::write(dir.path().join("static/contoso/logo.svg"), LOGO).unwrap();
    std::fs::write(dir.path().join("static/contoso/logo-dark.svg"), LOGO_DARK).unwrap();
    std::fs::write(dir.path().join("site.yaml"), site_yaml).unwrap();
    dir
}

#[test]
fn brand_shows_on_every_page_type_with_a_checked_colour() {
    let site = branded_site(BRAND_YAML);
    let built = build_ok(site.path(), Some("https://example.org/support/"));

    // The colour fails on white: the warning names it, its ratio and the shade used.
    let warning = built
        .summary
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .find(|d| d.contains("brand color"))
        .expect("a contrast warning");
    assert!(
        warning.starts_with("site.yaml:12:1: warning: brand color `#ffcc00` has a contrast of 1.5"),
        "{warning}"
    );
    let shade = warning
        .split("so the shade ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap()
        .to_string();
    let used_ratio: f64 = warning
        .split(&format!("{shade} ("))
        .nth(1)
        .and_then(|r| r.split(':').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(used_ratio >= 4.5, "{warning}");
    assert_ne!(shade, "#ffcc00");

    // The generated stylesheet carries the shade in light mode and the colour in dark mode.
    let css = std::fs::read_to_string(built.out.join("static/brand.css")).unwrap();
    assert!(css.contains(&format!("--sp-link: {shade};")), "{css}");
    assert!(
        css.contains("--sp-link: #ffcc00;"),
        "dark mode keeps the colour: {css}"
    );
    assert!(built.exists("static/contoso/logo.svg"));

    let pages = [
        ("index.html", "en"),
        ("en/index.html", "en"),
        ("nl/customer-self-support/index.html", "nl"),
        ("ru/provide-technical-support/index.html", "ru"),
        ("pl/index.html", "pl"),
        ("nl/who-handles-this/index.html", "nl"),
        ("nl/who-handles-this/overview/index.html", "nl"),
        ("ru/search/index.html", "ru"),
        ("status/index.html", "en"),
        ("404.html", "en"),
        ("nl/404.html", "nl"),
    ];
    let outcome = built.html_files().into_iter().find(|p| {
        p.starts_with("nl/who-handles-this/") && {
            let page = built.page(p);
            !page.select(".sp-tree-outcome, .sp-outcome").is_empty()
        }
    });
    let outcome = outcome.expect("an outcome page");
    let mut checked = 0;
    for (path, lang) in pages
        .iter()
        .map(|(p, l)| (p.to_string(), *l))
        .chain([(outcome, "nl")])
    {
        let page = built.page(&path);
        let name = match lang {
            "en" => "Contoso Help",
            "nl" => "Contoso Hulp",
            "ru" => "Помощь Contoso",
            // No Polish name: the site-title string stands in.
            _ => "Pomoc techniczna",
        };
        let alt = page.attr(".sp-header .sp-brand img.sp-brand-logo", "alt");
        if lang == "pl" {
            assert_eq!(alt.len(), 1, "{path}");
            assert_ne!(
                alt[0], "Contoso Help",
                "{path}: Polish falls back to site-title"
            );
        } else {
            assert_eq!(alt, [name], "{path}");
        }
        let logo = &page.attr(".sp-brand img", "src")[0];
        assert!(logo.ends_with("static/contoso/logo.svg"), "{path}: {logo}");
        let dark = page.select(".sp-brand picture source[media='(prefers-color-scheme: dark)']");
        assert_eq!(dark.len(), 1, "{path}: dark logo");
        let sheets = page.attr("link[rel=stylesheet]", "href");
        assert!(
            sheets
                .iter()
                .any(|h| h.contains("static/brand.") && h.ends_with(".css")),
            "{path}: {sheets:?}"
        );
        let icon = page.attr("link[rel=icon]", "href");
        assert!(
            icon[0].ends_with("static/contoso/logo.svg"),
            "{path}: {icon:?}"
        );
        let footer = page.text_of(".sp-footer-links a");
        assert_eq!(footer.len(), 2, "{path}");
        assert_eq!(footer[1], "Contact");
        // No inline style anywhere.
        assert!(
            page.select("[style], style").is_empty(),
            "{path}: inline style"
        );
        checked += 1;
    }
    assert_eq!(checked, pages.len() + 1);
    let ru = built.page("ru/provide-technical-support/index.html");
    assert_eq!(ru.text_of(".sp-footer-links a")[0], "Конфиденциальность");
    assert_eq!(
        ru.attr(".sp-footer-links a", "href")[1],
        "../../contact/",
        "a path link starts at the site's root"
    );
    assert!(ru.text_of("title")[0].ends_with("Помощь Contoso"));
    // Without a share_image, share previews show the partner's logo.
    assert_eq!(
        ru.attr("meta[property=\"og:image\"]", "content"),
        ["https://example.org/support/static/contoso/logo.svg"]
    );
}

#[test]
fn strict_contrast_makes_the_colour_an_error() {
    let yaml = BRAND_YAML.replace("  favicon:", "  strict_contrast: true\n  favicon:");
    let site = branded_site(&yaml);
    let err = build_site(site.path(), None)
        .err()
        .expect("the build fails");
    let text = err.to_string();
    assert!(
        text.contains("site.yaml:12:1") && text.contains("`#ffcc00` has a contrast of 1.5"),
        "{text}"
    );
}

#[test]
fn a_bad_brand_is_an_error_at_its_line() {
    let cases = [
        (
            BRAND_YAML.replace("contoso/logo-dark.svg", "contoso/nope.svg"),
            11,
            "does not exist",
        ),
        (
            BRAND_YAML.replace("\"#ffcc00\"", "tomato"),
            12,
            "is not a colour",
        ),
        (
            BRAND_YAML.replace("  favicon:", "  colour: red\n  favicon:"),
            13,
            "unknown field `colour`",
        ),
        (
            BRAND_YAML.replace("    ru: Помощь", "    de: Hilfe"),
            8,
            "`de` in brand `name`",
        ),
        (
            BRAND_YAML.replace("url: contact/", "url: javascript:alert(1)"),
            18,
            "javascript:alert(1)",
        ),
    ];
    for (yaml, line, what) in cases {
        let site = branded_site(&yaml);
        let text = build_site(site.path(), None)
            .err()
            .expect("the build fails")
            .to_string();
        assert!(
            text.starts_with(&format!("site.yaml:{line}:")) && text.contains(what),
            "want line {line}, `{what}`: {text}"
        );
    }
    // A file named .png that is not a PNG.
    let site = branded_site(
        &BRAND_YAML.replace("contoso/logo.svg\n    dark", "contoso/fake.png\n    dark"),
    );
    std::fs::write(site.path().join("static/contoso/fake.png"), "not an image").unwrap();
    let text = build_site(site.path(), None).err().unwrap().to_string();
    assert!(
        text.starts_with("site.yaml:10:") && text.contains("is not a readable PNG image"),
        "{text}"
    );
}
