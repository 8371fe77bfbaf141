/**
 * Random123's Philox4x32-10 with cuRAND's counter convention (the counter given is encrypted for the
 * first block, then incremented): cuRAND `Philox4_32_10`, torch's CUDA generator.
 */
import { BitGenerator32 } from "./bitgen.js";
import { checkArray, toBigInt, toWordsOrInt } from "./checks.js";
import { fromLimbs, mulhi32, toLimbs } from "./limbs.js";
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
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulhi32(M0, c0), lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi32(M1, c2), lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[o] = c0; out[o + 1] = c1; out[o + 2] = c2; out[o + 3] = c3;
}

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

  /** `out[i] = nextUint32()` for every i; whole blocks go straight into `out` with the state in locals. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    let i = 0;
    while (i < out.length && this._bufferPos < 4) out[i++] = this._buffer[this._bufferPos++];
    const ctr = this._counter, k0 = this._key[0], k1 = this._key[1];
    let c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
    for (; i + 4 <= out.length; i += 4) {
      philox4x32Block(c0, c1, c2, c3, k0, k1, out, i);
      // counter += 1 with carry, on the locals
      c0 = (c0 + 1) >>> 0;
      if (c0 === 0) {
        c1 = (c1 + 1) >>> 0;
        if (c1 === 0) {
          c2 = (c2 + 1) >>> 0;
          if (c2 === 0) c3 = (c3 + 1) >>> 0;
        }
      }
    }
    ctr[0] = c0; ctr[1] = c1; ctr[2] = c2; ctr[3] = c3;
    if (i > 0 && this._bufferPos === 4) this._buffer.set(out.subarray(i - 4, i)); // the last block, all used
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
