//! Mounting: reads a host element's attributes, loads its campaign, and renders the widget
//! inside the host's shadow root, so the host page's CSS and ours never meet.
//!
//! The loader (`embed.js`) calls [`mount_element`] for each `<campaign-widget>` when it comes
//! near the viewport, and the function that returns when the element leaves the page: that
//! unmounts the widget and frees everything it held.

use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, RequestCache, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use widget_core::campaign::Layout;
use widget_core::{Campaign, CampaignError, Lang, Texts};

use crate::components::{ConfigErrorBox, Widget, Words};
use crate::events::{emit, WidgetEvent};
use crate::http::{get, Cancel, FetchError};

/// Prefix of every console message, so a partner can tell ours from the page's.
pub const LOG_PREFIX: &str = "[campaign-widget]";

/// How long the campaign file may take to arrive.
const CAMPAIGN_TIMEOUT_MS: u32 = 10_000;

/// How one widget is set up.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetOptions {
    /// The campaign, or the sentence that says why it cannot be used.
    pub campaign: Result<Campaign, String>,
    /// URL of the widget's stylesheet, loaded inside the shadow root.
    pub stylesheet: String,
    /// The stylesheet's Subresource Integrity hash (`sha256-…`), checked by the browser when
    /// given (the release build's loader gives it; then the file is fetched with CORS).
    pub stylesheet_integrity: Option<String>,
    /// The language to speak.
    pub lang: Lang,
}

impl Default for WidgetOptions {
    /// The seed campaign, with `widget.css` next to the page.
    fn default() -> Self {
        Self {
            campaign: Ok(Campaign::default()),
            stylesheet: "widget.css".into(),
            stylesheet_integrity: None,
            lang: Lang::En,
        }
    }
}

/// An attribute as `data-NAME` (script tag, any element) or `NAME` (the custom element).
fn attribute(host: &Element, name: &str) -> Option<String> {
    host.get_attribute(&format!("data-{name}"))
        .or_else(|| host.get_attribute(name))
        .filter(|v| !v.trim().is_empty())
}

