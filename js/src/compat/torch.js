/**
 * PyTorch 2.13's CPU random number generator without PyTorch (prng/compat/torch.py in JS).
 *
 * `new Generator().manualSeed(s)` followed by `rand`/`randn`/`randint`/`randperm`/... gives the same
 * values as `torch.Generator().manual_seed(s)` with the torch function of the same name on a
 * contiguous CPU tensor, as a flat row-major typed array. `getState()`/`setState()` use torch's
 * 5056-byte layout, so states move between this module, prng.compat.torch and torch.
 *
 * The bit source is `MT19937.fromGenrand(seed & 0xffffffff)` (torch's `mt19937` engine,
 * aten/src/ATen/core/MT19937RNGEngine.h); torch's `random()` is one 32-bit word and `random64()` two
 * words, the first one high (aten/src/ATen/CPUGeneratorImpl.cpp). 64-bit draws stay as (hi, lo)
 * uint32 pairs: no BigInt in the loops.
 *
 * Float math that depends on torch's compiled kernel (float32 `randn`/`normal` with 16 or more
 * elements, and whether multiply-adds are fused) follows `kernel`: "avx2" (torch's choice on every
 * x86-64 CPU with AVX2, AVX-512 ones included) or "default" (`ATEN_CPU_CAPABILITY=default`). float64
 * normals and the "default" float32 ones use ../libm's glibc ports (see ./_torch_math.js).
 */
import { describe, toBigInt, toCount } from "../checks.js";
import { log1p } from "../libm/index.js";
import { MT19937 } from "../mt19937.js";
import {
  addRoundToOdd, boxMullerF64, fma32, fma64, normalBlockAvx2F32, normalBlockDefaultF32, normalBlockF64,
} from "./_torch_math.js";
import { arrayType, computeType, decode, encode, outputName, resolve, roundTo } from "./_torch_dtypes.js";

/** torch's `default_rng_seed_val`. */
export const DEFAULT_SEED = 67280421310721n;
/** `torch.get_rng_state().numel()`. */
export const STATE_SIZE = 5056;
export const KERNELS = Object.freeze(["avx2", "default"]);
export const DEFAULT_KERNEL = "avx2";

const MT_N = 624;
const MASK32 = 0xffffffffn;
const MASK64 = 0xffffffffffffffffn;
const SEED_MIN = -(2n ** 63n), SEED_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n), INT64_MAX = 2n ** 63n - 1n;
const TWO_32 = 2 ** 32;
const TWO_NEG_24 = 2 ** -24;
const TWO_NEG_53 = 2 ** -53;
const RANDINT_64BIT_RANGE = 2 ** 28; // randint draws random64() from this range on
const MAX_EXACT_SPAN = 2 ** 52; // remainders of random64() in doubles up to this span
const RANDPERM_32BIT_LIMIT = Math.floor(0xffffffff / 20); // randperm switches to random64() from this n on
const NORMAL_FILL_MIN = 16; // normal_fill (blocks of 16) from this numel on
const RANDPERM_BLOCK = 2 ** 24; // the inside-out randperm draws this many steps at a time
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// CPUGeneratorImplState byte offsets (all little-endian): the_initial_seed u64, left i32, seeded i32,
// next u64, state u64[624], then normal_x, normal_y, normal_rho (f64), normal_is_valid i32 (+4 pad),
// next_float_normal_sample f32, its valid flag (bool, +3 pad).
const AT_SEED = 0, AT_LEFT = 8, AT_SEEDED = 12, AT_NEXT = 16, AT_WORDS = 24;
const AT_NORMAL_Y = AT_WORDS + 8 * MT_N + 8;
const AT_NORMAL_VALID = AT_NORMAL_Y + 16;
const AT_FLOAT_NORMAL = AT_NORMAL_VALID + 8;
const AT_FLOAT_VALID = AT_FLOAT_NORMAL + 4;

