//! Widgets leaving the page, as on single-page partner sites: a removed widget is unmounted
//! (its lookups and timers end quietly, the other widgets carry on), and one put back mounts
//! again.

use e2e::partner::{eval, look_up, open, page, partner, set_value, wait, Origins};
use e2e::Browser;
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "current_thread")]
async fn widgets_removed_mid_lookup_end_quietly_and_the_others_keep_working() {
    let o = Origins::start();
    let body = format!(
        "<h1>Three widgets</h1>{}<hr>{}<hr>{}",
        o.script(&o.api_attrs()),
        o.script(&o.api_attrs()),
        o.script(&o.api_attrs())
    );
    let site = partner(vec![("/three.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/three.html").await;
    wait(
        &browser,
        "three widgets",
        "[0, 1, 2].every(i => $w(i, '#cw-postcode'))",
    )
    .await;
    // The first looks up a postcode whose answer takes 3 s (its time limit is 1.5 s); the
    // second has a complete postcode typed, its look-up-while-typing waiting for the pause.
    look_up(&browser, 0, "SE1 8XX").await;
    wait(
        &browser,
        "the first lookup in flight",
        "$w(0, '.cw-status').textContent.startsWith('Finding')",
    )
    .await;
    set_value(&browser, 1, "#cw-postcode", "YO1 7HH").await;
    // Both leave the page; anything they say afterwards is caught on their elements.
    eval(
        &browser,
        "(() => { window.late = []; window.gone = [...document.querySelectorAll('campaign-widget')].slice(0, 2);\
         for (const w of gone) {\
           for (const n of ['mp-found', 'error']) w.addEventListener('campaign-widget:' + n, e => late.push(e.type));\
           w.remove();\
         }\
         return true; })()",
    )
    .await;
    wait(
        &browser,
        "both unmounted",
        "gone.every(w => !w.shadowRoot.querySelector('.cw'))",
    )
    .await;
    // Past the typing pause, the time limit and the slow answer.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_eq!(eval(&browser, "late").await, json!([]));
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the remaining widget's MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '.cw-letter')",
    )
    .await;
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_widget_put_back_on_the_page_mounts_again_and_works() {
    let o = Origins::start();
    let body = format!(
        "<div id=a>{}</div><div id=b></div>",
        o.script(&o.api_attrs())
    );
    let site = partner(vec![("/back.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/back.html").await;
    wait(&browser, "the widget", "$w(0, '#cw-postcode')").await;
    // Moved elsewhere in one go, it stays as it is: what was typed is still there.
    set_value(&browser, 0, "#cw-postcode", "IV2").await;
    eval(
        &browser,
        "document.getElementById('b').append(document.querySelector('campaign-widget')) || true",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(eval(&browser, "$w(0, '#cw-postcode').value").await, "IV2");
    // Taken off the page, it is unmounted; put back, it mounts afresh and works.
    eval(
        &browser,
        "(window.w = document.querySelector('campaign-widget')).remove() || true",
    )
    .await;
    wait(
        &browser,
        "the widget unmounted",
        "!w.shadowRoot.querySelector('.cw')",
    )
    .await;
    eval(&browser, "document.getElementById('a').append(w) || true").await;
    wait(
        &browser,
        "the widget again",
        "$w(0, '.cw-headline') && !$w(0, '.cw-frame').hidden && $w(0, '#cw-postcode').value === ''",
    )
    .await;
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "its MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '.cw-letter')",
    )
    .await;
    assert_eq!(
        eval(
            &browser,
            "document.querySelectorAll('campaign-widget').length"
        )
        .await,
        1
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}
