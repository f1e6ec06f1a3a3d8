//! End-to-end harness: serves the release `dist/` (and later fixture APIs and host pages) on
//! 127.0.0.1 and drives real browsers through WebDriver: headless Chromium for every test,
//! Firefox ESR and WebKitGTK for a cross-engine subset ([`Engine`]).
//!
//! Each test makes its own [`Server`]s and [`Browser`]; both clean up when dropped, even when
//! the test fails (the browser's whole process group is killed).

pub mod browser;
pub mod cases;
pub mod fixture_api;
pub mod partner;
pub mod server;
pub mod widget_page;

pub use browser::{Browser, Engine};
pub use fixture_api::FixtureApi;
pub use server::Server;

use std::path::PathBuf;

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
        dist.join("campaign-widget_bg.wasm").is_file(),
        "{} has no release build: run scripts/test.sh (or scripts/build.sh) first",
        dist.display()
    );
    dist
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
        Some(dist_dir()),
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
