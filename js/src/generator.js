/**
 * numpy's `Generator`: distributions on any prng bit generator, value for value (prng/generator.py
 * in JS). Each call draws through a `Draws` view (draws.js), which draws ahead in bulk where numpy's
 * draws allow it.
 *
 * `new Generator(bitGenerator)` gives the same values as `numpy.random.Generator` on a numpy bit
 * generator in the same state, and leaves the bit generator in the same state afterwards (including the
 * buffered uint32 half, which lives in the bit generator and so carries over between calls). The bit
 * generator is only reached through `nextUint32`, `nextUint64` and `nextDouble` (and the bulk
 * `fillUint32` / `fillDouble` where it has them).
 *
 * Method by method the numpy sources are numpy/random/_generator.pyx and _bounded_integers.pyx.in
 * for the argument handling, and src/distributions/distributions.c for the samplers (here bounded.js
 * and ziggurat.js). Sizes are counts: `n` omitted gives one value (numpy's `size=None`), else a typed
 * array of `n` values.
 */
import { BoundedSampler, aheadWidth, drawWidth, interval32 } from "./bounded.js";
import { describe, toBigInt, toCount } from "./checks.js";
import { Draws } from "./draws.js";
import { PCG64 } from "./pcg64.js";
import { Ziggurat } from "./ziggurat.js";

const TWO_32 = 2 ** 32;
const U32_MAX = 0xffffffff;
const SHUFFLE_BLOCK = 128; // Fisher-Yates positions drawn ahead of their swaps
const TWO_NEG_24 = 2 ** -24;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** numpy's integer dtypes (and bool) by name: width in bits and the typed array that holds them. */
const INTEGER_DTYPES = {
  int8: { bits: 8, signed: true, Array: Int8Array },
  int16: { bits: 16, signed: true, Array: Int16Array },
  int32: { bits: 32, signed: true, Array: Int32Array },
  int64: { bits: 64, signed: true, Array: BigInt64Array },
  uint8: { bits: 8, signed: false, Array: Uint8Array },
  uint16: { bits: 16, signed: false, Array: Uint16Array },
  uint32: { bits: 32, signed: false, Array: Uint32Array },
  uint64: { bits: 64, signed: false, Array: BigUint64Array },
  bool: { bits: 1, signed: false, Array: Uint8Array },
};

const FLOAT_DTYPES = { float64: Float64Array, float32: Float32Array };

/** The spec of integer dtype `dtype` with its bounds as bigints; anything else is a TypeError. */
function integerDtype(dtype) {
  const spec = Object.hasOwn(INTEGER_DTYPES, dtype) ? INTEGER_DTYPES[dtype] : undefined;
  if (!spec) {
    throw new TypeError(`dtype must be one of ${Object.keys(INTEGER_DTYPES).join(", ")}, got ${describe(dtype)}`);
  }
  const bits = BigInt(spec.bits);
  const min = spec.signed ? -(1n << (bits - 1n)) : 0n;
  const max = spec.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return { ...spec, name: dtype, min, max };
}

/** The typed array for float dtype `dtype` ("float64" or "float32") of `method`. */
function floatDtype(dtype, method) {
  if (!Object.hasOwn(FLOAT_DTYPES, dtype)) {
    throw new TypeError(`${method}: dtype must be "float64" or "float32", got ${describe(dtype)}`);
  }
  return FLOAT_DTYPES[dtype];
}

/** 1 for `n` undefined (numpy's `size=None`), else `n` as a count. */
function countOf(n) {
  return n === undefined ? 1 : toCount(n, "n");
}

/** A BigInt64Array / BigUint64Array from (lo, hi) uint32 limb pairs. */
function bigArrayFromPairs(Type, pairs) {
  if (LITTLE_ENDIAN) return new Type(pairs.buffer, pairs.byteOffset, pairs.length / 2);
  const wrap = Type === BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
  return Type.from({ length: pairs.length / 2 }, (_, k) =>
    wrap(64, (BigInt(pairs[2 * k + 1]) << 32n) | BigInt(pairs[2 * k])));
}

