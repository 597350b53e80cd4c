//! The HTTP side of `serve`: the output folder through tower-http's `ServeDir` (which refuses
//! paths outside it), plus live reload over server-sent events.

use std::convert::Infallible;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::{ServeDir, ServeFile};

/// What open pages are told after a rebuild.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Notice {
    Reload,
    /// The rebuild failed: the messages (file:line:col) for the overlay.
    Error {
        messages: Vec<String>,
    },
    /// The server is stopping: event streams end so it can.
    Shutdown,
}

#[derive(Clone)]
pub struct Shared {
    pub events: broadcast::Sender<Notice>,
    /// Errors of the last rebuild, for pages opened while they stand.
    pub errors: Arc<Mutex<Vec<String>>>,
}

pub fn router(out_dir: &Path, shared: Shared) -> Router {
    let files = ServeDir::new(out_dir)
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(out_dir.join("404.html")));
    Router::new()
        .route("/__signpost/events", get(events))
        .route("/__signpost/state", get(state))
        .route("/__signpost/live.js", get(live_js))
        .fallback_service(files)
        .with_state(shared)
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.events.subscribe())
        .take_while(|n| !matches!(n, Ok(Notice::Shutdown)))
        .filter_map(|n| {
            let notice = n.ok()?;
            let json = serde_json::to_string(&notice).ok()?;
            Some(Ok(Event::default().event("signpost").data(json)))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn state(State(shared): State<Shared>) -> impl IntoResponse {
    let errors = shared.errors.lock().map(|e| e.clone()).unwrap_or_default();
    let body = serde_json::json!({ "errors": errors }).to_string();
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}

async fn live_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

/// Reloads the page after a rebuild; shows build errors in an overlay until they are fixed.
const LIVE_JS: &str = r#"(function () {
  "use strict";
  var OVERLAY = "signpost-error-overlay";
  function show(messages) {
    var box = document.getElementById(OVERLAY);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0b0b;color:#ffe3e3;border:2px solid #ff6b6b;border-radius:8px;padding:1rem;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;";
      document.body.appendChild(box);
    }
    box.textContent = "signpost: the last change has errors; the page shows the last good build.\n\n" + messages.join("\n\n");
  }
  function hide() {
    var box = document.getElementById(OVERLAY);
    if (box) box.remove();
  }
  fetch("/__signpost/state", { cache: "no-store" }).then(function (r) { return r.json(); })
    .then(function (s) { if (s.errors && s.errors.length) show(s.errors); }).catch(function () {});
  var source = new EventSource("/__signpost/events");
  source.addEventListener("signpost", function (e) {
    var notice = JSON.parse(e.data);
    if (notice.type === "reload") { hide(); window.location.reload(); }
    else if (notice.type === "error") show(notice.messages);
  });
})();
"#;
