//! A local stand-in for postcodes.io and the UK Parliament Members API, answering in their real
//! JSON shapes from `tests/fixtures/api/`, with CORS headers, plus postcodes that inject faults.
//!
//! | postcode | answer |
//! |---|---|
//! | a fixture file's (SW1A 1AA, YO1 7HH, IV2 3PT, CF10 1EP, BT1 5GS, …) | that file |
//! | any other | 404 "Postcode not found" |
//! | SE1 2XX | 503 the first time, then Westminster's answer (Retry works) |
//! | SE1 3XX | 429 with Retry-After: 1 the first time, then Westminster's answer |
//! | SE1 4XX | 429 with Retry-After: 120 |
//! | SE1 5XX | 500 |
//! | SE1 6XX | 200 with an HTML body |
//! | SE1 9XX | 200 with an HTML body the first time, then Westminster's answer |
//! | SE1 7XX | 200 without CORS headers (the browser sees a network error) |
//! | SE1 8XX | answers only after 3 seconds (beyond the tests' timeout) |
//! | SE2 nXX | postcodes.io as SE1 nXX (SE2 0XX and SE2 1XX: 500) |
//!
//! The Members API's constituency search also answers a whole postcode, as the real one does,
//! with the one seat it lies in (`fixtures/api/search-by-postcode/`): the route the widget takes
//! when postcodes.io cannot answer. Each SE1 fault postcode lies in Westminster there, so the
//! widget still finds the MP; the SE2 ones fail on that route too:
//!
//! | postcode | Members API search by postcode |
//! |---|---|
//! | SE2 5XX (and any other SE2 nXX not below) | 500 |
//! | SE2 2XX | 503 the first time, then Westminster (Retry works) |
//! | SE2 0XX | two current seats (never guessed between) |
//! | SE2 1XX | no seat |
//!
//! [`FixtureApi::garbling_first`] garbles the first answer of any path (e.g. the Members
//! API's search). Portraits are served here too (the fixtures' portrait URLs are rewritten to this server);
//! member 4761's (BR8 7RE) is missing, to test a broken image.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use crate::server::{Reply, Server};

/// Where the real Members API serves portraits; rewritten to point here.
const REAL_MEMBERS: &str = "https://members-api.parliament.uk";

/// A running fixture API; `url` serves as both base URLs.
pub struct FixtureApi {
    pub server: Server,
}

