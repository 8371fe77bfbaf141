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
    const ours = compat.seedrandom(seed);
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
