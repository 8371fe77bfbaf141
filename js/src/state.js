/**
 * Portable JSON state rules (docs/ARCHITECTURE.md, "Portable JSON"): the object a `state` getter
 * returns is exactly what Python's `prng.state_to_json` writes. Integers of fields wider than 32 bits
 * are decimal strings; all other integers are JSON numbers. The readers below validate a state object
 * field by field, so a setter can check everything before it changes anything.
 */
import { describe } from "./checks.js";

const DECIMAL = /^[0-9]+$/;

/** Checks that `value` is a state object for `bitGenerator` and returns it. */
export function readState(value, bitGenerator, name = "state") {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${name} must be a state object, got ${describe(value)}`);
  }
  if (value.bit_generator !== bitGenerator) {
    throw new RangeError(
      `${name}.bit_generator must be ${JSON.stringify(bitGenerator)}, got ${describe(value.bit_generator)}`,
    );
  }
  readObject(value, "state", name);
  return value;
}

/** `obj[key]`, which must be a plain object. */
export function readObject(obj, key, path) {
  const value = readField(obj, key, path);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${path}.${key} must be an object, got ${describe(value)}`);
  }
  return value;
}

function readField(obj, key, path) {
  if (!(key in obj)) throw new TypeError(`${path}.${key} is missing`);
  return obj[key];
}

/** One unsigned integer of `bits` bits: a bigint when `bits > 32` (read from a decimal string), else a number. */
function toUint(value, bits, where) {
  const wide = bits > 32;
  let big;
  if (typeof value === "bigint") big = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) big = BigInt(value);
  else if (wide && typeof value === "string" && DECIMAL.test(value)) big = BigInt(value);
  else {
    const kind = wide ? "a decimal string" : "an integer";
    throw new TypeError(`${where} must be ${kind} in [0, 2**${bits}), got ${describe(value)}`);
  }
  if (big < 0n || big >> BigInt(bits) !== 0n) {
    throw new RangeError(`${where} must be in [0, 2**${bits}), got ${describe(value)}`);
  }
  return wide ? big : Number(big);
}

/** `obj[key]` as an unsigned integer of `bits` bits (see `toUint`). */
export function readUint(obj, key, bits, path) {
  return toUint(readField(obj, key, path), bits, `${path}.${key}`);
}

/** `obj[key]` as an integer in [low, high]. */
export function readInt(obj, key, low, high, path) {
  const value = readField(obj, key, path);
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${path}.${key} must be an integer in [${low}, ${high}], got ${describe(value)}`);
  }
  if (value < low || value > high) {
    throw new RangeError(`${path}.${key} must be in [${low}, ${high}], got ${value}`);
  }
  return value;
}

/** `obj[key]` as an array of exactly `length` unsigned integers of `bits` bits. */
export function readUintArray(obj, key, length, bits, path) {
  const value = readField(obj, key, path);
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) {
    throw new TypeError(`${path}.${key} must be an array of ${length} integers, got ${describe(value)}`);
  }
  if (value.length !== length) {
    throw new RangeError(`${path}.${key} must have ${length} elements, got ${value.length}`);
  }
  return Array.from(value, (v, i) => toUint(v, bits, `${path}.${key}[${i}]`));
}

/** A bigint field as the portable decimal string. */
export function decimal(value) {
  return value.toString();
}
