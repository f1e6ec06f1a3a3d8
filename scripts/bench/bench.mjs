// Benchmark: how many bytes and how long until a supporter can type a postcode, how long from
// Find your MP to the MP card, what a returning visitor fetches again, and how much the widget
// shifts the host page's layout.
//
// Serves each dist/ folder on its own 127.0.0.1 port with gzip -9 precompressed responses (as
// a CDN would), opens a partner-like page (one <campaign-widget>, embed.js) in headless
// Chromium with a fresh profile per run, and waits until #cw-postcode in the widget's shadow
// root is present, visible and enabled. It reports the bytes transferred before that moment
// (Resource Timing: transferSize and encodedBodySize of every file, the page included) and the
// time from navigation start to that moment. Chromium is driven over the DevTools protocol on
// a pipe (--remote-debugging-pipe), so nothing beyond Node and Chromium is needed.
//
// Then, in the same page, a supporter looks up SW1A 1AA against a fixture API served by the same
// server (the JSON of tests/fixtures/api, the Members API's paths under /api), and the time from
// the form's submit to the MP card (.cw-mp-name) is measured. Three supporters, each in a page
// load of its own:
// - "types": a human pause after the field appears (1 s), focus, the postcode key by key
//   (150 ms apart), Enter at once after the last key;
// - "autofills": the same pause, then focus, the whole postcode set at once with an input event
//   (as autofill and paste do), and Find your MP pressed at once;
// - "early": the same as "autofills", but the moment the field appears (no pause).
//
// Then a returning visitor: the same page opened again in a new tab of the same browser (warm
// HTTP cache, same release), after the files' short lifetimes have run out. It counts the
// requests that reached the server for the widget's files (200s, and 304s: revalidations) and
// the bytes transferred. Files are served with the folder's own hosting rules (its _headers,
// scripts/manifest.sh) or, for a folder without them (a release before content-hashed names),
// with the short lifetime fixed names allow; either way a lifetime short of a year counts as
// run out (max-age=0), as for a visitor who comes back the next day.
//
// Then the host page's Cumulative Layout Shift, under each condition, in page loads of their own
// (no supporter: only the load moves the page): an article at 1280x900 with the widget in the
// first screen and ~3000 px of text below it, either with the snippet partners paste (the script
// tag where the widget goes) or, for a release with a prerendered view (PRERENDER_FILE in its
// manifest.json), with the widget's HTML in a declarative shadow root. A buffered
// PerformanceObserver, installed before the page's scripts, collects the `layout-shift` entries
// (those after input left out) until the widget has mounted (its ready event) and its field is
// usable, and SETTLE_MS more; the CLS is the largest session window, as browsers report it.
//
// Usage: node scripts/bench/bench.mjs [--runs N] [--only load,returning,cls] [--verbose]
//          [--chromium PATH] [--files] DIST [DIST2]
// With two folders, runs alternate between them. The flags: scripts/bench.sh.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { basename, extname, join, normalize, resolve, sep } from "node:path";

const args = process.argv.slice(2);
let runs = 7;
let chromium = "/usr/bin/chromium";
let showFiles = false;
let verbose = false;
// --full-html: the load part on the page with the widget's HTML in it (folders with a prerender).
let fullHtml = false;
// --after-live: the supporters act once the widget is live (its ready event), not once the field
// appears (for a prerendered field, before the wasm): a supporter who arrives after the load.
let afterLive = false;
// The parts to run: the field and the MP card, the returning visitor, the host page's CLS.
const PARTS = ["load", "returning", "cls"];
let parts = new Set(PARTS);
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--chromium") chromium = args[++i];
  else if (args[i] === "--files") showFiles = true;
  else if (args[i] === "--verbose") verbose = true;
  else if (args[i] === "--full-html") fullHtml = true;
  else if (args[i] === "--after-live") afterLive = true;
  else if (args[i] === "--only") {
    parts = new Set((args[++i] || "").split(","));
    for (const part of parts) if (!PARTS.includes(part)) usage(`--only takes ${PARTS.join(", ")} (comma-separated)`);
  } else if (args[i].startsWith("-")) usage(`unknown option ${args[i]}`);
  else dists.push(resolve(args[i]));
}
if (dists.length === 0 || dists.length > 2 || !(runs >= 1)) usage("one or two dist folders");
for (const dist of dists) {
  if (!existsSync(join(dist, "embed.js")) || !existsSync(join(dist, "index.html")))
    usage(`${dist} has no release build (build first: scripts/build.sh)`);
}

