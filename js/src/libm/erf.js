// erf(x), bit-identical to glibc 2.36 `erf` on x86-64: the fdlibm algorithm of
// sysdeps/ieee754/dbl-64/s_erf.c, which x86-64 builds without FMA (no ifunc variant; checked: no
// vfmadd in libm.so.6's erf), calling the FMA build of `exp` (./exp.js) as glibc's does. Every
// operation below is one IEEE double operation in the C source's order; the coefficients are fdlibm's.
// fdlibm notice (kept as its licence asks): Copyright (C) 1993 by Sun Microsystems, Inc. All rights
// reserved. Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy, modify,
// and distribute this software is freely granted, provided that this notice is preserved.

import { exp } from "./exp.js";
import { fromWords, highWord } from "./bits.js";

const TINY = 1e-300;
const ERX = 8.45062911510467529297e-01; // 0x3FEB0AC1 60000000
const EFX = 1.28379167095512586316e-01; // 0x3FC06EBA 8214DB69
// erf on [0, 0.84375]
const PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
  -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const QQ = [0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
  1.32494738004321644526e-04, -3.96022827877536812320e-06];
// erf on [0.84375, 1.25]
const PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
  3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
  -2.16637559486879084300e-03];
const QA = [0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
  1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
// erfc on [1.25, 1/0.35]
const RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
  -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
  -8.12874355063065934246e+01, -9.81432934416914548592e+00];
const SA = [0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
  6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
  6.57024977031928170135e+00, -6.04244152148580987438e-02];
// erfc on [1/0.35, 6]
const RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
  -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
  -4.83519191608651397019e+02];
const SB = [0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
  3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
  -2.24409524465858183362e+01];

/** erf on |x| < 0.84375: x + x*R(x^2) (fdlibm's split evaluation of P/Q). */
function erfSmall(x, ix) {
  if (ix < 0x3e300000) { // |x| < 2**-28
    if (ix < 0x00800000) return 0.0625 * (16.0 * x + (16.0 * EFX) * x); // avoids spurious underflow
    return x + EFX * x;
  }
  const z = x * x;
  const r1 = PP[0] + z * PP[1], z2 = z * z;
  const r2 = PP[2] + z * PP[3], z4 = z2 * z2;
  const s1 = 1.0 + z * QQ[1];
  const s2 = QQ[2] + z * QQ[3];
  const s3 = QQ[4] + z * QQ[5];
  const r = r1 + z2 * r2 + z4 * PP[4];
  const s = s1 + z2 * s2 + z4 * s3;
  return x + x * (r / s);
}

/** erf on 0.84375 <= |x| < 1.25: sign(x) * (erx + P1(s)/Q1(s)), s = |x| - 1. */
function erfNearOne(x, negative) {
  const s = Math.abs(x) - 1.0;
  const P1 = PA[0] + s * PA[1], s2 = s * s;
  const Q1 = 1.0 + s * QA[1], s4 = s2 * s2;
  const P2 = PA[2] + s * PA[3], s6 = s4 * s2;
  const Q2 = QA[2] + s * QA[3];
  const P3 = PA[4] + s * PA[5];
  const Q3 = QA[4] + s * QA[5];
  const P = P1 + s2 * P2 + s4 * P3 + s6 * PA[6];
  const Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * QA[6];
  return negative ? -ERX - P / Q : ERX + P / Q;
}

/** R/S of the erfc asymptotic form for 1.25 <= x < 6 (s = 1/x^2; two intervals split at 1/0.35). */
function erfcRatio(s, ix) {
  const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
  if (ix < 0x4006DB6E) { // |x| < 1/0.35
    const R1 = RA[0] + s * RA[1], S1 = 1.0 + s * SA[1];
    const R2 = RA[2] + s * RA[3], S2 = SA[2] + s * SA[3], s8 = s4 * s4;
    const R3 = RA[4] + s * RA[5], S3 = SA[4] + s * SA[5];
    const R4 = RA[6] + s * RA[7], S4 = SA[6] + s * SA[7];
    return (R1 + s2 * R2 + s4 * R3 + s6 * R4) / (S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * SA[8]);
  }
  const R1 = RB[0] + s * RB[1], S1 = 1.0 + s * SB[1];
  const R2 = RB[2] + s * RB[3], S2 = SB[2] + s * SB[3];
  const R3 = RB[4] + s * RB[5], S3 = SB[4] + s * SB[5];
  const S4 = SB[6] + s * SB[7];
  return (R1 + s2 * R2 + s4 * R3 + s6 * RB[6]) / (S1 + s2 * S2 + s4 * S3 + s6 * S4);
}

/** glibc `erf` (__erf, s_erf.c). */
export function erf(x) {
  const hx = highWord(x) | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return (hx < 0 ? -1 : 1) + 1.0 / x; // NaN -> NaN, +-inf -> +-1
  if (ix < 0x3feb0000) return erfSmall(x, ix);
  if (ix < 0x3ff40000) return erfNearOne(x, hx < 0);
  if (ix >= 0x40180000) return hx >= 0 ? 1.0 - TINY : TINY - 1.0; // |x| >= 6
  const ax = Math.abs(x);
  const s = 1.0 / (ax * ax);
  const ratio = erfcRatio(s, ix);
  const z = fromWords(highWord(ax), 0); // SET_LOW_WORD (z, 0)
  const r = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + ratio);
  return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
}
