//! The benchmark's floor: the least any generator must do with the same corpus. It reads
//! every markdown file, drops the front matter, runs pulldown-cmark's HTML renderer over the
//! body and writes the result, on every core. `bench/run.py` compares signpost against it.
//!
//! Usage: floor CONTENT_DIR OUTPUT_DIR

use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (content, out) = (PathBuf::from(&args[1]), PathBuf::from(&args[2]));
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files
        .par_iter()
        .for_each(|path| render(&content, &out, path));
    println!("{} pages", files.len());
}

fn render(content: &Path, out: &Path, path: &Path) {
    let text = std::fs::read_to_string(path).expect("read");
    let body = match text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
    {
        Some(body) => body,
        None => &text,
    };
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES),
    );
    let target = out
        .join(path.strip_prefix(content).expect("inside"))
        .with_extension("html");
    std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    std::fs::write(target, html).expect("write");
}
