/**
 * Threefry (Random123 threefry.h) as randomgen's ThreeFry runs it: `Threefry` is threefry4x64-20
 * (`ThreeFry(number=4, width=64)`), `Threefry2x32` is threefry2x32-20 (`number=2, width=32`), the
 * block function of JAX's keys. The counter is incremented before each block; the key comes from
 * SeedSequence(seed) unless given. 64-bit words are (low, high) uint32 limb pairs; seeding, `advance`
 * and `state` use BigInt.
 */
import { BitGenerator32, BitGenerator64 } from "./bitgen.js";
import { checkArray, toBigInt, toCount, toWordsOrInt } from "./checks.js";
import { fromLimbs, toLimbs } from "./limbs.js";
import { incrementLimbs, limbsToDecimals, wordsToLimbs } from "./philox.js";
import { toSeedSequence } from "./seedsequence.js";
import { readInt, readObject, readState, readUint, readUintArray } from "./state.js";

const PARITY64_LO = 0xa9fc1a22, PARITY64_HI = 0x1bd11bda;
const PARITY32 = 0x1bd11bda;
const ROTATIONS_4X64 = [14, 16, 52, 57, 23, 40, 5, 37, 25, 33, 46, 12, 58, 22, 32, 32];
const ROTATIONS_2X32 = [13, 15, 26, 6, 17, 29, 16, 24];

/**
 * One Threefry4x64 mix on the limb array x (word w in x[2w], x[2w+1]): x[a] += x[b];
 * x[b] = rotl64(x[b], r) ^ x[a].
 */
function mix64(x, a, b, r) {
  const al = x[2 * a], ah = x[2 * a + 1], bl = x[2 * b], bh = x[2 * b + 1];
  const lo = (al + bl) >>> 0;
  const hi = (ah + bh + (lo < al ? 1 : 0)) >>> 0;
  let rl = bl, rh = bh;
  if (r >= 32) {
    rl = bh;
    rh = bl;
  }
  const s = r & 31;
  if (s !== 0) {
    const l = rl;
    rl = (rl << s) | (rh >>> (32 - s));
    rh = (rh << s) | (l >>> (32 - s));
  }
  x[2 * a] = lo;
  x[2 * a + 1] = hi;
  x[2 * b] = (rl ^ lo) >>> 0;
  x[2 * b + 1] = (rh ^ hi) >>> 0;
}

/** x[w] += the 64-bit word (lo, hi), in limbs. */
function add64(x, w, lo, hi) {
  const l = (x[2 * w] + lo) >>> 0;
  x[2 * w + 1] = (x[2 * w + 1] + hi + (l < lo ? 1 : 0)) >>> 0;
  x[2 * w] = l;
}

/**
 * Random123's `threefry4x64_R(20, ctr, key)`: `ctr` and `key` are 8 limbs (4 words), `out` (8 limbs)
 * receives the block. Even rounds mix (x0, x1), (x2, x3); odd rounds (x0, x3), (x2, x1); after every
 * fourth round s, key schedule word (s + w) mod 5 is added to word w, and s to word 3.
 */
export function threefry4x64Block(ctr, key, ks, out) {
  for (let k = 0; k < 8; k++) ks[k] = key[k];
  ks[8] = (PARITY64_LO ^ key[0] ^ key[2] ^ key[4] ^ key[6]) >>> 0;
  ks[9] = (PARITY64_HI ^ key[1] ^ key[3] ^ key[5] ^ key[7]) >>> 0;
  for (let k = 0; k < 8; k++) out[k] = ctr[k];
  for (let w = 0; w < 4; w++) add64(out, w, ks[2 * w], ks[2 * w + 1]);
  for (let r = 0; r < 20; r++) {
    const ra = ROTATIONS_4X64[2 * (r & 7)], rb = ROTATIONS_4X64[2 * (r & 7) + 1];
    if ((r & 1) === 0) {
      mix64(out, 0, 1, ra);
      mix64(out, 2, 3, rb);
    } else {
      mix64(out, 0, 3, ra);
      mix64(out, 2, 1, rb);
    }
    if ((r & 3) === 3) {
      const s = (r + 1) >>> 2;
      for (let w = 0; w < 4; w++) {
        const j = (s + w) % 5;
        add64(out, w, ks[2 * j], ks[2 * j + 1]);
      }
      add64(out, 3, s, 0);
    }
  }
}

