//! End-to-end harness: serves the release `dist/` (and later fixture APIs and host pages) on
//! 127.0.0.1 and drives real headless Chromium through chromedriver.
//!
//! Each test makes its own [`Server`]s and [`Browser`]; both clean up when dropped, even when
//! the test fails (the browser's whole process group is killed).

pub mod browser;
pub mod server;

pub use browser::Browser;
pub use server::Server;

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits inside the workspace")
        .to_path_buf()
}

/// The built bundle. Fails with a clear message when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dist = workspace_root().join("dist");
    assert!(
        dist.join("campaign-widget_bg.wasm").is_file(),
        "{} has no release build: run scripts/test.sh (or trunk build --release) first",
        dist.display()
    );
    dist
}

/// Where tests save screenshots for people to look at.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}
