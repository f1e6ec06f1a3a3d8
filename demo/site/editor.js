// The campaign editor on the demo page: a form over the campaign JSON, checked by the core
// (compiled to ./pkg), with a live preview of the real widget, the email as the MP receives
// it, and embed snippets. Demo-only: never shipped to partners.
import init, { defaultCampaign, checkCampaign, sampleEmail, contrastRatio } from "./pkg/campaign-demo.js";

await init();

const $ = (id) => document.getElementById(id);
const FIXTURE_API = location.origin + "/fixture-api";
const WIDGET_BASE = new URL("..", import.meta.url).href;
// The release's pinned loader (v/VERSION/embed.js, never changed once released) and its
// Subresource Integrity value, from the release's manifest, which the release's index.html
// names; the development build (trunk serve) has none, and offers no pinned snippet.
const MANIFEST = document.querySelector("meta[name=campaign-widget-manifest]")?.content;
const RELEASE = !MANIFEST ? null : await fetch(new URL(MANIFEST, WIDGET_BASE))
  .then((r) => r.json())
  .catch(() => null);
const PINNED = RELEASE?.pinned?.integrity ? RELEASE.pinned : null;
// The widget's stylesheet, which the full-HTML snippet carries inline (a <link> would let
// Firefox paint the view unstyled first), and the hash a strict CSP allows it by: fetched
// beside the editor's start, not before it (the snippets follow once it is here).
const CSS_PATH = RELEASE?.files?.find((f) => f.name === "widget.css")?.path ?? "widget.css";
let CSS = "";
let CSS_HASH = "";
fetch(new URL(CSS_PATH, WIDGET_BASE))
  .then((r) => (r.ok ? r.text() : ""))
  .then(async (css) => {
    CSS = css;
    if (css && crypto.subtle) {
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css));
      CSS_HASH = "sha256-" + btoa(String.fromCharCode(...new Uint8Array(digest)));
    }
    renderSnippets();
  })
  .catch(() => {});
// The preview's first view as the widget rendered it (the live view, before anyone touched
// it): the prerendered view of the campaign being edited, for the full-HTML snippet and the
// export beside campaign.json.
let firstView = "";

// What the editor shows. `path` is where the value lives in the campaign JSON; kinds:
// text, area (multi-line text), paras (list of paragraphs), lines (list of lines), percent,
// choice (one of `options`, [value, words] each).
const SECTIONS = [
  { legend: "Layout", fields: [
    { path: "layout", label: "How the widget lays the campaign out", kind: "choice", options: [
      ["full", "Full: the whole campaign, then the postcode form"],
      ["compact", "Compact: the ask and postcode form first, the rest behind \u201cMore about this campaign\u201d"],
    ] },
  ] },
  { legend: "Headline and introduction", fields: [
    { path: "headline", label: "Headline", kind: "text" },
    { path: "intro", label: "Introduction (leave a blank line between paragraphs)", kind: "paras" },
  ] },
  { legend: "Statistics", fields: [
    { path: "statisticsHeading", label: "Heading above the statistics", kind: "text" },
  ], list: { path: "statistics", item: "Statistic", blank: () => ({ figure: "", share: 0.5, text: "" }), fields: [
    { key: "figure", label: "Figure, as people say it (72%, Two fifths)", kind: "text" },
    { key: "share", label: "The same figure as a percentage, for its bar", kind: "percent" },
    { key: "text", label: "The sentence it begins", kind: "area" },
  ] } },
  { legend: "A supporter's story", fields: [
    { path: "story.quote", label: "Quote", kind: "area" },
    { path: "story.attribution", label: "Who said it", kind: "text" },
  ] },
  { legend: "What the campaign asks for", fields: [
    { path: "proposal.heading", label: "Heading", kind: "text" },
    { path: "proposal.text", label: "Text", kind: "area" },
    { path: "proposal.points", label: "Its parts, one per line", kind: "lines" },
    { path: "ask.heading", label: "The ask: heading", kind: "text" },
    { path: "ask.text", label: "The ask: text", kind: "area" },
  ] },
  { legend: "The letter", fields: [
    { path: "letter.subject", label: "Subject", kind: "text" },
    { path: "letter.prompt", label: "Prompt for the supporter's own words", kind: "area" },
    { path: "letter.body", label: "Body. Placeholders: {mp_name} {constituency} {opening} {personal} {sender_name} {sender_address} {sender_postcode}", kind: "area", rows: 14 },
  ], list: { path: "letter.openings", item: "Opening", blank: () => "", scalar: true, fields: [
    { key: null, label: "Opening paragraph (the supporter picks one)", kind: "area" },
  ] } },
  { legend: "Links", list: { path: "links", item: "Link", blank: () => ({ heading: "", text: "", label: "", href: "https://" }), fields: [
    { key: "heading", label: "Heading", kind: "text" },
    { key: "text", label: "Text", kind: "area" },
    { key: "label", label: "Link words", kind: "text" },
    { key: "href", label: "Address (https://…)", kind: "text" },
  ] } },
];

