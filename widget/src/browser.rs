//! Small browser services for the components: timers, clipboard, sharing, focus.

use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves after `duration`.
pub async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(duration.as_millis()).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Copies `text` to the clipboard; `false` when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Whether the Web Share API is there.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet; a cancelled share is not an error worth showing.
pub async fn share(text: &str, url: &str) {
    if let Some(window) = web_sys::window() {
        let data = web_sys::ShareData::new();
        data.set_text(text);
        data.set_url(url);
        let _ = JsFuture::from(window.navigator().share_with_data(&data)).await;
    }
}

/// The host page's address, for sharing.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Moves keyboard focus to `element` (after Leptos has put it in the page).
pub fn focus(element: Option<web_sys::HtmlElement>) {
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The element behind a Leptos node ref, as an `HtmlElement`.
pub fn html_element<T: JsCast>(element: T) -> Option<web_sys::HtmlElement> {
    element.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Opens the connections to the origins of `bases` (the lookup services' base URLs) before
/// their first request: `<link rel="preconnect">` elements in the shadow root that holds
/// `inside`, so they go with the widget and the host page is never touched. (Every engine
/// tested opens the connection from a shadow root: tests/tests/routes.rs.)
pub fn preconnect(inside: &web_sys::Element, bases: [&str; 2]) {
    let root = inside.get_root_node();
    let (Some(root), Some(document)) = (
        root.dyn_ref::<web_sys::ShadowRoot>(),
        inside.owner_document(),
    ) else {
        return;
    };
    let mut last = None;
    for origin in bases.into_iter().filter_map(widget_core::lookup::origin) {
        if last.replace(origin) == Some(origin) {
            continue;
        }
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "preconnect");
            let _ = link.set_attribute("href", origin);
            // Lookups are CORS requests without credentials: the same kind of connection.
            let _ = link.set_attribute("crossorigin", "");
            let _ = root.append_child(&link);
        }
    }
}
