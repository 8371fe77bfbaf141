// Exact fused multiply-add, fma(a, b, c) = a*b + c rounded once (IEEE-754 round to nearest even).
// glibc's x86-64 FMA builds (__log_fma, __exp_fma, __sin_fma, ...) are compiled with -mfma and
// GCC contracts a*b+c into vfmadd; the JS ports call fma() exactly where those builds do.
//
// Fast path: Dekker's exact product, then Boldo & Melquiond's emulated FMA
// ("Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd",
// IEEE Trans. Computers 57(4), 2008): fma = RN(th + RO(tl + pl)) where a*b = p + pl and c + p = th + tl exactly.
// Operands far from 1 (where a split, product error or sum could overflow or underflow) take an
// exact BigInt path instead.

import { highWord, lowWord, nextMagnitude } from "./bits.js";

const SPLITTER = 134217729; // 2^27 + 1
const TWO_POW_996 = 2 ** 996;
const TWO_POW_1020 = 2 ** 1020;
const TWO_POW_MINUS_960 = 2 ** -960;

/** The odd neighbour of s towards s + e (s + e rounded to odd, given s = RN(s + e), e != 0). */
function oddTowards(s, e) {
  if ((lowWord(s) & 1) === 1) return s;
  return nextMagnitude(s, (e > 0) === (s > 0));
}

/** Integer significand and exponent of a finite double: x = m * 2^e. */
function decompose(x) {
  const hi = highWord(x);
  const expField = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lowWord(x));
  if (expField !== 0) m |= 1n << 52n;
  return { m: hi >>> 31 ? -m : m, e: (expField || 1) - 1075 };
}

/** The double nearest to the integer s * 2^e (ties to even, gradual underflow). */
function roundScaled(s, e) {
  const neg = s < 0n;
  let mag = neg ? -s : s;
  const bitLength = mag.toString(2).length;
  const lsbExp = Math.max(e + bitLength - 53, -1074);
  if (lsbExp > e) {
    const shift = BigInt(lsbExp - e);
    const rem = mag & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    mag >>= shift;
    if (rem > half || (rem === half && (mag & 1n) === 1n)) mag += 1n;
    e = lsbExp;
  }
  // mag <= 2^53 here, so Number(mag) is exact; scale in two steps to stay in range.
  const e1 = Math.trunc(e / 2);
  const v = Number(mag) * 2 ** e1 * 2 ** (e - e1);
  return neg ? -v : v;
}

/** Exact a*b + c for finite operands, via BigInt. */
function fmaExact(a, b, c) {
  const A = decompose(a);
  const B = decompose(b);
  const C = decompose(c);
  const pe = A.e + B.e;
  const e = Math.min(pe, C.e);
  const sum = ((A.m * B.m) << BigInt(pe - e)) + (C.m << BigInt(C.e - e));
  if (sum === 0n) return a * b + c; // exact cancellation: IEEE sign rules of the plain sum
  return roundScaled(sum, e);
}

/** fma for the operands the fast path declines: zeros, non-finite values, extreme exponents. */
function fmaSlow(a, b, c) {
  const p = a * b;
  const finiteProduct = Number.isFinite(a) && Number.isFinite(b);
  if (!Number.isFinite(c)) return finiteProduct ? c : p + c;
  if (!finiteProduct) return p + c;
  if (a === 0 || b === 0) return p + c; // exact product: IEEE rules of the plain sum
  return fmaExact(a, b, c);
}

/** fma(a, b, c): a*b + c with a single rounding (C99 fma, round to nearest). */
export function fma(a, b, c) {
  const p = a * b;
  const ap = Math.abs(p);
  // Fast path where no split, product error or sum can overflow or underflow (NaN fails too).
  if (ap >= TWO_POW_MINUS_960 && ap < TWO_POW_1020 && Math.abs(c) < TWO_POW_1020 &&
      Math.abs(a) < TWO_POW_996 && Math.abs(b) < TWO_POW_996) {
    // TwoProduct (Veltkamp split), then TwoSum twice, written out inline.
    let t = SPLITTER * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLITTER * b;
    const bh = t - (t - b);
    const bl = b - bh;
    const pl = al * bl - (((p - ah * bh) - al * bh) - ah * bl); // a*b = p + pl
    const th = c + p;
    t = th - c;
    const tl = (c - (th - t)) + (p - t); // c + p = th + tl
    let v = tl + pl;
    t = v - tl;
    const ve = (tl - (v - t)) + (pl - t); // tl + pl = v + ve
    if (ve !== 0) v = oddTowards(v, ve); // round tl + pl to odd
    const r = th + v;
    if (r === 0 || Math.abs(r) >= TWO_POW_MINUS_960) return r;
  }
  return fmaSlow(a, b, c);
}