let campaign = JSON.parse(defaultCampaign());
let lastGood = null;
let fieldCount = 0;

const get = (path) => path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), campaign);
function set(path, value) {
  const keys = path.split(".");
  let o = campaign;
  keys.slice(0, -1).forEach((k) => { if (o[k] == null) o[k] = {}; o = o[k]; });
  o[keys[keys.length - 1]] = value;
}

const toText = { paras: (v) => (v || []).join("\n\n"), lines: (v) => (v || []).join("\n"),
  percent: (v) => String(Math.round((v ?? 0) * 1000) / 10) };
const fromText = {
  paras: (t) => t.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
  lines: (t) => t.split("\n").map((l) => l.trim()).filter(Boolean),
  percent: (t) => (t.trim() === "" ? NaN : Number(t) / 100),
};

/** One labelled control bound to `path`; `corePath` is how the core names it in problems. */
function field(spec, path, corePath) {
  const id = "f" + ++fieldCount;
  const wrap = document.createElement("div");
  wrap.className = "demo-field";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = spec.label;
  const multi = spec.kind !== "text" && spec.kind !== "percent";
  const input = document.createElement(spec.options ? "select" : multi ? "textarea" : "input");
  input.id = id;
  input.dataset.corePath = corePath;
  if (spec.options) input.append(...spec.options.map(([value, words]) => new Option(words, value)));
  else if (multi) input.rows = spec.rows || (spec.kind === "area" ? 3 : 4);
  if (spec.kind === "percent") Object.assign(input, { type: "number", min: 0, max: 100, step: 0.1 });
  const value = get(path);
  input.value = toText[spec.kind] ? toText[spec.kind](value) : value ?? (spec.options ? spec.options[0][0] : "");
  const error = document.createElement("p");
  error.className = "demo-field-error";
  error.id = id + "-error";
  error.hidden = true;
  input.setAttribute("aria-describedby", error.id);
  input.addEventListener("input", () => {
    set(path, fromText[spec.kind] ? fromText[spec.kind](input.value) : input.value);
    schedule();
  });
  wrap.append(label, error, input);
  return wrap;
}

function button(text, action, label) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (label) b.setAttribute("aria-label", label);
  b.addEventListener("click", action);
  return b;
}

function listEditor(list) {
  const box = document.createElement("div");
  box.className = "demo-list";
  const items = get(list.path) || [];
  items.forEach((_, i) => {
    const item = document.createElement("fieldset");
    item.className = "demo-item";
    const legend = document.createElement("legend");
    legend.textContent = `${list.item} ${i + 1}`;
    item.append(legend);
    list.fields.forEach((f) => {
      const path = f.key == null ? `${list.path}.${i}` : `${list.path}.${i}.${f.key}`;
      const core = f.key == null ? list.path : `${list.path}[${i + 1}].${f.key}`;
      item.append(field(f, path, core));
    });
    const move = (to) => () => {
      const arr = get(list.path);
      if (to < 0 || to >= arr.length) return;
      [arr[i], arr[to]] = [arr[to], arr[i]];
      rebuild();
    };
    const tools = document.createElement("div");
    tools.className = "demo-item-tools";
    tools.append(
      button("Move up", move(i - 1), `Move up ${list.item.toLowerCase()} ${i + 1}`),
      button("Move down", move(i + 1), `Move down ${list.item.toLowerCase()} ${i + 1}`),
      button("Remove", () => { get(list.path).splice(i, 1); rebuild(); }, `Remove ${list.item.toLowerCase()} ${i + 1}`),
    );
    item.append(tools);
    box.append(item);
  });
  box.append(button(`Add ${list.item.toLowerCase()}`, () => {
    if (!Array.isArray(get(list.path))) set(list.path, []);
    get(list.path).push(list.blank());
    rebuild();
  }));
  return box;
}

