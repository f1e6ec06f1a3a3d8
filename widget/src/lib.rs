//! The campaign widget in the browser: the edge that mounts it (shadow root, data- attributes)
//! and the Leptos components that show a [`widget_core::Campaign`].
//!
//! Logic lives in `widget-core`; this crate only wires it to the page.

pub mod browser;
pub mod components;
pub mod http;
pub mod lookup;
pub mod mount;

pub use mount::{mount, mount_all, WidgetOptions};
