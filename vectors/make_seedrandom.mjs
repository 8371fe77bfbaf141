// Write seedrandom.json and arc4.json from the seedrandom npm package (version pinned in
// vectors/package.json / package-lock.json; it is a devDependency of these scripts only).
//
//   cd vectors && npm ci && node make_seedrandom.mjs
//
// Doubles are written as Python float.hex() strings, built from the IEEE-754 bits (DataView), so
// they are exact. Deterministic: every generator is seeded explicitly (no autoseed, no entropy pool).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const seedrandom = require("seedrandom");
const SEEDRANDOM_VERSION = JSON.parse(
  readFileSync(new URL("./node_modules/seedrandom/package.json", import.meta.url)),
).version;
const VERSIONS = { node: process.versions.node, seedrandom: SEEDRANDOM_VERSION };

// ---- float.hex -------------------------------------------------------------------------------
function pyhex(x) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const bits = dv.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  let exp = Number((bits >> 52n) & 0x7ffn);
  const man = bits & ((1n << 52n) - 1n);
  if (exp === 0x7ff) throw new Error("no inf/nan here");
  if (exp === 0 && man === 0n) return `${sign}0x0.0p+0`;
  let lead = 1;
  if (exp === 0) { lead = 0; exp = -1022; } else { exp -= 1023; }
  const s = `${sign}0x${lead}.${man.toString(16).padStart(13, "0")}p${exp >= 0 ? "+" : ""}${exp}`;
  if (fromhex(s) !== x) throw new Error(`pyhex round trip failed for ${x}`);
  return s;
}

// independent parser, only to check pyhex
function fromhex(s) {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(s);
  const v = (Number(m[2]) + parseInt(m[3], 16) / 2 ** (4 * m[3].length)) * 2 ** Number(m[4]);
  return m[1] ? -v : v;
}

// ---- seeds -----------------------------------------------------------------------------------
const LONG = "The quick brown fox jumps over the lazy dog. ".repeat(9).slice(0, 400);
const STRING_SEEDS = [
  "hello.", "hello", "", LONG, "ünïcödé😀", "𝒳𝒴𝒵 astral", "a\ud800b", "Ā€ BMP > 255",
  "1", "42", "ab", "abab",
];
const OTHER_SEEDS = [
  1, 0, 1.5, -3, 1e21, 0.1, 1e-7, 2 ** 53, 123456789012, true,
  [[1, "a"], { b: 2 }], [], {}, { b: 2, 1: "x" }, [[[[1, 2]]]], ["hello."],
];
const PATTERN = ["()", "int32", "quick", "double", "int32", "()", "quick"];

function call(rng, method) {
  switch (method) {
    case "()": return pyhex(rng());
    case "int32": return rng.int32();
    case "quick": return pyhex(rng.quick());
    case "double": return pyhex(rng.double());
    default: throw new Error(method);
  }
}

function calls(rng, n, offset = 0) {
  const out = [];
  for (let k = 0; k < n; k++) {
    const m = PATTERN[(offset + k) % PATTERN.length];
    out.push([m, call(rng, m)]);
  }
  return out;
}

