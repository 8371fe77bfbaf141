/**
 * The view every JS sampler draws from: native/distributions/draws.h in JS.
 *
 * A sampler call opens a `Draws` over a bit generator and draws with numpy's `next_uint32`
 * (`nextUint32()`), `next_uint64` (`nextUint64()` as a bigint, or as [lo, hi] limbs through
 * `uint64Reader(draws)` / `read64(pair)`) and `next_double` (`nextDouble()`), the same interface as a
 * bit generator, so a sampler takes either.
 *
 * Drawing ahead: a fill whose values all start with a draw of one width (32: `nextUint32`; 64:
 * `nextUint64` or `nextDouble`) and make no draw of the other width opens its view with that width
 * (`new Draws(bitgen, 32 | 64)`) and keeps `owed` (a lower bound on the draws still to come: for most
 * fills, the values still owed) up to date. When a draw finds no draw made ahead, the view makes up to
 * `owed` of them at once with the generator's bulk fill (`fillUint32`, or `_fillPairs` for 64-bit
 * generators). None is left unused, so the generator ends exactly where numpy's does; numpy's buffered
 * uint32 half stays in the generator, where `fillUint32` honours it as single draws do. 32-bit
 * generators draw only 64-bit draws ahead (their `nextUint32` is as cheap as a view's); generators whose
 * doubles are not made of their 64-bit draws (ARC4, MidSquare) and other objects never draw ahead, and
 * a fill then draws from the generator itself (`source`). `close()` checks that every draw made ahead
 * was used.
 */
import { BitGenerator32, BitGenerator64 } from "./bitgen.js";

const AHEAD = 512; // 64-bit draws (or twice as many 32-bit ones) made ahead at most
const AHEAD_MIN = 16; // below this many, drawing ahead does not pay
const TWO_NEG_53 = 2 ** -53;
const NO_WORDS = new Uint32Array(0);

/**
 * A function that writes one `nextUint64()` of `source` into `pair` as [lo, hi] limbs, without
 * BigInt for prng's bit generators and views: 64-bit generators through their `_fillPairs` stream
 * (bitgen.js), 32-bit ones as two words, the first high (their `nextUint64`), a `Draws` through its
 * `read64`. Other objects go through the bigint.
 */
export function uint64Reader(source) {
  if (source instanceof Draws) return (pair) => source.read64(pair);
  if (typeof source._fillPairs === "function") return (pair) => source._fillPairs(pair, 0, 1);
  if (source instanceof BitGenerator32) {
    return (pair) => {
      pair[1] = source.nextUint32();
      pair[0] = source.nextUint32();
    };
  }
  return (pair) => {
    const value = source.nextUint64();
    pair[0] = Number(value & 0xffffffffn);
    pair[1] = Number(value >> 32n);
  };
}

/**
 * 32 when `bitgen`'s `fillUint32` is its `nextUint32` in bulk and drawing ahead pays: 64-bit
 * generators (their `nextUint32` halves a 64-bit draw); 0 for 32-bit ones (MT19937's `nextUint32` is
 * already one load) and other objects.
 */
function width32(bitgen) {
  return bitgen instanceof BitGenerator64 ? 32 : 0;
}

/**
 * 64 when `bitgen`'s 64-bit draws can be made in bulk and its doubles are made of them (numpy's
 * `next_double`: the top 53 bits for 64-bit generators, 27 + 26 bits of the two words of 32-bit ones),
 * else 0 (ARC4's seedrandom doubles, MidSquare, other objects).
 */
function width64(bitgen) {
  if (bitgen instanceof BitGenerator64) return typeof bitgen._fillPairs === "function" ? 64 : 0;
  if (!(bitgen instanceof BitGenerator32)) return 0;
  const base = BitGenerator32.prototype;
  return bitgen.nextDouble === base.nextDouble && bitgen.nextUint64 === base.nextUint64 ? 64 : 0;
}

