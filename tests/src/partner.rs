//! Embedding as partners do, cross-origin like production: the partner page, the "CDN" that
//! serves dist/, and the fixture API each on their own 127.0.0.1 port; and the JS helpers
//! that reach into the widgets' shadow roots on such a page.

use crate::server::Reply;
use crate::{dist_dir, workspace_root, Browser, FixtureApi, Server};
use serde_json::Value;
use std::collections::HashMap;

/// The three origins of an embedding.
pub struct Origins {
    pub cdn: Server,
    pub api: FixtureApi,
}

impl Origins {
    pub fn start() -> Origins {
        // dist/ as a CDN would serve it, with the release's own hosting rules (_headers):
        // readable from other origins (module scripts and wasm are fetched with CORS), hashed
        // files cached for good.
        let cdn = Server::hosting(dist_dir(), None);
        Origins {
            cdn,
            api: FixtureApi::start(),
        }
    }

    /// `data-` attributes pointing a widget at the fixture API.
    pub fn api_attrs(&self) -> String {
        format!(
            r#"data-postcodes-api="{0}" data-members-api="{0}" data-api-timeout="1500""#,
            self.api.url()
        )
    }

    /// The loader's script tag with extra attributes.
    pub fn script(&self, attrs: &str) -> String {
        format!(
            r#"<script src="{}/embed.js" async {attrs}></script>"#,
            self.cdn.url
        )
    }
}

/// Extra response headers, as (name, value).
pub type Headers = Vec<(String, String)>;

/// A partner site serving `pages` (path, body, extra headers) and the campaign fixtures.
pub fn partner(pages: Vec<(&'static str, String, Headers)>) -> Server {
    let pages: HashMap<&'static str, (String, Headers)> =
        pages.into_iter().map(|(p, b, h)| (p, (b, h))).collect();
    Server::start(
        Some(workspace_root().join("tests").join("fixtures")),
        Vec::new(),
        Some(Box::new(move |url: &str| {
            let path = url.split('?').next().unwrap_or(url);
            if path == "/favicon.svg" || path == "/favicon.ico" {
                return Some(Reply {
                    status: 200,
                    content_type: "image/svg+xml",
                    body: FAVICON.as_bytes().to_vec(),
                    headers: Vec::new(),
                });
            }
            pages.get(path).map(|(body, headers)| Reply {
                status: 200,
                content_type: match path.rsplit('.').next() {
                    Some("js") => "text/javascript",
                    Some("json") => "application/json",
                    _ => "text/html; charset=utf-8",
                },
                body: body.clone().into_bytes(),
                headers: headers.clone(),
            })
        })),
    )
}

const FAVICON: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>"#;

/// A partner's HTML page with `head` and `body`.
pub fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title>\
         <link rel=\"icon\" href=\"/favicon.svg\">{head}</head><body>{body}</body></html>"
    )
}

/// Collects the widget's events on the partner page into `window.seen`.
pub const LISTENER: &str = "window.seen = [];\
    ['ready', 'mp-found', 'email-opened', 'sent', 'error'].forEach(n =>\
      document.addEventListener('campaign-widget:' + n, e => window.seen.push([e.type, e.detail])));";

/// JS: `$$w(i)` is the i-th widget's shadow root; `$w(i, sel)` queries inside it.
const HELPERS: &str =
    "const $$w = i => document.querySelectorAll('campaign-widget')[i]?.shadowRoot;\
    const $w = (i, s) => $$w(i)?.querySelector(s);";

/// Evaluates `expression` with the `$w`/`$$w` helpers.
pub async fn eval(browser: &Browser, expression: &str) -> Value {
    browser.eval_with(HELPERS, expression).await
}

/// Waits until `expression` (with the `$w`/`$$w` helpers) is truthy.
pub async fn wait(browser: &Browser, what: &str, expression: &str) {
    browser.wait_with(HELPERS, what, expression).await
}

/// Sets a field of the `widget`-th widget as if typed (one input event).
pub async fn set_value(browser: &Browser, widget: usize, selector: &str, value: &str) {
    eval(
        browser,
        &format!(
            "(() => {{ const f = $w({widget}, {selector:?}); f.value = {value:?};\
             f.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()"
        ),
    )
    .await;
}

/// Looks up `postcode` in the `widget`-th widget.
pub async fn look_up(browser: &Browser, widget: usize, postcode: &str) {
    set_value(browser, widget, "#cw-postcode", postcode).await;
    eval(
        browser,
        &format!("$w({widget}, '.cw-postcode-form button').click() || true"),
    )
    .await;
}

/// Opens `path` on `site`.
pub async fn open(browser: &Browser, site: &Server, path: &str) {
    browser
        .client
        .goto(&format!("{}{path}", site.url))
        .await
        .expect("open the partner page");
}
