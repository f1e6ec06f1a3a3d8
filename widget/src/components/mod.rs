//! Leptos components: they lay out what the core provides and hold little logic of their own.

mod action;
mod campaign;
mod field;
mod letter;
mod mp;

pub use campaign::{ConfigErrorBox, Widget};
