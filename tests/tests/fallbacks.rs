//! What a supporter gets where the widget cannot run as built: a browser without CSS
//! `light-dark()`, a browser that cannot run the wasm, and no JavaScript at all.

use e2e::server::Reply;
use e2e::{dist_dir, host_page, workspace_root, Browser, FixtureApi, Server};
use serde_json::{json, Value};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

/// Serves `dist/` with `page` at `/host.html`, and `dist/widget.css` passed through `css` (at
/// `/widget.css`, named so by the loader, which cannot check its integrity then).
fn site(page: String, css: fn(String) -> String) -> Server {
    let stylesheet = css(widget_css());
    let loader = e2e::loader_fetching("widget.css", "widget.css");
    Server::start(
        Some(dist_dir()),
        Vec::new(),
        Some(Box::new(move |url: &str| {
            let path = url.split('?').next().unwrap_or(url);
            let (content_type, body) = match path {
                "/host.html" => ("text/html; charset=utf-8", page.clone()),
                "/widget.css" => ("text/css", stylesheet.clone()),
                "/embed.js" => ("text/javascript", loader.clone()),
                _ => return None,
            };
            Some(Reply {
                status: 200,
                content_type,
                body: body.into_bytes(),
                headers: Vec::new(),
            })
        })),
    )
}

/// A browser of the given size showing `/host.html` of `site`.
async fn open(site: &Server, width: u32, height: u32) -> Browser {
    let browser = Browser::start(width, height).await;
    browser
        .client
        .goto(&format!("{}/host.html", site.url))
        .await
        .expect("open the host page");
    browser
}

/// Evaluates `expression` with `$` = querySelector inside the first widget's shadow root.
async fn in_widget(browser: &Browser, expression: &str) -> Value {
    browser
        .eval_with(
            "const root = document.querySelector('campaign-widget')?.shadowRoot; \
             const $ = s => root?.querySelector(s);",
            expression,
        )
        .await
}

async fn wait_in_widget(browser: &Browser, what: &str, expression: &str) {
    browser
        .wait_until(
            what,
            &format!(
                "const root = document.querySelector('campaign-widget')?.shadowRoot; \
                 if (!root) return false; const $ = s => root.querySelector(s); \
                 return !!({expression});"
            ),
            WAIT,
        )
        .await;
}

/// The colours and sizes an old browser must still get right, read off the page.
const LOOK: &str = "(() => {
  const px = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [x, y] = [lum(px(a)), lum(px(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const frame = getComputedStyle($('.cw-frame'));
  const input = getComputedStyle($('#cw-postcode'));
  const tracks = Array.from(root.querySelectorAll('.cw-bar-track')).map(e => e.getBoundingClientRect().width);
  const fills = Array.from(root.querySelectorAll('.cw-bar-fill')).map(e => e.getBoundingClientRect().width);
  const fillColours = Array.from(root.querySelectorAll('.cw-bar-fill')).map(e => getComputedStyle(e).fill);
  return {
    background: frame.backgroundColor,
    textContrast: contrast(frame.color, frame.backgroundColor),
    inputBorder: [input.borderTopWidth, input.borderTopStyle, input.borderTopColor],
    inputBorderContrast: contrast(input.borderTopColor, frame.backgroundColor),
    bars: tracks.length,
    barsNarrowerThanTracks: fills.every((f, i) => f > 0 && f < tracks[i]),
    fillColours,
  };
})()";

/// Opens the widget on a page whose widget.css went through `css`, at the reader's `scheme`.
async fn look_with(css: fn(String) -> String, scheme: &str) -> Value {
    let api = FixtureApi::start();
    let attrs = format!(
        r#"data-postcodes-api="{0}" data-members-api="{0}""#,
        api.url()
    );
    let site = site(host_page(&attrs, None), css);
    let browser = Browser::start(1280, 900).await;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    browser
        .client
        .goto(&format!("{}/host.html", site.url))
        .await
        .expect("open the host page");
    // The frame is shown once its stylesheet has loaded.
    wait_in_widget(
        &browser,
        "the styled postcode field",
        "$('#cw-postcode') && !$('.cw-frame').hidden",
    )
    .await;
    let look = in_widget(&browser, LOOK).await;
    browser.close().await;
    look
}

/// widget.css as a browser without `light-dark()` reads it: the function unknown, so
/// `@supports (color: light-dark(…))` is false and every use of it invalid.
fn without_light_dark(css: String) -> String {
    css.replace("light-dark(", "no-such-function(")
}

/// The release's widget.css.
fn widget_css() -> String {
    std::fs::read_to_string(dist_dir().join(e2e::release_file("widget.css"))).expect("widget.css")
}

fn unchanged(css: String) -> String {
    css
}

#[tokio::test(flavor = "current_thread")]
async fn without_light_dark_the_widget_keeps_its_light_colours() {
    assert!(
        unchanged(widget_css()).contains("light-dark("),
        "the test renames a function the CSS uses"
    );
    for scheme in ["light", "dark"] {
        let old = look_with(without_light_dark, scheme).await;
        assert_eq!(old["background"], "rgb(255, 255, 255)", "{scheme}: {old}");
        assert!(
            old["textContrast"].as_f64().unwrap() >= 4.5,
            "{scheme}: {old}"
        );
        assert_eq!(
            old["inputBorder"],
            json!(["2px", "solid", "rgb(31, 31, 36)"]),
            "a visible field border ({scheme})"
        );
        assert!(old["inputBorderContrast"].as_f64().unwrap() >= 3.0, "{old}");
        assert_eq!(old["bars"], 3, "{old}");
        assert_eq!(
            old["barsNarrowerThanTracks"], true,
            "bars at their own widths: {old}"
        );
        assert!(
            old["fillColours"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c == "rgb(122, 26, 99)"),
            "accent-coloured bars, not black: {old}"
        );
    }
    // Where light-dark() works, the reader's dark preference still turns it dark.
    let dark = look_with(unchanged, "dark").await;
    assert_eq!(dark["background"], "rgb(27, 26, 31)", "{dark}");
    assert!(dark["textContrast"].as_f64().unwrap() >= 4.5, "{dark}");
}

/// A partner page where the browser cannot run the wasm (`WebAssembly.validate` says no, as
/// it does for the bundle's features in Safari 15, Chrome 96 or Firefox 79).
/// A partner page in a browser whose WebAssembly lacks what the widget needs, with the widget
/// element carrying `attrs`.
fn unsupported_page(lang: &str, attrs: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Partner page</title>
<link rel="icon" href="favicon.svg">
<script>WebAssembly.validate = () => false;</script></head>
<body><h1>A partner's page</h1>
<campaign-widget {attrs}></campaign-widget>
<script src="embed.js" async data-mount="none"></script>
</body></html>"#
    )
}

