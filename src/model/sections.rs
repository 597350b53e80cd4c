//! Which home-page group a page belongs to, by the rules in `site.yaml`.

use globset::{Glob, GlobMatcher};

use crate::config::SectionRule;
use crate::load::SourcePage;

pub struct Sections {
    rules: Vec<(SectionRule, Vec<GlobMatcher>)>,
}

impl Sections {
    /// Patterns were checked when the config was loaded; a bad one here matches nothing.
    pub fn new(rules: &[SectionRule]) -> Self {
        let rules = rules
            .iter()
            .map(|r| {
                let globs = r
                    .paths
                    .iter()
                    .filter_map(|p| Glob::new(p).ok())
                    .map(|g| g.compile_matcher())
                    .collect();
                (r.clone(), globs)
            })
            .collect();
        Sections { rules }
    }

    /// The first rule the page matches; a rule without conditions matches everything, and a
    /// page no rule matches goes to the last section.
    pub fn classify(&self, page: &SourcePage) -> &str {
        for (rule, globs) in &self.rules {
            let unconditional =
                rule.paths.is_empty() && rule.subservices.is_empty() && rule.topics.is_empty();
            let by_path = globs.iter().any(|g| g.is_match(&page.slug));
            let by_sub = page
                .front
                .subservice
                .as_ref()
                .is_some_and(|s| rule.subservices.iter().any(|x| x.eq_ignore_ascii_case(s)));
            let by_topic = page
                .front
                .topic
                .as_ref()
                .is_some_and(|s| rule.topics.iter().any(|x| x.eq_ignore_ascii_case(s)));
            if unconditional || by_path || by_sub || by_topic {
                return &rule.id;
            }
        }
        self.rules.last().map_or("", |(r, _)| r.id.as_str())
    }
}
