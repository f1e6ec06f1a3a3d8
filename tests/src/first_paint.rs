//! The widget's first view before the wasm: the prerendered view (shown by the loader, or in
//! the page with Declarative Shadow DOM), what a supporter does with it before the live view
//! takes over, and the host page that must not move. Cases for every engine (engines.rs runs
//! them in Firefox and WebKit, first_paint.rs in Chromium).

use crate::partner::{eval, page, partner, wait, Origins};
use crate::{dist_dir, release_file, Browser, Engine, FixtureApi, Server};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// dist/ on a "CDN" that holds back the widget's main wasm module until [`Gate::open`]: the
/// time before the wasm arrives, as long as a test needs it.
pub struct Gate {
    pub cdn: Server,
    open: Arc<AtomicBool>,
}

impl Gate {
    pub fn closed() -> Gate {
        let open = Arc::new(AtomicBool::new(false));
        let held = Arc::clone(&open);
        let wasm = format!("/{}", release_file("campaign-widget_bg.wasm"));
        let cdn = Server::hosting(
            dist_dir(),
            Some(Box::new(move |url: &str| {
                if url.starts_with(&wasm) {
                    while !held.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
                None
            })),
        );
        Gate { cdn, open }
    }

    pub fn open(&self) {
        self.open.store(true, Ordering::SeqCst);
    }

    /// Whether the wasm has been asked for (it is held until the gate opens).
    pub fn wasm_asked(&self) -> bool {
        let wasm = release_file("campaign-widget_bg.wasm");
        self.cdn.requests().iter().any(|r| r.contains(&wasm))
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        // (A held request must not keep its thread forever.)
        self.open();
    }
}

/// The full-HTML snippet for the built-in campaign, as the demo page writes it: the widget's
/// stylesheet and its prerendered first view in a declarative shadow root (shown from the first
/// paint, with no request), then the loader, from `cdn`, with `attrs` on the element; `view`:
/// the view's language and layout (`en`, `cy-compact`).
pub fn full_html_snippet(cdn: &str, attrs: &str, view: &str) -> String {
    let view =
        std::fs::read_to_string(dist_dir().join(release_file(&format!("prerender-{view}.html"))))
            .expect("the prerendered view");
    format!(
        "<campaign-widget {attrs}><template shadowrootmode=\"open\">\
         <style>{}</style>{view}</template></campaign-widget>\
         <script src=\"{cdn}/embed.js\" async data-mount=\"none\"></script>",
        stylesheet()
    )
}

/// The widget's stylesheet, as released.
fn stylesheet() -> String {
    std::fs::read_to_string(dist_dir().join(release_file("widget.css"))).expect("widget.css")
}

/// The CSP source that allows the full-HTML snippet's `<style>`: its SHA-256 hash.
pub fn style_hash() -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut digest = Command::new("sh")
        .args(["-c", "openssl dgst -sha256 -binary | openssl base64 -A"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("openssl");
    digest
        .stdin
        .take()
        .expect("stdin")
        .write_all(stylesheet().as_bytes())
        .expect("hash the stylesheet");
    let out = digest.wait_with_output().expect("openssl's answer");
    format!("'sha256-{}'", String::from_utf8_lossy(&out.stdout).trim())
}

/// A partner site with the article around `widget` at /article.html (and its watcher at
/// /watch.js), under a strict Content Security Policy: scripts from itself and the CDN only, no
/// inline script or style attribute; styles from the CDN, and the full-HTML snippet's `<style>`
/// by its hash.
fn strict_site(widget: &str, cdn: &str, api: &str) -> Server {
    let csp = format!(
        "default-src 'none'; script-src 'self' {cdn} 'wasm-unsafe-eval'; style-src {cdn} {}; \
         connect-src {cdn} {api}; img-src 'self' {api}",
        style_hash()
    );
    partner(vec![
        (
            "/article.html",
            article(widget),
            vec![("Content-Security-Policy".into(), csp)],
        ),
        ("/watch.js", WATCH.to_owned(), vec![]),
    ])
}

/// JS (the page's first script): records every position the element `#after` (the host page's
/// text below the widget) takes, once per frame, in `window.moves` (engine-independent: Firefox
/// and WebKit have no layout-shift entries), and Chromium's layout shifts in `window.shifts`.
const WATCH: &str = "window.moves = []; window.shifts = [];\
  (function frame() { const a = document.getElementById('after');\
    if (a) { const y = Math.round(a.getBoundingClientRect().top + scrollY);\
      if (moves[moves.length - 1] !== y) moves.push(y); }\
    requestAnimationFrame(frame); })();\
  try { new PerformanceObserver(l => { for (const e of l.getEntries()) shifts.push(e.value); })\
    .observe({ type: 'layout-shift', buffered: true }); } catch (e) {}";

/// An article with the widget (`widget`: a snippet) in its first screen and text below it.
fn article(widget: &str) -> String {
    let text =
        "<p>The partner's own article goes on here, paragraph after paragraph.</p>".repeat(30);
    page(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <script src=\"/watch.js\"></script>",
        &format!("<h1>Our campaign</h1><p>Please write to your MP.</p>{widget}<div id=\"after\">{text}</div>"),
    )
}

/// The fixture API's `data-` attributes, with the tests' short time limit.
fn api_attrs(api: &FixtureApi) -> String {
    format!(
        r#"data-postcodes-api="{0}" data-members-api="{0}" data-api-timeout="1500""#,
        api.url()
    )
}

/// How the widget is on the article.
enum Snippet {
    /// The loader's script tag.
    Tag,
    /// The full-HTML snippet of this view (`en`, `cy-compact`).
    Html(&'static str),
}

/// An article (under the strict policy) with the widget pointed at `api`, opened in `engine`,
/// `width` px wide, with the wasm held back (until the returned [`Gate`] opens), once the
/// prerendered field is there.
async fn open_article(
    engine: Engine,
    width: u32,
    api: &FixtureApi,
    snippet: Snippet,
) -> (Gate, Server, Browser) {
    let gate = Gate::closed();
    let attrs = api_attrs(api);
    let widget = match snippet {
        Snippet::Tag => format!(
            r#"<script src="{}/embed.js" async {attrs}></script>"#,
            gate.cdn.url
        ),
        Snippet::Html(view) => full_html_snippet(&gate.cdn.url, &attrs, view),
    };
    let site = strict_site(&widget, &gate.cdn.url, api.url());
    let browser = open_site(engine, width, &site).await;
    wait(
        &browser,
        "the prerendered field",
        "$w(0, '[data-cw-prerendered] #cw-postcode')",
    )
    .await;
    (gate, site, browser)
}

/// The prerendered view's frame and the live one's, as a canonical text: elements with their
/// sorted attributes and their non-blank text, nothing else (no comments, no whitespace).
const CANONICAL: &str = "const canon = n => n.nodeType === 3 ? (n.data.trim() ? JSON.stringify(n.data.trim()) : '')\
  : n.nodeType !== 1 ? '' : '<' + n.localName + [...n.attributes].map(a => ' ' + a.name + '=' + JSON.stringify(a.value)).sort().join('')\
    + '>' + [...n.childNodes].map(canon).join('') + '</' + n.localName + '>';";

async fn frame_text(browser: &Browser) -> String {
    eval(
        browser,
        &format!("(() => {{ {CANONICAL} return canon($w(0, '.cw-frame')); }})()"),
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// The element `selector` in the first widget's shadow root, for real key presses.
async fn field(browser: &Browser, selector: &str) -> fantoccini::elements::Element {
    browser
        .client
        .find(Locator::Css("campaign-widget"))
        .await
        .expect("the widget host")
        .shadow_root()
        .await
        .expect("an open shadow root")
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
}

/// Real key presses into the postcode field (a new line: Enter).
async fn type_keys(browser: &Browser, keys: &str) {
    field(browser, "#cw-postcode")
        .await
        .send_keys(keys)
        .await
        .expect("type into the postcode field");
}

/// `engine`, `width` px wide, at the article on `site`.
async fn open_site(engine: Engine, width: u32, site: &Server) -> Browser {
    let browser = Browser::start_engine(engine, width, 900).await;
    browser
        .client
        .goto(&format!("{}/article.html", site.url))
        .await
        .expect("open the article");
    browser
}

/// Lets the wasm through and waits until the live view has taken over.
async fn go_live(gate: &Gate, browser: &Browser) {
    gate.open();
    wait(
        browser,
        "the live view",
        "!!$w(0, '.cw-frame') && !$w(0, '[data-cw-prerendered]')",
    )
    .await;
}

async fn is_live(browser: &Browser) -> bool {
    eval(
        browser,
        "!!$w(0, '.cw-frame') && !$w(0, '[data-cw-prerendered]')",
    )
    .await
        == json!(true)
}

/// The prerendered view is the live view, element for element, attribute for attribute, in
/// English and Welsh, in the full and the compact layout, from the loader and from the page
/// (Declarative Shadow DOM); its height does not change at the takeover, and the host page's
/// text never moves: not when the styles arrive, not when the wasm takes over, not when a Welsh
/// widget gets its words.
pub async fn the_prerendered_view_is_the_live_view_and_nothing_moves(engine: Engine) {
    let api = FixtureApi::start();
    let attrs = api_attrs(&api);
    let ways = ["loader", "page"].into_iter().flat_map(|how| {
        ["en", "cy"].into_iter().flat_map(move |lang| {
            ["full", "compact"]
                .into_iter()
                .map(move |layout| (how, lang, layout))
        })
    });
    for (how, lang, layout) in ways {
        let gate = Gate::closed();
        let attrs = format!(r#"{attrs} data-lang="{lang}" data-layout="{layout}""#);
        let widget = match how {
            "loader" => format!(
                r#"<script src="{}/embed.js" async {attrs}></script>"#,
                gate.cdn.url
            ),
            _ => {
                let view = match layout {
                    "compact" => format!("{lang}-compact"),
                    _ => lang.to_owned(),
                };
                full_html_snippet(&gate.cdn.url, &attrs, &view)
            }
        };
        let lang = format!("{lang}, {layout}");
        let site = strict_site(&widget, &gate.cdn.url, api.url());
        let browser = open_site(engine, 1280, &site).await;
        wait(
            &browser,
            &format!("the prerendered view ({how}, {lang})"),
            "$w(0, '[data-cw-prerendered] #cw-postcode') && $w(0, '.cw-frame').getBoundingClientRect().height > 300",
        )
        .await;
        let before = frame_text(&browser).await;
        let height = eval(
            &browser,
            "$w(0, '.cw-frame').getBoundingClientRect().height",
        )
        .await;
        assert!(!before.is_empty());
        go_live(&gate, &browser).await;
        // (Leptos renders in the frame after its signals settle: let it.)
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(is_live(&browser).await);
        let after = frame_text(&browser).await;
        assert!(
            before == after,
            "the prerender ({how}, {lang}) differs from the live view:\n{}",
            first_difference(&before, &after)
        );
        let live_height = eval(
            &browser,
            "$w(0, '.cw-frame').getBoundingClientRect().height",
        )
        .await;
        let (a, b) = (height.as_f64().unwrap(), live_height.as_f64().unwrap());
        assert!(
            (a - b).abs() <= 1.0,
            "{how}, {lang}: the prerendered view is {a} px tall, the live one {b} px"
        );
        let moves = eval(&browser, "window.moves").await;
        let shifts = eval(&browser, "window.shifts").await;
        let total: f64 = shifts
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_f64)
            .sum();
        match how {
            // In the page from the first paint: the text below never moves.
            "page" => {
                assert_eq!(
                    moves.as_array().unwrap().len(),
                    1,
                    "{how}, {lang}: the text moved: {moves}"
                );
                assert!(
                    total <= 0.01,
                    "{how}, {lang}: layout shift {total} ({shifts})"
                );
            }
            // Shown once, at its true size (the loader runs after the page's first paint): one
            // move of the text below, and none after (styles, takeover, Welsh words).
            _ => assert!(
                moves.as_array().unwrap().len() <= 2,
                "{how}, {lang}: the text moved more than once: {moves}"
            ),
        }
        // (Under the strict policy: a violation would be logged.)
        let errors = browser.console_errors().await;
        assert!(
            !errors.iter().any(|e| e.contains("[campaign-widget]")
                || e.contains("Uncaught")
                || e.contains("Content Security Policy")
                || e.contains("Content-Security-Policy")),
            "{errors:#?}"
        );
        browser.close().await;
    }
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = a[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let show = |s: &str| {
        s.get(from..(at + 160).min(s.len()))
            .unwrap_or("")
            .to_owned()
    };
    format!("prerender: …{}\nlive:      …{}", show(a), show(b))
}

/// Typing, the caret and focus before the wasm arrives, carried into the live view; then Find
/// your MP pressed before the wasm: shown as working, held, and carried out once.
pub async fn the_field_works_before_the_wasm(engine: Engine) {
    let api = FixtureApi::start();
    // 1. Typing and the caret.
    let (gate, _site, browser) = open_article(engine, 1280, &api, Snippet::Tag).await;
    let postcode = field(&browser, "#cw-postcode").await;
    let left = char::from(Key::Left).to_string();
    postcode
        .send_keys(&format!("sw1a 1a{left}"))
        .await
        .expect("type");
    assert!(
        !is_live(&browser).await,
        "the wasm came before the gate opened"
    );
    assert_eq!(
        eval(&browser, "[$w(0, '#cw-postcode').value, $$w(0).activeElement?.id, $w(0, '#cw-postcode').selectionStart]").await,
        json!(["sw1a 1a", "cw-postcode", 6]),
        "typed into the prerendered field"
    );
    go_live(&gate, &browser).await;
    // The caret is put back before the next paint: in the frame after the takeover (which
    // WebKitGTK on Xvfb can hold back a while).
    wait(
        &browser,
        "the caret where it was",
        "$w(0, '#cw-postcode').selectionStart === 6",
    )
    .await;
    assert_eq!(
        eval(
            &browser,
            "[$w(0, '#cw-postcode').value, $$w(0).activeElement?.id, $w(0, '#cw-postcode').selectionEnd]"
        )
        .await,
        json!(["sw1a 1a", "cw-postcode", 6]),
        "what was typed, the focus and the caret, carried over"
    );
    // The live widget goes on from there.
    let end = char::from(Key::End).to_string();
    let enter = char::from(Key::Enter).to_string();
    type_keys(&browser, &format!("{end}a{enter}")).await;
    wait(
        &browser,
        "the MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Rachel Blake'",
    )
    .await;
    browser.close().await;

    // 2. Find your MP before the wasm: held, said, carried out once.
    let (gate, _site, browser) = open_article(engine, 1280, &api, Snippet::Tag).await;
    let asked_before = api.requests().len();
    type_keys(&browser, &format!("SW1A 1AA{enter}")).await;
    wait(
        &browser,
        "Finding your MP… before the wasm",
        "$w(0, '.cw-status')?.textContent === 'Finding your MP…' && $w(0, 'form[data-cw-pending-submit]')",
    )
    .await;
    assert_eq!(
        eval(&browser, "location.pathname").await,
        json!("/article.html")
    );
    assert!(!is_live(&browser).await);
    assert_eq!(
        api.requests().len(),
        asked_before,
        "nothing looked up before the wasm"
    );
    gate.open();
    wait(
        &browser,
        "the MP, looked up by the live view",
        "$w(0, '.cw-mp-name')?.textContent === 'Rachel Blake' && $w(0, '.cw-letter')",
    )
    .await;
    let lookups = api.requests()[asked_before..]
        .iter()
        .filter(|r| r.starts_with("/postcodes/"))
        .count();
    assert_eq!(lookups, 1, "one lookup: {:?}", api.requests());
    browser.close().await;
}

/// Without the wasm (scripts off, a browser too old), the prerendered form is a real form that
/// asks WriteToThem's own lookup for Westminster MPs, in a tab of its own.
pub async fn the_form_asks_writetothem_without_the_wasm(engine: Engine) {
    let o = Origins::start();
    let (gate, _site, browser) = open_article(engine, 1280, &o.api, Snippet::Html("en")).await;
    type_keys(&browser, "SW1A 1AA").await;
    let form = eval(
        &browser,
        "(() => { const f = $w(0, 'form'); return [f.action, f.method, f.target,\
           new URLSearchParams(new FormData(f)).toString()]; })()",
    )
    .await;
    assert_eq!(
        form,
        json!([
            "https://www.writetothem.com/",
            "get",
            "_blank",
            "a=westminstermp&pc=SW1A+1AA"
        ])
    );
    drop(gate);
    browser.close().await;
}

/// Screenshots (target/screenshots/) of the first view before the wasm, with *Find your MP*
/// held, and once the live view has found the MP, `width` px wide (Chromium): for people to
/// look at. The prerendered view's form is the live view's (same size, same place).
pub async fn screenshots_of_the_first_view(width: u32, name: &str) {
    let api = FixtureApi::start();
    let (gate, _site, browser) =
        open_article(Engine::Chromium, width, &api, Snippet::Html("en")).await;
    let form_at = eval(
        &browser,
        "$w(0, '#cw-postcode').getBoundingClientRect().top",
    )
    .await;
    browser.screenshot(&format!("first-view-{name}")).await;
    let enter = char::from(Key::Enter).to_string();
    type_keys(&browser, &format!("SW1A 1AA{enter}")).await;
    wait(
        &browser,
        "Finding your MP…",
        "$w(0, 'form[data-cw-pending-submit]')",
    )
    .await;
    browser.screenshot(&format!("first-view-held-{name}")).await;
    gate.open();
    wait(
        &browser,
        "the MP",
        "$w(0, '.cw-mp-name')?.textContent === 'Rachel Blake' && $w(0, '.cw-letter')",
    )
    .await;
    assert_eq!(
        eval(
            &browser,
            "$w(0, '#cw-postcode').getBoundingClientRect().top"
        )
        .await,
        form_at,
        "the live form is where the prerendered one was"
    );
    browser.screenshot(&format!("first-view-live-{name}")).await;
    browser.close().await;
}

/// A campaign of its own, prerendered with the documented command (`scripts/prerender.sh`) and
/// named with `data-prerendered`: shown before the wasm, then taken over by the live view, the
/// two the same.
pub async fn a_campaign_of_its_own_shows_its_prerendered_view(engine: Engine) {
    let root = crate::workspace_root();
    let out = std::env::temp_dir().join(format!("cw-library-{}.en.html", std::process::id()));
    let status = std::process::Command::new(root.join("scripts/prerender.sh"))
        .args([
            "--campaign",
            "tests/fixtures/campaigns/library.json",
            "--lang",
            "en",
            "--out",
        ])
        .arg(&out)
        .current_dir(&root)
        .status()
        .expect("scripts/prerender.sh");
    assert!(status.success(), "scripts/prerender.sh failed");
    let view = std::fs::read_to_string(&out).expect("the prerendered view");
    let _ = std::fs::remove_file(&out);
    let api = FixtureApi::start();
    let gate = Gate::closed();
    let widget = format!(
        r#"<script src="{}/embed.js" async data-campaign="/campaigns/library.json"
           data-prerendered="/prerendered/library.en.html"
           data-postcodes-api="{1}" data-members-api="{1}" data-api-timeout="1500"></script>"#,
        gate.cdn.url,
        api.url()
    );
    let site = partner(vec![
        ("/article.html", article(&widget), vec![]),
        ("/watch.js", WATCH.to_owned(), vec![]),
        ("/prerendered/library.en.html", view, vec![]),
    ]);
    let browser = open_site(engine, 1280, &site).await;
    wait(
        &browser,
        "the campaign's prerendered view",
        "$w(0, '[data-cw-prerendered] .cw-headline')?.textContent === 'Keep our libraries open'",
    )
    .await;
    let before = frame_text(&browser).await;
    go_live(&gate, &browser).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = frame_text(&browser).await;
    assert!(
        before == after,
        "the campaign's prerender differs from its live view:\n{}",
        first_difference(&before, &after)
    );
    browser.close().await;
}
