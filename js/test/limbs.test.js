/**
 * Each 32-bit-limb kernel against a BigInt oracle written here from the published formulas
 * (numpy's pcg64.h / philox.h, Random123's philox4x32, Widynski's msws), over >= 10**6 draws per
 * generator from random and edge-case states. The oracles read the generator's portable state.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { MiddleSquareWeyl, PCG64, PCG64DXSM, Philox, Philox4x32 } from "../src/index.js";
import { mulhi32 } from "../src/limbs.js";

const DRAWS = 1_000_000; // per generator, shared between its 3 starting states
const CHUNK = 50_000;
const PER_START = Math.ceil(DRAWS / 3 / CHUNK) * CHUNK;
const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;

/** A random bigint of `bits` bits, from a seeded xorshift so failures reproduce. */
function makeRandomBig(seed) {
  let x = seed >>> 0 || 1;
  const word = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return BigInt(x);
  };
  return (bits) => {
    let v = 0n;
    for (let b = 0; b < bits; b += 32) v = (v << 32n) | word();
    return v & ((1n << BigInt(bits)) - 1n);
  };
}

/** Compares `PER_START` outputs of `gen.randomRaw` with `oracle()` (one bigint per call). */
function compareRaw(gen, oracle, label) {
  for (let done = 0; done < PER_START; done += CHUNK) {
    const got = gen.randomRaw(CHUNK);
    for (let k = 0; k < CHUNK; k++) {
      const want = oracle();
      if (got[k] !== want) assert.fail(`${label}: draw ${done + k}: ${got[k]} != ${want}`);
    }
  }
}

