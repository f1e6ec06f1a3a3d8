//! End-to-end cases that run in every engine: Chromium runs them among its tests (action.rs,
//! campaign.rs, embed.rs) and Firefox and WebKit in engines.rs, with the same checks.

use crate::partner::{eval, look_up, open, page, partner, wait, Origins, LISTENER};
use crate::release::{self, NEW_WORD, OLD_WORD};
use crate::widget_page::{field, fill_in_details, open_in, open_page, query_fields};
use crate::{
    dist_dir, host_page_for, release_files, site_with_host_page, Browser, Engine, FixtureApi,
    Server,
};
use serde_json::json;
use std::time::Duration;

const HOST: &str = "campaign-widget";

/// A screenshot's name: Chromium's as it always was, other engines' with the engine's name.
fn shot(name: &str, engine: Engine) -> String {
    match engine {
        Engine::Chromium => name.to_owned(),
        _ => format!("{name}-{}", engine.name()),
    }
}

/// Opens a partner page with the default campaign in `engine` at the given window size and
/// waits until the widget is styled and shown.
pub async fn partner_page(engine: Engine, width: u32, height: u32) -> (Server, Browser) {
    let site = site_with_host_page(host_page_for(engine, "", None));
    let browser = Browser::start_engine(engine, width, height).await;
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

/// The default campaign on a plain partner page: headline, the three statistics, the story,
/// the ask and the links, and no console errors.
pub async fn a_partner_page_shows_the_campaign_without_console_errors(engine: Engine) {
    let (_site, browser) = partner_page(engine, 1280, 900).await;
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
    browser.screenshot(&shot("campaign-desktop", engine)).await;
    browser.close().await;
}

/// SW1A 1AA finds Rachel Blake; the letter becomes a mailto link to her, with the subject and
/// the supporter's name and address in the body; sending asks whether it went, then thanks.
pub async fn happy_path_builds_a_personal_email_to_the_mp(engine: Engine) {
    let page = open_in(engine, FixtureApi::start(), "", 1280, 900).await;
    page.look_up_by_button("sw1a1aa").await;
    page.wait_for(
        "Rachel Blake for SW1A 1AA",
        "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('.cw-letter')",
    )
    .await;
    assert_eq!(page.text(".cw-party-badge").await, "Labour");
    assert!(page
        .text(".cw-mp-constituency")
        .await
        .contains("SW1A 1AA, your constituency is Cities of London and Westminster"));
    let alt = page.eval("$('.cw-mp-portrait').alt").await;
    assert_eq!(alt, "Official portrait of Rachel Blake");
    // Focus moves to the result in the frame after it renders (WebKit's driver is quick
    // enough to look before that frame).
    page.wait_for(
        "focus on the result",
        "root.activeElement?.id === 'cw-mp-heading'",
    )
    .await;

    fill_in_details(&page).await;
    page.click("#cw-opening-1").await;
    let href = page.eval("$('.cw-mailto').getAttribute('href')").await;
    let href = href.as_str().expect("a mailto href");
    assert!(
        href.starts_with("mailto:rachel.blake.mp@parliament.uk?"),
        "{href}"
    );
    let fields = query_fields(href);
    assert_eq!(
        field(&fields, "subject"),
        "Please support the Secondary Support Package"
    );
    let body = field(&fields, "body");
    assert!(
        body.starts_with("Dear Rachel Blake,\r\n\r\nI am writing to you as a constituent"),
        "{body}"
    );
    assert!(
        body.contains("My mum lives with secondary breast cancer & needs a nurse."),
        "{body}"
    );
    assert!(
        body.ends_with("Siân Nguyễn\r\n12 High Street\r\nLondon\r\nSW1A 1AA"),
        "{body}"
    );

    let gmail = page.eval("$('.cw-webmail-gmail').href").await;
    let gmail = gmail.as_str().unwrap();
    assert!(
        gmail.starts_with("https://mail.google.com/mail/?view=cm"),
        "{gmail}"
    );
    let gmail_fields = query_fields(gmail);
    assert_eq!(field(&gmail_fields, "to"), "rachel.blake.mp@parliament.uk");
    assert_eq!(field(&gmail_fields, "body"), body.replace("\r\n", "\n"));

    // An English widget never fetches the Welsh words.
    let welsh =
        "performance.getEntriesByType('resource').some(e => /\\/cy\\.\\w+\\.json$/.test(e.name))";
    assert_eq!(page.eval(welsh).await, false, "no cy.json for English");
    // Sending asks whether it went, then thanks.
    page.send_and_confirm().await;
    page.no_console_errors().await;
    page.browser
        .screenshot(&shot("action-desktop", engine))
        .await;
    page.browser.close().await;
}

/// A 503 from the postcode service, and from the Members API's search by postcode (the second
/// route), shows a message; Retry then finds the MP.
pub async fn retry_recovers_after_a_fault(engine: Engine) {
    let page = open_in(engine, FixtureApi::start(), "", 1280, 900).await;
    page.look_up("SE2 2XX").await;
    page.wait_for("the 503 message", "$('.cw-problem-message')")
        .await;
    // Focus moves to the message in the frame after it renders.
    page.wait_for(
        "focus on the message",
        "root.activeElement === $('.cw-problem-message')",
    )
    .await;
    page.click(".cw-problem button").await;
    page.wait_for(
        "the MP after Retry",
        "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('.cw-letter')",
    )
    .await;
    page.browser.close().await;
}

/// Whatever postcodes.io does wrong (500, no answer in time, unreachable: no CORS, an HTML
/// page), the MP card still appears, through the Members API's constituency search by
/// postcode, and no error is shown or sent to the host page. Then the letter works as usual.
pub async fn postcodes_io_down_still_finds_the_mp(engine: Engine) {
    let page = open_in(engine, FixtureApi::start(), "", 1280, 900).await;
    page.eval(
        "(() => { window.kinds = []; document.addEventListener('campaign-widget:error', \
         e => window.kinds.push(e.detail.kind)); return true; })()",
    )
    .await;
    for (postcode, fault) in [
        ("SE1 5XX", "HTTP 500"),
        ("SE1 8XX", "no answer in time"),
        ("SE1 7XX", "unreachable (no CORS)"),
        ("SE1 6XX", "an HTML page"),
    ] {
        let before = page.api.requests().len();
        page.look_up(postcode).await;
        // (The card names the postcode: not the previous one's card.)
        page.wait_for(
            &format!("the MP although postcodes.io gave {fault}"),
            &format!(
                "$('.cw-mp-name')?.textContent === 'Rachel Blake' && $('.cw-letter') && \
                 ['{postcode}', 'Cities of London and Westminster'].every(t => \
                 $('.cw-mp-constituency')?.textContent.includes(t))"
            ),
        )
        .await;
        assert_eq!(page.eval("!!$('.cw-problem')").await, false, "{fault}");
        // Focus moves to the card in the frame after it renders (WebKitGTK on Xvfb can hold
        // that frame back a while): the next postcode is typed after it, as a person would.
        page.wait_for(
            &format!("focus on the card ({fault})"),
            "root.activeElement?.hasAttribute('data-focus')",
        )
        .await;
        let asked: Vec<String> = page.api.requests()[before..]
            .iter()
            .filter(|r| !r.ends_with("/Thumbnail"))
            // (gloo-net ends a URL that has a query with "&".)
            .map(|r| r.trim_end_matches('&').to_owned())
            .collect();
        let encoded = postcode.replace(' ', "%20");
        assert_eq!(
            asked[..2],
            [
                format!("/postcodes/{encoded}"),
                format!("/api/Location/Constituency/Search?searchText={encoded}&skip=0&take=20"),
            ],
            "postcodes.io first, then the search by postcode ({fault})"
        );
    }
    assert_eq!(page.browser.js("return window.kinds").await, json!([]));
    fill_in_details(&page).await;
    page.assert_mailto_to("rachel.blake.mp@parliament.uk").await;
    // The browser logs the failed requests themselves; nothing of ours, nothing uncaught.
    let errors = page.browser.console_errors().await;
    assert!(
        !errors.iter().any(|line| line.contains("[campaign-widget]")
            || line.contains("Uncaught")
            || line.contains("unreachable")),
        "{errors:#?}"
    );
    page.browser.close().await;
}

/// Two widgets with different campaigns on one page, each with its own MP.
pub async fn two_widgets_with_different_campaigns_work_independently(engine: Engine) {
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
    let site = partner(vec![(
        "/two.html",
        page(&engine.console_hook(""), &body),
        vec![],
    )]);
    let browser = Browser::start_engine(engine, 1280, 900).await;
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
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '.cw-letter')",
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
        "$w(1, '.cw-mp-name')?.textContent === 'Stephen Doughty' && $w(1, '.cw-letter')",
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

/// The iframe embed sizes itself to its content, grows with the result, never scrolls inside,
/// and forwards the widget's events to the partner page.
pub async fn iframe_embed_grows_with_its_content_and_forwards_events(engine: Engine) {
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
    let mut site_pages = vec![("/blog.html", page(&engine.console_hook(""), &body), vec![])];
    site_pages.push(("/listen.js", LISTENER.to_owned(), vec![]));
    let site = partner(site_pages);
    let browser = Browser::start_engine(engine, 1280, 900).await;
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
    let frame = browser.enter_iframe().await;
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
        "$w(0, '.cw-mp-name')?.textContent === 'Claire Hanna' && $w(0, '.cw-letter')",
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
    // Once the last resize has landed (WebKitGTK on Xvfb can hold frames back: wait for it,
    // not a fixed time), there is nothing to scroll inside the frame.
    wait(
        &browser,
        "nothing to scroll inside the iframe",
        "document.documentElement.scrollHeight <= window.innerHeight + 1",
    )
    .await;
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
    browser.screenshot(&shot("embed-iframe", engine)).await;
    browser.close().await;
}

/// The widget works under a strict CSP (no inline script or style) without violations.
pub async fn works_under_a_strict_content_security_policy(engine: Engine) {
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
        // The hook from the CDN, the one script origin the policy allows.
        page(&engine.console_hook(&o.cdn.url), &body),
        vec![("Content-Security-Policy".into(), csp)],
    )]);
    let browser = Browser::start_engine(engine, 1280, 900).await;
    open(&browser, &site, "/strict.html").await;
    wait(&browser, "the widget", "$w(0, '.cw-stat')").await;
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '.cw-letter')",
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

