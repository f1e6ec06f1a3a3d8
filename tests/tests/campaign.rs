//! The release build on a plain partner page, in real Chromium: the default campaign shows,
//! styled, with no console errors, on a phone and on a desktop.

use e2e::{host_page, site_with_host_page, Browser, Server};
use std::time::Duration;

const HOST: &str = "campaign-widget";

/// Opens a partner page with the default campaign at the given window size and waits until
/// the widget is styled and shown.
async fn partner_page(width: u32, height: u32) -> (Server, Browser) {
    let site = site_with_host_page(host_page("", None));
    let browser = Browser::start(width, height).await;
    browser
        .client
        .goto(&format!("{}/host.html", site.url))
        .await
        .expect("open the partner page");
    browser
        .wait_until(
            "the widget to render and its stylesheet to load",
            "const r = document.querySelector('campaign-widget')?.shadowRoot;\
             const f = r && r.querySelector('.cw-frame');\
             return !!f && !f.hidden && r.querySelectorAll('.cw-stat').length > 0;",
            Duration::from_secs(20),
        )
        .await;
    (site, browser)
}

#[tokio::test(flavor = "current_thread")]
async fn a_partner_page_shows_the_campaign_without_console_errors() {
    let (_site, browser) = partner_page(1280, 900).await;
    assert_eq!(
        browser.shadow_texts(HOST, "h2.cw-headline").await,
        ["Ask your MP to support the Secondary Support Package"]
    );
    assert_eq!(
        browser.shadow_texts(HOST, ".cw-stat-figure").await,
        ["72%", "Two fifths", "70%"]
    );
    let quote = browser.shadow_texts(HOST, ".cw-story blockquote").await;
    assert!(quote[0].starts_with("My whole life"), "{quote:?}");
    assert_eq!(
        browser.shadow_texts(HOST, ".cw-story figcaption").await,
        ["Jo, diagnosed aged 40"]
    );
    let ask = browser.shadow_texts(HOST, ".cw-ask").await;
    assert!(
        ask[0].contains("Ask your MP to support the package today."),
        "{ask:?}"
    );
    assert_eq!(browser.shadow_texts(HOST, ".cw-links a").await.len(), 2);
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.screenshot("campaign-desktop").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn widget_stylesheet_applies_inside_the_shadow_root() {
    let (_site, browser) = partner_page(1280, 900).await;
    let style = browser
        .js(
            "const r = document.querySelector('campaign-widget').shadowRoot;\
             const fig = getComputedStyle(r.querySelector('.cw-stat-figure'));\
             const bar = r.querySelector('.cw-bar').getBoundingClientRect();\
             return [fig.fontSize, fig.fontWeight, Math.round(bar.height) > 0];",
        )
        .await;
    assert_eq!(style, serde_json::json!(["32px", "800", true]));
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn fits_a_360px_phone_without_sideways_scrolling() {
    let (_site, browser) = partner_page(360, 780).await;
    let widths = browser
        .js("return [window.innerWidth, document.documentElement.scrollWidth];")
        .await;
    let inner = widths[0].as_i64().unwrap();
    let scroll = widths[1].as_i64().unwrap();
    assert!(inner <= 360, "viewport is {inner}px");
    assert!(
        scroll <= inner,
        "page scrolls sideways: {scroll}px wide in {inner}px"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.screenshot("campaign-phone").await;
    browser.close().await;
}
