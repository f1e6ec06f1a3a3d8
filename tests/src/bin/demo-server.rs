//! Serves the demo page for README command 1: `dist/` at `/` and the fixture API at
//! `/fixture-api/`, so the campaign team can try everything without the network.
//! With `--fixture-api`, the fixture API alone, for `trunk serve` (Trunk.toml,
//! scripts/dev-fixture-api.sh).
//!
//! Usage: `demo-server [--fixture-api] [PORT]` (default 8080). Stops with Ctrl-C.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let api_only = args.iter().any(|a| a == "--fixture-api");
    let port: u16 = args.iter().find_map(|p| p.parse().ok()).unwrap_or(8080);
    // Serves until the process ends.
    let _server = if api_only {
        let server = e2e::fixture_api_site(port, None);
        println!("[serve] fixture API: {}/fixture-api", server.url);
        server
    } else {
        let server = e2e::demo_site(port);
        println!("[serve] demo page: {}/", server.url);
        println!(
            "[serve] fixture API: {}/fixture-api (try SW1A 1AA, IV2 3PT, CF10 1EP, BT1 5GS)",
            server.url
        );
        server
    };
    loop {
        std::thread::park();
    }
}