/**
 * numpy's `_rand_<dtype>` scalar-bounds path: `n` integers of `dtype` in [low, high) (or [low, high]
 * with `endpoint`) by Lemire's method, or by masked rejection with `useMasked` (RandomState): a
 * typed array, or one value (a number, a bigint for 64-bit dtypes, a boolean for bool) when `n` is
 * undefined. `low`/`high` are safe integers or bigints.
 */
export function boundedIntegers(bitgen, low, high, n, dtype, endpoint, useMasked) {
  const spec = integerDtype(dtype);
  const count = countOf(n);
  if (count === 0) return new spec.Array(0);
  const lowBig = toBigInt(low, "low"), highBig = toBigInt(high, "high");
  const closedHigh = endpoint ? highBig : highBig - 1n;
  if (lowBig < spec.min) throw new RangeError(`low must be >= ${spec.min} for ${dtype}, got ${low}`);
  if (closedHigh > spec.max) {
    throw new RangeError(`high must be <= ${endpoint ? spec.max : spec.max + 1n} for ${dtype}, got ${high}`);
  }
  if (lowBig > closedHigh) {
    throw new RangeError(`high must be ${endpoint ? ">=" : ">"} low (${low}), got ${high}`);
  }
  const rng = closedHigh - lowBig;
  const rngHi = Number(rng >> 32n), rngLo = Number(rng & 0xffffffffn);
  const draws = new Draws(bitgen, aheadWidth(drawWidth(rngHi, rngLo, spec.bits)));
  const sampler = new BoundedSampler(draws.source, spec.bits, useMasked).setRange(rngHi, rngLo);
  // numpy's off + draw, wrapped to the dtype's width (the typed array stores wrap it) and read back
  // as signed where it is signed.
  const off = BigInt.asUintN(64, lowBig);
  let values;
  if (spec.bits === 64) {
    const offHi = Number(off >> 32n), offLo = Number(off & 0xffffffffn);
    const pairs = new Uint32Array(2 * count);
    for (let k = 0; k < count; k++) {
      sampler.owe(count - k).next();
      const lo = offLo + sampler.lo;
      pairs[2 * k] = lo;
      pairs[2 * k + 1] = offHi + sampler.hi + (lo >= TWO_32 ? 1 : 0);
    }
    values = bigArrayFromPairs(spec.Array, pairs);
  } else {
    const offset = Number(BigInt.asUintN(32, off));
    values = new spec.Array(count);
    for (let k = 0; k < count; k++) values[k] = offset + sampler.owe(count - k).next();
  }
  draws.close();
  if (n !== undefined) return values;
  return spec.bits === 1 ? values[0] === 1 : values[0];
}

/**
 * numpy's `shuffle` (Generator and RandomState): Fisher-Yates in place on an Array or typed array,
 * swapping `x[i]` with `x[random_interval(i)]` for i = n-1 down to 1 (masked rejection draws, each
 * value at least one 32-bit draw while i < 2**32).
 */
export function shuffleInPlace(bitgen, x) {
  checkSequence(x, "x");
  if (x.length - 1 > U32_MAX) {
    const sampler = new BoundedSampler(bitgen, 64, true); // 64-bit draws while i >= 2**32
    for (let i = x.length - 1; i > 0; i--) swap(x, i, sampler.setMax(i).next());
    return;
  }
  // The swaps' positions are drawn a block at a time, then the block's swaps run: the same draws and
  // swaps in the same order, but the CPU overlaps the swaps' cache misses (no rejection branch between).
  const draws = new Draws(bitgen, 32), source = draws.source;
  const positions = new Uint32Array(Math.min(SHUFFLE_BLOCK, x.length));
  for (let top = x.length - 1; top > 0; top -= SHUFFLE_BLOCK) {
    const count = Math.min(SHUFFLE_BLOCK, top);
    for (let k = 0; k < count; k++) {
      draws.owed = top - k;
      positions[k] = interval32(source, top - k);
    }
    for (let k = 0; k < count; k++) swap(x, top - k, positions[k]);
  }
  draws.close();
}

