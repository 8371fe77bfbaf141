/**
 * JAX's `jax.random` without JAX (prng/compat/jax.py in JS): threefry2x32 keys and the samplers, the
 * same numbers as jax 0.10.2 on the CPU with its defaults (`jax_threefry_partitionable` true, pass
 * `{partitionable: false}` for the older scheme; `jax_enable_x64` false: 64-bit dtypes give what jax
 * gives with x64 enabled).
 *
 * Keys are Uint32Array(2). Sampling functions take `(key, shape, options)` and return flat typed
 * arrays in row-major order: Float32Array/Float64Array, Uint16Array holding the bit patterns of
 * float16/bfloat16 values, Int8Array ... BigInt64Array/BigUint64Array for integers, Uint8Array (0/1)
 * for booleans. Hot loops are typed-array loops on numbers (64-bit integers as uint32 limbs).
 */
import { describe, toBigInt } from "../checks.js";
import { erf } from "../libm/index.js";
import { mulhi32 } from "../limbs.js";
import { threefry2x32Block } from "../threefry.js";
import {
  bfloat16Bits, erfF32, erfInvF32, erfInvF64, fromBfloat16Bits, fromHalfBits, ftz32, ftz64, halfBits, log1pF32,
  log1pF64, logF32, logF64,
} from "./_xla_math.js";
import { fma32, fma64 } from "./_torch_math.js";

const fround = Math.fround;
const TWO32 = 4294967296;
const SQRT2 = Math.SQRT2;

// ---- arguments ----------------------------------------------------------------------------------

function checkKey(key) {
  if (!(key instanceof Uint32Array) && !Array.isArray(key)) {
    throw new TypeError(`key must be a Uint32Array(2) (a PRNGKey), got ${describe(key)}`);
  }
  if (key.length !== 2 || !Array.from(key).every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
    throw new RangeError(`key must be 2 uint32 words, got ${describe(key)}`);
  }
  return [key[0] >>> 0, key[1] >>> 0];
}

function checkShape(shape, name = "shape") {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new TypeError(`${name} must be an array of non-negative integers, got ${describe(shape)}`);
  }
  return shape;
}

const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);

function checkFlag(value, name) {
  if (typeof value !== "boolean") throw new TypeError(`${name} must be true or false, got ${describe(value)}`);
  return value;
}

function checkChoice(value, allowed, name) {
  if (!allowed.includes(value)) throw new TypeError(`${name} must be one of ${allowed.join(", ")}, got ${describe(value)}`);
  return value;
}

function checkMode(mode) {
  return checkChoice(mode ?? "low", ["low", "high"], "mode");
}

function checkAxis(axis, ndim) {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(axis) || axis < -n || axis >= n) throw new RangeError(`axis must be in [${-n}, ${n - 1}], got ${describe(axis)}`);
  return ((axis % n) + n) % n;
}

// ---- keys ---------------------------------------------------------------------------------------

/**
 * `jax.random.PRNGKey(seed)`: [hi, lo]. The seed is an int64 (-2**63 .. 2**63-1); with jax's default
 * 32-bit mode only its low 32 bits count ([0, seed mod 2**32]); `{x64: true}`: its two's-complement words.
 */
export function PRNGKey(seed, { x64 = false } = {}) {
  const value = toBigInt(seed, "seed");
  if (value < -(2n ** 63n) || value >= 2n ** 63n) throw new RangeError(`seed must be in [-2**63, 2**63-1], got ${seed}`);
  const bits = BigInt.asUintN(64, value);
  return Uint32Array.of(checkFlag(x64, "x64") ? Number(bits >> 32n) : 0, Number(bits & 0xffffffffn));
}

/**
 * jax's `threefry_2x32(key, iota(n))`: the counts 0..n-1 (an odd count padded with a 0) split in halves,
 * the two counter words of one block each; the two output halves concatenated.
 */
function hashIota(k0, k1, n) {
  const half = Math.ceil(n / 2);
  const out = new Uint32Array(n);
  const block = new Uint32Array(2);
  for (let j = 0; j < half; j++) {
    const second = half + j;
    threefry2x32Block(k0, k1, j, second < n ? second : 0, block, 0);
    out[j] = block[0];
    if (second < n) out[second] = block[1];
  }
  return out;
}

/** `count` keys (flat, 2 words each): `prng.threefry_split`. */
function splitKeys(k0, k1, count, partitionable) {
  if (!partitionable) return hashIota(k0, k1, 2 * count);
  const out = new Uint32Array(2 * count);
  for (let i = 0; i < count; i++) threefry2x32Block(k0, k1, Math.floor(i / TWO32), i >>> 0, out, 2 * i);
  return out;
}