const FLOAT_DTYPES = { float32: Float32Array, float64: Float64Array };
/** torch's integer dtypes here: typed array, bounds (bigints). */
const INT_DTYPES = {
  int64: { Array: BigInt64Array, min: INT64_MIN, max: INT64_MAX },
  int32: { Array: Int32Array, min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int16: { Array: Int16Array, min: -(2n ** 15n), max: 2n ** 15n - 1n },
  int8: { Array: Int8Array, min: -128n, max: 127n },
  uint8: { Array: Uint8Array, min: 0n, max: 255n },
};

export class Generator {
  /** `torch.Generator(device="cpu")`: MT19937 plus torch's cached Box-Muller normal. */
  constructor(device = "cpu") {
    if (device !== "cpu") {
      throw new RangeError(`device must be "cpu" (CUDA is not reproduced in JS), got ${describe(device)}`);
    }
    this.manualSeed(DEFAULT_SEED);
  }

  /** Always "cpu". */
  get device() {
    return "cpu";
  }

  /**
   * Seed as `torch.Generator.manual_seed`; returns this generator. `seed` is a safe integer or a
   * bigint in [-2**63, 2**64 - 1]; negatives wrap to `seed + 2**64`. Only the low 32 bits seed
   * MT19937 (`init_genrand`); `initialSeed()` keeps all 64.
   */
  manualSeed(seed) {
    const value = toBigInt(seed, "seed");
    if (value < SEED_MIN || value > SEED_MAX) {
      throw new RangeError(`seed must be in [-2**63, 2**64 - 1], got ${describe(seed)}`);
    }
    this._mt = MT19937.fromGenrand(Number(value & MASK32));
    this._reset(value & MASK64);
    return this;
  }

  /** Seed from 64 bits of OS entropy and return that seed (a bigint), as `Generator.seed()`. */
  seed() {
    const [lo, hi] = globalThis.crypto.getRandomValues(new Uint32Array(2));
    const value = (BigInt(hi) << 32n) | BigInt(lo);
    this.manualSeed(value);
    return value;
  }

  /** The 64-bit seed last given to `manualSeed` (negatives wrapped), as a bigint. */
  initialSeed() {
    return this._seed;
  }

  /** Back to just-seeded with `seed` (a bigint): both cached normals cleared, as `manual_seed` does. */
  _reset(seed) {
    this._seed = seed;
    this._justSeeded = true; // torch stores next=0 (not 624) until the first draw
    this._normalCache = null; // the pending double normal (state bytes' normal_y)
    this._floatNormalCache = null; // kept only so that states round-trip; torch never sets it
  }

  /** torch's `get_state()`: 5056 bytes (a Uint8Array) of `CPUGeneratorImplState`, little-endian. */
  getState() {
    const bytes = new Uint8Array(STATE_SIZE);
    const view = new DataView(bytes.buffer);
    const { key, pos } = this._mt.state.state;
    view.setBigUint64(AT_SEED, this._seed, true);
    view.setInt32(AT_LEFT, MT_N + 1 - pos, true);
    view.setInt32(AT_SEEDED, 1, true);
    view.setUint32(AT_NEXT, this._justSeeded ? 0 : pos, true);
    key.forEach((word, k) => view.setUint32(AT_WORDS + 8 * k, word, true));
    if (this._normalCache !== null) {
      view.setFloat64(AT_NORMAL_Y, this._normalCache, true);
      view.setInt32(AT_NORMAL_VALID, 1, true);
    }
    if (this._floatNormalCache !== null) {
      view.setFloat32(AT_FLOAT_NORMAL, this._floatNormalCache, true);
      bytes[AT_FLOAT_VALID] = 1;
    }
    return bytes;
  }

  /**
   * Restore a state from `getState()` here, `get_state()` in prng.compat.torch or
   * `get_rng_state()`/`get_state()` in torch: 5056 bytes as a Uint8Array or an ArrayBuffer.
   */
  setState(state) {
    const view = stateView(state);
    const left = view.getInt32(AT_LEFT, true);
    const seeded = view.getInt32(AT_SEEDED, true);
    const next = view.getBigUint64(AT_NEXT, true);
    const consistent = next === BigInt(MT_N + 1 - left) || (left === 1 && next === 0n);
    if (seeded !== 1 || !(left >= 1 && left <= MT_N) || !consistent) {
      throw new RangeError(`state has an invalid MT position (left=${left}, next=${next}, seeded=${seeded}); ` +
        "expected seeded=1, 1 <= left <= 624, next = 625 - left");
    }
    const key = new Array(MT_N);
    for (let k = 0; k < MT_N; k++) {
      if (view.getUint32(AT_WORDS + 8 * k + 4, true) !== 0) {
        throw new RangeError(`state's MT words must be 32-bit values (word ${k} is not)`);
      }
      key[k] = view.getUint32(AT_WORDS + 8 * k, true);
    }
    this._mt.state = { bit_generator: "MT19937", state: { key, pos: MT_N + 1 - left } };
    this._reset(view.getBigUint64(AT_SEED, true));
    this._justSeeded = next === 0n;
    if (view.getInt32(AT_NORMAL_VALID, true)) this._normalCache = view.getFloat64(AT_NORMAL_Y, true);
    if (view.getUint8(AT_FLOAT_VALID)) this._floatNormalCache = view.getFloat32(AT_FLOAT_NORMAL, true);
  }

  /** n draws of torch's `random()` (32-bit words). */
  _random(n) {
    if (n > 0) this._justSeeded = false;
    return this._mt.fillUint32(new Uint32Array(n));
  }

  /** n draws of torch's `random64()` as 2n words: (hi, lo) per draw, the first word drawn high. */
  _random64(n) {
    return this._random(2 * n);
  }

  /**
   * n of torch's `uniform_real_distribution` (0, 1) draws in `FloatArray`'s type: float32 the low 24
   * bits of `random()` * 2**-24, float64 the low 53 bits of `random64()` * 2**-53.
   */
  _uniforms(n, FloatArray) {
    const out = new FloatArray(n);
    if (FloatArray === Float32Array) {
      const words = this._random(n);
      for (let k = 0; k < n; k++) out[k] = (words[k] & 0xffffff) * TWO_NEG_24;
    } else {
      const words = this._random64(n);
      for (let k = 0; k < n; k++) out[k] = ((words[2 * k] & 0x1fffff) * TWO_32 + words[2 * k + 1]) * TWO_NEG_53;
    }
    return out;
  }

  /** One `at::normal_distribution<double>` draw (mean 0, std 1), using the cached sine. */
  _normal() {
    if (this._normalCache !== null) {
      const value = this._normalCache;
      this._normalCache = null;
      return value;
    }
    const [u1, u2] = this._uniforms(2, Float64Array);
    const [value, cached] = boxMullerF64(u1, u2);
    this._normalCache = cached;
    return value;
  }
}

/** A DataView over 5056 state bytes given as a Uint8Array or an ArrayBuffer. */
function stateView(state) {
  let view;
  if (state instanceof Uint8Array) view = new DataView(state.buffer, state.byteOffset, state.byteLength);
  else if (state instanceof ArrayBuffer) view = new DataView(state);
  else throw new TypeError(`state must be a Uint8Array or an ArrayBuffer, got ${describe(state)}`);
  if (view.byteLength !== STATE_SIZE) {
    throw new RangeError(`state must be ${STATE_SIZE} bytes, got ${view.byteLength}`);
  }
  return view;
}

// ---------------------------------------------------------------------------------------------
// Argument handling
// ---------------------------------------------------------------------------------------------

function generatorArg(generator) {
  if (generator === undefined || generator === null) return defaultGenerator;
  if (!(generator instanceof Generator)) {
    throw new TypeError(`generator must be a compat.torch.Generator, got ${describe(generator)}`);
  }
  return generator;
}

/** The element count of torch's size: a non-negative integer, or an array of them ([] is 0-dim). */
function numel(shape) {
  const dims = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(dims)) {
    throw new TypeError(`shape must be a non-negative integer or an array of them, got ${describe(shape)}`);
  }
  return dims.reduce((count, d, i) => count * toCount(d, `shape[${i}]`), 1);
}

