//! `signpost serve` from the outside: the real binary on a free port, a tiny HTTP/1.1 client
//! over `TcpStream`, and the live-reload events as a browser's `EventSource` would see them.
//! Every wait is bounded, and the server is killed when a test ends, however it ends.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scraper::Html;
use serde_json::Value;

use crate::common::*;

/// The longest any one thing may take before the test fails.
const WAIT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------------
// Fixture

const ALFA: &str = "---\ntitle: Alfa\n---\n# Alfa\n\nAlfa tekst een.\n\nZie [Beta](beta.md).\n";
const BROKEN_ALFA: &str = "---\ntitle: Alfa\nauthor: a: b\n---\n# Alfa\n\nAlfa kapot.\n";

/// Two Dutch pages (one links the other), one English page, a Dutch UI-string override, plus `extra`.
fn site(extra: &[(&str, &str)]) -> Fixture {
    let mut files = vec![
        ("site.yaml", "languages: [en, nl]\n"),
        ("content/nl/alfa.md", ALFA),
        ("content/nl/beta.md", "# Beta\n\nBeta tekst.\n"),
        ("content/en/gamma.md", "# Gamma\n\nGamma text.\n"),
        ("locales/nl/extra.ftl", "site-title = Hulp\n"),
    ];
    files.extend_from_slice(extra);
    Fixture::new(&files)
}

fn write(f: &Fixture, rel: &str, text: &str) {
    let p = f.root().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
}

// ---------------------------------------------------------------------------------------------
// The server process

