/**
 * Philox 4x64-10 as numpy 2.4.6 has it (numpy/random/src/philox/philox.h, _philox.pyx). 64-bit words
 * are kept as (low, high) uint32 limb pairs; the 64x64 -> 128-bit products use `Math.imul` and
 * `mulhi32`. Seeding, `advance` and `state` use BigInt.
 */
import { BitGenerator64 } from "./bitgen.js";
import { toBigInt, toCount, toWordsOrInt } from "./checks.js";
import { fromLimbs, mulhi32, toLimbs } from "./limbs.js";
import { toSeedSequence } from "./seedsequence.js";
import { decimal, readInt, readObject, readState, readUint, readUintArray } from "./state.js";

// Multipliers 0xD2E7470EE14C6C93, 0xCA5A826395121157 and Weyl key bumps 0x9E3779B97F4A7C15,
// 0xBB67AE8584CAA73B, as (low, high) limbs.
const M0L = 0xe14c6c93, M0H = 0xd2e7470e;
const M1L = 0x95121157, M1H = 0xca5a8263;
const W0L = 0x7f4a7c15, W0H = 0x9e3779b9;
const W1L = 0x84caa73b, W1H = 0xbb67ae85;
const MASK256 = (1n << 256n) - 1n;

/**
 * Random123's `philox4x64_R(10, ctr, key)`: `ctr` is 8 limbs (4 words), `key` 4 limbs (2 words),
 * `out` receives 8 limbs. Each round: (hi0, lo0) = M0 * ctr0, (hi1, lo1) = M1 * ctr2 (128-bit
 * products), ctr = [hi1 ^ ctr1 ^ k0, lo1, hi0 ^ ctr3 ^ k1, lo0]; the key is bumped between rounds.
 */
export function philox4x64Block(ctr, key, out) {
  let c0l = ctr[0], c0h = ctr[1], c1l = ctr[2], c1h = ctr[3];
  let c2l = ctr[4], c2h = ctr[5], c3l = ctr[6], c3h = ctr[7];
  let k0l = key[0], k0h = key[1], k1l = key[2], k1h = key[3];
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      let t = k0l + W0L;
      k0l = t >>> 0;
      k0h = (k0h + W0H + (t > 0xffffffff ? 1 : 0)) >>> 0;
      t = k1l + W1L;
      k1l = t >>> 0;
      k1h = (k1h + W1H + (t > 0xffffffff ? 1 : 0)) >>> 0;
    }
    // (p3 p2 p1 p0) = M0 * ctr0
    let t = mulhi32(c0l, M0L) + (Math.imul(c0l, M0H) >>> 0) + (Math.imul(c0h, M0L) >>> 0);
    const p0 = Math.imul(c0l, M0L) >>> 0;
    const p1 = t >>> 0;
    t = (t - p1) * 2.3283064365386963e-10 + mulhi32(c0l, M0H) + mulhi32(c0h, M0L) + (Math.imul(c0h, M0H) >>> 0);
    const p2 = t >>> 0;
    const p3 = ((t - p2) * 2.3283064365386963e-10 + mulhi32(c0h, M0H)) >>> 0;
    // (q3 q2 q1 q0) = M1 * ctr2
    t = mulhi32(c2l, M1L) + (Math.imul(c2l, M1H) >>> 0) + (Math.imul(c2h, M1L) >>> 0);
    const q0 = Math.imul(c2l, M1L) >>> 0;
    const q1 = t >>> 0;
    t = (t - q1) * 2.3283064365386963e-10 + mulhi32(c2l, M1H) + mulhi32(c2h, M1L) + (Math.imul(c2h, M1H) >>> 0);
    const q2 = t >>> 0;
    const q3 = ((t - q2) * 2.3283064365386963e-10 + mulhi32(c2h, M1H)) >>> 0;
    c0l = (q2 ^ c1l ^ k0l) >>> 0; c0h = (q3 ^ c1h ^ k0h) >>> 0; c1l = q0; c1h = q1;
    c2l = (p2 ^ c3l ^ k1l) >>> 0; c2h = (p3 ^ c3h ^ k1h) >>> 0; c3l = p0; c3h = p1;
  }
  out[0] = c0l; out[1] = c0h; out[2] = c1l; out[3] = c1h;
  out[4] = c2l; out[5] = c2h; out[6] = c3l; out[7] = c3h;
}

