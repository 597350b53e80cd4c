//! Encodings and odd files.

use super::harness::*;

#[test]
fn bom_and_crlf_keep_line_and_column_numbers() {
    let site = empty("bom-crlf");
    site.write("content/en/bom.md", b"\xef\xbb\xbf[x](nope1.md) first line\r\n\r\nline 3 [y](nope2.md)\r\n")
        .write("content/en/crlf.md", "---\r\ntitle: CRLF\r\nms.date: someday\r\n---\r\n# Heading\r\n\r\nText on line seven [z](nope3.md)\r\n\r\n> [!NOTE]\r\n> Note [w](nope4.md)\r\n")
        .write("content/en/cr.md", "---\rtitle: CR only\r---\r# H\r\rline 6 [v](nope5.md)\r")
        .write("content/en/bom-front.md", b"\xef\xbb\xbf---\r\ntitle: BOM title\r\n---\r\n# Body\r\n");
    let o = site.build().built();
    o.warning("content/en/bom.md:1:1", &["broken link", "nope1.md"]);
    o.warning("content/en/bom.md:3:8", &["broken link", "nope2.md"]);
    o.warning("content/en/crlf.md:3:1", &["ms.date", "not a date"]);
    o.warning("content/en/crlf.md:7:20", &["broken link", "nope3.md"]);
    o.warning("content/en/crlf.md:10:8", &["broken link", "nope4.md"]);
    o.warning("content/en/cr.md:6:8", &["broken link", "nope5.md"]);
    for (slug, title) in [
        ("bom", "bom"),
        ("crlf", "CRLF"),
        ("cr", "CR only"),
        ("bom-front", "BOM title"),
    ] {
        let page = o.page(&format!("en/{slug}/index.html"));
        assert!(
            page.text_of("title")[0].starts_with(title),
            "{slug}: {:?}",
            page.text_of("title")
        );
        assert!(
            !page.raw.contains('\u{feff}') && !page.raw.contains('\r'),
            "{slug}: BOM or CR in the output"
        );
        assert_safe(&page);
    }
    assert_eq!(
        o.page("en/crlf/index.html").select(".sp-alert-note").len(),
        1
    );
}

#[test]
fn crlf_and_bom_front_matter_errors_have_the_lf_position() {
    let lf = "---\ntitle: Bad page\ndescription: [never closed\nauthor: someone\n---\n# Bad page\n";
    let site = empty("crlf-yaml-error");
    site.write("content/en/lf.md", lf)
        .write("content/en/crlf.md", lf.replace('\n', "\r\n"))
        .write(
            "content/en/bom-crlf.md",
            format!("\u{feff}{}", lf.replace('\n', "\r\n")),
        );
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 3, "{}", o.listing());
    for f in ["lf", "crlf", "bom-crlf"] {
        o.error(&format!("content/en/{f}.md:4:7"), &["front matter"]);
    }
}

#[test]
fn non_utf8_page_is_an_error_at_the_first_bad_byte_and_keeps_the_previous_output() {
    let site = empty("latin-1");
    site.write("content/en/good.md", "# Good\n");
    let o = site.fails_over_previous_output(|s| {
        // Latin-1 `é` (0xE9) on line 6, after `Caf`.
        s.write(
            "content/en/latin.md",
            b"---\ntitle: Latin\n---\n# Latin\n\nCaf\xe9 au lait\n",
        );
        // An overlong `/` and a UTF-16 surrogate written as UTF-8 are not UTF-8 either.
        s.write("content/en/overlong.md", b"# Overlong\n\nab\xc0\xaf\n");
        s.write("content/en/surrogate.md", b"# S\n\xed\xa0\x80\n");
    });
    assert_eq!(o.errors().len(), 3, "{}", o.listing());
    o.error("content/en/latin.md:6:4", &["not valid UTF-8"]);
    o.error("content/en/overlong.md:3:3", &["not valid UTF-8"]);
    o.error("content/en/surrogate.md:2:1", &["not valid UTF-8"]);
}

#[test]
fn binary_file_with_md_name_is_an_error() {
    let site = empty("binary");
    let mut png =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
            .to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    site.write("content/en/picture.md", png)
        .write("content/en/good.md", "# Good\n");
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/picture.md:1:1", &["not a text file"]);
}

#[test]
fn empty_and_blank_files_build() {
    let site = empty("empty");
    site.write("content/en/empty-page.md", "")
        .write("content/en/blank.md", "\n\n   \n\t\n");
    let o = site.build().built();
    assert!(o.page("en/empty-page/index.html").text_of("title")[0].starts_with("empty page"));
    assert!(o.page("en/blank/index.html").text_of("title")[0].starts_with("blank"));
}

#[test]
fn page_larger_than_32_mib_is_refused_without_reading_it() {
    let site = empty("huge");
    site.write("content/en/good.md", "# Good\n");
    let f = std::fs::File::create(site.path("content/en/huge.md")).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let o = site.build().failed();
    assert_eq!(o.errors().len(), 1, "{}", o.listing());
    o.error("content/en/huge.md:1:1", &["larger than 32 MiB"]);
}

/// A 10 MB page of ordinary DocFX markup: headings, links, bold, code, lists, alerts and
/// side-by-side table cells; `link` is the target of its many links.
fn ten_mb_page(link: &str) -> (String, usize) {
    let mut text = String::from("---\ntitle: Big\n---\n# Big page\n\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&format!(
            "## Section {n}\n\nSome text with a [link]({link}) and **bold** and `code`, then a list:\n\n- one\n- two\n  - nested {n}\n\n\
             > [!NOTE]\n> A note {n}.\n\n| a | b |\n|---|---|\n| <span data-ttu-id=\"x{n}\">Cel {n}</span><span class=\"sxs-lookup\"><span data-stu-id=\"x{n}\">Cell {n}</span></span> | 2 |\n\n"
        ));
        n += 1;
    }
    (text, n)
}

fn assert_10_mb_page_builds(case: &str, link: &str) {
    let (text, n) = ten_mb_page(link);
    let site = empty(case);
    site.write("content/nl/big.md", &text)
        .write("content/nl/other.md", "# Top\n");
    let o = site.build().built();
    let raw = std::fs::read_to_string(o.out.join("nl/big/index.html")).unwrap();
    assert!(raw.len() > 10 * 1024 * 1024, "{} bytes", raw.len());
    let last = n - 1;
    assert!(
        raw.contains(&format!(r#"<h2 id="section-{last}">Section {last}</h2>"#)),
        "the last section is missing"
    );
    assert!(raw.contains(&format!("Cel {last}")));
    o.none_about(&["broken link"]);
    o.none_about(&["no heading or anchor"]);
}

#[test]
fn page_of_10_mb_builds_in_bounded_time() {
    assert_10_mb_page_builds("10mb", "other.md");
}

#[test]
fn page_of_10_mb_with_fragment_links_builds_in_bounded_time() {
    assert_10_mb_page_builds("10mb-fragments", "other.md#top");
}
