/**
 * numpy's bounded-integer samplers, written once for every width (prng/_bounded.py in JS): Lemire's
 * method (Generator), masked rejection (RandomState, and every shuffle through `random_interval`), and
 * the draw widths and small-type buffers numpy feeds them.
 *
 * The C originals are in numpy/random/src/distributions/distributions.c: `random_bounded_uint64`,
 * `random_bounded_uint{64,32,16,8}_fill`, `random_bounded_bool_fill`, `bounded_lemire_uint64`,
 * `buffered_bounded_lemire_uint{32,16,8}`, the `*_masked_*` twins and `random_interval`. They only
 * draw from a bit generator's `nextUint32` / `nextUint64`.
 *
 * Ranges and values are uint32 limb pairs (`hi`, `lo`), so 64-bit draws need no BigInt: a 64-bit
 * draw is read as limbs, and Lemire's 128-bit product is built from 32-bit partial products.
 */
import { Draws, uint64Reader } from "./draws.js";
import { mulhi32 } from "./limbs.js";

export { uint64Reader };

const U32_MAX = 0xffffffff;
const TWO_32 = 2 ** 32;

/** numpy's `gen_mask` for one non-zero 32-bit limb: the smallest `2**k - 1` >= `word`. */
export function genMask(word) {
  return U32_MAX >>> Math.clz32(word);
}

/**
 * The width of numpy's draws for the range [0, hi * 2**32 + lo] of a `dtypeBits`-bit dtype (1 for
 * bool): 0 (no draw) for an empty range, 64 only when a 64-bit range exceeds 32 bits, else 32, 16, 8
 * or 1.
 */
export function drawWidth(hi, lo, dtypeBits) {
  if (hi === 0 && lo === 0) return 0;
  if (dtypeBits === 64) return hi === 0 ? 32 : 64;
  return dtypeBits;
}

/**
 * Draws of numpy's widths, in numpy's order: `nextUint64`, `nextUint32`, or 16/8/1-bit pieces cut from
 * `nextUint32` lowest bits first (numpy's `buffered_uint16`/`buffered_uint8` and the bool buffer,
 * which live for one call: so does a DrawSource), from a bit generator or a `Draws` view.
 */
export class DrawSource {
  constructor(source) {
    this._bitgen = source;
    this._read64 = uint64Reader(source);
    this._buffer = 0;
    this._bufferBits = 0;
    this.pair = new Uint32Array(2); // the last 64-bit draw, [lo, hi]
  }

  /** The next draw of `bits` <= 32 bits, as a number. */
  take(bits) {
    if (bits === 32) return this._bitgen.nextUint32();
    if (this._bufferBits === 0) {
      this._buffer = this._bitgen.nextUint32();
      this._bufferBits = 32;
    }
    const piece = this._buffer & ((1 << bits) - 1);
    this._buffer >>>= bits;
    this._bufferBits -= bits;
    return piece;
  }

  /** The next 64-bit draw, into `this.pair`. */
  take64() {
    this._read64(this.pair);
    return this.pair;
  }

  /**
   * A lower bound on the draws still to come when each of `values` values takes at least one draw of
   * `bits` bits: `values` for whole draws, else the 32-bit draws their pieces need beyond the buffer.
   */
  drawsFor(values, bits) {
    return bits >= 32 ? values : Math.ceil((values * bits - this._bufferBits) / 32);
  }
}

/**
 * The width a `Draws` view over a call of these ranges may draw ahead with: 64 for 64-bit draws, 32
 * for 32-bit draws and their 16/8/1-bit pieces, 0 when a call has no draws.
 */
export function aheadWidth(drawBits) {
  if (drawBits === 0) return 0;
  return drawBits === 64 ? 64 : 32;
}

/**
 * numpy's `random_interval(max)` for 0 < max < 2**32 (every shuffle's draw): `nextUint32() & mask`
 * until it is <= max, with mask the smallest `2**k - 1` >= max. `source` is a bit generator or a view.
 */
export function interval32(source, max) {
  const mask = genMask(max);
  let value;
  do value = (source.nextUint32() & mask) >>> 0; while (value > max);
  return value;
}

/**
 * Lemire's step for a `width`-bit draw (width <= 32; numpy's `buffered_bounded_lemire_uint32/16/8`):
 * `m = draw * excl`; the value `m >> width` unless the low `width` bits of `m` are below `threshold`
 * (= 2**width mod excl), then -1 (rejected).
 */
function lemire32(draw, excl, threshold, width) {
  const low = Math.imul(draw, excl) >>> 0; // for width < 32 the whole product
  if (width === 32) return low >= threshold ? mulhi32(draw, excl) : -1;
  return low % (1 << width) >= threshold ? low >>> width : -1;
}

/**
 * The 128-bit product of two 64-bit limb pairs (`bounded_lemire_uint64`'s `m = draw * excl`), into
 * `out` as four limbs, least significant first.
 */
function mul64x64(aHi, aLo, bHi, bLo, out) {
  const ll = Math.imul(aLo, bLo) >>> 0, llHi = mulhi32(aLo, bLo);
  const lh = Math.imul(aLo, bHi) >>> 0, lhHi = mulhi32(aLo, bHi);
  const hl = Math.imul(aHi, bLo) >>> 0, hlHi = mulhi32(aHi, bLo);
  const hh = Math.imul(aHi, bHi) >>> 0, hhHi = mulhi32(aHi, bHi);
  const t1 = llHi + lh + hl; // < 3 * 2**32: exact
  const t2 = lhHi + hlHi + hh + Math.floor(t1 / TWO_32);
  out[0] = ll;
  out[1] = t1 >>> 0;
  out[2] = t2 >>> 0;
  out[3] = hhHi + Math.floor(t2 / TWO_32);
}