/** An empty array for `numel(shape)` values of a float dtype name (16-bit types: a Uint16Array). */
function emptyOf(shape, dtype) {
  return new (arrayType(resolve(dtype)))(numel(shape));
}

function intDtype(dtype) {
  if (!Object.hasOwn(INT_DTYPES, dtype)) {
    throw new TypeError(`dtype must be one of ${Object.keys(INT_DTYPES).join(", ")}, got ${describe(dtype)}`);
  }
  return INT_DTYPES[dtype];
}

function kernelArg(kernel) {
  if (!KERNELS.includes(kernel)) {
    throw new RangeError(`kernel must be one of ${KERNELS.join(", ")}, got ${describe(kernel)}`);
  }
  return kernel;
}

function numberArg(value, name) {
  if (typeof value !== "number") throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  return value;
}

/** A number rounded to the float type of `FloatArray`. */
function toFloatType(value, FloatArray) {
  return FloatArray === Float32Array ? Math.fround(value) : value;
}

/**
 * x*a + b in the float type of `FloatArray` (operands already of that type): one rounding (fma)
 * for "avx2", two for "default".
 */
function mulAdd(x, a, b, kernel, FloatArray) {
  if (FloatArray === Float32Array) return kernel === "default" ? Math.fround(Math.fround(x * a) + b) : fma32(x, a, b);
  return kernel === "default" ? x * a + b : fma64(x, a, b);
}

