//! Times the search index's word counting alone, on one core: every page's `<main>` of a
//! built site, counted in chunks of 64 pages as the build counts them. Prints wall time and
//! this thread's CPU time per round, so two builds of it can be compared in turn on a busy
//! machine.
//!
//! Usage: count_words BUILT_SITE_DIR [ROUNDS]

use signpost::search::words::{Counter, Field, Part};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: count_words BUILT_SITE_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let pages: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|html| {
            let (start, end) = (html.find("<main")?, html.find("</main>")?);
            Some(html[start..end].to_string())
        })
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    for _ in 0..rounds {
        let (wall, cpu) = (std::time::Instant::now(), thread_cpu_ns());
        let mut words = 0;
        let mut distinct = 0;
        for chunk in pages.chunks(64) {
            let mut counter = Counter::new();
            for page in chunk {
                words += counter
                    .page([(Part::Html(page), Field::Body(1.0))])
                    .words
                    .len();
            }
            distinct += counter.into_words().len();
        }
        println!(
            "{} pages, {} MiB: {:.0} ms wall, {} ms CPU ({words} page words, {distinct} distinct words per chunk)",
            pages.len(),
            bytes >> 20,
            wall.elapsed().as_secs_f64() * 1000.0,
            (thread_cpu_ns() - cpu) / 1_000_000
        );
    }
}

/// This thread's time on a CPU so far (Linux), which a busy machine does not inflate.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
