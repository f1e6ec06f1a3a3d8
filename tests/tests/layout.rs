//! The compact layout (`data-layout="compact"`) in real Chromium: the postcode field on a
//! phone's first screen, the rest of the campaign behind a disclosure that the keyboard opens,
//! and the same from the iframe's query string.

use e2e::widget_page::{open, WidgetPage as Page};
use e2e::{site_with_host_page, Browser};
use fantoccini::key::Key;
use serde_json::{json, Value};
use std::time::Duration;

/// How far below the widget's top its postcode field starts, in CSS pixels.
async fn field_offset(page: &Page) -> f64 {
    page.eval(
        "$('#cw-postcode').getBoundingClientRect().top \
         - document.querySelector('campaign-widget').getBoundingClientRect().top",
    )
    .await
    .as_f64()
    .expect("a number")
}

#[tokio::test(flavor = "current_thread")]
async fn compact_puts_the_postcode_field_on_a_phones_first_screen() {
    let full = open("", 390, 844).await;
    let full_offset = field_offset(&full).await;
    full.browser.close().await;
    let page = open(r#"data-layout="compact""#, 390, 844).await;
    let offset = field_offset(&page).await;
    println!("postcode field below the widget's top at 390 px: full {full_offset} px, compact {offset} px");
    assert!(
        offset < 700.0,
        "compact: the field is {offset} px below the widget's top (full: {full_offset} px)"
    );
    // The form comes before the statistics, which wait in a closed disclosure.
    let order = page
        .eval(
            "[$('#cw-postcode').compareDocumentPosition($('.cw-stats')) === Node.DOCUMENT_POSITION_FOLLOWING,\
              !!$('details:not([open]) .cw-stats'), $('summary').textContent]",
        )
        .await;
    assert_eq!(order, json!([true, true, "More about this campaign"]));
    page.no_console_errors().await;
    let violations = page.browser.axe_violations("campaign-widget").await;
    assert!(violations.is_empty(), "axe-core: {violations:#?}");
    page.browser.screenshot("compact-390").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn compact_is_the_same_in_welsh() {
    let page = open(r#"data-layout="compact" data-lang="cy""#, 390, 844).await;
    page.wait_for(
        "the Welsh widget",
        "$('summary')?.textContent === 'Rhagor am yr ymgyrch hon'",
    )
    .await;
    let offset = field_offset(&page).await;
    assert!(
        offset < 700.0,
        "Welsh compact: the field is {offset} px down"
    );
    assert_eq!(
        page.eval("!!$('details:not([open]) .cw-stats')").await,
        true
    );
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_compact_disclosure_opens_and_closes_with_the_keyboard() {
    let page = open(r#"data-layout="compact""#, 1280, 900).await;
    let tab: char = Key::Tab.into();
    let is_summary = "root.activeElement === $('summary')";
    // From the top of the page, Tab on past the postcode form to the disclosure.
    let mut reached = false;
    for _ in 0..20 {
        page.press(&[tab]).await;
        if page.eval(is_summary).await == Value::Bool(true) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the disclosure");
    let ring = page
        .eval("getComputedStyle($('summary')).outlineStyle")
        .await;
    assert_eq!(ring, "solid", "the focused disclosure shows a focus ring");
    page.press(&[Key::Enter.into()]).await;
    page.wait_for("the disclosure to open", "$('details').open")
        .await;
    let shown = page
        .eval("$('.cw-stat').getBoundingClientRect().height > 0")
        .await;
    assert_eq!(shown, true, "the statistics show once it is open");
    page.press(&[' ']).await;
    page.wait_for("the disclosure to close", "!$('details').open")
        .await;
    assert_eq!(page.eval(is_summary).await, true, "focus stays on it");
    page.browser.screenshot("compact-1280").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn compact_fits_a_360px_phone_open_or_closed() {
    let page = open(r#"data-layout="compact""#, 360, 780).await;
    let sideways = "document.documentElement.scrollWidth > window.innerWidth";
    assert_eq!(page.browser.js(&format!("return {sideways};")).await, false);
    page.click("summary").await;
    page.wait_for("the disclosure to open", "$('details').open")
        .await;
    assert_eq!(
        page.browser.js(&format!("return {sideways};")).await,
        false,
        "open, it scrolls sideways"
    );
    page.no_console_errors().await;
    page.browser.screenshot("compact-360-open").await;
    page.browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_iframe_query_chooses_the_compact_layout() {
    let page = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title>
<link rel="icon" href="favicon.svg"></head><body><h1>A blog</h1>
<iframe data-campaign-widget src="embed.html?layout=compact" title="Write to your MP"
        width="100%" height="1400" style="border:0;max-width:46em"></iframe>
<script src="embed.js" async data-mount="none"></script></body></html>"#;
    let site = site_with_host_page(page.to_owned());
    let browser = Browser::start(1280, 900).await;
    browser
        .client
        .goto(&format!("{}/host.html", site.url))
        .await
        .expect("open the blog");
    browser.enter_iframe().await;
    browser
        .wait_until(
            "the compact widget inside the frame",
            "const r = document.querySelector('campaign-widget')?.shadowRoot;\
             return !!r?.querySelector('#cw-postcode') && !r.querySelector('details #cw-postcode')\
                    && !!r.querySelector('details:not([open]) .cw-stats');",
            Duration::from_secs(20),
        )
        .await;
    browser
        .client
        .enter_parent_frame()
        .await
        .expect("back to the blog");
    browser
        .wait_until(
            "the iframe to shrink to its compact content",
            "const h = document.querySelector('iframe').getBoundingClientRect().height;\
             return h > 300 && h < 1000;",
            Duration::from_secs(20),
        )
        .await;
    browser.close().await;
}