/** Builds the whole form from `campaign`. */
function rebuild() {
  const form = $("editor");
  form.replaceChildren();
  fieldCount = 0;
  for (const section of SECTIONS) {
    const set_ = document.createElement("fieldset");
    set_.className = "demo-section";
    const legend = document.createElement("legend");
    legend.textContent = section.legend;
    set_.append(legend);
    (section.fields || []).forEach((f) => set_.append(field(f, f.path, f.path)));
    if (section.list) set_.append(listEditor(section.list));
    form.append(set_);
  }
  refresh();
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 150);
}

function showProblems(result) {
  document.querySelectorAll(".demo-field-error").forEach((e) => { e.hidden = true; e.textContent = ""; });
  document.querySelectorAll("[data-core-path]").forEach((e) => e.removeAttribute("aria-invalid"));
  const general = [];
  for (const problem of result.problems) {
    const fields = [...document.querySelectorAll("[data-core-path]")];
    const target = fields.find((f) => f.dataset.corePath === problem.path)
      || fields.find((f) => problem.path && f.dataset.corePath.startsWith(problem.path));
    if (!target) { general.push(problem.message); continue; }
    const error = $(target.id + "-error");
    error.textContent = (error.textContent ? error.textContent + " " : "") + problem.message;
    error.hidden = false;
    target.setAttribute("aria-invalid", "true");
  }
  $("general-problems").textContent = general.join(" ");
  $("general-problems").hidden = general.length === 0;
}

function themeProblems() {
  const accent = $("theme-accent").value, text = $("theme-text").value, bg = $("theme-bg").value;
  const problems = [];
  const textRatio = contrastRatio(text, bg);
  if (textRatio < 4.5) problems.push(`Text on the background has a contrast of ${textRatio.toFixed(1)}:1; it needs at least 4.5:1.`);
  const accentRatio = contrastRatio(accent, bg);
  if (accentRatio < 3) problems.push(`The accent on the background has a contrast of ${accentRatio.toFixed(1)}:1; the large figures need at least 3:1.`);
  const buttonRatio = contrastRatio("#ffffff", accent);
  if (buttonRatio < 4.5) problems.push(`White button text on the accent has a contrast of ${buttonRatio.toFixed(1)}:1; it needs at least 4.5:1.`);
  $("theme-problem").textContent = problems.join(" ");
  $("theme-problem").hidden = problems.length === 0;
}

function renderPreview(json) {
  const el = document.createElement("campaign-widget");
  el.setAttribute("data-lang", $("lang").value);
  if ($("test-mode").checked) el.setAttribute("data-test-recipient", $("test-address").value);
  if ($("api-mode").value === "fixture") {
    el.setAttribute("data-postcodes-api", FIXTURE_API);
    el.setAttribute("data-members-api", FIXTURE_API);
  }
  el.style.setProperty("--cw-accent", $("theme-accent").value);
  el.style.setProperty("--cw-text", $("theme-text").value);
  el.style.setProperty("--cw-bg", $("theme-bg").value);
  const data = document.createElement("script");
  data.type = "application/json";
  data.textContent = json;
  el.append(data);
  el.addEventListener("campaign-widget:ready", () => {
    const frame = el.shadowRoot?.querySelector(".cw-frame")?.cloneNode(true);
    if (!frame) return;
    frame.removeAttribute("hidden");
    firstView = `<div data-cw-prerendered>${frame.outerHTML}</div>`;
    renderSnippets();
  }, { once: true });
  firstView = "";
  $("preview").replaceChildren(el);
}

function renderEmail(json) {
  const email = JSON.parse(sampleEmail(json, $("lang").value, 0));
  $("email-to").textContent = $("test-mode").checked ? $("test-address").value + " (test mode)" : "The MP's email address";
  $("email-subject").textContent = email.subject ?? "";
  $("email-body").textContent = email.body ?? email.error;
}

