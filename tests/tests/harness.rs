//! Checks of the harness itself: its checks can fail.

use e2e::{server::Reply, Browser, Engine, Server};

/// A server answering every request with `html`.
fn serving(html: &'static str) -> Server {
    Server::start(
        None,
        Vec::new(),
        Some(Box::new(move |_: &str| {
            Some(Reply {
                status: 200,
                content_type: "text/html",
                body: html.as_bytes().to_vec(),
                headers: Vec::new(),
            })
        })),
    )
}

#[tokio::test(flavor = "current_thread")]
async fn axe_reports_a_real_violation() {
    let site = serving(
        "<!doctype html><html lang=en><title>t</title><main><button></button></main></html>",
    );
    let browser = Browser::start(800, 600).await;
    browser.client.goto(&site.url).await.expect("open");
    let violations = browser.axe_violations("main").await;
    assert!(
        violations.iter().any(|v| v.starts_with("button-name")),
        "{violations:#?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn console_errors_are_caught() {
    let site = serving("<!doctype html><title>t</title><script>throw new Error('boom')</script>");
    let browser = Browser::start(800, 600).await;
    browser.client.goto(&site.url).await.expect("open");
    let errors = browser.console_errors().await;
    assert!(errors.iter().any(|e| e.contains("boom")), "{errors:#?}");
    browser.close().await;
}

/// A page that loads the console hook, then logs an error and throws.
const FAILING_PAGE: &str =
    "<!doctype html><title>t</title><script src=\"/e2e-console-hook.js\"></script>\
    <script>console.error('custom-error'); console.log('only-info');</script>\
    <script>throw new Error('boom')</script><img src=\"/missing.png\" alt=\"\">";

#[tokio::test(flavor = "current_thread")]
async fn console_errors_are_caught_in_firefox_and_webkit() {
    let site = serving(FAILING_PAGE);
    for engine in [Engine::Firefox, Engine::WebKit] {
        let browser = Browser::start_engine(engine, 800, 600).await;
        browser.client.goto(&site.url).await.expect("open");
        let errors = browser.console_errors().await;
        for expected in ["custom-error", "boom"] {
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{engine:?}: {errors:#?}"
            );
        }
        assert!(
            !errors.iter().any(|e| e.contains("only-info")),
            "{engine:?}: {errors:#?}"
        );
        assert!(browser.console_errors().await.is_empty(), "read twice");
        browser.close().await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_page_without_the_console_hook_is_reported_in_webkit() {
    let site = serving("<!doctype html><title>t</title><p>no hook");
    let browser = Browser::start_engine(Engine::WebKit, 800, 600).await;
    browser.client.goto(&site.url).await.expect("open");
    let errors = browser.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("no console hook")),
        "{errors:#?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn chromium_firefox_and_webkit_get_their_window_size_and_leave_no_process_behind() {
    let site = serving("<!doctype html><title>t</title><p>hello");
    for engine in [Engine::Chromium, Engine::Firefox, Engine::WebKit] {
        let browser = Browser::start_engine(engine, 1280, 900).await;
        browser.client.goto(&site.url).await.expect("open");
        let width = browser.js("return window.innerWidth;").await;
        assert_eq!(width, 1280, "{engine:?}");
        let groups = browser.process_groups();
        assert!(!living_processes_in(&groups).is_empty(), "{engine:?}");
        drop(browser);
        // SIGKILL is sent to the whole group at once; dying takes a moment.
        let start = std::time::Instant::now();
        let mut left = living_processes_in(&groups);
        while !left.is_empty() && start.elapsed() < std::time::Duration::from_secs(5) {
            std::thread::sleep(std::time::Duration::from_millis(50));
            left = living_processes_in(&groups);
        }
        assert!(left.is_empty(), "{engine:?} left {left:#?}");
    }
}

/// `pid state command` of every process (not zombie) in one of the process `groups`.
fn living_processes_in(groups: &[u32]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp …; comm may hold spaces, so split after its ')'.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let (Some(state), Some(group)) = (fields.first(), fields.get(2)) else {
            continue;
        };
        if *state != "Z" && groups.iter().any(|g| g.to_string() == *group) {
            found.push(format!("{head}) {state}"));
        }
    }
    found
}
