//! Paths: nothing outside content/ is read, included or copied.

use super::harness::*;

#[test]
fn link_targets_outside_the_site_are_never_read_or_copied() {
    let o = fixture("path-traversal").build().built();
    assert_no_secrets(&o);
    let page = o.page("en/docs/traversal/index.html");
    assert_safe(&page);
    let f = "content/en/docs/traversal.md";
    o.warning(&format!("{f}:6:1"), &["broken link", "../../../etc/passwd"]);
    o.warning(&format!("{f}:7:1"), &["docs-root link", "/etc/passwd"]);
    o.warning(&format!("{f}:8:1"), &["broken link", "win.ini"]);
    o.warning(&format!("{f}:9:1"), &["broken link", "passwd"]);
    o.warning(&format!("{f}:10:1"), &["unsafe link", "file:///etc/passwd"]);
    o.warning(&format!("{f}:11:1"), &["broken link", "%2e%2e/"]);
    o.warning(&format!("{f}:12:1"), &["broken link", "C:/Windows/win.ini"]);
    o.warning(&format!("{f}:13:1"), &["broken link", "secret.md"]);
    o.warning(
        &format!("{f}:14:1"),
        &["broken link", "../../../outside.md"],
    );
    o.warning(&format!("{f}:16:1"), &["image", "not found"]);
    o.warning(&format!("{f}:18:1"), &["image", "not found"]);
    o.warning(&format!("{f}:20:1"), &["image", "not found"]);
    let unavailable = page.text_of(".sp-link-unavailable");
    for t in [
        "up three",
        "windows",
        "backslashes",
        "encoded",
        "forward windows",
        "unc",
        "to the site root",
    ] {
        assert!(
            unavailable.contains(&t.to_string()),
            "{t:?} not among {unavailable:?}"
        );
    }
    assert_eq!(page.text_of(".sp-image-missing").len(), 3);
    // Links the parser made never climb out of the site.
    // Links the parser made never climb out of the site (raw HTML is not rewritten).
    for href in page
        .attr(".sp-content a[href]", "href")
        .into_iter()
        .chain(page.attr(".sp-content img[src]", "src"))
    {
        if href.starts_with("../") && href != "../../../../etc/passwd" {
            assert!(
                resolve_in_output(&o.out, "en/docs/traversal/index.html", &href).is_some(),
                "{href} climbs out of the site"
            );
        }
    }
    assert_shows(&page, &["Text after the links."]);
}

#[test]
fn includes_outside_content_are_never_included() {
    let o = fixture("include-traversal").build().built();
    assert_no_secrets(&o);
    let page = o.page("en/docs/includes/index.html");
    assert_safe(&page);
    let f = "content/en/docs/includes.md";
    for (line, target) in [
        (6, "../../../../etc/passwd"),
        (8, "/etc/passwd"),
        (10, "%2e%2e/"),
        (12, "win.ini"),
        (14, "../../../outside.md"),
    ] {
        o.warning(
            &format!("{f}:{line}:1"),
            &["include", target, "not found inside content/"],
        );
    }
    assert_shows(
        &page,
        &[
            "Snippet text from content/shared.",
            "Text after the includes.",
        ],
    );
    assert_hides(&page, &["[!INCLUDE", "title: Snippet"]);
}

