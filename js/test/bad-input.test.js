/**
 * Bad input: every constructor, method and state setter rejects wrong arguments with a TypeError or
 * RangeError naming the argument, and a failed `state =` leaves the generator unchanged.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import * as prng from "../src/index.js";

/** Asserts that `fn` throws `type` with a message that mentions `name`. */
function rejects(fn, type, name) {
  assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
}

const BAD_SEEDS = [
  [-1, RangeError], [1.5, TypeError], [NaN, TypeError], [Infinity, TypeError], [2 ** 60, TypeError],
  ["5", TypeError], [{}, TypeError], [[1, -2], RangeError], [[1, 0.5], TypeError], [-1n, RangeError],
];

for (const name of ["PCG64", "PCG64DXSM", "MT19937", "Philox", "Philox4x32", "SFC64", "Threefry", "Threefry2x32"]) {
  test(`${name}: bad seeds`, () => {
    for (const [seed, type] of BAD_SEEDS) rejects(() => new prng[name](seed), type, "seed");
  });
}

test("SeedSequence: bad entropy, spawnKey, poolSize, dtype, n", () => {
  for (const [seed, type] of BAD_SEEDS) rejects(() => new prng.SeedSequence(seed), type, "entropy");
  rejects(() => new prng.SeedSequence(1, { spawnKey: 3 }), TypeError, "spawnKey");
  rejects(() => new prng.SeedSequence(1, { spawnKey: [-1] }), RangeError, "spawnKey");
  rejects(() => new prng.SeedSequence(1, { poolSize: 3 }), RangeError, "poolSize");
  rejects(() => new prng.SeedSequence(1, { poolSize: 4.5 }), RangeError, "poolSize");
  rejects(() => new prng.SeedSequence(1).generateState(2, "int64"), RangeError, "dtype");
  rejects(() => new prng.SeedSequence(1).generateState(-1), RangeError, "n");
  rejects(() => new prng.SeedSequence(1).spawn(1.5), RangeError, "n");
});

test("seeds beyond range", () => {
  rejects(() => prng.MT19937.fromGenrand(2 ** 32), RangeError, "seed");
  rejects(() => prng.MT19937.fromGenrand(-1), RangeError, "seed");
  rejects(() => prng.MT19937.fromArray([]), RangeError, "words");
  rejects(() => prng.MT19937.fromArray([2 ** 32]), RangeError, "words[0]");
  rejects(() => prng.MT19937.fromArray(5), TypeError, "words");
  rejects(() => new prng.Philox(undefined, { key: 1n << 128n }), RangeError, "key");
  rejects(() => new prng.Philox(undefined, { key: [1n, 1n << 64n] }), RangeError, "key[1]");
  rejects(() => new prng.Philox(undefined, { key: 1, counter: 1n << 256n }), RangeError, "counter");
  rejects(() => new prng.Philox(1, { key: 1 }), TypeError, "key");
  rejects(() => new prng.Philox4x32(undefined, { key: 1n << 64n }), RangeError, "key");
  rejects(() => new prng.Philox4x32(undefined, { key: 1, counter: [1, 2, 3] }), RangeError, "counter");
  rejects(() => new prng.Threefry(undefined, { key: 1n << 256n }), RangeError, "key");
  rejects(() => new prng.Threefry2x32(undefined, { key: 1, counter: [1, 2, 3] }), RangeError, "counter");
  rejects(() => new prng.Threefry2x32(1, { key: 1 }), TypeError, "key");
  rejects(() => new prng.Threefry(1).advance(0.5), TypeError, "delta");
  rejects(() => new prng.Threefry2x32(1).jumped(-1), RangeError, "jumps");
  rejects(() => new prng.MiddleSquareWeyl(2), RangeError, "seed");
  rejects(() => new prng.MiddleSquareWeyl(1n << 64n), RangeError, "seed");
  rejects(() => new prng.MidSquare(10000), RangeError, "seed");
  rejects(() => new prng.MidSquare(1, { digits: 3 }), RangeError, "digits");
  rejects(() => new prng.MidSquare(1, { digits: 20 }), RangeError, "digits");
  rejects(() => new prng.MidSquare(1, { digits: 10 }).nextUint32(), RangeError, "digits");
  rejects(() => new prng.ARC4(), TypeError, "seed");
  rejects(() => prng.prng(1, { algorithm: "xorshift" }), RangeError, "algorithm");
});

