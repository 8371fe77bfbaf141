/**
 * Random123's Philox4x32-10 with cuRAND's counter convention (the counter given is encrypted for the
 * first block, then incremented): cuRAND `Philox4_32_10`, torch's CUDA generator.
 */
import { BitGenerator32 } from "./bitgen.js";
import { checkArray, toBigInt, toWordsOrInt } from "./checks.js";
import { fromLimbs, mulhi32, mulhiLo32, toLimbs } from "./limbs.js";
import { incrementLimbs } from "./philox.js";
import { toSeedSequence } from "./seedsequence.js";
import { readInt, readObject, readState, readUintArray } from "./state.js";

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const MASK128 = (1n << 128n) - 1n;

/**
 * Random123's `philox4x32_R(10, ctr, key)` of counter words c0..c3 and key words k0, k1, written to
 * out[o..o+3]. Each round: (hi0, lo0) = M0 * c0, (hi1, lo1) = M1 * c2,
 * ctr = [hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0]; the key is bumped by (W0, W1) between rounds.
 */
export function philox4x32Block(c0, c1, c2, c3, k0, k1, out, o) {
  for (let round = 0; round < 10; round++) {
    const hi0 = mulhi32(M0, c0), lo0 = Math.imul(M0, c0);
    const hi1 = mulhi32(M1, c2), lo1 = Math.imul(M1, c2);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
    k0 = (k0 + W0) | 0;
    k1 = (k1 + W1) | 0;
  }
  out[o] = c0; out[o + 1] = c1; out[o + 2] = c2; out[o + 3] = c3;
}

/**
 * The blocks of counters ctr, ctr + 1, ..., ctr + blocks - 1 (`ctr`: 4 words, `key`: 2 words),
 * written to out from `o`; `ctr` ends `blocks` further on. While the low counter word does not wrap,
 * four counters (n0 + 0..3, n1, n2, n3) go through the rounds side by side in lanes a, b, c, d so
 * that the CPU overlaps their multiplies, which also makes `mulhiLo32` the faster high word there.
 */
function philox4x32Blocks(ctr, key, out, o, blocks) {
  let n0 = ctr[0], n1 = ctr[1], n2 = ctr[2], n3 = ctr[3];
  const key0 = key[0], key1 = key[1];
  for (let left = blocks; left > 0;) {
    if (left < 4 || n0 > 0xfffffffb) {
      philox4x32Block(n0, n1, n2, n3, key0, key1, out, o);
      n0 = (n0 + 1) >>> 0; // counter += 1 with carry
      if (n0 === 0) {
        n1 = (n1 + 1) >>> 0;
        if (n1 === 0) {
          n2 = (n2 + 1) >>> 0;
          if (n2 === 0) n3 = (n3 + 1) >>> 0;
        }
      }
      o += 4;
      left--;
      continue;
    }
    let a0 = n0, a1 = n1, a2 = n2, a3 = n3, b0 = n0 + 1, b1 = n1, b2 = n2, b3 = n3;
    let c0 = n0 + 2, c1 = n1, c2 = n2, c3 = n3, d0 = n0 + 3, d1 = n1, d2 = n2, d3 = n3;
    let k0 = key0, k1 = key1;
    for (let round = 0; round < 10; round++) {
      const la = Math.imul(a0, M0), ma = Math.imul(a2, M1), lb = Math.imul(b0, M0), mb = Math.imul(b2, M1);
      const lc = Math.imul(c0, M0), mc = Math.imul(c2, M1), ld = Math.imul(d0, M0), md = Math.imul(d2, M1);
      const ha = mulhiLo32(a0, M0, la), ia = mulhiLo32(a2, M1, ma), hb = mulhiLo32(b0, M0, lb), ib = mulhiLo32(b2, M1, mb);
      const hc = mulhiLo32(c0, M0, lc), ic = mulhiLo32(c2, M1, mc), hd = mulhiLo32(d0, M0, ld), id = mulhiLo32(d2, M1, md);
      a0 = ia ^ a1 ^ k0; a1 = ma; a2 = ha ^ a3 ^ k1; a3 = la;
      b0 = ib ^ b1 ^ k0; b1 = mb; b2 = hb ^ b3 ^ k1; b3 = lb;
      c0 = ic ^ c1 ^ k0; c1 = mc; c2 = hc ^ c3 ^ k1; c3 = lc;
      d0 = id ^ d1 ^ k0; d1 = md; d2 = hd ^ d3 ^ k1; d3 = ld;
      k0 = (k0 + W0) | 0;
      k1 = (k1 + W1) | 0;
    }
    out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
    out[o + 4] = b0; out[o + 5] = b1; out[o + 6] = b2; out[o + 7] = b3;
    out[o + 8] = c0; out[o + 9] = c1; out[o + 10] = c2; out[o + 11] = c3;
    out[o + 12] = d0; out[o + 13] = d1; out[o + 14] = d2; out[o + 15] = d3;
    n0 += 4;
    o += 16;
    left -= 4;
  }
  ctr[0] = n0; ctr[1] = n1; ctr[2] = n2; ctr[3] = n3;
}

