/**
 * The vectors' notations (vectors/README.md): float.hex() strings for doubles, decimal strings for
 * wide integers. No Node API here: the browser test (scripts/browser-test.mjs) imports it too.
 */

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
