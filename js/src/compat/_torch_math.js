/**
 * Floating-point kernels of PyTorch 2.13's CPU normal sampler, bit for bit (prng/compat/_torch_math.py
 * in JS). Numbers hold float32 values where a name ends in F32 or says "float32"; every float32
 * operation is rounded with Math.fround (exact for + - * / sqrt of float32 operands).
 *
 * - `fma32` / `fma64`: correctly rounded fused multiply-add (JS has no hardware FMA).
 * - `cephesLog` / `cephesSincos`: `log256_ps` and `sincos256_ps` of torch's
 *   aten/src/ATen/native/cpu/avx_mathfun.h (Pommier's Cephes polynomials), with the FMAs GCC
 *   contracted into the AVX2 build's `NormalFill16<float>`. Only + - * fma sqrt: no libm.
 * - `normalBlockAvx2F32` / `normalBlockDefaultF32` / `normalBlockF64`: one `normal_fill_16` block
 *   of aten/src/ATen/native/cpu/DistributionTemplates.h, in place.
 * - `boxMullerF64`: `at::normal_distribution<double>` (aten/src/ATen/core/DistributionsHelper.h).
 *
 * libm: the DEFAULT float32 block calls glibc's `logf`/`sinf`/`cosf`, the float64 block `log`/`sin`/
 * `cos` and `boxMullerF64` `log1p`/`sin`/`cos`, all from ../libm (ports of glibc 2.36's x86-64 FMA
 * builds), so they match a torch linked to that glibc.
 */
import { floatBits, fromFloatBits, fromWords, highWord, lowWord } from "../libm/bits.js";
import { fma as fma64 } from "../libm/fma.js";
import { cos, cosf, log, log1p, logf, sin, sinf } from "../libm/index.js";

const fround = Math.fround;
const TAU = 2 * Math.PI; // torch's (2*pi) as a double

// ---------------------------------------------------------------------------------------------
// Exact fused multiply-add (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
// proved algorithms using rounding to odd", IEEE TC 2008).
// ---------------------------------------------------------------------------------------------

/**
 * a + b in double rounded to odd: when the sum is inexact, the neighbour of the nearest double
 * whose last significand bit is 1. Rounding that to float32 is the correctly rounded float32 sum.
 */
export function addRoundToOdd(a, b) {
  const s = a + b;
  const bVirtual = s - a;
  const err = (a - (s - bVirtual)) + (b - bVirtual); // TwoSum: s + err == a + b exactly
  const lo = lowWord(s);
  if (err === 0 || (lo & 1) === 1) return s;
  if ((err > 0) === (s > 0)) return fromWords(highWord(s), lo + 1); // one ulp away from zero
  return lo === 0 ? fromWords(highWord(s) - 1, 0xffffffff) : fromWords(highWord(s), lo - 1);
}

const FLOAT32_MIN_NORMAL = 2 ** -126;
const FLOAT32_HALF_ULP = 0x10000000; // bit 28 of a double's low word: half a float32 ulp (same exponent)

/**
 * float32 fma(a, b, c) with one rounding, for float32 operands: the product is exact in double and
 * `s = a*b + c` is rounded once. Rounding `s` to float32 then gives the correctly rounded result
 * unless `s` is a float32 midpoint (its 29 bits below float32 precision are 1000...0: the double
 * rounding may have landed on it; any other `s` lies between the same two midpoints as the exact sum),
 * or a float32 subnormal; those take the sum rounded to odd, then to nearest float32.
 */
export function fma32(a, b, c) {
  const s = a * b + c;
  return (lowWord(s) & 0x1fffffff) !== FLOAT32_HALF_ULP && !(Math.abs(s) < FLOAT32_MIN_NORMAL) ? fround(s) : fma32Odd(a, b, c);
}

/** `fma32` through the sum rounded to odd (kept out of `fma32` so that V8 inlines the short path). */
function fma32Odd(a, b, c) {
  return fround(addRoundToOdd(a * b, c));
}

/** float64 fma(a, b, c) with one rounding: ../libm's Boldo-Melquiond emulation (exact everywhere). */
export { fma64 };

// ---------------------------------------------------------------------------------------------
// avx_mathfun.h: log256_ps and sincos256_ps, as compiled into torch 2.13's AVX2 NormalFill16.
// ---------------------------------------------------------------------------------------------

const MIN_NORM = fromFloatBits(0x00800000);
const SQRTHF = fromFloatBits(0x3f3504f3);
const LOG_P = [0x3d9021bb, 0xbdebd1b8, 0x3def251a, 0xbdfe5d4f, 0x3e11e9bf, 0xbe2aae50, 0x3e4cceac,
  0xbe7ffffc, 0x3eaaaaaa].map(fromFloatBits);
const LOG_Q1 = fromFloatBits(0xb95e8083);
const LOG_Q2 = fromFloatBits(0x3f318000);
const FOPI = fromFloatBits(0x3fa2f983);
const DP1 = fromFloatBits(0xbf490000);
const DP2 = fromFloatBits(0xb97da000);
const DP3 = fromFloatBits(0xb3222169);
const [COS_C0, COS_C1, COS_C2] = [0x37ccf5ce, 0xbab6061a, 0x3d2aaaa5].map(fromFloatBits);
const [SIN_S0, SIN_S1, SIN_S2] = [0xb94ca1f9, 0x3c08839e, 0xbe2aaaa3].map(fromFloatBits);
/** float(2*pi), the float32 constant torch's AVX2 NormalFill16 multiplies by. */
export const TWO_PI_F32 = fromFloatBits(0x40c90fdb);

