//! Leptos components: they lay out what the core provides and hold little logic of their own.

mod campaign;

pub use campaign::{ConfigErrorBox, Widget};
