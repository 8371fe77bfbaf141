// Exponential, bit-identical to glibc 2.36 `exp` on x86-64 with FMA (__ieee754_exp_fma:
// sysdeps/ieee754/dbl-64/e_exp.c built with -mfma; the fma() calls below are where GCC fuses).
// expInline is the same algorithm with the extra argument tail and result sign of exp_inline()
// in e_pow.c, which pow.js uses (glibc's pow shares the exp table and its FMA build fuses alike).

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";
import {
  EXP_INVLN2N, EXP_SHIFT, EXP_NEGLN2HIN, EXP_NEGLN2LON, EXP_POLY as C, EXP_TAB,
} from "./tables.js";

const TOP12_TINY = 0x3c9; // top12(0x1p-54)
const TOP12_512 = 0x408;
const TOP12_1024 = 0x409;
const TWO_POW_1009 = 2 ** 1009;
const TWO_POW_MINUS_1022 = 2 ** -1022;
const SIGN_BIT = 0x80000000;

/** scale * (1 + tmp) when it may overflow or underflow: specialcase() in e_pow.c (e_exp.c's,
 * extended to a negative scale). */
function specialCase(tmp, sbitsHi, sbitsLo, ki) {
  if ((ki & 0x80000000) === 0) {
    const scale = fromWords(sbitsHi - (1009 << 20), sbitsLo); // k > 0
    return TWO_POW_1009 * fma(scale, tmp, scale);
  }
  const scale = fromWords(sbitsHi + (1022 << 20), sbitsLo); // k < 0
  const scaleTmp = scale * tmp;
  let y = scale + scaleTmp;
  if (Math.abs(y) < 1.0) {
    // Round to the subnormal precision first to avoid double rounding.
    const one = y < 0 ? -1.0 : 1.0;
    let lo = scale - y + scaleTmp;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = scale < 0 ? -0 : 0;
  }
  return TWO_POW_MINUS_1022 * y;
}

/** exp(x + xtail), negated if `negative`, for finite x and |xtail| < 2^-15 (exp_inline, e_pow.c). */
export function expInline(x, xtail, negative) {
  let abstop = (highWord(x) >>> 20) & 0x7ff;
  if (abstop - TOP12_TINY >= TOP12_512 - TOP12_TINY || abstop < TOP12_TINY) {
    if (abstop < TOP12_TINY) {
      const one = 1.0 + x;
      return negative ? -one : one;
    }
    if (abstop >= TOP12_1024) {
      const r = x < 0 ? 0 : Infinity; // __math_uflow / __math_oflow
      return negative ? -r : r;
    }
    abstop = 0; // large |x|: handled by specialCase below
  }
  // exp(x) = 2^(k/N) * exp(r), r in [-ln2/2N, ln2/2N].
  let kd = fma(x, EXP_INVLN2N, EXP_SHIFT);
  const ki = lowWord(kd);
  kd -= EXP_SHIFT;
  const r = fma(kd, EXP_NEGLN2LON, fma(kd, EXP_NEGLN2HIN, x)) + xtail;
  const idx = 2 * (ki & 127);
  const tail = fromWords(EXP_TAB[2 * idx + 1], EXP_TAB[2 * idx]);
  const sbitsLo = EXP_TAB[2 * idx + 2];
  const sbitsHi = (EXP_TAB[2 * idx + 3] + (ki << 13) + (negative ? SIGN_BIT : 0)) >>> 0;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C[3], C[2]), fma(fma(r, C[1], C[0]), r2, tail + r));
  if (abstop === 0) return specialCase(tmp, sbitsHi, sbitsLo, ki);
  const scale = fromWords(sbitsHi, sbitsLo);
  return fma(scale, tmp, scale);
}

/** glibc `exp` (__exp, e_exp.c). */
export function exp(x) {
  if (!Number.isFinite(x)) return x === -Infinity ? 0 : 1.0 + x;
  return expInline(x, 0, false);
}
