//! Real browsers driven through their W3C WebDriver servers: headless Chromium through
//! chromedriver, headless Firefox ESR through geckodriver, and WebKitGTK's MiniBrowser through
//! WebKitWebDriver on a private Xvfb display. Every process is started in its own process
//! group, so that everything it spawns is killed when the [`Browser`] is dropped, pass or fail.
//!
//! Reading the console, per engine (see [`Browser::console`]):
//! - Chromium: chromedriver's browser log (`goog:loggingPrefs`): console calls, uncaught
//!   errors, failed loads and CSP reports, from every frame.
//! - Firefox: with the pref `devtools.console.stdout.content` Firefox prints the pages'
//!   console calls and uncaught errors, from every frame, on its stdout, which goes to a log
//!   file read here; failed loads and CSP violations are not printed there, so pages also load
//!   [`CONSOLE_HOOK`] (an error may then be listed twice, once from each).
//! - WebKit: WebKitWebDriver offers no log, and MiniBrowser in automation mode does not print
//!   the console; pages load [`CONSOLE_HOOK`] as their first script.
//!
//! The hook only sees the page that loads it: not iframes from other origins (the iframe
//! embed) and nothing before it runs. A page without it reports that as an error line.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const FIREFOX: &str = "/usr/bin/firefox-esr";
const GECKODRIVER: &str = "geckodriver";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB: &str = "/usr/bin/Xvfb";

/// Where every test server answers with [`CONSOLE_HOOK`].
pub const CONSOLE_HOOK_PATH: &str = "/e2e-console-hook.js";

/// Collects the page's errors into `window.__e2eConsole` as `LEVEL message` lines, for
/// engines whose driver cannot read the console: `console.error` and `console.warn` calls,
/// uncaught errors and rejections, elements that failed to load, and CSP violations.
pub const CONSOLE_HOOK: &str = r#"(() => {
  if (window.__e2eConsole) return;
  const lines = window.__e2eConsole = [];
  const text = values => values.map(v => {
    if (v instanceof Error) return String(v);
    if (typeof v === 'string') return v;
    try { return JSON.stringify(v); } catch (_) { return String(v); }
  }).join(' ');
  for (const [method, level] of [['error', 'SEVERE'], ['warn', 'WARNING']]) {
    const original = console[method];
    console[method] = function (...values) {
      lines.push(level + ' ' + text(values));
      return original.apply(this, values);
    };
  }
  addEventListener('error', e => {
    const t = e.target;
    lines.push('SEVERE ' + (t && t !== window && t.tagName
      ? 'failed to load <' + t.tagName.toLowerCase() + '> ' + (t.src || t.href || '')
      : 'uncaught ' + e.message + ' at ' + e.filename + ':' + e.lineno));
  }, true);
  addEventListener('unhandledrejection', e => lines.push('SEVERE unhandled rejection: ' + text([e.reason])));
  document.addEventListener('securitypolicyviolation', e =>
    lines.push('SEVERE Content Security Policy: ' + e.effectiveDirective + ' blocked ' + e.blockedURI));
})();
"#;

/// A browser engine the end-to-end tests can run in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium, headless, through chromedriver.
    Chromium,
    /// Debian's Firefox ESR, headless, through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on its own Xvfb display.
    WebKit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// A `<script>` tag loading [`CONSOLE_HOOK`] from `origin` (a test server, which all
    /// answer [`CONSOLE_HOOK_PATH`]), for the head of a page; empty where the driver reads
    /// the console itself.
    pub fn console_hook(self, origin: &str) -> String {
        match self {
            Engine::Chromium => String::new(),
            Engine::Firefox | Engine::WebKit => {
                format!("<script src=\"{origin}{CONSOLE_HOOK_PATH}\"></script>")
            }
        }
    }
}