/// A fault a [`FixtureApi`] injects beyond its fault postcodes.
#[derive(Clone, Copy)]
enum Fault {
    None,
    /// The first request whose path starts with this gets HTTP 200 with an HTML page.
    GarbleFirst(&'static str),
    /// Requests whose path starts with this are answered only after this long.
    Slow(&'static str, Duration),
    /// postcodes.io answers every request with HTTP 500.
    PostcodesDown,
}

impl FixtureApi {
    pub fn start() -> FixtureApi {
        FixtureApi::start_with_fault(Fault::None)
    }

    /// Like [`FixtureApi::start`], but the first request whose path starts with `path` gets
    /// HTTP 200 with an HTML page (a Wi-Fi login page, a proxy error) instead of JSON.
    pub fn garbling_first(path: &'static str) -> FixtureApi {
        FixtureApi::start_with_fault(Fault::GarbleFirst(path))
    }

    /// Like [`FixtureApi::start`], but requests whose path starts with `path` are answered
    /// only after `delay`.
    pub fn slow(path: &'static str, delay: Duration) -> FixtureApi {
        FixtureApi::start_with_fault(Fault::Slow(path, delay))
    }

    /// Like [`FixtureApi::start`], but postcodes.io is down (HTTP 500 for every postcode): every
    /// lookup takes the second route, the Members API's search by postcode.
    pub fn postcodes_io_down() -> FixtureApi {
        FixtureApi::start_with_fault(Fault::PostcodesDown)
    }

    fn start_with_fault(fault: Fault) -> FixtureApi {
        let garbled = std::sync::atomic::AtomicBool::new(false);
        let seen: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
        let base = std::sync::Arc::new(Mutex::new(String::new()));
        let handler_base = std::sync::Arc::clone(&base);
        let server = Server::start(
            None,
            Vec::new(),
            Some(Box::new(move |url: &str| {
                let times = {
                    let mut seen = seen.lock().expect("fault counter");
                    let count = seen.entry(url.to_owned()).or_insert(0);
                    *count += 1;
                    *count
                };
                match fault {
                    Fault::GarbleFirst(path)
                        if url.starts_with(path)
                            && !garbled.swap(true, std::sync::atomic::Ordering::SeqCst) =>
                    {
                        return Some(with_cors(garbled_page()));
                    }
                    Fault::Slow(path, delay) if url.starts_with(path) => std::thread::sleep(delay),
                    Fault::PostcodesDown if url.starts_with("/postcodes/") => {
                        return Some(with_cors(Reply::json(
                            500,
                            r#"{"status":500,"error":"Internal server error"}"#,
                        )));
                    }
                    _ => {}
                }
                let base = handler_base.lock().expect("base").clone();
                Some(answer(url, times, &base))
            })),
        );
        *base.lock().expect("base") = server.url.clone();
        FixtureApi { server }
    }

    pub fn url(&self) -> &str {
        &self.server.url
    }

    /// API requests answered so far (paths with queries).
    pub fn requests(&self) -> Vec<String> {
        self.server.requests()
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("api")
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn with_cors(reply: Reply) -> Reply {
    reply
        .with_header("Access-Control-Allow-Origin", "*")
        .with_header("Access-Control-Expose-Headers", "Retry-After")
}

fn file(path: PathBuf, base: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|body| body.replace(REAL_MEMBERS, base))
}

/// The postcode `text` names, compact ("SW1A1AA"), if it is one as the widget sends it (with
/// its digits: the parser would read a seat's name such as "Telford" as a postcode typed with
/// letters for digits).
fn compact_postcode(text: &str) -> Option<String> {
    text.contains(|c: char| c.is_ascii_digit())
        .then(|| widget_core::Postcode::parse(text).ok())
        .flatten()
        .map(|p| p.as_str().replace(' ', ""))
}

/// The Members API's constituency search asked with a whole postcode (`compact`).
fn search_by_postcode(compact: &str, times: usize, base: &str) -> Reply {
    let seat = |name: &str| {
        file(
            fixtures().join(format!("search-by-postcode/{name}.json")),
            base,
        )
        .unwrap_or_else(|| {
            r#"{"items":[],"totalResults":0,"resultContext":"","skip":0,"take":20,"links":[]}"#
                .into()
        })
    };
    let down = |status: u16| Reply::json(status, r#"{"status":500,"title":"An error occurred"}"#);
    match compact {
        "SE22XX" if times == 1 => down(503),
        "SE20XX" | "SE21XX" => Reply::json(200, seat(compact)),
        c if c.starts_with("SE2") && c != "SE22XX" => down(500),
        c if c.starts_with("SE1") || c == "SE22XX" => Reply::json(200, seat("SW1A1AA")),
        c => Reply::json(200, seat(c)),
    }
}

fn postcode_reply(compact: &str, base: &str) -> Reply {
    match file(fixtures().join(format!("postcodes/{compact}.json")), base) {
        Some(body) => {
            let status = if body.contains("\"status\": 404") {
                404
            } else {
                200
            };
            Reply::json(status, body)
        }
        None => Reply::json(404, r#"{"status":404,"error":"Postcode not found"}"#),
    }
}

/// The fixture API's answer to `url` (path and query), asked for the `times`-th time, with
/// portrait URLs pointing at `base`.
pub fn answer(url: &str, times: usize, base: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(raw) = path.strip_prefix("/postcodes/") {
        let mut compact: String = percent_decode(raw)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        // SE2 nXX: postcodes.io fails as for SE1 nXX (SE2 0XX and SE2 1XX: 500).
        if let Some(fault) = compact.strip_prefix("SE2") {
            compact = match fault {
                "0XX" | "1XX" => "SE15XX".into(),
                _ => format!("SE1{fault}"),
            };
        }
        let westminster = || postcode_reply("SW1A1AA", base);
        return match compact.as_str() {
            "SE12XX" if times == 1 => with_cors(Reply::json(
                503,
                r#"{"status":503,"error":"Service Unavailable"}"#,
            )),
            "SE12XX" => with_cors(westminster()),
            "SE13XX" if times == 1 => with_cors(
                Reply::json(429, r#"{"status":429,"error":"Too many requests"}"#)
                    .with_header("Retry-After", "1"),
            ),
            "SE13XX" => with_cors(westminster()),
            "SE14XX" => with_cors(
                Reply::json(429, r#"{"status":429,"error":"Too many requests"}"#)
                    .with_header("Retry-After", "120"),
            ),
            "SE15XX" => with_cors(Reply::json(
                500,
                r#"{"status":500,"error":"Internal server error"}"#,
            )),
            "SE16XX" => with_cors(garbled_page()),
            "SE19XX" if times == 1 => with_cors(garbled_page()),
            "SE19XX" => with_cors(westminster()),
            "SE17XX" => westminster(),
            "SE18XX" => {
                std::thread::sleep(Duration::from_secs(3));
                with_cors(westminster())
            }
            _ => with_cors(postcode_reply(&compact, base)),
        };
    }
    if path == "/api/Location/Constituency/Search" {
        let name = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("searchText="))
            .map(percent_decode)
            .unwrap_or_default();
        if let Some(compact) = compact_postcode(&name) {
            return with_cors(search_by_postcode(&compact, times, base));
        }
        let body =
            file(fixtures().join(format!("search/{name}.json")), base).unwrap_or_else(|| {
                r#"{"items":[],"totalResults":0,"resultContext":"","skip":0,"take":20,"links":[]}"#
                    .into()
            });
        return with_cors(Reply::json(200, body));
    }
    if let Some(rest) = path.strip_prefix("/api/Members/") {
        if let Some(id) = rest.strip_suffix("/Contact") {
            return with_cors(
                match file(fixtures().join(format!("contact/{id}.json")), base) {
                    Some(body) => Reply::json(200, body),
                    None => Reply::json(404, r#"{"value":[]}"#),
                },
            );
        }
        if rest == "4761/Thumbnail" {
            // A broken portrait: the card must cope.
            return Reply::json(404, "{}");
        }
        if rest.ends_with("/Thumbnail") {
            return Reply {
                status: 200,
                content_type: "image/svg+xml",
                body: PORTRAIT.as_bytes().to_vec(),
                headers: Vec::new(),
            };
        }
    }
    with_cors(Reply::json(404, r#"{"status":404,"error":"Not found"}"#))
}

/// What a captive portal or a proxy error serves with HTTP 200 in place of the JSON.
fn garbled_page() -> Reply {
    Reply {
        status: 200,
        content_type: "text/html",
        body: b"<html><body>Gateway login</body></html>".to_vec(),
        headers: Vec::new(),
    }
}

/// A neutral stand-in portrait.
const PORTRAIT: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" fill="#cfc8d6"/><circle cx="48" cy="38" r="18" fill="#8d8496"/><path d="M14 96c4-22 18-32 34-32s30 10 34 32z" fill="#8d8496"/></svg>"##;
