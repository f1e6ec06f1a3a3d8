//! One widget on a partner page (served with `dist/`), pointed at a [`FixtureApi`], and the
//! helpers the action tests drive it with: typing with real key presses, clicking, looking up
//! postcodes, reading the mailto link.

use crate::{host_page_for, site_with_host_page, Browser, Engine, FixtureApi, Server};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

/// How long to wait for something the widget will do. Generous: WebKit under Xvfb on a busy
/// 2-core machine once took over 15 s for a whole lookup (CI runs many things at once).
const WAIT: Duration = Duration::from_secs(30);

/// The widget's page, its fixture API and the browser showing it.
pub struct WidgetPage {
    pub api: FixtureApi,
    pub site: Server,
    pub browser: Browser,
}

/// The widget on a partner page in Chromium, pointed at the fixture API with a short timeout.
pub async fn open(extra_attributes: &str, width: u32, height: u32) -> WidgetPage {
    open_with(FixtureApi::start(), extra_attributes, width, height).await
}

/// [`open`] with a given fixture API (e.g. one that injects a fault).
pub async fn open_with(
    api: FixtureApi,
    extra_attributes: &str,
    width: u32,
    height: u32,
) -> WidgetPage {
    open_in(Engine::Chromium, api, extra_attributes, width, height).await
}

/// [`open_with`] in a given engine.
pub async fn open_in(
    engine: Engine,
    api: FixtureApi,
    extra_attributes: &str,
    width: u32,
    height: u32,
) -> WidgetPage {
    let page = host_page_for(engine, &api_attributes(&api, extra_attributes), None);
    let page = open_page(engine, api, page, width, height).await;
    page.wait_for(
        "the postcode field",
        "!!$('#cw-postcode') && !$('.cw-frame').hidden",
    )
    .await;
    page
}

/// The `data-` attributes pointing a widget at `api` with a short timeout, then `extra`.
pub fn api_attributes(api: &FixtureApi, extra: &str) -> String {
    format!(
        r#"data-postcodes-api="{0}" data-members-api="{0}" data-api-timeout="1500" {extra}"#,
        api.url()
    )
}

/// Serves `host_page` at `/host.html` with `dist/` and opens it in `engine`; does not wait.
pub async fn open_page(
    engine: Engine,
    api: FixtureApi,
    host_page: String,
    width: u32,
    height: u32,
) -> WidgetPage {
    let site = site_with_host_page(host_page);
    let browser = Browser::start_engine(engine, width, height).await;
    browser
        .client
        .goto(&format!("{}/host.html", site.url))
        .await
        .expect("open the host page");
    WidgetPage { api, site, browser }
}

impl WidgetPage {
    /// Runs `expression` with `$` = querySelector inside the widget's shadow root.
    pub async fn eval(&self, expression: &str) -> Value {
        self.browser
            .js(&format!(
                "const root = document.querySelector('campaign-widget').shadowRoot;\
                 const $ = s => root.querySelector(s); const $$ = s => Array.from(root.querySelectorAll(s));\
                 return ({expression});"
            ))
            .await
    }