function usage(problem) {
  console.error(`bench: ${problem}`);
  console.error(
    "usage: scripts/bench.sh [--runs N] [--only load,returning,cls] [--verbose] [--full-html] [--after-live] [--chromium PATH] [--files] DIST [DIST2]",
  );
  process.exit(2);
}

// The conditions. Slow 4G as in Lighthouse: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const CONDITIONS = [
  { name: "no throttling", cpu: 1, network: null },
  { name: "4x CPU", cpu: 4, network: null },
  {
    name: "4x CPU + slow 4G",
    cpu: 4,
    network: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
];
const TIMEOUT_MS = 60_000;
const SUPPORTERS = ["types", "autofills", "early"];
const HUMAN_PAUSE_MS = 1000;
const KEY_GAP_MS = 150;
const POSTCODE = "SW1A 1AA";
const FIXTURES = resolve(new URL("../../tests/fixtures/api", import.meta.url).pathname);

// The prerendered view a release may carry (the HTML that goes in the widget's shadow root after
// the stylesheet link), found by this pattern among the paths in its manifest.json.
const PRERENDER_FILE = /^prerender-en\.[0-9a-f]{10}\.html$/;
// The host page's layout shift: from the first script until the widget has mounted and its
// postcode field is usable, and this long after.
const SETTLE_MS = 1500;
const CLS_VIEWPORT = { width: 1280, height: 900 };

