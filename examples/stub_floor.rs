//! The file system's floor for redirect pages: makes 40,000 folders, each with a 600-byte
//! `index.html` (10,000 old URLs in 4 languages), on both cores, and prints the time. A
//! build with a 10,000-entry redirection file cannot add less than this.
//!
//! Usage: stub_floor SCRATCH_DIR   (it is emptied first and left with the files)

use std::io::Write;

use rayon::prelude::*;

const LANGS: [&str; 4] = ["en", "nl", "pl", "ru"];

fn main() {
    let Some(root) = std::env::args().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: stub_floor SCRATCH_DIR");
        std::process::exit(2);
    };
    let _ = std::fs::remove_dir_all(&root);
    for lang in LANGS {
        std::fs::create_dir_all(root.join(lang).join("moved")).expect("scratch folder");
    }
    let html = vec![b'x'; 600];
    let start = std::time::Instant::now();
    (0..40_000usize)
        .into_par_iter()
        .with_min_len(64)
        .for_each(|i| {
            let dir = root
                .join(LANGS[i / 10_000])
                .join("moved")
                .join(format!("old-{}", i % 10_000));
            std::fs::create_dir(&dir).expect("folder");
            let mut file = std::fs::File::create(dir.join("index.html")).expect("file");
            file.write_all(&html).expect("write");
        });
    println!(
        "40,000 folders + files: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}
