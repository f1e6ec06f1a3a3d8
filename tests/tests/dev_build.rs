//! The development build (`trunk build` / `trunk serve`, Trunk.toml): the demo page and the
//! widget, unsplit and under plain names, served with the fixture API as `trunk serve` serves
//! them. scripts/test.sh runs `trunk build` before the end-to-end tests.

use e2e::{fixture_api_site, workspace_root, Browser};
use std::time::Duration;

const PREVIEW: &str = "const $p = s => document.querySelector('#preview campaign-widget')?.shadowRoot?.querySelector(s);";

#[tokio::test(flavor = "current_thread")]
async fn the_development_build_runs_the_demo_page_with_an_unsplit_widget() {
    let dist = workspace_root().join("target").join("trunk-dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no development build: run `trunk build` (scripts/test.sh does)",
        dist.display()
    );
    let site = fixture_api_site(0, Some(dist));
    let browser = Browser::start(1280, 900).await;
    browser
        .client
        .goto(&format!("{}/", site.url))
        .await
        .expect("open the demo page");
    wait(
        &browser,
        "the preview's postcode field",
        "$p('#cw-postcode')",
    )
    .await;
    browser
        .eval_with(
            PREVIEW,
            "(() => { const f = $p('#cw-postcode'); f.value = 'SW1A 1AA';\
             f.dispatchEvent(new Event('input', { bubbles: true }));\
             $p('.cw-postcode-form button').click(); return true; })()",
        )
        .await;
    wait(
        &browser,
        "the MP from the fixture API and the letter form",
        "$p('.cw-mp-name')?.textContent === 'Rachel Blake' && $p('#cw-name')",
    )
    .await;
    let requested = site.requests();
    for file in [
        "/embed.js",
        "/campaign-widget.js",
        "/campaign-widget_bg.wasm",
    ] {
        assert!(
            requested.iter().any(|r| r == file),
            "{file} in {requested:?}"
        );
    }
    assert!(
        !requested.iter().any(|r| r.contains("campaign-widget-")),
        "the development build is not split: {requested:?}"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

/// Waits (a debug build is slow to start) until `expression`, with `$p`, is truthy.
async fn wait(browser: &Browser, what: &str, expression: &str) {
    browser
        .wait_until(
            what,
            &format!("{PREVIEW} return !!({expression});"),
            Duration::from_secs(60),
        )
        .await
}
