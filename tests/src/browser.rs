//! Real headless Chromium driven through chromedriver, started in its own process group so
//! that everything it spawns is killed when the [`Browser`] is dropped, pass or fail.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// One browser session; its processes die with it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile and the given
    /// window size.
    pub async fn start(width: u32, height: u32) -> Browser {
        // Starting Chromium can fail on a loaded machine (or a port taken in between): retry.
        let mut last_error = String::new();
        for _ in 0..3 {
            match Self::try_start(width, height).await {
                Ok(browser) => return browser,
                Err(error) => last_error = error,
            }
        }
        panic!("no chromedriver session after 3 tries: {last_error}");
    }

    async fn try_start(width: u32, height: u32) -> Result<Browser, String> {
        let port = free_port();
        let mut command = Command::new(CHROMEDRIVER);
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!("start {CHROMEDRIVER} (scripts/setup.sh --browser installs it): {e}")
        });
        let profile =
            std::env::temp_dir().join(format!("cw-e2e-profile-{}-{port}", std::process::id()));
        // From here on, Drop cleans up even if connecting fails.
        let mut pending = PendingBrowser {
            driver: Some(driver),
            profile: profile.clone(),
        };
        if !wait_for_port(port, Duration::from_secs(15)) {
            return Err(format!("chromedriver did not listen on {port}"));
        }
        let mut capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ]
            },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        // Headless windows are at least 500px wide; a phone is emulated instead.
        if width < 500 {
            capabilities["goog:chromeOptions"]["mobileEmulation"] = json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2, "touch": true }
            });
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| e.to_string())?;
        Ok(Browser {
            client,
            driver: pending.driver.take().expect("driver"),
            profile,
        })
    }

    /// Runs `script` (a function body that returns a value) in the page.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Evaluates the JS `expression` after the `prelude` (helper definitions) and returns it.
    pub async fn eval_with(&self, prelude: &str, expression: &str) -> Value {
        self.js(&format!("{prelude} return ({expression});")).await
    }

    /// Waits up to 20 s until `expression`, after `prelude`, is truthy.
    pub async fn wait_with(&self, prelude: &str, what: &str, expression: &str) {
        let script = format!("{prelude} return !!({expression});");
        self.wait_until(what, &script, Duration::from_secs(20))
            .await;
    }

    /// Polls `script` until it returns `true`; panics with `what` after `timeout`.
    pub async fn wait_until(&self, what: &str, script: &str, timeout: Duration) {
        let start = Instant::now();
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            if start.elapsed() > timeout {
                let logs = self.console().await;
                panic!(
                    "timed out after {timeout:?} waiting for {what}\nbrowser console: {logs:#?}"
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Text of every element matching `selector` inside the shadow root of the first
    /// element matching `host`.
    pub async fn shadow_texts(&self, host: &str, selector: &str) -> Vec<String> {
        let script = format!(
            "const h = document.querySelector({host:?}); if (!h || !h.shadowRoot) return [];\
             return Array.from(h.shadowRoot.querySelectorAll({selector:?})).map(e => e.textContent.trim());"
        );
        serde_json::from_value(self.js(&script).await).unwrap_or_default()
    }

    /// Everything the page wrote to the console (and uncaught errors, failed loads, CSP
    /// reports) since the last call, as `LEVEL message` lines.
    pub async fn console(&self) -> Vec<String> {
        let entries = self
            .client
            .issue_cmd(SessionPost {
                path: "se/log",
                body: r#"{"type":"browser"}"#.into(),
            })
            .await
            .expect("chromedriver's browser log");
        entries
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["level"].as_str().unwrap_or("?"),
                            e["message"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Console lines at error level (uncaught exceptions, console.error, failed requests).
    pub async fn console_errors(&self) -> Vec<String> {
        self.console()
            .await
            .into_iter()
            .filter(|line| line.starts_with("SEVERE"))
            .collect()
    }

    /// Saves a PNG of the whole page (not just the viewport) to
    /// `target/screenshots/{name}.png`, for people to look at. Call it last in a test: it
    /// leaves the viewport as tall as the page.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let size = self
            .js(
                "return [window.innerWidth, document.documentElement.scrollHeight, \
                 navigator.maxTouchPoints > 0];",
            )
            .await;
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[2]
            }),
        )
        .await;
        let png = self.client.screenshot().await.expect("screenshot");
        let path = crate::screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }).to_string(),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Ends the session politely; dropping also cleans up.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        kill_group(&mut self.driver);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Cleans up a chromedriver that never became a session.
struct PendingBrowser {
    driver: Option<Child>,
    profile: PathBuf,
}

impl Drop for PendingBrowser {
    fn drop(&mut self) {
        if let Some(mut driver) = self.driver.take() {
            kill_group(&mut driver);
            let _ = std::fs::remove_dir_all(&self.profile);
        }
    }
}

/// Kills chromedriver and every process in its group (Chromium and its helpers).
fn kill_group(driver: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", driver.id())])
        .stderr(Stdio::null())
        .status();
    let _ = driver.kill();
    let _ = driver.wait();
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16, timeout: Duration) -> bool {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

/// A chromedriver-specific `POST /session/{id}/{path}` with a JSON body: `se/log` (the
/// browser console) and `goog/cdp/execute` (DevTools commands).
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: String,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}

impl Browser {
    /// Runs axe-core (from tests/node_modules) on the element matching `selector`, shadow DOM
    /// included, and returns one line per violation: `rule: help (targets)`.
    pub async fn axe_violations(&self, selector: &str) -> Vec<String> {
        let path = crate::workspace_root().join("tests/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (scripts/setup.sh --browser installs it)",
                path.display()
            )
        });
        self.js(&format!("{axe}\nreturn true;")).await;
        let result = self
            .js(&format!(
                "return axe.run(document.querySelector({selector:?}), {{ resultTypes: ['violations'] }})\
                 .then(r => r.violations.map(v => v.id + ': ' + v.help + ' (' + \
                 v.nodes.map(n => JSON.stringify(n.target)).join(', ') + ')'));"
            ))
            .await;
        serde_json::from_value(result).expect("a list of violations")
    }
}
