/**
 * Live property tests against the real seedrandom 3.0.5 (devDependency): random unicode, empty, long,
 * numeric and structured seeds; every call kind interleaved; resuming from `.state()`.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import { ARC4, compat, prng } from "../src/index.js";

const seedrandom = createRequire(import.meta.url)("seedrandom");
const CALLS = ["()", "double", "int32", "quick"];

/** A small seeded generator for the test's own choices (Math.random would not reproduce). */
function chooser(seed) {
  const rng = seedrandom(`chooser ${seed}`);
  return (n) => Math.floor(rng() * n);
}

/** A random string: code units across ASCII, Latin-1, BMP, astral pairs and lone surrogates. */
function randomString(pick, length) {
  const ranges = [[0x20, 0x7f], [0, 0x100], [0x100, 0xd800], [0xe000, 0x10000], [0xd800, 0xe000]];
  let text = "";
  while (text.length < length) {
    if (pick(6) === 0) text += String.fromCodePoint(0x10000 + pick(0x100000));
    else {
      const [lo, hi] = ranges[pick(ranges.length)];
      text += String.fromCharCode(lo + pick(hi - lo));
    }
  }
  return text;
}

function randomSeed(pick) {
  switch (pick(6)) {
    case 0: return "";
    case 1: return randomString(pick, 300 + pick(700)); // longer than the 256-byte key
    case 2: return pick(2 ** 31) * (pick(2) ? 1 : -1) / (pick(3) ? 1 : 1000);
    case 3: return [randomString(pick, 3), pick(1000), { k: randomString(pick, 2) }];
    default: return randomString(pick, 1 + pick(40));
  }
}

function call(rng, kind) {
  return kind === "()" ? rng() : rng[kind]();
}

test("compat.seedrandom equals seedrandom 3.0.5 on 200 random seeds (500 mixed calls each)", () => {
  const pick = chooser(1);
  for (let s = 0; s < 200; s++) {
    const seed = randomSeed(pick);
    const ours = compat.seedrandom(seed, { state: true });
    const theirs = seedrandom(seed, { state: true });
    for (let k = 0; k < 500; k++) {
      const kind = CALLS[pick(CALLS.length)];
      assert.ok(Object.is(call(ours, kind), call(theirs, kind)), `seed ${JSON.stringify(seed)} call ${k} ${kind}`);
    }
    assert.deepEqual(ours.state(), theirs.state());
  }
});

test("resuming from a saved state, both ways, continues identically", () => {
  const pick = chooser(2);
  for (let s = 0; s < 50; s++) {
    const seed = randomSeed(pick);
    const theirs = seedrandom(seed, { state: true });
    for (let k = pick(300); k > 0; k--) call(theirs, CALLS[pick(4)]);
    const ours = compat.seedrandom("", { state: theirs.state() });
    const again = seedrandom("", { state: ours.state() });
    for (let k = 0; k < 200; k++) {
      const kind = CALLS[pick(4)];
      const want = call(theirs, kind);
      assert.ok(Object.is(call(ours, kind), want), `resume ${s} call ${k}`);
      assert.ok(Object.is(call(again, kind), want), `re-export ${s} call ${k}`);
    }
  }
});

test("ARC4 bit generator: nextUint32 = int32() >>> 0, nextDouble = (), fills and state", () => {
  const pick = chooser(3);
  for (let s = 0; s < 30; s++) {
    const seed = randomSeed(pick);
    const gen = new ARC4(seed);
    const theirs = seedrandom(seed, { state: true });
    assert.deepEqual(gen.state.state, theirs.state());
    const words = gen.fillUint32(new Uint32Array(257));
    words.forEach((w, k) => assert.equal(w, theirs.int32() >>> 0, `word ${k}`));
    const doubles = gen.fillDouble(new Float64Array(100));
    doubles.forEach((d, k) => assert.ok(Object.is(d, theirs()), `double ${k}`));
    assert.equal(gen.nextUint32(), theirs.int32() >>> 0);
    assert.ok(Object.is(gen.nextDouble(), theirs.double()));
  }
});

test("prng(seed, {algorithm: 'arc4'}) is seedrandom's () and int32()", () => {
  const ours = prng("hello.", { algorithm: "arc4" });
  const theirs = seedrandom("hello.");
  for (let k = 0; k < 100; k++) {
    assert.equal(ours(), theirs());
    assert.equal(ours.int32(), theirs.int32());
    assert.equal(ours.quick(), theirs.quick());
  }
  const resumed = prng(undefined, { algorithm: "arc4", state: ours.state() });
  assert.equal(resumed(), ours());
});

// ---- every generator and option, against the package ----

const LIB = ["alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"];

/** A random seed of one kind (the differential tests run 10^5 of each kind through every generator). */
const SEED_KINDS = {
  int32: (pick) => pick(2 ** 32) - 2 ** 31,
  integer: (pick) => (pick(2 ** 26) * 2 ** 27 + pick(2 ** 27)) * (pick(2) ? 1 : -1),
  float: (pick) => (pick(2 ** 30) / 2 ** pick(60)) * (pick(2) ? 1 : -1),
  string: (pick) => randomString(pick, pick(12)),
  other: (pick) => [true, false, undefined, Infinity, -Infinity, NaN, [pick(9), "a"], { k: pick(9) }, -0][pick(9)],
};