const TOO_OLD: [(&str, &str, &str); 2] = [
    (
        "en",
        "This browser is too old to run this campaign tool, but you can still write to your MP.",
        "Write to your MP through WriteToThem",
    ),
    (
        "cy",
        "Mae\u{2019}r porwr hwn yn rhy hen i redeg yr offeryn ymgyrch hwn, ond gallwch ysgrifennu at eich AS o hyd.",
        "Ysgrifennu at eich AS drwy WriteToThem",
    ),
];

/// Checks that nothing of the bundle was fetched and nothing was logged, and takes a screenshot.
async fn nothing_more(site: &Server, browser: Browser, shot: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let bundle: Vec<String> = site
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("/campaign-widget"))
        .collect();
    assert!(
        bundle.is_empty(),
        "the bundle was fetched anyway: {bundle:?}"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.screenshot(shot).await;
    browser.close().await;
}

/// The built-in campaign: its prerendered view, whose form asks WriteToThem, and the sentence
/// that says why, in the widget's language.
#[tokio::test(flavor = "current_thread")]
async fn a_browser_that_cannot_run_the_wasm_gets_the_campaign_and_a_form_to_writetothem() {
    for (lang, sentence, _) in TOO_OLD {
        let site = site(unsupported_page(lang, ""), unchanged);
        // English on a desktop, Welsh on a phone.
        let (width, height) = if lang == "en" {
            (1280, 900)
        } else {
            (360, 800)
        };
        let browser = open(&site, width, height).await;
        wait_in_widget(&browser, "the sentence", "$('.cw-status')?.textContent").await;
        assert_eq!(
            in_widget(&browser, "$('.cw-status').textContent").await,
            sentence
        );
        assert_eq!(
            in_widget(
                &browser,
                "[$('.cw-headline').textContent.length > 0, $('form').action, $('form').target]"
            )
            .await,
            json!([true, "https://www.writetothem.com/", "_blank"])
        );
        nothing_more(&site, browser, &format!("fallback-no-wasm-{lang}")).await;
    }
}