    pub async fn text(&self, selector: &str) -> String {
        self.eval(&format!("$({selector:?})?.textContent.trim() ?? ''"))
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn wait_for(&self, what: &str, expression: &str) {
        self.browser
            .wait_until_or_dump(
                what,
                &format!(
                    "const root = document.querySelector('campaign-widget')?.shadowRoot; if (!root) return false;\
                     const $ = s => root.querySelector(s); const $$ = s => Array.from(root.querySelectorAll(s));\
                     return !!({expression});"
                ),
                WAIT,
                // The widget's visible text and the field: what the supporter saw instead.
                "const root = document.querySelector('campaign-widget')?.shadowRoot;\
                 const field = root?.querySelector('#cw-postcode');\
                 return { text: root?.querySelector('.cw-frame')?.innerText ?? null,\
                          field: field?.value ?? null, busy: root?.querySelector('[aria-busy]')?.outerHTML.slice(0, 200) ?? null,\
                          focus: root?.activeElement?.outerHTML.slice(0, 120) ?? document.activeElement?.tagName ?? null };",
            )
            .await;
    }

    /// The element `selector` of the live view: real key presses and clicks go to an element
    /// by reference, and the live view replaces the prerendered one (and its elements) when
    /// the wasm arrives. (Typing into the prerendered view: tests/src/first_paint.rs.)
    pub async fn field(&self, selector: &str) -> fantoccini::elements::Element {
        self.wait_for("the live view", "!$('[data-cw-prerendered]')")
            .await;
        let host = self
            .browser
            .client
            .find(Locator::Css("campaign-widget"))
            .await
            .expect("the widget host");
        host.shadow_root()
            .await
            .expect("an open shadow root")
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    /// Types into a field with real key presses. A new line is typed as the Enter key, as a
    /// person types it (WebKit's driver drops a "\n").
    pub async fn type_into(&self, selector: &str, text: &str) {
        let field = self.field(selector).await;
        field.clear().await.expect("clear");
        let enter = char::from(Key::Enter).to_string();
        field
            .send_keys(&text.replace('\n', &enter))
            .await
            .expect("type");
    }

    /// Clicks the element, finding it afresh if a re-render replaced it in between.
    pub async fn click(&self, selector: &str) {
        let mut last = None;
        for _ in 0..3 {
            match self.field(selector).await.click().await {
                Ok(()) => return,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("click {selector}: {last:?}");
    }

    /// Types a postcode and submits it with Enter in the same breath: a separate click can
    /// come after the typing pause on a loaded machine, and then the look-up-while-typing has
    /// already asked (and a fault that answers only once is gone before the test sees it).
    pub async fn look_up(&self, postcode: &str) {
        self.type_into("#cw-postcode", &format!("{postcode}\n"))
            .await;
    }

    /// Types a postcode and clicks Find your MP.
    pub async fn look_up_by_button(&self, postcode: &str) {
        self.type_into("#cw-postcode", postcode).await;
        self.click(".cw-postcode-form button[type=submit]").await;
    }

    /// Looks up `postcode` and waits for the MP `name` and what follows the card: the letter
    /// step, or the problem that keeps it away (its contact details or code did not arrive).
    pub async fn find_mp(&self, postcode: &str, name: &str) {
        self.look_up(postcode).await;
        self.wait_for(
            &format!("{name} for {postcode}"),
            &format!(
                "$('.cw-mp-name')?.textContent === {name:?} && ($('.cw-letter') || $('.cw-problem'))"
            ),
        )
        .await;
    }

    /// Presses keys on the real keyboard (to whatever has focus).
    pub async fn press(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &key in keys {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.browser
            .client
            .perform_actions(actions)
            .await
            .expect("key presses");
    }

    pub async fn focused_id(&self) -> String {
        self.eval("root.activeElement?.id ?? ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn no_console_errors(&self) {
        let errors = self.browser.console_errors().await;
        assert!(
            errors.is_empty(),
            "console errors in {}: {errors:#?}",
            self.browser.engine.name()
        );
    }

    /// Asserts that the letter's email app link goes to `address`.
    pub async fn assert_mailto_to(&self, address: &str) {
        let href = self.eval("$('.cw-mailto')?.getAttribute('href')").await;
        let href = href.as_str().unwrap_or_default();
        assert!(href.starts_with(&format!("mailto:{address}?")), "{href}");
    }

    /// Asserts that the partner's origin holds nothing: sessionStorage, localStorage, cookies,
    /// IndexedDB and Cache Storage are all empty.
    pub async fn assert_nothing_stored(&self) {
        let stored = self
            .browser
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const dbs = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [];
                   const caches_ = self.caches ? await caches.keys() : [];
                   return {
                     session: Object.keys(sessionStorage),
                     local: Object.keys(localStorage),
                     cookies: document.cookie,
                     indexedDb: dbs,
                     cacheStorage: caches_,
                   };
                 })().then(done, e => done({ error: String(e) }));",
                vec![],
            )
            .await
            .expect("read the partner origin's storage");
        assert_eq!(
            stored,
            serde_json::json!({
                "session": [], "local": [], "cookies": "", "indexedDb": [], "cacheStorage": []
            })
        );
    }

    /// Presses the email app link (staying on the page), answers that the email went, and
    /// waits for the thanks.
    pub async fn send_and_confirm(&self) {
        self.eval("$('.cw-mailto').addEventListener('click', e => e.preventDefault()) || true")
            .await;
        self.click(".cw-mailto").await;
        self.wait_for("the did-you-send question", "$('.cw-yes-sent')")
            .await;
        self.click(".cw-yes-sent").await;
        self.wait_for("the thank-you", "$('.cw-thanks')").await;
    }
}

/// Splits a mailto or https URL into its decoded query fields.
pub fn query_fields(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| {
            (
                k.to_owned(),
                widget_core::percent::decode(v).expect("valid percent-encoding"),
            )
        })
        .collect()
}

/// The value of the field `name`; panics if there is none.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {fields:?}"))
}

/// Fills in the supporter's name, address (two lines) and personal story.
pub async fn fill_in_details(page: &WidgetPage) {
    page.type_into("#cw-name", "Siân Nguyễn").await;
    page.type_into("#cw-address", "12 High Street\nLondon")
        .await;
    page.type_into(
        "#cw-personal",
        "My mum lives with secondary breast cancer & needs a nurse.",
    )
    .await;
}