/// What a timed-out wait shows of the page (a function body): where it is, whether it
/// renders, the first widget's shadow root, the loader's links left in `<head>`, and every
/// request the page made — enough to tell a stalled load from a wrong answer on a machine
/// where the failure cannot be watched.
pub const PAGE_STATE: &str = "const host = document.querySelector('campaign-widget');\
    const root = host?.shadowRoot;\
    return { url: location.href, ready: document.readyState, visibility: document.visibilityState,\
      focus: document.hasFocus(), host: host?.outerHTML.slice(0, 300) ?? null,\
      shadow: root ? root.innerHTML.slice(0, 600) : null,\
      head_links: Array.from(document.head?.querySelectorAll('link') ?? []).map(l => l.rel + ' ' + l.href),\
      requests: performance.getEntriesByType('resource').map(e =>\
        `${e.name.replace(location.origin, '')} ${e.responseStatus ?? ''} ${Math.round(e.startTime)}+${Math.round(e.duration)}ms`) };";

/// One browser session; its processes die with it.
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    processes: Processes,
    /// How much of the driver's log [`Browser::console`] has read.
    log_read: Mutex<u64>,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile and the given
    /// window size.
    pub async fn start(width: u32, height: u32) -> Browser {
        Self::start_engine(Engine::Chromium, width, height).await
    }

    /// Starts `engine` with a fresh profile and the given window size. Firefox and WebKit
    /// windows cannot be narrower than 500 and 447 px: test phones in Chromium.
    pub async fn start_engine(engine: Engine, width: u32, height: u32) -> Browser {
        assert!(
            engine == Engine::Chromium || width >= 500,
            "{} cannot make a window {width} px wide: test phone widths in Chromium",
            engine.name()
        );
        // Starting a browser can fail on a loaded machine (or a port taken in between): retry.
        let mut last_error = String::new();
        for _ in 0..3 {
            match Self::try_start(engine, width, height).await {
                Ok(browser) => return browser,
                Err(error) => last_error = error,
            }
        }
        panic!("no {} session after 3 tries: {last_error}", engine.name());
    }

    async fn try_start(engine: Engine, width: u32, height: u32) -> Result<Browser, String> {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!(
            "cw-e2e-{}-{}-{port}",
            engine.name(),
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // From here on, dropping `processes` cleans up, even if starting fails.
        let mut processes = Processes {
            groups: Vec::new(),
            xvfb: None,
            dir: dir.clone(),
        };
        let capabilities = match engine {
            Engine::Chromium => {
                let mut command = Command::new(CHROMEDRIVER);
                command
                    .arg(format!("--port={port}"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null());
                processes.spawn(command, CHROMEDRIVER);
                chromium_capabilities(width, height, &dir)
            }
            Engine::Firefox => {
                let log = driver_log(&dir)?;
                let mut command = Command::new(GECKODRIVER);
                command
                    .arg(format!("--port={port}"))
                    .arg("--profile-root")
                    .arg(&dir)
                    .stdout(log.try_clone().map_err(|e| e.to_string())?)
                    .stderr(log);
                processes.spawn(command, GECKODRIVER);
                json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {
                        "binary": FIREFOX,
                        "args": ["-headless"],
                        "prefs": { "devtools.console.stdout.content": true }
                    }
                })
            }
            Engine::WebKit => {
                let display = processes.start_xvfb()?;
                let log = driver_log(&dir)?;
                let mut command = Command::new(WEBKIT_DRIVER);
                command
                    .arg(format!("--port={port}"))
                    .env("DISPLAY", format!(":{display}"))
                    .env("GDK_BACKEND", "x11")
                    .env_remove("WAYLAND_DISPLAY")
                    // A fresh profile: MiniBrowser's automation sessions keep no website
                    // data, and anything else WebKitGTK keeps goes here.
                    .env("XDG_CACHE_HOME", dir.join("cache"))
                    .env("XDG_CONFIG_HOME", dir.join("config"))
                    .env("XDG_DATA_HOME", dir.join("data"))
                    .stdout(log.try_clone().map_err(|e| e.to_string())?)
                    .stderr(log);
                processes.spawn(command, WEBKIT_DRIVER);
                json!({
                    "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": ["--automation"] }
                })
            }
        };
        if !wait_for_port(port, Duration::from_secs(15)) {
            return Err(format!("{} did not listen on {port}", engine.name()));
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| e.to_string())?;
        if engine != Engine::Chromium {
            client
                .set_window_size(width, height)
                .await
                .map_err(|e| format!("window size: {e}"))?;
        }
        Ok(Browser {
            client,
            engine,
            processes,
            log_read: Mutex::new(0),
        })
    }

    /// Runs `script` (a function body that returns a value) in the page.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Enters the page's (first) iframe: later scripts run in it until `enter_parent_frame`.
    /// Returns the frame, to enter it again.
    pub async fn enter_iframe(&self) -> fantoccini::elements::Element {
        let frame = self
            .client
            .find(fantoccini::Locator::Css("iframe"))
            .await
            .expect("the iframe");
        frame.clone().enter_frame().await.expect("enter the iframe");
        frame
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

    /// Polls `script` until it returns `true`; panics with `what` after `timeout`, showing
    /// [`PAGE_STATE`].
    pub async fn wait_until(&self, what: &str, script: &str, timeout: Duration) {
        self.wait_until_or_dump(what, script, timeout, PAGE_STATE)
            .await;
    }

    /// As `wait_until`, and on timeout the panic also shows what `dump` (a function body)
    /// returns: the state the page was in, for a failure seen only on another machine.
    pub async fn wait_until_or_dump(
        &self,
        what: &str,
        script: &str,
        timeout: Duration,
        dump: &str,
    ) {
        let start = Instant::now();
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            if start.elapsed() > timeout {
                let logs = self.console().await;
                let state = self.client.execute(dump, Vec::new()).await;
                panic!(
                    "timed out after {timeout:?} waiting for {what}\nbrowser console: {logs:#?}\n\
                     page state: {state:#?}"
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
    /// reports) since the last call, as `LEVEL message` lines (`SEVERE`, `WARNING`, `INFO`).
    /// How each engine's console is read is in the module's documentation.
    pub async fn console(&self) -> Vec<String> {
        match self.engine {
            Engine::Chromium => self.chromium_log().await,
            Engine::Firefox => {
                let mut lines = self.firefox_log();
                lines.extend(self.hooked_console().await);
                lines
            }
            Engine::WebKit => self.hooked_console().await,
        }
    }

    async fn chromium_log(&self) -> Vec<String> {
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

    /// What Firefox printed since the last call about its pages, from every frame:
    /// `console.error: …` (with `devtools.console.stdout.content`) and
    /// `JavaScript error: URL, line N: …` lines. Firefox's own messages (from its chrome
    /// code: remote settings, favicons, backups) are not the pages' and are left out.
    fn firefox_log(&self) -> Vec<String> {
        let mut read = self.log_read.lock().expect("log offset");
        let mut text = String::new();
        if let Ok(mut file) = std::fs::File::open(self.processes.dir.join(DRIVER_LOG)) {
            let _ = file.seek(SeekFrom::Start(*read));
            let _ = file.read_to_string(&mut text);
        }
        // Only whole lines; the rest is read next time.
        let whole = text.rfind('\n').map_or(0, |i| i + 1);
        *read += whole as u64;
        text[..whole]
            .lines()
            .filter_map(|line| {
                let (level, message) = if let Some(error) = line.strip_prefix("JavaScript error: ")
                {
                    ("SEVERE", error)
                } else if let Some(warning) = line.strip_prefix("JavaScript warning: ") {
                    ("WARNING", warning)
                } else {
                    let (method, message) = line.strip_prefix("console.")?.split_once(": ")?;
                    let level = match method {
                        "error" | "assert" => "SEVERE",
                        "warn" => "WARNING",
                        _ => "INFO",
                    };
                    (level, message)
                };
                let firefox_own = FIREFOX_OWN.iter().any(|mark| message.contains(mark));
                (!firefox_own).then(|| format!("{level} {message}"))
            })
            .collect()
    }

    /// What [`CONSOLE_HOOK`] collected in the current page since the last call.
    async fn hooked_console(&self) -> Vec<String> {
        let lines = self
            .js(
                "const l = window.__e2eConsole;\
                 return l ? l.splice(0) : ['SEVERE e2e: this page has no console hook (Engine::console_hook), its errors cannot be read'];",
            )
            .await;
        serde_json::from_value(lines).unwrap_or_default()
    }

    /// Console lines at error level (uncaught exceptions, console.error, failed requests).
    pub async fn console_errors(&self) -> Vec<String> {
        self.console()
            .await
            .into_iter()
            .filter(|line| line.starts_with("SEVERE"))
            .collect()
    }

    /// Saves a PNG of the whole page (not just the viewport; in Chromium) or of the viewport
    /// (other engines) to `target/screenshots/{name}.png`, for people to look at. Call it last
    /// in a test: it leaves Chromium's viewport as tall as the page.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        if self.engine == Engine::Chromium {
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
        } else {
            // WebKit's driver can otherwise capture a frame painted before the last changes.
            self.js(
                "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));",
            )
            .await;
        }
        let png = self.client.screenshot().await.expect("screenshot");
        let path = crate::screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver (Chromium only).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(self.engine, Engine::Chromium, "CDP {cmd}: Chromium only");
        self.client
            .issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }).to_string(),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// The process groups this browser's processes run in (driver and browser; Xvfb).
    pub fn process_groups(&self) -> Vec<u32> {
        let processes = &self.processes;
        processes
            .groups
            .iter()
            .chain(processes.xvfb.iter())
            .map(Child::id)
            .collect()
    }

    /// Ends the session politely; dropping also cleans up.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Marks of Firefox's own messages in its log: its chrome code's loggers and its internal
/// URL schemes (a page's messages name `http://` URLs).
const FIREFOX_OWN: [&str; 4] = ["RSLoader:", "BackupService:", "resource://", "chrome://"];

/// The log file of geckodriver and WebKitWebDriver (and their browsers' output).
const DRIVER_LOG: &str = "driver.log";

fn driver_log(dir: &std::path::Path) -> Result<std::fs::File, String> {
    std::fs::File::create(dir.join(DRIVER_LOG)).map_err(|e| format!("driver log: {e}"))
}

fn chromium_capabilities(width: u32, height: u32, profile: &std::path::Path) -> Value {
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
    capabilities
}

/// A browser's processes (each the leader of its own process group) and its temporary
/// folder (profile, driver log). Dropping it kills every group and removes the folder.
struct Processes {
    /// The driver (with the browser it starts).
    groups: Vec<Child>,
    /// The X server WebKit draws on.
    xvfb: Option<Child>,
    dir: PathBuf,
}

impl Processes {
    /// Starts `command` as the leader of a new process group.
    fn spawn(&mut self, command: Command, what: &str) {
        let child = spawn_group(command, what);
        self.groups.push(child);
    }

    /// Starts Xvfb on a display it picks itself (`-displayfd`: no race with other tests for
    /// a free number) and returns the display number.
    fn start_xvfb(&mut self) -> Result<u32, String> {
        let mut command = Command::new(XVFB);
        command
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1200x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let xvfb = self.xvfb.insert(spawn_group(command, XVFB));
        let mut reader = BufReader::new(xvfb.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        // Keep the pipe open: Xvfb must not get SIGPIPE for a late write.
        xvfb.stdout = Some(reader.into_inner());
        line.trim()
            .parse()
            .map_err(|_| format!("Xvfb gave no display number: {line:?}"))
    }
}

impl Drop for Processes {
    fn drop(&mut self) {
        for mut child in self.groups.drain(..) {
            signal_group(&child, "-KILL");
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(mut xvfb) = self.xvfb.take() {
            // Asked nicely, Xvfb removes its lock file and socket.
            signal_group(&xvfb, "-TERM");
            let start = Instant::now();
            let exited = loop {
                match xvfb.try_wait() {
                    Ok(None) if start.elapsed() < Duration::from_secs(2) => {
                        std::thread::sleep(Duration::from_millis(20))
                    }
                    Ok(Some(_)) => break true,
                    _ => break false,
                }
            };
            // Only while it is not reaped does its number surely still name its group.
            if !exited {
                signal_group(&xvfb, "-KILL");
                let _ = xvfb.wait();
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn spawn_group(mut command: Command, what: &str) -> Child {
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    command
        .spawn()
        .unwrap_or_else(|e| panic!("start {what} (scripts/setup.sh --browser installs it): {e}"))
}

/// Sends `signal` to every process in the group `child` leads (a driver, its browser and
/// their helpers).
fn signal_group(child: &Child, signal: &str) {
    let _ = Command::new("kill")
        .args([signal, "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
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