/** `jax.random.split(key, num)`: `num` keys (a count or a shape), flat: Uint32Array(2 * count). */
export function split(key, num = 2, { partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const count = Array.isArray(num) ? sizeOf(checkShape(num, "num")) : sizeOf(checkShape([num], "num"));
  return splitKeys(k0, k1, count, checkFlag(partitionable, "partitionable"));
}

/** `jax.random.fold_in(key, data)`: `data` a uint32; the hash of the counter (0, data). */
export function foldIn(key, data, { partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  checkFlag(partitionable, "partitionable");
  if (!Number.isInteger(data) || data < 0 || data > 0xffffffff) throw new RangeError(`data must be in [0, 4294967295], got ${describe(data)}`);
  const out = new Uint32Array(2);
  threefry2x32Block(k0, k1, 0, data, out, 0);
  return out;
}

function twoKeys(k0, k1, partitionable) {
  const keys = splitKeys(k0, k1, 2, partitionable);
  return [[keys[0], keys[1]], [keys[2], keys[3]]];
}

// ---- bits ---------------------------------------------------------------------------------------

/**
 * `threefry_random_bits`: `size` draws of `width` bits. 8/16/32-bit draws come back as numbers in a
 * Uint32Array; 64-bit draws as a Uint32Array of (low, high) pairs.
 */
function randomBits(k0, k1, width, size, partitionable) {
  if (partitionable) {
    const out = new Uint32Array(width === 64 ? 2 * size : size);
    const block = new Uint32Array(2);
    const mask = width === 32 || width === 64 ? 0xffffffff : (1 << width) - 1;
    for (let i = 0; i < size; i++) {
      threefry2x32Block(k0, k1, Math.floor(i / TWO32), i >>> 0, block, 0);
      if (width === 64) {
        out[2 * i] = block[1];
        out[2 * i + 1] = block[0];
      } else out[i] = (block[0] ^ block[1]) & mask;
    }
    return out;
  }
  const words = Math.ceil((width * size) / 32);
  if (words >= 0xffffffff) throw new RangeError(`${size} draws of ${width} bits are more than 2**32-2 words`);
  const stream = hashIota(k0, k1, words);
  if (width === 32) return stream;
  const out = new Uint32Array(width === 64 ? 2 * size : size);
  for (let i = 0; i < size; i++) {
    if (width === 64) {
      out[2 * i] = stream[size + i];
      out[2 * i + 1] = stream[i];
    } else if (width === 16) out[i] = (stream[i >>> 1] >>> (16 * (i & 1))) & 0xffff;
    else out[i] = (stream[i >>> 2] >>> (8 * (i & 3))) & 0xff;
  }
  return out;
}

const UINT_ARRAYS = { uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array };

/** `jax.random.bits(key, shape, {dtype})`: uint8/16/32 (typed arrays of numbers) or uint64 (BigUint64Array). */
export function bits(key, shape = [], { dtype = "uint32", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const size = sizeOf(checkShape(shape));
  checkChoice(dtype, Object.keys(UINT_ARRAYS), "dtype");
  const width = Number(dtype.slice(4));
  const draws = randomBits(k0, k1, width, size, checkFlag(partitionable, "partitionable"));
  if (width === 64) return wideArray(draws, BigUint64Array);
  return UINT_ARRAYS[dtype].from(draws);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** (low, high) uint32 pairs as a BigUint64Array / BigInt64Array (one copy; BigInt only off little-endian). */
function wideArray(pairs, Type) {
  const out = new Type(pairs.length / 2);
  if (LITTLE_ENDIAN) new Uint32Array(out.buffer).set(pairs);
  else for (let i = 0; i < out.length; i++) out[i] = BigInt.asIntN(64, (BigInt(pairs[2 * i + 1]) << 32n) | BigInt(pairs[2 * i]));
  return out;
}

// ---- floats -------------------------------------------------------------------------------------

const identity = (x) => x;
const roundHalf = (x) => fromHalfBits(halfBits(x));
const roundBfloat16 = (x) => fromBfloat16Bits(bfloat16Bits(x));
const via32 = (f, round) => (x) => round(f(fround(x)));

/**
 * What each float dtype needs: `width`/`mant` (finfo bits/nmant), `rngBits` (random bits per value),
 * `one` (the bit pattern of 1.0), `round`, `fma` (XLA's a * b + c: one FMA for float32/float64,
 * else two float32-rounded steps), XLA's `log`/`log1p`/`erfInv`/`erf` (float16/bfloat16 through
 * float32), `tiny`, and `store` (values -> the returned typed array).
 */
const FLOATS = {
  float32: {
    rngBits: 32, mant: 23, round: fround, fma: (a, b, c) => ftz32(fma32(a, b, c)),
    fromBits: (b) => floatFromBits(((b >>> 9) | 0x3f800000) >>> 0), log: logF32, log1p: log1pF32,
    erfInv: erfInvF32, erf: erfF32, tiny: 2 ** -126, store: (v) => Float32Array.from(v),
  },
  float64: {
    rngBits: 64, mant: 52, round: identity, fma: (a, b, c) => ftz64(fma64(a, b, c)), log: logF64,
    log1p: log1pF64, erfInv: erfInvF64, erf, tiny: 2 ** -1022, store: (v) => Float64Array.from(v),
  },
  float16: {
    rngBits: 16, mant: 10, round: roundHalf, fma: (a, b, c) => roundHalf(roundHalf(a * b) + c),
    fromBits: (b) => fromHalfBits((b >>> 6) | 0x3c00), log: via32(logF32, roundHalf), log1p: via32(log1pF32, roundHalf),
    erfInv: via32(erfInvF32, roundHalf), erf: via32(erfF32, roundHalf), tiny: 2 ** -14,
    store: (v) => Uint16Array.from(v, halfBits),
  },
  bfloat16: {
    rngBits: 8, mant: 7, round: roundBfloat16, fma: (a, b, c) => roundBfloat16(roundBfloat16(a * b) + c),
    fromBits: (b) => fromBfloat16Bits((b >>> 1) | 0x3f80), log: via32(logF32, roundBfloat16),
    log1p: via32(log1pF32, roundBfloat16), erfInv: via32(erfInvF32, roundBfloat16), erf: via32(erfF32, roundBfloat16),
    tiny: 2 ** -126, store: (v) => Uint16Array.from(v, bfloat16Bits),
  },
};

const floatScratch = new Float32Array(1);
const floatScratchBits = new Uint32Array(floatScratch.buffer);
function floatFromBits(bits) {
  floatScratchBits[0] = bits;
  return floatScratch[0];
}

function floatKind(dtype) {
  return FLOATS[checkChoice(dtype, Object.keys(FLOATS), "dtype")];
}

/** A float parameter as jax converts it: float64 stays, the other dtypes go through float32. */
function floatParam(value, kind, name) {
  if (typeof value !== "number") throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  return kind === FLOATS.float64 ? value : kind.round(fround(value));
}

/** 1 + mantissa bits - 1, one value per draw: jax's floats in [0, 1) (as numbers) of `kind`. */
function unitFloats(k0, k1, kind, size, partitionable) {
  const draws = randomBits(k0, k1, kind.rngBits, size, partitionable);
  const out = new Float64Array(size);
  if (kind.rngBits === 64) {
    for (let i = 0; i < size; i++) {
      const hi = draws[2 * i + 1], lo = draws[2 * i];
      out[i] = ((hi >>> 12) * TWO32 + ((((hi & 0xfff) << 20) | (lo >>> 12)) >>> 0)) * 2 ** -52;
    }
  } else {
    for (let i = 0; i < size; i++) out[i] = kind.round(kind.fromBits(draws[i]) - 1);
  }
  return out;
}

/** `jax.random._uniform`: floats * (max - min) + min, clamped below at min (values as numbers). */
function uniformValues(k0, k1, kind, size, minval, maxval, partitionable) {
  const out = unitFloats(k0, k1, kind, size, partitionable);
  const span = kind.round(maxval - minval);
  for (let i = 0; i < size; i++) out[i] = Math.max(minval, kind.fma(out[i], span, minval));
  return out;
}

/** `jax.random.uniform(key, shape, {dtype, minval, maxval})`: [minval, maxval). */
export function uniform(key, shape = [], { dtype = "float32", minval = 0, maxval = 1, partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const kind = floatKind(dtype);
  const low = floatParam(minval, kind, "minval"), high = floatParam(maxval, kind, "maxval");
  const values = uniformValues(k0, k1, kind, sizeOf(checkShape(shape)), low, high, checkFlag(partitionable, "partitionable"));
  return kind.store(values);
}

/** Largest value of `kind` below `x` towards 0 for x = -1: nextafter(-1, 0). */
const minusOneUp = (kind) => -(1 - 2 ** -(kind.mant + 1));

function normalValues(k0, k1, kind, size, partitionable) {
  const u = uniformValues(k0, k1, kind, size, minusOneUp(kind), 1, partitionable);
  const sqrt2 = kind.round(SQRT2);
  for (let i = 0; i < size; i++) u[i] = kind.round(kind.erfInv(u[i]) * sqrt2);
  return u;
}

/** `jax.random.normal(key, shape, {dtype})`: sqrt(2) * erf_inv(uniform on (-1, 1)). */
export function normal(key, shape = [], { dtype = "float32", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const kind = floatKind(dtype);
  return kind.store(normalValues(k0, k1, kind, sizeOf(checkShape(shape)), checkFlag(partitionable, "partitionable")));
}

/** `jax.random.truncated_normal(key, lower, upper, shape, dtype)`: normals in (lower, upper). */
export function truncatedNormal(key, shape = [], { lower = -2, upper = 2, dtype = "float32", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const kind = floatKind(dtype);
  const size = sizeOf(checkShape(shape));
  const lo = floatParam(lower, kind, "lower"), hi = floatParam(upper, kind, "upper");
  const sqrt2 = kind.round(SQRT2);
  const inverse = kind.round(1 / sqrt2); // XLA turns x / sqrt(2) into x * (1 / sqrt(2))
  const a = kind.erf(kind.round(lo * inverse)), b = kind.erf(kind.round(hi * inverse));
  const u = uniformValues(k0, k1, kind, size, a, b, checkFlag(partitionable, "partitionable"));
  const floor = nextToward(lo, Infinity, kind), ceiling = nextToward(hi, -Infinity, kind);
  for (let i = 0; i < size; i++) u[i] = Math.min(Math.max(kind.round(sqrt2 * kind.erfInv(u[i])), floor), ceiling);
  return kind.store(u);
}

/** The neighbour of `x` in `kind` towards `direction` (numpy's nextafter). */
function nextToward(x, direction, kind) {
  if (x === direction) return x;
  const up = direction > x;
  if (kind === FLOATS.float64) {
    if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
    const f = new Float64Array([x]), w = new BigInt64Array(f.buffer);
    w[0] += (x > 0) === up ? 1n : -1n;
    return f[0];
  }
  const [toBits, fromBits] = kind === FLOATS.float32 ? [floatBitsOf, floatFromBits]
    : kind === FLOATS.float16 ? [halfBits, fromHalfBits] : [bfloat16Bits, fromBfloat16Bits];
  if (x === 0) return fromBits(up ? 1 : (kind === FLOATS.float32 ? 0x80000001 : 0x8001));
  const b = toBits(x);
  return fromBits((x > 0) === up ? b + 1 : b - 1);
}

function floatBitsOf(x) {
  floatScratch[0] = x;
  return floatScratchBits[0];
}

/** `jax.random.exponential(key, shape, {dtype})`: -log1p(-u). */
export function exponential(key, shape = [], { dtype = "float32", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const kind = floatKind(dtype);
  const u = uniformValues(k0, k1, kind, sizeOf(checkShape(shape)), 0, 1, checkFlag(partitionable, "partitionable"));
  for (let i = 0; i < u.length; i++) u[i] = -kind.log1p(-u[i]);
  return kind.store(u);
}

/** `jax.random._gumbel` values: -log(-log(u)); mode "high" adds a second uniform's bits below 0.5. */
function gumbelValues(k0, k1, kind, size, mode, partitionable) {
  if (mode === "high") {
    const both = uniformValues(k0, k1, kind, 2 * size, 0, 1, partitionable);
    const scale = 2 ** -kind.mant;
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const high = both[i];
      const x = high >= 0.5 ? high : kind.round(kind.round(high + kind.round(scale * both[size + i])) + kind.tiny);
      out[i] = -kind.log(-kind.log1p(-x));
    }
    return out;
  }
  // uniform on [tiny, 1): XLA folds the span to 1 and drops "+ tiny", leaving max(tiny, floats)
  const u = unitFloats(k0, k1, kind, size, partitionable);
  for (let i = 0; i < size; i++) u[i] = -kind.log(-kind.log(Math.max(kind.tiny, u[i])));
  return u;
}

/** `jax.random.gumbel(key, shape, {dtype, mode})`: -log(-log(u)). */
export function gumbel(key, shape = [], { dtype = "float32", mode, partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const kind = floatKind(dtype);
  return kind.store(gumbelValues(k0, k1, kind, sizeOf(checkShape(shape)), checkMode(mode), checkFlag(partitionable, "partitionable")));
}

/** `jax.random.bernoulli(key, p, shape)`: uniform (float32) < p, as a Uint8Array of 0/1; `p` a number
 * or an array of `size` numbers (float32 values). */
export function bernoulli(key, shape = [], { p = 0.5, mode = "low", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const size = sizeOf(checkShape(shape));
  partitionable = checkFlag(partitionable, "partitionable");
  const probs = typeof p === "number" ? null : Float32Array.from(checkLength(p, size, "p"));
  const pAt = (i) => (probs === null ? fround(p) : probs[i]);
  const out = new Uint8Array(size);
  if (checkMode(mode) === "high") {
    const u = uniformValues(k0, k1, FLOATS.float32, 2 * size, 0, 1, partitionable);
    for (let i = 0; i < size; i++) out[i] = fround(u[size + i] * 2 ** -23) < fround(pAt(i) - u[i]) ? 1 : 0;
  } else {
    const u = uniformValues(k0, k1, FLOATS.float32, size, 0, 1, partitionable);
    for (let i = 0; i < size; i++) out[i] = u[i] < pAt(i) ? 1 : 0;
  }
  return out;
}

function checkLength(values, length, name) {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TypeError(`${name} must be a number or an array, got ${describe(values)}`);
  if (values.length !== length) throw new RangeError(`${name} must have ${length} values (one per draw), got ${values.length}`);
  return values;
}

// ---- integers -----------------------------------------------------------------------------------

let RH = 0, RL = 0; // result registers of the 64-bit helpers below (no allocation per value)

/** The low 64 bits of (ah, al) * (bh, bl), into RH, RL. */
function mulLo64(ah, al, bh, bl) {
  RL = Math.imul(al, bl) >>> 0;
  RH = (mulhi32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl)) >>> 0;
}

/** (ah, al) + (bh, bl) mod 2**64, into RH, RL. */
function add64(ah, al, bh, bl) {
  const lo = (al + bl) >>> 0;
  RH = (ah + bh + (lo < al ? 1 : 0)) >>> 0;
  RL = lo;
}

/** (xh, xl) mod (sh, sl), unsigned, into RH, RL; x itself when s = 0 (XLA's remainder by zero). */
function mod64(xh, xl, sh, sl) {
  if (sh === 0) {
    if (sl === 0) {
      RH = xh;
      RL = xl;
      return;
    }
    let r = ((xh % sl) * 65536 + (xl >>> 16)) % sl;
    r = (r * 65536 + (xl & 0xffff)) % sl;
    RH = 0;
    RL = r;
    return;
  }
  // s >= 2**32, so the quotient is below 2**32; estimate it in doubles (off by at most one), then
  // r = x - q * s exactly in 96-bit limbs and correct by adding or subtracting s
  const q = Math.min(Math.floor((xh * TWO32 + xl) / (sh * TWO32 + sl)), 0xffffffff);
  const p0l = Math.imul(q, sl) >>> 0, p0h = mulhi32(q, sl);
  const p1l = Math.imul(q, sh) >>> 0, p1h = mulhi32(q, sh);
  const mid = p0h + p1l;
  const t1 = mid >>> 0, t2 = p1h + (mid > 0xffffffff ? 1 : 0);
  let r0 = xl - p0l, r1 = xh - t1, r2 = -t2; // x - q * s as signed limbs
  if (r0 < 0) { r0 += TWO32; r1 -= 1; }
  if (r1 < 0) { r1 += TWO32; r2 -= 1; }
  while (r2 < 0) { // too big a quotient: add s back
    r0 += sl; if (r0 >= TWO32) { r0 -= TWO32; r1 += 1; }
    r1 += sh; if (r1 >= TWO32) { r1 -= TWO32; r2 += 1; }
  }
  while (r2 > 0 || r1 > sh || (r1 === sh && r0 >= sl)) { // too small: subtract s
    r0 -= sl; if (r0 < 0) { r0 += TWO32; r1 -= 1; }
    r1 -= sh; if (r1 < 0) { r1 += TWO32; r2 -= 1; }
  }
  RH = r1;
  RL = r0;
}

const INT_TYPES = {
  int8: [Int8Array, 8, true], int16: [Int16Array, 16, true], int32: [Int32Array, 32, true],
  uint8: [Uint8Array, 8, false], uint16: [Uint16Array, 16, false], uint32: [Uint32Array, 32, false],
  int64: [BigInt64Array, 64, true], uint64: [BigUint64Array, 64, false],
};

/**
 * `jax.random._randint` for `size` draws: two draws of `nbits` bits folded into [minval, maxval)
 * by ((hi % span) * (2**nbits % span) + lo % span) % span (unsigned, wrapping), plus minval.
 * `low`/`span` are bigints already clipped (span 0: every value). Returns (low, high) uint32 pairs
 * for 64 bits, else unsigned numbers.
 */
function randintWords(k0, k1, nbits, size, low, span, partitionable) {
  const [[a0, a1], [b0, b1]] = twoKeys(k0, k1, partitionable);
  const higher = randomBits(a0, a1, nbits, size, partitionable), lower = randomBits(b0, b1, nbits, size, partitionable);
  if (nbits === 64) {
    const sh = Number(span >> 32n), sl = Number(span & 0xffffffffn);
    const lh = Number(BigInt.asUintN(64, low) >> 32n), ll = Number(low & 0xffffffffn);
    mod64(1, 0, sh, sl);
    mulLo64(RH, RL, RH, RL);
    mod64(RH, RL, sh, sl);
    const mh = RH, ml = RL;
    const out = new Uint32Array(2 * size);
    for (let i = 0; i < size; i++) {
      mod64(higher[2 * i + 1], higher[2 * i], sh, sl);
      mulLo64(RH, RL, mh, ml);
      const ph = RH, pl = RL;
      mod64(lower[2 * i + 1], lower[2 * i], sh, sl);
      add64(ph, pl, RH, RL);
      mod64(RH, RL, sh, sl);
      add64(lh, ll, RH, RL);
      out[2 * i] = RL;
      out[2 * i + 1] = RH;
    }
    return out;
  }
  const s = Number(span);
  const rem = (x) => (s === 0 ? x : x % s);
  let m = rem(65536);
  m = rem(Math.imul(m, m) >>> 0);
  const start = Number(BigInt.asUintN(32, low));
  const out = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    const offset = rem(((Math.imul(rem(higher[i]), m) >>> 0) + rem(lower[i])) >>> 0);
    out[i] = (start + offset) >>> 0;
  }
  return out;
}

/**
 * `jax.random.randint(key, shape, {minval, maxval, dtype})`: integers in [minval, maxval) (numbers or
 * bigints) of any integer dtype; 8- and 16-bit dtypes are drawn as int32 (as jax does).
 */
export function randint(key, shape, { minval, maxval, dtype = "int32", partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  const size = sizeOf(checkShape(shape));
  const [Type, width, signed] = INT_TYPES[checkChoice(dtype, Object.keys(INT_TYPES), "dtype")];
  let low = toBigInt(minval, "minval"), high = toBigInt(maxval, "maxval");
  let nbits = width, isSigned = signed;
  if (width < 32) { // drawn as int32 in [clip(min), clip(max, +1)]
    for (const [v, name] of [[low, "minval"], [high, "maxval"]]) {
      if (v < -(2n ** 31n) || v >= 2n ** 31n) throw new RangeError(`${name} must be in the int32 range for dtype ${dtype}, got ${v}`);
    }
    const [dmin, dmax] = signed ? [-(2n ** BigInt(width - 1)), 2n ** BigInt(width - 1) - 1n] : [0n, 2n ** BigInt(width) - 1n];
    low = low < dmin ? dmin : low > dmax ? dmax : low;
    high = high < dmin ? dmin : high > dmax + 1n ? dmax + 1n : high;
    nbits = 32;
    isSigned = true;
  }
  const [min, max] = isSigned ? [-(2n ** BigInt(nbits - 1)), 2n ** BigInt(nbits - 1) - 1n] : [0n, 2n ** BigInt(nbits) - 1n];
  const clip = (v) => (v < min ? min : v > max ? max : v);
  const mask = (1n << BigInt(nbits)) - 1n;
  let span = clip(high) <= clip(low) ? 1n : (clip(high) - clip(low)) & mask;
  if (high > max && high > low) span = (span + 1n) & mask;
  const words = randintWords(k0, k1, nbits, size, clip(low), span, checkFlag(partitionable, "partitionable"));
  if (nbits === 64) return wideArray(words, Type);
  const out = new Type(size);
  for (let i = 0; i < size; i++) out[i] = words[i]; // the typed array wraps to the dtype
  return out;
}

// ---- permutations and choices -------------------------------------------------------------------

/** Indices 0..n-1 stably sorted by `keys[offset + stride * index]` (uint32): LSD radix sort, 16 bits a pass. */
function stableOrder(keys, n, offset, stride) {
  let order = new Int32Array(n), next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[offset + stride * order[i]] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let i = 0; i < n; i++) next[counts[(keys[offset + stride * order[i]] >>> shift) & 0xffff]++] = order[i];
    [order, next] = [next, order];
  }
  return order;
}

/** `x` (flat, `shape`) with each line along `axis` reordered by `order(line)` (old index per new position). */
function permuteLines(x, shape, axis, orderOf) {
  const n = shape[axis], inner = sizeOf(shape.slice(axis + 1)), outer = sizeOf(shape.slice(0, axis));
  const out = new x.constructor(x.length);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      const order = orderOf(base, inner);
      for (let i = 0; i < n; i++) out[base + i * inner] = x[base + order[i] * inner];
    }
  }
  return out;
}

/** `jax.random._shuffle`: ceil(3 ln n / ln(2**32 - 1)) rounds of a stable sort by fresh 32-bit keys. */
function shuffle(k0, k1, x, shape, axis, partitionable) {
  const rounds = Math.ceil((3 * Math.log(Math.max(1, x.length))) / Math.log(0xffffffff));
  let key0 = k0, key1 = k1;
  for (let r = 0; r < rounds; r++) {
    const [[n0, n1], [s0, s1]] = twoKeys(key0, key1, partitionable);
    [key0, key1] = [n0, n1];
    const sortKeys = randomBits(s0, s1, 32, x.length, partitionable);
    x = permuteLines(x, shape, axis, (base, stride) => stableOrder(sortKeys, shape[axis], base, stride));
  }
  return x;
}

function permute(k0, k1, x, shape, axis, independent, partitionable) {
  if (independent || shape.length === 1) return shuffle(k0, k1, x, shape, axis, partitionable);
  const n = shape[axis];
  const order = shuffle(k0, k1, Int32Array.from({ length: n }, (_, i) => i), [n], 0, partitionable);
  return permuteLines(x, shape, axis, () => order);
}

function checkArrayShape(x, shape, name) {
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) throw new TypeError(`${name} must be a number or an array, got ${describe(x)}`);
  shape = checkShape(shape ?? [x.length], `${name}Shape`);
  if (sizeOf(shape) !== x.length || shape.length === 0) throw new RangeError(`${name}Shape ${JSON.stringify(shape)} does not hold ${x.length} values`);
  return shape;
}

/**
 * `jax.random.permutation(key, x, axis, independent)`: a shuffled 0..x-1 (Int32Array) when `x` is a
 * count, else the array `x` (flat, of shape `xShape`, default [x.length]) shuffled along `axis`.
 */
export function permutation(key, x, { xShape, axis = 0, independent = false, partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  partitionable = checkFlag(partitionable, "partitionable");
  if (typeof x === "number") {
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`x must be a non-negative integer, got ${describe(x)}`);
    return shuffle(k0, k1, Int32Array.from({ length: x }, (_, i) => i), [x], 0, partitionable);
  }
  const shape = checkArrayShape(x, xShape, "x");
  const values = Array.isArray(x) ? Float64Array.from(x) : x;
  return permute(k0, k1, values, shape, checkAxis(axis, shape.length), checkFlag(independent, "independent"), partitionable);
}

/** Indices of the k largest values, largest first, ties by lower index (XLA's TopK). */
function topK(values, k, offset = 0, stride = 1, n = values.length) {
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => values[offset + stride * b] - values[offset + stride * a] || a - b);
  return order.slice(0, k);
}

/** `jnp.cumsum` (float32) as XLA's CPU rewrite computes it: blocks of 16 in order, block totals recursively. */
function xlaCumsum(x) {
  const n = x.length, base = 16;
  const out = new Float64Array(n);
  if (n <= base) {
    let s = 0;
    for (let i = 0; i < n; i++) out[i] = s = fround(s + x[i]);
    return out;
  }
  const blocks = Math.ceil(n / base);
  const totals = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let s = 0;
    for (let i = b * base; i < (b + 1) * base; i++) s = fround(s + (i < n ? x[i] : 0));
    totals[b] = s;
  }
  const before = xlaCumsum(totals);
  for (let b = 0; b < blocks; b++) {
    let s = 0;
    const carry = b === 0 ? 0 : before[b - 1];
    for (let i = b * base; i < Math.min((b + 1) * base, n); i++) {
      s = fround(s + x[i]);
      out[i] = fround(s + carry);
    }
  }
  return out;
}

/**
 * `jax.random.choice(key, a, shape, replace, p, axis)`: `shape` draws from 0..a-1 (a count; Int32Array)
 * or from the array `a` (flat, shape `aShape`) along `axis`, with or without replacement, uniformly
 * or with probabilities `p` (float32 values).
 */
export function choice(key, a, shape = [], { replace = true, p, axis = 0, aShape, mode, partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  checkShape(shape);
  replace = checkFlag(replace, "replace");
  partitionable = checkFlag(partitionable, "partitionable");
  mode = checkMode(mode);
  const counted = typeof a === "number";
  const arrayShape = counted ? null : checkArrayShape(a, aShape, "a");
  if (!counted) axis = checkAxis(axis, arrayShape.length);
  const n = counted ? a : arrayShape[axis];
  if (counted && (!Number.isSafeInteger(a) || a < 0)) throw new RangeError(`a must be a non-negative integer, got ${describe(a)}`);
  const draws = sizeOf(shape);
  if (draws === 0) return counted ? new Int32Array(0) : new a.constructor(0);
  if (n <= 0) throw new RangeError("a must be greater than 0 unless no samples are taken");
  if (!replace && draws > n) throw new RangeError(`Cannot take a larger sample (size ${draws}) than population (size ${n}) when replace is false`);
  let index;
  if (p === undefined) {
    if (replace) {
      index = Int32Array.from(randintWords(k0, k1, 32, draws, 0n, BigInt(n), partitionable));
    } else {
      const order = shuffle(k0, k1, Int32Array.from({ length: n }, (_, i) => i), [n], 0, partitionable);
      if (counted) return order.slice(0, draws);
      index = order.slice(0, draws);
    }
  } else {
    const probs = Float32Array.from(checkLength(p, n, "p"));
    if (replace) {
      const cumulative = xlaCumsum(probs);
      const total = cumulative[n - 1];
      const u = uniformValues(k0, k1, FLOATS.float32, draws, 0, 1, partitionable);
      index = new Int32Array(draws);
      for (let i = 0; i < draws; i++) index[i] = searchLeft(cumulative, fround(total * fround(1 - u[i])));
    } else {
      const g = gumbelValues(k0, k1, FLOATS.float32, n, mode, partitionable);
      for (let i = 0; i < n; i++) g[i] = fround(g[i] + logF32(probs[i]));
      index = Int32Array.from(topK(g, draws));
    }
  }
  if (counted) return index;
  return takeAlong(a, arrayShape, axis, index);
}

/** numpy's take(x, index, axis) of a flat array: the index list replaces that axis (flat result). */
function takeAlong(x, shape, axis, index) {
  const n = shape[axis], inner = sizeOf(shape.slice(axis + 1)), outer = sizeOf(shape.slice(0, axis));
  const out = new x.constructor(outer * index.length * inner);
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < index.length; i++) {
      const base = (o * n + index[i]) * inner;
      for (let j = 0; j < inner; j++) out[k++] = x[base + j];
    }
  }
  return out;
}