/// The language: the host's `data-lang` or `lang`, else the page's `<html lang>`, else
/// English (also for a language the widget does not speak).
fn language(host: &Element) -> Lang {
    let page = || {
        host.owner_document()
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
    };
    attribute(host, "lang")
        .or_else(page)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Applies the single-value attributes on top of a campaign, then checks it.
pub fn apply_attributes(host: &Element, mut campaign: Campaign) -> Result<Campaign, String> {
    if let Some(url) = attribute(host, "postcodes-api") {
        campaign.api.postcodes = url;
    }
    if let Some(url) = attribute(host, "members-api") {
        campaign.api.members = url;
    }
    if let Some(ms) = attribute(host, "api-timeout") {
        // Not a number: 0, which validation reports with the allowed range.
        campaign.api.timeout_ms = ms.trim().parse().unwrap_or(0);
    }
    if let Some(address) = attribute(host, "test-recipient") {
        campaign.test_recipient = Some(address);
    }
    if let Some(name) = attribute(host, "layout") {
        let name = name.trim();
        campaign.layout = Layout::from_name(name).ok_or_else(|| {
            [
                "The widget\u{2019}s \u{201c}layout\u{201d} attribute ",
                &Layout::unknown(name),
                ".",
            ]
            .concat()
        })?;
    }
    campaign.validate().map_err(|e| e.to_string())?;
    Ok(campaign)
}

impl WidgetOptions {
    /// Options from a host without a campaign URL: inline JSON in a child
    /// `<script type="application/json">` (else the seed campaign), then attributes.
    pub fn from_element(host: &Element) -> Self {
        let inline = host
            .query_selector("script[type='application/json']")
            .ok()
            .flatten()
            .and_then(|script| script.text_content());
        let base = match inline {
            Some(json) => Campaign::from_json(&json).map_err(|e| e.to_string()),
            None => Ok(Campaign::default()),
        };
        Self::with_campaign(host, base.and_then(|c| apply_attributes(host, c)))
    }

    /// Options from a host's attributes around an already known campaign.
    fn with_campaign(host: &Element, campaign: Result<Campaign, String>) -> Self {
        Self {
            campaign,
            stylesheet: attribute(host, "stylesheet").unwrap_or_else(|| "widget.css".into()),
            stylesheet_integrity: None,
            lang: language(host),
        }
    }
}

/// Fetches and reads a campaign file (`controller` cancels it); the error names the URL and
/// what went wrong.
async fn load_campaign(url: &str, controller: &Cancel) -> Result<Campaign, String> {
    let cannot = |why: &str| format!("The campaign file {url} could not be loaded: {why}.");
    let reply = match get(url, CAMPAIGN_TIMEOUT_MS, controller, RequestCache::Default).await {
        Ok(reply) => reply,
        Err(FetchError::Failed(widget_core::LookupError::Timeout)) => {
            return Err(cannot("it took too long to arrive"))
        }
        Err(_) => {
            return Err(cannot(
                "the address is unreachable, or its server does not allow other sites to read it (CORS)",
            ))
        }
    };
    if reply.status != 200 {
        return Err(cannot(&format!(
            "the server answered HTTP {}",
            reply.status
        )));
    }
    Campaign::from_json(&reply.body).map_err(|e: CampaignError| e.to_string())
}

/// Gives the widget its Welsh words and the seed campaign's Welsh text: the text of `cy.json`,
/// which the loader fetches for Welsh widgets only and hands over before they mount.
#[wasm_bindgen(js_name = installWelsh)]
pub fn install_welsh(text: &str) {
    let installed = widget_core::text::install_welsh(text);
    if !installed && widget_core::text::welsh_data().get("strings").is_none() {
        web_sys::console::error_1(
            &format!("{LOG_PREFIX} cy.json is not JSON: Welsh widgets use English words").into(),
        );
    }
}

/// What [`mount_element`] started for one element.
enum Slot {
    /// Its campaign file is on the way.
    Loading(Cancel),
    /// (Held to be dropped.)
    Shown { _widget: Mounted },
    /// The element has left the page.
    Ended,
}

/// Mounts a widget into `host`: its campaign comes from the `campaign` attribute (a URL), inline
/// JSON, or the built-in default; `stylesheet` is the URL of `widget.css` and `integrity` its
/// Subresource Integrity hash, if the loader knows it (release builds). Called by the loader,
/// which calls the function returned when the element leaves the page: that cancels the
/// campaign's loading, or unmounts the widget.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    host: HtmlElement,
    stylesheet: Option<String>,
    integrity: Option<String>,
) -> JsValue {
    let with_stylesheet = move |mut options: WidgetOptions| {
        if let Some(stylesheet) = stylesheet {
            options.stylesheet = stylesheet;
        }
        options.stylesheet_integrity = integrity.filter(|i| !i.is_empty());
        options
    };
    let slot = Rc::new(RefCell::new(Slot::Ended));
    match attribute(&host, "campaign") {
        None => {
            let shown = mount(&host, with_stylesheet(WidgetOptions::from_element(&host)));
            slot.replace(Slot::Shown { _widget: shown });
        }
        Some(url) => {
            let controller = Cancel::default();
            slot.replace(Slot::Loading(controller.clone()));
            let slot = Rc::clone(&slot);
            // wasm-bindgen's spawner, not Leptos's: Leptos sets its own up in the first mount.
            wasm_bindgen_futures::spawn_local(async move {
                let campaign = load_campaign(&url, &controller)
                    .await
                    .and_then(|c| apply_attributes(&host, c));
                if matches!(*slot.borrow(), Slot::Ended) {
                    return;
                }
                let shown = mount(
                    &host,
                    with_stylesheet(WidgetOptions::with_campaign(&host, campaign)),
                );
                // (Ended by now, the widget is unmounted at once: `shown` is dropped.)
                if !matches!(*slot.borrow(), Slot::Ended) {
                    slot.replace(Slot::Shown { _widget: shown });
                }
            });
        }
    }
    Closure::once_into_js(move || {
        // The widget, if any, is dropped after the borrow ends: unmounting runs outside it.
        let ended = slot.replace(Slot::Ended);
        if let Slot::Loading(controller) = &ended {
            controller.cancel();
        }
    })
}

/// A widget on the page. Dropping it unmounts the widget and frees all it held: its reactive
/// graph (signals, effects, its texts) and any lookup's request in flight.
#[must_use = "dropping a `Mounted` unmounts its widget at once"]
pub struct Mounted {
    /// Leptos's handle (unmounts when dropped); none where mounting failed.
    _view: Option<Box<dyn Any>>,
}