// ---------------------------------------------------------------------------------------------
// Uniform
// ---------------------------------------------------------------------------------------------

/**
 * `Tensor.uniform_(a, b)` in place on a Float32Array, a Float64Array or a Uint16Array of float16/bfloat16
 * bits (`dtype`); returns `out`. torch's `uniform_kernel`: `v = x*(b-a) + a` in float32 (float64 for
 * float64), fused on AVX2; `v` is cast to the array's type, and a cast value equal to `(scalar_t)b`
 * becomes `(scalar_t)a`.
 */
export function uniform_(out, a = 0, b = 1, { generator, kernel = DEFAULT_KERNEL, dtype } = {}) {
  const name = outputName(out, dtype);
  numberArg(a, "a");
  numberArg(b, "b");
  kernelArg(kernel);
  if (!(a <= b)) throw new RangeError(`uniform_ expects a <= b, got a=${a}, b=${b}`);
  const Compute = computeType(name);
  const low = toFloatType(a, Compute), high = toFloatType(b, Compute);
  const range = toFloatType(high - low, Compute);
  const lowCast = roundTo(a, name), highCast = roundTo(b, name);
  const x = generatorArg(generator)._uniforms(out.length, Compute);
  for (let k = 0; k < out.length; k++) {
    const value = roundTo(mulAdd(x[k], range, low, kernel, Compute), name);
    out[k] = encode(value === highCast ? lowCast : value, name);
  }
  return out;
}

/**
 * `torch.rand(shape)`: float32 uses 24 bits of one word, float64 53 bits of `random64()`; float16 and
 * bfloat16 (bits in a Uint16Array) round the float32 value, 1.0 becoming 0.0. For float32/float64 it
 * is `uniform_(0, 1)`, whose x*1 + 0 is exact (and x < 1), so the uniforms are returned as drawn.
 */
export function rand(shape, { generator, dtype = "float32" } = {}) {
  const out = emptyOf(shape, dtype);
  if (out instanceof Uint16Array) return uniform_(out, 0, 1, { generator, dtype });
  return generatorArg(generator)._uniforms(out.length, out.constructor);
}

// ---------------------------------------------------------------------------------------------
// Normal
// ---------------------------------------------------------------------------------------------

/**
 * `Tensor.normal_(mean, std)` in place on a Float32Array, a Float64Array or a Uint16Array of
 * float16/bfloat16 bits (`dtype`); returns `out`. torch's `normal_kernel`: fewer than 16 elements take
 * the cached double Box-Muller (`normal_distribution<double>`, `z*std + mean` fused on AVX2, then
 * cast); 16 or more take `normal_fill` in float32 or float64 (blocks of 16, a re-drawn last block when
 * n % 16), then cast.
 */
export function normal_(out, mean = 0, std = 1, { generator, kernel = DEFAULT_KERNEL, dtype } = {}) {
  const name = outputName(out, dtype);
  numberArg(mean, "mean");
  numberArg(std, "std");
  kernelArg(kernel);
  if (!(std >= 0)) throw new RangeError(`normal_ expects std >= 0.0, got ${std}`);
  const gen = generatorArg(generator);
  if (out.length >= NORMAL_FILL_MIN) {
    const values = normalFill(gen, out.length, name, mean, std, kernel);
    for (let k = 0; k < out.length; k++) out[k] = encode(roundTo(values[k], name), name);
  } else {
    for (let k = 0; k < out.length; k++) {
      out[k] = encode(roundTo(mulAdd(gen._normal(), std, mean, kernel, Float64Array), name), name);
    }
  }
  return out;
}

