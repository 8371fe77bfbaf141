/**
 * compat.jax beyond the vector replay (vectors.test.js replays vectors/jax.json, recorded from jax):
 * its tie to the Threefry2x32 bit generator, 64-bit randint's limb arithmetic against a BigInt oracle
 * over many ranges, invariants, and bad input.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { compat, Threefry2x32 } from "../src/index.js";

const jax = compat.jax;

/** Asserts that `fn` throws `type` with a message that mentions `name`. */
function rejects(fn, type, name) {
  assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
}

/** A small deterministic stream of uint32 values for test inputs (not under test). */
function* words(seed) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    yield x;
  }
}

test("foldIn(key, d) is the Threefry2x32 block of the counter (0, d) (the bit generator adds 1 first)", () => {
  const w = words(1);
  for (let k = 0; k < 200; k++) {
    const key = Uint32Array.of(w.next().value, w.next().value);
    const data = w.next().value;
    const counter = data === 0 ? 2n ** 64n - 1n : (BigInt(data) << 32n) - 1n;
    const gen = new Threefry2x32(undefined, { key: Array.from(key), counter });
    assert.deepEqual(Array.from(jax.foldIn(key, data)), [gen.nextUint32(), gen.nextUint32()]);
  }
});

/** jax's _randint in BigInt: ((hi % s) * (2**64 % s) + lo % s) % s, all mod 2**64, x % 0 = x. */
function randint64Oracle(key, n, low, high, signed) {
  const [min, max] = signed ? [-(2n ** 63n), 2n ** 63n - 1n] : [0n, 2n ** 64n - 1n];
  const clip = (v) => (v < min ? min : v > max ? max : v);
  const M = 2n ** 64n;
  let span = clip(high) <= clip(low) ? 1n : (clip(high) - clip(low)) % M;
  if (high > max && high > low) span = (span + 1n) % M;
  const rem = (a, s) => (s === 0n ? a : a % s);
  const keys = jax.split(key, 2);
  const hi = jax.bits(keys.subarray(0, 2), [n], { dtype: "uint64" });
  const lo = jax.bits(keys.subarray(2, 4), [n], { dtype: "uint64" });
  const m = rem((rem(2n ** 32n, span) ** 2n) % M, span);
  return Array.from(hi, (h, i) => {
    const offset = rem((rem(h, span) * m + rem(lo[i], span)) % M, span);
    const value = (((clip(low) % M) + M) % M + offset) % M;
    return signed ? BigInt.asIntN(64, value) : value;
  });
}

test("64-bit randint's limb arithmetic equals a BigInt oracle over many ranges", () => {
  const w = words(2);
  const big = () => (BigInt(w.next().value) << 32n) | BigInt(w.next().value);
  for (let k = 0; k < 300; k++) {
    const key = Uint32Array.of(w.next().value, w.next().value);
    const signed = k % 2 === 0;
    const shift = BigInt(k % 64);
    let low = big() >> shift, high = low + (big() >> BigInt((k * 7) % 64));
    if (signed) {
      low -= 2n ** 63n >> shift;
      high -= 2n ** 63n >> shift;
    }
    if (!signed && high > 2n ** 64n) high = 2n ** 64n;
    if (signed && high > 2n ** 63n) high = 2n ** 63n;
    const dtype = signed ? "int64" : "uint64";
    const got = jax.randint(key, [5], { minval: low, maxval: high, dtype });
    assert.deepEqual(Array.from(got), randint64Oracle(key, 5, low, high, signed), `${dtype} [${low}, ${high})`);
  }
});

test("samplers stay in their ranges; permutations and choices are well formed", () => {
  const key = jax.PRNGKey(3);
  const u = jax.uniform(key, [2000], { minval: -2, maxval: 3 });
  assert.ok(u.every((v) => v >= -2 && v < 3));
  const t = jax.truncatedNormal(key, [2000], { lower: -0.5, upper: 1.25 });
  assert.ok(t.every((v) => v > -0.5 && v < 1.25));
  assert.ok(jax.exponential(key, [2000]).every((v) => v >= 0 && Number.isFinite(v)));
  assert.deepEqual(Array.from(jax.permutation(key, 500)).sort((a, b) => a - b), Array.from({ length: 500 }, (_, i) => i));
  assert.equal(new Set(jax.choice(key, 50, [7, 3], { replace: false })).size, 21);
  assert.deepEqual(Array.from(jax.bernoulli(key, [4], { p: 0 })), [0, 0, 0, 0]);
  assert.deepEqual(Array.from(jax.bernoulli(key, [4], { p: 1 })), [1, 1, 1, 1]);
  assert.deepEqual(Array.from(jax.split(key, [2, 3])), Array.from(jax.split(key, 6)));
  assert.ok(jax.normal(key, [3], { dtype: "bfloat16" }) instanceof Uint16Array);
});

test("bad input names the argument", () => {
  const key = jax.PRNGKey(0);
  rejects(() => jax.PRNGKey(2n ** 63n), RangeError, "seed");
  rejects(() => jax.PRNGKey(1.5), TypeError, "seed");
  rejects(() => jax.split([1, 2, 3]), RangeError, "key");
  rejects(() => jax.split("key"), TypeError, "key");
  rejects(() => jax.foldIn(key, 2 ** 32), RangeError, "data");
  rejects(() => jax.bits(key, [2], { dtype: "int32" }), TypeError, "dtype");
  rejects(() => jax.uniform(key, 3), TypeError, "shape");
  rejects(() => jax.uniform(key, [2], { minval: "0" }), TypeError, "minval");
  rejects(() => jax.normal(key, [2], { partitionable: 1 }), TypeError, "partitionable");
  rejects(() => jax.randint(key, [2], { minval: 0, maxval: 2 ** 31, dtype: "int8" }), RangeError, "maxval");
  rejects(() => jax.choice(key, 3, [4], { replace: false }), RangeError, "Cannot take a larger sample");
  rejects(() => jax.choice(key, 3, [2], { p: [0.5, 0.5] }), RangeError, "p");
  rejects(() => jax.gumbel(key, [2], { mode: "highest" }), TypeError, "mode");
  rejects(() => jax.permutation(key, Int32Array.of(1, 2, 3, 4), { xShape: [3] }), RangeError, "xShape");
  rejects(() => jax.permutation(key, Int32Array.of(1, 2, 3, 4), { xShape: [2, 2], axis: 2 }), RangeError, "axis");
});