/// A campaign of its own without a prerendered view: the sentence and a link to WriteToThem.
#[tokio::test(flavor = "current_thread")]
async fn a_browser_that_cannot_run_the_wasm_gets_a_way_to_write_in_its_language() {
    for (lang, sentence, link) in TOO_OLD {
        let site = site(
            unsupported_page(lang, r#"data-campaign="/campaigns/library.json""#),
            unchanged,
        );
        let browser = open(&site, 1280, 900).await;
        wait_in_widget(&browser, "the fallback", "$('.cw-unsupported a')").await;
        assert_eq!(
            in_widget(&browser, "$('.cw-unsupported p').textContent").await,
            sentence
        );
        assert_eq!(
            in_widget(&browser, "$('.cw-unsupported a').textContent").await,
            link
        );
        assert_eq!(
            in_widget(&browser, "$('.cw-unsupported a').href").await,
            "https://www.writetothem.com/?a=westminstermp"
        );
        assert_eq!(
            in_widget(&browser, "$('.cw-frame').getAttribute('aria-busy')").await,
            Value::Null
        );
        nothing_more(
            &site,
            browser,
            &format!("fallback-no-wasm-own-campaign-{lang}"),
        )
        .await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_feature_check_passes_where_the_wasm_runs() {
    // The same 51-byte module must validate in the engine the suite runs (which runs the
    // bundle), or every supporter would get the fallback.
    let site = site(host_page("", None), unchanged);
    let browser = open(&site, 1280, 900).await;
    wait_in_widget(&browser, "the real widget", "$('.cw-headline')").await;
    assert_eq!(in_widget(&browser, "!!$('.cw-unsupported')").await, false);
    browser.close().await;
}

/// The partner snippet README.md gives (the first ```html block with a `<noscript>`).
fn readme_snippet() -> String {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    readme
        .split("```html\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("<noscript>"))
        .expect("a snippet with <noscript> in README.md")
        .replace("https://cdn.example.org/campaign/", "")
}

/// Chromium with JavaScript off, at `path` on `site`.
async fn open_without_javascript(site: &Server, path: &str) -> Browser {
    let browser = Browser::start(1280, 900).await;
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    browser
        .client
        .goto(&format!("{}{path}", site.url))
        .await
        .expect("open the page");
    browser
}

/// Loads `path` from `site` with JavaScript off and returns the page's text and links.
async fn without_javascript(site: &Server, path: &str) -> (String, Vec<String>) {
    let browser = open_without_javascript(site, path).await;
    let text = browser
        .client
        .find(fantoccini::Locator::Css("body"))
        .await
        .expect("body")
        .text()
        .await
        .expect("text");
    let mut links = Vec::new();
    for link in browser
        .client
        .find_all(fantoccini::Locator::Css("a"))
        .await
        .expect("links")
    {
        links.push(link.attr("href").await.expect("href").unwrap_or_default());
    }
    browser.close().await;
    (text, links)
}

#[tokio::test(flavor = "current_thread")]
async fn without_javascript_the_readme_snippet_and_embed_html_still_lead_to_writetothem() {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title></head>\
         <body><h1>A partner's page</h1>\n{}</body></html>",
        readme_snippet()
    );
    let site = site(page, unchanged);
    let (text, links) = without_javascript(&site, "/host.html").await;
    assert!(
        text.contains("Ask your MP to support the Secondary Support Package"),
        "the campaign's ask: {text:?}"
    );
    assert_eq!(links, ["https://www.writetothem.com/?a=westminstermp"]);

    let (text, links) = without_javascript(&site, "/embed.html").await;
    assert!(text.contains("write to your MP"), "{text:?}");
    assert_eq!(links, ["https://www.writetothem.com/?a=westminstermp"]);
}

/// With scripts off, the full-HTML snippet (the prerendered view in a declarative shadow root)
/// shows the campaign and its form, which sends the postcode typed to WriteToThem's lookup for
/// Westminster MPs. The page's policy (`form-action 'none'`) stops the submission in the
/// browser, which says where it would have gone: captured, not sent.
#[tokio::test(flavor = "current_thread")]
async fn without_javascript_the_full_html_snippet_sends_the_postcode_to_writetothem() {
    let cdn = Server::hosting(dist_dir(), None);
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title></head>\
         <body><h1>A partner's page</h1>\n{}</body></html>",
        e2e::first_paint::full_html_snippet(&cdn.url, "", "en")
    );
    let site = e2e::partner::partner(vec![(
        "/host.html",
        page,
        vec![(
            "Content-Security-Policy".into(),
            "form-action 'none'".into(),
        )],
    )]);
    let browser = open_without_javascript(&site, "/host.html").await;
    let root = browser
        .client
        .find(fantoccini::Locator::Css("campaign-widget"))
        .await
        .expect("the widget")
        .shadow_root()
        .await
        .expect("its declarative shadow root, without scripts");
    let headline = root
        .find(fantoccini::Locator::Css(".cw-headline"))
        .await
        .expect("the headline")
        .text()
        .await
        .expect("text");
    assert_eq!(
        headline,
        "Ask your MP to support the Secondary Support Package"
    );
    root.find(fantoccini::Locator::Css("#cw-postcode"))
        .await
        .expect("the postcode field")
        .send_keys("SW1A 1AA")
        .await
        .expect("type");
    root.find(fantoccini::Locator::Css(
        ".cw-postcode-form button[type=submit]",
    ))
    .await
    .expect("Find your MP")
    .click()
    .await
    .expect("press Find your MP");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let log = browser.console().await.join("\n");
    assert!(
        log.contains("https://www.writetothem.com/?a=westminstermp&pc=SW1A+1AA"),
        "the form's submission, refused by the page's policy: {log}"
    );
    // Nothing was fetched from the CDN: the campaign and its form came with the page.
    assert_eq!(cdn.requests(), Vec::<String>::new());
    browser.close().await;
}