/**
 * Random123's `threefry2x32_R(20, ctr, key)` (JAX's `threefry_2x32`) of counter words (c0, c1) and key
 * words (k0, k1), written to out[o], out[o + 1]. Each round: x0 += x1; x1 = rotl(x1, R[r mod 8]) ^ x0;
 * after every fourth round s: x0 += ks[s mod 3], x1 += ks[(s + 1) mod 3] + s, with
 * ks = (k0, k1, k0 ^ k1 ^ 0x1BD11BDA).
 */
export function threefry2x32Block(k0, k1, c0, c1, out, o) {
  const k2 = PARITY32 ^ k0 ^ k1;
  let x0 = (c0 + k0) | 0, x1 = (c1 + k1) | 0;
  for (let r = 0; r < 20; r++) {
    const rot = ROTATIONS_2X32[r & 7];
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << rot) | (x1 >>> (32 - rot))) ^ x0;
    if ((r & 3) === 3) {
      const s = (r + 1) >>> 2;
      const m = s % 3;
      x0 = (x0 + (m === 0 ? k0 : m === 1 ? k1 : k2)) | 0;
      x1 = (x1 + (m === 0 ? k1 : m === 1 ? k2 : k0) + s) | 0;
    }
  }
  out[o] = x0;
  out[o + 1] = x1;
}

/** randomgen's `advance(delta)` in draws: the (counter, position) of the draw `delta` after the next one. */
function advanceDraws(counter, bufferPos, delta, words, bits) {
  const n = BigInt(words);
  const width = BigInt(words * bits);
  const period = n << width;
  let position = (counter * n - (n - BigInt(bufferPos)) + delta) % period;
  if (position < 0n) position += period;
  return { start: position / n, pos: Number(position % n) };
}

