// Sine and cosine, bit-identical to glibc 2.36 `sin`/`cos`/`sincos` on x86-64 with FMA
// (__sin_fma, __cos_fma: the IBM Accurate Mathematical Library code of
// sysdeps/ieee754/dbl-64/s_sin.c built with -mfma; the fma() calls below are where GCC fuses).
// Arguments beyond 105414350 are reduced by __branred (branred.c, built without FMA).
// License: this file is derived from glibc's IBM Accurate Mathematical Library and is therefore
// LGPL-2.1-or-later (see README, "Licenses"), unlike the rest of prng (BSD-3-Clause).

import { fma } from "./fma.js";
import { highWord, lowWord, fromWords } from "./bits.js";
import {
  USNCS_S1 as S1, USNCS_S2 as S2, USNCS_S3 as S3, USNCS_S4 as S4, USNCS_S5 as S5,
  USNCS_BIG as BIG, USNCS_HP0 as HP0, USNCS_HP1 as HP1, USNCS_MP1 as MP1, USNCS_MP2 as MP2,
  USNCS_PP3 as PP3, USNCS_PP4 as PP4, USNCS_HPINV as HPINV, USNCS_TOINT as TOINT,
  SINCOSTAB,
  BRANRED_T576, BRANRED_TM600, BRANRED_TM24, BRANRED_BIG, BRANRED_BIG1, BRANRED_HP0,
  BRANRED_HP1, BRANRED_MP1, BRANRED_MP2, BRANRED_TOVERP as TOVERP,
} from "./tables.js";

// Taylor coefficients local to s_sin.c.
const SN3 = -1.66666666666664880952546298448555e-01;
const SN5 = 8.33333214285722277379541354343671e-03;
const CS2 = 4.99999999999999999999950396842453e-01;
const CS4 = -4.16666666666664434524222570944589e-02;
const CS6 = 1.38888874007937613028114285595617e-03;
const SPLIT = 134217729.0; // 2^27 + 1 (dla.h CN)

/** TAYLOR_SIN(x*x, x, dx) of s_sin.c: sin(x + dx) for |x| < 0.126. */
function taylorSin(x, dx) {
  const xx = x * x;
  const poly = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
  return x + fma(xx, fma(poly, x, -(0.5 * dx)), dx);
}

/** do_cos (s_sin.c): cos(x + dx) via the sin/cos table. */
function doCos(x, dx) {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x);
  const u = BIG + ax;
  const k = lowWord(u) << 2;
  x = ax - (u - BIG) + dx;
  const xx = x * x;
  const s = fma(x * xx, fma(xx, SN5, SN3), x);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const sn = SINCOSTAB[k], ssn = SINCOSTAB[k + 1], cs = SINCOSTAB[k + 2], ccs = SINCOSTAB[k + 3];
  const cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** do_sin (s_sin.c): sin(x + dx) via the sin/cos table (Taylor series near 0). */
function doSin(x, dx) {
  const xold = x;
  if (Math.abs(x) < 0.126) return taylorSin(x, dx);
  if (x <= 0) dx = -dx;
  const ax = Math.abs(x);
  const u = BIG + ax;
  const k = lowWord(u) << 2;
  x = ax - (u - BIG);
  const xx = x * x;
  const s = x + fma(x * xx, fma(xx, SN5, SN3), dx);
  const c = fma(x, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const sn = SINCOSTAB[k], ssn = SINCOSTAB[k + 1], cs = SINCOSTAB[k + 2], ccs = SINCOSTAB[k + 3];
  const cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)));
  const r = Math.abs(sn + cor);
  return xold < 0 || Object.is(xold, -0) ? -r : r; // copysign(sn + cor, xold)
}

// Reduced argument a + da and quadrant n, shared by the reducers below (no allocation).
let redA = 0;
let redDa = 0;

/** reduce_sincos (s_sin.c): x mod pi/2 for |x| < 105414350; returns the quadrant. */
function reduceSincos(x) {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const n = lowWord(t) & 3;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-PP3, xn, y - t2);
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  redA = b;
  redDa = db;
  return n;
}

