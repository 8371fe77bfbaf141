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

// ---- seedrandom's lib/ generators (seedrandom_lib cases) ----------------------------------------
const LIB = ["alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"];
// seeds that JSON cannot write go in "seed_js" (undefined: the argument left out)
const SPECIAL = { undefined, Infinity, "-Infinity": -Infinity, NaN };
const LIB_SEEDS = [
  1, 0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 + 5, 3 * 2 ** 32 + 5, -(2 ** 40) - 3, 2 ** 53, 1.5, -0.25,
  1e21, 1e-7, "hello.", "", "1", "a", "ab", "abcdefgh", "abcdefghi", LONG, "ünïcödé😀", "a\ud800b", true, false,
  [1, "a"], { b: 2, 1: "x" }, [[[[1, 2]]]], [], {}, "undefined", "Infinity", "NaN",
];
const LIB_PATTERN = ["()", "int32", "quick", "double", "int32", "()", "double"];
// xor128 seeded 0 (or a seed whose string is empty) is all zeros: its double() never returns
// (seedrandom loops while the result is 0), so those cases call quick() instead
const stuck = (rng) => Object.values(rng.state()).every((v) => v === 0);

function libCalls(rng, n, offset) {
  const out = [];
  const zero = stuck(rng);
  for (let k = 0; k < n; k++) {
    let m = LIB_PATTERN[(offset + k) % LIB_PATTERN.length];
    if (m === "double" && zero) m = "quick";
    out.push([m, call(rng, m)]);
  }
  return out;
}

function libLabel(seed) {
  return seed === undefined || (typeof seed === "number" && !Number.isFinite(seed)) ? String(seed) : label(seed);
}

function libSeedFields(seed) {
  const special = Object.entries(SPECIAL).find(([, v]) => Object.is(v, seed));
  return special ? { seed_js: special[0] } : { seed };
}

function libCases() {
  const cases = [];
  for (const name of LIB) {
    const seeds = [...LIB_SEEDS, ...Object.values(SPECIAL)];
    for (const seed of seeds) {
      if (seed === undefined && (name === "xorshift7" || name === "xor4096")) continue; // seeded from the clock
      const rng = seedrandom[name](seed, { state: true });
      const c = libCalls(rng, 60, 0);
      cases.push({ kind: "seedrandom_lib", name: `${name}(${libLabel(seed)})`, algorithm: name, ...libSeedFields(seed), calls: c, state: rng.state() });
    }
    for (const seed of ["hello.", 7]) {
      for (const k of [0, 1, 33]) {
        const rng = seedrandom[name](seed, { state: true });
        libCalls(rng, k, 0);
        const saved = rng.state();
        const resumed = seedrandom[name](0, { state: saved });
        const c = libCalls(resumed, 40, k);
        if (JSON.stringify(c) !== JSON.stringify(libCalls(rng, 40, k))) throw new Error("resume differs");
        cases.push({ kind: "seedrandom_lib", name: `${name}(${libLabel(seed)}) resumed after ${k} calls`, algorithm: name,
          seed: 0, resume_from: saved, calls: c, state: resumed.state() });
      }
    }
  }
  // the values in seedrandom's README and test/altprng.html
  const x = seedrandom.xor4096("hello.");
  if (x() !== 0.9798525865189731 || x.double() !== 0.03583478477375346 || x.int32() !== 1341429986) {
    throw new Error("xor4096 README values");
  }
  return cases;
}

// ---- the entropy pool (seedrandom_session cases) ------------------------------------------------
// seedrandom mixes one Math.random() into its pool when it loads, and every generator's RC4 state
// into the pool when it is made; {entropy: true} seeds from [seed, pool]. A fresh copy of the module,
// loaded while Math.random returns a chosen value, makes that reproducible.
function freshSeedrandom(mathRandom) {
  const path = require.resolve("seedrandom/seedrandom.js");
  delete require.cache[path];
  const saved = Math.random;
  Math.random = () => mathRandom;
  try {
    return require(path);
  } finally {
    Math.random = saved;
  }
}

const SESSION_STEPS = [
  { seed: "hello." },
  { seed: "added entropy.", options: { entropy: true } },
  { seed: "added entropy.", options: true },
  { seed: [1, "a", { b: 2 }], options: { entropy: true, state: true } },
  { seed: "hello.", pass: true },
  { seed: "again", options: { entropy: true }, pass: true },
  { seed: undefined, options: { entropy: true } },
  { seed: "", options: { state: true } },
  { seed: "last", options: { entropy: true } },
];

function sessionCases() {
  const cases = [];
  for (const mathRandom of [0.5, 0.9282578795792454, 1e-300]) {
    const sr = freshSeedrandom(mathRandom);
    const steps = SESSION_STEPS.map((step) => {
      let shortseed;
      const options = step.options === true ? true : { ...step.options };
      if (step.pass) options.pass = (prng, seed) => { shortseed = seed; return prng; };
      const rng = sr(step.seed, options);
      const out = { ...libSeedFields(step.seed), ...step, calls: calls(rng, 12) };
      if (step.seed === undefined) delete out.seed;
      if (step.pass) out.shortseed = shortseed;
      if (rng.state) out.state = rng.state();
      return out;
    });
    cases.push({ kind: "seedrandom_session", name: `entropy pool after Math.random() = ${mathRandom}`,
      math_random: pyhex(mathRandom), steps });
  }
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
write("seedrandom_lib.json", "seedrandom_lib",
  `seedrandom ${SEEDRANDOM_VERSION} lib/ generators (alea, xor128, xorwow, xorshift7, xor4096, tychei) under node, ` +
  "and the default generator's entropy pool in fresh copies of the module",
  [...libCases(), ...sessionCases()]);
write("arc4.json", "arc4",
  `seedrandom ${SEEDRANDOM_VERSION} (node): next_uint32 = int32() >>> 0, random_raw the same, next_double = ()` +
  ", state = state(); string seeds only",
  arc4Cases());
