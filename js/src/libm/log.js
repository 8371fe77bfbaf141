// Natural logarithm, bit-identical to glibc 2.36 `log` on x86-64 with FMA (__ieee754_log_fma:
// sysdeps/ieee754/dbl-64/e_log.c built with -mfma; the fma() calls below are where GCC fuses).

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";
import { LOG_LN2HI, LOG_LN2LO, LOG_POLY as A, LOG_POLY1 as B, LOG_INVC, LOG_LOGC } from "./tables.js";

const NEAR_ONE_LO = 0x3fee0000; // high word of 1 - 0x1p-4
const NEAR_ONE_HI = 0x3ff10900; // high word of 1 + 0x1.09p-4
const OFF_HI = 0x3fe60000; // high word of OFF = 0x3fe6000000000000
const TWO_POW_27 = 2 ** 27;

/** log(x) for x within [1 - 2^-4, 1 + 0x1.09p-4): the close-to-1 branch of __log. */
function logNearOne(x) {
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const p1 = fma(r2, B[3], fma(r, B[2], B[1]));
  const p2 = fma(r2, B[6], fma(r, B[5], B[4]));
  const p3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])));
  const poly = fma(fma(p3, r3, p2), r3, p1);
  // rhi = r rounded to 26 bits: (r + r*2^27) - r*2^27, both steps fused.
  const rhi = fma(-TWO_POW_27, r, fma(r, TWO_POW_27, r));
  const rlo = r - rhi;
  const rhi2 = rhi * rhi;
  const hi = fma(rhi2, B[0], r);
  let lo = fma(rhi2, B[0], r - hi);
  lo = fma(B[0] * rlo, rhi + r, lo);
  return hi + fma(poly, r3, lo);
}

/** log(x) from the encoding (hi, lo) of a positive normal x outside the near-1 interval. */
function logTable(hi, lo) {
  const tmpHi = (hi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  const z = fromWords(hi - (tmpHi & 0xfff00000), lo);
  const invc = LOG_INVC[i];
  const logc = LOG_LOGC[i];
  const r = fma(z, invc, -1.0);
  const w = fma(k, LOG_LN2HI, logc);
  const yHi = w + r;
  const yLo = fma(k, LOG_LN2LO, w - yHi + r);
  const r2 = r * r;
  const poly = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]));
  return fma(r * r2, poly, fma(r2, A[0], yLo)) + yHi;
}

/** glibc `log` (__log, e_log.c). */
export function log(x) {
  const hi = highWord(x);
  if (hi >= NEAR_ONE_LO && hi < NEAR_ONE_HI) {
    return x === 1 ? 0 : logNearOne(x);
  }
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if ((top & 0x8000) !== 0 || (top & 0x7ff0) === 0x7ff0) return NaN;
    const scaled = x * 2 ** 52; // subnormal: normalize, then take 52 off the exponent
    return logTable(highWord(scaled) - (52 << 20), lowWord(scaled));
  }
  return logTable(hi, lowWord(x));
}
