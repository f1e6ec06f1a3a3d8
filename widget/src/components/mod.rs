//! Leptos components: they lay out what the core provides and hold little logic of their own.

mod action;
mod campaign;
mod field;
mod found;
mod letter;
mod mp;
mod words;

pub use campaign::{ConfigErrorBox, Widget};
pub use words::Words;