const pageHead = (style = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's page</title><link rel="icon" href="data:,">${style}</head>
<body><h1>A partner's page</h1>
`;
const PARAGRAPH =
  "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt " +
  "ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco " +
  "laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in " +
  "voluptate velit esse cillum dolore eu fugiat nulla pariatur.</p>\n";
// A partner's article: the widget in the first screen, under a heading and a short paragraph,
// and ~3000 px of text below it (what a late-growing widget pushes down).
// (`before`: paragraphs above the widget; 12 put it below the first screen.)
const article = (widget, before = 0) =>
  pageHead("<style>body{font:16px/1.5 sans-serif;max-width:60em;margin:0 auto;padding:0 1em}</style>") +
  "<p>Our campaign needs you: ask your MP to support it. It takes two minutes.</p>\n" +
  `${PARAGRAPH.repeat(before)}${widget}\n${PARAGRAPH.repeat(40)}</body></html>\n`;
const NOSCRIPT = `<noscript><p>Ask your MP to support the Secondary Support Package:
  <a href="https://www.writetothem.com/?a=westminstermp">write to your MP through WriteToThem</a>.</p></noscript>`;

// The iframe snippet (a blog's) with the loader, `height` px tall, the built-in campaign.
const frame = (api, height, more = "") => {
  const query = `postcodes-api=${encodeURIComponent(api)}&amp;members-api=${encodeURIComponent(api)}${more}`;
  return `<iframe data-campaign-widget src="embed.html?${query}" title="Write to your MP" width="100%" ` +
    `height="${height}" loading="lazy" style="border:0;max-width:46em"></iframe>\n` +
    `<script src="embed.js" async data-mount="none"></script>`;
};
// The built-in campaign's first view at 46em wide in English (README, the iframe snippet): the
// height the demo page's iframe snippet gives it.
const FRAME_HEIGHT = 1599;
const FRAME_HEIGHT_COMPACT = 466;

// The pages each folder is served with, by path, `api` being the fixture API's base URL:
// - /bench.html: the built-in campaign, the loader as the README's custom element way;
// - /cls-tag.html: the article with the snippet partners paste (the script tag where the widget
//   goes; the built-in campaign, as the prerender has it); /cls-tag-compact.html the same with
//   data-layout="compact"; /cls-tag-below.html with the widget after 12 more paragraphs, below
//   the first screen (and within the loader's 600 px of it, so its wasm loads as well);
// - /cls-iframe.html: the article with the iframe snippet as tall as the widget's first view;
//   /cls-iframe-1400.html with the 1,400 px the snippet had before it was measured; the same
//   two in the compact layout (/cls-iframe-compact.html, /cls-iframe-compact-900.html);
// - /cls-html.html, for a folder with a prerendered view: the article with the widget's HTML in a
//   declarative shadow root (stylesheet link and prerender), the loader only registering.
function hostPages(dist, api) {
  const apis = `data-postcodes-api="${api}" data-members-api="${api}"`;
  const pages = {
    "/bench.html":
      pageHead() +
      `<campaign-widget ${apis}></campaign-widget>
<script src="embed.js" async data-mount="none"></script>
</body></html>
`,
    "/cls-tag.html": article(`<script src="embed.js" async ${apis}></script>\n${NOSCRIPT}`),
    "/cls-tag-compact.html": article(`<script src="embed.js" async ${apis} data-layout="compact"></script>\n${NOSCRIPT}`),
    "/cls-tag-below.html": article(`<script src="embed.js" async ${apis}></script>\n${NOSCRIPT}`, 12),
    "/cls-iframe-1400.html": article(frame(api, 1400)),
    "/cls-iframe.html": article(frame(api, FRAME_HEIGHT)),
    "/cls-iframe-compact-900.html": article(frame(api, 900, "&amp;layout=compact")),
    "/cls-iframe-compact.html": article(frame(api, FRAME_HEIGHT_COMPACT, "&amp;layout=compact")),
  };
  const prerender = prerenderOf(dist);
  if (prerender) {
    const widget =
      `<campaign-widget ${apis}><template shadowrootmode="open"><style>${readFileSync(join(dist, prerender.css), "utf8")}</style>` +
      `${prerender.html}</template></campaign-widget>
<script src="embed.js" async data-mount="none"></script>`;
    pages["/cls-html.html"] = article(widget);
    pages["/bench-html.html"] = pageHead() + widget + "\n</body></html>\n";
  }
  return pages;
}

// The prerendered view of `dist` and its stylesheet's path, from its manifest.json; null without.
function prerenderOf(dist) {
  let files;
  try {
    files = JSON.parse(readFileSync(join(dist, "manifest.json"), "utf8")).files;
  } catch {
    return null;
  }
  const view = files.find((f) => PRERENDER_FILE.test(f.path));
  const css = files.find((f) => f.name === "widget.css");
  return view && css ? { html: readFileSync(join(dist, view.path), "utf8").trim(), css: css.path } : null;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

// The hosting rules of `dist`: [pattern, headers] pairs from its _headers file, if any.
function hostingRules(dist) {
  const file = join(dist, "_headers");
  if (!existsSync(file)) return null;
  const rules = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else {
      const at = line.indexOf(":");
      rules[rules.length - 1][1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
const YEAR = 31536000;
// Cache-Control for `path`: the rules', or what fixed names allow (a short lifetime); a
// lifetime short of a year as run out.
function cacheControl(rules, path) {
  let value = "public, max-age=300";
  for (const [pattern, headers] of rules || []) {
    const hit = pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (hit && headers["Cache-Control"]) value = headers["Cache-Control"];
  }
  return value.replace(/max-age=(\d+)/, (all, age) => (Number(age) >= YEAR ? all : "max-age=0"));
}

// The fixture API's answer to `url` (under /api): postcodes.io's /postcodes/{pc}, the Members
// API's constituency search and contact details, from tests/fixtures/api; null for anything else.
function apiAnswer(url) {
  const path = decodeURIComponent(url.pathname);
  const compact = (pc) => pc.replace(/\s+/g, "").toUpperCase();
  let file = null;
  if (path.startsWith("/api/postcodes/")) file = `postcodes/${compact(path.slice(15))}.json`;
  else if (path === "/api/api/Location/Constituency/Search")
    file = `search/${url.searchParams.get("searchText")}.json`;
  else {
    const contact = path.match(/^\/api\/api\/Members\/(\d+)\/Contact$/);
    if (contact) file = `contact/${contact[1]}.json`;
  }
  if (!file) return null;
  try {
    return readFileSync(join(FIXTURES, normalize(file).replace(/^(\.\.[/\\])+/, "")));
  } catch {
    return null;
  }
}

// Serves `dist` with every answer precompressed once (gzip -9), and hostPages (pointed at the
// fixture API under /api, never cached), with ETags (a revalidation of an unchanged file is a
// 304). Logs [path, status] of each answer.
function serve(dist) {
  const rules = hostingRules(dist);
  const log = [];
  const cache = new Map();
  let origin = "";
  let pages = {};
  const load = (path, url) => {
    if (path.startsWith("/api/")) {
      const body = apiAnswer(url);
      return body && { raw: body, gzip: gzip9(body), etag: null, api: true };
    }
    if (!cache.has(path)) {
      const body = Object.hasOwn(pages, path) ? Buffer.from(pages[path]) : readFile(dist, path);
      cache.set(path, body && {
        raw: body,
        gzip: gzip9(body),
        etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`,
      });
    }
    return cache.get(path);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const path = decodeURIComponent(url.pathname);
    const file = load(path, url);
    if (!file) {
      log.push([path, 404]);
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const body = gzip ? file.gzip : file.raw;
    const headers = {
      "Content-Type": TYPES[extname(path)] || "application/octet-stream",
      // Cacheable, as from a CDN (the partner's page itself is always revalidated).
      "Cache-Control": file.api ? "no-store" : Object.hasOwn(pages, path) ? "no-cache" : cacheControl(rules, path),
      "Access-Control-Allow-Origin": "*",
      ETag: file.etag,
      Vary: "Accept-Encoding",
    };
    if (file.api) delete headers.ETag;
    else if (req.headers["if-none-match"] === file.etag) {
      log.push([path, 304]);
      res.writeHead(304, headers).end();
      return;
    }
    if (!file.api) log.push([path, 200]);
    headers["Content-Length"] = body.length;
    if (gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(200, headers).end(body);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      pages = hostPages(dist, `${origin}/api`);
      done({ server, log, url: origin, pages: Object.keys(pages) });
    }),
  );
}