struct Server {
    child: Child,
    addr: SocketAddr,
    /// The `serving …` line as printed.
    banner: String,
    /// stderr, line by line, as it arrives.
    stderr: Receiver<String>,
    /// Every stderr line so far, for failure messages.
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_signpost"))
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start signpost serve");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let (out_tx, out_rx) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = out_tx.send(line);
            }
        });
        let (err_tx, err_rx) = mpsc::channel::<String>();
        let log = Arc::new(Mutex::new(Vec::new()));
        let log_w = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                log_w.lock().unwrap().push(line.clone());
                let _ = err_tx.send(line);
            }
        });
        // From here on the guard kills the child, whatever happens.
        let mut server = Server {
            child,
            addr: SocketAddr::from(([0, 0, 0, 0], 0)),
            banner: String::new(),
            stderr: err_rx,
            log,
        };
        let Ok(banner) = out_rx.recv_timeout(WAIT) else {
            let exited = server.wait_exit(Duration::from_secs(1));
            std::thread::sleep(Duration::from_millis(100)); // let the stderr reader catch up
            panic!(
                "no `serving` line within {WAIT:?} (exit: {exited:?}); stderr:\n{}",
                server.log()
            );
        };
        let hostport = banner
            .strip_prefix("serving http://")
            .and_then(|rest| rest.split_once('/'))
            .map(|(hp, _)| hp)
            .unwrap_or_else(|| panic!("unexpected banner {banner:?}"));
        server.addr = hostport
            .parse()
            .unwrap_or_else(|e| panic!("{hostport:?} in {banner:?}: {e}"));
        assert!(banner.ends_with("/ (Ctrl-C to stop)"), "{banner}");
        server.banner = banner;
        server
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    fn get(&self, target: &str) -> Response {
        request(self.addr, target)
            .unwrap_or_else(|e| panic!("GET {target}: {e}; stderr:\n{}", self.log()))
    }

    /// GETs `target` until `ok` holds; fails after [`WAIT`] with what was last served.
    fn poll(&self, target: &str, what: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + WAIT;
        loop {
            let last = request(self.addr, target);
            if let Ok(r) = &last {
                if ok(r) {
                    return last.unwrap();
                }
            }
            if Instant::now() > deadline {
                let shown = match &last {
                    Ok(r) => format!(
                        "{} {}",
                        r.status,
                        r.body.chars().take(3000).collect::<String>()
                    ),
                    Err(e) => e.to_string(),
                };
                panic!(
                    "GET {target}: not {what} within {WAIT:?}; last answer: {shown}\nstderr:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    fn state(&self) -> Vec<String> {
        let r = self.get("/__signpost/state");
        assert_eq!(r.status, 200, "{}", r.body);
        let v: Value = serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body));
        v["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("no errors array: {v}"))
            .iter()
            .map(|e| e.as_str().unwrap().to_string())
            .collect()
    }

    /// The next stderr line that begins with `prefix`.
    fn next_line_starting(&self, prefix: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            match self
                .stderr
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) if line.starts_with(prefix) => return line,
                Ok(_) => continue,
                Err(_) => panic!(
                    "no `{prefix}` line within {WAIT:?}; stderr:\n{}",
                    self.log()
                ),
            }
        }
    }

    /// The next stderr line that reports a rebuild (`rebuilt N page(s) in X ms: …`).
    fn next_rebuilt_line(&self) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            match self
                .stderr
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(line) if line.starts_with("rebuilt ") => return line,
                Ok(_) => continue,
                Err(_) => panic!("no `rebuilt` line within {WAIT:?}; stderr:\n{}", self.log()),
            }
        }
    }

    /// Opens `/__signpost/events` like a browser tab does.
    fn events(&self) -> Events {
        Events::open(self.addr).unwrap_or_else(|e| panic!("events: {e}; stderr:\n{}", self.log()))
    }

    fn interrupt(&self) {
        let status = Command::new("kill")
            .arg("-INT")
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -INT failed");
    }

    /// Waits (bounded) for the process to exit on its own.
    fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Where `serve` builds (see `serve::serve`): the temp folder named after its process.
    fn out_dir(&self) -> PathBuf {
        std::env::temp_dir().join(format!("signpost-serve-{}", self.pid()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // A killed serve cannot tidy up after itself.
        let out = self.out_dir();
        let name = out.file_name().unwrap().to_string_lossy().into_owned();
        let pid = self.pid();
        for dir in [
            out.clone(),
            out.with_file_name(format!(".{name}.staging-{pid}")),
            out.with_file_name(format!(".{name}.old-{pid}")),
        ] {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A tiny HTTP/1.1 client

struct Response {
    status: u16,
    headers: String,
    body: String,
}

impl Response {
    fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    fn text_of(&self, css: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(css).unwrap();
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }
}

/// One `GET` with the request line written as given (nothing normalizes `target`).
fn request(addr: SocketAddr, target: &str) -> std::io::Result<Response> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    s.set_write_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    parse_response(&raw).ok_or_else(|| {
        std::io::Error::other(format!(
            "not an HTTP response: {:?}",
            String::from_utf8_lossy(&raw)
        ))
    })
}

fn parse_response(raw: &[u8]) -> Option<Response> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head.lines().next()?.split(' ').nth(1)?.parse().ok()?;
    let rest = &raw[end + 4..];
    let body = if is_chunked(&head) {
        dechunk(rest)?
    } else {
        rest.to_vec()
    };
    Some(Response {
        status,
        headers: head,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn is_chunked(head: &str) -> bool {
    head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

/// A live `/__signpost/events` connection; each event's `data:` arrives parsed on `rx`.
struct Events {
    rx: Receiver<Value>,
    stream: TcpStream,
}

impl Events {
    fn open(addr: SocketAddr) -> std::io::Result<Events> {
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        s.set_read_timeout(Some(WAIT))?;
        write!(
            s,
            "GET /__signpost/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
        )?;
        let mut reader = BufReader::new(s.try_clone()?);
        // The server subscribes before it answers, so once the head is read no rebuild is missed.
        let mut head = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Err(std::io::Error::other(format!("closed after {head:?}")));
            }
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        if !head.starts_with("HTTP/1.1 200")
            || !head.to_ascii_lowercase().contains("text/event-stream")
        {
            return Err(std::io::Error::other(format!(
                "not an event stream: {head}"
            )));
        }
        let chunked = is_chunked(&head);
        // Keep-alive comments come every 15 s; a minute of silence means the server is gone.
        s.set_read_timeout(Some(Duration::from_secs(60)))?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut text = String::new();
            loop {
                let piece = if chunked {
                    read_chunk(&mut reader)
                } else {
                    read_some(&mut reader)
                };
                let Some(piece) = piece else { return };
                text.push_str(&String::from_utf8_lossy(&piece).replace("\r\n", "\n"));
                while let Some(i) = text.find("\n\n") {
                    let block: String = text.drain(..i + 2).collect();
                    let data: Vec<&str> = block
                        .lines()
                        .filter_map(|l| l.strip_prefix("data:"))
                        .map(|d| d.strip_prefix(' ').unwrap_or(d))
                        .collect();
                    if data.is_empty() {
                        continue; // a keep-alive comment
                    }
                    let json = data.join("\n");
                    let value = serde_json::from_str(&json).unwrap_or_else(|e| {
                        Value::String(format!("unparsable event {json:?}: {e}"))
                    });
                    if tx.send(value).is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Events { rx, stream: s })
    }

    /// The next event, whatever its type; fails after [`WAIT`].
    fn next(&self, server: &Server) -> Value {
        self.rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no event within {WAIT:?}; stderr:\n{}", server.log()))
    }

    /// The next event of this `type`, skipping others; fails after [`WAIT`].
    fn wait_for(&self, kind: &str, server: &Server) -> Value {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        loop {
            match self
                .rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(v) if v["type"] == kind => return v,
                Ok(v) => seen.push(v),
                Err(_) => panic!(
                    "no `{kind}` event within {WAIT:?} (saw {seen:?}); stderr:\n{}",
                    server.log()
                ),
            }
        }
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

fn read_chunk(r: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
    if size == 0 {
        return None;
    }
    let mut buf = vec![0; size + 2];
    r.read_exact(&mut buf).ok()?;
    buf.truncate(size);
    Some(buf)
}

fn read_some(r: &mut impl Read) -> Option<Vec<u8>> {
    let mut buf = vec![0; 4096];
    let n = r.read(&mut buf).ok()?;
    if n == 0 {
        return None;
    }
    buf.truncate(n);
    Some(buf)
}

const LIVE_SCRIPT: &str = r#"<script src="/__signpost/live.js">"#;

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn serves_pages_with_the_live_reload_script() {
    let f = site(&[]);
    let server = Server::start(f.root());
    let page = server.get("/nl/alfa/");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.headers
            .to_ascii_lowercase()
            .contains("content-type: text/html"),
        "{}",
        page.headers
    );
    assert!(page.body.contains("Alfa tekst een"), "{}", page.body);
    assert!(page.body.contains(LIVE_SCRIPT), "{}", page.body);
    for target in ["/", "/nl/", "/en/gamma/", "/en/alfa/"] {
        let r = server.get(target);
        assert_eq!(r.status, 200, "{target}: {}", r.body);
        assert!(r.body.contains(LIVE_SCRIPT), "{target}: {}", r.body);
    }
    let js = server.get("/__signpost/live.js");
    assert_eq!(js.status, 200);
    assert!(
        js.body.contains("EventSource(\"/__signpost/events\")"),
        "{}",
        js.body
    );
    assert!(server.state().is_empty(), "{:?}", server.state());
    assert_eq!(server.get("/nl/nergens/").status, 404);
}

#[test]
fn editing_a_page_reloads_and_serves_the_new_text() {
    let f = site(&[]);
    let server = Server::start(f.root());
    assert!(server.get("/nl/alfa/").body.contains("Alfa tekst een"));
    let events = server.events();
    write(
        &f,
        "content/nl/alfa.md",
        &ALFA.replace("Alfa tekst een", "Alfa tekst twee"),
    );
    events.wait_for("reload", &server);
    let page = server.poll("/nl/alfa/", "showing the edit", |r| {
        r.status == 200 && r.body.contains("Alfa tekst twee")
    });
    assert!(!page.body.contains("Alfa tekst een"));
    assert!(page.body.contains(LIVE_SCRIPT));
    // The English fallback copy of the page follows.
    server.poll("/en/alfa/", "showing the edit", |r| {
        r.status == 200 && r.body.contains("Alfa tekst twee")
    });

    // `rebuilt N page(s) in X ms: ok, …`
    let line = server.next_rebuilt_line();
    let (pages, rest) = line
        .strip_prefix("rebuilt ")
        .and_then(|r| r.split_once(" page(s) in "))
        .unwrap_or_else(|| panic!("{line}"));
    let (ms, status) = rest
        .split_once(" ms: ")
        .unwrap_or_else(|| panic!("no time in ms: {line}"));
    let pages: usize = pages.parse().unwrap_or_else(|e| panic!("{line}: {e}"));
    let ms: f64 = ms.parse().unwrap_or_else(|e| panic!("{line}: {e}"));
    assert!(pages >= 1, "{line}");
    assert!((0.0..10_000.0).contains(&ms), "{line}");
    assert!(status.starts_with("ok"), "{line}");
}

/// The pages (hrefs) the served search index of `lang` finds for `query`, read from the
/// files as `search.js` reads them.
fn search_hits(server: &Server, lang: &str, query: &str) -> std::io::Result<Vec<String>> {
    let index = signpost::search::LangIndex::read(&server.out_dir().join("search").join(lang))?;
    Ok(index
        .query(query)
        .into_iter()
        .map(|(d, _)| index.docs[d].href.clone())
        .collect())
}

#[test]
fn the_search_index_follows_a_page_edit() {
    let f = site(&[]);
    let server = Server::start(f.root());
    // The index that follows edits is built in the first quiet second after the start.
    server.next_line_starting("search index updated");
    let hits = |q: &str| search_hits(&server, "nl", q).unwrap_or_else(|e| panic!("{q}: {e}"));
    assert_eq!(hits("een"), ["../../nl/alfa/"]);
    assert!(hits("zeppelinvaart").is_empty());
    write(
        &f,
        "content/nl/alfa.md",
        &ALFA.replace("Alfa tekst een", "Alfa tekst zeppelinvaart"),
    );
    server.next_rebuilt_line();
    // Right after the page: the edit's postings, not a whole index built in the quiet.
    server.next_line_starting("search index updated");
    let deadline = Instant::now() + WAIT;
    while search_hits(&server, "nl", "zeppelinvaart").ok() != Some(vec!["../../nl/alfa/".into()]) {
        assert!(
            Instant::now() < deadline,
            "the edit's word is not found; stderr:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(hits("een").is_empty(), "{:?}", hits("een"));
    // A form of the new word that the page does not have meets it through its stem.
    assert_eq!(hits("zeppelinvaarten"), ["../../nl/alfa/"]);
    assert_eq!(hits("beta"), ["../../nl/beta/", "../../nl/alfa/"]);
}

/// The files of a served language's search index, by name: when each was last written, and
/// what it holds.
fn search_files(server: &Server, lang: &str) -> BTreeMap<String, (std::time::SystemTime, Vec<u8>)> {
    let dir = server.out_dir().join("search").join(lang);
    walk(&dir)
        .into_iter()
        .map(|f| {
            let path = dir.join(&f);
            let written = std::fs::metadata(&path).unwrap().modified().unwrap();
            (f, (written, std::fs::read(&path).unwrap()))
        })
        .collect()
}

/// A sentence added to a real page of the corpus (Dutch, `live`) reaches the search index by
/// writing only the files it changed: a few shards (the postings whose weight moved), no
/// `index.js` (its list of pages is the same), no excerpt file (the page's opening is).
#[test]
fn an_edit_rewrites_only_a_few_search_files() {
    let f = corpus_source();
    let server = Server::start(f.root());
    server.next_line_starting("search index updated");
    let dir = f.root().join("content/nl/live");
    let page = walk(&dir)
        .into_iter()
        .filter(|p| p.ends_with(".md") && !p.ends_with("index.md"))
        .max_by_key(|p| std::fs::metadata(dir.join(p)).unwrap().len())
        .unwrap();
    let stem = page
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".md")
        .to_string();
    let before = search_files(&server, "nl");
    assert!(
        search_hits(&server, "nl", "zeppelinvaart")
            .unwrap()
            .is_empty()
    );
    let text = std::fs::read_to_string(dir.join(&page)).unwrap();
    write(
        &f,
        &format!("content/nl/live/{page}"),
        &format!("{text}\nDe zeppelinvaart boven het kantoor.\n"),
    );
    server.next_rebuilt_line();
    let line = server.next_line_starting("search index updated");
    let hits = search_hits(&server, "nl", "zeppelinvaart").unwrap();
    assert!(
        hits.len() == 1 && hits[0].contains(&stem),
        "{page}: {hits:?}; {line}"
    );
    let after = search_files(&server, "nl");
    // Written again, even with the same bytes; a new shard (of a new word's letters) counts.
    let changed: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    let shards = before.keys().filter(|k| k.starts_with("s-")).count();
    eprintln!(
        "{page}: {} of {} files changed: {changed:?}",
        changed.len(),
        after.len()
    );
    assert!(
        changed.iter().all(|k| k.starts_with("s-")),
        "only shards: {changed:?}"
    );
    assert!(
        !changed.is_empty() && changed.len() <= 12 && changed.len() * 20 <= shards,
        "{} of {shards} shards changed: {changed:?}",
        changed.len()
    );
}

#[test]
fn editing_a_ftl_override_reloads_with_the_new_site_title() {
    let f = site(&[]);
    let server = Server::start(f.root());
    assert_eq!(server.get("/nl/alfa/").text_of(".sp-brand"), vec!["Hulp"]);
    let events = server.events();
    write(&f, "locales/nl/extra.ftl", "site-title = Hulpcentrum\n");
    events.wait_for("reload", &server);
    let page = server.poll("/nl/alfa/", "titled Hulpcentrum", |r| {
        r.text_of(".sp-brand") == ["Hulpcentrum"]
    });
    assert!(
        page.body.contains("<title>Alfa · Hulpcentrum</title>"),
        "{}",
        page.body
    );
    // Fallback pages in Dutch follow; English keeps its own title.
    server.poll("/nl/gamma/", "titled Hulpcentrum", |r| {
        r.text_of(".sp-brand") == ["Hulpcentrum"]
    });
    assert_eq!(
        server.get("/en/gamma/").text_of(".sp-brand"),
        vec!["Support"]
    );
}

#[test]
fn creating_and_editing_a_template_override_reloads() {
    let f = site(&[]);
    // The folder exists (empty) when serve starts; the override is made while serving.
    std::fs::create_dir_all(f.root().join("templates")).unwrap();
    let server = Server::start(f.root());
    let template = |mark: &str| {
        format!(
            "{{% extends \"base.html\" %}}{{% block body %}}<main id=\"main\"><p class=\"mark\">{mark}</p>{{{{ page.content | safe }}}}</main>{{% endblock body %}}"
        )
    };
    let events = server.events();
    write(&f, "templates/page.html", &template("MARK-ONE"));
    events.wait_for("reload", &server);
    let page = server.poll("/nl/alfa/", "using the new template", |r| {
        r.status == 200 && r.text_of(".mark") == ["MARK-ONE"]
    });
    assert!(
        page.body.contains("Alfa tekst een") && page.body.contains(LIVE_SCRIPT),
        "{}",
        page.body
    );

    write(&f, "templates/page.html", &template("MARK-TWO"));
    events.wait_for("reload", &server);
    server.poll("/nl/alfa/", "using the edited template", |r| {
        r.status == 200 && r.text_of(".mark") == ["MARK-TWO"]
    });
    server.poll("/en/gamma/", "using the edited template", |r| {
        r.status == 200 && r.text_of(".mark") == ["MARK-TWO"]
    });
}

#[test]
fn a_broken_page_reports_its_location_and_keeps_the_last_good_html() {
    let f = site(&[]);
    let server = Server::start(f.root());
    let events = server.events();
    write(&f, "content/nl/alfa.md", BROKEN_ALFA);
    let error = events.wait_for("error", &server);
    let messages: Vec<&str> = error["messages"]
        .as_array()
        .unwrap_or_else(|| panic!("{error}"))
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("content/nl/alfa.md:3:10: error: front matter")),
        "{messages:?}"
    );

    let page = server.get("/nl/alfa/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Alfa tekst een") && !page.body.contains("Alfa kapot"),
        "{}",
        page.body
    );
    let state = server.state();
    assert_eq!(state.len(), 1, "{state:?}");
    assert!(
        state[0].starts_with("content/nl/alfa.md:3:10:"),
        "{state:?}"
    );
    assert!(server.get("/nl/beta/").status == 200);

    write(
        &f,
        "content/nl/alfa.md",
        &ALFA.replace("Alfa tekst een", "Alfa hersteld"),
    );
    events.wait_for("reload", &server);
    assert!(server.state().is_empty(), "{:?}", server.state());
    server.poll("/nl/alfa/", "showing the fix", |r| {
        r.status == 200 && r.body.contains("Alfa hersteld")
    });
}

#[test]
fn no_path_escapes_the_output_folder() {
    const SECRET: &str = "SIGNPOST-SECRET-7f3a9c";
    let f = site(&[("secret.txt", SECRET)]);
    let server = Server::start(f.root());
    assert_eq!(server.get("/nl/alfa/").status, 200);
    // The output folder is in the temp folder and the fixture below it, so
    // `../<tmp…>/site/…` from the output's root would reach the fixture if `..` were followed.
    let out = server.out_dir();
    let beside = f
        .root()
        .strip_prefix(out.parent().unwrap())
        .expect("the traversals below assume the fixture is in the output's parent folder");
    let parts: Vec<String> = beside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let abs = f.root().to_str().unwrap().to_string();
    let mut targets: Vec<String> = [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/nl/../../../../etc/passwd",
        "/%2fetc%2fpasswd",
        "/..%252f..%252fetc%252fpasswd",
        "/.%2e/.%2e/etc/passwd",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for file in ["secret.txt", "site.yaml"] {
        for t in [
            "/../{N}/{F}",
            "/%2e%2e/{N}/{F}",
            "/..%2f{N}%2f{F}",
            "/..\\{N}\\{F}",
            "/%5c..%5c{N}%5c{F}",
            "/{A}/{F}",
            "/nl/../../{N}/{F}",
            "/nl/..%2f..%2f{N}%2f{F}",
            "/static/%2e%2e/%2e%2e/{N}/{F}",
            "/__signpost/../../{N}/{F}",
            "/.%2e/{N}/{F}",
            "/..%252f{N}%252f{F}",
        ] {
            // The path to the fixture, with the separator the template uses after it.
            let sep = t
                .split_once("{N}")
                .and_then(|(_, rest)| rest.split_once("{F}"))
                .map_or("/", |(sep, _)| sep);
            targets.push(
                t.replace("{N}", &parts.join(sep))
                    .replace("{A}", &abs)
                    .replace("{F}", file),
            );
        }
        // Straight to the file as if it were in the output.
        targets.push(format!("/{file}"));
    }
    for target in &targets {
        let r = server.get(target);
        assert!(
            matches!(r.status, 400 | 403 | 404),
            "{target}: {} {}",
            r.status,
            r.body
        );
        assert!(
            !r.body.contains("root:x:0:0"),
            "{target} served /etc/passwd"
        );
        assert!(
            !r.body.contains(SECRET),
            "{target} served a file outside the output"
        );
        assert!(
            !r.body.contains("languages: [en, nl]"),
            "{target} served site.yaml"
        );
    }
    assert!(server.get("/nl/alfa/").status == 200, "still serving");
}

#[test]
fn survives_deleting_and_renaming_pages() {
    let f = site(&[
        ("content/en/epsilon.md", "# Epsilon\n\nEpsilon English.\n"),
        (
            "content/nl/epsilon.md",
            "# Epsilon\n\nEpsilon Nederlands.\n",
        ),
    ]);
    let mut server = Server::start(f.root());
    for target in ["/nl/alfa/", "/nl/beta/", "/nl/epsilon/"] {
        assert_eq!(server.get(target).status, 200, "{target}");
    }
    let events = server.events();
    let content = f.root().join("content");
    std::fs::remove_file(content.join("nl/beta.md")).unwrap();
    std::fs::rename(content.join("nl/alfa.md"), content.join("nl/delta.md")).unwrap();
    std::fs::remove_file(content.join("nl/epsilon.md")).unwrap();
    events.wait_for("reload", &server);
    server.poll("/nl/delta/", "the renamed page", |r| {
        r.status == 200 && r.body.contains("Alfa tekst een")
    });
    server.poll("/nl/beta/", "gone", |r| r.status == 404);
    server.poll("/nl/alfa/", "gone", |r| r.status == 404);
    // English still has epsilon, so Dutch readers now get it as a fallback.
    server.poll("/nl/epsilon/", "the English fallback", |r| {
        r.status == 200 && r.body.contains("Epsilon English")
    });
    for target in [
        "/",
        "/nl/",
        "/en/",
        "/nl/gamma/",
        "/en/gamma/",
        "/en/epsilon/",
    ] {
        assert_eq!(server.get(target).status, 200, "{target}");
    }
    assert!(server.alive(), "serve exited; stderr:\n{}", server.log());
}

#[test]
fn a_burst_of_saves_settles_on_the_last_one() {
    let f = site(&[]);
    let mut server = Server::start(f.root());
    for i in 1..=100 {
        write(
            &f,
            "content/en/gamma.md",
            &format!("# Gamma\n\nGamma versie {i} klaar.\n"),
        );
    }
    server.poll("/en/gamma/", "showing the last save", |r| {
        r.status == 200 && r.body.contains("Gamma versie 100 klaar")
    });
    server.poll("/nl/gamma/", "showing the last save", |r| {
        r.status == 200 && r.body.contains("Gamma versie 100 klaar")
    });
    assert!(server.alive(), "serve exited; stderr:\n{}", server.log());
    assert_eq!(server.get("/").status, 200);
    assert!(server.state().is_empty(), "{:?}", server.state());
}

#[test]
fn ctrl_c_stops_cleanly() {
    let f = site(&[]);
    let mut server = Server::start(f.root());
    assert_eq!(server.get("/nl/alfa/").status, 200);
    let out = server.out_dir();
    assert!(
        out.join("nl/alfa/index.html").is_file(),
        "{}",
        out.display()
    );
    server.interrupt();
    let status = server
        .wait_exit(Duration::from_secs(5))
        .unwrap_or_else(|| panic!("still running 5 s after SIGINT; stderr:\n{}", server.log()));
    assert!(status.success(), "{status}; stderr:\n{}", server.log());
    // stderr is closed once the process is gone; the reader thread has the last line soon.
    let deadline = Instant::now() + WAIT;
    while !server.log().lines().any(|l| l == "stopped") {
        assert!(
            Instant::now() < deadline,
            "no `stopped` line; stderr:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !out.exists(),
        "the temp output {} was left behind",
        out.display()
    );
}

#[test]
fn binds_to_localhost_by_default() {
    let f = site(&[]);
    let server = Server::start(f.root());
    assert_eq!(
        server.addr.ip(),
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        "{}",
        server.banner
    );
    assert_ne!(server.addr.port(), 0);
    assert_eq!(
        server.banner,
        format!(
            "serving http://127.0.0.1:{}/ (Ctrl-C to stop)",
            server.addr.port()
        )
    );
    assert_eq!(server.get("/").status, 200);
    // Not reachable on the machine's other addresses (when it has one).
    let outward = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|u| u.connect("192.0.2.1:9").and_then(|()| u.local_addr()));
    if let Ok(local) = outward {
        if !local.ip().is_loopback() && !local.ip().is_unspecified() {
            let there = SocketAddr::new(local.ip(), server.addr.port());
            assert!(
                TcpStream::connect_timeout(&there, Duration::from_secs(2)).is_err(),
                "serve answers on {there}"
            );
        }
    }
}

#[test]
fn a_normal_build_has_no_live_reload() {
    let f = site(&[(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block body %}<main id=\"main\">{{ page.content | safe }}</main>{% endblock body %}",
    )]);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("--root")
        .arg(f.root())
        .arg("build")
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let files = walk(&out);
    assert!(files.iter().any(|p| p == "nl/alfa/index.html"), "{files:?}");
    for rel in files {
        let bytes = std::fs::read(out.join(&rel)).unwrap();
        assert!(
            !bytes.windows(10).any(|w| w == b"__signpost"),
            "{rel} mentions __signpost"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Known bugs: each test says what should happen; see the ignore reason.

#[test]
fn ctrl_c_stops_while_a_page_is_open() {
    let f = site(&[]);
    let mut server = Server::start(f.root());
    let _tab = server.events();
    server.interrupt();
    let status = server.wait_exit(Duration::from_secs(5)).unwrap_or_else(|| {
        panic!(
            "still running 5 s after SIGINT with an event stream open; stderr:\n{}",
            server.log()
        )
    });
    assert!(status.success(), "{status}");
}

#[test]
fn an_error_stays_listed_until_its_page_is_fixed() {
    let f = site(&[]);
    let server = Server::start(f.root());
    let events = server.events();
    write(&f, "content/nl/alfa.md", BROKEN_ALFA);
    events.wait_for("error", &server);
    write(&f, "content/nl/beta.md", "# Beta\n\nBeta tekst twee.\n");
    // The state is updated before the event is sent. (A reload is fine: the reloaded page
    // asks for the state and shows the overlay again.)
    events.next(&server);
    server.poll("/nl/beta/", "showing the edit", |r| {
        r.body.contains("Beta tekst twee")
    });
    let state = server.state();
    assert!(
        state
            .iter()
            .any(|e| e.starts_with("content/nl/alfa.md:3:10:")),
        "alfa.md is still broken, but state says {state:?}"
    );
}

#[test]
fn fixing_a_page_that_was_broken_at_start_serves_the_whole_site() {
    let f = site(&[("content/nl/alfa.md", BROKEN_ALFA)]);
    let server = Server::start(f.root());
    assert!(
        server
            .state()
            .iter()
            .any(|e| e.starts_with("content/nl/alfa.md:3:10:")),
        "{:?}",
        server.state()
    );
    let events = server.events();
    write(&f, "content/nl/alfa.md", ALFA);
    events.wait_for("reload", &server);
    server.poll("/nl/alfa/", "served", |r| r.status == 200);
    for target in [
        "/",
        "/nl/beta/",
        "/en/gamma/",
        "/nl/gamma/",
        "/static/style.css",
    ] {
        server.poll(target, "served", |r| r.status == 200);
    }
}

#[test]
fn deleting_a_page_removes_its_fallback_copies() {
    let f = site(&[]);
    let server = Server::start(f.root());
    // beta is Dutch only; English readers get a fallback copy.
    assert_eq!(server.get("/en/beta/").status, 200);
    let events = server.events();
    std::fs::remove_file(f.root().join("content/nl/beta.md")).unwrap();
    events.wait_for("reload", &server);
    server.poll("/nl/beta/", "gone", |r| r.status == 404);
    server.poll("/en/beta/", "gone (its source page was deleted)", |r| {
        r.status == 404
    });
}

#[test]
fn a_templates_folder_made_while_serving_is_watched() {
    let f = site(&[]);
    let server = Server::start(f.root());
    let events = server.events();
    std::fs::create_dir(f.root().join("templates")).unwrap();
    events.wait_for("reload", &server);
    write(
        &f,
        "templates/page.html",
        "{% extends \"base.html\" %}{% block body %}<main id=\"main\"><p class=\"mark\">NEW-FOLDER</p></main>{% endblock body %}",
    );
    server.poll("/nl/alfa/", "using the new template", |r| {
        r.text_of(".mark") == ["NEW-FOLDER"]
    });
}

#[test]
fn editing_an_include_redoes_every_page_that_pulls_it_in() {
    // alfa (Dutch, with an English fallback copy) includes part.md, which includes inner.md;
    // the English gamma includes inner.md straight from the Dutch folder.
    let f = site(&[
        (
            "content/nl/alfa.md",
            "# Alfa\n\nAlfa tekst een.\n\n[!INCLUDE [deel](includes/part.md)]\n",
        ),
        (
            "content/nl/includes/part.md",
            "Deel een.\n\n[!INCLUDE [binnen](inner.md)]\n",
        ),
        ("content/nl/includes/inner.md", "Binnen een.\n"),
        (
            "content/en/gamma.md",
            "# Gamma\n\nGamma text.\n\n[!INCLUDE [inner](../nl/includes/inner.md)]\n",
        ),
    ]);
    let server = Server::start(f.root());
    let showing = |target: &str, texts: &[&str]| {
        let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        server.poll(target, &format!("showing {texts:?}"), move |r| {
            r.status == 200 && texts.iter().all(|t| r.body.contains(t.as_str()))
        });
    };
    for page in ["/nl/alfa/", "/en/alfa/"] {
        showing(page, &["Deel een.", "Binnen een."]);
    }
    showing("/en/gamma/", &["Gamma text.", "Binnen een."]);
    let events = server.events();

    // The include of an include: all three pages, in both languages, follow.
    write(&f, "content/nl/includes/inner.md", "Binnen twee.\n");
    events.wait_for("reload", &server);
    for page in ["/nl/alfa/", "/en/alfa/", "/en/gamma/", "/nl/gamma/"] {
        showing(page, &["Binnen twee."]);
    }

    // The include itself.
    write(
        &f,
        "content/nl/includes/part.md",
        "Deel twee.\n\n[!INCLUDE [binnen](inner.md)]\n",
    );
    events.wait_for("reload", &server);
    for page in ["/nl/alfa/", "/en/alfa/"] {
        showing(page, &["Deel twee.", "Binnen twee."]);
    }
    assert!(server.state().is_empty(), "{:?}", server.state());

    // Deleted: the pages that pulled it in say so in the overlay, with file:line:col.
    std::fs::remove_file(f.root().join("content/nl/includes/inner.md")).unwrap();
    let error = events.wait_for("error", &server);
    let messages: Vec<String> = error["messages"]
        .as_array()
        .unwrap_or_else(|| panic!("{error}"))
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect();
    for at in [
        "content/nl/includes/part.md:3:1:",
        "content/en/gamma.md:5:1:",
    ] {
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with(at) && m.contains("include") && m.contains("inner.md")),
            "no message at {at}: {messages:?}"
        );
    }
    assert!(!server.state().is_empty());
    for page in ["/nl/alfa/", "/en/alfa/", "/en/gamma/"] {
        server.poll(page, "without the deleted include", |r| {
            r.status == 200 && !r.body.contains("Binnen twee.")
        });
    }

    // Restored: they heal, and the overlay goes.
    write(&f, "content/nl/includes/inner.md", "Binnen drie.\n");
    events.wait_for("reload", &server);
    for page in ["/nl/alfa/", "/en/alfa/", "/en/gamma/", "/nl/gamma/"] {
        showing(page, &["Binnen drie."]);
    }
    assert!(server.state().is_empty(), "{:?}", server.state());
}

#[test]
fn redirect_pages_follow_changes_anywhere_in_the_site() {
    // old → beta (Dutch only: English readers get its fallback copy); gamma is English.
    let f = site(&[(
        "content/.openpublishing.redirection.json",
        r#"{"redirections": [{"source_path": "old.md", "redirect_url": "/beta"}]}"#,
    )]);
    let server = Server::start(f.root());
    let is_stub_to = |r: &Response, to: &str| {
        r.status == 200
            && r.html()
                .select(&scraper::Selector::parse("meta[http-equiv=refresh]").unwrap())
                .any(|m| m.value().attr("content") == Some(&format!("0; url={to}")))
    };
    for lang in ["nl", "en"] {
        let r = server.get(&format!("/{lang}/old/"));
        assert!(is_stub_to(&r, &format!("../../{lang}/beta/")), "{}", r.body);
    }
    let events = server.events();
    // A page created where the redirect starts takes its place (and the collision is told).
    write(&f, "content/nl/old.md", "# Oud\n\nOude tekst terug.\n");
    events.wait_for("reload", &server);
    server.poll("/nl/old/", "the new page", |r| {
        r.body.contains("Oude tekst terug")
    });
    let rebuilt = server.next_rebuilt_line();
    assert!(!rebuilt.contains(" 0 warning(s)"), "{rebuilt}");
    // Deleted again: the redirect is back, in every language (not a 404).
    std::fs::remove_file(f.root().join("content/nl/old.md")).unwrap();
    for lang in ["nl", "en"] {
        server.poll(&format!("/{lang}/old/"), "the redirect page again", |r| {
            is_stub_to(r, &format!("../../{lang}/beta/"))
        });
    }
    // The target deleted: the redirect goes (a stub to a missing page helps no one).
    std::fs::remove_file(f.root().join("content/nl/beta.md")).unwrap();
    for lang in ["nl", "en"] {
        server.poll(&format!("/{lang}/old/"), "gone with its target", |r| {
            r.status == 404
        });
    }
    // A page given `redirect_url` becomes a redirect page in every language.
    write(
        &f,
        "content/en/gamma.md",
        "---\nredirect_url: alfa.md\n---\n# Gamma\n",
    );
    for lang in ["nl", "en"] {
        server.poll(&format!("/{lang}/gamma/"), "a redirect page", |r| {
            is_stub_to(r, &format!("../../{lang}/alfa/"))
        });
    }
    // `_redirects` is written after the pages: wait for it rather than read it once.
    server.poll("/_redirects", "the new rule in _redirects", |r| {
        r.body.contains("/nl/gamma/ /nl/alfa/ 301") && !r.body.contains("/nl/old/")
    });
}
