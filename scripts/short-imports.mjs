// Gives the main wasm module's imports from wasm-bindgen's glue short names ("a", "b", …, "ba",
// …) in both files: wasm-bindgen names each `__wbg_NAME_HASH`, whose 16 hex digits (142 imports)
// gzip cannot shrink, once in the wasm and once in the glue.
//   node scripts/short-imports.mjs MODULE.wasm GLUE.js   (both rewritten in place)
// Only the module the glue's first import object provides (`"./campaign-widget_bg.js"`) is
// renamed; each old name must be a key of that object exactly once, or nothing is written.
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, jsPath] = process.argv.slice(2);
const MODULE = "./campaign-widget_bg.js";
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");
const fail = (why) => {
  console.error(`short-imports: ${why}`);
  process.exit(1);
};

function uleb(buf, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function encodeUleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const name = (buf, at) => {
  const [len, start] = uleb(buf, at);
  return [buf.subarray(start, start + len).toString("utf8"), start + len];
};
const encodeName = (s) => {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([encodeUleb(bytes.length), bytes]);
};
// Skips an import's description (its kind and type).
function skipDesc(buf, at) {
  const kind = buf[at++];
  if (kind === 0) return uleb(buf, at)[1]; // function: type index
  if (kind === 1) { at++; const [flags, a] = uleb(buf, at); at = uleb(buf, a)[1]; return flags & 1 ? uleb(buf, at)[1] : at; } // table
  if (kind === 2) { const [flags, a] = uleb(buf, at); at = uleb(buf, a)[1]; return flags & 1 ? uleb(buf, at)[1] : at; } // memory
  if (kind === 3) return at + 2; // global
  fail(`import kind ${kind} not known`);
}
// Short names: a…z, A…Z, then two characters and on (never a JS keyword: none is this short,
// and `do`, `if`, `in` are avoided).
const FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
const REST = FIRST + "0123456789";
const KEYWORDS = new Set(["do", "if", "in"]);
function* shortNames() {
  for (let length = 1; ; length++) {
    const build = function* (prefix) {
      if (prefix.length === length) { if (!KEYWORDS.has(prefix)) yield prefix; return; }
      for (const c of prefix ? REST : FIRST) yield* build(prefix + c);
    };
    yield* build("");
  }
}

let at = 8, out = [wasm.subarray(0, 8)], renames = new Map();
const names = shortNames();
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = uleb(wasm, at + 1);
  const end = start + size;
  if (id !== 2) { out.push(wasm.subarray(at, end)); at = end; continue; }
  let [count, p] = uleb(wasm, start);
  const parts = [encodeUleb(count)];
  for (let i = 0; i < count; i++) {
    const [module, a] = name(wasm, p);
    const [field, b] = name(wasm, a);
    const c = skipDesc(wasm, b);
    let short = field;
    if (module === MODULE) {
      if (!renames.has(field)) renames.set(field, names.next().value);
      short = renames.get(field);
    }
    parts.push(encodeName(module), encodeName(short), wasm.subarray(b, c));
    p = c;
  }
  if (p !== end) fail("import section not read to its end");
  const body = Buffer.concat(parts);
  out.push(Buffer.from([2]), encodeUleb(body.length), body);
  at = end;
}
if (!renames.size) fail(`no imports from ${MODULE}`);
for (const [long, short] of renames) {
  // A key of the import object: `        NAME: function(`, exactly once, and the name nowhere else.
  const key = new RegExp(`^(\\s+)${long.replace(/\$/g, "\\$")}(: function\\()`, "gm");
  const everywhere = js.split(long).length - 1;
  const matches = js.match(key)?.length ?? 0;
  if (matches !== 1 || everywhere !== 1)
    fail(`${long} is ${matches} import key(s), ${everywhere} occurrence(s) in ${jsPath}`);
  js = js.replace(key, (_, indent, rest) => indent + short + rest);
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
