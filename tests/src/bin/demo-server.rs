//! Serves the demo page for README command 1: `dist/` at `/` and the fixture API at
//! `/fixture-api/`, so the campaign team can try everything without the network.
//!
//! Usage: `demo-server [PORT]` (default 8080). Stops with Ctrl-C.

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let server = e2e::demo_site(port);
    println!("[serve] demo page: {}/", server.url);
    println!(
        "[serve] fixture API: {}/fixture-api (try SW1A 1AA, IV2 3PT, CF10 1EP, BT1 5GS)",
        server.url
    );
    loop {
        std::thread::park();
    }
}