/** `2**64 mod excl` for `excl = hi * 2**32 + lo` > 0, as [hi, lo] limbs (exact `%` below 2**53). */
function pow64Mod(hi, lo) {
  if (hi < 2 ** 21) {
    const rem = 2 ** 64 % (hi * TWO_32 + lo);
    return [Math.floor(rem / TWO_32), rem >>> 0];
  }
  const rem = (1n << 64n) % ((BigInt(hi) << 32n) | BigInt(lo));
  return [Number(rem >> 32n), Number(rem & 0xffffffffn)];
}

/**
 * Values in [0, rng] one range at a time, as numpy draws them for a `dtypeBits`-bit dtype (1 for
 * bool) by Lemire's method, or by masked rejection with `useMasked`: `setRange(hi, lo)` then `next()`,
 * whose value is left in `this.hi` / `this.lo` (and returned as a number when below 2**53). One
 * sampler serves one numpy call, as its small-type buffer does. It draws from `source`, a bit
 * generator or a `Draws` view; a fill over a view opened with `aheadWidth` of its ranges' draw width
 * calls `owe(values)` before each value, so that the view can draw ahead.
 */
export class BoundedSampler {
  constructor(source, dtypeBits, useMasked) {
    this._draws = source instanceof Draws ? source : null;
    this._source = new DrawSource(source);
    this._dtypeBits = dtypeBits;
    this._useMasked = useMasked;
    this._product = new Uint32Array(4);
    // The current range and what its draws need (all fields set here, so the object keeps one shape).
    this._width = 0;
    this._whole = false;
    this._rngHi = this._rngLo = 0;
    this._maskHi = this._maskLo = 0;
    this._exclHi = this._exclLo = 0;
    this._thresholdHi = this._thresholdLo = 0;
    this.hi = 0;
    this.lo = 0;
  }

  /** The range [0, hi * 2**32 + lo] of the next draws; precomputes the mask or Lemire's threshold. */
  setRange(hi, lo) {
    const width = drawWidth(hi, lo, this._dtypeBits);
    this._width = width;
    this._rngHi = hi;
    this._rngLo = lo;
    // A range as wide as the draw takes the draw as is (numpy's `rng == 0xFF...` cases).
    this._whole = width === 64 ? hi === U32_MAX && lo === U32_MAX : width > 0 && lo === U32_MAX >>> (32 - width);
    if (this._useMasked) {
      this._maskHi = hi === 0 ? 0 : genMask(hi);
      this._maskLo = hi === 0 ? genMask(lo) : U32_MAX;
    } else if (width === 64) {
      this._exclLo = (lo + 1) >>> 0;
      this._exclHi = lo === U32_MAX ? hi + 1 : hi;
      [this._thresholdHi, this._thresholdLo] = pow64Mod(this._exclHi, this._exclLo);
    } else {
      this._exclLo = lo + 1;
      // 2**width mod excl, as uint32 arithmetic (an integer division, not a double fmod)
      this._thresholdLo = width === 32 ? ((0 - this._exclLo) >>> 0) % this._exclLo : (1 << width) % this._exclLo;
    }
    return this;
  }

  /** Tells the view that `values` values of the current range, this one included, are still to come. */
  owe(values) {
    if (this._draws !== null) this._draws.owed = this._source.drawsFor(values, this._width);
    return this;
  }

  /** The range [0, max] for a safe integer `max` >= 0. */
  setMax(max) {
    return this.setRange(Math.floor(max / TWO_32), max >>> 0);
  }

  /** One value of the range (numpy's bounded draw of the range's width; none for an empty range). */
  next() {
    const width = this._width;
    if (width === 0) {
      this.hi = this.lo = 0;
    } else if (width === 64) {
      this._next64();
    } else {
      this.hi = 0;
      this.lo = this._next32(width);
    }
    return this.hi * TWO_32 + this.lo;
  }

  _next32(width) {
    const source = this._source, rng = this._rngLo;
    if (this._whole) return source.take(width);
    if (this._useMasked) {
      for (;;) {
        const value = (source.take(width) & this._maskLo) >>> 0;
        if (value <= rng) return value;
      }
    }
    for (;;) {
      const value = lemire32(source.take(width), this._exclLo, this._thresholdLo, width);
      if (value >= 0) return value;
    }
  }

  _next64() {
    const source = this._source;
    for (;;) {
      const draw = source.take64();
      const drawLo = draw[0], drawHi = draw[1];
      if (this._whole) {
        this.hi = drawHi;
        this.lo = drawLo;
        return;
      }
      if (this._useMasked) {
        const hi = (drawHi & this._maskHi) >>> 0, lo = drawLo;
        if (hi < this._rngHi || (hi === this._rngHi && lo <= this._rngLo)) {
          this.hi = hi;
          this.lo = lo;
          return;
        }
      } else {
        const m = this._product;
        mul64x64(drawHi, drawLo, this._exclHi, this._exclLo, m);
        if (m[1] > this._thresholdHi || (m[1] === this._thresholdHi && m[0] >= this._thresholdLo)) {
          this.hi = m[3];
          this.lo = m[2];
          return;
        }
      }
    }
  }
}