/** The number of values of the sorted `values` below `x` (numpy's searchsorted, side "left"). */
function searchLeft(values, x) {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `jax.random.categorical(key, logits, axis, shape, replace)`: `logits` flat (float32 values) of shape
 * `logitsShape` (default [logits.length]); Gumbel-max (with replacement) or Gumbel-top-k (without).
 * `shape` defaults to the logits' shape without `axis`. Returns an Int32Array.
 */
export function categorical(key, logits, { logitsShape, axis = -1, shape, replace = true, mode, partitionable = true } = {}) {
  const [k0, k1] = checkKey(key);
  partitionable = checkFlag(partitionable, "partitionable");
  replace = checkFlag(replace, "replace");
  mode = checkMode(mode);
  const lshape = checkArrayShape(logits, logitsShape, "logits");
  const values = Float32Array.from(logits);
  axis = checkAxis(axis, lshape.length);
  const batch = lshape.filter((_, d) => d !== axis);
  shape = shape === undefined ? batch : checkShape(shape);
  const prefix = shape.slice(0, shape.length - batch.length);
  if (JSON.stringify(shape.slice(prefix.length)) !== JSON.stringify(batch)) {
    throw new RangeError(`shape ${JSON.stringify(shape)} must end with the logits' batch shape ${JSON.stringify(batch)}`);
  }
  const n = lshape[axis], inner = sizeOf(lshape.slice(axis + 1)), lines = sizeOf(batch);
  const count = sizeOf(prefix);
  if (replace) {
    const g = gumbelValues(k0, k1, FLOATS.float32, count * values.length, mode, partitionable);
    const out = new Int32Array(count * lines);
    for (let c = 0; c < count; c++) {
      for (let line = 0; line < lines; line++) {
        const base = c * values.length + Math.floor(line / inner) * n * inner + (line % inner);
        let best = -1, bestValue = -Infinity;
        for (let i = 0; i < n; i++) {
          const v = fround(g[base + i * inner] + values[base - c * values.length + i * inner]);
          if (best < 0 || v > bestValue) [best, bestValue] = [i, v];
        }
        out[c * lines + line] = best;
      }
    }
    return out;
  }
  if (count > n) throw new RangeError(`Number of samples without replacement (${count}) cannot exceed number of categories (${n}).`);
  const g = gumbelValues(k0, k1, FLOATS.float32, values.length, mode, partitionable);
  for (let i = 0; i < values.length; i++) g[i] = fround(values[i] + g[i]);
  const out = new Int32Array(count * lines);
  for (let line = 0; line < lines; line++) {
    const base = Math.floor(line / inner) * n * inner + (line % inner);
    topK(g, count, base, inner, n).forEach((index, c) => { out[c * lines + line] = index; });
  }
  return out;
}

