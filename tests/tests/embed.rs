//! Embedding as partners do, cross-origin like production: the partner page, the "CDN" that
//! serves dist/, and the fixture API each on their own 127.0.0.1 port.

use e2e::partner::{eval, look_up, open, page, partner, set_value, wait, Origins, LISTENER};
use e2e::{cases, Browser, Engine};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "current_thread")]
async fn hostile_page_css_and_the_widget_leave_each_other_alone() {
    let o = Origins::start();
    let hostile = "<style>* { color: red !important; font-family: cursive !important; \
        box-sizing: content-box !important; letter-spacing: 3px !important; }\
        button, input { background: lime !important; border: 5px dotted blue !important; }\
        h2 { font-size: 80px !important; text-transform: uppercase !important; }\
        a { color: orange !important; } p { margin: 40px !important; }</style>";
    let body = format!(
        "<h2 id=page-h2>Partner heading</h2><p id=page-p>Text</p><button id=page-button>Go</button>\
         {}",
        o.script(&o.api_attrs())
    );
    let site = partner(vec![("/hostile.html", page(hostile, &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/hostile.html").await;
    let page_before = eval(
        &browser,
        "['page-h2','page-p','page-button'].map(id => { const s = getComputedStyle(document.getElementById(id));\
         return [s.fontSize, s.color, s.backgroundColor, s.margin, s.fontFamily]; })",
    )
    .await;
    wait(
        &browser,
        "the widget, styled",
        "$w(0, '.cw-stat') && !$w(0, '.cw-frame').hidden",
    )
    .await;
    let inside = eval(
        &browser,
        "(() => { const h = getComputedStyle($w(0, '.cw-headline')); const b = getComputedStyle($w(0, '.cw-postcode-form button'));\
         const p = getComputedStyle($w(0, '.cw-intro'));\
         return [h.fontSize, h.color, h.textTransform, h.letterSpacing, h.fontFamily.includes('cursive'),\
                 b.backgroundColor, b.borderTopStyle, p.marginTop, p.color]; })()",
    )
    .await;
    assert_eq!(
        inside,
        json!([
            "25.6px",
            "rgb(31, 31, 36)",
            "none",
            "normal",
            false,
            "rgb(122, 26, 99)",
            "solid",
            "12px",
            "rgb(31, 31, 36)"
        ])
    );
    let page_after = eval(
        &browser,
        "['page-h2','page-p','page-button'].map(id => { const s = getComputedStyle(document.getElementById(id));\
         return [s.fontSize, s.color, s.backgroundColor, s.margin, s.fontFamily]; })",
    )
    .await;
    assert_eq!(
        page_before, page_after,
        "the widget changed the page's styles"
    );
    assert_eq!(page_after[0][0], "80px");
    let globals = eval(
        &browser,
        "Object.keys(window).filter(k => /campaign|wasm|cw/i.test(k))",
    )
    .await;
    assert_eq!(
        globals,
        json!(["CampaignWidget"]),
        "globals beyond one namespace"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn two_widgets_with_different_campaigns_work_independently() {
    cases::two_widgets_with_different_campaigns_work_independently(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn widgets_on_one_page_share_what_the_lookup_services_answered() {
    let o = Origins::start();
    let body = format!(
        "<h1>Two widgets</h1>{}<hr>{}",
        o.script(&o.api_attrs()),
        o.script(&o.api_attrs())
    );
    let site = partner(vec![("/two.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/two.html").await;
    wait(
        &browser,
        "both widgets",
        "$w(0, '#cw-postcode') && $w(1, '#cw-postcode')",
    )
    .await;
    let lookups = || -> Vec<String> {
        o.api
            .requests()
            .into_iter()
            .filter(|r| !r.ends_with("/Thumbnail"))
            .collect()
    };
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the first widget's MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '.cw-letter')",
    )
    .await;
    assert_eq!(
        lookups().len(),
        3,
        "postcode, search, contact: {:?}",
        lookups()
    );
    look_up(&browser, 1, "iv2 3pt").await;
    wait(
        &browser,
        "the second widget's MP",
        "$w(1, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(1, '.cw-letter')",
    )
    .await;
    assert_eq!(
        lookups().len(),
        3,
        "the second widget asked again: {:?}",
        lookups()
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn script_position_data_target_and_custom_element_all_mount() {
    let o = Origins::start();
    let head = o.script("data-mount=\"none\"");
    let body = format!(
        "<p id=before>Before</p>{}<div id=slot></div>\
         <campaign-widget campaign=\"/campaigns/library.json\" postcodes-api=\"{api}\" members-api=\"{api}\"></campaign-widget>\
         <p>End</p>{}",
        o.script(&o.api_attrs()),
        o.script(&format!("data-target=\"#slot\" {}", o.api_attrs())),
        api = o.api.url(),
    );
    let site = partner(vec![("/mounts.html", page(&head, &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/mounts.html").await;
    wait(
        &browser,
        "three widgets",
        "document.querySelectorAll('campaign-widget').length === 3 && [0,1,2].every(i => $w(i, '.cw-headline'))",
    )
    .await;
    let placement = eval(
        &browser,
        "[document.querySelector('#before').nextElementSibling.nextElementSibling.tagName,\
          document.querySelector('#slot').firstElementChild?.tagName,\
          document.querySelectorAll('body > campaign-widget[campaign]').length]",
    )
    .await;
    assert_eq!(placement, json!(["CAMPAIGN-WIDGET", "CAMPAIGN-WIDGET", 1]));
    let headlines = eval(
        &browser,
        "Array.from(document.querySelectorAll('campaign-widget')).map(w => w.shadowRoot.querySelector('.cw-headline').textContent)",
    )
    .await;
    assert_eq!(
        headlines,
        json!([
            "Ask your MP to support the Secondary Support Package",
            "Ask your MP to support the Secondary Support Package",
            "Keep our libraries open"
        ])
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn iframe_embed_grows_with_its_content_and_forwards_events() {
    cases::iframe_embed_grows_with_its_content_and_forwards_events(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn works_under_a_strict_content_security_policy() {
    cases::works_under_a_strict_content_security_policy(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_wasm_loads_only_when_the_widget_nears_the_viewport() {
    let o = Origins::start();
    let body = format!(
        "<h1>Long article</h1><div style=\"height:6000px\">Text</div>{}",
        o.script(&o.api_attrs())
    );
    let site = partner(vec![("/long.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/long.html").await;
    // The prerendered first view is there at once (and the supporter could use it), the wasm
    // is not.
    wait(
        &browser,
        "the prerendered view",
        "$w(0, '[data-cw-prerendered] #cw-postcode')",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let fetched = o.cdn.requests();
    assert!(
        fetched.iter().any(|r| r.starts_with("/embed.js")),
        "{fetched:?}"
    );
    assert!(
        !fetched
            .iter()
            .any(|r| r.contains(".wasm") || r.contains("campaign-widget.")),
        "the bundle was fetched before it was needed: {fetched:?}"
    );
    eval(
        &browser,
        "window.scrollTo(0, document.body.scrollHeight) || true",
    )
    .await;
    wait(
        &browser,
        "the live widget after scrolling",
        "$w(0, '.cw-stat') && !$w(0, '[data-cw-prerendered]')",
    )
    .await;
    assert!(o
        .cdn
        .requests()
        .iter()
        .any(|r| r.contains("campaign-widget_bg.")));
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn events_reach_the_host_page_without_the_postcode_or_what_was_typed() {
    let o = Origins::start();
    let body = format!(
        "<h1>Events</h1>{}<script src=\"/listen.js\"></script>",
        o.script(&o.api_attrs())
    );
    let site = partner(vec![
        ("/events.html", page("", &body), vec![]),
        ("/listen.js", LISTENER.to_owned(), vec![]),
    ]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/events.html").await;
    wait(&browser, "the widget", "$w(0, '#cw-postcode')").await;
    look_up(&browser, 0, "ZZ9 9ZZ").await;
    wait(&browser, "the error", "$w(0, '#cw-postcode-error')").await;
    look_up(&browser, 0, "SW1A 1AA").await;
    wait(
        &browser,
        "the MP",
        "$w(0, '.cw-mp-name') && $w(0, '.cw-letter')",
    )
    .await;
    set_value(&browser, 0, "#cw-name", "Siân Nguyễn").await;
    set_value(&browser, 0, "#cw-address", "12 Secret Street").await;
    eval(
        &browser,
        "$w(0, '.cw-mailto').addEventListener('click', e => e.preventDefault()) || true",
    )
    .await;
    eval(&browser, "$w(0, '.cw-mailto').click() || true").await;
    wait(&browser, "the question", "$w(0, '.cw-yes-sent')").await;
    eval(&browser, "$w(0, '.cw-yes-sent').click() || true").await;
    wait(
        &browser,
        "the sent event",
        "window.seen.some(e => e[0] === 'campaign-widget:sent')",
    )
    .await;
    let seen = eval(&browser, "window.seen").await;
    assert_eq!(
        seen,
        json!([
            ["campaign-widget:ready", {}],
            ["campaign-widget:error", {"kind": "postcode-not-found"}],
            ["campaign-widget:mp-found", {"constituency": "Cities of London and Westminster", "mp": "Rachel Blake"}],
            ["campaign-widget:email-opened", {"channel": "mailto"}],
            ["campaign-widget:sent", {}]
        ])
    );
    let text = seen.to_string();
    for private in ["SW1A", "ZZ9", "Siân", "Secret"] {
        assert!(
            !text.contains(private),
            "an event carried {private:?}: {text}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_broken_campaign_shows_a_specific_message_not_a_blank_box() {
    let o = Origins::start();
    let body = format!(
        "{}{}{}<script src=\"/listen.js\"></script>",
        o.script("data-campaign=\"/campaigns/missing.json\""),
        o.script("data-campaign=\"/campaigns/broken.json\""),
        o.script("data-campaign=\"/campaigns/no-ask.json\""),
    );
    let site = partner(vec![
        ("/broken.html", page("", &body), vec![]),
        ("/listen.js", LISTENER.to_owned(), vec![]),
        (
            "/campaigns/broken.json",
            "{\n  \"headline\": \"x\",\n  \"ask\": oops\n}".into(),
            vec![],
        ),
        (
            "/campaigns/no-ask.json",
            r#"{"headline": "x", "letter": {"subject": "s", "body": "b"}}"#.into(),
            vec![],
        ),
    ]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/broken.html").await;
    wait(
        &browser,
        "three error boxes",
        "[0,1,2].every(i => $w(i, '[role=alert]'))",
    )
    .await;
    let messages = eval(
        &browser,
        "[0,1,2].map(i => $w(i, '.cw-config-error-reason').textContent)",
    )
    .await;
    let messages: Vec<String> = serde_json::from_value(messages).unwrap();
    assert!(
        messages[0].starts_with("The campaign file /campaigns/missing.json could not be loaded: the server answered HTTP 404"),
        "{}", messages[0]
    );
    assert_eq!(
        messages[1],
        "The campaign is not valid JSON: expected a value (line 3, column 10)."
    );
    assert_eq!(
        messages[2],
        "The campaign is not valid: \u{201c}ask\u{201d} is missing."
    );
    let console = browser.console_errors().await;
    let ours = console
        .iter()
        .filter(|l| l.contains("[campaign-widget]"))
        .count();
    assert_eq!(ours, 3, "{console:#?}");
    let kinds = eval(
        &browser,
        "window.seen.filter(e => e[0] === 'campaign-widget:error').map(e => e[1].kind)",
    )
    .await;
    assert_eq!(kinds, json!(["config", "config", "config"]));
    browser.screenshot("embed-broken-campaign").await;
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn dark_theme_and_partner_colours_keep_contrast() {
    let o = Origins::start();
    let body = format!(
        "<h1>Dark</h1>{}<div style=\"--cw-accent:#005ea5;--cw-radius:0\">{}</div>",
        o.script(&format!("data-theme=\"dark\" {}", o.api_attrs())),
        o.script(&o.api_attrs()),
    );
    let site = partner(vec![("/themes.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/themes.html").await;
    wait(
        &browser,
        "both widgets, styled",
        "[0,1].every(i => $w(i, '.cw-stat') && !$w(i, '.cw-frame').hidden)",
    )
    .await;
    let colours = eval(
        &browser,
        "[getComputedStyle($w(0, '.cw-frame')).backgroundColor, getComputedStyle($w(0, '.cw-frame')).color,\
          getComputedStyle($w(1, '.cw-stat-figure')).color, getComputedStyle($w(1, '.cw-frame')).borderTopLeftRadius]",
    )
    .await;
    assert_eq!(
        colours,
        json!([
            "rgb(27, 26, 31)",
            "rgb(242, 239, 245)",
            "rgb(0, 94, 165)",
            "0px"
        ])
    );
    // The reader's preference turns the unfixed widget dark too.
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        )
        .await;
    let preferred = eval(
        &browser,
        "getComputedStyle($w(1, '.cw-frame')).backgroundColor",
    )
    .await;
    assert_eq!(preferred, "rgb(27, 26, 31)");
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP in the dark widget",
        "$w(0, '.cw-mp-name') && $w(0, '.cw-letter')",
    )
    .await;
    let violations = browser.axe_violations("campaign-widget").await;
    assert!(
        violations.is_empty(),
        "axe-core on the dark widget: {violations:#?}"
    );
    browser.screenshot("embed-dark").await;
    browser.close().await;
}