/** The front both classes share: key/counter seeding, `advance`, `jumped` (randomgen's ThreeFry). */
const ThreefryFront = (Base, words, bits, name) =>
  class extends Base {
    constructor(seed, { counter = 0, key } = {}) {
      super();
      if (seed !== undefined && key !== undefined) throw new TypeError("seed and key cannot be both used");
      const limbs = bits / 32;
      this._counter = new Uint32Array(words * limbs);
      this._counter.set(this._toLimbs(toWordsOrInt(counter, "counter", words, bits)));
      if (key !== undefined) this._key = this._toLimbs(toWordsOrInt(key, "key", words, bits));
      else {
        this.seedSeq = toSeedSequence(seed);
        this._key = this.seedSeq.generateWords(words * limbs);
      }
      this._buffer = new Uint32Array(words * limbs);
      this._bufferPos = words;
    }

    _toLimbs(values) {
      return bits === 64 ? wordsToLimbs(values) : Uint32Array.from(values, Number);
    }

    _toWords(limbs) {
      return bits === 64 ? limbsToDecimals(limbs) : Array.from(limbs);
    }

    /**
     * randomgen's `advance(delta, counter=false)`: `delta` draws ahead (negative goes back, mod
     * words * 2**(words*bits)); with `counter` true, `delta` blocks, dropping the buffer. Drops the
     * buffered uint32 half; `delta` 0 changes nothing.
     */
    advance(delta, counter = false) {
      const steps = toBigInt(delta, "delta");
      if (steps === 0n) return this;
      const mask = (1n << BigInt(words * bits)) - 1n;
      const ctr = fromLimbs(this._counter);
      if (counter) {
        this._counter.set(toLimbs((ctr + steps) & mask, this._counter.length));
        this._buffer.fill(0);
        this._bufferPos = words;
      } else {
        const { start, pos } = advanceDraws(ctr, this._bufferPos, steps, words, bits);
        this._counter.set(toLimbs(start, this._counter.length));
        this._bufferPos = words;
        this._refill();
        this._bufferPos = pos;
      }
      this._hasUint32 = 0;
      this._uinteger = 0;
      return this;
    }

    /** randomgen's `jumped(jumps)`: a copy `jumps * 2**(words*bits/2)` blocks ahead (buffers dropped unless 0). */
    jumped(jumps = 1) {
      toCount(jumps, "jumps");
      const copy = new this.constructor(undefined, { key: 0 });
      copy.state = this.state;
      return copy.advance(BigInt(jumps) << BigInt((words * bits) / 2), true);
    }

    get state() {
      return {
        bit_generator: name,
        state: { counter: this._toWords(this._counter), key: this._toWords(this._key) },
        buffer: this._toWords(this._buffer),
        buffer_pos: this._bufferPos,
        ...(bits === 64 ? this._bufferState() : {}),
      };
    }

    set state(value) {
      readState(value, name);
      const inner = readObject(value, "state", "state");
      const counter = this._toLimbs(readUintArray(inner, "counter", words, bits, "state.state"));
      const key = this._toLimbs(readUintArray(inner, "key", words, bits, "state.state"));
      const buffer = this._toLimbs(readUintArray(value, "buffer", words, bits, "state"));
      const bufferPos = readInt(value, "buffer_pos", 0, words, "state");
      const extra = bits === 64
        ? [readInt(value, "has_uint32", 0, 1, "state"), readUint(value, "uinteger", 32, "state")] : [0, 0];
      this._counter.set(counter);
      this._key = key;
      this._buffer.set(buffer);
      this._bufferPos = bufferPos;
      if (bits === 64) [this._hasUint32, this._uinteger] = extra;
    }
  };

export class Threefry extends ThreefryFront(BitGenerator64, 4, 64, "Threefry") {
  constructor(seed, options) {
    super(seed, options);
    this._ks = new Uint32Array(10);
  }

  /** counter += 1, then the buffer = the block of the new counter. */
  _refill() {
    incrementLimbs(this._counter);
    threefry4x64Block(this._counter, this._key, this._ks, this._buffer);
  }

  _fillPairs(out, offset, count) {
    const buffer = this._buffer;
    let pos = this._bufferPos;
    for (let k = 0, o = offset; k < count; k++, o += 2) {
      if (pos === 4) {
        this._refill();
        pos = 0;
      }
      out[o] = buffer[2 * pos];
      out[o + 1] = buffer[2 * pos + 1];
      pos++;
    }
    this._bufferPos = pos;
  }
}

export class Threefry2x32 extends ThreefryFront(BitGenerator32, 2, 32, "Threefry2x32") {
  /** counter += 1 (64 bits, with carry), then the buffer = the block of the new counter. */
  _refill() {
    incrementLimbs(this._counter);
    threefry2x32Block(this._key[0], this._key[1], this._counter[0], this._counter[1], this._buffer, 0);
  }

  nextUint32() {
    if (this._bufferPos === 2) {
      this._refill();
      this._bufferPos = 0;
    }
    return this._buffer[this._bufferPos++];
  }

  /** `out[i] = nextUint32()` for every i: whole blocks go straight into `out`. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    let i = 0;
    while (i < out.length && this._bufferPos < 2) out[i++] = this._buffer[this._bufferPos++];
    const k0 = this._key[0], k1 = this._key[1], ctr = this._counter;
    for (; out.length - i >= 2; i += 2) {
      incrementLimbs(ctr);
      threefry2x32Block(k0, k1, ctr[0], ctr[1], out, i);
    }
    if (i >= 2 && this._bufferPos === 2) this._buffer.set(out.subarray(i - 2, i)); // the last block, all used
    while (i < out.length) out[i++] = this.nextUint32();
    return out;
  }
}
