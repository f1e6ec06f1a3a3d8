/* Campaign widget loader. Partners add:
 *   <script src="https://CDN/embed.js" async data-campaign="https://…/campaign.json"></script>
 * It registers <campaign-widget>, mounts one widget after this tag (or into data-target),
 * loads the wasm bundle from next to itself only when a widget nears the viewport (the bundle
 * then fetches its other modules, the lookup and the letter step, from beside itself while the
 * supporter types), and sizes iframe embeds (embed.html) from their postMessages. Its one
 * global is window.CampaignWidget.
 * Every file it fetches has a content hash in its name (scripts/build.sh writes them into
 * FILES), so a page always runs the build whose loader it loaded, however deploys and caches
 * interleave; the file's Subresource Integrity hash is checked where the platform allows. */
(() => {
  "use strict";
  const NAME = "campaign-widget";
  const PREFIX = "[" + NAME + "]";
  const EVENTS = ["ready", "mp-found", "email-opened", "sent", "error"];
  const ns = (window.CampaignWidget = window.CampaignWidget || {});
  const script = document.currentScript;
  // This build's files, [name, integrity] of each. As written here, the development build's
  // (trunk serve: plain names, nothing to check, no prerendered views: a placeholder shows
  // until the wasm mounts); scripts/build.sh replaces the next line with content-hashed names
  // and their hashes, and adds the built-in campaign's prerendered first views (view-LANG and
  // view-LANG-compact) and the lookup's module (lookup).
  const FILES = { js: ["campaign-widget.js", ""], wasm: ["campaign-widget_bg.wasm", ""], css: ["widget.css", ""], cy: ["cy.json", ""] };
  // They sit beside the loader, or two folders up from its pinned copy, v/VERSION/embed.js.
  const src = (script && script.src) || location.href;
  const base = new URL(/\/v\/[^/]+\/embed\.js$/.test(new URL(src).pathname) ? "../../" : ".", src).href;
  const url = (file) => base + FILES[file][0];
  const check = (file) => ({ integrity: FILES[file][1] });
  let bundle;

  // The glue is a module, and import() takes no integrity: a modulepreload link with it fetches
  // and checks the glue first, and import() then finds that checked module (or its failure).
  // Where modulepreload is unknown (Safari before 17), the glue's content-hashed name stands.
  // The link leaves the host page's <head> once it has done its work (the module stays loaded).
  const preload = () =>
    new Promise((done, fail) => {
      const end = (then) => (event) => (link.remove(), then(event));
      const link = Object.assign(document.createElement("link"), {
        rel: "modulepreload", href: url("js"), integrity: FILES.js[1], crossOrigin: "anonymous",
        onload: end(done), onerror: end(fail) });
      FILES.js[1] && link.relList.supports("modulepreload") ? document.head.append(link) : done();
    });
  // The wasm is fetched here, checked, and handed to the glue.
  const load = () =>
    (bundle = bundle || preload().then(() => import(url("js"))).then((m) =>
      m.default({ module_or_path: fetch(url("wasm"), check("wasm")) }).then(() => m)));
  // Welsh words are a file of their own, fetched beside the bundle for Welsh widgets only
  // (without it they speak English).
  let welsh;
  const cy = () =>
    (welsh = welsh || fetch(url("cy"), check("cy")).then((r) => (r.ok ? r.text() : "")).catch(() => ""));
  // The stylesheet link, checked when there is a hash (then fetched with CORS).
  const styles = (link) => {
    link.rel = "stylesheet";
    link.href = url("css");
    if (FILES.css[1]) {
      link.integrity = FILES.css[1];
      link.crossOrigin = "anonymous";
    }
    return link;
  };

  // Its two sentences, in the widget's language (data-lang, lang, else the page's).
  const WORDS = {
    en: ["This campaign widget could not load. Please try again later.",
      "This browser is too old to run this campaign tool, but you can still write to your MP.",
      "Write to your MP through WriteToThem"],
    cy: ["Nid oedd modd llwytho\u2019r teclyn ymgyrch hwn. Rhowch gynnig arall arni yn nes ymlaen.",
      "Mae\u2019r porwr hwn yn rhy hen i redeg yr offeryn ymgyrch hwn, ond gallwch ysgrifennu at eich AS o hyd.",
      "Ysgrifennu at eich AS drwy WriteToThem"],
  };
  // An attribute as data-NAME (script tag, element) or NAME (the custom element), as mount.rs reads it.
  const attr = (el, name) => el.getAttribute("data-" + name) || el.getAttribute(name);
  const words = (el) => {
    const tag = attr(el, "lang") || document.documentElement.lang;
    return WORDS[String(tag).slice(0, 2).toLowerCase() === "cy" ? "cy" : "en"];
  };
  // The wasm needs sign-extension, saturating float-to-int, bulk memory, reference types and
  // multi-value: this 51-byte module uses each of them, so it validates only where ours runs.
  const CAN_RUN = "AGFzbQEAAAABBgFgAAJ/fwMCAQAFAwEAAQoYARYAQQBBAEEA/AsA0HDRwEMAAAAA/AAL";
  const supported = () => {
    try {
      return WebAssembly.validate(Uint8Array.from(atob(CAN_RUN), (c) => c.charCodeAt(0)));
    } catch (error) {
      return false;
    }
  };

  // The prerendered first view: its form works at once (a real form: without the wasm it asks
  // WriteToThem). Find your MP before the wasm is there is held, shown as working, and carried
  // out once by the live view (mount.rs, take_over). Returns how to let the form go again.
  const hold = (view) => {
    const form = view.querySelector("form");
    const status = view.querySelector(".cw-status");
    // The supporter is at the field before the wasm: the lookup's module (which the live view
    // would fetch when idle) comes now, beside the wasm, into the HTTP cache.
    let ahead = FILES.lookup;
    const warm = () => ahead && (ahead = 0, fetch(url("lookup"), check("lookup")).catch(() => 0));
    ["focusin", "input"].forEach((type) => view.addEventListener(type, warm));
    const held = (event) => {
      warm();
      event.preventDefault();
      form.setAttribute("data-cw-pending-submit", "");
      if (status) status.textContent = status.getAttribute("data-finding");
    };
    form && form.addEventListener("submit", held);
    return (why) => {
      form && form.removeEventListener("submit", held);
      if (status) status.textContent = why;
    };
  };

  // Shows the prerendered view FILE (a URL, fetched with CHECK) in ROOT once it and the
  // stylesheet LINK are there: at its true size at once, styled. Resolves to the view; fails
  // (and says so in the console) where it cannot be shown: then the placeholder.
  const show = (root, link, file, check) =>
    Promise.all([
      fetch(file, check).then((r) => (r.ok ? r.text() : Promise.reject(r.status))),
      new Promise((done) => (link.onload = link.onerror = done)),
    ]).then(([html]) => {
      const t = document.createElement("template");
      t.innerHTML = html;
      // Markup only: nothing in it runs.
      for (const e of t.content.querySelectorAll("*"))
        if (/^(script|iframe|object|embed)$/i.test(e.localName)) e.remove();
        else for (const a of [...e.attributes])
          if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) e.removeAttribute(a.name);
      const view = t.content.firstElementChild;
      if (!view || !view.hasAttribute("data-cw-prerendered")) throw file;
      root.append(view);
      return view;
    }).catch((error) => {
      console.error(PREFIX, "no prerendered view from " + file, error);
      throw error;
    });

  // The wasm (and the Welsh words) on their way at once; what to show waits for the view.
  const start = (el, run) => {
    const say = words(el);
    const can = supported();
    const loaded = can && Promise.all([load(), say === WORDS.cy && cy()]);
    Promise.resolve(run.shown).then(() => {
      const box = run.box;
      if (!can) {
        // Still a way to write: WriteToThem works in any browser (the prerender's form asks it).
        if (run.free) return run.free(say[1]);
        const text = document.createElement("p");
        const link = document.createElement("a");
        text.textContent = say[1];
        link.href = "https://www.writetothem.com/?a=westminstermp";
        link.textContent = say[2];
        box.className = "cw-frame cw-unsupported";
        box.removeAttribute("aria-busy");
        box.append(text, link);
        return;
      }
      loaded.then(
        // Unless disconnectedCallback has ended this run meanwhile: mount, keeping the way out.
        ([m, text]) => {
          if (text) m.installWelsh(text);
          if (el.cw === run) run.end = m.mountElement(el, url("css"), FILES.css[1]);
        },
        (error) => {
          console.error(PREFIX, "could not load from " + base, error);
          if (run.free) return run.free(say[0]);
          box.removeAttribute("aria-busy");
          box.textContent = say[0];
        });
    });
  };

  if (!customElements.get(NAME)) {
    customElements.define(NAME, class extends HTMLElement {
      connectedCallback() {
        // Moved within one task, it is still mounted (see disconnectedCallback).
        if (this.cw) return;
        const root = this.shadowRoot || this.attachShadow({ mode: "open" });
        // Fetch the wasm only when the widget comes near the viewport. The observer stands
        // for this run of the element (this.cw), and keeps the way to unmount (end); `shown`:
        // the prerendered view on its way, `free`: how to let its form go, `box`: a placeholder.
        const seen = (this.cw = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            seen.disconnect();
            start(this, seen);
          }
        }, { rootMargin: "600px 0px" }));
        const placeholder = () => {
          const box = (seen.box = document.createElement("div"));
          box.className = "cw-frame cw-placeholder";
          box.setAttribute("aria-busy", "true");
          root.append(box);
        };
        const adopt = (view) => (seen.free = hold(view));
        // The page carries the first view (Declarative Shadow DOM): kept as it is.
        const view = root.querySelector("[data-cw-prerendered]");
        if (view) adopt(view);
        else {
          const link = styles(document.createElement("link"));
          root.textContent = "";
          root.append(link);
          // The built-in campaign's prerendered view in the widget's language and layout, or
          // the campaign team's (data-prerendered); else a placeholder until the wasm mounts.
          const own = attr(this, "prerendered");
          const key = "view-" + (words(this) === WORDS.cy ? "cy" : "en") + (attr(this, "layout") === "compact" ? "-compact" : "");
          const file = own ? new URL(own, location.href).href
            : !attr(this, "campaign") && !this.querySelector("script") && FILES[key] && url(key);
          if (file) seen.shown = show(root, link, file, own ? {} : check(key)).then(adopt, placeholder);
          else placeholder();
        }
        seen.observe(this);
      }

      // Off the page: unmount the widget and free all it holds (after this task, and never
      // from inside the wasm: an element moved elsewhere meanwhile stays as it is). Put back,
      // it mounts again.
      disconnectedCallback() {
        queueMicrotask(() => {
          const run = this.cw;
          if (run && !this.isConnected) {
            this.cw = 0;
            run.disconnect();
            run.end && run.end();
          }
        });
      }
    });
  }

  const widget = (attrs) => {
    const el = document.createElement(NAME);
    attrs.forEach(([name, value]) => el.setAttribute("data-" + name, value));
    return el;
  };
  const post = (message) => parent.postMessage(message, "*");

  if (document.documentElement.hasAttribute("data-" + NAME + "-frame")) {
    // Inside embed.html: settings come from the query string; report height and events.
    // (The body's height, not the page's: that is never less than the frame, which could then
    // grow but never shrink, as to a compact widget or a closed disclosure.) Only the height of
    // a view (or of the loader's message), never of the steps before it (nothing yet, the busy
    // placeholder, the live view waiting for its styles): the frame keeps the snippet's height
    // until the view is there, and a snippet as tall as the view (the demo page's) is then
    // never resized.
    const el = widget([...new URLSearchParams(location.search)]);
    document.body.style.margin = "0";
    document.body.append(el);
    new ResizeObserver(() => {
      const frame = el.shadowRoot && el.shadowRoot.querySelector(".cw-frame");
      if (frame && !frame.hidden && !frame.hasAttribute("aria-busy"))
        post({ type: NAME + ":height", height: document.body.scrollHeight });
    }).observe(document.body);
    EVENTS.forEach((name) =>
      document.addEventListener(NAME + ":" + name, (e) => post({ type: e.type, detail: e.detail })));
    return;
  }

  if (script && script.dataset.mount !== "none") {
    const el = widget([...script.attributes]
      .filter((a) => /^data-/.test(a.name) && !/^data-(target|mount)$/.test(a.name))
      .map((a) => [a.name.slice(5), a.value]));
    const target = script.dataset.target;
    if (target) {
      const host = document.querySelector(target);
      if (host) host.append(el);
      else console.error(PREFIX, "data-target " + target + " matches no element");
    } else if (document.body && document.body.contains(script)) {
      script.after(el);
    }
  }

  if (!ns.listening) {
    // Iframe embeds report height and events; a message counts only from its frame's origin.
    ns.listening = true;
    addEventListener("message", (e) => {
      const data = e.data;
      if (!data || !String(data.type).startsWith(NAME + ":")) return;
      for (const frame of document.querySelectorAll("iframe[data-" + NAME + "]")) {
        if (frame.contentWindow !== e.source || new URL(frame.src, location.href).origin !== e.origin) continue;
        if (data.type === NAME + ":height") frame.style.height = Math.ceil(+data.height || 0) + "px";
        else if (EVENTS.includes(data.type.slice(NAME.length + 1)))
          frame.dispatchEvent(new CustomEvent(data.type, { bubbles: true, detail: data.detail }));
      }
    });
  }
})();
