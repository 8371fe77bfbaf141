// exp(x) - 1, bit-identical to glibc 2.36 `expm1` on x86-64 with FMA (__expm1_fma: the fdlibm
// algorithm of sysdeps/ieee754/dbl-64/s_expm1.c built with -mfma, which Debian's glibc 2.36 selects
// by ifunc like log1p; the fma() calls below are where GCC fuses, and only there: the reduction's
// invln2 * x + 0.5 stays a separate multiply and add in that build).
// fdlibm notice (kept as its licence asks): Copyright (C) 1993 by Sun Microsystems, Inc. All rights
// reserved. Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy, modify,
// and distribute this software is freely granted, provided that this notice is preserved.

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";

// Constants of s_expm1.c (hex encodings in the comments).
const O_THRESHOLD = 7.09782712893383973096e+02; // 0x40862E42 FEFA39EF
const LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INVLN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
const Q1 = -3.33333333333331316428e-02; // BFA11111 111110F4
const Q2 = 1.58730158725481460165e-03; // 3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-05; // BF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-06; // 3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-07; // BE8AFDB7 6E09C32D

/** y with k added to its binary exponent (SET_HIGH_WORD (y, high + (k << 20))). */
function addExponent(y, k) {
  return fromWords(highWord(y) + (k << 20), lowWord(y));
}

/** glibc `expm1` (__expm1, s_expm1.c). */
export function expm1(x) {
  const hx = highWord(x) & 0x7fffffff;
  const negative = x < 0;
  if (hx >= 0x4043687a) {
    // |x| >= 56*ln2, infinite or NaN
    if (x !== x) return x + x;
    if (x > O_THRESHOLD) return Infinity; // overflow, or x = +inf
    if (negative) return -1.0;
  }
  // x = k*ln2 + r with |r| <= 0.5*ln2, r = x - c in two parts.
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    let hi, lo;
    if (hx < 0x3ff0a2b2) {
      k = negative ? -1 : 1;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
    } else {
      k = Math.trunc(INVLN2 * x + (negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x); // k*ln2_hi is exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  // x is now in the primary range: a rational approximation of expm1 in x.
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const r1 = fma(h2 * h2, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1.0)));
  const t = fma(-r1, hfx, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c) - hxs;
  return expm1Scale(x, e, k);
}

/** 2^k * (1 + x - e) - 1 for k != 0: the reconstruction at the end of s_expm1.c. */
function expm1Scale(x, e, k) {
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : fma(2.0, x - e, 1.0);
  if (k <= -2 || k > 56) return addExponent(1.0 - (e - x), k) - 1.0;
  if (k < 20) return addExponent(fromWords(0x3ff00000 - (0x200000 >> k), 0) - (e - x), k); // (1 - 2^-k)
  return addExponent(x - (e + fromWords((0x3ff - k) << 20, 0)) + 1.0, k); // 2^-k
}