// Result of branredPart: x*2/pi = brSum (integer part mod 4) + brB + brBb.
let brSum = 0;
let brB = 0;
let brBb = 0;
const pieces = new Float64Array(6);

/** One half (x1 or x2) of __branred: x*2/pi from 6 pieces of 24 bits of 2/pi (toverp). */
function branredPart(x) {
  let k = ((highWord(x) >>> 20) & 2047) - 450;
  k = k < 0 ? 0 : Math.trunc(k / 24);
  let gor = fromWords(highWord(BRANRED_T576) - ((k * 24) << 20), lowWord(BRANRED_T576));
  for (let i = 0; i < 6; i++) {
    pieces[i] = x * TOVERP[k + i] * gor;
    gor *= BRANRED_TM24;
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const s = pieces[i] + BRANRED_BIG - BRANRED_BIG;
    sum += s;
    pieces[i] -= s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += pieces[5 - i];
  let bb = pieces[0] - t + pieces[1] + pieces[2] + pieces[3] + pieces[4] + pieces[5];
  const s = t + BRANRED_BIG - BRANRED_BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  sum -= sum + BRANRED_BIG1 - BRANRED_BIG1;
  brSum = sum;
  brB = b;
  brBb = bb;
}

/** __branred (branred.c): x mod pi/2 for large |x| to ~136 bits; returns the quadrant. */
function branred(x) {
  x *= BRANRED_TM600;
  const t0 = x * SPLIT;
  const x1 = t0 - (t0 - x);
  const x2 = x - x1;
  branredPart(x1);
  const sum1 = brSum, b1 = brB, bb1 = brBb;
  branredPart(x2);
  const sum2 = brSum, b2 = brB, bb2 = brBb;
  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = Math.abs(b1) > Math.abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  let s = b + (bb + bb1 + bb2);
  let t = b - s + bb + (bb1 + bb2);
  b = s * SPLIT;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * BRANRED_HP0;
  bb = t1 * BRANRED_MP1 - b + t1 * BRANRED_MP2 + t2 * BRANRED_MP1 +
    (t2 * BRANRED_MP2 + s * BRANRED_HP1 + t * BRANRED_HP0);
  s = b + bb;
  t = b - s + bb;
  redA = s;
  redDa = t;
  return Math.trunc(sum) & 3;
}

/** do_sincos (s_sin.c): sin (n even) or cos (n odd) of redA + redDa, negated if n & 2. */
function doSincos(n) {
  const r = n & 1 ? doCos(redA, redDa) : doSin(redA, redDa);
  return n & 2 ? -r : r;
}

/** Quadrant of x after reduction into redA + redDa (for |x| >= 2.426265). */
function reduce(x, k) {
  return k < 0x419921fb ? reduceSincos(x) : branred(x);
}

/** glibc `sin` (__sin, s_sin.c). */
export function sin(x) {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3feb6000) return doSin(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: sin(x) = +-cos(pi/2 - |x|)
    const r = doCos(HP0 - Math.abs(x), HP1);
    return x < 0 ? -r : r;
  }
  if (k < 0x7ff00000) return doSincos(reduce(x, k));
  return NaN;
}

/** glibc `cos` (__cos, s_sin.c). */
export function cos(x) {
  const k = highWord(x) & 0x7fffffff;
  if (k < 0x3e400000) return 1.0; // |x| < 2^-27
  if (k < 0x3feb6000) return doCos(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: cos(x) = sin(pi/2 - |x|)
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    const da = y - a + HP1;
    return doSin(a, da);
  }
  if (k < 0x7ff00000) return doSincos(reduce(x, k) + 1);
  return NaN;
}

/** glibc `sincos` (s_sincos.c): [sin(x), cos(x)], the same bits as sin() and cos(). */
export function sincos(x) {
  return [sin(x), cos(x)];
}