/** `log256_ps` for a positive float32 `x`, with the AVX2 build's FMAs. */
export function cephesLog(x) {
  const bits = floatBits(Math.max(x, MIN_NORM));
  let e = (bits >>> 23) - 127 + 1; // small integers: exact in float32
  const m = fromFloatBits((bits & 0x807fffff) | 0x3f000000); // mantissa in [0.5, 1)
  const below = m < SQRTHF;
  if (below) e -= 1;
  const x1 = fround(fround(m - 1) + (below ? m : 0));
  const z = fround(x1 * x1);
  let y = fma32(LOG_P[0], x1, LOG_P[1]);
  for (let k = 2; k < LOG_P.length; k++) y = fma32(y, x1, LOG_P[k]);
  y = fma32(fround(x1 * y), z, fround(e * LOG_Q1));
  y = fma32(-z, 0.5, y);
  return fma32(e, LOG_Q2, fround(x1 + y));
}

/**
 * `sincos256_ps` for a float32 `theta >= 0` -> [sin, cos], with the AVX2 build's FMAs; written into
 * `out` (a new array by default).
 */
export function cephesSincos(theta, out = [0, 0]) {
  const octant = (Math.trunc(fround(theta * FOPI)) + 1) & ~1;
  let x = fma32(octant, DP1, theta); // octant is a small integer: exact in float32
  x = fma32(DP2, octant, x);
  x = fma32(octant, DP3, x);
  const z = fround(x * x);
  let cosPoly = fma32(fma32(COS_C0, z, COS_C1), z, COS_C2);
  cosPoly = fround(fma32(z, fround(z * cosPoly), -fround(z * 0.5)) + 1);
  let sinPoly = fma32(fma32(SIN_S0, z, SIN_S1), z, SIN_S2);
  sinPoly = fma32(x, fround(z * sinPoly), x);
  const swapped = (octant & 2) !== 0;
  const sinValue = swapped ? cosPoly : sinPoly;
  const cosValue = swapped ? sinPoly : cosPoly;
  out[0] = (octant & 4) !== 0 ? -sinValue : sinValue;
  out[1] = (~(octant - 2) & 4) !== 0 ? -cosValue : cosValue;
  return out;
}

// ---------------------------------------------------------------------------------------------
// normal_fill_16 block transforms, in place on data[i .. i+15]: for j < 8, with u = data[i+j] and
// v = data[i+j+8], radius = sqrt(-2*log(1-u)) and theta = 2*pi*v,
// data[i+j] = radius*cos(theta)*std + mean and data[i+j+8] = radius*sin(theta)*std + mean.
// mean and std are already in the array's type.
// ---------------------------------------------------------------------------------------------

const SIN_COS = new Float64Array(2); // normalBlockAvx2F32's [sin, cos] (float32 values, exact in doubles)

/** `NormalFill16<float>` of the AVX2 build (Float32Array data): Cephes log/sincos, float32 throughout. */
export function normalBlockAvx2F32(data, i, mean, std) {
  for (let j = i; j < i + 8; j++) {
    const radius = fround(Math.sqrt(fround(cephesLog(fround(1 - data[j])) * -2)));
    cephesSincos(fround(TWO_PI_F32 * data[j + 8]), SIN_COS);
    data[j] = fma32(fround(radius * SIN_COS[1]), std, mean);
    data[j + 8] = fma32(fround(radius * SIN_COS[0]), std, mean);
  }
}

/** Scalar `normal_fill_16<float>` of the DEFAULT build (Float32Array data): glibc logf/sinf/cosf. */
export function normalBlockDefaultF32(data, i, mean, std) {
  for (let j = i; j < i + 8; j++) {
    const radius = fround(Math.sqrt(fround(-2 * logf(fround(1 - data[j])))));
    const theta = fround(TAU * data[j + 8]);
    data[j] = fma32(fround(radius * cosf(theta)), std, mean);
    data[j + 8] = fma32(fround(radius * sinf(theta)), std, mean);
  }
}

/** `normal_fill_16<double>` of every CPU build (Float64Array data): glibc log/sin/cos, fused output. */
export function normalBlockF64(data, i, mean, std) {
  for (let j = i; j < i + 8; j++) {
    const radius = Math.sqrt(-2 * log(1 - data[j]));
    const theta = TAU * data[j + 8];
    data[j] = fma64(radius * cos(theta), std, mean);
    data[j + 8] = fma64(radius * sin(theta), std, mean);
  }
}

/** `at::normal_distribution<double>`'s pair from two 53-bit uniforms: [r*cos, r*sin]. */
export function boxMullerF64(u1, u2) {
  const radius = Math.sqrt(-2 * log1p(-u2));
  const theta = TAU * u1;
  return [radius * cos(theta), radius * sin(theta)];
}