// A short run of the kernel at load (long enough for V8 to start collecting type feedback; both
// paths, the counter wrapping) covers every path before V8 optimizes it in the middle of a long call
// (on-stack replacement): an OSR'd loop whose exit never ran with feedback bails out there on every
// later call.
philox4x32Blocks(Uint32Array.of(0xffffffe0, 0, 0, 0), new Uint32Array(2), new Uint32Array(164), 0, 41);

export class Philox4x32 extends BitGenerator32 {
  /**
   * `new Philox4x32(seed, {counter, key})`: `key` is an integer below 2**64 or 2 uint32 words (else
   * SeedSequence(seed).generate_state(2, uint32)); `counter` an integer below 2**128 or 4 words
   * (word 0 least significant), default 0. The first four outputs are philox4x32_10(counter, key).
   */
  constructor(seed, { counter = 0, key } = {}) {
    super();
    if (seed !== undefined && key !== undefined) throw new TypeError("seed and key cannot be both used");
    this._counter = Uint32Array.from(toWordsOrInt(counter, "counter", 4, 32), Number);
    if (key !== undefined) this._key = Uint32Array.from(toWordsOrInt(key, "key", 2, 32), Number);
    else {
      this.seedSeq = toSeedSequence(seed);
      this._key = this.seedSeq.generateWords(2);
    }
    this._buffer = new Uint32Array(4);
    this._bufferPos = 4;
  }

  /** The block for the current counter, then counter += 1 (cuRAND's order). */
  _refill() {
    const ctr = this._counter, key = this._key;
    philox4x32Block(ctr[0], ctr[1], ctr[2], ctr[3], key[0], key[1], this._buffer, 0);
    incrementLimbs(this._counter);
    this._bufferPos = 0;
  }

  /** The next word of the current block (a new block when all 4 are used). */
  nextUint32() {
    if (this._bufferPos === 4) this._refill();
    return this._buffer[this._bufferPos++];
  }

  /** `out[i] = nextUint32()` for every i: whole blocks go straight into `out`. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    let i = 0;
    while (i < out.length && this._bufferPos < 4) out[i++] = this._buffer[this._bufferPos++];
    const blocks = (out.length - i) >>> 2;
    if (blocks > 0) {
      philox4x32Blocks(this._counter, this._key, out, i, blocks);
      i += 4 * blocks;
      this._buffer.set(out.subarray(i - 4, i)); // the last block, all used
    }
    while (i < out.length) out[i++] = this.nextUint32();
    return out;
  }

  /** Moves the counter `delta` blocks (4 outputs each) ahead, mod 2**128; drops the buffer. */
  advance(delta) {
    const steps = toBigInt(delta, "delta") & MASK128;
    this._counter.set(toLimbs((fromLimbs(this._counter) + steps) & MASK128, 4));
    this._buffer.fill(0);
    this._bufferPos = 4;
    return this;
  }

  get state() {
    return {
      bit_generator: "Philox4x32",
      state: { counter: Array.from(this._counter), key: Array.from(this._key) },
      buffer: Array.from(this._buffer),
      buffer_pos: this._bufferPos,
    };
  }

  set state(value) {
    readState(value, "Philox4x32");
    const inner = readObject(value, "state", "state");
    const counter = readUintArray(inner, "counter", 4, 32, "state.state");
    const key = readUintArray(inner, "key", 2, 32, "state.state");
    const buffer = readUintArray(value, "buffer", 4, 32, "state");
    const bufferPos = readInt(value, "buffer_pos", 0, 4, "state");
    this._counter.set(counter);
    this._key.set(key);
    this._buffer.set(buffer);
    this._bufferPos = bufferPos;
  }
}
