/**
 * torch's float dtypes as compat.torch takes them, and the roundings torch uses to store reduced
 * precision (prng/compat/_torch_dtypes.py in JS).
 *
 * A dtype is one of the names "float16", "bfloat16", "float32", "float64"; anything else is a
 * TypeError. JS has no float16 or bfloat16 array, so those values travel as their raw 16-bit patterns
 * in a Uint16Array. They are computed in float32 (torch's `opmath_t`) and rounded once to nearest, ties
 * to even: IEEE binary16 for float16, and for bfloat16 torch's own `round_to_nearest_even`
 * (c10/util/BFloat16.h: add 0x7fff plus the lowest kept bit, drop the low 16 bits; NaN is 0x7fc0). A
 * double reaches them through float first (c10::Half/BFloat16 have only a float constructor).
 */
import { describe } from "../checks.js";

export const FLOATS = Object.freeze(["float16", "bfloat16", "float32", "float64"]);

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float32 bit pattern of a number (rounded to float32 first). */
function floatBits(x) {
  f32[0] = x;
  return u32[0];
}

/** The number whose float32 bit pattern is `bits`. */
function fromFloatBits(bits) {
  u32[0] = bits;
  return f32[0];
}

/** `dtype` if it is one of `allowed`, else a TypeError naming the choices. */
export function resolve(dtype, allowed = FLOATS, name = "dtype") {
  if (!allowed.includes(dtype)) throw new TypeError(`${name} must be one of ${allowed.join(", ")}, got ${describe(dtype)}`);
  return dtype;
}

/** The typed array that holds `name`'s values (Uint16Array for the 16-bit types). */
export function arrayType(name) {
  return name === "float64" ? Float64Array : name === "float32" ? Float32Array : Uint16Array;
}

/** The typed array `name` is computed in: Float64Array for float64, else Float32Array. */
export function computeType(name) {
  return name === "float64" ? Float64Array : Float32Array;
}

/**
 * The dtype of an output array: Float32Array/Float64Array speak for themselves, a Uint16Array needs
 * `dtype` "float16" or "bfloat16"; a `dtype` that contradicts the array is a TypeError.
 */
export function outputName(out, dtype, name = "out") {
  const own = out instanceof Float32Array ? "float32" : out instanceof Float64Array ? "float64" : null;
  if (own !== null && (dtype === undefined || dtype === own)) return own;
  if (out instanceof Uint16Array && (dtype === "float16" || dtype === "bfloat16")) return dtype;
  throw new TypeError(`${name} must be a Float32Array, a Float64Array, or a Uint16Array with dtype "float16" or ` +
    `"bfloat16", got ${describe(out)} with dtype ${describe(dtype)}`);
}

/** IEEE binary16 bits of a number, rounded once from its float32 value (ties to even). */
export function halfBits(x) {
  const bits = floatBits(x);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 | (mantissa >>> 13) : 0);
  const e = exponent - 112; // the binary16 exponent field this value would have
  if (e >= 31) return sign | 0x7c00;
  if (e <= -11) return sign;
  const significand = mantissa | 0x800000; // float32 subnormals all round to zero above
  const shift = e >= 1 ? 13 : 14 - e; // keep 10 fraction bits (normal) or the subnormal ones
  const kept = significand >>> shift;
  const rest = significand - kept * 2 ** shift;
  const halfway = 2 ** (shift - 1);
  const roundUp = rest > halfway || (rest === halfway && (kept & 1) === 1);
  const magnitude = e >= 1 ? ((e << 10) | (kept & 0x3ff)) : kept;
  return sign | (magnitude + (roundUp ? 1 : 0)); // a carry moves into the exponent (up to infinity)
}

/** The number a binary16 bit pattern stands for. */
export function fromHalfBits(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

/** torch's float -> bfloat16 rounding (`round_to_nearest_even`) of a number's float32 value. */
export function bfloat16Bits(x) {
  if (Number.isNaN(x)) return 0x7fc0;
  const bits = floatBits(x);
  return Math.floor((bits + ((bits >>> 16) & 1) + 0x7fff) / 65536);
}

/** The number a bfloat16 bit pattern stands for. */
export function fromBfloat16Bits(bits) {
  return fromFloatBits(bits * 65536);
}

/** `x` rounded to `name` as torch's `static_cast<scalar_t>` of a float or double does. */
export function roundTo(x, name) {
  if (name === "float64") return x;
  if (name === "float32") return Math.fround(x);
  return name === "float16" ? fromHalfBits(halfBits(x)) : fromBfloat16Bits(bfloat16Bits(x));
}

/** A value already of `name`'s precision as an element of `name`'s array (16-bit: its bits). */
export function encode(x, name) {
  if (name === "float16") return halfBits(x);
  return name === "bfloat16" ? bfloat16Bits(x) : x;
}

/** An element of `name`'s array as a number. */
export function decode(v, name) {
  if (name === "float16") return fromHalfBits(v);
  return name === "bfloat16" ? fromBfloat16Bits(v) : v;
}