impl Mounted {
    /// Keeps the widget for the life of the page.
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

/// The host's shadow root, emptied (the loader may have put a placeholder in it), or a new one.
fn fresh_shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    if let Some(root) = host.shadow_root() {
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        return Some(root);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .ok()
}

/// The prerendered first view that the loader (or the page itself, with Declarative Shadow DOM)
/// put in `host`'s shadow root, if any: `<div data-cw-prerendered>`, after the stylesheet link.
fn prerendered(host: &HtmlElement) -> Option<HtmlElement> {
    host.shadow_root()?
        .query_selector("[data-cw-prerendered]")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Renders one widget into `host`'s shadow root, until the returned [`Mounted`] is dropped.
/// A campaign that cannot be used shows its reason in the box and in the console, never a
/// blank space. Where the shadow root holds the prerendered first view, the live view is built
/// off the page and takes its place in one step, with what the supporter did meanwhile.
pub fn mount(host: &HtmlElement, options: WidgetOptions) -> Mounted {
    let prerender = prerendered(host);
    let root = match &prerender {
        Some(_) => host.shadow_root(),
        None => fresh_shadow_root(host),
    };
    let Some(root) = root else {
        log_error("this element cannot hold a widget (attachShadow failed)");
        return Mounted { _view: None };
    };
    let Some(container) = host
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return Mounted { _view: None };
    };
    if prerender.is_none() && root.append_child(&container).is_err() {
        return Mounted { _view: None };
    }
    let WidgetOptions {
        campaign,
        stylesheet,
        stylesheet_integrity,
        lang,
    } = options;
    // With a prerender, its stylesheet link stays (loaded already): the live view adds none.
    let stylesheet = prerender.is_none().then(|| Stylesheet {
        href: stylesheet,
        integrity: stylesheet_integrity.unwrap_or_default(),
    });
    let campaign = campaign.and_then(|c| {
        let texts = c.texts(lang);
        c.localized(lang)
            .map(|c| (c, texts))
            .map_err(|e| e.to_string())
    });
    let failed = campaign.is_err();
    if let Err(reason) = &campaign {
        log_error(reason);
    }
    let widget = leptos::mount::mount_to(container.clone(), move || {
        root_view(campaign, stylesheet, lang)
    });
    if let Some(prerender) = prerender {
        take_over(&prerender, &container);
    }
    emit(
        host,
        if failed {
            WidgetEvent::Error { kind: "config" }
        } else {
            WidgetEvent::Ready
        },
    );
    Mounted {
        _view: Some(Box::new(widget)),
    }
}

/// The widget's stylesheet link: its URL, and its Subresource Integrity hash (empty: none).
pub struct Stylesheet {
    pub href: String,
    pub integrity: String,
}

/// The widget's whole view in its shadow root: the stylesheet link (none where the shadow root
/// has one already: a prerender's, or in the prerender itself) and the frame. The one view of
/// both the live widget and the prerender (`src/bin/prerender.rs`).
pub fn root_view(
    campaign: Result<(Campaign, Texts), String>,
    stylesheet: Option<Stylesheet>,
    lang: Lang,
) -> impl IntoView {
    // Hidden until our stylesheet has loaded (or failed), so nobody sees it unstyled.
    let (styled, set_styled) = signal(stylesheet.is_none());
    view! {
        // Checked by the browser when there is a hash (an empty one checks nothing), which
        // needs the file fetched with CORS (README, "Hosting").
        {stylesheet.map(|Stylesheet { href, integrity }| view! {
            <link
                rel="stylesheet"
                href=href
                integrity=integrity
                crossorigin="anonymous"
                on:load=move |_| set_styled.set(true)
                on:error=move |_| set_styled.set(true)
            />
        })}
        <div class="cw-frame" hidden=move || !styled.get()>
            {match campaign {
                Ok((campaign, texts)) => {
                    view! { <Widget campaign texts=Words::new(texts) /> }.into_any()
                }
                Err(reason) => {
                    let texts = Words::new(Texts::new(lang));
                    view! { <ConfigErrorBox reason texts /> }.into_any()
                }
            }}
        </div>
    }
}

/// Puts the live view (`live`, built off the page) in the place of the prerender (`old`) and
/// carries over what the supporter did meanwhile: the postcode typed (through an `input`
/// event, so the widget's state has it), the caret or selection, the focus, and a submit the
/// loader held back (it marks the prerender's form `data-cw-pending-submit`).
fn take_over(old: &HtmlElement, live: &HtmlElement) {
    let field = |root: &HtmlElement| {
        root.query_selector("#cw-postcode")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    };
    let before = field(old);
    let value = before.as_ref().map(|f| f.value()).unwrap_or_default();
    // (`:focus`, not the shadow root's activeElement: WebKit gives none while its window is not
    // the focused one.)
    let focused = before
        .as_ref()
        .is_some_and(|f| f.matches(":focus").unwrap_or(false));
    let selection = before
        .as_ref()
        .and_then(|f| Some((f.selection_start().ok()??, f.selection_end().ok()??)));
    let pending = old
        .query_selector("form[data-cw-pending-submit]")
        .ok()
        .flatten()
        .is_some();
    if old.replace_with_with_node_1(live).is_err() {
        return;
    }
    let Some(after) = field(live) else { return };
    if !value.is_empty() {
        after.set_value(&value);
        if let Ok(event) = Event::new("input") {
            let _ = after.dispatch_event(&event);
        }
    }
    if focused {
        let _ = after.focus();
        // After the live view has rendered the value it now holds (which puts the caret at
        // the end), before the next paint.
        if let Some((start, end)) = selection {
            let field = after.clone();
            request_animation_frame(move || {
                let _ = field.set_selection_range(start, end);
            });
        }
    }
    if pending {
        if let Some(form) = after.form() {
            let _ = form.request_submit();
        }
    }
}

fn log_error(message: &str) {
    web_sys::console::error_2(&LOG_PREFIX.into(), &message.into());
}
