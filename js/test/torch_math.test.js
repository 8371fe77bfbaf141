/**
 * src/compat/_torch_math.js: the exact fused multiply-adds against exact BigInt arithmetic (their
 * truth needs no torch), and the Cephes polynomials' accuracy. The bits of cephesLog/cephesSincos
 * and the block transforms are checked against torch itself by compat_torch.test.js.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { cephesLog, cephesSincos, fma32, fma64 } from "../src/compat/_torch_math.js";
import { MT19937 } from "../src/mt19937.js";

/** A finite double as [m, e] with x = m * 2**e exactly (m a signed bigint). */
function decompose(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const field = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (field !== 0) m |= 1n << 52n;
  return [bits >> 63n ? -m : m, (field || 1) - 1075];
}

/** m * 2**e rounded to `precision` significant bits, ties to even (no overflow/underflow here). */
function roundExact(m, e, precision) {
  if (m === 0n) return 0;
  const negative = m < 0n;
  let magnitude = negative ? -m : m;
  const drop = magnitude.toString(2).length - precision;
  if (drop > 0) {
    const rest = magnitude & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    magnitude >>= BigInt(drop);
    if (rest > half || (rest === half && (magnitude & 1n) === 1n)) magnitude += 1n;
    e += drop;
  }
  const value = Number(magnitude) * 2 ** e;
  return negative ? -value : value;
}

/** a*b + c rounded once to `precision` bits, from exact integer arithmetic. */
function exactFma(a, b, c, precision) {
  const [ma, ea] = decompose(a), [mb, eb] = decompose(b), [mc, ec] = decompose(c);
  const e = Math.min(ea + eb, ec);
  const sum = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e));
  return roundExact(sum, e, precision);
}

/** Random operands with cancellation: c close to -a*b, b scaled over 2**-20 .. 2**20. */
function operands(count, round, seed) {
  const mt = MT19937.fromGenrand(seed);
  const normalish = () => mt.nextDouble() * 2 - 1 + (mt.nextDouble() - 0.5) * 1e-3;
  return Array.from({ length: count }, () => {
    const a = round(normalish());
    const b = round(normalish() * 2 ** (Math.floor(mt.nextDouble() * 40) - 20));
    const c = round(-(a * b) * (1 + normalish() * 2 ** -20));
    return [a, b, c];
  });
}

test("fma32 breaks double rounding: sums within 2**-53 of a float32 halfway point", () => {
  const f = Math.fround;
  const odd = f(1 + 2 ** -23);
  const a = f(8390641 * 2 ** -23); // a*b = 2**-24 * (1 + 124463 * 2**-47)
  const b = f(16773151 * 2 ** -48);
  const hard = [[odd, f(2 ** -24 * (1 - 2 ** -23)), odd], [a, b, 1], [-a, b, -1]];
  for (const [x, y, z] of hard) {
    const expect = exactFma(x, y, z, 24);
    assert.notEqual(f(x * y + z), expect); // the case is really hard
    assert.equal(fma32(x, y, z), expect);
  }
});

test("fma32 matches exact arithmetic", () => {
  for (const [a, b, c] of operands(3000, Math.fround, 32)) {
    assert.equal(fma32(a, b, c), exactFma(a, b, c, 24), `${a} ${b} ${c}`);
  }
});

test("fma64 matches exact arithmetic, including where mul-then-add is wrong", () => {
  const hard = [[1 + 2 ** -52, 1 - 2 ** -53, -1], [3, 1 / 3, -1], [1 + 2 ** -27, 1 + 2 ** -27, -(1 + 2 ** -26)]];
  for (const [a, b, c] of hard) {
    assert.notEqual(a * b + c, exactFma(a, b, c, 53));
    assert.equal(fma64(a, b, c), exactFma(a, b, c, 53));
  }
  for (const [a, b, c] of operands(3000, (x) => x, 64)) {
    assert.equal(fma64(a, b, c), exactFma(a, b, c, 53), `${a} ${b} ${c}`);
  }
});

test("Cephes log and sincos are float32-accurate (about 1e-7) on torch's argument ranges", () => {
  const mt = MT19937.fromGenrand(7);
  for (let k = 0; k < 5000; k++) {
    const u = Math.fround(1 - (mt.nextUint32() & 0xffffff) * 2 ** -24); // 1 - U24, in (0, 1]
    assert.ok(Math.abs(cephesLog(u) - Math.log(u)) <= 2e-7 * Math.max(1, Math.abs(Math.log(u))), `log ${u}`);
    const theta = Math.fround(Math.fround(2 * Math.PI) * u);
    const [s, c] = cephesSincos(theta);
    assert.ok(Math.abs(s - Math.sin(theta)) < 3e-7 && Math.abs(c - Math.cos(theta)) < 3e-7, `sincos ${theta}`);
  }
});
