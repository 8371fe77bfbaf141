// log(1 + x), bit-identical to glibc 2.36 `log1p` on x86-64 with FMA (__log1p_fma: the fdlibm
// algorithm of sysdeps/ieee754/dbl-64/s_log1p.c built with -mfma, which Debian's glibc 2.36
// selects by ifunc like exp/log; the fma() calls below are where GCC fuses).
// fdlibm notice (kept as its licence asks): Copyright (C) 1993 by Sun Microsystems, Inc. All rights
// reserved. Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy, modify,
// and distribute this software is freely granted, provided that this notice is preserved.

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";

// Constants of s_log1p.c (hex encodings in the comments).
const LN2_HI = 6.93147180369123816490e-01; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const LP1 = 6.666666666666735130e-01; // 3FE55555 55555593
const LP2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
const LP3 = 2.857142874366239149e-01; // 3FD24924 94229359
const LP4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
const LP5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
const LP6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
const LP7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244
const TWO_THIRDS = 0.66666666666666666;

/** log1p(f) - f + hfsq, the polynomial in s = f/(2+f), times s: s*(hfsq + R) in s_log1p.c. */
function polyTerm(f, hfsq) {
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const r2 = fma(z, LP3, LP2);
  const r3 = fma(z, LP5, LP4);
  const r4 = fma(z, LP7, LP6);
  const R = fma(z6, r4, fma(z4, r3, fma(z, LP1, z2 * r2)));
  return s * (hfsq + R);
}

/** log1p for |x| < 2^-29. */
function log1pTiny(x) {
  const ax = highWord(x) & 0x7fffffff;
  if (ax < 0x3c900000) return x;
  return fma(-(x * x), 0.5, x);
}

/** glibc `log1p` (__log1p, s_log1p.c). */
export function log1p(x) {
  const hx = highWord(x) | 0;
  const ax = hx & 0x7fffffff;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1.0 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) return log1pTiny(x);
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422: f = x, k = 0
      const hfsq = 0.5 * x * x;
      return x - (hfsq - polyTerm(x, hfsq));
    }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  // x = 2^k * (1 + f) with a correction term c for the rounding of 1 + x.
  let u, hu, k, c;
  if (hx < 0x43400000) {
    u = 1.0 + x;
    hu = highWord(u);
    k = (hu >> 20) - 1023;
    c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
    c /= u;
  } else {
    u = x;
    hu = hx;
    k = (hu >> 20) - 1023;
    c = 0;
  }
  hu &= 0x000fffff;
  if (hu < 0x6a09e) {
    u = fromWords(hu | 0x3ff00000, lowWord(u));
  } else {
    k += 1;
    u = fromWords(hu | 0x3fe00000, lowWord(u));
    hu = (0x00100000 - hu) >> 2;
  }
  const f = u - 1.0;
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : fma(k, LN2_HI, fma(k, LN2_LO, c));
    const R = hfsq * fma(-f, TWO_THIRDS, 1.0);
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -((R - fma(k, LN2_LO, c)) - f));
  }
  const t = polyTerm(f, hfsq);
  if (k === 0) return f - (hfsq - t);
  return fma(k, LN2_HI, -((hfsq - (t + fma(k, LN2_LO, c))) - f));
}