/**
 * `normal_fill`: n >= 16 values in float32/float64 from blocks of 16 uniforms, the last 16 re-drawn
 * if n % 16. float32/float64 first fill the whole output with n uniforms; float16/bfloat16 draw only
 * the whole blocks (a 16-value buffer), so their last block follows n - n % 16 draws.
 */
function normalFill(gen, n, name, mean, std, kernel) {
  const Compute = computeType(name);
  const block = normalBlock(Compute, kernel);
  const meanT = toFloatType(mean, Compute), stdT = toFloatType(std, Compute);
  const whole = n - (n % 16);
  const drawn = gen._uniforms(name === "float16" || name === "bfloat16" ? whole : n, Compute);
  const data = drawn.length === n ? drawn : new Compute(n);
  if (data !== drawn) data.set(drawn);
  for (let i = 0; i + 16 <= n; i += 16) block(data, i, meanT, stdT);
  if (n % 16) {
    const tail = gen._uniforms(16, Compute);
    block(tail, 0, meanT, stdT);
    data.set(tail, n - 16);
  }
  return data;
}

/** The `normal_fill_16` block transform torch's `kernel` build uses for `FloatArray`'s type. */
function normalBlock(FloatArray, kernel) {
  if (FloatArray === Float64Array) return normalBlockF64;
  return kernel === "default" ? normalBlockDefaultF32 : normalBlockAvx2F32;
}

/** `torch.randn(shape)`; `kernel` picks torch's AVX2 or DEFAULT float32 math (n >= 16). */
export function randn(shape, { generator, dtype = "float32", kernel = DEFAULT_KERNEL } = {}) {
  return normal_(emptyOf(shape, dtype), 0, 1, { generator, kernel, dtype });
}

/** `torch.normal(mean: float, std: float, size)`. */
export function normal(mean, std, shape, { generator, dtype = "float32", kernel = DEFAULT_KERNEL } = {}) {
  return normal_(emptyOf(shape, dtype), mean, std, { generator, kernel, dtype });
}

// ---------------------------------------------------------------------------------------------
// Integers and permutations
// ---------------------------------------------------------------------------------------------

/**
 * `torch.randint(low, high, shape)`: `(v % (high-low)) + low`, no rejection; `v` is one `random()`
 * word when `high - low < 2**28`, else one `random64()`. `randint(high, shape, options)` (an array
 * shape second) means low = 0, as torch allows. `low`/`high` are safe integers or bigints; `dtype`
 * is int64 (a BigInt64Array, the default), int32, int16, int8, uint8, float32 or float64. Float
 * dtypes first narrow [low, high) as torch's `update_from`/`update_to` do, then cast each value.
 */
export function randint(low, high, shape, options) {
  if (Array.isArray(high)) [low, high, shape, options] = [0, low, high, shape];
  const { generator, dtype = "int64" } = options ?? {};
  const isFloat = Object.hasOwn(FLOAT_DTYPES, dtype);
  const spec = isFloat ? null : intDtype(dtype);
  const count = numel(shape);
  let lowBig = toBigInt(low, "low"), highBig = toBigInt(high, "high");
  if (!(INT64_MIN <= lowBig && lowBig < highBig && highBig <= INT64_MAX)) {
    throw new RangeError(`randint expects -2**63 <= low < high <= 2**63 - 1, got low=${low}, high=${high}`);
  }
  if (isFloat) {
    [lowBig, highBig] = narrowToFloat(lowBig, highBig, dtype);
  } else if (lowBig < spec.min || highBig - 1n > spec.max) {
    throw new RangeError(`randint expects low >= ${spec.min} and high - 1 <= ${spec.max} for ${dtype}, ` +
      `got low=${low}, high=${high}`);
  }
  const words = randomModulo(generatorArg(generator), count, highBig - lowBig);
  addInt64(words, lowBig);
  return isFloat ? int64ToFloats(words, FLOAT_DTYPES[dtype]) : int64ToIntArray(words, spec.Array);
}

/**
 * `count` draws reduced modulo `span` (a bigint in [1, 2**64)), as (lo, hi) uint32 pairs: one
 * `random()` each when span < 2**28, else one `random64()` (torch's `random_from_to` transform).
 */
