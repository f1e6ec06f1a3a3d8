//! Embedding as partners do, cross-origin like production: the partner page, the "CDN" that
//! serves dist/, and the fixture API each on their own 127.0.0.1 port.

use e2e::server::Reply;
use e2e::{dist_dir, workspace_root, Browser, FixtureApi, Server};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

/// The three origins of an embedding.
struct Origins {
    cdn: Server,
    api: FixtureApi,
}

impl Origins {
    fn start() -> Origins {
        // dist/ as a CDN would serve it: readable from other origins (module scripts and
        // wasm are fetched with CORS).
        let cdn = Server::start(
            Some(dist_dir()),
            vec![("Access-Control-Allow-Origin".into(), "*".into())],
            None,
        );
        Origins {
            cdn,
            api: FixtureApi::start(),
        }
    }

    /// `data-` attributes pointing a widget at the fixture API.
    fn api_attrs(&self) -> String {
        format!(
            r#"data-postcodes-api="{0}" data-members-api="{0}" data-api-timeout="1500""#,
            self.api.url()
        )
    }

    /// The loader's script tag with extra attributes.
    fn script(&self, attrs: &str) -> String {
        format!(
            r#"<script src="{}/embed.js" async {attrs}></script>"#,
            self.cdn.url
        )
    }
}

/// Extra response headers, as (name, value).
type Headers = Vec<(String, String)>;

/// A partner site serving `pages` (path, body, extra headers) and the campaign fixtures.
fn partner(pages: Vec<(&'static str, String, Headers)>) -> Server {
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

fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title>\
         <link rel=\"icon\" href=\"/favicon.svg\">{head}</head><body>{body}</body></html>"
    )
}

/// JS: `$$w(i)` is the i-th widget's shadow root; `$w(i, sel)` queries inside it.
const HELPERS: &str =
    "const $$w = i => document.querySelectorAll('campaign-widget')[i]?.shadowRoot;\
    const $w = (i, s) => $$w(i)?.querySelector(s);";

async fn eval(browser: &Browser, expression: &str) -> Value {
    browser.eval_with(HELPERS, expression).await
}

async fn wait(browser: &Browser, what: &str, expression: &str) {
    browser.wait_with(HELPERS, what, expression).await
}

async fn set_value(browser: &Browser, widget: usize, selector: &str, value: &str) {
    eval(
        browser,
        &format!(
            "(() => {{ const f = $w({widget}, {selector:?}); f.value = {value:?};\
             f.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()"
        ),
    )
    .await;
}

async fn look_up(browser: &Browser, widget: usize, postcode: &str) {
    set_value(browser, widget, "#cw-postcode", postcode).await;
    eval(
        browser,
        &format!("$w({widget}, '.cw-postcode-form button').click() || true"),
    )
    .await;
}

async fn open(browser: &Browser, site: &Server, path: &str) {
    browser
        .client
        .goto(&format!("{}{path}", site.url))
        .await
        .expect("open the partner page");
}

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
    let o = Origins::start();
    // The library campaign is a file on the partner's own site, named relative to the page.
    let body = format!(
        "<h1>Two campaigns</h1>{}<hr>{}",
        o.script(&format!(
            r#"data-campaign="/campaigns/library.json" {}"#,
            o.api_attrs()
        )),
        o.script(&o.api_attrs()),
    );
    let site = partner(vec![("/two.html", page("", &body), vec![])]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/two.html").await;
    wait(
        &browser,
        "both widgets",
        "$w(0, '.cw-headline') && $w(1, '.cw-headline')",
    )
    .await;
    let headlines = eval(
        &browser,
        "[0, 1].map(i => $w(i, '.cw-headline').textContent)",
    )
    .await;
    assert_eq!(
        headlines,
        json!([
            "Keep our libraries open",
            "Ask your MP to support the Secondary Support Package"
        ])
    );
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "widget 1's MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald'",
    )
    .await;
    assert_eq!(
        eval(&browser, "!$w(1, '.cw-mp')").await,
        json!(true),
        "widget 2 stayed as it was"
    );
    let subject = eval(&browser, "$w(0, '#cw-subject').value").await;
    assert_eq!(
        subject,
        "Keep libraries open in Inverness, Skye and West Ross-shire"
    );
    look_up(&browser, 1, "CF10 1EP").await;
    wait(
        &browser,
        "widget 2's MP",
        "$w(1, '.cw-mp-name')?.textContent === 'Stephen Doughty'",
    )
    .await;
    assert_eq!(
        eval(&browser, "$w(0, '.cw-mp-name').textContent").await,
        "Mr Angus MacDonald",
        "widget 1 kept its own MP"
    );
    assert_eq!(
        eval(&browser, "$w(1, '#cw-subject').value").await,
        "Please support the Secondary Support Package"
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
    let o = Origins::start();
    let src = format!(
        "{}/embed.html?postcodes-api={api}&members-api={api}&api-timeout=1500",
        o.cdn.url,
        api = o.api.url()
    );
    let body = format!(
        "<h1>A blog</h1><iframe data-campaign-widget src=\"{src}\" title=\"Write to your MP\" \
         width=\"100%\" height=\"400\" loading=\"lazy\"></iframe>{}\
         <script src=\"/listen.js\"></script>",
        o.script("data-mount=\"none\"")
    );
    let mut site_pages = vec![("/blog.html", page("", &body), vec![])];
    site_pages.push(("/listen.js", LISTENER.to_owned(), vec![]));
    let site = partner(site_pages);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/blog.html").await;
    wait(
        &browser,
        "the iframe to size itself",
        "document.querySelector('iframe').getBoundingClientRect().height > 900",
    )
    .await;
    let first_height = eval(
        &browser,
        "document.querySelector('iframe').getBoundingClientRect().height",
    )
    .await;
    let frame = browser
        .client
        .find(fantoccini::Locator::Css("iframe"))
        .await
        .expect("the iframe");
    frame.enter_frame().await.expect("enter the iframe");
    wait(
        &browser,
        "the widget inside the frame",
        "$w(0, '#cw-postcode')",
    )
    .await;
    look_up(&browser, 0, "BT1 5GS").await;
    wait(
        &browser,
        "the MP inside the frame",
        "$w(0, '.cw-mp-name')?.textContent === 'Claire Hanna'",
    )
    .await;
    browser
        .client
        .enter_parent_frame()
        .await
        .expect("back to the blog");
    wait(
        &browser,
        "the iframe to grow",
        &format!(
            "document.querySelector('iframe').getBoundingClientRect().height > {} + 400",
            first_height
        ),
    )
    .await;
    frame.enter_frame().await.expect("enter the iframe again");
    // Give the last resize a moment to land, then check there is nothing to scroll.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let scroll = eval(
        &browser,
        "[document.documentElement.scrollHeight, window.innerHeight]",
    )
    .await;
    assert!(
        scroll[0].as_f64().unwrap() <= scroll[1].as_f64().unwrap() + 1.0,
        "the iframe scrolls inside: {scroll}"
    );
    browser
        .client
        .enter_parent_frame()
        .await
        .expect("back to the blog");
    let events = eval(&browser, "window.seen").await;
    assert!(
        events.as_array().unwrap().contains(&json!(["campaign-widget:mp-found", {"constituency": "Belfast South and Mid Down", "mp": "Claire Hanna"}])),
        "{events}"
    );
    browser.screenshot("embed-iframe").await;
    browser.close().await;
}