/** Swaps `x[i]` and `x[j]`. */
function swap(x, i, j) {
  const item = x[i];
  x[i] = x[j];
  x[j] = item;
}

/** `x` must be an Array or a typed array. */
function checkSequence(x, name) {
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    throw new TypeError(`${name} must be an Array or a typed array, got ${describe(x)}`);
  }
  return x;
}

/** `0, 1, ..., n-1` as a Float64Array (numpy's `arange(n)`). */
function arange(n) {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/** `n` values of `Type` from `draw()`, or one number when `n` is undefined. */
export function sample(n, Type, draw) {
  if (n === undefined) return draw();
  const out = new Type(toCount(n, "n"));
  for (let k = 0; k < out.length; k++) out[k] = draw();
  return out;
}

/**
 * A sampler's fill through the view `draws` (draws.js): `n` values of `Type` from `draw()`, each one
 * numpy value drawn from `draws` (one number when `n` is undefined), with `draws.owed` set to the
 * values still to come before each. Open `draws` with width 32 or 64 only when every value makes at
 * least one draw of that width and none of the other; closes it.
 */
export function sampleDraws(draws, n, Type, draw) {
  let values;
  if (n === undefined) {
    values = draw();
  } else {
    values = new Type(toCount(n, "n"));
    for (let k = 0; k < values.length; k++) {
      draws.owed = values.length - k;
      values[k] = draw();
    }
  }
  draws.close();
  return values;
}

/** `n` `nextDouble` draws into a Float64Array (in bulk through `fillDouble` when the bit generator has it). */
function doubles(bitgen, n) {
  const out = new Float64Array(n);
  if (typeof bitgen.fillDouble === "function") return bitgen.fillDouble(out);
  for (let k = 0; k < n; k++) out[k] = bitgen.nextDouble();
  return out;
}

/** `n` `nextUint32` draws into a Uint32Array (in bulk through `fillUint32` when the bit generator has it). */
function words32(bitgen, n) {
  const out = new Uint32Array(n);
  if (typeof bitgen.fillUint32 === "function") return bitgen.fillUint32(out);
  for (let k = 0; k < n; k++) out[k] = bitgen.nextUint32();
  return out;
}

/** numpy's `choice` population checks: `a` is a positive integer or a non-empty sequence; its size. */
export function populationSize(a, count) {
  if (typeof a === "number") {
    const size = toCount(a, "a");
    if (size === 0 && count > 0) throw new RangeError("a must be a positive integer unless no samples are taken");
    return size;
  }
  checkSequence(a, "a");
  if (a.length === 0 && count > 0) throw new RangeError("a must be non-empty unless no samples are taken");
  return a.length;
}

/**
 * numpy's `_shuffle_int`: swap `items[i]` with `items[random_bounded_uint64(0, i)]` for i = len-1
 * down to `first` (Lemire draws, from `sampler`).
 */
function partialShuffle(sampler, items, first) {
  for (let i = items.length - 1; i >= first; i--) swap(items, i, sampler.setMax(i).owe(i - first + 1).next());
  return items;
}

/**
 * The picks of `choice`: for a population size `a`, the indices themselves (a number, or a
 * Float64Array); for a sequence `a`, its elements at the indices (one element, or an Array; a typed
 * array gives the same typed array).
 */
export function pick(a, indices, n) {
  if (typeof a === "number") return n === undefined ? indices[0] : indices;
  if (n === undefined) return a[indices[0]];
  return Array.isArray(a) ? Array.from(indices, (i) => a[i]) : a.constructor.from(indices, (i) => a[i]);
}

export class Generator {
  /** numpy.random.Generator's distributions over any prng bit generator (`bitGenerator`). */
  constructor(bitGenerator) {
    for (const method of ["nextUint32", "nextUint64", "nextDouble"]) {
      if (typeof bitGenerator?.[method] !== "function") {
        throw new TypeError(`bitGenerator must have a ${method}() method, got ${describe(bitGenerator)}`);
      }
    }
    this._bitGenerator = bitGenerator;
  }

  /** The bit generator every draw comes from. */
  get bitGenerator() {
    return this._bitGenerator;
  }

  /**
   * numpy's `Generator.random`: float64 from `nextDouble`, float32 from the top 24 bits of
   * `nextUint32` (`random_standard_uniform_fill[_f]`), drawn in bulk.
   */
  random(n, { dtype = "float64" } = {}) {
    const Type = floatDtype(dtype, "random");
    const count = countOf(n);
    let values;
    if (Type === Float64Array) {
      values = doubles(this._bitGenerator, count);
    } else {
      const words = words32(this._bitGenerator, count);
      values = new Float32Array(count);
      for (let k = 0; k < count; k++) values[k] = (words[k] >>> 8) * TWO_NEG_24;
    }
    return n === undefined ? values[0] : values;
  }

  /**
   * numpy's `Generator.integers(low, high, size, dtype, endpoint)`: Lemire's method for every integer
   * dtype and bool, with numpy's 32-bit draws for small 64-bit ranges and 8/16/1-bit draws cut from
   * one `nextUint32`. `high` undefined or null: [0, low). 64-bit dtypes give BigInt64Array /
   * BigUint64Array (bigint scalars).
   */
  integers(low, high, n, { dtype = "int64", endpoint = false } = {}) {
    if (high === undefined || high === null) [low, high] = [0, low];
    return boundedIntegers(this._bitGenerator, low, high, n, dtype, endpoint, false);
  }

  /** numpy's `Generator.standard_normal`: the 256-layer ziggurat (`random_standard_normal[_f]`). */
  standardNormal(n, { dtype = "float64" } = {}) {
    const bitgen = this._bitGenerator;
    if (floatDtype(dtype, "standardNormal") === Float32Array) {
      return zigguratSample(bitgen, n, Float32Array, 32, (zig) => zig.standardNormalF());
    }
    return zigguratSample(bitgen, n, Float64Array, 64, (zig) => zig.standardNormal());
  }

  /** numpy's `Generator.standard_exponential(method='zig')` (`random_standard_exponential[_f]`). */
  standardExponential(n, { dtype = "float64" } = {}) {
    const bitgen = this._bitGenerator;
    if (floatDtype(dtype, "standardExponential") === Float32Array) {
      return zigguratSample(bitgen, n, Float32Array, 32, (zig) => zig.standardExponentialF());
    }
    return zigguratSample(bitgen, n, Float64Array, 64, (zig) => zig.standardExponential());
  }

  /** numpy's `Generator.exponential(scale, size)`: `scale * standard_exponential`. */
  exponential(scale = 1.0, n) {
    if (typeof scale !== "number" || !(scale >= 0)) {
      throw new RangeError(`scale must be a number >= 0, got ${describe(scale)}`);
    }
    return zigguratSample(this._bitGenerator, n, Float64Array, 64, (zig) => scale * zig.standardExponential());
  }

  /** numpy's `Generator.shuffle`: Fisher-Yates in place with masked-rejection draws. */
  shuffle(x) {
    shuffleInPlace(this._bitGenerator, x);
  }

  /**
   * numpy's `Generator.permutation`: for a count `x`, a shuffled `arange(x)` as a Float64Array; for an
   * Array or typed array, a shuffled copy.
   */
  permutation(x) {
    const out = typeof x === "number" ? arange(toCount(x, "x")) : checkSequence(x, "x").slice();
    this.shuffle(out);
    return out;
  }

  /**
   * numpy's `Generator.choice(a, size, replace, shuffle)` without `p`: with replacement
   * `integers(0, n, size)`; without, a partial Fisher-Yates from the end (large populations) or Floyd's
   * method then a shuffle (Lemire draws throughout). `a` is a population size or a sequence.
   */
  choice(a, n, { replace = true, shuffle = true } = {}) {
    const count = countOf(n);
    const popSize = populationSize(a, count);
    let indices;
    if (replace) {
      indices = this._indicesWithReplacement(popSize, count);
    } else {
      if (count > popSize) {
        throw new RangeError(`n must be <= the population size ${popSize} when replace is false, got ${count}`);
      }
      indices = this._sampleWithoutReplacement(popSize, count, shuffle);
    }
    return pick(a, indices, n);
  }

  /** `count` indices below `popSize` for `choice(replace=True)`: numpy's `integers(0, popSize)` (Lemire). */
  _indicesWithReplacement(popSize, count) {
    const indices = new Float64Array(count);
    if (count === 0) return indices;
    const hi = Math.floor((popSize - 1) / TWO_32), lo = (popSize - 1) >>> 0;
    const draws = new Draws(this._bitGenerator, aheadWidth(drawWidth(hi, lo, 64)));
    const sampler = new BoundedSampler(draws.source, 64, false).setRange(hi, lo);
    for (let k = 0; k < count; k++) indices[k] = sampler.owe(count - k).next();
    draws.close();
    return indices;
  }

  /**
   * numpy's index selection for `choice(replace=False)` without `p`: `count` distinct indices below
   * `popSize`, in numpy's order (Lemire draws, `random_bounded_uint64`; 32 bits each below 2**32).
   */
  _sampleWithoutReplacement(popSize, count, shuffle) {
    const draws = new Draws(this._bitGenerator, popSize - 1 <= U32_MAX ? 32 : 0);
    const sampler = new BoundedSampler(draws.source, 64, false);
    let chosen;
    if (popSize > 10000 && count > Math.floor(popSize / (shuffle ? 50 : 20))) {
      chosen = partialShuffle(sampler, arange(popSize), Math.max(popSize - count, 1)).slice(popSize - count);
    } else {
      chosen = new Float64Array(count);
      const seen = new Set();
      for (let k = 0, j = popSize - count; k < count; k++, j++) {
        let v = sampler.setMax(j).owe(count - k).next();
        if (seen.has(v)) v = j; // Floyd: a repeat is replaced by j, which cannot have been chosen
        seen.add(v);
        chosen[k] = v;
      }
      if (shuffle) partialShuffle(sampler, chosen, 1);
    }
    draws.close();
    return chosen;
  }

  /**
   * numpy's `Generator.bytes`: `integers(0, 2**32, ceil(length/4), uint32)` as little-endian bytes,
   * cut to `length`.
   */
  bytes(length) {
    toCount(length, "length");
    const words = this.integers(0, TWO_32, Math.ceil(length / 4), { dtype: "uint32" });
    return Uint8Array.from({ length }, (_, k) => (words[k >>> 2] >>> (8 * (k & 3))) & 0xff);
  }
}

/**
 * A ziggurat fill: `n` values of `Type` from `draw(zig)`, a `Ziggurat` over a view of `bitgen` that
 * draws ahead with `width` (every ziggurat value starts with a draw of its width and makes none of
 * the other: 64 for float64, 32 for float32).
 */
function zigguratSample(bitgen, n, Type, width, draw) {
  const draws = new Draws(bitgen, width), zig = new Ziggurat(draws);
  return sampleDraws(draws, n, Type, () => draw(zig));
}

/**
 * numpy's `default_rng`: a Generator over `new PCG64(seed)`; a Generator is returned as is and a bit
 * generator is wrapped.
 */
export function defaultRng(seed) {
  if (seed instanceof Generator) return seed;
  if (typeof seed?.nextUint64 === "function" && typeof seed?.nextDouble === "function") return new Generator(seed);
  return new Generator(new PCG64(seed));
}