export class Draws {
  /**
   * A view of `bitgen` for one call. `width` 32 or 64 lets it draw ahead (see the module comment):
   * set `owed` before each value; 0 (the default) never draws ahead.
   */
  constructor(bitgen, width = 0) {
    this._bitgen = bitgen;
    this._read64 = uint64Reader(bitgen);
    this._width = width === 32 ? width32(bitgen) : width === 64 ? width64(bitgen) : 0;
    this._hiFirst = this._width === 64 && bitgen instanceof BitGenerator32; // 32-bit generators: (a << 32) | b
    this.owed = 0;
    this._words = NO_WORDS; // the draws made ahead: 32-bit words, or (lo, hi) pairs for width 64
    this._next = 0; // the next unused word of `_words`
    this._end = 0; // the end of the draws made ahead
  }

  /** The bit generator drawn from. */
  get bitGenerator() {
    return this._bitgen;
  }

  /** What a fill draws from: this view when it draws ahead, else the bit generator itself. */
  get source() {
    return this._width !== 0 ? this : this._bitgen;
  }

  /** The buffer for draws made ahead, allocated on first use (so scalar calls allocate nothing). */
  _buffer() {
    if (this._words.length === 0) this._words = new Uint32Array(2 * AHEAD);
    return this._words;
  }

  /** Makes up to `owed` 32-bit draws ahead (false: none to make, draw singly). */
  _ahead32() {
    if (this._width !== 32 || this.owed < AHEAD_MIN) return false;
    const k = Math.min(this.owed, 2 * AHEAD);
    this._bitgen.fillUint32(this._buffer().subarray(0, k));
    this._next = 0;
    this._end = k;
    return true;
  }

  /** Makes up to `owed` 64-bit draws ahead, as (lo, hi) pairs (false: none to make). */
  _ahead64() {
    if (this._width !== 64 || this.owed < AHEAD_MIN) return false;
    const k = Math.min(this.owed, AHEAD), words = this._buffer();
    if (this._hiFirst) {
      this._bitgen.fillUint32(words.subarray(0, 2 * k));
      for (let p = 0; p < 2 * k; p += 2) {
        const hi = words[p];
        words[p] = words[p + 1];
        words[p + 1] = hi;
      }
    } else {
      this._bitgen._fillPairs(words, 0, k);
    }
    this._next = 0;
    this._end = 2 * k;
    return true;
  }

  /** The generator itself, for a single draw; none of the other width may be waiting. */
  _single() {
    if (this._next < this._end) throw new Error("Draws: a draw of one width while draws of the other are made ahead");
    return this._bitgen;
  }

  /** numpy's `next_uint32`: a draw made ahead, or the generator's. */
  nextUint32() {
    if (this._width === 32 && (this._next < this._end || this._ahead32())) return this._words[this._next++];
    return this._single().nextUint32();
  }

  /** numpy's `next_uint64` into `pair` as [lo, hi] uint32 limbs: a draw made ahead, or the generator's. */
  read64(pair) {
    if (this._width === 64 && (this._next < this._end || this._ahead64())) {
      const p = this._next;
      pair[0] = this._words[p];
      pair[1] = this._words[p + 1];
      this._next = p + 2;
    } else {
      this._single();
      this._read64(pair);
    }
  }

  /** numpy's `next_uint64` as a bigint. */
  nextUint64() {
    const pair = new Uint32Array(2);
    this.read64(pair);
    return (BigInt(pair[1]) << 32n) | BigInt(pair[0]);
  }

  /**
   * numpy's `next_double`; a 64-bit draw made ahead becomes the generator's double: its top 53 bits,
   * or for 32-bit generators 27 + 26 bits of its two words (`mt19937_next_double`).
   */
  nextDouble() {
    if (this._width === 64 && (this._next < this._end || this._ahead64())) {
      const w = this._words, p = this._next;
      this._next = p + 2;
      if (this._hiFirst) return ((w[p + 1] >>> 5) * 67108864 + (w[p] >>> 6)) * TWO_NEG_53;
      return (w[p + 1] * 2097152 + (w[p] >>> 11)) * TWO_NEG_53;
    }
    return this._single().nextDouble();
  }

  /** The end of the call: every draw made ahead must have been used (an internal error otherwise). */
  close() {
    const unused = this._end - this._next;
    if (unused > 0) throw new Error(`Draws: ${this._width === 64 ? unused / 2 : unused} draws made ahead were not used`);
  }
}
