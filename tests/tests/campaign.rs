//! The release build on a plain partner page, in real Chromium: the default campaign shows,
//! styled, with no console errors, on a phone and on a desktop.

use e2e::cases::{self, partner_page};
use e2e::Engine;

#[tokio::test(flavor = "current_thread")]
async fn a_partner_page_shows_the_campaign_without_console_errors() {
    cases::a_partner_page_shows_the_campaign_without_console_errors(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn widget_stylesheet_applies_inside_the_shadow_root() {
    let (_site, browser) = partner_page(Engine::Chromium, 1280, 900).await;
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
    let (_site, browser) = partner_page(Engine::Chromium, 360, 780).await;
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
