/**
 * Argument checks shared by the constructors and methods. Every error names the argument and the
 * accepted range: TypeError for a value of the wrong kind, RangeError for a value out of range.
 */

/** A short description of `value` for error messages. */
export function describe(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** `value` (a safe integer number or a bigint, any sign) as a bigint. */
export function toBigInt(value, name) {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  throw new TypeError(`${name} must be a safe integer or a bigint, got ${describe(value)}`);
}

/** `value` as a bigint in [0, 2**bits). */
export function toUintBig(value, name, bits) {
  const big = toBigInt(value, name);
  if (big < 0n || big >> BigInt(bits) !== 0n) {
    throw new RangeError(`${name} must be in [0, 2**${bits}), got ${describe(value)}`);
  }
  return big;
}

/** `value` as a number in [0, 2**32). */
export function toUint32(value, name) {
  return Number(toUintBig(value, name, 32));
}

/**
 * A count (a size, a number of draws, bytes, jumps, children): a non-negative safe integer number.
 * Anything else, also a numeric string or a bigint, is a RangeError naming the argument, so that no
 * count is ever coerced, truncated or left to loop without end (-1, 1.5, NaN, Infinity).
 */
export function toCount(value, name) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer (a number), got ${describe(value)}`);
  }
  return value;
}

/** `value` must be an instance of `type` (a typed-array constructor). */
export function checkArray(value, type, name) {
  if (!(value instanceof type)) {
    throw new TypeError(`${name} must be a ${type.name}, got ${describe(value)}`);
  }
  return value;
}

/**
 * A word array argument (`counter`, `key`, `fromArray` words): a non-empty array (or typed array) of
 * integers each in [0, 2**bits), with exactly `length` elements when `length` is given.
 */
export function toWords(value, name, bits, length) {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) {
    throw new TypeError(`${name} must be an array of integers, got ${describe(value)}`);
  }
  if (length !== undefined ? value.length !== length : value.length === 0) {
    const want = length !== undefined ? `${length} elements` : "at least one element";
    throw new RangeError(`${name} must have ${want}, got ${value.length}`);
  }
  return Array.from(value, (v, i) => toUintBig(v, `${name}[${i}]`, bits));
}

/**
 * A counter or key given either as one integer in [0, 2**(words*wordBits)) or as `words` words of
 * `wordBits` bits (word 0 least significant); returns the words as bigints.
 */
export function toWordsOrInt(value, name, words, wordBits) {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return toWords(value, name, wordBits, words);
  let big = toUintBig(value, name, words * wordBits);
  const mask = (1n << BigInt(wordBits)) - 1n;
  const out = [];
  for (let k = 0; k < words; k++, big >>= BigInt(wordBits)) out.push(big & mask);
  return out;
}

