/**
 * Distribution parameters as numpy's `disc` / `cont` take them (numpy/random/_common.pyx): each a
 * number or a flat Array / typed array of numbers, broadcast 1-D (every array has the result's
 * length or length 1), all checked before any draw; and int64 results written without BigInt in the
 * loop (uint32 limb pairs viewed as a BigInt64Array, as `integers` does).
 */
import { describe, toCount } from "./checks.js";

const TWO_32 = 2 ** 32;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** numpy's `POISSON_LAM_MAX` (and `LEGACY_POISSON_LAM_MAX`, equal with a 64-bit C long). */
export const POISSON_LAM_MAX = 2 ** 63 - Math.sqrt(2 ** 63) * 10;

/** Whether `value` is an Array or a typed array (not a DataView). */
export function isArrayLike(value) {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** One parameter element as a number: a number, or (`integer`) a safe integer number or bigint. */
function element(value, name, integer) {
  if (integer) {
    const v = typeof value === "bigint" && value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : value;
    if (Number.isSafeInteger(v)) return v;
    if (typeof value === "bigint") throw new RangeError(`${name} must be a safe integer, got ${describe(value)}`);
    throw new TypeError(`${name} must be an integer (a safe integer number or a bigint), got ${describe(value)}`);
  }
  if (typeof value !== "number") throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  return value;
}

/**
 * A parameter: `{ values, step }` with its values as a Float64Array (one value with step 0 for a
 * scalar), each passing `check(v)` (a RangeError `${name} must be ${range}` otherwise).
 */
export function param(value, name, check, range, { integer = false } = {}) {
  const scalar = !isArrayLike(value);
  const values = scalar
    ? Float64Array.of(element(value, name, integer))
    : Float64Array.from(value, (v, i) => element(v, `${name}[${i}]`, integer));
  for (let i = 0; i < values.length; i++) {
    if (!check(values[i])) {
      const where = scalar ? name : `${name}[${i}]`;
      throw new RangeError(`${where} must be ${range}, got ${describe(scalar ? value : value[i])}`);
    }
  }
  return { values, step: values.length === 1 ? 0 : 1, scalar };
}

/**
 * The number of values to draw for `params` and count `n`: undefined (one value) when `n` is
 * undefined and every parameter is a scalar; else `n`, or the arrays' common length. Arrays of
 * another length than the result's (other than 1) are a RangeError naming them.
 */
export function broadcastCount(n, params, names) {
  let count = n === undefined ? undefined : toCount(n, "n");
  if (count === undefined && params.every((p) => p.scalar)) return undefined;
  params.forEach((p, i) => {
    if (p.scalar || p.values.length === 1) return;
    if (count === undefined) count = p.values.length;
    else if (p.values.length !== count) {
      throw new RangeError(`${names[i]} has ${p.values.length} values, which do not broadcast to ${count}`);
    }
  });
  return count ?? 1;
}

/** A BigInt64Array / BigUint64Array from (lo, hi) uint32 limb pairs. */
export function bigArrayFromPairs(Type, pairs) {
  if (LITTLE_ENDIAN) return new Type(pairs.buffer, pairs.byteOffset, pairs.length / 2);
  const wrap = Type === BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
  return Type.from({ length: pairs.length / 2 }, (_, k) =>
    wrap(64, (BigInt(pairs[2 * k + 1]) << 32n) | BigInt(pairs[2 * k])));
}

/** Writes int64 values (integral doubles; Infinity stands for INT64_MAX) as uint32 limb pairs. */
export class Int64Out {
  constructor(count) {
    this.pairs = new Uint32Array(2 * count);
  }

  /** Value `k` := `v` (two's complement limbs; exact for every integral double in int64 range). */
  set(k, v) {
    if (v === Infinity) {
      this.pairs[2 * k] = 0xffffffff;
      this.pairs[2 * k + 1] = 0x7fffffff;
    } else {
      this.pairs[2 * k] = v % TWO_32; // stored mod 2**32
      this.pairs[2 * k + 1] = Math.floor(v / TWO_32);
    }
  }

  /** The values as a BigInt64Array (a view of the pairs on little-endian hosts). */
  result() {
    return bigArrayFromPairs(BigInt64Array, this.pairs);
  }
}

/** One int64 value as a bigint (Infinity: INT64_MAX). */
export function int64Scalar(v) {
  return v === Infinity ? 2n ** 63n - 1n : BigInt(v);
}

/**
 * `draw(a, b, c)` per value over the broadcast `params` (up to three), as int64: a BigInt64Array of
 * the broadcast count, or one bigint when there is nothing to broadcast and `n` is undefined.
 */
export function int64Draws(n, params, names, draw) {
  const count = broadcastCount(n, params, names);
  const [a, b, c] = params;
  const av = a.values, as = a.step;
  const bv = b?.values, bs = b?.step ?? 0;
  const cv = c?.values, cs = c?.step ?? 0;
  if (count === undefined) return int64Scalar(draw(av[0], bv?.[0], cv?.[0]));
  const out = new Int64Out(count);
  for (let k = 0; k < count; k++) out.set(k, draw(av[k * as], bv?.[k * bs], cv?.[k * cs]));
  return out.result();
}

// Continuous distributions (numpy's `cont`, `cont_f` and their broadcasts).

/** numpy's CONS_NON_NEGATIVE: not (signbit and not NaN), so -0 fails and NaN passes. */
export const isNonNegative = (v) => !(v < 0 || Object.is(v, -0));
/** numpy's CONS_POSITIVE: not (v <= 0), so NaN passes. */
export const isPositive = (v) => !(v <= 0);
export const NON_NEGATIVE = ">= 0 (and not -0)";
export const POSITIVE = "> 0";

/**
 * `draw(a, b, c)` per value over the broadcast `params` (up to three), into a `Type` (Float64Array
 * or Float32Array) of the broadcast count, or one number when nothing is broadcast and `n` is
 * undefined.
 */
export function floatDraws(n, params, names, draw, Type = Float64Array) {
  const count = broadcastCount(n, params, names);
  const [a, b, c] = params;
  const av = a?.values, as = a?.step ?? 0;
  const bv = b?.values, bs = b?.step ?? 0;
  const cv = c?.values, cs = c?.step ?? 0;
  if (count === undefined) return draw(av?.[0], bv?.[0], cv?.[0]);
  const out = new Type(count);
  for (let k = 0; k < count; k++) out[k] = draw(av?.[k * as], bv?.[k * bs], cv?.[k * cs]);
  return out;
}
