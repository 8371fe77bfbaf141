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
import { Continuous } from "./continuous.js";
import { dirichletDraws, mixContinuous, uniformDraws } from "./continuous_methods.js";
import { Discrete } from "./discrete.js";
import {
  Int64Out, NON_NEGATIVE, POISSON_LAM_MAX, bigArrayFromPairs, floatDraws, int64Draws, isArrayLike, isNonNegative, param,
} from "./params.js";
import { Draws } from "./draws.js";
import { PCG64 } from "./pcg64.js";
import { Ziggurat } from "./ziggurat.js";

const TWO_32 = 2 ** 32;
const U32_MAX = 0xffffffff;
const SHUFFLE_BLOCK = 128; // Fisher-Yates positions drawn ahead of their swaps
const TWO_NEG_24 = 2 ** -24;

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

/**
 * The bounds of `integers` / `randint` as uint32 limb arrays (one entry, or one per value): the offset
 * `low` and the range `closedHigh - low` (numpy's `off` and `rng`), each bound checked for `spec`.
 */
function boundLimbs(low, high, spec, endpoint) {
  const lows = isArrayLike(low) ? Array.from(low) : [low];
  const highs = isArrayLike(high) ? Array.from(high) : [high];
  const length = Math.max(lows.length, highs.length);
  if (lows.length !== highs.length && Math.min(lows.length, highs.length) !== 1) {
    throw new RangeError(`low (${lows.length} values) and high (${highs.length} values) do not broadcast`);
  }
  const limbs = { offHi: new Uint32Array(length), offLo: new Uint32Array(length), rngHi: new Uint32Array(length), rngLo: new Uint32Array(length) };
  for (let k = 0; k < length; k++) {
    const lowValue = lows[lows.length === 1 ? 0 : k], highValue = highs[highs.length === 1 ? 0 : k];
    const where = (name) => (isArrayLike(name === "low" ? low : high) ? `${name}[${k}]` : name);
    const lowBig = toBigInt(lowValue, where("low")), highBig = toBigInt(highValue, where("high"));
    const closedHigh = endpoint ? highBig : highBig - 1n;
    if (lowBig < spec.min) throw new RangeError(`${where("low")} must be >= ${spec.min} for ${spec.name}, got ${lowValue}`);
    if (closedHigh > spec.max) {
      throw new RangeError(`${where("high")} must be <= ${endpoint ? spec.max : spec.max + 1n} for ${spec.name}, got ${highValue}`);
    }
    if (lowBig > closedHigh) {
      throw new RangeError(`${where("high")} must be ${endpoint ? ">=" : ">"} low (${lowValue}), got ${highValue}`);
    }
    const off = BigInt.asUintN(64, lowBig), rng = closedHigh - lowBig;
    limbs.offHi[k] = Number(off >> 32n);
    limbs.offLo[k] = Number(off & 0xffffffffn);
    limbs.rngHi[k] = Number(rng >> 32n);
    limbs.rngLo[k] = Number(rng & 0xffffffffn);
  }
  return limbs;
}

/**
 * numpy's `_rand_<dtype>`: `n` integers of `dtype` in [low, high) (or [low, high] with `endpoint`) by
 * Lemire's method, or by masked rejection with `useMasked` (RandomState): a typed array, or one value
 * (a number, a bigint for 64-bit dtypes, a boolean for bool) when `n` is undefined and the bounds
 * are scalars. `low`/`high` are safe integers or bigints, or arrays of them (numpy's broadcast path,
 * 1-D: each array has the result's length or length 1), all checked before any draw. Both paths
 * make the same draws per value; the small-type buffer lives for the call.
 */
