//! Substring search over whole pages, behind one module so the crate can be swapped.
//!
//! memchr's SIMD search is several times faster than `str::contains` on page-sized text,
//! and these run once or more per page or per text event.

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &str, needle: &str) -> bool {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// `hay.contains(marker)` for a short marker whose first byte is rare in text (`**`,
/// `:::`): jumping between that byte's occurrences beats setting up a substring search on
/// every one of a page's text events.
pub fn contains_marker(hay: &str, marker: &str) -> bool {
    let (hay, marker) = (hay.as_bytes(), marker.as_bytes());
    let Some(&first) = marker.first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| hay[i..].starts_with(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_anywhere() {
        assert!(contains_marker("a ** b", "**"));
        assert!(contains_marker("* x **", "**"));
        assert!(!contains_marker("* x * y *", "**"));
        assert!(contains_marker("::: note", ":::"));
        assert!(!contains_marker("a: b :: c", ":::"));
        assert!(contains("x sxs-lookup y", "sxs-lookup") && !contains("sxs lookup", "sxs-lookup"));
    }
}
