//! What a static host needs besides the pages: fingerprinted copies of the stylesheets and
//! scripts (`static/style.<hash>.css`), which pages link so a host may cache them for a year,
//! and a `_headers` file (Netlify / Cloudflare Pages syntax) with those cache rules and a
//! strict Content-Security-Policy that the output honours: no inline script or style, nothing
//! from other origins.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// The output file Netlify and Cloudflare Pages read response headers from.
pub const HEADERS_FILE: &str = "_headers";

/// The policy every page is served with. Pages load their own stylesheets, scripts, images
/// and search indexes, and nothing else; forms (search) submit to the site itself.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Files of `static/` that get a fingerprinted copy: what pages link by name.
pub fn fingerprinted(name: &str) -> bool {
    !name.contains('/') && (name.ends_with(".css") || name.ends_with(".js"))
}

/// `style.css` → `style.<16 hex digits>.css`, from the bytes.
pub fn fingerprint(name: &str, bytes: &[u8]) -> String {
    // std's SipHash with its fixed keys: the same bytes give the same name on every build
    // (a toolchain that changed it would only make browsers fetch the files once more).
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    let hash = format!("{:016x}", h.finish());
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// The names pages use for the static files: fingerprinted for stylesheets and scripts, as
/// they are for everything else. `files` are (name under `static/`, bytes).
pub fn asset_names<'a>(
    files: impl Iterator<Item = (&'a str, &'a [u8])>,
) -> BTreeMap<String, String> {
    files
        .filter(|(name, _)| fingerprinted(name))
        .map(|(name, bytes)| (name.to_string(), fingerprint(name, bytes)))
        .collect()
}

/// `_headers`: the policy and safe defaults for every path under the site's root path
/// (`/support/`), and a year of caching for each fingerprinted file.
pub fn headers_file(root_path: &str, assets: &BTreeMap<String, String>) -> String {
    let mut s = String::from(
        "# Written by signpost: response headers (Netlify / Cloudflare Pages syntax).\n",
    );
    s.push_str(&format!(
        "{root_path}*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    ));
    for hashed in assets.values() {
        s.push_str(&format!(
            "{root_path}static/{hashed}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_the_bytes_only() {
        let a = fingerprint("style.css", b"p{}");
        assert!(
            a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 16
        );
        assert_eq!(a, fingerprint("style.css", b"p{}"));
        assert_ne!(a, fingerprint("style.css", b"p{ }"));
        let names = asset_names([("a.js", &b"1"[..]), ("logo.svg", &b"<svg/>"[..])].into_iter());
        assert_eq!(names.len(), 1);
        let headers = headers_file("/support/", &names);
        assert!(headers.contains(&format!(
            "/support/static/{}\n  Cache-Control: public, max-age=31536000, immutable",
            names["a.js"]
        )));
        assert!(headers.contains("/support/*\n  Content-Security-Policy: default-src 'none';"));
    }
}
