/**
 * 32-bit limb arithmetic shared by the generators' hot loops (no BigInt), plus the BigInt <-> limb
 * conversions used at the API edge. Limb arrays are little-endian: word 0 is least significant.
 */

const TWO_NEG_32 = 2 ** -32;

/**
 * High 32 bits of the 64-bit product of two uint32 values (Random123's `mulhilo32` high half), from
 * 16-bit halves: a*b = ah*bh*2**32 + (ah*bl + al*bh)*2**16 + al*bl. Integer-only operations keep it
 * several times faster in V8 than correcting a rounded double product.
 */
export function mulhi32(a, b) {
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  const m1 = Math.imul(ah, bl), m2 = Math.imul(al, bh);
  const carry = ((m1 & 0xffff) + (m2 & 0xffff) + (Math.imul(al, bl) >>> 16)) >>> 16;
  return (Math.imul(ah, bh) + (m1 >>> 16) + (m2 >>> 16) + carry) >>> 0;
}

/**
 * The same high word as an int32, given lo = Math.imul(a, b): the double product P = fl(a*b) is within
 * 2**10 of a*b < 2**64 and lo is its exact low word, so (P - lo + 2**31) / 2**32 lies within 2**-21 of
 * hi + 1/2 and `| 0` truncates it to hi (`lo ^ -2**31` is lo - 2**31 as an int32). Fewer operations
 * than `mulhi32` but a longer dependency chain: faster where independent products overlap (Philox4x32's
 * four lanes, PCG64DXSM's output beside its LCG step), slower in a lone chain (MSWS).
 */
export function mulhiLo32(a, b, lo) {
  return (((a >>> 0) * (b >>> 0) - (lo ^ -2147483648)) * TWO_NEG_32) | 0;
}

/** `value` (a non-negative bigint below 2**(bits*n)) as n limbs of `bits` bits, least significant first. */
export function toLimbs(value, n, bits = 32) {
  const out = new Uint32Array(n);
  const mask = (1n << BigInt(bits)) - 1n;
  for (let k = 0; k < n; k++) {
    out[k] = Number(value & mask);
    value >>= BigInt(bits);
  }
  return out;
}

/** The bigint held by `count` limbs of `bits` bits of `limbs` from `offset`, least significant first. */
export function fromLimbs(limbs, offset = 0, count = limbs.length - offset, bits = 32) {
  let value = 0n;
  for (let k = count - 1; k >= 0; k--) value = (value << BigInt(bits)) | BigInt(limbs[offset + k]);
  return value;
}
