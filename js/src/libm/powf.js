// Single-precision power, bit-identical to glibc 2.36 `powf` on x86-64 with FMA (__powf_fma:
// sysdeps/ieee754/flt-32/e_powf.c built with -mfma, evaluated in double: x^y = 2^(y * log2(x));
// the fma() calls below are where GCC fuses). Arguments and results are JS numbers holding
// float32 values.

import { fma } from "./fma.js";
import { floatBits, fromFloatBits, lowWord, fromWords } from "./bits.js";
import { checkint, powSpecialX, powSpecialY } from "./pow.js";
import {
  POWF_LOG2_INVC, POWF_LOG2_LOGC, POWF_LOG2_POLY as A, EXP2F_TAB, EXP2F_SHIFT_SCALED,
  EXP2F_POLY as C,
} from "./tables.js";

const OFF = 0x3f330000;
const SIGN_BIT = 0x80000000;
const OVERFLOW_BOUND = 127.99999995700433; // 0x1.fffffffd1d571p+6: |x^y| > 0x1.ffffffp127
const MAY_UNDERFLOW_RESULT = 2 ** -149; // __math_may_uflowf: 0x1.4p-75f * 0x1.4p-75f in float

/** log2(x) in double from the float encoding ix of x > 0 (a subnormal normalized with a negative
 * exponent field): log2_inline() in e_powf.c. */
function log2Inline(ix) {
  // x = 2^k z with z in [OFF, 2*OFF); log2(x) = log1p(z/c - 1)/ln2 + log2(c) + k.
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const top = tmp & 0xff800000;
  const z = fromFloatBits((ix - top) >>> 0);
  const k = top >> 23;
  const r = fma(z, POWF_LOG2_INVC[i], -1.0);
  const y0 = POWF_LOG2_LOGC[i] + k;
  const r2 = r * r;
  const q = fma(r2, fma(r, A[2], A[3]), fma(r, A[4], y0));
  return fma(fma(r, A[0], A[1]), r2 * r2, q);
}

/** 2^xd in double, negated if `negative`, for |xd| < 150: exp2_inline() in e_powf.c. */
function exp2Inline(xd, negative) {
  // xd = k/N + r with r in [-1/2N, 1/2N]; 2^xd = 2^(k/N) * 2^r.
  let kd = xd + EXP2F_SHIFT_SCALED;
  const ki = lowWord(kd);
  kd -= EXP2F_SHIFT_SCALED;
  const r = xd - kd;
  const j = 2 * (ki & 31);
  const s = fromWords(EXP2F_TAB[j + 1] + (ki << 15) + (negative ? SIGN_BIT : 0), EXP2F_TAB[j]);
  const y = fma(fma(r, C[0], C[1]), r * r, fma(r, C[2], 1.0));
  return y * s;
}

/** glibc `powf` (__powf, e_powf.c). */
export function powf(x, y) {
  let negative = false;
  let ix = floatBits(x);
  if (ix < 0x00800000 || ix >= 0x7f800000 || y === 0 || !Number.isFinite(y)) {
    // x subnormal, zero, negative, infinite or NaN, or y zero, infinite or NaN
    if (y === 0 || !Number.isFinite(y)) return powSpecialY(x, y);
    if (x === 0 || !Number.isFinite(x)) return powSpecialX(x, y);
    // x and y are nonzero and finite.
    if (x < 0) {
      const yint = checkint(y);
      if (yint === 0) return NaN; // __math_invalidf
      negative = yint === 1;
      ix &= 0x7fffffff;
    }
    if (ix < 0x00800000) ix = floatBits(Math.abs(x) * 2 ** 23) - (23 << 23); // subnormal: normalize
  }
  const ylogx = y * log2Inline(ix);
  if (Math.abs(ylogx) >= 126) {
    if (ylogx > OVERFLOW_BOUND) return negative ? -Infinity : Infinity; // __math_oflowf
    if (ylogx <= -150) return negative ? -0 : 0; // __math_uflowf
    if (ylogx < -149) return negative ? -MAY_UNDERFLOW_RESULT : MAY_UNDERFLOW_RESULT;
  }
  return Math.fround(exp2Inline(ylogx, negative));
}
