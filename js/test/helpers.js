/** Shared test helpers: reading the vectors and exact comparisons of doubles. */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const VECTORS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "vectors");

/** Every vectors/*.json file that is a vector file (has `family` and `cases`), as [name, document]. */
export function vectorFiles() {
  return readdirSync(VECTORS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(VECTORS_DIR, f), "utf8"))])
    .filter(([, doc]) => doc && typeof doc.family === "string" && Array.isArray(doc.cases));
}

/** Python's `float.fromhex` for the `float.hex()` strings of the vectors (finite values). */
export function fromHex(text) {
  const m = /^(-?)0x([01])\.([0-9a-f]*)p([+-]?\d+)$/i.exec(text);
  if (!m) throw new Error(`not a float.hex() string: ${text}`);
  const mantissa = BigInt("0x" + m[2] + (m[3] || "0")) ;
  const exponent = Number(m[4]) - 4 * (m[3] || "0").length;
  // mantissa has at most 53 significant bits, so the product is exact (vector doubles are normal).
  const value = Number(mantissa) * 2 ** exponent;
  return m[1] ? -value : value;
}

/** Python's `float.hex()` of a double, to print a mismatch in the vectors' own notation. */
export function toHex(x) {
  if (x === 0) return Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0";
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, "0");
  return exp === 0 ? `${sign}0x0.${frac}p-1022` : `${sign}0x1.${frac}p${exp - 1023 >= 0 ? "+" : ""}${exp - 1023}`;
}

/** A decimal string -> bigint; a list of them -> list of bigints. */
export function bigOrList(value) {
  return Array.isArray(value) ? value.map((v) => BigInt(v)) : BigInt(value);
}
