//! One integration-test binary over real sites: the seed pages in `content/`, the shared
//! corpus, and small fixture sites made per test.

mod brand;
mod browser;
mod check;
mod common;
mod corpus;
mod directives;
mod errors;
mod feedback;
mod handoff;
mod hostile;
mod i18n;
mod init;
mod layering;
mod nginx;
mod qa;
mod redirects;
mod search;
mod seeds;
mod serve;
mod translations;
mod tree;
mod validate;
