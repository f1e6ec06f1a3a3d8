//! The campaign widget in the browser: the edge that mounts it (shadow root, data- attributes)
//! and the Leptos components that show a [`widget_core::Campaign`].
//!
//! Logic lives in `widget-core`; this crate only wires it to the page.

pub mod components;
pub mod mount;

pub use mount::{mount, mount_all, WidgetOptions};
