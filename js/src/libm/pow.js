// Power, bit-identical to glibc 2.36 `pow` on x86-64 with FMA (__ieee754_pow_fma:
// sysdeps/ieee754/dbl-64/e_pow.c built with -mfma; the fma() calls below are where GCC fuses,
// and where e_pow.c calls __builtin_fma under __FP_FAST_FMA). x^y = exp(y * log(x)), with log(x)
// to about 68 bits as hi + lo and y*log(x) as ehi + elo.

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords, isSignalingNaN } from "./bits.js";
import { expInline } from "./exp.js";
import {
  POW_LOG_LN2HI as LN2HI, POW_LOG_LN2LO as LN2LO, POW_LOG_POLY as A,
  POW_LOG_INVC, POW_LOG_LOGC, POW_LOG_LOGCTAIL,
} from "./tables.js";

const OFF_HI = 0x3fe69555; // high word of OFF = 0x3fe6955500000000
const TWO_POW_52 = 2 ** 52;

// log_inline returns log(x) rounded; its tail (about 15 more bits) is left here.
let logTail = 0;

/** log(x) from the encoding (hi, lo) of x > 0, a subnormal x normalized with a negative exponent
 * field: log_inline() in e_pow.c. Sets logTail. */
function logInline(hi, lo) {
  // x = 2^k z with z in [OFF, 2*OFF); log(x) = k*Ln2 + log(c) + log1p(z/c - 1).
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords(hi - (tmpHi & 0xfff00000), lo);
  const r = fma(z, POW_LOG_INVC[i], -1.0); // exact: 1/c has few bits
  const t1 = fma(k, LN2HI, POW_LOG_LOGC[i]);
  const t2 = t1 + r;
  const lo1 = fma(k, LN2LO, POW_LOG_LOGCTAIL[i]);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r; // A[0] = -0.5
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const yHi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - yHi + ar2;
  const p = fma(ar2, fma(ar2, fma(r, A[6], A[5]), fma(r, A[4], A[3])), fma(r, A[2], A[1]));
  const yLo = fma(ar3, p, lo1 + lo2 + lo3 + lo4);
  const y = yHi + yLo;
  logTail = yHi - y + yLo;
  return y;
}

/** 0 if y is not an integer, 1 if odd, 2 if even (checkint of e_pow.c and e_powf.c; y finite
 * and nonzero). */
export function checkint(y) {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) % 2 === 1 ? 1 : 2;
}

/** pow(x, y) and powf(x, y) when y is 0, infinite or NaN. */
export function powSpecialY(x, y) {
  if (y === 0) return isSignalingNaN(x) ? x + y : 1.0;
  if (x === 1) return isSignalingNaN(y) ? x + y : 1.0;
  if (x !== x || y !== y) return x + y;
  const ax = Math.abs(x);
  if (ax === 1) return 1.0;
  if ((ax < 1) === (y > 0)) return 0.0; // |x| < 1 and y = inf, or |x| > 1 and y = -inf
  return y * y;
}

/** pow(x, y) and powf(x, y) when x is 0, infinite or NaN (y finite and nonzero). */
export function powSpecialX(x, y) {
  let x2 = x * x;
  if (highWord(x) >>> 31 && checkint(y) === 1) x2 = -x2;
  return y < 0 ? 1 / x2 : x2; // 1 / +-0 is the division by zero of __math_divzero
}

/** glibc `pow` (__pow, e_pow.c). */
export function pow(x, y) {
  let negative = false;
  let hi = highWord(x);
  let lo = lowWord(x);
  const topx = hi >>> 20;
  const topy = (highWord(y) >>> 20) & 0x7ff;
  const yOutside = topy < 0x3be || topy >= 0x43e; // |y| < 2^-65, |y| >= 2^63 or not finite
  if (topx === 0 || topx >= 0x7ff || yOutside) {
    if (y === 0 || !Number.isFinite(y)) return powSpecialY(x, y);
    if (x === 0 || !Number.isFinite(x)) return powSpecialX(x, y);
    // x and y are nonzero and finite.
    if (x < 0) {
      const yint = checkint(y);
      if (yint === 0) return NaN; // __math_invalid
      negative = yint === 1;
      hi &= 0x7fffffff;
    }
    if (yOutside) {
      const ax = Math.abs(x);
      if (ax === 1) return 1.0;
      if (topy < 0x3be) return ax > 1 ? 1.0 + y : 1.0 - y; // x^y ~ 1 + y*log(x)
      return (ax > 1) === (y > 0) ? Infinity : 0; // __math_oflow(0) / __math_uflow(0)
    }
    if ((hi >>> 20) === 0) {
      // Subnormal x: normalize, the exponent field becomes negative.
      const scaled = Math.abs(x) * TWO_POW_52;
      hi = highWord(scaled) - (52 << 20);
      lo = lowWord(scaled);
    }
  }
  const lHi = logInline(hi, lo);
  const ehi = y * lHi;
  const elo = fma(y, logTail, fma(y, lHi, -ehi));
  return expInline(ehi, elo, negative);
}