// GNU gzip -9, as scripts/size-report.sh measures (zlib's level 9 comes out a little larger).
const gzip9 = (body) => execFileSync("gzip", ["-9", "-n", "-c"], { input: body, maxBuffer: 1 << 28 });

function readFile(dist, path) {
  const full = normalize(join(dist, path));
  if (!full.startsWith(dist + sep)) return null;
  try {
    return readFileSync(full);
  } catch {
    return null;
  }
}

// Runs in the page from its first script on: polls for the postcode field and, once it is
// present, visible and enabled, hands the time and the Resource Timing entries to the bench.
const PROBE = `(() => {
  // When the widget is live: its ready (or error) event, which bubbles out of the shadow root.
  window.__benchLive = new Promise((done) => {
    for (const type of ["campaign-widget:ready", "campaign-widget:error"])
      document.addEventListener(type, () => done(performance.now()), { once: true });
  });
  const check = () => {
    const root = document.querySelector("campaign-widget")?.shadowRoot;
    const field = root?.querySelector("#cw-postcode");
    const frame = root?.querySelector(".cw-frame");
    if (field && field.matches(":enabled") && !(frame && frame.hidden)) {
      const box = field.getBoundingClientRect();
      const shown = field.checkVisibility
        ? field.checkVisibility({ visibilityProperty: true, opacityProperty: true })
        : true;
      if (box.width > 0 && box.height > 0 && shown) {
        const at = performance.now();
        const entries = performance.getEntriesByType("navigation")
          .concat(performance.getEntriesByType("resource"))
          .filter((e) => e.responseEnd <= at)
          .map((e) => ({ name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, end: e.responseEnd }));
        window.__benchDone(JSON.stringify({ at, entries }));
        return;
      }
    }
    setTimeout(check, 4);
  };
  check();
})();`;

// Runs in the page before its own scripts (and PROBE), for the host page's layout shift: every
// shift from the first (a buffered observer). When the widget has mounted is PROBE's
// __benchLive.
const CLS_PROBE = `(() => {
  const shifts = window.__benchShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput, what: (e.sources || []).map((s) => s.node ? (s.node.nodeName + "." + (s.node.className || "")).slice(0, 40) + " " + Math.round(s.previousRect.height) + "→" + Math.round(s.currentRect.height) + "@y" + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) : "?").join(",") });
  }).observe({ type: "layout-shift", buffered: true });
})();`;

// Once the field is usable: waits until the widget has mounted (a prerendered field is usable
// before), then SETTLE_MS, and hands over the shifts.
const CLS_SETTLE = `window.__benchLive.then((mounted) => new Promise((done) => setTimeout(() => done(JSON.stringify({
  mounted,
  end: performance.now(),
  shifts: window.__benchShifts,
  height: document.querySelector("campaign-widget, iframe").getBoundingClientRect().height,
  viewport: [innerWidth, innerHeight],
})), ${SETTLE_MS})))`;

// CLS as browsers define it: the largest session window (shifts < 1 s apart, a window <= 5 s).
function sessionCls(shifts) {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.t - last >= 1000 || s.t - start >= 5000) {
      sum = 0;
      start = s.t;
    }
    sum += s.v;
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

