/**
 * XLA's CPU math kernels as jax 0.10 (jaxlib 0.10.2, x86-64) compiles them, bit for bit
 * (prng/compat/_xla_math.py in JS): XLA's LLVM backend fuses a multiply feeding an add into one FMA,
 * so every `fma32`/`fma64` here stands where the compiled code has a `vfmadd`. Numbers hold float32
 * values where a name ends in F32; every float32 operation is rounded with Math.fround (exact for
 * + - * / sqrt of float32 operands).
 *
 * - `logF32`: XLA's float32 log intrinsic (Cephes' logf polynomial in three interleaved chains);
 *   `log1pF32`/`log1pF64`: XLA's log1p (Cephes rational for |x| < sqrt(2)-1, else log(1 + x));
 *   `erfInvF32`/`erfInvF64`: CHLO's erf_inv (Giles' polynomials); `erfF32`: XLA's float32 erf.
 * - float64 `log` is glibc's (../libm/log.js, a port of glibc 2.36); XLA calls the C library's.
 * - `ftz32`/`ftz64`: XLA's CPU runtime flushes subnormals to zero.
 * - float16 and bfloat16 values travel as their 16-bit patterns (`halfBits`/`fromHalfBits`,
 *   `bfloat16Bits`/`fromBfloat16Bits`: through float32, then round to nearest even, as XLA's CPU code
 *   computes a float16/bfloat16 operation in float32 and converts the result).
 */
import { floatBits, fromFloatBits } from "../libm/bits.js";
import { log as logF64 } from "../libm/index.js";
import { fma32, fma64 } from "./_torch_math.js";

const fround = Math.fround;
export { logF64 };

export const FLT_MIN = 2 ** -126;
const DBL_MIN = 2 ** -1022;
const SQRT_HALF_F32 = fromFloatBits(0x3f3504f3);
const bits32 = (list) => list.map(fromFloatBits);
// XLA's log_f32 (Cephes logf): three chains, then Q1 = -2.12194440e-4, Q2 = 0.693359375
const LOG_P = bits32([0x3d9021bb, 0xbdebd1b8, 0x3def251a]);
const LOG_Q = bits32([0xbdfe5d4f, 0x3e11e9bf, 0xbe2aae50]);
const LOG_R = bits32([0x3e4cceac, 0xbe7ffffc, 0x3eaaaaaa]);
const LOG_Q1 = fromFloatBits(0xb95e8083), LOG_Q2 = fromFloatBits(0x3f318000);
const NAN_F32 = fromFloatBits(0xffffffff);
// XLA's log1p: Cephes' rational (numerator, denominator) for |x| < sqrt(2) - 1
const LOG1P_NUM = [4.5270000862445199635215e-5, 4.9854102823193375972212e-1, 6.5787325942061044846969e0,
  2.9911919328553073277375e1, 6.0949667980987787057556e1, 5.7112963590585538103336e1, 2.0039553499201281259648e1];
const LOG1P_DEN = [1.0, 1.5062909083469192043167e1, 8.3047565967967209469434e1, 2.2176239823732856465394e2,
  3.0909872225312059774938e2, 2.1642788614495947685003e2, 6.0118660497603843919306e1];
const LOG1P_NUM_F32 = LOG1P_NUM.map(fround), LOG1P_DEN_F32 = LOG1P_DEN.map(fround);
const LOG1P_SMALL = 0.41421356237309504880;
const LOG1P_SMALL_F32 = fround(LOG1P_SMALL);
// CHLO erf_inv (Giles 2010): float32 w < 5 / else; float64 w < 6.25 / w < 16 / else
const ERF_INV32_CENTRAL = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
  -0.00125372503, -0.00417768164, 0.246640727, 1.50140941].map(fround);
const ERF_INV32_TAIL = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
  -0.0076224613, 0.00943887047, 1.00167406, 2.83297682].map(fround);
const ERF_INV64_CENTRAL = [-3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18,
  1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17, 6.6376381343583238325e-15,
  -4.0545662729752068639e-14, -8.1519341976054721522e-14, 2.6335093153082322977e-12, -1.2975133253453532498e-11,
  -5.4154120542946279317e-11, 1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08,
  4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05, 0.0001867342080340571352,
  -0.00074070253416626697512, -0.0060336708714301490533, 0.24015818242558961693, 1.6536545626831027356];
const ERF_INV64_MIDDLE = [2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07,
  1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06, 2.9234449089955446044e-06,
  1.2475304481671778723e-05, -4.7318229009055733981e-05, 6.8284851459573175448e-05, 2.4031110387097893999e-05,
  -0.0003550375203628474796, 0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066,
  -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334, 3.0838856104922207635];
const ERF_INV64_TAIL = [-2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09,
  -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08, 2.9147953450901080826e-08,
  -6.7711997758452339498e-08, 2.2900482228026654717e-07, -9.9298272942317002539e-07, 4.5260625972231537039e-06,
  -1.9681778105531670567e-05, 7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026,
  1.0103004648645343977, 4.8499064014085844221];
// XLA's float32 erf: x * P(x^2) / Q(x^2), +-1 beyond |x| = 3.8325
const ERF32_P = bits32([0x39702d51, 0x3b5f5da2, 0x3d50b6eb, 0x3e3da740, 0x3f906eba]);
const ERF32_Q = bits32([0xb3fd3906, 0x37c588df, 0x3a856d28, 0x3c6687d4, 0x3de34c21, 0x3efeb44a]);
const ERF32_CLAMP = fromFloatBits(0x407547cb);

/** Flush a float32 subnormal to (signed) zero (XLA's CPU runtime: FTZ and DAZ). */
export function ftz32(x) {
  return Math.abs(x) < FLT_MIN ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x;
}

