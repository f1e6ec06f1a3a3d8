//! Leptos components: they lay out what the core provides and hold little logic of their own.

mod action;
mod campaign;
mod field;
mod found;
mod letter;
mod mp;
mod words;

pub use campaign::{ConfigErrorBox, Widget};

/// A split point's code could not be fetched (only in the release build, where the lookup and
/// the letter step are wasm modules of their own: `found.rs`, `letter.rs`). Not remembered: the
/// next call fetches again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChunkUnavailable;

#[cfg(widget_split)]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkUnavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}
pub use words::Words;