/// Collects the widget's events on the partner page into `window.seen`.
const LISTENER: &str = "window.seen = [];\
    ['ready', 'mp-found', 'email-opened', 'sent', 'error'].forEach(n =>\
      document.addEventListener('campaign-widget:' + n, e => window.seen.push([e.type, e.detail])));";

#[tokio::test(flavor = "current_thread")]
async fn works_under_a_strict_content_security_policy() {
    let o = Origins::start();
    let csp = format!(
        "default-src 'none'; script-src {cdn} 'wasm-unsafe-eval'; style-src {cdn}; \
         connect-src {cdn} {api}; img-src 'self' {api}",
        cdn = o.cdn.url,
        api = o.api.url()
    );
    let body = format!("<h1>Strict</h1>{}", o.script(&o.api_attrs()));
    let site = partner(vec![(
        "/strict.html",
        page("", &body),
        vec![("Content-Security-Policy".into(), csp)],
    )]);
    let browser = Browser::start(1280, 900).await;
    open(&browser, &site, "/strict.html").await;
    wait(&browser, "the widget", "$w(0, '.cw-stat')").await;
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald'",
    )
    .await;
    wait(
        &browser,
        "the portrait",
        "$w(0, '.cw-mp-portrait').complete && $w(0, '.cw-mp-portrait').naturalWidth > 0",
    )
    .await;
    let accent = eval(
        &browser,
        "getComputedStyle($w(0, '.cw-mp')).borderLeftColor",
    )
    .await;
    assert_eq!(
        accent, "rgb(250, 160, 26)",
        "the party colour is set through the CSSOM, allowed by CSP"
    );
    let console = browser.console().await;
    let violations: Vec<&String> = console
        .iter()
        .filter(|l| l.contains("Content Security Policy") || l.starts_with("SEVERE"))
        .collect();
    assert!(
        violations.is_empty(),
        "CSP violations or errors: {violations:#?}"
    );
    browser.close().await;
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
    wait(&browser, "the placeholder", "$w(0, '.cw-placeholder')").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let fetched = o.cdn.requests();
    assert!(
        fetched.iter().any(|r| r.starts_with("/embed.js")),
        "{fetched:?}"
    );
    assert!(
        !fetched
            .iter()
            .any(|r| r.contains(".wasm") || r.contains("campaign-widget.js")),
        "the bundle was fetched before it was needed: {fetched:?}"
    );
    eval(
        &browser,
        "window.scrollTo(0, document.body.scrollHeight) || true",
    )
    .await;
    wait(&browser, "the widget after scrolling", "$w(0, '.cw-stat')").await;
    assert!(o
        .cdn
        .requests()
        .iter()
        .any(|r| r.contains("campaign-widget_bg.wasm")));
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
    wait(&browser, "the MP", "$w(0, '.cw-mp-name')").await;
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
        "$w(0, '.cw-mp-name')",
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