/** Flush a float64 subnormal to (signed) zero. */
export function ftz64(x) {
  return Math.abs(x) < DBL_MIN ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x;
}

/** XLA's float32 log: Cephes' reduction to [sqrt(1/2), sqrt(2)) and polynomial, with its FMAs. */
export function logF32(value) {
  const a = ftz32(value);
  if (!(a > 0)) return a === 0 ? -Infinity : NAN_F32;
  if (a === Infinity) return Infinity;
  const bits = floatBits(a < FLT_MIN ? FLT_MIN : a);
  let e = fround((bits >>> 23) - 127 + 1);
  const mant = fromFloatBits(((bits & 0x807fffff) | 0x3f000000) >>> 0);
  const below = mant < SQRT_HALF_F32;
  const t = fround(fround(mant - 1) + (below ? mant : 0));
  if (below) e = fround(e - 1);
  const x2 = fround(t * t), x3 = fround(x2 * t);
  const p = fma32(fma32(t, LOG_P[0], LOG_P[1]), t, LOG_P[2]);
  const q = fma32(fma32(t, LOG_Q[0], LOG_Q[1]), t, LOG_Q[2]);
  const r = fma32(fma32(t, LOG_R[0], LOG_R[1]), t, LOG_R[2]);
  let y = fma32(fma32(p, x3, q), x3, r);
  y = fma32(y, x3, fround(e * LOG_Q1));
  y = fround(fma32(-0.5, x2, t) + y);
  return fma32(e, LOG_Q2, y);
}

/** XLA's log1p: Cephes' rational x - x^2/2 + x^3 N(x)/D(x) for |x| < sqrt(2) - 1, else log(1 + x). */
function log1pWith(x, num, den, round, fma, log, small) {
  if (!(Math.abs(x) < small)) return log(round(x + 1));
  const x2 = round(x * x);
  let n = num[0], d = den[0];
  for (let k = 1; k < num.length; k++) {
    n = fma(x, n, num[k]);
    d = fma(x, d, den[k]);
  }
  return round(x + fma(-0.5, x2, round(round(x * x2) * round(n / d))));
}

const id = (x) => x;

/** XLA's float32 log1p. */
export function log1pF32(x) {
  return log1pWith(ftz32(x), LOG1P_NUM_F32, LOG1P_DEN_F32, fround, fma32, logF32, LOG1P_SMALL_F32);
}

/** XLA's float64 log1p (the large-x branch calls glibc's log). */
export function log1pF64(x) {
  return log1pWith(x, LOG1P_NUM, LOG1P_DEN, id, fma64, logF64, LOG1P_SMALL);
}

/** c0 z^n + ... + cn by fused Horner steps p = fma(p, z, c). */
function horner(coefficients, z, fma) {
  let p = coefficients[0];
  for (let k = 1; k < coefficients.length; k++) p = fma(p, z, coefficients[k]);
  return p;
}

/** CHLO's float32 erf_inv: w = -log1p(-x^2); w < 5: P(w - 2.5), else Q(sqrt(w) - 3); times x. */
export function erfInvF32(x) {
  const lg = log1pF32(fround(x * -x));
  const p = lg > -5
    ? horner(ERF_INV32_CENTRAL, fround(-2.5 - lg), fma32)
    : horner(ERF_INV32_TAIL, fround(fround(Math.sqrt(-lg)) - 3), fma32);
  return fround(x * (Math.abs(x) === 1 ? Infinity : p));
}

/** CHLO's float64 erf_inv: three Giles polynomials (w < 6.25, w < 16, else); times x. */
export function erfInvF64(x) {
  const w = -log1pF64(x * -x);
  let p;
  if (w < 6.25) p = horner(ERF_INV64_CENTRAL, w + -3.125, fma64);
  else if (w < 16) p = horner(ERF_INV64_MIDDLE, Math.sqrt(w) - 3.25, fma64);
  else p = horner(ERF_INV64_TAIL, Math.sqrt(w) - 5, fma64);
  return x * (Math.abs(x) === 1 ? Infinity : p);
}

/** XLA's float32 erf: x * P(x^2) / Q(x^2) with its FMAs; +-1 beyond |x| = 3.8325. */
export function erfF32(x) {
  if (Math.abs(x) >= ERF32_CLAMP) return x < 0 ? -1 : 1;
  const x2 = fround(x * x);
  let p = ERF32_P[0];
  for (let k = 1; k < ERF32_P.length; k++) p = fma32(x2, p, ERF32_P[k]);
  let q = ERF32_Q[0];
  for (let k = 1; k < ERF32_Q.length; k++) q = fma32(x2, q, ERF32_Q[k]);
  q = fma32(x2, q, 1);
  return fround(fround(x * p) / q);
}

// ---- float16 / bfloat16 as 16-bit patterns -------------------------------------------------------

/**
 * The float16 bit pattern of `x` rounded to float32 and then to float16 (nearest even; overflow to
 * infinity): XLA's (and numpy's) float16 arithmetic computes in float32 and converts.
 */
export function halfBits(x) {
  const f = floatBits(x);
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  let mant = f & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) { // subnormal (or zero) float16
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let h = mant >>> shift;
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}

/** The value of a float16 bit pattern. */
export function fromHalfBits(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

/** The bfloat16 bit pattern nearest to `x` (float32's top half, round to nearest even). */
export function bfloat16Bits(x) {
  const f = floatBits(x);
  if ((f & 0x7f800000) === 0x7f800000 && (f & 0x7fffff)) return ((f >>> 16) | 0x40) & 0xffff;
  return ((f + 0x7fff + ((f >>> 16) & 1)) >>> 16) & 0xffff;
}

/** The value of a bfloat16 bit pattern. */
export function fromBfloat16Bits(b) {
  return fromFloatBits((b << 16) >>> 0);
}
