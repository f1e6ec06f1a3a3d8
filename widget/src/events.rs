//! Events to the host page: DOM CustomEvents that bubble out of the shadow root (composed), so
//! a partner can listen on the widget element or the document. Their details never carry the
//! postcode or anything the supporter typed.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// What happened, for the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent<'a> {
    /// The widget is showing its campaign.
    Ready,
    /// An MP was found.
    MpFound { constituency: &'a str, mp: &'a str },
    /// A way of sending was used: `mailto`, `gmail`, `outlook`, `yahoo` or `copy`.
    EmailOpened { channel: &'a str },
    /// The supporter said they sent it.
    Sent,
    /// Something went wrong; `kind` is a short stable name.
    Error { kind: &'a str },
}

impl WidgetEvent<'_> {
    fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready => "campaign-widget:ready",
            WidgetEvent::MpFound { .. } => "campaign-widget:mp-found",
            WidgetEvent::EmailOpened { .. } => "campaign-widget:email-opened",
            WidgetEvent::Sent => "campaign-widget:sent",
            WidgetEvent::Error { .. } => "campaign-widget:error",
        }
    }

    fn detail(&self) -> Vec<(&'static str, &str)> {
        match self {
            WidgetEvent::Ready | WidgetEvent::Sent => Vec::new(),
            WidgetEvent::MpFound { constituency, mp } => {
                vec![("constituency", constituency), ("mp", mp)]
            }
            WidgetEvent::EmailOpened { channel } => vec![("channel", channel)],
            WidgetEvent::Error { kind } => vec![("kind", kind)],
        }
    }
}

/// Dispatches `event` from `target` (any node of the widget, or its host).
pub fn emit(target: &EventTarget, event: WidgetEvent<'_>) {
    let detail = js_sys::Object::new();
    for (key, value) in event.detail() {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = target.dispatch_event(&custom);
    }
}