/// The connections to the lookup services are opened when the postcode field gets focus
/// (preconnect links inside the widget's shadow root, none on the host page), before any
/// request: each origin sees a connection and no bytes.
pub async fn focusing_the_postcode_field_opens_the_connections_to_both_services(engine: Engine) {
    use std::io::Read;
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    // Two origins that count connections and the bytes sent on them, and never answer.
    let origin = || {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
        let port = listener.local_addr().unwrap().port();
        let (connections, bytes) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let (c, b) = (Arc::clone(&connections), Arc::clone(&bytes));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                c.fetch_add(1, Ordering::SeqCst);
                let b = Arc::clone(&b);
                std::thread::spawn(move || {
                    let mut stream = stream;
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
                    let mut buffer = [0u8; 512];
                    while let Ok(n) = stream.read(&mut buffer) {
                        if n == 0 {
                            break;
                        }
                        b.fetch_add(n, Ordering::SeqCst);
                    }
                });
            }
        });
        (format!("http://127.0.0.1:{port}"), connections, bytes)
    };
    let (postcodes, postcodes_connections, postcodes_bytes) = origin();
    let (members, members_connections, members_bytes) = origin();
    let host_page = host_page_for(
        engine,
        &format!(r#"data-postcodes-api="{postcodes}/" data-members-api="{members}""#),
        None,
    );
    let page = open_page(engine, FixtureApi::start(), host_page, 1280, 900).await;
    page.wait_for("the postcode field", "$('#cw-postcode')")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(postcodes_connections.load(Ordering::SeqCst), 0);
    assert_eq!(members_connections.load(Ordering::SeqCst), 0);
    // Focused by the driver as a supporter's first key press would (WebKit's driver refuses a
    // click there: "intercepted"); one letter is no postcode, so no lookup starts.
    page.field("#cw-postcode")
        .await
        .send_keys("S")
        .await
        .expect("type into the field");
    page.browser
        .wait_until(
            "the preconnect links",
            "return document.querySelector('campaign-widget').shadowRoot\
             .querySelectorAll('link[rel=preconnect]').length === 2",
            Duration::from_secs(10),
        )
        .await;
    for _ in 0..100 {
        if postcodes_connections.load(Ordering::SeqCst) > 0
            && members_connections.load(Ordering::SeqCst) > 0
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        postcodes_connections.load(Ordering::SeqCst) > 0,
        "postcodes.io not warmed"
    );
    assert!(
        members_connections.load(Ordering::SeqCst) > 0,
        "Members API not warmed"
    );
    assert_eq!(
        postcodes_bytes.load(Ordering::SeqCst),
        0,
        "a request was sent"
    );
    assert_eq!(
        members_bytes.load(Ordering::SeqCst),
        0,
        "a request was sent"
    );
    assert_eq!(
        page.browser
            .js("return document.querySelectorAll('link[rel=preconnect]').length")
            .await,
        json!(0),
        "nothing on the host page"
    );
    page.browser.close().await;
}

