// Single-precision sine and cosine, bit-identical to glibc 2.36 `sinf`/`cosf`/`sincosf` on
// x86-64 with FMA (__sinf_fma, __cosf_fma: sysdeps/ieee754/flt-32/s_sinf.c, s_cosf.c with the
// x86 sincosf_poly.h, built with -mfma and evaluated in double).
// Arguments and results are JS numbers holding float32 values.

import { fma } from "./fma.js";
import { floatBits } from "./bits.js";
import { SINCOSF_TABLE, INV_PIO4 } from "./tables.js";

// Field offsets in one 14-double __sincosf_table entry; entry 1 (offset 14) negates cos.
const SIGN = 0, HPI_INV = 4, HPI = 5, C0 = 6, C1 = 7, S1 = 8, C2 = 9, S2 = 10, C3 = 11, S3 = 12,
  C4 = 13;
const ENTRY = 14;
const TOP12_PIO4 = 0x3f4; // abstop12(pi/4)
const TOP12_TINY = 0x398; // abstop12(0x1p-12f)
const TOP12_120 = 0x42f; // abstop12(120.0f)
const TOP12_INF = 0x7f8;
const PI63 = 0x1921fb54442d18 * 2 ** -114; // 2*pi * 2^-64 (0x1.921FB54442D18p-62)

/** sinf_poly (sincosf_poly.h): sin(x) for even n, cos(x) (table p) for odd n; x2 = x*x. */
function sinfPoly(x, x2, p, n) {
  const T = SINCOSF_TABLE;
  if ((n & 1) === 0) {
    const x3 = x * x2;
    const s1 = fma(x2, T[p + S3], T[p + S2]);
    const x7 = x3 * x2;
    const s = fma(x3, T[p + S1], x);
    return Math.fround(fma(x7, s1, s));
  }
  const x4 = x2 * x2;
  const c2 = fma(x2, T[p + C4], T[p + C3]);
  const c1 = fma(x2, T[p + C1], T[p + C0]);
  const x6 = x4 * x2;
  const c = fma(x4, T[p + C2], c1);
  return Math.fround(fma(x6, c2, c));
}

// Quadrant of the last reduction (no allocation).
let quadrant = 0;

/** reduce_fast (s_sincosf.h): x mod pi/2 for |x| < 120, quadrant in `quadrant`. */
function reduceFast(x) {
  const r = x * SINCOSF_TABLE[HPI_INV];
  const n = (Math.trunc(r) + 0x800000) >> 24;
  quadrant = n;
  return fma(-n, SINCOSF_TABLE[HPI], x);
}

/** reduce_large (s_sincosf.h): exact 2.62 fixed-point modulo with 192 bits of 4/pi. */
function reduceLarge(xi) {
  const arr = (xi >>> 26) & 15;
  const shift = BigInt((xi >>> 23) & 7);
  const m = BigInt((xi & 0xffffff) | 0x800000) << shift;
  const mask64 = (1n << 64n) - 1n;
  const res0 = (m * BigInt(INV_PIO4[arr])) & 0xffffffffn;
  const res1 = m * BigInt(INV_PIO4[arr + 4]);
  const res2 = m * BigInt(INV_PIO4[arr + 8]);
  let r = (((res2 >> 32n) | (res0 << 32n)) + res1) & mask64;
  const n = ((r + (1n << 61n)) & mask64) >> 62n;
  r = (r - (n << 62n)) & mask64;
  quadrant = Number(n);
  return Number(BigInt.asIntN(64, r)) * PI63;
}

/** Shared body of sinf/cosf: `odd` = 0 for sin, 1 for cos. */
function sinOrCosf(y, odd) {
  const bits = floatBits(y);
  const abstop = (bits >>> 20) & 0x7ff;
  if (abstop < TOP12_PIO4) {
    if (abstop < TOP12_TINY) return odd ? 1.0 : y;
    return sinfPoly(y, y * y, 0, odd);
  }
  let x;
  let q;
  if (abstop < TOP12_120) {
    x = reduceFast(y);
    q = quadrant;
  } else if (abstop < TOP12_INF) {
    x = reduceLarge(bits);
    q = quadrant + (bits >>> 31); // include the original sign
  } else {
    return NaN;
  }
  const p = q & 2 ? ENTRY : 0;
  return sinfPoly(x * SINCOSF_TABLE[SIGN + (q & 3)], x * x, p, quadrant ^ odd);
}

/** glibc `sinf` (__sinf, s_sinf.c). */
export function sinf(y) {
  return sinOrCosf(y, 0);
}

/** glibc `cosf` (__cosf, s_cosf.c). */
export function cosf(y) {
  return sinOrCosf(y, 1);
}

/** glibc `sincosf`: [sinf(y), cosf(y)] (measured bit-identical to glibc's __sincosf_fma). */
export function sincosf(y) {
  return [sinf(y), cosf(y)];
}