const attr = (value) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// Where JavaScript is off, the snippet still carries the campaign's ask and a WriteToThem link.
function noscriptAsk(lang) {
  const texts = (lang === "cy" && campaign.languages?.cy) || {};
  return [texts.headline ?? campaign.headline, texts.ask?.text ?? campaign.ask?.text]
    .filter(Boolean).join(". ").replace(/\.\./g, ".");
}

// The iframe's height: the first view's, 46em (736 px) wide, as the frame shows it where a
// blog's column is that wide or wider (the widget is no wider). The loader script then has
// nothing to resize, so the blog's text below never moves; without it (blogs that allow no
// scripts) the frame fits. Measured once per first view; 0 until the preview and the
// stylesheet are there.
let measured = { view: "", height: 0 };
function viewHeight() {
  if (!firstView || !CSS) return 0;
  if (measured.view !== firstView) {
    const box = document.createElement("div");
    box.className = "demo-measure";
    const host = document.createElement("div");
    host.attachShadow({ mode: "open" }).innerHTML = `<style>${CSS}</style>${firstView}`;
    box.append(host);
    document.body.append(box);
    measured = { view: firstView, height: box.scrollHeight };
    box.remove();
  }
  return measured.height;
}

function renderSnippets() {
  const url = $("campaign-url").value.trim();
  const lang = $("lang").value;
  // The compact layout, also in the snippet: a partner sees the choice, and can change it.
  const compact = campaign.layout === "compact";
  const layout = compact ? ' data-layout="compact"' : "";
  const noscript = `<noscript><p>${attr(noscriptAsk(lang))}\n  <a href="https://www.writetothem.com/?a=westminstermp">` +
    `${lang === "cy" ? "Ysgrifennu at eich AS drwy WriteToThem" : "Write to your MP through WriteToThem"}</a></p></noscript>`;
  // What a partner who measures their page should know before choosing the script tag
  // (scripts/bench.sh --only cls, README "The full-HTML snippet").
  const shift = "It shows once the page has painted: in the first screen of a page it pushes the text " +
    "below it down once (a layout shift); further down the page nothing in view moves. For the first " +
    "screen, use the full-HTML snippet.";
  const frameHeight = viewHeight() || (compact ? 900 : 1400);
  const snippets = [
    ["Script tag (partner sites)",
      `<script src="${attr(WIDGET_BASE)}embed.js" async data-campaign="${attr(url)}" data-lang="${lang}"${layout}></script>\n` + noscript,
      shift],
    ["Custom element",
      `<campaign-widget campaign="${attr(url)}" lang="${lang}"${compact ? ' layout="compact"' : ""}></campaign-widget>\n` +
      `<script src="${attr(WIDGET_BASE)}embed.js" async></script>`],
    ["iframe (blogs without scripts)",
      `<iframe data-campaign-widget src="${attr(WIDGET_BASE)}embed.html?campaign=${encodeURIComponent(url)}&amp;lang=${lang}` +
      `${compact ? "&amp;layout=compact" : ""}" title="Write to your MP" width="100%" height="${frameHeight}" ` +
      `loading="lazy" style="border:0;max-width:46em"></iframe>\n` +
      `<script src="${attr(WIDGET_BASE)}embed.js" async data-mount="none"></script>`],
  ];
  // The campaign in the page itself (Declarative Shadow DOM): shown from the first paint, at
  // its true size, with no request; readable by search engines; its form asks WriteToThem
  // where scripts are off. The loader makes it live.
  if (firstView && CSS) {
    snippets.push(["Full HTML (no layout shift, works without scripts)",
      `<campaign-widget data-campaign="${attr(url)}" data-lang="${lang}"${layout}><template shadowrootmode="open">` +
      `<style>${CSS}</style>${firstView}</template></campaign-widget>\n` +
      `<script src="${attr(WIDGET_BASE)}embed.js" async data-mount="none"></script>` +
      (CSS_HASH ? `\n<!-- Under a Content Security Policy, allow its style with style-src '${CSS_HASH}' -->` : "")]);
  }
  // For partners whose security review asks to pin what they paste: this release's loader,
  // checked by the browser; it checks what it fetches in turn (README, "Pinning a release").
  if (PINNED) {
    snippets.push(["Script tag pinned to this release (Subresource Integrity)",
      `<script src="${attr(WIDGET_BASE + PINNED.path)}" integrity="${attr(PINNED.integrity)}" crossorigin="anonymous" async ` +
      `data-campaign="${attr(url)}" data-lang="${lang}"${layout}></script>\n` + noscript, shift]);
  }
  $("snippets").replaceChildren(...snippets.map(([title, code, note], i) => {
    const figure = document.createElement("figure");
    figure.className = "demo-snippet";
    const caption = document.createElement("figcaption");
    caption.textContent = title;
    const pre = document.createElement("pre");
    pre.id = "snippet-" + i;
    pre.textContent = code;
    const copy = button("Copy", async () => {
      try {
        await navigator.clipboard.writeText(code);
        copy.textContent = "Copied";
      } catch {
        copy.textContent = "Select the text and copy it";
      }
    }, `Copy the ${title.toLowerCase()} snippet`);
    figure.append(caption, pre, copy);
    if (note) {
      const p = document.createElement("p");
      p.className = "demo-snippet-note";
      p.textContent = note;
      figure.append(p);
    }
    return figure;
  }));
}