/// Two releases deployed into one folder, as a host holds them after a deploy (the new one's
/// hashed files first, its loader last, nothing deleted; `release::deploy`): a page opened
/// before the deploy keeps running the old release, fetching its letter module (and maybe its
/// lookup module) after the deploy, and a page opened after it runs the new one (its built-in
/// headline ends in another word, and every wasm module differs). Each page fetches files of
/// its own release only and logs no error.
pub async fn a_page_runs_one_release_across_a_deploy(engine: Engine) {
    let old = dist_dir();
    let new = release::second_build();
    let host = release::scratch(&format!("host-{}", engine.name()));
    release::copy_folder(&old, &host);
    let cdn = Server::hosting(host.clone(), None);
    let api = FixtureApi::start();
    let body = format!(
        "<h1>A partner</h1><script src=\"{}/embed.js\" async data-postcodes-api=\"{api}\" \
         data-members-api=\"{api}\" data-api-timeout=\"1500\"></script>",
        cdn.url,
        api = api.url()
    );
    let site = partner(vec![(
        "/page.html",
        page(&engine.console_hook(""), &body),
        vec![],
    )]);
    let files = |dist: &std::path::Path| -> Vec<String> {
        release_files(dist)
            .into_iter()
            .map(|(path, _)| format!("/{path}"))
            .collect()
    };
    let (old_files, new_files) = (files(&old), files(&new));
    let fetched_since = |from: usize| -> Vec<String> {
        cdn.requests()[from..]
            .iter()
            .map(|r| r.split('?').next().unwrap_or(r).to_owned())
            .collect()
    };
    let headline = "$w(0, '.cw-headline').textContent";

    // Before the deploy.
    let browser = Browser::start_engine(engine, 1280, 900).await;
    open(&browser, &site, "/page.html").await;
    // (The live view: its headline comes from the release's wasm.)
    wait(
        &browser,
        "the widget",
        "$w(0, '#cw-postcode') && !$w(0, '[data-cw-prerendered]')",
    )
    .await;
    let before = eval(&browser, headline).await;
    assert!(
        before.as_str().unwrap_or("").ends_with(OLD_WORD),
        "{before}"
    );

    release::deploy(&new, &host);

    // The old page goes on: the lookup and the letter step arrive from its own release.
    let asked = cdn.requests().len();
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP and the letter form on the page opened before the deploy",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '#cw-name')",
    )
    .await;
    assert_eq!(eval(&browser, headline).await, before);
    // The letter step is fetched when the lookup starts, after the deploy; the lookup's module
    // when the browser was idle after the first view (before or after the deploy): both from
    // the old release.
    let after_deploy = fetched_since(asked);
    let old_page = fetched_since(0);
    for (module, fetched) in [
        ("campaign-widget-lookup.wasm", &old_page),
        ("campaign-widget-letter.wasm", &after_deploy),
    ] {
        let name = format!("/{}", crate::release_file_in(&old, module));
        assert!(fetched.contains(&name), "{name} in {fetched:?}");
        assert!(!new_files.contains(&name), "{name} is in both releases");
    }
    for file in &old_page {
        assert!(
            old_files.contains(file),
            "the old page fetched {file}, not of its release"
        );
    }
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;

    // A page opened after the deploy.
    let asked = cdn.requests().len();
    let browser = Browser::start_engine(engine, 1280, 900).await;
    open(&browser, &site, "/page.html").await;
    wait(
        &browser,
        "the widget",
        "$w(0, '#cw-postcode') && !$w(0, '[data-cw-prerendered]')",
    )
    .await;
    let now = eval(&browser, headline).await;
    assert!(now.as_str().unwrap_or("").ends_with(NEW_WORD), "{now}");
    look_up(&browser, 0, "IV2 3PT").await;
    wait(
        &browser,
        "the MP and the letter form on the page opened after the deploy",
        "$w(0, '.cw-mp-name')?.textContent === 'Mr Angus MacDonald' && $w(0, '#cw-name')",
    )
    .await;
    let new_page = fetched_since(asked);
    for file in &new_page {
        assert!(
            new_files.contains(file),
            "the new page fetched {file}, not of its release"
        );
    }
    let main = format!(
        "/{}",
        crate::release_file_in(&new, "campaign-widget_bg.wasm")
    );
    assert!(
        new_page.contains(&main) && !old_files.contains(&main),
        "{new_page:?}"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    let _ = std::fs::remove_dir_all(&host);
}

