//! A small HTTP server on 127.0.0.1 for tests: static files from a folder, plus optional
//! handlers for dynamic routes (fixture APIs), and the harness's console hook. It records every
//! request path it answers. [`Server::hosting`] serves a release folder with the hosting rules
//! of its `_headers` file, as a static host or CDN would.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use tiny_http::{Header, Request, Response, StatusCode};

/// What a route handler answers.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            content_type: "application/json",
            body: body.into(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A dynamic route: gets the request's path and query, answers or passes (`None`).
pub type Handler = Box<dyn Fn(&str) -> Option<Reply> + Send + Sync>;

/// A release's hosting rules, read from its `_headers` file (scripts/manifest.sh): blocks of a
/// path pattern (a path, or one ending in `*` for every path it begins) and the headers, one
/// `Name: value` a line, indented, that it adds to every path it matches.
#[derive(Debug, Clone, Default)]
pub struct HostingRules(Vec<(String, Vec<(String, String)>)>);

impl HostingRules {
    /// The rules in `file`.
    pub fn read(file: &Path) -> Self {
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                rules.push((line.trim().to_owned(), Vec::new()));
            } else if let (Some((_, headers)), Some((name, value))) =
                (rules.last_mut(), line.trim().split_once(':'))
            {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            } else {
                panic!("{}: a header outside a rule: {line:?}", file.display());
            }
        }
        HostingRules(rules)
    }

    /// The headers for `path` (no query), from every rule that matches it, in order.
    pub fn headers_for(&self, path: &str) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(pattern, _)| match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            })
            .flat_map(|(_, headers)| headers.iter().cloned())
            .collect()
    }
}

/// A running server; stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub url: String,
    server: Arc<tiny_http::Server>,
    requests: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves the files under `root`.
    pub fn files(root: impl Into<PathBuf>) -> Self {
        Self::start(Some(root.into()), Vec::new(), None)
    }

    /// Serves `root`, answering every response with the extra `headers` (e.g. a CSP), and
    /// giving `handler` the first go at each request.
    pub fn start(
        root: Option<PathBuf>,
        headers: Vec<(String, String)>,
        handler: Option<Handler>,
    ) -> Self {
        Self::start_on(0, root, headers, handler)
    }

    /// Serves the release folder `root` with the hosting rules of its `_headers` file (and no
    /// `Cache-Control: no-store` where they give a `Cache-Control`), `handler` having the first
    /// go at each request. The rules are read for each request, as a host does after a deploy.
    pub fn hosting(root: impl Into<PathBuf>, handler: Option<Handler>) -> Self {
        let root = root.into();
        let rules = root.join("_headers");
        assert!(rules.is_file(), "{} is missing", rules.display());
        Self::start_with(0, Some(root), Vec::new(), Some(rules), handler)
    }

    /// As [`Server::start`], on a given port (0: any free one).
    pub fn start_on(
        port: u16,
        root: Option<PathBuf>,
        headers: Vec<(String, String)>,
        handler: Option<Handler>,
    ) -> Self {
        Self::start_with(port, root, headers, None, handler)
    }

    fn start_with(
        port: u16,
        root: Option<PathBuf>,
        headers: Vec<(String, String)>,
        rules: Option<PathBuf>,
        handler: Option<Handler>,
    ) -> Self {
        let root = Arc::new(root);
        let rules = Arc::new(rules);
        let headers = Arc::new(headers);
        let handler = Arc::new(handler);
        let server = Arc::new(
            tiny_http::Server::http(("127.0.0.1", port))
                .unwrap_or_else(|e| panic!("cannot listen on 127.0.0.1:{port}: {e}")),
        );
        let port = server.server_addr().to_ip().expect("an IP listener").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let server = Arc::clone(&server);
            let requests = Arc::clone(&requests);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    requests
                        .lock()
                        .expect("request log")
                        .push(request.url().to_owned());
                    // One thread a request, so a deliberately slow answer holds up no other.
                    let (root, headers, rules, handler) = (
                        Arc::clone(&root),
                        Arc::clone(&headers),
                        Arc::clone(&rules),
                        Arc::clone(&handler),
                    );
                    std::thread::spawn(move || {
                        let rules = (*rules).as_deref().map(HostingRules::read);
                        answer(
                            request,
                            (*root).as_deref(),
                            &headers,
                            &rules.unwrap_or_default(),
                            (*handler).as_ref(),
                        )
                    });
                }
            })
        };
        Server {
            url: format!("http://127.0.0.1:{port}"),
            server,
            requests,
            thread: Some(thread),
        }
    }

    /// Every request path (with query) answered so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("request log").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn answer(
    request: Request,
    root: Option<&Path>,
    headers: &[(String, String)],
    rules: &HostingRules,
    handler: Option<&Handler>,
) {
    let url = request.url().to_owned();
    let reply = console_hook(&url)
        .or_else(|| handler.and_then(|h| h(&url)))
        .or_else(|| root.and_then(|root| static_file(root, &url)))
        .unwrap_or_else(|| Reply {
            status: 404,
            content_type: "text/plain",
            body: b"not found".to_vec(),
            headers: Vec::new(),
        });
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let hosting = if reply.status == 200 {
        rules.headers_for(path)
    } else {
        Vec::new()
    };
    let given = |name: &str| hosting.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    let mut response = Response::from_data(reply.body).with_status_code(StatusCode(reply.status));
    if !given("Content-Type") {
        response.add_header(header("Content-Type", reply.content_type));
    }
    if !given("Cache-Control") {
        response.add_header(header("Cache-Control", "no-store"));
    }
    for (name, value) in headers.iter().chain(&hosting).chain(reply.headers.iter()) {
        response.add_header(header(name, value));
    }
    let _ = request.respond(response);
}

/// Every test server serves the harness's console hook, so that a page on any origin
/// (even under a strict CSP naming only that origin) can load it first.
fn console_hook(url: &str) -> Option<Reply> {
    (url == crate::browser::CONSOLE_HOOK_PATH).then(|| Reply {
        status: 200,
        content_type: "text/javascript; charset=utf-8",
        body: crate::browser::CONSOLE_HOOK.as_bytes().to_vec(),
        headers: Vec::new(),
    })
}

fn static_file(root: &Path, url: &str) -> Option<Reply> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    // Only plain names below the root; never `..`.
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    let body = std::fs::read(&file).ok()?;
    Some(Reply {
        status: 200,
        content_type: content_type(&file),
        body,
        headers: Vec::new(),
    })
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
