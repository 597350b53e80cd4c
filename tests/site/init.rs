//! `signpost init`: a new partner site that builds with no warning, through the binary as a
//! partner runs it; a folder with anything in it is refused and left as it was.

use std::process::Command;

use crate::common::*;

fn signpost() -> Command {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
}

#[test]
fn init_then_build_has_no_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x");
    let init = signpost().arg("init").arg(&dir).output().unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let build = signpost()
        .args(["build", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{stderr}");
    assert!(
        stderr.contains("0 warning(s), 0 note(s), 0 errors"),
        "a new site builds clean:\n{stderr}"
    );
    // Every key of site.yaml is written out; the brand, the example pages and the tree show.
    let yaml = std::fs::read_to_string(dir.join("site.yaml")).unwrap();
    for key in [
        "base_url:",
        "languages:",
        "default_language:",
        "fallbacks:",
        "docs_root_url:",
        "brand:",
        "logo:",
        "color:",
        "favicon:",
        "footer_links:",
        "strict_contrast:",
        "partner:",
        "sections:",
        "theme:",
        "reading_speed:",
        "status:",
        "search:",
        "trust_html:",
    ] {
        assert!(yaml.contains(key), "site.yaml lacks {key}");
    }
    let built = build_ok(&dir, None);
    for lang in ["en", "nl", "ru", "pl"] {
        let page = built.page(&format!("{lang}/getting-started/index.html"));
        assert_eq!(page.attr(".sp-brand img", "alt").len(), 1, "{lang}");
        assert!(built.exists(&format!("{lang}/who-handles-this/index.html")));
    }
    assert_eq!(
        built
            .page("ru/getting-started/index.html")
            .attr(".sp-brand img", "alt"),
        ["Поддержка Example"]
    );
    assert!(dir.join("locales/nl/who-handles-this.ftl").is_file());
}

#[test]
fn init_refuses_a_folder_with_anything_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let out = signpost().arg("init").arg(tmp.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not empty"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(walk(tmp.path()), ["notes.txt"]);
    assert!(matches!(
        signpost::init::init(tmp.path()),
        Err(signpost::init::InitError::NotEmpty(_))
    ));
}