#[test]
fn include_bomb_is_bounded() {
    let o = fixture("include-bomb").build().built();
    let page = o.page("en/page/index.html");
    assert_shows(&page, &["Loop text.", "Text after the bomb."]);
    assert!(
        o.warnings()
            .iter()
            .any(|d| location(d).starts_with("content/en/includes/loop.md:")
                || location(d).starts_with("content/en/page.md:6:1")),
        "the loop is not reported:\n{}",
        o.listing()
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_in_content_are_skipped_without_hanging() {
    let site = empty("fifo-files");
    site.write("content/en/a.md", "# A\n");
    std::fs::create_dir_all(site.path("content/en/media")).unwrap();
    if !mkfifo(&site.path("content/en/pipe.md")) || !mkfifo(&site.path("content/en/media/pipe.png"))
    {
        eprintln!(
            "note: mkfifo is not available; skipping fifos_and_devices_in_content_are_skipped_without_hanging"
        );
        return;
    }
    site.symlink("content/en/zero.md", "/dev/zero");
    let o = site.build().built();
    assert!(o.exists("en/a/index.html"));
    assert!(
        !o.exists("en/pipe/index.html")
            && !o.exists("en/zero/index.html")
            && !o.exists("en/media/pipe.png")
    );
}

#[cfg(unix)]
#[test]
fn include_of_a_fifo_does_not_hang() {
    let site = empty("include-fifo");
    site.write(
        "content/en/a.md",
        "# A\n\n[!INCLUDE [pipe](includes/pipe.md)]\n\nAfter.\n",
    );
    std::fs::create_dir_all(site.path("content/en/includes")).unwrap();
    if !mkfifo(&site.path("content/en/includes/pipe.md")) {
        eprintln!("note: mkfifo is not available; skipping include_of_a_fifo_does_not_hang");
        return;
    }
    let o = site.build();
    let at = "content/en/a.md:3:1";
    assert!(
        o.diags
            .iter()
            .any(|d| location(d) == at && d.message.contains("include")),
        "{}",
        o.listing()
    );
}

#[test]
fn included_file_with_bom_and_crlf_hides_its_front_matter() {
    let site = empty("include-bom");
    site.write(
        "content/en/a.md",
        "# A\n\n[!INCLUDE [i](includes/bom.md)]\n\nAfter.\n",
    )
    .write(
        "content/en/includes/bom.md",
        "\u{feff}---\r\ntitle: Included\r\nms.topic: include\r\n---\r\nIncluded body text.\r\n",
    );
    let o = site.build().built();
    let page = o.page("en/a/index.html");
    assert_shows(&page, &["Included body text.", "After."]);
    assert_hides(&page, &["ms.topic", "title: Included"]);
    assert!(!page.raw.contains('\u{feff}'));
}

#[test]
fn names_with_spaces_cyrillic_and_emoji_get_working_urls() {
    let o = fixture("unicode-names").build().built();
    for p in [
        "en/my page/index.html",
        "en/my folder/inner page/index.html",
        "en/😀 emoji/index.html",
        "en/страница/index.html",
        "en/папка/файл/index.html",
        "ru/страница/index.html",
        "en/media/a picture.svg",
    ] {
        assert!(o.exists(p), "{p} is missing");
    }
    o.none_about(&["broken link"]);
    o.none_about(&["not found"]);
    let mut checked = 0;
    for site_path in [
        "en/index.html",
        "en/my page/index.html",
        "en/my folder/inner page/index.html",
        "en/😀 emoji/index.html",
        "en/страница/index.html",
        "en/папка/файл/index.html",
        "ru/страница/index.html",
    ] {
        let page = o.page(site_path);
        assert_safe(&page);
        assert!(
            page.select(".sp-link-unavailable").is_empty(),
            "{site_path}"
        );
        let links = page
            .attr(".sp-content a[href]", "href")
            .into_iter()
            .chain(page.attr(".sp-content img[src]", "src"));
        for href in links {
            let target = resolve_in_output(&o.out, site_path, &href)
                .unwrap_or_else(|| panic!("{site_path}: {href} climbs out of the site"));
            assert!(
                target.is_file(),
                "{site_path}: {href} leads to {}, which does not exist",
                target.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "only {checked} links checked");
    // The fragment survives encoding and names a real heading.
    let home = o.page("en/index.html");
    assert!(
        home.attr(".sp-content a", "href")
            .iter()
            .any(|h| h.ends_with("inner%20page/index.html#section-two"))
    );
}
