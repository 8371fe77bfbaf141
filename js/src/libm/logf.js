// Single-precision natural logarithm, bit-identical to glibc 2.36 `logf` on x86-64 with FMA
// (__logf_fma: sysdeps/ieee754/flt-32/e_logf.c built with -mfma, evaluated in double).
// Arguments and results are JS numbers holding float32 values.

import { fma } from "./fma.js";
import { floatBits, fromFloatBits } from "./bits.js";
import { LOGF_INVC, LOGF_LOGC, LOGF_LN2, LOGF_POLY as A } from "./tables.js";

const OFF = 0x3f330000;

/** glibc `logf` (__logf, e_logf.c). */
export function logf(x) {
  let ix = floatBits(x);
  if (ix === 0x3f800000) return 0;
  if (ix - 0x00800000 >= 0x7f800000 - 0x00800000 || ix < 0x00800000) {
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix >= 0x80000000 || ix >= 0x7f800000) return NaN;
    ix = floatBits(x * 2 ** 23) - (23 << 23); // subnormal: normalize
  }
  // x = 2^k z, z in [OFF, 2*OFF); log(x) = log1p(z/c - 1) + log(c) + k*Ln2.
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23;
  const z = fromFloatBits(ix - (tmp & 0xff800000));
  const r = fma(z, LOGF_INVC[i], -1.0);
  const y0 = fma(k, LOGF_LN2, LOGF_LOGC[i]);
  const r2 = r * r;
  const y = fma(r2, A[0], fma(r, A[1], A[2]));
  return Math.fround(fma(r2, y, r + y0));
}