function randomModulo(gen, count, span) {
  const out = new Uint32Array(2 * count);
  if (span < BigInt(RANDINT_64BIT_RANGE)) {
    const d = Number(span);
    const draws = gen._random(count);
    for (let k = 0; k < count; k++) out[2 * k] = draws[k] % d;
  } else if (span <= BigInt(MAX_EXACT_SPAN)) {
    const d = Number(span);
    const draws = gen._random64(count);
    for (let k = 0; k < count; k++) {
      const r = remainder53(draws[2 * k], draws[2 * k + 1], d);
      out[2 * k] = r; // the Uint32Array store keeps r mod 2**32
      out[2 * k + 1] = Math.floor(r / TWO_32);
    }
  } else {
    const dHi = Number(span >> 32n), dLo = Number(span & MASK32);
    const draws = gen._random64(count);
    for (let k = 0; k < count; k++) remainder64(draws[2 * k], draws[2 * k + 1], dHi, dLo, out, 2 * k);
  }
  return out;
}

/**
 * (hi*2**32 + lo) % d for uint32 words and an integer 0 < d <= 2**52, in doubles: hi*2**32 is
 * exact, `%` on doubles is exact (fmod), and the partial remainder plus lo stays below 2**53.
 */
function remainder53(hi, lo, d) {
  return (((hi * TWO_32) % d) + lo) % d;
}

/**
 * (hi*2**32 + lo) % (dHi*2**32 + dLo) for uint32 words and a divisor >= 2**32, written as (lo, hi)
 * to out[at], out[at + 1]: binary long division of the low word (the quotient is below 2**32), with
 * the 65th bit of the shifted remainder as `carry`.
 */
function remainder64(hi, lo, dHi, dLo, out, at) {
  let rHi = 0, rLo = hi;
  for (let bit = 31; bit >= 0; bit--) {
    const carry = rHi >>> 31;
    rHi = ((rHi << 1) | (rLo >>> 31)) >>> 0;
    rLo = ((rLo << 1) | ((lo >>> bit) & 1)) >>> 0;
    if (carry || rHi > dHi || (rHi === dHi && rLo >= dLo)) {
      const borrow = rLo < dLo ? 1 : 0;
      rLo = (rLo - dLo) >>> 0;
      rHi = (rHi - dHi - borrow) >>> 0;
    }
  }
  out[at] = rLo;
  out[at + 1] = rHi;
}

/** words[k] (lo, hi pairs) += value, mod 2**64 (value a bigint; int64 two's complement). */
function addInt64(words, value) {
  const bits = value & MASK64;
  const addHi = Number(bits >> 32n), addLo = Number(bits & MASK32);
  for (let k = 0; k < words.length; k += 2) {
    const lo = words[k] + addLo;
    words[k] = lo; // the Uint32Array store wraps mod 2**32
    words[k + 1] = words[k + 1] + addHi + (lo >= TWO_32 ? 1 : 0);
  }
}

/** (lo, hi) int64 pairs as an integer typed array: BigInt64Array, or narrower (the low word wraps). */
function int64ToIntArray(words, IntArray) {
  const count = words.length / 2;
  if (IntArray !== BigInt64Array) return IntArray.from({ length: count }, (_, k) => words[2 * k]);
  if (LITTLE_ENDIAN) return new BigInt64Array(words.buffer, words.byteOffset, count);
  return BigInt64Array.from({ length: count }, (_, k) =>
    BigInt.asIntN(64, (BigInt(words[2 * k + 1]) << 32n) | BigInt(words[2 * k])));
}

/**
 * (lo, hi) int64 pairs cast to float32/float64 with one rounding each (C's `(float)int64_t`):
 * hi*2**32 is exact, so the double sum rounds once; float32 goes through round-to-odd.
 */
function int64ToFloats(words, FloatArray) {
  const out = new FloatArray(words.length / 2);
  for (let k = 0; k < out.length; k++) {
    const high = (words[2 * k + 1] | 0) * TWO_32;
    out[k] = FloatArray === Float32Array ? addRoundToOdd(high, words[2 * k]) : high + words[2 * k];
  }
  return out;
}

/**
 * torch's `update_from`/`update_to` (aten/src/ATen/native/DistributionTemplates.h): when `low + 1` /
 * `high - 1` cast to the float type lands outside [low, high), step low up / high down by one float
 * spacing from that cast value. Bigints in and out.
 */
