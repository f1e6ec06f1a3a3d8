//! The wasm bundle's entry point mounts nothing by itself: the loader (`embed.js`) calls
//! `mountElement` for each widget when it comes near the viewport, so a widget far down a page
//! costs nothing until it is needed.
fn main() {
    campaign_widget::start();
}