/// The JS glue with one byte changed on the host: the loader's modulepreload link checks it
/// against the integrity value the loader carries, so it never runs: the widget says it could
/// not load, and nothing more is fetched.
pub async fn a_tampered_glue_is_refused_before_it_runs_and_the_widget_says_so(engine: Engine) {
    let dist = dist_dir();
    let glue = format!("/{}", crate::release_file("campaign-widget.js"));
    let real = std::fs::read_to_string(dist.join(&glue[1..])).expect("the glue");
    // One byte changed in the message the chunk loader logs.
    let tampered = real.replacen("could not be loaded", "could not be loadeD", 1);
    assert_ne!(tampered, real);
    let served = glue.clone();
    let cdn = crate::server::Server::hosting(
        dist.clone(),
        Some(Box::new(move |url: &str| {
            (url == served).then(|| crate::server::Reply {
                status: 200,
                content_type: "text/javascript; charset=utf-8",
                body: tampered.clone().into_bytes(),
                headers: Vec::new(),
            })
        })),
    );
    let body = format!(
        "<h1>A partner</h1><script src=\"{}/embed.js\" async></script>",
        cdn.url
    );
    let site = partner(vec![(
        "/glue.html",
        page(&engine.console_hook(""), &body),
        vec![],
    )]);
    let browser = Browser::start_engine(engine, 1280, 900).await;
    open(&browser, &site, "/glue.html").await;
    wait(
        &browser,
        "the widget's message",
        "$w(0, '.cw-frame')?.textContent.includes('could not load')",
    )
    .await;
    // (Chromium's log has the browser's own message; the other engines' hook sees the loader's.)
    let console = browser.console_errors().await;
    if engine == Engine::Chromium {
        assert!(
            console
                .iter()
                .any(|l| l.contains("integrity") && l.contains(&glue)),
            "no integrity error: {console:#?}"
        );
    }
    assert!(
        console.iter().any(|l| l.contains("[campaign-widget]")),
        "{console:#?}"
    );
    let requested = cdn.requests();
    assert_eq!(
        requested.iter().filter(|r| **r == glue).count(),
        1,
        "{requested:?}"
    );
    assert!(
        !requested.iter().any(|r| r.ends_with(".wasm")),
        "the wasm was fetched: {requested:?}"
    );
    browser.close().await;
}
