// Arc cosine, bit-identical to glibc 2.36 `acos` on x86-64 with FMA (__ieee754_acos_fma: the IBM
// Accurate Mathematical Library code of sysdeps/ieee754/dbl-64/e_asin.c built with -mfma; the fma()
// calls below are where GCC fuses).
// License: this file is derived from glibc's IBM Accurate Mathematical Library and is therefore
// LGPL-2.1-or-later (see README, "Licenses"), unlike the rest of prng (BSD-3-Clause).

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";
import {
  ASNCS, INROOT, UASNCS_HP0 as HP0, UASNCS_HP1 as HP1, UASNCS_F1 as F1, UASNCS_F2 as F2,
  UASNCS_F3 as F3, UASNCS_F4 as F4, UASNCS_F5 as F5, UASNCS_F6 as F6, UASNCS_RT0 as RT0,
  UASNCS_RT1 as RT1, UASNCS_RT2 as RT2, UASNCS_RT3 as RT3, UASNCS_T27 as T27,
} from "./tables.js";

/** acos(x) for 2^-54 < |x| < 2^-3: pi/2 - x - x^3 * poly(x^2), with pi/2 in two parts. */
function acosSmall(x) {
  const x2 = x * x;
  const p = fma(fma(fma(fma(fma(F6, x2, F5), x2, F4), x2, F3), x2, F2), x2, F1);
  const r = HP0 - x;
  const cor = fma(-p, x * x2, HP0 - r - x + HP1);
  return r + cor;
}

/** acos(x) for 0.125 <= |x| < 0.96875 from the asncs entry at n: the point x0 = ASNCS[n],
 * acos'(x0) = -ASNCS[n + 1], Taylor coefficients ASNCS[n + 2 .. n + h], the correction
 * ASNCS[n + h + 1] and asin(x0) = ASNCS[n + h + 2] (h = 6 .. 10 by interval). */
function acosTable(x, negative, n, h) {
  const xx = (negative ? -x : x) - ASNCS[n];
  let poly = ASNCS[n + h];
  for (let j = n + h - 1; j >= n + 2; j--) poly = fma(xx, poly, ASNCS[j]);
  const t = fma(ASNCS[n + 1], xx, fma(xx * xx, poly, ASNCS[n + h + 1]));
  const asin0 = ASNCS[n + h + 2];
  return negative ? HP0 + asin0 + (HP1 + t) : HP0 - asin0 + (HP1 - t);
}

/** acos(x) for 0.96875 <= |x| < 1: 2*asin(sqrt(z)) or pi - 2*asin(sqrt(z)), z = (1 - |x|)/2,
 * with sqrt(z) from a table-seeded Newton step, split as y + cc. */
function acosNearOne(x, negative) {
  const z = 0.5 * (negative ? 1.0 + x : 1.0 - x);
  const kz = highWord(z);
  let t = INROOT[(kz & 0x001fffff) >> 14] * fromWords((1023 + 511 - (kz >> 21)) << 20, 0);
  const r = fma(-(t * t), z, 1.0);
  t *= fma(fma(fma(RT3, r, RT2), r, RT1), r, RT0);
  const c = t * z; // ~ sqrt(z)
  const q = fma(-(0.5 * t), c, 1.5); // the Newton step is c * q, fused into its one use below
  const y = fma(-T27, c, fma(T27, c, c)); // c rounded to 26 bits
  const cc = fma(-y, y, z) / fma(q, c, y);
  const p = fma(fma(fma(fma(fma(F6, z, F5), z, F4), z, F3), z, F2), z, F1) * z;
  const yccp = (y + cc) * p;
  const res = negative ? HP0 - y + (HP1 - cc - yccp) : y + (cc + yccp);
  return res + res;
}

/** glibc `acos` (__ieee754_acos, e_asin.c). */
export function acos(x) {
  const m = highWord(x);
  const k = m & 0x7fffffff;
  const negative = m >>> 31 === 1;
  if (k < 0x3c880000) return HP0; // |x| < 2^-54
  if (k < 0x3fc00000) return acosSmall(x); // |x| < 0.125
  if (k < 0x3fe00000) {
    // 0.125 <= |x| < 0.5
    const n = k < 0x3fd00000 ? 11 * ((k & 0xfffff) >> 15) : 11 * ((k & 0xfffff) >> 14) + 352;
    return acosTable(x, negative, n, 6);
  }
  if (k < 0x3fe80000) return acosTable(x, negative, 1056 + ((k & 0xfe000) >> 11) * 3, 7);
  if (k < 0x3fed8000) return acosTable(x, negative, 992 + ((k & 0xfe000) >> 13) * 13, 8);
  if (k < 0x3fee8000) return acosTable(x, negative, 884 + ((k & 0xfe000) >> 13) * 14, 9);
  if (k < 0x3fef0000) return acosTable(x, negative, 768 + ((k & 0xfe000) >> 13) * 15, 10);
  if (k < 0x3ff00000) return acosNearOne(x, negative);
  if (k === 0x3ff00000 && lowWord(x) === 0) return negative ? 2.0 * HP0 : 0;
  return x !== x ? x + x : NaN; // |x| > 1: invalid
}
