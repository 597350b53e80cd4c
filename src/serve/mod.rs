//! `signpost serve`: build, serve on localhost, rebuild what each saved file touches, and
//! reload open pages. What happens is told to the caller as [`ServeEvent`]s; the binary
//! prints them.

pub mod http;
mod redirects;
pub mod session;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use http::{Notice, Shared};
pub use session::RebuildSummary;
use session::{Change, Session};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
    pub no_search: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot watch the site's folders: {0}")]
    Watch(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What `serve` tells its caller, as it happens.
#[derive(Debug)]
pub enum ServeEvent {
    /// The first build is done (whether it succeeded or not).
    Built(RebuildSummary),
    /// Listening: the address to open.
    Listening(SocketAddr),
    /// A change was rebuilt.
    Rebuilt(RebuildSummary),
    /// The search index caught up with the edits, in this long.
    SearchUpdated(std::time::Duration),
    /// `--open` could not start a browser.
    NoBrowser { url: String },
    /// Ctrl-C: the server stopped and its temporary output is gone.
    Stopped,
}

/// Where [`serve`] sends its events; called from more than one thread.
pub type OnEvent = Arc<dyn Fn(ServeEvent) + Send + Sync>;

/// Runs until Ctrl-C, telling `on_event` what happens.
pub fn serve(opts: &ServeOptions, on_event: OnEvent) -> Result<(), ServeError> {
    // Watch events carry absolute paths; the root must be absolute to match them.
    let root = opts.root.canonicalize()?;
    let out_dir = std::env::temp_dir().join(format!("signpost-serve-{}", std::process::id()));
    let mut session = Session::new(&root, &out_dir, opts.no_search);
    let first = session.rebuild(Change::Everything);
    let shared = Shared {
        events: broadcast::channel(64).0,
        errors: Arc::new(Mutex::new(messages(&first))),
    };
    on_event(ServeEvent::Built(first));

    let (tx, rx) = mpsc::channel::<Change>();
    let watching = Arc::new(
        watch::Watching::start(&root, &out_dir, tx)
            .map_err(|e| ServeError::Watch(e.to_string()))?,
    );
    let rebuild_shared = shared.clone();
    let rebuild_watching = Arc::clone(&watching);
    let rebuild_events = Arc::clone(&on_event);
    std::thread::spawn(move || {
        rebuild_loop(
            session,
            rx,
            rebuild_shared,
            &rebuild_watching,
            &*rebuild_events,
        )
    });
    let stopping = shared.events.clone();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let result = runtime.block_on(async {
        let addr = SocketAddr::new(opts.bind, opts.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        let local = listener.local_addr()?;
        on_event(ServeEvent::Listening(local));
        if opts.open {
            let url = format!("http://{local}/");
            if !open_browser(&url) {
                on_event(ServeEvent::NoBrowser { url });
            }
        }
        axum::serve(listener, http::router(&out_dir, shared))
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
                // Open pages hold event streams; ending them lets the server stop.
                let _ = stopping.send(Notice::Shutdown);
            })
            .await?;
        Ok::<(), ServeError>(())
    });
    let _ = std::fs::remove_dir_all(&out_dir);
    on_event(ServeEvent::Stopped);
    result
}

/// Rebuilds one change at a time; changes that arrive meanwhile are merged into one.
fn rebuild_loop(
    mut session: Session,
    rx: mpsc::Receiver<Change>,
    shared: Shared,
    watching: &watch::Watching,
    on_event: &(dyn Fn(ServeEvent) + Send + Sync),
) {
    let mut waiting: Option<Change> = None;
    loop {
        // Indexes built whole (after the first build, an `.ftl` edit, a page that came or
        // went) follow in the quiet after the pages are out, unless more changes wait.
        if waiting.is_none() && session.search_stale() {
            match rx.recv_timeout(std::time::Duration::from_millis(1000)) {
                Ok(next) => waiting = Some(next),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    let start = std::time::Instant::now();
                    let next: std::cell::RefCell<Option<Change>> = std::cell::RefCell::new(None);
                    session.refresh_search(|| {
                        if next.borrow().is_none() {
                            *next.borrow_mut() = rx.try_recv().ok();
                        }
                        next.borrow().is_some()
                    });
                    waiting = next.into_inner();
                    if !session.search_stale() {
                        on_event(ServeEvent::SearchUpdated(start.elapsed()));
                    }
                }
            }
        }
        let first = match waiting.take() {
            Some(change) => change,
            None => match rx.recv() {
                Ok(change) => change,
                Err(_) => return,
            },
        };
        // A `templates/` or `locales/` folder made while serving is watched from now on.
        watching.refresh();
        let mut change = first;
        while let Ok(more) = rx.try_recv() {
            change = change.merge(more);
        }
        let outcome = session.rebuild(change);
        let msgs = messages(&outcome);
        if let Ok(mut errors) = shared.errors.lock() {
            errors.clone_from(&msgs);
        }
        let notice = if msgs.is_empty() {
            Notice::Reload
        } else {
            Notice::Error { messages: msgs }
        };
        let _ = shared.events.send(notice);
        on_event(ServeEvent::Rebuilt(outcome));
        // A page edit's index update runs right after its pages are written.
        if let Some(took) = session.take_search_updated() {
            on_event(ServeEvent::SearchUpdated(took));
        }
    }
}

fn messages(outcome: &RebuildSummary) -> Vec<String> {
    outcome.errors.iter().map(ToString::to_string).collect()
}

/// Whether a browser could be started on `url`.
fn open_browser(url: &str) -> bool {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener).arg(url).spawn().is_ok()
}
