//! Fuzzing on the stable toolchain (issue 7): property tests with proptest, one module per
//! target, each with a hand-picked corpus (`corpus/<target>/*.txt`) that every `cargo test`
//! runs through the same checks.
//!
//! | target | what it feeds |
//! |---|---|
//! | `frontmatter` | `load::frontmatter::split` and `parse` |
//! | `spans` | `translations::reconstruct::english_text` |
//! | `markdown` | the parser in-process (`markdown::parse`) and whole builds (`markdown::site`) |
//! | `tree` | `content/who-handles-this.yaml` through a whole build |
//!
//! A plain `cargo test` runs a few dozen cases per property; `PROPTEST_CASES` sets more, and
//! `fuzz/run.sh` runs each target for a bounded time. Failing cases proptest finds are saved
//! in `tests/fuzz/<target>.proptest-regressions` and replayed first on every run.

mod common;
mod frontmatter;
mod markdown;
mod regressions;
mod spans;
mod tree;