for (const name of ["seedrandom", ...LIB]) {
  test(`compat.seedrandom${name === "seedrandom" ? "" : "." + name} equals the package on 10^5 seeds of each kind`, () => {
    const ours = name === "seedrandom" ? compat.seedrandom : compat.seedrandom[name];
    const theirs = name === "seedrandom" ? seedrandom : seedrandom[name];
    for (const [kind, make] of Object.entries(SEED_KINDS)) {
      const pick = chooser(`${name} ${kind}`);
      const count = name === "xor4096" || name === "xorshift7" || name === "seedrandom" ? 2 * 10 ** 4 : 10 ** 5;
      for (let s = 0; s < count; s++) {
        let seed = make(pick);
        if (seed === undefined) seed = "autoseed"; // undefined seeds from the clock or crypto
        const a = ours(seed, { state: true });
        const b = theirs(seed, { state: true });
        const kindOfCall = s % 3 === 0 ? "int32" : s % 3 === 1 ? "quick" : "()";
        assert.ok(Object.is(call(a, kindOfCall), call(b, kindOfCall)), `${kind} seed ${String(seed)} ${kindOfCall}`);
        if (s % 100 === 0) assert.deepEqual(a.state(), b.state(), `${kind} seed ${String(seed)} state`);
      }
    }
  });
}

test("the lib generators' double() and resumed states equal the package's", () => {
  const pick = chooser("lib doubles");
  for (const name of LIB) {
    for (let s = 0; s < 300; s++) {
      const seed = randomSeed(pick);
      const a = compat.seedrandom[name](seed, { state: true });
      const b = seedrandom[name](seed, { state: true });
      if (name === "xor128" && Object.values(b.state()).every((v) => v === 0)) continue; // double() never returns
      for (let k = pick(50); k > 0; k--) assert.ok(Object.is(a.double(), b.double()));
      const resumed = compat.seedrandom[name](0, { state: b.state() });
      for (let k = 0; k < 20; k++) assert.ok(Object.is(resumed.double(), b.double()), `${name} resumed`);
      assert.equal("state" in compat.seedrandom[name](seed), "state" in seedrandom[name](seed));
    }
  }
});

/** A fresh copy of the package, loaded while Math.random() returns `value` (its entropy pool's start). */
function freshPackage(value) {
  const require = createRequire(import.meta.url);
  const file = require.resolve("seedrandom/seedrandom.js");
  delete require.cache[file];
  const saved = Math.random;
  Math.random = () => value;
  try {
    return require(file);
  } finally {
    Math.random = saved;
  }
}

test("entropy, the legacy `true`, pass and callbacks: the same pool, generators and shortseeds", () => {
  const pick = chooser("pool");
  for (let session = 0; session < 200; session++) {
    const start = pick(2 ** 30) / 2 ** 30;
    const ours = compat.loadSeedrandom(start);
    const theirs = freshPackage(start);
    for (let step = pick(15); step > 0; step--) {
      const seed = pick(5) === 0 ? undefined : randomSeed(pick);
      const entropy = seed === undefined || pick(2) === 0;
      const options = entropy && pick(3) === 0 ? true : { entropy };
      const via = pick(3); // 0: returned generator, 1: pass, 2: the legacy callback
      const grab = (p, short, global, state) => ({ p, short, global, state });
      const run = (sr) => (via === 0 ? { p: sr(seed, options) } : via === 1
        ? sr(seed, { ...(options === true ? { entropy: true } : options), pass: grab, global: "g" })
        : sr(seed, options, grab));
      const a = run(ours), b = run(theirs);
      assert.equal(a.short, b.short);
      assert.equal(a.global, b.global);
      for (let k = 0; k < 5; k++) assert.ok(Object.is(a.p(), b.p()), `session ${session}`);
    }
  }
});

test("global: Math.random replaced by seedrandom(seed, {global}) and by Math.seedrandom(seed)", () => {
  const original = Math.random;
  try {
    assert.equal(compat.seedrandom("hello.", { global: true }), "hello.");
    assert.equal(Math.random(), 0.9282578795792454);
    Math.seedrandom = compat.seedrandom;
    assert.equal(Math.seedrandom("hello."), "hello.");
    assert.equal(Math.random(), 0.9282578795792454);
    const made = new Math.seedrandom("hello.");
    assert.equal(typeof made, "function");
    assert.equal(made(), 0.9282578795792454);
    assert.equal(Math.seedrandom().length, 256); // autoseeded: the 256-character short seed
  } finally {
    Math.random = original;
    delete Math.seedrandom;
  }
});

test("autoseeds differ; the shortseed given to pass reproduces the stream; no crypto falls back", () => {
  const obj = compat.seedrandom(null, { pass: (p, seed) => ({ p, seed }) });
  assert.equal(obj.p(), compat.seedrandom(obj.seed)());
  assert.notEqual(compat.seedrandom()(), compat.seedrandom()());
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
  try {
    const r = compat.seedrandom()();
    assert.ok(r >= 0 && r < 1);
  } finally {
    Object.defineProperty(globalThis, "crypto", descriptor);
  }
});
