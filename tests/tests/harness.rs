//! Checks of the harness itself: its checks can fail.

use e2e::{server::Reply, Browser, Server};

/// A server answering every request with `html`.
fn serving(html: &'static str) -> Server {
    Server::start(
        None,
        Vec::new(),
        Some(Box::new(move |_: &str| {
            Some(Reply {
                status: 200,
                content_type: "text/html",
                body: html.as_bytes().to_vec(),
                headers: Vec::new(),
            })
        })),
    )
}

#[tokio::test(flavor = "current_thread")]
async fn axe_reports_a_real_violation() {
    let site = serving(
        "<!doctype html><html lang=en><title>t</title><main><button></button></main></html>",
    );
    let browser = Browser::start(800, 600).await;
    browser.client.goto(&site.url).await.expect("open");
    let violations = browser.axe_violations("main").await;
    assert!(
        violations.iter().any(|v| v.starts_with("button-name")),
        "{violations:#?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn console_errors_are_caught() {
    let site = serving("<!doctype html><title>t</title><script>throw new Error('boom')</script>");
    let browser = Browser::start(800, 600).await;
    browser.client.goto(&site.url).await.expect("open");
    let errors = browser.console_errors().await;
    assert!(errors.iter().any(|e| e.contains("boom")), "{errors:#?}");
    browser.close().await;
}
