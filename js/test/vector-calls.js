/**
 * Reading the distribution vectors (vectors/README.md, "Distribution cases") for the Generator,
 * RandomState and random.Random replays: arguments to JS values, results to the vectors' encoding.
 */
import { fromHex, toHex } from "./helpers.js";

/** A vector argument: float.hex strings -> number, other strings -> bigint, lists element-wise. */
export function arg(value) {
  if (Array.isArray(value)) return value.map(arg);
  if (typeof value === "string") return value.includes("p") ? fromHex(value) : BigInt(value);
  return value;
}

/** A vector integer argument as a number (counts, population sizes). */
export const num = (value) => Number(arg(value));

/** The values of one result as the vectors write them: float.hex for floats, decimal strings for integers. */
export function encoded(result, dtype) {
  const values = ArrayBuffer.isView(result) || Array.isArray(result) ? Array.from(result) : [result];
  if (dtype === "bool") return values.map(Boolean);
  if (dtype?.startsWith("float")) return values.map(toHex);
  return values.map(String);
}

/** The expected values of a call, normalized as `encoded` writes them. */
export function expected(call) {
  if (call.dtype === "bool" || call.dtype?.startsWith("float")) return call.expect;
  return call.expect.map(String);
}

/** The count `n` of a call with result shape `shape`: undefined for a scalar (numpy's size=None). */
export const countOf = (shape) => (shape === null ? undefined : shape.reduce((a, b) => a * b, 1));