// One Chromium with a fresh profile, spoken to over --remote-debugging-pipe.
async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "cw-bench-"));
  const child = spawn(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-extensions",
      "--disable-quic",
      "--window-size=1280,900",
      `--user-data-dir=${profile}`,
      "--remote-debugging-pipe",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"], detached: true },
  );
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  let buffered = Buffer.alloc(0);
  fromBrowser.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    let end;
    while ((end = buffered.indexOf(0)) >= 0) {
      const message = JSON.parse(buffered.subarray(0, end).toString("utf8"));
      buffered = buffered.subarray(end + 1);
      if (message.id && pending.has(message.id)) {
        const { ok, fail, method } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) fail(new Error(`${method}: ${message.error.message}`));
        else ok(message.result);
      } else if (message.method) {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok, fail, method });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }) + "\0");
    });
  const exited = new Promise((done) => child.on("exit", done));
  const close = async () => {
    await Promise.race([send("Browser.close").catch(() => {}), sleep(3000)]);
    await Promise.race([exited, sleep(3000)]);
    try {
      process.kill(-child.pid, "SIGKILL"); // the whole process group, whatever is left
    } catch {}
    rmSync(profile, { recursive: true, force: true });
  };
  return { send, on: (listener) => listeners.push(listener), close };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// In the page once the field is usable: records when the form is submitted and reports the time
// from then to the MP card through the __benchCard binding.
const CARD_PROBE = `(() => {
  const root = document.querySelector("campaign-widget").shadowRoot;
  let submitAt = null;
  root.addEventListener("submit", () => { if (submitAt === null) submitAt = performance.now(); }, true);
  const check = () => {
    if (submitAt !== null && root.querySelector(".cw-mp-name")) {
      observer.disconnect();
      window.__benchCard(JSON.stringify({ ms: performance.now() - submitAt, since: performance.now() }));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return true;
})()`;

// Focus, the whole postcode at once (as autofill and paste set it), and Find your MP pressed.
const AUTOFILL = `(() => {
  const root = document.querySelector("campaign-widget").shadowRoot;
  const field = root.querySelector("#cw-postcode");
  field.focus();
  field.value = ${JSON.stringify(POSTCODE)};
  field.dispatchEvent(new Event("input", { bubbles: true }));
  root.querySelector(".cw-postcode-form button[type=submit]").click();
  return true;
})()`;

const FOCUS = `(() => {
  document.querySelector("campaign-widget").shadowRoot.querySelector("#cw-postcode").focus();
  return true;
})()`;