function narrowToFloat(low, high, dtype) {
  const digits = dtype === "float32" ? 24 : 53;
  const lowPlus1 = int64ThroughFloat(low + 1n, digits);
  if (lowPlus1 < low) low = lowPlus1 + (1n << BigInt(bitLength(low + 1n) - digits));
  const highMinus1 = int64ThroughFloat(high - 1n, digits);
  if (highMinus1 >= high) high = highMinus1 - (1n << BigInt(bitLength(high - 1n) - digits));
  if (!(low < high)) throw new RangeError(`randint: low=${low} and high=${high} collapse when cast to ${dtype}`);
  return [low, high];
}

/** The bit length of |value| (a bigint). */
function bitLength(value) {
  return value === 0n ? 0 : (value < 0n ? -value : value).toString(2).length;
}

/**
 * `(int64_t)(T)value` on x86-64: rounded to `digits` significant bits (ties to even); 2**63, which
 * int64 cannot hold, converts to -2**63 (the x86 "integer indefinite" value).
 */
function int64ThroughFloat(value, digits) {
  const drop = bitLength(value) - digits;
  if (drop <= 0) return value;
  const magnitude0 = value < 0n ? -value : value;
  let magnitude = magnitude0 >> BigInt(drop);
  const rest = magnitude0 & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rest > half || (rest === half && (magnitude & 1n) === 1n)) magnitude += 1n;
  const rounded = (value < 0n ? -magnitude : magnitude) << BigInt(drop);
  return rounded > INT64_MAX ? INT64_MIN : rounded;
}

/**
 * `torch.randperm(n)` (`randperm_cpu`): a Fisher-Yates shuffle of 0..n-1, in an integer typed
 * array of `dtype` (int64 by default: a BigInt64Array).
 * n < 214748364: for i in 0..n-2 swap r[i] with r[i + random() % (n-i)].
 * Larger n: inside-out, for i in 0..n-1: z = random64() % (i+1); r[i] = r[z]; r[z] = i (checked against
 * torch for n = 214748364), drawn in blocks of RANDPERM_BLOCK steps.
 */
export function randperm(n, { generator, dtype = "int64" } = {}) {
  toCount(n, "n");
  const spec = intDtype(dtype);
  if (BigInt(n) - 1n > spec.max) throw new RangeError(`randperm expects n <= ${spec.max + 1n} for ${dtype}, got ${n}`);
  const gen = generatorArg(generator);
  const perm = n <= TWO_32 ? new Uint32Array(n) : new Float64Array(n);
  if (n < RANDPERM_32BIT_LIMIT) {
    for (let i = 0; i < n; i++) perm[i] = i;
    const draws = gen._random(Math.max(n - 1, 0));
    for (let i = 0; i < n - 1; i++) {
      const j = i + (draws[i] % (n - i));
      const item = perm[i];
      perm[i] = perm[j];
      perm[j] = item;
    }
  } else {
    for (let first = 0; first < n; first += RANDPERM_BLOCK) {
      const draws = gen._random64(Math.min(RANDPERM_BLOCK, n - first));
      for (let i = first, k = 0; k < draws.length; i++, k += 2) {
        const at = remainder53(draws[k], draws[k + 1], i + 1);
        perm[i] = perm[at];
        perm[at] = i;
      }
    }
  }
  const words = new Uint32Array(2 * n);
  for (let k = 0; k < n; k++) {
    words[2 * k] = perm[k] % TWO_32;
    words[2 * k + 1] = Math.floor(perm[k] / TWO_32);
  }
  return int64ToIntArray(words, spec.Array);
}

// ---------------------------------------------------------------------------------------------
// Bernoulli, exponential and dropout
// ---------------------------------------------------------------------------------------------

/**
 * `Tensor.bernoulli_(p: float)` in place on a typed array of numbers (not BigInt64Array):
 * element = `U53(random64()) < p`, as 1 or 0; returns `out`.
 */
