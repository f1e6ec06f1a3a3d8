//! End-to-end harness: serves the release `dist/` (and later fixture APIs and host pages) on
//! 127.0.0.1 and drives real browsers through WebDriver: headless Chromium for every test,
//! Firefox ESR and WebKitGTK for a cross-engine subset ([`Engine`]).
//!
//! Each test makes its own [`Server`]s and [`Browser`]; both clean up when dropped, even when
//! the test fails (the browser's whole process group is killed).

pub mod browser;
pub mod cases;
pub mod first_paint;
pub mod fixture_api;
pub mod partner;
pub mod release;
pub mod server;
pub mod widget_page;

pub use browser::{Browser, Engine};
pub use fixture_api::FixtureApi;
pub use server::Server;

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits inside the workspace")
        .to_path_buf()
}

/// The built bundle. Fails with a clear message when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dist = workspace_root().join("dist");
    assert!(
        dist.join("manifest.json").is_file(),
        "{} has no release build: run scripts/test.sh (or scripts/build.sh) first",
        dist.display()
    );
    dist
}

/// The release's `manifest.json` in `dist`: `(path, plain name)` of every file.
pub fn release_files(dist: &Path) -> Vec<(String, String)> {
    let file = dist.join("manifest.json");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("manifest.json is JSON");
    manifest["files"]
        .as_array()
        .expect("manifest.json lists files")
        .iter()
        .map(|f| {
            let field = |key: &str| f[key].as_str().expect("path and name").to_owned();
            (field("path"), field("name"))
        })
        .collect()
}

/// The name in the release in `dist` of the file with the plain name `plain`
/// (`campaign-widget.js` → `campaign-widget.1a2b3c4d5e.js`).
pub fn release_file_in(dist: &Path, plain: &str) -> String {
    release_files(dist)
        .into_iter()
        .find(|(_, name)| name == plain)
        .map(|(path, _)| path)
        .unwrap_or_else(|| panic!("{}/manifest.json has no {plain}", dist.display()))
}

/// [`release_file_in`] the release build `dist/`.
pub fn release_file(plain: &str) -> String {
    release_file_in(&dist_dir(), plain)
}

/// The release's loader (`dist/embed.js`) with the file whose plain name is `plain` fetched
/// from `served_as` instead, unchecked (no integrity): for tests that serve a changed file.
pub fn loader_fetching(plain: &str, served_as: &str) -> String {
    let loader = std::fs::read_to_string(dist_dir().join("embed.js")).expect("dist/embed.js");
    let entry = format!("[\"{}\",\"", release_file(plain));
    let start = loader
        .find(&entry)
        .unwrap_or_else(|| panic!("embed.js does not name {plain} as {entry}"));
    let end = start + loader[start..].find("\"]").expect("the entry's end") + 2;
    format!(
        "{}[\"{served_as}\",\"\"]{}",
        &loader[..start],
        &loader[end..]
    )
}

/// The release's version (widget/Cargo.toml), as its manifest gives it.
pub fn release_version(dist: &Path) -> String {
    let text = std::fs::read_to_string(dist.join("manifest.json")).expect("manifest.json");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("manifest.json is JSON");
    manifest["version"].as_str().expect("a version").to_owned()
}

/// Where tests save screenshots for people to look at.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// A page that loads the release bundle the way a partner page does today and holds one
/// `<campaign-widget>` with the given attributes (and optional inline campaign JSON).
pub fn host_page(widget_attributes: &str, inline_campaign: Option<&str>) -> String {
    host_page_for(Engine::Chromium, widget_attributes, inline_campaign)
}

/// [`host_page`] for `engine` (with the console hook it needs, if any).
pub fn host_page_for(
    engine: Engine,
    widget_attributes: &str,
    inline_campaign: Option<&str>,
) -> String {
    let console_hook = engine.console_hook("");
    let inline = inline_campaign
        .map(|json| format!("<script type=\"application/json\">{json}</script>"))
        .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page</title><link rel="icon" href="favicon.svg">{console_hook}</head>
<body style="margin:0;padding:16px;font-family:serif;background:#fafafa">
<h1>A partner's page</h1>
<campaign-widget {widget_attributes}>{inline}</campaign-widget>
<script src="embed.js" async data-mount="none"></script>
</body>
</html>"#
    )
}

/// Serves `dist/` with `page` at `/host.html`.
pub fn site_with_host_page(page: String) -> Server {
    Server::start(
        Some(dist_dir()),
        Vec::new(),
        Some(Box::new(move |url: &str| {
            url.starts_with("/host.html").then(|| server::Reply {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: page.clone().into_bytes(),
                headers: Vec::new(),
            })
        })),
    )
}

/// The demo site: `dist/` at `/` and the fixture API at `/fixture-api/`, as README command 1
/// serves it (`port` 0: any free port).
pub fn demo_site(port: u16) -> Server {
    fixture_api_site(port, Some(dist_dir()))
}

/// The fixture API at `/fixture-api/` on `port`, with the files under `root` at `/`, if any
/// (`trunk serve` proxies to it without: Trunk.toml).
pub fn fixture_api_site(port: u16, root: Option<PathBuf>) -> Server {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    const PREFIX: &str = "/fixture-api";
    let seen: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
    // The portraits' base is the server's own URL, known once it listens.
    let base = Arc::new(Mutex::new(String::new()));
    let handler_base = Arc::clone(&base);
    // Readable from other origins, like a CDN: pasted snippets load the widget from here.
    let server = Server::start_on(
        port,
        root,
        vec![("Access-Control-Allow-Origin".into(), "*".into())],
        Some(Box::new(move |url: &str| {
            let rest = url.strip_prefix(PREFIX)?;
            let times = {
                let mut seen = seen.lock().ok()?;
                let count = seen.entry(rest.to_owned()).or_insert(0);
                *count += 1;
                *count
            };
            let base = handler_base.lock().ok()?.clone();
            Some(fixture_api::answer(rest, times, &base))
        })),
    );
    if let Ok(mut b) = base.lock() {
        *b = format!("{}{PREFIX}", server.url);
    }
    server
}
