/**
 * The front every bit generator shares (docs/ARCHITECTURE.md, "Front semantics"): numpy's buffered
 * uint32 halves for 64-bit generators, the two-word double for 32-bit ones, and the bulk fills.
 * Subclasses provide the stream: `_fillPairs(out, offset, count)` (64-bit natives: `count` outputs
 * written as (low, high) uint32 pairs) or `nextUint32()`/`fillUint32(out)` (32-bit natives).
 */
import { checkArray, toCount } from "./checks.js";

const TWO_NEG_53 = 2 ** -53;
const CHUNK = 2048;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `count` raw 64-bit outputs, produced as (low, high) uint32 pairs by `fillPairs(out32, count)`. */
function rawFromPairs(count, fillPairs) {
  const out = new BigUint64Array(count);
  if (LITTLE_ENDIAN) {
    fillPairs(new Uint32Array(out.buffer), count);
  } else {
    const pairs = new Uint32Array(2 * count);
    fillPairs(pairs, count);
    for (let k = 0; k < count; k++) out[k] = (BigInt(pairs[2 * k + 1]) << 32n) | BigInt(pairs[2 * k]);
  }
  return out;
}

export class BitGenerator64 {
  constructor() {
    this._hasUint32 = 0;
    this._uinteger = 0;
    this._pair = new Uint32Array(2);
  }

  /** numpy's `random_raw(n)`: `n` 64-bit outputs. */
  randomRaw(n) {
    toCount(n, "n");
    return rawFromPairs(n, (out, count) => this._fillPairs(out, 0, count));
  }

  /** One 64-bit output as a bigint. */
  nextUint64() {
    const pair = this._pair;
    this._fillPairs(pair, 0, 1);
    return (BigInt(pair[1]) << 32n) | BigInt(pair[0]);
  }

  /** numpy's buffered `next_uint32`: the low half of a 64-bit output, then its high half. */
  nextUint32() {
    if (this._hasUint32) {
      this._hasUint32 = 0;
      return this._uinteger;
    }
    const pair = this._pair;
    this._fillPairs(pair, 0, 1);
    this._hasUint32 = 1;
    this._uinteger = pair[1];
    return pair[0];
  }

  /** numpy's `uint64_to_double`: `(next64 >> 11) * 2**-53`. */
  nextDouble() {
    const pair = this._pair;
    this._fillPairs(pair, 0, 1);
    return (pair[1] * 2097152 + (pair[0] >>> 11)) * TWO_NEG_53;
  }

  /** `out[i] = nextUint32()` for every i, in bulk. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    let i = 0;
    if (this._hasUint32 && out.length > 0) {
      out[i++] = this._uinteger;
      this._hasUint32 = 0;
    }
    const pairs = (out.length - i) >>> 1;
    if (pairs > 0) {
      this._fillPairs(out, i, pairs);
      this._uinteger = out[i + 2 * pairs - 1]; // numpy keeps the last high half, used or not
    }
    if (i + 2 * pairs < out.length) out[out.length - 1] = this.nextUint32();
    return out;
  }

  /** `out[i] = nextDouble()` for every i, in bulk. */
  fillDouble(out) {
    checkArray(out, Float64Array, "out");
    const pairs = new Uint32Array(2 * Math.min(CHUNK, out.length));
    for (let start = 0; start < out.length; start += CHUNK) {
      const count = Math.min(CHUNK, out.length - start);
      this._fillPairs(pairs, 0, count);
      for (let k = 0; k < count; k++) {
        out[start + k] = (pairs[2 * k + 1] * 2097152 + (pairs[2 * k] >>> 11)) * TWO_NEG_53;
      }
    }
    return out;
  }

  /** The uint32 buffer fields of the numpy state dict. */
  _bufferState() {
    return { has_uint32: this._hasUint32, uinteger: this._uinteger };
  }
}

/** The two-word double of 32-bit generators (numpy's MT19937 `next_double`, res53). */
function doubleFromWords(a, b) {
  return ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_NEG_53;
}

export class BitGenerator32 {
  /** numpy's `random_raw(n)`: `n` 32-bit outputs, zero-extended. */
  randomRaw(n) {
    toCount(n, "n");
    return rawFromPairs(n, (out, count) => {
      const words = this.fillUint32(new Uint32Array(count));
      for (let k = 0; k < count; k++) {
        out[2 * k] = words[k];
        out[2 * k + 1] = 0;
      }
    });
  }

  /** `(a << 32) | b`, the first draw high (numpy's MT19937 `next_uint64`). */
  nextUint64() {
    const a = this.nextUint32();
    return (BigInt(a) << 32n) | BigInt(this.nextUint32());
  }

  /** `((a >> 5) * 2**26 + (b >> 6)) / 2**53` from two draws. */
  nextDouble() {
    const a = this.nextUint32();
    return doubleFromWords(a, this.nextUint32());
  }

  /** `out[i] = nextUint32()` for every i (subclasses replace this with a loop over local state). */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    for (let i = 0; i < out.length; i++) out[i] = this.nextUint32();
    return out;
  }

  /** `out[i] = nextDouble()` for every i, in bulk. */
  fillDouble(out) {
    checkArray(out, Float64Array, "out");
    const words = new Uint32Array(2 * Math.min(CHUNK, out.length));
    for (let start = 0; start < out.length; start += CHUNK) {
      const count = Math.min(CHUNK, out.length - start);
      this.fillUint32(count === CHUNK ? words : words.subarray(0, 2 * count));
      for (let k = 0; k < count; k++) out[start + k] = doubleFromWords(words[2 * k], words[2 * k + 1]);
    }
    return out;
  }
}