export function bernoulli_(out, p = 0.5, { generator } = {}) {
  if (!ArrayBuffer.isView(out) || out instanceof DataView || out instanceof BigInt64Array ||
      out instanceof BigUint64Array) {
    throw new TypeError(`out must be a typed array of numbers, got ${describe(out)}`);
  }
  numberArg(p, "p");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli_ expects 0 <= p <= 1, got ${p}`);
  const u = generatorArg(generator)._uniforms(out.length, Float64Array);
  for (let k = 0; k < out.length; k++) out[k] = u[k] < p ? 1 : 0;
  return out;
}

/**
 * `torch.bernoulli(p)` for probabilities in a Float32Array, a Float64Array or a Uint16Array of
 * float16/bfloat16 bits (`dtype`); the same type out. float64 p: `U53(random64()) < p`; the others
 * `U24(random()) < p` in float.
 */
export function bernoulli(p, { generator, dtype } = {}) {
  const name = outputName(p, dtype, "p");
  const probabilities = Array.from(p, (v) => decode(v, name));
  if (!probabilities.every((v) => v >= 0 && v <= 1)) throw new RangeError("bernoulli expects all 0 <= p <= 1");
  const u = generatorArg(generator)._uniforms(p.length, computeType(name));
  const out = new (arrayType(name))(p.length);
  for (let k = 0; k < p.length; k++) out[k] = encode(u[k] < probabilities[k] ? 1 : 0, name);
  return out;
}

/**
 * `Tensor.exponential_(lambd)` in place on a Float32Array, a Float64Array or a Uint16Array of
 * float16/bfloat16 bits (`dtype`): `-1/lambd * log1p(-U53(random64()))` in double (glibc log1p), cast.
 */
export function exponential_(out, lambd = 1, { generator, dtype } = {}) {
  const name = outputName(out, dtype);
  numberArg(lambd, "lambd");
  if (!(lambd > 0)) throw new RangeError(`exponential_ expects lambd > 0, got ${lambd}`);
  const u = generatorArg(generator)._uniforms(out.length, Float64Array);
  for (let k = 0; k < out.length; k++) out[k] = encode(roundTo((-1 / lambd) * log1p(-u[k]), name), name);
  return out;
}

/**
 * The elements `F.dropout(torch.ones(shape, dtype), p, training=True)` keeps, as a Uint8Array of 1
 * (kept) and 0, when torch's default CPU generator is in `generator`'s state; draws as dropout does.
 * `p` in [0, 1]; p = 0 keeps all and p = 1 drops all without drawing. torch's `_dropout_impl` is
 * `bernoulli_(1 - p)`: kept = `U53(random64()) < 1 - p`, the same for every dtype.
 */
export function dropoutMask(shape, p, { generator, dtype = "float32" } = {}) {
  const n = numel(shape);
  resolve(dtype);
  numberArg(p, "p");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout probability has to be between 0 and 1, got p=${p}`);
  const gen = generatorArg(generator);
  const mask = new Uint8Array(n);
  if (n === 0 || p === 0 || p === 1) return mask.fill(p === 1 ? 0 : 1);
  const u = gen._uniforms(n, Float64Array);
  const keep = 1 - p;
  for (let k = 0; k < n; k++) mask[k] = u[k] < keep ? 1 : 0;
  return mask;
}

// ---------------------------------------------------------------------------------------------
// The default generator (torch.default_generator) and torch's module-level functions
// ---------------------------------------------------------------------------------------------

/**
 * `torch.default_generator`: used when no `generator` is given; seeded from OS entropy at import
 * where Web Crypto is global (browsers, Node >= 19), else left at torch's DEFAULT_SEED.
 */
export const defaultGenerator = new Generator();
if (globalThis.crypto?.getRandomValues) defaultGenerator.seed();

/** `torch.manual_seed(seed)`: seeds the default generator, which is returned. */
export function manualSeed(seed) {
  return defaultGenerator.manualSeed(seed);
}

/** `torch.seed()`: reseed the default generator from OS entropy; returns the seed (a bigint). */
export function seed() {
  return defaultGenerator.seed();
}

/** `torch.initial_seed()` (a bigint). */
export function initialSeed() {
  return defaultGenerator.initialSeed();
}

/** `torch.get_rng_state()`, as 5056 bytes. */
export function getRngState() {
  return defaultGenerator.getState();
}

/** `torch.set_rng_state(state)`. */
export function setRngState(state) {
  defaultGenerator.setState(state);
}

export * as nn from "./torch_nn.js";
export * as data from "./torch_data.js";