function label(seed) {
  const s = JSON.stringify(seed);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

// ---- seedrandom.json -------------------------------------------------------------------------
function seedrandomCases() {
  const cases = [];
  for (const seed of [...STRING_SEEDS, ...OTHER_SEEDS]) {
    const rng = seedrandom(seed, { state: true });
    const c = calls(rng, 240);
    cases.push({ kind: "seedrandom", name: `seedrandom(${label(seed)})`, seed, calls: c, state: rng.state() });
  }
  for (const seed of ["hello.", 1, "", LONG]) {
    for (const k of [0, 1, 37, 240]) {
      const rng = seedrandom(seed, { state: true });
      calls(rng, k);
      const saved = rng.state();
      const resumed = seedrandom("", { state: saved });
      const c = calls(resumed, 50, k);
      if (JSON.stringify(c) !== JSON.stringify(calls(rng, 50, k))) throw new Error("resume differs");
      cases.push({
        kind: "seedrandom", name: `seedrandom(${label(seed)}) resumed after ${k} calls`,
        resume_from: saved, calls: c, state: resumed.state(),
      });
    }
  }
  // the values published in seedrandom's README for "hello." (one continuing generator)
  const r = seedrandom("hello.");
  if (r() !== 0.9282578795792454 || r() !== 0.3752569768646784) throw new Error("README values");
  return cases;
}

// ---- arc4.json -------------------------------------------------------------------------------
const arc4State = (st) => ({ bit_generator: "ARC4", state: st });

function arc4Cases() {
  const cases = [];
  for (const seed of STRING_SEEDS) {
    const rng = seedrandom(seed, { state: true });
    const ops = [{ op: "state", expect: arc4State(rng.state()) }];
    const u32 = [];
    for (let k = 0; k < 1000; k++) u32.push(rng.int32() >>> 0);
    ops.push({ op: "next_uint32", n: 1000, expect: u32 });
    ops.push({ op: "state", expect: arc4State(rng.state()) });
    const raw = [];
    for (let k = 0; k < 5; k++) raw.push(String(rng.int32() >>> 0));
    ops.push({ op: "random_raw", n: 5, expect: raw });
    ops.push({ op: "state", expect: arc4State(rng.state()) });
    cases.push({ kind: "bitgen", name: `ARC4 ${label(seed)} next_uint32`, make: { class: "ARC4", seed }, ops });

    const fresh = seedrandom(seed);
    const dbl = [];
    for (let k = 0; k < 200; k++) dbl.push(pyhex(fresh()));
    cases.push({
      kind: "bitgen", name: `ARC4 ${label(seed)} next_double`, make: { class: "ARC4", seed },
      ops: [{ op: "next_double", n: 200, expect: dbl }],
    });
  }
  // set_state: an ARC4("hello") generator takes "hello."'s state after 10 int32() calls
  const donor = seedrandom("hello.", { state: true });
  for (let k = 0; k < 10; k++) donor.int32();
  const st = arc4State(donor.state());
  const first = seedrandom("hello");
  const before = [first.int32() >>> 0, first.int32() >>> 0];
  const after = [];
  for (let k = 0; k < 20; k++) after.push(donor.int32() >>> 0);
  cases.push({
    kind: "bitgen", name: "ARC4 set_state from another seed", make: { class: "ARC4", seed: "hello" },
    ops: [
      { op: "next_uint32", n: 2, expect: before },
      { op: "set_state", state: st }, { op: "state", expect: st },
      { op: "next_uint32", n: 20, expect: after },
    ],
  });
  return cases;
}

// ---- writing (same layout as vecjson.write) --------------------------------------------------
function write(name, family, source, cases) {
  const names = new Set(cases.map((c) => c.name));
  if (names.size !== cases.length) throw new Error(`duplicate case names in ${name}`);
  const head = { family, generated_by: "vectors/make_seedrandom.mjs", versions: VERSIONS, source };
  const lines = ["{"];
  for (const [k, v] of Object.entries(head)) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push('  "cases": [');
  lines.push(cases.map((c) => `    ${JSON.stringify(c)}`).join(",\n"));
  lines.push("  ]", "}");
  const text = lines.join("\n") + "\n";
  JSON.parse(text);
  writeFileSync(new URL(`./${name}`, import.meta.url), text);
  console.error(`${name}: ${cases.length} cases, ${Buffer.byteLength(text)} bytes`);
}

write("seedrandom.json", "seedrandom",
  `seedrandom ${SEEDRANDOM_VERSION} default (ARC4) generator under node: (), int32(), quick(), double(), state()`,
  seedrandomCases());
write("arc4.json", "arc4",
  `seedrandom ${SEEDRANDOM_VERSION} (node): next_uint32 = int32() >>> 0, random_raw the same, next_double = ()` +
  ", state = state(); string seeds only",
  arc4Cases());
