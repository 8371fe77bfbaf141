/**
 * n-d arrays as prng's JS API passes them: the values flat in C order (an Array or a typed array) plus
 * a shape (an array of non-negative integers). The shape and axis checks and numpy's `take` along an
 * axis, shared by compat/jax.js and numpy's Generator/RandomState (generator.js).
 */
import { describe } from "./checks.js";

/** The number of values of an array of shape `shape`. */
export const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);

/** `shape` must be an Array of non-negative safe integers (TypeError naming `name`). */
export function checkShape(shape, name = "shape") {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new TypeError(`${name} must be an array of non-negative integers, got ${describe(shape)}`);
  }
  return shape;
}

/** numpy's `normalize_axis_index`: `axis` in [-ndim, ndim) as an index in [0, ndim) (RangeError otherwise). */
export function checkAxis(axis, ndim) {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(axis) || axis < -n || axis >= n) throw new RangeError(`axis must be in [${-n}, ${n - 1}], got ${describe(axis)}`);
  return ((axis % n) + n) % n;
}

/**
 * The shape of the flat array `x` (argument `name`): `shape` (`${name}Shape`), default [x.length], which
 * must have at least one dimension and hold exactly x.length values.
 */
export function checkArrayShape(x, shape, name) {
  if (!Array.isArray(x) && !(ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    throw new TypeError(`${name} must be a number or an array, got ${describe(x)}`);
  }
  shape = checkShape(shape ?? [x.length], `${name}Shape`);
  if (sizeOf(shape) !== x.length || shape.length === 0) throw new RangeError(`${name}Shape ${JSON.stringify(shape)} does not hold ${x.length} values`);
  return shape;
}

/** numpy's take(x, index, axis) of a flat array: the index list replaces that axis (flat result, x's type). */
export function takeAlong(x, shape, axis, index) {
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
