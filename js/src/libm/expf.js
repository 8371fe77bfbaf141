// Single-precision exponential, bit-identical to glibc 2.36 `expf` on x86-64 with FMA
// (__expf_fma: sysdeps/ieee754/flt-32/e_expf.c built with -mfma, evaluated in double).
// Arguments and results are JS numbers holding float32 values.

import { fma } from "./fma.js";
import { floatBits, lowWord, fromWords } from "./bits.js";
import { EXP2F_TAB, EXP2F_SHIFT, EXP2F_INVLN2_SCALED, EXP2F_POLY_SCALED as C } from "./tables.js";

const TOP12_88 = 0x42b; // top12(88.0f)
const OVERFLOW_BOUND = 88.72283172607422; // 0x1.62e42ep6f
const UNDERFLOW_BOUND = -103.97207641601562; // -0x1.9fe368p6f
const MAY_UNDERFLOW_BOUND = -103.27892303466797; // -0x1.9d1d9ep6f
const MAY_UNDERFLOW_RESULT = 2 ** -149; // __math_may_uflowf: 0x1.4p-75f * 0x1.4p-75f in float

/** glibc `expf` (__expf, e_expf.c). */
export function expf(x) {
  const bits = floatBits(x);
  const abstop = (bits >>> 20) & 0x7ff;
  if (abstop >= TOP12_88) {
    if (bits === 0xff800000) return 0;
    if (abstop >= 0x7f8) return x + x;
    if (x > OVERFLOW_BOUND) return Infinity;
    if (x < UNDERFLOW_BOUND) return 0;
    if (x < MAY_UNDERFLOW_BOUND) return MAY_UNDERFLOW_RESULT;
  }
  // x*N/Ln2 = k + r with r in [-1/2, 1/2]; exp(x) = 2^(k/N) * 2^(r/N).
  let kd = fma(x, EXP2F_INVLN2_SCALED, EXP2F_SHIFT);
  const ki = lowWord(kd);
  kd -= EXP2F_SHIFT;
  const r = fma(EXP2F_INVLN2_SCALED, x, -kd);
  const j = 2 * (ki & 31);
  const s = fromWords(EXP2F_TAB[j + 1] + (ki << 15), EXP2F_TAB[j]);
  const y = fma(fma(r, C[0], C[1]), r * r, fma(r, C[2], 1.0));
  return Math.fround(y * s);
}