/** Adds one to the little-endian limb counter `ctr` in place, with carry (wrapping at the top). */
export function incrementLimbs(ctr) {
  for (let k = 0; k < ctr.length; k++) {
    ctr[k] = (ctr[k] + 1) >>> 0;
    if (ctr[k] !== 0) return;
  }
}

export class Philox extends BitGenerator64 {
  /**
   * `new Philox(seed, {counter, key})` as `numpy.random.Philox`: `key` (an integer below 2**128 or 2
   * words) replaces seeding, else key = SeedSequence(seed).generate_state(2, uint64); `counter` is an
   * integer below 2**256 or 4 words (default 0). The first block is computed from counter + 1.
   */
  constructor(seed, { counter = 0, key } = {}) {
    super();
    if (seed !== undefined && key !== undefined) throw new TypeError("seed and key cannot be both used");
    this._counter = new Uint32Array(8);
    this._counter.set(wordsToLimbs(toWordsOrInt(counter, "counter", 4, 64)));
    if (key !== undefined) this._key = wordsToLimbs(toWordsOrInt(key, "key", 2, 64));
    else {
      this.seedSeq = toSeedSequence(seed);
      this._key = this.seedSeq.generateWords(4);
    }
    this._buffer = new Uint32Array(8);
    this._bufferPos = 4;
  }

  _fillPairs(out, offset, count) {
    const buffer = this._buffer;
    let pos = this._bufferPos;
    for (let k = 0, o = offset; k < count; k++, o += 2) {
      if (pos === 4) {
        incrementLimbs(this._counter);
        philox4x64Block(this._counter, this._key, buffer);
        pos = 0;
      }
      out[o] = buffer[2 * pos];
      out[o + 1] = buffer[2 * pos + 1];
      pos++;
    }
    this._bufferPos = pos;
  }

  /** numpy's `advance(delta)`: adds `delta` (mod 2**256) to the counter, in blocks of 4 outputs; drops the buffers. */
  advance(delta) {
    const steps = toBigInt(delta, "delta") & MASK256;
    this._counter.set(toLimbs((fromLimbs(this._counter) + steps) & MASK256, 8));
    this._buffer.fill(0);
    this._bufferPos = 4;
    this._hasUint32 = 0;
    this._uinteger = 0;
    return this;
  }

  /** numpy's `jumped(jumps)`: a copy advanced by `jumps * 2**128` blocks. */
  jumped(jumps = 1) {
    toCount(jumps, "jumps");
    const copy = new Philox(undefined, { key: 0 });
    copy.state = this.state;
    return copy.advance(BigInt(jumps) << 128n);
  }

  get state() {
    return {
      bit_generator: "Philox",
      state: { counter: limbsToDecimals(this._counter), key: limbsToDecimals(this._key) },
      buffer: limbsToDecimals(this._buffer),
      buffer_pos: this._bufferPos,
      ...this._bufferState(),
    };
  }

  set state(value) {
    readState(value, "Philox");
    const inner = readObject(value, "state", "state");
    const counter = wordsToLimbs(readUintArray(inner, "counter", 4, 64, "state.state"));
    const key = wordsToLimbs(readUintArray(inner, "key", 2, 64, "state.state"));
    const buffer = wordsToLimbs(readUintArray(value, "buffer", 4, 64, "state"));
    const bufferPos = readInt(value, "buffer_pos", 0, 4, "state");
    const hasUint32 = readInt(value, "has_uint32", 0, 1, "state");
    const uinteger = readUint(value, "uinteger", 32, "state");
    this._counter.set(counter);
    this._key = key;
    this._buffer.set(buffer);
    this._bufferPos = bufferPos;
    this._hasUint32 = hasUint32;
    this._uinteger = uinteger;
  }
}

/** 64-bit words (bigints) as (low, high) limbs. */
export function wordsToLimbs(words) {
  const out = new Uint32Array(2 * words.length);
  words.forEach((w, k) => out.set(toLimbs(w, 2), 2 * k));
  return out;
}

/** (low, high) limb pairs as 64-bit decimal strings. */
export function limbsToDecimals(limbs) {
  return Array.from({ length: limbs.length / 2 }, (_, k) => decimal(fromLimbs(limbs, 2 * k, 2)));
}