// One measured page load of `url` under `condition`; with `supporter`, that supporter then
// looks up the postcode and the time from the submit to the MP card is measured. With `returning`, the page is opened once
// first, and the measured load is a second one in a new tab of the same browser; `log` (the
// server's) then holds only the second load's answers. With `cls`, the host page's layout
// shifts until the widget has mounted, its field is usable and SETTLE_MS have passed.
async function measure(url, condition, { returning = false, log = null, supporter = null, cls = false } = {}) {
  const browser = await launch();
  try {
    const visit = async (supporter) => {
      const { targetId } = await browser.send("Target.createTarget", { url: "about:blank" });
      const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
      const page = (method, params) => browser.send(method, params, sessionId);
      const done = new Promise((ok, fail) => {
        browser.on((m) => {
          if (m.sessionId === sessionId && m.method === "Runtime.bindingCalled" && m.params.name === "__benchDone")
            ok(JSON.parse(m.params.payload));
        });
        setTimeout(() => fail(new Error(`no postcode field after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref();
      });
      await page("Page.enable");
      await page("Runtime.enable");
      await page("Network.enable");
      // The profile is fresh, so nothing is cached from before: a first visit. (The cache stays
      // on, as a visitor's is: what the page fetches twice, or ahead, comes from it.)
      if (condition.network) {
        await page("Network.emulateNetworkConditions", { offline: false, ...condition.network });
      }
      await page("Emulation.setCPUThrottlingRate", { rate: condition.cpu });
      // The viewport a layout shift is a fraction of, whatever the headless window leaves.
      if (cls) await page("Emulation.setDeviceMetricsOverride", { ...CLS_VIEWPORT, deviceScaleFactor: 1, mobile: false });
      await page("Runtime.addBinding", { name: "__benchDone" });
      await page("Runtime.addBinding", { name: "__benchCard" });
      const card = new Promise((ok, fail) => {
        browser.on((m) => {
          if (m.sessionId === sessionId && m.method === "Runtime.bindingCalled" && m.params.name === "__benchCard")
            ok(JSON.parse(m.params.payload));
        });
        if (supporter) setTimeout(() => fail(new Error(`no MP card after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref();
      });
      await page("Page.addScriptToEvaluateOnNewDocument", { source: cls ? CLS_PROBE + PROBE : PROBE });
      await page("Page.navigate", { url });
      const result = await done;
      if (cls) {
        const settled = await page("Runtime.evaluate", { expression: CLS_SETTLE, awaitPromise: true, returnByValue: true });
        result.cls = JSON.parse(settled.result.value);
      }
      let toCard = null;
      let cardSince = null;
      if (supporter) {
        const run = (expression) => page("Runtime.evaluate", { expression, awaitPromise: true });
        await run(CARD_PROBE);
        if (afterLive) await run("window.__benchLive");
        if (supporter !== "early") await sleep(HUMAN_PAUSE_MS);
        if (supporter === "types") {
          await run(FOCUS);
          for (const key of POSTCODE) {
            await page("Input.dispatchKeyEvent", { type: "keyDown", key, text: key, unmodifiedText: key });
            await page("Input.dispatchKeyEvent", { type: "keyUp", key });
            await sleep(KEY_GAP_MS);
          }
          const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
          await page("Input.dispatchKeyEvent", { type: "keyDown", text: "\r", ...enter });
          await page("Input.dispatchKeyEvent", { type: "keyUp", ...enter });
        } else {
          await run(AUTOFILL);
        }
        const shown = await card;
        toCard = shown.ms;
        cardSince = shown.since;
      }
      return { result, toCard, cardSince, close: () => browser.send("Target.closeTarget", { targetId }) };
    };
    if (returning) {
      const first = await visit();
      // Let the first visit finish what it fetches after the field is usable.
      await sleep(1000);
      await first.close();
      if (log) log.length = 0;
    }
    const { result, toCard, cardSince } = await visit(supporter);
    // Revalidations in the background (stale-while-revalidate) reach the server just after.
    if (returning) await sleep(1000);
    return {
      ms: result.at,
      // From the last byte of the last file to the usable field: the main thread's share.
      afterLastByte: result.at - Math.max(...result.entries.map((e) => e.end)),
      transfer: result.entries.reduce((sum, e) => sum + e.transfer, 0),
      encoded: result.entries.reduce((sum, e) => sum + e.encoded, 0),
      entries: result.entries,
      answers: log ? log.filter(([path]) => path !== "/bench.html").map((a) => [...a]) : [],
      toCard,
      cardSince,
      layoutShift: result.cls && layoutShift(result.cls),
    };
  } finally {
    await browser.close();
  }
}

// The host page's CLS from what CLS_SETTLE handed over (shifts after input left out).
function layoutShift({ shifts, ...rest }) {
  const counted = shifts.filter((s) => !s.input);
  return { ...rest, shifts: counted, cls: sessionCls(counted) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const ms = (x) => `${Math.round(x)}`;
const bytes = (x) => `${Math.round(x).toLocaleString("en-GB")}`;
const score = (x) => x.toFixed(3);

const labels = dists.length === 2 ? ["A", "B"] : ["A"];
dists.forEach((dist, i) => console.log(`${labels[i]}: ${dist}`));
console.log(`${runs} runs per folder and condition, fresh profile each, alternating; ${chromium}\n`);

// Serves every folder (each on its own port) while `body` runs.
async function withSites(body) {
  const sites = await Promise.all(dists.map(serve));
  try {
    return await body(sites);
  } finally {
    sites.forEach((s) => s.server.close());
  }
}
// The folders' indices in the order of run `run`: alternating which goes first, so neither
// always meets a warmer machine.
const inTurn = (run) => (run % 2 === 0 ? [...dists.keys()] : [...dists.keys()].reverse());

const print = (header, table) => {
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  table.forEach((row) => console.log(line(row)));
};
// The field's numbers come from every page load (each supporter's load measures them too).
const loads = (row) => SUPPORTERS.flatMap((s) => row.bySupporter[s]);

const rows = [];
if (parts.has("load")) {
  await withSites(async (sites) => {
    for (const condition of CONDITIONS) {
      // results[i][supporter]: that folder's runs with that supporter.
      const results = dists.map(() => Object.fromEntries(SUPPORTERS.map((s) => [s, []])));
      for (let run = 0; run < runs; run++) {
        for (const supporter of SUPPORTERS) {
          for (const i of inTurn(run)) {
            const page = fullHtml && prerenderOf(dists[i]) ? "/bench-html.html" : "/bench.html";
            const r = await measure(`${sites[i].url}${page}`, condition, { supporter });
            if (typeof r.toCard !== "number") throw new Error(`no MP card time for ${supporter}`);
            results[i][supporter].push(r);
            process.stderr.write(
              `  ${condition.name}, ${labels[i]} run ${run + 1}, ${supporter}: field ${ms(r.ms)} ms, ` +
                `${bytes(r.transfer)} B; card ${ms(r.toCard)} ms after the press\n`,
            );
          }
        }
      }
      results.forEach((bySupporter, i) => rows.push({ condition: condition.name, label: labels[i], bySupporter }));
    }
  });

  print(
    [
      "condition",
      "dist",
      "transferred B, median (min–max)",
      "encoded body B",
      "ms to postcode field, median (min–max)",
      "of which after the last byte",
    ],
    rows.map((row) => [
      row.condition,
      row.label,
      spread(loads(row).map((r) => r.transfer), bytes),
      spread(loads(row).map((r) => r.encoded), bytes),
      spread(loads(row).map((r) => r.ms), ms),
      spread(loads(row).map((r) => r.afterLastByte), ms),
    ]),
  );
  console.log(
    `\nms from Find your MP to the MP card, median (min–max); ${POSTCODE}, fixture API on 127.0.0.1. ` +
      `types: ${HUMAN_PAUSE_MS} ms after the ${afterLive ? "widget is live" : "field appears"}, key by key (${KEY_GAP_MS} ms apart), Enter; ` +
      `autofills: ${HUMAN_PAUSE_MS} ms after, the whole postcode and the button at once; early: the same the moment the ${afterLive ? "widget is live" : "field appears"}.\n`,
  );
  print(
    ["condition", "dist", ...SUPPORTERS],
    rows.map((row) => [
      row.condition,
      row.label,
      ...SUPPORTERS.map((s) => spread(row.bySupporter[s].map((r) => r.toCard), ms)),
    ]),
  );
  // What the supporter waits in all: from opening the page to the MP card (the press comes
  // sooner where the field does).
  console.log("\nms from opening the page to the MP card, median (min–max), the same supporters.\n");
  print(
    ["condition", "dist", ...SUPPORTERS],
    rows.map((row) => [
      row.condition,
      row.label,
      ...SUPPORTERS.map((s) => spread(row.bySupporter[s].map((r) => r.cardSince), ms)),
    ]),
  );
  if (dists.length === 2) {
    console.log("");
    for (const condition of CONDITIONS) {
      const [a, b] = rows.filter((r) => r.condition === condition.name);
      const ratio = (f) => (median(f(b)) / median(f(a))).toFixed(2);
      const cards = (key) =>
        SUPPORTERS.map((s) => `${s} ${ratio((row) => row.bySupporter[s].map((r) => r[key]))}`).join(", ");
      console.log(
        `${condition.name}: B/A time to the field ${ratio((row) => loads(row).map((r) => r.ms))}; ` +
          `to the MP card after the press: ${cards("toCard")}; since opening the page: ${cards("cardSince")}`,
      );
    }
  }
}

// The returning visitor (no throttling).
if (parts.has("returning")) {
  const returningRows = await withSites(async (sites) => {
    const results = dists.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const i of inTurn(run)) {
        const r = await measure(`${sites[i].url}/bench.html`, CONDITIONS[0], { returning: true, log: sites[i].log });
        results[i].push(r);
        process.stderr.write(`  returning visitor, ${labels[i]} run ${run + 1}: ${r.answers.length} requests, ${bytes(r.transfer)} B\n`);
      }
    }
    return results.map((rs, i) => ({ label: labels[i], rs }));
  });
  const hashedName = (path) => /\.[0-9a-f]{10}\.[a-z]+$/.test(path);
  const rheader = [
    "returning visitor (warm cache)",
    "requests for widget files",
    "of which 304",
    "revalidations of hashed files",
    "transferred B",
    "ms to postcode field",
  ];
  const rtable = returningRows.map(({ label, rs }) => [
    label,
    spread(rs.map((r) => r.answers.length), String),
    spread(rs.map((r) => r.answers.filter(([, status]) => status === 304).length), String),
    spread(rs.map((r) => r.answers.filter(([path]) => hashedName(path)).length), String),
    spread(rs.map((r) => r.transfer), bytes),
    spread(rs.map((r) => r.ms), ms),
  ]);
  console.log("");
  print(rheader, rtable);
  for (const { label, rs } of returningRows) {
    const answers = rs[rs.length - 1].answers.map(([path, status]) => `${path.slice(1)} ${status}`);
    console.log(`  ${label}, last run: ${answers.join(", ") || "no request"}`);
  }
}

// The host page's layout shift, each host page in page loads of its own (no supporter).
if (parts.has("cls")) {
  const CLS_PAGES = [
    { name: "script tag", path: "/cls-tag.html" },
    { name: "script tag, compact", path: "/cls-tag-compact.html" },
    { name: "script tag, below the first screen", path: "/cls-tag-below.html" },
    { name: "full HTML", path: "/cls-html.html" },
    { name: "iframe, 1400 px", path: "/cls-iframe-1400.html" },
    { name: `iframe, ${FRAME_HEIGHT} px (its view's)`, path: "/cls-iframe.html" },
    { name: "iframe, compact, 900 px", path: "/cls-iframe-compact-900.html" },
    { name: `iframe, compact, ${FRAME_HEIGHT_COMPACT} px (its view's)`, path: "/cls-iframe-compact.html" },
  ];
  // results[page][i]: that folder's runs on that page, null where the folder has no such page.
  const results = await withSites(async (sites) => {
    const byCondition = [];
    for (const condition of CONDITIONS) {
      const byPage = CLS_PAGES.map(({ path }) => sites.map((site) => (site.pages.includes(path) ? [] : null)));
      for (let run = 0; run < runs; run++) {
        for (const [p, { name, path }] of CLS_PAGES.entries()) {
          for (const i of inTurn(run)) {
            if (!byPage[p][i]) continue;
            const r = await measure(`${sites[i].url}${path}`, condition, { cls: true });
            byPage[p][i].push(r.layoutShift);
            process.stderr.write(
              `  ${condition.name}, ${name}, ${labels[i]} run ${run + 1}: CLS ${score(r.layoutShift.cls)}, ` +
                `${r.layoutShift.shifts.length} shifts, field ${ms(r.ms)} ms, mounted ${ms(r.layoutShift.mounted)} ms\n`,
            );
          }
        }
      }
      byCondition.push({ condition, byPage });
    }
    return byCondition;
  });
  const { viewport } = results[0].byPage[0][0][0];
  if (parts.has("load") || parts.has("returning")) console.log("");
  console.log(
    `The host page's Cumulative Layout Shift, median (min–max): the largest session window (shifts < 1 s ` +
      `apart, <= 5 s), none after input, until the widget has mounted and its field is usable, and ${SETTLE_MS} ms ` +
      `more. A ${viewport.join("×")} article: a heading, a paragraph, the widget, 40 paragraphs. script tag: the ` +
      `snippet where the widget goes (compact: with data-layout="compact"; below the first screen: after 12 more ` +
      `paragraphs); full HTML: the prerendered view in a declarative shadow root (n/a: the ` +
      `folder's manifest.json lists none); iframe: the blog's snippet (embed.html, 46em wide, the ` +
      `loader sizing it), as tall as the old snippet said or as the widget's first view.\n`,
  );
  const cell = (rs) => (rs ? spread(rs.map((r) => r.cls), score) : "n/a");
  const ratio = (a, b) => {
    if (!a || !b) return "n/a";
    const [ma, mb] = [median(a.map((r) => r.cls)), median(b.map((r) => r.cls))];
    return ma > 0 ? (mb / ma).toFixed(2) : mb > 0 ? "∞" : "–";
  };
  print(
    ["condition", "host page", ...labels, ...(dists.length === 2 ? ["B/A"] : [])],
    results.flatMap(({ condition, byPage }) =>
      CLS_PAGES.map(({ name }, p) => [
        condition.name,
        name,
        ...byPage[p].map(cell),
        ...(dists.length === 2 ? [ratio(...byPage[p])] : []),
      ]),
    ),
  );
  if (verbose) {
    console.log("\nthe shifts of each run (value@ms since navigation start):");
    for (const { condition, byPage } of results) {
      CLS_PAGES.forEach(({ name }, p) =>
        byPage[p].forEach((rs, i) =>
          (rs || []).forEach((r, run) => {
            const each = r.shifts.map((s) => `${s.v.toFixed(3)}@${ms(s.t)}${s.what ? ` (${s.what})` : ""}`).join(" ");
            console.log(
              `  ${condition.name}, ${name}, ${labels[i]} run ${run + 1}: CLS ${score(r.cls)}; mounted ${ms(r.mounted)} ms, ` +
                `end ${ms(r.end)} ms, widget ${ms(r.height)} px; ${each || "no shift"}`,
            );
          }),
        ),
      );
    }
  }
}

if (showFiles && rows.length) {
  console.log("\nfiles of the last run per folder (transferred / encoded body bytes):");
  for (const row of rows.filter((r) => r.condition === CONDITIONS[0].name)) {
    const last = loads(row).at(-1);
    for (const e of last.entries)
      console.log(`  ${row.label} ${basename(new URL(e.name).pathname) || "/"}: ${bytes(e.transfer)} / ${bytes(e.encoded)}`);
  }
}
