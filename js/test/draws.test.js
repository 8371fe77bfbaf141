/**
 * The fast paths of the distribution layer (draws.js: views that draw ahead in bulk) against the
 * scalar path, for arbitrary seeds, sizes (0, 1, odd, beyond the view's 1024-word buffer) and
 * mid-stream states (numpy's buffered uint32 half set, MT19937 and Philox4x32 mid-block). The scalar
 * path is the same method on a plain object that forwards nextUint32/nextUint64/nextDouble to an
 * identical generator: views never draw ahead from such an object. Values and the final generator
 * state must be equal. Also checks that a view reports draws made ahead and not used, and draws of
 * the wrong width.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import * as prng from "../src/index.js";
import { Draws } from "../src/draws.js";
import { Generator } from "../src/generator.js";
import { RandomState } from "../src/compat/numpy.js";

const CLASSES = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "Philox4x32", "SFC64", "Threefry", "Threefry2x32",
  "MiddleSquareWeyl", "ARC4"];
const SIZES = [0, 1, 2, 7, 15, 16, 17, 33, 511, 1023, 1024, 1025, 2049, 5001];
const CASES = Number(process.env.PRNG_DRAWS_CASES ?? 40);

/** The parameters of the cases: a generator class, a seed, a size and how far into the stream. */
const params = prng.MT19937.fromGenrand(20261204);
const pick = (list) => list[params.nextUint32() % list.length];

/** Two identical generators of `name` from `seed`, `skip` nextUint32 draws into their stream. */
function twins(name, seed, skip) {
  const make = () => {
    const g = name === "ARC4" ? new prng.ARC4(`seed ${seed}`)
      : name === "MiddleSquareWeyl" ? new prng.MiddleSquareWeyl(BigInt(seed) * 2n + 0xb5ad4eceda1ce2a9n)
        : new prng[name](seed);
    for (let k = 0; k < skip; k++) g.nextUint32();
    return g;
  };
  return [make(), make()];
}

/** A plain object drawing from `g`: no bulk fills, so every view over it draws one value at a time. */
function scalarOnly(g) {
  return { nextUint32: () => g.nextUint32(), nextUint64: () => g.nextUint64(), nextDouble: () => g.nextDouble() };
}

/** The methods compared: each makes `n` values through one object (Generator or RandomState). */
const METHODS = {
  "integers(0, 1000)": (r, n) => r.integers(0, 1000, n),
  "integers(-5, 2**40) int64": (r, n) => r.integers(-5, 2 ** 40, n),
  "integers(0, 2**64-1) uint64": (r, n) => r.integers(0n, 2n ** 64n - 1n, n, { dtype: "uint64", endpoint: true }),
  "integers(0, 100) int8": (r, n) => r.integers(0, 100, n, { dtype: "int8" }),
  "integers(0, 1000) uint16": (r, n) => r.integers(0, 1000, n, { dtype: "uint16" }),
  "integers(0, 2) bool": (r, n) => r.integers(0, 2, n, { dtype: "bool" }),
  "integers(7, 8)": (r, n) => r.integers(7, 8, n),
  "standardNormal": (r, n) => r.standardNormal(n),
  "standardNormal float32": (r, n) => r.standardNormal(n, { dtype: "float32" }),
  "standardExponential": (r, n) => r.standardExponential(n),
  "standardExponential float32": (r, n) => r.standardExponential(n, { dtype: "float32" }),
  "exponential(2.5)": (r, n) => r.exponential(2.5, n),
  "permutation": (r, n) => r.permutation(n),
  "choice(1000)": (r, n) => r.choice(1000, n),
  "choice(2**40)": (r, n) => r.choice(2 ** 40, n),
  "choice(n + 20000, replace=false)": (r, n) => r.choice(n + 20000, n, { replace: false }),
  "choice(n, replace=false)": (r, n) => r.choice(Math.max(n, 1), n, { replace: false }),
  "choice(n + 3, replace=false, shuffle=false)": (r, n) => r.choice(n + 3, n, { replace: false, shuffle: false }),
};
const LEGACY_METHODS = {
  "RandomState randn": (r, n) => r.randn(n),
  "RandomState randint(0, 1000)": (r, n) => r.randint(0, 1000, n),
  "RandomState randint(0, 200) uint8": (r, n) => r.randint(0, 200, n, { dtype: "uint8" }),
  "RandomState permutation": (r, n) => r.permutation(n),
};

/** `n` values by the fast path and by the scalar path (one call of `n`, and `n` calls of one). */
function compare(method, wrap, n) {
  const name = pick(CLASSES), seed = params.nextUint32(), skip = params.nextUint32() % 3;
  const [fast, slow] = twins(name, seed, skip);
  const where = `${name}(${seed}) after ${skip} draws, n = ${n}`;
  const viaFast = wrap(fast), viaSlow = wrap(scalarOnly(slow));
  const expect = method(viaSlow, n);
  assert.deepEqual(method(viaFast, n), expect, where);
  // one value per call: views of one value never draw ahead, on either object
  assert.deepEqual(method(viaFast, 1), method(viaSlow, 1), `${where}, then n = 1`);
  assert.deepEqual(fast.state, slow.state, `${where}: final state`);
}

for (const [label, method] of Object.entries(METHODS)) {
  test(`Generator ${label}: draws made ahead give the scalar path's values and state`, () => {
    for (const n of SIZES) compare(method, (g) => new Generator(g), n);
    for (let k = 0; k < CASES; k++) compare(method, (g) => new Generator(g), params.nextUint32() % 3000);
  });
}

for (const [label, method] of Object.entries(LEGACY_METHODS)) {
  test(`${label}: draws made ahead give the scalar path's values and state`, () => {
    for (const n of SIZES) compare(method, (g) => new RandomState(g), n);
    for (let k = 0; k < CASES; k++) compare(method, (g) => new RandomState(g), params.nextUint32() % 3000);
  });
}

test("RandomState randn: the cached normal carries over between fast calls as between scalar ones", () => {
  for (const n of SIZES) {
    const [fast, slow] = twins("MT19937", n, 0);
    const a = new RandomState(fast), b = new RandomState(scalarOnly(slow));
    const viaFast = [...a.randn(n), ...a.randn(n + 1), ...a.randn(1)];
    const viaSlow = Array.from({ length: 2 * n + 2 }, () => b.randn());
    assert.deepEqual(viaFast, viaSlow, `n = ${n}`);
    assert.deepEqual(fast.state, slow.state);
  }
});

test("Draws: draws made ahead and not used, and draws of the other width, are internal errors", () => {
  const d = new Draws(new prng.PCG64(1), 32);
  d.owed = 100;
  d.nextUint32();
  assert.throws(() => d.close(), /99 draws made ahead were not used/);
  const e = new Draws(new prng.MT19937(1), 64);
  e.owed = 100;
  e.nextDouble();
  assert.throws(() => e.nextUint32(), /other are made ahead/);
  const f = new Draws(new prng.PCG64(1), 64);
  f.owed = 3; // below the minimum: single draws, nothing to report
  f.nextDouble();
  f.close();
});

test("Draws: ARC4 and MidSquare doubles are never drawn ahead (they are not made of 64-bit draws)", () => {
  for (const g of [new prng.ARC4("x"), new prng.MidSquare(1234)]) {
    const d = new Draws(g, 64);
    d.owed = 1000;
    const twin = g instanceof prng.ARC4 ? new prng.ARC4("x") : new prng.MidSquare(1234);
    assert.equal(d.nextDouble(), twin.nextDouble());
    d.close();
  }
});
