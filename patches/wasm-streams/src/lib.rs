//! Stand-in for `wasm-streams` 0.5 (see the `[patch.crates-io]` note in the workspace's
//! Cargo.toml).
//!
//! Leptos depends on `server_fn` with its `browser` feature, which depends on `wasm-streams`
//! for streaming server-function requests and responses. The real crate exports three
//! `#[wasm_bindgen]` classes (the JS side of its stream adapters). Exported items are kept
//! whether or not anything calls them, so they shipped in every widget's wasm and JS glue,
//! although the widget has no server and calls no server function.
//!
//! This crate keeps the two conversions `server_fn` names so that it compiles, and refuses to
//! run them: they can only be reached through a streaming server function.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::JsValue;

/// The raw web types, as in the real crate.
pub mod readable {
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

const UNSUPPORTED: &str = "wasm-streams stand-in: streaming server functions are not supported \
                           in this build (see the workspace's Cargo.toml)";

/// A web `ReadableStream`, as `server_fn` uses it.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a web `ReadableStream`.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// The web `ReadableStream` inside.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Not supported: would turn a Rust stream into a web one (a streaming request body).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("{UNSUPPORTED}")
    }

    /// Not supported: would turn the web stream into a Rust one (a streaming response body).
    pub fn into_stream(self) -> IntoStream {
        panic!("{UNSUPPORTED}")
    }
}

/// The type [`ReadableStream::into_stream`] would return; never made.
#[derive(Debug)]
pub struct IntoStream {
    _never: std::convert::Infallible,
}

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self._never {}
    }
}
