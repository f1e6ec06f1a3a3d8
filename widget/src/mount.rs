//! Mounting: finds placeholders, reads their `data-` attributes, and renders the widget inside a
//! shadow root so the host page's CSS and ours never meet.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};
use widget_core::Campaign;

use crate::components::{ConfigErrorBox, Widget};

/// Prefix of every console message, so a partner can tell ours from the page's.
pub const LOG_PREFIX: &str = "[campaign-widget]";

/// CSS selector of the placeholders [`mount_all`] fills.
pub const PLACEHOLDER_SELECTOR: &str = "campaign-widget, [data-campaign-widget]";

/// How one widget is set up, read from its placeholder's attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetOptions {
    /// The campaign, or why it cannot be used.
    pub campaign: Result<Campaign, String>,
    /// URL of the widget's stylesheet, loaded inside the shadow root; default `widget.css`
    /// (relative to the page).
    pub stylesheet: String,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        Self {
            campaign: Ok(Campaign::default()),
            stylesheet: "widget.css".into(),
        }
    }
}

impl WidgetOptions {
    /// Reads the options from a placeholder: inline campaign JSON in a child
    /// `<script type="application/json">`, then `data-` attributes that override single values.
    pub fn from_element(host: &Element) -> Self {
        let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
        let inline = host
            .query_selector("script[type='application/json']")
            .ok()
            .flatten()
            .and_then(|script| script.text_content());
        let campaign = match inline {
            Some(json) => Campaign::from_json(&json),
            None => Ok(Campaign::default()),
        }
        .and_then(|mut campaign| {
            if let Some(url) = attr("data-postcodes-api") {
                campaign.api.postcodes = url;
            }
            if let Some(url) = attr("data-members-api") {
                campaign.api.members = url;
            }
            if let Some(ms) = attr("data-api-timeout") {
                // Not a number: 0, which validation reports with the allowed range.
                campaign.api.timeout_ms = ms.trim().parse().unwrap_or(0);
            }
            if let Some(address) = attr("data-test-recipient") {
                campaign.test_recipient = Some(address);
            }
            campaign.validate().map(|()| campaign)
        })
        .map_err(|e| e.to_string());
        Self {
            campaign,
            stylesheet: attr("data-stylesheet").unwrap_or_else(|| "widget.css".into()),
        }
    }
}

/// Mounts a widget into every placeholder on the page that has none yet.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(PLACEHOLDER_SELECTOR) else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            if host.shadow_root().is_none() {
                let options = WidgetOptions::from_element(&host);
                mount(&host, options);
            }
        }
    }
}

/// Renders one widget into a new shadow root of `host`. A campaign that cannot be used shows
/// its reason in the box and in the console, never a blank space.
pub fn mount(host: &HtmlElement, options: WidgetOptions) {
    let Some(document) = host.owner_document() else {
        return;
    };
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = match host.attach_shadow(&init) {
        Ok(root) => root,
        Err(_) => {
            log_error("this element cannot hold a widget (attachShadow failed)");
            return;
        }
    };
    let Some(container) = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    if root.append_child(&container).is_err() {
        return;
    }
    let WidgetOptions {
        campaign,
        stylesheet,
    } = options;
    if let Err(reason) = &campaign {
        log_error(reason);
    }
    leptos::mount::mount_to(container, move || {
        // Hidden until our stylesheet has loaded (or failed), so nobody sees it unstyled.
        let (styled, set_styled) = signal(false);
        view! {
            <link
                rel="stylesheet"
                href=stylesheet
                on:load=move |_| set_styled.set(true)
                on:error=move |_| set_styled.set(true)
            />
            <div class="cw-frame" hidden=move || !styled.get()>
                {match campaign {
                    Ok(campaign) => view! { <Widget campaign /> }.into_any(),
                    Err(reason) => view! { <ConfigErrorBox reason /> }.into_any(),
                }}
            </div>
        }
    })
    .forget();
}

fn log_error(message: &str) {
    web_sys::console::error_2(&LOG_PREFIX.into(), &message.into());
}