test("mulhi32 equals the BigInt high word on 10**6 random and edge pairs", () => {
  const big = makeRandomBig(7);
  const edges = [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
  for (const a of edges) for (const b of edges) assert.equal(BigInt(mulhi32(a, b)), (BigInt(a) * BigInt(b)) >> 32n);
  for (let k = 0; k < DRAWS; k++) {
    const a = Number(big(32)), b = Number(big(32));
    if (BigInt(mulhi32(a, b)) !== (BigInt(a) * BigInt(b)) >> 32n) assert.fail(`mulhi32(${a}, ${b})`);
  }
});

const PCG_MULT = 0x2360ed051fc65da44385df649fccf645n;
const CHEAP_MULT = 0xda942042e4dd58b5n;

function pcgStates(big) {
  return [
    [big(128), big(128) | 1n],
    [M128, M128],
    [M128 - 5n, 1n],
  ];
}

function setPcg(gen, name, state, inc) {
  gen.state = { bit_generator: name, state: { state: String(state), inc: String(inc) }, has_uint32: 0, uinteger: 0 };
}

test("PCG64 limb kernel equals a BigInt XSL-RR oracle", () => {
  const big = makeRandomBig(11);
  for (const [s0, inc] of pcgStates(big)) {
    const gen = new PCG64(0);
    setPcg(gen, "PCG64", s0, inc);
    let s = s0;
    compareRaw(gen, () => {
      s = (s * PCG_MULT + inc) & M128;
      const hi = s >> 64n, rot = s >> 122n, x = (hi ^ s) & M64;
      return ((x >> rot) | (x << ((64n - rot) & 63n))) & M64;
    }, `PCG64 from ${s0}`);
  }
});

test("PCG64DXSM limb kernel equals a BigInt DXSM oracle", () => {
  const big = makeRandomBig(13);
  for (const [s0, inc] of pcgStates(big)) {
    const gen = new PCG64DXSM(0);
    setPcg(gen, "PCG64DXSM", s0, inc);
    let s = s0;
    compareRaw(gen, () => {
      let hi = s >> 64n;
      const lo = (s & M64) | 1n;
      hi ^= hi >> 32n;
      hi = (hi * CHEAP_MULT) & M64;
      hi ^= hi >> 48n;
      hi = (hi * lo) & M64;
      s = (s * CHEAP_MULT + inc) & M128;
      return hi;
    }, `PCG64DXSM from ${s0}`);
  }
});

/** Random123's Philox round function for N=4 words of `bits` bits, 10 rounds, as BigInt. */
function philoxOracle(bits, [mul0, mul1], [weyl0, weyl1]) {
  const mask = (1n << BigInt(bits)) - 1n;
  const shift = BigInt(bits);
  return (ctr, key) => {
    let [c0, c1, c2, c3] = ctr;
    let [k0, k1] = key;
    for (let round = 0; round < 10; round++) {
      if (round > 0) {
        k0 = (k0 + weyl0) & mask;
        k1 = (k1 + weyl1) & mask;
      }
      const p0 = mul0 * c0, p1 = mul1 * c2;
      [c0, c1, c2, c3] = [((p1 >> shift) ^ c1 ^ k0) & mask, p1 & mask, ((p0 >> shift) ^ c3 ^ k1) & mask, p0 & mask];
    }
    return [c0, c1, c2, c3];
  };
}

function addToCounter(ctr, bits) {
  const mask = (1n << BigInt(bits)) - 1n;
  const out = [...ctr];
  for (let k = 0; k < 4; k++) {
    out[k] = (out[k] + 1n) & mask;
    if (out[k] !== 0n) break;
  }
  return out;
}

test("Philox (4x64) limb kernel equals a BigInt Philox4x64-10 oracle", () => {
  const big = makeRandomBig(17);
  const block = philoxOracle(64, [0xd2e7470ee14c6c93n, 0xca5a826395121157n], [0x9e3779b97f4a7c15n, 0xbb67ae8584caa73bn]);
  const starts = [[big(64), big(64), big(64), big(64)], [M64, M64, M64, M64 - 1n], [M64 - 2n, 0n, 0n, 0n]];
  for (const counter of starts) {
    const key = [big(64), big(64)];
    const gen = new Philox(undefined, { counter, key });
    let ctr = counter, buffer = [], pos = 4;
    compareRaw(gen, () => {
      if (pos === 4) {
        ctr = addToCounter(ctr, 64);
        buffer = block(ctr, key);
        pos = 0;
      }
      return buffer[pos++];
    }, `Philox from counter ${counter}`);
  }
});

test("Philox4x32 kernel equals a BigInt Philox4x32-10 oracle (cuRAND counter order)", () => {
  const big = makeRandomBig(19);
  const block = philoxOracle(32, [0xd2511f53n, 0xcd9e8d57n], [0x9e3779b9n, 0xbb67ae85n]);
  const M32 = 0xffffffffn;
  const starts = [[big(32), big(32), big(32), big(32)], [M32, M32, M32, M32 - 3n], [M32 - 2n, M32, 0n, 0n]];
  for (const counter of starts) {
    const key = [big(32), big(32)];
    const gen = new Philox4x32(undefined, { counter, key });
    let ctr = counter, buffer = [], pos = 4;
    compareRaw(gen, () => {
      if (pos === 4) {
        buffer = block(ctr, key);
        ctr = addToCounter(ctr, 32);
        pos = 0;
      }
      return buffer[pos++];
    }, `Philox4x32 from counter ${counter}`);
  }
});

test("MiddleSquareWeyl limb kernel equals a BigInt msws oracle", () => {
  const big = makeRandomBig(23);
  for (const s of [big(64) | 1n, 0xb5ad4eceda1ce2a9n, M64]) {
    const gen = new MiddleSquareWeyl(s);
    const x0 = big(64), w0 = M64 - big(8);
    gen.state = { bit_generator: "MiddleSquareWeyl", state: { x: String(x0), w: String(w0), s: String(s) } };
    let x = x0, w = w0;
    compareRaw(gen, () => {
      w = (w + s) & M64;
      x = (x * x + w) & M64;
      x = ((x >> 32n) | (x << 32n)) & M64;
      return x & 0xffffffffn;
    }, `msws s=${s}`);
  }
});
