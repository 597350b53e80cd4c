//! The default theme and UI strings, compiled into the binary so `signpost build` works on
//! any folder. A site overrides any of them with a file of the same name.

/// (name, source) of the default templates.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "page.html",
        include_str!("../themes/default/templates/page.html"),
    ),
    (
        "home.html",
        include_str!("../themes/default/templates/home.html"),
    ),
    (
        "chooser.html",
        include_str!("../themes/default/templates/chooser.html"),
    ),
    (
        "404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
    (
        "status.html",
        include_str!("../themes/default/templates/status.html"),
    ),
    (
        "search.html",
        include_str!("../themes/default/templates/search.html"),
    ),
    (
        "tree-question.html",
        include_str!("../themes/default/templates/tree-question.html"),
    ),
    (
        "tree-outcome.html",
        include_str!("../themes/default/templates/tree-outcome.html"),
    ),
    (
        "tree-answers.html",
        include_str!("../themes/default/templates/tree-answers.html"),
    ),
    (
        "tree-overview.html",
        include_str!("../themes/default/templates/tree-overview.html"),
    ),
];

/// (path under static/, bytes) of the default theme's static files.
pub const STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "signpost.js",
        include_bytes!("../themes/default/static/signpost.js"),
    ),
    (
        "tree.js",
        include_bytes!("../themes/default/static/tree.js"),
    ),
    (
        "handoff.js",
        include_bytes!("../themes/default/static/handoff.js"),
    ),
    (
        "search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
];

/// (language, file name, source) of the default Fluent files.
pub const LOCALES: &[(&str, &str, &str)] = &[
    ("en", "ui.ftl", include_str!("../locales/en/ui.ftl")),
    ("nl", "ui.ftl", include_str!("../locales/nl/ui.ftl")),
    ("ru", "ui.ftl", include_str!("../locales/ru/ui.ftl")),
    ("pl", "ui.ftl", include_str!("../locales/pl/ui.ftl")),
    (
        "en",
        "who-handles-this.ftl",
        include_str!("../locales/en/who-handles-this.ftl"),
    ),
    (
        "nl",
        "who-handles-this.ftl",
        include_str!("../locales/nl/who-handles-this.ftl"),
    ),
    (
        "ru",
        "who-handles-this.ftl",
        include_str!("../locales/ru/who-handles-this.ftl"),
    ),
    (
        "pl",
        "who-handles-this.ftl",
        include_str!("../locales/pl/who-handles-this.ftl"),
    ),
];