function refresh() {
  const json = JSON.stringify(campaign);
  const result = JSON.parse(checkCampaign(json));
  showProblems(result);
  themeProblems();
  if (result.problems.length === 0) {
    lastGood = json;
    $("preview-note").textContent = "";
  } else {
    $("preview-note").textContent = "The preview shows the last version without problems.";
  }
  if (lastGood) renderPreview(lastGood);
  renderEmail(lastGood || json);
  renderSnippets();
}

// Offers `text` as the file `name`, through a hidden link of its own (`id`; the tests read
// its address), whose previous file is let go.
function download(id, name, text, type) {
  let link = $(id);
  if (!link) {
    link = Object.assign(document.createElement("a"), { id, hidden: true });
    document.body.append(link);
  }
  if (link.href) URL.revokeObjectURL(link.href);
  link.download = name;
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.click();
  $("import-message").textContent = `Exported ${name}.`;
}

$("export").addEventListener("click", () => {
  // The file names its schema (published beside this page), so that the campaign team's
  // editor completes and checks it.
  const { $schema: _, ...fields } = campaign;
  const schema = new URL("campaign.schema.json", document.baseURI).href;
  const text = JSON.stringify({ $schema: schema, ...fields }, null, 2) + "\n";
  download("export-link", "campaign.json", text, "application/json");
});

// The preview's first view, to host beside campaign.json (the tag names it with
// data-prerendered) or to paste (the full-HTML snippet). scripts/prerender.sh writes the same
// from a campaign file.
$("export-view").addEventListener("click", () => {
  if (!firstView) {
    $("import-message").textContent = "The preview has not rendered yet: try again in a moment.";
    return;
  }
  download("export-view-link", `campaign.${$("lang").value}.html`, firstView + "\n", "text/html");
});

$("import").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const text = await file.text();
  const result = JSON.parse(checkCampaign(text));
  if (result.syntax) {
    $("import-message").textContent = `${file.name} could not be imported. ${result.syntax.sentence}`;
    return;
  }
  // A campaign of another shape cannot be loaded into the editor's fields; one with unusable
  // values can, and shows its problems at them.
  const shape = result.problems.find((p) => p.kind === "shape");
  if (shape) {
    $("import-message").textContent = `${file.name} could not be imported. ${shape.message}`;
    return;
  }
  campaign = JSON.parse(text);
  rebuild();
  $("import-message").textContent = `Imported ${file.name}.`;
});

$("reset").addEventListener("click", () => {
  campaign = JSON.parse(defaultCampaign());
  rebuild();
  $("import-message").textContent = "Back to the default campaign.";
});

["test-mode", "test-address", "api-mode", "lang", "theme-accent", "theme-text", "theme-bg", "campaign-url"]
  .forEach((id) => $(id).addEventListener("input", schedule));

rebuild();
