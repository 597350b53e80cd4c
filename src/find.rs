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

/// Where `marker` first occurs in `hay`, found the way [`contains_marker`] looks.
pub fn find_marker(hay: &str, marker: &str) -> Option<usize> {
    let (hay, marker) = (hay.as_bytes(), marker.as_bytes());
    let &first = marker.first()?;
    memchr::memchr_iter(first, hay).find(|&i| hay[i..].starts_with(marker))
}

/// `text.split_inclusive('\n')`, with the newlines found by memchr's SIMD search: the
/// standard library looks for each line's end afresh, which cost more than the work done
/// on a typical line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let tail = !text.is_empty() && !text.ends_with('\n');
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain(tail.then_some(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end;
        line
    })
}

/// Where the first `<` that starts `tag` (any ASCII case) is in `hay`.
pub fn find_tag_ci(hay: &str, tag: &[u8]) -> Option<usize> {
    let b = hay.as_bytes();
    memchr::memchr_iter(b'<', b).find(|&i| {
        b.get(i + 1..i + 1 + tag.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(tag))
    })
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
        assert_eq!(find_marker("a] (b](c", "]("), Some(5));
        assert_eq!(find_tag_ci("a <b> <SPAN x>", b"span"), Some(6));
        assert_eq!(find_tag_ci("a </Span>", b"/span"), Some(2));
    }

    #[test]
    fn lines_split_as_the_standard_library_does() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n", "é\r\nж"] {
            let ours: Vec<&str> = lines(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