test("method arguments", () => {
  const gen = new prng.PCG64(0);
  rejects(() => gen.randomRaw(-1), RangeError, "n");
  rejects(() => gen.randomRaw(NaN), RangeError, "n");
  rejects(() => gen.fillUint32(new Float64Array(2)), TypeError, "out");
  rejects(() => gen.fillDouble([0]), TypeError, "out");
  rejects(() => gen.advance(0.5), TypeError, "delta");
  rejects(() => gen.jumped(-1), RangeError, "jumps");
  rejects(() => new prng.MT19937(0).fillUint32(new Int32Array(2)), TypeError, "out");
});

/** One valid portable state per class, and ways to break it. */
const GENERATORS = {
  PCG64: () => new prng.PCG64(1),
  PCG64DXSM: () => new prng.PCG64DXSM(1),
  MT19937: () => new prng.MT19937(1),
  Philox: () => new prng.Philox(1),
  Philox4x32: () => new prng.Philox4x32(1),
  SFC64: () => new prng.SFC64(1),
  Threefry: () => new prng.Threefry(1),
  Threefry2x32: () => new prng.Threefry2x32(1),
  MidSquare: () => new prng.MidSquare(1234),
  MiddleSquareWeyl: () => new prng.MiddleSquareWeyl(0xb5ad4eceda1ce2a9n),
  ARC4: () => new prng.ARC4("hello."),
};

/** Bad variants of a valid state `s`: [description, state, error type]. */
function badStates(name, s) {
  const inner = s.state;
  const firstKey = Object.keys(inner)[0];
  const variants = [
    ["null", null, TypeError],
    ["an array", [], TypeError],
    ["wrong algorithm", { ...s, bit_generator: name === "PCG64" ? "MT19937" : "PCG64" }, RangeError],
    ["missing state", { bit_generator: name }, TypeError],
    [`missing state.${firstKey}`, { ...s, state: { ...inner, [firstKey]: undefined } }, TypeError],
  ];
  delete variants[4][1].state[firstKey];
  const arrays = Object.entries(inner).filter(([, v]) => Array.isArray(v));
  for (const [key, value] of arrays) {
    variants.push([`short state.${key}`, { ...s, state: { ...inner, [key]: value.slice(1) } }, RangeError]);
    variants.push([`negative state.${key}[0]`, { ...s, state: { ...inner, [key]: [-1, ...value.slice(1)] } }, RangeError]);
  }
  for (const [key, value] of Object.entries(inner).filter(([, v]) => typeof v === "string")) {
    variants.push([`non-decimal state.${key}`, { ...s, state: { ...inner, [key]: value + "x" } }, TypeError]);
    variants.push([`huge state.${key}`, { ...s, state: { ...inner, [key]: "9".repeat(60) } }, RangeError]);
  }
  if ("has_uint32" in s) variants.push(["has_uint32 = 2", { ...s, has_uint32: 2 }, RangeError]);
  if ("buffer_pos" in s) variants.push(["buffer_pos = 5", { ...s, buffer_pos: 5 }, RangeError]);
  return variants;
}

for (const [name, make] of Object.entries(GENERATORS)) {
  test(`${name}: a bad state is rejected and leaves the generator unchanged`, () => {
    const gen = make();
    gen.nextUint32();
    const before = gen.state;
    for (const [what, bad, type] of badStates(name, before)) {
      assert.throws(() => { gen.state = bad; }, type, `${name}: ${what}`);
      assert.deepEqual(gen.state, before, `${name}: ${what} changed the generator`);
    }
    const reference = make();
    reference.nextUint32();
    assert.equal(gen.nextUint32(), reference.nextUint32());
  });
}

test("MT19937 state pos out of range, ARC4 S not a permutation", () => {
  const mt = new prng.MT19937(0);
  const s = mt.state;
  assert.throws(() => { mt.state = { ...s, state: { ...s.state, pos: 625 } }; }, RangeError);
  const arc = new prng.ARC4("x");
  const a = arc.state;
  assert.throws(() => { arc.state = { ...a, state: { ...a.state, S: Array(256).fill(0) } }; }, RangeError);
  assert.deepEqual(arc.state, a);
});