export function boundedIntegers(bitgen, low, high, n, dtype, endpoint, useMasked) {
  const spec = integerDtype(dtype);
  if (n !== undefined && toCount(n, "n") === 0) return new spec.Array(0); // numpy: no checks for size 0
  const arrays = isArrayLike(low) || isArrayLike(high);
  const limbs = boundLimbs(low, high, spec, endpoint);
  const length = limbs.offLo.length;
  const count = n === undefined ? (arrays ? length : 1) : n;
  if (length !== 1 && length !== count) throw new RangeError(`low and high have ${length} values, which do not broadcast to ${count}`);
  if (count === 0) return new spec.Array(0);
  const step = length === 1 ? 0 : 1;
  // one range for every value: its draws all have one width, so the view may draw ahead; per-value
  // ranges may switch between 32- and 64-bit draws, so they draw from the generator itself
  const width = step === 0 ? aheadWidth(drawWidth(limbs.rngHi[0], limbs.rngLo[0], spec.bits)) : 0;
  const draws = new Draws(bitgen, width);
  const sampler = new BoundedSampler(draws.source, spec.bits, useMasked);
  if (step === 0) sampler.setRange(limbs.rngHi[0], limbs.rngLo[0]);
  // numpy's off + draw, wrapped to the dtype's width (the typed array stores wrap it) and read back
  // as signed where it is signed.
  let values;
  if (spec.bits === 64) {
    const pairs = new Uint32Array(2 * count);
    for (let k = 0; k < count; k++) {
      const j = k * step;
      if (step) sampler.setRange(limbs.rngHi[j], limbs.rngLo[j]);
      sampler.owe(count - k).next();
      const lo = limbs.offLo[j] + sampler.lo;
      pairs[2 * k] = lo;
      pairs[2 * k + 1] = limbs.offHi[j] + sampler.hi + (lo >= TWO_32 ? 1 : 0);
    }
    values = bigArrayFromPairs(spec.Array, pairs);
  } else {
    values = new spec.Array(count);
    for (let k = 0; k < count; k++) {
      const j = k * step;
      if (step) sampler.setRange(0, limbs.rngLo[j]);
      values[k] = limbs.offLo[j] + sampler.owe(count - k).next();
    }
  }
  draws.close();
  if (n !== undefined || arrays) return values;
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

/** numpy's CONS_POISSON: 0 <= lam <= POISSON_LAM_MAX (NaN fails). */
export const isPoissonLam = (v) => v >= 0 && v <= POISSON_LAM_MAX;
/** numpy's CONS_BOUNDED_GT_0_1: 0 < p <= 1. */
export const isProbabilityGt0 = (v) => v > 0 && v <= 1;
/** numpy's CONS_BOUNDED_LT_0_1: 0 <= p < 1. */
export const isProbabilityLt1 = (v) => v >= 0 && v < 1;
/** numpy's CONS_BOUNDED_0_1: 0 <= p <= 1. */
const isProbability = (v) => v >= 0 && v <= 1;
/** The largest sum(colors) of `multivariateHypergeometric(method="count")` (its index array is a Uint32Array). */
const MVHG_COUNT_MAX = 2 ** 32 - 1;
export const HYPERGEOMETRIC_NAMES = ["ngood", "nbad", "nsample"];

/** binomial's `n` (an integer >= 0) and `p` (in [0, 1]), numbers or arrays. */
export function binomialParams(n, p) {
  const ps = param(p, "p", isProbability, "in [0, 1] (not NaN)");
  return [param(n, "n", (v) => v >= 0, ">= 0", { integer: true }), ps];
}

/**
 * hypergeometric's integer parameters: ngood and nbad in [0, max), nsample >= minSample, and
 * nsample <= ngood + nbad element by element.
 */
export function hypergeometricParams(ngood, nbad, nsample, minSample, max) {
  const range = max === Infinity ? ">= 0" : `in [0, ${max})`;
  const inRange = (v) => v >= 0 && v < max;
  const params = [
    param(ngood, "ngood", inRange, range, { integer: true }),
    param(nbad, "nbad", inRange, range, { integer: true }),
    param(nsample, "nsample", (v) => v >= minSample, `>= ${minSample}`, { integer: true }),
  ];
  const [g, b, s] = params;
  const length = Math.max(g.values.length, b.values.length, s.values.length);
  for (let k = 0; k < length; k++) {
    const total = g.values[k * g.step] + b.values[k * b.step], sample = s.values[k * s.step];
    if (total < sample) throw new RangeError(`nsample must be <= ngood + nbad, got ${sample} > ${total}`);
  }
  return params;
}

/**
 * numpy's `negative_binomial(n, p, size)`: `poisson(gamma(n, (1 - p) / p))` per value, the gamma from
 * `continuous` (Generator's, or RandomState's legacy one) and the Poisson from `discrete`. Generator:
 * n > 0 (not NaN), p in (0, 1], and numpy's bound on the Poisson mean; RandomState (`legacy`): n > 0
 * (NaN passes), p in [0, 1], no bound.
 */
export function negativeBinomialDraws(continuous, discrete, n, p, size, legacy) {
  const ns = param(n, "n", legacy ? (v) => !(v <= 0) : (v) => v > 0, legacy ? "> 0" : "> 0 (not NaN)");
  const ps = legacy ? param(p, "p", isProbability, "in [0, 1] (not NaN)") : param(p, "p", isProbabilityGt0, "in (0, 1]");
  if (!legacy) {
    const length = Math.max(ns.values.length, ps.values.length);
    for (let k = 0; k < length; k++) {
      const nk = ns.values[k * ns.step], pk = ps.values[k * ps.step];
      if ((1 - pk) / pk * (nk + 10 * Math.sqrt(nk)) > POISSON_LAM_MAX) {
        throw new RangeError(`n too large or p too small: the Poisson mean may exceed POISSON_LAM_MAX (n = ${nk}, p = ${pk})`);
      }
    }
  }
  return int64Draws(size, [ns, ps], ["n", "p"], (nn, pp) => discrete.poisson(((1 - pp) / pp) * continuous.standardGamma(nn)));
}

/** numpy's `kahan_sum` of the first `n` values of `values` from `offset` (0 for n <= 0). */
function kahanSum(values, offset, n) {
  if (n <= 0) return 0.0;
  let sum = values[offset], c = 0.0;
  for (let i = 1; i < n; i++) {
    const y = values[offset + i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** A Float64Array of integral values as a BigInt64Array. */
export function int64Array(values) {
  const out = new Int64Out(values.length);
  for (let k = 0; k < values.length; k++) out.set(k, values[k]);
  return out.result();
}

/**
 * multinomial's rows of `pvals` (one row, or an array of rows of one length d >= 1; RandomState
 * (`legacy`) also takes an empty row), flattened, each in [0, 1] with sum(row[:-1]) <= 1 + 1e-12
 * (numpy's Kahan sum).
 */
function multinomialRows(pvals, legacy) {
  if (!isArrayLike(pvals)) throw new TypeError(`pvals must be an array of probabilities or of rows, got ${describe(pvals)}`);
  const twoD = pvals.length > 0 && isArrayLike(pvals[0]);
  const rows = twoD ? Array.from(pvals) : [pvals];
  const d = rows[0].length;
  if (d === 0 && !legacy) throw new RangeError("pvals must have at least one probability per row");
  rows.forEach((row, i) => {
    if (!isArrayLike(row) || row.length !== d) throw new RangeError(`pvals[${i}] must be a row of ${d} probabilities`);
  });
  const flat = param(rows.flatMap((row) => Array.from(row)), "pvals", isProbability, "in [0, 1] (not NaN)").values;
  for (let offset = 0; offset < flat.length; offset += d) {
    if (kahanSum(flat, offset, d - 1) > 1.0 + 1e-12) throw new RangeError("pvals: sum(pvals[:-1]) must be <= 1");
  }
  return { flat, d, count: rows.length, twoD };
}

/**
 * numpy's multinomial argument handling (_generator.pyx; mtrand.pyx with `legacy`: one `n`, one
 * row), `discrete.multinomial` per variate: a BigInt64Array of (variates * d) counts.
 */
export function multinomialDraws(discrete, n, pvals, size, legacy) {
  const { flat, d, count: rowCount, twoD } = multinomialRows(pvals, legacy);
  const ns = param(n, "n", (v) => v >= 0, ">= 0", { integer: true });
  if (legacy && (twoD || !ns.scalar)) throw new TypeError("n must be one integer and pvals one row (RandomState)");
  if (d === 0) return new BigInt64Array(0); // RandomState's empty pvals: no variate, no draw
  let variates, nStep = 0, rowStep = 0;
  if (ns.scalar && !twoD) {
    variates = size === undefined ? 1 : toCount(size, "size");
  } else {
    const lengths = [ns.values.length, rowCount].filter((l) => l !== 1);
    if (lengths.length === 2 && lengths[0] !== lengths[1]) {
      throw new RangeError(`n (${ns.values.length} values) and pvals (${rowCount} rows) do not broadcast`);
    }
    variates = lengths.length > 0 ? lengths[0] : 1;
    if (size !== undefined && toCount(size, "size") !== variates) {
      throw new RangeError(`size must be the broadcast count ${variates} of n and pvals, got ${size}`);
    }
    nStep = ns.values.length === 1 ? 0 : 1;
    rowStep = rowCount === 1 ? 0 : d;
  }
  const counts = new Float64Array(variates * d);
  for (let k = 0; k < variates; k++) discrete.multinomial(ns.values[k * nStep], flat, k * rowStep, d, counts, k * d);
  return int64Array(counts);
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
    this._discrete = new Discrete(bitGenerator);
    this._continuous = new Continuous(bitGenerator, this._discrete);
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

  /**
   * numpy's `Generator.standard_exponential(size, dtype, method)`: the ziggurat (`method` "zig",
   * `random_standard_exponential[_f]`) or inversion ("inv": `-log1p(-U)`).
   */
  standardExponential(n, { dtype = "float64", method = "zig" } = {}) {
    const Type = floatDtype(dtype, "standardExponential");
    if (method !== "zig" && method !== "inv") {
      throw new TypeError(`standardExponential: method must be "zig" or "inv", got ${describe(method)}`);
    }
    const float64 = Type === Float64Array, c = this._continuous;
    if (method === "inv") return sample(n, Type, float64 ? () => c.standardExponentialInv() : () => c.standardExponentialInvF());
    if (!float64) return zigguratSample(this._bitGenerator, n, Float32Array, 32, (zig) => zig.standardExponentialF());
    return zigguratSample(this._bitGenerator, n, Float64Array, 64, (zig) => zig.standardExponential());
  }

  // Continuous distributions (continuous.js; argument handling of numpy's _generator.pyx). The
  // methods shared with RandomState (exponential, normal, gamma, beta, ...) come from
  // continuous_methods.js (mixContinuous below).

  /**
   * numpy's `Generator.standard_gamma(shape, size, dtype)`, shape >= 0: float64, or float32 with
   * `shape` rounded to float32 and the float sampler (`random_standard_gamma_f`).
   */
  standardGamma(shape, n, { dtype = "float64" } = {}) {
    const Type = floatDtype(dtype, "standardGamma");
    const c = this._continuous;
    const shapes = param(shape, "shape", isNonNegative, NON_NEGATIVE);
    if (Type === Float64Array) return floatDraws(n, [shapes], ["shape"], (k) => c.standardGamma(k));
    shapes.values = shapes.values.map(Math.fround);
    return floatDraws(n, [shapes], ["shape"], (k) => c.standardGammaF(k), Float32Array);
  }

  /** numpy's `Generator.uniform(low=0.0, high=1.0, size)`: high - low finite and >= 0. */
  uniform(low = 0.0, high = 1.0, n) {
    return uniformDraws(this._continuous, low, high, n, true);
  }

  /**
   * numpy's `Generator.dirichlet(alpha, size)`, alpha >= 0: `n` (or one) rows of `alpha.length`
   * values, flat; stick breaking with betas when max(alpha) < 0.1, else normalised gammas.
   */
  dirichlet(alpha, n) {
    return dirichletDraws(this._continuous, alpha, n, false);
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

  // Discrete distributions (discrete.js; argument handling of numpy's _generator.pyx). Results are
  // int64 as in numpy: a BigInt64Array, or one bigint when nothing is broadcast and n is omitted.

  /** numpy's `Generator.poisson(lam, size)`: `lam` in [0, POISSON_LAM_MAX], a number or an array. */
  poisson(lam = 1.0, n) {
    const d = this._discrete;
    const lams = param(lam, "lam", isPoissonLam, "in [0, POISSON_LAM_MAX] (not NaN)");
    return int64Draws(n, [lams], ["lam"], (l) => d.poisson(l));
  }

  /** numpy's `Generator.binomial(n, p, size)`: inversion or BTPE, with numpy's per-(n, p) set-up cache. */
  binomial(n, p, size) {
    const d = this._discrete;
    const [ns, ps] = binomialParams(n, p);
    return int64Draws(size, [ps, ns], ["p", "n"], (pp, nn) => d.binomial(pp, nn));
  }

  /** numpy's `Generator.negative_binomial(n, p, size)`: a Poisson of a gamma draw (n > 0, p in (0, 1]). */
  negativeBinomial(n, p, size) {
    return negativeBinomialDraws(this._continuous, this._discrete, n, p, size, false);
  }

  /** numpy's `Generator.geometric(p, size)`: trials to the first success, `p` in (0, 1]. */
  geometric(p, n) {
    const d = this._discrete;
    return int64Draws(n, [param(p, "p", isProbabilityGt0, "in (0, 1]")], ["p"], (pp) => d.geometric(pp));
  }

  /** numpy's `Generator.logseries(p, size)`, `p` in [0, 1). */
  logseries(p, n) {
    const d = this._discrete;
    return int64Draws(n, [param(p, "p", isProbabilityLt1, "in [0, 1)")], ["p"], (pp) => d.logseries(pp));
  }

  /** numpy's `Generator.zipf(a, size)`, `a` > 1. */
  zipf(a, n) {
    const d = this._discrete;
    return int64Draws(n, [param(a, "a", (v) => v > 1, "> 1 (not NaN)")], ["a"], (aa) => d.zipf(aa));
  }

  /**
   * numpy's `Generator.hypergeometric(ngood, nbad, nsample, size)` (HRUA or item by item): integers
   * >= 0, ngood and nbad below 10**9, nsample <= ngood + nbad.
   */
  hypergeometric(ngood, nbad, nsample, n) {
    const d = this._discrete;
    const params = hypergeometricParams(ngood, nbad, nsample, 0, 10 ** 9);
    return int64Draws(n, params, HYPERGEOMETRIC_NAMES, (g, b, s) => d.hypergeometric(g, b, s));
  }

  /**
   * numpy's `Generator.multinomial(n, pvals, size)`: `pvals` one row of probabilities or an array of
   * rows, `n` a count or an array of them (broadcast against the rows); a BigInt64Array of
   * (size or the broadcast count, or 1) * pvals.length counts, row after row.
   */
  multinomial(n, pvals, size) {
    return multinomialDraws(this._discrete, n, pvals, size, false);
  }

  /**
   * numpy's `Generator.multivariate_hypergeometric(colors, nsample, size, method)`: `method`
   * "marginals" (default; sum(colors) < 10**9) or "count"; (size or 1) * colors.length counts.
   */
  multivariateHypergeometric(colors, nsample, size, { method = "marginals" } = {}) {
    if (method !== "count" && method !== "marginals") {
      throw new RangeError(`method must be "count" or "marginals", got ${describe(method)}`);
    }
    const counts = param(nsample, "nsample", (v) => v >= 0, ">= 0", { integer: true });
    if (!isArrayLike(colors)) throw new TypeError(`colors must be an Array or a typed array, got ${describe(colors)}`);
    const cs = param(Array.from(colors), "colors", (v) => v >= 0, ">= 0", { integer: true }).values;
    const total = cs.reduce((a, b) => a + b, 0);
    if (!Number.isSafeInteger(total)) throw new RangeError(`sum(colors) must be a safe integer, got ${total}`);
    const limit = method === "marginals" ? 10 ** 9 - 1 : MVHG_COUNT_MAX;
    if (total > limit) throw new RangeError(`sum(colors) must be <= ${limit} with method "${method}", got ${total}`);
    const ns = counts.values[0];
    if (!counts.scalar) throw new TypeError("nsample must be one integer");
    if (ns > total) throw new RangeError(`nsample must be <= sum(colors) = ${total}, got ${ns}`);
    const variates = size === undefined ? 1 : toCount(size, "size");
    const counted = new Float64Array(variates * cs.length);
    const d = this._discrete;
    if (cs.length > 0) (method === "count" ? d.mvhgCount : d.mvhgMarginals).call(d, total, cs, ns, variates, counted);
    return int64Array(counted);
  }
}

mixContinuous(Generator.prototype);

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
