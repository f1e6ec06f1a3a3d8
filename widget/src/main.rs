//! Entry point of the wasm bundle: mount a widget into every placeholder on the page.
fn main() {
    campaign_widget::mount_all();
}
