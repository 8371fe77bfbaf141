// Bit-level views of doubles and floats (glibc's asuint64/asdouble, GET_HIGH_WORD, asuint/asfloat).
// A double is handled as two uint32 words, high (sign, exponent, top 20 mantissa bits) and low.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

const f32 = new Float32Array(1);
const u32f = new Uint32Array(f32.buffer);

/** High 32 bits of the IEEE-754 encoding of `x`, as an unsigned integer. */
export function highWord(x) {
  f64[0] = x;
  return u32[HI];
}

/** Low 32 bits of the IEEE-754 encoding of `x`, as an unsigned integer. */
export function lowWord(x) {
  f64[0] = x;
  return u32[LO];
}

/** The double whose encoding has the given high and low words (taken mod 2^32). */
export function fromWords(hi, lo) {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** The double adjacent to finite nonzero `x`, one unit in the last place away from zero or
 * towards it (the 64-bit encoding plus or minus one). */
export function nextMagnitude(x, awayFromZero) {
  f64[0] = x;
  const lo = u32[LO];
  if (awayFromZero) {
    u32[LO] = lo + 1;
    if (lo === 0xffffffff) u32[HI] += 1;
  } else {
    u32[LO] = lo - 1;
    if (lo === 0) u32[HI] -= 1;
  }
  return f64[0];
}

/** True if `x` is a signaling NaN (quiet bit clear; as far as the JS engine keeps NaN bits). A
 * float's signaling NaN widened bit for bit to a double is one too. */
export function isSignalingNaN(x) {
  f64[0] = x;
  const hi = u32[HI];
  return (hi & 0x7ff80000) === 0x7ff00000 && ((hi & 0xfffff) | u32[LO]) !== 0;
}

/** The 32-bit encoding of the float nearest to `x` (exact when `x` is already a float). */
export function floatBits(x) {
  f32[0] = x;
  return u32f[0];
}

/** The float (as a JS number) whose encoding is `bits`. */
export function fromFloatBits(bits) {
  u32f[0] = bits;
  return f32[0];
}
