// The native prerender (feature ssr): Leptos's async `resolve` of type-erased views nests
// deeper than the compiler's default limit (128).
#![cfg_attr(feature = "ssr", recursion_limit = "256")]
//! The campaign widget in the browser: the edge that mounts it (shadow root, data- attributes)
//! and the Leptos components that show a [`widget_core::Campaign`].
//!
//! Logic lives in `widget-core`; this crate only wires it to the page.

pub mod browser;
pub mod components;
pub mod events;
pub mod http;
pub mod lookup;
pub mod mount;

pub use mount::{mount, mount_element, Mounted, WidgetOptions};

/// Runs once when the bundle starts. Nothing is mounted here (see [`mount_element`]); a
/// panic, should one ever happen, is reported with our prefix (without its message: formatting
/// it would cost every visitor kilobytes).
pub fn start() {
    std::panic::set_hook(Box::new(|_info| {
        #[cfg(debug_assertions)]
        let message = _info.to_string();
        #[cfg(not(debug_assertions))]
        let message = "internal error; please report it to the campaign";
        web_sys::console::error_2(&mount::LOG_PREFIX.into(), &message.into());
    }));
}
